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

// maxDrawnPeople is the most people a chart draws one by one; with more,
// it draws how their levels spread on each axis instead.
//
// Telling people apart is not the limit: eight colours and five marker
// shapes make every person's style distinct up to 40 people (see
// personStyle). Reading is. An axis has only six levels, so with more
// than twelve people some level of every axis is shared by three or more
// of them (thirteen people, six levels): their markers sit on one another
// and their outlines run together. And past twelve a colour would be worn
// by a third person; up to twelve, each colour is worn at most twice, and
// the second wearer has a marker of its own and a dashed line.
const maxDrawnPeople = 12

// WriteSVG draws the chart as a standalone SVG document and writes it to
// w in one Write. The document's viewBox grows to hold every label, so
// nothing is clipped, and it scales to any size; its title and
// description give the chart's data in words, for screen readers. It
// uses no element IDs, so that several charts can sit inline in one HTML
// page; its parts carry classes for a page's style sheet and for tests,
// each starting "wlp-": the body is a group of class wlp-radar or
// wlp-bars, in which wlp-need marks the required levels, wlp-team the
// team's band, wlp-person each person's group (its polygon or wlp-bar
// bars, and markers), wlp-spread and wlp-median the bands of many
// people; the legend is a group of class wlp-legend.
//
// A target of three or more axes is drawn as a radar, one of fewer as
// horizontal bars, one row per axis. Up to 12 people are drawn one by
// one, each in a colour, marker shape and line pattern of their own;
// more people are drawn as bands of how their levels spread on each axis
// (lowest to highest, the middle half, the median), with each person's
// fit listed under the legend. A group label too long for the chart is
// shortened there and given whole under the legend.
//
// It fails, writing nothing, when a person's or the team's levels do not
// match the axes one for one; otherwise it returns w's error. Levels off
// the scale are drawn at its ends.
//
// WriteSVG costs O(A × (P + 2)) time and memory, where A counts the axes
// and P the people, plus time linear in the length of the labels and
// names, plus the moving apart of overlapping radar labels, which
// compares pairs of labels on at most 100 passes and is skipped past 256
// axes: a bounded cost.
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
	pl := plot{bars: len(r.Axes) < 3}
	for l := competency.MinLevel; l <= competency.MaxLevel; l++ {
		pl.rings = append(pl.rings, strconv.Itoa(int(l))+" "+l.String())
	}
	single := r.Team == nil && len(r.People) == 1
	spread := len(r.People) > maxDrawnPeople
	width, lines := labelChars, labelLines
	if pl.bars {
		width, lines = barLabelChars, barLabelLines
	}
	for i, a := range r.Axes {
		note := fmt.Sprintf("need %d", a.Need)
		if single {
			note += fmt.Sprintf(" · has %d", r.People[0].Levels[i])
		}
		mark := "[" + strconv.Itoa(len(pl.key)+1) + "]"
		ls, whole := axisLines(a, width, lines, mark)
		if !whole {
			pl.key = append(pl.key, mark+" "+a.Label)
		}
		pl.axes = append(pl.axes, plotAxis{lines: ls, note: note})
	}
	need := series{kind: needSeries, name: "Required level for " + r.Name}
	for _, a := range r.Axes {
		need.values = append(need.values, float64(a.Need))
	}
	pl.series = append(pl.series, need)
	if r.Team != nil {
		s := series{kind: teamSeries, name: fmt.Sprintf("The team, each member's best level: fit %s (%s)", percent(r.Team.Fit), r.Team.Confidence.Word())}
		for _, l := range r.Team.Levels {
			s.values = append(s.values, float64(l))
		}
		pl.series = append(pl.series, s)
	}
	var stats []spreadStats
	if spread {
		stats = r.spread()
		n := countPeople(len(r.People))
		rng := series{kind: rangeSeries, name: "Lowest to highest level of the " + n + " on each axis"}
		mid := series{kind: middleSeries, name: "The middle half of them (from the quarter-way to the three-quarter-way person)"}
		med := series{kind: medianSeries, name: "The median level"}
		for _, st := range stats {
			rng.low, rng.values = append(rng.low, float64(st.lo)), append(rng.values, float64(st.hi))
			mid.low, mid.values = append(mid.low, float64(st.q1)), append(mid.values, float64(st.q3))
			med.values = append(med.values, float64(st.med))
		}
		pl.series = append(pl.series, rng, mid, med)
		for _, p := range r.People {
			pl.people = append(pl.people, cmp.Or(p.Name, p.Profile)+" "+percent(p.Fit))
		}
	} else {
		for i, p := range r.People {
			s := series{kind: personSeries, style: personStyle(i)}
			s.name = fmt.Sprintf("%s: fit %s (%s)", cmp.Or(p.Name, p.Profile), percent(p.Fit), p.Confidence.Word())
			for _, l := range p.Levels {
				s.values = append(s.values, float64(l))
			}
			pl.series = append(pl.series, s)
		}
	}
	pl.desc = r.description(stats)

	pl.caption = "one axis per requirement"
	if pl.bars {
		pl.caption = "one row per requirement"
	}
	if r.Kind == match.KindJob {
		pl.caption += " of the job and its roles"
	}
	if pl.bars {
		pl.caption += ", as bars (a radar needs three) · levels 0 (left) to 5 (right)"
	} else {
		pl.caption += " · levels 0 (centre) to 5 (outer ring)"
	}
	if spread {
		pl.caption += " · bands: how the people's levels spread"
	}
	where := "is in the legend"
	if spread {
		where = "is listed under the legend"
	}
	switch {
	case single:
		p := r.People[0]
		pl.title = fmt.Sprintf("%s: fit %s", cmp.Or(p.Name, p.Profile), percent(p.Fit))
		pl.subtitle = fmt.Sprintf("against %s (%s %s), a %s fit", r.Name, r.Kind, r.Target, p.Confidence.Word())
	case r.Team != nil:
		pl.title = fmt.Sprintf("%s: a team of %s, team fit %s", r.Name, countPeople(max(r.Team.Members, len(r.People))), percent(r.Team.Fit))
		pl.subtitle = fmt.Sprintf("%s %s, a %s fit together; each person's own fit %s", r.Kind, r.Target, r.Team.Confidence.Word(), where)
		if r.Team.Members > len(r.People) {
			fits := "in the legend"
			if spread {
				fits = "listed under the legend"
			}
			pl.subtitle = fmt.Sprintf("%s %s, a %s fit together; its %s drawn, their own fits %s", r.Kind, r.Target, r.Team.Confidence.Word(), bestOf(len(r.People)), fits)
		}
	default:
		pl.title = fmt.Sprintf("%s: %s", r.Name, countPeople(len(r.People)))
		pl.subtitle = fmt.Sprintf("%s %s; each person's fit %s", r.Kind, r.Target, where)
	}
	pl.notes = r.Notes
	return pl
}

