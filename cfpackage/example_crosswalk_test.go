package cfpackage_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/crosswalk"
)

// Export the embedded crosswalk from the ATD 2013 model to the 2020 one
// as a CASE package, and count its associations by type: exact links are
// exactMatchOf, all others isRelatedTo.
func ExampleExportCrosswalk() {
	c, err := crosswalk.LoadEmbedded("atd-2013-to-atd-2020")
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
	p, err := cfpackage.ExportCrosswalk(c, from, to, &cfpackage.ExportOptions{BaseURI: "https://case.example.org/uri/"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Document.Title, "-", len(p.Items), "items,", len(p.Associations), "associations")
	count := map[string]int{}
	for _, a := range p.Associations {
		count[a.AssociationType]++
	}
	fmt.Println(cfpackage.ExactMatchOf, count[cfpackage.ExactMatchOf])
	fmt.Println(cfpackage.IsRelatedTo, count[cfpackage.IsRelatedTo])
	a := p.Associations[0]
	fmt.Printf("%s %s %s\n", a.OriginNodeURI.Title, a.AssociationType, a.DestinationNodeURI.Title)
	// Output:
	// ATD 2013 to ATD 2020 - 0 items, 27 associations
	// exactMatchOf 7
	// isRelatedTo 20
	// Business Skills isRelatedTo Project Management
}

// Write a crosswalk package, read it back and import it: the same
// crosswalk comes back. A strict package (no extensions) would come
// back with CASE's reading of its links instead, with warnings.
func ExampleImportCrosswalk() {
	c, err := crosswalk.LoadEmbedded("astd-2004-to-atd-2013")
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
	p, err := cfpackage.ExportCrosswalk(c, from, to, nil)
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	if err := cfpackage.Encode(&b, p); err != nil {
		log.Fatal(err)
	}
	read, warns, err := cfpackage.Read(&b)
	if err != nil {
		log.Fatal(err)
	}
	back, more, err := cfpackage.ImportCrosswalk(read, from, to)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(back.ID, len(back.Links), "links,", len(warns)+len(more), "warnings")
	fmt.Println(back.Links[0].From, back.Links[0].Relation, back.Links[0].To, back.Links[0].Carry)
	// Output:
	// astd-2004-to-atd-2013 22 links, 0 warnings
	// building-trust broader interpersonal-skills level
}
