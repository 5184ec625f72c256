package report

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"
)

// plot is a chart laid out for drawing: its text, its axes (spokes of a
// radar, or rows of bars when there are fewer than three), the level
// scale, and its series.
type plot struct {
	title    string // the headline: who, and the fit
	subtitle string // against what
	caption  string // how to read the chart
	desc     string // the chart's data in words, for screen readers
	bars     bool   // one row of bars per axis instead of a radar
	axes     []plotAxis
	rings    []string // the labels of levels 0..len-1; the outer ring is the last
	series   []series
	people   []string // with many people, each one's name and fit, listed under the legend
	key      []string // the whole labels of axes the chart shortens
	notes    []string // lines under the legend, such as raters' disagreements
}

// plotAxis is one spoke (or row) of the chart.
type plotAxis struct {
	lines []string // the requirement, wrapped, shortened if need be
	note  string   // a smaller line under it, such as "need 4 · has 3"
}

// seriesKind says what a series stands for, and so how it is drawn.
type seriesKind int

const (
	needSeries   seriesKind = iota // the required levels: dashed grey edge over a light fill
	teamSeries                     // a team's levels: a wide translucent grey band
	personSeries                   // a person's levels: a line in the person's style, with markers
	rangeSeries                    // many people's lowest (low) to highest (values) levels: a light band
	middleSeries                   // their middle half, low to values: a darker band
	medianSeries                   // their median levels: a line
)

// series is one shape on the chart, and one row of its legend.
type series struct {
	kind   seriesKind
	name   string    // the legend entry
	values []float64 // one per axis, in levels
	low    []float64 // a band's inner edge, one per axis
	style  style     // a person's
}

// style is how one person is drawn: a colour, a marker shape at each of
// their levels, and a line pattern.
type style struct {
	color  string
	marker int    // an index into markers
	dash   string // stroke-dasharray, or "" for a solid line
}

// palette holds the people's colours. Each has at least 3:1 contrast
// against the white background (WCAG's floor for graphics). The first
// four are Okabe and Ito's colour-blind-safe set; the other four, from
// Paul Tol's schemes, were picked to keep the eight apart as seen with
// full protanopia and deuteranopia too: simulated (Machado, Oliveira and
// Fernandes, 2009), no two of them come closer than a CIELAB distance of
// 14, nor than 10 with tritanopia. Eight colours cannot stay plainly
// apart for every reader, so markers and line patterns carry a second
// channel.
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#332288", "#EE6677", "#117733", "#882255"}

// markers are the names of the marker shapes, drawn by marker.
var markers = []string{"circle", "square", "triangle", "diamond", "triangle down"}

// dashes are the line patterns of the people, one per round of the
// palette: the first eight people have solid lines, the next eight
// dashed, the next eight dotted.
var dashes = []string{"", "9 4", "2 4"}

// personStyle returns the style of the i-th person (from 0). The colour
// cycles through the eight of the palette and the marker through five
// shapes, so that two people of one colour (eight apart) have different
// markers: no two of the first 40 share both. The line pattern changes
// with each round of the palette, so that the whole style repeats only
// after 120 people.
func personStyle(i int) style {
	i = max(i, 0)
	return style{color: palette[i%len(palette)], marker: i % len(markers), dash: dashes[i/len(palette)%len(dashes)]}
}

// Colours of the grey parts and of the spread of many people.
const (
	bandColor   = "#222222"
	needColor   = "#444444"
	spreadColor = "#0072B2"
	needDash    = "7 5"
)

// Layout, in user units of the viewBox.
const (
	chartWidth    = 1000.0
	radius        = 250.0
	labelGap      = 16.0 // between the outer ring and a label
	labelSize     = 13.0 // font size of axis labels
	noteSize      = 11.0
	lineHeight    = 15.0
	labelChars    = 22 // wrap radar axis labels at this many characters
	labelLines    = 4  // and keep at most this many lines of each
	barLabelChars = 38 // wrap the labels of rows of bars at this many characters
	barLabelLines = 6
	maxFilled     = 3    // the most people whose polygons are filled
	charWidth     = 0.56 // an average sans-serif glyph, in ems
	titleHeight   = 100.0
	legendRow     = 24.0
	margin        = 32.0 // left of the text, from the chart's left edge
	keyIndent     = 20.0 // of the lines after the first of a key entry
	swatchWidth   = 44.0 // of a legend's sample of a series

	barScaleX  = 340.0 // where level 0 of the bars is
	barStep    = 120.0 // the width of one level
	barHeight  = 14.0  // one person's bar
	barGap     = 8.0   // between two people's bars
	spreadBars = 28.0  // the height of the bands of many people's spread
	rowPad     = 12.0  // above and below a row's bars
)

