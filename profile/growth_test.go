package profile_test

// Growth of the profile package's public operations (issue 11): benchmarks
// at N, 2N and 4N, and regression tests that measure allocated bytes
// rather than time.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"

	"github.com/wlpmodel/wlp/internal/alloctest"
)

// growthRaters are the N, 2N and 4N raters of BenchmarkGrowthCombine, each
// rating 30 IDs.
var growthRaters = []int{250, 500, 1000}

// growthEntries are the N, 2N and 4N of BenchmarkGrowthLoadProfile and
// BenchmarkGrowthValidate: a profile of N ratings and N reviews.
var growthEntries = []int{1000, 2000, 4000}

// growthProfile returns a valid profile of n direct ratings and n
// reviews, each review rating three IDs, with every optional field set.
func growthProfile(n int) profile.Profile {
	p := profile.Profile{ID: "jo.smith@example.com", Name: "Jo Smith", Ratings: map[competency.ID]profile.Rating{}}
	id := func(i int) competency.ID { return competency.ID(fmt.Sprintf("c-%d", i%n)) }
	for i := range n {
		p.Ratings[id(i)] = profile.Rating{Level: competency.Level(i % 6), Source: profile.Sources()[i%5], AssessedAt: "2025-06-30",
			Evidence: []string{"https://example.com/e/" + fmt.Sprint(i)}, Note: "seen at work"}
	}
	for i := range n {
		p.Reviews = append(p.Reviews, profile.Review{Rater: fmt.Sprintf("Rater %d", i), Source: profile.Sources()[i%5], AssessedAt: "2025-07-01",
			Levels: map[competency.ID]competency.Level{id(i): competency.Level(i % 6), id(i + 1): 3, id(i + 7): 4}})
	}
	return p
}

