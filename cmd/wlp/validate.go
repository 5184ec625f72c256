package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/profile"
)

var validateCmd = &command{
	name:  "validate",
	args:  "[-framework FILE] [-json] [-kind auto|framework|profile] FILE...",
	short: "check framework and profile documents, every problem with its JSON pointer",
	long: `Validate checks each FILE, a framework document or a profile, strictly:
against its JSON Schema, then for what a schema cannot say (duplicate keys
and IDs, unknown IDs, group bounds). A profile is also checked against the
framework (the default, or the one -framework names): a rating of an ID the
framework does not know is a problem.

Each FILE's kind is told from its top-level fields ("ratings" or
"reviews" make a profile; "competencies", "areas", "roles", "jobs" or "clusters" a
framework); -kind sets it for every FILE.

It prints "FILE: ok: ..." for a valid document and one line per problem for
an invalid one, "FILE: POINTER: message" (or "FILE: message" for the whole
document). With -json it prints an array of {file, kind, valid, problems}.
The exit status is 1 when any FILE is invalid or unreadable.`,
	example: `wlp validate examples/data/*.json
wlp validate -framework examples/frameworks/learning2.json jordan.json`,
	minArgs: 1,
	maxArgs: -1,
	flags: func(fs *flag.FlagSet, e *env) {
		fs.StringVar(&e.kind, "kind", "auto", "the documents' kind: auto, framework or profile")
	},
	run: runValidate,
}

// The kinds of document validate checks.
const (
	kindFramework = "framework"
	kindProfile   = "profile"
)

// fileReport is validate's verdict on one file; -json prints a list of
// them.
type fileReport struct {
	File     string        `json:"file"`
	Kind     string        `json:"kind"`
	Valid    bool          `json:"valid"`
	ID       string        `json:"id,omitempty"`
	Problems []wlp.Problem `json:"problems"`
	summary  string        // what a valid document holds, for the table
}

func runValidate(e *env, args []string) error {
	switch e.kind {
	case "auto", kindFramework, kindProfile:
	default:
		return usageError(fmt.Sprintf("unknown -kind %q (want auto, framework or profile)", e.kind))
	}
	var f *wlp.Framework // loaded at the first profile
	reports := make([]fileReport, 0, len(args))
	for _, name := range args {
		r := fileReport{File: display(name), Problems: []wlp.Problem{}}
		b, err := e.read(name)
		if err != nil {
			r.Problems = err.(*docError).problems
			reports = append(reports, r)
			continue
		}
		r.Kind = e.kind
		if r.Kind == "auto" {
			r.Kind = detectKind(b)
		}
		if r.Kind == kindFramework {
			validateFramework(&r, b)
		} else {
			if f == nil {
				if f, err = e.loadFramework(); err != nil {
					return err
				}
			}
			validateProfile(&r, b, f)
		}
		r.Valid = len(r.Problems) == 0
		reports = append(reports, r)
	}

	failed, problems := 0, 0
	for _, r := range reports {
		if !r.Valid {
			failed++
			problems += len(r.Problems)
		}
	}
	if e.json {
		if err := writeJSON(e.stdout, reports); err != nil {
			return err
		}
	} else {
		for _, r := range reports {
			if r.Valid {
				fmt.Fprintf(e.stdout, "%s: ok: %s\n", r.File, r.summary)
				continue
			}
			fmt.Fprintln(e.stdout, (&docError{r.File, r.Problems}).Error())
		}
	}
	if failed > 0 {
		where := fmt.Sprintf("%d of %d files", failed, len(reports))
		if len(reports) == 1 {
			where = reports[0].File
		}
		fmt.Fprintf(e.stderr, "wlp validate: %s in %s\n", plural(problems, "problem"), where)
		return errReported
	}
	return nil
}

func validateFramework(r *fileReport, b []byte) {
	fw, err := wlp.Load(bytes.NewReader(b))
	if err != nil {
		r.Problems = problemsOf(err)
		return
	}
	r.ID = fw.ID()
	r.summary = fmt.Sprintf("framework %q: %s, %s, %s, %s", clean(fw.ID()),
		plural(len(fw.Competencies()), "competency"), plural(len(fw.Areas()), "area"),
		plural(len(fw.Roles()), "role"), plural(len(fw.Jobs()), "job"))
}

// validateProfile checks a profile document on its own and against f.
func validateProfile(r *fileReport, b []byte, f *wlp.Framework) {
	p, probs := checkProfile(b, f)
	if len(probs) > 0 {
		r.Problems = probs
		return
	}
	r.ID = p.ID
	r.summary = fmt.Sprintf("profile %q, %s", clean(p.ID), plural(len(p.Ratings), "rating"))
	if len(p.Reviews) > 0 {
		r.summary += ", " + plural(len(p.Reviews), "review")
	}
	if p.Name != "" {
		r.summary += ": " + clean(p.Name)
	}
}

// checkProfile loads a profile document strictly and checks it against f.
// A document that fails to load is decoded leniently too, so that the
// IDs f does not know are reported alongside its other problems: the user
// fixes it in one pass.
func checkProfile(b []byte, f *wlp.Framework) (profile.Profile, []wlp.Problem) {
	p, err := profile.Load(bytes.NewReader(b))
	if err == nil {
		if err := f.ValidateProfile(p); err != nil {
			return profile.Profile{}, problemsOf(err)
		}
		return p, nil
	}
	probs := problemsOf(err)
	var lenient profile.Profile
	if json.Unmarshal(b, &lenient) != nil {
		return profile.Profile{}, probs
	}
	// The framework's own problems: those of ValidateProfile that
	// Validate, the profile's checks on its own, does not report.
	own := map[wlp.Problem]bool{}
	if err := lenient.Validate(); err != nil {
		for _, pr := range problemsOf(err) {
			own[pr] = true
		}
	}
	seen := map[wlp.Problem]bool{}
	for _, pr := range probs {
		seen[pr] = true
	}
	if err := f.ValidateProfile(lenient); err != nil {
		for _, pr := range problemsOf(err) {
			if !own[pr] && !seen[pr] {
				probs = append(probs, pr)
				seen[pr] = true
			}
		}
	}
	return profile.Profile{}, probs
}

// detectKind tells a framework document from a profile by its top-level
// fields. A document that is not a JSON object, or that names neither
// kind's fields, is checked as a profile.
func detectKind(b []byte) string {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return kindProfile
	}
	fw, pr := 0, 0
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
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	if fw > pr {
		return kindFramework
	}
	return kindProfile
}
