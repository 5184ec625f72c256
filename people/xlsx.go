package people

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

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

// readXLSX reads the people of a workbook: its first sheet, or the one
// Options.Sheet names in any case. Cells are read as stored, not as
// formatted: a formula gives its last computed value, a date its serial
// number (read in the workbook's 1900 or 1904 date system), and an error
// value such as #N/A is a problem. Places name the sheet and the cell.
// People and problems are yielded as readCSV yields them: every person
// without a problem, as soon as its row is read in a wide sheet without a
// rater column, else at the end; then one *Error with all the problems.
// When the workbook cannot be read past a row, the people of the rows
// before it have been yielded in a wide sheet, and no one in a grouped
// one.
//
// readXLSX reads the whole file, at most 16 times Options.MaxBytes, and
// holds it unzipped (at most 64 times MaxBytes, and 100 times the file's
// size, or MaxBytes), then reads the sheet's rows one at a time: its
// time is linear in the workbook's unzipped size, and its memory too, at
// up to some 20 bytes a byte for the parts other than worksheets, which
// are bounded at 4 times MaxBytes each. A panic in the workbook library
// is a problem of the file, never the caller's.
func (o *Options) readXLSX(r io.Reader, file string, yield func(Person, error) bool) bool {
	s := o.newSheetReader(file, yield)
	s.xlsx = true
	wb := s.openWorkbook(r)
	if wb == nil {
		return s.finish()
	}
	defer func() { _ = safely(wb.Close) }()
	var list []string
	if err := safely(func() error { list = wb.GetSheetList(); return nil }); err != nil {
		s.broken(err)
		return s.finish()
	}
	want := ""
	if o != nil {
		want = o.Sheet
	}
	if s.sheet = s.chooseSheet(list, want); s.sheet == "" {
		return s.finish()
	}
	_ = safely(func() error {
		props, err := wb.GetWorkbookProps()
		s.date1904 = err == nil && props.Date1904 != nil && *props.Date1904
		return nil
	})
	s.readRows(wb)
	return s.finish()
}

// openWorkbook opens the workbook r holds, within its bounds, or reports
// why it cannot and returns nil.
func (s *sheetReader) openWorkbook(r io.Reader) *excelize.File {
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
	if err := checkParts(data, unzip, partFactor*s.limit); err != nil {
		s.broken(err)
		return nil
	}
	var wb *excelize.File
	err = safely(func() (err error) {
		wb, err = excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: unzip, UnzipXMLSizeLimit: unzip})
		return err
	})
	if err == nil {
		return wb
	}
	if errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, io.EOF) {
		err = errNotWorkbook
	}
	s.broken(err)
	if wb != nil {
		_ = safely(wb.Close)
	}
	return nil
}

// errNotWorkbook says that a file is not a workbook.
var errNotWorkbook = errors.New("not an Excel workbook (.xlsx): save it as .xlsx or CSV")

// checkParts checks the sizes that the ZIP directory of data declares
// (the ZIP reader holds each part to its declared size): all of them at
// most unzip bytes together, and each part but a worksheet at most part
// bytes.
func checkParts(data []byte, unzip, part int64) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return errNotWorkbook
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if total > uint64(unzip) {
			return fmt.Errorf("the workbook unzips to more than the limit of %d bytes", unzip)
		}
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		if f.UncompressedSize64 > uint64(part) && !strings.HasPrefix(name, "xl/worksheets/") {
			return fmt.Errorf("the workbook's part %s unzips to more than the limit of %d bytes", quote(f.Name), part)
		}
	}
	return nil
}

// broken reports that the workbook cannot be read, for err.
func (s *sheetReader) broken(err error) {
	s.failed, s.lost = true, true
	msg := err.Error()
	if !strings.HasPrefix(msg, "the workbook") && !strings.HasPrefix(msg, "not an") {
		msg = "cannot read the workbook: " + msg
	}
	s.ps.add(Place{File: s.file, Sheet: s.sheet}, msg)
}

// chooseSheet returns the sheet of list that want names in any case, or
// the first when want is empty; or reports that there is none and
// returns "".
func (s *sheetReader) chooseSheet(list []string, want string) string {
	if len(list) == 0 {
		s.broken(errors.New("the workbook has no sheets"))
		return ""
	}
	if want == "" {
		return list[0]
	}
	for _, name := range list {
		if strings.EqualFold(name, want) {
			return name
		}
	}
	const shown = 20
	var quoted []string
	for _, name := range list[:min(len(list), shown)] {
		quoted = append(quoted, quote(name))
	}
	if len(list) > shown {
		quoted = append(quoted, fmt.Sprintf("and %d more", len(list)-shown))
	}
	msg := fmt.Sprintf("the workbook has no sheet %s; its sheets are %s", quote(want), strings.Join(quoted, ", ")) +
		didYouMean(want, list[:min(len(list), maxHinted)], true)
	s.failed = true
	s.ps.add(Place{File: s.file}, msg)
	return ""
}

// readRows hands the rows of the chosen sheet to s, one at a time.
func (s *sheetReader) readRows(wb *excelize.File) {
	var rows *excelize.Rows
	err := safely(func() (err error) { rows, err = wb.Rows(s.sheet); return err })
	if err != nil {
		s.broken(err)
		return
	}
	defer func() { _ = safely(rows.Close) }()
	for n := 1; ; n++ {
		var cells []string
		more := false
		err := safely(func() (err error) {
			if more = rows.Next(); more {
				cells, err = rows.Columns()
			} else {
				err = rows.Error()
			}
			return err
		})
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
		if !more || !s.row(n, cells) {
			return
		}
	}
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
