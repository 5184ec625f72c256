package diff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// MaxCandidates bounds the pairs of requirements [Frameworks] weighs by
// overlap for one role or job: a pair of requirements is a candidate
// when they share an ID. Past the bound, the role's or job's
// requirements pair only by equal sets of IDs, so that two frameworks of
// many requirements over the same few IDs cost linear time, not the
// product of their requirements.
const MaxCandidates = 1 << 20

// setKey is the key of a set of IDs: sorted, without repeats, joined.
func setKey(ids []competency.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	slices.Sort(s)
	s = slices.Compact(s)
	return strings.Join(s, "\x00")
}

// pairRequirements pairs requirements of A, given by their IDs as B
// names them, with B's requirements: equal sets first, in order, then by
// the greatest overlap, greedily: of the pairs that share an ID, the one
// sharing most first, ties by A's order, then B's.
func pairRequirements(of [][]competency.ID, reqs []role.Requirement) pairing {
	p := newPairing(len(of), len(reqs))
	p.byKey(func(i int) string { return setKey(of[i]) }, func(j int) string { return setKey(reqs[j].Of) })

	// Which free requirements of B list each ID, and how many candidate
	// pairs counting their overlap would visit.
	posting := map[competency.ID][]int{}
	for j, r := range reqs {
		if p.pb[j] >= 0 {
			continue
		}
		for _, id := range uniq(r.Of) {
			posting[id] = append(posting[id], j)
		}
	}
	visits := 0
	for i := range of {
		if p.pa[i] >= 0 {
			continue
		}
		for _, id := range uniq(of[i]) {
			visits += len(posting[id])
			if visits > MaxCandidates {
				return p
			}
		}
	}
	type cand struct{ i, j, n int }
	var cands []cand
	counts := map[int]int{}
	for i := range of {
		if p.pa[i] >= 0 {
			continue
		}
		clear(counts)
		for _, id := range uniq(of[i]) {
			for _, j := range posting[id] {
				counts[j]++
			}
		}
		for j, n := range counts {
			cands = append(cands, cand{i, j, n})
		}
	}
	slices.SortFunc(cands, func(x, y cand) int {
		return cmp.Or(cmp.Compare(y.n, x.n), cmp.Compare(x.i, y.i), cmp.Compare(x.j, y.j))
	})
	for _, c := range cands {
		if p.pa[c.i] < 0 && p.pb[c.j] < 0 {
			p.pair(c.i, c.j)
		}
	}
	return p
}

// uniq returns ids without repeats, in order. A's IDs translated to B's
// may repeat one: when a crosswalk pairs A's item y with B's item x, A's
// own item x stays x.
func uniq(ids []competency.ID) []competency.ID {
	if len(ids) < 2 {
		return ids
	}
	seen := make(map[competency.ID]bool, len(ids))
	out := make([]competency.ID, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
