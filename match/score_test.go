package match_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
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

// TestScoreFitAgree checks that Score's fit is Fit's to the last bit, on
// every target of the default and random frameworks, and on a job whose
// sum, taken in another order, rounds differently (0.377777777778 in
// place of 0.377777777777): Rank and Team compare fits from Fit with
// fits from Score.
func TestScoreFitAgree(t *testing.T) {
	f := custom(t, []competency.ID{"aaa", "bbb", "ccc"}, []role.Role{
		{ID: "ra", Name: "A", Requirements: []role.Requirement{single("bbb", 5, 1)}},
		{ID: "rb", Name: "B", Requirements: []role.Requirement{single("ccc", 3, 1)}},
	}, []role.Job{{ID: "job", Title: "Job", Roles: []role.Share{{Role: "ra", Weight: 0.2}, {Role: "rb", Weight: 2}}, Requirements: []role.Requirement{single("aaa", 2, 0.2)}}})
	frameworks := append(testFrameworks(t), namedFramework{"order", f})
	rng := fixedRNG(6)
	for _, nf := range frameworks {
		m := match.New(nf.f)
		ps := richPeople(rng, nf.f, 30)
		ps = append(ps, person("order", levels{"aaa": 2, "bbb": 1, "ccc": 1}))
		for _, target := range targetsOf(nf.f) {
			for _, p := range ps {
				fit, err := m.Fit(p, target)
				if err != nil {
					t.Fatal(err)
				}
				if got := mustScore(t, m, p, target).Fit; got != fit {
					t.Errorf("%s %s %s: Score().Fit = %v, Fit = %v", nf.name, p.ID, target, got, fit)
				}
			}
		}
	}
	m := match.New(f)
	if got := mustScore(t, m, person("order", levels{"aaa": 2, "bbb": 1, "ccc": 1}), "job").Fit; got != 0.377777777777 {
		t.Errorf("job fit = %v, want 0.377777777777 ((0.2 + 0.2×0.2 + 2×1/3) / 2.4, rounded)", got)
	}
}

// BenchmarkScore scores one profile against one role with the full
// explanation. Target on a 2-core machine of this project's CI class:
// under 1 µs and at most 3 allocations per call. It makes 2: the outcomes
// and the gaps (their ID lists are the Matcher's own).
func BenchmarkScore(b *testing.B) {
	m := match.New(wlp.Default())
	p := randomProfiles(wlp.Default(), 1, 3)[0]
	b.ReportAllocs()
	for b.Loop() {
		r, err := m.Score(p, role.BusinessPartner)
		if err != nil {
			b.Fatal(err)
		}
		sink += r.Fit
	}
}

// BenchmarkScorePopulation scores people in turn from a population of
// 10,000 against each role, as a service scoring many people does: their
// rating maps are mostly out of the CPU's caches and their gaps differ
// from call to call, unlike BenchmarkScore's one warm profile, whose
// target (under 1 µs) it shows in harder conditions.
func BenchmarkScorePopulation(b *testing.B) {
	m := match.New(wlp.Default())
	ps := randomProfiles(wlp.Default(), 10_000, 11)
	for _, id := range []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist} {
		b.Run(string(id), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				r, err := m.Score(ps[i], id)
				if err != nil {
					b.Fatal(err)
				}
				sink += r.Fit
				if i++; i == len(ps) {
					i = 0
				}
			}
		})
	}
}

// BenchmarkScoreJob scores one profile against the CLO job, parts and all.
func BenchmarkScoreJob(b *testing.B) {
	m := match.New(wlp.Default())
	p := randomProfiles(wlp.Default(), 1, 3)[0]
	b.ReportAllocs()
	for b.Loop() {
		r, _ := m.Score(p, role.CLO)
		sink += r.Fit
	}
}

