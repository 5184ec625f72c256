package report_test

import (
	"encoding/json"
	"errors"
	"math"
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

// personAndTeam returns, for each target of f, kim's person report and
// the report of the team of kim and ann.
func personAndTeam(t testing.TB, f *wlp.Framework, targets []role.ID) ([]report.PersonReport, []report.TeamReport) {
	t.Helper()
	m := match.New(f)
	ann := profile.Profile{ID: "ann", Ratings: map[competency.ID]profile.Rating{"listening": {Level: 5}}}
	var prs []report.PersonReport
	var trs []report.TeamReport
	for _, target := range targets {
		pr, err := report.NewPersonReport(m, kim(), target)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := report.NewTeamReport(m, []profile.Profile{kim(), ann}, target)
		if err != nil {
			t.Fatal(err)
		}
		prs, trs = append(prs, pr), append(trs, tr)
	}
	return prs, trs
}

// combined returns p with its reviews merged by pol.
func combined(t testing.TB, p profile.Profile, pol profile.Policy) profile.Profile {
	t.Helper()
	merged, _, err := p.Combine(pol)
	if err != nil {
		t.Fatal(err)
	}
	return merged
}

// personCase is a person against a target, with a few things the report
// must say.
type personCase struct {
	name      string
	framework string // a file, or "" for the default framework
	person    func(t testing.TB) profile.Profile
	target    role.ID
	fit       string   // as the page shows it
	gaps      []string // the gaps' labels, in order
	steps     int      // the plan's steps
}

var personCases = []personCase{
	{
		name: "dana against the CLO job", person: func(t testing.TB) profile.Profile { return sampleProfile(t, "dana") },
		target: role.CLO, fit: "95.9%",
		gaps: []string{"Applying business acumen", "Improving human performance",
			"any 1 of 9 areas of expertise: Career planning and talent management, Coaching, Delivering training, Designing learning, Facilitating organizational change, Improving human performance, Managing organizational knowledge, Managing the learning function, Measuring and evaluating",
			"Planning and implementing assignments"},
		steps: 4,
	},
	{
		name: "lee against a role", person: func(t testing.TB) profile.Profile { return sampleProfile(t, "lee") },
		target: role.BusinessPartner, fit: "97.0%", gaps: []string{"Measuring and evaluating"}, steps: 1,
	},
	{
		name: "kim in a framework of names to escape", framework: tinyEscaping,
		person: func(testing.TB) profile.Profile { return kim() }, target: "host", fit: "91.7%",
		gaps: []string{"Listening"}, steps: 1,
	},
	{
		name: "dana in the Learning 2.0 framework", framework: learning2,
		person: func(t testing.TB) profile.Profile { return sampleProfile(t, "dana") }, target: "instructional-designer", fit: "60.5%",
		gaps:  []string{"Designing learning", "Sharing and collaborating openly", "Using web 2.0 tools", "any 1 of 9 areas of expertise: Career planning and talent management, Coaching, Delivering training, Designing learning, Facilitating organizational change, Improving human performance, Managing organizational knowledge, Managing the learning function, Measuring and evaluating", "Planning and implementing assignments"},
		steps: 3,
	},
	{
		name: "an empty profile", person: func(testing.TB) profile.Profile { return profile.Profile{ID: "nobody"} },
		target: role.ProjectManager, fit: "0.0%",
		gaps: []string{"Driving results", "Planning and implementing assignments", "Communicating effectively", "Managing the learning function",
			"Building trust", "Delivering training", "Demonstrating adaptability", "Influencing stakeholders"},
		steps: 6,
	},
}

// frameworkOf loads a case's framework.
func frameworkOf(t testing.TB, file string) *wlp.Framework {
	t.Helper()
	if file == "" {
		return wlp.Default()
	}
	return testfix.LoadFramework(t, file)
}

// TestNewPersonReport checks the report's data against the matcher: the
// score, its parts and requirements with their shares, the gaps, the
// plan and the chart; and that the shares add up to the fit.
func TestNewPersonReport(t *testing.T) {
	for _, tc := range personCases {
		t.Run(tc.name, func(t *testing.T) {
			f := frameworkOf(t, tc.framework)
			m := match.New(f)
			p := tc.person(t)
			r, err := report.NewPersonReport(m, p, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			res, err := m.Score(p, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]any{res.Fit, res.Confidence, res.Name, res.Kind, p.ID, p.Name, f.Name(), f.Version()},
				[]any{r.Fit, r.Confidence, r.TargetName, r.Kind, r.Profile, r.Name, r.Framework, r.Version}); diff != "" {
				t.Errorf("the headline (-score +report):\n%s", diff)
			}

			// The requirements, the target's own first, then each part's.
			var want []report.Requirement
			add := func(part role.ID, os []match.Outcome) {
				for _, o := range os {
					want = append(want, report.Requirement{Part: part, Label: report.RequirementLabel(f, o.Of, o.AtLeast), Of: o.Of, AtLeast: o.AtLeast,
						Need: o.Need, Have: o.Have, Rated: ratesAnyOf(p, o.Of), Score: o.Score, Weight: o.Weight, Met: o.Met})
				}
			}
			add("", res.Outcomes)
			for _, pt := range res.Parts {
				add(pt.Role, pt.Result.Outcomes)
			}
			if diff := cmp.Diff(want, r.Requirements, cmpIgnoreShare); diff != "" {
				t.Errorf("requirements (-want +got):\n%s", diff)
			}

			// Shares: each role's requirements share its fit, and the job's
			// parts (roles and own requirements) share the job's; what
			// they add comes to the fit.
			sums := map[role.ID]float64{}
			adds := map[role.ID]float64{}
			for _, q := range r.Requirements {
				sums[q.Part] += q.Share
				adds[q.Part] += q.Share * q.Score
			}
			for _, pt := range r.Parts {
				sums[""] += pt.Share
				adds[""] += pt.Share * pt.Fit
				near(t, "the fit of "+string(pt.Role), adds[pt.Role], pt.Fit)
			}
			for part, s := range sums {
				near(t, "the shares of "+string(part), s, 1)
			}
			near(t, "the fit", adds[""], r.Fit)

			var parts []report.Part
			for _, pt := range res.Parts {
				ro, _ := f.Role(pt.Role)
				parts = append(parts, report.Part{Role: pt.Role, Name: ro.Name, Weight: pt.Weight, Share: pt.Share, Fit: pt.Result.Fit, Confidence: pt.Result.Confidence})
			}
			if diff := cmp.Diff(parts, r.Parts, cmpEmptyNil); diff != "" {
				t.Errorf("parts (-want +got):\n%s", diff)
			}

			var gaps []string
			for i, g := range r.Gaps {
				gaps = append(gaps, g.Label)
				mg := res.Gaps[i]
				if diff := cmp.Diff([]any{mg.Part, mg.Of, mg.AtLeast, mg.Have, mg.Need, mg.Gain}, []any{g.Part, g.Of, g.AtLeast, g.Have, g.Need, g.Gain}); diff != "" {
					t.Errorf("gap %d (-score +report):\n%s", i, diff)
				}
			}
			if diff := cmp.Diff(tc.gaps, gaps); diff != "" {
				t.Errorf("gaps (-want +got):\n%s", diff)
			}

			// The plan goes to a strong fit, or on to a full one for whom
			// is already strong.
			until := match.High
			if res.Confidence >= match.High {
				until = match.Exact
			}
			plan, err := m.Plan(p, tc.target, match.Until(until))
			if err != nil {
				t.Fatal(err)
			}
			var steps []report.Step
			for _, s := range plan.Steps {
				name, _ := f.NameOf(s.ID)
				steps = append(steps, report.Step{ID: s.ID, Name: name, From: s.From, To: s.To, Gain: s.Gain, Fit: s.Fit, Confidence: s.Confidence})
			}
			if diff := cmp.Diff(steps, r.Plan, cmpEmptyNil); diff != "" {
				t.Errorf("plan (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]any{tc.steps, plan.Reached}, []any{len(r.Plan), r.Reached}); diff != "" {
				t.Errorf("steps and reached (-want +got):\n%s", diff)
			}

			radar, err := report.NewRadar(f, tc.target, []profile.Profile{p})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(radar, r.Radar); diff != "" {
				t.Errorf("the chart (-NewRadar +report):\n%s", diff)
			}

			again, err := report.NewPersonReport(m, p, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(r, again); diff != "" {
				t.Errorf("a second report differs (-first +second):\n%s", diff)
			}
		})
	}
}

// cmpIgnoreShare leaves a requirement's share out of a comparison; the
// test checks the shares by what they add up to.
var cmpIgnoreShare = cmp.FilterPath(func(p cmp.Path) bool {
	return p.Last().String() == ".Share"
}, cmp.Ignore())

// cmpEmptyNil compares an empty slice equal to a nil one.
var cmpEmptyNil = cmp.FilterValues(func(x, y any) bool {
	return isEmptySlice(x) && isEmptySlice(y)
}, cmp.Comparer(func(any, any) bool { return true }))

// isEmptySlice reports whether x is a slice of report rows with nothing in
// it.
func isEmptySlice(x any) bool {
	switch x := x.(type) {
	case []report.Part:
		return len(x) == 0
	case []report.Step:
		return len(x) == 0
	case []report.Gap:
		return len(x) == 0
	}
	return false
}

// ratesAnyOf reports whether p rates any of of.
func ratesAnyOf(p profile.Profile, of []competency.ID) bool {
	for _, id := range of {
		if _, ok := p.Ratings[id]; ok {
			return true
		}
	}
	return false
}

// near fails the test when got is not want to 9 decimals.
func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if diff := cmp.Diff(true, math.Abs(got-want) < 1e-9); diff != "" {
		t.Errorf("%s: %v, want %v (-want +got):\n%s", what, got, want, diff)
	}
}

// TestNewPersonReportErrors checks the errors: a nil Matcher and an
// unknown target are the report's, and say so.
func TestNewPersonReportErrors(t *testing.T) {
	m := match.New(nil)
	for _, tc := range []struct {
		name    string
		m       *match.Matcher
		target  role.ID
		want    string
		unknown bool
	}{
		{"nil matcher", nil, role.CLO, "report: NewPersonReport: the Matcher is nil", false},
		{"zero matcher", &match.Matcher{}, role.CLO, "report: NewPersonReport: the Matcher is not made by match.New", false},
		{"unknown target", m, "ceo", `report: unknown target "ceo": not a role or job of framework "astd-2004"`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := report.NewPersonReport(tc.m, sampleProfile(t, "lee"), tc.target)
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff([]any{tc.want, tc.unknown}, []any{err.Error(), errors.Is(err, match.ErrUnknownTarget)}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestPersonReportHTML reads each case's page as a reader would: the fit
// and grade up front, the chart, how the fit adds up, the gaps in order
// and the plan step by step.
func TestPersonReportHTML(t *testing.T) {
	for _, tc := range personCases {
		t.Run(tc.name, func(t *testing.T) {
			f := frameworkOf(t, tc.framework)
			r, err := report.NewPersonReport(match.New(f), tc.person(t), tc.target)
			if err != nil {
				t.Fatal(err)
			}
			doc := html(t, r.WriteHTML)
			if diff := cmp.Diff(string(doc), string(html(t, r.WriteHTML))); diff != "" {
				t.Errorf("a second page differs:\n%s", diff)
			}
			root := checkPage(t, doc, r.TargetName, f.Name())

			summary := root.byID(t, "summary").Text()
			for _, want := range []string{tc.fit + " fit", r.Profile} {
				if !strings.Contains(summary+" "+root.tags("h1")[0].Text()+" "+r.Profile, want) {
					t.Errorf("the summary lacks %q: %s", want, summary)
				}
			}
			grade := map[match.Confidence]string{match.No: "weak", match.Low: "partial", match.High: "strong", match.Exact: "full"}[r.Confidence]
			if !strings.Contains(summary, grade+" grade") {
				t.Errorf("the summary lacks the grade %q: %s", grade, summary)
			}
			if h1 := root.tags("h1")[0].Text(); !strings.Contains(h1, r.TargetName) || !strings.Contains(h1, cmpOr(r.Name, r.Profile)) {
				t.Errorf("the heading %q does not name the person and %q", h1, r.TargetName)
			}
			if n := len(root.byID(t, "chart").tags("svg")); n != 1 {
				t.Errorf("%d charts, want 1", n)
			}

			// How the fit adds up: one row per part of a job (its roles,
			// then its own requirements), or per requirement of a role.
			adds := root.byID(t, "adds").tags("table")[0]
			var names []string
			if r.Kind == match.KindJob {
				for _, pt := range r.Parts {
					names = append(names, pt.Name+" role")
				}
			}
			for _, q := range r.Requirements {
				if q.Part == "" {
					if r.Kind == match.KindJob {
						names = append(names, q.Label+" requirement")
					} else {
						names = append(names, q.Label)
					}
				}
			}
			if diff := cmp.Diff(names, column(rowTexts(adds), 0)); diff != "" {
				t.Errorf("how the fit adds up (-want +got):\n%s", diff)
			}
			if foot := adds.tags("tfoot"); len(foot) != 1 || !strings.Contains(foot[0].Text(), tc.fit) {
				t.Errorf("the table of what adds up does not end with the fit %s", tc.fit)
			}

			gaps := root.byID(t, "gaps")
			var labels []string
			if tables := gaps.tags("table"); len(tables) == 1 {
				labels = column(rowTexts(tables[0]), 1)
			} else if !strings.Contains(gaps.Text(), "every requirement is met") {
				t.Errorf("no table of gaps, and no word that there are none: %s", gaps.Text())
			}
			if diff := cmp.Diff(tc.gaps, labels); diff != "" {
				t.Errorf("gaps on the page (-want +got):\n%s", diff)
			}

			var steps []string
			for _, s := range r.Plan {
				steps = append(steps, s.Name)
			}
			var shown []string
			if tables := root.byID(t, "plan").tags("table"); len(tables) == 1 {
				shown = column(rowTexts(tables[0]), 1)
			}
			if diff := cmp.Diff(steps, shown); diff != "" {
				t.Errorf("plan steps on the page (-want +got):\n%s", diff)
			}
		})
	}
}

// cmpOr returns a, or b when a is empty.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestPersonReportEscaping checks that names with <, & and quotes, in
// the framework and the profile, read as written and never as markup.
func TestPersonReportEscaping(t *testing.T) {
	f := testfix.LoadFramework(t, tinyEscaping)
	r, err := report.NewPersonReport(match.New(f), kim(), "talker")
	if err != nil {
		t.Fatal(err)
	}
	r.Notes = []string{`a note with <b>bold</b> & "quotes"`}
	doc := html(t, r.WriteHTML)
	for _, bad := range []string{"<Lee>", "<clearly>", "<b>bold"} {
		if strings.Contains(string(doc), bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	root := checkPage(t, doc, "Talker")
	for _, want := range []string{`Kim <Lee> & "Co"`, "Talking <clearly> & kindly", `a note with <b>bold</b> & "quotes"`} {
		if !strings.Contains(root.Text(), want) {
			t.Errorf("the page does not read %q", want)
		}
	}
}

// TestPersonReportReviews checks what the page says of a profile's
// reviews: combined, and by which policy, or left out.
func TestPersonReportReviews(t *testing.T) {
	alex := sampleProfile(t, "alex-360")
	m := match.New(nil)
	for _, tc := range []struct {
		name string
		p    profile.Profile
		pol  profile.Policy
		want string
	}{
		{"combined", combined(t, alex, profile.Median), profile.Median, "This profile carries 5 reviews (a 360-degree review), combined into its ratings by median before scoring."},
		{"left out", alex, "", "This profile carries 5 reviews that were not combined: only its own ratings count."},
		{"none", sampleProfile(t, "lee"), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := report.NewPersonReport(m, tc.p, role.BusinessPartner)
			if err != nil {
				t.Fatal(err)
			}
			r.Combined = tc.pol
			root := readPage(t, html(t, r.WriteHTML))
			var notes []string
			for _, ul := range root.byID(t, "summary").tags("ul") {
				for _, li := range ul.tags("li") {
					notes = append(notes, li.Text())
				}
			}
			var want []string
			if tc.want != "" {
				want = []string{tc.want}
			}
			if diff := cmp.Diff(want, notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPersonReportUnrated checks that requirements the profile does not
// rate are marked, and counted in the summary.
func TestPersonReportUnrated(t *testing.T) {
	r, err := report.NewPersonReport(match.New(nil), profile.Profile{ID: "nobody"}, role.BusinessPartner)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range r.Requirements {
		if q.Rated {
			t.Errorf("%s is rated in an empty profile", q.Label)
		}
	}
	root := readPage(t, html(t, r.WriteHTML))
	if s := root.byID(t, "summary").Text(); !strings.Contains(s, "No rating for 9 of them: they count as level 0") {
		t.Errorf("the summary does not count the unrated requirements: %s", s)
	}
	has := column(rowTexts(root.byID(t, "adds").tags("table")[0]), 2)
	if diff := cmp.Diff(strings.Repeat("not rated (counts as 0)|", 9), strings.Join(has, "|")+"|"); diff != "" {
		t.Errorf("the levels had (-want +got):\n%s", diff)
	}
}

// TestPersonReportGapsUnrated checks that a gap on a requirement the
// profile does not rate says "not rated", in the gaps and in the line
// on what to close first, as the tables of requirements do, while a
// rating of 0 reads as level 0; and that the plan explains how its steps
// are chosen only when it has steps.
func TestPersonReportGapsUnrated(t *testing.T) {
	m := match.New(frameworkOf(t, tinyEscaping))
	for _, tc := range []struct {
		name    string
		ratings map[competency.ID]profile.Rating
		first   string
		has     []string // the gaps' levels, in order
		explain bool     // whether the plan says how steps are chosen
	}{
		{"talking unrated", map[competency.ID]profile.Rating{"listening": {Level: 1}},
			"Close first: Talking <clearly> & kindly, from not rated (counts as 0) to 3 competent (+50.0 pts).",
			[]string{"not rated (counts as 0)", "1 novice"}, true},
		{"both rated 0", map[competency.ID]profile.Rating{"listening": {Level: 0}, "talking": {Level: 0}},
			"Close first: Listening, from 0 not demonstrated to 2 advanced beginner (+50.0 pts).",
			[]string{"0 not demonstrated", "0 not demonstrated"}, true},
		{"nothing rated", nil,
			"Close first: Listening, from not rated (counts as 0) to 2 advanced beginner (+50.0 pts).",
			[]string{"not rated (counts as 0)", "not rated (counts as 0)"}, true},
		{"everything met", map[competency.ID]profile.Rating{"listening": {Level: 5}, "talking": {Level: 5}},
			"Nothing to close: every requirement is met.", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := report.NewPersonReport(m, profile.Profile{ID: "p", Ratings: tc.ratings}, "talker")
			if err != nil {
				t.Fatal(err)
			}
			root := readPage(t, html(t, r.WriteHTML))
			first := root.all(func(n *htmlNode) bool { return n.tag == "p" && n.attr["class"] == "first" })
			if len(first) != 1 || first[0].Text() != tc.first {
				t.Errorf("the line on what to close first: got %d, want %q", len(first), tc.first)
				for _, n := range first {
					t.Logf("%q", n.Text())
				}
			}
			var has []string
			if tables := root.byID(t, "gaps").tags("table"); len(tables) > 0 {
				has = column(rowTexts(tables[0]), 2)
			}
			if diff := cmp.Diff(tc.has, has); diff != "" {
				t.Errorf("the gaps' levels (-want +got):\n%s", diff)
			}
			if got := strings.Contains(root.byID(t, "plan").Text(), "Each step raises"); got != tc.explain {
				t.Errorf("the plan explains its steps: %v, want %v (%d steps)", got, tc.explain, len(r.Plan))
			}
		})
	}
}

// TestPersonReportByHand checks that a report edited by hand, however
// inconsistent, is written or refused, never a panic.
func TestPersonReportByHand(t *testing.T) {
	good, err := report.NewPersonReport(match.New(nil), sampleProfile(t, "dana"), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(*report.PersonReport)
		fail bool
	}{
		{"zero", func(r *report.PersonReport) { *r = report.PersonReport{} }, false},
		{"no levels named", func(r *report.PersonReport) { r.Levels = nil }, false},
		{"a part without requirements", func(r *report.PersonReport) { r.Requirements = r.Requirements[:2] }, false},
		{"NaN weights", func(r *report.PersonReport) { r.Parts[0].Share, r.Requirements[0].Share = math.NaN(), math.Inf(1) }, false},
		{"levels off the scale", func(r *report.PersonReport) { r.Gaps[0].Have, r.Plan[0].To = -3, 99 }, false},
		{"a chart that does not add up", func(r *report.PersonReport) { r.Radar.People[0].Levels = nil }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := good
			r.Parts = append([]report.Part(nil), good.Parts...)
			r.Requirements = append([]report.Requirement(nil), good.Requirements...)
			r.Gaps = append([]report.Gap(nil), good.Gaps...)
			r.Plan = append([]report.Step(nil), good.Plan...)
			r.Radar.People = append([]report.Person(nil), good.Radar.People...)
			tc.edit(&r)
			checkWrite(t, r.WriteHTML, tc.fail)
		})
	}
}

// TestReportJSON checks that both reports go to JSON and back unchanged:
// a program may send them to a page of its own.
func TestReportJSON(t *testing.T) {
	m := match.New(nil)
	pr, err := report.NewPersonReport(m, combined(t, sampleProfile(t, "alex-360"), profile.Median), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	pr.Combined, pr.Notes = profile.Median, []string{"a note"}
	tr, err := report.NewTeamReport(m, theFour(t), role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	tr.Combined = profile.ManagerFirst
	for _, tc := range []struct {
		in, out any
	}{{pr, &report.PersonReport{}}, {tr, &report.TeamReport{}}} {
		b, err := json.Marshal(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, tc.out); err != nil {
			t.Fatal(err)
		}
		var back any
		switch out := tc.out.(type) {
		case *report.PersonReport:
			back = *out
		case *report.TeamReport:
			back = *out
		}
		if diff := cmp.Diff(tc.in, back); diff != "" {
			t.Errorf("%T after JSON (-before +after):\n%s", tc.in, diff)
		}
	}
}
