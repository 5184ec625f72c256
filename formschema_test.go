package wlp_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

// fsSchema is a framework's form schema compiled twice with
// santhosh-tekuri/jsonschema (formats asserted), once read as draft
// 2020-12 and once as draft 07: the schema names no $schema, so each
// validator reads it as its own draft, and both must agree.
type fsSchema struct {
	d2020, d7 *jsonschema.Schema
}

// fsCompile compiles a framework's form schema as both drafts, as a form
// builder's server side would. Compiling also checks the schema against
// each draft's metaschema.
func fsCompile(t testing.TB, f *wlp.Framework) (fsSchema, []byte) {
	t.Helper()
	b, err := f.ProfileSchema()
	if err != nil {
		t.Fatalf("ProfileSchema: %v", err)
	}
	compile := func(draft *jsonschema.Draft) *jsonschema.Schema {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("the form schema is not JSON: %v\n%s", err, b)
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(draft)
		c.AssertFormat()
		url := wlp.ProfileSchemaURL(f.ID())
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile(url)
		if err != nil {
			t.Fatalf("the form schema does not compile as %v: %v", draft, err)
		}
		return s
	}
	return fsSchema{compile(jsonschema.Draft2020), compile(jsonschema.Draft7)}, b
}

// fsLeaves returns the JSON pointers of the places a validation error
// names: for an unknown property, the property itself. A oneOf that no
// entry satisfies names the place of the oneOf, not of its entries'
// faults, as a form builder shows it.
func fsLeaves(err error) []string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []string{"not a validation error: " + fmt.Sprint(err)}
	}
	var out []string
	var rec func(e *jsonschema.ValidationError)
	rec = func(e *jsonschema.ValidationError) {
		at := ""
		for _, tok := range e.InstanceLocation {
			at += "/" + strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
		}
		if ap, ok := e.ErrorKind.(*kind.AdditionalProperties); ok {
			for _, p := range ap.Properties {
				out = append(out, at+"/"+p)
			}
			return
		}
		if _, ok := e.ErrorKind.(*kind.OneOf); ok || len(e.Causes) == 0 {
			out = append(out, at)
			return
		}
		for _, c := range e.Causes {
			rec(c)
		}
	}
	rec(ve)
	slices.Sort(out)
	return slices.Compact(out)
}

// fsValidate validates a JSON document with a compiled form schema and
// returns the places of its problems, or nil if it is valid. The two
// drafts must find the same.
func fsValidate(t testing.TB, s fsSchema, doc string) []string {
	t.Helper()
	var got [2][]string
	for i, c := range []*jsonschema.Schema{s.d2020, s.d7} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatalf("not JSON: %v\n%s", err, doc)
		}
		if err := c.Validate(v); err != nil {
			got[i] = fsLeaves(err)
		}
	}
	if diff := cmp.Diff(got[0], got[1]); diff != "" {
		t.Errorf("drafts 2020-12 and 07 disagree on %s (-2020 +07):\n%s", doc, diff)
	}
	return got[0]
}

