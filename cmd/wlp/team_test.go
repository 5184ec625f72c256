package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

// combined loads a profile and merges its reviews by pol, as -combine
// does.
func combined(t *testing.T, path string, pol profile.Policy) profile.Profile {
	t.Helper()
	p := loadProfileFile(t, path)
	if pol == "" {
		return p
	}
	p, _, err := p.Combine(pol)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// teams lists the teams the checks score: every sample person, subsets of
// them, and teams with the 360-degree sample merged by each policy.
func teams() []struct {
	files  []string
	policy profile.Policy
} {
	out := []struct {
		files  []string
		policy profile.Policy
	}{
		{team, ""},
		{[]string{dana}, ""},
		{[]string{sam, priya}, ""},
		{[]string{lee, priya, sam}, ""},
		{[]string{priya, alex}, ""},
	}
	for _, pol := range profile.Policies() {
		out = append(out, struct {
			files  []string
			policy profile.Policy
		}{[]string{sam, priya, alex}, pol})
	}
	return out
}

// flagsFor returns the -combine flag for pol, or nothing.
func flagsFor(pol profile.Policy) []string {
	if pol == "" {
		return nil
	}
	return []string{"-combine", string(pol)}
}

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
			if !strings.Contains(r.stdout, "Team fit "+pct(want.Result.Fit)+", "+want.Result.Confidence.String()+" confidence") {
				t.Errorf("%s: the table does not say the team fit %s:\n%s", name, pct(want.Result.Fit), r.stdout)
			}
			if got := strings.Count(r.stdout, "hiring: ") + strings.Count(r.stdout, "developing "); got != len(plan) {
				t.Errorf("%s: the table advises on %d gaps, want %d", name, got, len(plan))
			}
		}
	}
}

// TestAssignJSON checks assign -json against Matcher.Assign: the
// document validates against the assignment schema, its total is
// Assign's, each wearer's fit is their own fit for the hat, and the total
// is the weighted sum of those fits.
func TestAssignJSON(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	hatSets := [][]role.ID{
		{role.CLO},
		{role.LearningStrategist},
		{role.LearningStrategist, role.BusinessPartner},
		{role.ProjectManager, role.ProfessionalSpecialist, role.BusinessPartner, role.LearningStrategist},
	}
	for _, tm := range teams() {
		var ps []profile.Profile
		for _, path := range tm.files {
			ps = append(ps, combined(t, path, tm.policy))
		}
		for _, hats := range hatSets {
			var ids []string
			for _, h := range hats {
				ids = append(ids, string(h))
			}
			for _, maxHats := range []int{0, 1, 2} {
				name := fmt.Sprintf("%v/%v/%s/max %d", hats, tm.files, tm.policy, maxHats)
				r := runWLP("", args("assign", "-json", "-max-hats", fmt.Sprint(maxHats), flagsFor(tm.policy), strings.Join(ids, ","), tm.files)...)
				if r.code != 0 {
					t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
				}
				validJSON(t, schema.Assignment, r.stdout)
				var got match.Assignment
				if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
					t.Fatal(err)
				}
				want, err := m.Assign(ps, hats, match.MaxHats(maxHats))
				if err != nil {
					t.Fatal(err)
				}
				if got.Total != want.Total {
					t.Errorf("%s: total %v, Matcher.Assign %v", name, got.Total, want.Total)
				}
				if diff := gocmp.Diff(want, got); diff != "" {
					t.Errorf("%s: differs from Matcher.Assign (-want +got):\n%s", name, diff)
				}
				sum, worn := 0.0, map[string]int{}
				for _, h := range got.Hats {
					if h.Profile == "" {
						continue
					}
					worn[h.Profile]++
					i := slices.IndexFunc(ps, func(p profile.Profile) bool { return p.ID == h.Profile })
					if i < 0 {
						t.Fatalf("%s: hat %s worn by %q, not a member", name, h.Role, h.Profile)
					}
					fit, err := m.Fit(ps[i], h.Role)
					if err != nil {
						t.Fatal(err)
					}
					if fit != h.Fit {
						t.Errorf("%s: %s wears %s at %v, but fits it %v", name, h.Profile, h.Role, h.Fit, fit)
					}
					sum += h.Weight * h.Fit
				}
				if d := sum - got.Total; d > 1e-9 || d < -1e-9 {
					t.Errorf("%s: total %v, the weighted sum of the hats' fits %v", name, got.Total, sum)
				}
				for id, n := range worn {
					if maxHats > 0 && n > maxHats {
						t.Errorf("%s: %s wears %d hats, more than %d", name, id, n, maxHats)
					}
				}
			}
		}
	}
}

