package wlp

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/role"
)

// Problem is one thing wrong with a framework document. It is another
// name for [problem.Problem], documented there: its Path is a JSON pointer
// such as "/roles/2/requirements/0/level" ("" for the whole document), and
// its Message says what is wrong.
type Problem = problem.Problem

// ValidationError is the error of a framework that failed to load or
// validate. It is another name for [problem.Error], documented there, so
// errors.As with either finds it. It lists the problems found in its
// field Problems, a []Problem: the first 1,000 of them, in document
// order, with the number of the others in Omitted. Its Error method
// prints one line per problem, each starting with "wlp: " and the JSON
// pointer of the place, such as
//
//	wlp: /roles/2/requirements/0/level: 7 is above the scale's top level 5
//
// and, when problems were omitted, a last line counting them.
type ValidationError = problem.Error

// MaxReported is how many problems a [ValidationError] lists at the most,
// the same as [problem.MaxReported]; it counts the rest in its field Omitted (a lower bound: once the list is
// full, loading checks nothing further). A document can hold millions of
// problems, and a report of them all would cost many times its size.
const MaxReported = 1000

// kind of a rated ID, for messages.
const (
	kindCompetency = iota + 1
	kindArea
)

// validator checks a Spec and builds the indexes of a Framework. It
// builds the JSON pointer of a place only when it reports a problem
// there, so checking a valid Spec allocates little beyond the indexes.
type validator struct {
	l problem.List
	// partial: the Spec is what could be read of a document some of
	// whose values could not be read, and hold their zero value. The
	// references to declared IDs, which may be among those values, are
	// not checked, nor is AtLeast against an Of that may be one.
	partial  bool
	clusters map[competency.Cluster]bool
	rated    map[competency.ID]int // ID -> position in rated order
	kinds    map[competency.ID]int
	roles    map[role.ID]int
	jobs     map[role.ID]int
}

// add reports a problem at the place path returns, with the message msg
// returns. Once the list is full it only counts the problem, building
// neither, so that a Spec with millions of problems costs no more than
// one with a thousand.
func (v *validator) add(path, msg func() string) {
	if v.l.Full() {
		v.l.Omit(1)
		return
	}
	v.l.Add(path(), msg())
}

// at returns the JSON pointer of item i of the array at base, followed by
// the tokens rest (field names, which need no escaping).
func at(base string, i int, rest ...string) string {
	p := base + "/" + strconv.Itoa(i)
	for _, r := range rest {
		p += "/" + r
	}
	return p
}

// textOK reports whether s is acceptable text: valid UTF-8, and not
// empty if required.
func textOK(s string, required bool) bool {
	return (!required || s != "") && utf8.ValidString(s)
}

// text reports what is wrong with the text s, if anything, at the place
// path returns.
func (v *validator) text(path func() string, what, s string, required bool) {
	switch {
	case required && s == "":
		v.add(path, func() string { return what + " is empty" })
	case !utf8.ValidString(s):
		v.add(path, func() string { return what + " is not valid UTF-8" })
	}
}

// id reports whether s is a well-formed ID, and a problem at the place
// path returns if it is not.
func (v *validator) id(path func() string, s string) bool {
	if competency.ValidID(s) {
		return true
	}
	if s == "" {
		v.add(path, func() string { return "the ID is empty" })
	} else {
		v.add(path, func() string {
			return fmt.Sprintf("%s is not a well-formed ID (1 to %d lower-case ASCII letters and digits, in words joined by single hyphens)", problem.Quote(s), competency.MaxIDLen)
		})
	}
	return false
}

func (v *validator) weight(path func() string, w float64) {
	switch {
	case math.IsNaN(w) || math.IsInf(w, 0):
		v.add(path, func() string { return fmt.Sprintf("the weight %v is not a finite number", w) })
	case w <= 0:
		v.add(path, func() string { return fmt.Sprintf("the weight %v must be greater than 0", w) })
	case w < MinWeight:
		v.add(path, func() string { return fmt.Sprintf("the weight %v is below the smallest weight, %v", w, MinWeight) })
	case w > MaxWeight:
		v.add(path, func() string { return fmt.Sprintf("the weight %v is above the limit of %v", w, float64(MaxWeight)) })
	}
}

