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

// BruteWearers is the brute force that the tests of Assign check it with:
// the wearer of each hat by Assign's rule (see bruteWearers).
func BruteWearers(fits []float64, hats []Hat, P, limit int, before func(a, b int) bool) []int {
	return bruteWearers(fits, hats, P, limit, before)
}
