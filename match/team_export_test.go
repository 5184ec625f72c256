package match

import (
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// TeamSteps runs [Matcher.Team] and also returns the number of elementary
// steps it took (levels read, requirement IDs looked at, members visited),
// so that tests can check that the work grows in proportion to the team
// without timing it.
func TeamSteps(m *Matcher, ps []profile.Profile, target role.ID) (TeamResult, int, error) {
	tr, tl, err := m.team(ps, target)
	if err != nil {
		return TeamResult{}, 0, err
	}
	return tr, tl.steps, nil
}

// TeamPlanSparse is what [Matcher.TeamPlan] returns, computed from the
// ratings the team holds rather than a level vector per member.
func TeamPlanSparse(m *Matcher, ps []profile.Profile, target role.ID) ([]TeamStep, error) {
	return m.teamPlan(ps, target)
}
