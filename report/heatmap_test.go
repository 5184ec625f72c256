package report_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/report"
)

// TestMatrixCells checks each kind of cell of the skills matrix: its
// colour class, the level it shows and what a screen reader reads.
func TestMatrixCells(t *testing.T) {
	cols := []report.Axis{
		{Label: "Listening", Of: []competency.ID{"listening"}, Need: 3},
		{Label: "Listening or Talking (either)", Group: "any 1 of 2", Of: []competency.ID{"listening", "talking"}, AtLeast: 1, Need: 5},
	}
	for _, tc := range []struct {
		name   string
		level  competency.Level
		rated  bool
		class  string
		text   string
		reader string
	}{
		{"above the need", 5, true, "met", "5", "level 5 of 3 needed"},
		{"at the need", 3, true, "met", "3", "level 3 of 3 needed"},
		{"one short", 2, true, "short-one", "2", "level 2 of 3 needed"},
		{"two short", 1, true, "short-more", "1", "level 1 of 3 needed"},
		{"rated 0", 0, true, "short-more", "0", "level 0 of 3 needed"},
		{"not rated", 0, false, "unrated", "–", "not rated, 3 needed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := report.TeamReport{Target: "listener", Columns: cols, Members: []report.Member{
				{Profile: "ann", Name: "Ann", Levels: []competency.Level{tc.level, 5}, Rated: []bool{tc.rated, true}},
			}}
			root := readPage(t, html(t, r.WriteHTML))
			row := root.byID(t, "matrix").tags("tbody")[0].tags("tr")[0]
			cell := row.tags("td")[1] // after the fit
			// What shows is the cell without its words for screen
			// readers; what is read is the cell without what is hidden
			// from them.
			shown, read := cell.Text(), cell.Text()
			for _, sp := range cell.tags("span") {
				switch {
				case sp.attr["class"] == "sr":
					shown = strings.Replace(shown, sp.Text(), "", 1)
				case sp.attr["aria-hidden"] == "true":
					read = strings.Replace(read, sp.Text(), "", 1)
				}
			}
			got := []string{cell.attr["class"], strings.Join(strings.Fields(shown), " "), strings.Join(strings.Fields(read), " ")}
			if diff := cmp.Diff([]string{tc.class, tc.text, tc.reader}, got); diff != "" {
				t.Errorf("class, level shown and read (-want +got):\n%s", diff)
			}
			head := root.byID(t, "matrix").tags("thead")[0].Text()
			if !strings.Contains(head, "G1 · any 1 of 2") || !strings.Contains(head, "needs 5") {
				t.Errorf("the group column's header %q wants its tag, short label and need", head)
			}
			if key := root.byID(t, "matrix").tags("dl")[0].Text(); key != "G1 Listening or Talking (either) (needs 5)" {
				t.Errorf("the key reads %q", key)
			}
		})
	}
}

// TestMatrixNames checks how the matrix names its rows: as the ranking
// does, by name with the profile ID after it (so two members of one name
// are told apart by their IDs, once), by the ID alone when there is no
// name, long names whole; and that two members of one name stay apart
// elsewhere on the page.
func TestMatrixNames(t *testing.T) {
	long := strings.Repeat("Maximiliana ", 12) + "Featherstonehaugh"
	r := report.TeamReport{Target: "listener", Kind: match.KindRole,
		Columns: []report.Axis{{Label: "Listening", Of: []competency.ID{"listening"}, Need: 3}},
		Members: []report.Member{
			{Profile: "a1", Name: "Alex", Levels: []competency.Level{3}, Rated: []bool{true}},
			{Profile: "a2", Name: "Alex", Levels: []competency.Level{2}, Rated: []bool{true}},
			{Profile: "p3", Levels: []competency.Level{1}, Rated: []bool{true}},
			{Profile: "p4", Name: long, Levels: []competency.Level{1}, Rated: []bool{true}},
		},
		Covers: []report.Coverage{{Label: "Listening", Of: []competency.ID{"listening"}, Need: 3, Have: 3, Met: true, By: []string{"a1", "a2"}}},
	}
	root := readPage(t, html(t, r.WriteHTML))
	rows := column(rowTexts(root.byID(t, "matrix").tags("table")[0]), 0)
	want := []string{"Alex a1", "Alex a2", "p3", long + " p4"}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("row names (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, column(rowTexts(root.byID(t, "ranking").tags("table")[0]), 1)); diff != "" {
		t.Errorf("the ranking names the members otherwise (-matrix +ranking):\n%s", diff)
	}
	by := column(rowTexts(root.byID(t, "coverage").tags("table")[0]), 4)
	if diff := cmp.Diff([]string{"Alex (a1) and Alex (a2)"}, by); diff != "" {
		t.Errorf("covered by (-want +got):\n%s", diff)
	}
}

// TestCoveredByList checks that a requirement's list of who covers it
// names the first few and counts the rest.
func TestCoveredByList(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{1, "P1"},
		{2, "P1 and P2"},
		{6, "P1, P2, P3, P4, P5 and P6"},
		{7, "P1, P2, P3, P4, P5 and 2 more"},
		{500, "P1, P2, P3, P4, P5 and 495 more"},
	} {
		r := report.TeamReport{Target: "listener", Covers: []report.Coverage{{Label: "Listening", Need: 3, Have: 3, Met: true}}}
		for i := range tc.n {
			id := "p" + string(rune('a'+i%26)) + strings.Repeat("x", i/26)
			r.Members = append(r.Members, report.Member{Profile: id, Name: "P" + itoa(i+1)})
			r.Covers[0].By = append(r.Covers[0].By, id)
		}
		root := readPage(t, html(t, r.WriteHTML))
		if diff := cmp.Diff([]string{tc.want}, column(rowTexts(root.byID(t, "coverage").tags("table")[0]), 4)); diff != "" {
			t.Errorf("%d people (-want +got):\n%s", tc.n, diff)
		}
	}
}

// itoa prints n in decimal.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
