package crosswalk_test

import (
	"fmt"
	"log"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/profile"
)

// ExampleMigrate carries one person's 2004 ratings into the 2020 model
// through the embedded crosswalk, and shows where a carried rating came
// from.
func ExampleMigrate() {
	c, err := crosswalk.LoadEmbedded(crosswalk.ASTD2004ToATD2020)
	if err != nil {
		log.Fatal(err)
	}
	from := wlp.Default()
	to, err := wlp.LoadEmbedded(wlp.ATD2020ID)
	if err != nil {
		log.Fatal(err)
	}
	p := profile.Profile{ID: "ana", Ratings: map[competency.ID]profile.Rating{
		"coaching":            {Level: 4, Source: profile.Manager},
		"designing-learning":  {Level: 3, Source: profile.Assessment, AssessedAt: "2026-01-15"},
		"delivering-training": {Level: 5, Source: profile.Assessment, AssessedAt: "2026-01-15"},
	}}
	got, rep, err := crosswalk.Migrate(p, c, from, to, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, cr := range rep.Carried {
		name, _ := to.NameOf(cr.ID)
		fmt.Printf("%s: %d (%s", name, cr.Level, cr.Relation)
		for _, s := range cr.Sources {
			fmt.Printf(", from %s %d via %v", s.ID, s.Level, s.Via)
		}
		fmt.Println(")")
	}
	fmt.Println("source kept:", got.Ratings["instructional-design"].Source)
	fmt.Println("to assess afresh:", len(rep.Unreached), "of", len(to.IDs()))
	// Output:
	// Instructional Design: 3 (exact, from designing-learning 3 via [instructional-design])
	// Training Delivery & Facilitation: 5 (exact, from delivering-training 5 via [training-delivery])
	// Coaching: 4 (exact, from coaching 4 via [coaching])
	// source kept: assessment
	// to assess afresh: 20 of 23
}

// ExampleMigrator migrates with one Migrator per rule, and shows how
// the rule combines several 2004 ratings that reach one 2020 capability.
func ExampleMigrator() {
	c, err := crosswalk.LoadEmbedded(crosswalk.ASTD2004ToATD2020)
	if err != nil {
		log.Fatal(err)
	}
	to, err := wlp.LoadEmbedded(wlp.ATD2020ID)
	if err != nil {
		log.Fatal(err)
	}
	p := profile.Profile{ID: "bo", Ratings: map[competency.ID]profile.Rating{
		"managing-the-learning-function":        {Level: 5},
		"thinking-strategically":                {Level: 2},
		"planning-and-implementing-assignments": {Level: 2},
	}}
	for _, rule := range []crosswalk.Rule{crosswalk.RuleMedian, crosswalk.RuleStrongest} {
		// A Migrator compiles the crosswalk once; it may migrate any
		// number of people, from any number of goroutines.
		m, err := crosswalk.NewMigrator(c, wlp.Default(), to, &crosswalk.MigrateOptions{Rule: rule})
		if err != nil {
			log.Fatal(err)
		}
		got, rep, err := m.Migrate(p)
		if err != nil {
			log.Fatal(err)
		}
		pm := got.Ratings["project-management"]
		fmt.Printf("%s: project management %d, %s, weak %v\n", rule, pm.Level, pm.Carried.Relation, pm.Carried.Weak())
		for _, cr := range rep.Carried {
			for _, o := range cr.Outweighed {
				fmt.Printf("  %s: %s %d set aside (%s)\n", cr.ID, o.ID, o.Level, o.Relation)
			}
		}
		for _, l := range rep.Lost {
			fmt.Printf("  lost: %s %d (%s)\n", l.ID, l.Level, l.Reason)
		}
		if rule == crosswalk.RuleMedian {
			for _, s := range pm.Carried.Sources {
				fmt.Printf("  from %s: %d carries %d (%s)\n", s.ID, s.Level, s.Carried, s.Relation)
			}
			for _, h := range rep.Hints {
				fmt.Printf("  hint: %s %d is %s to %s, carrying nothing\n", h.From, h.Level, h.Relation, h.ID)
			}
		}
	}
	// Output:
	// median: project management 2, narrower, weak true
	//   from managing-the-learning-function: 5 carries 3 (narrower)
	//   from planning-and-implementing-assignments: 2 carries 2 (close)
	//   hint: managing-the-learning-function 5 is related to business-insight, carrying nothing
	//   hint: managing-the-learning-function 5 is related to talent-strategy-and-management, carrying nothing
	//   hint: planning-and-implementing-assignments 2 is related to data-and-analytics, carrying nothing
	//   hint: thinking-strategically 2 is related to project-management, carrying nothing
	//   hint: thinking-strategically 2 is related to data-and-analytics, carrying nothing
	// strongest: project management 2, close, weak true
	//   project-management: managing-the-learning-function 5 set aside (narrower)
	//   lost: managing-the-learning-function 5 (outweighed)
}
