package cfpackage_test

// Conformance: every package Export writes is valid by CASE 1.1's CFPackage
// JSON Schema, with format assertions on, and keeps the rules that schema
// cannot state (lower-case UUIDs, absolute URIs, references that resolve).
//
// 1EdTech's schema is "All Rights Reserved", so the repository keeps no copy
// of it. The tests validate against testdata/case-1.1-cfpackage.rules.schema.json,
// wlp's own transcription of its rules, and, when the official file is at
// hand (WLP_CASE_SCHEMA), against the official schema too, and compare the
// two schemas rule by rule and by their verdicts on a corpus of packages.

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

const (
	// officialSchemaID is the $id of 1EdTech's CASE 1.1 CFPackage schema.
	officialSchemaID = "https://purl.imsglobal.org/spec/case/v1p1/schema/json/case_v1p1_cfpackage-jsonschema1.json"
	// officialSchemaDefault is where the official schema is looked for
	// when WLP_CASE_SCHEMA is not set: a folder .gitignore keeps out of
	// the repository.
	officialSchemaDefault = "testdata/official/case_v1p1_cfpackage-jsonschema1.json"
	// transcriptionFile is wlp's transcription of the schema's rules.
	transcriptionFile = "testdata/case-1.1-cfpackage.rules.schema.json"
)

// conformCase is one export the conformance tests check.
type conformCase struct {
	name string
	f    *wlp.Framework
	opt  cfpackage.ExportOptions
}

// conformFrameworks returns the frameworks the conformance tests export.
// Each call builds them afresh, so that two calls give equal frameworks
// that share nothing.
func conformFrameworks(t testing.TB) []struct {
	name string
	f    *wlp.Framework
} {
	t.Helper()
	data, err := os.ReadFile("../examples/frameworks/learning2.json")
	if err != nil {
		t.Fatal(err)
	}
	l2, err := wlp.Load(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("learning2.json: %v", err)
	}
	return []struct {
		name string
		f    *wlp.Framework
	}{
		{"default", wlp.Default()},
		{"learning2", l2},
		{"no-id", conformNew(t, conformSpec("", "A framework without an ID"))},
		{"own-clusters", conformNew(t, conformSpec("own-clusters", "Own clusters"))},
		{"bare", conformNew(t, conformBare())},
		{"kept", conformNew(t, conformKept())},
	}
}

// conformSpec is a small framework of its own: two clusters of its own,
// three competencies (one with behaviours), two areas (one with
// behaviours and a technologies note), a role with a single and a group
// requirement, another role, a job that blends both with a need of its
// own, and a job without roles.
func conformSpec(id, name string) wlp.Spec {
	return wlp.Spec{
		ID: id, Name: name, Version: "0.1", Description: "Written for the conformance tests: \"quotes\", <angles> & ampersands.",
		Clusters: []competency.ClusterInfo{
			{ID: "craft", Name: "Craft", Summary: "Making things well."},
			{ID: "people", Name: "People"},
		},
		Competencies: []competency.Competency{
			{ID: "carving", Name: "Carving", Cluster: "craft", Summary: "Shaping wood.", Behaviors: []string{"Sharpens tools", "Reads the grain"}},
			{ID: "joinery", Name: "Joinery", Cluster: "craft"},
			{ID: "teaching", Name: "Teaching", Cluster: "people", Summary: "Passing the craft on."},
		},
		Areas: []aoe.Area{
			{ID: "furniture", Name: "Furniture", Summary: "Tables and chairs.", Behaviors: []string{"Designs for use"}, Technologies: "CAD and CNC routers."},
			{ID: "boats", Name: "Boats"},
		},
		Roles: []role.Role{
			{ID: "maker", Name: "Maker", Summary: "Makes things.", Requirements: []role.Requirement{
				{Of: []competency.ID{"carving"}, Level: 3, Weight: 0.1, Why: "Most of the work."},
				{Of: []competency.ID{"joinery", "furniture", "boats"}, AtLeast: 2, Level: 4, Weight: 2.5},
			}},
			{ID: "teacher", Name: "Teacher", Requirements: []role.Requirement{
				{Of: []competency.ID{"teaching"}, Level: 5, Weight: 1},
			}},
		},
		Jobs: []role.Job{
			{ID: "master", Title: "Master", Summary: "Makes and teaches.", Roles: []role.Share{
				{Role: "maker", Weight: 3, Why: "Mostly making."},
				{Role: "teacher", Weight: 1},
			}, Requirements: []role.Requirement{
				{Of: []competency.ID{"furniture", "boats"}, Level: 2, Weight: 1},
			}},
			{ID: "instructor", Title: "Instructor", Requirements: []role.Requirement{
				{Of: []competency.ID{"teaching"}, Level: 4, Weight: 2, Why: "Teaches."},
				{Of: []competency.ID{"carving", "joinery"}, AtLeast: 1, Level: 1, Weight: 1},
			}},
		},
	}
}

// conformBare is the smallest framework: no ID, no name, one cluster of
// the model, one competency, one role.
func conformBare() wlp.Spec {
	return wlp.Spec{
		Competencies: []competency.Competency{{ID: "only", Name: "Only", Cluster: competency.Personal}},
		Roles: []role.Role{{ID: "sole", Name: "Sole", Requirements: []role.Requirement{
			{Of: []competency.ID{"only"}, Level: 1, Weight: 1},
		}}},
	}
}

