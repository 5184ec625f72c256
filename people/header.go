package people

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/suggest"
	"github.com/wlpmodel/wlp/problem"
)

// field is what a sheet column holds, other than one competency's levels.
type field int

// The fields a sheet's columns may hold. noField is a competency's column
// in a wide sheet, or a column that is not read.
const (
	noField field = iota
	idField
	nameField
	sourceField
	dateField
	raterField
	evidenceField
	competencyField
	levelField
	fieldCount
)

// fieldNames are the fields' names as messages and templates write them.
var fieldNames = [fieldCount]string{"", "id", "name", "source", "date", "rater", "evidence", "competency", "level"}

// fieldAliases maps the suggest.Key of each header a field goes by to the
// field.
var fieldAliases = map[string]field{
	"id": idField, "profileid": idField, "personid": idField, "employeeid": idField,
	"name": nameField, "fullname": nameField, "person": nameField, "employee": nameField,
	"date": dateField, "assessedat": dateField, "assessedon": dateField,
	"competency": competencyField, "competencyid": competencyField, "area": competencyField, "competencyorarea": competencyField,
	"source": sourceField, "rater": raterField, "evidence": evidenceField, "level": levelField,
}

// maxHinted bounds the candidates of a did-you-mean drawn from the input
// itself (a header's columns, a workbook's sheets), so that its cost stays
// in proportion.
const maxHinted = 1000

// headerRows is the last row a sheet's header row may be on: the first
// row to have an id column, below titles, notes and blank rows.
const headerRows = 10

// isIDHeader reports whether text heads an id column.
func isIDHeader(text string) bool {
	return fieldAliases[suggest.Key(text)] == idField
}

// names resolves what a header or a long sheet's competency cell names: a
// competency or area of a framework, by its ID or name in any case,
// spacing or punctuation, or in the template's form "Name (id)".
type names struct {
	f     *wlp.Framework
	byKey map[string]competency.ID
	shown []string // the names, for did-you-mean
}

// newNames indexes the IDs and names of f's competencies and areas, in
// O(n) time and memory for its n IDs.
func newNames(f *wlp.Framework) *names {
	ids := f.IDs()
	n := &names{f: f, byKey: make(map[string]competency.ID, 2*len(ids)), shown: make([]string, 0, len(ids))}
	for _, id := range ids {
		name, _ := f.NameOf(id)
		n.shown = append(n.shown, name)
		if _, dup := n.byKey[suggest.Key(string(id))]; !dup {
			n.byKey[suggest.Key(string(id))] = id
		}
	}
	for _, id := range ids {
		name, _ := f.NameOf(id)
		if k := suggest.Key(name); k != "" {
			if _, dup := n.byKey[k]; !dup {
				n.byKey[k] = id
			}
		}
	}
	return n
}

// resolve returns the competency or area text names, and whether it
// names one. In the form "Name (id)" the ID decides, and other is the
// name of another competency when the name before it is that one's.
func (n *names) resolve(text string) (id competency.ID, ok bool, other string) {
	if id, ok := n.byKey[suggest.Key(text)]; ok {
		return id, true, ""
	}
	open := strings.LastIndexByte(text, '(')
	if open < 0 || !strings.HasSuffix(text, ")") {
		return "", false, ""
	}
	id, ok = n.byKey[suggest.Key(text[open+1:len(text)-1])]
	if !ok {
		return "", false, ""
	}
	if named, ok := n.byKey[suggest.Key(text[:open])]; ok && named != id {
		name, _ := n.f.NameOf(named)
		return id, false, name
	}
	return id, true, ""
}

// mixed returns the message for a header or cell that names the
// competency other but the ID id; subject is how the message calls it.
func mixed(subject, other string, id competency.ID) string {
	return fmt.Sprintf("%s names %s but the ID %s: write one of them", subject, quote(other), quote(string(id)))
}

