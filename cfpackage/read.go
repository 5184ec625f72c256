package cfpackage

import (
	"bytes"
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/problem"
)

// Warning is something a package got wrong that reading or importing it
// got past: a place (a JSON pointer into the package) and what was wrong
// there and what was done about it.
type Warning = problem.Problem

// MaxBytes is the largest package Read and Decode accept. It bounds
// their memory: see Read.
const MaxBytes = 64 << 20

// Read reads one package of at most MaxBytes from r and decodes it. See
// Decode; a package over the limit, or a read error, is an error.
//
// Read holds the document and what Decode makes of it at once, so its
// memory grows with the size of the document, in bytes per byte of it
// (as measured on 64-bit systems): about 6 for a typical package (3 for
// one of long statements, 6 for an export as Encode indents it, 8 for
// one of 100,000 short items), 35 to 40 for a document of tiny values
// (a list of zeros, or of empty objects, in an extension), and at worst
// about 65, for a list of tiny objects (such as {"a":0}, each a map once
// parsed). MaxBytes is what bounds it: a 64 MiB package of tiny values
// takes about 2.2 GB, one of tiny objects about 4.3 GB, and a typical
// one 400 to 550 MB. A caller that cannot spare that should read
// packages through an io.LimitReader of less, or check their size first.
func Read(r io.Reader) (*Package, []Warning, error) {
	data, pr := jsonx.ReadAll(r, jsonx.Limits{MaxBytes: MaxBytes})
	if pr != nil {
		return nil, nil, problem.New("cfpackage", []problem.Problem{*pr}, 0)
	}
	return Decode(data)
}

// Decode reads a CASE 1.0 or 1.1 package, as the systems that hold
// frameworks write them, into a Package that encodes as CASE 1.1.
//
// Decode is also a conformance check: a package decodes with no
// warnings only if it is valid by 1EdTech's CASE 1.1 CFPackage JSON
// Schema (formats included: identifiers are UUIDs, lastChangeDateTime a
// date-time with a time zone, statusStartDate and statusEndDate dates),
// and each rule of that schema a package breaks gives a warning or an
// error. What a reader can get past is a warning, at the JSON pointer of
// its place in data, saying what was wrong and what was done: a UTF-8
// byte-order mark at the start is read past, nulls and unknown fields
// (CASE 1.0's among them) are left out, a CFPackage wrapper is taken
// off, dates without a time zone are read as UTC, identifiers in upper
// case are lower-cased, a date-time's "t" and "z" upper-cased, a string
// of commas where CASE wants a list of strings is split, a number
// written as a string is read, and values CASE 1.1 does not know (a
// caseVersion, an associationType, an identifier that is not a UUID, a
// missing required field) are kept as found, for the importer to judge.
// A leap second (23:59:60 UTC) is valid, and kept as written.
//
// A warning whose remedy is the same wherever it occurs is given once
// per kind and field of a class (CFItem's identifier, say), at the first
// place, with the number of places: "(20000 like it in "identifier" of
// CFItem; this is the first)". Unknown fields likewise give one warning
// per name and class, with the number of objects that have it. What
// needs a remedy of its own at each place has a warning at each: a
// missing, null or empty required field, a date or a date-time that
// cannot be read (and is left out). Warnings come in JSON pointer order (problem.Compare); past
// problem.MaxReported of them, one last warning counts the rest.
//
// What it cannot get past is an error, a *problem.Error of package
// "cfpackage" listing every one (up to what an Error keeps): malformed
// JSON, repeated keys, nesting deeper than 64 levels, a document that is
// not an object or has no CFDocument, a value of a JSON type that cannot
// stand for what CASE wants there (an object for a string, a list for
// an object, a word for a number), and lists of so many nearly empty
// objects (such as {} repeated) that the Package would take more than 8
// bytes of memory for each byte of data (a package of valid objects
// takes less than 3). Then the Package is nil, and the warnings found so
// far are returned with the error.
//
// The entries of CFConcepts, CFSubjects, CFLicenses and
// CFAssociationGroupings are checked as their classes say and kept as
// compact JSON, their fields in the schema's order; each extension value
// is kept as canonical JSON (compact, its object members sorted by name,
// numbers as written), the form an export writes. Empty lists and extension objects read as
// nil, as they encode.
//
// Decode costs time and memory linear in len(data): the generic parse of
// the document, the Package, and at most problem.MaxReported warnings
// and errors kept, plus a copy of data when it starts with a byte-order
// mark. The bytes it allocates per byte of data are those Read states
// (about 6 for a typical package, about 65 at worst); the tests hold
// those of documents of tiny values and of nearly empty objects to 50,
// the bound of the module's loaders, but for lists of tiny objects,
// whose generic parse alone takes about 60.
func Decode(data []byte) (*Package, []Warning, error) {
	if len(data) > MaxBytes {
		return nil, nil, problem.New("cfpackage", []problem.Problem{{
			Message: fmt.Sprintf("the document is larger than the limit of %d bytes", MaxBytes)}}, 0)
	}
	d := &decoder{unknown: map[unknownKey]*unknownField{}, counted: map[countKey]*countedWarning{}}
	if bytes.HasPrefix(data, bom) {
		// jsonx rejects a byte-order mark. Spaces in its place keep the
		// offsets of errors those of data.
		d.warn("", "the document starts with a UTF-8 byte-order mark, which JSON does not allow; read past it")
		data = append([]byte("   "), data[len(bom):]...)
	}
	tree, probs, ok := jsonx.Parse(data, jsonx.Limits{MaxBytes: MaxBytes})
	if !ok {
		return nil, d.warns.sorted("warnings"), problem.New("cfpackage", probs.Problems, probs.Omitted)
	}
	for _, p := range probs.Problems {
		d.errs.add(p)
	}
	d.errs.n += probs.Omitted
	d.budget = memoryPerByte*int64(len(data)) + memorySlack
	pkg := d.pkg(data, tree)
	d.flushUnknown()
	d.flushCounted()
	warns := d.warns.sorted("warnings")
	if d.errs.n > 0 {
		errs := d.errs.sorted("")
		return nil, warns, problem.New("cfpackage", errs, d.errs.n-len(errs))
	}
	return pkg, warns, nil
}

// bom is the UTF-8 encoding of U+FEFF, the byte-order mark.
var bom = []byte("\xef\xbb\xbf")

