package problem

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is one thing wrong with a document, and where. It is a plain,
// comparable value: == tells duplicates apart, and a Problem can key a
// map. The package doc explains paths.
type Problem struct {
	// Path is a JSON pointer (RFC 6901) to the offending value, such as
	// "/roles/2/requirements/0/level"; "" is the whole document.
	Path string `json:"path"`
	// Message says what is wrong, such as "7 is above the scale's top level 5".
	Message string `json:"message"`
}

// String returns "path: message", or the message alone for the whole
// document. A path or message with control characters (which document
// keys may hold) is escaped, so that one problem is always one line. A
// reference token of the path longer than MaxQuoted bytes is shortened
// for display, as Quote shortens a value: to its first runes, "..." and
// its length in bytes; a path of more than 256 bytes and 16 levels shows
// its first and last 8 levels and how many lie between. The shortened
// text is no longer a JSON pointer; Path itself always is one, in full.
//
// String costs time and memory linear in the length of the path and
// message.
func (p Problem) String() string {
	msg := p.Message
	if hasControl(msg) {
		msg = escape(msg)
	}
	if p.Path == "" {
		return msg
	}
	path := shortenPath(p.Path)
	if hasControl(path) {
		path = strconv.Quote(path)
	}
	return path + ": " + msg
}

// maxShownPath is the longest pointer String shows whole; past it, a
// pointer of more than 2*shownLevels levels shows its first and last
// shownLevels levels only.
const (
	maxShownPath = 256
	shownLevels  = 8
)

// shortenPath shortens each reference token of path that is longer than
// MaxQuoted bytes, and a path of thousands of levels, for display.
func shortenPath(path string) string {
	if len(path) <= MaxQuoted {
		return path
	}
	if len(path) > maxShownPath {
		// A pointer thousands of levels deep: its first and last
		// levels, and how many lie between.
		toks := strings.Split(path[1:], "/")
		if len(toks) > 2*shownLevels {
			mid := len(toks) - 2*shownLevels
			path = "/" + strings.Join(toks[:shownLevels], "/") +
				fmt.Sprintf("/...(%d more levels)/", mid) +
				strings.Join(toks[len(toks)-shownLevels:], "/")
		}
	}
	long := false
	for tok := range strings.SplitSeq(path[1:], "/") {
		if len(tok) > MaxQuoted {
			long = true
			break
		}
	}
	if !long {
		return path
	}
	var b strings.Builder
	for tok := range strings.SplitSeq(path[1:], "/") {
		b.WriteByte('/')
		if len(tok) <= MaxQuoted {
			b.WriteString(tok)
			continue
		}
		fmt.Fprintf(&b, "%s...(%d bytes)", tok[:runeCut(tok, MaxQuoted)], len(tok))
	}
	return b.String()
}

