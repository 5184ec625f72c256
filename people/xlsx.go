package people

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// The bounds on a workbook, most as multiples of Options.MaxBytes (1 MiB
// by default). The workbook library decodes every part of a workbook but
// its worksheets whole, at some 20 bytes of memory per byte of XML (the
// shared strings, the styles), and reads a worksheet's rows one at a time
// from its XML, held in memory: so those parts are bounded tighter than
// the whole, and the whole unzips to at most 100 times the file's size,
// which a workbook never needs and a zip bomb always does. Nothing is
// written to temporary files.
const (
	workbookFactor = 16  // the file: 16 MiB by default
	unzipFactor    = 64  // everything unzipped: 64 MiB by default
	partFactor     = 4   // each part other than a worksheet, unzipped: 4 MiB
	unzipRatio     = 100 // everything unzipped, at most this many times the file, or MaxBytes
)

// The bound on the cells of a sheet's rows that the workbook library
// hands over, as a multiple of the worksheet's size unzipped, plus a
// floor for small ones. The library hands over each row up to its last
// cell holding something, the empty ones before it included, at some 50
// nanoseconds a cell, where reading a byte of the worksheet costs some
// 100: so the bound keeps the time linear in the workbook's size, at
// most a few times that of a full sheet's. A sheet of 25 columns takes at
// most one cell for every 1.5 bytes (its rows holding only their last
// cell, written as tersely as can be), a twelfth of the bound; a sheet
// whose rows reach column XFD takes 16,384 cells for a row of 40 bytes.
const (
	cellsPerByte = 8
	cellsFloor   = 1 << 20
)

// cellBudget returns the cells the rows of a worksheet of size bytes,
// unzipped, may take.
func cellBudget(size int64) int64 {
	return cellsPerByte*size + cellsFloor
}

// readXLSX reads the people of a workbook: its first visible sheet, or
// the one Options.Sheet names in any case. Cells are read as stored, not
// as formatted: a formula gives its last computed value (one that has
// none is a problem: the workbook was written by a program that does not
// compute), a date its serial number (read in the workbook's 1900 or
// 1904 date system), a boolean TRUE or FALSE, and an error value such as
// #N/A is a problem. Places name the sheet and the cell. When the sheet
// has no header row, the problem names the sheets that have one. People
// and problems are yielded as readCSV yields them: every person without
// a problem, as soon as its row is read in a wide sheet without a rater
// column, else at the end; then one *Error with all the problems. When
// the workbook cannot be read past a row, the people of the rows before
// it have been yielded in a wide sheet, and no one in a grouped one.
//
// readXLSX reads the whole file, at most 16 times Options.MaxBytes, and
// holds it unzipped (at most 64 times MaxBytes, and 100 times the file's
// size, or MaxBytes), then scans the sheet's XML once (to count the cells
// its rows take, and find the cells the workbook library reads wrong),
// then reads its rows one at a time. A sheet whose rows would take more
// cells than 8 per byte of its XML, plus 1,048,576, is a problem found
// before any row past the header is read: the library would hand over
// every empty cell before a row's last one. Its time is linear in the
// workbook's unzipped size, and its memory too, at up to some 20 bytes a
// byte for the parts other than worksheets, which are bounded at 4 times
// MaxBytes each. A panic in the workbook library is a problem of the
// file, never the caller's.
func (o *Options) readXLSX(r io.Reader, file string, yield func(Person, error) bool) bool {
	s := o.newSheetReader(file, yield)
	s.readWorkbook(r)
	return s.finish()
}

// book is a workbook open for reading: the library's view of it, its ZIP
// directory, and its sheets.
type book struct {
	wb      *excelize.File
	zip     *zip.Reader
	unzip   int64 // the size of its parts, unzipped
	sheets  []bookSheet
	chosen  int   // the sheet read
	budget  int64 // the cells its rows may take
	scanned *sheetScan
}

// bookSheet is a sheet of a workbook.
type bookSheet struct {
	name, state, rel string // its name, visibility, and relationship to its part
}

// readWorkbook hands the rows of the workbook r holds to s: its chosen
// sheet's, once the scan of its XML finds them within their bound.
func (s *sheetReader) readWorkbook(r io.Reader) {
	s.xlsx = true
	b := s.openWorkbook(r)
	if b == nil {
		return
	}
	defer func() { _ = safely(b.wb.Close) }()
	if !s.listSheets(b) {
		return
	}
	want := ""
	if s.o != nil {
		want = s.o.Sheet
	}
	if b.chosen = s.chooseSheet(b.sheets, want); b.chosen < 0 {
		return
	}
	s.sheet = b.sheets[b.chosen].name
	_ = safely(func() error {
		props, err := b.wb.GetWorkbookProps()
		s.date1904 = err == nil && props.Date1904 != nil && *props.Date1904
		return nil
	})
	b.scan()
	s.readRows(b)
	if s.head == nil && !s.failed {
		s.hint = sheetsHint(s.headedSheets(b))
	}
}

