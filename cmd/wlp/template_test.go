// This file tests template.go: wlp export -template, its misuse, and the
// documented round trip of a rating sheet: template, filled in,
// imported, ranked.

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
	"github.com/xuri/excelize/v2"
)

// wantTemplateHeader returns the header row a template of f holds: id, name,
// source, date, then "Name (id)" for every competency and area in f's
// order.
func wantTemplateHeader(t *testing.T, f *wlp.Framework) []string {
	t.Helper()
	h := []string{"id", "name", "source", "date"}
	for _, id := range f.IDs() {
		name, ok := f.NameOf(id)
		if !ok {
			t.Fatalf("no name for %s", id)
		}
		h = append(h, name+" ("+string(id)+")")
	}
	return h
}

func loadFrameworkFile(t *testing.T, path string) *wlp.Framework {
	t.Helper()
	return testfix.LoadFramework(t, path)
}

// TestTemplateCSV checks the CSV template on standard output: a
// byte-order mark, then the header row alone, ended by CRLF, for the
// default framework and one read from a file.
func TestTemplateCSV(t *testing.T) {
	for _, c := range []struct {
		args []string
		f    *wlp.Framework
	}{
		{args("export", "-template", "csv"), wlp.Default()},
		{args("export", "-template", "CSV"), wlp.Default()},
		{args("export", "-template", "csv", "-o", "-"), wlp.Default()},
		{args("export", "-template", "csv", "-framework", learning2), loadFrameworkFile(t, learning2)},
	} {
		r := runWLP("", c.args...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%v: exit %d\n%s", c.args, r.code, r.stderr)
		}
		want := "\xef\xbb\xbf" + strings.Join(wantTemplateHeader(t, c.f), ",") + "\r\n"
		if diff := gocmp.Diff(want, r.stdout); diff != "" {
			t.Errorf("%v (-want +got):\n%s", c.args, diff)
		}
	}
	// The learning2 template names IDs the default framework does not
	// have.
	r := runWLP("", "export", "-template", "csv", "-framework", learning2)
	if !strings.Contains(r.stdout, "(web-2-0-tools)") {
		t.Errorf("the learning2 template lacks its own IDs:\n%s", r.stdout)
	}
}

// TestTemplateFile checks -o: the CSV file holds what standard output
// would, and the workbook's sheet Ratings holds the header row alone,
// beside the sheets that explain it.
func TestTemplateFile(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		format string
		f      *wlp.Framework
		more   []string
	}{
		{"csv", wlp.Default(), nil},
		{"xlsx", wlp.Default(), nil},
		{"xlsx", loadFrameworkFile(t, learning2), args("-framework", learning2)},
	} {
		sub := t.TempDir()
		path, header := writeTemplate(t, c.format, sub, c.more...)
		if diff := gocmp.Diff(wantTemplateHeader(t, c.f), header); diff != "" {
			t.Errorf("%s %v: header (-want +got):\n%s", c.format, c.more, diff)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if c.format == "csv" {
			if r := runWLP("", args("export", "-template", "csv", c.more)...); r.stdout != string(b) {
				t.Errorf("csv -o: the file differs from standard output:\n%q\n%q", b, r.stdout)
			}
			continue
		}
		wb, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff([]string{"Ratings", "Scale", "Guide"}, wb.GetSheetList()); diff != "" {
			t.Errorf("%v: sheets (-want +got):\n%s", c.more, diff)
		}
		wb.Close()
	}
	// A workbook to standard output, asked for by -o -.
	r := runWLP("", "export", "-template", "xlsx", "-o", "-")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "PK\x03\x04") {
		t.Errorf("-o -: exit %d, output starts %q\n%s", r.code, r.stdout[:min(len(r.stdout), 8)], r.stderr)
	}
	// -o never writes over a file that exists without -force: it may be
	// the filled-in sheet.
	filled := filepath.Join(dir, "filled.csv")
	writeTestFile(t, filled, "id,name,coaching\r\nana,Ana,4\r\n")
	r = runWLP("", "export", "-template", "csv", "-o", filled)
	if r.code != exitFailure || !strings.Contains(r.stderr, "the file exists, and may be a filled-in sheet") {
		t.Errorf("-o over an existing file: exit %d\n%s", r.code, r.stderr)
	}
	if got := mustRead(t, filled); got != "id,name,coaching\r\nana,Ana,4\r\n" {
		t.Errorf("-o without -force changed the existing file: %q", got)
	}
	if r = runWLP("", "export", "-template", "csv", "-o", filled, "-force"); r.code != 0 || mustRead(t, filled) != runWLP("", "export", "-template", "csv").stdout {
		t.Errorf("-o with -force: exit %d, the file is not the template\n%s", r.code, r.stderr)
	}
	// -o never writes over the framework it read, even with -force.
	fw := filepath.Join(dir, "fw.json")
	writeTestFile(t, fw, mustRead(t, learning2))
	r = runWLP("", "export", "-template", "csv", "-framework", fw, "-o", fw, "-force")
	if r.code != exitFailure || !strings.Contains(r.stderr, "it is the input file") {
		t.Errorf("-o over the framework: exit %d\n%s", r.code, r.stderr)
	}
	if got := mustRead(t, fw); got != mustRead(t, learning2) {
		t.Error("-o wrote over the framework it read")
	}
}

