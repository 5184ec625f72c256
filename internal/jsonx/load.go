package jsonx

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/wlpmodel/wlp/internal/problem"
	"github.com/wlpmodel/wlp/schema"
)

// Load reads one document of a schema kind into dst, strictly and in
// order: it parses data (size, UTF-8, duplicate keys, nesting, trailing
// data), validates it against the embedded JSON Schema of kind, checks it
// against dst's Go type, decodes it, and finally runs semantic, which
// reports what a schema cannot express (such as unknown IDs). It returns
// every problem found. The schema's verdict always holds: where the
// schema rejects a place that no other check explains, the schema's own
// message is reported.
func Load(data []byte, dst any, lim Limits, kind string, semantic func() []problem.Problem) []problem.Problem {
	v, probs := Parse(data, lim)
	if v == nil {
		return probs
	}
	sprobs, err := schema.Validate(kind, v.Any())
	if err != nil {
		return []problem.Problem{{Message: err.Error()}}
	}
	l := problem.List{Problems: probs}
	if Check(v, reflect.TypeOf(dst).Elem(), "", &l) {
		// Unknown fields, missing fields and repeated keys leave a
		// decodable document: decode it and run the semantic checks too,
		// so the caller hears of every problem at once.
		if err := json.Unmarshal(v.AppendJSON(nil), dst); err != nil {
			return append(l.Problems, problem.Problem{Message: "decoding: " + err.Error()})
		}
		if semantic != nil {
			for _, p := range semantic() {
				if !missing(p, l.Problems) {
					l.Problems = append(l.Problems, p)
				}
			}
		}
	}
	for _, sp := range sprobs {
		if !covered(sp, l.Problems) {
			l.Problems = append(l.Problems, sp)
		}
	}
	return l.Problems
}

// missing reports whether p is about a field already reported missing,
// such as "the name is empty" after "missing required field \"name\"".
func missing(p problem.Problem, found []problem.Problem) bool {
	i := strings.LastIndexByte(p.Path, '/')
	if i < 0 {
		return false
	}
	want := fmt.Sprintf("missing required field %q", p.Path[i+1:])
	for _, f := range found {
		if f.Path == p.Path[:i] && f.Message == want {
			return true
		}
	}
	return false
}

// covered reports whether one of found explains the schema problem p: it
// is at the same place or, below the document's root, inside it.
func covered(p problem.Problem, found []problem.Problem) bool {
	for _, f := range found {
		if f.Path == p.Path || (p.Path != "" && strings.HasPrefix(f.Path, p.Path+"/")) {
			return true
		}
	}
	return false
}
