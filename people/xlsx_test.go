package people

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/xuri/excelize/v2"
)

// rawSheet is one sheet of a workbook written by hand: its name and the
// XML of its rows, so that a test states exactly what the file holds.
type rawSheet struct {
	name  string
	rows  string
	state string // "hidden", "veryHidden", or "" for a visible sheet
}

// rawWorkbook returns the bytes of a minimal .xlsx package holding sheets,
// counting dates from 1904 when date1904 is true.
func rawWorkbook(t testing.TB, date1904 bool, sheets ...rawSheet) []byte {
	t.Helper()
	return rawWorkbookParts(t, date1904, nil, sheets...)
}

// rawWorkbookParts is rawWorkbook with more parts in the package, by
// name.
func rawWorkbookParts(t testing.TB, date1904 bool, parts map[string]string, sheets ...rawSheet) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	put := func(name, body string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	var types, list, rels strings.Builder
	for i, s := range sheets {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, i+1, state, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), `<?xml version="1.0" encoding="UTF-8"?><worksheet `+ns+`><sheetData>`+s.rows+`</sheetData></worksheet>`)
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+types.String()+`</Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook `+ns+`>`+pr+`<sheets>`+list.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	for name, body := range parts {
		put(name, body)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// row returns a row's XML: the cells given, each made by str, num,
// formula, errCell or date.
func row(n int, cells ...string) string {
	return fmt.Sprintf(`<row r="%d">%s</row>`, n, strings.Join(cells, ""))
}

func str(ref, s string) string {
	return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>`
}
func num(ref, v string) string { return `<c r="` + ref + `"><v>` + v + `</v></c>` }
func formula(ref, f, v string) string {
	return `<c r="` + ref + `"><f>` + f + `</f><v>` + v + `</v></c>`
}
func errCell(ref, e string) string { return `<c r="` + ref + `" t="e"><v>` + e + `</v></c>` }
func date(ref, iso string) string  { return `<c r="` + ref + `" t="d"><v>` + iso + `</v></c>` }

// farWorkbook returns a workbook of a header row and n-1 people, with
// the column Coaching in column XFD, or, when stray is true, in column B
// with stray cells in XFD.
func farWorkbook(t testing.TB, n int, stray bool) []byte {
	var b strings.Builder
	level := "XFD"
	if stray {
		level = "B"
	}
	b.WriteString(row(1, str("A1", "id"), str(level+"1", "Coaching")))
	for i := 2; i <= n; i++ {
		ref := strconv.Itoa(i)
		cells := []string{str("A"+ref, "E"+ref), num(level+ref, "3")}
		if stray {
			cells = append(cells, str("XFD"+ref, "x"))
		}
		b.WriteString(row(i, cells...))
	}
	return rawWorkbook(t, false, rawSheet{name: "Ratings", rows: b.String()})
}

// TestXLSXFarWork checks that a sheet whose rows would take too many
// cells is refused before the library hands over any row past the
// header: the cells handed over are the header row's, whatever the
// number of rows.
func TestXLSXFarWork(t *testing.T) {
	for _, n := range []int{200, 5000} {
		for _, stray := range []bool{false, true} {
			s := (*Options)(nil).newSheetReader("t.xlsx", func(Person, error) bool { return true })
			s.readWorkbook(bytes.NewReader(farWorkbook(t, n, stray)))
			want := int64(16384)
			if stray {
				want = 2
			}
			if s.handed != want || s.ps.len() != 1 || !s.lost {
				t.Errorf("%d rows, stray cells %v: %d cells handed over, %d problems, lost %v; want %d cells, 1 problem, lost",
					n, stray, s.handed, s.ps.len(), s.lost, want)
			}
		}
	}
}

// TestXLSXFarUnscanned checks the bound on the cells handed over where
// the scan misses them: cell references written with character
// references, which the library reads and the scan does not. The rows
// are read until they have taken the bound's cells.
func TestXLSXFarUnscanned(t *testing.T) {
	xfd := func(cell string) string { return strings.Replace(cell, `r="XFD`, `r="&#88;FD`, 1) }
	var b strings.Builder
	b.WriteString(row(1, str("A1", "id"), xfd(str("XFD1", "Coaching"))))
	for i := 2; i <= 200; i++ {
		ref := strconv.Itoa(i)
		b.WriteString(row(i, str("A"+ref, "E"+ref), xfd(num("XFD"+ref, "3"))))
	}
	got, errs := readXLSXBytes(t, nil, rawWorkbook(t, false, rawSheet{name: "Ratings", rows: b.String()}))
	want := []string{"people: t.xlsx: sheet 'Ratings', row 74: reading the sheet's rows takes more than the limit of 1205584 cells for a sheet of its size, " +
		"out to column XFD: delete the empty columns, or the cells far to the right"}
	if diff := cmp.Diff(want, errs); diff != "" || len(got) != 72 || got[71].Place.Row != 73 {
		t.Errorf("%d people; problems (-want +got):\n%s", len(got), diff)
	}
}

// readXLSXBytes reads b as the workbook "t.xlsx".
func readXLSXBytes(t *testing.T, o *Options, b []byte) ([]Person, []string) {
	t.Helper()
	return collectSheet(t, "t.xlsx", func(yield func(Person, error) bool) bool {
		return o.readXLSX(bytes.NewReader(b), "t.xlsx", yield)
	})
}

// inXLSX returns a person read from row n of sheet in t.xlsx.
func inXLSX(sheet string, n int, p profile.Profile) Person {
	return Person{Profile: p, Place: Place{File: "t.xlsx", Sheet: sheet, Row: n}}
}

// ratingsHeader is the header row of the test workbooks.
var ratingsHeader = row(1, str("A1", "ID"), str("B1", "Name"), str("C1", "Date"), str("D1", "Coaching"), str("E1", "Building trust"))

// TestXLSX reads workbooks: cells as stored, sheets by name, and places
// with cell names.
func TestXLSX(t *testing.T) {
	ana := profile.Profile{ID: "E1", Name: "Ana", Ratings: map[competency.ID]profile.Rating{
		"coaching":       {Level: 4, AssessedAt: "2026-03-31"},
		"building-trust": {Level: 3, AssessedAt: "2026-03-31"},
	}}
	tests := []struct {
		name string
		o    *Options
		b    []byte
		want []Person
		errs []string
	}{
		{
			name: "numbers, formulas' cached values, serial dates, trailing empty rows",
			b: rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ratingsHeader +
				row(2, str("A2", "E1"), str("B2", "Ana"), num("C2", "46112"), num("D2", "4"), formula("E2", "ROUND(AVERAGE(2,4),0)", "3")) +
				row(3, num("A3", "1002"), str("B3", " Bob "), date("C3", "2026-03-31T00:00:00Z"), str("D3", "4 - proficient"), num("E3", "2.9999999999999996")) +
				row(4) + `<row r="40"><c r="A40" s="0"/></row>`}),
			want: []Person{
				inXLSX("Ratings", 2, ana),
				inXLSX("Ratings", 3, profile.Profile{ID: "1002", Name: "Bob", Ratings: map[competency.ID]profile.Rating{
					"coaching":       {Level: 4, AssessedAt: "2026-03-31"},
					"building-trust": {Level: 3, AssessedAt: "2026-03-31"},
				}}),
			},
		},
		{
			name: "the 1904 date system",
			b: rawWorkbook(t, true, rawSheet{name: "Ratings", rows: ratingsHeader +
				row(2, str("A2", "E1"), str("B2", "Ana"), num("C2", "44650"), num("D2", "4"), num("E2", "3"))}),
			want: []Person{inXLSX("Ratings", 2, ana)},
		},
		{
			name: "problems name the sheet and the cell",
			b: rawWorkbook(t, false, rawSheet{name: "Team A", rows: row(1, str("A1", "Team ratings")) + row(2) +
				row(3, str("A3", "id"), str("B3", "Coachng"), str("C3", "building trust")) +
				row(4, str("A4", "E1"), errCell("C4", "#N/A")) +
				row(5, str("A5", "E2"), num("C5", "6"))}),
			errs: []string{
				`people: t.xlsx: cell 'Team A'!B3, column 'Coachng': the header names no competency or area of framework "astd-2004"; did you mean 'Coaching'?`,
				"people: t.xlsx: cell 'Team A'!C4, column 'building trust': the cell holds the error #N/A: correct its formula, or empty it",
				"people: t.xlsx: cell 'Team A'!C5, column 'building trust': 6 is above the scale's top level 5",
			},
		},
		{
			name: "a sheet named in any case",
			o:    &Options{Sheet: "RESPONSES"},
			b: rawWorkbook(t, false, rawSheet{name: "Instructions", rows: row(1, str("A1", "Rate each person."))},
				rawSheet{name: "Responses", rows: row(1, str("A1", "id"), str("B1", "competency"), str("C1", "level")) +
					row(2, str("A2", "E1"), str("B2", "coaching"), num("C2", "4"))}),
			want: []Person{inXLSX("Responses", 2, profile.Profile{ID: "E1", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4})})},
		},
		{
			name: "the first sheet when none is named",
			b: rawWorkbook(t, false, rawSheet{name: "Instructions", rows: row(1, str("A1", "Rate each person."))},
				rawSheet{name: "Responses", rows: row(1, str("A1", "id"))}),
			errs: []string{"people: t.xlsx: sheet 'Instructions': no header row: none of the first 10 rows has an id column (headed id, employee id or the like); " +
				"the sheet 'Responses' has one: read it with Options.Sheet (wlp -sheet Responses)"},
		},
		{
			name: "the first visible sheet when none is named",
			b: rawWorkbook(t, false, rawSheet{name: "Lookup", rows: row(1, str("A1", "lookup")), state: "hidden"},
				rawSheet{name: "Codes", rows: row(1, str("A1", "id")), state: "veryHidden"},
				rawSheet{name: "Ratings", rows: ratingsHeader + row(2, str("A2", "E1"), str("B2", "Ana"), num("C2", "46112"), num("D2", "4"), num("E2", "3"))}),
			want: []Person{inXLSX("Ratings", 2, ana)},
		},
		{
			name: "a hidden sheet when it is named",
			o:    &Options{Sheet: "lookup"},
			b: rawWorkbook(t, false, rawSheet{name: "Lookup", rows: row(1, str("A1", "id")) + row(2, str("A2", "E1")), state: "hidden"},
				rawSheet{name: "Ratings", rows: ratingsHeader}),
			want: []Person{inXLSX("Lookup", 2, profile.Profile{ID: "E1"})},
		},
		{
			name: "the first sheet when every sheet is hidden",
			b:    rawWorkbook(t, false, rawSheet{name: "A", rows: row(1, str("A1", "id")) + row(2, str("A2", "E1")), state: "hidden"}),
			want: []Person{inXLSX("A", 2, profile.Profile{ID: "E1"})},
		},
		{
			name: "a sheet without a header row names those with one",
			o:    &Options{Sheet: "Notes"},
			b: rawWorkbook(t, false, rawSheet{name: "Notes", rows: ""},
				rawSheet{name: "Team A", rows: row(1, str("A1", "Title")) + row(3, str("C3", " Employee ID "))},
				rawSheet{name: "Lookup", rows: row(1, str("A1", "code"))},
				rawSheet{name: "Team-B", rows: row(1, str("A1", "id"))}),
			errs: []string{"people: t.xlsx: sheet 'Notes': nothing to read: a sheet needs a header row with an id column, and a row per person; " +
				`the sheets 'Team A' and 'Team-B' have one: read one with Options.Sheet (wlp -sheet "Team A")`},
		},
		{
			name: "many sheets with a header row",
			b: rawWorkbook(t, false, rawSheet{name: "Notes", rows: row(1, str("A1", "x"))}, rawSheet{name: "A", rows: row(1, str("A1", "id"))},
				rawSheet{name: "B", rows: row(1, str("A1", "id"))}, rawSheet{name: "C", rows: row(1, str("A1", "id"))},
				rawSheet{name: "D", rows: row(1, str("A1", "id"))}, rawSheet{name: "E", rows: row(1, str("A1", "id"))}),
			errs: []string{"people: t.xlsx: sheet 'Notes': no header row: none of the first 10 rows has an id column (headed id, employee id or the like); " +
				"the sheets 'A', 'B', 'C' and more have one: read one with Options.Sheet (wlp -sheet A)"},
		},
		{
			name: "booleans are no levels, as in CSV",
			b: rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ratingsHeader +
				row(2, str("A2", "E1"), `<c r="D2" t="b"><v>1</v></c>`, `<c r="E2" t="b"><v>0</v></c>`)}),
			errs: []string{
				"people: t.xlsx: cell Ratings!D2, column 'Coaching': 'TRUE' is not a level: write a whole number from 0 to 5, a level's name such as 'proficient', or a label such as '4 - proficient'",
				"people: t.xlsx: cell Ratings!E2, column 'Building trust': 'FALSE' is not a level: write a whole number from 0 to 5, a level's name such as 'proficient', or a label such as '4 - proficient'",
			},
		},
		{
			name: "formulas without a saved result, as programs that do not compute write them",
			b: rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ratingsHeader +
				row(2, str("A2", "E1"), `<c r="D2"><f>2+2</f></c>`, `<c r="E2"><f>IF(A2&lt;&gt;"",3,"")</f><v></v></c>`) +
				row(3, str("A3", "E2"), `<c r="C3"><f t="shared" ref="C3:C4" si="0">TODAY()</f><v/></c>`, `<c r="E3" t="str"><f>""</f><v></v></c>`) +
				row(4, str("A4", "E3"), `<c r="C4"><f t="shared" si="0"/></c>`, `<c r="F4"><f>1/0</f></c>`) +
				row(5, str("A5", "E4"), formula("D5", "2+2", "4"), `<c r="E5" t="str"><f>"3"</f><v>3</v></c>`)}),
			want: []Person{inXLSX("Ratings", 5, profile.Profile{ID: "E4", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4, "building-trust": 3})})},
			errs: []string{
				"people: t.xlsx: cell Ratings!D2, column 'Coaching': the formula =2+2 has no saved result: open the workbook in Excel or LibreOffice and save it",
				`people: t.xlsx: cell Ratings!E2, column 'Building trust': the formula =IF(A2<>"",3,"") has no saved result: open the workbook in Excel or LibreOffice and save it`,
				"people: t.xlsx: cell Ratings!C3, column 'Date': the formula =TODAY() has no saved result: open the workbook in Excel or LibreOffice and save it",
				"people: t.xlsx: cell Ratings!C4, column 'Date': the cell's formula has no saved result: open the workbook in Excel or LibreOffice and save it",
			},
		},
		{
			name: "a header that is a formula without a saved result",
			b: rawWorkbook(t, false, rawSheet{name: "Ratings", rows: row(1, str("A1", "id"), `<c r="B1"><f>"Coa"&amp;"ching"</f></c>`) +
				row(2, str("A2", "E1"))}),
			errs: []string{`people: t.xlsx: cell Ratings!B1: the formula ="Coa"&"ching" has no saved result: open the workbook in Excel or LibreOffice and save it`},
		},
		{
			name: "a sheet that is not there",
			o:    &Options{Sheet: "Respnses"},
			b:    rawWorkbook(t, false, rawSheet{name: "Instructions", rows: ""}, rawSheet{name: "Responses", rows: ""}),
			errs: []string{"people: t.xlsx: the workbook has no sheet 'Respnses'; its sheets are 'Instructions', 'Responses'; did you mean 'Responses'?"},
		},
		{
			name: "an empty sheet",
			b:    rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ""}),
			errs: []string{"people: t.xlsx: sheet 'Ratings': nothing to read: a sheet needs a header row with an id column, and a row per person"},
		},
		{
			name: "a header far to the right: its rows would take too many cells",
			b:    farWorkbook(t, 200, false),
			errs: []string{"people: t.xlsx: cell Ratings!XFD1, column 'Coaching': the header reaches column XFD across 16382 empty columns: " +
				"reading the sheet's rows would take 3276800 cells, more than the limit of 1199184 for a sheet of its size; delete the empty columns"},
		},
		{
			name: "cells far past the header: its rows would take too many cells",
			b:    farWorkbook(t, 200, true),
			errs: []string{"people: t.xlsx: cell Ratings!XFD2: cells reach column XFD, far past the last column with a header (B): " +
				"reading the sheet's rows would take 3260418 cells, more than the limit of 1273144 for a sheet of its size; delete the cells past column B"},
		},
		{
			name: "a few rows far to the right are read",
			b:    farWorkbook(t, 20, false),
			want: func() (want []Person) {
				for i := 2; i <= 20; i++ {
					want = append(want, inXLSX("Ratings", i, profile.Profile{ID: fmt.Sprintf("E%d", i), Ratings: lv(map[competency.ID]competency.Level{"coaching": 3})}))
				}
				return want
			}(),
		},
		{
			name: "CSV text named .xlsx",
			b:    []byte("\xef\xbb\xbfid;name\r\nE1;Zo\xeb\r\n"),
			errs: []string{"people: t.xlsx: not a workbook: the file looks like CSV text; rename it .csv"},
		},
		{
			name: "JSON text named .xlsx",
			b:    []byte(" \n[{\"id\": \"E1\"}]"),
			errs: []string{"people: t.xlsx: not a workbook: the file looks like JSON text; rename it .json"},
		},
		{
			name: "neither a workbook nor text",
			b:    []byte("\x00\x01\x02id,name"),
			errs: []string{"people: t.xlsx: not an Excel workbook (.xlsx): save it as .xlsx or CSV"},
		},
		{
			name: "a ZIP file that is not a workbook",
			b: func() []byte {
				var b bytes.Buffer
				z := zip.NewWriter(&b)
				w, _ := z.Create("hello.txt")
				_, _ = w.Write([]byte("hello"))
				_ = z.Close()
				return b.Bytes()
			}(),
			errs: []string{"people: t.xlsx: not an Excel workbook (.xlsx): save it as .xlsx or CSV"},
		},
		{
			name: "a workbook without sheets",
			b:    rawWorkbook(t, false),
			errs: []string{"people: t.xlsx: the workbook has no sheets"},
		},
		{
			name: "a workbook larger than its bound",
			o:    &Options{MaxBytes: 64},
			b:    rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ratingsHeader}),
			errs: []string{"people: t.xlsx: the workbook is larger than the limit of 1024 bytes"},
		},
		{
			name: "a workbook that unzips past its bound",
			o:    &Options{MaxBytes: 4 << 10},
			b:    rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ratingsHeader + row(2, str("A2", strings.Repeat(" ", 4<<20)))}),
			errs: []string{"people: t.xlsx: the workbook unzips to more than the limit of 262144 bytes"},
		},
		{
			name: "a zip bomb: a small file that unzips to a hundred times its size",
			b:    rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ratingsHeader + row(2, str("A2", strings.Repeat(" ", 4<<20)))}),
			errs: []string{"people: t.xlsx: the workbook unzips to more than the limit of 1048576 bytes"},
		},
		{
			name: "shared strings past their bound",
			o:    &Options{MaxBytes: 4 << 10},
			b: rawWorkbookParts(t, false, map[string]string{"xl/sharedStrings.xml": "<sst>" + strings.Repeat("<si><t>a</t></si>", 2000) + "</sst>"},
				rawSheet{name: "Ratings", rows: ratingsHeader}),
			errs: []string{"people: t.xlsx: the workbook's part 'xl/sharedStrings.xml' unzips to more than the limit of 16384 bytes"},
		},
		{
			name: "a row larger than its bound",
			o:    &Options{MaxBytes: 1 << 10},
			b: rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ratingsHeader +
				row(2, str("A2", "E1"), str("B2", strings.Repeat("x", 2000))) +
				row(3, str("A3", "E1"), str("B3", "Ana"), num("C3", "46112"), num("D3", "4"), num("E3", "3"))}),
			want: []Person{inXLSX("Ratings", 3, ana)},
			errs: []string{"people: t.xlsx: sheet 'Ratings', row 2: the row holds 2002 bytes, more than the limit of 1024"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := readXLSXBytes(t, tt.o, tt.b)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("people (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, errs); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestXLSXExcelize reads a workbook as the excelize library writes it:
// shared strings, dates as numbers with a date format, a custom sheet.
func TestXLSXExcelize(t *testing.T) {
	wb := excelize.NewFile()
	defer wb.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(wb.SetSheetName("Sheet1", "Team"))
	must(wb.SetSheetRow("Team", "A1", &[]any{"Employee ID", "Full name", "Assessed on", "Source", "Coaching", "Driving results"}))
	must(wb.SetSheetRow("Team", "A2", &[]any{"E1", "Ana", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "Manager", 4, "proficient"}))
	must(wb.SetSheetRow("Team", "A3", &[]any{"E2", "Bob", "", "", 2.0, nil}))
	var b bytes.Buffer
	must(wb.Write(&b))
	got, errs := readXLSXBytes(t, nil, b.Bytes())
	want := []Person{
		inXLSX("Team", 2, profile.Profile{ID: "E1", Name: "Ana", Ratings: map[competency.ID]profile.Rating{
			"coaching":        {Level: 4, Source: profile.Manager, AssessedAt: "2026-03-31"},
			"driving-results": {Level: 4, Source: profile.Manager, AssessedAt: "2026-03-31"},
		}}),
		inXLSX("Team", 3, profile.Profile{ID: "E2", Name: "Bob", Ratings: lv(map[competency.ID]competency.Level{"coaching": 2})}),
	}
	if diff := cmp.Diff(want, got); diff != "" || errs != nil {
		t.Errorf("problems %q; people (-want +got):\n%s", errs, diff)
	}
}

// xlsxSeeds are small workbooks for FuzzXLSX to start from.
func xlsxSeeds(t testing.TB) [][]byte {
	var tmpl bytes.Buffer
	if err := WriteTemplate(&tmpl, nil, XLSX); err != nil {
		t.Fatal(err)
	}
	return [][]byte{
		tmpl.Bytes(),
		rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ratingsHeader +
			row(2, str("A2", "E1"), str("B2", "Ana"), num("C2", "46112"), num("D2", "4"), formula("E2", "1+2", "3")) +
			row(3, str("A3", "E2"), errCell("B3", "#REF!"), date("C3", "2026-03-31"), str("D3", "Proficient (4)"), num("E3", "4.5"))}),
		farWorkbook(t, 3, true),
		rawWorkbook(t, false, rawSheet{name: "Lookup", rows: row(1, str("A1", "x")), state: "hidden"}, rawSheet{name: "Ratings", rows: ratingsHeader +
			row(2, str("A2", "E1"), `<c r="B2" t="b"><v>1</v></c>`, `<c r="C2"><f>TODAY()</f></c>`, `<c r="D2"><f t="shared" ref="D2:D3" si="0">1+1</f><v/></c>`) +
			row(3, str("A3", "E2"), `<c r="D3"><f t="shared" si="0"/></c>`, `<x:c r="E3" t="str"><x:f>"a&amp;b"</x:f><x:v><![CDATA[a&b]]></x:v></x:c>`)}),
		rawWorkbook(t, true, rawSheet{name: "R", rows: row(1, str("A1", "id"), str("B1", "competency"), str("C1", "level"), str("D1", "rater")) +
			row(2, str("A2", "E1"), str("B2", "coaching"), num("C2", "4"), str("D2", "Marta")) +
			row(3, str("A3", "E1"), str("B3", "coaching"), num("C3", "3"), str("D3", "Marta"))}),
	}
}

