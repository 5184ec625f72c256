package match_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// BenchmarkGrowthRank ranks n people for the CLO job, keeping the best
// 10: the cost grows with the people, the memory with k.
func BenchmarkGrowthRank(b *testing.B) {
	f := wlp.Default()
	m := match.New(f)
	rng := rand.New(rand.NewPCG(2, 2004))
	for _, n := range []int{10000, 20000, 40000} {
		ps := make([]profile.Profile, n)
		for i := range ps {
			ps[i] = widePerson(rng, f, "p"+strconv.Itoa(i))
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Rank(ps, role.CLO, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGrowthBestRoles scores one person against every role of a
// framework of n roles.
func BenchmarkGrowthBestRoles(b *testing.B) {
	for _, n := range []int{100, 200, 400} {
		f := mustNew(b, blendSpec(n, 20))
		m := match.New(f)
		p := widePerson(rand.New(rand.NewPCG(3, uint64(n))), f, "p")
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if rs := m.BestRoles(p); len(rs) != n {
					b.Fatalf("%d results for %d roles", len(rs), n)
				}
			}
		})
	}
}
