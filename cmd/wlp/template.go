package main

import (
	"bytes"
	"fmt"

	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/problem"
)

// templateDoc explains -template in export's help.
const templateDoc = `With -template csv or -template xlsx it writes instead an empty rating
sheet for the framework, one row per person to fill in: the columns id,
name, source and date, then one per competency and area, headed by its name
and, in brackets, its ID ("Building Trust (building-trust)"), which is what
people read and what wlp import reads back. The workbook adds a drop-down of
levels in each rating cell, and sheets that explain the scale and every
competency and area. Hand it out, collect it, and import it:

  wlp export -template xlsx -o ratings.xlsx
  (fill in one row per person)
  wlp import -o profiles ratings.xlsx
  wlp rank business-partner profiles`

// runTemplate is `wlp export -template FORMAT [-o FILE]`.
func runTemplate(e *env, format, out string) error {
	fm, err := people.ParseFormat(format)
	if err != nil || (fm != people.CSV && fm != people.XLSX) {
		return usageError(fmt.Sprintf("unknown -template format %s (want csv or xlsx)", problem.Quote(format)))
	}
	if fm == people.XLSX && out == "" {
		return usageError("a workbook is binary: write it to a file with -o FILE (such as -o ratings.xlsx), or to standard output with -o -")
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
