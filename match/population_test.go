package match_test

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// populationOf builds the population of ps for f.
func populationOf(t testing.TB, f *wlp.Framework, ps []profile.Profile) *match.Population {
	t.Helper()
	pop := match.NewPopulation(f)
	pop.Grow(len(ps))
	for _, p := range ps {
		if err := pop.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	return pop
}

// tiedPeople returns n people in pairs of the same levels, so that fits
// tie and the ranking goes by profile ID, with IDs given out of order.
func tiedPeople(f *wlp.Framework, n int) []profile.Profile {
	ps := randomProfiles(f, (n+1)/2, 21)
	var out []profile.Profile
	for i, p := range ps {
		q := p.Clone()
		p.ID, q.ID = fmt.Sprintf("z%05d", i), fmt.Sprintf("a%05d", i)
		out = append(out, p, q)
	}
	return out[:n]
}

// TestPopulationScoresAsProfiles checks that every person of a
// population fits, ranks and scores exactly as their profile does, in
// every test framework, for every target, for small populations and for
// one large enough to be shared out over the CPUs.
func TestPopulationScoresAsProfiles(t *testing.T) {
	for _, nf := range testFrameworks(t) {
		for _, n := range []int{0, 1, 7, 300, 5000} {
			if n == 5000 && nf.name != "default" && nf.name != "random-2" {
				continue // the parallel path, in two frameworks
			}
			t.Run(fmt.Sprintf("%s/%d", nf.name, n), func(t *testing.T) {
				f := nf.f
				ps := append(richPeople(fixedRNG(uint64(n)), f, n/2), tiedPeople(f, n-n/2)...)
				pop := populationOf(t, f, ps)
				if pop.Len() != n {
					t.Fatalf("Len = %d, want %d", pop.Len(), n)
				}
				m := match.New(f)
				for _, target := range targetsOf(f) {
					fits, err := m.FitPopulation(pop, target, nil)
					if err != nil {
						t.Fatal(err)
					}
					want := make([]float64, n)
					for i, p := range ps {
						want[i], _ = m.Fit(p, target)
					}
					if d := diff(want, fits); d != "" {
						t.Fatalf("FitPopulation(%s) differs from Fit one by one (-want +got):\n%s", target, d)
					}
					for _, k := range []int{0, 1, 3, n} {
						want, err := m.Rank(ps, target, k)
						if err != nil {
							t.Fatal(err)
						}
						got, err := m.RankPopulation(pop, target, k)
						if err != nil {
							t.Fatal(err)
						}
						if d := diff(want, got); d != "" {
							t.Fatalf("RankPopulation(%s, %d) differs from Rank (-want +got):\n%s", target, k, d)
						}
					}
				}
			})
		}
	}
}

// TestPopulationKeepsLevelsOnly checks what a population keeps of a
// profile: the levels of known IDs, clamped to the scale; and that its
// Profile gives back a profile that scores the same.
func TestPopulationKeepsLevelsOnly(t *testing.T) {
	f := wlp.Default()
	p := profile.Profile{ID: "ana", Name: "Ana", Ratings: map[competency.ID]profile.Rating{
		competency.BuildingTrust: {Level: 9, Source: profile.Self, Note: "above the scale"},
		"coaching":               {Level: -2},
		"not-in-the-framework":   {Level: 4},
		"thinking-strategically": {Level: 3, Evidence: []string{"x"}},
	}, Reviews: []profile.Review{{Rater: "r", Levels: map[competency.ID]competency.Level{"coaching": 5}}}}
	pop := populationOf(t, f, []profile.Profile{p})
	got := pop.Profile(0)
	want := profile.Profile{ID: "ana", Ratings: map[competency.ID]profile.Rating{
		competency.BuildingTrust: {Level: 5},
		"thinking-strategically": {Level: 3},
	}}
	if d := diff(want, got); d != "" {
		t.Errorf("Profile(0) (-want +got):\n%s", d)
	}
	if pop.ID(0) != "ana" || pop.Framework() != f {
		t.Errorf("ID(0) = %q, Framework() = %p; want ana and %p", pop.ID(0), pop.Framework(), f)
	}
	m := match.New(f)
	for _, target := range allTargets {
		want := mustScore(t, m, p, target)
		if d := diff(want, mustScore(t, m, got, target)); d != "" {
			t.Errorf("%s: Profile(0) scores differently from the profile (-want +got):\n%s", target, d)
		}
	}
}

// TestPopulationErrors checks the errors of populations and matchers not
// made to go together.
func TestPopulationErrors(t *testing.T) {
	other := mustNew(t, smallSpec())
	pop := populationOf(t, other, randomProfiles(other, 3, 1))
	m := match.New(wlp.Default())
	same := match.NewPopulation(mustNew(t, wlp.DefaultSpec())) // another value of the same IDs
	if err := same.Add(randomProfiles(wlp.Default(), 1, 1)[0]); err != nil {
		t.Fatal(err)
	}
	var zero match.Population
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"other framework", second(m.FitPopulation(pop, role.CLO, nil)), `match: the population is of framework "fuzz-small", whose IDs differ from those of the Matcher's framework "astd-2004"`},
		{"zero population", second(m.RankPopulation(&zero, role.CLO, 1)), "match: the Population was not made by NewPopulation"},
		{"nil population", second(m.Shortlists(nil, 1)), "match: the Population was not made by NewPopulation"},
		{"add to zero", zero.Add(profile.Profile{ID: "a"}), "match: the Population was not made by NewPopulation"},
		{"zero matcher", second(new(match.Matcher).RankPopulation(same, role.CLO, 1)), "match: the Matcher was not made by New"},
		{"unknown target", second(m.RankPopulation(same, "nobody", 1)), `match: unknown target "nobody": not a role or job of framework "astd-2004"`},
		{"same IDs", second(m.RankPopulation(same, role.CLO, 1)), ""},
	}
	for _, tt := range tests {
		got := ""
		if tt.err != nil {
			got = tt.err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: error %q, want %q", tt.name, got, tt.want)
		}
	}
	if _, err := m.FitPopulation(same, "nobody", nil); !errors.Is(err, match.ErrUnknownTarget) {
		t.Errorf("FitPopulation of an unknown target: %v, want ErrUnknownTarget", err)
	}
}

