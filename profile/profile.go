package profile

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/internal/problem"
	"github.com/wlpmodel/wlp/schema"
)

// Source says who gave a rating. The set is closed; the empty Source means
// the source was not stated.
type Source string

// The sources a rating may come from.
const (
	Unstated     Source = ""              // not stated
	Self         Source = "self"          // the person rated themselves
	Manager      Source = "manager"       // the person's manager
	Peer         Source = "peer"          // a colleague at the same level
	DirectReport Source = "direct-report" // someone the person manages
	Assessment   Source = "assessment"    // a test, assessment centre or certification
)

// Sources returns the stated sources in a fixed order, a fresh slice.
func Sources() []Source {
	return []Source{Self, Manager, Peer, DirectReport, Assessment}
}

// Valid reports whether s is one of the known sources or unstated.
func (s Source) Valid() bool {
	return s == Unstated || slices.Contains(Sources(), s)
}

// String returns the source's human name, such as "direct report".
func (s Source) String() string {
	switch s {
	case Unstated:
		return "unstated"
	case DirectReport:
		return "direct report"
	}
	return string(s)
}

// DateLayout is the layout of [Rating.AssessedAt]: an ISO 8601 calendar
// date such as "2026-03-31".
const DateLayout = time.DateOnly

// Rating is one proficiency rating of one competency or area.
type Rating struct {
	// Level is the proficiency level, from 0 (not demonstrated) to 5
	// (expert).
	Level competency.Level `json:"level"`
	// Source says who gave the rating: self, manager, peer, direct-report
	// or assessment. Empty means unstated.
	Source Source `json:"source,omitempty"`
	// AssessedAt is the date of the assessment as YYYY-MM-DD, or empty.
	AssessedAt string `json:"assessedAt,omitempty" jsonschema:"format=date,pattern=^[0-9]{4}-[0-9]{2}-[0-9]{2}$"`
	// Evidence lists what supports the rating: links, documents or
	// observations.
	Evidence []string `json:"evidence,omitempty"`
	// Note is a free-text remark on the rating.
	Note string `json:"note,omitempty"`
}

// Profile is one person's proficiency ratings.
type Profile struct {
	// ID identifies the person within the caller's systems, such as an
	// employee number. It is required and breaks ties when people rank
	// equally.
	ID string `json:"id" jsonschema:"minLength=1"`
	// Name is the person's display name.
	Name string `json:"name,omitempty"`
	// Ratings maps competency and area IDs to the person's ratings. A
	// missing rating counts as level 0 (not demonstrated).
	Ratings map[competency.ID]Rating `json:"ratings,omitempty"`
	// Reviews lists several raters' assessments (a 360-degree review),
	// kept as given; [Profile.Combine] merges them into Ratings by a
	// chosen policy.
	Reviews []Review `json:"reviews,omitempty"`
}

// Level returns the person's level in id, or [competency.None] when the
// profile has no rating for it.
func (p Profile) Level(id competency.ID) competency.Level {
	return p.Ratings[id].Level
}

// Clone returns a deep copy of p.
func (p Profile) Clone() Profile {
	if p.Ratings != nil {
		r := make(map[competency.ID]Rating, len(p.Ratings))
		for id, rt := range p.Ratings {
			rt.Evidence = slices.Clone(rt.Evidence)
			r[id] = rt
		}
		p.Ratings = r
	}
	if p.Reviews != nil {
		as := make([]Review, len(p.Reviews))
		for i, a := range p.Reviews {
			a.Levels = maps.Clone(a.Levels)
			as[i] = a
		}
		p.Reviews = as
	}
	return p
}

