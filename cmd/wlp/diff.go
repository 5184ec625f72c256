package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// noCrosswalk is the -crosswalk value that pairs items by ID and name
// alone.
const noCrosswalk = "none"

// newDiff returns the diff command, its flags bound to e.
func newDiff(e *env) *Command {
	var cw string
	c := newCommand(&Command{
		Name:      "diff",
		UsageLine: "wlp diff [-json] [-crosswalk ID|FILE|none] [-combine POLICY] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] A B [PROFILE...]",
		Short:     "what changed from one framework to another, and how people's fits change",
		Long: `Diff lists what changed from framework A to framework B: the framework's
name and version; clusters; competencies and areas added, removed,
renamed, given a new ID, moved to another cluster or tier, or reworded;
roles and jobs added, removed or renamed; their requirements' IDs,
levels, weights, groups and rationales; and a job's shares of its roles.
A and B are each an embedded framework (` + strings.Join(wlp.Embedded(), ", ") + `) or a framework
document ("-" for standard input; a file named like an embedded ID is
read as ./ID).

Competencies and areas pair by ID, then by equal name (ignoring case and
spaces), unless several items of A, or of B, share the name: those are
listed as added and removed. A requirement pairs with the one of B over
the same IDs, or else the one sharing most of them. An item that moves
to the other tier shows the cluster it joins or leaves. -crosswalk pairs items through a
crosswalk first, an embedded one (` + strings.Join(crosswalk.Embedded(), ", ") + `)
or a crosswalk document: its exact links pair items before their IDs do,
its close links before names do. Between two embedded frameworks that an
embedded crosswalk connects, that crosswalk is used unless -crosswalk
none, and the output says so. With a crosswalk, an item removed or added
lists the crosswalk's links from it or into it, each with its relation
and how a level crosses it unless as it is ("related, carries nothing",
"narrower, at most 3"), and the crosswalk's note on why the item has no
counterpart ("unmapped") or why nothing leads to it ("new").

With PROFILE... it also scores each person against each role and job
that both frameworks hold, in A and in B, and lists the changes of fit,
the greatest gain first (then in the order of the people and targets).
A person's ratings count in B carried through the crosswalk when one is
used (see wlp migrate), else as they are, a rating of an item given a new
ID moving with it. A line names, once per person, the rated items whose
ratings count for nothing in B (an item removed, or one the crosswalk
carries nowhere), even when the frameworks share no role or job. Roles
and jobs in one framework only are listed once.
The people are read and checked against A.

` + combineDoc + `

With -json it prints the changes as one document, which validates
against "wlp schema diff": "a" and "b" name the frameworks, "crosswalk" the crosswalk that paired items, "changes" lists
each change with its kind, op (added, removed, changed), field, IDs, JSON
pointers in both documents (pathA, pathB) and old and new values (and,
with a crosswalk, an added or removed item's "links" and "note"), and
"fits" the fits: the roles and jobs in one framework only ("unscored"),
each person once with the items whose ratings count for nothing in B
("people", each with "uncarried"), and each person's change of fit
against each role and job in both ("changes").

The exit status is 0 whether or not the frameworks differ, as with git
diff without --exit-code.`,
		Example: `wlp diff astd-2004 atd-2013
wlp diff -crosswalk none astd-2004 atd-2020
wlp diff examples/frameworks/learning2.json my-learning2.json examples/data/dana.json`,
		MinArgs: 2,
		MaxArgs: -1,
		Run:     func(args []string) error { return runDiff(e, cw, args) },
	})
	c.Flag.BoolVar(&e.json, "json", false, "print the changes as JSON instead of text")
	c.Flag.StringVar(&cw, "crosswalk", "", "pair items through the crosswalk `ID|FILE` (an embedded ID, a crosswalk document or its CASE package); none pairs them by ID and name alone")
	c.combineFlag(e)
	c.peopleFlags(e)
	return c
}

