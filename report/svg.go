package report

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"
)

// plot is a radar chart laid out for drawing: its text, one spoke per
// axis, rings for the levels, and one polygon per series.
type plot struct {
	title    string // the headline: who, and the fit
	subtitle string // against what
	caption  string // how to read the chart
	desc     string // the chart's data in words, for screen readers
	axes     []plotAxis
	rings    []string // the labels of levels 0..len-1; the outer ring is the last
	series   []series
	notes    []string // lines under the legend, such as raters' disagreements
}

// plotAxis is one spoke of the chart.
type plotAxis struct {
	label string // the requirement, wrapped over lines as needed
	note  string // a smaller second line, such as "need 4 · has 3"
}

// series is one polygon: the required levels or a person's levels.
type series struct {
	name   string    // the legend entry
	values []float64 // one per axis, in levels
	color  string
	dashed bool // the required levels: dashed, grey, no dots
	band   bool // a team's levels: a wide translucent grey band, no dots
}

// palette holds the people's colours: the Okabe-Ito colour-blind-safe
// set, without its yellow (unreadable on white).
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"}

// bandColor is the colour of a team's band.
const bandColor = "#222222"

// Layout, in user units of the viewBox.
const (
	chartWidth  = 1000.0
	radius      = 250.0
	labelGap    = 16.0 // between the outer ring and a label
	labelSize   = 13.0 // font size of axis labels
	noteSize    = 11.0
	lineHeight  = 15.0
	labelChars  = 22   // wrap axis labels at this many characters
	charWidth   = 0.56 // an average sans-serif glyph, in ems
	titleHeight = 100.0
	legendRow   = 24.0
)

