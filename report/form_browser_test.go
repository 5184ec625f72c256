package report_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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
	p := &formPage{t: t, ctx: ctx, console: browsertest.Watch(ctx), next: browsertest.Downloads(t, ctx)}
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
		{"date-coaching", "Coaching: Write the date as year-month-day with digits, such as 2026-03-31.", "true", "date-coaching-error"},
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
	for _, s := range []string{"Lee Wong, 3 ratings and 2 reviews", "1 competency or area this page does not list (other-model-skill)"} {
		if !strings.Contains(status, s) {
			t.Errorf("the status %q does not say %q", status, s)
		}
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
	for i, c := range []struct{ doc, msg string }{
		{`{"id": "a", "ratings": {"coaching": {"level": 3}}`, "not a JSON document"},
		{`[{"id": "a"}]`, "holds a list, not one profile"},
		{`{"id": "a", "ratings": {"coaching": {"level": 9}}}`, "the level 9 is not a whole number from 0 to 5"},
		{`{"id": "a", "ratings": {"coaching": {"level": 3, "source": "boss"}}}`, "the source “boss” is not one of"},
		{`{"id": "a", "ratings": {"coaching": {"level": 3, "assessedAt": "2026-13-01"}}}`, "is not a date written as YYYY-MM-DD"},
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
	pdf, err := chromedp.Run(p.ctx, chromedp.PrintToPDF())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Errorf("no PDF printed")
	}
}
