package report_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/browsertest"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

// formPage is the self-assessment page open in a headless browser.
type formPage struct {
	t       *testing.T
	ctx     context.Context
	console *browsertest.Console
	next    func() ([]byte, string)
	page    string // the page's URL
}

// writeForm writes the page of f to a file and returns its path.
func writeForm(t *testing.T, f *wlp.Framework) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.NewForm(f).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "form.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// openForm starts a browser on url, watching its console and catching
// its downloads, and checks when t ends that the page wrote no warning
// or error to the console.
func openForm(t *testing.T, url string) *formPage {
	t.Helper()
	ctx := browsertest.Start(t)
	p := &formPage{t: t, ctx: ctx, console: browsertest.Watch(ctx), next: browsertest.Downloads(t, ctx), page: url}
	p.do(chromedp.Navigate(url), chromedp.WaitReady(chromedp.ID("save")))
	t.Cleanup(func() {
		// Let late messages arrive before the browser closes.
		_ = chromedp.Do(ctx, chromedp.Sleep(100*time.Millisecond))
		if diff := gocmp.Diff([]string(nil), p.console.Problems()); diff != "" {
			t.Errorf("console problems (-want +got):\n%s", diff)
		}
	})
	return p
}

// do runs steps on the page, failing the test on an error.
func (p *formPage) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression on the page.
func eval[T any](p *formPage, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		p.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// text returns the text of the element with the given ID.
func (p *formPage) text(id string) string {
	p.t.Helper()
	return eval[string](p, fmt.Sprintf(`document.getElementById(%q).textContent.trim()`, id))
}

// typeIn types text into the field with the given ID.
func typeIn(id, text string) chromedp.Action[chromedp.Void] {
	return chromedp.SendKeys(chromedp.ID(id), text)
}

// clear empties the field with the given ID, as selecting its text and
// deleting it would. (chromedp.SetValue cannot set an empty value.)
func clear(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const el = document.getElementById(%q);
		el.value = '';
		el.dispatchEvent(new Event('input', {bubbles: true}));
	})()`, id))
}

// click clicks the element with the given ID.
func click(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.ID(id))
}

// rate clicks level lv of the row of id.
func rate(id competency.ID, lv int) chromedp.Action[chromedp.Void] {
	return click(fmt.Sprintf("level-%s-%d", id, lv))
}

// unrate clicks "Not rated" in the row of id.
func unrate(id competency.ID) chromedp.Action[chromedp.Void] {
	return click(fmt.Sprintf("level-%s-none", id))
}

// extras opens the date and evidence of the row of id.
func extras(id competency.ID) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(fmt.Sprintf("#item-%s summary", id)))
}

// save presses Save and returns the profile downloaded, checking that
// its file is named after the profile ID and that it is valid for f:
// profile.Load, f.ValidateProfile and the profile schema all accept it.
func (p *formPage) save(f *wlp.Framework) profile.Profile {
	p.t.Helper()
	return p.saveLike(f, nil)
}

// saveLike is save for a profile opened as like, which may rate IDs f
// does not know: f must find the same problems in the saved profile as
// in like.
func (p *formPage) saveLike(f *wlp.Framework, like *profile.Profile) profile.Profile {
	p.t.Helper()
	p.do(click("save"))
	b, name := p.next()
	return checkSaved(p.t, f, b, name, like)
}

// checkSaved loads the profile b downloaded as name and checks it: see
// formPage.saveLike.
func checkSaved(t *testing.T, f *wlp.Framework, b []byte, name string, like *profile.Profile) profile.Profile {
	t.Helper()
	pr, err := profile.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s does not load: %v\n%s", name, err, b)
	}
	if name != pr.ID+".json" {
		t.Errorf("the download is named %q, want %q", name, pr.ID+".json")
	}
	want := ""
	if like != nil {
		if err := f.ValidateProfile(*like); err != nil {
			want = err.Error()
		}
	}
	if err := f.ValidateProfile(pr); fmt.Sprint(err) != fmt.Sprint(cmp.Or(want, "<nil>")) {
		t.Errorf("%s: the framework finds %v, want %s", name, err, cmp.Or(want, "nothing"))
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	probs, err := schema.Validate(schema.Profile, doc)
	if err != nil || len(probs) != 0 {
		t.Errorf("%s: the profile schema refuses it: %v %v", name, err, probs)
	}
	return pr
}

// scored checks that scoring pr against target sees, for every single
// requirement, the level in want (0 for what want leaves out).
func scored(t *testing.T, f *wlp.Framework, pr profile.Profile, target role.ID, want map[competency.ID]competency.Level) {
	t.Helper()
	res, err := match.New(f).Score(pr, target)
	if err != nil {
		t.Fatal(err)
	}
	got, exp := map[competency.ID]competency.Level{}, map[competency.ID]competency.Level{}
	for _, o := range res.Outcomes {
		if len(o.Of) == 1 {
			got[o.Of[0]] = o.Have
			exp[o.Of[0]] = want[o.Of[0]]
		}
	}
	if len(got) == 0 {
		t.Fatalf("%s has no single requirement to compare", target)
	}
	if diff := gocmp.Diff(exp, got); diff != "" {
		t.Errorf("levels scored against %s (-clicked +scored):\n%s", target, diff)
	}
}

// TestFormBrowserSelf fills in a self-assessment opened from disk through
// the page's controls, saves it, and checks the saved profile: valid, and
// the levels, dates and evidence given.
func TestFormBrowserSelf(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(
		typeIn("person-id", "ana.lopez@example.com"),
		typeIn("person-name", `Ana "Ana" <López> & co`),
		rate(competency.BuildingTrust, 4),
		rate(competency.ThinkingStrategically, 2),
		rate(competency.ThinkingStrategically, 3), // a second click changes it
		rate(competency.DrivingResults, 0),
		rate(aoe.Coaching, 5),
		rate(aoe.DesigningLearning, 1),
		unrate(aoe.DesigningLearning), // and back to not rated
		extras(aoe.Coaching),
		typeIn("date-coaching", "2026-02-29"), // not a leap year: fixed below
		typeIn("evidence-coaching", "https://example.com/mentoring\n\n  Coached 4 new facilitators  \n"),
		extras(competency.BuildingTrust),
		typeIn("date-building-trust", "2026-03-31"),
	)
	p.do(click("save"))
	if got := p.text("date-coaching-error"); !strings.Contains(got, "not a day of the calendar") {
		t.Errorf("the date error says %q", got)
	}
	p.do(clear("date-coaching"), typeIn("date-coaching", "2024-02-29"))
	pr := p.save(f)

	want := profile.Profile{ID: "ana.lopez@example.com", Name: `Ana "Ana" <López> & co`, Ratings: map[competency.ID]profile.Rating{
		competency.BuildingTrust:         {Level: 4, Source: profile.Self, AssessedAt: "2026-03-31"},
		competency.ThinkingStrategically: {Level: 3, Source: profile.Self},
		competency.DrivingResults:        {Level: 0, Source: profile.Self},
		aoe.Coaching: {Level: 5, Source: profile.Self, AssessedAt: "2024-02-29",
			Evidence: []string{"https://example.com/mentoring", "Coached 4 new facilitators"}},
	}}
	if diff := gocmp.Diff(want, pr); diff != "" {
		t.Errorf("saved profile (-want +got):\n%s", diff)
	}
	levels := map[competency.ID]competency.Level{}
	for id, r := range want.Ratings {
		levels[id] = r.Level
	}
	scored(t, f, pr, role.BusinessPartner, levels)
	scored(t, f, pr, role.LearningStrategist, levels)
	if got := p.text("status"); !strings.Contains(got, "Saved ana.lopez@example.com.json") {
		t.Errorf("the status says %q", got)
	}
}

// TestFormBrowserRater fills in a review of someone else on the page
// served over HTTP, and checks the saved profile holds that one review
// and scores, once combined, at the levels clicked.
func TestFormBrowserRater(t *testing.T) {
	f := wlp.Default()
	srv := httptest.NewServer(report.FormHandler(f))
	defer srv.Close()
	p := openForm(t, srv.URL+"/self-assessment")
	if eval[bool](p, `document.getElementById('rater-name').checkVisibility()`) {
		t.Errorf("the rater's fields show before choosing to rate someone else")
	}
	// A level clicked before choosing who rates stays.
	p.do(rate(competency.InfluencingStakeholders, 4), click("who-rater"))
	if got := eval[string](p, `document.querySelector('input[name="level-influencing-stakeholders"]:checked').value`); got != "4" {
		t.Errorf("after choosing a rater, the level clicked before is %q, want 4", got)
	}

	// A review must say what kind of rater gives it, and rate something.
	p.do(unrate(competency.InfluencingStakeholders), typeIn("person-id", "E-1042"), click("save"))
	problems := eval[[]string](p, `Array.from(document.querySelectorAll('#problems li')).map((li) => li.textContent)`)
	if diff := gocmp.Diff([]string{
		"Choose what kind of rater you are: the person’s manager, a peer, and so on.",
		"Choose a level for at least one competency or area: a review that rates nothing cannot be saved.",
	}, problems); diff != "" {
		t.Errorf("an empty review's problems (-want +got):\n%s", diff)
	}
	if got := eval[string](p, `document.activeElement.id`); got != "rater-kind" {
		t.Errorf("focus is on %q, want the kind of rater", got)
	}
	p.do(
		rate(competency.InfluencingStakeholders, 4),
		typeIn("person-name", "Sam Ortiz"),
		typeIn("rater-name", "Jordan Blake"),
		chromedp.SetValue(chromedp.ID("rater-kind"), "direct-report"),
		typeIn("review-date", "2026-03-02"),
		typeIn("review-evidence", "Ran the onboarding redesign\nhttps://example.com/report"),
		rate(competency.AnalyzingNeeds, 2),
		rate(aoe.Coaching, 0),
	)
	if eval[bool](p, `document.getElementById('date-coaching').checkVisibility()`) {
		t.Errorf("a rater sees a date for each rating; a review has one date")
	}
	pr := p.save(f)
	want := profile.Profile{ID: "E-1042", Name: "Sam Ortiz", Reviews: []profile.Review{{
		Rater: "Jordan Blake", Source: profile.DirectReport, AssessedAt: "2026-03-02",
		Levels: map[competency.ID]competency.Level{
			competency.InfluencingStakeholders: 4, competency.AnalyzingNeeds: 2, aoe.Coaching: 0,
		},
		Evidence: []string{"Ran the onboarding redesign", "https://example.com/report"},
	}}}
	if diff := gocmp.Diff(want, pr); diff != "" {
		t.Errorf("saved profile (-want +got):\n%s", diff)
	}
	combined, _, err := pr.Combine(profile.Median)
	if err != nil {
		t.Fatal(err)
	}
	scored(t, f, combined, role.LearningStrategist, want.Reviews[0].Levels)

	// A second save changes the same review, not a new one.
	p.do(rate(competency.AnalyzingNeeds, 3))
	pr = p.save(f)
	want.Reviews[0].Levels[competency.AnalyzingNeeds] = 3
	if diff := gocmp.Diff(want, pr); diff != "" {
		t.Errorf("saved again (-want +got):\n%s", diff)
	}
}

// TestFormBrowserProblems checks the messages for what is missing or
// wrong: each shows by its field and in the summary, marks the field
// invalid, the first gets the focus, and nothing is saved until all are
// fixed.
func TestFormBrowserProblems(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))

	// Nothing at all.
	p.do(click("save"))
	if got := p.text("person-id-error"); !strings.Contains(got, "Enter the profile ID") {
		t.Errorf("missing ID: %q", got)
	}
	if got := eval[string](p, `document.activeElement.id`); got != "person-id" {
		t.Errorf("focus is on %q, want the ID", got)
	}

	p.do(
		typeIn("person-id", "ana lopez"),
		rate(aoe.Coaching, 3),
		extras(aoe.Coaching),
		typeIn("date-coaching", "31/03/2026"),
	)
	p.do(extras(aoe.DeliveringTraining), typeIn("evidence-delivering-training", "a workshop"))
	p.do(click("save"))
	type field struct{ ID, Error, Invalid, DescribedBy string }
	got := eval[[]field](p, `['person-id', 'date-coaching', 'level-delivering-training-none'].map((id) => {
		const el = document.getElementById(id);
		const err = document.getElementById(el.getAttribute('aria-describedby').split(' ')[0]);
		return {ID: id, Error: err.textContent, Invalid: el.getAttribute('aria-invalid') || '', DescribedBy: err.id};
	})`)
	want := []field{
		{"person-id", "The ID cannot hold a space. Use only the letters A to Z, digits and the marks . _ @ + -", "true", "person-id-error"},
		{"date-coaching", "Coaching: Write the date as year-month-day with digits, such as 2026-03-31. For 31/03/2026 write 2026-03-31.", "true", "date-coaching-error"},
		{"level-delivering-training-none", "Delivering training: choose a level, or clear the date and evidence. Without a level they are not saved.", "true", "level-delivering-training-error"},
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("fields with problems (-want +got):\n%s", diff)
	}
	summary := eval[[]string](p, `Array.from(document.querySelectorAll('#problems li')).map((li) => li.textContent)`)
	var texts []string
	for _, w := range want {
		texts = append(texts, w.Error)
	}
	if diff := gocmp.Diff(texts, summary); diff != "" {
		t.Errorf("the summary at the top (-want +got):\n%s", diff)
	}
	if got := p.text("problems-title"); got != "Nothing was saved: there are 3 problems" {
		t.Errorf("summary title %q", got)
	}
	if got := p.text("status"); !strings.HasPrefix(got, "Nothing was saved: there are 3 problems. The first: The ID cannot hold a space") {
		t.Errorf("the live region says %q", got)
	}
	if got := eval[string](p, `document.activeElement.id`); got != "person-id" {
		t.Errorf("focus is on %q, want the ID", got)
	}

	// Other IDs that would not be accepted.
	for _, c := range []struct{ id, msg string }{
		{"-ana", "cannot start with “-”"},
		{"ana.", "cannot end with a dot"},
		{"con.ana", "a name Windows keeps for a device"},
		{"müller", "cannot hold “ü”"},
		{strings.Repeat("a", 65), "it can have at most 64"},
	} {
		p.do(clear("person-id"), typeIn("person-id", c.id), click("save"))
		if got := p.text("person-id-error"); !strings.Contains(got, c.msg) {
			t.Errorf("ID %q: the message is %q, want it to say %q", c.id, got, c.msg)
		}
	}

	// Fixing a field clears its message; once all are fixed the page
	// saves, and the first file downloaded is the fixed one: nothing was
	// saved before.
	p.do(clear("person-id"), typeIn("person-id", "ana"), click("save"))
	if got := eval[int](p, `document.querySelectorAll('#problems li').length`); got != 2 {
		t.Errorf("%d problems left, want 2", got)
	}
	p.do(typeIn("date-coaching", "x")) // typing clears the mark
	if got := eval[string](p, `document.getElementById('date-coaching').getAttribute('aria-invalid') || ''`); got != "" {
		t.Errorf("the date is still marked invalid after an edit: %q", got)
	}
	p.do(
		clear("date-coaching"), typeIn("date-coaching", "2026-03-31"),
		clear("evidence-delivering-training"),
	)
	pr := p.save(f)
	want2 := profile.Profile{ID: "ana", Ratings: map[competency.ID]profile.Rating{
		aoe.Coaching: {Level: 3, Source: profile.Self, AssessedAt: "2026-03-31"},
	}}
	if diff := gocmp.Diff(want2, pr); diff != "" {
		t.Errorf("saved (-want +got):\n%s", diff)
	}
	if got := eval[bool](p, `document.getElementById('problems').hidden`); !got {
		t.Errorf("the summary of problems still shows after saving")
	}
}

// notes is a profile with what the page does not show: notes, a
// combined rating, a rating and review levels of IDs the framework does
// not know, evidence with a line break, and several reviews.
const notes = `{
  "id": "lee.w",
  "name": "Lee Wong",
  "ratings": {
    "coaching": {"level": 3, "source": "self", "assessedAt": "2025-11-02", "evidence": ["line one\nline two"], "note": "before the course"},
    "building-trust": {"level": 4, "source": "manager", "note": "from the review", "combined": "median"},
    "other-model-skill": {"level": 2, "source": "peer", "note": "from another framework"}
  },
  "reviews": [
    {"rater": "Kim", "source": "manager", "assessedAt": "2026-01-10", "levels": {"building-trust": 4, "coaching": 3, "other-model-skill": 1}, "evidence": ["a\nb"], "note": "yearly review"},
    {"source": "peer", "levels": {"building-trust": 3}, "note": "anonymous"}
  ]
}
`

// TestFormBrowserOpen opens profiles, changes one level, saves, and
// checks the saved file is the opened one with that one change: what the
// page does not show survives.
func TestFormBrowserOpen(t *testing.T) {
	f := wlp.Default()
	files, err := filepath.Glob(must(filepath.Abs("../examples/data")) + "/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example profiles: %v", err)
	}
	extra := filepath.Join(t.TempDir(), "lee-notes.json")
	if err := os.WriteFile(extra, []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, extra)
	page := browsertest.FileURL(t, writeForm(t, f))
	p := openForm(t, page) // one browser for every file
	outer := t
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			p.t = t
			defer func() { p.t = outer }()
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			orig, err := profile.Load(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			p.do(chromedp.Navigate(page), chromedp.WaitReady(chromedp.ID("save")))
			p.do(chromedp.SetUploadFiles(chromedp.ID("open"), []string{file}))
			p.do(chromedp.Poll[chromedp.Void](`document.getElementById('status').textContent.startsWith('Opened')`))
			if got := eval[string](p, `document.getElementById('person-id').value`); got != orig.ID {
				t.Errorf("the ID field holds %q, want %q", got, orig.ID)
			}

			// Change the first rating the page shows, in model order.
			var id competency.ID
			for _, c := range f.IDs() {
				if _, ok := orig.Ratings[c]; ok {
					id = c
					break
				}
			}
			if id == "" {
				t.Fatalf("%s rates nothing the page shows", file)
			}
			lv := (orig.Ratings[id].Level + 1) % 6
			p.do(rate(id, int(lv)))
			got := p.saveLike(f, &orig)

			want := orig.Clone()
			r := want.Ratings[id]
			r.Level, r.Source, r.Combined = lv, profile.Self, ""
			want.Ratings[id] = r
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("saved after changing %s to %d (-want +got):\n%s", id, lv, diff)
			}
		})
	}
}

// TestFormBrowserOpenReview opens a profile with reviews, changes one
// level of one review as its rater, and adds a review as another rater.
func TestFormBrowserOpenReview(t *testing.T) {
	f := wlp.Default()
	file := filepath.Join(t.TempDir(), "lee-notes.json")
	if err := os.WriteFile(file, []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	orig, err := profile.Load(strings.NewReader(notes))
	if err != nil {
		t.Fatal(err)
	}
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(chromedp.SetUploadFiles(chromedp.ID("open"), []string{file}))
	p.do(chromedp.Poll[chromedp.Void](`document.getElementById('status').textContent.startsWith('Opened')`))
	status := p.text("status")
	for _, s := range []string{"Lee Wong, 3 ratings and 2 reviews", "1 competency or area this page does not list (other-model-skill); it is kept as it is and saved with the rest."} {
		if !strings.Contains(status, s) {
			t.Errorf("the status %q does not say %q", status, s)
		}
	}
	if strings.Contains(status, "looks like") {
		t.Errorf("the status %q takes other-model-skill for a typing mistake", status)
	}
	if got := p.text("origin-building-trust"); !strings.Contains(got, "combined from the reviews (median)") {
		t.Errorf("the origin of a combined rating reads %q", got)
	}

	checked := func(id competency.ID) string {
		return eval[string](p, fmt.Sprintf(`document.querySelector('input[name="level-%s"]:checked').value`, id))
	}
	p.do(rate(competency.BuildingTrust, 2)) // a change to the own ratings, not saved

	// A new review starts empty; the own ratings wait as they were left.
	p.do(click("who-rater"))
	if got := checked(aoe.Coaching) + checked(competency.BuildingTrust); got != "" {
		t.Errorf("a new review starts with levels %q, want none", got)
	}
	p.do(click("who-self"))
	if got := checked(aoe.Coaching) + checked(competency.BuildingTrust); got != "32" {
		t.Errorf("back to the own ratings, coaching and building trust show %q, want 3 and 2", got)
	}
	p.do(unrate(competency.BuildingTrust), rate(competency.BuildingTrust, 4)) // as it was
	p.do(click("who-rater"))
	options := eval[[]string](p, `Array.from(document.getElementById('review-pick').options).map((o) => o.textContent)`)
	if diff := gocmp.Diff([]string{"A new review", "Review 1: Kim (manager, 2026-01-10)", "Review 2: anonymous (peer)"}, options); diff != "" {
		t.Errorf("the reviews to choose from (-want +got):\n%s", diff)
	}
	p.do(chromedp.SetValue(chromedp.ID("review-pick"), "review-0"))
	p.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('review-pick').dispatchEvent(new Event('change', {bubbles: true}))`))
	if got := eval[string](p, `document.getElementById('rater-name').value`); got != "Kim" {
		t.Errorf("the rater shows %q, want Kim", got)
	}
	p.do(rate(aoe.Coaching, 4))
	got := p.saveLike(f, &orig)
	want := orig.Clone()
	want.Reviews[0].Levels[aoe.Coaching] = 4
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("saved after changing Kim's review (-want +got):\n%s", diff)
	}

	// A new review, by a peer, goes after the others.
	p.do(chromedp.SetValue(chromedp.ID("review-pick"), "new"))
	p.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('review-pick').dispatchEvent(new Event('change', {bubbles: true}))`))
	p.do(
		typeIn("rater-name", "Ravi"),
		chromedp.SetValue(chromedp.ID("rater-kind"), "peer"),
		rate(aoe.Coaching, 2),
	)
	got = p.saveLike(f, &orig)
	want.Reviews = append(want.Reviews, profile.Review{Rater: "Ravi", Source: profile.Peer, Levels: map[competency.ID]competency.Level{aoe.Coaching: 2}})
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("saved with a new review (-want +got):\n%s", diff)
	}
}

// TestFormBrowserOpenBad opens files that are not profiles the page can
// edit: each is refused in plain words, profile.Load refuses it too, and
// the page stays as it was.
func TestFormBrowserOpenBad(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(typeIn("person-id", "kept"), rate(aoe.Coaching, 2))
	dir := t.TempDir()
	framework, err := os.ReadFile("../examples/frameworks/learning2.json")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct{ doc, msg string }{
		{"", "It is empty."},
		{" \r\n\t", "It is empty."},
		{"{\"id\": \"a\", \"ratings\": {\"coaching\": {\"level\": 1}}}\n{\"id\": \"b\"}\n",
			"It holds 2 documents, one a line (JSON Lines), not one profile. The page changes one person at a time"},
		{`[{"id": "a"}, {"id": "b"}]`, "It holds a list of 2 items, not one profile."},
		{string(framework), "It is a framework document, which lists competencies and roles, not a profile"},
		{`{"id": "a", "ratings": {"coaching": {"level": 3}}`, "not a JSON document"},
		{"<!DOCTYPE html>\n<html lang=\"en\"><title>x</title></html>", "It looks like a web page (HTML), such as this form itself"},
		{`[{"id": "a"}]`, "holds a list of 1 item, not one profile. The page changes one person at a time"},
		{`{"id": "a", "ratings": {"coaching": {"level": 9}}}`, "the level 9 is not a whole number from 0 to 5"},
		{`{"id": "a", "ratings": {"coaching": {"level": 3, "source": "boss"}}}`, "the source “boss” is not one of"},
		{`{"id": "a", "ratings": {"coaching": {"level": 3, "assessedAt": "2026-13-01"}}}`, "is not a date written as YYYY-MM-DD"},
		{`{"id": "a", "id": "b", "ratings": {"coaching": {"level": 1}}}`, "It gives “id” twice in one object"},
		{`{"id": "a", "ratings": {"coaching": {"level": 1, "note": "x\"y"}, "co\u0061ching": {"level": 2}}}`, "It gives “coaching” twice in one object"},
		{`{"id": "a", "skills": {}}`, "has a field “skills”, which profile documents do not have"},
		{`{"id": "a", "reviews": [{"source": "peer", "levels": {}}]}`, "Review 1 rates nothing"},
		{`{"id": "a", "reviews": [{"rater": "` + strings.Repeat("x", 65) + `", "levels": {"coaching": 1}}]}`, "it can have at most 64"},
		{`{"id": "a", "ratings": {"Coaching": {"level": 1}}}`, "is not an ID of a competency or area"},
		{`{"id": "a", "name": null, "ratings": {"coaching": {"level": 1}}}`, "name is empty (null)"},
		{"\xff\xfe{}", "not text in UTF-8"},
	} {
		name := filepath.Join(dir, fmt.Sprintf("bad%d.json", i))
		if err := os.WriteFile(name, []byte(c.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := profile.Load(strings.NewReader(c.doc)); err == nil {
			t.Errorf("%s: profile.Load accepts it", c.doc)
		}
		p.do(chromedp.SetUploadFiles(chromedp.ID("open"), []string{name}))
		p.do(chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.getElementById('open-msg').textContent.includes('bad%d.json')`, i)))
		if got := p.text("open-msg"); !strings.Contains(got, "could not be opened, and nothing on the page changed") || !strings.Contains(got, c.msg) {
			t.Errorf("%s: the page says %q, want it to say %q", c.doc, got, c.msg)
		}
	}
	// A file the browser cannot read (gone since it was chosen) is not
	// called a file of another encoding.
	p.do(chromedp.SetUploadFiles(chromedp.ID("open"), []string{filepath.Join(dir, "gone.json")}))
	p.do(chromedp.Poll[chromedp.Void](`document.getElementById('open-msg').textContent.includes('gone.json')`))
	if got := p.text("open-msg"); !strings.Contains(got, "The browser could not read it") {
		t.Errorf("a file that cannot be read: the page says %q", got)
	}
	if got := eval[string](p, `document.getElementById('person-id').value + ' ' + document.querySelector('input[name="level-coaching"]:checked').value`); got != "kept 2" {
		t.Errorf("after the refusals the page holds %q, want %q", got, "kept 2")
	}

	// A profile without an ID opens, and the page asks for one.
	name := filepath.Join(dir, "no-id.json")
	if err := os.WriteFile(name, []byte(`{"ratings": {"coaching": {"level": 4, "note": "n"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	p.do(chromedp.SetUploadFiles(chromedp.ID("open"), []string{name}))
	p.do(chromedp.Poll[chromedp.Void](`document.getElementById('status').textContent.startsWith('Opened no-id.json')`))
	if got := p.text("status"); !strings.Contains(got, "What you had typed before opening it is replaced.") {
		t.Errorf("opening over typed values says %q", got)
	}
	p.do(click("save"))
	if got := p.text("person-id-error"); !strings.Contains(got, "Enter the profile ID") {
		t.Errorf("saving without an ID says %q", got)
	}
	p.do(typeIn("person-id", "noid"))
	got := p.save(f)
	want := profile.Profile{ID: "noid", Ratings: map[competency.ID]profile.Rating{aoe.Coaching: {Level: 4, Note: "n"}}}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("saved (-want +got):\n%s", diff)
	}
}

// TestFormBrowserKeyboard fills in the page with the keyboard alone:
// Tab to move, typing, arrow keys and Space to choose a level, Enter to
// save; the focus is always visible.
func TestFormBrowserKeyboard(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	focused := func() string { return eval[string](p, `document.activeElement.id || document.activeElement.className`) }
	tab := chromedp.KeyEvent(kb.Tab)
	p.do(tab)
	if got := focused(); got != "skip" {
		t.Fatalf("the first Tab reaches %q, want the skip link", got)
	}
	if got := eval[string](p, `getComputedStyle(document.activeElement).top`); got == "-64px" {
		t.Errorf("the focused skip link stays off screen")
	}
	p.do(tab, tab, tab) // the file, who, the ID
	if got := focused(); got != "person-id" {
		t.Fatalf("four Tabs reach %q, want the ID", got)
	}
	p.do(chromedp.KeyEvent("kim.lee"), tab, chromedp.KeyEvent("Kim Lee"), tab)
	first := f.IDs()[0]
	if got := focused(); got != fmt.Sprintf("level-%s-none", first) {
		t.Fatalf("Tab after the name reaches %q, want the first row's Not rated", got)
	}
	if got := eval[string](p, `getComputedStyle(document.activeElement.closest('label')).outlineStyle`); got == "none" {
		t.Errorf("the focused choice shows no outline")
	}
	p.do(chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight+kb.ArrowRight+kb.ArrowRight), chromedp.KeyEvent(" "))
	p.do(tab, tab) // the row's date and evidence, then the next row
	second := f.IDs()[1]
	if got := focused(); got != fmt.Sprintf("level-%s-none", second) {
		t.Fatalf("two Tabs reach %q, want the second row's Not rated", got)
	}
	p.do(chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight+kb.ArrowLeft), chromedp.KeyEvent(kb.Enter))
	b, name := p.next()
	pr := checkSaved(t, f, b, name, nil)
	want := profile.Profile{ID: "kim.lee", Name: "Kim Lee", Ratings: map[competency.ID]profile.Rating{
		first:  {Level: 3, Source: profile.Self},
		second: {Level: 0, Source: profile.Self},
	}}
	if diff := gocmp.Diff(want, pr); diff != "" {
		t.Errorf("saved (-want +got):\n%s", diff)
	}

	// The skip link leads to the ratings.
	p.do(chromedp.Focus(chromedp.ID("skip")), chromedp.KeyEvent(kb.Enter), tab)
	if got := focused(); got != fmt.Sprintf("level-%s-3", first) {
		t.Errorf("Tab after the skip link reaches %q, want the first row's checked level", got)
	}
}

// TestFormBrowserRules checks the page's own checks of IDs, dates and
// raters against package profile's, on the page itself.
func TestFormBrowserRules(t *testing.T) {
	p := openForm(t, browsertest.FileURL(t, writeForm(t, wlp.Default())))
	ids := []string{"a", "A", "_", "@x", "+1", "ab", "a-", "-a", ".a", "a.", "a..b", "con", "CON", "con.txt", "cons", "com1", "com10",
		"com1.x", "lpt9", "lpt", "aux", "nul", "prn", "nu", "co", "c", "a b", "ä", "e-1042", "ana@example.com", "a.b.c", "a.-",
		"x." + strings.Repeat("y", 61), strings.Repeat("z", 64), strings.Repeat("z", 65), "a\tb", "a/b", "a\\b", "a:b", "LPT1.", "Com5"}
	type verdict struct {
		ID    string
		Valid bool
	}
	var want, got []verdict
	for _, id := range ids {
		want = append(want, verdict{id, profile.ValidID(id)})
		js, _ := json.Marshal(id)
		got = append(got, verdict{id, eval[string](p, "wlpForm.idProblem("+string(js)+")") == ""})
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("IDs the page accepts (-profile.ValidID +page):\n%s", diff)
	}

	dates := []string{"", "2026-03-31", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "0000-01-01", "2026-00-10", "2026-13-01",
		"2026-04-31", "2026-04-30", "2026-4-3", "26-03-31", "2026/03/31", "2026-03-31 ", "２０２６-03-31", "2026-03-00"}
	want, got = nil, nil
	for _, d := range dates {
		_, err := time.Parse(profile.DateLayout, d)
		want = append(want, verdict{d, d == "" || err == nil})
		js, _ := json.Marshal(d)
		got = append(got, verdict{d, eval[string](p, "wlpForm.dateProblem("+string(js)+")") == ""})
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("dates the page accepts (-time.Parse +page):\n%s", diff)
	}

	raters := []string{"", "Kim", strings.Repeat("é", 64), strings.Repeat("é", 65), strings.Repeat("😀", 64), "a\tb", "a\u0085b", "a\u00a0b"}
	want, got = nil, nil
	for _, r := range raters {
		_, err := profile.Load(strings.NewReader(`{"id": "x", "reviews": [{"rater": ` + string(must(json.Marshal(r))) + `, "levels": {"coaching": 1}}]}`))
		want = append(want, verdict{r, err == nil})
		got = append(got, verdict{r, eval[string](p, "wlpForm.raterProblem("+string(must(json.Marshal(r)))+")") == ""})
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("raters the page accepts (-profile.Load +page):\n%s", diff)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestFormBrowserFramework fills in the page of another framework, the
// Learning 2.0 example, with its fourth cluster: the saved profile is
// valid for that framework and not for the default one.
func TestFormBrowserFramework(t *testing.T) {
	b, err := os.ReadFile("../examples/frameworks/learning2.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := wlp.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var extra competency.Competency
	for _, c := range f.Competencies() {
		if _, ok := wlp.Default().Competency(c.ID); !ok {
			extra = c
			break
		}
	}
	if extra.ID == "" {
		t.Fatal("learning2.json adds no competency")
	}
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	headings := eval[[]string](p, `Array.from(document.querySelectorAll('h3')).map((h) => h.textContent)`)
	cluster, _ := f.Cluster(extra.Cluster)
	if !slices.Contains(headings, cluster.Name) {
		t.Errorf("no heading %q among %q", cluster.Name, headings)
	}
	p.do(typeIn("person-id", "l2"), rate(extra.ID, 2), rate(aoe.Coaching, 4))
	pr := p.save(f)
	want := profile.Profile{ID: "l2", Ratings: map[competency.ID]profile.Rating{
		extra.ID: {Level: 2, Source: profile.Self}, aoe.Coaching: {Level: 4, Source: profile.Self},
	}}
	if diff := gocmp.Diff(want, pr); diff != "" {
		t.Errorf("saved (-want +got):\n%s", diff)
	}
	if err := wlp.Default().ValidateProfile(pr); err == nil {
		t.Errorf("the default framework accepts a rating of %s", extra.ID)
	}
}

// TestFormBrowserPrint checks the page as printed: no buttons nor file
// input, no level descriptions in the rows (the key at the top has
// them), rows kept whole, and a PDF comes out.
func TestFormBrowserPrint(t *testing.T) {
	p := openForm(t, browsertest.FileURL(t, writeForm(t, wlp.Default())))
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	type look struct {
		Save, Open                     bool
		Description, Key, Row, Heading string
	}
	got := eval[look](p, `(() => {
		const d = (sel) => getComputedStyle(document.querySelector(sel)).display;
		const v = (sel) => document.querySelector(sel).checkVisibility();
		return {Save: v('#save'), Open: v('#open'), Description: d('.level-description'), Key: d('.scale dd'),
			Row: getComputedStyle(document.querySelector('fieldset.item')).breakInside,
			Heading: getComputedStyle(document.querySelector('h3')).breakAfter};
	})()`)
	want := look{Save: false, Open: false, Description: "none", Key: "block", Row: "avoid", Heading: "avoid"}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("printed (-want +got):\n%s", diff)
	}
	// On paper a level's number and name stay apart: "0 not demonstrated",
	// not "0not demonstrated".
	gap := eval[float64](p, `(() => {
		const c = document.querySelector('.choice:not(.unrated)');
		return c.querySelector('.level-name').getBoundingClientRect().left - c.querySelector('.level-number').getBoundingClientRect().right;
	})()`)
	if gap < 2 {
		t.Errorf("printed, a level's name starts %.1f px after its number", gap)
	}
	pdf, err := chromedp.Run(p.ctx, chromedp.PrintToPDF())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Errorf("no PDF printed")
	}
}

// TestFormBrowserDates types dates as people write them: the message
// says how to write each one the page can read another way (both ways for
// a day and a month that could be either), and a pasted date with spaces
// around it is saved trimmed.
func TestFormBrowserDates(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(typeIn("person-id", "dates"), rate(aoe.Coaching, 3), extras(aoe.Coaching))
	const base = "Coaching: Write the date as year-month-day with digits, such as 2026-03-31."
	for _, c := range []struct{ typed, want string }{
		{"2026-1-5", base + " For 2026-1-5 write 2026-01-05."},
		{"2026/03/31", base + " For 2026/03/31 write 2026-03-31."},
		{"2026.3.9", base + " For 2026.3.9 write 2026-03-09."},
		{"20260331", base + " For 20260331 write 2026-03-31."},
		{"05/01/2026", base + " Write 2026-01-05 if 05/01/2026 means 5 January, or 2026-05-01 if it means May 1."},
		{"31/03/2026", base + " For 31/03/2026 write 2026-03-31."},
		{"03/31/2026", base + " For 03/31/2026 write 2026-03-31."},
		{"7.7.2026", base + " For 7.7.2026 write 2026-07-07."},
		{"31/02/2026", base + " 31/02/2026 is not a day of the calendar."},
		{"2026-2-30", base + " 2026-2-30 is not a day of the calendar."},
		{"2026-03-31T09:30", base + " Leave out the time: 2026-03-31."},
		{"5 Jan 2026", base},
		{"2026-02-29", "Coaching: 2026-02-29 is not a day of the calendar: that month has days 01 to 28."},
		{"2026-13-01", "Coaching: 2026-13-01 has no month 13: months go from 01 to 12."},
	} {
		p.do(clear("date-coaching"), typeIn("date-coaching", c.typed), click("save"))
		if got := p.text("date-coaching-error"); got != c.want {
			t.Errorf("typed %q: the message is\n%q, want\n%q", c.typed, got, c.want)
		}
	}
	// Pasted, with spaces around it.
	p.do(clear("date-coaching"), chromedp.Focus(chromedp.ID("date-coaching")),
		chromedp.Evaluate[chromedp.Void](`document.execCommand('insertText', false, '  2026-01-05 ')`))
	pr := p.save(f)
	if got := pr.Ratings[aoe.Coaching].AssessedAt; got != "2026-01-05" {
		t.Errorf("the pasted date is saved as %q", got)
	}
}

// TestFormBrowserSwitchKeeps switches who rates with values pending that
// only the other part shows: the dates and evidence of single ratings
// when choosing to rate as someone else, and a rater's name and kind when
// choosing the person themself. Nothing typed is lost: each is kept aside,
// the page says so, and it is there to save on switching back.
func TestFormBrowserSwitchKeeps(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(
		typeIn("person-id", "ana"),
		rate(aoe.Coaching, 3),
		extras(aoe.Coaching),
		typeIn("date-coaching", "2026-01-05"),
		typeIn("evidence-coaching", "Coached two new hires"),
		click("who-rater"),
	)
	if got := p.text("status"); !strings.Contains(got, "The dates and evidence given to single ratings are kept aside") {
		t.Errorf("switching to a rater says %q", got)
	}
	if got := eval[string](p, `document.querySelector('input[name="level-coaching"]:checked').value`); got != "3" {
		t.Errorf("the level clicked before choosing a rater is %q, want 3", got)
	}
	p.do(chromedp.SetValue(chromedp.ID("rater-kind"), "peer"))
	pr := p.save(f)
	review := profile.Review{Source: profile.Peer, Levels: map[competency.ID]competency.Level{aoe.Coaching: 3}}
	if diff := gocmp.Diff(profile.Profile{ID: "ana", Reviews: []profile.Review{review}}, pr); diff != "" {
		t.Errorf("saved as a review (-want +got):\n%s", diff)
	}
	if got := p.text("status"); !strings.Contains(got, "Changes you made to the person’s own ratings are not in this file") {
		t.Errorf("after saving the review the status says %q", got)
	}
	p.do(click("who-self"))
	type row struct{ Level, Date, Evidence string }
	got := eval[row](p, `({Level: document.querySelector('input[name="level-coaching"]:checked').value,
		Date: document.getElementById('date-coaching').value, Evidence: document.getElementById('evidence-coaching').value})`)
	if diff := gocmp.Diff(row{"3", "2026-01-05", "Coached two new hires"}, got); diff != "" {
		t.Errorf("back to the own ratings, coaching shows (-want +got):\n%s", diff)
	}
	pr = p.save(f)
	want := profile.Profile{ID: "ana", Ratings: map[competency.ID]profile.Rating{
		aoe.Coaching: {Level: 3, Source: profile.Self, AssessedAt: "2026-01-05", Evidence: []string{"Coached two new hires"}},
	}, Reviews: []profile.Review{review}}
	if diff := gocmp.Diff(want, pr); diff != "" {
		t.Errorf("saved with the own ratings (-want +got):\n%s", diff)
	}

	// The other way: a rater's fields, then the person themself.
	p.do(chromedp.Navigate(p.page), chromedp.WaitReady(chromedp.ID("save")))
	p.do(
		click("who-rater"),
		typeIn("person-id", "sam"),
		typeIn("rater-name", "Kim"),
		chromedp.SetValue(chromedp.ID("rater-kind"), "manager"),
		rate(competency.BuildingTrust, 4),
		click("who-self"),
	)
	if got := p.text("status"); !strings.Contains(got, "The rater’s name, kind, date and evidence are kept aside") {
		t.Errorf("switching to the person themself says %q", got)
	}
	pr = p.save(f)
	want = profile.Profile{ID: "sam", Ratings: map[competency.ID]profile.Rating{competency.BuildingTrust: {Level: 4, Source: profile.Self}}}
	if diff := gocmp.Diff(want, pr); diff != "" {
		t.Errorf("saved as own ratings (-want +got):\n%s", diff)
	}
	p.do(click("who-rater"))
	pr = p.save(f)
	want.Reviews = []profile.Review{{Rater: "Kim", Source: profile.Manager, Levels: map[competency.ID]competency.Level{competency.BuildingTrust: 4}}}
	if diff := gocmp.Diff(want, pr); diff != "" {
		t.Errorf("saved with the review kept aside (-want +got):\n%s", diff)
	}
}

// TestFormBrowserTooLarge writes evidence too long for a profile: the
// problem shows at the longest evidence, which gets the focus, nothing is
// saved, and once shortened the profile saves.
func TestFormBrowserTooLarge(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(
		typeIn("person-id", "long"),
		rate(aoe.Coaching, 3), rate(competency.BuildingTrust, 2),
		extras(competency.BuildingTrust), typeIn("evidence-building-trust", "short"),
		chromedp.Evaluate[chromedp.Void](`(() => {
			const el = document.getElementById('evidence-coaching');
			el.value = 'x'.repeat(1100000);
			el.dispatchEvent(new Event('input', {bubbles: true}));
		})()`),
		click("save"),
	)
	if got := p.text("evidence-coaching-error"); !strings.Contains(got, "more than the 1024 KB a profile may have. Shorten the evidence.") {
		t.Errorf("the long evidence's message is %q", got)
	}
	if got := eval[string](p, `document.activeElement.id + ' ' + document.getElementById('person-id').getAttribute('aria-invalid')`); got != "evidence-coaching null" {
		t.Errorf("focus and the ID's mark: %q, want the evidence focused and the ID not marked", got)
	}
	p.do(clear("evidence-coaching"), typeIn("evidence-coaching", "a line"))
	pr := p.save(f)
	if got := pr.Ratings[aoe.Coaching].Evidence; !slices.Equal(got, []string{"a line"}) {
		t.Errorf("saved evidence %q", got)
	}
}

// TestFormBrowserPhone checks the page at a phone's width: nothing is
// wider than the screen, and the key of levels stays inside its box.
func TestFormBrowserPhone(t *testing.T) {
	p := openForm(t, browsertest.FileURL(t, writeForm(t, wlp.Default())))
	if _, err := chromedp.Call(p.ctx, emulation.SetDeviceMetricsOverride,
		emulation.SetDeviceMetricsOverrideParams{Width: 375, Height: 800, DeviceScaleFactor: 1, Mobile: true}); err != nil {
		t.Fatal(err)
	}
	over := eval[[]string](p, `(() => {
		const box = document.querySelector('.scale').getBoundingClientRect();
		const out = [];
		if (document.documentElement.scrollWidth > window.innerWidth) out.push('the page scrolls sideways');
		for (const el of document.querySelectorAll('.scale dt, .scale dd, .choice, input, select, textarea')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0) continue;
			if (r.right > window.innerWidth) out.push(el.id || el.textContent.slice(0, 20));
			if (el.closest('.scale') && r.right > box.right) out.push('key: ' + el.textContent.slice(0, 20));
		}
		return out;
	})()`)
	if diff := gocmp.Diff([]string{}, over); diff != "" {
		t.Errorf("wider than a phone's screen or its box (-want +got):\n%s", diff)
	}
}

// axText returns an accessibility value as text.
func axText(v *accessibility.Value) string {
	if v == nil {
		return ""
	}
	var s string
	if err := json.Unmarshal(v.Value, &s); err != nil {
		return string(v.Value)
	}
	return s
}

// TestFormBrowserAccessibility reads the page as a screen reader gets it,
// from the browser's accessibility tree: every row a group named after
// its competency or area, every radio and field named, no two fields of
// the same name (a screen reader's list of fields tells them apart), and
// a problem announced in the description of its field.
func TestFormBrowserAccessibility(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(typeIn("person-id", "a b"), click("save"),
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details').forEach((d) => { d.open = true; })`))
	tree, err := chromedp.Call(p.ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]bool{}
	radios, fields := 0, map[string]int{}
	var unnamed []string
	for _, n := range tree.Nodes {
		if n.Ignored {
			continue
		}
		role, name := axText(n.Role), axText(n.Name)
		switch role {
		case "group":
			groups[name] = true
		case "radio":
			radios++
			if name == "" {
				unnamed = append(unnamed, "a radio")
			}
		case "textbox", "combobox", "button", "DisclosureTriangle":
			fields[name]++
			if name == "" {
				unnamed = append(unnamed, role)
			}
		}
		if role == "textbox" && name == "Profile ID of the person rated" {
			if d := axText(n.Description); !strings.HasPrefix(d, "The ID cannot hold a space.") {
				t.Errorf("the ID's description is %q, want its problem first", d)
			}
		}
	}
	var missing []string
	for _, id := range f.IDs() {
		name := ""
		if c, ok := f.Competency(id); ok {
			name = c.Name
		} else if a, ok := f.Area(id); ok {
			name = a.Name
		}
		if !groups[name] {
			missing = append(missing, name)
		}
	}
	if !groups["Who is rating?"] {
		missing = append(missing, "Who is rating?")
	}
	if len(missing) > 0 {
		t.Errorf("no group named %q", missing)
	}
	if want := len(f.IDs())*(len(competency.DefaultScale().Levels)+1) + 2; radios != want {
		t.Errorf("%d radios, want %d", radios, want)
	}
	if len(unnamed) > 0 {
		t.Errorf("unnamed: %q", unnamed)
	}
	var twice []string
	for name, n := range fields {
		if n > 1 {
			twice = append(twice, fmt.Sprintf("%s (%d)", name, n))
		}
	}
	slices.Sort(twice)
	if len(twice) > 0 {
		t.Errorf("fields of the same name: %q", twice)
	}
	if fields["Date assessed for Coaching"] != 1 || fields["Evidence for Coaching"] != 1 {
		t.Errorf("coaching's date and evidence are not named after it: %q", fields)
	}
}

