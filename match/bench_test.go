package match_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// refScorer is a deliberately naive scorer: it looks every requirement's
// IDs up in the profile's map, sorts each group's attainments, and walks
// the framework's Spec on every call. It is the baseline the benchmarks
// compare the Matcher with, and a second opinion for the fits.
type refScorer struct{ f *wlp.Framework }

func (r refScorer) req(p profile.Profile, q role.Requirement) float64 {
	att := make([]float64, 0, len(q.Of))
	for _, id := range q.Of {
		have := min(max(p.Ratings[id].Level, 0), competency.MaxLevel)
		att = append(att, float64(min(have, q.Level))/float64(q.Level))
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(att)))
	sum := 0.0
	for _, a := range att[:q.K()] {
		sum += a
	}
	return sum / float64(q.K())
}

func (r refScorer) roleFit(p profile.Profile, id role.ID) float64 {
	ro, _ := r.f.Role(id)
	sum, w := 0.0, 0.0
	for _, q := range ro.Requirements {
		sum += q.Weight * r.req(p, q)
		w += q.Weight
	}
	return round12(sum / w)
}

// round12 rounds as the Matcher does, to 12 decimal places, so that fits
// equal by hand compare equal.
func round12(x float64) float64 { return math.Round(x*1e12) / 1e12 }

func (r refScorer) fit(p profile.Profile, id role.ID) float64 {
	j, ok := r.f.Job(id)
	if !ok {
		return r.roleFit(p, id)
	}
	sum, w := 0.0, 0.0
	for _, s := range j.Roles {
		sum += s.Weight * r.roleFit(p, s.Role)
		w += s.Weight
	}
	for _, q := range j.Requirements {
		sum += q.Weight * r.req(p, q)
		w += q.Weight
	}
	return round12(sum / w)
}

// rank is the naive ranking: score everyone, sort everything.
func (r refScorer) rank(ps []profile.Profile, id role.ID, k int) []string {
	type pf struct {
		id  string
		fit float64
	}
	all := make([]pf, len(ps))
	for i, p := range ps {
		all[i] = pf{p.ID, r.fit(p, id)}
	}
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].fit != all[b].fit {
			return all[a].fit > all[b].fit
		}
		return all[a].id < all[b].id
	})
	out := make([]string, min(k, len(all)))
	for i := range out {
		out[i] = all[i].id
	}
	return out
}

// randomProfiles returns n people with a rating for most IDs of f.
func randomProfiles(f *wlp.Framework, n int, seed uint64) []profile.Profile {
	rng := rand.New(rand.NewPCG(seed, 7))
	ids := f.IDs()
	ps := make([]profile.Profile, n)
	for i := range ps {
		rs := make(map[competency.ID]profile.Rating, len(ids))
		for _, id := range ids {
			if rng.IntN(8) > 0 {
				rs[id] = profile.Rating{Level: competency.Level(rng.IntN(6)), Source: profile.Manager}
			}
		}
		ps[i] = profile.Profile{ID: fmt.Sprintf("p%06d", i), Ratings: rs}
	}
	return ps
}

// TestReferenceAgrees checks that the benchmarks' baseline computes the
// same fits and ranking as the Matcher, so the comparison is fair.
func TestReferenceAgrees(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	ref := refScorer{f}
	ps := randomProfiles(f, 300, 1)
	targets := []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist, role.CLO}
	for _, id := range targets {
		for _, p := range ps {
			got, err := m.Fit(p, id)
			if err != nil {
				t.Fatal(err)
			}
			if want := ref.fit(p, id); got < want-1e-12 || got > want+1e-12 {
				t.Fatalf("Fit(%s, %s) = %v, reference %v", p.ID, id, got, want)
			}
		}
		ranked, err := m.Rank(ps, id, 25)
		if err != nil {
			t.Fatal(err)
		}
		got := make([]string, len(ranked))
		for i, r := range ranked {
			got[i] = r.Profile
		}
		if want := ref.rank(ps, id, 25); !slices.Equal(got, want) {
			t.Errorf("Rank(%s) = %v, reference %v", id, got, want)
		}
	}
}

