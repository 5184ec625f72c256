// This file tests import.go: wlp import to standard output and to a
// folder. It also holds what the tests of reading people share: a small
// team, and writers of it in every form wlp reads (a folder of
// documents, a JSON array, JSON Lines, a CSV file and a workbook filled
// in from wlp's own template).

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/profile"
	"github.com/xuri/excelize/v2"
)

// sampleTeam returns three people of the default framework as a sheet can
// hold them: each person's ratings share one source and date (a sheet's
// row gives them to the whole row), and one rating is a 0, rated as
// such (not left blank). They are in ID order, as a folder lists them.
func sampleTeam() []profile.Profile {
	rated := func(src profile.Source, date string, levels map[competency.ID]competency.Level) map[competency.ID]profile.Rating {
		out := make(map[competency.ID]profile.Rating, len(levels))
		for id, l := range levels {
			out[id] = profile.Rating{Level: l, Source: src, AssessedAt: date}
		}
		return out
	}
	return []profile.Profile{
		{ID: "ana", Name: "Ana Ruiz", Ratings: rated("manager", "2026-03-01", map[competency.ID]competency.Level{
			"coaching": 4, "building-trust": 3, "thinking-strategically": 5, "applying-business-acumen": 2,
			"analyzing-needs-and-proposing-solutions": 4, "influencing-stakeholders": 3, "measuring-and-evaluating": 1,
		})},
		{ID: "bob", Name: "Bob Lee", Ratings: rated("", "", map[competency.ID]competency.Level{
			"coaching": 2, "designing-learning": 5, "driving-results": 3, "applying-business-acumen": 0,
			"analyzing-needs-and-proposing-solutions": 1, "improving-human-performance": 4,
		})},
		{ID: "cid", Name: "Cid", Ratings: rated("self", "", map[competency.ID]competency.Level{
			"building-trust": 5, "communicating-effectively": 4, "career-planning-and-talent-management": 2,
			"networking-and-partnering": 3, "influencing-stakeholders": 4,
		})},
	}
}

// teamForms names the files writeForms wrote: the same people in each.
type teamForms struct {
	docs  string // a folder of one indented document per person, ID.json
	array string // a JSON array of the profiles
	lines string // JSON Lines
	csv   string // a wide CSV sheet, headed by IDs
	stdin string // JSON Lines, for standard input
}

// writeForms writes ps in dir in every form but a workbook.
func writeForms(t *testing.T, dir string, ps []profile.Profile) teamForms {
	t.Helper()
	in := teamForms{
		docs:  filepath.Join(dir, "docs"),
		array: filepath.Join(dir, "team.json"),
		lines: filepath.Join(dir, "team.jsonl"),
		csv:   filepath.Join(dir, "team.csv"),
	}
	if err := os.Mkdir(in.docs, 0o755); err != nil {
		t.Fatal(err)
	}
	var lines bytes.Buffer
	for _, p := range ps {
		writeTestFile(t, filepath.Join(in.docs, p.ID+".json"), indented(t, p))
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		lines.Write(append(b, '\n'))
	}
	in.stdin = lines.String()
	writeTestFile(t, in.lines, in.stdin)
	b, err := json.MarshalIndent(ps, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, in.array, string(b))
	header := []string{"id", "name", "source", "date"}
	for _, id := range wlp.Default().IDs() {
		header = append(header, string(id))
	}
	writeTestFile(t, in.csv, "")
	fillCSV(t, in.csv, sheetRows(header, ps, func(_, _ int, l competency.Level) any { return int(l) }), header)
	return in
}

// indented returns p as import -o writes it.
func indented(t *testing.T, p profile.Profile) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeJSON(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeTemplate writes wlp's rating sheet as format (csv or xlsx) to dir
// with `wlp export -template`, and returns its path and header row.
func writeTemplate(t *testing.T, format, dir string, more ...string) (string, []string) {
	t.Helper()
	path := filepath.Join(dir, "ratings."+format)
	if r := runWLP("", args("export", "-template", format, "-o", path, more)...); r.code != 0 {
		t.Fatalf("export -template %s: exit %d\n%s", format, r.code, r.stderr)
	}
	if format == "csv" {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		header, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).Read()
		if err != nil {
			t.Fatal(err)
		}
		return path, header
	}
	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows("Ratings")
	if err != nil || len(rows) != 1 {
		t.Fatalf("the template's sheet Ratings: %d rows, %v", len(rows), err)
	}
	return path, rows[0]
}

