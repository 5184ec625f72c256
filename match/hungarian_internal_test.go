package match

import (
	"math"
	"math/rand/v2"
	"testing"
)

// hmBrute returns the best sum of a matching of rows to distinct columns
// in which every row is matched when rows <= cols and every column is
// matched when cols <= rows: the problem hungarian solves once the
// matrix is padded square with zeros. Rows or columns left out of the
// matching count 0.
func hmBrute(value [][]float64) float64 {
	rows, cols := len(value), len(value[0])
	used := make([]bool, cols)
	best := math.Inf(-1)
	var rec func(i, matched int, sum float64)
	rec = func(i, matched int, sum float64) {
		if i == rows {
			if matched == min(rows, cols) {
				best = max(best, sum)
			}
			return
		}
		// Leave row i out (it takes a padding column) only while enough
		// rows remain to fill every column.
		if rows-i-1 >= min(rows, cols)-matched {
			rec(i+1, matched, sum)
		}
		for j := range cols {
			if !used[j] {
				used[j] = true
				rec(i+1, matched+1, sum+value[i][j])
				used[j] = false
			}
		}
	}
	rec(0, 0, 0)
	return best
}

// TestHungarianBruteForce compares hungarian with brute force on random
// rectangular matrices of 1 to 6 rows and columns, with values from -1 to 1.
func TestHungarianBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 6))
	for round := 0; round < 3000; round++ {
		rows, cols := 1+rng.IntN(6), 1+rng.IntN(6)
		value := make([][]float64, rows)
		for i := range value {
			value[i] = make([]float64, cols)
			for j := range value[i] {
				switch rng.IntN(5) {
				case 0:
					value[i][j] = float64(rng.IntN(5) - 2) // small integers, many ties
				default:
					value[i][j] = 2*rng.Float64() - 1
				}
			}
		}
		got := hungarian(value)
		if len(got) != rows {
			t.Fatalf("round %d: %d assignments for %d rows", round, len(got), rows)
		}
		seen := map[int]bool{}
		sum, matched := 0.0, 0
		for i, j := range got {
			if j < 0 {
				continue
			}
			if j >= cols || seen[j] {
				t.Fatalf("round %d: row %d assigned to column %d (cols %d, seen %v): %v", round, i, j, cols, seen[j], got)
			}
			seen[j] = true
			sum += value[i][j]
			matched++
		}
		if matched != min(rows, cols) {
			t.Errorf("round %d: %d rows matched, want %d: %v", round, matched, min(rows, cols), got)
		}
		if want := hmBrute(value); math.Abs(sum-want) > 1e-9 {
			t.Errorf("round %d: %dx%d sum %v, brute force %v\nvalue %v\ngot %v", round, rows, cols, sum, want, value, got)
		}
	}
}

// TestHungarianHandChecked: small matrices with known optima.
func TestHungarianHandChecked(t *testing.T) {
	tests := []struct {
		name  string
		value [][]float64
		want  []int
	}{
		{"one", [][]float64{{5}}, []int{0}},
		{"negative one", [][]float64{{-5}}, []int{0}},
		{"greedy wrong", [][]float64{{0.9, 0.8}, {0.7, 0.1}}, []int{1, 0}},
		{"wide", [][]float64{{1, 3, 2}}, []int{1}},
		{"tall", [][]float64{{1}, {3}, {2}}, []int{-1, 0, -1}},
		{"tall negative", [][]float64{{-1}, {-3}, {-2}}, []int{0, -1, -1}},
		{"square all negative", [][]float64{{-1, -10}, {-10, -2}}, []int{0, 1}},
		{"anti-diagonal", [][]float64{{0, 5, 0}, {5, 0, 0}, {0, 0, 5}}, []int{1, 0, 2}},
	}
	for _, tt := range tests {
		got := hungarian(tt.value)
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
}
