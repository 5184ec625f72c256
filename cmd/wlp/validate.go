package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

// newValidate returns the validate command, its flags bound to e.
func newValidate(e *env) *Command {
	var kind string
	var ends xwalkEnds // -from and -to
	c := newCommand(&Command{
		Name:      "validate",
		UsageLine: "wlp validate [-framework FILE] [-from FRAMEWORK] [-to FRAMEWORK] [-json] [-csv] [-kind auto|framework|profile|crosswalk] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] FILE...",
		Short:     "check framework, profile and crosswalk documents and sheets, every problem with its place",
		Long: `Validate checks each FILE, a framework document, a profile or a
crosswalk, strictly: against its JSON Schema, then for what a schema cannot
say (duplicate keys and IDs, unknown IDs, group bounds). A profile is also
checked against the framework (the default, or the one -framework names): a
rating of an ID the framework does not know is a problem. A crosswalk is
also checked against the frameworks it maps: every item it links or notes
must be one of theirs, and a misspelt ID is a problem at its place
("/links/7/to: ... (did you mean ...?)"). -from and -to name those
frameworks (an embedded ID such as atd-2013, or a framework document);
without them they are the embedded frameworks the crosswalk names, and a
crosswalk between frameworks that are not embedded is checked on its own,
as its "ok" line says. A crosswalk's CASE package, as "wlp export -case
-crosswalk" writes it, is read back and checked as -crosswalk FILE reads
it (see "wlp help import"), against the same frameworks; a framework's
CASE package is for "wlp import -case" to check.

Each FILE's kind is told from its top-level fields ("ratings" or
"reviews" make a profile; "competencies", "areas", "roles", "jobs" or
"clusters" a framework; "links" with "from" or "to" a crosswalk); -kind
sets it for every FILE.

It prints "FILE: ok: ..." for a valid document and one line per problem for
an invalid one, "FILE: POINTER: message" (or "FILE: message" for the whole
document). With -json it prints an array of {file, kind, valid, problems};
for a sheet, JSON Lines or a JSON array it adds places, the place of each
problem in turn ({file, sheet, row, column, cell, line, pointer}).
The exit status is 1 when any FILE is invalid or unreadable.

With -csv it prints one row per valid file and one per problem, with the
columns file, kind (framework, profile or crosswalk), valid (yes or no), id (a valid
document's ID), where (the problem's JSON pointer, or its place in a
sheet or JSON Lines, such as row 7, column 'Coaching'; empty for the whole
file) and problem (empty for a valid file).

` + csvDoc,
		Example: `wlp validate examples/data/*.json
wlp validate -ignore Department,Manager examples/spreadsheet/team.csv
wlp validate -framework examples/frameworks/learning2.json jordan.json
wlp validate my-crosswalk.json
wlp validate -from ours-v1.json -to ours-v2.json ours-v1-to-v2.json`,
		MinArgs: 1,
		MaxArgs: -1,
		Run:     func(args []string) error { return runValidate(e, kind, ends, args) },
	})
	c.commonFlags(e, jsonDoc)
	c.csvFlag(e)
	c.Flag.StringVar(&kind, "kind", "auto", "the documents' kind: auto, framework, profile or crosswalk")
	c.Flag.StringVar(&ends.fromFlag, "from", "", "check crosswalks against `FRAMEWORK` as the framework they map from, an embedded ID or a file (default: the embedded one each names)")
	c.Flag.StringVar(&ends.toFlag, "to", "", "check crosswalks against `FRAMEWORK` as the framework they map to, an embedded ID or a file (default: the embedded one each names)")
	c.peopleFlags(e)
	return c
}

// The kinds of document validate checks.
const (
	kindFramework = "framework"
	kindProfile   = "profile"
	kindCrosswalk = "crosswalk"
)

// fileReport is validate's verdict on one file; -json prints a list of
// them.
type fileReport struct {
	// File names the file ("<stdin>" for standard input).
	File string `json:"file"`
	// Kind is what the file was checked as: framework, profile or
	// crosswalk.
	Kind string `json:"kind"`
	// Valid says whether the file has no problem.
	Valid bool `json:"valid"`
	// ID is a valid document's ID.
	ID string `json:"id,omitempty"`
	// Problems lists the first problem.MaxReported problems.
	Problems []wlp.Problem `json:"problems"`
	// Omitted counts the problems found past those listed.
	Omitted int `json:"omitted,omitempty"`
	// Places gives, for a file read as people (a sheet, JSON Lines, a
	// JSON array), the place of each problem in Problems, in the same
	// order: its row, column and cell, or its line, and JSON pointer.
	Places  []people.Place `json:"places,omitempty"`
	summary string         // what a valid document holds, for the table
}

