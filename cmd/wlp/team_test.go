package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

// TestTeamJSON checks team -json against the library for every target
// and team: the document validates against the team schema, the team's
// fit is Matcher.Team's, and the whole report is Team's result and
// TeamPlan's steps.
func TestTeamJSON(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	for _, tm := range teams() {
		var ps []profile.Profile
		for _, path := range tm.files {
			ps = append(ps, combined(t, path, tm.policy))
		}
		for _, target := range targets(f) {
			name := fmt.Sprintf("%s/%v/%s", target, tm.files, tm.policy)
			r := runWLP("", args("team", "-json", flagsFor(tm.policy), string(target), tm.files)...)
			if r.code != 0 {
				t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
			}
			validJSON(t, schema.Team, r.stdout)
			var got match.TeamReport
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatal(err)
			}
			want, err := m.Team(ps, target)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				if pol := combinedBy(p, tm.policy); pol != "" {
					want.Result.Combined = pol
				}
			}
			if got.Team.Result.Fit != want.Result.Fit {
				t.Errorf("%s: team fit %v, Matcher.Team %v", name, got.Team.Result.Fit, want.Result.Fit)
			}
			if diff := gocmp.Diff(want, got.Team); diff != "" {
				t.Errorf("%s: team differs from Matcher.Team (-want +got):\n%s", name, diff)
			}
			plan, err := m.TeamPlan(ps, target)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(plan, got.Plan); diff != "" {
				t.Errorf("%s: plan differs from Matcher.TeamPlan (-want +got):\n%s", name, diff)
			}

			// The table says the same fit, and names each gap.
			r = runWLP("", args("team", flagsFor(tm.policy), string(target), tm.files)...)
			if r.code != 0 {
				t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, "Team "+fitLine(want.Result.Fit, want.Result.Confidence)+",") {
				t.Errorf("%s: the table does not say the team fit %s:\n%s", name, pct(want.Result.Fit), r.stdout)
			}
			if got := strings.Count(r.stdout, "  hire\n") + strings.Count(r.stdout, "  develop "); got != len(plan) {
				t.Errorf("%s: the table advises on %d gaps, want %d", name, got, len(plan))
			}
		}
	}
}

// TestTeamArguments checks how team and assign name people and read
// their arguments.
func TestTeamArguments(t *testing.T) {
	// Flags anywhere, and standard input as a member.
	a := runWLP("", "team", clo, dana, lee, "-json")
	b := runWLP(mustRead(t, lee), "team", "-json", clo, dana, "-")
	if a.code != 0 || a.stdout != b.stdout {
		t.Errorf("team from a file and from standard input differ: exit %d/%d\n%s", a.code, b.code, b.stderr)
	}
	// A job stands for its roles.
	a = runWLP("", args("assign", "-json", clo, team)...)
	b = runWLP("", args("assign", "-json", "learning-strategist,business-partner,project-manager,professional-specialist", team)...)
	var ja, jb match.Assignment
	if json.Unmarshal([]byte(a.stdout), &ja) != nil || json.Unmarshal([]byte(b.stdout), &jb) != nil {
		t.Fatalf("assign -json: %s %s", a.stderr, b.stderr)
	}
	job, _ := wlp.Default().Job(role.CLO)
	if len(ja.Hats) != len(job.Roles) || len(jb.Hats) != len(job.Roles) {
		t.Fatalf("%d and %d hats for a job of %d roles", len(ja.Hats), len(jb.Hats), len(job.Roles))
	}
	for i, sh := range job.Roles {
		if ja.Hats[i].Role != sh.Role || ja.Hats[i].Weight != sh.Weight || jb.Hats[i].Role != sh.Role || jb.Hats[i].Weight != 1 {
			t.Errorf("hat %d: by the job %+v, by the roles %+v; want %s weighing %v and 1", i, ja.Hats[i], jb.Hats[i], sh.Role, sh.Weight)
		}
	}
	// Short names that clash fall back to profile IDs.
	names := shortNames([]profile.Profile{{ID: "a", Name: "Kim (HR)"}, {ID: "b", Name: "Kim (IT)"}, {ID: "c"}, {ID: "d", Name: "Lee\x1b[31m"}})
	if diff := gocmp.Diff(map[string]string{"a": "a", "b": "b", "c": "c", "d": `Lee\x1b[31m`}, names); diff != "" {
		t.Errorf("shortNames (-want +got):\n%s", diff)
	}
}
