package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

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

// people counts people: "1 person", "3 people".
func people(n int) string {
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

// table writes tab-separated rows as aligned columns.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer) *table {
	return &table{tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
}

// row writes one row; every cell is cleaned of control characters.
func (t *table) row(cells ...string) {
	for i, c := range cells {
		if i > 0 {
			io.WriteString(t.tw, "\t")
		}
		io.WriteString(t.tw, clean(c))
	}
	io.WriteString(t.tw, "\n")
}

func (t *table) flush() error { return t.tw.Flush() }

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
