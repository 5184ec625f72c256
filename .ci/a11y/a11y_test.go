// Package a11y checks wlp's pages for accessibility with axe-core, the
// rule engine by Deque, in headless Chromium: the self-assessment page
// (as it opens, with its problems showing after a failed save, and in
// rater mode), the person and team reports, and the radar chart inline
// in a page. Each page is written to a file and opened from disk, as a
// user would open it; axe.min.js is then evaluated in the page through
// the DevTools protocol (which the form page's Content-Security-Policy
// does not govern), and axe.run checks the WCAG 2.0 and 2.1 A and AA
// rules and Deque's best practices. A test fails listing every
// violation at once, with its rule, impact, the elements it found and
// what to do, and on anything the page writes to its console.
//
// axe-core is pinned in package.json and package-lock.json; node_modules
// is not committed. To run it:
//
//	cd .ci/a11y && npm ci && cd ../.. && go test ./.ci/a11y
//
// .ci/run does the same when Node.js is installed. The directory starts
// with a dot, so `go test ./...` leaves it out.
package a11y

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/browsertest"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// stepTimeout bounds each step in a page, so that a missing element or a
// stuck axe.run fails its page at once rather than at browsertest's
// Timeout.
const stepTimeout = 20 * time.Second

// maxNodes is how many elements a failure lists for one rule; it says
// how many more there are.
const maxNodes = 12

// axeSource returns the source of axe.min.js, failing t when npm has not
// installed it.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("a11y: %v: install axe-core first (cd .ci/a11y && npm ci)", err)
	}
	return string(b)
}

// runAxe is the script that runs axe on the whole document with the
// WCAG 2.0 and 2.1 level A and AA rules and Deque's best practices. It
// gives back how many rules passed and, for each violation and each rule
// axe could not decide, the rule, its impact, its help text and link, and
// each element as a selector with axe's summary of what to fix.
// Selectors into a frame or a shadow root are arrays; they are joined
// with " >>> ".
const runAxe = `axe.run(document, {
	runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
}).then(r => {
	const rules = list => list.map(v => ({
		id: v.id,
		impact: v.impact || '',
		help: v.help,
		helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({
			target: n.target.map(s => Array.isArray(s) ? s.join(' >>> ') : s).join(' | '),
			summary: n.failureSummary || '',
		})),
	}));
	return {violations: rules(r.violations), incomplete: rules(r.incomplete), passes: r.passes.length};
})`

// rule is one of axe's rules as a run found it.
type rule struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// results is what runAxe gives back.
type results struct {
	Violations []rule `json:"violations"`
	Incomplete []rule `json:"incomplete"`
	Passes     int    `json:"passes"`
}

// describe lists violations for a failure message: per rule its ID,
// impact and help, then each element (up to maxNodes) with what axe says
// would fix it.
func describe(vs []rule) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "\n- %s (%s): %s <%s>", v.ID, v.Impact, v.Help, v.HelpURL)
		for i, n := range v.Nodes {
			if i == maxNodes {
				fmt.Fprintf(&b, "\n    ... and %d more", len(v.Nodes)-maxNodes)
				break
			}
			fmt.Fprintf(&b, "\n    %s", n.Target)
			if n.Summary != "" {
				fmt.Fprintf(&b, "\n      %s", strings.ReplaceAll(n.Summary, "\n", "\n      "))
			}
		}
	}
	return b.String()
}

// undecided names the rules of rs with how many elements each left
// undecided and the first of them, for a log line.
func undecided(rs []rule) string {
	var out []string
	for _, r := range rs {
		first := ""
		if len(r.Nodes) > 0 {
			first = ", such as " + r.Nodes[0].Target
		}
		n := fmt.Sprintf("%d elements", len(r.Nodes))
		if len(r.Nodes) == 1 {
			n = "1 element"
		}
		out = append(out, fmt.Sprintf("%s (%s%s)", r.ID, n, first))
	}
	return strings.Join(out, "; ")
}

