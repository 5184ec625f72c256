package match

import (
	"cmp"
	"math/bits"
	"slices"
)

// A result's gaps come in development order: gain, highest first, then
// the first ID of Of, then the part (the target's own requirements first,
// then by role ID). There are two ways to that order. When every gap a
// target can have fits a bitmap of bitmapWords words, compiling the target
// fixes each possible gap's place in the order (orderGaps), and a score
// sets the bits of its gaps and reads them back in order, without a sort.
// A larger target's gaps are sorted (sortGapKeys). Both give the same
// order, which a test checks.

// gapRef names one requirement of a target: one of its own (part < 0) or
// requirement i of part part.
type gapRef struct{ part, i int32 }

// gapSlot is a gap at its place in a target's gap order.
type gapSlot struct {
	gain float64
	ref  gapRef
}

// bitmapWords is the longest gap order a bitmap holds, in 64-bit words;
// noPlace, past its end, is where met requirements set their bit.
const (
	bitmapWords = 8
	noPlace     = bitmapWords * 64
)

// orderTies fixes t's tie order: its requirements, numbered flat (its
// own, then each part's in turn), by the first ID of Of, then by part.
func (t *target) orderTies() {
	type flat struct {
		first, partRank int32
		ref             gapRef
	}
	var all []flat
	for i, r := range t.reqs {
		all = append(all, flat{r.rank, 0, gapRef{-1, int32(i)}})
	}
	for pi, p := range t.parts {
		t.off = append(t.off, int32(len(all)))
		for i, r := range p.role.reqs {
			all = append(all, flat{r.rank, p.rank, gapRef{int32(pi), int32(i)}})
		}
	}
	t.nReqs = len(all)
	order := make([]int, len(all))
	for f := range order {
		order[f] = f
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(all[a].first, all[b].first), cmp.Compare(all[a].partRank, all[b].partRank))
	})
	t.tie = make([]uint32, len(all))
	t.ref = make([]gapRef, len(all))
	for rank, f := range order {
		t.tie[f] = uint32(rank)
		t.ref[rank] = all[f].ref
	}
}

// req returns t's requirement ref, and the share of t's fit that its
// norm is a share of: 1 for t's own, the part's share for a part's.
func (t *target) req(ref gapRef) (*creq, float64) {
	if ref.part < 0 {
		return &t.reqs[ref.i], 1
	}
	p := &t.parts[ref.part]
	return &p.role.reqs[ref.i], p.norm
}

// gainAt returns the gain of t's requirement ref in state u, unmet.
func (t *target) gainAt(ref gapRef, u int) float64 {
	r, share := t.req(ref)
	return gain(rise(share*r.norm, r.scoreAt(u)))
}

// orderGaps fixes the place of every gap t can have, if they fit a bitmap.
func (t *target) orderGaps() {
	type gap struct {
		gain float64
		tie  uint32
		f, u int32
	}
	var gaps []gap
	at := make([]int32, t.nReqs)
	states := 0
	for f := range t.nReqs {
		ref := t.ref[t.tie[f]]
		r, _ := t.req(ref)
		n := r.states()
		if n == 0 || states+n > maxStates {
			return
		}
		at[f] = int32(states)
		states += n
		for u := range n {
			if r.scoreAt(u) < 1 {
				gaps = append(gaps, gap{t.gainAt(ref, u), t.tie[f], int32(f), int32(u)})
			}
		}
	}
	if len(gaps) > noPlace {
		return
	}
	// The order of gaps: gain, then tie order. One requirement's states
	// never meet in one result; u only makes the order total.
	slices.SortFunc(gaps, func(a, b gap) int {
		return cmp.Or(cmp.Compare(b.gain, a.gain), cmp.Compare(a.tie, b.tie), cmp.Compare(a.u, b.u))
	})
	t.at, t.place, t.slot = at, make([]uint16, states), make([]gapSlot, len(gaps))
	for i := range t.place {
		t.place[i] = noPlace
	}
	for p, g := range gaps {
		t.place[at[g.f]+g.u] = uint16(p)
		t.slot[p] = gapSlot{g.gain, t.ref[g.tie]}
	}
	t.words = (len(gaps) + 63) / 64
	for i := range t.reqs {
		t.reqs[i].own = at[i]
	}
}

