package profile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// cbID is the competency most cases rate.
const cbID = aoe.Coaching

// cbRev is a review of cbID alone.
func cbRev(src profile.Source, rater string, l competency.Level) profile.Review {
	return profile.Review{Source: src, Rater: rater, Levels: map[competency.ID]competency.Level{cbID: l}}
}

// cbDated is cbRev with a date.
func cbDated(src profile.Source, l competency.Level, date string) profile.Review {
	r := cbRev(src, "", l)
	r.AssessedAt = date
	return r
}

// cbRevs builds unnamed reviews of cbID, one per level, all from src.
func cbRevs(src profile.Source, ls ...competency.Level) []profile.Review {
	out := make([]profile.Review, len(ls))
	for i, l := range ls {
		out[i] = cbRev(src, "", l)
	}
	return out
}

func cbCombine(t *testing.T, p profile.Profile, pol profile.Policy) (profile.Profile, []profile.Disagreement) {
	t.Helper()
	out, dis, err := p.Combine(pol)
	if err != nil {
		t.Fatalf("Combine(%s): %v", pol, err)
	}
	return out, dis
}

// TestCombineTable: rater sets with known combined levels, sources,
// dates and disagreements, for each policy.
func TestCombineTable(t *testing.T) {
	self, mgr, peer, dr, test := profile.Self, profile.Manager, profile.Peer, profile.DirectReport, profile.Assessment
	cat := func(rs ...[]profile.Review) []profile.Review {
		var out []profile.Review
		for _, r := range rs {
			out = append(out, r...)
		}
		return out
	}
	type want struct {
		level  competency.Level
		source profile.Source
		date   string
		dis    *profile.Disagreement // nil: no disagreement
	}
	dis := func(low, high competency.Level, views ...string) *profile.Disagreement {
		return &profile.Disagreement{ID: cbID, Low: low, High: high, Views: views}
	}
	tests := []struct {
		name    string
		ratings map[competency.ID]profile.Rating
		reviews []profile.Review
		pol     profile.Policy
		want    want
	}{
		// Median: odd and even counts (even: the lower middle).
		{name: "median odd", pol: profile.Median,
			reviews: []profile.Review{cbRev(self, "Ann", 4), cbRev(mgr, "Bo", 2), cbRev(peer, "Cy", 3)},
			want:    want{level: 3, dis: dis(2, 4, "self Ann: 4", "manager Bo: 2", "peer Cy: 3")}},
		{name: "median even", pol: profile.Median,
			reviews: cbRevs(peer, 5, 2, 4, 3),
			want:    want{level: 3, source: peer, dis: dis(2, 5, "peer: 5", "peer: 2", "peer: 4", "peer: 3")}},
		{name: "median even pair", pol: profile.Median,
			reviews: cat(cbRevs(peer, 4), cbRevs(dr, 1)),
			want:    want{level: 1, dis: dis(1, 4, "peer: 4", "direct report: 1")}},
		{name: "median even, same middles", pol: profile.Median,
			reviews: cbRevs(peer, 3, 1, 3, 5, 2, 4),
			want:    want{level: 3, source: peer, dis: dis(1, 5, "peer: 3", "peer: 1", "peer: 3", "peer: 5", "peer: 2", "peer: 4")}},
		{name: "median of one review", pol: profile.Median,
			reviews: cbRevs(test, 4),
			want:    want{level: 4, source: test}},
		// ManagerFirst: the manager's level, the lowest of several, else
		// the median of everyone.
		{name: "manager first", pol: profile.ManagerFirst,
			reviews: []profile.Review{cbRev(self, "", 5), cbRev(mgr, "", 2), cbRev(peer, "", 4)},
			want:    want{level: 2, dis: dis(2, 5, "self: 5", "manager: 2", "peer: 4")}},
		{name: "manager first, several managers: the lowest", pol: profile.ManagerFirst,
			reviews: []profile.Review{cbRev(mgr, "M1", 4), cbRev(peer, "", 1), cbRev(mgr, "M2", 3)},
			want:    want{level: 3, dis: dis(1, 4, "manager M1: 4", "peer: 1", "manager M2: 3")}},
		{name: "manager first, no manager: median", pol: profile.ManagerFirst,
			reviews: []profile.Review{cbRev(self, "", 1), cbRev(peer, "", 3), cbRev(peer, "", 4)},
			want:    want{level: 3, dis: dis(1, 4, "self: 1", "peer: 3", "peer: 4")}},
		{name: "manager first, no manager, even: lower middle", pol: profile.ManagerFirst,
			reviews: []profile.Review{cbRev(self, "", 2), cbRev(peer, "", 4)},
			want:    want{level: 2, dis: dis(2, 4, "self: 2", "peer: 4")}},
		// MeanExceptSelf: the mean of everyone but self, halves down.
		{name: "mean except self: 2.5 rounds down", pol: profile.MeanExceptSelf,
			reviews: []profile.Review{cbRev(self, "", 5), cbRev(peer, "", 2), cbRev(mgr, "", 3)},
			want:    want{level: 2, dis: dis(2, 5, "self: 5", "peer: 2", "manager: 3")}},
		{name: "mean except self: 2, 3, 3 is 3", pol: profile.MeanExceptSelf,
			reviews: cat(cbRevs(peer, 2, 3), cbRevs(mgr, 3)),
			want:    want{level: 3}},
		{name: "mean except self: 2.4 is 2", pol: profile.MeanExceptSelf,
			reviews: cbRevs(peer, 2, 2, 3, 3, 2),
			want:    want{level: 2, source: peer}},
		{name: "mean except self: 2.6 is 3", pol: profile.MeanExceptSelf,
			reviews: cbRevs(peer, 3, 3, 2, 2, 3),
			want:    want{level: 3, source: peer}},
		{name: "mean except self: 4.5 is 4", pol: profile.MeanExceptSelf,
			reviews: cat(cbRevs(self, 0), cbRevs(dr, 4, 5)),
			want:    want{level: 4, dis: dis(0, 5, "self: 0", "direct report: 4", "direct report: 5")}},
		{name: "mean except self: self only falls back to self", pol: profile.MeanExceptSelf,
			reviews: cbRevs(self, 4, 3),
			want:    want{level: 3, source: self}},
		{name: "mean except self: one self", pol: profile.MeanExceptSelf,
			reviews: cbRevs(self, 5),
			want:    want{level: 5, source: self}},
		// Where reviews rate an ID, they decide: a direct rating is replaced,
		// not counted as a view.
		{name: "reviews replace a direct rating", pol: profile.Median,
			ratings: map[competency.ID]profile.Rating{cbID: {Level: 3, Source: mgr, AssessedAt: "2024-01-01"}},
			reviews: cbRevs(peer, 1, 1),
			want:    want{level: 1, source: peer}},
		{name: "a direct manager rating is no manager view", pol: profile.ManagerFirst,
			ratings: map[competency.ID]profile.Rating{cbID: {Level: 3, Source: mgr}},
			reviews: cbRevs(peer, 1, 1),
			want:    want{level: 1, source: peer}},
		{name: "a direct rating does not count in mean except self", pol: profile.MeanExceptSelf,
			ratings: map[competency.ID]profile.Rating{cbID: {Level: 1}},
			reviews: cat(cbRevs(self, 1), cbRevs(peer, 4)),
			want:    want{level: 4, dis: dis(1, 4, "self: 1", "peer: 4")}},
		// Disagreement exactly at a spread of 2, not at 1.
		{name: "spread 1: no disagreement", pol: profile.Median,
			reviews: cat(cbRevs(self, 3), cbRevs(mgr, 2), cbRevs(peer, 3, 2)),
			want:    want{level: 2}},
		{name: "spread 2: disagreement", pol: profile.Median,
			reviews: cat(cbRevs(self, 3), cbRevs(mgr, 1), cbRevs(peer, 2, 2)),
			want:    want{level: 2, dis: dis(1, 3, "self: 3", "manager: 1", "peer: 2", "peer: 2")}},
		// Source: common or unstated; the latest date.
		{name: "agreeing sources stay", pol: profile.Median,
			reviews: []profile.Review{cbDated(mgr, 2, "2023-05-01"), cbDated(mgr, 3, "2025-01-15"), cbDated(mgr, 3, "")},
			want:    want{level: 3, source: mgr, date: "2025-01-15"}},
		{name: "latest date of the reviews, not of a replaced rating", pol: profile.Median,
			ratings: map[competency.ID]profile.Rating{cbID: {Level: 2, Source: peer, AssessedAt: "2025-06-30"}},
			reviews: []profile.Review{cbDated(peer, 2, "2024-12-31"), cbDated(peer, 3, "2025-02-01")},
			want:    want{level: 2, source: peer, date: "2025-02-01"}},
		{name: "differing sources become unstated", pol: profile.Median,
			reviews: []profile.Review{cbDated(peer, 2, "2024-02-02"), cbDated(test, 2, "2024-02-01")},
			want:    want{level: 2, date: "2024-02-02"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := profile.Profile{ID: "pat", Ratings: tt.ratings, Reviews: tt.reviews}
			out, gotDis := cbCombine(t, p, tt.pol)
			r, ok := out.Ratings[cbID]
			if !ok {
				t.Fatalf("no combined rating for %s: %+v", cbID, out.Ratings)
			}
			got := want{level: r.Level, source: r.Source, date: r.AssessedAt}
			if len(gotDis) > 0 {
				got.dis = &gotDis[0]
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("combined (-want +got):\n%s", diff)
			}
			if len(gotDis) > 1 {
				t.Errorf("%d disagreements, want at most 1: %+v", len(gotDis), gotDis)
			}
			// The note says how: the policy, the views, and the disagreement.
			if !strings.HasPrefix(r.Note, string(tt.pol)+" of ") {
				t.Errorf("note %q does not start with the policy", r.Note)
			}
			if flagged := strings.Contains(r.Note, "disagree"); flagged != (tt.want.dis != nil) {
				t.Errorf("note %q: flags a disagreement %v, want %v", r.Note, flagged, tt.want.dis != nil)
			}
			if tt.want.dis != nil {
				for _, v := range tt.want.dis.Views {
					if !strings.Contains(r.Note, v) {
						t.Errorf("note %q does not name view %q", r.Note, v)
					}
				}
			}
			// The reviews are kept.
			if diff := cmp.Diff(p.Reviews, out.Reviews); diff != "" {
				t.Errorf("reviews changed (-in +out):\n%s", diff)
			}
		})
	}
}

