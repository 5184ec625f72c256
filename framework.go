package wlp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sync"

	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/suggest"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// Framework is a validated, indexed competency framework: clusters,
// competencies, areas of expertise, roles and jobs. It is immutable once
// built, so one Framework is safe for concurrent use by many goroutines;
// every getter returns a copy that the caller may change freely.
//
// Get one from [Default], [New] or [Load]. The zero Framework is empty.
type Framework struct {
	spec     Spec
	clusters map[competency.Cluster]competency.ClusterInfo
	order    []competency.ClusterInfo // what Clusters returns
	rated    map[competency.ID]int    // position in IDs(): competencies, then areas
	ids      []competency.ID
	roles    map[role.ID]int
	jobs     map[role.ID]int
}

// New validates s and returns a framework built from a deep copy of it, so
// later changes to s do not reach the framework. Empty lists in s become
// nil in the framework, as they would after a JSON round trip. The error, a
// *[ValidationError], lists every problem with the JSON pointer of its
// place in s's JSON form: malformed, empty or duplicate IDs, unknown IDs in
// requirements and job shares, jobs that name a job as a role, levels off
// the scale, weights that are not finite and positive, AtLeast out of
// range, empty Of lists and empty names.
//
// New costs time and memory linear in the size of s: the number of
// clusters, competencies, areas, roles, jobs, requirements, shares and
// listed IDs, and the length of its text.
func New(s Spec) (*Framework, error) {
	var v validator
	v.check(s)
	if err := v.l.Err("wlp"); err != nil {
		return nil, err
	}
	f := &Framework{spec: s.Clone(), rated: v.rated, roles: v.roles, jobs: v.jobs}
	f.spec.normalize()
	f.clusters = make(map[competency.Cluster]competency.ClusterInfo)
	for _, c := range competency.Clusters() {
		f.clusters[c.ID] = c
	}
	for _, c := range f.spec.Clusters {
		f.clusters[c.ID] = c
	}
	f.order = clusterOrder(f.spec, f.clusters)
	f.ids = make([]competency.ID, len(v.rated))
	for id, i := range v.rated {
		f.ids[i] = id
	}
	return f, nil
}

// DefaultID is the ID of the default framework.
const DefaultID = "astd-2004"

var defaultFramework = sync.OnceValue(func() *Framework {
	f, err := New(DefaultSpec())
	if err != nil {
		// The default model is data compiled into this package and checked
		// by its tests; failing here is a bug in the package.
		panic("wlp: the default framework is invalid: " + err.Error())
	}
	return f
})

// Default returns the ASTD 2004 model: the twelve foundational
// competencies, nine areas of expertise, four roles with this project's
// default requirements, and the Chief Learning Officer job. Every call
// returns the same *Framework; the first builds it, later calls cost O(1).
func Default() *Framework { return defaultFramework() }

// DefaultSpec returns a fresh copy of the default framework's document, a
// starting point for extending the model with one's own competencies,
// roles and jobs. The model is fixed, so each call costs constant time.
func DefaultSpec() Spec {
	return Spec{
		ID:      DefaultID,
		Name:    "ASTD Workplace Learning and Performance Competency Model",
		Version: "2004",
		Description: "The three-tier model of the ASTD Competency Study: Mapping the Future (2004): " +
			"foundational competencies, areas of expertise and roles. Learning technologies are not a tier or " +
			"area of their own: the model builds them into every area of expertise. The role requirements are " +
			"this SDK's documented reading of the model's role definitions.",
		Clusters:     competency.Clusters(),
		Competencies: competency.All(),
		Areas:        aoe.All(),
		Roles:        role.All(),
		Jobs:         role.Jobs(),
	}
}

// ID returns the framework's ID, such as "astd-2004".
func (f *Framework) ID() string { return f.spec.ID }

// Name returns the framework's human name.
func (f *Framework) Name() string { return f.spec.Name }

// Version returns the framework's version.
func (f *Framework) Version() string { return f.spec.Version }

// Spec returns a deep copy of the framework's document: changing it never
// changes f. It costs time and memory linear in the size of the document.
func (f *Framework) Spec() Spec { return f.spec.Clone() }

