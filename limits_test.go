package wlp_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/profile"
)

// limSizes are the framework sizes the load benchmarks grow through:
// competencies, and roles (a tenth as many).
var limSizes = []int{500, 1000, 5000}

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

// limShapes are the hostile shapes besides whole frameworks.
var limShapes = []string{"unknown-fields", "duplicate-keys", "long-of", "wrong-types"}

// limLoad loads one framework document and returns the number of
// problems. It fails tb if a valid document does not load, or a hostile
// one loads.
func limLoad(tb testing.TB, doc []byte, wantValid bool) int {
	_, err := wlp.Load(bytes.NewReader(doc))
	if wantValid {
		if err != nil {
			tb.Fatalf("a generated valid framework does not load: %.1000v", err)
		}
		return 0
	}
	var ve *wlp.ValidationError
	if !errors.As(err, &ve) {
		tb.Fatalf("a hostile framework loaded, or failed without problems: %v", err)
	}
	return len(ve.Problems)
}

// BenchmarkLoadGrowth loads frameworks of growing size, valid and
// hostile, and hostile documents of other shapes, reporting the time per
// competency (or per item): linear growth shows as a flat ns/item across
// sizes.
func BenchmarkLoadGrowth(b *testing.B) {
	for _, hostile := range []bool{false, true} {
		kind := "valid"
		if hostile {
			kind = "hostile"
		}
		for _, n := range limSizes {
			doc := limFramework(n, hostile)
			b.Run(fmt.Sprintf("%s/%dx%d", kind, n, n/10), func(b *testing.B) {
				b.SetBytes(int64(len(doc)))
				probs := 0
				for b.Loop() {
					probs = limLoad(b, doc, !hostile)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/competency")
				b.ReportMetric(float64(probs), "problems")
			})
		}
	}
	for _, shape := range limShapes {
		for _, n := range limSizes {
			doc := limShape(shape, 10*n)
			b.Run(fmt.Sprintf("%s/%d", shape, 10*n), func(b *testing.B) {
				b.SetBytes(int64(len(doc)))
				for b.Loop() {
					limLoad(b, doc, false)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(10*n), "ns/item")
			})
		}
	}
}

// limPerItem returns the best of runs timings of load(doc), divided by
// items: the minimum is the measurement least disturbed by other work.
func limPerItem(runs, items int, load func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range runs {
		start := time.Now()
		load()
		best = min(best, time.Since(start))
	}
	return best / time.Duration(items)
}

// limMaxRatio bounds how much slower per item the largest document may
// load than the smallest: a tenfold larger document taking up to 4 times
// longer per item allows for cache effects and garbage collection, and
// still catches quadratic work, which would take 10 times longer.
const limMaxRatio = 4

// The sizes TestLoadTimeGrowsLinearly compares: a tenfold step, smaller
// than the benchmarks' so that the test stays quick under the race
// detector.
const (
	limTestSmall = 300
	limTestLarge = 3000
)

// TestLoadTimeGrowsLinearly times the loading of small and large
// documents, valid and hostile, in the same run, and checks that the time
// per item of the large one stays within limMaxRatio of the small one's.
func TestLoadTimeGrowsLinearly(t *testing.T) {
	type pair struct {
		name         string
		small, large []byte
		nSmall, nLrg int
		valid        bool
	}
	pairs := []pair{
		{"valid framework", limFramework(limTestSmall, false), limFramework(limTestLarge, false), limTestSmall, limTestLarge, true},
		{"hostile framework", limFramework(limTestSmall, true), limFramework(limTestLarge, true), limTestSmall, limTestLarge, false},
	}
	for _, s := range limShapes {
		pairs = append(pairs, pair{s, limShape(s, 3*limTestSmall), limShape(s, 3*limTestLarge), 3 * limTestSmall, 3 * limTestLarge, false})
	}
	limLoad(t, pairs[0].small, true) // compile the schemas before timing
	for _, p := range pairs {
		var problemsSmall, problemsLarge int
		perSmall := limPerItem(5, p.nSmall, func() { problemsSmall = limLoad(t, p.small, p.valid) })
		perLarge := limPerItem(3, p.nLrg, func() { problemsLarge = limLoad(t, p.large, p.valid) })
		ratio := float64(perLarge) / float64(perSmall)
		t.Logf("%s: %v per item at %d items, %v at %d: ratio %.2f; problems %d and %d",
			p.name, perSmall, p.nSmall, perLarge, p.nLrg, ratio, problemsSmall, problemsLarge)
		if ratio > limMaxRatio {
			t.Errorf("%s: loading %d items takes %.1f times longer per item than %d items (limit %d): the work grows faster than linearly",
				p.name, p.nLrg, ratio, p.nSmall, limMaxRatio)
		}
		if !p.valid && problemsLarge < problemsSmall*(p.nLrg/p.nSmall)/2 {
			t.Errorf("%s: %d problems at %d items but %d at %d: problems should grow with the document", p.name, problemsSmall, p.nSmall, problemsLarge, p.nLrg)
		}
	}
}

// TestLimitsHoldForLargeDocuments checks that the generated documents
// stay within the default size bound (so the growth test measures
// loading, not the bound) and that profiles have a bound of their own.
func TestLimitsHoldForLargeDocuments(t *testing.T) {
	for _, hostile := range []bool{false, true} {
		doc := limFramework(limSizes[len(limSizes)-1], hostile)
		if len(doc) >= wlp.DefaultMaxBytes {
			t.Errorf("the largest generated framework (hostile %v) is %d bytes, over the bound %d", hostile, len(doc), wlp.DefaultMaxBytes)
		}
	}
	if wlp.DefaultMaxBytes != 8<<20 || wlp.DefaultMaxDepth != 64 || profile.DefaultMaxBytes != 1<<20 || wlp.MaxWeight != 1e6 {
		t.Errorf("the default limits changed (framework %d bytes, depth %d; profile %d bytes; weight %v): update SECURITY.md",
			wlp.DefaultMaxBytes, wlp.DefaultMaxDepth, profile.DefaultMaxBytes, float64(wlp.MaxWeight))
	}
}