// TestFormBrowserSummaryKeys follows the links of the summary of problems
// with the Enter key: each focuses its field and stays there; the key
// does not save the form again, which would send the focus back to the
// first problem.
func TestFormBrowserSummaryKeys(t *testing.T) {
	p := openForm(t, browsertest.FileURL(t, writeForm(t, wlp.Default())))
	p.do(typeIn("person-id", "ana"), extras(aoe.Coaching), typeIn("date-coaching", "2026-1-5"), click("save"))
	links := eval[[]string](p, `Array.from(document.querySelectorAll('#problems a')).map((a) => a.getAttribute('href'))`)
	if diff := gocmp.Diff([]string{"#level-coaching-none", "#date-coaching"}, links); diff != "" {
		t.Fatalf("the summary's links (-want +got):\n%s", diff)
	}
	for i, want := range []string{"date-coaching", "level-coaching-none"} {
		p.do(chromedp.Focus(chromedp.CSS(fmt.Sprintf("#problems li:nth-child(%d) a", 2-i))), chromedp.KeyEvent(kb.Enter))
		if got := eval[string](p, `document.activeElement.id`); got != want {
			t.Errorf("Enter on the link to %s focuses %q", want, got)
		}
	}
	if got := eval[string](p, `document.getElementById('date-coaching').value`); got != "2026-1-5" {
		t.Errorf("the date reads %q after following the links", got)
	}
	// A later Enter in the field saves as ever.
	p.do(chromedp.Focus(chromedp.ID("date-coaching")), chromedp.KeyEvent(kb.Enter))
	if got := eval[string](p, `document.activeElement.id`); got != "level-coaching-none" {
		t.Errorf("Enter in the date focuses %q, want the first problem", got)
	}
}