// TestCombineSeveralIDs: ratings no review touches stay as they are,
// including their notes and evidence; IDs only reviews rate gain a
// rating; disagreements come in ID order; the input is not changed.
func TestCombineSeveralIDs(t *testing.T) {
	p := profile.Profile{
		ID:   "alex",
		Name: "Alex",
		Ratings: map[competency.ID]profile.Rating{
			competency.BuildingTrust: {Level: 4, Source: profile.Self, AssessedAt: "2020-01-01", Evidence: []string{"a talk"}, Note: "my own view"},
			aoe.Coaching:             {Level: 1, Source: profile.Self, Evidence: []string{"log"}},
		},
		Reviews: []profile.Review{
			{Rater: "Kim", Source: profile.Manager, AssessedAt: "2025-03-01", Levels: map[competency.ID]competency.Level{
				aoe.Coaching: 4, competency.ThinkingStrategically: 1, aoe.DesigningLearning: 2,
			}},
			{Rater: "Lee", Source: profile.Peer, Levels: map[competency.ID]competency.Level{
				aoe.Coaching: 3, competency.ThinkingStrategically: 3,
			}},
		},
	}
	before := p.Clone()
	out, dis, err := p.Combine(profile.Median)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, p); diff != "" {
		t.Errorf("Combine changed its input (-before +after):\n%s", diff)
	}
	// Coaching: the reviews decide (manager 4, peer 3: lower middle 3);
	// the direct self rating is replaced but its evidence kept.
	// Thinking: manager 1, peer 3: lower middle 1, spread 2.
	// Designing: manager 2 alone.
	want := map[competency.ID]profile.Rating{
		competency.BuildingTrust:         {Level: 4, Source: profile.Self, AssessedAt: "2020-01-01", Evidence: []string{"a talk"}, Note: "my own view"},
		aoe.Coaching:                     {Level: 3, AssessedAt: "2025-03-01", Evidence: []string{"log"}},
		competency.ThinkingStrategically: {Level: 1, AssessedAt: "2025-03-01"},
		aoe.DesigningLearning:            {Level: 2, Source: profile.Manager, AssessedAt: "2025-03-01"},
	}
	noNotes := cmpopts.IgnoreFields(profile.Rating{}, "Note")
	if diff := cmp.Diff(want, out.Ratings, noNotes); diff != "" {
		t.Errorf("ratings (-want +got):\n%s", diff)
	}
	if got := out.Ratings[competency.BuildingTrust].Note; got != "my own view" {
		t.Errorf("untouched rating's note = %q, want it kept", got)
	}
	if got := out.Ratings[aoe.DesigningLearning].Note; got == "" {
		t.Errorf("rating from one review has no note saying where it comes from")
	}
	wantDis := []profile.Disagreement{
		{ID: competency.ThinkingStrategically, Low: 1, High: 3, Views: []string{"manager Kim: 1", "peer Lee: 3"}},
	}
	if diff := cmp.Diff(wantDis, dis); diff != "" {
		t.Errorf("disagreements (-want +got):\n%s", diff)
	}
	if out.ID != "alex" || out.Name != "Alex" {
		t.Errorf("identity changed: %q %q", out.ID, out.Name)
	}
	// The merged profile is a copy: changing it leaves p alone.
	out.Reviews[0].Levels[aoe.Coaching] = 0
	r := out.Ratings[competency.BuildingTrust]
	r.Evidence[0] = "changed"
	if diff := cmp.Diff(before, p); diff != "" {
		t.Errorf("changing the result changed the input (-before +after):\n%s", diff)
	}
}

