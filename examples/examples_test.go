package examples

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// args gives the examples that need them their command-line arguments;
// dir is a fresh temporary folder. Output must not depend on it.
var args = map[string]func(dir string) []string{
	"learning2": func(dir string) []string { return []string{"-o", filepath.Join(dir, "learning2.json")} },
	"schema":    func(dir string) []string { return []string{"-o", dir} },
}

// examples lists the example programs: the folders here with a main.go.
func examples(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(e.Name(), "main.go")); e.IsDir() && err == nil {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestExamples builds every example once, runs it from the module's root
// folder (where the examples find examples/data) and compares its standard
// output with testdata/NAME.golden. Run with -update to rewrite them.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs every example")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	names := examples(t)
	for _, want := range []string{"clo", "learning2", "schema", "gaps"} {
		if !strings.Contains(" "+strings.Join(names, " ")+" ", " "+want+" ") {
			t.Errorf("example %s is missing", want)
		}
	}

	bin := t.TempDir()
	build := exec.Command(goTool, "build", "-o", bin+string(filepath.Separator))
	for _, n := range names {
		build.Args = append(build.Args, "./examples/"+n)
	}
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			var argv []string
			if f := args[name]; f != nil {
				argv = f(t.TempDir())
			}
			cmd := exec.Command(filepath.Join(bin, name), argv...)
			cmd.Dir = ".."
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s: %v\n%s", name, err, stderr.Bytes())
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./examples -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
				t.Errorf("%s output differs from %s (-want +got):\n%s", name, golden, diff)
			}
			if name == "learning2" {
				// The committed framework is what the example writes.
				got, err := os.ReadFile(argv[1])
				if err != nil {
					t.Fatal(err)
				}
				committed, err := os.ReadFile(filepath.Join("frameworks", "learning2.json"))
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(committed), string(got)); diff != "" {
					t.Errorf("examples/frameworks/learning2.json is stale; run go run ./examples/learning2 -o examples/frameworks/learning2.json (-committed +written):\n%s", diff)
				}
			}
		})
	}
}