// MinWeight and MaxWeight bound a requirement's or share's weight, so
// that sums and ratios of weights stay well inside a float64's precision.
// (A weight too small for a float64, such as 1e-400, is refused when the
// document is read, as out of range, not read as 0.)
const (
	MinWeight = 1e-6
	MaxWeight = 1e6
)

// requirement checks the requirement r, item i of the array at base.
func (v *validator) requirement(base string, i int, r role.Requirement) {
	if len(r.Of) == 0 {
		v.add(func() string { return at(base, i, "of") }, func() string { return "lists no competency or area" })
	}
	var seen map[competency.ID]bool
	if len(r.Of) > 8 {
		seen = make(map[competency.ID]bool, len(r.Of))
	}
	for j, id := range r.Of {
		// A repeat: looked up in a map for a long list, compared with
		// the ones before for a short one.
		repeat := false
		if seen != nil {
			repeat = seen[id]
			seen[id] = true
		} else {
			for _, x := range r.Of[:j] {
				if x == id {
					repeat = true
					break
				}
			}
		}
		_, known := v.rated[id]
		known = known || v.partial && competency.ValidID(string(id))
		if !repeat && known {
			continue
		}
		p := func() string { return at(base, i, "of", strconv.Itoa(j)) }
		if repeat {
			v.add(p, func() string { return fmt.Sprintf("%s is listed twice", problem.Quote(string(id))) })
		}
		if !known {
			if competency.ValidID(string(id)) {
				v.add(p, func() string { return fmt.Sprintf("unknown competency or area %s", problem.Quote(string(id))) })
			} else {
				v.add(p, func() string { return fmt.Sprintf("%s is not a well-formed ID", problem.Quote(string(id))) })
			}
		}
	}
	switch {
	case r.AtLeast < 0:
		v.add(func() string { return at(base, i, "atLeast") }, func() string {
			return fmt.Sprintf("%d is negative; use 0 for all of them, or 1 to %d", r.AtLeast, len(r.Of))
		})
	case r.AtLeast > len(r.Of) && !v.partial:
		v.add(func() string { return at(base, i, "atLeast") }, func() string { return fmt.Sprintf("%d is more than the %d listed in of", r.AtLeast, len(r.Of)) })
	}
	switch {
	case r.Level < competency.Novice:
		v.add(func() string { return at(base, i, "level") }, func() string {
			return fmt.Sprintf("%d is below the lowest level a requirement may ask for, %d", r.Level, competency.Novice)
		})
	case r.Level > competency.MaxLevel:
		v.add(func() string { return at(base, i, "level") }, func() string {
			return fmt.Sprintf("%d is above the scale's top level %d", r.Level, competency.MaxLevel)
		})
	}
	v.weight(func() string { return at(base, i, "weight") }, r.Weight)
	if !textOK(r.Why, false) {
		v.text(func() string { return at(base, i, "why") }, "the why", r.Why, false)
	}
}

// behaviors checks the behaviors of item i of the array at base.
func (v *validator) behaviors(base string, i int, bs []string) {
	for j, b := range bs {
		if !textOK(b, false) {
			v.text(func() string { return at(base, i, "behaviors", strconv.Itoa(j)) }, "the behavior", b, false)
		}
	}
}

// checkPartial checks s, what could be read of a document some of whose
// values could not be read, as [New] does, less what depends on the
// values not read: the references to declared IDs, and AtLeast against
// the length of Of. Load runs it in place of New for such a document, so
// that its other problems are reported too. It costs what New's checks
// cost.
func checkPartial(s Spec) error {
	v := validator{partial: true}
	v.check(s)
	return v.l.Err("wlp")
}

