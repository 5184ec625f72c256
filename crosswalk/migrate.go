package crosswalk

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// Rule says how a migration combines several ratings that carry to one
// item of the target framework into one level. Whatever the rule, each
// source first carries its own level across its link (see [Carry]); the
// rule combines the carried levels. A source the profile does not rate
// takes no part: a missing rating is never read as level 0 here.
type Rule string

// The rules.
const (
	// RuleMedian takes the median of the carried levels; with an even
	// number of them, the lower of the two middle ones, so that a split
	// does not round up (the median of 2 and 4 is 2).
	RuleMedian Rule = "median"
	// RuleMean takes the mean of the carried levels, rounded to the
	// nearest level with halves rounding down (2 and 3 give 2, 2 and 4
	// give 3).
	RuleMean Rule = "mean"
	// RuleMin takes the lowest carried level.
	RuleMin Rule = "min"
	// RuleMax takes the highest carried level.
	RuleMax Rule = "max"
	// RuleStrongest counts only the sources whose link has the strongest
	// relation among them (exact before close, close before broader and
	// narrower, those before related; see [competency.Relation.Strength])
	// and takes the lower median of their carried levels: an exact match
	// outweighs any number of looser ones.
	//
	// It is the default: the closest evidence decides, and a looser link
	// counts only where nothing closer reached the item. A rating that
	// stands for the target item says more about it than ratings of
	// neighbouring items, and averaging them in would let the neighbours
	// pull the level toward theirs. Among sources of one strength, the
	// lower median keeps a split from rounding up.
	RuleStrongest Rule = "strongest"
)

// DefaultRule is the rule a migration uses when none is given:
// [RuleStrongest].
const DefaultRule = RuleStrongest

// Rules returns the rules in a fixed order, the default first, in a
// fresh slice.
func Rules() []Rule { return []Rule{RuleStrongest, RuleMedian, RuleMean, RuleMin, RuleMax} }

// Valid reports whether r is one of the rules of [Rules].
func (r Rule) Valid() bool { return slices.Contains(Rules(), r) }

// MigrateOptions holds the choices of a migration. The zero value and a
// nil *MigrateOptions choose the defaults.
type MigrateOptions struct {
	// Rule combines several sources of one target; empty means
	// [DefaultRule], RuleStrongest.
	Rule Rule
}

