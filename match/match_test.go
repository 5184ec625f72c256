package match_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// approx compares the floats of hand-computed expectations.
var approx = cmpopts.EquateApprox(0, 1e-12)

// levels is a compact way to write a profile's ratings.
type levels map[competency.ID]competency.Level

// person builds a profile from levels.
func person(id string, ls levels) profile.Profile {
	p := profile.Profile{ID: id, Name: strings.ToUpper(id), Ratings: make(map[competency.ID]profile.Rating, len(ls))}
	for k, l := range ls {
		p.Ratings[k] = profile.Rating{Level: l, Source: profile.Manager}
	}
	return p
}

func of(ids ...competency.ID) []competency.ID { return ids }

// single is a one-ID requirement.
func single(id competency.ID, l competency.Level, w float64) role.Requirement {
	return role.Requirement{Of: of(id), Level: l, Weight: w}
}

// group is a requirement that atLeast of ids reach l.
func group(atLeast int, l competency.Level, w float64, ids ...competency.ID) role.Requirement {
	return role.Requirement{Of: ids, AtLeast: atLeast, Level: l, Weight: w}
}

// custom builds a framework of the given competencies (all in the Personal
// cluster), roles and jobs, failing the test if it is invalid.
func custom(t testing.TB, comps []competency.ID, roles []role.Role, jobs []role.Job) *wlp.Framework {
	t.Helper()
	s := wlp.Spec{ID: "test-framework", Name: "Test", Roles: roles, Jobs: jobs}
	for _, id := range comps {
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "Competency " + string(id), Cluster: competency.Personal})
	}
	f, err := wlp.New(s)
	if err != nil {
		t.Fatalf("wlp.New: %v", err)
	}
	return f
}

func mustScore(t testing.TB, m *match.Matcher, p profile.Profile, target role.ID) match.Result {
	t.Helper()
	r, err := m.Score(p, target)
	if err != nil {
		t.Fatalf("Score(%q, %s): %v", p.ID, target, err)
	}
	return r
}

// allTargets lists the default framework's roles, then its job.
var allTargets = []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist, role.CLO}

// ---------------------------------------------------------------------------
// Hand-computed fits from MODEL.md's tables.

// TestScoreProjectManager: project manager, weights 3,3,2,2,1,1,1,1 (total 14).
func TestScoreProjectManager(t *testing.T) {
	m := match.New(wlp.Default())
	p := person("pat", levels{
		competency.PlanningAssignments:      competency.Expert, // need 4: surplus, score 1
		competency.DrivingResults:           2,                 // need 4: 2/4
		competency.CommunicatingEffectively: 3,                 // need 3: 1
		competency.BuildingTrust:            1,                 // need 3: 1/3
	})
	o := func(id competency.ID, have, need competency.Level, score, w float64) match.Outcome {
		return match.Outcome{Of: of(id), Have: have, Need: need, Score: score, Weight: w, Met: score == 1}
	}
	g := func(id competency.ID, have, need competency.Level, gain float64) match.Gap {
		return match.Gap{Of: of(id), Have: have, Need: need, Gain: gain}
	}
	want := match.Result{
		Target: role.ProjectManager,
		Kind:   match.KindRole,
		Name:   "Project manager",
		// (3·1 + 3·2/4 + 2·1 + 2·0 + 1·0 + 1·1/3 + 1·0 + 1·0) / 14
		// = (3 + 1.5 + 2 + 1/3) / 14 = (41/6) / 14 = 41/84 ≈ 0.4881
		Fit:        41.0 / 84,
		Confidence: match.No, // 0.488 < 0.60
		Outcomes: []match.Outcome{
			o(competency.PlanningAssignments, 5, 4, 1, 3), // Have is the level itself, 5: the surplus earns nothing
			o(competency.DrivingResults, 2, 4, 0.5, 3),
			o(competency.CommunicatingEffectively, 3, 3, 1, 2),
			o(aoe.ManagingLearningFunction, 0, 3, 0, 2),
			o(competency.InfluencingStakeholders, 0, 3, 0, 1),
			o(competency.BuildingTrust, 1, 3, 1.0/3, 1),
			o(competency.DemonstratingAdaptability, 0, 3, 0, 1),
			o(aoe.DeliveringTraining, 0, 2, 0, 1),
		},
		Gaps: []match.Gap{
			g(aoe.ManagingLearningFunction, 0, 3, 2.0/14),         // 2/14·(1-0) = 1/7 ≈ 0.1429
			g(competency.DrivingResults, 2, 4, 3.0/14*0.5),        // 3/14·(1-1/2) = 3/28 ≈ 0.1071
			g(aoe.DeliveringTraining, 0, 2, 1.0/14),               // 1/14; ties at 1/14 go by ID:
			g(competency.DemonstratingAdaptability, 0, 3, 1.0/14), // "delivering" < "demonstrating"
			g(competency.InfluencingStakeholders, 0, 3, 1.0/14),   // < "influencing"
			g(competency.BuildingTrust, 1, 3, 1.0/14*(1-1.0/3)),   // 1/14·2/3 = 1/21 ≈ 0.0476
		},
	}
	got := mustScore(t, m, p, role.ProjectManager)
	if d := cmp.Diff(want, got, approx); d != "" {
		t.Errorf("Score(project-manager) mismatch (-want +got):\n%s", d)
	}

	// The surplus earns nothing: planning at 4 or at 5 gives the same fit.
	at4 := person("pat", levels{competency.PlanningAssignments: 4, competency.DrivingResults: 2, competency.CommunicatingEffectively: 3, competency.BuildingTrust: 1})
	if f, _ := m.Fit(at4, role.ProjectManager); f != got.Fit {
		t.Errorf("fit with planning at 4 = %v, at 5 = %v; surplus must earn nothing", f, got.Fit)
	}
	// planning alone at 5 = planning alone at 4 = 3/14.
	for _, l := range []competency.Level{4, 5} {
		f, _ := m.Fit(person("x", levels{competency.PlanningAssignments: l}), role.ProjectManager)
		if d := cmp.Diff(3.0/14, f, approx); d != "" {
			t.Errorf("planning alone at %d: fit (-want +got):\n%s", l, d)
		}
	}
}

// TestScoreProfessionalSpecialist: weights 4 (1 of 9 AOEs at 5), 2, 1, 1 (total 8).
func TestScoreProfessionalSpecialist(t *testing.T) {
	m := match.New(nil)
	aoes := aoe.IDs()

	t.Run("several AOEs at 3, only the best counts", func(t *testing.T) {
		p := person("sam", levels{
			aoe.Coaching: 3, aoe.DesigningLearning: 3, aoe.MeasuringAndEvaluating: 3, aoe.DeliveringTraining: 2,
			competency.ModelingPersonalDevelopment: 4, // need 4: met
			competency.CommunicatingEffectively:    2, // need 3: 2/3
		})
		want := match.Result{
			Target: role.ProfessionalSpecialist,
			Kind:   match.KindRole,
			Name:   "Professional specialist",
			// group: best AOE 3 of 5 = 0.6 (three at 3 do not add up: k = 1)
			// (4·0.6 + 2·1 + 1·0 + 1·2/3) / 8 = (2.4 + 2 + 2/3) / 8 = (76/15) / 8 = 19/30 ≈ 0.6333
			Fit:        19.0 / 30,
			Confidence: match.Low, // 0.60 <= 0.633 < 0.85
			Outcomes: []match.Outcome{
				{Of: aoes, AtLeast: 1, Have: 3, Need: 5, Score: 0.6, Weight: 4},
				{Of: of(competency.ModelingPersonalDevelopment), Have: 4, Need: 4, Score: 1, Weight: 2, Met: true},
				{Of: of(competency.DemonstratingAdaptability), Have: 0, Need: 3, Score: 0, Weight: 1},
				{Of: of(competency.CommunicatingEffectively), Have: 2, Need: 3, Score: 2.0 / 3, Weight: 1},
			},
			Gaps: []match.Gap{
				{Of: aoes, AtLeast: 1, Have: 3, Need: 5, Gain: 0.2},                             // 4/8·(1-0.6) = 0.2
				{Of: of(competency.DemonstratingAdaptability), Have: 0, Need: 3, Gain: 0.125},   // 1/8·1
				{Of: of(competency.CommunicatingEffectively), Have: 2, Need: 3, Gain: 1.0 / 24}, // 1/8·(1-2/3) = 1/24
			},
		}
		got := mustScore(t, m, p, role.ProfessionalSpecialist)
		if d := cmp.Diff(want, got, approx); d != "" {
			t.Errorf("mismatch (-want +got):\n%s", d)
		}
	})

	tests := []struct {
		name    string
		ls      levels
		fit     float64
		conf    match.Confidence
		have    competency.Level // the group's Have: its best AOE level
		groupOK bool
	}{
		// group met: 4·1 / 8 = 0.5
		{"one AOE at 5", levels{aoe.Coaching: 5}, 0.5, match.No, 5, true},
		// group met by the best one, the others are not needed: (4·1 + 2·1 + 1 + 1) / 8 = 1
		{"one AOE at 5, others at 3, singles met", levels{aoe.Coaching: 3, aoe.DeliveringTraining: 3, aoe.MeasuringAndEvaluating: 5,
			competency.ModelingPersonalDevelopment: 4, competency.DemonstratingAdaptability: 3, competency.CommunicatingEffectively: 3}, 1, match.Exact, 5, true},
		// every AOE at 3: still 3/5: (4·0.6) / 8 = 0.3
		{"all nine AOEs at 3", func() levels {
			ls := levels{}
			for _, id := range aoes {
				ls[id] = 3
			}
			return ls
		}(), 0.3, match.No, 3, false},
		// best AOE 4 of 5, singles met: (4·0.8 + 4) / 8 = 7.2/8 = 0.9
		{"best AOE at 4, singles met", levels{aoe.ImprovingPerformance: 4, aoe.Coaching: 1,
			competency.ModelingPersonalDevelopment: 5, competency.DemonstratingAdaptability: 3, competency.CommunicatingEffectively: 4}, 0.9, match.High, 4, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustScore(t, m, person("p", tc.ls), role.ProfessionalSpecialist)
			if d := cmp.Diff(tc.fit, got.Fit, approx); d != "" {
				t.Errorf("fit (-want +got):\n%s", d)
			}
			if got.Confidence != tc.conf {
				t.Errorf("confidence = %v, want %v", got.Confidence, tc.conf)
			}
			g := got.Outcomes[0]
			if g.Have != tc.have || g.Met != tc.groupOK || g.AtLeast != 1 || len(g.Of) != 9 {
				t.Errorf("group outcome = %+v, want Have %d, Met %v, AtLeast 1 of 9", g, tc.have, tc.groupOK)
			}
		})
	}
}

