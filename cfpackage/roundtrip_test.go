package cfpackage_test

// Round trips: a framework exported then imported comes back equal (with
// the extensions), or with exactly the losses a strict package has; and
// exporting what was imported writes the same package again.

import (
	"bytes"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// rtFramework is one framework of the round trips.
type rtFramework struct {
	name string
	f    *wlp.Framework
}

// rtFrameworks returns the frameworks every round trip runs on: the
// default, Learning 2.0, hand-made frameworks that vary what an export
// must carry, and a generated one of 1,000 competencies.
func rtFrameworks(t testing.TB) []rtFramework {
	t.Helper()
	data, err := os.ReadFile("../examples/frameworks/learning2.json")
	if err != nil {
		t.Fatal(err)
	}
	l2, err := wlp.Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out := []rtFramework{{"default", wlp.Default()}, {"learning2", l2}}
	for _, s := range []struct {
		name string
		spec wlp.Spec
	}{
		{"own clusters", rtOwnClusters()},
		{"own and undeclared model clusters", rtMixedClusters()},
		{"no ID", rtNoID()},
		{"no ID and no name", wlp.Spec{Competencies: []competency.Competency{{ID: "a", Name: "A", Cluster: competency.Personal}}, Clusters: competency.Clusters()[2:]}},
		{"weights", rtWeights()},
	} {
		f, err := wlp.New(s.spec)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		out = append(out, rtFramework{s.name, f})
	}
	out = append(out, rtFramework{"generated 1000", growthFramework(t, 1000)})
	return out
}

// rtOwnClusters has clusters of its own (one empty), unicode names, a
// summary equal to the name and empty ones, behaviours, technologies,
// roles with group requirements and jobs with shares and needs of their
// own.
func rtOwnClusters() wlp.Spec {
	return wlp.Spec{
		ID: "atelier", Name: "Atelier des compétences — ünïcödé ✓", Version: "0.9 β",
		Description: "A framework of its own: <clusters> & \"quotes\".",
		Clusters: []competency.ClusterInfo{
			{ID: "craft", Name: "Craft", Summary: "Craft"},
			{ID: "people", Name: "Gens et équipes", Summary: "Working with others."},
			{ID: "empty", Name: "Nobody here"},
		},
		Competencies: []competency.Competency{
			{ID: "joinery", Name: "Joinery", Cluster: "craft", Summary: "Joinery", Behaviors: []string{"Cuts a dovetail.", "Glues up square."}},
			{ID: "listening", Name: "Écoute", Cluster: "people"},
			{ID: "finishing", Name: "Finishing", Cluster: "craft", Summary: "Oils, waxes and lacquers.", Behaviors: []string{"Sands between coats."}},
			{ID: "teaching", Name: "日本語 teaching", Cluster: "people", Summary: "Shows others how."},
		},
		Areas: []aoe.Area{
			{ID: "restoration", Name: "Restoration", Summary: "Bringing old pieces back.", Behaviors: []string{"Matches old finishes."}, Technologies: "Moisture meters."},
			{ID: "design", Name: "Design"},
		},
		Roles: []role.Role{
			{ID: "maker", Name: "Maker", Summary: "Builds things.", Requirements: []role.Requirement{
				{Of: []competency.ID{"joinery"}, Level: 4, Weight: 3, Why: "The core of the work."},
				{Of: []competency.ID{"finishing", "restoration", "design"}, AtLeast: 2, Level: 3, Weight: 2, Why: "Two of the three."},
				{Of: []competency.ID{"listening"}, Level: 2, Weight: 1},
			}},
			{ID: "mentor", Name: "Mentor", Requirements: []role.Requirement{
				{Of: []competency.ID{"teaching", "listening"}, Level: 3, Weight: 2, Why: "Both."},
			}},
		},
		Jobs: []role.Job{
			{ID: "master", Title: "Master craftsperson", Summary: "Makes and teaches.", Roles: []role.Share{
				{Role: "maker", Weight: 3, Why: "Mostly making."},
				{Role: "mentor", Weight: 1},
			}, Requirements: []role.Requirement{{Of: []competency.ID{"restoration"}, Level: 5, Weight: 1, Why: "Known for it."}}},
			{ID: "apprentice", Title: "Apprentice", Requirements: []role.Requirement{{Of: []competency.ID{"joinery", "finishing"}, AtLeast: 1, Level: 2, Weight: 1}}},
		},
	}
}

// rtMixedClusters declares a cluster of its own and uses two of the
// model's clusters without declaring them.
func rtMixedClusters() wlp.Spec {
	return wlp.Spec{
		ID: "mixed", Name: "Mixed",
		Clusters: []competency.ClusterInfo{{ID: "tools", Name: "Tools"}},
		Competencies: []competency.Competency{
			{ID: "trust", Name: "Trust", Cluster: competency.Personal},
			{ID: "saws", Name: "Saws", Cluster: "tools"},
			{ID: "talk", Name: "Talk", Cluster: competency.Interpersonal},
		},
		Roles: []role.Role{{ID: "r", Name: "R", Requirements: []role.Requirement{{Of: []competency.ID{"trust", "saws", "talk"}, AtLeast: 2, Level: 1, Weight: 1}}}},
	}
}

// rtNoID has no ID, so its package has no document extension.
func rtNoID() wlp.Spec {
	s := rtMixedClusters()
	s.ID, s.Name = "", "Without an ID"
	return s
}

// rtWeights has weights at the model's bounds and of many digits, single
// and in groups, and an AtLeast equal to the number of IDs.
func rtWeights() wlp.Spec {
	var cs []competency.Competency
	for i := range 4 {
		cs = append(cs, competency.Competency{ID: competency.ID("c" + strconv.Itoa(i)), Name: "C" + strconv.Itoa(i), Cluster: competency.BusinessManagement})
	}
	of := func(ids ...string) []competency.ID {
		var out []competency.ID
		for _, id := range ids {
			out = append(out, competency.ID(id))
		}
		return out
	}
	return wlp.Spec{
		ID: "weights", Name: "Weights", Clusters: competency.Clusters(), Competencies: cs,
		Roles: []role.Role{{ID: "w", Name: "W", Requirements: []role.Requirement{
			{Of: of("c0"), Level: 1, Weight: 0.1},
			{Of: of("c1"), Level: 2, Weight: 1e-6},
			{Of: of("c2"), Level: 3, Weight: 1e6},
			{Of: of("c0", "c1", "c2"), Level: 4, Weight: 0.1},
			{Of: of("c1", "c2", "c3"), AtLeast: 1, Level: 5, Weight: 1e-6},
			{Of: of("c0", "c3"), AtLeast: 2, Level: 2, Weight: 1e6},
			{Of: of("c0", "c1", "c2"), AtLeast: 2, Level: 3, Weight: 2.0000000000003},
			{Of: of("c3"), AtLeast: 1, Level: 1, Weight: 1.0 / 3},
		}}},
		Jobs: []role.Job{{ID: "j", Title: "J", Roles: []role.Share{{Role: "w", Weight: 1e-6, Why: "a little"}}}},
	}
}

// rtExport exports f and reads it back as a consumer would: encoded,
// then decoded.
func rtExport(t testing.TB, f *wlp.Framework, opt *cfpackage.ExportOptions) (*cfpackage.Package, []byte) {
	t.Helper()
	p, err := cfpackage.Export(f, opt)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := cfpackage.Encode(&buf, p); err != nil {
		t.Fatal(err)
	}
	q, warns, err := cfpackage.Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if len(warns) > 0 {
		t.Errorf("Decode of an export warns: %v", warns)
	}
	return q, buf.Bytes()
}

// rtImport imports p and fails the test on an error.
func rtImport(t testing.TB, p *cfpackage.Package, opt *cfpackage.ImportOptions) (*wlp.Framework, []cfpackage.Warning) {
	t.Helper()
	f, warns, err := cfpackage.Import(p, opt)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return f, warns
}

// rtUndeclared reports whether s uses the model's clusters without
// declaring any cluster, which no package can tell from declaring them:
// an import declares them (see TestRoundTripUndeclaredClusters).
func rtUndeclared(s wlp.Spec) bool { return len(s.Clusters) == 0 && len(s.Competencies) > 0 }

// TestRoundTrip exports each framework with its extensions, encodes,
// decodes and imports it: the framework comes back equal, without a
// warning, and exporting it again writes the same bytes.
func TestRoundTrip(t *testing.T) {
	for _, fw := range rtFrameworks(t) {
		t.Run(fw.name, func(t *testing.T) {
			p, data := rtExport(t, fw.f, nil)
			got, warns := rtImport(t, p, nil)
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			if d := cmp.Diff(fw.f.Spec(), got.Spec()); d != "" {
				t.Errorf("export then import (-want +got):\n%s", d)
			}
			if _, again := rtExport(t, got, nil); !bytes.Equal(data, again) {
				t.Errorf("exporting the imported framework writes other bytes (%d, then %d)", len(data), len(again))
			}
		})
	}
}

// strictLosses applies to s exactly what a strict package loses (the
// README's list):
//   - the framework's ID becomes a slug of the document's title (the
//     name, or else the ID), so Spec.CASE keeps the document's identity,
//     from which every other identifier derives; a framework without ID
//     stays without one;
//   - a group requirement's weight goes through a division by K and a
//     multiplication by it, rounded to 12 significant digits;
//   - an AtLeast equal to the number of IDs becomes 0 (the same rule).
func strictLosses(f *wlp.Framework) wlp.Spec {
	s, _ := strictLossesRounded(f)
	return s
}

// strictLossesRounded is strictLosses, and whether a weight was rounded.
func strictLossesRounded(f *wlp.Framework) (wlp.Spec, bool) {
	rounded := false
	s := f.Spec()
	if s.ID != "" {
		title := s.Name
		if title == "" {
			title = s.ID
		}
		if id := cfpackage.Slug(title); id != s.ID {
			doc := cfpackage.DocumentIdentifier(f)
			s.ID = id
			s.CASE = &wlp.CASESource{Document: wlp.CASEDocument{Identifier: doc, URI: "urn:uuid:" + doc, Creator: "wlp"}}
		}
	}
	reqs := func(rs []role.Requirement) {
		for i := range rs {
			r := &rs[i]
			if len(r.Of) > 1 {
				k := float64(r.K())
				w, _ := strconv.ParseFloat(strconv.FormatFloat(r.Weight/k*k, 'g', 12, 64), 64)
				rounded = rounded || w != r.Weight
				r.Weight = w
			}
			if r.AtLeast == len(r.Of) {
				r.AtLeast = 0
			}
		}
	}
	for i := range s.Roles {
		reqs(s.Roles[i].Requirements)
	}
	for i := range s.Jobs {
		reqs(s.Jobs[i].Requirements)
	}
	return s, rounded
}

// TestRoundTripStrict exports each framework strictly (and, the same,
// imports its full package with IgnoreExtensions): the framework comes
// back with exactly strictLosses, without a warning, and exporting it
// again strictly writes the same bytes (unless a weight was rounded).
func TestRoundTripStrict(t *testing.T) {
	for _, fw := range rtFrameworks(t) {
		t.Run(fw.name, func(t *testing.T) {
			want, rounded := strictLossesRounded(fw.f)
			p, data := rtExport(t, fw.f, &cfpackage.ExportOptions{Strict: true})
			got, warns := rtImport(t, p, nil)
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			if d := cmp.Diff(want, got.Spec()); d != "" {
				t.Errorf("strict export then import (-want +got):\n%s", d)
			}
			if _, again := rtExport(t, got, &cfpackage.ExportOptions{Strict: true}); !bytes.Equal(data, again) && !rounded {
				t.Errorf("exporting the imported framework strictly writes other bytes (%d, then %d)", len(data), len(again))
			}
			full, _ := rtExport(t, fw.f, nil)
			ignored, _ := rtImport(t, full, &cfpackage.ImportOptions{IgnoreExtensions: true})
			if d := cmp.Diff(want, ignored.Spec()); d != "" {
				t.Errorf("export then import ignoring the extensions (-want +got):\n%s", d)
			}
		})
	}
}

// TestStrictLossesHappen checks that the frameworks of the round trips
// do lose each thing strictLosses lists, so that the strict round trip
// tests every loss it states.
func TestStrictLossesHappen(t *testing.T) {
	var id, weight, atLeast bool
	for _, fw := range rtFrameworks(t) {
		s, lost := fw.f.Spec(), strictLosses(fw.f)
		id = id || s.ID != lost.ID
		for i := range s.Roles {
			for k, r := range s.Roles[i].Requirements {
				l := lost.Roles[i].Requirements[k]
				weight = weight || r.Weight != l.Weight
				atLeast = atLeast || r.AtLeast != l.AtLeast
			}
		}
	}
	if !id || !weight || !atLeast {
		t.Errorf("lost an ID %v, a weight %v, an AtLeast %v; want all three", id, weight, atLeast)
	}
}

// TestRoundTripBaseURI exports with a base URI: the framework comes back
// with the document's identity kept in Spec.CASE, and no other (an
// export takes the base of the kept document's URI, so it derives the
// items' URIs again); exporting it again, with the base URI or without,
// writes the same bytes.
func TestRoundTripBaseURI(t *testing.T) {
	f := wlp.Default()
	opt := &cfpackage.ExportOptions{BaseURI: "https://case.example.org/uri/"}
	p, data := rtExport(t, f, opt)
	got, warns := rtImport(t, p, nil)
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	s := got.Spec()
	doc := cfpackage.DocumentIdentifier(f)
	want := &wlp.CASESource{Document: wlp.CASEDocument{Identifier: doc, URI: opt.BaseURI + doc, Creator: "wlp"}}
	if d := cmp.Diff(want, s.CASE); d != "" {
		t.Errorf("Spec.CASE (-want +got):\n%s", d)
	}
	s.CASE = nil
	if d := cmp.Diff(f.Spec(), s); d != "" {
		t.Errorf("export then import, besides CASE (-want +got):\n%s", d)
	}
	for _, o := range []*cfpackage.ExportOptions{opt, nil} {
		if _, again := rtExport(t, got, o); !bytes.Equal(data, again) {
			t.Errorf("exporting the imported framework with options %+v writes other bytes", o)
		}
	}
}

// TestRoundTripUndeclaredClusters exports a framework that uses the
// model's clusters without declaring them. The document's extension says
// how many cluster items are declared, so the framework comes back equal;
// a strict package cannot say it, and an import declares them. The
// framework's clusters (Framework.Clusters) are the same either way.
func TestRoundTripUndeclaredClusters(t *testing.T) {
	s := wlp.Spec{ID: "undeclared", Name: "Undeclared", Competencies: []competency.Competency{
		{ID: "b", Name: "B", Cluster: competency.Personal},
		{ID: "a", Name: "A", Cluster: competency.Interpersonal},
	}}
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	if !rtUndeclared(s) {
		t.Fatal("the spec declares clusters")
	}
	for _, strict := range []bool{false, true} {
		p, _ := rtExport(t, f, &cfpackage.ExportOptions{Strict: strict})
		got, _ := rtImport(t, p, nil)
		want := f.Spec()
		if strict {
			want = strictLosses(f)
			want.Clusters = f.Clusters()
		}
		if d := cmp.Diff(want, got.Spec()); d != "" {
			t.Errorf("strict %v (-want +got):\n%s", strict, d)
		}
		if d := cmp.Diff(f.Clusters(), got.Clusters()); d != "" {
			t.Errorf("strict %v: Clusters (-want +got):\n%s", strict, d)
		}
	}
}

// TestRoundTripImported exports a framework imported from a foreign
// package, then imports that with the same options (the items keep their
// own types): the framework comes back equal, Spec.CASE included, and
// exporting it again writes the same bytes.
func TestRoundTripImported(t *testing.T) {
	for _, fx := range importFixtures {
		t.Run(fx.name, func(t *testing.T) {
			f, _ := rtImport(t, decodeFixture(t, fx.name), fx.opt)
			for _, strict := range []bool{false, true} {
				p, data := rtExport(t, f, &cfpackage.ExportOptions{Strict: strict})
				got, _ := rtImport(t, p, fx.opt)
				want := f.Spec()
				if strict {
					want = strictLosses(f)
					want.CASE = f.Spec().CASE
				}
				if d := cmp.Diff(want, got.Spec()); d != "" {
					t.Errorf("strict %v: (-want +got):\n%s", strict, d)
				}
				if _, again := rtExport(t, got, &cfpackage.ExportOptions{Strict: strict}); !bytes.Equal(data, again) {
					t.Errorf("strict %v: exporting again writes other bytes", strict)
				}
			}
		})
	}
}

// TestRoundTripNameless exports a framework with an ID and no name, whose
// document an export titles with the ID: the document's extension says it
// had no name, so it comes back without one; from a strict package it
// comes back named after its ID.
func TestRoundTripNameless(t *testing.T) {
	s := rtMixedClusters()
	s.Name = ""
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, strict := range []bool{false, true} {
		p, _ := rtExport(t, f, &cfpackage.ExportOptions{Strict: strict})
		got, _ := rtImport(t, p, nil)
		want := f.Spec()
		if strict {
			want = strictLosses(f)
			want.Name = want.ID
		}
		if d := cmp.Diff(want, got.Spec()); d != "" {
			t.Errorf("strict %v (-want +got):\n%s", strict, d)
		}
	}
}

// TestRoundTripChanged exports each framework with a time of change: its
// import keeps no time (every object of the package has the document's),
// so the framework comes back equal, without Spec.CASE, and exporting it
// with the same time writes the same bytes. A strict package keeps the
// document's identity, and then its time alone, which an export without
// a time of its own gives every object again.
func TestRoundTripChanged(t *testing.T) {
	at := time.Date(2024, 2, 29, 12, 30, 0, 0, time.FixedZone("", -5*3600))
	const stamp = "2024-02-29T17:30:00Z"
	for _, fw := range rtFrameworks(t) {
		t.Run(fw.name, func(t *testing.T) {
			opt := &cfpackage.ExportOptions{Changed: at}
			p, data := rtExport(t, fw.f, opt)
			got, warns := rtImport(t, p, nil)
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			if d := cmp.Diff(fw.f.Spec(), got.Spec()); d != "" {
				t.Errorf("export then import (-want +got):\n%s", d)
			}
			if _, again := rtExport(t, got, opt); !bytes.Equal(data, again) {
				t.Errorf("exporting the imported framework writes other bytes (%d, then %d)", len(data), len(again))
			}

			want, rounded := strictLossesRounded(fw.f)
			strict := &cfpackage.ExportOptions{Strict: true, Changed: at}
			p, data = rtExport(t, fw.f, strict)
			got, _ = rtImport(t, p, nil)
			if want.CASE != nil {
				want.CASE.Document.Changed = stamp
			}
			if d := cmp.Diff(want, got.Spec()); d != "" {
				t.Errorf("strict export then import (-want +got):\n%s", d)
			}
			if rounded {
				return
			}
			if _, again := rtExport(t, got, strict); !bytes.Equal(data, again) {
				t.Errorf("exporting the imported framework strictly writes other bytes")
			}
			if want.CASE != nil {
				// The kept document time stands for every object's.
				if _, again := rtExport(t, got, &cfpackage.ExportOptions{Strict: true}); !bytes.Equal(data, again) {
					t.Errorf("exporting the imported framework strictly, without a time, writes other bytes")
				}
			}
		})
	}
}
