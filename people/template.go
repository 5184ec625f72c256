package people

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/xuri/excelize/v2"
)

// templateRows is how many rows of a workbook template offer lists of
// levels and sources: a team's worth, with room to spare. Rows below
// them are read all the same.
const templateRows = 500

// WriteTemplate writes an empty rating sheet for f (nil means
// wlp.Default()) to w, in the wide layout: the columns id, name, source
// and date, then one column per competency and area in the framework's
// order, headed "Name (id)" so that people read the name and the reader
// finds the ID. format is CSV or XLSX.
//
// The CSV is UTF-8 with a byte-order mark and CRLF line ends, as Excel
// needs to open it right, and holds the header row only. The workbook's
// first sheet, "Ratings", holds the header row (bold, wrapped, tall
// enough for its longest header, frozen with the id and name columns,
// which print on every page of its landscape pages) and lists to choose
// each level ("4 - proficient") and source from in its first 500 rows; a
// sheet "Scale" lists the levels and a sheet "Guide" the competencies and
// areas. Filled in and read back, either gives the people written in it.
// WriteTemplate costs time linear in the framework's size.
func WriteTemplate(w io.Writer, f *wlp.Framework, format Format) error {
	if f == nil {
		f = wlp.Default()
	}
	var err error
	switch format {
	case CSV:
		err = writeCSVTemplate(w, f)
	case XLSX:
		err = writeXLSXTemplate(w, f)
	default:
		return fmt.Errorf("people: cannot write a template as %s: want csv or xlsx", format)
	}
	if err != nil {
		return fmt.Errorf("people: writing the %s template: %w", format, err)
	}
	return nil
}

// templateHeader returns the header row of f's template.
func templateHeader(f *wlp.Framework) []string {
	h := []string{fieldNames[idField], fieldNames[nameField], fieldNames[sourceField], fieldNames[dateField]}
	for _, id := range f.IDs() {
		name, _ := f.NameOf(id)
		h = append(h, name+" ("+string(id)+")")
	}
	return h
}

// writeCSVTemplate writes the header row as CSV. Excel reads a CSV file
// without a byte-order mark in the computer's legacy code page, which
// garbles names such as "Zoë"; with the mark it reads UTF-8. CRLF is
// the line end Excel itself writes; every reader takes both.
func writeCSVTemplate(w io.Writer, f *wlp.Framework) error {
	if _, err := w.Write(bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(templateHeader(f)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// writeXLSXTemplate writes the workbook template: the sheets Ratings,
// Scale and Guide.
func writeXLSXTemplate(w io.Writer, f *wlp.Framework) (err error) {
	wb := excelize.NewFile()
	defer func() {
		if cerr := wb.Close(); err == nil {
			err = cerr
		}
	}()
	bold, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := wb.SetSheetName("Sheet1", "Ratings"); err != nil {
		return err
	}
	steps := []func(*excelize.File, *wlp.Framework, int) error{ratingsSheet, ratingsLists, scaleSheet, guideSheet}
	for _, step := range steps {
		if err := step(wb, f, bold); err != nil {
			return err
		}
	}
	wb.SetActiveSheet(0)
	return wb.Write(w)
}

// table writes a sheet's header row, in bold, and rows below it, and sets
// its columns' widths.
func table(wb *excelize.File, sheet string, header []string, widths []float64, bold int, rows [][]any) error {
	if err := wb.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	last := columnName(len(header) - 1)
	if err := wb.SetCellStyle(sheet, "A1", last+"1", bold); err != nil {
		return err
	}
	for i, row := range rows {
		if err := wb.SetSheetRow(sheet, "A"+strconv.Itoa(i+2), &row); err != nil {
			return err
		}
	}
	for i := range header {
		width := widths[min(i, len(widths)-1)]
		if err := wb.SetColWidth(sheet, columnName(i), columnName(i), width); err != nil {
			return err
		}
	}
	return nil
}

// ratingsSheet writes the sheet Ratings: its header row, frozen with the
// id and name columns; the id column as text (so that "007" stays
// "007") and the date column as YYYY-MM-DD.
func ratingsSheet(wb *excelize.File, f *wlp.Framework, bold int) error {
	text, err := wb.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	format := "yyyy-mm-dd"
	date, err := wb.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return err
	}
	if err := wb.SetColStyle("Ratings", "A", text); err != nil {
		return err
	}
	if err := wb.SetColStyle("Ratings", "D", date); err != nil {
		return err
	}
	header, widths := templateHeader(f), []float64{14, 24, 16, 12, levelWidth}
	if err := table(wb, "Ratings", header, widths, bold, nil); err != nil {
		return err
	}
	if err := wb.SetRowHeight("Ratings", 1, headerHeight(header, widths)); err != nil {
		return err
	}
	if err := wb.SetPanes("Ratings", &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	return printed(wb, "Ratings", true)
}

// printed sets a sheet to print across the page (landscape), and, if
// titled, with its header row and its id and name columns on every page.
func printed(wb *excelize.File, sheet string, titled bool) error {
	landscape := "landscape"
	if err := wb.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape}); err != nil {
		return err
	}
	if !titled {
		return nil
	}
	return wb.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: sheet + "!$A:$B," + sheet + "!$1:$1", Scope: sheet})
}

