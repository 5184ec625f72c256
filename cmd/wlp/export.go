package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
)

// newExport returns the export command, its flags bound to e.
func newExport(e *env) *Command {
	var table bool
	var template, out string
	var force bool
	var cx caseExport
	c := newCommand(&Command{
		Name:      "export",
		UsageLine: "wlp export [-framework FILE] [-json] [-csv] [-table] [-template csv|xlsx] [-case] [-crosswalk ID|FILE] [-from FRAMEWORK] [-to FRAMEWORK] [-strict] [-base-uri URI] [-changed TIME] [-creator BODY] [-o FILE] [-force]",
		Short:     "print the framework as JSON (-table: its IDs and names; -case: a CASE 1.1 package)",
		Long: `Export prints the framework (the embedded ASTD 2004 model, or the one
-framework names) as an indented JSON document, the form wlp.Load and
-framework read back. Start a framework of your own from it.

The document is JSON with or without -json. With -table it prints an
overview instead: every competency (under its cluster), area of expertise,
role and job with its ID, the IDs other commands take as TARGET.

With -csv (which implies -table) it prints the overview as CSV, one row
per competency, area, role and job, with the columns kind, id, name,
cluster (a competency's cluster ID), cluster_name, roles (a job's number
of roles) and requirements (a role's or job's own number of
requirements).

` + csvDoc + `

` + templateDoc + `

` + caseExportDoc,
		Example: `wlp export > astd-2004.json
wlp export -table
wlp export -template xlsx -o template.xlsx
` + caseExportExample,
		Run: func([]string) error {
			var others []string
			for _, o := range []struct {
				set  bool
				name string
			}{{table, "-table"}, {e.csv, "-csv"}, {e.json, "-json"}, {template != "", "-template"}} {
				if o.set {
					others = append(others, o.name)
				}
			}
			if err := cx.check(e, others...); err != nil {
				return err
			}
			if cx.on {
				return runExportCase(e, cx, out, force)
			}
			if cx.xwalk != "" {
				return runExportCrosswalkDoc(e, cx, out, force)
			}
			if template != "" {
				if table || e.json || e.csv {
					return usageError("-template excludes -table, -json and -csv")
				}
				return runTemplate(e, template, out, force)
			}
			if out != "" || force {
				return usageError("-o and -force go with -template, -case or -crosswalk (the framework document goes to standard output)")
			}
			return runExport(e, table)
		},
	})
	c.commonFlags(e, "print the document as JSON (as without -table)")
	c.Flag.BoolVar(&table, "table", false, "print an overview of the IDs and names instead of the document")
	c.csvFlag(e)
	c.Flag.StringVar(&template, "template", "", "write an empty rating sheet for the framework, as `csv|xlsx`, to fill in and import")
	c.Flag.StringVar(&out, "o", "", "with -template, -case or -crosswalk, write the sheet, package or crosswalk to `FILE` (\"-\" for standard output)")
	c.Flag.BoolVar(&force, "force", false, "with -template, -case or -crosswalk and -o, write over a FILE that exists (a filled-in sheet would be lost)")
	c.caseExportFlags(&cx)
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
	if e.csv {
		return exportCSV(e, f)
	}
	if !table {
		b, err := frameworkJSON(f)
		if err != nil {
			return err
		}
		_, err = e.stdout.Write(b)
		return err
	}
	say(e.stdout, "%s (id %s, version %s)\n\n", brief(f.Name()), brief(f.ID()), brief(f.Version()))
	t := newTable(e.stdout)
	t.row("ID", "NAME")
	t.wrap(1)
	t.give(1)
	var cluster competency.Cluster
	for i, c := range f.Competencies() {
		if i == 0 || c.Cluster != cluster {
			cl, _ := f.Cluster(c.Cluster)
			heading := cmp.Or(cl.Name, string(c.Cluster))
			if !strings.HasPrefix(strings.ToLower(heading), "foundational") {
				heading = "Foundational competencies, " + heading // not "Foundational competencies, Foundational competencies"
			}
			t.section(heading + ":")
			cluster = c.Cluster
		}
		t.row(string(c.ID), c.Name)
	}
	for i, a := range f.Areas() {
		if i == 0 {
			t.section("Areas of expertise:")
		}
		t.row(string(a.ID), a.Name)
	}
	for i, r := range f.Roles() {
		if i == 0 {
			t.section("Roles:")
		}
		t.row(string(r.ID), fmt.Sprintf("%s (%s)", r.Name, plural(len(r.Requirements), "requirement")))
	}
	for i, j := range f.Jobs() {
		if i == 0 {
			t.section("Jobs:")
		}
		t.row(string(j.ID), fmt.Sprintf("%s (%s, %s)", j.Title, plural(len(j.Roles), "role"), plural(len(j.Requirements), "own requirement")))
	}
	return t.flush()
}

// frameworkJSON returns f's document as export prints it: indented JSON
// and a final newline.
func frameworkJSON(f *wlp.Framework) ([]byte, error) {
	b, err := f.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// exportCSV writes the framework's overview as export's help says.
func exportCSV(e *env, f *wlp.Framework) error {
	t := newCSV(e.stdout, "kind", "id", "name", "cluster", "cluster_name", "roles", "requirements")
	for _, c := range f.Competencies() {
		cl, _ := f.Cluster(c.Cluster)
		t.row("competency", string(c.ID), c.Name, string(c.Cluster), cl.Name, "", "")
	}
	for _, a := range f.Areas() {
		t.row("area", string(a.ID), a.Name, "", "", "", "")
	}
	for _, r := range f.Roles() {
		t.row("role", string(r.ID), r.Name, "", "", "", fmt.Sprint(len(r.Requirements)))
	}
	for _, j := range f.Jobs() {
		t.row("job", string(j.ID), j.Title, "", "", fmt.Sprint(len(j.Roles)), fmt.Sprint(len(j.Requirements)))
	}
	return t.flush()
}
