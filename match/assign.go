package match

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/wlpmodel/wlp/problem"
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
// to whoever fits it best (the first profile ID among equals), and so
// does an n of at least the number of hats. A negative n is ignored.
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
// unworn, and otherwise every hat is worn.
//
// The method is exact: fits count as the 12-decimal values the engine
// reports, and weighted sums are added up in integer arithmetic, without
// rounding, so no other assignment has a larger total. Among assignments
// with the
// same total it takes the one that gives the first hat, in the order
// asked, to the person whose profile ID sorts first, then the second hat
// likewise, and so on, a hat left unworn coming after every person: the
// answer never depends on the order of ps. The error wraps
// [ErrUnknownTarget] for an ID that is neither a role nor a job, and
// reports a role listed twice or a profile ID that appears twice.
//
// For P people and H hats, Assign computes the P × H fits, each the cost
// of a [Matcher.Fit], and keeps them: O(P × H) memory. With no limit on
// hats each hat then goes to its best wearer in O(P × H). Otherwise the
// Hungarian algorithm, with the S = min(H, P × limit) hats to be worn on
// its short side, and the tie rule take O(S² × (P + H)) time more:
// linear in people for a fixed number of hats.
func (m *Matcher) Assign(ps []profile.Profile, hats []role.ID, opts ...AssignOption) (Assignment, error) {
	a, _, err := m.assign(ps, hats, opts)
	return a, err
}

// assign is Assign, which also reports its work: the cells of the fit and
// cost matrices it visits, a measure that grows as its running time does.
func (m *Matcher) assign(ps []profile.Profile, hats []role.ID, opts []AssignOption) (Assignment, int, error) {
	cfg := assignConfig{maxHats: 1}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	out := Assignment{Hats: []Hat{}} // [] in JSON, and back, when no hat is asked for
	var roles []*target
	seen := make(map[role.ID]bool, len(hats))
	add := func(t *target, w float64) error {
		if seen[t.id] {
			return fmt.Errorf("match: role %s is asked for twice", problem.Quote(string(t.id)))
		}
		seen[t.id] = true
		out.Hats = append(out.Hats, Hat{Role: t.id, Weight: w})
		roles = append(roles, t)
		return nil
	}
	for _, id := range hats {
		t, err := m.lookup(id)
		if err != nil {
			return Assignment{}, 0, err
		}
		if t.kind == KindJob {
			for _, p := range t.parts {
				if err := add(p.role, p.weight); err != nil {
					return Assignment{}, 0, err
				}
			}
			continue
		}
		if err := add(t, 1); err != nil {
			return Assignment{}, 0, err
		}
	}
	if err := uniqueIDs(ps); err != nil {
		return Assignment{}, 0, err
	}
	if len(ps) == 0 || len(out.Hats) == 0 {
		return out, 0, nil
	}

	P, H := len(ps), len(out.Hats)
	fits := m.fitMatrix(ps, roles)
	work := P * H
	// wearer[j] is the index in ps of hat j's wearer, or -1.
	wearer := make([]int, H)
	before := func(a, b int) bool { return ps[a].ID < ps[b].ID }
	slots := cfg.maxHats
	if slots == 0 || slots >= H {
		// No limit that binds: each hat to its best fit, the first ID
		// among equals. Within a hat the weight is common, so fits
		// compare as the weighted values do.
		for j := range H {
			best := 0
			for i := 1; i < P; i++ {
				if f, b := fits[i*H+j], fits[best*H+j]; f > b || f == b && before(i, best) {
					best = i
				}
			}
			wearer[j] = best
		}
	} else {
		s := newAssignSolver(fits, out.Hats, P, slots)
		s.solve()
		wearer = s.settle(before)
		work += s.work
	}
	for j, i := range wearer {
		if i >= 0 {
			out.Hats[j].Profile = ps[i].ID
			out.Hats[j].Fit = fits[i*H+j]
		}
	}
	for _, h := range out.Hats {
		out.Total += h.Weight * h.Fit
	}
	out.Total = round(out.Total)
	return out, work, nil
}

