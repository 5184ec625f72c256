package main

import (
	"flag"
	"fmt"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

var scoreCmd = &command{
	name:  "score",
	args:  "[-framework FILE] [-json] [-combine POLICY] PROFILE TARGET",
	short: "fit, confidence, parts and gaps of one profile against a role or job",
	long: `Score scores the profile in the file PROFILE against TARGET, a role or a
job of the framework, and explains the score: the fit (0% to 100%) and its
confidence (exact, high, low or no), for a job each role it blends, how the
person meets each requirement, and the gaps in development order: the gap
whose closing would raise the fit most comes first.

` + combineDoc + `

With -json it prints one match result, a document that validates against
"wlp schema result" (notes on reviews are left out).`,
	example: `wlp score examples/data/dana.json chief-learning-officer
wlp score -json examples/data/sam.json project-manager
wlp score -combine median examples/data/alex-360.json business-partner`,
	minArgs: 2,
	maxArgs: 2,
	flags:   combineFlag,
	run:     runScore,
}

func runScore(e *env, args []string) error {
	f, p, err := e.loadPerson(args[0])
	if err != nil {
		return err
	}
	if err := checkTarget(f, args[1]); err != nil {
		return err
	}
	res, err := match.New(f).Score(p, role.ID(args[1]))
	if err != nil {
		return err
	}
	if e.json {
		return writeJSON(e.stdout, res)
	}
	if err := printScore(e, f, p, res); err != nil {
		return err
	}
	e.printReviewNotes(e.stdout, f)
	return nil
}

func printScore(e *env, f *wlp.Framework, p profile.Profile, res match.Result) error {
	w := e.stdout
	fmt.Fprintf(w, "%s against %s (%s %s)\n", who(p), clean(res.Name), res.Kind, clean(string(res.Target)))
	fmt.Fprintf(w, "Fit %s, %s confidence\n", pct(res.Fit), res.Confidence)

	if len(res.Parts) > 0 {
		fmt.Fprintf(w, "\nThe job's roles:\n")
		t := newTable(w)
		t.row("ROLE", "WEIGHT", "SHARE", "FIT", "CONFIDENCE", "GAPS")
		for _, pt := range res.Parts {
			t.row(roleName(f, pt.Role), weight(pt.Weight), pct0(pt.Share), pct(pt.Result.Fit), pt.Result.Confidence.String(), fmt.Sprint(len(pt.Result.Gaps)))
		}
		if err := t.flush(); err != nil {
			return err
		}
	}

	if len(res.Outcomes) > 0 {
		if res.Kind == match.KindJob {
			fmt.Fprintf(w, "\nThe job's own requirements:\n")
		} else {
			fmt.Fprintf(w, "\nRequirements:\n")
		}
		t := newTable(w)
		t.row("REQUIREMENT", "NEED", "HAVE", "SCORE", "WEIGHT")
		for _, o := range res.Outcomes {
			t.row(describe(f, o.Of, o.AtLeast), level(o.Need), level(o.Have), pct0(o.Score), weight(o.Weight))
		}
		if err := t.flush(); err != nil {
			return err
		}
	}

	if len(res.Gaps) == 0 {
		fmt.Fprintf(w, "\nNo gaps: every requirement is met.\n")
		return nil
	}
	fmt.Fprintf(w, "\nGaps, in development order (the fit gained if met):\n")
	t := newTable(w)
	head := []string{"#", "GAIN", "REQUIREMENT", "HAVE", "NEED"}
	if res.Kind == match.KindJob {
		head = append(head, "FOR")
	}
	t.row(head...)
	for i, g := range res.Gaps {
		cells := []string{fmt.Sprint(i + 1), pts(g.Gain), describe(f, g.Of, g.AtLeast), level(g.Have), level(g.Need)}
		if res.Kind == match.KindJob {
			part := "the job itself"
			if g.Part != "" {
				part = roleName(f, g.Part)
			}
			cells = append(cells, part)
		}
		t.row(cells...)
	}
	return t.flush()
}

// firstGap says briefly what to develop first, or that nothing is missing.
func firstGap(f *wlp.Framework, res match.Result) string {
	if len(res.Gaps) == 0 {
		return "nothing: every requirement is met"
	}
	g := res.Gaps[0]
	return fmt.Sprintf("%s %d -> %d (%s)", describe(f, g.Of, g.AtLeast), g.Have, g.Need, pts(g.Gain))
}

var rolesCmd = &command{
	name:  "roles",
	args:  "[-framework FILE] [-json] [-combine POLICY] PROFILE",
	short: "the framework's roles, best fit first",
	long: `Roles scores the profile in the file PROFILE against every role of the
framework and lists them best fit first, with each role's confidence, its
number of gaps and the gap to develop first. Roles that fit equally keep
the framework's order.

` + combineDoc + `

With -json it prints an array of match results, best first.`,
	example: `wlp roles examples/data/priya.json
wlp roles -combine manager-first examples/data/alex-360.json`,
	minArgs: 1,
	maxArgs: 1,
	flags:   combineFlag,
	run:     runRoles,
}

func runRoles(e *env, args []string) error {
	f, p, err := e.loadPerson(args[0])
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

var rankCmd = &command{
	name:  "rank",
	args:  "[-framework FILE] [-json] [-combine POLICY] [-k N] TARGET PROFILE...",
	short: "people ranked for a role or job",
	long: `Rank scores every PROFILE file against TARGET, a role or a job of the
framework, and lists the people best fit first; people who fit equally go
by profile ID. -k N keeps the best N only.

` + combineDoc + `

With -json it prints an array of {"profile": ID, "result": {...}}, best
first, a document that validates against "wlp schema ranking".`,
	example: `wlp rank chief-learning-officer examples/data/dana.json examples/data/lee.json examples/data/sam.json
wlp rank -k 2 -json business-partner people/*.json`,
	minArgs: 2,
	maxArgs: -1,
	flags: func(fs *flag.FlagSet, e *env) {
		fs.IntVar(&e.k, "k", 0, "list the best `N` people only (0: everyone)")
		combineFlag(fs, e)
	},
	run: runRank,
}

func runRank(e *env, args []string) error {
	if e.k < 0 {
		return usageError(fmt.Sprintf("-k %d is negative; use 0 for everyone", e.k))
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	target := args[0]
	if err := checkTarget(f, target); err != nil {
		return err
	}
	ps, err := e.loadProfiles(f, args[1:])
	if err != nil {
		return err
	}
	ranked, err := match.New(f).Rank(ps, role.ID(target), e.k)
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
