package people

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// sheetCase is a sheet read as CSV from the file "t.csv", with the people
// it gives and its problems, one line each as the error prints them.
type sheetCase struct {
	name string
	o    *Options
	in   string
	want []Person
	errs []string
}

// readCSVString reads in as the CSV input "t.csv" and returns the people
// yielded and the lines of the error, checking that every problem has a
// place in the file and that nothing follows the error.
func readCSVString(t *testing.T, o *Options, in string) ([]Person, []string) {
	t.Helper()
	return collectSheet(t, "t.csv", func(yield func(Person, error) bool) bool {
		return o.readCSV(strings.NewReader(in), "t.csv", yield)
	})
}

// collectSheet runs a sheet reader, as readCSVString does.
func collectSheet(t *testing.T, file string, read func(yield func(Person, error) bool) bool) ([]Person, []string) {
	t.Helper()
	var got []Person
	var errs []string
	done := false
	ok := read(func(p Person, err error) bool {
		if done {
			t.Errorf("yielded %+v, %v after the error", p, err)
		}
		if err == nil {
			got = append(got, p)
			return true
		}
		done = true
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("error %T %v, want a *Error", err, err)
		} else {
			for _, pr := range e.Problems {
				if pr.Place.File != file {
					t.Errorf("problem %q has the file %q, want %q", pr, pr.Place.File, file)
				}
			}
		}
		if p.Place != (Place{File: file}) {
			t.Errorf("the error's place is %+v, want the file alone", p.Place)
		}
		errs = strings.Split(err.Error(), "\n")
		return true
	})
	if !ok {
		t.Errorf("the reader returned false, but yield never did")
	}
	return got, errs
}

