package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/wlpmodel/wlp/schema"
)

// The document kinds that have a schema, with the file and $id of each.
func ExampleNames() {
	for _, k := range schema.Names() {
		fmt.Println(k, schema.FileName(k))
	}
	fmt.Println(schema.URL(schema.Profile))
	// Output:
	// framework framework.schema.json
	// profile profile.schema.json
	// result result.schema.json
	// ranking ranking.schema.json
	// team team.schema.json
	// assignment assignment.schema.json
	// plan plan.schema.json
	// crosswalk crosswalk.schema.json
	// migration migration.schema.json
	// diff diff.schema.json
	// https://wlpmodel.github.io/wlp/schema/profile.schema.json
}

// JSON returns a schema as committed, ready to hand to a validator or a
// form builder in any language.
func ExampleJSON() {
	b, err := schema.JSON(schema.Profile)
	if err != nil {
		fmt.Println(err)
		return
	}
	var s struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
		Title  string `json:"title"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Schema)
	fmt.Println(s.ID)
	fmt.Println(s.Title)

	_, err = schema.JSON("person")
	fmt.Println(err)
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// https://wlpmodel.github.io/wlp/schema/profile.schema.json
	// wlp profile
	// schema: unknown document kind "person" (want framework, profile, result, ranking, team, assignment, plan, crosswalk, migration, diff)
}

// Validate checks a decoded document against its schema and lists every
// place where it breaks it.
func ExampleValidate() {
	doc := []byte(`{"id": "alex", "colour": "blue", "ratings": {"coaching": {"level": 9, "source": "self"}}}`)
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		fmt.Println(err)
		return
	}
	probs, err := schema.Validate(schema.Profile, v)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range probs {
		fmt.Println(p)
	}
	// Output:
	// /colour: unknown field "colour"
	// /ratings/coaching/level: 9 is above the highest value allowed, 5
}
