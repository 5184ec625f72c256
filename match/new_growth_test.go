package match_test

import (
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"

	"github.com/wlpmodel/wlp/internal/alloctest"
)

// blendSpec is the default framework's IDs with n roles of reqs
// requirements each and n jobs that each blend every role: a document
// whose size grows as n², but whose jobs, compiled, would hold n³
// requirements.
func blendSpec(n, reqs int) wlp.Spec {
	s := wlp.DefaultSpec()
	s.Roles, s.Jobs = nil, nil
	var ids []competency.ID
	for _, c := range s.Competencies {
		ids = append(ids, c.ID)
	}
	for _, a := range s.Areas {
		ids = append(ids, a.ID)
	}
	for r := range n {
		ro := role.Role{ID: role.ID("role-" + strconv.Itoa(r)), Name: "Role"}
		for q := range reqs {
			ro.Requirements = append(ro.Requirements, role.Requirement{Of: []competency.ID{ids[(r+q)%len(ids)]}, Level: 3, Weight: 1, Why: "w"})
		}
		s.Roles = append(s.Roles, ro)
	}
	for j := range n {
		jb := role.Job{ID: role.ID("job-" + strconv.Itoa(j)), Title: "Job"}
		for r := range n {
			// Listed out of ID order, so the parts' ranks are worked out.
			jb.Roles = append(jb.Roles, role.Share{Role: role.ID("role-" + strconv.Itoa((r*7+j)%n)), Weight: float64(1 + r%3)})
		}
		s.Jobs = append(s.Jobs, jb)
	}
	return s
}

func mustNew(tb testing.TB, s wlp.Spec) *wlp.Framework {
	tb.Helper()
	f, err := wlp.New(s)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// TestNewCostsLinear guards match.New against growing faster than the
// framework: a framework whose n jobs each blend all its n roles is n²
// in size, and New must allocate in proportion to that, not to the n³
// requirements its jobs hold when compiled (it compiles a job on first
// use). It measures allocated bytes, not time.
func TestNewCostsLinear(t *testing.T) {
	small, large := mustNew(t, blendSpec(40, 20)), mustNew(t, blendSpec(80, 20))
	a := alloctest.Bytes(func() { match.New(small) })
	b := alloctest.Bytes(func() { match.New(large) })
	// The framework is 4 times larger; 6 allows for map growth.
	if ratio := float64(b) / float64(a); ratio > 6 {
		t.Errorf("match.New allocates %d bytes for 40 roles and jobs, %d for 80: %.1f times as much for a framework 4 times the size", a, b, ratio)
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

// BenchmarkGrowthNew compiles frameworks of n roles and n jobs that
// blend them all (size n²): New's cost grows with the framework, not
// with the n³ requirements its jobs blend.
func BenchmarkGrowthNew(b *testing.B) {
	for _, n := range []int{50, 100, 200} {
		f := mustNew(b, blendSpec(n, 20))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				match.New(f)
			}
		})
	}
}
