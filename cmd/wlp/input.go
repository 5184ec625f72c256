package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// maxInput bounds what wlp reads from one file: the larger of the
// loaders' bounds, plus one byte so that they see an oversize document
// and say so.
const maxInput = wlp.DefaultMaxBytes + 1

// stdinName is how standard input is named in messages.
const stdinName = "<stdin>"

// display returns how a file argument is named in messages: cleaned of
// control characters and shortened when very long.
func display(name string) string {
	if name == "-" {
		return stdinName
	}
	return shorten(name, maxFileName)
}

// fullName returns how a file argument is named in a JSON report: whole,
// cleaned of control characters.
func fullName(name string) string {
	if name == "-" {
		return stdinName
	}
	return clean(name)
}

// docError is a document that failed to load or validate, with the
// problems found in it: at most problem.MaxReported of them, and a count
// of the rest.
type docError struct {
	file     string // as displayed
	problems problem.List
}

// newDocError returns a *docError of one problem of the whole document.
func newDocError(file, msg string) *docError {
	e := &docError{file: file}
	e.problems.Add("", msg)
	return e
}

// Error returns one "FILE: POINTER: message" line per problem ("FILE:
// message" for a problem of the whole document), and "FILE: and at least
// N more problems, not listed" for those the list leaves out (see
// problem.Error.Omitted).
func (e *docError) Error() string {
	var b strings.Builder
	for i, p := range e.problems.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.file + ": " + p.String()) // long keys in the pointer shortened
	}
	if n := e.problems.Omitted; n > 0 {
		if len(e.problems.Problems) > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s: and at least %s, not listed", e.file, plural(n, "more problem"))
	}
	return b.String()
}

// problemsOf returns the problems err lists and how many more it found,
// or err itself as one problem of the whole document.
func problemsOf(err error) problem.List {
	var l problem.List
	l.AppendError(err) // capped, in case err is not
	return l
}

// read returns the contents of the named file, or of standard input for
// "-" (read once, however often it is named). It notes which file it
// read, so that -o does not write over it (see env.inputs). Errors are
// *docError.
func (e *env) read(name string) ([]byte, error) {
	if name == "-" {
		if !e.stdinDone {
			e.stdinDone = true
			if e.stdin == nil {
				e.stdin = strings.NewReader("")
			}
			if fh, ok := e.stdin.(*os.File); ok {
				e.noteInput(stdinName, fh)
			}
			e.stdinData, e.stdinErr = io.ReadAll(io.LimitReader(e.stdin, maxInput))
		}
		if e.stdinErr != nil {
			return nil, newDocError(stdinName, "reading: "+e.stdinErr.Error())
		}
		return e.stdinData, nil
	}
	fh, err := os.Open(name)
	if err != nil {
		return nil, fileError(name, err)
	}
	defer fh.Close()
	e.noteInput(display(name), fh)
	b, err := io.ReadAll(io.LimitReader(fh, maxInput))
	if err != nil {
		return nil, fileError(name, err)
	}
	return b, nil
}

// sniffBytes is how much of an input is looked at to tell its kind.
const sniffBytes = 64 << 10

// open opens the input name for reading as a stream, or standard input
// for "-" (once: named again, it is empty), noting it as read (see
// env.inputs). The caller calls done when it is through. Errors are
// *docError.
func (e *env) open(name string) (src *bufio.Reader, done func(), err error) {
	if name == "-" {
		r := io.Reader(strings.NewReader(""))
		if !e.stdinDone {
			r = e.stdinReader()
			e.stdinDone = true
		}
		return bufio.NewReaderSize(r, sniffBytes), func() {}, nil
	}
	fh, err := os.Open(name)
	if err != nil {
		return nil, nil, fileError(name, err)
	}
	e.noteInput(display(name), fh)
	return bufio.NewReaderSize(fh, sniffBytes), func() { fh.Close() }, nil
}

