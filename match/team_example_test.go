package match_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// tmExampleTeam is a small project team: a planner, a trainer and a
// coordinator.
func tmExampleTeam() []profile.Profile {
	return []profile.Profile{
		person("pat", map[competency.ID]competency.Level{
			competency.PlanningAssignments:      competency.Proficient,
			competency.DrivingResults:           competency.AdvancedBeginner,
			competency.CommunicatingEffectively: competency.Competent,
		}),
		person("quinn", map[competency.ID]competency.Level{
			competency.DrivingResults: competency.Proficient,
			competency.BuildingTrust:  competency.AdvancedBeginner,
			aoe.DeliveringTraining:    competency.AdvancedBeginner,
		}),
		person("ria", map[competency.ID]competency.Level{
			aoe.ManagingLearningFunction:       competency.Competent,
			competency.InfluencingStakeholders: competency.Novice,
		}),
	}
}

// A team meets each requirement with its strongest member for it. The
// result says who covers what, what nobody covers, and what each member
// adds.
func ExampleMatcher_Team() {
	m := match.New(wlp.Default())
	tr, err := m.Team(tmExampleTeam(), role.ProjectManager)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("team fit %.3f (%s)\n", tr.Result.Fit, tr.Result.Confidence)
	for _, c := range tr.Covers {
		by := strings.Join(c.By, ", ")
		if by == "" {
			by = "nobody"
		}
		fmt.Printf("  %-40s %d/%d  %s\n", describe(c.Of, c.AtLeast), c.Have, c.Need, by)
	}
	fmt.Println("gaps:")
	for _, g := range tr.Result.Gaps {
		fmt.Printf("  %s +%.3f\n", describe(g.Of, g.AtLeast), g.Gain)
	}
	fmt.Println("fit lost without:")
	for _, c := range tr.Contributions {
		fmt.Printf("  %s %.3f\n", c.Profile, c.Loss)
	}
	// Output:
	// team fit 0.857 (high)
	//   planning-and-implementing-assignments    4/4  pat
	//   driving-results                          4/4  quinn
	//   communicating-effectively                3/3  pat
	//   managing-the-learning-function           3/3  ria
	//   influencing-stakeholders                 1/3  ria
	//   building-trust                           2/3  quinn
	//   demonstrating-adaptability               0/3  nobody
	//   delivering-training                      2/2  quinn
	// gaps:
	//   demonstrating-adaptability +0.071
	//   influencing-stakeholders +0.048
	//   building-trust +0.024
	// fit lost without:
	//   pat 0.357
	//   quinn 0.226
	//   ria 0.167
}

// Assign hands hats to people for the largest total fit. A job's ID
// stands for its roles, weighted by their shares; with MaxHats(2) the
// chief learning officer wears the two roles the job weighs most and
// relies on others for the rest.
func ExampleMatcher_Assign() {
	m := match.New(wlp.Default())
	team := []profile.Profile{
		person("morgan", map[competency.ID]competency.Level{
			competency.ThinkingStrategically: 4, competency.ApplyingBusinessAcumen: 4, aoe.ManagingLearningFunction: 4,
			competency.InfluencingStakeholders: 4, competency.DrivingResults: 3, competency.AnalyzingNeeds: 4,
			aoe.MeasuringAndEvaluating: 3, aoe.FacilitatingChange: 3, aoe.ManagingKnowledge: 2, aoe.CareerPlanning: 2,
			competency.BuildingTrust: 4, aoe.ImprovingPerformance: 3, competency.CommunicatingEffectively: 3,
			competency.NetworkingAndPartnering: 3,
		}),
		person("ana", map[competency.ID]competency.Level{
			competency.PlanningAssignments: 4, competency.DrivingResults: 4, competency.CommunicatingEffectively: 3,
			aoe.ManagingLearningFunction: 3, competency.InfluencingStakeholders: 3, competency.BuildingTrust: 3,
			competency.DemonstratingAdaptability: 3, aoe.DeliveringTraining: 2,
		}),
		person("ben", map[competency.ID]competency.Level{
			aoe.DesigningLearning: 5, competency.ModelingPersonalDevelopment: 4,
			competency.DemonstratingAdaptability: 3, competency.CommunicatingEffectively: 2,
		}),
	}
	a, err := m.Assign(team, []role.ID{role.CLO}, match.MaxHats(2))
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range a.Hats {
		fmt.Printf("%-24s x%.0f  %-7s %.3f\n", h.Role, h.Weight, h.Profile, h.Fit)
	}
	fmt.Printf("total %.3f\n", a.Total)
	// Output:
	// learning-strategist      x3  morgan  1.000
	// business-partner         x3  morgan  0.966
	// project-manager          x1  ana     1.000
	// professional-specialist  x1  ben     0.958
	// total 7.856
}

// A plan raises one rating at a time, the step that adds the most fit
// per level first, until the requested confidence.
func ExampleMatcher_Plan() {
	m := match.New(wlp.Default())
	alex := person("alex", map[competency.ID]competency.Level{
		competency.PlanningAssignments:       competency.Competent,
		competency.DrivingResults:            competency.Competent,
		competency.CommunicatingEffectively:  competency.Competent,
		aoe.ManagingLearningFunction:         competency.AdvancedBeginner,
		competency.InfluencingStakeholders:   competency.Competent,
		competency.BuildingTrust:             competency.Proficient,
		competency.DemonstratingAdaptability: competency.Novice,
	})
	pl, err := m.Plan(alex, role.ProjectManager, match.Until(match.High))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("start %.3f\n", pl.Start)
	for _, s := range pl.Steps {
		fmt.Printf("  %s %d -> %d: +%.3f = %.3f (%s)\n", s.ID, s.From, s.To, s.Gain, s.Fit, s.Confidence)
	}
	fmt.Printf("reached %s: %v\n", pl.Confidence, pl.Reached)
	// Output:
	// start 0.726
	//   driving-results 3 -> 4: +0.054 = 0.780 (low)
	//   planning-and-implementing-assignments 3 -> 4: +0.054 = 0.833 (low)
	//   managing-the-learning-function 2 -> 3: +0.048 = 0.881 (high)
	// reached high: true
}

// TeamPlan says which of the team's gaps someone could grow into (within
// two levels) and which only a hire closes.
func ExampleMatcher_TeamPlan() {
	m := match.New(wlp.Default())
	steps, err := m.TeamPlan(tmExampleTeam(), role.ProjectManager)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range steps {
		name := describe(s.Gap.Of, s.Gap.AtLeast)
		if s.Hire {
			fmt.Printf("%s (need %d): hire\n", name, s.Gap.Need)
			continue
		}
		fmt.Printf("%s (need %d): develop %s from %d\n", name, s.Gap.Need, s.Develop, s.From)
	}
	// Output:
	// demonstrating-adaptability (need 3): hire
	// influencing-stakeholders (need 3): develop ria from 1
	// building-trust (need 3): develop quinn from 2
}
