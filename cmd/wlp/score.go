package main

import (
	"fmt"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// newScore returns the score command, its flags bound to e.
func newScore(e *env) *Command {
	c := newCommand(&Command{
		Name:      "score",
		UsageLine: "wlp score [-framework FILE] [-json] [-combine POLICY] PROFILE TARGET",
		Short:     "fit, confidence, parts and gaps of one profile against a role or job",
		Long: `Score scores the profile in the file PROFILE against TARGET, a role or a
job of the framework, and explains the score: the fit (0% to 100%) and its
confidence (exact, high, low or no), for a job each role it blends, how the
person meets each requirement, and the gaps in development order: the gap
whose closing would raise the fit most comes first.

` + combineDoc + `

With -json it prints one match result, a document that validates against
"wlp schema result" (notes on reviews are left out).`,
		Example: `wlp score examples/data/dana.json chief-learning-officer
wlp score -json examples/data/sam.json project-manager
wlp score -combine median examples/data/alex-360.json business-partner`,
		MinArgs: 2,
		MaxArgs: 2,
		Run:     func(args []string) error { return runScore(e, args[0], args[1]) },
	})
	c.commonFlags(e, jsonDoc)
	c.combineFlag(e)
	return c
}

// runScore is `wlp score PROFILE TARGET`.
func runScore(e *env, file, target string) error {
	f, p, err := e.loadPerson(file)
	if err != nil {
		return err
	}
	if err := checkTarget(f, target); err != nil {
		return err
	}
	res, err := match.New(f).Score(p, role.ID(target))
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
