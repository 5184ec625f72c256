package wlp_test

// Growth of the root package's public operations (issue 11, item 1):
// benchmarks at N, 2N and 4N, a regression test that measures allocated
// bytes rather than time, and byte-for-byte checks that the linear
// ProfileSchema writes what the quadratic one wrote.

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"

	"github.com/wlpmodel/wlp/internal/alloctest"
)

var updateForms = flag.Bool("update-forms", false, "rewrite the form schema goldens in testdata/form")

// growthSizes are the N, 2N and 4N of the BenchmarkGrowth benchmarks: the
// number of clusters, and of competencies, in the generated framework.
var growthSizes = []int{4000, 8000, 16000}

// growthSpec generates a valid framework of n clusters and n competencies,
// n/4 areas, n/8 roles of four requirements each, and n/32 jobs. The
// competencies are spread over the clusters out of order, and every
// seventh one belongs to one of the model's clusters, which the spec does
// not declare; the last declared clusters hold no competency.
func growthSpec(n int) wlp.Spec {
	s := wlp.Spec{ID: "growth", Name: fmt.Sprintf("Growth %d", n), Version: "1"}
	model := competency.Clusters()
	s.Clusters = make([]competency.ClusterInfo, n)
	for i := range s.Clusters {
		s.Clusters[i] = competency.ClusterInfo{
			ID:      competency.Cluster(fmt.Sprintf("cluster-%d", i)),
			Name:    fmt.Sprintf("Cluster %d", i),
			Summary: "What the competencies of cluster " + fmt.Sprint(i) + " share.",
		}
	}
	s.Competencies = make([]competency.Competency, n)
	for i := range s.Competencies {
		cl := s.Clusters[(i*7919)%(n-n/10+1)].ID
		if i%7 == 3 {
			cl = model[(i/7)%len(model)].ID
		}
		s.Competencies[i] = competency.Competency{
			ID:        competency.ID(fmt.Sprintf("competency-%d", i)),
			Name:      fmt.Sprintf("Competency %d", i),
			Cluster:   cl,
			Summary:   fmt.Sprintf("Does thing %d <well> & \"often\".", i),
			Behaviors: []string{"Shows it.", "Teaches it."},
		}
	}
	s.Areas = make([]aoe.Area, n/4)
	for i := range s.Areas {
		s.Areas[i] = aoe.Area{
			ID:      competency.ID(fmt.Sprintf("area-%d", i)),
			Name:    fmt.Sprintf("Área %d", i),
			Summary: fmt.Sprintf("A field of practice, number %d.", i),
		}
	}
	s.Roles = make([]role.Role, n/8)
	for i := range s.Roles {
		r := role.Role{ID: role.ID(fmt.Sprintf("role-%d", i)), Name: fmt.Sprintf("Role %d", i)}
		for k := range 4 {
			r.Requirements = append(r.Requirements, role.Requirement{
				Of:     []competency.ID{s.Competencies[(i*4+k)%n].ID, s.Areas[(i+k)%len(s.Areas)].ID},
				Level:  competency.Competent,
				Weight: float64(k + 1),
				Why:    "because",
			})
		}
		s.Roles[i] = r
	}
	s.Jobs = make([]role.Job, n/32)
	for i := range s.Jobs {
		s.Jobs[i] = role.Job{
			ID:    role.ID(fmt.Sprintf("job-%d", i)),
			Title: fmt.Sprintf("Job %d", i),
			Roles: []role.Share{{Role: s.Roles[(2*i)%len(s.Roles)].ID, Weight: 2}, {Role: s.Roles[(2*i+1)%len(s.Roles)].ID, Weight: 1}},
		}
	}
	return s
}

// growthFramework builds growthSpec(n).
func growthFramework(tb testing.TB, n int) *wlp.Framework {
	tb.Helper()
	f, err := wlp.New(growthSpec(n))
	if err != nil {
		tb.Fatalf("New(growthSpec(%d)): %v", n, err)
	}
	return f
}

// growthProfile rates every competency and area of f, and has one review
// of every other competency.
func growthProfile(f *wlp.Framework) profile.Profile {
	p := profile.Profile{ID: "E1001", Name: "Growth", Ratings: map[competency.ID]profile.Rating{}}
	rv := profile.Review{Source: profile.Peer, Levels: map[competency.ID]competency.Level{}}
	for i, id := range f.IDs() {
		p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6), Source: profile.Self, AssessedAt: "2026-03-31"}
		if i%2 == 0 {
			rv.Levels[id] = competency.Level((i + 1) % 6)
		}
	}
	p.Reviews = []profile.Review{rv}
	return p
}