// TestFormBrowserTiny fills in the page of a framework of one cluster,
// no areas and a competency without a summary: its levels lie side by
// side, each wide enough to read, and the saved profile is valid for it.
func TestFormBrowserTiny(t *testing.T) {
	f, err := wlp.New(wlp.Spec{ID: "tiny", Name: "Tiny", Competencies: []competency.Competency{
		{ID: "listening", Name: "Listening", Cluster: competency.Personal},
	}})
	if err != nil {
		t.Fatal(err)
	}
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	type box struct{ Left, Width float64 }
	boxes := eval[[]box](p, `Array.from(document.querySelectorAll('#item-listening .choice')).map((c) => {
		const r = c.getBoundingClientRect();
		return {Left: r.left, Width: r.width};
	})`)
	if len(boxes) != 7 {
		t.Fatalf("%d choices, want 7", len(boxes))
	}
	for i, b := range boxes {
		if b.Width < 100 || (i > 0 && b.Left < boxes[i-1].Left+boxes[i-1].Width) {
			t.Errorf("choice %d lies at %+v, after %+v", i, b, boxes[max(i-1, 0)])
		}
	}
	p.do(typeIn("person-id", "x"), rate("listening", 2))
	pr := p.save(f)
	if diff := gocmp.Diff(profile.Profile{ID: "x", Ratings: map[competency.ID]profile.Rating{"listening": {Level: 2, Source: profile.Self}}}, pr); diff != "" {
		t.Errorf("saved (-want +got):\n%s", diff)
	}
}

