package crosswalk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/problem"
)

// mini is a small valid crosswalk document that uses every field.
const mini = `{
  "id": "a-to-b",
  "name": "A to B",
  "description": "A small crosswalk.",
  "from": "a",
  "to": "b",
  "sources": [{"key": "s1", "title": "A source", "url": "https://example.com/s1"}],
  "links": [
    {"from": "x1", "to": "y1", "relation": "exact", "carry": "level", "why": "The same item.", "source": "s1"},
    {"from": "x2", "to": "y2", "relation": "narrower", "carry": "capped", "cap": 3, "why": "One part of it."},
    {"from": "x2", "to": "y1", "relation": "related", "carry": "none", "why": "Touches it.", "via": ["m1"]}
  ],
  "unmapped": [{"id": "x3", "why": "Dropped."}],
  "new": [{"id": "y3", "why": "Added."}]
}`

// miniValue is mini as a Go value.
func miniValue() *crosswalk.Crosswalk {
	return &crosswalk.Crosswalk{
		ID: "a-to-b", Name: "A to B", Description: "A small crosswalk.", From: "a", To: "b",
		Sources: []crosswalk.Source{{Key: "s1", Title: "A source", URL: "https://example.com/s1"}},
		Links: []crosswalk.Link{
			{From: "x1", To: "y1", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "The same item.", Source: "s1"},
			{From: "x2", To: "y2", Relation: competency.Narrower, Carry: crosswalk.CarryCapped, Cap: 3, Why: "One part of it."},
			{From: "x2", To: "y1", Relation: competency.Related, Carry: crosswalk.CarryNone, Why: "Touches it.", Via: []competency.ID{"m1"}},
		},
		Unmapped: []crosswalk.Note{{ID: "x3", Why: "Dropped."}},
		New:      []crosswalk.Note{{ID: "y3", Why: "Added."}},
	}
}

// edit replaces the one occurrence of old in doc with new.
func edit(t testing.TB, doc, old, new string) string {
	t.Helper()
	if strings.Count(doc, old) != 1 {
		t.Fatalf("%q occurs %d times in the document, not once", old, strings.Count(doc, old))
	}
	return strings.Replace(doc, old, new, 1)
}

// got is a problem as the tests compare it: its place, and a part of its
// message.
type got struct{ Path, Has string }

// problems returns the problems of err, a *problem.Error, failing the
// test if it is anything else.
func problems(t testing.TB, err error) []problem.Problem {
	t.Helper()
	var pe *problem.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *problem.Error", err, err)
	}
	if pe.Package != "crosswalk" {
		t.Errorf("the error's package is %q, want crosswalk", pe.Package)
	}
	return pe.Problems
}

// match compares the problems of err with want, each by place and a part
// of its message, in order.
func match(t *testing.T, err error, want []got) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", want)
	}
	ps := problems(t, err)
	var gotPs []got
	for i, p := range ps {
		g := got{Path: p.Path}
		if i < len(want) && strings.Contains(p.Message, want[i].Has) {
			g.Has = want[i].Has
		} else {
			g.Has = p.Message
		}
		gotPs = append(gotPs, g)
	}
	if diff := cmp.Diff(want, gotPs); diff != "" {
		t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
	}
	if !strings.HasPrefix(err.Error(), "crosswalk: ") {
		t.Errorf("error %q does not start with the package name", err)
	}
}

func TestLoad(t *testing.T) {
	c, err := crosswalk.Load(strings.NewReader(mini))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(miniValue(), c); diff != "" {
		t.Errorf("Load(mini) (-want +got):\n%s", diff)
	}
}