// runSheetCases reads each case's input as CSV and compares.
func runSheetCases(t *testing.T, tests []sheetCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := readCSVString(t, tt.o, tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("people (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, errs); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// inCSV returns a person read from row n of t.csv.
func inCSV(n int, p profile.Profile) Person {
	return Person{Profile: p, Place: Place{File: "t.csv", Row: n}}
}

// lv returns ratings of the given levels, without source, date or
// evidence.
func lv(levels map[competency.ID]competency.Level) map[competency.ID]profile.Rating {
	r := make(map[competency.ID]profile.Rating, len(levels))
	for id, l := range levels {
		r[id] = profile.Rating{Level: l}
	}
	return r
}

// TestWide reads wide sheets: one row per person, a column per
// competency or area.
func TestWide(t *testing.T) {
	runSheetCases(t, []sheetCase{
		{
			name: "IDs and names in any case, spacing and punctuation",
			in: "id,name,building-trust,Coaching,BUILDING_TRUST_x,Communicating Effectively,DRIVING  RESULTS\n" +
				"E1,Ana,4,3,,2,1\n",
			errs: []string{`people: t.csv: row 1, column 'BUILDING_TRUST_x': the header names no competency or area of framework "astd-2004"; did you mean 'Building trust'?`},
		},
		{
			name: "a person a row, yielded with its row",
			in: "id,name,Building Trust,coaching,communicating-effectively\n" +
				"E1,Ana López,4,3,\n" +
				"E2,Bob,,5,0\n",
			want: []Person{
				inCSV(2, profile.Profile{ID: "E1", Name: "Ana López", Ratings: lv(map[competency.ID]competency.Level{"building-trust": 4, "coaching": 3})}),
				inCSV(3, profile.Profile{ID: "E2", Name: "Bob", Ratings: lv(map[competency.ID]competency.Level{"coaching": 5, "communicating-effectively": 0})}),
			},
		},
		{
			name: "the template's headers, Name (id)",
			in: "id,name,Building trust (building-trust),Coaching (coaching)\n" +
				"E1,,2,3\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"building-trust": 2, "coaching": 3})})},
		},
		{
			name: "a person without ratings",
			in:   "id,name,coaching\nE1,Ana,\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Name: "Ana"})},
		},
		{
			name: "source, date and evidence apply to the whole row",
			in: "id,source,date,evidence,coaching,designing-learning\n" +
				"E1,Direct report,2026-03-31, portfolio ,4,2\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Ratings: map[competency.ID]profile.Rating{
				"coaching":           {Level: 4, Source: profile.DirectReport, AssessedAt: "2026-03-31", Evidence: []string{"portfolio"}},
				"designing-learning": {Level: 2, Source: profile.DirectReport, AssessedAt: "2026-03-31", Evidence: []string{"portfolio"}},
			}})},
		},
		{
			name: "white space trimmed, trailing empty rows and columns skipped",
			in: "  id , name ,coaching,,\n" +
				" E1 ,\u00a0Ana\u00a0, 4 ,,\n" +
				",,,,\n,,,,\n\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Name: "Ana", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
		},
		{
			name: "rows above the header: a title",
			in:   "Team ratings 2026,,\n,,\nid,name,coaching\nE1,Ana,4\n",
			want: []Person{inCSV(4, profile.Profile{ID: "E1", Name: "Ana", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
		},
		{
			name: "the same ID on two rows",
			in:   "id,coaching\nE1,4\nE2,3\nE1,2\n",
			want: []Person{
				inCSV(2, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})}),
				inCSV(3, profile.Profile{ID: "E2", Ratings: lv(map[competency.ID]competency.Level{"coaching": 3})}),
			},
			errs: []string{"people: t.csv: row 4, column 'id': the ID 'E1' is on row 2 too: one row per person (or add a rater column, one row per rater)"},
		},
		{
			name: "a row without an ID",
			in:   "id,name,coaching\nE1,Ana,4\n,Bob,3\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Name: "Ana", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
			errs: []string{"people: t.csv: row 3, column 'id': the row has no ID: give every row the ID of its person"},
		},
		{
			name: "an ID the profile rule refuses, put in its cell",
			in:   "Employee ID,coaching\nana lópez,4\nCON,3\nE3,9\n",
			errs: []string{
				`people: t.csv: row 2, column 'Employee ID': the ID "ana lópez" holds ' ' (U+0020), which an ID may not: use ASCII letters, digits and the marks . _ @ + -`,
				`people: t.csv: row 3, column 'Employee ID': the ID "CON" is a device name that Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9), so it cannot name a file`,
				"people: t.csv: row 4, column 'coaching': 9 is above the scale's top level 5",
			},
		},
		{
			name: "a problem in one row holds back that row's person only",
			in:   "id,coaching,Driving results\nE1,4,x\nE2,3,2\n",
			want: []Person{inCSV(3, profile.Profile{ID: "E2", Ratings: lv(map[competency.ID]competency.Level{"coaching": 3, "driving-results": 2})})},
			errs: []string{"people: t.csv: row 2, column 'Driving results': 'x' is not a level: write a whole number from 0 to 5, a level's name such as 'proficient', or a label such as '4 - proficient'"},
		},
		{
			name: "an error value exported from a formula",
			in:   "id,coaching\nE1,#N/A\n",
			errs: []string{"people: t.csv: row 2, column 'coaching': the cell holds the error #N/A: correct its formula, or empty it"},
		},
		{
			name: "a bad source and a bad date, every problem at once",
			in:   "id,source,date,coaching\nE1,boss,31.02.2026,7\n",
			errs: []string{
				"people: t.csv: row 2, column 'source': unknown source 'boss' (want self, manager, peer, direct-report or assessment)",
				"people: t.csv: row 2, column 'date': '31.02.2026' is not a calendar date (a date with dots is read day first: DD.MM.YYYY)",
				"people: t.csv: row 2, column 'coaching': 7 is above the scale's top level 5",
			},
		},
		{
			name: "no header row within the first 10 rows",
			in:   strings.Repeat("Team ratings\n", 10) + "id,coaching\nE1,4\n",
			errs: []string{"people: t.csv: no header row: none of the first 10 rows has an id column (headed id, employee id or the like)"},
		},
		{
			name: "a header on row 10",
			in:   strings.Repeat("Team ratings\n", 9) + "id,coaching\nE1,4\n",
			want: []Person{inCSV(11, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
		},
		{
			name: "an empty sheet",
			in:   "\n,,\n",
			errs: []string{"people: t.csv: nothing to read: a sheet needs a header row with an id column, and a row per person"},
		},
		{
			name: "a header and no people",
			in:   "id,name,coaching\n",
		},
	})
}

// TestSheetManyProblems checks that a sheet with more problems than are
// listed lists the first, each with its hint, and counts the others.
func TestSheetManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,coaching\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "E%d,proficent\n", i)
	}
	got, errs := readCSVString(t, nil, b.String())
	want := []string{
		"people: t.csv: row 2, column 'coaching': 'proficent' is not a level: write a whole number from 0 to 5, a level's name such as 'proficient', or a label such as '4 - proficient'; did you mean 'proficient'?",
		"people: and at least 500 more problems, not listed",
	}
	if len(got) != 0 || len(errs) != 1001 {
		t.Fatalf("%d people and %d lines of problems, want none and 1001", len(got), len(errs))
	}
	if diff := cmp.Diff(want, []string{errs[0], errs[1000]}); diff != "" {
		t.Errorf("first and last lines (-want +got):\n%s", diff)
	}
}

