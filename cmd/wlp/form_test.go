package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/report"
)

// formPage returns the page package report writes for the framework in
// the file path ("" for the default).
func formPage(t *testing.T, path string) string {
	t.Helper()
	f := wlp.Default()
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if f, err = wlp.Load(bytes.NewReader(b)); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := report.NewForm(f).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestForm checks that `wlp form` writes the page of package report, for
// the embedded framework or the one -framework names (from a file or from
// standard input), to standard output or to the file -o names; and its
// misuse and failures.
func TestForm(t *testing.T) {
	def, l2 := formPage(t, ""), formPage(t, learning2)
	tiny := mustRead(t, "testdata/tiny-framework.json")
	out := filepath.Join(t.TempDir(), "form.html")
	for _, c := range []struct {
		name  string
		args  []string
		stdin string
		want  result
	}{
		{"default", args("form"), "", result{0, def, ""}},
		{"other framework", args("form", "-framework", learning2), "", result{0, l2, ""}},
		{"framework on stdin", args("form", "-framework", "-"), tiny, result{0, formPage(t, "testdata/tiny-framework.json"), ""}},
		{"to a file", args("form", "-o", out), "", result{0, "", ""}},
		{"to stdout by -o -", args("form", "-o", "-"), "", result{0, def, ""}},
		{"an argument", args("form", "now"), "", result{2, "", "wlp form: takes no arguments, got 1\n" +
			"usage: wlp form [-framework FILE] [-o FILE]\nRun 'wlp help form' for details.\n"}},
		{"unknown flag", args("form", "-json"), "", result{2, "", "wlp form: unknown flag -json: a flag of "}},
		{"bad framework", args("form", "-framework", "testdata/bad-framework.json"), "", result{1, "", mustRead(t, "testdata/export-bad-framework.golden")}},
		{"missing framework", args("form", "-framework", "testdata/missing.json"), "", result{1, "", "wlp form: testdata/missing.json: cannot read: no such file\n"}},
		{"missing folder", args("form", "-o", filepath.Join(t.TempDir(), "no", "such", "form.html")), "", result{1, "", "cannot write"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := runWLP(c.stdin, c.args...)
			want := c.want
			switch c.name {
			case "bad framework":
				// The same problems export reports, under the form's name.
				_, stderr, _ := strings.Cut(want.stderr, "-- stderr --\n")
				want.stderr = strings.ReplaceAll(stderr, "wlp export:", "wlp form:")
			case "missing folder", "unknown flag":
				// The message goes on to name other commands, or the
				// system's reason.
				if strings.Contains(got.stderr, want.stderr) {
					want.stderr = got.stderr
				}
				if c.name == "unknown flag" && !strings.HasSuffix(got.stderr, "\nusage: wlp form [-framework FILE] [-o FILE]\nRun 'wlp help form' for details.\n") {
					t.Errorf("no usage line after the message:\n%s", got.stderr)
				}
			}
			if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("wlp %s (-want +got):\n%s", strings.Join(c.args, " "), diff)
			}
		})
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != def {
		t.Errorf("-o wrote another page than standard output gets")
	}
	for _, want := range []string{"<legend>Coaching</legend>", "Learning 2.0"} {
		if !strings.Contains(l2, want) {
			t.Errorf("the page of learning2.json lacks %q", want)
		}
	}
}
