package match_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// mergeTeam returns one profile holding each member's best level.
func mergeTeam(ps []profile.Profile) profile.Profile {
	out := profile.Profile{ID: "merged", Ratings: map[competency.ID]profile.Rating{}}
	for _, p := range ps {
		for id, r := range p.Ratings {
			if r.Level > out.Ratings[id].Level {
				out.Ratings[id] = profile.Rating{Level: r.Level}
			}
		}
	}
	return out
}

// dropMember returns ps without the member at index i, a fresh slice.
func dropMember(ps []profile.Profile, i int) []profile.Profile {
	return slices.Concat(ps[:i:i], ps[i+1:])
}

// mustTeam calls Team and fails the test on an error.
func mustTeam(t testing.TB, m *match.Matcher, ps []profile.Profile, target role.ID) match.TeamResult {
	t.Helper()
	tr, err := m.Team(ps, target)
	if err != nil {
		t.Fatalf("Team(%s): %v", target, err)
	}
	return tr
}

// tmSmall is a framework of four competencies a, b, c, d:
//
//	r1: a@4 w3, b@3 w1, 1 of (c, d)@4 w2        (total 6)
//	r2: c@5 w1, d@2 w1                          (total 2)
//	j:  r1 w2, r2 w1, a@5 w1                    (total 4)
func tmSmall(t testing.TB) *wlp.Framework {
	return custom(t, []competency.ID{"a", "b", "c", "d"}, []role.Role{
		{ID: "r1", Name: "R1", Requirements: []role.Requirement{single("a", 4, 3), single("b", 3, 1), group(1, 4, 2, "c", "d")}},
		{ID: "r2", Name: "R2", Requirements: []role.Requirement{single("c", 5, 1), single("d", 2, 1)}},
	}, []role.Job{
		{ID: "j", Title: "J", Roles: []role.Share{{Role: "r1", Weight: 2}, {Role: "r2", Weight: 1}}, Requirements: []role.Requirement{single("a", 5, 1)}},
	})
}

// tmSmallTeam: ann {a 4, b 1}, bob {a 2, b 2, c 3}, cy {c 3, d 1}. The
// team's best levels: a 4 (ann), b 2 (bob), c 3 (bob and cy), d 1 (cy).
func tmSmallTeam() []profile.Profile {
	return []profile.Profile{
		person("ann", levels{"a": 4, "b": 1}),
		person("bob", levels{"a": 2, "b": 2, "c": 3}),
		person("cy", levels{"c": 3, "d": 1}),
	}
}