// TestSheetStops checks that every kind of sheet stops as soon as yield
// returns false, and says so.
func TestSheetStops(t *testing.T) {
	wide := "id,coaching\nE1,4\nE2,3\n"
	long := "id,competency,level\nE1,coaching,4\nE2,coaching,3\n"
	xlsx := rawWorkbook(t, false, rawSheet{name: "Ratings", rows: row(1, str("A1", "id"), str("B1", "coaching")) +
		row(2, str("A2", "E1"), num("B2", "4")) + row(3, str("A3", "E2"), num("B3", "3"))})
	reads := map[string]func(yield func(Person, error) bool) bool{
		"wide": func(yield func(Person, error) bool) bool {
			return (*Options)(nil).readCSV(strings.NewReader(wide), "t.csv", yield)
		},
		"long": func(yield func(Person, error) bool) bool {
			return (*Options)(nil).readCSV(strings.NewReader(long), "t.csv", yield)
		},
		"workbook": func(yield func(Person, error) bool) bool {
			return (*Options)(nil).readXLSX(bytes.NewReader(xlsx), "t.xlsx", yield)
		},
	}
	for name, read := range reads {
		var ids []string
		ok := read(func(p Person, err error) bool {
			ids = append(ids, p.Profile.ID)
			return false
		})
		if ok || !slices.Equal(ids, []string{"E1"}) {
			t.Errorf("%s: read = %v after yielding %q; want false after E1", name, ok, ids)
		}
	}
}

// sheetProblems runs a sheet reader and returns the problems of its error.
func sheetProblems(t *testing.T, read func(yield func(Person, error) bool) bool) []Problem {
	t.Helper()
	var out []Problem
	read(func(_ Person, err error) bool {
		var e *Error
		if errors.As(err, &e) {
			out = append(out, e.Problems...)
		}
		return true
	})
	return out
}

