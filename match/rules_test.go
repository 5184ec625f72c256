package match_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/role"
)

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

// TestInvariantMonotoneOnRandomFrameworks: raising one rating never
// lowers a fit, on frameworks unlike the default.
func TestInvariantMonotoneOnRandomFrameworks(t *testing.T) {
	rng := fixedRNG(6)
	for _, nf := range testFrameworks(t) {
		name, f := nf.name, nf.f
		for _, m := range []*match.Matcher{match.New(f), match.New(f, match.Strict())} {
			ids := f.IDs()
			for _, p := range richPeople(rng, f, 10) {
				id := ids[rng.IntN(len(ids))]
				for l := competency.Level(0); l < competency.MaxLevel; l++ {
					lo, hi := withLevel(p, id, l), withLevel(p, id, l+1)
					for _, target := range targetsOf(f) {
						a, _ := m.Fit(lo, target)
						b, _ := m.Fit(hi, target)
						if b < a {
							t.Fatalf("%s %s: raising %s from %d to %d lowered the fit from %v to %v", name, target, id, l, l+1, a, b)
						}
					}
				}
			}
		}
	}
}

func TestPropertyFitInRange(t *testing.T) {
	m := match.New(nil)
	for _, p := range randomPeople(fixedRNG(1), wlp.Default(), 500, 4) {
		for _, target := range allTargets {
			r := mustScore(t, m, p, target)
			if !(r.Fit >= 0 && r.Fit <= 1) {
				t.Fatalf("%s %s: fit %v outside [0, 1]", p.ID, target, r.Fit)
			}
			for _, o := range r.Outcomes {
				if !(o.Score >= 0 && o.Score <= 1) || o.Met != (o.Score == 1) {
					t.Fatalf("%s %s: outcome %v score %v met %v", p.ID, target, o.Of, o.Score, o.Met)
				}
			}
			if (r.Confidence == match.Exact) != (r.Fit == 1 && len(r.Gaps) == 0) {
				t.Fatalf("%s %s: confidence %v with fit %v and %d gaps", p.ID, target, r.Confidence, r.Fit, len(r.Gaps))
			}
		}
	}
}

// TestPropertyMonotone: raising any one rating by one level never lowers
// any fit.
func TestPropertyMonotone(t *testing.T) {
	f := wlp.Default()
	for _, strict := range []bool{false, true} {
		var opts []match.Option
		if strict {
			opts = append(opts, match.Strict())
		}
		m := match.New(f, opts...)
		for _, p := range randomPeople(fixedRNG(1), f, 300, 4) {
			for _, id := range f.IDs() {
				l := p.Level(id)
				if l >= competency.MaxLevel {
					continue
				}
				up := withLevel(p, id, l+1)
				for _, target := range allTargets {
					before, _ := m.Fit(p, target)
					after, _ := m.Fit(up, target)
					if after < before {
						t.Fatalf("strict=%v %s %s: raising %s from %d to %d lowered the fit from %v to %v", strict, p.ID, target, id, l, l+1, before, after)
					}
				}
			}
		}
	}
}

// TestPropertyRoleFitIsWeightedMean: a role's fit is Σ weight·score / Σ
// weight over its outcomes, and each gap's gain is weight/Σ weight ·
// (1 - score).
func TestPropertyRoleFitIsWeightedMean(t *testing.T) {
	m := match.New(nil)
	for _, p := range randomPeople(fixedRNG(1), wlp.Default(), 300, 4) {
		for _, target := range allTargets[:4] {
			r := mustScore(t, m, p, target)
			sum, w := 0.0, 0.0
			for _, o := range r.Outcomes {
				sum += o.Weight * o.Score
				w += o.Weight
			}
			if !near(r.Fit, sum/w, 1e-12) {
				t.Fatalf("%s %s: fit %v, weighted mean of outcomes %v", p.ID, target, r.Fit, sum/w)
			}
			var unmet int
			for _, o := range r.Outcomes {
				if o.Met {
					continue
				}
				unmet++
				i := slices.IndexFunc(r.Gaps, func(g match.Gap) bool { return slices.Equal(g.Of, o.Of) })
				if i < 0 {
					t.Fatalf("%s %s: no gap for unmet %v", p.ID, target, o.Of)
				}
				g := r.Gaps[i]
				if g.Part != "" || g.Have != o.Have || g.Need != o.Need || g.AtLeast != o.AtLeast || !near(g.Gain, o.Weight/w*(1-o.Score), 1e-12) {
					t.Fatalf("%s %s: gap %+v for outcome %+v", p.ID, target, g, o)
				}
			}
			if unmet != len(r.Gaps) {
				t.Fatalf("%s %s: %d unmet outcomes, %d gaps", p.ID, target, unmet, len(r.Gaps))
			}
		}
	}
}

