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

// TestCombine checks that -combine scores the merged profile: score -json
// equals the library's result on Profile.Combine's profile, for each
// policy; the table notes the raters' disagreements; and without
// -combine the table says that the reviews were not used.
func TestCombine(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	raw := testfix.LoadProfile(t, alex)
	if len(raw.Reviews) == 0 {
		t.Fatalf("%s carries no reviews", alex)
	}
	for _, pol := range profile.Policies() {
		p, dis, err := raw.Combine(pol)
		if err != nil {
			t.Fatal(err)
		}
		if len(dis) == 0 {
			t.Errorf("%s: the sample has no disagreement to show", pol)
		}
		for _, target := range targets(f) {
			r := runWLP("", "score", "-json", "-combine", string(pol), alex, string(target))
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
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
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("score -combine %s %s (-library +command):\n%s", pol, target, diff)
			}
		}
		for _, argv := range [][]string{
			{"score", alex, clo}, {"roles", alex}, {"rank", clo, alex, dana},
			{"team", clo, alex, dana}, {"assign", clo, alex, dana}, {"plan", alex, clo},
		} {
			r := runWLP("", args(argv[0], "-combine", string(pol), argv[1:])...)
			if r.code != 0 {
				t.Fatalf("%v: exit %d: %s", argv, r.code, r.stderr)
			}
			for _, d := range dis {
				if want := disagreement(f, d); !strings.Contains(r.stdout, want) {
					t.Errorf("%v -combine %s: the table does not note %q:\n%s", argv, pol, want, r.stdout)
				}
			}
			if !strings.Contains(r.stdout, "combined by "+string(pol)) {
				t.Errorf("%v -combine %s: the table does not name the policy", argv, pol)
			}
		}
	}
	r := runWLP("", "score", alex, clo)
	if r.code != 0 || !strings.Contains(r.stdout, "5 reviews not merged") {
		t.Errorf("without -combine: exit %d, no note on the reviews:\n%s", r.code, r.stdout)
	}
	// A profile without reviews is the same with and without -combine.
	for _, pol := range profile.Policies() {
		if a, b := runWLP("", "score", "-combine", string(pol), dana, clo), runWLP("", "score", dana, clo); a != b {
			t.Errorf("-combine %s changes a profile without reviews", pol)
		}
	}
}
