package match

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// TeamResult is how a team covers a role or job together: each
// requirement is met by the team's strongest member (or members) for it,
// as if one person had every member's best level in each competency and
// area.
type TeamResult struct {
	// Result is the team's result: its fit, confidence, outcomes, parts
	// and gaps, scored on every member's best levels. Its gaps are the
	// requirements nobody on the team meets, in gain order: the team's
	// hiring or development priorities.
	Result Result `json:"result"`
	// Members lists the team's profile IDs, in the order given.
	Members []string `json:"members"`
	// Covers says who covers each requirement: the target's own
	// requirements first, then each part's, in the target's order.
	Covers []Cover `json:"covers"`
	// Contributions says how much each member adds: the team's fit lost
	// without them, largest first (ties by profile ID).
	Contributions []Contribution `json:"contributions"`
}

// Cover is one requirement and the team members who carry it.
type Cover struct {
	// Part is the role the requirement belongs to when the target is a job,
	// or empty for the target's own requirements.
	Part role.ID `json:"part,omitempty"`
	// Of lists the competency or area IDs of the requirement.
	Of []competency.ID `json:"of"`
	// AtLeast is how many of Of must reach Need; 0 means all of them.
	AtLeast int `json:"atLeast,omitempty"`
	// Need is the level the requirement asks for.
	Need competency.Level `json:"need"`
	// Have is the team's level: the best member's level (for a group, the
	// k-th best of the members' best levels among Of).
	Have competency.Level `json:"have"`
	// Met reports whether the team meets the requirement.
	Met bool `json:"met"`
	// By lists the members who bring the team's level for the IDs that
	// count, in member order; empty when nobody has any level in them.
	By []string `json:"by"`
}

// Contribution is how much one member adds to a team's fit.
type Contribution struct {
	// Profile is the member's profile ID.
	Profile string `json:"profile"`
	// Loss is how much the team's fit would fall without this member.
	Loss float64 `json:"loss" jsonschema:"minimum=0,maximum=1"`
}

// Team scores a team against the role or job target: each requirement
// is met by the team's strongest member(s) for it. The result says the
// team's fit, who covers each requirement, which requirements nobody
// covers (in gain order), and how much each member adds. An empty team
// scores as an empty profile. The error wraps [ErrUnknownTarget] when
// target is neither a role nor a job of the framework, and reports a
// profile ID that appears twice.
//
// Team costs O(members × S + n) time, plus one [Matcher.Score], where S
// is the size of the target (the IDs that its requirements and its parts'
// requirements list) and n the number of IDs in the framework: it reads
// each member's ratings of the IDs the target reads once, and keeps for
// each ID the best and second-best level and the member alone at the
// best, so the team's fit without one member changes only the levels
// that member alone holds. Its memory beyond the result is O(n) plus the
// ratings it reads.
func (m *Matcher) Team(ps []profile.Profile, target role.ID) (TeamResult, error) {
	tr, _, err := m.team(ps, target)
	return tr, err
}

// team is Team; it also returns the team's levels, which count the
// elementary steps Team took (levels read, requirement IDs looked at,
// members visited), so that tests can check that the work grows in
// proportion to the team.
func (m *Matcher) team(ps []profile.Profile, target role.ID) (TeamResult, *teamLevels, error) {
	t, err := m.lookup(target)
	if err != nil {
		return TeamResult{}, nil, err
	}
	if err := uniqueIDs(ps); err != nil {
		return TeamResult{}, nil, err
	}
	tl := m.teamLevels(ps, t)
	tr := TeamResult{Result: m.result(tl.best, t), Members: make([]string, len(ps))}
	for i, p := range ps {
		tr.Members[i] = p.ID
	}
	// Who covers what.
	tl.holders(m.n)
	marks := make([]uint64, (len(ps)+63)/64)
	tr.Covers = m.covers(tr.Covers, "", t, tl, ps, marks)
	for _, p := range t.parts {
		tr.Covers = m.covers(tr.Covers, p.role.id, p.role, tl, ps, marks)
	}
	// What each member adds. Without member i, the team's level of an ID
	// changes only where i alone holds the best level: there it falls to
	// the second best. Lower those levels, score, and put them back.
	size := t.listed()
	all, _ := m.fit(tl.best, t)
	tr.Contributions = make([]Contribution, len(ps))
	for i := range ps {
		lo, hi := tl.start[i], tl.start[i+1]
		tl.steps += int(hi - lo)
		alone := false
		for e := lo; e < hi; e++ {
			if j := tl.pos[e]; tl.holder[j] == int32(i) {
				tl.best[j], alone = tl.second[j], true
			}
		}
		without := all
		if alone {
			without, _ = m.fit(tl.best, t)
			tl.steps += size
			for e := lo; e < hi; e++ {
				if j := tl.pos[e]; tl.holder[j] == int32(i) {
					tl.best[j] = tl.lvl[e]
				}
			}
		}
		tr.Contributions[i] = Contribution{Profile: ps[i].ID, Loss: round(max(tr.Result.Fit-without, 0))}
	}
	slices.SortStableFunc(tr.Contributions, func(a, b Contribution) int {
		return cmp.Or(cmp.Compare(b.Loss, a.Loss), cmp.Compare(a.Profile, b.Profile))
	})
	return tr, tl, nil
}