// conformKept is conformSpec as if imported from a CASE package: it keeps
// the package's identifiers and URIs, a level above the clusters, an item
// of a type no tier takes under a cluster, an untyped item, a competency
// whose parent is not its cluster, codes and types of the package's own.
func conformKept() wlp.Spec {
	s := conformSpec("", "Kept from a CASE package")
	id := func(n int) string { return fmt.Sprintf("5e1f0c2a-7b3d-4c8e-9f6a-%012x", n) }
	it := func(n int) wlp.CASEItem {
		return wlp.CASEItem{Identifier: id(n), URI: "https://foreign.example/items/" + id(n)}
	}
	top, note, loose := it(10), it(11), it(12)
	top.Statement, top.Abbreviated, top.Code, top.Type = "Everything about wood and people.", "Woodworking", "WW", "Domain"
	note.Statement, note.Type, note.Parent = "A note filed under the craft cluster.", "Note", id(1)
	loose.Statement = "An item without a type."
	craft, people := it(1), it(2)
	craft.Parent, people.Parent = id(10), id(10)
	carving := it(3)
	carving.Code, carving.Type = "C.1", "Skill"
	carving.Behaviors = []wlp.CASEItem{it(4), it(5)}
	joinery := it(6)
	joinery.Parent = id(10)
	s.CASE = &wlp.CASESource{
		Document: wlp.CASEDocument{
			Identifier: id(0), URI: "https://foreign.example/docs/" + id(0), Creator: "Guild of Makers", Publisher: "Guild Press",
			Language: "en", OfficialSourceURL: "https://foreign.example/guild", AdoptionStatus: "Adopted",
		},
		Clusters: map[competency.Cluster]wlp.CASEItem{"craft": craft, "people": people},
		Items:    map[competency.ID]wlp.CASEItem{"carving": carving, "joinery": joinery, "furniture": it(7)},
		Targets:  map[role.ID]wlp.CASEItem{"maker": it(8), "master": it(9)},
		Others:   []wlp.CASEItem{top, note, loose},
	}
	return s
}

func conformNew(t testing.TB, s wlp.Spec) *wlp.Framework {
	t.Helper()
	f, err := wlp.New(s)
	if err != nil {
		t.Fatalf("wlp.New(%q): %v", s.Name, err)
	}
	return f
}

// conformOptions are the export options every framework is exported with.
var conformOptions = []struct {
	name string
	opt  cfpackage.ExportOptions
}{
	{"plain", cfpackage.ExportOptions{}},
	{"strict", cfpackage.ExportOptions{Strict: true}},
	{"base", cfpackage.ExportOptions{
		BaseURI: "https://case.example.org/uri/",
		Changed: time.Date(2025, 3, 14, 15, 9, 26, 535897932, time.FixedZone("CET", 3600)),
	}},
	{"strict-base", cfpackage.ExportOptions{
		Strict:  true,
		BaseURI: "https://case.example.org/frameworks#",
		Changed: time.Date(2001, 2, 3, 4, 5, 6, 0, time.FixedZone("", -7*3600-30*60)),
	}},
	{"urn-base", cfpackage.ExportOptions{BaseURI: "urn:example:case", Changed: time.Date(2030, 12, 31, 23, 59, 59, 999, time.UTC)}},
}

func conformCases(t testing.TB) []conformCase {
	var out []conformCase
	for _, f := range conformFrameworks(t) {
		for _, o := range conformOptions {
			out = append(out, conformCase{name: f.name + "/" + o.name, f: f.f, opt: o.opt})
		}
	}
	return out
}

// conformExport exports and encodes c.
func conformExport(t testing.TB, c conformCase) []byte {
	t.Helper()
	opt := c.opt
	p, err := cfpackage.Export(c.f, &opt)
	if err != nil {
		t.Fatalf("%s: Export: %v", c.name, err)
	}
	var b bytes.Buffer
	if err := cfpackage.Encode(&b, p); err != nil {
		t.Fatalf("%s: Encode: %v", c.name, err)
	}
	return b.Bytes()
}

// compileCASESchema compiles a CASE package schema (draft 2019-09) with a
// fresh compiler that asserts formats, as a program outside wlp would.
func compileCASESchema(t testing.TB, name string, data []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", name, err)
	}
	obj, _ := doc.(map[string]any)
	id, _ := obj["$id"].(string)
	if id == "" {
		t.Fatalf("%s has no $id", name)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2019)
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatalf("%s does not compile: %v", name, err)
	}
	return s
}

// transcription returns the transcription's bytes and compiled schema.
func transcription(t testing.TB) ([]byte, *jsonschema.Schema) {
	t.Helper()
	data, err := os.ReadFile(transcriptionFile)
	if err != nil {
		t.Fatal(err)
	}
	return data, compileCASESchema(t, transcriptionFile, data)
}