func TestProfileSchemaValidates(t *testing.T) {
	s, _ := fsCompile(t, wlp.Default())
	for _, tt := range []struct {
		name string
		doc  string
		want []string // the places of the problems; nil for a valid profile
	}{
		{"minimal", `{"id": "alex"}`, nil},
		{"employee number and e-mail IDs", `{"id": "jo.smith@example.com"}`, nil},
		{"path as ID", `{"id": "../../etc/passwd"}`, []string{"/id"}},
		{"ID with a control character", `{"id": "E1001\u001b"}`, []string{"/id"}},
		{"ID over 64 bytes", `{"id": "` + strings.Repeat("e", 65) + `"}`, []string{"/id"}},
		{"empty ratings", `{"id": "alex", "ratings": {}}`, nil},
		{"full", `{"id": "alex", "name": "Alex Kim", "ratings": {
			"thinking-strategically": {"level": 4, "source": "manager"},
			"coaching": {"level": 2, "source": "self", "assessedAt": "2026-03-31", "evidence": ["x"], "note": "n"},
			"building-trust": {"level": 0, "source": "direct-report"},
			"designing-learning": {"level": 5, "source": "assessment", "evidence": []}}}`, nil},
		{"level 5.0", `{"id": "alex", "ratings": {"coaching": {"level": 5.0}}}`, nil},
		{"unknown ID", `{"id": "alex", "ratings": {"juggling": {"level": 3}}}`, []string{"/ratings/juggling"}},
		{"unknown and known", `{"id": "alex", "ratings": {"coaching": {"level": 3}, "juggling": {"level": 3}}}`, []string{"/ratings/juggling"}},
		{"malformed ID", `{"id": "alex", "ratings": {"Coaching": {"level": 3}}}`, []string{"/ratings/Coaching"}},
		{"level 6", `{"id": "alex", "ratings": {"coaching": {"level": 6}}}`, []string{"/ratings/coaching"}},
		{"level -1", `{"id": "alex", "ratings": {"coaching": {"level": -1}}}`, []string{"/ratings/coaching"}},
		{"level 2.5", `{"id": "alex", "ratings": {"coaching": {"level": 2.5}}}`, []string{"/ratings/coaching"}},
		{"level string", `{"id": "alex", "ratings": {"coaching": {"level": "3"}}}`, []string{"/ratings/coaching"}},
		{"no level", `{"id": "alex", "ratings": {"coaching": {"source": "self"}}}`, []string{"/ratings/coaching"}},
		{"empty rating", `{"id": "alex", "ratings": {"coaching": {}}}`, []string{"/ratings/coaching"}},
		{"null rating", `{"id": "alex", "ratings": {"coaching": null}}`, []string{"/ratings/coaching"}},
		{"bad source", `{"id": "alex", "ratings": {"coaching": {"level": 1, "source": "boss"}}}`, []string{"/ratings/coaching"}},
		{"bad date", `{"id": "alex", "ratings": {"coaching": {"level": 1, "assessedAt": "2026-02-30"}}}`, []string{"/ratings/coaching"}},
		{"unknown rating field", `{"id": "alex", "ratings": {"coaching": {"level": 1, "score": 1}}}`, []string{"/ratings/coaching"}},
		// The form leaves out what is not given, so it has no use for the
		// empty source and date a generic profile allows.
		{"empty source", `{"id": "alex", "ratings": {"coaching": {"level": 1, "source": ""}}}`, []string{"/ratings/coaching"}},
		{"empty date", `{"id": "alex", "ratings": {"coaching": {"level": 1, "assessedAt": ""}}}`, []string{"/ratings/coaching"}},
		// A heading is no place for a value of any kind.
		{"rated heading", `{"id": "alex", "ratings": {"cluster:interpersonal": {"level": 1}}}`, []string{"/ratings/cluster:interpersonal"}},
		{"empty heading", `{"id": "alex", "ratings": {"tier:areas-of-expertise": {}}}`, []string{"/ratings/tier:areas-of-expertise"}},
		{"unknown top field", `{"id": "alex", "email": "a@b"}`, []string{"/email"}},
		{"no ID", `{"name": "Alex"}`, []string{""}},
		{"empty ID", `{"id": ""}`, []string{"/id"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, fsValidate(t, s, tt.doc)); diff != "" {
				t.Errorf("problem places (-want +got):\n%s", diff)
			}
		})
	}
}

// fsObject is a JSON object whose keys keep their document order, as a
// form builder shows fields in the order of "properties".
type fsObject struct {
	keys []string
	vals map[string]json.RawMessage
}

func (o *fsObject) UnmarshalJSON(b []byte) error {
	d := json.NewDecoder(bytes.NewReader(b))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("not an object: %s", b)
	}
	o.vals = map[string]json.RawMessage{}
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		key := tok.(string)
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return err
		}
		if _, dup := o.vals[key]; dup {
			return fmt.Errorf("duplicate key %q", key)
		}
		o.keys = append(o.keys, key)
		o.vals[key] = v
	}
	_, err := d.Token()
	return err
}

// fsGet follows keys from an object down to a value.
func fsGet(t testing.TB, b []byte, keys ...string) json.RawMessage {
	t.Helper()
	cur := json.RawMessage(b)
	for i, k := range keys {
		var o fsObject
		if err := json.Unmarshal(cur, &o); err != nil {
			t.Fatalf("at %v: %v", keys[:i], err)
		}
		v, ok := o.vals[k]
		if !ok {
			t.Fatalf("the form schema has no %v", keys[:i+1])
		}
		cur = v
	}
	return cur
}

// fsKeys returns the keys of a JSON object in document order.
func fsKeys(t testing.TB, b json.RawMessage) []string {
	t.Helper()
	var o fsObject
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	return o.keys
}

// fsField is what a form builder needs of one rating field.
type fsField struct {
	ID          string
	Title       string
	Description string
}

// fsItem is one entry of "ratings" as a form builder draws it: a heading
// or a rating field.
type fsItem struct {
	Heading bool
	Key     string
	Title   string
}

// fsChoice is one labelled choice of a rating: "Not rated" (Level -1) or
// a level.
type fsChoice struct {
	Level       int
	Title       string
	Description string
}

// fsSource is one titled choice of who gave a rating.
type fsSource struct {
	Value string
	Title string
}

// fsForm is a form schema as a form builder renders it.
type fsForm struct {
	Items   []fsItem  // headings and rating fields, in order
	Fields  []fsField // the rating fields alone
	Choices []fsChoice
	Sources []fsSource
	Date    map[string]any // the schema of the date field
}

