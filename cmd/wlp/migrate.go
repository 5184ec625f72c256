package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// migrateFlags are the flags of wlp migrate.
type migrateFlags struct {
	crosswalk, rule, from, to, dir, report string
	force                                  bool
}

// newMigrate returns the migrate command, its flags bound to e.
func newMigrate(e *env) *Command {
	var mf migrateFlags
	c := newCommand(&Command{
		Name:      "migrate",
		UsageLine: "wlp migrate -crosswalk ID|FILE [-rule strongest|median|mean|min|max] [-from FRAMEWORK] [-to FRAMEWORK] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] [-o DIR] [-force] [-report FILE] [-json] PROFILE...",
		Short:     "carry profiles into another framework through a crosswalk, with a record of where each rating came from",
		Long: `Migrate reads people rated against one framework and carries their ratings
into another through a crosswalk: an embedded one by its ID (the flag
-crosswalk below lists them) or a crosswalk document in a file. The
frameworks are the embedded ones the crosswalk names, unless -from and -to
name others (an embedded framework's ID or a framework document's file).
Every PROFILE is checked against the framework the profiles come from;
when they rate the items of another embedded framework instead, the
command says which, and the embedded crosswalk to use.

Each rating crosses every link that leaves its item. A link carries the
level as it is, at most its cap (a 5 across a link capped at 3 carries
3), or nothing: a link that carries nothing only informs, and the report
lists it as a hint. An item the person is not rated on carries nothing:
a missing rating is never read as level 0. When several ratings reach one
item, -rule combines the levels they carry: strongest (the default: only
the ratings across the strongest relation present count, exact before
close, close before broader and narrower, those before related, and of
those the lower median, so 2 and 4 give 2), median (the lower median of
them all), mean (rounded to the nearest level, halves down: 2 and 3 give
2, 2 and 4 give 3), min or max. The default lets the closest evidence
decide: a rating of an item that stands for the new one says more about
it than ratings of its neighbours, which count only where nothing closer
reached the item. A carried rating records, and takes its date, evidence
and source from, only the ratings its level was made from; the report
lists the ratings the rule set aside as outweighed, and a rating set
aside wherever it carries as lost. A review (a 360-degree rater's
levels) migrates on its own, and keeps its rater, source, date, evidence
and note; a review none of whose levels carries is dropped, and the
summary names it.

Every carried rating records where it came from, in its "carried" field:
the crosswalk, the ratings it was made from with their levels, the link
each crossed and its relation, and the rule; a rating that crossed a
looser link than an exact match says so by its relation. Nothing is
dropped silently: a rating that carries nowhere (its item is unmapped, no
link leaves it, every link from it carries nothing, or it was outweighed
wherever it carries) is reported as lost, and an item of the new
framework that nothing reached is reported as to be assessed afresh.
The record nests at each migration, so a migrated profile is several
times the size of the one it came from (2 to 4 times for the sample
profiles at their first crossing): a profile crosses at most 8
crosswalks, and wlp warns when a migrated profile is larger than the
1 MiB it reads back in one profile.

The migrated profiles go to standard output as JSON Lines (one profile a
line), or with -o DIR to one indented file per person in the folder DIR,
as "wlp import -o" writes them (-force to write over files). A summary
goes to standard error: per person the items of the new framework given
a level and the ratings that gives them (one for the profile's own
rating, one for each review's level), how many of those items rest on
exact links only and how many on weaker ones, the ratings lost (each
rating and each review's level counts) with the items they rate, by
name, the items to assess afresh, and the reviews dropped, by rater;
then the totals. With -json the
summary is one JSON document instead. -report FILE writes each person's
full report as JSON Lines, one "migration" document (see "wlp schema
migration") a line. Losing ratings is not a failure: wlp exits 0 once
every profile is migrated, and 1 when an input or the crosswalk is
invalid, writing nothing then.

` + peopleDoc,
		Example: `wlp migrate -crosswalk astd-2004-to-atd-2020 examples/data > people-2020.jsonl
wlp migrate -crosswalk atd-2013-to-atd-2020 -rule median -o people-2020 -report migration.jsonl team.csv
wlp migrate -crosswalk our-crosswalk.json -from ours-v1.json -to ours-v2.json profiles/`,
		MinArgs: 1,
		MaxArgs: -1,
		Run:     func(args []string) error { return runMigrate(e, mf, args) },
	})
	c.Flag.StringVar(&mf.crosswalk, "crosswalk", "", "carry the profiles through the crosswalk in `FILE` (a crosswalk document or its CASE package; \"-\" for standard input), or the embedded one with that ID ("+strings.Join(crosswalk.Embedded(), ", ")+"); required")
	c.Flag.StringVar(&mf.rule, "rule", string(crosswalk.DefaultRule), "combine several ratings that reach one item by `RULE`: strongest, median, mean, min or max")
	c.Flag.StringVar(&mf.from, "from", "", "read the framework the profiles are rated in from `FILE`, or take the embedded one with that ID, instead of the embedded one the crosswalk maps from")
	c.Flag.StringVar(&mf.to, "to", "", "read the framework to carry the profiles to from `FILE`, or take the embedded one with that ID, instead of the embedded one the crosswalk maps to")
	c.peopleFlags(e)
	c.Flag.StringVar(&mf.dir, "o", "", "write one file per person in the folder `DIR` instead of JSON Lines on standard output")
	c.Flag.BoolVar(&mf.force, "force", false, "with -o, write over files that exist")
	c.Flag.StringVar(&mf.report, "report", "", "write each person's migration report to `FILE`, as JSON Lines")
	c.Flag.BoolVar(&e.json, "json", false, "print the summary on standard error as JSON instead of text")
	return c
}

