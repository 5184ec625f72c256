package cfpackage_test

// What Export writes for the default framework: its items, tree, rubrics
// and associations, and how the options change it.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// exportDefault exports the default framework with opt.
func exportDefault(t testing.TB, opt *cfpackage.ExportOptions) *cfpackage.Package {
	t.Helper()
	p, err := cfpackage.Export(wlp.Default(), opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// itemsByCode indexes a package's items by human coding scheme; codes are
// unique in an export.
func itemsByCode(t testing.TB, p *cfpackage.Package) map[string]cfpackage.Item {
	t.Helper()
	out := map[string]cfpackage.Item{}
	for _, it := range p.Items {
		if _, dup := out[it.HumanCodingScheme]; dup {
			t.Errorf("two items have the code %q", it.HumanCodingScheme)
		}
		out[it.HumanCodingScheme] = it
	}
	return out
}

func TestExportItemCounts(t *testing.T) {
	f := wlp.Default()
	p := exportDefault(t, nil)
	behaviors, technologies := 0, 0
	for _, c := range f.Competencies() {
		behaviors += len(c.Behaviors)
	}
	for _, a := range f.Areas() {
		behaviors += len(a.Behaviors)
		if a.Technologies != "" {
			technologies++
		}
	}
	if behaviors == 0 || technologies != 9 {
		t.Fatalf("the default model has %d behaviours and %d technologies notes", behaviors, technologies)
	}
	got := map[string]int{}
	for _, it := range p.Items {
		got[it.CFItemType]++
	}
	want := map[string]int{
		cfpackage.TypeCluster:      3,
		cfpackage.TypeCompetency:   12,
		cfpackage.TypeArea:         9,
		cfpackage.TypeRole:         4,
		cfpackage.TypeJob:          1, // role/default.go: the CLO
		cfpackage.TypeBehavior:     behaviors,
		cfpackage.TypeTechnologies: technologies,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("items by type (-want +got):\n%s", diff)
	}

	// The other lists: one item type of each, in hierarchy order; one
	// isChildOf for each item, an isRelatedTo from each role and job to
	// its rubric, an isPartOf for each share of a job; a rubric for each
	// role and job.
	var types []string
	for i, ty := range p.Definitions.CFItemTypes {
		types = append(types, ty.Title)
		if ty.HierarchyCode != strconv.Itoa(i+1) {
			t.Errorf("item type %q: hierarchy code %q, want %d", ty.Title, ty.HierarchyCode, i+1)
		}
		if ty.Description == "" {
			t.Errorf("item type %q has no description", ty.Title)
		}
	}
	wantTypes := []string{cfpackage.TypeCluster, cfpackage.TypeCompetency, cfpackage.TypeArea, cfpackage.TypeRole,
		cfpackage.TypeJob, cfpackage.TypeBehavior, cfpackage.TypeTechnologies}
	if diff := cmp.Diff(wantTypes, types); diff != "" {
		t.Errorf("item types (-want +got):\n%s", diff)
	}
	assoc := map[string]int{}
	for _, a := range p.Associations {
		assoc[a.AssociationType]++
	}
	wantAssoc := map[string]int{cfpackage.IsChildOf: len(p.Items), cfpackage.IsRelatedTo: 5, cfpackage.IsPartOf: 4}
	if diff := cmp.Diff(wantAssoc, assoc); diff != "" {
		t.Errorf("associations by type (-want +got):\n%s", diff)
	}
	if len(p.Rubrics) != 5 {
		t.Errorf("%d rubrics, want 5 (4 roles and the CLO job)", len(p.Rubrics))
	}
}

// children returns, for each parent's code ("" for the document), the
// codes of the origins of its associations of type typ, in order of
// sequence number, and checks the numbers run 1..n in package order.
func children(t testing.TB, p *cfpackage.Package, typ string) map[string][]string {
	t.Helper()
	code := map[string]string{p.Document.Identifier: ""}
	for _, it := range p.Items {
		code[it.Identifier] = it.HumanCodingScheme
	}
	out := map[string][]string{}
	for i, a := range p.Associations {
		if a.AssociationType != typ {
			continue
		}
		parent, ok := code[a.DestinationNodeURI.Identifier]
		if !ok {
			t.Errorf("association %d: the destination %s is not the document or an item", i, a.DestinationNodeURI.Identifier)
			continue
		}
		n := len(out[parent]) + 1
		if a.SequenceNumber == nil || *a.SequenceNumber != n {
			t.Errorf("association %d (%s of %q): sequence number %v, want %d", i, typ, parent, a.SequenceNumber, n)
		}
		out[parent] = append(out[parent], code[a.OriginNodeURI.Identifier])
	}
	return out
}

func TestExportTree(t *testing.T) {
	f := wlp.Default()
	p := exportDefault(t, nil)
	want := map[string][]string{}
	for _, c := range f.Clusters() {
		want[""] = append(want[""], string(c.ID))
	}
	for _, c := range f.Competencies() {
		want[string(c.Cluster)] = append(want[string(c.Cluster)], string(c.ID))
		for i := range c.Behaviors {
			want[string(c.ID)] = append(want[string(c.ID)], fmt.Sprintf("%s.%d", c.ID, i+1))
		}
	}
	for _, a := range f.Areas() {
		want[""] = append(want[""], string(a.ID))
		for i := range a.Behaviors {
			want[string(a.ID)] = append(want[string(a.ID)], fmt.Sprintf("%s.%d", a.ID, i+1))
		}
		want[string(a.ID)] = append(want[string(a.ID)], string(a.ID)+".technologies")
	}
	for _, r := range f.Roles() {
		want[""] = append(want[""], string(r.ID))
	}
	for _, j := range f.Jobs() {
		want[""] = append(want[""], string(j.ID))
	}
	if diff := cmp.Diff(want, children(t, p, cfpackage.IsChildOf)); diff != "" {
		t.Errorf("isChildOf children by parent, in sequence order (-want +got):\n%s", diff)
	}

	// Said plainly: every competency is a child of its cluster's item.
	items := itemsByCode(t, p)
	parent := map[string]string{}
	for _, a := range p.Associations {
		if a.AssociationType == cfpackage.IsChildOf {
			parent[a.OriginNodeURI.Identifier] = a.DestinationNodeURI.Identifier
		}
	}
	for _, c := range f.Competencies() {
		it, cl := items[string(c.ID)], items[string(c.Cluster)]
		if it.CFItemType != cfpackage.TypeCompetency || cl.CFItemType != cfpackage.TypeCluster {
			t.Errorf("%s: item types %q and %q", c.ID, it.CFItemType, cl.CFItemType)
		}
		if parent[it.Identifier] != cl.Identifier {
			t.Errorf("%s is a child of %s, want its cluster %s's item %s", c.ID, parent[it.Identifier], c.Cluster, cl.Identifier)
		}
		if it.AbbreviatedStatement != c.Name || it.FullStatement != c.Summary {
			t.Errorf("%s: statements %q and %q, want the name and summary", c.ID, it.AbbreviatedStatement, it.FullStatement)
		}
	}
}

// criterionRow is what a reader sees of a criterion.
type criterionRow struct {
	Position    int
	Category    string
	Item        string // the code of the item CFItemURI points at
	Weight      float64
	Description string
	Levels      []levelRow
}

type levelRow struct {
	Position int
	Quality  string
	Score    float64
}

// rubricRows returns the rubric of the role or job with the given code,
// found through its isRelatedTo association, as rows.
func rubricRows(t testing.TB, p *cfpackage.Package, code string) (cfpackage.Rubric, []criterionRow) {
	t.Helper()
	items := itemsByCode(t, p)
	byID := map[string]string{}
	for _, it := range p.Items {
		byID[it.Identifier] = it.HumanCodingScheme
	}
	var rb *cfpackage.Rubric
	for _, a := range p.Associations {
		if a.AssociationType == cfpackage.IsRelatedTo && a.OriginNodeURI.Identifier == items[code].Identifier {
			if a.DestinationNodeURI.TargetType != cfpackage.RubricTarget {
				t.Errorf("%s: the association to its rubric has target type %q", code, a.DestinationNodeURI.TargetType)
			}
			for i := range p.Rubrics {
				if p.Rubrics[i].Identifier == a.DestinationNodeURI.Identifier {
					rb = &p.Rubrics[i]
				}
			}
		}
	}
	if rb == nil {
		t.Fatalf("%s: no rubric related to its item", code)
	}
	var rows []criterionRow
	for _, c := range rb.CFRubricCriteria {
		r := criterionRow{Category: c.Category, Description: c.Description}
		if c.Position != nil {
			r.Position = *c.Position
		}
		if c.Weight != nil {
			r.Weight = *c.Weight
		}
		if c.CFItemURI != nil {
			r.Item = byID[c.CFItemURI.Identifier]
		}
		for _, l := range c.CFRubricCriterionLevels {
			lr := levelRow{Quality: l.Quality}
			if l.Position != nil {
				lr.Position = *l.Position
			}
			if l.Score != nil {
				lr.Score = *l.Score
			}
			r.Levels = append(r.Levels, lr)
		}
		rows = append(rows, r)
	}
	return *rb, rows
}

// wantLevels is the scale with the score each level earns on a criterion
// that needs need: min(level, need) / need.
func wantLevels(need competency.Level) []levelRow {
	var out []levelRow
	for _, l := range competency.DefaultScale().Levels {
		out = append(out, levelRow{Position: int(l.Level), Quality: l.Name, Score: float64(min(l.Level, need)) / float64(need)})
	}
	return out
}

// approx compares floats to a few ulps: weights like 2/7 are computed.
var approx = cmp.Comparer(func(a, b float64) bool { return a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b)) })

