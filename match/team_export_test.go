package match

import (
	"fmt"

	"github.com/wlpmodel/wlp/competency"
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

// TeamPlanDense is the plain statement of what [Matcher.TeamPlan]
// returns, the way it was first written: a level vector of every
// framework ID for each member, and each gap evaluated against every
// member. Tests check TeamPlan, which visits only the ratings the team
// holds, against it.
func TeamPlanDense(m *Matcher, ps []profile.Profile, target role.ID) ([]TeamStep, error) {
	tr, err := m.Team(ps, target)
	if err != nil {
		return nil, err
	}
	vecs := make([][]int8, len(ps))
	for i := range ps {
		vecs[i] = make([]int8, m.n)
		m.levels(&ps[i], vecs[i])
	}
	steps := make([]TeamStep, 0, len(tr.Result.Gaps))
	for _, g := range tr.Result.Gaps {
		for _, id := range g.Of {
			if _, ok := m.index.lookup(id); !ok {
				return nil, fmt.Errorf("match: internal error: unknown ID %q in a gap", id)
			}
		}
		r := m.compile([]role.Requirement{{Of: g.Of, AtLeast: g.AtLeast, Level: g.Need, Weight: 1}}, 0)[0]
		st := TeamStep{Gap: g, Hire: true}
		bestHave := int8(-1)
		for mi, v := range vecs {
			_, have := m.eval(v, &r)
			if have > bestHave {
				bestHave, st.Develop = have, ps[mi].ID
			}
		}
		if bestHave >= 0 {
			st.From = competency.Level(bestHave)
		}
		if bestHave >= 0 && int(g.Need)-int(bestHave) <= ReachLevels {
			st.Hire = false
		} else {
			st.Develop = ""
		}
		steps = append(steps, st)
	}
	return steps, nil
}
