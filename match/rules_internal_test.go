package match

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRules checks each rule of rules.go on values worked out by hand.
func TestRules(t *testing.T) {
	type credits struct{ Partial, Strict int }
	creditCases := []struct {
		have, need int8
		want       credits
	}{
		{0, 3, credits{0, 0}},
		{2, 3, credits{2, 0}},
		{3, 3, credits{3, 3}},
		{5, 3, credits{3, 3}}, // surplus earns nothing
		{1, 1, credits{1, 1}},
	}
	for _, c := range creditCases {
		got := credits{credit(c.have, c.need, false), credit(c.have, c.need, true)}
		if d := cmp.Diff(c.want, got); d != "" {
			t.Errorf("credit(%d, %d) (-want +got):\n%s", c.have, c.need, d)
		}
	}

	type state struct {
		State int
		Kth   int8
	}
	bestCases := []struct {
		name   string
		counts levelCounts
		k      int
		need   int8
		strict bool
		want   state
	}{
		// levels 5, 4, 2, 0: the 2 best at need 4 earn 4 + 4.
		{"two of four", levelCounts{1, 0, 1, 0, 1, 1}, 2, 4, false, state{8, 4}},
		// the 3 best are 5, 4, 2: 4 + 4 + 2, the third best 2.
		{"three of four", levelCounts{1, 0, 1, 0, 1, 1}, 3, 4, false, state{10, 2}},
		{"three of four, strict", levelCounts{1, 0, 1, 0, 1, 1}, 3, 4, true, state{8, 2}},
		{"all four", levelCounts{1, 0, 1, 0, 1, 1}, 4, 4, false, state{10, 0}},
		// two counted, three wanted: the missing one is level 0.
		{"fewer than k", levelCounts{0, 0, 0, 2, 0, 0}, 3, 3, false, state{6, 0}},
		{"one ID", levelCounts{0, 0, 0, 0, 0, 1}, 1, 2, false, state{2, 5}},
	}
	for _, c := range bestCases {
		u, kth := c.counts.best(c.k, c.need, c.strict)
		if d := cmp.Diff(c.want, state{u, kth}); d != "" {
			t.Errorf("%s: best (-want +got):\n%s", c.name, d)
		}
	}

	type values struct {
		Score, Fit, FitAllMet, Rise, Gain, TinyGain float64
		Grades                                      []Confidence
	}
	want := values{
		Score: 0.75, Fit: 0.4, FitAllMet: 1, Rise: 0.125, Gain: 0.333333333333, TinyGain: 1e-12,
		Grades: []Confidence{Exact, High, Low, No, High},
	}
	got := values{
		Score:     score(6, 8),
		Fit:       fitOf(2, 5, false),
		FitAllMet: fitOf(4.999999, 5, true),
		Rise:      rise(0.25, score(1, 2)),
		Gain:      gain(1.0 / 3),
		TinyGain:  gain(1e-15),
		Grades: []Confidence{
			grade(1, true, LowFit, HighFit),
			grade(0.85, false, LowFit, HighFit),
			grade(0.6, false, LowFit, HighFit),
			grade(0.599999999999, false, LowFit, HighFit),
			grade(0.5, false, 0.3, 0.5),
		},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rules (-want +got):\n%s", d)
	}
	// A fit that rounds to 1 while a requirement is unmet stays below 1.
	if f := fitOf(1-1e-14, 1, false); f != 1-1e-12 {
		t.Errorf("fitOf(1-1e-14, 1, false) = %v, want 1-1e-12", f)
	}
	if s := score(8, 8); s != 1 {
		t.Errorf("score(8, 8) = %v, want exactly 1", s)
	}
}
