package cfpackage_test

// The growth of the package's operations: generated frameworks of N, 2N
// and 4N competencies, benchmarked at each size, and a test that the bytes
// an export allocates grow about linearly (time is not measured in tests).

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/role"
)

// growthSizes are the N, 2N and 4N of the BenchmarkGrowth benchmarks: the
// number of competencies in the generated framework.
var growthSizes = []int{500, 1000, 2000}

// growthFramework generates a valid framework of n competencies in n/10
// clusters, each with two behaviours, n/4 areas, n/8 roles of three
// requirements (one a group of four), and n/32 jobs blending two roles
// with a requirement of their own.
func growthFramework(tb testing.TB, n int) *wlp.Framework {
	tb.Helper()
	s := wlp.Spec{ID: "growth", Name: fmt.Sprintf("Growth %d", n), Version: "1"}
	for i := range max(n/10, 1) {
		s.Clusters = append(s.Clusters, competency.ClusterInfo{
			ID: competency.Cluster(fmt.Sprintf("cluster-%d", i)), Name: fmt.Sprintf("Cluster %d", i), Summary: "What they share.",
		})
	}
	for i := range n {
		s.Competencies = append(s.Competencies, competency.Competency{
			ID:        competency.ID(fmt.Sprintf("competency-%d", i)),
			Name:      fmt.Sprintf("Competency %d", i),
			Cluster:   s.Clusters[i%len(s.Clusters)].ID,
			Summary:   fmt.Sprintf("Does thing %d <well> & \"often\".", i),
			Behaviors: []string{"Shows it.", "Teaches it."},
		})
	}
	for i := range max(n/4, 4) {
		s.Areas = append(s.Areas, aoe.Area{
			ID: competency.ID(fmt.Sprintf("area-%d", i)), Name: fmt.Sprintf("Área %d", i), Technologies: "Tools.",
		})
	}
	for i := range max(n/8, 2) {
		a := func(k int) competency.ID { return s.Areas[(i+k)%len(s.Areas)].ID }
		s.Roles = append(s.Roles, role.Role{
			ID: role.ID(fmt.Sprintf("role-%d", i)), Name: fmt.Sprintf("Role %d", i),
			Requirements: []role.Requirement{
				{Of: []competency.ID{s.Competencies[(2*i)%n].ID}, Level: 3, Weight: 3, Why: "core"},
				{Of: []competency.ID{s.Competencies[(2*i+1)%n].ID}, Level: 2, Weight: 1},
				{Of: []competency.ID{a(0), a(1), a(2), a(3)}, AtLeast: 2, Level: 4, Weight: 2, Why: "depth"},
			},
		})
	}
	for i := range max(n/32, 1) {
		s.Jobs = append(s.Jobs, role.Job{
			ID: role.ID(fmt.Sprintf("job-%d", i)), Title: fmt.Sprintf("Job %d", i),
			Roles:        []role.Share{{Role: s.Roles[(2*i)%len(s.Roles)].ID, Weight: 2}, {Role: s.Roles[(2*i+1)%len(s.Roles)].ID, Weight: 1}},
			Requirements: []role.Requirement{{Of: []competency.ID{s.Areas[i%len(s.Areas)].ID}, Level: 5, Weight: 1}},
		})
	}
	f, err := wlp.New(s)
	if err != nil {
		tb.Fatalf("growthFramework(%d): %v", n, err)
	}
	return f
}

// growthBench runs op at each of growthSizes, on what setup builds, as
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

// BenchmarkGrowthExport exports and encodes frameworks of N, 2N and 4N
// competencies.
func BenchmarkGrowthExport(b *testing.B) {
	growthBench(b, growthFramework, func(b *testing.B, f *wlp.Framework) {
		p, err := cfpackage.Export(f, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := cfpackage.Encode(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	})
}

// growthPackage is the encoded export of growthFramework(n).
func growthPackage(tb testing.TB, n int) []byte {
	p, err := cfpackage.Export(growthFramework(tb, n), nil)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := cfpackage.Encode(&buf, p); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkGrowthDecode decodes the packages of frameworks of N, 2N and
// 4N competencies.
func BenchmarkGrowthDecode(b *testing.B) {
	growthBench(b, growthPackage, func(b *testing.B, data []byte) {
		if _, _, err := cfpackage.Decode(data); err != nil {
			b.Fatal(err)
		}
	})
}

// TestGrowthAllocations checks that what Export and Encode allocate grows
// about linearly: at 4N at most 6 times what they allocate at N, as the
// other packages' growth tests allow (buffers that double their size make
// it more than 4; quadratic growth would make it 16).
func TestGrowthAllocations(t *testing.T) {
	small, large := growthFramework(t, growthSizes[0]), growthFramework(t, growthSizes[2])
	export := func(f *wlp.Framework) func() {
		return func() {
			p, err := cfpackage.Export(f, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := cfpackage.Encode(io.Discard, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	a, b := alloctest.Bytes(export(small)), alloctest.Bytes(export(large))
	if ratio := float64(b) / float64(a); ratio > 6 {
		t.Errorf("Export and Encode allocate %d bytes at n=%d and %d at n=%d: %.1fx for 4x the input, want at most 6x", a, growthSizes[0], b, growthSizes[2], ratio)
	}
}
