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
	"github.com/wlpmodel/wlp/problem"
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
// date such as "2026-03-31". It is [time.DateOnly].
const DateLayout = "2006-01-02"

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
	// Combined names the policy by which [Profile.Combine] made this
	// rating from the profile's reviews; it is empty for a rating given
	// directly. Combine counts a direct rating as one more view beside the
	// reviews, and recomputes a combined one.
	Combined Policy `json:"combined,omitempty" jsonschema:"enum=,enum=median,enum=manager-first,enum=mean-except-self"`
	// Carried records where the rating came from when it was carried from
	// another framework through a crosswalk; nil for a rating given here.
	Carried *Carried `json:"carried,omitempty"`
}

// Profile is one person's proficiency ratings.
type Profile struct {
	// ID identifies the person within the caller's systems, such as an
	// employee number or an e-mail address. It is required and breaks ties
	// when people rank equally. It is 1 to 64 ASCII letters, digits and
	// the marks . _ @ + -, does not start with a dot or a hyphen nor end
	// with a dot, and is not a device name Windows reserves (CON, PRN,
	// AUX, NUL, COM0-9, LPT0-9, alone or before a dot), so that it can
	// name a file: see [ValidID].
	ID string `json:"id" jsonschema:"minLength=1,maxLength=64,pattern=^(([A-Za-z0-9_@+]|[A-Za-z0-9_@+][A-Za-z0-9_@+-]|[BD-MOQ-Zbd-moq-z0-9_@+][A-Za-z0-9_@+-][A-Za-z0-9_@+-]|[Cc]([A-NP-Za-np-z0-9_@+-][A-Za-z0-9_@+-]|[Oo][A-MO-Za-mo-z0-9_@+-])|[Pp]([A-QS-Za-qs-z0-9_@+-][A-Za-z0-9_@+-]|[Rr][A-MO-Za-mo-z0-9_@+-])|[Aa]([A-TV-Za-tv-z0-9_@+-][A-Za-z0-9_@+-]|[Uu][A-WYZa-wyz0-9_@+-])|[Nn]([A-TV-Za-tv-z0-9_@+-][A-Za-z0-9_@+-]|[Uu][A-KM-Za-km-z0-9_@+-])|[ABD-KM-Zabd-km-z0-9_@+][A-Za-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-]|[Cc]([A-NP-Za-np-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-]|[Oo]([A-LN-Za-ln-z0-9_@+-][A-Za-z0-9_@+-]|[Mm][A-Za-z_@+-]))|[Ll]([A-OQ-Za-oq-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-]|[Pp]([A-SU-Za-su-z0-9_@+-][A-Za-z0-9_@+-]|[Tt][A-Za-z_@+-]))|[A-Za-z0-9_@+][A-Za-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-]+)([.][A-Za-z0-9._@+-]*[A-Za-z0-9_@+-])?)?$"`
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
// profile has no rating for it. It costs one map look-up.
func (p Profile) Level(id competency.ID) competency.Level {
	return p.Ratings[id].Level
}

// Clone returns a deep copy of p. It costs O(size of p) time and memory.
func (p Profile) Clone() Profile {
	if p.Ratings != nil {
		r := make(map[competency.ID]Rating, len(p.Ratings))
		for id, rt := range p.Ratings {
			rt.Evidence = slices.Clone(rt.Evidence)
			if rt.Carried != nil {
				c := rt.Carried.Clone()
				rt.Carried = &c
			}
			r[id] = rt
		}
		p.Ratings = r
	}
	if p.Reviews != nil {
		as := make([]Review, len(p.Reviews))
		for i, a := range p.Reviews {
			a.Levels = maps.Clone(a.Levels)
			a.Evidence = slices.Clone(a.Evidence)
			if a.Carried != nil {
				cs := make(map[competency.ID]Carried, len(a.Carried))
				for id, c := range a.Carried {
					cs[id] = c.Clone()
				}
				a.Carried = cs
			}
			as[i] = a
		}
		p.Reviews = as
	}
	return p
}

// IDs returns the IDs the profile rates, directly or in a review, in
// sorted order. It costs O(n log n) time for the n IDs rated and O(n)
// memory.
func (p Profile) IDs() []competency.ID {
	if len(p.Reviews) == 0 {
		return slices.Sorted(maps.Keys(p.Ratings))
	}
	set := make(map[competency.ID]struct{}, len(p.Ratings))
	for id := range p.Ratings {
		set[id] = struct{}{}
	}
	for _, a := range p.Reviews {
		for id := range a.Levels {
			set[id] = struct{}{}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// Problem is one thing wrong with a profile document. It is another name
// for [problem.Problem], documented there: its Path is a JSON pointer
// such as "/ratings/coaching/level" ("" for the whole document), and its
// Message says what is wrong.
type Problem = problem.Problem

// ValidationError is the error of a profile that failed to load or
// validate. It is another name for [problem.Error], documented there, and
// so the same type as wlp.ValidationError. It lists the problems found in
// its field Problems, a []Problem: the first [problem.MaxReported]
// (1,000) of them, with the number of the others in its field Omitted.
// Its Error method prints one line per problem, each starting with
// "profile: ".
type ValidationError = problem.Error

// Validate checks p on its own: its ID follows the rule of [ValidID],
// every rated ID is well formed, every level is on the scale, every
// source and policy is known, every date is a real calendar date, every
// rater follows the rule of [Review.Rater], every review rates something,
// every [Carried] record is well formed (its IDs, levels on the scale, a
// known relation and rule, at least one source, and, in a review, a key
// among that review's levels) and all text is valid UTF-8. The error, a *[ValidationError], lists
// every problem (the first 1,000, and a count of the rest), in a fixed
// order.
//
// Validate costs O(size of p) time, plus O(n log n) to sort the n rated
// IDs when there is a problem to report; it allocates only to report
// problems.
func (p Profile) Validate() error {
	var l problem.List
	p.check(&l)
	return l.Err("profile")
}

// add records a problem, building its path and message only when the
// list still has room for them: a hostile document can hold millions of
// problems, and only the first MaxReported are kept.
func add(l *problem.List, at func() string, msg func() string) {
	if l.Full() {
		l.Omit(1)
		return
	}
	l.Add(at(), msg())
}

func (p Profile) check(l *problem.List) {
	if msg := idProblem(p.ID); msg != "" {
		l.Add("/id", msg)
	}
	if !utf8.ValidString(p.Name) {
		l.Add("/name", "the name is not valid UTF-8")
	}
	// The ratings are checked in ID order, so that the report is the same
	// every time; a first pass in map order finds whether there is
	// anything to report, so that a valid profile costs no sort.
	bad := false
	for id, r := range p.Ratings {
		if !id.Valid() || !r.valid() {
			bad = true
			break
		}
	}
	if bad {
		for _, id := range slices.Sorted(maps.Keys(p.Ratings)) {
			p.Ratings[id].check(l, id)
		}
	}
	for i := range p.Reviews {
		p.Reviews[i].check(l, i)
	}
}

// valid reports whether r would add no problem in check.
func (r Rating) valid() bool {
	if r.Level < competency.MinLevel || r.Level > competency.MaxLevel || !r.Source.Valid() || !r.Combined.valid() ||
		!validDate(r.AssessedAt) || !utf8.ValidString(r.Note) || r.Carried != nil && !r.Carried.ok() {
		return false
	}
	for _, e := range r.Evidence {
		if !utf8.ValidString(e) {
			return false
		}
	}
	return true
}

// validDate reports whether s is empty or a calendar date as YYYY-MM-DD.
func validDate(s string) bool {
	if s == "" {
		return true
	}
	_, err := time.Parse(DateLayout, s)
	return err == nil
}

const sourceWant = "(want self, manager, peer, direct-report or assessment)"

func (r Rating) check(l *problem.List, id competency.ID) {
	at := func(field string) func() string {
		return func() string { return problem.Join("/ratings", string(id)) + field }
	}
	if !id.Valid() {
		add(l, at(""), func() string {
			return fmt.Sprintf("%s is not a well-formed ID (lower-case ASCII words joined by hyphens)", problem.Quote(string(id)))
		})
	}
	if msg := levelProblem(r.Level); msg != "" {
		add(l, at("/level"), func() string { return msg })
	}
	if !r.Source.Valid() {
		add(l, at("/source"), func() string {
			return fmt.Sprintf("unknown source %s %s", problem.Quote(string(r.Source)), sourceWant)
		})
	}
	if !validDate(r.AssessedAt) {
		add(l, at("/assessedAt"), func() string {
			return fmt.Sprintf("%s is not a date in the form YYYY-MM-DD", problem.Quote(r.AssessedAt))
		})
	}
	for i, e := range r.Evidence {
		if !utf8.ValidString(e) {
			add(l, func() string { return problem.Join("/ratings", string(id), "evidence", i) }, func() string { return "not valid UTF-8" })
		}
	}
	if !utf8.ValidString(r.Note) {
		add(l, at("/note"), func() string { return "not valid UTF-8" })
	}
	if !r.Combined.valid() {
		add(l, at("/combined"), func() string {
			return fmt.Sprintf("unknown policy %s (want median, manager-first or mean-except-self, or nothing for a direct rating)", problem.Quote(string(r.Combined)))
		})
	}
	if r.Carried != nil {
		r.Carried.check(l, problem.Join("/ratings", string(id), "carried"))
	}
}

// levelProblem says what is wrong with a rated level, or returns "".
func levelProblem(lv competency.Level) string {
	switch {
	case lv < competency.MinLevel:
		return fmt.Sprintf("%d is below the scale's bottom level %d", lv, competency.MinLevel)
	case lv > competency.MaxLevel:
		return fmt.Sprintf("%d is above the scale's top level %d", lv, competency.MaxLevel)
	}
	return ""
}

func (a Review) check(l *problem.List, i int) {
	at := func(field string) func() string {
		return func() string { return problem.Join("/reviews", i) + field }
	}
	if msg := raterProblem(a.Rater); msg != "" {
		add(l, at("/rater"), func() string { return msg })
	}
	if !a.Source.Valid() {
		add(l, at("/source"), func() string {
			return fmt.Sprintf("unknown source %s %s", problem.Quote(string(a.Source)), sourceWant)
		})
	}
	if !validDate(a.AssessedAt) {
		add(l, at("/assessedAt"), func() string {
			return fmt.Sprintf("%s is not a date in the form YYYY-MM-DD", problem.Quote(a.AssessedAt))
		})
	}
	if len(a.Levels) == 0 {
		add(l, at("/levels"), func() string { return "the review rates nothing" })
	}
	bad := false
	for id, lv := range a.Levels {
		if !id.Valid() || lv < competency.MinLevel || lv > competency.MaxLevel {
			bad = true
			break
		}
	}
	if bad {
		for _, id := range slices.Sorted(maps.Keys(a.Levels)) {
			lat := func() string { return problem.Join("/reviews", i, "levels", string(id)) }
			if !id.Valid() {
				add(l, lat, func() string {
					return fmt.Sprintf("%s is not a well-formed ID (lower-case ASCII words joined by hyphens)", problem.Quote(string(id)))
				})
			}
			if msg := levelProblem(a.Levels[id]); msg != "" {
				add(l, lat, func() string { return msg })
			}
		}
	}
	for j, e := range a.Evidence {
		if !utf8.ValidString(e) {
			add(l, func() string { return problem.Join("/reviews", i, "evidence", j) }, func() string { return "not valid UTF-8" })
		}
	}
	if !utf8.ValidString(a.Note) {
		add(l, at("/note"), func() string { return "not valid UTF-8" })
	}
	bad = false
	for id, c := range a.Carried {
		if _, ok := a.Levels[id]; !ok || !id.Valid() || !c.ok() {
			bad = true
			break
		}
	}
	if bad {
		for _, id := range slices.Sorted(maps.Keys(a.Carried)) {
			base := problem.Join("/reviews", i, "carried", string(id))
			if !id.Valid() {
				add(l, func() string { return base }, func() string {
					return fmt.Sprintf("%s is not a well-formed ID (lower-case ASCII words joined by hyphens)", problem.Quote(string(id)))
				})
			} else if _, ok := a.Levels[id]; !ok {
				add(l, func() string { return base }, func() string {
					return fmt.Sprintf("%s is not among the review's levels: a carried record belongs to a level the review gives", problem.Quote(string(id)))
				})
			}
			c := a.Carried[id]
			c.check(l, base)
		}
	}
}

// DefaultMaxBytes is the size bound [Load] puts on a profile document.
const DefaultMaxBytes = 1 << 20 // 1 MiB

// DefaultMaxDepth is the nesting bound [Load] puts on a profile document.
const DefaultMaxDepth = 64

// Loader reads profile documents with configurable limits. The zero Loader
// uses [DefaultMaxBytes] and [DefaultMaxDepth].
type Loader struct {
	// MaxBytes bounds the document's size; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth bounds the nesting of arrays and objects; 0 means
	// DefaultMaxDepth. A value above the ceiling of 10,000 levels counts
	// as 10,000: the reader keeps some state per open level, and no
	// profile nests more than six deep.
	MaxDepth int
}

// Load reads one profile document from r, strictly: see [Load].
//
// Load costs time and memory linear in the document's size, whatever it
// holds. A document that fails stops being read at its 1,000th problem: 1
// MiB of empty reviews allocates about 2.5 bytes per byte of document in
// all. A valid document allocates the most per byte when it is made of
// tiny values: 1 MiB of the smallest valid reviews allocates about 28
// bytes per byte in all, most of it a map per review in the profile it
// returns; a typical profile of a few kilobytes allocates about 10.
func (ld Loader) Load(r io.Reader) (Profile, error) {
	max := ld.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	lim := jsonx.Limits{MaxBytes: max, MaxDepth: ld.MaxDepth}
	var p Profile
	// A profile's checks are all of one value on its own: they hold
	// whether or not the whole document could be read.
	err := jsonx.Read(r, &p, lim, "profile", func(bool) error {
		var l problem.List
		p.check(&l)
		return l.Err("profile")
	})
	if err != nil {
		return Profile{}, err
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
	for _, r := range p.Ratings {
		if r.Carried != nil {
			r.Carried.normalize() // through the pointer
		}
	}
	for i := range p.Reviews {
		a := &p.Reviews[i]
		if len(a.Evidence) == 0 {
			a.Evidence = nil
		}
		if len(a.Carried) == 0 {
			a.Carried = nil
		}
		for _, c := range a.Carried {
			c.normalize() // its sources are shared with the map's value
		}
	}
	return p, nil
}

// Load reads one profile document (JSON) from r and validates it with
// [Profile.Validate]. It rejects documents over [DefaultMaxBytes], unknown
// fields, a missing ID, duplicate keys (a rating given twice), nulls,
// values of the wrong type and anything after the document. The error, a
// *[ValidationError], names every problem with its JSON pointer (the
// first 1,000, and a count of the rest).
//
// Load does not run a JSON Schema validator, but it rejects every
// document that the profile schema of package schema rejects, and names
// every place the schema faults (a differential test and fuzz target
// hold it to that). Use [github.com/wlpmodel/wlp/schema.Validate] to
// check a document against the schema itself.
//
// Load costs time and memory linear in the document's size: see
// [Loader.Load] for the measured multiple.
func Load(r io.Reader) (Profile, error) {
	return Loader{}.Load(r)
}