// MarshalJSON encodes the framework's document, the JSON form of [Spec].
// The encoding is deterministic, and [Load] reads it back into an equal
// framework.
//
// Text is written as is, without encoding/json's escaping of <, > and &
// as \u003c and friends, so the encoding stays as compact as the input it
// was read from. (json.Marshal of a *Framework escapes again; call
// MarshalJSON or use a json.Encoder with SetEscapeHTML(false) to avoid it.)
//
// It costs time and memory linear in the size of the encoding.
func (f *Framework) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(f.spec); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Scale returns the proficiency scale ratings and requirements use. The
// scale is fixed, so it costs constant time.
func (f *Framework) Scale() competency.Scale { return competency.DefaultScale() }

// Clusters returns the clusters the framework's competencies belong to:
// the declared clusters in order, then any of the model's clusters used
// but not declared, in the order of their first competency. [New] works
// the list out once, so each call costs only its copy: O(k) time and
// memory for the k clusters it returns.
func (f *Framework) Clusters() []competency.ClusterInfo { return slices.Clone(f.order) }

// clusterOrder lists the clusters of s as [Framework.Clusters] returns
// them, in O(k + c) time for k clusters and c competencies; known holds
// every cluster s may use. A set of the clusters listed so far keeps it
// from scanning the list for every competency.
func clusterOrder(s Spec, known map[competency.Cluster]competency.ClusterInfo) []competency.ClusterInfo {
	out := slices.Clone(s.Clusters)
	listed := make(map[competency.Cluster]bool, len(out))
	for _, c := range out {
		listed[c.ID] = true
	}
	for _, c := range s.Competencies {
		if !listed[c.Cluster] {
			listed[c.Cluster] = true
			out = append(out, known[c.Cluster])
		}
	}
	return out
}

// Cluster returns the cluster with the given ID, declared or one of the
// model's, in O(1) time.
func (f *Framework) Cluster(id competency.Cluster) (competency.ClusterInfo, bool) {
	c, ok := f.clusters[id]
	return c, ok
}

// Competencies returns the foundational competencies in model order. It
// costs time and memory linear in the size of what it returns (the
// competencies with their behaviors), as do Areas, Roles, Jobs and IDs.
func (f *Framework) Competencies() []competency.Competency {
	return cloneAll(f.spec.Competencies, competency.Competency.Clone)
}

// Areas returns the areas of expertise in model order, in time and
// memory linear in their size.
func (f *Framework) Areas() []aoe.Area { return cloneAll(f.spec.Areas, aoe.Area.Clone) }

// Roles returns the roles in model order, in time and memory linear in
// their size (roles, requirements and listed IDs).
func (f *Framework) Roles() []role.Role { return cloneAll(f.spec.Roles, role.Role.Clone) }

// Jobs returns the jobs in model order, in time and memory linear in
// their size (jobs, shares, requirements and listed IDs).
func (f *Framework) Jobs() []role.Job { return cloneAll(f.spec.Jobs, role.Job.Clone) }

// IDs returns the IDs a person can be rated on, in model order: the
// competencies, then the areas. It costs O(c + a) time and memory for c
// competencies and a areas.
func (f *Framework) IDs() []competency.ID { return slices.Clone(f.ids) }

// Index returns the position of id in [Framework.IDs], or -1 if the
// framework does not know id. It costs O(1) time: one map lookup.
func (f *Framework) Index(id competency.ID) int {
	if i, ok := f.rated[id]; ok {
		return i
	}
	return -1
}

// Competency returns the foundational competency with the given ID. It
// costs one map lookup and a copy of the competency.
func (f *Framework) Competency(id competency.ID) (competency.Competency, bool) {
	i, ok := f.rated[id]
	if !ok || i >= len(f.spec.Competencies) {
		return competency.Competency{}, false
	}
	return f.spec.Competencies[i].Clone(), true
}

// Area returns the area of expertise with the given ID. It costs one map
// lookup and a copy of the area.
func (f *Framework) Area(id competency.ID) (aoe.Area, bool) {
	i, ok := f.rated[id]
	if !ok || i < len(f.spec.Competencies) {
		return aoe.Area{}, false
	}
	return f.spec.Areas[i-len(f.spec.Competencies)].Clone(), true
}

// NameOf returns the human name of the competency or area id, and whether
// the framework knows it, in O(1) time.
func (f *Framework) NameOf(id competency.ID) (string, bool) {
	i, ok := f.rated[id]
	switch {
	case !ok:
		return "", false
	case i < len(f.spec.Competencies):
		return f.spec.Competencies[i].Name, true
	default:
		return f.spec.Areas[i-len(f.spec.Competencies)].Name, true
	}
}