// A decoder walks one package's generic tree.
type decoder struct {
	warns, errs collector
	// unknown aggregates the unknown fields, by class and name.
	unknown map[unknownKey]*unknownField
	// counted aggregates the warnings of a kind that repeat from object
	// to object, by kind and place in the schema.
	counted map[countKey]*countedWarning
	// class is the CASE class of the object whose fields are decoded.
	class string
	// budget is the memory left for the Package's lists, in bytes; once
	// it is spent (over is true), lists are no longer decoded.
	budget int64
	over   bool
	buf    bytes.Buffer
}

// The memory the lists of a Package may take: memoryPerByte bytes for
// each byte of the document, and memorySlack more. A list takes the
// size of its entries (an Item takes 336 bytes on 64-bit systems) and of
// their extension maps, and a package of valid objects less than 3
// bytes for each byte of its JSON; only a package of many objects with
// few or none of their fields (such as {} repeated) can take more, and
// is an error.
const (
	memoryPerByte = 8
	memorySlack   = 1 << 20
)

// afford spends cost bytes of memory on the n entries of the list at
// path, what names them. Past the budget, it reports an error (the
// first time) and returns false.
func (d *decoder) afford(path string, n int, cost int64, what string) bool {
	if d.over {
		return false
	}
	if cost <= d.budget {
		d.budget -= cost
		return true
	}
	d.over = true
	d.fail(path, fmt.Sprintf("%d %s, with the lists before them, would take more than %d bytes of memory for each byte of the document; a package of so many nearly empty objects is not read", n, what, memoryPerByte))
	return false
}

// A countKey is a kind of warning and the place of a field in the
// schema: its JSON pointer with each array index written "#".
type countKey struct{ kind, pattern string }

// A countedWarning is the first of the warnings of a countKey.
type countedWarning struct {
	first, msg string // the first place and its message
	where      string // the field and class, as the count names them
	n          int
}

type unknownKey struct{ class, name string }

type unknownField struct {
	first string // the pointer of the first place
	n     int
	old   bool // a CASE 1.0 field
}

func (d *decoder) warn(path, msg string) { d.warns.add(Warning{Path: path, Message: msg}) }
func (d *decoder) fail(path, msg string) { d.errs.add(problem.Problem{Path: path, Message: msg}) }

// warnCounted records a warning of kind, whose action (such as
// lower-casing an identifier or leaving out a null) is the same at every
// place of the same field and class: the warnings of one kind and field
// of the schema become one, at the first place, which counts them.
func (d *decoder) warnCounted(kind, path, msg string) {
	k := countKey{kind, schemaPattern(path)}
	c := d.counted[k]
	if c == nil {
		c = &countedWarning{first: path, msg: msg, where: d.where(k.pattern)}
		d.counted[k] = c
	}
	c.n++
}

// flushCounted turns the counted warnings into warnings.
func (d *decoder) flushCounted() {
	for _, c := range d.counted {
		msg := c.msg
		if c.n > 1 {
			msg += fmt.Sprintf(" (%d like it in %s; this is the first)", c.n, c.where)
		}
		d.warn(c.first, msg)
	}
	clear(d.counted)
}

// schemaPattern returns path with each array index written "#".
func schemaPattern(path string) string {
	if !strings.ContainsAny(path, "0123456789") {
		return path
	}
	b := make([]byte, 0, len(path))
	for rest := path; rest != ""; { // rest starts with '/'
		tok := rest[1:]
		if i := strings.IndexByte(tok, '/'); i >= 0 {
			tok = tok[:i]
		}
		b = append(b, '/')
		if digits(tok) {
			b = append(b, '#')
		} else {
			b = append(b, tok...)
		}
		rest = rest[1+len(tok):]
	}
	return string(b)
}

// where names the field of a pattern and the class of its object, such
// as `"identifier" of CFItem`, or `"educationLevel" lists of CFItem` for
// an entry of a list.
func (d *decoder) where(pattern string) string {
	rest, last := cutLast(pattern)
	if last != "#" {
		return fmt.Sprintf("%s of %s", problem.Quote(unescape(last)), d.class)
	}
	_, name := cutLast(rest)
	return fmt.Sprintf("%s lists of %s", problem.Quote(unescape(name)), d.class)
}

// cutLast cuts a JSON pointer before its last token.
func cutLast(pointer string) (rest, last string) {
	i := strings.LastIndexByte(pointer, '/')
	return pointer[:max(i, 0)], pointer[i+1:]
}

// unescape returns a JSON pointer token's key.
func unescape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
}

// pkg decodes the package document.
func (d *decoder) pkg(data []byte, tree any) *Package {
	root, ok := tree.(map[string]any)
	if !ok {
		d.fail("", kindOf(tree)+" where CASE wants a package, an object")
		return nil
	}
	base := ""
	if _, has := root["CFDocument"]; !has {
		if inner, has := root["CFPackage"]; has {
			m, ok := inner.(map[string]any)
			if !ok {
				d.fail("/CFPackage", kindOf(inner)+" where CASE wants a package, an object")
				return nil
			}
			d.warn("", `the package is wrapped in {"CFPackage": ...}, which CASE 1.1 does not have; unwrapped`)
			for k := range root {
				if k != "CFPackage" {
					d.noteUnknown("CFPackage wrapper", "", k, false)
				}
			}
			root, base = m, "/CFPackage"
		}
	}
	if v, has := root["CFDocument"]; !has || v == nil {
		d.fail(base, "no CFDocument: a package needs one")
		delete(root, "CFDocument")
	}
	var p Package
	decodeFields(d, root, base, packageClass, &p)
	return &p
}

// A collector keeps the first problem.MaxReported problems in
// problem.Compare order, and counts the others.
type collector struct {
	h problemHeap
	n int
}

// problemHeap is a max-heap: its root is the last problem kept.
type problemHeap []problem.Problem

