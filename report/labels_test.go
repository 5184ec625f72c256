package report

import (
	"os"
	"testing"

	"github.com/wlpmodel/wlp/internal/testfix"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// TestSeparateLeavesManyLabels checks the bound that keeps charts linear:
// up to maxSeparated overlapping labels are moved apart, more are left
// where they are.
func TestSeparateLeavesManyLabels(t *testing.T) {
	for _, tt := range []struct {
		n     int
		moved bool
	}{{2, true}, {maxSeparated, true}, {maxSeparated + 1, false}} {
		ls := make([]label, tt.n)
		for i := range ls {
			ls[i] = label{x0: 0, y0: 10, w: 50, h: 12} // all in one place
		}
		want := append([]label(nil), ls...)
		separate(ls)
		changed := cmp.Diff(want, ls, cmp.AllowUnexported(label{})) != ""
		if diff := cmp.Diff(tt.moved, changed); diff != "" {
			t.Errorf("%d overlapping labels: moved (-want +got):\n%s", tt.n, diff)
		}
	}
}

// TestLabelsDoNotOverlap lays out the axis labels of every target of the
// default framework and of the Learning 2.0 sample, for one person alone
// and as a team, and checks that no two labels' boxes overlap.
func TestLabelsDoNotOverlap(t *testing.T) {
	l2, err := os.Open("../examples/frameworks/learning2.json")
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	learning2, err := wlp.Load(l2)
	if err != nil {
		t.Fatal(err)
	}
	dana := testfix.LoadProfile(t, "../examples/data/dana.json")
	for _, f := range []*wlp.Framework{wlp.Default(), learning2} {
		var targets []role.ID
		for _, r := range f.Roles() {
			targets = append(targets, r.ID)
		}
		for _, j := range f.Jobs() {
			targets = append(targets, j.ID)
		}
		for _, target := range targets {
			for _, opts := range [][]Option{nil, {AsTeam()}} {
				r, err := NewRadar(f, target, []profile.Profile{dana}, opts...)
				if err != nil {
					t.Fatal(err)
				}
				pl := r.plot()
				ls := pl.layout()
				var overlaps [][2][]string
				for i := range ls {
					for j := i + 1; j < len(ls); j++ {
						a, b := ls[i], ls[j]
						if a.x0 < b.x0+b.w && b.x0 < a.x0+a.w && a.y0 < b.y0+b.h && b.y0 < a.y0+a.h {
							overlaps = append(overlaps, [2][]string{a.lines, b.lines})
						}
					}
				}
				if diff := cmp.Diff([][2][]string(nil), overlaps); diff != "" {
					t.Errorf("%s %s (team %v): labels overlap (-want +got):\n%s", f.ID(), target, r.Team != nil, diff)
				}
			}
		}
	}
}
