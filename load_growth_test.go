package wlp_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// The cost of Load, measured in bytes allocated rather than in time, so
// that super-linear growth cannot come back unnoticed: the tests here
// fail when loading a document four times as large allocates more than
// six times as much, or when any document allocates more per byte than
// SECURITY.md states.

// loadDeep returns a framework document whose name is an array nested
// depth levels deep in all.
func loadDeep(depth int) []byte {
	return []byte(`{"name":` + strings.Repeat("[", depth-1) + strings.Repeat("]", depth-1) + `}`)
}

// loadShape is a document of a given size and shape.
type loadShape struct {
	name     string
	valid    bool
	maxDepth int
	doc      func(size int) []byte
}

// loadShapes are the shapes the memory tests and benchmarks load: valid
// documents of words and of tiny values, and hostile ones, each made to
// measure.
var loadShapes = []loadShape{
	{"valid", true, 0, func(size int) []byte { return limFramework(size/230, false) }},
	{"valid-empty-strings", true, 0, func(size int) []byte {
		return alloctest.Fill(`{"competencies":[{"id":"a","name":"A","cluster":"personal","behaviors":[`, `""`, `]}]}`, size)
	}},
	{"valid-requirements", true, 0, func(size int) []byte {
		return alloctest.Fill(`{"competencies":[{"id":"a","name":"A","cluster":"personal"}],"roles":[{"id":"r","name":"R","requirements":[`, `{"of":["a"],"level":1,"weight":1}`, `]}]}`, size)
	}},
	{"valid-long-string", true, 0, func(size int) []byte {
		return []byte(`{"description":"` + strings.Repeat("x", size-20) + `"}`)
	}},
	{"hostile", false, 0, func(size int) []byte { return limFramework(size/250, true) }},
	{"empty-objects", false, 0, func(size int) []byte { return alloctest.Fill(`{"competencies":[`, `{}`, `]}`, size) }},
	{"unknown-fields", false, 0, func(size int) []byte { return limShape("unknown-fields", size/20) }},
	{"duplicate-keys", false, 0, func(size int) []byte { return limShape("duplicate-keys", size/10) }},
	{"wrong-types", false, 0, func(size int) []byte { return limShape("wrong-types", size/40) }},
	{"unknown-ids", false, 0, func(size int) []byte { return limShape("long-of", size/8) }},
	{"long-key", false, 0, func(size int) []byte { return []byte(`{"` + strings.Repeat("k", size-10) + `":1}`) }},
	{"deep-arrays", false, wlp.MaxDepthCeiling, func(size int) []byte {
		d := min(size/2, wlp.MaxDepthCeiling)
		return []byte(strings.Repeat("[", d) + strings.Repeat("]", d))
	}},
	{"deep-objects", false, wlp.MaxDepthCeiling, func(size int) []byte {
		d := min(size/6, wlp.MaxDepthCeiling)
		return []byte(strings.Repeat(`{"a":`, d) + "1" + strings.Repeat("}", d))
	}},
}

// loadAlloc loads doc and returns the bytes allocated; it fails t unless
// the load succeeds for a valid document and fails with a validation
// error for a hostile one.
func loadAlloc(t testing.TB, ld wlp.Loader, doc []byte, valid bool) uint64 {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ld.Load(bytes.NewReader(doc))
	runtime.ReadMemStats(&after)
	var ve *wlp.ValidationError
	switch {
	case valid && err != nil:
		t.Fatalf("a valid document does not load: %.500v", err)
	case !valid && !errors.As(err, &ve):
		t.Fatalf("a hostile document loaded, or failed without a validation error: %.500v", err)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestLoadMemoryMultiple loads every shape at the size bound of its
// Loader (256 KiB here, to keep the test quick: the cost per byte does
// not depend on the bound), and 2.8 million empty objects at the default
// bound, and checks the bytes allocated per byte.
func TestLoadMemoryMultiple(t *testing.T) {
	const size = 256 << 10
	loadAlloc(t, wlp.Loader{}, []byte(`{}`), true) // fill the caches first
	shapes := append(slices.Clone(loadShapes), loadShape{"empty-objects-at-default-bound", false, 0, func(int) []byte {
		return alloctest.Fill(`{"competencies":[`, `{}`, `]}`, wlp.DefaultMaxBytes)
	}})
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			doc := s.doc(size)
			bound := max(size, len(doc))
			if len(doc) > bound {
				t.Fatalf("the document is %d bytes, over the bound %d", len(doc), bound)
			}
			ld := wlp.Loader{MaxBytes: int64(bound), MaxDepth: s.maxDepth}
			got := loadAlloc(t, ld, doc, s.valid)
			limit := alloctest.MaxPerByte
			if !s.valid {
				limit = alloctest.MaxPerByteRejected
			}
			perByte := float64(got) / float64(len(doc))
			t.Logf("%d bytes: %d allocated, %.1f per byte", len(doc), got, perByte)
			if got > uint64(limit*len(doc)+alloctest.FixedBytes) {
				t.Errorf("loading %d bytes allocated %d bytes, %.1f per byte: over the %d per byte (plus %d) that SECURITY.md states",
					len(doc), got, perByte, limit, alloctest.FixedBytes)
			}
		})
	}
}

