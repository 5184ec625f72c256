package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// wlpProcess returns the test binary set up to run as wlp with args (see
// TestMain), its stderr captured.
func wlpProcess(args []string, stderr *bytes.Buffer) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asMain+"=1")
	cmd.Stderr = stderr
	return cmd
}

// TestProcessOutput runs wlp as a process with its standard output on
// /dev/full, where every write fails: every command reports the error
// and exits 1 (TestFailingStdout runs more cases in-process). It also checks the convention for a closed pipe: a
// process whose standard output is a pipe nobody reads is ended by
// SIGPIPE (the Go runtime's default, as for cat or grep), so
// `wlp export | head -1` fails without a message, and never exits 0.
func TestProcessOutput(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	for _, argv := range [][]string{
		{"help"},
		{"score", "-h"},
		{"export"},
		{"schema", "plan"},
		{"validate", dana},
		{"validate", "-json", "testdata/bad-profile.json"},
		{"score", clo, dana},
		{"roles", priya},
		{"rank", "-json", clo, dana, lee},
		{"team", clo, sam, priya},
		{"assign", clo, dana, lee, sam, priya},
		{"plan", "learning-strategist", dana}, // the goal is reached already
		{"chart", clo, dana},
	} {
		var errb bytes.Buffer
		cmd := wlpProcess(argv, &errb)
		cmd.Stdout = full
		err := cmd.Run()
		var ee *exec.ExitError
		code := 0
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		want := progName(argv) + ": cannot write the output: no space left on device\n"
		lines := strings.SplitAfter(errb.String(), "\n")
		last := lines[len(lines)-1]
		if len(lines) > 1 {
			last = lines[len(lines)-2]
		}
		if diff := gocmp.Diff([]any{exitFailure, want}, []any{code, last}); diff != "" {
			t.Errorf("wlp %v >/dev/full: exit status and last line of stderr (-want +got):\n%s\nstderr:\n%s", argv, diff, errb.String())
		}
	}

	for _, argv := range [][]string{{"export"}, {"help"}, {"plan", "learning-strategist", dana}} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		var errb bytes.Buffer
		cmd := wlpProcess(argv, &errb)
		cmd.Stdout = w
		err = cmd.Run()
		w.Close()
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("wlp %v into a closed pipe: %v, want an end by SIGPIPE", argv, err)
		}
		ws := ee.Sys().(syscall.WaitStatus)
		if diff := gocmp.Diff([]any{true, syscall.SIGPIPE}, []any{ws.Signaled(), ws.Signal()}); diff != "" {
			t.Errorf("wlp %v into a closed pipe (-want +got):\n%s\nstderr:\n%s", argv, diff, errb.String())
		}
	}
}

// TestOutputDevice checks that -o writes to a device directly, without a
// temporary file beside it: /dev/null takes the chart and stays.
func TestOutputDevice(t *testing.T) {
	for _, dev := range []string{"/dev/null"} {
		r := runWLP("", "chart", "-o", dev, clo, dana)
		fi, err := os.Stat(dev)
		if err != nil {
			t.Fatal(err)
		}
		got := []any{r.code, r.stdout, r.stderr, fi.Mode()&os.ModeCharDevice != 0}
		if diff := gocmp.Diff([]any{exitOK, "", "", true}, got); diff != "" {
			t.Errorf("chart -o %s: exit status, stdout, stderr, still a device (-want +got):\n%s", dev, diff)
		}
	}
}
