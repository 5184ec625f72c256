package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// planFlags are plan's own flags.
type planFlags struct {
	until    string // -until: the confidence to reach
	maxSteps int    // -max-steps: 0 for no limit
	maxRaise int    // -max-raise: 0 for no limit
}

// newPlan returns the plan command, its flags bound to e.
func newPlan(e *env) *Command {
	var pf planFlags
	c := newCommand(&Command{
		Name:      "plan",
		UsageLine: "wlp plan [-framework FILE] [-json] [-csv] [-combine POLICY] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] [-until weak|partial|strong|full] [-max-steps N] [-max-raise N] TARGET PROFILE",
		Short:     "a person's development plan toward a role or job, step by step",
		Long: `Plan builds a development plan for the person PROFILE names toward
TARGET, a role or a job (by its ID or name): an ordered list of steps,
each raising one competency or area from one level to another. Each step is the one that
adds the most fit per level raised (so cheap wins come first); the plan
stops when the fit reaches the grade -until asks for (strong by default;
full means every requirement met), after -max-steps steps, or when no
step would raise the fit. -until takes a grade by its word (weak, partial,
strong, full) or by its JSON name (no, low, high, exact). -max-raise caps the levels one step may raise a
rating (0, the default, lets a step go straight to the level needed).

It prints the fit and its grade before the plan, each step with its gain
and the fit and grade after it, and whether the goal is reached.

` + gradeDoc + `

` + combineDoc + `

With -json it prints the plan, a document that validates against
"wlp schema plan"; "combined" names the policy that merged the reviews,
and the notes on raters who disagree are left out.

With -csv it prints one row for where the person stands now (step 0),
then one per step, with the columns profile, target, step, id (the
competency or area raised), name, from, to (levels), gain_pts, fit_pct
and grade (after the step), and combined (the policy that merged the
reviews).

` + csvDoc,
		Example: `wlp plan business-partner examples/data/sam.json
wlp plan -until full -max-raise 1 learning-strategist examples/data/lee.json
wlp plan -combine median chief-learning-officer examples/data/alex-360.json`,
		MinArgs: 2,
		MaxArgs: 2,
		Run:     func(args []string) error { return runPlan(e, pf, args) },
	})
	c.commonFlags(e, `print the plan, the document "wlp schema plan" describes, instead of a table`)
	c.combineFlag(e)
	c.peopleFlags(e)
	c.csvFlag(e)
	c.Flag.StringVar(&pf.until, "until", "high", "stop when the fit reaches the grade `CONFIDENCE`: weak, partial, strong (high, the default) or full, or by its JSON name no, low, high or exact")
	c.Flag.IntVar(&pf.maxSteps, "max-steps", 0, "stop after `N` steps (0: no limit)")
	c.Flag.IntVar(&pf.maxRaise, "max-raise", 0, "raise a rating by at most `N` levels a step (0: straight to the level needed)")
	return c
}

// runPlan is `wlp plan TARGET PROFILE`.
func runPlan(e *env, pf planFlags, args []string) error {
	until, ok := parseGrade(pf.until)
	if !ok {
		return usageError(fmt.Sprintf("unknown -until %s (want weak, partial, strong or full, or no, low, high or exact)", problem.Quote(pf.until)))
	}
	if pf.maxSteps < 0 {
		return usageError(fmt.Sprintf("-max-steps %d is negative; use 0 for no limit", pf.maxSteps))
	}
	if pf.maxRaise < 0 {
		return usageError(fmt.Sprintf("-max-raise %d is negative; use 0 for no limit", pf.maxRaise))
	}
	f, p, err := e.loadPerson(args[1])
	if f == nil {
		return err
	}
	ids, bad, uerr := e.leadTarget(f, args, false, true)
	if uerr != nil {
		return uerr
	}
	if err := errors.Join(bad, err); err != nil {
		return err
	}
	m := match.New(f)
	plan, err := m.Plan(p, ids[0], match.Until(until), match.MaxSteps(pf.maxSteps), match.MaxRaise(pf.maxRaise))
	if err != nil {
		return err
	}
	plan.Combined = e.combinedBy(p)
	if e.json {
		return writeJSON(e.stdout, plan)
	}
	// The plan grades the fit after each step; the grade before the
	// first is the person's score now.
	now, err := m.Score(p, plan.Target)
	if err != nil {
		return err
	}
	if e.csv {
		return planCSV(e, f, now.Confidence, plan)
	}
	return printPlan(e, f, p, until, pf.maxSteps, now.Confidence, plan)
}

