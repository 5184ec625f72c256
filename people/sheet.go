package people

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// sheetReader turns the rows of one sheet (a CSV input, or a workbook's
// sheet) into people. Its caller hands it each row with row; finish
// reports the problems and yields the people held back.
//
// A wide sheet without a rater column is read a row at a time: each
// person is yielded as its row is read, and only the IDs seen are kept
// (to report one given twice). A long sheet, or a wide one with a rater
// column, is grouped by person: its people are held, and yielded by
// finish in the order of their first rows, unless a row could not be
// read. Either way the problems come last, in one *Error.
type sheetReader struct {
	o        *Options
	f        *wlp.Framework
	file     string // the input's name, for places
	sheet    string // the workbook sheet's name; "" for CSV
	xlsx     bool   // cells have A1 names, and dates may be serial numbers
	date1904 bool   // the workbook counts dates from 1904
	limit    int64  // the bound on a row's size, in bytes
	yield    func(Person, error) bool

	ps      problems
	names   *names
	levels  *levels
	dates   dateOrder
	head    *header        // nil until the header row is read
	empty   bool           // no row seen holds anything
	failed  bool           // the input cannot be read: nothing more to say
	lost    bool           // a row was not read: in a grouped sheet, anyone may lack it
	stopped bool           // yield returned false
	seen    map[string]int // one person a row: each ID's row
	groups  map[string]*group
	order   []*group
	hint    string    // what the problem of a sheet without a header row adds
	fixes   []cellFix // the cells of the row being read that a workbook's library reads wrong
	handed  int64     // the cells a workbook's library has handed over
}

// newSheetReader returns a reader for a sheet of file.
func (o *Options) newSheetReader(file string, yield func(Person, error) bool) *sheetReader {
	f := o.framework()
	s := &sheetReader{
		o: o, f: f, file: file, limit: o.maxBytes(), yield: yield,
		names: newNames(f), levels: newLevels(f.Scale()), empty: true,
	}
	if o != nil && (o.Dates == DayFirst || o.Dates == MonthFirst) {
		s.dates = dateOrder{dayFirst: o.Dates == DayFirst, set: true, given: true}
	}
	return s
}

// row reads the sheet's row n, its cells as read (row trims them in
// place). It returns false when reading should stop: yield returned
// false, or no header row came in time.
func (s *sheetReader) row(n int, cells []string) bool {
	blank := true
	size := 0
	for i, c := range cells {
		size += len(c)
		cells[i] = strings.TrimSpace(c)
		blank = blank && cells[i] == ""
	}
	if blank {
		return s.head != nil || n < headerRows
	}
	s.empty = false
	switch {
	case int64(size) > s.limit:
		s.lost = true
		s.ps.addf(s.place(n, -1), "the row holds %d bytes, more than the limit of %d", size, s.limit)
	case s.head == nil:
		return s.findHeader(n, cells)
	case s.head.grouped():
		s.groupRow(n, cells)
	default:
		s.wideRow(n, cells)
	}
	return !s.stopped
}

// findHeader makes row n the header row if it has an id column; it
// returns false when n is the last row the header may be.
func (s *sheetReader) findHeader(n int, cells []string) bool {
	for _, c := range cells {
		if isIDHeader(c) {
			s.head = s.parseHeader(n, cells)
			s.uncomputedHeaders()
			if !s.head.grouped() {
				s.seen = make(map[string]int)
			} else {
				s.groups = make(map[string]*group)
			}
			return true
		}
	}
	return n < headerRows
}

// uncomputedHeaders reports the header row's formulas without a saved
// result, which read as no header.
func (s *sheetReader) uncomputedHeaders() {
	for _, f := range s.fixes {
		if f.formula {
			s.ps.add(s.headerPlace(f.col), s.uncomputed(f.col))
			s.head.bad = true
		}
	}
}

// finish reports the sheet's problems and yields the people held back,
// unless a row could not be read (it may have been anyone's), then the
// problems. It returns false if yield did.
func (s *sheetReader) finish() bool {
	if s.stopped {
		return false
	}
	if s.head == nil && !s.failed {
		msg := "no header row: none of the first 10 rows has an id column (headed id, employee id or the like)"
		if s.empty {
			msg = "nothing to read: a sheet needs a header row with an id column, and a row per person"
		}
		s.ps.add(Place{File: s.file, Sheet: s.sheet}, msg+s.hint)
	}
	for _, g := range s.order {
		if s.lost {
			break
		}
		if !s.yieldGroup(g) {
			return false
		}
	}
	if err := s.ps.err(); err != nil {
		return s.yield(Person{Place: Place{File: s.file}}, err)
	}
	return true
}

