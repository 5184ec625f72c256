package match_test

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// newRNG is the fixed-seed source of every property test.
func newRNG() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

// randPeople returns n people with IDs "p0000", "p0001", ...; each rates
// about three quarters of f's IDs at a level from 0 to 5.
func randPeople(rng *rand.Rand, f *wlp.Framework, n int) []profile.Profile {
	ids := f.IDs()
	ps := make([]profile.Profile, n)
	for i := range ps {
		rs := make(map[competency.ID]profile.Rating, len(ids))
		for _, id := range ids {
			if rng.IntN(4) > 0 {
				rs[id] = profile.Rating{Level: competency.Level(rng.IntN(6)), Source: profile.Self}
			}
		}
		ps[i] = profile.Profile{ID: fmt.Sprintf("p%04d", i), Ratings: rs}
	}
	return ps
}

// withLevel returns a copy of p with id at level l.
func withLevel(p profile.Profile, id competency.ID, l competency.Level) profile.Profile {
	q := p.Clone()
	if q.Ratings == nil {
		q.Ratings = map[competency.ID]profile.Rating{}
	}
	r := q.Ratings[id]
	r.Level = l
	q.Ratings[id] = r
	return q
}

// diff is gocmp.Diff with a fast path: go-cmp walks large results slowly
// (and very slowly under -race), so it runs only to explain a difference.
func diff(want, got any) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return gocmp.Diff(want, got)
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestPropertyFitInRange(t *testing.T) {
	m := match.New(nil)
	for _, p := range randPeople(newRNG(), wlp.Default(), 500) {
		for _, target := range allTargets {
			r := mustScore(t, m, p, target)
			if !(r.Fit >= 0 && r.Fit <= 1) {
				t.Fatalf("%s %s: fit %v outside [0, 1]", p.ID, target, r.Fit)
			}
			for _, o := range r.Outcomes {
				if !(o.Score >= 0 && o.Score <= 1) || o.Met != (o.Score == 1) {
					t.Fatalf("%s %s: outcome %v score %v met %v", p.ID, target, o.Of, o.Score, o.Met)
				}
			}
			if (r.Confidence == match.Exact) != (r.Fit == 1 && len(r.Gaps) == 0) {
				t.Fatalf("%s %s: confidence %v with fit %v and %d gaps", p.ID, target, r.Confidence, r.Fit, len(r.Gaps))
			}
		}
	}
}

// TestPropertyMonotone: raising any one rating by one level never lowers
// any fit.
func TestPropertyMonotone(t *testing.T) {
	f := wlp.Default()
	for _, strict := range []bool{false, true} {
		var opts []match.Option
		if strict {
			opts = append(opts, match.Strict())
		}
		m := match.New(f, opts...)
		for _, p := range randPeople(newRNG(), f, 300) {
			for _, id := range f.IDs() {
				l := p.Level(id)
				if l >= competency.MaxLevel {
					continue
				}
				up := withLevel(p, id, l+1)
				for _, target := range allTargets {
					before, _ := m.Fit(p, target)
					after, _ := m.Fit(up, target)
					if after < before {
						t.Fatalf("strict=%v %s %s: raising %s from %d to %d lowered the fit from %v to %v", strict, p.ID, target, id, l, l+1, before, after)
					}
				}
			}
		}
	}
}

func TestPropertyDeterministicAndFitAgrees(t *testing.T) {
	m := match.New(nil)
	for _, p := range randPeople(newRNG(), wlp.Default(), 300) {
		for _, target := range allTargets {
			a := mustScore(t, m, p, target)
			b := mustScore(t, m, p.Clone(), target)
			if d := diff(a, b); d != "" {
				t.Fatalf("%s %s: two calls differ:\n%s", p.ID, target, d)
			}
			fit, err := m.Fit(p, target)
			if err != nil || fit != a.Fit {
				t.Fatalf("%s %s: Fit = %v, %v; Score().Fit = %v", p.ID, target, fit, err, a.Fit)
			}
			// Gaps are in development order: Gain descending, then first
			// ID, then part.
			if !slices.IsSortedFunc(a.Gaps, func(x, y match.Gap) int {
				return cmp.Or(cmp.Compare(y.Gain, x.Gain), cmp.Compare(x.Of[0], y.Of[0]), cmp.Compare(x.Part, y.Part))
			}) {
				t.Fatalf("%s %s: gaps out of order: %+v", p.ID, target, a.Gaps)
			}
		}
	}
}