// Role returns the role with the given ID. It costs one map lookup and a
// copy of the role, linear in its requirements and their IDs.
func (f *Framework) Role(id role.ID) (role.Role, bool) {
	i, ok := f.roles[id]
	if !ok {
		return role.Role{}, false
	}
	return f.spec.Roles[i].Clone(), true
}

// Job returns the job with the given ID. It costs one map lookup and a
// copy of the job, linear in its shares, requirements and their IDs.
func (f *Framework) Job(id role.ID) (role.Job, bool) {
	i, ok := f.jobs[id]
	if !ok {
		return role.Job{}, false
	}
	return f.spec.Jobs[i].Clone(), true
}

// ValidateProfile checks p against the framework: p must be valid on its
// own (see [profile.Profile.Validate]) and rate only IDs the framework
// knows, in its ratings and in its reviews. The error, a
// *[profile.ValidationError], names every unknown ID by its JSON pointer
// in the profile document, in sorted order within each place; like every
// validation error, it lists at most 1,000 problems and counts the rest
// in its Omitted field.
//
// The message for each of the first 10 unknown IDs suggests the known ID
// it most likely means ("did you mean "coaching"?").
//
// Besides the cost of p.Validate, it takes O(r + u log u) time for the r
// ratings and review levels of p, u of them unknown, and O(u) memory;
// when u > 0, suggesting costs O(n) more for the framework's n IDs.
func (f *Framework) ValidateProfile(p profile.Profile) error {
	var l problem.List
	l.AppendError(p.Validate())
	// unknown reports the well-formed IDs that f does not know among the
	// ratings (review -1) or a review's levels. It sorts only those, so a
	// valid profile costs no sort.
	suggested := 0
	unknown := func(review int, levels iter.Seq[competency.ID]) {
		var ids []competency.ID
		for id := range levels {
			if _, ok := f.rated[id]; !ok && id.Valid() {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			return
		}
		slices.Sort(ids)
		base := "/ratings"
		if review >= 0 {
			base = problem.Join("/reviews", review, "levels")
		}
		for _, id := range ids {
			msg := fmt.Sprintf("unknown competency or area %s in framework %s", problem.Quote(string(id)), problem.Quote(f.spec.ID))
			if suggested < maxSuggested {
				suggested++
				if s, ok := f.closest(string(id)); ok {
					msg += "; did you mean " + problem.Quote(s) + "?"
				}
			}
			l.Add(problem.Join(base, string(id)), msg)
		}
	}
	unknown(-1, maps.Keys(p.Ratings))
	for i, r := range p.Reviews {
		unknown(i, maps.Keys(r.Levels))
	}
	return l.Err("profile")
}

// maxSuggested bounds how many unknown IDs of one profile
// ValidateProfile looks for a close known ID for, so that a profile of
// thousands of unknown IDs costs no more than a few comparisons with
// every ID of the framework.
const maxSuggested = 10

// closest returns the ID of f that the unknown ID s most likely means.
func (f *Framework) closest(s string) (string, bool) {
	ids := make([]string, len(f.ids))
	for i, id := range f.ids {
		ids[i] = string(id)
	}
	return suggest.Closest(s, ids)
}

// Label names the IDs of a requirement for a report: the competency's or
// area's name for a single ID, and for a group how many of what, such as
// "any 7 of 9 areas of expertise" or "all 3 of 3 foundational
// competencies". Unknown IDs are named by their ID. It costs O(len(of))
// time.
func (f *Framework) Label(of []competency.ID, atLeast int) string {
	if len(of) == 1 {
		if name, ok := f.NameOf(of[0]); ok {
			return name
		}
		return string(of[0])
	}
	areas, comps := 0, 0
	for _, id := range of {
		if i, ok := f.rated[id]; ok && i >= len(f.spec.Competencies) {
			areas++
		} else if ok {
			comps++
		}
	}
	kind := "listed competencies and areas"
	switch len(of) {
	case areas:
		kind = "areas of expertise"
	case comps:
		kind = "foundational competencies"
	}
	if atLeast <= 0 || atLeast >= len(of) {
		return fmt.Sprintf("all %d %s", len(of), kind)
	}
	return fmt.Sprintf("any %d of %d %s", atLeast, len(of), kind)
}
