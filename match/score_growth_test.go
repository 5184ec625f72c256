package match_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// wideSpec is the default framework with n more competencies and roles
// "wide", which requires each of them (level 1 to 5 in turn), and
// "wide-groups", which asks for any n/2 of each tenth of them.
func wideSpec(n int) wlp.Spec {
	s := wlp.DefaultSpec()
	wide := role.Role{ID: "wide", Name: "Wide"}
	groups := role.Role{ID: "wide-groups", Name: "Wide groups"}
	var ids []competency.ID
	for i := range n {
		id := competency.ID("c" + strconv.Itoa(i))
		ids = append(ids, id)
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "C" + strconv.Itoa(i), Cluster: s.Competencies[0].Cluster})
		wide.Requirements = append(wide.Requirements, role.Requirement{Of: []competency.ID{id}, Level: competency.Level(1 + i%5), Weight: float64(1 + i%3), Why: "w"})
	}
	for g := range 10 {
		of := ids[g*n/10 : (g+1)*n/10]
		groups.Requirements = append(groups.Requirements, role.Requirement{Of: of, AtLeast: len(of) / 2, Level: 3, Weight: 1, Why: "w"})
	}
	s.Roles = append(s.Roles, wide, groups)
	return s
}

// widePerson rates every ID of f at a level drawn from rng.
func widePerson(rng *rand.Rand, f *wlp.Framework, id string) profile.Profile {
	p := profile.Profile{ID: id, Ratings: map[competency.ID]profile.Rating{}}
	for _, c := range f.IDs() {
		p.Ratings[c] = profile.Rating{Level: competency.Level(rng.IntN(6))}
	}
	return p
}

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
