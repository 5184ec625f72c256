package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/schema"
)

const draft202012 = "https://json-schema.org/draft/2020-12/schema"

// decode reads a JSON document the way schema.Validate wants it: generic
// values, numbers as json.Number.
func decode(t testing.TB, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decoding %s: %v", b, err)
	}
	return v
}

// compile compiles the committed schema of kind on its own, with a fresh
// compiler of santhosh-tekuri/jsonschema (draft 2020-12, formats asserted),
// as a program outside the SDK would. Compiling validates the schema
// against the draft's metaschema.
func compile(t testing.TB, kind string) *jsonschema.Schema {
	t.Helper()
	b, err := schema.JSON(kind)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", schema.FileName(kind), err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(schema.URL(kind), doc); err != nil {
		t.Fatalf("%s: %v", schema.FileName(kind), err)
	}
	s, err := c.Compile(schema.URL(kind))
	if err != nil {
		t.Fatalf("%s does not compile: %v", schema.FileName(kind), err)
	}
	return s
}

func TestNames(t *testing.T) {
	names := schema.Names()
	// The document kinds of issue 4 are always there.
	for _, k := range []string{schema.Framework, schema.Profile, schema.Result, schema.Ranking} {
		if !slices.Contains(names, k) {
			t.Errorf("Names() = %v lacks %q", names, k)
		}
	}
	if got := slices.Compact(slices.Sorted(slices.Values(names))); len(got) != len(names) {
		t.Errorf("Names() = %v has repeats", names)
	}
	// Every committed schema file is a kind, and every kind has one.
	files, err := filepath.Glob("*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, k := range names {
		want = append(want, schema.FileName(k))
	}
	slices.Sort(want)
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("committed schema files vs Names() (-kinds +files):\n%s", diff)
	}
	if got := schema.FileName(schema.Profile); got != "profile.schema.json" {
		t.Errorf("FileName(profile) = %q", got)
	}
	if got, want := schema.URL(schema.Framework), "https://wlpmodel.github.io/wlp/schema/framework.schema.json"; got != want {
		t.Errorf("URL(framework) = %q, want %q", got, want)
	}
}

func TestSchemasCompile(t *testing.T) {
	for _, kind := range schema.Names() {
		t.Run(kind, func(t *testing.T) {
			compile(t, kind)
			b, err := schema.JSON(kind)
			if err != nil {
				t.Fatal(err)
			}
			var head struct {
				Schema string `json:"$schema"`
				ID     string `json:"$id"`
				Title  string `json:"title"`
			}
			if err := json.Unmarshal(b, &head); err != nil {
				t.Fatal(err)
			}
			want := struct{ Schema, ID string }{draft202012, schema.URL(kind)}
			got := struct{ Schema, ID string }{head.Schema, head.ID}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("$schema and $id (-want +got):\n%s", diff)
			}
			if head.Title == "" {
				t.Error("the schema has no title")
			}
			// The embedded schema is the committed file.
			file, err := os.ReadFile(schema.FileName(kind))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b, file) {
				t.Errorf("schema.JSON(%q) differs from the committed %s", kind, schema.FileName(kind))
			}
		})
	}
}

func TestJSONReturnsACopy(t *testing.T) {
	b, err := schema.JSON(schema.Profile)
	if err != nil {
		t.Fatal(err)
	}
	want := string(b)
	for i := range b {
		b[i] = 'x'
	}
	again, err := schema.JSON(schema.Profile)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != want {
		t.Error("changing the bytes JSON returned changed the next call's result")
	}
}

func TestUnknownKind(t *testing.T) {
	for _, kind := range []string{"", "job", "Framework", "profile.schema.json", "framework "} {
		if b, err := schema.JSON(kind); err == nil || b != nil {
			t.Errorf("JSON(%q) = %d bytes, %v; want nil, an error", kind, len(b), err)
		} else if !strings.HasPrefix(err.Error(), "schema: ") {
			t.Errorf("JSON(%q) error %q does not start with \"schema: \"", kind, err)
		}
		if ps, err := schema.Validate(kind, map[string]any{}); err == nil || ps != nil {
			t.Errorf("Validate(%q) = %v, %v; want nil, an error", kind, ps, err)
		} else if !strings.HasPrefix(err.Error(), "schema: ") {
			t.Errorf("Validate(%q) error %q does not start with \"schema: \"", kind, err)
		}
	}
}

