package match

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/big"
	"slices"
	"strconv"

	"github.com/wlpmodel/wlp/competency"
)

// A planner holds one plan in progress: the person's levels, the state of
// every requirement of the target (its own and its roles', flattened) and
// each ID's best next step, so that a step costs work only where it
// changes something.
//
// The gain of raising one ID from a to b is the sum, over the requirements
// that list it, of the requirement's weight in the target times the
// change in its score. A requirement scores u/(k·L), where u, its state,
// is the credit of its k best ratings, each earning min(level, L) (or,
// strict, L when it reaches L and 0 below). Let have be the k-th best
// level. If a >= have the ID is among the k best and stays there, so u
// grows by credit(b) - credit(a); if a < have, the ID replaces the k-th
// best when b is above it, and u grows by credit(b) - credit(have) when
// that is positive. So an ID's gains depend only on its own level and on
// have in each of its requirements. Levels only rise, so have rises at
// most MaxLevel times per requirement: an ID's best step needs working out
// again only after it is raised, when its level is below a requirement's
// k-th best and the credit of that level rises, or when a requirement
// below whose level it is gets met. That happens to each member of a
// requirement at most MaxLevel+1 times in a plan.
//
// The best steps sit at the leaves of a tournament tree, whose root is the
// best step of all. Steps compare exactly (see planner.cmpRate), taking
// each weight as the decimal it is written as: the shortest decimal that
// reads back as the same float64, so that a weight of 0.1 is one tenth
// and steps equal by hand tie.
type planner struct {
	strict   bool
	maxRaise int8
	ids      []competency.ID // by local index: the IDs the target reads
	lv       []int8          // the person's levels, by local index
	memAt    []int32         // the requirements listing local ID l are memOf[memAt[l]:memAt[l+1]]
	memOf    []int32
	reqs     []preq
	classes  []pclass
	canon    map[string]int32 // exact weight per unit of state -> canonical class
	owners   []powner         // 0: the target's own requirements; 1+i: part i
	ostamp   []int32          // the round in which each owner was last touched
	cand     []pcand          // each ID's best step, by local index
	errf     []int32          // a bound on the rounding error of each ID's gains, in units of 2^-53
	tree     []int32          // tournament tree of local indices (-1: none); leaves at len/2
	stamp    []int32          // the round in which each ID was last marked
	round    int32
	marked   []int32 // IDs whose best step needs working out again
	touched  []int32 // owners whose sum changed in this step
	terms    []pterm // scratch for exact comparisons
	sig      []int32 // IDs listed by the same requirements share a signature
	merges   int     // merges so far
	cstamp   []int   // the merge in which each class last had a term
	cpos     []int32 // where in that merge's terms
	work     int64   // elementary operations, for tests of growth
}

// preq is one requirement of the target, or of one of its roles.
type preq struct {
	members []int32 // local indices of the IDs it lists
	k       int32
	level   int8
	have    int8 // the k-th best level
	owner   int32
	class   int32
	c       *creq // as compiled in New
	den     int64 // k × level: the state at which it is met
	u       int64 // its state
	weight  float64
	hist    levelCounts // how many members are at each level
}

// pclass gathers the requirements of one owner with the same weight and
// den, whose weight per unit of state in the target is the same:
// share·weight/(total·den), where share is a part's weight in the job and
// total its role's total weight (both 1 for the target's own
// requirements). The target's total weight is common to every
// requirement and left out.
type pclass struct {
	owner  int32
	weight float64
	den    int64
	q      float64  // share·weight/(total·den) in float64
	ef     int32    // q's relative error is below ef·2^-53
	canon  int32    // classes with the same exact value share it; -1 until needed
	exact  *big.Rat // the exact value, once canon is set
}