// TestPropertyRoleFitIsWeightedMean: a role's fit is Σ weight·score / Σ
// weight over its outcomes, and each gap's gain is weight/Σ weight ·
// (1 - score).
func TestPropertyRoleFitIsWeightedMean(t *testing.T) {
	m := match.New(nil)
	for _, p := range randPeople(newRNG(), wlp.Default(), 300) {
		for _, target := range allTargets[:4] {
			r := mustScore(t, m, p, target)
			sum, w := 0.0, 0.0
			for _, o := range r.Outcomes {
				sum += o.Weight * o.Score
				w += o.Weight
			}
			if !near(r.Fit, sum/w, 1e-12) {
				t.Fatalf("%s %s: fit %v, weighted mean of outcomes %v", p.ID, target, r.Fit, sum/w)
			}
			var unmet int
			for _, o := range r.Outcomes {
				if o.Met {
					continue
				}
				unmet++
				i := slices.IndexFunc(r.Gaps, func(g match.Gap) bool { return slices.Equal(g.Of, o.Of) })
				if i < 0 {
					t.Fatalf("%s %s: no gap for unmet %v", p.ID, target, o.Of)
				}
				g := r.Gaps[i]
				if g.Part != "" || g.Have != o.Have || g.Need != o.Need || g.AtLeast != o.AtLeast || !near(g.Gain, o.Weight/w*(1-o.Score), 1e-12) {
					t.Fatalf("%s %s: gap %+v for outcome %+v", p.ID, target, g, o)
				}
			}
			if unmet != len(r.Gaps) {
				t.Fatalf("%s %s: %d unmet outcomes, %d gaps", p.ID, target, unmet, len(r.Gaps))
			}
		}
	}
}

// TestPropertyGainIsExact: for every role, closing one single-ID gap (or a
// group gap, by raising its whole group) raises the role's fit by exactly
// the gap's Gain.
func TestPropertyGainIsExact(t *testing.T) {
	f := wlp.Default()
	for _, strict := range []bool{false, true} {
		var opts []match.Option
		if strict {
			opts = append(opts, match.Strict())
		}
		m := match.New(f, opts...)
		checked := 0
		for _, p := range randPeople(newRNG(), f, 300) {
			for _, target := range allTargets[:4] {
				r := mustScore(t, m, p, target)
				for _, g := range r.Gaps {
					q := p
					for _, id := range g.Of {
						q = withLevel(q, id, max(g.Need, q.Level(id)))
					}
					after, _ := m.Fit(q, target)
					if !near(after-r.Fit, g.Gain, 1e-9) {
						t.Fatalf("strict=%v %s %s: closing %v (have %d, need %d) raised the fit by %v, gap says %v",
							strict, p.ID, target, g.Of, g.Have, g.Need, after-r.Fit, g.Gain)
					}
					checked++
				}
			}
		}
		if checked < 1000 {
			t.Errorf("strict=%v: only %d gaps checked", strict, checked)
		}
	}
}

