package people

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/xuri/excelize/v2"
)

// TestWriteTemplateCSV checks the CSV template byte for byte: a
// byte-order mark, the header row, CRLF.
func TestWriteTemplateCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTemplate(&b, nil, CSV); err != nil {
		t.Fatal(err)
	}
	want := "\xef\xbb\xbfid,name,source,date," +
		"Building trust (building-trust),Communicating effectively (communicating-effectively)," +
		"Influencing stakeholders (influencing-stakeholders),Leveraging diversity (leveraging-diversity)," +
		"Networking and partnering (networking-and-partnering)," +
		"Analyzing needs and proposing solutions (analyzing-needs-and-proposing-solutions)," +
		"Applying business acumen (applying-business-acumen),Driving results (driving-results)," +
		"Planning and implementing assignments (planning-and-implementing-assignments)," +
		"Thinking strategically (thinking-strategically),Demonstrating adaptability (demonstrating-adaptability)," +
		"Modeling personal development (modeling-personal-development)," +
		"Career planning and talent management (career-planning-and-talent-management),Coaching (coaching)," +
		"Delivering training (delivering-training),Designing learning (designing-learning)," +
		"Facilitating organizational change (facilitating-organizational-change)," +
		"Improving human performance (improving-human-performance)," +
		"Managing organizational knowledge (managing-organizational-knowledge)," +
		"Managing the learning function (managing-the-learning-function)," +
		"Measuring and evaluating (measuring-and-evaluating)\r\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("CSV template (-want +got):\n%s", diff)
	}
}

