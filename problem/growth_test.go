package problem_test

// Growth of the problem package's operations: benchmarks at N, 2N and 4N,
// and regression tests that measure allocations rather than time.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/problem"
)

// growthProblems are the N, 2N and 4N problems of the list benchmarks; 4N
// stays within MaxReported, so every problem is kept.
var growthProblems = []int{250, 500, 1000}

// growthTokens are the N, 2N and 4N reference tokens of the paths that
// BenchmarkGrowthCompare compares.
var growthTokens = []int{1000, 2000, 4000}

// growthBytes are the N, 2N and 4N bytes of the value BenchmarkGrowthQuote
// quotes.
var growthBytes = []int{10_000, 20_000, 40_000}

func growthBench[T any](b *testing.B, sizes []int, setup func(int) T, op func(*testing.B, T)) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			in := setup(n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				op(b, in)
			}
		})
	}
}

// longPaths returns two problems whose paths have n tokens and differ
// only in the last, so that Compare reads both paths to the end.
func longPaths(n int) [2]problem.Problem {
	base := strings.Repeat("/roles/12", n/2)
	return [2]problem.Problem{{Path: base + "/9", Message: "m"}, {Path: base + "/10", Message: "m"}}
}

func BenchmarkGrowthListAppend(b *testing.B) {
	growthBench(b, growthProblems, numbered, func(_ *testing.B, ps []problem.Problem) {
		var l problem.List
		l.Append(ps...)
	})
}

func BenchmarkGrowthAppendError(b *testing.B) {
	growthBench(b, growthProblems, func(n int) error { return problem.New("wlp", numbered(n), 0) }, func(_ *testing.B, err error) {
		var l problem.List
		l.AppendError(err)
	})
}

func BenchmarkGrowthErrorText(b *testing.B) {
	growthBench(b, growthProblems, func(n int) *problem.Error { return problem.New("wlp", numbered(n), 0) }, func(_ *testing.B, e *problem.Error) {
		_ = e.Error()
	})
}

func BenchmarkGrowthCompare(b *testing.B) {
	growthBench(b, growthTokens, longPaths, func(b *testing.B, ps [2]problem.Problem) {
		if problem.Compare(ps[0], ps[1]) >= 0 {
			b.Fatal("wrong order")
		}
	})
}

// BenchmarkGrowthQuote quotes values of N, 2N and 4N bytes: the cost
// stays the same, since Quote shows only the first MaxQuoted bytes.
func BenchmarkGrowthQuote(b *testing.B) {
	growthBench(b, growthBytes, func(n int) string { return strings.Repeat("x", n) }, func(_ *testing.B, s string) {
		_ = problem.Quote(s)
	})
}

// TestGrowthIsLinear checks that what the list operations allocate grows
// no faster than their input (at most 6 times for 4 times the problems),
// and that Quote allocates no more for a longer value.
func TestGrowthIsLinear(t *testing.T) {
	n, n4 := growthProblems[0], growthProblems[2]
	small, large := problem.New("wlp", numbered(n), 0), problem.New("wlp", numbered(n4), 0)
	longValue := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name  string
		op    func(large bool) func()
		ratio uint64
	}{
		{"List.Append", func(big bool) func() {
			ps := numbered(n)
			if big {
				ps = numbered(n4)
			}
			return func() {
				var l problem.List
				l.Append(ps...)
			}
		}, 6},
		{"List.AppendError", func(big bool) func() {
			err := error(small)
			if big {
				err = large
			}
			return func() {
				var l problem.List
				l.AppendError(err)
			}
		}, 6},
		{"Error.Error", func(big bool) func() {
			e := small
			if big {
				e = large
			}
			return func() { _ = e.Error() }
		}, 6},
		{"Quote", func(big bool) func() {
			s := longValue(growthBytes[0])
			if big {
				s = longValue(growthBytes[2])
			}
			// A hundred calls, so that a stray allocation elsewhere in
			// the process (the race detector's, another test's) is noise
			// beside them: one call allocates only a few hundred bytes.
			return func() {
				for range 100 {
					_ = problem.Quote(s)
				}
			}
		}, 2}, // constant: 2 leaves room for noise; a copy of the value would be 4
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := alloctest.Bytes(tt.op(false))
			b := alloctest.Bytes(tt.op(true))
			if a == 0 || b > tt.ratio*a {
				t.Errorf("allocated %d bytes at N, %d at 4N; want some, and at most %d times as much at 4N", a, b, tt.ratio)
			}
		})
	}
}

// TestCompareAllocatesNothing checks that Compare reads paths in place,
// however long they are.
func TestCompareAllocatesNothing(t *testing.T) {
	for _, n := range []int{growthTokens[0], growthTokens[2]} {
		ps := longPaths(n)
		var order int
		got := testing.AllocsPerRun(10, func() { order = problem.Compare(ps[0], ps[1]) })
		if order >= 0 {
			t.Errorf("Compare of paths of %d tokens = %d, want < 0", n, order)
		}
		if got != 0 {
			t.Errorf("Compare of paths of %d tokens: %v allocations, want 0", n, got)
		}
	}
}
