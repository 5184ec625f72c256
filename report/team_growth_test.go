package report_test

import (
	"fmt"
	"io"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// writeTeamReport builds the team report of ps against the CLO job and
// writes its page.
func writeTeamReport(tb testing.TB, m *match.Matcher, ps []profile.Profile) {
	r, err := report.NewTeamReport(m, ps, role.CLO)
	if err != nil {
		tb.Fatal(err)
	}
	if err := r.WriteHTML(io.Discard); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkGrowthTeamReport builds and writes the team report of n people
// against the default model's largest target, the CLO job (21 columns
// in the matrix, 4 hats). Every part grows linearly with the team but
// the ranking's sort, so the time and memory should double with n.
func BenchmarkGrowthTeamReport(b *testing.B) {
	f := wlp.Default()
	m := match.New(f)
	for _, n := range []int{100, 200, 400} {
		ps := slices.Collect(testfix.Population(f, 1, n))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				writeTeamReport(b, m, ps)
			}
		})
	}
}

// TestTeamReportGrowth measures work, not time: the report of a team four
// times as large allocates at most five times as much (linear growth
// gives four).
func TestTeamReportGrowth(t *testing.T) {
	const n = 100
	f := wlp.Default()
	m := match.New(f)
	small := slices.Collect(testfix.Population(f, 1, n))
	large := slices.Collect(testfix.Population(f, 1, 4*n))
	writeTeamReport(t, m, small) // compile the job first
	s := alloctest.Bytes(func() { writeTeamReport(t, m, small) })
	l := alloctest.Bytes(func() { writeTeamReport(t, m, large) })
	ratio := float64(l) / float64(s)
	if diff := cmp.Diff(true, ratio <= 5); diff != "" {
		t.Errorf("%d bytes for %d people, %d bytes for %d: ratio %.2f, want at most 5 (-want +got):\n%s", s, n, l, 4*n, ratio, diff)
	}
}
