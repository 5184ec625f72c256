package people

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// readCSV reads the people of a CSV input from r; file names it in
// places. It takes what office programs write: UTF-8 with or without a
// byte-order mark, UTF-16 with one (Excel's "Unicode text"), and
// Windows-1252 (Excel's "CSV" on Windows) when the first 64 KiB are not
// UTF-8; Excel's first line "sep=;"; a comma, semicolon or tab as the
// delimiter, told from the header line; LF or CRLF line ends, or CR alone
// (Excel for Mac's "CSV (Macintosh)": when the first line end outside
// quotes is a CR alone, every CR alone is a line break); quoted fields
// with line breaks and rows of any length. Rows are numbered as office
// programs number them: a blank line is a row, a field's line breaks are
// not. An input that is a ZIP archive, such as a workbook named .csv, is
// one problem saying so.
//
// It yields every person without a problem, then, if there are any, one
// *Error with all the problems (see the package's documentation): in a
// wide sheet without a rater column each person comes as soon as its row
// is read, so that before the error may come the people of the rows
// before and after a row with a problem, and of the first of two rows
// with the same ID; in other sheets the people come at the end, before
// the error. A row longer than the bound ends the reading, after the
// people of the rows before it in a wide sheet. In a grouped sheet, a row
// that cannot be read (a syntax error, a row past the bound) may be
// anyone's: no one is yielded.
//
// A row (a record, with its quoted line breaks) may hold at most
// Options.MaxBytes bytes; a longer one is a problem that ends the
// reading. Blank lines count toward no row's size. A wide sheet without a rater column is read one row at a
// time, in memory proportional to the longest row plus the IDs seen;
// a grouped sheet holds its people. Time is linear in the input's size.
func (o *Options) readCSV(r io.Reader, file string, yield func(Person, error) bool) bool {
	s := o.newSheetReader(file, yield)
	br := bufio.NewReaderSize(r, 64<<10)
	if msg := zipped(br); msg != "" {
		s.failed = true
		s.ps.add(Place{File: file}, msg)
		return s.finish()
	}
	text, comma := csvText(br)
	in := &rowLimiter{r: text, limit: s.limit + csvSlack, breaks: -1}
	cr := csv.NewReader(in)
	cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord = comma, -1, true
	var rows rowCounter
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		switch {
		case errors.Is(err, errRowTooLong):
			n := rows.row + 1
			if len(rec) > 0 { // the row's first fields, read: they tell its line
				line, _ := cr.FieldPos(0)
				n = rows.next(line, 1)
			}
			s.lost = true
			s.ps.addf(s.place(n, -1), "the row is longer than the limit of %d bytes: the rest of the file is not read", s.limit)
		case errors.As(err, &pe):
			n := rows.next(pe.StartLine, pe.Line-pe.StartLine+1)
			s.lost = true
			s.ps.addf(s.place(n, -1), "line %d: %s", pe.Line, csvSyntax(pe.Err))
			in.start = cr.InputOffset()
			continue
		case err != nil:
			s.lost = true
			s.ps.addf(Place{File: file}, "cannot read the file: %v", err)
		default:
			line, _ := cr.FieldPos(0)
			if s.row(rows.next(line, 1+lineBreaks(rec)), rec) {
				in.start = cr.InputOffset()
				continue
			}
		}
		break
	}
	return s.finish()
}

// csvSlack is how far past a row's bound the CSV reader may read ahead:
// its buffer.
const csvSlack = 8 << 10

// errRowTooLong is the error rowLimiter reads past a row's bound.
var errRowTooLong = errors.New("people: row too long")

// rowLimiter reads from r, failing with errRowTooLong once more than
// limit bytes have been read since offset start, the end of the last
// row: so that a row without end cannot fill the memory. The line ends
// (LF or CRLF) that follow start are not counted: blank lines are no
// row's bytes, and the CSV reader holds none of them.
type rowLimiter struct {
	r        io.Reader
	n, start int64
	limit    int64
	// breaks is where the run of line ends that the bytes read end with
	// starts, or -1 when they end with another byte; cr says that the
	// last byte is a CR, a line end only if a LF follows.
	breaks int64
	cr     bool
}

