package people

import (
	"bytes"
	"errors"
	"fmt"
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
			errs: []string{`people: t.csv: row 1: unknown column 'BUILDING_TRUST_x': not a competency or area of framework "astd-2004"; did you mean 'Building trust'?`},
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
				"people: t.csv: row 2, column 'date': '31.02.2026' is not a calendar date",
				"people: t.csv: row 2, column 'coaching': 7 is above the scale's top level 5",
			},
		},
		{
			name: "no header row within the first 10 rows",
			in:   strings.Repeat("Team ratings\n", 10) + "id,coaching\nE1,4\n",
			errs: []string{"people: t.csv: the sheet has no header row: none of its first 10 rows has an id column (headed id, employee id or the like)"},
		},
		{
			name: "a header on row 10",
			in:   strings.Repeat("Team ratings\n", 9) + "id,coaching\nE1,4\n",
			want: []Person{inCSV(11, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
		},
		{
			name: "an empty sheet",
			in:   "\n,,\n",
			errs: []string{"people: t.csv: the sheet is empty: it needs a header row with an id column, and a row per person"},
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
	xlsx := rawWorkbook(t, false, rawSheet{"Ratings", row(1, str("A1", "id"), str("B1", "coaching")) +
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