// runDiff is `wlp diff A B [PROFILE...]`.
func runDiff(e *env, cw string, args []string) error {
	a, err := e.frameworkOf(args[0])
	if err != nil {
		return err
	}
	b, err := e.frameworkOf(args[1])
	if err != nil {
		return err
	}
	c, embedded, err := e.diffCrosswalk(cw, args[0], args[1], a, b)
	if err != nil {
		return err
	}
	o := &diff.Options{Crosswalk: c}
	ch := diff.Frameworks(a, b, o)
	var people []profile.Profile
	if len(args) > 2 {
		if people, err = e.loadProfiles(a, args[2:]); err != nil {
			return err
		}
		if ch.Fits, err = diff.Fits(a, b, people, o); err != nil {
			return err
		}
	}
	if e.json {
		return writeJSON(e.stdout, ch)
	}
	return printDiff(e, a, b, ch, embedded, people)
}

// diffCrosswalk returns the crosswalk -crosswalk names, checked against
// a and b: none for "none", an embedded one by its ID, else the document
// in the file; without -crosswalk, the embedded crosswalk from a to b
// when the arguments argA and argB name embedded frameworks. embedded
// reports that it chose the crosswalk itself.
func (e *env) diffCrosswalk(flagValue, argA, argB string, a, b *wlp.Framework) (c *crosswalk.Crosswalk, embedded bool, err error) {
	switch {
	case flagValue == noCrosswalk:
		return nil, false, nil
	case flagValue == "":
		if slices.Contains(wlp.Embedded(), argA) && slices.Contains(wlp.Embedded(), argB) {
			if c, ok := crosswalk.Between(argA, argB); ok {
				return c, true, nil
			}
		}
		return nil, false, nil
	default: // an embedded crosswalk, a crosswalk document, or a crosswalk's CASE package read against a and b
		if c, err = e.loadCrosswalk(flagValue, xwalkEnds{from: a, to: b}); err != nil {
			return nil, false, err
		}
	}
	if err := c.Check(a, b); err != nil {
		return nil, false, &docError{display(flagValue), problemsOf(err)}
	}
	return c, false, nil
}

// diffGroups are the headings the text output groups changes under.
var diffGroups = []struct {
	title string
	kinds []diff.Kind
}{
	{"The framework", []diff.Kind{diff.KindFramework}},
	{"Clusters", []diff.Kind{diff.KindCluster}},
	{"Competencies and areas", []diff.Kind{diff.KindCompetency, diff.KindArea}},
	{"Roles and jobs", []diff.Kind{diff.KindRole, diff.KindJob, diff.KindShare, diff.KindRequirement}},
}