// count returns how many problems the file has, listed or not.
func (r fileReport) count() int { return len(r.Problems) + r.Omitted }

// runValidate is `wlp validate FILE...`: it checks each file as a
// document of the kind given (auto: told from its fields).
func runValidate(e *env, kind string, ends xwalkEnds, args []string) error {
	switch kind {
	case "auto", kindFramework, kindProfile, kindCrosswalk:
	default:
		return usageError(fmt.Sprintf("unknown -kind %s (want auto, framework, profile or crosswalk)", problem.Quote(kind)))
	}
	var f *wlp.Framework // loaded at the first profile
	// The frameworks -from and -to name, loaded now: an error in one is
	// the command's, not a crosswalk's.
	for _, s := range []struct {
		flag string
		f    **wlp.Framework
	}{{ends.fromFlag, &ends.from}, {ends.toFlag, &ends.to}} {
		if s.flag == "" {
			continue
		}
		fw, err := e.frameworkOf(s.flag)
		if err != nil {
			return err
		}
		*s.f = fw
	}
	var seen people.IDs // to tell the same person given twice, as the other commands do
	reports := make([]fileReport, 0, len(args))
	names, err := people.Expand(args)
	if err != nil {
		for _, p := range err.(*people.Error).Problems {
			r := fileReport{File: fullName(p.Place.File), Problems: []wlp.Problem{{Message: p.Message}}}
			reports = append(reports, r)
		}
	}
	for _, name := range names {
		r := fileReport{File: fullName(name)}
		var probs problem.List
		var b []byte
		src, done, err := e.open(name)
		if err == nil {
			// A sheet, JSON Lines or a JSON array is read whole, as a
			// stream; a document, at most maxInput bytes of it.
			head, _ := src.Peek(sniffBytes)
			if !isDocument(name, head) && (kind == "auto" || kind == kindProfile) {
				if f == nil {
					if f, err = e.loadFramework(); err != nil {
						done()
						return err
					}
				}
				r = e.validatePeople(name, src, f, &seen)
				done()
				if r.Problems == nil {
					r.Problems = []wlp.Problem{}
				}
				r.Valid = r.count() == 0
				reports = append(reports, r)
				continue
			}
			b, err = io.ReadAll(io.LimitReader(src, maxInput))
			done()
			if err != nil {
				err = fileError(name, err)
			}
		}
		if err != nil {
			probs = err.(*docError).problems
		} else if (kind == "auto" || kind == kindCrosswalk) && isCASEPackage(b) {
			r.Kind = kindCrosswalk
			probs = e.validateCrosswalkPackage(&r, name, b, ends)
		} else {
			r.Kind = kind
			if r.Kind == "auto" {
				r.Kind = detectKind(b)
			}
			if r.Kind == kindFramework {
				probs = validateFramework(&r, b)
			} else if r.Kind == kindCrosswalk {
				probs = validateCrosswalk(&r, b, ends)
			} else {
				if f == nil {
					if f, err = e.loadFramework(); err != nil {
						return err
					}
				}
				probs = validateProfile(&r, b, f)
				if r.ID != "" {
					if err := seen.Add(people.Person{Profile: profile.Profile{ID: r.ID}, Place: people.Place{File: display(name)}}); err != nil {
						probs.Add("/id", err.(*people.Error).Problems[0].Message)
						r.ID = ""
					}
				}
			}
			probs = withSchema(probs, r.Kind, b)
		}
		r.Problems, r.Omitted = probs.Problems, probs.Omitted
		if r.Problems == nil {
			r.Problems = []wlp.Problem{}
		}
		r.Valid = r.count() == 0
		reports = append(reports, r)
	}

	failed, problems := 0, 0
	for _, r := range reports {
		if !r.Valid {
			failed++
			problems += r.count()
		}
	}
	if e.json {
		// A failed write is reported by run, which checks every write to
		// stdout; the summary below still goes to stderr.
		_ = writeJSON(e.stdout, reports)
	} else if e.csv {
		_ = validateCSV(e, reports) // a failed write is reported as above
	} else {
		for _, r := range reports {
			file := shorten(r.File, maxFileName)
			if r.Valid {
				say(e.stdout, "%s: ok: %s\n", file, r.summary)
				continue
			}
			fmt.Fprintln(e.stdout, (&docError{file, problem.List{Problems: r.Problems, Omitted: r.Omitted}}).Error())
		}
	}
	if failed > 0 {
		where := fmt.Sprintf("%d of %d files", failed, len(reports))
		if len(reports) == 1 {
			where = shorten(reports[0].File, maxFileName)
		}
		fmt.Fprintf(e.stderr, "wlp validate: %s in %s\n", plural(problems, "problem"), where)
		return errReported
	}
	return nil
}