// TestFormBrowserReviewNames checks how the list of reviews names each
// review's kind of rater: in a word, without the explanation the list of
// kinds gives in brackets.
func TestFormBrowserReviewNames(t *testing.T) {
	file := filepath.Join(t.TempDir(), "jo.json")
	doc := `{"id": "jo", "reviews": [
		{"rater": "Jo <\"Self\">", "source": "self", "assessedAt": "2026-02-20", "levels": {"coaching": 3}},
		{"source": "assessment", "levels": {"coaching": 4}},
		{"rater": "Kim", "levels": {"coaching": 2}}]}`
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	p := openForm(t, browsertest.FileURL(t, writeForm(t, wlp.Default())))
	p.do(chromedp.SetUploadFiles(chromedp.ID("open"), []string{file}))
	p.do(chromedp.Poll[chromedp.Void](`document.getElementById('status').textContent.startsWith('Opened')`))
	options := eval[[]string](p, `Array.from(document.getElementById('review-pick').options).map((o) => o.textContent)`)
	want := []string{"A new review", `Review 1: Jo <"Self"> (self, 2026-02-20)`, "Review 2: anonymous (assessment)", "Review 3: Kim (kind of rater not stated)"}
	if diff := gocmp.Diff(want, options); diff != "" {
		t.Errorf("the reviews to choose from (-want +got):\n%s", diff)
	}
}