// fitMatrix returns the fits of the people ps for the roles, person by
// person: fits[i*len(roles)+j] is person i's fit for role j. It reads
// each person's ratings of the IDs the roles read, or all their ratings
// when they are fewer, into one vector, so its cost is linear in people
// whatever the size of the framework.
func (m *Matcher) fitMatrix(ps []profile.Profile, roles []*target) []float64 {
	var reads []int32
	seen := make(map[int32]bool)
	for _, t := range roles {
		for _, i := range t.reads {
			if !seen[i] {
				seen[i] = true
				reads = append(reads, i)
			}
		}
	}
	var buf [vecSize]int8
	lv := m.newVector(&buf)
	// The positions in reads are 0 before each person: the fits read
	// nothing else, whatever levels left in the other positions.
	fits := make([]float64, len(ps)*len(roles))
	for i := range ps {
		p := &ps[i]
		m.read(p, reads, lv)
		row := fits[i*len(roles) : (i+1)*len(roles)]
		for j, t := range roles {
			row[j], _ = m.fit(lv, t)
		}
		for _, k := range reads {
			lv[k] = 0
		}
	}
	return fits
}

// wide is a signed 192-bit integer in two's complement, hi holding the
// top 64 bits. Assign weighs fits in it exactly: a weight from 1e-6 to
// 1e6 is an odd integer of at most 53 bits times a power of two, so with
// the smallest power taken out it is an integer below 2^93; a fit is an
// integer number of 1e-12 below 2^40; their product is below 2^133. The
// Hungarian algorithm moves a potential by at most one augmenting path's
// cost, rows times the largest cost, per row, so potentials stay below
// rows² × 2^133: inside 2^191 for any problem that fits in memory.
type wide struct {
	hi      int64
	mid, lo uint64
}

func (a wide) add(b wide) wide {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	mid, c := bits.Add64(a.mid, b.mid, c)
	return wide{a.hi + b.hi + int64(c), mid, lo}
}

func (a wide) sub(b wide) wide {
	lo, c := bits.Sub64(a.lo, b.lo, 0)
	mid, c := bits.Sub64(a.mid, b.mid, c)
	return wide{a.hi - b.hi - int64(c), mid, lo}
}

func (a wide) less(b wide) bool {
	if a.hi != b.hi {
		return a.hi < b.hi
	}
	if a.mid != b.mid {
		return a.mid < b.mid
	}
	return a.lo < b.lo
}

// mulShift returns m × k × 2^s.
func mulShift(m, k uint64, s uint) wide {
	h, l := bits.Mul64(m, k)
	x := [3]uint64{l, h, 0}
	for ; s >= 64; s -= 64 {
		x[2], x[1], x[0] = x[1], x[0], 0
	}
	if s > 0 {
		x[2] = x[2]<<s | x[1]>>(64-s)
		x[1] = x[1]<<s | x[0]>>(64-s)
		x[0] <<= s
	}
	return wide{int64(x[2]), x[1], x[0]}
}

// mantExp splits a positive finite w into an odd mantissa m and an
// exponent e with w = m × 2^e.
func mantExp(w float64) (m uint64, e int) {
	frac, exp := math.Frexp(w)
	m = uint64(frac * (1 << 53))
	e = exp - 53
	tz := bits.TrailingZeros64(m)
	return m >> tz, e + tz
}

// weigh returns the weighted fits of the matrix fits (P people by the
// hats' roles, person by person) as exact integers, hats[j].Weight ×
// fits[i*H+j] × 1e12 times a power of two common to all, in a matrix of
// the same shape: person by person, or hat by hat when byHat is set.
func weigh(fits []float64, hats []Hat, byHat bool) []wide {
	H := len(hats)
	P := len(fits) / max(H, 1)
	mant := make([]uint64, H)
	exp := make([]int, H)
	low := math.MaxInt
	for j, h := range hats {
		mant[j], exp[j] = mantExp(h.Weight)
		low = min(low, exp[j])
	}
	out := make([]wide, len(fits))
	for c, f := range fits {
		i, j := c/H, c%H
		// A fit is k/1e12 for an integer k, rounded to a float64: the
		// rounding is far below 0.5 after scaling back.
		k := uint64(math.Round(f * 1e12))
		x := mulShift(mant[j], k, uint(exp[j]-low))
		if byHat {
			out[j*P+i] = x
		} else {
			out[c] = x
		}
	}
	return out
}