// powner is one owner of requirements: the target (whose fit counts, for
// a job, its parts' fits too), or one part's role.
//
// Each owner keeps the weighted sum of its scores as a running sum, to
// about twice float64's precision, updated by what each step adds. Score
// sums the same terms afresh in float64, whose rounding errors add up to
// at most about one part in 2^52 per term: when the fit rounded to 12
// decimals is the same at both ends of that margin around the running
// sum, it is the fit Score gives. When it is not (a fit within rounding of
// a boundary between two 12-decimal values), an owner of at most freshSum
// terms sums them afresh as Score does; a larger one reports the running
// sum's fit, which can then differ from Score's in the 12th decimal, where
// Score's own sum is that uncertain.
type powner struct {
	t          *target
	first, end int32    // its requirements are reqs[first:end]
	terms      int      // the terms of its sum: requirements, and parts for the target
	fresh      bool     // whether it sums afresh when the margin leaves the fit in doubt
	acc        dd       // the running sum
	unmet      int      // requirements (and, for the target, parts) not fully met
	weight     float64  // a part's weight in the job
	fit        float64  // a part's fit, rounded as Score rounds it
	met        bool     // whether a part is fully met
	total      *big.Rat // a part's role's total weight, as decimals; nil until needed
}

// freshSum is the most terms an owner may have and sum them afresh when
// the running sum leaves its fit in doubt.
const freshSum = 256

// pcand is the best step of one ID: raise it to level to, lvls levels,
// for a gain of about gain (times the target's total weight).
type pcand struct {
	to, lvls int8
	gain     float64
}

// pterm is one term of an exact comparison: n times the weight per unit
// of state of class.
type pterm struct {
	class int32
	n     int64
}

// newPlanner readies a plan against t from the levels lv (by position).
// Owners of at most fresh terms sum them afresh when in doubt.
func (m *Matcher) newPlanner(t *target, lv []int8, cfg *planConfig, fresh int) *planner {
	s := &planner{strict: m.cfg.strict, maxRaise: int8(min(cfg.maxRaise, int(competency.MaxLevel)))}
	n := len(t.reads)
	s.ids = make([]competency.ID, n)
	s.lv = make([]int8, n)
	local := make([]int32, m.n)
	for l, i := range t.reads {
		local[i] = int32(l)
		s.ids[l] = m.ids[i]
		s.lv[l] = lv[i]
	}

	// Flatten the requirements: the target's own, then each part's.
	s.owners = append(s.owners, powner{t: t})
	size := 0
	for _, r := range t.reqs {
		size += len(r.idx)
	}
	for _, p := range t.parts {
		s.owners = append(s.owners, powner{t: p.role, weight: p.weight})
		for _, r := range p.role.reqs {
			size += len(r.idx)
		}
	}
	flat := make([]int32, 0, size)
	s.memAt = make([]int32, n+1)
	type classKey struct {
		owner  int32
		weight float64
		den    int64
	}
	classOf := map[classKey]int32{}
	add := func(rs []creq, owner int32, share, total float64) {
		o := &s.owners[owner]
		o.first = int32(len(s.reqs))
		o.end = o.first + int32(len(rs))
		o.terms = len(rs)
		o.fresh = len(rs) <= fresh
		for i := range rs {
			r := preq{owner: owner, c: &rs[i], k: int32(rs[i].k), level: rs[i].level, weight: rs[i].weight, den: int64(rs[i].kl)}
			start := len(flat)
			for _, pos := range rs[i].idx {
				flat = append(flat, local[pos])
				s.memAt[local[pos]+1]++
			}
			r.members = flat[start:len(flat):len(flat)]
			key := classKey{owner, r.weight, r.den}
			c, ok := classOf[key]
			if !ok {
				c = int32(len(s.classes))
				classOf[key] = c
				// Each weight is within 2^-53 of its decimal, a total
				// of len(rs) of them within len(rs)·2^-53 of theirs, and
				// q takes three roundings more.
				ef := int32(8)
				if owner > 0 {
					ef += int32(len(rs))
				}
				s.classes = append(s.classes, pclass{owner: owner, weight: r.weight, den: r.den,
					q: share * r.weight / (total * float64(r.den)), ef: ef, canon: -1})
			}
			r.class = c
			s.reqs = append(s.reqs, r)
		}
	}
	add(t.reqs, 0, 1, 1)
	s.owners[0].terms = len(t.reqs) + len(t.parts)
	s.owners[0].fresh = s.owners[0].terms <= fresh
	for pi, p := range t.parts {
		add(p.role.reqs, int32(pi+1), p.weight, p.role.total)
	}
	s.ostamp = make([]int32, len(s.owners))
	for l := range n {
		s.memAt[l+1] += s.memAt[l]
	}
	s.memOf = make([]int32, size)
	next := slices.Clone(s.memAt[:n])
	for ri := range s.reqs {
		r := &s.reqs[ri]
		for _, l := range r.members {
			s.memOf[next[l]] = int32(ri)
			next[l]++
		}
		for _, l := range r.members {
			r.hist[s.lv[l]]++
		}
		u, have := r.hist.best(int(r.k), r.level, s.strict)
		r.u, r.have = int64(u), have
		o := &s.owners[r.owner]
		o.acc.addQuo(r.weight, r.u, r.den)
		if r.u < r.den {
			o.unmet++
		}
	}
	for i := 1; i < len(s.owners); i++ {
		o := &s.owners[i]
		o.fit, o.met = s.ownerFit(i)
		s.owners[0].acc.addProd(o.weight, o.fit)
		if !o.met {
			s.owners[0].unmet++
		}
	}

	s.cand = make([]pcand, n)
	s.errf = make([]int32, n)
	for l := range n {
		mem := s.memOf[s.memAt[l]:s.memAt[l+1]]
		ef := int32(0)
		for _, ri := range mem {
			ef = max(ef, s.classes[s.reqs[ri].class].ef)
		}
		s.errf[l] = ef + int32(len(mem)) + 4
	}
	s.sig = make([]int32, n)
	sigs := map[string]int32{}
	var key []byte
	for l := range n {
		key = key[:0]
		for _, ri := range s.memOf[s.memAt[l]:s.memAt[l+1]] {
			key = binary.LittleEndian.AppendUint32(key, uint32(ri))
		}
		sig, ok := sigs[string(key)]
		if !ok {
			sig = int32(len(sigs))
			sigs[string(key)] = sig
		}
		s.sig[l] = sig
	}
	s.cstamp = make([]int, len(s.classes))
	s.cpos = make([]int32, len(s.classes))
	s.stamp = make([]int32, n)
	s.tree = make([]int32, 2*n)
	for l := range n {
		s.cand[l] = s.best(int32(l))
		s.tree[n+l] = s.leaf(int32(l))
	}
	for i := n - 1; i >= 1; i-- {
		s.tree[i] = s.pick(s.tree[2*i], s.tree[2*i+1])
	}
	return s
}