// TestCombineNothingToCombine: no reviews, no ratings.
func TestCombineNothingToCombine(t *testing.T) {
	for _, pol := range profile.Policies() {
		p := profile.Profile{ID: "x", Ratings: map[competency.ID]profile.Rating{aoe.Coaching: {Level: 2, Source: profile.Peer, Note: "n"}}}
		out, dis, err := p.Combine(pol)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p, out); diff != "" || len(dis) != 0 {
			t.Errorf("%s: ratings alone changed (-in +out):\n%s\ndisagreements %v", pol, diff, dis)
		}
		empty := profile.Profile{ID: "y"}
		out, dis, err = empty.Combine(pol)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(empty, out); diff != "" || len(dis) != 0 {
			t.Errorf("%s: empty profile changed (-in +out):\n%s\ndisagreements %v", pol, diff, dis)
		}
	}
}

// TestCombineUnknownPolicy: a policy that is not one of Policies is an
// error, and no profile comes back.
func TestCombineUnknownPolicy(t *testing.T) {
	p := profile.Profile{ID: "x", Reviews: cbRevs(profile.Peer, 1, 3)}
	for _, pol := range []profile.Policy{"", "mean", "Median", "average"} {
		out, dis, err := p.Combine(pol)
		if err == nil {
			t.Errorf("Combine(%q): no error", pol)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "profile: ") {
			t.Errorf("Combine(%q): error %q does not start with \"profile: \"", pol, err)
		}
		if out.ID != "" || dis != nil {
			t.Errorf("Combine(%q): returned %+v, %v with the error", pol, out, dis)
		}
	}
	if diff := cmp.Diff([]profile.Policy{profile.Median, profile.ManagerFirst, profile.MeanExceptSelf}, profile.Policies()); diff != "" {
		t.Errorf("Policies (-want +got):\n%s", diff)
	}
}

