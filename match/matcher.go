package match

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// ErrUnknownTarget is returned, wrapped with the target's ID, when a target
// is neither a role nor a job of the Matcher's framework.
var ErrUnknownTarget = errors.New("unknown target")

// Option configures a [Matcher].
type Option func(*config)

type config struct {
	strict    bool
	low, high float64
}

// Strict makes credit all or nothing: a rating earns 1 when it reaches the
// required level and 0 otherwise, instead of partial credit.
func Strict() Option { return func(c *config) { c.strict = true } }

// Thresholds sets the lowest fits graded [Low] and [High] in place of
// [LowFit] and [HighFit]. Values outside 0 < low <= high <= 1 are ignored.
func Thresholds(low, high float64) Option {
	return func(c *config) {
		if low > 0 && low <= high && high <= 1 {
			c.low, c.high = low, high
		}
	}
}

// Matcher scores profiles against the roles and jobs of one framework. It
// compiles every role once, in [New], and each job once, on its first
// use. A Matcher is immutable and safe for
// concurrent use by many goroutines. Only New makes a usable Matcher; the
// methods of a zero Matcher return an error (BestRoles returns nil).
type Matcher struct {
	f       *wlp.Framework
	cfg     config
	index   *idIndex // rated ID -> position in a level vector
	n       int      // number of rated IDs
	targets map[role.ID]*target
	roles   []*target // the framework's roles, in order
	rank    map[competency.ID]int32
	ids     []competency.ID // by position in a level vector
}

// creq is a requirement compiled against a level vector.
type creq struct {
	idx     []int32
	of      []competency.ID
	atLeast int
	k       int
	level   int8
	weight  float64 // as written
	norm    float64 // weight / owner's total weight
	rank    int32   // rank of of[0] among all IDs in byte order, for sorting gaps
	kl      int     // k × level: a group's most credit
	// The score in each state the requirement can be in, worked out in
	// New so that scoring looks it up: for one ID the state is the rated
	// level (single), for a group the credit of its k best ratings (see
	// state; scores, nil for a group too large to tabulate).
	single levelTable
	scores []float64
	// own places the requirement's gaps in its own target's gap order:
	// place[own+u] (see target.place). It is that target's at[i], kept
	// here too because the hot loop of Score already has the requirement
	// loaded: going through at cost 6% in BenchmarkScore.
	own int32
}

// levelTable holds a value for each level of the scale.
type levelTable [competency.MaxLevel + 1]float64

// maxStates bounds the states of a requirement, and of all a target's
// requirements, that New tabulates.
const maxStates = 1 << 12

// states returns the number of states r can be in, or 0 for a group too
// large to tabulate.
func (r *creq) states() int {
	if len(r.idx) == 1 {
		return len(r.single)
	}
	return len(r.scores)
}

// scoreAt returns r's score in state u.
func (r *creq) scoreAt(u int) float64 {
	if len(r.idx) == 1 {
		return r.single[u]
	}
	if r.scores != nil {
		return r.scores[u]
	}
	if u == r.kl {
		return 1
	}
	return float64(u) / float64(r.kl)
}

// jobSource is a job waiting to be compiled, and the guard that compiles
// it once however many goroutines ask for it.
type jobSource struct {
	once sync.Once
	job  role.Job
}

type cpart struct {
	role   *target
	weight float64
	norm   float64 // weight / job's total weight
	rank   int32   // rank of the role's ID among the job's parts, from 1
}

type target struct {
	// job is the source of a job, compiled on first use; nil for a role.
	job   *jobSource
	id    role.ID
	kind  Kind
	name  string
	reqs  []creq
	parts []cpart
	total float64 // the sum of the weights of reqs and parts
	nReqs int     // requirements in reqs and in every part, for gaps
	reads []int32 // the positions t's requirements read, ascending
	// Gaps sort by gain, then by a tie order fixed in New: the first ID of
	// Of, then the part (own requirements first, then by role ID), then
	// position. Number the target's requirements flat (its own, then each
	// part's in turn, from off[pi]); tie[f] is requirement f's place in
	// the tie order and ref[tie] leads back to it.
	off []int32
	tie []uint32
	ref []gapRef
	// Gaps come out in order without a sort when the order of every gap
	// t can have fits a bitmap: the gap of requirement f in state u has
	// its place in that order, place[at[f]+u] (noPlace when u meets f),
	// fixed in New; a score sets the bits of its gaps' places and reads
	// them back in order, and slot[place] gives each gap back. words is
	// the bitmap's length in use, 0 when the order does not fit and gaps
	// are sorted instead.
	at    []int32
	place []uint16
	slot  []gapSlot
	words int
}

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

