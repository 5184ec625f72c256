package match_test

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

func mustPlan(t testing.TB, m *match.Matcher, p profile.Profile, target role.ID, opts ...match.PlanOption) match.Plan {
	t.Helper()
	pl, err := m.Plan(p, target, opts...)
	if err != nil {
		t.Fatalf("Plan(%s, %s): %v", p.ID, target, err)
	}
	return pl
}

// TestPlanHandChecked: plans on a two-requirement role r: x@4 w3, y@2 w1,
// from x 2, y 0 (fit (3·2/4)/4 = 0.375), and a tie-break role.
func TestPlanHandChecked(t *testing.T) {
	f := custom(t, []competency.ID{"x", "y", "z"}, []role.Role{
		{ID: "r", Name: "R", Requirements: []role.Requirement{single("x", 4, 3), single("y", 2, 1)}},
		// Equal gain per level: y (gain 0.5 over 4 levels) before x (0.25
		// over 2), the larger gain first.
		{ID: "tie", Name: "Tie", Requirements: []role.Requirement{single("x", 2, 1), single("y", 4, 2), single("z", 1, 1)}},
		// Equal gain per level and equal gain: by ID.
		{ID: "same", Name: "Same", Requirements: []role.Requirement{single("y", 2, 1), single("x", 2, 1)}},
	}, nil)
	m := match.New(f)
	strict := match.New(f, match.Strict())
	p := person("pia", levels{"x": 2})
	step := func(id competency.ID, from, to competency.Level, gain, fit float64, c match.Confidence) match.Step {
		return match.Step{ID: id, From: from, To: to, Gain: gain, Fit: fit, Confidence: c}
	}
	tests := []struct {
		name   string
		m      *match.Matcher
		p      profile.Profile
		target role.ID
		opts   []match.PlanOption
		want   match.Plan
	}{
		{
			// x 2->4: fit 0.75, 0.375 over 2 levels; y 0->2: fit 0.625,
			// 0.25 over 2 levels. x first (low), then y (exact).
			name: "default until high", m: m, p: p, target: "r",
			want: match.Plan{Profile: "pia", Target: "r", Start: 0.375, Steps: []match.Step{
				step("x", 2, 4, 0.375, 0.75, match.Low),
				step("y", 0, 2, 0.25, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			name: "until low", m: m, p: p, target: "r", opts: []match.PlanOption{match.Until(match.Low)},
			want: match.Plan{Profile: "pia", Target: "r", Start: 0.375, Steps: []match.Step{
				step("x", 2, 4, 0.375, 0.75, match.Low),
			}, Fit: 0.75, Confidence: match.Low, Reached: true},
		},
		{
			name: "max steps 1 until exact", m: m, p: p, target: "r", opts: []match.PlanOption{match.Until(match.Exact), match.MaxSteps(1)},
			want: match.Plan{Profile: "pia", Target: "r", Start: 0.375, Steps: []match.Step{
				step("x", 2, 4, 0.375, 0.75, match.Low),
			}, Fit: 0.75, Confidence: match.Low, Reached: false},
		},
		{
			// One level at a time: x->3 (0.5625, 0.1875), x->4 (0.75,
			// 0.1875), then y->1 (0.875: high). y->1 gains 0.125 each time.
			name: "max raise 1", m: m, p: p, target: "r", opts: []match.PlanOption{match.MaxRaise(1)},
			want: match.Plan{Profile: "pia", Target: "r", Start: 0.375, Steps: []match.Step{
				step("x", 2, 3, 0.1875, 0.5625, match.No),
				step("x", 3, 4, 0.1875, 0.75, match.Low),
				step("y", 0, 1, 0.125, 0.875, match.High),
			}, Fit: 0.875, Confidence: match.High, Reached: true},
		},
		{
			name: "max raise 1 until exact", m: m, p: p, target: "r", opts: []match.PlanOption{match.MaxRaise(1), match.Until(match.Exact)},
			want: match.Plan{Profile: "pia", Target: "r", Start: 0.375, Steps: []match.Step{
				step("x", 2, 3, 0.1875, 0.5625, match.No),
				step("x", 3, 4, 0.1875, 0.75, match.Low),
				step("y", 0, 1, 0.125, 0.875, match.High),
				step("y", 1, 2, 0.125, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			// Strict: x->4 gains 3/4 over 2 levels, y->2 1/4 over 2.
			name: "strict", m: strict, p: p, target: "r",
			want: match.Plan{Profile: "pia", Target: "r", Start: 0, Steps: []match.Step{
				step("x", 2, 4, 0.75, 0.75, match.Low),
				step("y", 0, 2, 0.25, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			// Strict, one level at a time: no single step meets anything,
			// so the plan stops at once without reaching.
			name: "strict max raise 1 stops", m: strict, p: p, target: "r", opts: []match.PlanOption{match.MaxRaise(1)},
			want: match.Plan{Profile: "pia", Target: "r", Start: 0, Steps: []match.Step{}, Fit: 0, Confidence: match.No, Reached: false},
		},
		{
			// Strict, one level at a time, from x 3, y 1: x->4 (3/4), then
			// y->2 (exact).
			name: "strict max raise 1 within reach", m: strict, p: person("pia", levels{"x": 3, "y": 1}), target: "r", opts: []match.PlanOption{match.MaxRaise(1)},
			want: match.Plan{Profile: "pia", Target: "r", Start: 0, Steps: []match.Step{
				step("x", 3, 4, 0.75, 0.75, match.Low),
				step("y", 1, 2, 0.25, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			// tie: weights 1, 2, 1 (total 4), z met: start 0.25. x->2 gains
			// 0.25 (0.125 a level), y->4 gains 0.5 (0.125 a level): y first.
			name: "equal gain per level: larger gain first", m: m, p: person("tom", levels{"z": 1}), target: "tie",
			want: match.Plan{Profile: "tom", Target: "tie", Start: 0.25, Steps: []match.Step{
				step("y", 0, 4, 0.5, 0.75, match.Low),
				step("x", 0, 2, 0.25, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			name: "equal gains: by ID", m: m, p: person("sam", nil), target: "same",
			want: match.Plan{Profile: "sam", Target: "same", Start: 0, Steps: []match.Step{
				step("x", 0, 2, 0.5, 0.5, match.No),
				step("y", 0, 2, 0.5, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			name: "already there", m: m, p: person("ace", levels{"x": 5, "y": 2}), target: "r", opts: []match.PlanOption{match.Until(match.Exact)},
			want: match.Plan{Profile: "ace", Target: "r", Start: 1, Steps: []match.Step{}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			// x 4, y 1: fit 0.875, high already.
			name: "already high", m: m, p: person("hi", levels{"x": 4, "y": 1}), target: "r",
			want: match.Plan{Profile: "hi", Target: "r", Start: 0.875, Steps: []match.Step{}, Fit: 0.875, Confidence: match.High, Reached: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustPlan(t, tt.m, tt.p, tt.target, tt.opts...)
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("Plan (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPlanTieRule: steps that gain equally per level follow the tie rule
// (the larger gain, then the ID), compared exactly, with the weights
// taken as the decimals they are written as.
func TestPlanTieRule(t *testing.T) {
	step := func(id competency.ID, from, to competency.Level, gain, fit float64, c match.Confidence) match.Step {
		return match.Step{ID: id, From: from, To: to, Gain: gain, Fit: fit, Confidence: c}
	}
	tests := []struct {
		name  string
		roles []role.Role
		p     profile.Profile
		opts  []match.PlanOption
		want  match.Plan
	}{
		{
			// Weights a 1, b 4, z 2 (total 7), z at 4 of 5: start
			// (2·4/5)/7 = 8/35. a 0->1 gains 1/7 in one level; b 0->4
			// gains 4/7, 1/7 a level: the larger gain, b, first, though
			// a's ID sorts first. Rates worked out from fits rounded to 12
			// decimals once put a first (1/7 rounded up, 4/7 rounded down
			// and shared over four levels).
			name: "one level against an equal four-level step",
			roles: []role.Role{{ID: "r", Name: "R", Requirements: []role.Requirement{
				single("a", 1, 1), single("b", 4, 4), single("z", 5, 2),
			}}},
			p:    person("pat", levels{"z": 4}),
			opts: []match.PlanOption{match.Until(match.Exact)},
			want: match.Plan{Profile: "pat", Target: "r", Start: 8.0 / 35, Steps: []match.Step{
				step("b", 0, 4, 4.0/7, 28.0/35, match.Low),
				step("a", 0, 1, 1.0/7, 33.0/35, match.High),
				step("z", 4, 5, 2.0/35, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			// a 0->1 gains 0.3 of 0.6; b 0->1 gains 0.1 + 0.2, as much by
			// hand, though in float64 0.1 + 0.2 is more than 0.3: by ID.
			name: "equal by hand, not in float64: by ID",
			roles: []role.Role{{ID: "r", Name: "R", Requirements: []role.Requirement{
				single("b", 1, 0.1), single("a", 1, 0.3), single("b", 1, 0.2),
			}}},
			p:    person("sam", nil),
			opts: []match.PlanOption{match.Until(match.Exact)},
			want: match.Plan{Profile: "sam", Target: "r", Start: 0, Steps: []match.Step{
				step("a", 0, 1, 0.5, 0.5, match.No),
				step("b", 0, 1, 0.5, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			// One level at a time, a (weight 0.4, need 2) and b (weight
			// 0.2, need 1) gain 0.2 of 0.6 each: by ID, then a again.
			name: "equal weights per level written differently: by ID",
			roles: []role.Role{{ID: "r", Name: "R", Requirements: []role.Requirement{
				single("b", 1, 0.2), single("a", 2, 0.4),
			}}},
			p:    person("kim", nil),
			opts: []match.PlanOption{match.Until(match.Exact), match.MaxRaise(1)},
			want: match.Plan{Profile: "kim", Target: "r", Start: 0, Steps: []match.Step{
				step("a", 0, 1, 1.0/3, 1.0/3, match.No),
				step("a", 1, 2, 1.0/3, 2.0/3, match.Low),
				step("b", 0, 1, 1.0/3, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
		{
			// A group of a, b, c (any 2 at 3, weight 3) and y at 3
			// (weight 1), from a 3: b or c 0->3 gains (3/6)·3/4 = 3/8,
			// y 0->3 1/4. b and c tie: by ID, b. Then c gains nothing more
			// and y closes the plan.
			name: "steps of one group tie: by ID",
			roles: []role.Role{{ID: "r", Name: "R", Requirements: []role.Requirement{
				group(2, 3, 3, "c", "a", "b"), single("y", 3, 1),
			}}},
			p:    person("lee", levels{"a": 3}),
			opts: []match.PlanOption{match.Until(match.Exact)},
			want: match.Plan{Profile: "lee", Target: "r", Start: 3.0 / 8, Steps: []match.Step{
				step("b", 0, 3, 3.0/8, 3.0/4, match.Low),
				step("y", 0, 3, 1.0/4, 1, match.Exact),
			}, Fit: 1, Confidence: match.Exact, Reached: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := custom(t, []competency.ID{"a", "b", "c", "y", "z"}, tt.roles, nil)
			got := mustPlan(t, match.New(f), tt.p, "r", tt.opts...)
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("Plan (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPlanUnknownTarget: an unknown target wraps ErrUnknownTarget.
func TestPlanUnknownTarget(t *testing.T) {
	m := match.New(wlp.Default())
	if _, err := m.Plan(person("a", nil), "nope"); !errors.Is(err, match.ErrUnknownTarget) {
		t.Errorf("Plan(nope): error %v, want ErrUnknownTarget", err)
	}
}

// tmPlanCase is one set of plan options and what they promise.
type tmPlanCase struct {
	name     string
	strict   bool
	until    match.Confidence
	maxSteps int
	maxRaise int
}

func (c tmPlanCase) opts() []match.PlanOption {
	var o []match.PlanOption
	if c.until != match.High {
		o = append(o, match.Until(c.until))
	}
	if c.maxSteps > 0 {
		o = append(o, match.MaxSteps(c.maxSteps))
	}
	if c.maxRaise > 0 {
		o = append(o, match.MaxRaise(c.maxRaise))
	}
	return o
}

// TestPlanProperties follows plans step by step on random profiles and
// every default target, re-scoring after each step: each step's gain is
// positive and equals the fit difference; the fit never falls and equals
// the re-scored fit; Start is the profile's fit; steps raise from the
// current level, by at most MaxRaise levels; the plan stops at MaxSteps;
// it reaches the requested confidence whenever that is possible (always on
// the default roles without caps, since raising every rating to its
// required level meets everything), and when it stops short no single
// allowed raise would add fit.
func TestPlanProperties(t *testing.T) {
	f := wlp.Default()
	plain, strict := match.New(f), match.New(f, match.Strict())
	rng := rand.New(rand.NewPCG(5, 9))
	targets := []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist, role.CLO}
	cases := []tmPlanCase{
		{name: "default", until: match.High},
		{name: "until low", until: match.Low},
		{name: "until exact", until: match.Exact},
		{name: "until exact, raise 1", until: match.Exact, maxRaise: 1},
		{name: "until high, raise 2", until: match.High, maxRaise: 2},
		{name: "until exact, 3 steps", until: match.Exact, maxSteps: 3},
		{name: "strict until exact", strict: true, until: match.Exact},
		{name: "strict until high, raise 1", strict: true, until: match.High, maxRaise: 1},
		{name: "strict until exact, raise 1", strict: true, until: match.Exact, maxRaise: 1},
	}
	ids := f.IDs()
	stoppedShort, steps := 0, 0
	for round := 0; round < 25; round++ {
		p := randomPeople(rng, f, 1, 3)[0]
		for _, target := range targets {
			for _, c := range cases {
				m := plain
				if c.strict {
					m = strict
				}
				name := fmt.Sprintf("round %d %s %s", round, target, c.name)
				pl := mustPlan(t, m, p, target, c.opts()...)
				start, _ := m.Fit(p, target)
				if pl.Start != start || pl.Profile != p.ID || pl.Target != target {
					t.Fatalf("%s: plan %s/%s start %v, want %s/%s %v", name, pl.Profile, pl.Target, pl.Start, p.ID, target, start)
				}
				if pl.Steps == nil {
					t.Errorf("%s: Steps is nil, want a slice", name)
				}
				q, prev := p.Clone(), start
				steps += len(pl.Steps)
				for i, s := range pl.Steps {
					if s.From != q.Level(s.ID) || s.To <= s.From {
						t.Fatalf("%s: step %d %+v does not raise from the current level %d", name, i, s, q.Level(s.ID))
					}
					if c.maxRaise > 0 && int(s.To-s.From) > c.maxRaise {
						t.Errorf("%s: step %d %+v raises more than %d levels", name, i, s, c.maxRaise)
					}
					q = withLevel(q, s.ID, s.To)
					res := mustScore(t, m, q, target)
					if s.Gain <= 0 {
						t.Errorf("%s: step %d gain %v, want > 0", name, i, s.Gain)
					}
					if !near(s.Fit, res.Fit, 1e-9) || s.Confidence != res.Confidence {
						t.Errorf("%s: step %d fit %v (%s), re-scored %v (%s)", name, i, s.Fit, s.Confidence, res.Fit, res.Confidence)
					}
					if !near(s.Gain, res.Fit-prev, 1e-9) || res.Fit < prev {
						t.Errorf("%s: step %d gain %v, fit went %v -> %v", name, i, s.Gain, prev, res.Fit)
					}
					prev = res.Fit
				}
				final := mustScore(t, m, q, target)
				if !near(pl.Fit, final.Fit, 1e-9) || pl.Confidence != final.Confidence {
					t.Errorf("%s: plan fit %v (%s), re-scored %v (%s)", name, pl.Fit, pl.Confidence, final.Fit, final.Confidence)
				}
				if pl.Reached != (pl.Confidence >= c.until) {
					t.Errorf("%s: Reached %v with confidence %s, until %s", name, pl.Reached, pl.Confidence, c.until)
				}
				if c.maxSteps > 0 && len(pl.Steps) > c.maxSteps {
					t.Errorf("%s: %d steps, cap %d", name, len(pl.Steps), c.maxSteps)
				}
				if pl.Reached && len(pl.Steps) > 0 && pl.Steps[len(pl.Steps)-1].Confidence < c.until {
					t.Errorf("%s: reached, but the last step's confidence is %s", name, pl.Steps[len(pl.Steps)-1].Confidence)
				}
				// It stops as soon as it reaches: no step before the last
				// one reaches the confidence.
				for i, s := range pl.Steps[:max(len(pl.Steps)-1, 0)] {
					if s.Confidence >= c.until {
						t.Errorf("%s: step %d already reached %s, but the plan goes on", name, i, s.Confidence)
					}
				}
				if pl.Reached || (c.maxSteps > 0 && len(pl.Steps) == c.maxSteps) {
					continue
				}
				// Stopped short without a cap on steps.
				stoppedShort++
				if !(c.strict && c.maxRaise > 0) {
					t.Errorf("%s: the plan stops at %v (%s) without reaching %s: %+v", name, pl.Fit, pl.Confidence, c.until, pl.Steps)
				}
				// No single raise the plan could make would add fit.
				for _, id := range ids {
					from := q.Level(id)
					top := competency.Level(competency.MaxLevel)
					if c.maxRaise > 0 {
						top = min(top, from+competency.Level(c.maxRaise))
					}
					for to := from + 1; to <= top; to++ {
						if fit, _ := m.Fit(withLevel(q, id, to), target); fit > pl.Fit+1e-12 {
							t.Errorf("%s: stopped at %v, but %s %d->%d gives %v", name, pl.Fit, id, from, to, fit)
						}
					}
				}
			}
		}
	}
	// The random profiles exercise both long plans and (under Strict with
	// one level a step) plans that stop short.
	if stoppedShort == 0 || steps < 1000 {
		t.Errorf("%d plans stopped short, %d steps in all: the cases are too easy", stoppedShort, steps)
	}
}

// TestPlanAlreadyAtTarget: a profile already at the requested confidence
// gets an empty plan that has reached it.
func TestPlanAlreadyAtTarget(t *testing.T) {
	m := match.New(wlp.Default())
	// Exactly the project manager's levels: exact.
	pm := person("pm", levels{
		competency.PlanningAssignments: 4, competency.DrivingResults: 4, competency.CommunicatingEffectively: 3,
		aoe.ManagingLearningFunction: 3, competency.InfluencingStakeholders: 3, competency.BuildingTrust: 3,
		competency.DemonstratingAdaptability: 3, aoe.DeliveringTraining: 2,
	})
	for _, c := range []match.Confidence{match.No, match.Low, match.High, match.Exact} {
		pl := mustPlan(t, m, pm, role.ProjectManager, match.Until(c))
		want := match.Plan{Profile: "pm", Target: role.ProjectManager, Start: 1, Steps: []match.Step{}, Fit: 1, Confidence: match.Exact, Reached: true}
		if diff := cmp.Diff(want, pl); diff != "" {
			t.Errorf("Until(%s) (-want +got):\n%s", c, diff)
		}
	}
	// Delivering training at 1: fit 1 - 1/14·1/2 = 27/28, high.
	hi := withLevel(pm, aoe.DeliveringTraining, 1)
	for _, c := range []match.Confidence{match.Low, match.High} {
		pl := mustPlan(t, m, hi, role.ProjectManager, match.Until(c))
		want := match.Plan{Profile: "pm", Target: role.ProjectManager, Start: 27.0 / 28, Steps: []match.Step{}, Fit: 27.0 / 28, Confidence: match.High, Reached: true}
		if diff := cmp.Diff(want, pl, approx); diff != "" {
			t.Errorf("Until(%s) (-want +got):\n%s", c, diff)
		}
	}
	pl := mustPlan(t, m, hi, role.ProjectManager, match.Until(match.Exact))
	want := []match.Step{{ID: aoe.DeliveringTraining, From: 1, To: 2, Gain: 1.0 / 28, Fit: 1, Confidence: match.Exact}}
	if diff := cmp.Diff(want, pl.Steps, approx); diff != "" || !pl.Reached {
		t.Errorf("Until(exact) steps (-want +got):\n%s\nreached %v", diff, pl.Reached)
	}
}

// TestPlanMaxSteps: MaxSteps caps the plan, which then reports whether it
// reached; the capped plan is the uncapped one's prefix.
func TestPlanMaxSteps(t *testing.T) {
	m := match.New(wlp.Default())
	p := person("new", nil)
	full := mustPlan(t, m, p, role.CLO, match.Until(match.Exact))
	if len(full.Steps) < 5 || !full.Reached {
		t.Fatalf("uncapped plan: %d steps, reached %v; want many steps, reached", len(full.Steps), full.Reached)
	}
	for n := 1; n <= 4; n++ {
		pl := mustPlan(t, m, p, role.CLO, match.Until(match.Exact), match.MaxSteps(n))
		if diff := cmp.Diff(full.Steps[:n], pl.Steps); diff != "" {
			t.Errorf("MaxSteps(%d) steps are not the full plan's first %d (-want +got):\n%s", n, n, diff)
		}
		if pl.Reached || pl.Fit != full.Steps[n-1].Fit {
			t.Errorf("MaxSteps(%d): reached %v fit %v, want false %v", n, pl.Reached, pl.Fit, full.Steps[n-1].Fit)
		}
	}
}

// TestPlanProfileUnchanged: planning does not change the profile.
func TestPlanProfileUnchanged(t *testing.T) {
	m := match.New(wlp.Default())
	p := person("kay", levels{competency.BuildingTrust: 2, aoe.Coaching: 1})
	before := p.Clone()
	mustPlan(t, m, p, role.CLO, match.Until(match.Exact))
	if diff := cmp.Diff(before, p); diff != "" {
		t.Errorf("profile changed (-before +after):\n%s", diff)
	}
}

// TestTeamPlanHandChecked: gaps where someone is within two levels name
// the closest member and their level; gaps nobody is near need a hire.
func TestTeamPlanHandChecked(t *testing.T) {
	one := func(id competency.ID) []competency.ID { return []competency.ID{id} }
	t.Run("default project manager", func(t *testing.T) {
		m := match.New(wlp.Default())
		team := []profile.Profile{
			person("pat", levels{competency.PlanningAssignments: 4, competency.DrivingResults: 2, competency.CommunicatingEffectively: 3}),
			person("quinn", levels{competency.DrivingResults: 4, competency.BuildingTrust: 2, aoe.DeliveringTraining: 2}),
			person("ria", levels{aoe.ManagingLearningFunction: 3, competency.InfluencingStakeholders: 1, competency.DemonstratingAdaptability: 0}),
		}
		got, err := m.TeamPlan(team, role.ProjectManager)
		if err != nil {
			t.Fatal(err)
		}
		// Gaps in gain order (see TestTeamDefaultProjectManager):
		// adaptability: everyone at 0, 3 below 3: hire.
		// influencing: ria at 1, 2 below 3: develop ria.
		// trust: quinn at 2, 1 below 3: develop quinn.
		want := []match.TeamStep{
			{Gap: match.Gap{Of: one(competency.DemonstratingAdaptability), Have: 0, Need: 3, Gain: 1.0 / 14}, Hire: true},
			{Gap: match.Gap{Of: one(competency.InfluencingStakeholders), Have: 1, Need: 3, Gain: 2.0 / 42}, Develop: "ria", From: 1},
			{Gap: match.Gap{Of: one(competency.BuildingTrust), Have: 2, Need: 3, Gain: 1.0 / 42}, Develop: "quinn", From: 2},
		}
		if diff := cmp.Diff(want, got, approx); diff != "" {
			t.Errorf("TeamPlan (-want +got):\n%s", diff)
		}
	})
	t.Run("custom job", func(t *testing.T) {
		m := match.New(tmSmall(t))
		got, err := m.TeamPlan(tmSmallTeam(), "j")
		if err != nil {
			t.Fatal(err)
		}
		// The gaps of j (see TestTeamHandChecked), each with the closest
		// member: d@2: cy 1; a@5: ann 4; c@5: bob and cy 3, bob first;
		// 1 of (c,d)@4: bob 3 first; b@3: bob 2 (ann 1).
		want := []match.TeamStep{
			{Gap: match.Gap{Of: one("d"), Have: 1, Need: 2, Gain: 1.0 / 16, Part: "r2"}, Develop: "cy", From: 1},
			{Gap: match.Gap{Of: one("a"), Have: 4, Need: 5, Gain: 1.0 / 20}, Develop: "ann", From: 4},
			{Gap: match.Gap{Of: one("c"), Have: 3, Need: 5, Gain: 1.0 / 20, Part: "r2"}, Develop: "bob", From: 3},
			{Gap: match.Gap{Of: []competency.ID{"c", "d"}, AtLeast: 1, Have: 3, Need: 4, Gain: 1.0 / 24, Part: "r1"}, Develop: "bob", From: 3},
			{Gap: match.Gap{Of: one("b"), Have: 2, Need: 3, Gain: 1.0 / 36, Part: "r1"}, Develop: "bob", From: 2},
		}
		if diff := cmp.Diff(want, got, approx); diff != "" {
			t.Errorf("TeamPlan (-want +got):\n%s", diff)
		}
	})
	t.Run("three levels short is a hire", func(t *testing.T) {
		f := custom(t, []competency.ID{"x", "y"}, []role.Role{
			{ID: "r", Name: "R", Requirements: []role.Requirement{single("x", 5, 1), single("y", 4, 1)}},
		}, nil)
		m := match.New(f)
		team := []profile.Profile{person("u", levels{"x": 2, "y": 1}), person("v", levels{"x": 3})}
		got, err := m.TeamPlan(team, "r")
		if err != nil {
			t.Fatal(err)
		}
		// x: v at 3, 2 below 5: develop v. y: u at 1, 3 below 4: hire.
		// Gains: x (1/2)(2/5) = 1/5, y (1/2)(3/4) = 3/8: y first.
		want := []match.TeamStep{
			{Gap: match.Gap{Of: one("y"), Have: 1, Need: 4, Gain: 3.0 / 8}, Hire: true, From: 1},
			{Gap: match.Gap{Of: one("x"), Have: 3, Need: 5, Gain: 1.0 / 5}, Develop: "v", From: 3},
		}
		if diff := cmp.Diff(want, got, approx); diff != "" {
			t.Errorf("TeamPlan (-want +got):\n%s", diff)
		}
		for _, s := range got {
			if s.Hire != (s.Develop == "") {
				t.Errorf("step %+v: Hire and Develop disagree", s)
			}
		}
	})
	t.Run("empty team hires everything", func(t *testing.T) {
		m := match.New(wlp.Default())
		got, err := m.TeamPlan(nil, role.ProjectManager)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 8 {
			t.Fatalf("%d steps, want one per project manager requirement (8)", len(got))
		}
		for _, s := range got {
			// With nobody on the team every gap needs a hire, even
			// delivering training at 2, which a member at 0 could reach.
			if !s.Hire || s.Develop != "" {
				t.Errorf("step %+v: want a hire with nobody to develop", s)
			}
		}
	})
}

// TestTeamPlanProperties: on random teams, TeamPlan lists the team's gaps
// in order; a step develops exactly when some member is within
// ReachLevels of the need, and then names the first member with the
// highest level.
func TestTeamPlanProperties(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	rng := rand.New(rand.NewPCG(8, 8))
	for round := 0; round < 30; round++ {
		team := randomPeople(rng, f, 1+rng.IntN(4), 3)
		for _, target := range []role.ID{role.LearningStrategist, role.ProfessionalSpecialist, role.CLO} {
			tr := mustTeam(t, m, team, target)
			steps, err := m.TeamPlan(team, target)
			if err != nil {
				t.Fatal(err)
			}
			if len(steps) != len(tr.Result.Gaps) {
				t.Fatalf("round %d %s: %d steps for %d gaps", round, target, len(steps), len(tr.Result.Gaps))
			}
			for i, s := range steps {
				g := tr.Result.Gaps[i]
				if diff := cmp.Diff(g, s.Gap); diff != "" {
					t.Fatalf("round %d %s: step %d gap (-team +plan):\n%s", round, target, i, diff)
				}
				r := role.Requirement{Of: g.Of, AtLeast: g.AtLeast, Level: g.Need}
				best, who := competency.Level(-1), ""
				for _, p := range team {
					if l := bestFirst(r, p.Level)[r.K()-1]; l > best {
						best, who = l, p.ID
					}
				}
				wantHire := int(g.Need-best) > match.ReachLevels
				if s.Hire != wantHire || s.From != best {
					t.Errorf("round %d %s: step %d %+v, want hire %v from %d", round, target, i, s, wantHire, best)
				}
				if !wantHire && s.Develop != who {
					t.Errorf("round %d %s: step %d develops %q, want %q", round, target, i, s.Develop, who)
				}
				if wantHire && s.Develop != "" {
					t.Errorf("round %d %s: step %d hires but develops %q", round, target, i, s.Develop)
				}
			}
		}
	}
}

// pxRandFramework returns a random framework of 3 to 10 IDs, one to three
// roles of one to five requirements (about half of them groups) and a job
// "j" of every role and up to two requirements of its own, weighted from
// weights.
func pxRandFramework(t testing.TB, rng *rand.Rand, weights []float64) *wlp.Framework {
	t.Helper()
	ids := make([]competency.ID, 3+rng.IntN(8))
	for i := range ids {
		ids[i] = competency.ID(fmt.Sprintf("c%02d", i))
	}
	req := func() role.Requirement {
		n := 1
		if rng.IntN(2) == 0 {
			n += rng.IntN(min(4, len(ids)))
		}
		var of []competency.ID
		for _, i := range rng.Perm(len(ids))[:n] {
			of = append(of, ids[i])
		}
		atLeast := 0
		if n > 1 {
			atLeast = rng.IntN(n + 1)
		}
		return role.Requirement{Of: of, AtLeast: atLeast, Level: competency.Level(1 + rng.IntN(5)), Weight: weights[rng.IntN(len(weights))]}
	}
	var roles []role.Role
	j := role.Job{ID: "j", Title: "J"}
	for r := range 1 + rng.IntN(3) {
		ro := role.Role{ID: role.ID(fmt.Sprintf("r%d", r)), Name: "R"}
		for range 1 + rng.IntN(5) {
			ro.Requirements = append(ro.Requirements, req())
		}
		roles = append(roles, ro)
		j.Roles = append(j.Roles, role.Share{Role: ro.ID, Weight: weights[rng.IntN(len(weights))]})
	}
	for range rng.IntN(3) {
		j.Requirements = append(j.Requirements, req())
	}
	return custom(t, ids, roles, []role.Job{j})
}

// pxScore is a requirement's exact score for the levels lv.
func pxScore(r role.Requirement, lv map[competency.ID]competency.Level, strict bool) *big.Rat {
	var credits []int64
	for _, id := range r.Of {
		c := min(lv[id], r.Level)
		if strict && c < r.Level {
			c = 0
		}
		credits = append(credits, int64(c))
	}
	slices.Sort(credits)
	slices.Reverse(credits)
	u := int64(0)
	for _, c := range credits[:r.K()] {
		u += c
	}
	return big.NewRat(u, int64(r.K())*int64(r.Level))
}

// pxDecimal is the weight w as a decimal: the shortest that reads back as
// w, as a person would write it (0.1 is one tenth).
func pxDecimal(w float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(w, 'g', -1, 64))
	if !ok {
		panic(fmt.Sprintf("weight %v", w))
	}
	return r
}

// pxTerm is one requirement of a target (its own, or one of its roles')
// with its exact share of the target's fit: the target's fit is the sum
// of each requirement's score times its share.
type pxTerm struct {
	r     role.Requirement
	share *big.Rat
}

// pxTerms returns target's requirements with their shares, the weights
// taken as decimals: a requirement's weight over its owner's total, times,
// for a job's role, the role's weight over the job's total.
func pxTerms(f *wlp.Framework, target role.ID) []pxTerm {
	terms := func(rs []role.Requirement, scale *big.Rat, total *big.Rat) []pxTerm {
		var out []pxTerm
		for _, r := range rs {
			w := pxDecimal(r.Weight)
			w.Mul(w, scale)
			out = append(out, pxTerm{r, w.Quo(w, total)})
		}
		return out
	}
	sum := func(rs []role.Requirement) *big.Rat {
		total := new(big.Rat)
		for _, r := range rs {
			total.Add(total, pxDecimal(r.Weight))
		}
		return total
	}
	if ro, ok := f.Role(target); ok {
		return terms(ro.Requirements, big.NewRat(1, 1), sum(ro.Requirements))
	}
	j, _ := f.Job(target)
	total := sum(j.Requirements)
	for _, s := range j.Roles {
		total.Add(total, pxDecimal(s.Weight))
	}
	out := terms(j.Requirements, big.NewRat(1, 1), total)
	for _, s := range j.Roles {
		ro, _ := f.Role(s.Role)
		share := pxDecimal(s.Weight)
		out = append(out, terms(ro.Requirements, share.Quo(share, total), sum(ro.Requirements))...)
	}
	return out
}

// pxStep is one step of a plan without what it reports.
type pxStep struct {
	ID       competency.ID
	From, To competency.Level
}

// pxPlan is a reference planner that follows Plan's rule literally: at
// each step it tries every raise Plan may make (each ID the target lists,
// to each level a requirement listing it asks for above its own, capped
// at maxRaise levels), works out its exact gain (the change in score of
// each requirement listing the ID, times the requirement's share), and
// takes the raise with the most gain per level, then the larger gain, then
// the smaller ID. It stops where Plan does, on the confidence Score gives.
func pxPlan(t testing.TB, m *match.Matcher, p profile.Profile, target role.ID, strict bool, c tmPlanCase) []pxStep {
	terms := pxTerms(m.Framework(), target)
	listing := map[competency.ID][]pxTerm{}
	for _, e := range terms {
		for _, id := range e.r.Of {
			listing[id] = append(listing[id], e)
		}
	}
	lv := map[competency.ID]competency.Level{}
	for id, r := range p.Ratings {
		lv[id] = r.Level
	}
	q := p.Clone()
	steps := []pxStep{}
	for {
		if res := mustScore(t, m, q, target); res.Confidence >= c.until || (c.maxSteps > 0 && len(steps) == c.maxSteps) {
			return steps
		}
		var best pxStep
		var bestGain, bestRate *big.Rat
		for id, es := range listing {
			from := lv[id]
			for _, e := range es {
				to := e.r.Level
				if to <= from {
					continue
				}
				if c.maxRaise > 0 && int(to-from) > c.maxRaise {
					to = from + competency.Level(c.maxRaise)
				}
				gain := new(big.Rat)
				for _, e := range es {
					before := pxScore(e.r, lv, strict)
					lv[id] = to
					after := pxScore(e.r, lv, strict)
					lv[id] = from
					after.Sub(after, before)
					gain.Add(gain, after.Mul(after, e.share))
				}
				if gain.Sign() <= 0 {
					continue
				}
				rate := new(big.Rat).Quo(gain, big.NewRat(int64(to-from), 1))
				if bestRate == nil || rate.Cmp(bestRate) > 0 || (rate.Cmp(bestRate) == 0 &&
					(gain.Cmp(bestGain) > 0 || (gain.Cmp(bestGain) == 0 && id < best.ID))) {
					best, bestGain, bestRate = pxStep{id, from, to}, gain, rate
				}
			}
		}
		if bestRate == nil {
			return steps
		}
		steps = append(steps, best)
		lv[best.ID] = best.To
		q = withLevel(q, best.ID, best.To)
	}
}

// TestPlanExactReference compares Plan with the reference planner pxPlan
// on random frameworks, with every option: the steps must be the same,
// and each step must report the fit and confidence Score gives after it,
// and a gain of the rise in fit rounded to 12 decimals (at least 1e-12).
// The weights either make steps often gain exactly as much per level,
// which makes float64 rounding show if Plan relied on it, or span the
// whole range allowed, which makes some gains too small for 12 decimals.
// Plan keeping every fit as a running sum, as it does for large targets,
// must take the same steps and report fits within 1e-12 of Score's.
func TestPlanExactReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 7))
	ties := []float64{1, 2, 3, 4, 6, 0.5, 1.5, 1.0 / 3, 0.1, 0.2, 0.3, 7}
	extremes := []float64{wlp.MaxWeight, wlp.MinWeight, 3 * wlp.MinWeight, 0.1, 1, 999999.9}
	cases := []tmPlanCase{
		{name: "until low", until: match.Low},
		{name: "default", until: match.High},
		{name: "until exact", until: match.Exact},
		{name: "until exact, raise 1", until: match.Exact, maxRaise: 1},
		{name: "until exact, raise 2, 4 steps", until: match.Exact, maxRaise: 2, maxSteps: 4},
		{name: "strict until exact", strict: true, until: match.Exact},
		{name: "strict until exact, raise 2", strict: true, until: match.Exact, maxRaise: 2},
	}
	steps := 0
	for round := range 80 {
		weights := ties
		if round%4 == 3 {
			weights = extremes
		}
		f := pxRandFramework(t, rng, weights)
		plain, strict := match.New(f), match.New(f, match.Strict())
		p := randomPeople(rng, f, 1, 3)[0]
		for _, target := range []role.ID{"j", "r0"} {
			for _, c := range cases {
				m := plain
				if c.strict {
					m = strict
				}
				pl := mustPlan(t, m, p, target, c.opts()...)
				got := make([]pxStep, len(pl.Steps))
				for i, s := range pl.Steps {
					got[i] = pxStep{s.ID, s.From, s.To}
				}
				want := pxPlan(t, m, p, target, c.strict, c)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("round %d %s %s: steps (-reference +Plan):\n%s", round, target, c.name, diff)
				}
				steps += len(got)
				run, err := match.PlanRunningSums(m, p, target, c.opts()...)
				if err != nil {
					t.Fatal(err)
				}
				if len(run.Steps) != len(pl.Steps) {
					t.Fatalf("round %d %s %s: %d steps with running sums, %d without", round, target, c.name, len(run.Steps), len(pl.Steps))
				}
				q, prev := p.Clone(), pl.Start
				for i, s := range pl.Steps {
					q = withLevel(q, s.ID, s.To)
					res := mustScore(t, m, q, target)
					wantGain := max(math.Round((res.Fit-prev)*1e12)/1e12, 1e-12)
					if s.Fit != res.Fit || s.Confidence != res.Confidence || s.Gain != wantGain {
						t.Errorf("round %d %s %s: step %d reports fit %v (%s) gain %v; Score gives %v (%s), gain %v",
							round, target, c.name, i, s.Fit, s.Confidence, s.Gain, res.Fit, res.Confidence, wantGain)
					}
					r := run.Steps[i]
					if r.ID != s.ID || r.To != s.To || !near(r.Fit, res.Fit, 1.5e-12) || r.Confidence != res.Confidence || !near(r.Gain, wantGain, 2.5e-12) {
						t.Errorf("round %d %s %s: step %d with running sums %+v; Score gives %v (%s), gain %v",
							round, target, c.name, i, r, res.Fit, res.Confidence, wantGain)
					}
					prev = res.Fit
				}
			}
		}
	}
	if steps < 2000 {
		t.Errorf("only %d steps in all: the cases are too easy", steps)
	}
}