// TestProblemPlaces lists each kind of problem a sheet can have, and the
// place it is put at: the most precise there is. A problem of a header
// names the header's row, the header as its column and, in a workbook,
// its cell; a problem of a cell names its row, its column's header and,
// in a workbook, its cell.
func TestProblemPlaces(t *testing.T) {
	at := func(row int, col string) Place { return Place{File: "t.csv", Row: row, Column: col} }
	file := Place{File: "t.csv"}
	tests := []struct {
		kind string
		o    *Options
		in   string
		want []Place
	}{
		{kind: "a header that names nothing", in: "id,Coachng\nE1,4\n", want: []Place{at(1, "Coachng")}},
		{kind: "a header naming one competency and another's ID", in: "id,Coaching (designing-learning)\n", want: []Place{at(1, "Coaching (designing-learning)")}},
		{kind: "a competency or a field in two columns", in: "id,coaching,COACHING,name,Full name\n", want: []Place{at(1, "Full name"), at(1, "COACHING")}},
		{kind: "a competency's column in a long sheet", in: "id,competency,level,coaching\n", want: []Place{at(1, "coaching")}},
		{kind: "a level column without a competency column", in: "id,level\n", want: []Place{at(1, "level")}},
		{
			kind: "ignored columns that are not there: one like a column that names nothing (a problem), one like none (not one)",
			o:    &Options{Ignore: []string{"Departmnt", "Location"}},
			in:   "id,Department\n",
			want: []Place{at(1, "Department"), at(1, "Department")},
		},
		{kind: "a column without a header that holds something: its header row", in: "id,coaching,\nE1,4,\nE2,3,x\n", want: []Place{at(1, "")}},
		{kind: "an error value in a cell", in: "id,coaching\nE1,#N/A\n", want: []Place{at(2, "coaching")}},
		{kind: "a level, a source and a date that are wrong", in: "id,source,date,coaching\nE1,boss,x,9\n", want: []Place{at(2, "source"), at(2, "date"), at(2, "coaching")}},
		{kind: "a row without an ID", in: "ID,name\n,Ana\n", want: []Place{at(2, "ID")}},
		{kind: "an ID on two rows of a wide sheet", in: "Employee ID,coaching\nE1,4\nE1,3\n", want: []Place{at(3, "Employee ID")}},
		{kind: "an ID the profile rule refuses", in: "id,coaching\nCON,4\n", want: []Place{at(2, "id")}},
		{kind: "a rater the review rule refuses", in: "id,Rater,coaching\nE1," + strings.Repeat("r", 65) + ",4\n", want: []Place{at(2, "Rater")}},
		{kind: "one ID with two names", in: "id,name,competency,level\nE1,Ana,coaching,4\nE1,Anna,driving-results,3\n", want: []Place{at(3, "name")}},
		{
			kind: "a long sheet's competency cells: a level without one, one that names nothing, one and another's ID",
			in:   "id,Competency,level\nE1,,4\nE1,Coachng,4\nE1,Coaching (designing-learning),4\n",
			want: []Place{at(2, "Competency"), at(3, "Competency"), at(4, "Competency")},
		},
		{kind: "a competency rated twice without a rater", in: "id,competency,level\nE1,coaching,4\nE1,coaching,3\n", want: []Place{at(3, "competency")}},
		{kind: "a rater rating a competency twice, wide", in: "id,rater,Coaching\nE1,M,4\nE1,M,3\n", want: []Place{at(3, "Coaching")}},
		{
			kind: "a rater with two sources and two dates",
			in:   "id,competency,level,rater,source,date\nE1,coaching,4,M,peer,2026-03-02\nE1,driving-results,4,M,self,2026-03-09\n",
			want: []Place{at(3, "source"), at(3, "date")},
		},
		{kind: "a row past the bound of the CSV reader", o: &Options{MaxBytes: 1 << 10}, in: "id,evidence\nE1,x\nE2," + strings.Repeat("x", 20<<10) + "\n", want: []Place{at(3, "")}},
		{kind: "a row's cells past the bound", o: &Options{MaxBytes: 1 << 10}, in: "id,evidence\nE1,x\nE2," + strings.Repeat("x", 2<<10) + "\n", want: []Place{at(3, "")}},
		{kind: "a CSV syntax error", in: "id,name\nE1,a\"b\n", want: []Place{at(2, "")}},
		{kind: "no header row", in: "name\nAna\n", want: []Place{file}},
		{kind: "nothing to read", in: "\n", want: []Place{file}},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			var got []Place
			for _, p := range sheetProblems(t, func(yield func(Person, error) bool) bool {
				return tt.o.readCSV(strings.NewReader(tt.in), "t.csv", yield)
			}) {
				got = append(got, p.Place)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("places (-want +got):\n%s", diff)
			}
		})
	}
}