// morgan is a strong CLO candidate. Her levels and the arithmetic of her
// CLO fit are in TestScoreCLO.
func morgan() profile.Profile {
	return person("morgan", levels{
		competency.BuildingTrust:               4,
		competency.CommunicatingEffectively:    4,
		competency.InfluencingStakeholders:     4,
		competency.LeveragingDiversity:         2,
		competency.NetworkingAndPartnering:     4,
		competency.AnalyzingNeeds:              4,
		competency.ApplyingBusinessAcumen:      4,
		competency.DrivingResults:              4,
		competency.PlanningAssignments:         4,
		competency.ThinkingStrategically:       5,
		competency.DemonstratingAdaptability:   3,
		competency.ModelingPersonalDevelopment: 3,
		aoe.ManagingLearningFunction:           4,
		aoe.MeasuringAndEvaluating:             3,
		aoe.FacilitatingChange:                 3,
		aoe.ImprovingPerformance:               4,
		aoe.ManagingKnowledge:                  2,
		aoe.CareerPlanning:                     1,
		aoe.DeliveringTraining:                 1,
		// coaching and designing-learning unrated: 0
	})
}

// TestScoreCLO checks the CLO job as the weighted mean of its parts:
// roles LS 3, BP 3, PM 1, PS 1 and own requirements 2, 2, 2, 2 (total 16).
func TestScoreCLO(t *testing.T) {
	m := match.New(wlp.Default())
	got := mustScore(t, m, morgan(), role.CLO)

	// Learning strategist (total 21): everything met except career planning
	// 1 of 2 (weight 1): (20 + 0.5) / 21 = 41/42.
	// Business partner (total 22): everything met: 1, Exact.
	// Project manager (total 14): everything met except delivering training
	// 1 of 2 (weight 1): 13.5 / 14 = 27/28.
	// Professional specialist (total 8): best AOE 4 of 5 = 0.8 (w 4),
	// modeling 3 of 4 = 0.75 (w 2), adaptability 3/3, communicating 4≥3:
	// (3.2 + 1.5 + 1 + 1) / 8 = 6.7/8 = 0.8375.
	// Own: thinking strategically 5/5 = 1; business acumen 4/5 = 0.8;
	// 7 of 9 AOEs at 2: min(level, 2) sorted = 2,2,2,2,2,1,1,0,0, the 7 best
	// sum to 12 of 14 = 6/7, the 7th best level is 1;
	// 10 of 12 foundational at 4: min(level, 4) sorted = nine 4s, 3, 3, 2,
	// the 10 best sum to 39 of 40 = 0.975, the 10th best level is 3.
	// Fit = (3·41/42 + 3·1 + 1·27/28 + 1·0.8375 + 2·1 + 2·0.8 + 2·6/7 + 2·0.975) / 16
	//     = (157/28 + 5 + 351/80) / 16 = (8397/560) / 16 = 8397/8960 ≈ 0.93717.
	wantFit := 8397.0 / 8960
	if d := cmp.Diff(wantFit, got.Fit, approx); d != "" {
		t.Errorf("CLO fit (-want +got):\n%s", d)
	}
	if got.Confidence != match.High {
		t.Errorf("CLO confidence = %v, want high", got.Confidence)
	}
	if got.Kind != match.KindJob || got.Name != "Chief learning officer" || got.Target != role.CLO {
		t.Errorf("CLO header = %q %q %q", got.Target, got.Kind, got.Name)
	}

	wantOutcomes := []match.Outcome{
		{Of: of(competency.ThinkingStrategically), Have: 5, Need: 5, Score: 1, Weight: 2, Met: true},
		{Of: of(competency.ApplyingBusinessAcumen), Have: 4, Need: 5, Score: 0.8, Weight: 2},
		{Of: aoe.IDs(), AtLeast: 7, Have: 1, Need: 2, Score: 6.0 / 7, Weight: 2},
		{Of: competency.IDs(), AtLeast: 10, Have: 3, Need: 4, Score: 0.975, Weight: 2},
	}
	if d := cmp.Diff(wantOutcomes, got.Outcomes, approx); d != "" {
		t.Errorf("CLO own outcomes (-want +got):\n%s", d)
	}

	type part struct {
		Role          role.ID
		Weight, Share float64
		Fit           float64
		Confidence    match.Confidence
	}
	var gotParts []part
	for _, p := range got.Parts {
		gotParts = append(gotParts, part{p.Role, p.Weight, p.Share, p.Result.Fit, p.Result.Confidence})
	}
	wantParts := []part{
		{role.LearningStrategist, 3, 3.0 / 16, 41.0 / 42, match.High}, // 0.976
		{role.BusinessPartner, 3, 3.0 / 16, 1, match.Exact},           // all met
		{role.ProjectManager, 1, 1.0 / 16, 27.0 / 28, match.High},     // 0.964
		{role.ProfessionalSpecialist, 1, 1.0 / 16, 0.8375, match.Low}, // 0.60 <= 0.8375 < 0.85
	}
	if d := cmp.Diff(wantParts, gotParts, approx); d != "" {
		t.Errorf("CLO parts (-want +got):\n%s", d)
	}
	// Each part's result is the role's own result.
	for _, p := range got.Parts {
		if d := cmp.Diff(mustScore(t, m, morgan(), p.Role), p.Result); d != "" {
			t.Errorf("part %s differs from scoring the role alone (-role +part):\n%s", p.Role, d)
		}
	}

	wantGaps := []match.Gap{
		// own: 2/16·(1-0.8) = 0.025
		{Of: of(competency.ApplyingBusinessAcumen), Have: 4, Need: 5, Gain: 0.025},
		// own: 2/16·(1-6/7) = 1/56 ≈ 0.01786
		{Of: aoe.IDs(), AtLeast: 7, Have: 1, Need: 2, Gain: 1.0 / 56},
		// PS (share 1/16): 4/8·(1-0.8) = 0.1 → 0.1/16 = 0.00625
		{Part: role.ProfessionalSpecialist, Of: aoe.IDs(), AtLeast: 1, Have: 4, Need: 5, Gain: 0.1 / 16},
		// LS (share 3/16): 1/21·(1-1/2) = 1/42 → 3/16·1/42 = 1/224 ≈ 0.004464
		{Part: role.LearningStrategist, Of: of(aoe.CareerPlanning), Have: 1, Need: 2, Gain: 1.0 / 224},
		// PS: 2/8·(1-3/4) = 1/16 → 1/256 ≈ 0.003906
		{Part: role.ProfessionalSpecialist, Of: of(competency.ModelingPersonalDevelopment), Have: 3, Need: 4, Gain: 1.0 / 256},
		// own: 2/16·(1-0.975) = 0.003125
		{Of: competency.IDs(), AtLeast: 10, Have: 3, Need: 4, Gain: 0.003125},
		// PM (share 1/16): 1/14·(1-1/2) = 1/28 → 1/448 ≈ 0.002232
		{Part: role.ProjectManager, Of: of(aoe.DeliveringTraining), Have: 1, Need: 2, Gain: 1.0 / 448},
	}
	if d := cmp.Diff(wantGaps, got.Gaps, approx); d != "" {
		t.Errorf("CLO gaps (-want +got):\n%s", d)
	}
}

