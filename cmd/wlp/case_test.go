package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
)

// loadFile loads the framework document path names.
func loadFile(t *testing.T, path string) *wlp.Framework {
	t.Helper()
	return loadFramework(t, mustRead(t, path))
}

// encoded returns f as cfpackage encodes its export with opt.
func encoded(t *testing.T, f *wlp.Framework, opt cfpackage.ExportOptions) string {
	t.Helper()
	p, err := cfpackage.Export(f, &opt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := cfpackage.Encode(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestExportCase checks that export -case prints what cfpackage.Export
// and Encode make of the framework, byte for byte, for each flag, and
// the same bytes every time.
func TestExportCase(t *testing.T) {
	def, l2 := wlp.Default(), loadFile(t, learning2)
	changed := time.Date(2026, 3, 1, 7, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		args []string
		f    *wlp.Framework
		opt  cfpackage.ExportOptions
	}{
		{args("export", "-case"), def, cfpackage.ExportOptions{}},
		{args("export", "-case", "-strict"), def, cfpackage.ExportOptions{Strict: true}},
		{args("export", "-case", "-base-uri", "https://case.example.org/uri/"), def, cfpackage.ExportOptions{BaseURI: "https://case.example.org/uri/"}},
		{args("export", "-case", "-strict", "-base-uri", "https://case.example.org/uri"), def, cfpackage.ExportOptions{Strict: true, BaseURI: "https://case.example.org/uri"}},
		{args("export", "-case", "-changed", "2026-03-01T09:30:00+02:00"), def, cfpackage.ExportOptions{Changed: changed}},
		{args("export", "-case", "-changed", "2026-03-01"), def, cfpackage.ExportOptions{Changed: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}},
		{args("export", "-case", "-creator", "ASTD"), def, cfpackage.ExportOptions{Creator: "ASTD"}},
		{args("export", "-case", "-framework", learning2), l2, cfpackage.ExportOptions{}},
		{args("export", "-case", "-strict", "-framework", learning2, "-o", "-"), l2, cfpackage.ExportOptions{Strict: true}},
	} {
		want := result{0, encoded(t, c.f, c.opt), ""}
		for range 2 {
			if diff := gocmp.Diff(want, runWLP("", c.args...), gocmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("wlp %s (-want +got):\n%s", strings.Join(c.args, " "), diff)
			}
		}
	}
	// The default time, and a time zone, as the help says.
	r := runWLP("", "export", "-case")
	if !strings.Contains(r.stdout, `"lastChangeDateTime": "1970-01-01T00:00:00Z"`) {
		t.Errorf("export -case does not write the time 1970-01-01T00:00:00Z")
	}
	r = runWLP("", "export", "-case", "-changed", "2026-03-01T09:30:00+02:00")
	if strings.Contains(r.stdout, "1970-01-01") || !strings.Contains(r.stdout, `"lastChangeDateTime": "2026-03-01T07:30:00Z"`) {
		t.Errorf("export -case -changed does not write the time given, in UTC")
	}
}

// TestExportCaseFile checks export -case -o: the same bytes as on
// standard output, and an existing file written over only with -force.
func TestExportCaseFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "astd.case.json")
	want := encoded(t, wlp.Default(), cfpackage.ExportOptions{})
	check := func(what, content string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(content, string(b)); diff != "" {
			t.Errorf("%s: the file (-want +got):\n%s", what, diff)
		}
	}
	if r := runWLP("", "export", "-case", "-o", path); r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("export -case -o: %+v", r)
	}
	check("-o", want)

	os.WriteFile(path, []byte("mine\n"), 0o644)
	r := runWLP("", "export", "-case", "-o", path)
	wantErr := "wlp export: " + path + ": the file exists: nothing was written; pass -force to write over it, or write to another file\n"
	if diff := gocmp.Diff(result{1, "", wantErr}, r, gocmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("-o over a file (-want +got):\n%s", diff)
	}
	check("-o over a file", "mine\n")

	if r := runWLP("", "export", "-case", "-strict", "-o", path, "-force"); r.code != 0 || r.stderr != "" {
		t.Fatalf("export -case -o -force: %+v", r)
	}
	check("-force", encoded(t, wlp.Default(), cfpackage.ExportOptions{Strict: true}))
}

// TestCaseUsage checks the misuse of the CASE flags: each exits 2 with
// a message and the usage line, and writes nothing.
func TestCaseUsage(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "p.json")
	writeTestFile(t, pkg, encoded(t, wlp.Default(), cfpackage.ExportOptions{}))
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{args("export", "-strict"), "wlp export: -strict goes with -case\n"},
		{args("export", "-base-uri", "https://x.org/", "-changed", "2026-01-01"), "wlp export: -base-uri and -changed go with -case\n"},
		{args("export", "-case", "-table"), "wlp export: -case excludes -table\n"},
		{args("export", "-case", "-csv"), "wlp export: -case excludes -csv\n"},
		{args("export", "-case", "-json"), "wlp export: -case excludes -json\n"},
		{args("export", "-case", "-template", "csv"), "wlp export: -case excludes -template\n"},
		{args("export", "-case", "-changed", "yesterday"), `wlp export: invalid value "yesterday" for flag -changed: want an RFC 3339 time such as 2026-03-01T09:30:00Z, or a date such as 2026-03-01` + "\n"},
		{args("export", "-case", "-changed", "2026-03-01T09:30:00"), "for flag -changed: want an RFC 3339 time"},
		{args("export", "-case", "-base-uri", "case/uri"), `wlp export: -base-uri: the base URI "case/uri" is not an absolute URI`},
		{args("export", "-case", "-force"), "wlp export: -force goes with -o FILE\n"},
		{args("export", "-o", filepath.Join(dir, "x.json")), "wlp export: -o and -force go with -template, -case or -crosswalk"},
		{args("import", "-map", "competency=Standard", pkg), "wlp import: -map goes with -case\n"},
		{args("import", "-id", "x", "-ignore-extensions", pkg), "wlp import: -id and -ignore-extensions go with -case\n"},
		{args("import", "-case", pkg, pkg), "wlp import: -case wants one PACKAGE, got 2 arguments\n"},
		{args("import", "-case"), "wlp import: wants at least 1 argument, got 0\n"},
		{args("import", "-case", "-framework", learning2, "-sheet", "x", pkg), "wlp import: -case excludes -framework and -sheet, which go with profiles\n"},
		{args("import", "-case", "-map", "domain=Domain", pkg), `wlp import: invalid value "domain=Domain" for flag -map: unknown kind "domain" (want cluster, competency, area, role, job, behavior or technologies)` + "\n"},
		{args("import", "-case", "-map", "competency", pkg), `for flag -map: want KIND=TYPE pairs such as competency=Standard, got "competency"` + "\n"},
		{args("import", "-case", "-map", "competency=", pkg), `got "competency="` + "\n"},
		{args("import", "-case", "-map", "competency=Standard,area=standard", pkg), `wlp import: -map: the type "standard" goes to competency and to area; a type goes to one kind` + "\n"},
		{args("import", "-case", "-map", "competency=Standard", "-map", "cluster=Standard", pkg), `wlp import: -map: the type "Standard" goes to cluster and to competency; a type goes to one kind` + "\n"},
		{args("import", "-case", "-map", "competency=role", pkg), `wlp import: -map: the type "Role" goes to competency and to role (by default: map role to another type); a type goes to one kind` + "\n"},
		{args("import", "-case", "-force", pkg), "wlp import: -force goes with -o FILE\n"},
	} {
		r := runWLP("", c.args...)
		name := "wlp " + strings.Join(c.args, " ")
		if r.code != 2 || r.stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, want exit 2 and nothing", name, r.code, r.stdout)
		}
		first, rest, _ := strings.Cut(r.stderr, "\n")
		if !strings.Contains(first+"\n", c.msg) {
			t.Errorf("%s: the message\n%s\nlacks %q", name, first, c.msg)
		}
		if !strings.HasPrefix(rest, "usage: wlp "+c.args[0]+" ") {
			t.Errorf("%s: no usage line after the message:\n%s", name, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.json")); err == nil {
		t.Errorf("a misuse wrote a file")
	}
}

