package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/problem"
)

// isDocument reports whether the input name, holding b, is one JSON
// document (a framework or a profile), which validate checks against its
// schema too, rather than people in another form: a JSON array of
// profiles, JSON Lines, a CSV file or a workbook.
func isDocument(name string, b []byte) bool {
	switch people.FormatOf(name) {
	case people.JSONLines, people.CSV, people.XLSX:
		return false
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return people.FormatOf(name) == people.JSON && (len(trimmed) == 0 || trimmed[0] != '[')
	}
	// A first line that is a whole object followed by more lines is JSON
	// Lines, even named .json, as many exports name it.
	line, rest, _ := bytes.Cut(trimmed, []byte("\n"))
	return !(jsonLine(line) && len(bytes.TrimSpace(rest)) > 0)
}

// jsonLine reports whether line is one whole JSON value.
func jsonLine(line []byte) bool {
	return json.Valid(bytes.TrimSpace(line))
}

// validatePeople checks the people of the input name, read whole from src, in
// any form the people package reads but a single JSON document, against
// f, and returns the report: every problem, each with its place (a row
// and column, a line, a JSON pointer) at the head of its message.
func (e *env) validatePeople(name string, src io.Reader, f *wlp.Framework, seen *people.IDs) fileReport {
	r := fileReport{File: fullName(name), Kind: kindProfile}
	shown := name
	if name == "-" {
		shown = stdinName
	}
	o := e.peopleOptions(f, nil)
	var ps problem.List
	var places []people.Place
	var ids []string
	n := 0
	for p, err := range people.Read(src, shown, o) {
		if err != nil {
			probs, more := placeProblems(err)
			ps.Append(probs...)
			ps.Omit(more)
			if pe, ok := err.(*people.Error); ok {
				for _, p := range pe.Problems {
					places = append(places, p.Place)
				}
			}
			continue
		}
		if err := seen.Add(p); err != nil {
			ps.Append(placed(p.Place, err.(*people.Error).Problems[0].Message))
			places = append(places, p.Place)
			continue
		}
		n++
		if len(ids) < 3 {
			ids = append(ids, problem.Quote(p.Profile.ID))
		}
	}
	r.Problems, r.Omitted = ps.Problems, ps.Omitted
	if len(places) >= len(r.Problems) && len(r.Problems) > 0 {
		r.Places = places[:len(r.Problems):len(r.Problems)] // the list keeps a prefix
	}
	if r.count() == 0 {
		r.summary = plural(n, "profile")
		if n > 0 {
			more := ""
			if n > len(ids) {
				more = ", ..."
			}
			r.summary += " (" + strings.Join(ids, ", ") + more + ")"
		}
	}
	return r
}

// placeProblems returns the problems of err, an error of the people
// package, as validate reports them, and how many more it counted: a
// problem only of a JSON pointer (in a JSON array) keeps it as its path;
// any other place (a row and column, a line) heads the message.
func placeProblems(err error) ([]problem.Problem, int) {
	pe, ok := err.(*people.Error)
	if !ok {
		return []problem.Problem{{Message: err.Error()}}, 0
	}
	out := make([]problem.Problem, 0, len(pe.Problems))
	for _, p := range pe.Problems {
		out = append(out, placed(p.Place, p.Message))
	}
	return out, pe.Omitted
}

// placed returns the problem msg at the place at as validate reports it:
// a place that is only a JSON pointer (in a JSON array) as its path; any
// other (a row and column, a line) at the head of the message.
func placed(at people.Place, msg string) problem.Problem {
	msg = flagWording(msg)
	if at.Line == 0 && at.Row == 0 && at.Cell == "" && at.Sheet == "" && at.Column == "" {
		return problem.Problem{Path: at.Pointer, Message: msg}
	}
	return problem.Problem{Message: placeWithin(at) + ": " + msg}
}

// placeWithin returns where in its file the place is: "row 7, column
// 'Coaching'", "line 3: /ratings/coaching", "/2/id".
func placeWithin(at people.Place) string {
	at.File = ""
	return strings.TrimPrefix(at.String(), ": ")
}
