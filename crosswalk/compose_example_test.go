package crosswalk_test

import (
	"fmt"
	"log"

	"github.com/wlpmodel/wlp/crosswalk"
)

// Compose two crosswalks into one from the first framework to the last:
// each link crosses an item between, named in its Via.
func ExampleCompose() {
	a, err := crosswalk.LoadEmbedded(crosswalk.ASTD2004ToATD2013)
	if err != nil {
		log.Fatal(err)
	}
	b, err := crosswalk.LoadEmbedded(crosswalk.ATD2013ToATD2020)
	if err != nil {
		log.Fatal(err)
	}
	c, err := crosswalk.Compose(a, b)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.ID, len(c.Links), "links")
	for _, k := range c.Links {
		if k.From == "building-trust" || k.From == "managing-the-learning-function" {
			fmt.Printf("%s -> %v -> %s: %s, %s\n", k.From, k.Via, k.To, k.Relation, k.Carry)
		}
	}
	for _, n := range c.New {
		fmt.Println("new:", n.ID)
	}
	// Output:
	// astd-2004-to-atd-2020 47 links
	// building-trust -> [interpersonal-skills] -> communication: related, none
	// building-trust -> [interpersonal-skills] -> emotional-intelligence-and-decision-making: related, none
	// building-trust -> [interpersonal-skills] -> collaboration-and-leadership: related, none
	// managing-the-learning-function -> [managing-learning-programs] -> project-management: narrower, capped
	// managing-the-learning-function -> [managing-learning-programs] -> business-insight: related, none
	// managing-the-learning-function -> [managing-learning-programs] -> talent-strategy-and-management: related, none
	// new: compliance-and-ethical-behavior
	// new: learning-sciences
	// new: future-readiness
	// new: technology-application
}