var sink float64

// BenchmarkScore scores one profile against one role with the full
// explanation. Target on a 2-core machine of this project's CI class:
// under 1 µs and at most 3 allocations per call. It makes 2: the outcomes
// and the gaps (their ID lists are the Matcher's own).
func BenchmarkScore(b *testing.B) {
	m := match.New(wlp.Default())
	p := randomProfiles(wlp.Default(), 1, 3)[0]
	b.ReportAllocs()
	for b.Loop() {
		r, err := m.Score(p, role.BusinessPartner)
		if err != nil {
			b.Fatal(err)
		}
		sink += r.Fit
	}
}

// BenchmarkScorePopulation scores people in turn from a population of
// 10,000 against each role, as a service scoring many people does: their
// rating maps are mostly out of the CPU's caches and their gaps differ
// from call to call, unlike BenchmarkScore's one warm profile, whose
// target (under 1 µs) it shows in harder conditions.
func BenchmarkScorePopulation(b *testing.B) {
	m := match.New(wlp.Default())
	ps := randomProfiles(wlp.Default(), 10_000, 11)
	for _, id := range []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist} {
		b.Run(string(id), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				r, err := m.Score(ps[i], id)
				if err != nil {
					b.Fatal(err)
				}
				sink += r.Fit
				if i++; i == len(ps) {
					i = 0
				}
			}
		})
	}
}

// BenchmarkScoreJob scores one profile against the CLO job, parts and all.
func BenchmarkScoreJob(b *testing.B) {
	m := match.New(wlp.Default())
	p := randomProfiles(wlp.Default(), 1, 3)[0]
	b.ReportAllocs()
	for b.Loop() {
		r, _ := m.Score(p, role.CLO)
		sink += r.Fit
	}
}

// BenchmarkFit is the fit alone, the inner loop of Rank: no allocation.
func BenchmarkFit(b *testing.B) {
	for _, id := range []role.ID{role.BusinessPartner, role.CLO} {
		b.Run(string(id), func(b *testing.B) {
			m := match.New(wlp.Default())
			p := randomProfiles(wlp.Default(), 1, 3)[0]
			b.ReportAllocs()
			for b.Loop() {
				f, _ := m.Fit(p, id)
				sink += f
			}
		})
	}
}

// BenchmarkFitReference is the naive map-based baseline for BenchmarkFit:
// the Matcher should be at least 5x faster in the same run.
func BenchmarkFitReference(b *testing.B) {
	for _, id := range []role.ID{role.BusinessPartner, role.CLO} {
		b.Run(string(id), func(b *testing.B) {
			ref := refScorer{wlp.Default()}
			p := randomProfiles(wlp.Default(), 1, 3)[0]
			b.ReportAllocs()
			for b.Loop() {
				sink += ref.fit(p, id)
			}
		})
	}
}

// BenchmarkRank ranks 100,000 profiles for the CLO job and keeps the top
// 10. Target on a 2-core machine: under 150 ms per ranking, with memory
// per ranking that does not grow with the number of profiles (compare the
// B/op of the 10,000 and 100,000 cases).
func BenchmarkRank(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			m := match.New(wlp.Default())
			ps := randomProfiles(wlp.Default(), n, 5)
			b.ReportAllocs()
			for b.Loop() {
				r, err := m.Rank(ps, role.CLO, 10)
				if err != nil {
					b.Fatal(err)
				}
				sink += r[0].Result.Fit
			}
		})
	}
}

// BenchmarkRankReference is the naive baseline for BenchmarkRank: score
// everyone with the map-based scorer and sort everyone.
func BenchmarkRankReference(b *testing.B) {
	ref := refScorer{wlp.Default()}
	ps := randomProfiles(wlp.Default(), 100_000, 5)
	b.ReportAllocs()
	for b.Loop() {
		r := ref.rank(ps, role.CLO, 10)
		sink += float64(len(r))
	}
}
