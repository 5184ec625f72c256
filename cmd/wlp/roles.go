package main

import (
	"fmt"

	"github.com/wlpmodel/wlp/problem"

	"github.com/wlpmodel/wlp/match"
)

// newRoles returns the roles command, its flags bound to e.
func newRoles(e *env) *Command {
	c := newCommand(&Command{
		Name:      "roles",
		UsageLine: "wlp roles [-framework FILE] [-json] [-csv] [-combine POLICY] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] PROFILE",
		Short:     "the framework's roles, best fit first",
		Long: `Roles scores the profile in the file PROFILE against every role of the
framework and lists them best fit first, with each role's grade, its
number of gaps and the gap to develop first. Roles that fit equally keep
the framework's order.

` + gradeDoc + `

` + combineDoc + `

With -json it prints an array of match results, best first.

With -csv it prints one row per role, best first, with the columns
profile, rank, role (its ID), name, fit_pct, grade, gaps (how many),
develop_first, develop_ids, have, need and gain_pts (the gap to develop
first: its requirement, IDs, levels and the fit it would add; empty when
nothing is missing) and combined (the policy that merged the reviews).

` + csvDoc,
		Example: `wlp roles examples/data/priya.json
wlp roles -combine manager-first examples/data/alex-360.json`,
		MinArgs: 1,
		MaxArgs: 1,
		Run:     func(args []string) error { return runRoles(e, args[0]) },
	})
	c.commonFlags(e, jsonDoc)
	c.combineFlag(e)
	c.peopleFlags(e)
	c.csvFlag(e)
	return c
}

// runRoles is `wlp roles PROFILE`.
func runRoles(e *env, file string) error {
	f, p, err := e.loadPerson(file)
	if err != nil {
		return err
	}
	if len(f.Roles()) == 0 {
		return fmt.Errorf("framework %s has no roles to rank %s against; add roles to a copy of it (wlp export -framework %s > mine.json) and use -framework mine.json",
			problem.Quote(f.ID()), brief(who(p)), f.ID())
	}
	results := match.New(f).BestRoles(p)
	for i := range results {
		results[i].Combined = e.combinedBy(p)
	}
	switch {
	case e.json:
		if results == nil {
			results = []match.Result{}
		}
		return writeJSON(e.stdout, results)
	case e.csv:
		t := newCSV(e.stdout, "profile", "rank", "role", "name", "fit_pct", "grade", "gaps",
			"develop_first", "develop_ids", "have", "need", "gain_pts", "combined")
		for i, r := range results {
			t.row(append([]string{p.ID, fmt.Sprint(i + 1), string(r.Target), r.Name, csvPct(r.Fit), gradeWord(r.Confidence), fmt.Sprint(len(r.Gaps))},
				append(firstGapCells(f, r), string(r.Combined))...)...)
		}
		return t.flush()
	}
	say(e.stdout, "Roles for %s, best fit first\n\n", brief(who(p)))
	t := newTable(e.stdout)
	t.row("#", "ROLE", "FIT", "GRADE", "GAPS", "DEVELOP FIRST")
	t.wrap(5)
	t.give(5, 1)
	for i, r := range results {
		t.row(fmt.Sprint(i+1), r.Name, pct(r.Fit), gradeWord(r.Confidence), fmt.Sprint(len(r.Gaps)), firstGap(f, r))
	}
	if err := t.flush(); err != nil {
		return err
	}
	e.printReviewNotes(e.stdout, f)
	return nil
}
