package report

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/competency"
)

// TestSpread checks how many people's levels spread on each axis: the
// lowest, the quartiles and the median by nearest rank, and the highest,
// with levels off the scale counted at its ends.
func TestSpread(t *testing.T) {
	type L = competency.Level
	tests := []struct {
		name   string
		levels [][]L // per person, per axis
		want   []spreadStats
	}{
		{"one person", [][]L{{3}}, []spreadStats{{3, 3, 3, 3, 3}}},
		{"four people", [][]L{{0}, {5}, {1}, {4}}, []spreadStats{{0, 0, 1, 4, 5}}},
		{"five people", [][]L{{5}, {4}, {3}, {2}, {1}}, []spreadStats{{1, 2, 3, 4, 5}}},
		{"off the scale", [][]L{{9}, {-3}}, []spreadStats{{0, 0, 0, 5, 5}}},
		{"two axes", [][]L{{1, 5}, {2, 5}, {3, 0}}, []spreadStats{{1, 1, 2, 3, 3}, {0, 0, 5, 5, 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Radar
			for range tt.levels[0] {
				r.Axes = append(r.Axes, Axis{})
			}
			for _, ls := range tt.levels {
				r.People = append(r.People, Person{Levels: ls})
			}
			if diff := cmp.Diff(tt.want, r.spread(), cmp.AllowUnexported(spreadStats{})); diff != "" {
				t.Errorf("spread (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTitleTeamSize checks that a team chart that draws only some of the
// team (as the team report's does) counts the whole team in its title and
// says how many it drew.
func TestTitleTeamSize(t *testing.T) {
	tests := []struct {
		name           string
		members, drawn int
		title, sub     string
	}{
		{"all drawn", 3, 3, "T: a team of 3 people, team fit 50.0%", "role t, a weak fit together; each person's own fit is in the legend"},
		{"the best five of 500", 500, 5, "T: a team of 500 people, team fit 50.0%", "role t, a weak fit together; its 5 best members drawn, their own fits in the legend"},
		{"the best one of 2", 2, 1, "T: a team of 2 people, team fit 50.0%", "role t, a weak fit together; its best member drawn, their own fits in the legend"},
		{"members unknown", 0, 2, "T: a team of 2 people, team fit 50.0%", "role t, a weak fit together; each person's own fit is in the legend"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Radar{Target: "t", Kind: "role", Name: "T", Axes: []Axis{{Label: "A", Of: []competency.ID{"a"}, Need: 2}},
				Team: &Team{Fit: 0.5, Levels: []competency.Level{1}, Members: tt.members}}
			for i := range tt.drawn {
				r.People = append(r.People, Person{Profile: string(rune('a' + i)), Fit: 0.5, Levels: []competency.Level{1}})
			}
			pl := r.plot()
			if diff := cmp.Diff([]string{tt.title, tt.sub}, []string{pl.title, pl.subtitle}); diff != "" {
				t.Errorf("title and subtitle (-want +got):\n%s", diff)
			}
		})
	}
}