// TestPropertyJobIsWeightedMean: a job's fit is the weighted mean of its
// parts' fits and its own outcomes' scores, each part's Share is its
// weight over the total, and the job's gap gains are the job's shares of
// the parts' gains.
func TestPropertyJobIsWeightedMean(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	job, _ := f.Job(role.CLO)
	for _, p := range randPeople(newRNG(), f, 300) {
		r := mustScore(t, m, p, role.CLO)
		if len(r.Parts) != len(job.Roles) || len(r.Outcomes) != len(job.Requirements) {
			t.Fatalf("%d parts, %d outcomes", len(r.Parts), len(r.Outcomes))
		}
		sum, w := 0.0, 0.0
		for i, pt := range r.Parts {
			if pt.Role != job.Roles[i].Role || pt.Weight != job.Roles[i].Weight {
				t.Fatalf("part %d = %s %v, want %s %v", i, pt.Role, pt.Weight, job.Roles[i].Role, job.Roles[i].Weight)
			}
			sum += pt.Weight * pt.Result.Fit
			w += pt.Weight
		}
		for _, o := range r.Outcomes {
			sum += o.Weight * o.Score
			w += o.Weight
		}
		if w != 16 {
			t.Fatalf("CLO total weight %v, want 16", w)
		}
		if !near(r.Fit, sum/w, 1e-12) {
			t.Fatalf("%s: CLO fit %v, weighted mean of parts %v", p.ID, r.Fit, sum/w)
		}
		shares := 0.0
		for _, pt := range r.Parts {
			if !near(pt.Share, pt.Weight/w, 1e-15) {
				t.Fatalf("part %s share %v, want %v", pt.Role, pt.Share, pt.Weight/w)
			}
			shares += pt.Share
			if d := diff(mustScore(t, m, p, pt.Role), pt.Result); d != "" {
				t.Fatalf("%s: part %s differs from the role's own result:\n%s", p.ID, pt.Role, d)
			}
		}
		for _, o := range r.Outcomes {
			shares += o.Weight / w
		}
		if !near(shares, 1, 1e-12) {
			t.Fatalf("shares sum to %v", shares)
		}
	}
}

// TestPropertyRatingOrder: the order in which the Ratings map is built
// changes nothing.
func TestPropertyRatingOrder(t *testing.T) {
	m := match.New(nil)
	rng := newRNG()
	for _, p := range randPeople(rng, wlp.Default(), 200) {
		ids := p.IDs()
		for range 3 {
			rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
			q := profile.Profile{ID: p.ID, Ratings: make(map[competency.ID]profile.Rating)}
			for _, id := range ids {
				q.Ratings[id] = p.Ratings[id]
			}
			for _, target := range allTargets {
				if d := diff(mustScore(t, m, p, target), mustScore(t, m, q, target)); d != "" {
					t.Fatalf("%s %s: rebuilt ratings changed the result:\n%s", p.ID, target, d)
				}
			}
			if d := diff(m.BestRoles(p), m.BestRoles(q)); d != "" {
				t.Fatalf("%s: rebuilt ratings changed BestRoles:\n%s", p.ID, d)
			}
		}
	}
}

// scoreAll scores every profile against target.
func scoreAll(t testing.TB, m *match.Matcher, ps []profile.Profile, target role.ID) []match.Result {
	t.Helper()
	out := make([]match.Result, len(ps))
	for i, p := range ps {
		out[i] = mustScore(t, m, p, target)
	}
	return out
}

// rankBySort is what Rank must return given everyone's results: sorted by
// fit descending, then profile ID, then input order, cut to k.
func rankBySort(ps []profile.Profile, results []match.Result, k int) []match.Ranked {
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(results[b].Fit, results[a].Fit), cmp.Compare(ps[a].ID, ps[b].ID))
	})
	if k <= 0 || k > len(idx) {
		k = len(idx)
	}
	out := make([]match.Ranked, k)
	for i := range out {
		out[i] = match.Ranked{Profile: ps[idx[i]].ID, Result: results[idx[i]]}
	}
	return out
}

