package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
)

// newReport returns the report command, its flags bound to e.
func newReport(e *env) *Command {
	var out string
	var team bool
	c := newCommand(&Command{
		Name:      "report",
		UsageLine: "wlp report [-framework FILE] [-json] [-combine POLICY] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] [-team] [-o FILE] TARGET PROFILE...",
		Short:     "a self-contained HTML report of a person, or a team, against a role or job",
		Long: `Report writes an HTML report of the people PROFILE names against TARGET, a
role or a job (by its ID or name): one file, with its style and charts
inside it, that any browser opens from disk, with no script and no
network access, and that prints cleanly.

For one person it is the person report: the fit and its grade up front,
a radar chart of the person's levels against the levels needed, how the
parts add up to the fit (for a job, each role's fit, its share and what
it adds, and the job's own requirements; for a role, each requirement's
weight, score and what it adds), the gaps in the order that would raise
the fit most, each with what it would add, and a development plan, step
by step, until the fit is strong (or, for someone already strong, until
every requirement is met).

For two or more people, or with -team, it is the team report: the team's
fit, a skills matrix (each member's level on each requirement, coloured
by how it stands against the level needed, with the level written in
each cell), the members ranked by their own fit, who covers each
requirement, the team's gaps with whether to develop a member or hire,
and who wears which hat (a job's roles, or the role itself, handed out
for the best total fit, one hat each). Its radar chart draws the team
and its 5 best members; the matrix and the ranking show everyone, and
scroll under headers that stay in view. A sheet of several people gives
the team report too. Two profiles may not share a profile ID.

` + gradeDoc + `

` + combineDoc + ` On a report, the notes
go under the summary.

The page goes to standard output, or to the file -o names; the same
input always gives the same bytes. With -json it prints instead the
report's data, every figure and name the page shows (package report's
PersonReport or TeamReport), for a program that draws its own page.

` + outputDoc,
		Example: `wlp report -o dana.html chief-learning-officer examples/data/dana.json
wlp report -o team.html business-partner examples/data/lee.json examples/data/dana.json examples/data/sam.json
wlp report -team -o priya.html project-manager examples/data/priya.json`,
		MinArgs: 2,
		MaxArgs: -1,
		Run:     func(args []string) error { return runReport(e, out, team, args) },
	})
	c.commonFlags(e, "print the report's data (every figure and name the page shows) as JSON instead of the page")
	c.combineFlag(e)
	c.peopleFlags(e)
	c.Flag.BoolVar(&team, "team", false, "write the team report even for one person")
	c.Flag.StringVar(&out, "o", "", "write the report to `FILE` instead of standard output (\"-\")")
	return c
}

// runReport is `wlp report TARGET PROFILE...`: package report makes the
// page, and it goes where -o says (see writeOut).
func runReport(e *env, out string, team bool, args []string) error {
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
	if len(ps) == 0 && !team {
		return fmt.Errorf("%s: holds no profile", strings.Join(displayAll(args[1:]), ", "))
	}
	target := ids[0]
	m := match.New(f)
	var b bytes.Buffer
	if len(ps) == 1 && !team {
		r, err := report.NewPersonReport(m, ps[0], target)
		if err != nil {
			return err
		}
		r.Combined = e.combinedBy(ps[0])
		r.Notes = e.reportNotes(f, false)
		if e.json {
			err = writeJSON(&b, r)
		} else {
			err = r.WriteHTML(&b)
		}
		if err != nil {
			return err
		}
	} else {
		r, err := report.NewTeamReport(m, ps, target)
		if err != nil {
			return err
		}
		r.Combined = e.combinedByAny(ps)
		r.Notes = e.reportNotes(f, true)
		if e.json {
			err = writeJSON(&b, r)
		} else {
			err = r.WriteHTML(&b)
		}
		if err != nil {
			return err
		}
	}
	return e.writeOut(out, b.Bytes())
}

// displayAll returns the names of inputs as messages show them.
func displayAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = display(n)
	}
	return out
}

// reportNotes returns the notes a report shows under its summary: where
// raters disagree, and for a team whose reviews were combined (or left
// out), since the team's summary names one policy for everyone. A person
// report says itself how the person's reviews were combined.
func (e *env) reportNotes(f *wlp.Framework, team bool) []string {
	var out []string
	for _, n := range e.reviewNotes {
		switch {
		case !team:
		case n.policy == "":
			out = append(out, fmt.Sprintf("%s: %s left out (-combine %s): only the ratings count.", n.who, plural(n.reviews, "review"), noCombine))
		default:
			out = append(out, fmt.Sprintf("%s: %s combined by %s.", n.who, plural(n.reviews, "review"), policyLabel(n.policy, e.combine == "")))
		}
		for _, d := range n.dis {
			out = append(out, fmt.Sprintf("%s: raters disagree by %d levels or more on %s, combined by %s.",
				n.who, profile.DisagreementLevels, disagreement(f, d), n.policy))
		}
	}
	if more := e.moreNotes; more.merged+more.unmerged > 0 {
		out = append(out, fmt.Sprintf("%s more with reviews are not listed: %d combined, %d left out; raters disagree for %d of them.",
			countPeople(more.merged+more.unmerged), more.merged, more.unmerged, more.disagreeing))
	}
	return out
}
