package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// clean makes s safe to print on one line of a terminal or in one cell of
// a table: control characters (tabs, newlines, escape sequences) are
// written as Go escapes.
func clean(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }) {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// maxMessage bounds, in bytes, a message run passes on from the flag
// package, which quotes a flag's value whole.
const maxMessage = 512

// maxFileName bounds, in bytes, how much of a file name a message shows.
const maxFileName = 256

// shorten returns s cleaned (see clean), and when s is longer than max
// bytes only its first bytes (whole runes) and its length: "abc... (10240
// bytes)". A long value from the command line or a document then gives a
// short message. Use problem.Quote for a value shown in quotes.
func shorten(s string, max int) string {
	if len(s) <= max {
		return clean(s)
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s... (%d bytes)", clean(s[:cut]), len(s))
}

// nameOf returns the human name of a competency or area, or its ID when
// the framework does not know it.
func nameOf(f *wlp.Framework, id competency.ID) string {
	if n, ok := f.NameOf(id); ok {
		return n
	}
	return string(id)
}

// describe names what a requirement is about: the competency's or area's
// name for a single requirement, "any 1 of 9 areas of expertise" for a
// group (see wlp.Framework.Label).
func describe(f *wlp.Framework, of []competency.ID, atLeast int) string {
	return f.Label(of, atLeast)
}

// level prints a level with its name: "4 proficient".
func level(l competency.Level) string { return fmt.Sprintf("%d %s", l, l) }

// pct prints a fraction as a percentage with one decimal: "83.3%".
func pct(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// pct0 prints a fraction as a whole percentage: "83%".
func pct0(x float64) string { return strconv.FormatFloat(100*x, 'f', 0, 64) + "%" }

// pts prints a gain in percentage points: "+2.5 pts".
func pts(x float64) string { return "+" + strconv.FormatFloat(100*x, 'f', 1, 64) + " pts" }

// weight prints a weight compactly: "3", "0.5".
func weight(w float64) string { return strconv.FormatFloat(w, 'g', -1, 64) }

// who names a person: the profile's name, or its ID.
func who(p profile.Profile) string {
	if p.Name != "" {
		return clean(p.Name)
	}
	return clean(p.ID)
}

// targetName returns the name of a role or the title of a job, and its
// kind.
func targetName(f *wlp.Framework, id role.ID) (name, kind string) {
	if r, ok := f.Role(id); ok {
		return r.Name, "role"
	}
	if j, ok := f.Job(id); ok {
		return j.Title, "job"
	}
	return string(id), "target"
}

// roleName returns a role's name, or its ID.
func roleName(f *wlp.Framework, id role.ID) string {
	if r, ok := f.Role(id); ok {
		return r.Name
	}
	return string(id)
}

// countPeople counts people: "1 person", "3 people".
func countPeople(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

// firstGap says briefly what to develop first, or that nothing is missing.
func firstGap(f *wlp.Framework, res match.Result) string {
	if len(res.Gaps) == 0 {
		return "nothing: every requirement is met"
	}
	g := res.Gaps[0]
	return fmt.Sprintf("%s %d -> %d (%s)", describe(f, g.Of, g.AtLeast), g.Have, g.Need, pts(g.Gain))
}

// firstGapCells returns the CSV cells of the gap to develop first:
// requirement, IDs, have, need and gain; empty cells when nothing is
// missing.
func firstGapCells(f *wlp.Framework, res match.Result) []string {
	if len(res.Gaps) == 0 {
		return []string{"", "", "", "", ""}
	}
	g := res.Gaps[0]
	return []string{describe(f, g.Of, g.AtLeast), csvIDs(g.Of), csvLevel(g.Have), csvLevel(g.Need), csvPts(g.Gain)}
}

// maxWidth is the most columns a line of a table takes, and the width at
// which say wraps the text around tables: a table pastes into an e-mail
// or a terminal of 100 columns without breaking.
const maxWidth = 100

// colMode says how the cells of a column give way when the table is
// wider than maxWidth.
type colMode uint8

const (
	colCut   colMode = iota // cut, ending with "…" (the default)
	colWrap                 // wrapped at spaces onto more lines
	colLevel                // levels ("4 proficient"), shown as numbers ("4")
)

// A table writes rows as aligned columns, two spaces apart, at most
// maxWidth columns wide (in display width: see textWidth). When its rows
// are wider it gives way, in this order, until they fit: its level
// columns show levels as numbers (and collapsed reports it, so that the
// caller can print levelLegend); then the columns named by each call of
// give, one call after another, are narrowed, the widest first, but not
// below 12 columns, their header's width, or for a wrapped column its
// longest word (up to 30 columns); then, as a last resort, any column.
// A narrowed column's cells are cut with "…", or wrapped onto more lines
// in a column marked with wrap. Every cell is cleaned of control
// characters. A table holds its rows until flush: O(size of the rows)
// memory.
type table struct {
	w         io.Writer
	rows      []tableRow
	modes     []colMode
	tiers     [][]int // the columns of each call of give, in order
	collapsed bool    // set by flush: levels are shown as numbers
}

// tableRow is a row of cells, or a section title printed on a line of
// its own.
type tableRow struct {
	cells []string
	title string
}

func newTable(w io.Writer) *table { return &table{w: w} }

// row adds one row; the first row is the header.
func (t *table) row(cells ...string) {
	c := make([]string, len(cells))
	for i, s := range cells {
		c[i] = clean(s)
	}
	t.rows = append(t.rows, tableRow{cells: c})
}

// section adds a title on a line of its own, such as the role of a job
// that the rows below it belong to. A title takes no part in the widths
// of the columns, and is cut at maxWidth.
func (t *table) section(title string) {
	t.rows = append(t.rows, tableRow{title: clean(title)})
}

// give names columns that give way together when the table is too wide.
// Each call is one step, taken after the steps of earlier calls.
func (t *table) give(cols ...int) { t.tiers = append(t.tiers, cols) }

// wrap marks cols as columns whose cells wrap onto more lines, rather
// than being cut, when the column is narrowed.
func (t *table) wrap(cols ...int) {
	for _, c := range cols {
		t.setMode(c, colWrap)
	}
}

// levels marks cols as level columns, shown as numbers when the table is
// too wide.
func (t *table) levels(cols ...int) {
	for _, c := range cols {
		t.setMode(c, colLevel)
	}
}

func (t *table) setMode(col int, m colMode) {
	for len(t.modes) <= col {
		t.modes = append(t.modes, colCut)
	}
	t.modes[col] = m
}

func (t *table) mode(col int) colMode {
	if col < len(t.modes) {
		return t.modes[col]
	}
	return colCut
}

// levelLegend names the levels, for the text under a table that shows
// them as numbers: "Levels: 0 not demonstrated, 1 novice, ...".
var levelLegend = func() string {
	var names []string
	for l := competency.MinLevel; l <= competency.MaxLevel; l++ {
		names = append(names, level(l))
	}
	return "Levels: " + strings.Join(names, ", ") + "."
}()

// levelNumber returns the number of a level cell: "4" for "4 proficient".
func levelNumber(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}

// minGive is the narrowest that give makes a column, unless its header
// is wider.
const minGive = 12

// maxWordKept bounds the room a wrapped column keeps for its longest word.
const maxWordKept = 30

// widths returns each column's width, narrowed as the type's comment
// says, and whether the level columns show numbers.
func (t *table) widths() ([]int, bool) {
	n := 0
	for _, r := range t.rows {
		n = max(n, len(r.cells))
	}
	natural := func(short bool) []int {
		w := make([]int, n)
		for _, r := range t.rows {
			for i, c := range r.cells {
				if short && t.mode(i) == colLevel {
					c = levelNumber(c)
				}
				w[i] = max(w[i], textWidth(c))
			}
		}
		return w
	}
	total := func(w []int) int {
		s := 2 * max(len(w)-1, 0)
		for _, x := range w {
			s += x
		}
		return s
	}
	w := natural(false)
	if total(w) <= maxWidth {
		return w, false
	}
	short := false
	if slices.Contains(t.modes, colLevel) {
		w, short = natural(true), true
	}
	head := func(i int) int {
		if len(t.rows) > 0 && i < len(t.rows[0].cells) {
			return textWidth(t.rows[0].cells[i])
		}
		return 0
	}
	// A wrapped column keeps room for its longest word, up to
	// maxWordKept columns, so that words break only when they must.
	word := func(i int) int {
		if t.mode(i) != colWrap {
			return 0
		}
		n := 0
		for _, r := range t.rows {
			if i < len(r.cells) {
				for _, f := range strings.Fields(r.cells[i]) {
					n = max(n, min(textWidth(f), maxWordKept))
				}
			}
		}
		return n
	}
	for _, tier := range t.tiers {
		if total(w) <= maxWidth {
			break
		}
		narrow(w, tier, total(w)-maxWidth, func(i int) int { return min(w[i], max(head(i), minGive, word(i))) })
	}
	if excess := total(w) - maxWidth; excess > 0 {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		narrow(w, all, excess, func(int) int { return 1 })
	}
	return w, short
}

// narrow takes up to excess columns from the columns cols of the widths
// w, the widest first, leaving each at least floor(i) wide.
func narrow(w []int, cols []int, excess int, floor func(int) int) {
	taken := func(level int) int { // what capping cols at level takes
		s := 0
		for _, i := range cols {
			if i < len(w) {
				s += w[i] - max(floor(i), min(w[i], level))
			}
		}
		return s
	}
	top := 0
	for _, i := range cols {
		if i < len(w) {
			top = max(top, w[i])
		}
	}
	// The highest cap that takes enough, or 0 to take all there is.
	lo, hi := 0, top
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if taken(mid) >= excess {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	for _, i := range cols {
		if i < len(w) {
			w[i] = max(floor(i), min(w[i], lo))
		}
	}
}

// flush writes the rows. It costs O(size of the rows).
func (t *table) flush() error {
	w, short := t.widths()
	t.collapsed = short
	var b strings.Builder
	for _, r := range t.rows {
		b.Reset()
		if r.cells == nil {
			b.WriteString(cut(r.title, maxWidth))
			b.WriteByte('\n')
			if _, err := io.WriteString(t.w, b.String()); err != nil {
				return err
			}
			continue
		}
		lines := make([][]string, len(r.cells))
		height := 1
		for i, c := range r.cells {
			switch t.mode(i) {
			case colWrap:
				lines[i] = wrapText(c, w[i])
			case colLevel:
				if short {
					c = levelNumber(c)
				}
				lines[i] = []string{cut(c, w[i])}
			default:
				lines[i] = []string{cut(c, w[i])}
			}
			height = max(height, len(lines[i]))
		}
		for j := range height {
			line := make([]byte, 0, maxWidth)
			for i := range r.cells {
				s := ""
				if j < len(lines[i]) {
					s = lines[i][j]
				}
				if i > 0 {
					line = append(line, "  "...)
				}
				line = append(line, s...)
				if i < len(r.cells)-1 {
					for range w[i] - textWidth(s) {
						line = append(line, ' ')
					}
				}
			}
			b.WriteString(strings.TrimRight(string(line), " "))
			b.WriteByte('\n')
		}
		if _, err := io.WriteString(t.w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// textWidth returns the columns s takes on a terminal: two for a wide
// East Asian character, none for a combining mark or a format character,
// one for any other. It costs O(len(s)).
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	if r < 0x300 {
		return 1 // Latin and the ASCII marks: the common case
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// cut returns s if it is at most limit columns wide, or its first
// columns and "…" in limit columns. limit is at least 1.
func cut(s string, limit int) string {
	if len(s) <= limit || textWidth(s) <= limit {
		return s
	}
	n := 0
	for i, r := range s {
		rw := runeWidth(r)
		if n+rw > limit-1 {
			return s[:i] + "…"
		}
		n += rw
	}
	return s
}

// wrapText breaks s into lines at most limit columns wide, at spaces; a
// word wider than limit is broken where it reaches it. It costs
// O(len(s)).
func wrapText(s string, limit int) []string { return wrapLines(s, limit, limit) }

// wrapLines is wrapText with a first line at most first columns wide and
// the others at most rest.
func wrapLines(s string, first, rest int) []string {
	limit := max(first, 1)
	var lines []string
	var line strings.Builder
	lw := 0 // line's width
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lw = 0
		limit = max(rest, 1)
	}
	for _, word := range strings.Fields(s) {
		ww := textWidth(word)
		if lw > 0 && lw+1+ww <= limit {
			line.WriteByte(' ')
			line.WriteString(word)
			lw += 1 + ww
			continue
		}
		if lw > 0 {
			flush()
		}
		for ww > limit { // a word wider than a line: break it
			n, at := 0, 0
			for i, r := range word {
				if n+runeWidth(r) > limit {
					at = i
					break
				}
				n += runeWidth(r)
			}
			if at == 0 { // a rune wider than the line
				_, at = utf8.DecodeRuneInString(word)
			}
			line.WriteString(word[:at])
			flush()
			word = word[at:]
			ww = textWidth(word)
		}
		line.WriteString(word)
		lw = ww
	}
	if lw > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// say writes text formatted as fmt.Fprintf does, cleaned of control
// characters but for its line breaks, each line wrapped at maxWidth
// columns: a line's continuations are indented two spaces further than
// it. It costs O(size of the text).
func say(w io.Writer, format string, args ...any) {
	text := fmt.Sprintf(format, args...)
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		line = clean(line)
		if textWidth(line) <= maxWidth {
			b.WriteString(line)
			continue
		}
		body := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(body)]
		more := indent + "  "
		for j, l := range wrapLines(body, maxWidth-len(indent), maxWidth-len(more)) {
			if j == 0 {
				b.WriteString(indent)
			} else {
				b.WriteString("\n" + more)
			}
			b.WriteString(l)
		}
	}
	io.WriteString(w, b.String())
}

// brief returns a name cleaned and cut for a line of text around a
// table: at most 60 columns, so that the line keeps room for what it
// says.
func brief(s string) string { return cut(clean(s), 60) }

// gradeWord names a grade in a table cell: "weak", "partial", "strong"
// or "full" (match.Confidence.Word): what the grade says of the fit, not
// how sure the tool is.
func gradeWord(c match.Confidence) string { return c.Word() }

// gradePhrase says what a grade means, for the line above a table:
// "partial: 60% to under 85%".
func gradePhrase(c match.Confidence) string {
	switch c {
	case match.Exact:
		return "full: every requirement met"
	case match.High:
		return fmt.Sprintf("strong: %s or more", pct0(match.HighFit))
	case match.Low:
		return fmt.Sprintf("partial: %s to under %s", pct0(match.LowFit), pct0(match.HighFit))
	case match.No:
		return fmt.Sprintf("weak: under %s", pct0(match.LowFit))
	}
	return c.String()
}

// fitLine says a fit and its grade: "fit 79.6%, partial (60% to under
// 85%)".
func fitLine(fit float64, c match.Confidence) string {
	word, rest, _ := strings.Cut(gradePhrase(c), ": ")
	return fmt.Sprintf("fit %s, %s (%s)", pct(fit), word, rest)
}

// gradeDoc explains the grades in the help of the commands that print
// them.
var gradeDoc = fmt.Sprintf(`A grade puts each fit in words: full (every requirement met), strong
(%s or more), partial (%s to under %s) or weak (under %s). It speaks of
the fit, not of how sure the score is. JSON names the same grades exact,
high, low and no, in the field "confidence".`,
	pct0(match.HighFit), pct0(match.LowFit), pct0(match.HighFit), pct0(match.LowFit))

// orList joins words as "a, b or c".
func orList(words []string) string { return joinList(words, "or") }

// andList joins words as "a, b and c".
func andList(words []string) string { return joinList(words, "and") }

// joinList joins words with commas, and the last two with conj.
func joinList(words []string, conj string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}

// plural returns "1 file", "2 files", "3 competencies".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if stem, ok := strings.CutSuffix(noun, "y"); ok && !strings.HasSuffix(stem, "e") {
		return strconv.Itoa(n) + " " + stem + "ies"
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// capital returns s with its first letter in upper case: "Fit 79.6%".
func capital(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