// teamLevels is what Team knows of a team's levels: every member's
// positive levels among the IDs the target reads, and for each ID the
// best and second-best level and the member alone at the best.
type teamLevels struct {
	// Member i's levels are lvl[start[i]:start[i+1]], at the positions
	// pos[start[i]:start[i+1]] of a level vector.
	start []int32
	pos   []int32
	lvl   []int8
	// best and second are the best and second-best levels at each
	// position: when one member alone holds best, second is the best
	// level of everyone else. holder is that member, or -1 when several
	// share the best level; it is set wherever a member has a positive
	// level, and not read elsewhere.
	best, second []int8
	holder       []int32
	// The members at the best level of position j, in member order, are
	// hold[hstart[j]:hstart[j+1]] (filled by holders).
	hstart []int32
	hold   []int32
	steps  int
}

// teamLevels reads the levels of ps at the positions t reads. Each member
// costs the smaller of their ratings and the IDs t reads, as in
// [Matcher.Fit].
func (m *Matcher) teamLevels(ps []profile.Profile, t *target) *teamLevels {
	tl := &teamLevels{
		start:  make([]int32, len(ps)+1),
		best:   make([]int8, m.n),
		second: make([]int8, m.n),
		holder: make([]int32, m.n),
	}
	var reads []bool // the positions t reads, made when first needed
	for i := range ps {
		p := &ps[i]
		tl.start[i] = int32(len(tl.pos))
		if len(t.reads) <= len(p.Ratings) {
			tl.steps += len(t.reads)
			for _, j := range t.reads {
				if r, ok := p.Ratings[m.ids[j]]; ok {
					tl.add(int32(i), j, r.Level)
				}
			}
			continue
		}
		if reads == nil {
			reads = make([]bool, m.n)
			for _, j := range t.reads {
				reads[j] = true
			}
		}
		tl.steps += len(p.Ratings)
		for id, r := range p.Ratings {
			if j, ok := m.index.lookup(id); ok && reads[j] {
				tl.add(int32(i), j, r.Level)
			}
		}
	}
	tl.start[len(ps)] = int32(len(tl.pos))
	return tl
}

// add records member i's level l at position j, clamped to the scale.
// Levels of 0 are left out: they mean what a missing rating means.
func (tl *teamLevels) add(i, j int32, l competency.Level) {
	v := clampLevel(l)
	if v <= 0 {
		return
	}
	tl.pos = append(tl.pos, j)
	tl.lvl = append(tl.lvl, v)
	switch b := tl.best[j]; {
	case v > b:
		// The first positive level at j always lands here, so holder[j]
		// is set before it is read.
		tl.second[j], tl.best[j], tl.holder[j] = b, v, i
	case v == b:
		tl.holder[j] = -1
	case v > tl.second[j]:
		tl.second[j] = v
	}
}

// holders lists, for each of the n positions, the members at its best
// level, in member order.
func (tl *teamLevels) holders(n int) {
	tl.hstart = make([]int32, n+1)
	tl.steps += 2*len(tl.pos) + n
	for e, j := range tl.pos {
		if tl.lvl[e] == tl.best[j] {
			tl.hstart[j+1]++
		}
	}
	for j := range n {
		tl.hstart[j+1] += tl.hstart[j]
	}
	tl.hold = make([]int32, tl.hstart[n])
	next := slices.Clone(tl.hstart[:n])
	for i := range len(tl.start) - 1 {
		for e := tl.start[i]; e < tl.start[i+1]; e++ {
			if j := tl.pos[e]; tl.lvl[e] == tl.best[j] {
				tl.hold[next[j]] = int32(i)
				next[j]++
			}
		}
	}
}

// covers appends the covers of t's own requirements for the team tl.
// marks is a zero bitmap of the members; covers leaves it zero.
func (m *Matcher) covers(out []Cover, part role.ID, t *target, tl *teamLevels, ps []profile.Profile, marks []uint64) []Cover {
	for i := range t.reqs {
		r := &t.reqs[i]
		s, have := m.eval(tl.best, r)
		c := Cover{Part: part, Of: slices.Clone(r.of), AtLeast: r.atLeast, Need: competency.Level(r.level), Have: competency.Level(have), Met: s == 1, By: []string{}}
		// Mark the members at the best level of any ID that counts, then
		// read them back in member order.
		lo, hi, n := len(marks), 0, 0
		for _, j := range counting(tl.best, r) {
			held := tl.hold[tl.hstart[j]:tl.hstart[j+1]]
			tl.steps += len(held)
			for _, mi := range held {
				w, bit := int(mi>>6), uint64(1)<<(mi&63)
				if marks[w]&bit == 0 {
					marks[w] |= bit
					n++
				}
				lo, hi = min(lo, w), max(hi, w+1)
			}
		}
		tl.steps += len(r.idx) + max(hi-lo, 0)
		if n > 0 {
			c.By = make([]string, 0, n)
		}
		for w := lo; w < hi; w++ {
			for x := marks[w]; x != 0; x &= x - 1 {
				c.By = append(c.By, ps[w<<6+bits.TrailingZeros64(x)].ID)
			}
			marks[w] = 0
		}
		out = append(out, c)
	}
	return out
}