func TestExportRoleRubrics(t *testing.T) {
	f := wlp.Default()
	p := exportDefault(t, nil)
	for _, r := range f.Roles() {
		t.Run(string(r.ID), func(t *testing.T) {
			rb, got := rubricRows(t, p, string(r.ID))
			if rb.Title != r.Name+": requirements" || !strings.Contains(rb.Description, "divided by the level needed") {
				t.Errorf("title %q, description %q", rb.Title, rb.Description)
			}
			var want []criterionRow
			for i, req := range r.Requirements {
				category, weight := "", req.Weight
				if len(req.Of) > 1 {
					category = fmt.Sprintf("requirement %d: %d of %d at level %d", i+1, req.K(), len(req.Of), req.Level)
					weight = req.Weight / float64(req.K())
				}
				for _, id := range req.Of {
					want = append(want, criterionRow{
						Position: len(want) + 1, Category: category, Item: string(id), Weight: weight,
						Description: req.Why, Levels: wantLevels(req.Level),
					})
				}
			}
			if diff := cmp.Diff(want, got, approx); diff != "" {
				t.Errorf("criteria (-want +got):\n%s", diff)
			}
		})
	}

	// Two criteria written out by hand.
	_, strategist := rubricRows(t, p, string(role.LearningStrategist))
	first := criterionRow{
		Position: 1, Item: string(competency.ThinkingStrategically), Weight: 3,
		Description: "Setting direction for learning means reading the forces that shape the business and aligning with its strategy.",
		Levels: []levelRow{
			{0, "not demonstrated", 0}, {1, "novice", 0.25}, {2, "advanced beginner", 0.5},
			{3, "competent", 0.75}, {4, "proficient", 1}, {5, "expert", 1},
		},
	}
	if diff := cmp.Diff(first, strategist[0]); diff != "" {
		t.Errorf("the learning strategist's first criterion (-want +got):\n%s", diff)
	}
	_, specialist := rubricRows(t, p, string(role.ProfessionalSpecialist))
	for i, id := range aoe.IDs() {
		got := specialist[i]
		if got.Category != "requirement 1: 1 of 9 at level 5" || got.Weight != 4 || got.Item != string(id) || got.Position != i+1 {
			t.Errorf("specialist criterion %d: %+v, want %s in group 1 of 9 at level 5, weight 4", i+1, got, id)
		}
		if scores := []float64{0, 0.2, 0.4, 0.6, 0.8, 1}; !cmp.Equal(levelScores(got.Levels), scores, approx) {
			t.Errorf("specialist criterion %d: scores %v, want %v", i+1, levelScores(got.Levels), scores)
		}
	}
}

