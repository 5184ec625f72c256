package wlp_test

// The growth of the framework's operations (issue 11, item 1): a
// generated framework of n clusters and n competencies, benchmarks at N,
// 2N and 4N, and a regression test that measures allocated bytes rather
// than time.

import (
	"fmt"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// growthSizes are the N, 2N and 4N of the BenchmarkGrowth benchmarks: the
// number of clusters, and of competencies, in the generated framework.
var growthSizes = []int{4000, 8000, 16000}

// growthSpec generates a valid framework of n clusters and n competencies,
// n/4 areas, n/8 roles of four requirements each, and n/32 jobs. The
// competencies are spread over the clusters out of order, and every
// seventh one belongs to one of the model's clusters, which the spec does
// not declare; the last declared clusters hold no competency.
func growthSpec(n int) wlp.Spec {
	s := wlp.Spec{ID: "growth", Name: fmt.Sprintf("Growth %d", n), Version: "1"}
	model := competency.Clusters()
	s.Clusters = make([]competency.ClusterInfo, n)
	for i := range s.Clusters {
		s.Clusters[i] = competency.ClusterInfo{
			ID:      competency.Cluster(fmt.Sprintf("cluster-%d", i)),
			Name:    fmt.Sprintf("Cluster %d", i),
			Summary: "What the competencies of cluster " + fmt.Sprint(i) + " share.",
		}
	}
	s.Competencies = make([]competency.Competency, n)
	for i := range s.Competencies {
		cl := s.Clusters[(i*7919)%(n-n/10+1)].ID
		if i%7 == 3 {
			cl = model[(i/7)%len(model)].ID
		}
		s.Competencies[i] = competency.Competency{
			ID:        competency.ID(fmt.Sprintf("competency-%d", i)),
			Name:      fmt.Sprintf("Competency %d", i),
			Cluster:   cl,
			Summary:   fmt.Sprintf("Does thing %d <well> & \"often\".", i),
			Behaviors: []string{"Shows it.", "Teaches it."},
		}
	}
	s.Areas = make([]aoe.Area, n/4)
	for i := range s.Areas {
		s.Areas[i] = aoe.Area{
			ID:      competency.ID(fmt.Sprintf("area-%d", i)),
			Name:    fmt.Sprintf("Área %d", i),
			Summary: fmt.Sprintf("A field of practice, number %d.", i),
		}
	}
	s.Roles = make([]role.Role, n/8)
	for i := range s.Roles {
		r := role.Role{ID: role.ID(fmt.Sprintf("role-%d", i)), Name: fmt.Sprintf("Role %d", i)}
		for k := range 4 {
			r.Requirements = append(r.Requirements, role.Requirement{
				Of:     []competency.ID{s.Competencies[(i*4+k)%n].ID, s.Areas[(i+k)%len(s.Areas)].ID},
				Level:  competency.Competent,
				Weight: float64(k + 1),
				Why:    "because",
			})
		}
		s.Roles[i] = r
	}
	s.Jobs = make([]role.Job, n/32)
	for i := range s.Jobs {
		s.Jobs[i] = role.Job{
			ID:    role.ID(fmt.Sprintf("job-%d", i)),
			Title: fmt.Sprintf("Job %d", i),
			Roles: []role.Share{{Role: s.Roles[(2*i)%len(s.Roles)].ID, Weight: 2}, {Role: s.Roles[(2*i+1)%len(s.Roles)].ID, Weight: 1}},
		}
	}
	return s
}

// growthFramework builds growthSpec(n).
func growthFramework(tb testing.TB, n int) *wlp.Framework {
	tb.Helper()
	f, err := wlp.New(growthSpec(n))
	if err != nil {
		tb.Fatalf("New(growthSpec(%d)): %v", n, err)
	}
	return f
}

// growthProfile rates every competency and area of f, and has one review
// of every other competency.
func growthProfile(f *wlp.Framework) profile.Profile {
	p := profile.Profile{ID: "E1001", Name: "Growth", Ratings: map[competency.ID]profile.Rating{}}
	rv := profile.Review{Source: profile.Peer, Levels: map[competency.ID]competency.Level{}}
	for i, id := range f.IDs() {
		p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6), Source: profile.Self, AssessedAt: "2026-03-31"}
		if i%2 == 0 {
			rv.Levels[id] = competency.Level((i + 1) % 6)
		}
	}
	p.Reviews = []profile.Review{rv}
	return p
}

