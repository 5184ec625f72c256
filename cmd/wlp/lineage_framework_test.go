package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
)

// profile2020 is a person rated on three capabilities of the 2020 model.
const profile2020 = `{"id": "ana", "name": "Ana", "ratings": {
  "communication": {"level": 4},
  "coaching": {"level": 3},
  "data-and-analytics": {"level": 2}
}}`

// writeFiles writes each name's content into dir and returns dir.
func writeFiles(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestFrameworkEmbeddedID runs the commands that take -framework with
// the ID of a later model, atd-2013 or atd-2020, and checks that each
// reads the embedded framework: its items in the output, its profiles
// valid, and a clear error where there is nothing to score.
func TestFrameworkEmbeddedID(t *testing.T) {
	dir := writeFiles(t, t.TempDir(), map[string]string{
		"ana.json":  profile2020,
		"kim.json":  `{"id": "kim", "ratings": {"building-trust": {"level": 3}}}`,
		"lee.json":  `{"id": "lee", "ratings": {"business-skills": {"level": 3}, "learning-technologies": {"level": 4}}}`,
		"team.json": `[` + profile2020 + `]`,
	})
	ana, kim, lee := filepath.Join(dir, "ana.json"), filepath.Join(dir, "kim.json"), filepath.Join(dir, "lee.json")
	tests := []struct {
		args   []string
		code   int
		stdout []string // lines or fragments stdout must hold
		stderr string   // the first line of stderr
	}{
		{args("export", "-framework", "atd-2020", "-table"), 0, []string{
			"ATD Talent Development Capability Model (id atd-2020, version 2020)",
			"communication                               Communication",
			"emotional-intelligence-and-decision-making  Emotional Intelligence & Decision Making",
			"future-readiness                            Future Readiness",
			"Building Personal Capability:", "Developing Professional Capability:", "Impacting Organizational Capability:",
		}, ""},
		{args("export", "-framework", "atd-2013", "-table"), 0, []string{
			"ATD Competency Model (id atd-2013, version 2013)",
			"business-skills               Business Skills",
			"Areas of expertise:",
			"change-management             Change Management",
		}, ""},
		{args("validate", "-framework", "atd-2020", ana), 0, []string{`ok: profile "ana", 3 ratings: Ana`}, ""},
		{args("validate", "-framework", "atd-2013", lee), 0, []string{`ok: profile "lee", 2 ratings`}, ""},
		{args("validate", "-framework", "atd-2020", kim), 1,
			[]string{kim + `: /ratings/building-trust: unknown competency or area "building-trust" in framework "atd-2020"`},
			`wlp validate: 1 problem in ` + kim},
		{args("validate", "-framework", "atd-2020", "-kind", "profile", filepath.Join(dir, "team.json")), 0, []string{`ok`}, ""},
		{args("score", "-framework", "atd-2020", "clo", ana), 1, nil,
			`wlp score: unknown target "clo": framework "atd-2020" has no roles or jobs to score against`},
		{args("score", "-framework", "atd-2013", "coaching", lee), 1, nil,
			`wlp score: unknown target "coaching": framework "atd-2013" has no roles or jobs to score against (Coaching is a competency or area a person is rated on; a target is a role or job, which requires such things)`},
		{args("chart", "-framework", "atd-2020", "business-partner", ana), 1, nil,
			`wlp chart: unknown target "business-partner": framework "atd-2020" has no roles or jobs to score against`},
		{args("rank", "-framework", "atd-2020", "x", ana), 1, nil,
			`wlp rank: unknown target "x": framework "atd-2020" has no roles or jobs to score against`},
		{args("assign", "-framework", "atd-2020", "x,y", ana), 1, nil,
			`wlp assign: unknown target "x": framework "atd-2020" has no roles or jobs to score against`},
		{args("score", "-framework", "atd-2020", ana, ana), 2, nil,
			`wlp score: "` + ana + `" names profiles, not a role or job: the target comes first, then the profile (it has no roles or jobs)`},
		{args("score", "-framework", "atd-2020", ana, "clo"), 2, nil,
			`wlp score: the target comes first, then the profile, and "clo" names no role or job of framework "atd-2020" (it has no roles or jobs): wlp score -framework atd-2020 TARGET ` + ana},
		{args("score", "-framework", "astd-2004", "chief-learning-officer", kim), 0, []string{"Chief learning officer"}, ""},
		{args("score", "-framework", "atd-2004", "clo", kim), 1, nil,
			`wlp score: atd-2004: cannot read: no such file, nor an embedded framework's ID; did you mean astd-2004?`},
		{args("export", "-framework", "atd2020", "-table"), 1, nil,
			`wlp export: atd2020: cannot read: no such file, nor an embedded framework's ID; did you mean atd-2020?`},
		{args("export", "-framework", "skills", "-table"), 1, nil,
			`wlp export: skills: cannot read: no such file, nor an embedded framework's ID (astd-2004, atd-2013 or atd-2020)`},
		{args("export", "-framework", filepath.Join(dir, "nothing.json"), "-table"), 1, nil,
			`wlp export: ` + filepath.Join(dir, "nothing.json") + `: cannot read: no such file`},
	}
	for _, tt := range tests {
		r := runWLP("", tt.args...)
		first, _, _ := strings.Cut(r.stderr, "\n")
		if r.code != tt.code || first != tt.stderr {
			t.Errorf("wlp %q: exit %d, want %d; first line of stderr:\n got %q\nwant %q", tt.args, r.code, tt.code, first, tt.stderr)
		}
		for _, s := range tt.stdout {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("wlp %q: stdout lacks %q:\n%s", tt.args, s, r.stdout)
			}
		}
	}
}

