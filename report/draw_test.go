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