func levelScores(ls []levelRow) []float64 {
	var out []float64
	for _, l := range ls {
		out = append(out, l.Score)
	}
	return out
}

func TestExportCLO(t *testing.T) {
	p := exportDefault(t, nil)
	rb, got := rubricRows(t, p, string(role.CLO))
	if rb.Title != "Chief learning officer: requirements" || !strings.Contains(rb.Description, `the category "role"`) {
		t.Errorf("title %q, description %q", rb.Title, rb.Description)
	}
	clo, _ := wlp.Default().Job(role.CLO)
	var shares []criterionRow
	for i, sh := range clo.Roles {
		shares = append(shares, criterionRow{Position: i + 1, Category: "role", Item: string(sh.Role), Weight: sh.Weight, Description: sh.Why})
	}
	if diff := cmp.Diff(shares, got[:len(shares)]); diff != "" {
		t.Errorf("share criteria (-want +got):\n%s", diff)
	}
	// The same, by hand.
	want := []struct {
		item   role.ID
		weight float64
	}{{role.LearningStrategist, 3}, {role.BusinessPartner, 3}, {role.ProjectManager, 1}, {role.ProfessionalSpecialist, 1}}
	for i, w := range want {
		if got[i].Item != string(w.item) || got[i].Weight != w.weight || got[i].Levels != nil {
			t.Errorf("criterion %d: %+v, want role %s weight %v without levels", i+1, got[i], w.item, w.weight)
		}
	}
	// Then the job's own needs: two single ones at expert, 7 of the 9
	// areas at advanced beginner, 10 of the 12 competencies at proficient.
	own := got[len(shares):]
	if len(own) != 2+9+12 {
		t.Fatalf("%d criteria of the job's own, want 23", len(own))
	}
	for i, w := range []struct {
		i        int
		category string
		weight   float64
		need     competency.Level
	}{
		{0, "", 2, competency.Expert},
		{1, "", 2, competency.Expert},
		{2, "requirement 3: 7 of 9 at level 2", 2.0 / 7, competency.AdvancedBeginner},
		{10, "requirement 3: 7 of 9 at level 2", 2.0 / 7, competency.AdvancedBeginner},
		{11, "requirement 4: 10 of 12 at level 4", 0.2, competency.Proficient},
		{22, "requirement 4: 10 of 12 at level 4", 0.2, competency.Proficient},
	} {
		c := own[w.i]
		if c.Category != w.category || !cmp.Equal(c.Weight, w.weight, approx) || !cmp.Equal(c.Levels, wantLevels(w.need), approx) {
			t.Errorf("own criterion %d (case %d): %+v, want category %q, weight %v, levels for %d", w.i, i, c, w.category, w.weight, w.need)
		}
	}

	// isPartOf: each role the job blends is part of the job, in share order.
	if diff := cmp.Diff(map[string][]string{string(role.CLO): {
		string(role.LearningStrategist), string(role.BusinessPartner), string(role.ProjectManager), string(role.ProfessionalSpecialist),
	}}, children(t, p, cfpackage.IsPartOf)); diff != "" {
		t.Errorf("isPartOf (-want +got):\n%s", diff)
	}
}

