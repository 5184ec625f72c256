package jsonx

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/schema"
)

// Read reads one document of a schema kind from r into dst, a non-nil
// pointer, as [Load] does, and returns nil or a *problem.Error for pkg
// (such as "wlp") listing the problems found. A read error and a document
// over the size bound are problems too. semantic, if not nil, returns nil
// or an error listing what a schema cannot express (a *problem.Error is
// merged problem by problem, its Omitted count included); it runs only if
// the document decoded whole and the report has room.
//
// Read costs O(n) time and memory for a document of n bytes, whatever
// its shape or nesting, plus the cost of semantic. It allocates at most
// 40 bytes per byte of a document rejected while it is read (2 to 7 for
// most hostile shapes: the reader stops decoding when the report is
// full) and at most 150 per byte of any other: 20 to 30 for documents of
// words, about 115 at worst, for documents of tiny values (a million
// empty strings), where the JSON Schema validator alone allocates about
// 70 bytes per byte. At its peak the memory in use is about a quarter of
// what it allocates. The tests check these bounds, in bytes allocated.
func Read(r io.Reader, dst any, lim Limits, kind, pkg string, semantic func() error) error {
	src, pr := readString(r, lim)
	if pr != nil {
		return problem.New(pkg, []problem.Problem{*pr}, 0)
	}
	l := load(src, dst, lim, kind, semantic)
	return l.Err(pkg)
}

// Load reads one document of a schema kind into dst, strictly and in
// order: it parses data (size, UTF-8, repeated keys, nesting, trailing
// data) while checking it against dst's Go type and decoding it, runs
// semantic, which reports what a schema cannot express (such as unknown
// IDs), and validates the document against the embedded JSON Schema of
// kind. It returns every problem found, up to what a [problem.List]
// keeps; use [Read] to learn how many more there were. The schema's
// verdict always holds: where the schema rejects a place that no other
// check explains, the schema's own message is reported.
//
// Once the problems found fill a report ([problem.MaxReported] of them),
// Load stops decoding and skips the later stages, semantic and the
// schema, whose verdict cannot change the outcome: the document is
// rejected. It costs what [Read] costs.
func Load(data []byte, dst any, lim Limits, kind string, semantic func() []problem.Problem) []problem.Problem {
	var sem func() error
	if semantic != nil {
		sem = func() error {
			if ps := semantic(); len(ps) > 0 {
				return &problem.Error{Problems: ps}
			}
			return nil
		}
	}
	l := load(string(data), dst, lim, kind, sem)
	return l.Problems
}

func load(src string, dst any, lim Limits, kind string, semantic func() error) problem.List {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return problem.List{Problems: []problem.Problem{{Message: fmt.Sprintf("cannot decode into %T: not a non-nil pointer", dst)}}}
	}
	d := decode(src, rv.Type().Elem(), lim)
	l := d.dups
	if d.stop != nil {
		l.Append(*d.stop)
		return l
	}
	merge(&l, d.probs)
	if d.v.IsValid() {
		// Unknown fields, missing fields and repeated keys leave a
		// decodable document: decode it and run the semantic checks too,
		// so the caller hears of every problem at once.
		rv.Elem().Set(d.v)
		if semantic != nil {
			addSemantic(&l, semantic())
		}
	}
	if l.Full() {
		// The report is full: the schema cannot change the outcome.
		return l
	}
	doc, stop := d.schemaForm()
	if stop != nil { // cannot happen: decode read the same text
		l.Append(*stop)
		return l
	}
	sprobs, err := schema.Validate(kind, doc)
	doc = nil
	if err != nil {
		return problem.List{Problems: []problem.Problem{{Message: err.Error()}}}
	}
	addSchema(&l, sprobs)
	return l
}

// addSemantic merges the problems of the semantic checks into l, less
// the empty-value problems of fields l already reports missing: one
// problem, one report.
func addSemantic(l *problem.List, err error) {
	if err == nil {
		return
	}
	var pe *problem.Error
	if !errors.As(err, &pe) {
		l.Add("", err.Error())
		return
	}
	missing := map[string]bool{} // "object path\x00field" reported missing
	for _, p := range l.Problems {
		if name, ok := strings.CutPrefix(p.Message, "missing required field "); ok {
			missing[p.Path+"\x00"+name] = true
		}
	}
	for _, p := range pe.Problems {
		// Skip "the name is empty" after "missing required field
		// \"name\"".
		i := strings.LastIndexByte(p.Path, '/')
		if i >= 0 && missing[p.Path[:i]+"\x00"+strconv.Quote(p.Path[i+1:])] {
			continue
		}
		l.Append(p)
	}
	l.Omit(pe.Omitted)
}

// addSchema merges the schema's problems into l: those that one of l's
// explains, at the same place or (below the root) inside it, are left
// out.
func addSchema(l *problem.List, sprobs []problem.Problem) {
	if len(sprobs) == 0 {
		return
	}
	at, inside := map[string]bool{}, map[string]bool{}
	for _, p := range l.Problems {
		at[p.Path] = true
		for i := len(p.Path) - 1; i > 0; i-- {
			if p.Path[i] == '/' {
				if inside[p.Path[:i]] {
					break // its ancestors are in already
				}
				inside[p.Path[:i]] = true
			}
		}
	}
	for _, sp := range sprobs {
		if !at[sp.Path] && !inside[sp.Path] {
			l.Append(sp)
		}
	}
}