// columnID returns the ID a template's header names: "x" in "Name (x)",
// or the header itself.
func columnID(h string) competency.ID {
	if i := strings.LastIndex(h, " ("); i >= 0 && strings.HasSuffix(h, ")") {
		return competency.ID(h[i+2 : len(h)-1])
	}
	return competency.ID(h)
}

// sheetRows returns the rows of a wide sheet of header holding ps: the
// cell of person i's level l in column j is cell(i, j, l), and nil where
// the person has no rating.
func sheetRows(header []string, ps []profile.Profile, cell func(i, j int, l competency.Level) any) [][]any {
	var rows [][]any
	for i, p := range ps {
		var src, date string
		for _, r := range p.Ratings {
			src, date = string(r.Source), r.AssessedAt
		}
		row := make([]any, len(header))
		for j, h := range header {
			switch h {
			case "id":
				row[j] = p.ID
			case "name":
				row[j] = p.Name
			case "source":
				row[j] = src
			case "date":
				row[j] = date
			default:
				if r, ok := p.Ratings[columnID(h)]; ok {
					row[j] = cell(i, j, r.Level)
				}
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// fillCSV appends rows to the CSV file path, as a spreadsheet program
// saves them: CRLF, fields quoted where needed. An empty file gets the
// header row first.
func fillCSV(t *testing.T, path string, rows [][]any, header []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	buf := bytes.NewBuffer(b)
	w := csv.NewWriter(buf)
	w.UseCRLF = true
	if len(b) == 0 {
		w.Write(header)
	}
	for _, row := range rows {
		rec := make([]string, len(row))
		for j, v := range row {
			if v != nil {
				rec[j] = fmt.Sprint(v)
			}
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, path, buf.String())
}

// fillXLSX writes rows below the header of the sheet Ratings of the
// workbook path, as a person fills it in: numbers as numbers, and a date
// as a date (a serial number shown as one).
func fillXLSX(t *testing.T, path string, rows [][]any, header []string) {
	t.Helper()
	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	for i, row := range rows {
		for j, h := range header {
			if s, ok := row[j].(string); ok && h == "date" && s != "" {
				d, err := time.Parse(time.DateOnly, s)
				if err != nil {
					t.Fatal(err)
				}
				row[j] = d
			}
			if s, ok := row[j].(string); ok && s == "" {
				row[j] = nil
			}
		}
		if err := wb.SetSheetRow("Ratings", fmt.Sprintf("A%d", i+2), &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.Save(); err != nil {
		t.Fatal(err)
	}
}

// filledTemplate writes wlp's template as format in dir, filled in with
// ps (cells as cell gives them), and returns its path.
func filledTemplate(t *testing.T, format, dir string, ps []profile.Profile, cell func(i, j int, l competency.Level) any) string {
	t.Helper()
	path, header := writeTemplate(t, format, dir)
	rows := sheetRows(header, ps, cell)
	if format == "csv" {
		fillCSV(t, path, rows, header)
	} else {
		fillXLSX(t, path, rows, header)
	}
	return path
}

// decodeLines decodes JSON Lines of profiles, strictly.
func decodeLines(t *testing.T, out string) []profile.Profile {
	t.Helper()
	var ps []profile.Profile
	for i, line := range strings.SplitAfter(out, "\n") {
		if line == "" {
			continue
		}
		if !strings.HasSuffix(line, "\n") || strings.Count(line, "\n") != 1 {
			t.Fatalf("line %d is not one line: %q", i+1, line)
		}
		p, err := profile.Load(strings.NewReader(line))
		if err != nil {
			t.Fatalf("line %d: %v\n%s", i+1, err, line)
		}
		ps = append(ps, p)
	}
	return ps
}

// snapshot returns the files under dir and their contents; nil when dir
// does not exist.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImportStdout checks that import writes one profile a line, equal
// to the one written as a JSON document, from every form of input.
func TestImportStdout(t *testing.T) {
	dir := t.TempDir()
	team := sampleTeam()
	in := writeForms(t, dir, team)
	xlsxDir := filepath.Join(dir, "x")
	if err := os.Mkdir(xlsxDir, 0o755); err != nil {
		t.Fatal(err)
	}
	xlsx := filledTemplate(t, "xlsx", xlsxDir, team, func(_, _ int, l competency.Level) any { return int(l) })
	for _, c := range []struct {
		name  string
		args  []string
		stdin string
	}{
		{"csv", args(in.csv), ""},
		{"xlsx", args(xlsx), ""},
		{"folder", args(in.docs), ""},
		{"quoted glob", args(filepath.Join(in.docs, "*.json")), ""},
		{"glob of a few", args(filepath.Join(in.docs, "[bc]??.json")), ""},
		{"json array", args(in.array), ""},
		{"json lines", args(in.lines), ""},
		{"stdin", args("-"), in.stdin},
		{"one each", args(filepath.Join(in.docs, "ana.json"), filepath.Join(in.docs, "bob.json"), filepath.Join(in.docs, "cid.json")), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runWLP(c.stdin, args("import", c.args)...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			want := team
			if c.name == "glob of a few" {
				want = team[1:]
			}
			if diff := gocmp.Diff(want, decodeLines(t, r.stdout)); diff != "" {
				t.Errorf("profiles (-want +got):\n%s", diff)
			}
		})
	}
}

// TestImportKeepsReviews checks that import leaves a 360-degree review as
// it is, to standard output and to a file, where the commands that score
// combine it.
func TestImportKeepsReviews(t *testing.T) {
	want := combined(t, alex, "none")
	if len(want.Reviews) == 0 {
		t.Fatal("the sample has no reviews")
	}
	r := runWLP("", "import", alex)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if diff := gocmp.Diff([]profile.Profile{want}, decodeLines(t, r.stdout)); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	out := filepath.Join(t.TempDir(), "p")
	if r := runWLP("", "import", "-o", out, alex); r.code != 0 {
		t.Fatalf("-o: exit %d\n%s", r.code, r.stderr)
	}
	if diff := gocmp.Diff(map[string]string{"alex.json": indented(t, want)}, snapshot(t, out)); diff != "" {
		t.Errorf("-o (-want +got):\n%s", diff)
	}
}

// TestImportDir checks -o DIR: one indented file per person, named after
// the ID, in a folder made if missing (with its parents), and -force
// writing over what is there while leaving other files alone.
func TestImportDir(t *testing.T) {
	team := sampleTeam()
	want := map[string]string{}
	for _, p := range team {
		want[p.ID+".json"] = indented(t, p)
	}
	for _, c := range []struct {
		name   string
		before map[string]string // DIR's files; nil: no DIR
		force  bool
		out    string // under DIR: the -o folder
	}{
		{"missing folder", nil, false, "."},
		{"missing parents", nil, false, "a/b"},
		{"empty folder", map[string]string{}, false, "."},
		{"other files", map[string]string{"notes.txt": "keep\n", "dee.json": "{}"}, false, "."},
		{"force", map[string]string{"ana.json": "old\n", "cid.json": "old\n", "notes.txt": "keep\n"}, true, "."},
	} {
		t.Run(c.name, func(t *testing.T) {
			tmp := t.TempDir()
			in := writeForms(t, tmp, team)
			dir := filepath.Join(tmp, "out")
			if c.before != nil {
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				for name, content := range c.before {
					writeTestFile(t, filepath.Join(dir, name), content)
				}
			}
			out := filepath.Join(dir, c.out)
			argv := args("import", "-o", out, in.csv)
			if c.force {
				argv = append(argv, "-force")
			}
			r := runWLP("", argv...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			if got, want := r.stdout, "wrote 3 profiles to "+filepath.Clean(out)+string(filepath.Separator)+"\n"; got != want {
				t.Errorf("stdout %q, want %q", got, want)
			}
			wantAll := map[string]string{}
			for name, content := range c.before {
				wantAll[name] = content
			}
			for name, content := range want {
				wantAll[filepath.ToSlash(filepath.Join(c.out, name))] = content
			}
			if diff := gocmp.Diff(wantAll, snapshot(t, dir)); diff != "" {
				t.Errorf("the folder (-want +got):\n%s", diff)
			}
		})
	}
}

// TestImportRefuses checks what import refuses, and that it then writes
// nothing at all: the folder is as it was.
func TestImportRefuses(t *testing.T) {
	team := sampleTeam()
	for _, c := range []struct {
		name string
		// argv returns the arguments, given the files of the team, the
		// folder DIR (which holds ana.json and bob.json, valid
		// documents of other people's ratings, and notes.txt), and a
		// scratch folder.
		argv func(in teamForms, dir, tmp string) []string
		code int
		msg  []string // in stderr
	}{
		{"existing files", func(in teamForms, dir, _ string) []string {
			return args("import", "-o", dir, in.csv)
		}, exitFailure, []string{"2 files already exist (ana.json, bob.json)", "nothing was written", "-force"}},
		{"one existing file", func(in teamForms, dir, _ string) []string {
			return args("import", "-o", dir, filepath.Join(in.docs, "bob.json"), filepath.Join(in.docs, "cid.json"))
		}, exitFailure, []string{"1 file already exists (bob.json)"}},
		{"force without -o", func(in teamForms, _, _ string) []string {
			return args("import", "-force", in.csv)
		}, exitUsage, []string{"-force goes with -o"}},
		{"-o names a file", func(in teamForms, dir, _ string) []string {
			return args("import", "-o", filepath.Join(dir, "notes.txt"), in.csv)
		}, exitFailure, []string{"notes.txt: not a folder"}},
		{"-o names a file, forced", func(in teamForms, dir, _ string) []string {
			return args("import", "-force", "-o", filepath.Join(dir, "notes.txt"), in.csv)
		}, exitFailure, []string{"notes.txt: not a folder"}},
		{"input last", func(in teamForms, dir, tmp string) []string {
			dee := filepath.Join(tmp, "dee.jsonl")
			writeTestFile(t, dee, `{"id": "dee", "ratings": {"coaching": {"level": 1}}}`+"\n")
			return args("import", "-force", "-o", dir, dee, filepath.Join(dir, "bob.json"))
		}, exitFailure, []string{"bob.json: it is the input file"}},
		{"input first", func(_ teamForms, dir, tmp string) []string {
			dee := filepath.Join(tmp, "dee.jsonl")
			writeTestFile(t, dee, `{"id": "dee", "ratings": {"coaching": {"level": 1}}}`+"\n")
			return args("import", "-force", "-o", dir, filepath.Join(dir, "ana.json"), dee)
		}, exitFailure, []string{"ana.json: it is the input file"}},
		{"the folder itself", func(_ teamForms, dir, _ string) []string {
			return args("import", "-force", "-o", dir, dir)
		}, exitFailure, []string{"it is the input file"}},
		{"an invalid input", func(in teamForms, dir, tmp string) []string {
			bad := filepath.Join(tmp, "bad.csv")
			writeTestFile(t, bad, "id,name,coaching\ndee,Dee,6\n")
			return args("import", "-force", "-o", dir, filepath.Join(in.docs, "cid.json"), bad)
		}, exitFailure, []string{"bad.csv: row 2, column 'coaching': 6 is above"}},
		{"an invalid input, new folder", func(in teamForms, dir, tmp string) []string {
			bad := filepath.Join(tmp, "bad.csv")
			writeTestFile(t, bad, "id,name,coaching\ndee,Dee,6\n")
			return args("import", "-o", filepath.Join(dir, "new"), filepath.Join(in.docs, "cid.json"), bad)
		}, exitFailure, []string{"bad.csv: row 2, column 'coaching': 6 is above"}},
		{"the same ID twice", func(in teamForms, dir, _ string) []string {
			return args("import", "-force", "-o", filepath.Join(dir, "new"), in.csv, in.lines)
		}, exitFailure, []string{`team.jsonl: line 1: profile ID "ana" was read before, at `, `team.csv: row 2:`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tmp := t.TempDir()
			in := writeForms(t, tmp, team)
			dir := filepath.Join(tmp, "out")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			writeTestFile(t, filepath.Join(dir, "ana.json"), indented(t, profile.Profile{ID: "ana", Name: "Ana (2024)", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 1}}}))
			writeTestFile(t, filepath.Join(dir, "bob.json"), indented(t, profile.Profile{ID: "bob", Name: "Bob (2024)", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 1}}}))
			writeTestFile(t, filepath.Join(dir, "notes.txt"), "keep\n")
			before := snapshot(t, dir)
			argv := c.argv(in, dir, tmp)
			r := runWLP("", argv...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d\n%s", r.code, c.code, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
			for _, m := range c.msg {
				if !strings.Contains(r.stderr, m) {
					t.Errorf("stderr does not say %q:\n%s", m, r.stderr)
				}
			}
			if diff := gocmp.Diff(before, snapshot(t, dir)); diff != "" {
				t.Errorf("the folder changed (-before +after):\n%s", diff)
			}
		})
	}
}

// TestFileNames checks the file names of import -o: the ID and .json,
// distinct in any case, never another person's own name.
func TestFileNames(t *testing.T) {
	for _, c := range []struct {
		ids, want []string
	}{
		{[]string{"ana", "bob"}, []string{"ana.json", "bob.json"}},
		{[]string{"Ana", "ana"}, []string{"Ana.json", "ana-2.json"}},
		{[]string{"ana", "Ana", "ANA"}, []string{"ana.json", "Ana-2.json", "ANA-3.json"}},
		{[]string{"Ana", "ana", "ana-2"}, []string{"Ana.json", "ana-3.json", "ana-2.json"}},
		{[]string{"ana-2", "Ana", "ana"}, []string{"ana-2.json", "Ana.json", "ana-3.json"}},
		{[]string{"a.b", "A.B", "a.b-2", "A.b-3"}, []string{"a.b.json", "A.B-4.json", "a.b-2.json", "A.b-3.json"}},
		{nil, []string{}},
	} {
		ps := make([]people.Person, len(c.ids))
		for i, id := range c.ids {
			ps[i].Profile.ID = id
		}
		got := fileNames(ps)
		if diff := gocmp.Diff(c.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", c.ids, diff)
		}
		lower := map[string]bool{}
		for _, n := range got {
			if lower[strings.ToLower(n)] {
				t.Errorf("%q: %s twice, to a file system that ignores case", c.ids, n)
			}
			lower[strings.ToLower(n)] = true
		}
	}
}

// TestImportCaseIDs checks end to end that IDs that differ only in case
// are written to distinct files, each holding its own person.
func TestImportCaseIDs(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "case.jsonl")
	writeTestFile(t, in, `{"id": "Ana", "ratings": {"coaching": {"level": 2}}}`+"\n"+
		`{"id": "ana", "ratings": {"coaching": {"level": 3}}}`+"\n")
	out := filepath.Join(tmp, "out")
	if r := runWLP("", "import", "-o", out, in); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	want := map[string]string{
		"Ana.json":   indented(t, profile.Profile{ID: "Ana", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 2}}}),
		"ana-2.json": indented(t, profile.Profile{ID: "ana", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 3}}}),
	}
	if diff := gocmp.Diff(want, snapshot(t, out)); diff != "" {
		t.Errorf("the folder (-want +got):\n%s", diff)
	}
}