// TestScoreCLOGroups isolates the CLO's two groups and their k best.
func TestScoreCLOGroups(t *testing.T) {
	m := match.New(nil)
	aoes, found := aoe.IDs(), competency.IDs()
	set := func(ids []competency.ID, ls ...competency.Level) levels {
		out := levels{}
		for i, l := range ls {
			out[ids[i]] = l
		}
		return out
	}
	tests := []struct {
		name  string
		ls    levels
		idx   int // outcome index: 2 = AOE group, 3 = foundational group
		have  competency.Level
		score float64
	}{
		// 7 best of 2,2,2,2,2,2,2,0,0 = 14/14
		{"7 AOEs at 2", set(aoes, 2, 2, 2, 2, 2, 2, 2), 2, 2, 1},
		// surplus earns nothing: 9 at 5 → min(5,2) = 2 each: 14/14; Have is
		// the 7th best level itself, 5
		{"9 AOEs at 5", set(aoes, 5, 5, 5, 5, 5, 5, 5, 5, 5), 2, 5, 1},
		// 6 at 2 and three at 0: 7 best sum 12 of 14 = 6/7, 7th best 0
		{"6 AOEs at 2", set(aoes, 2, 2, 2, 2, 2, 2), 2, 0, 6.0 / 7},
		// 5,5,1,1,1,1,1,1,1 → min(.,2) = 2,2,1,1,1,1,1,1,1: 7 best sum 9 of 14, 7th best 1
		{"2 at 5, 7 at 1", set(aoes, 5, 5, 1, 1, 1, 1, 1, 1, 1), 2, 1, 9.0 / 14},
		// the worst two do not count: 4,4,4,4,4,4,4,4,4,4,0,0 → 40/40
		{"10 foundational at 4", set(found, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4), 3, 4, 1},
		// 12 at 3: 10 best sum 30 of 40 = 0.75
		{"12 foundational at 3", set(found, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3), 3, 3, 0.75},
		// 5,5,5,5,5,1,1,1,1,1,1,1 → min(.,4): 5×4 + 5×1 (10 best) = 25/40 = 0.625, 10th best 1
		{"5 at 5, 7 at 1", set(found, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1), 3, 1, 0.625},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustScore(t, m, person("p", tc.ls), role.CLO).Outcomes[tc.idx]
			if got.Have != tc.have {
				t.Errorf("Have = %d, want %d", got.Have, tc.have)
			}
			if d := cmp.Diff(tc.score, got.Score, approx); d != "" {
				t.Errorf("Score (-want +got):\n%s", d)
			}
			if got.Met != (tc.score == 1) {
				t.Errorf("Met = %v, want %v", got.Met, tc.score == 1)
			}
		})
	}
}

func TestScoreEmptyProfile(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	for _, p := range []profile.Profile{{ID: "nil-ratings"}, person("empty", levels{})} {
		for _, target := range allTargets {
			t.Run(p.ID+"/"+string(target), func(t *testing.T) {
				got := mustScore(t, m, p, target)
				if got.Fit != 0 || got.Confidence != match.No {
					t.Errorf("fit %v (%v), want 0 (no)", got.Fit, got.Confidence)
				}
				// Every requirement is a gap whose gain is its whole share of the fit.
				var want []match.Gap
				add := func(part role.ID, reqs []role.Requirement, total, share float64) {
					for _, r := range reqs {
						want = append(want, match.Gap{Part: part, Of: r.Of, AtLeast: r.AtLeast, Need: r.Level, Gain: share * r.Weight / total})
					}
				}
				sum := func(rs []role.Requirement) (s float64) {
					for _, r := range rs {
						s += r.Weight
					}
					return s
				}
				if j, ok := f.Job(target); ok {
					total := sum(j.Requirements)
					for _, s := range j.Roles {
						total += s.Weight
					}
					add("", j.Requirements, total, 1)
					for _, s := range j.Roles {
						r, _ := f.Role(s.Role)
						add(s.Role, r.Requirements, sum(r.Requirements), s.Weight/total)
					}
				} else {
					r, _ := f.Role(target)
					add("", r.Requirements, sum(r.Requirements), 1)
				}
				if target == role.CLO && len(want) != 4+10+9+8+4 {
					t.Fatalf("CLO has %d requirements in all, want 35", len(want))
				}
				// Compare as sets: the order is checked elsewhere.
				sortGaps := cmpopts.SortSlices(func(a, b match.Gap) bool {
					if a.Part != b.Part {
						return a.Part < b.Part
					}
					return a.Of[0] < b.Of[0] || (a.Of[0] == b.Of[0] && len(a.Of) < len(b.Of))
				})
				if d := cmp.Diff(want, got.Gaps, approx, sortGaps); d != "" {
					t.Errorf("gaps (-want +got):\n%s", d)
				}
				for _, o := range got.Outcomes {
					if o.Have != 0 || o.Score != 0 || o.Met {
						t.Errorf("outcome %v: have %d score %v met %v, want 0 0 false", o.Of, o.Have, o.Score, o.Met)
					}
				}
				for _, pt := range got.Parts {
					if pt.Result.Fit != 0 || pt.Result.Confidence != match.No {
						t.Errorf("part %s: fit %v (%v), want 0 (no)", pt.Role, pt.Result.Fit, pt.Result.Confidence)
					}
				}
			})
		}
	}
}

// minimal returns the lowest levels that meet every requirement of target:
// singles at their level, a group's first k IDs at its level.
func minimal(f *wlp.Framework, target role.ID) levels {
	ls := levels{}
	need := func(reqs []role.Requirement) {
		for _, r := range reqs {
			for _, id := range r.Of[:r.K()] {
				ls[id] = max(ls[id], r.Level)
			}
		}
	}
	if j, ok := f.Job(target); ok {
		need(j.Requirements)
		for _, s := range j.Roles {
			r, _ := f.Role(s.Role)
			need(r.Requirements)
		}
	} else {
		r, _ := f.Role(target)
		need(r.Requirements)
	}
	return ls
}

func TestScoreEverythingMet(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	all := levels{}
	for _, id := range f.IDs() {
		all[id] = competency.Expert
	}
	for _, target := range allTargets {
		for name, ls := range map[string]levels{"all at 5": all, "exactly the required levels": minimal(f, target)} {
			t.Run(string(target)+"/"+name, func(t *testing.T) {
				got := mustScore(t, m, person("p", ls), target)
				if got.Fit != 1 || got.Confidence != match.Exact {
					t.Errorf("fit %v (%v), want 1 (exact)", got.Fit, got.Confidence)
				}
				if got.Gaps == nil || len(got.Gaps) != 0 {
					t.Errorf("gaps = %#v, want an empty list", got.Gaps)
				}
				for _, o := range got.Outcomes {
					if !o.Met || o.Score != 1 || o.Have < o.Need {
						t.Errorf("outcome %v not met: %+v", o.Of, o)
					}
				}
				for _, pt := range got.Parts {
					if pt.Result.Fit != 1 || pt.Result.Confidence != match.Exact || len(pt.Result.Gaps) != 0 {
						t.Errorf("part %s: fit %v (%v), %d gaps", pt.Role, pt.Result.Fit, pt.Result.Confidence, len(pt.Result.Gaps))
					}
				}
			})
		}
	}
	// For a role, the required levels are also the least: lowering any one
	// of them by one level loses Exact.
	for _, target := range allTargets[:4] {
		ls := minimal(f, target)
		for id, l := range ls {
			low := levels{}
			for k, v := range ls {
				low[k] = v
			}
			low[id] = l - 1
			got := mustScore(t, m, person("p", low), target)
			if got.Fit >= 1 || got.Confidence == match.Exact || len(got.Gaps) != 1 {
				t.Errorf("%s with %s at %d: fit %v (%v), %d gaps; want below 1 with one gap", target, id, l-1, got.Fit, got.Confidence, len(got.Gaps))
			}
		}
	}
}

