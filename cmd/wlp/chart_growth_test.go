package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// wideRoleFramework writes a framework whose role "wide" requires n
// competencies of its own, one axis each on a chart, and returns its path.
func wideRoleFramework(tb testing.TB, n int) string {
	tb.Helper()
	s := wlp.DefaultSpec()
	wide := role.Role{ID: "wide", Name: "Wide"}
	for i := range n {
		id := competency.ID("c" + strconv.Itoa(i))
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "Competency " + strconv.Itoa(i), Cluster: s.Competencies[0].Cluster})
		wide.Requirements = append(wide.Requirements, role.Requirement{Of: []competency.ID{id}, Level: 3, Weight: 1, Why: "w"})
	}
	s.Roles = append(s.Roles, wide)
	b, err := json.Marshal(s)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "wide.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkGrowthChart runs `wlp chart` on one person against a role of
// n axes: reading the framework and the profile, and the chart that
// package report draws, whose cost grows linearly with n (see
// report.BenchmarkGrowthRadar).
func BenchmarkGrowthChart(b *testing.B) {
	for _, n := range []int{2000, 4000, 8000} {
		fw := wideRoleFramework(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if code := run([]string{"chart", "-framework", fw, "wide", "../../examples/data/dana.json"}, nil, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
