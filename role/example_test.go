package role_test

import (
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// A role's requirements: which IDs, how many of them must reach which
// level, and with what weight.
func ExampleAll() {
	for _, r := range role.All() {
		if r.ID != role.ProfessionalSpecialist {
			continue
		}
		fmt.Println(r.Name)
		for _, req := range r.Requirements {
			what := string(req.Of[0])
			if len(req.Of) > 1 {
				what = fmt.Sprintf("%d of %d (%s, %s, ...)", req.K(), len(req.Of), req.Of[0], req.Of[1])
			}
			fmt.Printf("  %s at %s, weight %g\n", what, req.Level, req.Weight)
		}
	}
	// Output:
	// Professional specialist
	//   1 of 9 (career-planning-and-talent-management, coaching, ...) at expert, weight 4
	//   modeling-personal-development at proficient, weight 2
	//   demonstrating-adaptability at competent, weight 1
	//   communicating-effectively at competent, weight 1
}

// A job blends roles, each with its share of the job's fit, and adds
// requirements of its own: the job's fit is the weighted mean of them all.
func ExampleJobs() {
	for _, j := range role.Jobs() {
		var total float64
		for _, s := range j.Roles {
			total += s.Weight
		}
		for _, r := range j.Requirements {
			total += r.Weight
		}
		fmt.Printf("%s (%s)\n", j.Title, j.ID)
		for _, s := range j.Roles {
			fmt.Printf("  %s: weight %g, %g/%g of the fit\n", s.Role, s.Weight, s.Weight, total)
		}
		var own []string
		for _, r := range j.Requirements {
			own = append(own, fmt.Sprintf("%g", r.Weight))
		}
		fmt.Printf("  %d requirements of its own, weights %s\n", len(j.Requirements), strings.Join(own, ", "))
	}
	// Output:
	// Chief learning officer (chief-learning-officer)
	//   learning-strategist: weight 3, 3/16 of the fit
	//   business-partner: weight 3, 3/16 of the fit
	//   project-manager: weight 1, 1/16 of the fit
	//   professional-specialist: weight 1, 1/16 of the fit
	//   4 requirements of its own, weights 2, 2, 2, 2
}

// K is how many IDs of a requirement must reach its level: AtLeast, or
// all of them when AtLeast is 0.
func ExampleRequirement_K() {
	both := role.Requirement{Of: []competency.ID{"coaching", "designing-learning"}, Level: 3, Weight: 1}
	either := both
	either.AtLeast = 1
	fmt.Println(both.K(), either.K())
	// Output:
	// 2 1
}
