package jsonx

import (
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
	Check(v, reflect.TypeOf(dst).Elem(), "", &l)
	if len(l.Problems) == 0 {
		if probs := Decode(v.AppendJSON(nil), dst, lim); len(probs) > 0 {
			return probs
		}
		if semantic != nil {
			l.Problems = append(l.Problems, semantic()...)
		}
	}
	for _, sp := range sprobs {
		if !covered(sp, l.Problems) {
			l.Problems = append(l.Problems, sp)
		}
	}
	return l.Problems
}

// covered reports whether one of mine explains the schema problem p: it
// is at the same place, inside it, or around it.
func covered(p problem.Problem, mine []problem.Problem) bool {
	for _, m := range mine {
		if m.Path == p.Path || strings.HasPrefix(m.Path, p.Path+"/") || strings.HasPrefix(p.Path, m.Path+"/") {
			return true
		}
	}
	return false
}