// printDiff writes ch as text: a heading, then a table per group of
// changes, then the changes of fit.
func printDiff(e *env, a, b *wlp.Framework, ch *diff.Changes, embedded bool, people []profile.Profile) error {
	w := e.stdout
	say(w, "A: %s\nB: %s\n", frameworkTitle(a), frameworkTitle(b))
	switch {
	case ch.Crosswalk != "" && embedded:
		say(w, "Items pair through the embedded crosswalk %s (-crosswalk none pairs them by ID and name alone).\n", ch.Crosswalk)
	case ch.Crosswalk != "":
		say(w, "Items pair through the crosswalk %s.\n", clean(ch.Crosswalk))
	}
	added, removed, changed := ch.Count()
	if ch.Empty() {
		say(w, "No changes.\n")
	} else {
		say(w, "%s: %d added, %d removed, %d changed.\n", plural(len(ch.List), "change"), added, removed, changed)
	}
	for _, g := range diffGroups {
		var rows []diff.Change
		for _, c := range ch.List {
			if slices.Contains(g.kinds, c.Kind) {
				rows = append(rows, c)
			}
		}
		if len(rows) == 0 {
			continue
		}
		say(w, "\n%s\n", g.title)
		t := newTable(w)
		t.row("", "CHANGE", "WHAT")
		t.wrap(2)
		t.give(2)
		// subject is the thing under the last heading: a change of the
		// same thing, or of a role's or job's requirements and shares,
		// goes under it without a heading of its own.
		subject := ""
		for _, c := range rows {
			f := b
			if c.Op == diff.Removed {
				f = a
			}
			switch {
			case c.Kind == diff.KindRequirement || c.Kind == diff.KindShare:
				if s := "target " + string(c.Target); s != subject {
					subject = s
					name, kind := targetName(b, c.Target)
					heading(t, kind+" "+string(c.Target)+": "+name)
				}
			case c.Op != diff.Changed:
				subject = ""
				heading(t, string(c.Op)+" "+string(c.Kind)+" "+c.ID+": "+thingName(f, c))
				if len(c.Links) > 0 {
					t.row(linkRow(c))
				}
				if c.Note != "" {
					t.row(noteRow(c))
				}
				continue
			case c.Kind != diff.KindFramework:
				s := string(c.Kind) + " " + c.ID
				if c.Kind == diff.KindRole || c.Kind == diff.KindJob {
					s = "target " + c.ID // as its requirements and shares name it
				}
				if s != subject {
					subject = s
					heading(t, string(c.Kind)+" "+c.ID+": "+thingName(b, c))
				}
			}
			t.row("", changeWord(c), changeDetail(a, b, c))
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	if len(people) > 0 {
		return printFitChanges(e, a, people, ch.Fits, ch.Crosswalk != "")
	}
	return nil
}

// headingIndent indents the continuation lines of a heading.
const headingIndent = "    "

// heading adds a heading on lines of its own to t: title, wrapped at
// spaces within maxWidth columns, never cut, its continuations indented
// by headingIndent.
func heading(t *table, title string) {
	for i, line := range wrapLines(clean(title), maxWidth, maxWidth-len(headingIndent)) {
		if i > 0 {
			line = headingIndent + line
		}
		t.section(line)
	}
}

// frameworkTitle names a framework for the heading: "astd-2004 (ASTD
// Workplace ..., version 2004)".
func frameworkTitle(f *wlp.Framework) string {
	var parts []string
	if f.Name() != "" {
		parts = append(parts, brief(f.Name()))
	}
	if f.Version() != "" {
		parts = append(parts, "version "+brief(f.Version()))
	}
	id := cmp.Or(f.ID(), "(no ID)")
	if len(parts) == 0 {
		return id
	}
	return id + " (" + strings.Join(parts, ", ") + ")"
}

// changeWord names a change in the CHANGE column: added, removed, or
// what changed.
func changeWord(c diff.Change) string {
	if c.Op != diff.Changed {
		return string(c.Op)
	}
	switch c.Field {
	case diff.FieldName:
		return "renamed"
	case diff.FieldID:
		return "new ID"
	case diff.FieldAtLeast:
		return "at least"
	}
	return string(c.Field)
}

// changeDetail says what a change is in words, with the names the
// frameworks give.
func changeDetail(a, b *wlp.Framework, c diff.Change) string {
	f := b
	if c.Op == diff.Removed {
		f = a
	}
	var what string
	switch c.Kind {
	case diff.KindRequirement:
		what = "requirement " + requirementLabel(f, c.Of)
	case diff.KindShare:
		what = "share of " + roleName(f, role.ID(c.ID))
	}
	switch c.Op {
	case diff.Added, diff.Removed:
		if what != "" {
			return what + detailOfPlace(f, c)
		}
		return thingName(f, c)
	}
	var v string
	switch c.Field {
	case diff.FieldBehaviors, diff.FieldOf:
		v = listChange(c.Added, c.Removed)
	case diff.FieldSummary, diff.FieldDescription, diff.FieldWhy, diff.FieldTechnologies:
		v = quoted(c.Old) + " -> " + quoted(c.New)
	case diff.FieldLevel:
		v = levelText(c.Old) + " -> " + levelText(c.New)
	case diff.FieldCluster:
		// A change of tier: an area has no cluster.
		switch {
		case c.Old == "" && c.New != "":
			v = "joins " + clusterLabel(b, c.New)
		case c.New == "" && c.Old != "":
			v = "leaves " + clusterLabel(a, c.Old)
		default:
			v = cmp.Or(c.Old, "(none)") + " -> " + cmp.Or(c.New, "(none)")
		}
	default:
		v = cmp.Or(c.Old, "(none)") + " -> " + cmp.Or(c.New, "(none)")
	}
	if c.Relation != "" {
		v += " (" + string(c.Relation) + " link)"
	}
	if what != "" {
		return what + ": " + v
	}
	return v
}

// requirementLabel names the IDs of a requirement: their names, up to
// three, else how many of what ("9 areas of expertise").
func requirementLabel(f *wlp.Framework, of []competency.ID) string {
	if len(of) > 3 {
		return strings.TrimPrefix(f.Label(of, 0), "all ")
	}
	names := make([]string, len(of))
	for i, id := range of {
		names[i] = nameOf(f, id)
	}
	return andList(names)
}

// detailOfPlace says, for an added or removed requirement or share, its
// level and weight in the framework that has it.
func detailOfPlace(f *wlp.Framework, c diff.Change) string {
	path := cmp.Or(c.PathB, c.PathA)
	var reqs []role.Requirement
	var shares []role.Share
	if r, ok := f.Role(c.Target); ok {
		reqs = r.Requirements
	} else if j, ok := f.Job(c.Target); ok {
		reqs, shares = j.Requirements, j.Roles
	}
	i, err := strconv.Atoi(path[strings.LastIndexByte(path, '/')+1:])
	if err != nil || i < 0 {
		return ""
	}
	switch {
	case c.Kind == diff.KindRequirement && i < len(reqs):
		r := reqs[i]
		s := fmt.Sprintf(" at level %s, weight %s", level(r.Level), weight(r.Weight))
		if r.AtLeast > 0 && r.AtLeast < len(r.Of) {
			s = fmt.Sprintf(" (any %d)", r.AtLeast) + s
		}
		return s
	case c.Kind == diff.KindShare && i < len(shares):
		return ", weight " + weight(shares[i].Weight)
	}
	return ""
}

// clusterLabel names a cluster of f by its ID and name: "personal
// (Personal)", or its ID alone when f does not name it.
func clusterLabel(f *wlp.Framework, id string) string {
	if ci, ok := f.Cluster(competency.Cluster(id)); ok && ci.Name != "" {
		return id + " (" + ci.Name + ")"
	}
	return id
}

// linkRow returns the cells of the row under a removed item that says
// where the crosswalk's links from it lead, or under an added one where
// those into it come from, each with its relation and, unless it
// carries the level as it is, its carry: "links to", "business-skills
// (broader), interpersonal-skills (related, carries nothing),
// coaching (narrower, at most 3), ...".
func linkRow(c diff.Change) (blank, word, what string) {
	word = "links to"
	if c.Op == diff.Added {
		word = "links from"
	}
	parts := make([]string, len(c.Links))
	for i, l := range c.Links {
		parts[i] = string(l.ID) + " (" + string(l.Relation) + carryWords(l) + ")"
	}
	return "", word, someOf(parts, maxListed)
}

// carryWords says how a level crosses a link, after its relation: ""
// for the level as it is, ", at most 3" for a cap, ", carries nothing".
func carryWords(l diff.Link) string {
	switch l.Carry {
	case crosswalk.CarryCapped:
		return ", at most " + strconv.Itoa(int(l.Cap))
	case crosswalk.CarryNone:
		return ", carries nothing"
	}
	return ""
}

// noteRow returns the cells of the row under a removed or added item
// that gives the crosswalk's note on it: "unmapped" (why the item has
// no counterpart) or "new" (why nothing leads to it), then the note.
func noteRow(c diff.Change) (blank, word, what string) {
	word = "unmapped"
	if c.Op == diff.Added {
		word = "new"
	}
	return "", word, c.Note
}

// thingName names the cluster, item, role or job c is about, as f has it.
func thingName(f *wlp.Framework, c diff.Change) string {
	switch c.Kind {
	case diff.KindCluster:
		if ci, ok := f.Cluster(competency.Cluster(c.ID)); ok {
			return ci.Name
		}
	case diff.KindCompetency, diff.KindArea:
		return nameOf(f, competency.ID(c.ID))
	case diff.KindRole, diff.KindJob:
		name, _ := targetName(f, role.ID(c.ID))
		return name
	case diff.KindFramework:
		return cmp.Or(f.Name(), f.ID())
	}
	return c.ID
}

// listChange says what a list gained and lost: "added “a”, “b”;
// removed “c”".
func listChange(added, removed []string) string {
	var parts []string
	for _, l := range []struct {
		verb  string
		items []string
	}{{"added", added}, {"removed", removed}} {
		if len(l.items) == 0 {
			continue
		}
		q := make([]string, len(l.items))
		for i, s := range l.items {
			q[i] = quoted(s)
		}
		parts = append(parts, l.verb+" "+strings.Join(q, ", "))
	}
	return strings.Join(parts, "; ")
}

// quoted quotes a text for a change of it, or says it was empty.
func quoted(s string) string {
	if s == "" {
		return "(none)"
	}
	return "“" + s + "”"
}

// levelText writes a level of a change with its name: "4 proficient".
func levelText(s string) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return s
	}
	return level(competency.Level(n))
}