// New compiles the roles of f; each job is compiled on its first use. A
// nil f means [wlp.Default].
//
// New costs time and memory in proportion to the framework: its IDs (and
// a sort of them) and the IDs its roles' requirements list. A job's first
// use adds the requirements of the roles it blends, once.
func New(f *wlp.Framework, opts ...Option) *Matcher {
	if f == nil {
		f = wlp.Default()
	}
	m := &Matcher{f: f, cfg: config{low: LowFit, high: HighFit}, targets: map[role.ID]*target{}}
	for _, o := range opts {
		if o != nil {
			o(&m.cfg)
		}
	}
	ids := f.IDs()
	m.n = len(ids)
	m.ids = ids
	m.index = newIndex(ids)
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	m.rank = make(map[competency.ID]int32, len(sorted))
	for i, id := range sorted {
		m.rank[id] = int32(i)
	}
	for _, r := range f.Roles() {
		t := &target{id: r.ID, kind: KindRole, name: r.Name}
		t.reqs = m.compile(r.Requirements, 0)
		for _, q := range r.Requirements {
			t.total += q.Weight
		}
		t.finish()
		m.targets[r.ID] = t
		m.roles = append(m.roles, t)
	}
	// A job is compiled on its first use (see lookup): compiled, it holds
	// every requirement of every role it blends, so compiling them all
	// here would cost the product of the jobs and roles a framework holds,
	// however few of them a program scores against.
	for _, j := range f.Jobs() {
		m.targets[j.ID] = &target{id: j.ID, kind: KindJob, name: j.Title, job: &jobSource{job: j}}
	}
	return m
}

// compile turns requirements into dense form. total is the owner's total
// weight, or 0 to use the requirements' own sum.
// compileJob compiles job t from its source. Its cost is the sum of the
// requirements of the job and of every role it blends.
func (m *Matcher) compileJob(t *target) {
	j := t.job.job
	total := 0.0
	for _, s := range j.Roles {
		total += s.Weight
	}
	for _, r := range j.Requirements {
		total += r.Weight
	}
	for _, s := range j.Roles {
		t.parts = append(t.parts, cpart{role: m.targets[s.Role], weight: s.Weight, norm: s.Weight / total})
	}
	// Rank the parts by role ID, from 1, after the job's own requirements
	// (0): a part's rank is the number of parts whose role ID is not
	// greater than its own.
	byID := make([]int, len(t.parts))
	for i := range byID {
		byID[i] = i
	}
	slices.SortStableFunc(byID, func(a, b int) int { return cmp.Compare(t.parts[a].role.id, t.parts[b].role.id) })
	for n := len(byID); n > 0; {
		// A run of equal IDs shares the rank of its last member.
		lo := n - 1
		for lo > 0 && t.parts[byID[lo-1]].role.id == t.parts[byID[n-1]].role.id {
			lo--
		}
		for _, i := range byID[lo:n] {
			t.parts[i].rank = int32(n)
		}
		n = lo
	}
	t.reqs = m.compile(j.Requirements, total)
	t.total = total
	t.finish()
}

func (m *Matcher) compile(rs []role.Requirement, total float64) []creq {
	if total == 0 {
		for _, r := range rs {
			total += r.Weight
		}
	}
	out := make([]creq, len(rs))
	for i, r := range rs {
		c := creq{of: slices.Clip(slices.Clone(r.Of)), atLeast: r.AtLeast, k: r.K(), level: int8(r.Level), weight: r.Weight, norm: r.Weight / total, rank: m.rank[r.Of[0]]}
		c.idx = make([]int32, len(r.Of))
		for j, id := range r.Of {
			c.idx[j], _ = m.index.lookup(id)
		}
		c.kl = c.k * int(c.level)
		switch {
		case len(c.idx) == 1:
			for l := range c.single {
				c.single[l] = m.credit(int8(l), c.level)
			}
		case c.kl < maxStates:
			c.scores = make([]float64, c.kl+1)
			for u := range c.scores {
				c.scores[u] = float64(u) / float64(c.kl)
			}
			c.scores[c.kl] = 1
		}
		out[i] = c
	}
	return out
}

