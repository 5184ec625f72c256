// Package jsonx reads JSON documents strictly: it bounds their size and
// nesting, rejects invalid UTF-8, byte-order marks, lone UTF-16
// surrogates, duplicate keys, trailing data, unknown fields, nulls and
// values of the wrong type, and reports each problem with the JSON
// pointer of its place.
//
// # Cost
//
// Reading a document of n bytes takes O(n) time whatever its shape: every
// byte is looked at a bounded number of times, and a JSON pointer is
// built only for a problem that is reported, from a stack of tokens,
// never for the places passed on the way. Memory is O(n) too: the
// document (a copy of it, as a string), the decoded Go value, the
// nesting state (a token per open level, a key set per open object, to
// find repeated keys, and a few hundred bytes of goroutine stack per
// level, bounded by [MaxDepthCeiling]), and the problems, of which a
// report keeps at most [problem.MaxReported], in
// [problem.MaxReportedBytes], and only counts the rest. Once the report
// is full the reader stops decoding (and [Read] skips the semantic
// checks), and only counts what more it finds.
//
// The reader does not run a JSON Schema validator: it checks what a
// document's Go type says (fields, types, required fields) and leaves
// the rest to the caller's semantic checks. That the two together reject
// every document the embedded schemas reject is the subject of the
// module's differential test and fuzz target; package schema validates
// documents against the schemas for those who want it.
package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/problem"
)

// Default limits.
const (
	DefaultMaxBytes = 8 << 20 // 8 MiB
	DefaultMaxDepth = 64
	// MaxDepthCeiling is the most nesting any Limits allows: a larger
	// MaxDepth counts as MaxDepthCeiling. The reader descends one level of
	// recursion per level of nesting (200 to 400 bytes of goroutine
	// stack) and keeps a path token and, for an object, a key set (24 to
	// 80 bytes of heap): at the ceiling, about 4 MB of stack and 1 MB of
	// heap, whatever the document. Neither the types this module decodes
	// (nested six deep at the most) nor any real document comes near it.
	MaxDepthCeiling = 10_000
	// MaxNumberLen bounds a number literal's length. Exact decimal
	// arithmetic (as JSON Schema validators use) takes time quadratic in a
	// literal's digits, and no level or weight needs more than a few.
	MaxNumberLen = 64
)

// Limits bounds what a reader accepts. Zero fields take the defaults.
type Limits struct {
	// MaxBytes bounds the document's size; 0 or less means
	// DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth bounds the nesting of arrays and objects; 0 or less means
	// DefaultMaxDepth, and more than MaxDepthCeiling means
	// MaxDepthCeiling.
	MaxDepth int
}

func (l Limits) maxBytes() int64 {
	if l.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

// Depth returns the nesting bound l puts in force: MaxDepth, or
// DefaultMaxDepth for 0 or less, and at most MaxDepthCeiling.
func (l Limits) Depth() int {
	switch {
	case l.MaxDepth <= 0:
		return DefaultMaxDepth
	case l.MaxDepth > MaxDepthCeiling:
		return MaxDepthCeiling
	}
	return l.MaxDepth
}

// ReadAll reads r up to the size bound. A document over the bound is a
// problem, as is a read error. It costs O(n) time and about 2n bytes of
// memory for a document of n bytes (n when r is a *bytes.Reader,
// *strings.Reader or *bytes.Buffer, less than 2n when r reports its
// length otherwise).
func ReadAll(r io.Reader, lim Limits) ([]byte, *problem.Problem) {
	var b bytes.Buffer
	if pr := readInto(r, lim, &b); pr != nil {
		return nil, pr
	}
	return b.Bytes(), nil
}

// readString reads r up to the size bound into a string: see ReadAll.
func readString(r io.Reader, lim Limits) (string, *problem.Problem) {
	var b strings.Builder
	if pr := readInto(r, lim, &b); pr != nil {
		return "", pr
	}
	return b.String(), nil
}

// readChunk is the size of the pieces readInto reads a document of
// unknown length in: growing one buffer by doubling would allocate about
// twice the document; pieces, copied once into a buffer of the right
// size, allocate the document once more.
const readChunk = 64 << 10

// A sink is the buffer readInto fills: a *bytes.Buffer or a
// *strings.Builder.
type sink interface {
	io.Writer
	Grow(n int)
}

// tooBig is the problem of a document over the size bound max.
func tooBig(max int64) *problem.Problem {
	return &problem.Problem{Message: fmt.Sprintf("the document is larger than the limit of %d bytes", max)}
}

// readInto reads r, up to the size bound, into w.
func readInto(r io.Reader, lim Limits, w sink) *problem.Problem {
	if r == nil {
		return &problem.Problem{Message: "no document (nil reader)"}
	}
	max := lim.maxBytes()
	chunk := int64(readChunk)
	if n, ok := sizeOf(r); ok {
		// A reader that knows its length: refuse it without reading if it
		// is too long, else read it in one piece (and a byte more, to see
		// that it ends).
		if n > max {
			return tooBig(max)
		}
		w.Grow(int(n))
		switch r := r.(type) {
		case *bytes.Reader, *strings.Reader, *bytes.Buffer:
			// These write exactly what they hold, Len() bytes, straight
			// into w: no copy in between.
			if _, err := r.(io.WriterTo).WriteTo(w); err != nil {
				return &problem.Problem{Message: "reading the document: " + err.Error()}
			}
			return nil
		}
		chunk = n + 1
	}
	// Most documents come in one piece: the array holds it without an
	// allocation.
	var one [1][]byte
	chunks := one[:0]
	var total int64
	for {
		buf := make([]byte, min(chunk, max+1-total))
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			chunks = append(chunks, buf[:n])
			total += int64(n)
		}
		if total > max {
			return tooBig(max)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return &problem.Problem{Message: "reading the document: " + err.Error()}
		}
		chunk = readChunk
	}
	w.Grow(int(total))
	for _, c := range chunks {
		w.Write(c)
	}
	return nil
}

