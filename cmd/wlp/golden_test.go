// This file holds the golden table, which runs every command on the
// sample data and compares its output with testdata/NAME.golden.

package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata (and docs/chart.svg)")

// golden renders a run as the text of its golden file.
func (r result) golden(args []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "$ wlp %s\nexit %d\n-- stdout --\n%s", strings.Join(args, " "), r.code, r.stdout)
	if r.stdout != "" && !strings.HasSuffix(r.stdout, "\n") {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "-- stderr --\n%s", r.stderr)
	return b.String()
}

// goldenCases drive every subcommand on the sample data, in table and JSON
// form, and the misuse and bad-input paths. Each writes
// testdata/NAME.golden: the command, its exit status, stdout and stderr.
var goldenCases = []struct {
	name  string
	args  []string
	stdin string
	code  int
}{
	// Help and misuse of the command as a whole.
	{"help", args("help"), "", 0},
	{"help-score", args("help", "score"), "", 0},
	{"chart-h", args("chart", "-h"), "", 0},
	{"no-args", args(), "", 2},
	{"unknown-command", args("frobnicate"), "", 2},
	{"help-unknown", args("help", "frobnicate"), "", 2},

	// export
	{"export-table", args("export", "-table"), "", 0},
	{"export-learning2-table", args("export", "-table", "-framework", learning2), "", 0},
	{"export-extra-arg", args("export", "now"), "", 2},
	{"export-bad-framework", args("export", "-framework", "testdata/bad-framework.json"), "", 1},

	// schema
	{"schema-result", args("schema", "result"), "", 0},
	{"schema-plan", args("schema", "plan"), "", 0},
	{"schema-form", args("schema", "profile", "-for-framework", "-framework", "testdata/tiny-framework.json"), "", 0},
	{"schema-unknown-kind", args("schema", "person"), "", 2},
	{"schema-no-kind", args("schema"), "", 2},
	{"schema-form-not-profile", args("schema", "result", "-for-framework"), "", 2},

	// validate
	{"validate-samples", args("validate", dana, lee, sam, priya, learning2), "", 0},
	{"validate-samples-json", args("validate", "-json", dana, learning2), "", 0},
	{"validate-bad", args("validate", "testdata/bad-profile.json", "testdata/bad-framework.json", "testdata/truncated.json", "testdata/not-json.json", "testdata/missing.json"), "", 1},
	{"validate-bad-json", args("validate", "-json", "testdata/bad-profile.json", "testdata/missing.json"), "", 1},
	{"validate-other-framework", args("validate", "-framework", "testdata/tiny-framework.json", "testdata/tiny-kim.json", dana), "", 1},
	{"validate-stdin", args("validate", "-"), `{"id": "x", "ratings": {"coaching": {"level": -1}}}`, 1},
	{"validate-kind-framework", args("validate", "-kind", "framework", dana), "", 1},
	{"validate-no-files", args("validate"), "", 2},
	{"validate-unknown-kind", args("validate", "-kind", "person", dana), "", 2},

	// score
	{"score-job", args("score", clo, dana), "", 0},
	{"score-job-json", args("score", "-json", clo, dana), "", 0},
	{"score-role", args("score", "project-manager", sam), "", 0},
	{"score-role-json", args("score", "business-partner", priya, "-json"), "", 0},
	{"score-other-framework", args("score", "-framework", "testdata/tiny-framework.json", "host", "testdata/tiny-kim.json"), "", 0},
	{"score-stdin", args("score", "learning-strategist", "-"), `{"id": "ann", "ratings": {"thinking-strategically": {"level": 4}}}`, 0},
	{"score-unknown-target", args("score", "clo", dana), "", 1},
	{"score-missing-file", args("score", clo, "testdata/missing.json"), "", 1},
	{"score-not-json", args("score", clo, "testdata/not-json.json"), "", 1},
	{"score-truncated", args("score", clo, "testdata/truncated.json"), "", 1},
	{"score-bad-profile", args("score", clo, "testdata/bad-profile.json"), "", 1},
	{"score-unknown-ids", args("score", clo, "testdata/tiny-kim.json"), "", 1},
	{"score-bad-framework", args("score", "-framework", "testdata/bad-framework.json", clo, dana), "", 1},
	{"score-unknown-flag", args("score", "-verbose", clo, dana), "", 2},
	{"score-one-arg", args("score", dana), "", 2},
	{"score-three-args", args("score", clo, dana, "extra"), "", 2},

	// roles
	{"roles", args("roles", priya), "", 0},
	{"roles-json", args("roles", "-json", lee), "", 0},
	{"roles-missing-file", args("roles", "testdata/missing.json"), "", 1},
	{"roles-no-args", args("roles"), "", 2},

	// rank
	{"rank", args("rank", clo, team), "", 0},
	{"rank-k", args("rank", "-k", "2", "business-partner", team), "", 0},
	{"rank-json", args("rank", "-json", "-k", "2", clo, team), "", 0},
	{"rank-unknown-target", args("rank", "chief-executive", team), "", 1},
	{"rank-bad-profiles", args("rank", clo, dana, "testdata/bad-profile.json", "testdata/missing.json"), "", 1},
	{"rank-negative-k", args("rank", "-k", "-1", clo, dana), "", 2},
	{"rank-bad-k", args("rank", "-k", "two", clo, dana), "", 2},
	{"rank-no-profiles", args("rank", clo), "", 2},

	// team
	{"team-job", args("team", "-combine", "median", clo, sam, priya, alex), "", 0},
	{"team-job-json", args("team", "-json", "-combine", "median", clo, sam, priya, alex), "", 0},
	{"team-role", args("team", "business-partner", sam, priya, alex, "-combine", "manager-first"), "", 0},
	{"team-role-json", args("team", "-json", "project-manager", priya, alex), "", 0},
	{"team-no-gaps", args("team", clo, team), "", 0},
	{"team-unknown-target", args("team", "chief-executive", dana, lee), "", 1},
	{"team-missing-file", args("team", clo, dana, "testdata/missing.json"), "", 1},
	{"team-same-id", args("team", clo, dana, lee, dana), "", 1},
	{"team-no-profiles", args("team", clo), "", 2},
	{"team-target-last", args("team", dana, lee, clo), "", 2},
	{"team-unknown-flag", args("team", "-k", "2", clo, dana, lee), "", 2},
	{"team-bad-combine", args("team", "-combine", "mean", clo, dana, alex), "", 2},

	// assign
	{"assign-job", args("assign", clo, team), "", 0},
	{"assign-job-json", args("assign", "-json", clo, team), "", 0},
	{"assign-unworn", args("assign", "-combine", "median", clo, sam, priya, alex), "", 0},
	{"assign-two-hats", args("assign", "-max-hats", "2", "learning-strategist,business-partner,project-manager", dana, lee), "", 0},
	{"assign-no-limit", args("assign", "-max-hats", "0", "-json", "learning-strategist,business-partner,project-manager,professional-specialist", team), "", 0},
	{"assign-unknown-role", args("assign", "learning-strategist,coach", dana, lee), "", 1},
	{"assign-role-twice", args("assign", clo+",business-partner", dana, lee), "", 2},
	{"assign-role-listed-twice", args("assign", "learning-strategist,learning-strategist", dana, lee), "", 2},
	{"assign-missing-file", args("assign", clo, dana, "testdata/missing.json"), "", 1},
	{"assign-same-id", args("assign", clo, lee, lee), "", 1},
	{"assign-no-profiles", args("assign", clo), "", 2},
	{"assign-roles-last", args("assign", dana, lee, "learning-strategist,business-partner"), "", 2},
	{"assign-empty-role", args("assign", "learning-strategist,,business-partner", dana, lee), "", 2},
	{"assign-negative-max-hats", args("assign", "-max-hats", "-1", clo, dana), "", 2},
	{"assign-unknown-flag", args("assign", "-max", "2", clo, dana), "", 2},

	// plan
	{"plan-role", args("plan", "business-partner", sam), "", 0},
	{"plan-role-json", args("plan", "-json", "business-partner", sam), "", 0},
	{"plan-job-exact", args("plan", "-until", "exact", "-max-raise", "1", clo, lee), "", 0},
	{"plan-max-steps", args("plan", "-max-steps", "3", "-json", clo, priya), "", 0},
	{"plan-max-steps-table", args("plan", "-max-steps", "3", clo, priya), "", 0},
	{"plan-reached", args("plan", "learning-strategist", dana), "", 0},
	{"plan-combine", args("plan", "-combine", "median", clo, alex), "", 0},
	{"plan-bad-until", args("plan", "-until", "perfect", clo, sam), "", 2},
	{"plan-negative-max-steps", args("plan", "-max-steps", "-2", clo, sam), "", 2},
	{"plan-one-arg", args("plan", sam), "", 2},
	{"plan-unknown-flag", args("plan", "-steps", "2", clo, sam), "", 2},
	{"plan-unknown-target", args("plan", "chief-executive", sam), "", 1},
	{"plan-missing-file", args("plan", clo, "testdata/missing.json"), "", 1},

	// 360-degree reviews with -combine
	{"validate-reviews", args("validate", alex), "", 0},
	{"score-reviews-unmerged", args("score", "business-partner", alex), "", 0},
	{"score-combine", args("score", "-combine", "median", "business-partner", alex), "", 0},
	{"score-combine-json", args("score", "-json", "-combine", "manager-first", "business-partner", alex), "", 0},
	{"roles-combine", args("roles", "-combine", "mean-except-self", alex), "", 0},
	{"rank-combine", args("rank", "-combine", "median", "business-partner", dana, lee, alex), "", 0},
	{"chart-combine", args("chart", "-combine", "median", "business-partner", alex), "", 0},
	{"score-bad-combine", args("score", "-combine", "average", clo, alex), "", 2},

	// chart
	{"chart-job", args("chart", clo, dana), "", 0},
	{"chart-role", args("chart", "professional-specialist", sam), "", 0},
	{"chart-team", args("chart", "-team", "business-partner", team), "", 0},
	{"chart-team-combine", args("chart", "-team", "-combine", "median", "project-manager", sam, priya, alex), "", 0},
	{"chart-team-json", args("chart", "-team", "-json", "project-manager", sam, priya), "", 0},
	{"chart-json", args("chart", "-json", "project-manager", sam), "", 0},
	{"chart-other-framework", args("chart", "-framework", "testdata/tiny-framework.json", "host", "testdata/tiny-kim.json"), "", 0},
	{"chart-unknown-target", args("chart", "ceo", dana), "", 1},
	{"chart-not-json", args("chart", clo, "testdata/not-json.json"), "", 1},
	{"chart-many-without-team", args("chart", clo, dana, lee), "", 2},
	{"chart-unknown-flag", args("chart", "-png", clo, dana), "", 2},
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			r := runWLP(c.stdin, c.args...)
			if r.code != c.code {
				t.Errorf("wlp %s: exit %d, want %d\nstderr:\n%s", strings.Join(c.args, " "), r.code, c.code, r.stderr)
			}
			switch {
			case c.code == 2 && !strings.Contains(r.stderr, "usage: wlp"):
				t.Errorf("misuse without a usage line on stderr:\n%s", r.stderr)
			case c.code == 1 && r.stderr == "":
				t.Errorf("failure without a message on stderr")
			case c.code == 0 && r.stderr != "":
				t.Errorf("success with a message on stderr:\n%s", r.stderr)
			}
			checkGolden(t, filepath.Join("testdata", c.name+".golden"), r.golden(c.args))
		})
	}
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/wlp -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
	}
}

// TestDocsChart keeps docs/chart.svg, the chart README shows, equal to
// what the command draws.
func TestDocsChart(t *testing.T) {
	r := runWLP("", "chart", clo, dana)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "../../docs/chart.svg", r.stdout)
}
