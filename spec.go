package wlp

import (
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// Spec is the document form of a [Framework]: plain exported fields that
// encode to and from JSON. Build or edit a Spec, then call [New] to
// validate it and get a Framework.
type Spec struct {
	// ID identifies the framework, such as "astd-2004"; a lower-case
	// kebab-case slug, or empty.
	ID string `json:"id,omitempty" jsonschema:"pattern=^([a-z0-9]+(-[a-z0-9]+)*)?$,maxLength=64"`
	// Name is the framework's human name.
	Name string `json:"name,omitempty"`
	// Version is the framework's version, in any form its owner chooses.
	Version string `json:"version,omitempty"`
	// Description says what the framework is and where it comes from.
	Description string `json:"description,omitempty"`
	// Clusters lists the clusters the competencies belong to, in order.
	// The model's three clusters are always known; list them to give them
	// an order, and list new ones to use them.
	Clusters []competency.ClusterInfo `json:"clusters,omitempty"`
	// Competencies lists the foundational competencies, in model order.
	Competencies []competency.Competency `json:"competencies,omitempty"`
	// Areas lists the areas of expertise, in model order. Areas share the
	// competencies' ID space.
	Areas []aoe.Area `json:"areas,omitempty"`
	// Roles lists the roles, in model order.
	Roles []role.Role `json:"roles,omitempty"`
	// Jobs lists the jobs, each a weighted blend of roles plus needs of its
	// own. Jobs share the roles' ID space.
	Jobs []role.Job `json:"jobs,omitempty"`
	// CASE keeps the identity a framework imported from a CASE package
	// had there, so that exporting it again keeps its identifiers, URIs
	// and tree (see [CASESource]). Frameworks written by hand leave it out.
	CASE *CASESource `json:"case,omitempty"`
}

// Clone returns a deep copy of s: changing the copy never changes s.
func (s Spec) Clone() Spec {
	s.Clusters = cloneAll(s.Clusters, func(c competency.ClusterInfo) competency.ClusterInfo { return c })
	s.Competencies = cloneAll(s.Competencies, competency.Competency.Clone)
	s.Areas = cloneAll(s.Areas, aoe.Area.Clone)
	s.Roles = cloneAll(s.Roles, role.Role.Clone)
	s.Jobs = cloneAll(s.Jobs, role.Job.Clone)
	s.CASE = s.CASE.Clone()
	return s
}

func cloneAll[T any](in []T, clone func(T) T) []T {
	if in == nil {
		return nil
	}
	out := make([]T, len(in))
	for i, v := range in {
		out[i] = clone(v)
	}
	return out
}

// normalize makes every empty list of s nil. JSON omits empty lists and
// decoding gives nil back, so a framework holds nil to make encode then
// decode return an equal value.
func (s *Spec) normalize() {
	s.Clusters = nilIfEmpty(s.Clusters)
	s.Competencies = nilIfEmpty(s.Competencies)
	for i := range s.Competencies {
		s.Competencies[i].Behaviors = nilIfEmpty(s.Competencies[i].Behaviors)
	}
	s.Areas = nilIfEmpty(s.Areas)
	for i := range s.Areas {
		s.Areas[i].Behaviors = nilIfEmpty(s.Areas[i].Behaviors)
	}
	s.Roles = nilIfEmpty(s.Roles)
	s.Jobs = nilIfEmpty(s.Jobs)
	for i := range s.Jobs {
		s.Jobs[i].Roles = nilIfEmpty(s.Jobs[i].Roles)
		s.Jobs[i].Requirements = nilIfEmpty(s.Jobs[i].Requirements)
	}
	if c := s.CASE; c != nil {
		c.Clusters = nilIfEmptyMap(c.Clusters)
		c.Items = nilIfEmptyMap(c.Items)
		c.Targets = nilIfEmptyMap(c.Targets)
		c.Others = nilIfEmpty(c.Others)
		c.Types = nilIfEmpty(c.Types)
		normalizeItems(c.Clusters)
		normalizeItems(c.Items)
		normalizeItems(c.Targets)
		for i := range c.Others {
			c.Others[i].Behaviors = nilIfEmpty(c.Others[i].Behaviors)
		}
	}
}

func nilIfEmptyMap[K comparable, V any](m map[K]V) map[K]V {
	if len(m) == 0 {
		return nil
	}
	return m
}

// normalizeItems makes every empty list of behaviours in m nil.
func normalizeItems[K comparable](m map[K]CASEItem) {
	for k, it := range m {
		if it.Behaviors != nil && len(it.Behaviors) == 0 {
			it.Behaviors = nil
			m[k] = it
		}
	}
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