func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []got
	}{
		{"unknown top field", edit(t, mini, `"name": "A to B"`, `"name": "A to B", "title": "x"`),
			[]got{{"/title", "unknown field"}}},
		{"unknown link field", edit(t, mini, `"cap": 3`, `"cap": 3, "weight": 1`),
			[]got{{"/links/1/weight", "unknown field"}}},
		{"unknown source field", edit(t, mini, `"title": "A source"`, `"title": "A source", "year": 2020`),
			[]got{{"/sources/0/year", "unknown field"}}},
		{"unknown note field", edit(t, mini, `"why": "Dropped."`, `"why": "Dropped.", "name": "x"`),
			[]got{{"/unmapped/0/name", "unknown field"}}},
		{"duplicate key", edit(t, mini, `"to": "b",`, `"to": "b", "to": "c",`),
			[]got{{"/to", "duplicate key"}}},
		{"duplicate link key", edit(t, mini, `"why": "One part of it."`, `"why": "One part of it.", "why": "Again."`),
			[]got{{"/links/1/why", "duplicate key"}}},
		{"cap as a string", edit(t, mini, `"cap": 3`, `"cap": "3"`),
			[]got{{"/links/1/cap", "expected an integer"}}},
		{"relation as a number", edit(t, mini, `"relation": "exact"`, `"relation": 5`),
			[]got{{"/links/0/relation", "expected a string"}}},
		{"links as an object", edit(t, mini, `"links": [`, `"links": {"a": 1}, "l": [`),
			[]got{{"/links", "expected an array"}, {"/l", "unknown field"}}},
		{"null links", `{"id": "a-to-b", "from": "a", "to": "b", "links": null}`,
			[]got{{"/links", "null"}}},
		{"missing fields", `{"links": [{"relation": "exact", "carry": "level"}]}`,
			[]got{{"/links/0", `"from"`}, {"/links/0", `"to"`}, {"/links/0", `"why"`}, {"", `"id"`}, {"", `"from"`}, {"", `"to"`}}},
		{"truncated", `{"id": `, []got{{"/id", "ends too early"}}},
		{"trailing data", mini + `{}`, []got{{"", "after"}}},
		{"a value not read and a bad one", edit(t, mini, `"cap": 3`, `"cap": 3.5, "relation": "wider"`),
			[]got{{"/links/1/relation", "duplicate key"}, {"/links/1/cap", "integer"}, {"/links/1/relation", "unknown relation"}}},
		// Values not read leave references unchecked: the undeclared
		// source is not reported while the document is not whole.
		{"references unchecked when a value is not read", edit(t, edit(t, mini, `"source": "s1"`, `"source": "s9"`), `"cap": 3`, `"cap": true`),
			[]got{{"/links/1/cap", "integer"}}},
		{"semantic problems", edit(t, mini, `"source": "s1"`, `"source": "s9"`),
			[]got{{"/links/0/source", "not declared"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := crosswalk.Load(strings.NewReader(tt.doc))
			if c != nil {
				t.Errorf("Load returned a crosswalk with its error")
			}
			match(t, err, tt.want)
		})
	}
}

