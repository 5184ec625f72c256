package match

import (
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
	// Combined names the policy by which the caller merged the person's
	// reviews into the ratings before planning, as [Result.Combined] does
	// for a score; the Matcher leaves it empty.
	Combined profile.Policy `json:"combined,omitempty" jsonschema:"enum=median,enum=manager-first,enum=mean-except-self"`
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
// Steps are compared on their exact gains, worked out without rounding
// from the levels and the weights, each weight taken as the decimal it is
// written as (so 0.1 + 0.2 weighs as much as 0.3): steps equal by hand
// tie, and the tie rule decides between them. Only what the plan reports
// is rounded: each step's fit and confidence are the ones [Matcher.Score]
// gives after it, and its gain is the rise in fit, rounded to 12
// decimals, or 1e-12 for a step whose gain is too small to show.
// The plan stops when it reaches the confidence set by [Until] (High by
// default), when [MaxSteps] is reached, or when no step would raise the
// fit. Every step's gain is positive and the fit never falls along the
// plan. Ratings of IDs the framework does not know are ignored, as in
// [Matcher.Score].
//
// Plan costs O(n + S·d·log S) time and O(n + S) memory, where n is the
// number of IDs in the framework, S the size of the target (the IDs its
// requirements and its roles' requirements list, an ID counting once for
// each requirement that lists it) and d the most requirements that list
// one ID (a few in practice). A plan has at most 5 steps per ID (one per
// level), and a step does work only where it changes something: it
// updates the requirements that list the raised ID and works out again
// the best step of that ID and of the IDs whose gains it changes, which
// happens to each ID of a requirement at most 6 times in a plan; the best
// steps sit in a tournament tree, updated in O(log S) comparisons. Two
// steps whose gains tie, or nearly, are compared term by term, at O(d)
// more. A fit is kept as a running sum; in the rare step where that
// leaves the 12th decimal in doubt, a role (or a job's own list) of at
// most 256 requirements is summed afresh, as Score sums it, so that the
// fits are Score's to the last bit; a larger one reports the running sum,
// which can then differ from Score's float64 sum in the 12th decimal.
func (m *Matcher) Plan(p profile.Profile, target role.ID, opts ...PlanOption) (Plan, error) {
	pl, _, err := m.plan(&p, target, opts, freshSum)
	return pl, err
}

// plan is Plan, where owners of at most fresh requirements (and parts)
// sum afresh when in doubt (see powner). It also returns the work done
// (gains worked out, steps compared, requirements and members visited),
// so that tests can check that it grows in proportion to the target.
func (m *Matcher) plan(p *profile.Profile, target role.ID, opts []PlanOption, fresh int) (Plan, int64, error) {
	cfg := planConfig{until: High}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	t, err := m.lookup(target)
	if err != nil {
		return Plan{}, 0, err
	}
	lv := make([]int8, m.n)
	m.levels(p, lv)
	// The start is scored as Score scores it; the steps then keep each
	// requirement's state and sum, and update only what a step changes.
	fit, all := m.fit(lv, t)
	plan := Plan{Profile: p.ID, Target: target, Start: fit}
	// The steps, kept without their IDs until the plan is done: a slice
	// without pointers grows more cheaply.
	type step struct {
		l         int32
		from, to  int8
		conf      Confidence
		gain, fit float64
	}
	var steps []step
	var s *planner
	for {
		conf := m.confidence(fit, all)
		plan.Fit, plan.Confidence = fit, conf
		plan.Reached = conf >= cfg.until
		if plan.Reached || (cfg.maxSteps > 0 && len(steps) >= cfg.maxSteps) {
			break
		}
		if s == nil {
			s = m.newPlanner(t, lv, &cfg, fresh)
		}
		l := s.top()
		if l < 0 {
			break // nothing left that raises the fit
		}
		from, to := s.lv[l], s.cand[l].to
		s.raise(l, to)
		// The exact fit rises with every step; rounding may hide the rise,
		// but must not show a fall.
		f, met := s.fit()
		f = max(f, fit)
		steps = append(steps, step{l, from, to, m.confidence(f, met), gain(f - fit), f})
		fit, all = f, met
	}
	plan.Steps = make([]Step, len(steps))
	for i, st := range steps {
		plan.Steps[i] = Step{ID: s.ids[st.l], From: competency.Level(st.from), To: competency.Level(st.to),
			Gain: st.gain, Fit: st.fit, Confidence: st.conf}
	}
	work := int64(0)
	if s != nil {
		work = s.work
	}
	return plan, work, nil
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
//
// TeamPlan costs what [Matcher.Team] costs plus one step per rating the
// team holds in each gap's IDs: at most O(members × S) for S the IDs the
// target's requirements list.
func (m *Matcher) TeamPlan(ps []profile.Profile, target role.ID) ([]TeamStep, error) {
	return m.teamPlan(ps, target)
}