// sizeOf returns how many bytes r says it holds, if it says: a
// *bytes.Reader or *strings.Reader, or a regular file.
func sizeOf(r io.Reader) (int64, bool) {
	switch r := r.(type) {
	case interface{ Len() int }:
		return int64(r.Len()), true
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size(), true
		}
	}
	return 0, false
}

// A token is one reference token of the path to the value being read:
// an object key, or an array index (index >= 0).
type token struct {
	key   string
	index int // -1 for a key
}

// push appends x to s, doubling the capacity when it runs out: append
// grows large slices by a quarter at a time, which allocates five times
// their final size in all; doubling allocates twice.
func push[T any](s []T, x T) []T {
	return pushAtLeast(s, x, 8)
}

// pushAtLeast is push, growing s to a capacity of at least least when it
// runs out.
func pushAtLeast[T any](s []T, x T, least int) []T {
	if len(s) == cap(s) {
		n := make([]T, len(s), max(2*cap(s), least))
		copy(n, s)
		s = n
	}
	return append(s, x)
}

// A keySet finds the repeated keys of one open object: it compares a key
// with the object's keys one by one while the object is small, and looks
// it up in a map once it grows.
type keySet struct {
	// start is where the object's keys begin in reader.keyList, which
	// holds the keys of the open objects' small sets, innermost last.
	start int
	m     map[string]struct{} // nil while the object is small
}

// keySetSmall is how many keys a keySet compares one by one before it
// switches to a map. Comparing a key with up to 32 others, most of which
// differ in length or in their first bytes, is cheap, and keeps the cost
// linear; and the 21 ratings of a profile of the default framework then
// need no map, which would cost about 2 KB.
const keySetSmall = 32

// The reader's stacks start in arrays of its own, which hold what most
// documents need without an allocation: the path of a document nested up
// to pathSmall levels, the key sets of keysSmall open objects, and
// keyListSmall keys of the open objects' small key sets (a profile of
// the 21 ratings of the default framework, each of five fields, needs
// 29).
const (
	pathSmall    = 16
	keysSmall    = 8
	keyListSmall = 32
)

// addKey adds k to the key set of the innermost open object and reports
// whether it was there already.
func (r *reader) addKey(k string) bool {
	s := &r.keys[r.objects-1]
	if s.m == nil {
		own := r.keyList[s.start:]
		for _, x := range own {
			if x == k {
				return true
			}
		}
		if len(own) < keySetSmall {
			// Past the reader's array, the list takes room for a key per
			// object the key sets have room for, and a small set more: a
			// document nested deep holds a key or two per object, and then
			// grows it once.
			r.keyList = pushAtLeast(r.keyList, k, cap(r.keys)+keySetSmall)
			return false
		}
		s.m = make(map[string]struct{}, 2*keySetSmall)
		for _, x := range own {
			s.m[x] = struct{}{}
		}
	}
	if _, dup := s.m[k]; dup {
		return true
	}
	s.m[k] = struct{}{}
	return false
}

// member is a key and value of a generic object being built.
type member struct {
	key string
	val any
}

// fatal is the panic value that stops a reader at a problem it cannot
// read past: malformed JSON, a document nested too deep.
type fatal struct{ p problem.Problem }

// reader reads one document.
type reader struct {
	src   string
	pos   int
	max   int          // the nesting bound
	depth int          // how many arrays and objects are open
	path  []token      // where the value being read is
	dups  problem.List // repeated keys
	probs problem.List // values that do not fit the Go type, unknown and missing fields
	// holes holds the places of the values that could not be read (of
	// the wrong type, out of range, null): the decoded value holds their
	// zero value. It is in step with probs: a hole is noted only when its
	// problem is listed.
	holes []string
	// missing holds the places of the required fields that are missing
	// (the object's place and the field's name), noted when the problem
	// is listed.
	missing []string
	// keys holds a key set per open object, innermost last, and keyList
	// the keys of their small sets, in the same order.
	keys    []keySet
	keyList []string
	objects int // how many of keys are in use
	// items and members hold the parts of the generic arrays and objects
	// being built, innermost last.
	items   []any
	members []member
	buf     []byte // for unescaping strings
	// The first arrays of path, keys and keyList.
	pathArr    [pathSmall]token
	keysArr    [keysSmall]keySet
	keyListArr [keyListSmall]string
}

func newReader(src string, lim Limits) *reader {
	r := &reader{src: src, max: lim.Depth()}
	r.path = r.pathArr[:0]
	r.keys = r.keysArr[:0]
	r.keyList = r.keyListArr[:0]
	return r
}

// run calls f, turning a fatal panic into a problem.
func (r *reader) run(f func()) (stop *problem.Problem) {
	defer func() {
		if e := recover(); e != nil {
			f, ok := e.(fatal)
			if !ok {
				panic(e)
			}
			stop = &f.p
		}
	}()
	f()
	return nil
}