// svg renders the chart as a standalone SVG document. Its viewBox grows
// to hold every label, so nothing is clipped, and the document scales to
// any size.
func (r *plot) svg() []byte {
	var body bytes.Buffer
	var minX, maxX, bottom float64
	if r.bars {
		body.WriteString(`<g class="wlp-bars">` + "\n")
		minX, maxX, bottom = r.barChart(&body)
	} else {
		body.WriteString(`<g class="wlp-radar">` + "\n")
		minX, maxX, bottom = r.radar(&body)
	}
	body.WriteString("</g>\n")
	for _, h := range []struct {
		s    string
		size float64
	}{{r.title, 24 * 1.1}, {r.subtitle, 16}, {r.caption, 13}} {
		maxX = math.Max(maxX, minX+margin+textWidth(h.s, h.size)+16)
	}
	for _, s := range r.series {
		maxX = math.Max(maxX, minX+margin+swatchWidth+12+textWidth(s.name, 14)+16)
	}
	for _, n := range r.notes {
		maxX = math.Max(maxX, minX+margin+textWidth(n, noteSize+1)+16)
	}
	// Under the legend: the people's fits, the key to shortened labels,
	// and notes such as raters' disagreements. The first two wrap to the
	// width the rest needs, their lines after the first indented.
	chars := int((maxX - minX - 2*margin - keyIndent) / (noteSize + 1) / charWidth)
	type block struct {
		lines  []string
		indent []bool
		color  string
	}
	indented := func(bl *block, s string) {
		ls, _ := wrapLines(s, chars, 0)
		for i, l := range ls {
			bl.lines, bl.indent = append(bl.lines, l), append(bl.indent, i > 0)
		}
	}
	people, key := block{color: "#222222"}, block{color: "#444444"}
	if len(r.people) > 0 {
		for i, l := range wrapItems("The "+countPeople(len(r.people))+", each with their fit:", r.people, chars) {
			people.lines, people.indent = append(people.lines, l), append(people.indent, i > 0)
		}
	}
	for _, k := range r.key {
		indented(&key, k)
	}
	blocks := []block{people, key, {lines: r.notes, indent: make([]bool, len(r.notes)), color: "#8a3a00"}}
	legendTop := bottom + 36
	y := legendTop + float64(len(r.series))*legendRow - legendRow + 8 // the legend's last baseline, and a gap
	for _, bl := range blocks {
		if len(bl.lines) > 0 {
			y += 8 + float64(len(bl.lines))*lineHeight
		}
	}
	height := y + 12

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
	b.WriteString(`<text x="` + num(minX+margin) + `" y="40" font-size="24" font-weight="bold" fill="#111111">` + esc(r.title) + "</text>\n")
	b.WriteString(`<text x="` + num(minX+margin) + `" y="66" font-size="16" fill="#333333">` + esc(r.subtitle) + "</text>\n")
	b.WriteString(`<text x="` + num(minX+margin) + `" y="88" font-size="13" fill="#666666">` + esc(r.caption) + "</text>\n")
	b.Write(body.Bytes())

	// The legend, one row per series.
	b.WriteString(`<g class="wlp-legend" font-size="14" fill="#222222">` + "\n")
	for i, s := range r.series {
		y := legendTop + float64(i)*legendRow
		x := minX + margin
		switch s.kind {
		case teamSeries:
			b.WriteString(`<rect x="` + num(x+2) + `" y="` + num(y-9) + `" width="` + num(swatchWidth-4) + `" height="10"` + bandAttrs + `/>` + "\n")
		case needSeries:
			b.WriteString(`<rect x="` + num(x) + `" y="` + num(y-11) + `" width="` + num(swatchWidth) + `" height="14"` + needAttrs + `/>` + "\n")
		case personSeries:
			b.WriteString(`<line x1="` + num(x) + `" y1="` + num(y-4) + `" x2="` + num(x+swatchWidth) + `" y2="` + num(y-4) + `" stroke="` + s.style.color + `" stroke-width="2.5"` + dashAttr(s.style.dash) + "/>\n")
			b.WriteString(`<g fill="` + s.style.color + `"` + markerStroke + `>`)
			marker(&b, s.style.marker, x+swatchWidth/2, y-4)
			b.WriteString("</g>\n")
		case rangeSeries:
			b.WriteString(`<rect x="` + num(x) + `" y="` + num(y-11) + `" width="` + num(swatchWidth) + `" height="14"` + rangeAttrs + `/>` + "\n")
		case middleSeries:
			b.WriteString(`<rect x="` + num(x) + `" y="` + num(y-11) + `" width="` + num(swatchWidth) + `" height="14"` + middleAttrs + `/>` + "\n")
		case medianSeries:
			b.WriteString(`<line x1="` + num(x) + `" y1="` + num(y-4) + `" x2="` + num(x+swatchWidth) + `" y2="` + num(y-4) + `"` + medianAttrs + "/>\n")
		}
		b.WriteString(`<text x="` + num(x+swatchWidth+12) + `" y="` + num(y) + `">` + esc(s.name) + "</text>\n")
	}
	b.WriteString("</g>\n")

	// Under the legend, the blocks of text.
	y = legendTop + float64(len(r.series))*legendRow - legendRow + 8
	for _, bl := range blocks {
		if len(bl.lines) == 0 {
			continue
		}
		y += 8
		b.WriteString(`<g font-size="` + num(noteSize+1) + `" fill="` + bl.color + `">` + "\n")
		for i, l := range bl.lines {
			y += lineHeight
			x := minX + margin
			if bl.indent[i] {
				x += keyIndent
			}
			b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `">` + esc(l) + "</text>\n")
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// Attributes of the shapes each kind of series draws, in the chart and in
// the legend alike.
const (
	needAttrs    = ` fill="#000000" fill-opacity="0.06" stroke="` + needColor + `" stroke-width="2" stroke-dasharray="` + needDash + `"`
	bandAttrs    = ` fill="` + bandColor + `" fill-opacity="0.07" stroke="` + bandColor + `" stroke-opacity="0.3" stroke-width="6"`
	barBandAttrs = ` fill="` + bandColor + `" fill-opacity="0.07" stroke="` + bandColor + `" stroke-opacity="0.3" stroke-width="4"`
	rangeAttrs   = ` fill="` + spreadColor + `" fill-opacity="0.14" stroke="` + spreadColor + `" stroke-opacity="0.5" stroke-width="1"`
	middleAttrs  = ` fill="` + spreadColor + `" fill-opacity="0.38" stroke="` + spreadColor + `" stroke-width="1.5"`
	medianAttrs  = ` fill="none" stroke="#1a1a1a" stroke-width="2.5"`
	markerStroke = ` stroke="#ffffff" stroke-width="1"`
)

// dashAttr returns the stroke-dasharray attribute of a line pattern, or
// nothing for a solid line.
func dashAttr(dash string) string {
	if dash == "" {
		return ""
	}
	return ` stroke-dasharray="` + dash + `" stroke-linecap="round"`
}

// marker draws marker shape m centred on (x, y), about 9 units across; it
// takes its fill and stroke from the enclosing group.
func marker(b *bytes.Buffer, m int, x, y float64) {
	const s = 4.5
	poly := func(pts ...float64) {
		b.WriteString(`<polygon points="`)
		for i := 0; i+1 < len(pts); i += 2 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(num(x+pts[i]) + "," + num(y+pts[i+1]))
		}
		b.WriteString(`"/>`)
	}
	switch m % len(markers) {
	case 0:
		b.WriteString(`<circle cx="` + num(x) + `" cy="` + num(y) + `" r="` + num(s) + `"/>`)
	case 1:
		b.WriteString(`<rect x="` + num(x-s+0.5) + `" y="` + num(y-s+0.5) + `" width="` + num(2*s-1) + `" height="` + num(2*s-1) + `"/>`)
	case 2:
		poly(0, -s-1, s+0.5, s-0.5, -s-0.5, s-0.5)
	case 3:
		poly(0, -s-1, s+1, 0, 0, s+1, -s-1, 0)
	case 4:
		poly(0, s+1, s+0.5, -s+0.5, -s-0.5, -s+0.5)
	}
}

// radar draws the chart's body as a radar: rings, spokes, the series'
// polygons and the labels. It returns the body's left and right edges
// and its bottom.
func (r *plot) radar(b *bytes.Buffer) (minX, maxX, bottomY float64) {
	n := len(r.axes)
	levels := math.Max(float64(len(r.rings)-1), 1)

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
	minX = math.Min(0, cx+left-16)
	maxX = math.Max(chartWidth, cx+right+16)

	point := func(i int, v float64) (float64, float64) {
		th := angle(i, n)
		rr := radius * clampf(v, 0, levels) / levels
		return cx + rr*math.Cos(th), cy + rr*math.Sin(th)
	}
	at := func(vals []float64, i int) float64 {
		if i < len(vals) {
			return vals[i]
		}
		return 0
	}
	points := func(b *bytes.Buffer, v func(i int) float64) {
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			x, y := point(i, v(i))
			b.WriteString(num(x) + "," + num(y))
		}
	}

	// Rings and spokes.
	b.WriteString(`<g fill="none" stroke="#d0d0d0" stroke-width="1">` + "\n")
	for l := 1; l <= int(levels); l++ {
		b.WriteString(`<polygon points="`)
		points(b, func(int) float64 { return float64(l) })
		b.WriteString(`"`)
		if l == int(levels) {
			b.WriteString(` stroke="#a0a0a0"`)
		}
		b.WriteString("/>\n")
	}
	for i := range n {
		x, y := point(i, levels)
		b.WriteString(`<line x1="` + num(cx) + `" y1="` + num(cy) + `" x2="` + num(x) + `" y2="` + num(y) + `"/>` + "\n")
	}
	b.WriteString("</g>\n")

	// The series: the required levels under the rest.
	people := 0
	var need *series
	for i, s := range r.series {
		switch s.kind {
		case personSeries:
			people++
		case needSeries:
			need = &r.series[i]
		}
	}
	for _, s := range r.series {
		hi := func(i int) float64 { return at(s.values, i) }
		switch s.kind {
		case needSeries, teamSeries, medianSeries:
			attrs := ` class="wlp-need"` + needAttrs + ` stroke-linejoin="round"`
			switch s.kind {
			case teamSeries:
				attrs = ` class="wlp-team" fill="` + bandColor + `" fill-opacity="0.07" stroke="` + bandColor + `" stroke-opacity="0.3" stroke-width="10" stroke-linejoin="round"`
			case medianSeries:
				attrs = ` class="wlp-median"` + medianAttrs + ` stroke-linejoin="round"`
			}
			b.WriteString(`<polygon points="`)
			points(b, hi)
			b.WriteString(`"` + attrs + "/>\n")
		case rangeSeries, middleSeries:
			// A ring between two polygons: the outer one and, cut out of
			// it, the inner one.
			attrs := rangeAttrs
			if s.kind == middleSeries {
				attrs = middleAttrs
			}
			b.WriteString(`<path class="wlp-spread" fill-rule="evenodd" stroke-linejoin="round" d="M`)
			points(b, hi)
			b.WriteString("Z M")
			points(b, func(i int) float64 { return at(s.low, i) })
			b.WriteString(`Z"` + attrs + "/>\n")
			if s.kind == middleSeries && need != nil {
				// The bands hide the required levels: draw their edge again.
				b.WriteString(`<polygon points="`)
				points(b, func(i int) float64 { return at(need.values, i) })
				b.WriteString(`" class="wlp-need" fill="none" stroke="` + needColor + `" stroke-width="2" stroke-dasharray="` + needDash + `" stroke-linejoin="round"/>` + "\n")
			}
		case personSeries:
			// Fills help one or a few people and muddy more.
			fill := ` fill-opacity="0.14"`
			switch {
			case people > maxFilled:
				fill = ` fill-opacity="0"`
			case people > 1:
				fill = ` fill-opacity="0.07"`
			}
			c := s.style.color
			b.WriteString(`<g class="wlp-person" fill="` + c + `" stroke="` + c + `">` + "\n")
			b.WriteString(`<polygon points="`)
			points(b, hi)
			b.WriteString(`"` + fill + ` stroke-width="2.5" stroke-linejoin="round"` + dashAttr(s.style.dash) + "/>\n")
			b.WriteString("<g" + markerStroke + ">")
			for i := range n {
				x, y := point(i, hi(i))
				marker(b, s.style.marker, x, y)
			}
			b.WriteString("</g>\n</g>\n")
		}
	}

	// Ring labels, up the first axis just inside each ring (away from the
	// axis labels outside), over the polygons with a white halo.
	b.WriteString(`<g font-size="11" fill="#666666" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">` + "\n")
	for l, name := range r.rings {
		y := cy - radius*float64(l)/levels
		b.WriteString(`<text x="` + num(cx+5) + `" y="` + num(y+13) + `">` + esc(name) + "</text>\n")
	}
	b.WriteString("</g>\n")

	// Axis labels.
	b.WriteString(`<g font-size="` + num(labelSize) + `" fill="#222222">` + "\n")
	for _, l := range labels {
		x, y := cx+l.x, cy+l.y0+lineHeight*0.8 // the first baseline
		writeLabel(b, l.lines, l.note, x, y, l.anchor)
	}
	b.WriteString("</g>\n")
	return minX, maxX, cy + bottom
}