func (t *target) finish() {
	seen := map[int32]bool{}
	for _, r := range t.reqs {
		for _, i := range r.idx {
			seen[i] = true
		}
	}
	for _, p := range t.parts {
		for _, i := range p.role.reads {
			seen[i] = true
		}
	}
	t.reads = slices.Sorted(maps.Keys(seen))

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
	t.orderGaps()
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
	return gainOf(share * r.norm * (1 - r.scoreAt(u)))
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

// Framework returns the framework the Matcher scores against.
func (m *Matcher) Framework() *wlp.Framework { return m.f }

func (m *Matcher) lookup(id role.ID) (*target, error) {
	if m == nil || m.f == nil {
		return nil, errors.New("match: the Matcher was not made by New")
	}
	t, ok := m.targets[id]
	if !ok {
		return nil, fmt.Errorf("match: %w %s: not a role or job of framework %q", ErrUnknownTarget, problem.Quote(string(id)), m.f.ID())
	}
	if t.job != nil {
		t.job.once.Do(func() { m.compileJob(t) })
	}
	return t, nil
}

// vecSize is the number of rated IDs a level vector holds on the stack.
const vecSize = 128

// levels fills lv with p's levels, clamped to the scale, in one pass over
// p's ratings. Ratings of IDs the framework does not know are ignored. It
// runs once per rating, so it probes the perfect hash inline for IDs of 8
// bytes or more (the same arithmetic as signature) and calls lookup only
// for the rest.
func (m *Matcher) levels(p *profile.Profile, lv []int8) {
	x := m.index
	for id, r := range p.Ratings {
		var i int32
		if n := len(id); n >= 8 && x.m == nil {
			h := uint64(n)*0x9E3779B97F4A7C15 ^ le64(string(id), 0) ^ bits.RotateLeft64(le64(string(id), n-8), 29)
			if n > 16 {
				h ^= bits.RotateLeft64(le64(string(id), n/2-4), 43)
			}
			s := &x.slots[(h*x.seed)>>x.shift]
			if s.key != id {
				continue
			}
			i = s.pos
		} else {
			var ok bool
			if i, ok = x.lookup(id); !ok {
				continue
			}
		}
		lv[i] = int8(min(max(r.Level, competency.MinLevel), competency.MaxLevel))
	}
}

// vector returns p's level vector for scoring against t, in buf (which
// must be zero) when it fits. Only the positions t reads are filled when
// t is not nil.
//
// Reading the profile is the costliest step of a score: what follows
// reads only the vector and the requirements compiled in New. A profile is
// a map, and there are two ways to read it: one pass over all its ratings
// (levels), or one access per ID t reads (gather). A pass visits every
// slot of the map, so it costs more per rating than an access costs per
// ID, most of all when the map is not in the cache, as in a large
// population: vector takes whichever visits fewer entries.
func (m *Matcher) vector(p *profile.Profile, t *target, buf *[vecSize]int8) []int8 {
	var lv []int8
	if m.n <= vecSize {
		lv = buf[:m.n]
	} else {
		lv = make([]int8, m.n)
	}
	if t != nil && len(t.reads) <= len(p.Ratings) {
		m.gather(p, t.reads, lv)
	} else {
		m.levels(p, lv)
	}
	return lv
}

// gather fills the positions reads of lv with p's levels, clamped to the
// scale.
func (m *Matcher) gather(p *profile.Profile, reads []int32, lv []int8) {
	for _, i := range reads {
		if r, ok := p.Ratings[m.ids[i]]; ok {
			lv[i] = int8(min(max(r.Level, competency.MinLevel), competency.MaxLevel))
		}
	}
}

// eval scores one requirement: the mean of the k best attainments, and the
// k-th best level.
func (m *Matcher) eval(lv []int8, r *creq) (score float64, have int8) {
	if len(r.idx) == 1 {
		have = lv[r.idx[0]]
		return r.single[have], have
	}
	u, have := m.state(lv, r)
	return r.scoreAt(u), have
}

// state returns the state r is in for lv, and the k-th best level. For
// one ID the state is its level; for a group it is the credit of its k
// best ratings, each rating earning min(level, L) (or, strict, L when it
// reaches L and 0 otherwise): the score is state / (k × L).
func (m *Matcher) state(lv []int8, r *creq) (u int, have int8) {
	if len(r.idx) == 1 {
		have = lv[r.idx[0]]
		return int(have), have
	}
	L := r.level
	// Levels lie in 0..MaxLevel: count them, then walk from the top.
	var hist [competency.MaxLevel + 1]int
	for _, i := range r.idx {
		hist[lv[i]]++
	}
	need, sum := r.k, 0
	have = -1
	for l := int8(competency.MaxLevel); l >= 0 && need > 0; l-- {
		c := hist[l]
		if c > need {
			c = need
		}
		if c == 0 {
			continue
		}
		need -= c
		if need == 0 {
			have = l
		}
		switch {
		case l >= L:
			sum += c * int(L)
		case !m.cfg.strict:
			sum += c * int(l)
		}
	}
	return sum, max(have, 0)
}

// credit is the score of one rating at level have for a need of L.
func (m *Matcher) credit(have, L int8) float64 {
	switch {
	case have >= L:
		return 1
	case m.cfg.strict:
		return 0
	}
	return float64(have) / float64(L)
}

// fit computes t's fit for lv, and whether every requirement is met.
func (m *Matcher) fit(lv []int8, t *target) (float64, bool) {
	sum, all := 0.0, true
	for i := range t.reqs {
		s, _ := m.eval(lv, &t.reqs[i])
		sum += t.reqs[i].weight * s
		all = all && s == 1
	}
	for _, p := range t.parts {
		f, met := m.fit(lv, p.role)
		sum += p.weight * f
		all = all && met
	}
	return t.fitOf(sum, all)
}

// fitOf turns the weighted sum of t's scores into its fit. Only a met
// target fits fully: a requirement weighted a millionth of the rest can
// round away, but not to 1.
func (t *target) fitOf(sum float64, all bool) (float64, bool) {
	if all {
		return 1, true
	}
	f := round(clamp01(sum / t.total))
	if f == 1 {
		f = 1 - 1e-12
	}
	return f, false
}

// round rounds x to 12 decimal places. Fits and gains are sums of
// fractions taken in different orders, so values that are equal by hand
// (3/5, or 1/168 reached through two different roles) can differ in the
// last bits of a float64; rounding makes them compare equal, so
// confidence thresholds and ties behave as the arithmetic says.
func round(x float64) float64 { return math.Round(x*1e12) / 1e12 }

// gainOf rounds an unmet requirement's gain, which is never 0: a gap too
// small for 12 decimals still gains the smallest step.
func gainOf(x float64) float64 { return max(round(x), 1e-12) }

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}