func TestExportExtensions(t *testing.T) {
	f := wlp.Default()
	p := exportDefault(t, nil)
	ext := func(e cfpackage.Extensions, v any) {
		t.Helper()
		if err := json.Unmarshal(e[cfpackage.ExtensionName], v); err != nil {
			t.Fatalf("extension %s: %v", e[cfpackage.ExtensionName], err)
		}
	}
	var doc struct{ ID string }
	ext(p.Document.Extensions, &doc)
	if doc.ID != wlp.DefaultID {
		t.Errorf("the document's extension has ID %q, want %q", doc.ID, wlp.DefaultID)
	}
	// Each rubric's extension keeps its role or job exactly.
	type rubricExt struct {
		Role, Job    role.ID
		Roles        []role.Share
		Requirements []role.Requirement
	}
	var got []rubricExt
	for _, rb := range p.Rubrics {
		var e rubricExt
		ext(rb.Extensions, &e)
		got = append(got, e)
		for i, c := range rb.CFRubricCriteria {
			var ce struct{ Requirement, Share *int }
			ext(c.Extensions, &ce)
			if (ce.Requirement == nil) == (ce.Share == nil) {
				t.Errorf("%s criterion %d: extension %s names neither or both a requirement and a share", rb.Title, i+1, c.Extensions[cfpackage.ExtensionName])
			}
		}
	}
	var want []rubricExt
	for _, r := range f.Roles() {
		want = append(want, rubricExt{Role: r.ID, Requirements: r.Requirements})
	}
	for _, j := range f.Jobs() {
		want = append(want, rubricExt{Job: j.ID, Roles: j.Roles, Requirements: j.Requirements})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rubric extensions (-want +got):\n%s", diff)
	}
}

func TestExportStrict(t *testing.T) {
	var loose, strict bytes.Buffer
	if err := cfpackage.Encode(&loose, exportDefault(t, nil)); err != nil {
		t.Fatal(err)
	}
	if err := cfpackage.Encode(&strict, exportDefault(t, &cfpackage.ExportOptions{Strict: true})); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(loose.Bytes(), []byte(`"extensions"`)) {
		t.Fatal("the package without Strict has no extensions")
	}
	// Strict loses the extensions and nothing else.
	want := decodeTree(t, loose.Bytes())
	stripExtensions(want)
	if diff := cmp.Diff(want, decodeTree(t, strict.Bytes())); diff != "" {
		t.Errorf("strict package, against the other without its extensions (-want +got):\n%s", diff)
	}
}

func stripExtensions(v any) {
	switch v := v.(type) {
	case map[string]any:
		delete(v, "extensions")
		for _, x := range v {
			stripExtensions(x)
		}
	case []any:
		for _, x := range v {
			stripExtensions(x)
		}
	}
}

// identified calls fn for every object of the tree v (outside extensions)
// that has an identifier and a uri.
func identified(v any, fn func(obj map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["identifier"]; ok {
			if _, ok := v["uri"]; ok {
				fn(v)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if k != "extensions" {
				identified(v[k], fn)
			}
		}
	case []any:
		for _, x := range v {
			identified(x, fn)
		}
	}
}

func TestExportBaseURI(t *testing.T) {
	tests := []struct {
		base, prefix string
	}{
		{"", "urn:uuid:"},
		{"https://case.example.org/uri/", "https://case.example.org/uri/"},
		{"https://case.example.org/uri", "https://case.example.org/uri/"},
		{"https://case.example.org/frameworks#", "https://case.example.org/frameworks#"},
		{"https://case.example.org/find?id=", "https://case.example.org/find?id="},
		{"urn:example:", "urn:example:"},
		{"urn:example:case", "urn:example:case/"},
	}
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			p := exportDefault(t, &cfpackage.ExportOptions{BaseURI: tt.base})
			var b bytes.Buffer
			if err := cfpackage.Encode(&b, p); err != nil {
				t.Fatal(err)
			}
			n := 0
			identified(decodeTree(t, b.Bytes()), func(obj map[string]any) {
				n++
				if want := tt.prefix + obj["identifier"].(string); obj["uri"] != want {
					t.Errorf("uri %q, want %q", obj["uri"], want)
				}
			})
			if n < objectCount(p) {
				t.Errorf("%d objects and links with a uri, fewer than the %d objects", n, objectCount(p))
			}
		})
	}
}

func TestExportInvalidBaseURI(t *testing.T) {
	for _, base := range []string{"case/uri/", "case.example.org", "//case.example.org/uri/", "https://exa mple.org/", "%zz", ":", "https://", "https:///uri/"} {
		p, err := cfpackage.Export(wlp.Default(), &cfpackage.ExportOptions{BaseURI: base})
		if err == nil || p != nil {
			t.Errorf("BaseURI %q: package %v, error %v; want an error", base, p != nil, err)
			continue
		}
		if want := fmt.Sprintf("cfpackage: the base URI %q ", base); !strings.HasPrefix(err.Error(), want) {
			t.Errorf("BaseURI %q: error %q, want it to start %q", base, err, want)
		}
	}
}

