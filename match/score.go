package match

import (
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// Fit returns p's fit against the role or job target, without the
// explanation [Matcher.Score] builds. It does not allocate in frameworks
// of up to 128 IDs. It costs time in proportion to the smaller of p's
// ratings and the IDs the target reads, plus the target's requirements
// and the IDs they list.
func (m *Matcher) Fit(p profile.Profile, target role.ID) (float64, error) {
	t, err := m.lookup(target)
	if err != nil {
		return 0, err
	}
	var buf [vecSize]int8
	f, _ := m.fit(m.vector(&p, t, &buf), t)
	return f, nil
}

// Score scores p against the role or job target and explains the result:
// an outcome per requirement, a part per role of a job, and the gaps in
// the order that would raise the fit most. Ratings of IDs the framework
// does not know are ignored and levels off the scale are clamped to it;
// use [wlp.Framework.ValidateProfile] to reject such profiles first.
// Only p's ratings count, never its reviews: merge a 360-degree
// profile's reviews into its ratings first with [profile.Profile.Combine]
// (and set the result's Combined field to say so). The error wraps
// [ErrUnknownTarget] when target is neither a role nor a job of the
// framework.
//
// Score costs what [Matcher.Fit] costs, plus the result it returns: one
// outcome per requirement, one gap per unmet requirement and a copy of
// the IDs they list, the gaps put in order without a sort for targets
// small enough to have a gap order fixed when compiled (else sorted, in
// O(gaps log gaps)). Against a role it makes three allocations: the
// outcomes, the gaps and the IDs they list (and a fourth, the sort keys,
// when its gaps are sorted). The result is the caller's: see [Result].
func (m *Matcher) Score(p profile.Profile, target role.ID) (Result, error) {
	t, err := m.lookup(target)
	if err != nil {
		return Result{}, err
	}
	var buf [vecSize]int8
	var res Result
	m.build(m.vector(&p, t, &buf), t, &res)
	return res, nil
}

// result builds t's full result for lv.
func (m *Matcher) result(lv []int8, t *target) Result {
	var res Result
	m.build(lv, t, &res)
	return res
}

// eval scores one requirement for lv: its score, and the k-th best level.
func (m *Matcher) eval(lv []int8, r *creq) (score float64, have int8) {
	if len(r.idx) == 1 {
		have = lv[r.idx[0]]
		return r.single[have], have
	}
	u, have := m.state(lv, r)
	return r.scoreAt(u), have
}

// state returns the state r is in for lv, and the k-th best level. For
// one ID the state is its level; for a group it is the credit of its k
// best ratings (see levelCounts.best).
func (m *Matcher) state(lv []int8, r *creq) (u int, have int8) {
	if len(r.idx) == 1 {
		have = lv[r.idx[0]]
		return int(have), have
	}
	var c levelCounts
	for _, i := range r.idx {
		c[lv[i]]++
	}
	return c.best(r.k, r.level, m.cfg.strict)
}

// fit computes t's fit for lv, and whether every requirement is met: the
// weighted mean of its requirements' scores and its parts' fits.
//
// Every path to a fit (fit, outcomes and parts, fitWith, the plan engine)
// adds the same products in the same order, each rounded to a float64
// before it is added (the conversions forbid fusing a multiply and an
// add, which some CPUs would round once), so they agree to the last bit.
// A requirement of one ID is met exactly when its level reaches the
// need: its score is 1 then and only then.
func (m *Matcher) fit(lv []int8, t *target) (float64, bool) {
	sum, all := m.ownSum(lv, t)
	for _, p := range t.parts {
		f, met := m.fit(lv, p.role)
		sum += float64(p.weight * f)
		all = all && met
	}
	return fitOf(sum, t.total, all), all
}

// ownSum returns the weighted sum of the scores of t's own requirements
// for lv, and whether all of them are met.
func (m *Matcher) ownSum(lv []int8, t *target) (float64, bool) {
	sum, all := 0.0, true
	for i := range t.reqs {
		r := &t.reqs[i]
		if r.at >= 0 {
			l := lv[r.at]
			sum += r.weighted[l]
			all = all && l >= r.level
			continue
		}
		s, _ := m.eval(lv, r)
		sum += float64(r.weight * s)
		all = all && s == 1
	}
	return sum, all
}

// build fills res, a zero Result, with t's full result for lv, which owns
// its Of lists.
func (m *Matcher) build(lv []int8, t *target, res *Result) {
	if len(t.parts) == 0 {
		m.buildRole(lv, t, res, nil)
	} else {
		var gs gapSet
		gs.start(t)
		res.Target, res.Kind, res.Name = t.id, t.kind, t.name
		res.Outcomes = make([]Outcome, len(t.reqs))
		sum, all := m.outcomes(lv, t, res.Outcomes, &gs, nil)
		sum, all = m.parts(lv, t, res, &gs, sum, all)
		m.finish(t, res, &gs, sum, all)
	}
	res.own()
}

// buildRole is build for a target without parts, which also records the
// state of each requirement in states when it is not nil, and leaves the
// Of lists those of the Matcher, for build to copy. Keeping it apart from
// build, which goes on to a job's parts, lets its gap set stay on the
// stack.
func (m *Matcher) buildRole(lv []int8, t *target, res *Result, states []int32) {
	var gs gapSet
	gs.start(t)
	res.Target, res.Kind, res.Name = t.id, t.kind, t.name
	res.Outcomes = make([]Outcome, len(t.reqs))
	sum, all := m.outcomes(lv, t, res.Outcomes, &gs, states)
	m.finish(t, res, &gs, sum, all)
}

// outcomes fills outs with the outcomes of t's own requirements for lv,
// adds their gaps to gs and, if states is not nil, records each one's
// state there. It returns the weighted sum of their scores, summed in the
// same order as fit sums them (so the same fit), and whether all are met.
func (m *Matcher) outcomes(lv []int8, t *target, outs []Outcome, gs *gapSet, states []int32) (float64, bool) {
	sum, all := 0.0, true
	for i := range t.reqs {
		r := &t.reqs[i]
		u, have := m.state(lv, r)
		s := r.scoreAt(u)
		if states != nil {
			states[i] = int32(u)
		}
		o := &outs[i]
		o.Of, o.AtLeast, o.Have, o.Need = r.of, r.atLeast, competency.Level(have), competency.Level(r.level)
		o.Score, o.Weight, o.Met = s, r.weight, s == 1
		sum += float64(r.weight * s)
		all = all && s == 1
		if t.words > 0 {
			gs.set(t.place[r.own+int32(u)])
		} else {
			gs.add(t, int32(i), u, s)
		}
	}
	return sum, all
}

// parts fills res.Parts, for a job, with each role's own result, and adds
// their gaps, which count in the job scaled by the part's share, to gs.
// It adds the parts' weighted fits to sum, the weighted sum of the job's
// own scores, one by one as fit does (a float64 sum depends on its
// order), and returns it with whether everything is met.
func (m *Matcher) parts(lv []int8, t *target, res *Result, gs *gapSet, sum float64, all bool) (float64, bool) {
	res.Parts = make([]Part, len(t.parts))
	var stateBuf [32]int32
	for pi, p := range t.parts {
		part := &res.Parts[pi]
		part.Role, part.Weight, part.Share = p.role.id, p.weight, p.norm
		states := stateBuf[:]
		if n := len(p.role.reqs); n > len(stateBuf) {
			states = make([]int32, n)
		}
		m.buildRole(lv, p.role, &part.Result, states)
		sum += float64(p.weight * part.Result.Fit)
		all = all && part.Result.Confidence == Exact
		for i, o := range part.Result.Outcomes {
			gs.add(t, t.off[pi]+int32(i), int(states[i]), o.Score)
		}
	}
	return sum, all
}

// finish completes res from the weighted sum of t's scores, whether all
// its requirements are met, and its gaps: the fit, its grade and the gaps
// in development order.
func (m *Matcher) finish(t *target, res *Result, gs *gapSet, sum float64, all bool) {
	fit := fitOf(sum, t.total, all)
	res.Fit, res.Confidence = fit, m.confidence(fit, all)
	gs.fill(t, res)
}