// TestImportCaseRoundTrip checks that import -case of an exported
// package gives back the framework: its document, every command's use of
// it with -framework, and the same package when exported again. The
// package comes from a file and from standard input.
func TestImportCaseRoundTrip(t *testing.T) {
	dir := t.TempDir()
	def, err := frameworkJSON(wlp.Default())
	if err != nil {
		t.Fatal(err)
	}
	defFile := filepath.Join(dir, "default.json")
	writeTestFile(t, defFile, string(def))
	for _, c := range []struct {
		name, file string // the framework's file
	}{
		{"default", defFile},
		{"learning2", learning2},
	} {
		t.Run(c.name, func(t *testing.T) {
			orig := loadFile(t, c.file)
			pkgFile := filepath.Join(dir, c.name+".case.json")
			fwFile := filepath.Join(dir, c.name+".imported.json")
			pkg := encoded(t, orig, cfpackage.ExportOptions{})
			writeTestFile(t, pkgFile, pkg)

			r := runWLP("", "import", "-case", pkgFile)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("import -case: exit %d\n%s", r.code, r.stderr)
			}
			got, err := wlp.Load(strings.NewReader(r.stdout))
			if err != nil {
				t.Fatalf("the framework import -case writes does not load: %v", err)
			}
			if diff := gocmp.Diff(orig.Spec(), got.Spec()); diff != "" {
				t.Errorf("import -case of the export (-want +got):\n%s", diff)
			}
			want, err := frameworkJSON(got)
			if err != nil {
				t.Fatal(err)
			}
			if r.stdout != string(want) {
				t.Errorf("import -case does not write the framework as export does")
			}

			// Standard input, and -o.
			if diff := gocmp.Diff(r, runWLP(pkg, "import", "-case", "-"), gocmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("import -case - (-file +stdin):\n%s", diff)
			}
			if r := runWLP("", "import", "-case", "-o", fwFile, pkgFile); r.code != 0 || r.stdout != "" || r.stderr != "" {
				t.Fatalf("import -case -o: %+v", r)
			}
			if diff := gocmp.Diff(string(want), mustRead(t, fwFile)); diff != "" {
				t.Errorf("import -case -o: the file (-stdout +file):\n%s", diff)
			}

			// Every command reads it as it reads the original.
			for _, cmd := range [][]string{
				args("score", clo, dana),
				args("rank", "-json", "business-partner", team),
				args("team", "business-partner", team),
				args("export", "-table"),
				args("export", "-case"),
				args("validate", "-json", "-kind", "framework", c.file),
			} {
				want := runWLP("", args(cmd, "-framework", c.file)...)
				if want.code != 0 {
					t.Fatalf("wlp %s: exit %d\n%s", strings.Join(cmd, " "), want.code, want.stderr)
				}
				if cmd[0] == "validate" {
					cmd[len(cmd)-1] = fwFile
					want.stdout = strings.ReplaceAll(want.stdout, c.file, fwFile)
				}
				got := runWLP("", args(cmd, "-framework", fwFile)...)
				if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(result{})); diff != "" {
					t.Errorf("wlp %s with the imported framework (-original +imported):\n%s", strings.Join(cmd, " "), diff)
				}
			}
		})
	}
}

// TestImportCaseStrict checks a package without extensions: import
// -case of a strict export, and of a full one with -ignore-extensions,
// give the same framework, which scores as the original does, and which
// exports strictly to the same bytes again.
func TestImportCaseStrict(t *testing.T) {
	dir := t.TempDir()
	strict := filepath.Join(dir, "strict.case.json")
	full := filepath.Join(dir, "full.case.json")
	fw := filepath.Join(dir, "strict.json")
	writeTestFile(t, strict, encoded(t, wlp.Default(), cfpackage.ExportOptions{Strict: true}))
	writeTestFile(t, full, encoded(t, wlp.Default(), cfpackage.ExportOptions{}))

	r := runWLP("", "import", "-case", "-o", fw, strict)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("import -case of a strict package: %+v", r)
	}
	want := result{0, mustRead(t, fw), ""}
	if diff := gocmp.Diff(want, runWLP("", "import", "-case", "-ignore-extensions", full), gocmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("import -case -ignore-extensions differs from the import of a strict package (-strict +ignored):\n%s", diff)
	}
	if diff := gocmp.Diff(runWLP("", "import", "-case", full), runWLP("", "export"), gocmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("import -case of the full package differs from the framework (-imported +export):\n%s", diff)
	}
	if diff := gocmp.Diff(runWLP("", "score", "-json", clo, dana), runWLP("", "score", "-json", "-framework", fw, clo, dana), gocmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("a strict import scores otherwise (-original +imported):\n%s", diff)
	}
	if diff := gocmp.Diff(result{0, mustRead(t, strict), ""}, runWLP("", "export", "-case", "-strict", "-framework", fw), gocmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("export -case -strict of a strict import (-package +exported):\n%s", diff)
	}
}

