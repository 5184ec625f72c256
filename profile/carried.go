package profile

import (
	"fmt"
	"slices"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
)

// Carried records where a rating carried from another framework came
// from: the crosswalk it crossed, the ratings it was made from and the
// link each crossed, and the rule that combined them. Package crosswalk's
// migration writes it; a rating given in its own framework has none.
type Carried struct {
	// Crosswalk is the ID of the crosswalk the rating crossed.
	Crosswalk string `json:"crosswalk" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// From is the ID of the framework the rating came from, or empty when
	// the crosswalk does not name it.
	From string `json:"from,omitempty" jsonschema:"maxLength=64,pattern=^([a-z0-9]+(-[a-z0-9]+)*)?$"`
	// Relation is the weakest relation any of its Sources crossed:
	// anything but "exact" marks a rating that rests on a looser link
	// than a true match.
	Relation competency.Relation `json:"relation" jsonschema:"enum=exact,enum=close,enum=broader,enum=narrower,enum=related"`
	// Rule names how several sources were combined into one level (see
	// package crosswalk's Rule); empty when one source reached the item.
	// It is named even when the rule kept one of several sources.
	Rule string `json:"rule,omitempty" jsonschema:"enum=,enum=median,enum=mean,enum=min,enum=max,enum=strongest"`
	// Sources lists the ratings the level was made from, in the order of
	// their IDs, each with the link it crossed. It lists at least one.
	// A rating that reached the item but that the rule set aside is not
	// among them (package crosswalk's migration report lists it).
	Sources []CarriedFrom `json:"sources" jsonschema:"minItems=1"`
}

// CarriedFrom is one rating a carried rating was made from.
type CarriedFrom struct {
	// ID is the rated item in the framework the rating came from.
	ID competency.ID `json:"id" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Level is the level it had there.
	Level competency.Level `json:"level"`
	// Relation is the relation of the link it crossed, read from ID to
	// the carried rating's item.
	Relation competency.Relation `json:"relation" jsonschema:"enum=exact,enum=close,enum=broader,enum=narrower,enum=related"`
	// Carried is the level it would carry on its own: Level, or less when
	// the link caps what carries.
	Carried competency.Level `json:"carried"`
	// Via lists the items of the frameworks between, for a link of a
	// composed crosswalk, in order; empty for a direct link.
	Via []competency.ID `json:"via,omitempty"`
	// Provenance is the source rating's own record, when it had itself
	// been carried from a framework before.
	Provenance *Carried `json:"provenance,omitempty"`
}

// Clone returns a deep copy of c, its sources' provenance included. It
// costs time and memory linear in the size of c.
func (c Carried) Clone() Carried {
	c.Sources = slices.Clone(c.Sources)
	for i := range c.Sources {
		s := &c.Sources[i]
		s.Via = slices.Clone(s.Via)
		if s.Provenance != nil {
			p := s.Provenance.Clone()
			s.Provenance = &p
		}
	}
	return c
}

// Weak reports whether the rating rests on a link looser than an exact
// match: its Relation is not exact, or a source had itself been carried
// weakly by an earlier migration. It costs time linear in the size of c.
func (c Carried) Weak() bool {
	if c.Relation != competency.Exact {
		return true
	}
	for _, s := range c.Sources {
		if s.Relation != competency.Exact || s.Provenance != nil && s.Provenance.Weak() {
			return true
		}
	}
	return false
}

// carriedRules are the names a Carried's Rule may hold: package
// crosswalk's rules, which this package cannot import.
var carriedRules = []string{"median", "mean", "min", "max", "strongest"}

// check adds the problems of c, a document's value at the JSON pointer
// base, to l.
func (c *Carried) check(l *problem.List, base string) {
	at := func(rest ...any) func() string {
		return func() string { return problem.Join(base, rest...) }
	}
	if !competency.ValidID(c.Crosswalk) {
		add(l, at("crosswalk"), func() string {
			return fmt.Sprintf("%s is not a well-formed crosswalk ID (lower-case ASCII words joined by hyphens)", problem.Quote(c.Crosswalk))
		})
	}
	if c.From != "" && !competency.ValidID(c.From) {
		add(l, at("from"), func() string {
			return fmt.Sprintf("%s is not a well-formed framework ID (lower-case ASCII words joined by hyphens)", problem.Quote(c.From))
		})
	}
	if !c.Relation.Valid() {
		add(l, at("relation"), func() string { return relationProblem(c.Relation) })
	}
	if c.Rule != "" && !slices.Contains(carriedRules, c.Rule) {
		add(l, at("rule"), func() string {
			return fmt.Sprintf("unknown rule %s (want median, mean, min, max or strongest, or nothing for one source)", problem.Quote(c.Rule))
		})
	}
	if len(c.Sources) == 0 {
		add(l, at("sources"), func() string { return "a carried rating names at least one source" })
	}
	for i := range c.Sources {
		s := &c.Sources[i]
		if !s.ID.Valid() {
			add(l, at("sources", i, "id"), func() string {
				return fmt.Sprintf("%s is not a well-formed ID (lower-case ASCII words joined by hyphens)", problem.Quote(string(s.ID)))
			})
		}
		if msg := levelProblem(s.Level); msg != "" {
			add(l, at("sources", i, "level"), func() string { return msg })
		}
		if !s.Relation.Valid() {
			add(l, at("sources", i, "relation"), func() string { return relationProblem(s.Relation) })
		}
		if msg := levelProblem(s.Carried); msg != "" {
			add(l, at("sources", i, "carried"), func() string { return msg })
		}
		for j, id := range s.Via {
			if !id.Valid() {
				add(l, at("sources", i, "via", j), func() string {
					return fmt.Sprintf("%s is not a well-formed ID (lower-case ASCII words joined by hyphens)", problem.Quote(string(id)))
				})
			}
		}
		if s.Provenance != nil {
			s.Provenance.check(l, problem.Join(base, "sources", i, "provenance"))
		}
	}
}

// relationProblem says what is wrong with a relation that is not valid.
func relationProblem(r competency.Relation) string {
	return fmt.Sprintf("unknown relation %s (want exact, close, broader, narrower or related)", problem.Quote(string(r)))
}

// normalize holds nil for the empty lists of c, as JSON omits them, so
// that encode then decode returns an equal value.
func (c *Carried) normalize() {
	for i := range c.Sources {
		s := &c.Sources[i]
		if len(s.Via) == 0 {
			s.Via = nil
		}
		if s.Provenance != nil {
			s.Provenance.normalize()
		}
	}
}

// ok reports whether check would add no problem for c, without
// allocating.
func (c *Carried) ok() bool {
	if !competency.ValidID(c.Crosswalk) || c.From != "" && !competency.ValidID(c.From) || !c.Relation.Valid() ||
		c.Rule != "" && !slices.Contains(carriedRules, c.Rule) || len(c.Sources) == 0 {
		return false
	}
	for i := range c.Sources {
		s := &c.Sources[i]
		if !s.ID.Valid() || levelProblem(s.Level) != "" || !s.Relation.Valid() || levelProblem(s.Carried) != "" {
			return false
		}
		for _, id := range s.Via {
			if !id.Valid() {
				return false
			}
		}
		if s.Provenance != nil && !s.Provenance.ok() {
			return false
		}
	}
	return true
}