// TestCombineAgainWithAnotherPolicy: the merged profile keeps its
// reviews "so Combine can be run again with another policy": doing so
// gives what that policy gives on the original profile.
func TestCombineAgainWithAnotherPolicy(t *testing.T) {
	p := profile.Profile{ID: "x", Reviews: []profile.Review{
		cbRev(profile.Manager, "", 1), cbRev(profile.Peer, "", 5), cbRev(profile.Peer, "", 5),
	}}
	first, _ := cbCombine(t, p, profile.ManagerFirst)
	if got := first.Ratings[cbID].Level; got != 1 {
		t.Fatalf("manager first: %d, want the manager's 1", got)
	}
	// The median of 1, 5, 5 is 5.
	direct, _ := cbCombine(t, p, profile.Median)
	again, _ := cbCombine(t, first, profile.Median)
	if direct.Ratings[cbID].Level != 5 {
		t.Fatalf("median of 1, 5, 5: %d, want 5", direct.Ratings[cbID].Level)
	}
	if got := again.Ratings[cbID].Level; got != 5 {
		t.Errorf("median after manager first: %d (note %q), want 5 as from the reviews", got, again.Ratings[cbID].Note)
	}
}

// cbDoc is a profile document with reviews.
const cbDoc = `{
  "id": "alex",
  "name": "Alex Kim",
  "ratings": {
    "coaching": {"level": 3, "source": "manager", "assessedAt": "2024-05-01", "evidence": ["observed"], "note": "direct"}
  },
  "reviews": [
    {"rater": "Alex", "source": "self", "assessedAt": "2024-06-01", "levels": {"coaching": 4, "building-trust": 2}, "note": "self view"},
    {"source": "peer", "levels": {"coaching": 1}},
    {"rater": "Kim", "source": "manager", "levels": {"driving-results": 3}},
    {"levels": {"designing-learning": 0}}
  ]
}`