// svg renders the chart as a standalone SVG document. Its viewBox grows
// to hold every label, so nothing is clipped, and the document scales to
// any size.
func (r *plot) svg() []byte {
	n := len(r.axes)
	levels := float64(len(r.rings) - 1)
	if levels < 1 {
		levels = 1
	}

	// Lay out the labels first: they decide how much room the chart needs
	// above, below and beside the rings.
	labels := r.layout()
	var top, bottom, left, right float64 // extents relative to the centre
	for _, l := range labels {
		left, right = math.Min(left, l.x0), math.Max(right, l.x0+l.w)
		top, bottom = math.Min(top, l.y0), math.Max(bottom, l.y0+l.h)
	}
	top = math.Min(top, -radius-20)
	bottom = math.Max(bottom, radius+10)

	cx := chartWidth / 2
	cy := titleHeight + 16 - top
	minX := math.Min(0, cx+left-16)
	maxX := math.Max(chartWidth, cx+right+16)
	for _, h := range []struct {
		s    string
		size float64
	}{{r.title, 24 * 1.1}, {r.subtitle, 16}, {r.caption, 13}} {
		maxX = math.Max(maxX, minX+32+textWidth(h.s, h.size)+16)
	}
	for _, s := range r.series {
		maxX = math.Max(maxX, minX+32+42+textWidth(s.name, 14)+16)
	}
	for _, n := range r.notes {
		maxX = math.Max(maxX, minX+32+textWidth(n, noteSize+1)+16)
	}
	legendTop := cy + bottom + 36
	notesTop := legendTop + float64(len(r.series))*legendRow + 8
	height := notesTop - 8 + 12
	if len(r.notes) > 0 {
		height = notesTop + float64(len(r.notes))*lineHeight + 12
	}

	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="` + num(minX) + " 0 " + num(maxX-minX) + " " + num(height) +
		`" width="` + num(maxX-minX) + `" height="` + num(height) + `" role="img" font-family="Helvetica, Arial, sans-serif">` + "\n")
	b.WriteString("<title>" + esc(r.title+", "+r.subtitle) + "</title>\n")
	if r.desc != "" {
		b.WriteString("<desc>" + esc(r.desc) + "</desc>\n")
	}
	b.WriteString(`<rect x="` + num(minX) + `" y="0" width="` + num(maxX-minX) + `" height="` + num(height) + `" fill="#ffffff"/>` + "\n")

	// The headline, what it is against, and how to read it.
	b.WriteString(`<text x="` + num(minX+32) + `" y="40" font-size="24" font-weight="bold" fill="#111111">` + esc(r.title) + "</text>\n")
	b.WriteString(`<text x="` + num(minX+32) + `" y="66" font-size="16" fill="#333333">` + esc(r.subtitle) + "</text>\n")
	b.WriteString(`<text x="` + num(minX+32) + `" y="88" font-size="13" fill="#666666">` + esc(r.caption) + "</text>\n")

	point := func(i int, v float64) (float64, float64) {
		th := angle(i, n)
		rr := radius * clampf(v, 0, levels) / levels
		return cx + rr*math.Cos(th), cy + rr*math.Sin(th)
	}
	poly := func(v func(i int) float64) string {
		var p []string
		for i := range n {
			x, y := point(i, v(i))
			p = append(p, num(x)+","+num(y))
		}
		return strings.Join(p, " ")
	}

	// Rings: polygons through the axes (circles when there are too few
	// axes to make a polygon).
	b.WriteString(`<g fill="none" stroke="#d0d0d0" stroke-width="1">` + "\n")
	for l := 1; l <= int(levels); l++ {
		stroke := ""
		if l == int(levels) {
			stroke = ` stroke="#a0a0a0"`
		}
		if n >= 3 {
			b.WriteString(`<polygon points="` + poly(func(int) float64 { return float64(l) }) + `"` + stroke + "/>\n")
		} else {
			b.WriteString(`<circle cx="` + num(cx) + `" cy="` + num(cy) + `" r="` + num(radius*float64(l)/levels) + `"` + stroke + "/>\n")
		}
	}
	for i := range n {
		x, y := point(i, levels)
		b.WriteString(`<line x1="` + num(cx) + `" y1="` + num(cy) + `" x2="` + num(x) + `" y2="` + num(y) + `"/>` + "\n")
	}
	b.WriteString("</g>\n")

	// The polygons: the required levels under the people.
	for _, s := range r.series {
		vals := s.values
		v := func(i int) float64 {
			if i < len(vals) {
				return vals[i]
			}
			return 0
		}
		if s.band {
			b.WriteString(`<polygon points="` + poly(v) + `" fill="` + bandColor + `" fill-opacity="0.07" stroke="` + bandColor + `" stroke-opacity="0.3" stroke-width="10" stroke-linejoin="round"/>` + "\n")
			if n < 3 {
				// Too few axes for a polygon: mark the team's levels.
				for i := range n {
					x, y := point(i, v(i))
					b.WriteString(`<circle cx="` + num(x) + `" cy="` + num(y) + `" r="9" fill="` + bandColor + `" fill-opacity="0.3" stroke="none"/>` + "\n")
				}
			}
			continue
		}
		if s.dashed {
			b.WriteString(`<polygon points="` + poly(v) + `" fill="#000000" fill-opacity="0.06" stroke="#444444" stroke-width="2" stroke-dasharray="7 5" stroke-linejoin="round"/>` + "\n")
			if n < 3 {
				// One or two axes make no polygon: ring the required
				// levels so that they still show.
				for i := range n {
					x, y := point(i, v(i))
					b.WriteString(`<circle cx="` + num(x) + `" cy="` + num(y) + `" r="7" fill="none" stroke="#444444" stroke-width="2"/>` + "\n")
				}
			}
			continue
		}
		opacity := "0.14"
		if len(r.series) > 2 {
			opacity = "0.07"
		}
		b.WriteString(`<g fill="` + s.color + `" stroke="` + s.color + `">` + "\n")
		b.WriteString(`<polygon points="` + poly(v) + `" fill-opacity="` + opacity + `" stroke-width="2.5" stroke-linejoin="round"/>` + "\n")
		for i := range n {
			x, y := point(i, v(i))
			b.WriteString(`<circle cx="` + num(x) + `" cy="` + num(y) + `" r="3.5" stroke="none"/>` + "\n")
		}
		b.WriteString("</g>\n")
	}

	// Ring labels, up the first axis just inside each ring (away from the
	// axis labels outside), over the polygons with a white halo.
	b.WriteString(`<g font-size="11" fill="#777777" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">` + "\n")
	for l, name := range r.rings {
		y := cy - radius*float64(l)/levels
		b.WriteString(`<text x="` + num(cx+5) + `" y="` + num(y+13) + `">` + esc(name) + "</text>\n")
	}
	b.WriteString("</g>\n")

	// Axis labels.
	b.WriteString(`<g font-size="` + num(labelSize) + `" fill="#222222">` + "\n")
	for _, l := range labels {
		l.x, l.y = cx+l.x, cy+l.y0+lineHeight*0.8 // the first baseline
		b.WriteString(`<text x="` + num(l.x) + `" y="` + num(l.y) + `" text-anchor="` + l.anchor + `">`)
		for j, s := range l.lines {
			dy := "0"
			if j > 0 {
				dy = num(lineHeight)
			}
			b.WriteString(`<tspan x="` + num(l.x) + `" dy="` + dy + `">` + esc(s) + "</tspan>")
		}
		if l.note != "" {
			b.WriteString(`<tspan x="` + num(l.x) + `" dy="` + num(lineHeight-1) + `" font-size="` + num(noteSize) + `" fill="#666666">` + esc(l.note) + "</tspan>")
		}
		b.WriteString("</text>\n")
	}
	b.WriteString("</g>\n")

	// The legend, one row per series.
	b.WriteString(`<g font-size="14" fill="#222222">` + "\n")
	for i, s := range r.series {
		y := legendTop + float64(i)*legendRow
		x := minX + 32
		switch {
		case s.band:
			b.WriteString(`<rect x="` + num(x+2) + `" y="` + num(y-9) + `" width="26" height="10" fill="` + bandColor + `" fill-opacity="0.07" stroke="` + bandColor + `" stroke-opacity="0.3" stroke-width="6"/>` + "\n")
		case s.dashed:
			b.WriteString(`<rect x="` + num(x) + `" y="` + num(y-11) + `" width="30" height="14" fill="#000000" fill-opacity="0.06" stroke="#444444" stroke-width="2" stroke-dasharray="7 5"/>` + "\n")
		default:
			b.WriteString(`<rect x="` + num(x) + `" y="` + num(y-11) + `" width="30" height="14" fill="` + s.color + `" fill-opacity="0.25" stroke="` + s.color + `" stroke-width="2.5"/>` + "\n")
		}
		b.WriteString(`<text x="` + num(x+42) + `" y="` + num(y) + `">` + esc(s.name) + "</text>\n")
	}
	b.WriteString("</g>\n")

	// Notes, such as raters' disagreements, under the legend.
	if len(r.notes) > 0 {
		b.WriteString(`<g font-size="` + num(noteSize+1) + `" fill="#8a3a00">` + "\n")
		for i, n := range r.notes {
			b.WriteString(`<text x="` + num(minX+32) + `" y="` + num(notesTop+float64(i+1)*lineHeight) + `">` + esc(n) + "</text>\n")
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// num prints a coordinate with at most one decimal.
func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// esc escapes text for XML character data; characters XML cannot hold
// become U+FFFD.
func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// clampf returns x limited to [lo, hi].
func clampf(x, lo, hi float64) float64 {
	return math.Max(lo, math.Min(hi, x))
}
