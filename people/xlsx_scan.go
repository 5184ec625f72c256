package people

import (
	"bufio"
	"bytes"
	"errors"
	"html"
	"io"
)

// sheetScan is what a first pass over a worksheet's XML finds, before
// the workbook library reads its rows: how many cells reading them takes,
// and the cells the library reads other than as they are.
//
// The library hands over each row as a list of its cells up to the last
// one that holds something, the empty ones before it included: a row
// with a cell in column XFD costs 16,384 cells, whatever its size in the
// file. So a small workbook whose rows each reach far to the right would
// take minutes; the scan tells it before, from the cell references.
type sheetScan struct {
	cells  int64 // the rows' cells as the library hands them over
	far    int   // the farthest column (from 0) a cell holding something is in, or -1
	farRow int   // the first row with a cell there
	// fixes lists by row the cells the library reads wrong: booleans,
	// which it reads as 1 and 0, and formulas without a saved result,
	// which it reads as empty.
	fixes map[int][]cellFix
}

// cellFix is a cell of a row that the library reads wrong.
type cellFix struct {
	col     int    // from 0
	text    string // a boolean's TRUE or FALSE, or a formula's text
	formula bool   // a formula without a saved result
}

// maxTag and maxText bound what the scan keeps of a tag and of the
// text of a formula or value: enough for a cell's attributes and for a
// message; the rest is passed over.
const (
	maxTag  = 512
	maxText = 256
)

// xmlScanner reads a worksheet's XML a tag at a time, without decoding
// it: some 10 nanoseconds a byte, a tenth of what the workbook library
// takes to read it.
type xmlScanner struct {
	br   *bufio.Reader
	tag  []byte // the last tag, without its < and >, at most maxTag bytes
	text []byte // the text before it, at most maxText bytes, kept while collect is set
	sc   sheetScan

	collect *string // where to keep the text up to the next tag: a formula's or a value's
	inRow   bool
	row     int // the row's number, from 1
	col     int // the cell's column, from 0; -1 before the row's first
	last    int // the row's last column with a cell holding something, or -1
	cell    cellState
}

// cellState is what the scan knows of the cell it is in.
type cellState struct {
	open     bool   // in a cell that is not an empty element
	boolean  bool   // its t attribute is "b"
	str      bool   // its t attribute is "str": a formula's text
	formula  bool   // it has an f element
	hasValue bool   // it has a v element
	value    string // a formula's or a boolean's v element's text, or "inline" for an inline string
	text     string // the f element's text
}

// scanSheet reads the worksheet XML r holds, in time linear in its size
// and memory in proportion to the cells to fix.
func scanSheet(r io.Reader) (*sheetScan, error) {
	x := &xmlScanner{br: bufio.NewReaderSize(r, 64<<10), sc: sheetScan{far: -1}, col: -1, last: -1}
	for {
		err := x.skipText()
		if err == io.EOF {
			break
		}
		if err == nil {
			err = x.readTag()
		}
		if err != nil {
			return nil, err
		}
		x.element()
	}
	x.endRow()
	return &x.sc, nil
}

// skipText reads up to and past the next '<', keeping the text before it
// when collect is set.
func (x *xmlScanner) skipText() error {
	x.text = x.text[:0]
	for {
		b, err := x.br.ReadSlice('<')
		if x.collect != nil && len(x.text) < maxText {
			x.text = append(x.text, b[:min(len(b), maxText-len(x.text))]...)
		}
		switch {
		case err == nil:
			if len(x.text) > 0 && x.text[len(x.text)-1] == '<' {
				x.text = x.text[:len(x.text)-1]
			}
			return nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return err
		}
	}
}

// readTag reads a tag up to its '>', outside the quoted values of an
// element's attributes, keeping its first maxTag bytes. A comment, a
// CDATA section or a declaration ends at its first '>'.
func (x *xmlScanner) readTag() error {
	x.tag = x.tag[:0]
	var quote byte
	first, _ := x.br.Peek(1)
	markup := len(first) == 1 && (first[0] == '!' || first[0] == '?')
	for {
		b, err := x.br.ReadSlice('>')
		for _, c := range b {
			switch {
			case markup:
			case quote != 0 && c == quote:
				quote = 0
			case quote == 0 && (c == '"' || c == '\''):
				quote = c
			}
		}
		if len(x.tag) < maxTag {
			x.tag = append(x.tag, b[:min(len(b), maxTag-len(x.tag))]...)
		}
		switch {
		case err == nil && quote == 0:
			x.tag = bytes.TrimSuffix(x.tag, []byte(">"))
			return nil
		case err != nil && !errors.Is(err, bufio.ErrBufferFull):
			if err == io.EOF {
				return nil // a tag cut short by the end: nothing more
			}
			return err
		}
	}
}