// top returns the ID whose step comes first, or -1 when no step gains.
func (s *planner) top() int32 {
	if len(s.tree) == 0 {
		return -1
	}
	return s.tree[1]
}

// fit returns the target's fit, rounded as Score rounds it, and whether
// every requirement is met.
func (s *planner) fit() (float64, bool) { return s.ownerFit(0) }

// ownerFit returns owner oi's fit, rounded as Score rounds it, and whether
// all its requirements (and parts) are met.
func (s *planner) ownerFit(oi int) (float64, bool) {
	o := &s.owners[oi]
	all := o.unmet == 0
	v := o.acc.value()
	// Score's sum of the same terms (each within two roundings of exact)
	// lies within terms+2 roundings of exact; the running sum within one.
	e := float64(o.terms+4) * 0x1p-52 * math.Abs(v)
	lo, hi := fitOf(v-e, o.t.total, all), fitOf(v+e, o.t.total, all)
	if lo == hi || !o.fresh {
		return fitOf(v, o.t.total, all), all
	}
	// In doubt: sum afresh, in the order Score sums, for the same sum.
	s.work += int64(o.terms)
	sum := 0.0
	for ri := o.first; ri < o.end; ri++ {
		r := &s.reqs[ri]
		sum += float64(r.weight * r.c.scoreAt(int(r.u)))
	}
	if oi == 0 {
		for _, p := range s.owners[1:] {
			sum += float64(p.weight * p.fit)
		}
	}
	return fitOf(sum, o.t.total, all), all
}

// credit is what a rating at level l earns toward a need of L (see
// credit in rules.go).
func (s *planner) credit(l, L int8) int64 { return int64(credit(l, L, s.strict)) }