// fsRender walks a form schema the way react-jsonschema-form does. The
// properties of "ratings" in order are headings (an object no value
// satisfies) or rating fields, each titled, that refer to the shared
// rating schema. That is a oneOf whose first entry, "Not rated", draws no
// field and takes no value, and whose other entries are the levels: each
// an object, closed, that requires its level, a one-value enum with that
// value as its default, and has the same details (who gives the rating,
// the date, evidence, a note).
func fsRender(t testing.TB, b []byte) fsForm {
	t.Helper()
	var ratings fsObject
	if err := json.Unmarshal(fsGet(t, b, "properties", "ratings", "properties"), &ratings); err != nil {
		t.Fatal(err)
	}
	var form fsForm
	for _, key := range ratings.keys {
		var p struct {
			Title       string         `json:"title"`
			Description string         `json:"description"`
			Comment     string         `json:"$comment"`
			Type        string         `json:"type"`
			Not         map[string]any `json:"not"`
			Ref         string         `json:"$ref"`
		}
		if err := json.Unmarshal(ratings.vals[key], &p); err != nil {
			t.Fatalf("ratings property %s: %v", key, err)
		}
		if p.Title == "" {
			t.Errorf("ratings property %s has no title", key)
		}
		keys := fsKeys(t, ratings.vals[key])
		if strings.Contains(key, ":") {
			want := []string{"title", "description", "$comment", "type", "not"}
			if p.Description == "" {
				want = slices.Delete(want, 1, 2)
			}
			if !slices.Equal(keys, want) || p.Type != "object" || p.Not == nil || len(p.Not) != 0 {
				t.Errorf("heading %s: keys %v, type %q, not %v; want %v, an object and not {}", key, keys, p.Type, p.Not, want)
			}
			form.Items = append(form.Items, fsItem{true, key, p.Title})
			continue
		}
		want := []string{"title", "description", "$ref"}
		if p.Description == "" {
			want = slices.Delete(want, 1, 2)
		}
		if !slices.Equal(keys, want) || p.Ref != "#/$defs/rating" {
			t.Errorf("rating field %s: keys %v, $ref %q; want %v and the shared rating", key, keys, p.Ref, want)
		}
		form.Items = append(form.Items, fsItem{false, key, p.Title})
		form.Fields = append(form.Fields, fsField{key, p.Title, p.Description})
	}

	type source struct {
		Title string   `json:"title"`
		Enum  []string `json:"enum"`
	}
	type entry struct {
		Title                string         `json:"title"`
		Description          string         `json:"description"`
		Type                 string         `json:"type"`
		Not                  map[string]any `json:"not"`
		Required             []string       `json:"required"`
		AdditionalProperties *bool          `json:"additionalProperties"`
		Properties           struct {
			Level struct {
				Title    string `json:"title"`
				Type     string `json:"type"`
				Enum     []int  `json:"enum"`
				Default  *int   `json:"default"`
				ReadOnly bool   `json:"readOnly"`
			} `json:"level"`
			Source struct {
				Title string   `json:"title"`
				Type  string   `json:"type"`
				OneOf []source `json:"oneOf"`
			} `json:"source"`
			AssessedAt map[string]any `json:"assessedAt"`
		} `json:"properties"`
	}
	var rating struct {
		OneOf []json.RawMessage `json:"oneOf"`
	}
	if err := json.Unmarshal(fsGet(t, b, "$defs", "rating"), &rating); err != nil {
		t.Fatal(err)
	}
	if got := fsKeys(t, fsGet(t, b, "$defs", "rating")); !slices.Equal(got, []string{"oneOf"}) {
		t.Errorf("the rating schema has keys %v, want a oneOf alone", got)
	}
	var firstDetails []string
	for i, raw := range rating.OneOf {
		var e entry
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Fatalf("rating entry %d: %v", i, err)
		}
		if i == 0 {
			// "Not rated": type null draws no field, and not {} takes no
			// value, not even null.
			if e.Type != "null" || e.Not == nil || len(e.Not) != 0 {
				t.Errorf("the first rating entry has type %q and not %v; want null and {}", e.Type, e.Not)
			}
			form.Choices = append(form.Choices, fsChoice{-1, e.Title, e.Description})
			continue
		}
		lv := e.Properties.Level
		if e.Type != "object" || !slices.Equal(e.Required, []string{"level"}) || e.AdditionalProperties == nil || *e.AdditionalProperties {
			t.Errorf("rating entry %d: type %q, required %v, additionalProperties %v; want a closed object that requires its level",
				i, e.Type, e.Required, e.AdditionalProperties)
		}
		if lv.Type != "integer" || lv.Title == "" || len(lv.Enum) != 1 || lv.Default == nil || *lv.Default != lv.Enum[0] || !lv.ReadOnly {
			t.Errorf("rating entry %d: level %+v; want a titled, read-only integer with one value that is also its default", i, lv)
			continue
		}
		form.Choices = append(form.Choices, fsChoice{lv.Enum[0], e.Title, e.Description})
		// Every level has the same details: the entries differ in the
		// level alone.
		details := fsKeys(t, fsGet(t, raw, "properties"))
		if i == 1 {
			firstDetails = details
			for _, s := range e.Properties.Source.OneOf {
				if len(s.Enum) != 1 {
					t.Errorf("source choice %+v is not a single value", s)
					continue
				}
				form.Sources = append(form.Sources, fsSource{s.Enum[0], s.Title})
			}
			form.Date = e.Properties.AssessedAt
		}
		if diff := cmp.Diff(firstDetails, details); diff != "" {
			t.Errorf("rating entry %d: details (-first +this):\n%s", i, diff)
		}
		var a, z map[string]any
		if err := json.Unmarshal(fsGet(t, rating.OneOf[1], "properties"), &a); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(fsGet(t, raw, "properties"), &z); err != nil {
			t.Fatal(err)
		}
		delete(a, "level")
		delete(z, "level")
		if diff := cmp.Diff(a, z); diff != "" {
			t.Errorf("rating entry %d differs from the first level beyond the level (-first +this):\n%s", i, diff)
		}
	}
	return form
}

