package people

import (
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// Format is a kind of input.
type Format int

// The formats people reads.
const (
	// Auto tells the format from the file name's extension, and failing
	// that from the content: a workbook starts with a ZIP header, JSON
	// with "{" or "[", and anything else is read as CSV.
	Auto Format = iota
	// JSON is a profile document, or a JSON array of them (.json).
	JSON
	// JSONLines is one profile document a line (.ndjson, .jsonl).
	JSONLines
	// CSV is comma-separated values (.csv), or separated by semicolons or
	// tabs (.tsv, .txt), as office programs write them.
	CSV
	// XLSX is an Excel workbook (.xlsx).
	XLSX
)

var formatNames = [...]string{Auto: "auto", JSON: "json", JSONLines: "jsonl", CSV: "csv", XLSX: "xlsx"}

// String returns the format's name: "auto", "json", "jsonl", "csv" or
// "xlsx".
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// ParseFormat returns the format named s, as String names it ("ndjson"
// is also JSONLines).
func ParseFormat(s string) (Format, error) {
	for f, n := range formatNames {
		if strings.EqualFold(s, n) {
			return Format(f), nil
		}
	}
	if strings.EqualFold(s, "ndjson") {
		return JSONLines, nil
	}
	return Auto, fmt.Errorf("people: unknown format %s (want auto, json, jsonl, csv or xlsx)", problem.Quote(s))
}

// FormatOf returns the format a file name's extension says, in any case,
// or Auto when it says none.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return JSON
	case ".ndjson", ".jsonl":
		return JSONLines
	case ".csv", ".tsv":
		return CSV
	case ".xlsx", ".xlsm":
		return XLSX
	}
	return Auto
}

// Options say how to read inputs. The zero Options (and a nil *Options)
// read the default framework's people, telling each input's format by
// its name.
type Options struct {
	// Framework checks each profile (an ID it does not know is a
	// problem) and resolves sheet headers by ID or name. Nil means
	// wlp.Default().
	Framework *wlp.Framework
	// Format is the format of every input; Auto tells each by its name
	// and content.
	Format Format
	// Sheet names the workbook sheet to read, in any case; "" reads the
	// first visible sheet.
	Sheet string
	// Dates says which comes first in a sheet's dates written with
	// slashes or dashes, such as 03/04/2026: the zero value tells from
	// the dates themselves, where the day is above 12, and reports a
	// date that could be either as a problem. Dates with dots are always
	// read day first, and YYYY-MM-DD and a workbook's date cells are
	// never in doubt.
	Dates DateOrder
	// Ignore lists sheet columns to skip, such as "Department", matched
	// as headers are: in any case, spacing or punctuation.
	Ignore []string
	// MaxBytes bounds one profile document: a JSON document, an
	// element of a JSON array, a line of JSON Lines, a sheet's row; 0
	// means profile.DefaultMaxBytes (1 MiB). A workbook may be 16 times
	// MaxBytes, and unzip to 64 times (see SECURITY.md).
	MaxBytes int64
	// Stdin is what the argument "-" reads in All; nil means "-" names a
	// file.
	Stdin io.Reader
	// Opened, when set, is called with each file as All or ReadFile
	// opens it, before it is read: to show progress, or to note which
	// files were read.
	Opened func(name string, info fs.FileInfo)
}

// DateOrder says which comes first in dates written with slashes or
// dashes: the day (31/03/2026) or the month (03/31/2026).
type DateOrder int

// The orders of day and month.
const (
	// EitherFirst reads the order from each date where the day is above
	// 12, holds every date of a sheet to one order, and reports a date
	// that could be either, such as 03/04/2026.
	EitherFirst DateOrder = iota
	// DayFirst reads 03/04/2026 as 3 April, as most of the world writes.
	DayFirst
	// MonthFirst reads 03/04/2026 as 4 March, as Excel writes dates in
	// the United States.
	MonthFirst
)

var dateOrderNames = [...]string{EitherFirst: "auto", DayFirst: "dmy", MonthFirst: "mdy"}

// String returns "auto", "dmy" or "mdy".
func (d DateOrder) String() string {
	if d >= 0 && int(d) < len(dateOrderNames) {
		return dateOrderNames[d]
	}
	return "DateOrder(" + strconv.Itoa(int(d)) + ")"
}

// ParseDateOrder returns the order String names: "auto", "dmy" or
// "mdy", in any case.
func ParseDateOrder(s string) (DateOrder, error) {
	for d, n := range dateOrderNames {
		if strings.EqualFold(s, n) {
			return DateOrder(d), nil
		}
	}
	return EitherFirst, fmt.Errorf("people: unknown date order %s (want auto, dmy or mdy)", problem.Quote(s))
}

// framework returns the framework o checks against.
func (o *Options) framework() *wlp.Framework {
	if o == nil || o.Framework == nil {
		return wlp.Default()
	}
	return o.Framework
}

