package aoe

import (
	"slices"

	"github.com/wlpmodel/wlp/competency"
)

// Area is an area of expertise: a specialised field of workplace learning
// and performance in which a practitioner can hold in-depth knowledge.
type Area struct {
	// ID is the area's stable identifier, such as "coaching". It shares the
	// ID space of the foundational competencies.
	ID competency.ID `json:"id"`
	// Name is the area's human name, such as "Coaching".
	Name string `json:"name" jsonschema:"minLength=1"`
	// Summary says in a sentence or two what the area covers.
	Summary string `json:"summary,omitempty"`
	// Behaviors lists key activities of a practitioner in this area.
	Behaviors []string `json:"behaviors,omitempty"`
	// Technologies says how learning technologies figure in this area; the
	// model embeds them in every area instead of rating them on their own.
	Technologies string `json:"technologies,omitempty"`
}

// Clone returns a deep copy of a: changing the copy's slices leaves a alone.
func (a Area) Clone() Area {
	a.Behaviors = slices.Clone(a.Behaviors)
	return a
}

// The IDs of the nine areas of expertise, in model order.
const (
	CareerPlanning           competency.ID = "career-planning-and-talent-management"
	Coaching                 competency.ID = "coaching"
	DeliveringTraining       competency.ID = "delivering-training"
	DesigningLearning        competency.ID = "designing-learning"
	FacilitatingChange       competency.ID = "facilitating-organizational-change"
	ImprovingPerformance     competency.ID = "improving-human-performance"
	ManagingKnowledge        competency.ID = "managing-organizational-knowledge"
	ManagingLearningFunction competency.ID = "managing-the-learning-function"
	MeasuringAndEvaluating   competency.ID = "measuring-and-evaluating"
)

// All returns the nine areas of expertise of the ASTD 2004 model in model
// order. Each call returns a fresh deep copy.
func All() []Area {
	out := make([]Area, len(areas))
	for i, a := range areas {
		out[i] = a.Clone()
	}
	return out
}

// IDs returns the IDs of the nine areas in model order, a fresh slice.
func IDs() []competency.ID {
	out := make([]competency.ID, len(areas))
	for i, a := range areas {
		out[i] = a.ID
	}
	return out
}