// foreign is a small CASE 1.0 package as another system might write it:
// its own item types, a human coding scheme, and a date without a time
// zone.
const foreign = `{
  "CFDocument": {
    "identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e50", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e50",
    "creator": "Example Board", "title": "Example Skills", "lastChangeDateTime": "2024-05-01T10:00:00+00:00"
  },
  "CFItems": [
    {"identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e51", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e51",
     "fullStatement": "Working with people", "humanCodingScheme": "A", "CFItemType": "Domain", "lastChangeDateTime": "2024-05-01T10:00:00+00:00"},
    {"identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e52", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e52",
     "fullStatement": "Listens before answering.", "abbreviatedStatement": "Listening", "humanCodingScheme": "A.1", "CFItemType": "Standard", "lastChangeDateTime": "2024-05-01T10:00:00"},
    {"identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e53", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e53",
     "fullStatement": "Gives useful feedback.", "abbreviatedStatement": "Feedback", "humanCodingScheme": "A.2", "CFItemType": "Standard", "lastChangeDateTime": "2024-05-01T10:00:00+00:00"}
  ],
  "CFAssociations": [
    {"identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e61", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e61", "associationType": "isChildOf",
     "originNodeURI": {"title": "A", "identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e51", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e51"},
     "destinationNodeURI": {"title": "Example Skills", "identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e50", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e50"},
     "lastChangeDateTime": "2024-05-01T10:00:00+00:00"},
    {"identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e62", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e62", "associationType": "isChildOf",
     "originNodeURI": {"title": "A.1", "identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e52", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e52"},
     "destinationNodeURI": {"title": "A", "identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e51", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e51"},
     "lastChangeDateTime": "2024-05-01T10:00:00+00:00"},
    {"identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e63", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e63", "associationType": "isChildOf",
     "originNodeURI": {"title": "A.2", "identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e53", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e53"},
     "destinationNodeURI": {"title": "A", "identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e51", "uri": "https://case.example.org/uri/6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e51"},
     "lastChangeDateTime": "2024-05-01T10:00:00+00:00"}
  ]
}`

// warningLine matches a line import prints about the package file: the
// command, the file, a JSON pointer into the package and a message.
func warningLine(file string) *regexp.Regexp {
	return regexp.MustCompile(`^wlp import: ` + regexp.QuoteMeta(file) + `: /\S*: \S.*$`)
}

// TestImportCaseForeign checks import -case of a package from another
// system: -map, the warnings it prints, and what the framework keeps.
func TestImportCaseForeign(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "skills.json")
	writeTestFile(t, pkg, foreign)
	r := runWLP("", "import", "-case", "-map", "cluster=domain", "-map", "competency=Standard", "-id", "example-skills", pkg)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	checkReport(t, r.stderr, pkg, []string{"/CFItems/1/lastChangeDateTime: \"2024-05-01T10:00:00\" has no time zone"}, 0)
	f, err := wlp.Load(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatalf("the framework does not load: %v", err)
	}
	s := f.Spec()
	type comp struct{ Name, Summary, Cluster string }
	var got []comp
	for _, c := range s.Competencies {
		got = append(got, comp{c.Name, c.Summary, string(c.Cluster)})
	}
	if len(s.Clusters) != 1 {
		t.Fatalf("clusters %+v, want one", s.Clusters)
	}
	cl := string(s.Clusters[0].ID)
	wantComps := []comp{{"Listening", "Listens before answering.", cl}, {"Feedback", "Gives useful feedback.", cl}}
	if diff := gocmp.Diff(wantComps, got); diff != "" {
		t.Errorf("the competencies (-want +got):\n%s", diff)
	}
	if s.ID != "example-skills" || s.CASE == nil || s.CASE.Document.Identifier != "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e50" {
		t.Errorf("the framework's ID %q and kept document %+v", s.ID, s.CASE)
	}

	// Exported again, every item keeps its identifier and URI.
	fw := filepath.Join(dir, "skills.framework.json")
	writeTestFile(t, fw, r.stdout)
	out := runWLP("", "export", "-case", "-framework", fw)
	if out.code != 0 {
		t.Fatalf("export -case of the import: exit %d\n%s", out.code, out.stderr)
	}
	var in, back cfpackage.Package
	if err := json.Unmarshal([]byte(foreign), &in); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out.stdout), &back); err != nil {
		t.Fatal(err)
	}
	ids := func(p cfpackage.Package) map[string]string {
		m := map[string]string{p.Document.Identifier: p.Document.URI}
		for _, it := range p.Items {
			m[it.Identifier] = it.URI
		}
		return m
	}
	if diff := gocmp.Diff(ids(in), ids(back)); diff != "" {
		t.Errorf("identifiers and URIs after import and export (-imported +exported):\n%s", diff)
	}
}

