package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/problem"
)

// templateDoc explains -template in export's help.
const templateDoc = `With -template csv or -template xlsx it writes instead an empty rating
sheet for the framework, one row per person to fill in: the columns id,
name, source and date, then one per competency and area, headed by its name
and, in brackets, its ID ("Building trust (building-trust)"), which is what
people read and what wlp import reads back. The workbook adds a drop-down of
levels in each rating cell, and sheets that explain the scale and every
competency and area. Hand it out, collect it, and import it:

  wlp export -template xlsx -o template.xlsx
  (copies filled in, one row per person, saved in the folder filled)
  wlp import -o profiles filled
  wlp rank business-partner profiles

-o never writes over a file that exists, which may be a filled-in sheet,
unless -force is given.`

// runTemplate is `wlp export -template FORMAT [-o FILE] [-force]`. It
// refuses to write over an existing file without force.
func runTemplate(e *env, format, out string, force bool) error {
	fm, err := people.ParseFormat(format)
	if err != nil || (fm != people.CSV && fm != people.XLSX) {
		return usageError(fmt.Sprintf("unknown -template format %s (want csv or xlsx)", problem.Quote(format)))
	}
	if fm == people.XLSX && out == "" {
		return usageError("a workbook is binary: write it to a file with -o FILE (such as -o template.xlsx), or to standard output with -o -")
	}
	if force && (out == "" || out == "-") {
		return usageError("-force goes with -o FILE")
	}
	if fi, err := os.Stat(out); err == nil && out != "-" && fi.Mode().IsRegular() && !force {
		// The file may be the sheet people filled in: the round trip
		// writes a template, then reads the filled one back.
		return fmt.Errorf("%s: the file exists, and may be a filled-in sheet: nothing was written; "+
			"pass -force to write over it, or write the template to another file", display(out))
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := people.WriteTemplate(&b, f, fm); err != nil {
		return err
	}
	return e.writeOut(out, b.Bytes())
}