// officialSchema returns the official schema's bytes and compiled schema,
// read from the file WLP_CASE_SCHEMA names, else from
// officialSchemaDefault. Without either it skips the test, or fails it
// when WLP_REQUIRE_CASE_SCHEMA is set.
func officialSchema(t *testing.T) ([]byte, *jsonschema.Schema) {
	t.Helper()
	path := os.Getenv("WLP_CASE_SCHEMA")
	if path == "" {
		path = officialSchemaDefault
	}
	data, err := os.ReadFile(path)
	if err != nil {
		msg := fmt.Sprintf("1EdTech's CASE 1.1 CFPackage JSON Schema is not available (%v). It is not kept in the repository "+
			"(1EdTech reserves its rights). Save it from %s (or from the GitHub repository conform-ed/conform-ed, "+
			"packages/coverage/vendor/case/v1_1/case_v1p1_cfpackage-jsonschema1.json) to cfpackage/"+officialSchemaDefault+
			" or set WLP_CASE_SCHEMA to the file's path; "+
			"set WLP_REQUIRE_CASE_SCHEMA=1 to make its absence an error", err, officialSchemaID)
		if os.Getenv("WLP_REQUIRE_CASE_SCHEMA") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var head struct {
		ID     string `json:"$id"`
		Schema string `json:"$schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		t.Fatalf("%s is not JSON: %v", path, err)
	}
	if head.ID != officialSchemaID || !strings.Contains(head.Schema, "draft/2019-09") {
		t.Fatalf("%s: $id %q, $schema %q; want %s, draft 2019-09", path, head.ID, head.Schema, officialSchemaID)
	}
	t.Logf("official schema: %s (%d bytes, SHA-256 %x)", path, len(data), sha256.Sum256(data))
	return data, compileCASESchema(t, path, data)
}

// validateWith validates the JSON document data against s.
func validateWith(s *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

func TestExportValidates(t *testing.T) {
	_, rules := transcription(t)
	cases := conformCases(t)
	again := conformCases(t)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := conformExport(t, c)
			if err := validateWith(rules, data); err != nil {
				t.Errorf("invalid by the CASE 1.1 rules:\n%v", err)
			}
			for _, p := range packageRules(data, c.opt.Strict) {
				t.Error(p)
			}
			// The same framework, built again, exports to the same bytes.
			if second := conformExport(t, again[i]); !bytes.Equal(data, second) {
				t.Errorf("two exports differ:\n%s", cmp.Diff(string(data), string(second)))
			}
		})
	}
}

func TestOfficialSchema(t *testing.T) {
	_, official := officialSchema(t)
	for _, c := range conformCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if err := validateWith(official, conformExport(t, c)); err != nil {
				t.Errorf("invalid by 1EdTech's CASE 1.1 schema:\n%v", err)
			}
		})
	}
}

func TestTranscriptionAgreesWithOfficial(t *testing.T) {
	officialData, official := officialSchema(t)
	rulesData, rules := transcription(t)

	// Rule by rule: with annotations dropped and references resolved,
	// the two schemas are the same tree.
	if diff := cmp.Diff(schemaRules(t, officialData), schemaRules(t, rulesData)); diff != "" {
		t.Errorf("the transcription's rules differ from the official schema's (-official +transcription):\n%s", diff)
	}

	// Verdict by verdict on the corpus.
	corpus := conformCorpus(t)
	valid := 0
	for _, c := range corpus {
		errO := validateWith(official, c.data)
		errT := validateWith(rules, c.data)
		if (errO == nil) != (errT == nil) {
			t.Errorf("%s: official schema says %v, transcription says %v", c.name, verdict(errO), verdict(errT))
		}
		if (errO == nil) != c.valid {
			t.Errorf("%s: official schema says %v, want valid %v", c.name, verdict(errO), c.valid)
		}
		if errO == nil {
			valid++
		}
	}
	t.Logf("%d packages (%d valid, %d invalid) get the same verdict from both schemas", len(corpus), valid, len(corpus)-valid)
	if len(corpus) < 200 {
		t.Errorf("the corpus has %d packages, want at least 200", len(corpus))
	}
}

// TestTranscriptionCorpus runs the corpus against the transcription alone,
// so that CI, which has no official schema, checks it too.
func TestTranscriptionCorpus(t *testing.T) {
	_, rules := transcription(t)
	for _, c := range conformCorpus(t) {
		if err := validateWith(rules, c.data); (err == nil) != c.valid {
			t.Errorf("%s: transcription says %v, want valid %v", c.name, verdict(err), c.valid)
		}
	}
}

func verdict(err error) string {
	if err == nil {
		return "valid"
	}
	return "invalid (" + strings.ReplaceAll(err.Error(), "\n", " ") + ")"
}

// schemaRules returns the rules of a schema document: the root schema
// with every local reference replaced by the schema it names, and without
// annotations ($id, $schema, $defs, $comment, title, description).
func schemaRules(t *testing.T, data []byte) any {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	defs, _ := root["$defs"].(map[string]any)
	// norm normalizes a schema; names maps property names to schemas.
	var norm func(v any, depth int) any
	names := func(v any, depth int) any {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("properties %v are not an object", v)
		}
		out := map[string]any{}
		for k, x := range m {
			out[k] = norm(x, depth+1)
		}
		return out
	}
	norm = func(v any, depth int) any {
		if depth > 64 {
			t.Fatal("references nest too deeply (a cycle?)")
		}
		s, ok := v.(map[string]any)
		if !ok {
			return v // true or false
		}
		if ref, ok := s["$ref"].(string); ok {
			if len(s) != 1 {
				t.Errorf("$ref %s has siblings", ref)
			}
			name, ok := strings.CutPrefix(ref, "#/$defs/")
			if !ok || defs[name] == nil {
				t.Fatalf("$ref %s names no definition", ref)
			}
			return norm(defs[name], depth+1)
		}
		out := map[string]any{}
		for k, x := range s {
			switch k {
			case "$id", "$schema", "$defs", "$comment", "title", "description":
				// annotations
			case "properties":
				out[k] = names(x, depth)
			case "items", "additionalProperties":
				out[k] = norm(x, depth+1)
			case "oneOf", "anyOf", "allOf":
				var list []any
				for _, y := range x.([]any) {
					list = append(list, norm(y, depth+1))
				}
				out[k] = list
			default:
				out[k] = x // type, format, enum, pattern, required: values
			}
		}
		return out
	}
	return norm(root, 0)
}

// packageRules checks what the schema cannot: that every identifier is a
// lower-case UUID, every uri an absolute URI, no value null, no identifier
// used twice, every reference resolves to an object of the package with
// the same identifier, uri and title, the tree's isChildOf associations
// lead every item to the document, and every time has a zone. A strict
// package has no extensions. It returns the problems, each with its place.
func packageRules(data []byte, strict bool) []string {
	var probs []string
	add := func(ptr, format string, args ...any) {
		probs = append(probs, ptr+": "+fmt.Sprintf(format, args...))
	}

	// The generic tree: nulls, extensions, identifiers, URIs, times.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	var walk func(v any, ptr string, inExt bool)
	walk = func(v any, ptr string, inExt bool) {
		switch v := v.(type) {
		case nil:
			add(ptr, "null")
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(v)) {
				x, p := v[k], ptr+"/"+escapePointer(k)
				if k == "extensions" && !inExt && strict {
					add(p, "extensions in a strict package")
				}
				if !inExt {
					s, isString := x.(string)
					switch k {
					case "identifier", "rubricId", "rubricCriterionId":
						if !isString || !wlp.ValidUUID(s) {
							add(p, "%v is not a lower-case UUID", x)
						}
					case "uri":
						if u, err := url.Parse(s); !isString || err != nil || !u.IsAbs() || !uriChars(s) {
							add(p, "%q is not an absolute URI", x)
						}
					case "lastChangeDateTime":
						if _, err := time.Parse(time.RFC3339, s); !isString || err != nil {
							add(p, "%q is not an RFC 3339 time with a zone", x)
						}
					}
				}
				walk(x, p, inExt || k == "extensions")
			}
		case []any:
			for i, x := range v {
				walk(x, ptr+"/"+strconv.Itoa(i), inExt)
			}
		}
	}
	walk(tree, "", false)

	// The typed package: references.
	var p cfpackage.Package
	dec = json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return append(probs, "does not decode as a cfpackage.Package: "+err.Error())
	}
	type object struct {
		kind, ptr, uri, title string
	}
	objects := map[string]object{}
	register := func(kind, ptr, id, uri, title string) {
		if first, ok := objects[id]; ok {
			add(ptr, "identifier %s is already used by the %s at %s", id, first.kind, first.ptr)
			return
		}
		objects[id] = object{kind, ptr, uri, title}
	}
	itemTitle := func(it cfpackage.Item) string {
		if it.AbbreviatedStatement != "" {
			return it.AbbreviatedStatement
		}
		return it.FullStatement
	}
	register("document", "/CFDocument", p.Document.Identifier, p.Document.URI, p.Document.Title)
	for i, it := range p.Items {
		register("item", fmt.Sprintf("/CFItems/%d", i), it.Identifier, it.URI, itemTitle(it))
	}
	for i, a := range p.Associations {
		register("association", fmt.Sprintf("/CFAssociations/%d", i), a.Identifier, a.URI, "")
	}
	if p.Definitions != nil {
		for i, ty := range p.Definitions.CFItemTypes {
			register("item type", fmt.Sprintf("/CFDefinitions/CFItemTypes/%d", i), ty.Identifier, ty.URI, ty.Title)
		}
	}
	for i, r := range p.Rubrics {
		rp := fmt.Sprintf("/CFRubrics/%d", i)
		register("rubric", rp, r.Identifier, r.URI, r.Title)
		for j, c := range r.CFRubricCriteria {
			cp := fmt.Sprintf("%s/CFRubricCriteria/%d", rp, j)
			register("criterion", cp, c.Identifier, c.URI, "")
			if c.RubricID != r.Identifier {
				add(cp+"/rubricId", "%q, not the rubric's identifier %s", c.RubricID, r.Identifier)
			}
			for k, l := range c.CFRubricCriterionLevels {
				lp := fmt.Sprintf("%s/CFRubricCriterionLevels/%d", cp, k)
				register("level", lp, l.Identifier, l.URI, "")
				if l.RubricCriterionID != c.Identifier {
					add(lp+"/rubricCriterionId", "%q, not the criterion's identifier %s", l.RubricCriterionID, c.Identifier)
				}
			}
		}
	}
	resolve := func(ptr, id, uri, title string, kinds ...string) {
		o, ok := objects[id]
		switch {
		case !ok:
			add(ptr, "identifier %s names no object of the package", id)
		case !slices.Contains(kinds, o.kind):
			add(ptr, "identifier %s names the %s at %s, not a %s", id, o.kind, o.ptr, strings.Join(kinds, " or "))
		case o.uri != uri || o.title != title:
			add(ptr, "uri %q and title %q; the %s at %s has %q and %q", uri, title, o.kind, o.ptr, o.uri, o.title)
		}
	}
	link := func(ptr string, l *cfpackage.LinkURI, kinds ...string) {
		if l != nil {
			resolve(ptr, l.Identifier, l.URI, l.Title, kinds...)
		}
	}
	link("/CFDocument/licenseURI", p.Document.LicenseURI, "license")
	parent := map[string]string{} // item identifier -> isChildOf destination
	for i, it := range p.Items {
		ip := fmt.Sprintf("/CFItems/%d", i)
		link(ip+"/CFItemTypeURI", it.CFItemTypeURI, "item type")
		switch {
		case it.CFItemTypeURI != nil && it.CFItemType != it.CFItemTypeURI.Title:
			add(ip+"/CFItemType", "%q, but CFItemTypeURI names %q", it.CFItemType, it.CFItemTypeURI.Title)
		case (it.CFItemTypeURI == nil) != (it.CFItemType == ""):
			add(ip, "CFItemType %q without CFItemTypeURI, or the other way round", it.CFItemType)
		}
		link(ip+"/licenseURI", it.LicenseURI, "license")
		link(ip+"/conceptKeywordsURI", it.ConceptKeywordsURI, "concept")
	}
	for i, a := range p.Associations {
		ap := fmt.Sprintf("/CFAssociations/%d", i)
		for _, end := range []struct {
			name string
			n    cfpackage.NodeURI
		}{{"originNodeURI", a.OriginNodeURI}, {"destinationNodeURI", a.DestinationNodeURI}} {
			switch end.n.TargetType {
			case "", "CASE":
				resolve(ap+"/"+end.name, end.n.Identifier, end.n.URI, end.n.Title, "document", "item")
			case cfpackage.RubricTarget:
				resolve(ap+"/"+end.name, end.n.Identifier, end.n.URI, end.n.Title, "rubric")
			default:
				add(ap+"/"+end.name+"/targetType", "%q is not a target type an export writes", end.n.TargetType)
			}
		}
		if a.AssociationType == cfpackage.IsChildOf {
			o := a.OriginNodeURI.Identifier
			if _, dup := parent[o]; dup {
				add(ap, "item %s is a child twice", o)
			}
			parent[o] = a.DestinationNodeURI.Identifier
		}
	}
	for i, it := range p.Items {
		// Follow the parents to the document, at most once round the items.
		id, steps := it.Identifier, 0
		for ; id != p.Document.Identifier && steps <= len(p.Items); steps++ {
			next, ok := parent[id]
			if !ok {
				break
			}
			id = next
		}
		if id != p.Document.Identifier {
			add(fmt.Sprintf("/CFItems/%d", i), "item %s does not lead to the document through isChildOf (stopped at %s after %d steps)", it.Identifier, id, steps)
		}
	}
	for i, r := range p.Rubrics {
		for j, c := range r.CFRubricCriteria {
			link(fmt.Sprintf("/CFRubrics/%d/CFRubricCriteria/%d/CFItemURI", i, j), c.CFItemURI, "item")
		}
	}
	return probs
}

// uriChars reports whether s holds only the characters RFC 3986 allows in
// a URI, with every % followed by two hexadecimal digits. (url.Parse lets
// spaces, quotes and non-ASCII letters through.)
func uriChars(s string) bool {
	const allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;="
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
			i += 2
		case strings.IndexByte(allowed, s[i]) < 0:
			return false
		}
	}
	return true
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// escapePointer escapes a JSON pointer's reference token.
func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// TestPackageRulesCatchFaults makes sure packageRules finds each fault it
// looks for, in an otherwise good export.
func TestPackageRulesCatchFaults(t *testing.T) {
	good := conformExport(t, conformCase{name: "own-clusters", f: conformNew(t, conformSpec("own-clusters", "Own clusters"))})
	if probs := packageRules(good, false); len(probs) > 0 {
		t.Fatalf("the good package has problems: %q", probs)
	}
	tests := []struct {
		name   string
		strict bool
		edit   func(doc map[string]any)
		want   string // the problem, after the place
	}{
		{"upper-case identifier", false, func(d map[string]any) {
			it := at(d, "/CFItems/0")
			it["identifier"] = strings.ToUpper(it["identifier"].(string))
		}, "/CFItems/0/identifier: " + strings.ToUpper(at(decodeTree(t, good), "/CFItems/0")["identifier"].(string)) + " is not a lower-case UUID"},
		{"upper-case rubricId", false, func(d map[string]any) {
			c := at(d, "/CFRubrics/0/CFRubricCriteria/0")
			c["rubricId"] = strings.ToUpper(c["rubricId"].(string))
		}, "/CFRubrics/0/CFRubricCriteria/0/rubricId: "},
		{"empty uri", false, func(d map[string]any) { at(d, "/CFDocument")["uri"] = "" }, `/CFDocument/uri: "" is not an absolute URI`},
		{"relative uri", false, func(d map[string]any) { at(d, "/CFAssociations/1")["uri"] = "a/b" }, `/CFAssociations/1/uri: "a/b" is not an absolute URI`},
		{"uri with a space", false, func(d map[string]any) { at(d, "/CFItems/1")["uri"] = "https://x.example/a b" }, `/CFItems/1/uri: "https://x.example/a b" is not an absolute URI`},
		{"uri with a bad escape", false, func(d map[string]any) { at(d, "/CFItems/1")["uri"] = "https://x.example/a%2" }, `/CFItems/1/uri: "https://x.example/a%2" is not an absolute URI`},
		{"null", false, func(d map[string]any) { at(d, "/CFItems/2")["notes"] = nil }, "/CFItems/2/notes: null"},
		{"null in an extension", false, func(d map[string]any) { at(d, "/CFDocument")["extensions"] = map[string]any{"x": nil} }, "/CFDocument/extensions/x: null"},
		{"time without zone", false, func(d map[string]any) { at(d, "/CFRubrics/1")["lastChangeDateTime"] = "2024-01-02T03:04:05" }, `/CFRubrics/1/lastChangeDateTime: "2024-01-02T03:04:05" is not an RFC 3339 time with a zone`},
		{"extensions when strict", true, func(d map[string]any) {}, "/CFDocument/extensions: extensions in a strict package"},
		{"duplicate identifier", false, func(d map[string]any) {
			at(d, "/CFAssociations/3")["identifier"] = at(d, "/CFAssociations/2")["identifier"]
		}, "/CFAssociations/3: identifier "},
		{"dangling item type", false, func(d map[string]any) {
			at(d, "/CFItems/0/CFItemTypeURI")["identifier"] = "00000000-0000-4000-8000-000000000000"
		}, "/CFItems/0/CFItemTypeURI: identifier 00000000-0000-4000-8000-000000000000 names no object of the package"},
		{"wrong node title", false, func(d map[string]any) { at(d, "/CFAssociations/0/originNodeURI")["title"] = "Other" }, `/CFAssociations/0/originNodeURI: uri `},
		{"wrong node uri", false, func(d map[string]any) { at(d, "/CFAssociations/0/destinationNodeURI")["uri"] = "urn:x:y" }, `/CFAssociations/0/destinationNodeURI: uri "urn:x:y"`},
		{"item type name", false, func(d map[string]any) { at(d, "/CFItems/1")["CFItemType"] = "Other" }, `/CFItems/1/CFItemType: "Other", but CFItemTypeURI names`},
		{"rubricId", false, func(d map[string]any) {
			at(d, "/CFRubrics/1/CFRubricCriteria/0")["rubricId"] = at(d, "/CFRubrics/0")["identifier"]
		}, "/CFRubrics/1/CFRubricCriteria/0/rubricId: "},
		{"rubricCriterionId", false, func(d map[string]any) {
			at(d, "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/2")["rubricCriterionId"] = at(d, "/CFRubrics/0/CFRubricCriteria/1")["identifier"]
		}, "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/2/rubricCriterionId: "},
		{"criterion to a rubric", false, func(d map[string]any) {
			r := at(d, "/CFRubrics/0")
			at(d, "/CFRubrics/1/CFRubricCriteria/0")["CFItemURI"] = map[string]any{"identifier": r["identifier"], "uri": r["uri"], "title": r["title"]}
		}, "/CFRubrics/1/CFRubricCriteria/0/CFItemURI: identifier "},
		{"cut from the tree", false, func(d map[string]any) {
			as := d["CFAssociations"].([]any)
			d["CFAssociations"] = as[1:]
		}, "/CFItems/0: item "},
		{"unknown target type", false, func(d map[string]any) { at(d, "/CFAssociations/0/destinationNodeURI")["targetType"] = "ext:Other" }, `/CFAssociations/0/destinationNodeURI/targetType: "ext:Other"`},
		{"unknown field", false, func(d map[string]any) { at(d, "/CFItems/0")["CFDocumentURI"] = map[string]any{} }, `does not decode as a cfpackage.Package: json: unknown field "CFDocumentURI"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decodeTree(t, good)
			tt.edit(d)
			probs := packageRules(encodeTree(t, d), tt.strict)
			if !slices.ContainsFunc(probs, func(p string) bool { return strings.HasPrefix(p, tt.want) }) {
				t.Errorf("problems %q; want one that starts %q", probs, tt.want)
			}
		})
	}
}