// TestImportCaseMap checks that -map decides what the items of the
// foreign package become.
func TestImportCaseMap(t *testing.T) {
	pkg := filepath.Join(t.TempDir(), "skills.json")
	writeTestFile(t, pkg, foreign)
	type ids struct{ Clusters, Competencies, Areas, Others []string }
	for _, c := range []struct {
		maps []string
		want ids
		warn []string
	}{
		{args("-map", "cluster=domain,competency=Standard"), ids{Clusters: []string{"a"}, Competencies: []string{"a-1", "a-2"}}, nil},
		{args("-map", "area=STANDARD"), ids{Areas: []string{"a-1", "a-2"}, Others: []string{"A"}}, []string{"/CFItems/0: "}},
		{args("-map", "competency=Domain", "-map", "behavior=Standard"), ids{Areas: []string{"a"}}, []string{"/CFItems/0: "}},
	} {
		r := runWLP("", args("import", "-case", c.maps, pkg)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", c.maps, r.code, r.stderr)
		}
		checkReport(t, r.stderr, pkg, c.warn, 0)
		s := loadFramework(t, r.stdout).Spec()
		var got ids
		for _, x := range s.Clusters {
			got.Clusters = append(got.Clusters, string(x.ID))
		}
		for _, x := range s.Competencies {
			got.Competencies = append(got.Competencies, string(x.ID))
		}
		for _, x := range s.Areas {
			got.Areas = append(got.Areas, string(x.ID))
		}
		if s.CASE != nil {
			for _, x := range s.CASE.Others {
				got.Others = append(got.Others, x.Code)
			}
		}
		if diff := gocmp.Diff(c.want, got); diff != "" {
			t.Errorf("%v: the elements (-want +got):\n%s", c.maps, diff)
		}
	}
}

// loadFramework loads the framework document doc.
func loadFramework(t *testing.T, doc string) *wlp.Framework {
	t.Helper()
	f, err := wlp.Load(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("the framework does not load: %v", err)
	}
	return f
}

// checkReport checks what import -case printed on standard error about
// the package file: lines of warnings, each with the file and a JSON
// pointer, and a line counting them; then, if errors is not 0, as many
// lines of errors and a line counting them. Each of want must begin,
// after the command and file, some line.
func checkReport(t *testing.T, stderr, file string, want []string, errors int) {
	t.Helper()
	prefix := "wlp import: " + display(file) + ": "
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if errors > 0 {
		if len(lines) < errors+1 {
			t.Fatalf("%d lines, want %d errors and a count:\n%s", len(lines), errors, stderr)
		}
		if got, want := lines[len(lines)-1], prefix+plural(errors, "error")+"; nothing was written"; got != want {
			t.Errorf("the last line is %q, want %q", got, want)
		}
		lines = lines[:len(lines)-1]
		for _, l := range lines[len(lines)-errors:] {
			if !strings.HasPrefix(l, prefix) {
				t.Errorf("the error %q does not begin %q", l, prefix)
			}
		}
		lines = lines[:len(lines)-errors]
	}
	if len(lines) > 0 && lines[0] != "" {
		n := len(lines) - 1
		if got, want := lines[n], prefix+plural(n, "warning"); got != want {
			t.Errorf("the line after the warnings is %q, want %q", got, want)
		}
		for _, l := range lines[:n] {
			if !warningLine(display(file)).MatchString(l) {
				t.Errorf("the warning %q is not of the form FILE: POINTER: MESSAGE", l)
			}
		}
	}
	for _, w := range want {
		found := false
		for _, l := range strings.Split(stderr, "\n") {
			found = found || strings.HasPrefix(l, prefix+w)
		}
		if !found {
			t.Errorf("no line begins %q:\n%s", prefix+w, stderr)
		}
	}
}

// TestImportCaseErrors checks that a package that cannot be read or
// imported is reported on standard error, warnings first, each line with
// the file and the place, then a count; that the exit status is 1; and
// that nothing is written.
func TestImportCaseErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	bad := func(name, content string) string {
		path := filepath.Join(dir, name)
		writeTestFile(t, path, content)
		return path
	}
	twice := strings.Replace(foreign, `"identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e53"`, `"identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e52"`, 1)
	empty := `{"CFDocument": {"identifier": "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e50", "uri": "urn:x", "creator": "x", "title": "x", "lastChangeDateTime": "2024-05-01T10:00:00Z"}}`
	for _, c := range []struct {
		name   string
		file   string // the PACKAGE argument
		stdin  string
		want   []string // the beginnings of lines, after the file
		errors int
	}{
		{"not JSON", "-", "CFDocument", nil, 1},
		{"truncated", "-", `{"CFDocument": `, nil, 1},
		{"no items", bad("empty.json", empty), "", []string{"/CFItems: "}, 1},
		{"warning and errors", "-", twice, []string{
			"/CFItems/1/lastChangeDateTime: ",
			`/CFItems/2/identifier: identifier "6a0f3f36-2c1e-4d0b-9a57-1f0a2c3d4e52" is already used by /CFItems/1`,
		}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runWLP(c.stdin, "import", "-case", "-o", out, c.file)
			if r.code != 1 || r.stdout != "" {
				t.Errorf("exit %d, stdout %q; want exit 1 and nothing", r.code, r.stdout)
			}
			checkReport(t, r.stderr, c.file, c.want, c.errors)
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
		})
	}
	missing := filepath.Join(dir, "missing.json")
	if diff := gocmp.Diff(result{1, "", "wlp import: " + missing + ": cannot read: no such file\n"}, runWLP("", "import", "-case", missing), gocmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("a missing file (-want +got):\n%s", diff)
	}

	// An existing -o FILE is kept without -force.
	pkg := bad("ok.json", encoded(t, wlp.Default(), cfpackage.ExportOptions{}))
	writeTestFile(t, out, "mine\n")
	r := runWLP("", "import", "-case", "-o", out, pkg)
	if diff := gocmp.Diff(result{1, "", "wlp import: " + out + ": the file exists: nothing was written; pass -force to write over it, or write to another file\n"}, r, gocmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("import -case -o over a file (-want +got):\n%s", diff)
	}
	if got := mustRead(t, out); got != "mine\n" {
		t.Errorf("the file became %q", got)
	}
	if r := runWLP("", "import", "-case", "-force", "-o", out, pkg); r.code != 0 || r.stderr != "" {
		t.Errorf("import -case -o -force: %+v", r)
	}
	if diff := gocmp.Diff(wlp.Default().Spec(), loadFile(t, out).Spec()); diff != "" {
		t.Errorf("import -case -o -force: the framework written (-want +got):\n%s", diff)
	}
}

