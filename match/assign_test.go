package match_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// tmHats is a framework of roles A, B and C, each the mean of two or one
// requirements at level 5, so that fits come in steps of 0.1 (A, B) or
// 0.2 (C), and a job J = 5 A + 1 B.
func tmHats(t testing.TB) *wlp.Framework {
	return custom(t, []competency.ID{"a1", "a2", "b1", "b2", "c1"}, []role.Role{
		{ID: "ra", Name: "ra", Requirements: []role.Requirement{single("a1", 5, 1), single("a2", 5, 1)}},
		{ID: "rb", Name: "rb", Requirements: []role.Requirement{single("b1", 5, 1), single("b2", 5, 1)}},
		{ID: "rc", Name: "rc", Requirements: []role.Requirement{single("c1", 5, 1)}},
	}, []role.Job{
		{ID: "jj", Title: "jj", Roles: []role.Share{{Role: "ra", Weight: 5}, {Role: "rb", Weight: 1}}},
	})
}

// tmHatsTeam: x fits A 0.9, B 0.8, C 1; y fits A 0.7, B 0.1, C 0.2.
func tmHatsTeam() []profile.Profile {
	return []profile.Profile{
		person("x", levels{"a1": 5, "a2": 4, "b1": 4, "b2": 4, "c1": 5}),
		person("y", levels{"a1": 4, "a2": 3, "b1": 1, "c1": 1}),
	}
}

func mustAssign(t testing.TB, m *match.Matcher, ps []profile.Profile, hats []role.ID, opts ...match.AssignOption) match.Assignment {
	t.Helper()
	a, err := m.Assign(ps, hats, opts...)
	if err != nil {
		t.Fatalf("Assign(%v): %v", hats, err)
	}
	return a
}