// TestFormBrowserOpenBOM opens a profile that starts with a byte-order
// mark, as some editors on Windows save it: profile.Load refuses it, the
// page opens it, and what the page saves loads.
func TestFormBrowserOpenBOM(t *testing.T) {
	f := wlp.Default()
	doc := "\ufeff" + `{"id": "bom", "ratings": {"coaching": {"level": 2, "note": "kept"}}}`
	if _, err := profile.Load(strings.NewReader(doc)); err == nil {
		t.Fatal("profile.Load accepts a byte-order mark")
	}
	file := filepath.Join(t.TempDir(), "bom.json")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(chromedp.SetUploadFiles(chromedp.ID("open"), []string{file}))
	p.do(chromedp.Poll[chromedp.Void](`document.getElementById('status').textContent.startsWith('Opened')`))
	p.do(rate(competency.BuildingTrust, 3))
	got := p.save(f)
	want := profile.Profile{ID: "bom", Ratings: map[competency.ID]profile.Rating{
		aoe.Coaching: {Level: 2, Note: "kept"}, competency.BuildingTrust: {Level: 3, Source: profile.Self},
	}}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("saved (-want +got):\n%s", diff)
	}
}

// rater is one rater's review as typed on the page.
type rater struct {
	name, source, date, evidence string
	levels                       map[competency.ID]int
}