// printFitChanges writes the changes of fit: the targets in one
// framework only, then for each person whose ratings of some items of a
// count for nothing in B a line that names them (whether or not the
// frameworks share a target), then a table of each person's change
// against each target in both, the greatest gain first. linked says
// that the ratings crossed through a crosswalk.
func printFitChanges(e *env, a *wlp.Framework, people []profile.Profile, fits *diff.FitReport, linked bool) error {
	w := e.stdout
	names := make(map[string]string, len(people))
	for _, p := range people {
		names[p.ID] = who(p)
	}
	var onlyA, onlyB []string
	for _, u := range fits.Unscored {
		if u.Only == "a" {
			onlyA = append(onlyA, string(u.Target))
		} else {
			onlyB = append(onlyB, string(u.Target))
		}
	}
	say(w, "\nChanges of fit, the greatest gain first\n")
	if len(onlyA) > 0 {
		say(w, "In A only, not scored: %s.\n", clean(someOf(onlyA, maxListed)))
	}
	if len(onlyB) > 0 {
		say(w, "In B only, not scored: %s.\n", clean(someOf(onlyB, maxListed)))
	}
	for _, p := range fits.People {
		if len(p.Uncarried) > 0 {
			say(w, "%s\n", uncarriedLine(a, names[p.Profile], p.Uncarried, linked))
		}
	}
	if len(fits.Changes) == 0 {
		say(w, "No role or job is in both frameworks: no fit to compare.\n")
		return nil
	}
	rows := slices.Clone(fits.Changes)
	slices.SortStableFunc(rows, func(x, y diff.FitChange) int { return cmp.Compare(y.Change, x.Change) })
	t := newTable(w)
	t.row("PERSON", "TARGET", "FIT IN A", "FIT IN B", "CHANGE")
	t.give(1, 0)
	for _, fc := range rows {
		t.row(names[fc.Profile], fc.Name, fitCell(fc.A), fitCell(fc.B), signedPts(fc.Change))
	}
	return t.flush()
}

