package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/suggest"
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

// noCombine is the -combine value that scores a profile's own ratings
// alone, leaving its reviews unmerged.
const noCombine = "none"

// combineDoc explains -combine in the help of the commands that take it.
const combineDoc = `A profile may carry reviews: several raters' levels, as in a 360-degree
review. They are merged into the ratings before scoring, by median (of
every rater) unless -combine POLICY names another policy: manager-first
(the manager's level where given) or mean-except-self (the mean of
everyone but the person); -combine none scores the profile's own ratings
alone. The table names the policy and notes each rating on which raters
differ by 2 levels or more; the JSON names the policy in "combined".`

// combineFlag adds -combine, bound to e, to a command that scores
// profiles.
func (c *Command) combineFlag(e *env) {
	c.Flag.StringVar(&e.combine, "combine", "", "merge each profile's reviews (a 360-degree review) into its ratings by `POLICY`: "+
		policyNames()+" (default median); none scores the ratings alone")
}

// checkCombine reports an unknown -combine policy as misuse.
func (e *env) checkCombine() error {
	e.combine = strings.ToLower(e.combine) // MEDIAN is median, as targets are any case
	if e.combine == "" || e.combine == noCombine || slices.Contains(profile.Policies(), profile.Policy(e.combine)) {
		return nil
	}
	msg := fmt.Sprintf("unknown -combine policy %s (want %s, or %s)", problem.Quote(e.combine), policyNames(), noCombine)
	names := []string{noCombine}
	for _, p := range profile.Policies() {
		names = append(names, string(p))
	}
	if s, ok := suggest.Closest(e.combine, names); ok {
		msg += "; did you mean " + s + "?"
	}
	return usageError(msg)
}

// policy returns the policy by which the command merges reviews: the one
// -combine names, median without -combine, and "" for -combine none.
func (e *env) policy() profile.Policy {
	switch e.combine {
	case "":
		return profile.Median
	case noCombine:
		return ""
	}
	return profile.Policy(e.combine)
}

// combinedBy returns the policy by which the command merged p's reviews
// into its ratings (see combineProfile), for the "combined" field of a
// result: "" when p has no reviews or -combine is none. p is the profile
// as scored, whose reviews Combine kept.
func (e *env) combinedBy(p profile.Profile) profile.Policy {
	if len(p.Reviews) == 0 {
		return ""
	}
	return e.policy()
}

// combinedByAny returns the policy by which the command merged the
// reviews of any of ps, or "" when it merged none: what a team's result
// names.
func (e *env) combinedByAny(ps []profile.Profile) profile.Policy {
	for _, p := range ps {
		if pol := e.combinedBy(p); pol != "" {
			return pol
		}
	}
	return ""
}

// reviewNote is what a table says about one profile's reviews: the
// policy that merged them ("" when -combine none left them out) and the
// raters' disagreements.
type reviewNote struct {
	place   string // where the person came from, as displayed
	who     string // the person's name
	reviews int
	policy  profile.Policy
	dis     []profile.Disagreement
}

// maxNotes is how many profiles' review notes a command keeps in full:
// enough for any table a reader reads, and a bound on the memory a
// million reviewed profiles would otherwise take.
const maxNotes = 200

// moreNotes counts the profiles with reviews beyond the first maxNotes.
type moreNotes struct {
	merged, unmerged, disagreeing int
}

// note keeps n, or counts it once maxNotes are kept.
func (e *env) note(n reviewNote) {
	if len(e.reviewNotes) < maxNotes {
		e.reviewNotes = append(e.reviewNotes, n)
		return
	}
	switch {
	case n.policy == "":
		e.moreNotes.unmerged++
	default:
		e.moreNotes.merged++
	}
	if len(n.dis) > 0 {
		e.moreNotes.disagreeing++
	}
}

// combineProfile merges p's reviews into its ratings by the policy the
// command uses (see env.policy), and notes it, with any disagreement;
// with -combine none it notes that the reviews were left out. place
// names where p came from.
func (e *env) combineProfile(place string, p profile.Profile) (profile.Profile, error) {
	if len(p.Reviews) == 0 {
		return p, nil
	}
	n := reviewNote{place: shorten(place, maxFileName), who: shortName(p), reviews: len(p.Reviews), policy: e.policy()}
	noted := slices.ContainsFunc(e.reviewNotes, func(o reviewNote) bool { return o.place == n.place })
	if n.policy == "" {
		if !noted {
			e.note(n)
		}
		return p, nil
	}
	merged, dis, err := p.Combine(n.policy)
	if err != nil {
		return profile.Profile{}, newDocError(n.place, err.Error())
	}
	if !noted {
		n.dis = dis
		e.note(n)
	}
	return merged, nil
}

