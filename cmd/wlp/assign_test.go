package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

// TestOnceEach checks the messages for a role asked for twice.
func TestOnceEach(t *testing.T) {
	f := wlp.Default()
	for _, c := range []struct {
		hats []role.ID
		want string
	}{
		{[]role.ID{role.LearningStrategist, role.BusinessPartner}, ""},
		{[]role.ID{role.CLO}, ""},
		{[]role.ID{role.LearningStrategist, role.LearningStrategist}, `"learning-strategist" is listed twice; list each role once`},
		{[]role.ID{role.CLO, role.CLO}, `"chief-learning-officer" is listed twice; list each role once`},
		{[]role.ID{role.CLO, role.BusinessPartner}, `role "business-partner" is asked for twice, by "chief-learning-officer" and by "business-partner" (a job stands for its roles)`},
		{[]role.ID{role.ProjectManager, role.CLO}, `role "project-manager" is asked for twice, by "project-manager" and by "chief-learning-officer" (a job stands for its roles)`},
	} {
		got := ""
		if err := onceEach(f, c.hats); err != nil {
			if _, ok := err.(usageError); !ok {
				t.Errorf("%v: %T, want a usageError", c.hats, err)
			}
			got = err.Error()
		}
		if diff := gocmp.Diff(c.want, got); diff != "" {
			t.Errorf("onceEach(%v) (-want +got):\n%s", c.hats, diff)
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
