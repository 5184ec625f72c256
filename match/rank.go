package match

import (
	"cmp"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// BestRoles scores p against every role of the framework and returns the
// results best fit first; roles that fit equally keep the framework's
// order. It answers "which hats fit this person best?". It costs one
// [Matcher.Score] per role, and a sort of the roles.
func (m *Matcher) BestRoles(p profile.Profile) []Result {
	if m == nil || m.f == nil {
		return nil // not made by New: no roles
	}
	var buf [vecSize]int8
	lv := m.vector(&p, nil, &buf)
	out := make([]Result, len(m.roles))
	for i, t := range m.roles {
		out[i] = m.result(lv, t)
	}
	slices.SortStableFunc(out, func(a, b Result) int { return cmp.Compare(b.Fit, a.Fit) })
	return out
}

// parallelMin is the number of profiles from which Rank spreads its work
// over the available CPUs.
const parallelMin = 4096

// scored is one profile's fit during a ranking.
type scored struct {
	fit float64
	i   int // index into the input
}

// Rank scores every profile against the role or job target and returns
// the best k, best first; profiles that fit equally go by profile ID, then
// by their order in ps. k <= 0 (or k >= len(ps)) ranks everyone.
//
// Rank computes fits alone, keeps the best k as it goes, and builds full
// results for those k only, so its memory beyond the input grows with k,
// not with len(ps). Large inputs are shared out over the available CPUs.
// It costs one [Matcher.Fit] per profile and O(len(ps) log k) for the
// ranking, plus one [Matcher.Score] for each of the k profiles returned.
// The error wraps [ErrUnknownTarget] when target is neither a role nor a
// job of the framework.
func (m *Matcher) Rank(ps []profile.Profile, target role.ID, k int) ([]Ranked, error) {
	t, err := m.lookup(target)
	if err != nil {
		return nil, err
	}
	if k <= 0 || k > len(ps) {
		k = len(ps)
	}
	if k == 0 {
		return []Ranked{}, nil
	}
	// Higher fit first, then lower profile ID, then earlier in ps.
	order := func(a, b scored) int {
		switch {
		case a.fit > b.fit:
			return -1
		case a.fit < b.fit:
			return 1
		}
		return cmp.Or(strings.Compare(ps[a.i].ID, ps[b.i].ID), a.i-b.i)
	}
	workers := workersFor(len(ps))
	heaps := make([]topK[scored], workers)
	spread(len(ps), workers, func(w, lo, hi int) {
		h := &heaps[w]
		h.k, h.cmp = k, order
		var buf [vecSize]int8
		for i := lo; i < hi; i++ {
			clear(buf[:])
			f, _ := m.fit(m.vector(&ps[i], t, &buf), t)
			h.offer(scored{fit: f, i: i})
		}
	})
	var all []scored
	for _, h := range heaps {
		all = append(all, h.s...)
	}
	slices.SortFunc(all, order)
	all = all[:min(k, len(all))]
	out := make([]Ranked, len(all))
	var buf [vecSize]int8
	for i, s := range all {
		p := &ps[s.i]
		clear(buf[:])
		out[i] = Ranked{Profile: p.ID, Result: m.result(m.vector(p, t, &buf), t)}
	}
	return out, nil
}