// writeLabel writes an axis label: its lines, and its note in smaller
// grey type under them, the first baseline at (x, y).
func writeLabel(b *bytes.Buffer, lines []string, note string, x, y float64, anchor string) {
	b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `" text-anchor="` + anchor + `">`)
	for j, s := range lines {
		dy := "0"
		if j > 0 {
			dy = num(lineHeight)
		}
		b.WriteString(`<tspan x="` + num(x) + `" dy="` + dy + `">` + esc(s) + "</tspan>")
	}
	if note != "" {
		b.WriteString(`<tspan x="` + num(x) + `" dy="` + num(lineHeight-1) + `" font-size="` + num(noteSize) + `" fill="#666666">` + esc(note) + "</tspan>")
	}
	b.WriteString("</text>\n")
}

// barChart draws the chart's body as rows of horizontal bars, one row per
// axis: for a target of fewer than three requirements, which make no
// radar. Each row has the requirement's label on the left, a grey area
// up to the required level with a dashed edge, the team's band, and each
// person's bar (or the people's spread) on a scale of levels. It returns
// the body's left and right edges and its bottom.
func (r *plot) barChart(b *bytes.Buffer) (minX, maxX, bottomY float64) {
	levels := math.Max(float64(len(r.rings)-1), 1)
	scaleEnd := barScaleX + levels*barStep
	top := titleHeight + 16
	rowsTop := top + 24
	var people []series
	var need, team, rng, mid, med *series
	for i := range r.series {
		s := &r.series[i]
		switch s.kind {
		case needSeries:
			need = s
		case teamSeries:
			team = s
		case personSeries:
			people = append(people, *s)
		case rangeSeries:
			rng = s
		case middleSeries:
			mid = s
		case medianSeries:
			med = s
		}
	}
	barsH := barHeight
	switch {
	case rng != nil:
		barsH = spreadBars
	case len(people) > 0:
		barsH = float64(len(people))*(barHeight+barGap) - barGap
	}
	at := func(s *series, i int) float64 {
		if s == nil || i >= len(s.values) {
			return 0
		}
		return clampf(s.values[i], 0, levels)
	}
	low := func(s *series, i int) float64 {
		if s == nil || i >= len(s.low) {
			return 0
		}
		return clampf(s.low[i], 0, levels)
	}
	x := func(v float64) float64 { return barScaleX + v*barStep }
	// span draws a bar from level v0 to v1 at least 3 units wide, so that
	// a band of one level still shows.
	span := func(v0, v1, y, h float64, attrs string) {
		x0, x1 := x(v0), x(v1)
		if x1-x0 < 3 {
			c := (x0 + x1) / 2
			x0, x1 = c-1.5, c+1.5
		}
		b.WriteString(`<rect x="` + num(x0) + `" y="` + num(y) + `" width="` + num(x1-x0) + `" height="` + num(h) + `"` + attrs + "/>\n")
	}

	// The rows: their heights first, then the grid behind them.
	tops := make([]float64, len(r.axes)+1)
	tops[0] = rowsTop
	for i, a := range r.axes {
		h := float64(len(a.lines)) * lineHeight
		if a.note != "" {
			h += lineHeight - 2
		}
		tops[i+1] = tops[i] + math.Max(h, barsH) + 2*rowPad
	}
	rowsBottom := tops[len(r.axes)]

	b.WriteString(`<g fill="none" stroke="#d0d0d0" stroke-width="1">` + "\n")
	for l := 0; l <= int(levels); l++ {
		b.WriteString(`<line x1="` + num(x(float64(l))) + `" y1="` + num(rowsTop) + `" x2="` + num(x(float64(l))) + `" y2="` + num(rowsBottom) + `"`)
		if l == int(levels) {
			b.WriteString(` stroke="#a0a0a0"`)
		}
		b.WriteString("/>\n")
	}
	for _, y := range tops {
		b.WriteString(`<line x1="` + num(margin) + `" y1="` + num(y) + `" x2="` + num(scaleEnd) + `" y2="` + num(y) + `" stroke="#e4e4e4"/>` + "\n")
	}
	b.WriteString("</g>\n")
	b.WriteString(`<g font-size="11" fill="#666666">` + "\n")
	for l, name := range r.rings {
		b.WriteString(`<text x="` + num(x(float64(l))+3) + `" y="` + num(rowsTop-8) + `">` + esc(name) + "</text>\n")
	}
	b.WriteString("</g>\n")

	for i, a := range r.axes {
		rowTop, rowBottom := tops[i], tops[i+1]
		barsTop := rowTop + rowPad + (rowBottom-rowTop-2*rowPad-barsH)/2
		n := at(need, i)
		if need != nil {
			b.WriteString(`<rect class="wlp-need" x="` + num(barScaleX) + `" y="` + num(rowTop+4) + `" width="` + num(n*barStep) + `" height="` + num(rowBottom-rowTop-8) + `" fill="#000000" fill-opacity="0.06"/>` + "\n")
		}
		if team != nil {
			span(0, at(team, i), barsTop-5, barsH+10, ` class="wlp-team"`+barBandAttrs)
		}
		if rng != nil {
			span(low(rng, i), at(rng, i), barsTop, barsH, ` class="wlp-spread"`+rangeAttrs)
			span(low(mid, i), at(mid, i), barsTop+4, barsH-8, ` class="wlp-spread"`+middleAttrs)
			m := x(at(med, i))
			b.WriteString(`<line class="wlp-median" x1="` + num(m) + `" y1="` + num(barsTop-3) + `" x2="` + num(m) + `" y2="` + num(barsTop+barsH+3) + `"` + medianAttrs + "/>\n")
		}
		for j, p := range people {
			y := barsTop + float64(j)*(barHeight+barGap)
			v := at(&p, i)
			c := p.style.color
			b.WriteString(`<g class="wlp-person" fill="` + c + `" stroke="` + c + `">` + "\n")
			b.WriteString(`<rect class="wlp-bar" x="` + num(barScaleX) + `" y="` + num(y) + `" width="` + num(v*barStep) + `" height="` + num(barHeight) + `" fill-opacity="0.25" stroke-width="2"` + dashAttr(p.style.dash) + "/>\n")
			b.WriteString("<g" + markerStroke + ">")
			marker(b, p.style.marker, x(v), y+barHeight/2)
			b.WriteString("</g>\n</g>\n")
		}
		if need != nil {
			// The required level's edge, over the bars.
			b.WriteString(`<line class="wlp-need" x1="` + num(x(n)) + `" y1="` + num(rowTop+4) + `" x2="` + num(x(n)) + `" y2="` + num(rowBottom-4) + `" stroke="` + needColor + `" stroke-width="2" stroke-dasharray="` + needDash + `"/>` + "\n")
		}
		writeLabel(b, a.lines, a.note, margin, rowTop+rowPad+lineHeight*0.8, "start")
	}
	return 0, math.Max(chartWidth, scaleEnd+textWidth(r.rings[len(r.rings)-1], 11)+16), rowsBottom
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