// gapSet collects the gaps of one result: as bits at their places in the
// target's gap order when it has one (see target.place), else as keys to
// sort (an allocation, but only for targets too large for a gap order).
type gapSet struct {
	bits [bitmapWords + 1]uint64 // the last word takes met requirements
	keys []gapKey
}

// start readies gs for t's gaps.
func (gs *gapSet) start(t *target) {
	if t.words == 0 {
		gs.keys = make([]gapKey, 0, t.nReqs)
	}
}

// set records the gap at place p of the target's gap order.
func (gs *gapSet) set(p uint16) { gs.bits[p>>6] |= 1 << (p & 63) }

// add records the gap of t's requirement f (numbered flat, as in
// target.off) in state u, whose score is s: nothing if s is 1.
func (gs *gapSet) add(t *target, f int32, u int, s float64) {
	if t.words > 0 {
		gs.set(t.place[t.at[f]+int32(u)])
		return
	}
	if s < 1 {
		tie := t.tie[f]
		gs.keys = append(gs.keys, gapKey{t.gainAt(t.ref[tie], u), tie})
	}
}

// fill sets res.Gaps to the gaps in gs, in order. res already holds the
// outcomes they come from.
func (gs *gapSet) fill(t *target, res *Result) {
	if t.words == 0 {
		sortGapKeys(gs.keys)
		res.Gaps = make([]Gap, len(gs.keys))
		for j, k := range gs.keys {
			res.setGap(j, t, t.ref[k.tie], k.gain)
		}
		return
	}
	n := 0
	for _, w := range gs.bits[:t.words] {
		n += bits.OnesCount64(w)
	}
	res.Gaps = make([]Gap, n)
	j := 0
	for wi, w := range gs.bits[:t.words] {
		for ; w != 0; w &= w - 1 {
			slot := &t.slot[wi<<6|bits.TrailingZeros64(w)]
			res.setGap(j, t, slot.ref, slot.gain)
			j++
		}
	}
}

// setGap sets r.Gaps[j] to the gap of t's requirement ref, whose outcome
// r already holds.
func (r *Result) setGap(j int, t *target, ref gapRef, gain float64) {
	g := &r.Gaps[j]
	var o *Outcome
	if ref.part < 0 {
		o = &r.Outcomes[ref.i]
	} else {
		o = &r.Parts[ref.part].Result.Outcomes[ref.i]
		g.Part = t.parts[ref.part].role.id
	}
	g.Of, g.AtLeast, g.Have, g.Need, g.Gain = o.Of, o.AtLeast, o.Have, o.Need, gain
}

// gapKey is a gap's sort key: its gain and its place in the target's tie
// order, which also leads back to its requirement. At 16 bytes it moves
// in one load and store, which keeps the sort cheap.
type gapKey struct {
	gain float64
	tie  uint32
}

// sortGapKeys sorts keys by gain, highest first, then by tie order. A role
// has a few gaps, which an insertion sort with the comparison inlined
// orders faster than a general sort; many gaps take the general one.
func sortGapKeys(keys []gapKey) {
	if len(keys) > 24 {
		slices.SortFunc(keys, func(a, b gapKey) int {
			return cmp.Or(cmp.Compare(b.gain, a.gain), cmp.Compare(a.tie, b.tie))
		})
		return
	}
	for i := 1; i < len(keys); i++ {
		k, j := keys[i], i
		for ; j > 0 && gapBefore(k, keys[j-1]); j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
	}
}

// gapBefore reports whether a sorts before b. Tie orders are distinct.
func gapBefore(a, b gapKey) bool {
	if a.gain != b.gain {
		return a.gain > b.gain
	}
	return a.tie < b.tie
}
