package match_test

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// The dense-loop bound: how fast a plain Go loop over a people × IDs
// matrix of levels computes a target's fits, written from the framework's
// own types with no help from package match. The benchmarks measure the
// engine's population scoring against it in the same run.

// denseTarget is a target as the plain loop reads it, flattened: a job
// is a weighted mean of weighted means, so its fit is a sum over every
// requirement of its own and of its roles, each with one coefficient
// (its weight's share of its owner, times its owner's share of the job).
// A requirement of one ID contributes coefficient × min(level, need) /
// need, looked up in a table of the six levels; a group, the same for its
// k best levels.
type denseTarget struct {
	singles []denseSingle
	groups  []denseGroup
}

// denseSingle is a requirement of one ID: its position in a row, and its
// contribution at each level.
type denseSingle struct {
	idx  int
	term [6]float64
}

// denseGroup is a requirement of several IDs, k of which must reach need.
type denseGroup struct {
	idx  []int
	k    int
	need int
	coef float64 // the requirement's share of the fit, over k × need
}

// denseOf returns target of f in the plain loop's form.
func denseOf(f *wlp.Framework, target role.ID) denseTarget {
	var t denseTarget
	add := func(rs []role.Requirement, share float64) {
		total := 0.0
		for _, r := range rs {
			total += r.Weight
		}
		for _, r := range rs {
			coef := share * r.Weight / total
			if len(r.Of) == 1 {
				d := denseSingle{idx: f.Index(r.Of[0])}
				for l := range d.term {
					d.term[l] = coef * float64(min(l, int(r.Level))) / float64(r.Level)
				}
				t.singles = append(t.singles, d)
				continue
			}
			g := denseGroup{k: r.K(), need: int(r.Level), coef: coef / float64(r.K()*int(r.Level))}
			for _, id := range r.Of {
				g.idx = append(g.idx, f.Index(id))
			}
			t.groups = append(t.groups, g)
		}
	}
	if r, ok := f.Role(target); ok {
		add(r.Requirements, 1)
		return t
	}
	j, _ := f.Job(target)
	total := 0.0
	for _, s := range j.Roles {
		total += s.Weight
	}
	for _, r := range j.Requirements {
		total += r.Weight
	}
	for _, s := range j.Roles {
		r, _ := f.Role(s.Role)
		add(r.Requirements, s.Weight/total)
	}
	own := 0.0
	for _, r := range j.Requirements {
		own += r.Weight
	}
	add(j.Requirements, own/total)
	return t
}

// denseFits computes the fit of every row of levels (width bytes each)
// against t, into fits: the plain loop, on one thread.
func denseFits(levels []int8, width int, t *denseTarget, fits []float64) {
	for i := range fits {
		row := levels[i*width : (i+1)*width]
		fit := 0.0
		for j := range t.singles {
			s := &t.singles[j]
			fit += s.term[row[s.idx]]
		}
		for j := range t.groups {
			g := &t.groups[j]
			var count [6]int
			for _, at := range g.idx {
				count[row[at]]++
			}
			left, got := g.k, 0
			for l := 5; l > 0 && left > 0; l-- {
				n := min(count[l], left)
				got += n * min(l, g.need)
				left -= n
			}
			fit += g.coef * float64(got)
		}
		fits[i] = fit
	}
}

// denseMatrix returns ps's levels as a people × IDs matrix.
func denseMatrix(f *wlp.Framework, ps []profile.Profile) []int8 {
	ids := f.IDs()
	out := make([]int8, 0, len(ps)*len(ids))
	for _, p := range ps {
		for _, id := range ids {
			out = append(out, int8(min(max(p.Ratings[id].Level, 0), 5)))
		}
	}
	return out
}

// generated returns n people of the benchmarks' seeded population: each
// rates 15 to 21 of the default framework's 21 IDs.
func generated(n int) []profile.Profile {
	return slices.Collect(testfix.Population(wlp.Default(), 14, n))
}

// TestDenseBound checks that the plain loop the benchmarks measure
// against computes the same fits as the engine (to 1e-12, since it does
// not round), so that it is a bound on the same work.
func TestDenseBound(t *testing.T) {
	f := wlp.Default()
	ps := slices.Collect(testfix.Population(f, 3, 2000))
	pop := populationOf(t, f, ps)
	levels := denseMatrix(f, ps)
	m := match.New(f)
	for _, target := range allTargets {
		dt := denseOf(f, target)
		bound := make([]float64, len(ps))
		denseFits(levels, len(f.IDs()), &dt, bound)
		fits, err := m.FitPopulation(pop, target, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range fits {
			if math.Abs(fits[i]-bound[i]) > 1e-12 {
				t.Fatalf("%s: person %d: the plain loop gives %v, the engine %v", target, i, bound[i], fits[i])
			}
		}
	}
}

// perPerson reports the time a benchmark took per person.
func perPerson(b *testing.B, start time.Time, n int) {
	b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(n), "ns/person")
}