// delta returns how much raising a member of r from level a to b adds to
// r's state.
func (s *planner) delta(r *preq, a, b int8) int64 {
	s.work++
	return max(s.credit(b, r.level)-s.credit(max(a, r.have), r.level), 0)
}

// best works out the best step of ID l: to one of the levels its
// requirements ask for above its own (or by at most maxRaise levels), the
// one with the most gain per level, then the larger gain. lvls is 0 when
// no step gains.
func (s *planner) best(l int32) pcand {
	a := s.lv[l]
	mem := s.memOf[s.memAt[l]:s.memAt[l+1]]
	var asked uint8 // a bit for each level to step to
	for _, ri := range mem {
		to := s.reqs[ri].level
		if to <= a {
			continue
		}
		if s.maxRaise > 0 && to-a > s.maxRaise {
			to = a + s.maxRaise
		}
		asked |= 1 << to
	}
	// The gain of each level, in one pass over the requirements: a met
	// one gains nothing.
	var gains [competency.MaxLevel + 1]float64
	for _, ri := range mem {
		r := &s.reqs[ri]
		if r.u == r.den {
			continue
		}
		q := s.classes[r.class].q
		for to := a + 1; to <= int8(competency.MaxLevel); to++ {
			if asked&(1<<to) != 0 {
				if d := s.delta(r, a, to); d > 0 {
					gains[to] += q * float64(d)
				}
			}
		}
	}
	var best pcand
	for to := a + 1; to <= int8(competency.MaxLevel); to++ {
		c := pcand{to: to, lvls: to - a, gain: gains[to]}
		if c.gain > 0 && (best.lvls == 0 || s.before(l, c, l, best)) {
			best = c
		}
	}
	return best
}

// leaf returns what the tree's leaf for ID l holds: l, or -1 when no step
// of l gains.
func (s *planner) leaf(l int32) int32 {
	if s.cand[l].lvls == 0 {
		return -1
	}
	return l
}

// pick returns whichever of the IDs a and b (or -1 for none) has the step
// that comes first.
func (s *planner) pick(a, b int32) int32 {
	switch {
	case a < 0:
		return b
	case b < 0:
		return a
	case s.before(b, s.cand[b], a, s.cand[a]):
		return b
	}
	return a
}

// before reports whether the step ca of ID a comes before the step cb of
// ID b: the larger gain per level, then the larger gain, then the ID in
// byte order. Equal gains per level make the step of more levels the
// larger gain, so only the rates need comparing exactly.
func (s *planner) before(a int32, ca pcand, b int32, cb pcand) bool {
	if c := s.cmpRate(a, ca, b, cb); c != 0 {
		return c > 0
	}
	if ca.lvls != cb.lvls {
		return ca.lvls > cb.lvls
	}
	return s.ids[a] < s.ids[b]
}

// cmpRate compares the gains per level of the step ca of ID a and cb of
// ID b exactly: the sign of cb.lvls·gain(ca) - ca.lvls·gain(cb).
//
// The float64 gains settle most comparisons: each is a sum of positive
// terms, each within a few roundings of its exact value, so a difference
// larger than that error bound has the exact difference's sign. Steps that
// tie (or nearly) are compared on their terms: each is an integer times
// the weight per unit of state of a requirement's class; terms of one
// class, or of classes of equal exact value, add up as integers, and what
// is left is summed in float64 with an error bound, or failing that in
// exact rational arithmetic.
func (s *planner) cmpRate(a int32, ca pcand, b int32, cb pcand) int {
	s.work++
	x, y := ca.gain*float64(cb.lvls), cb.gain*float64(ca.lvls)
	// x and y are within errf·2^-53 of their exact values, relatively;
	// the bound doubles that.
	if bound := float64(s.errf[a]+s.errf[b]) * 0x1p-52 * (x + y); x-y > bound {
		return 1
	} else if y-x > bound {
		return -1
	}
	if s.sig[a] == s.sig[b] && s.lv[a] == s.lv[b] && ca.to == cb.to {
		return 0 // the same raise in the same requirements
	}
	t := s.terms[:0]
	if s.lv[a] == s.lv[b] && ca.to == cb.to {
		// The same raise: a requirement listing both adds as much to
		// each, so only those listing one of them count.
		t = s.appendDiff(t, a, b, ca.to, int64(cb.lvls))
	} else {
		t = s.appendTerms(t, a, ca.to, int64(cb.lvls))
		t = s.appendTerms(t, b, cb.to, -int64(ca.lvls))
	}
	t = s.merge(t)
	if len(t) > 1 {
		for i := range t {
			t[i].class = s.canonical(t[i].class)
		}
		t = s.merge(t)
	}
	s.terms = t
	switch len(t) {
	case 0:
		return 0
	case 1:
		return cmp.Compare(t[0].n, 0)
	}
	sum, abs, ef := 0.0, 0.0, int32(0)
	for _, e := range t {
		cl := &s.classes[e.class]
		v := cl.q * float64(e.n)
		sum += v
		abs += math.Abs(v)
		ef = max(ef, cl.ef)
	}
	if bound := float64(ef+int32(len(t))+4) * 0x1p-52 * abs; math.Abs(sum) > bound {
		return cmp.Compare(sum, 0)
	}
	var exact, v big.Rat
	for _, e := range t {
		v.SetInt64(e.n)
		exact.Add(&exact, v.Mul(&v, s.classes[e.class].exact))
	}
	return exact.Sign()
}

