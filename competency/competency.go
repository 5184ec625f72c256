package competency

import "slices"

// Competency is a foundational competency: a behaviour wanted of learning
// and performance professionals whatever their specialty or role.
type Competency struct {
	// ID is the competency's stable identifier, such as "building-trust".
	ID ID `json:"id"`
	// Name is the competency's human name, such as "Building trust".
	Name string `json:"name" jsonschema:"minLength=1"`
	// Cluster is the cluster the competency belongs to.
	Cluster Cluster `json:"cluster"`
	// Summary says in a sentence or two what the competency is.
	Summary string `json:"summary,omitempty"`
	// Behaviors lists key behaviours that show the competency in practice.
	Behaviors []string `json:"behaviors,omitempty"`
}

// Clone returns a deep copy of c: changing the copy's slices leaves c alone.
func (c Competency) Clone() Competency {
	c.Behaviors = slices.Clone(c.Behaviors)
	return c
}

// The IDs of the twelve foundational competencies, in model order.
const (
	BuildingTrust               ID = "building-trust"
	CommunicatingEffectively    ID = "communicating-effectively"
	InfluencingStakeholders     ID = "influencing-stakeholders"
	LeveragingDiversity         ID = "leveraging-diversity"
	NetworkingAndPartnering     ID = "networking-and-partnering"
	AnalyzingNeeds              ID = "analyzing-needs-and-proposing-solutions"
	ApplyingBusinessAcumen      ID = "applying-business-acumen"
	DrivingResults              ID = "driving-results"
	PlanningAssignments         ID = "planning-and-implementing-assignments"
	ThinkingStrategically       ID = "thinking-strategically"
	DemonstratingAdaptability   ID = "demonstrating-adaptability"
	ModelingPersonalDevelopment ID = "modeling-personal-development"
)

// All returns the twelve foundational competencies of the ASTD 2004 model in
// model order (cluster by cluster). Each call returns a fresh deep copy.
func All() []Competency {
	out := make([]Competency, len(foundational))
	for i, c := range foundational {
		out[i] = c.Clone()
	}
	return out
}

// IDs returns the IDs of the twelve foundational competencies in model
// order, a fresh slice.
func IDs() []ID {
	out := make([]ID, len(foundational))
	for i, c := range foundational {
		out[i] = c.ID
	}
	return out
}
