package profile

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/competency"
)

// TestCombineEvidenceWorkIsBounded: a review's evidence stands behind all
// of its levels, so a review with E items and K levels could make Combine
// look at K x E items. It looks at no more than maxExamined per ID, so the
// work grows with the input, not with its square; it counts the items it
// looks at, which this test reads instead of timing anything.
func TestCombineEvidenceWorkIsBounded(t *testing.T) {
	type work struct{ IDs, Examined, Bound int }
	for _, size := range []struct{ ids, items int }{{10, 10}, {1000, 5000}, {4000, 20000}} {
		rv := Review{Source: Peer, Levels: map[competency.ID]competency.Level{}}
		for i := range size.items {
			rv.Evidence = append(rv.Evidence, fmt.Sprintf("https://example.com/%d", i), strings.Repeat("x", 1000))
		}
		for i := range size.ids {
			rv.Levels[competency.ID(fmt.Sprintf("c-%d", i))] = 3
		}
		c := combiner{pol: Median, reviews: []Review{rv}}
		for range size.ids {
			r := c.rating([]view{{review: 0, level: 3}})
			if len(r.Evidence) != MaxCombinedEvidence || !strings.Contains(r.Note, "more evidence") {
				t.Fatalf("%d items: a rating with %d evidence items and the note %q", size.items, len(r.Evidence), r.Note)
			}
		}
		got := work{size.ids, c.examinedTotal, size.ids * maxExamined}
		if got.Examined > got.Bound {
			t.Errorf("Combine looked at %d evidence items for %d IDs, more than %d per ID: %+v", got.Examined, size.ids, maxExamined, got)
		}
	}
	// And through Combine: items that do not fit in what is left of
	// MaxCombinedEvidenceBytes are left out, and repeats are taken once.
	rv := Review{Source: Peer, Levels: map[competency.ID]competency.Level{"a": 2, "b": 2}, Evidence: []string{strings.Repeat("y", 600), "ok", "ok", strings.Repeat("z", 505)}}
	out, _, err := Profile{ID: "x", Reviews: []Review{rv}}.Combine(Median)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"ok"}, out.Ratings["a"].Evidence); diff != "" {
		t.Errorf("evidence (-want +got):\n%s", diff)
	}
}

// TestJSONLen: jsonLen is what encoding/json writes.
func TestJSONLen(t *testing.T) {
	for _, s := range []string{"", "a", `"\`, "<>&", "\x00\x1f\n\t\r", "\b\f", "\u2028\u2029", "é語😀", "\x7f", "a\u00a0b"} {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(len(b), jsonLen(s)); diff != "" {
			t.Errorf("jsonLen(%q) (-encoding/json +jsonLen):\n%s", s, diff)
		}
	}
}
