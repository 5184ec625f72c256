// Package rjsf checks that wlp's form schemas work in react-jsonschema-form
// (RJSF) 6 as a site would use them: the Form of @rjsf/core with its
// default props and no uiSchema, driven in headless Chromium through its
// controls, with RJSF's stock validator (@rjsf/validator-ajv8, Ajv's
// draft-07 class) and with its Ajv 2020 validator.
//
// The page is entry.jsx, bundled with its pinned npm packages into
// bundle.js (neither bundle.js nor node_modules is committed). To run it:
//
//	cd .ci/rjsf && npm ci && npm run bundle && cd ../.. && go test ./.ci/rjsf
//
// .ci/run does the same when Node.js is installed. The directory starts
// with a dot, so `go test ./...` leaves it out.
package rjsf

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/browsertest"
	"github.com/wlpmodel/wlp/profile"
)

// The validators entry.jsx knows, by the names its page takes.
const (
	stock   = "stock"   // @rjsf/validator-ajv8's default export
	ajv2020 = "ajv2020" // customizeValidator({AjvClass: Ajv2020})
)

// bundlePath returns the absolute path of the bundled page script, and
// fails t when it has not been built.
func bundlePath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("bundle.js")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("rjsf: %v: build the page first (cd .ci/rjsf && npm ci && npm run bundle)", err)
	}
	return p
}

// open starts a browser for t, opens the form page on schema with the
// named validator, waits until the form is drawn, and returns the tab and
// what it writes to its console.
func open(t *testing.T, schema []byte, validator string) (tab *form, console *browsertest.Console) {
	t.Helper()
	settings, err := json.Marshal(map[string]any{"schema": json.RawMessage(schema), "validator": validator})
	if err != nil {
		t.Fatal(err)
	}
	// The settings sit in a script element. json.Marshal writes < as
	// \u003c, so no "</script>" in a title can end it.
	html := fmt.Sprintf(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>wlp form schema in RJSF</title></head>
<body><div id="root"></div>
<script>window.wlpRJSF = %s;</script>
<script src="%s"></script>
</body></html>
`, settings, browsertest.FileURL(t, bundlePath(t)))
	page := filepath.Join(t.TempDir(), "index.html")
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.Start(t)
	console = browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(browsertest.FileURL(t, page))); err != nil {
		t.Fatalf("rjsf: opening the page: %v", err)
	}
	f := &form{t: t, ctx: ctx}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.wlpRJSFState && (wlpRJSFState.ready || wlpRJSFState.failure !== "")`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("rjsf: the form was not drawn: %v; console: %q", err, console.Messages())
	}
	if msg := f.eval(`wlpRJSFState.failure`); msg != `""` {
		t.Fatalf("rjsf: the page failed: %s", msg)
	}
	return f, console
}

// form is the tab of one test's form page.
type form struct {
	t   *testing.T
	ctx context.Context
}

