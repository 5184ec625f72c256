package crosswalk_test

// Growth of the crosswalk documents' operations: benchmarks at N, 2N and
// 4N, and a regression test that measures allocated bytes rather than
// time.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/internal/alloctest"
)

// growthLinks are the N, 2N and 4N of the benchmarks: crosswalks of N
// items each side and 2N links.
var growthLinks = []int{500, 1000, 2000}

// growthCrosswalk returns a valid crosswalk from "a" to "b" of n items
// each side: item i links to items i and i+1, so that composing it with
// growthCrosswalk(n, "b", "c") follows 4n paths.
func growthCrosswalk(n int, from, to string) *crosswalk.Crosswalk {
	c := &crosswalk.Crosswalk{ID: from + "-to-" + to, From: from, To: to,
		Sources: []crosswalk.Source{{Key: "s", Title: "A source", URL: "https://example.com/s"}}}
	for i := range n {
		x := competency.ID(fmt.Sprint("item-", i))
		c.Links = append(c.Links,
			crosswalk.Link{From: x, To: x, Relation: competency.Exact, Carry: crosswalk.CarryLevel, Source: "s", Why: "The same item under the same name."},
			crosswalk.Link{From: x, To: competency.ID(fmt.Sprint("item-", (i+1)%n)), Relation: competency.Related, Carry: crosswalk.CarryCapped, Cap: 2,
				Why: "A neighbour, which the first shows a little of."})
	}
	return c
}

// growthFramework returns a framework of n areas named as growthCrosswalk
// names its items.
func growthFramework(tb testing.TB, n int, id string) *wlp.Framework {
	s := wlp.Spec{ID: id, Name: id}
	for i := range n {
		s.Areas = append(s.Areas, aoe.Area{ID: competency.ID(fmt.Sprint("item-", i)), Name: fmt.Sprint("Item ", i)})
	}
	f, err := wlp.New(s)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

func growthBench[T any](b *testing.B, setup func(testing.TB, int) T, op func(*testing.B, T)) {
	for _, n := range growthLinks {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			in := setup(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				op(b, in)
			}
		})
	}
}

func growthDoc(tb testing.TB, n int) []byte {
	b, err := json.Marshal(growthCrosswalk(n, "a", "b"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// BenchmarkGrowthLoad loads crosswalk documents of 2N links.
func BenchmarkGrowthLoad(b *testing.B) {
	growthBench(b, growthDoc, func(b *testing.B, doc []byte) {
		if _, err := crosswalk.Load(bytes.NewReader(doc)); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGrowthCheck checks crosswalks of 2N links against frameworks
// of N items.
func BenchmarkGrowthCheck(b *testing.B) {
	type in struct {
		c    *crosswalk.Crosswalk
		a, z *wlp.Framework
	}
	growthBench(b, func(tb testing.TB, n int) in {
		return in{growthCrosswalk(n, "a", "b"), growthFramework(tb, n, "a"), growthFramework(tb, n, "b")}
	}, func(b *testing.B, x in) {
		if err := x.c.Check(x.a, x.z); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGrowthCompose composes two crosswalks of 2N links (4N paths).
func BenchmarkGrowthCompose(b *testing.B) {
	type in struct{ a, b *crosswalk.Crosswalk }
	growthBench(b, func(_ testing.TB, n int) in {
		return in{growthCrosswalk(n, "a", "b"), growthCrosswalk(n, "b", "c")}
	}, func(b *testing.B, x in) {
		if _, err := crosswalk.Compose(x.a, x.b); err != nil {
			b.Fatal(err)
		}
	})
}

// TestGrowthAllocations checks, without timing anything, that the bytes
// each operation allocates grow about linearly with its input: at 4N at
// most 6 times what they are at N (plus 4 KB for what does not grow).
func TestGrowthAllocations(t *testing.T) {
	const n = 200
	tests := []struct {
		name string
		op   func(n int) func()
	}{
		{"Load", func(n int) func() {
			doc := growthDoc(t, n)
			return func() {
				if _, err := crosswalk.Load(bytes.NewReader(doc)); err != nil {
					t.Error(err)
				}
			}
		}},
		{"Load, every link bad", func(n int) func() {
			c := growthCrosswalk(n, "a", "b")
			for i := range c.Links {
				c.Links[i].Carry = "all"
			}
			doc, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			return func() {
				if _, err := crosswalk.Load(bytes.NewReader(doc)); err == nil {
					t.Error("no error")
				}
			}
		}},
		{"Check, every item unknown", func(n int) func() {
			c := growthCrosswalk(n, "a", "b")
			f := growthFramework(t, n, "c")
			return func() {
				if err := c.Check(f, f); err == nil {
					t.Error("no error")
				}
			}
		}},
		{"Compose", func(n int) func() {
			a, b := growthCrosswalk(n, "a", "b"), growthCrosswalk(n, "b", "c")
			return func() {
				if _, err := crosswalk.Compose(a, b); err != nil {
					t.Error(err)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			small, large := alloctest.Bytes(tt.op(n)), alloctest.Bytes(tt.op(4*n))
			if large > 6*small+4096 {
				t.Errorf("%d bytes at n=%d, %d at 4n: more than linear growth", small, n, large)
			}
			t.Logf("%d bytes at n=%d, %d at 4n (%.2fx)", small, n, large, float64(large)/float64(small))
		})
	}
}
