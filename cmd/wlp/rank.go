package main

import (
	"fmt"

	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/role"
)

// newRank returns the rank command, its flags bound to e.
func newRank(e *env) *Command {
	var k int
	c := newCommand(&Command{
		Name:      "rank",
		UsageLine: "wlp rank [-framework FILE] [-json] [-combine POLICY] [-k N] TARGET PROFILE...",
		Short:     "people ranked for a role or job",
		Long: `Rank scores every PROFILE file against TARGET, a role or a job of the
framework, and lists the people best fit first; people who fit equally go
by profile ID. -k N keeps the best N only.

` + combineDoc + `

With -json it prints an array of {"profile": ID, "result": {...}}, best
first, a document that validates against "wlp schema ranking".`,
		Example: `wlp rank chief-learning-officer examples/data/dana.json examples/data/lee.json examples/data/sam.json
wlp rank -k 2 -json business-partner people/*.json`,
		MinArgs: 2,
		MaxArgs: -1,
		Run:     func(args []string) error { return runRank(e, k, args[0], args[1:]) },
	})
	c.commonFlags(e, jsonDoc)
	c.combineFlag(e)
	c.Flag.IntVar(&k, "k", 0, "list the best `N` people only (0: everyone)")
	return c
}

// runRank is `wlp rank TARGET PROFILE...`: the best k people (0: all).
func runRank(e *env, k int, target string, files []string) error {
	if k < 0 {
		return usageError(fmt.Sprintf("-k %d is negative; use 0 for everyone", k))
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	if err := checkTarget(f, target); err != nil {
		return err
	}
	ps, err := e.loadProfiles(f, files)
	if err != nil {
		return err
	}
	ranked, err := match.New(f).Rank(ps, role.ID(target), k)
	if err != nil {
		return err
	}
	if e.json {
		return writeJSON(e.stdout, ranked)
	}
	names := map[string]string{}
	for _, p := range ps {
		if _, ok := names[p.ID]; !ok {
			names[p.ID] = who(p)
		}
	}
	name, kind := targetName(f, role.ID(target))
	count := plural(len(ps), "person")
	if len(ps) != 1 {
		count = fmt.Sprintf("%d people", len(ps))
	}
	if len(ranked) < len(ps) {
		count = fmt.Sprintf("the best %d of %s", len(ranked), count)
	}
	fmt.Fprintf(e.stdout, "%s (%s %s): %s, best fit first\n\n", clean(name), kind, clean(target), count)
	t := newTable(e.stdout)
	t.row("#", "PROFILE", "NAME", "FIT", "CONFIDENCE", "DEVELOP FIRST")
	for i, r := range ranked {
		t.row(fmt.Sprint(i+1), r.Profile, names[r.Profile], pct(r.Result.Fit), r.Result.Confidence.String(), firstGap(f, r.Result))
	}
	if err := t.flush(); err != nil {
		return err
	}
	e.printReviewNotes(e.stdout, f)
	return nil
}