// BenchmarkFit is the fit alone, the inner loop of Rank: no allocation.
func BenchmarkFit(b *testing.B) {
	for _, id := range []role.ID{role.BusinessPartner, role.CLO} {
		b.Run(string(id), func(b *testing.B) {
			m := match.New(wlp.Default())
			p := randomProfiles(wlp.Default(), 1, 3)[0]
			b.ReportAllocs()
			for b.Loop() {
				f, _ := m.Fit(p, id)
				sink += f
			}
		})
	}
}

// shuffled returns a copy of s with its roles, jobs, competencies and
// areas in a random order, and each job's shares too.
func shuffled(rng *rand.Rand, s wlp.Spec, all bool) wlp.Spec {
	s = s.Clone()
	shuffle := func(n int, swap func(i, j int)) { rng.Shuffle(n, swap) }
	shuffle(len(s.Roles), func(i, j int) { s.Roles[i], s.Roles[j] = s.Roles[j], s.Roles[i] })
	if all {
		shuffle(len(s.Jobs), func(i, j int) { s.Jobs[i], s.Jobs[j] = s.Jobs[j], s.Jobs[i] })
		shuffle(len(s.Competencies), func(i, j int) { s.Competencies[i], s.Competencies[j] = s.Competencies[j], s.Competencies[i] })
		shuffle(len(s.Areas), func(i, j int) { s.Areas[i], s.Areas[j] = s.Areas[j], s.Areas[i] })
	}
	return s
}

// byTarget maps results by target.
func byTarget(rs []match.Result) map[role.ID]match.Result {
	out := make(map[role.ID]match.Result, len(rs))
	for _, r := range rs {
		out[r.Target] = r
	}
	return out
}

// TestInvariantRoleOrder: the order of a framework's roles (and of its
// jobs, competencies and areas) never changes a result, for a role or a
// job, nor the set of BestRoles results; only BestRoles' order among equal
// fits may follow the new order.
func TestInvariantRoleOrder(t *testing.T) {
	rng := fixedRNG(6)
	for _, nf := range testFrameworks(t) {
		name, f := nf.name, nf.f
		m := match.New(f)
		ps := richPeople(rng, f, 15)
		for _, all := range []bool{false, true} {
			for range 3 {
				s := shuffled(rng, f.Spec(), all)
				g, err := wlp.New(s)
				if err != nil {
					t.Fatalf("%s: New of the shuffled spec: %v", name, err)
				}
				m2 := match.New(g)
				for _, p := range ps {
					for _, target := range targetsOf(f) {
						if d := diff(mustScore(t, m, p, target), mustScore(t, m2, p, target)); d != "" {
							t.Fatalf("%s (all kinds shuffled: %v) %s %s: result changed (-before +after):\n%s", name, all, p.ID, target, d)
						}
					}
					b1, b2 := m.BestRoles(p), m2.BestRoles(p)
					if d := diff(byTarget(b1), byTarget(b2)); d != "" || len(b1) != len(b2) {
						t.Fatalf("%s %s: BestRoles changed (-before +after):\n%s", name, p.ID, d)
					}
					for i := 1; i < len(b2); i++ {
						if b2[i-1].Fit < b2[i].Fit {
							t.Fatalf("%s %s: BestRoles out of order", name, p.ID)
						}
					}
				}
			}
		}
	}
}