func (m *Matcher) grade(fit float64, all bool) Confidence {
	switch {
	case all:
		return Exact
	case fit >= m.cfg.high:
		return High
	case fit >= m.cfg.low:
		return Low
	}
	return No
}

// Fit returns p's fit against the role or job target, without the
// explanation [Matcher.Score] builds. It does not allocate in frameworks
// of up to 128 IDs. It costs time in proportion to the smaller of p's
// ratings and the IDs the target reads, plus the target's requirements
// and the IDs they list.
func (m *Matcher) Fit(p profile.Profile, target role.ID) (float64, error) {
	t, err := m.lookup(target)
	if err != nil {
		return 0, err
	}
	var buf [vecSize]int8
	f, _ := m.fit(m.vector(&p, t, &buf), t)
	return f, nil
}

// Score scores p against the role or job target and explains the result:
// an outcome per requirement, a part per role of a job, and the gaps in
// the order that would raise the fit most. Ratings of IDs the framework
// does not know are ignored and levels off the scale are clamped to it;
// use [wlp.Framework.ValidateProfile] to reject such profiles first. The
// error wraps [ErrUnknownTarget] when target is neither a role nor a job
// of the framework.
//
// Score costs what [Matcher.Fit] costs, plus the result it returns: one
// outcome per requirement and one gap per unmet requirement, put in order
// without a sort for targets small enough to have a gap order fixed in
// New (else sorted, in O(gaps log gaps)).
func (m *Matcher) Score(p profile.Profile, target role.ID) (Result, error) {
	t, err := m.lookup(target)
	if err != nil {
		return Result{}, err
	}
	var buf [vecSize]int8
	var res Result
	m.build(m.vector(&p, t, &buf), t, &res)
	return res, nil
}

