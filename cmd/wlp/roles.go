package main

import (
	"fmt"

	"github.com/wlpmodel/wlp/match"
)

// newRoles returns the roles command, its flags bound to e.
func newRoles(e *env) *Command {
	c := newCommand(&Command{
		Name:      "roles",
		UsageLine: "wlp roles [-framework FILE] [-json] [-combine POLICY] PROFILE",
		Short:     "the framework's roles, best fit first",
		Long: `Roles scores the profile in the file PROFILE against every role of the
framework and lists them best fit first, with each role's confidence, its
number of gaps and the gap to develop first. Roles that fit equally keep
the framework's order.

` + combineDoc + `

With -json it prints an array of match results, best first.`,
		Example: `wlp roles examples/data/priya.json
wlp roles -combine manager-first examples/data/alex-360.json`,
		MinArgs: 1,
		MaxArgs: 1,
		Run:     func(args []string) error { return runRoles(e, args[0]) },
	})
	c.commonFlags(e, jsonDoc)
	c.combineFlag(e)
	return c
}

// runRoles is `wlp roles PROFILE`.
func runRoles(e *env, file string) error {
	f, p, err := e.loadPerson(file)
	if err != nil {
		return err
	}
	results := match.New(f).BestRoles(p)
	if e.json {
		if results == nil {
			results = []match.Result{}
		}
		return writeJSON(e.stdout, results)
	}
	fmt.Fprintf(e.stdout, "Roles for %s, best fit first\n\n", who(p))
	t := newTable(e.stdout)
	t.row("#", "ROLE", "FIT", "CONFIDENCE", "GAPS", "DEVELOP FIRST")
	for i, r := range results {
		t.row(fmt.Sprint(i+1), r.Name, pct(r.Fit), r.Confidence.String(), fmt.Sprint(len(r.Gaps)), firstGap(f, r))
	}
	if err := t.flush(); err != nil {
		return err
	}
	e.printReviewNotes(e.stdout, f)
	return nil
}
