package match

import (
	"slices"

	"github.com/wlpmodel/wlp/competency"
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
// In Go, a Result is a fresh value the caller owns, except that the Of
// lists of its outcomes and gaps are shared with the Matcher and with
// other results (in a [Ranked], a [TeamResult] and a [TeamStep]
// too): copying them would cost each score a fifth of its time for lists
// that never change. Read them freely, and append to them (each is full
// to capacity, so append copies), but never write through them: no
// assigning to their elements, no sorting them, and no decoding JSON into
// a Result the Matcher returned, which reuses their arrays (decode into a
// zero Result). Writing through one would change the lists of every later
// result, and race with other goroutines scoring. [Result.Clone] returns
// a Result that shares nothing.
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

// Clone returns a deep copy of r that shares nothing with r or with the
// Matcher, Of lists included, for a caller that wants to change them.
func (r Result) Clone() Result {
	r.Outcomes = cloneOutcomes(r.Outcomes)
	r.Gaps = slices.Clone(r.Gaps)
	for i := range r.Gaps {
		r.Gaps[i].Of = slices.Clone(r.Gaps[i].Of)
	}
	if r.Parts != nil {
		r.Parts = slices.Clone(r.Parts)
		for i := range r.Parts {
			r.Parts[i].Result = r.Parts[i].Result.Clone()
		}
	}
	return r
}

func cloneOutcomes(os []Outcome) []Outcome {
	os = slices.Clone(os)
	for i := range os {
		os[i].Of = slices.Clone(os[i].Of)
	}
	return os
}

// Outcome is how a profile meets one requirement.
type Outcome struct {
	// Of lists the competency or area IDs of the requirement.
	//
	// In Go, Of is shared: do not change its elements (see [Result]).
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
	//
	// In Go, Of is shared: do not change its elements (see [Result]).
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
