package match_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

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
