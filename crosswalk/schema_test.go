package crosswalk_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/schema"
)

// validateSchema checks a document against the crosswalk schema and
// returns the places it faults, sorted.
func validateSchema(t *testing.T, doc []byte) []string {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decoding %s: %v", doc, err)
	}
	ps, err := schema.Validate(schema.Crosswalk, v)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	slices.Sort(paths)
	return slices.Compact(paths)
}

func TestEmbeddedValidateSchema(t *testing.T) {
	docs := map[string]*crosswalk.Crosswalk{"mini": miniValue()}
	for _, id := range crosswalk.Embedded() {
		c, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		docs[id] = c
	}
	for name, c := range docs {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if ps := validateSchema(t, b); len(ps) != 0 {
			t.Errorf("%s breaks the crosswalk schema at %v", name, ps)
		}
	}
}

// TestSchemaAgrees: documents Load rejects for their shape, the schema
// rejects too, at the same places; and what the schema rejects, Load
// rejects.
func TestSchemaAgrees(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // the places both fault
	}{
		{"unknown field", edit(t, mini, `"cap": 3`, `"cap": 3, "weight": 1`), []string{"/links/1/weight"}},
		{"missing field", edit(t, mini, `"relation": "exact", `, ``), []string{"/links/0"}},
		{"wrong type", edit(t, mini, `"cap": 3`, `"cap": "3"`), []string{"/links/1/cap"}},
		{"unknown relation", edit(t, mini, `"relation": "exact"`, `"relation": "same"`), []string{"/links/0/relation"}},
		{"unknown carry", edit(t, mini, `"carry": "none"`, `"carry": "some"`), []string{"/links/2/carry"}},
		{"cap above 4", edit(t, mini, `"cap": 3`, `"cap": 5`), []string{"/links/1/cap"}},
		{"bad ID", edit(t, mini, `"from": "x1"`, `"from": "X 1"`), []string{"/links/0/from"}},
		{"bad via", edit(t, mini, `"via": ["m1"]`, `"via": ["m1", ""]`), []string{"/links/2/via/1"}},
		{"empty why", edit(t, mini, `"why": "Dropped."`, `"why": ""`), []string{"/unmapped/0/why"}},
		{"relative URL", edit(t, mini, `"url": "https://example.com/s1"`, `"url": "s1.html"`), []string{"/sources/0/url"}},
		{"links null", edit(t, mini, `"links": [`, `"links": null, "l": [`), []string{"/l", "/links"}},
		{"not an object", `[]`, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, validateSchema(t, []byte(tt.doc))); diff != "" {
				t.Errorf("the schema's places (-want +got):\n%s", diff)
			}
			_, err := crosswalk.Load(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatal("Load accepts what the schema rejects")
			}
			var paths []string
			for _, p := range problems(t, err) {
				paths = append(paths, p.Path)
			}
			slices.Sort(paths)
			if diff := cmp.Diff(tt.want, slices.Compact(paths)); diff != "" {
				t.Errorf("Load's places (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// FuzzSchemaDifferential holds Load to the schema: whatever document the
// crosswalk schema rejects, Load rejects too, and what Load accepts the
// schema accepts.
func FuzzSchemaDifferential(f *testing.F) {
	f.Add([]byte(mini))
	f.Add([]byte(edit(f, mini, `"cap": 3`, `"cap": 5`)))
	f.Add([]byte(edit(f, mini, `"url": "https://example.com/s1"`, `"url": "http://[::1]:80/x"`)))
	f.Add([]byte(`{"id": "a-to-b", "from": "a", "to": "b", "links": []}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		d := json.NewDecoder(bytes.NewReader(doc))
		d.UseNumber()
		var v any
		if d.Decode(&v) != nil || d.More() {
			return // not one JSON value: the schema has nothing to say
		}
		ps, err := schema.Validate(schema.Crosswalk, v)
		if err != nil {
			t.Fatal(err)
		}
		_, lerr := crosswalk.Load(bytes.NewReader(doc))
		if len(ps) > 0 && lerr == nil {
			t.Fatalf("the schema rejects what Load accepts: %v\n%s", ps, doc)
		}
	})
}