// parseGrade reads a grade by its word (see gradeWord) or its JSON name.
func parseGrade(s string) (match.Confidence, bool) {
	for c := match.No; c <= match.Exact; c++ {
		if s == gradeWord(c) || s == c.String() {
			return c, true
		}
	}
	return 0, false
}

// planCSV writes the plan as plan's help says.
func planCSV(e *env, f *wlp.Framework, now match.Confidence, plan match.Plan) error {
	t := newCSV(e.stdout, "profile", "target", "step", "id", "name", "from", "to", "gain_pts", "fit_pct", "grade", "combined")
	t.row(plan.Profile, string(plan.Target), "0", "", "", "", "", "", csvPct(plan.Start), gradeWord(now), string(plan.Combined))
	for i, s := range plan.Steps {
		t.row(plan.Profile, string(plan.Target), fmt.Sprint(i+1), string(s.ID), nameOf(f, s.ID), csvLevel(s.From), csvLevel(s.To),
			csvPts(s.Gain), csvPct(s.Fit), gradeWord(s.Confidence), string(plan.Combined))
	}
	return t.flush()
}

// printPlan writes the plan's steps and whether it reaches its goal.
func printPlan(e *env, f *wlp.Framework, p profile.Profile, until match.Confidence, maxSteps int, now match.Confidence, plan match.Plan) error {
	w := e.stdout
	name, kind := targetName(f, plan.Target)
	say(w, "A development plan for %s toward %s (%s %s)\n", shortName(p), brief(name), kind, brief(string(plan.Target)))
	goal := "every requirement met, a full fit"
	if until != match.Exact {
		word, rest, _ := strings.Cut(gradePhrase(until), ": ")
		goal = fmt.Sprintf("a %s fit (%s)", word, rest)
	}
	say(w, "Now: %s. Goal: %s.\n", fitLine(plan.Start, now), goal)

	if len(plan.Steps) == 0 {
		if plan.Reached {
			say(w, "\nNothing to develop: the goal is reached already.\n")
		} else {
			say(w, "\nNo step raises the fit: the goal is out of reach.\n")
		}
		e.printReviewNotes(w, f)
		return nil
	}
	say(w, "\n")
	t := newTable(w)
	t.row("#", "RAISE", "FROM", "TO", "GAIN", "FIT AFTER", "GRADE")
	t.levels(2, 3)
	t.wrap(1)
	t.give(1)
	for i, s := range plan.Steps {
		t.row(fmt.Sprint(i+1), nameOf(f, s.ID), level(s.From), level(s.To), pts(s.Gain), pct(s.Fit), gradeWord(s.Confidence))
	}
	if err := t.flush(); err != nil {
		return err
	}
	after := fmt.Sprintf("After %s: %s", plural(len(plan.Steps), "step"), fitLine(plan.Fit, plan.Confidence))
	switch {
	case plan.Reached:
		say(w, "\n%s: the goal is reached.\n", after)
	case maxSteps > 0 && len(plan.Steps) >= maxSteps:
		say(w, "\n%s: the goal is not reached within -max-steps %d.\n", after, maxSteps)
	default:
		say(w, "\n%s: the goal is not reached; no further step raises the fit.\n", after)
	}
	if t.collapsed {
		say(w, "\n%s\n", levelLegend)
	}
	e.printReviewNotes(w, f)
	return nil
}
