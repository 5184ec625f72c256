package match_test

import (
	"fmt"
	"iter"
	"log"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// staff yields a few people, as a database cursor or a JSON Lines file
// read with package people would: one at a time.
func staff() iter.Seq[profile.Profile] {
	return func(yield func(profile.Profile) bool) {
		for i := range 5 {
			p := profile.Profile{ID: fmt.Sprintf("e%d", i+1), Ratings: map[competency.ID]profile.Rating{}}
			for j, id := range wlp.Default().IDs() {
				p.Ratings[id] = profile.Rating{Level: competency.Level(2 + (i*j+i)%4)}
			}
			if !yield(p) {
				return
			}
		}
	}
}

// RankSeq ranks a stream of people and holds only the best k of them: a
// million-line file takes no more memory than ten people.
func ExampleMatcher_RankSeq() {
	m := match.New(nil)
	best, err := m.RankSeq(staff(), role.BusinessPartner, 2)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range best {
		fmt.Printf("%s %.3f %s\n", r.Profile, r.Result.Fit, r.Result.Confidence)
	}
	// Output:
	// e2 0.966 high
	// e4 0.932 high
}

// A Population holds many people compactly, to score them against many
// targets; its fits are those of the people's profiles.
func ExamplePopulation() {
	pop := match.NewPopulation(nil)
	for p := range staff() {
		if err := pop.Add(p); err != nil {
			log.Fatal(err)
		}
	}
	m := match.New(nil)
	fits, err := m.FitPopulation(pop, role.CLO, nil)
	if err != nil {
		log.Fatal(err)
	}
	for i, fit := range fits {
		fmt.Printf("%s %.3f\n", pop.ID(i), fit)
	}
	// Output:
	// e1 0.581
	// e2 0.913
	// e3 0.776
	// e4 0.853
	// e5 0.581
}

// Shortlists answers an internal talent marketplace both ways: who fits
// each role and job best, and which roles and jobs fit each person best.
func ExampleMatcher_Shortlists() {
	pop := match.NewPopulation(nil)
	for p := range staff() {
		if err := pop.Add(p); err != nil {
			log.Fatal(err)
		}
	}
	s, err := match.New(nil).Shortlists(pop, 1)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range s.Targets {
		fmt.Printf("%s: %s\n", t.Target, t.Best[0].Profile)
	}
	for _, p := range s.People[:2] {
		fmt.Printf("%s: %s %.3f\n", p.Profile, p.Best[0].Target, p.Best[0].Fit)
	}
	// Output:
	// learning-strategist: e2
	// business-partner: e2
	// project-manager: e4
	// professional-specialist: e2
	// chief-learning-officer: e2
	// e1: learning-strategist 0.627
	// e2: business-partner 0.966
}