// TestWriteTemplateXLSX opens the workbook template and checks its
// sheets, header, frozen panes, lists and guides.
func TestWriteTemplateXLSX(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTemplate(&b, wlp.Default(), XLSX); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	got := map[string]any{"sheets": wb.GetSheetList()}
	rows, _ := wb.GetRows("Ratings")
	got["header"] = rows
	panes, _ := wb.GetPanes("Ratings")
	got["panes"] = []any{panes.Freeze, panes.XSplit, panes.YSplit, panes.TopLeftCell}
	dvs, _ := wb.GetDataValidations("Ratings")
	var lists []string
	for _, dv := range dvs {
		lists = append(lists, dv.Sqref+" "+dv.Type+" "+dv.Formula1+" "+*dv.ErrorStyle)
	}
	got["lists"] = lists
	style, _ := wb.GetCellStyle("Ratings", "A1")
	st, _ := wb.GetStyle(style)
	got["bold"] = st.Font != nil && st.Font.Bold
	scale, _ := wb.GetRows("Scale")
	got["scale"] = scale
	guide, _ := wb.GetRows("Guide")
	got["guide"] = [][]string{guide[0], guide[1], guide[13], guide[21]}
	for _, sheet := range []string{"Ratings", "Guide"} {
		layout, _ := wb.GetPageLayout(sheet)
		got[sheet+" page"] = *layout.Orientation
	}
	names := map[string]string{}
	for _, dn := range wb.GetDefinedName() {
		names[dn.Scope+" "+dn.Name] = dn.RefersTo
	}
	got["names"] = names
	want := map[string]any{
		"sheets": []string{"Ratings", "Scale", "Guide"},
		"header": [][]string{templateHeader(wlp.Default())},
		"panes":  []any{true, 2, 1, "C2"},
		"lists": []string{
			`C2:C501 list "self,manager,peer,direct-report,assessment" warning`,
			`E2:Y501 list "0 - not demonstrated,1 - novice,2 - advanced beginner,3 - competent,4 - proficient,5 - expert" warning`,
		},
		"bold":         true,
		"Ratings page": "landscape",
		"Guide page":   "landscape",
		"names":        map[string]string{"Ratings _xlnm.Print_Titles": "Ratings!$A:$B,Ratings!$1:$1"},
		"scale": [][]string{
			{"level", "name", "description", "label"},
			{"0", "not demonstrated", "No evidence yet that the person can do this.", "0 - not demonstrated"},
			{"1", "novice", "Knows the basic rules and can apply them with close guidance.", "1 - novice"},
			{"2", "advanced beginner", "Handles familiar, routine situations but still needs support when things change.", "2 - advanced beginner"},
			{"3", "competent", "Works independently, plans deliberately and takes responsibility for the outcome.", "3 - competent"},
			{"4", "proficient", "Sees situations as a whole, spots what matters most and adapts the approach.", "4 - proficient"},
			{"5", "expert", "Acts fluently from deep experience, handles novel cases and develops others.", "5 - expert"},
		},
		"guide": [][]string{
			{"competency or area ID", "name", "tier", "description"},
			{"building-trust", "Building trust", "foundational competency (Interpersonal)", summaryOf(wlp.Default(), "building-trust")},
			{"career-planning-and-talent-management", "Career planning and talent management", "area of expertise", summaryOf(wlp.Default(), "career-planning-and-talent-management")},
			{"measuring-and-evaluating", "Measuring and evaluating", "area of expertise", summaryOf(wlp.Default(), "measuring-and-evaluating")},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("workbook template (-want +got):\n%s", diff)
	}
	if summaryOf(wlp.Default(), "coaching") == "" || tierOf(wlp.Default(), "driving-results") != "foundational competency (Business/Management)" {
		t.Errorf("the guide lacks a summary or a cluster")
	}
}

// TestTemplateHeaderHeight checks that the header row of the workbook
// template is tall enough for every header to show whole, wrapped in its
// column: at most 4 characters in 5 of the column's width on a line, as
// the bold fonts office programs fall back on are wider than the digits
// that widths count, and 15 points a line.
func TestTemplateHeaderHeight(t *testing.T) {
	for _, f := range []*wlp.Framework{wlp.Default(), growthFramework(t, 50)} {
		var b bytes.Buffer
		if err := WriteTemplate(&b, f, XLSX); err != nil {
			t.Fatal(err)
		}
		wb, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		height, _ := wb.GetRowHeight("Ratings", 1)
		for i, h := range templateHeader(f) {
			width, _ := wb.GetColWidth("Ratings", columnName(i))
			perLine := int(width * 4 / 5)
			if lines := int(height / 15); lines*perLine < utf8.RuneCountInString(h) || wrappedLines(h, width) > lines {
				t.Errorf("the header %q, in a column %g wide, takes %d lines of %d characters; the row has room for %d",
					h, width, wrappedLines(h, width), perLine, lines)
			}
		}
		_ = wb.Close()
	}
}

// TestWrappedLines counts the lines of wrapped headers.
func TestWrappedLines(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		want  int
	}{
		{"id", 10, 1},
		{"", 10, 1},
		{"Building trust (building-trust)", 20, 2}, // 16 a line: "Building trust" | "(building-trust)"
		{"Building trust (building-trust)", 10, 4}, // 8: "Building" | "trust" | "(buildin" "g-" | "trust)"
		{"Coaching (coaching)", 20, 2},             // "Coaching" | "(coaching)": 19 > 16
		{"Communicating effectively (communicating-effectively)", 20, 4},
		{"abcdefghijklmnopqrstuvwxyzabcdefgh", 20, 3}, // 34 characters, broken anywhere: 16, 16, 2
		{"a-b-c-d-e-f-g-h-i-j-k-l-m-n", 10, 4},        // after hyphens: 8 a line
		{"Zoë Zoë Zoë Zoë Zoë", 5, 5},                 // characters, not bytes: 4 a line
	}
	for _, tt := range tests {
		if got := wrappedLines(tt.text, tt.width); got != tt.want {
			t.Errorf("wrappedLines(%q, %g) = %d, want %d", tt.text, tt.width, got, tt.want)
		}
	}
}

// TestWriteTemplateFormat checks that only CSV and XLSX templates are
// written.
func TestWriteTemplateFormat(t *testing.T) {
	var b bytes.Buffer
	err := WriteTemplate(&b, nil, JSON)
	if err == nil || err.Error() != "people: cannot write a template as json: want csv or xlsx" || b.Len() != 0 {
		t.Errorf("WriteTemplate(JSON) = %v, wrote %d bytes", err, b.Len())
	}
}

// templateFilled is what the round-trip tests fill in, and the people it
// must give back.
var templateFilled = []Person{
	{Profile: profile.Profile{ID: "E1", Name: "Ana López", Ratings: map[competency.ID]profile.Rating{
		"building-trust":           {Level: 4, Source: profile.Manager, AssessedAt: "2026-03-31"},
		"coaching":                 {Level: 3, Source: profile.Manager, AssessedAt: "2026-03-31"},
		"measuring-and-evaluating": {Level: 0, Source: profile.Manager, AssessedAt: "2026-03-31"},
	}}, Place: Place{Row: 2}},
	{Profile: profile.Profile{ID: "007", Name: "Zoë", Ratings: map[competency.ID]profile.Rating{
		"designing-learning": {Level: 5, Source: profile.Self},
	}}, Place: Place{Row: 3}},
}