// TestImportCaseTooLarge imports a package whose framework takes more
// than the other commands read with -framework: it is written, with a
// warning that says so.
func TestImportCaseTooLarge(t *testing.T) {
	s := wlp.Spec{ID: "large", Name: "Large"}
	summary := strings.Repeat("A long statement of what this competency asks. ", 60)
	for i := range 3500 {
		s.Competencies = append(s.Competencies, competency.Competency{
			ID: competency.ID(fmt.Sprintf("c-%d", i)), Name: fmt.Sprintf("C %d", i), Cluster: competency.Personal, Summary: summary,
		})
	}
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pkg, out := filepath.Join(dir, "large.case.json"), filepath.Join(dir, "large.json")
	writeTestFile(t, pkg, encoded(t, f, cfpackage.ExportOptions{}))
	r := runWLP("", "import", "-case", "-o", out, pkg)
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatalf("import -case wrote nothing: exit %d\n%s", r.code, r.stderr)
	}
	want := fmt.Sprintf("wlp import: %s: the framework takes %d bytes, more than the %d that the other commands read with -framework; "+
		"a Go program can read it with wlp.Loader{MaxBytes: ...}\nwlp import: %s: 1 warning\n", pkg, fi.Size(), wlp.DefaultMaxBytes, pkg)
	if r.code != 0 || r.stderr != want {
		t.Errorf("import -case: exit %d, stderr\n%s\nwant exit 0, stderr\n%s", r.code, r.stderr, want)
	}
}

// xwalkEncoded returns the crosswalk c between from and to as cfpackage
// encodes its export with opt.
func xwalkEncoded(t *testing.T, c *crosswalk.Crosswalk, from, to *wlp.Framework, opt cfpackage.ExportOptions) string {
	t.Helper()
	p, err := cfpackage.ExportCrosswalk(c, from, to, &opt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := cfpackage.Encode(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestExportCaseCrosswalk checks export -case -crosswalk: what
// cfpackage.ExportCrosswalk and Encode make of each embedded crosswalk
// between its embedded frameworks, byte for byte, with the flags; a
// crosswalk document between framework files with -from and -to; and
// the package read back by ImportCrosswalk.
func TestExportCaseCrosswalk(t *testing.T) {
	embedded := func(t *testing.T, id string) (*crosswalk.Crosswalk, *wlp.Framework, *wlp.Framework) {
		t.Helper()
		c, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		from, err := wlp.LoadEmbedded(c.From)
		if err != nil {
			t.Fatal(err)
		}
		to, err := wlp.LoadEmbedded(c.To)
		if err != nil {
			t.Fatal(err)
		}
		return c, from, to
	}
	changed := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, id := range crosswalk.Embedded() {
		c, from, to := embedded(t, id)
		for _, tc := range []struct {
			flags []string
			opt   cfpackage.ExportOptions
		}{
			{nil, cfpackage.ExportOptions{}},
			{args("-strict"), cfpackage.ExportOptions{Strict: true}},
			{args("-base-uri", "https://case.example.org/uri", "-changed", "2026-03-01", "-creator", "ATD"),
				cfpackage.ExportOptions{BaseURI: "https://case.example.org/uri", Changed: changed, Creator: "ATD"}},
			{args("-from", c.From, "-to", c.To), cfpackage.ExportOptions{}},
		} {
			a := append(args("export", "-case", "-crosswalk", id), tc.flags...)
			want := result{0, xwalkEncoded(t, c, from, to, tc.opt), ""}
			if diff := gocmp.Diff(want, runWLP("", a...), gocmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("wlp %s (-want +got):\n%s", strings.Join(a, " "), diff)
			}
		}
	}

	// A crosswalk document between framework files: the embedded
	// frameworks' documents, under IDs of their own.
	dir := t.TempDir()
	c, from, to := embedded(t, "atd-2013-to-atd-2020")
	frameworkFile := func(f *wlp.Framework, id string) (string, *wlp.Framework) {
		s := f.Spec()
		s.ID = id
		g, err := wlp.New(s)
		if err != nil {
			t.Fatal(err)
		}
		b, err := frameworkJSON(g)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, id+".json")
		writeTestFile(t, path, string(b))
		return path, g
	}
	fromPath, from2 := frameworkFile(from, "mine-2013")
	toPath, to2 := frameworkFile(to, "mine-2020")
	c2 := c.Clone()
	c2.ID, c2.From, c2.To = "mine", "mine-2013", "mine-2020"
	b, err := json.Marshal(c2)
	if err != nil {
		t.Fatal(err)
	}
	xwPath := filepath.Join(dir, "mine.json")
	writeTestFile(t, xwPath, string(b))
	out := filepath.Join(dir, "mine.case.json")
	r := runWLP("", "export", "-case", "-crosswalk", xwPath, "-from", fromPath, "-to", toPath, "-o", out)
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("export -case -crosswalk FILE -from -to -o: %+v", r)
	}
	got := mustRead(t, out)
	if diff := gocmp.Diff(xwalkEncoded(t, c2, from2, to2, cfpackage.ExportOptions{}), got); diff != "" {
		t.Errorf("the package (-want +got):\n%s", diff)
	}
	p, warns, err := cfpackage.Decode([]byte(got))
	if err != nil || len(warns) > 0 {
		t.Fatalf("Decode: %v %v", err, warns)
	}
	back, warns, err := cfpackage.ImportCrosswalk(p, from2, to2)
	if err != nil || len(warns) > 0 {
		t.Fatalf("ImportCrosswalk: %v %v", err, warns)
	}
	if diff := gocmp.Diff(c2, back); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}

	// Errors: frameworks that are not embedded, a crosswalk that does not
	// fit the frameworks, a crosswalk file that does not load.
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{args("export", "-case", "-crosswalk", xwPath), 2,
			`wlp export: the crosswalk maps from "mine-2013", which is not an embedded framework (` + strings.Join(wlp.Embedded(), ", ") + `): give its framework document with -from FILE` + "\n"},
		{args("export", "-case", "-crosswalk", xwPath, "-from", fromPath), 2,
			`wlp export: the crosswalk maps to "mine-2020", which is not an embedded framework (` + strings.Join(wlp.Embedded(), ", ") + `): give its framework document with -to FILE` + "\n"},
		{args("export", "-case", "-crosswalk", "atd-2013-to-atd-2020", "-from", "atd-2020"), 1,
			`wlp export: atd-2013-to-atd-2020: /from: the crosswalk maps from "atd-2013", not from the framework "atd-2020"` + "\n"},
		{args("export", "-case", "-crosswalk", filepath.Join(dir, "none.json")), 1, "none.json"},
		{args("export", "-case", "-crosswalk", fromPath, "-from", fromPath, "-to", toPath), 1, "mine-2013.json: "},
	} {
		r := runWLP("", tc.args...)
		name := "wlp " + strings.Join(tc.args, " ")
		first, _, _ := strings.Cut(r.stderr, "\n")
		if r.code != tc.code || r.stdout != "" || !strings.Contains(first+"\n", tc.msg) {
			t.Errorf("%s: exit %d, stdout %q, stderr\n%s\nwant exit %d and %q", name, r.code, r.stdout, r.stderr, tc.code, tc.msg)
		}
	}
}

