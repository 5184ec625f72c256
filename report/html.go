package report

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// The HTML reports are html/template templates, embedded, with one style
// sheet inlined into every page: a report is one file that needs nothing
// else, not even a script.
//
//go:embed templates/*.html templates/report.css
var reportFiles embed.FS

// reportPages holds the parsed templates: "person" and "team", the pages, and
// the parts they share.
var reportPages = template.Must(template.New("").ParseFS(reportFiles, "templates/*.html"))

// reportCSS is the style sheet every report inlines.
var reportCSS = func() template.CSS {
	b, err := reportFiles.ReadFile("templates/report.css")
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	return template.CSS(b)
}()

// pageView is what every report's page shows around its sections: its
// title, the style sheet and the legends of grades and levels.
type pageView struct {
	Title   string // the document's title, for the browser tab
	Kicker  string // the line above the heading: what kind of report, of which framework
	Heading string // who the report is about
	Sub     string // against what
	Summary string // what the target is, in the framework's words
	CSS     template.CSS
	Levels  []string // "0 not demonstrated", ... for the legend
}

// writeReport executes the template name with v and writes the page to w
// in one write, so that a failing template writes nothing.
func writeReport(w io.Writer, name string, v any) error {
	var b bytes.Buffer
	if err := reportPages.ExecuteTemplate(&b, name, v); err != nil {
		return fmt.Errorf("report: writing the %s report: %w", name, err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: writing the %s report: %w", name, err)
	}
	return nil
}

// inlineChart returns r drawn as SVG to put inside an HTML page: the
// document without its XML prolog.
func inlineChart(r Radar) (template.HTML, error) {
	var b bytes.Buffer
	if err := r.WriteSVG(&b); err != nil {
		return "", err
	}
	s := b.String()
	if strings.HasPrefix(s, "<?xml") {
		if i := strings.Index(s, "?>"); i >= 0 {
			s = strings.TrimLeft(s[i+2:], " \t\r\n")
		}
	}
	return template.HTML(s), nil // drawn by WriteSVG, which escapes every text
}

// newPageView fills in what every page shows: the kicker names the kind of
// report and the framework, the heading who it is about.
func newPageView(kind, framework, version, heading, sub, summary, title string, levels []string) pageView {
	k := kind + " · " + cmp.Or(framework, "an unnamed framework")
	if version != "" {
		k += " (version " + version + ")"
	}
	var ls []string
	for l, name := range levels {
		ls = append(ls, strconv.Itoa(l)+" "+name)
	}
	return pageView{Title: title, Kicker: k, Heading: heading, Sub: sub, Summary: summary, CSS: reportCSS, Levels: ls}
}

// matcherFramework returns m's framework, or an error naming the function
// called with a nil or zero Matcher.
func matcherFramework(m *match.Matcher, fn string) (*wlp.Framework, error) {
	if m == nil {
		return nil, fmt.Errorf("report: %s: the Matcher is nil", fn)
	}
	f := m.Framework()
	if f == nil {
		return nil, fmt.Errorf("report: %s: the Matcher is not made by match.New", fn)
	}
	return f, nil
}

// targetInfo returns the name (a role's name, a job's title), summary and
// kind of target, or an error wrapping match.ErrUnknownTarget.
func targetInfo(f *wlp.Framework, target role.ID) (name, summary string, kind match.Kind, err error) {
	if r, ok := f.Role(target); ok {
		return r.Name, r.Summary, match.KindRole, nil
	}
	if j, ok := f.Job(target); ok {
		return j.Title, j.Summary, match.KindJob, nil
	}
	return "", "", "", fmt.Errorf("report: %w %s: not a role or job of framework %s",
		match.ErrUnknownTarget, problem.Quote(string(target)), problem.Quote(f.ID()))
}

// scaleNames returns the names of f's levels, lowest first, indexed by
// level.
func scaleNames(f *wlp.Framework) []string {
	s := f.Scale()
	names := make([]string, 0, len(s.Levels))
	for l := competency.Level(0); l <= s.Max(); l++ {
		names = append(names, s.Name(l))
	}
	return names
}

// roleTitle returns the name of the role id, or the ID itself.
func roleTitle(f *wlp.Framework, id role.ID) string {
	if r, ok := f.Role(id); ok {
		return r.Name
	}
	return string(id)
}

// idTitle returns the name of the competency or area id, or the ID itself.
func idTitle(f *wlp.Framework, id competency.ID) string {
	if n, ok := f.NameOf(id); ok {
		return n
	}
	return string(id)
}

// ratesAny reports whether p rates any of the IDs of.
func ratesAny(p profile.Profile, of []competency.ID) bool {
	for _, id := range of {
		if _, ok := p.Ratings[id]; ok {
			return true
		}
	}
	return false
}

// Formatting of numbers and words, the same in every report.

// fmtPct0 prints a fraction as a whole percentage: "40%".
func fmtPct0(x float64) string { return strconv.FormatFloat(100*x, 'f', 0, 64) + "%" }

// fmtPts prints a gain in percentage points: "+2.5 pts".
func fmtPts(x float64) string { return "+" + strconv.FormatFloat(100*x, 'f', 1, 64) + " pts" }

// fmtWeight prints a weight compactly: "3", "0.5".
func fmtWeight(w float64) string { return strconv.FormatFloat(w, 'g', -1, 64) }

// barWidth prints a fraction as a width in a bar of 100 units, clamped.
func barWidth(x float64) string {
	if !(x > 0) { // and NaN
		return "0"
	}
	return strconv.FormatFloat(min(100*x, 100), 'f', 2, 64)
}

// fmtLevel names a level: "4 proficient", or "4" when names has no name
// for it.
func fmtLevel(names []string, l competency.Level) string {
	if l >= 0 && int(l) < len(names) && names[l] != "" {
		return strconv.Itoa(int(l)) + " " + names[l]
	}
	return strconv.Itoa(int(l))
}

// gradeCSS returns the CSS class that colours a grade: "g-high".
func gradeCSS(c match.Confidence) string {
	if c >= match.No && c <= match.Exact {
		return "g-" + c.String()
	}
	return "g-no"
}

// gradeNoteText explains the grades, for the foot of a report.
const gradeNoteText = "Grades put a fit in words: full means every requirement is met; strong, partial and weak split the other fits at the scorer's thresholds, 85% and 60% unless it was set up otherwise."

// fmtKind names a kind of target: "role", "job".
func fmtKind(k match.Kind) string {
	if k == match.KindJob {
		return "job"
	}
	return "role"
}

// fmtCount returns "1 requirement", "3 requirements".
func fmtCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// fmtPeople counts people: "1 person", "3 people".
func fmtPeople(n int) string {
	if n == 1 {
		return "1 person"
	}
	return strconv.Itoa(n) + " people"
}

// displayName names a person: the profile's name, or its ID.
func displayName(id, name string) string {
	if strings.TrimSpace(name) != "" {
		return name
	}
	return id
}

// blankNames clears the names of people that hold nothing but spaces, so
// that a chart names them by profile ID, as the report's tables do.
func blankNames(ps []Person) {
	for i := range ps {
		if strings.TrimSpace(ps[i].Name) == "" {
			ps[i].Name = ""
		}
	}
}

// reviewsNote says how reviews were merged into the ratings, for a
// person with reviews reviews combined by pol ("" when none were).
func reviewsNote(pol profile.Policy, reviews int) string {
	switch {
	case pol != "" && reviews > 0:
		return fmt.Sprintf("This profile carries %s (a 360-degree review), combined into its ratings by %s before scoring.", fmtCount(reviews, "review"), pol)
	case pol != "":
		return fmt.Sprintf("Reviews were combined into the ratings by %s before scoring.", pol)
	case reviews > 0:
		return fmt.Sprintf("This profile carries %s that were not combined: only its own ratings count.", fmtCount(reviews, "review"))
	}
	return ""
}

// fmtInt prints n in decimal.
func fmtInt(n int) string { return strconv.Itoa(n) }
