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
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// maxInput bounds what wlp reads from one file: the larger of the
// loaders' bounds, plus one byte so that they see an oversize document
// and say so.
const maxInput = wlp.DefaultMaxBytes + 1

// stdinName is how standard input is named in messages.
const stdinName = "<stdin>"

// display returns how a file argument is named in messages.
func display(name string) string {
	if name == "-" {
		return stdinName
	}
	return clean(name)
}

// docError is a document that failed to load or validate, with every
// problem found in it.
type docError struct {
	file     string // as displayed
	problems []wlp.Problem
}

// Error returns one "FILE: POINTER: message" line per problem ("FILE:
// message" for a problem of the whole document).
func (e *docError) Error() string {
	lines := make([]string, len(e.problems))
	for i, p := range e.problems {
		lines[i] = e.file + ": " + p.String()
	}
	return strings.Join(lines, "\n")
}

// problemsOf returns the problems err lists, or err itself as one problem
// of the whole document.
func problemsOf(err error) []wlp.Problem {
	var ve *wlp.ValidationError // the same type as *profile.ValidationError
	if errors.As(err, &ve) && len(ve.Problems) > 0 {
		return ve.Problems
	}
	return []wlp.Problem{{Message: err.Error()}}
}

// read returns the contents of the named file, or of standard input for
// "-" (read once, however often it is named). Errors are *docError.
func (e *env) read(name string) ([]byte, error) {
	if name == "-" {
		if !e.stdinDone {
			e.stdinDone = true
			if e.stdin == nil {
				e.stdin = strings.NewReader("")
			}
			e.stdinData, e.stdinErr = io.ReadAll(io.LimitReader(e.stdin, maxInput))
		}
		if e.stdinErr != nil {
			return nil, &docError{stdinName, []wlp.Problem{{Message: "reading: " + e.stdinErr.Error()}}}
		}
		return e.stdinData, nil
	}
	fh, err := os.Open(name)
	if err != nil {
		return nil, fileError(name, err)
	}
	defer fh.Close()
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
	return &docError{display(name), []wlp.Problem{{Message: "cannot read: " + msg}}}
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
	if len(probs) > 0 {
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
			return fmt.Errorf("%s and %s both have the profile ID %q; each person needs an ID of their own",
				display(names[j]), display(names[i]), clean(p.ID))
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
	msg := fmt.Sprintf("unknown target %q: not a role or job of framework %q", id, f.ID())
	if len(roles) > 0 {
		msg += "; roles: " + strings.Join(roles, ", ")
	}
	if len(jobs) > 0 {
		msg += "; jobs: " + strings.Join(jobs, ", ")
	}
	return errors.New(clean(msg))
}

// writeJSON writes v as indented JSON, without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
