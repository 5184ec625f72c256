package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

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

// TestSummaries checks that validate's summary of a valid document
// quotes its ID once: control characters escaped once, long IDs
// shortened.
func TestSummaries(t *testing.T) {
	long := strings.Repeat("e", 10000)
	for _, c := range []struct {
		p    profile.Profile
		want string
	}{
		{profile.Profile{ID: "dana", Name: "Dana"}, `profile "dana", 0 ratings: Dana`},
		{profile.Profile{ID: "a\tb\u2028c", Name: "x\ny"}, `profile "a\tb\u2028c", 0 ratings: x\ny`},
		{profile.Profile{ID: `say "hi"\`}, `profile "say \"hi\"\\", 0 ratings`},
		{
			profile.Profile{ID: long, Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 2}}},
			`profile "` + strings.Repeat("e", problem.MaxQuoted) + `"... (10000 bytes), 1 rating`,
		},
	} {
		if diff := gocmp.Diff(c.want, profileSummary(c.p)); diff != "" {
			t.Errorf("profileSummary(%.20q) (-want +got):\n%s", c.p.ID, diff)
		}
	}
	want := `framework "astd-2004": 12 competencies, 9 areas, 4 roles, 1 job`
	if diff := gocmp.Diff(want, frameworkSummary(wlp.Default())); diff != "" {
		t.Errorf("frameworkSummary (-want +got):\n%s", diff)
	}
}

// manyUnknown returns a profile document rating n IDs the default
// framework does not know, after bad, a few more fields of the ratings.
func manyUnknown(n int, bad string) string {
	var b strings.Builder
	b.WriteString(`{"id": "x", "ratings": {` + bad)
	for i := range n {
		if i > 0 || bad != "" {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"unknown-%05d": {"level": 1}`, i)
	}
	b.WriteString("}}")
	return b.String()
}

// TestValidateOmitted checks that validate lists the first
// problem.MaxReported problems of a document and counts the rest, in the
// text and in the JSON report.
func TestValidateOmitted(t *testing.T) {
	type report struct {
		Problems []wlp.Problem `json:"problems"`
		Omitted  int           `json:"omitted"`
	}
	for _, c := range []struct {
		name    string
		doc     string
		total   int
		omitted int
	}{
		{"unknown IDs", manyUnknown(1500, ""), 1500, 500},
		{"a bad level and unknown IDs", manyUnknown(1500, `"coaching": {"level": 7}`), 1501, 501},
		{"exactly the cap", manyUnknown(problem.MaxReported, ""), problem.MaxReported, 0},
		{"a few", manyUnknown(3, ""), 3, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runWLP(c.doc, "validate", "-")
			lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
			listed := c.total - c.omitted
			var last string
			if c.omitted > 0 {
				last = fmt.Sprintf("<stdin>: and at least %d more problems, not listed", c.omitted)
			} else {
				last = lines[len(lines)-1]
			}
			got := []any{r.code, len(lines), lines[len(lines)-1], r.stderr}
			want := []any{exitFailure, listed + min(c.omitted, 1), last,
				fmt.Sprintf("wlp validate: %d problems in <stdin>\n", c.total)}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("validate: exit status, lines, last line, stderr (-want +got):\n%s", diff)
			}

			r = runWLP(c.doc, "validate", "-json", "-")
			var reps []report
			if err := json.Unmarshal([]byte(r.stdout), &reps); err != nil || len(reps) != 1 {
				t.Fatalf("validate -json: %v\n%.300s", err, r.stdout)
			}
			if diff := gocmp.Diff([]int{listed, c.omitted}, []int{len(reps[0].Problems), reps[0].Omitted}); diff != "" {
				t.Errorf("validate -json: problems listed, omitted (-want +got):\n%s", diff)
			}
			if c.omitted == 0 && strings.Contains(r.stdout, `"omitted"`) {
				t.Errorf("validate -json shows omitted without any")
			}
		})
	}
}

// TestWithSchema checks that validate adds the schema's problems at the
// places the loaders' problems leave out, and only there.
func TestWithSchema(t *testing.T) {
	full := problem.List{}
	for range problem.MaxReported {
		full.Add("/x", "a problem")
	}
	tests := []struct {
		name  string
		kind  string
		doc   string
		probs []problem.Problem
		want  []problem.Problem
	}{
		{"valid profile", kindProfile, `{"id":"a"}`, nil, nil},
		{"a place the loader missed", kindProfile, `{"id":"a","ratings":{"coaching":{"level":6}}}`, nil,
			[]problem.Problem{{Path: "/ratings/coaching/level", Message: "6 is above the highest value allowed, 5"}}},
		{"the same place", kindProfile, `{"id":"a","ratings":{"coaching":{"level":6}}}`,
			[]problem.Problem{{Path: "/ratings/coaching/level", Message: "too high"}},
			[]problem.Problem{{Path: "/ratings/coaching/level", Message: "too high"}}},
		{"a place inside", kindFramework, `{"roles":[{"id":"r","name":"R","requirements":[]}]}`,
			[]problem.Problem{{Path: "/roles/0/requirements/0", Message: "inside"}},
			[]problem.Problem{{Path: "/roles/0/requirements/0", Message: "inside"}}},
		{"a place around is not enough", kindFramework, `{"roles":[{"id":"r","name":"R","requirements":[]}]}`,
			[]problem.Problem{{Path: "/roles", Message: "around"}},
			[]problem.Problem{{Path: "/roles", Message: "around"}, {Path: "/roles/0/requirements", Message: "minItems: got 0, want 1"}}},
		{"not JSON", kindProfile, `{"id":`, []problem.Problem{{Message: "truncated"}}, []problem.Problem{{Message: "truncated"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := withSchema(problem.List{Problems: tt.probs}, tt.kind, []byte(tt.doc))
			if diff := gocmp.Diff(tt.want, got.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("full list", func(t *testing.T) {
		got := withSchema(full, kindProfile, []byte(`{"id":"a","ratings":{"coaching":{"level":6}}}`))
		if diff := gocmp.Diff(full, got, gocmp.AllowUnexported(problem.List{})); diff != "" {
			t.Errorf("a full list changed (-want +got):\n%s", diff)
		}
	})
}

// TestValidateCrosswalk checks crosswalk documents: told from their
// fields, checked on their own, against the embedded frameworks they
// name, and against the crosswalk schema.
func TestValidateCrosswalk(t *testing.T) {
	const ok = `{"id": "x-to-y", "from": "atd-2013", "to": "atd-2020", "links": [
	  {"from": "coaching", "to": "coaching", "relation": "exact", "carry": "level", "why": "The same."}]}`
	tests := []struct {
		name, args, stdin string
		code              int
		want              []string
	}{
		{"embedded data", "validate ../../crosswalk/data/atd-2013-to-atd-2020.json", "", 0,
			[]string{`atd-2013-to-atd-2020.json: ok: crosswalk "atd-2013-to-atd-2020": 27 links, 3`, "new (checked against both frameworks)"}},
		{"checked against the frameworks", "validate -", ok, 0,
			[]string{`<stdin>: ok: crosswalk "x-to-y": 1 link (checked against both frameworks)`}},
		{"frameworks not embedded", "validate -", strings.ReplaceAll(ok, "atd-20", "mine-20"), 0,
			[]string{`<stdin>: ok: crosswalk "x-to-y": 1 link`}},
		{"unknown item", "validate -", strings.Replace(ok, `"from": "coaching"`, `"from": "coching"`, 1), 1,
			[]string{`<stdin>: /links/0/from: "coching" is not an item of the framework "atd-2013" (did you mean "coaching"?)`}},
		{"shape and rules", "validate -", strings.Replace(ok, `"carry": "level"`, `"carry": "capped", "weight": 2`, 1), 1,
			[]string{`<stdin>: /links/0/weight: unknown field "weight"`, `<stdin>: /links/0/cap: a capped carry needs a cap from 1 to 4, not 0`}},
		{"-kind crosswalk", "validate -kind crosswalk -", `{"id": "a"}`, 1,
			[]string{`<stdin>: missing required field "from"`, `<stdin>: missing required field "links"`}},
		{"json", "validate -json -", ok, 0, []string{`"kind": "crosswalk"`, `"id": "x-to-y"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWLP(tt.stdin, strings.Fields(tt.args)...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", r.code, tt.code, r.stdout, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("the output lacks %q:\n%s", w, r.stdout)
				}
			}
		})
	}
}

func TestDetectKind(t *testing.T) {
	for doc, want := range map[string]string{
		`{"id": "a-to-b", "from": "a", "to": "b", "links": []}`: kindCrosswalk,
		`{"links": [], "to": "b"}`:                              kindCrosswalk,
		`{"links": []}`:                                         kindProfile,
		`{"id": "x", "from": "a"}`:                              kindProfile,
		`{"competencies": [], "name": "n"}`:                     kindFramework,
		`{"ratings": {}}`:                                       kindProfile,
		`[]`:                                                    kindProfile,
	} {
		if got := detectKind([]byte(doc)); got != want {
			t.Errorf("detectKind(%s) = %s, want %s", doc, got, want)
		}
	}
}

// TestValidateCrosswalkFrameworks checks -from and -to: a crosswalk
// between framework files is checked against them, a misspelt item ID
// being a problem at its place with a suggestion, and the "ok" line of an
// unchecked crosswalk says which flag would check it.
func TestValidateCrosswalkFrameworks(t *testing.T) {
	dir := t.TempDir()
	c, err := crosswalk.LoadEmbedded("atd-2013-to-atd-2020")
	if err != nil {
		t.Fatal(err)
	}
	fromPath, toPath := renamedFramework(t, dir, c.From, "ours-v1"), renamedFramework(t, dir, c.To, "ours-v2")
	c2 := c.Clone()
	c2.ID, c2.From, c2.To = "ours", "ours-v1", "ours-v2"
	good, err := crosswalkJSON(c2)
	if err != nil {
		t.Fatal(err)
	}
	goodPath := filepath.Join(dir, "ours.json")
	writeTestFile(t, goodPath, string(good))
	misspelt := string(c2.Links[7].To)
	c2.Links[7].To = competency.ID(misspelt[:len(misspelt)-2] + misspelt[len(misspelt)-1:] + misspelt[len(misspelt)-2:len(misspelt)-1])
	bad, err := crosswalkJSON(c2)
	if err != nil {
		t.Fatal(err)
	}
	badPath := filepath.Join(dir, "bad.json")
	writeTestFile(t, badPath, string(bad))

	summary := `ok: crosswalk "ours": 27 links, 3 new `
	tests := []struct {
		name string
		args []string
		code int
		want string // stdout
	}{
		{"both files", args("validate", "-from", fromPath, "-to", toPath, goodPath), 0,
			goodPath + ": " + summary + "(checked against both frameworks)\n"},
		{"misspelt", args("validate", "-from", fromPath, "-to", toPath, badPath), 1,
			fmt.Sprintf("%s: /links/7/to: %q is not an item of the framework \"ours-v2\" (did you mean %q?)\n", badPath, c2.Links[7].To, misspelt)},
		{"no flags", args("validate", badPath), 0,
			badPath + ": " + summary + "(not checked against its frameworks, which are not embedded: name them with -from and -to)\n"},
		{"-from only", args("validate", "-from", fromPath, badPath), 0,
			badPath + ": " + summary + `(not checked against its frameworks: "ours-v2" is not embedded; name it with -to)` + "\n"},
		{"wrong framework", args("validate", "-from", "atd-2013", "-to", toPath, goodPath), 1,
			goodPath + `: /from: the crosswalk maps from "ours-v1", not from the framework "atd-2013"` + "\n"},
		{"an embedded one, named", args("validate", "-from", "atd-2013", "-to", "atd-2020", "../../crosswalk/data/atd-2013-to-atd-2020.json"), 0,
			`../../crosswalk/data/atd-2013-to-atd-2020.json: ok: crosswalk "atd-2013-to-atd-2020": 27 links, 3 new (checked against both frameworks)` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWLP("", tt.args...)
			// The ok line is wrapped at the terminal width; unwrap it.
			got := strings.ReplaceAll(r.stdout, "\n  ", " ")
			if r.code != tt.code || got != tt.want {
				t.Errorf("wlp %s: exit %d, stdout\n%s\nwant exit %d and\n%s", strings.Join(tt.args, " "), r.code, got, tt.code, tt.want)
			}
		})
	}
}

// TestValidateCrosswalkPackage checks that validate reads a crosswalk's
// CASE package back and checks it against its frameworks, and refers a
// framework's package to import.
func TestValidateCrosswalkPackage(t *testing.T) {
	dir := t.TempDir()
	pkgs, strict := crosswalkPackages(t, dir, false), crosswalkPackages(t, dir, true)
	fwPkg := filepath.Join(dir, "atd-2013.case.json")
	if r := runWLP("", "export", "-case", "-framework", "atd-2013", "-o", fwPkg); r.code != 0 {
		t.Fatal(r.stderr)
	}
	p1320, s1320 := pkgs["atd-2013-to-atd-2020"], strict["atd-2013-to-atd-2020"]
	tests := []struct {
		name string
		args []string
		code int
		want string // stdout, unwrapped
	}{
		{"with extensions", args("validate", p1320), 0,
			p1320 + `: ok: crosswalk "atd-2013-to-atd-2020": 27 links, 3 new (checked against both frameworks), read from a CASE package` + "\n"},
		{"-kind crosswalk", args("validate", "-kind", "crosswalk", p1320), 0,
			p1320 + `: ok: crosswalk "atd-2013-to-atd-2020": 27 links, 3 new (checked against both frameworks), read from a CASE package` + "\n"},
		{"strict", args("validate", s1320), 1,
			s1320 + `: the crosswalk package does not name its frameworks (a strict package has no "wlp" extension): ` +
				"give the frameworks it maps with -from FRAMEWORK and -to FRAMEWORK (an embedded ID or a framework document)\n"},
		{"strict, named", args("validate", "-from", "atd-2013", "-to", "atd-2020", s1320), 0,
			s1320 + `: ok: crosswalk "atd-2013-to-atd-2020": 27 links (checked against both frameworks), read from a CASE package` + "\n"},
		{"other frameworks", args("validate", "-to", "astd-2004", p1320), 1,
			p1320 + `: /CFDocument/extensions/wlp/to: the crosswalk maps to "atd-2020", not to the framework "astd-2004"` + "\n"},
		{"a framework's", args("validate", fwPkg), 1,
			fwPkg + `: a CASE package of a framework (17 items), not of a crosswalk: "wlp import -case" turns it into a framework document` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWLP("", tt.args...)
			got := strings.ReplaceAll(r.stdout, "\n  ", " ")
			if r.code != tt.code || got != tt.want {
				t.Errorf("wlp %s: exit %d, stdout\n%s\nwant exit %d and\n%s", strings.Join(tt.args, " "), r.code, got, tt.code, tt.want)
			}
		})
	}
}