// maxNamed is how many people a note names before it counts the rest.
const maxNamed = 5

// printReviewNotes writes the notes on the profiles' reviews after a
// table: whose reviews were merged and by what policy (or left out), and
// what raters disagree about.
func (e *env) printReviewNotes(w io.Writer, f *wlp.Framework) {
	for _, line := range e.noteLines(f) {
		say(w, "%s\n", line)
	}
}

// noteLines returns the notes on the profiles' reviews as the lines of
// text after a table, each note after an empty line: headlines, and
// indented lines under them.
func (e *env) noteLines(f *wlp.Framework) []string {
	var merged, unmerged []string
	for _, n := range e.reviewNotes {
		if n.policy == "" {
			unmerged = append(unmerged, brief(n.who))
		} else {
			merged = append(merged, brief(n.who))
		}
	}
	var out []string
	if len(merged) > 0 {
		pol := e.policy()
		out = append(out, "", fmt.Sprintf("Note: reviews are combined into the ratings by %s for %s.", policyLabel(pol, e.combine == ""), namedOf(merged, e.moreNotes.merged)))
		if e.combine == "" {
			out = append(out, fmt.Sprintf("  Choose with -combine %s, or -combine %s for the ratings alone.",
				otherPolicies(pol), noCombine))
		}
	}
	if len(unmerged) > 0 {
		out = append(out, "", fmt.Sprintf("Note: reviews are left out (-combine %s) for %s: only the ratings count.", noCombine, namedOf(unmerged, e.moreNotes.unmerged)))
	}
	for _, n := range e.reviewNotes {
		if len(n.dis) == 0 {
			continue
		}
		out = append(out, "", fmt.Sprintf("Note: %s, %s: raters disagree by %d levels or more on %s, combined by %s:",
			n.place, brief(n.who), profile.DisagreementLevels, plural(len(n.dis), "rating"), n.policy))
		for _, d := range n.dis {
			out = append(out, "  "+clean(disagreement(f, d)))
		}
	}
	if n := e.moreNotes.disagreeing; n > 0 {
		who := fmt.Sprintf("%d more people", n)
		if n == 1 {
			who = "1 more person"
		}
		out = append(out, "", fmt.Sprintf("Note: raters disagree by %d levels or more for %s, not listed: score them one at a time to see.",
			profile.DisagreementLevels, who))
	}
	return out
}

// policyLabel names a policy in a note: "median (the default)" when the
// user named none.
func policyLabel(pol profile.Policy, byDefault bool) string {
	if byDefault {
		return string(pol) + " (the default)"
	}
	return string(pol)
}

// otherPolicies lists the policies but pol: "manager-first|mean-except-self".
func otherPolicies(pol profile.Policy) string {
	var names []string
	for _, p := range profile.Policies() {
		if p != pol {
			names = append(names, string(p))
		}
	}
	return strings.Join(names, "|")
}

// namedOf lists people for a note, the people names lists and more not
// in the list: "Alex Kim", "3 people: A, B and C", or the first few and
// how many more.
func namedOf(names []string, more int) string {
	total := len(names) + more
	if total == 1 {
		return names[0]
	}
	list := andList(names)
	if total > maxNamed {
		list = fmt.Sprintf("%s and %d more", strings.Join(names[:min(maxNamed, len(names))], ", "), total-min(maxNamed, len(names)))
	}
	return countPeople(total) + ": " + list
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
		switch {
		case n.policy == "":
			out = append(out, fmt.Sprintf("%s: %s left out (-combine %s)", n.who, plural(n.reviews, "review"), noCombine))
		case len(n.dis) == 0:
			out = append(out, fmt.Sprintf("%s: %s combined by %s", n.who, plural(n.reviews, "review"), policyLabel(n.policy, e.combine == "")))
		}
		for _, d := range n.dis {
			out = append(out, fmt.Sprintf("%s, %s: raters disagree, %d to %d (%s); combined by %s",
				n.who, nameOf(f, d.ID), d.Low, d.High, strings.Join(d.Views, ", "), n.policy))
		}
	}
	return out
}