func (h problemHeap) Len() int           { return len(h) }
func (h problemHeap) Less(i, j int) bool { return problem.Compare(h[i], h[j]) > 0 }
func (h problemHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *problemHeap) Push(x any)        { *h = append(*h, x.(problem.Problem)) }
func (h *problemHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (c *collector) add(p problem.Problem) {
	c.n++
	if len(c.h) < problem.MaxReported {
		heap.Push(&c.h, p)
		return
	}
	if problem.Compare(p, c.h[0]) < 0 {
		c.h[0] = p
		heap.Fix(&c.h, 0)
	}
}

// sorted returns the problems kept, in order. With a noun, a last
// problem counts those not kept ("and 5 more warnings, not listed").
func (c *collector) sorted(noun string) []problem.Problem {
	if c.n == 0 {
		return nil
	}
	ps := slices.Clone([]problem.Problem(c.h))
	slices.SortFunc(ps, problem.Compare)
	if more := c.n - len(ps); more > 0 && noun != "" {
		ps = append(ps, problem.Problem{Message: fmt.Sprintf("and %d more %s, not listed", more, noun)})
	}
	return ps
}

// noteUnknown records an unknown field name of class, in the object at
// path.
func (d *decoder) noteUnknown(class, path, name string, old bool) {
	k := unknownKey{class, name}
	u := d.unknown[k]
	if u == nil {
		u = &unknownField{first: problem.Join(path, name), old: old}
		d.unknown[k] = u
	}
	u.n++
}

// flushUnknown turns the unknown fields into warnings.
func (d *decoder) flushUnknown() {
	for k, u := range d.unknown {
		var msg string
		if u.old {
			msg = fmt.Sprintf("%s is a CASE 1.0 field; 1.1 has no place for it; left out", problem.Quote(k.name))
		} else {
			msg = fmt.Sprintf("unknown field %s of %s; left out", problem.Quote(k.name), k.class)
		}
		if u.n > 1 {
			msg += fmt.Sprintf(" (%d objects of %s have it; this is the first)", u.n, k.class)
		}
		d.warn(u.first, msg)
	}
	clear(d.unknown)
}

// kindOf names the JSON type of a generic value, with its article.
func kindOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("a %T", v)
}

// A class describes one CASE class: its name and its fields in the
// order of the schema.
type class[T any] struct {
	name   string
	fields []field[T]
	known  map[string]bool
	// old names the CASE 1.0 fields that 1.1 dropped.
	old map[string]bool
	// link is true for LinkURI and LinkGenURI, whose required members may
	// be empty strings.
	link bool
	// size is the size of a T, in bytes.
	size uintptr
}

func newClass[T any](name string, old []string, fields ...field[T]) *class[T] {
	c := &class[T]{name: name, fields: fields, known: map[string]bool{}, old: map[string]bool{}, size: reflect.TypeFor[T]().Size()}
	for _, f := range fields {
		c.known[f.name] = true
	}
	for _, o := range old {
		c.old[o] = true
	}
	return c
}

// A field is one field of a class: its CASE name, whether it is
// required, and how its value decodes into a T.
type field[T any] struct {
	name     string
	required bool
	dec      func(d *decoder, v any, path string, req, link bool, t *T)
}

// decodeFields decodes the fields of m, an object at path, into t, and
// notes its unknown fields.
func decodeFields[T any](d *decoder, m map[string]any, path string, c *class[T], t *T) {
	outer := d.class
	d.class = c.name
	defer func() { d.class = outer }()
	for _, f := range c.fields {
		v, ok := m[f.name]
		switch {
		case !ok:
			if f.required {
				d.warn(path, fmt.Sprintf("required field %q is missing", f.name))
			}
		case v == nil:
			if f.required {
				d.warn(problem.Join(path, f.name), fmt.Sprintf("required field %q is null, which CASE 1.1 does not allow; left empty", f.name))
			} else {
				d.warnCounted("null", problem.Join(path, f.name), "null is not allowed in CASE 1.1; left out")
			}
		default:
			f.dec(d, v, problem.Join(path, f.name), f.required, c.link, t)
		}
	}
	for k := range m {
		if !c.known[k] {
			d.noteUnknown(c.name, path, k, c.old[k])
		}
	}
}

// object decodes v, at path, as an object of class c.
func object[T any](d *decoder, v any, path string, c *class[T]) (T, bool) {
	var t T
	m, ok := v.(map[string]any)
	if !ok {
		d.fail(path, fmt.Sprintf("%s where CASE wants an object (a %s)", kindOf(v), c.name))
		return t, false
	}
	decodeFields(d, m, path, c, &t)
	return t, true
}

// list decodes v, at path, as a list of objects of class c, leaving out
// nulls. An empty list is nil.
func list[T any](d *decoder, v any, path string, c *class[T]) []T {
	a, ok := v.([]any)
	if !ok {
		d.fail(path, fmt.Sprintf("%s where CASE wants a list of %s objects", kindOf(v), c.name))
		return nil
	}
	n, cost := 0, int64(0)
	for _, e := range a {
		if e == nil {
			continue
		}
		n++
		cost += int64(c.size)
		if m, ok := e.(map[string]any); ok {
			if x, ok := m["extensions"].(map[string]any); ok {
				cost += mapCost(len(x))
			}
		}
	}
	if !d.afford(path, n, cost, c.name+" objects") {
		return nil
	}
	var out []T
	for i, e := range a {
		p := problem.Join(path, i)
		if e == nil {
			d.warnCounted("null", p, "null is not allowed in CASE 1.1; left out")
			continue
		}
		if t, ok := object(d, e, p, c); ok {
			if out == nil {
				out = make([]T, 0, n)
			}
			out = append(out, t)
		}
	}
	return out
}

// A form is what a string field holds, beyond being a string.
type form int

const (
	plain form = iota
	uuidForm
	nodeID // an association's node identifier: any string
	dateTimeForm
	dateForm
	caseVersionForm
	associationTypeForm
	targetTypeForm
)

// str is a string field.
func str[T any](name string, required bool, fm form, at func(*T) *string) field[T] {
	return field[T]{name: name, required: required, dec: func(d *decoder, v any, path string, req, link bool, t *T) {
		s, ok := d.str(v, path)
		if !ok {
			return
		}
		*at(t) = d.check(s, path, name, fm, req, link)
	}}
}

// str reads a string, converting a number or a boolean with a warning.
func (d *decoder) str(v any, path string) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case json.Number:
		d.warnCounted("number for string", path, fmt.Sprintf("a number where CASE wants a string; read as %q", string(v)))
		return string(v), true
	case bool:
		s := strconv.FormatBool(v)
		d.warnCounted("boolean for string", path, fmt.Sprintf("a boolean where CASE wants a string; read as %q", s))
		return s, true
	}
	d.fail(path, kindOf(v)+" where CASE wants a string")
	return "", false
}

