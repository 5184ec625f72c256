package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

func loadProfileFile(t *testing.T, path string) profile.Profile {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	p, err := profile.Load(fh)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// targets returns every role and job of f.
func targets(f *wlp.Framework) []role.ID {
	var ids []role.ID
	for _, r := range f.Roles() {
		ids = append(ids, r.ID)
	}
	for _, j := range f.Jobs() {
		ids = append(ids, j.ID)
	}
	return ids
}

// validJSON decodes doc as schema.Validate wants it and checks it against
// the schema of kind.
func validJSON(t *testing.T, kind, doc string) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	probs, err := schema.Validate(kind, v)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("%s schema: %s", kind, p)
	}
}

// TestScoreJSON checks that score -json prints exactly the library's
// result, and that it validates against the result schema, for every
// sample person and every target.
func TestScoreJSON(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	for _, path := range team {
		p := loadProfileFile(t, path)
		for _, target := range targets(f) {
			r := runWLP("", "score", "-json", path, string(target))
			if r.code != 0 {
				t.Fatalf("score %s %s: exit %d: %s", path, target, r.code, r.stderr)
			}
			validJSON(t, schema.Result, r.stdout)
			var got match.Result
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatal(err)
			}
			want, err := m.Score(p, target)
			if err != nil {
				t.Fatal(err)
			}
			if got.Fit != want.Fit {
				t.Errorf("score %s %s: fit %v, library %v", p.ID, target, got.Fit, want.Fit)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("score %s %s differs from the library (-want +got):\n%s", p.ID, target, diff)
			}
		}
	}
}

// TestRolesJSON checks roles -json against BestRoles.
func TestRolesJSON(t *testing.T) {
	m := match.New(nil)
	for _, path := range team {
		r := runWLP("", "roles", "-json", path)
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		var got []match.Result
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatal(err)
		}
		for _, res := range got {
			b, _ := json.Marshal(res)
			validJSON(t, schema.Result, string(b))
		}
		if diff := gocmp.Diff(m.BestRoles(loadProfileFile(t, path)), got); diff != "" {
			t.Errorf("roles %s (-library +command):\n%s", path, diff)
		}
	}
}

// TestRankOrder checks that rank -json validates against the ranking
// schema and orders people as sorting their Score results does: best fit
// first, ties by profile ID.
func TestRankOrder(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	var ps []profile.Profile
	for _, path := range team {
		ps = append(ps, loadProfileFile(t, path))
	}
	for _, target := range targets(f) {
		for _, k := range []string{"0", "1", "3", "9"} {
			r := runWLP("", args("rank", "-json", "-k", k, string(target), team)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			validJSON(t, schema.Ranking, r.stdout)
			var got []match.Ranked
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatal(err)
			}
			var want []match.Ranked
			for _, p := range ps {
				res, err := m.Score(p, target)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, match.Ranked{Profile: p.ID, Result: res})
			}
			slices.SortStableFunc(want, func(a, b match.Ranked) int {
				return cmp.Or(cmp.Compare(b.Result.Fit, a.Result.Fit), strings.Compare(a.Profile, b.Profile))
			})
			if n := int(k[0] - '0'); n > 0 && n < len(want) {
				want = want[:n]
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("rank -k %s %s (-sorted scores +command):\n%s", k, target, diff)
			}
		}
	}
}

// TestExportRoundTrip checks that export's output loads back into an
// equal framework, for the default and for a framework read from a file.
func TestExportRoundTrip(t *testing.T) {
	for _, c := range []struct {
		args []string
		file string
	}{{args("export"), ""}, {args("export", "-json"), ""}, {args("export", "-framework", learning2), learning2}} {
		r := runWLP("", c.args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, r.code, r.stderr)
		}
		got, err := wlp.Load(strings.NewReader(r.stdout))
		if err != nil {
			t.Fatalf("%v: the output does not load: %v", c.args, err)
		}
		want := wlp.Default()
		if c.file != "" {
			fh, err := os.Open(c.file)
			if err != nil {
				t.Fatal(err)
			}
			want, err = wlp.Load(fh)
			fh.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		if diff := gocmp.Diff(want.Spec(), got.Spec()); diff != "" {
			t.Errorf("%v: the loaded spec differs (-want +got):\n%s", c.args, diff)
		}
	}
}

