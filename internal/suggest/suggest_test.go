package suggest

import (
	"strings"
	"testing"
)

func TestClosest(t *testing.T) {
	cands := []string{"median", "mean-except-self", "max-steps", "completion", "building-trust", "Coaching", "communicating-effectively", "business-partner", "Business Partner", "rank", "team", "score"}
	tests := []struct {
		word   string
		want   string
		wantOK bool
	}{
		{"Building Trust", "building-trust", true},
		{"BUILDING_TRUST", "building-trust", true},
		{"bulding trust", "building-trust", true},
		{"coahcing", "Coaching", true},
		{"buisness partner", "business-partner", true},
		{"scroe", "score", true},
		{"ranks", "rank", true},
		{"communicating", "communicating-effectively", true},
		{"department", "", false},
		{"steps", "max-steps", true},
		{"mean", "mean-except-self", true},
		{"medain", "median", true},
		{"complete", "completion", true},
		{"", "", false},
		{"x", "", false},
		{"zzzzzzzz", "", false},
	}
	for _, tt := range tests {
		got, ok := Closest(tt.word, cands)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Building Trust": "buildingtrust", "building-trust": "buildingtrust", " Ça va ": "çava", "4 - Proficient": "4proficient",
		"Career Planning & Talent Management": "careerplanningandtalentmanagement",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestClosestLong checks that very long words are compared by their
// first runes only: a megabyte word costs no more than a short one.
func TestClosestLong(t *testing.T) {
	long := strings.Repeat("coaching", 1<<17)
	if got, ok := Closest(long, []string{long + "x"}); !ok || got == "" {
		t.Errorf("Closest of two long words sharing their first 64 runes = %q, %v; want a match", got, ok)
	}
}
