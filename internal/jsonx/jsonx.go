// Package jsonx reads JSON documents strictly: it bounds their size and
// nesting, rejects invalid UTF-8, byte-order marks, duplicate keys, trailing
// data, unknown fields, nulls and values of the wrong type, and reports each
// problem with the JSON pointer of its place before anything is decoded.
package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/internal/problem"
)

// Default limits.
const (
	DefaultMaxBytes = 8 << 20 // 8 MiB
	DefaultMaxDepth = 64
	// MaxNumberLen bounds a number literal's length. Exact decimal
	// arithmetic (as JSON Schema validators use) takes time quadratic in a
	// literal's digits, and no level or weight needs more than a few.
	MaxNumberLen = 64
)

// Limits bounds what a reader accepts. Zero fields take the defaults.
type Limits struct {
	MaxBytes int64
	MaxDepth int
}

func (l Limits) maxBytes() int64 {
	if l.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

func (l Limits) maxDepth() int {
	if l.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return l.MaxDepth
}

// ReadAll reads r up to the size bound. A document over the bound is a
// problem, as is a read error.
func ReadAll(r io.Reader, lim Limits) ([]byte, *problem.Problem) {
	if r == nil {
		return nil, &problem.Problem{Message: "no document (nil reader)"}
	}
	max := lim.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &problem.Problem{Message: "reading the document: " + err.Error()}
	}
	if int64(len(data)) > max {
		return nil, &problem.Problem{Message: fmt.Sprintf("the document is larger than the limit of %d bytes", max)}
	}
	return data, nil
}

// Kind is the JSON type of a Value.
type Kind int

// The JSON types.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

func (k Kind) String() string { return kindNames[k] }

// Member is one key and value of an object, in document order.
type Member struct {
	Key   string
	Value *Value
}

// Value is a parsed JSON value that keeps object order.
type Value struct {
	Kind    Kind
	Text    string // a string's value or a number's literal
	Bool    bool
	Elems   []*Value
	Members []Member
}

// Parse parses data as exactly one JSON value. Syntax problems stop the
// parse; duplicate keys are collected and parsing goes on.
func Parse(data []byte, lim Limits) (*Value, []problem.Problem) {
	switch {
	case len(bytes.Trim(data, " \t\r\n")) == 0: // JSON's whitespace only
		return nil, []problem.Problem{{Message: "the document is empty"}}
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return nil, []problem.Problem{{Message: "the document starts with a byte-order mark; send UTF-8 without one"}}
	case !utf8.Valid(data):
		return nil, []problem.Problem{{Message: fmt.Sprintf("the document is not valid UTF-8 (first bad byte at offset %d)", firstInvalid(data))}}
	}
	p := &parser{dec: json.NewDecoder(bytes.NewReader(data)), maxDepth: lim.maxDepth()}
	p.dec.UseNumber()
	v, err := p.value("", 0)
	if err != nil {
		return nil, append(p.probs, problem.Problem{Path: err.path, Message: err.msg})
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, append(p.probs, problem.Problem{Message: fmt.Sprintf("unexpected data after the document at offset %d", p.dec.InputOffset())})
	}
	return v, p.probs
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

type parseError struct{ path, msg string }

type parser struct {
	dec      *json.Decoder
	maxDepth int
	probs    []problem.Problem
}

func (p *parser) syntax(path string, err error) *parseError {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &parseError{path, "the document ends too early (truncated?)"}
	case errors.As(err, &se):
		return &parseError{path, fmt.Sprintf("malformed JSON at offset %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "invalid character "))}
	default:
		return &parseError{path, "malformed JSON: " + err.Error()}
	}
}

func (p *parser) value(path string, depth int) (*Value, *parseError) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(path, err)
	}
	switch t := tok.(type) {
	case nil:
		return &Value{Kind: Null}, nil
	case bool:
		return &Value{Kind: Bool, Bool: t}, nil
	case json.Number:
		if len(t) > MaxNumberLen {
			return nil, &parseError{path, fmt.Sprintf("a number of %d characters is longer than the limit of %d (%s...)", len(t), MaxNumberLen, t[:16])}
		}
		return &Value{Kind: Number, Text: string(t)}, nil
	case string:
		return &Value{Kind: String, Text: t}, nil
	case json.Delim:
		if depth+1 > p.maxDepth {
			return nil, &parseError{path, fmt.Sprintf("nested deeper than the limit of %d levels", p.maxDepth)}
		}
		if t == '[' {
			v := &Value{Kind: Array}
			for p.dec.More() {
				e, perr := p.value(problem.Join(path, len(v.Elems)), depth+1)
				if perr != nil {
					return nil, perr
				}
				v.Elems = append(v.Elems, e)
			}
			if _, err := p.dec.Token(); err != nil {
				return nil, p.syntax(path, err)
			}
			return v, nil
		}
		v := &Value{Kind: Object}
		seen := map[string]bool{}
		for p.dec.More() {
			kt, err := p.dec.Token()
			if err != nil {
				return nil, p.syntax(path, err)
			}
			key, _ := kt.(string)
			mpath := problem.Join(path, key)
			if seen[key] {
				p.probs = append(p.probs, problem.Problem{Path: mpath, Message: fmt.Sprintf("duplicate key %q", key)})
			}
			seen[key] = true
			e, perr := p.value(mpath, depth+1)
			if perr != nil {
				return nil, perr
			}
			v.Members = append(v.Members, Member{key, e})
		}
		if _, err := p.dec.Token(); err != nil {
			return nil, p.syntax(path, err)
		}
		return v, nil
	}
	return nil, &parseError{path, "malformed JSON"}
}

