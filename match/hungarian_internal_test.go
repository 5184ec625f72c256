package match

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// bruteWearers returns, for fits of P people (person by person) for the
// hats, the wearer of each hat (-1 for none) that Assign's rule picks,
// found by trying every assignment in which nobody wears more than limit
// hats (0: any number): the largest exact total of weight × fit (fits read as the
// decimals they stand for), then the most hats worn, then, hat by hat,
// the person first in order before, nobody last.
func bruteWearers(fits []float64, hats []Hat, P, limit int, before func(a, b int) bool) []int {
	H := len(hats)
	cur, best := make([]int, H), []int(nil)
	used := make([]int, P)
	bestTotal, bestWorn := new(big.Float), -1
	// better reports whether cur comes before best, hat by hat.
	better := func() bool {
		for j := range H {
			a, b := cur[j], best[j]
			switch {
			case a == b:
				continue
			case a < 0:
				return false
			case b < 0:
				return true
			}
			return before(a, b)
		}
		return false
	}
	var rec func(j int)
	rec = func(j int) {
		if j == H {
			total, worn := new(big.Float).SetPrec(1024), 0
			for j, i := range cur {
				if i < 0 {
					continue
				}
				worn++
				k := new(big.Float).SetPrec(1024).SetFloat64(math.Round(fits[i*H+j] * 1e12))
				total.Add(total, k.Mul(k, new(big.Float).SetFloat64(hats[j].Weight)))
			}
			c := total.Cmp(bestTotal)
			if best == nil || c > 0 || c == 0 && (worn > bestWorn || worn == bestWorn && better()) {
				best, bestTotal, bestWorn = append(best[:0:0], cur...), total, worn
			}
			return
		}
		cur[j] = -1
		rec(j + 1)
		for i := range P {
			if limit == 0 || used[i] < limit {
				used[i]++
				cur[j] = i
				rec(j + 1)
				used[i]--
			}
		}
	}
	rec(0)
	return best
}

// TestAssignSolverBruteForce compares the solver and its tie rule with
// brute force on random problems (500) of 1 to 4 people and 2 to 5 hats, with
// fits and weights chosen to tie often, weights that differ by 12 orders
// of magnitude, fits a 1e-12 apart, and people ordered by a random
// permutation: both the hats-for-rows and the places-for-rows sides.
func TestAssignSolverBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 6))
	weights := []float64{1, 1, 2, 3, 0.1, 0.2, 0.3, 0.7, 1e-6, 1e6, 1e-4}
	fitSet := []float64{0, 0, 0.1, 0.2, 0.25, 0.3, 0.5, 0.5, 0.6, 0.75, 0.8, 1, 1, 0.9999999999, 1 - 1e-12}
	sides := map[bool]int{}
	for round := range 500 {
		P, H := 1+rng.IntN(4), 2+rng.IntN(4)
		limit := 1 + rng.IntN(H-1)
		hats := make([]Hat, H)
		for j := range hats {
			hats[j].Weight = weights[rng.IntN(len(weights))]
		}
		fits := make([]float64, P*H)
		for c := range fits {
			fits[c] = fitSet[rng.IntN(len(fitSet))]
		}
		order := rng.Perm(P)
		before := func(a, b int) bool { return order[a] < order[b] }
		s := newAssignSolver(fits, hats, P, limit)
		s.solve()
		sides[s.hatRows]++
		got := s.settle(before)
		if want := bruteWearers(fits, hats, P, limit, before); !cmp.Equal(want, got) {
			t.Fatalf("round %d: %d people (order %v), limit %d, hats %v, fits %v:\nwearers (-want +got):\n%s",
				round, P, order, limit, hats, fits, cmp.Diff(want, got))
		}
	}
	if sides[true] == 0 || sides[false] == 0 {
		t.Errorf("the rounds put hats on the rows %d times and places %d times, want both", sides[true], sides[false])
	}
}

