package people

import (
	"strings"
	"testing"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// TestGrouped reads sheets whose rows are grouped by person: long sheets,
// one rating a row, and wide sheets with a rater column.
func TestGrouped(t *testing.T) {
	runSheetCases(t, []sheetCase{
		{
			name: "a long sheet: a person's ratings over several rows, people in the order of their first rows",
			in: "id,name,competency,level,source,date,evidence\n" +
				"E2,Bob,Coaching,3,,,\n" +
				"E1,Ana,building-trust,4,manager,2026-03-31,workshop notes\n" +
				"E1,,DESIGNING LEARNING,2 - advanced beginner,self,,\n" +
				"E2,Bob,driving-results,,,,\n",
			want: []Person{
				inCSV(2, profile.Profile{ID: "E2", Name: "Bob", Ratings: lv(map[competency.ID]competency.Level{"coaching": 3})}),
				inCSV(3, profile.Profile{ID: "E1", Name: "Ana", Ratings: map[competency.ID]profile.Rating{
					"building-trust":     {Level: 4, Source: profile.Manager, AssessedAt: "2026-03-31", Evidence: []string{"workshop notes"}},
					"designing-learning": {Level: 2, Source: profile.Self},
				}}),
			},
		},
		{
			name: "raters' rows become reviews, rows without a rater the person's own ratings",
			in: "Employee ID,Competency or area,Level,Rater,Source,Assessed on,Evidence\n" +
				"E1,coaching,4,Marta,manager,2026-03-02,1:1 notes\n" +
				"E1,coaching,3,,assessment,2026-01-15,certificate\n" +
				"E1,coaching,3,Ana,self,2026-03-01,\n" +
				"E1,Building trust (building-trust),5,Marta,Manager,2026-03-02,team survey\n" +
				"E1,driving-results,4,Marta,,,1:1 notes\n" +
				"E1,designing-learning,2,Bo,peer,,\n",
			want: []Person{inCSV(2, profile.Profile{
				ID: "E1",
				Ratings: map[competency.ID]profile.Rating{
					"coaching": {Level: 3, Source: profile.Assessment, AssessedAt: "2026-01-15", Evidence: []string{"certificate"}},
				},
				Reviews: []profile.Review{
					{Rater: "Marta", Source: profile.Manager, AssessedAt: "2026-03-02", Levels: map[competency.ID]competency.Level{"coaching": 4, "building-trust": 5, "driving-results": 4}, Evidence: []string{"1:1 notes", "team survey"}},
					{Rater: "Ana", Source: profile.Self, AssessedAt: "2026-03-01", Levels: map[competency.ID]competency.Level{"coaching": 3}},
					{Rater: "Bo", Source: profile.Peer, Levels: map[competency.ID]competency.Level{"designing-learning": 2}},
				},
			})},
		},
		{
			name: "one rater's level twice in a long sheet",
			in:   "id,competency,level,rater\nE1,coaching,4,Marta\nE1,Coaching (coaching),3,Marta\n",
			errs: []string{"people: t.csv: row 3, column 'competency': the rater 'Marta' rates 'Coaching' of 'E1' twice, on rows 2 and 3: keep one"},
		},
		{
			name: "one competency twice without a rater",
			in:   "id,competency,level\nE1,coaching,4\nE2,coaching,4\nE1,Coaching,3\n",
			want: []Person{inCSV(3, profile.Profile{ID: "E2", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
			errs: []string{"people: t.csv: row 4, column 'competency': 'Coaching' of 'E1' is rated twice without a rater, on rows 2 and 4: keep one, or name the raters"},
		},
		{
			name: "one rater with two sources or two dates",
			in: "id,competency,level,rater,source,date\n" +
				"E1,coaching,4,Marta,manager,2026-03-02\n" +
				"E1,building-trust,4,Marta,peer,2026-03-09\n",
			errs: []string{
				"people: t.csv: row 3, column 'source': the rater 'Marta' is 'peer' here but 'manager' on row 2: one source per rater",
				"people: t.csv: row 3, column 'date': the rater 'Marta' assessed on 2026-03-09 here but on 2026-03-02 on row 2: one date per rater",
			},
		},
		{
			name: "one ID with two names",
			in:   "id,name,competency,level\nE1,Ana,coaching,4\nE1,Ana,driving-results,3\nE1,Anna,building-trust,2\n",
			errs: []string{"people: t.csv: row 4, column 'name': the ID 'E1' is named 'Anna' here but 'Ana' on row 2: one name per ID"},
		},
		{
			name: "a competency that is not there, a level without a competency",
			in:   "id,competency,level\nE1,Coachng,4\nE1,,3\nE1,Leadership,2\nE1,,\n",
			errs: []string{
				`people: t.csv: row 2, column 'competency': unknown competency or area 'Coachng': not a competency or area of framework "astd-2004"; did you mean 'Coaching'?`,
				"people: t.csv: row 3, column 'competency': the row has a level but no competency: name the competency or area it rates",
				`people: t.csv: row 4, column 'competency': unknown competency or area 'Leadership': not a competency or area of framework "astd-2004"`,
			},
		},
		{
			name: "a wide sheet with a rater column: a row per person and rater",
			in: "id,name,rater,source,date,evidence,Coaching,Building trust\n" +
				"E1,Ana,Marta,manager,2026-03-02,notes,4,5\n" +
				"E1,Ana,Ana,self,,,3,\n" +
				"E2,Bob,Marta,manager,,,,\n" +
				"E1,Ana,,assessment,2026-01-15,,3,\n",
			want: []Person{
				inCSV(2, profile.Profile{ID: "E1", Name: "Ana",
					Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 3, Source: profile.Assessment, AssessedAt: "2026-01-15"}},
					Reviews: []profile.Review{
						{Rater: "Marta", Source: profile.Manager, AssessedAt: "2026-03-02", Levels: map[competency.ID]competency.Level{"coaching": 4, "building-trust": 5}, Evidence: []string{"notes"}},
						{Rater: "Ana", Source: profile.Self, Levels: map[competency.ID]competency.Level{"coaching": 3}},
					}}),
				inCSV(4, profile.Profile{ID: "E2", Name: "Bob"}),
			},
		},
		{
			name: "a wide sheet with a rater column: one rater's level twice",
			in:   "id,rater,Coaching\nE1,Marta,4\nE1,Marta,3\n",
			errs: []string{"people: t.csv: row 3, column 'Coaching': the rater 'Marta' rates 'Coaching' of 'E1' twice, on rows 2 and 3: keep one"},
		},
		{
			name: "a rater the review rule refuses, put in its cell",
			in:   "id,rater,Coaching\nE1," + strings.Repeat("r", 65) + ",4\n",
			errs: []string{"people: t.csv: row 2, column 'rater': the rater \"" + strings.Repeat("r", 64) + "\"... (65 bytes) has 65 characters, more than the limit of 64"},
		},
		{
			name: "a row that cannot be read holds back everyone: it may be anyone's",
			in:   "id,competency,level\nE1,coaching,4\nE2,coach\"ing,3\nE1,driving-results,3\n",
			errs: []string{`people: t.csv: row 3: line 3: a quote (") in a field that is not quoted: quote the whole field, and double each quote inside it`},
		},
		{
			name: "a problem in one row holds back its person, all rows",
			in:   "id,competency,level\nE1,coaching,4\nE2,coaching,9\nE2,driving-results,3\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
			errs: []string{"people: t.csv: row 3, column 'level': 9 is above the scale's top level 5"},
		},
	})
}
