package wlp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/problem"
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
	rated    map[competency.ID]int // position in IDs(): competencies, then areas
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
// returns the same *Framework.
func Default() *Framework { return defaultFramework() }

// DefaultSpec returns a fresh copy of the default framework's document, a
// starting point for extending the model with one's own competencies,
// roles and jobs.
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
// changes f.
func (f *Framework) Spec() Spec { return f.spec.Clone() }

// MarshalJSON encodes the framework's document, the JSON form of [Spec].
// The encoding is deterministic, and [Load] reads it back into an equal
// framework.
//
// Text is written as is, without encoding/json's escaping of <, > and &
// as \u003c and friends, so the encoding stays as compact as the input it
// was read from. (json.Marshal of a *Framework escapes again; call
// MarshalJSON or use a json.Encoder with SetEscapeHTML(false) to avoid it.)
func (f *Framework) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(f.spec); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Scale returns the proficiency scale ratings and requirements use.
func (f *Framework) Scale() competency.Scale { return competency.DefaultScale() }

// Clusters returns the clusters the framework's competencies belong to:
// the declared clusters in order, then any of the model's clusters used
// but not declared.
func (f *Framework) Clusters() []competency.ClusterInfo {
	out := slices.Clone(f.spec.Clusters)
	for _, c := range f.spec.Competencies {
		if !slices.ContainsFunc(out, func(ci competency.ClusterInfo) bool { return ci.ID == c.Cluster }) {
			out = append(out, f.clusters[c.Cluster])
		}
	}
	return out
}

// Cluster returns the cluster with the given ID.
func (f *Framework) Cluster(id competency.Cluster) (competency.ClusterInfo, bool) {
	c, ok := f.clusters[id]
	return c, ok
}

// Competencies returns the foundational competencies in model order.
func (f *Framework) Competencies() []competency.Competency {
	return cloneAll(f.spec.Competencies, competency.Competency.Clone)
}

// Areas returns the areas of expertise in model order.
func (f *Framework) Areas() []aoe.Area { return cloneAll(f.spec.Areas, aoe.Area.Clone) }

// Roles returns the roles in model order.
func (f *Framework) Roles() []role.Role { return cloneAll(f.spec.Roles, role.Role.Clone) }

// Jobs returns the jobs in model order.
func (f *Framework) Jobs() []role.Job { return cloneAll(f.spec.Jobs, role.Job.Clone) }

// IDs returns the IDs a person can be rated on, in model order: the
// competencies, then the areas.
func (f *Framework) IDs() []competency.ID { return slices.Clone(f.ids) }

// Index returns the position of id in [Framework.IDs], or -1 if the
// framework does not know id.
func (f *Framework) Index(id competency.ID) int {
	if i, ok := f.rated[id]; ok {
		return i
	}
	return -1
}

// Competency returns the foundational competency with the given ID.
func (f *Framework) Competency(id competency.ID) (competency.Competency, bool) {
	i, ok := f.rated[id]
	if !ok || i >= len(f.spec.Competencies) {
		return competency.Competency{}, false
	}
	return f.spec.Competencies[i].Clone(), true
}

// Area returns the area of expertise with the given ID.
func (f *Framework) Area(id competency.ID) (aoe.Area, bool) {
	i, ok := f.rated[id]
	if !ok || i < len(f.spec.Competencies) {
		return aoe.Area{}, false
	}
	return f.spec.Areas[i-len(f.spec.Competencies)].Clone(), true
}

// NameOf returns the human name of the competency or area id, and whether
// the framework knows it.
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

// Role returns the role with the given ID.
func (f *Framework) Role(id role.ID) (role.Role, bool) {
	i, ok := f.roles[id]
	if !ok {
		return role.Role{}, false
	}
	return f.spec.Roles[i].Clone(), true
}

// Job returns the job with the given ID.
func (f *Framework) Job(id role.ID) (role.Job, bool) {
	i, ok := f.jobs[id]
	if !ok {
		return role.Job{}, false
	}
	return f.spec.Jobs[i].Clone(), true
}

// ValidateProfile checks p against the framework: p must be valid on its
// own (see [profile.Profile.Validate]) and rate only IDs the framework
// knows, in its ratings and in its reviews. The error, a *[profile.ValidationError], names every unknown ID
// by its JSON pointer in the profile document.
func (f *Framework) ValidateProfile(p profile.Profile) error {
	var probs []problem.Problem
	if err := p.Validate(); err != nil {
		probs = append(probs, err.(*profile.ValidationError).Problems...)
	}
	unknown := func(at string, id competency.ID) {
		if _, ok := f.rated[id]; !ok && id.Valid() {
			probs = append(probs, problem.Problem{
				Path:    problem.Join(at, string(id)),
				Message: fmt.Sprintf("unknown competency or area %q in framework %q", id, f.spec.ID),
			})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(p.Ratings)) {
		unknown("/ratings", id)
	}
	for i, r := range p.Reviews {
		for _, id := range slices.Sorted(maps.Keys(r.Levels)) {
			unknown(problem.Join("/reviews", i, "levels"), id)
		}
	}
	if len(probs) == 0 {
		return nil
	}
	return &profile.ValidationError{Package: "profile", Problems: probs}
}

// Label names the IDs of a requirement for a report: the competency's or
// area's name for a single ID, and for a group how many of what, such as
// "any 7 of 9 areas of expertise" or "all 3 of 3 foundational
// competencies". Unknown IDs are named by their ID.
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
