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
