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

// describe names a requirement: its ID, or "k of n (first, ...)" for a
// group.
func describe(of []competency.ID, atLeast int) string {
	if len(of) == 1 {
		return string(of[0])
	}
	return fmt.Sprintf("%d of %d (%s, ...)", atLeast, len(of), of[0])
}

func ExampleMatcher_Score() {
	m := match.New(wlp.Default())
	alex := person("alex", map[competency.ID]competency.Level{
		competency.PlanningAssignments:       competency.Proficient,
		competency.DrivingResults:            competency.Competent,
		competency.CommunicatingEffectively:  competency.Competent,
		aoe.ManagingLearningFunction:         competency.AdvancedBeginner,
		competency.InfluencingStakeholders:   competency.Competent,
		competency.BuildingTrust:             competency.Proficient,
		competency.DemonstratingAdaptability: competency.AdvancedBeginner,
		aoe.DeliveringTraining:               competency.AdvancedBeginner,
	})
	res, err := m.Score(alex, role.ProjectManager)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: fit %.3f (%s)\n", res.Name, res.Fit, res.Confidence)
	for _, g := range res.Gaps {
		fmt.Printf("  %s: %d of %d, +%.3f\n", describe(g.Of, g.AtLeast), g.Have, g.Need, g.Gain)
	}
	// Output:
	// Project manager: fit 0.875 (high)
	//   driving-results: 3 of 4, +0.054
	//   managing-the-learning-function: 2 of 3, +0.048
	//   demonstrating-adaptability: 2 of 3, +0.024
}

// A job's result explains itself part by part: each role with its share
// of the job, then the job's own requirements, then the gaps of all of
// them in one development order.
func ExampleMatcher_Score_job() {
	m := match.New(nil)
	morgan := person("morgan", map[competency.ID]competency.Level{
		competency.BuildingTrust: 4, competency.CommunicatingEffectively: 4, competency.InfluencingStakeholders: 4,
		competency.LeveragingDiversity: 2, competency.NetworkingAndPartnering: 4, competency.AnalyzingNeeds: 4,
		competency.ApplyingBusinessAcumen: 4, competency.DrivingResults: 4, competency.PlanningAssignments: 4,
		competency.ThinkingStrategically: 5, competency.DemonstratingAdaptability: 3, competency.ModelingPersonalDevelopment: 3,
		aoe.ManagingLearningFunction: 4, aoe.MeasuringAndEvaluating: 3, aoe.FacilitatingChange: 3,
		aoe.ImprovingPerformance: 4, aoe.ManagingKnowledge: 2, aoe.CareerPlanning: 1, aoe.DeliveringTraining: 1,
	})
	res, err := m.Score(morgan, role.CLO)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: fit %.2f (%s)\n", res.Name, res.Fit, res.Confidence)
	for _, p := range res.Parts {
		fmt.Printf("  role %-24s share %.4f  fit %.2f (%s)\n", p.Role, p.Share, p.Result.Fit, p.Result.Confidence)
	}
	for _, o := range res.Outcomes {
		what := string(o.Of[0])
		if len(o.Of) > 1 {
			what = fmt.Sprintf("%d of %d", o.AtLeast, len(o.Of))
		}
		fmt.Printf("  own  %-24s at %d: have %d, score %.3f\n", what, o.Need, o.Have, o.Score)
	}
	fmt.Println("first steps:")
	for _, g := range res.Gaps[:4] {
		part := string(g.Part)
		if part == "" {
			part = "(job)"
		}
		fmt.Printf("  %-24s %s +%.3f\n", part, describe(g.Of, g.AtLeast), g.Gain)
	}
	// Output:
	// Chief learning officer: fit 0.94 (high)
	//   role learning-strategist      share 0.1875  fit 0.98 (high)
	//   role business-partner         share 0.1875  fit 1.00 (exact)
	//   role project-manager          share 0.0625  fit 0.96 (high)
	//   role professional-specialist  share 0.0625  fit 0.84 (low)
	//   own  thinking-strategically   at 5: have 5, score 1.000
	//   own  applying-business-acumen at 5: have 4, score 0.800
	//   own  7 of 9                   at 2: have 1, score 0.857
	//   own  10 of 12                 at 4: have 3, score 0.975
	// first steps:
	//   (job)                    applying-business-acumen +0.025
	//   (job)                    7 of 9 (career-planning-and-talent-management, ...) +0.018
	//   professional-specialist  1 of 9 (career-planning-and-talent-management, ...) +0.006
	//   learning-strategist      career-planning-and-talent-management +0.004
}

func ExampleMatcher_BestRoles() {
	m := match.New(nil)
	jo := person("jo", map[competency.ID]competency.Level{
		aoe.Coaching:                           competency.Expert,
		aoe.DesigningLearning:                  competency.Proficient,
		aoe.DeliveringTraining:                 competency.Proficient,
		competency.ModelingPersonalDevelopment: competency.Proficient,
		competency.CommunicatingEffectively:    competency.Competent,
		competency.BuildingTrust:               competency.Competent,
		competency.DemonstratingAdaptability:   competency.AdvancedBeginner,
	})
	for _, r := range m.BestRoles(jo) {
		fmt.Printf("%-24s %.3f %s\n", r.Target, r.Fit, r.Confidence)
	}
	// Output:
	// professional-specialist  0.958 high
	// project-manager          0.333 no
	// business-partner         0.193 no
	// learning-strategist      0.000 no
}