// TestExportCaseCrosswalkUsage checks the misuse of -crosswalk, -from
// and -to.
func TestExportCaseCrosswalkUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{args("export", "-crosswalk", "atd-2013-to-atd-2020", "-strict"), "wlp export: -strict goes with -case\n"},
		{args("export", "-case", "-from", "atd-2013"), "wlp export: -from goes with -crosswalk\n"},
		{args("export", "-case", "-from", "atd-2013", "-to", "atd-2020"), "wlp export: -from and -to go with -crosswalk\n"},
		{args("export", "-case", "-crosswalk", "atd-2013-to-atd-2020", "-framework", "atd-2013"), "wlp export: -crosswalk excludes -framework: name the crosswalk's frameworks with -from and -to\n"},
		{args("export", "-case", "-crosswalk", "atd-2013-to-atd-2020", "-table"), "wlp export: -case excludes -table\n"},
		{args("export", "-case", "-crosswalk", "atd-2013-to-atd-2020", "-base-uri", "x"), `wlp export: -base-uri: the base URI "x" is not an absolute URI`},
	} {
		r := runWLP("", c.args...)
		name := "wlp " + strings.Join(c.args, " ")
		if r.code != 2 || r.stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, want exit 2 and nothing", name, r.code, r.stdout)
		}
		first, rest, _ := strings.Cut(r.stderr, "\n")
		if !strings.Contains(first+"\n", c.msg) {
			t.Errorf("%s: the message\n%s\nlacks %q", name, first, c.msg)
		}
		if !strings.HasPrefix(rest, "usage: wlp "+c.args[0]+" ") {
			t.Errorf("%s: no usage line after the message:\n%s", name, r.stderr)
		}
	}
}

