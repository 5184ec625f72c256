package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/suggest"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/role"
)

// targetSet holds the roles and jobs of a framework as the command line names
// them: by ID, or by ID or name in any case, spacing and punctuation
// ("business-partner", "Business Partner", "BUSINESS_PARTNER").
type targetSet struct {
	f      *wlp.Framework
	ids    []role.ID // the roles, then the jobs, in the framework's order
	names  []string  // the name of each role, the title of each job
	nroles int       // how many of ids are roles
}

// newTargets indexes f's roles and jobs. It costs a copy of them (see
// wlp.Framework.Roles).
func newTargets(f *wlp.Framework) *targetSet {
	t := &targetSet{f: f}
	for _, r := range f.Roles() {
		t.ids = append(t.ids, r.ID)
		t.names = append(t.names, r.Name)
	}
	t.nroles = len(t.ids)
	for _, j := range f.Jobs() {
		t.ids = append(t.ids, j.ID)
		t.names = append(t.names, j.Title)
	}
	return t
}

// find returns the indexes of the targets s names: the one whose ID is s,
// or else each one whose ID or name has the Key of s (see suggest.Key).
// It costs O(roles + jobs).
func (t *targetSet) find(s string) []int {
	if i := slices.Index(t.ids, role.ID(s)); i >= 0 {
		return []int{i}
	}
	k := suggest.Key(s)
	if k == "" {
		return nil
	}
	var out []int
	for i, id := range t.ids {
		if suggest.Key(string(id)) == k || suggest.Key(t.names[i]) == k {
			out = append(out, i)
		}
	}
	return out
}

// resolve returns the ID of the role or job s names, or an error that
// says why s names none (with the closest one it may mean, and the
// framework's roles and jobs) or several.
func (t *targetSet) resolve(s string) (role.ID, error) {
	m := t.find(s)
	switch len(m) {
	case 1:
		return t.ids[m[0]], nil
	case 0:
		return "", t.unknown(s)
	}
	var named []string
	for _, i := range m {
		named = append(named, t.describe(i))
	}
	return "", errors.New(clean(fmt.Sprintf("target %s names %s; give the ID of the one you mean",
		problem.Quote(s), andList(named))))
}

// resolveArg resolves arg, a target, or with list a comma-separated list
// of targets (assign's ROLE[,ROLE...]); an empty element of a list is
// misuse, and every unknown element is reported.
func (t *targetSet) resolveArg(arg string, list bool) ([]role.ID, error) {
	if !list {
		id, err := t.resolve(arg)
		if err != nil {
			return nil, err
		}
		return []role.ID{id}, nil
	}
	parts := strings.Split(arg, ",")
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			return nil, usageError(fmt.Sprintf("empty role in %s: separate roles and jobs with single commas", problem.Quote(arg)))
		}
	}
	var ids []role.ID
	var errs []error
	for _, p := range parts {
		id, err := t.resolve(strings.TrimSpace(p))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, id)
	}
	return ids, errors.Join(errs...)
}

// kind returns "role" or "job", the kind of the i-th target.
func (t *targetSet) kind(i int) string {
	if i < t.nroles {
		return "role"
	}
	return "job"
}

// describe names the i-th target for a message: "the role
// business-partner (Business partner)".
func (t *targetSet) describe(i int) string {
	return fmt.Sprintf("the %s %s (%s)", t.kind(i), t.ids[i], t.names[i])
}

// suggestion returns the index of the target s most likely means: the
// one whose ID or name is closest to s (see closest), or else the one
// whose name's initials s spells ("clo" for "Chief learning officer").
// It costs O(roles + jobs) comparisons.
func (t *targetSet) suggestion(s string) (int, bool) {
	cands := make([]string, 0, 2*len(t.ids))
	for _, id := range t.ids {
		cands = append(cands, string(id))
	}
	cands = append(cands, t.names...)
	if c, ok := closest(s, cands); ok {
		return slices.Index(cands, c) % len(t.ids), true
	}
	if k := suggest.Key(s); len(k) >= 2 {
		for i, n := range t.names {
			if initials(n) == k {
				return i, true
			}
		}
	}
	return 0, false
}

