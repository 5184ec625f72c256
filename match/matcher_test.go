package match_test

import (
	"errors"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

func TestUnknownTarget(t *testing.T) {
	m := match.New(nil)
	p := morgan()
	for _, target := range []role.ID{"no-such-role", "", "coaching", "Learning-Strategist", "learning-strategist "} {
		check := func(op string, err error) {
			t.Helper()
			if !errors.Is(err, match.ErrUnknownTarget) {
				t.Errorf("%s(%q) error = %v, want ErrUnknownTarget", op, target, err)
				return
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "match: ") || !strings.Contains(msg, `"`+string(target)+`"`) {
				t.Errorf("%s(%q) error %q should start with %q and quote the target", op, target, msg, "match: ")
			}
		}
		res, err := m.Score(p, target)
		check("Score", err)
		if d := cmp.Diff(match.Result{}, res); d != "" {
			t.Errorf("Score(%q) returned a result with the error:\n%s", target, d)
		}
		f, err := m.Fit(p, target)
		check("Fit", err)
		if f != 0 {
			t.Errorf("Fit(%q) = %v with the error", target, f)
		}
		r, err := m.Rank([]profile.Profile{p}, target, 1)
		check("Rank", err)
		if r != nil {
			t.Errorf("Rank(%q) = %v with the error", target, r)
		}
		if _, err := m.Rank(nil, target, 0); !errors.Is(err, match.ErrUnknownTarget) {
			t.Errorf("Rank(nil, %q) error = %v", target, err)
		}
	}
}

func TestNewNilIsDefault(t *testing.T) {
	a, b := match.New(nil), match.New(wlp.Default())
	if a.Framework() != wlp.Default() {
		t.Errorf("New(nil).Framework() is not wlp.Default()")
	}
	for _, target := range allTargets {
		if d := cmp.Diff(mustScore(t, b, morgan(), target), mustScore(t, a, morgan(), target)); d != "" {
			t.Errorf("%s: New(nil) differs from New(Default()):\n%s", target, d)
		}
	}
}

// TestConcurrentUse runs Score, Fit, BestRoles and Rank from many
// goroutines on one Matcher; run it with -race.
func TestConcurrentUse(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	ps := randomPeople(fixedRNG(1), f, 60, 4)
	big := randomPeople(rand.New(rand.NewPCG(3, 4)), f, 5000, 4)

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

// TestZeroMatcher: a Matcher not made by New answers with an error (or
// nil), never a panic.
func TestZeroMatcher(t *testing.T) {
	p := profile.Profile{ID: "a", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 3}}}
	for _, m := range []*match.Matcher{nil, new(match.Matcher)} {
		var errs []error
		_, err := m.Score(p, role.CLO)
		errs = append(errs, err)
		_, err = m.Fit(p, role.CLO)
		errs = append(errs, err)
		_, err = m.Rank([]profile.Profile{p}, role.CLO, 1)
		errs = append(errs, err)
		_, err = m.Team([]profile.Profile{p}, role.CLO)
		errs = append(errs, err)
		_, err = m.TeamPlan([]profile.Profile{p}, role.CLO)
		errs = append(errs, err)
		_, err = m.Assign([]profile.Profile{p}, []role.ID{role.CLO})
		errs = append(errs, err)
		_, err = m.Plan(p, role.CLO)
		errs = append(errs, err)
		for i, err := range errs {
			if err == nil || !strings.HasPrefix(err.Error(), "match: ") {
				t.Errorf("call %d on a zero Matcher: error %v, want a match: error", i, err)
			}
		}
		if got := m.BestRoles(p); got != nil {
			t.Errorf("BestRoles on a zero Matcher = %v, want nil", got)
		}
	}
}

// TestJobCompiledOnceConcurrently scores a job from many goroutines on a
// fresh Matcher, whose first use compiles it: under the race detector
// this checks the compilation is guarded, and every result must be the
// same.
func TestJobCompiledOnceConcurrently(t *testing.T) {
	p := profile.Profile{ID: "p", Ratings: map[competency.ID]profile.Rating{competency.BuildingTrust: {Level: 3}, "coaching": {Level: 5}}}
	want := mustScore(t, match.New(nil), p, role.CLO)
	m := match.New(nil)
	var wg sync.WaitGroup
	results := make([]match.Result, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _ = m.Score(p, role.CLO)
		}()
	}
	wg.Wait()
	for i, got := range results {
		if d := diff(want, got); d != "" {
			t.Errorf("goroutine %d (-want +got):\n%s", i, d)
		}
	}
}