// TestImportBadSheet checks that every problem of a bad sheet is
// reported at once, each with its file, row (or cell) and column, and that
// nothing reaches standard output.
func TestImportBadSheet(t *testing.T) {
	tmp := t.TempDir()
	bad := filepath.Join(tmp, "bad.csv")
	writeTestFile(t, bad, "id,name,Coaching,Buildng Trust,Department,designing learning\r\n"+
		"ana,Ana,6,3,HR,\r\n"+
		"bob,Bob,expert,,IT,x\r\n"+
		"ana,Ann,1,1,HR,2\r\n")
	xdir := filepath.Join(tmp, "x")
	if err := os.Mkdir(xdir, 0o755); err != nil {
		t.Fatal(err)
	}
	xlsx := filledTemplate(t, "xlsx", xdir, sampleTeam(), func(i, _ int, l competency.Level) any {
		if i == 1 {
			return int(l) + 7 // bob's row, 3: every rating above the scale
		}
		return int(l)
	})
	type line struct{ place, says string }
	// bob's ratings, each 7 above, in the framework's order.
	_, header := writeTemplate(t, "csv", t.TempDir())
	var xlsxWant []line
	for j, h := range header {
		if r, ok := sampleTeam()[1].Ratings[columnID(h)]; ok {
			col, _ := excelize.ColumnNumberToName(j + 1)
			xlsxWant = append(xlsxWant, line{fmt.Sprintf("%s: cell Ratings!%s3, column '%s", xlsx, col, h[:min(len(h), 16)]),
				fmt.Sprintf("%d is above the scale's top level 5", r.Level+7)})
		}
	}
	for _, c := range []struct {
		name string
		args []string
		want []line
	}{
		{"csv", args(bad), []line{
			{bad + ": row 1, column 'Buildng Trust': ", "'Building trust'"},
			{bad + ": row 1, column 'Department': ", "-ignore Department"},
			{bad + ": row 2, column 'Coaching': ", "6 is above the scale's top level 5"},
			{bad + ": row 3, column 'designing learning': ", "'x' is not a level"},
			{bad + ": row 4, column 'id': ", "'ana' is on row 2 too"},
		}},
		{"csv -ignore", args("-ignore", "department", bad), []line{
			{bad + ": row 1, column 'Buildng Trust': ", "'Building trust'"},
			{bad + ": row 2, column 'Coaching': ", "6 is above the scale's top level 5"},
			{bad + ": row 3, column 'designing learning': ", "'x' is not a level"},
			{bad + ": row 4, column 'id': ", "'ana' is on row 2 too"},
		}},
		{"xlsx", args(xlsx), xlsxWant},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runWLP("", args("import", c.args)...)
			if r.code != exitFailure || r.stdout != "" {
				t.Fatalf("exit %d, stdout %q; want 1 and nothing", r.code, r.stdout)
			}
			got := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			if len(got) != len(c.want) {
				t.Fatalf("%d lines, want %d:\n%s", len(got), len(c.want), r.stderr)
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], "wlp import: "+w.place) || !strings.Contains(got[i], w.says) {
					t.Errorf("line %d: %q\nwant %q... %q", i+1, got[i], "wlp import: "+w.place, w.says)
				}
			}
		})
	}
}

