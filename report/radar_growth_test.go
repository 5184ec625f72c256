package report_test

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// wide returns the default framework with a role "wide" that requires n
// competencies of its own, one axis each, and a profile rated in half of
// them.
func wide(tb testing.TB, n int) (*wlp.Framework, profile.Profile) {
	tb.Helper()
	s := wlp.DefaultSpec()
	r := role.Role{ID: "wide", Name: "Wide"}
	p := profile.Profile{ID: "p", Name: "P", Ratings: map[competency.ID]profile.Rating{}}
	for i := range n {
		id := competency.ID("c" + strconv.Itoa(i))
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "Competency " + strconv.Itoa(i), Cluster: s.Competencies[0].Cluster})
		r.Requirements = append(r.Requirements, role.Requirement{Of: []competency.ID{id}, Level: 3, Weight: 1, Why: "w"})
		if i%2 == 0 {
			p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6)}
		}
	}
	s.Roles = append(s.Roles, r)
	f, err := wlp.New(s)
	if err != nil {
		tb.Fatal(err)
	}
	return f, p
}

// draw charts p against the role "wide" of f and draws the chart.
func draw(tb testing.TB, f *wlp.Framework, p profile.Profile) {
	r, err := report.NewRadar(f, "wide", []profile.Profile{p})
	if err != nil {
		tb.Fatal(err)
	}
	if err := r.WriteSVG(io.Discard); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkGrowthRadar charts one person against a role of n axes and
// draws it. Label separation compares pairs of labels, so it is left out
// past 256 labels, and the cost grows linearly with n.
func BenchmarkGrowthRadar(b *testing.B) {
	for _, n := range []int{2000, 4000, 8000} {
		f, p := wide(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				draw(b, f, p)
			}
		})
	}
}

// TestRadarGrowth measures work, not time: a chart of four times as many
// axes allocates at most six times as much (linear growth gives four).
// The description and the layout are built once each, in one buffer.
func TestRadarGrowth(t *testing.T) {
	const n = 300 // past the 256 labels that are moved apart
	fs, ps := wide(t, n)
	fl, pl := wide(t, 4*n)
	small := alloctest.Bytes(func() { draw(t, fs, ps) })
	large := alloctest.Bytes(func() { draw(t, fl, pl) })
	ratio := float64(large) / float64(small)
	if diff := cmp.Diff(true, ratio <= 6); diff != "" {
		t.Errorf("%d bytes for %d axes, %d bytes for %d: ratio %.2f, want at most 6 (-want +got):\n%s",
			small, n, large, 4*n, ratio, diff)
	}
}

// team returns a chart of n people of a seeded population against the
// CLO job, as a team: past 12 people it draws their spread.
func team(tb testing.TB, n int) report.Radar {
	tb.Helper()
	f := wlp.Default()
	ps := slices.Collect(testfix.Population(f, 1, n))
	r, err := report.NewRadar(f, role.CLO, ps, report.AsTeam())
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// BenchmarkGrowthRadarPeople draws a chart of n people against the CLO
// job's 21 axes: the spread of their levels on each axis, and each one's
// fit under the legend. The cost grows linearly with n.
func BenchmarkGrowthRadarPeople(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000} {
		r := team(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := r.WriteSVG(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestRadarGrowthPeople measures work, not time: drawing a chart of four
// times as many people allocates at most six times as much (linear
// growth gives four).
func TestRadarGrowthPeople(t *testing.T) {
	const n = 200
	small, large := team(t, n), team(t, 4*n)
	draw := func(r report.Radar) func() {
		return func() {
			if err := r.WriteSVG(io.Discard); err != nil {
				t.Fatal(err)
			}
		}
	}
	ratio := float64(alloctest.Bytes(draw(large))) / float64(alloctest.Bytes(draw(small)))
	if diff := cmp.Diff(true, ratio <= 6); diff != "" {
		t.Errorf("%d people against %d: allocation ratio %.2f, want at most 6 (-want +got):\n%s", 4*n, n, ratio, diff)
	}
}
