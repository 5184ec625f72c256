package main

import (
	"errors"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestClosest checks the did-you-mean of short words: one-letter
// candidates only for the same letter.
func TestClosest(t *testing.T) {
	flags := []string{"framework", "json", "combine", "o", "team", "k"}
	for _, tt := range []struct {
		word string
		want string
	}{
		{"jsn", "json"},
		{"JSON", "json"},
		{"frame-work", "framework"},
		{"combin", "combine"},
		{"O", "o"},
		{"x", ""},
		{"ok", ""},
		{"j", ""},
		{"", ""},
	} {
		got, ok := closest(tt.word, flags)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("closest(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
}

// TestUnknownCommand checks the did-you-mean of commands, for wlp and
// wlp help, and the -version spelling.
func TestUnknownCommand(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		line string // the first line of stderr
	}{
		{args("scroe"), 2, `wlp: unknown command "scroe"; did you mean score?`},
		{args("Rank", clo, dana), 2, `wlp: unknown command "Rank"; did you mean rank?`},
		{args("valdiate"), 2, `wlp: unknown command "valdiate"; did you mean validate?`},
		{args("completon", "bash"), 2, `wlp: unknown command "completon"; did you mean completion?`},
		{args("frobnicate"), 2, `wlp: unknown command "frobnicate"`},
		{args("help", "scroe"), 2, `wlp help: unknown command "scroe"; did you mean score?`},
		{args("x\x1b[2J"), 2, `wlp: unknown command "x\x1b[2J"`},
	} {
		r := runWLP("", tt.args...)
		first, _, _ := strings.Cut(r.stderr, "\n")
		if diff := gocmp.Diff(tt.line, first); diff != "" || r.code != tt.code {
			t.Errorf("wlp %q: exit %d, want %d; first line of stderr (-want +got):\n%s", tt.args, r.code, tt.code, diff)
		}
		if !strings.Contains(r.stderr, "\nCommands:\n") {
			t.Errorf("wlp %q: no command list after the message:\n%s", tt.args, r.stderr)
		}
	}
	for _, spelling := range []string{"-version", "--version"} {
		if got, want := runWLP("", spelling), runWLP("", "version"); got != want || got.code != 0 {
			t.Errorf("wlp %s = %+v, want %+v", spelling, got, want)
		}
	}
}

// TestFlagMessage checks what misuse of a flag says: the closest flag of
// the command, or the commands that have the flag, or the flag package's
// words for other mistakes.
func TestFlagMessage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		line string // the first line of stderr
	}{
		{args("score", "-jsn", clo, dana), "wlp score: unknown flag -jsn; did you mean -json?"},
		{args("score", "--JSON", clo, dana), "wlp score: unknown flag -JSON; did you mean -json?"},
		{args("plan", "-max-step", "2", clo, dana), "wlp plan: unknown flag -max-step; did you mean -max-steps?"},
		{args("plan", "-steps", "2", clo, dana), "wlp plan: unknown flag -steps; did you mean -max-steps?"},
		{args("score", "-combin", "median", clo, dana), "wlp score: unknown flag -combin; did you mean -combine?"},
		{args("score", "-team", clo, dana), "wlp score: unknown flag -team: a flag of chart and report, not of score"},
		{args("score", "-k", "2", clo, dana), "wlp score: unknown flag -k: a flag of rank, not of score"},
		{args("score", "-verbose", clo, dana), "wlp score: unknown flag -verbose"},
		{args("score", "-"+strings.Repeat("v", 100), clo, dana), "wlp score: unknown flag -" + strings.Repeat("v", 63) + "... (101 bytes)"},
		{args("rank", "-k", "two", clo, dana), `wlp rank: invalid value "two" for flag -k: parse error`},
		{args("score", "-framework"), "wlp score: flag needs an argument: -framework"},
	} {
		r := runWLP("", tt.args...)
		first, _, _ := strings.Cut(r.stderr, "\n")
		if diff := gocmp.Diff(tt.line, first); diff != "" || r.code != exitUsage {
			t.Errorf("wlp %q: exit %d, want 2; first line of stderr (-want +got):\n%s", tt.args, r.code, diff)
		}
	}
	// A message of the flag package that names no flag passes through.
	c := lookup("score", &env{})
	if got, want := flagMessage(c, errors.New("bad flag syntax: ---x")), "bad flag syntax: ---x"; got != want {
		t.Errorf("flagMessage = %q, want %q", got, want)
	}
}

// TestShellWord checks the quoting of a corrected command line.
func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"business-partner":        "business-partner",
		"examples/data/dana.json": "examples/data/dana.json",
		"-combine=median":         "-combine=median",
		"my file.json":            "'my file.json'",
		"it's.json":               `'it'\''s.json'`,
		"":                        "''",
		"*.json":                  "'*.json'",
		"$HOME":                   "'$HOME'",
		"Ünïcode.json":            "'Ünïcode.json'",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestCommandLine checks the corrected command line: extra flags, then
// the flags as typed, then "--" when an argument starts with a dash, and
// control characters and long words made safe to print.
func TestCommandLine(t *testing.T) {
	long := strings.Repeat("a", 300)
	for _, tt := range []struct {
		flags, extra, args []string
		want               string
	}{
		{nil, nil, []string{"clo", "dana.json"}, "wlp score clo dana.json"},
		{[]string{"-json", "-framework", "f w.json"}, []string{"-team"}, []string{"clo", "-"}, "wlp score -team -json -framework 'f w.json' clo -"},
		{nil, nil, []string{"clo", "-dana.json"}, "wlp score -- clo -dana.json"},
		{nil, nil, []string{"a\nb"}, `wlp score 'a\nb'`},
		{nil, nil, []string{long}, "wlp score " + strings.Repeat("a", 256) + "... (300 bytes)"},
	} {
		e := &env{cmd: lookup("score", &env{}), flagArgs: tt.flags}
		if got := e.commandLine(tt.extra, tt.args); got != tt.want {
			t.Errorf("commandLine(%q, %q) with flags %q = %q, want %q", tt.extra, tt.args, tt.flags, got, tt.want)
		}
	}
}
