package wlp

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/problem"
	"github.com/wlpmodel/wlp/role"
)

// Problem is one thing wrong with a framework document: its Path, a JSON
// pointer such as "/roles/2/requirements/0/level" ("" for the whole
// document), and its Message.
type Problem = problem.Problem

// ValidationError lists every problem found in a framework in its field
// Problems, a []Problem. Its Error method prints one line per problem, each starting with "wlp: " and the
// JSON pointer of the place, such as
//
//	wlp: /roles/2/requirements/0/level: 7 is above the scale's top level 5
type ValidationError = problem.Error

// kind of a rated ID, for messages.
const (
	kindCompetency = iota + 1
	kindArea
)

// validator checks a Spec and builds the indexes of a Framework.
type validator struct {
	l        problem.List
	clusters map[competency.Cluster]bool
	rated    map[competency.ID]int // ID -> position in rated order
	kinds    map[competency.ID]int
	roles    map[role.ID]int
	jobs     map[role.ID]int
}

func (v *validator) text(path, what, s string, required bool) {
	switch {
	case required && s == "":
		v.l.Add(path, what+" is empty")
	case !utf8.ValidString(s):
		v.l.Add(path, what+" is not valid UTF-8")
	}
}

func (v *validator) id(path, s string) bool {
	if !competency.ValidID(s) {
		if s == "" {
			v.l.Add(path, "the ID is empty")
		} else {
			v.l.Add(path, fmt.Sprintf("%q is not a well-formed ID (1 to %d lower-case ASCII letters and digits, in words joined by single hyphens)", s, competency.MaxIDLen))
		}
		return false
	}
	return true
}

func (v *validator) weight(path string, w float64) {
	switch {
	case math.IsNaN(w) || math.IsInf(w, 0):
		v.l.Add(path, fmt.Sprintf("the weight %v is not a finite number", w))
	case w <= 0:
		v.l.Add(path, fmt.Sprintf("the weight %v must be greater than 0", w))
	case w < MinWeight:
		v.l.Add(path, fmt.Sprintf("the weight %v is below the smallest weight, %v", w, MinWeight))
	case w > MaxWeight:
		v.l.Add(path, fmt.Sprintf("the weight %v is above the limit of %v", w, float64(MaxWeight)))
	}
}

// MinWeight and MaxWeight bound a requirement's or share's weight, so
// that sums and ratios of weights stay well inside a float64's precision
// (and a weight too small for a float64, such as 1e-400, is not read as 0).
const (
	MinWeight = 1e-6
	MaxWeight = 1e6
)

func (v *validator) requirement(path string, r role.Requirement) {
	if len(r.Of) == 0 {
		v.l.Add(path+"/of", "lists no competency or area")
	}
	seen := make(map[competency.ID]bool, len(r.Of))
	for i, id := range r.Of {
		p := problem.Join(path+"/of", i)
		if seen[id] {
			v.l.Add(p, fmt.Sprintf("%q is listed twice", id))
		}
		seen[id] = true
		if _, ok := v.rated[id]; !ok {
			if competency.ValidID(string(id)) {
				v.l.Add(p, fmt.Sprintf("unknown competency or area %q", id))
			} else {
				v.l.Add(p, fmt.Sprintf("%q is not a well-formed ID", id))
			}
		}
	}
	switch {
	case r.AtLeast < 0:
		v.l.Add(path+"/atLeast", fmt.Sprintf("%d is negative; use 0 for all of them, or 1 to %d", r.AtLeast, len(r.Of)))
	case r.AtLeast > len(r.Of):
		v.l.Add(path+"/atLeast", fmt.Sprintf("%d is more than the %d listed in of", r.AtLeast, len(r.Of)))
	}
	switch {
	case r.Level < competency.Novice:
		v.l.Add(path+"/level", fmt.Sprintf("%d is below the lowest level a requirement may ask for, %d", r.Level, competency.Novice))
	case r.Level > competency.MaxLevel:
		v.l.Add(path+"/level", fmt.Sprintf("%d is above the scale's top level %d", r.Level, competency.MaxLevel))
	}
	v.weight(path+"/weight", r.Weight)
	v.text(path+"/why", "the why", r.Why, false)
}