// IDs returns the IDs the profile rates, directly or in an assessment, in
// sorted order.
func (p Profile) IDs() []competency.ID {
	if len(p.Reviews) == 0 {
		return slices.Sorted(maps.Keys(p.Ratings))
	}
	set := maps.Clone(p.Ratings)
	if set == nil {
		set = map[competency.ID]Rating{}
	}
	for _, a := range p.Reviews {
		for id := range a.Levels {
			set[id] = Rating{}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// Problem is one thing wrong with a profile document: its Path, a JSON
// pointer such as "/ratings/coaching/level" ("" for the whole document),
// and its Message.
type Problem = problem.Problem

// ValidationError lists every problem found in a profile in its field
// Problems, a []Problem. Its Error method prints one line per problem,
// each starting with "profile: ".
type ValidationError = problem.Error

// Validate checks p on its own: an ID is present, every rated ID is well
// formed, every level is on the scale, every source is known and every
// date is a real calendar date. The error, a *[ValidationError], lists
// every problem.
func (p Profile) Validate() error {
	var l problem.List
	p.check(&l)
	return l.Err("profile")
}

func (p Profile) check(l *problem.List) {
	if p.ID == "" {
		l.Add("/id", "the profile has no ID")
	} else if !utf8.ValidString(p.ID) {
		l.Add("/id", "the ID is not valid UTF-8")
	}
	if !utf8.ValidString(p.Name) {
		l.Add("/name", "the name is not valid UTF-8")
	}
	for _, id := range slices.Sorted(maps.Keys(p.Ratings)) {
		r := p.Ratings[id]
		at := problem.Join("/ratings", string(id))
		if !id.Valid() {
			l.Add(at, fmt.Sprintf("%q is not a well-formed ID (lower-case ASCII words joined by hyphens)", id))
		}
		switch {
		case r.Level < competency.MinLevel:
			l.Add(at+"/level", fmt.Sprintf("%d is below the scale's bottom level %d", r.Level, competency.MinLevel))
		case r.Level > competency.MaxLevel:
			l.Add(at+"/level", fmt.Sprintf("%d is above the scale's top level %d", r.Level, competency.MaxLevel))
		}
		if !r.Source.Valid() {
			l.Add(at+"/source", fmt.Sprintf("unknown source %q (want self, manager, peer, direct-report or assessment)", string(r.Source)))
		}
		if r.AssessedAt != "" {
			if _, err := time.Parse(DateLayout, r.AssessedAt); err != nil {
				l.Add(at+"/assessedAt", fmt.Sprintf("%q is not a date in the form YYYY-MM-DD", r.AssessedAt))
			}
		}
		for i, e := range r.Evidence {
			if !utf8.ValidString(e) {
				l.Add(problem.Join(at+"/evidence", i), "not valid UTF-8")
			}
		}
		if !utf8.ValidString(r.Note) {
			l.Add(at+"/note", "not valid UTF-8")
		}
	}
	for i, a := range p.Reviews {
		at := problem.Join("/reviews", i)
		if !a.Source.Valid() {
			l.Add(at+"/source", fmt.Sprintf("unknown source %q (want self, manager, peer, direct-report or assessment)", string(a.Source)))
		}
		if a.AssessedAt != "" {
			if _, err := time.Parse(DateLayout, a.AssessedAt); err != nil {
				l.Add(at+"/assessedAt", fmt.Sprintf("%q is not a date in the form YYYY-MM-DD", a.AssessedAt))
			}
		}
		if !utf8.ValidString(a.Rater) {
			l.Add(at+"/rater", "not valid UTF-8")
		}
		if !utf8.ValidString(a.Note) {
			l.Add(at+"/note", "not valid UTF-8")
		}
		if len(a.Levels) == 0 {
			l.Add(at+"/levels", "the review rates nothing")
		}
		for _, id := range slices.Sorted(maps.Keys(a.Levels)) {
			lat := problem.Join(at+"/levels", string(id))
			if !id.Valid() {
				l.Add(lat, fmt.Sprintf("%q is not a well-formed ID (lower-case ASCII words joined by hyphens)", id))
			}
			switch lv := a.Levels[id]; {
			case lv < competency.MinLevel:
				l.Add(lat, fmt.Sprintf("%d is below the scale's bottom level %d", lv, competency.MinLevel))
			case lv > competency.MaxLevel:
				l.Add(lat, fmt.Sprintf("%d is above the scale's top level %d", lv, competency.MaxLevel))
			}
		}
	}
}

// DefaultMaxBytes is the size bound [Load] puts on a profile document.
const DefaultMaxBytes = 1 << 20 // 1 MiB

// DefaultMaxDepth is the nesting bound [Load] puts on a profile document.
const DefaultMaxDepth = jsonx.DefaultMaxDepth

// Loader reads profile documents with configurable limits. The zero Loader
// uses [DefaultMaxBytes] and [DefaultMaxDepth].
type Loader struct {
	// MaxBytes bounds the document's size; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth bounds the nesting of arrays and objects; 0 means
	// DefaultMaxDepth.
	MaxDepth int
}

// Load reads one profile document from r, strictly: see [Load].
func (ld Loader) Load(r io.Reader) (Profile, error) {
	max := ld.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	lim := jsonx.Limits{MaxBytes: max, MaxDepth: ld.MaxDepth}
	data, pr := jsonx.ReadAll(r, lim)
	if pr != nil {
		return Profile{}, &ValidationError{Package: "profile", Problems: []Problem{*pr}}
	}
	var p Profile
	probs := jsonx.Load(data, &p, lim, schema.Profile, func() []Problem {
		var l problem.List
		p.check(&l)
		return l.Problems
	})
	if len(probs) > 0 {
		return Profile{}, &ValidationError{Package: "profile", Problems: probs}
	}
	// JSON omits empty collections, so hold nil to make encode then
	// decode return an equal value.
	if len(p.Ratings) == 0 {
		p.Ratings = nil
	}
	if len(p.Reviews) == 0 {
		p.Reviews = nil
	}
	for id, r := range p.Ratings {
		if r.Evidence != nil && len(r.Evidence) == 0 {
			r.Evidence = nil
			p.Ratings[id] = r
		}
	}
	return p, nil
}

// Load reads one profile document (JSON) from r, validates it against the
// profile JSON Schema (see package schema) and then with
// [Profile.Validate]. It rejects documents over [DefaultMaxBytes], unknown
// fields, duplicate keys (a rating given twice), nulls, values of the wrong
// type and anything after the document. The error, a *[ValidationError],
// names every problem with its JSON pointer.
func Load(r io.Reader) (Profile, error) {
	return Loader{}.Load(r)
}