// TestTeamHandChecked checks team fit, covers, gaps and contributions
// computed by hand on a small custom framework.
func TestTeamHandChecked(t *testing.T) {
	m := match.New(tmSmall(t))
	team := tmSmallTeam()
	ids := func(s ...competency.ID) []competency.ID { return s }
	by := func(s ...string) []string { return s }

	// r1 with best levels a 4, b 2, c 3, d 1:
	//   a: 4/4 × 3 = 3; b: 2/3 × 1; group: best of c, d is 3, 3/4 × 2 = 1.5
	//   fit = (3 + 2/3 + 1.5) / 6 = 31/36.
	//   gaps: group (2/6)(1/4) = 1/12; b (1/6)(1/3) = 1/18.
	//   without ann: a 2 -> 1.5 + 2/3 + 1.5 = 11/3, /6 = 22/36: loss 9/36
	//   without bob: 3 + 1/3 + 1.5 = 29/6, /6 = 29/36: loss 2/36
	//   without cy: unchanged (bob has c 3): loss 0
	r1Covers := []match.Cover{
		{Of: ids("a"), Need: 4, Have: 4, Met: true, By: by("ann")},
		{Of: ids("b"), Need: 3, Have: 2, By: by("bob")},
		{Of: ids("c", "d"), AtLeast: 1, Need: 4, Have: 3, By: by("bob", "cy")},
	}
	// r2: c 3/5, d 1/2: fit 0.55. gaps: d (1/2)(1/2) = 1/4, c (1/2)(2/5) = 1/5.
	//   without cy: c 3 (bob), d 0: fit 0.3: loss 0.25; ann, bob: 0.
	r2Covers := []match.Cover{
		{Of: ids("c"), Need: 5, Have: 3, By: by("bob", "cy")},
		{Of: ids("d"), Need: 2, Have: 1, By: by("cy")},
	}
	withPart := func(part role.ID, cs []match.Cover) []match.Cover {
		out := slices.Clone(cs)
		for i := range out {
			out[i].Part = part
		}
		return out
	}
	type want struct {
		fit    float64
		conf   match.Confidence
		gaps   []match.Gap
		covers []match.Cover
		contr  []match.Contribution
	}
	tests := []struct {
		target role.ID
		want   want
	}{
		{"r1", want{
			fit:  31.0 / 36,
			conf: match.High,
			gaps: []match.Gap{
				{Of: ids("c", "d"), AtLeast: 1, Have: 3, Need: 4, Gain: 1.0 / 12},
				{Of: ids("b"), Have: 2, Need: 3, Gain: 1.0 / 18},
			},
			covers: r1Covers,
			contr:  []match.Contribution{{"ann", 9.0 / 36}, {"bob", 2.0 / 36}, {"cy", 0}},
		}},
		{"r2", want{
			fit:  0.55,
			conf: match.No,
			gaps: []match.Gap{
				{Of: ids("d"), Have: 1, Need: 2, Gain: 0.25},
				{Of: ids("c"), Have: 3, Need: 5, Gain: 0.2},
			},
			covers: r2Covers,
			contr:  []match.Contribution{{"cy", 0.25}, {"ann", 0}, {"bob", 0}},
		}},
		// j = (2 r1 + r2 + a/5·4) / 4 = (31/18 + 11/20 + 4/5) / 4 = 553/720.
		// gaps: d in r2 (1/4)(1/4) = 1/16; a own (1/4)(1/5) = 1/20;
		//   c in r2 (1/4)(1/5) = 1/20; group in r1 (1/2)(1/12) = 1/24;
		//   b in r1 (1/2)(1/18) = 1/36. Equal gains go by first ID: a < c.
		// without ann: r1 22/36, r2 0.55, a 2/5: (44/36 + 0.55 + 0.4)/4 = 391/720: loss 162/720
		// without bob: r1 29/36: loss (1/2)(2/36) = 1/36
		// without cy: r2 0.3: loss (1/4)(0.25) = 1/16
		{"j", want{
			fit:  553.0 / 720,
			conf: match.Low,
			gaps: []match.Gap{
				{Of: ids("d"), Have: 1, Need: 2, Gain: 1.0 / 16, Part: "r2"},
				{Of: ids("a"), Have: 4, Need: 5, Gain: 1.0 / 20},
				{Of: ids("c"), Have: 3, Need: 5, Gain: 1.0 / 20, Part: "r2"},
				{Of: ids("c", "d"), AtLeast: 1, Have: 3, Need: 4, Gain: 1.0 / 24, Part: "r1"},
				{Of: ids("b"), Have: 2, Need: 3, Gain: 1.0 / 36, Part: "r1"},
			},
			covers: slices.Concat(
				[]match.Cover{{Of: ids("a"), Need: 5, Have: 4, By: by("ann")}},
				withPart("r1", r1Covers), withPart("r2", r2Covers)),
			contr: []match.Contribution{{"ann", 162.0 / 720}, {"cy", 1.0 / 16}, {"bob", 1.0 / 36}},
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.target), func(t *testing.T) {
			tr := mustTeam(t, m, team, tt.target)
			got := want{fit: tr.Result.Fit, conf: tr.Result.Confidence, gaps: tr.Result.Gaps, covers: tr.Covers, contr: tr.Contributions}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(want{}), approx); diff != "" {
				t.Errorf("Team(%s) (-want +got):\n%s", tt.target, diff)
			}
			if diff := cmp.Diff([]string{"ann", "bob", "cy"}, tr.Members); diff != "" {
				t.Errorf("Members (-want +got):\n%s", diff)
			}
			// The team scores as one profile with everyone's best levels.
			if diff := cmp.Diff(mustScore(t, m, mergeTeam(team), tt.target), tr.Result); diff != "" {
				t.Errorf("Team result differs from Score of the merged profile (-score +team):\n%s", diff)
			}
		})
	}
}

