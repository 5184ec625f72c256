package report_test

import (
	"bytes"
	"cmp"
	"fmt"
	"log"
	"strings"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// Write the team report of three people against a job: who ranks first,
// what the team leaves uncovered and how to close it, and who wears which
// of the job's roles.
func ExampleNewTeamReport() {
	rate := func(id string, levels map[competency.ID]competency.Level) profile.Profile {
		p := profile.Profile{ID: id, Ratings: map[competency.ID]profile.Rating{}}
		for c, l := range levels {
			p.Ratings[c] = profile.Rating{Level: l}
		}
		return p
	}
	team := []profile.Profile{
		rate("ana", map[competency.ID]competency.Level{competency.ThinkingStrategically: 5, competency.ApplyingBusinessAcumen: 4}),
		rate("ben", map[competency.ID]competency.Level{competency.BuildingTrust: 5, competency.CommunicatingEffectively: 4}),
		rate("cy", map[competency.ID]competency.Level{competency.PlanningAssignments: 4, competency.DrivingResults: 4}),
	}
	r, err := report.NewTeamReport(match.New(nil), team, role.CLO)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("team fit %.1f%%; best alone %s, %.1f%%\n", 100*r.Fit, r.Members[0].Profile, 100*r.Members[0].Fit)
	hires := 0
	for _, g := range r.Gaps {
		if g.Hire {
			hires++
		}
	}
	fmt.Printf("%d gaps, %d of them for a hire\n", len(r.Gaps), hires)
	for _, h := range r.Hats {
		fmt.Printf("%s: %s\n", h.Name, cmp.Or(h.Profile, "nobody left"))
	}
	var page bytes.Buffer
	if err := r.WriteHTML(&page); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(page.String(), `<tr><th scope="row">`) > 3)
	// Output:
	// team fit 48.8%; best alone ana, 32.9%
	// 23 gaps, 17 of them for a hire
	// Learning strategist: ana
	// Business partner: ben
	// Project manager: cy
	// Professional specialist: nobody left
	// true
}
