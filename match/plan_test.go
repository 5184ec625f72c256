package match_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// tmRaise returns a copy of p with id at level l.
func tmRaise(p profile.Profile, id competency.ID, l competency.Level) profile.Profile {
	q := p.Clone()
	if q.Ratings == nil {
		q.Ratings = map[competency.ID]profile.Rating{}
	}
	r := q.Ratings[id]
	r.Level = l
	q.Ratings[id] = r
	return q
}

func tmPlan(t testing.TB, m *match.Matcher, p profile.Profile, target role.ID, opts ...match.PlanOption) match.Plan {
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
	f := tmFramework(t, []competency.ID{"x", "y", "z"}, []role.Role{
		{ID: "r", Name: "R", Requirements: []role.Requirement{tmReq("x", 4, 3), tmReq("y", 2, 1)}},
		// Equal gain per level: y (gain 0.5 over 4 levels) before x (0.25
		// over 2), the larger gain first.
		{ID: "tie", Name: "Tie", Requirements: []role.Requirement{tmReq("x", 2, 1), tmReq("y", 4, 2), tmReq("z", 1, 1)}},
		// Equal gain per level and equal gain: by ID.
		{ID: "same", Name: "Same", Requirements: []role.Requirement{tmReq("y", 2, 1), tmReq("x", 2, 1)}},
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
			got := tmPlan(t, tt.m, tt.p, tt.target, tt.opts...)
			if diff := cmp.Diff(tt.want, got, tmApprox); diff != "" {
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
		p := tmRandTeam(rng, f, 1)[0]
		for _, target := range targets {
			for _, c := range cases {
				m := plain
				if c.strict {
					m = strict
				}
				name := fmt.Sprintf("round %d %s %s", round, target, c.name)
				pl := tmPlan(t, m, p, target, c.opts()...)
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
					q = tmRaise(q, s.ID, s.To)
					res := tmScore(t, m, q, target)
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
				final := tmScore(t, m, q, target)
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
						if fit, _ := m.Fit(tmRaise(q, id, to), target); fit > pl.Fit+1e-12 {
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
		pl := tmPlan(t, m, pm, role.ProjectManager, match.Until(c))
		want := match.Plan{Profile: "pm", Target: role.ProjectManager, Start: 1, Steps: []match.Step{}, Fit: 1, Confidence: match.Exact, Reached: true}
		if diff := cmp.Diff(want, pl); diff != "" {
			t.Errorf("Until(%s) (-want +got):\n%s", c, diff)
		}
	}
	// Delivering training at 1: fit 1 - 1/14·1/2 = 27/28, high.
	hi := tmRaise(pm, aoe.DeliveringTraining, 1)
	for _, c := range []match.Confidence{match.Low, match.High} {
		pl := tmPlan(t, m, hi, role.ProjectManager, match.Until(c))
		want := match.Plan{Profile: "pm", Target: role.ProjectManager, Start: 27.0 / 28, Steps: []match.Step{}, Fit: 27.0 / 28, Confidence: match.High, Reached: true}
		if diff := cmp.Diff(want, pl, tmApprox); diff != "" {
			t.Errorf("Until(%s) (-want +got):\n%s", c, diff)
		}
	}
	pl := tmPlan(t, m, hi, role.ProjectManager, match.Until(match.Exact))
	want := []match.Step{{ID: aoe.DeliveringTraining, From: 1, To: 2, Gain: 1.0 / 28, Fit: 1, Confidence: match.Exact}}
	if diff := cmp.Diff(want, pl.Steps, tmApprox); diff != "" || !pl.Reached {
		t.Errorf("Until(exact) steps (-want +got):\n%s\nreached %v", diff, pl.Reached)
	}
}

// TestPlanMaxSteps: MaxSteps caps the plan, which then reports whether it
// reached; the capped plan is the uncapped one's prefix.
func TestPlanMaxSteps(t *testing.T) {
	m := match.New(wlp.Default())
	p := person("new", nil)
	full := tmPlan(t, m, p, role.CLO, match.Until(match.Exact))
	if len(full.Steps) < 5 || !full.Reached {
		t.Fatalf("uncapped plan: %d steps, reached %v; want many steps, reached", len(full.Steps), full.Reached)
	}
	for n := 1; n <= 4; n++ {
		pl := tmPlan(t, m, p, role.CLO, match.Until(match.Exact), match.MaxSteps(n))
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
	tmPlan(t, m, p, role.CLO, match.Until(match.Exact))
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
		if diff := cmp.Diff(want, got, tmApprox); diff != "" {
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
		if diff := cmp.Diff(want, got, tmApprox); diff != "" {
			t.Errorf("TeamPlan (-want +got):\n%s", diff)
		}
	})
	t.Run("three levels short is a hire", func(t *testing.T) {
		f := tmFramework(t, []competency.ID{"x", "y"}, []role.Role{
			{ID: "r", Name: "R", Requirements: []role.Requirement{tmReq("x", 5, 1), tmReq("y", 4, 1)}},
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
		if diff := cmp.Diff(want, got, tmApprox); diff != "" {
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
		team := tmRandTeam(rng, f, 1+rng.IntN(4))
		for _, target := range []role.ID{role.LearningStrategist, role.ProfessionalSpecialist, role.CLO} {
			tr := tmTeam(t, m, team, target)
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
					if l := tmTeamLevel(r, p.Level); l > best {
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