// TestTeamDefaultProjectManager is a hand-checked team on the default
// project manager role: weights planning 3, driving 3, communicating 2,
// managing the learning function 2, influencing 1, trust 1, adaptability
// 1, delivering training 1 (total 14).
func TestTeamDefaultProjectManager(t *testing.T) {
	m := match.New(wlp.Default())
	team := []profile.Profile{
		person("pat", levels{competency.PlanningAssignments: 4, competency.DrivingResults: 2, competency.CommunicatingEffectively: 3}),
		person("quinn", levels{competency.DrivingResults: 4, competency.BuildingTrust: 2, aoe.DeliveringTraining: 2}),
		person("ria", levels{aoe.ManagingLearningFunction: 3, competency.InfluencingStakeholders: 1, competency.DemonstratingAdaptability: 0}),
	}
	tr := mustTeam(t, m, team, role.ProjectManager)
	if diff := cmp.Diff(mustScore(t, m, mergeTeam(team), role.ProjectManager), tr.Result); diff != "" {
		t.Errorf("Team result differs from Score of the merged profile (-score +team):\n%s", diff)
	}
	// Best: planning 4, driving 4, communicating 3, MLF 3 (all met: 3+3+2+2),
	// influencing 1/3, trust 2/3, adaptability 0, delivering 2 (met: 1).
	// fit = (10 + 1/3 + 2/3 + 0 + 1) / 14 = 12/14.
	if !near(tr.Result.Fit, 12.0/14, 1e-12) || tr.Result.Confidence != match.High {
		t.Errorf("fit %v (%s), want 12/14 = %v (high)", tr.Result.Fit, tr.Result.Confidence, 12.0/14)
	}
	one := func(id competency.ID) []competency.ID { return []competency.ID{id} }
	wantGaps := []match.Gap{
		{Of: one(competency.DemonstratingAdaptability), Have: 0, Need: 3, Gain: 1.0 / 14},
		{Of: one(competency.InfluencingStakeholders), Have: 1, Need: 3, Gain: 2.0 / 42},
		{Of: one(competency.BuildingTrust), Have: 2, Need: 3, Gain: 1.0 / 42},
	}
	if diff := cmp.Diff(wantGaps, tr.Result.Gaps, approx); diff != "" {
		t.Errorf("gaps (-want +got):\n%s", diff)
	}
	wantCovers := []match.Cover{
		{Of: one(competency.PlanningAssignments), Need: 4, Have: 4, Met: true, By: []string{"pat"}},
		{Of: one(competency.DrivingResults), Need: 4, Have: 4, Met: true, By: []string{"quinn"}},
		{Of: one(competency.CommunicatingEffectively), Need: 3, Have: 3, Met: true, By: []string{"pat"}},
		{Of: one(aoe.ManagingLearningFunction), Need: 3, Have: 3, Met: true, By: []string{"ria"}},
		{Of: one(competency.InfluencingStakeholders), Need: 3, Have: 1, By: []string{"ria"}},
		{Of: one(competency.BuildingTrust), Need: 3, Have: 2, By: []string{"quinn"}},
		// ria rates adaptability 0: nobody with level 0 is listed.
		{Of: one(competency.DemonstratingAdaptability), Need: 3, Have: 0, By: []string{}},
		{Of: one(aoe.DeliveringTraining), Need: 2, Have: 2, Met: true, By: []string{"quinn"}},
	}
	if diff := cmp.Diff(wantCovers, tr.Covers); diff != "" {
		t.Errorf("covers (-want +got):\n%s", diff)
	}
	// Without pat: planning and communicating drop to 0: 5/14.
	// Without quinn: driving 2/4 (-1.5), trust 0 (-2/3), delivering 0 (-1): 19/6/14 = 19/84.
	// Without ria: MLF 0 (-2), influencing 0 (-1/3): 7/3/14 = 1/6.
	wantContr := []match.Contribution{{"pat", 5.0 / 14}, {"quinn", 19.0 / 84}, {"ria", 1.0 / 6}}
	if diff := cmp.Diff(wantContr, tr.Contributions, approx); diff != "" {
		t.Errorf("contributions (-want +got):\n%s", diff)
	}
}

// TestTeamSingleMemberTies: several members at the same best level are all
// listed, in member order, not in ID order.
func TestTeamSingleMemberTies(t *testing.T) {
	f := custom(t, []competency.ID{"x", "y"}, []role.Role{
		{ID: "r", Name: "R", Requirements: []role.Requirement{single("x", 3, 1), single("y", 2, 1)}},
	}, nil)
	m := match.New(f)
	team := []profile.Profile{
		person("zed", levels{"x": 4, "y": 1}),
		person("amy", levels{"x": 2, "y": 1}),
		person("kim", levels{"x": 4}),
	}
	tr := mustTeam(t, m, team, "r")
	want := []match.Cover{
		// Surplus over the need still names the strongest: zed and kim at 4.
		{Of: []competency.ID{"x"}, Need: 3, Have: 4, Met: true, By: []string{"zed", "kim"}},
		{Of: []competency.ID{"y"}, Need: 2, Have: 1, By: []string{"zed", "amy"}},
	}
	if diff := cmp.Diff(want, tr.Covers); diff != "" {
		t.Errorf("covers (-want +got):\n%s", diff)
	}
	// x is met by zed and kim, y's level 1 by zed and amy: nobody's absence
	// lowers the fit, so every loss is 0 and the order is by ID.
	wantContr := []match.Contribution{{"amy", 0}, {"kim", 0}, {"zed", 0}}
	if diff := cmp.Diff(wantContr, tr.Contributions, approx); diff != "" {
		t.Errorf("contributions (-want +got):\n%s", diff)
	}
}