// result builds t's full result for lv.
func (m *Matcher) result(lv []int8, t *target) Result {
	var res Result
	m.build(lv, t, &res)
	return res
}

// build fills res, a zero Result, with t's full result for lv.
func (m *Matcher) build(lv []int8, t *target, res *Result) {
	if len(t.parts) == 0 {
		m.buildRole(lv, t, res, nil)
		return
	}
	var gs gapSet
	gs.start(t)
	res.Target, res.Kind, res.Name = t.id, t.kind, t.name
	res.Outcomes = make([]Outcome, len(t.reqs))
	sum, all := m.outcomes(lv, t, res.Outcomes, &gs, nil)
	sum, all = m.parts(lv, t, res, &gs, sum, all)
	m.finish(t, res, &gs, sum, all)
}

// buildRole is build for a target without parts, which also records the
// state of each requirement in states when it is not nil. Keeping it
// apart from build, which recurses through parts, lets its gap set stay
// on the stack.
func (m *Matcher) buildRole(lv []int8, t *target, res *Result, states []int32) {
	var gs gapSet
	gs.start(t)
	res.Target, res.Kind, res.Name = t.id, t.kind, t.name
	res.Outcomes = make([]Outcome, len(t.reqs))
	sum, all := m.outcomes(lv, t, res.Outcomes, &gs, states)
	m.finish(t, res, &gs, sum, all)
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

// outcomes fills outs with the outcomes of t's own requirements for lv,
// adds their gaps to gs and, if states is not nil, records each one's
// state there. It returns the weighted sum of their scores, summed in the
// same order as fit sums them (so the same fit), and whether all are met.
func (m *Matcher) outcomes(lv []int8, t *target, outs []Outcome, gs *gapSet, states []int32) (float64, bool) {
	sum, all := 0.0, true
	for i := range t.reqs {
		r := &t.reqs[i]
		u, have := m.state(lv, r)
		s := r.scoreAt(u)
		if states != nil {
			states[i] = int32(u)
		}
		o := &outs[i]
		o.Of, o.AtLeast, o.Have, o.Need = r.of, r.atLeast, competency.Level(have), competency.Level(r.level)
		o.Score, o.Weight, o.Met = s, r.weight, s == 1
		sum += r.weight * s
		all = all && s == 1
		if t.words > 0 {
			gs.set(t.place[r.own+int32(u)])
		} else {
			gs.add(t, int32(i), u, s)
		}
	}
	return sum, all
}

// parts fills res.Parts, for a job, with each role's own result, and adds
// their gaps, which count in the job scaled by the part's share, to gs.
// It adds the parts' weighted fits to sum, the weighted sum of the job's
// own scores, one by one as fit does (a float64 sum depends on its
// order), and returns it with whether everything is met.
func (m *Matcher) parts(lv []int8, t *target, res *Result, gs *gapSet, sum float64, all bool) (float64, bool) {
	res.Parts = make([]Part, len(t.parts))
	var stateBuf [32]int32
	for pi, p := range t.parts {
		part := &res.Parts[pi]
		part.Role, part.Weight, part.Share = p.role.id, p.weight, p.norm
		states := stateBuf[:]
		if n := len(p.role.reqs); n > len(stateBuf) {
			states = make([]int32, n)
		}
		m.buildRole(lv, p.role, &part.Result, states)
		sum += p.weight * part.Result.Fit
		all = all && part.Result.Confidence == Exact
		for i, o := range part.Result.Outcomes {
			gs.add(t, t.off[pi]+int32(i), int(states[i]), o.Score)
		}
	}
	return sum, all
}

// finish completes res from the weighted sum of t's scores, whether all
// its requirements are met, and its gaps: the fit, its grade and the gaps
// in development order.
func (m *Matcher) finish(t *target, res *Result, gs *gapSet, sum float64, all bool) {
	fit, met := t.fitOf(sum, all)
	res.Fit, res.Confidence = fit, m.grade(fit, met)
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

// setGap sets res.Gaps[j] to the gap of t's requirement ref, whose outcome
// res already holds.
func (res *Result) setGap(j int, t *target, ref gapRef, gain float64) {
	g := &res.Gaps[j]
	var o *Outcome
	if ref.part < 0 {
		o = &res.Outcomes[ref.i]
	} else {
		o = &res.Parts[ref.part].Result.Outcomes[ref.i]
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