// TestProblemPlacesXLSX lists the places of a workbook's problems: the
// sheet, and the cell as well as the row and column.
func TestProblemPlacesXLSX(t *testing.T) {
	at := func(cell string, row int, col string) Place {
		return Place{File: "t.xlsx", Sheet: "R", Row: row, Column: col, Cell: cell}
	}
	header := row(1, str("A1", "id"), str("B1", "Coachng"), str("C1", "building trust"))
	tests := []struct {
		kind string
		o    *Options
		b    []byte
		want []Place
	}{
		{
			kind: "a header that names nothing, a cell, an ID on two rows, a column without a header",
			b: rawWorkbook(t, false, rawSheet{name: "R", rows: header +
				row(2, str("A2", "E1"), num("C2", "9")) +
				row(3, str("A3", "E1"), num("C3", "4")) +
				row(4, str("A4", "E2"), str("E4", "x"))}),
			want: []Place{at("B1", 1, "Coachng"), at("C2", 2, "building trust"), at("A3", 3, "id"), at("E1", 1, "")},
		},
		{
			kind: "a row past the bound",
			o:    &Options{MaxBytes: 1 << 10},
			b:    rawWorkbook(t, false, rawSheet{name: "R", rows: row(1, str("A1", "id")) + row(2, str("A2", strings.Repeat("x", 2000)))}),
			want: []Place{at("", 2, "")},
		},
		{
			kind: "a row the workbook library cannot read",
			b:    rawWorkbook(t, false, rawSheet{name: "R", rows: row(1, str("A1", "id")) + `<row r="2"><c r="A"><v>1</v></c></row>`}),
			want: []Place{at("", 2, "")},
		},
		{kind: "no header row", b: rawWorkbook(t, false, rawSheet{name: "R", rows: row(1, str("A1", "name"))}), want: []Place{{File: "t.xlsx", Sheet: "R"}}},
		{kind: "no such sheet", o: &Options{Sheet: "X"}, b: rawWorkbook(t, false, rawSheet{name: "R", rows: ""}), want: []Place{{File: "t.xlsx"}}},
		{kind: "not a workbook", b: []byte("PK\x03\x04"), want: []Place{{File: "t.xlsx"}}},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			var got []Place
			for _, p := range sheetProblems(t, func(yield func(Person, error) bool) bool {
				return tt.o.readXLSX(bytes.NewReader(tt.b), "t.xlsx", yield)
			}) {
				got = append(got, p.Place)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("places (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWideYieldsBeforeProblems checks what a wide sheet without a rater
// column yields before its error, as documented, and that Collect and
// All hand a caller both the people and the error.
func TestWideYieldsBeforeProblems(t *testing.T) {
	ana := func(n int, id string) Person {
		return inCSV(n, profile.Profile{ID: id, Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})
	}
	tests := []struct {
		name string
		in   string
		want []Person
		errs []string
	}{
		{
			name: "the first of two rows with one ID, and the rows around a row with a problem",
			in:   "id,coaching\nE1,4\nE2,9\nE3,4\nE1,4\nE4,4\n",
			want: []Person{ana(2, "E1"), ana(4, "E3"), ana(6, "E4")},
			errs: []string{
				"people: t.csv: row 3, column 'coaching': 9 is above the scale's top level 5",
				"people: t.csv: row 5, column 'id': the ID 'E1' is on row 2 too: one row per person (or add a rater column, one row per rater)",
			},
		},
		{
			name: "no one when the header has a problem",
			in:   "id,coaching,Coachng\nE1,4,\nE2,4,\n",
			errs: []string{`people: t.csv: row 1, column 'Coachng': the header names no competency or area of framework "astd-2004"; did you mean 'Coaching'?`},
		},
		{
			name: "no one from the row where a column without a header holds something, and after it",
			in:   "id,coaching\nE1,4\nE2,4,x\nE3,4\n",
			want: []Person{ana(2, "E1")},
			errs: []string{"people: t.csv: row 1: column C has no header, but row 3 holds 'x': head the column, or empty it"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := readCSVString(t, nil, tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("people (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, errs); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			collected, err := Collect(Read(strings.NewReader(tt.in), "t.csv", nil))
			if diff := cmp.Diff(tt.want, collected); diff != "" || err == nil || err.Error() != strings.Join(tt.errs, "\n") {
				t.Errorf("Collect(Read): error %v; people (-want +got):\n%s", err, diff)
			}
			path := filepath.Join(t.TempDir(), "t.csv")
			if err := os.WriteFile(path, []byte(tt.in), 0o600); err != nil {
				t.Fatal(err)
			}
			all, err := Collect(All([]string{path}, nil))
			var e *Error
			if len(all) != len(tt.want) || !errors.As(err, &e) || len(e.Problems) != len(tt.errs) {
				t.Errorf("Collect(All): %d people and error %v; want %d people and %d problems", len(all), err, len(tt.want), len(tt.errs))
			}
		})
	}
}