// levelWidth is the width of a level's column, in characters: room for
// the longest label, "2 - advanced beginner", and for its header on two
// lines or more.
const levelWidth = 20

// lineHeight is the height, in points, of a line of the template's
// 11-point text: office programs' default row height.
const lineHeight = 15

// headerHeight returns the height, in points, of a header row tall
// enough for each of its headers to show whole, wrapped in its column of
// widths (the last width is that of the columns past it).
func headerHeight(header []string, widths []float64) float64 {
	lines := 1
	for i, h := range header {
		lines = max(lines, wrappedLines(h, widths[min(i, len(widths)-1)]))
	}
	return float64(lines)*lineHeight + 3
}

// wrappedLines returns how many lines text takes in a column width
// characters wide, wrapped as office programs wrap text: at spaces and
// after hyphens, a word longer than a line broken anywhere. A width
// counts the default font's digits; a line is taken to hold 4 characters
// in 5 of it, as bold letters, and those of the fonts a program falls
// back on when it lacks the workbook's, are wider.
func wrappedLines(text string, width float64) int {
	per := max(1, int(width*4/5))
	lines, used := 1, 0
	for _, word := range strings.Fields(text) {
		for j, part := range strings.SplitAfter(word, "-") {
			n := utf8.RuneCountInString(part)
			if n == 0 {
				continue
			}
			gap := 0
			if j == 0 && used > 0 {
				gap = 1
			}
			if used > 0 && used+gap+n > per {
				lines, used, gap = lines+1, 0, 0
			}
			for ; n > per; n -= per {
				lines++
			}
			used += gap + n
		}
	}
	return lines
}

// ratingsLists offers the sources and the levels' labels as lists in the
// first templateRows rows of Ratings. A value not on a list is let in
// after a warning: a plain number is a level too.
func ratingsLists(wb *excelize.File, f *wlp.Framework, _ int) error {
	rows := strconv.Itoa(templateRows + 1)
	var sources []string
	for _, src := range profile.Sources() {
		sources = append(sources, string(src))
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "C2:C" + rows
	if err := dv.SetDropList(sources); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "Source", "Choose who gave the ratings from the list, or leave the cell empty.")
	if err := wb.AddDataValidation("Ratings", dv); err != nil {
		return err
	}
	scale := f.Scale()
	ls := newLevels(scale)
	var labels []string
	for _, l := range scale.Levels {
		labels = append(labels, ls.label(l.Level))
	}
	dv = excelize.NewDataValidation(true)
	dv.Sqref = "E2:" + columnName(4+len(f.IDs())-1) + rows
	if dv.SetDropList(labels) != nil {
		dv.SetSqrefDropList("Scale!$D$2:$D$" + strconv.Itoa(len(labels)+1))
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "Level",
		fmt.Sprintf("Choose a level from the list, or type a whole number from %d to %d; leave the cell empty if not rated.", scale.Min(), scale.Max()))
	return wb.AddDataValidation("Ratings", dv)
}

// scaleSheet writes the sheet Scale: each level, its name, what it
// means, and its label as the lists write it.
func scaleSheet(wb *excelize.File, f *wlp.Framework, bold int) error {
	if _, err := wb.NewSheet("Scale"); err != nil {
		return err
	}
	scale := f.Scale()
	ls := newLevels(scale)
	var rows [][]any
	for _, l := range scale.Levels {
		rows = append(rows, []any{int(l.Level), l.Name, l.Description, ls.label(l.Level)})
	}
	return table(wb, "Scale", []string{"level", "name", "description", "label"}, []float64{8, 20, 80, 24}, bold, rows)
}

// guideSheet writes the sheet Guide: each competency and area, its name,
// its tier and what it is.
func guideSheet(wb *excelize.File, f *wlp.Framework, bold int) error {
	if _, err := wb.NewSheet("Guide"); err != nil {
		return err
	}
	var rows [][]any
	for _, id := range f.IDs() {
		name, _ := f.NameOf(id)
		rows = append(rows, []any{string(id), name, tierOf(f, id), summaryOf(f, id)})
	}
	if err := table(wb, "Guide", []string{"competency or area ID", "name", "tier", "description"}, []float64{40, 40, 36, 100}, bold, rows); err != nil {
		return err
	}
	return printed(wb, "Guide", false)
}

// tierOf names the tier of id: "foundational competency (Interpersonal)"
// or "area of expertise".
func tierOf(f *wlp.Framework, id competency.ID) string {
	if c, ok := f.Competency(id); ok {
		if ci, ok := f.Cluster(c.Cluster); ok {
			return "foundational competency (" + ci.Name + ")"
		}
		return "foundational competency"
	}
	return "area of expertise"
}

// summaryOf returns what the competency or area id is, in a sentence or
// two.
func summaryOf(f *wlp.Framework, id competency.ID) string {
	if c, ok := f.Competency(id); ok {
		return c.Summary
	}
	a, _ := f.Area(id)
	return a.Summary
}