// Read reads from r, at most up to the bound.
func (l *rowLimiter) Read(p []byte) (int, error) {
	from := l.start
	if l.breaks >= 0 && l.breaks <= l.start {
		from = l.n // all read since start are line ends
	}
	room := l.limit - (l.n - from)
	if room <= 0 {
		return 0, errRowTooLong
	}
	if int64(len(p)) > room {
		p = p[:room]
	}
	k, err := l.r.Read(p)
	l.skipBreaks(p[:k])
	l.n += int64(k)
	return k, err
}

// skipBreaks follows the runs of line ends in b, the bytes read from
// offset n on, and moves start past a run that holds it.
func (l *rowLimiter) skipBreaks(b []byte) {
	for i, c := range b {
		at := l.n + int64(i)
		switch {
		case c == '\n' || c == '\r' && !l.cr:
			if l.breaks < 0 {
				l.breaks = at
			}
			l.cr = c == '\r'
		case l.breaks >= 0:
			end := at
			if l.cr {
				end-- // a CR before another byte than LF is text
			}
			if l.breaks <= l.start && end > l.start {
				l.start = end
			}
			l.breaks, l.cr = -1, false
			if c == '\r' {
				l.breaks, l.cr = at, true
			}
		}
	}
}

// rowCounter numbers a CSV input's records as office programs number
// its rows: the blank lines the CSV reader skips are rows too.
type rowCounter struct {
	row, endLine int
}

// next returns the row of the record that starts on line start and
// spans lines lines.
func (c *rowCounter) next(start, lines int) int {
	c.row += 1 + max(0, start-c.endLine-1)
	c.endLine = max(c.endLine, start+lines-1)
	return c.row
}

// lineBreaks counts the line breaks inside a record's fields.
func lineBreaks(rec []string) int {
	n := 0
	for _, f := range rec {
		n += strings.Count(f, "\n")
	}
	return n
}

// csvSyntax says what a CSV syntax error is, as a person can fix it.
func csvSyntax(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `a quote (") in a field that is not quoted: quote the whole field, and double each quote inside it`
	case errors.Is(err, csv.ErrQuote):
		return `a quoted field is not closed, or holds a quote (") that is not doubled`
	}
	return err.Error()
}

// zipped returns why the input br holds is not CSV text but a ZIP
// archive, such as an Excel workbook named .csv; or "".
func zipped(br *bufio.Reader) string {
	if head, _ := br.Peek(4); !bytes.Equal(head, []byte("PK\x03\x04")) {
		return ""
	}
	if b, _ := br.Peek(br.Size()); bytes.Contains(b, []byte("xl/")) {
		return "not CSV text but an Excel workbook (.xlsx): rename the file .xlsx"
	}
	return "not CSV text but a ZIP archive: save the sheet as CSV or .xlsx"
}

// csvText returns the text of the CSV input br holds as UTF-8, past its
// byte-order mark and Excel's "sep=" line, and its delimiter.
func csvText(br *bufio.Reader) (*bufio.Reader, rune) {
	head, _ := br.Peek(3)
	var text io.Reader = br
	switch {
	case bytes.HasPrefix(head, bom):
		_, _ = br.Discard(len(bom))
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		text = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		text = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	default:
		if b, _ := br.Peek(br.Size()); !utf8.Valid(wholeRunes(b)) {
			text = charmap.Windows1252.NewDecoder().Reader(br)
		}
	}
	tr := bufio.NewReaderSize(text, 64<<10)
	if b, err := tr.Peek(tr.Size()); crLines(b, err != nil) {
		tr = bufio.NewReaderSize(&crReader{tr}, 64<<10)
	}
	if comma := sepLine(tr); comma != 0 {
		return tr, comma
	}
	b, _ := tr.Peek(tr.Size())
	return tr, sniffComma(b)
}

