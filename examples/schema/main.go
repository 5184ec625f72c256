// Command schema writes the JSON Schemas of the documents the wlp SDK
// reads and writes (framework, profile, match result and ranking) and the
// default framework's self-assessment form schema to a folder, and says
// what each file is for. Programs in other languages validate documents
// with the first four; a form builder such as react-jsonschema-form
// renders the last as a form.
//
//	go run ./examples/schema [-o DIR]
//
// Without -o it writes to a new temporary folder, whose path it prints on
// standard error.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/schema"
)

// uses says what each generic schema describes.
var uses = map[string]string{
	schema.Framework:  "a framework document: competencies, areas, roles and jobs",
	schema.Profile:    "a person's profile: ratings with their source and evidence",
	schema.Result:     "one match result: fit, confidence, outcomes, parts and gaps",
	schema.Ranking:    "a ranking: people best first, each with their result",
	schema.Team:       "a team's coverage: who covers what, its gaps, develop or hire",
	schema.Assignment: "a hat assignment: each role's wearer and fit, and the total",
	schema.Plan:       "a development plan: the steps that raise a fit, in order",
	schema.Crosswalk:  "a crosswalk: which item of one framework maps to which of another, and how",
	schema.Migration:  "a migration report: where each carried rating came from, what was lost",
	schema.Diff:       "a framework diff: what was added, removed and changed, and fits before and after",
}

func main() {
	dir := flag.String("o", "", "the folder to write to (default: a new temporary folder)")
	flag.Parse()
	if *dir == "" {
		d, err := os.MkdirTemp("", "wlp-schemas-")
		if err != nil {
			fail(err)
		}
		*dir = d
	} else if err := os.MkdirAll(*dir, 0o755); err != nil {
		fail(err)
	}
	fmt.Fprintln(os.Stderr, "writing to", *dir)

	fmt.Println("JSON Schemas (draft 2020-12) of the wlp documents:")
	for _, kind := range schema.Names() {
		b, err := schema.JSON(kind)
		if err != nil {
			fail(err)
		}
		name := schema.FileName(kind)
		write(*dir, name, b)
		fmt.Printf("  %-24s %s\n  %-24s $id %s\n", name, uses[kind], "", idOf(b))
	}

	f := wlp.Default()
	form, err := f.ProfileSchema()
	if err != nil {
		fail(err)
	}
	name := f.ID() + ".profile.schema.json"
	write(*dir, name, form)
	fmt.Printf("\nThe self-assessment form of the %q framework:\n", f.ID())
	fmt.Printf("  %s: %d rating fields (%d competencies, then %d areas), each a level from 0 to 5\n",
		name, fields(form), len(f.Competencies()), len(f.Areas()))
	fmt.Printf("  $id %s\n", idOf(form))
}

// idOf returns a schema's $id.
func idOf(b []byte) string {
	var s struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		fail(err)
	}
	return s.ID
}

// fields counts the rating fields of a form schema.
func fields(form []byte) int {
	var s struct {
		Properties struct {
			Ratings struct {
				Properties map[string]struct {
					Ref string `json:"$ref"`
				} `json:"properties"`
			} `json:"ratings"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(form, &s); err != nil {
		fail(err)
	}
	// A rating field refers to the shared rating schema; the headings
	// between them ("Foundational competencies: Interpersonal") do not.
	n := 0
	for _, p := range s.Properties.Ratings.Properties {
		if p.Ref != "" {
			n++
		}
	}
	return n
}

func write(dir, name string, b []byte) {
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "schema:", err)
	os.Exit(1)
}
