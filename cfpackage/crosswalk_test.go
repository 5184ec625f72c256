package cfpackage_test

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/problem"
)

// xwOld and xwNew are two small frameworks a hand-built crosswalk maps
// between: every relation and carry, a cap, a source, a via, an unmapped
// and a new item, and text that JSON and HTML escape.
func xwOld(t testing.TB) *wlp.Framework {
	t.Helper()
	return conformNew(t, wlp.Spec{
		ID: "old-model", Name: "Old model",
		Clusters: []competency.ClusterInfo{{ID: "craft", Name: "Craft"}, {ID: "people", Name: "People"}},
		Competencies: []competency.Competency{
			{ID: "carving", Name: "Carving", Cluster: "craft", Summary: "Shaping wood."},
			{ID: "joinery", Name: "Joinery", Cluster: "craft"},
			{ID: "gilding", Name: "Gilding", Cluster: "craft"},
			{ID: "teaching", Name: "Teaching", Cluster: "people"},
		},
		Areas: []aoe.Area{{ID: "furniture", Name: "Furniture"}, {ID: "boats", Name: "Boats", Summary: "Hulls & sails."}},
	})
}

func xwNew(t testing.TB) *wlp.Framework {
	t.Helper()
	return conformNew(t, wlp.Spec{
		ID: "new-model", Name: "New model",
		Clusters: []competency.ClusterInfo{{ID: "making", Name: "Making"}},
		Competencies: []competency.Competency{
			{ID: "woodwork", Name: "Woodwork", Cluster: "making", Summary: "All work in wood."},
			{ID: "instruction", Name: "Instruction", Cluster: "making"},
		},
		Areas: []aoe.Area{{ID: "design", Name: "Design"}, {ID: "boatbuilding", Name: "Boatbuilding"}, {ID: "digital", Name: "Digital"}, {ID: "robotics", Name: "Robotics"}},
	})
}

func xwHand() *crosswalk.Crosswalk {
	return &crosswalk.Crosswalk{
		ID: "old-to-new", Name: "Old to new", Description: "Written for the tests: \"quotes\", <angles> & ampersands.",
		From: "old-model", To: "new-model",
		Sources: []crosswalk.Source{{Key: "guild-2020", Title: "The Guild, Crafts then and now, 2020", URL: "https://guild.example/2020"}},
		Links: []crosswalk.Link{
			{From: "carving", To: "woodwork", Relation: competency.Close, Carry: crosswalk.CarryLevel, Why: "Carving is most of woodwork.", Source: "guild-2020"},
			{From: "joinery", To: "woodwork", Relation: competency.Broader, Carry: crosswalk.CarryCapped, Cap: 3, Why: "Joinery is one part of woodwork."},
			{From: "teaching", To: "instruction", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "The same, renamed <sic> & \"quoted\"."},
			{From: "furniture", To: "design", Relation: competency.Narrower, Carry: crosswalk.CarryNone, Why: "Design is a part of furniture making.", Via: []competency.ID{"mid-item"}},
			{From: "furniture", To: "digital", Relation: competency.Related, Carry: crosswalk.CarryNone, Why: "Furniture is now drawn on screens."},
			{From: "boats", To: "boatbuilding", Relation: competency.Exact, Carry: crosswalk.CarryCapped, Cap: 2, Why: "The same field; the new model asks more."},
		},
		Unmapped: []crosswalk.Note{{ID: "gilding", Why: "The new model drops gilding."}},
		New:      []crosswalk.Note{{ID: "robotics", Why: "Nothing old leads to robotics."}},
	}
}

// xwCase is a crosswalk and the frameworks it maps.
type xwCase struct {
	name     string
	c        *crosswalk.Crosswalk
	from, to *wlp.Framework
}

// xwCases returns the hand-built crosswalk and the embedded ones.
func xwCases(t testing.TB) []xwCase {
	t.Helper()
	cases := []xwCase{{"hand", xwHand(), xwOld(t), xwNew(t)}}
	for _, id := range crosswalk.Embedded() {
		c, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		from, err := wlp.LoadEmbedded(c.From)
		if err != nil {
			t.Fatal(err)
		}
		to, err := wlp.LoadEmbedded(c.To)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, xwCase{id, c, from, to})
	}
	return cases
}

