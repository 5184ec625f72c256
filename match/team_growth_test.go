package match_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// tgIDs is the number of competencies in tgFramework.
const tgIDs = 1000

// tgID names competency i of tgFramework.
func tgID(i int) competency.ID { return competency.ID(fmt.Sprintf("c%04d", i)) }

// tgFramework is a generated framework of 1,000 competencies whose job
// "blend" reads every one of them:
//
//	wide:   c0000..c0499 one by one (levels 3 to 5), then 50 groups of 10
//	        (c0500..c0999), 3 of each at level 4
//	narrow: c0900..c0999 one by one at level 5
//	blend:  wide (weight 3), narrow (weight 1), and 2 of c0000..c0019 at 5
func tgFramework(t testing.TB) *wlp.Framework {
	t.Helper()
	ids := make([]competency.ID, tgIDs)
	for i := range ids {
		ids[i] = tgID(i)
	}
	var wide, narrow []role.Requirement
	for i := range 500 {
		wide = append(wide, single(ids[i], competency.Level(3+i%3), float64(1+i%4)))
	}
	for g := range 50 {
		wide = append(wide, group(3, 4, 2, ids[500+10*g:510+10*g]...))
	}
	for i := 900; i < tgIDs; i++ {
		narrow = append(narrow, single(ids[i], 5, 1))
	}
	return custom(t, ids, []role.Role{
		{ID: "wide", Name: "Wide", Requirements: wide},
		{ID: "narrow", Name: "Narrow", Requirements: narrow},
	}, []role.Job{{
		ID: "blend", Title: "Blend",
		Roles:        []role.Share{{Role: "wide", Weight: 3}, {Role: "narrow", Weight: 1}},
		Requirements: []role.Requirement{group(2, 5, 1, ids[:20]...)},
	}})
}

// tgTeam returns n members who each rate 30 of tgFramework's IDs at
// levels 1 to 5, the high levels rarer, so that some IDs have one
// strongest member (whose absence costs the team) and others several.
func tgTeam(n int, seed uint64) []profile.Profile {
	rng := rand.New(rand.NewPCG(seed, 3))
	ps := make([]profile.Profile, n)
	for i := range ps {
		rs := make(map[competency.ID]profile.Rating, 30)
		for range 30 {
			l := 1 + min(rng.IntN(8), rng.IntN(8))/2 // 1..4, mostly low
			if rng.IntN(50) == 0 {
				l = 5
			}
			rs[tgID(rng.IntN(tgIDs))] = profile.Rating{Level: competency.Level(l)}
		}
		ps[i] = profile.Profile{ID: fmt.Sprintf("m%06d", i), Ratings: rs}
	}
	return ps
}

// tgSizes are the team sizes of the growth benchmarks: N, 2N and 4N.
var tgSizes = []int{2500, 5000, 10000}

// BenchmarkGrowthTeam scores teams of N, 2N and 4N members against a job
// that reads 1,000 IDs. Team costs O(members × IDs), so the time and
// memory per call should about double from one size to the next.
func BenchmarkGrowthTeam(b *testing.B) {
	m := match.New(tgFramework(b))
	for _, n := range tgSizes {
		team := tgTeam(n, 1)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tr, err := m.Team(team, "blend")
				if err != nil {
					b.Fatal(err)
				}
				sink += tr.Result.Fit
			}
		})
	}
}

// BenchmarkGrowthTeamPlan is BenchmarkGrowthTeam for TeamPlan, which
// scores the team and then finds, for each gap, the member closest to it.
func BenchmarkGrowthTeamPlan(b *testing.B) {
	m := match.New(tgFramework(b))
	for _, n := range tgSizes {
		team := tgTeam(n, 1)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				steps, err := m.TeamPlan(team, "blend")
				if err != nil {
					b.Fatal(err)
				}
				sink += float64(len(steps))
			}
		})
	}
}

