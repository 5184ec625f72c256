package wlp_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// limLargest is the most competencies a generated framework has in these
// tests, and roles a tenth as many.
const limLargest = 5000

// limWriter builds a JSON document by hand, so that hostile documents can
// hold what encoding/json would never write (duplicate keys, wrong types).
type limWriter struct{ strings.Builder }

func (w *limWriter) f(format string, args ...any) { fmt.Fprintf(w, format, args...) }

// limFramework returns a framework document of n competencies, n/10
// areas, n/10 roles of four requirements each (single and group) and
// n/100 jobs blending three roles with a need of their own. A valid one
// loads; a hostile one has the same shape with several problems in almost
// every object: duplicate IDs, unknown fields, duplicate keys, unknown and
// repeated IDs in of, levels off the scale, weights that are zero,
// negative or over the limit, AtLeast out of range, and jobs that name
// unknown roles and jobs.
func limFramework(n int, hostile bool) []byte {
	areas, roles, jobs := n/10, n/10, max(n/100, 1)
	id := func(i int) string { // a rated ID, competency or area
		i %= n + areas
		if i < n {
			return fmt.Sprintf("competency-%d", i)
		}
		return fmt.Sprintf("area-%d", i-n)
	}
	var w limWriter
	w.f(`{"id":"big","name":"Big framework","version":"1","competencies":[`)
	clusters := []string{"interpersonal", "business-management", "personal"}
	for i := range n {
		if i > 0 {
			w.f(",")
		}
		cid := id(i)
		if hostile && i%2 == 1 {
			cid = id(i - 1) // a duplicate
		}
		w.f(`{"id":%q,"name":"Competency %d","cluster":%q,"summary":"What competency %d is.","behaviors":["Does %d well."]`, cid, i, clusters[i%3], i, i)
		if hostile && i%3 == 0 {
			w.f(`,"colour":"red","name":"Again"`) // an unknown field and a duplicate key
		}
		w.f("}")
	}
	w.f(`],"areas":[`)
	for i := range areas {
		if i > 0 {
			w.f(",")
		}
		w.f(`{"id":%q,"name":"Area %d","summary":"What area %d covers."}`, id(n+i), i, i)
	}
	w.f(`],"roles":[`)
	req := func(k, j int) {
		level, weight, atLeast := 1+(k+j)%5, float64(1+(k*7+j)%4), 0
		of := []string{id(k*13 + j)}
		if j%2 == 1 {
			of = append(of, id(k*17+j+1), id(k*19+j+2))
			atLeast = 1 + k%3
		}
		if hostile {
			level = []int{0, 6, -1, 3}[j]
			weight = []float64{0, -1, 1e7, 2}[j]
			of = append(of, fmt.Sprintf("ghost-%d", k), of[0], "Not An ID")
			atLeast = []int{-1, 9, 0, 2}[j]
		}
		w.f(`{"of":[`)
		for x, o := range of {
			if x > 0 {
				w.f(",")
			}
			w.f("%q", o)
		}
		w.f(`],"level":%d,"weight":%g`, level, weight)
		if atLeast != 0 {
			w.f(`,"atLeast":%d`, atLeast)
		}
		w.f(`,"why":"Because %d needs it."}`, k)
	}
	for k := range roles {
		if k > 0 {
			w.f(",")
		}
		rid := k
		if hostile && k%2 == 1 {
			rid = k - 1
		}
		w.f(`{"id":"role-%d","name":"Role %d","summary":"What role %d does.","requirements":[`, rid, k, k)
		for j := range 4 {
			if j > 0 {
				w.f(",")
			}
			req(k, j)
		}
		w.f("]}")
	}
	w.f(`],"jobs":[`)
	for k := range jobs {
		if k > 0 {
			w.f(",")
		}
		w.f(`{"id":"job-%d","title":"Job %d","roles":[`, k, k)
		for s := range 3 {
			if s > 0 {
				w.f(",")
			}
			target := fmt.Sprintf("role-%d", (k*3+s)%roles)
			if hostile {
				target = []string{fmt.Sprintf("job-%d", k), fmt.Sprintf("job-%d", (k+1)%jobs), "no-such-role"}[s]
			}
			w.f(`{"role":%q,"weight":%d}`, target, 1+s)
		}
		w.f(`],"requirements":[`)
		req(k, 3)
		w.f("]}")
	}
	w.f("]}")
	return []byte(w.String())
}