// fsModelOrder lists a framework's rated IDs as a self-assessment form
// should show them: the competencies grouped by cluster, clusters in the
// framework's order and competencies in model order within each, then
// the areas in model order; each with its name and summary.
func fsModelOrder(f *wlp.Framework) []fsField {
	var out []fsField
	for _, c := range f.Clusters() {
		for _, comp := range f.Competencies() {
			if comp.Cluster == c.ID {
				out = append(out, fsField{string(comp.ID), comp.Name, comp.Summary})
			}
		}
	}
	for _, a := range f.Areas() {
		out = append(out, fsField{string(a.ID), a.Name, a.Summary})
	}
	return out
}

// fsWantItems lists the headings and fields the form of f must draw: a
// heading before each cluster's competencies, naming the tier and the
// cluster, and one before the areas.
func fsWantItems(f *wlp.Framework) []fsItem {
	var out []fsItem
	for _, c := range f.Clusters() {
		heading := true
		for _, comp := range f.Competencies() {
			if comp.Cluster != c.ID {
				continue
			}
			if heading {
				out = append(out, fsItem{true, "cluster:" + string(c.ID), "Foundational competencies: " + c.Name})
				heading = false
			}
			out = append(out, fsItem{false, string(comp.ID), comp.Name})
		}
	}
	if len(f.Areas()) > 0 {
		out = append(out, fsItem{true, "tier:areas-of-expertise", "Areas of expertise"})
	}
	for _, a := range f.Areas() {
		out = append(out, fsItem{false, string(a.ID), a.Name})
	}
	return out
}

// fsKeywords are the keywords the form schema may use: those drafts 07 and
// 2020-12 read alike (with items a single schema, not a list), which
// react-jsonschema-form's stock validator (Ajv, draft 07) and Ajv 2020
// both know. $defs is not a keyword of draft 07, but a $ref to a JSON
// pointer into it resolves the same in both.
var fsKeywords = []string{
	"$comment", "$defs", "$id", "$ref", "additionalProperties", "default", "description", "enum", "format",
	"items", "maxLength", "minLength", "not", "oneOf", "pattern", "properties", "readOnly", "required", "title", "type",
}

// fsWalk calls f with every schema object in a form schema and the place
// of each, following only keywords that hold schemas.
func fsWalk(t testing.TB, v any, at string, f func(at string, s map[string]any)) {
	t.Helper()
	s, ok := v.(map[string]any)
	if !ok {
		t.Errorf("%s: a schema that is not an object: %v", at, v)
		return
	}
	f(at, s)
	for _, k := range []string{"properties", "$defs"} {
		if m, ok := s[k].(map[string]any); ok {
			for name, sub := range m {
				fsWalk(t, sub, at+"/"+k+"/"+name, f)
			}
		}
	}
	for _, k := range []string{"items", "not"} {
		if sub, ok := s[k]; ok {
			fsWalk(t, sub, at+"/"+k, f)
		}
	}
	if list, ok := s["oneOf"].([]any); ok {
		for i, sub := range list {
			fsWalk(t, sub, fmt.Sprintf("%s/oneOf/%d", at, i), f)
		}
	}
}