// TestTeamCoversGroupTies: for a group requirement ("at least one of the
// areas at expert"), two members who each bring the team's level in a
// different area of the group tie for it and are both listed.
func TestTeamCoversGroupTies(t *testing.T) {
	m := match.New(wlp.Default())
	team := []profile.Profile{
		person("designer", levels{aoe.DesigningLearning: 5}),
		person("coach", levels{aoe.Coaching: 5}),
		person("novice", levels{aoe.Coaching: 2}),
	}
	tr := mustTeam(t, m, team, role.ProfessionalSpecialist)
	c := tr.Covers[0]
	if len(c.Of) != 9 || c.AtLeast != 1 || c.Have != 5 || !c.Met {
		t.Fatalf("first cover %+v, want the 1-of-9 areas group at 5, met", c)
	}
	if diff := cmp.Diff([]string{"designer", "coach"}, c.By); diff != "" {
		t.Errorf("group cover By (-want +got):\n%s", diff)
	}
}

// TestTeamEmpty: an empty team scores as an empty profile; nobody covers
// anything and nobody contributes.
func TestTeamEmpty(t *testing.T) {
	m := match.New(wlp.Default())
	for _, target := range []role.ID{role.LearningStrategist, role.ProfessionalSpecialist, role.CLO} {
		for _, team := range [][]profile.Profile{nil, {}} {
			tr := mustTeam(t, m, team, target)
			if diff := cmp.Diff(mustScore(t, m, profile.Profile{ID: "empty"}, target), tr.Result); diff != "" {
				t.Errorf("%s: empty team result (-want +got):\n%s", target, diff)
			}
			if tr.Result.Fit != 0 || tr.Result.Confidence != match.No {
				t.Errorf("%s: empty team fit %v (%s), want 0 (no)", target, tr.Result.Fit, tr.Result.Confidence)
			}
			if len(tr.Members) != 0 || len(tr.Contributions) != 0 {
				t.Errorf("%s: members %q, contributions %v, want none", target, tr.Members, tr.Contributions)
			}
			if len(tr.Covers) == 0 {
				t.Errorf("%s: no covers, want one per requirement", target)
			}
			for _, c := range tr.Covers {
				if len(c.By) != 0 || c.Have != 0 || c.Met {
					t.Errorf("%s: cover %+v, want nobody, level 0, unmet", target, c)
				}
			}
		}
	}
}

// TestTeamUnknownTarget: an unknown role or job is an error wrapping
// ErrUnknownTarget, for Team and TeamPlan alike.
func TestTeamUnknownTarget(t *testing.T) {
	m := match.New(wlp.Default())
	team := []profile.Profile{person("a", levels{competency.BuildingTrust: 3})}
	for _, target := range []role.ID{"no-such-role", "", "Learning-Strategist"} {
		if _, err := m.Team(team, target); !errors.Is(err, match.ErrUnknownTarget) {
			t.Errorf("Team(%q) error %v, want ErrUnknownTarget", target, err)
		}
		if _, err := m.TeamPlan(team, target); !errors.Is(err, match.ErrUnknownTarget) {
			t.Errorf("TeamPlan(%q) error %v, want ErrUnknownTarget", target, err)
		}
		if _, err := m.Team(nil, target); !errors.Is(err, match.ErrUnknownTarget) {
			t.Errorf("Team(nil, %q) error %v, want ErrUnknownTarget", target, err)
		}
	}
}

