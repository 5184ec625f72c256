package role

import (
	"slices"

	"github.com/wlpmodel/wlp/competency"
)

// ID is the stable identifier of a role or a job, a lower-case ASCII
// kebab-case slug such as "learning-strategist". Roles and jobs share this
// ID space within a framework.
type ID string

// Valid reports whether id is well formed, by the rule of
// [competency.ValidID].
func (id ID) Valid() bool { return competency.ValidID(string(id)) }

// Requirement is one need of a role or a job: of the competencies and areas
// listed in Of, AtLeast of them must reach Level. A single requirement
// lists one ID; a group requirement lists several, such as "in-depth
// knowledge in any one of the nine areas" (AtLeast 1 of nine).
type Requirement struct {
	// Of lists the competency or area IDs the requirement is about, without
	// repeats. It is never empty.
	Of []competency.ID `json:"of" jsonschema:"minItems=1,uniqueItems=true"`
	// AtLeast is how many of Of must reach Level; 0 means all of them.
	AtLeast int `json:"atLeast,omitempty" jsonschema:"minimum=0"`
	// Level is the proficiency level required, from 1 (novice) to 5
	// (expert).
	Level competency.Level `json:"level" jsonschema:"minimum=1"`
	// Weight is the requirement's importance relative to the other parts of
	// its role or job, from 0.000001 to 1000000. The default model
	// uses 3 for core, 2 for important and 1 for supporting needs.
	Weight float64 `json:"weight" jsonschema:"minimum=0.000001,maximum=1000000"`
	// Why says why the role or job needs this, in a sentence.
	Why string `json:"why,omitempty"`
}

// K returns how many IDs of Of must reach Level: AtLeast, or len(Of) when
// AtLeast is 0.
func (r Requirement) K() int {
	if r.AtLeast == 0 {
		return len(r.Of)
	}
	return r.AtLeast
}

// Clone returns a deep copy of r.
func (r Requirement) Clone() Requirement {
	r.Of = slices.Clone(r.Of)
	return r
}

// Role is a broad area of responsibility (a hat a practitioner wears) with
// the competencies and areas it needs.
type Role struct {
	// ID is the role's stable identifier, such as "business-partner".
	ID ID `json:"id"`
	// Name is the role's human name, such as "Business partner".
	Name string `json:"name" jsonschema:"minLength=1"`
	// Summary says in a sentence or two what a person in this role does.
	Summary string `json:"summary,omitempty"`
	// Requirements lists what the role needs; it is never empty.
	Requirements []Requirement `json:"requirements" jsonschema:"minItems=1"`
}

// Clone returns a deep copy of r.
func (r Role) Clone() Role {
	r.Requirements = cloneRequirements(r.Requirements)
	return r
}

// Share is one role's part in a job and its weight in the job's fit.
type Share struct {
	// Role is the ID of a role of the same framework (not a job).
	Role ID `json:"role"`
	// Weight is the role's importance in the job relative to the job's
	// other parts, from 0.000001 to 1000000.
	Weight float64 `json:"weight" jsonschema:"minimum=0.000001,maximum=1000000"`
	// Why says why the job carries this role with this weight.
	Why string `json:"why,omitempty"`
}

// Job is a position that blends several roles, each with a weight, plus
// requirements of its own. A job is scored as the weighted mean of its
// parts: each role's fit and each own requirement's score.
type Job struct {
	// ID is the job's stable identifier, such as "chief-learning-officer".
	ID ID `json:"id"`
	// Title is the job's human title, such as "Chief learning officer".
	Title string `json:"title" jsonschema:"minLength=1"`
	// Summary says in a sentence or two what the job is.
	Summary string `json:"summary,omitempty"`
	// Roles lists the roles the job blends, with their weights.
	Roles []Share `json:"roles,omitempty"`
	// Requirements lists needs of the job beyond its roles.
	Requirements []Requirement `json:"requirements,omitempty"`
}

// Clone returns a deep copy of j.
func (j Job) Clone() Job {
	j.Roles = slices.Clone(j.Roles)
	j.Requirements = cloneRequirements(j.Requirements)
	return j
}

func cloneRequirements(rs []Requirement) []Requirement {
	if rs == nil {
		return nil
	}
	out := make([]Requirement, len(rs))
	for i, r := range rs {
		out[i] = r.Clone()
	}
	return out
}