// openWorkbook opens the workbook r holds, within its bounds, or reports
// why it cannot and returns nil.
func (s *sheetReader) openWorkbook(r io.Reader) *book {
	data, err := io.ReadAll(io.LimitReader(r, workbookFactor*s.limit+1))
	if err != nil {
		s.broken(fmt.Errorf("cannot read the file: %v", err))
		return nil
	}
	if int64(len(data)) > workbookFactor*s.limit {
		s.broken(fmt.Errorf("the workbook is larger than the limit of %d bytes", workbookFactor*s.limit))
		return nil
	}
	unzip := min(unzipFactor*s.limit, max(s.limit, unzipRatio*int64(len(data))))
	b := &book{}
	if b.zip, b.unzip, err = checkParts(data, unzip, partFactor*s.limit); err != nil {
		if errors.Is(err, errNotWorkbook) {
			err = notWorkbook(data)
		}
		s.broken(err)
		return nil
	}
	err = safely(func() (err error) {
		b.wb, err = excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: unzip, UnzipXMLSizeLimit: unzip})
		return err
	})
	if err == nil {
		return b
	}
	if errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, io.EOF) {
		err = errNotWorkbook
	}
	s.broken(err)
	if b.wb != nil {
		_ = safely(b.wb.Close)
	}
	return nil
}

// notWorkbook returns why data, which is no ZIP archive, is no workbook:
// it is text, CSV or JSON, to be named as such; or it is neither.
func notWorkbook(data []byte) error {
	head := data[:min(len(data), 4<<10)]
	utf16 := bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff})
	if len(head) == 0 || !utf16 && bytes.ContainsFunc(head, func(r rune) bool { return r < ' ' && r != '\t' && r != '\r' && r != '\n' }) {
		return errNotWorkbook
	}
	if c := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n"); len(c) > 0 && (c[0] == '{' || c[0] == '[') {
		return errors.New("not a workbook: the file looks like JSON text; rename it .json")
	}
	return errors.New("not a workbook: the file looks like CSV text; rename it .csv")
}

// errNotWorkbook says that a file is not a workbook.
var errNotWorkbook = errors.New("not an Excel workbook (.xlsx): save it as .xlsx or CSV")

// checkParts checks the sizes that the ZIP directory of data declares
// (the ZIP reader holds each part to its declared size): all of them at
// most unzip bytes together, and each part but a worksheet at most part
// bytes. It returns the directory, and the parts' size together.
func checkParts(data []byte, unzip, part int64) (*zip.Reader, int64, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, 0, errNotWorkbook
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if total > uint64(unzip) {
			return nil, 0, fmt.Errorf("the workbook unzips to more than the limit of %d bytes", unzip)
		}
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		if f.UncompressedSize64 > uint64(part) && !strings.HasPrefix(name, "xl/worksheets/") {
			return nil, 0, fmt.Errorf("the workbook's part %s unzips to more than the limit of %d bytes", quote(f.Name), part)
		}
	}
	return z, int64(total), nil
}

// broken reports that the workbook cannot be read, for err.
func (s *sheetReader) broken(err error) {
	s.failed, s.lost = true, true
	msg := err.Error()
	if !strings.HasPrefix(msg, "the workbook") && !strings.HasPrefix(msg, "not a") {
		msg = "cannot read the workbook: " + msg
	}
	s.ps.add(Place{File: s.file, Sheet: s.sheet}, msg)
}

// listSheets lists the workbook's sheets, or reports that it cannot.
func (s *sheetReader) listSheets(b *book) bool {
	err := safely(func() error {
		list := b.wb.GetSheetList()
		if b.wb.WorkBook == nil || len(b.wb.WorkBook.Sheets.Sheet) != len(list) {
			return errors.New("the workbook's list of sheets cannot be read")
		}
		for i, sh := range b.wb.WorkBook.Sheets.Sheet {
			b.sheets = append(b.sheets, bookSheet{name: list[i], state: sh.State, rel: sh.ID})
		}
		return nil
	})
	if err != nil {
		s.broken(err)
	}
	return err == nil
}

