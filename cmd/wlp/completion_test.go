package main

import (
	"flag"
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

// defaultIDs are the roles and jobs of the default framework.
var defaultIDs = []string{"learning-strategist", "business-partner", "project-manager", "professional-specialist", "chief-learning-officer"}

// TestCompletionSpec checks what completion reads from a usage line and
// its flags: each argument's kind, whether the last repeats, and what
// completes each flag's value.
func TestCompletionSpec(t *testing.T) {
	var s string
	var b bool
	var n int
	c := newCommand(&Command{Name: "x", UsageLine: "wlp x [-framework FILE] [-kind a|b] [-n N] [-o DIR] [-json] [-combine POLICY] TARGET [COMMAND] x|y FILE..."})
	c.Flag.StringVar(&s, "framework", "", "read `FILE`")
	c.Flag.StringVar(&s, "kind", "", "the `KIND`: a or b")
	c.Flag.IntVar(&n, "n", 0, "`N` things")
	c.Flag.StringVar(&s, "o", "", "write to the folder `DIR`")
	c.Flag.BoolVar(&b, "json", false, "print JSON")
	c.Flag.StringVar(&s, "combine", "", "merge by `POLICY`")
	alt := newCommand(&Command{Name: "y", UsageLine: "wlp y [-team] TARGET PROFILE | -team TARGET PROFILE..."})
	alt.Flag.BoolVar(&b, "team", false, "a team")
	roles := newCommand(&Command{Name: "z", UsageLine: "wlp z ROLE[,ROLE...] PROFILE"})
	none := newCommand(&Command{Name: "w", UsageLine: "wlp w"})

	got := completionSpec([]*Command{c, alt, roles, none}, wlp.Default())
	names := []string{"x", "y", "z", "w"}
	files := compWhat{kind: compFiles}
	want := []compCommand{
		{
			name: "x",
			flags: []compFlag{
				{"combine", "merge by POLICY", &compWhat{kind: compWords, words: []string{"median", "manager-first", "mean-except-self", "none"}}},
				{"framework", "read FILE", &compWhat{kind: compFilesOr, words: wlp.Embedded()}},
				{"json", "print JSON", nil},
				{"kind", "the KIND: a or b", &compWhat{kind: compWords, words: []string{"a", "b"}}},
				{"n", "N things", &compWhat{}},
				{"o", "write to the folder DIR", &compWhat{kind: compDirs}},
			},
			args: []compWhat{
				{kind: compTargets, words: defaultIDs},
				{kind: compWords, words: names},
				{kind: compWords, words: []string{"x", "y"}},
				files,
			},
			variadic: true,
		},
		{name: "y", flags: []compFlag{{"team", "a team", nil}}, args: []compWhat{{kind: compTargets, words: defaultIDs}, files}, variadic: true},
		{name: "z", args: []compWhat{{kind: compTargetList, words: defaultIDs}, files}},
		{name: "w"},
	}
	opts := []gocmp.Option{gocmp.AllowUnexported(compCommand{}, compFlag{}, compWhat{})}
	if diff := gocmp.Diff(want, got, opts...); diff != "" {
		t.Errorf("completionSpec (-want +got):\n%s", diff)
	}
}

// TestCompletionScripts checks that each script names every command and
// every flag of each, and that bash reads its script (zsh -n and fish -n
// were run on theirs by hand: those shells are not always installed).
func TestCompletionScripts(t *testing.T) {
	cmds := commands(&env{})
	for _, shell := range compShells() {
		r := runWLP("", "completion", shell)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("wlp completion %s: exit %d\n%s", shell, r.code, r.stderr)
		}
		var missing []string
		for _, c := range cmds {
			if !strings.Contains(r.stdout, c.Name) {
				missing = append(missing, c.Name)
			}
			c.Flag.VisitAll(func(f *flag.Flag) {
				if !strings.Contains(r.stdout, "-"+f.Name) && !strings.Contains(r.stdout, " "+f.Name+" ") {
					missing = append(missing, c.Name+" -"+f.Name)
				}
			})
		}
		for _, id := range defaultIDs {
			if !strings.Contains(r.stdout, id) {
				missing = append(missing, id)
			}
		}
		if diff := gocmp.Diff([]string(nil), missing); diff != "" {
			t.Errorf("wlp completion %s lacks (-want +got):\n%s", shell, diff)
		}
	}
	script := filepath.Join(t.TempDir(), "wlp.bash")
	if err := os.WriteFile(script, []byte(runWLP("", "completion", "bash").stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("bash", "-n", script).CombinedOutput(); err != nil {
		t.Errorf("bash -n: %v\n%s", err, out)
	}
}

// TestCompletionMisuse checks the shells completion knows.
func TestCompletionMisuse(t *testing.T) {
	for _, tt := range []struct {
		args []string
		line string
	}{
		{args("completion", "bsh"), `wlp completion: unknown shell "bsh"; did you mean bash? (want bash, zsh or fish)`},
		{args("completion", "powershell"), `wlp completion: unknown shell "powershell" (want bash, zsh or fish)`},
		{args("completion"), "wlp completion: wants 1 argument, got 0 arguments"},
	} {
		r := runWLP("", tt.args...)
		first, _, _ := strings.Cut(r.stderr, "\n")
		if diff := gocmp.Diff(tt.line, first); diff != "" || r.code != exitUsage {
			t.Errorf("wlp %q: exit %d, want 2; first line of stderr (-want +got):\n%s", tt.args, r.code, diff)
		}
	}
}

// TestBashCompletes sources the bash script and completes command lines
// as bash would, in a folder holding a.json, b.csv and the folder sub:
// commands, flags, flag values, targets (in a list too), and file names
// where a file goes.
func TestBashCompletes(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "wlp.bash")
	if err := os.WriteFile(script, []byte(runWLP("", "completion", "bash").stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	for _, p := range []string{"sub/x.json", "a.json", "b.csv"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(work, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, p), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	flagsOfCmd := func(name string) []string {
		var out []string
		for _, f := range flagsOf(lookup(name, &env{})) {
			out = append(out, "-"+f)
		}
		return out
	}
	files := []string{"a.json", "b.csv", "sub"}
	all := slices.Sorted(slices.Values(commandNames()))
	targets := slices.Sorted(slices.Values(defaultIDs))
	policies := []string{"manager-first", "mean-except-self", "median", "none"}
	tests := []struct {
		line string // the words before the cursor, and the word at it, last
		want []string
	}{
		{"wlp ", all},
		{"wlp sc", []string{"schema", "score"}},
		{"wlp frob ", nil},
		{"wlp score ", targets},
		{"wlp score b", []string{"business-partner"}},
		{"wlp score -json c", []string{"chief-learning-officer"}},
		{"wlp score -- ", targets},
		{"wlp score business-partner ", files},
		{"wlp score business-partner a", []string{"a.json"}},
		{"wlp score business-partner a.json ", nil},
		{"wlp score -framework ", append(wlp.Embedded(), files...)},
		{"wlp score -framework b", []string{"b.csv"}},
		{"wlp score -combine ", policies},
		{"wlp score --combine me", []string{"mean-except-self", "median"}},
		{"wlp score -combine = me", []string{"mean-except-self", "median"}},
		{"wlp score -combine = median ", targets},
		{"wlp score -combine median ", targets},
		{"wlp score -json=true ", targets},
		{"wlp score -", flagsOfCmd("score")},
		{"wlp score -j", []string{"-json"}},
		{"wlp rank clo a.json ", files},
		{"wlp chart -team clo a.json ", files},
		{"wlp chart -o ", files},
		{"wlp assign ", targets},
		{"wlp assign learning-strategist,b", []string{"learning-strategist,business-partner"}},
		{"wlp assign -max-hats 2 p", []string{"professional-specialist", "project-manager"}},
		{"wlp assign -max-hats ", nil},
		{"wlp assign x ", files},
		{"wlp plan -until ", []string{"full", "partial", "strong", "weak"}},
		{"wlp validate -kind f", []string{"framework"}},
		{"wlp validate ", files},
		{"wlp schema p", []string{"plan", "profile"}},
		{"wlp help sc", []string{"schema", "score"}},
		{"wlp completion ", []string{"bash", "fish", "zsh"}},
		{"wlp export ", nil},
		{"wlp version -", flagsOfCmd("version")},
	}
	for _, tt := range tests {
		words := strings.Split(tt.line, " ")
		argv := append([]string{"-c", `source "$1" && cd "$2" && COMP_WORDS=("${@:4}") && COMP_CWORD=$3 && _wlp && printf '%s\n' "${COMPREPLY[@]}"`,
			"bash", script, work, strconv.Itoa(len(words) - 1)}, words...)
		cmd := exec.Command("bash", argv...)
		cmd.Env = append(os.Environ(), "LC_ALL=C")
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("%q: %v", tt.line, err)
			continue
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if l != "" {
				got = append(got, l)
			}
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tt.want))
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("completing %q (-want +got):\n%s", tt.line, diff)
		}
	}
}