// A Migrator carries profiles of one framework into another through a
// crosswalk. NewMigrator checks and compiles the crosswalk once; each
// call of [Migrator.Migrate] then costs time linear in the profile's
// ratings and the links they reach, plus the target framework's items
// (for the report's unreached list) and a sort of each place's rated
// IDs. A Migrator never changes after NewMigrator returns it, so it is
// safe for concurrent use by several goroutines.
//
// How a profile migrates:
//
//   - Each rating of the profile, and each level of each of its reviews
//     (a place: the profile's own ratings, or one review), is a source.
//     It crosses every link that leaves its item. A link with
//     [CarryLevel] carries the level as it is; [CarryCapped], the level
//     but at most the link's Cap (a 5 across a link capped at 3 carries
//     3); [CarryNone], nothing: the link is listed in the report's Hints.
//   - Only ratings the profile holds carry. An item it does not rate
//     carries nothing; no level is invented for it.
//   - Within one place, the levels carried to one target item combine by
//     the [Rule] into one level. The rule uses every such source, except
//     [RuleStrongest], which uses only those across the strongest
//     relation among them and sets the others aside. The sources used are
//     listed, in the order of their IDs, in the new rating's
//     [profile.Carried] record, each with its level, the level it
//     carried, its link's relation and path, and its own carried record
//     when it had itself been carried before (so a profile migrated twice
//     nests its provenance). The record's Relation is the weakest
//     relation among the sources used (the first in ID order when two of
//     one strength differ), its Rule the rule when more than one source
//     reached the item. The sources set aside are listed only in the
//     report, as the carried rating's Outweighed.
//   - A new rating of the profile takes its facts from the sources used,
//     and only from them: their source (who rated) when they all agree,
//     else none; their earliest date, when every one of them has a date,
//     else none (a date stands for the whole rating, and part of it is
//     undated); the union of their evidence, in source order without
//     repeats (the evidence of any of them, not of each); the note of a
//     single source; the combining policy when all of them were combined
//     by the same one ([profile.Profile.Combine]).
//   - A review migrates on its own, its levels as the ratings do, and
//     keeps its rater, source, date, evidence and note; each level it
//     carries gets its record in the review's Carried map. A review whose
//     levels all carry nowhere is left out of the migrated profile, its
//     index in the report's Dropped list, and each of its levels in Lost.
//   - A source that carries to no item is in the report's Lost list,
//     with the reason: its item is not in the From framework, the
//     crosswalk lists it as unmapped, no link leaves it, every link from
//     it carries nothing, or the rule set it aside at every item it
//     carries to ([LostOutweighed]). A source used for at least one item
//     is not lost, whatever its other links do.
//   - An item of the target framework that the migrated profile rates
//     nowhere (neither directly nor in a review) is in the report's
//     Unreached list: it is to be assessed afresh.
//   - The migrated profile keeps the profile's ID and name, and passes
//     the target framework's [wlp.Framework.ValidateProfile].
//
// Provenance grows with every crossing: each carried rating holds its
// sources' records whole, so a profile's written size grows at each
// migration (2 to 4 times for the sample profiles at their first; more
// when one item's level reaches several items), and its nesting deepens
// by three levels. A profile crosses at most
// [MaxCrossings] crosswalks; Migrate refuses one whose provenance already
// records that many.
type Migrator struct {
	id, fromID, toID string
	rule             Rule
	from, to         *wlp.Framework
	links            []Link                          // a private copy
	out              map[competency.ID][]int         // the links leaving each item, in link order
	into             map[competency.ID][]int         // the links carrying a level into each item
	unmapped         map[competency.ID]string        // the crosswalk's notes
	isNew            map[competency.ID]string        // the crosswalk's notes
	lost             map[competency.ID]lostReasonWhy // items of from that carry to nothing
	unknownWhy       string                          // the Why of an ID from does not know
}

// lostReasonWhy is why an item of the From framework carries to nothing.
type lostReasonWhy struct {
	reason LostReason
	why    string
}

// NewMigrator checks c against the two frameworks (see
// [Crosswalk.Check]) and the options, and compiles c into a Migrator.
// The Migrator keeps a copy of c's links: c may change afterwards. It
// costs time and memory linear in the size of c and the frameworks'
// items.
func NewMigrator(c *Crosswalk, from, to *wlp.Framework, o *MigrateOptions) (*Migrator, error) {
	if c == nil || from == nil || to == nil {
		return nil, errors.New("crosswalk: NewMigrator needs a crosswalk and two frameworks")
	}
	rule := DefaultRule
	if o != nil && o.Rule != "" {
		rule = o.Rule
	}
	if !rule.Valid() {
		return nil, fmt.Errorf("crosswalk: unknown rule %s (want %s)", problem.Quote(string(rule)), ruleList())
	}
	if err := c.Check(from, to); err != nil {
		return nil, err
	}
	m := &Migrator{
		id: c.ID, fromID: cmp.Or(from.ID(), c.From), toID: cmp.Or(to.ID(), c.To), rule: rule, from: from, to: to,
		links:    make([]Link, len(c.Links)),
		out:      map[competency.ID][]int{},
		into:     map[competency.ID][]int{},
		unmapped: map[competency.ID]string{},
		isNew:    map[competency.ID]string{},
		lost:     map[competency.ID]lostReasonWhy{},
	}
	m.unknownWhy = fmt.Sprintf("not an item of the framework %s", problem.Quote(m.fromID))
	for i, l := range c.Links {
		l.Via = slices.Clone(l.Via)
		m.links[i] = l
		m.out[l.From] = append(m.out[l.From], i)
		if l.Carry != CarryNone {
			m.into[l.To] = append(m.into[l.To], i)
		}
	}
	for _, n := range c.Unmapped {
		m.unmapped[n.ID] = n.Why
	}
	for _, n := range c.New {
		m.isNew[n.ID] = n.Why
	}
	for _, id := range from.IDs() {
		if lr, ok := m.lostWhy(id); ok {
			m.lost[id] = lr
		}
	}
	return m, nil
}

