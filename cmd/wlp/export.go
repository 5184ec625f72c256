package main

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// newExport returns the export command, its flags bound to e.
func newExport(e *env) *Command {
	var table bool
	c := newCommand(&Command{
		Name:      "export",
		UsageLine: "wlp export [-framework FILE] [-json] [-table]",
		Short:     "print the framework as JSON (-table: an overview of its IDs and names)",
		Long: `Export prints the framework (the embedded ASTD 2004 model, or the one
-framework names) as an indented JSON document, the form wlp.Load and
-framework read back. Start a framework of your own from it.

The document is JSON with or without -json. With -table it prints an
overview instead: every competency, area of expertise, role and job with its
ID, the IDs other commands take as TARGET.`,
		Example: `wlp export > astd-2004.json
wlp export -table`,
		Run: func([]string) error { return runExport(e, table) },
	})
	c.commonFlags(e, "print the document as JSON (as without -table)")
	c.Flag.BoolVar(&table, "table", false, "print an overview of the IDs and names instead of the document")
	return c
}

// runExport is `wlp export`.
func runExport(e *env, table bool) error {
	if table && e.json {
		return usageError("-table and -json exclude each other")
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	if !table {
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