// walk calls visit with every subschema of s and its JSON pointer within
// the schema document. It knows where the keywords of draft 2020-12 hold
// subschemas, so that the names of properties are never taken for schemas.
func walk(ptr string, s any, visit func(ptr string, s map[string]any)) {
	m, ok := s.(map[string]any)
	if !ok {
		return // a boolean schema
	}
	visit(ptr, m)
	for _, kw := range []string{"additionalProperties", "items", "propertyNames", "not", "if", "then", "else", "contains", "unevaluatedProperties", "unevaluatedItems"} {
		if sub, ok := m[kw]; ok {
			walk(ptr+"/"+kw, sub, visit)
		}
	}
	for _, kw := range []string{"properties", "$defs", "patternProperties", "dependentSchemas"} {
		if subs, ok := m[kw].(map[string]any); ok {
			for name, sub := range subs {
				walk(ptr+"/"+kw+"/"+name, sub, visit)
			}
		}
	}
	for _, kw := range []string{"anyOf", "oneOf", "allOf", "prefixItems"} {
		if subs, ok := m[kw].([]any); ok {
			for i, sub := range subs {
				walk(ptr+"/"+kw+"/"+itoa(i), sub, visit)
			}
		}
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// TestObjectsAreClosed walks every schema: each object with named
// properties forbids others (additionalProperties: false), as the Go
// decoder rejects unknown fields, and the only open-ended objects are maps
// (such as a profile's ratings) whose keys must be well-formed IDs and
// whose values have a schema.
func TestObjectsAreClosed(t *testing.T) {
	mustMap := map[string][]string{
		schema.Profile:   {"/$defs/Profile/properties/ratings", "/$defs/Review/properties/carried", "/$defs/Review/properties/levels"},
		schema.Framework: {"/$defs/CASESource/properties/clusters", "/$defs/CASESource/properties/items", "/$defs/CASESource/properties/targets"},
	}
	for _, kind := range schema.Names() {
		t.Run(kind, func(t *testing.T) {
			b, err := schema.JSON(kind)
			if err != nil {
				t.Fatal(err)
			}
			var s any
			if err := json.Unmarshal(b, &s); err != nil {
				t.Fatal(err)
			}
			var open []string
			maps := map[string]bool{}
			objects := 0
			walk("", s, func(ptr string, m map[string]any) {
				_, hasProps := m["properties"]
				if m["type"] != "object" && !hasProps {
					return
				}
				if _, typed := m["type"]; !typed && strings.Contains(ptr, "/anyOf/") {
					return // an untyped alternative adds constraints to its object, which is closed
				}
				objects++
				ap, set := m["additionalProperties"]
				switch {
				case hasProps && ap != false:
					open = append(open, ptr)
				case !hasProps:
					sub, isSchema := ap.(map[string]any)
					if !set || !isSchema || len(sub) == 0 {
						open = append(open, ptr)
						return
					}
					names, _ := m["propertyNames"].(map[string]any)
					if names["pattern"] != competency.IDPattern {
						open = append(open, ptr+" (keys not constrained to IDs)")
					}
					maps[ptr] = true
				}
			})
			if objects < 2 {
				t.Fatalf("found %d object schemas; the walk is broken", objects)
			}
			if len(open) > 0 {
				slices.Sort(open)
				t.Errorf("objects that allow unknown properties: %v", open)
			}
			for _, ptr := range mustMap[kind] {
				if !maps[ptr] {
					t.Errorf("%s is not a map with ID keys; maps found: %v", ptr, maps)
				}
			}
			if len(maps) != len(mustMap[kind]) {
				t.Errorf("the %s schema has maps %v, want only %v", kind, maps, mustMap[kind])
			}
		})
	}
}

// TestIDConstraintsMatchGo checks that every ID in the framework and
// profile schemas has the pattern and length of competency.ValidID.
func TestIDConstraintsMatchGo(t *testing.T) {
	for _, kind := range []string{schema.Framework, schema.Profile} {
		b, err := schema.JSON(kind)
		if err != nil {
			t.Fatal(err)
		}
		var s any
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatal(err)
		}
		n := 0
		walk("", s, func(ptr string, m map[string]any) {
			if m["pattern"] != competency.IDPattern {
				return
			}
			n++
			got := [2]any{m["minLength"], m["maxLength"]}
			want := [2]any{1.0, float64(competency.MaxIDLen)}
			if got != want {
				t.Errorf("%s %s: minLength, maxLength = %v, want %v", kind, ptr, got, want)
			}
		})
		if n == 0 {
			t.Errorf("%s: no ID schemas found", kind)
		}
	}
}