// element takes in the tag just read.
func (x *xmlScanner) element() {
	tag := x.tag
	end := len(tag) > 0 && tag[0] == '/'
	empty := len(tag) > 0 && tag[len(tag)-1] == '/'
	if x.collect != nil {
		*x.collect = appendText(*x.collect, x.text)
		if cdata := []byte("![CDATA["); bytes.HasPrefix(tag, cdata) {
			*x.collect = appendText(*x.collect, bytes.TrimSuffix(tag[len(cdata):], []byte("]]")))
			return // more of the same text may follow
		}
		x.collect = nil
	}
	switch name := string(tagName(tag)); {
	case name == "row" && !end:
		x.startRow(tag)
		if empty {
			x.endRow()
		}
	case name == "row":
		x.endRow()
	case name == "c" && !end && x.inRow:
		x.startCell(tag, empty)
	case name == "c" && x.cell.open:
		x.endCell()
	case !x.cell.open || end:
	case name == "f":
		x.cell.formula = true
		x.collectUnless(empty, &x.cell.text)
	case name == "v":
		x.cell.hasValue = true
		x.collectUnless(empty || !x.cell.formula && !x.cell.boolean, &x.cell.value)
	case name == "is":
		x.cell.value = "inline"
	}
}

// collectUnless keeps the text up to the next tag in *to, unless the
// element is empty.
func (x *xmlScanner) collectUnless(empty bool, to *string) {
	if !empty {
		x.collect = to
	}
}

// appendText returns s with b after it, at most maxText bytes.
func appendText(s string, b []byte) string {
	if len(s) >= maxText || len(b) == 0 {
		return s
	}
	return s + string(b[:min(len(b), maxText-len(s))])
}

// tagName returns the local name of a tag: "c" for "x:c r=...".
func tagName(tag []byte) []byte {
	if len(tag) > 0 && tag[0] == '/' {
		tag = tag[1:]
	}
	for i, c := range tag {
		switch c {
		case ' ', '\t', '\r', '\n', '/':
			tag = tag[:i]
		case ':':
			return tagName(tag[i+1:])
		default:
			continue
		}
		break
	}
	return tag
}

// startRow begins a row: numbered by its r attribute, else the one after
// the last.
func (x *xmlScanner) startRow(tag []byte) {
	x.endRow()
	x.inRow, x.col, x.last = true, -1, -1
	if n, ok := atoiRef(attr(tag, "r")); ok && n > 0 {
		x.row = n
	} else {
		x.row++
	}
}

// endRow ends the row, if one is open: it costs its last column's cells.
func (x *xmlScanner) endRow() {
	if !x.inRow {
		return
	}
	x.inRow = false
	x.cell = cellState{}
	if x.last < 0 {
		return
	}
	x.sc.cells += int64(x.last) + 1
	if x.last > x.sc.far {
		x.sc.far, x.sc.farRow = x.last, x.row
	}
}

// startCell begins a cell: in the column its r attribute names, else the
// one after the last.
func (x *xmlScanner) startCell(tag []byte, empty bool) {
	x.col++
	if col, ok := refColumn(attr(tag, "r")); ok {
		x.col = col
	}
	x.col = min(x.col, maxColumns-1)
	typ := attr(tag, "t")
	x.cell = cellState{open: !empty, boolean: string(typ) == "b", str: string(typ) == "str"}
}

// endCell ends a cell that is not an empty element: the library counts
// it, and may read it wrong.
func (x *xmlScanner) endCell() {
	c := x.cell
	x.cell = cellState{}
	x.last = max(x.last, x.col)
	fix := cellFix{col: x.col}
	switch {
	case c.formula && c.value == "" && !(c.str && c.hasValue):
		fix.formula, fix.text = true, html.UnescapeString(c.text)
	case c.boolean && c.value == "1":
		fix.text = "TRUE"
	case c.boolean && c.value == "0":
		fix.text = "FALSE"
	default:
		return
	}
	if x.sc.fixes == nil {
		x.sc.fixes = make(map[int][]cellFix)
	}
	x.sc.fixes[x.row] = append(x.sc.fixes[x.row], fix)
}

// attr returns the value of the attribute name in tag, or nil.
func attr(tag []byte, name string) []byte {
	i := 0
	for i < len(tag) && !space(tag[i]) {
		i++ // the tag's name
	}
	for i < len(tag) {
		for i < len(tag) && space(tag[i]) {
			i++
		}
		eq := bytes.IndexByte(tag[i:], '=')
		if eq < 0 {
			return nil
		}
		key := tag[i : i+eq]
		for len(key) > 0 && space(key[len(key)-1]) {
			key = key[:len(key)-1]
		}
		i += eq + 1
		for i < len(tag) && tag[i] != '"' && tag[i] != '\'' {
			i++
		}
		if i >= len(tag) {
			return nil
		}
		closing := bytes.IndexByte(tag[i+1:], tag[i])
		if closing < 0 {
			return nil
		}
		if string(key) == name {
			return tag[i+1 : i+1+closing]
		}
		i += closing + 2
	}
	return nil
}

// space reports whether c is XML white space.
func space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// maxColumns is the number of columns a sheet may have: A to XFD.
const maxColumns = 16384

// refColumn returns the column (from 0) of a cell reference such as
// "XFD7", or false when ref is none.
func refColumn(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && i < 3; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
	}
	if _, ok := atoiRef(ref[i:]); i == 0 || !ok || col > maxColumns {
		return 0, false
	}
	return col - 1, true
}

// atoiRef reads the row number of a reference: 1 to 7 digits.
func atoiRef(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 7 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
