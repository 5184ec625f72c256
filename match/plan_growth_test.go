package match_test

import (
	"fmt"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// pgSizes are the group sizes of the growth benchmarks: N, 2N and 4N.
var pgSizes = []int{2500, 5000, 10000}

// pgID names competency i of a generated framework.
func pgID(i int) competency.ID { return competency.ID(fmt.Sprintf("c%05d", i)) }

// pgGroup builds a framework of n competencies whose role "group" asks
// for n-1 of them at level 3: the shape that made Plan cubic.
func pgGroup(t testing.TB, n int) *wlp.Framework {
	t.Helper()
	ids := make([]competency.ID, n)
	for i := range ids {
		ids[i] = pgID(i)
	}
	return custom(t, ids, []role.Role{
		{ID: "group", Name: "Group", Requirements: []role.Requirement{group(n-1, 3, 1, ids...)}},
	}, nil)
}

// BenchmarkGrowthPlan plans, for a newcomer, every step to an exact fit
// against a group of N, 2N and 4N IDs of which all but one must reach
// level 3: N-1 steps.
func BenchmarkGrowthPlan(b *testing.B) {
	for _, n := range pgSizes {
		m := match.New(pgGroup(b, n))
		p := person("new", nil)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pl, err := m.Plan(p, "group", match.Until(match.Exact))
				if err != nil {
					b.Fatal(err)
				}
				if len(pl.Steps) != n-1 {
					b.Fatalf("%d steps, want %d", len(pl.Steps), n-1)
				}
				sink += pl.Fit
			}
		})
	}
}

// pgSingles builds a framework of n competencies whose role "singles"
// asks for each one alone, at levels 1 to 5 and weights 1 to 4: a role of
// more requirements than Plan sums afresh after each step.
func pgSingles(t testing.TB, n int) *wlp.Framework {
	t.Helper()
	ids := make([]competency.ID, n)
	var reqs []role.Requirement
	for i := range ids {
		ids[i] = pgID(i)
		reqs = append(reqs, single(ids[i], competency.Level(1+i%5), float64(1+i%4)))
	}
	return custom(t, ids, []role.Role{{ID: "singles", Name: "Singles", Requirements: reqs}}, nil)
}

// pgBlend builds a framework of n competencies (n a multiple of 10) and a
// job "blend" of two roles and a requirement of its own:
//
//	wide:   each ID alone at level 3 (weights 1 to 3)
//	groups: n/10 groups of 10 IDs, 3 of each at level 4
//	blend:  wide (weight 2), groups (weight 1), and half of all n IDs at
//	        level 2 (weight 1)
//
// so that IDs sit in three requirements each, and raising one changes
// the k-th best level of two groups now and then.
func pgBlend(t testing.TB, n int) *wlp.Framework {
	t.Helper()
	ids := make([]competency.ID, n)
	var wide, groups []role.Requirement
	for i := range ids {
		ids[i] = pgID(i)
		wide = append(wide, single(ids[i], 3, float64(1+i%3)))
	}
	for g := 0; g < n; g += 10 {
		groups = append(groups, group(3, 4, 1, ids[g:g+10]...))
	}
	return custom(t, ids, []role.Role{
		{ID: "wide", Name: "Wide", Requirements: wide},
		{ID: "groups", Name: "Groups", Requirements: groups},
	}, []role.Job{{
		ID: "blend", Title: "Blend",
		Roles:        []role.Share{{Role: "wide", Weight: 2}, {Role: "groups", Weight: 1}},
		Requirements: []role.Requirement{group(n/2, 2, 1, ids...)},
	}})
}

// pgPerson rates every third of the first n IDs, at levels 0 to 4.
func pgPerson(n int) profile.Profile {
	ls := levels{}
	for i := 0; i < n; i += 3 {
		ls[pgID(i)] = competency.Level(i % 5)
	}
	return person("pg", ls)
}

// TestPlanGrowth plans, to an exact fit, against targets of N and 4N IDs
// of three shapes (a group of all but one, a role of single requirements,
// a job of two roles and a group, one level a step), and checks that the
// work Plan does (gains worked out, steps compared, requirements and
// members visited) and the bytes it allocates grow about in proportion:
// at most 6 times for 4 times the IDs (4 and a little for the logarithm
// of the tournament tree), where the old Plan, cubic in a group's size,
// did 64 times the work. The plan must reach an exact fit, so that the
// work counted is the whole plan's.
func TestPlanGrowth(t *testing.T) {
	const n = 400
	shapes := []struct {
		name   string
		build  func(testing.TB, int) *wlp.Framework
		target role.ID
		p      func(int) profile.Profile
		opts   []match.PlanOption
	}{
		{"group of all but one", pgGroup, "group", func(int) profile.Profile { return person("new", nil) }, nil},
		{"single requirements", pgSingles, "singles", pgPerson, nil},
		{"job, one level a step", pgBlend, "blend", pgPerson, []match.PlanOption{match.MaxRaise(1)}},
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			var work [2]int64
			var bytes [2]uint64
			for i, size := range []int{n, 4 * n} {
				m := match.New(sh.build(t, size))
				p := sh.p(size)
				opts := append([]match.PlanOption{match.Until(match.Exact)}, sh.opts...)
				var pl match.Plan
				bytes[i] = alloctest.Bytes(func() {
					var err error
					pl, work[i], err = match.PlanWork(m, p, sh.target, opts...)
					if err != nil {
						t.Fatal(err)
					}
				})
				if !pl.Reached || len(pl.Steps) < size/2 {
					t.Fatalf("%d IDs: %d steps, reached %v: want a long plan to an exact fit", size, len(pl.Steps), pl.Reached)
				}
			}
			if r := float64(work[1]) / float64(work[0]); r > 6 {
				t.Errorf("work grew %.1f times (%d to %d) for 4 times the IDs, want at most 6", r, work[0], work[1])
			}
			if r := float64(bytes[1]) / float64(bytes[0]); r > 6 {
				t.Errorf("allocations grew %.1f times (%d to %d bytes) for 4 times the IDs, want at most 6", r, bytes[0], bytes[1])
			}
			t.Logf("work %d -> %d (%.2fx), bytes %d -> %d (%.2fx)", work[0], work[1], float64(work[1])/float64(work[0]),
				bytes[0], bytes[1], float64(bytes[1])/float64(bytes[0]))
		})
	}
}
