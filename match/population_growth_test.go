package match_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// growthPeople returns n people of the default framework for the growth
// benchmarks of populations and streams.
func growthPeople(n int) []profile.Profile {
	f := wlp.Default()
	rng := rand.New(rand.NewPCG(5, uint64(n)))
	ps := make([]profile.Profile, n)
	for i := range ps {
		ps[i] = widePerson(rng, f, "p"+strconv.Itoa(i))
	}
	return ps
}

// BenchmarkGrowthPopulationAdd builds populations of n people: time and
// memory in proportion to n (a few dozen bytes a person).
func BenchmarkGrowthPopulationAdd(b *testing.B) {
	for _, n := range []int{10000, 20000, 40000} {
		ps := growthPeople(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pop := match.NewPopulation(nil)
				for _, p := range ps {
					if err := pop.Add(p); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkGrowthFitPopulation computes the CLO fits of n people into a
// buffer of the caller's: time in proportion to n, no allocation.
func BenchmarkGrowthFitPopulation(b *testing.B) {
	m := match.New(nil)
	for _, n := range []int{10000, 20000, 40000} {
		pop := populationOf(b, wlp.Default(), growthPeople(n))
		fits := make([]float64, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.FitPopulation(pop, role.CLO, fits); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGrowthRankPopulation ranks n people for the CLO job, keeping
// the best 10: time in proportion to n, memory to k.
func BenchmarkGrowthRankPopulation(b *testing.B) {
	m := match.New(nil)
	for _, n := range []int{10000, 20000, 40000} {
		pop := populationOf(b, wlp.Default(), growthPeople(n))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.RankPopulation(pop, role.CLO, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGrowthShortlists matches n people against every role and job,
// keeping 3 each way: time and memory in proportion to n (the people's
// shortlists are the result).
func BenchmarkGrowthShortlists(b *testing.B) {
	m := match.New(nil)
	for _, n := range []int{10000, 20000, 40000} {
		pop := populationOf(b, wlp.Default(), growthPeople(n))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Shortlists(pop, 3); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGrowthRankSeq ranks a stream of n people for the CLO job,
// keeping the best 10: time in proportion to n, memory to k.
func BenchmarkGrowthRankSeq(b *testing.B) {
	m := match.New(nil)
	for _, n := range []int{10000, 20000, 40000} {
		ps := growthPeople(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.RankSeq(slices.Values(ps), role.CLO, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
