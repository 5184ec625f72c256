package main

import (
	"encoding/json"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

// TestCombine checks that the reviews of a profile are merged by the
// -combine policy, by median without -combine, and left out with
// -combine none: score -json equals the library's result on
// Profile.Combine's profile (on the profile as given for none), with
// "combined" naming the policy; and the table names the policy and notes
// the raters' disagreements.
func TestCombine(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	raw := testfix.LoadProfile(t, alex)
	if len(raw.Reviews) == 0 {
		t.Fatalf("%s carries no reviews", alex)
	}
	for _, c := range []struct {
		flag []string // the -combine flag, if any
		pol  profile.Policy
		note string // what the table says of the policy
	}{
		{nil, profile.Median, "by median (the default) for Alex Kim"},
		{[]string{"-combine", "median"}, profile.Median, "by median for Alex Kim"},
		{[]string{"-combine", "manager-first"}, profile.ManagerFirst, "by manager-first for Alex Kim"},
		{[]string{"-combine", "mean-except-self"}, profile.MeanExceptSelf, "by mean-except-self for Alex Kim"},
		{[]string{"-combine", "none"}, "", "reviews are left out (-combine none) for Alex Kim"},
	} {
		p, dis := raw, []profile.Disagreement(nil)
		if c.pol != "" {
			var err error
			if p, dis, err = raw.Combine(c.pol); err != nil {
				t.Fatal(err)
			}
			if len(dis) == 0 {
				t.Errorf("%s: the sample has no disagreement to show", c.pol)
			}
		}
		for _, target := range targets(f) {
			r := runWLP("", args("score", "-json", c.flag, string(target), alex)...)
			if r.code != 0 {
				t.Fatalf("%v: exit %d: %s", c.flag, r.code, r.stderr)
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
			want.Combined = c.pol
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("score %v %s (-library +command):\n%s", c.flag, target, diff)
			}
		}
		for _, argv := range [][]string{
			{"score", clo, alex}, {"roles", alex}, {"rank", clo, alex, dana},
			{"team", clo, alex, dana}, {"assign", clo, alex, dana}, {"plan", clo, alex},
		} {
			r := runWLP("", args(argv[0], c.flag, argv[1:])...)
			if r.code != 0 {
				t.Fatalf("%v %v: exit %d: %s", argv, c.flag, r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, c.note) {
				t.Errorf("%v %v: the table does not say %q:\n%s", argv, c.flag, c.note, r.stdout)
			}
			if hint := "-combine none for the ratings alone"; strings.Contains(r.stdout, hint) != (c.flag == nil) {
				t.Errorf("%v %v: the hint %q shows only without -combine:\n%s", argv, c.flag, hint, r.stdout)
			}
			for _, d := range dis {
				if want := disagreement(f, d); !strings.Contains(r.stdout, want[:40]) {
					t.Errorf("%v %v: the table does not note %q:\n%s", argv, c.flag, want, r.stdout)
				}
			}
			if len(dis) > 0 && !strings.Contains(r.stdout, "combined by "+string(c.pol)) {
				t.Errorf("%v %v: the disagreements do not name the policy:\n%s", argv, c.flag, r.stdout)
			}
		}
	}
	// A profile without reviews is the same with and without -combine.
	for _, pol := range []string{"median", "manager-first", "mean-except-self", "none"} {
		if a, b := runWLP("", "score", "-combine", pol, clo, dana), runWLP("", "score", clo, dana); a != b {
			t.Errorf("-combine %s changes a profile without reviews", pol)
		}
	}
}

// TestCombinedInJSON checks that every JSON result of a person names the
// policy that merged their reviews, and only theirs: rank's results, the
// team's result, the plan and roles' results; and that the documents
// still validate.
func TestCombinedInJSON(t *testing.T) {
	for _, c := range []struct {
		argv []string
		kind string
		want map[string]string // a JSON path, as read by pick, to the value of "combined"
	}{
		{args("rank", "-json", clo, alex, dana), schema.Ranking, map[string]string{"0": "", "1": "median"}},
		{args("rank", "-json", "-combine", "none", clo, alex, dana), schema.Ranking, map[string]string{"0": "", "1": ""}},
		{args("team", "-json", "-combine", "manager-first", clo, alex, dana), schema.Team, map[string]string{"team": "manager-first"}},
		{args("team", "-json", clo, dana, lee), schema.Team, map[string]string{"team": ""}},
		{args("plan", "-json", clo, alex), schema.Plan, map[string]string{"": "median"}},
		{args("plan", "-json", clo, dana), schema.Plan, map[string]string{"": ""}},
	} {
		r := runWLP("", c.argv...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", c.argv, r.code, r.stderr)
		}
		validJSON(t, c.kind, r.stdout)
		got := map[string]string{}
		for path := range c.want {
			got[path] = combinedAt(t, r.stdout, path)
		}
		if diff := gocmp.Diff(c.want, got); diff != "" {
			t.Errorf("%v: combined (-want +got):\n%s", c.argv, diff)
		}
	}
	r := runWLP("", "roles", "-json", alex)
	var results []match.Result
	if err := json.Unmarshal([]byte(r.stdout), &results); err != nil || len(results) == 0 {
		t.Fatalf("roles -json: %v\n%s", err, r.stdout)
	}
	for _, res := range results {
		if res.Combined != profile.Median {
			t.Errorf("roles -json: %s: combined %q, want median", res.Target, res.Combined)
		}
	}
}

// combinedAt returns the "combined" of the result at path in doc: "" for
// a plan (its own field), "N" for the N-th entry of a ranking, "team"
// for a team's result.
func combinedAt(t *testing.T, doc, path string) string {
	t.Helper()
	var v struct {
		Combined string
	}
	var err error
	switch path {
	case "":
		err = json.Unmarshal([]byte(doc), &v)
	case "team":
		var tr struct {
			Team struct{ Result struct{ Combined string } }
		}
		err = json.Unmarshal([]byte(doc), &tr)
		v.Combined = tr.Team.Result.Combined
	default:
		var rk []struct {
			Profile string
			Result  struct{ Combined string }
		}
		err = json.Unmarshal([]byte(doc), &rk)
		i := int(path[0] - '0')
		if err == nil && i < len(rk) {
			v.Combined = rk[i].Result.Combined
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return v.Combined
}

// TestNoteLines checks the notes on reviews: who was merged by what
// policy, named briefly and counted past a few, and the chart's notes.
func TestNoteLines(t *testing.T) {
	f := wlp.Default()
	note := func(name string, pol profile.Policy) reviewNote {
		return reviewNote{place: name + ".json", who: name, reviews: 2, policy: pol}
	}
	many := []reviewNote{note("A", "median"), note("B", "median"), note("C", "median"), note("D", "median"),
		note("E", "median"), note("F", "median"), note("G", "")}
	for _, c := range []struct {
		name    string
		combine string
		notes   []reviewNote
		want    []string
		chart   []string
	}{
		{"default", "", []reviewNote{note("A", "median")}, []string{
			"", "Note: reviews are combined into the ratings by median (the default) for A.",
			"  Choose with -combine manager-first|mean-except-self, or -combine none for the ratings alone.",
		}, []string{"A: 2 reviews combined by median (the default)"}},
		{"named", "mean-except-self", []reviewNote{note("A", "mean-except-self"), note("B", "mean-except-self")}, []string{
			"", "Note: reviews are combined into the ratings by mean-except-self for 2 people: A and B.",
		}, []string{"A: 2 reviews combined by mean-except-self", "B: 2 reviews combined by mean-except-self"}},
		{"none", "none", []reviewNote{note("A", "")}, []string{
			"", "Note: reviews are left out (-combine none) for A: only the ratings count.",
		}, []string{"A: 2 reviews left out (-combine none)"}},
		{"many", "", many, []string{
			"", "Note: reviews are combined into the ratings by median (the default) for 6 people: A, B, C, D, E and 1 more.",
			"  Choose with -combine manager-first|mean-except-self, or -combine none for the ratings alone.",
			"", "Note: reviews are left out (-combine none) for G: only the ratings count.",
		}, nil},
	} {
		e := &env{combine: c.combine, reviewNotes: c.notes}
		if diff := gocmp.Diff(c.want, e.noteLines(f)); diff != "" {
			t.Errorf("%s: notes (-want +got):\n%s", c.name, diff)
		}
		if c.chart != nil {
			if diff := gocmp.Diff(c.chart, e.chartNotes(f)); diff != "" {
				t.Errorf("%s: chart notes (-want +got):\n%s", c.name, diff)
			}
		}
	}
}
