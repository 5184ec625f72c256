package match

import (
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// AssignWork is Assign, which also reports its work: the cells of the
// fit and cost matrices it visits, a measure that grows as its running
// time does, so that tests can check its growth without timing it.
func AssignWork(m *Matcher, ps []profile.Profile, hats []role.ID, opts ...AssignOption) (Assignment, int, error) {
	return m.assign(ps, hats, opts)
}
