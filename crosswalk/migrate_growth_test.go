package crosswalk_test

// Growth of Migrate and NewMigrator: benchmarks at N, 2N and 4N, and a
// regression test that measures allocated bytes rather than time.

import (
	"fmt"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/profile"
)

// growthPerson returns a profile rating every one of the n items of
// growthCrosswalk's frameworks directly and in two reviews, with
// evidence on each rating.
func growthPerson(n int) profile.Profile {
	p := profile.Profile{ID: "jo", Ratings: map[competency.ID]profile.Rating{}}
	r1 := profile.Review{Rater: "A", Levels: map[competency.ID]competency.Level{}}
	r2 := profile.Review{Rater: "B", Levels: map[competency.ID]competency.Level{}}
	for i := range n {
		id := competency.ID(fmt.Sprint("item-", i))
		p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6), Source: profile.Manager, AssessedAt: "2026-01-02",
			Evidence: []string{fmt.Sprint("https://example.com/e/", i)}}
		r1.Levels[id] = competency.Level((i + 1) % 6)
		r2.Levels[id] = competency.Level((i + 2) % 6)
	}
	p.Reviews = []profile.Review{r1, r2}
	return p
}

// growthMigrator returns a Migrator over growthCrosswalk(n).
func growthMigrator(tb testing.TB, n int) *crosswalk.Migrator {
	m, err := crosswalk.NewMigrator(growthCrosswalk(n, "a", "b"), growthFramework(tb, n, "a"), growthFramework(tb, n, "b"),
		&crosswalk.MigrateOptions{Rule: crosswalk.RuleMean})
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// BenchmarkGrowthMigrate migrates a profile of N ratings and two reviews
// of N levels through a crosswalk of 2N links, each item's level
// reaching two items.
func BenchmarkGrowthMigrate(b *testing.B) {
	type in struct {
		m *crosswalk.Migrator
		p profile.Profile
	}
	growthBench(b, func(tb testing.TB, n int) in { return in{growthMigrator(tb, n), growthPerson(n)} }, func(b *testing.B, x in) {
		if _, _, err := x.m.Migrate(x.p); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGrowthNewMigrator compiles crosswalks of 2N links between
// frameworks of N items.
func BenchmarkGrowthNewMigrator(b *testing.B) {
	type in struct {
		c        *crosswalk.Crosswalk
		from, to *wlp.Framework
	}
	// NewMigrator changes none of its inputs, so they are built once a
	// size, outside the timed loop.
	growthBench(b, func(tb testing.TB, n int) in {
		return in{growthCrosswalk(n, "a", "b"), growthFramework(tb, n, "a"), growthFramework(tb, n, "b")}
	}, func(b *testing.B, x in) {
		if _, err := crosswalk.NewMigrator(x.c, x.from, x.to, nil); err != nil {
			b.Fatal(err)
		}
	})
}

// TestGrowthMigrateAllocations checks that the bytes Migrate and
// NewMigrator allocate grow about linearly: at 4N at most 6 times what
// they are at N, plus 4 KB.
func TestGrowthMigrateAllocations(t *testing.T) {
	const n = 200
	tests := []struct {
		name string
		op   func(n int) func()
	}{
		{"Migrate", func(n int) func() {
			m, p := growthMigrator(t, n), growthPerson(n)
			return func() {
				if _, _, err := m.Migrate(p); err != nil {
					t.Error(err)
				}
			}
		}},
		{"Migrate, nothing linked", func(n int) func() {
			m, p := growthMigrator(t, n), growthPerson(n)
			for id, r := range p.Ratings {
				delete(p.Ratings, id)
				p.Ratings["x-"+id] = r
			}
			return func() {
				if _, rep, err := m.Migrate(p); err != nil || len(rep.Lost) != n {
					t.Errorf("%d lost, err %v", len(rep.Lost), err)
				}
			}
		}},
		{"NewMigrator", func(n int) func() {
			c, from, to := growthCrosswalk(n, "a", "b"), growthFramework(t, n, "a"), growthFramework(t, n, "b")
			return func() {
				if _, err := crosswalk.NewMigrator(c, from, to, nil); err != nil {
					t.Error(err)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			small, large := alloctest.Bytes(tt.op(n)), alloctest.Bytes(tt.op(4*n))
			if large > 6*small+4096 {
				t.Errorf("%d bytes at n=%d, %d at 4n: more than linear growth", small, n, large)
			}
			t.Logf("%d bytes at n=%d, %d at 4n (%.2fx)", small, n, large, float64(large)/float64(small))
		})
	}
}
