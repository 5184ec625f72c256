package match_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/role"
)

// BenchmarkGrowthScore scores one person against a role of n single
// requirements and against one of ten groups over n IDs: Score's cost
// grows with the requirements and the IDs they list.
func BenchmarkGrowthScore(b *testing.B) {
	for _, target := range []role.ID{"wide", "wide-groups"} {
		for _, n := range []int{500, 1000, 2000} {
			f := mustNew(b, wideSpec(n))
			m := match.New(f)
			p := widePerson(rand.New(rand.NewPCG(1, uint64(n))), f, "p")
			b.Run(fmt.Sprintf("%s/n=%d", target, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := m.Score(p, target); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
