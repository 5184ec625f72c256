package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// TestExitStatus checks the documented rule on the cases that once broke
// it: misuse (2) is an unknown command or flag, a bad flag value, the
// wrong number of arguments or a malformed argument, such as a ROLE list
// with an empty role or a role asked for twice; a failure at run time (1)
// is a bad or missing document or an unknown target.
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
		{args("score", dana, "coach"), exitFailure},
		{args("score", "-k", "2", dana, clo), exitUsage},
		{args("validate", "testdata/bad-profile.json"), exitFailure},
		{args("chart", "-o", t.TempDir(), dana, clo), exitFailure},
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

// TestOnceEach checks the messages for a role asked for twice.
func TestOnceEach(t *testing.T) {
	f := wlp.Default()
	for _, c := range []struct {
		hats []role.ID
		want string
	}{
		{[]role.ID{role.LearningStrategist, role.BusinessPartner}, ""},
		{[]role.ID{role.CLO}, ""},
		{[]role.ID{role.LearningStrategist, role.LearningStrategist}, `"learning-strategist" is listed twice; list each role once`},
		{[]role.ID{role.CLO, role.CLO}, `"chief-learning-officer" is listed twice; list each role once`},
		{[]role.ID{role.CLO, role.BusinessPartner}, `role "business-partner" is asked for twice, by "chief-learning-officer" and by "business-partner" (a job stands for its roles)`},
		{[]role.ID{role.ProjectManager, role.CLO}, `role "project-manager" is asked for twice, by "project-manager" and by "chief-learning-officer" (a job stands for its roles)`},
	} {
		got := ""
		if err := onceEach(f, c.hats); err != nil {
			if _, ok := err.(usageError); !ok {
				t.Errorf("%v: %T, want a usageError", c.hats, err)
			}
			got = err.Error()
		}
		if diff := gocmp.Diff(c.want, got); diff != "" {
			t.Errorf("onceEach(%v) (-want +got):\n%s", c.hats, diff)
		}
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