// validateFramework checks a framework document and returns its
// problems; for a valid one it fills in r's ID and summary.
func validateFramework(r *fileReport, b []byte) problem.List {
	fw, err := wlp.Load(bytes.NewReader(b))
	if err != nil {
		return problemsOf(err)
	}
	r.ID = fw.ID()
	r.summary = frameworkSummary(fw)
	return problem.List{}
}

// frameworkSummary says what a valid framework holds: `framework
// "astd-2004": 12 competencies, ...`.
func frameworkSummary(fw *wlp.Framework) string {
	return fmt.Sprintf("framework %s: %s, %s, %s, %s", problem.Quote(fw.ID()),
		plural(len(fw.Competencies()), "competency"), plural(len(fw.Areas()), "area"),
		plural(len(fw.Roles()), "role"), plural(len(fw.Jobs()), "job"))
}

// validateCrosswalk checks a crosswalk document on its own and, when
// both frameworks it maps are known, against them: each side is the
// framework ends holds (from -from or -to), else the embedded framework
// the crosswalk names. For a valid crosswalk it fills in r's ID and
// summary.
func validateCrosswalk(r *fileReport, b []byte, ends xwalkEnds) problem.List {
	c, err := crosswalk.Load(bytes.NewReader(b))
	if err != nil {
		return problemsOf(err)
	}
	side := func(f *wlp.Framework, id string) *wlp.Framework {
		if f != nil {
			return f
		}
		if f, err := wlp.LoadEmbedded(id); err == nil {
			return f
		}
		return nil
	}
	from, to := side(ends.from, c.From), side(ends.to, c.To)
	var missing []string // the flags that would name the frameworks not known
	if from == nil {
		missing = append(missing, "-from")
	}
	if to == nil {
		missing = append(missing, "-to")
	}
	if len(missing) == 0 {
		if err := c.Check(from, to); err != nil {
			return problemsOf(err)
		}
	}
	r.ID = c.ID
	r.summary = crosswalkSummary(c, missing)
	return problem.List{}
}

// validateCrosswalkPackage checks a CASE package, from the file name,
// as a crosswalk's package read against its frameworks, as -crosswalk
// FILE reads it (see env.loadCrosswalk): each side is the framework ends
// holds, else the embedded one the package's "wlp" extension names. A
// framework's package is one problem that names the command that reads
// it. The warnings of reading the package go to standard error. For a
// valid crosswalk it fills in r's ID and summary.
func (e *env) validateCrosswalkPackage(r *fileReport, name string, b []byte, ends xwalkEnds) problem.List {
	c, err := e.crosswalkPackage(name, b, ends)
	if err != nil {
		if de, ok := err.(*docError); ok {
			return de.problems
		}
		var l problem.List
		l.Add("", err.Error())
		return l
	}
	r.ID = c.ID
	r.summary = crosswalkSummary(c, nil) + ", read from a CASE package"
	return problem.List{}
}

// crosswalkSummary says what a valid crosswalk holds: `crosswalk
// "atd-2013-to-atd-2020": 27 links, 3 new (checked against both
// frameworks)`; or, when the frameworks are not known and missing names
// the flags that would give them, "(not checked against its frameworks,
// which are not embedded: name them with -from and -to)".
func crosswalkSummary(c *crosswalk.Crosswalk, missing []string) string {
	s := fmt.Sprintf("crosswalk %s: %s", problem.Quote(c.ID), plural(len(c.Links), "link"))
	if n := len(c.Unmapped); n > 0 {
		s += fmt.Sprintf(", %d unmapped", n)
	}
	if n := len(c.New); n > 0 {
		s += fmt.Sprintf(", %d new", n)
	}
	switch len(missing) {
	case 0:
		s += " (checked against both frameworks)"
	case 1:
		side := map[string]string{"-from": c.From, "-to": c.To}[missing[0]]
		s += fmt.Sprintf(" (not checked against its frameworks: %s is not embedded; name it with %s)", problem.Quote(side), missing[0])
	default:
		s += " (not checked against its frameworks, which are not embedded: name them with -from and -to)"
	}
	return s
}

