package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp/match"
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
	ps, err := e.loadProfiles(f, args[1:])
	if err := errors.Join(bad, err); err != nil {
		return err
	}
	target := string(ids[0])
	m := match.New(f)
	if e.json {
		ranked, err := m.Rank(ps, role.ID(target), k)
		if err != nil {
			return err
		}
		policies := map[string]profile.Policy{}
		for _, p := range ps {
			if pol := e.combinedBy(p); pol != "" {
				policies[p.ID] = pol
			}
		}
		for i := range ranked {
			ranked[i].Result.Combined = policies[ranked[i].Profile]
		}
		return writeJSON(e.stdout, ranked)
	}
	// The table needs each person's fit and first gap, not their whole
	// results, which Rank would hold for everyone at once (for a job of
	// many roles, megabytes a person): rank by fit, then build one result
	// at a time for the rows.
	order, err := rankOrder(m, ps, role.ID(target), k)
	if err != nil {
		return err
	}
	if e.csv {
		t := newCSV(e.stdout, "target", "rank", "profile", "name", "fit_pct", "grade", "gaps",
			"develop_first", "develop_ids", "have", "need", "gain_pts", "combined")
		for i, pi := range order {
			r, err := m.Score(ps[pi], role.ID(target))
			if err != nil {
				return err
			}
			t.row(append([]string{target, fmt.Sprint(i + 1), ps[pi].ID, ps[pi].Name, csvPct(r.Fit), gradeWord(r.Confidence), fmt.Sprint(len(r.Gaps))},
				append(firstGapCells(f, r), string(e.combinedBy(ps[pi])))...)...)
		}
		return t.flush()
	}
	names := shortNames(ps)
	name, kind := targetName(f, role.ID(target))
	count := countPeople(len(ps))
	if len(order) < len(ps) {
		count = fmt.Sprintf("the best %d of %s", len(order), count)
	}
	say(e.stdout, "%s (%s %s): %s, best fit first\n\n", brief(name), kind, brief(target), count)
	t := newTable(e.stdout)
	t.row("#", "PROFILE", "NAME", "FIT", "GRADE", "DEVELOP FIRST")
	t.wrap(5)
	t.give(1, 2, 5)
	for i, pi := range order {
		r, err := m.Score(ps[pi], role.ID(target))
		if err != nil {
			return err
		}
		t.row(fmt.Sprint(i+1), ps[pi].ID, names[ps[pi].ID], pct(r.Fit), gradeWord(r.Confidence), firstGap(f, r))
	}
	if err := t.flush(); err != nil {
		return err
	}
	e.printReviewNotes(e.stdout, f)
	return nil
}

// rankOrder returns the indexes into ps of the best k people for target (k
// <= 0: everyone), best first, in match.Matcher.Rank's order: higher fit
// first, then lower profile ID, then earlier in ps. It keeps one fit per
// person, never a whole result.
func rankOrder(m *match.Matcher, ps []profile.Profile, target role.ID, k int) ([]int, error) {
	fits := make([]float64, len(ps))
	order := make([]int, len(ps))
	for i := range ps {
		fit, err := m.Fit(ps[i], target)
		if err != nil {
			return nil, err
		}
		fits[i], order[i] = fit, i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(fits[b], fits[a]), strings.Compare(ps[a].ID, ps[b].ID))
	})
	if k > 0 && k < len(order) {
		order = order[:k]
	}
	return order, nil
}