// check checks s, the value of the field name at path, against its form,
// and returns what to keep.
func (d *decoder) check(s, path, name string, fm form, req, link bool) string {
	if s == "" {
		switch {
		case req && !link:
			d.warn(path, fmt.Sprintf("required field %q is empty", name))
		case fm == uuidForm:
			if req {
				d.warn(path, "empty, where CASE wants a UUID")
			} else {
				d.warnCounted("empty", path, "empty, where CASE wants a UUID; left out")
			}
		case fm == dateForm:
			d.warnCounted("empty", path, "empty, where CASE wants a date; left out")
		case fm == caseVersionForm:
			d.warnCounted("empty", path, `empty, where CASE wants "1.1"; left out`)
		case fm == targetTypeForm:
			d.warnCounted("empty", path, `empty, where CASE wants "CASE" or an "ext:" type; left out`)
		}
		return ""
	}
	switch fm {
	case uuidForm:
		if wlp.ValidUUID(s) {
			return s
		}
		if low := strings.ToLower(s); wlp.ValidUUID(low) {
			d.warnCounted("upper case", path, fmt.Sprintf("the UUID %s is in upper case; lower-cased", problem.Quote(s)))
			return low
		}
		d.warnCounted("not a UUID", path, fmt.Sprintf("%s is not a UUID; kept as found", problem.Quote(s)))
	case nodeID:
		if low := strings.ToLower(s); low != s && wlp.ValidUUID(low) {
			d.warnCounted("upper case", path, fmt.Sprintf("the UUID %s is in upper case; lower-cased, as the identifiers it points at are", problem.Quote(s)))
			return low
		}
	case dateTimeForm:
		return d.dateTime(s, path)
	case dateForm:
		return d.date(s, path)
	case caseVersionForm:
		if s != "1.1" {
			d.warnCounted("caseVersion", path, fmt.Sprintf("caseVersion %s is not \"1.1\"; read as CASE 1.1 and kept as found", problem.Quote(s)))
		}
	case associationTypeForm:
		if !slices.Contains(associationTypes, s) && !isExt(s) {
			d.warnCounted("associationType", path, fmt.Sprintf("%s is neither a CASE 1.1 association type nor an \"ext:\" one; kept as found", problem.Quote(s)))
		}
	case targetTypeForm:
		if s != "CASE" && !isExt(s) {
			d.warnCounted("targetType", path, fmt.Sprintf("targetType %s is neither \"CASE\" nor an \"ext:\" type; kept as found", problem.Quote(s)))
		}
	}
	return s
}

var associationTypes = []string{IsChildOf, IsPeerOf, IsPartOf, ExactMatchOf, Precedes, IsRelatedTo, ReplacedBy, Exemplar, HasSkillLevel, IsTranslationOf}

// isExt reports whether s is an extension type as CASE 1.1 writes them:
// "ext:" and a name of letters, digits, '.', '_' (and, by the schema's
// pattern, '|').
func isExt(s string) bool {
	rest, ok := strings.CutPrefix(s, "ext:")
	if !ok || rest == "" {
		return false
	}
	c := rest[0]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '|'
}

// dateTime checks a lastChangeDateTime: an RFC 3339 date-time with a
// time zone is kept, one with a lower-case "t" or "z" upper-cased;
// others that can be read are rewritten in UTC.
func (d *decoder) dateTime(s, path string) string {
	if isDateTime(s) {
		return s
	}
	if up := upperTZ(s); up != s && isDateTime(up) {
		d.warnCounted("lower case", path, fmt.Sprintf("%s writes its \"T\" or \"Z\" in lower case; upper-cased, %q", problem.Quote(s), up))
		return up
	}
	t, zone, dateOnly, leap, ok := parseLoose(s)
	if y := t.UTC().Year(); y < 0 || y > 9999 {
		ok = false // in UTC, outside the years RFC 3339 can write
	}
	out := t.UTC().Format(time.RFC3339Nano)
	if ok && leap {
		// t is the second before the leap second, which is 23:59:60 UTC.
		if out[11:19] == "23:59:59" {
			out = out[:17] + "60" + out[19:]
		} else {
			ok = false
		}
	}
	if !ok {
		d.warn(path, fmt.Sprintf("%s is not a date-time that can be read; left empty", problem.Quote(s)))
		return ""
	}
	switch {
	case dateOnly:
		d.warnCounted("date alone", path, fmt.Sprintf("%s is a date without a time; read as midnight UTC, %q", problem.Quote(s), out))
	case !zone:
		d.warnCounted("no time zone", path, fmt.Sprintf("%s has no time zone; read as UTC, %q", problem.Quote(s), out))
	default:
		d.warnCounted("not RFC 3339", path, fmt.Sprintf("%s is not an RFC 3339 date-time; rewritten as %q", problem.Quote(s), out))
	}
	return out
}

// upperTZ returns s with a lower-case "t" between the date and the time,
// and a lower-case "z" at the end, in upper case.
func upperTZ(s string) string {
	if len(s) < 20 || s[10] != 't' && s[len(s)-1] != 'z' {
		return s
	}
	b := []byte(s)
	if b[10] == 't' {
		b[10] = 'T'
	}
	if b[len(b)-1] == 'z' {
		b[len(b)-1] = 'Z'
	}
	return string(b)
}

// date checks a statusStartDate or statusEndDate: a date, such as
// 2024-05-31. A date-time keeps its date.
func (d *decoder) date(s, path string) string {
	if isDate(s) {
		return s
	}
	if _, _, _, _, ok := parseLoose(s); ok && len(s) > 10 && isDate(s[:10]) {
		d.warnCounted("date-time for date", path, fmt.Sprintf("%s is a date-time where CASE wants a date; kept the date, %q", problem.Quote(s), s[:10]))
		return s[:10]
	}
	d.warn(path, fmt.Sprintf("%s is not a date (such as 2024-05-31); left out", problem.Quote(s)))
	return ""
}

func isDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// isDateTime reports whether s is an RFC 3339 date-time with a time zone,
// written with a capital T and Z: 2006-01-02T15:04:05[.999]Z or with an
// offset of ±hh:mm. The second may be 60, a leap second, when the time
// in UTC is 23:59 (the rule of the schema's date-time format).
func isDateTime(s string) bool {
	if len(s) < 20 || !isDate(s[:10]) || s[10] != 'T' {
		return false
	}
	rest := s[11:]
	if len(rest) < 9 || rest[2] != ':' || rest[5] != ':' || !digits(rest[0:2]) || !digits(rest[3:5]) || !digits(rest[6:8]) {
		return false
	}
	hh, mm, ss := atoi2(rest[0:2]), atoi2(rest[3:5]), atoi2(rest[6:8])
	if hh > 23 || mm > 59 || ss > 60 {
		return false
	}
	rest = rest[8:]
	if frac, ok := strings.CutPrefix(rest, "."); ok {
		n := 0
		for n < len(frac) && '0' <= frac[n] && frac[n] <= '9' {
			n++
		}
		if n == 0 {
			return false
		}
		rest = frac[n:]
	}
	minutes := hh*60 + mm // of the day, in UTC
	switch {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' && digits(rest[1:3]) && digits(rest[4:6]):
		oh, om := atoi2(rest[1:3]), atoi2(rest[4:6])
		if oh > 23 || om > 59 {
			return false
		}
		if rest[0] == '+' {
			minutes -= oh*60 + om
		} else {
			minutes += oh*60 + om
		}
	default:
		return false
	}
	return ss < 60 || (minutes+24*60)%(24*60) == 23*60+59
}

