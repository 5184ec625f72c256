package cfpackage_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/role"
)

var update = flag.Bool("update", false, "rewrite the expected results of the import fixtures in testdata/import")

// importFixtures are the foreign packages of testdata/import, each with
// the options it is imported with. Every one was written by hand for
// these tests, after the shapes of packages other systems export.
var importFixtures = []struct {
	name string
	opt  *cfpackage.ImportOptions
}{
	// OpenSALT-like: Domain > Standard > Indicator, human coding schemes,
	// upper-case identifiers, no item types, a leaf under the document,
	// fields the model has no place for, associations to other frameworks.
	{"opensalt", nil},
	// Item types of its own, mapped by the options, key behaviours among
	// them, and rubrics of this model's shape (one of a job).
	{"typed", &cfpackage.ImportOptions{
		ClusterTypes:    []string{"Skill group"},
		CompetencyTypes: []string{"skill"},
		AreaTypes:       []string{"Knowledge Area"},
		RoleTypes:       []string{"Occupation"},
		JobTypes:        []string{"job title"},
		BehaviorTypes:   []string{"Indicator"},
	}},
	// Statements that give one slug, accents, non-Latin text, long
	// statements, identifiers that are not UUIDs, an item in no tree.
	{"collisions", nil},
	// Rubrics of other shapes: points instead of fractions, no weights,
	// scores that never reach 1, levels without scores, criteria that
	// point at a cluster and at no item, a rubric related to nothing.
	{"rubrics", nil},
	// The packages a review of import wrote, after what OpenSALT serves:
	// a state's standards (Domain > Cluster > Standard > Component), items
	// of repeated statements (and the same package with its arrays
	// reversed), French and other non-ASCII text, associations to other
	// frameworks, items with two parents, an isChildOf drawn the wrong way
	// round, a CASE 1.0 package in its wrapper, identifiers that are not
	// UUIDs, and a rubric of 1 to 4 points.
	{"review-standards", nil},
	{"review-repeated", nil},
	{"review-repeated-reordered", nil},
	{"review-non-ascii", nil},
	{"review-external", nil},
	{"review-two-parents", nil},
	{"review-reversed", nil},
	{"review-case10", nil},
	{"review-nonuuid", nil},
	{"review-points", nil},
	// Associations the model has no place for, kept whole: to and from
	// items of other frameworks and outside CASE, between items, with the
	// document, one end named by its URI alone, with groupings, notes,
	// sequence numbers, an identifier that is not a UUID and no time; and
	// items and associations changed at other times than the document.
	{"review-associations", nil},
}

// importResult is what a fixture's .want.json holds.
type importResult struct {
	Spec     wlp.Spec          `json:"spec"`
	Warnings []problem.Problem `json:"warnings"`
}

// decodeFixture reads testdata/import/NAME.json.
func decodeFixture(t *testing.T, name string) *cfpackage.Package {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "import", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := cfpackage.Decode(data)
	if err != nil {
		t.Fatalf("Decode(%s): %v", name, err)
	}
	return p
}

// TestImportFixtures imports each foreign fixture and compares the
// framework's Spec and the warnings with testdata/import/NAME.want.json
// (go test -update rewrites them, to be read before they are committed).
func TestImportFixtures(t *testing.T) {
	for _, fx := range importFixtures {
		t.Run(fx.name, func(t *testing.T) {
			p := decodeFixture(t, fx.name)
			f, warns, err := cfpackage.Import(p, fx.opt)
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			got := importResult{Spec: f.Spec(), Warnings: warns}
			file := filepath.Join("testdata", "import", fx.name+".want.json")
			if *update {
				var buf bytes.Buffer
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				if err := enc.Encode(got); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var want importResult
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("Import(%s) (-want +got):\n%s", fx.name, d)
			}
		})
	}
}

// importIdent is the identifier an import gives an item whose identifier
// was s: s itself when it is a lower-case UUID, else a version 5 UUID
// derived from it.
func importIdent(s string) string {
	if wlp.ValidUUID(s) {
		return s
	}
	ns := uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/wlpmodel/wlp/cfpackage"))
	return uuid.NewSHA1(ns, []byte("identifier:"+s)).String()
}

// caseFacts are what an import then an export must keep of a package:
// the document's last change; of every item its identifier, URI,
// statements, human coding scheme, type, parent ("" for the document)
// and last change; the order of the children of each parent; the
// identity and last change of every item type items use; those of every
// isChildOf association that places an item; and every other
// association but those an export derives (isRelatedTo to a rubric,
// isPartOf of a role to a job), whole.
type caseFacts struct {
	Changed  string
	Items    map[string]itemFacts  // by identifier
	Children map[string][]string   // parent identifier ("" for the document) and kind -> children in order
	Types    map[string]typeFacts  // by title
	Links    map[string]string     // "child>parent" -> the association's identifier, URI and last change
	Assocs   map[string]assocFacts // by identifier
}

type itemFacts struct{ URI, Full, Abbreviated, Code, Type, Parent, Changed string }

type typeFacts struct{ Identifier, URI, Description, HierarchyCode, Changed string }

type assocFacts struct {
	Type, URI, Notes, Changed string
	Sequence                  int
	Origin, Destination       cfpackage.NodeURI
	Grouping                  *cfpackage.LinkURI
}

// factsOf returns the facts of p, its identifiers mapped by ident. An
// item's parent is that of its isChildOf association of the lowest
// sequence number (the first, for equal numbers), as Import reads it;
// siblings are in the order of their sequence numbers, then of the
// items.
func factsOf(p *cfpackage.Package, ident func(string) string, kind map[string]string) caseFacts {
	f := caseFacts{Items: map[string]itemFacts{}, Children: map[string][]string{}, Types: map[string]typeFacts{}, Links: map[string]string{}, Assocs: map[string]assocFacts{}}
	// An object without a time gets the document's, or else 1970's.
	when := func(t string) string {
		for _, s := range []string{t, p.Document.LastChangeDateTime} {
			if s != "" {
				return s
			}
		}
		return "1970-01-01T00:00:00Z"
	}
	f.Changed = when("")
	type place struct {
		parent, link string
		seq, at      int
	}
	places := map[string]place{}
	for _, a := range p.Associations {
		if a.AssociationType != cfpackage.IsChildOf {
			continue
		}
		child, parent := ident(a.OriginNodeURI.Identifier), ident(a.DestinationNodeURI.Identifier)
		if a.DestinationNodeURI.Identifier == p.Document.Identifier {
			parent = ""
		}
		seq := math.MaxInt
		if a.SequenceNumber != nil {
			seq = *a.SequenceNumber
		}
		if old, ok := places[child]; !ok || seq < old.seq {
			places[child] = place{parent, ident(a.Identifier) + " " + a.URI + " " + when(a.LastChangeDateTime), seq, 0}
		}
	}
	used := map[string]bool{}
	var kids []string
	for k, it := range p.Items {
		id := ident(it.Identifier)
		pl := places[id]
		f.Items[id] = itemFacts{it.URI, it.FullStatement, it.AbbreviatedStatement, it.HumanCodingScheme, it.CFItemType, pl.parent, when(it.LastChangeDateTime)}
		if pl.link != "" {
			f.Links[id+">"+pl.parent] = pl.link
		}
		pl.at = k
		places[id] = pl
		used[it.CFItemType] = true
		kids = append(kids, id)
	}
	slices.SortStableFunc(kids, func(a, b string) int {
		return places[a].seq - places[b].seq
	})
	for _, k := range kids {
		key := places[k].parent + " " + kind[k]
		f.Children[key] = append(f.Children[key], k)
	}
	if p.Definitions != nil {
		for _, t := range p.Definitions.CFItemTypes {
			if used[t.Title] {
				f.Types[t.Title] = typeFacts{ident(t.Identifier), t.URI, t.Description, t.HierarchyCode, when(t.LastChangeDateTime)}
			}
		}
	}
	// The other associations; an end that is an item (by identifier, or
	// else by URI) or the document names its identifier as imported.
	byURI := map[string]string{p.Document.URI: p.Document.Identifier}
	for _, it := range p.Items {
		if _, ok := byURI[it.URI]; !ok && it.URI != "" {
			byURI[it.URI] = it.Identifier
		}
	}
	rubrics := map[string]bool{}
	for _, r := range p.Rubrics {
		rubrics[r.Identifier], rubrics[r.URI] = true, true
	}
	end := func(n cfpackage.NodeURI) cfpackage.NodeURI {
		if _, ok := f.Items[ident(n.Identifier)]; ok || n.Identifier == p.Document.Identifier {
			n.Identifier = ident(n.Identifier)
		} else if id, ok := byURI[n.URI]; ok && n.URI != "" {
			n.Identifier = ident(id)
		}
		return n
	}
	for _, a := range p.Associations {
		o, d := end(a.OriginNodeURI), end(a.DestinationNodeURI)
		switch {
		case a.AssociationType == cfpackage.IsChildOf:
			continue
		case a.AssociationType == cfpackage.IsRelatedTo && (rubrics[a.DestinationNodeURI.Identifier] || rubrics[a.DestinationNodeURI.URI]):
			continue
		case a.AssociationType == cfpackage.IsPartOf && kind[o.Identifier] == "role" && kind[d.Identifier] == "job":
			continue
		}
		af := assocFacts{Type: a.AssociationType, URI: a.URI, Notes: a.Notes, Changed: when(a.LastChangeDateTime),
			Origin: o, Destination: d, Grouping: a.CFAssociationGroupingURI}
		if a.SequenceNumber != nil {
			af.Sequence = *a.SequenceNumber
		}
		f.Assocs[ident(a.Identifier)] = af
	}
	return f
}