// precheck reports what is wrong with a document as a whole before it is
// parsed: empty, a byte-order mark, invalid UTF-8.
func precheck(src string) *problem.Problem {
	switch {
	case strings.Trim(src, " \t\r\n") == "": // JSON's whitespace only
		return &problem.Problem{Message: "the document is empty"}
	case strings.HasPrefix(src, "\xef\xbb\xbf"):
		return &problem.Problem{Message: "the document starts with a byte-order mark; send UTF-8 without one"}
	case !utf8.ValidString(src):
		return &problem.Problem{Message: fmt.Sprintf("the document is not valid UTF-8 (first bad byte at offset %d)", firstInvalid(src))}
	}
	return nil
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// The path.

// pathLen returns the length of the path as a JSON pointer.
func (r *reader) pathLen() int {
	n := 0
	for _, t := range r.path {
		if t.index < 0 {
			n += 1 + len(t.key) + strings.Count(t.key, "~") + strings.Count(t.key, "/")
			continue
		}
		n += 2
		for x := t.index; x >= 10; x /= 10 {
			n++
		}
	}
	return n
}

// pathBound is the capacity the path takes when it outgrows the
// reader's array: a token per open level, as deep as the document can
// nest within the bound (an array takes two bytes). Sized once so, it
// costs a fixed number of bytes per byte of the document however deep it
// goes, where growing it as it goes would cost up to twice that.
func (r *reader) pathBound() int {
	return min(r.max, len(r.src)/2+1)
}

func (r *reader) pushKey(k string) {
	r.path = pushAtLeast(r.path, token{key: k, index: -1}, r.pathBound())
}

func (r *reader) pushIndex(i int) {
	r.path = pushAtLeast(r.path, token{index: i}, r.pathBound())
}

func (r *reader) pop() {
	r.path[len(r.path)-1] = token{}
	r.path = r.path[:len(r.path)-1]
}

// pointer renders the path as a JSON pointer.
func (r *reader) pointer() string {
	var b strings.Builder
	b.Grow(r.pathLen())
	for _, t := range r.path {
		b.WriteByte('/')
		if t.index < 0 {
			b.WriteString(problem.Escape(t.key))
		} else {
			b.WriteString(strconv.Itoa(t.index))
		}
	}
	return b.String()
}

// Problems.

// capped reports whether the report is full: the lists together hold as
// many problems as one report lists. Past that, problems are counted.
func (r *reader) capped() bool {
	return r.dups.Full() || r.probs.Full() || len(r.dups.Problems)+len(r.probs.Problems) >= problem.MaxReported
}

// full counts one problem in l, without its message, if the report is
// full; a caller that gets true builds no message.
func (r *reader) full(l *problem.List) bool {
	if r.capped() {
		l.Omit(1)
		return true
	}
	return false
}

// add records a problem at the current path in l.
func (r *reader) add(l *problem.List, msg string) {
	if !l.Fits(r.pathLen() + len(msg)) {
		l.Omit(1)
		return
	}
	l.Add(r.pointer(), msg)
}

// bad records a problem that leaves the value at the current path
// unread: see hole.
func (r *reader) bad(msg string) {
	if !r.full(&r.probs) {
		r.hole(msg)
	}
}

// hole records a problem with msg at the current path, whose value is
// left unread (at its zero value), and notes the place in r.holes if the
// problem is listed; the report must not be full.
func (r *reader) hole(msg string) {
	n := len(r.probs.Problems)
	r.add(&r.probs, msg)
	if len(r.probs.Problems) > n {
		r.holes = append(r.holes, r.probs.Problems[n].Path)
	}
}

// stop ends the reading with a problem at the current path.
func (r *reader) stop(msg string) {
	panic(fatal{problem.Problem{Path: r.pointer(), Message: msg}})
}

// Scanning.

func (r *reader) ws() {
	for r.pos < len(r.src) {
		switch r.src[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// peek skips whitespace and returns the next byte, stopping at the end
// of the document.
func (r *reader) peek() byte {
	r.ws()
	if r.pos >= len(r.src) {
		r.stop("the document ends too early (truncated?)")
	}
	return r.src[r.pos]
}

// malformed stops at the character at r.pos, which does not fit where it
// is (context says where, in encoding/json's words).
func (r *reader) malformed(context string) {
	if r.pos >= len(r.src) {
		r.stop("the document ends too early (truncated?)")
	}
	c, _ := utf8.DecodeRuneInString(r.src[r.pos:])
	r.stop(fmt.Sprintf("malformed JSON at offset %d: %s %s", r.pos, describeChar(c), context))
}

// describeChar names a character for a message: quoted, with its code
// point when it is not ASCII, so that a no-break space shows as such and
// not as the first byte of its encoding.
func describeChar(c rune) string {
	if c < utf8.RuneSelf {
		return strconv.QuoteRune(c)
	}
	s := fmt.Sprintf("%s (U+%04X", strconv.QuoteRune(c), c)
	if unicode.IsSpace(c) {
		s += ", a space JSON does not allow between values: only space, tab, line feed and carriage return"
	}
	return s + ")"
}

// open enters the array or object at r.pos.
func (r *reader) open() {
	if r.depth+1 > r.max {
		r.stop(fmt.Sprintf("nested deeper than the limit of %d levels", r.max))
	}
	if r.src[r.pos] == '{' {
		// Past the reader's array, the key sets are sized once for the
		// most objects the document can open within the bound (an object
		// takes five bytes at least).
		r.keys = pushAtLeast(r.keys, keySet{start: len(r.keyList)}, min(r.max, len(r.src)/5+1))
		r.objects++
	}
	r.pos++
	r.depth++
}

// close leaves the array or object whose last byte is at r.pos-1.
func (r *reader) close() {
	if r.src[r.pos-1] == '}' {
		r.objects--
		s := r.keys[r.objects]
		clear(r.keyList[s.start:]) // let the keys go
		r.keyList = r.keyList[:s.start]
		r.keys[r.objects] = keySet{} // and the map, if the object had one
		r.keys = r.keys[:r.objects]
	}
	r.depth--
}

// member reads the next member's key and colon of the open object (i
// members were read before), pushes the key on the path and returns it;
// ok is false at the end of the object. It reports a repeated key.
func (r *reader) member(i int) (key string, ok bool) {
	c := r.peek()
	if i > 0 {
		switch c {
		case '}':
			r.pos++
			r.close()
			return "", false
		case ',':
			r.pos++
			c = r.peek()
			if c != '"' {
				r.malformed("looking for beginning of object key string")
			}
		default:
			r.malformed("after object key:value pair")
		}
	} else {
		switch c {
		case '}':
			r.pos++
			r.close()
			return "", false
		case '"':
		default:
			r.malformed("looking for beginning of object key string")
		}
	}
	key, _ = r.str(true)
	r.pushKey(key)
	if r.addKey(key) && !r.full(&r.dups) {
		r.add(&r.dups, "duplicate key "+problem.Quote(key))
	}
	if r.peek() != ':' {
		r.malformed("after object key")
	}
	r.pos++
	return key, true
}

// element reports whether the open array has an item after the i read
// before, and if so pushes its index on the path.
func (r *reader) element(i int) bool {
	c := r.peek()
	if c == ']' {
		r.pos++
		r.close()
		return false
	}
	r.pushIndex(i)
	if i > 0 {
		if c != ',' {
			r.malformed("after array element")
		}
		r.pos++
	}
	return true
}

// str reads a string at r.pos. The result shares the document's memory
// unless the string has escapes (fresh is then true). A key's lone
// surrogate is reported at the object, a value's at the value.
func (r *reader) str(isKey bool) (s string, fresh bool) {
	start := r.pos + 1
	i := start
	for i < len(r.src) {
		c := r.src[i]
		switch {
		case c == '"':
			r.pos = i + 1
			return r.src[start:i], false
		case c == '\\':
			return r.unescape(start, i, isKey), true
		case c < 0x20:
			r.pos = i
			r.malformed("in string literal")
		}
		i++
	}
	r.pos = len(r.src)
	r.stop("the document ends too early (truncated?)")
	return "", false
}

// unescape reads the rest of a string with escapes, from its first
// backslash at i.
func (r *reader) unescape(start, i int, isKey bool) string {
	b := append(r.buf[:0], r.src[start:i]...)
	for {
		if i >= len(r.src) {
			r.pos = i
			r.stop("the document ends too early (truncated?)")
		}
		c := r.src[i]
		switch {
		case c == '"':
			r.pos = i + 1
			r.buf = b
			return string(b)
		case c < 0x20:
			r.pos = i
			r.malformed("in string literal")
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		// An escape.
		if i+1 >= len(r.src) {
			r.pos = len(r.src)
			r.stop("the document ends too early (truncated?)")
		}
		switch e := r.src[i+1]; e {
		case '"', '\\', '/':
			b = append(b, e)
			i += 2
		case 'b':
			b, i = append(b, '\b'), i+2
		case 'f':
			b, i = append(b, '\f'), i+2
		case 'n':
			b, i = append(b, '\n'), i+2
		case 'r':
			b, i = append(b, '\r'), i+2
		case 't':
			b, i = append(b, '\t'), i+2
		case 'u':
			c1, ok := r.hex4(i + 2)
			if !ok {
				r.malformed("in \\u hexadecimal character escape")
			}
			at := i
			i += 6
			if utf16.IsSurrogate(c1) {
				c2, ok := rune(-1), false
				if i+1 < len(r.src) && r.src[i] == '\\' && r.src[i+1] == 'u' {
					c2, ok = r.hex4(i + 2)
				}
				if ok && c1 < 0xdc00 && c2 >= 0xdc00 && c2 <= 0xdfff {
					c1 = utf16.DecodeRune(c1, c2)
					i += 6
				} else {
					r.lone(at, c1, isKey)
				}
			}
			b = utf8.AppendRune(b, c1)
		default:
			r.pos = i + 1
			r.malformed("in string escape code")
		}
	}
}

// lone stops at a lone surrogate escape at offset at.
func (r *reader) lone(at int, c rune, isKey bool) {
	r.pos = at
	where := "string"
	if isKey {
		where = "key"
	}
	half := "high (first)"
	if c >= 0xdc00 {
		half = "low (second)"
	}
	r.stop(fmt.Sprintf("malformed JSON at offset %d: the %s holds \\u%04x, the %s half of a UTF-16 surrogate pair without its other half, which is no character", at, where, c, half))
}

// hex4 reads the four hex digits at i, with a pointer to them for errors.
func (r *reader) hex4(i int) (rune, bool) {
	if i+4 > len(r.src) {
		r.pos = len(r.src)
		r.stop("the document ends too early (truncated?)")
	}
	var c rune
	for j := i; j < i+4; j++ {
		x := r.src[j]
		switch {
		case '0' <= x && x <= '9':
			x -= '0'
		case 'a' <= x && x <= 'f':
			x -= 'a' - 10
		case 'A' <= x && x <= 'F':
			x -= 'A' - 10
		default:
			r.pos = j
			return 0, false
		}
		c = c<<4 | rune(x)
	}
	return c, true
}

// number reads a number literal at r.pos.
func (r *reader) number() string {
	start := r.pos
	i := start
	digits := func() bool {
		j := i
		for i < len(r.src) && '0' <= r.src[i] && r.src[i] <= '9' {
			i++
		}
		return i > j
	}
	bad := func() {
		r.pos = i
		r.malformed("in numeric literal")
	}
	if i < len(r.src) && r.src[i] == '-' {
		i++
	}
	switch {
	case i < len(r.src) && r.src[i] == '0':
		i++
	case !digits():
		bad()
	}
	if i < len(r.src) && r.src[i] == '.' {
		i++
		if !digits() {
			bad()
		}
	}
	if i < len(r.src) && (r.src[i] == 'e' || r.src[i] == 'E') {
		i++
		if i < len(r.src) && (r.src[i] == '+' || r.src[i] == '-') {
			i++
		}
		if !digits() {
			bad()
		}
	}
	r.pos = i
	lit := r.src[start:i]
	if len(lit) > MaxNumberLen {
		r.stop(fmt.Sprintf("a number of %d characters is longer than the limit of %d (%s...)", len(lit), MaxNumberLen, lit[:16]))
	}
	return lit
}

// literal reads true, false or null at r.pos.
func (r *reader) literal(word string) {
	for i := 0; i < len(word); i++ {
		if r.pos+i >= len(r.src) {
			r.pos = len(r.src)
			r.stop("the document ends too early (truncated?)")
		}
		if r.src[r.pos+i] != word[i] {
			r.pos += i
			r.malformed(fmt.Sprintf("in literal %s (expecting %s)", word, strconv.QuoteRune(rune(word[i]))))
		}
	}
	r.pos += len(word)
}

// skip reads a value of any type, checking its syntax and keys but
// keeping nothing.
func (r *reader) skip() {
	switch c := r.peek(); c {
	case '{':
		r.open()
		for i := 0; ; i++ {
			if _, ok := r.member(i); !ok {
				return
			}
			r.skip()
			r.pop()
		}
	case '[':
		r.open()
		for i := 0; r.element(i); i++ {
			r.skip()
			r.pop()
		}
	case '"':
		r.str(false)
	case 't':
		r.literal("true")
	case 'f':
		r.literal("false")
	case 'n':
		r.literal("null")
	default:
		if c == '-' || '0' <= c && c <= '9' {
			r.number()
			return
		}
		r.malformed("looking for beginning of value")
	}
}

// describe reads the value at r.pos for a message: "the string "x"", "the
// number 5", "true", "an array".
func (r *reader) describe() string {
	switch c := r.peek(); c {
	case '{':
		r.skip()
		return "an object"
	case '[':
		r.skip()
		return "an array"
	case '"':
		s, _ := r.str(false)
		return "the string " + problem.Quote(s)
	case 't':
		r.literal("true")
		return "true"
	case 'f':
		r.literal("false")
		return "false"
	case 'n':
		r.literal("null")
		return "null"
	default:
		if c == '-' || '0' <= c && c <= '9' {
			return "the number " + r.number()
		}
		r.malformed("looking for beginning of value")
		return ""
	}
}

// end checks that nothing but whitespace follows the document.
func (r *reader) end() {
	r.ws()
	if r.pos < len(r.src) {
		panic(fatal{problem.Problem{Message: fmt.Sprintf("unexpected data after the document at offset %d", r.pos)}})
	}
}

// Generic values.

// object builds a generic object from the members r.members holds from
// index from on, and drops them. Later repeats of a key win.
func (r *reader) object(from int) map[string]any {
	ms := r.members[from:]
	m := make(map[string]any, len(ms))
	for _, x := range ms {
		m[x.key] = x.val
	}
	clear(ms)
	r.members = r.members[:from]
	return m
}

// array builds a generic array from the items r.items holds from index
// from on, and drops them.
func (r *reader) array(from int) []any {
	out := make([]any, len(r.items)-from)
	copy(out, r.items[from:])
	clear(r.items[from:])
	r.items = r.items[:from]
	return out
}

// generic reads any value into the form encoding/json gives an any with
// UseNumber: map[string]any, []any, string, bool, nil and json.Number.
// Later repeats of a key win. Strings and keys share the document's
// memory.
func (r *reader) generic() any {
	return r.build(r.peek())
}

// build reads the value at r.pos, whose first byte is c.
func (r *reader) build(c byte) any {
	switch c {
	case '{':
		r.open()
		from := len(r.members)
		for i := 0; ; i++ {
			k, ok := r.member(i)
			if !ok {
				break
			}
			v := r.generic()
			r.pop()
			r.members = push(r.members, member{k, v})
		}
		return r.object(from)
	case '[':
		r.open()
		from := len(r.items)
		for i := 0; r.element(i); i++ {
			v := r.generic()
			r.pop()
			r.items = push(r.items, v)
		}
		return r.array(from)
	case '"':
		s, _ := r.str(false)
		return s
	case 't':
		r.literal("true")
		return true
	case 'f':
		r.literal("false")
		return false
	case 'n':
		r.literal("null")
		return nil
	default:
		if c == '-' || '0' <= c && c <= '9' {
			return json.Number(r.number())
		}
		r.malformed("looking for beginning of value")
		return nil
	}
}

// Parse parses data as exactly one JSON value into the form encoding/json
// decodes into an any with UseNumber (maps, slices, strings, bools, nil
// and json.Number), the form a JSON Schema validator takes. ok is false
// if the document is malformed, and the problems say why; repeated keys
// are reported too, the last repeat winning in the value. It costs O(n)
// time and memory for n bytes; the value takes from about 30 bytes per
// byte of the document (for tiny values) down to about 1 (for long
// strings).
func Parse(data []byte, lim Limits) (v any, probs problem.List, ok bool) {
	src := string(data)
	if p := precheck(src); p != nil {
		return nil, problem.List{Problems: []problem.Problem{*p}}, false
	}
	r := newReader(src, lim)
	if stop := r.run(func() { v = r.generic(); r.end() }); stop != nil {
		r.dups.Append(*stop)
		return nil, r.dups, false
	}
	return v, r.dups, true
}

// Decoding into Go values.

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// typeInfo is what the reader needs to know of a Go type, worked out once
// per type.
type typeInfo struct {
	t      reflect.Type
	expect string // "an object", for messages
	custom bool   // decodes itself from a JSON string (UnmarshalText or UnmarshalJSON)
	elem   *typeInfo
	// For a map, whether its keys decode with UnmarshalText.
	keyText bool
	// For a struct, its fields by JSON name, and their order.
	fields map[string]*fieldInfo
	list   []*fieldInfo
}

type fieldInfo struct {
	name     string
	index    int // in the struct
	pos      int // in typeInfo.list
	required bool
	typ      *typeInfo
}

var (
	typeMu    sync.Mutex
	typeInfos = map[reflect.Type]*typeInfo{}
)

// infoOf returns the typeInfo of t.
func infoOf(t reflect.Type) *typeInfo {
	typeMu.Lock()
	defer typeMu.Unlock()
	return buildInfo(t)
}

func buildInfo(t reflect.Type) *typeInfo {
	if ti, ok := typeInfos[t]; ok {
		return ti
	}
	ti := &typeInfo{t: t, expect: expected(t)}
	typeInfos[t] = ti // before the parts, for types that hold themselves
	pt := reflect.PointerTo(t)
	if t.Implements(jsonUnmarshaler) || pt.Implements(jsonUnmarshaler) || t.Implements(textUnmarshaler) || pt.Implements(textUnmarshaler) {
		ti.custom = true
		ti.expect = "a string"
		return ti
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		ti.elem = buildInfo(t.Elem())
	case reflect.Map:
		ti.elem = buildInfo(t.Elem())
		ti.keyText = reflect.PointerTo(t.Key()).Implements(textUnmarshaler)
	case reflect.Struct:
		ti.fields = map[string]*fieldInfo{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, required := f.Name, false
			if tag, ok := f.Tag.Lookup("json"); ok {
				n, opts, _ := strings.Cut(tag, ",")
				if n == "-" && opts == "" {
					continue
				}
				if n != "" {
					name = n
				}
				required = n != "" && !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero")
			}
			fi := &fieldInfo{name: name, index: i, pos: len(ti.list), required: required, typ: buildInfo(f.Type)}
			ti.fields[name] = fi
			ti.list = append(ti.list, fi)
		}
	}
	return ti
}

func expected(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Interface:
		return "a value"
	default:
		return "an object"
	}
}

// mismatch reports the value at r.pos, which is not of the type wanted.
func (r *reader) mismatch(ti *typeInfo) {
	if r.full(&r.probs) {
		r.skip()
		return
	}
	r.hole("expected " + ti.expect + ", found " + r.describe())
}

// value reads the value at r.pos as the Go type ti, into v when v is
// valid (settable); with v invalid it checks the value's type only.
func (r *reader) value(ti *typeInfo, v reflect.Value) {
	c := r.peek()
	if r.capped() {
		v = reflect.Value{} // the report is full: stop decoding
	}
	if c == 'n' {
		r.literal("null")
		r.bad("null is not allowed here; expected " + ti.expect)
		return
	}
	if ti.custom {
		r.custom(ti, v, c)
		return
	}
	switch ti.t.Kind() {
	case reflect.Pointer:
		if v.IsValid() {
			if v.IsNil() {
				v.Set(reflect.New(ti.t.Elem()))
			}
			v = v.Elem()
		}
		r.value(ti.elem, v)
	case reflect.Bool:
		if c != 't' && c != 'f' {
			r.mismatch(ti)
			return
		}
		b := c == 't'
		if b {
			r.literal("true")
		} else {
			r.literal("false")
		}
		if v.IsValid() {
			v.SetBool(b)
		}
	case reflect.String:
		if c != '"' {
			r.mismatch(ti)
			return
		}
		s, fresh := r.str(false)
		if v.IsValid() {
			if !fresh {
				s = strings.Clone(s) // keep no part of the document
			}
			v.SetString(s)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if c != '-' && (c < '0' || c > '9') {
			r.mismatch(ti)
			return
		}
		n, ok, msg := intOf(r.number(), ti.t.Bits())
		switch {
		case !ok:
			r.bad(msg)
		case v.IsValid():
			v.SetInt(n)
		}
	case reflect.Float32, reflect.Float64:
		if c != '-' && (c < '0' || c > '9') {
			r.mismatch(ti)
			return
		}
		f, ok, msg := floatOf(r.number(), ti.t.Bits())
		switch {
		case !ok:
			r.bad(msg)
		case v.IsValid():
			v.SetFloat(f)
		}
	case reflect.Slice, reflect.Array:
		if c != '[' {
			r.mismatch(ti)
			return
		}
		r.arrayValue(ti, v)
	case reflect.Map:
		if c != '{' {
			r.mismatch(ti)
			return
		}
		r.mapValue(ti, v)
	case reflect.Struct:
		if c != '{' {
			r.mismatch(ti)
			return
		}
		r.structValue(ti, v)
	case reflect.Interface:
		if ti.t.NumMethod() > 0 {
			r.skip()
			r.bad("cannot decode into " + ti.t.String())
			return
		}
		g := r.generic()
		if v.IsValid() && g != nil {
			v.Set(reflect.ValueOf(r.decoded(g)))
		}
	default:
		r.skip()
		r.bad("cannot decode into " + ti.t.String())
	}
}

// decoded copies a generic value as encoding/json decodes it into an any:
// numbers as float64, and strings that share nothing with the document.
func (r *reader) decoded(g any) any {
	switch g := g.(type) {
	case string:
		return strings.Clone(g)
	case json.Number:
		f, ok, msg := floatOf(string(g), 64)
		if !ok {
			r.bad(msg)
		}
		return f
	case []any:
		out := make([]any, len(g))
		for i, x := range g {
			out[i] = r.decoded(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(g))
		for k, x := range g {
			out[strings.Clone(k)] = r.decoded(x)
		}
		return out
	}
	return g
}

// custom reads a value of a type that decodes itself from a JSON string.
func (r *reader) custom(ti *typeInfo, v reflect.Value, c byte) {
	if c != '"' {
		r.mismatch(ti)
		return
	}
	start := r.pos
	s, _ := r.str(false)
	if !v.IsValid() {
		return
	}
	p := v.Addr().Interface()
	var err error
	if u, ok := p.(json.Unmarshaler); ok {
		err = u.UnmarshalJSON([]byte(r.src[start:r.pos]))
	} else {
		err = p.(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
	}
	if err != nil {
		r.bad(fmt.Sprintf("cannot read %s: %s", problem.Quote(s), shorten(err.Error())))
	}
}

func (r *reader) arrayValue(ti *typeInfo, v reflect.Value) {
	r.open()
	slice := ti.t.Kind() == reflect.Slice
	if v.IsValid() && slice {
		v.Set(reflect.MakeSlice(ti.t, 0, 0)) // [] decodes to an empty slice, not nil
	}
	i := 0
	for ; r.element(i); i++ {
		if v.IsValid() && r.capped() {
			v = reflect.Value{} // the report is full: stop decoding
		}
		if !v.IsValid() || (!slice && i >= v.Len()) {
			r.value(ti.elem, reflect.Value{})
		} else {
			if slice {
				if i == v.Cap() {
					v.Grow(max(i, 4)) // double, as push does
				}
				v.SetLen(i + 1)
			}
			r.value(ti.elem, v.Index(i))
		}
		r.pop()
	}
	if v.IsValid() && !slice {
		for ; i < v.Len(); i++ {
			v.Index(i).SetZero()
		}
	}
}

func (r *reader) mapValue(ti *typeInfo, v reflect.Value) {
	r.open()
	var elem, key reflect.Value
	for i := 0; ; i++ {
		k, ok := r.member(i)
		if !ok {
			return
		}
		if v.IsValid() && !r.capped() {
			if v.IsNil() {
				v.Set(reflect.MakeMap(ti.t))
			}
			if !elem.IsValid() {
				elem = reflect.New(ti.t.Elem()).Elem()
			} else {
				elem.SetZero()
			}
			r.value(ti.elem, elem)
			var ok bool
			if key, ok = r.mapKey(ti, k, key); ok {
				v.SetMapIndex(key, elem)
			}
		} else {
			r.value(ti.elem, reflect.Value{})
		}
		r.pop()
	}
}

// mapKey converts an object key to the key type of a map. For a key of a
// string kind it sets and returns reuse, a settable key of the map's key
// type from an earlier call, or a new one if reuse is not valid: the map
// copies the key, and a value made for each would cost an allocation
// each.
func (r *reader) mapKey(ti *typeInfo, k string, reuse reflect.Value) (reflect.Value, bool) {
	kt := ti.t.Key()
	if ti.keyText {
		kv := reflect.New(kt)
		if err := kv.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(k)); err != nil {
			r.bad(fmt.Sprintf("cannot read the key %s: %s", problem.Quote(k), shorten(err.Error())))
			return reflect.Value{}, false
		}
		return kv.Elem(), true
	}
	if kt.Kind() != reflect.String {
		r.bad("cannot decode into " + ti.t.String())
		return reflect.Value{}, false
	}
	if !reuse.IsValid() {
		reuse = reflect.New(kt).Elem()
	}
	reuse.SetString(strings.Clone(k))
	return reuse, true
}

// seenSmall is how many fields a struct may have for structValue to
// track the fields seen in a bit set on the stack.
const seenSmall = 64

func (r *reader) structValue(ti *typeInfo, v reflect.Value) {
	r.open()
	var small uint64
	var big []bool
	if len(ti.list) > seenSmall {
		big = make([]bool, len(ti.list))
	}
	for i := 0; ; i++ {
		k, ok := r.member(i)
		if !ok {
			break
		}
		f := ti.fields[k]
		if f == nil {
			if !r.full(&r.probs) {
				r.add(&r.probs, "unknown field "+problem.Quote(k)+suggest(k, ti))
			}
			r.skip()
			r.pop()
			continue
		}
		if big != nil {
			big[f.pos] = true
		} else {
			small |= 1 << f.pos
		}
		fv := v
		if fv.IsValid() {
			fv = v.Field(f.index)
		}
		r.value(f.typ, fv)
		r.pop()
	}
	// Missing fields are reported at the object, whose path the members
	// have left.
	for _, f := range ti.list {
		seen := big != nil && big[f.pos] || big == nil && small&(1<<f.pos) != 0
		if f.required && !seen && !r.full(&r.probs) {
			n := len(r.probs.Problems)
			r.add(&r.probs, fmt.Sprintf("missing required field %q", f.name))
			if len(r.probs.Problems) > n {
				r.missing = append(r.missing, problem.Join(r.probs.Problems[n].Path, f.name))
			}
		}
	}
}

// shorten cuts an error's text, which may quote a long value in full, to
// a few hundred bytes.
func shorten(msg string) string {
	const max = 200
	if len(msg) <= max {
		return msg
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return msg[:cut] + "..."
}

// suggest returns a hint naming a field that differs from key only in
// case, which encoding/json would match silently.
func suggest(key string, ti *typeInfo) string {
	for _, f := range ti.list {
		if strings.EqualFold(f.name, key) {
			return fmt.Sprintf(" (did you mean %q? names are case-sensitive)", f.name)
		}
	}
	return ""
}

// Numbers.

// intOf returns the integer a number literal denotes, exactly. JSON has
// one number type: 3.0, 3e0 and 0.3e1 are the integer 3, as a JSON Schema
// validator sees them. ok is false, with a message, when the literal is
// not a whole number (1.5, 1e-400, 3.000000000000000000001) or does not
// fit a signed integer of the given bits.
func intOf(lit string, bits int) (n int64, ok bool, msg string) {
	if n, err := strconv.ParseInt(lit, 10, bits); err == nil {
		return n, true, ""
	}
	notWhole := "expected an integer, found " + lit
	outOfRange := lit + " is out of range"
	neg := lit[0] == '-'
	s := strings.TrimPrefix(lit, "-")
	mant, exp, _ := strings.Cut(strings.ToLower(s), "e")
	whole, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(whole+frac, "0")
	if digits == "" {
		return 0, true, "" // zero, however written
	}
	// The value is digits x 10^e.
	e := -len(frac)
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		e++
	}
	expNeg := strings.HasPrefix(exp, "-")
	exp = strings.TrimLeft(strings.TrimLeft(exp, "+-"), "0")
	if len(exp) > 6 { // beyond any int64, one way or the other
		if expNeg {
			return 0, false, notWhole
		}
		return 0, false, outOfRange
	}
	x, _ := strconv.Atoi("0" + exp)
	if expNeg {
		x = -x
	}
	e += x
	switch {
	case e < 0:
		return 0, false, notWhole
	case len(digits)+e > 19:
		return 0, false, outOfRange
	}
	u, err := strconv.ParseUint(digits+strings.Repeat("0", e), 10, 64)
	limit := uint64(1) << (bits - 1) // the magnitude of the most negative
	if err != nil || u > limit || (!neg && u == limit) {
		return 0, false, outOfRange
	}
	if neg {
		return -int64(u-1) - 1, true, ""
	}
	return int64(u), true, ""
}

// floatOf returns the number a literal denotes as a float of the given
// bits. ok is false, with a message, when the literal is too large for
// one, or so close to zero (1e-400) that it would read as 0.
func floatOf(lit string, bits int) (f float64, ok bool, msg string) {
	f, err := strconv.ParseFloat(lit, bits)
	if err != nil {
		return 0, false, lit + " is out of range"
	}
	if f == 0 {
		mant, _, _ := strings.Cut(strings.ToLower(lit), "e")
		if strings.ContainsAny(mant, "123456789") {
			return 0, false, fmt.Sprintf("%s is out of range: so close to 0 that a %d-bit number would read it as 0", lit, bits)
		}
	}
	return f, true, ""
}

// decoded is what decode makes of a document.
type decoded struct {
	// v is the value, unless the report filled up: the values that could
	// not be read, at the places holes lists, hold their zero value.
	v       reflect.Value
	dups    problem.List // repeated keys
	probs   problem.List // the other problems
	stop    *problem.Problem
	holes   []string // the places of the values that could not be read
	missing []string // the places of the required fields missing
}

// decode reads src into out, a settable value at its zero value, while
// the report has room. The problem that stopped the reading, if one did,
// is in stop, and then only the repeated keys found before it are in
// dups. Whatever the outcome, out holds what was decoded.
func decode(src string, out reflect.Value, lim Limits) decoded {
	if p := precheck(src); p != nil {
		return decoded{stop: p}
	}
	r := newReader(src, lim)
	ti := infoOf(out.Type())
	if stop := r.run(func() { r.value(ti, out); r.end() }); stop != nil {
		return decoded{dups: r.dups, stop: stop}
	}
	d := decoded{dups: r.dups, probs: r.probs, holes: r.holes, missing: r.missing}
	if !r.capped() {
		d.v = out
	}
	return d
}

// merge appends the problems b lists to those a lists, keeping what a
// List keeps, and adds up what both omitted. Each of a and b keeps a
// prefix of its own problems, so the result lists a prefix of a's and
// then a prefix of b's.
func merge(a *problem.List, b problem.List) {
	var out problem.List
	out.Append(a.Problems...)
	out.Append(b.Problems...)
	out.Omit(a.Omitted + b.Omitted)
	*a = out
}

// Decode parses data strictly and, if nothing is wrong with it, decodes
// it into dst, a non-nil pointer. It reports, each at its JSON pointer,
// malformed JSON, repeated keys, unknown fields (by json tags; a field's
// name in another case is not matched), missing required fields (those
// tagged without omitempty or omitzero), nulls, values of the wrong JSON
// type and numbers the Go type cannot hold exactly. On any problem dst is
// left as it was. It costs O(n) time and O(n) memory for n bytes: the
// document as a string, the decoded value, and the problems kept.
func Decode(data []byte, dst any, lim Limits) problem.List {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return problem.List{Problems: []problem.Problem{{Message: fmt.Sprintf("cannot decode into %T: not a non-nil pointer", dst)}}}
	}
	d := decode(string(data), reflect.New(rv.Type().Elem()).Elem(), lim)
	if d.stop != nil {
		d.dups.Append(*d.stop)
		return d.dups
	}
	merge(&d.dups, d.probs)
	if d.dups.Len() == 0 && d.v.IsValid() {
		rv.Elem().Set(d.v)
	}
	return d.dups
}