func (v *validator) check(s Spec) {
	if s.ID != "" {
		v.id("/id", s.ID)
	}
	v.text("/name", "the name", s.Name, false)
	v.text("/version", "the version", s.Version, false)
	v.text("/description", "the description", s.Description, false)

	v.clusters = map[competency.Cluster]bool{}
	for _, c := range competency.Clusters() {
		v.clusters[c.ID] = true
	}
	declared := map[competency.Cluster]bool{}
	for i, c := range s.Clusters {
		p := problem.Join("/clusters", i)
		v.id(p+"/id", string(c.ID))
		if declared[c.ID] {
			v.l.Add(p+"/id", fmt.Sprintf("duplicate cluster ID %q", c.ID))
		}
		declared[c.ID] = true
		v.clusters[c.ID] = true
		v.text(p+"/name", "the name", c.Name, true)
		v.text(p+"/summary", "the summary", c.Summary, false)
	}

	v.rated = make(map[competency.ID]int, len(s.Competencies)+len(s.Areas))
	v.kinds = make(map[competency.ID]int, len(s.Competencies)+len(s.Areas))
	addRated := func(p string, id competency.ID, kind int) {
		if !v.id(p, string(id)) {
			return
		}
		if k, dup := v.kinds[id]; dup {
			what := "a competency"
			if k == kindArea {
				what = "an area"
			}
			v.l.Add(p, fmt.Sprintf("duplicate ID %q (already used by %s)", id, what))
			return
		}
		v.kinds[id] = kind
		v.rated[id] = len(v.rated)
	}
	for i, c := range s.Competencies {
		p := problem.Join("/competencies", i)
		addRated(p+"/id", c.ID, kindCompetency)
		v.text(p+"/name", "the name", c.Name, true)
		switch {
		case c.Cluster == "":
			v.l.Add(p+"/cluster", "the cluster is empty")
		case !v.clusters[c.Cluster]:
			v.l.Add(p+"/cluster", fmt.Sprintf("unknown cluster %q (declare it under clusters)", c.Cluster))
		}
		v.text(p+"/summary", "the summary", c.Summary, false)
		for j, b := range c.Behaviors {
			v.text(problem.Join(p+"/behaviors", j), "the behavior", b, false)
		}
	}
	for i, a := range s.Areas {
		p := problem.Join("/areas", i)
		addRated(p+"/id", a.ID, kindArea)
		v.text(p+"/name", "the name", a.Name, true)
		v.text(p+"/summary", "the summary", a.Summary, false)
		v.text(p+"/technologies", "the technologies note", a.Technologies, false)
		for j, b := range a.Behaviors {
			v.text(problem.Join(p+"/behaviors", j), "the behavior", b, false)
		}
	}

	v.roles = make(map[role.ID]int, len(s.Roles))
	v.jobs = make(map[role.ID]int, len(s.Jobs))
	for i, r := range s.Roles {
		p := problem.Join("/roles", i)
		if v.id(p+"/id", string(r.ID)) {
			if _, dup := v.roles[r.ID]; dup {
				v.l.Add(p+"/id", fmt.Sprintf("duplicate role ID %q", r.ID))
			} else {
				v.roles[r.ID] = i
			}
		}
		v.text(p+"/name", "the name", r.Name, true)
		v.text(p+"/summary", "the summary", r.Summary, false)
		if len(r.Requirements) == 0 {
			v.l.Add(p+"/requirements", "the role has no requirements")
		}
		for j, req := range r.Requirements {
			v.requirement(problem.Join(p+"/requirements", j), req)
		}
	}
	jobIDs := make(map[role.ID]bool, len(s.Jobs))
	for _, j := range s.Jobs {
		jobIDs[j.ID] = true
	}
	for i, j := range s.Jobs {
		p := problem.Join("/jobs", i)
		if v.id(p+"/id", string(j.ID)) {
			_, isRole := v.roles[j.ID]
			_, dup := v.jobs[j.ID]
			switch {
			case isRole:
				v.l.Add(p+"/id", fmt.Sprintf("duplicate ID %q (already used by a role)", j.ID))
			case dup:
				v.l.Add(p+"/id", fmt.Sprintf("duplicate job ID %q", j.ID))
			default:
				v.jobs[j.ID] = i
			}
		}
		v.text(p+"/title", "the title", j.Title, true)
		v.text(p+"/summary", "the summary", j.Summary, false)
		if len(j.Roles) == 0 && len(j.Requirements) == 0 {
			v.l.Add(p, "the job has neither roles nor requirements")
		}
		shared := map[role.ID]bool{}
		for k, sh := range j.Roles {
			sp := problem.Join(p+"/roles", k)
			switch _, ok := v.roles[sh.Role]; {
			case sh.Role == j.ID:
				v.l.Add(sp+"/role", fmt.Sprintf("the job %q names itself as a role", j.ID))
			case ok && shared[sh.Role]:
				v.l.Add(sp+"/role", fmt.Sprintf("role %q is listed twice", sh.Role))
			case ok:
			case jobIDs[sh.Role]:
				v.l.Add(sp+"/role", fmt.Sprintf("%q is a job, not a role; a job blends roles only", sh.Role))
			case !competency.ValidID(string(sh.Role)):
				v.l.Add(sp+"/role", fmt.Sprintf("%q is not a well-formed ID", sh.Role))
			default:
				v.l.Add(sp+"/role", fmt.Sprintf("unknown role %q", sh.Role))
			}
			shared[sh.Role] = true
			v.weight(sp+"/weight", sh.Weight)
			v.text(sp+"/why", "the why", sh.Why, false)
		}
		for k, req := range j.Requirements {
			v.requirement(problem.Join(p+"/requirements", k), req)
		}
	}
}