// place returns the place of row n's cell in column i, or of the row
// when i < 0.
func (s *sheetReader) place(n, i int) Place {
	p := Place{File: s.file, Sheet: s.sheet, Row: n}
	if i < 0 {
		return p
	}
	if s.head != nil && i < len(s.head.cols) {
		p.Column = s.head.cols[i].text
	}
	if s.xlsx {
		p.Cell = columnName(i) + strconv.Itoa(n)
	}
	return p
}

// headerPlace returns the place of the header row's cell in column i:
// the row, the header and, in a workbook, the cell.
func (s *sheetReader) headerPlace(i int) Place {
	return s.place(s.head.row, i)
}

// rowFields are the values of a row's field columns, read.
type rowFields struct {
	id, name, rater, evidence, date string
	source                          profile.Source
}

// text returns the trimmed text of row n's cell in column i ("" when
// there is no such column or cell), reporting text that is not UTF-8,
// an error value, or a formula without a saved result.
func (s *sheetReader) text(n, i int, cells []string) string {
	if len(s.fixes) > 0 && i >= 0 {
		if msg := s.uncomputed(i); msg != "" {
			s.ps.add(s.place(n, i), msg)
			return ""
		}
	}
	if i < 0 || i >= len(cells) {
		return ""
	}
	if !utf8.ValidString(cells[i]) {
		s.ps.add(s.place(n, i), "the text is not valid UTF-8: save the file as UTF-8 (\"CSV UTF-8\" in Excel)")
		return ""
	}
	if cellErrors[cells[i]] {
		s.ps.addf(s.place(n, i), "the cell holds the error %s: correct its formula, or empty it", cells[i])
		return ""
	}
	return cells[i]
}

// fields reads the field columns of row n, and reports the cells of
// columns without a header that hold something.
func (s *sheetReader) fields(n int, cells []string) rowFields {
	h := s.head
	for i, c := range cells {
		if c != "" && (i >= len(h.cols) || h.cols[i].text == "") {
			s.headless(n, i, c)
		}
	}
	var r rowFields
	r.id = s.text(n, h.at[idField], cells)
	r.name = s.text(n, h.at[nameField], cells)
	r.rater = s.text(n, h.at[raterField], cells)
	r.evidence = s.text(n, h.at[evidenceField], cells)
	var msg string
	if r.source, msg = parseSource(s.text(n, h.at[sourceField], cells), !s.ps.full()); msg != "" {
		s.ps.add(s.place(n, h.at[sourceField]), msg)
	}
	if r.date, msg = s.dates.parseDate(s.text(n, h.at[dateField], cells), n, s.xlsx, s.date1904); msg != "" {
		s.ps.add(s.place(n, h.at[dateField]), msg)
	}
	if r.id == "" {
		s.ps.add(s.place(n, h.at[idField]), "the row has no ID: give every row the ID of its person")
	}
	return r
}

// headless reports, once a column, that column i has no header but row n
// holds c in it: at the header's cell, which is to be filled.
func (s *sheetReader) headless(n, i int, c string) {
	h := s.head
	word := i / 64
	if word >= len(h.extra) {
		h.extra = append(h.extra, make([]uint64, word+1-len(h.extra))...)
	}
	if h.extra[word]&(1<<(i%64)) != 0 {
		return
	}
	h.extra[word] |= 1 << (i % 64)
	h.bad = true
	s.ps.addf(s.headerPlace(i), "column %s has no header, but row %d holds %s: head the column, or empty it", columnName(i), n, quote(c))
}

// level reads the level in row n's cell of column i; rated is false when
// the cell rates nothing or is wrong.
func (s *sheetReader) level(n, i int, cells []string) (competency.Level, bool) {
	l, rated, msg := s.levels.parse(s.text(n, i, cells), !s.ps.full())
	if msg != "" {
		s.ps.add(s.place(n, i), msg)
	}
	return l, rated
}

// evidenceOf returns a row's evidence as a rating's list: one item, or
// none.
func evidenceOf(e string) []string {
	if e == "" {
		return nil
	}
	return []string{e}
}

