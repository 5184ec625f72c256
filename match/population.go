package match

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// Population is many people in compact form, built once and scored
// against many targets: each person's levels as one byte per ID of the
// framework, in [wlp.Framework.IDs] order, and their profile ID. For the
// default framework a person takes 21 bytes of levels, 4 of bookkeeping
// and the bytes of their profile ID: about 33 bytes for an ID of 8
// characters, against some 3.6 KB for a [profile.Profile] held as a map.
//
// A Population keeps what scoring reads and nothing else: a profile's
// ratings (levels clamped to the scale, IDs the framework does not know
// left out), not its name, sources, dates, evidence or reviews. Scoring a
// person of a Population gives exactly what scoring their profile gives
// (see [Matcher.Score]): merge reviews into the ratings before adding a
// profile (see [profile.Profile.Combine]).
//
// Build a Population with [NewPopulation] and [Population.Add]; score it
// with [Matcher.FitPopulation], [Matcher.RankPopulation] and
// [Matcher.Shortlists], using a Matcher of the same framework. Adding is
// not safe for concurrent use; once built, a Population may be scored by
// many goroutines at once.
type Population struct {
	f      *wlp.Framework
	width  int // IDs of the framework: bytes of levels a person
	pos    map[competency.ID]int
	levels []int8   // len(ends) rows of width levels
	ids    []byte   // the profile IDs, one after another
	ends   []uint32 // where each person's ID ends in ids
}

// NewPopulation returns an empty Population of framework f (nil means
// [wlp.Default]). It costs O(IDs of f).
func NewPopulation(f *wlp.Framework) *Population {
	if f == nil {
		f = wlp.Default()
	}
	ids := f.IDs()
	pos := make(map[competency.ID]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	return &Population{f: f, width: len(ids), pos: pos}
}

// maxPopulationIDs bounds the bytes of profile IDs a Population holds,
// since it places them with 32-bit offsets: 4 GiB, some 60 million
// people with IDs of 64 bytes, the longest a profile ID can be.
const maxPopulationIDs uint64 = 1<<32 - 1

// ErrPopulationFull is returned by [Population.Add] when the population's
// profile IDs would take more than 4 GiB.
var ErrPopulationFull = errors.New("match: the population is full: its profile IDs take 4 GiB")

// Add appends p: its profile ID and the levels of its ratings. It costs
// O(len(p.Ratings)) time and, amortised, the bytes a person takes (see
// [Population]). Add does not check p (see [wlp.Framework.ValidateProfile]):
// like [Matcher.Score], it ignores ratings of IDs the framework does not
// know and clamps levels to the scale.
func (pop *Population) Add(p profile.Profile) error {
	if pop == nil || pop.f == nil {
		return errors.New("match: the Population was not made by NewPopulation")
	}
	if uint64(len(pop.ids))+uint64(len(p.ID)) > maxPopulationIDs {
		return ErrPopulationFull
	}
	pop.levels = slices.Grow(pop.levels, pop.width)
	row := pop.levels[len(pop.levels) : len(pop.levels)+pop.width]
	clear(row)
	for id, r := range p.Ratings {
		if i, ok := pop.pos[id]; ok {
			row[i] = clampLevel(r.Level)
		}
	}
	pop.levels = pop.levels[:len(pop.levels)+pop.width]
	pop.ids = append(pop.ids, p.ID...)
	pop.ends = append(pop.ends, uint32(len(pop.ids)))
	return nil
}

// Grow makes room for n more people, so that adding them does not
// reallocate. It costs O(n) memory. It does nothing for n <= 0, or for an
// n whose levels would not fit in memory at all.
func (pop *Population) Grow(n int) {
	if pop == nil || n <= 0 || pop.width > 0 && n > math.MaxInt/pop.width {
		return
	}
	pop.levels = slices.Grow(pop.levels, n*pop.width)
	pop.ends = slices.Grow(pop.ends, n)
}

// Len returns the number of people in the population.
func (pop *Population) Len() int {
	if pop == nil {
		return 0
	}
	return len(pop.ends)
}

// Framework returns the framework the population was built for.
func (pop *Population) Framework() *wlp.Framework {
	if pop == nil {
		return nil
	}
	return pop.f
}

// ID returns the profile ID of person i, in the order they were added.
// It panics if i is out of range, as indexing a slice does. It allocates
// the string.
func (pop *Population) ID(i int) string { return string(pop.id(i)) }

// id returns person i's profile ID, as bytes of pop.ids.
func (pop *Population) id(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = pop.ends[i-1]
	}
	return pop.ids[start:pop.ends[i]]
}

// row returns person i's levels.
func (pop *Population) row(i int) []int8 { return pop.levels[i*pop.width : (i+1)*pop.width] }