// runeCut returns the largest n <= max at which s can be cut without
// splitting a rune.
func runeCut(s string, max int) int {
	if len(s) <= max {
		return len(s)
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return max
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' })
}

// escape writes control characters of s as Go escapes, without quotes.
func escape(s string) string {
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// MaxReported is how many problems one Error lists at the most. A hostile
// document can hold millions of problems; past this many, an Error counts
// the rest in Omitted instead of keeping them, so a report costs memory in
// proportion to what it shows.
const MaxReported = 1000

// MaxReportedBytes bounds the total length in bytes of the paths and
// messages one List (and so one Error) keeps, besides its first problem,
// which it always keeps. Messages are short, but a path holds the keys
// of a document, and a document can hold keys of megabytes: without this
// bound, a thousand problems under one long key would cost a thousand
// times the key.
const MaxReportedBytes = 1 << 20 // 1 MiB

// Error is the error of a document that failed: it lists the problems
// found in it, up to [MaxReported] (see the package doc for the cap), and
// counts the others in Omitted. Use errors.As to take it out of an error,
// and range over Problems to walk them. Build one with [New] or
// [List.Err].
type Error struct {
	// Package is the name of the reporting package, such as "wlp".
	Package string `json:"-"`
	// Problems lists the problems kept, in the order they were found.
	Problems []Problem `json:"problems"`
	// Omitted counts the problems found past those listed (after the
	// first MaxReported, or past MaxReportedBytes), which are not listed.
	// It is a lower bound: once its list is full, a loader finishes
	// reading the document but checks nothing further, so fixing the
	// listed problems can bring others to light.
	Omitted int `json:"omitted,omitempty"`
}

// New returns an *Error for pkg listing probs, keeping what a List keeps
// (the first MaxReported, within MaxReportedBytes) and counting the rest,
// plus omitted more, in Omitted. The Error holds a copy of what it keeps:
// changing probs afterwards leaves it alone.
//
// New costs O(len(probs)) time and O(problems kept) memory.
func New(pkg string, probs []Problem, omitted int) *Error {
	var l List
	l.Append(probs...)
	return &Error{Package: pkg, Problems: l.Problems, Omitted: l.Omitted + omitted}
}

// Error returns one line per problem, each starting with the package
// name, and a last line counting the problems not listed, if any: "and at
// least N more problems, not listed" (see Omitted). Problem.String
// writes each line, so that one problem is always one line. An Error that
// lists and counts nothing reads "PACKAGE: invalid document".
//
// Error costs time and memory linear in the length of the problems
// listed, which MaxReportedBytes bounds.
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Package)
		b.WriteString(": ")
		b.WriteString(p.String())
	}
	if e.Omitted > 0 {
		if len(e.Problems) > 0 {
			b.WriteByte('\n')
		}
		noun := "problems"
		if e.Omitted == 1 {
			noun = "problem"
		}
		fmt.Fprintf(&b, "%s: and at least %d more %s, not listed", e.Package, e.Omitted, noun)
	}
	if len(e.Problems) == 0 && e.Omitted == 0 {
		b.WriteString(e.Package + ": invalid document")
	}
	return b.String()
}

// List accumulates problems, keeping the first MaxReported (within
// MaxReportedBytes) and counting the rest. It keeps a prefix of the
// problems added: once one is counted and not kept, so is every later
// one. The zero List is empty and ready to use; [List.Err] turns it into
// the error to return.
type List struct {
	// Problems holds the problems kept, in the order they were added.
	Problems []Problem
	// Omitted counts the problems added past those kept.
	Omitted int
	// size is the bytes of the kept paths and messages.
	size int
	// closed is set once a problem was not kept.
	closed bool
}

// Add records a problem at path (a JSON pointer, "" for the whole
// document) with message msg. Build the path with [Join].
func (l *List) Add(path, msg string) {
	l.Append(Problem{Path: path, Message: msg})
}

// Append records problems, keeping those that fit and counting the rest
// in Omitted. It costs O(len(ps)) time.
func (l *List) Append(ps ...Problem) {
	for _, p := range ps {
		if !l.Fits(len(p.Path) + len(p.Message)) {
			l.Omit(1)
			continue
		}
		l.size += len(p.Path) + len(p.Message)
		l.Problems = append(l.Problems, p)
	}
}

// Fits reports whether a problem whose path and message take n bytes
// would be kept. A caller that builds a costly path can ask first, and
// Omit the problem instead.
func (l *List) Fits(n int) bool {
	switch {
	case l.Full():
		return false
	case len(l.Problems) == 0:
		return true
	}
	return l.size+n <= MaxReportedBytes
}

// Full reports whether the list keeps no more problems: every problem
// added from now on is only counted.
func (l *List) Full() bool {
	return l.closed || len(l.Problems) >= MaxReported
}

// Omit counts n problems without keeping them; the list keeps no more.
func (l *List) Omit(n int) {
	if n > 0 {
		l.Omitted += n
		l.closed = true
	}
}

// Len reports how many problems were added, listed or not.
func (l *List) Len() int { return len(l.Problems) + l.Omitted }

// Err returns nil when l is empty, else an *Error for pkg (the name of
// the reporting package, such as "wlp", which starts each line of its
// text) with the problems kept and the count of the others. The Error
// holds a copy of the problems: adding to l afterwards leaves it alone.
func (l *List) Err(pkg string) error {
	if l.Len() == 0 {
		return nil
	}
	return New(pkg, l.Problems, l.Omitted)
}

