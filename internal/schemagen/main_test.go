package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/schema"
)

// TestCommittedSchemasAreCurrent fails when a committed schema differs from
// what the Go types and their comments generate: run `go generate ./...`.
func TestCommittedSchemasAreCurrent(t *testing.T) {
	files, err := generate(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(schema.Names()) {
		t.Errorf("generated %d schemas, want one per kind (%d)", len(files), len(schema.Names()))
	}
	for _, kind := range schema.Names() {
		name := schema.FileName(kind)
		want, ok := files[name]
		if !ok {
			t.Errorf("%s was not generated", name)
			continue
		}
		got, err := os.ReadFile(filepath.Join("..", "..", "schema", name))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("schema/%s is stale; run go generate ./... (-generated +committed):\n%s", name, diff)
		}
	}
}

// TestDescriptionsComeFromComments checks that the doc comments reached
// the schemas, so a schema reader sees the same words as a Go reader.
func TestDescriptionsComeFromComments(t *testing.T) {
	files, err := generate(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"profile.schema.json":    "Rating is one proficiency rating of one competency or area.",
		"framework.schema.json":  "Weight is the requirement's importance relative to the other parts of its role or job",
		"result.schema.json":     "Gain is how much the target's fit would rise if this requirement alone were fully met.",
		"team.schema.json":       "TeamReport is what `wlp team -json` prints",
		"assignment.schema.json": "Hat is one role handed to one person.",
		"plan.schema.json":       "Step is one step of a development plan",
	} {
		if !contains(files[name], want) {
			t.Errorf("%s lacks the description %q", name, want)
		}
	}
}

func contains(b []byte, s string) bool { return strings.Contains(string(b), s) }

// TestTidy checks how doc comments become descriptions: lines of a
// paragraph joined, paragraphs kept apart, and paragraphs about Go values
// ("In Go, ...") left out.
func TestTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One line.", "One line."},
		{"  Two\n\tlines.\n", "Two lines."},
		{"First.\n\nSecond\nparagraph.", "First.\n\nSecond paragraph."},
		{"About the data.\n\nIn Go, the slice\nis shared.", "About the data."},
		{"In Go, only this.", ""},
		{"Keep.\n\nIn Go, drop.\n\nKeep too.", "Keep.\n\nKeep too."},
		{"Says In Go, mid-paragraph.", "Says In Go, mid-paragraph."},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tidy(tt.in)); diff != "" {
			t.Errorf("tidy(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}
