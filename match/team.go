package match

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/wlpmodel/wlp/competency"
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
func (m *Matcher) Team(ps []profile.Profile, target role.ID) (TeamResult, error) {
	t, err := m.lookup(target)
	if err != nil {
		return TeamResult{}, err
	}
	if err := uniqueIDs(ps); err != nil {
		return TeamResult{}, err
	}
	vecs := make([][]int8, len(ps))
	for i := range ps {
		vecs[i] = make([]int8, m.n)
		m.levels(&ps[i], vecs[i])
	}
	best := maxVector(m.n, vecs, -1)
	tr := TeamResult{Result: m.result(best, t), Members: make([]string, len(ps))}
	for i, p := range ps {
		tr.Members[i] = p.ID
	}
	// Who covers what.
	tr.Covers = m.covers(tr.Covers, "", t, best, vecs, ps)
	for _, p := range t.parts {
		tr.Covers = m.covers(tr.Covers, p.role.id, p.role, best, vecs, ps)
	}
	// What each member adds.
	tr.Contributions = make([]Contribution, len(ps))
	for i := range ps {
		without, _ := m.fit(maxVector(m.n, vecs, i), t)
		tr.Contributions[i] = Contribution{Profile: ps[i].ID, Loss: round(max(tr.Result.Fit-without, 0))}
	}
	slices.SortStableFunc(tr.Contributions, func(a, b Contribution) int {
		return cmp.Or(cmp.Compare(b.Loss, a.Loss), cmp.Compare(a.Profile, b.Profile))
	})
	return tr, nil
}

// covers appends the covers of t's own requirements for the team whose
// best levels are best and whose members' levels are vecs.
func (m *Matcher) covers(out []Cover, part role.ID, t *target, best []int8, vecs [][]int8, ps []profile.Profile) []Cover {
	for i := range t.reqs {
		r := &t.reqs[i]
		s, have := m.eval(best, r)
		c := Cover{Part: part, Of: slices.Clone(r.of), AtLeast: r.atLeast, Need: competency.Level(r.level), Have: competency.Level(have), Met: s == 1, By: []string{}}
		ids := counting(best, r)
		for mi, v := range vecs {
			if slices.ContainsFunc(ids, func(id int32) bool { return v[id] == best[id] && v[id] > 0 }) {
				c.By = append(c.By, ps[mi].ID)
			}
		}
		out = append(out, c)
	}
	return out
}

// uniqueIDs reports a profile ID that appears twice in a team, whose
// members are named by ID.
func uniqueIDs(ps []profile.Profile) error {
	seen := make(map[string]bool, len(ps))
	for _, p := range ps {
		if seen[p.ID] {
			return fmt.Errorf("match: profile ID %q appears twice in the team", p.ID)
		}
		seen[p.ID] = true
	}
	return nil
}

// maxVector returns the element-wise maximum of vecs, leaving out the one
// at index skip (-1 for none).
func maxVector(n int, vecs [][]int8, skip int) []int8 {
	out := make([]int8, n)
	for i, v := range vecs {
		if i == skip {
			continue
		}
		for j, l := range v {
			out[j] = max(out[j], l)
		}
	}
	return out
}

// counting returns the positions of the IDs that can make up r's score
// for lv: those at or above the k-th best level among Of (so every ID
// tied at the threshold counts), leaving out IDs at level 0.
func counting(lv []int8, r *creq) []int32 {
	levels := make([]int8, len(r.idx))
	for i, id := range r.idx {
		levels[i] = lv[id]
	}
	slices.SortFunc(levels, func(a, b int8) int { return cmp.Compare(b, a) })
	threshold := max(levels[r.k-1], 1)
	var out []int32
	for _, id := range r.idx {
		if lv[id] >= threshold {
			out = append(out, id)
		}
	}
	return out
}
