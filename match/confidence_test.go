package match_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/match"
)

func TestConfidenceText(t *testing.T) {
	for c, name := range map[match.Confidence]string{match.No: "no", match.Low: "low", match.High: "high", match.Exact: "exact"} {
		if got := c.String(); got != name {
			t.Errorf("%d.String() = %q, want %q", int(c), got, name)
		}
		b, err := c.MarshalText()
		if err != nil || string(b) != name {
			t.Errorf("%d.MarshalText() = %q, %v; want %q", int(c), b, err, name)
		}
		var back match.Confidence = 99
		if err := back.UnmarshalText(b); err != nil || back != c {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, c)
		}
		j, err := json.Marshal(c)
		if err != nil || string(j) != `"`+name+`"` {
			t.Errorf("json.Marshal(%v) = %s, %v", c, j, err)
		}
		var viaJSON match.Confidence
		if err := json.Unmarshal(j, &viaJSON); err != nil || viaJSON != c {
			t.Errorf("json.Unmarshal(%s) = %v, %v", j, viaJSON, err)
		}
	}
	if got := match.Confidence(7).String(); got != "confidence(7)" {
		t.Errorf("Confidence(7).String() = %q", got)
	}
	if got := match.Confidence(-1).String(); got != "confidence(-1)" {
		t.Errorf("Confidence(-1).String() = %q", got)
	}
	for _, c := range []match.Confidence{-1, 4, 100} {
		if b, err := c.MarshalText(); err == nil || !strings.HasPrefix(err.Error(), "match: ") {
			t.Errorf("Confidence(%d).MarshalText() = %q, %v; want a match: error", int(c), b, err)
		}
	}
	for _, s := range []string{"", "High", "EXACT", "medium", "exact ", " no", "2", "confidence(2)"} {
		c := match.Low
		err := c.UnmarshalText([]byte(s))
		if err == nil || !strings.HasPrefix(err.Error(), "match: ") {
			t.Errorf("UnmarshalText(%q) = %v, want a match: error", s, err)
		}
		if c != match.Low {
			t.Errorf("UnmarshalText(%q) changed the value to %v", s, c)
		}
	}
	var c match.Confidence
	if err := json.Unmarshal([]byte(`2`), &c); err == nil {
		t.Errorf("json.Unmarshal(2) into a Confidence succeeded: %v", c)
	}
}

// TestConfidenceWord checks the words people read for the grades, which
// the wlp command's tables and package report's pages share.
func TestConfidenceWord(t *testing.T) {
	got := map[match.Confidence]string{}
	for _, c := range []match.Confidence{match.No, match.Low, match.High, match.Exact, match.Confidence(7), match.Confidence(-1)} {
		got[c] = c.Word()
	}
	want := map[match.Confidence]string{match.No: "weak", match.Low: "partial", match.High: "strong", match.Exact: "full", 7: "confidence(7)", -1: "confidence(-1)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Word (-want +got):\n%s", diff)
	}
}