func TestStrict(t *testing.T) {
	strict := match.New(nil, match.Strict())
	partial := match.New(nil)
	pat := person("pat", levels{
		competency.PlanningAssignments:      5, // need 4: met, 1
		competency.DrivingResults:           2, // need 4: 0 under Strict (0.5 with partial credit)
		competency.CommunicatingEffectively: 3, // need 3: 1
		competency.BuildingTrust:            1, // need 3: 0 (1/3 with partial credit)
	})
	got := mustScore(t, strict, pat, role.ProjectManager)
	// (3·1 + 3·0 + 2·1 + 0 + 0 + 0 + 0 + 0) / 14 = 5/14 ≈ 0.357
	if d := cmp.Diff(5.0/14, got.Fit, approx); d != "" {
		t.Errorf("strict PM fit (-want +got):\n%s", d)
	}
	wantGaps := []match.Gap{
		{Of: of(competency.DrivingResults), Have: 2, Need: 4, Gain: 3.0 / 14},    // 3/14·(1-0)
		{Of: of(aoe.ManagingLearningFunction), Have: 0, Need: 3, Gain: 2.0 / 14}, // 2/14
		{Of: of(competency.BuildingTrust), Have: 1, Need: 3, Gain: 1.0 / 14},     // 1/14: four ties, by ID
		{Of: of(aoe.DeliveringTraining), Have: 0, Need: 2, Gain: 1.0 / 14},
		{Of: of(competency.DemonstratingAdaptability), Have: 0, Need: 3, Gain: 1.0 / 14},
		{Of: of(competency.InfluencingStakeholders), Have: 0, Need: 3, Gain: 1.0 / 14},
	}
	if d := cmp.Diff(wantGaps, got.Gaps, approx); d != "" {
		t.Errorf("strict PM gaps (-want +got):\n%s", d)
	}
	if f, _ := partial.Fit(pat, role.ProjectManager); f <= got.Fit {
		t.Errorf("partial fit %v should exceed strict fit %v here", f, got.Fit)
	}

	// Groups under Strict: the k best count as met (1) or not (0).
	clo := mustScore(t, strict, morgan(), role.CLO)
	wantOwn := []match.Outcome{
		{Of: of(competency.ThinkingStrategically), Have: 5, Need: 5, Score: 1, Weight: 2, Met: true},
		{Of: of(competency.ApplyingBusinessAcumen), Have: 4, Need: 5, Score: 0, Weight: 2},
		// AOEs ≥2: MLF 4, M&E 3, FOC 3, IHP 4, MOK 2 = 5 of the 7 best: 5/7; 7th best level 1
		{Of: aoe.IDs(), AtLeast: 7, Have: 1, Need: 2, Score: 5.0 / 7, Weight: 2},
		// foundational ≥4: nine of the 10 best: 9/10; 10th best level 3
		{Of: competency.IDs(), AtLeast: 10, Have: 3, Need: 4, Score: 0.9, Weight: 2},
	}
	if d := cmp.Diff(wantOwn, clo.Outcomes, approx); d != "" {
		t.Errorf("strict CLO own outcomes (-want +got):\n%s", d)
	}

	tests := []struct {
		name         string
		ls           levels
		strict, part float64
	}{
		// best AOE 4 of 5: strict 0, partial 4/8·0.8 = 0.4
		{"AOE at 4", levels{aoe.Coaching: 4}, 0, 0.4},
		// AOE at 5: met either way: 4/8
		{"AOE at 5", levels{aoe.Coaching: 5}, 0.5, 0.5},
		// all but communicating (2 of 3): strict 7/8 = 0.875, partial (7 + 2/3)/8 = 23/24
		{"one single short", levels{aoe.Coaching: 5, competency.ModelingPersonalDevelopment: 4,
			competency.DemonstratingAdaptability: 3, competency.CommunicatingEffectively: 2}, 0.875, 23.0 / 24},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := strict.Fit(person("p", tc.ls), role.ProfessionalSpecialist)
			p, _ := partial.Fit(person("p", tc.ls), role.ProfessionalSpecialist)
			if d := cmp.Diff([]float64{tc.strict, tc.part}, []float64{s, p}, approx); d != "" {
				t.Errorf("strict, partial fits (-want +got):\n%s", d)
			}
		})
	}
}

// ---------------------------------------------------------------------------
// Confidence.

// twoReqs returns a framework with one role "r": x at level 1 with weight
// wx and y at level 1 with weight wy. A profile with x at 1 and no y fits
// it at exactly wx/(wx+wy).
func twoReqs(t *testing.T, wx, wy float64) *wlp.Framework {
	return custom(t, of("x", "y"), []role.Role{{ID: "r", Name: "R", Requirements: []role.Requirement{
		single("x", 1, wx), single("y", 1, wy),
	}}}, nil)
}

func TestConfidenceThresholds(t *testing.T) {
	if match.HighFit != 0.85 || match.LowFit != 0.60 {
		t.Fatalf("thresholds = %v, %v; want 0.85, 0.60", match.HighFit, match.LowFit)
	}
	xOnly := person("p", levels{"x": 1})
	tests := []struct {
		wx, wy float64
		opts   []match.Option
		fit    float64
		want   match.Confidence
	}{
		{17, 3, nil, 0.85, match.High},                             // exactly HighFit
		{8499, 1501, nil, 0.8499, match.Low},                       // just below HighFit
		{0.85 - 1e-11, 0.15 + 1e-11, nil, 0.85 - 1e-11, match.Low}, // 1e-11 below HighFit
		{0.6 - 1e-11, 0.4 + 1e-11, nil, 0.6 - 1e-11, match.No},     // 1e-11 below LowFit
		{9999, 1, nil, 0.9999, match.High},                         // not all met: High, never Exact
		{3, 2, nil, 0.6, match.Low},                                // exactly LowFit
		{5999, 4001, nil, 0.5999, match.No},                        // just below LowFit
		{1, 1e6, nil, 1 / (1 + 1e6), match.No},                     // near 0
		// Thresholds(0.5, 0.9)
		{17, 3, []match.Option{match.Thresholds(0.5, 0.9)}, 0.85, match.Low},
		{9, 1, []match.Option{match.Thresholds(0.5, 0.9)}, 0.9, match.High},
		{1, 1, []match.Option{match.Thresholds(0.5, 0.9)}, 0.5, match.Low},
		{49, 51, []match.Option{match.Thresholds(0.5, 0.9)}, 0.49, match.No},
		// low == high is allowed: one cut
		{17, 3, []match.Option{match.Thresholds(0.85, 0.85)}, 0.85, match.High},
		{84, 16, []match.Option{match.Thresholds(0.85, 0.85)}, 0.84, match.No},
		// invalid thresholds are ignored: the defaults stay
		{17, 3, []match.Option{match.Thresholds(0, 0.9)}, 0.85, match.High},
		{3, 2, []match.Option{match.Thresholds(0.7, 0.6)}, 0.6, match.Low},
		{3, 2, []match.Option{match.Thresholds(0.5, 1.1)}, 0.6, match.Low},
		{5999, 4001, []match.Option{match.Thresholds(-1, 0.5)}, 0.5999, match.No},
		// a nil option is ignored
		{17, 3, []match.Option{nil}, 0.85, match.High},
		// later options win
		{17, 3, []match.Option{match.Thresholds(0.5, 0.9), match.Thresholds(0.6, 0.85)}, 0.85, match.High},
	}
	for _, tc := range tests {
		m := match.New(twoReqs(t, tc.wx, tc.wy), tc.opts...)
		got := mustScore(t, m, xOnly, "r")
		if d := cmp.Diff(tc.fit, got.Fit, approx); d != "" {
			t.Errorf("weights %v/%v: fit (-want +got):\n%s", tc.wx, tc.wy, d)
		}
		if got.Confidence != tc.want {
			t.Errorf("weights %v/%v, %d options: fit %v graded %v, want %v", tc.wx, tc.wy, len(tc.opts), got.Fit, got.Confidence, tc.want)
		}
	}
	// Everything met is Exact whatever the thresholds.
	m := match.New(twoReqs(t, 1, 1), match.Thresholds(1, 1))
	if got := mustScore(t, m, person("p", levels{"x": 1, "y": 3}), "r"); got.Confidence != match.Exact || got.Fit != 1 {
		t.Errorf("all met: %v (%v), want 1 (exact)", got.Fit, got.Confidence)
	}
}

// TestConfidenceThresholdRoundoff: a fit that is exactly 3/5 in arithmetic
// must grade Low however the weights are written. Role: x at 5 (weight 3),
// y at 5 (weight 4); profile x 3, y 3: (3·3/5 + 4·3/5) / 7 = 3/5 = 0.60.
func TestConfidenceThresholdRoundoff(t *testing.T) {
	f := custom(t, of("x", "y"), []role.Role{{ID: "r", Name: "R", Requirements: []role.Requirement{
		single("x", 5, 3), single("y", 5, 4),
	}}}, nil)
	got := mustScore(t, match.New(f), person("p", levels{"x": 3, "y": 3}), "r")
	if got.Confidence != match.Low {
		t.Errorf("fit %v (exactly 3/5 by hand) graded %v, want low", got.Fit, got.Confidence)
	}
	if got.Fit < match.LowFit {
		t.Errorf("fit = %v, want 0.6 (every requirement scores 3/5)", got.Fit)
	}
}

func TestConfidenceText(t *testing.T) {
	for c, name := range map[match.Confidence]string{match.No: "no", match.Low: "low", match.High: "high", match.Exact: "exact"} {
		if got := c.String(); got != name {
			t.Errorf("%d.String() = %q, want %q", int(c), got, name)
		}
		b, err := c.MarshalText()
		if err != nil || string(b) != name {
			t.Errorf("%d.MarshalText() = %q, %v; want %q", int(c), b, err, name)
		}
		var back match.Confidence = 99
		if err := back.UnmarshalText(b); err != nil || back != c {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, c)
		}
		j, err := json.Marshal(c)
		if err != nil || string(j) != `"`+name+`"` {
			t.Errorf("json.Marshal(%v) = %s, %v", c, j, err)
		}
		var viaJSON match.Confidence
		if err := json.Unmarshal(j, &viaJSON); err != nil || viaJSON != c {
			t.Errorf("json.Unmarshal(%s) = %v, %v", j, viaJSON, err)
		}
	}
	if got := match.Confidence(7).String(); got != "confidence(7)" {
		t.Errorf("Confidence(7).String() = %q", got)
	}
	if got := match.Confidence(-1).String(); got != "confidence(-1)" {
		t.Errorf("Confidence(-1).String() = %q", got)
	}
	for _, c := range []match.Confidence{-1, 4, 100} {
		if b, err := c.MarshalText(); err == nil || !strings.HasPrefix(err.Error(), "match: ") {
			t.Errorf("Confidence(%d).MarshalText() = %q, %v; want a match: error", int(c), b, err)
		}
	}
	for _, s := range []string{"", "High", "EXACT", "medium", "exact ", " no", "2", "confidence(2)"} {
		c := match.Low
		err := c.UnmarshalText([]byte(s))
		if err == nil || !strings.HasPrefix(err.Error(), "match: ") {
			t.Errorf("UnmarshalText(%q) = %v, want a match: error", s, err)
		}
		if c != match.Low {
			t.Errorf("UnmarshalText(%q) changed the value to %v", s, c)
		}
	}
	var c match.Confidence
	if err := json.Unmarshal([]byte(`2`), &c); err == nil {
		t.Errorf("json.Unmarshal(2) into a Confidence succeeded: %v", c)
	}
}