// validateProfile checks a profile document on its own and against f,
// and returns its problems; for a valid one it fills in r's ID and
// summary.
func validateProfile(r *fileReport, b []byte, f *wlp.Framework) problem.List {
	p, probs := checkProfile(b, f)
	if probs.Len() > 0 {
		return probs
	}
	r.ID = p.ID
	r.summary = profileSummary(p)
	return problem.List{}
}

// profileSummary says what a valid profile holds: `profile "dana", 21
// ratings: Dana Okafor`. The ID is quoted once (strconv.Quote escapes
// what needs escaping) and shortened when long.
func profileSummary(p profile.Profile) string {
	s := fmt.Sprintf("profile %s, %s", problem.Quote(p.ID), plural(len(p.Ratings), "rating"))
	if len(p.Reviews) > 0 {
		s += ", " + plural(len(p.Reviews), "review")
	}
	if p.Name != "" {
		s += ": " + shorten(p.Name, maxFileName)
	}
	return s
}

// checkProfile loads a profile document strictly and checks it against
// f, reporting every problem of both (see people.LoadProfile), capped as
// problem.List caps them.
func checkProfile(b []byte, f *wlp.Framework) (profile.Profile, problem.List) {
	p, err := people.LoadProfile(bytes.NewReader(b), f)
	if err != nil {
		return profile.Profile{}, problemsOf(err)
	}
	return p, problem.List{}
}

// detectKind tells a framework document from a profile, and both from a
// crosswalk, by their top-level fields. A document that is not a JSON
// object, or that names no kind's fields, is checked as a profile.
func detectKind(b []byte) string {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return kindProfile
	}
	fw, pr := 0, 0
	links, ends := false, false // a crosswalk's "links", and its "from" or "to"
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok {
		case "ratings", "reviews":
			pr++
		case "competencies", "areas", "roles", "jobs", "clusters", "version", "description":
			fw++
		case "links":
			links = true
		case "from", "to":
			ends = true
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	if links && ends {
		return kindCrosswalk
	}
	if fw > pr {
		return kindFramework
	}
	return kindProfile
}

// withSchema adds to probs what the JSON Schema of kind (framework,
// profile or crosswalk) finds wrong with the document b at places where probs has no
// problem, neither there nor inside (below the root), and returns the
// list. The loaders reject every document the schema rejects and name
// every place it faults (a differential test and fuzz target hold them
// to that), so this adds nothing unless they fall short: it is what
// makes validate check a document against its schema. A document that
// does not parse, or whose list is full, is left as it is.
//
// It costs what jsonx.Parse and schema.Validate cost, time and memory
// linear in the document, plus O(length of the places listed).
func withSchema(probs problem.List, kind string, b []byte) problem.List {
	if probs.Full() {
		return probs
	}
	doc, _, ok := jsonx.Parse(b, jsonx.Limits{MaxBytes: maxInput})
	if !ok {
		return probs
	}
	sk := schema.Profile
	switch kind {
	case kindFramework:
		sk = schema.Framework
	case kindCrosswalk:
		sk = schema.Crosswalk
	}
	sprobs, err := schema.Validate(sk, doc)
	if err != nil {
		probs.Add("", err.Error())
		return probs
	}
	// The places probs names, and those below the root that hold one.
	at, holds := map[string]bool{}, map[string]bool{}
	for _, p := range probs.Problems {
		at[p.Path] = true
		for i := len(p.Path) - 1; i > 0; i-- {
			if p.Path[i] == '/' {
				if holds[p.Path[:i]] {
					break // its ancestors are in already
				}
				holds[p.Path[:i]] = true
			}
		}
	}
	for _, sp := range sprobs {
		if !at[sp.Path] && !holds[sp.Path] {
			probs.Append(sp)
		}
	}
	return probs
}
