package match

import (
	"fmt"
	"math"
	"slices"

	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// Hat is one role handed to one person.
type Hat struct {
	// Role is the role's ID.
	Role role.ID `json:"role"`
	// Weight is the role's weight in the assignment: its share weight when
	// it comes from a job, else 1.
	Weight float64 `json:"weight"`
	// Profile is the ID of the person who wears the hat, or empty when
	// nobody is left to wear it.
	Profile string `json:"profile"`
	// Fit is that person's fit for the role (0 when nobody wears it).
	Fit float64 `json:"fit" jsonschema:"minimum=0,maximum=1"`
}

// Assignment hands out hats to the members of a team.
type Assignment struct {
	// Hats lists the roles in the order asked for, each with its wearer.
	Hats []Hat `json:"hats"`
	// Total is the weighted sum of the wearers' fits, the quantity the
	// assignment maximises.
	Total float64 `json:"total"`
}

// AssignOption configures [Matcher.Assign].
type AssignOption func(*assignConfig)

type assignConfig struct{ maxHats int }

// MaxHats lets each person wear at most n hats. The default, 1, gives
// every hat to a different person; 0 removes the limit, so each hat goes
// to whoever fits it best. A negative n is ignored.
func MaxHats(n int) AssignOption {
	return func(c *assignConfig) {
		if n >= 0 {
			c.maxHats = n
		}
	}
}

// Assign hands the hats (roles) out to the team ps so that the weighted sum
// of the wearers' fits is as large as possible, and returns the
// assignment. A hat named by a job's ID stands for that job's roles, each
// weighted by its share; a role named directly weighs 1. By default each
// person wears at most one hat ([MaxHats] changes that); when hats
// outnumber the places people have, the hats that would add least stay
// unworn.
//
// The method is exact: the Hungarian algorithm on the people-by-hats
// matrix of weighted fits, with each person repeated once per hat they may
// wear, so no other assignment has a larger total. Among equally good
// assignments it prefers people earlier in ps. The error wraps
// [ErrUnknownTarget] for an ID that is neither a role nor a job, and
// reports a role listed twice or a profile ID that appears twice.
func (m *Matcher) Assign(ps []profile.Profile, hats []role.ID, opts ...AssignOption) (Assignment, error) {
	cfg := assignConfig{maxHats: 1}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	var out Assignment
	for _, id := range hats {
		t, err := m.lookup(id)
		if err != nil {
			return Assignment{}, err
		}
		if t.kind == KindJob {
			for _, p := range t.parts {
				out.Hats = append(out.Hats, Hat{Role: p.role.id, Weight: p.weight})
			}
			continue
		}
		out.Hats = append(out.Hats, Hat{Role: id, Weight: 1})
	}
	for i, h := range out.Hats {
		if slices.ContainsFunc(out.Hats[:i], func(o Hat) bool { return o.Role == h.Role }) {
			return Assignment{}, fmt.Errorf("match: role %q is asked for twice", h.Role)
		}
	}
	if err := uniqueIDs(ps); err != nil {
		return Assignment{}, err
	}
	if len(ps) == 0 || len(out.Hats) == 0 {
		return out, nil
	}

	// fits[i][j]: person i's fit for hat j.
	fits := make([][]float64, len(ps))
	var buf [vecSize]int8
	for i := range ps {
		clear(buf[:])
		lv := m.vector(&ps[i], nil, &buf)
		fits[i] = make([]float64, len(out.Hats))
		for j, h := range out.Hats {
			fits[i][j], _ = m.fit(lv, m.targets[h.Role])
		}
	}

	slots := cfg.maxHats
	if slots == 0 || slots > len(out.Hats) {
		slots = len(out.Hats)
	}
	// Rows: people, each repeated once per hat they may wear. Columns:
	// hats. The tiny rank term makes ties go to earlier people.
	rows := len(ps) * slots
	value := make([][]float64, rows)
	for r := range value {
		i := r % len(ps)
		value[r] = make([]float64, len(out.Hats))
		for j, h := range out.Hats {
			value[r][j] = h.Weight*fits[i][j] - 1e-9*float64(r)/float64(rows)
		}
	}
	for r, j := range hungarian(value) {
		if j < 0 {
			continue
		}
		i := r % len(ps)
		out.Hats[j].Profile = ps[i].ID
		out.Hats[j].Fit = fits[i][j]
	}
	for _, h := range out.Hats {
		out.Total += h.Weight * h.Fit
	}
	out.Total = round(out.Total)
	return out, nil
}

// hungarian returns, for each row of value, the column it is assigned to
// (or -1), maximising the sum of the assigned values. It solves the
// rectangular problem by padding it square with zeros: O(n³) for n the
// larger side.
func hungarian(value [][]float64) []int {
	rows, cols := len(value), len(value[0])
	n := max(rows, cols)
	hi := math.Inf(-1)
	for _, row := range value {
		for _, v := range row {
			hi = max(hi, v)
		}
	}
	hi = max(hi, 0)
	// cost[i][j] = hi - value, 1-based with padding at cost hi (value 0).
	cost := func(i, j int) float64 {
		if i <= rows && j <= cols {
			return hi - value[i-1][j-1]
		}
		return hi
	}
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	p := make([]int, n+1) // p[j]: row matched to column j
	way := make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				c := cost(i0, j) - u[i0] - v[j]
				if c < minv[j] {
					minv[j], way[j] = c, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	out := make([]int, rows)
	for i := range out {
		out[i] = -1
	}
	for j := 1; j <= n; j++ {
		if i := p[j]; i >= 1 && i <= rows && j <= cols {
			out[i-1] = j - 1
		}
	}
	return out
}
