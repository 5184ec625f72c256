package match

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// TestLevelsAgreesWithLookup checks vector's two ways of reading a
// profile, a pass over its ratings through the index (levels) and one
// access per ID a target reads (gather): for frameworks with and without
// a perfect hash, random profiles rating known IDs, near misses and noise
// get the same level vector as a plain map-based reading.
func TestLevelsAgreesWithLookup(t *testing.T) {
	frameworks := map[string][]competency.ID{
		"default": wlp.Default().IDs(),
		"twins":   twins(5),
		"mixed":   {"a", "abcdefgh", "abcdefghijklmnopq", "managing-the-learning-function"},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for name, ids := range frameworks {
		t.Run(name, func(t *testing.T) {
			m := New(indexFramework(t, ids))
			var candidates []competency.ID
			candidates = append(candidates, ids...)
			candidates = append(candidates, twins(8)...)
			for _, id := range ids {
				candidates = append(candidates, id+"x", id[:len(id)-1], competency.ID(strings.ToUpper(string(id))))
			}
			for n := range 300 {
				p := profile.Profile{ID: fmt.Sprint(n), Ratings: map[competency.ID]profile.Rating{}}
				for range rng.IntN(len(candidates)) {
					p.Ratings[candidates[rng.IntN(len(candidates))]] = profile.Rating{Level: competency.Level(rng.IntN(9) - 2)}
				}
				want := make([]int8, m.n)
				for i, id := range ids {
					if r, ok := p.Ratings[id]; ok {
						want[i] = int8(min(max(r.Level, 0), 5))
					}
				}
				got := make([]int8, m.n)
				m.levels(&p, got)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("profile %v: levels (-want +got):\n%s", p.Ratings, diff)
				}
				// vector reads a target's positions by one pass or by
				// gathering; either way they must match.
				for id := range m.targets {
					tg, _ := m.lookup(id) // compiles a job
					var buf [vecSize]int8
					lv := m.vector(&p, tg, &buf)
					for _, i := range tg.reads {
						if lv[i] != want[i] {
							t.Fatalf("profile %v, target %s: vector[%d] = %d, want %d", p.Ratings, tg.id, i, lv[i], want[i])
						}
					}
				}
			}
		})
	}
}

// BenchmarkLevels reads a profile that rates every ID of the default
// framework (and a few it lacks) into a level vector, in one pass over
// its ratings: one lookup in the index per rating. When levels stopped
// inlining a copy of the index's probe and called lookup instead, this
// took 7% longer (about 0.3 ns a rating, 285 ns to 306 ns), a cost that
// Score pays only for a person with fewer ratings than the target reads
// (others are read by gather) and BenchmarkScore not at all.
func BenchmarkLevels(b *testing.B) {
	m := New(wlp.Default())
	p := profile.Profile{ID: "p", Ratings: map[competency.ID]profile.Rating{"unknown": {Level: 2}, "x": {Level: 1}}}
	for i, id := range m.ids {
		p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6)}
	}
	lv := make([]int8, m.n)
	b.ReportAllocs()
	for b.Loop() {
		m.levels(&p, lv)
	}
}