// TestInvariantRatingOrder: the order of the ratings in a profile
// document, and the order in which a Ratings map is filled, change
// nothing.
func TestInvariantRatingOrder(t *testing.T) {
	rng := fixedRNG(6)
	for _, nf := range testFrameworks(t) {
		name, f := nf.name, nf.f
		m := match.New(f)
		for _, p := range richPeople(rng, f, 10) {
			ids := p.IDs()
			for range 3 {
				rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
				// A document with the ratings in this order.
				var b strings.Builder
				fmt.Fprintf(&b, `{"id":%q,"ratings":{`, p.ID)
				q := profile.Profile{ID: p.ID, Ratings: map[competency.ID]profile.Rating{}}
				for i, id := range ids {
					if i > 0 {
						b.WriteByte(',')
					}
					r := p.Ratings[id]
					fmt.Fprintf(&b, `%q:{"level":%d}`, id, r.Level)
					q.Ratings[id] = profile.Rating{Level: r.Level}
				}
				b.WriteString("}}")
				if len(q.Ratings) == 0 {
					q.Ratings = nil // as Load returns it
				}
				loaded, err := profile.Load(strings.NewReader(b.String()))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if d := diff(q, loaded); d != "" {
					t.Fatalf("%s: the document in another order decoded differently:\n%s", name, d)
				}
				for _, target := range targetsOf(f) {
					want := mustScore(t, m, p, target)
					if d := diff(want, mustScore(t, m, loaded, target)); d != "" {
						t.Fatalf("%s %s %s: rating order changed the result:\n%s", name, p.ID, target, d)
					}
				}
				if d := diff(m.BestRoles(p), m.BestRoles(loaded)); d != "" {
					t.Fatalf("%s %s: rating order changed BestRoles:\n%s", name, p.ID, d)
				}
			}
		}
	}
}

// TestInvariantSameFrameworkSameResults: two matchers of equal frameworks
// (one rebuilt from the other's JSON) give identical results.
func TestInvariantSameFrameworkSameResults(t *testing.T) {
	rng := fixedRNG(6)
	for _, nf := range testFrameworks(t) {
		name, f := nf.name, nf.f
		b, err := f.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		g, err := wlp.Load(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		m1, m2 := match.New(f), match.New(g)
		ps := richPeople(rng, f, 10)
		for _, target := range targetsOf(f) {
			r1, _ := m1.Rank(ps, target, 0)
			r2, _ := m2.Rank(ps, target, 0)
			if d := diff(r1, r2); d != "" {
				t.Fatalf("%s %s: rankings differ:\n%s", name, target, d)
			}
		}
	}
}

func TestPropertyDeterministicAndFitAgrees(t *testing.T) {
	m := match.New(nil)
	for _, p := range randomPeople(fixedRNG(1), wlp.Default(), 300, 4) {
		for _, target := range allTargets {
			a := mustScore(t, m, p, target)
			b := mustScore(t, m, p.Clone(), target)
			if d := diff(a, b); d != "" {
				t.Fatalf("%s %s: two calls differ:\n%s", p.ID, target, d)
			}
			fit, err := m.Fit(p, target)
			if err != nil || fit != a.Fit {
				t.Fatalf("%s %s: Fit = %v, %v; Score().Fit = %v", p.ID, target, fit, err, a.Fit)
			}
			// Gaps are in development order: Gain descending, then first
			// ID, then part.
			if !sort.SliceIsSorted(a.Gaps, func(i, j int) bool {
				x, y := a.Gaps[i], a.Gaps[j]
				if x.Gain != y.Gain {
					return x.Gain > y.Gain
				}
				if x.Of[0] != y.Of[0] {
					return x.Of[0] < y.Of[0]
				}
				return x.Part < y.Part
			}) {
				t.Fatalf("%s %s: gaps out of order: %+v", p.ID, target, a.Gaps)
			}
		}
	}
}

// TestPropertyRatingOrder: the order in which the Ratings map is built
// changes nothing.
func TestPropertyRatingOrder(t *testing.T) {
	m := match.New(nil)
	rng := fixedRNG(1)
	for _, p := range randomPeople(rng, wlp.Default(), 200, 4) {
		ids := p.IDs()
		for range 3 {
			rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
			q := profile.Profile{ID: p.ID, Ratings: make(map[competency.ID]profile.Rating)}
			for _, id := range ids {
				q.Ratings[id] = p.Ratings[id]
			}
			for _, target := range allTargets {
				if d := diff(mustScore(t, m, p, target), mustScore(t, m, q, target)); d != "" {
					t.Fatalf("%s %s: rebuilt ratings changed the result:\n%s", p.ID, target, d)
				}
			}
			if d := diff(m.BestRoles(p), m.BestRoles(q)); d != "" {
				t.Fatalf("%s: rebuilt ratings changed BestRoles:\n%s", p.ID, d)
			}
		}
	}
}