// kindsOf returns the kind of element (or "other") that each item of the
// package f was imported from became, by identifier.
func kindsOf(f *wlp.Framework) map[string]string {
	s := f.Spec()
	c := s.CASE
	if c == nil {
		c = &wlp.CASESource{}
	}
	doc := cfpackage.DocumentIdentifier(f)
	if c.Document.Identifier != "" {
		doc = c.Document.Identifier
	}
	ns := uuid.MustParse(doc)
	out := map[string]string{}
	add := func(kept wlp.CASEItem, ok bool, name, kind string) wlp.CASEItem {
		if !ok {
			kept = wlp.CASEItem{Identifier: uuid.NewSHA1(ns, []byte(name)).String()}
		}
		out[kept.Identifier] = kind
		return kept
	}
	for _, cl := range f.Clusters() {
		k, ok := c.Clusters[cl.ID]
		add(k, ok, "cluster:"+string(cl.ID), "cluster")
	}
	element := func(id competency.ID, kind string, behaviors int, tech bool) {
		k, ok := c.Items[id]
		it := add(k, ok, "item:"+string(id), kind)
		for b := range behaviors {
			var kb wlp.CASEItem
			if b < len(it.Behaviors) {
				kb = it.Behaviors[b]
			}
			add(kb, b < len(it.Behaviors), "behavior:"+string(id)+":"+strconv.Itoa(b+1), "behaviour")
		}
		if tech {
			var kt wlp.CASEItem
			if it.Technologies != nil {
				kt = *it.Technologies
			}
			add(kt, it.Technologies != nil, "technologies:"+string(id), "technologies")
		}
	}
	for _, x := range s.Competencies {
		element(x.ID, "competency", len(x.Behaviors), false)
	}
	for _, x := range s.Areas {
		element(x.ID, "area", len(x.Behaviors), x.Technologies != "")
	}
	for _, r := range s.Roles {
		k, ok := c.Targets[r.ID]
		add(k, ok, "role:"+string(r.ID), "role")
	}
	for _, j := range s.Jobs {
		k, ok := c.Targets[j.ID]
		add(k, ok, "job:"+string(j.ID), "job")
	}
	for _, o := range c.Others {
		out[o.Identifier] = "other"
	}
	return out
}

// TestImportKeepsIdentity imports each foreign fixture and exports the
// framework, with and without extensions: every item keeps its
// identifier (as a lower-case UUID), URI, statements, human coding scheme
// or its absence, type or its absence, parent and place among its
// siblings of its kind (an export writes the kinds one after the other,
// and cannot tell how the siblings of two kinds were interleaved);
// every item type items use its identity, description and
// hierarchy code; every isChildOf association its identity; the document
// its identifier and URI; every other association but those an export
// derives, whole (an end that is an item naming its identifier as
// imported); and every one of these objects its lastChangeDateTime (the
// document's, for one without). What the model cannot hold is left out of the
// comparison, each kind for a reason the import warns of: a second
// parent, an item in no tree (an export puts it under the document), and
// the items an export adds for the roles made from rubrics no item is
// related to.
func TestImportKeepsIdentity(t *testing.T) {
	for _, fx := range importFixtures {
		t.Run(fx.name, func(t *testing.T) {
			p := decodeFixture(t, fx.name)
			f, _, err := cfpackage.Import(p, fx.opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, strict := range []bool{false, true} {
				q, err := cfpackage.Export(f, &cfpackage.ExportOptions{Strict: strict})
				if err != nil {
					t.Fatal(err)
				}
				if q.Document.Identifier != importIdent(p.Document.Identifier) || q.Document.URI != p.Document.URI {
					t.Errorf("strict %v: the document is %s %s, want %s %s", strict, q.Document.Identifier, q.Document.URI, importIdent(p.Document.Identifier), p.Document.URI)
				}
				kinds := kindsOf(f)
				want, got := factsOf(p, importIdent, kinds), factsOf(q, func(s string) string { return s }, kinds)
				// The items an export adds: one for each role made from a
				// rubric, with its isChildOf association.
				var fromRubrics, added []string
				for _, r := range f.Roles() {
					if _, ok := f.Spec().CASE.Targets[r.ID]; !ok {
						fromRubrics = append(fromRubrics, r.Name)
					}
				}
				for id, it := range got.Items {
					if _, ok := want.Items[id]; !ok {
						added = append(added, it.Full)
						delete(got.Items, id)
						delete(got.Links, id+">")
						got.Children[" role"] = slices.DeleteFunc(got.Children[" role"], func(s string) bool { return s == id })
					}
				}
				slices.Sort(fromRubrics)
				slices.Sort(added)
				if d := cmp.Diff(fromRubrics, added); d != "" {
					t.Errorf("strict %v: items added (-roles from rubrics +added):\n%s", strict, d)
				}
				// An item in no tree is put under the document.
				for id, it := range want.Items {
					if _, placed := want.Links[id+">"+it.Parent]; !placed {
						delete(got.Links, id+">")
						drop := func(s string) bool { return s == id }
						want.Children[" "+kinds[id]] = slices.DeleteFunc(want.Children[" "+kinds[id]], drop)
						got.Children[" "+kinds[id]] = slices.DeleteFunc(got.Children[" "+kinds[id]], drop)
					}
				}
				empty := func(_ string, c []string) bool { return len(c) == 0 }
				maps.DeleteFunc(want.Children, empty)
				maps.DeleteFunc(got.Children, empty)
				// The item types of the package, not those an export adds.
				maps.DeleteFunc(got.Types, func(title string, _ typeFacts) bool { _, ok := want.Types[title]; return !ok })
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("strict %v: (-imported +exported):\n%s", strict, d)
				}
			}
		})
	}
}