// limShape returns a hostile document of n items of one kind.
func limShape(kind string, n int) []byte {
	var w limWriter
	switch kind {
	case "unknown-fields": // one object with n unknown keys
		w.f(`{"id":"x"`)
		for i := range n {
			w.f(`,"Field-%d":%d`, i, i)
		}
		w.f("}")
	case "duplicate-keys": // one key n times
		w.f(`{"name":"x"`)
		for range n {
			w.f(`,"id":"x"`)
		}
		w.f("}")
	case "long-of": // one requirement whose of lists n IDs, most unknown or repeated
		w.f(`{"competencies":[{"id":"a","name":"A","cluster":"personal"}],"roles":[{"id":"r","name":"R","requirements":[{"of":["a"`)
		for i := range n {
			if i%2 == 0 {
				w.f(`,"a"`)
			} else {
				w.f(`,"u-%d"`, i)
			}
		}
		w.f(`],"level":3,"weight":1}]}]}`)
	case "wrong-types": // n values of the wrong type
		w.f(`{"competencies":[`)
		for i := range n {
			if i > 0 {
				w.f(",")
			}
			w.f(`{"id":%d,"name":[],"cluster":null}`, i)
		}
		w.f("]}")
	default:
		panic("unknown shape " + kind)
	}
	return []byte(w.String())
}

// TestLimitsShapesAreHostile checks that the generated documents are
// what the memory tests take them for: the valid framework loads, and
// each hostile one fails with problems that grow with it (to the report's
// bound, past which they are counted).
func TestLimitsShapesAreHostile(t *testing.T) {
	if _, err := wlp.Load(bytes.NewReader(limFramework(300, false))); err != nil {
		t.Fatalf("a generated valid framework does not load: %.1000v", err)
	}
	docs := map[string]func(n int) []byte{
		"hostile framework": func(n int) []byte { return limFramework(n, true) },
	}
	for _, shape := range []string{"unknown-fields", "duplicate-keys", "long-of", "wrong-types"} {
		docs[shape] = func(n int) []byte { return limShape(shape, 3*n) }
	}
	for name, doc := range docs {
		small, large := limProblems(t, doc(30)), limProblems(t, doc(3000))
		if small == 0 || large < 2*small || large < problem.MaxReported {
			t.Errorf("%s: %d problems at 30 items, %d at 3000; want more than %d at 3000, and more than at 30", name, small, large, problem.MaxReported)
		}
	}
}

// limProblems loads doc and returns how many problems it has, listed or
// not; it fails t if doc loads.
func limProblems(t *testing.T, doc []byte) int {
	t.Helper()
	_, err := wlp.Load(bytes.NewReader(doc))
	var ve *wlp.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("a hostile document loaded, or failed without problems: %v", err)
	}
	if len(ve.Problems) > problem.MaxReported {
		t.Errorf("%d problems listed, over the bound %d", len(ve.Problems), problem.MaxReported)
	}
	return len(ve.Problems) + ve.Omitted
}

// TestLimitsHoldForLargeDocuments checks that the generated documents
// stay within the default size bound (so the growth test measures
// loading, not the bound) and that profiles have a bound of their own.
func TestLimitsHoldForLargeDocuments(t *testing.T) {
	for _, hostile := range []bool{false, true} {
		doc := limFramework(limLargest, hostile)
		if len(doc) >= wlp.DefaultMaxBytes {
			t.Errorf("the largest generated framework (hostile %v) is %d bytes, over the bound %d", hostile, len(doc), wlp.DefaultMaxBytes)
		}
	}
	if wlp.DefaultMaxBytes != 8<<20 || wlp.DefaultMaxDepth != 64 || profile.DefaultMaxBytes != 1<<20 || wlp.MaxWeight != 1e6 {
		t.Errorf("the default limits changed (framework %d bytes, depth %d; profile %d bytes; weight %v): update SECURITY.md",
			wlp.DefaultMaxBytes, wlp.DefaultMaxDepth, profile.DefaultMaxBytes, float64(wlp.MaxWeight))
	}
}
