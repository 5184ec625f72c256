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
	merged, dis, err := p.Combine(profile.ManagerFirst)
	if err != nil {
		log.Fatal(err)
	}
	r := merged.Ratings[aoe.Coaching]
	fmt.Printf("coaching: source %s, assessed %s\n", r.Source, r.AssessedAt)
	fmt.Println(r.Note)
	for _, d := range dis {
		fmt.Printf("%s: raters disagree, %d to %d: %v\n", d.ID, d.Low, d.High, d.Views)
	}
	// Output:
	// median           coaching 3, building trust 3
	// manager-first    coaching 2, building trust 4
	// mean-except-self coaching 3, building trust 3
	// coaching: source manager, assessed 2025-03-10
	// manager-first of 4 views (self 5, manager 2, peer 3, peer 4); the manager's level; raters disagree (2 to 5)
	// coaching: raters disagree, 2 to 5: [self Alex: 5 manager Kim: 2 peer: 3 peer: 4]
}

// A direct rating beside reviews is one more view. Here an assessment of
// 5, backed by a certificate, meets a self review of 1: the median of the
// two is the lower, 1, which only the self review gave, so the combined
// rating carries the self review's source and date and not the
// certificate. The assessment is kept, whole, as a review.
func ExampleProfile_Combine_directRating() {
	p := profile.Profile{
		ID: "E1001",
		Ratings: map[competency.ID]profile.Rating{
			aoe.Coaching: {Level: 5, Source: profile.Assessment, AssessedAt: "2025-11-03", Evidence: []string{"ICF PCC certificate"}},
		},
		Reviews: []profile.Review{
			{Source: profile.Self, AssessedAt: "2026-01-10", Levels: map[competency.ID]competency.Level{aoe.Coaching: 1}},
		},
	}
	for _, pol := range []profile.Policy{profile.Median, profile.MeanExceptSelf} {
		merged, _, err := p.Combine(pol)
		if err != nil {
			log.Fatal(err)
		}
		r := merged.Ratings[aoe.Coaching]
		fmt.Printf("%s: level %d, source %s, assessed %s, evidence %q\n", pol, r.Level, r.Source, r.AssessedAt, r.Evidence)
	}
	merged, _, err := p.Combine(profile.Median)
	if err != nil {
		log.Fatal(err)
	}
	kept := merged.Reviews[len(merged.Reviews)-1]
	fmt.Printf("kept as a review: %s %d, assessed %s, evidence %q\n", kept.Source, kept.Levels[aoe.Coaching], kept.AssessedAt, kept.Evidence)
	// Output:
	// median: level 1, source self, assessed 2026-01-10, evidence []
	// mean-except-self: level 5, source assessment, assessed 2025-11-03, evidence ["ICF PCC certificate"]
	// kept as a review: assessment 5, assessed 2025-11-03, evidence ["ICF PCC certificate"]
}