// Check reports every place where v does not fit the Go type t as
// encoding/json would decode it: unknown fields (by json tags), missing
// required fields (those without omitempty), nulls, values of the wrong
// JSON type, and numbers that do not fit the Go number type. path is the
// pointer of v. It reports whether v can still be decoded into t: unknown
// and missing fields do not prevent decoding; the other problems do.
func Check(v *Value, t reflect.Type, path string, l *problem.List) bool {
	c := checker{l: l}
	c.check(v, t, path)
	return !c.hard
}

type checker struct {
	l    *problem.List
	hard bool // a problem that prevents decoding
}

func (c *checker) bad(path, msg string) {
	c.l.Add(path, msg)
	c.hard = true
}

func (c *checker) check(v *Value, t reflect.Type, path string) {
	if v.Kind == Null {
		c.bad(path, "null is not allowed here; expected "+expected(t))
		return
	}
	if t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		if v.Kind != String {
			c.bad(path, fmt.Sprintf("expected a string, found %s", describe(v)))
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		c.check(v, t.Elem(), path)
	case reflect.Bool:
		if v.Kind != Bool {
			c.bad(path, fmt.Sprintf("expected a boolean, found %s", describe(v)))
		}
	case reflect.String:
		if v.Kind != String {
			c.bad(path, fmt.Sprintf("expected a string, found %s", describe(v)))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.Kind != Number {
			c.bad(path, fmt.Sprintf("expected an integer, found %s", describe(v)))
			return
		}
		if _, err := strconv.ParseInt(v.Text, 10, t.Bits()); err == nil {
			return
		}
		// JSON has one number type: 3.0 and 3e0 are the integer 3, as a JSON
		// Schema validator sees them. Normalise them so they decode.
		f, err := strconv.ParseFloat(v.Text, 64)
		switch {
		case err == nil && f != math.Trunc(f):
			c.bad(path, fmt.Sprintf("expected an integer, found %s", v.Text))
		case err == nil && math.Abs(f) <= 1<<53 && fitsInt(int64(f), t.Bits()):
			v.Text = strconv.FormatInt(int64(f), 10)
		default:
			c.bad(path, fmt.Sprintf("%s is out of range", v.Text))
		}
	case reflect.Float32, reflect.Float64:
		if v.Kind != Number {
			c.bad(path, fmt.Sprintf("expected a number, found %s", describe(v)))
			return
		}
		if _, err := strconv.ParseFloat(v.Text, t.Bits()); err != nil {
			c.bad(path, fmt.Sprintf("%s is out of range", v.Text))
		}
	case reflect.Slice, reflect.Array:
		if v.Kind != Array {
			c.bad(path, fmt.Sprintf("expected an array, found %s", describe(v)))
			return
		}
		for i, e := range v.Elems {
			c.check(e, t.Elem(), problem.Join(path, i))
		}
	case reflect.Map:
		if v.Kind != Object {
			c.bad(path, fmt.Sprintf("expected an object, found %s", describe(v)))
			return
		}
		for _, m := range v.Members {
			c.check(m.Value, t.Elem(), problem.Join(path, m.Key))
		}
	case reflect.Struct:
		if v.Kind != Object {
			c.bad(path, fmt.Sprintf("expected an object, found %s", describe(v)))
			return
		}
		fields := fieldsOf(t)
		for _, name := range requiredOf(t) {
			if !slices.ContainsFunc(v.Members, func(m Member) bool { return m.Key == name }) {
				c.l.Add(path, fmt.Sprintf("missing required field %q", name))
			}
		}
		for i, m := range v.Members {
			f, ok := fields[m.Key]
			if !ok {
				c.l.Add(problem.Join(path, m.Key), fmt.Sprintf("unknown field %q%s", m.Key, suggest(m.Key, fields)))
				// Drop it, or encoding/json would match it to a field
				// whose name differs only in case.
				v.Members[i].Value = nil
				continue
			}
			c.check(m.Value, f, problem.Join(path, m.Key))
		}
	case reflect.Interface:
		// Anything goes.
	default:
		c.bad(path, "cannot decode into "+t.String())
	}
}

// fitsInt reports whether n fits a signed integer of the given bits.
func fitsInt(n int64, bits int) bool {
	if bits >= 64 {
		return true
	}
	max := int64(1)<<(bits-1) - 1
	return n >= -max-1 && n <= max
}

var textUnmarshaler = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()

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
	default:
		return "an object"
	}
}