func TestExportChanged(t *testing.T) {
	tests := []struct {
		changed time.Time
		want    string
	}{
		{time.Time{}, "1970-01-01T00:00:00Z"},
		{time.Date(2025, 3, 14, 15, 9, 26, 999999999, time.FixedZone("CET", 3600)), "2025-03-14T14:09:26Z"},
		{time.Date(2000, 1, 1, 0, 30, 0, 0, time.FixedZone("", 5*3600+30*60)), "1999-12-31T19:00:00Z"},
		{time.Unix(0, 0), "1970-01-01T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			p := exportDefault(t, &cfpackage.ExportOptions{Changed: tt.changed})
			var b bytes.Buffer
			if err := cfpackage.Encode(&b, p); err != nil {
				t.Fatal(err)
			}
			n := 0
			var walk func(v any)
			walk = func(v any) {
				switch v := v.(type) {
				case map[string]any:
					if s, ok := v["lastChangeDateTime"]; ok {
						n++
						if s != tt.want {
							t.Errorf("lastChangeDateTime %q, want %q", s, tt.want)
						}
					}
					for _, x := range v {
						walk(x)
					}
				case []any:
					for _, x := range v {
						walk(x)
					}
				}
			}
			walk(decodeTree(t, b.Bytes()))
			if n != objectCount(p) {
				t.Errorf("%d times, want one for each of the %d objects", n, objectCount(p))
			}
		})
	}
}

// objectCount returns the number of objects in p: its document, items,
// associations, item types, rubrics, criteria and levels.
func objectCount(p *cfpackage.Package) int {
	n := 1 + len(p.Items) + len(p.Associations) + len(p.Definitions.CFItemTypes) + len(p.Rubrics)
	for _, rb := range p.Rubrics {
		n += len(rb.CFRubricCriteria)
		for _, c := range rb.CFRubricCriteria {
			n += len(c.CFRubricCriterionLevels)
		}
	}
	return n
}

// allIdentifiers returns every identifier of the package's objects.
func allIdentifiers(t testing.TB, p *cfpackage.Package) []string {
	t.Helper()
	var b bytes.Buffer
	if err := cfpackage.Encode(&b, p); err != nil {
		t.Fatal(err)
	}
	var out []string
	identified(decodeTree(t, b.Bytes()), func(obj map[string]any) { out = append(out, obj["identifier"].(string)) })
	return out
}

func TestExportIdentifiers(t *testing.T) {
	f := wlp.Default()
	p1, p2 := exportDefault(t, nil), exportDefault(t, nil)
	if diff := cmp.Diff(p1, p2); diff != "" {
		t.Errorf("two exports differ (-first +second):\n%s", diff)
	}
	if got, want := p1.Document.Identifier, cfpackage.DocumentIdentifier(f); got != want {
		t.Errorf("document identifier %s, want DocumentIdentifier's %s", got, want)
	}
	ids := allIdentifiers(t, p1)
	for _, id := range ids {
		if u, err := uuid.Parse(id); err != nil || u.Version() != 5 || !wlp.ValidUUID(id) {
			t.Errorf("identifier %s is not a lower-case version 5 UUID", id)
		}
	}

	// Another ID: no identifier in common. Options do not change them.
	s := wlp.DefaultSpec()
	s.ID = "astd-2004-copy"
	other, err := cfpackage.Export(conformNew(t, s), nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	for _, id := range allIdentifiers(t, other) {
		if seen[id] {
			t.Errorf("identifier %s is in the exports of both astd-2004 and astd-2004-copy", id)
		}
	}
	withOpts := allIdentifiers(t, exportDefault(t, &cfpackage.ExportOptions{Strict: true, BaseURI: "https://x.example/", Changed: time.Now()}))
	if diff := cmp.Diff(ids, withOpts); diff != "" {
		t.Errorf("options changed the identifiers (-without +with):\n%s", diff)
	}

	// Without an ID, the name decides.
	a, b := conformSpec("", "First"), conformSpec("", "Second")
	fa, fb := conformNew(t, a), conformNew(t, b)
	if cfpackage.DocumentIdentifier(fa) == cfpackage.DocumentIdentifier(fb) {
		t.Errorf("frameworks named First and Second, both without an ID, get the same identifier")
	}
	if cfpackage.DocumentIdentifier(fa) != cfpackage.DocumentIdentifier(conformNew(t, conformSpec("", "First"))) {
		t.Errorf("the same framework gets two identifiers")
	}
	if slices.Contains(ids, cfpackage.DocumentIdentifier(fa)) {
		t.Errorf("framework First shares an identifier with the default framework")
	}
}

// A BaseURI that url.Parse takes but that is no URI (RFC 3986 has no
// spaces, quotes or non-ASCII letters) must be refused, or every uri made
// from it must be a URI all the same (percent-encoded).
func TestExportBaseURINotAURI(t *testing.T) {
	for _, base := range []string{"https://case.example.org/a b/", "https://case.example.org/ü/", `https://case.example.org/"x"/`, "https://case.example.org/<x>/"} {
		p, err := cfpackage.Export(conformNew(t, conformBare()), &cfpackage.ExportOptions{BaseURI: base})
		if err != nil {
			if want := fmt.Sprintf("cfpackage: the base URI %q ", base); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("BaseURI %q: error %q, want it to start %q", base, err, want)
			}
			continue
		}
		var bad []string
		identified(decodeTree(t, encodeTree(t, p)), func(obj map[string]any) {
			if u := obj["uri"].(string); !uriChars(u) {
				bad = append(bad, u)
			}
		})
		if len(bad) > 0 {
			t.Errorf("BaseURI %q: no error, and %d uris are not URIs, such as %q", base, len(bad), bad[0])
		}
	}
}