func xwExport(t testing.TB, c xwCase, opt *cfpackage.ExportOptions) []byte {
	t.Helper()
	p, err := cfpackage.ExportCrosswalk(c.c, c.from, c.to, opt)
	if err != nil {
		t.Fatalf("%s: ExportCrosswalk: %v", c.name, err)
	}
	return encode(t, p)
}

// xwDecode decodes data, which must give no warning.
func xwDecode(t testing.TB, data []byte) *cfpackage.Package {
	t.Helper()
	p, warns, err := cfpackage.Decode(data)
	if err != nil || len(warns) > 0 {
		t.Fatalf("Decode: %v %v", err, warns)
	}
	return p
}

func TestCrosswalkRoundTrip(t *testing.T) {
	for _, c := range xwCases(t) {
		for _, o := range conformOptions {
			if o.opt.Strict {
				continue
			}
			t.Run(c.name+"/"+o.name, func(t *testing.T) {
				opt := o.opt
				data := xwExport(t, c, &opt)
				got, warns, err := cfpackage.ImportCrosswalk(xwDecode(t, data), c.from, c.to)
				if err != nil {
					t.Fatal(err)
				}
				if len(warns) > 0 {
					t.Errorf("warnings: %v", warns)
				}
				if diff := cmp.Diff(c.c, got); diff != "" {
					t.Errorf("read back (-exported +imported):\n%s", diff)
				}
				if again := xwExport(t, c, &opt); !bytes.Equal(data, again) {
					t.Error("two exports differ")
				}
			})
		}
	}
}

// xwStrict is what a strict export of c reads back as, as
// ImportCrosswalk documents it.
func xwStrict(c *crosswalk.Crosswalk, from, to *wlp.Framework) *crosswalk.Crosswalk {
	want := &crosswalk.Crosswalk{ID: from.ID() + "-to-" + to.ID(), Name: c.Name, Description: c.Description, From: from.ID(), To: to.ID(), Links: []crosswalk.Link{}}
	if want.Name == "" {
		want.Name = c.ID
	}
	if want.Name == want.ID {
		want.Name = ""
	}
	for _, l := range c.Links {
		k := crosswalk.Link{From: l.From, To: l.To, Relation: competency.Related, Carry: crosswalk.CarryNone, Why: l.Why}
		if l.Relation == competency.Exact {
			k.Relation, k.Carry = competency.Exact, crosswalk.CarryLevel
		}
		want.Links = append(want.Links, k)
	}
	return want
}

