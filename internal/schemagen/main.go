// Command schemagen writes the JSON Schemas of the wlp documents, reflected
// from the Go types with their doc comments as descriptions. Run it
// through `go generate ./...`; it must run inside the source tree, where
// the comments are.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

func main() {
	out := flag.String("out", "schema", "the folder to write the schemas to")
	root := flag.String("root", "", "the module's root folder (default: found from the working directory)")
	flag.Parse()
	dir := *root
	if dir == "" {
		var err error
		if dir, err = moduleRoot(); err != nil {
			fail(err)
		}
	}
	files, err := generate(dir)
	if err != nil {
		fail(err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "schemagen:", err)
	os.Exit(1)
}

// moduleRoot walks up from the working directory to the folder with go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// idSchema is the schema of a competency, area, cluster, role or job ID.
func idSchema(desc string) *jsonschema.Schema {
	one, max := uint64(1), uint64(competency.MaxIDLen)
	return &jsonschema.Schema{Type: "string", Pattern: competency.IDPattern, MinLength: &one, MaxLength: &max, Description: desc}
}

func levelSchema() *jsonschema.Schema {
	var names []string
	for _, l := range competency.DefaultScale().Levels {
		names = append(names, fmt.Sprintf("%d %s", l.Level, l.Name))
	}
	return &jsonschema.Schema{
		Type:        "integer",
		Minimum:     json.Number(fmt.Sprint(int(competency.MinLevel))),
		Maximum:     json.Number(fmt.Sprint(int(competency.MaxLevel))),
		Description: "A proficiency level: " + strings.Join(names, ", ") + ".",
	}
}

// mapper gives the SDK's named scalar types their constraints. It returns
// a fresh schema on every call, because field tags edit it in place.
func mapper(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[competency.ID]():
		return idSchema("A competency or area ID: lower-case ASCII words joined by hyphens.")
	case reflect.TypeFor[role.ID]():
		return idSchema("A role or job ID: lower-case ASCII words joined by hyphens.")
	case reflect.TypeFor[competency.Cluster]():
		s := idSchema("A cluster ID. The model's clusters are interpersonal, business-management and personal; a framework may declare more under clusters.")
		s.Examples = []any{string(competency.Interpersonal), string(competency.BusinessManagement), string(competency.Personal)}
		return s
	case reflect.TypeFor[competency.Level]():
		return levelSchema()
	case reflect.TypeFor[profile.Source]():
		enum := []any{""}
		for _, s := range profile.Sources() {
			enum = append(enum, string(s))
		}
		return &jsonschema.Schema{Type: "string", Enum: enum, Description: "Who gave the rating; empty means unstated."}
	case reflect.TypeFor[match.Confidence]():
		return &jsonschema.Schema{Type: "string", Enum: []any{"no", "low", "high", "exact"},
			Description: "The confidence grade: exact when every requirement is met, else high, low or no by the fit thresholds."}
	case reflect.TypeFor[match.Kind]():
		return &jsonschema.Schema{Type: "string", Enum: []any{string(match.KindRole), string(match.KindJob)}}
	}
	return nil
}

// generate reflects every document kind and returns the files by name.
func generate(root string) (map[string][]byte, error) {
	r := &jsonschema.Reflector{Mapper: mapper}
	prev, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	// AddGoComments names packages by their folder relative to the working
	// directory, so it must run from the module's root.
	if err := os.Chdir(root); err != nil {
		return nil, err
	}
	err = r.AddGoComments("github.com/wlpmodel/wlp", "./", jsonschema.WithFullComment())
	if cerr := os.Chdir(prev); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	for k, c := range r.CommentMap {
		r.CommentMap[k] = tidy(c)
	}
	docs := []struct {
		kind, title string
		v           any
	}{
		{schema.Framework, "wlp framework", wlp.Spec{}},
		{schema.Profile, "wlp profile", profile.Profile{}},
		{schema.Result, "wlp match result", match.Result{}},
		{schema.Ranking, "wlp ranking", []match.Ranked{}},
		{schema.Team, "wlp team report", match.TeamReport{}},
		{schema.Assignment, "wlp hat assignment", match.Assignment{}},
		{schema.Plan, "wlp development plan", match.Plan{}},
		{schema.Crosswalk, "wlp crosswalk", crosswalk.Crosswalk{}},
		{schema.Migration, "wlp migration report", crosswalk.Report{}},
		{schema.Diff, "wlp framework diff", diff.Changes{}},
	}
	out := map[string][]byte{}
	for _, d := range docs {
		s := r.Reflect(d.v)
		s.ID = jsonschema.ID(schema.URL(d.kind))
		s.Title = d.title
		if job, ok := s.Definitions["Job"]; ok {
			// A job needs roles or requirements of its own (or both).
			one := uint64(1)
			roles, reqs := jsonschema.NewProperties(), jsonschema.NewProperties()
			roles.Set("roles", &jsonschema.Schema{Type: "array", MinItems: &one})
			reqs.Set("requirements", &jsonschema.Schema{Type: "array", MinItems: &one})
			job.AnyOf = []*jsonschema.Schema{
				{Required: []string{"roles"}, Properties: roles},
				{Required: []string{"requirements"}, Properties: reqs},
			}
		}
		if d.kind == schema.Profile {
			// Rating IDs are map keys, which reflection cannot constrain.
			ratings, _ := s.Definitions["Profile"].Properties.Get("ratings")
			ratings.PropertyNames = idSchema("")
			levels, _ := s.Definitions["Review"].Properties.Get("levels")
			levels.PropertyNames = idSchema("")
			one := uint64(1)
			levels.MinProperties = &one // a review rates something
			carried, _ := s.Definitions["Review"].Properties.Get("carried")
			carried.PropertyNames = idSchema("")
			// An empty date means "no date", as in the Go type.
			for _, def := range []string{"Rating", "Review"} {
				at, _ := s.Definitions[def].Properties.Get("assessedAt")
				at.AnyOf = []*jsonschema.Schema{{Const: ""}, {Type: "string", Format: at.Format, Pattern: at.Pattern}}
				at.Format, at.Pattern = "", ""
			}
		}
		if src, ok := s.Definitions["CASESource"]; ok {
			// Its maps are keyed by the framework's IDs.
			for _, name := range []string{"clusters", "items", "targets"} {
				m, _ := src.Properties.Get(name)
				m.PropertyNames = idSchema("")
			}
		}
		if d.kind == schema.Ranking {
			s.Description = "A ranking: people best first, each with their match result."
		}
		b, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			return nil, err
		}
		out[schema.FileName(d.kind)] = append(b, '\n')
	}
	return out, nil
}

// tidy joins the lines of each paragraph of a doc comment, so descriptions
// read as prose in a schema. It leaves out paragraphs that begin "In Go,":
// they speak of Go values (memory, sharing), not of the document.
func tidy(c string) string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(c), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); !strings.HasPrefix(p, "In Go,") {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}
