package report_test

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// teamCase is a team against a target.
type teamCase struct {
	name      string
	framework string // a file, or "" for the default framework
	people    func(t testing.TB) []profile.Profile
	target    role.ID
}

// theFour are the four example people who are not reviewed.
func theFour(t testing.TB) []profile.Profile {
	return samplePeople(t, "dana", "lee", "sam", "priya")
}

var teamCases = []teamCase{
	{name: "four against a role", people: theFour, target: role.BusinessPartner},
	{name: "four against the CLO job", people: theFour, target: role.CLO},
	{name: "two in the Learning 2.0 framework", framework: learning2, target: "instructional-designer",
		people: func(t testing.TB) []profile.Profile { return samplePeople(t, "dana", "lee") }},
	{name: "names to escape", framework: tinyEscaping, target: "host", people: func(testing.TB) []profile.Profile {
		return []profile.Profile{kim(), {ID: "ann", Ratings: map[competency.ID]profile.Rating{"listening": {Level: 5}}}}
	}},
	{name: "one person", people: func(t testing.TB) []profile.Profile { return samplePeople(t, "sam") }, target: role.ProjectManager},
	{name: "nobody", people: func(testing.TB) []profile.Profile { return nil }, target: role.CLO},
}

// TestNewTeamReport checks the team report's data against the matcher:
// the team's fit, the ranking, the matrix's columns and levels, who
// covers what, the gaps with develop-or-hire, the hats and the chart.
func TestNewTeamReport(t *testing.T) {
	for _, tc := range teamCases {
		t.Run(tc.name, func(t *testing.T) {
			f := frameworkOf(t, tc.framework)
			m := match.New(f)
			ps := tc.people(t)
			r, err := report.NewTeamReport(m, ps, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := m.Team(ps, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]any{tr.Result.Fit, tr.Result.Confidence, tr.Result.Name, tr.Result.Kind, f.Name()},
				[]any{r.Fit, r.Confidence, r.TargetName, r.Kind, r.Framework}); diff != "" {
				t.Errorf("the headline (-Team +report):\n%s", diff)
			}

			// The ranking is Rank's, and what each adds is Team's.
			ranked, err := m.Rank(ps, tc.target, 0)
			if err != nil {
				t.Fatal(err)
			}
			loss := map[string]float64{}
			for _, c := range tr.Contributions {
				loss[c.Profile] = c.Loss
			}
			type rank struct {
				Profile string
				Fit     float64
				Grade   match.Confidence
				Adds    float64
			}
			var want, got []rank
			for _, rk := range ranked {
				want = append(want, rank{rk.Profile, rk.Result.Fit, rk.Result.Confidence, loss[rk.Profile]})
			}
			for _, mem := range r.Members {
				got = append(got, rank{mem.Profile, mem.Fit, mem.Confidence, mem.Adds})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ranking (-Rank +report):\n%s", diff)
			}

			// The matrix: the chart's axes, each member's levels on them,
			// and whether they rate any ID of each.
			radar, err := report.NewRadar(f, tc.target, ps, report.AsTeam())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(radar.Axes, r.Columns, cmpEmptyAxes); diff != "" {
				t.Errorf("columns (-chart axes +report):\n%s", diff)
			}
			byID := map[string]profile.Profile{}
			levels := map[string][]competency.Level{}
			for i, p := range ps {
				byID[p.ID] = p
				levels[p.ID] = radar.People[i].Levels
			}
			for _, mem := range r.Members {
				var rated []bool
				for _, c := range r.Columns {
					rated = append(rated, ratesAnyOf(byID[mem.Profile], c.Of))
				}
				if diff := cmp.Diff([]any{levels[mem.Profile], rated, byID[mem.Profile].Name}, []any{mem.Levels, mem.Rated, mem.Name}, cmpEmptyLevels); diff != "" {
					t.Errorf("%s: levels, rated and name (-want +got):\n%s", mem.Profile, diff)
				}
			}

			var covers []report.Coverage
			for _, c := range tr.Covers {
				cov := report.Coverage{Part: c.Part, Label: report.RequirementLabel(f, c.Of, c.AtLeast), Of: c.Of, AtLeast: c.AtLeast,
					Need: c.Need, Have: c.Have, Met: c.Met, By: c.By}
				if ro, ok := f.Role(c.Part); ok {
					cov.PartName = ro.Name
				}
				covers = append(covers, cov)
			}
			if diff := cmp.Diff(covers, r.Covers, cmpEmptyCovers); diff != "" {
				t.Errorf("covers (-Team +report):\n%s", diff)
			}

			steps, err := m.TeamPlan(ps, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			var gaps []report.TeamGap
			for _, s := range steps {
				g := report.TeamGap{Gap: report.Gap{Part: s.Gap.Part, Label: report.RequirementLabel(f, s.Gap.Of, s.Gap.AtLeast), Of: s.Gap.Of,
					AtLeast: s.Gap.AtLeast, Have: s.Gap.Have, Need: s.Gap.Need, Gain: s.Gap.Gain}, Hire: s.Hire, Develop: s.Develop, From: s.From}
				if ro, ok := f.Role(s.Gap.Part); ok {
					g.PartName = ro.Name
				}
				gaps = append(gaps, g)
			}
			if diff := cmp.Diff(gaps, r.Gaps, cmpEmptyGaps); diff != "" {
				t.Errorf("gaps (-TeamPlan +report):\n%s", diff)
			}

			a, err := m.Assign(ps, []role.ID{tc.target})
			if err != nil {
				t.Fatal(err)
			}
			var hats []report.Hat
			for _, h := range a.Hats {
				ro, _ := f.Role(h.Role)
				hats = append(hats, report.Hat{Role: h.Role, Name: ro.Name, Weight: h.Weight, Profile: h.Profile, Fit: h.Fit})
			}
			if diff := cmp.Diff(hats, r.Hats); diff != "" {
				t.Errorf("hats (-Assign +report):\n%s", diff)
			}
			wantHats := 1
			if j, ok := f.Job(tc.target); ok {
				wantHats = len(j.Roles)
			}
			if len(r.Hats) != wantHats {
				t.Errorf("%d hats, want %d: a job's roles, or the role itself", len(r.Hats), wantHats)
			}

			// The chart: the team, and its best members, best first.
			var charted, best []string
			for _, p := range r.Radar.People {
				charted = append(charted, p.Profile)
			}
			for _, mem := range r.Members[:min(len(r.Members), report.MaxCharted)] {
				best = append(best, mem.Profile)
			}
			if diff := cmp.Diff(best, charted); diff != "" {
				t.Errorf("charted people (-best members +charted):\n%s", diff)
			}
			if diff := cmp.Diff(radar.Team, r.Radar.Team); diff != "" {
				t.Errorf("the chart's team (-NewRadar +report):\n%s", diff)
			}

			again, err := report.NewTeamReport(m, ps, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(r, again); diff != "" {
				t.Errorf("a second report differs (-first +second):\n%s", diff)
			}
		})
	}
}

// Comparers of an empty list with a nil one, for lists the report makes
// and a test builds with append.
var (
	cmpEmptyAxes   = cmpEmpty[report.Axis]()
	cmpEmptyLevels = cmpEmpty[competency.Level]()
	cmpEmptyCovers = cmpEmpty[report.Coverage]()
	cmpEmptyGaps   = cmpEmpty[report.TeamGap]()
)

// cmpEmpty compares an empty []T equal to a nil one.
func cmpEmpty[T any]() cmp.Option {
	return cmp.FilterValues(func(x, y []T) bool { return len(x) == 0 && len(y) == 0 },
		cmp.Comparer(func(_, _ []T) bool { return true }))
}

// TestNewTeamReportErrors checks the errors: a nil Matcher, an unknown
// target and two people with one profile ID.
func TestNewTeamReportErrors(t *testing.T) {
	m := match.New(nil)
	lee := sampleProfile(t, "lee")
	for _, tc := range []struct {
		name    string
		m       *match.Matcher
		people  []profile.Profile
		target  role.ID
		want    string
		unknown bool
	}{
		{"nil matcher", nil, []profile.Profile{lee}, role.CLO, "report: NewTeamReport: the Matcher is nil", false},
		{"unknown target", m, []profile.Profile{lee}, "ceo", `report: unknown target "ceo": not a role or job of framework "astd-2004"`, true},
		{"the same profile twice", m, []profile.Profile{lee, lee}, role.CLO, `"lee"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := report.NewTeamReport(tc.m, tc.people, tc.target)
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff([]any{true, tc.unknown}, []any{strings.Contains(err.Error(), tc.want), errors.Is(err, match.ErrUnknownTarget)}); diff != "" {
				t.Errorf("error %q, want %q (-want +got):\n%s", err, tc.want, diff)
			}
		})
	}
}

// matrixCell returns the cell of the skills matrix on the page for the
// member and the column whose header holds label: its class and text.
func matrixCell(t *testing.T, root *htmlNode, member, label string) (class, text string) {
	t.Helper()
	table := root.byID(t, "matrix").tags("table")[0]
	col := -1
	for i, th := range table.tags("thead")[0].tags("th") {
		if strings.Contains(th.Text(), label) {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no column %q in the matrix", label)
	}
	for _, tr := range table.tags("tbody")[0].tags("tr") {
		cells := slices.DeleteFunc(slices.Clone(tr.kids), func(n *htmlNode) bool { return n.tag != "td" && n.tag != "th" })
		if strings.HasPrefix(cells[0].Text(), member) {
			return cells[col].attr["class"], cells[col].Text()
		}
	}
	t.Fatalf("no row of %q in the matrix", member)
	return "", ""
}

// TestTeamReportHTML reads the team page as a reader would: the matrix's
// cells (level, need and colour), the ranking, coverage, gaps and hats.
func TestTeamReportHTML(t *testing.T) {
	m := match.New(nil)
	r, err := report.NewTeamReport(m, theFour(t), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	doc := html(t, r.WriteHTML)
	if diff := cmp.Diff(string(doc), string(html(t, r.WriteHTML))); diff != "" {
		t.Errorf("a second page differs:\n%s", diff)
	}
	root := checkPage(t, doc, "Chief learning officer", "ASTD Workplace Learning and Performance Competency Model")

	for _, tc := range []struct{ member, column, class, text string }{
		{"Lee Whitman", "Thinking strategically", "short-more", "level 3 of 5 needed"},
		{"Dana Okafor", "Thinking strategically", "met", "level 5 of 5 needed"},
		{"Dana Okafor", "Applying business acumen", "short-one", "level 4 of 5 needed"},
		{"Sam Reyes", "Networking and partnering", "unrated", "– not rated, 3 needed"},
		{"Priya Natarajan", "G3 · any 1 of 9 areas", "met", "level 5 of 5 needed"},
		{"Lee Whitman", "G1 · any 7 of 9 areas", "short-more", "level 0 of 2 needed"},
	} {
		class, text := matrixCell(t, root, tc.member, tc.column)
		if diff := cmp.Diff([]string{tc.class, tc.text}, []string{class, text}); diff != "" {
			t.Errorf("%s, %s (-want +got):\n%s", tc.member, tc.column, diff)
		}
	}
	key := root.byID(t, "matrix").tags("dl")
	if len(key) != 1 || !strings.Contains(key[0].Text(), "G1 any 7 of 9 areas of expertise: Career planning and talent management, Coaching,") {
		t.Errorf("the key does not name the first group's areas: %v", key)
	}
	var legend []string
	for _, li := range root.byID(t, "matrix").tags("li") {
		legend = append(legend, li.tags("span")[0].attr["class"])
	}
	if diff := cmp.Diff([]string{"swatch met", "swatch short-one", "swatch short-more", "swatch unrated"}, legend); diff != "" {
		t.Errorf("legend (-want +got):\n%s", diff)
	}

	ranking := rowTexts(root.byID(t, "ranking").tags("table")[0])
	want := [][]string{
		{"1", "Dana Okafor (Director of Learning) dana", "95.9%", "strong", "+6.3 pts", ""},
		{"2", "Lee Whitman (HR Business Partner) lee", "79.6%", "partial", "+3.1 pts", ""},
		{"3", "Sam Reyes (Learning Program Manager) sam", "53.3%", "weak", "+0.3 pts", ""},
		{"4", "Priya Natarajan (Senior Instructional Designer) priya", "36.7%", "weak", "+0.6 pts", ""},
	}
	if diff := cmp.Diff(want, ranking); diff != "" {
		t.Errorf("ranking (-want +got):\n%s", diff)
	}

	coverage := root.byID(t, "coverage").tags("table")[0]
	var groups []string
	for _, th := range coverage.tags("th") {
		if th.attr["scope"] == "rowgroup" {
			groups = append(groups, th.Text())
		}
	}
	if diff := cmp.Diff([]string{"The job's own requirements", "Role: Learning strategist", "Role: Business partner", "Role: Project manager", "Role: Professional specialist"}, groups); diff != "" {
		t.Errorf("coverage groups (-want +got):\n%s", diff)
	}
	if got := len(rowTexts(coverage)); got != len(r.Covers)+len(groups) {
		t.Errorf("%d rows of coverage, want %d requirements and %d headings", got, len(r.Covers), len(groups))
	}
	if s := root.byID(t, "gaps").Text(); !strings.Contains(s, "None: together the team meets every requirement.") {
		t.Errorf("the gaps section of a team that meets everything: %s", s)
	}
	hats := rowTexts(root.byID(t, "hats").tags("table")[0])
	wantHats := [][]string{
		{"Learning strategist", "3", "Dana Okafor (Director of Learning)", "100.0%"},
		{"Business partner", "3", "Lee Whitman (HR Business Partner)", "97.0%"},
		{"Project manager", "1", "Sam Reyes (Learning Program Manager)", "100.0%"},
		{"Professional specialist", "1", "Priya Natarajan (Senior Instructional Designer)", "100.0%"},
	}
	if diff := cmp.Diff(wantHats, hats); diff != "" {
		t.Errorf("hats (-want +got):\n%s", diff)
	}
}

// TestTeamReportGaps checks the gaps of a team that leaves some: in gain
// order, each closed by developing the member nearest or by a hire.
func TestTeamReportGaps(t *testing.T) {
	m := match.New(nil)
	r, err := report.NewTeamReport(m, samplePeople(t, "sam", "priya"), role.BusinessPartner)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Gaps) == 0 {
		t.Fatal("the team has no gaps; the test wants some")
	}
	root := readPage(t, html(t, r.WriteHTML))
	rows := rowTexts(root.byID(t, "gaps").tags("table")[0])
	var want [][]string
	names := map[string]string{"sam": "Sam Reyes (Learning Program Manager)", "priya": "Priya Natarajan (Senior Instructional Designer)"}
	levels := []string{"0 not demonstrated", "1 novice", "2 advanced beginner", "3 competent", "4 proficient", "5 expert"}
	for i, g := range r.Gaps {
		close := "hire: nobody is within 2 levels"
		if !g.Hire {
			close = "develop " + names[g.Develop] + " (now " + levels[g.From] + ")"
		}
		want = append(want, []string{fmt.Sprint(i + 1), g.Label, levels[g.Have], levels[g.Need], fmt.Sprintf("+%.1f pts", 100*g.Gain), close})
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("gaps (-want +got):\n%s", diff)
	}
	var gains []float64
	for _, g := range r.Gaps {
		gains = append(gains, g.Gain)
	}
	if !slices.IsSortedFunc(gains, func(a, b float64) int { return -cmpFloat(a, b) }) {
		t.Errorf("gaps are not in gain order: %v", gains)
	}
}

// cmpFloat compares two floats.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestTeamReportLarge checks that a team of 500 stays readable: everyone
// in the matrix and the ranking, by name, the chart limited to the best
// few, lists of who covers what cut short, and a page of bounded size.
func TestTeamReportLarge(t *testing.T) {
	const n = 500
	f := wlp.Default()
	ps := slices.Collect(testfix.Population(f, 7, n))
	r, err := report.NewTeamReport(match.New(f), ps, role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	doc := html(t, r.WriteHTML)
	if len(doc) > 2<<20 {
		t.Errorf("the page of %d people takes %d bytes, want at most 2 MiB", n, len(doc))
	}
	root := checkPage(t, doc, "Chief learning officer")
	if diff := cmp.Diff([]int{n, report.MaxCharted}, []int{len(r.Members), len(r.Radar.People)}); diff != "" {
		t.Errorf("members and charted people (-want +got):\n%s", diff)
	}
	matrix := root.byID(t, "matrix").tags("table")[0]
	rows := rowTexts(matrix)
	if len(rows) != n {
		t.Fatalf("%d rows in the matrix, want %d", len(rows), n)
	}
	byID := map[string]string{}
	for _, p := range ps {
		byID[p.ID] = p.Name
	}
	for i, mem := range r.Members {
		if want := byID[mem.Profile] + " " + mem.Profile; rows[i][0] != want {
			t.Fatalf("row %d of the matrix names %q, want %q", i, rows[i][0], want)
		}
		if len(rows[i]) != 2+len(r.Columns) {
			t.Fatalf("row %d has %d cells, want %d", i, len(rows[i]), 2+len(r.Columns))
		}
	}
	if got := len(rowTexts(root.byID(t, "ranking").tags("table")[0])); got != n {
		t.Errorf("%d rows in the ranking, want %d", got, n)
	}
	caption := root.byID(t, "chart").tags("figcaption")[0].Text()
	if !strings.Contains(caption, "with its 5 best members by their own fit; the skills matrix below shows all 500") {
		t.Errorf("the chart's caption does not say it draws the best few: %s", caption)
	}
	for _, by := range column(rowTexts(root.byID(t, "coverage").tags("table")[0]), 4) {
		if strings.Count(by, ",")+strings.Count(by, " and ") > 6 {
			t.Errorf("a list of who covers a requirement names more than 6: %s", by)
		}
	}
}

// TestTeamReportByHand checks that a team report edited by hand, however
// inconsistent, is written or refused, never a panic.
func TestTeamReportByHand(t *testing.T) {
	good, err := report.NewTeamReport(match.New(nil), theFour(t), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(*report.TeamReport)
		fail bool
	}{
		{"zero", func(r *report.TeamReport) { *r = report.TeamReport{} }, false},
		{"short levels", func(r *report.TeamReport) { r.Members[0].Levels, r.Members[1].Rated = nil, nil }, false},
		{"unknown members", func(r *report.TeamReport) { r.Covers[0].By = []string{"x", "y"}; r.Hats[0].Profile = "z" }, false},
		{"NaN fits", func(r *report.TeamReport) {
			r.Fit, r.Hats[0].Fit, r.Members[0].Fit = math.NaN(), math.Inf(-1), math.NaN()
		}, false},
		{"levels off the scale", func(r *report.TeamReport) { r.Members[0].Levels[0], r.Columns[1].Need = 99, -4 }, false},
		{"a chart that does not add up", func(r *report.TeamReport) { r.Radar.Axes = r.Radar.Axes[:3] }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := good
			r.Members = slices.Clone(good.Members)
			for i := range r.Members {
				r.Members[i].Levels = slices.Clone(r.Members[i].Levels)
			}
			r.Columns = slices.Clone(good.Columns)
			r.Covers = slices.Clone(good.Covers)
			r.Hats = slices.Clone(good.Hats)
			r.Radar.Axes = slices.Clone(good.Radar.Axes)
			tc.edit(&r)
			checkWrite(t, r.WriteHTML, tc.fail)
		})
	}
}

// TestTeamReportNamesIsolated checks that every member's name the team
// report writes in its sentences, lists and tables sits in a bdi element
// of its own, so that a name in a right-to-left script neither takes the
// words and numbers around it along nor swaps places with the name next
// to it in a list.
func TestTeamReportNamesIsolated(t *testing.T) {
	arabic, hebrew := "سارة العلي", "דוד כהן"
	people := []profile.Profile{
		{ID: "r1", Name: arabic, Ratings: map[competency.ID]profile.Rating{"listening": {Level: 3}, "talking": {Level: 1}}},
		{ID: "r2", Name: hebrew, Ratings: map[competency.ID]profile.Rating{"listening": {Level: 3}}},
	}
	r, err := report.NewTeamReport(match.New(frameworkOf(t, tinyEscaping)), people, "listener")
	if err != nil {
		t.Fatal(err)
	}
	root := readPage(t, html(t, r.WriteHTML))
	isolated := func(n *htmlNode) []string {
		var out []string
		for _, b := range n.tags("bdi") {
			out = append(out, b.Text())
		}
		return out
	}
	for _, tc := range []struct {
		section string
		want    []string
	}{
		{"summary", []string{arabic}},          // best alone
		{"matrix", []string{arabic, hebrew}},   // row names
		{"ranking", []string{arabic, hebrew}},  // row names
		{"coverage", []string{arabic, hebrew}}, // who brings listening 3
		{"gaps", []string{arabic}},             // develop the closest
		{"hats", []string{arabic}},             // the listener's hat
	} {
		if diff := cmp.Diff(tc.want, isolated(root.byID(t, tc.section))); diff != "" {
			t.Errorf("%s: the names in bdi elements (-want +got):\n%s", tc.section, diff)
		}
	}
	if got := root.byID(t, "coverage").tags("tbody")[0].tags("td")[3].Text(); got != arabic+" and "+hebrew {
		t.Errorf("covered by %q, want both names joined by and", got)
	}
	if got := root.byID(t, "gaps").tags("tbody")[0].tags("td"); len(got) == 0 || got[len(got)-1].Text() != "develop "+arabic+" (now 3 competent)" {
		t.Errorf("the gap's way to close it: %v", got)
	}
}

// TestReportBlankNames checks that a profile whose name holds nothing but
// spaces is named by its profile ID on the chart, as it is in the
// tables, in the person report and in the team report.
func TestReportBlankNames(t *testing.T) {
	m := match.New(frameworkOf(t, tinyEscaping))
	blank := profile.Profile{ID: "blank-id", Name: " \t ", Ratings: map[competency.ID]profile.Rating{"listening": {Level: 2}}}
	pr, err := report.NewPersonReport(m, blank, "listener")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := report.NewTeamReport(m, []profile.Profile{blank, kim()}, "listener")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		radar report.Radar
		write func(io.Writer) error
	}{
		{"person", pr.Radar, pr.WriteHTML},
		{"team", tr.Radar, tr.WriteHTML},
	} {
		var names []string
		for _, p := range tc.radar.People {
			names = append(names, p.Profile+"="+p.Name)
		}
		if !slices.Contains(names, "blank-id=") {
			t.Errorf("%s: the chart's people %q; want blank-id without a name", tc.name, names)
		}
		// The chart's own words: its title, and its text alternative.
		var said []string
		for _, svg := range readPage(t, html(t, tc.write)).byID(t, "chart").tags("svg") {
			for _, n := range append(svg.tags("title"), svg.tags("desc")...) {
				said = append(said, n.Text())
			}
		}
		if text := strings.Join(said, " | "); !strings.Contains(text, "blank-id has 2") {
			t.Errorf("%s: the chart does not name blank-id by its ID: %s", tc.name, text)
		}
	}
}