// uncarriedLine says that a person's ratings of the items ids of a
// count for nothing in B: "Dana: the ratings of Coaching and Networking
// have no counterpart in B; they count in A's fits only." linked says
// that a crosswalk carried the others.
func uncarriedLine(a *wlp.Framework, person string, ids []competency.ID, linked bool) string {
	items := make([]string, len(ids))
	for i, id := range ids {
		items[i] = nameOf(a, id)
	}
	list := andList(items)
	if len(items) > maxListed {
		list = someOf(items, maxListed)
	}
	what, verb, it := "ratings", "have no counterpart in B", "they count"
	if len(ids) == 1 {
		what, verb, it = "rating", "has no counterpart in B", "it counts"
	}
	if linked {
		verb = "carry to nothing in B through the crosswalk (wlp migrate says why)"
		if len(ids) == 1 {
			verb = "carries to nothing in B through the crosswalk (wlp migrate says why)"
		}
	}
	return fmt.Sprintf("%s: the %s of %s %s; %s in A's fits only.", person, what, list, verb, it)
}

// fitCell writes a fit and its grade: "79.6% partial".
func fitCell(f diff.Fit) string {
	return pct(f.Fit) + " " + gradeWord(f.Confidence)
}

// signedPts writes a change of fit in percentage points, with its sign:
// "+2.5 pts", "-1.0 pts", "0.0 pts".
func signedPts(x float64) string {
	s := strconv.FormatFloat(100*x, 'f', 1, 64)
	switch {
	case s == "0.0" || s == "-0.0":
		return "0.0 pts"
	case x > 0:
		return "+" + s + " pts"
	}
	return s + " pts"
}
