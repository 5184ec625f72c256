package main

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// newRank returns the rank command, its flags bound to e.
func newRank(e *env) *Command {
	var k int
	c := newCommand(&Command{
		Name:      "rank",
		UsageLine: "wlp rank [-framework FILE] [-json] [-csv] [-combine POLICY] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] [-k N] TARGET PROFILE...",
		Short:     "people ranked for a role or job",
		Long: `Rank scores every PROFILE file against TARGET, a role or a job of the
framework, and lists the people best fit first; people who fit equally go
by profile ID. -k N keeps the best N only. The table names each person
briefly (without a parenthesis at the end of the name) and gives their fit,
its grade and the gap to develop first.

` + gradeDoc + `

` + combineDoc + `

With -json it prints an array of {"profile": ID, "result": {...}}, best
first, a document that validates against "wlp schema ranking"; each
result names in "combined" the policy that merged the person's reviews.

With -csv it prints one row per person, best first, with the columns
target, rank, profile, name, fit_pct, grade, gaps (how many),
develop_first, develop_ids, have, need and gain_pts (the gap to develop
first: its requirement, IDs, levels and the fit it would add; empty when
nothing is missing) and combined (the policy that merged the reviews).

` + csvDoc,
		Example: `wlp rank chief-learning-officer examples/data/dana.json examples/data/lee.json examples/data/sam.json
wlp rank -k 2 -json business-partner people/*.json`,
		MinArgs: 2,
		MaxArgs: -1,
		Run:     func(args []string) error { return runRank(e, k, args) },
	})
	c.commonFlags(e, jsonDoc)
	c.combineFlag(e)
	c.peopleFlags(e)
	c.csvFlag(e)
	c.Flag.IntVar(&k, "k", 0, "list the best `N` people only (0: everyone)")
	return c
}

