// This file tests validate_people.go: wlp validate on people in every
// form but a single document (a sheet, a JSON array, JSON Lines, a
// folder), in text and in JSON, and how it tells a document from them.

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/problem"
)

// threeProblems is a profile with a level typed as text, a level above
// the scale and a misspelt ID: all three are reported in one run.
const threeProblems = `{"id": "x", "ratings": {"coaching": {"level": "3"}, "building-trust": {"level": 7}, "coachng": {"level": 2}}}`

// wantProblem is a problem validate should report: at the JSON pointer
// path (which -json keeps in "path"), or at place (a row and column, a
// line), which heads the message; says is part of the message.
type wantProblem struct{ path, place, says string }

// wantReport is what validate should say of one file: ok (the summary
// of a valid file), or its problems.
type wantReport struct {
	file     string
	ok       string
	problems []wantProblem
}

// TestValidatePeople runs validate on people in each form, and checks
// its text and its -json report: every problem, with its place.
func TestValidatePeople(t *testing.T) {
	tmp := t.TempDir()
	in := writeForms(t, tmp, sampleTeam())
	file := func(name, content string) string {
		path := filepath.Join(tmp, name)
		writeTestFile(t, path, content)
		return path
	}
	four := file("four.csv", "id,name,coaching\na,A,1\nb,B,2\nc,C,3\nd,D,4\n")
	badCSV := file("bad.csv", "id;name;Coaching;building trust;Departmnet\r\n"+
		"ana;Ana;4 - proficient;3;HR\r\n"+
		"bob;Bob;;9;IT\r\n"+
		"cid;Cid;expert;x;HR\r\n"+
		";Nobody;1;1;HR\r\n")
	badArray := file("bad.json", `[{"id": "a", "ratings": {"coaching": {"level": 2}}}, {"id": "b", "ratings": {"coachng": {"level": 2}}}]`)
	badLines := file("bad.jsonl", `{"id": "a", "ratings": {"coaching": {"level": 2}}}`+"\n"+
		`{"id": "b", "ratings": {"coaching": {"level": 2}}}`+"\n"+
		`{"id": "c", "ratings": {"coaching": {"level": "3"}}}`+"\n")
	threeDoc := file("three.json", threeProblems)
	threeArray := file("three-array.json", "["+threeProblems+"]")
	threeLines := file("three.ndjson", `{"id": "y"}`+"\n"+threeProblems+"\n")
	team := `("ana", "bob", "cid")`
	three := []wantProblem{
		{"/ratings/coaching/level", "", `expected an integer, found the string "3"`},
		{"/ratings/building-trust/level", "", "7 is above the scale's top level 5"},
		{"/ratings/coachng", "", `unknown competency or area "coachng" in framework "astd-2004"; did you mean "coaching"?`},
	}
	prefixed := func(ps []wantProblem, pointer, place string) []wantProblem {
		var out []wantProblem
		for _, p := range ps {
			if place != "" {
				p.place, p.path = place+": "+p.path, ""
			} else {
				p.path = pointer + p.path
			}
			out = append(out, p)
		}
		return out
	}
	for _, c := range []struct {
		name  string
		args  []string
		stdin string
		want  []wantReport
	}{
		{"csv", args(in.csv), "", []wantReport{{file: in.csv, ok: "3 profiles " + team}}},
		{"csv of four", args(four), "", []wantReport{{file: four, ok: `4 profiles ("a", "b", "c", ...)`}}},
		{"bad csv", args(badCSV), "", []wantReport{{file: badCSV, problems: []wantProblem{
			{"", "row 1, column 'Departmnet'", "astd-2004"},
			{"", "row 3, column 'building trust'", "9 is above the scale's top level 5"},
			{"", "row 4, column 'building trust'", "'x' is not a level"},
			{"", "row 5, column 'id'", ""},
		}}}},
		{"array", args(in.array), "", []wantReport{{file: in.array, ok: "3 profiles " + team}}},
		{"bad array", args(badArray), "", []wantReport{{file: badArray, problems: []wantProblem{
			{"/1/ratings/coachng", "", `did you mean "coaching"?`},
		}}}},
		{"json lines", args(in.lines), "", []wantReport{{file: in.lines, ok: "3 profiles " + team}}},
		{"json lines, line 3 bad", args(badLines), "", []wantReport{{file: badLines, problems: []wantProblem{
			{"", "line 3: /ratings/coaching/level", `expected an integer, found the string "3"`},
		}}}},
		{"stdin, json lines", args("-"), in.stdin, []wantReport{{file: stdinName, ok: "3 profiles " + team}}},
		{"folder", args(in.docs), "", []wantReport{
			{file: filepath.Join(in.docs, "ana.json"), ok: `profile "ana", 7 ratings: Ana Ruiz`},
			{file: filepath.Join(in.docs, "bob.json"), ok: `profile "bob", 6 ratings: Bob Lee`},
			{file: filepath.Join(in.docs, "cid.json"), ok: `profile "cid", 5 ratings: Cid`},
		}},
		{"quoted glob", args(filepath.Join(tmp, "*.csv")), "", []wantReport{
			{file: badCSV, problems: []wantProblem{
				{"", "row 1, column 'Departmnet'", ""},
				{"", "row 3, column 'building trust'", ""},
				{"", "row 4, column 'building trust'", ""},
				{"", "row 5, column 'id'", ""},
			}},
			{file: four, ok: `4 profiles ("a", "b", "c", ...)`},
			{file: in.csv, ok: "3 profiles " + team},
		}},
		{"three problems, document", args(threeDoc), "", []wantReport{{file: threeDoc, problems: three}}},
		{"three problems, stdin", args("-"), threeProblems, []wantReport{{file: stdinName, problems: three}}},
		{"three problems, array", args(threeArray), "", []wantReport{{file: threeArray, problems: prefixed(three, "/0", "")}}},
		{"three problems, json lines", args(threeLines), "", []wantReport{{file: threeLines, problems: prefixed(three, "", "line 2")}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code := exitOK
			for _, w := range c.want {
				if w.ok == "" {
					code = exitFailure
				}
			}
			r := runWLP(c.stdin, args("validate", c.args)...)
			if r.code != code {
				t.Errorf("exit %d, want %d\n%s", r.code, code, r.stderr)
			}
			var want []string
			for _, w := range c.want {
				if w.ok != "" {
					want = append(want, w.file+": ok: "+w.ok)
				}
				for _, p := range w.problems {
					head := p.place
					if p.path != "" {
						head = p.path
					}
					want = append(want, w.file+": "+head+": ")
				}
			}
			got := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
			if len(got) != len(want) {
				t.Fatalf("%d lines, want %d:\n%s", len(got), len(want), r.stdout)
			}
			i := 0
			for _, w := range c.want {
				if w.ok != "" {
					if got[i] != want[i] {
						t.Errorf("line %d: %q, want %q", i+1, got[i], want[i])
					}
					i++
				}
				for _, p := range w.problems {
					if !strings.HasPrefix(got[i], want[i]) || !strings.Contains(got[i], p.says) {
						t.Errorf("line %d: %q\nwant %q... %q", i+1, got[i], want[i], p.says)
					}
					i++
				}
			}

			r = runWLP(c.stdin, args("validate", "-json", c.args)...)
			if r.code != code {
				t.Errorf("-json: exit %d, want %d\n%s", r.code, code, r.stderr)
			}
			var reports []struct {
				File     string            `json:"file"`
				Kind     string            `json:"kind"`
				Valid    bool              `json:"valid"`
				Problems []problem.Problem `json:"problems"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &reports); err != nil {
				t.Fatalf("-json: %v\n%s", err, r.stdout)
			}
			if len(reports) != len(c.want) {
				t.Fatalf("-json: %d reports, want %d\n%s", len(reports), len(c.want), r.stdout)
			}
			for i, w := range c.want {
				got := reports[i]
				if got.File != w.file || got.Kind != kindProfile || got.Valid != (w.ok != "") || got.Problems == nil {
					t.Errorf("-json: report %d: %q %q valid %v problems %v; want %q profile valid %v []",
						i, got.File, got.Kind, got.Valid, got.Problems, w.file, w.ok != "")
				}
				if len(got.Problems) != len(w.problems) {
					t.Errorf("-json: %s: %d problems, want %d: %v", w.file, len(got.Problems), len(w.problems), got.Problems)
					continue
				}
				for j, p := range w.problems {
					g := got.Problems[j]
					start := ""
					if p.place != "" {
						start = p.place + ": "
					}
					if g.Path != p.path || !strings.HasPrefix(g.Message, start) || !strings.Contains(g.Message, p.says) {
						t.Errorf("-json: %s: problem %d: path %q, message %q\nwant path %q, message %q... %q", w.file, j, g.Path, g.Message, p.path, start, p.says)
					}
				}
			}
		})
	}
}

// TestIsDocument checks how validate tells a single document (checked
// against its schema too) from people in another form.
func TestIsDocument(t *testing.T) {
	for _, c := range []struct {
		name, content string
		want          bool
	}{
		{"p.json", `{"id": "a"}`, true},
		{"p.JSON", "\xef\xbb\xbf \n{\"id\": \"a\"}", true},
		{"p.json", `{"id": "a"}` + "\n" + `{"id": "b"}`, false}, // JSON Lines named .json
		{"p.json", "{\"id\":\n\"a\"}\n{\"id\": \"b\"}", true},   // a document, and a problem after it
		{"p.json", `[{"id": "a"}]`, false},
		{"p.json", " \n[", false},
		{"p.json", "", true},
		{"p.json", "not json", true},
		{"p.jsonl", `{"id": "a"}`, false},
		{"p.ndjson", `{"id": "a"}`, false},
		{"p.csv", `{"id": "a"}`, false},
		{"p.xlsx", "PK\x03\x04", false},
		{"-", `{"id": "a"}`, true},
		{"-", `{"id": "a"}` + "\n", true},
		{"-", "{\n  \"id\": \"a\"\n}\n", true},
		{"-", `{"id": "a"}` + "\n" + `{"id": "b"}` + "\n", false},
		{"-", `{"id": "a"}` + "\r\n" + `{"id": "b"}`, false},
		{"-", `[{"id": "a"}]`, false},
		{"-", "id,name\na,A\n", false},
		{"-", "", false},
		{"team", "id,name\n", false},
	} {
		if got := isDocument(c.name, []byte(c.content)); got != c.want {
			t.Errorf("isDocument(%q, %q) = %v, want %v", c.name, c.content, got, c.want)
		}
	}
}

// TestPlaceProblems checks how validate reports a problem of the people
// package: a bare JSON pointer stays the path; any other place heads the
// message, without the file, which the report names already.
func TestPlaceProblems(t *testing.T) {
	err := &people.Error{Problems: []people.Problem{
		{Place: people.Place{File: "t.json", Pointer: "/2/ratings/x"}, Message: "m1"},
		{Place: people.Place{File: "t.json"}, Message: "m2"},
		{Place: people.Place{File: "t.csv", Row: 7, Column: "Coaching"}, Message: "m3"},
		{Place: people.Place{File: "t.xlsx", Sheet: "Ratings", Cell: "C7", Row: 7, Column: "Coaching"}, Message: "m4"},
		{Place: people.Place{File: "t.jsonl", Line: 4, Pointer: "/ratings"}, Message: "m5"},
	}, Omitted: 3}
	got, more := placeProblems(err)
	want := []problem.Problem{
		{Path: "/2/ratings/x", Message: "m1"},
		{Message: "m2"},
		{Message: "row 7, column 'Coaching': m3"},
		{Message: "cell Ratings!C7, column 'Coaching': m4"},
		{Message: "line 4: /ratings: m5"},
	}
	if diff := gocmp.Diff(want, got); diff != "" || more != 3 {
		t.Errorf("omitted %d, want 3; problems (-want +got):\n%s", more, diff)
	}
	got, more = placeProblems(errString("plain"))
	if diff := gocmp.Diff([]problem.Problem{{Message: "plain"}}, got); diff != "" || more != 0 {
		t.Errorf("a plain error: omitted %d; (-want +got):\n%s", more, diff)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// TestValidatePlaces checks that validate -json gives the place of each
// problem of a sheet as fields, and -csv as its where column, so that a
// program can point at the cell.
func TestValidatePlaces(t *testing.T) {
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "team.csv")
	if err := os.WriteFile(csvFile, []byte("id,Coaching,Dept\r\nana,6,HR\r\nbob,x,HR\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"validate", "-json", csvFile}, nil, &out, &errb); code != exitFailure {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFailure, errb.String())
	}
	var reports []struct {
		Problems []struct{ Path, Message string }
		Places   []people.Place
	}
	if err := json.Unmarshal(out.Bytes(), &reports); err != nil {
		t.Fatal(err)
	}
	if len(reports) != 1 {
		t.Fatalf("got %d reports, want 1", len(reports))
	}
	var got []people.Place
	for _, p := range reports[0].Places {
		p.File = filepath.Base(p.File)
		got = append(got, p)
	}
	want := []people.Place{
		{File: "team.csv", Row: 1, Column: "Dept"},
		{File: "team.csv", Row: 2, Column: "Coaching"},
		{File: "team.csv", Row: 3, Column: "Coaching"},
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
	if n := len(reports[0].Problems); n != len(want) {
		t.Errorf("%d problems for %d places", n, len(want))
	}

	out.Reset()
	run([]string{"validate", "-csv", csvFile}, nil, &out, &errb)
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var where []string
	for _, r := range rows[1:] {
		where = append(where, r[4])
	}
	if diff := gocmp.Diff([]string{"row 1, column 'Dept'", "row 2, column 'Coaching'", "row 3, column 'Coaching'"}, where); diff != "" {
		t.Errorf("where column (-want +got):\n%s", diff)
	}
	if got := rows[2][5]; got != "6 is above the scale's top level 5" {
		t.Errorf("problem column = %q, want the message alone", got)
	}
}

// TestValidateWholeSheet checks that validate reads a sheet to its end,
// however large: a problem past the first maxInput bytes is found, as
// import and rank find it, not cut off with a false "ok".
func TestValidateWholeSheet(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,notes,coaching\n")
	note := strings.Repeat("n", 1000)
	rows := 0
	for b.Len() <= maxInput+100_000 {
		rows++
		fmt.Fprintf(&b, "p%d,%s,3\n", rows, note)
	}
	fmt.Fprintf(&b, "late,%s,9\n", note)
	file := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := run([]string{"validate", "-ignore", "notes", file}, nil, &out, &errb)
	want := fmt.Sprintf("%s: row %d, column 'coaching': 9 is above the scale's top level 5\n", file, rows+2)
	if code != exitFailure || out.String() != want {
		t.Errorf("exit %d, stdout:\n%s\nwant exit %d and\n%s", code, out.String(), exitFailure, want)
	}
}

// TestValidateSameID checks that validate reports the same person given
// twice, in an array, across files and across forms, as rank and import
// refuse them.
func TestValidateSameID(t *testing.T) {
	dir := t.TempDir()
	doc := `{"id":"dana","ratings":{"coaching":{"level":3}}}`
	arr := filepath.Join(dir, "two.json")
	writeTestFile(t, arr, "["+doc+","+doc+"]")
	one := filepath.Join(dir, "dana.json")
	writeTestFile(t, one, doc)
	lines := filepath.Join(dir, "team.jsonl")
	writeTestFile(t, lines, doc+"\n")
	var out, errb bytes.Buffer
	code := run([]string{"validate", arr, one, lines}, nil, &out, &errb)
	first := arr + ": /0"
	want := arr + ": /1: profile ID \"dana\" was read before, at " + first + ": each person needs an ID of their own\n" +
		one + ": /id: profile ID \"dana\" was read before, at " + first + ": each person needs an ID of their own\n" +
		lines + ": line 1: profile ID \"dana\" was read before, at " + first + ": each person needs an ID of their own\n"
	if code != exitFailure || out.String() != want {
		t.Errorf("exit %d, stdout:\n%s\nwant exit %d and:\n%s", code, out.String(), exitFailure, want)
	}
}
