package report_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// Write the person report of one person against a role: the data first,
// then the page, ready to save as a file or to serve from a handler.
func ExampleNewPersonReport() {
	ana := profile.Profile{ID: "ana", Name: "Ana Ruiz", Ratings: map[competency.ID]profile.Rating{
		competency.BuildingTrust:            {Level: 4},
		competency.CommunicatingEffectively: {Level: 3},
		competency.InfluencingStakeholders:  {Level: 2},
	}}
	r, err := report.NewPersonReport(match.New(nil), ana, role.BusinessPartner)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s against %s: fit %.1f%%, %d gaps\n", r.Name, r.TargetName, 100*r.Fit, len(r.Gaps))
	fmt.Printf("close first: %s, %d -> %d\n", r.Gaps[0].Label, r.Gaps[0].Have, r.Gaps[0].Need)
	fmt.Printf("plan: %d steps, first %s\n", len(r.Plan), r.Plan[0].Name)

	var page bytes.Buffer
	if err := r.WriteHTML(&page); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasPrefix(page.String(), "<!DOCTYPE html>"), strings.Contains(page.String(), "<svg"))
	// Output:
	// Ana Ruiz against Business partner: fit 29.5%, 7 gaps
	// close first: Analyzing needs and proposing solutions, 0 -> 4
	// plan: 5 steps, first Analyzing needs and proposing solutions
	// true true
}

// Say on the page that a 360-degree review was combined, and by which
// policy: merge the reviews, then set Combined, as a score's result does.
func ExamplePersonReport_combined() {
	alex := profile.Profile{ID: "alex", Name: "Alex", Reviews: []profile.Review{
		{Source: profile.Self, Levels: map[competency.ID]competency.Level{aoe.Coaching: 5}},
		{Source: profile.Manager, Levels: map[competency.ID]competency.Level{aoe.Coaching: 3}},
		{Source: profile.Peer, Levels: map[competency.ID]competency.Level{aoe.Coaching: 3}},
	}}
	merged, _, err := alex.Combine(profile.Median)
	if err != nil {
		log.Fatal(err)
	}
	r, err := report.NewPersonReport(match.New(nil), merged, role.ProfessionalSpecialist)
	if err != nil {
		log.Fatal(err)
	}
	r.Combined = profile.Median
	var page bytes.Buffer
	if err := r.WriteHTML(&page); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Contains(page.String(), "combined into its ratings by median"))
	// Output:
	// true
}