// ---------------------------------------------------------------------------
// Gaps.

// TestGapOrder checks Gain descending, then first ID, then Part, on a job
// whose parts share requirements and whose own requirement ties with them.
// Roles "role-b" (listed first) and "role-a" each need a at 1 and b at 2
// with weight 1; the job blends both with weight 1 and needs a at 1 with
// weight 0.5 (total 2.5). Empty profile: every gain is 0.2
// (own 0.5/2.5; each role's 1/2 × share 1/2.5).
func TestGapOrder(t *testing.T) {
	f := custom(t, of("a", "b", "c", "d", "e"), []role.Role{
		{ID: "role-b", Name: "B", Requirements: []role.Requirement{single("b", 2, 1), single("a", 1, 1)}},
		{ID: "role-a", Name: "A", Requirements: []role.Requirement{single("a", 1, 1), single("b", 2, 1)}},
		{ID: "grp", Name: "Group", Requirements: []role.Requirement{
			group(2, 3, 1, "c", "d", "e"), // 2 of 3 at 3
			group(0, 3, 1, "e", "d", "c"), // all 3 at 3
		}},
	}, []role.Job{{ID: "job", Title: "Job",
		Roles:        []role.Share{{Role: "role-b", Weight: 1}, {Role: "role-a", Weight: 1}},
		Requirements: []role.Requirement{single("a", 1, 0.5)},
	}})
	m := match.New(f)

	got := mustScore(t, m, profile.Profile{ID: "p"}, "job")
	want := []match.Gap{
		{Part: "", Of: of("a"), Need: 1, Gain: 0.2},
		{Part: "role-a", Of: of("a"), Need: 1, Gain: 0.2},
		{Part: "role-b", Of: of("a"), Need: 1, Gain: 0.2},
		{Part: "role-a", Of: of("b"), Need: 2, Gain: 0.2},
		{Part: "role-b", Of: of("b"), Need: 2, Gain: 0.2},
	}
	if d := cmp.Diff(want, got.Gaps, approx); d != "" {
		t.Errorf("job gaps (-want +got):\n%s", d)
	}

	// b at 1 halves the b gaps: they drop behind the a gaps by gain alone.
	got = mustScore(t, m, person("p", levels{"b": 1}), "job")
	want = []match.Gap{
		{Part: "", Of: of("a"), Need: 1, Gain: 0.2},
		{Part: "role-a", Of: of("a"), Need: 1, Gain: 0.2},
		{Part: "role-b", Of: of("a"), Need: 1, Gain: 0.2},
		{Part: "role-a", Of: of("b"), Have: 1, Need: 2, Gain: 0.1}, // 1/2·(1-1/2)·0.4
		{Part: "role-b", Of: of("b"), Have: 1, Need: 2, Gain: 0.1},
	}
	if d := cmp.Diff(want, got.Gaps, approx); d != "" {
		t.Errorf("job gaps with b at 1 (-want +got):\n%s", d)
	}
	// The part results carry the role's own gaps, unnamed and unscaled.
	for _, pt := range got.Parts {
		wantPart := []match.Gap{{Of: of("a"), Need: 1, Gain: 0.5}, {Of: of("b"), Have: 1, Need: 2, Gain: 0.25}}
		if d := cmp.Diff(wantPart, pt.Result.Gaps, approx); d != "" {
			t.Errorf("part %s gaps (-want +got):\n%s", pt.Role, d)
		}
	}

	// Have for a group is the k-th best level.
	grp := mustScore(t, m, person("p", levels{"c": 5, "d": 1, "e": 2}), "grp")
	wantOut := []match.Outcome{
		// 2 best of min(.,3) = 3, 2: (3+2)/6 = 5/6; 2nd best level 2
		{Of: of("c", "d", "e"), AtLeast: 2, Have: 2, Need: 3, Score: 5.0 / 6, Weight: 1},
		// all three: (3+1+2)/9 = 2/3; 3rd best (the lowest) level 1
		{Of: of("e", "d", "c"), Have: 1, Need: 3, Score: 2.0 / 3, Weight: 1},
	}
	if d := cmp.Diff(wantOut, grp.Outcomes, approx); d != "" {
		t.Errorf("group outcomes (-want +got):\n%s", d)
	}
	wantGaps := []match.Gap{
		{Of: of("e", "d", "c"), Have: 1, Need: 3, Gain: 1.0 / 6},              // 1/2·(1-2/3)
		{Of: of("c", "d", "e"), AtLeast: 2, Have: 2, Need: 3, Gain: 1.0 / 12}, // 1/2·(1-5/6)
	}
	if d := cmp.Diff(wantGaps, grp.Gaps, approx); d != "" {
		t.Errorf("group gaps (-want +got):\n%s", d)
	}
	// Fit (5/6 + 2/3)/2 = 3/4.
	if d := cmp.Diff(0.75, grp.Fit, approx); d != "" {
		t.Errorf("group fit (-want +got):\n%s", d)
	}
}

// TestJobGapsNameTheirPart: every CLO gap comes from an unmet outcome of
// its part (or of the job itself for Part ""), with the gain scaled by the
// part's share.
func TestJobGapsNameTheirPart(t *testing.T) {
	m := match.New(nil)
	for _, p := range []profile.Profile{morgan(), {ID: "empty"}, person("few", levels{aoe.Coaching: 5, competency.ThinkingStrategically: 3})} {
		res := mustScore(t, m, p, role.CLO)
		var want []match.Gap
		for _, o := range res.Outcomes {
			if !o.Met {
				want = append(want, match.Gap{Of: o.Of, AtLeast: o.AtLeast, Have: o.Have, Need: o.Need, Gain: o.Weight / 16 * (1 - o.Score)})
			}
		}
		for _, pt := range res.Parts {
			for _, g := range pt.Result.Gaps {
				g.Part = pt.Role
				g.Gain *= pt.Share
				want = append(want, g)
			}
		}
		byPartAndID := cmpopts.SortSlices(func(a, b match.Gap) bool {
			if a.Part != b.Part {
				return a.Part < b.Part
			}
			return a.Of[0] < b.Of[0] || (a.Of[0] == b.Of[0] && len(a.Of) < len(b.Of))
		})
		if d := cmp.Diff(want, res.Gaps, approx, byPartAndID); d != "" {
			t.Errorf("%s: job gaps vs parts' gaps (-want +got):\n%s", p.ID, d)
		}
		for _, g := range res.Gaps {
			switch g.Part {
			case "", role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist:
			default:
				t.Errorf("%s: gap %v names part %q", p.ID, g.Of, g.Part)
			}
		}
	}
}