// atoi2 returns the value of two decimal digits.
func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

func digits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// looseLayouts are the forms of date and time that real packages write,
// tried in order after the strict RFC 3339 form.
var looseLayouts = []struct {
	layout         string
	zone, dateOnly bool
}{
	{"2006-01-02T15:04:05Z07:00", true, false},
	{"2006-01-02T15:04:05Z0700", true, false},
	{"2006-01-02T15:04:05Z07", true, false},
	{"2006-01-02T15:04Z07:00", true, false},
	{"2006-01-02T15:04:05", false, false},
	{"2006-01-02T15:04", false, false},
	{"2006-01-02", false, true},
}

// parseLoose reads s in one of looseLayouts, a space or a lower-case t
// standing for the T, a lower-case z for the Z. A leap second, second
// 60, is read as second 59, and leap is true.
func parseLoose(s string) (t time.Time, zone, dateOnly, leap, ok bool) {
	if len(s) > 64 {
		return time.Time{}, false, false, false, false
	}
	if len(s) > 10 && (s[10] == ' ' || s[10] == 't') {
		s = s[:10] + "T" + s[11:]
	}
	if strings.HasSuffix(s, "z") {
		s = s[:len(s)-1] + "Z"
	}
	if len(s) >= 19 && s[10] == 'T' && s[16] == ':' && s[17:19] == "60" {
		s, leap = s[:17]+"59"+s[19:], true
	}
	for _, l := range looseLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.zone, l.dateOnly, leap, true
		}
	}
	return time.Time{}, false, false, false, false
}

// strs is a list of strings; a string of commas is split.
func strs[T any](name string, at func(*T) *[]string) field[T] {
	return field[T]{name: name, dec: func(d *decoder, v any, path string, _, _ bool, t *T) {
		switch v := v.(type) {
		case string:
			var out []string
			for part := range strings.SplitSeq(v, ",") {
				if part = strings.TrimSpace(part); part != "" {
					out = append(out, part)
				}
			}
			if !d.afford(path, len(out), int64(len(out))*stringSize, "strings") {
				return
			}
			d.warnCounted("string for list", path, fmt.Sprintf("a string where CASE 1.1 wants a list of strings; split at commas into %d", len(out)))
			*at(t) = out
		case []any:
			if !d.afford(path, len(v), int64(len(v))*stringSize, "strings") {
				return
			}
			var out []string
			for i, e := range v {
				if e == nil {
					d.warnCounted("null", problem.Join(path, i), "null is not allowed in CASE 1.1; left out")
					continue
				}
				s, ok := e.(string) // the path only for a warning
				if !ok {
					s, ok = d.str(e, problem.Join(path, i))
				}
				if ok {
					if out == nil {
						out = make([]string, 0, len(v))
					}
					out = append(out, s)
				}
			}
			*at(t) = out
		default:
			d.fail(path, kindOf(v)+" where CASE wants a list of strings")
		}
	}}
}

// stringSize is the size of a string, in bytes.
var stringSize = int64(reflect.TypeFor[string]().Size())

// mapCost is about what an Extensions of n members takes, in bytes, on
// 64-bit systems: a map's header, and groups of 8 slots of a key and a
// value (7 used at most, but 8 in a map of at most 8).
func mapCost(n int) int64 {
	if n == 0 {
		return 0
	}
	groups := 1
	if n > 8 {
		groups = (n + 6) / 7
	}
	return 48 + int64(groups)*(8+8*40)
}

// sub is a field that holds an object of class c.
func sub[T, U any](name string, required bool, c *class[U], at func(*T) *U) field[T] {
	return field[T]{name: name, required: required, dec: func(d *decoder, v any, path string, _, _ bool, t *T) {
		if u, ok := object(d, v, path, c); ok {
			*at(t) = u
		}
	}}
}

// ptr is a field that holds an optional object of class c.
func ptr[T, U any](name string, c *class[U], at func(*T) **U) field[T] {
	return field[T]{name: name, dec: func(d *decoder, v any, path string, _, _ bool, t *T) {
		if u, ok := object(d, v, path, c); ok {
			*at(t) = &u
		}
	}}
}

// many is a field that holds a list of objects of class c.
func many[T, U any](name string, c *class[U], at func(*T) *[]U) field[T] {
	return field[T]{name: name, dec: func(d *decoder, v any, path string, _, _ bool, t *T) {
		*at(t) = list(d, v, path, c)
	}}
}

