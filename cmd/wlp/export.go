package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/schema"
)

var exportCmd = &command{
	name:  "export",
	args:  "[-framework FILE] [-table]",
	short: "print the framework as JSON (-table: an overview of its IDs and names)",
	long: `Export prints the framework (the embedded ASTD 2004 model, or the one
-framework names) as an indented JSON document, the form wlp.Load and
-framework read back. Start a framework of your own from it.

The document is JSON with or without -json. With -table it prints an
overview instead: every competency, area of expertise, role and job with its
ID, the IDs other commands take as TARGET.`,
	example: `wlp export > astd-2004.json
wlp export -table`,
	maxArgs: 0,
	jsonDoc: "print the document as JSON (as without -table)",
	flags: func(fs *flag.FlagSet, e *env) {
		fs.BoolVar(&e.table, "table", false, "print an overview of the IDs and names instead of the document")
	},
	run: runExport,
}

func runExport(e *env, _ []string) error {
	if e.table && e.json {
		return usageError("-table and -json exclude each other")
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	if !e.table {
		b, err := f.MarshalJSON()
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := json.Indent(&out, b, "", "  "); err != nil {
			return err
		}
		out.WriteByte('\n')
		_, err = e.stdout.Write(out.Bytes())
		return err
	}
	fmt.Fprintf(e.stdout, "%s (id %s, version %s)\n\n", clean(f.Name()), clean(f.ID()), clean(f.Version()))
	t := newTable(e.stdout)
	t.row("KIND", "ID", "NAME", "GROUP")
	for _, c := range f.Competencies() {
		cl, _ := f.Cluster(c.Cluster)
		t.row("competency", string(c.ID), c.Name, cl.Name)
	}
	for _, a := range f.Areas() {
		t.row("area", string(a.ID), a.Name, "area of expertise")
	}
	for _, r := range f.Roles() {
		t.row("role", string(r.ID), r.Name, plural(len(r.Requirements), "requirement"))
	}
	for _, j := range f.Jobs() {
		t.row("job", string(j.ID), j.Title, fmt.Sprintf("%s, %s", plural(len(j.Roles), "role"), plural(len(j.Requirements), "own requirement")))
	}
	return t.flush()
}

var schemaCmd = &command{
	name:  "schema",
	args:  "[-framework FILE] [-for-framework] " + strings.Join(schema.Names(), "|"),
	short: "print a JSON Schema: " + orList(schema.Names()),
	long: `Schema prints the JSON Schema (draft 2020-12) of a document kind, as
embedded in wlp: framework (a framework document, as export prints),
profile (a person's ratings and reviews), result (one score -json result),
ranking (rank -json's array), team (team -json's report), assignment
(assign -json's hats) or plan (plan -json's steps).

With -for-framework, "wlp schema profile" prints instead the schema of
profiles of one framework alone (the default, or the one -framework names):
one field per competency and area, titled with its name, with the level as
a labelled choice. Form builders such as react-jsonschema-form render it as
a self-assessment form.

The schema is JSON with or without -json.`,
	example: `wlp schema result > result.schema.json
wlp schema team > team.schema.json
wlp schema profile -for-framework > self-assessment.schema.json`,
	minArgs: 1,
	maxArgs: 1,
	jsonDoc: "print the schema (it is JSON with or without -json)",
	flags: func(fs *flag.FlagSet, e *env) {
		fs.BoolVar(&e.forFramework, "for-framework", false, "with profile: the form schema of the framework's own profiles")
	},
	run: runSchema,
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func runSchema(e *env, args []string) error {
	kind := args[0]
	if _, err := schema.JSON(kind); err != nil {
		return usageError(fmt.Sprintf("unknown document kind %s (want %s)", problem.Quote(kind), orList(schema.Names())))
	}
	if e.forFramework {
		if kind != schema.Profile {
			return usageError("-for-framework goes with profile only")
		}
		f, err := e.loadFramework()
		if err != nil {
			return err
		}
		b, err := f.ProfileSchema()
		if err != nil {
			return err
		}
		_, err = e.stdout.Write(b)
		return err
	}
	if e.framework != "" {
		// The generic schemas do not depend on a framework; load it anyway
		// so that a bad -framework is reported, not ignored.
		if _, err := e.loadFramework(); err != nil {
			return err
		}
	}
	b, err := schema.JSON(kind)
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(b)
	return err
}