// teamPlan computes what [Matcher.TeamPlan] returns in time and memory
// that grow with the ratings the team holds, not with members × the
// framework's IDs: for each gap it visits only the ratings of the gap's
// IDs. It costs what [Matcher.Team] costs plus one step per rating the
// team holds in each gap's IDs, at most O(members × S); its memory beyond
// the result is that of Team plus O(members).
func (m *Matcher) teamPlan(ps []profile.Profile, target role.ID) ([]TeamStep, error) {
	tr, tl, err := m.team(ps, target)
	if err != nil {
		return nil, err
	}
	// Every member's levels by position, in member order: the levels at
	// position j are ilvl[istart[j]:istart[j+1]], held by imem.
	istart := make([]int32, m.n+1)
	for _, j := range tl.pos {
		istart[j+1]++
	}
	for j := range m.n {
		istart[j+1] += istart[j]
	}
	imem, ilvl := make([]int32, len(tl.pos)), make([]int8, len(tl.pos))
	next := slices.Clone(istart[:m.n])
	for i := range len(ps) {
		for e := tl.start[i]; e < tl.start[i+1]; e++ {
			j := tl.pos[e]
			imem[next[j]], ilvl[next[j]] = int32(i), tl.lvl[e]
			next[j]++
		}
	}
	// count[i] counts member i's levels among a gap's IDs, by level. The
	// team's levels hold no 0s; best counts the IDs missing as level 0.
	count := make([]levelCounts, len(ps))
	var touched []int32
	steps := make([]TeamStep, 0, len(tr.Result.Gaps))
	for _, g := range tr.Result.Gaps {
		k := role.Requirement{Of: g.Of, AtLeast: g.AtLeast}.K()
		touched = touched[:0]
		for _, id := range g.Of {
			j, ok := m.index.lookup(id)
			if !ok {
				return nil, fmt.Errorf("match: internal error: unknown ID %s in a gap", problem.Quote(string(id)))
			}
			for e := istart[j]; e < istart[j+1]; e++ {
				i := imem[e]
				if count[i] == (levelCounts{}) {
					touched = append(touched, i)
				}
				count[i][ilvl[e]]++
			}
		}
		// The member closest to the gap has the highest k-th best level
		// among Of, the earliest such; members who rate none of Of are at
		// level 0, so the first member stands for them.
		st := TeamStep{Gap: g, Hire: true}
		bestHave, best := int8(-1), int32(-1)
		if len(ps) > 0 {
			bestHave, best = 0, 0
		}
		for _, i := range touched {
			_, have := count[i].best(k, int8(g.Need), false)
			if have > bestHave || (have == bestHave && i < best) {
				bestHave, best = have, i
			}
			count[i] = levelCounts{}
		}
		if best >= 0 {
			st.From = competency.Level(bestHave)
			if int(g.Need)-int(bestHave) <= ReachLevels {
				st.Hire, st.Develop = false, ps[best].ID
			}
		}
		steps = append(steps, st)
	}
	return steps, nil
}

// listed returns the number of IDs t's requirements and its parts'
// requirements list, counted as often as they are listed: what one
// [Matcher.fit] of t looks at.
func (t *target) listed() int {
	n := 0
	for i := range t.reqs {
		n += len(t.reqs[i].idx)
	}
	for _, p := range t.parts {
		n += p.role.listed()
	}
	return n
}

// uniqueIDs reports a profile ID that appears twice in a team, whose
// members are named by ID.
func uniqueIDs(ps []profile.Profile) error {
	seen := make(map[string]bool, len(ps))
	for _, p := range ps {
		if seen[p.ID] {
			return fmt.Errorf("match: profile ID %s appears twice in the team", problem.Quote(p.ID))
		}
		seen[p.ID] = true
	}
	return nil
}

// counting returns the positions of the IDs that can make up r's score
// for lv: those at or above the k-th best level among Of (so every ID
// tied at the threshold counts), leaving out IDs at level 0.
func counting(lv []int8, r *creq) []int32 {
	var c levelCounts
	for _, id := range r.idx {
		c[lv[id]]++
	}
	_, kth := c.best(r.k, r.level, false)
	threshold := max(kth, 1)
	var out []int32
	for _, id := range r.idx {
		if lv[id] >= threshold {
			out = append(out, id)
		}
	}
	return out
}
