package match

import (
	"cmp"
	"container/heap"
	"runtime"
	"slices"
	"sync"

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

// before reports whether a ranks before b: higher fit first, then lower
// profile ID, then earlier in the input.
func before(ps []profile.Profile, a, b scored) bool {
	if a.fit != b.fit {
		return a.fit > b.fit
	}
	if ps[a.i].ID != ps[b.i].ID {
		return ps[a.i].ID < ps[b.i].ID
	}
	return a.i < b.i
}

// worst is a heap whose root is the worst-ranked of the kept profiles.
type worst struct {
	ps []profile.Profile
	s  []scored
}

func (h *worst) Len() int           { return len(h.s) }
func (h *worst) Less(i, j int) bool { return before(h.ps, h.s[j], h.s[i]) }
func (h *worst) Swap(i, j int)      { h.s[i], h.s[j] = h.s[j], h.s[i] }
func (h *worst) Push(x any)         { h.s = append(h.s, x.(scored)) }
func (h *worst) Pop() any {
	x := h.s[len(h.s)-1]
	h.s = h.s[:len(h.s)-1]
	return x
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
	workers := 1
	if len(ps) >= parallelMin {
		workers = min(runtime.GOMAXPROCS(0), len(ps)/(parallelMin/2))
	}
	chunk := (len(ps) + workers - 1) / workers
	heaps := make([]worst, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, len(ps))
		h := &heaps[w]
		h.ps = ps
		h.s = make([]scored, 0, min(k, hi-lo)+1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.keepBest(ps, lo, hi, t, k, h)
		}()
	}
	wg.Wait()
	all := heaps[0].s
	for _, h := range heaps[1:] {
		all = append(all, h.s...)
	}
	slices.SortFunc(all, func(a, b scored) int {
		if before(ps, a, b) {
			return -1
		}
		if before(ps, b, a) {
			return 1
		}
		return 0
	})
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

// keepBest scores ps[lo:hi] against t and keeps the best k in h.
func (m *Matcher) keepBest(ps []profile.Profile, lo, hi int, t *target, k int, h *worst) {
	var buf [vecSize]int8
	for i := lo; i < hi; i++ {
		clear(buf[:])
		f, _ := m.fit(m.vector(&ps[i], t, &buf), t)
		s := scored{fit: f, i: i}
		if k >= hi-lo {
			h.s = append(h.s, s) // everyone is kept: no heap needed
		} else if len(h.s) < k {
			heap.Push(h, s)
		} else if before(ps, s, h.s[0]) {
			h.s[0] = s
			heap.Fix(h, 0)
		}
	}
}