// ruleList names the rules for a message: "strongest, median, mean, min
// or max".
func ruleList() string {
	rs := Rules()
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = string(r)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// lostWhy says why the item id of the From framework carries to nothing,
// or reports false when some link carries a level from it.
func (m *Migrator) lostWhy(id competency.ID) (lostReasonWhy, bool) {
	ls := m.out[id]
	if len(ls) == 0 {
		if why, ok := m.unmapped[id]; ok {
			return lostReasonWhy{LostUnmapped, why}, true
		}
		return lostReasonWhy{LostUnlinked, "no link of the crosswalk leaves it"}, true
	}
	var to []string
	for _, i := range ls {
		l := m.links[i]
		if l.Carry != CarryNone {
			return lostReasonWhy{}, false
		}
		to = append(to, fmt.Sprintf("%s (%s)", l.To, l.Relation))
	}
	return lostReasonWhy{LostCarriesNothing, "every link from it carries no level: to " + someIDs(to)}, true
}

// maxNamed is how many IDs a message of the report names before it
// counts the rest.
const maxNamed = 10

// someIDs joins the first maxNamed of ids with commas and counts the
// rest.
func someIDs(ids []string) string {
	if len(ids) <= maxNamed {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:maxNamed], ", "), len(ids)-maxNamed)
}

// Migrate carries p through c from the framework from to the framework
// to, by a Migrator made for this one profile: see [NewMigrator] and
// [Migrator.Migrate]. To migrate several profiles, make one Migrator.
func Migrate(p profile.Profile, c *Crosswalk, from, to *wlp.Framework, o *MigrateOptions) (profile.Profile, *Report, error) {
	m, err := NewMigrator(c, from, to, o)
	if err != nil {
		return profile.Profile{}, nil, err
	}
	return m.Migrate(p)
}

// MaxCrossings is how many crosswalks a profile may cross, one after
// the other: [Migrator.Migrate] refuses a profile with a rating or
// review level whose provenance ([profile.Carried], nested through its
// sources' Provenance) already records MaxCrossings crossings. Each
// crossing nests the record three levels deeper in the written profile,
// so a profile that crossed MaxCrossings crosswalks stays well within
// [profile.DefaultMaxDepth] and loads back.
const MaxCrossings = 8

// Migrate carries p into the Migrator's target framework and returns the
// migrated profile with the report of what it did, as the [Migrator]'s
// documentation describes. p must be valid on its own
// ([profile.Profile.Validate]), and no rating or review level of it may
// record [MaxCrossings] crossings already (an error names the profile
// and each such place); an ID the From framework does not know is not an
// error but a lost rating. p is not changed, and the result shares no
// memory with it.
//
// Migrate costs time linear in p's ratings and review levels, the links
// they cross and the target framework's items, plus a sort of each
// place's IDs, and memory linear in the result, which is at most the
// size of p times the most links that leave one item.
func (m *Migrator) Migrate(p profile.Profile) (profile.Profile, *Report, error) {
	if err := p.Validate(); err != nil {
		return profile.Profile{}, nil, err
	}
	if err := tooManyCrossings(p); err != nil {
		return profile.Profile{}, nil, err
	}
	r := &Report{
		Profile: p.ID, Crosswalk: m.id, From: m.fromID, To: m.toID, Rule: m.rule,
		Carried: []CarriedRating{}, Lost: []Lost{}, Unreached: []Unreached{}, Hints: []Hint{}, Dropped: []int{},
	}
	st := &migration{m: m, r: r, reached: map[competency.ID]bool{}, hinted: map[competency.ID]bool{}}
	out := profile.Profile{ID: p.ID, Name: p.Name}

	if len(p.Ratings) > 0 {
		srcs := make([]source, 0, len(p.Ratings))
		for id, rt := range p.Ratings {
			srcs = append(srcs, source{id: id, level: rt.Level, prov: rt.Carried, rating: rt})
		}
		for _, t := range st.place(srcs, nil, "") {
			if out.Ratings == nil {
				out.Ratings = map[competency.ID]profile.Rating{}
			}
			out.Ratings[t.id] = t.rating(srcs)
		}
	}
	for i, a := range p.Reviews {
		srcs := make([]source, 0, len(a.Levels))
		for id, lv := range a.Levels {
			s := source{id: id, level: lv}
			if c, ok := a.Carried[id]; ok {
				s.prov = &c
			}
			srcs = append(srcs, s)
		}
		ts := st.place(srcs, &i, a.Rater)
		if len(ts) == 0 {
			r.Dropped = append(r.Dropped, i)
			continue
		}
		nr := profile.Review{
			Rater: a.Rater, Source: a.Source, AssessedAt: a.AssessedAt, Evidence: slices.Clone(a.Evidence), Note: a.Note,
			Levels: make(map[competency.ID]competency.Level, len(ts)), Carried: make(map[competency.ID]profile.Carried, len(ts)),
		}
		for _, t := range ts {
			nr.Levels[t.id] = t.level
			nr.Carried[t.id] = t.carried
		}
		out.Reviews = append(out.Reviews, nr)
	}

	for _, id := range m.to.IDs() {
		if !st.reached[id] {
			r.Unreached = append(r.Unreached, st.unreached(id))
		}
	}
	return out, r, nil
}