// FuzzXLSX reads arbitrary input as a workbook: it must not panic, every
// person it yields must pass the framework's check, and every problem
// must name the file.
func FuzzXLSX(f *testing.F) {
	for _, b := range xlsxSeeds(f) {
		f.Add(b)
	}
	fw := wlp.Default()
	o := &Options{MaxBytes: 16 << 10}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkFuzzed(t, fw, "f.xlsx", func(yield func(Person, error) bool) bool {
			return o.readXLSX(bytes.NewReader(in), "f.xlsx", yield)
		})
	})
}

// TestSafely checks that a panic in the workbook library becomes an
// error.
func TestSafely(t *testing.T) {
	err := safely(func() error { panic("index out of range") })
	if err == nil || err.Error() != "the workbook library failed: index out of range" {
		t.Errorf("safely(panic) = %v", err)
	}
	if err := safely(func() error { return nil }); err != nil {
		t.Errorf("safely(nil) = %v", err)
	}
}

// BenchmarkGrowthXLSX reads workbooks of N, 2N and 4N people, each
// rated on all 21 competencies and areas, as excelize writes them.
func BenchmarkGrowthXLSX(b *testing.B) {
	benchSheet(b, func(n int) []byte {
		wb := excelize.NewFile()
		defer wb.Close()
		sw, err := wb.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		header := templateHeader(wlp.Default())
		cells := make([]any, len(header))
		for i, h := range header {
			cells[i] = h
		}
		if err := sw.SetRow("A1", cells); err != nil {
			b.Fatal(err)
		}
		for i := range n {
			cells = append(cells[:0], fmt.Sprintf("E%d", i), fmt.Sprintf("Person %d", i), "manager", 46112)
			for j := range len(header) - 4 {
				cells = append(cells, (i+j)%6)
			}
			if err := sw.SetRow("A"+fmt.Sprint(i+2), cells); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := wb.Write(&buf); err != nil {
			b.Fatal(err)
		}
		return buf.Bytes()
	}, func(in []byte, yield func(Person, error) bool) bool {
		return (*Options)(nil).readXLSX(bytes.NewReader(in), "b.xlsx", yield)
	})
}
