package match_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// agHatsFramework builds a framework of n roles over comps competencies,
// each role asking for four of them at levels 2 to 5 with weights 1 to 4.
func agHatsFramework(tb testing.TB, n, comps int, seed uint64) (*wlp.Framework, []role.ID) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 11))
	s := wlp.Spec{ID: "assign-growth", Name: "Assign growth"}
	for i := range comps {
		id := competency.ID(fmt.Sprintf("c%03d", i))
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "Competency " + string(id), Cluster: competency.Personal})
	}
	ids := make([]role.ID, n)
	for i := range ids {
		ids[i] = role.ID(fmt.Sprintf("r%04d", i))
		r := role.Role{ID: ids[i], Name: "Role " + string(ids[i])}
		for _, c := range rng.Perm(comps)[:4] {
			r.Requirements = append(r.Requirements, role.Requirement{
				Of:     []competency.ID{s.Competencies[c].ID},
				Level:  competency.Level(2 + rng.IntN(4)),
				Weight: float64(1 + rng.IntN(4)),
			})
		}
		s.Roles = append(s.Roles, r)
	}
	f, err := wlp.New(s)
	if err != nil {
		tb.Fatalf("wlp.New: %v", err)
	}
	return f, ids
}

// agPeople returns n people rating each ID of f at a random level, with
// IDs in an order unrelated to their place.
func agPeople(f *wlp.Framework, n int, seed uint64) []profile.Profile {
	rng := rand.New(rand.NewPCG(seed, 13))
	ids := f.IDs()
	ps := make([]profile.Profile, n)
	for i, k := range rng.Perm(n) {
		rs := make(map[competency.ID]profile.Rating, len(ids))
		for _, id := range ids {
			if rng.IntN(4) > 0 {
				rs[id] = profile.Rating{Level: competency.Level(rng.IntN(6))}
			}
		}
		ps[i] = profile.Profile{ID: fmt.Sprintf("p%06d", k), Ratings: rs}
	}
	return ps
}

// BenchmarkGrowthAssign hands the CLO job's four hats to N, 2N and 4N
// people of the default framework, one hat each: the time should grow
// linearly in people.
func BenchmarkGrowthAssign(b *testing.B) {
	m := match.New(wlp.Default())
	for _, n := range []int{2500, 5000, 10_000} {
		ps := agPeople(wlp.Default(), n, 1)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a, err := m.Assign(ps, []role.ID{role.CLO})
				if err != nil {
					b.Fatal(err)
				}
				sink += a.Total
			}
		})
	}
}

// BenchmarkGrowthAssignHats hands N, 2N and 4N hats (roles of a generated
// framework) to as many people, each wearing at most 5: the Hungarian
// algorithm's part grows as the cube of N.
func BenchmarkGrowthAssignHats(b *testing.B) {
	for _, n := range []int{75, 150, 300} {
		f, hats := agHatsFramework(b, n, 40, uint64(n))
		m := match.New(f)
		ps := agPeople(f, n, uint64(n))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a, err := m.Assign(ps, hats, match.MaxHats(5))
				if err != nil {
					b.Fatal(err)
				}
				sink += a.Total
			}
		})
	}
}

// agWork runs Assign through the test hook and returns its work.
func agWork(t *testing.T, m *match.Matcher, ps []profile.Profile, hats []role.ID, opts ...match.AssignOption) int {
	t.Helper()
	_, w, err := match.AssignWork(m, ps, hats, opts...)
	if err != nil {
		t.Fatalf("Assign: %v", err)
	}
	return w
}

// TestAssignWorkGrowth measures the cells Assign visits, not its time, at
// N and 4N: for the CLO job's four hats it must grow linearly in people
// (a square cost matrix, people × places by people × places, grew it 64
// times), and with no limit on hats as people × hats (16 times for 4
// times the people and the hats). The bound leaves room for ties, which
// take searches of their own.
func TestAssignWorkGrowth(t *testing.T) {
	clo := []role.ID{role.CLO}
	tests := []struct {
		name  string
		work  func(n int) int
		n     int
		bound float64 // the largest ratio allowed for 4N against N
	}{
		{"CLO job, one hat each", func(n int) int {
			return agWork(t, match.New(wlp.Default()), agPeople(wlp.Default(), n, 3), clo)
		}, 400, 6},
		{"CLO job, two hats each", func(n int) int {
			return agWork(t, match.New(wlp.Default()), agPeople(wlp.Default(), n, 4), clo, match.MaxHats(2))
		}, 400, 6},
		{"CLO job, blank profiles: every fit ties", func(n int) int {
			ps := agPeople(wlp.Default(), n, 6)
			for i := range ps {
				ps[i].Ratings = nil
			}
			return agWork(t, match.New(wlp.Default()), ps, clo, match.MaxHats(2))
		}, 400, 6},
		{"n hats, no limit", func(n int) int {
			f, hats := agHatsFramework(t, n, 40, uint64(n))
			return agWork(t, match.New(f), agPeople(f, n, 5), hats, match.MaxHats(0))
		}, 20, 16 * 1.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			small, large := tt.work(tt.n), tt.work(4*tt.n)
			t.Logf("work %d at n=%d, %d at n=%d: ratio %.2f", small, tt.n, large, 4*tt.n, float64(large)/float64(small))
			if small <= 0 || float64(large) > tt.bound*float64(small) {
				t.Errorf("work %d at n=%d, %d at n=%d: ratio %.1f, want at most %.1f",
					small, tt.n, large, 4*tt.n, float64(large)/float64(small), tt.bound)
			}
		})
	}
}

// TestAssignFitsOnALargeFramework: on a framework of more IDs than a
// vector holds on the stack, with people rating from a few IDs to all of
// them (so that Assign reads some people's ratings all at once and
// others' one needed ID at a time), each hat's fit is its wearer's fit
// from Fit, and with no limit the best of anyone's.
func TestAssignFitsOnALargeFramework(t *testing.T) {
	f, hats := agHatsFramework(t, 30, 300, 9)
	m := match.New(f)
	rng := rand.New(rand.NewPCG(9, 9))
	ids := f.IDs()
	ps := make([]profile.Profile, 40)
	for i := range ps {
		rs := map[competency.ID]profile.Rating{}
		for _, k := range rng.Perm(len(ids))[:1+rng.IntN(len(ids))] {
			rs[ids[k]] = profile.Rating{Level: competency.Level(rng.IntN(6))}
		}
		ps[i] = profile.Profile{ID: fmt.Sprintf("p%02d", i), Ratings: rs}
	}
	for _, limit := range []int{0, 1} {
		a, err := m.Assign(ps, hats, match.MaxHats(limit))
		if err != nil {
			t.Fatal(err)
		}
		var got, want []float64
		for _, h := range a.Hats {
			got = append(got, h.Fit)
			best := 0.0
			for _, p := range ps {
				fit, _ := m.Fit(p, h.Role)
				if p.ID == h.Profile {
					want = append(want, fit)
				}
				best = max(best, fit)
			}
			if limit == 0 && h.Fit != best {
				t.Errorf("MaxHats(0): hat %s fit %v, want the best %v", h.Role, h.Fit, best)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("MaxHats(%d): the hats' fits (-Fit +Assign):\n%s", limit, diff)
		}
	}
}
