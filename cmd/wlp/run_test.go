// This file tests run.go: exit statuses, flag parsing, and writing to a
// stdout that fails, over every command.

package main

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestParseInterspersed checks that flags may follow the arguments, that
// "--" ends them, and that the flags come back as typed.
func TestParseInterspersed(t *testing.T) {
	for _, c := range []struct {
		in        []string
		pos       []string
		flags     []string
		json      bool
		framework string
	}{
		{[]string{"a", "-json", "b"}, []string{"a", "b"}, []string{"-json"}, true, ""},
		{[]string{"-json", "a", "b"}, []string{"a", "b"}, []string{"-json"}, true, ""},
		{[]string{"a", "b", "-framework", "f.json"}, []string{"a", "b"}, []string{"-framework", "f.json"}, false, "f.json"},
		{[]string{"-", "a", "-framework=-"}, []string{"-", "a"}, []string{"-framework=-"}, false, "-"},
		{[]string{"a", "--", "-json"}, []string{"a", "-json"}, nil, false, ""},
		{[]string{"--json", "a", "--", "-json"}, []string{"a", "-json"}, []string{"--json"}, true, ""},
		{nil, nil, nil, false, ""},
	} {
		e := &env{}
		pos, flags, err := parseInterspersed(&lookup("score", e).Flag, c.in)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if diff := gocmp.Diff(c.pos, pos); diff != "" || e.json != c.json || e.framework != c.framework {
			t.Errorf("%q: args %q json %v framework %q; want %q %v %q", c.in, pos, e.json, e.framework, c.pos, c.json, c.framework)
		}
		if diff := gocmp.Diff(c.flags, flags); diff != "" {
			t.Errorf("%q: flags (-want +got):\n%s", c.in, diff)
		}
	}
}

// TestExitStatus checks the documented rule on the cases that once broke
// it: misuse (2) is an unknown command or flag, a bad flag value, the
// wrong number of arguments, the target after the profiles, or a
// malformed argument, such as a ROLE list with an empty role or a role
// asked for twice; a failure at run time (1) is a bad or missing document
// or an unknown target.
func TestExitStatus(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
	}{
		{args("assign", "learning-strategist,,business-partner", dana, lee), exitUsage},
		{args("assign", "learning-strategist,", dana, lee), exitUsage},
		{args("assign", "learning-strategist,learning-strategist", dana, lee), exitUsage},
		{args("assign", clo+",business-partner", dana, lee), exitUsage},
		{args("assign", "business-partner,"+clo, dana, lee), exitUsage},
		{args("assign", clo+","+clo, dana, lee), exitUsage},
		{args("assign", "learning-strategist,coach", dana, lee), exitFailure},
		{args("assign", "learning-strategist", dana, "testdata/missing.json"), exitFailure},
		{args("assign", "learning-strategist,business-partner", dana, lee), exitOK},
		{args("score", "coach", dana), exitFailure},
		{args("score", dana, "coach"), exitUsage},
		{args("score", dana, clo), exitUsage},
		{args("scroe", clo, dana), exitUsage},
		{args("completion", "tcsh"), exitUsage},
		{args("score", "-k", "2", clo, dana), exitUsage},
		{args("validate", "testdata/bad-profile.json"), exitFailure},
		{args("chart", "-o", t.TempDir(), clo, dana), exitFailure},
	} {
		r := runWLP("", c.args...)
		if r.code != c.code {
			t.Errorf("wlp %v: exit %d, want %d\n%s", c.args, r.code, c.code, r.stderr)
		}
		if c.code == exitUsage && !strings.Contains(r.stderr, "\nusage: wlp ") {
			t.Errorf("wlp %v: misuse without the usage line:\n%s", c.args, r.stderr)
		}
	}
}

// failAfter is a stdout that takes limit bytes and then fails, as a full
// disk does.
type failAfter struct {
	limit, wrote int
}

var errDiskFull = errors.New("disk full")

func (w *failAfter) Write(p []byte) (int, error) {
	if w.wrote+len(p) <= w.limit {
		w.wrote += len(p)
		return len(p), nil
	}
	n := w.limit - w.wrote
	w.wrote = w.limit
	return n, errDiskFull
}