// TestGapOrderExactTies: gains that are equal in arithmetic must sort by
// first ID. Profile: measuring-and-evaluating 2, communicating-effectively 1.
// CLO gains:
//
//	learning-strategist/measuring-and-evaluating: 2/21 · (1 - 2/3) · 3/16 = 1/168
//	project-manager/communicating-effectively:    2/14 · (1 - 1/3) · 1/16 = 1/168
//
// so communicating-effectively comes first.
func TestGapOrderExactTies(t *testing.T) {
	m := match.New(nil)
	res := mustScore(t, m, person("p", levels{aoe.MeasuringAndEvaluating: 2, competency.CommunicatingEffectively: 1}), role.CLO)
	pos := func(part role.ID, id competency.ID) int {
		return slices.IndexFunc(res.Gaps, func(g match.Gap) bool { return g.Part == part && g.Of[0] == id && len(g.Of) == 1 })
	}
	ce, me := pos(role.ProjectManager, competency.CommunicatingEffectively), pos(role.LearningStrategist, aoe.MeasuringAndEvaluating)
	if ce < 0 || me < 0 {
		t.Fatalf("gaps missing: %d %d", ce, me)
	}
	if d := cmp.Diff(res.Gaps[ce].Gain, 1.0/168, approx); d != "" {
		t.Errorf("PM communicating gain (-got +want):\n%s", d)
	}
	if d := cmp.Diff(res.Gaps[me].Gain, 1.0/168, approx); d != "" {
		t.Errorf("LS measuring gain (-got +want):\n%s", d)
	}
	if ce > me || res.Gaps[ce].Gain != res.Gaps[me].Gain {
		t.Errorf("gap project-manager/communicating-effectively (gain %v) at %d, learning-strategist/measuring-and-evaluating (gain %v) at %d; both gain 1/168, so the first ID decides",
			res.Gaps[ce].Gain, ce, res.Gaps[me].Gain, me)
	}

	// Six AOEs at 2 (coaching, delivering, designing, improving, knowledge,
	// career planning), nothing else:
	//	(job) 7 of 9 AOEs at 2: the 7 best sum 12 of 14: 2/16 · 1/7 = 1/56
	//	learning-strategist, each of analyzing, driving, influencing (level 3),
	//	facilitating, measuring (AOEs at 0; level 3), weight 2 of 21, have 0:
	//	2/21 · 1 · 3/16 = 1/56
	// Nothing else gains 1/56, so that tier reads, by first ID:
	res = mustScore(t, m, person("p", levels{aoe.Coaching: 2, aoe.DeliveringTraining: 2, aoe.DesigningLearning: 2,
		aoe.ImprovingPerformance: 2, aoe.ManagingKnowledge: 2, aoe.CareerPlanning: 2}), role.CLO)
	type key struct {
		Part  role.ID
		First competency.ID
	}
	var tier []key
	var gains []float64
	for _, g := range res.Gaps {
		if near := g.Gain - 1.0/56; near > -1e-12 && near < 1e-12 {
			tier = append(tier, key{g.Part, g.Of[0]})
			gains = append(gains, g.Gain)
		}
	}
	wantTier := []key{
		{role.LearningStrategist, competency.AnalyzingNeeds},
		{"", aoe.CareerPlanning},
		{role.LearningStrategist, competency.DrivingResults},
		{role.LearningStrategist, aoe.FacilitatingChange},
		{role.LearningStrategist, competency.InfluencingStakeholders},
		{role.LearningStrategist, aoe.MeasuringAndEvaluating},
	}
	if d := cmp.Diff(wantTier, tier); d != "" {
		t.Errorf("gaps gaining 1/56 (-want +got):\n%s", d)
	}
	for _, g := range gains {
		if g != gains[0] {
			t.Errorf("gains equal by hand differ: %v", gains)
			break
		}
	}
}

// ---------------------------------------------------------------------------
// Errors and bad input.

func TestUnknownTarget(t *testing.T) {
	m := match.New(nil)
	p := morgan()
	for _, target := range []role.ID{"no-such-role", "", "coaching", "Learning-Strategist", "learning-strategist "} {
		check := func(op string, err error) {
			t.Helper()
			if !errors.Is(err, match.ErrUnknownTarget) {
				t.Errorf("%s(%q) error = %v, want ErrUnknownTarget", op, target, err)
				return
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "match: ") || !strings.Contains(msg, `"`+string(target)+`"`) {
				t.Errorf("%s(%q) error %q should start with %q and quote the target", op, target, msg, "match: ")
			}
		}
		res, err := m.Score(p, target)
		check("Score", err)
		if d := cmp.Diff(match.Result{}, res); d != "" {
			t.Errorf("Score(%q) returned a result with the error:\n%s", target, d)
		}
		f, err := m.Fit(p, target)
		check("Fit", err)
		if f != 0 {
			t.Errorf("Fit(%q) = %v with the error", target, f)
		}
		r, err := m.Rank([]profile.Profile{p}, target, 1)
		check("Rank", err)
		if r != nil {
			t.Errorf("Rank(%q) = %v with the error", target, r)
		}
		if _, err := m.Rank(nil, target, 0); !errors.Is(err, match.ErrUnknownTarget) {
			t.Errorf("Rank(nil, %q) error = %v", target, err)
		}
	}
}

func TestUnknownIDsAndClamping(t *testing.T) {
	m := match.New(nil)
	base := levels{competency.PlanningAssignments: 4, competency.DrivingResults: 2}
	withUnknown := levels{competency.PlanningAssignments: 4, competency.DrivingResults: 2, "not-a-competency": 5, "Bad ID!": 3, "": 5}
	for _, target := range allTargets {
		want := mustScore(t, m, person("p", base), target)
		got := mustScore(t, m, person("p", withUnknown), target)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: unknown ratings changed the result (-without +with):\n%s", target, d)
		}
	}

	// Many unknown IDs, some close to real ones, change nothing either.
	noise := levels{competency.PlanningAssignments: 4, competency.DrivingResults: 2}
	for i, id := range wlp.Default().IDs() {
		for _, v := range []string{string(id) + "x", "x" + string(id), strings.ToUpper(string(id)), string(id)[:len(id)-1], string(id) + "-2"} {
			noise[competency.ID(v)] = competency.Level(i % 6)
		}
	}
	for i := range 600 {
		noise[competency.ID(fmt.Sprintf("unknown-%d", i))] = 5
		noise[competency.ID(fmt.Sprintf("%c%d", 'a'+i%26, i))] = 5
	}
	for _, target := range allTargets {
		want := mustScore(t, m, person("p", base), target)
		got := mustScore(t, m, person("p", noise), target)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: %d unknown ratings changed the result (-without +with):\n%s", target, len(noise)-2, d)
		}
	}

	tests := []struct {
		name  string
		level competency.Level
		same  competency.Level
	}{
		{"9 counts as 5", 9, 5},
		{"6 counts as 5", 6, 5},
		{"-3 counts as 0", -3, 0},
		{"-1 counts as 0", -1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, target := range allTargets {
				off, on := levels{}, levels{}
				for _, id := range wlp.Default().IDs() {
					off[id], on[id] = tc.level, tc.same
				}
				off[competency.DrivingResults], on[competency.DrivingResults] = 2, 2
				want := mustScore(t, m, person("p", on), target)
				got := mustScore(t, m, person("p", off), target)
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("%s (-on scale +off scale):\n%s", target, d)
				}
				if got.Fit < 0 || got.Fit > 1 {
					t.Errorf("%s: fit %v outside [0, 1]", target, got.Fit)
				}
			}
		})
	}
	// The clamped level is what Have reports.
	got := mustScore(t, m, person("p", levels{competency.PlanningAssignments: 9, competency.DrivingResults: -3}), role.ProjectManager)
	if got.Outcomes[0].Have != 5 || got.Outcomes[1].Have != 0 {
		t.Errorf("Have = %d, %d; want 5 (from 9) and 0 (from -3)", got.Outcomes[0].Have, got.Outcomes[1].Have)
	}
	// Everything at 9 meets everything; everything at -3 meets nothing.
	hi, lo := levels{}, levels{}
	for _, id := range wlp.Default().IDs() {
		hi[id], lo[id] = 9, -3
	}
	for _, target := range allTargets {
		if r := mustScore(t, m, person("hi", hi), target); r.Fit != 1 || r.Confidence != match.Exact {
			t.Errorf("%s all at 9: %v (%v), want 1 (exact)", target, r.Fit, r.Confidence)
		}
		if r := mustScore(t, m, person("lo", lo), target); r.Fit != 0 || r.Confidence != match.No {
			t.Errorf("%s all at -3: %v (%v), want 0 (no)", target, r.Fit, r.Confidence)
		}
	}
}

// ---------------------------------------------------------------------------
// Ownership and construction.

func TestNewNilIsDefault(t *testing.T) {
	a, b := match.New(nil), match.New(wlp.Default())
	if a.Framework() != wlp.Default() {
		t.Errorf("New(nil).Framework() is not wlp.Default()")
	}
	for _, target := range allTargets {
		if d := cmp.Diff(mustScore(t, b, morgan(), target), mustScore(t, a, morgan(), target)); d != "" {
			t.Errorf("%s: New(nil) differs from New(Default()):\n%s", target, d)
		}
	}
}

// TestResultIsFresh: changing a returned Result in every way Result
// allows changes nothing in later results; so does writing through the
// Of lists of a clone.
func TestResultIsFresh(t *testing.T) {
	m := match.New(nil)
	p := morgan()
	// keep is a snapshot that shares nothing, whatever happens below.
	keep, err := json.Marshal(mustScore(t, m, p, role.CLO))
	if err != nil {
		t.Fatal(err)
	}
	first := mustScore(t, m, p, role.CLO)
	for i := range first.Outcomes {
		first.Outcomes[i].Of = append(first.Outcomes[i].Of, "appended")
		first.Outcomes[i].Of[0] = "changed" // in the copy append made
		first.Outcomes[i].Score = -1
	}
	for i := range first.Gaps {
		first.Gaps[i].Of = nil
	}
	clone := first.Clone()
	for _, part := range clone.Parts {
		for i := range part.Result.Outcomes {
			part.Result.Outcomes[i].Of[0] = "changed"
		}
		for _, g := range part.Result.Gaps {
			slices.Reverse(g.Of)
		}
	}
	again, err := json.Marshal(mustScore(t, m, p, role.CLO))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(keep), string(again)); d != "" {
		t.Errorf("a changed result leaked into a later one:\n%s", d)
	}
}