// growthBench runs op at each of growthSizes, built by setup, as
// sub-benchmarks n=N.
func growthBench[T any](b *testing.B, setup func(testing.TB, int) T, op func(*testing.B, T)) {
	for _, n := range growthSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			in := setup(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				op(b, in)
			}
		})
	}
}

func BenchmarkGrowthClusters(b *testing.B) {
	growthBench(b, growthFramework, func(b *testing.B, f *wlp.Framework) {
		if len(f.Clusters()) == 0 {
			b.Fatal("no clusters")
		}
	})
}

func BenchmarkGrowthProfileSchema(b *testing.B) {
	growthBench(b, growthFramework, func(b *testing.B, f *wlp.Framework) {
		if _, err := f.ProfileSchema(); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkGrowthNew(b *testing.B) {
	growthBench(b, func(_ testing.TB, n int) wlp.Spec { return growthSpec(n) }, func(b *testing.B, s wlp.Spec) {
		if _, err := wlp.New(s); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkGrowthValidateProfile(b *testing.B) {
	type in struct {
		f *wlp.Framework
		p profile.Profile
	}
	growthBench(b, func(tb testing.TB, n int) in {
		f := growthFramework(tb, n)
		return in{f, growthProfile(f)}
	}, func(b *testing.B, x in) {
		if err := x.f.ValidateProfile(x.p); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkGrowthSpec(b *testing.B) {
	growthBench(b, growthFramework, func(b *testing.B, f *wlp.Framework) {
		if len(f.Spec().Competencies) == 0 {
			b.Fatal("no competencies")
		}
	})
}

func BenchmarkGrowthMarshalJSON(b *testing.B) {
	growthBench(b, growthFramework, func(b *testing.B, f *wlp.Framework) {
		if _, err := f.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkGrowthLabel(b *testing.B) {
	type in struct {
		f  *wlp.Framework
		of []competency.ID
	}
	growthBench(b, func(tb testing.TB, n int) in {
		f := growthFramework(tb, n)
		return in{f, f.IDs()}
	}, func(b *testing.B, x in) {
		if x.f.Label(x.of, 1) == "" {
			b.Fatal("no label")
		}
	})
}

// TestGrowthAllocationsLinear checks, without timing anything, that the
// bytes each operation allocates grow about linearly with the framework:
// at 4N at most 6 times what they are at N. ProfileSchema must also stay
// within a small multiple of the size of the schema it writes; before
// issue 11 it allocated about 46 KB per competency for some 2 KB of
// output, marshalling nested objects again at every level.
func TestGrowthAllocationsLinear(t *testing.T) {
	const n = 400
	small, large := growthFramework(t, n), growthFramework(t, 4*n)
	smallSpec, largeSpec := growthSpec(n), growthSpec(4*n)
	smallProfile, largeProfile := growthProfile(small), growthProfile(large)
	ops := []struct {
		name string
		op   func(f *wlp.Framework, s wlp.Spec, p profile.Profile)
	}{
		{"Clusters", func(f *wlp.Framework, _ wlp.Spec, _ profile.Profile) { f.Clusters() }},
		{"ProfileSchema", func(f *wlp.Framework, _ wlp.Spec, _ profile.Profile) {
			if _, err := f.ProfileSchema(); err != nil {
				t.Error(err)
			}
		}},
		{"New", func(_ *wlp.Framework, s wlp.Spec, _ profile.Profile) {
			if _, err := wlp.New(s); err != nil {
				t.Error(err)
			}
		}},
		{"ValidateProfile", func(f *wlp.Framework, _ wlp.Spec, p profile.Profile) {
			if err := f.ValidateProfile(p); err != nil {
				t.Error(err)
			}
		}},
		{"Spec", func(f *wlp.Framework, _ wlp.Spec, _ profile.Profile) { f.Spec() }},
		{"MarshalJSON", func(f *wlp.Framework, _ wlp.Spec, _ profile.Profile) {
			if _, err := f.MarshalJSON(); err != nil {
				t.Error(err)
			}
		}},
	}
	for _, o := range ops {
		t.Run(o.name, func(t *testing.T) {
			a := alloctest.Bytes(func() { o.op(small, smallSpec, smallProfile) })
			b := alloctest.Bytes(func() { o.op(large, largeSpec, largeProfile) })
			// 4 KB of slack for what does not grow with the input.
			if float64(b) > 6*float64(a)+4096 {
				t.Errorf("%s allocates %d bytes at n=%d and %d at n=%d: %.1fx for 4x the input, want at most 6x",
					o.name, a, n, b, 4*n, float64(b)/float64(max(a, 1)))
			}
		})
	}
	t.Run("ProfileSchema per byte written", func(t *testing.T) {
		out, err := large.ProfileSchema()
		if err != nil {
			t.Fatal(err)
		}
		got := alloctest.Bytes(func() { large.ProfileSchema() })
		if limit := 2 * uint64(len(out)); got > limit {
			t.Errorf("ProfileSchema allocates %d bytes (%d per competency) for %d bytes of schema, want at most %d (2x)",
				got, got/uint64(4*n), len(out), limit)
		}
	})
}

// TestClustersOrder checks Clusters against its definition: the declared
// clusters in order, then the model's clusters that competencies use but
// the spec does not declare, in the order of first use.
func TestClustersOrder(t *testing.T) {
	model := map[competency.Cluster]competency.ClusterInfo{}
	for _, c := range competency.Clusters() {
		model[c.ID] = c
	}
	for _, tt := range []struct {
		name string
		spec wlp.Spec
	}{
		{"default", wlp.DefaultSpec()},
		{"custom", fsCustomSpec()},
		{"none declared", func() wlp.Spec {
			s := wlp.DefaultSpec()
			s.Clusters = nil
			// Personal first, so that first use differs from model order.
			for i, c := range s.Competencies {
				if c.Cluster == competency.Personal {
					s.Competencies[0], s.Competencies[i] = s.Competencies[i], s.Competencies[0]
					break
				}
			}
			return s
		}()},
		{"empty", wlp.Spec{}},
		{"generated", growthSpec(200)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var want []competency.ClusterInfo
			seen := map[competency.Cluster]bool{}
			for _, c := range tt.spec.Clusters {
				want = append(want, c)
				seen[c.ID] = true
			}
			for _, c := range tt.spec.Competencies {
				if !seen[c.Cluster] {
					want = append(want, model[c.Cluster])
					seen[c.Cluster] = true
				}
			}
			f := mustNew(t, tt.spec)
			got := f.Clusters()
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Clusters() (-want +got):\n%s", diff)
			}
			if len(got) > 0 {
				got[0].Name = "changed"
				if f.Clusters()[0].Name == "changed" {
					t.Error("changing what Clusters returned changed the framework")
				}
			}
		})
	}
}

// formTrickySpec is a framework whose form needs every kind of escaping
// encoding/json does (HTML characters, quotes, backslashes, control
// characters, U+2028 and U+2029, non-ASCII), uses two of the model's
// clusters without declaring them, declares a cluster it does not use, and
// lists its competencies out of cluster order. It has no ID or name, so
// the form falls back to its defaults for both.
func formTrickySpec() wlp.Spec {
	return wlp.Spec{
		Clusters: []competency.ClusterInfo{
			{ID: "unused", Name: "Unused"},
			{ID: "craft", Name: "Craft <&> \"tools\"", Summary: "Making\tthings."},
		},
		Competencies: []competency.Competency{
			{ID: "welding", Name: "Welding & <brazing>", Cluster: "craft", Summary: "Joins metal \\ with \"heat\"\n\u2028\u2029."},
			{ID: "listening", Name: "Écoute", Cluster: competency.Personal, Summary: "Hört zu. 聞く 🦻"},
			{ID: "sewing", Name: "Sewing\u0001\u001f\u007f", Cluster: "craft"},
			{ID: "talking", Name: "Talking", Cluster: competency.Interpersonal, Summary: "<script>alert(1)</script>"},
		},
		Areas: []aoe.Area{
			{ID: "repair", Name: "Repair > replace", Summary: "Fixes & mends."},
		},
	}
}

// formGoldens are the frameworks whose form schemas are kept in
// testdata/form. The goldens were written by the ProfileSchema of before
// issue 11, which was quadratic; the linear one must write the same bytes.
var formGoldens = []struct {
	file string
	spec func() wlp.Spec
}{
	{"astd-2004.profile.schema.json", wlp.DefaultSpec},
	{"tricky.profile.schema.json", formTrickySpec},
}

func TestProfileSchemaGoldens(t *testing.T) {
	for _, g := range formGoldens {
		t.Run(g.file, func(t *testing.T) {
			got, err := mustNew(t, g.spec()).ProfileSchema()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "form", g.file)
			if *updateForms {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestProfileSchemaGoldens -update-forms to write it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("ProfileSchema differs from %s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// TestProfileSchemaUnchanged compares forms too large to keep as golden
// files (generated frameworks, and the custom framework of
// formschema_test.go) with the SHA-256 of what ProfileSchema wrote for
// them when it was made linear (byte for byte what the quadratic writer
// wrote), with the profile ID rule added since.
func TestProfileSchemaUnchanged(t *testing.T) {
	specs := map[string]func() wlp.Spec{
		"acme-2026":     fsCustomSpec,
		"generated 50":  func() wlp.Spec { return growthSpec(50) },
		"generated 300": func() wlp.Spec { return growthSpec(300) },
	}
	want := map[string]string{
		"acme-2026":     "e6f33614c2774fecf685354381cd3599ac628558aed7075262db8f105f29e390",
		"generated 50":  "2513e99abbe1a7e449baae726c2a9f6e0c9dbb56e1bb4e02b0b3c1dbf1eb146e",
		"generated 300": "9c7f9e349c68a92b37e2a177fae8dc54a9b4b253c3c0a32ef8533eaf9ff01fe9",
	}
	got := map[string]string{}
	for name, spec := range specs {
		b, err := mustNew(t, spec()).ProfileSchema()
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		got[name] = hex.EncodeToString(sum[:])
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SHA-256 of the forms (-want +got):\n%s", diff)
	}
}

// TestValidateProfileCapsProblems checks that a profile of many unknown
// IDs gets a bounded report: the first 1,000 problems, in order, and a
// count of the rest.
func TestValidateProfileCapsProblems(t *testing.T) {
	p := profile.Profile{ID: "E1001", Ratings: map[competency.ID]profile.Rating{}}
	for i := range 1500 {
		p.Ratings[competency.ID(fmt.Sprintf("x-%04d", i))] = profile.Rating{Level: 1}
	}
	p.Reviews = []profile.Review{{Source: profile.Peer, Levels: map[competency.ID]competency.Level{"coaching": 2, "y-1": 3, "y-0": 3}}}
	err := wlp.Default().ValidateProfile(p)
	var ve *profile.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("ValidateProfile = %v (%T), want a *profile.ValidationError", err, err)
	}
	type summary struct {
		Problems, Omitted int
		First, Last       wlp.Problem
	}
	got := summary{Problems: len(ve.Problems), Omitted: ve.Omitted}
	if len(ve.Problems) > 0 {
		got.First, got.Last = ve.Problems[0], ve.Problems[len(ve.Problems)-1]
	}
	want := summary{
		Problems: 1000, Omitted: 502,
		First: wlp.Problem{Path: "/ratings/x-0000", Message: `unknown competency or area "x-0000" in framework "astd-2004"`},
		Last:  wlp.Problem{Path: "/ratings/x-0999", Message: `unknown competency or area "x-0999" in framework "astd-2004"`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the report (-want +got):\n%s", diff)
	}
	// The reviews' unknown IDs are reported too, in order, when there is
	// room for them.
	p.Ratings = nil
	err = wlp.Default().ValidateProfile(p)
	if !errors.As(err, &ve) {
		t.Fatalf("ValidateProfile = %v (%T), want a *profile.ValidationError", err, err)
	}
	wantReviews := []wlp.Problem{
		{Path: "/reviews/0/levels/y-0", Message: `unknown competency or area "y-0" in framework "astd-2004"`},
		{Path: "/reviews/0/levels/y-1", Message: `unknown competency or area "y-1" in framework "astd-2004"`},
	}
	if diff := cmp.Diff(wantReviews, ve.Problems); diff != "" {
		t.Errorf("the reviews' problems (-want +got):\n%s", diff)
	}
}