// TestImportWarningPlaces checks that every warning of every fixture
// names a place of the package.
func TestImportWarningPlaces(t *testing.T) {
	for _, fx := range importFixtures {
		p := decodeFixture(t, fx.name)
		_, warns, err := cfpackage.Import(p, fx.opt)
		if err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var tree any
		if err := json.Unmarshal(data, &tree); err != nil {
			t.Fatal(err)
		}
		for _, w := range warns {
			if !pointsInto(tree, w.Path) {
				t.Errorf("%s: %s names no place of the package (%s)", fx.name, w.Path, w.Message)
			}
		}
	}
}

// pointsInto reports whether the JSON pointer ptr names a value of v.
func pointsInto(v any, ptr string) bool {
	if ptr == "" {
		return true
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return false
			}
			v = x[i]
		default:
			return false
		}
	}
	return true
}

// pkgItem is one item of a package a test builds.
type pkgItem struct {
	key, code, abbr, full, typ, parent string // parent: a key, "" for the document, "-" for none
}

// testPackage builds a package of items, their isChildOf associations in
// order and the rubrics given, with identifiers derived from the keys.
func testPackage(items []pkgItem, rubrics ...cfpackage.Rubric) *cfpackage.Package {
	id := func(key string) string { return uuid.NewSHA1(uuid.NameSpaceOID, []byte(key)).String() }
	p := &cfpackage.Package{Document: cfpackage.Document{
		Identifier: id("doc"), URI: "https://example.org/" + id("doc"), Creator: "Test", Title: "Test framework", LastChangeDateTime: "2025-01-01T00:00:00Z",
	}}
	seq := map[string]int{}
	for _, it := range items {
		p.Items = append(p.Items, cfpackage.Item{
			Identifier: id(it.key), URI: "https://example.org/" + id(it.key), FullStatement: it.full, AbbreviatedStatement: it.abbr,
			HumanCodingScheme: it.code, CFItemType: it.typ, LastChangeDateTime: "2025-01-01T00:00:00Z",
		})
		if it.parent == "-" {
			continue
		}
		dest := cfpackage.NodeURI{Title: "doc", Identifier: id("doc"), URI: "https://example.org/" + id("doc")}
		if it.parent != "" {
			dest = cfpackage.NodeURI{Title: it.parent, Identifier: id(it.parent), URI: "https://example.org/" + id(it.parent)}
		}
		seq[it.parent]++
		n := seq[it.parent]
		p.Associations = append(p.Associations, cfpackage.Association{
			Identifier: id("a-" + it.key), AssociationType: cfpackage.IsChildOf, SequenceNumber: &n, URI: "https://example.org/" + id("a-"+it.key),
			OriginNodeURI: cfpackage.NodeURI{Title: it.key, Identifier: id(it.key), URI: "https://example.org/" + id(it.key)}, DestinationNodeURI: dest,
			LastChangeDateTime: "2025-01-01T00:00:00Z",
		})
	}
	p.Rubrics = rubrics
	return p
}

// testID is the identifier testPackage gives key.
func testID(key string) string { return uuid.NewSHA1(uuid.NameSpaceOID, []byte(key)).String() }

// problems returns the problems of err, which must be a *problem.Error of
// package "cfpackage".
func problems(t *testing.T, err error) []problem.Problem {
	t.Helper()
	var pe *problem.Error
	if !errors.As(err, &pe) || pe.Package != "cfpackage" {
		t.Fatalf("error %v (%T), want a *problem.Error of package cfpackage", err, err)
	}
	return pe.Problems
}