// runMigrate is `wlp migrate PROFILE...`.
func runMigrate(e *env, mf migrateFlags, args []string) error {
	if mf.crosswalk == "" {
		return usageError("-crosswalk is required: an embedded crosswalk's ID (" + orList(crosswalk.Embedded()) + ") or a crosswalk file")
	}
	rule := crosswalk.Rule(mf.rule)
	if !rule.Valid() {
		var names []string
		for _, r := range crosswalk.Rules() {
			names = append(names, string(r))
		}
		return usageError(fmt.Sprintf("-rule %s: want %s", problem.Quote(mf.rule), orList(names)))
	}
	if mf.force && mf.dir == "" {
		return usageError("-force goes with -o DIR")
	}
	cw, err := e.loadCrosswalk(mf.crosswalk, xwalkEnds{fromFlag: mf.from, toFlag: mf.to})
	if err != nil {
		return err
	}
	from, err := e.migrateFramework(mf.from, "-from", cw.From, "from")
	if err != nil {
		return err
	}
	to, err := e.migrateFramework(mf.to, "-to", cw.To, "to")
	if err != nil {
		return err
	}
	m, err := crosswalk.NewMigrator(cw, from, to, &crosswalk.MigrateOptions{Rule: rule})
	if err != nil {
		var ve *problem.Error
		if errors.As(err, &ve) {
			return &docError{display(mf.crosswalk), problemsOf(err)}
		}
		return err
	}
	ps, err := e.readPeopleAsIs(from, args)
	if err != nil {
		if hint := ratedOn(args, from, cw.To); hint != "" {
			return fmt.Errorf("%w\n%s", err, hint)
		}
		return err
	}
	out := make([]people.Person, len(ps))
	reports := make([]*crosswalk.Report, len(ps))
	for i, p := range ps {
		np, rep, err := m.Migrate(p.Profile)
		if err != nil {
			return fmt.Errorf("%s: %v", clean(p.Place.String()), err)
		}
		out[i] = people.Person{Profile: np, Place: p.Place}
		reports[i] = rep
	}
	// Refuse a folder of existing files before writing anything.
	var names []string
	if mf.dir != "" {
		if names, err = profileFiles(mf.dir, out, mf.force, e.inputs); err != nil {
			return err
		}
	}
	if mf.report != "" {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		for _, r := range reports {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		if err := writeFile(mf.report, b.Bytes(), e.inputs); err != nil {
			return err
		}
	}
	// Warn of each profile whose written form is larger than other
	// commands read (see sizeWarning).
	warn := func(p people.Person, size int) {
		fmt.Fprint(e.stderr, sizeWarning(p.Profile.ID, p.Place.String(), size))
	}
	if err := e.writeProfiles(out, names, mf.dir, warn); err != nil {
		return err
	}
	return writeMigrationSummary(e.stderr, from, ps, reports, e.json)
}

// migrateFramework returns the framework -from or -to names, or when it
// is not given, the embedded framework with the ID the crosswalk names
// (named, the crosswalk's From or To).
func (e *env) migrateFramework(arg, flagName, id, side string) (*wlp.Framework, error) {
	if arg != "" {
		return e.frameworkOf(arg)
	}
	if slices.Contains(wlp.Embedded(), id) {
		return wlp.LoadEmbedded(id)
	}
	return nil, fmt.Errorf("the crosswalk maps %s the framework %s, which is not embedded (the embedded ones are %s): name its file with %s FILE",
		side, problem.Quote(id), strings.Join(wlp.Embedded(), ", "), flagName)
}

// migrationCounts is what the summary says of one person, or of all.
type migrationCounts struct {
	Profile string `json:"profile,omitempty"`
	// CarriedItems counts the items of the TO framework given a level,
	// directly or in a review, and CarriedRatings the levels given them
	// (a direct rating and each review's level count one each);
	// ExactItems counts the items whose every level crossed exact links
	// only, WeakerItems the others.
	CarriedItems   int `json:"carriedItems"`
	CarriedRatings int `json:"carriedRatings"`
	ExactItems     int `json:"exactItems"`
	WeakerItems    int `json:"weakerItems"`
	// LostRatings counts the ratings and review levels that carried
	// nowhere; LostItems names the items of the FROM framework they rate.
	LostRatings int        `json:"lostRatings"`
	LostItems   []lostItem `json:"lostItems,omitempty"`
	// UnreachedItems counts the items of the TO framework to assess
	// afresh.
	UnreachedItems int `json:"unreachedItems"`
	// DroppedReviews counts the reviews left out of the migrated
	// profile, none of whose levels carried; Dropped names them.
	DroppedReviews int             `json:"droppedReviews"`
	Dropped        []droppedReview `json:"dropped,omitempty"`
	People         int             `json:"people,omitempty"`
}

// lostItem is a lost item in the summary, with how many of its ratings
// (directly and in reviews) were lost.
type lostItem struct {
	ID      competency.ID        `json:"id"`
	Name    string               `json:"name"`
	Reason  crosswalk.LostReason `json:"reason"`
	Ratings int                  `json:"ratings"`
}

// droppedReview is a dropped review in the summary: its index among the
// reviews of the profile migrated, its rater and its source.
type droppedReview struct {
	Review int            `json:"review"`
	Rater  string         `json:"rater,omitempty"`
	Source profile.Source `json:"source,omitempty"`
}

// countMigration returns the summary's counts of one report of the
// profile p.
func countMigration(from *wlp.Framework, p profile.Profile, r *crosswalk.Report) migrationCounts {
	c := migrationCounts{Profile: r.Profile, UnreachedItems: len(r.Unreached), CarriedRatings: len(r.Carried)}
	weak := map[competency.ID]bool{}
	var order []competency.ID
	for _, cr := range r.Carried {
		w, seen := weak[cr.ID]
		if !seen {
			order = append(order, cr.ID)
		}
		weak[cr.ID] = w || cr.Weak
	}
	for _, id := range order {
		c.CarriedItems++
		if weak[id] {
			c.WeakerItems++
		} else {
			c.ExactItems++
		}
	}
	lost := map[competency.ID]int{}
	for _, l := range r.Lost {
		k, ok := lost[l.ID]
		if !ok {
			k = len(c.LostItems)
			lost[l.ID] = k
			c.LostItems = append(c.LostItems, lostItem{ID: l.ID, Name: nameOf(from, l.ID), Reason: l.Reason})
		}
		c.LostItems[k].Ratings++
	}
	slices.SortFunc(c.LostItems, func(a, b lostItem) int { return strings.Compare(string(a.ID), string(b.ID)) })
	c.LostRatings = len(r.Lost)
	for _, i := range r.Dropped {
		d := droppedReview{Review: i}
		if i >= 0 && i < len(p.Reviews) {
			d.Rater, d.Source = p.Reviews[i].Rater, p.Reviews[i].Source
		}
		c.Dropped = append(c.Dropped, d)
	}
	c.DroppedReviews = len(c.Dropped)
	return c
}

// lostWords says briefly why an item was lost, for the summary.
var lostWords = map[crosswalk.LostReason]string{
	crosswalk.LostUnknown:        "not in the framework",
	crosswalk.LostUnmapped:       "no counterpart",
	crosswalk.LostUnlinked:       "no link",
	crosswalk.LostCarriesNothing: "its links carry no level",
	crosswalk.LostOutweighed:     "outweighed by closer links",
}

// writeMigrationSummary writes the summary of the reports of the
// profiles ps (the profiles migrated, in the same order) to w: a line
// per person and the totals, or with asJSON one JSON document.
func writeMigrationSummary(w io.Writer, from *wlp.Framework, ps []people.Person, reports []*crosswalk.Report, asJSON bool) error {
	var total migrationCounts
	per := make([]migrationCounts, len(reports))
	for i, r := range reports {
		c := countMigration(from, ps[i].Profile, r)
		per[i] = c
		total.CarriedItems += c.CarriedItems
		total.CarriedRatings += c.CarriedRatings
		total.ExactItems += c.ExactItems
		total.WeakerItems += c.WeakerItems
		total.LostRatings += c.LostRatings
		total.UnreachedItems += c.UnreachedItems
		total.DroppedReviews += c.DroppedReviews
	}
	total.People = len(reports)
	if asJSON {
		return writeJSON(w, struct {
			Crosswalk string            `json:"crosswalk"`
			From      string            `json:"from"`
			To        string            `json:"to"`
			People    []migrationCounts `json:"people"`
			Total     migrationCounts   `json:"total"`
		}{reports[0].Crosswalk, reports[0].From, reports[0].To, per, total})
	}
	var b strings.Builder
	for _, c := range per {
		c.DroppedReviews = 0 // named on a line of their own
		say(&b, "%s: %s\n", c.Profile, countsLine(c))
		if len(c.LostItems) > 0 {
			words := make([]string, len(c.LostItems))
			for i, l := range c.LostItems {
				words[i] = fmt.Sprintf("%s (%s, %s)", l.Name, lostWords[l.Reason], plural(l.Ratings, "rating"))
			}
			say(&b, "  lost: %s\n", strings.Join(words, ", "))
		}
		if len(c.Dropped) > 0 {
			words := make([]string, len(c.Dropped))
			for i, d := range c.Dropped {
				words[i] = droppedWords(d)
			}
			say(&b, "  %s dropped: %s\n", plural(len(c.Dropped), "review"), strings.Join(words, ", "))
		}
	}
	say(&b, "%s, %s to %s: %s\n", countPeople(total.People), reports[0].From, reports[0].To, countsLine(total))
	_, err := io.WriteString(w, b.String())
	return err
}

// droppedWords names a dropped review for the summary: "Kim (peer)".
func droppedWords(d droppedReview) string {
	who := d.Rater
	if who == "" {
		who = fmt.Sprintf("review %d, no rater named", d.Review+1)
	}
	if d.Source == "" || d.Source == profile.Unstated {
		return who
	}
	return fmt.Sprintf("%s (%s)", who, d.Source)
}

// countsLine says what the summary says of one person or of all:
// "14 items carried (9 exact, 5 weaker) in 43 ratings, 2 ratings lost,
// 9 items to assess afresh", and ", 1 review dropped" when reviews were.
func countsLine(c migrationCounts) string {
	line := fmt.Sprintf("%s carried (%d exact, %d weaker) in %s, %s lost, %s to assess afresh",
		plural(c.CarriedItems, "item"), c.ExactItems, c.WeakerItems, plural(c.CarriedRatings, "rating"),
		plural(c.LostRatings, "rating"), plural(c.UnreachedItems, "item"))
	if c.DroppedReviews > 0 {
		line += ", " + plural(c.DroppedReviews, "review") + " dropped"
	}
	return line
}

// sizeWarning returns the warning of wlp migrate about the migrated
// profile of id, read at place, whose written form takes n bytes, or ""
// when n is within profile.DefaultMaxBytes, the most other commands read
// in one profile.
func sizeWarning(id, place string, n int) string {
	if n <= profile.DefaultMaxBytes {
		return ""
	}
	return fmt.Sprintf("wlp migrate: warning: %s (from %s): the migrated profile takes %d bytes, more than the %d that wlp reads in one profile: other commands will refuse it; its provenance grows with each crossing, so migrate it in parts or from the profile before its earlier migrations\n",
		problem.Quote(id), clean(place), n, profile.DefaultMaxBytes)
}

// ratedOn returns a hint for profiles that do not fit the framework from:
// when they all read cleanly against another embedded framework, it says
// so, and names the embedded crosswalk from that one to the framework
// with the ID to, if there is one. It returns "" otherwise, and reads
// nothing when an input is standard input, which cannot be read twice.
// It reads the inputs once more for each other embedded framework, only
// after they have failed.
func ratedOn(args []string, from *wlp.Framework, to string) string {
	if slices.Contains(args, "-") {
		return ""
	}
	for _, id := range wlp.Embedded() {
		if id == from.ID() {
			continue
		}
		f, err := wlp.LoadEmbedded(id)
		if err != nil {
			return ""
		}
		n, ok := 0, true
		for _, err := range people.All(args, &people.Options{Framework: f}) {
			if err != nil {
				ok = false
				break
			}
			n++
		}
		if !ok || n == 0 {
			continue
		}
		hint := fmt.Sprintf("these profiles rate the items of %s, not of %s", id, cmp.Or(from.ID(), "the framework the crosswalk maps from"))
		if c, ok := crosswalk.Between(id, to); ok {
			return hint + fmt.Sprintf("; did you mean -crosswalk %s?", c.ID)
		}
		return hint + fmt.Sprintf(" (give -from %s, and a crosswalk from it)", id)
	}
	return ""
}
