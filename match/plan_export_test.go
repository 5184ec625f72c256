package match

import (
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// PlanWork is Plan, and also reports the work it did: gains worked out,
// steps compared, requirements and members visited. Tests check that the
// work grows in proportion to the target, which a clock cannot show
// reliably.
func PlanWork(m *Matcher, p profile.Profile, target role.ID, opts ...PlanOption) (Plan, int64, error) {
	return m.plan(&p, target, opts, freshSum)
}

// PlanRunningSums is Plan with every fit kept as a running sum, updated by
// what each step adds, as Plan keeps the fits of roles and jobs of more
// than freshSum requirements, so that tests can check that way on small
// targets.
func PlanRunningSums(m *Matcher, p profile.Profile, target role.ID, opts ...PlanOption) (Plan, error) {
	pl, _, err := m.plan(&p, target, opts, 0)
	return pl, err
}