func TestPropertyRank(t *testing.T) {
	m := match.New(nil)
	rng := newRNG()
	ps := randPeople(rng, wlp.Default(), 200)
	// Shuffle the input so that input order is not ID order.
	rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	for _, target := range []role.ID{role.BusinessPartner, role.ProfessionalSpecialist, role.CLO} {
		results := scoreAll(t, m, ps, target)
		for _, k := range []int{0, 1, 10, 200, 500} {
			got, err := m.Rank(ps, target, k)
			if err != nil {
				t.Fatal(err)
			}
			want := rankBySort(ps, results, k)
			if d := diff(want, got); d != "" {
				t.Errorf("Rank(%s, k=%d) (-sorted scores +Rank):\n%s", target, k, d)
			}
		}
		// The input's order does not matter when IDs are unique.
		a, _ := m.Rank(ps, target, 25)
		rev := slices.Clone(ps)
		slices.Reverse(rev)
		b, _ := m.Rank(rev, target, 25)
		if d := diff(a, b); d != "" {
			t.Errorf("Rank(%s) depends on the input order:\n%s", target, d)
		}
	}
}

// TestPropertyRankLarge ranks enough people to cross Rank's parallel
// threshold, with many equal fits and some repeated profile IDs.
func TestPropertyRankLarge(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	f := wlp.Default()
	m := match.New(f)
	rng := newRNG()
	ids := f.IDs()
	const n = 10_000
	ps := make([]profile.Profile, n)
	for i := range ps {
		// Two IDs at 0 or 5 (and sometimes one more): only a few distinct
		// fits, so most people tie with many others.
		rs := map[competency.ID]profile.Rating{}
		for range 2 + rng.IntN(2) {
			rs[ids[rng.IntN(len(ids))]] = profile.Rating{Level: competency.Level(5 * rng.IntN(2))}
		}
		ps[i] = profile.Profile{ID: fmt.Sprintf("q%04d", rng.IntN(n/2)), Ratings: rs}
	}
	for _, target := range []role.ID{role.ProjectManager, role.CLO} {
		results := scoreAll(t, m, ps, target)
		fits := map[float64]int{}
		for _, r := range results {
			fits[r.Fit]++
		}
		if len(fits) > n/10 {
			t.Fatalf("%s: %d distinct fits: not enough ties to test", target, len(fits))
		}
		for _, k := range []int{0, 10, 3000} {
			got, err := m.Rank(ps, target, k)
			if err != nil {
				t.Fatal(err)
			}
			want := rankBySort(ps, results, k)
			// Deep-comparing thousands of job results is slow under -race:
			// compare everyone's place, ID, fit and gap count, and the full
			// results of the top 50 and of every 97th.
			type place struct {
				ID   string
				Fit  float64
				Gaps int
			}
			short := func(rs []match.Ranked) []place {
				out := make([]place, len(rs))
				for i, r := range rs {
					out[i] = place{r.Profile, r.Result.Fit, len(r.Result.Gaps)}
				}
				return out
			}
			if w, g := short(want), short(got); !slices.Equal(w, g) {
				t.Errorf("Rank(%s, %d people, k=%d) (-sorted scores +Rank):\n%s", target, n, k, gocmp.Diff(w, g))
				continue
			}
			for i := range got {
				if i < 50 || i%97 == 0 {
					if d := diff(want[i], got[i]); d != "" {
						t.Errorf("Rank(%s, k=%d)[%d] (-Score +Rank):\n%s", target, k, i, d)
					}
				}
			}
		}
	}
}