// migration is the state of one call of Migrate.
type migration struct {
	m       *Migrator
	r       *Report
	reached map[competency.ID]bool // target items given a level anywhere
	hinted  map[competency.ID]bool // target items a link carrying nothing leads to from a rated item
}

// source is one rating or review level of the profile migrated.
type source struct {
	id     competency.ID
	level  competency.Level
	prov   *profile.Carried // its own record, when it was carried before
	rating profile.Rating   // a direct rating, for its metadata
}

// target is one level carried to one item within a place.
type target struct {
	id         competency.ID
	level      competency.Level
	carried    profile.Carried       // its Sources are those the rule used
	srcs       []int                 // indexes of the sources used, in the order of their IDs
	reached    []profile.CarriedFrom // every source that carried here, in the order of their IDs
	reachedBy  []int                 // their indexes
	outweighed []profile.CarriedFrom // the sources the rule set aside
}

// place migrates the sources of one place (the profile's ratings when
// review is nil, else a review's levels), records what it carries, loses
// and hints in the report, and returns the targets in the order of the
// target framework's items.
func (st *migration) place(srcs []source, review *int, rater string) []target {
	m := st.m
	slices.SortFunc(srcs, func(a, b source) int { return cmp.Compare(a.id, b.id) })
	byTarget := map[competency.ID]*target{}
	var order []*target
	var lost []Lost
	carries := make([]bool, len(srcs)) // the source crosses a link that carries a level
	for si, s := range srcs {
		if m.from.Index(s.id) < 0 {
			lost = append(lost, Lost{ID: s.id, Review: clonePtr(review), Rater: rater, Level: s.level,
				Reason: LostUnknown, Why: m.unknownWhy})
			continue
		}
		if lr, ok := m.lost[s.id]; ok {
			lost = append(lost, Lost{ID: s.id, Review: clonePtr(review), Rater: rater, Level: s.level,
				Reason: lr.reason, Why: lr.why})
		}
		for _, li := range m.out[s.id] {
			l := m.links[li]
			if l.Carry == CarryNone {
				st.hinted[l.To] = true
				st.r.Hints = append(st.r.Hints, Hint{ID: l.To, From: s.id, Review: clonePtr(review), Rater: rater,
					Level: s.level, Relation: l.Relation, Via: slices.Clone(l.Via), Why: l.Why})
				continue
			}
			carried := s.level
			if l.Carry == CarryCapped {
				carried = min(carried, l.Cap)
			}
			from := profile.CarriedFrom{ID: s.id, Level: s.level, Relation: l.Relation, Carried: carried, Via: slices.Clone(l.Via)}
			if s.prov != nil {
				c := s.prov.Clone()
				from.Provenance = &c
			}
			t := byTarget[l.To]
			if t == nil {
				t = &target{id: l.To, carried: profile.Carried{Crosswalk: m.id, From: m.fromID}}
				byTarget[l.To] = t
				order = append(order, t)
			}
			t.reached = append(t.reached, from)
			t.reachedBy = append(t.reachedBy, si)
			carries[si] = true
		}
	}
	slices.SortFunc(order, func(a, b *target) int { return cmp.Compare(m.to.Index(a.id), m.to.Index(b.id)) })
	used := make([]bool, len(srcs))
	out := make([]target, len(order))
	for i, t := range order {
		m.combine(t)
		for _, si := range t.srcs {
			used[si] = true
		}
		st.reached[t.id] = true
		weak := t.carried.Weak()
		st.r.Carried = append(st.r.Carried, CarriedRating{ID: t.id, Review: clonePtr(review), Rater: rater, Level: t.level,
			Relation: t.carried.Relation, Weak: weak, Rule: Rule(t.carried.Rule), Sources: t.carried.Clone().Sources,
			Outweighed: (&profile.Carried{Sources: t.outweighed}).Clone().Sources})
		out[i] = *t
	}
	// A source that carries a level but that the rule set aside wherever
	// it carries is lost too: no rating of the result stands on it.
	for si, s := range srcs {
		if carries[si] && !used[si] {
			lost = append(lost, Lost{ID: s.id, Review: clonePtr(review), Rater: rater, Level: s.level,
				Reason: LostOutweighed, Why: outweighedWhy(order, si)})
		}
	}
	slices.SortStableFunc(lost, func(a, b Lost) int { return cmp.Compare(a.ID, b.ID) })
	st.r.Lost = append(st.r.Lost, lost...)
	return out
}