// TestTeamWorkGrowsLinearly: four times the members makes Team take about
// four times the steps and allocate about four times the bytes, and
// TeamPlan about four times the bytes, never the sixteen times a cost
// quadratic in members would. Team used to score the team without each
// member from scratch, O(members² × IDs).
func TestTeamWorkGrowsLinearly(t *testing.T) {
	m := match.New(tgFramework(t))
	const n = 400
	small, large := tgTeam(n, 5), tgTeam(4*n, 5)
	steps := func(team []profile.Profile) int {
		_, s, err := match.TeamSteps(m, team, "blend")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	bytes := alloctest.Bytes // the least of a few runs
	team := func(ps []profile.Profile) func() {
		return func() {
			if _, err := m.Team(ps, "blend"); err != nil {
				t.Fatal(err)
			}
		}
	}
	plan := func(ps []profile.Profile) func() {
		return func() {
			if _, err := m.TeamPlan(ps, "blend"); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name         string
		small, large float64
	}{
		{"Team steps", float64(steps(small)), float64(steps(large))},
		{"Team bytes", float64(bytes(team(small))), float64(bytes(team(large)))},
		{"TeamPlan bytes", float64(bytes(plan(small))), float64(bytes(plan(large)))},
	}
	for _, tt := range tests {
		// Linear growth gives a ratio near 4 (less where a fixed cost,
		// such as the framework's IDs, weighs in); quadratic, near 16.
		if r := tt.large / tt.small; r > 6 || r < 1.3 {
			t.Errorf("%s: %.0f for %d members, %.0f for %d: ratio %.2f, want between 1.3 and 6 (linear growth)", tt.name, tt.small, n, tt.large, 4*n, r)
		}
	}
}

// TestTeamMatchesNaive checks Team against the definition, worked out the
// slow way, on random teams of up to 25 members over tgFramework: the
// result is the Score of one profile with every member's best level;
// each member's loss is the team's fit minus the fit of the team without
// them; and each cover names, in member order, every member whose level
// in an ID that counts is the team's best there. Levels are drawn from a
// few values, some off the scale, so that ties at the best level are
// common, and some ratings name IDs the framework does not know.
func TestTeamMatchesNaive(t *testing.T) {
	f := tgFramework(t)
	m := match.New(f)
	targets := []role.ID{"blend", "wide", "narrow"}
	rng := rand.New(rand.NewPCG(3, 5))
	for round := range 6 {
		team := make([]profile.Profile, 1+rng.IntN(25))
		for i := range team {
			rs := map[competency.ID]profile.Rating{"zz-unknown": {Level: 5}}
			for range 1 + rng.IntN(60) {
				id := tgID(rng.IntN(tgIDs))
				if rng.IntN(3) == 0 {
					id = tgID(900 + rng.IntN(20)) // crowd a few IDs
				}
				rs[id] = profile.Rating{Level: competency.Level([]int{-1, 0, 2, 3, 4, 5, 7}[rng.IntN(7)])}
			}
			team[i] = profile.Profile{ID: fmt.Sprintf("p%02d", rng.IntN(100)*100+i), Ratings: rs}
		}
		merged := mergeTeam(team)
		for _, target := range targets {
			tr := mustTeam(t, m, team, target)
			if diff := cmp.Diff(mustScore(t, m, merged, target), tr.Result); diff != "" {
				t.Fatalf("round %d %s: team differs from merged profile (-merged +team):\n%s", round, target, diff)
			}
			want := make([]match.Contribution, len(team))
			for i := range team {
				without := mustTeam(t, m, dropMember(team, i), target).Result.Fit
				want[i] = match.Contribution{Profile: team[i].ID, Loss: max(tr.Result.Fit-without, 0)}
			}
			slices.SortStableFunc(want, func(a, b match.Contribution) int {
				if math.Abs(a.Loss-b.Loss) > 1e-9 {
					if a.Loss > b.Loss {
						return -1
					}
					return 1
				}
				return strings.Compare(a.Profile, b.Profile)
			})
			if diff := cmp.Diff(want, tr.Contributions, approx); diff != "" {
				t.Fatalf("round %d %s: contributions (-want +got):\n%s", round, target, diff)
			}
			reqs := tmRequirements(t, f, target)
			for ci, c := range tr.Covers {
				if diff := cmp.Diff(tgNaiveBy(reqs[ci], team, merged), c.By); diff != "" {
					t.Fatalf("round %d %s: cover %d By (-want +got):\n%s", round, target, ci, diff)
				}
			}
		}
	}
}

// tgNaiveBy lists the members who bring the team's level to r: those
// whose level, clamped to the scale, equals the team's best in some ID of
// Of at or above the team's level for r (and above 0).
func tgNaiveBy(r role.Requirement, team []profile.Profile, merged profile.Profile) []string {
	clamp := func(l competency.Level) competency.Level { return min(max(l, 0), competency.MaxLevel) }
	best := func(id competency.ID) competency.Level { return clamp(merged.Level(id)) }
	threshold := max(bestFirst(r, best)[r.K()-1], 1)
	by := []string{}
	for _, p := range team {
		if slices.ContainsFunc(r.Of, func(id competency.ID) bool {
			return best(id) >= threshold && clamp(p.Level(id)) == best(id)
		}) {
			by = append(by, p.ID)
		}
	}
	return by
}

// TestTeamPlanAgreesWithDense: TeamPlan, which works from the ratings the
// team holds, returns the plan of the plain dense statement, on random teams (empty ones
// too) against every target of the default framework, whose groups ask
// for several IDs at once, and of tgFramework.
func TestTeamPlanAgreesWithDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 2))
	for _, f := range []*wlp.Framework{wlp.Default(), tgFramework(t)} {
		m := match.New(f)
		targets := targetsOf(f)
		for round := range 10 {
			team := randomPeople(rng, f, rng.IntN(12), 3)
			if f != wlp.Default() {
				team = tgTeam(rng.IntN(200), uint64(round))
			}
			for _, target := range targets {
				want, err := match.TeamPlanDense(m, team, target)
				if err != nil {
					t.Fatal(err)
				}
				got, err := m.TeamPlan(team, target)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("%s round %d %s: (-dense +TeamPlan):\n%s", f.ID(), round, target, diff)
				}
			}
		}
	}
	m := match.New(nil)
	if _, err := m.TeamPlan(nil, "no-such-role"); !errors.Is(err, match.ErrUnknownTarget) {
		t.Errorf("unknown target: error %v, want ErrUnknownTarget", err)
	}
}