// TestAssignHandChecked: assignments whose optimum is known by hand.
func TestAssignHandChecked(t *testing.T) {
	m := match.New(tmHats(t))
	team := tmHatsTeam()
	// Check the fits the cases rely on.
	for _, c := range []struct {
		who    int
		target role.ID
		fit    float64
	}{{0, "ra", 0.9}, {0, "rb", 0.8}, {0, "rc", 1}, {1, "ra", 0.7}, {1, "rb", 0.1}, {1, "rc", 0.2}} {
		if got, _ := m.Fit(team[c.who], c.target); !near(got, c.fit, 1e-12) {
			t.Fatalf("fit of %s for %s = %v, want %v", team[c.who].ID, c.target, got, c.fit)
		}
	}
	hat := func(r role.ID, w float64, who string, fit float64) match.Hat {
		return match.Hat{Role: r, Weight: w, Profile: who, Fit: fit}
	}
	tests := []struct {
		name string
		hats []role.ID
		opts []match.AssignOption
		want match.Assignment
	}{
		{
			// Greedy takes x for A (0.9, the best single fit), leaving y
			// for B: 0.9 + 0.1 = 1.0. The optimum is 0.7 + 0.8 = 1.5.
			name: "greedy is wrong",
			hats: []role.ID{"ra", "rb"},
			want: match.Assignment{Hats: []match.Hat{hat("ra", 1, "y", 0.7), hat("rb", 1, "x", 0.8)}, Total: 1.5},
		},
		{
			name: "greedy is wrong, hats reversed",
			hats: []role.ID{"rb", "ra"},
			want: match.Assignment{Hats: []match.Hat{hat("rb", 1, "x", 0.8), hat("ra", 1, "y", 0.7)}, Total: 1.5},
		},
		{
			name: "explicit MaxHats(1)",
			hats: []role.ID{"ra", "rb"},
			opts: []match.AssignOption{match.MaxHats(1)},
			want: match.Assignment{Hats: []match.Hat{hat("ra", 1, "y", 0.7), hat("rb", 1, "x", 0.8)}, Total: 1.5},
		},
		{
			name: "MaxHats(0): each hat to its best person",
			hats: []role.ID{"ra", "rb"},
			opts: []match.AssignOption{match.MaxHats(0)},
			want: match.Assignment{Hats: []match.Hat{hat("ra", 1, "x", 0.9), hat("rb", 1, "x", 0.8)}, Total: 1.7},
		},
		{
			name: "MaxHats(0), three hats",
			hats: []role.ID{"ra", "rb", "rc"},
			opts: []match.AssignOption{match.MaxHats(0)},
			want: match.Assignment{Hats: []match.Hat{hat("ra", 1, "x", 0.9), hat("rb", 1, "x", 0.8), hat("rc", 1, "x", 1)}, Total: 2.7},
		},
		{
			// x may wear two of three: {A,B}+yC 1.9, {A,C}+yB 2.0,
			// {B,C}+yA 2.5.
			name: "MaxHats(2) caps at two",
			hats: []role.ID{"ra", "rb", "rc"},
			opts: []match.AssignOption{match.MaxHats(2)},
			want: match.Assignment{Hats: []match.Hat{hat("ra", 1, "y", 0.7), hat("rb", 1, "x", 0.8), hat("rc", 1, "x", 1)}, Total: 2.5},
		},
		{
			// Two people, three hats, one each: xC+yA 1.7 beats xB+yA 1.5,
			// xA+yC 1.1, xC+yB 1.1, ...; B stays unworn.
			name: "more hats than people",
			hats: []role.ID{"ra", "rb", "rc"},
			want: match.Assignment{Hats: []match.Hat{hat("ra", 1, "y", 0.7), hat("rb", 1, "", 0), hat("rc", 1, "x", 1)}, Total: 1.7},
		},
		{
			// J = 5 A + 1 B: xA+yB 4.5+0.1 = 4.6 beats yA+xB 3.5+0.8 = 4.3.
			name: "job expands to weighted roles",
			hats: []role.ID{"jj"},
			want: match.Assignment{Hats: []match.Hat{hat("ra", 5, "x", 0.9), hat("rb", 1, "y", 0.1)}, Total: 4.6},
		},
		{
			name: "job and a role",
			hats: []role.ID{"rc", "jj"},
			opts: []match.AssignOption{match.MaxHats(2)},
			// x two of {C 1, A 4.5, B 0.8}, y the third (C 0.2, A 3.5, B 0.1):
			// x{C,A}+yB 5.6, x{A,B}+yC 5.5, x{C,B}+yA 5.3.
			want: match.Assignment{Hats: []match.Hat{hat("rc", 1, "x", 1), hat("ra", 5, "x", 0.9), hat("rb", 1, "y", 0.1)}, Total: 5.6},
		},
		{
			name: "one hat, one person",
			hats: []role.ID{"rb"},
			want: match.Assignment{Hats: []match.Hat{hat("rb", 1, "x", 0.8)}, Total: 0.8},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustAssign(t, m, team, tt.hats, tt.opts...)
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("Assign (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAssignCLODepartment: the model's own example. In a sample
// department the CLO wears learning strategist and business partner,
// while others wear project manager and professional specialist.
func TestAssignCLODepartment(t *testing.T) {
	m := match.New(wlp.Default())
	team := []profile.Profile{
		person("newcomer", levels{aoe.DeliveringTraining: 3, competency.CommunicatingEffectively: 2}),
		person("clo", levels{
			competency.ThinkingStrategically: 4, competency.ApplyingBusinessAcumen: 4, aoe.ManagingLearningFunction: 4,
			competency.InfluencingStakeholders: 4, competency.DrivingResults: 3, competency.AnalyzingNeeds: 4,
			aoe.MeasuringAndEvaluating: 3, aoe.FacilitatingChange: 3, aoe.ManagingKnowledge: 2, aoe.CareerPlanning: 2,
			competency.BuildingTrust: 4, aoe.ImprovingPerformance: 4, competency.CommunicatingEffectively: 3,
			competency.NetworkingAndPartnering: 3, aoe.DesigningLearning: 4,
		}),
		person("pm", levels{
			competency.PlanningAssignments: 4, competency.DrivingResults: 4, competency.CommunicatingEffectively: 3,
			aoe.ManagingLearningFunction: 3, competency.InfluencingStakeholders: 3, competency.BuildingTrust: 3,
			competency.DemonstratingAdaptability: 3, aoe.DeliveringTraining: 2,
		}),
		person("designer", levels{
			aoe.DesigningLearning: 5, competency.ModelingPersonalDevelopment: 4,
			competency.DemonstratingAdaptability: 3, competency.CommunicatingEffectively: 3,
		}),
	}
	// The clo meets every requirement of LS and BP, pm of PM, designer of
	// PS; nobody else meets LS or BP. So the total 3+3+1+1 = 8, the most
	// possible, comes only from this assignment.
	want := match.Assignment{Hats: []match.Hat{
		{Role: role.LearningStrategist, Weight: 3, Profile: "clo", Fit: 1},
		{Role: role.BusinessPartner, Weight: 3, Profile: "clo", Fit: 1},
		{Role: role.ProjectManager, Weight: 1, Profile: "pm", Fit: 1},
		{Role: role.ProfessionalSpecialist, Weight: 1, Profile: "designer", Fit: 1},
	}, Total: 8}
	got := mustAssign(t, m, team, []role.ID{role.CLO}, match.MaxHats(2))
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("Assign(CLO, MaxHats(2)) (-want +got):\n%s", diff)
	}
	// One hat each: the clo wears one of the two weight-3 roles, and the
	// newcomer (nobody else being left) takes the other.
	one := mustAssign(t, m, team, []role.ID{role.CLO})
	seen := map[string]int{}
	for _, h := range one.Hats {
		seen[h.Profile]++
	}
	for who, n := range seen {
		if who != "" && n > 1 {
			t.Errorf("MaxHats(1): %s wears %d hats: %+v", who, n, one.Hats)
		}
	}
	if one.Total >= got.Total {
		t.Errorf("MaxHats(1) total %v, want less than MaxHats(2)'s %v", one.Total, got.Total)
	}
}

// TestAssignErrors: a role asked for twice (directly or through a job),
// an unknown ID.
func TestAssignErrors(t *testing.T) {
	m := match.New(tmHats(t))
	team := tmHatsTeam()
	for _, hats := range [][]role.ID{{"ra", "ra"}, {"ra", "jj"}, {"jj", "rb"}, {"jj", "jj"}} {
		_, err := m.Assign(team, hats)
		if err == nil {
			t.Errorf("Assign(%v): no error, want a duplicate role error", hats)
			continue
		}
		if errors.Is(err, match.ErrUnknownTarget) {
			t.Errorf("Assign(%v): error %v wraps ErrUnknownTarget, want a duplicate role error", hats, err)
		}
	}
	for _, hats := range [][]role.ID{{"zz"}, {"ra", "nope"}, {""}} {
		if _, err := m.Assign(team, hats); !errors.Is(err, match.ErrUnknownTarget) {
			t.Errorf("Assign(%v): error %v, want ErrUnknownTarget", hats, err)
		}
		// The IDs are checked even with nobody to assign.
		if _, err := m.Assign(nil, hats); !errors.Is(err, match.ErrUnknownTarget) {
			t.Errorf("Assign(nil, %v): error %v, want ErrUnknownTarget", hats, err)
		}
	}
}

// TestAssignNobody: with no people every hat is unworn; with no hats there
// is nothing to hand out.
func TestAssignNobody(t *testing.T) {
	m := match.New(tmHats(t))
	got := mustAssign(t, m, nil, []role.ID{"rc", "jj"})
	want := match.Assignment{Hats: []match.Hat{{Role: "rc", Weight: 1}, {Role: "ra", Weight: 5}, {Role: "rb", Weight: 1}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("no people (-want +got):\n%s", diff)
	}
	got = mustAssign(t, m, tmHatsTeam(), nil)
	if len(got.Hats) != 0 || got.Total != 0 {
		t.Errorf("no hats: %+v, want nothing", got)
	}
}

// TestAssignZeroFitHatsAreWorn: a hat nobody fits at all still goes to a
// person who has a place left, since the doc leaves a hat unworn only when
// nobody is left to wear it.
func TestAssignZeroFitHatsAreWorn(t *testing.T) {
	m := match.New(tmHats(t))
	blank := func(id string) profile.Profile { return profile.Profile{ID: id} }
	tests := []struct {
		name string
		ps   []profile.Profile
		hats []role.ID
		opts []match.AssignOption
	}{
		{"three blank people, two hats, one each", []profile.Profile{blank("p"), blank("q"), blank("r")}, []role.ID{"ra", "rb"}, nil},
		{"two blank people, two hats, no limit", []profile.Profile{blank("p"), blank("q")}, []role.ID{"ra", "rb"}, []match.AssignOption{match.MaxHats(0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustAssign(t, m, tt.ps, tt.hats, tt.opts...)
			for _, h := range got.Hats {
				if h.Profile == "" {
					t.Errorf("hat %s unworn though people have places left: %+v", h.Role, got.Hats)
				}
			}
		})
	}
}

// tmBrute returns the best total of any assignment of hats (weights w) to
// people (fits[i][j]), each person wearing at most cap hats (0: any
// number), a hat possibly unworn.
func tmBrute(fits [][]float64, w []float64, cap int) float64 {
	used := make([]int, len(fits))
	var rec func(j int) float64
	rec = func(j int) float64 {
		if j == len(w) {
			return 0
		}
		best := rec(j + 1) // unworn
		for i := range fits {
			if cap > 0 && used[i] >= cap {
				continue
			}
			used[i]++
			best = max(best, w[j]*fits[i][j]+rec(j+1))
			used[i]--
		}
		return best
	}
	return rec(0)
}

// TestAssignMatchesBruteForce: on random teams of up to 5 people and up
// to 4 hats (random default roles, or the CLO job), Assign's total equals
// the brute-force optimum for MaxHats 1, 2 and 0; every hat's fit is its
// wearer's fit; nobody wears more hats than allowed; MaxHats(0) gives each
// hat to its best person; Total is the weighted sum.
func TestAssignMatchesBruteForce(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	rng := rand.New(rand.NewPCG(2004, 7))
	roles := []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist}
	for round := 0; round < 300; round++ {
		team := randomPeople(rng, f, 1+rng.IntN(5), 3)
		var ask []role.ID
		if rng.IntN(5) == 0 {
			ask = []role.ID{role.CLO}
		} else {
			perm := rng.Perm(len(roles))
			for _, i := range perm[:1+rng.IntN(len(roles))] {
				ask = append(ask, roles[i])
			}
		}
		for _, cap := range []int{1, 2, 0} {
			a := mustAssign(t, m, team, ask, match.MaxHats(cap))
			if len(a.Hats) == 0 || len(a.Hats) > 4 {
				t.Fatalf("round %d: %d hats for %v", round, len(a.Hats), ask)
			}
			fits := make([][]float64, len(team))
			for i, p := range team {
				fits[i] = make([]float64, len(a.Hats))
				for j, h := range a.Hats {
					fits[i][j], _ = m.Fit(p, h.Role)
				}
			}
			w := make([]float64, len(a.Hats))
			count := map[string]int{}
			total := 0.0
			for j, h := range a.Hats {
				w[j] = h.Weight
				total += h.Weight * h.Fit
				if h.Profile == "" {
					if h.Fit != 0 {
						t.Errorf("round %d cap %d: unworn hat %s has fit %v", round, cap, h.Role, h.Fit)
					}
					continue
				}
				count[h.Profile]++
				i := tmIndex(team, h.Profile)
				if i < 0 {
					t.Fatalf("round %d: hat %s worn by unknown %q", round, h.Role, h.Profile)
				}
				if h.Fit != fits[i][j] {
					t.Errorf("round %d cap %d: hat %s fit %v, want %s's fit %v", round, cap, h.Role, h.Fit, h.Profile, fits[i][j])
				}
				if cap == 0 {
					best := 0.0
					for k := range team {
						best = max(best, fits[k][j])
					}
					if !near(h.Fit, best, 1e-9) {
						t.Errorf("round %d MaxHats(0): hat %s fit %v, want the best %v", round, h.Role, h.Fit, best)
					}
				}
			}
			if cap > 0 {
				for who, n := range count {
					if n > cap {
						t.Errorf("round %d: %s wears %d hats, cap %d", round, who, n, cap)
					}
				}
			}
			if !near(a.Total, total, 1e-9) {
				t.Errorf("round %d cap %d: Total %v, want the weighted sum %v", round, cap, a.Total, total)
			}
			if want := tmBrute(fits, w, cap); !near(a.Total, want, 1e-9) {
				t.Errorf("round %d cap %d: Total %v, brute force %v (team %d, hats %v)", round, cap, a.Total, want, len(team), ask)
			}
		}
	}
}

func tmIndex(ps []profile.Profile, id string) int {
	for i, p := range ps {
		if p.ID == id {
			return i
		}
	}
	return -1
}

// TestAssignIsDeterministic: same input, same assignment.
func TestAssignIsDeterministic(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	team := randomPeople(rand.New(rand.NewPCG(3, 3)), f, 5, 3)
	hats := []role.ID{role.ProfessionalSpecialist, role.LearningStrategist, role.ProjectManager}
	first := mustAssign(t, m, team, hats)
	for range 10 {
		if diff := cmp.Diff(first, mustAssign(t, m, team, hats)); diff != "" {
			t.Fatalf("Assign differs between calls:\n%s", diff)
		}
	}
	if math.IsNaN(first.Total) {
		t.Fatalf("Total is NaN")
	}
}

// TestAssignTiesGoByProfileID: among equally good assignments the first
// hat goes to the person whose ID sorts first, then the next hat, in
// whatever order ps lists them; a negative MaxHats is ignored (one hat
// each).
func TestAssignTiesGoByProfileID(t *testing.T) {
	m := match.New(tmHats(t))
	// Twins fit ra 3/5 and 0 = 0.3, rb 2/5 and 0 = 0.2, rc 4/5.
	twin := func(id string) profile.Profile { return person(id, levels{"a1": 3, "b1": 2, "c1": 4}) }
	hat := func(r role.ID, who string, fit float64) match.Hat {
		return match.Hat{Role: r, Weight: 1, Profile: who, Fit: fit}
	}
	tests := []struct {
		name string
		hats []role.ID
		opts []match.AssignOption
		want match.Assignment
	}{
		{"one hat", []role.ID{"rc"}, nil, match.Assignment{Hats: []match.Hat{hat("rc", "p", 0.8)}, Total: 0.8}},
		{"two hats, one each", []role.ID{"ra", "rc"}, []match.AssignOption{match.MaxHats(-1)},
			match.Assignment{Hats: []match.Hat{hat("ra", "p", 0.3), hat("rc", "q", 0.8)}, Total: 1.1}},
		{"two hats reversed", []role.ID{"rc", "ra"}, nil,
			match.Assignment{Hats: []match.Hat{hat("rc", "p", 0.8), hat("ra", "q", 0.3)}, Total: 1.1}},
		{"three hats, two places", []role.ID{"rb", "ra", "rc"}, nil,
			match.Assignment{Hats: []match.Hat{hat("rb", "", 0), hat("ra", "p", 0.3), hat("rc", "q", 0.8)}, Total: 1.1}},
		{"three hats, two each", []role.ID{"rb", "ra", "rc"}, []match.AssignOption{match.MaxHats(2)},
			match.Assignment{Hats: []match.Hat{hat("rb", "p", 0.2), hat("ra", "p", 0.3), hat("rc", "q", 0.8)}, Total: 1.3}},
		{"no limit", []role.ID{"ra", "rc"}, []match.AssignOption{match.MaxHats(0)},
			match.Assignment{Hats: []match.Hat{hat("ra", "p", 0.3), hat("rc", "p", 0.8)}, Total: 1.1}},
	}
	for _, tt := range tests {
		for _, order := range [][]string{{"p", "q"}, {"q", "p"}} {
			t.Run(fmt.Sprintf("%s/%s%s", tt.name, order[0], order[1]), func(t *testing.T) {
				got := mustAssign(t, m, []profile.Profile{twin(order[0]), twin(order[1])}, tt.hats, tt.opts...)
				if diff := cmp.Diff(tt.want, got, approx); diff != "" {
					t.Errorf("Assign (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestAssignNeverPrefersALowerFit is the regression test for a tie-break
// that made fits 1e-10 apart equal: with requirement weights 1e6 and
// 1e-4, "a-almost" misses only the light requirement (fit 0.9999999999)
// and "b-exact" meets both (fit 1). The hat goes to b-exact in either
// input order, though a-almost's ID sorts first, with the Hungarian
// algorithm (two hats, one each) or without it.
func TestAssignNeverPrefersALowerFit(t *testing.T) {
	f := custom(t, []competency.ID{"x1", "x2", "y1"}, []role.Role{
		{ID: "heavy", Name: "heavy", Requirements: []role.Requirement{single("x1", 5, 1e6), single("x2", 5, 1e-4)}},
		{ID: "other", Name: "other", Requirements: []role.Requirement{single("y1", 5, 1)}},
	}, []role.Job{
		{ID: "blend", Title: "blend", Roles: []role.Share{{Role: "heavy", Weight: 1e6}, {Role: "other", Weight: 1e-6}}},
	})
	m := match.New(f)
	almost := person("a-almost", levels{"x1": 5})
	exact := person("b-exact", levels{"x1": 5, "x2": 5})
	if got, _ := m.Fit(almost, "heavy"); got != 0.9999999999 {
		t.Fatalf("a-almost's fit for heavy = %v, want 0.9999999999", got)
	}
	hat := func(r role.ID, w float64, who string, fit float64) match.Hat {
		return match.Hat{Role: r, Weight: w, Profile: who, Fit: fit}
	}
	tests := []struct {
		name string
		hats []role.ID
		opts []match.AssignOption
		want match.Assignment
	}{
		{"one hat", []role.ID{"heavy"}, nil, match.Assignment{Hats: []match.Hat{hat("heavy", 1, "b-exact", 1)}, Total: 1}},
		{"two hats, one each", []role.ID{"heavy", "other"}, nil,
			match.Assignment{Hats: []match.Hat{hat("heavy", 1, "b-exact", 1), hat("other", 1, "a-almost", 0)}, Total: 1}},
		{"two hats, no limit", []role.ID{"other", "heavy"}, []match.AssignOption{match.MaxHats(0)},
			match.Assignment{Hats: []match.Hat{hat("other", 1, "a-almost", 0), hat("heavy", 1, "b-exact", 1)}, Total: 1}},
		{"job", []role.ID{"blend"}, nil,
			match.Assignment{Hats: []match.Hat{hat("heavy", 1e6, "b-exact", 1), hat("other", 1e-6, "a-almost", 0)}, Total: 1e6}},
	}
	for _, tt := range tests {
		for _, team := range [][]profile.Profile{{almost, exact}, {exact, almost}} {
			t.Run(tt.name+"/"+team[0].ID, func(t *testing.T) {
				got := mustAssign(t, m, team, tt.hats, tt.opts...)
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("Assign (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestAssignMatchesBruteForceExactly: on random teams of up to 4 people
// and up to 4 hats of a framework whose weights span 12 orders of
// magnitude and whose fits tie often, Assign gives the very assignment
// brute force finds by its documented rule, for every MaxHats from 0 to
// 3, and the same assignment for the team in reverse and shuffled order.
func TestAssignMatchesBruteForceExactly(t *testing.T) {
	comps := []competency.ID{"c1", "c2", "c3"}
	ws := []float64{1, 2, 3, 0.1, 0.3, 1e-6, 1e-4, 1e6}
	rng := rand.New(rand.NewPCG(11, 12))
	var roles []role.Role
	var shares []role.Share
	for i := range 4 {
		id := role.ID(fmt.Sprintf("r%d", i))
		r := role.Role{ID: id, Name: string(id)}
		for _, c := range rng.Perm(len(comps))[:1+rng.IntN(2)] {
			r.Requirements = append(r.Requirements, single(comps[c], competency.Level(1+rng.IntN(5)), ws[rng.IntN(len(ws))]))
		}
		roles = append(roles, r)
		shares = append(shares, role.Share{Role: id, Weight: ws[rng.IntN(len(ws))]})
	}
	f := custom(t, comps, roles, []role.Job{{ID: "job", Title: "job", Roles: shares}})
	m := match.New(f)
	for round := range 150 {
		team := make([]profile.Profile, 1+rng.IntN(4))
		for i := range team {
			ls := levels{}
			for _, c := range comps {
				if l := competency.Level(rng.IntN(6)); l > 2 {
					ls[c] = l
				}
			}
			team[i] = person(fmt.Sprintf("p%d", rng.IntN(1000)), ls)
			if tmIndex(team[:i], team[i].ID) >= 0 {
				team[i].ID += fmt.Sprint("-", i)
			}
		}
		ask := []role.ID{"job"}
		if rng.IntN(2) == 0 {
			ask = nil
			for _, i := range rng.Perm(len(roles))[:1+rng.IntN(len(roles))] {
				ask = append(ask, roles[i].ID)
			}
		}
		for limit := range 4 {
			got := mustAssign(t, m, team, ask, match.MaxHats(limit))
			fits := make([][]float64, len(team))
			for i, p := range team {
				fits[i] = make([]float64, len(got.Hats))
				for j, h := range got.Hats {
					fits[i][j], _ = m.Fit(p, h.Role)
				}
			}
			want := match.Assignment{Hats: slices.Clone(got.Hats)}
			for j := range want.Hats {
				want.Hats[j].Profile, want.Hats[j].Fit = "", 0
			}
			flat := slices.Concat(fits...)
			byID := func(a, b int) bool { return team[a].ID < team[b].ID }
			for j, i := range match.BruteWearers(flat, got.Hats, len(team), limit, byID) {
				if i >= 0 {
					want.Hats[j].Profile, want.Hats[j].Fit = team[i].ID, fits[i][j]
				}
				want.Total += want.Hats[j].Weight * want.Hats[j].Fit
			}
			want.Total = round12(want.Total)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("round %d, MaxHats(%d), hats %v, team %v: Assign (-brute force +got):\n%s", round, limit, ask, team, diff)
			}
			shuffled := slices.Clone(team)
			slices.Reverse(shuffled)
			for k := range 2 {
				if k == 1 {
					rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
				}
				if diff := cmp.Diff(got, mustAssign(t, m, shuffled, ask, match.MaxHats(limit))); diff != "" {
					t.Fatalf("round %d, MaxHats(%d): the team in another order changes the assignment (-in order +reordered):\n%s", round, limit, diff)
				}
			}
		}
	}
}