// raw is a field that holds a list of objects of class c, kept as
// compact JSON.
func raw[T, U any](name string, c *class[U], at func(*T) *[]json.RawMessage) field[T] {
	return field[T]{name: name, dec: func(d *decoder, v any, path string, _, _ bool, t *T) {
		var out []json.RawMessage
		for _, u := range list(d, v, path, c) {
			if out == nil {
				out = make([]json.RawMessage, 0, len(v.([]any)))
			}
			d.buf.Reset()
			enc := json.NewEncoder(&d.buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(u); err != nil {
				d.fail(path, "cannot encode an entry: "+err.Error())
				continue
			}
			out = append(out, bytes.Clone(bytes.TrimSuffix(d.buf.Bytes(), []byte("\n"))))
		}
		*at(t) = out
	}}
}

// number is a float field; a number written as a string is read.
func number[T any](name string, at func(*T) **float64) field[T] {
	return field[T]{name: name, dec: func(d *decoder, v any, path string, _, _ bool, t *T) {
		lit, ok := d.numeral(v, path)
		if !ok {
			return
		}
		f, err := strconv.ParseFloat(lit, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			d.fail(path, fmt.Sprintf("%s is out of range", problem.Quote(lit)))
			return
		}
		*at(t) = &f
	}}
}

// integer is an integer field; an integer written as a string or with a
// fraction of zero is read.
func integer[T any](name string, at func(*T) **int) field[T] {
	return field[T]{name: name, dec: func(d *decoder, v any, path string, _, _ bool, t *T) {
		lit, ok := d.numeral(v, path)
		if !ok {
			return
		}
		if n, err := strconv.ParseInt(lit, 10, strconv.IntSize); err == nil {
			i := int(n)
			*at(t) = &i
			return
		}
		f, err := strconv.ParseFloat(lit, 64)
		switch {
		case err != nil || math.Abs(f) > 1<<53:
			d.fail(path, fmt.Sprintf("%s is out of range for an integer", problem.Quote(lit)))
		case f != math.Trunc(f):
			d.fail(path, fmt.Sprintf("%s is not an integer", problem.Quote(lit)))
		default:
			i := int(f)
			d.warnCounted("integer form", path, fmt.Sprintf("the integer %s is written with a fraction or an exponent; read as %d", problem.Quote(lit), i))
			*at(t) = &i
		}
	}}
}

// numeral returns the JSON number literal of v: a number, or a string
// that holds one (with a warning).
func (d *decoder) numeral(v any, path string) (string, bool) {
	switch v := v.(type) {
	case json.Number:
		return string(v), true
	case string:
		if s := strings.TrimSpace(v); isNumeral(s) {
			d.warnCounted("string for number", path, fmt.Sprintf("a string where CASE wants a number; read as %s", s))
			return s, true
		}
		d.fail(path, fmt.Sprintf("the string %s where CASE wants a number", problem.Quote(v)))
		return "", false
	}
	d.fail(path, kindOf(v)+" where CASE wants a number")
	return "", false
}

// isNumeral reports whether s is a JSON number literal of at most
// jsonx.MaxNumberLen characters.
func isNumeral(s string) bool {
	if s == "" || len(s) > jsonx.MaxNumberLen {
		return false
	}
	i := 0
	if s[i] == '-' {
		i++
	}
	intStart := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == intStart || s[intStart] == '0' && i-intStart > 1 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == len(s)
}

// ext is an extensions field: an object whose values are kept, as
// canonical JSON.
func ext[T any](at func(*T) *Extensions) field[T] {
	return field[T]{name: "extensions", dec: func(d *decoder, v any, path string, _, _ bool, t *T) {
		*at(t) = d.extensions(v, path)
	}}
}

func (d *decoder) extensions(v any, path string) Extensions {
	m, ok := v.(map[string]any)
	if !ok {
		d.fail(path, kindOf(v)+" where CASE wants extensions, an object")
		return nil
	}
	if len(m) == 0 {
		return nil
	}
	out := make(Extensions, len(m))
	for k, val := range m {
		out[k] = d.rawValue(val, problem.Join(path, k))
	}
	return out
}

// rawValue returns the value at path as canonical JSON: compact, object
// keys sorted, numbers as written, "<", ">" and "&" unescaped. An export
// writes its extensions in the same form, so they read back equal.
func (d *decoder) rawValue(v any, path string) json.RawMessage {
	b, err := canonicalJSON(&d.buf, v)
	if err != nil {
		d.fail(path, "cannot encode the extension: "+err.Error())
		return json.RawMessage("null")
	}
	return b
}

// canonicalJSON encodes v, a value of the form encoding/json decodes into
// an any with UseNumber, as canonical JSON (see rawValue), using buf.
func canonicalJSON(buf *bytes.Buffer, v any) (json.RawMessage, error) {
	buf.Reset()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.Clone(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// extensionsSize is what an empty Extensions takes, in bytes, in a
// list: the map's header and its place in the list.
const extensionsSize = 56

// extList is the extensions of a CFRubricCriterionLevel: a list of
// extension objects, or one object, which is wrapped.
func extList[T any](at func(*T) *[]Extensions) field[T] {
	return field[T]{name: "extensions", dec: func(d *decoder, v any, path string, _, _ bool, t *T) {
		switch v := v.(type) {
		case map[string]any:
			d.warnCounted("object for list", path, "an object where CASE 1.1 wants a list of extension objects; read as a list of one")
			if e := d.extensions(v, path); e != nil {
				*at(t) = []Extensions{e}
			}
		case []any:
			// An entry takes a map of its own, even when empty.
			cost := int64(len(v)) * extensionsSize
			for _, e := range v {
				if m, ok := e.(map[string]any); ok {
					cost += mapCost(len(m))
				}
			}
			if !d.afford(path, len(v), cost, "extension objects") {
				return
			}
			var out []Extensions
			for i, e := range v {
				p := problem.Join(path, i)
				if e == nil {
					d.warnCounted("null", p, "null is not allowed in CASE 1.1; left out")
					continue
				}
				if x := d.extensions(e, p); x != nil {
					out = append(out, x)
				} else if _, ok := e.(map[string]any); ok {
					out = append(out, Extensions{})
				}
			}
			*at(t) = out
		default:
			d.fail(path, kindOf(v)+" where CASE wants a list of extension objects")
		}
	}}
}

// definitions is the CFDefinitions field: an object; [] is read as an
// empty one.
func definitions(name string) field[Package] {
	return field[Package]{name: name, dec: func(d *decoder, v any, path string, _, _ bool, p *Package) {
		if a, ok := v.([]any); ok && len(a) == 0 {
			d.warn(path, "an empty list where CASE 1.1 wants an object; read as an empty object")
			p.Definitions = &Definitions{}
			return
		}
		if def, ok := object(d, v, path, definitionsClass); ok {
			p.Definitions = &def
		}
	}}
}

// document is the package's CFDocument, which it cannot do without.
func document() field[Package] {
	return field[Package]{name: "CFDocument", dec: func(d *decoder, v any, path string, _, _ bool, p *Package) {
		if doc, ok := object(d, v, path, documentClass); ok {
			p.Document = doc
		}
	}}
}

// The entries of CFDefinitions that a Package keeps as JSON, as their
// classes define them.
type (
	concept struct {
		Identifier         string     `json:"identifier"`
		URI                string     `json:"uri"`
		Title              string     `json:"title"`
		Keywords           string     `json:"keywords,omitempty"`
		HierarchyCode      string     `json:"hierarchyCode"`
		Description        string     `json:"description,omitempty"`
		LastChangeDateTime string     `json:"lastChangeDateTime"`
		Extensions         Extensions `json:"extensions,omitempty"`
	}
	subject struct {
		Identifier         string     `json:"identifier"`
		URI                string     `json:"uri"`
		Title              string     `json:"title"`
		HierarchyCode      string     `json:"hierarchyCode"`
		Description        string     `json:"description,omitempty"`
		LastChangeDateTime string     `json:"lastChangeDateTime"`
		Extensions         Extensions `json:"extensions,omitempty"`
	}
	license struct {
		Identifier         string     `json:"identifier"`
		URI                string     `json:"uri"`
		Title              string     `json:"title"`
		Description        string     `json:"description,omitempty"`
		LicenseText        string     `json:"licenseText"`
		LastChangeDateTime string     `json:"lastChangeDateTime"`
		Extensions         Extensions `json:"extensions,omitempty"`
	}
	grouping struct {
		Identifier         string     `json:"identifier"`
		URI                string     `json:"uri"`
		Title              string     `json:"title"`
		Description        string     `json:"description,omitempty"`
		LastChangeDateTime string     `json:"lastChangeDateTime"`
		Extensions         Extensions `json:"extensions,omitempty"`
	}
)

// The classes, their fields in the order of CASE 1.1's schema.
var (
	linkClass = func() *class[LinkURI] {
		c := newClass("LinkURI", nil,
			str("title", true, plain, func(l *LinkURI) *string { return &l.Title }),
			str("identifier", true, uuidForm, func(l *LinkURI) *string { return &l.Identifier }),
			str("uri", true, plain, func(l *LinkURI) *string { return &l.URI }),
		)
		c.link = true
		return c
	}()
	nodeClass = func() *class[NodeURI] {
		c := newClass("LinkGenURI", nil,
			str("title", true, plain, func(l *NodeURI) *string { return &l.Title }),
			str("identifier", true, nodeID, func(l *NodeURI) *string { return &l.Identifier }),
			str("uri", true, plain, func(l *NodeURI) *string { return &l.URI }),
			str("targetType", false, targetTypeForm, func(l *NodeURI) *string { return &l.TargetType }),
		)
		c.link = true
		return c
	}()
	documentClass = newClass("CFDocument", []string{"CFPackageURI"},
		str("identifier", true, uuidForm, func(x *Document) *string { return &x.Identifier }),
		str("uri", true, plain, func(x *Document) *string { return &x.URI }),
		str("frameworkType", false, plain, func(x *Document) *string { return &x.FrameworkType }),
		str("caseVersion", false, caseVersionForm, func(x *Document) *string { return &x.CaseVersion }),
		str("creator", true, plain, func(x *Document) *string { return &x.Creator }),
		str("title", true, plain, func(x *Document) *string { return &x.Title }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *Document) *string { return &x.LastChangeDateTime }),
		str("officialSourceURL", false, plain, func(x *Document) *string { return &x.OfficialSourceURL }),
		str("publisher", false, plain, func(x *Document) *string { return &x.Publisher }),
		str("description", false, plain, func(x *Document) *string { return &x.Description }),
		strs("subject", func(x *Document) *[]string { return &x.Subject }),
		many("subjectURI", linkClass, func(x *Document) *[]LinkURI { return &x.SubjectURI }),
		str("language", false, plain, func(x *Document) *string { return &x.Language }),
		str("version", false, plain, func(x *Document) *string { return &x.Version }),
		str("adoptionStatus", false, plain, func(x *Document) *string { return &x.AdoptionStatus }),
		str("statusStartDate", false, dateForm, func(x *Document) *string { return &x.StatusStartDate }),
		str("statusEndDate", false, dateForm, func(x *Document) *string { return &x.StatusEndDate }),
		ptr("licenseURI", linkClass, func(x *Document) **LinkURI { return &x.LicenseURI }),
		str("notes", false, plain, func(x *Document) *string { return &x.Notes }),
		ext(func(x *Document) *Extensions { return &x.Extensions }),
	)
	itemClass = newClass("CFItem", []string{"CFDocumentURI"},
		str("identifier", true, uuidForm, func(x *Item) *string { return &x.Identifier }),
		str("fullStatement", true, plain, func(x *Item) *string { return &x.FullStatement }),
		str("alternativeLabel", false, plain, func(x *Item) *string { return &x.AlternativeLabel }),
		str("CFItemType", false, plain, func(x *Item) *string { return &x.CFItemType }),
		str("uri", true, plain, func(x *Item) *string { return &x.URI }),
		str("humanCodingScheme", false, plain, func(x *Item) *string { return &x.HumanCodingScheme }),
		str("listEnumeration", false, plain, func(x *Item) *string { return &x.ListEnumeration }),
		str("abbreviatedStatement", false, plain, func(x *Item) *string { return &x.AbbreviatedStatement }),
		strs("conceptKeywords", func(x *Item) *[]string { return &x.ConceptKeywords }),
		ptr("conceptKeywordsURI", linkClass, func(x *Item) **LinkURI { return &x.ConceptKeywordsURI }),
		str("notes", false, plain, func(x *Item) *string { return &x.Notes }),
		strs("subject", func(x *Item) *[]string { return &x.Subject }),
		many("subjectURI", linkClass, func(x *Item) *[]LinkURI { return &x.SubjectURI }),
		str("language", false, plain, func(x *Item) *string { return &x.Language }),
		strs("educationLevel", func(x *Item) *[]string { return &x.EducationLevel }),
		ptr("CFItemTypeURI", linkClass, func(x *Item) **LinkURI { return &x.CFItemTypeURI }),
		ptr("licenseURI", linkClass, func(x *Item) **LinkURI { return &x.LicenseURI }),
		str("statusStartDate", false, dateForm, func(x *Item) *string { return &x.StatusStartDate }),
		str("statusEndDate", false, dateForm, func(x *Item) *string { return &x.StatusEndDate }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *Item) *string { return &x.LastChangeDateTime }),
		ext(func(x *Item) *Extensions { return &x.Extensions }),
	)
	associationClass = newClass("CFAssociation", []string{"CFDocumentURI"},
		str("identifier", true, uuidForm, func(x *Association) *string { return &x.Identifier }),
		str("associationType", true, associationTypeForm, func(x *Association) *string { return &x.AssociationType }),
		integer("sequenceNumber", func(x *Association) **int { return &x.SequenceNumber }),
		str("uri", true, plain, func(x *Association) *string { return &x.URI }),
		sub("originNodeURI", true, nodeClass, func(x *Association) *NodeURI { return &x.OriginNodeURI }),
		sub("destinationNodeURI", true, nodeClass, func(x *Association) *NodeURI { return &x.DestinationNodeURI }),
		ptr("CFAssociationGroupingURI", linkClass, func(x *Association) **LinkURI { return &x.CFAssociationGroupingURI }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *Association) *string { return &x.LastChangeDateTime }),
		str("notes", false, plain, func(x *Association) *string { return &x.Notes }),
		ext(func(x *Association) *Extensions { return &x.Extensions }),
	)
	itemTypeClass = newClass("CFItemType", nil,
		str("identifier", true, uuidForm, func(x *ItemType) *string { return &x.Identifier }),
		str("uri", true, plain, func(x *ItemType) *string { return &x.URI }),
		str("title", true, plain, func(x *ItemType) *string { return &x.Title }),
		str("description", true, plain, func(x *ItemType) *string { return &x.Description }),
		str("hierarchyCode", true, plain, func(x *ItemType) *string { return &x.HierarchyCode }),
		str("typeCode", false, plain, func(x *ItemType) *string { return &x.TypeCode }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *ItemType) *string { return &x.LastChangeDateTime }),
		ext(func(x *ItemType) *Extensions { return &x.Extensions }),
	)
	conceptClass = newClass("CFConcept", nil,
		str("identifier", true, uuidForm, func(x *concept) *string { return &x.Identifier }),
		str("uri", true, plain, func(x *concept) *string { return &x.URI }),
		str("title", true, plain, func(x *concept) *string { return &x.Title }),
		str("keywords", false, plain, func(x *concept) *string { return &x.Keywords }),
		str("hierarchyCode", true, plain, func(x *concept) *string { return &x.HierarchyCode }),
		str("description", false, plain, func(x *concept) *string { return &x.Description }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *concept) *string { return &x.LastChangeDateTime }),
		ext(func(x *concept) *Extensions { return &x.Extensions }),
	)
	subjectClass = newClass("CFSubject", nil,
		str("identifier", true, uuidForm, func(x *subject) *string { return &x.Identifier }),
		str("uri", true, plain, func(x *subject) *string { return &x.URI }),
		str("title", true, plain, func(x *subject) *string { return &x.Title }),
		str("hierarchyCode", true, plain, func(x *subject) *string { return &x.HierarchyCode }),
		str("description", false, plain, func(x *subject) *string { return &x.Description }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *subject) *string { return &x.LastChangeDateTime }),
		ext(func(x *subject) *Extensions { return &x.Extensions }),
	)
	licenseClass = newClass("CFLicense", nil,
		str("identifier", true, uuidForm, func(x *license) *string { return &x.Identifier }),
		str("uri", true, plain, func(x *license) *string { return &x.URI }),
		str("title", true, plain, func(x *license) *string { return &x.Title }),
		str("description", false, plain, func(x *license) *string { return &x.Description }),
		str("licenseText", true, plain, func(x *license) *string { return &x.LicenseText }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *license) *string { return &x.LastChangeDateTime }),
		ext(func(x *license) *Extensions { return &x.Extensions }),
	)
	groupingClass = newClass("CFAssociationGrouping", nil,
		str("identifier", true, uuidForm, func(x *grouping) *string { return &x.Identifier }),
		str("uri", true, plain, func(x *grouping) *string { return &x.URI }),
		str("title", true, plain, func(x *grouping) *string { return &x.Title }),
		str("description", false, plain, func(x *grouping) *string { return &x.Description }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *grouping) *string { return &x.LastChangeDateTime }),
		ext(func(x *grouping) *Extensions { return &x.Extensions }),
	)
	definitionsClass = newClass("CFDefinitions", nil,
		raw("CFConcepts", conceptClass, func(x *Definitions) *[]json.RawMessage { return &x.CFConcepts }),
		raw("CFSubjects", subjectClass, func(x *Definitions) *[]json.RawMessage { return &x.CFSubjects }),
		raw("CFLicenses", licenseClass, func(x *Definitions) *[]json.RawMessage { return &x.CFLicenses }),
		many("CFItemTypes", itemTypeClass, func(x *Definitions) *[]ItemType { return &x.CFItemTypes }),
		raw("CFAssociationGroupings", groupingClass, func(x *Definitions) *[]json.RawMessage { return &x.CFAssociationGroupings }),
		ext(func(x *Definitions) *Extensions { return &x.Extensions }),
	)
	levelClass = newClass("CFRubricCriterionLevel", nil,
		str("identifier", true, uuidForm, func(x *CriterionLevel) *string { return &x.Identifier }),
		str("uri", true, plain, func(x *CriterionLevel) *string { return &x.URI }),
		str("description", false, plain, func(x *CriterionLevel) *string { return &x.Description }),
		str("quality", false, plain, func(x *CriterionLevel) *string { return &x.Quality }),
		number("score", func(x *CriterionLevel) **float64 { return &x.Score }),
		str("feedback", false, plain, func(x *CriterionLevel) *string { return &x.Feedback }),
		integer("position", func(x *CriterionLevel) **int { return &x.Position }),
		str("rubricCriterionId", false, uuidForm, func(x *CriterionLevel) *string { return &x.RubricCriterionID }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *CriterionLevel) *string { return &x.LastChangeDateTime }),
		extList(func(x *CriterionLevel) *[]Extensions { return &x.Extensions }),
	)
	criterionClass = newClass("CFRubricCriterion", nil,
		str("identifier", true, uuidForm, func(x *Criterion) *string { return &x.Identifier }),
		str("uri", true, plain, func(x *Criterion) *string { return &x.URI }),
		str("category", false, plain, func(x *Criterion) *string { return &x.Category }),
		str("description", false, plain, func(x *Criterion) *string { return &x.Description }),
		ptr("CFItemURI", linkClass, func(x *Criterion) **LinkURI { return &x.CFItemURI }),
		number("weight", func(x *Criterion) **float64 { return &x.Weight }),
		integer("position", func(x *Criterion) **int { return &x.Position }),
		str("rubricId", false, uuidForm, func(x *Criterion) *string { return &x.RubricID }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *Criterion) *string { return &x.LastChangeDateTime }),
		many("CFRubricCriterionLevels", levelClass, func(x *Criterion) *[]CriterionLevel { return &x.CFRubricCriterionLevels }),
		ext(func(x *Criterion) *Extensions { return &x.Extensions }),
	)
	rubricClass = newClass("CFRubric", nil,
		str("identifier", true, uuidForm, func(x *Rubric) *string { return &x.Identifier }),
		str("uri", true, plain, func(x *Rubric) *string { return &x.URI }),
		str("title", false, plain, func(x *Rubric) *string { return &x.Title }),
		str("description", false, plain, func(x *Rubric) *string { return &x.Description }),
		str("lastChangeDateTime", true, dateTimeForm, func(x *Rubric) *string { return &x.LastChangeDateTime }),
		many("CFRubricCriteria", criterionClass, func(x *Rubric) *[]Criterion { return &x.CFRubricCriteria }),
		ext(func(x *Rubric) *Extensions { return &x.Extensions }),
	)
	packageClass = newClass("CFPackage", nil,
		document(),
		many("CFItems", itemClass, func(x *Package) *[]Item { return &x.Items }),
		many("CFAssociations", associationClass, func(x *Package) *[]Association { return &x.Associations }),
		definitions("CFDefinitions"),
		many("CFRubrics", rubricClass, func(x *Package) *[]Rubric { return &x.Rubrics }),
		ext(func(x *Package) *Extensions { return &x.Extensions }),
	)
)