// growthDoc is growthProfile(n) as a document.
func growthDoc(tb testing.TB, n int) []byte {
	b, err := json.Marshal(growthProfile(n))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func growthBench[T any](b *testing.B, sizes []int, setup func(testing.TB, int) T, op func(*testing.B, T)) {
	for _, n := range sizes {
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

// BenchmarkGrowthCombine combines the reviews of N, 2N and 4N raters who
// each rate the same 30 IDs, a third of which the profile also rates
// directly.
func BenchmarkGrowthCombine(b *testing.B) {
	growthBench(b, growthRaters, func(_ testing.TB, n int) profile.Profile { return manyRaters(n, 30, 1) },
		func(b *testing.B, p profile.Profile) {
			if _, _, err := p.Combine(profile.Median); err != nil {
				b.Fatal(err)
			}
		})
}

// BenchmarkGrowthLoadProfile loads profile documents of N, 2N and 4N
// ratings and as many reviews.
func BenchmarkGrowthLoadProfile(b *testing.B) {
	growthBench(b, growthEntries, growthDoc, func(b *testing.B, doc []byte) {
		if _, err := profile.Load(bytes.NewReader(doc)); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGrowthValidate validates profiles of N, 2N and 4N ratings and
// as many reviews.
func BenchmarkGrowthValidate(b *testing.B) {
	growthBench(b, growthEntries, func(_ testing.TB, n int) profile.Profile { return growthProfile(n) }, func(b *testing.B, p profile.Profile) {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
	})
}

// TestGrowthAllocations checks, without timing anything, that the bytes
// each operation allocates grow about linearly with its input: at 4N at
// most 6 times what they are at N (plus 4 KB for what does not grow).
func TestGrowthAllocations(t *testing.T) {
	const raters, entries = 100, 200
	badProfile := func(n int) profile.Profile {
		p := growthProfile(n)
		for i := range p.Reviews {
			p.Reviews[i].Source = "boss"
		}
		return p
	}
	badDoc := func(n int) []byte {
		b, err := json.Marshal(badProfile(n))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name string
		// op returns the operation on an input of size n.
		op func(n int) func()
		n  int
	}{
		{"Combine", func(n int) func() {
			p := manyRaters(n, 30, 1)
			return func() { p.Combine(profile.MeanExceptSelf) }
		}, raters},
		{"Combine with disagreements", func(n int) func() {
			p := manyRaters(n, 30, 2)
			return func() {
				if _, dis, _ := p.Combine(profile.Median); len(dis) == 0 {
					t.Error("no disagreements")
				}
			}
		}, raters},
		{"Load", func(n int) func() {
			doc := growthDoc(t, n)
			return func() {
				if _, err := profile.Load(bytes.NewReader(doc)); err != nil {
					t.Error(err)
				}
			}
		}, entries},
		{"Load with a problem in each review", func(n int) func() {
			doc := badDoc(n)
			return func() {
				if _, err := profile.Load(bytes.NewReader(doc)); err == nil {
					t.Error("no error")
				}
			}
		}, entries},
		{"Validate", func(n int) func() {
			p := growthProfile(n)
			return func() { p.Validate() }
		}, entries},
		{"Validate with a problem in each review", func(n int) func() {
			p := badProfile(n)
			return func() { p.Validate() }
		}, entries},
		{"Clone", func(n int) func() {
			p := growthProfile(n)
			return func() { p.Clone() }
		}, entries},
		{"IDs", func(n int) func() {
			p := growthProfile(n)
			return func() { p.IDs() }
		}, entries},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := alloctest.Bytes(tt.op(tt.n))
			b := alloctest.Bytes(tt.op(4 * tt.n))
			t.Logf("%d bytes at n=%d, %d at n=%d: %.2fx", a, tt.n, b, 4*tt.n, float64(b)/float64(max(a, 1)))
			if float64(b) > 6*float64(a)+4096 {
				t.Errorf("%s allocates %d bytes at n=%d and %d at n=%d: %.1fx for 4x the input, want at most 6x",
					tt.name, a, tt.n, b, 4*tt.n, float64(b)/float64(max(a, 1)))
			}
		})
	}
}

// tinyReviews returns a profile document of about size bytes whose
// reviews are all item.
func tinyReviews(size int, item string) []byte {
	var b strings.Builder
	b.WriteString(`{"id":"x","reviews":[` + item)
	for b.Len()+len(item)+3 <= size {
		b.WriteString("," + item)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// TestLoadMemoryTinyReviews: a 1 MiB profile of the smallest reviews,
// empty ones (each a problem) or valid ones, is read using a bounded
// multiple of its size in allocated bytes (before issue 11, the empty
// reviews took 835 MB).
func TestLoadMemoryTinyReviews(t *testing.T) {
	tests := []struct {
		name     string
		item     string
		ok       bool
		multiple uint64 // the most bytes allocated per byte of document
	}{
		{"empty reviews", `{}`, false, 8},
		{"the smallest valid reviews", `{"levels":{"a":0}}`, true, alloctest.MaxPerByte},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tinyReviews(profile.DefaultMaxBytes, tt.item)
			if len(doc) > profile.DefaultMaxBytes || len(doc) < profile.DefaultMaxBytes-32 {
				t.Fatalf("the document is %d bytes", len(doc))
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := profile.Load(bytes.NewReader(doc))
			runtime.ReadMemStats(&after)
			got := after.TotalAlloc - before.TotalAlloc
			if (err == nil) != tt.ok {
				t.Fatalf("Load: error %.200v, want ok %v", err, tt.ok)
			}
			t.Logf("%d bytes allocated for a document of %d bytes: %.1fx", got, len(doc), float64(got)/float64(len(doc)))
			if limit := tt.multiple * uint64(len(doc)); got > limit {
				t.Errorf("Load allocated %d bytes for a document of %d: %.1fx, want at most %dx", got, len(doc), float64(got)/float64(len(doc)), tt.multiple)
			}
		})
	}
}