// TestPlanJSON follows every plan step by step: plan -json validates
// against the plan schema and is Matcher.Plan's; applying each step to
// the profile and scoring it again gives the step's fit and confidence;
// each step starts at the level the person has then and gains fit; the
// plan stops at its goal, and says whether it reached it.
func TestPlanJSON(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	people := []struct {
		path   string
		policy profile.Policy
	}{{dana, ""}, {lee, ""}, {sam, ""}, {priya, ""}, {alex, ""}, {alex, profile.Median}, {alex, profile.ManagerFirst}}
	for _, who := range people {
		p := combined(t, who.path, who.policy)
		for _, target := range targets(f) {
			for _, until := range []match.Confidence{match.No, match.Low, match.High, match.Exact} {
				for _, opt := range []struct{ steps, raise int }{{0, 0}, {0, 1}, {2, 0}} {
					name := fmt.Sprintf("%s/%s/%s/%s/steps %d raise %d", p.ID, who.policy, target, until, opt.steps, opt.raise)
					r := runWLP("", args("plan", "-json", "-until", until.String(), "-max-steps", fmt.Sprint(opt.steps),
						"-max-raise", fmt.Sprint(opt.raise), flagsFor(who.policy), who.path, string(target))...)
					if r.code != 0 {
						t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
					}
					validJSON(t, schema.Plan, r.stdout)
					var got match.Plan
					if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
						t.Fatal(err)
					}
					want, err := m.Plan(p, target, match.Until(until), match.MaxSteps(opt.steps), match.MaxRaise(opt.raise))
					if err != nil {
						t.Fatal(err)
					}
					if diff := gocmp.Diff(want, got); diff != "" {
						t.Errorf("%s: differs from Matcher.Plan (-want +got):\n%s", name, diff)
					}
					checkPlan(t, name, m, p, got, until, opt.steps, opt.raise)
				}
			}
		}
	}
}

// checkPlan re-scores plan step by step.
func checkPlan(t *testing.T, name string, m *match.Matcher, p profile.Profile, plan match.Plan, until match.Confidence, maxSteps, maxRaise int) {
	t.Helper()
	q := p.Clone()
	if q.Ratings == nil {
		q.Ratings = map[competency.ID]profile.Rating{}
	}
	res, err := m.Score(q, plan.Target)
	if err != nil {
		t.Fatal(err)
	}
	if res.Fit != plan.Start {
		t.Errorf("%s: start %v, score %v", name, plan.Start, res.Fit)
	}
	fit, conf := res.Fit, res.Confidence
	for i, s := range plan.Steps {
		if conf >= until {
			t.Errorf("%s: step %d comes after the goal was reached", name, i+1)
		}
		if have := q.Level(s.ID); have != s.From {
			t.Errorf("%s: step %d raises %s from %d, but the level is %d", name, i+1, s.ID, s.From, have)
		}
		if s.To <= s.From || (maxRaise > 0 && int(s.To-s.From) > maxRaise) {
			t.Errorf("%s: step %d raises %s from %d to %d (max raise %d)", name, i+1, s.ID, s.From, s.To, maxRaise)
		}
		q.Ratings[s.ID] = profile.Rating{Level: s.To}
		res, err := m.Score(q, plan.Target)
		if err != nil {
			t.Fatal(err)
		}
		if res.Fit != s.Fit || res.Confidence != s.Confidence {
			t.Errorf("%s: step %d: fit %v %s, re-scored %v %s", name, i+1, s.Fit, s.Confidence, res.Fit, res.Confidence)
		}
		if s.Gain <= 0 || res.Fit < fit {
			t.Errorf("%s: step %d gains %v, fit %v -> %v", name, i+1, s.Gain, fit, res.Fit)
		}
		if d := res.Fit - fit - s.Gain; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s: step %d gains %v, the fit rises %v", name, i+1, s.Gain, res.Fit-fit)
		}
		fit, conf = res.Fit, res.Confidence
	}
	if plan.Fit != fit || plan.Confidence != conf {
		t.Errorf("%s: the plan ends at %v %s, the last step at %v %s", name, plan.Fit, plan.Confidence, fit, conf)
	}
	if plan.Reached != (conf >= until) {
		t.Errorf("%s: reached %v at %s confidence, goal %s", name, plan.Reached, conf, until)
	}
	if maxSteps > 0 && len(plan.Steps) > maxSteps {
		t.Errorf("%s: %d steps, more than %d", name, len(plan.Steps), maxSteps)
	}
	if maxSteps == 0 && maxRaise == 0 && !plan.Reached {
		t.Errorf("%s: the plan stops short of its goal without a limit", name)
	}
}