func describe(v *Value) string {
	switch v.Kind {
	case String:
		s := v.Text
		if len(s) > 40 {
			s = s[:40] + "..."
		}
		return "the string " + strconv.Quote(s)
	case Number:
		return "the number " + v.Text
	case Bool:
		return strconv.FormatBool(v.Bool)
	case Null:
		return "null"
	default:
		return "an " + v.Kind.String()
	}
}

// fieldsOf maps the JSON names of t's exported fields to their types.
func fieldsOf(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, ok := f.Tag.Lookup("json"); ok {
			n, _, _ := strings.Cut(tag, ",")
			if n == "-" {
				continue
			}
			if n != "" {
				name = n
			}
		}
		out[name] = f.Type
	}
	return out
}

// requiredOf lists the JSON names of t's fields that encoding/json always
// writes (no omitempty or omitzero): a document must carry them.
func requiredOf(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("json")
		if !f.IsExported() || !ok {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || name == "" || strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero") {
			continue
		}
		out = append(out, name)
	}
	return out
}

// suggest returns a hint naming a known field that differs from key only in
// case, as encoding/json would otherwise match it silently.
func suggest(key string, fields map[string]reflect.Type) string {
	for name := range fields {
		if strings.EqualFold(name, key) {
			return fmt.Sprintf(" (did you mean %q? names are case-sensitive)", name)
		}
	}
	return ""
}

// Decode parses data strictly, checks it against the type of dst and, if
// nothing is wrong, decodes it into dst. Every problem found is returned.
func Decode(data []byte, dst any, lim Limits) []problem.Problem {
	v, probs := Parse(data, lim)
	if v == nil {
		return probs
	}
	l := problem.List{Problems: probs}
	Check(v, reflect.TypeOf(dst).Elem(), "", &l)
	if len(l.Problems) > 0 {
		return l.Problems
	}
	if err := json.Unmarshal(v.AppendJSON(nil), dst); err != nil {
		return []problem.Problem{{Message: "decoding: " + err.Error()}}
	}
	return nil
}

// AppendJSON appends v's compact JSON encoding to b.
func (v *Value) AppendJSON(b []byte) []byte {
	switch v.Kind {
	case Null:
		return append(b, "null"...)
	case Bool:
		return strconv.AppendBool(b, v.Bool)
	case Number:
		return append(b, v.Text...)
	case String:
		return appendString(b, v.Text)
	case Array:
		b = append(b, '[')
		for i, e := range v.Elems {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.AppendJSON(b)
		}
		return append(b, ']')
	default:
		b = append(b, '{')
		first := true
		for _, m := range v.Members {
			if m.Value == nil {
				continue // dropped by Check
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendString(b, m.Key)
			b = append(b, ':')
			b = m.Value.AppendJSON(b)
		}
		return append(b, '}')
	}
}

func appendString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always encodes
	return append(b, q...)
}

// Any converts v to the generic form encoding/json produces with
// UseNumber: maps, slices, strings, bools, nil and json.Number. Later
// duplicate keys win, as in encoding/json.
func (v *Value) Any() any {
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return v.Bool
	case Number:
		return json.Number(v.Text)
	case String:
		return v.Text
	case Array:
		out := make([]any, len(v.Elems))
		for i, e := range v.Elems {
			out[i] = e.Any()
		}
		return out
	default:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			if m.Value == nil {
				continue
			}
			out[m.Key] = m.Value.Any()
		}
		return out
	}
}