// TestLoadAllocationsGrowLinearly loads every shape at two sizes, N and
// 4N, and checks that the larger allocates at most six times as much:
// linear growth gives about four, quadratic sixteen.
func TestLoadAllocationsGrowLinearly(t *testing.T) {
	const n = 64 << 10
	loadAlloc(t, wlp.Loader{}, []byte(`{}`), true)
	for _, s := range loadShapes {
		t.Run(s.name, func(t *testing.T) {
			size := n
			if s.maxDepth > 0 {
				// Nesting grows with the document up to the ceiling: stay
				// under it, so that the larger is four times as deep.
				size = wlp.MaxDepthCeiling / 2
			}
			small, large := s.doc(size), s.doc(4*size)
			if len(large) < 3*len(small) {
				t.Fatalf("the documents are %d and %d bytes; want one four times the other", len(small), len(large))
			}
			ld := wlp.Loader{MaxBytes: 8 << 20, MaxDepth: s.maxDepth}
			a, b := loadAlloc(t, ld, small, s.valid), loadAlloc(t, ld, large, s.valid)
			ratio := float64(b) / float64(a)
			sizeRatio := float64(len(large)) / float64(len(small))
			t.Logf("%d bytes: %d allocated; %d bytes: %d allocated; ratio %.2f for %.2f times the bytes", len(small), a, len(large), b, ratio, sizeRatio)
			if ratio > 1.5*sizeRatio {
				t.Errorf("a document %.1f times as large allocates %.1f times as much (%d and %d bytes): the cost grows faster than the document",
					sizeRatio, ratio, a, b)
			}
		})
	}
}

// TestLoadDepthCeiling checks that a Loader's MaxDepth above the ceiling
// counts as the ceiling, and that nesting up to it loads.
func TestLoadDepthCeiling(t *testing.T) {
	if wlp.MaxDepthCeiling != 10_000 {
		t.Errorf("MaxDepthCeiling = %d; update SECURITY.md and the Loader's documentation", wlp.MaxDepthCeiling)
	}
	atCeiling := loadDeep(wlp.MaxDepthCeiling)
	over := loadDeep(wlp.MaxDepthCeiling + 1)
	tests := []struct {
		name     string
		doc      []byte
		maxDepth int
		want     []badProblem
	}{
		{"at the ceiling", atCeiling, wlp.MaxDepthCeiling, []badProblem{{"/name", "expected a string, found an array"}}},
		{"at the ceiling, asked for more", atCeiling, 1 << 40, []badProblem{{"/name", "expected a string, found an array"}}},
		{"over the ceiling", over, 1 << 40, []badProblem{{"/name" + strings.Repeat("/0", wlp.MaxDepthCeiling-1), fmt.Sprintf("nested deeper than the limit of %d levels", wlp.MaxDepthCeiling)}}},
		{"over the default", loadDeep(wlp.DefaultMaxDepth + 1), 0, []badProblem{{"/name" + strings.Repeat("/0", wlp.DefaultMaxDepth-1), "nested deeper than the limit of 64 levels"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := wlp.Loader{MaxDepth: tt.maxDepth}.Load(bytes.NewReader(tt.doc))
			got, want := badMatch(badProblems(err), tt.want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// loadSizes are the document sizes the growth benchmarks load: N, 2N and
// 4N bytes.
var loadSizes = []int{256 << 10, 512 << 10, 1 << 20}

// BenchmarkGrowthLoad loads framework documents of N, 2N and 4N bytes:
// valid ones (words, and tiny values) and ones full of problems (every
// object a problem; problems of every kind), so that growth shows as
// ratios of time and memory per operation.
func BenchmarkGrowthLoad(b *testing.B) {
	wlp.Load(strings.NewReader(`{}`)) // fill the caches outside the timing
	for _, name := range []string{"valid", "valid-empty-strings", "hostile", "empty-objects"} {
		var s loadShape
		for _, x := range loadShapes {
			if x.name == name {
				s = x
			}
		}
		for _, size := range loadSizes {
			doc := s.doc(size)
			b.Run(fmt.Sprintf("%s/n=%d", name, size), func(b *testing.B) {
				b.SetBytes(int64(len(doc)))
				for b.Loop() {
					_, err := wlp.Load(bytes.NewReader(doc))
					if (err == nil) != s.valid {
						b.Fatalf("valid %v, error %.300v", s.valid, err)
					}
				}
			})
		}
	}
}

// BenchmarkGrowthLoadDepth loads documents nested N, 2N and 4N levels
// deep (4N is MaxDepthCeiling) with a Loader whose MaxDepth allows them:
// arrays in an array, and objects in an object.
func BenchmarkGrowthLoadDepth(b *testing.B) {
	wlp.Load(strings.NewReader(`{}`))
	for _, kind := range []string{"arrays", "objects"} {
		for _, depth := range []int{wlp.MaxDepthCeiling / 4, wlp.MaxDepthCeiling / 2, wlp.MaxDepthCeiling} {
			doc := loadDeep(depth)
			if kind == "objects" {
				doc = []byte(strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth))
			}
			b.Run(fmt.Sprintf("%s/n=%d", kind, depth), func(b *testing.B) {
				b.SetBytes(int64(len(doc)))
				ld := wlp.Loader{MaxDepth: wlp.MaxDepthCeiling}
				for b.Loop() {
					if _, err := ld.Load(bytes.NewReader(doc)); err == nil {
						b.Fatal("a nested document loaded")
					}
				}
			})
		}
	}
}

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