// fillReview fills in a review of person id (named name, or not) on a
// fresh page as r, saves it and returns the file downloaded and its name.
func (p *formPage) fillReview(f *wlp.Framework, id, name string, r rater) ([]byte, string) {
	p.t.Helper()
	p.do(chromedp.Navigate(p.page), chromedp.WaitReady(chromedp.ID("save")))
	p.do(click("who-rater"), typeIn("person-id", id), chromedp.SetValue(chromedp.ID("rater-kind"), r.source))
	for _, s := range []struct{ field, text string }{{"person-name", name}, {"rater-name", r.name}, {"review-date", r.date}, {"review-evidence", r.evidence}} {
		if s.text != "" {
			p.do(typeIn(s.field, s.text))
		}
	}
	for _, c := range slices.Sorted(maps.Keys(r.levels)) {
		p.do(rate(c, r.levels[c]))
	}
	p.do(click("save"))
	b, file := p.next()
	checkSaved(p.t, f, b, file, nil)
	return b, file
}

// openFiles opens the files at paths at once with Open, on a fresh page,
// and waits for the page to say how it went.
func (p *formPage) openFiles(paths ...string) {
	p.t.Helper()
	p.do(chromedp.Navigate(p.page), chromedp.WaitReady(chromedp.ID("save")))
	p.do(chromedp.SetUploadFiles(chromedp.ID("open"), paths))
	p.do(chromedp.Poll[chromedp.Void](`!document.getElementById('open-msg').hidden`))
}

