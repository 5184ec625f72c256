package diff_test

// The growth of Frameworks and Fits: generated frameworks of n
// competencies and n/8 roles, benchmarks at N, 2N and 4N, and a test
// that the bytes Frameworks allocates grow about linearly.

import (
	"fmt"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

var growthSizes = []int{2000, 4000, 8000}

// growthPair returns two versions of a framework of n competencies and
// n/8 roles of four requirements each (the first over three IDs): in
// the second, every third competency has a new name, every fifth a new
// ID (its name kept), every role's second requirement a higher level,
// and its first one ID fewer.
func growthPair(tb testing.TB, n int) (a, b *wlp.Framework) {
	mk := func(v2 bool) wlp.Spec {
		s := wlp.Spec{ID: "growth", Version: "1", Clusters: []competency.ClusterInfo{{ID: "c", Name: "C"}}}
		id := func(i int) competency.ID {
			if v2 && i%5 == 0 {
				return competency.ID(fmt.Sprintf("renumbered-%d", i))
			}
			return competency.ID(fmt.Sprintf("competency-%d", i))
		}
		for i := range n {
			name := fmt.Sprintf("Competency %d", i)
			if v2 && i%3 == 0 {
				name += " renamed"
			}
			s.Competencies = append(s.Competencies, competency.Competency{ID: id(i), Name: name, Cluster: "c", Behaviors: []string{"Shows it."}})
		}
		for r := range n / 8 {
			k := 8 * r
			reqs := []role.Requirement{
				{Of: []competency.ID{id(k), id(k + 1), id(k + 2)}, AtLeast: 1, Level: 3, Weight: 1},
				{Of: []competency.ID{id(k + 3)}, Level: 2, Weight: 2},
				{Of: []competency.ID{id(k + 4)}, Level: 3, Weight: 1},
				{Of: []competency.ID{id(k + 5)}, Level: 4, Weight: 3},
			}
			if v2 {
				reqs[0].Of = reqs[0].Of[:2]
				reqs[1].Level = 3
			}
			s.Roles = append(s.Roles, role.Role{ID: role.ID(fmt.Sprintf("role-%d", r)), Name: fmt.Sprintf("Role %d", r), Requirements: reqs})
		}
		if v2 {
			s.Version = "2"
		}
		return s
	}
	return build(tb, mk(false)), build(tb, mk(true))
}

func BenchmarkGrowthFrameworks(b *testing.B) {
	for _, n := range growthSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			fa, fb := growthPair(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if diff.Frameworks(fa, fb, nil).Empty() {
					b.Fatal("no changes")
				}
			}
		})
	}
}

func BenchmarkGrowthFits(b *testing.B) {
	for _, n := range growthSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			fa, fb := growthPair(b, n)
			p := profile.Profile{ID: "p", Ratings: map[competency.ID]profile.Rating{}}
			for i, id := range fa.IDs() {
				p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6)}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := diff.Fits(fa, fb, []profile.Profile{p}, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestGrowthAllocationsLinear checks that the bytes Frameworks allocates
// at 4N are at most 6 times those at N.
func TestGrowthAllocationsLinear(t *testing.T) {
	const n = 400
	sa, sb := growthPair(t, n)
	la, lb := growthPair(t, 4*n)
	small := alloctest.Bytes(func() { diff.Frameworks(sa, sb, nil) })
	large := alloctest.Bytes(func() { diff.Frameworks(la, lb, nil) })
	if float64(large) > 6*float64(small)+4096 {
		t.Errorf("Frameworks allocates %d bytes at n=%d and %d at n=%d: %.1fx for 4x the input",
			small, n, large, 4*n, float64(large)/float64(max(small, 1)))
	}
	c := diff.Frameworks(sa, sb, nil)
	a, r, ch := c.Count()
	// A competency given a new ID and a new name pairs with nothing:
	// it is removed and added, as is a requirement over it alone. Every
	// role has at least two changed requirements.
	t.Logf("n=%d: %d added, %d removed, %d changed", n, a, r, ch)
	if a != r || a == 0 || ch < n/8*2 {
		t.Errorf("n=%d: %d added, %d removed, %d changed", n, a, r, ch)
	}
}

// TestGrowthFitsAllocationsLinear checks that the bytes Fits allocates
// for one person who rates every item at 4N are at most 4.75 times those
// at N (about 4.25 is measured): the items whose ratings carry nowhere
// grow with N, and so do the roles, but the report lists those items
// once, not once per role, and the person's profile is read once, not
// once per role. Either done per role takes the ratio past 5.
func TestGrowthFitsAllocationsLinear(t *testing.T) {
	const n = 1000
	run := func(n int) (uint64, *diff.FitReport) {
		fa, fb := growthPair(t, n)
		p := profile.Profile{ID: "p", Ratings: map[competency.ID]profile.Rating{}}
		for i, id := range fa.IDs() {
			p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6)}
		}
		var r *diff.FitReport
		bytes := alloctest.Bytes(func() {
			var err error
			if r, err = diff.Fits(fa, fb, []profile.Profile{p}, nil); err != nil {
				t.Fatal(err)
			}
		})
		return bytes, r
	}
	small, r := run(n)
	large, _ := run(4 * n)
	t.Logf("Fits allocates %d bytes at n=%d and %d at n=%d: %.2fx", small, n, large, 4*n, float64(large)/float64(max(small, 1)))
	if float64(large) > 4.75*float64(small)+4096 {
		t.Errorf("Fits allocates %d bytes at n=%d and %d at n=%d: %.1fx for 4x the input",
			small, n, large, 4*n, float64(large)/float64(max(small, 1)))
	}
	// Every fifteenth competency has a new ID and a new name: it pairs
	// with nothing, and its rating carries nowhere.
	if len(r.People) != 1 {
		t.Fatalf("n=%d: %d people, want 1", n, len(r.People))
	}
	if u := len(r.People[0].Uncarried); u != n/15+1 || len(r.Changes) != n/8 {
		t.Errorf("n=%d: %d uncarried, %d changes; want %d, %d", n, u, len(r.Changes), n/15+1, n/8)
	}
}