// TestLoadControlCharacters: Load rejects control characters in every
// text and a URL that is not http or https, each at its place; the
// schema rejects them too, but for the bidirectional controls, which
// only Load catches.
func TestLoadControlCharacters(t *testing.T) {
	tests := []struct {
		name   string
		doc    string
		at     string
		schema bool // the schema rejects it too
	}{
		{"NUL in the name", edit(t, mini, `"name": "A to B"`, `"name": "A\u0000B"`), "/name", true},
		{"line break in the description", edit(t, mini, `"description": "A small crosswalk."`, `"description": "A\nsmall"`), "/description", true},
		{"ANSI escape in a why", edit(t, mini, `"why": "Touches it."`, `"why": "\u001b[31mred"`), "/links/2/why", true},
		{"DEL in a title", edit(t, mini, `"title": "A source"`, `"title": "A\u007f"`), "/sources/0/title", true},
		{"C1 in a note", edit(t, mini, `"why": "Added."`, `"why": "\u009b2J"`), "/new/0/why", true},
		{"right-to-left override in a note", edit(t, mini, `"why": "Dropped."`, `"why": "gnp.\u202eexe"`), "/unmapped/0/why", false},
		{"isolate in a why", edit(t, mini, `"why": "The same item."`, `"why": "\u2068x\u2069"`), "/links/0/why", false},
		{"javascript URL", edit(t, mini, `"url": "https://example.com/s1"`, `"url": "javascript:alert(1)"`), "/sources/0/url", true},
		{"ftp URL", edit(t, mini, `"url": "https://example.com/s1"`, `"url": "ftp://example.com/s1"`), "/sources/0/url", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := crosswalk.Load(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatal("Load accepts it")
			}
			ps := problems(t, err)
			if len(ps) != 1 || ps[0].Path != tt.at {
				t.Errorf("Load's problems: %v, want one at %s", err, tt.at)
			}
			var want []string
			if tt.schema {
				want = []string{tt.at}
			}
			if diff := cmp.Diff(want, validateSchema(t, []byte(tt.doc))); diff != "" {
				t.Errorf("the schema's places (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadLimits(t *testing.T) {
	big := edit(t, mini, `"description": "A small crosswalk."`, `"description": "`+strings.Repeat("x", crosswalk.DefaultMaxBytes)+`"`)
	_, err := crosswalk.Load(strings.NewReader(big))
	match(t, err, []got{{"", "larger than the limit"}})

	_, err = crosswalk.Loader{MaxBytes: 100}.Load(strings.NewReader(mini))
	match(t, err, []got{{"", "larger than the limit of 100 bytes"}})

	deep := edit(t, mini, `"via": ["m1"]`, `"via": `+strings.Repeat("[", 100)+strings.Repeat("]", 100))
	_, err = crosswalk.Load(strings.NewReader(deep))
	if err == nil || !strings.Contains(err.Error(), "nest") {
		t.Errorf("Load of a document nested 100 deep: %v, want a problem of nesting", err)
	}
	if _, err := (crosswalk.Loader{MaxDepth: 200}).Load(strings.NewReader(deep)); err == nil || strings.Contains(err.Error(), "nest") {
		t.Errorf("Loader{MaxDepth: 200}: %v, want only a problem of type", err)
	}
}

// TestRoundTrip encodes crosswalks and loads them back: the same value.
func TestRoundTrip(t *testing.T) {
	cases := map[string]*crosswalk.Crosswalk{
		"mini":  miniValue(),
		"empty": {ID: "a-to-b", From: "a", To: "b"},
	}
	for _, id := range crosswalk.Embedded() {
		c, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		cases[id] = c
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			back, err := crosswalk.Load(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("Load(Marshal(c)): %v\n%s", err, b)
			}
			want := c.Clone()
			if want.Links == nil {
				want.Links = []crosswalk.Link{} // written as [], read back as empty
			}
			if diff := cmp.Diff(want, back); diff != "" {
				t.Errorf("Load(Marshal(c)) (-want +got):\n%s", diff)
			}
			again, err := json.Marshal(back)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b, again) {
				t.Errorf("encoding is not stable:\n%s\n%s", b, again)
			}
		})
	}
}

// TestMarshalNilLinks: a crosswalk with nil links writes them as [].
func TestMarshalNilLinks(t *testing.T) {
	b, err := json.Marshal(crosswalk.Crosswalk{ID: "a-to-b", From: "a", To: "b"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"a-to-b","from":"a","to":"b","links":[]}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
}

func TestLoadEmbeddedFiles(t *testing.T) {
	// The data files load on their own, as a user's file would.
	for _, id := range []string{crosswalk.ASTD2004ToATD2013, crosswalk.ATD2013ToATD2020} {
		f, err := os.Open("data/" + id + ".json")
		if err != nil {
			t.Fatal(err)
		}
		c, err := crosswalk.Load(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if c.ID != id {
			t.Errorf("data/%s.json holds %q", id, c.ID)
		}
	}
}

// FuzzLoad loads anything: it must not panic, must return a crosswalk or
// a located *problem.Error, and what it returns must validate and come
// back equal through encode and Load.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(mini))
	f.Add([]byte(`{"id": "a-to-b", "from": "a", "to": "b", "links": []}`))
	f.Add([]byte(`{"id": "a-to-b", "from": "a", "to": "b", "links": [{"from": "x", "to": "y", "relation": "close", "carry": "capped", "cap": 9, "why": " "}], "new": [{"id": "y", "why": "n"}]}`))
	f.Add([]byte(`{"links": null}`))
	f.Add([]byte(edit(f, mini, `"why": "Touches it."`, `"why": "\u001b[0m \u202e \u0085 \t"`)))
	f.Add([]byte(edit(f, mini, `"url": "https://example.com/s1"`, `"url": "HTTP://example.com/"`)))
	f.Add([]byte(`[]`))
	for _, id := range []string{crosswalk.ASTD2004ToATD2013, crosswalk.ATD2013ToATD2020} {
		if b, err := os.ReadFile("data/" + id + ".json"); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := crosswalk.Load(bytes.NewReader(b))
		if err != nil {
			if c != nil {
				t.Fatal("a crosswalk returned with an error")
			}
			var pe *problem.Error
			if !errors.As(err, &pe) || len(pe.Problems) == 0 {
				t.Fatalf("error %v is not a *problem.Error with problems", err)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("a loaded crosswalk does not validate: %v", err)
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := crosswalk.Load(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("Load(Marshal(c)): %v\n%s", err, out)
		}
		if diff := cmp.Diff(c, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}
