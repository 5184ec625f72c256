package report

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// layout places the axis labels, in coordinates relative to the centre,
// so that none covers another.
func (r *plot) layout() []label {
	n := len(r.axes)
	labels := make([]label, n)
	for i, a := range r.axes {
		th := angle(i, n)
		cos, sin := math.Cos(th), math.Sin(th)
		l := label{lines: a.lines, note: a.note, anchor: "middle"}
		l.h = float64(len(l.lines)) * lineHeight
		if a.note != "" {
			l.h += lineHeight - 2
		}
		for _, s := range l.lines {
			l.w = math.Max(l.w, textWidth(s, labelSize))
		}
		l.w = math.Max(l.w, textWidth(a.note, noteSize))
		// Only a label straight above or below the centre is centred on
		// its axis; the others sit beside the axis's end, so that
		// neighbours near the top and bottom do not cover each other.
		x, y := (radius+labelGap)*cos, (radius+labelGap)*sin
		l.x, l.x0 = x, x-l.w/2
		switch {
		case cos > 0.1:
			l.anchor, l.x, l.x0 = "start", x+2, x+2
		case cos < -0.1:
			l.anchor, l.x, l.x0 = "end", x-2, x-2-l.w
		}
		l.y0 = y - l.h/2
		switch {
		case sin < -0.3:
			l.y0 = y - l.h
		case sin > 0.3:
			l.y0 = y + 2
		}
		labels[i] = l
	}
	separate(labels)
	return labels
}

// label is an axis label laid out: its text and its box.
type label struct {
	lines  []string
	note   string
	anchor string  // text-anchor: start, middle or end
	x      float64 // the anchor point
	x0, y0 float64 // the box's top left corner
	w, h   float64
}

// maxSeparated is the most labels separate moves apart. It compares every
// pair of labels on each of up to 100 passes; past this many axes the
// labels of a radar cannot be read anyway, and the chart is drawn with
// its labels where they fall, so that its cost stays linear in the axes.
const maxSeparated = 256

// separate moves overlapping labels apart vertically, each away from the
// horizontal through the centre (up in the top half, down in the bottom
// half), until none overlap or it gives up. It leaves more than
// maxSeparated labels as they are.
func separate(ls []label) {
	const margin = 3
	if len(ls) > maxSeparated {
		return
	}
	for range 100 {
		moved := false
		for i := range ls {
			for j := i + 1; j < len(ls); j++ {
				a, b := &ls[i], &ls[j]
				if a.x0 >= b.x0+b.w+margin || b.x0 >= a.x0+a.w+margin ||
					a.y0 >= b.y0+b.h+margin || b.y0 >= a.y0+a.h+margin {
					continue
				}
				// Move the label farther from the horizontal outwards.
				far := a
				ca, cb := a.y0+a.h/2, b.y0+b.h/2
				if math.Abs(cb) > math.Abs(ca) || (math.Abs(cb) == math.Abs(ca) && j > i) {
					far = b
				}
				near := a
				if far == a {
					near = b
				}
				if far.y0+far.h/2 < 0 {
					far.y0 = near.y0 - margin - far.h
				} else {
					far.y0 = near.y0 + near.h + margin
				}
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// angle returns the direction of axis i of n, in radians: the first axis
// points up and the others follow clockwise.
func angle(i, n int) float64 {
	if n == 0 {
		return -math.Pi / 2
	}
	return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
}

// wrapLines breaks s into lines of about width characters at spaces; a
// word longer than that stays whole up to twice the width. With maxLines
// above 0 it keeps at most that many lines, ending the last with an
// ellipsis when s is longer. It reports whether the lines hold all of s.
// It costs time linear in the length of s, and stops reading s once it
// knows that s does not fit.
func wrapLines(s string, width, maxLines int) ([]string, bool) {
	var lines []string
	var cur string
	for w := range strings.FieldsSeq(s) {
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
		if maxLines > 0 && len(lines) >= maxLines {
			break // cur starts a line too many
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	whole := true
	for i, l := range lines {
		if utf8.RuneCountInString(l) > 2*width {
			lines[i] = string([]rune(l)[:2*width-1]) + "…"
			whole = false
		}
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		if !strings.HasSuffix(lines[maxLines-1], "…") {
			lines[maxLines-1] += "…"
		}
		whole = false
	}
	return lines, whole
}

// wrapItems lists items after head, separated by commas, in lines of
// about width characters, breaking lines only between items (an item
// longer than a line has a line of its own). It costs time linear in the
// length of the items.
func wrapItems(head string, items []string, width int) []string {
	var lines []string
	var cur strings.Builder
	cur.WriteString(head)
	n := utf8.RuneCountInString(head)
	for i, it := range items {
		sep := " "
		if i < len(items)-1 {
			it += ","
		}
		w := utf8.RuneCountInString(it)
		if n > 0 && n+len(sep)+w > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n, sep = 0, ""
		} else if n == 0 {
			sep = ""
		}
		cur.WriteString(sep + it)
		n += len(sep) + w
	}
	if n > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// axisLines returns the lines an axis label takes on a chart: at most
// maxLines lines of about width characters, and whether they hold the
// whole label. A label that does not fit ends with mark, which the chart
// repeats before the whole label under the legend. A group label that
// does not fit is shortened to what the group asks and as many of its
// names as fit ("any 7 of 9 areas of expertise: Coaching, Designing
// learning and 7 more [1]"). It costs time linear in the length of the
// label and of the names that fit, and stops at the first name that does
// not.
func axisLines(a Axis, width, maxLines int, mark string) ([]string, bool) {
	lines, whole := wrapLines(a.Label, width, maxLines)
	if whole {
		return lines, true
	}
	if a.Group != "" && len(a.Names) > 1 {
		lines, _ = wrapLines(a.Group, width, maxLines)
		var b strings.Builder
		b.WriteString(a.Group + ":")
		for k, name := range a.Names[:len(a.Names)-1] {
			if k > 0 {
				b.WriteString(",")
			}
			b.WriteString(" " + name)
			ls, ok := wrapLines(b.String()+" and "+strconv.Itoa(len(a.Names)-k-1)+" more", width, maxLines)
			if !ok {
				break
			}
			lines = ls
		}
	}
	lines[len(lines)-1] += " " + mark
	return lines, false
}

// textWidth estimates the width of s set in a sans-serif font of the
// given size.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * charWidth
}