// ids returns the rule IDs of rs, in order.
func ids(rs []rule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// page is one page to check: how to write it, and what to do on it
// before the check.
type page struct {
	name  string
	write func(io.Writer) error
	// ready is a CSS selector that is in the page once it is set up.
	ready chromedp.CSS
	// steps run after ready, before the check: clicks that bring a
	// state of the page into view.
	steps []chromedp.Action[chromedp.Void]
	// shown is a CSS selector that must be visible after steps, proving
	// they did what they should.
	shown chromedp.CSS
}

// check writes p to a file in dir, opens it in a new tab of the browser
// of ctx, runs p's steps and axe, and returns what axe found and what
// the page wrote to its console.
func check(t *testing.T, ctx context.Context, axe, dir string, p page) (results, []string) {
	t.Helper()
	var b bytes.Buffer
	if err := p.write(&b); err != nil {
		t.Fatalf("a11y: writing %s: %v", p.name, err)
	}
	path := filepath.Join(dir, strings.ReplaceAll(p.name, "/", "-")+".html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	console := browsertest.Watch(tab)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(tab, stepTimeout)
		defer cancel()
		if err := chromedp.Do(sctx, steps...); err != nil {
			t.Fatalf("a11y: %s: %s: %v; console: %q", p.name, what, err, console.Messages())
		}
	}
	do("opening the page", chromedp.Navigate(browsertest.FileURL(t, path)), chromedp.WaitReady(p.ready))
	if len(p.steps) > 0 {
		do("setting the page up", p.steps...)
	}
	if p.shown != "" {
		do("waiting for "+string(p.shown), chromedp.WaitVisible(p.shown))
	}
	// The newline keeps "void 0" out of a comment the source may end
	// in, and void 0 keeps the script's value from being sent back.
	do("injecting axe", chromedp.Evaluate[chromedp.Void](axe+"\n;void 0"))
	sctx, cancelRun := context.WithTimeout(tab, stepTimeout)
	defer cancelRun()
	loaded, err := chromedp.Run(sctx, chromedp.Evaluate[bool](`typeof axe === 'object' && typeof axe.run === 'function'`))
	if err != nil || !loaded {
		t.Fatalf("a11y: %s: axe did not load (%v); console: %q", p.name, err, console.Messages())
	}
	res, err := chromedp.Run(sctx, chromedp.Evaluate[results](runAxe, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("a11y: %s: running axe: %v; console: %q", p.name, err, console.Messages())
	}
	// Let late messages arrive.
	do("waiting for the console", chromedp.Sleep(50*time.Millisecond))
	return res, console.Problems()
}

// loadProfile reads the profile in file under examples/data, merging its
// reviews by their median when it has any, as `wlp report` does.
func loadProfile(t *testing.T, name string) (profile.Profile, []profile.Disagreement) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "data", name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("a11y: %s: %v", name, err)
	}
	if len(p.Reviews) == 0 {
		return p, nil
	}
	c, dis, err := p.Combine(profile.Median)
	if err != nil {
		t.Fatalf("a11y: combining the reviews of %s: %v", name, err)
	}
	return c, dis
}

// notes words disagreements as a report's notes, for a page that shows
// some.
func notes(who string, dis []profile.Disagreement) []string {
	var out []string
	for _, d := range dis {
		out = append(out, fmt.Sprintf("%s: raters disagree on %s (%d to %d), combined by their median.", who, d.ID, d.Low, d.High))
	}
	return out
}

// personReport returns the writer of the person report of the profile
// in file against target.
func personReport(t *testing.T, m *match.Matcher, file string, target role.ID) func(io.Writer) error {
	t.Helper()
	p, dis := loadProfile(t, file)
	r, err := report.NewPersonReport(m, p, target)
	if err != nil {
		t.Fatalf("a11y: the report of %s against %s: %v", file, target, err)
	}
	if len(p.Reviews) > 0 {
		r.Combined = profile.Median
		r.Notes = notes(p.ID, dis)
	}
	return r.WriteHTML
}