// growthBench runs op at each of growthSizes, built by setup, as
// sub-benchmarks n=N.
func growthBench[T any](b *testing.B, setup func(testing.TB, int) T, op func(*testing.B, T)) {
	for _, n := range growthSizes {
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

func BenchmarkGrowthClusters(b *testing.B) {
	growthBench(b, growthFramework, func(b *testing.B, f *wlp.Framework) {
		if len(f.Clusters()) == 0 {
			b.Fatal("no clusters")
		}
	})
}

func BenchmarkGrowthProfileSchema(b *testing.B) {
	growthBench(b, growthFramework, func(b *testing.B, f *wlp.Framework) {
		if _, err := f.ProfileSchema(); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkGrowthNew(b *testing.B) {
	growthBench(b, func(_ testing.TB, n int) wlp.Spec { return growthSpec(n) }, func(b *testing.B, s wlp.Spec) {
		if _, err := wlp.New(s); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkGrowthValidateProfile(b *testing.B) {
	type in struct {
		f *wlp.Framework
		p profile.Profile
	}
	growthBench(b, func(tb testing.TB, n int) in {
		f := growthFramework(tb, n)
		return in{f, growthProfile(f)}
	}, func(b *testing.B, x in) {
		if err := x.f.ValidateProfile(x.p); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkGrowthSpec(b *testing.B) {
	growthBench(b, growthFramework, func(b *testing.B, f *wlp.Framework) {
		if len(f.Spec().Competencies) == 0 {
			b.Fatal("no competencies")
		}
	})
}

func BenchmarkGrowthMarshalJSON(b *testing.B) {
	growthBench(b, growthFramework, func(b *testing.B, f *wlp.Framework) {
		if _, err := f.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkGrowthLabel(b *testing.B) {
	type in struct {
		f  *wlp.Framework
		of []competency.ID
	}
	growthBench(b, func(tb testing.TB, n int) in {
		f := growthFramework(tb, n)
		return in{f, f.IDs()}
	}, func(b *testing.B, x in) {
		if x.f.Label(x.of, 1) == "" {
			b.Fatal("no label")
		}
	})
}

// TestGrowthAllocationsLinear checks, without timing anything, that the
// bytes each operation allocates grow about linearly with the framework:
// at 4N at most 6 times what they are at N. ProfileSchema must also stay
// within a small multiple of the size of the schema it writes; before
// issue 11 it allocated about 46 KB per competency for some 2 KB of
// output, marshalling nested objects again at every level.
func TestGrowthAllocationsLinear(t *testing.T) {
	const n = 400
	small, large := growthFramework(t, n), growthFramework(t, 4*n)
	smallSpec, largeSpec := growthSpec(n), growthSpec(4*n)
	smallProfile, largeProfile := growthProfile(small), growthProfile(large)
	ops := []struct {
		name string
		op   func(f *wlp.Framework, s wlp.Spec, p profile.Profile)
	}{
		{"Clusters", func(f *wlp.Framework, _ wlp.Spec, _ profile.Profile) { f.Clusters() }},
		{"ProfileSchema", func(f *wlp.Framework, _ wlp.Spec, _ profile.Profile) {
			if _, err := f.ProfileSchema(); err != nil {
				t.Error(err)
			}
		}},
		{"New", func(_ *wlp.Framework, s wlp.Spec, _ profile.Profile) {
			if _, err := wlp.New(s); err != nil {
				t.Error(err)
			}
		}},
		{"ValidateProfile", func(f *wlp.Framework, _ wlp.Spec, p profile.Profile) {
			if err := f.ValidateProfile(p); err != nil {
				t.Error(err)
			}
		}},
		{"Spec", func(f *wlp.Framework, _ wlp.Spec, _ profile.Profile) { f.Spec() }},
	}
	for _, o := range ops {
		t.Run(o.name, func(t *testing.T) {
			a := alloctest.Bytes(func() { o.op(small, smallSpec, smallProfile) })
			b := alloctest.Bytes(func() { o.op(large, largeSpec, largeProfile) })
			// 4 KB of slack for what does not grow with the input.
			if float64(b) > 6*float64(a)+4096 {
				t.Errorf("%s allocates %d bytes at n=%d and %d at n=%d: %.1fx for 4x the input, want at most 6x",
					o.name, a, n, b, 4*n, float64(b)/float64(max(a, 1)))
			}
		})
	}
	// MarshalJSON encodes through encoding/json's pooled buffers, which
	// the race detector drops at random, so its bytes at N and 4N are not
	// comparable run to run; bound them by the document written instead,
	// at both sizes, which a cost growing faster than the output breaks.
	t.Run("MarshalJSON per byte written", func(t *testing.T) {
		for _, f := range []*wlp.Framework{small, large} {
			var out []byte
			got := alloctest.Bytes(func() {
				var err error
				if out, err = f.MarshalJSON(); err != nil {
					t.Error(err)
				}
			})
			// Buffers that double as they grow take up to about 6 per
			// byte; a cost quadratic in the output would take hundreds.
			if got > 10*uint64(len(out))+4096 {
				t.Errorf("MarshalJSON allocates %d bytes for %d bytes written: more than 10 per byte", got, len(out))
			}
		}
	})
	t.Run("ProfileSchema per byte written", func(t *testing.T) {
		out, err := large.ProfileSchema()
		if err != nil {
			t.Fatal(err)
		}
		got := alloctest.Bytes(func() { large.ProfileSchema() })
		if limit := 2 * uint64(len(out)); got > limit {
			t.Errorf("ProfileSchema allocates %d bytes (%d per competency) for %d bytes of schema, want at most %d (2x)",
				got, got/uint64(4*n), len(out), limit)
		}
	})
}
