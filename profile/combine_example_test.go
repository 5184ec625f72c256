package profile_test

import (
	"fmt"
	"log"

	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// A 360-degree review: the person, their manager and two peers rate the
// same competencies. Combine merges the views by a policy and flags where
// raters are two or more levels apart.
func ExampleProfile_Combine() {
	p := profile.Profile{
		ID: "alex",
		Reviews: []profile.Review{
			{Rater: "Alex", Source: profile.Self, AssessedAt: "2025-03-01", Levels: map[competency.ID]competency.Level{
				aoe.Coaching: 5, competency.BuildingTrust: 4,
			}},
			{Rater: "Kim", Source: profile.Manager, AssessedAt: "2025-03-10", Levels: map[competency.ID]competency.Level{
				aoe.Coaching: 2, competency.BuildingTrust: 4,
			}},
			{Source: profile.Peer, Levels: map[competency.ID]competency.Level{aoe.Coaching: 3, competency.BuildingTrust: 3}},
			{Source: profile.Peer, Levels: map[competency.ID]competency.Level{aoe.Coaching: 4, competency.BuildingTrust: 3}},
		},
	}
	for _, pol := range profile.Policies() {
		merged, _, err := p.Combine(pol)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-16s coaching %d, building trust %d\n", pol, merged.Level(aoe.Coaching), merged.Level(competency.BuildingTrust))
	}
	merged, dis, err := p.Combine(profile.Median)
	if err != nil {
		log.Fatal(err)
	}
	r := merged.Ratings[aoe.Coaching]
	fmt.Printf("coaching: source %s, assessed %s\n", r.Source, r.AssessedAt)
	for _, d := range dis {
		fmt.Printf("%s: raters disagree, %d to %d: %v\n", d.ID, d.Low, d.High, d.Views)
	}
	// Output:
	// median           coaching 3, building trust 3
	// manager-first    coaching 2, building trust 4
	// mean-except-self coaching 3, building trust 3
	// coaching: source unstated, assessed 2025-03-10
	// coaching: raters disagree, 2 to 5: [self Alex: 5 manager Kim: 2 peer: 3 peer: 4]
}
