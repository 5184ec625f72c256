package main

import (
	"bytes"
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
		UsageLine: "wlp chart [-framework FILE] [-json] [-combine POLICY] [-o FILE] PROFILE TARGET | -team PROFILE... TARGET",
		Short:     "an SVG radar chart of a profile (or a team, -team) against a role or job",
		Long: `Chart draws an SVG radar (spider) chart of the person in the file PROFILE
against TARGET, a role or a job: one axis per requirement, labelled with the
competency's or area's name ("any 1 of 9 areas" for a group), rings for the
levels 0 (centre) to 5 (outer ring), a dashed polygon of the required levels
and a coloured polygon of the person's levels, with the fit in the title.

A job's chart has one axis per requirement of the job and of each role it
blends; a competency that several of them ask for gets one axis, at the
highest level asked.

With -team, every argument but the last is a profile and each person gets a
polygon of their own colour and a legend entry with their fit. A wide grey
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
		Example: `wlp chart -o dana.svg examples/data/dana.json chief-learning-officer
wlp chart -team -o team.svg examples/data/lee.json examples/data/dana.json business-partner`,
		MinArgs: 2,
		MaxArgs: -1,
		Run:     func(args []string) error { return runChart(e, out, team, args) },
	})
	c.commonFlags(e, "print the chart's data (axes, required levels, each person's levels and fit) instead of the SVG")
	c.combineFlag(e)
	c.Flag.StringVar(&out, "o", "", "write the chart to `FILE` instead of standard output (\"-\")")
	c.Flag.BoolVar(&team, "team", false, "chart several people and the team they make: PROFILE... TARGET")
	return c
}

// runChart is `wlp chart PROFILE TARGET` and `wlp chart -team PROFILE...
// TARGET`: package report draws the chart, and the output goes to the
// file out names (see writeOut).
func runChart(e *env, out string, team bool, args []string) error {
	if !team && len(args) != 2 {
		return usageError(fmt.Sprintf("wants PROFILE and TARGET, got %d arguments (use -team for several people)", len(args)))
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	target := args[len(args)-1]
	if err := checkTarget(f, target); err != nil {
		return err
	}
	ps, err := e.loadProfiles(f, args[:len(args)-1])
	if err != nil {
		return err
	}
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
