// Command case exchanges frameworks in 1EdTech's CASE 1.1, the format of
// OpenSALT, the CASE Network and the platforms that import competency
// standards. It exports the default ASTD 2004 framework and the Learning
// 2.0 extension (examples/frameworks/learning2.json) as CASE packages,
// imports the Learning 2.0 package back and checks that it gives the same
// framework, and shows what a CASE reader, who knows nothing of wlp, sees
// of the Chief Learning Officer job: its item, and the rubric that says
// how a person is scored against it.
//
// Run it from the repository's root folder:
//
//	go run ./examples/case
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"reflect"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/role"
)

// learning2 is the Learning 2.0 framework, from the repository's root.
const learning2 = "examples/frameworks/learning2.json"

func main() {
	log.SetFlags(0)
	log.SetPrefix("case: ")

	astd := wlp.Default()
	fh, err := os.Open(learning2)
	if err != nil {
		log.Fatal(err)
	}
	l2, err := wlp.Load(fh)
	fh.Close()
	if err != nil {
		log.Fatal(err)
	}

	// Export both. The same framework always gives the same bytes.
	fmt.Println("CASE 1.1 packages:")
	astdPkg := export(astd)
	l2Pkg := export(l2)
	fmt.Printf("Exported again, the same bytes: %v\n", bytes.Equal(l2Pkg, encode(l2)))

	// Import the Learning 2.0 package back.
	p, warnings, err := cfpackage.Read(bytes.NewReader(l2Pkg))
	if err != nil {
		log.Fatal(err)
	}
	back, more, err := cfpackage.Import(p, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Imported back, with %s: the same framework as %s: %v\n",
		plural(len(warnings)+len(more), "warning"), learning2, reflect.DeepEqual(l2.Spec(), back.Spec()))

	// What a CASE reader sees of the CLO job.
	p, _, err = cfpackage.Read(bytes.NewReader(astdPkg))
	if err != nil {
		log.Fatal(err)
	}
	showJob(p, role.CLO)
}

// encode returns f as a CASE package.
func encode(f *wlp.Framework) []byte {
	p, err := cfpackage.Export(f, nil)
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	if err := cfpackage.Encode(&b, p); err != nil {
		log.Fatal(err)
	}
	return b.Bytes()
}

// export returns f as a CASE package, and prints what the package holds.
func export(f *wlp.Framework) []byte {
	b := encode(f)
	p, _, err := cfpackage.Read(bytes.NewReader(b))
	if err != nil {
		log.Fatal(err)
	}
	types := map[string]int{}
	for _, it := range p.Items {
		types[it.CFItemType]++
	}
	fmt.Printf("  %s\n", f.Name())
	fmt.Printf("    %d KB, document %s: %s, %s, %s\n", len(b)/1024, p.Document.Identifier,
		plural(len(p.Items), "item"), plural(len(p.Associations), "association"), plural(len(p.Rubrics), "rubric"))
	fmt.Printf("    %s, %s, %s, %s, %s,\n    %s, %s\n",
		plural(types[cfpackage.TypeCluster], "cluster"), plural(types[cfpackage.TypeCompetency], "competency"),
		plural(types[cfpackage.TypeArea], "area"), plural(types[cfpackage.TypeRole], "role"), plural(types[cfpackage.TypeJob], "job"),
		plural(types[cfpackage.TypeBehavior], "key behaviour"), plural(types[cfpackage.TypeTechnologies], "technologies note"))
	return b
}

// showJob prints the item of the job id and its rubric as the package p
// holds them.
func showJob(p *cfpackage.Package, id role.ID) {
	var job *cfpackage.Item
	for i, it := range p.Items {
		if it.CFItemType == cfpackage.TypeJob && it.HumanCodingScheme == string(id) {
			job = &p.Items[i]
		}
	}
	if job == nil {
		log.Fatalf("no item of the job %s", id)
	}
	fmt.Printf("\nThe CFItem of the job %s (%s):\n  %s\n", job.AbbreviatedStatement, job.Identifier, wrap(job.FullStatement, 76, "\n  "))

	// The job's rubric is the destination of an isRelatedTo association.
	var rubric *cfpackage.Rubric
	for _, a := range p.Associations {
		if a.AssociationType != cfpackage.IsRelatedTo || a.OriginNodeURI.Identifier != job.Identifier ||
			a.DestinationNodeURI.TargetType != cfpackage.RubricTarget {
			continue
		}
		for i, r := range p.Rubrics {
			if r.Identifier == a.DestinationNodeURI.Identifier {
				rubric = &p.Rubrics[i]
			}
		}
	}
	if rubric == nil {
		log.Fatalf("no rubric of the job %s", id)
	}
	fmt.Printf("\nIts CFRubric %q, criteria in order:\n", rubric.Title)
	fmt.Printf("  %3s  %-39s  %-34s  %4s  %s\n", "POS", "ITEM", "CATEGORY", "NEED", "WEIGHT")
	var capped *cfpackage.Criterion // the first whose need is below the top level
	for i, c := range rubric.CFRubricCriteria {
		// The level needed is the first that scores 1; a criterion
		// without levels (a role the job blends) scores the role's fit.
		need := "fit"
		for _, l := range c.CFRubricCriterionLevels {
			if *l.Score >= 1 {
				need = fmt.Sprint(*l.Position)
				break
			}
		}
		fmt.Printf("  %3d  %-39s  %-34s  %4s  %.4g\n", *c.Position, c.CFItemURI.Title, c.Category, need, *c.Weight)
		if ls := c.CFRubricCriterionLevels; capped == nil && len(ls) > 1 && *ls[len(ls)-2].Score >= 1 {
			capped = &rubric.CFRubricCriteria[i]
		}
	}
	if capped == nil {
		return
	}
	fmt.Printf("\nThe levels of criterion %d, %s, and the score each earns:\n", *capped.Position, capped.CFItemURI.Title)
	for _, l := range capped.CFRubricCriterionLevels {
		fmt.Printf("  %d %-18s %.2f\n", *l.Position, l.Quality, *l.Score)
	}
}

// plural returns "1 job", "2 jobs", "3 competencies".
func plural(n int, noun string) string {
	switch {
	case n == 1:
	case strings.HasSuffix(noun, "y"):
		noun = strings.TrimSuffix(noun, "y") + "ies"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// wrap breaks s into lines of at most width bytes, joined by sep.
func wrap(s string, width int, sep string) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), sep)
}