// writeFile writes b to a file named name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFormBrowserGather is the 360-degree review an L&D lead gathers:
// five raters fill in the page for the same person and save, the lead
// opens the five files at once, saves one profile, and that profile
// loads, is valid, combines and scores at the median of what was typed.
// Then the same file chosen twice, and a self-assessment with the
// reviews.
func TestFormBrowserGather(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	if got := eval[string](p, `(() => {
		const el = document.getElementById('open');
		return el.multiple + ' ' + el.labels[0].textContent;
	})()`); got != "true Open a profile file, or several files of one person (optional)" {
		t.Errorf("the file input: %q", got)
	}

	raters := []rater{
		{"Kim Park", "manager", "2026-03-01", "Led the onboarding redesign",
			map[competency.ID]int{competency.BuildingTrust: 4, aoe.Coaching: 3, competency.AnalyzingNeeds: 2}},
		{"Ravi", "peer", "", "", map[competency.ID]int{competency.BuildingTrust: 3, aoe.Coaching: 3}},
		{"", "peer", "", "", map[competency.ID]int{aoe.Coaching: 2, aoe.DeliveringTraining: 4}},
		{"Lee", "direct-report", "2026-02-14", "", map[competency.ID]int{competency.BuildingTrust: 5, aoe.Coaching: 4}},
		{"Sam", "direct-report", "", "Ran my first workshop with me\nhttps://example.com/notes",
			map[competency.ID]int{competency.BuildingTrust: 4, aoe.Coaching: 4}},
	}
	dir := t.TempDir()
	var files []string
	var typed []profile.Review
	for i, r := range raters {
		name := ""
		if i%2 == 0 {
			name = "Alex Kim" // some raters leave the name out
		}
		b, file := p.fillReview(f, "alex", name, r)
		if i > 0 {
			file = fmt.Sprintf("alex (%d).json", i) // as a browser names the copies it downloads
		}
		files = append(files, writeFile(t, dir, file, b))
		rv := profile.Review{Rater: r.name, Source: profile.Source(r.source), AssessedAt: r.date, Levels: map[competency.ID]competency.Level{}}
		for id, lv := range r.levels {
			rv.Levels[id] = competency.Level(lv)
		}
		for _, e := range strings.Split(r.evidence, "\n") {
			if e != "" {
				rv.Evidence = append(rv.Evidence, e)
			}
		}
		typed = append(typed, rv)
	}

	p.openFiles(files...)
	if got, want := p.text("status"), "Opened 5 files of alex: Alex Kim, 5 reviews (manager, 2 peers, 2 direct reports). "+
		"Showing a new review. Save writes it all as one file, alex.json."; got != want {
		t.Errorf("the status says\n%q, want\n%q", got, want)
	}
	pr := p.save(f)
	if diff := gocmp.Diff(profile.Profile{ID: "alex", Name: "Alex Kim", Reviews: typed}, pr); diff != "" {
		t.Errorf("the gathered profile (-typed +saved):\n%s", diff)
	}
	if got, want := p.text("status"), "Saved alex.json to your downloads: Alex Kim, 5 reviews (manager, 2 peers, 2 direct reports)."; got != want {
		t.Errorf("after saving the status says\n%q, want\n%q", got, want)
	}
	combined, _, err := pr.Combine(profile.Median)
	if err != nil {
		t.Fatal(err)
	}
	// The medians of what was typed, the lower middle one of an even count.
	medians := map[competency.ID]competency.Level{
		competency.BuildingTrust: 4, aoe.Coaching: 3, competency.AnalyzingNeeds: 2, aoe.DeliveringTraining: 4,
	}
	scored(t, f, combined, role.LearningStrategist, medians)
	scored(t, f, combined, role.BusinessPartner, medians)

	// The same file twice, and a file that went from one rater to the
	// next: each review is kept once.
	chain := writeFile(t, dir, "alex-chain.json", must(json.Marshal(profile.Profile{ID: "alex", Reviews: typed[:2]})))
	copied := writeFile(t, dir, "alex-copy.json", must(os.ReadFile(files[0])))
	p.openFiles(files[0], copied, chain, files[2])
	if got, want := p.text("status"), "Opened 4 files of alex: Alex Kim, 3 reviews (manager, 2 peers). Showing a new review. "+
		"Left out 2 reviews that repeat one from an earlier file. Save writes it all as one file, alex.json."; got != want {
		t.Errorf("the status says\n%q, want\n%q", got, want)
	}
	pr = p.save(f)
	if diff := gocmp.Diff(profile.Profile{ID: "alex", Name: "Alex Kim", Reviews: typed[:3]}, pr); diff != "" {
		t.Errorf("gathered with repeats (-want +got):\n%s", diff)
	}

	// The person's own ratings, filled in on the page, with two raters'
	// files: the ratings and the reviews together, the self-assessment's
	// view counted when they combine.
	p.do(chromedp.Navigate(p.page), chromedp.WaitReady(chromedp.ID("save")))
	p.do(typeIn("person-id", "alex"), rate(aoe.Coaching, 5), extras(aoe.Coaching), typeIn("evidence-coaching", "Coached three new facilitators"),
		rate(competency.ThinkingStrategically, 2))
	self := p.save(f)
	selfFile := writeFile(t, dir, "alex-self.json", must(json.Marshal(self)))
	p.openFiles(files[3], selfFile, files[4])
	if got, want := p.text("status"), "Opened 3 files of alex: Alex Kim, 2 ratings and 2 reviews (2 direct reports). Showing the person’s own ratings. "+
		"Save writes it all as one file, alex.json. To add or change a review, choose “Someone else” under who is rating."; got != want {
		t.Errorf("the status says\n%q, want\n%q", got, want)
	}
	pr = p.save(f)
	if diff := gocmp.Diff(profile.Profile{ID: "alex", Name: "Alex Kim", Ratings: self.Ratings, Reviews: typed[3:]}, pr); diff != "" {
		t.Errorf("a self-assessment gathered with reviews (-want +got):\n%s", diff)
	}
	combined, _, err = pr.Combine(profile.Median)
	if err != nil {
		t.Fatal(err)
	}
	// coaching: 4, 4 and the own 5; building trust: 5 and 4.
	scored(t, f, combined, role.LearningStrategist, map[competency.ID]competency.Level{
		aoe.Coaching: 4, competency.BuildingTrust: 4, competency.ThinkingStrategically: 2,
	})
}

