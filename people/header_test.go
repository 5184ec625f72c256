package people

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/suggest"
	"github.com/wlpmodel/wlp/profile"
)

// TestHeader reads header rows: the aliases of the fields, columns to
// ignore, and every way a header can be wrong.
func TestHeader(t *testing.T) {
	ana := []Person{inCSV(2, profile.Profile{ID: "E1", Name: "Ana", Ratings: map[competency.ID]profile.Rating{
		"coaching": {Level: 4, Source: profile.Manager, AssessedAt: "2026-03-31"},
	}})}
	runSheetCases(t, []sheetCase{
		{
			name: "the fields' other names",
			in:   "Employee ID,Full Name,SOURCE,Assessed on,Coaching\nE1,Ana,manager,2026-03-31,4\n",
			want: ana,
		},
		{
			name: "more of the fields' names",
			in:   "person-id,Employee,Source,assessedAt,coaching\nE1,Ana,Manager,2026-03-31,4\n",
			want: ana,
		},
		{
			name: "columns to ignore, in any case and spacing",
			o:    &Options{Ignore: []string{"department", "Cost Centre"}},
			in:   "id,name,Department,coaching,COST-CENTRE,source,date\nE1,Ana,Sales,4,C12,manager,2026-03-31\n",
			want: ana,
		},
		{
			name: "ignored columns that are not there: a likely typo is a problem, another is not",
			o:    &Options{Ignore: []string{"Departmnt", "Location"}},
			in:   "id,name,Department,coaching\nE1,Ana,Sales,4\n",
			errs: []string{
				`people: t.csv: row 1, column 'Department': the header names no competency or area of framework "astd-2004"; skip the column with Options.Ignore (wlp -ignore Department)`,
				"people: t.csv: row 1, column 'Department': the ignored column 'Departmnt' is not in the header row; did you mean this column?",
			},
		},
		{
			name: "a column that names nothing, with and without a likely meaning",
			in:   "id,Coachng,Departement,Rater name\nE1,4,Sales,Bo\n",
			errs: []string{
				`people: t.csv: row 1, column 'Coachng': the header names no competency or area of framework "astd-2004"; did you mean 'Coaching'?`,
				`people: t.csv: row 1, column 'Departement': the header names no competency or area of framework "astd-2004"; skip the column with Options.Ignore (wlp -ignore Departement)`,
				`people: t.csv: row 1, column 'Rater name': the header names no competency or area of framework "astd-2004"; did you mean 'rater'?`,
			},
		},
		{
			name: "one competency in two columns",
			in:   "id,Coaching,name,coaching (coaching),COACHING\nE1,4,Ana,3,2\n",
			errs: []string{
				"people: t.csv: row 1, column 'coaching (coaching)': column D holds 'Coaching', as column B ('Coaching') does: keep one of the two",
				"people: t.csv: row 1, column 'COACHING': column E holds 'Coaching', as column B ('Coaching') does: keep one of the two",
			},
		},
		{
			name: "one field in two columns",
			in:   "id,name,Employee ID\nE1,Ana,E1\n",
			errs: []string{"people: t.csv: row 1, column 'Employee ID': column C holds 'id', as column A ('id') does: keep one of the two"},
		},
		{
			name: "two columns of one name",
			in:   "id,Coaching,Coaching\nE1,4,3\n",
			errs: []string{"people: t.csv: row 1, column 'Coaching': column C holds 'Coaching', as column B ('Coaching') does: keep one of the two"},
		},
		{
			name: "a name and another competency's ID",
			in:   "id,Coaching (designing-learning)\nE1,4\n",
			errs: []string{"people: t.csv: row 1, column 'Coaching (designing-learning)': the header names 'Coaching' but the ID 'designing-learning': write one of them"},
		},
		{
			name: "a misspelt name before a right ID: the ID decides",
			in:   "id,Coachng (coaching)\nE1,4\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
		},
		{
			name: "a column without a header that holds something",
			in:   "id,coaching,,\nE1,4,,\nE2,3,x,y\nE3,2,z,\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
			errs: []string{
				"people: t.csv: row 1: column C has no header, but row 3 holds 'x': head the column, or empty it",
				"people: t.csv: row 1: column D has no header, but row 3 holds 'y': head the column, or empty it",
			},
		},
		{
			name: "cells past the header's last column",
			in:   "id,coaching\nE1,4,,\nE2,3,,,,extra\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
			errs: []string{"people: t.csv: row 1: column F has no header, but row 3 holds 'extra': head the column, or empty it"},
		},
		{
			name: "a level column without a competency column",
			in:   "id,level,coaching\nE1,4,3\n",
			errs: []string{"people: t.csv: row 1, column 'level': a level column needs a competency column beside it (one rating a row); or head one column per competency, as a wide sheet does"},
		},
		{
			name: "a competency's column in a long sheet",
			in:   "id,competency,level,Coaching\nE1,coaching,4,3\n",
			errs: []string{"people: t.csv: row 1, column 'Coaching': the header names a competency, but this sheet has one rating a row (columns competency and level): rate it in those columns, or skip this column with Options.Ignore (wlp -ignore Coaching)"},
		},
	})
}

// TestColumnName checks the letters of columns.
func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := columnName(i); got != want {
			t.Errorf("columnName(%d) = %q, want %q", i, got, want)
		}
	}
}

// TestNamesResolve checks what headers and competency cells name.
func TestNamesResolve(t *testing.T) {
	n := newNames(wlp.Default())
	tests := []struct {
		text  string
		id    competency.ID
		ok    bool
		other string
	}{
		{"Building trust", "building-trust", true, ""},
		{"building_trust", "building-trust", true, ""},
		{" BUILDING-TRUST ", "building-trust", true, ""},
		{"Building trust (building-trust)", "building-trust", true, ""},
		{"(coaching)", "coaching", true, ""},
		{"Coaching (nothing)", "", false, ""},
		{"Coaching (", "coaching", true, ""},
		{"Coaching x", "", false, ""},
		{"", "", false, ""},
		{"Coaching (designing-learning)", "designing-learning", false, "Coaching"},
	}
	for _, tt := range tests {
		id, ok, other := n.resolve(tt.text)
		if diff := cmp.Diff([]any{tt.id, tt.ok, tt.other}, []any{id, ok, other}); diff != "" {
			t.Errorf("resolve(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

// TestIgnoreArg checks how the hint to skip a column writes the header
// as wlp's -ignore flag takes it: the same key, whatever the shell.
func TestIgnoreArg(t *testing.T) {
	tests := map[string]string{
		"Department":            "Department",
		"Cost centre":           `"Cost centre"`,
		"Cost, centre (€)":      `"Cost centre"`,
		"  Team's  \"lead\"\t":  `"Team s lead"`,
		"Zoë-Ärzte_2":           `"Zoë Ärzte 2"`,
		"#":                     "COL",
		"":                      "COL",
		strings.Repeat("x", 41): "COL",
	}
	for header, want := range tests {
		got := ignoreArg(header)
		if got != want {
			t.Errorf("ignoreArg(%q) = %s, want %s", header, got, want)
		}
		if got != "COL" && suggest.Key(got) != suggest.Key(header) {
			t.Errorf("ignoreArg(%q) = %s, which does not match the header", header, got)
		}
	}
}