// TestCombine checks that -combine scores the merged profile: score -json
// equals the library's result on Profile.Combine's profile, for each
// policy; the table notes the raters' disagreements; and without
// -combine the table says that the reviews were not used.
func TestCombine(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	raw := loadProfileFile(t, alex)
	if len(raw.Reviews) == 0 {
		t.Fatalf("%s carries no reviews", alex)
	}
	for _, pol := range profile.Policies() {
		p, dis, err := raw.Combine(pol)
		if err != nil {
			t.Fatal(err)
		}
		if len(dis) == 0 {
			t.Errorf("%s: the sample has no disagreement to show", pol)
		}
		for _, target := range targets(f) {
			r := runWLP("", "score", "-json", "-combine", string(pol), alex, string(target))
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			validJSON(t, schema.Result, r.stdout)
			var got match.Result
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatal(err)
			}
			want, err := m.Score(p, target)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("score -combine %s %s (-library +command):\n%s", pol, target, diff)
			}
		}
		for _, argv := range [][]string{
			{"score", alex, clo}, {"roles", alex}, {"rank", clo, alex, dana},
			{"team", clo, alex, dana}, {"assign", clo, alex, dana}, {"plan", alex, clo},
		} {
			r := runWLP("", args(argv[0], "-combine", string(pol), argv[1:])...)
			if r.code != 0 {
				t.Fatalf("%v: exit %d: %s", argv, r.code, r.stderr)
			}
			for _, d := range dis {
				if want := disagreement(f, d); !strings.Contains(r.stdout, want) {
					t.Errorf("%v -combine %s: the table does not note %q:\n%s", argv, pol, want, r.stdout)
				}
			}
			if !strings.Contains(r.stdout, "combined by "+string(pol)) {
				t.Errorf("%v -combine %s: the table does not name the policy", argv, pol)
			}
		}
	}
	r := runWLP("", "score", alex, clo)
	if r.code != 0 || !strings.Contains(r.stdout, "5 reviews not merged") {
		t.Errorf("without -combine: exit %d, no note on the reviews:\n%s", r.code, r.stdout)
	}
	// A profile without reviews is the same with and without -combine.
	for _, pol := range profile.Policies() {
		if a, b := runWLP("", "score", "-combine", string(pol), dana, clo), runWLP("", "score", dana, clo); a != b {
			t.Errorf("-combine %s changes a profile without reviews", pol)
		}
	}
}

// TestChartTeam checks the team on a team chart: its fit is
// Matcher.Team's, and on each axis its level is the level Team gives the
// team for the requirement the axis stands for; the SVG's title names
// the team's fit.
func TestChartTeam(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	for _, tm := range teams() {
		var ps []profile.Profile
		for _, path := range tm.files {
			ps = append(ps, combined(t, path, tm.policy))
		}
		for _, target := range targets(f) {
			name := fmt.Sprintf("%s/%v/%s", target, tm.files, tm.policy)
			r := runWLP("", args("chart", "-team", "-json", flagsFor(tm.policy), tm.files, string(target))...)
			if r.code != 0 {
				t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
			}
			var d report.Radar
			if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
				t.Fatal(err)
			}
			tr, err := m.Team(ps, target)
			if err != nil {
				t.Fatal(err)
			}
			if d.Team == nil || d.Team.Fit != tr.Result.Fit || d.Team.Confidence != tr.Result.Confidence {
				t.Fatalf("%s: chart team %+v, Matcher.Team fit %v %s", name, d.Team, tr.Result.Fit, tr.Result.Confidence)
			}
			if len(d.Team.Levels) != len(d.Axes) {
				t.Fatalf("%s: %d team levels for %d axes", name, len(d.Team.Levels), len(d.Axes))
			}
			for i, a := range d.Axes {
				found := false
				for _, c := range tr.Covers {
					if slices.Equal(sorted(c.Of), sorted(a.Of)) && (c.AtLeast == a.AtLeast || (a.AtLeast == 0 && c.AtLeast == len(c.Of))) {
						found = true
						if c.Have != d.Team.Levels[i] {
							t.Errorf("%s: axis %q: team level %d, Team covers it at %d", name, a.Label, d.Team.Levels[i], c.Have)
						}
					}
				}
				if !found {
					t.Errorf("%s: axis %q matches no requirement Team covers", name, a.Label)
				}
				for j, p := range d.People {
					if p.Levels[i] > d.Team.Levels[i] {
						t.Errorf("%s: axis %q: person %d at %d, above the team's %d", name, a.Label, j, p.Levels[i], d.Team.Levels[i])
					}
				}
			}
			r = runWLP("", args("chart", "-team", flagsFor(tm.policy), tm.files, string(target))...)
			if r.code != 0 {
				t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
			}
			text := checkSVG(t, r.stdout)
			if want := "team fit " + pct(tr.Result.Fit); !strings.Contains(text, want) {
				t.Errorf("%s: the chart lacks %q", name, want)
			}
		}
	}
	// Without -team there is no team.
	r := runWLP("", "chart", "-json", dana, clo)
	if strings.Contains(r.stdout, `"team"`) {
		t.Errorf("a chart of one person without -team has a team")
	}
}

func sorted(ids []competency.ID) []competency.ID {
	s := slices.Clone(ids)
	slices.Sort(s)
	return s
}

// TestSchemaKinds checks that `wlp schema KIND` prints the embedded schema
// of every kind, the new ones included.
func TestSchemaKinds(t *testing.T) {
	for _, kind := range schema.Names() {
		r := runWLP("", "schema", kind)
		want, err := schema.JSON(kind)
		if err != nil {
			t.Fatal(err)
		}
		if r.code != 0 || r.stdout != string(want) {
			t.Errorf("schema %s: exit %d, %d bytes; want the embedded %d bytes", kind, r.code, len(r.stdout), len(want))
		}
	}
	for _, kind := range []string{schema.Team, schema.Assignment, schema.Plan} {
		if !slices.Contains(schema.Names(), kind) {
			t.Errorf("schema.Names() lacks %q", kind)
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

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
