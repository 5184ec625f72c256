package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
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
	b, err := e.read(e.framework)
	if err != nil {
		return nil, err
	}
	f, err := wlp.Load(bytes.NewReader(b))
	if err != nil {
		return nil, &docError{display(e.framework), problemsOf(err)}
	}
	return f, nil
}

// loadProfile reads a profile and checks it against f: a profile that
// rates IDs f does not know fails, as it fails `wlp validate`, so that a
// mistyped ID is not silently scored as 0. With -combine it merges the
// profile's reviews into its ratings (see combineProfile).
func (e *env) loadProfile(f *wlp.Framework, name string) (profile.Profile, error) {
	b, err := e.read(name)
	if err != nil {
		return profile.Profile{}, err
	}
	p, probs := checkProfile(b, f)
	if probs.Len() > 0 {
		return profile.Profile{}, &docError{display(name), probs}
	}
	return e.combineProfile(name, p)
}

// loadPerson loads the framework and, checked against it, the profile
// name: what every command about one person starts with.
func (e *env) loadPerson(name string) (*wlp.Framework, profile.Profile, error) {
	f, err := e.loadFramework()
	if err != nil {
		return nil, profile.Profile{}, err
	}
	p, err := e.loadProfile(f, name)
	return f, p, err
}

// loadProfiles loads every named profile and reports the problems of all
// of them at once.
func (e *env) loadProfiles(f *wlp.Framework, names []string) ([]profile.Profile, error) {
	var ps []profile.Profile
	var errs []error
	for _, n := range names {
		p, err := e.loadProfile(f, n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ps = append(ps, p)
	}
	return ps, errors.Join(errs...)
}

// distinct fails when two profiles share an ID: team and assign name
// people by profile ID, so each must name one person.
func distinct(ps []profile.Profile, names []string) error {
	first := map[string]int{}
	for i, p := range ps {
		if j, ok := first[p.ID]; ok {
			return fmt.Errorf("%s and %s both have the profile ID %s; each person needs an ID of their own",
				display(names[j]), display(names[i]), problem.Quote(p.ID))
		}
		first[p.ID] = i
	}
	return nil
}

// checkTarget returns an error naming the framework's roles and jobs when
// id is neither.
func checkTarget(f *wlp.Framework, id string) error {
	if _, ok := f.Role(role.ID(id)); ok {
		return nil
	}
	if _, ok := f.Job(role.ID(id)); ok {
		return nil
	}
	var roles, jobs []string
	for _, r := range f.Roles() {
		roles = append(roles, string(r.ID))
	}
	for _, j := range f.Jobs() {
		jobs = append(jobs, string(j.ID))
	}
	msg := fmt.Sprintf("unknown target %s: not a role or job of framework %s", problem.Quote(id), problem.Quote(f.ID()))
	if len(roles) > 0 {
		msg += "; roles: " + someOf(roles, maxListed)
	}
	if len(jobs) > 0 {
		msg += "; jobs: " + someOf(jobs, maxListed)
	}
	return errors.New(clean(msg))
}

// swappedTarget returns err, the first argument's failure as a target,
// or misuse when the last argument is a target instead: the user wrote
// the target last, as chart -team wants it. what names the argument as
// the usage line does.
func swappedTarget(f *wlp.Framework, args []string, what string, err error) error {
	last := args[len(args)-1]
	for _, id := range strings.Split(last, ",") {
		if checkTarget(f, id) != nil {
			return err
		}
	}
	return usageError(fmt.Sprintf("%s comes first, then the profiles (%s, the last argument, is a role or job)", what, problem.Quote(last)))
}

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

// writeJSON writes v as indented JSON, without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