// TestTemplateRoundTrip fills in each template, reads it back and wants
// the people filled in; and an empty template gives nobody and no
// problem.
func TestTemplateRoundTrip(t *testing.T) {
	f := wlp.Default()
	col := func(id competency.ID) int { return 4 + f.Index(id) }
	for _, format := range []Format{CSV, XLSX} {
		for _, fill := range []bool{false, true} {
			var b bytes.Buffer
			if err := WriteTemplate(&b, f, format); err != nil {
				t.Fatal(err)
			}
			file := "t." + format.String()
			want := []Person(nil)
			if fill {
				for _, p := range templateFilled {
					p.Place.File = file
					if format == XLSX {
						p.Place.Sheet = "Ratings"
					}
					want = append(want, p)
				}
			}
			var got []Person
			var errs []string
			if format == CSV {
				if fill {
					r1 := make([]string, 4+len(f.IDs()))
					copy(r1, []string{"E1", "Ana López", "manager", "2026-03-31"})
					r1[col("building-trust")], r1[col("coaching")], r1[col("measuring-and-evaluating")] = "4 - proficient", "3", "0 - not demonstrated"
					r2 := make([]string, len(r1))
					copy(r2, []string{"007", "Zoë", "self", ""})
					r2[col("designing-learning")] = "5 - expert"
					b.WriteString(strings.Join(r1, ",") + "\r\n" + strings.Join(r2, ",") + "\r\n")
				}
				got, errs = collectSheet(t, file, func(yield func(Person, error) bool) bool {
					return (*Options)(nil).readCSV(&b, file, yield)
				})
			} else {
				data := b.Bytes()
				if fill {
					data = fillWorkbook(t, data, col)
				}
				got, errs = collectSheet(t, file, func(yield func(Person, error) bool) bool {
					return (*Options)(nil).readXLSX(bytes.NewReader(data), file, yield)
				})
			}
			if diff := cmp.Diff(want, got); diff != "" || errs != nil {
				t.Errorf("%s, filled %v: problems %q; people (-want +got):\n%s", format, fill, errs, diff)
			}
		}
	}
}

// fillWorkbook fills in the workbook template data as a person would in
// Excel: a date typed into the date column, labels chosen from the
// list, a number typed.
func fillWorkbook(t *testing.T, data []byte, col func(competency.ID) int) []byte {
	t.Helper()
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	set := func(cell string, v any) {
		if err := wb.SetCellValue("Ratings", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		cell string
		v    any
	}{
		{"A2", "E1"}, {"B2", "Ana López"}, {"C2", "manager"}, {"D2", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)},
		{columnName(col("building-trust")) + "2", "4 - proficient"}, {columnName(col("coaching")) + "2", 3},
		{columnName(col("measuring-and-evaluating")) + "2", "0 - not demonstrated"},
		{"A3", "007"}, {"B3", "Zoë"}, {"C3", "self"}, {columnName(col("designing-learning")) + "3", "5 - expert"},
	} {
		set(c.cell, c.v)
	}
	var b bytes.Buffer
	if err := wb.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// growthFramework returns the default framework with n more areas.
func growthFramework(tb testing.TB, n int) *wlp.Framework {
	s := wlp.DefaultSpec()
	for i := range n {
		s.Areas = append(s.Areas, aoe.Area{ID: competency.ID(fmt.Sprintf("extra-area-%d", i)), Name: fmt.Sprintf("Extra area %d", i), Summary: "An area added for a test."})
	}
	f, err := wlp.New(s)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// TestTemplateCustomFramework writes and reads back the templates of a
// framework with more areas than a list of levels can name inline.
func TestTemplateCustomFramework(t *testing.T) {
	f := growthFramework(t, 30)
	for _, format := range []Format{CSV, XLSX} {
		var b bytes.Buffer
		if err := WriteTemplate(&b, f, format); err != nil {
			t.Fatal(err)
		}
		file := "t." + format.String()
		o := &Options{Framework: f}
		got, errs := collectSheet(t, file, func(yield func(Person, error) bool) bool {
			if format == CSV {
				return o.readCSV(&b, file, yield)
			}
			return o.readXLSX(&b, file, yield)
		})
		if got != nil || errs != nil {
			t.Errorf("%s: %d people, problems %q; want none", format, len(got), errs)
		}
	}
}

// BenchmarkGrowthWriteTemplate writes workbook templates for frameworks
// of 21 + N, 2N and 4N competencies and areas.
func BenchmarkGrowthWriteTemplate(b *testing.B) {
	for _, n := range []int{50, 100, 200} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			f := growthFramework(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteTemplate(io.Discard, f, XLSX); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
