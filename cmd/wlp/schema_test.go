package main

import (
	"slices"
	"testing"

	"github.com/wlpmodel/wlp/schema"
)

// TestSchemaKinds checks that `wlp schema KIND` prints the embedded schema
// of every kind, the new ones included.
func TestSchemaKinds(t *testing.T) {
	for _, kind := range schema.Names() {
		r := runWLP("", "schema", kind)
		want, err := schema.JSON(kind)
		if err != nil {
			t.Fatal(err)
		}
		if r.code != 0 || r.stdout != string(want) {
			t.Errorf("schema %s: exit %d, %d bytes; want the embedded %d bytes", kind, r.code, len(r.stdout), len(want))
		}
	}
	for _, kind := range []string{schema.Team, schema.Assignment, schema.Plan} {
		if !slices.Contains(schema.Names(), kind) {
			t.Errorf("schema.Names() lacks %q", kind)
		}
	}
}
