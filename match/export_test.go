package match

import "github.com/wlpmodel/wlp/role"

// SortGaps makes m order every result's gaps by sorting them, as it does
// for targets whose gap order is too large to fix in New, so that tests
// can compare the two ways. It changes m: use it on a Matcher of its own.
func SortGaps(m *Matcher) {
	for id, t := range m.targets {
		m.lookup(id) // compile a job first, or it would fix its order later
		t.words = 0
	}
}

// GapOrderWords reports how many words of bitmap target's gap order
// takes: 0 when its gaps are sorted instead.
func GapOrderWords(m *Matcher, target role.ID) int {
	t, err := m.lookup(target)
	if err != nil {
		return 0
	}
	return t.words
}
