// This file tests input.go through every command that reads documents:
// bad documents and fuzzed profiles.

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/problem"
	"github.com/xuri/excelize/v2"
)

// TestBadInput runs every command on documents that are wrong in many
// ways: it must never panic, and must fail with status 1 (or succeed, for
// what is in fact valid).
func TestBadInput(t *testing.T) {
	docs := []string{
		"", " ", "null", "[]", "{}", "0", `"x"`, "{", "}", "\xef\xbb\xbf{}", "\xff\xfe",
		`{"id": ""}`, `{"id": "x", "ratings": null}`, `{"id": "x", "ratings": []}`,
		`{"id": "x", "ratings": {"": {"level": 1}}}`,
		`{"id": "x", "ratings": {"coaching": {"level": 1e400}}}`,
		`{"id": "x", "ratings": {"coaching": {"level": 2.5}}}`,
		`{"id": "x", "ratings": {"coaching": {"level": 2}, "coaching": {"level": 3}}}`,
		`{"id": "x\u0000\u001b[31m", "name": "\u202eevil\n\tname", "ratings": {"coaching": {"level": 2}}}`,
		`{"id": "x", "name": "<script>&amp;</script>", "ratings": {"coaching": {"level": 5}}}`,
		strings.Repeat("[", 100000),
		`{"id": "x", "competencies": [], "roles": []}`,
		`{"competencies": [{"id": "a", "name": "A", "cluster": "interpersonal"}], "roles": [{"id": "r", "name": "R", "requirements": [{"of": ["a"], "level": 1, "weight": 1e308}]}]}`,
		`{"id": "x", "reviews": [{"levels": {"coaching": 5}}, {"source": "self", "levels": {"coaching": 0, "building-trust": 3}}]}`,
		`{"id": "x", "reviews": [{"source": "manager", "levels": {"coaching": 9}}]}`,
		`{"id": "x", "reviews": [{"levels": {"coachin": 2}}]}`,
		`{"id": "x", "reviews": null}`, `{"id": "x", "reviews": [{}]}`, `{"id": "x", "reviews": [{"levels": null}]}`,
		`{"id": "x", "reviews": [{"levels": {}, "source": "boss", "assessedAt": "2026-02-30"}]}`,
		`{"id": "x", "ratings": {"coaching": {"level": 1}}, "reviews": [{"rater": "\u001b[2J", "source": "peer", "levels": {"coaching": 5}}, {"source": "manager", "levels": {"coaching": 1}}]}`,
	}
	for _, doc := range docs {
		for _, argv := range [][]string{
			{"validate", "-"},
			{"validate", "-json", "-"},
			{"score", clo, "-"},
			{"score", "-json", "coaching", "-"},
			{"roles", "-"},
			{"rank", clo, "-", dana},
			{"chart", clo, "-"},
			{"chart", "-team", clo, "-", "-"},
			{"export", "-framework", "-"},
			{"schema", "-framework", "-", "-for-framework", "profile"},
			{"roles", "-framework", "-", dana},
			{"score", "-combine", "mean-except-self", clo, "-"},
			{"rank", "-combine", "median", clo, "-", dana},
			{"team", clo, "-", dana},
			{"team", "-json", "-combine", "manager-first", "business-partner", "-"},
			{"team", clo, "-", "-"},
			{"team", "-framework", "-", clo, dana},
			{"assign", clo, "-", dana},
			{"assign", "-json", "-max-hats", "0", "-combine", "median", "learning-strategist,project-manager", "-"},
			{"plan", clo, "-"},
			{"plan", "-json", "-combine", "median", "-until", "exact", "business-partner", "-"},
			{"plan", "-framework", "-", clo, dana},
			{"chart", "-team", "-combine", "median", clo, "-", dana},
		} {
			r := runWLP(doc, argv...)
			if r.code != 0 && r.code != 1 {
				t.Errorf("wlp %v on %.40q: exit %d\n%s", argv, doc, r.code, r.stderr)
			}
			if r.code == 1 && r.stderr == "" {
				t.Errorf("wlp %v on %.40q: failed silently", argv, doc)
			}
			if strings.ContainsAny(r.stderr, "\x00\x1b") {
				t.Errorf("wlp %v on %.40q: control characters reach the terminal: %q", argv, doc, r.stderr)
			}
		}
	}
}