// AppendError records the problems of err, for a checker that builds on
// one of this module's. When err is or wraps an *Error (as errors.As
// finds it), AppendError appends its Problems, as Append keeps them, and
// counts its Omitted, as Omit counts them. Any other error becomes one
// problem of the whole document, whose message is err's text. A non-nil
// err always adds at least one to Len, so that no failure is lost; a nil
// err adds nothing.
//
// AppendError costs O(problems err lists) time.
func (l *List) AppendError(err error) {
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		l.Add("", err.Error())
		return
	}
	switch {
	case e == nil:
		// A nil *Error in an interface: there is no text to take.
		l.Add("", "invalid document")
	case len(e.Problems) == 0 && e.Omitted == 0:
		l.Add("", err.Error())
	default:
		l.Append(e.Problems...)
		l.Omit(e.Omitted)
	}
}

// Compare orders two problems by place, then by message, in the manner of
// go/scanner's ErrorList.Sort: it returns a negative number when a comes
// first, a positive one when b does, and 0 only when they are equal. Sort
// problems with slices.SortFunc(ps, Compare).
//
// Places compare reference token by reference token, so a place comes
// right before the places inside it ("" before "/roles", "/roles/2" before
// "/roles/2/name"). Two tokens that are both array indexes (decimal
// digits) compare as numbers, so "/roles/9" comes before "/roles/10"; an
// index comes before any other token, and other tokens compare byte by
// byte. Object keys are thus in byte order, which may differ from their
// order in the document.
//
// Compare costs time linear in the length of the two paths and messages,
// and allocates nothing.
func Compare(a, b Problem) int {
	return cmp.Or(comparePaths(a.Path, b.Path), strings.Compare(a.Message, b.Message))
}

// comparePaths compares the reference tokens of two paths in turn, a path
// before those it is a prefix of.
func comparePaths(a, b string) int {
	for {
		ta, restA, moreA := strings.Cut(a, "/")
		tb, restB, moreB := strings.Cut(b, "/")
		if c := compareTokens(ta, tb); c != 0 {
			return c
		}
		switch {
		case moreA && moreB:
		case moreA:
			return 1
		case moreB:
			return -1
		default:
			return 0
		}
		a, b = restA, restB
	}
}

// compareTokens orders array indexes by number (then, for equal numbers
// such as "7" and "007", by text) before every other token, and other
// tokens byte by byte: a total order.
func compareTokens(a, b string) int {
	ia, ib := isIndex(a), isIndex(b)
	switch {
	case ia && ib:
		na, nb := strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
		return cmp.Or(cmp.Compare(len(na), len(nb)), strings.Compare(na, nb), strings.Compare(a, b))
	case ia:
		return -1
	case ib:
		return 1
	}
	return strings.Compare(a, b)
}

// isIndex reports whether tok is made of decimal digits only.
func isIndex(tok string) bool {
	for i := 0; i < len(tok); i++ {
		if tok[i] < '0' || tok[i] > '9' {
			return false
		}
	}
	return tok != ""
}

// MaxQuoted is how many bytes of a value Quote shows before it shortens it.
const MaxQuoted = 64

// Quote returns s as a Go string literal for a message, like
// strconv.Quote, but shortened when s is longer than MaxQuoted bytes: the
// first runes that fit, "...", and the whole length, so that a 10 KB value
// gives a message of about a hundred bytes. It costs O(MaxQuoted) time and
// memory, whatever the length of s.
func Quote(s string) string {
	if len(s) <= MaxQuoted {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%s... (%d bytes)", strconv.Quote(s[:runeCut(s, MaxQuoted)]), len(s))
}

// Escape escapes one reference token of a JSON pointer (RFC 6901): an
// object key's "~" becomes "~0" and its "/" becomes "~1". It costs
// O(len(tok)).
func Escape(tok string) string {
	if !strings.ContainsAny(tok, "~/") {
		return tok
	}
	tok = strings.ReplaceAll(tok, "~", "~0")
	return strings.ReplaceAll(tok, "/", "~1")
}

// Join appends reference tokens to pointer base, escaping each: an int is
// an array index, a string an object key, and any other value is written
// as fmt.Sprint writes it. Join("/roles", 2, "of") is "/roles/2/of". It
// costs time and memory linear in the length of the result.
func Join(base string, toks ...any) string {
	var b strings.Builder
	b.WriteString(base)
	for _, t := range toks {
		b.WriteByte('/')
		switch t := t.(type) {
		case int:
			b.WriteString(strconv.Itoa(t))
		case string:
			b.WriteString(Escape(t))
		default:
			b.WriteString(Escape(fmt.Sprint(t)))
		}
	}
	return b.String()
}