func TestCrosswalkStrict(t *testing.T) {
	for _, c := range xwCases(t) {
		t.Run(c.name, func(t *testing.T) {
			data := xwExport(t, c, &cfpackage.ExportOptions{Strict: true})
			if bytes.Contains(data, []byte(`"extensions"`)) {
				t.Error("a strict package with extensions")
			}
			got, warns, err := cfpackage.ImportCrosswalk(xwDecode(t, data), c.from, c.to)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(xwStrict(c.c, c.from, c.to), got); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
			// One warning for the document and one, counting them, for
			// the isRelatedTo associations.
			related := 0
			first := -1
			for i, l := range c.c.Links {
				if l.Relation != competency.Exact {
					related++
					if first < 0 {
						first = i
					}
				}
			}
			var want []string
			switch {
			case related == 1:
				want = append(want, fmt.Sprintf("/CFAssociations/%d: an isRelatedTo association without the extension: read as a related link that carries no level, since CASE does not say how the items relate", first))
			case related > 1:
				want = append(want, fmt.Sprintf("/CFAssociations/%d: %d isRelatedTo associations without the extension: each is read as a related link that carries no level, since CASE does not say how the items relate", first, related))
			}
			want = append(want, fmt.Sprintf("/CFDocument: no \"wlp\" extension (a strict package, or one another system wrote): the crosswalk's ID is %s, "+
				"and its sources and its notes on unmapped and new items are not known", problem.Quote(got.ID)))
			if diff := cmp.Diff(want, warnStrings(warns)); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func warnStrings(ws []cfpackage.Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Path+": "+w.Message)
	}
	return out
}

// TestCrosswalkValidates checks every crosswalk package against the
// transcription of CASE 1.1's schema and the rules conform_test.go
// applies to an export, with one difference: an association's ends are
// items of the frameworks' own packages, so each must be exactly the
// item (identifier, uri and title) that Export writes there, with the
// same options.
func TestCrosswalkValidates(t *testing.T) {
	_, rules := transcription(t)
	outside := regexp.MustCompile(`^/CFAssociations/\d+/(originNodeURI|destinationNodeURI): identifier \S+ names no object of the package$`)
	for _, c := range xwCases(t) {
		for _, o := range conformOptions {
			t.Run(c.name+"/"+o.name, func(t *testing.T) {
				opt := o.opt
				data := xwExport(t, c, &opt)
				if err := validateWith(rules, data); err != nil {
					t.Errorf("invalid by the CASE 1.1 rules:\n%v", err)
				}
				for _, p := range packageRules(data, opt.Strict) {
					if !outside.MatchString(p) {
						t.Error(p)
					}
				}
				p := xwDecode(t, data)
				if len(p.Associations) != len(c.c.Links) {
					t.Fatalf("%d associations for %d links", len(p.Associations), len(c.c.Links))
				}
				from, to := xwItems(t, c.from, &opt), xwItems(t, c.to, &opt)
				for i, a := range p.Associations {
					l := c.c.Links[i]
					if want := from[l.From]; a.OriginNodeURI != want {
						t.Errorf("association %d: origin %+v, want %+v", i, a.OriginNodeURI, want)
					}
					if want := to[l.To]; a.DestinationNodeURI != want {
						t.Errorf("association %d: destination %+v, want %+v", i, a.DestinationNodeURI, want)
					}
					typ := cfpackage.IsRelatedTo
					if l.Relation == competency.Exact {
						typ = cfpackage.ExactMatchOf
					}
					if a.AssociationType != typ || a.Notes != l.Why {
						t.Errorf("association %d: type %s, notes %q; want %s, %q", i, a.AssociationType, a.Notes, typ, l.Why)
					}
				}
				if want := cfpackage.CrosswalkIdentifier(c.c); p.Document.Identifier != want {
					t.Errorf("document identifier %s, want %s", p.Document.Identifier, want)
				}
			})
		}
	}
}

// xwItems returns, for each competency and area of f, the node an
// association points at it by: its item's identifier, uri and title in
// f's export (the abbreviated statement, or the full one).
func xwItems(t testing.TB, f *wlp.Framework, opt *cfpackage.ExportOptions) map[competency.ID]cfpackage.NodeURI {
	t.Helper()
	p, err := cfpackage.Export(f, opt)
	if err != nil {
		t.Fatal(err)
	}
	out := map[competency.ID]cfpackage.NodeURI{}
	for _, it := range p.Items {
		if it.CFItemType != cfpackage.TypeCompetency && it.CFItemType != cfpackage.TypeArea {
			continue
		}
		title := it.AbbreviatedStatement
		if title == "" {
			title = it.FullStatement
		}
		out[competency.ID(it.HumanCodingScheme)] = cfpackage.NodeURI{Title: title, Identifier: it.Identifier, URI: it.URI, TargetType: "CASE"}
	}
	if len(out) != len(f.IDs()) {
		t.Fatalf("%d items for %d IDs", len(out), len(f.IDs()))
	}
	return out
}

// TestCrosswalkIdentifiers checks the identifiers as documented, and
// that a link keeps its identifier when its relation, carry or place
// changes.
func TestCrosswalkIdentifiers(t *testing.T) {
	from, to := xwOld(t), xwNew(t)
	c := xwHand()
	ns := uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/wlpmodel/wlp/cfpackage"))
	doc := uuid.NewSHA1(ns, []byte("crosswalk:old-to-new")).String()
	if got := cfpackage.CrosswalkIdentifier(c); got != doc {
		t.Fatalf("CrosswalkIdentifier = %s, want %s", got, doc)
	}
	fromDoc, toDoc := uuid.MustParse(cfpackage.DocumentIdentifier(from)), uuid.MustParse(cfpackage.DocumentIdentifier(to))
	ids := func(c *crosswalk.Crosswalk) map[[2]competency.ID]string {
		p, err := cfpackage.ExportCrosswalk(c, from, to, nil)
		if err != nil {
			t.Fatal(err)
		}
		m := map[[2]competency.ID]string{}
		for i, a := range p.Associations {
			l := c.Links[i]
			m[[2]competency.ID{l.From, l.To}] = a.Identifier
			if a.URI != "urn:uuid:"+a.Identifier {
				t.Errorf("association %d: uri %s", i, a.URI)
			}
		}
		return m
	}
	first := ids(c)
	for k, got := range first {
		o := uuid.NewSHA1(fromDoc, []byte("item:"+string(k[0]))).String()
		d := uuid.NewSHA1(toDoc, []byte("item:"+string(k[1]))).String()
		if want := uuid.NewSHA1(uuid.MustParse(doc), []byte("link:"+o+">"+d)).String(); got != want {
			t.Errorf("%v: identifier %s, want %s", k, got, want)
		}
	}
	changed := xwHand()
	changed.Links[0].Relation, changed.Links[0].Carry = competency.Related, crosswalk.CarryNone
	changed.Links[1], changed.Links[2] = changed.Links[2], changed.Links[1]
	changed.Links = changed.Links[:5]
	second := ids(changed)
	for k, id := range second {
		if first[k] != id {
			t.Errorf("%v: identifier %s became %s", k, first[k], id)
		}
	}
	// The identifiers of the embedded crosswalk, as published: a change
	// of them breaks every CASE server that holds the package.
	c13, err := crosswalk.LoadEmbedded("atd-2013-to-atd-2020")
	if err != nil {
		t.Fatal(err)
	}
	f13, err := wlp.LoadEmbedded(wlp.ATD2013ID)
	if err != nil {
		t.Fatal(err)
	}
	f20, err := wlp.LoadEmbedded(wlp.ATD2020ID)
	if err != nil {
		t.Fatal(err)
	}
	p, err := cfpackage.ExportCrosswalk(c13, f13, f20, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Document.Identifier, "59cf2ece-e46b-50f4-abdc-5ca65a1ed79e"; got != want {
		t.Errorf("atd-2013-to-atd-2020: document identifier %s, want %s", got, want)
	}
	if a := p.Associations[0]; a.OriginNodeURI.Title != "Business Skills" || a.DestinationNodeURI.Title != "Project Management" || a.Identifier != "b5b4002f-e281-5660-8e71-bc9b306f291b" {
		t.Errorf("atd-2013-to-atd-2020: association 0 is %s, from %s to %s; want b5b4002f-e281-5660-8e71-bc9b306f291b, from Business Skills to Project Management",
			a.Identifier, a.OriginNodeURI.Title, a.DestinationNodeURI.Title)
	}
	// The document's identifier follows the ID alone.
	renamed := xwHand()
	renamed.Name, renamed.Description = "Another name", ""
	if cfpackage.CrosswalkIdentifier(renamed) != doc {
		t.Error("the name changed the identifier")
	}
}

func TestExportCrosswalkErrors(t *testing.T) {
	from, to := xwOld(t), xwNew(t)
	wrongFrom := xwHand()
	wrongFrom.From = "other"
	unknown := xwHand()
	unknown.Links[0].To = "nowhere"
	tests := []struct {
		name     string
		c        *crosswalk.Crosswalk
		from, to *wlp.Framework
		opt      *cfpackage.ExportOptions
		want     string
	}{
		{"nil crosswalk", nil, from, to, nil, "cfpackage: ExportCrosswalk of a nil crosswalk or framework"},
		{"nil framework", xwHand(), from, nil, nil, "cfpackage: ExportCrosswalk of a nil crosswalk or framework"},
		{"wrong framework", wrongFrom, from, to, nil, `crosswalk: /from: the crosswalk maps from "other", not from the framework "old-model"`},
		{"swapped frameworks", xwHand(), to, from, nil, "crosswalk: /from:"},
		{"unknown item", unknown, from, to, nil, `crosswalk: /links/0/to: "nowhere" is not an item of the framework "new-model"`},
		{"base URI", xwHand(), from, to, &cfpackage.ExportOptions{BaseURI: "not a uri"}, `cfpackage: the base URI "not a uri" is not an absolute URI`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := cfpackage.ExportCrosswalk(tt.c, tt.from, tt.to, tt.opt)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v, want one starting %q", err, tt.want)
			}
			if p != nil {
				t.Error("a package with the error")
			}
		})
	}
}

// xwPackage returns the hand-built crosswalk's package, decoded, for a
// test to change.
func xwPackage(t testing.TB, strict bool) *cfpackage.Package {
	t.Helper()
	return xwDecode(t, xwExport(t, xwCase{"hand", xwHand(), xwOld(t), xwNew(t)}, &cfpackage.ExportOptions{Strict: strict}))
}

func TestImportCrosswalkErrors(t *testing.T) {
	from, to := xwOld(t), xwNew(t)
	tests := []struct {
		name   string
		change func(p *cfpackage.Package)
		want   []string
	}{
		{"unknown ends", func(p *cfpackage.Package) {
			p.Associations[0].OriginNodeURI.Identifier = "f0000000-0000-4000-8000-000000000000"
			p.Associations[0].OriginNodeURI.URI = "urn:uuid:f0000000-0000-4000-8000-000000000000"
			p.Associations[3].DestinationNodeURI = cfpackage.NodeURI{Identifier: "x", URI: "https://elsewhere.example/x"}
		}, []string{
			`/CFAssociations/0/originNodeURI: the origin "f0000000-0000-4000-8000-000000000000" names no competency or area of the framework "old-model"`,
			`/CFAssociations/3/destinationNodeURI: the destination "x" names no competency or area of the framework "new-model"`,
		}},
		{"reversed", func(p *cfpackage.Package) {
			a := &p.Associations[2]
			a.OriginNodeURI, a.DestinationNodeURI = a.DestinationNodeURI, a.OriginNodeURI
		}, []string{
			`/CFAssociations/2/destinationNodeURI: the destination "` + p0(t, 2, false) + `" names no competency or area of the framework "new-model" but the item "teaching" of "old-model": a crosswalk's links go from "old-model" to "new-model"`,
			`/CFAssociations/2/originNodeURI: the origin "` + p0(t, 2, true) + `" names no competency or area of the framework "old-model" but the item "instruction" of "new-model": a crosswalk's links go from "old-model" to "new-model"`,
		}},
		{"matched by uri", func(p *cfpackage.Package) {
			p.Associations[0].OriginNodeURI.Identifier = "kept-elsewhere"
		}, nil},
		{"checks", func(p *cfpackage.Package) {
			p.Associations[1].DestinationNodeURI = p.Associations[0].DestinationNodeURI
			p.Associations[1].OriginNodeURI = p.Associations[0].OriginNodeURI
			p.Associations[5].Extensions["wlp"] = []byte(`{"carry":"capped","cap":9,"relation":"exact"}`)
			p.Document.Extensions["wlp"] = []byte(`{"crosswalk":"old-to-new","from":"old-model","to":"elsewhere","sources":[{"key":"guild-2020","title":"G"}],"unmapped":[{"id":"carving","why":"x"}]}`)
		}, []string{
			`/CFAssociations/1: crosswalk /links/1: ` + checkMsg(t, func(c *crosswalk.Crosswalk) { c.Links[1].From, c.Links[1].To = c.Links[0].From, c.Links[0].To }, "/links/1"),
			`/CFAssociations/5/extensions/wlp: crosswalk /links/5/cap: ` + checkMsg(t, func(c *crosswalk.Crosswalk) { c.Links[5].Cap = 9 }, "/links/5/cap"),
			`/CFDocument/extensions/wlp: crosswalk /to: the crosswalk maps to "elsewhere", not to the framework "new-model"`,
			`/CFDocument/extensions/wlp: crosswalk /unmapped/0/id: ` + checkMsg(t, func(c *crosswalk.Crosswalk) { c.Unmapped = []crosswalk.Note{{ID: "carving", Why: "x"}} }, "/unmapped/0/id"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := xwPackage(t, false)
			tt.change(p)
			c, _, err := cfpackage.ImportCrosswalk(p, from, to)
			var got []string
			if err != nil {
				var pe *problem.Error
				if !errors.As(err, &pe) || pe.Package != "cfpackage" {
					t.Fatalf("error %v (%T), want a *problem.Error of package cfpackage", err, err)
				}
				if c != nil {
					t.Error("a crosswalk with the error")
				}
				got = warnStrings(pe.Problems)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
	if _, _, err := cfpackage.ImportCrosswalk(nil, from, to); err == nil {
		t.Error("no error for a nil package")
	}
}

// p0 returns the identifier of association k's origin (or destination)
// in the hand-built crosswalk's package.
func p0(t testing.TB, k int, dest bool) string {
	p := xwPackage(t, false)
	if dest {
		return p.Associations[k].DestinationNodeURI.Identifier
	}
	return p.Associations[k].OriginNodeURI.Identifier
}

// checkMsg returns the message Check gives at path for the hand-built
// crosswalk changed by change.
func checkMsg(t testing.TB, change func(*crosswalk.Crosswalk), path string) string {
	t.Helper()
	c := xwHand()
	change(c)
	err := c.Check(xwOld(t), xwNew(t))
	var pe *problem.Error
	if !errors.As(err, &pe) {
		t.Fatalf("Check: %v", err)
	}
	for _, p := range pe.Problems {
		if p.Path == path {
			return p.Message
		}
	}
	t.Fatalf("Check gives no problem at %s: %v", path, err)
	return ""
}

func TestImportCrosswalkWarnings(t *testing.T) {
	from, to := xwOld(t), xwNew(t)
	tests := []struct {
		name   string
		strict bool
		change func(p *cfpackage.Package)
		want   []string
		links  func(c *crosswalk.Crosswalk) // the crosswalk expected, from the hand-built one
	}{
		{"other types, items and rubrics", false, func(p *cfpackage.Package) {
			p.Associations[1].AssociationType = cfpackage.IsChildOf
			p.Associations[4].AssociationType = cfpackage.IsChildOf
			p.Associations[3].AssociationType = "ext:similarTo"
			p.Items = []cfpackage.Item{{Identifier: "x"}}
			p.Rubrics = []cfpackage.Rubric{{Identifier: "y"}}
			p.Definitions = &cfpackage.Definitions{}
		}, []string{
			`/CFAssociations/1/associationType: 2 associations of type "isChildOf", which is no crosswalk link (exactMatchOf or isRelatedTo); each is skipped`,
			`/CFAssociations/3/associationType: an association of type "ext:similarTo", which is no crosswalk link (exactMatchOf or isRelatedTo); skipped`,
			`/CFDefinitions: definitions, which a crosswalk has no place for; not read`,
			`/CFItems: 1 CFItems, which a crosswalk has no place for (its links point at the items of the frameworks' own packages); not read`,
			`/CFRubrics: 1 CFRubrics, which a crosswalk has no place for (its links point at the items of the frameworks' own packages); not read`,
		}, func(c *crosswalk.Crosswalk) {
			c.Links = []crosswalk.Link{c.Links[0], c.Links[2], c.Links[5]}
		}},
		{"bad extensions, no notes", false, func(p *cfpackage.Package) {
			p.Associations[0].Extensions["wlp"] = []byte(`{"relation":"close","carry":"level","colour":"red"}`)
			p.Associations[2].Extensions["wlp"] = []byte(`{"relation":"close","carry":"level"}`)
			p.Associations[2].Notes = ""
		}, []string{
			`/CFAssociations/0: an isRelatedTo association without the extension: read as a related link that carries no level, since CASE does not say how the items relate`,
			`/CFAssociations/0/extensions/wlp: the extension cannot be read (json: unknown field "colour"); the link is read from CASE's fields alone`,
			`/CFAssociations/2: an association without notes: the link's why says only where it came from`,
			`/CFAssociations/2/extensions/wlp: the extension's relation "close" contradicts the association's type exactMatchOf; the link is read from CASE's fields alone`,
		}, func(c *crosswalk.Crosswalk) {
			c.Links[0].Relation, c.Links[0].Carry, c.Links[0].Source = competency.Related, crosswalk.CarryNone, ""
			c.Links[2].Why = "Read from a CASE exactMatchOf association, which gives no reason for it."
		}},
		{"strict, no notes", true, func(p *cfpackage.Package) {
			for i := range p.Associations {
				p.Associations[i].Notes = ""
			}
		}, []string{
			`/CFAssociations/0: 4 isRelatedTo associations without the extension: each is read as a related link that carries no level, since CASE does not say how the items relate`,
			`/CFAssociations/0: 6 associations without notes: each link's why says only where it came from`,
			`/CFDocument: no "wlp" extension (a strict package, or one another system wrote): the crosswalk's ID is "old-model-to-new-model", and its sources and its notes on unmapped and new items are not known`,
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := xwPackage(t, tt.strict)
			tt.change(p)
			c, warns, err := cfpackage.ImportCrosswalk(p, from, to)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, warnStrings(warns)); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if tt.links != nil {
				want := xwHand()
				tt.links(want)
				if diff := cmp.Diff(want, c); diff != "" {
					t.Errorf("crosswalk (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestCrosswalkCASEOnly reads a crosswalk package as another system
// might write it: no extensions, no notes, the document's title and no
// description, an end matched by uri, and an association of another
// type.
func TestCrosswalkCASEOnly(t *testing.T) {
	from, to := xwOld(t), xwNew(t)
	fi, ti := xwItems(t, from, nil), xwItems(t, to, nil)
	data := fmt.Sprintf(`{"CFDocument":{"identifier":"0b8e3c1a-2f4d-4e6a-8b1c-3d5e7f9a1b2c","uri":"https://other.example/0b8e3c1a-2f4d-4e6a-8b1c-3d5e7f9a1b2c",
"creator":"Other","title":"Old to new, by another","lastChangeDateTime":"2024-05-01T00:00:00Z"},
"CFAssociations":[
{"identifier":"1b8e3c1a-2f4d-4e6a-8b1c-3d5e7f9a1b2c","associationType":"exactMatchOf","uri":"https://other.example/a1",
 "originNodeURI":{"title":"T","identifier":%q,"uri":%q},"destinationNodeURI":{"title":"I","identifier":"no-such","uri":%q},"lastChangeDateTime":"2024-05-01T00:00:00Z"},
{"identifier":"2b8e3c1a-2f4d-4e6a-8b1c-3d5e7f9a1b2c","associationType":"isPeerOf","uri":"https://other.example/a2",
 "originNodeURI":{"title":"C","identifier":%q,"uri":%q},"destinationNodeURI":{"title":"W","identifier":%q,"uri":%q},"lastChangeDateTime":"2024-05-01T00:00:00Z"}]}`,
		fi["teaching"].Identifier, fi["teaching"].URI, ti["instruction"].URI,
		fi["carving"].Identifier, fi["carving"].URI, ti["woodwork"].Identifier, ti["woodwork"].URI)
	p := xwDecode(t, []byte(data))
	c, warns, err := cfpackage.ImportCrosswalk(p, from, to)
	if err != nil {
		t.Fatal(err)
	}
	want := &crosswalk.Crosswalk{ID: "old-model-to-new-model", Name: "Old to new, by another", From: "old-model", To: "new-model",
		Links: []crosswalk.Link{{From: "teaching", To: "instruction", Relation: competency.Exact, Carry: crosswalk.CarryLevel,
			Why: "Read from a CASE exactMatchOf association, which gives no reason for it."}}}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("crosswalk (-want +got):\n%s", diff)
	}
	if len(warns) != 3 {
		t.Errorf("warnings: %v, want 3 (the document, no notes, isPeerOf)", warnStrings(warns))
	}
}

// FuzzImportCrosswalk reads any input as a crosswalk package between the
// hand-built frameworks, and checks that ImportCrosswalk does not panic,
// returns a crosswalk or a *problem.Error of package cfpackage and never
// both, gives a crosswalk that fits the frameworks, and that the
// crosswalk it gives exports and reads back equal: what it reads is a
// fixed point.
func FuzzImportCrosswalk(f *testing.F) {
	from, to := xwOld(f), xwNew(f)
	hand := xwCase{"hand", xwHand(), from, to}
	f.Add(xwExport(f, hand, nil))
	f.Add(xwExport(f, hand, &cfpackage.ExportOptions{Strict: true, BaseURI: "https://case.example.org/uri/", Changed: time.Unix(1e9, 0)}))
	f.Add([]byte(`{"CFDocument":{"extensions":{"wlp":{"crosswalk":"x","from":"a","to":"b"}}},"CFAssociations":[{"associationType":"isRelatedTo","extensions":{"wlp":{"relation":"broader","carry":"capped","cap":2,"via":["q"]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _, err := cfpackage.Decode(data)
		if err != nil {
			return
		}
		c, warns, err := cfpackage.ImportCrosswalk(p, from, to)
		if err != nil {
			var pe *problem.Error
			if !errors.As(err, &pe) || pe.Package != "cfpackage" {
				t.Fatalf("error %v (%T), want a *problem.Error of package cfpackage", err, err)
			}
			if c != nil {
				t.Fatal("both a crosswalk and an error")
			}
			return
		}
		if len(warns) > problem.MaxReported+1 {
			t.Fatalf("%d warnings", len(warns))
		}
		if err := c.Check(from, to); err != nil {
			t.Fatalf("the crosswalk read does not fit: %v", err)
		}
		back, err := cfpackage.ExportCrosswalk(c, from, to, nil)
		if err != nil {
			t.Fatalf("ExportCrosswalk of what was read: %v", err)
		}
		again, _, err := cfpackage.ImportCrosswalk(xwDecode(t, encode(t, back)), from, to)
		if err != nil {
			t.Fatalf("read again: %v", err)
		}
		if diff := cmp.Diff(c, again); diff != "" {
			t.Fatalf("read again (-first +again):\n%s", diff)
		}
	})
}