// TestPropertyBestRoles: BestRoles is every role scored, best fit first,
// equal fits in the framework's order.
func TestPropertyBestRoles(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	ps := randPeople(newRNG(), f, 300)
	all := map[competency.ID]profile.Rating{}
	for _, id := range f.IDs() {
		all[id] = profile.Rating{Level: 5}
	}
	ps = append(ps, profile.Profile{ID: "empty"}, profile.Profile{ID: "all", Ratings: all})
	order := map[role.ID]int{}
	for i, r := range f.Roles() {
		order[r.ID] = i
	}
	for _, p := range ps {
		got := m.BestRoles(p)
		var want []match.Result
		for _, r := range f.Roles() {
			want = append(want, mustScore(t, m, p, r.ID))
		}
		slices.SortStableFunc(want, func(a, b match.Result) int { return cmp.Compare(b.Fit, a.Fit) })
		if d := diff(want, got); d != "" {
			t.Fatalf("%s: BestRoles (-scored +got):\n%s", p.ID, d)
		}
		for i := 1; i < len(got); i++ {
			a, b := got[i-1], got[i]
			if a.Fit < b.Fit || (a.Fit == b.Fit && order[a.Target] > order[b.Target]) {
				t.Fatalf("%s: %s (%v) before %s (%v)", p.ID, a.Target, a.Fit, b.Target, b.Fit)
			}
		}
	}
	// Equal fits keep the framework's order.
	for _, id := range []string{"empty", "all"} {
		p := ps[slices.IndexFunc(ps, func(p profile.Profile) bool { return p.ID == id })]
		var got []role.ID
		for _, r := range m.BestRoles(p) {
			got = append(got, r.Target)
		}
		if d := diff([]role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist}, got); d != "" {
			t.Errorf("%s: BestRoles order (-framework +got):\n%s", id, d)
		}
	}
}

// TestConcurrentUse runs Score, Fit, BestRoles and Rank from many
// goroutines on one Matcher; run it with -race.
func TestConcurrentUse(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	ps := randPeople(newRNG(), f, 60)
	big := randPeople(rand.New(rand.NewPCG(3, 4)), f, 5000)

	type want struct {
		score map[role.ID][]match.Result
		fit   map[role.ID][]float64
		best  [][]match.Result
		rank  map[role.ID][]match.Ranked
		large []match.Ranked
	}
	w := want{score: map[role.ID][]match.Result{}, fit: map[role.ID][]float64{}, rank: map[role.ID][]match.Ranked{}}
	for _, target := range allTargets {
		for _, p := range ps {
			r := mustScore(t, m, p, target)
			w.score[target] = append(w.score[target], r)
			w.fit[target] = append(w.fit[target], r.Fit)
		}
		w.rank[target], _ = m.Rank(ps, target, 7)
	}
	for _, p := range ps {
		w.best = append(w.best, m.BestRoles(p))
	}
	w.large, _ = m.Rank(big, role.CLO, 5)

	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 3 {
				for i, p := range ps {
					target := allTargets[(g+i+round)%len(allTargets)]
					switch (g + i) % 4 {
					case 0:
						r, err := m.Score(p, target)
						if err != nil || diff(w.score[target][i], r) != "" {
							t.Errorf("goroutine %d: Score(%s, %s) differs from the sequential result (%v)", g, p.ID, target, err)
						}
					case 1:
						fit, err := m.Fit(p, target)
						if err != nil || fit != w.fit[target][i] {
							t.Errorf("goroutine %d: Fit(%s, %s) = %v, sequential %v (%v)", g, p.ID, target, fit, w.fit[target][i], err)
						}
					case 2:
						if d := diff(w.best[i], m.BestRoles(p)); d != "" {
							t.Errorf("goroutine %d: BestRoles(%s) differs:\n%s", g, p.ID, d)
						}
					case 3:
						if i%10 == 3 {
							r, err := m.Rank(ps, target, 7)
							if err != nil || diff(w.rank[target], r) != "" {
								t.Errorf("goroutine %d: Rank(%s) differs (%v)", g, target, err)
							}
						}
					}
				}
			}
			if g%4 == 0 {
				r, err := m.Rank(big, role.CLO, 5)
				if err != nil || diff(w.large, r) != "" {
					t.Errorf("goroutine %d: Rank of %d people differs (%v)", g, len(big), err)
				}
			}
		}()
	}
	wg.Wait()
}