// appendTerms appends the terms of raising ID l to level to, each times
// scale.
func (s *planner) appendTerms(t []pterm, l int32, to int8, scale int64) []pterm {
	for _, ri := range s.memOf[s.memAt[l]:s.memAt[l+1]] {
		r := &s.reqs[ri]
		if d := s.delta(r, s.lv[l], to); d > 0 {
			t = append(t, pterm{r.class, scale * d})
		}
	}
	return t
}

// appendDiff appends the terms of raising ID a to level to, each times
// scale, and those of raising b to it, each times -scale, but for the
// requirements that list both.
func (s *planner) appendDiff(t []pterm, a, b int32, to int8, scale int64) []pterm {
	ma, mb := s.memOf[s.memAt[a]:s.memAt[a+1]], s.memOf[s.memAt[b]:s.memAt[b+1]]
	add := func(ri int32, scale int64) {
		r := &s.reqs[ri]
		if d := s.delta(r, s.lv[a], to); d > 0 {
			t = append(t, pterm{r.class, scale * d})
		}
	}
	i, j := 0, 0
	for i < len(ma) && j < len(mb) {
		switch {
		case ma[i] == mb[j]:
			i++
			j++
		case ma[i] < mb[j]:
			add(ma[i], scale)
			i++
		default:
			add(mb[j], -scale)
			j++
		}
	}
	for ; i < len(ma); i++ {
		add(ma[i], scale)
	}
	for ; j < len(mb); j++ {
		add(mb[j], -scale)
	}
	return t
}

// merge adds up the terms of each class and drops those that come to 0,
// in place.
func (s *planner) merge(t []pterm) []pterm {
	s.merges++
	out := t[:0] // never ahead of the term being read
	for _, e := range t {
		c := e.class
		if s.cstamp[c] != s.merges {
			s.cstamp[c] = s.merges
			s.cpos[c] = int32(len(out))
			out = append(out, pterm{c, 0})
		}
		out[s.cpos[c]].n += e.n
	}
	kept := out[:0]
	for _, e := range out {
		if e.n != 0 {
			kept = append(kept, e)
		}
	}
	return kept
}

// canonical returns the first class whose exact weight per unit of state
// equals class c's, working it out the first time c needs it.
func (s *planner) canonical(c int32) int32 {
	cl := &s.classes[c]
	if cl.canon >= 0 {
		return cl.canon
	}
	q := decimal(cl.weight)
	q.Quo(q, new(big.Rat).SetInt64(cl.den))
	if cl.owner > 0 {
		o := &s.owners[cl.owner]
		if o.total == nil {
			o.total = new(big.Rat)
			for _, r := range o.t.reqs {
				o.total.Add(o.total, decimal(r.weight))
			}
		}
		q.Mul(q, decimal(o.weight))
		q.Quo(q, o.total)
	}
	if s.canon == nil {
		s.canon = map[string]int32{}
	}
	key := q.String()
	canon, ok := s.canon[key]
	if !ok {
		canon = c
		s.canon[key] = c
	}
	cl.canon, cl.exact = canon, q
	return canon
}