// crLines reports whether the CSV text that b starts ends its lines with
// a carriage return alone, as Excel for Mac's "CSV (Macintosh)" does: its
// first line end outside quotes is a CR not followed by a LF. all says
// that b is the whole text.
func crLines(b []byte, all bool) bool {
	quoted := false
	for i, c := range b {
		switch c {
		case '"':
			quoted = !quoted
		case '\n':
			if !quoted {
				return false
			}
		case '\r':
			if quoted {
				continue
			}
			if i+1 < len(b) {
				return b[i+1] != '\n'
			}
			return all
		}
	}
	return false
}

// crReader reads the text of r with each carriage return not followed
// by a line feed turned into a line feed: CR line ends made LF, those in
// quoted fields too, as the line breaks they are. A CRLF is kept.
type crReader struct {
	r *bufio.Reader
}

// Read reads from r, turning lone CRs into LFs.
func (c *crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := bytes.IndexByte(p[:n], '\r'); i >= 0; {
		if i+1 < n {
			if p[i+1] != '\n' {
				p[i] = '\n'
			}
		} else if next, perr := c.r.Peek(1); perr != nil || next[0] != '\n' {
			p[i] = '\n'
		}
		j := bytes.IndexByte(p[i+1:n], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n, err
}

// wholeRunes returns b without a rune cut short at its end.
func wholeRunes(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}

// sepLine reads Excel's first line "sep=;" (perhaps quoted), which names
// the delimiter, and returns the delimiter; or 0, reading nothing, when
// there is no such line.
func sepLine(br *bufio.Reader) rune {
	b, _ := br.Peek(16)
	line, _, _ := bytes.Cut(b, []byte("\n"))
	n := len(line) + 1
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) >= 2 && line[0] == '"' && line[len(line)-1] == '"' {
		line = line[1 : len(line)-1]
	}
	if len(line) < 5 || !strings.EqualFold(string(line[:4]), "sep=") {
		return 0
	}
	r, size := utf8.DecodeRune(line[4:])
	if 4+size != len(line) || r == '"' || r == '\r' || r == '\n' || r == utf8.RuneError || r == 0 {
		return 0
	}
	_, _ = br.Discard(min(n, len(b)))
	return r
}

// delimiters are the delimiters sniffComma chooses among, the most
// common first.
const delimiters = ",;\t"

// sniffComma returns the delimiter of the CSV text that b starts: the
// one that splits an id column out of one of the first lines, else the
// most frequent in the first line that holds any, else a comma. Quoted
// text is passed over.
func sniffComma(b []byte) rune {
	lines := csvLines(b, headerRows)
	for _, line := range lines {
		for _, d := range delimiters {
			for _, f := range splitQuoted(line, byte(d)) {
				if isIDHeader(strings.Trim(f, `" `)) {
					return d
				}
			}
		}
	}
	for _, line := range lines {
		best, most := ',', 0
		for _, d := range delimiters {
			if k := len(splitQuoted(line, byte(d))) - 1; k > most {
				best, most = d, k
			}
		}
		if most > 0 {
			return best
		}
	}
	return ','
}

// csvLines returns at most max lines that b starts with, a line break
// inside quotes not ending a line.
func csvLines(b []byte, max int) []string {
	var lines []string
	quoted, start := false, 0
	for i := 0; i < len(b) && len(lines) < max; i++ {
		switch b[i] {
		case '"':
			quoted = !quoted
		case '\n':
			if !quoted {
				lines = append(lines, string(b[start:i]))
				start = i + 1
			}
		}
	}
	if len(lines) < max && start < len(b) {
		lines = append(lines, string(b[start:]))
	}
	return lines
}

// splitQuoted splits line at each d outside quotes.
func splitQuoted(line string, d byte) []string {
	var fields []string
	quoted, start := false, 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			quoted = !quoted
		case d:
			if !quoted {
				fields = append(fields, line[start:i])
				start = i + 1
			}
		}
	}
	return append(fields, line[start:])
}