// FuzzProfile feeds arbitrary profile documents to the commands that read
// profiles: none may panic, and a chart that succeeds is well-formed XML.
func FuzzProfile(f *testing.F) {
	for _, path := range append(slices.Clone(team), alex, "testdata/bad-profile.json", "testdata/truncated.json", "testdata/tiny-kim.json") {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		for _, argv := range [][]string{
			{"validate", "-"}, {"score", clo, "-"}, {"roles", "-json", "-"}, {"rank", clo, "-"},
			{"team", "-combine", "median", clo, "-", dana}, {"assign", "-max-hats", "2", clo, "-", sam},
			{"plan", "-combine", "manager-first", clo, "-"},
		} {
			if r := runWLP(string(doc), argv...); r.code != 0 && r.code != 1 {
				t.Fatalf("wlp %v: exit %d", argv, r.code)
			}
		}
		if r := runWLP(string(doc), "chart", clo, "-"); r.code == 0 {
			testfix.SVGText(t, []byte(r.stdout))
		}
		if r := runWLP(string(doc), "chart", "-team", "-combine", "median", clo, "-", lee); r.code == 0 {
			testfix.SVGText(t, []byte(r.stdout))
		}
	})
}

// TestPeopleEverywhere checks that every command that reads a team reads
// it from every form of input alike: a folder, a quoted glob, JSON Lines,
// a JSON array, a CSV file, a workbook, standard input, and a mix, each
// giving what the same people given one document a file give, in every
// output format.
func TestPeopleEverywhere(t *testing.T) {
	tmp := t.TempDir()
	team := sampleTeam()
	in := writeForms(t, tmp, team)
	xdir := filepath.Join(tmp, "x")
	if err := os.Mkdir(xdir, 0o755); err != nil {
		t.Fatal(err)
	}
	xlsx := filledTemplate(t, "xlsx", xdir, team, func(_, _ int, l competency.Level) any { return int(l) })
	var each []string
	for _, p := range team {
		each = append(each, filepath.Join(in.docs, p.ID+".json"))
	}
	inputs := []struct {
		name  string
		args  []string
		stdin string
	}{
		{"folder", args(in.docs), ""},
		{"folder/", args(in.docs + string(filepath.Separator)), ""},
		{"quoted glob", args(filepath.Join(in.docs, "*.json")), ""},
		{"json lines", args(in.lines), ""},
		{"json array", args(in.array), ""},
		{"csv", args(in.csv), ""},
		{"xlsx", args(xlsx), ""},
		{"stdin", args("-"), in.stdin},
		{"a file and a glob", args(each[0], filepath.Join(in.docs, "[bc]*.json")), ""},
		{"a sheet and a document", args(in.csv+"-2", each[2]), ""}, // written below
	}
	// The first two people in a sheet, the third in a document.
	header := []string{"id", "name", "source", "date"}
	for _, id := range wlp.Default().IDs() {
		header = append(header, string(id))
	}
	writeTestFile(t, in.csv+"-2", "")
	fillCSV(t, in.csv+"-2", sheetRows(header, team[:2], func(_, _ int, l competency.Level) any { return int(l) }), header)
	for _, cmd := range [][]string{
		{"rank", "business-partner"},
		{"team", "business-partner"},
		{"assign", "business-partner,learning-strategist"},
		{"chart", "-team", "business-partner"},
	} {
		for _, flags := range [][]string{nil, {"-json"}, {"-csv"}} {
			if cmd[0] == "chart" && flags != nil {
				continue
			}
			argv := args(cmd[0], flags, cmd[1:])
			want := runWLP("", args(argv, each)...)
			if want.code != 0 || want.stderr != "" {
				t.Fatalf("%v: exit %d\n%s", argv, want.code, want.stderr)
			}
			for _, c := range inputs {
				got := runWLP(c.stdin, args(argv, c.args)...)
				if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(result{})); diff != "" {
					t.Errorf("wlp %v on %s (-one file each +got):\n%s", argv, c.name, diff)
				}
			}
		}
	}
}