// TestPropertyGainIsExact: for every role, closing one single-ID gap (or a
// group gap, by raising its whole group) raises the role's fit by exactly
// the gap's Gain.
func TestPropertyGainIsExact(t *testing.T) {
	f := wlp.Default()
	for _, strict := range []bool{false, true} {
		var opts []match.Option
		if strict {
			opts = append(opts, match.Strict())
		}
		m := match.New(f, opts...)
		checked := 0
		for _, p := range randomPeople(fixedRNG(1), f, 300, 4) {
			for _, target := range allTargets[:4] {
				r := mustScore(t, m, p, target)
				for _, g := range r.Gaps {
					q := p
					for _, id := range g.Of {
						q = withLevel(q, id, max(g.Need, q.Level(id)))
					}
					after, _ := m.Fit(q, target)
					if !near(after-r.Fit, g.Gain, 1e-9) {
						t.Fatalf("strict=%v %s %s: closing %v (have %d, need %d) raised the fit by %v, gap says %v",
							strict, p.ID, target, g.Of, g.Have, g.Need, after-r.Fit, g.Gain)
					}
					checked++
				}
			}
		}
		if checked < 1000 {
			t.Errorf("strict=%v: only %d gaps checked", strict, checked)
		}
	}
}

// TestPropertyJobIsWeightedMean: a job's fit is the weighted mean of its
// parts' fits and its own outcomes' scores, each part's Share is its
// weight over the total, and the job's gap gains are the job's shares of
// the parts' gains.
func TestPropertyJobIsWeightedMean(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	job, _ := f.Job(role.CLO)
	for _, p := range randomPeople(fixedRNG(1), f, 300, 4) {
		r := mustScore(t, m, p, role.CLO)
		if len(r.Parts) != len(job.Roles) || len(r.Outcomes) != len(job.Requirements) {
			t.Fatalf("%d parts, %d outcomes", len(r.Parts), len(r.Outcomes))
		}
		sum, w := 0.0, 0.0
		for i, pt := range r.Parts {
			if pt.Role != job.Roles[i].Role || pt.Weight != job.Roles[i].Weight {
				t.Fatalf("part %d = %s %v, want %s %v", i, pt.Role, pt.Weight, job.Roles[i].Role, job.Roles[i].Weight)
			}
			sum += pt.Weight * pt.Result.Fit
			w += pt.Weight
		}
		for _, o := range r.Outcomes {
			sum += o.Weight * o.Score
			w += o.Weight
		}
		if w != 16 {
			t.Fatalf("CLO total weight %v, want 16", w)
		}
		if !near(r.Fit, sum/w, 1e-12) {
			t.Fatalf("%s: CLO fit %v, weighted mean of parts %v", p.ID, r.Fit, sum/w)
		}
		shares := 0.0
		for _, pt := range r.Parts {
			if !near(pt.Share, pt.Weight/w, 1e-15) {
				t.Fatalf("part %s share %v, want %v", pt.Role, pt.Share, pt.Weight/w)
			}
			shares += pt.Share
			if d := diff(mustScore(t, m, p, pt.Role), pt.Result); d != "" {
				t.Fatalf("%s: part %s differs from the role's own result:\n%s", p.ID, pt.Role, d)
			}
		}
		for _, o := range r.Outcomes {
			shares += o.Weight / w
		}
		if !near(shares, 1, 1e-12) {
			t.Fatalf("shares sum to %v", shares)
		}
	}
}
