package report

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp/internal/testfix"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
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

// TestWrapLines checks how labels wrap: at spaces, long words kept up to
// twice the width, lines past the most cut with an ellipsis, and whether
// the lines hold all of the text.
func TestWrapLines(t *testing.T) {
	type result struct {
		Lines []string
		Whole bool
	}
	tests := []struct {
		name     string
		s        string
		width    int
		maxLines int
		want     result
	}{
		{"fits", "Building trust", 22, 3, result{[]string{"Building trust"}, true}},
		{"empty", "", 22, 3, result{[]string{""}, true}},
		{"two lines", "Analyzing needs and proposing solutions", 22, 3, result{[]string{"Analyzing needs and", "proposing solutions"}, true}},
		{"too many lines", "a b c d", 1, 2, result{[]string{"a", "b…"}, false}},
		{"no limit", "a b c d", 1, 0, result{[]string{"a", "b", "c", "d"}, true}},
		{"a long word", "abcdefgh", 3, 3, result{[]string{"abcde…"}, false}},
		{"a word twice the width", "abcdef", 3, 3, result{[]string{"abcdef"}, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, whole := wrapLines(tt.s, tt.width, tt.maxLines)
			if diff := cmp.Diff(tt.want, result{lines, whole}); diff != "" {
				t.Errorf("wrapLines(%q, %d, %d) (-want +got):\n%s", tt.s, tt.width, tt.maxLines, diff)
			}
		})
	}
}

// TestAxisLines checks how axis labels are shortened for a chart: a label
// that fits stays whole; a group's too long label keeps what it asks and
// as many names as fit, says how many more, and ends with the mark that
// leads to it under the legend.
func TestAxisLines(t *testing.T) {
	type result struct {
		Lines []string
		Whole bool
	}
	group := func(names ...string) Axis {
		return Axis{Label: "any 1 of " + strconv.Itoa(len(names)) + " areas: " + strings.Join(names, ", "), Group: "any 1 of " + strconv.Itoa(len(names)) + " areas", Names: names,
			Of: make([]competency.ID, len(names)), AtLeast: 1}
	}
	tests := []struct {
		name string
		a    Axis
		want result
	}{
		{"one ID", Axis{Label: "Building trust"}, result{[]string{"Building trust"}, true}},
		{"a group that fits", Axis{Label: "Coaching or Consulting (either)", Group: "any 1 of 2 areas", Names: []string{"Coaching", "Consulting"}, Of: make([]competency.ID, 2)},
			result{[]string{"Coaching or Consulting", "(either)"}, true}},
		{"a long group", group("Coaching", "Consulting", "Designing learning", "Delivering training", "Measuring"),
			result{[]string{"any 1 of 5 areas:", "Coaching, Consulting", "and 3 more [1]"}, false}},
		{"a group with a huge first name", group(strings.Repeat("x", 1000), "Coaching"),
			result{[]string{"any 1 of 2 areas [1]"}, false}},
		{"a long name, no group", Axis{Label: "one two three four five six seven eight nine ten eleven twelve thirteen"},
			result{[]string{"one two three four", "five six seven eight", "nine ten eleven twelve… [1]"}, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, whole := axisLines(tt.a, 22, 3, "[1]")
			if diff := cmp.Diff(tt.want, result{lines, whole}); diff != "" {
				t.Errorf("axisLines (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWrapItems checks that a list breaks only between its items.
func TestWrapItems(t *testing.T) {
	tests := []struct {
		name  string
		head  string
		items []string
		width int
		want  []string
	}{
		{"one line", "People:", []string{"Ana 50%", "Ben 60%"}, 40, []string{"People: Ana 50%, Ben 60%"}},
		{"between items", "People:", []string{"Ana Lee 50%", "Ben Cho 60%", "Cy 1%"}, 20, []string{"People: Ana Lee 50%,", "Ben Cho 60%, Cy 1%"}},
		{"a long item", "", []string{"a", "an item longer than the line", "b"}, 10, []string{"a,", "an item longer than the line,", "b"}},
		{"nothing", "People:", nil, 10, []string{"People:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, wrapItems(tt.head, tt.items, tt.width)); diff != "" {
				t.Errorf("wrapItems (-want +got):\n%s", diff)
			}
		})
	}
}
