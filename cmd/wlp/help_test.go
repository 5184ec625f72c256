package main

import (
	"bytes"
	"flag"
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

// flagsNamed returns the flags text names, sorted, without repeats.
func flagsNamed(text string) []string {
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
			if diff := gocmp.Diff(flagsOf(c), flagsNamed(c.UsageLine)); diff != "" {
				t.Errorf("the usage line %q names other flags than the command takes (-flags +named):\n%s", c.UsageLine, diff)
			}
		})
	}
}

// sharedFlags are the flags README explains once for every command, in
// the paragraph after its command list.
var sharedFlags = []string{"combine", "csv", "dates", "framework", "ignore", "json", "sheet"}

// described matches a line of README's command list that has a
// description: the command and its arguments, two or more spaces, then
// some text.
var described = regexp.MustCompile(`^wlp \S.*?\s{2,}\S`)

// TestREADMECommands keeps README's command list, the block under
// "## Command line", in step with the commands: it lists every command
// and no other, in the order help lists them, each line with a
// description and each command with the flags of its own; the paragraph
// after it names the flags that several commands share.
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

	lines := map[string]string{}    // command -> its lines in the list
	var listed, registered []string // in the order of their first line
	for _, line := range strings.Split(block, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "wlp" {
			if lines[f[1]] == "" {
				listed = append(listed, f[1])
			}
			lines[f[1]] += line + "\n"
			if !described.MatchString(line) {
				t.Errorf("README.md lists %q without a description after its arguments", line)
			}
		}
	}
	for _, c := range commands(&env{}) {
		registered = append(registered, c.Name)
		var own []string
		for _, f := range flagsOf(c) {
			if !slices.Contains(sharedFlags, f) {
				own = append(own, f)
			}
		}
		if diff := gocmp.Diff(own, flagsNamed(lines[c.Name])); diff != "" && lines[c.Name] != "" {
			t.Errorf("README.md lists wlp %s with other flags than its own (-flags +listed):\n%s", c.Name, diff)
		}
	}
	if diff := gocmp.Diff(registered, listed); diff != "" {
		t.Errorf("README.md's command list differs from the commands in the order help lists them (-commands +listed):\n%s", diff)
	}
	if diff := gocmp.Diff(sharedFlags, flagsNamed(paragraph)); diff != "" {
		t.Errorf("the paragraph after README.md's command list names other flags than the shared ones (-shared +named):\n%s\n%s", diff, paragraph)
	}
}
