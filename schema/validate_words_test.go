package schema_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/schema"
)

// wordsDecode decodes doc as schema.Validate wants it.
func wordsDecode(t *testing.T, doc string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestValidateWords checks the messages Validate words itself: a value
// of the wrong type in the loaders' words, and a key that propertyNames
// refuses at the key's own place, in every object that holds it.
func TestValidateWords(t *testing.T) {
	tests := []struct {
		name, kind, doc string
		want            []schema.Problem
	}{
		{"integer", schema.Framework, `{"roles":[{"id":"r","name":"R","requirements":[{"of":["a"],"level":1.5,"weight":1}]}]}`,
			[]schema.Problem{{Path: "/roles/0/requirements/0/level", Message: "expected an integer, found a number"}}},
		{"string", schema.Framework, `{"name":3}`, []schema.Problem{{Path: "/name", Message: "expected a string, found a number"}}},
		{"object", schema.Framework, `[]`, []schema.Problem{{Path: "", Message: "expected an object, found an array"}}},
		{"array", schema.Framework, `{"roles":{}}`, []schema.Problem{{Path: "/roles", Message: "expected an array, found an object"}}},
		{"null", schema.Profile, `{"id":null}`, []schema.Problem{{Path: "/id", Message: "null is not allowed here; expected a string"}}},
		{"key refused in two places", schema.Profile,
			`{"id":"a","ratings":{"Bad Key":{"level":1}},"reviews":[{"levels":{"ok":1}},{"levels":{"Bad Key":2}}]}`,
			[]schema.Problem{
				{Path: "/ratings/Bad Key", Message: `the key "Bad Key" is not allowed`},
				{Path: "/reviews/1/levels/Bad Key", Message: `the key "Bad Key" is not allowed`},
			}},
		{"key with a slash", schema.Profile, `{"id":"a","ratings":{"a/b":{"level":1}}}`,
			[]schema.Problem{{Path: "/ratings/a~1b", Message: `the key "a/b" is not allowed`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := schema.Validate(tt.kind, wordsDecode(t, tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			// Compare the places, and the start of each message: a refused
			// key's message goes on to say why.
			for i := range got {
				if i < len(tt.want) && strings.HasPrefix(got[i].Message, tt.want[i].Message) {
					got[i].Message = tt.want[i].Message
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBoundWords: a value outside a bound of the schema is reported in
// the loaders' words, and a long value (and a long pattern) is shortened,
// so a 10 KB ID gives a line of about a hundred bytes.
func TestBoundWords(t *testing.T) {
	long := strings.Repeat("a/", 5000)
	tests := []struct {
		name, doc, path, msg string
	}{
		{"too long", `{"id": "` + strings.Repeat("e", 65) + `"}`, "/id", "the string has 65 characters, more than the limit of 64"},
		{"empty", `{"id": ""}`, "/id", "the string is empty"},
		{"level above", `{"id": "e", "ratings": {"coaching": {"level": 6}}}`, "/ratings/coaching/level", "6 is above the highest value allowed, 5"},
		{"level below", `{"id": "e", "ratings": {"coaching": {"level": -1}}}`, "/ratings/coaching/level", "-1 is below the lowest value allowed, 0"},
		{"date", `{"id": "e", "ratings": {"coaching": {"level": 1, "assessedAt": "2026-02-30"}}}`, "/ratings/coaching/assessedAt", `"2026-02-30"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
				t.Fatal(err)
			}
			ps, err := schema.Validate(schema.Profile, doc)
			if err != nil {
				t.Fatal(err)
			}
			var found []string
			for _, p := range ps {
				if p.Path == tt.path && strings.Contains(p.Message, tt.msg) {
					return
				}
				found = append(found, p.String())
			}
			t.Errorf("no problem at %s containing %q; got %q", tt.path, tt.msg, found)
		})
	}
	var doc any
	if err := json.Unmarshal([]byte(`{"id": "`+long+`"}`), &doc); err != nil {
		t.Fatal(err)
	}
	ps, err := schema.Validate(schema.Profile, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) == 0 {
		t.Fatal("a 10 KB ID with slashes passed the profile schema")
	}
	for _, p := range ps {
		if n := len(p.String()); n > 400 {
			t.Errorf("a problem of %d bytes: %.120s...", n, p.String())
		}
	}
}