// TestFormBrowserGatherProblems opens several files that cannot be
// gathered into one profile: every problem is listed at once, each names
// the files, and the page keeps what it held.
func TestFormBrowserGatherProblems(t *testing.T) {
	f := wlp.Default()
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	type file struct{ name, doc string }
	const (
		peer    = `{"source": "peer", "levels": {"coaching": 3}}`
		manager = `{"rater": "Kim", "source": "manager", "levels": {"coaching": 2}}`
	)
	long := strings.Repeat("x", 400_000)
	big := func(rater string) string {
		return `{"id": "alex", "reviews": [{"rater": "` + rater + `", "levels": {"coaching": 3}, "evidence": ["` + long + `"]}]}`
	}
	for _, c := range []struct {
		name  string
		files []file
		want  []string
	}{{
		name: "different people",
		files: []file{
			{"alex.json", `{"id": "alex", "reviews": [` + peer + `]}`},
			{"bob.json", `{"id": "bob", "reviews": [` + peer + `]}`},
			{"alex (1).json", `{"id": "alex", "reviews": [` + manager + `]}`},
			{"no-id.json", `{"reviews": [` + manager + `]}`},
		},
		want: []string{
			"no-id.json gives no profile ID, so the page cannot tell whether it is of the same person as the other files. " +
				"Open it on its own, enter the ID and save it, then choose it with the others again.",
			"These files are of different people: alex.json and alex (1).json are of “alex” and bob.json is of “bob”. " +
				"Choose the files of one person at a time.",
		},
	}, {
		name: "different names",
		files: []file{
			{"a.json", `{"id": "alex", "name": "Alex Kim", "reviews": [` + peer + `]}`},
			{"b.json", `{"id": "alex", "reviews": [` + manager + `]}`},
			{"c.json", `{"id": "alex", "name": "Alexander Kim", "reviews": [` + manager + `]}`},
			{"d.json", `{"id": "alex", "name": "Alex Kim", "reviews": [` + manager + `]}`},
		},
		want: []string{
			"The files give the person different names: a.json and d.json give “Alex Kim” and c.json gives “Alexander Kim”. " +
				"Correct the name in the files that are wrong (or leave it out of them), then choose the files again.",
		},
	}, {
		name: "direct ratings that differ",
		files: []file{
			{"self.json", `{"id": "alex", "ratings": {"coaching": {"level": 3, "source": "self"}, "building-trust": {"level": 4, "evidence": ["a"]},
				"other-model-skill": {"level": 1}, "analyzing-needs": {"level": 2}}}`},
			{"self-old.json", `{"id": "alex", "ratings": {"coaching": {"level": 2, "source": "self"}, "building-trust": {"level": 4, "evidence": ["b"], "note": "n"},
				"other-model-skill": {"level": 1, "source": "peer"}, "analyzing-needs": {"level": 2}}}`},
			{"rater.json", `{"id": "alex", "reviews": [` + peer + `]}`},
		},
		want: []string{
			"Building trust is rated directly in both self.json and self-old.json, differently: the same level, 4, but they differ in their evidence and note. " +
				"A profile holds one direct rating of each; correct one of the files (or open it on its own and save it again), then choose the files again.",
			"Coaching is rated directly in both self.json and self-old.json, differently: level 3 in one and level 2 in the other. " +
				"A profile holds one direct rating of each; correct one of the files (or open it on its own and save it again), then choose the files again.",
			"“other-model-skill” is rated directly in both self.json and self-old.json, differently: the same level, 1, but they differ in their kind of rater. " +
				"A profile holds one direct rating of each; correct one of the files (or open it on its own and save it again), then choose the files again.",
		},
	}, {
		name: "one bad file among good ones",
		files: []file{
			{"alex.json", `{"id": "alex", "reviews": [` + peer + `]}`},
			{"broken.json", `{"id": "alex", "reviews": [`},
			{"alex (1).json", `{"id": "alex", "reviews": [` + manager + `]}`},
			{"level.json", `{"id": "alex", "reviews": [{"levels": {"coaching": 9}}]}`},
		},
		want: []string{
			"broken.json: It is not a JSON document: the text breaks off, or has a typing mistake such as a missing comma or quote.",
			"level.json: Review 1: the level of “coaching” is not a whole number from 0 to 5.",
		},
	}, {
		name: "too large together",
		files: []file{
			{"a.json", big("a")}, {"b.json", big("b")}, {"c.json", big("c")},
		},
		want: []string{
			"Put together, these files make a profile of 1173 KB, more than the 1024 KB a profile document may have, so it could not be saved nor read back. " +
				"A profile may hold any number of reviews, but not more text than that: shorten long evidence or notes in the files, " +
				"or leave out reviews that are no longer needed.",
		},
	}} {
		t.Run(c.name, func(t *testing.T) {
			outer := p.t
			p.t = t
			defer func() { p.t = outer }()
			dir := t.TempDir()
			var paths []string
			for _, fl := range c.files {
				paths = append(paths, writeFile(t, dir, fl.name, []byte(fl.doc)))
			}
			// What the page held before stays.
			p.do(chromedp.Navigate(p.page), chromedp.WaitReady(chromedp.ID("save")))
			p.do(typeIn("person-id", "kept"), rate(aoe.Coaching, 1))
			p.do(chromedp.SetUploadFiles(chromedp.ID("open"), paths))
			p.do(chromedp.Poll[chromedp.Void](`document.getElementById('open-msg').classList.contains('invalid')`))
			head := fmt.Sprintf("These %d files could not be opened together, and nothing on the page changed:", len(paths))
			if got := p.text("open-msg"); !strings.HasPrefix(got, head) {
				t.Errorf("the page says %q, want it to start %q", got, head)
			}
			got := eval[[]string](p, `Array.from(document.querySelectorAll('#open-msg li')).map((li) => li.textContent)`)
			if diff := gocmp.Diff(c.want, got); diff != "" {
				t.Errorf("the problems listed (-want +got):\n%s", diff)
			}
			if got, want := p.text("status"), head+" "+c.want[0]; got != want {
				t.Errorf("the live region says\n%q, want\n%q", got, want)
			}
			held := eval[string](p, `document.getElementById('person-id').value + ' ' + document.querySelector('input[name="level-coaching"]:checked').value`)
			if held != "kept 1" {
				t.Errorf("after the refusal the page holds %q, want %q", held, "kept 1")
			}
		})
	}
}

// TestFormBrowserOpenTypo opens a profile that rates IDs the framework
// lacks: one a typing mistake away from a listed ID, which the status
// names with the ID it looks like, and one of another framework, which it
// only keeps.
func TestFormBrowserOpenTypo(t *testing.T) {
	f := wlp.Default()
	file := filepath.Join(t.TempDir(), "typo.json")
	doc := `{"id": "ana", "ratings": {"coachng": {"level": 3}, "bulding-trust": {"level": 2}, "wiki-gardening": {"level": 4}, "coaching": {"level": 1}}}`
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(chromedp.SetUploadFiles(chromedp.ID("open"), []string{file}))
	p.do(chromedp.Poll[chromedp.Void](`document.getElementById('status').textContent.startsWith('Opened')`))
	status := p.text("status")
	want := "“bulding-trust” looks like “building-trust”; “coachng” looks like “coaching”: if that is a typing mistake, correct it in the file, as wlp validate refuses IDs its framework does not know."
	if !strings.Contains(status, want) {
		t.Errorf("the status %q does not say %q", status, want)
	}
	if strings.Contains(status, "“wiki-gardening” looks like") {
		t.Errorf("the status %q takes wiki-gardening for a typing mistake", status)
	}
	// Go says the same of the file.
	pr, err := profile.Load(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.ValidateProfile(pr); err == nil || !strings.Contains(err.Error(), `did you mean "coaching"?`) {
		t.Errorf("ValidateProfile = %v, want a did-you-mean for coachng", err)
	}
}