// TestResultClone: a clone equals its original and shares no array with
// it.
func TestResultClone(t *testing.T) {
	m := match.New(nil)
	for _, target := range allTargets {
		r := mustScore(t, m, morgan(), target)
		c := r.Clone()
		if d := cmp.Diff(r, c); d != "" {
			t.Fatalf("%s: clone differs (-original +clone):\n%s", target, d)
		}
		var check func(path string, a, b match.Result)
		check = func(path string, a, b match.Result) {
			same := func(what string, x, y any) {
				if reflect.ValueOf(x).Len() > 0 && reflect.ValueOf(x).Pointer() == reflect.ValueOf(y).Pointer() {
					t.Errorf("%s%s: clone shares %s", target, path, what)
				}
			}
			same("Outcomes", a.Outcomes, b.Outcomes)
			same("Gaps", a.Gaps, b.Gaps)
			same("Parts", a.Parts, b.Parts)
			for i := range a.Outcomes {
				same(fmt.Sprintf("Outcomes[%d].Of", i), a.Outcomes[i].Of, b.Outcomes[i].Of)
			}
			for i := range a.Gaps {
				same(fmt.Sprintf("Gaps[%d].Of", i), a.Gaps[i].Of, b.Gaps[i].Of)
			}
			for i := range a.Parts {
				check(fmt.Sprintf("%s/Parts[%d]", path, i), a.Parts[i].Result, b.Parts[i].Result)
			}
		}
		check("", r, c)
	}
	var zero match.Result
	if d := cmp.Diff(zero, zero.Clone()); d != "" {
		t.Errorf("zero Result's clone differs:\n%s", d)
	}
}

// TestScoreDoesNotChangeTheProfile: scoring leaves the profile's ratings,
// off-scale levels included, as they were.
func TestScoreDoesNotChangeTheProfile(t *testing.T) {
	m := match.New(nil)
	p := person("p", levels{competency.PlanningAssignments: 9, competency.DrivingResults: -3, "unknown-id": 4})
	before := p.Clone()
	ps := []profile.Profile{p, morgan()}
	psBefore := []profile.Profile{before, morgan()}
	for _, target := range allTargets {
		mustScore(t, m, p, target)
		m.Fit(p, target)
		m.BestRoles(p)
		if _, err := m.Rank(ps, target, 1); err != nil {
			t.Fatal(err)
		}
	}
	if d := cmp.Diff(psBefore, ps); d != "" {
		t.Errorf("scoring changed the profiles:\n%s", d)
	}
}

func TestRankEdges(t *testing.T) {
	m := match.New(nil)
	for _, k := range []int{-5, 0, 1, 3} {
		got, err := m.Rank(nil, role.CLO, k)
		if err != nil || got == nil || len(got) != 0 {
			t.Errorf("Rank(nil, k=%d) = %#v, %v; want an empty list", k, got, err)
		}
	}
	// k < 0 ranks everyone, like k = 0.
	ps := []profile.Profile{person("b", levels{aoe.Coaching: 5}), morgan(), person("a", levels{aoe.Coaching: 5})}
	all, _ := m.Rank(ps, role.ProfessionalSpecialist, 0)
	neg, _ := m.Rank(ps, role.ProfessionalSpecialist, -1)
	if d := cmp.Diff(all, neg); d != "" {
		t.Errorf("k=-1 differs from k=0:\n%s", d)
	}
	// morgan: PS 0.8375 > a = b = 0.5 (coaching 5 alone: 4/8); a before b.
	var ids []string
	for _, r := range all {
		ids = append(ids, r.Profile)
	}
	if d := cmp.Diff([]string{"morgan", "a", "b"}, ids); d != "" {
		t.Errorf("ranking (-want +got):\n%s", d)
	}
	// Equal fits and equal profile IDs keep their input order. Project
	// manager: delivering-training 2 of 2 (weight 1) and building-trust 3 of
	// 3 (weight 1) both fit 1/14, with different outcomes.
	x1 := person("x", levels{aoe.DeliveringTraining: 2})
	x2 := person("x", levels{competency.BuildingTrust: 3})
	r1, r2 := mustScore(t, m, x1, role.ProjectManager), mustScore(t, m, x2, role.ProjectManager)
	if r1.Fit != r2.Fit || cmp.Diff(r1, r2) == "" {
		t.Fatalf("fits %v, %v: want equal fits, different results", r1.Fit, r2.Fit)
	}
	for _, k := range []int{0, 1, 2} {
		for _, in := range [][]profile.Profile{{x1, x2}, {x2, x1}} {
			got, _ := m.Rank(in, role.ProjectManager, k)
			want := []match.Ranked{{Profile: "x", Result: mustScore(t, m, in[0], role.ProjectManager)}, {Profile: "x", Result: mustScore(t, m, in[1], role.ProjectManager)}}
			if k == 1 {
				want = want[:1]
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("k=%d: equal IDs out of input order (-want +got):\n%s", k, d)
			}
		}
	}
}

// TestRankExactTies: people whose fits are equal in arithmetic rank by
// profile ID. Project manager (total 14):
//
//	a: delivering-training 2 (1·1), managing-the-learning-function 2 (2·2/3): (1 + 4/3)/14 = 1/6
//	b: demonstrating-adaptability 1 (1·1/3), managing-the-learning-function 3 (2·1): (1/3 + 2)/14 = 1/6
func TestRankExactTies(t *testing.T) {
	m := match.New(nil)
	a := person("a", levels{aoe.DeliveringTraining: 2, aoe.ManagingLearningFunction: 2})
	b := person("b", levels{competency.DemonstratingAdaptability: 1, aoe.ManagingLearningFunction: 3})
	for _, p := range []profile.Profile{a, b} {
		if f, _ := m.Fit(p, role.ProjectManager); cmp.Diff(1.0/6, f, approx) != "" {
			t.Errorf("%s: fit %v, want 1/6", p.ID, f)
		}
	}
	got, err := m.Rank([]profile.Profile{b, a}, role.ProjectManager, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Profile != "a" || got[1].Profile != "b" || got[0].Result.Fit != got[1].Result.Fit {
		t.Errorf("Rank = [%s %v, %s %v]; both fit 1/6, so a (the lower ID) comes first, with equal fits",
			got[0].Profile, got[0].Result.Fit, got[1].Profile, got[1].Result.Fit)
	}
}

// ---------------------------------------------------------------------------
// JSON.

// keys collects every object key of a decoded JSON value.
func keys(v any, into map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			into[k] = true
			keys(x, into)
		}
	case []any:
		for _, x := range v {
			keys(x, into)
		}
	}
}

func TestResultJSON(t *testing.T) {
	m := match.New(nil)
	ps := mustScore(t, m, person("sam", levels{aoe.Coaching: 3, competency.ModelingPersonalDevelopment: 4}), role.ProfessionalSpecialist)
	clo := mustScore(t, m, morgan(), role.CLO)
	exact := mustScore(t, m, person("p", minimal(wlp.Default(), role.BusinessPartner)), role.BusinessPartner)
	empty := mustScore(t, m, profile.Profile{ID: "e"}, role.CLO)

	for name, res := range map[string]match.Result{"role": ps, "job": clo, "exact": exact, "empty": empty} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			var back match.Result
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("decode: %v\n%s", err, b)
			}
			if d := cmp.Diff(res, back); d != "" {
				t.Errorf("round trip (-before +after):\n%s", d)
			}
			var doc any
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			ks := map[string]bool{}
			keys(doc, ks)
			for k := range ks {
				if k == "" || !unicode.IsLower(rune(k[0])) || strings.ContainsAny(k, "_- ") {
					t.Errorf("key %q is not lowerCamelCase", k)
				}
			}
		})
	}

	var doc map[string]any
	b, _ := json.Marshal(clo)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	ks := map[string]bool{}
	keys(doc, ks)
	for _, k := range []string{"target", "kind", "name", "fit", "confidence", "outcomes", "gaps", "parts", "of", "atLeast", "have", "need", "score", "weight", "met", "gain", "part", "role", "share", "result"} {
		if !ks[k] {
			t.Errorf("CLO result JSON lacks key %q:\n%s", k, b)
		}
	}
	if doc["confidence"] != "high" || doc["kind"] != "job" || doc["target"] != "chief-learning-officer" {
		t.Errorf("confidence, kind, target = %v, %v, %v", doc["confidence"], doc["kind"], doc["target"])
	}
	parts := doc["parts"].([]any)
	if p0 := parts[0].(map[string]any); p0["role"] != "learning-strategist" || p0["share"] != 0.1875 || p0["weight"] != 3.0 {
		t.Errorf("first part = %v", p0)
	}

	// A role's result has no parts; a single requirement has no atLeast; a
	// gap of the target's own requirements has no part.
	b, _ = json.Marshal(ps)
	var roleDoc map[string]any
	if err := json.Unmarshal(b, &roleDoc); err != nil {
		t.Fatal(err)
	}
	if _, ok := roleDoc["parts"]; ok {
		t.Errorf("role result has parts: %s", b)
	}
	outs := roleDoc["outcomes"].([]any)
	if _, ok := outs[0].(map[string]any)["atLeast"]; !ok {
		t.Errorf("group outcome lacks atLeast: %v", outs[0])
	}
	if _, ok := outs[1].(map[string]any)["atLeast"]; ok {
		t.Errorf("single outcome has atLeast: %v", outs[1])
	}
	for _, g := range roleDoc["gaps"].([]any) {
		if _, ok := g.(map[string]any)["part"]; ok {
			t.Errorf("role gap has a part: %v", g)
		}
	}
	// No gaps is an empty list, not null.
	b, _ = json.Marshal(exact)
	if !strings.Contains(string(b), `"gaps":[]`) || !strings.Contains(string(b), `"confidence":"exact"`) {
		t.Errorf("exact result JSON: %s", b)
	}

	// Ranked encodes as {"profile": ID, "result": {...}}.
	r, _ := m.Rank([]profile.Profile{morgan()}, role.ProjectManager, 0)
	b, _ = json.Marshal(r)
	var ranked []map[string]any
	if err := json.Unmarshal(b, &ranked); err != nil || len(ranked) != 1 || ranked[0]["profile"] != "morgan" || ranked[0]["result"] == nil {
		t.Errorf("Ranked JSON = %s (%v)", b, err)
	}
	var rback []match.Ranked
	if err := json.Unmarshal(b, &rback); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(r, rback); d != "" {
		t.Errorf("Ranked round trip (-before +after):\n%s", d)
	}
}