// TestPeopleTwice checks that the same person given twice, in two
// inputs or the same input named twice, is an error naming both places,
// for every command that reads a team.
func TestPeopleTwice(t *testing.T) {
	tmp := t.TempDir()
	in := writeForms(t, tmp, sampleTeam())
	ana := filepath.Join(in.docs, "ana.json")
	abs, err := filepath.Abs(ana)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		says []string // each in one line of stderr
	}{
		{"a document and json lines", args(ana, in.lines), []string{
			in.lines + `: line 1: profile ID "ana" was read before, at ` + ana + ": each person needs an ID of their own",
		}},
		{"a sheet and an array", args(in.csv, in.array), []string{
			in.array + `: /0: profile ID "ana" was read before, at ` + in.csv + ": row 2",
			in.array + `: /1: profile ID "bob" was read before, at ` + in.csv + ": row 3",
			in.array + `: /2: profile ID "cid" was read before, at ` + in.csv + ": row 4",
		}},
		{"the same file twice", args(ana, ana), []string{
			ana + ": the file is named twice (by a folder, a pattern or its name)",
		}},
		{"the same file, spelled two ways", args(ana, abs), []string{
			abs + ": the file is named twice",
		}},
		{"a folder and a file in it", args(in.docs, filepath.Join(in.docs, "bob.json")), []string{
			filepath.Join(in.docs, "bob.json") + ": the file is named twice",
		}},
		{"a folder and a glob", args(in.docs, filepath.Join(in.docs, "c*")), []string{
			filepath.Join(in.docs, "cid.json") + ": the file is named twice",
		}},
	} {
		for _, cmd := range [][]string{{"rank", "business-partner"}, {"team", "-json", "business-partner"}, {"import"}} {
			r := runWLP("", args(cmd, c.args)...)
			if r.code != exitFailure || r.stdout != "" {
				t.Errorf("%s, %v: exit %d, stdout %q; want 1 and nothing\n%s", c.name, cmd, r.code, r.stdout, r.stderr)
			}
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			if len(lines) != len(c.says) {
				t.Errorf("%s, %v: %d lines, want %d:\n%s", c.name, cmd, len(lines), len(c.says), r.stderr)
				continue
			}
			for i, s := range c.says {
				if want := "wlp " + cmd[0] + ": " + s; !strings.HasPrefix(lines[i], want) {
					t.Errorf("%s, %v: line %d:\n%s\nwant it to start\n%s", c.name, cmd, i+1, lines[i], want)
				}
			}
		}
	}
}

// TestOnePerson checks the commands about one person: an input of one
// person in any form gives what the document gives, and one of several
// people is an error that names where the first two are and which
// commands take them all.
func TestOnePerson(t *testing.T) {
	tmp := t.TempDir()
	team := sampleTeam()
	in := writeForms(t, tmp, team)
	one := writeForms(t, t.TempDir(), team[:1])
	ana := filepath.Join(in.docs, "ana.json")
	for _, cmd := range [][]string{
		{"score", "business-partner"}, {"score", "-json", "learning-strategist"}, {"plan", "business-partner"},
		{"roles"},
	} {
		want := runWLP("", args(cmd, ana)...)
		if want.code != 0 {
			t.Fatalf("%v: exit %d\n%s", cmd, want.code, want.stderr)
		}
		for _, c := range []struct {
			args  []string
			stdin string
		}{{args(one.csv), ""}, {args(one.array), ""}, {args(one.lines), ""}, {args(one.docs), ""}, {args("-"), one.stdin}} {
			got := runWLP(c.stdin, args(cmd, c.args)...)
			if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("wlp %v %v (-document +got):\n%s", cmd, c.args, diff)
			}
		}
		for _, many := range []string{in.csv, in.array, in.lines, in.docs} {
			r := runWLP("", args(cmd, many)...)
			first, second := many+": row 2", many+": row 3"
			switch many {
			case in.array:
				first, second = many+": /0", many+": /1"
			case in.lines:
				first, second = many+": line 1", many+": line 2"
			case in.docs:
				first, second = filepath.Join(many, "ana.json"), filepath.Join(many, "bob.json")
			}
			want := fmt.Sprintf("wlp %s: %s: holds 3 people (the first two at %s and %s); %s takes one: rank, team and assign take them all",
				cmd[0], many, first, second, cmd[0])
			if r.code != exitFailure || !strings.HasPrefix(r.stderr, want) || r.stdout != "" {
				t.Errorf("wlp %v %s: exit %d, stdout %.200q\n%s\nwant exit 1 and\n%s", cmd, many, r.code, r.stdout, r.stderr, want)
			}
		}
	}
}