// TestTeamProperties checks, on random teams and every default target:
// the team result is the result of the merged profile; each
// contribution is the team's fit minus the fit of the team without that
// member, sorted largest first then by ID; each single-ID cover names
// exactly the members at the team's best level (above 0), in member order.
func TestTeamProperties(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	rng := rand.New(rand.NewPCG(7, 11))
	targets := []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist, role.CLO}
	for round := 0; round < 40; round++ {
		team := randomPeople(rng, f, 1+rng.IntN(5), 3)
		merged := mergeTeam(team)
		for _, target := range targets {
			tr := mustTeam(t, m, team, target)
			if diff := cmp.Diff(mustScore(t, m, merged, target), tr.Result); diff != "" {
				t.Fatalf("round %d %s: team differs from merged profile (-merged +team):\n%s", round, target, diff)
			}
			var want []match.Contribution
			for i := range team {
				without := mustTeam(t, m, dropMember(team, i), target).Result.Fit
				want = append(want, match.Contribution{Profile: team[i].ID, Loss: tr.Result.Fit - without})
			}
			slices.SortStableFunc(want, func(a, b match.Contribution) int {
				// Losses equal within rounding count as ties.
				if math.Abs(a.Loss-b.Loss) > 1e-9 {
					if a.Loss > b.Loss {
						return -1
					}
					return 1
				}
				switch {
				case a.Profile < b.Profile:
					return -1
				case a.Profile > b.Profile:
					return 1
				}
				return 0
			})
			if diff := cmp.Diff(want, tr.Contributions, approx); diff != "" {
				t.Fatalf("round %d %s: contributions (-want +got):\n%s", round, target, diff)
			}
			// Covers: single-ID requirements, checked member by member.
			reqs := tmRequirements(t, f, target)
			if len(reqs) != len(tr.Covers) {
				t.Fatalf("round %d %s: %d covers, want %d", round, target, len(tr.Covers), len(reqs))
			}
			for ci, c := range tr.Covers {
				r := reqs[ci]
				if diff := cmp.Diff(r.Of, c.Of); diff != "" || c.Need != r.Level || c.AtLeast != r.AtLeast {
					t.Fatalf("round %d %s: cover %d is %+v, want requirement %+v", round, target, ci, c, r)
				}
				have := bestFirst(r, merged.Level)[r.K()-1]
				if c.Have != have || c.Met != (have >= r.Level) {
					t.Errorf("round %d %s: cover %d have %d met %v, want %d %v", round, target, ci, c.Have, c.Met, have, have >= r.Level)
				}
				if len(r.Of) != 1 {
					continue
				}
				var by []string
				for _, p := range team {
					if l := p.Level(r.Of[0]); l > 0 && l == have {
						by = append(by, p.ID)
					}
				}
				if diff := cmp.Diff(by, c.By, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("round %d %s: cover %d (%s) By (-want +got):\n%s", round, target, ci, r.Of[0], diff)
				}
			}
		}
	}
}

// tmRequirements lists the target's requirements in cover order: its own,
// then each part's.
func tmRequirements(t testing.TB, f *wlp.Framework, target role.ID) []role.Requirement {
	t.Helper()
	if r, ok := f.Role(target); ok {
		return r.Requirements
	}
	j, ok := f.Job(target)
	if !ok {
		t.Fatalf("no target %s", target)
	}
	out := slices.Clone(j.Requirements)
	for _, s := range j.Roles {
		r, _ := f.Role(s.Role)
		out = append(out, r.Requirements...)
	}
	return out
}

// TestTeamLongDuplicateID: a long profile ID given twice is named in the
// error by its start and its length, not in full.
func TestTeamLongDuplicateID(t *testing.T) {
	m := match.New(wlp.Default())
	id := strings.Repeat("x", 10_000)
	team := []profile.Profile{{ID: id}, {ID: id}}
	_, err := m.Team(team, role.BusinessPartner)
	if err == nil {
		t.Fatal("Team with a repeated ID: no error")
	}
	got := struct {
		Prefix, Suffix bool
		Short          bool
	}{strings.HasPrefix(err.Error(), `match: profile ID "xxx`), strings.HasSuffix(err.Error(), `... (10000 bytes) appears twice in the team`), len(err.Error()) < 200}
	want := struct{ Prefix, Suffix, Short bool }{true, true, true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("error %.300q (-want +got):\n%s", err, diff)
	}
}

// TestDuplicateTeamIDs: a team names its members by profile ID, so an ID
// given twice is an error rather than a member counted twice.
func TestDuplicateTeamIDs(t *testing.T) {
	m := match.New(wlp.Default())
	a := profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 5}}}
	b := profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{"building-trust": {Level: 5}}}
	if _, err := m.Team([]profile.Profile{a, b}, role.BusinessPartner); err == nil || !strings.Contains(err.Error(), `"alex" appears twice`) {
		t.Errorf("Team with a repeated ID: error %v", err)
	}
	if _, err := m.Assign([]profile.Profile{a, b}, []role.ID{role.LearningStrategist, role.BusinessPartner}); err == nil || !strings.Contains(err.Error(), `"alex" appears twice`) {
		t.Errorf("Assign with a repeated ID: error %v", err)
	}
}
