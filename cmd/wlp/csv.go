package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/competency"
)

// csvDoc explains the CSV form in the help of the commands that print it;
// each command's help lists its columns.
const csvDoc = `The CSV follows RFC 4180 (comma-separated, CRLF line ends, a header row
first) and pastes into a spreadsheet: numbers are plain (a fit of 53.6%
is 53.6, in a column whose name ends in _pct; gains in points end in
_pts), IDs and names have columns of their own, and levels are numbers. A text cell that
begins with =, +, -, @, a tab or a carriage return gets a single quote (')
before it, so that a spreadsheet shows it as text and never runs it as a
formula; numbers are written as they are.`

// csvFlag adds -csv, bound to e, to a command that prints a table.
func (c *Command) csvFlag(e *env) {
	c.Flag.BoolVar(&e.csv, "csv", false, "print the table as CSV, one row per record, with the columns the help lists")
}

// checkCSV reports -csv with -json as misuse: a command prints one form.
func (e *env) checkCSV() error {
	if e.csv && e.json {
		return usageError("-csv and -json exclude each other: choose one form of output")
	}
	return nil
}

// A csvTable writes the rows of a table as CSV (see csvDoc): a header
// row, then one record per row, each text cell defused (see csvCell).
// It writes as it goes, through a buffer of 4 KB.
type csvTable struct {
	w *csv.Writer
}

// newCSV returns a csvTable writing to w, its header row written.
func newCSV(w io.Writer, header ...string) *csvTable {
	t := &csvTable{csv.NewWriter(w)}
	t.w.UseCRLF = true
	t.row(header...)
	return t
}

// row writes one record.
func (t *csvTable) row(cells ...string) {
	rec := make([]string, len(cells))
	for i, c := range cells {
		rec[i] = csvCell(c)
	}
	t.w.Write(rec) // an error stays in the writer, for flush
}

// flush writes what the buffer holds and returns the first error of any
// write.
func (t *csvTable) flush() error {
	t.w.Flush()
	return t.w.Error()
}

// csvCell returns s as a CSV cell: cleaned of control characters (see
// clean), and, unless it is a plain number, with a single quote before it
// when it begins with a character that makes a spreadsheet read a
// formula: = + - @ (or their full-width forms), a tab or a carriage
// return. Cleaning has already made a tab or carriage return into the
// two characters \t or \r; they are listed for any cell that escapes it.
func csvCell(s string) string {
	s = clean(s)
	if s == "" || isNumber(s) {
		return s
	}
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune(formulaStarts, r) {
		return "'" + s
	}
	return s
}

// formulaStarts lists the characters that make a spreadsheet read a cell
// that begins with one as a formula.
const formulaStarts = "=+-@\t\r＝＋－＠"

// isNumber reports whether s is a plain decimal number: an optional minus,
// digits, and optionally a point and more digits.
func isNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	digits := func(d string) bool {
		if d == "" {
			return false
		}
		for _, r := range d {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	return digits(whole) && (!dot || digits(frac))
}

// csvPct writes a fraction as a percentage with one decimal, without the
// sign: 0.536 is "53.6".
func csvPct(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) }

// csvPts writes a gain in percentage points with one decimal: "2.5".
func csvPts(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) }

// csvLevel writes a level as its number: "4".
func csvLevel(l competency.Level) string { return strconv.Itoa(int(l)) }

// csvIDs writes a requirement's IDs separated by spaces.
func csvIDs(ids []competency.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, " ")
}

// csvBool writes a yes-or-no cell: "yes" or "no".
func csvBool(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// validateCSV writes validate's reports as its help says.
func validateCSV(e *env, reports []fileReport) error {
	t := newCSV(e.stdout, "file", "kind", "valid", "id", "where", "problem")
	for _, r := range reports {
		if r.Valid {
			t.row(r.File, r.Kind, "yes", r.ID, "", "")
			continue
		}
		for i, p := range r.Problems {
			where, msg := p.Path, p.Message
			if i < len(r.Places) {
				where = placeWithin(r.Places[i])
				msg = strings.TrimPrefix(msg, where+": ")
			}
			t.row(r.File, r.Kind, "no", "", where, msg)
		}
		if r.Omitted > 0 {
			t.row(r.File, r.Kind, "no", "", "", fmt.Sprintf("and at least %s, not listed", plural(r.Omitted, "more problem")))
		}
	}
	return t.flush()
}
