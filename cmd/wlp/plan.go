package main

import (
	"fmt"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
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
		UsageLine: "wlp plan [-framework FILE] [-json] [-combine POLICY] [-until no|low|high|exact] [-max-steps N] [-max-raise N] PROFILE TARGET",
		Short:     "a person's development plan toward a role or job, step by step",
		Long: `Plan builds a development plan for the person in the file PROFILE toward
TARGET, a role or a job: an ordered list of steps, each raising one
competency or area from one level to another. Each step is the one that
adds the most fit per level raised (so cheap wins come first); the plan
stops when the fit reaches the confidence -until asks for (high by default;
exact means every requirement met), after -max-steps steps, or when no
step would raise the fit. -max-raise caps the levels one step may raise a
rating (0, the default, lets a step go straight to the level needed).

It prints the fit and confidence before the plan, each step with its gain
and the fit and confidence after it, and whether the goal is reached.

` + combineDoc + `

With -json it prints the plan, a document that validates against
"wlp schema plan". Notes on reviews are left out.`,
		Example: `wlp plan examples/data/sam.json business-partner
wlp plan -until exact -max-raise 1 examples/data/lee.json learning-strategist
wlp plan -combine median examples/data/alex-360.json chief-learning-officer`,
		MinArgs: 2,
		MaxArgs: 2,
		Run:     func(args []string) error { return runPlan(e, pf, args[0], args[1]) },
	})
	c.commonFlags(e, `print the plan, the document "wlp schema plan" describes, instead of a table`)
	c.combineFlag(e)
	c.Flag.StringVar(&pf.until, "until", "high", "stop when the fit reaches `CONFIDENCE`: no, low, high or exact")
	c.Flag.IntVar(&pf.maxSteps, "max-steps", 0, "stop after `N` steps (0: no limit)")
	c.Flag.IntVar(&pf.maxRaise, "max-raise", 0, "raise a rating by at most `N` levels a step (0: straight to the level needed)")
	return c
}

// runPlan is `wlp plan PROFILE TARGET`.
func runPlan(e *env, pf planFlags, file, target string) error {
	var until match.Confidence
	if err := until.UnmarshalText([]byte(pf.until)); err != nil {
		return usageError(fmt.Sprintf("unknown -until %s (want no, low, high or exact)", problem.Quote(pf.until)))
	}
	if pf.maxSteps < 0 {
		return usageError(fmt.Sprintf("-max-steps %d is negative; use 0 for no limit", pf.maxSteps))
	}
	if pf.maxRaise < 0 {
		return usageError(fmt.Sprintf("-max-raise %d is negative; use 0 for no limit", pf.maxRaise))
	}
	f, p, err := e.loadPerson(file)
	if err != nil {
		return err
	}
	if err := checkTarget(f, target); err != nil {
		return err
	}
	m := match.New(f)
	plan, err := m.Plan(p, role.ID(target), match.Until(until), match.MaxSteps(pf.maxSteps), match.MaxRaise(pf.maxRaise))
	if err != nil {
		return err
	}
	if e.json {
		return writeJSON(e.stdout, plan)
	}
	// The plan grades the fit after each step; the grade before the
	// first is the person's score now.
	now, err := m.Score(p, plan.Target)
	if err != nil {
		return err
	}
	return printPlan(e, f, p, until, pf.maxSteps, now.Confidence, plan)
}

// printPlan writes the plan's steps and whether it reaches its goal.
func printPlan(e *env, f *wlp.Framework, p profile.Profile, until match.Confidence, maxSteps int, now match.Confidence, plan match.Plan) error {
	w := e.stdout
	name, kind := targetName(f, plan.Target)
	fmt.Fprintf(w, "A development plan for %s toward %s (%s %s)\n", who(p), clean(name), kind, clean(string(plan.Target)))
	goal := until.String() + " confidence"
	if until == match.Exact {
		goal = "every requirement met (exact confidence)"
	}
	fmt.Fprintf(w, "Now: fit %s, %s confidence. Goal: %s.\n", pct(plan.Start), now, goal)

	if len(plan.Steps) == 0 {
		if plan.Reached {
			fmt.Fprintf(w, "\nNothing to develop: the goal is reached already.\n")
		} else {
			fmt.Fprintf(w, "\nNo step raises the fit: the goal is out of reach.\n")
		}
		e.printReviewNotes(w, f)
		return nil
	}
	fmt.Fprintln(w)
	t := newTable(w)
	t.row("#", "RAISE", "FROM", "TO", "GAIN", "FIT AFTER", "CONFIDENCE")
	for i, s := range plan.Steps {
		t.row(fmt.Sprint(i+1), nameOf(f, s.ID), level(s.From), level(s.To), pts(s.Gain), pct(s.Fit), s.Confidence.String())
	}
	if err := t.flush(); err != nil {
		return err
	}
	after := fmt.Sprintf("After %s: fit %s, %s confidence", plural(len(plan.Steps), "step"), pct(plan.Fit), plan.Confidence)
	switch {
	case plan.Reached:
		fmt.Fprintf(w, "\n%s: the goal is reached.\n", after)
	case maxSteps > 0 && len(plan.Steps) >= maxSteps:
		fmt.Fprintf(w, "\n%s: the goal is not reached within -max-steps %d.\n", after, maxSteps)
	default:
		fmt.Fprintf(w, "\n%s: the goal is not reached; no further step raises the fit.\n", after)
	}
	e.printReviewNotes(w, f)
	return nil
}
