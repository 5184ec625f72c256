package main

import (
	"cmp"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

var chartCmd = &command{
	name:  "chart",
	args:  "[-framework FILE] [-json] [-combine POLICY] [-o FILE] PROFILE TARGET | -team PROFILE... TARGET",
	short: "an SVG radar chart of a profile (or a team, -team) against a role or job",
	long: `Chart draws an SVG radar (spider) chart of the person in the file PROFILE
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
	example: `wlp chart -o dana.svg examples/data/dana.json chief-learning-officer
wlp chart -team -o team.svg examples/data/lee.json examples/data/dana.json business-partner`,
	minArgs: 2,
	maxArgs: -1,
	jsonDoc: "print the chart's data (axes, required levels, each person's levels and fit) instead of the SVG",
	flags: func(fs *flag.FlagSet, e *env) {
		fs.StringVar(&e.out, "o", "", "write the chart to `FILE` instead of standard output (\"-\")")
		fs.BoolVar(&e.team, "team", false, "chart several people and the team they make: PROFILE... TARGET")
		combineFlag(fs, e)
	},
	run: runChart,
}

// chartAxis is one axis of a chart: a requirement and its level.
type chartAxis struct {
	Label   string           `json:"label"`
	Of      []competency.ID  `json:"of"`
	AtLeast int              `json:"atLeast,omitempty"`
	Need    competency.Level `json:"need"`
}

// chartPerson is one person on a chart.
type chartPerson struct {
	Profile    string             `json:"profile"`
	Name       string             `json:"name,omitempty"`
	Fit        float64            `json:"fit"`
	Confidence match.Confidence   `json:"confidence"`
	Levels     []competency.Level `json:"levels"` // one per axis
}

// chartTeam is the team on a team chart: every member's best level on
// each axis, and the team's fit as match.Matcher.Team scores it.
type chartTeam struct {
	Fit        float64            `json:"fit"`
	Confidence match.Confidence   `json:"confidence"`
	Levels     []competency.Level `json:"levels"` // one per axis
}

// chartData is what a chart shows; chart -json prints it.
type chartData struct {
	Target role.ID       `json:"target"`
	Kind   match.Kind    `json:"kind"`
	Name   string        `json:"name"`
	Axes   []chartAxis   `json:"axes"`
	People []chartPerson `json:"people"`
	Team   *chartTeam    `json:"team,omitempty"` // with -team
	notes  []string      // under the legend: the raters' disagreements
}

func runChart(e *env, args []string) error {
	if !e.team && len(args) != 2 {
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
	d, err := buildChart(f, role.ID(target), ps)
	if err != nil {
		return err
	}
	if e.team {
		if d.Team, err = teamOnChart(f, role.ID(target), ps, d.Axes); err != nil {
			return err
		}
	}
	d.notes = e.chartNotes(f)

	var out []byte
	if e.json {
		var b strings.Builder
		if err := writeJSON(&b, d); err != nil {
			return err
		}
		out = []byte(b.String())
	} else {
		out = chartSVG(d, e.team)
	}
	return e.writeOut(out)
}

// buildChart scores every person against target and lays out the axes.
func buildChart(f *wlp.Framework, target role.ID, ps []profile.Profile) (chartData, error) {
	m := match.New(f)
	axes := chartAxes(f, target)
	name, _ := targetName(f, target)
	d := chartData{Target: target, Name: name, Axes: axes, People: []chartPerson{}}
	for _, p := range ps {
		res, err := m.Score(p, target)
		if err != nil {
			return chartData{}, err
		}
		d.Kind = res.Kind
		cp := chartPerson{Profile: p.ID, Name: p.Name, Fit: res.Fit, Confidence: res.Confidence}
		for _, a := range axes {
			cp.Levels = append(cp.Levels, have(p, a))
		}
		d.People = append(d.People, cp)
	}
	if d.Kind == "" {
		d.Kind = match.KindRole
		if _, ok := f.Job(target); ok {
			d.Kind = match.KindJob
		}
	}
	return d, nil
}

// teamOnChart returns the team ps makes on a chart of target: its fit and
// confidence from match.Matcher.Team, and on each axis the team's level,
// every member's best level per ID taken together as Team takes them (for
// a group axis, the k-th best of those best levels).
func teamOnChart(f *wlp.Framework, target role.ID, ps []profile.Profile, axes []chartAxis) (*chartTeam, error) {
	tr, err := match.New(f).Team(ps, target)
	if err != nil {
		return nil, err
	}
	best := profile.Profile{Ratings: map[competency.ID]profile.Rating{}}
	for _, p := range ps {
		for id, r := range p.Ratings {
			if _, ok := f.NameOf(id); !ok {
				continue // as the matcher ignores it
			}
			if r.Level > best.Ratings[id].Level {
				best.Ratings[id] = profile.Rating{Level: r.Level}
			}
		}
	}
	t := &chartTeam{Fit: tr.Result.Fit, Confidence: tr.Result.Confidence, Levels: []competency.Level{}}
	for _, a := range axes {
		t.Levels = append(t.Levels, have(best, a))
	}
	return t, nil
}

// chartAxes returns one axis per requirement of the target.
//
// A job is charted on its own requirements plus every requirement of each
// role it blends, merged by what they are about (the same IDs and the same
// count), at the highest level any of them asks. That reads better than one
// axis per role: a radar needs one scale on every axis, and levels are what
// a person can see and develop, while a role's fit is a percentage that
// hides which competency falls short. The CLO job gives 21 axes this way,
// each a competency, an area or a group the person can act on.
//
// Single requirements come in the framework's model order, so that
// neighbouring axes are related competencies (clusters, then areas); group
// requirements follow, in the order the target lists them.
func chartAxes(f *wlp.Framework, target role.ID) []chartAxis {
	var reqs []role.Requirement
	if r, ok := f.Role(target); ok {
		reqs = r.Requirements
	} else if j, ok := f.Job(target); ok {
		reqs = j.Requirements
		for _, sh := range j.Roles {
			if r, ok := f.Role(sh.Role); ok {
				reqs = append(reqs, r.Requirements...)
			}
		}
	}
	var axes []chartAxis
	seen := map[string]int{}
	for _, q := range reqs {
		of := slices.Clone(q.Of)
		slices.Sort(of)
		key := fmt.Sprint(of, q.K())
		if i, ok := seen[key]; ok {
			axes[i].Need = max(axes[i].Need, q.Level)
			continue
		}
		atLeast := q.AtLeast
		if atLeast == len(q.Of) {
			atLeast = 0
		}
		seen[key] = len(axes)
		axes = append(axes, chartAxis{Label: describe(f, q.Of, atLeast), Of: slices.Clone(q.Of), AtLeast: atLeast, Need: q.Level})
	}
	slices.SortStableFunc(axes, func(a, b chartAxis) int {
		ga, gb := len(a.Of) > 1, len(b.Of) > 1
		switch {
		case ga && gb:
			return 0
		case ga != gb:
			if ga {
				return 1
			}
			return -1
		}
		return cmp.Compare(f.Index(a.Of[0]), f.Index(b.Of[0]))
	})
	return axes
}

// have returns p's level on an axis: the level of its one ID, or for a
// group the k-th best level among its IDs, as a result's outcome has it.
func have(p profile.Profile, a chartAxis) competency.Level {
	ls := make([]competency.Level, len(a.Of))
	for i, id := range a.Of {
		ls[i] = min(max(p.Level(id), competency.MinLevel), competency.MaxLevel)
	}
	slices.SortFunc(ls, func(x, y competency.Level) int { return cmp.Compare(y, x) })
	k := a.AtLeast
	if k <= 0 || k > len(ls) {
		k = len(ls)
	}
	if k == 0 {
		return 0
	}
	return ls[k-1]
}

// chartSVG draws d.
func chartSVG(d chartData, team bool) []byte {
	r := radarOf(d, team)
	return r.svg()
}

// radarOf lays out d as a radar chart: of one person, or with team of
// several, each in a colour of their own.
func radarOf(d chartData, team bool) radar {
	r := radar{}
	for l := competency.MinLevel; l <= competency.MaxLevel; l++ {
		r.rings = append(r.rings, strconv.Itoa(int(l))+" "+l.String())
	}
	single := !team && len(d.People) == 1
	for i, a := range d.Axes {
		note := fmt.Sprintf("need %d", a.Need)
		if single {
			note += fmt.Sprintf(" · has %d", d.People[0].Levels[i])
		}
		r.axes = append(r.axes, radarAxis{label: a.Label, note: note})
	}
	var desc strings.Builder
	for i, a := range d.Axes {
		if i > 0 {
			desc.WriteString("; ")
		}
		fmt.Fprintf(&desc, "%s: need %d", a.Label, a.Need)
		for _, p := range d.People {
			fmt.Fprintf(&desc, ", %s has %d", cmp.Or(p.Name, p.Profile), p.Levels[i])
		}
		if d.Team != nil {
			fmt.Fprintf(&desc, ", the team has %d", d.Team.Levels[i])
		}
	}
	desc.WriteString(".")
	r.desc = desc.String()
	need := series{name: "Required level for " + d.Name, dashed: true}
	for _, a := range d.Axes {
		need.values = append(need.values, float64(a.Need))
	}
	r.series = append(r.series, need)
	if d.Team != nil {
		s := series{name: fmt.Sprintf("The team, each member's best level: fit %s, %s confidence", pct(d.Team.Fit), d.Team.Confidence), band: true}
		for _, l := range d.Team.Levels {
			s.values = append(s.values, float64(l))
		}
		r.series = append(r.series, s)
	}
	for i, p := range d.People {
		s := series{color: palette[i%len(palette)]}
		s.name = fmt.Sprintf("%s: fit %s, %s confidence", cmp.Or(p.Name, p.Profile), pct(p.Fit), p.Confidence)
		for _, l := range p.Levels {
			s.values = append(s.values, float64(l))
		}
		r.series = append(r.series, s)
	}
	r.caption = "one axis per requirement"
	if d.Kind == match.KindJob {
		r.caption = "one axis per requirement of the job and its roles"
	}
	r.caption += " · levels 0 (centre) to 5 (outer ring)"
	if single {
		p := d.People[0]
		r.title = fmt.Sprintf("%s: fit %s", cmp.Or(p.Name, p.Profile), pct(p.Fit))
		r.subtitle = fmt.Sprintf("against %s (%s %s), %s confidence", d.Name, d.Kind, d.Target, p.Confidence)
	} else if d.Team != nil {
		r.title = fmt.Sprintf("%s: a team of %s, team fit %s", d.Name, people(len(d.People)), pct(d.Team.Fit))
		r.subtitle = fmt.Sprintf("%s %s, %s confidence together; each person's own fit is in the legend", d.Kind, d.Target, d.Team.Confidence)
	} else {
		r.title = fmt.Sprintf("%s: %s", d.Name, people(len(d.People)))
		r.subtitle = fmt.Sprintf("%s %s; each person's fit is in the legend", d.Kind, d.Target)
	}
	r.notes = d.notes
	return r
}