// writingCommands are runs of every command that write to stdout: help,
// tables, documents, a plan whose goal is reached, a validation that
// fails.
var writingCommands = [][]string{
	{"help"},
	{"help", "score"},
	{"score", "-h"},
	{"export"},
	{"export", "-table"},
	{"schema", "plan"},
	{"schema", "profile", "-for-framework"},
	{"validate", dana},
	{"validate", "-json", dana, learning2},
	{"validate", dana, "testdata/bad-profile.json"},
	{"validate", "-json", "testdata/bad-profile.json"},
	{"score", clo, dana},
	{"score", "-json", clo, dana},
	{"score", "-combine", "median", "business-partner", alex},
	{"roles", priya},
	{"rank", clo, dana, lee, sam},
	{"rank", "-json", clo, dana, lee},
	{"team", clo, sam, priya},
	{"team", "-json", clo, sam, priya},
	{"assign", clo, dana, lee, sam, priya},
	{"assign", "-json", clo, dana, lee},
	{"plan", "learning-strategist", dana}, // the goal is reached already
	{"plan", "business-partner", sam},
	{"plan", "-json", "business-partner", sam},
	{"chart", clo, dana},
	{"chart", "-json", "project-manager", sam},
	{"chart", "-o", "-", "-team", clo, sam, priya},
	{"version"},
	{"version", "-json"},
	{"completion", "bash"},
	{"completion", "zsh"},
	{"completion", "fish"},
}

// TestFailingStdout runs every command with a stdout that fails at the
// first byte, halfway and at the last byte: each must say so on stderr,
// once, after what it says anyway, and exit 1 (or 2 for misuse).
func TestFailingStdout(t *testing.T) {
	for _, argv := range writingCommands {
		ok := runWLP("", argv...)
		if ok.stdout == "" {
			t.Fatalf("wlp %v writes nothing to stdout (exit %d): not a test of writing", argv, ok.code)
		}
		for _, limit := range []int{0, len(ok.stdout) / 2, len(ok.stdout) - 1} {
			var errb bytes.Buffer
			code := run(argv, strings.NewReader(""), &failAfter{limit: limit}, &errb)
			want := result{max(ok.code, exitFailure), "", ok.stderr + progName(argv) + ": cannot write the output: disk full\n"}
			got := result{code, "", errb.String()}
			if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("wlp %v, stdout failing after %d of %d bytes (-want +got):\n%s", argv, limit, len(ok.stdout), diff)
			}
		}
	}
}

// TestStreamOrder sends stdout and stderr to one writer, as 2>&1 does:
// what a command writes to stdout before a message on stderr comes
// first, though stdout is buffered.
func TestStreamOrder(t *testing.T) {
	for _, c := range []struct {
		argv []string
		want []string // the lines, in order, that must appear
	}{
		{
			args("validate", dana, "testdata/bad-profile.json"),
			[]string{"dana.json: ok: ", "bad-profile.json: /ratings/coaching/level: ", "wlp validate: "},
		},
		{
			args("validate", "-json", "testdata/bad-profile.json"),
			[]string{`"file": "testdata/bad-profile.json"`, "wlp validate: "},
		},
	} {
		var both bytes.Buffer
		code := run(c.argv, strings.NewReader(""), &both, &both)
		if code != exitFailure {
			t.Errorf("wlp %v: exit %d, want 1", c.argv, code)
		}
		out, at := both.String(), 0
		for _, w := range c.want {
			i := strings.Index(out[at:], w)
			if i < 0 {
				t.Errorf("wlp %v: %q missing or out of order in:\n%s", c.argv, w, out)
				break
			}
			at += i + len(w)
		}
	}
}

// TestClosedPipe runs commands in-process with stdout a pipe whose
// reader has gone: the write fails with "broken pipe", which the command
// reports. (The process itself, writing to a broken pipe on its standard
// output, is ended by SIGPIPE: see TestProcessOutput.)
func TestClosedPipe(t *testing.T) {
	for _, argv := range [][]string{{"help"}, {"plan", "learning-strategist", dana}, {"validate", dana}, {"export"}} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		var errb bytes.Buffer
		code := run(argv, strings.NewReader(""), w, &errb)
		w.Close()
		want := result{exitFailure, "", progName(argv) + ": cannot write the output: broken pipe\n"}
		if diff := gocmp.Diff(want, result{code, "", errb.String()}, gocmp.AllowUnexported(result{})); diff != "" {
			t.Errorf("wlp %v into a closed pipe (-want +got):\n%s", argv, diff)
		}
	}
}

// TestProgName checks how the write error names the command.
func TestProgName(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "wlp"},
		{[]string{"help", "score"}, "wlp help"},
		{[]string{"--help"}, "wlp help"},
		{[]string{"chart", "-h"}, "wlp chart"},
		{[]string{"--version"}, "wlp version"},
		{[]string{"-version", "-json"}, "wlp version"},
		{[]string{"frobnicate"}, "wlp"},
	} {
		if diff := gocmp.Diff(c.want, progName(c.args)); diff != "" {
			t.Errorf("progName(%q) (-want +got):\n%s", c.args, diff)
		}
	}
}
