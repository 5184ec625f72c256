package match

import (
	"fmt"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// Step is one step of a development plan: raise one competency or area
// from one level to another.
type Step struct {
	// ID is the competency or area to develop.
	ID competency.ID `json:"id"`
	// From is the person's level before the step.
	From competency.Level `json:"from"`
	// To is the level the step reaches.
	To competency.Level `json:"to" jsonschema:"minimum=1"`
	// Gain is how much the step raises the fit.
	Gain float64 `json:"gain" jsonschema:"minimum=0,maximum=1"`
	// Fit is the fit after this step (and the ones before it).
	Fit float64 `json:"fit" jsonschema:"minimum=0,maximum=1"`
	// Confidence is the confidence grade after this step.
	Confidence Confidence `json:"confidence"`
}

// Plan is an ordered development plan for one person and one target.
type Plan struct {
	// Profile is the person's profile ID.
	Profile string `json:"profile"`
	// Target is the role or job the plan works toward.
	Target role.ID `json:"target"`
	// Start is the fit before the plan.
	Start float64 `json:"start" jsonschema:"minimum=0,maximum=1"`
	// Steps lists the steps in order; each raises the fit.
	Steps []Step `json:"steps"`
	// Fit is the fit after the last step.
	Fit float64 `json:"fit" jsonschema:"minimum=0,maximum=1"`
	// Confidence is the confidence grade after the last step.
	Confidence Confidence `json:"confidence"`
	// Reached reports whether the plan reaches the requested confidence.
	Reached bool `json:"reached"`
}

// PlanOption configures [Matcher.Plan].
type PlanOption func(*planConfig)

type planConfig struct {
	until    Confidence
	maxSteps int
	maxRaise int
}

// Until sets the confidence the plan stops at; the default is [High].
// [Exact] plans until every requirement is met. A value that is not a
// Confidence grade is ignored.
func Until(c Confidence) PlanOption {
	return func(p *planConfig) {
		if c >= No && c <= Exact {
			p.until = c
		}
	}
}

// MaxSteps caps the number of steps; 0, the default, means no cap. A
// negative n is ignored.
func MaxSteps(n int) PlanOption {
	return func(p *planConfig) {
		if n >= 0 {
			p.maxSteps = n
		}
	}
}

// MaxRaise caps how many levels one step may raise a rating; 0, the
// default, lets a step go straight to the level a requirement asks for.
// Under [Strict] scoring a capped step that stops short of the required
// level gains nothing and is never chosen. A negative value is ignored.
func MaxRaise(levels int) PlanOption {
	return func(p *planConfig) {
		if levels >= 0 {
			p.maxRaise = levels
		}
	}
}

// Plan builds a development plan for p toward the role or job target: an
// ordered list of steps, each raising one competency or area to a level
// some requirement asks for (or by at most [MaxRaise] levels). Each step
// is the one that adds the most fit per level raised (ties: the larger
// gain, then the ID in byte order), so the plan front-loads cheap wins.
// The plan stops when it reaches the confidence set by [Until] (High by
// default), when [MaxSteps] is reached, or when no step would raise the
// fit. Every step's gain is positive and the fit never falls along the
// plan. Ratings of IDs the framework does not know are ignored, as in
// [Matcher.Score].
func (m *Matcher) Plan(p profile.Profile, target role.ID, opts ...PlanOption) (Plan, error) {
	cfg := planConfig{until: High}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	t, err := m.lookup(target)
	if err != nil {
		return Plan{}, err
	}
	lv := make([]int8, m.n)
	m.levels(&p, lv)

	// The levels each ID is asked for, by any requirement of the target.
	asked := make([][]int8, m.n)
	t.asked(asked)

	ids := m.f.IDs()
	fit, all := m.fit(lv, t)
	plan := Plan{Profile: p.ID, Target: target, Start: fit, Steps: []Step{}}
	for {
		conf := m.grade(fit, all)
		plan.Fit, plan.Confidence = fit, conf
		plan.Reached = conf >= cfg.until
		if plan.Reached || (cfg.maxSteps > 0 && len(plan.Steps) >= cfg.maxSteps) {
			return plan, nil
		}
		type cand struct {
			i       int
			to      int8
			gain    float64
			perStep float64
		}
		best := cand{i: -1}
		for i, levels := range asked {
			from := lv[i]
			for _, to := range levels {
				if to <= from {
					continue
				}
				if cfg.maxRaise > 0 && int(to-from) > cfg.maxRaise {
					to = from + int8(cfg.maxRaise)
				}
				lv[i] = to
				f, _ := m.fit(lv, t)
				lv[i] = from
				// Rounded like fits, so that steps equal by hand tie.
				c := cand{i: i, to: to, gain: round(f - fit), perStep: round((f - fit) / float64(to-from))}
				if c.gain <= 0 {
					continue
				}
				if best.i < 0 || c.perStep > best.perStep ||
					(c.perStep == best.perStep && (c.gain > best.gain || (c.gain == best.gain && ids[c.i] < ids[best.i]))) {
					best = c
				}
			}
		}
		if best.i < 0 {
			return plan, nil // nothing left that raises the fit
		}
		from := lv[best.i]
		lv[best.i] = best.to
		fit, all = m.fit(lv, t)
		plan.Steps = append(plan.Steps, Step{
			ID: ids[best.i], From: competency.Level(from), To: competency.Level(best.to),
			Gain: best.gain, Fit: fit, Confidence: m.grade(fit, all),
		})
	}
}

// TeamStep is one of a team's gaps and how to close it.
type TeamStep struct {
	// Gap is the requirement nobody on the team meets.
	Gap Gap `json:"gap"`
	// Hire reports that nobody on the team is within reach of the
	// requirement (two levels or fewer below it), so only a hire closes
	// the gap.
	Hire bool `json:"hire"`
	// Develop names the member closest to the requirement, who could grow
	// into it; empty when Hire is set.
	Develop string `json:"develop,omitempty"`
	// From is that member's level (for a group, their k-th best level
	// among Of).
	From competency.Level `json:"from"`
}

// ReachLevels is how many levels below a requirement a member may be for
// [Matcher.TeamPlan] to propose developing them rather than hiring.
const ReachLevels = 2

// TeamPlan says, for each of the team's gaps against target (the
// requirements nobody meets, in gain order), whether to close it by
// developing the member closest to it, when someone is within
// [ReachLevels] levels of it, or only by a hire.
func (m *Matcher) TeamPlan(ps []profile.Profile, target role.ID) ([]TeamStep, error) {
	tr, err := m.Team(ps, target)
	if err != nil {
		return nil, err
	}
	vecs := make([][]int8, len(ps))
	for i := range ps {
		vecs[i] = make([]int8, m.n)
		m.levels(&ps[i], vecs[i])
	}
	steps := make([]TeamStep, 0, len(tr.Result.Gaps))
	for _, g := range tr.Result.Gaps {
		for _, id := range g.Of {
			if _, ok := m.index.lookup(id); !ok {
				return nil, fmt.Errorf("match: internal error: unknown ID %q in a gap", id)
			}
		}
		r := m.compile([]role.Requirement{{Of: g.Of, AtLeast: g.AtLeast, Level: g.Need, Weight: 1}}, 0)[0]
		st := TeamStep{Gap: g, Hire: true}
		bestHave := int8(-1)
		for mi, v := range vecs {
			_, have := m.eval(v, &r)
			if have > bestHave {
				bestHave, st.Develop = have, ps[mi].ID
			}
		}
		if bestHave >= 0 {
			st.From = competency.Level(bestHave)
		}
		if bestHave >= 0 && int(g.Need)-int(bestHave) <= ReachLevels {
			st.Hire = false
		} else {
			st.Develop = ""
		}
		steps = append(steps, st)
	}
	return steps, nil
}

// asked appends to asked[i] every level that t's requirements (and its
// parts') ask of the ID at position i.
func (t *target) asked(asked [][]int8) {
	for _, r := range t.reqs {
		for _, i := range r.idx {
			asked[i] = append(asked[i], r.level)
		}
	}
	for _, pt := range t.parts {
		pt.role.asked(asked)
	}
}
