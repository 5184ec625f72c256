package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// policyNames lists the combining policies for messages: "median,
// manager-first or mean-except-self".
func policyNames() string {
	var names []string
	for _, p := range profile.Policies() {
		names = append(names, string(p))
	}
	return orList(names)
}

// combineDoc explains -combine in the help of the commands that take it.
const combineDoc = `A profile may carry reviews: several raters' levels, as in a 360-degree
review. -combine POLICY merges them into the ratings before scoring:
median (of every rater), manager-first (the manager's level where given)
or mean-except-self (the mean of everyone but the person). The table then
notes each rating on which raters differ by 2 levels or more. Without
-combine only the profile's own ratings count, and the table says so.`

// combineFlag adds -combine, bound to e, to a command that scores
// profiles.
func (c *Command) combineFlag(e *env) {
	c.Flag.StringVar(&e.combine, "combine", "", "merge each profile's reviews (a 360-degree review) into its ratings by `POLICY`: "+
		policyNames()+"; raters who disagree by 2 levels or more are noted")
}

// checkCombine reports an unknown -combine policy as misuse.
func (e *env) checkCombine() error {
	if e.combine == "" || slices.Contains(profile.Policies(), profile.Policy(e.combine)) {
		return nil
	}
	return usageError(fmt.Sprintf("unknown -combine policy %s (want %s)", problem.Quote(e.combine), policyNames()))
}

// reviewNote is what a table says about one profile's reviews: the
// raters' disagreements when -combine merged them, or that they were not
// merged.
type reviewNote struct {
	file     string // as displayed
	who      string // the person's name
	policy   profile.Policy
	dis      []profile.Disagreement
	unmerged int // reviews left unmerged, without -combine
}

// combineProfile merges p's reviews by the -combine policy, and notes
// any disagreement; without -combine it notes reviews left unmerged.
func (e *env) combineProfile(name string, p profile.Profile) (profile.Profile, error) {
	if len(p.Reviews) == 0 {
		return p, nil
	}
	n := reviewNote{file: display(name), who: who(p)}
	noted := slices.ContainsFunc(e.reviewNotes, func(o reviewNote) bool { return o.file == n.file })
	if e.combine == "" {
		n.unmerged = len(p.Reviews)
		if !noted {
			e.reviewNotes = append(e.reviewNotes, n)
		}
		return p, nil
	}
	merged, dis, err := p.Combine(profile.Policy(e.combine))
	if err != nil {
		return profile.Profile{}, newDocError(display(name), err.Error())
	}
	if len(dis) > 0 && !noted {
		n.policy, n.dis = profile.Policy(e.combine), dis
		e.reviewNotes = append(e.reviewNotes, n)
	}
	return merged, nil
}

// printReviewNotes writes the notes on the profiles' reviews after a
// table: who the raters disagree about, and what, or which reviews were
// not used.
func (e *env) printReviewNotes(w io.Writer, f *wlp.Framework) {
	for _, n := range e.reviewNotes {
		fmt.Fprintln(w)
		for _, line := range n.lines(f) {
			fmt.Fprintln(w, line)
		}
	}
}

// lines returns the note as lines of text, the first a headline and the
// others indented.
func (n reviewNote) lines(f *wlp.Framework) []string {
	if n.unmerged > 0 {
		return []string{
			fmt.Sprintf("Note: %s, %s: %s not merged into the ratings; only the ratings count.", n.file, n.who, plural(n.unmerged, "review")),
			fmt.Sprintf("  Pass -combine %s to use the reviews.", policyNames()),
		}
	}
	out := []string{fmt.Sprintf("Note: %s, %s: raters disagree by %d levels or more on %s, combined by %s:",
		n.file, n.who, profile.DisagreementLevels, plural(len(n.dis), "rating"), n.policy)}
	for _, d := range n.dis {
		out = append(out, "  "+clean(disagreement(f, d)))
	}
	return out
}

// disagreement describes one disagreement on one line: "Coaching: 2 to 5
// (self Alex Kim: 5, manager Jordan Blake: 2, ...)".
func disagreement(f *wlp.Framework, d profile.Disagreement) string {
	return fmt.Sprintf("%s: %d to %d (%s)", nameOf(f, d.ID), d.Low, d.High, strings.Join(d.Views, ", "))
}

// chartNotes returns the notes a chart shows under its legend, one line
// each.
func (e *env) chartNotes(f *wlp.Framework) []string {
	var out []string
	for _, n := range e.reviewNotes {
		if n.unmerged > 0 {
			out = append(out, fmt.Sprintf("%s: %s not merged into the ratings (use -combine)", n.who, plural(n.unmerged, "review")))
			continue
		}
		for _, d := range n.dis {
			out = append(out, fmt.Sprintf("%s, %s: raters disagree, %d to %d (%s); combined by %s",
				n.who, nameOf(f, d.ID), d.Low, d.High, strings.Join(d.Views, ", "), n.policy))
		}
	}
	return out
}
