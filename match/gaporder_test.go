package match_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

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

// TestGapOrderAgreesWithSort checks the gap order New fixes, which puts
// gaps in order without sorting them, against sorting them: on the
// default framework and random ones, linear and strict, every result
// must be the same both ways.
func TestGapOrderAgreesWithSort(t *testing.T) {
	rng := fixedRNG(6)
	for _, nf := range testFrameworks(t) {
		for _, opts := range [][]match.Option{nil, {match.Strict()}} {
			ordered, sorted := match.New(nf.f, opts...), match.New(nf.f, opts...)
			match.SortGaps(sorted)
			targets := targetsOf(nf.f)
			for _, target := range targets {
				if match.GapOrderWords(ordered, target) == 0 {
					t.Fatalf("%s %s: no gap order; these targets are small enough for one", nf.name, target)
				}
			}
			for _, p := range richPeople(rng, nf.f, 40) {
				for _, target := range targets {
					want := mustScore(t, sorted, p, target)
					if d := diff(want, mustScore(t, ordered, p, target)); d != "" {
						t.Fatalf("%s %s %s (strict %v): gap order and sort differ (-sort +order):\n%s", nf.name, p.ID, target, opts != nil, d)
					}
				}
			}
		}
	}
}

// TestHugeGroup scores a requirement too large for the tables New builds
// (a group whose states, and whose job's gap order, would not fit): its
// scores are worked out as scoring goes, and its gaps sorted.
func TestHugeGroup(t *testing.T) {
	var ids []competency.ID
	for i := range 1200 {
		ids = append(ids, competency.ID(fmt.Sprintf("skill-%04d", i)))
	}
	big := group(1000, 5, 2, ids[5:]...) // 1000 × 5 credits: 5001 states
	roles := []role.Role{
		{ID: "huge", Name: "Huge", Requirements: []role.Requirement{big, single(ids[0], 3, 1), single(ids[1], 4, 1)}},
		{ID: "small", Name: "Small", Requirements: []role.Requirement{single(ids[2], 2, 1), single(ids[3], 5, 3)}},
	}
	jobs := []role.Job{{ID: "job", Title: "Job", Roles: []role.Share{{Role: "huge", Weight: 1}, {Role: "small", Weight: 2}}, Requirements: []role.Requirement{single(ids[4], 1, 1)}}}
	f := custom(t, ids, roles, jobs)
	m := match.New(f)
	for _, target := range []role.ID{"huge", "job"} {
		if w := match.GapOrderWords(m, target); w != 0 {
			t.Fatalf("%s: gap order of %d words, want none", target, w)
		}
	}
	if w := match.GapOrderWords(m, "small"); w == 0 {
		t.Fatalf("small: no gap order")
	}
	ls := levels{ids[0]: 1, ids[1]: 4, ids[3]: 2}
	for i := range 600 {
		ls[ids[10+i]] = 5 // 600 of the 1000 at 5
	}
	for i := range 300 {
		ls[ids[700+i]] = 2 // and 300 more at 2: the k-th best is 0
	}
	p := person("wide", ls)
	res := mustScore(t, m, p, "huge")
	// The group earns (600×5 + 300×2 + 100×0) / (1000×5) = 3600/5000.
	wantGroup := 3600.0 / 5000
	if got := res.Outcomes[0].Score; got != wantGroup {
		t.Errorf("group score = %v, want %v", got, wantGroup)
	}
	// Fit: (2×0.72 + 1×1/3 + 1×1) / 4; the gaps: the group (gain
	// 2×0.28/4 = 0.14) after skill-0000 (1×2/3/4 ≈ 0.1667).
	wantFit := (2*wantGroup + 1.0/3 + 1) / 4
	if d := res.Fit - wantFit; d > 1e-12 || d < -1e-12 {
		t.Errorf("fit = %v, want %v", res.Fit, wantFit)
	}
	var got []string
	for _, g := range res.Gaps {
		got = append(got, fmt.Sprintf("%s:%d:%.6f", g.Of[0], len(g.Of), g.Gain))
	}
	want := []string{"skill-0000:1:0.166667", "skill-0005:1195:0.140000"}
	if d := diff(want, got); d != "" {
		t.Errorf("gaps (-want +got):\n%s", d)
	}
	// The job's gaps interleave the huge part's sorted gaps with the small
	// part's and its own: all in one order.
	jr := mustScore(t, m, p, "job")
	for i := 1; i < len(jr.Gaps); i++ {
		a, b := jr.Gaps[i-1], jr.Gaps[i]
		if a.Gain < b.Gain || (a.Gain == b.Gain && a.Of[0] > b.Of[0]) {
			t.Errorf("job gaps out of order at %d: %+v before %+v", i, a, b)
		}
	}
	if len(jr.Gaps) != 5 {
		t.Errorf("job has %d gaps, want 5 (2 in huge, 2 in small, 1 own): %+v", len(jr.Gaps), jr.Gaps)
	}
}