// spreadStats is how the people's levels spread on one axis: the lowest,
// the quartiles and the highest, each the level of one person (nearest
// rank), so each is a level of the scale.
type spreadStats struct {
	lo, q1, med, q3, hi competency.Level
}

// spread returns the spread of the people's levels on each axis, levels
// off the scale counted at its ends. It counts the people at each level,
// so it costs O(A × P) time and O(A) memory.
func (r Radar) spread() []spreadStats {
	const levels = int(competency.MaxLevel-competency.MinLevel) + 1
	n := len(r.People)
	stats := make([]spreadStats, len(r.Axes))
	for i := range r.Axes {
		var count [levels]int
		for _, p := range r.People {
			count[min(max(p.Levels[i], competency.MinLevel), competency.MaxLevel)-competency.MinLevel]++
		}
		// at returns the level of the person of the given rank, from 1
		// (the lowest) to n.
		at := func(rank int) competency.Level {
			seen := 0
			for l, c := range count {
				seen += c
				if seen >= rank {
					return competency.MinLevel + competency.Level(l)
				}
			}
			return competency.MaxLevel
		}
		// The nearest rank of the fraction a/4: the smallest rank whose
		// share of the people reaches it.
		rank := func(a int) int { return max(1, (n*a+3)/4) }
		stats[i] = spreadStats{lo: at(1), q1: at(rank(1)), med: at(rank(2)), q3: at(rank(3)), hi: at(n)}
	}
	return stats
}

// description gives the chart's data in words, for screen readers: each
// axis with its required level (a group with every name) and everyone's
// level on it, or with many people how their levels spread, and their
// fits. It is built once, in one buffer, so its cost is linear in the
// axes times the people.
func (r Radar) description(stats []spreadStats) string {
	var desc strings.Builder
	if stats != nil {
		fmt.Fprintf(&desc, "The %s are too many to draw one by one; the chart shows how their levels spread on each axis. ", countPeople(len(r.People)))
	}
	for i, a := range r.Axes {
		if i > 0 {
			desc.WriteString("; ")
		}
		label := a.Label
		if a.Group != "" && len(a.Names) > 2 {
			label = a.Group + " (" + strings.Join(a.Names, ", ") + ")"
		}
		fmt.Fprintf(&desc, "%s: need %d", label, a.Need)
		if stats != nil {
			st := stats[i]
			fmt.Fprintf(&desc, ", the people from %d to %d, the middle half from %d to %d, median %d", st.lo, st.hi, st.q1, st.q3, st.med)
		} else {
			for _, p := range r.People {
				fmt.Fprintf(&desc, ", %s has %d", cmp.Or(p.Name, p.Profile), p.Levels[i])
			}
		}
		if r.Team != nil {
			fmt.Fprintf(&desc, ", the team has %d", r.Team.Levels[i])
		}
	}
	desc.WriteString(".")
	if stats != nil {
		desc.WriteString(" Fits:")
		for i, p := range r.People {
			if i > 0 {
				desc.WriteString(",")
			}
			fmt.Fprintf(&desc, " %s %s (%s)", cmp.Or(p.Name, p.Profile), percent(p.Fit), p.Confidence.Word())
		}
		desc.WriteString(".")
	}
	return desc.String()
}

// percent prints a fraction as a percentage with one decimal: "83.3%".
func percent(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// bestOf names the people a team chart draws when it draws fewer than
// the team: "best member", "5 best members".
func bestOf(n int) string {
	if n == 1 {
		return "best member"
	}
	return strconv.Itoa(n) + " best members"
}

// countPeople counts people: "1 person", "3 people".
func countPeople(n int) string {
	if n == 1 {
		return "1 person"
	}
	return strconv.Itoa(n) + " people"
}
