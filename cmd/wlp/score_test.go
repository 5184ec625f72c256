package main

import (
	"encoding/json"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/schema"
)

// TestScoreJSON checks that score -json prints exactly the library's
// result, and that it validates against the result schema, for every
// sample person and every target.
func TestScoreJSON(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	for _, path := range team {
		p := testfix.LoadProfile(t, path)
		for _, target := range targets(f) {
			r := runWLP("", "score", "-json", string(target), path)
			if r.code != 0 {
				t.Fatalf("score %s %s: exit %d: %s", path, target, r.code, r.stderr)
			}
			validJSON(t, schema.Result, r.stdout)
			var got match.Result
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatal(err)
			}
			want, err := m.Score(p, target)
			if err != nil {
				t.Fatal(err)
			}
			if got.Fit != want.Fit {
				t.Errorf("score %s %s: fit %v, library %v", p.ID, target, got.Fit, want.Fit)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("score %s %s differs from the library (-want +got):\n%s", p.ID, target, diff)
			}
		}
	}
}
