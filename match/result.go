package match

import (
	"slices"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// Kind says whether a target is a role or a job.
type Kind string

// The kinds of target.
const (
	KindRole Kind = "role"
	KindJob  Kind = "job"
)

// Result is the score of one profile against one role or job, with its
// explanation. It is plain data.
//
// In Go, a Result belongs to the caller: one the Matcher returns shares
// no memory with the Matcher or with any other result (in a [Ranked], a
// [TeamResult] or a [TeamStep] too), so the caller may sort its lists,
// change them, append to them or decode JSON into it.
//
// In Go, a nil list is written to JSON as [], as the document requires
// of every list; see [Result.MarshalJSON].
type Result struct {
	// Target is the ID of the role or job scored against.
	Target role.ID `json:"target"`
	// Kind says whether Target is a role or a job.
	Kind Kind `json:"kind"`
	// Name is the role's name or the job's title.
	Name string `json:"name"`
	// Fit is the weighted mean of the requirements' scores (and, for a job,
	// of its roles' fits), from 0 (nothing met) to 1 (everything met).
	Fit float64 `json:"fit" jsonschema:"minimum=0,maximum=1"`
	// Confidence grades the fit.
	Confidence Confidence `json:"confidence"`
	// Combined names the policy by which the caller merged the person's
	// reviews (a 360-degree review) into the ratings before scoring (see
	// [profile.Profile.Combine]); it is empty when the profile was scored
	// as given. The Matcher leaves it empty, since it scores whatever
	// profile it is given: the caller that merged the reviews sets it, as
	// the wlp command does. On a team's result it names the policy that
	// merged the reviews of the members who had any.
	Combined profile.Policy `json:"combined,omitempty" jsonschema:"enum=median,enum=manager-first,enum=mean-except-self"`
	// Outcomes lists how the profile meets each requirement, in the
	// target's order: a role's requirements, or a job's own requirements.
	Outcomes []Outcome `json:"outcomes"`
	// Parts lists, for a job, each role it blends with that role's own
	// result; empty for a role.
	Parts []Part `json:"parts,omitempty"`
	// Gaps lists the unmet requirements, the one whose closing would raise
	// Fit most first; ties go by the first ID of Of, then by Part.
	Gaps []Gap `json:"gaps"`
}

// Clone returns a deep copy of r that shares no memory with r.
func (r Result) Clone() Result {
	r = r.cloneLists()
	r.own()
	return r
}

// cloneLists returns r with copies of its lists of outcomes, gaps and
// parts, and of its parts' lists, but with the same Of lists.
func (r Result) cloneLists() Result {
	r.Outcomes, r.Gaps = slices.Clone(r.Outcomes), slices.Clone(r.Gaps)
	if r.Parts != nil {
		r.Parts = slices.Clone(r.Parts)
		for i := range r.Parts {
			r.Parts[i].Result = r.Parts[i].Result.cloneLists()
		}
	}
	return r
}

// own gives r Of lists of its own: it copies every Of list r holds, its
// parts' included, into one new array, each full to its capacity, so that
// appending to one copies it rather than overwrite the next. One array
// per result keeps Score at one allocation more than sharing the
// Matcher's lists would cost. r's lists of outcomes, gaps and parts must
// be its own.
func (r *Result) own() {
	n := r.ofLen()
	if n == 0 {
		return
	}
	ids := make([]competency.ID, n)
	r.moveOf(&ids)
}

// ofLen returns the number of IDs in r's Of lists, its parts' included.
func (r *Result) ofLen() int {
	n := 0
	for i := range r.Outcomes {
		n += len(r.Outcomes[i].Of)
	}
	for i := range r.Gaps {
		n += len(r.Gaps[i].Of)
	}
	for i := range r.Parts {
		n += r.Parts[i].Result.ofLen()
	}
	return n
}

// moveOf copies each Of list of r, its parts' included, to the start of
// *ids and points it there, and moves *ids past it. Nil lists stay nil.
func (r *Result) moveOf(ids *[]competency.ID) {
	for i := range r.Outcomes {
		o := &r.Outcomes[i]
		o.Of = takeCopy(ids, o.Of)
	}
	for i := range r.Gaps {
		g := &r.Gaps[i]
		g.Of = takeCopy(ids, g.Of)
	}
	for i := range r.Parts {
		r.Parts[i].Result.moveOf(ids)
	}
}

// takeCopy copies of to the start of *ids, moves *ids past it and returns
// the copy, full to its capacity; nil for a nil of.
func takeCopy(ids *[]competency.ID, of []competency.ID) []competency.ID {
	if of == nil {
		return nil
	}
	n := len(of)
	c := (*ids)[:n:n]
	if n == 1 {
		c[0] = of[0] // most lists hold one ID, which copy takes longer over
	} else {
		copy(c, of)
	}
	*ids = (*ids)[n:]
	return c
}

// Outcome is how a profile meets one requirement.
type Outcome struct {
	// Of lists the competency or area IDs of the requirement.
	Of []competency.ID `json:"of"`
	// AtLeast is how many of Of must reach Need; 0 means all of them.
	AtLeast int `json:"atLeast,omitempty"`
	// Have is the profile's level: for a group, the k-th best level among
	// Of, where k is the number that must reach Need.
	Have competency.Level `json:"have"`
	// Need is the level the requirement asks for.
	Need competency.Level `json:"need" jsonschema:"minimum=1"`
	// Score is the requirement's score, from 0 to 1.
	Score float64 `json:"score" jsonschema:"minimum=0,maximum=1"`
	// Weight is the requirement's weight in its role or job.
	Weight float64 `json:"weight" jsonschema:"exclusiveMinimum=0"`
	// Met reports whether the requirement is fully met (Score is 1).
	Met bool `json:"met"`
}

// Part is one role of a job and how the profile fits it.
type Part struct {
	// Role is the role's ID.
	Role role.ID `json:"role"`
	// Weight is the role's weight in the job.
	Weight float64 `json:"weight" jsonschema:"exclusiveMinimum=0"`
	// Share is the role's fraction of the job's total weight, so that the
	// role contributes Share × Result.Fit to the job's fit.
	Share float64 `json:"share" jsonschema:"minimum=0,maximum=1"`
	// Result is the profile's result against the role alone.
	Result Result `json:"result"`
}

// Gap is an unmet requirement and what meeting it would be worth.
type Gap struct {
	// Part is the role the requirement belongs to when scoring a job, or
	// empty for the target's own requirements.
	Part role.ID `json:"part,omitempty"`
	// Of lists the competency or area IDs of the requirement.
	Of []competency.ID `json:"of"`
	// AtLeast is how many of Of must reach Need; 0 means all of them.
	AtLeast int `json:"atLeast,omitempty"`
	// Have is the profile's level (for a group, the k-th best among Of).
	Have competency.Level `json:"have"`
	// Need is the level the requirement asks for.
	Need competency.Level `json:"need" jsonschema:"minimum=1"`
	// Gain is how much the target's fit would rise if this requirement
	// alone were fully met.
	Gain float64 `json:"gain" jsonschema:"minimum=0,maximum=1"`
}

// Ranked is one person's place in a ranking.
type Ranked struct {
	// Profile is the person's profile ID.
	Profile string `json:"profile"`
	// Result is the person's result against the ranking's target.
	Result Result `json:"result"`
}