// wideRow reads row n of a wide sheet without a rater column: one person,
// yielded at once unless the row or the header has a problem.
func (s *sheetReader) wideRow(n int, cells []string) {
	before := s.ps.len()
	h := s.head
	r := s.fields(n, cells)
	p := profile.Profile{ID: r.id, Name: r.name}
	for _, i := range h.comp {
		l, ok := s.level(n, i, cells)
		if !ok {
			continue
		}
		if p.Ratings == nil {
			p.Ratings = make(map[competency.ID]profile.Rating, len(h.comp))
		}
		p.Ratings[h.cols[i].id] = profile.Rating{Level: l, Source: r.source, AssessedAt: r.date, Evidence: evidenceOf(r.evidence)}
	}
	if r.id == "" {
		return
	}
	if first, dup := s.seen[r.id]; dup {
		s.ps.addf(s.place(n, h.at[idField]), "the ID %s is on row %d too: one row per person (or add a rater column, one row per rater)", quote(r.id), first)
		return
	}
	s.seen[r.id] = n
	s.validate(p, origin{row: n, nameRow: n})
	if s.ps.len() == before && !h.bad {
		s.stopped = !s.yield(Person{Profile: p, Place: Place{File: s.file, Sheet: s.sheet, Row: n}}, nil)
	}
}

// validate checks p against the framework and puts each problem found in
// the cell it comes from, by the rows o names.
func (s *sheetReader) validate(p profile.Profile, o origin) {
	err := s.f.ValidateProfile(p)
	if err == nil {
		return
	}
	pe, ok := err.(*problem.Error)
	if !ok {
		s.ps.add(s.place(o.row, -1), err.Error())
		return
	}
	for _, pr := range pe.Problems {
		s.ps.add(s.origin(o, pr.Path), pr.Message)
	}
	if pe.Omitted > 0 {
		s.ps.addf(s.place(o.row, -1), "and %d more problems of this person", pe.Omitted)
	}
}

// origin returns the cell that the JSON pointer path of a profile read
// from the rows o names comes from: "/id" is the ID's cell,
// "/ratings/coaching/level" the cell of that level, and so on.
func (s *sheetReader) origin(o origin, path string) Place {
	h := s.head
	tok := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for i, t := range tok {
		tok[i] = unescapePointer.Replace(t)
	}
	next := func(i int) string {
		if i < len(tok) {
			return tok[i]
		}
		return ""
	}
	switch tok[0] {
	case "id":
		return s.place(o.row, h.at[idField])
	case "name":
		return s.place(o.nameRow, h.at[nameField])
	case "ratings":
		id := competency.ID(next(1))
		row := o.row
		if r, ok := o.rated[id]; ok {
			row = r
		}
		return s.fieldPlace(row, id, next(2))
	case "reviews":
		i, err := strconv.Atoi(next(1))
		if err != nil || i < 0 || i >= len(o.reviews) {
			break
		}
		rv := o.reviews[i]
		switch next(2) {
		case "rater":
			return s.place(rv.row, h.at[raterField])
		case "source":
			return s.place(max(rv.row, rv.sourceRow), h.at[sourceField])
		case "assessedAt":
			return s.place(max(rv.row, rv.dateRow), h.at[dateField])
		case "levels":
			id := competency.ID(next(3))
			if r, ok := rv.levels[id]; ok {
				return s.fieldPlace(r, id, "level")
			}
		}
		return s.place(rv.row, -1)
	}
	return s.place(o.row, -1)
}

// unescapePointer turns a JSON pointer's token back into the key it
// names.
var unescapePointer = strings.NewReplacer("~1", "/", "~0", "~")

// fieldPlace returns the cell on row n of a rating of id's field: its
// level, source, date or evidence.
func (s *sheetReader) fieldPlace(n int, id competency.ID, fieldName string) Place {
	h := s.head
	switch fieldName {
	case "source":
		return s.place(n, h.at[sourceField])
	case "assessedAt":
		return s.place(n, h.at[dateField])
	case "evidence":
		return s.place(n, h.at[evidenceField])
	}
	if h.long {
		return s.place(n, h.at[levelField])
	}
	for _, i := range h.comp {
		if h.cols[i].id == id {
			return s.place(n, i)
		}
	}
	return s.place(n, -1)
}