// An export of a framework imported from a CASE package keeps the
// package's identities: identifiers, URIs, codes, types, authorship and
// each item's place in the tree.
func TestExportKeptIdentity(t *testing.T) {
	s := conformKept()
	p, err := cfpackage.Export(conformNew(t, s), &cfpackage.ExportOptions{BaseURI: "https://wlp.example/"})
	if err != nil {
		t.Fatal(err)
	}
	src := s.CASE
	d := p.Document
	if got, want := []string{d.Identifier, d.URI, d.Creator, d.Publisher, d.Language, d.OfficialSourceURL, d.AdoptionStatus},
		[]string{src.Document.Identifier, src.Document.URI, "Guild of Makers", "Guild Press", "en", "https://foreign.example/guild", "Adopted"}; !cmp.Equal(got, want) {
		t.Errorf("document %q, want %q", got, want)
	}

	type place struct{ URI, Parent, Code, Type, Statement string }
	parent := map[string]string{}
	for _, a := range p.Associations {
		if a.AssociationType == cfpackage.IsChildOf {
			parent[a.OriginNodeURI.Identifier] = a.DestinationNodeURI.Identifier
		}
	}
	got := map[string]place{}
	for _, it := range p.Items {
		if strings.HasPrefix(it.URI, "https://foreign.example/") {
			got[it.Identifier] = place{it.URI, parent[it.Identifier], it.HumanCodingScheme, it.CFItemType, it.FullStatement}
		}
	}
	kept := func(k wlp.CASEItem) string { return k.Identifier }
	top, note, loose := src.Others[0], src.Others[1], src.Others[2]
	craft, people := src.Clusters["craft"], src.Clusters["people"]
	carving, joinery, furniture := src.Items["carving"], src.Items["joinery"], src.Items["furniture"]
	want := map[string]place{
		kept(top):                        {top.URI, d.Identifier, "WW", "Domain", top.Statement},
		kept(note):                       {note.URI, kept(craft), "", "Note", note.Statement}, // under the craft cluster, as kept
		kept(loose):                      {loose.URI, d.Identifier, "", "", loose.Statement},
		kept(craft):                      {craft.URI, kept(top), "craft", cfpackage.TypeCluster, "Making things well."},
		kept(people):                     {people.URI, kept(top), "people", cfpackage.TypeCluster, "People"},
		kept(carving):                    {carving.URI, kept(craft), "C.1", "Skill", "Shaping wood."},
		carving.Behaviors[0].Identifier:  {carving.Behaviors[0].URI, kept(carving), "carving.1", cfpackage.TypeBehavior, "Sharpens tools"},
		carving.Behaviors[1].Identifier:  {carving.Behaviors[1].URI, kept(carving), "carving.2", cfpackage.TypeBehavior, "Reads the grain"},
		kept(joinery):                    {joinery.URI, kept(top), "joinery", cfpackage.TypeCompetency, "Joinery"},
		kept(furniture):                  {furniture.URI, d.Identifier, "furniture", cfpackage.TypeArea, "Tables and chairs."},
		src.Targets["maker"].Identifier:  {src.Targets["maker"].URI, d.Identifier, "maker", cfpackage.TypeRole, "Makes things."},
		src.Targets["master"].Identifier: {src.Targets["master"].URI, d.Identifier, "master", cfpackage.TypeJob, "Makes and teaches."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("kept items by identifier (-want +got):\n%s", diff)
	}
}

// TestExportCreator checks the document's creator: "wlp" by default, the
// kept creator of an imported framework, and the option over either.
func TestExportCreator(t *testing.T) {
	s := wlp.DefaultSpec()
	doc := cfpackage.DocumentIdentifier(wlp.Default())
	s.CASE = &wlp.CASESource{Document: wlp.CASEDocument{Identifier: doc, URI: "urn:uuid:" + doc, Creator: "State board"}}
	kept, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		f       *wlp.Framework
		creator string
		want    string
	}{
		{"default", wlp.Default(), "", "wlp"},
		{"option", wlp.Default(), "ASTD", "ASTD"},
		{"kept", kept, "", "State board"},
		{"option over kept", kept, "ASTD", "ASTD"},
	} {
		p, err := cfpackage.Export(tc.f, &cfpackage.ExportOptions{Creator: tc.creator})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Document.Creator; got != tc.want {
			t.Errorf("%s: creator %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestExportKeptForeignShape checks that an export writes back what an
// imported package had, and nothing it did not: an item without a code
// or type stays without, the isChildOf association and the item type keep
// their identities, only the item types items use are written, and what
// the export derives takes the base of the kept document's URI.
func TestExportKeptForeignShape(t *testing.T) {
	const (
		doc   = "00000000-0000-4000-8000-000000000000"
		item  = "00000000-0000-4000-8000-000000000001"
		link  = "00000000-0000-4000-8000-000000000002"
		typ   = "00000000-0000-4000-8000-000000000003"
		other = "00000000-0000-4000-8000-000000000004"
		base  = "https://case.example.org/uri/"
	)
	s := wlp.Spec{
		ID: "kept", Name: "Kept",
		Areas: []aoe.Area{{ID: "listening", Name: "Listening"}},
		CASE: &wlp.CASESource{
			Document: wlp.CASEDocument{Identifier: doc, URI: base + doc, Creator: "Somebody"},
			Items: map[competency.ID]wlp.CASEItem{"listening": {
				Identifier: item, URI: base + item, Uncoded: true, Type: "Skill",
				Link: &wlp.CASELink{Identifier: link, URI: base + link},
			}},
			Others: []wlp.CASEItem{{Identifier: other, URI: base + other, Statement: "A note"}},
			Types:  []wlp.CASEType{{Title: "Skill", Identifier: typ, URI: base + typ, Description: "A skill.", HierarchyCode: "7.1", TypeCode: "S"}},
		},
	}
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	p, err := cfpackage.Export(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	wantItems := []cfpackage.Item{
		{Identifier: other, FullStatement: "A note", URI: base + other, LastChangeDateTime: "1970-01-01T00:00:00Z"},
		{Identifier: item, FullStatement: "Listening", CFItemType: "Skill", URI: base + item,
			CFItemTypeURI: &cfpackage.LinkURI{Title: "Skill", Identifier: typ, URI: base + typ}, LastChangeDateTime: "1970-01-01T00:00:00Z"},
	}
	if d := cmp.Diff(wantItems, p.Items); d != "" {
		t.Errorf("items (-want +got):\n%s", d)
	}
	wantTypes := []cfpackage.ItemType{{Identifier: typ, URI: base + typ, Title: "Skill", Description: "A skill.", HierarchyCode: "7.1", TypeCode: "S", LastChangeDateTime: "1970-01-01T00:00:00Z"}}
	if d := cmp.Diff(wantTypes, p.Definitions.CFItemTypes); d != "" {
		t.Errorf("item types (-want +got):\n%s", d)
	}
	var links []string
	for _, a := range p.Associations {
		links = append(links, a.OriginNodeURI.Identifier+" "+a.Identifier+" "+a.URI)
	}
	derived := p.Associations[0].Identifier
	wantLinks := []string{other + " " + derived + " " + base + derived, item + " " + link + " " + base + link}
	if d := cmp.Diff(wantLinks, links); d != "" {
		t.Errorf("associations: origin, identifier, uri (-want +got):\n%s", d)
	}
}

// TestExportNil checks that nil in gives an error, not a panic or "null".
func TestExportNil(t *testing.T) {
	if _, err := cfpackage.Export(nil, nil); err == nil || !strings.HasPrefix(err.Error(), "cfpackage: ") {
		t.Errorf("Export(nil): %v, want a cfpackage error", err)
	}
	var buf bytes.Buffer
	if err := cfpackage.Encode(&buf, nil); err == nil || buf.Len() != 0 {
		t.Errorf("Encode(nil): %v, wrote %q; want an error and nothing", err, buf.String())
	}
}

// keptTimes is conformKept with times of change: the document's, some
// items', a behaviour's, an isChildOf association's, an item type's and
// those of two associations kept whole (one without a time).
func keptTimes() wlp.Spec {
	s := conformKept()
	c := s.CASE
	c.Document.Changed = "2021-04-05T06:07:08Z"
	craft := c.Clusters["craft"]
	craft.Changed = "2022-01-01T00:00:00+01:00"
	craft.Link = &wlp.CASELink{Identifier: "5e1f0c2a-7b3d-4c8e-9f6a-000000000020", URI: "https://foreign.example/a/20", Changed: "2023-02-02T02:02:02.5Z"}
	c.Clusters["craft"] = craft
	carving := c.Items["carving"]
	carving.Behaviors[1].Changed = "2024-12-31T23:59:60Z"
	c.Items["carving"] = carving
	c.Others[0].Changed = "2020-10-10T10:10:10Z"
	c.Types = []wlp.CASEType{{Title: "Skill", Identifier: "5e1f0c2a-7b3d-4c8e-9f6a-000000000030", URI: "https://foreign.example/t/30", Changed: "2019-09-09T09:09:09Z"}}
	c.Associations = []wlp.CASEAssociation{{
		Identifier: "5e1f0c2a-7b3d-4c8e-9f6a-000000000040", URI: "https://foreign.example/a/40", Type: cfpackage.ExactMatchOf,
		Origin:      wlp.CASENode{Title: "C.1", Identifier: carving.Identifier, URI: carving.URI},
		Destination: wlp.CASENode{Title: "Elsewhere", Identifier: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", URI: "https://other.example/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", TargetType: "CASE"},
		Grouping:    &wlp.CASERef{Title: "Crosswalk", Identifier: "5e1f0c2a-7b3d-4c8e-9f6a-000000000050", URI: "https://foreign.example/g/50"},
		Notes:       "matched by hand",
		Changed:     "2025-05-05T05:05:05-04:00",
	}, {
		Identifier: "5e1f0c2a-7b3d-4c8e-9f6a-000000000041", URI: "https://foreign.example/a/41", Type: "ext:teaches", Sequence: 3,
		Origin:      wlp.CASENode{Identifier: "course-310", URI: "https://catalog.example/310", TargetType: "ext:course"},
		Destination: wlp.CASENode{Title: "Woodworking", Identifier: c.Others[0].Identifier, URI: c.Others[0].URI},
	}}
	return s
}

// TestExportKeptTimes checks each object's lastChangeDateTime: the
// option's when it is set, else the time kept for the object, else the
// document's kept time (or 1970's, without one).
func TestExportKeptTimes(t *testing.T) {
	s := keptTimes()
	c := s.CASE
	f := conformNew(t, s)
	doc := c.Document.Changed
	carving := c.Items["carving"]
	kept := map[string]string{
		c.Document.Identifier:               doc,
		c.Clusters["craft"].Identifier:      "2022-01-01T00:00:00+01:00",
		c.Clusters["craft"].Link.Identifier: "2023-02-02T02:02:02.5Z",
		carving.Behaviors[1].Identifier:     "2024-12-31T23:59:60Z",
		c.Others[0].Identifier:              "2020-10-10T10:10:10Z",
		c.Types[0].Identifier:               "2019-09-09T09:09:09Z",
		c.Associations[0].Identifier:        "2025-05-05T05:05:05-04:00",
	}
	noDoc := keptTimes()
	noDoc.CASE.Document.Changed = ""
	for _, tc := range []struct {
		name     string
		f        *wlp.Framework
		opt      cfpackage.ExportOptions
		want     map[string]string // by identifier
		fallback string
	}{
		{"kept", f, cfpackage.ExportOptions{}, kept, doc},
		{"kept strict", f, cfpackage.ExportOptions{Strict: true}, kept, doc},
		{"no document time", conformNew(t, noDoc), cfpackage.ExportOptions{}, func() map[string]string {
			m := maps.Clone(kept)
			delete(m, c.Document.Identifier)
			return m
		}(), "1970-01-01T00:00:00Z"},
		{"option", f, cfpackage.ExportOptions{Changed: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)}, nil, "2026-01-02T03:04:05Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := cfpackage.Export(tc.f, &tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := cfpackage.Encode(&b, p); err != nil {
				t.Fatal(err)
			}
			got, want := map[string]string{}, map[string]string{}
			identified(decodeTree(t, b.Bytes()), func(obj map[string]any) {
				at, ok := obj["lastChangeDateTime"].(string)
				if !ok {
					return // a reference to an object, not one
				}
				id := obj["identifier"].(string)
				got[id] = at
				want[id] = tc.fallback
				if w, ok := tc.want[id]; ok {
					want[id] = w
				}
			})
			if len(got) != objectCount(p) {
				t.Errorf("%d times, want one for each of the %d objects", len(got), objectCount(p))
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("lastChangeDateTime by identifier (-want +got):\n%s", d)
			}
		})
	}
}

// TestExportKeptAssociations checks that the associations a framework
// kept come after the export's own, as they were, strict or not.
func TestExportKeptAssociations(t *testing.T) {
	s := keptTimes()
	f := conformNew(t, s)
	seq := 3
	want := []cfpackage.Association{{
		Identifier: "5e1f0c2a-7b3d-4c8e-9f6a-000000000040", AssociationType: cfpackage.ExactMatchOf, URI: "https://foreign.example/a/40",
		OriginNodeURI:            cfpackage.NodeURI{Title: "C.1", Identifier: s.CASE.Items["carving"].Identifier, URI: s.CASE.Items["carving"].URI},
		DestinationNodeURI:       cfpackage.NodeURI{Title: "Elsewhere", Identifier: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", URI: "https://other.example/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", TargetType: "CASE"},
		CFAssociationGroupingURI: &cfpackage.LinkURI{Title: "Crosswalk", Identifier: "5e1f0c2a-7b3d-4c8e-9f6a-000000000050", URI: "https://foreign.example/g/50"},
		LastChangeDateTime:       "2025-05-05T05:05:05-04:00",
		Notes:                    "matched by hand",
	}, {
		Identifier: "5e1f0c2a-7b3d-4c8e-9f6a-000000000041", AssociationType: "ext:teaches", SequenceNumber: &seq, URI: "https://foreign.example/a/41",
		OriginNodeURI:      cfpackage.NodeURI{Identifier: "course-310", URI: "https://catalog.example/310", TargetType: "ext:course"},
		DestinationNodeURI: cfpackage.NodeURI{Title: "Woodworking", Identifier: s.CASE.Others[0].Identifier, URI: s.CASE.Others[0].URI},
		LastChangeDateTime: s.CASE.Document.Changed,
	}}
	without := keptTimes()
	without.CASE.Associations = nil
	plain, err := cfpackage.Export(conformNew(t, without), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, strict := range []bool{false, true} {
		p, err := cfpackage.Export(f, &cfpackage.ExportOptions{Strict: strict})
		if err != nil {
			t.Fatal(err)
		}
		n := len(plain.Associations)
		if len(p.Associations) != n+len(want) {
			t.Fatalf("strict %v: %d associations, want the export's %d and %d kept", strict, len(p.Associations), n, len(want))
		}
		if d := cmp.Diff(want, p.Associations[n:]); d != "" {
			t.Errorf("strict %v: kept associations (-want +got):\n%s", strict, d)
		}
		for k, a := range p.Associations[:n] {
			if a.Identifier != plain.Associations[k].Identifier {
				t.Errorf("strict %v: association %d is %s, want the export's own %s", strict, k, a.Identifier, plain.Associations[k].Identifier)
			}
		}
	}
}
