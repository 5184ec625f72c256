package main

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
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

// TestRankOrderAgreesWithMatch: the table ranks by fit alone, without
// whole results; its order must be match.Matcher.Rank's, ties included,
// on random people (many of them tied, some sharing an ID) against every
// target, for every k.
func TestRankOrderAgreesWithMatch(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	ids := f.IDs()
	var ps []profile.Profile
	for i := range 60 {
		p := profile.Profile{ID: "p" + string(rune('a'+i%23)), Ratings: map[competency.ID]profile.Rating{}}
		for j, id := range ids {
			if (i*7+j*3)%4 == 0 {
				p.Ratings[id] = profile.Rating{Level: competency.Level((i + j) % 3 * 2)}
			}
		}
		ps = append(ps, p)
	}
	for _, target := range targets(f) {
		for _, k := range []int{0, 1, 7, 60, 100} {
			ranked, err := m.Rank(ps, target, k)
			if err != nil {
				t.Fatal(err)
			}
			order, err := rankOrder(m, ps, target, k)
			if err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for _, r := range ranked {
				want = append(want, r.Profile)
			}
			for _, i := range order {
				got = append(got, ps[i].ID)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("%s, k %d (-Rank +rankOrder):\n%s", target, k, diff)
			}
		}
	}
}
