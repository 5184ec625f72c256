// Package schema holds the JSON Schemas (draft 2020-12) of the documents
// the wlp SDK reads and writes, and validates documents against them.
//
// The schemas are generated from the Go types by `go generate ./...` (the
// descriptions are the types' doc comments) and committed beside this file
// as framework.schema.json, profile.schema.json, result.schema.json,
// ranking.schema.json, team.schema.json, assignment.schema.json,
// plan.schema.json, crosswalk.schema.json, migration.schema.json and
// diff.schema.json; they are embedded, so validation works in an
// installed binary. Programs in other languages can use the same files
// with any draft 2020-12 validator.
package schema

import (
	"embed"
	"fmt"
	"slices"
	"strings"
)

//go:generate go run ../internal/schemagen -out .

// The document kinds that have a schema.
const (
	Framework = "framework" // a framework: wlp.Spec
	Profile   = "profile"   // a person profile: profile.Profile
	Result    = "result"    // one match result: match.Result
	Ranking   = "ranking"   // a ranking: an array of match.Ranked

	Team       = "team"       // a team's coverage and gap plan: what `wlp team -json` prints
	Assignment = "assignment" // a hat assignment: match.Assignment
	Plan       = "plan"       // a development plan: match.Plan

	Crosswalk = "crosswalk" // a crosswalk between two frameworks: crosswalk.Crosswalk
	Migration = "migration" // a person's migration report: crosswalk.Report

	Diff = "diff" // what changed between two frameworks: diff.Changes, what `wlp diff -json` prints
)

// BaseURL is the prefix of every schema's $id; the file name follows it.
const BaseURL = "https://wlpmodel.github.io/wlp/schema/"

//go:embed *.schema.json
var files embed.FS

// Names returns the document kinds that have a schema, in a fixed order.
func Names() []string {
	return []string{Framework, Profile, Result, Ranking, Team, Assignment, Plan, Crosswalk, Migration, Diff}
}

// FileName returns the file name of kind's schema, such as
// "profile.schema.json".
func FileName(kind string) string { return kind + ".schema.json" }

// URL returns the $id of kind's schema.
func URL(kind string) string { return BaseURL + FileName(kind) }

// JSON returns the schema of a document kind, as committed. The caller may
// change the returned bytes.
func JSON(kind string) ([]byte, error) {
	if !slices.Contains(Names(), kind) {
		return nil, fmt.Errorf("schema: unknown document kind %q (want %s)", kind, strings.Join(Names(), ", "))
	}
	return files.ReadFile(FileName(kind))
}