// ---------------------------------------------------------------------------
// Other frameworks.

// TestOtherFrameworks scores frameworks unlike the default: one with more
// rated IDs than a level vector holds on the stack, one whose IDs differ
// only in letters a quick hash may not look at, and one with no roles.
func TestOtherFrameworks(t *testing.T) {
	t.Run("150 IDs", func(t *testing.T) {
		var ids []competency.ID
		for i := range 150 {
			ids = append(ids, competency.ID(fmt.Sprintf("c%03d", i)))
		}
		f := custom(t, ids, []role.Role{
			{ID: "wide", Name: "Wide", Requirements: []role.Requirement{group(100, 3, 1, ids...), single("c149", 5, 1)}},
			{ID: "narrow", Name: "Narrow", Requirements: []role.Requirement{single("c000", 1, 1)}},
		}, []role.Job{{ID: "both", Title: "Both", Roles: []role.Share{{Role: "wide", Weight: 1}, {Role: "narrow", Weight: 1}}}})
		m := match.New(f)
		ls := levels{"c149": 4}
		for _, id := range ids[:100] {
			ls[id] = 3
		}
		// group: the 100 best are 3 or more: 1; c149 4 of 5: 0.8; fit (1 + 0.8)/2 = 0.9
		got := mustScore(t, m, person("p", ls), "wide")
		if d := cmp.Diff(0.9, got.Fit, approx); d != "" {
			t.Errorf("wide fit (-want +got):\n%s", d)
		}
		// c000 is 3: narrow met; both = (0.9 + 1)/2 = 0.95
		if fit, _ := m.Fit(person("p", ls), "both"); cmp.Diff(0.95, fit, approx) != "" {
			t.Errorf("job fit %v, want 0.95", fit)
		}
		// 99 at 3, the rest 0: group 99·3/300 = 0.99; c149 0: fit 0.495
		delete(ls, "c099")
		delete(ls, "c149")
		ps := []profile.Profile{person("low", ls), person("high", levels{"c149": 5, "c000": 1}), person("none", nil)}
		ranked, err := m.Rank(ps, "wide", 0)
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		var fits []float64
		for _, r := range ranked {
			order = append(order, r.Profile)
			fits = append(fits, r.Result.Fit)
		}
		// high: group (c149 min(5,3) = 3, c000 1) 4/300, c149 met:
		// (4/300 + 1)/2 = 304/600 ≈ 0.50667
		if d := cmp.Diff([]string{"high", "low", "none"}, order); d != "" {
			t.Errorf("ranking (-want +got):\n%s", d)
		}
		if d := cmp.Diff([]float64{304.0 / 600, 0.495, 0}, fits, approx); d != "" {
			t.Errorf("ranked fits (-want +got):\n%s", d)
		}
		best := m.BestRoles(person("high", levels{"c149": 5, "c000": 1}))
		if len(best) != 2 || best[0].Target != "narrow" || best[0].Confidence != match.Exact {
			t.Errorf("BestRoles = %v", best)
		}
	})

	t.Run("IDs that differ in one inner letter", func(t *testing.T) {
		var ids []competency.ID
		for _, c := range "abcdefghijklmnopqrstuvwxyz0123456789" {
			ids = append(ids, competency.ID("q"+string(c)+"zzzzzzzz"))
		}
		f := custom(t, ids, []role.Role{{ID: "r", Name: "R", Requirements: []role.Requirement{
			single(ids[0], 4, 1), single(ids[1], 4, 1), group(2, 2, 2, ids[2:]...),
		}}}, nil)
		m := match.New(f)
		// ids[0] unrated: 0; ids[1] 4: 1; group: ids[5] 2 and ids[30] 1:
		// (2+1)/4 = 0.75, 2nd best 1; fit (0 + 1 + 2·0.75)/4 = 0.625.
		// "q!zzzzzzzz" and "q-zzzzzzzz" are no IDs of the framework, though
		// they look like all of them.
		p := person("p", levels{ids[1]: 4, ids[5]: 2, ids[30]: 1, "q!zzzzzzzz": 5, "q-zzzzzzzz": 5})
		got := mustScore(t, m, p, "r")
		if d := cmp.Diff(0.625, got.Fit, approx); d != "" {
			t.Errorf("fit (-want +got):\n%s", d)
		}
		wantOut := []match.Outcome{
			{Of: of(ids[0]), Have: 0, Need: 4, Score: 0, Weight: 1},
			{Of: of(ids[1]), Have: 4, Need: 4, Score: 1, Weight: 1, Met: true},
			{Of: ids[2:], AtLeast: 2, Have: 1, Need: 2, Score: 0.75, Weight: 2},
		}
		if d := cmp.Diff(wantOut, got.Outcomes, approx); d != "" {
			t.Errorf("outcomes (-want +got):\n%s", d)
		}
	})

	t.Run("no roles", func(t *testing.T) {
		f := custom(t, of("x"), nil, nil)
		m := match.New(f)
		if got := m.BestRoles(person("p", levels{"x": 3})); got == nil || len(got) != 0 {
			t.Errorf("BestRoles = %#v, want an empty list", got)
		}
		if _, err := m.Score(person("p", nil), "x"); !errors.Is(err, match.ErrUnknownTarget) {
			t.Errorf("Score error = %v", err)
		}
	})
}

// TestTinyWeightGap: a requirement whose whole weight is near the fit's
// precision (the smallest weight against the largest) still makes its
// role inexact and still is a gap.
func TestTinyWeightGap(t *testing.T) {
	f := twoReqs(t, wlp.MaxWeight, wlp.MinWeight)
	got := mustScore(t, match.New(f), person("p", levels{"x": 1}), "r")
	if got.Confidence == match.Exact || len(got.Gaps) != 1 || got.Gaps[0].Of[0] != "y" {
		t.Errorf("confidence %v, gaps %+v; want not exact, with y as the one gap", got.Confidence, got.Gaps)
	}
	if got.Fit > 1 || got.Fit < 1-1e-12 {
		t.Errorf("fit %v, want within 1e-12 below 1", got.Fit)
	}
	for _, g := range got.Gaps {
		if g.Gain <= 0 {
			t.Errorf("gap %v gains %v; an unmet requirement always gains something", g.Of, g.Gain)
		}
	}
}

// TestSharedOfIsFull checks the promise Result makes of its shared Of
// lists: each is full to capacity, so appending to one copies it and
// leaves the Matcher's list, and so later results, as they were.
func TestSharedOfIsFull(t *testing.T) {
	// Seventeen IDs take 272 bytes, which an allocation rounds up to 288:
	// a plain copy would have room for an eighteenth.
	var ids []competency.ID
	for i := range 17 {
		ids = append(ids, competency.ID(fmt.Sprintf("skill-%02d", i)))
	}
	wide := custom(t, ids, []role.Role{{ID: "wide", Name: "Wide", Requirements: []role.Requirement{group(3, 4, 1, ids...), single(ids[0], 2, 1)}}}, nil)
	for _, c := range []struct {
		m       *match.Matcher
		p       profile.Profile
		targets []role.ID
	}{
		{match.New(nil), person("dana", levels{competency.BuildingTrust: 2}), allTargets},
		{match.New(wide), person("lee", levels{ids[3]: 1}), []role.ID{"wide"}},
	} {
		sharedOfIsFull(t, c.m, c.p, c.targets)
	}
}

func sharedOfIsFull(t *testing.T, m *match.Matcher, p profile.Profile, targets []role.ID) {
	t.Helper()
	for _, target := range targets {
		before := mustScore(t, m, p, target)
		want := mustScore(t, m, p, target)
		var lists [][]competency.ID
		for _, o := range before.Outcomes {
			lists = append(lists, o.Of)
		}
		for _, part := range before.Parts {
			for _, o := range part.Result.Outcomes {
				lists = append(lists, o.Of)
			}
		}
		for _, g := range before.Gaps {
			lists = append(lists, g.Of)
		}
		for _, of := range lists {
			if len(of) != cap(of) {
				t.Fatalf("%s: Of %v has len %d, cap %d", target, of, len(of), cap(of))
			}
			_ = append(of, "appended")
		}
		if diff := cmp.Diff(want, mustScore(t, m, p, target)); diff != "" {
			t.Errorf("%s: result changed after appending to its Of lists (-want +got):\n%s", target, diff)
		}
	}
}
