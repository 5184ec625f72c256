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

// fsCompile compiles a framework's form schema with a fresh compiler of
// santhosh-tekuri/jsonschema (draft 2020-12, formats asserted), as a form
// builder's server side would. Compiling also checks the schema against
// the draft's metaschema.
func fsCompile(t testing.TB, f *wlp.Framework) (*jsonschema.Schema, []byte) {
	t.Helper()
	b, err := f.ProfileSchema()
	if err != nil {
		t.Fatalf("ProfileSchema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the form schema is not JSON: %v\n%s", err, b)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	url := wlp.ProfileSchemaURL(f.ID())
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("the form schema does not compile: %v", err)
	}
	return s, b
}

// fsLeaves returns the JSON pointers of the places a validation error
// names: for an unknown property, the property itself.
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
		if len(e.Causes) == 0 {
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
// returns the places of its problems, or nil if it is valid.
func fsValidate(t testing.TB, s *jsonschema.Schema, doc string) []string {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	if err := s.Validate(v); err != nil {
		return fsLeaves(err)
	}
	return nil
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
			"building-trust": {"level": 0, "source": "", "assessedAt": ""}}}`, nil},
		{"level 5.0", `{"id": "alex", "ratings": {"coaching": {"level": 5.0}}}`, nil},
		{"unknown ID", `{"id": "alex", "ratings": {"juggling": {"level": 3}}}`, []string{"/ratings/juggling"}},
		{"unknown and known", `{"id": "alex", "ratings": {"coaching": {"level": 3}, "juggling": {"level": 3}}}`, []string{"/ratings/juggling"}},
		{"malformed ID", `{"id": "alex", "ratings": {"Coaching": {"level": 3}}}`, []string{"/ratings/Coaching"}},
		{"level 6", `{"id": "alex", "ratings": {"coaching": {"level": 6}}}`, []string{"/ratings/coaching/level"}},
		{"level -1", `{"id": "alex", "ratings": {"coaching": {"level": -1}}}`, []string{"/ratings/coaching/level"}},
		{"level 2.5", `{"id": "alex", "ratings": {"coaching": {"level": 2.5}}}`, []string{"/ratings/coaching/level"}},
		{"level string", `{"id": "alex", "ratings": {"coaching": {"level": "3"}}}`, []string{"/ratings/coaching/level"}},
		{"no level", `{"id": "alex", "ratings": {"coaching": {"source": "self"}}}`, []string{"/ratings/coaching"}},
		{"bad source", `{"id": "alex", "ratings": {"coaching": {"level": 1, "source": "boss"}}}`, []string{"/ratings/coaching/source"}},
		{"bad date", `{"id": "alex", "ratings": {"coaching": {"level": 1, "assessedAt": "2026-02-30"}}}`, []string{"/ratings/coaching/assessedAt"}},
		{"unknown rating field", `{"id": "alex", "ratings": {"coaching": {"level": 1, "score": 1}}}`, []string{"/ratings/coaching/score"}},
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

// fsField is what a form builder needs of one rating field.
type fsField struct {
	ID          string
	Title       string
	Description string
}

// fsChoice is one labelled choice of a level field.
type fsChoice struct {
	Const int
	Title string
}

// fsForm is a form schema as a form builder renders it.
type fsForm struct {
	Fields  []fsField
	Levels  map[string][]fsChoice // by field ID
	Closed  map[string]bool       // rating fields with additionalProperties: false
	Require map[string][]string   // rating fields' required properties
}

// fsRender walks a form schema the way react-jsonschema-form does: the
// properties of "ratings" in order, each an object field with a title and
// description, whose "level" is a choice among oneOf entries, each a const
// with a title.
func fsRender(t testing.TB, b []byte) fsForm {
	t.Helper()
	var ratings fsObject
	if err := json.Unmarshal(fsGet(t, b, "properties", "ratings", "properties"), &ratings); err != nil {
		t.Fatal(err)
	}
	form := fsForm{Levels: map[string][]fsChoice{}, Closed: map[string]bool{}, Require: map[string][]string{}}
	for _, id := range ratings.keys {
		var field struct {
			Type                 string         `json:"type"`
			Title                string         `json:"title"`
			Description          string         `json:"description"`
			Required             []string       `json:"required"`
			AdditionalProperties *bool          `json:"additionalProperties"`
			Properties           map[string]any `json:"properties"`
		}
		if err := json.Unmarshal(ratings.vals[id], &field); err != nil {
			t.Fatalf("ratings field %s: %v", id, err)
		}
		if field.Type != "object" {
			t.Errorf("ratings field %s has type %q, want object", id, field.Type)
		}
		form.Fields = append(form.Fields, fsField{id, field.Title, field.Description})
		form.Closed[id] = field.AdditionalProperties != nil && !*field.AdditionalProperties
		form.Require[id] = field.Required
		var level struct {
			Type  string `json:"type"`
			Title string `json:"title"`
			OneOf []struct {
				Const *json.Number `json:"const"`
				Title string       `json:"title"`
			} `json:"oneOf"`
		}
		if err := json.Unmarshal(fsGet(t, ratings.vals[id], "properties", "level"), &level); err != nil {
			t.Fatalf("level of %s: %v", id, err)
		}
		if level.Type != "integer" || level.Title == "" {
			t.Errorf("level of %s: type %q, title %q; want integer and a title", id, level.Type, level.Title)
		}
		for i, c := range level.OneOf {
			if c.Const == nil {
				t.Errorf("level of %s: oneOf entry %d has no const", id, i)
				continue
			}
			n, err := c.Const.Int64()
			if err != nil {
				t.Errorf("level of %s: oneOf entry %d: const %v is not an integer", id, i, *c.Const)
			}
			form.Levels[id] = append(form.Levels[id], fsChoice{int(n), c.Title})
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

// fsCheckForm checks the form of f as a form builder sees it.
func fsCheckForm(t *testing.T, f *wlp.Framework) fsForm {
	t.Helper()
	_, b := fsCompile(t, f)
	var top struct {
		Schema               string   `json:"$schema"`
		ID                   string   `json:"$id"`
		Title                string   `json:"title"`
		Type                 string   `json:"type"`
		Required             []string `json:"required"`
		AdditionalProperties *bool    `json:"additionalProperties"`
	}
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	if top.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %q, want draft 2020-12", top.Schema)
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

	form := fsRender(t, b)
	want := fsModelOrder(f)
	if len(want) != len(f.Competencies())+len(f.Areas()) {
		t.Fatalf("fsModelOrder lists %d IDs, want %d: a competency's cluster is missing from Clusters()", len(want), len(f.Competencies())+len(f.Areas()))
	}
	if diff := cmp.Diff(want, form.Fields); diff != "" {
		t.Errorf("rating fields: IDs in model order, titles and descriptions (-want +got):\n%s", diff)
	}
	var wantChoices []int
	for _, l := range f.Scale().Levels {
		wantChoices = append(wantChoices, int(l.Level))
	}
	if diff := cmp.Diff([]int{0, 1, 2, 3, 4, 5}, wantChoices); diff != "" {
		t.Fatalf("the scale's levels (-want +got):\n%s", diff)
	}
	for _, fd := range form.Fields {
		if fd.Title == "" {
			t.Errorf("field %s has no title", fd.ID)
		}
		if !form.Closed[fd.ID] {
			t.Errorf("field %s allows unknown properties", fd.ID)
		}
		if !slices.Contains(form.Require[fd.ID], "level") {
			t.Errorf("field %s does not require a level: %v", fd.ID, form.Require[fd.ID])
		}
		var consts []int
		for _, c := range form.Levels[fd.ID] {
			consts = append(consts, c.Const)
			name := competency.Level(c.Const).String()
			if c.Title == "" || !strings.Contains(c.Title, name) {
				t.Errorf("field %s, level %d: title %q does not contain the level's name %q", fd.ID, c.Const, c.Title, name)
			}
		}
		if diff := cmp.Diff(wantChoices, consts); diff != "" {
			t.Errorf("field %s: level choices (-want +got):\n%s", fd.ID, diff)
		}
	}
	return form
}

func TestProfileSchemaForm(t *testing.T) {
	f := wlp.Default()
	form := fsCheckForm(t, f)
	// The default model: 12 competencies and 9 areas, the first
	// interpersonal, the last an area.
	if len(form.Fields) != 21 {
		t.Errorf("the default form has %d fields, want 21", len(form.Fields))
	}
	if len(form.Fields) > 0 {
		if first := form.Fields[0]; first.ID != string(competency.BuildingTrust) || first.Title != "Building trust" {
			t.Errorf("first field = %+v, want building-trust", first)
		}
	}
	// Titles are the levels' names, as a person reads them.
	want := []fsChoice{{0, "not demonstrated"}, {1, "novice"}, {2, "advanced beginner"}, {3, "competent"}, {4, "proficient"}, {5, "expert"}}
	for i, c := range form.Levels["coaching"] {
		if i < len(want) && !strings.Contains(c.Title, want[i].Title) {
			t.Errorf("coaching level %d title %q lacks %q", c.Const, c.Title, want[i].Title)
		}
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
		{"repeated rating", `{"id": "a", "ratings": {"coaching": {"level": 9}, "coaching": {"level": 1}}}`, true, false, false},
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
			if tt.name != "repeated rating" && tt.name != "with reviews" && form != framework {
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
// testdata/form. The goldens were written by the ProfileSchema of before
// issue 11, which was quadratic; the linear one must write the same bytes.
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
// them when it was made linear (byte for byte what the quadratic writer
// wrote), with the profile ID rule added since.
func TestProfileSchemaUnchanged(t *testing.T) {
	specs := map[string]func() wlp.Spec{
		"acme-2026":     fsCustomSpec,
		"generated 50":  func() wlp.Spec { return growthSpec(50) },
		"generated 300": func() wlp.Spec { return growthSpec(300) },
	}
	want := map[string]string{
		"acme-2026":     "e6f33614c2774fecf685354381cd3599ac628558aed7075262db8f105f29e390",
		"generated 50":  "2513e99abbe1a7e449baae726c2a9f6e0c9dbb56e1bb4e02b0b3c1dbf1eb146e",
		"generated 300": "9c7f9e349c68a92b37e2a177fae8dc54a9b4b253c3c0a32ef8533eaf9ff01fe9",
	}
	got := map[string]string{}
	for name, spec := range specs {
		b, err := mustNew(t, spec()).ProfileSchema()
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		got[name] = hex.EncodeToString(sum[:])
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