// fileError explains why a file cannot be read, without repeating its
// name.
func fileError(name string, err error) error {
	var pe *fs.PathError
	msg := err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file"
	case errors.Is(err, fs.ErrPermission):
		msg = "permission denied"
	case errors.As(err, &pe):
		msg = pe.Err.Error()
	}
	return newDocError(display(name), "cannot read: "+msg)
}

// loadFramework returns the framework -framework names, or the default.
func (e *env) loadFramework() (*wlp.Framework, error) {
	if e.framework == "" {
		return wlp.Default(), nil
	}
	return e.frameworkOf(e.framework)
}

// frameworkUsage is the usage of -framework, which every command but
// help, version and completion takes.
var frameworkUsage = "read the framework from `FILE` (\"-\" for standard input), or take the embedded one with that ID (" +
	strings.Join(wlp.Embedded(), ", ") + "), instead of the default " + wlp.DefaultID

// frameworkOf returns the framework arg names: an embedded framework by
// its ID (see wlp.Embedded), else the framework document in the file arg
// ("-" for standard input). A file named like an embedded ID is read as
// ./ID. A missing file whose name has no folder or extension in it may
// be a mistyped ID, so the error names the embedded IDs too.
func (e *env) frameworkOf(arg string) (*wlp.Framework, error) {
	ids := wlp.Embedded()
	if slices.Contains(ids, arg) {
		return wlp.LoadEmbedded(arg)
	}
	b, err := e.read(arg)
	if err != nil {
		if _, serr := os.Stat(arg); arg != "-" && errors.Is(serr, fs.ErrNotExist) && !strings.ContainsAny(arg, `./\`) {
			hint := didYouMean(arg, ids, "")
			if hint == "" {
				hint = " (" + orList(ids) + ")"
			}
			return nil, newDocError(display(arg), "cannot read: no such file, nor an embedded framework's ID"+hint)
		}
		return nil, err
	}
	f, err := wlp.Load(bytes.NewReader(b))
	if err != nil {
		return nil, &docError{display(arg), problemsOf(err)}
	}
	return f, nil
}

// peopleOptions returns how the command reads people, checked against
// f: the -sheet and -ignore flags, standard input for "-", and a note of
// each file read (for -o, and for the progress line).
func (e *env) peopleOptions(f *wlp.Framework, prog *progress) *people.Options {
	o := &people.Options{Framework: f, Sheet: e.sheet, Dates: e.dates, Stdin: e.stdinReader()}
	for col := range strings.SplitSeq(e.ignore, ",") {
		if col = strings.TrimSpace(col); col != "" {
			o.Ignore = append(o.Ignore, col)
		}
	}
	o.Opened = func(name string, fi fs.FileInfo) {
		e.inputs = append(e.inputs, input{display(name), fi})
		prog.opened(name)
	}
	return o
}

// stdinReader returns what "-" reads: standard input, noted as an input
// of the command when it is a file.
func (e *env) stdinReader() io.Reader {
	if e.stdinDone {
		return errReader{errors.New("standard input is read once, and was read already (as -framework -)")}
	}
	if e.stdin == nil {
		return strings.NewReader("")
	}
	if fh, ok := e.stdin.(*os.File); ok {
		e.noteInput(stdinName, fh)
	}
	return e.stdin
}

// errReader is a reader that fails with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// readPeople reads the people of every input args names (files, folders,
// glob patterns, "-"), checked against f, in any format the people
// package reads, merges each one's reviews as -combine says (see
// combineProfile), and reports every problem of every input at once.
// The same person given twice is a problem naming both places.
func (e *env) readPeople(f *wlp.Framework, args []string) ([]people.Person, error) {
	return e.readPeopleWith(f, args, true)
}

// readPeopleAsIs reads people as readPeople does, but leaves their
// reviews as they are.
func (e *env) readPeopleAsIs(f *wlp.Framework, args []string) ([]people.Person, error) {
	return e.readPeopleWith(f, args, false)
}

// readPeopleWith is readPeople, merging reviews when merge is set.
func (e *env) readPeopleWith(f *wlp.Framework, args []string, merge bool) ([]people.Person, error) {
	var out []people.Person
	if err := e.eachPerson(f, args, merge, func(p people.Person) { out = append(out, p) }); err != nil {
		return nil, err
	}
	return out, nil
}

// eachPerson reads the people of every input args names, as readPeople
// does, and hands each one to use as it is read, holding none of them
// itself: what lets rank read a million people in flat memory. When any
// input has a problem it goes on reading, to report every problem at
// once, and returns them; use has been handed the people read without a
// problem by then, which the caller drops. Reading nobody at all is an
// error too.
func (e *env) eachPerson(f *wlp.Framework, args []string, merge bool, use func(people.Person)) error {
	files, err := people.Expand(args)
	var probs problemLines
	if err != nil {
		probs.add(people.Place{}, placeLines(err))
	}
	prog := e.newProgress(len(files))
	n := 0
	for p, err := range people.All(files, e.peopleOptions(f, prog)) {
		probs.see(p.Place.File)
		if err != nil {
			probs.add(p.Place, placeLines(err))
			continue
		}
		prog.person()
		if merge {
			merged, cerr := e.combineProfile(p.Place.String(), p.Profile)
			if cerr != nil {
				probs.add(p.Place, placeLines(cerr))
				continue
			}
			p.Profile = merged
		}
		n++
		if probs.none() {
			use(p)
		}
	}
	prog.done()
	if !probs.none() {
		return probs.err()
	}
	if n == 0 {
		// A header-only sheet, an unfilled template or "[]": nothing to
		// score, which is never what the user meant.
		shown := make([]string, len(args))
		for i, a := range args {
			shown[i] = display(a)
		}
		verb := "hold"
		if len(args) == 1 {
			verb = "holds"
		}
		return fmt.Errorf("%s: %s no profile: fill in one row (or document) per person",
			clean(someOf(shown, maxListed)), verb)
	}
	return nil
}

// problemLines gathers the problems of reading people, to print them in
// the order of the inputs and of the places within each, whatever order
// they were found in (people.All finds duplicate IDs in files last), and
// at most problem.MaxReported of them, counting the rest: a file of a
// million bad lines costs no more than a thousand.
type problemLines struct {
	order map[string]int // the files, numbered as first seen
	kept  []placedLines
	more  int
}

// placedLines is one problem's lines and where it is.
type placedLines struct {
	file, at int // the file's number, and the place within it
	lines    []string
}

// see numbers file, the first time it is seen.
func (l *problemLines) see(file string) {
	if l.order == nil {
		l.order = map[string]int{}
	}
	if _, ok := l.order[file]; !ok && len(l.order) < 1<<20 {
		l.order[file] = len(l.order)
	}
}

// add keeps the lines of a problem at the place at, or counts them.
func (l *problemLines) add(at people.Place, lines []string) {
	if len(l.kept) >= problem.MaxReported {
		l.more += len(lines)
		return
	}
	l.see(at.File)
	pos := max(at.Line, at.Row)
	if n, err := strconv.Atoi(strings.TrimPrefix(at.Pointer, "/")); err == nil && pos == 0 {
		pos = n + 1 // an element of a JSON array
	}
	l.kept = append(l.kept, placedLines{file: l.order[at.File], at: pos, lines: lines})
}

// none reports whether there is no problem.
func (l *problemLines) none() bool { return len(l.kept) == 0 }

// err returns the problems as one error, in order.
func (l *problemLines) err() error {
	slices.SortStableFunc(l.kept, func(a, b placedLines) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.at, b.at))
	})
	var out linesError
	for _, k := range l.kept {
		out = append(out, k.lines...)
	}
	if l.more > 0 {
		out = append(out, fmt.Sprintf("and %s, not listed", plural(l.more, "more problem")))
	}
	return out
}

// loadProfiles loads the people of every input names, as readPeople
// does, and returns their profiles.
func (e *env) loadProfiles(f *wlp.Framework, names []string) ([]profile.Profile, error) {
	ps, err := e.readPeople(f, names)
	if err != nil {
		return nil, err
	}
	out := make([]profile.Profile, len(ps))
	for i, p := range ps {
		out[i] = p.Profile
	}
	return out, nil
}

// loadPerson loads the framework and, checked against it, the one person
// of the input name: what every command about one person starts with.
// An input of several people (a team's sheet) is an error that says
// which commands take them all.
func (e *env) loadPerson(name string) (*wlp.Framework, profile.Profile, error) {
	f, err := e.loadFramework()
	if err != nil {
		return nil, profile.Profile{}, err
	}
	ps, err := e.readPeople(f, []string{name})
	if err != nil {
		return f, profile.Profile{}, err
	}
	switch len(ps) {
	case 1:
		return f, ps[0].Profile, nil
	case 0:
		return f, profile.Profile{}, fmt.Errorf("%s: holds no profile", display(name))
	}
	return f, profile.Profile{}, fmt.Errorf("%s: holds %d people (the first two at %s and %s); %s takes one: "+
		"rank, team and assign take them all, and import splits them into one file each",
		display(name), len(ps), clean(ps[0].Place.String()), clean(ps[1].Place.String()), e.cmd.Name)
}

// placeLines returns the lines an error of the people package prints:
// one "place: message" per problem, cleaned of control characters, and
// one counting those not listed.
func placeLines(err error) []string {
	var pe *people.Error
	if !errors.As(err, &pe) {
		return strings.Split(err.Error(), "\n")
	}
	var out []string
	for _, p := range pe.Problems {
		at := p.Place
		at.File = display(at.File)
		pr := problem.Problem{Path: at.Pointer, Message: p.Message} // shortens a long pointer
		at.Pointer = ""
		out = append(out, clean(at.String()+": "+flagWording(pr.String())))
	}
	if pe.Omitted > 0 {
		out = append(out, fmt.Sprintf("and at least %s, not listed", plural(pe.Omitted, "more problem")))
	}
	return out
}

// apiHint matches the advice the people package gives both to Go
// programs and to wlp's users: "Options.Ignore (wlp -ignore Department)",
// "(Options.Dates, wlp -dates)".
var apiHint = regexp.MustCompile(`Options\.[A-Z][A-Za-z]* \(wlp (-[^)]*)\)|\(Options\.[A-Z][A-Za-z]*, wlp (-[^)]*)\)`)

// flagWording returns msg with the people package's advice worded for
// the command line alone: "skip the column with -ignore Department".
func flagWording(msg string) string {
	if !strings.Contains(msg, "Options.") {
		return msg
	}
	return apiHint.ReplaceAllStringFunc(msg, func(m string) string {
		sub := apiHint.FindStringSubmatch(m)
		if sub[1] != "" {
			return sub[1]
		}
		return "(" + sub[2] + ")"
	})
}

// linesError is an error of several lines, each printed after the
// command's name.
type linesError []string

func (l linesError) Error() string { return strings.Join(l, "\n") }

// maxListed is how many IDs a message lists before it counts the rest.
const maxListed = 20

// someOf joins the first max of ids with commas, and counts the rest:
// "a, b, c and 7 more".
func someOf(ids []string, max int) string {
	if len(ids) <= max {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:max], ", "), len(ids)-max)
}

// writeJSONArray writes the values seq yields as an indented JSON array,
// byte for byte what writeJSON writes for a slice of them, one value at
// a time: an array of a million results is never held whole.
func writeJSONArray(w io.Writer, seq iter.Seq[any]) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	bw := bufio.NewWriter(w)
	n := 0
	for v := range seq {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		sep := ",\n  "
		if n == 0 {
			sep = "[\n  "
		}
		n++
		bw.WriteString(sep)
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	if n == 0 {
		bw.WriteString("[]\n")
	} else {
		bw.WriteString("\n]\n")
	}
	return bw.Flush()
}

// writeJSON writes v as indented JSON, without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