// BenchmarkDense scores 100,000 people of the seeded population against
// a role and the CLO job four ways: the dense-loop bound (one thread),
// FitPopulation on one CPU and on all of them, and Fit over the people's
// profiles one by one (the map-based scorer). README's figures come from
// the ratios of their ns/person.
func BenchmarkDense(b *testing.B) {
	f := wlp.Default()
	const n = 100_000
	ps := generated(n)
	pop := populationOf(b, f, ps)
	levels := denseMatrix(f, ps)
	m := match.New(f)
	fits := make([]float64, n)
	for _, target := range []role.ID{role.BusinessPartner, role.CLO} {
		dt := denseOf(f, target)
		b.Run(string(target)+"/bound", func(b *testing.B) {
			start := time.Now()
			for b.Loop() {
				denseFits(levels, len(f.IDs()), &dt, fits)
			}
			perPerson(b, start, n)
		})
		b.Run(string(target)+"/FitPopulation-1cpu", func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			start := time.Now()
			for b.Loop() {
				if _, err := m.FitPopulation(pop, target, fits); err != nil {
					b.Fatal(err)
				}
			}
			perPerson(b, start, n)
		})
		b.Run(string(target)+"/FitPopulation", func(b *testing.B) {
			start := time.Now()
			for b.Loop() {
				if _, err := m.FitPopulation(pop, target, fits); err != nil {
					b.Fatal(err)
				}
			}
			perPerson(b, start, n)
		})
		b.Run(string(target)+"/Fit-profiles", func(b *testing.B) {
			start := time.Now()
			for b.Loop() {
				for i := range ps {
					fits[i], _ = m.Fit(ps[i], target)
				}
			}
			perPerson(b, start, n)
		})
	}
}

// heldMB returns the megabytes of heap that build's result holds.
func heldMB(build func() any) (float64, any) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20), v
}

// BenchmarkMillion ranks populations of 10,000, 100,000 and 1,000,000
// seeded people for the CLO job, keeping the best 10: Rank over their
// profiles (maps), RankPopulation over the compact form, and Shortlists,
// everyone against all five targets of the default framework, each
// person's best 3 and each target's best 3. "held-MB" is the memory the
// input holds: the profiles, or the population.
func BenchmarkMillion(b *testing.B) {
	f := wlp.Default()
	m := match.New(f)
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		var profilesMB, popMB float64
		var ps []profile.Profile
		var pop *match.Population
		b.Run(fmt.Sprintf("people=%d/Rank", n), func(b *testing.B) {
			if ps == nil {
				mb, v := heldMB(func() any { return generated(n) })
				profilesMB, ps = mb, v.([]profile.Profile)
			}
			start := time.Now()
			for b.Loop() {
				if _, err := m.Rank(ps, role.CLO, 10); err != nil {
					b.Fatal(err)
				}
			}
			perPerson(b, start, n)
			b.ReportMetric(profilesMB, "held-MB")
		})
		b.Run(fmt.Sprintf("people=%d/RankPopulation", n), func(b *testing.B) {
			if pop == nil {
				if ps == nil {
					ps = generated(n)
				}
				mb, v := heldMB(func() any { return populationOf(b, f, ps) })
				popMB, pop = mb, v.(*match.Population)
			}
			start := time.Now()
			for b.Loop() {
				if _, err := m.RankPopulation(pop, role.CLO, 10); err != nil {
					b.Fatal(err)
				}
			}
			perPerson(b, start, n)
			b.ReportMetric(popMB, "held-MB")
		})
		b.Run(fmt.Sprintf("people=%d/Shortlists", n), func(b *testing.B) {
			if pop == nil {
				pop = populationOf(b, f, generated(n))
			}
			ps = nil // the profiles' maps are not needed any more
			start := time.Now()
			for b.Loop() {
				s, err := m.Shortlists(pop, 3)
				if err != nil {
					b.Fatal(err)
				}
				sink += s.People[0].Best[0].Fit
			}
			perPerson(b, start, n)
		})
	}
}