// eval evaluates a JavaScript expression in the page and returns its
// value as JSON.
func (f *form) eval(js string) string {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(`+js+`)`))
	if err != nil {
		f.t.Fatalf("rjsf: evaluating %s: %v", js, err)
	}
	return out
}

// evalInto evaluates a JavaScript expression and decodes its value.
func (f *form) evalInto(js string, v any) {
	f.t.Helper()
	if err := json.Unmarshal([]byte(f.eval(js)), v); err != nil {
		f.t.Fatalf("rjsf: decoding the value of %s: %v", js, err)
	}
}

// stepTimeout bounds each step of a test, so that a control that is not
// there fails the test at once rather than at browsertest's Timeout.
const stepTimeout = 10 * time.Second

// do runs browser actions, failing the test on the first error.
func (f *form) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		f.t.Fatalf("rjsf: %s: %v", what, err)
	}
}

// submission is what one submit of the form gave: the data RJSF passed
// to onSubmit, or the errors it passed to onError.
type submission struct {
	FormData json.RawMessage `json:"formData"`
	Errors   []struct {
		Property string `json:"property"`
		Message  string `json:"message"`
	} `json:"errors"`
}

// submit clicks the form's submit button and returns what RJSF reported,
// or ok false when the browser's own checks kept the form from being
// submitted.
func (f *form) submit() (s submission, ok bool) {
	f.t.Helper()
	var before int
	f.evalInto(`wlpRJSFState.submits.length`, &before)
	f.do("submitting", chromedp.Click(chromedp.CSS(`button[type=submit]`)))
	_, err := chromedp.Run(f.ctx, chromedp.Poll[bool](fmt.Sprintf(`wlpRJSFState.submits.length > %d`, before),
		chromedp.WithPollingTimeout(time.Second)))
	if err != nil {
		return submission{}, false
	}
	f.evalInto(fmt.Sprintf(`wlpRJSFState.submits[%d]`, before), &s)
	return s, true
}

// item is one entry of the ratings part of a form as drawn: a heading or
// a rating field, by its key in "ratings" and its title.
type item struct {
	Heading bool
	Key     string
	Title   string
}

// wantItems lists what the form of f must show under "ratings", in order:
// a heading for each cluster that has competencies, then those
// competencies in model order; then, if there are areas, a heading and
// the areas.
func wantItems(f *wlp.Framework) []item {
	var out []item
	for _, c := range f.Clusters() {
		first := true
		for _, comp := range f.Competencies() {
			if comp.Cluster != c.ID {
				continue
			}
			if first {
				out = append(out, item{true, "cluster:" + string(c.ID), "Foundational competencies: " + c.Name})
				first = false
			}
			out = append(out, item{false, string(comp.ID), comp.Name})
		}
	}
	if len(f.Areas()) > 0 {
		out = append(out, item{true, "tier:areas-of-expertise", "Areas of expertise"})
		for _, a := range f.Areas() {
			out = append(out, item{false, string(a.ID), a.Name})
		}
	}
	return out
}

// drawnItems reads the headings and rating fields under "ratings" from the
// page, in document order: a heading is a fieldset's legend, a rating a
// label. Keys hold no underscore, which RJSF puts between the parts of a
// nested field's element ID, so nested fields are left out.
const drawnItems = `[...document.querySelectorAll('#root_ratings legend[id^="root_ratings_"], #root_ratings label[for^="root_ratings_"]')]
	.map(e => {
		const heading = e.tagName === "LEGEND";
		const key = (heading ? e.id.replace(/__title$/, "") : e.htmlFor).slice("root_ratings_".length);
		return {Heading: heading, Key: key, Title: e.textContent};
	})
	.filter(i => i.Key !== "" && !i.Key.includes("_"))`

// optionTexts returns the texts of a select element's options.
func optionTexts(id string) string {
	return fmt.Sprintf(`[...document.getElementById(%q).options].map(o => o.textContent)`, id)
}

// levelChoices are the choices every rating field must offer, in order.
func levelChoices() []string {
	out := []string{"Not rated"}
	for _, l := range competency.DefaultScale().Levels {
		out = append(out, fmt.Sprintf("%d - %s", l.Level, l.Name))
	}
	return out
}

// typeDate returns the keys that type 2026-03-31 into a date field, in the
// order the browser's locale shows day, month and year.
func (f *form) typeDate() string {
	f.t.Helper()
	var order []string
	f.evalInto(`new Intl.DateTimeFormat().formatToParts(new Date(2026, 2, 31)).map(p => p.type).filter(t => t === "year" || t === "month" || t === "day")`, &order)
	parts := map[string]string{"year": "2026", "month": "03", "day": "31"}
	var keys string
	for _, p := range order {
		keys += parts[p]
	}
	if len(keys) != 8 {
		f.t.Fatalf("rjsf: the locale's date parts are %v", order)
	}
	return keys
}

func TestFormSchema(t *testing.T) {
	learning2, err := os.ReadFile(filepath.Join("..", "..", "examples", "frameworks", "learning2.json"))
	if err != nil {
		t.Fatal(err)
	}
	l2, err := wlp.Load(strings.NewReader(string(learning2)))
	if err != nil {
		t.Fatalf("learning2.json: %v", err)
	}
	frameworks := []struct {
		name string
		f    *wlp.Framework
		rate string // the ID rated and kept
		drop string // the ID rated, then cleared
	}{
		{"default", wlp.Default(), string(aoe.Coaching), string(competency.BuildingTrust)},
		{"learning2", l2, "open-sharing", "coaching"},
	}
	for _, fw := range frameworks {
		schema, err := fw.f.ProfileSchema()
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []string{stock, ajv2020} {
			t.Run(fw.name+"/"+v, func(t *testing.T) {
				t.Parallel()
				fillForm(t, fw.f, schema, v, fw.rate, fw.drop)
			})
		}
	}
}

// fillForm fills the form of f in the way a person would and checks each
// step: the fields drawn, a submit of the untouched ratings, a level
// chosen, a date typed, a source picked, a level cleared, and the saved
// document.
func fillForm(t *testing.T, f *wlp.Framework, schema []byte, validator, rate, drop string) {
	form, console := open(t, schema, validator)

	// Every field and heading, titled, in order.
	var items []item
	form.evalInto(drawnItems, &items)
	if diff := cmp.Diff(wantItems(f), items); diff != "" {
		t.Errorf("headings and rating fields (-want +got):\n%s", diff)
	}
	// Every rating a choice of "Not rated" and the levels, at "Not rated".
	type choice struct {
		Options []string
		Chosen  string
	}
	var choices map[string]choice
	form.evalInto(`Object.fromEntries([...document.querySelectorAll('select[id$="__oneof_select"]')].map(e =>
		[e.id, {Options: [...e.options].map(o => o.textContent), Chosen: e.options[e.selectedIndex].textContent}]))`, &choices)
	wantChoices := map[string]choice{}
	for _, id := range f.IDs() {
		wantChoices["root_ratings_"+string(id)+"__oneof_select"] = choice{levelChoices(), "Not rated"}
	}
	if diff := cmp.Diff(wantChoices, choices); diff != "" {
		t.Errorf("level choices (-want +got):\n%s", diff)
	}
	if p := console.Problems(); len(p) != 0 {
		t.Errorf("console problems once drawn: %q", p)
	}
	var top []string
	form.evalInto(`[...document.querySelectorAll('label[for="root_id"], label[for="root_name"]')].map(e => e.textContent)`, &top)
	if diff := cmp.Diff([]string{"Your ID*", "Your name"}, top); diff != "" {
		t.Errorf("the ID and name fields (-want +got):\n%s", diff)
	}

	// Untouched, only the required ID keeps the form from being sent, and
	// by the browser's own check.
	if s, ok := form.submit(); ok {
		t.Errorf("the untouched form was submitted without an ID: %+v", s)
	}
	var invalid []string
	form.evalInto(`[...document.querySelector("form").elements].filter(e => !e.checkValidity()).map(e => e.id)`, &invalid)
	if diff := cmp.Diff([]string{"root_id"}, invalid); diff != "" {
		t.Errorf("invalid controls of the untouched form (-want +got):\n%s", diff)
	}
	form.do("typing the ID", chromedp.SendKeys(chromedp.ID("root_id"), "alex.kim"))
	s, ok := form.submit()
	if !ok || s.Errors != nil {
		t.Fatalf("submitting the untouched ratings: submitted %v, %+v", ok, s)
	}
	if got := loadProfile(t, f, s.FormData); got.ID != "alex.kim" || len(got.Ratings) != 0 {
		t.Errorf("the untouched form saved %s, want the ID and no ratings", s.FormData)
	}

	// A level chosen by typing its first character into the select, as
	// from the keyboard.
	prefix := "root_ratings_" + rate
	form.do("choosing a level", chromedp.SendKeys(chromedp.ID(prefix+"__oneof_select"), "3"))
	form.do("waiting for the rating's details", chromedp.WaitVisible(chromedp.ID(prefix+"_source")))
	// The chosen entry's fieldset (RJSF gives it the rating's own element
	// ID) shows the level's title and what it means.
	var legend []string
	form.evalInto(fmt.Sprintf(`[...document.querySelectorAll('fieldset[id=%q] > legend, fieldset[id=%q] > .field-description')].map(e => e.textContent)`, prefix, prefix), &legend)
	competent := competency.DefaultScale().Levels[3]
	if diff := cmp.Diff([]string{"3 - competent", competent.Description}, legend); diff != "" {
		t.Errorf("the chosen level's title and description (-want +got):\n%s", diff)
	}

	// Sources by their titles: one blank entry for "not stated", no raw
	// values.
	var sources []string
	form.evalInto(optionTexts(prefix+"_source"), &sources)
	if diff := cmp.Diff([]string{"", "Self", "Manager", "Peer", "Direct report", "Assessment"}, sources); diff != "" {
		t.Errorf("source choices (-want +got):\n%s", diff)
	}
	form.do("picking a source", chromedp.SendKeys(chromedp.ID(prefix+"_source"), "Direct"))

	// The date, typed key by key into a plain date field that keeps the
	// focus and the value.
	date := prefix + "_assessedAt"
	var typ string
	form.evalInto(fmt.Sprintf(`document.getElementById(%q).type`, date), &typ)
	if typ != "date" {
		t.Errorf("the date field is an input of type %q, want date", typ)
	}
	form.do("typing the date", chromedp.SendKeys(chromedp.ID(date), form.typeDate()))
	var after struct{ Focus, Value string }
	form.evalInto(fmt.Sprintf(`({Focus: document.activeElement.id, Value: document.getElementById(%q).value})`, date), &after)
	if diff := cmp.Diff(struct{ Focus, Value string }{date, "2026-03-31"}, after); diff != "" {
		t.Errorf("after typing the date (-want +got):\n%s", diff)
	}

	// Another level chosen, then cleared by going back to the first
	// choice, "Not rated", with the Home key.
	other := "root_ratings_" + drop + "__oneof_select"
	form.do("choosing another level", chromedp.SendKeys(chromedp.ID(other), "1"))
	form.do("waiting for its details", chromedp.WaitVisible(chromedp.ID("root_ratings_"+drop+"_source")))
	form.do("clearing it", chromedp.SendKeys(chromedp.ID(other), kb.Home))
	form.do("waiting for its details to go", chromedp.WaitNotPresent(chromedp.ID("root_ratings_"+drop+"_source")))

	s, ok = form.submit()
	if !ok || s.Errors != nil {
		t.Fatalf("submitting one rating: submitted %v, %+v", ok, s)
	}
	got := loadProfile(t, f, s.FormData)
	want := map[competency.ID]profile.Rating{
		competency.ID(rate): {Level: competency.Competent, Source: profile.DirectReport, AssessedAt: "2026-03-31"},
	}
	if diff := cmp.Diff(want, got.Ratings); diff != "" {
		t.Errorf("saved ratings (-want +got):\n%s\nform data: %s", diff, s.FormData)
	}

	if p := console.Problems(); len(p) != 0 {
		t.Errorf("console problems: %q", p)
	}
}

// loadProfile loads a form's data as a profile, as wlp would read the
// saved file, and checks it against f.
func loadProfile(t *testing.T, f *wlp.Framework, data json.RawMessage) profile.Profile {
	t.Helper()
	p, err := profile.Load(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("profile.Load rejects the form's data %s: %v", data, err)
	}
	if err := f.ValidateProfile(p); err != nil {
		t.Fatalf("ValidateProfile rejects the form's data %s: %v", data, err)
	}
	return p
}

// TestPlainProfileSchema renders the generic profile schema, which names
// draft 2020-12 in $schema. With the Ajv 2020 validator it works; the
// stock validator, Ajv's draft-07 class, cannot compile it and says so on
// submit, which this test records so that a change in RJSF shows.
func TestPlainProfileSchema(t *testing.T) {
	schema, err := os.ReadFile(filepath.Join("..", "..", "schema", "profile.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run(ajv2020, func(t *testing.T) {
		t.Parallel()
		form, console := open(t, schema, ajv2020)
		var labels []string
		form.evalInto(`[...document.querySelectorAll("#root label, #root legend")].map(e => e.textContent)`, &labels)
		if diff := cmp.Diff([]string{"wlp profile", "id*", "name", "ratings", "reviews"}, labels); diff != "" {
			t.Errorf("fields (-want +got):\n%s", diff)
		}
		form.do("typing the ID", chromedp.SendKeys(chromedp.ID("root_id"), "sam"))
		s, ok := form.submit()
		if !ok || s.Errors != nil {
			t.Fatalf("submitting: submitted %v, %+v", ok, s)
		}
		if p := loadProfile(t, wlp.Default(), s.FormData); p.ID != "sam" {
			t.Errorf("saved %s", s.FormData)
		}
		if p := console.Problems(); len(p) != 0 {
			t.Errorf("console problems: %q", p)
		}
	})
	t.Run(stock, func(t *testing.T) {
		t.Parallel()
		form, console := open(t, schema, stock)
		form.do("typing the ID", chromedp.SendKeys(chromedp.ID("root_id"), "sam"))
		s, ok := form.submit()
		if !ok || s.FormData != nil || len(s.Errors) != 1 {
			t.Fatalf("submitting: submitted %v, %+v; want one error", ok, s)
		}
		var shown string
		form.evalInto(`document.querySelector(".errors") ? document.querySelector(".errors").textContent : ""`, &shown)
		if !strings.Contains(shown, `no schema with key or ref "https://json-schema.org/draft/2020-12/schema"`) {
			t.Errorf("the error shown is %q, want Ajv's complaint about draft 2020-12", shown)
		}
		// It says so to the user alone: the console stays quiet.
		if p := console.Problems(); len(p) != 0 {
			t.Errorf("console problems: %q", p)
		}
	})
}