// outweighedWhy says which stronger links decided the items the source
// srcs[si] carried to, where the rule set it aside.
func outweighedWhy(order []*target, si int) string {
	var at []string
	for _, t := range order {
		k := slices.Index(t.reachedBy, si)
		if k < 0 {
			continue
		}
		by := make([]string, len(t.carried.Sources))
		for j, f := range t.carried.Sources {
			by[j] = fmt.Sprintf("%s (%s)", f.ID, f.Relation)
		}
		at = append(at, fmt.Sprintf("at %s (%s) by %s", t.id, t.reached[k].Relation, strings.Join(by, ", ")))
	}
	if len(at) > maxNamed {
		at = append(at[:maxNamed], fmt.Sprintf("and %d more", len(at)-maxNamed))
	}
	return "outweighed by stronger links wherever it carries a level: " + strings.Join(at, "; ")
}

// clonePtr returns a pointer to a copy of *p, or nil.
func clonePtr(p *int) *int {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// combine sets t's level, by the rule, from the sources that reached
// it, and splits them into those the rule used (t.carried.Sources and
// t.srcs) and those it set aside (t.outweighed). The record's Relation
// is the weakest relation among the sources used, its Rule the rule when
// more than one source reached t.
func (m *Migrator) combine(t *target) {
	strongest := 0
	for _, f := range t.reached {
		strongest = max(strongest, f.Relation.Strength())
	}
	var count [competency.MaxLevel + 1]int
	n, sum := 0, 0
	lo, hi := competency.MaxLevel, competency.MinLevel
	var weakest competency.Relation
	for k, f := range t.reached {
		if m.rule == RuleStrongest && f.Relation.Strength() < strongest {
			t.outweighed = append(t.outweighed, f)
			continue
		}
		if weakest == "" || f.Relation.Strength() < weakest.Strength() {
			weakest = f.Relation
		}
		t.carried.Sources = append(t.carried.Sources, f)
		t.srcs = append(t.srcs, t.reachedBy[k])
		count[f.Carried]++
		n++
		sum += int(f.Carried)
		lo, hi = min(lo, f.Carried), max(hi, f.Carried)
	}
	t.carried.Relation = weakest
	if len(t.reached) > 1 {
		t.carried.Rule = string(m.rule)
	}
	switch m.rule {
	case RuleMean:
		// The nearest level to sum/n, halves down: ceil(sum/n - 1/2).
		t.level = competency.Level((2*sum + n - 1) / (2 * n))
	case RuleMin:
		t.level = lo
	case RuleMax:
		t.level = hi
	default:
		t.level = lowerMedian(count, n)
	}
}

// lowerMedian returns the lower median of n levels counted by level.
func lowerMedian(count [competency.MaxLevel + 1]int, n int) competency.Level {
	seen := 0
	for l, c := range count {
		seen += c
		if 2*seen >= n {
			return competency.Level(l)
		}
	}
	return competency.MaxLevel
}

// rating returns the new rating of the profile for t, made from the
// direct ratings srcs: its facts come from the sources the rule used.
func (t *target) rating(srcs []source) profile.Rating {
	first := srcs[t.srcs[0]].rating
	r := profile.Rating{Level: t.level, Source: first.Source, Combined: first.Combined}
	c := t.carried.Clone()
	r.Carried = &c
	if len(t.srcs) == 1 {
		r.AssessedAt, r.Evidence, r.Note = first.AssessedAt, slices.Clone(first.Evidence), first.Note
		return r
	}
	var seen map[string]bool
	dated := true
	for _, si := range t.srcs {
		s := srcs[si].rating
		if s.Source != r.Source {
			r.Source = profile.Unstated
		}
		if s.Combined != r.Combined {
			r.Combined = ""
		}
		if s.AssessedAt == "" {
			dated = false
		} else if r.AssessedAt == "" || s.AssessedAt < r.AssessedAt {
			r.AssessedAt = s.AssessedAt
		}
		for _, e := range s.Evidence {
			if seen == nil {
				seen = map[string]bool{}
			}
			if !seen[e] {
				seen[e] = true
				r.Evidence = append(r.Evidence, e)
			}
		}
	}
	if !dated {
		r.AssessedAt = ""
	}
	return r
}

// tooManyCrossings returns an error naming p and each of its ratings and
// review levels whose provenance records MaxCrossings crossings already,
// or nil. It costs time linear in the size of p's provenance, and
// descends at most MaxCrossings levels into it.
func tooManyCrossings(p profile.Profile) error {
	var l problem.List
	msg := fmt.Sprintf("profile %s: its provenance records %d crossings already, the most a profile may cross",
		problem.Quote(p.ID), MaxCrossings)
	for _, id := range slices.Sorted(maps.Keys(p.Ratings)) {
		if c := p.Ratings[id].Carried; c != nil && crossings(c, MaxCrossings) {
			l.Add(problem.Join("", "ratings", string(id), "carried"), msg)
		}
	}
	for i, a := range p.Reviews {
		for _, id := range slices.Sorted(maps.Keys(a.Carried)) {
			if c := a.Carried[id]; crossings(&c, MaxCrossings) {
				l.Add(problem.Join("", "reviews", i, "carried", string(id)), msg)
			}
		}
	}
	return l.Err("crosswalk")
}

// crossings reports whether the record c, nested through its sources'
// provenance, records at least n crossings; it looks no deeper than n.
func crossings(c *profile.Carried, n int) bool {
	if n <= 1 {
		return true
	}
	for _, s := range c.Sources {
		if s.Provenance != nil && crossings(s.Provenance, n-1) {
			return true
		}
	}
	return false
}

// unreached says why nothing reached the target item id.
func (st *migration) unreached(id competency.ID) Unreached {
	m := st.m
	if why, ok := m.isNew[id]; ok {
		return Unreached{ID: id, Reason: UnreachedNew, Why: why}
	}
	if st.hinted[id] {
		return Unreached{ID: id, Reason: UnreachedNotCarried,
			Why: "only links that carry no level lead here from what the profile rates (see the hints)"}
	}
	ls := m.into[id]
	if len(ls) == 0 {
		return Unreached{ID: id, Reason: UnreachedUnlinked, Why: "no link of the crosswalk leads here"}
	}
	from := make([]string, 0, len(ls))
	for _, i := range ls {
		from = append(from, string(m.links[i].From))
	}
	return Unreached{ID: id, Reason: UnreachedUnrated,
		Why: "the profile rates nothing that leads here; it would come from " + someIDs(from)}
}
