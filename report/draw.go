package report

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/problem"
)

// WriteSVG draws the chart as a standalone SVG document and writes it to
// w in one Write. The document's viewBox grows to hold every label, so
// nothing is clipped, and it scales to any size; its title and
// description give the chart's data in words, for screen readers.
//
// It fails, writing nothing, when a person's or the team's levels do not
// match the axes one for one; otherwise it returns w's error. Levels off
// the scale are drawn at its ends.
//
// WriteSVG costs O(A × (P + 2)) time and memory, where A counts the axes
// and P the people, plus the moving apart of overlapping axis labels,
// which compares pairs of labels on at most 100 passes and is skipped
// past 256 axes: a bounded cost.
func (r Radar) WriteSVG(w io.Writer) error {
	if err := r.check(); err != nil {
		return err
	}
	p := r.plot()
	_, err := w.Write(p.svg())
	return err
}

// check reports levels that do not match the axes one for one.
func (r Radar) check() error {
	for i, p := range r.People {
		if len(p.Levels) != len(r.Axes) {
			return fmt.Errorf("report: person %d (profile %s) has %d levels for %d axes", i, problem.Quote(p.Profile), len(p.Levels), len(r.Axes))
		}
	}
	if r.Team != nil && len(r.Team.Levels) != len(r.Axes) {
		return fmt.Errorf("report: the team has %d levels for %d axes", len(r.Team.Levels), len(r.Axes))
	}
	return nil
}

// plot lays the chart out for drawing: its titles, axes and series.
func (r Radar) plot() plot {
	var pl plot
	for l := competency.MinLevel; l <= competency.MaxLevel; l++ {
		pl.rings = append(pl.rings, strconv.Itoa(int(l))+" "+l.String())
	}
	single := r.Team == nil && len(r.People) == 1
	for i, a := range r.Axes {
		note := fmt.Sprintf("need %d", a.Need)
		if single {
			note += fmt.Sprintf(" · has %d", r.People[0].Levels[i])
		}
		pl.axes = append(pl.axes, plotAxis{label: a.Label, note: note})
	}
	pl.desc = r.description()
	need := series{name: "Required level for " + r.Name, dashed: true}
	for _, a := range r.Axes {
		need.values = append(need.values, float64(a.Need))
	}
	pl.series = append(pl.series, need)
	if r.Team != nil {
		s := series{name: fmt.Sprintf("The team, each member's best level: fit %s, %s confidence", percent(r.Team.Fit), r.Team.Confidence), band: true}
		for _, l := range r.Team.Levels {
			s.values = append(s.values, float64(l))
		}
		pl.series = append(pl.series, s)
	}
	for i, p := range r.People {
		s := series{color: palette[i%len(palette)]}
		s.name = fmt.Sprintf("%s: fit %s, %s confidence", cmp.Or(p.Name, p.Profile), percent(p.Fit), p.Confidence)
		for _, l := range p.Levels {
			s.values = append(s.values, float64(l))
		}
		pl.series = append(pl.series, s)
	}
	pl.caption = "one axis per requirement"
	if r.Kind == match.KindJob {
		pl.caption = "one axis per requirement of the job and its roles"
	}
	pl.caption += " · levels 0 (centre) to 5 (outer ring)"
	switch {
	case single:
		p := r.People[0]
		pl.title = fmt.Sprintf("%s: fit %s", cmp.Or(p.Name, p.Profile), percent(p.Fit))
		pl.subtitle = fmt.Sprintf("against %s (%s %s), %s confidence", r.Name, r.Kind, r.Target, p.Confidence)
	case r.Team != nil:
		pl.title = fmt.Sprintf("%s: a team of %s, team fit %s", r.Name, countPeople(len(r.People)), percent(r.Team.Fit))
		pl.subtitle = fmt.Sprintf("%s %s, %s confidence together; each person's own fit is in the legend", r.Kind, r.Target, r.Team.Confidence)
	default:
		pl.title = fmt.Sprintf("%s: %s", r.Name, countPeople(len(r.People)))
		pl.subtitle = fmt.Sprintf("%s %s; each person's fit is in the legend", r.Kind, r.Target)
	}
	pl.notes = r.Notes
	return pl
}

// description gives the chart's data in words, for screen readers: each
// axis with its required level and everyone's level on it. It is built
// once, in one buffer, so its cost is linear in the axes times the people.
func (r Radar) description() string {
	var desc strings.Builder
	for i, a := range r.Axes {
		if i > 0 {
			desc.WriteString("; ")
		}
		fmt.Fprintf(&desc, "%s: need %d", a.Label, a.Need)
		for _, p := range r.People {
			fmt.Fprintf(&desc, ", %s has %d", cmp.Or(p.Name, p.Profile), p.Levels[i])
		}
		if r.Team != nil {
			fmt.Fprintf(&desc, ", the team has %d", r.Team.Levels[i])
		}
	}
	desc.WriteString(".")
	return desc.String()
}

// percent prints a fraction as a percentage with one decimal: "83.3%".
func percent(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// countPeople counts people: "1 person", "3 people".
func countPeople(n int) string {
	if n == 1 {
		return "1 person"
	}
	return strconv.Itoa(n) + " people"
}