func ExampleMatcher_Rank() {
	m := match.New(nil)
	partner := func(id string, core, rest competency.Level) profile.Profile {
		return person(id, map[competency.ID]competency.Level{
			competency.ApplyingBusinessAcumen: core, competency.AnalyzingNeeds: core, competency.BuildingTrust: core,
			competency.InfluencingStakeholders: core, aoe.ImprovingPerformance: core,
			competency.CommunicatingEffectively: rest, competency.NetworkingAndPartnering: rest,
			aoe.MeasuringAndEvaluating: rest, aoe.FacilitatingChange: rest,
		})
	}
	people := []profile.Profile{
		partner("ben", 3, 3),
		person("cy", map[competency.ID]competency.Level{competency.BuildingTrust: 4, competency.InfluencingStakeholders: 4, competency.CommunicatingEffectively: 3}),
		partner("ana", 4, 3),
		partner("bea", 3, 3), // fits as well as ben: the profile ID breaks the tie
	}
	ranked, err := m.Rank(people, role.BusinessPartner, 3)
	if err != nil {
		log.Fatal(err)
	}
	for i, r := range ranked {
		fmt.Printf("%d. %-4s %.3f %s\n", i+1, r.Profile, r.Result.Fit, r.Result.Confidence)
	}
	// Output:
	// 1. ana  1.000 exact
	// 2. bea  0.830 low
	// 3. ben  0.830 low
}

// Strict gives no credit for a level below the one required.
func ExampleStrict() {
	pat := person("pat", map[competency.ID]competency.Level{
		competency.PlanningAssignments:      competency.Expert,
		competency.DrivingResults:           competency.AdvancedBeginner,
		competency.CommunicatingEffectively: competency.Competent,
		competency.BuildingTrust:            competency.Novice,
	})
	for _, m := range []*match.Matcher{match.New(nil), match.New(nil, match.Strict())} {
		fit, err := m.Fit(pat, role.ProjectManager)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%.3f\n", fit)
	}
	// Output:
	// 0.488
	// 0.357
}

// Thresholds moves the lines between the confidence grades.
func ExampleThresholds() {
	alex := person("alex", map[competency.ID]competency.Level{
		competency.PlanningAssignments: 4, competency.DrivingResults: 3, competency.CommunicatingEffectively: 3,
		aoe.ManagingLearningFunction: 2, competency.InfluencingStakeholders: 3, competency.BuildingTrust: 4,
		competency.DemonstratingAdaptability: 2, aoe.DeliveringTraining: 2,
	})
	for _, m := range []*match.Matcher{match.New(nil), match.New(nil, match.Thresholds(0.7, 0.9))} {
		res, err := m.Score(alex, role.ProjectManager)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%.3f %s\n", res.Fit, res.Confidence)
	}
	// Output:
	// 0.875 high
	// 0.875 low
}

// New compiles any framework, such as a company's own, built with wlp.New.
func ExampleNew() {
	f, err := wlp.New(wlp.Spec{
		ID: "learning-2-0",
		Competencies: []competency.Competency{
			{ID: "using-web-tools", Name: "Using web 2.0 tools", Cluster: competency.Personal},
			{ID: "sharing-openly", Name: "Sharing and collaborating openly", Cluster: competency.Interpersonal},
		},
		Roles: []role.Role{{
			ID: "community-facilitator", Name: "Community facilitator",
			Requirements: []role.Requirement{
				{Of: []competency.ID{"using-web-tools"}, Level: competency.Competent, Weight: 1},
				{Of: []competency.ID{"sharing-openly"}, Level: competency.Proficient, Weight: 1},
			},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	m := match.New(f)
	kim := person("kim", map[competency.ID]competency.Level{"using-web-tools": 3, "sharing-openly": 2})
	res, err := m.Score(kim, "community-facilitator")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("fit %.2f (%s)\n", res.Fit, res.Confidence)
	for _, g := range res.Gaps {
		fmt.Printf("%s: %d of %d, +%.2f\n", describe(g.Of, g.AtLeast), g.Have, g.Need, g.Gain)
	}
	_, err = m.Score(kim, "learning-strategist")
	fmt.Println(strings.HasPrefix(err.Error(), "match: "))
	// Output:
	// fit 0.75 (low)
	// sharing-openly: 2 of 4, +0.25
	// true
}

func ExampleConfidence_MarshalText() {
	b, _ := match.High.MarshalText()
	fmt.Println(string(b))
	var c match.Confidence
	if err := c.UnmarshalText([]byte("exact")); err != nil {
		log.Fatal(err)
	}
	fmt.Println(c == match.Exact)
	fmt.Println(c.UnmarshalText([]byte("medium")))
	// Output:
	// high
	// true
	// match: unknown confidence "medium" (want no, low, high or exact)
}

// A Result belongs to the caller, who may rewrite it in place (here, to
// show names where its gaps list IDs); Clone keeps the original first.
func ExampleResult_Clone() {
	f := wlp.Default()
	m := match.New(f)
	res, err := m.Score(person("sam", levels{competency.BuildingTrust: 2}), role.BusinessPartner)
	if err != nil {
		log.Fatal(err)
	}
	original := res.Clone()
	for _, g := range res.Gaps {
		for i, id := range g.Of {
			if name, ok := f.NameOf(id); ok {
				g.Of[i] = competency.ID(name)
			}
		}
	}
	fmt.Println(res.Gaps[0].Of[0])
	fmt.Println(original.Gaps[0].Of[0])
	again, _ := m.Score(person("sam", nil), role.BusinessPartner)
	fmt.Println(again.Gaps[0].Of[0])
	// Output:
	// Analyzing needs and proposing solutions
	// analyzing-needs-and-proposing-solutions
	// analyzing-needs-and-proposing-solutions
}