// decodeTree decodes a JSON object, keeping numbers as written.
func decodeTree(t testing.TB, data []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var d map[string]any
	if err := dec.Decode(&d); err != nil {
		t.Fatal(err)
	}
	return d
}

func encodeTree(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// at returns the object at the JSON pointer ptr of d; it panics if there
// is none, which in a test is a fault of the test.
func at(d map[string]any, ptr string) map[string]any {
	var v any = d
	for _, tok := range strings.Split(ptr, "/")[1:] {
		switch x := v.(type) {
		case map[string]any:
			v = x[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i >= len(x) {
				panic("no " + ptr)
			}
			v = x[i]
		}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		panic("no object at " + ptr)
	}
	return obj
}

// corpusCase is one package of the corpus and whether CASE 1.1 holds it
// valid.
type corpusCase struct {
	name  string
	data  []byte
	valid bool
}

// corpusClasses lists, for each CASE class, an object of it in the corpus
// base package and its required fields.
var corpusClasses = []struct {
	class, ptr string
	required   []string
}{
	{"CFPackage", "", []string{"CFDocument"}},
	{"CFDocument", "/CFDocument", []string{"identifier", "uri", "creator", "title", "lastChangeDateTime"}},
	{"CFItem", "/CFItems/3", []string{"identifier", "fullStatement", "uri", "lastChangeDateTime"}},
	{"CFAssociation", "/CFAssociations/0", []string{"identifier", "associationType", "uri", "originNodeURI", "destinationNodeURI", "lastChangeDateTime"}},
	{"CFDefinitions", "/CFDefinitions", nil},
	{"CFItemType", "/CFDefinitions/CFItemTypes/0", []string{"identifier", "uri", "title", "description", "hierarchyCode", "lastChangeDateTime"}},
	{"CFConcept", "/CFDefinitions/CFConcepts/0", []string{"identifier", "uri", "title", "hierarchyCode", "lastChangeDateTime"}},
	{"CFSubject", "/CFDefinitions/CFSubjects/0", []string{"identifier", "uri", "title", "hierarchyCode", "lastChangeDateTime"}},
	{"CFLicense", "/CFDefinitions/CFLicenses/0", []string{"identifier", "uri", "title", "licenseText", "lastChangeDateTime"}},
	{"CFAssociationGrouping", "/CFDefinitions/CFAssociationGroupings/0", []string{"identifier", "uri", "title", "lastChangeDateTime"}},
	{"CFRubric", "/CFRubrics/0", []string{"identifier", "uri", "lastChangeDateTime"}},
	{"CFRubricCriterion", "/CFRubrics/0/CFRubricCriteria/0", []string{"identifier", "uri", "lastChangeDateTime"}},
	{"CFRubricCriterionLevel", "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/1", []string{"identifier", "uri", "lastChangeDateTime"}},
	{"LinkURI", "/CFItems/3/CFItemTypeURI", []string{"title", "identifier", "uri"}},
	{"LinkGenURI", "/CFAssociations/0/originNodeURI", []string{"title", "identifier", "uri"}},
}

// corpusBase is the package the corpus mutates: an export of a small
// framework, with every optional field CASE 1.1 has filled in (the
// definitions' other vocabularies too), so that each can be dropped,
// nulled and mistyped.
func corpusBase(t testing.TB) map[string]any {
	t.Helper()
	f := conformNew(t, conformSpec("corpus", "Corpus"))
	d := decodeTree(t, conformExport(t, conformCase{name: "corpus", f: f, opt: cfpackage.ExportOptions{BaseURI: "https://case.example.org/"}}))
	const when = "2024-05-06T07:08:09+02:00"
	link := func(n int, title string) map[string]any {
		id := fmt.Sprintf("0c7a4d1e-5b2f-4e6a-9d3c-%012x", n)
		return map[string]any{"title": title, "identifier": id, "uri": "https://case.example.org/" + id}
	}
	object := func(n int, fields map[string]any) map[string]any {
		l := link(n, "")
		fields["identifier"], fields["uri"], fields["lastChangeDateTime"] = l["identifier"], l["uri"], when
		fields["extensions"] = map[string]any{"corpus": true}
		return fields
	}
	defs := at(d, "/CFDefinitions")
	defs["CFConcepts"] = []any{object(1, map[string]any{"title": "Wood", "keywords": "oak|ash", "hierarchyCode": "1", "description": "Timber."})}
	defs["CFSubjects"] = []any{object(2, map[string]any{"title": "Crafts", "hierarchyCode": "2", "description": "Handwork."})}
	defs["CFLicenses"] = []any{object(3, map[string]any{"title": "CC BY 4.0", "description": "Attribution.", "licenseText": "https://creativecommons.org/licenses/by/4.0/"})}
	defs["CFAssociationGroupings"] = []any{object(4, map[string]any{"title": "Pathways", "description": "Grouped links."})}
	defs["extensions"] = map[string]any{"corpus": 1}
	ty := at(d, "/CFDefinitions/CFItemTypes/0")
	ty["typeCode"], ty["extensions"] = "cluster", map[string]any{}
	doc := at(d, "/CFDocument")
	for k, v := range map[string]any{
		"frameworkType": "Competencies", "officialSourceURL": "https://example.org/source", "publisher": "wlp tests",
		"subject": []any{"Crafts"}, "subjectURI": []any{link(2, "Crafts")}, "language": "en", "adoptionStatus": "Draft",
		"statusStartDate": "2024-01-01", "statusEndDate": "2030-12-31", "licenseURI": link(3, "CC BY 4.0"), "notes": "Notes.",
	} {
		doc[k] = v
	}
	it := at(d, "/CFItems/3")
	for k, v := range map[string]any{
		"alternativeLabel": "Skill", "listEnumeration": "1", "conceptKeywords": []any{"oak", "ash"}, "conceptKeywordsURI": link(1, "Wood"),
		"notes": "Notes.", "subject": []any{"Crafts"}, "subjectURI": []any{link(2, "Crafts")}, "language": "en",
		"educationLevel": []any{"09", "10"}, "licenseURI": link(3, "CC BY 4.0"), "statusStartDate": "2024-01-01",
		"statusEndDate": "2030-12-31", "extensions": map[string]any{"corpus": []any{1, "two"}},
	} {
		it[k] = v
	}
	as := at(d, "/CFAssociations/0")
	as["CFAssociationGroupingURI"], as["notes"], as["extensions"] = link(4, "Pathways"), "Notes.", map[string]any{}
	lv := at(d, "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/1")
	lv["feedback"], lv["extensions"] = "Keep going.", []any{map[string]any{"corpus": true}}
	d["extensions"] = map[string]any{"corpus": "package"}
	return d
}

// conformCorpus returns packages made by mutating exported ones, each with
// the verdict CASE 1.1's schema gives it.
func conformCorpus(t testing.TB) []corpusCase {
	t.Helper()
	baseData := encodeTree(t, corpusBase(t))
	var out []corpusCase
	add := func(name string, valid bool, edit func(d map[string]any) any) {
		d := decodeTree(t, baseData)
		var v any = d
		if edit != nil {
			v = edit(d)
		}
		out = append(out, corpusCase{name: name, data: encodeTree(t, v), valid: valid})
	}
	set := func(ptr, key string, value any) func(d map[string]any) any {
		return func(d map[string]any) any {
			at(d, ptr)[key] = value
			return d
		}
	}

	add("base", true, nil)
	for _, c := range conformCases(t) {
		if strings.HasPrefix(c.name, "default/") || strings.HasPrefix(c.name, "learning2/") {
			continue // large; TestExportValidates and TestOfficialSchema run them
		}
		out = append(out, corpusCase{name: "export " + c.name, data: conformExport(t, c), valid: true})
	}

	// Each class: drop each field, null it, add a field CASE does not have.
	base := decodeTree(t, baseData)
	for _, c := range corpusClasses {
		obj := base
		if c.ptr != "" {
			obj = at(base, c.ptr)
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			add(fmt.Sprintf("%s: without %s", c.class, k), !slices.Contains(c.required, k), func(d map[string]any) any {
				o := d
				if c.ptr != "" {
					o = at(d, c.ptr)
				}
				delete(o, k)
				return d
			})
			add(fmt.Sprintf("%s: %s null", c.class, k), false, func(d map[string]any) any {
				o := d
				if c.ptr != "" {
					o = at(d, c.ptr)
				}
				o[k] = nil
				return d
			})
		}
		add(c.class+": unknown field", false, func(d map[string]any) any {
			o := d
			if c.ptr != "" {
				o = at(d, c.ptr)
			}
			o["unknownField"] = "x"
			return d
		})
		if _, ok := obj["identifier"]; ok {
			id := obj["identifier"].(string)
			// The schema's uuid format ignores case: lower case is the
			// exporter's rule (packageRules), not the schema's.
			add(c.class+": upper-case identifier", true, set(c.ptr, "identifier", strings.ToUpper(id)))
			generic := c.class == "LinkGenURI" // any string may identify a node
			add(c.class+": identifier not a UUID", generic, set(c.ptr, "identifier", "competency-1"))
			add(c.class+": identifier without hyphens", generic, set(c.ptr, "identifier", strings.ReplaceAll(id, "-", "")))
			add(c.class+": identifier in braces", generic, set(c.ptr, "identifier", "{"+id+"}"))
		}
		if _, ok := obj["lastChangeDateTime"]; ok {
			for _, tc := range []struct {
				when  string
				valid bool
			}{
				{"2024-01-02T03:04:05", false},
				{"2024-01-02", false},
				{"2024-01-02 03:04:05Z", false},
				{"2024-01-02T03:04:05.123456+05:30", true},
				{"2024-01-02t03:04:05z", true},
				{"2024-02-30T00:00:00Z", false},
				{"2024-01-02T25:00:00Z", false},
			} {
				add(fmt.Sprintf("%s: lastChangeDateTime %s", c.class, tc.when), tc.valid, set(c.ptr, "lastChangeDateTime", tc.when))
			}
		}
	}
	add("CFItem: CFDocumentURI", false, set("/CFItems/0", "CFDocumentURI", map[string]any{}))
	add("CFAssociation: CFDocumentURI", false, set("/CFAssociations/0", "CFDocumentURI", map[string]any{}))
	add("CFDocument: CFPackageURI", false, set("/CFDocument", "CFPackageURI", map[string]any{}))

	// associationType and targetType: CASE's values, ext: values and others.
	for _, ty := range []string{"isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf"} {
		add("associationType "+ty, true, set("/CFAssociations/0", "associationType", ty))
	}
	for _, tc := range []struct {
		value any
		valid bool
	}{
		{"ext:wlpBlends", true},
		{"ext:has-skill.level_2", true},
		{"ext:", false},
		{"ext", false},
		{"x-ext:y", true}, // the schema's pattern is not anchored
		{"isParentOf", false},
		{"ischildof", false},
		{"IsChildOf", false},
		{"", false},
		{3, false},
	} {
		add(fmt.Sprintf("associationType %v", tc.value), tc.valid, set("/CFAssociations/0", "associationType", tc.value))
	}
	for _, tc := range []struct {
		value any
		valid bool
	}{
		{"CASE", true},
		{"ext:CFRubric", true},
		{"ext:URL", true},
		{"case", false},
		{"URL", false},
		{"", false},
		{"ext:", false},
		{true, false},
	} {
		add(fmt.Sprintf("originNodeURI targetType %v", tc.value), tc.valid, set("/CFAssociations/0/originNodeURI", "targetType", tc.value))
		add(fmt.Sprintf("destinationNodeURI targetType %v", tc.value), tc.valid, set("/CFAssociations/0/destinationNodeURI", "targetType", tc.value))
	}

	// Values of the wrong kind.
	for _, tc := range []struct {
		name, ptr, key string
		value          any
		valid          bool
	}{
		{"caseVersion 1.0", "/CFDocument", "caseVersion", "1.0", false},
		{"caseVersion 1.1", "/CFDocument", "caseVersion", "1.1", true},
		{"caseVersion as a number", "/CFDocument", "caseVersion", json.Number("1.1"), false},
		{"CFDefinitions []", "", "CFDefinitions", []any{}, false},
		{"CFDefinitions {}", "", "CFDefinitions", map[string]any{}, true},
		{"CFItemTypes as an object", "/CFDefinitions", "CFItemTypes", map[string]any{}, false},
		{"CFItems []", "", "CFItems", []any{}, true},
		{"CFItems as an object", "", "CFItems", map[string]any{}, false},
		{"CFItems [null]", "", "CFItems", []any{nil}, false},
		{"CFRubrics []", "", "CFRubrics", []any{}, true},
		{"CFAssociations [{}]", "", "CFAssociations", []any{map[string]any{}}, false},
		{"package extensions as a list", "", "extensions", []any{map[string]any{}}, false},
		{"package extensions with a null", "", "extensions", map[string]any{"x": nil}, true},
		{"document extensions a string", "/CFDocument", "extensions", "wlp", false},
		{"item extensions as a list", "/CFItems/0", "extensions", []any{map[string]any{}}, false},
		{"item extensions {}", "/CFItems/0", "extensions", map[string]any{}, true},
		{"level extensions as an object", "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0", "extensions", map[string]any{"wlp": map[string]any{}}, false},
		{"level extensions as a list of objects", "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0", "extensions", []any{map[string]any{"wlp": 1}, map[string]any{}}, true},
		{"level extensions as a list of strings", "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0", "extensions", []any{"wlp"}, false},
		{"criterion extensions as a list", "/CFRubrics/0/CFRubricCriteria/0", "extensions", []any{map[string]any{}}, false},
		{"position 1.5", "/CFRubrics/0/CFRubricCriteria/0", "position", json.Number("1.5"), false},
		{"position 2.0", "/CFRubrics/0/CFRubricCriteria/0", "position", json.Number("2.0"), true},
		{"position -3", "/CFRubrics/0/CFRubricCriteria/0", "position", json.Number("-3"), true},
		{"position \"2\"", "/CFRubrics/0/CFRubricCriteria/0", "position", "2", false},
		{"level position 0.5", "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0", "position", json.Number("0.5"), false},
		{"weight \"2\"", "/CFRubrics/0/CFRubricCriteria/0", "weight", "2", false},
		{"weight 0", "/CFRubrics/0/CFRubricCriteria/0", "weight", json.Number("0"), true},
		{"weight 1e-7", "/CFRubrics/0/CFRubricCriteria/0", "weight", json.Number("1e-7"), true},
		{"weight true", "/CFRubrics/0/CFRubricCriteria/0", "weight", true, false},
		{"score \"1\"", "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0", "score", "1", false},
		{"score 0.25", "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0", "score", json.Number("0.25"), true},
		{"sequenceNumber 1.5", "/CFAssociations/0", "sequenceNumber", json.Number("1.5"), false},
		{"sequenceNumber \"1\"", "/CFAssociations/0", "sequenceNumber", "1", false},
		{"rubricId not a UUID", "/CFRubrics/0/CFRubricCriteria/0", "rubricId", "rubric-1", false},
		{"rubricCriterionId not a UUID", "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0", "rubricCriterionId", "criterion-1", false},
		{"statusStartDate a leap day", "/CFItems/3", "statusStartDate", "2024-02-29", true},
		{"statusStartDate not a day", "/CFItems/3", "statusStartDate", "2023-02-29", false},
		{"statusStartDate a date-time", "/CFItems/3", "statusStartDate", "2024-01-02T00:00:00Z", false},
		{"statusEndDate a date-time", "/CFDocument", "statusEndDate", "2024-01-02T00:00:00Z", false},
		{"conceptKeywords a string", "/CFItems/3", "conceptKeywords", "oak", false},
		{"educationLevel numbers", "/CFItems/3", "educationLevel", []any{json.Number("9")}, false},
		{"subject a string", "/CFDocument", "subject", "Crafts", false},
		{"subjectURI an object", "/CFDocument", "subjectURI", map[string]any{}, false},
		{"fullStatement empty", "/CFItems/0", "fullStatement", "", true},
		{"fullStatement a number", "/CFItems/0", "fullStatement", json.Number("5"), false},
		{"uri empty", "/CFItems/0", "uri", "", true},                                              // the schema has no URI format; packageRules checks it
		{"uri relative", "/CFItems/0", "uri", "items/1", true},                                    // likewise
		{"officialSourceURL not a URL", "/CFDocument", "officialSourceURL", "see the site", true}, // likewise
		{"LinkURI with targetType", "/CFItems/3/CFItemTypeURI", "targetType", "CASE", false},
		{"CFItemTypeURI a string", "/CFItems/3", "CFItemTypeURI", "urn:x", false},
	} {
		add(tc.name, tc.valid, set(tc.ptr, tc.key, tc.value))
	}

	// Whole packages.
	add("a CFPackage wrapper", false, func(d map[string]any) any { return map[string]any{"CFPackage": d} })
	add("CFDocument alone", true, func(d map[string]any) any { return map[string]any{"CFDocument": d["CFDocument"]} })
	add("an array", false, func(d map[string]any) any { return []any{d} })
	add("a string", false, func(d map[string]any) any { return "CFPackage" })
	return out
}
