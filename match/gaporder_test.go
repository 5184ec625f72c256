package match_test

import (
	"fmt"
	"testing"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/role"
)

// TestGapOrderAgreesWithSort checks the gap order New fixes, which puts
// gaps in order without sorting them, against sorting them: on the
// default framework and random ones, linear and strict, every result
// must be the same both ways.
func TestGapOrderAgreesWithSort(t *testing.T) {
	rng := invRNG()
	for _, nf := range invFrameworks(t) {
		for _, opts := range [][]match.Option{nil, {match.Strict()}} {
			ordered, sorted := match.New(nf.f, opts...), match.New(nf.f, opts...)
			match.SortGaps(sorted)
			targets := invTargets(nf.f)
			for _, target := range targets {
				if match.GapOrderWords(ordered, target) == 0 {
					t.Fatalf("%s %s: no gap order; these targets are small enough for one", nf.name, target)
				}
			}
			for _, p := range invPeople(rng, nf.f, 40) {
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
	frameworks := append(invFrameworks(t), invFramework{"order", f})
	rng := invRNG()
	for _, nf := range frameworks {
		m := match.New(nf.f)
		ps := invPeople(rng, nf.f, 30)
		ps = append(ps, person("order", levels{"aaa": 2, "bbb": 1, "ccc": 1}))
		for _, target := range invTargets(nf.f) {
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