// TestImportDates checks -dates: a date that could be either is a problem
// by default, and read as the flag says otherwise.
func TestImportDates(t *testing.T) {
	file := filepath.Join(t.TempDir(), "us.csv")
	writeTestFile(t, file, "id,date,coaching\r\nana,03/04/2026,4\r\n")
	for _, tt := range []struct {
		flags []string
		code  int
		want  string // in stdout, or stderr for a failure
	}{
		{nil, exitFailure, "'03/04/2026' could be 2026-04-03 or 2026-03-04"},
		{[]string{"-dates", "mdy"}, 0, `"assessedAt":"2026-03-04"`},
		{[]string{"-dates", "dmy"}, 0, `"assessedAt":"2026-04-03"`},
		{[]string{"-dates", "ymd"}, exitUsage, `invalid value "ymd" for flag -dates`},
	} {
		r := runWLP("", args("import", tt.flags, file)...)
		out := r.stdout
		if tt.code != 0 {
			out = r.stderr
		}
		if r.code != tt.code || !strings.Contains(out, tt.want) {
			t.Errorf("import %v: exit %d, want %d and %q in:\n%s%s", tt.flags, r.code, tt.code, tt.want, r.stdout, r.stderr)
		}
	}
}

// TestImportOutsideDir checks what the outside review found: import -o
// never writes through a symbolic link in DIR, even with -force, and its
// JSON Lines keep "&" as it is.
func TestImportOutsideDir(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside.txt")
	writeTestFile(t, outside, "keep")
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "ana.json")); err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join(dir, "one.csv")
	writeTestFile(t, sheet, "id,name,coaching\nana,Tom & Jerry,3\n")
	r := runWLP("", "import", "-o", out, "-force", sheet)
	if r.code != exitFailure || !strings.Contains(r.stderr, "1 file to write is a symbolic link (ana.json); nothing was written") {
		t.Errorf("import through a link: exit %d\n%s", r.code, r.stderr)
	}
	if got := mustRead(t, outside); got != "keep" {
		t.Errorf("import wrote through the link: %q", got)
	}
	r = runWLP("", "import", sheet)
	if want := `{"id":"ana","name":"Tom & Jerry","ratings":{"coaching":{"level":3}}}` + "\n"; r.code != 0 || r.stdout != want {
		t.Errorf("import to standard output: exit %d, got %q, want %q", r.code, r.stdout, want)
	}
}

// TestStdinOnce checks that standard input read as the framework is not
// read again as people: the message says so, once.
func TestStdinOnce(t *testing.T) {
	fw := runWLP("", "export").stdout
	r := runWLP(fw, "rank", "-framework", "-", "business-partner", "-")
	want := "wlp rank: <stdin>: cannot read: standard input is read once, and was read already (as -framework -)\n"
	if r.code != exitFailure || r.stderr != want {
		t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, exitFailure, want)
	}
}