// TestReviewsRoundTrip: a document with reviews loads to the expected
// profile; marshalling and loading it again gives an equal profile.
func TestReviewsRoundTrip(t *testing.T) {
	p, err := profile.Load(strings.NewReader(cbDoc))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := profile.Profile{
		ID: "alex", Name: "Alex Kim",
		Ratings: map[competency.ID]profile.Rating{
			aoe.Coaching: {Level: 3, Source: profile.Manager, AssessedAt: "2024-05-01", Evidence: []string{"observed"}, Note: "direct"},
		},
		Reviews: []profile.Review{
			{Rater: "Alex", Source: profile.Self, AssessedAt: "2024-06-01", Levels: map[competency.ID]competency.Level{aoe.Coaching: 4, competency.BuildingTrust: 2}, Note: "self view"},
			{Source: profile.Peer, Levels: map[competency.ID]competency.Level{aoe.Coaching: 1}},
			{Rater: "Kim", Source: profile.Manager, Levels: map[competency.ID]competency.Level{competency.DrivingResults: 3}},
			{Levels: map[competency.ID]competency.Level{aoe.DesigningLearning: 0}},
		},
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("Load (-want +got):\n%s", diff)
	}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	q, err := profile.Load(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Load(Marshal(p)): %v\n%s", err, data)
	}
	if diff := cmp.Diff(p, q); diff != "" {
		t.Errorf("round trip (-first +second):\n%s", diff)
	}
	// And a combined profile, with notes and reviews, round trips too.
	c, _, err := p.Combine(profile.Median)
	if err != nil {
		t.Fatal(err)
	}
	data, err = json.Marshal(c)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	c2, err := profile.Load(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Load(Marshal(combined)): %v\n%s", err, data)
	}
	if diff := cmp.Diff(c, c2); diff != "" {
		t.Errorf("combined round trip (-first +second):\n%s", diff)
	}
}

// TestReviewsEmptyListRoundTrip: "reviews": [] loads, and Load then
// Marshal then Load gives an equal profile.
func TestReviewsEmptyListRoundTrip(t *testing.T) {
	p, err := profile.Load(strings.NewReader(`{"id": "a", "reviews": []}`))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := profile.Load(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Load(%s): %v", data, err)
	}
	if diff := cmp.Diff(p, q); diff != "" {
		t.Errorf("round trip of %s (-first +second):\n%s", data, diff)
	}
}

// cbProblemPaths returns the JSON pointers of a *profile.ValidationError.
func cbProblemPaths(t *testing.T, err error) []string {
	t.Helper()
	var ve *profile.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *profile.ValidationError", err, err)
	}
	out := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = p.Path
	}
	return out
}

