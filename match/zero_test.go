package match_test

import (
	"strings"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// TestZeroMatcher: a Matcher not made by New answers with an error (or
// nil), never a panic.
func TestZeroMatcher(t *testing.T) {
	p := profile.Profile{ID: "a", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 3}}}
	for _, m := range []*match.Matcher{nil, new(match.Matcher)} {
		var errs []error
		_, err := m.Score(p, role.CLO)
		errs = append(errs, err)
		_, err = m.Fit(p, role.CLO)
		errs = append(errs, err)
		_, err = m.Rank([]profile.Profile{p}, role.CLO, 1)
		errs = append(errs, err)
		_, err = m.Team([]profile.Profile{p}, role.CLO)
		errs = append(errs, err)
		_, err = m.TeamPlan([]profile.Profile{p}, role.CLO)
		errs = append(errs, err)
		_, err = m.Assign([]profile.Profile{p}, []role.ID{role.CLO})
		errs = append(errs, err)
		_, err = m.Plan(p, role.CLO)
		errs = append(errs, err)
		for i, err := range errs {
			if err == nil || !strings.HasPrefix(err.Error(), "match: ") {
				t.Errorf("call %d on a zero Matcher: error %v, want a match: error", i, err)
			}
		}
		if got := m.BestRoles(p); got != nil {
			t.Errorf("BestRoles on a zero Matcher = %v, want nil", got)
		}
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
