package match

import (
	"cmp"
	"maps"
	"slices"
	"sync"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// A target is a role or job compiled against a level vector: its
// requirements hold the positions of their IDs, their weights as shares
// of the target's, and their scores worked out in advance, so that a
// score reads only the vector and these tables.
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
	// Gaps sort by gain, then by a tie order fixed when t is compiled:
	// the first ID of Of, then the part (own requirements first, then by
	// role ID), then position. Number the target's requirements flat (its
	// own, then each part's in turn, from off[pi]); tie[f] is requirement
	// f's place in the tie order and ref[tie] leads back to it.
	off []int32
	tie []uint32
	ref []gapRef
	// Gaps come out in order without a sort when the order of every gap
	// t can have fits a bitmap (see orderGaps): the gap of requirement f
	// in state u has its place in that order, place[at[f]+u] (noPlace
	// when u meets f); a score sets the bits of its gaps' places and
	// reads them back in order, and slot[place] gives each gap back.
	// words is the bitmap's length in use, 0 when the order does not fit
	// and gaps are sorted instead.
	at    []int32
	place []uint16
	slot  []gapSlot
	words int
}

// jobSource is a job waiting to be compiled, and the guard that compiles
// it once however many goroutines ask for it.
type jobSource struct {
	once sync.Once
	job  role.Job
}

// cpart is one role of a compiled job.
type cpart struct {
	role   *target
	weight float64
	norm   float64 // weight / job's total weight
	rank   int32   // rank of the role's ID among the job's parts, from 1
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
	// The score in each state the requirement can be in, worked out when
	// it is compiled so that scoring looks it up: for one ID the state is
	// the rated level (single), for a group the credit of its k best
	// ratings (see levelCounts.best; scores, nil for a group too large to
	// tabulate).
	single levelTable
	scores []float64
	// at is the position of a single ID (-1 for a group), and weighted its
	// weight times single, each product rounded as fit rounds it: fit's
	// inner loop for one ID, a look-up and an addition.
	at       int32
	weighted levelTable
	// own places the requirement's gaps in its own target's gap order:
	// place[own+u] (see target.place). It is that target's at[i], kept
	// here too because the hot loop of Score already has the requirement
	// loaded: going through at cost 6% in BenchmarkScore.
	own int32
}

// levelTable holds a value for each level of the scale.
type levelTable [competency.MaxLevel + 1]float64

// maxStates bounds the states of a requirement, and of all a target's
// requirements, that compiling tabulates.
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
	return score(u, r.kl)
}

// compileRole compiles role r. Its cost is that of its requirements.
func (m *Matcher) compileRole(r role.Role) *target {
	t := &target{id: r.ID, kind: KindRole, name: r.Name}
	t.reqs = m.compile(r.Requirements, 0)
	for _, q := range r.Requirements {
		t.total += q.Weight
	}
	t.finish()
	return t
}

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

// compile turns requirements into dense form, with their scores
// tabulated by the rules of rules.go. total is the owner's total weight,
// or 0 to use the requirements' own sum.
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
		c.at = -1
		switch {
		case len(c.idx) == 1:
			c.at = c.idx[0]
			for l := range c.single {
				c.single[l] = score(credit(int8(l), c.level, m.cfg.strict), int(c.level))
				c.weighted[l] = float64(c.weight * c.single[l])
			}
		case c.kl < maxStates:
			c.scores = make([]float64, c.kl+1)
			for u := range c.scores {
				c.scores[u] = score(u, c.kl)
			}
		}
		out[i] = c
	}
	return out
}

// finish completes a compiled target: the positions it reads, and the
// order of its gaps.
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
	t.orderTies()
	t.orderGaps()
}
