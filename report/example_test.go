package report_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// Chart a person against a role of the default model: the data first,
// then the SVG, ready to save or serve.
func ExampleNewRadar() {
	ana := profile.Profile{ID: "ana", Name: "Ana", Ratings: map[competency.ID]profile.Rating{
		competency.ThinkingStrategically: {Level: 4},
		competency.BuildingTrust:         {Level: 3},
	}}
	r, err := report.NewRadar(wlp.Default(), role.BusinessPartner, []profile.Profile{ana})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: fit %.1f%%, %d axes\n", r.People[0].Name, 100*r.People[0].Fit, len(r.Axes))
	for i, a := range r.Axes[:3] {
		fmt.Printf("%s: need %d, has %d\n", a.Label, a.Need, r.People[0].Levels[i])
	}

	var svg bytes.Buffer
	if err := r.WriteSVG(&svg); err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.HasPrefix(svg.Bytes(), []byte("<?xml")))
	// Output:
	// Ana: fit 10.2%, 9 axes
	// Building trust: need 4, has 3
	// Communicating effectively: need 3, has 0
	// Influencing stakeholders: need 4, has 0
	// true
}

// Chart a team: each person in a colour, marker and line of their own,
// and the team they make as a grey band, every member's best level on
// each axis.
func ExampleAsTeam() {
	f := wlp.Default()
	ana := profile.Profile{ID: "ana", Ratings: map[competency.ID]profile.Rating{
		competency.InfluencingStakeholders: {Level: 4},
		competency.AnalyzingNeeds:          {Level: 1},
	}}
	ben := profile.Profile{ID: "ben", Ratings: map[competency.ID]profile.Rating{
		competency.InfluencingStakeholders: {Level: 2},
		competency.AnalyzingNeeds:          {Level: 3},
	}}
	r, err := report.NewRadar(f, role.LearningStrategist, []profile.Profile{ana, ben}, report.AsTeam())
	if err != nil {
		log.Fatal(err)
	}
	for i, a := range r.Axes[:2] {
		fmt.Printf("%s: ana %d, ben %d, the team %d\n", a.Label, r.People[0].Levels[i], r.People[1].Levels[i], r.Team.Levels[i])
	}
	fmt.Printf("team fit %.1f%%\n", 100*r.Team.Fit)
	// Output:
	// Influencing stakeholders: ana 4, ben 2, the team 4
	// Analyzing needs and proposing solutions: ana 1, ben 3, the team 3
	// team fit 19.0%
}

// Name a requirement by what it lists, as a chart's axes do.
func ExampleRequirementLabel() {
	f := wlp.Default()
	fmt.Println(report.RequirementLabel(f, []competency.ID{aoe.Coaching, aoe.DesigningLearning}, 0))
	fmt.Println(report.RequirementLabel(f, []competency.ID{aoe.Coaching, competency.BuildingTrust}, 1))
	fmt.Println(report.RequirementLabel(f, []competency.ID{aoe.Coaching, aoe.DesigningLearning, aoe.DeliveringTraining}, 2))
	// Output:
	// Coaching and Designing learning (both)
	// Coaching or Building trust (either)
	// any 2 of 3 areas of expertise: Coaching, Designing learning, Delivering training
}

// Chart a large team: past 12 people the chart draws how their levels
// spread on each axis, not one polygon each, and lists their fits under
// the legend.
func ExampleRadar_WriteSVG_largeTeam() {
	f := wlp.Default()
	var people []profile.Profile
	for i := range 30 {
		people = append(people, profile.Profile{ID: fmt.Sprintf("p%d", i), Ratings: map[competency.ID]profile.Rating{
			competency.BuildingTrust: {Level: competency.Level(i % 6)},
		}})
	}
	r, err := report.NewRadar(f, role.BusinessPartner, people, report.AsTeam())
	if err != nil {
		log.Fatal(err)
	}
	var svg bytes.Buffer
	if err := r.WriteSVG(&svg); err != nil {
		log.Fatal(err)
	}
	fmt.Println("people drawn one by one:", bytes.Count(svg.Bytes(), []byte(`class="wlp-person"`)))
	fmt.Println("spread bands:", bytes.Count(svg.Bytes(), []byte(`class="wlp-spread"`)))
	// Output:
	// people drawn one by one: 0
	// spread bands: 2
}
