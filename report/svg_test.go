package report

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPersonStyle checks that people are told apart: among the first 8,
// 20 and 40 people no two share both colour and marker, among the first
// 120 no two share colour, marker and line pattern, and past those counts
// styles repeat; the ninth person has the first's colour but not its
// marker or line.
func TestPersonStyle(t *testing.T) {
	colour := func(s style) string { return s.color }
	dash := func(s style) string { return s.dash }
	colourMarker := func(s style) string { return fmt.Sprint(s.color, s.marker) }
	whole := func(s style) string { return fmt.Sprint(s.color, s.marker, s.dash) }
	tests := []struct {
		name string
		n    int                // the first n people
		key  func(style) string // what is compared
		want int                // how many distinct keys they have
	}{
		{"colours of 8", 8, colour, 8},
		{"colours of 9", 9, colour, 8},
		{"line patterns of 8", 8, dash, 1},
		{"line patterns of 24", 24, dash, 3},
		{"colour and marker of 8", 8, colourMarker, 8},
		{"colour and marker of 20", 20, colourMarker, 20},
		{"colour and marker of 40", 40, colourMarker, 40},
		{"colour and marker of 41", 41, colourMarker, 40},
		{"the whole style of 12", 12, whole, 12},
		{"the whole style of 120", 120, whole, 120},
		{"the whole style of 121", 121, whole, 120},
	}
	for _, tt := range tests {
		seen := map[string]bool{}
		for i := range tt.n {
			seen[tt.key(personStyle(i))] = true
		}
		if diff := cmp.Diff(tt.want, len(seen)); diff != "" {
			t.Errorf("%s: distinct (-want +got):\n%s", tt.name, diff)
		}
	}
	first, ninth := personStyle(0), personStyle(8)
	got := []bool{first.color == ninth.color, first.marker == ninth.marker, first.dash == ninth.dash, personStyle(-1) == first}
	if diff := cmp.Diff([]bool{true, false, false, true}, got); diff != "" {
		t.Errorf("the first and ninth person: same colour, marker, line; a negative index as the first (-want +got):\n%s", diff)
	}
}

// TestPaletteContrast checks that every person's colour keeps WCAG's 3:1
// contrast for graphics against the chart's white background.
func TestPaletteContrast(t *testing.T) {
	// luminance is WCAG 2's relative luminance of a colour "#rrggbb".
	luminance := func(c string) float64 {
		var l float64
		for i, w := range []float64{0.2126, 0.7152, 0.0722} {
			v, err := strconv.ParseUint(c[1+2*i:3+2*i], 16, 8)
			if err != nil {
				t.Fatal(err)
			}
			x := float64(v) / 255
			if x <= 0.04045 {
				x /= 12.92
			} else {
				x = math.Pow((x+0.055)/1.055, 2.4)
			}
			l += w * x
		}
		return l
	}
	var low []string
	for _, c := range palette {
		if ratio := 1.05 / (luminance(c) + 0.05); ratio < 3 {
			low = append(low, fmt.Sprintf("%s: %.2f", c, ratio))
		}
	}
	if diff := cmp.Diff([]string(nil), low); diff != "" {
		t.Errorf("colours under 3:1 against white (-want +got):\n%s", diff)
	}
}
