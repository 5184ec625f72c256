// This file tests text.go: the helpers that keep messages short, and that
// every command shortens long values in what it prints.

package main

import (
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/problem"
)

// TestLongValues runs commands on 10 KB values, in arguments, flags and
// file names: each message shortens the value, so no line is long.
func TestLongValues(t *testing.T) {
	long := strings.Repeat("x", 10240)
	longKey := `{"id": "x", "ratings": {"` + long + `": {"level": 1}}}`
	for _, c := range []struct {
		args  []string
		stdin string
		code  int
	}{
		{args(long), "", exitUsage},
		{args("help", long), "", exitUsage},
		{args("score", dana, long), "", exitFailure},
		{args("rank", long, dana), "", exitFailure},
		{args("team", long, dana, lee), "", exitFailure},
		{args("validate", "-kind", long, dana), "", exitUsage},
		{args("score", "-combine", long, dana, clo), "", exitUsage},
		{args("plan", "-until", long, sam, clo), "", exitUsage},
		{args("schema", long), "", exitUsage},
		{args("assign", long+",,x", dana), "", exitUsage},
		{args("assign", long+","+long, dana), "", exitFailure},
		{args("score", "-"+long, dana, clo), "", exitUsage},
		{args("rank", "-k", long, clo, dana), "", exitUsage},
		{args("score", long, clo), "", exitFailure},
		{args("validate", "testdata/"+long), "", exitFailure},
		{args("chart", "-o", "testdata/"+long+"/x.svg", dana, clo), "", exitFailure},
		{args("validate", "-"), longKey, exitFailure},
		{args("score", "-", clo), longKey, exitFailure},
	} {
		r := runWLP(c.stdin, c.args...)
		if r.code != c.code {
			t.Errorf("wlp %.60q: exit %d, want %d", c.args, r.code, c.code)
		}
		out := r.stdout + r.stderr
		if !strings.Contains(out, "bytes)") {
			t.Errorf("wlp %.60q: no value shortened:\n%.300s", c.args, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if len(line) > 1000 {
				t.Errorf("wlp %.60q: a line of %d bytes: %.200s", c.args, len(line), line)
			}
		}
	}
}

// TestShortLines checks the helpers that keep lines short.
func TestShortLines(t *testing.T) {
	for _, c := range []struct {
		name, got, want string
	}{
		{"shorten short", shorten("a\tb", 10), `a\tb`},
		{"shorten long", shorten("héllo world", 3), "hé... (12 bytes)"},
		{"shorten at a rune", shorten("héllo", 2), "h... (6 bytes)"},
		{"docError", (&docError{"f.json", problem.List{Problems: []wlp.Problem{{Path: "/id", Message: "m"}, {Message: "n"}}}}).Error(),
			"f.json: /id: m\nf.json: n"},
		{"docError omitted", (&docError{"f.json", problem.List{Problems: []wlp.Problem{{Message: "m"}}, Omitted: 1}}).Error(),
			"f.json: m\nf.json: and at least 1 more problem, not listed"},
		{"some of few", someOf([]string{"a", "b"}, 3), "a, b"},
		{"some of many", someOf(strings.Split("a b c d e", " "), 3), "a, b, c and 2 more"},
	} {
		if diff := gocmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}