func TestImportErrors(t *testing.T) {
	cluster := pkgItem{key: "c", full: "Cluster", parent: ""}
	leaf := func(key, parent string) pkgItem { return pkgItem{key: key, full: "Leaf " + key, parent: parent} }
	for _, tc := range []struct {
		name string
		p    *cfpackage.Package
		want []problem.Problem
	}{
		{"nil", nil, []problem.Problem{{Path: "/CFItems", Message: "the package has no items"}}},
		{"no items", testPackage(nil), []problem.Problem{{Path: "/CFItems", Message: "the package has no items"}}},
		{"two identifiers", func() *cfpackage.Package {
			p := testPackage([]pkgItem{cluster, leaf("x", "c")})
			p.Items = append(p.Items, p.Items[1])
			return p
		}(), []problem.Problem{{Path: "/CFItems/2/identifier", Message: fmt.Sprintf(`identifier %q is already used by /CFItems/1, the item "Leaf x" (identifier %[1]q)`, testID("x"))}}},
		{"the document's identifier", func() *cfpackage.Package {
			p := testPackage([]pkgItem{cluster})
			p.Items[0].Identifier = p.Document.Identifier
			return p
		}(), []problem.Problem{
			{Path: "/CFItems/0/identifier", Message: fmt.Sprintf("identifier %q is the document's", testID("doc"))},
			{Path: "/CFAssociations/0/originNodeURI", Message: fmt.Sprintf("the origin %q is not an item of the package", testID("c"))},
		}},
		{"no statement", testPackage([]pkgItem{{key: "c", parent: ""}}),
			[]problem.Problem{{Path: "/CFItems/0", Message: "the item has no statement (nor abbreviated statement, nor human coding scheme)"}}},
		{"ends outside", func() *cfpackage.Package {
			p := testPackage([]pkgItem{cluster, leaf("x", "c")})
			p.Associations[1].OriginNodeURI = cfpackage.NodeURI{Title: "?", Identifier: "elsewhere", URI: "https://example.org/elsewhere"}
			p.Associations[0].DestinationNodeURI = cfpackage.NodeURI{Title: "?", Identifier: "nowhere", URI: "https://example.org/nowhere"}
			return p
		}(), []problem.Problem{
			{Path: "/CFAssociations/0/destinationNodeURI", Message: `the destination "nowhere" is neither an item of the package nor its document`},
			{Path: "/CFAssociations/1/originNodeURI", Message: `the origin "elsewhere" is not an item of the package`},
		}},
		{"document as child", func() *cfpackage.Package {
			p := testPackage([]pkgItem{cluster, leaf("x", "c")})
			p.Associations[1].OriginNodeURI = p.Associations[0].DestinationNodeURI
			return p
		}(), []problem.Problem{{Path: "/CFAssociations/1/originNodeURI", Message: "the origin is the document, which is no item's child"}}},
		{"own child", testPackage([]pkgItem{{key: "c", full: "C", parent: "c"}}),
			[]problem.Problem{{Path: "/CFAssociations/0", Message: fmt.Sprintf(`the item "C" (identifier %q) is its own child`, testID("c"))}}},
		{"cycle", testPackage([]pkgItem{leaf("a", "c"), leaf("b", "a"), {key: "c", full: "C", parent: "b"}, leaf("d", "")}),
			[]problem.Problem{{Path: "/CFAssociations/0", Message: fmt.Sprintf(`the isChildOf associations make a cycle through the item "Leaf a" (identifier %q)`, testID("a"))}}},
		{"invalid text", func() *cfpackage.Package {
			p := testPackage([]pkgItem{cluster, leaf("x", "c")})
			p.Items[1].AbbreviatedStatement = "bad \xff"
			return p
		}(), []problem.Problem{{Path: "/CFItems/1", Message: "the imported framework's /competencies/0/name: the name is not valid UTF-8"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, warns, err := cfpackage.Import(tc.p, nil)
			if f != nil || warns != nil {
				t.Errorf("Import returned a framework %v and warnings %v with its error", f, warns)
			}
			got := problems(t, err)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
		})
	}
}

// placed is where an import put each item: the IDs of the clusters,
// competencies (with their clusters), areas, roles and jobs, and the
// statements of the items kept in Spec.CASE.Others.
type placed struct {
	Clusters, Competencies, Areas, Roles, Jobs, Others []string
}

func placement(f *wlp.Framework) placed {
	var p placed
	s := f.Spec()
	for _, c := range s.Clusters {
		p.Clusters = append(p.Clusters, string(c.ID))
	}
	for _, c := range s.Competencies {
		p.Competencies = append(p.Competencies, string(c.ID)+" in "+string(c.Cluster))
	}
	for _, a := range s.Areas {
		p.Areas = append(p.Areas, string(a.ID))
	}
	for _, r := range s.Roles {
		p.Roles = append(p.Roles, string(r.ID))
	}
	for _, j := range s.Jobs {
		p.Jobs = append(p.Jobs, string(j.ID))
	}
	if s.CASE != nil {
		for _, o := range s.CASE.Others {
			p.Others = append(p.Others, o.Statement)
		}
	}
	return p
}

// criterion builds a criterion of a test rubric that points at the item
// key, with the levels 0 to 5 scored for the level need (none if 0).
func criterion(key, category string, weight float64, pos, need int) cfpackage.Criterion {
	id := testID("criterion " + key + category + strconv.Itoa(pos))
	c := cfpackage.Criterion{
		Identifier: id, URI: "https://example.org/" + id, Category: category, Weight: &weight, Position: &pos,
		CFItemURI:          &cfpackage.LinkURI{Title: key, Identifier: testID(key), URI: "https://example.org/" + testID(key)},
		LastChangeDateTime: "2025-01-01T00:00:00Z",
	}
	for l := range need + 1 {
		if need == 0 {
			break
		}
		score, p := float64(min(l, need))/float64(need), l
		c.CFRubricCriterionLevels = append(c.CFRubricCriterionLevels, cfpackage.CriterionLevel{
			Identifier: testID(id + strconv.Itoa(l)), URI: "urn:x", Score: &score, Position: &p, LastChangeDateTime: "2025-01-01T00:00:00Z",
		})
	}
	return c
}

// TestImportStructure imports a package of the shapes the model cannot
// hold as they are, with the export's item types, and checks where each
// item goes and every warning.
func TestImportStructure(t *testing.T) {
	C, K, A, R, J, B, T := cfpackage.TypeCluster, cfpackage.TypeCompetency, cfpackage.TypeArea, cfpackage.TypeRole, cfpackage.TypeJob, cfpackage.TypeBehavior, cfpackage.TypeTechnologies
	items := []pkgItem{
		{key: "cl", full: "Cluster", typ: C},                                // 0
		{key: "k1", full: "Kept", typ: K, parent: "cl"},                     // 1
		{key: "k2", full: "Loose competency", typ: K},                       // 2: a competency under the document
		{key: "k3", full: "Nested competency", typ: K, parent: "k1"},        // 3: under a competency
		{key: "ar", full: "Area", typ: A},                                   // 4
		{key: "u1", full: "Untyped under an area", parent: "ar"},            // 5
		{key: "b1", full: "A behaviour of a cluster", typ: B, parent: "cl"}, // 6
		{key: "t1", full: "Tools", typ: T, parent: "ar"},                    // 7
		{key: "t2", full: "More tools", typ: T, parent: "ar"},               // 8: a second note
		{key: "top", full: "Top", parent: "-"},                              // 9: children, no parent
		{key: "mid", full: "Mid", parent: "top"},                            // 10: an other
		{key: "low", full: "Low", parent: "mid"},                            // 11: a cluster
		{key: "leaf", full: "Leaf", parent: "low"},                          // 12: a competency
		{key: "x", full: "Under a cluster", parent: "cl"},                   // 13: a competency
		{key: "y", full: "Between", parent: "cl"},                           // 14: an other under a cluster
		{key: "z", full: "Deep", parent: "y"},                               // 15: a cluster
		{key: "zz", full: "Deeper", parent: "z"},                            // 16: a competency
		{key: "r1", code: "ROLE-1", full: "Has a rubric", typ: R},           // 17
		{key: "r2", full: "Has none", typ: R},                               // 18
		{key: "j1", full: "Empty job", typ: J},                              // 19
		{key: "j2", full: "Blends", typ: J},                                 // 20
		{key: "nc", code: "NO.STATEMENT", typ: K, parent: "cl"},             // 21
	}
	rubric := func(key, title string, cs ...cfpackage.Criterion) cfpackage.Rubric {
		id := testID("rubric " + key)
		return cfpackage.Rubric{Identifier: id, URI: "https://example.org/" + id, Title: title, LastChangeDateTime: "2025-01-01T00:00:00Z", CFRubricCriteria: cs}
	}
	p := testPackage(items,
		rubric("r1", "Has a rubric: requirements",
			criterion("k1", "", 2, 1, 3),
			criterion("r1", "role", 1, 2, 0), // a role in a role's rubric
			criterion("x", "requirement 3: 1 of 3 at level 2", 1, 3, 2),
			criterion("leaf", "requirement 3: 1 of 3 at level 2", 1, 4, 2), // 2 criteria, not 3
			criterion("x", "", 0, 5, 3),                                    // weight 0
			criterion("zz", "", 2e6, 6, 4),                                 // above the most
		),
		rubric("j2", "Blends: requirements",
			criterion("r1", "role", 2, 1, 0),
			criterion("r1", "role", 1, 2, 0), // the same role again
			criterion("r2", "role", 1, 3, 0), // a role kept in Others
		),
	)
	// Item 13 also has a second parent, with a lower sequence number.
	zero := 0
	second := p.Associations[len(p.Associations)-1]
	second.Identifier, second.SequenceNumber = testID("second parent"), &zero
	second.OriginNodeURI = cfpackage.NodeURI{Title: "x", Identifier: testID("x"), URI: "https://example.org/" + testID("x")}
	second.DestinationNodeURI = cfpackage.NodeURI{Title: "low", Identifier: testID("low"), URI: "https://example.org/" + testID("low")}
	p.Associations = append(p.Associations, second)

	f, warns, err := cfpackage.Import(p, &cfpackage.ImportOptions{ID: "structure"})
	if err != nil {
		t.Fatal(err)
	}
	if f.ID() != "structure" {
		t.Errorf("ID %q, want the option's", f.ID())
	}
	want := placed{
		Clusters: []string{"cluster", "low", "deep"},
		// x (13) comes before leaf (12): its parent low is its second,
		// with a lower sequence number than leaf's.
		Competencies: []string{"kept in cluster", "under-a-cluster in low", "leaf in low", "deeper in deep", "no-statement in cluster"},
		Areas:        []string{"loose-competency", "nested-competency", "area", "untyped-under-an-area", "a-behaviour-of-a-cluster", "more-tools"},
		Roles:        []string{"role-1"},
		Jobs:         []string{"blends"},
		// In tree order, the document's children first, then the items
		// in no tree, then what is under them and under the clusters.
		Others: []string{"Has none", "Empty job", "Top", "Mid", "Between"},
	}
	if d := cmp.Diff(want, placement(f)); d != "" {
		t.Errorf("placement (-want +got):\n%s", d)
	}
	r, _ := f.Role("role-1")
	wantReqs := []role.Requirement{
		{Of: []competency.ID{"kept"}, Level: 3, Weight: 2},
		{Of: []competency.ID{"under-a-cluster", "leaf"}, AtLeast: 1, Level: 2, Weight: 1},
		{Of: []competency.ID{"deeper"}, Level: 4, Weight: 1e6},
	}
	if d := cmp.Diff(wantReqs, r.Requirements); d != "" {
		t.Errorf("requirements (-want +got):\n%s", d)
	}
	j, _ := f.Job("blends")
	if d := cmp.Diff([]role.Share{{Role: "role-1", Weight: 2}}, j.Roles); d != "" {
		t.Errorf("shares (-want +got):\n%s", d)
	}
	// An export may write the other item 14 before the cluster it is the
	// child of, and so under the document; the import says so exactly
	// when it does.
	q, err := cfpackage.Export(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	moved := true
	for _, a := range q.Associations {
		if a.AssociationType == cfpackage.IsChildOf && a.OriginNodeURI.Identifier == testID("y") {
			moved = a.DestinationNodeURI.Identifier != testID("cl")
		}
	}
	var got []string
	for _, w := range warns {
		if s := w.String(); s == "/CFItems/14: an export cannot write the item under its parent, /CFItems/0, which it writes later: it puts it under the document" {
			if !moved {
				t.Errorf("warning %q, but the export puts the item under its parent", s)
			}
			moved = false
			continue
		}
		got = append(got, w.String())
	}
	if moved {
		t.Error("no warning that an export puts /CFItems/14 under the document")
	}
	id := func(key string) string { return testID(key) }
	wantWarns := []string{
		`/CFAssociations/12/originNodeURI: the item "Under a cluster" (identifier "` + id("x") + `") has another parent, at /CFAssociations/21, with a lower sequence number (or the same, earlier): this association is not kept`,
		"/CFItems/2: a competency directly under the document has no cluster: imported as an area of expertise, whose parent the framework's case member keeps",
		"/CFItems/3: 2 competencies, the first here, have a parent that cannot be a cluster: each is imported as an area of expertise, whose parent the framework's case member keeps",
		"/CFItems/5: 9 items have no type: placed by the shape of the tree",
		"/CFItems/6: a key behaviour that is not the child of a competency or an area: imported as an area of expertise, whose parent the framework's case member keeps",
		"/CFItems/8: a second technologies note of one area: imported as an area of expertise, whose parent the framework's case member keeps",
		"/CFItems/9: 3 items, the first here, are above the clusters, where the model has no place: each is kept whole in the framework's case member, which an export puts back",
		"/CFItems/9: the item is no item's child: read as a child of the document",
		"/CFItems/18: the role has no requirement the model can read (it needs a rubric of criteria that point at competencies or areas): kept whole in the framework's case member",
		"/CFItems/19: the job has neither shares nor requirements the model can read (they come from a rubric of criteria that point at roles, competencies or areas): kept whole in the framework's case member",
		"/CFItems/21: the item has no statement: named after its human coding scheme",
		"/CFRubrics/0: 2 rubrics have a description other than an export's; not kept",
		"/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0: 15 rubric criterion levels have a description or quality other than the scale's; not kept",
		"/CFRubrics/0/CFRubricCriteria/1/CFItemURI: the criterion points at a role, which only a job's rubric can blend; not kept",
		"/CFRubrics/0/CFRubricCriteria/2/category: the category counts 3 criteria, but 2 are read",
		"/CFRubrics/0/CFRubricCriteria/4/weight: the weight 0 is not a positive number; not kept",
		"/CFRubrics/0/CFRubricCriteria/5/weight: the weight 2e+06 is above the model's most, 1e+06: read as 1e+06",
		"/CFRubrics/0/identifier: 2 rubrics have an identity other than the one an export derives; not kept: an export derives its rubrics' identities, and their criteria's and levels', from the role's or job's",
		"/CFRubrics/1/CFRubricCriteria/1/CFItemURI: the role is already blended by an earlier criterion; not kept",
		"/CFRubrics/1/CFRubricCriteria/2/CFItemURI: the criterion points at an item the model has no place for (kept in the framework's case member); not kept",
	}
	if d := cmp.Diff(wantWarns, got); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
	}
}

func TestSlug(t *testing.T) {
	long := strings.Repeat("word ", 20)
	for _, tc := range []struct{ in, want string }{
		{"building-trust", "building-trust"},
		{"ELA.1.2", "ela-1-2"},
		{"  Écrire un courriel clair !  ", "ecrire-un-courriel-clair"},
		{"Don't panic: l'œuvre d'Ærø", "dont-panic-loeuvre-daero"},
		{"Straße & Þing", "strasse-thing"},
		{"日本語", ""},
		{"C++ / C#", "c-c"},
		// Compatibility characters stand for the letters they decompose to.
		{"ﬁne ﬂow", "fine-flow"},
		{"ＡＢＣ１２３", "abc123"},
		{"Level ² Ⅻ", "level-2-xii"},
		// Format characters and combining marks join the letters round them.
		{"a\u200bb", "ab"},
		{"soft\u00adhyphen", "softhyphen"},
		{"word\u2060joiner\ufeff", "wordjoiner"},
		{"e\u0301cole cafe\u0301", "ecole-cafe"},
		{"\u0301\u200b", ""},
		{"", ""},
		{"---", ""},
		{long, strings.TrimSuffix(strings.Repeat("word-", 13), "-")},
		{"x" + long, "xword-" + strings.TrimSuffix(strings.Repeat("word-", 11), "-")},
		{strings.Repeat("x", 70), strings.Repeat("x", 64)},
		{strings.Repeat("a", 64) + " b", strings.Repeat("a", 64)},
	} {
		got := cfpackage.Slug(tc.in)
		if got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got != "" && !competency.ValidID(got) {
			t.Errorf("Slug(%q) = %q, not a valid ID", tc.in, got)
		}
	}
}

// TestImportSlugCollisions imports many items of one statement, and of
// statements whose slugs are long: each gets an ID of its own, no longer
// than the most, in package order.
func TestImportSlugCollisions(t *testing.T) {
	items := []pkgItem{{key: "c", full: "Cluster"}}
	long := strings.Repeat("abcdefghi ", 7) // a slug of 69 bytes, cut to 59
	for i := range 12 {
		items = append(items, pkgItem{key: "s" + strconv.Itoa(i), full: "Same", parent: "c"})
		items = append(items, pkgItem{key: "l" + strconv.Itoa(i), full: long, parent: "c"})
	}
	f, _, err := cfpackage.Import(testPackage(items), nil)
	if err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSuffix(strings.Repeat("abcdefghi-", 6), "-")
	var want []competency.ID
	for i := range 12 {
		s, l := "same", base
		if i > 0 {
			s = "same-" + strconv.Itoa(i+1)
			l = base + "-" + strconv.Itoa(i+1)
		}
		want = append(want, competency.ID(s), competency.ID(l))
	}
	if d := cmp.Diff(want, f.IDs()); d != "" {
		t.Errorf("IDs (-want +got):\n%s", d)
	}
}

// importPackage decodes the export of growthFramework(n).
func importPackage(tb testing.TB, n int) *cfpackage.Package {
	p, _, err := cfpackage.Decode(growthPackage(tb, n))
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// BenchmarkGrowthImport imports the packages of frameworks of N, 2N and
// 4N competencies.
func BenchmarkGrowthImport(b *testing.B) {
	growthBench(b, importPackage, func(b *testing.B, p *cfpackage.Package) {
		if _, _, err := cfpackage.Import(p, nil); err != nil {
			b.Fatal(err)
		}
	})
}

// TestGrowthImportAllocations checks that what Import allocates grows
// about linearly: at 4N at most 5 times what it allocates at N, for the
// package with its extensions and for the strict one.
func TestGrowthImportAllocations(t *testing.T) {
	for _, strict := range []bool{false, true} {
		pkg := func(n int) *cfpackage.Package {
			p, err := cfpackage.Export(growthFramework(t, n), &cfpackage.ExportOptions{Strict: strict})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		small, large := pkg(growthSizes[0]), pkg(growthSizes[2])
		run := func(p *cfpackage.Package) func() {
			return func() {
				if _, _, err := cfpackage.Import(p, nil); err != nil {
					t.Fatal(err)
				}
			}
		}
		a, b := alloctest.Bytes(run(small)), alloctest.Bytes(run(large))
		if ratio := float64(b) / float64(a); ratio > 5 {
			t.Errorf("strict %v: Import allocates %d bytes at n=%d and %d at n=%d: %.1f times, want at most 5", strict, a, growthSizes[0], b, growthSizes[2], ratio)
		}
	}
}

// TestImportWarningsCapped imports a package of more items of one
// statement than a list of warnings keeps (each slug collision is a
// warning of its own): the last warning counts the rest.
func TestImportWarningsCapped(t *testing.T) {
	items := []pkgItem{{key: "c", full: "Cluster"}}
	for i := range problem.MaxReported + 5 {
		items = append(items, pkgItem{key: strconv.Itoa(i), full: "Same", parent: "c"})
	}
	f, warns, err := cfpackage.Import(testPackage(items), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Competencies()) != len(items)-1 {
		t.Errorf("%d competencies, want %d", len(f.Competencies()), len(items)-1)
	}
	if len(warns) != problem.MaxReported+1 {
		t.Fatalf("%d warnings, want %d", len(warns), problem.MaxReported+1)
	}
	// A warning for each item but the first, and the tally of items
	// without a type.
	want := problem.Problem{Message: "and 5 more warnings, not listed"}
	if got := warns[len(warns)-1]; got != want {
		t.Errorf("last warning %v, want %v", got, want)
	}
}

// TestImportWarningsTallied imports packages of many items that each
// repeat a kind of warning: each kind is one warning, which counts them,
// at the first in pointer order, and says what was done.
func TestImportWarningsTallied(t *testing.T) {
	const n = 2000
	var loose, above, nested []pkgItem
	nested = append(nested, pkgItem{key: "c", full: "Cluster"}, pkgItem{key: "k", full: "Competency", typ: cfpackage.TypeCompetency, parent: "c"})
	for i := range n {
		k := strconv.Itoa(i)
		loose = append(loose, pkgItem{key: k, full: "Loose " + k, parent: "-"})
		above = append(above, pkgItem{key: "d" + k, full: "Domain " + k}, pkgItem{key: "s" + k, full: "Standard " + k, parent: "d" + k},
			pkgItem{key: "i" + k, full: "Indicator " + k, parent: "s" + k})
		nested = append(nested, pkgItem{key: k, full: "Nested " + k, typ: cfpackage.TypeCompetency, parent: "k"})
	}
	for _, tc := range []struct {
		name  string
		items []pkgItem
		want  []string
	}{
		{"in no tree", loose, []string{
			"/CFItems/0: 2000 items have no type: placed by the shape of the tree",
			"/CFItems/0: 2000 items, the first here, are in no isChildOf association: each is imported as an area of expertise, which an export puts under the document",
		}},
		{"above the clusters", above, []string{
			"/CFItems/0: 2000 items, the first here, are above the clusters, where the model has no place: each is kept whole in the framework's case member, which an export puts back",
			"/CFItems/0: 6000 items have no type: placed by the shape of the tree",
		}},
		{"nested competencies", nested, []string{
			"/CFItems/0: 1 item has no type: placed by the shape of the tree",
			"/CFItems/2: 2000 competencies, the first here, have a parent that cannot be a cluster: each is imported as an area of expertise, whose parent the framework's case member keeps",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, warns, err := cfpackage.Import(testPackage(tc.items), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range warns {
				got = append(got, w.String())
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("warnings (-want +got):\n%s", d)
			}
		})
	}
}

// FuzzImport decodes and imports any bytes: Import never panics, and
// fails only with a *problem.Error of package "cfpackage".
func FuzzImport(f *testing.F) {
	for _, fx := range importFixtures {
		data, err := os.ReadFile(filepath.Join("testdata", "import", fx.name+".json"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(growthPackage(f, 8))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _, err := cfpackage.Decode(data)
		if err != nil {
			return
		}
		for _, opt := range []*cfpackage.ImportOptions{nil, {IgnoreExtensions: true}} {
			fw, _, err := cfpackage.Import(p, opt)
			if err != nil {
				problems(t, err)
				continue
			}
			if _, err := cfpackage.Export(fw, nil); err != nil {
				t.Errorf("Export of an imported framework: %v", err)
			}
		}
	})
}

// TestImportRandom imports packages of random trees, types, statements
// and rubrics: Import never panics, fails only with a *problem.Error of
// the package's own faults (cycles, items without statements), never with
// a framework wlp.New rejects, and what it imports exports, with every
// item of the package kept under the identifier it was given.
func TestImportRandom(t *testing.T) {
	types := []string{"", "Domain", cfpackage.TypeCluster, cfpackage.TypeCompetency, cfpackage.TypeArea, cfpackage.TypeRole,
		cfpackage.TypeJob, cfpackage.TypeBehavior, cfpackage.TypeTechnologies}
	words := []string{"Same", "same!", "Écrire", "日本", "", "x"}
	categories := []string{"", "role", "requirement 1: 1 of 2 at level 3", "requirement 2: 2 of 2 at level 9", "Other"}
	failed := 0
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 7))
		n := 1 + r.IntN(25)
		var items []pkgItem
		for i := range n {
			parent := "-"
			switch k := r.IntN(n + 2); {
			case k == n:
				parent = ""
			case k < i || (k < n && r.IntN(20) == 0): // now and then a later item, maybe a cycle
				parent = strconv.Itoa(k)
			}
			items = append(items, pkgItem{
				key: strconv.Itoa(i), code: words[r.IntN(len(words))], abbr: words[r.IntN(len(words))],
				full: words[r.IntN(len(words))] + " " + strconv.Itoa(r.IntN(3)), typ: types[r.IntN(len(types))], parent: parent,
			})
		}
		var rubrics []cfpackage.Rubric
		for k := range r.IntN(3) {
			rb := cfpackage.Rubric{Identifier: testID("rubric" + strconv.Itoa(k)), URI: "urn:x", Title: items[r.IntN(n)].full + ": requirements"}
			for c := range r.IntN(5) {
				cr := criterion(strconv.Itoa(r.IntN(n+1)), categories[r.IntN(len(categories))], float64(r.IntN(4)), r.IntN(4), r.IntN(7))
				if r.IntN(4) == 0 {
					cr.Position = nil
				}
				cr.Identifier = testID(fmt.Sprint("criterion", k, c))
				rb.CFRubricCriteria = append(rb.CFRubricCriteria, cr)
			}
			rubrics = append(rubrics, rb)
		}
		p := testPackage(items, rubrics...)
		f, _, err := cfpackage.Import(p, nil)
		if err != nil {
			for _, pr := range problems(t, err) {
				if strings.Contains(pr.Message, "imported framework") {
					t.Errorf("seed %d: the import built a framework wlp.New rejects: %v", seed, pr)
				}
			}
			failed++
			continue
		}
		q, err := cfpackage.Export(f, nil)
		if err != nil {
			t.Fatalf("seed %d: Export: %v", seed, err)
		}
		exported := map[string]bool{}
		for _, it := range q.Items {
			exported[it.Identifier] = true
		}
		for i, it := range p.Items {
			if !exported[it.Identifier] && it.CFItemType != cfpackage.TypeTechnologies {
				t.Errorf("seed %d: the export lost /CFItems/%d (%q, %q)", seed, i, it.CFItemType, it.FullStatement)
			}
		}
	}
	// Cycles and statements the model rejects fail some; most import.
	if failed > 200 {
		t.Errorf("%d of 300 packages failed to import", failed)
	}
}

// elementIDs maps the identifier of each item an element came from to
// the element's ID, from the identities f's Spec.CASE keeps.
func elementIDs(f *wlp.Framework) map[string]string {
	out := map[string]string{}
	c := f.Spec().CASE
	if c == nil {
		return out
	}
	for id, it := range c.Clusters {
		out[it.Identifier] = "cluster " + string(id)
	}
	for id, it := range c.Items {
		out[it.Identifier] = string(id)
	}
	for id, it := range c.Targets {
		out[it.Identifier] = "target " + string(id)
	}
	return out
}

// siblings returns, for each parent of p's tree, its children's
// identifiers in the order of their sequence numbers.
func siblings(p *cfpackage.Package) map[string][]string {
	type child struct {
		seq int
		id  string
	}
	by := map[string][]child{}
	for _, a := range p.Associations {
		if a.AssociationType == cfpackage.IsChildOf {
			by[a.DestinationNodeURI.Identifier] = append(by[a.DestinationNodeURI.Identifier], child{*a.SequenceNumber, a.OriginNodeURI.Identifier})
		}
	}
	out := map[string][]string{}
	for parent, cs := range by {
		slices.SortStableFunc(cs, func(a, b child) int { return a.seq - b.seq })
		for _, c := range cs {
			out[parent] = append(out[parent], c.id)
		}
	}
	return out
}

// TestImportSiblingOrder imports a package whose arrays are not in the
// order of the sequence numbers: the siblings of each kind come in the
// order of their sequence numbers, in the places the array gives their
// kind; a package of the same items in another order gives each item the
// same ID and each parent the same order of children; and an export
// numbers each parent's children in the package's order.
func TestImportSiblingOrder(t *testing.T) {
	items := []pkgItem{
		{key: "c1", full: "First cluster"},                     // 0
		{key: "k1", full: "Third of c1", parent: "c1"},         // 1
		{key: "c2", full: "Second cluster"},                    // 2
		{key: "k2", full: "First of c1", parent: "c1"},         // 3
		{key: "k3", full: "Only of c2", parent: "c2"},          // 4
		{key: "k4", full: "Second of c1", parent: "c1"},        // 5
		{key: "a1", full: "Second area"},                       // 6
		{key: "a2", full: "First area"},                        // 7
		{key: "s1", full: "Same", parent: "c1", code: "S"},     // 8
		{key: "s2", full: "Same", parent: "c2"},                // 9
		{key: "s3", full: "Same", parent: "c1", abbr: "Same!"}, // 10
	}
	seq := map[string]int{"c1": 2, "k1": 3, "c2": 1, "k2": 1, "k3": 2, "k4": 2, "a1": 4, "a2": 3, "s1": 5, "s2": 1, "s3": 4}
	build := func(order []int) *cfpackage.Package {
		var its []pkgItem
		for _, i := range order {
			its = append(its, items[i])
		}
		p := testPackage(its)
		for k := range p.Associations {
			a := &p.Associations[k]
			n := seq[a.OriginNodeURI.Title]
			a.SequenceNumber = &n
		}
		return p
	}
	inOrder := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	p := build(inOrder)
	f, _, err := cfpackage.Import(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// c1's competencies take the places 1, 3, 5, 8 and 10 of the array,
	// in the order of their sequence numbers: k2, k4, k1, s3, s1; c2's
	// the places 4 and 9: s2, k3. The clusters and the areas swap. The
	// slug "same" goes to s2, first in the tree (c2 comes first).
	want := placed{
		Clusters:     []string{"second-cluster", "first-cluster"},
		Competencies: []string{"first-of-c1 in first-cluster", "second-of-c1 in first-cluster", "same in second-cluster", "third-of-c1 in first-cluster", "same-2 in first-cluster", "only-of-c2 in second-cluster", "s in first-cluster"},
		Areas:        []string{"first-area", "second-area"},
	}
	got := placement(f)
	got.Others = nil
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("placement (-want +got):\n%s", d)
	}
	ids := elementIDs(f)
	q, err := cfpackage.Export(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(siblings(p), siblings(q)); d != "" {
		t.Errorf("children in order (-package +export):\n%s", d)
	}
	for _, order := range [][]int{{10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, {4, 0, 9, 2, 7, 5, 10, 1, 6, 3, 8}} {
		p := build(order)
		g, _, err := cfpackage.Import(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(ids, elementIDs(g)); d != "" {
			t.Errorf("order %v: IDs (-in order +reordered):\n%s", order, d)
		}
		q, err := cfpackage.Export(g, nil)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(siblings(p), siblings(q)); d != "" {
			t.Errorf("order %v: children in order (-package +export):\n%s", order, d)
		}
	}
	// Swapping siblings of one kind in the array changes nothing.
	swapped, _, err := cfpackage.Import(build([]int{0, 5, 2, 10, 4, 1, 7, 6, 3, 9, 8}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(f.Spec(), swapped.Spec()); d != "" {
		t.Errorf("siblings swapped (-in order +swapped):\n%s", d)
	}
}

// TestImportCollisionsIgnoreArrayOrder imports the review's package of
// repeated statements and the same package with its arrays reversed:
// each item gets the same ID, with a warning for each collision.
func TestImportCollisionsIgnoreArrayOrder(t *testing.T) {
	var maps []map[string]string
	for _, name := range []string{"review-repeated", "review-repeated-reordered"} {
		f, warns, err := cfpackage.Import(decodeFixture(t, name), nil)
		if err != nil {
			t.Fatal(err)
		}
		maps = append(maps, elementIDs(f))
		n := 0
		for _, w := range warns {
			if strings.Contains(w.Message, "earlier in the tree, took: given the ID") {
				n++
			}
		}
		if n != 7 {
			t.Errorf("%s: %d warnings of collisions, want 7", name, n)
		}
	}
	if len(maps[0]) != 12 {
		t.Errorf("%d items with IDs, want 12", len(maps[0]))
	}
	if d := cmp.Diff(maps[0], maps[1]); d != "" {
		t.Errorf("IDs (-package +reordered):\n%s", d)
	}
}

// TestImportUnusedTypes checks that a type title the options give that no
// item has is a warning, at the package.
func TestImportUnusedTypes(t *testing.T) {
	p := testPackage([]pkgItem{
		{key: "c", full: "Cluster", typ: "Group"},
		{key: "k", full: "Competency", typ: "Standard", parent: "c"},
	})
	_, warns, err := cfpackage.Import(p, &cfpackage.ImportOptions{
		ClusterTypes:    []string{"group"},
		CompetencyTypes: []string{"Standrd", "standard", ""},
		RoleTypes:       []string{"Occupation"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warns {
		if w.Path == "" {
			got = append(got, w.Message)
		}
	}
	want := []string{
		`no item has the type "", given for competencies`,
		`no item has the type "Occupation", given for roles`,
		`no item has the type "Standrd", given for competencies`,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("warnings at the package (-want +got):\n%s", d)
	}
}

// TestImportKeptIdentities checks what Spec.CASE keeps of a package's
// item types and isChildOf associations, and what it cannot: an item
// type without a title or with an earlier one's, an identifier that is
// not a UUID, one an item already has.
func TestImportKeptIdentities(t *testing.T) {
	p := testPackage([]pkgItem{
		{key: "c", full: "Cluster", typ: "Group"},
		{key: "k", full: "Competency", typ: "Skill", parent: "c", code: "K.1"},
		{key: "l", full: "Other competency", parent: "c"},
	})
	p.Definitions = &cfpackage.Definitions{CFItemTypes: []cfpackage.ItemType{
		{Identifier: testID("group"), URI: "https://example.org/types/group", Title: "Group", Description: "A group.", HierarchyCode: "G", TypeCode: "grp"},
		{Identifier: "skill-type", URI: "https://example.org/types/skill", Title: "Skill", Description: "A skill.", HierarchyCode: "S"},
		{Identifier: testID("again"), URI: "https://example.org/types/again", Title: "Skill", Description: "Again.", HierarchyCode: "S2"},
		{Identifier: testID("untitled"), URI: "https://example.org/types/untitled", Description: "No title.", HierarchyCode: "U"},
		{Identifier: testID("k"), URI: "https://example.org/types/k", Title: "Unused", Description: "Has an item's identifier.", HierarchyCode: "X"},
	}}
	p.Associations[1].Identifier = "link-of-k"
	p.Associations[2].Identifier = testID("c") // the cluster's identifier
	f, warns, err := cfpackage.Import(p, &cfpackage.ImportOptions{ClusterTypes: []string{"group"}, CompetencyTypes: []string{"skill"}})
	if err != nil {
		t.Fatal(err)
	}
	c := f.Spec().CASE
	wantTypes := []wlp.CASEType{
		{Title: "Group", Identifier: testID("group"), URI: "https://example.org/types/group", Description: "A group.", HierarchyCode: "G", TypeCode: "grp"},
		{Title: "Skill", Identifier: importIdent("skill-type"), URI: "https://example.org/types/skill", Description: "A skill.", HierarchyCode: "S"},
	}
	if d := cmp.Diff(wantTypes, c.Types); d != "" {
		t.Errorf("Types (-want +got):\n%s", d)
	}
	links := map[string]*wlp.CASELink{"cluster": c.Clusters["cluster"].Link, "k-1": c.Items["k-1"].Link, "other-competency": c.Items["other-competency"].Link}
	wantLinks := map[string]*wlp.CASELink{
		"cluster":          {Identifier: testID("a-c"), URI: "https://example.org/" + testID("a-c"), Sequence: 1},
		"k-1":              {Identifier: importIdent("link-of-k"), URI: "https://example.org/" + testID("a-k"), Sequence: 1},
		"other-competency": nil,
	}
	if d := cmp.Diff(wantLinks, links); d != "" {
		t.Errorf("links (-want +got):\n%s", d)
	}
	uncoded := []bool{c.Clusters["cluster"].Uncoded, c.Items["k-1"].Uncoded, c.Items["other-competency"].Uncoded}
	untyped := []bool{c.Clusters["cluster"].Untyped, c.Items["k-1"].Untyped, c.Items["other-competency"].Untyped}
	if d := cmp.Diff([]bool{true, false, true}, uncoded); d != "" {
		t.Errorf("Uncoded (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]bool{false, false, true}, untyped); d != "" {
		t.Errorf("Untyped (-want +got):\n%s", d)
	}
	var got []string
	for _, w := range warns {
		got = append(got, w.String())
	}
	want := []string{
		"/CFAssociations/1/identifier: 1 association has an identifier that is not a lower-case UUID: each is replaced with a version 5 UUID derived from it",
		"/CFAssociations/2/identifier: 2 objects have an identifier that another object of the package has; its identity is not kept",
		"/CFDefinitions/CFItemTypes/1/identifier: 1 item type has an identifier that is not a lower-case UUID: each is replaced with a version 5 UUID derived from it",
		"/CFDefinitions/CFItemTypes/2/title: 1 item type has the title of an earlier item type; not kept",
		"/CFDefinitions/CFItemTypes/3: 1 item type has no title; not kept",
		"/CFItems/2: 1 item has no type: placed by the shape of the tree",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
	}
	// The export writes them back.
	q, err := cfpackage.Export(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, ty := range q.Definitions.CFItemTypes {
		types = append(types, ty.Title+" "+ty.Identifier+" "+ty.HierarchyCode)
	}
	if d := cmp.Diff([]string{"Group " + testID("group") + " G", "Skill " + importIdent("skill-type") + " S"}, types); d != "" {
		t.Errorf("exported item types (-want +got):\n%s", d)
	}
}

// TestImportFixturesExportValid exports each imported fixture, with and
// without extensions and a time of change, and validates the package by
// the CASE 1.1 rules: what the framework kept (associations to other
// frameworks, times of change) is valid CASE as it is written back.
func TestImportFixturesExportValid(t *testing.T) {
	_, rules := transcription(t)
	for _, fx := range importFixtures {
		t.Run(fx.name, func(t *testing.T) {
			f, _, err := cfpackage.Import(decodeFixture(t, fx.name), fx.opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, opt := range []cfpackage.ExportOptions{{}, {Strict: true}, {Changed: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)}} {
				p, err := cfpackage.Export(f, &opt)
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := cfpackage.Encode(&b, p); err != nil {
					t.Fatal(err)
				}
				if err := validateWith(rules, b.Bytes()); err != nil {
					t.Errorf("strict %v, changed %v: invalid by the CASE 1.1 rules:\n%v", opt.Strict, !opt.Changed.IsZero(), err)
				}
				if _, warns, err := cfpackage.Decode(b.Bytes()); err != nil || len(warns) > 0 {
					t.Errorf("strict %v, changed %v: Decode: %v, warnings %v", opt.Strict, !opt.Changed.IsZero(), err, warns)
				}
			}
		})
	}
}

// TestImportAssociationsNotKept checks the associations the framework
// cannot keep whole, each with a warning at its place, and that the
// others are kept.
func TestImportAssociationsNotKept(t *testing.T) {
	p := decodeFixture(t, "review-associations")
	n := len(p.Associations)
	as := p.Associations[n-6:] // the six kept whole, in order
	as[0].CFAssociationGroupingURI = &cfpackage.LinkURI{Title: "no identifier"}
	as[1].OriginNodeURI.URI = ""                                                   // outside, without uri
	as[2].AssociationType = ""                                                     // no type
	as[3].Identifier = p.Items[0].Identifier                                       // an item's identifier
	as[5].DestinationNodeURI = cfpackage.NodeURI{URI: "https://outside.example/x"} // outside, without identifier
	f, warns, err := cfpackage.Import(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range f.Spec().CASE.Associations {
		got = append(got, a.Type)
	}
	if d := cmp.Diff([]string{"exactMatchOf", "ext:alignsWith"}, got); d != "" {
		t.Errorf("kept associations (-want +got):\n%s", d)
	}
	if g := f.Spec().CASE.Associations[0].Grouping; g != nil {
		t.Errorf("kept the grouping %+v, which has no identifier", g)
	}
	at := func(k int, rest string) string { return "/CFAssociations/" + strconv.Itoa(n-6+k) + rest }
	wantWarns := map[string]string{
		at(0, "/CFAssociationGroupingURI"): "1 association has a CFAssociationGroupingURI without identifier or uri; not kept",
		at(1, "/originNodeURI"):            "2 associations have an end without identifier or uri; not kept",
		at(2, ""):                          "1 association has no associationType; not kept",
		at(3, "/identifier"):               "1 association has an identifier that another object of the package has; not kept",
	}
	for _, w := range warns {
		if m, ok := wantWarns[w.Path]; ok {
			if w.Message != m {
				t.Errorf("warning at %s: %q, want %q", w.Path, w.Message, m)
			}
			delete(wantWarns, w.Path)
		}
	}
	for path, m := range wantWarns {
		t.Errorf("no warning at %s: %q", path, m)
	}
}
