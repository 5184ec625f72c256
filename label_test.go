package wlp_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
)

func TestLabel(t *testing.T) {
	f := wlp.Default()
	tests := []struct {
		name    string
		of      []competency.ID
		atLeast int
		want    string
	}{
		{"one competency", []competency.ID{competency.BuildingTrust}, 0, "Building trust"},
		{"one area", []competency.ID{aoe.Coaching}, 1, "Coaching"},
		{"unknown ID", []competency.ID{"juggling"}, 0, "juggling"},
		{"some areas", aoe.IDs(), 7, "any 7 of 9 areas of expertise"},
		{"some competencies", competency.IDs(), 10, "any 10 of 12 foundational competencies"},
		{"all of a mix", []competency.ID{aoe.Coaching, competency.BuildingTrust}, 0, "all 2 listed competencies and areas"},
		{"atLeast equal to all", []competency.ID{aoe.Coaching, aoe.DesigningLearning}, 2, "all 2 areas of expertise"},
		{"unknown in a group", []competency.ID{aoe.Coaching, "juggling"}, 1, "any 1 of 2 listed competencies and areas"},
	}
	var got, want []string
	for _, tt := range tests {
		got = append(got, tt.name+": "+f.Label(tt.of, tt.atLeast))
		want = append(want, tt.name+": "+tt.want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Label (-want +got):\n%s", diff)
	}
}