// runRank is `wlp rank TARGET PROFILE...`: the best k people (0: all).
// It reads people one at a time and keeps, with -k, the best k of them
// only (a match.Ranking), or else everyone in compact form (a
// match.Population of their levels, with their names): never the whole
// profiles, nor more than one person's full result at a time.
func runRank(e *env, k int, args []string) error {
	if k < 0 {
		return usageError(fmt.Sprintf("-k %d is negative; use 0 for everyone", k))
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	ids, bad, err := e.leadTarget(f, args, false, false)
	if err != nil {
		return err
	}
	var target role.ID
	if len(ids) > 0 {
		target = role.ID(ids[0])
	}
	m := match.New(f)
	var list rankList = &everyone{pop: match.NewPopulation(f), e: e}
	if k > 0 && bad == nil {
		r, err := m.NewRanking(target, k)
		if err != nil {
			return err
		}
		list = &best{r: r, e: e}
	}
	read := 0
	err = e.eachPerson(f, args[1:], true, func(p people.Person) {
		read++
		if bad == nil {
			list.add(p.Profile)
		}
	})
	if err := errors.Join(bad, err, list.err()); err != nil {
		return err
	}
	rows := list.rows(m, target)
	if e.json {
		return writeJSONArray(e.stdout, func(yield func(any) bool) {
			for r := range rows {
				r.res.Combined = r.combined
				if !yield(match.Ranked{Profile: r.id, Result: r.res}) {
					return
				}
			}
		})
	}
	if e.csv {
		t := newCSV(e.stdout, "target", "rank", "profile", "name", "fit_pct", "grade", "gaps",
			"develop_first", "develop_ids", "have", "need", "gain_pts", "combined")
		i := 0
		for r := range rows {
			i++
			t.row(append([]string{string(target), fmt.Sprint(i), r.id, r.name, csvPct(r.res.Fit), gradeWord(r.res.Confidence), fmt.Sprint(len(r.res.Gaps))},
				append(firstGapCells(f, r.res), string(r.combined))...)...)
		}
		return t.flush()
	}
	// The table's rows are few (-k) or everyone's, and held either way:
	// their names are told apart among the rows shown.
	var shown []rankRow
	for r := range rows {
		// Keep what the row prints: the fit, its grade and a copy of the
		// first gap, not the result's other lists.
		var first []match.Gap
		if len(r.res.Gaps) > 0 {
			g := r.res.Gaps[0]
			g.Of = slices.Clone(g.Of)
			first = []match.Gap{g}
		}
		r.res = match.Result{Fit: r.res.Fit, Confidence: r.res.Confidence, Gaps: first}
		shown = append(shown, r)
	}
	named := make([]profile.Profile, len(shown))
	for i, r := range shown {
		named[i] = profile.Profile{ID: r.id, Name: r.name}
	}
	names := shortNames(named)
	name, kind := targetName(f, target)
	count := countPeople(read)
	if len(shown) < read {
		count = fmt.Sprintf("the best %d of %s", len(shown), count)
	}
	say(e.stdout, "%s (%s %s): %s, best fit first\n\n", brief(name), kind, brief(string(target)), count)
	t := newTable(e.stdout)
	t.row("#", "PROFILE", "NAME", "FIT", "GRADE", "DEVELOP FIRST")
	t.wrap(5)
	t.give(1, 2, 5)
	for i, r := range shown {
		t.row(fmt.Sprint(i+1), r.id, names[r.id], pct(r.res.Fit), gradeWord(r.res.Confidence), firstGap(f, r.res))
	}
	if err := t.flush(); err != nil {
		return err
	}
	e.printReviewNotes(e.stdout, f)
	return nil
}

// rankRow is one row of a ranking: who, and their result.
type rankRow struct {
	id, name string
	combined profile.Policy // how their reviews were merged, or ""
	res      match.Result
}

// rankList is what rank keeps of the people it reads: add takes one
// person, rows yields the rows of the ranking, best first, building one
// full result at a time.
type rankList interface {
	add(p profile.Profile)
	rows(m *match.Matcher, target role.ID) iter.Seq[rankRow]
	err() error // why a person could not be kept, if one could not
}

// best keeps the best k people (rank -k): a match.Ranking, which holds k
// profiles at most.
type best struct {
	r *match.Ranking
	e *env
}

func (b *best) add(p profile.Profile) { b.r.Add(p) }

func (b *best) err() error { return nil }

func (b *best) rows(m *match.Matcher, target role.ID) iter.Seq[rankRow] {
	return func(yield func(rankRow) bool) {
		ranked, ps := b.r.Ranked(), b.r.Profiles()
		for i, r := range ranked {
			row := rankRow{id: r.Profile, name: ps[i].Name, combined: b.e.combinedBy(ps[i]), res: r.Result}
			if !yield(row) {
				return
			}
		}
	}
}

// everyone keeps every person (rank without -k) in compact form: their
// levels in a match.Population, their names and how their reviews were
// merged; some 60 bytes a person instead of a profile's kilobytes.
type everyone struct {
	pop      *match.Population
	names    []string
	combined []profile.Policy
	full     error // the population is full: some 67 million people
	e        *env
}

func (a *everyone) add(p profile.Profile) {
	if a.full != nil {
		return
	}
	if err := a.pop.Add(p); err != nil {
		a.full = fmt.Errorf("%w: rank everyone in parts, or keep the best with -k N, which holds N people only", err)
		return
	}
	a.names = append(a.names, p.Name)
	a.combined = append(a.combined, a.e.combinedBy(p))
}

func (a *everyone) err() error { return a.full }

func (a *everyone) rows(m *match.Matcher, target role.ID) iter.Seq[rankRow] {
	return func(yield func(rankRow) bool) {
		fits, err := m.FitPopulation(a.pop, target, nil)
		if err != nil {
			return
		}
		order := make([]int, len(fits))
		for i := range order {
			order[i] = i
		}
		ids := make([]string, len(fits))
		for i := range ids {
			ids[i] = a.pop.ID(i)
		}
		slices.SortStableFunc(order, func(x, y int) int {
			return cmp.Or(cmp.Compare(fits[y], fits[x]), strings.Compare(ids[x], ids[y]))
		})
		for _, i := range order {
			res, err := m.Score(a.pop.Profile(i), target)
			if err != nil {
				return
			}
			if !yield(rankRow{id: ids[i], name: a.names[i], combined: a.combined[i], res: res}) {
				return
			}
		}
	}
}