// teamReport returns the writer of the team report of every profile in
// examples/data against target.
func teamReport(t *testing.T, m *match.Matcher, target role.ID) func(io.Writer) error {
	t.Helper()
	members, said := team(t)
	r, err := report.NewTeamReport(m, members, target)
	if err != nil {
		t.Fatalf("a11y: the team report against %s: %v", target, err)
	}
	r.Combined = profile.Median
	r.Notes = said
	return r.WriteHTML
}

// team loads every profile in examples/data, and notes on those with
// reviews: that they were combined, and where raters disagree.
func team(t *testing.T) ([]profile.Profile, []string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "data", "*.json"))
	if err != nil || len(files) < 2 {
		t.Fatalf("a11y: the example profiles: %v, %q", err, files)
	}
	var (
		ps  []profile.Profile
		all []string
	)
	for _, f := range files {
		p, dis := loadProfile(t, filepath.Base(f))
		ps = append(ps, p)
		if len(p.Reviews) > 0 {
			all = append(all, fmt.Sprintf("%s: %d reviews combined by their median.", p.ID, len(p.Reviews)))
		}
		all = append(all, notes(p.ID, dis)...)
	}
	return ps, all
}

// charts returns the writer of a page that holds radar charts inline, as
// a site would show them: a person against the CLO job, and the team as
// a team against the business partner.
func charts(t *testing.T, f *wlp.Framework) func(io.Writer) error {
	t.Helper()
	dana, _ := loadProfile(t, "dana.json")
	ps, _ := team(t)
	person, err := report.NewRadar(f, role.CLO, []profile.Profile{dana})
	if err != nil {
		t.Fatal(err)
	}
	group, err := report.NewRadar(f, role.BusinessPartner, ps, report.AsTeam())
	if err != nil {
		t.Fatal(err)
	}
	return func(w io.Writer) error {
		var b bytes.Buffer
		b.WriteString(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Charts</title></head>
<body><main><h1>Charts</h1>
<section><h2>Dana against the chief learning officer</h2>
`)
		if err := person.WriteSVG(&b); err != nil {
			return err
		}
		b.WriteString("</section>\n<section><h2>The team against the business partner</h2>\n")
		if err := group.WriteSVG(&b); err != nil {
			return err
		}
		b.WriteString("</section></main></body></html>\n")
		_, err := w.Write(b.Bytes())
		return err
	}
}

// pages lists what TestAccessibility checks.
func pages(t *testing.T) []page {
	t.Helper()
	learning2, err := os.ReadFile(filepath.Join("..", "..", "examples", "frameworks", "learning2.json"))
	if err != nil {
		t.Fatal(err)
	}
	l2, err := wlp.Load(bytes.NewReader(learning2))
	if err != nil {
		t.Fatalf("a11y: learning2.json: %v", err)
	}
	f := wlp.Default()
	m := match.New(f)
	form := report.NewForm(f).WriteHTML
	bt := string(competency.BuildingTrust)
	return []page{
		{name: "form/default", write: form, ready: "#save"},
		{name: "form/learning2", write: report.NewForm(l2).WriteHTML, ready: "#save"},
		{
			// Save with no ID and a date that is not one: the problems
			// show at the top and by their fields.
			name: "form/failed-save", write: form, ready: "#save",
			steps: []chromedp.Action[chromedp.Void]{
				chromedp.Click(chromedp.CSS("#level-" + bt + "-3")),
				chromedp.Click(chromedp.CSS("#item-" + bt + " summary")),
				chromedp.SendKeys(chromedp.CSS("#date-"+bt), "last May"),
				chromedp.Click(chromedp.CSS("#save")),
			},
			shown: "#problems",
		},
		{
			// A rater's review, with one level chosen.
			name: "form/rater", write: form, ready: "#save",
			steps: []chromedp.Action[chromedp.Void]{
				chromedp.Click(chromedp.CSS("#who-rater")),
				chromedp.Click(chromedp.CSS("#level-" + bt + "-4")),
			},
			shown: "#rater-kind",
		},
		{
			// A rater's review saved empty: no ID, no kind of rater,
			// nothing rated.
			name: "form/rater-failed-save", write: form, ready: "#save",
			steps: []chromedp.Action[chromedp.Void]{
				chromedp.Click(chromedp.CSS("#who-rater")),
				chromedp.Click(chromedp.CSS("#save")),
			},
			shown: "#rater-kind-error",
		},
		{name: "person/dana-clo", write: personReport(t, m, "dana.json", role.CLO), ready: "#reading-h"},
		{name: "person/lee-business-partner", write: personReport(t, m, "lee.json", role.BusinessPartner), ready: "#reading-h"},
		{name: "team/business-partner", write: teamReport(t, m, role.BusinessPartner), ready: "#reading-h"},
		{name: "team/clo", write: teamReport(t, m, role.CLO), ready: "#reading-h"},
		{name: "charts", write: charts(t, f), ready: "svg"},
	}
}

// TestAccessibility runs axe on each page and fails on every violation
// and every console problem.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	axe := axeSource(t)
	ps := pages(t)
	ctx := browsertest.Start(t)
	dir := t.TempDir()
	for _, p := range ps {
		t.Run(p.name, func(t *testing.T) {
			res, problems := check(t, ctx, axe, dir, p)
			if res.Passes == 0 {
				t.Errorf("axe passed no rule on %s: it did not look at the page", p.name)
			}
			if len(res.Violations) > 0 {
				t.Errorf("%s: axe finds violations of %d accessibility rule(s):%s", p.name, len(res.Violations), describe(res.Violations))
			}
			if diff := cmp.Diff([]string(nil), problems); diff != "" {
				t.Errorf("%s: console problems (-want +got):\n%s", p.name, diff)
			}
			if len(res.Incomplete) > 0 {
				t.Logf("%s: rules axe could not decide, to check by hand: %s", p.name, undecided(res.Incomplete))
			}
		})
	}
}

// TestCheckFinds makes sure the check can fail: on pages with known
// faults, axe reports each fault's rule, and the form page's
// Content-Security-Policy, which forbids inline script and eval, does
// not keep axe from loading and running.
func TestCheckFinds(t *testing.T) {
	t.Parallel()
	axe := axeSource(t)
	ctx := browsertest.Start(t)
	dir := t.TempDir()
	// A policy as strict as the form page's for scripts: none runs but
	// through the DevTools protocol, and eval is forbidden.
	const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`
	tests := []struct {
		name string
		html string
		want []string
	}{
		{
			name: "faults",
			html: `<!doctype html><html><head>` + policy + `</head><body><main><h1>Faults</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<input type="text">
<p style="color:#bbb;background:#fff">Pale text</p>
<button></button>
</main></body></html>`,
			want: []string{"button-name", "color-contrast", "document-title", "html-has-lang", "image-alt", "label"},
		},
		{
			name: "clean",
			html: `<!doctype html><html lang="en"><head>` + policy + `<title>Clean</title></head><body><main><h1>Clean</h1>
<label for="x">Name</label> <input type="text" id="x">
<button type="button">Go</button>
</main></body></html>`,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := check(t, ctx, axe, dir, page{
				name:  "self-test/" + tt.name,
				write: func(w io.Writer) error { _, err := io.WriteString(w, tt.html); return err },
				ready: "main",
			})
			if diff := cmp.Diff(tt.want, ids(res.Violations)); diff != "" {
				t.Errorf("violations (-want +got):\n%s%s", diff, describe(res.Violations))
			}
			if diff := cmp.Diff([]string(nil), problems); diff != "" {
				t.Errorf("console problems (-want +got):\n%s", diff)
			}
		})
	}
}