// unknown returns the message for a long sheet's cell text, which names
// no competency or area, with the closest name it might mean.
func (n *names) unknown(text string, hint bool) string {
	msg := fmt.Sprintf("unknown competency or area %s: not a competency or area of framework %s", quote(text), problem.Quote(n.f.ID()))
	return msg + didYouMean(text, n.shown, hint)
}

// unknownHeader returns the message for the header text, which names
// no competency, area or field: the closest name it might mean, or how
// to skip the column. The place names the column, so the message does
// not.
func (n *names) unknownHeader(text string, hint bool) string {
	msg := "the header names no competency or area of framework " + problem.Quote(n.f.ID())
	if near := didYouMean(text, append(n.shown[:len(n.shown):len(n.shown)], fieldNames[1:]...), hint); near != "" {
		return msg + near
	}
	return msg + "; skip the column with Options.Ignore (wlp -ignore " + ignoreArg(text) + ")"
}

// ignoreArg returns the header text as a command line passes it to wlp's
// -ignore flag: its letters and digits, which are all that matching a
// header looks at, with a space between words, double-quoted if there
// are several (which every shell, and cmd.exe, reads alike); or COL when
// that is empty or too long to write out.
func ignoreArg(text string) string {
	var b strings.Builder
	space := false
	for _, r := range text {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	arg := b.String()
	switch {
	case arg == "" || len(arg) > 40:
		return "COL"
	case strings.Contains(arg, " "):
		return `"` + arg + `"`
	}
	return arg
}

// column is one column of a sheet's header row.
type column struct {
	text  string        // the header, trimmed
	field field         // the field it holds, or noField
	id    competency.ID // the competency whose levels it holds (wide)
}

// header is a sheet's header row, resolved: which column holds what.
type header struct {
	row  int
	cols []column
	at   [fieldCount]int // each field's column, or -1
	comp []int           // the columns of competencies (wide), in order
	long bool            // one rating a row, not one person a row
	bad  bool            // the header has a problem: nobody is yielded
	// extra marks the columns without a header already reported for
	// holding a value, one bit a column.
	extra []uint64
}

// grouped reports whether the sheet's rows are grouped by person (a long
// sheet, or a wide one with a rater column) rather than one person a row.
func (h *header) grouped() bool { return h.long || h.at[raterField] >= 0 }

// has reports whether the sheet has a column for fl.
func (h *header) has(fl field) bool { return h.at[fl] >= 0 }

// parseHeader makes row n, whose cells are trimmed, the sheet's header,
// and reports its problems: a column that names nothing, one named twice,
// a column of the other layout, an ignored column that is not there. It
// costs O(c) time for the c cells, plus a did-you-mean for each of the
// first 1,000 problems.
func (s *sheetReader) parseHeader(n int, cells []string) *header {
	h := &header{row: n, cols: make([]column, len(cells))}
	s.head = h // for places
	for i := range h.at {
		h.at[i] = -1
	}
	before := s.ps.len()
	ignored := s.ignoreKeys()
	var unknown, comps []int
	for i, text := range cells {
		c := &h.cols[i]
		c.text = text
		key := suggest.Key(text)
		switch fl, isField := fieldAliases[key]; {
		case text == "":
		case ignored[key] != nil:
			ignored[key].used = true
		case isField:
			c.field = fl
			s.claim(h, &h.at[fl], i)
		default:
			id, ok, other := s.names.resolve(text)
			switch {
			case other != "":
				s.ps.add(s.headerPlace(i), mixed("the header", other, id))
			case ok:
				c.id = id
				comps = append(comps, i)
			default:
				unknown = append(unknown, i)
			}
		}
	}
	h.long = h.has(competencyField) && h.has(levelField)
	s.layoutProblems(h, comps)
	for _, i := range unknown {
		s.ps.add(s.headerPlace(i), s.names.unknownHeader(cells[i], !s.ps.full()))
	}
	s.unusedIgnores(n, ignored, cells, unknown)
	h.bad = s.ps.len() > before
	return h
}

// claim makes column i the one of a field or competency whose column is
// *at, or reports it as a second one, at column i, naming both columns'
// letters: their headers may read the same.
func (s *sheetReader) claim(h *header, at *int, i int) {
	if *at >= 0 {
		first := h.cols[*at]
		what := fieldNames[first.field]
		if first.field == noField {
			what, _ = s.names.f.NameOf(first.id)
		}
		s.ps.addf(s.headerPlace(i), "column %s holds %s, as column %s (%s) does: keep one of the two",
			columnName(i), quote(what), columnName(*at), quote(first.text))
		return
	}
	*at = i
}

// layoutProblems claims the competency columns of a wide sheet, and
// reports the columns that belong to the other layout.
func (s *sheetReader) layoutProblems(h *header, comps []int) {
	if h.long {
		for _, i := range comps {
			s.ps.add(s.headerPlace(i), "the header names a competency, but this sheet has one rating a row "+
				"(columns competency and level): rate it in those columns, or skip this column with Options.Ignore (wlp -ignore "+
				ignoreArg(h.cols[i].text)+")")
		}
		return
	}
	for _, fl := range []field{competencyField, levelField} {
		if i := h.at[fl]; i >= 0 {
			other := fieldNames[competencyField+levelField-fl]
			s.ps.addf(s.headerPlace(i), "a %s column needs a %s column beside it (one rating a row); "+
				"or head one column per competency, as a wide sheet does", fieldNames[fl], other)
		}
	}
	at := make(map[competency.ID]int, len(comps))
	for _, i := range comps {
		first, dup := at[h.cols[i].id]
		if !dup {
			first = -1
		}
		s.claim(h, &first, i)
		at[h.cols[i].id] = first
		if first == i {
			h.comp = append(h.comp, i)
		}
	}
}

// ignoreEntry is one of Options.Ignore, and whether a column matched it.
type ignoreEntry struct {
	text string
	used bool
}

// ignoreKeys returns Options.Ignore by suggest.Key.
func (s *sheetReader) ignoreKeys() map[string]*ignoreEntry {
	if s.o == nil || len(s.o.Ignore) == 0 {
		return nil
	}
	m := make(map[string]*ignoreEntry, len(s.o.Ignore))
	for _, text := range s.o.Ignore {
		if k := suggest.Key(text); m[k] == nil {
			m[k] = &ignoreEntry{text: text}
		}
	}
	return m
}

// unusedIgnores reports each of Options.Ignore that matched no column
// of the header row n but is close to a column that names nothing: most
// likely a typo, put at that column. One that is close to nothing is no
// problem: a run over several sheets ignores a column some of them lack.
func (s *sheetReader) unusedIgnores(n int, ignored map[string]*ignoreEntry, cells []string, unknown []int) {
	if len(ignored) == 0 {
		return
	}
	var near []string // what the ignored column may have meant: a column that names nothing
	for _, i := range unknown[:min(len(unknown), maxHinted)] {
		near = append(near, cells[i])
	}
	for _, text := range s.o.Ignore {
		e := ignored[suggest.Key(text)]
		if e == nil || e.used || e.text != text {
			continue
		}
		e.used = true // report it once
		msg := fmt.Sprintf("the ignored column %s is not in the header row", quote(text))
		if i, ok := closestColumn(text, near, unknown, !s.ps.full()); ok {
			s.ps.add(s.headerPlace(i), msg+"; did you mean this column?")
		}
	}
}

// closestColumn returns the column of cols, headed as near says, whose
// header text most likely means, when hint is true and one is close.
func closestColumn(text string, near []string, cols []int, hint bool) (int, bool) {
	if !hint {
		return 0, false
	}
	c, ok := suggest.Closest(text, near)
	if !ok {
		return 0, false
	}
	return cols[slices.Index(near, c)], true
}

// columnName returns the letters office programs name column i (from 0)
// by: A to Z, then AA, AB and so on.
func columnName(i int) string {
	var b [8]byte
	k := len(b)
	for i++; i > 0 && k > 0; i = (i - 1) / 26 {
		k--
		b[k] = byte('A' + (i-1)%26)
	}
	return string(b[k:])
}
