package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// newChart returns the chart command, its flags bound to e.
func newChart(e *env) *Command {
	var out string
	var team bool
	c := newCommand(&Command{
		Name:      "chart",
		UsageLine: "wlp chart [-framework FILE] [-json] [-combine POLICY] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] [-o FILE] TARGET PROFILE | -team TARGET PROFILE...",
		Short:     "an SVG radar chart of a profile (or a team, -team) against a role or job",
		Long: `Chart draws an SVG radar (spider) chart of the person PROFILE names
against TARGET, a role or a job (by its ID or name): one axis per
requirement, labelled with the competency's or area's name (a group names
what it lists: "Coaching and Designing learning (both)", "any 1 of 9 areas
of expertise: ...", shortened on the chart and given whole under the
legend), rings for the levels 0 (centre) to 5 (outer ring), a dashed
polygon of the required levels and a coloured polygon of the person's
levels, with the fit in the title. A target of fewer than three
requirements is drawn as horizontal bars instead.

A job's chart has one axis per requirement of the job and of each role it
blends; a competency that several of them ask for gets one axis, at the
highest level asked.

With -team, every argument after TARGET names people, and each person gets a
polygon of their own colour, marker and line pattern and a legend entry
with their fit; a team of more than 12 is drawn as the spread of its
levels on each axis (lowest to highest, the middle half, the median),
with each person's fit listed under the legend. A wide grey
band draws the team as a whole: on each axis the team's level, every
member's best (as "wlp team" scores it), and the title gives the team's
fit.

` + combineDoc + ` On a chart, the notes
go under the legend.

The SVG goes to standard output, or to the file -o names. With -json it
prints the chart's data instead: the axes with their required levels, each
person's levels and fit, and with -team the team's levels and fit (notes on
reviews are left out).

` + outputDoc,
		Example: `wlp chart -o dana.svg chief-learning-officer examples/data/dana.json
wlp chart -team -o team.svg business-partner examples/data/lee.json examples/data/dana.json`,
		MinArgs: 2,
		MaxArgs: -1,
		Run:     func(args []string) error { return runChart(e, out, team, args) },
	})
	c.commonFlags(e, "print the chart's data (axes, required levels, each person's levels and fit) instead of the SVG")
	c.combineFlag(e)
	c.peopleFlags(e)
	c.Flag.StringVar(&out, "o", "", "write the chart to `FILE` instead of standard output (\"-\")")
	c.Flag.BoolVar(&team, "team", false, "chart several people and the team they make: TARGET PROFILE...")
	return c
}

// runChart is `wlp chart TARGET PROFILE` and `wlp chart -team TARGET
// PROFILE...`: package report draws the chart, and the output goes to the
// file out names (see writeOut).
func runChart(e *env, out string, team bool, args []string) error {
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	if !team && len(args) != 2 {
		return usageError(fmt.Sprintf("wants TARGET and PROFILE, got %d arguments; for several people, add -team: %s",
			len(args), e.commandLine([]string{"-team"}, targetsFront(f, args, false))))
	}
	ids, bad, err := e.leadTarget(f, args, false, !team)
	if err != nil {
		return err
	}
	ps, err := e.loadProfiles(f, args[1:])
	if err := errors.Join(bad, err); err != nil {
		return err
	}
	target := ids[0]
	var opts []report.Option
	if team {
		opts = append(opts, report.AsTeam())
	}
	r, err := report.NewRadar(f, role.ID(target), ps, opts...)
	if err != nil {
		return err
	}
	r.Notes = e.chartNotes(f)

	var b bytes.Buffer
	if e.json {
		err = writeJSON(&b, r)
	} else {
		err = r.WriteSVG(&b)
	}
	if err != nil {
		return err
	}
	return e.writeOut(out, b.Bytes())
}
