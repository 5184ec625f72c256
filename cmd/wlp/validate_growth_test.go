package main

import (
	"fmt"
	"io"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/internal/alloctest"
)

// growthSizes are the sizes the growth benchmarks run at: N, 2N and 4N
// rated IDs the framework does not know, each a problem.
var growthSizes = []int{5000, 10000, 20000}

// validateRun runs `wlp validate -` on doc, its output discarded, and
// returns the exit status.
func validateRun(doc string, json bool) int {
	argv := []string{"validate", "-"}
	if json {
		argv = []string{"validate", "-json", "-"}
	}
	return run(argv, strings.NewReader(doc), io.Discard, io.Discard)
}

// BenchmarkGrowthValidate runs `wlp validate` on a profile with one bad
// level and n unknown IDs: the strict load fails, the lenient pass finds
// the unknown IDs, and the report lists the first 1,000 problems and
// counts the rest. Its cost grows linearly with n.
func BenchmarkGrowthValidate(b *testing.B) {
	for _, n := range growthSizes {
		doc := manyUnknown(n, `"coaching": {"level": 7}`)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				if code := validateRun(doc, true); code != exitFailure {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// TestValidateGrowth measures work, not time: `wlp validate` on a
// profile four times as large allocates at most six times as much
// (linear growth gives four), however many problems the report leaves
// out.
func TestValidateGrowth(t *testing.T) {
	const n = 1200 // past problem.MaxReported
	small := manyUnknown(n, `"coaching": {"level": 7}`)
	large := manyUnknown(4*n, `"coaching": {"level": 7}`)
	validateRun(small, false) // warm up what is built once
	a := alloctest.Bytes(func() { validateRun(small, false) })
	b := alloctest.Bytes(func() { validateRun(large, false) })
	ratio := float64(b) / float64(a)
	if diff := gocmp.Diff(true, ratio <= 6); diff != "" {
		t.Errorf("%d bytes for %d IDs, %d bytes for %d: ratio %.2f, want at most 6 (-want +got):\n%s",
			a, n, b, 4*n, ratio, diff)
	}
}