// TestAssignSolverHandChecked: small problems with known answers.
func TestAssignSolverHandChecked(t *testing.T) {
	hats := func(w ...float64) []Hat {
		out := make([]Hat, len(w))
		for j := range w {
			out[j].Weight = w[j]
		}
		return out
	}
	byIndex := func(a, b int) bool { return a < b }
	reverse := func(a, b int) bool { return a > b }
	tests := []struct {
		name   string
		fits   []float64 // person by person
		hats   []Hat
		P      int
		limit  int
		before func(a, b int) bool
		want   []int
	}{
		// Greedy gives hat 0 to person 0 (0.9), leaving 0.1; the best
		// is 0.7 + 0.8.
		{"greedy is wrong", []float64{0.9, 0.8, 0.7, 0.1}, hats(1, 1), 2, 1, byIndex, []int{1, 0}},
		// A fit 1e-10 below another loses, whatever the tie order.
		{"a fit 1e-10 lower", []float64{0.9999999999, 0, 1, 0}, hats(1, 1), 2, 1, byIndex, []int{1, 0}},
		{"a fit 1e-10 lower, order reversed", []float64{0.9999999999, 0, 1, 0}, hats(1, 1), 2, 1, reverse, []int{1, 0}},
		// A hat of weight 1e6 outweighs one at 1e-6: person 0 gives up
		// the light hat (fit 1 against 0) for the heavy one (1 against
		// 0.9999).
		{"weights 1e-6 and 1e6", []float64{1, 1, 0, 0.9999}, hats(1e-6, 1e6), 2, 1, byIndex, []int{1, 0}},
		// Everyone ties: the first hat to the first person in order.
		{"all tie", []float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, hats(1, 1), 3, 1, byIndex, []int{0, 1}},
		{"all tie, order reversed", []float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, hats(1, 1), 3, 1, reverse, []int{2, 1}},
		// One person, two places, three hats: the two best stay worn.
		{"more hats than places", []float64{0.2, 0.9, 0.5}, hats(1, 1, 1), 1, 2, byIndex, []int{-1, 0, 0}},
		// All zero, more hats than places: the first hats are worn.
		{"zero fits, more hats than places", []float64{0, 0, 0, 0, 0, 0}, hats(1, 1, 1), 2, 1, byIndex, []int{0, 1, -1}},
		// Person 0 first wears hat 0 and person 1 hat 1. Person 1 comes
		// first, and takes hat 0 when hat 1 goes unworn and person 0
		// takes hat 2 instead: a move that empties one place and
		// refills another.
		{"move, leave a hat and refill", []float64{1, 0, 1, 1, 1, 0}, hats(1, 1, 1), 2, 1, reverse, []int{1, -1, 0}},
		{"zero fits, order reversed", []float64{0, 0, 0, 0, 0, 0}, hats(1, 1, 1), 2, 1, reverse, []int{1, 0, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newAssignSolver(tt.fits, tt.hats, tt.P, tt.limit)
			s.solve()
			if diff := cmp.Diff(tt.want, s.settle(tt.before)); diff != "" {
				t.Errorf("wearers (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWide checks the 192-bit arithmetic against math/big.
func TestWide(t *testing.T) {
	toBig := func(a wide) *big.Int {
		x := new(big.Int).SetInt64(a.hi)
		x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(a.mid))
		return x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(a.lo))
	}
	rng := rand.New(rand.NewPCG(5, 5))
	for range 2000 {
		m, k, sh := rng.Uint64()>>11|1, rng.Uint64()>>24, uint(rng.IntN(94))
		a := mulShift(m, k, sh)
		want := new(big.Int).Mul(new(big.Int).SetUint64(m), new(big.Int).SetUint64(k))
		want.Lsh(want, sh)
		if got := toBig(a); got.Cmp(want) != 0 {
			t.Fatalf("mulShift(%d, %d, %d) = %v, want %v", m, k, sh, got, want)
		}
		b := mulShift(rng.Uint64()>>11|1, rng.Uint64()>>24, uint(rng.IntN(94)))
		if got, want := toBig(a.sub(b)), new(big.Int).Sub(toBig(a), toBig(b)); got.Cmp(want) != 0 {
			t.Fatalf("%v - %v = %v, want %v", toBig(a), toBig(b), got, want)
		}
		if got, want := toBig(a.sub(b).add(b)), toBig(a); got.Cmp(want) != 0 {
			t.Fatalf("%v - b + b = %v", want, got)
		}
		if got, want := a.less(b), toBig(a).Cmp(toBig(b)) < 0; got != want {
			t.Fatalf("%v < %v: %v, want %v", toBig(a), toBig(b), got, want)
		}
		if got, want := a.sub(b).less(wide{}), toBig(a).Cmp(toBig(b)) < 0; got != want {
			t.Fatalf("%v - %v < 0: %v, want %v", toBig(a), toBig(b), got, want)
		}
	}
	for _, w := range []float64{1, 3, 0.1, 1e-6, 1e6, 0.7, 1e-4} {
		m, e := mantExp(w)
		if m%2 != 1 || math.Ldexp(float64(m), e) != w {
			t.Errorf("mantExp(%v) = %d, %d", w, m, e)
		}
	}
}
