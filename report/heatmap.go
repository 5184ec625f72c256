package report

import (
	"html/template"
	"strings"

	"github.com/wlpmodel/wlp/competency"
)

// The skills matrix is a heat map of people by requirements: one row per
// member (best first), one column per requirement, each cell the
// member's level, coloured by how it stands against the level needed.
// Colour is never the only sign: the cell shows the level as a number,
// and a screen reader reads "level 2 of 4 needed".

// matrixView is the skills matrix ready for its template.
type matrixView struct {
	Columns []matrixColumn
	Key     []keyEntry // the groups, named in full
	Rows    []matrixRow
	Legend  []legendEntry
}

// matrixColumn is one column's header.
type matrixColumn struct {
	Label string // what it asks for, short
	Tag   string // "G1" for a group, which the key names in full
	Need  string // "4"
}

// keyEntry names a group column in full.
type keyEntry struct {
	Tag, Label, Need string
}

// matrixRow is one member's row: their name, fit, and the cells,
// written out at once (they hold numbers and fixed words only).
type matrixRow struct {
	Name, ID, Fit string
	Cells         template.HTML
}

// legendEntry is one colour of the legend.
type legendEntry struct {
	Class, Sample, Text string
}

// matrixLegend explains the cells' colours.
var matrixLegend = []legendEntry{
	{"met", "4", "met: the level needed or above"},
	{"short-one", "3", "short by one level"},
	{"short-more", "1", "short by two levels or more"},
	{"unrated", "–", "not rated: counts as level 0"},
}

// cellClass returns the class of a cell: met, short-one, short-more or
// unrated.
func cellClass(have, need competency.Level, rated bool) string {
	_, class := levelStatus(need, have, rated)
	return class
}

// matrix lays the members' levels out as the skills matrix. A row is
// named as the ranking names it: the member's name (or profile ID), with
// the profile ID after it.
func (r TeamReport) matrix() matrixView {
	mv := matrixView{Legend: matrixLegend}
	groups := 0
	for _, col := range r.Columns {
		c := matrixColumn{Label: col.Label, Need: fmtInt(int(col.Need))}
		if len(col.Of) > 1 {
			groups++
			c.Tag = "G" + fmtInt(groups)
			if col.Group != "" {
				c.Label = col.Group
			}
			mv.Key = append(mv.Key, keyEntry{Tag: c.Tag, Label: col.Label, Need: fmtLevel(r.Levels, col.Need)})
		}
		mv.Columns = append(mv.Columns, c)
	}
	var b strings.Builder
	for _, m := range r.Members {
		b.Reset()
		for j, col := range r.Columns {
			var have competency.Level
			if j < len(m.Levels) {
				have = m.Levels[j]
			}
			rated := j < len(m.Rated) && m.Rated[j]
			need := fmtInt(int(col.Need))
			b.WriteString(`<td class="`)
			b.WriteString(cellClass(have, col.Need, rated))
			b.WriteString(`">`)
			if rated {
				b.WriteString(`<span class="sr">level </span>`)
				b.WriteString(fmtInt(int(have)))
				b.WriteString(`<span class="sr"> of ` + need + ` needed</span>`)
			} else {
				b.WriteString(`<span aria-hidden="true">–</span><span class="sr"> not rated, ` + need + ` needed</span>`)
			}
			b.WriteString("</td>")
		}
		mv.Rows = append(mv.Rows, matrixRow{Name: displayName(m.Profile, m.Name), ID: m.Profile, Fit: percent(m.Fit),
			Cells: template.HTML(b.String())}) // numbers and fixed words only
	}
	return mv
}