// TestValidatePointers checks that validate names each problem by file and
// exact JSON pointer, unknown IDs included.
func TestValidatePointers(t *testing.T) {
	r := runWLP("", "validate", "testdata/bad-profile.json", "testdata/bad-framework.json")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1", r.code)
	}
	for _, want := range []string{
		`testdata/bad-profile.json: /ratings/coaching/level: 7 is above the scale's top level 5`,
		`testdata/bad-profile.json: /ratings/coaching/source: unknown source "boss"`,
		`testdata/bad-profile.json: /ratings/coachin: unknown competency or area "coachin"`,
		`testdata/bad-profile.json: /ratings/building-trust/assessedAt: `,
		`testdata/bad-framework.json: /roles/0/requirements/0/level: 7 is above the scale's top level 5`,
		`testdata/bad-framework.json: /roles/0/requirements/1/of/0: unknown competency or area "talking"`,
		`testdata/bad-framework.json: /roles/0/requirements/1/weight: `,
		`testdata/bad-framework.json: /jobs/0/roles/0/role: unknown role "speaker"`,
	} {
		if !strings.Contains(r.stdout, "\n"+want) && !strings.HasPrefix(r.stdout, want) {
			t.Errorf("validate output lacks %q:\n%s", want, r.stdout)
		}
	}
	// A valid profile that rates IDs of another framework only.
	r = runWLP("", "validate", "testdata/tiny-kim.json")
	if r.code != 1 || !strings.Contains(r.stdout, `testdata/tiny-kim.json: /ratings/listening: unknown competency or area "listening"`) {
		t.Errorf("unknown IDs not reported: exit %d\n%s", r.code, r.stdout)
	}
	// A problem of the whole document has no pointer.
	r = runWLP("", "validate", "-")
	if r.code != 1 || !strings.HasPrefix(r.stdout, "<stdin>: ") || strings.HasPrefix(r.stdout, "<stdin>: /") {
		t.Errorf("empty stdin: exit %d\n%s", r.code, r.stdout)
	}
}

// TestChart checks that a chart is well-formed XML, an SVG with a viewBox,
// labelled with the names (not the IDs) of what the target requires, and
// that -o writes the same document.
func TestChart(t *testing.T) {
	f := wlp.Default()
	for _, target := range targets(f) {
		for _, argv := range [][]string{
			args("chart", dana, string(target)),
			args("chart", "-team", team, string(target)),
		} {
			r := runWLP("", argv...)
			if r.code != 0 {
				t.Fatalf("%v: exit %d: %s", argv, r.code, r.stderr)
			}
			text := checkSVG(t, r.stdout)
			chart, err := report.NewRadar(f, target, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range chart.Axes {
				if len(a.Of) == 1 {
					name, _ := f.NameOf(a.Of[0])
					if !strings.Contains(text, strings.Fields(name)[0]) {
						t.Errorf("%v: no label for %s (%s)", argv, a.Of[0], name)
					}
				}
			}
			for _, id := range []string{"thinking-strategically", "building-trust", "coaching"} {
				if strings.Contains(text, id) {
					t.Errorf("%v: the text shows the ID %q, not a name", argv, id)
				}
			}
		}
	}

	// The CLO job charts its own requirements and its roles'.
	r := runWLP("", "chart", dana, clo)
	text := checkSVG(t, r.stdout)
	for _, want := range []string{"Building trust", "Thinking strategically", "Applying business acumen", "any 1 of 9 areas", "any 7 of 9 areas", "any 10 of 12", "fit 95.9%", "Dana Okafor"} {
		if !strings.Contains(text, want) {
			t.Errorf("the CLO chart lacks %q", want)
		}
	}

	out := filepath.Join(t.TempDir(), "dana.svg")
	r2 := runWLP("", "chart", "-o", out, dana, clo)
	if r2.code != 0 || r2.stdout != "" {
		t.Fatalf("chart -o: exit %d, stdout %q, stderr %s", r2.code, r2.stdout, r2.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != r.stdout {
		t.Errorf("chart -o wrote a different document")
	}
	r3 := runWLP("", "chart", "-o", filepath.Join(t.TempDir(), "no", "such", "dir.svg"), dana, clo)
	if r3.code != 1 || !strings.Contains(r3.stderr, "cannot write") {
		t.Errorf("chart -o into a missing folder: exit %d, stderr %s", r3.code, r3.stderr)
	}
}

// checkSVG decodes doc as XML and returns its character data, its runs
// of white space made single spaces. It fails
// the test unless the root is an <svg> with a viewBox.
func checkSVG(t *testing.T, doc string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var text strings.Builder
	root := true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root {
				root = false
				viewBox := ""
				for _, a := range tok.Attr {
					if a.Name.Local == "viewBox" {
						viewBox = a.Value
					}
				}
				if tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg" || viewBox == "" {
					t.Fatalf("root element %v, viewBox %q: want an SVG with a viewBox", tok.Name, viewBox)
				}
			}
		case xml.CharData:
			text.Write(tok)
			text.WriteByte('\n')
		}
	}
	if root {
		t.Fatal("no root element")
	}
	// Labels wrap over several lines (tspans): join them with spaces.
	return strings.Join(strings.Fields(text.String()), " ")
}

