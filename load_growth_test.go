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
	loadAlloc(t, wlp.Loader{}, []byte(`{}`), true) // compile the schemas first
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
	wlp.Load(strings.NewReader(`{}`)) // compile the schemas outside the timing
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
