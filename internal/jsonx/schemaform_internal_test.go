package jsonx

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sfDoc is a type to read documents as, with room for any value under
// "any".
type sfDoc struct {
	Name  string            `json:"name,omitempty"`
	Items []sfItem          `json:"items,omitempty"`
	Tags  map[string]sfItem `json:"tags,omitempty"`
	Any   any               `json:"any,omitempty"`
}

type sfItem struct {
	N int      `json:"n,omitempty"`
	S []string `json:"s,omitempty"`
}

// sfForm decodes doc as an sfDoc and returns its schema form.
func sfForm(t *testing.T, doc string) any {
	t.Helper()
	d := decode(doc, reflect.TypeFor[sfDoc](), Limits{})
	if d.stop != nil {
		t.Fatalf("decode stopped: %v", d.stop)
	}
	g, stop := d.schemaForm()
	if stop != nil {
		t.Fatalf("schemaForm stopped: %v", stop)
	}
	return g
}

// TestSchemaFormMatchesEncodingJSON checks that the schema form of a
// document with no problems is what encoding/json decodes with
// UseNumber, for values small enough to be shared and larger ones, with
// strings that hold the characters the extent scan must step over.
func TestSchemaFormMatchesEncodingJSON(t *testing.T) {
	for _, doc := range []string{
		`{"items":[{"n":1},{"n":1},{"n":1},{"n":2}]}`,
		`{"items":[{"s":["]","}","\"]"]},{"s":["]","}","\"]"]},{"s":["\\"]}]}`,
		`{"tags":{"a":{"n":1},"b":{"n":1},"c":{"s":[]},"d":{"s":[]}}}`,
		`{"items":[{"s":["` + strings.Repeat("x", 100) + `"]},{"s":["` + strings.Repeat("x", 100) + `"]}]}`,
		`{"any":[[1,[2]],[1,[2]],{"k":[{}]},{"k":[{}]}],"name":"x"}`,
		`{"any":{"a":1,"a":2}}`,
		`{"items":[ {"n" : 1} , {"n":1}, { "n":1 } ]}`,
	} {
		t.Run(doc, func(t *testing.T) {
			var std any
			dec := json.NewDecoder(strings.NewReader(doc))
			dec.UseNumber()
			if err := dec.Decode(&std); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(std, sfForm(t, doc)); diff != "" {
				t.Errorf("schema form vs encoding/json (-std +got):\n%s", diff)
			}
		})
	}
}

// TestSchemaFormShares checks that equal small values share one generic
// form, and larger ones do not.
func TestSchemaFormShares(t *testing.T) {
	g := sfForm(t, `{"items":[{"n":1},{"n":1},{"n":2}],"any":[["`+strings.Repeat("x", memoText)+`"],["`+strings.Repeat("x", memoText)+`"]]}`).(map[string]any)
	items := g["items"].([]any)
	same := func(a, b any) bool { return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer() }
	if !same(items[0], items[1]) || same(items[0], items[2]) {
		t.Errorf("the two {\"n\":1} share a map: %v, and {\"n\":2} shares theirs: %v; want true, false", same(items[0], items[1]), same(items[0], items[2]))
	}
	long := g["any"].([]any)
	if same(long[0], long[1]) {
		t.Error("values longer than memoText share a form")
	}
}

// TestSchemaFormPrunes checks that a value about which a problem was
// reported (a wrong type, an unknown field) is nil in the schema form,
// with nothing of what it held, and that the rest is whole.
func TestSchemaFormPrunes(t *testing.T) {
	doc := `{"name":[[["deep"]]],"items":[{"n":"x","s":["a"]},{"n":1,"bogus":{"a":[1,2]}},{"n":1}],"other":{"k":1}}`
	want := map[string]any{
		"name": nil,
		"items": []any{
			map[string]any{"n": nil, "s": []any{"a"}},
			map[string]any{"n": json.Number("1"), "bogus": nil},
			map[string]any{"n": json.Number("1")},
		},
		"other": nil,
	}
	if diff := cmp.Diff(any(want), sfForm(t, doc)); diff != "" {
		t.Errorf("schema form (-want +got):\n%s", diff)
	}
}