// TestTemplateMisuse checks that what -template cannot do is misuse
// (status 2), with a message that says what to do.
func TestTemplateMisuse(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x")
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{args("export", "-template", "xlsx"), "-o FILE"},
		{args("export", "-template", "pdf"), `unknown -template format "pdf" (want csv or xlsx)`},
		{args("export", "-template", "json"), `unknown -template format "json"`},
		{args("export", "-template", "jsonl", "-o", out), `unknown -template format "jsonl"`},
		{args("export", "-template", "csv", "-table"), "-template excludes -table, -json and -csv"},
		{args("export", "-template", "csv", "-json"), "-template excludes -table, -json and -csv"},
		{args("export", "-template", "csv", "-csv"), "-template excludes -table, -json and -csv"},
		{args("export", "-template", "xlsx", "-csv", "-o", out), "-template excludes -table, -json and -csv"},
		{args("export", "-o", out), "-o and -force go with -template"},
		{args("export", "-json", "-o", out), "-o and -force go with -template"},
	} {
		r := runWLP("", c.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.msg) || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and %q", c.args, r.code, r.stdout, r.stderr, c.msg)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("misuse wrote %s", out)
	}
}

// cellForms returns how the round trip fills in level l of person i in
// column j, in turn: a number ("4", or a number cell in a workbook), a
// level's name, a label as the workbook's lists give it, "4.0" (a
// decimal number cell in a workbook), and a name in capitals; used
// counts each form written.
func cellForms(format string, used map[int]int) func(i, j int, l competency.Level) any {
	scale := wlp.Default().Scale()
	return func(i, j int, l competency.Level) any {
		form := (i + j) % 5
		used[form]++
		switch form {
		case 0:
			if format == "xlsx" {
				return int(l)
			}
			return fmt.Sprint(int(l))
		case 1:
			return scale.Name(l)
		case 2:
			return fmt.Sprintf("%d - %s", l, scale.Name(l))
		case 3:
			if format == "xlsx" {
				return float64(l)
			}
			return fmt.Sprintf("%d.0", l)
		}
		return strings.ToUpper(scale.Name(l))
	}
}

// TestTemplateRoundTrip runs the documented round trip end to end: the
// template, filled in with a few people (levels as numbers, names and
// labels; cells left blank), imported into a folder, and ranked. The
// imported documents are the people as written directly, and ranking
// them, or the sheet itself, prints what ranking those documents does.
func TestTemplateRoundTrip(t *testing.T) {
	team := sampleTeam()
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			tmp := t.TempDir()
			in := writeForms(t, tmp, team)
			used := map[int]int{}
			sheet := filledTemplate(t, format, tmp, team, cellForms(format, used))
			if len(used) != 5 {
				t.Fatalf("the sheet holds %d forms of level, want 5: %v", len(used), used)
			}
			dir := filepath.Join(tmp, "profiles")
			r := runWLP("", "import", "-o", dir, sheet)
			if r.code != 0 {
				t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
			}
			if diff := gocmp.Diff(snapshot(t, in.docs), snapshot(t, dir)); diff != "" {
				t.Errorf("the imported documents (-written +imported):\n%s", diff)
			}
			for _, flags := range [][]string{nil, args("-json"), args("-csv")} {
				want := runWLP("", args("rank", flags, "business-partner", in.docs)...)
				if want.code != 0 || len(want.stdout) < 100 {
					t.Fatalf("rank the documents: exit %d\n%s%s", want.code, want.stdout, want.stderr)
				}
				for _, from := range []string{dir, sheet} {
					got := runWLP("", args("rank", flags, "business-partner", from)...)
					if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(result{})); diff != "" {
						t.Errorf("rank %v %s (-documents +imported):\n%s", flags, filepath.Base(from), diff)
					}
				}
			}
		})
	}
}

// TestTemplateBlank checks that an empty template, or one of blank
// rows, reads as no people at all, never as people rated 0: whether
// that is an error or not, import writes no profile.
func TestTemplateBlank(t *testing.T) {
	for _, format := range []string{"csv", "xlsx"} {
		path, header := writeTemplate(t, format, t.TempDir())
		r := runWLP("", "import", path)
		if r.stdout != "" || (r.code != 0 && (r.code != 1 || r.stderr == "")) {
			t.Errorf("%s: exit %d, stdout %q\n%s", format, r.code, r.stdout, r.stderr)
		}
		if format == "csv" {
			fillCSV(t, path, [][]any{make([]any, len(header)), make([]any, len(header))}, header)
			r = runWLP("", "import", path)
			if r.stdout != "" || (r.code != 0 && (r.code != 1 || r.stderr == "")) {
				t.Errorf("%s with blank rows: exit %d, stdout %q\n%s", format, r.code, r.stdout, r.stderr)
			}
		}
		if !slices.Contains(header, "Coaching (coaching)") {
			t.Errorf("%s: no coaching column: %q", format, header)
		}
	}
}