// chooseSheet returns the index of the sheet that want names in any
// case, or of the first visible sheet when want is empty (the first
// sheet if none is); or reports that there is none and returns -1.
func (s *sheetReader) chooseSheet(sheets []bookSheet, want string) int {
	if len(sheets) == 0 {
		s.broken(errors.New("the workbook has no sheets"))
		return -1
	}
	for i, sh := range sheets {
		if want == "" && (sh.state == "" || sh.state == "visible") || want != "" && strings.EqualFold(sh.name, want) {
			return i
		}
	}
	if want == "" {
		return 0
	}
	const shown = 20
	var names, quoted []string
	for _, sh := range sheets {
		names = append(names, sh.name)
	}
	for _, name := range names[:min(len(names), shown)] {
		quoted = append(quoted, quote(name))
	}
	if len(names) > shown {
		quoted = append(quoted, fmt.Sprintf("and %d more", len(names)-shown))
	}
	msg := fmt.Sprintf("the workbook has no sheet %s; its sheets are %s", quote(want), strings.Join(quoted, ", ")) +
		didYouMean(want, names[:min(len(names), maxHinted)], true)
	s.failed = true
	s.ps.add(Place{File: s.file}, msg)
	return -1
}

// scan scans the chosen sheet's XML, and sets the bound on the cells its
// rows may take: in proportion to its size, or to the whole workbook's
// when its part cannot be found (the library then finds no sheet
// either, or reads it as the rows go, and the bound stops it).
func (b *book) scan() {
	b.budget = cellBudget(b.unzip)
	part := b.sheetPart(b.sheets[b.chosen].rel)
	if part == nil {
		return
	}
	rc, err := part.Open()
	if err != nil {
		return
	}
	defer rc.Close()
	if sc, err := scanSheet(rc); err == nil {
		b.scanned, b.budget = sc, cellBudget(int64(part.UncompressedSize64))
	}
}

// sheetPart returns the ZIP entry of the worksheet that the workbook's
// relationship rel points to, found as the workbook library finds it:
// the workbook's part from the package's relationships, then the
// worksheet's from the workbook's. It returns nil when there is none.
func (b *book) sheetPart(rel string) *zip.File {
	wbPath := "xl/workbook.xml"
	for _, r := range b.relationships("_rels/.rels") {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wbPath = strings.TrimPrefix(r.Target, "/")
		}
	}
	dir := path.Dir(wbPath)
	for _, r := range b.relationships(path.Join(dir, "_rels", path.Base(wbPath)+".rels")) {
		if r.ID != rel {
			continue
		}
		name := path.Join(dir, r.Target)
		if strings.HasPrefix(r.Target, "/") {
			name = strings.TrimPrefix(path.Clean(r.Target), "/")
		}
		return b.part(name)
	}
	return nil
}

// relationship is one of a part's relationships to others.
type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// relationships returns the relationships of the .rels part name, or
// none when it cannot be read. The part is bounded, as every part but a
// worksheet is.
func (b *book) relationships(name string) []relationship {
	f := b.part(name)
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var rels struct {
		List []relationship `xml:"Relationship"`
	}
	if xml.NewDecoder(rc).Decode(&rels) != nil {
		return nil
	}
	return rels.List
}

// part returns the ZIP entry name, its backslashes read as slashes, or
// nil.
func (b *book) part(name string) *zip.File {
	for _, f := range b.zip.File {
		if strings.ReplaceAll(f.Name, "\\", "/") == name {
			return f
		}
	}
	return nil
}

// readRows hands the rows of the chosen sheet to s, one at a time, and
// stops once the header row is found if the scan found the rows would
// take more cells than the bound; or, if the scan missed them, once they
// have.
func (s *sheetReader) readRows(b *book) {
	var rows *excelize.Rows
	err := safely(func() (err error) { rows, err = b.wb.Rows(s.sheet); return err })
	if err != nil {
		s.broken(err)
		return
	}
	defer func() { _ = safely(rows.Close) }()
	for n := 1; ; n++ {
		row, more, err := nextRow(rows)
		if err != nil && more {
			// The library reads ahead: the fault may be in a later row.
			s.failed, s.lost = true, true
			s.ps.addf(Place{File: s.file, Sheet: s.sheet, Row: n}, "cannot read the sheet from this row on: %v", err)
			return
		}
		if err != nil {
			s.broken(err)
			return
		}
		if s.handed += int64(len(row)); s.handed > b.budget {
			s.lost = true
			s.ps.addf(s.place(n, -1), "reading the sheet's rows takes more than the limit of %d cells for a sheet of its size, out to column %s: "+
				"delete the empty columns, or the cells far to the right", b.budget, columnName(len(row)-1))
			return
		}
		if b.scanned != nil {
			s.fixes = b.scanned.fixes[n]
		}
		found := s.head != nil
		if !more || !s.row(n, s.fixBooleans(row)) {
			return
		}
		if !found && s.head != nil && b.scanned != nil && b.scanned.cells > b.budget {
			s.tooWide(b.scanned, b.budget)
			return
		}
	}
}

