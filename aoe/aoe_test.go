package aoe_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
)

func TestAll(t *testing.T) {
	type brief struct {
		ID   competency.ID
		Name string
	}
	want := []brief{
		{"career-planning-and-talent-management", "Career planning and talent management"},
		{"coaching", "Coaching"},
		{"delivering-training", "Delivering training"},
		{"designing-learning", "Designing learning"},
		{"facilitating-organizational-change", "Facilitating organizational change"},
		{"improving-human-performance", "Improving human performance"},
		{"managing-organizational-knowledge", "Managing organizational knowledge"},
		{"managing-the-learning-function", "Managing the learning function"},
		{"measuring-and-evaluating", "Measuring and evaluating"},
	}
	var got []brief
	for _, a := range aoe.All() {
		got = append(got, brief{a.ID, a.Name})
		if !a.ID.Valid() {
			t.Errorf("%q is not a valid ID", a.ID)
		}
		if a.Summary == "" || a.Technologies == "" || len(a.Behaviors) == 0 {
			t.Errorf("%s lacks a summary, a technologies note or behaviors", a.ID)
		}
		for i, b := range a.Behaviors {
			if strings.TrimSpace(b) == "" {
				t.Errorf("%s behavior %d is blank", a.ID, i)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("All() (-want +got):\n%s", diff)
	}
}

func TestIDs(t *testing.T) {
	want := []competency.ID{
		aoe.CareerPlanning, aoe.Coaching, aoe.DeliveringTraining, aoe.DesigningLearning,
		aoe.FacilitatingChange, aoe.ImprovingPerformance, aoe.ManagingKnowledge,
		aoe.ManagingLearningFunction, aoe.MeasuringAndEvaluating,
	}
	if diff := cmp.Diff(want, aoe.IDs()); diff != "" {
		t.Errorf("IDs() (-want +got):\n%s", diff)
	}
	var fromAll []competency.ID
	for _, a := range aoe.All() {
		fromAll = append(fromAll, a.ID)
	}
	if diff := cmp.Diff(fromAll, aoe.IDs()); diff != "" {
		t.Errorf("IDs() vs All() (-All +IDs):\n%s", diff)
	}
}

// TestSharedIDSpace checks that no area takes a foundational competency's
// ID: the two share one ID space.
func TestSharedIDSpace(t *testing.T) {
	seen := map[competency.ID]bool{}
	for _, id := range competency.IDs() {
		seen[id] = true
	}
	for _, id := range aoe.IDs() {
		if seen[id] {
			t.Errorf("area %q repeats an ID", id)
		}
		seen[id] = true
	}
	if len(seen) != 21 {
		t.Errorf("%d distinct rated IDs, want 21", len(seen))
	}
}

func TestAllReturnsFreshCopies(t *testing.T) {
	a := aoe.All()
	a[0].Name = "changed"
	a[0].Behaviors[0] = "changed"
	a[8].Technologies = "changed"
	ids := aoe.IDs()
	ids[1] = "changed"
	b := aoe.All()
	if b[0].Name == "changed" || b[0].Behaviors[0] == "changed" || b[8].Technologies == "changed" {
		t.Error("changing an All() result changed the model")
	}
	if aoe.IDs()[1] != aoe.Coaching {
		t.Error("changing an IDs() result changed the model")
	}
}

func TestClone(t *testing.T) {
	for _, in := range []aoe.Area{
		{ID: "x", Name: "X"},
		{ID: "x", Behaviors: []string{}},
		{ID: "x", Behaviors: []string{"a", "b"}, Technologies: "t"},
	} {
		c := in.Clone()
		if diff := cmp.Diff(in, c); diff != "" {
			t.Errorf("Clone (-want +got):\n%s", diff)
		}
		if len(c.Behaviors) > 0 {
			c.Behaviors[0] = "changed"
			if in.Behaviors[0] == "changed" {
				t.Error("Clone shares Behaviors with the original")
			}
		}
	}
}