// TestSheetFlags checks that -sheet and -ignore reach the reader from
// every command that reads people: without them a workbook's first sheet
// is read and a column that names nothing fails, with its row; with them
// the people are those of the documents.
func TestSheetFlags(t *testing.T) {
	tmp := t.TempDir()
	team := sampleTeam()
	in := writeForms(t, tmp, team)
	header := []string{"id", "name", "Department", "source", "date", "Manager"}
	for _, id := range wlp.Default().IDs() {
		header = append(header, string(id))
	}
	extra := filepath.Join(tmp, "extra.csv")
	writeTestFile(t, extra, "")
	rows := sheetRows(header, team, func(_, _ int, l competency.Level) any { return int(l) })
	for _, row := range rows {
		row[2], row[5] = "L&D", "Zoë"
	}
	fillCSV(t, extra, rows, header)

	// A workbook of two sheets: Notes (first), with someone else, and Q2,
	// with the team.
	book := filepath.Join(tmp, "book.xlsx")
	wb := excelize.NewFile()
	if err := wb.SetSheetName("Sheet1", "Notes"); err != nil {
		t.Fatal(err)
	}
	wb.SetSheetRow("Notes", "A1", &[]any{"id", "name", "coaching"})
	wb.SetSheetRow("Notes", "A2", &[]any{"zed", "Zed", 1})
	if _, err := wb.NewSheet("Q2"); err != nil {
		t.Fatal(err)
	}
	for i, row := range append([][]any{toAny(header)}, rows...) {
		if err := wb.SetSheetRow("Q2", fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := wb.Write(&b); err != nil {
		t.Fatal(err)
	}
	wb.Close()
	writeTestFile(t, book, b.String())

	ignore := args("-ignore", "department, MANAGER")
	for _, cmd := range [][]string{
		{"rank", "business-partner"}, {"team", "business-partner"}, {"assign", "business-partner"},
		{"import"}, {"validate"}, {"chart", "-team", "business-partner"},
	} {
		want := runWLP("", args(cmd, in.docs)...)
		if want.code != 0 {
			t.Fatalf("%v: exit %d\n%s", cmd, want.code, want.stderr)
		}
		if cmd[0] == "validate" {
			want.stdout = strings.ReplaceAll(want.stdout, "\n", "")
		}
		for _, c := range []struct {
			args []string
			code int
			says string // stdout when 0, stderr when 1
		}{
			{args(extra), exitFailure, extra + ": row 1, column 'Department': "},
			{args(extra), exitFailure, extra + ": row 1, column 'Manager': "},
			{args("-ignore", "Department", extra), exitFailure, extra + ": row 1, column 'Manager': "},
			{args(ignore, extra), exitOK, ""},
			{args(book), exitOK, "zed"},
			{args("-sheet", "Q2", book), exitFailure, book + ": cell Q2!C1, column 'Department': "},
			{args("-sheet", "q2", book, ignore), exitOK, ""},
			{args("-sheet", "Q3", book), exitFailure, "'Q3'"},
		} {
			got := runWLP("", args(cmd, c.args)...)
			if got.code != c.code {
				t.Errorf("wlp %v %v: exit %d, want %d\n%s", cmd, c.args, got.code, c.code, got.stderr)
				continue
			}
			switch {
			case c.code != 0:
				if !strings.Contains(got.stdout+got.stderr, c.says) {
					t.Errorf("wlp %v %v: stderr does not say %q:\n%s", cmd, c.args, c.says, got.stderr)
				}
			case c.says != "":
				if out := strings.ToLower(got.stdout); !strings.Contains(out, c.says) || strings.Contains(out, "bob") {
					t.Errorf("wlp %v %v: not the first sheet's people:\n%.300s", cmd, c.args, got.stdout)
				}
			case cmd[0] == "validate":
				if !strings.Contains(got.stdout, `ok: 3 profiles ("ana", "bob", "cid")`) {
					t.Errorf("wlp %v %v: %s", cmd, c.args, got.stdout)
				}
			default:
				if diff := gocmp.Diff(want.stdout, got.stdout); diff != "" {
					t.Errorf("wlp %v %v (-documents +got):\n%s", cmd, c.args, diff)
				}
			}
		}
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// TestLoadProfiles checks that loadProfiles reads the sample team from
// a folder, a sheet, a JSON array, JSON Lines and standard input as the
// same profiles, in the same order.
func TestLoadProfiles(t *testing.T) {
	in := writeForms(t, t.TempDir(), sampleTeam())
	e := &env{stdin: strings.NewReader(in.stdin), stderr: &bytes.Buffer{}}
	for _, arg := range []string{in.docs, in.csv, in.array, in.lines, "-"} {
		ps, err := e.loadProfiles(wlp.Default(), []string{arg})
		if err != nil {
			t.Fatalf("%s: %v", arg, err)
		}
		if diff := gocmp.Diff(sampleTeam(), ps); diff != "" {
			t.Errorf("%s (-want +got):\n%s", arg, diff)
		}
	}
}

// TestFlagWording checks that the people package's advice, written for
// Go programs and wlp's users at once, reads as flags alone on the
// command line, and that other text is left as it is.
func TestFlagWording(t *testing.T) {
	for in, want := range map[string]string{
		"skip the column with Options.Ignore (wlp -ignore Department)":                     "skip the column with -ignore Department",
		"say which comes first with Options.Dates (wlp -dates dmy or mdy)":                 "say which comes first with -dates dmy or mdy",
		"the dates are read day first (Options.Dates, wlp -dates): write it as YYYY-MM-DD": "the dates are read day first (-dates): write it as YYYY-MM-DD",
		"read it with Options.Sheet (wlp -sheet 'Team A')":                                 "read it with -sheet 'Team A'",
		"6 is above the scale's top level 5":                                               "6 is above the scale's top level 5",
		"a name with Options. in it, and no advice":                                        "a name with Options. in it, and no advice",
	} {
		if got := flagWording(in); got != want {
			t.Errorf("flagWording(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNoAPIAdvice runs the command on inputs whose problems carry the
// people package's advice (-ignore, -dates, -sheet), and checks that none
// reaches the user in the Go API's words: flagWording depends on the
// library's wording, and this test notices when that wording changes.
func TestNoAPIAdvice(t *testing.T) {
	dir := t.TempDir()
	sheet := filepath.Join(dir, "team.csv")
	writeTestFile(t, sheet, "id,Department,date,coaching\r\nana,HR,03/04/2026,4\r\n")
	book := filepath.Join(dir, "t.xlsx")
	if r := runWLP("", "export", "-template", "xlsx", "-o", book); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for _, a := range [][]string{
		{"validate", sheet},
		{"import", sheet},
		{"import", "-sheet", "guide", book},
	} {
		r := runWLP("", a...)
		if r.code == 0 || !strings.Contains(r.stdout+r.stderr, " -") {
			t.Errorf("%v: exit %d, want a problem with a flag's advice:\n%s%s", a, r.code, r.stdout, r.stderr)
		}
		if strings.Contains(r.stdout+r.stderr, "Options.") {
			t.Errorf("%v: the Go API's words reach the user:\n%s%s", a, r.stdout, r.stderr)
		}
	}
}

// TestProblemOrder checks that the problems of reading people are printed
// in the order of the inputs and of the lines within each, though the
// duplicate IDs of files are found last, and that a flood of them is
// capped at problem.MaxReported with a count of the rest.
func TestProblemOrder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.jsonl", "{\"id\":\"dana\"}\n")
	b := write("b.jsonl", "{\"id\":\"dana\"}\n{\"id\":\"x\",\"ratings\":{\"coaching\":{\"level\":9}}}\n{\"id\":\"-bad\"}\n")
	c := write("c.json", `{"id":"cy","ratings":{"coaching":{"level":7}}}`)
	r := runWLP("", "rank", "coaching-role-that-is-not", a, b, c)
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		line = strings.TrimPrefix(line, "wlp rank: ")
		for _, in := range []string{a, b, c} {
			if rest, ok := strings.CutPrefix(line, in+": "); ok {
				at, _, _ := strings.Cut(rest, ":")
				got = append(got, filepath.Base(in)+" "+at)
			}
		}
	}
	want := []string{"b.jsonl line 1", "b.jsonl line 2", "b.jsonl line 3", "c.json /ratings/coaching/level"}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("the order of the problems (-want +got):\n%s\nstderr:\n%s", diff, r.stderr)
	}

	var flood strings.Builder
	for i := range problem.MaxReported + 500 {
		fmt.Fprintf(&flood, "{\"id\":\"p%d\",\"ratings\":{\"coaching\":{\"level\":9}}}\n", i)
	}
	r = runWLP("", "rank", "business-partner", write("flood.jsonl", flood.String()))
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code != exitFailure || len(lines) < problem.MaxReported+1 ||
		!strings.Contains(r.stderr, "and 500 more problems, not listed") {
		t.Errorf("a flood of %d bad lines: exit %d, %d lines of stderr ending %q; want %d listed and 500 counted",
			problem.MaxReported+500, r.code, len(lines), lines[len(lines)-1], problem.MaxReported)
	}
}
