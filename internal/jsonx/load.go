package jsonx

import (
	"encoding/json"
	"reflect"
	"strconv"
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
			missing := map[string]bool{} // "object path\x00field" reported missing
			for _, p := range l.Problems {
				if name, ok := strings.CutPrefix(p.Message, "missing required field "); ok {
					missing[p.Path+"\x00"+name] = true
				}
			}
			for _, p := range semantic() {
				// Skip "the name is empty" after "missing required field
				// \"name\"": one problem, one report.
				i := strings.LastIndexByte(p.Path, '/')
				if i >= 0 && missing[p.Path[:i]+"\x00"+strconv.Quote(p.Path[i+1:])] {
					continue
				}
				l.Problems = append(l.Problems, p)
			}
		}
	}
	if len(sprobs) > 0 {
		// A schema problem is explained by one of ours at the same place
		// or, below the root, inside it.
		at, inside := map[string]bool{}, map[string]bool{}
		for _, p := range l.Problems {
			at[p.Path] = true
			for i := len(p.Path) - 1; i > 0; i-- {
				if p.Path[i] == '/' {
					if inside[p.Path[:i]] {
						break // its ancestors are in already
					}
					inside[p.Path[:i]] = true
				}
			}
		}
		for _, sp := range sprobs {
			if !at[sp.Path] && !inside[sp.Path] {
				l.Problems = append(l.Problems, sp)
			}
		}
	}
	return l.Problems
}
