package cfpackage_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
)

// Export the default framework and look at it as a CASE reader does:
// items by type, then the criteria of the chief learning officer's
// rubric, a group requirement's criteria on one line.
func ExampleExport() {
	p, err := cfpackage.Export(wlp.Default(), &cfpackage.ExportOptions{BaseURI: "https://case.example.org/uri/"})
	if err != nil {
		log.Fatal(err)
	}
	count := map[string]int{}
	for _, it := range p.Items {
		count[it.CFItemType]++
	}
	for _, ty := range p.Definitions.CFItemTypes {
		fmt.Printf("%-24s %3d\n", ty.Title, count[ty.Title])
	}
	fmt.Println(len(p.Associations), "associations,", len(p.Rubrics), "rubrics")

	clo := p.Rubrics[len(p.Rubrics)-1]
	fmt.Println(clo.Title)
	cs := clo.CFRubricCriteria
	for i := 0; i < len(cs); {
		c, n := cs[i], 1
		if strings.HasPrefix(c.Category, "requirement ") {
			for i+n < len(cs) && cs[i+n].Category == c.Category {
				n++
			}
		}
		var scores []string
		for _, l := range c.CFRubricCriterionLevels {
			scores = append(scores, fmt.Sprintf("%.2g", *l.Score))
		}
		pos, what := fmt.Sprint(*c.Position), c.CFItemURI.Title
		switch {
		case n > 1:
			pos, what = fmt.Sprintf("%d-%d", *c.Position, *c.Position+n-1), c.Category
		case c.Category == "role":
			what = "role " + what
		}
		fmt.Printf("%-5s  weight %-5.3g  %s", pos, *c.Weight, what)
		if len(scores) > 0 {
			fmt.Printf("; levels score %s", strings.Join(scores, " "))
		}
		fmt.Println()
		i += n
	}
	// Output:
	// Competency cluster         3
	// Foundational competency   12
	// Area of expertise          9
	// Role                       4
	// Job                        1
	// Key behavior              93
	// Learning technologies      9
	// 140 associations, 5 rubrics
	// Chief learning officer: requirements
	// 1      weight 3      role Learning strategist
	// 2      weight 3      role Business partner
	// 3      weight 1      role Project manager
	// 4      weight 1      role Professional specialist
	// 5      weight 2      Thinking strategically; levels score 0 0.2 0.4 0.6 0.8 1
	// 6      weight 2      Applying business acumen; levels score 0 0.2 0.4 0.6 0.8 1
	// 7-15   weight 0.286  requirement 3: 7 of 9 at level 2; levels score 0 0.5 1 1 1 1
	// 16-27  weight 0.2    requirement 4: 10 of 12 at level 4; levels score 0 0.25 0.5 0.75 1 1
}
