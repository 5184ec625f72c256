package aoe_test

import (
	"fmt"

	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
)

// The nine areas of expertise, in model order, with their IDs.
func ExampleAll() {
	for _, a := range aoe.All() {
		fmt.Printf("%s: %s\n", a.ID, a.Name)
	}
	// Output:
	// career-planning-and-talent-management: Career planning and talent management
	// coaching: Coaching
	// delivering-training: Delivering training
	// designing-learning: Designing learning
	// facilitating-organizational-change: Facilitating organizational change
	// improving-human-performance: Improving human performance
	// managing-organizational-knowledge: Managing organizational knowledge
	// managing-the-learning-function: Managing the learning function
	// measuring-and-evaluating: Measuring and evaluating
}

// Areas and foundational competencies share one ID space, so one map
// holds a person's levels in both.
func ExampleIDs() {
	levels := map[competency.ID]competency.Level{
		aoe.Coaching:             competency.Proficient,
		competency.BuildingTrust: competency.Competent,
	}
	fmt.Println(len(aoe.IDs()), "areas; the first is", aoe.IDs()[0])
	fmt.Println("coaching:", levels[aoe.Coaching])
	fmt.Println("building trust:", levels[competency.BuildingTrust])
	// Output:
	// 9 areas; the first is career-planning-and-talent-management
	// coaching: proficient
	// building trust: competent
}
