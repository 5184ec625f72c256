package main

import (
	"cmp"
	"encoding/json"
	"fmt"
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

// TestRankListsAgreeWithMatch: rank keeps the best k people as a
// match.Ranking (-k) or everyone as a match.Population, and builds each
// row's result itself; the rows must be match.Matcher.Rank's, ties
// included, on people many of whom tie, against every target, for
// every k.
func TestRankListsAgreeWithMatch(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	ids := f.IDs()
	var ps []profile.Profile
	for i := range 60 {
		p := profile.Profile{ID: fmt.Sprintf("p%c%d", 'a'+i%23, i), Name: fmt.Sprint("Person ", i), Ratings: map[competency.ID]profile.Rating{}}
		for j, id := range ids {
			if (i*7+j*3)%4 == 0 {
				p.Ratings[id] = profile.Rating{Level: competency.Level((i + j) % 3 * 2)}
			}
		}
		ps = append(ps, p)
	}
	e := &env{}
	for _, target := range targets(f) {
		for _, k := range []int{0, 1, 7, 60, 100} {
			want, err := m.Rank(ps, target, k)
			if err != nil {
				t.Fatal(err)
			}
			var list rankList = &everyone{pop: match.NewPopulation(f)}
			if k > 0 {
				r, err := m.NewRanking(target, k)
				if err != nil {
					t.Fatal(err)
				}
				list = &best{r: r, e: e}
			}
			for _, p := range ps {
				list.add(e, p)
			}
			var got []match.Ranked
			for r := range list.rows(m, target) {
				if r.name != "Person "+strings.TrimLeft(r.id[2:], "") {
					t.Errorf("%s: row %s is named %q", target, r.id, r.name)
				}
				got = append(got, match.Ranked{Profile: r.id, Result: r.res})
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("%s, k %d (-Rank +rank's rows):\n%s", target, k, diff)
			}
		}
	}
}