// TestFrameworkEmbeddedExport checks that export -framework ID writes the
// embedded framework's document, which reads back into it, and that
// -case writes a package of its clusters and competencies.
func TestFrameworkEmbeddedExport(t *testing.T) {
	for _, id := range wlp.Embedded() {
		r := runWLP("", "export", "-framework", id)
		if r.code != 0 {
			t.Fatalf("wlp export -framework %s: exit %d\n%s", id, r.code, r.stderr)
		}
		got, err := wlp.Load(strings.NewReader(r.stdout))
		if err != nil {
			t.Fatalf("wlp export -framework %s: %v", id, err)
		}
		want, _ := wlp.LoadEmbedded(id)
		if diff := gocmp.Diff(want.Spec(), got.Spec()); diff != "" {
			t.Errorf("wlp export -framework %s (-want +got):\n%s", id, diff)
		}
	}

	r := runWLP("", "export", "-case", "-framework", "atd-2020")
	if r.code != 0 {
		t.Fatalf("wlp export -case -framework atd-2020: exit %d\n%s", r.code, r.stderr)
	}
	var pkg struct {
		CFDocument struct{ Title string }
		CFItems    []struct {
			HumanCodingScheme    string
			AbbreviatedStatement string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &pkg); err != nil {
		t.Fatal(err)
	}
	f, _ := wlp.LoadEmbedded(wlp.ATD2020ID)
	var want, got []string
	for _, cl := range f.Clusters() {
		want = append(want, string(cl.ID)+" "+cl.Name)
	}
	for _, c := range f.Competencies() {
		want = append(want, string(c.ID)+" "+c.Name)
	}
	for _, it := range pkg.CFItems {
		got = append(got, it.HumanCodingScheme+" "+it.AbbreviatedStatement)
	}
	if pkg.CFDocument.Title != f.Name() {
		t.Errorf("CFDocument title %q, want %q", pkg.CFDocument.Title, f.Name())
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("the package's items, in order (-want +got):\n%s", diff)
	}
	// And the package imports back into the same framework.
	dir := writeFiles(t, t.TempDir(), map[string]string{"atd-2020.case.json": r.stdout})
	out := filepath.Join(dir, "back.json")
	if r := runWLP("", "import", "-case", "-o", out, filepath.Join(dir, "atd-2020.case.json")); r.code != 0 {
		t.Fatalf("wlp import -case: exit %d\n%s", r.code, r.stderr)
	}
	r = runWLP("", "export", "-framework", out, "-table")
	if r.code != 0 || !strings.Contains(r.stdout, "data-and-analytics") || !strings.Contains(r.stdout, "Data & Analytics") {
		t.Errorf("wlp export -table of the imported package: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestFrameworkEmbeddedForm checks that form -framework atd-2013 writes a
// page that offers every item of the 2013 model to rate.
func TestFrameworkEmbeddedForm(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.html")
	r := runWLP("", "form", "-framework", "atd-2013", "-o", out)
	if r.code != 0 {
		t.Fatalf("wlp form -framework atd-2013: exit %d\n%s", r.code, r.stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := wlp.LoadEmbedded(wlp.ATD2013ID)
	var missing []string
	for _, id := range f.IDs() {
		name, _ := f.NameOf(id)
		if !bytes.Contains(page, []byte(string(id))) || !bytes.Contains(page, []byte(name)) {
			missing = append(missing, string(id))
		}
	}
	if !bytes.Contains(page, []byte("ATD Competency Model")) {
		missing = append(missing, "the framework's name")
	}
	if bytes.Contains(page, []byte("building-trust")) {
		t.Errorf("the atd-2013 form offers building-trust, of the 2004 model")
	}
	if diff := gocmp.Diff([]string(nil), missing); diff != "" {
		t.Errorf("the atd-2013 form lacks (-want +got):\n%s", diff)
	}
}

// TestFrameworkFileNamedLikeID checks that -framework atd-2020 takes the
// embedded framework even when a file of that name is in the working
// folder, and that ./atd-2020 reads the file.
func TestFrameworkFileNamedLikeID(t *testing.T) {
	const local = `{"id": "local", "name": "Local skills", "competencies": [
	  {"id": "listening", "name": "Listening", "cluster": "interpersonal"}]}`
	t.Chdir(writeFiles(t, t.TempDir(), map[string]string{"atd-2020": local, "ana.json": profile2020}))
	tests := []struct {
		framework, wantID string
	}{
		{"atd-2020", "atd-2020"},
		{"./atd-2020", "local"},
		{"atd-2013", "atd-2013"},
	}
	for _, tt := range tests {
		r := runWLP("", "export", "-framework", tt.framework)
		if r.code != 0 {
			t.Errorf("wlp export -framework %s: exit %d\n%s", tt.framework, r.code, r.stderr)
			continue
		}
		f, err := wlp.Load(strings.NewReader(r.stdout))
		if err != nil {
			t.Fatalf("wlp export -framework %s: %v", tt.framework, err)
		}
		if f.ID() != tt.wantID {
			t.Errorf("wlp export -framework %s: framework %q, want %q", tt.framework, f.ID(), tt.wantID)
		}
	}
	// A profile of the 2020 model is valid against the embedded one, not
	// against the file.
	if r := runWLP("", "validate", "-framework", "atd-2020", "ana.json"); r.code != 0 {
		t.Errorf("wlp validate -framework atd-2020 ana.json: exit %d\n%s", r.code, r.stderr)
	}
	if r := runWLP("", "validate", "-framework", "./atd-2020", "ana.json"); r.code != 1 || !strings.Contains(r.stdout, `unknown competency or area "communication" in framework "local"`) {
		t.Errorf("wlp validate -framework ./atd-2020 ana.json: exit %d, want 1 naming framework local\n%s", r.code, r.stderr)
	}
}

// TestFrameworkCompletesIDs checks that bash completes -framework with
// the embedded IDs as well as file names, and that every shell's script
// names them for -framework.
func TestFrameworkCompletesIDs(t *testing.T) {
	cmds := completionSpec(commands(&env{}), wlp.Default())
	n := 0
	for _, c := range cmds {
		for _, f := range c.flags {
			if f.name != "framework" {
				continue
			}
			n++
			want := &compWhat{kind: compFilesOr, words: []string{"astd-2004", "atd-2013", "atd-2020"}}
			if diff := gocmp.Diff(want, f.value, gocmp.AllowUnexported(compWhat{})); diff != "" {
				t.Errorf("wlp %s -framework completes (-want +got):\n%s", c.name, diff)
			}
		}
	}
	if n < 10 {
		t.Errorf("%d commands take -framework, want at least 10", n)
	}
	for shell, want := range map[string]string{
		"bash": "score:framework) _wlp_complete files-or astd-2004 atd-2013 atd-2020 ;;",
		"zsh":  ":framework:{_files; compadd -- astd-2004 atd-2013 atd-2020}'",
		"fish": "complete -c wlp -n '__wlp_command score' -o framework -r -F -a 'astd-2004 atd-2013 atd-2020' -d",
	} {
		if r := runWLP("", "completion", shell); !strings.Contains(r.stdout, want) {
			t.Errorf("wlp completion %s lacks %q", shell, want)
		}
	}

	dir := t.TempDir()
	script := filepath.Join(dir, "wlp.bash")
	if err := os.WriteFile(script, []byte(runWLP("", "completion", "bash").stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"atd.json": "", "b.csv": ""})
	for _, tt := range []struct {
		line string
		want []string
	}{
		{"wlp export -framework ", []string{"astd-2004", "atd-2013", "atd-2020", "atd.json", "b.csv", "wlp.bash"}},
		{"wlp export -framework at", []string{"atd-2013", "atd-2020", "atd.json"}},
		{"wlp score -framework atd-2020 ", defaultIDs}, // targets come from the default framework
		{"wlp form -framework a", []string{"astd-2004", "atd-2013", "atd-2020", "atd.json"}},
		{"wlp export -o at", []string{"atd.json"}},
	} {
		got := bashComplete(t, script, dir, tt.line)
		if diff := gocmp.Diff(slices.Sorted(slices.Values(tt.want)), got); diff != "" {
			t.Errorf("completing %q (-want +got):\n%s", tt.line, diff)
		}
	}
}

// bashComplete sources the bash script and completes line (the words
// before the cursor and the word at it, last) in the folder dir, as
// TestBashCompletes does, returning the completions sorted.
func bashComplete(t *testing.T, script, dir, line string) []string {
	t.Helper()
	words := strings.Split(line, " ")
	argv := append([]string{"-c", `source "$1" && cd "$2" && COMP_WORDS=("${@:4}") && COMP_CWORD=$3 && _wlp && printf '%s\n' "${COMPREPLY[@]}"`,
		"bash", script, dir, strconv.Itoa(len(words) - 1)}, words...)
	cmd := exec.Command("bash", argv...)
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	out, err := cmd.Output()
	if err != nil {
		t.Errorf("%q: %v", line, err)
		return nil
	}
	var got []string
	for l := range strings.SplitSeq(string(out), "\n") {
		if l != "" {
			got = append(got, l)
		}
	}
	slices.Sort(got)
	return got
}
