package main

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

// TestRankOrder checks that rank -json validates against the ranking
// schema and orders people as sorting their Score results does: best fit
// first, ties by profile ID.
func TestRankOrder(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	var ps []profile.Profile
	for _, path := range team {
		ps = append(ps, testfix.LoadProfile(t, path))
	}
	for _, target := range targets(f) {
		for _, k := range []string{"0", "1", "3", "9"} {
			r := runWLP("", args("rank", "-json", "-k", k, string(target), team)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			validJSON(t, schema.Ranking, r.stdout)
			var got []match.Ranked
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatal(err)
			}
			var want []match.Ranked
			for _, p := range ps {
				res, err := m.Score(p, target)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, match.Ranked{Profile: p.ID, Result: res})
			}
			slices.SortStableFunc(want, func(a, b match.Ranked) int {
				return cmp.Or(cmp.Compare(b.Result.Fit, a.Result.Fit), strings.Compare(a.Profile, b.Profile))
			})
			if n := int(k[0] - '0'); n > 0 && n < len(want) {
				want = want[:n]
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("rank -k %s %s (-sorted scores +command):\n%s", k, target, diff)
			}
		}
	}
}
