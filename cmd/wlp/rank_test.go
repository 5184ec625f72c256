package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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
			var list rankList = &everyone{pop: match.NewPopulation(f), e: e}
			if k > 0 {
				r, err := m.NewRanking(target, k)
				if err != nil {
					t.Fatal(err)
				}
				list = &best{r: r, e: e}
			}
			for _, p := range ps {
				list.add(p)
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

// rankRowRE matches a row of rank's table and captures its NAME cell.
var rankRowRE = regexp.MustCompile(`(?m)^\d+ +kim-[ab] +(.+?) +\d+\.\d%`)

// TestRankNamesAmongRowsShown: two people of the same name are told
// apart by profile ID in the table, but only when both are listed: rank
// reads people one at a time and cannot know everyone's names, so with
// -k 1 the one row shown keeps its name.
func TestRankNamesAmongRowsShown(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "twins.jsonl")
	text := `{"id":"kim-a","name":"Kim Lee","ratings":{"thinking-strategically":{"level":5}}}` + "\n" +
		`{"id":"kim-b","name":"Kim Lee","ratings":{"thinking-strategically":{"level":2}}}` + "\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		k    string
		want []string // the NAME cell of each row
	}{
		{"0", []string{"kim-a", "kim-b"}},
		{"1", []string{"Kim Lee"}},
	} {
		r := runWLP("", "rank", "-k", c.k, "learning-strategist", path)
		if r.code != 0 {
			t.Fatalf("-k %s: exit %d: %s", c.k, r.code, r.stderr)
		}
		var got []string
		for _, m := range rankRowRE.FindAllStringSubmatch(r.stdout, -1) {
			got = append(got, m[1])
		}
		if diff := gocmp.Diff(c.want, got); diff != "" {
			t.Errorf("-k %s: names (-want +got):\n%s\n%s", c.k, diff, r.stdout)
		}
	}
}