// TestReviewsValidate: problems in reviews are named by their JSON
// pointers, by Validate and by Load alike.
func TestReviewsValidate(t *testing.T) {
	lv := func(kv ...any) map[competency.ID]competency.Level {
		m := map[competency.ID]competency.Level{}
		for i := 0; i < len(kv); i += 2 {
			m[competency.ID(kv[i].(string))] = competency.Level(kv[i+1].(int))
		}
		return m
	}
	tests := []struct {
		name    string
		reviews []profile.Review
		doc     string // the reviews as JSON
		want    []string
	}{
		{"level above the scale", []profile.Review{{Levels: lv("coaching", 6)}},
			`[{"levels": {"coaching": 6}}]`, []string{"/reviews/0/levels/coaching"}},
		{"level below the scale", []profile.Review{{Source: profile.Peer, Levels: lv("building-trust", 2)}, {Levels: lv("coaching", -1)}},
			`[{"source": "peer", "levels": {"building-trust": 2}}, {"levels": {"coaching": -1}}]`, []string{"/reviews/1/levels/coaching"}},
		{"malformed ID", []profile.Review{{Levels: lv("Not_An_ID", 2)}},
			`[{"levels": {"Not_An_ID": 2}}]`, []string{"/reviews/0/levels/Not_An_ID"}},
		{"bad source", []profile.Review{{Source: "boss", Levels: lv("coaching", 2)}},
			`[{"source": "boss", "levels": {"coaching": 2}}]`, []string{"/reviews/0/source"}},
		{"bad date", []profile.Review{{AssessedAt: "2024-02-30", Levels: lv("coaching", 2)}},
			`[{"assessedAt": "2024-02-30", "levels": {"coaching": 2}}]`, []string{"/reviews/0/assessedAt"}},
		{"several at once", []profile.Review{{Levels: lv("coaching", 2)}, {Source: "boss", AssessedAt: "yesterday", Levels: lv("coaching", 9)}},
			`[{"levels": {"coaching": 2}}, {"source": "boss", "assessedAt": "yesterday", "levels": {"coaching": 9}}]`,
			[]string{"/reviews/1/source", "/reviews/1/assessedAt", "/reviews/1/levels/coaching"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := profile.Profile{ID: "x", Reviews: tt.reviews}
			err := p.Validate()
			if err == nil {
				t.Fatalf("Validate: no error, want problems at %q", tt.want)
			}
			if diff := cmp.Diff(tt.want, cbProblemPaths(t, err)); diff != "" {
				t.Errorf("Validate paths (-want +got):\n%s\n%v", diff, err)
			}
			_, err = profile.Load(strings.NewReader(`{"id": "x", "reviews": ` + tt.doc + `}`))
			if err == nil {
				t.Fatalf("Load: no error, want problems at %q", tt.want)
			}
			got := cbProblemPaths(t, err)
			for _, w := range tt.want {
				if !cmpContains(got, w) {
					t.Errorf("Load: no problem at %q; got %q\n%v", w, got, err)
				}
			}
		})
	}
	// Valid reviews pass.
	ok := profile.Profile{ID: "x", Reviews: []profile.Review{{Source: profile.DirectReport, AssessedAt: "2024-02-29", Levels: lv("coaching", 0, "building-trust", 5)}}}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid reviews: %v", err)
	}
}

func cmpContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestReviewsValidateProfile: the default framework names IDs it does not
// know in reviews at /reviews/i/levels/<id>, as in ratings.
func TestReviewsValidateProfile(t *testing.T) {
	f := wlp.Default()
	p := profile.Profile{
		ID:      "x",
		Ratings: map[competency.ID]profile.Rating{"juggling": {Level: 2}, aoe.Coaching: {Level: 3}},
		Reviews: []profile.Review{
			{Source: profile.Peer, Levels: map[competency.ID]competency.Level{aoe.Coaching: 2}},
			{Source: profile.Manager, Levels: map[competency.ID]competency.Level{"web-2-0-tools": 3, aoe.Coaching: 2, "abacus": 1}},
		},
	}
	err := f.ValidateProfile(p)
	want := []string{"/ratings/juggling", "/reviews/1/levels/abacus", "/reviews/1/levels/web-2-0-tools"}
	if err == nil {
		t.Fatalf("no error, want problems at %q", want)
	}
	if diff := cmp.Diff(want, cbProblemPaths(t, err)); diff != "" {
		t.Errorf("paths (-want +got):\n%s\n%v", diff, err)
	}
	if !strings.Contains(err.Error(), `"abacus"`) {
		t.Errorf("error %q does not name the unknown ID", err)
	}
	p.Ratings = nil
	p.Reviews[1].Levels = map[competency.ID]competency.Level{aoe.Coaching: 2}
	if err := f.ValidateProfile(p); err != nil {
		t.Errorf("known IDs only: %v", err)
	}
}

// TestCombineRejectsOffScale: levels off the scale do not combine into a
// rating; Combine reports them as Validate does.
func TestCombineRejectsOffScale(t *testing.T) {
	p := profile.Profile{ID: "a", Reviews: []profile.Review{
		{Source: profile.Manager, Levels: map[competency.ID]competency.Level{"coaching": 99}},
		{Source: profile.Peer, Levels: map[competency.ID]competency.Level{"coaching": -5}},
	}}
	_, _, err := p.Combine(profile.ManagerFirst)
	if err == nil || !strings.Contains(err.Error(), "/reviews/0/levels/coaching") || !strings.Contains(err.Error(), "/reviews/1/levels/coaching") {
		t.Errorf("Combine of off-scale levels: error %v, want both places named", err)
	}
}
