package competency_test

import (
	"fmt"

	"github.com/wlpmodel/wlp/competency"
)

// The proficiency scale: each level with its number and name, and the
// name of a level that is not on it.
func ExampleDefaultScale() {
	s := competency.DefaultScale()
	for _, l := range s.Levels {
		fmt.Printf("%d %s\n", l.Level, l.Name)
	}
	fmt.Println(s.Contains(6), s.Name(6))
	// Output:
	// 0 not demonstrated
	// 1 novice
	// 2 advanced beginner
	// 3 competent
	// 4 proficient
	// 5 expert
	// false level 6
}

// A Level prints as its name; Valid tells whether it is on the scale.
func ExampleLevel() {
	fmt.Println(competency.Proficient, int(competency.Proficient))
	fmt.Println(competency.Level(2), competency.Level(2).Valid())
	fmt.Println(competency.Level(7), competency.Level(7).Valid())
	// Output:
	// proficient 4
	// advanced beginner true
	// level 7 false
}

// The three clusters, each with how many competencies it holds, in model
// order. A Cluster prints as its human name; its ID is the string itself.
func ExampleClusters() {
	all := competency.All()
	for _, cl := range competency.Clusters() {
		n := 0
		for _, c := range all {
			if c.Cluster == cl.ID {
				n++
			}
		}
		fmt.Printf("%s (%s): %d competencies\n", cl.ID, string(cl.ID), n)
	}
	// Output:
	// Interpersonal (interpersonal): 5 competencies
	// Business/Management (business-management): 5 competencies
	// Personal (personal): 2 competencies
}

// The competencies of one cluster, with their IDs.
func ExampleAll() {
	for _, c := range competency.All() {
		if c.Cluster == competency.Personal {
			fmt.Printf("%s: %s\n", c.ID, c.Name)
		}
	}
	// Output:
	// demonstrating-adaptability: Demonstrating adaptability
	// modeling-personal-development: Modeling personal development
}

// ValidID checks the ID rule that every framework, profile and schema
// applies: lower-case ASCII words joined by single hyphens.
func ExampleValidID() {
	for _, s := range []string{"building-trust", "sql-2", "Building-Trust", "building--trust", "-trust", ""} {
		fmt.Printf("%q %v\n", s, competency.ValidID(s))
	}
	// Output:
	// "building-trust" true
	// "sql-2" true
	// "Building-Trust" false
	// "building--trust" false
	// "-trust" false
	// "" false
}
