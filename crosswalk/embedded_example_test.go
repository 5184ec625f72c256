package crosswalk_test

import (
	"fmt"
	"log"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/crosswalk"
)

// Load an embedded crosswalk, check it against the frameworks it maps,
// and read its links.
func ExampleLoadEmbedded() {
	c, err := crosswalk.LoadEmbedded(crosswalk.ATD2013ToATD2020)
	if err != nil {
		log.Fatal(err)
	}
	from, err := wlp.LoadEmbedded(c.From)
	if err != nil {
		log.Fatal(err)
	}
	to, err := wlp.LoadEmbedded(c.To)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Check(from, to); err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Name+":", len(c.Links), "links")
	for _, k := range c.Links {
		if k.From != "integrated-talent-management" && k.From != "managing-learning-programs" {
			continue
		}
		name, _ := to.NameOf(k.To)
		carry := string(k.Carry)
		if k.Carry == crosswalk.CarryCapped {
			carry = fmt.Sprintf("capped at %d", k.Cap)
		}
		fmt.Printf("%s -> %s: %s, %s\n", k.From, name, k.Relation, carry)
	}
	for _, n := range c.New {
		name, _ := to.NameOf(n.ID)
		fmt.Println("new:", name)
	}
	// Output:
	// ATD 2013 to ATD 2020: 27 links
	// managing-learning-programs -> Project Management: narrower, capped at 3
	// managing-learning-programs -> Business Insight: related, none
	// managing-learning-programs -> Talent Strategy & Management: related, none
	// integrated-talent-management -> Career & Leadership Development: narrower, level
	// integrated-talent-management -> Talent Strategy & Management: close, level
	// new: Compliance & Ethical Behavior
	// new: Learning Sciences
	// new: Future Readiness
}

// Find the embedded crosswalk between two embedded frameworks.
func ExampleBetween() {
	c, ok := crosswalk.Between(wlp.DefaultID, wlp.ATD2020ID)
	fmt.Println(ok, c.ID, len(c.Links))
	_, ok = crosswalk.Between(wlp.ATD2020ID, wlp.DefaultID)
	fmt.Println(ok)
	// Output:
	// true astd-2004-to-atd-2020 50
	// false
}
