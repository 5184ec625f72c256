package match_test

import (
	"fmt"
	"testing"

	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/match"
)

// TestNewCostsLinear guards match.New against growing faster than the
// framework: a framework whose n jobs each blend all its n roles is n²
// in size, and New must allocate in proportion to that, not to the n³
// requirements its jobs hold when compiled (it compiles a job on first
// use). It measures allocated bytes, not time.
func TestNewCostsLinear(t *testing.T) {
	small, large := mustNew(t, blendSpec(40, 20)), mustNew(t, blendSpec(80, 20))
	a := alloctest.Bytes(func() { match.New(small) })
	b := alloctest.Bytes(func() { match.New(large) })
	// The framework is 4 times larger; 6 allows for map growth.
	if ratio := float64(b) / float64(a); ratio > 6 {
		t.Errorf("match.New allocates %d bytes for 40 roles and jobs, %d for 80: %.1f times as much for a framework 4 times the size", a, b, ratio)
	}
}

// BenchmarkGrowthNew compiles frameworks of n roles and n jobs that
// blend them all (size n²): New's cost grows with the framework, not
// with the n³ requirements its jobs blend.
func BenchmarkGrowthNew(b *testing.B) {
	for _, n := range []int{50, 100, 200} {
		f := mustNew(b, blendSpec(n, 20))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				match.New(f)
			}
		})
	}
}