// nextRow returns the next row of rows, and whether there was one.
func nextRow(rows *excelize.Rows) (cells []string, more bool, err error) {
	err = safely(func() (err error) {
		if more = rows.Next(); more {
			cells, err = rows.Columns()
		} else {
			err = rows.Error()
		}
		return err
	})
	return cells, more, err
}

// fixBooleans writes the row's booleans as TRUE and FALSE, as CSV holds
// them, where the library reads them as 1 and 0.
func (s *sheetReader) fixBooleans(cells []string) []string {
	for _, f := range s.fixes {
		if !f.formula && f.col < len(cells) {
			cells[f.col] = f.text
		}
	}
	return cells
}

// uncomputed returns the message for row n's cell in column i when it
// holds a formula without a saved result, or "".
func (s *sheetReader) uncomputed(i int) string {
	for _, f := range s.fixes {
		if f.formula && f.col == i {
			if f.text == "" {
				return "the cell's formula has no saved result: open the workbook in Excel or LibreOffice and save it"
			}
			return "the formula =" + shorten(f.text, 60) + " has no saved result: open the workbook in Excel or LibreOffice and save it"
		}
	}
	return ""
}

// shorten returns s, or its first max runes and "…".
func shorten(s string, max int) string {
	for i := range s {
		if max == 0 {
			return s[:i] + "…"
		}
		max--
	}
	return s
}

// tooWide reports that the sheet's rows, scanned, take more cells than
// budget: at the farthest cell, past the header's last column or in it.
func (s *sheetReader) tooWide(sc *sheetScan, budget int64) {
	s.lost = true
	last, headed := -1, 0
	for i, c := range s.head.cols {
		if c.text != "" {
			last, headed = i, headed+1
		}
	}
	cost := fmt.Sprintf("reading the sheet's rows would take %d cells, more than the limit of %d for a sheet of its size", sc.cells, budget)
	if sc.far > last {
		s.ps.addf(s.place(sc.farRow, sc.far), "cells reach column %s, far past the last column with a header (%s): %s; delete the cells past column %s",
			columnName(sc.far), columnName(last), cost, columnName(last))
		return
	}
	s.ps.addf(s.headerPlace(last), "the header reaches column %s across %d empty columns: %s; delete the empty columns",
		columnName(last), last+1-headed, cost)
}

// headedSheets returns the workbook's sheets other than the chosen one
// that have an id column in their first 10 rows: at most 4, reading at
// most about 1,048,576 cells.
func (s *sheetReader) headedSheets(b *book) []string {
	var found []string
	var cells int64
	for i, sh := range b.sheets {
		if i == b.chosen || len(found) == 4 || cells > cellsFloor {
			continue
		}
		_ = safely(func() error {
			rows, err := b.wb.Rows(sh.name)
			if err != nil {
				return err
			}
			defer rows.Close()
			for n := 0; n < headerRows && cells <= cellsFloor && rows.Next(); n++ {
				row, _ := rows.Columns()
				cells += int64(len(row))
				if slices.ContainsFunc(row, func(c string) bool { return isIDHeader(strings.TrimSpace(c)) }) {
					found = append(found, sh.name)
					break
				}
			}
			return nil
		})
	}
	return found
}

// sheetsHint returns what the message for a sheet without a header row
// adds about the sheets that have one, or "".
func sheetsHint(names []string) string {
	if len(names) == 0 {
		return ""
	}
	arg := sheetArg(names[0])
	if len(names) == 1 {
		return fmt.Sprintf("; the sheet %s has one: read it with Options.Sheet (wlp -sheet %s)", quote(names[0]), arg)
	}
	var quoted []string
	for _, name := range names[:min(len(names), 3)] {
		quoted = append(quoted, quote(name))
	}
	list := strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
	if len(names) > 3 {
		list = strings.Join(quoted, ", ") + " and more"
	}
	return fmt.Sprintf("; the sheets %s have one: read one with Options.Sheet (wlp -sheet %s)", list, arg)
}

// sheetArg returns a sheet's name as a command line passes it: as it is,
// or in double quotes when it holds a space or a character a shell reads;
// SHEET when it holds a double quote.
func sheetArg(name string) string {
	switch {
	case strings.Contains(name, `"`):
		return "SHEET"
	case strings.IndexFunc(name, func(r rune) bool {
		return !(r == '_' || r == '.' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r))
	}) >= 0:
		return `"` + name + `"`
	}
	return name
}

// safely calls fn, and returns a panic in it as an error: the workbook
// library must not crash the caller, whatever the file holds.
func safely(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("the workbook library failed: %v", v)
		}
	}()
	return fn()
}

// cellErrors are the error values a spreadsheet's formulas give.
var cellErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true, "#NUM!": true, "#N/A": true,
	"#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true, "#FIELD!": true, "#BLOCKED!": true, "#CONNECT!": true,
	"#BUSY!": true, "#UNKNOWN!": true,
}