// Place is where something was read: a file, and within it a JSON
// pointer, a line of JSON Lines, or a sheet's row and column. The zero
// fields are not known or do not apply.
type Place struct {
	// File is the input's name as given: a path, or "<stdin>".
	File string `json:"file"`
	// Line is the line of a JSON Lines input, from 1.
	Line int `json:"line,omitempty"`
	// Pointer is a JSON pointer into the document: for a JSON array of
	// profiles it starts with the element's index ("/3/ratings/coaching").
	Pointer string `json:"pointer,omitempty"`
	// Sheet is the workbook sheet's name.
	Sheet string `json:"sheet,omitempty"`
	// Row is a sheet's row as office programs number it: the header is
	// row 1 when it is the first row.
	Row int `json:"row,omitempty"`
	// Column is the header of a sheet's column, as written.
	Column string `json:"column,omitempty"`
	// Cell is the workbook cell's A1 name, such as "C7".
	Cell string `json:"cell,omitempty"`
}

// String returns the place as messages name it: "team.csv: row 7, column
// 'Coaching'", "team.xlsx: cell Ratings!C7, column 'Coaching'",
// "team.ndjson: line 4: /ratings/coaching/level", "team.json: /2".
func (p Place) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	sep := func() {
		if b.Len() == len(p.File) {
			b.WriteString(": ")
		} else {
			b.WriteString(", ")
		}
	}
	if p.Line > 0 {
		sep()
		b.WriteString("line " + strconv.Itoa(p.Line))
	}
	switch {
	case p.Cell != "":
		sep()
		b.WriteString("cell ")
		if p.Sheet != "" {
			b.WriteString(sheetRef(p.Sheet) + "!")
		}
		b.WriteString(p.Cell)
	case p.Row > 0:
		sep()
		if p.Sheet != "" {
			b.WriteString("sheet " + quote(p.Sheet) + ", ")
		}
		b.WriteString("row " + strconv.Itoa(p.Row))
	case p.Sheet != "":
		sep()
		b.WriteString("sheet " + quote(p.Sheet))
	}
	if p.Column != "" {
		sep()
		b.WriteString("column " + quote(p.Column))
	}
	if p.Pointer != "" {
		b.WriteString(": " + p.Pointer)
	}
	return b.String()
}

// quote returns s in single quotes, as a sheet's header or name is
// quoted in messages, its control characters escaped and a long one
// shortened.
func quote(s string) string {
	q := problem.Quote(s) // "…", escaped, or "…"... (N bytes) shortened
	end := strings.LastIndexByte(q, '"')
	return "'" + strings.ReplaceAll(q[1:end], `\"`, `"`) + "'" + q[end+1:]
}

// sheetRef returns a sheet's name as a cell reference writes it:
// Ratings, or 'Team A' when it needs quotes.
func sheetRef(name string) string {
	for _, r := range name {
		if !(r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}

// Problem is one thing wrong with an input, and where.
type Problem struct {
	// Place is where the problem is.
	Place Place `json:"place"`
	// Message says what is wrong.
	Message string `json:"message"`
}

// String returns "place: message", or the message alone when the place
// is not known.
func (p Problem) String() string {
	if p.Place == (Place{}) {
		return p.Message
	}
	return p.Place.String() + ": " + p.Message
}

// Error lists the problems of one or more inputs: at most
// problem.MaxReported of them, and a count of the rest.
type Error struct {
	// Problems lists the problems kept, in the order found.
	Problems []Problem `json:"problems"`
	// Omitted counts the problems found past those listed.
	Omitted int `json:"omitted,omitempty"`
}

// Error returns one line per problem, "people: place: message", and a
// last line counting those not listed, as a *problem.Error words them
// (control characters escaped, so that one problem is one line).
func (e *Error) Error() string {
	probs := make([]problem.Problem, len(e.Problems))
	for i, p := range e.Problems {
		probs[i] = problem.Problem{Message: p.String()}
	}
	return (&problem.Error{Package: "people", Problems: probs, Omitted: e.Omitted}).Error()
}

// problems accumulates the problems of one input, keeping the first
// problem.MaxReported and counting the rest. The zero value is ready.
type problems struct {
	list  []Problem
	bytes int
	more  int
}

// add adds a problem at place.
func (ps *problems) add(at Place, msg string) {
	n := len(msg) + len(at.File) + len(at.Column) + len(at.Pointer) + 32
	if ps.more > 0 || len(ps.list) >= problem.MaxReported || ps.bytes+n > problem.MaxReportedBytes {
		ps.more++
		return
	}
	ps.bytes += n
	ps.list = append(ps.list, Problem{at, msg})
}

// addf adds a problem at place, its message formatted.
func (ps *problems) addf(at Place, format string, args ...any) {
	ps.add(at, fmt.Sprintf(format, args...))
}

// full reports whether a problem added now would only be counted.
func (ps *problems) full() bool {
	return ps.more > 0 || len(ps.list) >= problem.MaxReported
}

// len returns the number of problems found.
func (ps *problems) len() int { return len(ps.list) + ps.more }

// err returns the problems as an *Error, or nil when there are none.
func (ps *problems) err() error {
	if ps.len() == 0 {
		return nil
	}
	return &Error{Problems: ps.list, Omitted: ps.more}
}

// Person is one person's profile and where it was read.
type Person struct {
	// Profile is the person's profile, checked against the framework.
	Profile profile.Profile
	// Place is where the profile starts: the file and, within it, the
	// JSON pointer of an array's element, the line of JSON Lines, or the
	// sheet row of a wide sheet (the first row of a long one).
	Place Place
}