// check checks s, reporting every problem with the JSON pointer of its
// place, and builds the indexes. It costs O(size of s) time and memory
// (the indexes), and builds a pointer only for a problem.
func (v *validator) check(s Spec) {
	if s.ID != "" {
		v.id(func() string { return "/id" }, s.ID)
	}
	v.text(func() string { return "/name" }, "the name", s.Name, false)
	v.text(func() string { return "/version" }, "the version", s.Version, false)
	v.text(func() string { return "/description" }, "the description", s.Description, false)

	v.clusters = map[competency.Cluster]bool{}
	for _, c := range competency.Clusters() {
		v.clusters[c.ID] = true
	}
	declared := map[competency.Cluster]bool{}
	for i, c := range s.Clusters {
		field := func(f string) func() string { return func() string { return at("/clusters", i, f) } }
		v.id(field("id"), string(c.ID))
		if declared[c.ID] {
			v.add(func() string { return at("/clusters", i, "id") }, func() string { return fmt.Sprintf("duplicate cluster ID %s", problem.Quote(string(c.ID))) })
		}
		declared[c.ID] = true
		v.clusters[c.ID] = true
		v.text(field("name"), "the name", c.Name, true)
		v.text(field("summary"), "the summary", c.Summary, false)
	}

	v.rated = make(map[competency.ID]int, len(s.Competencies)+len(s.Areas))
	v.kinds = make(map[competency.ID]int, len(s.Competencies)+len(s.Areas))
	addRated := func(base string, i int, id competency.ID, kind int) {
		if !v.id(func() string { return at(base, i, "id") }, string(id)) {
			return
		}
		if k, dup := v.kinds[id]; dup {
			what := "a competency"
			if k == kindArea {
				what = "an area"
			}
			v.add(func() string { return at(base, i, "id") }, func() string {
				return fmt.Sprintf("duplicate ID %s (already used by %s)", problem.Quote(string(id)), what)
			})
			return
		}
		v.kinds[id] = kind
		v.rated[id] = len(v.rated)
	}
	for i, c := range s.Competencies {
		addRated("/competencies", i, c.ID, kindCompetency)
		if !textOK(c.Name, true) {
			v.text(func() string { return at("/competencies", i, "name") }, "the name", c.Name, true)
		}
		switch {
		case c.Cluster == "":
			v.add(func() string { return at("/competencies", i, "cluster") }, func() string { return "the cluster is empty" })
		case !v.partial && !v.clusters[c.Cluster]:
			v.add(func() string { return at("/competencies", i, "cluster") }, func() string {
				return fmt.Sprintf("unknown cluster %s (declare it under clusters)", problem.Quote(string(c.Cluster)))
			})
		case !competency.ValidID(string(c.Cluster)):
			// Declared, but as malformed as its declaration.
			v.add(func() string { return at("/competencies", i, "cluster") }, func() string {
				return fmt.Sprintf("%s is not a well-formed ID", problem.Quote(string(c.Cluster)))
			})
		}
		if !textOK(c.Summary, false) {
			v.text(func() string { return at("/competencies", i, "summary") }, "the summary", c.Summary, false)
		}
		v.behaviors("/competencies", i, c.Behaviors)
	}
	for i, a := range s.Areas {
		addRated("/areas", i, a.ID, kindArea)
		field := func(f string) func() string { return func() string { return at("/areas", i, f) } }
		if !textOK(a.Name, true) || !textOK(a.Summary, false) || !textOK(a.Technologies, false) {
			v.text(field("name"), "the name", a.Name, true)
			v.text(field("summary"), "the summary", a.Summary, false)
			v.text(field("technologies"), "the technologies note", a.Technologies, false)
		}
		v.behaviors("/areas", i, a.Behaviors)
	}

	v.roles = make(map[role.ID]int, len(s.Roles))
	v.jobs = make(map[role.ID]int, len(s.Jobs))
	for i, r := range s.Roles {
		if v.id(func() string { return at("/roles", i, "id") }, string(r.ID)) {
			if _, dup := v.roles[r.ID]; dup {
				v.add(func() string { return at("/roles", i, "id") }, func() string { return fmt.Sprintf("duplicate role ID %s", problem.Quote(string(r.ID))) })
			} else {
				v.roles[r.ID] = i
			}
		}
		if !textOK(r.Name, true) || !textOK(r.Summary, false) {
			v.text(func() string { return at("/roles", i, "name") }, "the name", r.Name, true)
			v.text(func() string { return at("/roles", i, "summary") }, "the summary", r.Summary, false)
		}
		if len(r.Requirements) == 0 {
			v.add(func() string { return at("/roles", i, "requirements") }, func() string { return "the role has no requirements" })
		}
		base := ""
		for j, req := range r.Requirements {
			if base == "" {
				base = at("/roles", i, "requirements")
			}
			v.requirement(base, j, req)
		}
	}
	jobIDs := make(map[role.ID]bool, len(s.Jobs))
	for _, j := range s.Jobs {
		jobIDs[j.ID] = true
	}
	for i, j := range s.Jobs {
		if v.id(func() string { return at("/jobs", i, "id") }, string(j.ID)) {
			_, isRole := v.roles[j.ID]
			_, dup := v.jobs[j.ID]
			switch {
			case isRole:
				v.add(func() string { return at("/jobs", i, "id") }, func() string {
					return fmt.Sprintf("duplicate ID %s (already used by a role)", problem.Quote(string(j.ID)))
				})
			case dup:
				v.add(func() string { return at("/jobs", i, "id") }, func() string { return fmt.Sprintf("duplicate job ID %s", problem.Quote(string(j.ID))) })
			default:
				v.jobs[j.ID] = i
			}
		}
		if !textOK(j.Title, true) || !textOK(j.Summary, false) {
			v.text(func() string { return at("/jobs", i, "title") }, "the title", j.Title, true)
			v.text(func() string { return at("/jobs", i, "summary") }, "the summary", j.Summary, false)
		}
		if len(j.Roles) == 0 && len(j.Requirements) == 0 {
			v.add(func() string { return at("/jobs", i) }, func() string { return "the job has neither roles nor requirements" })
		}
		var shared map[role.ID]bool
		for k, sh := range j.Roles {
			share := func(f string) string { return at("/jobs", i, "roles", strconv.Itoa(k), f) }
			switch _, ok := v.roles[sh.Role]; {
			case v.partial:
				if !competency.ValidID(string(sh.Role)) {
					v.add(func() string { return share("role") }, func() string { return fmt.Sprintf("%s is not a well-formed ID", problem.Quote(string(sh.Role))) })
				}
			case sh.Role == j.ID:
				v.add(func() string { return share("role") }, func() string { return fmt.Sprintf("the job %s names itself as a role", problem.Quote(string(j.ID))) })
			case ok && shared[sh.Role]:
				v.add(func() string { return share("role") }, func() string { return fmt.Sprintf("role %s is listed twice", problem.Quote(string(sh.Role))) })
			case ok:
			case jobIDs[sh.Role]:
				v.add(func() string { return share("role") }, func() string {
					return fmt.Sprintf("%s is a job, not a role; a job blends roles only", problem.Quote(string(sh.Role)))
				})
			case !competency.ValidID(string(sh.Role)):
				v.add(func() string { return share("role") }, func() string { return fmt.Sprintf("%s is not a well-formed ID", problem.Quote(string(sh.Role))) })
			default:
				v.add(func() string { return share("role") }, func() string { return fmt.Sprintf("unknown role %s", problem.Quote(string(sh.Role))) })
			}
			if shared == nil {
				shared = map[role.ID]bool{}
			}
			shared[sh.Role] = true
			v.weight(func() string { return share("weight") }, sh.Weight)
			if !textOK(sh.Why, false) {
				v.text(func() string { return share("why") }, "the why", sh.Why, false)
			}
		}
		base := ""
		for k, req := range j.Requirements {
			if base == "" {
				base = at("/jobs", i, "requirements")
			}
			v.requirement(base, k, req)
		}
	}
	v.checkCASE(s)
}
