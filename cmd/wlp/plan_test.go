package main

import (
	"encoding/json"
	"fmt"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

// TestPlanJSON follows every plan step by step: plan -json validates
// against the plan schema and is Matcher.Plan's; applying each step to
// the profile and scoring it again gives the step's fit and confidence;
// each step starts at the level the person has then and gains fit; the
// plan stops at its goal, and says whether it reached it.
func TestPlanJSON(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	people := []struct {
		path   string
		policy profile.Policy
	}{{dana, ""}, {lee, ""}, {sam, ""}, {priya, ""}, {alex, ""}, {alex, "none"}, {alex, profile.Median}, {alex, profile.ManagerFirst}}
	for _, who := range people {
		p := combined(t, who.path, who.policy)
		for _, target := range targets(f) {
			for _, until := range []match.Confidence{match.No, match.Low, match.High, match.Exact} {
				for _, opt := range []struct{ steps, raise int }{{0, 0}, {0, 1}, {2, 0}} {
					name := fmt.Sprintf("%s/%s/%s/%s/steps %d raise %d", p.ID, who.policy, target, until, opt.steps, opt.raise)
					r := runWLP("", args("plan", "-json", "-until", until.String(), "-max-steps", fmt.Sprint(opt.steps),
						"-max-raise", fmt.Sprint(opt.raise), flagsFor(who.policy), string(target), who.path)...)
					if r.code != 0 {
						t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
					}
					validJSON(t, schema.Plan, r.stdout)
					var got match.Plan
					if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
						t.Fatal(err)
					}
					want, err := m.Plan(p, target, match.Until(until), match.MaxSteps(opt.steps), match.MaxRaise(opt.raise))
					if err != nil {
						t.Fatal(err)
					}
					want.Combined = combinedBy(p, who.policy)
					if diff := gocmp.Diff(want, got); diff != "" {
						t.Errorf("%s: differs from Matcher.Plan (-want +got):\n%s", name, diff)
					}
					checkPlan(t, name, m, p, got, until, opt.steps, opt.raise)
				}
			}
		}
	}
}

// checkPlan re-scores plan step by step.
func checkPlan(t *testing.T, name string, m *match.Matcher, p profile.Profile, plan match.Plan, until match.Confidence, maxSteps, maxRaise int) {
	t.Helper()
	q := p.Clone()
	if q.Ratings == nil {
		q.Ratings = map[competency.ID]profile.Rating{}
	}
	res, err := m.Score(q, plan.Target)
	if err != nil {
		t.Fatal(err)
	}
	if res.Fit != plan.Start {
		t.Errorf("%s: start %v, score %v", name, plan.Start, res.Fit)
	}
	fit, conf := res.Fit, res.Confidence
	for i, s := range plan.Steps {
		if conf >= until {
			t.Errorf("%s: step %d comes after the goal was reached", name, i+1)
		}
		if have := q.Level(s.ID); have != s.From {
			t.Errorf("%s: step %d raises %s from %d, but the level is %d", name, i+1, s.ID, s.From, have)
		}
		if s.To <= s.From || (maxRaise > 0 && int(s.To-s.From) > maxRaise) {
			t.Errorf("%s: step %d raises %s from %d to %d (max raise %d)", name, i+1, s.ID, s.From, s.To, maxRaise)
		}
		q.Ratings[s.ID] = profile.Rating{Level: s.To}
		res, err := m.Score(q, plan.Target)
		if err != nil {
			t.Fatal(err)
		}
		if res.Fit != s.Fit || res.Confidence != s.Confidence {
			t.Errorf("%s: step %d: fit %v %s, re-scored %v %s", name, i+1, s.Fit, s.Confidence, res.Fit, res.Confidence)
		}
		if s.Gain <= 0 || res.Fit < fit {
			t.Errorf("%s: step %d gains %v, fit %v -> %v", name, i+1, s.Gain, fit, res.Fit)
		}
		if d := res.Fit - fit - s.Gain; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s: step %d gains %v, the fit rises %v", name, i+1, s.Gain, res.Fit-fit)
		}
		fit, conf = res.Fit, res.Confidence
	}
	if plan.Fit != fit || plan.Confidence != conf {
		t.Errorf("%s: the plan ends at %v %s, the last step at %v %s", name, plan.Fit, plan.Confidence, fit, conf)
	}
	if plan.Reached != (conf >= until) {
		t.Errorf("%s: reached %v at %s confidence, goal %s", name, plan.Reached, conf, until)
	}
	if maxSteps > 0 && len(plan.Steps) > maxSteps {
		t.Errorf("%s: %d steps, more than %d", name, len(plan.Steps), maxSteps)
	}
	if maxSteps == 0 && maxRaise == 0 && !plan.Reached {
		t.Errorf("%s: the plan stops short of its goal without a limit", name)
	}
}