// Profile returns person i as a profile that scores as the person does:
// their ID and a rating of each level above 0. It panics if i is out of
// range. It costs O(IDs of the framework).
func (pop *Population) Profile(i int) profile.Profile {
	row := pop.row(i)
	ids := pop.f.IDs()
	p := profile.Profile{ID: pop.ID(i), Ratings: map[competency.ID]profile.Rating{}}
	for j, l := range row {
		if l > 0 {
			p.Ratings[ids[j]] = profile.Rating{Level: competency.Level(l)}
		}
	}
	return p
}

// check returns an error unless pop can be scored by m.
func (m *Matcher) check(pop *Population) error {
	if pop == nil || pop.f == nil {
		return errors.New("match: the Population was not made by NewPopulation")
	}
	if m == nil || m.f == nil {
		return errors.New("match: the Matcher was not made by New")
	}
	if pop.f != m.f && !slices.Equal(pop.f.IDs(), m.ids) {
		return fmt.Errorf("match: the population is of framework %q, whose IDs differ from those of the Matcher's framework %q",
			pop.f.ID(), m.f.ID())
	}
	return nil
}

// workersFor returns how many goroutines share out n people: as many as
// there are CPUs when n is large, else 1. Callers work it out once and
// pass it to spread, since GOMAXPROCS can change between two calls.
func workersFor(n int) int {
	if n < parallelMin {
		return 1
	}
	return max(1, min(runtime.GOMAXPROCS(0), n/(parallelMin/2)))
}

// spread calls work(w, lo, hi) on each of workers goroutines, for slices
// of [0, n) that together cover it; w is the slice's number, from 0.
func spread(n, workers int, work func(w, lo, hi int)) {
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(w, lo, hi)
		}()
	}
	wg.Wait()
}

// FitPopulation returns the fit of every person of pop against the role
// or job target, in pop's order: dst, grown to pop.Len() when it is
// shorter (pass nil to have it allocated). Each fit equals what
// [Matcher.Fit] returns for the person's profile. It costs, per person,
// the target's requirements and the IDs they list, and no allocation
// beyond dst; large populations are shared out over the available CPUs.
// The error wraps [ErrUnknownTarget] when target is neither a role nor a
// job of the framework.
func (m *Matcher) FitPopulation(pop *Population, target role.ID, dst []float64) ([]float64, error) {
	if err := m.check(pop); err != nil {
		return dst, err
	}
	t, err := m.lookup(target)
	if err != nil {
		return dst, err
	}
	n := pop.Len()
	if dst == nil || cap(dst) < n {
		dst = make([]float64, n)
	}
	dst = dst[:n]
	spread(n, workersFor(n), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			dst[i], _ = m.fit(pop.row(i), t)
		}
	})
	return dst, nil
}

// RankPopulation returns the best k people of pop for the role or job
// target, best first, as [Matcher.Rank] ranks their profiles: people who
// fit equally go by profile ID, then by their order in pop; k <= 0 (or k
// >= pop.Len()) ranks everyone. Each result equals what [Matcher.Score]
// returns for the person's profile.
//
// It costs one fit per person and O(n log k) for the ranking, shared out
// over the available CPUs for large populations, plus one full result
// for each of the k people returned; its memory beyond the result grows
// with k, not with the population. The error wraps [ErrUnknownTarget]
// when target is neither a role nor a job of the framework.
func (m *Matcher) RankPopulation(pop *Population, target role.ID, k int) ([]Ranked, error) {
	if err := m.check(pop); err != nil {
		return nil, err
	}
	t, err := m.lookup(target)
	if err != nil {
		return nil, err
	}
	n := pop.Len()
	if k <= 0 || k > n {
		k = n
	}
	if k == 0 {
		return []Ranked{}, nil
	}
	workers := workersFor(n)
	heaps := make([]topK[scored], workers)
	spread(n, workers, func(w, lo, hi int) {
		h := &heaps[w]
		h.k, h.cmp = k, pop.compare
		for i := lo; i < hi; i++ {
			f, _ := m.fit(pop.row(i), t)
			h.offer(scored{fit: f, i: i})
		}
	})
	var all []scored
	for _, h := range heaps[:workers] {
		all = append(all, h.s...)
	}
	slices.SortFunc(all, func(a, b scored) int { return pop.compare(a, b) })
	all = all[:min(k, len(all))]
	out := make([]Ranked, len(all))
	for i, s := range all {
		out[i] = Ranked{Profile: pop.ID(s.i), Result: m.result(pop.row(s.i), t)}
	}
	return out, nil
}

// compare orders two scored people of pop as a ranking does: higher fit
// first, then lower profile ID, then earlier in pop.
func (pop *Population) compare(a, b scored) int {
	switch {
	case a.fit > b.fit:
		return -1
	case a.fit < b.fit:
		return 1
	}
	if c := bytes.Compare(pop.id(a.i), pop.id(b.i)); c != 0 {
		return c
	}
	return a.i - b.i
}
