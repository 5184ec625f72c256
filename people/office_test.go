package people_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// The files under testdata/office were written by LibreOffice Calc from
// the sheets in testdata/office/src (make.sh, README.md): what people
// really hand in. Each sheet means the people of the JSON file beside it.

// office returns the path of an office fixture, as the tests pass it and
// as places name it.
func office(name string) string { return filepath.Join("testdata", "office", name) }

// officeJSON returns the profiles of an office fixture's JSON file, read
// with encoding/json alone (not with the reader under test) and checked
// against the default framework.
func officeJSON(t *testing.T, name string) []profile.Profile {
	t.Helper()
	b, err := os.ReadFile(office(name))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var ps []profile.Profile
	if err := dec.Decode(&ps); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, p := range ps {
		if err := wlp.Default().ValidateProfile(p); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return ps
}

// officeRanks ranks ps for every role and job of the default framework,
// each profile's reviews first combined by the median (profiles without
// reviews are scored as they are).
func officeRanks(t *testing.T, ps []profile.Profile) map[role.ID][]match.Ranked {
	t.Helper()
	f := wlp.Default()
	combined := make([]profile.Profile, len(ps))
	for i, p := range ps {
		c, _, err := p.Combine(profile.Median)
		if err != nil {
			t.Fatalf("combining %s: %v", p.ID, err)
		}
		combined[i] = c
	}
	var targets []role.ID
	for _, r := range f.Roles() {
		targets = append(targets, r.ID)
	}
	for _, j := range f.Jobs() {
		targets = append(targets, j.ID)
	}
	m := match.New(f)
	out := map[role.ID][]match.Ranked{}
	for _, id := range targets {
		r, err := m.Rank(combined, id, 0)
		if err != nil {
			t.Fatalf("ranking for %s: %v", id, err)
		}
		out[id] = r
	}
	return out
}

// TestOfficeSheets reads each sheet an office program wrote, and wants
// the people of its JSON file, from the rows where they start, ranked as
// the JSON people rank.
func TestOfficeSheets(t *testing.T) {
	department := []string{"Department"}
	team := []int{2, 3, 4, 5, 6} // a person a row, the header on row 1
	tests := []struct {
		file   string
		sheet  string   // Options.Sheet
		ignore []string // Options.Ignore
		want   string   // the JSON file of the people the sheet means
		at     string   // Place.Sheet of every person
		rows   []int    // Place.Row of each person
	}{
		// Calc's own workbook: dates as serial numbers, 4 formatted
		// "4.0", a formula, formatted empty rows and columns, a second
		// sheet.
		{file: "team.xlsx", ignore: department, want: "team.json", at: "Ratings", rows: team},
		// A German Calc's CSV: ";", decimal comma, a BOM, CRLF, a
		// line break in a quoted cell (rows count records, not lines).
		{file: "team.csv", ignore: department, want: "team.json", rows: team},
		// Excel's "sep=;" line above the header: Excel hides it, so the
		// header is row 1 as Excel shows it.
		{file: "team-sep.csv", ignore: department, want: "team.json", rows: team},
		// Windows-1252 without a BOM, CRLF, and Excel's used range: empty
		// columns after the last and rows of commas after the people.
		{file: "team-1252.csv", ignore: department, want: "team.json", rows: team},
		// Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
		{file: "team-utf16.txt", ignore: department, want: "team.json", rows: team},
		// A merged title and an empty row above the header.
		{file: "team-title.xlsx", ignore: department, want: "team.json", at: "Ratings", rows: []int{4, 5, 6, 7, 8}},
		{file: "team-title.csv", ignore: department, want: "team.json", rows: []int{4, 5, 6, 7, 8}},
		// An untidy sheet: dates counted from 1904, date-times, a margin
		// row and column, a header over two lines, a level typed as
		// text, a no-break space, a blank row between people.
		{file: "team-messy.xlsx", ignore: department, want: "team.json", at: "Ratings", rows: []int{3, 4, 5, 6, 8}},
		{file: "team-messy.csv", ignore: department, want: "team.json", rows: []int{3, 4, 5, 6, 8}},
		// A 360-degree review a rating a row, on the workbook's second
		// sheet (named here in another case), dates shown DD/MM/YYYY.
		{file: "360.xlsx", sheet: "responses", want: "360.json", at: "Responses", rows: []int{2, 8}},
		// The same as CSV: the dates as text, DD/MM/YYYY.
		{file: "360.csv", want: "360.json", rows: []int{2, 8}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			want := officeJSON(t, tt.want)
			got, err := people.ReadFile(office(tt.file), &people.Options{Sheet: tt.sheet, Ignore: tt.ignore})
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			var profiles []profile.Profile
			var places, wantPlaces []people.Place
			for _, p := range got {
				profiles = append(profiles, p.Profile)
				places = append(places, p.Place)
			}
			for _, row := range tt.rows {
				wantPlaces = append(wantPlaces, people.Place{File: office(tt.file), Sheet: tt.at, Row: row})
			}
			if diff := cmp.Diff(want, profiles); diff != "" {
				t.Errorf("profiles (-%s +%s):\n%s", tt.want, tt.file, diff)
			}
			if diff := cmp.Diff(wantPlaces, places); diff != "" {
				t.Errorf("places (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(officeRanks(t, want), officeRanks(t, profiles)); diff != "" {
				t.Errorf("rankings (-%s +%s):\n%s", tt.want, tt.file, diff)
			}
		})
	}
}

// TestOfficeProblems reads office files with mistakes in them, and wants
// every mistake reported at once, each at its file, row or cell, and
// column.
func TestOfficeProblems(t *testing.T) {
	// A problem with a header names the header's row (or cell) and the
	// header as its column.
	csvAt := func(file string, row int, col string) people.Place {
		return people.Place{File: office(file), Row: row, Column: col}
	}
	xlsxAt := func(file, cell string, row int, col string) people.Place {
		return people.Place{File: office(file), Sheet: "Ratings", Row: row, Cell: cell, Column: col}
	}
	const (
		misspelt = "the header names no competency or area of framework \"astd-2004\"; did you mean 'Building trust'?"
		half     = "4.5 is not a whole level: write a whole number from 0 to 5"
		lookup   = "the cell holds the error #N/A: correct its formula, or empty it"
		six      = "6 is above the scale's top level 5"
	)
	tests := []struct {
		name string
		file string
		opts people.Options
		want []people.Problem
	}{
		{
			name: "misspelt header, levels off the scale, a failed lookup, CSV",
			file: "bad-team.csv",
			want: []people.Problem{
				{Place: csvAt("bad-team.csv", 1, "Buidling trust"), Message: misspelt},
				{Place: csvAt("bad-team.csv", 3, "Coaching"), Message: half},
				{Place: csvAt("bad-team.csv", 5, "Thinking strategically"), Message: lookup},
				{Place: csvAt("bad-team.csv", 7, "Coaching"), Message: six},
			},
		},
		{
			name: "misspelt header, levels off the scale, a failed lookup, workbook",
			file: "bad-team.xlsx",
			want: []people.Problem{
				{Place: xlsxAt("bad-team.xlsx", "C1", 1, "Buidling trust"), Message: misspelt},
				{Place: xlsxAt("bad-team.xlsx", "D3", 3, "Coaching"), Message: half},
				{Place: xlsxAt("bad-team.xlsx", "E5", 5, "Thinking strategically"), Message: lookup},
				{Place: xlsxAt("bad-team.xlsx", "D7", 7, "Coaching"), Message: six},
			},
		},
		{
			name: "a column not ignored is never dropped",
			file: "team.csv",
			want: []people.Problem{
				{Place: csvAt("team.csv", 1, "Department"), Message: "the header names no competency or area of framework \"astd-2004\"; skip the column with Options.Ignore (wlp -ignore Department)"},
			},
		},
		{
			name: "a sheet that is not there",
			file: "team.xlsx",
			opts: people.Options{Sheet: "Ratngs", Ignore: []string{"Department"}},
			want: []people.Problem{
				{Place: people.Place{File: office("team.xlsx")}, Message: "the workbook has no sheet 'Ratngs'; its sheets are 'Ratings', 'Legend'; did you mean 'Ratings'?"},
			},
		},
		{
			name: "a sheet that holds no people",
			file: "team.xlsx",
			opts: people.Options{Sheet: "Legend"},
			want: []people.Problem{
				{Place: people.Place{File: office("team.xlsx"), Sheet: "Legend"}, Message: "no header row: none of the first 10 rows has an id column (headed id, employee id or the like); " +
					"the sheet 'Ratings' has one: read it with Options.Sheet (wlp -sheet Ratings)"},
			},
		},
		{
			name: "a rater rating one competency twice, and an unknown source",
			file: "bad-360.csv",
			want: []people.Problem{
				{Place: csvAt("bad-360.csv", 4, "Competency"), Message: "the rater 'Marta Ruiz' rates 'Coaching' of 'jose.garcia' twice, on rows 2 and 4: keep one"},
				{Place: csvAt("bad-360.csv", 5, "Source"), Message: "unknown source 'boss' (want self, manager, peer, direct-report or assessment)"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := people.ReadFile(office(tt.file), &tt.opts)
			var e *people.Error
			if !errors.As(err, &e) {
				t.Fatalf("ReadFile(%s) = %v, want a *people.Error", tt.file, err)
			}
			if diff := cmp.Diff(tt.want, e.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOfficeMessage checks a whole message as a user reads it.
func TestOfficeMessage(t *testing.T) {
	tests := []struct {
		file string
		want string // the message's last line
	}{
		{"bad-team.csv", "people: " + office("bad-team.csv") + ": row 7, column 'Coaching': 6 is above the scale's top level 5"},
		{"bad-team.xlsx", "people: " + office("bad-team.xlsx") + ": cell Ratings!D7, column 'Coaching': 6 is above the scale's top level 5"},
	}
	for _, tt := range tests {
		_, err := people.ReadFile(office(tt.file), nil)
		if err == nil {
			t.Errorf("ReadFile(%s): no error", tt.file)
			continue
		}
		lines := strings.Split(err.Error(), "\n")
		if diff := cmp.Diff(tt.want, lines[len(lines)-1]); diff != "" {
			t.Errorf("ReadFile(%s): last line (-want +got):\n%s", tt.file, diff)
		}
	}
}

// TestOfficeAll reads a workbook beside its CSV export and the JSON
// profiles, as a folder holds them: the people once, from the first file
// in name order, and everyone else given again named with both places.
func TestOfficeAll(t *testing.T) {
	got, err := people.Collect(people.All([]string{office("team.*")}, &people.Options{Ignore: []string{"Department"}}))
	var places []people.Place
	for _, p := range got {
		places = append(places, p.Place)
	}
	ids := []string{"ana.lopez", "jose.garcia", "zoe.martin", "sam.okafor", "li.wei"}
	var wantPlaces []people.Place
	var want []people.Problem
	for i, id := range ids {
		first := people.Place{File: office("team.csv"), Row: i + 2}
		wantPlaces = append(wantPlaces, first)
		want = append(want, people.Problem{
			Place:   people.Place{File: office("team.json"), Pointer: "/" + strconv.Itoa(i)},
			Message: `profile ID "` + id + `" was read before, at ` + first.String() + ": each person needs an ID of their own",
		})
	}
	for i, id := range ids {
		first := people.Place{File: office("team.csv"), Row: i + 2}
		want = append(want, people.Problem{
			Place:   people.Place{File: office("team.xlsx"), Sheet: "Ratings", Row: i + 2},
			Message: `profile ID "` + id + `" was read before, at ` + first.String() + ": each person needs an ID of their own",
		})
	}
	if diff := cmp.Diff(wantPlaces, places); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	var e *people.Error
	if !errors.As(err, &e) {
		t.Fatalf("All = %v, want a *people.Error", err)
	}
	if diff := cmp.Diff(want, e.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