// TestRender renders charts to PNG with rsvg-convert, when it is
// installed, to check that a real renderer accepts them.
func TestRender(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		if os.Getenv("WLP_REQUIRE_RENDER") != "" {
			t.Fatal("WLP_REQUIRE_RENDER is set but rsvg-convert is not installed")
		}
		t.Skip("rsvg-convert is not installed (Debian: apt-get install librsvg2-bin); CI installs it and sets WLP_REQUIRE_RENDER")
	}
	dir := t.TempDir()
	for i, argv := range [][]string{
		args("chart", dana, clo),
		args("chart", "-team", team, clo),
		args("chart", "-team", "-combine", "median", sam, priya, alex, clo),
		args("chart", "-framework", "testdata/tiny-framework.json", "testdata/tiny-kim.json", "listener"),
	} {
		r := runWLP("", argv...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", argv, r.code, r.stderr)
		}
		in := filepath.Join(dir, "chart.svg")
		if err := os.WriteFile(in, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		png := filepath.Join(dir, "chart.png")
		if out, err := exec.Command(rsvg, "-o", png, in).CombinedOutput(); err != nil {
			t.Fatalf("chart %d: rsvg-convert: %v\n%s", i, err, out)
		}
		b, err := os.ReadFile(png)
		if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("chart %d: no PNG written (%v)", i, err)
		}
	}
}

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
			{"score", "-", clo},
			{"score", "-json", "-", "coaching"},
			{"roles", "-"},
			{"rank", clo, "-", dana},
			{"chart", "-", clo},
			{"chart", "-team", "-", "-", clo},
			{"export", "-framework", "-"},
			{"schema", "-framework", "-", "-for-framework", "profile"},
			{"roles", "-framework", "-", dana},
			{"score", "-combine", "mean-except-self", "-", clo},
			{"rank", "-combine", "median", clo, "-", dana},
			{"team", clo, "-", dana},
			{"team", "-json", "-combine", "manager-first", "business-partner", "-"},
			{"team", clo, "-", "-"},
			{"team", "-framework", "-", clo, dana},
			{"assign", clo, "-", dana},
			{"assign", "-json", "-max-hats", "0", "-combine", "median", "learning-strategist,project-manager", "-"},
			{"plan", "-", clo},
			{"plan", "-json", "-combine", "median", "-until", "exact", "-", "business-partner"},
			{"plan", "-framework", "-", dana, clo},
			{"chart", "-team", "-combine", "median", "-", dana, clo},
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
			{"validate", "-"}, {"score", "-", clo}, {"roles", "-json", "-"}, {"rank", clo, "-"},
			{"team", "-combine", "median", clo, "-", dana}, {"assign", "-max-hats", "2", clo, "-", sam},
			{"plan", "-combine", "manager-first", "-", clo},
		} {
			if r := runWLP(string(doc), argv...); r.code != 0 && r.code != 1 {
				t.Fatalf("wlp %v: exit %d", argv, r.code)
			}
		}
		if r := runWLP(string(doc), "chart", "-", clo); r.code == 0 {
			checkSVG(t, r.stdout)
		}
		if r := runWLP(string(doc), "chart", "-team", "-combine", "median", "-", lee, clo); r.code == 0 {
			checkSVG(t, r.stdout)
		}
	})
}

// TestParseInterspersed checks that flags may follow the arguments and
// that "--" ends them.
func TestParseInterspersed(t *testing.T) {
	for _, c := range []struct {
		in        []string
		pos       []string
		json      bool
		framework string
	}{
		{[]string{"a", "-json", "b"}, []string{"a", "b"}, true, ""},
		{[]string{"-json", "a", "b"}, []string{"a", "b"}, true, ""},
		{[]string{"a", "b", "-framework", "f.json"}, []string{"a", "b"}, false, "f.json"},
		{[]string{"-", "a", "-framework=-"}, []string{"-", "a"}, false, "-"},
		{[]string{"a", "--", "-json"}, []string{"a", "-json"}, false, ""},
		{nil, nil, false, ""},
	} {
		e := &env{}
		pos, err := parseInterspersed(&lookup("score", e).Flag, c.in)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if diff := gocmp.Diff(c.pos, pos); diff != "" || e.json != c.json || e.framework != c.framework {
			t.Errorf("%q: args %q json %v framework %q; want %q %v %q", c.in, pos, e.json, e.framework, c.pos, c.json, c.framework)
		}
	}
}
