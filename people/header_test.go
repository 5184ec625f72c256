package people

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
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
			name: "an ignored column that is not there",
			o:    &Options{Ignore: []string{"Departmnt", "Location"}},
			in:   "id,name,Department,coaching\nE1,Ana,Sales,4\n",
			errs: []string{
				`people: t.csv: row 1: unknown column 'Department': not a competency or area of framework "astd-2004" (to skip it, ignore it)`,
				"people: t.csv: row 1: the ignored column 'Departmnt' is not in the header row; did you mean 'Department'?",
				"people: t.csv: row 1: the ignored column 'Location' is not in the header row",
			},
		},
		{
			name: "a column that names nothing, with and without a likely meaning",
			in:   "id,Coachng,Departement,Rater name\nE1,4,Sales,Bo\n",
			errs: []string{
				`people: t.csv: row 1: unknown column 'Coachng': not a competency or area of framework "astd-2004"; did you mean 'Coaching'?`,
				`people: t.csv: row 1: unknown column 'Departement': not a competency or area of framework "astd-2004" (to skip it, ignore it)`,
				`people: t.csv: row 1: unknown column 'Rater name': not a competency or area of framework "astd-2004"; did you mean 'rater'?`,
			},
		},
		{
			name: "one competency in two columns",
			in:   "id,Coaching,name,coaching (coaching),COACHING\nE1,4,Ana,3,2\n",
			errs: []string{
				"people: t.csv: row 1: columns B ('Coaching') and D ('coaching (coaching)') both hold 'Coaching': keep one",
				"people: t.csv: row 1: columns B ('Coaching') and E ('COACHING') both hold 'Coaching': keep one",
			},
		},
		{
			name: "one field in two columns",
			in:   "id,name,Employee ID\nE1,Ana,E1\n",
			errs: []string{"people: t.csv: row 1: columns A ('id') and C ('Employee ID') both hold 'id': keep one"},
		},
		{
			name: "a name and another competency's ID",
			in:   "id,Coaching (designing-learning)\nE1,4\n",
			errs: []string{"people: t.csv: row 1: 'Coaching (designing-learning)' names 'Coaching' but the ID 'designing-learning': write one of them"},
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
				"people: t.csv: row 3: column C has no header but holds 'x': head it, or empty it",
				"people: t.csv: row 3: column D has no header but holds 'y': head it, or empty it",
			},
		},
		{
			name: "cells past the header's last column",
			in:   "id,coaching\nE1,4,,\nE2,3,,,,extra\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
			errs: []string{"people: t.csv: row 3: column F has no header but holds 'extra': head it, or empty it"},
		},
		{
			name: "a level column without a competency column",
			in:   "id,level,coaching\nE1,4,3\n",
			errs: []string{"people: t.csv: row 1: column 'level' needs a column competency beside it (one rating a row); or head one column per competency, as a wide sheet does"},
		},
		{
			name: "a competency's column in a long sheet",
			in:   "id,competency,level,Coaching\nE1,coaching,4,3\n",
			errs: []string{"people: t.csv: row 1: column 'Coaching' names a competency, but this sheet has one rating a row (columns competency and level): rate it in those columns, or ignore this one"},
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
		text string
		id   competency.ID
		ok   bool
	}{
		{"Building trust", "building-trust", true},
		{"building_trust", "building-trust", true},
		{" BUILDING-TRUST ", "building-trust", true},
		{"Building trust (building-trust)", "building-trust", true},
		{"(coaching)", "coaching", true},
		{"Coaching (nothing)", "", false},
		{"Coaching (", "coaching", true},
		{"Coaching x", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		id, ok, msg := n.resolve(tt.text)
		if diff := cmp.Diff([]any{tt.id, tt.ok, ""}, []any{id, ok, msg}); diff != "" {
			t.Errorf("resolve(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}