// decimal returns w as the decimal it is written as: the shortest one
// that reads back as w.
func decimal(w float64) *big.Rat {
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(w, 'g', -1, 64))
	return r
}

// raise takes the step of ID l to level to: it updates the state of each
// requirement listing l and the sums of their owners, then works out again
// the best step of every ID the change affects, and updates the tree.
func (s *planner) raise(l int32, to int8) {
	s.round++
	s.marked, s.touched = s.marked[:0], s.touched[:0]
	a := s.lv[l]
	for _, ri := range s.memOf[s.memAt[l]:s.memAt[l+1]] {
		r := &s.reqs[ri]
		met := false // whether this step meets r
		if d := s.delta(r, a, to); d > 0 {
			o := &s.owners[r.owner]
			o.acc.addQuo(r.weight, d, r.den)
			r.u += d
			if r.u == r.den {
				o.unmet--
				met = true
			}
			if r.owner > 0 && s.ostamp[r.owner] != s.round {
				s.ostamp[r.owner] = s.round
				s.touched = append(s.touched, r.owner)
			}
		}
		r.hist[a]--
		r.hist[to]++
		// Whose gains in r this step changes, besides l's: once r is met,
		// no member gains in it, so those below its level gain less now;
		// while it is not, a member below the k-th best level gains
		// credit(b) - credit(have), which changes only with the credit of
		// the k-th best level.
		_, have := r.hist.best(int(r.k), r.level, s.strict)
		below := int8(0)
		switch {
		case met:
			below = r.level
		case r.u < r.den && s.credit(have, r.level) != s.credit(r.have, r.level):
			below = have
		}
		r.have = have
		if below > 0 {
			s.work += int64(len(r.members))
			for _, m := range r.members {
				if s.lv[m] < below {
					s.mark(m)
				}
			}
		}
	}
	s.lv[l] = to
	s.mark(l)
	job := &s.owners[0]
	for _, oi := range s.touched {
		o := &s.owners[oi]
		fit, met := s.ownerFit(int(oi))
		if fit != o.fit {
			job.acc.addProd(-o.weight, o.fit)
			job.acc.addProd(o.weight, fit)
		}
		o.fit = fit
		if met && !o.met {
			o.met = true
			job.unmet--
		}
	}
	// Work out every affected step before updating the tree, so that the
	// tree compares only steps of the current state.
	for _, m := range s.marked {
		s.cand[m] = s.best(m)
	}
	n := int32(len(s.cand))
	for _, m := range s.marked {
		i := n + m
		s.tree[i] = s.leaf(m)
		for i > 1 {
			i >>= 1
			s.tree[i] = s.pick(s.tree[2*i], s.tree[2*i+1])
		}
	}
}

// mark records that ID l's best step needs working out again.
func (s *planner) mark(l int32) {
	if s.stamp[l] != s.round {
		s.stamp[l] = s.round
		s.marked = append(s.marked, l)
	}
}

// dd is a sum kept in two float64s, to about twice a float64's precision,
// so that a fit updated step by step stays as close to the exact value as
// one summed afresh.
type dd struct{ hi, lo float64 }

// add adds x + xlo, where xlo is the small part of x.
func (s *dd) add(x, xlo float64) {
	hi := s.hi + x
	bp := hi - s.hi
	lo := (s.hi - (hi - bp)) + (x - bp) + s.lo + xlo
	s.hi = hi + lo
	s.lo = lo - (s.hi - hi)
}

// addQuo adds w·n/d.
func (s *dd) addQuo(w float64, n, d int64) {
	fn, fd := float64(n), float64(d)
	p := float64(w * fn)
	pe := math.FMA(w, fn, -p)
	q := float64(p / fd)
	s.add(q, (math.FMA(-q, fd, p)+pe)/fd)
}

// addProd adds w·x.
func (s *dd) addProd(w, x float64) {
	p := float64(w * x)
	s.add(p, math.FMA(w, x, -p))
}

func (s *dd) value() float64 { return s.hi + s.lo }
