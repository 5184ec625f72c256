package cfpackage_test

import (
	"fmt"
	"log"
	"reflect"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
)

// Export a framework and import the package back: with the extensions an
// export writes, the framework comes back equal.
func ExampleImport() {
	f := wlp.Default()
	p, err := cfpackage.Export(f, nil)
	if err != nil {
		log.Fatal(err)
	}
	g, warnings, err := cfpackage.Import(p, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.ID(), len(g.Competencies()), len(g.Areas()), len(g.Roles()), len(g.Jobs()))
	fmt.Println("warnings:", len(warnings))
	fmt.Println("equal:", reflect.DeepEqual(f.Spec(), g.Spec()))
	clo, _ := g.Job("chief-learning-officer")
	for _, sh := range clo.Roles {
		fmt.Println(sh.Role, sh.Weight)
	}
	// Output:
	// astd-2004 12 9 4 1
	// warnings: 0
	// equal: true
	// learning-strategist 3
	// business-partner 3
	// project-manager 1
	// professional-specialist 1
}

// Import a package from another system: items without types are placed
// by the shape of the tree, IDs are slugs of the human coding schemes,
// and the warnings say what the model has no place for.
func ExampleImport_foreign() {
	const data = `{
  "CFDocument": {
    "identifier": "0a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c",
    "uri": "https://case.example.org/uri/0a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c",
    "creator": "Example Board", "title": "Digital Skills", "lastChangeDateTime": "2024-01-01T00:00:00Z"
  },
  "CFItems": [
    {"identifier": "1a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c", "uri": "https://case.example.org/uri/1a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c",
     "humanCodingScheme": "DS.1", "fullStatement": "Information literacy", "lastChangeDateTime": "2024-01-01T00:00:00Z"},
    {"identifier": "2a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c", "uri": "https://case.example.org/uri/2a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c",
     "humanCodingScheme": "DS.1.1", "fullStatement": "Searches for information online.", "educationLevel": ["09"],
     "lastChangeDateTime": "2024-01-01T00:00:00Z"}
  ],
  "CFAssociations": [
    {"identifier": "3a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c", "associationType": "isChildOf", "uri": "https://case.example.org/uri/3a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c",
     "originNodeURI": {"title": "DS.1", "identifier": "1a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c", "uri": "https://case.example.org/uri/1a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c"},
     "destinationNodeURI": {"title": "Digital Skills", "identifier": "0a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c", "uri": "https://case.example.org/uri/0a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c"},
     "lastChangeDateTime": "2024-01-01T00:00:00Z"},
    {"identifier": "4a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c", "associationType": "isChildOf", "uri": "https://case.example.org/uri/4a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c",
     "originNodeURI": {"title": "DS.1.1", "identifier": "2a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c", "uri": "https://case.example.org/uri/2a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c"},
     "destinationNodeURI": {"title": "DS.1", "identifier": "1a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c", "uri": "https://case.example.org/uri/1a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c"},
     "lastChangeDateTime": "2024-01-01T00:00:00Z"}
  ]
}`
	p, _, err := cfpackage.Decode([]byte(data))
	if err != nil {
		log.Fatal(err)
	}
	f, warnings, err := cfpackage.Import(p, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range f.Clusters() {
		fmt.Printf("cluster %s: %s\n", c.ID, c.Name)
	}
	for _, c := range f.Competencies() {
		fmt.Printf("competency %s in %s: %s\n", c.ID, c.Cluster, c.Name)
	}
	kept := f.Spec().CASE.Items["ds-1-1"]
	fmt.Println("kept:", kept.Identifier, kept.Code)
	for _, w := range warnings {
		fmt.Println(w)
	}
	// Output:
	// cluster ds-1: Information literacy
	// competency ds-1-1 in ds-1: Searches for information online.
	// kept: 2a6b4c2e-1d3f-4e5a-8b7c-9d0e1f2a3b4c DS.1.1
	// /CFItems/0: 2 items have no type: placed by the shape of the tree
	// /CFItems/1/educationLevel: 1 item has educationLevel, which the model has no place for; not kept
}
