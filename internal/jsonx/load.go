package jsonx

import (
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/wlpmodel/wlp/problem"
)

// A Check reports what is wrong with a decoded document that its Go type
// cannot say (such as an unknown ID), as nil or an error; a
// *problem.Error is merged problem by problem, its Omitted count
// included.
//
// whole is false when some values of the document could not be read (a
// value of the wrong type, a number out of range, a null): a problem
// names each, and the decoded value holds the zero value in its place.
// The check should then report only what is wrong with each value on its
// own, and not compare a value with others, such as a reference with the
// IDs declared, since those may be among the values not read. Its
// problems at a value not read, inside one, or around one (at a place
// that holds one, other than the whole document) are left out: they
// would only restate that the value is missing.
type Check func(whole bool) error

// Read reads one document from r into dst, a non-nil pointer, strictly
// and in order: it parses the document (size, UTF-8, repeated keys,
// nesting, trailing data) while checking it against dst's Go type and
// decoding it, and then runs check, if not nil, on what it decoded. It
// returns nil or a *problem.Error for pkg (such as "wlp") listing every
// problem found, up to what a [problem.List] keeps. A read error and a
// document over the size bound are problems too. A problem of check at
// the place of a required field reported missing (such as "the name is
// empty") is left out: one problem, one report.
//
// Once the problems found fill a report ([problem.MaxReported] of them),
// Read stops decoding and does not run check, whose verdict cannot
// change the outcome: the document is rejected. dst holds what was
// decoded, whatever the outcome; a caller returns it only on success.
//
// Read costs O(n) time and memory for a document of n bytes, whatever
// its shape or nesting, plus the cost of check. It allocates at most
// 40 bytes per byte of a document rejected while it is read (2 to 7 for
// most hostile shapes: the reader stops decoding when the report is
// full) and at most 150 per byte of any other: 5 to 15 for documents of
// words, about 36 at worst, for documents of tiny values (a profile of
// tiny reviews, a map each). Most of that is the decoded value: at its
// peak the memory in use is up to about 25 times the document. The tests
// check these bounds, in bytes allocated.
func Read(r io.Reader, dst any, lim Limits, pkg string, check Check) error {
	src, pr := readString(r, lim)
	if pr != nil {
		return problem.New(pkg, []problem.Problem{*pr}, 0)
	}
	l := load(src, dst, lim, check)
	return l.Err(pkg)
}

func load(src string, dst any, lim Limits, check Check) problem.List {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return problem.List{Problems: []problem.Problem{{Message: fmt.Sprintf("cannot decode into %T: not a non-nil pointer", dst)}}}
	}
	// Decode straight into dst, which then holds what was decoded,
	// whatever the outcome: see Read.
	out := rv.Elem()
	out.SetZero()
	d := decode(src, out, lim)
	l := d.dups
	if d.stop != nil {
		l.Append(*d.stop)
		return l
	}
	merge(&l, d.probs)
	if !d.v.IsValid() {
		return l // the report is full
	}
	// Unknown fields, missing fields, repeated keys and values not read
	// leave a document that is decoded all the same: run the checks too,
	// so that the caller hears of every problem at once.
	if check != nil {
		addChecked(&l, check(len(d.holes) == 0), d.holes, d.missing)
	}
	return l
}

// addChecked merges the problems of a check into l, less those at a
// required field reported missing, and those at, inside or around a
// value not read (below the whole document): see [Check]. It costs time
// linear in the lengths of the places compared.
func addChecked(l *problem.List, err error, holes, missing []string) {
	if err == nil {
		return
	}
	var pe *problem.Error
	if !errors.As(err, &pe) {
		l.Add("", err.Error())
		return
	}
	skip := make(map[string]bool, len(missing)+len(holes))
	for _, m := range missing {
		skip[m] = true
	}
	hole, around := make(map[string]bool, len(holes)), map[string]bool{}
	for _, h := range holes {
		hole[h] = true
		for i := len(h) - 1; i > 0; i-- {
			if h[i] == '/' {
				if around[h[:i]] {
					break // its ancestors are in already
				}
				around[h[:i]] = true
			}
		}
	}
	for _, p := range pe.Problems {
		if skip[p.Path] || around[p.Path] || inHole(hole, p.Path) {
			continue
		}
		l.Append(p)
	}
	l.Omit(pe.Omitted)
}

// inHole reports whether path is one of holes or inside one.
func inHole(holes map[string]bool, path string) bool {
	if len(holes) == 0 {
		return false
	}
	if holes[path] {
		return true
	}
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' && holes[path[:i]] {
			return true
		}
	}
	return false
}