// TestExportCrosswalkDocument checks `wlp export -crosswalk ID|FILE`
// without -case: the crosswalk document, which Load reads back equal, and
// which -crosswalk takes again as a file.
func TestExportCrosswalkDocument(t *testing.T) {
	dir := t.TempDir()
	for _, id := range crosswalk.Embedded() {
		want, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		r := runWLP("", "export", "-crosswalk", id)
		if r.code != 0 {
			t.Fatalf("export -crosswalk %s: exit %d: %s", id, r.code, r.stderr)
		}
		got, err := crosswalk.Load(strings.NewReader(r.stdout))
		if err != nil {
			t.Fatalf("export -crosswalk %s: %v", id, err)
		}
		if d := gocmp.Diff(want, got); d != "" {
			t.Errorf("export -crosswalk %s, loaded back (-embedded +got):\n%s", id, d)
		}
		path := filepath.Join(dir, id+".json")
		if r := runWLP("", "export", "-crosswalk", id, "-o", path); r.code != 0 || r.stdout != "" {
			t.Fatalf("export -crosswalk %s -o: exit %d, stdout %q: %s", id, r.code, r.stdout, r.stderr)
		}
		again := runWLP("", "export", "-json", "-crosswalk", path)
		if again.code != 0 || again.stdout != r.stdout {
			t.Errorf("export -crosswalk FILE: exit %d, %s; want the same document as from the ID", again.code, again.stderr)
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-crosswalk", "astd-2004-to-atd-2013", "-table"}, "-crosswalk excludes -table"},
		{[]string{"-from", "atd-2013"}, "-from goes with -crosswalk"},
		{[]string{"-crosswalk", "astd-2004-to-atd-2013", "-to", "atd-2020"}, `maps to "atd-2013", not to the framework "atd-2020"`},
	} {
		r := runWLP("", append([]string{"export"}, tt.args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("export %v: exit %d, stderr %q; want a failure saying %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
}

// crosswalkPackages writes, for each embedded crosswalk, its CASE
// package (as "wlp export -case -crosswalk" writes it, -strict too when
// strict is set) in dir, and returns their paths by crosswalk ID.
func crosswalkPackages(t *testing.T, dir string, strict bool) map[string]string {
	t.Helper()
	paths := map[string]string{}
	for _, id := range crosswalk.Embedded() {
		path := filepath.Join(dir, id+".case.json")
		a := args("export", "-case", "-crosswalk", id, "-o", path)
		if strict {
			path = filepath.Join(dir, id+".strict.json")
			a = args("export", "-case", "-strict", "-crosswalk", id, "-o", path)
		}
		if r := runWLP("", a...); r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Fatalf("wlp %s: %+v", strings.Join(a, " "), r)
		}
		paths[id] = path
	}
	return paths
}

// TestImportCaseCrosswalk checks that import -case reads a crosswalk's
// package back: the same crosswalk document as export -crosswalk prints,
// from a package with extensions and, given -from and -to, from a strict
// one; and that a framework's package still imports as a framework.
func TestImportCaseCrosswalk(t *testing.T) {
	dir := t.TempDir()
	pkgs, strict := crosswalkPackages(t, dir, false), crosswalkPackages(t, dir, true)
	for _, id := range crosswalk.Embedded() {
		want := runWLP("", "export", "-crosswalk", id)
		if want.code != 0 || want.stderr != "" {
			t.Fatalf("export -crosswalk %s: %+v", id, want)
		}
		if diff := gocmp.Diff(want, runWLP("", "import", "-case", pkgs[id]), gocmp.AllowUnexported(result{})); diff != "" {
			t.Errorf("import -case %s (-export -crosswalk +got):\n%s", id, diff)
		}
		// To a file, from standard input, and with the frameworks named.
		out := filepath.Join(dir, id+".back.json")
		if r := runWLP("", "import", "-case", "-o", out, pkgs[id]); r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("import -case -o: %+v", r)
		} else if got := mustRead(t, out); got != want.stdout {
			t.Errorf("import -case -o %s: the file differs from export -crosswalk:\n%s", id, got)
		}
		c, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		if r := runWLP(mustRead(t, pkgs[id]), "import", "-case", "-from", c.From, "-to", c.To, "-"); r.code != 0 || r.stdout != want.stdout || r.stderr != "" {
			t.Errorf("import -case -from -to - (%s): exit %d, stderr %q, same document %v", id, r.code, r.stderr, r.stdout == want.stdout)
		}

		// A strict package: the frameworks must be named; then it reads
		// as ImportCrosswalk reads it, with its warnings.
		r := runWLP("", "import", "-case", strict[id])
		first, rest, _ := strings.Cut(r.stderr, "\n")
		wantMsg := `wlp import: the crosswalk package does not name its frameworks (a strict package has no "wlp" extension): ` +
			"give the frameworks it maps with -from FRAMEWORK and -to FRAMEWORK (an embedded ID or a framework document)"
		if r.code != 2 || r.stdout != "" || first != wantMsg || !strings.HasPrefix(rest, "usage: wlp import ") {
			t.Errorf("import -case STRICT without -from and -to: exit %d, stdout %q, stderr\n%s\nwant exit 2 and\n%s", r.code, r.stdout, r.stderr, wantMsg)
		}
		r = runWLP("", "import", "-case", "-from", c.From, strict[id])
		if first, _, _ := strings.Cut(r.stderr, "\n"); r.code != 2 || !strings.Contains(first, "give the framework it maps with -to FRAMEWORK") {
			t.Errorf("import -case -from STRICT: exit %d, stderr\n%s", r.code, r.stderr)
		}
		r = runWLP("", "import", "-case", "-from", c.From, "-to", c.To, strict[id])
		from, _ := wlp.LoadEmbedded(c.From)
		to, _ := wlp.LoadEmbedded(c.To)
		p, _, err := cfpackage.Decode([]byte(mustRead(t, strict[id])))
		if err != nil {
			t.Fatal(err)
		}
		wantC, warns, err := cfpackage.ImportCrosswalk(p, from, to)
		if err != nil || len(warns) == 0 {
			t.Fatalf("ImportCrosswalk of the strict package: %v, %d warnings", err, len(warns))
		}
		wantDoc, err := crosswalkJSON(wantC)
		if err != nil {
			t.Fatal(err)
		}
		if r.code != 0 || r.stdout != string(wantDoc) {
			t.Errorf("import -case -from -to STRICT (%s): exit %d, stderr\n%s\nstdout\n%s\nwant\n%s", id, r.code, r.stderr, r.stdout, wantDoc)
		}
		base := filepath.Base(strict[id])
		wantErr := fmt.Sprintf("wlp import: %s: %s\n", strict[id], plural(len(warns), "warning"))
		if !strings.HasSuffix(r.stderr, wantErr) || strings.Count(r.stderr, base+": ") != len(warns)+1 {
			t.Errorf("import -case STRICT: the warnings\n%s\nwant %d and the line %q", r.stderr, len(warns), wantErr)
		}
		// -ignore-extensions reads a full package as the strict one.
		if g := runWLP("", "import", "-case", "-ignore-extensions", "-from", c.From, "-to", c.To, pkgs[id]); g.code != 0 || g.stdout != r.stdout {
			t.Errorf("import -case -ignore-extensions (%s): exit %d, %s; want the strict package's crosswalk", id, g.code, g.stderr)
		}
	}

	// -id renames the crosswalk read; a framework's package still
	// imports as a framework.
	r := runWLP("", "import", "-case", "-id", "renamed", pkgs["atd-2013-to-atd-2020"])
	c, err := crosswalk.Load(strings.NewReader(r.stdout))
	if r.code != 0 || err != nil || c.ID != "renamed" {
		t.Errorf("import -case -id renamed: exit %d, %v, %s", r.code, err, r.stderr)
	}
	fwPkg := filepath.Join(dir, "atd-2020.case.json")
	if r := runWLP("", "export", "-case", "-framework", "atd-2020", "-o", fwPkg); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r = runWLP("", "import", "-case", fwPkg)
	f, err := wlp.LoadEmbedded("atd-2020")
	if err != nil {
		t.Fatal(err)
	}
	wantFW, err := frameworkJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if r.code != 0 || r.stderr != "" || r.stdout != string(wantFW) {
		t.Errorf("import -case FRAMEWORK-PACKAGE: exit %d, stderr %s; want the framework document", r.code, r.stderr)
	}
}

// TestCrosswalkPackageErrors checks the misuse of a crosswalk's package:
// flags of the other kind of package, frameworks that do not match the
// ones the package names, a framework's package given as a crosswalk,
// and a package between frameworks that are not embedded.
func TestCrosswalkPackageErrors(t *testing.T) {
	dir := t.TempDir()
	pkgs := crosswalkPackages(t, dir, false)
	fwPkg := filepath.Join(dir, "atd-2013.case.json")
	if r := runWLP("", "export", "-case", "-framework", "atd-2013", "-o", fwPkg); r.code != 0 {
		t.Fatal(r.stderr)
	}
	p1320 := pkgs["atd-2013-to-atd-2020"]
	for _, tc := range []struct {
		args []string
		code int
		msg  string // the first line of stderr
	}{
		{args("import", "-case", "-map", "competency=Standard", p1320), 2,
			"wlp import: -map goes with a framework's package, and " + p1320 + " is a crosswalk's"},
		{args("import", "-case", "-from", "atd-2013", fwPkg), 2,
			"wlp import: -from goes with a crosswalk's package, and " + fwPkg + " is a framework's"},
		{args("import", "-case", "-to", "astd-2004", p1320), 1,
			"wlp import: " + p1320 + `: /CFDocument/extensions/wlp/to: the crosswalk maps to "atd-2020", not to the framework "astd-2004"`},
		{args("import", "-case", "-id", "Not An ID", p1320), 2, "wlp import: -id: "},
		{args("migrate", "-crosswalk", fwPkg, dana), 1,
			"wlp migrate: " + fwPkg + `: a CASE package of a framework (17 items), not of a crosswalk: "wlp import -case" turns it into a framework document`},
		{args("migrate", "-crosswalk", p1320, "-from", "astd-2004", dana), 1,
			"wlp migrate: " + p1320 + `: /CFDocument/extensions/wlp/from: the crosswalk maps from "atd-2013", not from the framework "astd-2004"`},
		{args("diff", "-crosswalk", pkgs["astd-2004-to-atd-2013"], "atd-2013", "atd-2020"), 1,
			"wlp diff: " + pkgs["astd-2004-to-atd-2013"] + `: /CFDocument/extensions/wlp/from: the crosswalk maps from "astd-2004", not from the framework "atd-2013"`},
		{args("validate", "-from", filepath.Join(dir, "none.json"), p1320), 1, "wlp validate: " + filepath.Join(dir, "none.json") + ": cannot read: no such file"},
	} {
		r := runWLP("", tc.args...)
		first, _, _ := strings.Cut(r.stderr, "\n")
		if r.code != tc.code || r.stdout != "" || !strings.HasPrefix(first, tc.msg) {
			t.Errorf("wlp %s: exit %d, stdout %q, stderr\n%s\nwant exit %d and %q", strings.Join(tc.args, " "), r.code, r.stdout, r.stderr, tc.code, tc.msg)
		}
	}

	// A package between frameworks that are not embedded: the frameworks'
	// files are needed, and then it reads back.
	c, err := crosswalk.LoadEmbedded("atd-2013-to-atd-2020")
	if err != nil {
		t.Fatal(err)
	}
	fromPath, toPath := renamedFramework(t, dir, c.From, "mine-2013"), renamedFramework(t, dir, c.To, "mine-2020")
	c2 := c.Clone()
	c2.ID, c2.From, c2.To = "mine", "mine-2013", "mine-2020"
	want, err := crosswalkJSON(c2)
	if err != nil {
		t.Fatal(err)
	}
	xw := filepath.Join(dir, "mine.json")
	writeTestFile(t, xw, string(want))
	pkg := filepath.Join(dir, "mine.case.json")
	if r := runWLP("", "export", "-case", "-crosswalk", xw, "-from", fromPath, "-to", toPath, "-o", pkg); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := runWLP("", "import", "-case", pkg)
	if first, _, _ := strings.Cut(r.stderr, "\n"); r.code != 2 || !strings.Contains(first, `the crosswalk maps from "mine-2013", which is not an embedded framework`) {
		t.Errorf("import -case of a package between files, without -from: exit %d, stderr\n%s", r.code, r.stderr)
	}
	r = runWLP("", "import", "-case", "-from", fromPath, "-to", toPath, pkg)
	if r.code != 0 || r.stderr != "" || r.stdout != string(want) {
		t.Errorf("import -case -from FILE -to FILE: exit %d, stderr %s\nstdout\n%s\nwant\n%s", r.code, r.stderr, r.stdout, want)
	}
}

// renamedFramework writes the embedded framework id, under the ID newID,
// as a framework document in dir, and returns its path.
func renamedFramework(t *testing.T, dir, id, newID string) string {
	t.Helper()
	f, err := wlp.LoadEmbedded(id)
	if err != nil {
		t.Fatal(err)
	}
	s := f.Spec()
	s.ID = newID
	g, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	b, err := frameworkJSON(g)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, newID+".json")
	writeTestFile(t, path, string(b))
	return path
}

// TestCrosswalkFlagPackage checks that -crosswalk takes a crosswalk's
// CASE package wherever it takes a crosswalk: migrate and diff give what
// they give with the embedded crosswalk's ID, and export -crosswalk
// prints the same document.
func TestCrosswalkFlagPackage(t *testing.T) {
	dir := t.TempDir()
	pkgs, strict := crosswalkPackages(t, dir, false), crosswalkPackages(t, dir, true)
	for _, id := range []string{"astd-2004-to-atd-2013", "astd-2004-to-atd-2020"} {
		c, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range [][]string{
			append(args("migrate", "-crosswalk", "CW"), samplePeople...),
			append(args("migrate", "-json", "-rule", "mean", "-crosswalk", "CW"), samplePeople...),
			args("diff", "-crosswalk", "CW", c.From, c.To, dana, lee),
			args("export", "-crosswalk", "CW"),
			args("export", "-case", "-crosswalk", "CW"),
		} {
			with := func(cw string) []string {
				b := slices.Clone(a)
				b[slices.Index(b, "CW")] = cw
				return b
			}
			want := runWLP("", with(id)...)
			if want.code != 0 {
				t.Fatalf("wlp %s: %+v", strings.Join(with(id), " "), want)
			}
			got := runWLP("", with(pkgs[id])...)
			if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("wlp %s (-with the ID +with the package):\n%s", strings.Join(with(pkgs[id]), " "), diff)
			}
		}
	}
	// A strict package needs -from and -to, and then migrates.
	r := runWLP("", "migrate", "-crosswalk", strict["astd-2004-to-atd-2013"], dana)
	if r.code != 2 || !strings.Contains(r.stderr, "the crosswalk package does not name its frameworks") {
		t.Errorf("migrate -crosswalk STRICT: exit %d, stderr\n%s", r.code, r.stderr)
	}
	r = runWLP("", "migrate", "-crosswalk", strict["astd-2004-to-atd-2013"], "-from", "astd-2004", "-to", "atd-2013", dana)
	if r.code != 0 || !strings.HasPrefix(r.stdout, `{"id":"dana"`) || !strings.Contains(r.stderr, "warnings\n") {
		t.Errorf("migrate -crosswalk STRICT -from -to: exit %d, stdout %.80s, stderr\n%s", r.code, r.stdout, r.stderr)
	}
	// diff reads a strict package against A and B.
	r = runWLP("", "diff", "-crosswalk", strict["astd-2004-to-atd-2013"], "astd-2004", "atd-2013")
	if r.code != 0 || !strings.Contains(r.stdout, "Items pair through the crosswalk astd-2004-to-atd-2013.") {
		t.Errorf("diff -crosswalk STRICT A B: exit %d, stderr\n%s\nstdout\n%.300s", r.code, r.stderr, r.stdout)
	}
}
