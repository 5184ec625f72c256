package main

import (
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/schema"
)

// newSchema returns the schema command, its flags bound to e.
func newSchema(e *env) *Command {
	var forFramework bool
	c := newCommand(&Command{
		Name:      "schema",
		UsageLine: "wlp schema [-framework FILE] [-json] [-for-framework] " + strings.Join(schema.Names(), "|"),
		Short:     "print a JSON Schema: " + orList(schema.Names()),
		Long: `Schema prints the JSON Schema (draft 2020-12) of a document kind, as
embedded in wlp: framework (a framework document, as export prints),
profile (a person's ratings and reviews), result (one score -json result),
ranking (rank -json's array), team (team -json's report), assignment
(assign -json's hats), plan (plan -json's steps) or migration (a line of
migrate -report: what migrating one person carried, lost and left to
assess).

With -for-framework, "wlp schema profile" prints instead the schema of
profiles of one framework alone (the default, or the one -framework names):
a heading per cluster and one for the areas, and a field per competency
and area, titled with its name, whose choices are "Not rated" and the
levels by name. react-jsonschema-form 6 renders it as a self-assessment
form as it is, with no uiSchema and either of its validators. For a page
that needs no form builder at all, see "wlp form".

The schema is JSON with or without -json.`,
		Example: `wlp schema result > result.schema.json
wlp schema team > team.schema.json
wlp schema profile -for-framework > self-assessment.schema.json`,
		MinArgs: 1,
		MaxArgs: 1,
		Run:     func(args []string) error { return runSchema(e, args[0], forFramework) },
	})
	c.commonFlags(e, "print the schema (it is JSON with or without -json)")
	c.Flag.BoolVar(&forFramework, "for-framework", false, "with profile: the form schema of the framework's own profiles")
	return c
}

// runSchema is `wlp schema KIND`.
func runSchema(e *env, kind string, forFramework bool) error {
	if _, err := schema.JSON(kind); err != nil {
		return usageError(fmt.Sprintf("unknown document kind %s (want %s)", problem.Quote(kind), orList(schema.Names())))
	}
	if forFramework {
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
