// Package problem collects validation problems, each located by a JSON
// pointer, into one error. The public packages re-export its types.
package problem

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Problem is one thing wrong with a document, and where.
type Problem struct {
	// Path is a JSON pointer (RFC 6901) to the offending value, such as
	// "/roles/2/requirements/0/level"; "" is the whole document.
	Path string `json:"path"`
	// Message says what is wrong, such as "7 is above the scale's top level 5".
	Message string `json:"message"`
}

// String returns "path: message", or the message alone for the whole
// document. A path or message with control characters (which document
// keys may hold) is escaped, so that one problem is always one line.
func (p Problem) String() string {
	msg := p.Message
	if hasControl(msg) {
		msg = escape(msg)
	}
	if p.Path == "" {
		return msg
	}
	path := p.Path
	if hasControl(path) {
		path = strconv.Quote(path)
	}
	return path + ": " + msg
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' })
}

// escape writes control characters of s as Go escapes, without quotes.
func escape(s string) string {
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// Error lists every problem found in one document.
type Error struct {
	// Package is the name of the reporting package, such as "wlp".
	Package string `json:"-"`
	// Problems lists the problems in document order.
	Problems []Problem `json:"problems"`
}

// Error returns one line per problem, each starting with the package name.
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
	if len(e.Problems) == 0 {
		b.WriteString(e.Package + ": invalid document")
	}
	return b.String()
}

// List accumulates problems.
type List struct {
	Problems []Problem
}

// Add records a problem at path.
func (l *List) Add(path, msg string) {
	l.Problems = append(l.Problems, Problem{Path: path, Message: msg})
}

// Err returns nil when l is empty, else an *Error for pkg.
func (l *List) Err(pkg string) error {
	if len(l.Problems) == 0 {
		return nil
	}
	return &Error{Package: pkg, Problems: l.Problems}
}

// Escape escapes one reference token of a JSON pointer (RFC 6901).
func Escape(tok string) string {
	if !strings.ContainsAny(tok, "~/") {
		return tok
	}
	tok = strings.ReplaceAll(tok, "~", "~0")
	return strings.ReplaceAll(tok, "/", "~1")
}

// Join appends reference tokens to pointer base, escaping each.
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
