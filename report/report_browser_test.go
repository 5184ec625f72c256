package report_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/browsertest"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// reportTab is a report open from disk in a headless browser.
type reportTab struct {
	t   *testing.T
	ctx context.Context
}

// openReport writes the page write writes to a file, opens it in a
// browser and checks, when t ends, that the page wrote nothing to the
// console and fetched nothing.
func openReport(t *testing.T, write func(io.Writer) error) *reportTab {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.Start(t)
	console := browsertest.Watch(ctx)
	tab := &reportTab{t: t, ctx: ctx}
	if err := chromedp.Do(ctx, chromedp.Navigate(browsertest.FileURL(t, path)), chromedp.WaitReady(chromedp.ID("reading-h"))); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = chromedp.Do(ctx, chromedp.Sleep(100*time.Millisecond)) // let late messages arrive
		if diff := cmp.Diff([]string(nil), console.Problems()); diff != "" {
			t.Errorf("console problems (-want +got):\n%s", diff)
		}
	})
	if n := jsValue[int](tab, `performance.getEntriesByType('resource').length`); n != 0 {
		t.Errorf("the page fetched %d resources, want none", n)
	}
	return tab
}

// jsValue evaluates a JavaScript expression on the page.
func jsValue[T any](tab *reportTab, js string) T {
	tab.t.Helper()
	v, err := chromedp.Run(tab.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tab.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// texts returns the trimmed text of each element sel selects.
func (tab *reportTab) texts(sel string) []string {
	tab.t.Helper()
	return jsValue[[]string](tab, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(e => e.textContent.replace(/\s+/g, ' ').trim())`, sel))
}

// printsToPDF checks that the page prints to a PDF.
func (tab *reportTab) printsToPDF() {
	tab.t.Helper()
	pdf, err := chromedp.Run(tab.ctx, chromedp.PrintToPDF(chromedp.PDFPrintBackground()))
	if err != nil {
		tab.t.Fatalf("printing: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 10000 {
		tab.t.Errorf("printing gave %d bytes, starting %q; want a PDF", len(pdf), pdf[:min(len(pdf), 8)])
	}
}

// chartSize returns the size the radar chart takes on the page.
func (tab *reportTab) chartSize() (w, h float64) {
	tab.t.Helper()
	s := jsValue[[]float64](tab, `(() => { const r = document.querySelector('#chart figure svg').getBoundingClientRect(); return [r.width, r.height]; })()`)
	return s[0], s[1]
}

// TestReportBrowserPerson opens dana's report against the CLO job as a
// reader would: the title, the fit up front, the chart drawn at a
// readable size, the gaps and the plan in order, and printing.
func TestReportBrowserPerson(t *testing.T) {
	r, err := report.NewPersonReport(match.New(nil), sampleProfile(t, "dana"), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	tab := openReport(t, r.WriteHTML)

	title := jsValue[string](tab, `document.title`)
	if !strings.Contains(title, "Chief learning officer") || !strings.Contains(title, "ASTD") {
		t.Errorf("the title %q does not name the job and the framework", title)
	}
	if diff := cmp.Diff([]string{"95.9%", "strong", "31 of 35", "4"}, tab.texts("#summary .card .big")); diff != "" {
		t.Errorf("the cards (-want +got):\n%s", diff)
	}
	if w, h := tab.chartSize(); w < 500 || w > 1280 || h < 400 {
		t.Errorf("the chart is %.0f × %.0f pixels; want it readable and within the window", w, h)
	}
	var gaps, steps []string
	for _, g := range r.Gaps {
		gaps = append(gaps, g.Label)
	}
	for _, s := range r.Plan {
		steps = append(steps, s.Name)
	}
	if diff := cmp.Diff(gaps, tab.texts("#gaps tbody th")); diff != "" {
		t.Errorf("gaps (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(steps, tab.texts("#plan tbody th")); diff != "" {
		t.Errorf("plan steps (-want +got):\n%s", diff)
	}
	// The words for screen readers take no room on the screen.
	if w := jsValue[float64](tab, `document.querySelector('.sr').getBoundingClientRect().width`); w > 1 {
		t.Errorf("text for screen readers is %.0f pixels wide on the screen", w)
	}
	tab.printsToPDF()
}

// TestReportBrowserTeam opens the report of the four example people
// against the CLO job: a cell of the skills matrix says its level and
// need and has its colour, the ranking is in order, and it prints.
func TestReportBrowserTeam(t *testing.T) {
	r, err := report.NewTeamReport(match.New(nil), theFour(t), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	tab := openReport(t, r.WriteHTML)
	cell := func(member, column string) []string {
		t.Helper()
		return jsValue[[]string](tab, fmt.Sprintf(`(() => {
			const heads = [...document.querySelectorAll('#matrix thead th')];
			const col = heads.findIndex(th => th.textContent.includes(%q));
			const row = [...document.querySelectorAll('#matrix tbody tr')].find(tr => tr.cells[0].textContent.startsWith(%q));
			const td = row.cells[col];
			return [td.className, td.textContent, getComputedStyle(td).backgroundColor];
		})()`, column, member))
	}
	for _, tc := range []struct{ member, column, class, text, colour string }{
		{"Lee Whitman", "Thinking strategically", "short-more", "level 3 of 5 needed", "rgb(244, 169, 138)"},
		{"Dana Okafor", "Applying business acumen", "short-one", "level 4 of 5 needed", "rgb(253, 226, 138)"},
		{"Dana Okafor", "Thinking strategically", "met", "level 5 of 5 needed", "rgb(185, 226, 177)"},
	} {
		if diff := cmp.Diff([]string{tc.class, tc.text, tc.colour}, cell(tc.member, tc.column)); diff != "" {
			t.Errorf("%s, %s (-want +got):\n%s", tc.member, tc.column, diff)
		}
	}
	if got := cell("Sam Reyes", "Networking and partnering"); got[0] != "unrated" || got[1] != "– not rated, 3 needed" {
		t.Errorf("Sam Reyes, Networking and partnering: %q, want unrated", got)
	}
	var ranking []string
	for _, m := range r.Members {
		ranking = append(ranking, m.Name+" "+m.Profile)
	}
	if diff := cmp.Diff(ranking, tab.texts("#ranking tbody th")); diff != "" {
		t.Errorf("ranking (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Learning strategist", "Business partner", "Project manager", "Professional specialist"}, tab.texts("#hats tbody th")); diff != "" {
		t.Errorf("hats (-want +got):\n%s", diff)
	}
	if w, h := tab.chartSize(); w < 500 || w > 1280 || h < 400 {
		t.Errorf("the chart is %.0f × %.0f pixels; want it readable and within the window", w, h)
	}
	tab.printsToPDF()
}

// TestReportBrowserLargeTeam opens the report of a team of 500: the
// matrix scrolls in a box no taller than the window, with its header in
// view as it scrolls, names whole, and a chart of as many shapes as the
// chart of the best five alone. Printed, the box opens out so that every
// row prints. (Printing 500 rows to PDF takes a browser many seconds;
// TestReportBrowserTeam prints.)
func TestReportBrowserLargeTeam(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	ps := slices.Collect(testfix.Population(f, 3, 500))
	r, err := report.NewTeamReport(m, ps, role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	tab := openReport(t, r.WriteHTML)
	box := jsValue[[]float64](tab, `(() => {
		const box = document.querySelector('#matrix .scroll');
		box.scrollIntoView();
		const head = box.querySelector('thead th');
		box.scrollTop = 5000;
		const top = head.getBoundingClientRect().top - box.getBoundingClientRect().top;
		return [box.clientHeight, window.innerHeight, box.scrollHeight, box.scrollTop, top];
	})()`)
	if height, window, content := box[0], box[1], box[2]; height > window || content < 10*height {
		t.Errorf("the matrix box is %.0f pixels high for %.0f of content, in a window of %.0f; want it no higher than the window, scrolling", height, content, window)
	}
	if scrolled, top := box[3], box[4]; scrolled < 1000 || top < -1 || top > 2 {
		t.Errorf("scrolled %.0f pixels down the matrix, its header is %.0f pixels below the box's top; want it at the top", scrolled, top)
	}
	names := jsValue[[]float64](tab, `[...document.querySelectorAll('#matrix tbody th')].map(th => th.getBoundingClientRect().width)`)
	if len(names) != 500 || slices.Min(names) < 80 {
		t.Errorf("%d row names, the narrowest %.0f pixels; want 500, none squeezed", len(names), slices.Min(names))
	}
	const shapes = `document.querySelectorAll('#chart svg polygon, #chart svg polyline, #chart svg path, #chart svg circle').length`
	large := jsValue[int](tab, shapes)

	if _, err := chromedp.Call(tab.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	printed := jsValue[[]float64](tab, `(() => {
		const box = document.querySelector('#matrix .scroll');
		return [box.clientHeight, box.scrollHeight, document.querySelectorAll('#matrix tbody tr').length];
	})()`)
	if printed[0] < printed[1]-1 || printed[2] != 500 {
		t.Errorf("printed, the matrix box is %.0f pixels high for %.0f of content and %.0f rows; want it whole", printed[0], printed[1], printed[2])
	}

	best := make([]profile.Profile, 0, report.MaxCharted)
	for _, mem := range r.Members[:report.MaxCharted] {
		i := slices.IndexFunc(ps, func(p profile.Profile) bool { return p.ID == mem.Profile })
		best = append(best, ps[i])
	}
	few, err := report.NewTeamReport(m, best, role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	if small := jsValue[int](openReport(t, few.WriteHTML), shapes); large != small {
		t.Errorf("the chart of 500 draws %d shapes, the chart of the best %d alone %d; want the same", large, report.MaxCharted, small)
	}
}

// TestReportBrowserPhone opens reports on a phone's screen, 390 pixels
// wide: the page is no wider than the screen (a table too wide for it
// scrolls in its own box, the bars give way), so nobody pans the whole
// page sideways to read a row. The team's matrix keeps its words for
// screen readers inside its box too.
func TestReportBrowserPhone(t *testing.T) {
	m := match.New(nil)
	dana, err := report.NewPersonReport(m, sampleProfile(t, "dana"), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	sam, err := report.NewPersonReport(m, sampleProfile(t, "sam"), role.ProjectManager)
	if err != nil {
		t.Fatal(err)
	}
	team, err := report.NewTeamReport(m, theFour(t), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"a person against a job", dana.WriteHTML},
		{"a person against a role", sam.WriteHTML},
		{"a team", team.WriteHTML},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab := openReport(t, tc.write)
			if err := chromedp.Do(tab.ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
				t.Fatal(err)
			}
			got := jsValue[[]float64](tab, `[document.documentElement.scrollWidth, document.querySelectorAll('td.barcell').length,
				[...document.querySelectorAll('td.barcell')].filter(td => td.getBoundingClientRect().width > 0).length]`)
			if got[0] > 390 {
				t.Errorf("the page is %.0f pixels wide on a screen of 390", got[0])
			}
			if got[2] != 0 {
				t.Errorf("%.0f of %.0f bars show on a phone", got[2], got[1])
			}
		})
	}
}

// TestReportBrowserPrintTotal checks that, printed, the total of how the
// fit adds up comes once, under the table's last row, rather than at the
// foot of every page the table spans.
func TestReportBrowserPrintTotal(t *testing.T) {
	r, err := report.NewPersonReport(match.New(nil), sampleProfile(t, "dana"), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	tab := openReport(t, r.WriteHTML)
	if _, err := chromedp.Call(tab.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got := jsValue[string](tab, `getComputedStyle(document.querySelector('#adds tfoot')).display`); got != "table-row-group" {
		t.Errorf("printed, the total's row group displays as %q; want table-row-group, printed once", got)
	}
}

// TestReportBrowserRightToLeft checks, on the screen, that names in
// right-to-left scripts listed as covering a requirement ("A, B and C")
// read in the list's order from left to right, as the English sentence
// around them runs: the first named stands left of the second.
func TestReportBrowserRightToLeft(t *testing.T) {
	arabic, hebrew := "سارة العلي", "דוד כהן"
	people := []profile.Profile{
		{ID: "r1", Name: arabic, Ratings: map[competency.ID]profile.Rating{"listening": {Level: 3}}},
		{ID: "r2", Name: hebrew, Ratings: map[competency.ID]profile.Rating{"listening": {Level: 3}}},
		{ID: "r3", Name: "נועה", Ratings: map[competency.ID]profile.Rating{"listening": {Level: 3}}},
	}
	r, err := report.NewTeamReport(match.New(testfix.LoadFramework(t, tinyEscaping)), people, "listener")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"r1", "r2", "r3"}, r.Covers[0].By); diff != "" {
		t.Fatalf("who covers listening (-want +got):\n%s", diff)
	}
	tab := openReport(t, r.WriteHTML)
	// left returns where a name starts on the screen, from a range over
	// the text, wherever the page puts its elements.
	left := jsValue[[]float64](tab, fmt.Sprintf(`(() => {
		const cell = document.querySelector('#coverage tbody td:last-child');
		const left = name => {
			const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let n = walk.nextNode(); n; n = walk.nextNode()) {
				const i = n.data.indexOf(name);
				if (i >= 0) {
					const r = document.createRange();
					r.setStart(n, i);
					r.setEnd(n, i + name.length);
					return r.getBoundingClientRect().left;
				}
			}
			return -1;
		};
		return [left(%q), left(%q)];
	})()`, arabic, hebrew))
	if left[0] < 0 || left[1] < 0 || left[0] >= left[1] {
		t.Errorf("the names start at %.0f and %.0f pixels; want the first listed left of the second", left[0], left[1])
	}
}
