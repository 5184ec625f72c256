package main

import (
	"bytes"
	"flag"
	"go/format"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// flagNames matches the flags a synopsis names: "-k" in "[-k N]", "-team"
// in "| -team PROFILE...", "-table" in "(-table: ...)", "-json" in
// "`-json`".
var flagNames = regexp.MustCompile("(?:^|[\\s\\[(|`])-([a-z][a-z-]*)")

// named returns the flags text names, sorted, without repeats.
func named(text string) []string {
	var out []string
	for _, m := range flagNames.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// flagsOf returns the names of c's flags, sorted.
func flagsOf(c *Command) []string {
	var out []string
	c.Flag.VisitAll(func(f *flag.Flag) { out = append(out, f.Name) })
	return out
}

// TestCommandHelp checks each command's help against its flags: `wlp help
// NAME`, `wlp NAME -h` and `wlp NAME -help` print the same help, which
// shows the usage line, every flag and its meaning, and an example; the
// usage line names every flag and no other; each example runs the
// command; and `wlp help` lists every command with its short help.
func TestCommandHelp(t *testing.T) {
	list := runWLP("", "help")
	for _, c := range commands(&env{}) {
		t.Run(c.Name, func(t *testing.T) {
			var want bytes.Buffer
			commandHelp(&want, c)
			for _, argv := range [][]string{{"help", c.Name}, {c.Name, "-h"}, {c.Name, "-help"}} {
				if c.CustomFlags && argv[0] == c.Name {
					continue // help -h is `wlp help`
				}
				if diff := gocmp.Diff(result{0, want.String(), ""}, runWLP("", argv...), gocmp.AllowUnexported(result{})); diff != "" {
					t.Errorf("wlp %s (-want +got):\n%s", strings.Join(argv, " "), diff)
				}
			}
			var missing []string
			for _, s := range []string{"usage: " + c.UsageLine + "\n", "\nExample:\n"} {
				if !strings.Contains(want.String(), s) {
					missing = append(missing, s)
				}
			}
			if !slices.ContainsFunc(strings.Split(list.stdout, "\n"), func(line string) bool {
				f := strings.Fields(line)
				return len(f) > 0 && f[0] == c.Name && strings.HasSuffix(line, " "+c.Short)
			}) {
				missing = append(missing, "wlp help listing "+c.Name+": "+c.Short)
			}
			c.Flag.VisitAll(func(f *flag.Flag) {
				name, usage := flag.UnquoteUsage(f)
				if s := strings.TrimSpace("-" + f.Name + " " + name); !strings.Contains(want.String(), "  "+s+"\n") {
					missing = append(missing, s)
				}
				if !strings.Contains(want.String(), usage) {
					missing = append(missing, usage)
				}
			})
			for _, ex := range c.exampleLines() {
				if !strings.HasPrefix(ex, "wlp "+c.Name) {
					missing = append(missing, "wlp "+c.Name+" in the example "+ex)
				}
			}
			if diff := gocmp.Diff([]string(nil), missing); diff != "" {
				t.Errorf("the help lacks (-want +got):\n%s", diff)
			}
			if !strings.HasPrefix(c.UsageLine+" ", "wlp "+c.Name+" ") {
				t.Errorf("the usage line %q is not of wlp %s", c.UsageLine, c.Name)
			}
			if diff := gocmp.Diff(flagsOf(c), named(c.UsageLine)); diff != "" {
				t.Errorf("the usage line %q names other flags than the command takes (-flags +named):\n%s", c.UsageLine, diff)
			}
		})
	}
}

// sharedFlags are the flags README explains once for every command, in
// the paragraph after its command list.
var sharedFlags = []string{"combine", "framework", "json"}

// TestREADMECommands keeps README's command list, the block under
// "## Command line", in step with the commands: it lists every command
// and no other, each with the flags of its own; the paragraph after it
// names the flags that several commands share.
func TestREADMECommands(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## Command line\n")
	if !ok {
		t.Fatal(`README.md has no "## Command line" section`)
	}
	_, block, ok1 := strings.Cut(section, "\n```\n")
	block, after, ok2 := strings.Cut(block, "\n```\n")
	if !ok1 || !ok2 {
		t.Fatal("README.md's command line section has no command list")
	}
	paragraph, _, _ := strings.Cut(strings.TrimLeft(after, "\n"), "\n\n")

	lines := map[string]string{} // command -> its lines in the list
	for _, line := range strings.Split(block, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "wlp" {
			lines[f[1]] += line + "\n"
		}
	}
	var listed, registered []string
	for name := range lines {
		listed = append(listed, name)
	}
	slices.Sort(listed)
	for _, c := range commands(&env{}) {
		registered = append(registered, c.Name)
		var own []string
		for _, f := range flagsOf(c) {
			if !slices.Contains(sharedFlags, f) {
				own = append(own, f)
			}
		}
		if diff := gocmp.Diff(own, named(lines[c.Name])); diff != "" && lines[c.Name] != "" {
			t.Errorf("README.md lists wlp %s with other flags than its own (-flags +listed):\n%s", c.Name, diff)
		}
	}
	slices.Sort(registered)
	if diff := gocmp.Diff(registered, listed); diff != "" {
		t.Errorf("README.md's command list differs from the commands (-commands +listed):\n%s", diff)
	}
	if diff := gocmp.Diff(sharedFlags, named(paragraph)); diff != "" {
		t.Errorf("the paragraph after README.md's command list names other flags than the shared ones (-shared +named):\n%s\n%s", diff, paragraph)
	}
}

// TestDoc keeps doc.go, the package documentation, equal to what the
// commands say; run `go test ./cmd/wlp -run TestDoc -update` to rewrite
// it.
func TestDoc(t *testing.T) {
	checkGolden(t, "doc.go", documentation(t))
}

// documentation returns doc.go: `wlp help`, then each command's help, as
// a package comment.
func documentation(t *testing.T) string {
	var text strings.Builder
	text.WriteString("Command " + longUsage())
	for _, c := range commands(&env{}) {
		text.WriteString("\n# The " + c.Name + " command\n\n")
		commandHelp(&text, c)
	}
	var src strings.Builder
	src.WriteString("// Code generated by \"go test ./cmd/wlp -run TestDoc -update\"; DO NOT EDIT.\n")
	src.WriteString("// The words come from the commands: edit them there (command.go, help.go\n// and one file for each command).\n\n")
	for _, line := range strings.Split(strings.TrimRight(text.String(), "\n"), "\n") {
		if synopsis, ok := strings.CutPrefix(line, "usage: "); ok {
			line = "Usage:\n\n\t" + synopsis // a code block
		}
		for _, l := range strings.Split(line, "\n") {
			writeCommentLine(&src, l)
		}
	}
	src.WriteString("package main\n")
	out, err := format.Source([]byte(src.String()))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// writeCommentLine writes line as a line of a comment.
func writeCommentLine(src *strings.Builder, line string) {
	if line == "" {
		src.WriteString("//\n")
		return
	}
	src.WriteString("// " + line + "\n")
}