// fsCheckForm checks the form of f as a form builder sees it.
func fsCheckForm(t *testing.T, f *wlp.Framework) fsForm {
	t.Helper()
	_, b := fsCompile(t, f)
	var top struct {
		Schema               *string  `json:"$schema"`
		ID                   string   `json:"$id"`
		Title                string   `json:"title"`
		Type                 string   `json:"type"`
		Required             []string `json:"required"`
		AdditionalProperties *bool    `json:"additionalProperties"`
	}
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	if top.Schema != nil {
		t.Errorf("$schema = %q, want none: react-jsonschema-form's stock validator knows only draft 07", *top.Schema)
	}
	if top.ID != wlp.ProfileSchemaURL(f.ID()) || !strings.HasPrefix(top.ID, "https://") {
		t.Errorf("$id = %q, want %q", top.ID, wlp.ProfileSchemaURL(f.ID()))
	}
	if top.Title == "" || top.Type != "object" || !slices.Contains(top.Required, "id") || top.AdditionalProperties == nil || *top.AdditionalProperties {
		t.Errorf("top: title %q, type %q, required %v, additionalProperties %v; want a title, an object, id required, closed",
			top.Title, top.Type, top.Required, top.AdditionalProperties)
	}
	if ap := string(fsGet(t, b, "properties", "ratings", "additionalProperties")); ap != "false" {
		t.Errorf("ratings additionalProperties = %s, want false", ap)
	}
	var whole any
	if err := json.Unmarshal(b, &whole); err != nil {
		t.Fatal(err)
	}
	fsWalk(t, whole, "", func(at string, s map[string]any) {
		for k := range s {
			if !slices.Contains(fsKeywords, k) {
				t.Errorf("%s uses %q, which drafts 07 and 2020-12 may not read alike", at, k)
			}
		}
		if _, ok := s["items"].([]any); ok {
			t.Errorf("%s: items is a list, which draft 2020-12 reads as prefixItems", at)
		}
	})

	form := fsRender(t, b)
	want := fsModelOrder(f)
	if len(want) != len(f.Competencies())+len(f.Areas()) {
		t.Fatalf("fsModelOrder lists %d IDs, want %d: a competency's cluster is missing from Clusters()", len(want), len(f.Competencies())+len(f.Areas()))
	}
	if diff := cmp.Diff(want, form.Fields); diff != "" {
		t.Errorf("rating fields: IDs in model order, titles and descriptions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(fsWantItems(f), form.Items); diff != "" {
		t.Errorf("headings and fields (-want +got):\n%s", diff)
	}
	wantChoices := []fsChoice{{-1, "Not rated", "No rating: the profile leaves this out, and it counts as 0."}}
	for _, l := range f.Scale().Levels {
		wantChoices = append(wantChoices, fsChoice{int(l.Level), fmt.Sprintf("%d - %s", l.Level, l.Name), l.Description})
	}
	if diff := cmp.Diff(wantChoices, form.Choices); diff != "" {
		t.Errorf("rating choices (-want +got):\n%s", diff)
	}
	wantSources := []fsSource{{"self", "Self"}, {"manager", "Manager"}, {"peer", "Peer"}, {"direct-report", "Direct report"}, {"assessment", "Assessment"}}
	if diff := cmp.Diff(wantSources, form.Sources); diff != "" {
		t.Errorf("source choices (-want +got):\n%s", diff)
	}
	wantDate := map[string]any{"title": "Date assessed", "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
	if diff := cmp.Diff(wantDate, form.Date); diff != "" {
		t.Errorf("the date field: a plain date (-want +got):\n%s", diff)
	}
	return form
}

func TestProfileSchemaForm(t *testing.T) {
	f := wlp.Default()
	form := fsCheckForm(t, f)
	// The default model: 12 competencies and 9 areas, the first
	// interpersonal, the last an area; four headings, one per cluster and
	// one for the areas.
	if len(form.Fields) != 21 || len(form.Items) != 25 {
		t.Errorf("the default form has %d fields and %d items, want 21 and 25", len(form.Fields), len(form.Items))
	}
	if len(form.Fields) > 0 {
		if first := form.Fields[0]; first.ID != string(competency.BuildingTrust) || first.Title != "Building trust" {
			t.Errorf("first field = %+v, want building-trust", first)
		}
	}
	// Titles are the levels' names, as a person reads them.
	want := []string{"Not rated", "0 - not demonstrated", "1 - novice", "2 - advanced beginner", "3 - competent", "4 - proficient", "5 - expert"}
	var got []string
	for _, c := range form.Choices {
		got = append(got, c.Title)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("choice titles (-want +got):\n%s", diff)
	}
	// Every summary reaches the form.
	for _, fd := range form.Fields {
		if fd.Description == "" {
			t.Errorf("field %s has no description", fd.ID)
		}
	}
}

// fsCustomSpec extends the default model: a new cluster with a new
// competency, a new interpersonal competency listed after the personal
// ones (the form must still show it with the interpersonal cluster), a new
// area, and a role and job that use them.
func fsCustomSpec() wlp.Spec {
	s := wlp.DefaultSpec()
	s.ID = "acme-2026"
	s.Name = "Acme learning model"
	s.Clusters = append(s.Clusters, competency.ClusterInfo{ID: "digital", Name: "Digital", Summary: "Working in social and online media."})
	s.Competencies = append(s.Competencies,
		competency.Competency{ID: "community-building", Name: "Community building", Cluster: "digital", Summary: "Grows online communities of practice."},
		competency.Competency{ID: "storytelling", Name: "Storytelling", Cluster: competency.Interpersonal, Summary: "Tells stories that stick."},
	)
	s.Areas = append(s.Areas, aoe.Area{ID: "social-learning", Name: "Social learning", Summary: "Learning through others, online and off."})
	s.Roles = append(s.Roles, role.Role{ID: "community-manager", Name: "Community manager", Requirements: []role.Requirement{
		{Of: []competency.ID{"community-building"}, Level: competency.Proficient, Weight: 3, Why: "the core of the role"},
		{Of: []competency.ID{"social-learning", "storytelling"}, AtLeast: 1, Level: competency.Competent, Weight: 1, Why: "one of the two"},
	}})
	return s
}

func TestProfileSchemaCustomFramework(t *testing.T) {
	f, err := wlp.New(fsCustomSpec())
	if err != nil {
		t.Fatal(err)
	}
	form := fsCheckForm(t, f)
	ids := make([]string, len(form.Fields))
	for i, fd := range form.Fields {
		ids[i] = fd.ID
	}
	// Hand-checked positions: storytelling closes the interpersonal
	// cluster, community-building follows the personal cluster, and
	// social-learning is the last area.
	def := fsModelOrder(wlp.Default())
	idx := func(id string) int { return slices.Index(ids, id) }
	lastInterpersonal := -1
	for _, c := range wlp.Default().Competencies() {
		if c.Cluster == competency.Interpersonal {
			lastInterpersonal = max(lastInterpersonal, idx(string(c.ID)))
		}
	}
	if got := idx("storytelling"); got != lastInterpersonal+1 {
		t.Errorf("storytelling is field %d, want %d (right after the interpersonal competencies): %v", got, lastInterpersonal+1, ids)
	}
	if got, want := idx("community-building"), len(wlp.Default().Competencies())+1; got != want {
		t.Errorf("community-building is field %d, want %d (after every default competency): %v", got, want, ids)
	}
	if got := idx("social-learning"); got != len(ids)-1 || len(ids) != len(def)+3 {
		t.Errorf("social-learning is field %d of %d, want the last of %d", got, len(ids), len(def)+3)
	}
	if fd := form.Fields[idx("community-building")]; fd.Title != "Community building" || fd.Description != "Grows online communities of practice." {
		t.Errorf("community-building field = %+v", fd)
	}

	custom, _ := fsCompile(t, f)
	dflt, _ := fsCompile(t, wlp.Default())
	newIDs := `{"id": "sam", "ratings": {"community-building": {"level": 4}, "storytelling": {"level": 2}, "social-learning": {"level": 1}, "coaching": {"level": 3}}}`
	if got := fsValidate(t, custom, newIDs); got != nil {
		t.Errorf("the custom form rejects its own IDs: %v", got)
	}
	want := []string{"/ratings/community-building", "/ratings/social-learning", "/ratings/storytelling"}
	if diff := cmp.Diff(want, fsValidate(t, dflt, newIDs)); diff != "" {
		t.Errorf("the default form on the custom IDs (-want +got):\n%s", diff)
	}
	if got := fsValidate(t, custom, `{"id": "sam", "ratings": {"juggling": {"level": 3}}}`); !slices.Equal(got, []string{"/ratings/juggling"}) {
		t.Errorf("the custom form on juggling = %v, want [/ratings/juggling]", got)
	}
}

// A framework built from scratch knows nothing of the default model: the
// default's IDs are unknown to its form.
func TestProfileSchemaSmallFramework(t *testing.T) {
	f, err := wlp.Load(strings.NewReader(`{"id": "tiny", "name": "Tiny",
		"clusters": [{"id": "craft", "name": "Craft", "summary": "Making things."}],
		"competencies": [{"id": "welding", "name": "Welding", "cluster": "craft", "summary": "Joins metal."},
		                 {"id": "listening", "name": "Listening", "cluster": "interpersonal"}],
		"roles": [{"id": "welder", "name": "Welder", "requirements": [{"of": ["welding"], "level": 3, "weight": 1}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	form := fsCheckForm(t, f)
	want := []fsField{{"welding", "Welding", "Joins metal."}, {"listening", "Listening", ""}}
	if diff := cmp.Diff(want, form.Fields); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	s, b := fsCompile(t, f)
	if !bytes.Contains(b, []byte(`"Self-assessment: Tiny"`)) {
		t.Errorf("the title does not name the framework:\n%s", b)
	}
	got := fsValidate(t, s, `{"id": "p", "ratings": {"welding": {"level": 2}, "coaching": {"level": 2}, "building-trust": {"level": 1}}}`)
	if diff := cmp.Diff([]string{"/ratings/building-trust", "/ratings/coaching"}, got); diff != "" {
		t.Errorf("default IDs in the tiny form (-want +got):\n%s", diff)
	}
	// An empty framework has an empty form: every rating is unknown.
	empty, err := wlp.New(wlp.Spec{})
	if err != nil {
		t.Fatal(err)
	}
	es, eb := fsCompile(t, empty)
	if got := fsRender(t, eb).Fields; len(got) != 0 {
		t.Errorf("the empty framework's form has fields: %v", got)
	}
	if !strings.Contains(wlp.ProfileSchemaURL(""), "/custom.") {
		t.Errorf("ProfileSchemaURL(\"\") = %q, want a custom name", wlp.ProfileSchemaURL(""))
	}
	if got := fsValidate(t, es, `{"id": "p", "ratings": {"coaching": {"level": 2}}}`); !slices.Equal(got, []string{"/ratings/coaching"}) {
		t.Errorf("the empty form on coaching = %v", got)
	}
	if got := fsValidate(t, es, `{"id": "p"}`); got != nil {
		t.Errorf("the empty form rejects a profile without ratings: %v", got)
	}
}

// TestProfileSchemaAgreesWithLoad compares the form schema's verdict with
// the Go side's: profile.Load (the generic profile) and ValidateProfile
// (the framework's IDs). Whatever the form accepts, profile.Load accepts,
// except documents that only a JSON reader can fault (a repeated key):
// the schema sees the decoded value, where the last of the repeats wins.
func TestProfileSchemaAgreesWithLoad(t *testing.T) {
	f := wlp.Default()
	s, _ := fsCompile(t, f)
	for _, tt := range []struct {
		name       string
		doc        string
		form, load bool // want: the form schema accepts; profile.Load accepts
		framework  bool // want: ValidateProfile accepts what Load read
	}{
		{"minimal", `{"id": "a"}`, true, true, true},
		{"name only", `{"id": "a", "name": "A"}`, true, true, true},
		{"empty ratings", `{"id": "a", "ratings": {}}`, true, true, true},
		{"one rating", `{"id": "a", "ratings": {"coaching": {"level": 3}}}`, true, true, true},
		{"every field", `{"id": "a", "ratings": {"coaching": {"level": 3, "source": "peer", "assessedAt": "2024-02-29", "evidence": [], "note": ""}}}`, true, true, true},
		{"level 0", `{"id": "a", "ratings": {"building-trust": {"level": 0}}}`, true, true, true},
		{"level 3.0", `{"id": "a", "ratings": {"building-trust": {"level": 3.0}}}`, true, true, true},
		{"level 5e0", `{"id": "a", "ratings": {"building-trust": {"level": 5e0}}}`, true, true, true},
		{"unknown ID", `{"id": "a", "ratings": {"juggling": {"level": 3}}}`, false, true, false},
		{"malformed ID", `{"id": "a", "ratings": {"Juggling": {"level": 3}}}`, false, false, false},
		{"level 6", `{"id": "a", "ratings": {"coaching": {"level": 6}}}`, false, false, false},
		{"level -1", `{"id": "a", "ratings": {"coaching": {"level": -1}}}`, false, false, false},
		{"level 1.5", `{"id": "a", "ratings": {"coaching": {"level": 1.5}}}`, false, false, false},
		{"null level", `{"id": "a", "ratings": {"coaching": {"level": null}}}`, false, false, false},
		{"no level", `{"id": "a", "ratings": {"coaching": {}}}`, false, false, false},
		{"bad source", `{"id": "a", "ratings": {"coaching": {"level": 1, "source": "boss"}}}`, false, false, false},
		{"bad date", `{"id": "a", "ratings": {"coaching": {"level": 1, "assessedAt": "2026-02-30"}}}`, false, false, false},
		{"no ID", `{"ratings": {"coaching": {"level": 1}}}`, false, false, false},
		{"empty ID", `{"id": ""}`, false, false, false},
		{"unknown field", `{"id": "a", "team": "x"}`, false, false, false},
		{"evidence string", `{"id": "a", "ratings": {"coaching": {"level": 1, "evidence": "x"}}}`, false, false, false},
		{"null rating", `{"id": "a", "ratings": {"coaching": null}}`, false, false, false},
		{"rated heading", `{"id": "a", "ratings": {"cluster:personal": {"level": 1}}}`, false, false, false},
		{"empty heading", `{"id": "a", "ratings": {"tier:areas-of-expertise": {}}}`, false, false, false},
		{"repeated rating", `{"id": "a", "ratings": {"coaching": {"level": 9}, "coaching": {"level": 1}}}`, true, false, false},
		// The form leaves out an unstated source or date; a generic
		// profile may also give them as empty strings.
		{"empty source", `{"id": "a", "ratings": {"coaching": {"level": 1, "source": ""}}}`, false, true, true},
		{"empty date", `{"id": "a", "ratings": {"coaching": {"level": 1, "assessedAt": ""}}}`, false, true, true},
		// The form collects self-ratings: a profile that also carries
		// reviews is a valid profile, but not one the form produces.
		{"with reviews", `{"id": "a", "ratings": {"coaching": {"level": 1}}, "reviews": [{"source": "peer", "levels": {"coaching": 2}}]}`, false, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			form := fsValidate(t, s, tt.doc) == nil
			p, err := profile.Load(strings.NewReader(tt.doc))
			load := err == nil
			framework := load && f.ValidateProfile(p) == nil
			got := struct{ Form, Load, Framework bool }{form, load, framework}
			want := struct{ Form, Load, Framework bool }{tt.form, tt.load, tt.framework}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("verdicts (-want +got):\n%s\nprofile.Load: %v", diff, err)
			}
			// The form speaks for the framework, JSON-level faults aside.
			if form && !load {
				if tt.name != "repeated rating" {
					t.Errorf("the form schema accepts what profile.Load rejects: %v", err)
				}
			}
			if narrower := []string{"repeated rating", "with reviews", "empty source", "empty date"}; !slices.Contains(narrower, tt.name) && form != framework {
				t.Errorf("the form schema says %v, profile.Load plus ValidateProfile says %v", form, framework)
			}
		})
	}
}

var updateForms = flag.Bool("update-forms", false, "rewrite the form schema goldens in testdata/form")

// formTrickySpec is a framework whose form needs every kind of escaping
// encoding/json does (HTML characters, quotes, backslashes, control
// characters, U+2028 and U+2029, non-ASCII), uses two of the model's
// clusters without declaring them, declares a cluster it does not use, and
// lists its competencies out of cluster order. It has no ID or name, so
// the form falls back to its defaults for both.
func formTrickySpec() wlp.Spec {
	return wlp.Spec{
		Clusters: []competency.ClusterInfo{
			{ID: "unused", Name: "Unused"},
			{ID: "craft", Name: "Craft <&> \"tools\"", Summary: "Making\tthings."},
		},
		Competencies: []competency.Competency{
			{ID: "welding", Name: "Welding & <brazing>", Cluster: "craft", Summary: "Joins metal \\ with \"heat\"\n\u2028\u2029."},
			{ID: "listening", Name: "Écoute", Cluster: competency.Personal, Summary: "Hört zu. 聞く 🦻"},
			{ID: "sewing", Name: "Sewing\u0001\u001f\u007f", Cluster: "craft"},
			{ID: "talking", Name: "Talking", Cluster: competency.Interpersonal, Summary: "<script>alert(1)</script>"},
		},
		Areas: []aoe.Area{
			{ID: "repair", Name: "Repair > replace", Summary: "Fixes & mends."},
		},
	}
}

// formGoldens are the frameworks whose form schemas are kept in
// testdata/form, to be read as a form builder gets them; write them again
// with go test -run TestProfileSchemaGoldens -update-forms.
var formGoldens = []struct {
	file string
	spec func() wlp.Spec
}{
	{"astd-2004.profile.schema.json", wlp.DefaultSpec},
	{"tricky.profile.schema.json", formTrickySpec},
}

func TestProfileSchemaGoldens(t *testing.T) {
	for _, g := range formGoldens {
		t.Run(g.file, func(t *testing.T) {
			got, err := mustNew(t, g.spec()).ProfileSchema()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "form", g.file)
			if *updateForms {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestProfileSchemaGoldens -update-forms to write it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("ProfileSchema differs from %s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// TestProfileSchemaUnchanged compares forms too large to keep as golden
// files (generated frameworks, and the custom framework of
// formschema_test.go) with the SHA-256 of what ProfileSchema wrote for
// them when the form was reshaped for react-jsonschema-form (issue 15),
// and checks their layout against encoding/json's own: compacted and
// indented again by it, each form comes out byte for byte the same.
func TestProfileSchemaUnchanged(t *testing.T) {
	specs := map[string]func() wlp.Spec{
		"acme-2026":     fsCustomSpec,
		"generated 50":  func() wlp.Spec { return growthSpec(50) },
		"generated 300": func() wlp.Spec { return growthSpec(300) },
	}
	want := map[string]string{
		"acme-2026":     "e1b1e947891be2edcd02523bc99580b41857cc001a808e9e5897cfaf0c06c6bc",
		"generated 50":  "8dec4ca20b497b80344aacc04a788d0f75a456e9db334d5963addc0f48d88483",
		"generated 300": "706d263a2b9e393ff4b2082890a3599b3c3a0516c0dac52bd00e52684e4836f6",
	}
	got := map[string]string{}
	for name, spec := range specs {
		b, err := mustNew(t, spec()).ProfileSchema()
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		got[name] = hex.EncodeToString(sum[:])
		var compact, indented bytes.Buffer
		if err := json.Compact(&compact, b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		indented.WriteByte('\n')
		if diff := cmp.Diff(indented.String(), string(b)); diff != "" {
			t.Errorf("%s: the layout differs from encoding/json's (-json +ProfileSchema):\n%s", name, diff)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SHA-256 of the forms (-want +got):\n%s", diff)
	}
}

// TestSchemaBaseURLAgrees: the form schema's $id starts with the prefix
// package schema gives every schema.
func TestSchemaBaseURLAgrees(t *testing.T) {
	if got := wlp.ProfileSchemaURL("x"); !strings.HasPrefix(got, schema.BaseURL+"forms/") {
		t.Errorf("ProfileSchemaURL(\"x\") = %q, want it under %q", got, schema.BaseURL+"forms/")
	}
}

// The form schema of the default framework, read back as a form builder
// draws it: a heading per cluster and one for the areas, a field per
// competency and area, and on each field the same choices.
func ExampleFramework_ProfileSchema() {
	b, err := wlp.Default().ProfileSchema()
	if err != nil {
		fmt.Println(err)
		return
	}
	var form struct {
		Properties struct {
			Ratings struct {
				Properties map[string]struct {
					Title string `json:"title"`
					Ref   string `json:"$ref"`
				} `json:"properties"`
			} `json:"ratings"`
		} `json:"properties"`
		Defs struct {
			Rating struct {
				OneOf []struct {
					Title string `json:"title"`
				} `json:"oneOf"`
			} `json:"rating"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &form); err != nil {
		fmt.Println(err)
		return
	}
	var headings []string
	fields := 0
	for _, p := range form.Properties.Ratings.Properties {
		if p.Ref == "#/$defs/rating" {
			fields++
		} else {
			headings = append(headings, p.Title)
		}
	}
	slices.Sort(headings)
	fmt.Println(fields, "rating fields")
	for _, h := range headings {
		fmt.Println("heading:", h)
	}
	for _, c := range form.Defs.Rating.OneOf {
		fmt.Println("choice:", c.Title)
	}
	// Output:
	// 21 rating fields
	// heading: Areas of expertise
	// heading: Foundational competencies: Business/Management
	// heading: Foundational competencies: Interpersonal
	// heading: Foundational competencies: Personal
	// choice: Not rated
	// choice: 0 - not demonstrated
	// choice: 1 - novice
	// choice: 2 - advanced beginner
	// choice: 3 - competent
	// choice: 4 - proficient
	// choice: 5 - expert
}