// initials returns the lower-case first letters of the words of name, or
// "" for a name of one word.
func initials(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range words {
		r := []rune(w)[0]
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// unknown returns the error for s, which names no target: the closest
// target s may mean, and the framework's roles and jobs, or that it has
// none (as the later ATD models, which define no roles).
func (t *targetSet) unknown(s string) error {
	msg := fmt.Sprintf("unknown target %s: not a role or job of framework %s", problem.Quote(s), problem.Quote(t.f.ID()))
	if len(t.ids) == 0 {
		msg = fmt.Sprintf("unknown target %s: framework %s has no roles or jobs to score against", problem.Quote(s), problem.Quote(t.f.ID()))
	}
	if name, ok := t.f.NameOf(competency.ID(s)); ok {
		// A competency or area where a role or job belongs.
		msg += fmt.Sprintf(" (%s is a competency or area a person is rated on; a target is a role or job, which requires such things)", name)
	}
	sep := "; "
	if i, ok := t.suggestion(s); ok {
		msg += fmt.Sprintf("; did you mean %s (%s)?", t.ids[i], t.names[i])
		sep = " "
	}
	if l := t.listing(); len(t.ids) > 0 {
		if sep == " " {
			l = strings.ToUpper(l[:1]) + l[1:] // a new sentence, after the question
		}
		msg += sep + l
	}
	return errors.New(clean(msg))
}

// listing lists the framework's roles and jobs by ID: "roles: a, b; jobs:
// c", at most maxListed of each; or "it has no roles or jobs".
func (t *targetSet) listing() string {
	if len(t.ids) == 0 {
		return "it has no roles or jobs"
	}
	var parts []string
	if t.nroles > 0 {
		parts = append(parts, "roles: "+someOf(idStrings(t.ids[:t.nroles]), maxListed))
	}
	if len(t.ids) > t.nroles {
		parts = append(parts, "jobs: "+someOf(idStrings(t.ids[t.nroles:]), maxListed))
	}
	return strings.Join(parts, "; ")
}

// idStrings returns ids as strings.
func idStrings(ids []role.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// fix returns arg, an unknown target or list of targets (with list), with
// each element replaced by the ID it names or most likely means, and true;
// or "" and false when an element means nothing.
func (t *targetSet) fix(arg string, list bool) (string, bool) {
	parts := []string{arg}
	if list {
		parts = strings.Split(arg, ",")
	}
	for i, p := range parts {
		if m := t.find(strings.TrimSpace(p)); len(m) == 1 {
			parts[i] = string(t.ids[m[0]])
			continue
		}
		j, ok := t.suggestion(strings.TrimSpace(p))
		if !ok {
			return "", false
		}
		parts[i] = string(t.ids[j])
	}
	return strings.Join(parts, ","), true
}

// isInput reports whether arg names people's profiles rather than a
// target: "-" (standard input), a name ending as a profile file does
// (.json, .jsonl, .ndjson, .csv, .xlsx), a file or folder that exists,
// or a glob pattern that matches. It costs at most a stat or a glob.
func isInput(arg string) bool {
	if arg == "-" {
		return true
	}
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".json", ".jsonl", ".ndjson", ".csv", ".xlsx":
		return true
	}
	if _, err := os.Stat(arg); err == nil {
		return true
	}
	if strings.ContainsAny(arg, "*?[") {
		m, _ := filepath.Glob(arg)
		return len(m) > 0
	}
	return false
}

// leadTarget resolves args[0], the target of a command whose arguments
// are the target, then the people (with list, assign's ROLE[,ROLE...]
// list), against f; one says the command takes one profile.
//
// Arguments in the other order are misuse, answered with the corrected
// command line: when args[0] is not a target but the last argument is,
// or when args[0] names profiles (see isInput). It returns misuse as err,
// to report at once, and an unknown target as bad, for the caller to
// report with the problems of the profiles, so that one run lists every
// problem. It costs a copy of f's roles and jobs, and for a target it
// does not know a stat or a glob of args[0].
func (e *env) leadTarget(f *wlp.Framework, args []string, list, one bool) (ids []role.ID, bad, err error) {
	t := newTargets(f)
	ids, bad = t.resolveArg(args[0], list)
	var ue usageError
	if bad == nil || errors.As(bad, &ue) {
		return ids, nil, bad
	}
	head := "the target comes first, then the profile"
	if list {
		head = "the roles come first, then the profile"
	}
	if !one {
		head += "s"
	}
	last := args[len(args)-1]
	if len(args) > 1 {
		if lids, err := t.resolveArg(last, list); err == nil {
			line := e.commandLine(nil, append([]string{joinIDs(lids)}, args[:len(args)-1]...))
			return nil, nil, usageError(head + ": " + line)
		}
	}
	if !isInput(args[0]) {
		return nil, bad, nil
	}
	if len(args) > 1 && !isInput(last) {
		// The target came last, mistyped.
		if fixed, ok := t.fix(last, list); ok {
			line := e.commandLine(nil, append([]string{fixed}, args[:len(args)-1]...))
			return nil, nil, usageError(fmt.Sprintf("%s, and %s names no role or job: did you mean %s?", head, problem.Quote(last), line))
		}
		line := e.commandLine(nil, append([]string{"TARGET"}, args[:len(args)-1]...))
		return nil, nil, usageError(fmt.Sprintf("%s, and %s names no role or job of framework %s (%s): %s",
			head, problem.Quote(last), problem.Quote(f.ID()), t.listing(), line))
	}
	// No argument is a target.
	msg := fmt.Sprintf("%s names profiles, not a role or job: %s (%s)", problem.Quote(args[0]), head, t.listing())
	if !one || len(args) == 1 {
		msg += ": " + e.commandLine(nil, append([]string{"TARGET"}, args...))
	}
	return nil, nil, usageError(msg)
}

// targetsFront returns args with the last argument moved to the front
// when it is a target and the first is not: the order the commands want.
func targetsFront(f *wlp.Framework, args []string, list bool) []string {
	if len(args) < 2 {
		return args
	}
	t := newTargets(f)
	if _, err := t.resolveArg(args[0], list); err == nil {
		return args
	}
	if _, err := t.resolveArg(args[len(args)-1], list); err != nil {
		return args
	}
	return append([]string{args[len(args)-1]}, args[:len(args)-1]...)
}

// joinIDs joins ids with commas.
func joinIDs(ids []role.ID) string {
	return strings.Join(idStrings(ids), ",")
}
