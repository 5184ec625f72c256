package people_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/people"
)

func TestFormatString(t *testing.T) {
	tests := []struct {
		f    people.Format
		want string
	}{
		{people.Auto, "auto"},
		{people.JSON, "json"},
		{people.JSONLines, "jsonl"},
		{people.CSV, "csv"},
		{people.XLSX, "xlsx"},
		{people.Format(9), "Format(9)"},
		{people.Format(-1), "Format(-1)"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.f.String()); diff != "" {
			t.Errorf("Format(%d).String() (-want +got):\n%s", int(tt.f), diff)
		}
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    people.Format
		wantErr string
	}{
		{in: "auto", want: people.Auto},
		{in: "json", want: people.JSON},
		{in: "JSON", want: people.JSON},
		{in: "jsonl", want: people.JSONLines},
		{in: "ndjson", want: people.JSONLines},
		{in: "NDJSON", want: people.JSONLines},
		{in: "csv", want: people.CSV},
		{in: "Xlsx", want: people.XLSX},
		{in: "xls", wantErr: `people: unknown format "xls" (want auto, json, jsonl, csv or xlsx)`},
		{in: "", wantErr: `people: unknown format "" (want auto, json, jsonl, csv or xlsx)`},
		{in: "js\non", wantErr: `people: unknown format "js\non" (want auto, json, jsonl, csv or xlsx)`},
	}
	for _, tt := range tests {
		got, err := people.ParseFormat(tt.in)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if diff := cmp.Diff(tt.wantErr, gotErr); diff != "" {
			t.Errorf("ParseFormat(%q) error (-want +got):\n%s", tt.in, diff)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseFormat(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	// Every format's name parses back to it.
	for f := people.Auto; f <= people.XLSX; f++ {
		got, err := people.ParseFormat(f.String())
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", f.String(), got, err, f)
		}
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		name string
		want people.Format
	}{
		{"team.json", people.JSON},
		{"dir/TEAM.JSON", people.JSON},
		{"team.jsonl", people.JSONLines},
		{"team.ndjson", people.JSONLines},
		{"team.NDJSON", people.JSONLines},
		{"team.csv", people.CSV},
		{"team.tsv", people.CSV},
		{"team.txt", people.Auto}, // CSV, JSON or JSON Lines: told from the content
		{"team.xlsx", people.XLSX},
		{"team.xlsm", people.XLSX},
		{"team.xls", people.Auto},
		{"team", people.Auto},
		{"<stdin>", people.Auto},
		{"-", people.Auto},
		{"json", people.Auto},
		{"team.json.bak", people.Auto},
		{".~lock.team.csv#", people.Auto},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, people.FormatOf(tt.name)); diff != "" {
			t.Errorf("FormatOf(%q) (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestPlaceString(t *testing.T) {
	long := strings.Repeat("x", 70)
	tests := []struct {
		name string
		p    people.Place
		want string
	}{
		{"file only", people.Place{File: "team.json"}, "team.json"},
		{"zero", people.Place{}, ""},
		{"pointer", people.Place{File: "team.json", Pointer: "/2"}, "team.json: /2"},
		{"line", people.Place{File: "team.ndjson", Line: 4}, "team.ndjson: line 4"},
		{"line and pointer", people.Place{File: "team.ndjson", Line: 4, Pointer: "/ratings/coaching/level"},
			"team.ndjson: line 4: /ratings/coaching/level"},
		{"row and column", people.Place{File: "team.csv", Row: 7, Column: "Coaching"},
			"team.csv: row 7, column 'Coaching'"},
		{"row", people.Place{File: "team.csv", Row: 7}, "team.csv: row 7"},
		{"column", people.Place{File: "team.csv", Column: "Coaching"}, "team.csv: column 'Coaching'"},
		{"cell", people.Place{File: "team.xlsx", Sheet: "Ratings", Row: 7, Cell: "C7", Column: "Coaching"},
			"team.xlsx: cell Ratings!C7, column 'Coaching'"},
		{"cell without sheet", people.Place{File: "team.xlsx", Cell: "C7"}, "team.xlsx: cell C7"},
		{"cell in a sheet named with a space", people.Place{File: "team.xlsx", Sheet: "Team A", Cell: "B2"},
			"team.xlsx: cell 'Team A'!B2"},
		{"cell in a sheet named with a quote", people.Place{File: "team.xlsx", Sheet: "O'Brien", Cell: "B2"},
			"team.xlsx: cell 'O''Brien'!B2"},
		{"cell in a sheet named with a dot and digits", people.Place{File: "team.xlsx", Sheet: "Q1.2026_x", Cell: "B2"},
			"team.xlsx: cell Q1.2026_x!B2"},
		{"sheet and row", people.Place{File: "team.xlsx", Sheet: "Ratings", Row: 3},
			"team.xlsx: sheet 'Ratings', row 3"},
		{"sheet only", people.Place{File: "team.xlsx", Sheet: "Ratings"}, "team.xlsx: sheet 'Ratings'"},
		{"column with a quote and a line break", people.Place{File: "t.csv", Row: 1, Column: "Say \"hi\"\n"},
			`t.csv: row 1, column 'Say "hi"\n'`},
		{"long column", people.Place{File: "t.csv", Row: 1, Column: long},
			"t.csv: row 1, column '" + long[:64] + "'... (70 bytes)"},
		{"no file", people.Place{Line: 2}, ": line 2"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.p.String()); diff != "" {
			t.Errorf("%s: String (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestProblemString(t *testing.T) {
	p := people.Problem{
		Place:   people.Place{File: "team.csv", Row: 7, Column: "Coaching"},
		Message: "6 is above the scale's top level 5",
	}
	want := "team.csv: row 7, column 'Coaching': 6 is above the scale's top level 5"
	if diff := cmp.Diff(want, p.String()); diff != "" {
		t.Errorf("Problem.String (-want +got):\n%s", diff)
	}
	// A problem of no known place is its message alone.
	if diff := cmp.Diff("boom", people.Problem{Message: "boom"}.String()); diff != "" {
		t.Errorf("Problem.String of no place (-want +got):\n%s", diff)
	}
}

func TestErrorError(t *testing.T) {
	coaching := people.Problem{
		Place:   people.Place{File: "team.csv", Row: 7, Column: "Coaching"},
		Message: "6 is above the scale's top level 5",
	}
	id := people.Problem{Place: people.Place{File: "a.json", Pointer: "/id"}, Message: "the ID is required"}
	tests := []struct {
		name string
		e    *people.Error
		want string
	}{
		{"one", &people.Error{Problems: []people.Problem{coaching}},
			"people: team.csv: row 7, column 'Coaching': 6 is above the scale's top level 5"},
		{"two", &people.Error{Problems: []people.Problem{coaching, id}},
			"people: team.csv: row 7, column 'Coaching': 6 is above the scale's top level 5\n" +
				"people: a.json: /id: the ID is required"},
		{"one omitted", &people.Error{Problems: []people.Problem{id}, Omitted: 1},
			"people: a.json: /id: the ID is required\npeople: and at least 1 more problem, not listed"},
		{"many omitted", &people.Error{Problems: []people.Problem{id}, Omitted: 12},
			"people: a.json: /id: the ID is required\npeople: and at least 12 more problems, not listed"},
		{"only omitted", &people.Error{Omitted: 3}, "people: and at least 3 more problems, not listed"},
		{"empty", &people.Error{}, "people: invalid document"},
		{"no place", &people.Error{Problems: []people.Problem{{Message: "boom"}}}, "people: boom"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.e.Error()); diff != "" {
			t.Errorf("%s: Error (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestErrorJSON checks the names an *Error marshals with, which the
// command's -json output shows.
func TestErrorJSON(t *testing.T) {
	e := &people.Error{Problems: []people.Problem{
		{Place: people.Place{File: "t.xlsx", Sheet: "S", Row: 2, Column: "C", Cell: "B2"}, Message: "m"},
		{Place: people.Place{File: "t.jsonl", Line: 3, Pointer: "/id"}, Message: "n"},
	}, Omitted: 2}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"problems":[{"place":{"file":"t.xlsx","sheet":"S","row":2,"column":"C","cell":"B2"},"message":"m"},` +
		`{"place":{"file":"t.jsonl","line":3,"pointer":"/id"},"message":"n"}],"omitted":2}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("json.Marshal (-want +got):\n%s", diff)
	}
	var back people.Error
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e, &back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	// An *Error is found through wrapping.
	var got *people.Error
	if !errors.As(errors.Join(errors.New("x"), e), &got) || got != e {
		t.Error("errors.As does not find a wrapped *Error")
	}
}

// TestDateOrder checks DateOrder's names both ways, and that
// Options.Dates decides a sheet's dates that could be either.
func TestDateOrder(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want people.DateOrder
		ok   bool
	}{
		{"auto", people.EitherFirst, true}, {"DMY", people.DayFirst, true}, {"mdy", people.MonthFirst, true},
		{"ymd", people.EitherFirst, false}, {"", people.EitherFirst, false},
	} {
		got, err := people.ParseDateOrder(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseDateOrder(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok && !strings.EqualFold(got.String(), tt.in) {
			t.Errorf("%v.String() = %q, want %q", got, got.String(), strings.ToLower(tt.in))
		}
	}
	if got := people.DateOrder(7).String(); got != "DateOrder(7)" {
		t.Errorf("DateOrder(7).String() = %q", got)
	}

	sheet := "id,date,coaching\r\nana,03/04/2026,4\r\n"
	for _, tt := range []struct {
		order people.DateOrder
		want  string // the rating's date, or "" for a problem
	}{
		{people.EitherFirst, ""}, {people.DayFirst, "2026-04-03"}, {people.MonthFirst, "2026-03-04"},
	} {
		ps, err := people.Collect(people.Read(strings.NewReader(sheet), "t.csv", &people.Options{Dates: tt.order}))
		got := ""
		if len(ps) == 1 {
			got = ps[0].Profile.Ratings["coaching"].AssessedAt
		}
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("Dates %v: date %q, error %v; want %q", tt.order, got, err, tt.want)
		}
	}
}
