// Package problem collects validation problems, each located by a JSON
// pointer, into one error. The public packages re-export its types.
package problem

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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

// MaxReported is how many problems one Error lists at the most. A hostile
// document can hold millions of problems; past this many, an Error counts
// the rest in Omitted instead of keeping them, so a report costs memory in
// proportion to what it shows.
const MaxReported = 1000

// Error lists every problem found in one document, up to MaxReported.
type Error struct {
	// Package is the name of the reporting package, such as "wlp".
	Package string `json:"-"`
	// Problems lists the problems in document order.
	Problems []Problem `json:"problems"`
	// Omitted counts the problems found after the first MaxReported, which
	// are not listed.
	Omitted int `json:"omitted,omitempty"`
}

// New returns an *Error for pkg listing probs, keeping the first
// MaxReported and counting the rest (plus omitted more) in Omitted.
func New(pkg string, probs []Problem, omitted int) *Error {
	if len(probs) > MaxReported {
		omitted += len(probs) - MaxReported
		probs = probs[:MaxReported:MaxReported]
	}
	return &Error{Package: pkg, Problems: probs, Omitted: omitted}
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
	if e.Omitted > 0 {
		if len(e.Problems) > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s: and %d more problems, not listed", e.Package, e.Omitted)
	}
	if len(e.Problems) == 0 && e.Omitted == 0 {
		b.WriteString(e.Package + ": invalid document")
	}
	return b.String()
}

// List accumulates problems, keeping the first MaxReported and counting
// the rest.
type List struct {
	Problems []Problem
	// Omitted counts the problems added after the first MaxReported.
	Omitted int
}

// Add records a problem at path.
func (l *List) Add(path, msg string) {
	l.Append(Problem{Path: path, Message: msg})
}

// Append records problems, keeping the first MaxReported.
func (l *List) Append(ps ...Problem) {
	for _, p := range ps {
		if len(l.Problems) >= MaxReported {
			l.Omitted++
			continue
		}
		l.Problems = append(l.Problems, p)
	}
}

// Len reports how many problems were added, listed or not.
func (l *List) Len() int { return len(l.Problems) + l.Omitted }

// Err returns nil when l is empty, else an *Error for pkg.
func (l *List) Err(pkg string) error {
	if l.Len() == 0 {
		return nil
	}
	return New(pkg, l.Problems, l.Omitted)
}

// MaxQuoted is how many bytes of a value Quote shows before it shortens it.
const MaxQuoted = 64

// Quote returns s as a Go string literal for a message, like
// strconv.Quote, but shortened when s is longer than MaxQuoted bytes: the
// first runes that fit, "...", and the whole length, so that a 10 KB value
// gives a message of about a hundred bytes.
func Quote(s string) string {
	if len(s) <= MaxQuoted {
		return strconv.Quote(s)
	}
	cut := MaxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s... (%d bytes)", strconv.Quote(s[:cut]), len(s))
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