// second returns the error of a call that returns a value and an error.
func second[T any](_ T, err error) error { return err }

// TestFitPopulationReusesDst checks that FitPopulation fills a long
// enough dst in place and grows a short one.
func TestFitPopulationReusesDst(t *testing.T) {
	f := wlp.Default()
	pop := populationOf(t, f, randomProfiles(f, 10, 3))
	m := match.New(f)
	buf := make([]float64, 0, 16)
	got, err := m.FitPopulation(pop, role.CLO, buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 || &got[0] != &buf[:1][0] {
		t.Errorf("FitPopulation with room for 16: len %d, same array %v; want 10, true", len(got), &got[0] == &buf[:1][0])
	}
	if got, _ := m.FitPopulation(pop, role.CLO, make([]float64, 2)); len(got) != 10 {
		t.Errorf("FitPopulation with room for 2: len %d, want 10", len(got))
	}
}

// TestShortlists checks everyone against everything against scoring one
// by one: each target's best k as Rank gives them, and each person's best
// k targets as their fits sorted, equal fits in the framework's order.
func TestShortlists(t *testing.T) {
	for _, nf := range testFrameworks(t) {
		for _, n := range []int{0, 1, 40, 5000} {
			if n == 5000 && nf.name != "default" {
				continue
			}
			for _, k := range []int{0, 1, 2, 100} {
				t.Run(fmt.Sprintf("%s/%d/k=%d", nf.name, n, k), func(t *testing.T) {
					f := nf.f
					ps := append(randomProfiles(f, n/2, uint64(n)), tiedPeople(f, n-n/2)...)
					m := match.New(f)
					got, err := m.Shortlists(populationOf(t, f, ps), k)
					if err != nil {
						t.Fatal(err)
					}
					targets := targetsOf(f)
					want := match.Shortlists{Targets: []match.Shortlist{}, People: make([]match.PersonShortlist, n)}
					for _, target := range targets {
						best, err := m.Rank(ps, target, k)
						if err != nil {
							t.Fatal(err)
						}
						want.Targets = append(want.Targets, match.Shortlist{Target: target, Kind: kindOf(f, target), Best: best})
					}
					for i, p := range ps {
						var fits []match.TargetFit
						for _, target := range targets {
							r := mustScore(t, m, p, target)
							fits = append(fits, match.TargetFit{Target: target, Kind: r.Kind, Fit: r.Fit, Confidence: r.Confidence})
						}
						slices.SortStableFunc(fits, func(a, b match.TargetFit) int { return cmp.Compare(b.Fit, a.Fit) })
						if k > 0 && k < len(fits) {
							fits = fits[:k]
						}
						want.People[i] = match.PersonShortlist{Profile: p.ID, Best: fits}
					}
					if len(got.Targets) == 0 {
						got.Targets = []match.Shortlist{}
					}
					if d := diff(want, got); d != "" {
						t.Fatalf("Shortlists (-want +got):\n%s", d)
					}
				})
			}
		}
	}
}

// kindOf returns whether target is a role or a job of f.
func kindOf(f *wlp.Framework, target role.ID) match.Kind {
	if _, ok := f.Role(target); ok {
		return match.KindRole
	}
	return match.KindJob
}

// TestRankSeq checks that ranking a stream keeps what Rank returns for
// the same profiles as a slice, with ties, for every k, and that Ranking
// hands back the profiles it kept, as given.
func TestRankSeq(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	for _, n := range []int{0, 1, 9, 200} {
		ps := append(richPeople(fixedRNG(uint64(n)), f, n/2), tiedPeople(f, n-n/2)...)
		for _, target := range allTargets {
			for _, k := range []int{-1, 0, 1, 5, n, n + 3} {
				want, err := m.Rank(ps, target, k)
				if err != nil {
					t.Fatal(err)
				}
				got, err := m.RankSeq(slices.Values(ps), target, k)
				if err != nil {
					t.Fatal(err)
				}
				if d := diff(want, got); d != "" {
					t.Fatalf("n=%d %s k=%d: RankSeq differs from Rank (-want +got):\n%s", n, target, k, d)
				}
				r, err := m.NewRanking(target, k)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range ps {
					r.Add(p)
				}
				byID := map[string]profile.Profile{}
				for _, p := range ps {
					byID[p.ID] = p
				}
				wantKept := []profile.Profile{}
				for _, w := range want {
					wantKept = append(wantKept, byID[w.Profile])
				}
				if d := diff(wantKept, r.Profiles()); d != "" || r.Len() != n {
					t.Fatalf("n=%d %s k=%d: Len %d, Profiles (-want +got):\n%s", n, target, k, r.Len(), d)
				}
			}
		}
	}
	if _, err := m.RankSeq(slices.Values([]profile.Profile{}), "nobody", 1); !errors.Is(err, match.ErrUnknownTarget) {
		t.Errorf("RankSeq of an unknown target: %v, want ErrUnknownTarget", err)
	}
}

// TestRankingAdd checks what Add reports: kept while among the best k,
// not kept when no better than the worst kept.
func TestRankingAdd(t *testing.T) {
	m := match.New(wlp.Default())
	r, err := m.NewRanking(role.BusinessPartner, 2)
	if err != nil {
		t.Fatal(err)
	}
	full := profile.Profile{ID: "full", Ratings: map[competency.ID]profile.Rating{}}
	for _, id := range wlp.Default().IDs() {
		full.Ratings[id] = profile.Rating{Level: 5}
	}
	none := profile.Profile{ID: "none"}
	var got []bool
	for _, p := range []profile.Profile{none, full, none, full, withID(full, "a-full")} {
		got = append(got, r.Add(p))
	}
	// none and full fill the two places; none again is no better than
	// the first none (the same fit and ID, added later); full again is
	// better than none; a-full fits as full does, with a lower ID.
	want := []bool{true, true, false, true, true}
	if d := diff(want, got); d != "" {
		t.Errorf("Add reports (-want +got):\n%s", d)
	}
}

// withID returns p under another ID.
func withID(p profile.Profile, id string) profile.Profile {
	p.ID = id
	return p
}

// TestZeroValues checks that the zero and nil values of the new types
// neither panic nor keep anything.
func TestZeroValues(t *testing.T) {
	var zero match.Ranking
	var none *match.Ranking
	p := profile.Profile{ID: "a"}
	if zero.Add(p) || none.Add(p) || zero.Len() != 0 || none.Len() != 0 {
		t.Error("a zero or nil Ranking kept a profile")
	}
	if len(zero.Ranked()) != 0 || len(none.Profiles()) != 0 || len(none.Ranked()) != 0 {
		t.Error("a zero or nil Ranking ranked someone")
	}
	pop := match.NewPopulation(nil)
	pop.Grow(math.MaxInt) // would overflow: ignored
	pop.Grow(-1)
	if err := pop.Add(p); err != nil || pop.Len() != 1 {
		t.Errorf("after Grow of too many: Add = %v, Len = %d; want nil, 1", err, pop.Len())
	}
	var nilPop *match.Population
	if nilPop.Len() != 0 || nilPop.Framework() != nil {
		t.Error("a nil Population is not empty")
	}
}
