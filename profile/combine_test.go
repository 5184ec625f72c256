package profile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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

// cbDirect is a direct rating of cbID.
func cbDirect(r profile.Rating) map[competency.ID]profile.Rating {
	return map[competency.ID]profile.Rating{cbID: r}
}

// TestCombineTable: views with known combined levels, sources, dates,
// evidence and disagreements, for each policy. A combined rating takes its
// source, date and evidence only from the views that support its level.
func TestCombineTable(t *testing.T) {
	self, mgr, peer, dr, test := profile.Self, profile.Manager, profile.Peer, profile.DirectReport, profile.Assessment
	cat := func(rs ...[]profile.Review) []profile.Review {
		var out []profile.Review
		for _, r := range rs {
			out = append(out, r...)
		}
		return out
	}
	withEvidence := func(r profile.Review, e ...string) profile.Review {
		r.Evidence = e
		return r
	}
	type want struct {
		Level    competency.Level
		Source   profile.Source
		Date     string
		Evidence []string
		Dis      *profile.Disagreement // nil: no disagreement
	}
	dis := func(low, high competency.Level, views ...string) *profile.Disagreement {
		return &profile.Disagreement{ID: cbID, Low: low, High: high, Views: views}
	}
	// The case of issue 11: an assessment of 5 with a certificate, given
	// as a direct rating, and a self review of 1.
	cert := profile.Rating{Level: 5, Source: test, AssessedAt: "2025-11-03", Evidence: []string{"ICF PCC certificate"}, Note: "external"}
	selfOne := cbDated(self, 1, "2026-01-10")
	tests := []struct {
		name    string
		ratings map[competency.ID]profile.Rating
		reviews []profile.Review
		pol     profile.Policy
		want    want
	}{
		// The direct assessment and the self review: the certificate goes
		// only where the assessment's level does.
		{name: "issue 11, median: the self view's 1, without the certificate", pol: profile.Median,
			ratings: cbDirect(cert), reviews: []profile.Review{selfOne},
			want: want{Level: 1, Source: self, Date: "2026-01-10", Dis: dis(1, 5, "self: 1", "assessment: 5")}},
		{name: "issue 11, manager first: no manager, so the median", pol: profile.ManagerFirst,
			ratings: cbDirect(cert), reviews: []profile.Review{selfOne},
			want: want{Level: 1, Source: self, Date: "2026-01-10", Dis: dis(1, 5, "self: 1", "assessment: 5")}},
		{name: "issue 11, mean except self: the assessment's 5, with the certificate", pol: profile.MeanExceptSelf,
			ratings: cbDirect(cert), reviews: []profile.Review{selfOne},
			want: want{Level: 5, Source: test, Date: "2025-11-03", Evidence: []string{"ICF PCC certificate"}, Dis: dis(1, 5, "self: 1", "assessment: 5")}},
		{name: "issue 11 with a peer at 5: both support, sources differ", pol: profile.Median,
			ratings: cbDirect(cert), reviews: []profile.Review{selfOne, withEvidence(cbDated(peer, 5, "2025-12-01"), "peer's log")},
			want: want{Level: 5, Date: "2025-12-01", Evidence: []string{"peer's log", "ICF PCC certificate"}, Dis: dis(1, 5, "self: 1", "peer: 5", "assessment: 5")}},
		{name: "issue 11 with a manager at 3: the manager decides, alone", pol: profile.ManagerFirst,
			ratings: cbDirect(cert), reviews: []profile.Review{selfOne, withEvidence(cbDated(mgr, 3, "2026-02-01"), "1:1 notes")},
			want: want{Level: 3, Source: mgr, Date: "2026-02-01", Evidence: []string{"1:1 notes"}, Dis: dis(1, 5, "self: 1", "manager: 3", "assessment: 5")}},
		{name: "issue 11 with a peer at 2: a mean of 3.5 no view gave", pol: profile.MeanExceptSelf,
			ratings: cbDirect(cert), reviews: []profile.Review{selfOne, withEvidence(cbDated(peer, 2, "2026-02-01"), "peer's log")},
			want: want{Level: 3, Dis: dis(1, 5, "self: 1", "peer: 2", "assessment: 5")}},
		{name: "self evidence stays with self when the manager decides", pol: profile.ManagerFirst,
			reviews: []profile.Review{withEvidence(cbDated(self, 5, "2026-01-01"), "my portfolio"), cbDated(mgr, 2, "2025-12-01")},
			want:    want{Level: 2, Source: mgr, Date: "2025-12-01", Dis: dis(2, 5, "self: 5", "manager: 2")}},
		{name: "mean except self: self evidence at the same level does not count", pol: profile.MeanExceptSelf,
			reviews: []profile.Review{withEvidence(cbDated(self, 3, "2026-01-01"), "my portfolio"), withEvidence(cbDated(peer, 3, "2025-01-01"), "peer's log")},
			want:    want{Level: 3, Source: peer, Date: "2025-01-01", Evidence: []string{"peer's log"}}},
		{name: "median: self evidence at the median level counts", pol: profile.Median,
			reviews: []profile.Review{withEvidence(cbDated(self, 3, "2026-01-01"), "my portfolio"), withEvidence(cbDated(peer, 3, "2025-01-01"), "peer's log")},
			want:    want{Level: 3, Date: "2026-01-01", Evidence: []string{"my portfolio", "peer's log"}}},

		// Median: odd and even counts (even: the lower middle).
		{name: "median odd", pol: profile.Median,
			reviews: []profile.Review{cbRev(self, "Ann", 4), cbRev(mgr, "Bo", 2), cbRev(peer, "Cy", 3)},
			want:    want{Level: 3, Source: peer, Dis: dis(2, 4, "self Ann: 4", "manager Bo: 2", "peer Cy: 3")}},
		{name: "median even", pol: profile.Median,
			reviews: cbRevs(peer, 5, 2, 4, 3),
			want:    want{Level: 3, Source: peer, Dis: dis(2, 5, "peer: 5", "peer: 2", "peer: 4", "peer: 3")}},
		{name: "median even pair", pol: profile.Median,
			reviews: cat(cbRevs(peer, 4), cbRevs(dr, 1)),
			want:    want{Level: 1, Source: dr, Dis: dis(1, 4, "peer: 4", "direct report: 1")}},
		{name: "median even, same middles", pol: profile.Median,
			reviews: cbRevs(peer, 3, 1, 3, 5, 2, 4),
			want:    want{Level: 3, Source: peer, Dis: dis(1, 5, "peer: 3", "peer: 1", "peer: 3", "peer: 5", "peer: 2", "peer: 4")}},
		{name: "median of one review", pol: profile.Median,
			reviews: cbRevs(test, 4),
			want:    want{Level: 4, Source: test}},
		// ManagerFirst: the manager's level, the lowest of several, else
		// the median of everyone.
		{name: "manager first", pol: profile.ManagerFirst,
			reviews: []profile.Review{cbRev(self, "", 5), cbRev(mgr, "", 2), cbRev(peer, "", 4)},
			want:    want{Level: 2, Source: mgr, Dis: dis(2, 5, "self: 5", "manager: 2", "peer: 4")}},
		{name: "manager first, several managers: the lowest", pol: profile.ManagerFirst,
			reviews: []profile.Review{cbRev(mgr, "M1", 4), cbRev(peer, "", 1), withEvidence(cbDated(mgr, 3, "2024-04-04"), "M2's notes")},
			want:    want{Level: 3, Source: mgr, Date: "2024-04-04", Evidence: []string{"M2's notes"}, Dis: dis(1, 4, "manager M1: 4", "peer: 1", "manager: 3")}},
		{name: "manager first, no manager: median", pol: profile.ManagerFirst,
			reviews: []profile.Review{cbRev(self, "", 1), cbRev(peer, "", 3), cbRev(peer, "", 4)},
			want:    want{Level: 3, Source: peer, Dis: dis(1, 4, "self: 1", "peer: 3", "peer: 4")}},
		{name: "manager first, no manager, even: lower middle", pol: profile.ManagerFirst,
			reviews: []profile.Review{cbRev(self, "", 2), cbRev(peer, "", 4)},
			want:    want{Level: 2, Source: self, Dis: dis(2, 4, "self: 2", "peer: 4")}},
		// MeanExceptSelf: the mean of everyone but self, halves down.
		{name: "mean except self: 2.5 rounds down", pol: profile.MeanExceptSelf,
			reviews: []profile.Review{cbRev(self, "", 5), cbRev(peer, "", 2), cbRev(mgr, "", 3)},
			want:    want{Level: 2, Source: peer, Dis: dis(2, 5, "self: 5", "peer: 2", "manager: 3")}},
		{name: "mean except self: 2, 3, 3 is 3", pol: profile.MeanExceptSelf,
			reviews: cat(cbRevs(peer, 2, 3), cbRevs(mgr, 3)),
			want:    want{Level: 3}},
		{name: "mean except self: 2.4 is 2", pol: profile.MeanExceptSelf,
			reviews: cbRevs(peer, 2, 2, 3, 3, 2),
			want:    want{Level: 2, Source: peer}},
		{name: "mean except self: 2.6 is 3", pol: profile.MeanExceptSelf,
			reviews: cbRevs(peer, 3, 3, 2, 2, 3),
			want:    want{Level: 3, Source: peer}},
		{name: "mean except self: 4.5 is 4", pol: profile.MeanExceptSelf,
			reviews: cat(cbRevs(self, 0), cbRevs(dr, 4, 5)),
			want:    want{Level: 4, Source: dr, Dis: dis(0, 5, "self: 0", "direct report: 4", "direct report: 5")}},
		{name: "mean except self: self only falls back to self", pol: profile.MeanExceptSelf,
			reviews: cbRevs(self, 4, 3),
			want:    want{Level: 3, Source: self}},
		{name: "mean except self: one self", pol: profile.MeanExceptSelf,
			reviews: cbRevs(self, 5),
			want:    want{Level: 5, Source: self}},
		// A direct rating is one more view, the last.
		{name: "a direct rating counts in the median", pol: profile.Median,
			ratings: cbDirect(profile.Rating{Level: 3, Source: mgr, AssessedAt: "2024-01-01"}),
			reviews: cbRevs(peer, 1, 1),
			want:    want{Level: 1, Source: peer, Dis: dis(1, 3, "peer: 1", "peer: 1", "manager: 3")}},
		{name: "a direct manager rating is a manager view", pol: profile.ManagerFirst,
			ratings: cbDirect(profile.Rating{Level: 3, Source: mgr, AssessedAt: "2024-01-01", Evidence: []string{"review 2024"}}),
			reviews: cbRevs(peer, 1, 1),
			want:    want{Level: 3, Source: mgr, Date: "2024-01-01", Evidence: []string{"review 2024"}, Dis: dis(1, 3, "peer: 1", "peer: 1", "manager: 3")}},
		{name: "a direct rating of unstated source counts in mean except self", pol: profile.MeanExceptSelf,
			ratings: cbDirect(profile.Rating{Level: 1}),
			reviews: cat(cbRevs(self, 1), cbRevs(peer, 4)),
			want:    want{Level: 2, Dis: dis(1, 4, "self: 1", "peer: 4", "unstated: 1")}},
		{name: "a direct self rating does not count in mean except self", pol: profile.MeanExceptSelf,
			ratings: cbDirect(profile.Rating{Level: 5, Source: self, Evidence: []string{"my portfolio"}}),
			reviews: cbRevs(peer, 2),
			want:    want{Level: 2, Source: peer, Dis: dis(2, 5, "peer: 2", "self: 5")}},
		{name: "a rating an earlier Combine made is recomputed, not counted", pol: profile.Median,
			ratings: cbDirect(profile.Rating{Level: 5, Source: test, Evidence: []string{"stale"}, Note: "old", Combined: profile.ManagerFirst}),
			reviews: cbRevs(peer, 1, 2),
			want:    want{Level: 1, Source: peer}},
		// Disagreement exactly at a spread of 2, not at 1.
		{name: "spread 1: no disagreement", pol: profile.Median,
			reviews: cat(cbRevs(self, 3), cbRevs(mgr, 2), cbRevs(peer, 3, 2)),
			want:    want{Level: 2}},
		{name: "spread 2: disagreement", pol: profile.Median,
			reviews: cat(cbRevs(self, 3), cbRevs(mgr, 1), cbRevs(peer, 2, 2)),
			want:    want{Level: 2, Source: peer, Dis: dis(1, 3, "self: 3", "manager: 1", "peer: 2", "peer: 2")}},
		// Source: common or unstated; the latest date of the supporters.
		{name: "agreeing sources stay", pol: profile.Median,
			reviews: []profile.Review{cbDated(mgr, 2, "2023-05-01"), cbDated(mgr, 3, "2025-01-15"), cbDated(mgr, 3, "")},
			want:    want{Level: 3, Source: mgr, Date: "2025-01-15"}},
		{name: "the date of a view at another level is not taken", pol: profile.Median,
			reviews: []profile.Review{cbDated(mgr, 2, "2026-05-01"), cbDated(mgr, 3, "2025-01-15"), cbDated(mgr, 3, "")},
			want:    want{Level: 3, Source: mgr, Date: "2025-01-15"}},
		{name: "a supporting direct rating lends its date", pol: profile.Median,
			ratings: cbDirect(profile.Rating{Level: 2, Source: peer, AssessedAt: "2025-06-30"}),
			reviews: []profile.Review{cbDated(peer, 2, "2024-12-31"), cbDated(peer, 3, "2025-02-01")},
			want:    want{Level: 2, Source: peer, Date: "2025-06-30"}},
		{name: "differing sources become unstated", pol: profile.Median,
			reviews: []profile.Review{cbDated(peer, 2, "2024-02-02"), cbDated(test, 2, "2024-02-01")},
			want:    want{Level: 2, Date: "2024-02-02"}},
		// Evidence: without repeats, at most four items.
		{name: "evidence without repeats, in view order", pol: profile.Median,
			reviews: []profile.Review{withEvidence(cbRev(peer, "", 3), "b", "a"), withEvidence(cbRev(peer, "", 3), "a", "c", "b")},
			want:    want{Level: 3, Source: peer, Evidence: []string{"b", "a", "c"}}},
		{name: "at most four evidence items", pol: profile.Median,
			reviews: []profile.Review{withEvidence(cbRev(peer, "", 3), "1", "2", "3"), withEvidence(cbRev(peer, "", 3), "2", "4", "5", "6")},
			want:    want{Level: 3, Source: peer, Evidence: []string{"1", "2", "3", "4"}}},
		{name: "an item too long to carry is left in its view", pol: profile.Median,
			reviews: []profile.Review{withEvidence(cbRev(peer, "", 3), strings.Repeat("x", profile.MaxCombinedEvidenceBytes), "short")},
			want:    want{Level: 3, Source: peer, Evidence: []string{"short"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := profile.Profile{ID: "pat", Ratings: tt.ratings, Reviews: tt.reviews}
			out, gotDis := cbCombine(t, p, tt.pol)
			r, ok := out.Ratings[cbID]
			if !ok {
				t.Fatalf("no combined rating for %s: %+v", cbID, out.Ratings)
			}
			got := want{Level: r.Level, Source: r.Source, Date: r.AssessedAt, Evidence: r.Evidence}
			if len(gotDis) > 0 {
				got.Dis = &gotDis[0]
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("combined (-want +got):\n%s\nnote: %s", diff, r.Note)
			}
			if len(gotDis) > 1 {
				t.Errorf("%d disagreements, want at most 1: %+v", len(gotDis), gotDis)
			}
			if r.Combined != tt.pol {
				t.Errorf("Combined = %q, want %q", r.Combined, tt.pol)
			}
			// The note is Combine's own: the policy, the number of
			// views, and the disagreement; never a view's note.
			n := len(tt.reviews)
			if d, ok := tt.ratings[cbID]; ok && d.Combined == "" {
				n++
			}
			if prefix := fmt.Sprintf("%s of %d view", tt.pol, n); !strings.HasPrefix(r.Note, prefix) {
				t.Errorf("note %q does not start with %q", r.Note, prefix)
			}
			if flagged := strings.Contains(r.Note, "disagree"); flagged != (tt.want.Dis != nil) {
				t.Errorf("note %q: flags a disagreement %v, want %v", r.Note, flagged, tt.want.Dis != nil)
			}
			if d := tt.ratings[cbID]; d.Note != "" && strings.Contains(r.Note, d.Note) {
				t.Errorf("note %q holds the direct rating's note %q", r.Note, d.Note)
			}
			// The reviews are kept, and a direct rating joins them as a
			// review of its own, with everything it said.
			wantReviews := slices.Clone(tt.reviews)
			if d, ok := tt.ratings[cbID]; ok && d.Combined == "" {
				wantReviews = append(wantReviews, profile.Review{Source: d.Source, AssessedAt: d.AssessedAt,
					Levels: map[competency.ID]competency.Level{cbID: d.Level}, Evidence: d.Evidence, Note: d.Note})
			}
			if diff := cmp.Diff(wantReviews, out.Reviews); diff != "" {
				t.Errorf("reviews (-want +got):\n%s", diff)
			}
			// What a rating carries, its views gave at its level.
			checkSupport(t, out, cbID)
		})
	}
}

// checkSupport asserts that the combined rating of id takes its evidence
// and date only from views of id at its level, and its source from them.
func checkSupport(t *testing.T, out profile.Profile, id competency.ID) {
	t.Helper()
	r := out.Ratings[id]
	evidence, dates, sources := map[string]bool{}, map[string]bool{"": true}, map[profile.Source]bool{profile.Unstated: true}
	for _, a := range out.Reviews {
		if l, ok := a.Levels[id]; ok && l == r.Level {
			for _, e := range a.Evidence {
				evidence[e] = true
			}
			dates[a.AssessedAt] = true
			sources[a.Source] = true
		}
	}
	for _, e := range r.Evidence {
		if !evidence[e] {
			t.Errorf("%s: evidence %q comes from no view at level %d", id, e, r.Level)
		}
	}
	if !dates[r.AssessedAt] {
		t.Errorf("%s: date %q comes from no view at level %d", id, r.AssessedAt, r.Level)
	}
	if !sources[r.Source] {
		t.Errorf("%s: source %q is no view's at level %d", id, r.Source, r.Level)
	}
	if len(r.Evidence) > profile.MaxCombinedEvidence {
		t.Errorf("%s: %d evidence items, more than %d", id, len(r.Evidence), profile.MaxCombinedEvidence)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > profile.MaxCombinedBytes {
		t.Errorf("%s: a combined rating of %d bytes, more than %d: %s", id, len(b), profile.MaxCombinedBytes, b)
	}
}

// TestCombineSeveralIDs: ratings no review touches stay as they are,
// including their notes and evidence; IDs only reviews rate gain a
// rating; a direct rating of a reviewed ID is a view, kept as a review;
// disagreements come in ID order; the input is not changed.
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
	// Coaching: manager 4, peer 3 and the direct self 1: the median 3,
	// the peer's. Thinking: manager 1, peer 3: lower middle 1, spread 2.
	// Designing: manager 2 alone.
	want := map[competency.ID]profile.Rating{
		competency.BuildingTrust:         {Level: 4, Source: profile.Self, AssessedAt: "2020-01-01", Evidence: []string{"a talk"}, Note: "my own view"},
		aoe.Coaching:                     {Level: 3, Source: profile.Peer, Combined: profile.Median},
		competency.ThinkingStrategically: {Level: 1, Source: profile.Manager, AssessedAt: "2025-03-01", Combined: profile.Median},
		aoe.DesigningLearning:            {Level: 2, Source: profile.Manager, AssessedAt: "2025-03-01", Combined: profile.Median},
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
	wantReviews := append(slices.Clone(p.Reviews), profile.Review{Source: profile.Self, Levels: map[competency.ID]competency.Level{aoe.Coaching: 1}, Evidence: []string{"log"}})
	if diff := cmp.Diff(wantReviews, out.Reviews); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	wantDis := []profile.Disagreement{
		{ID: aoe.Coaching, Low: 1, High: 4, Views: []string{"manager Kim: 4", "peer Lee: 3", "self: 1"}},
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
	out.Reviews[2].Evidence[0] = "changed"
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

// TestCombineAgainWithAnotherPolicy: the merged profile can be combined
// again: with any policy, that gives what the policy gives on the
// original profile, direct ratings, reviews, disagreements and all.
func TestCombineAgainWithAnotherPolicy(t *testing.T) {
	p := profile.Profile{ID: "x",
		Ratings: map[competency.ID]profile.Rating{
			cbID:                      {Level: 5, Source: profile.Assessment, AssessedAt: "2025-11-03", Evidence: []string{"certificate"}},
			competency.BuildingTrust:  {Level: 2, Source: profile.Self},
			competency.DrivingResults: {Level: 4, Source: profile.Manager, Note: "no review rates this"},
		},
		Reviews: []profile.Review{
			{Source: profile.Manager, Levels: map[competency.ID]competency.Level{cbID: 1, competency.BuildingTrust: 4}},
			{Source: profile.Peer, Evidence: []string{"peer log"}, Levels: map[competency.ID]competency.Level{cbID: 5}},
			{Source: profile.Self, Levels: map[competency.ID]competency.Level{cbID: 5, competency.BuildingTrust: 5}},
		},
	}
	type result struct {
		P   profile.Profile
		Dis []profile.Disagreement
	}
	for _, first := range profile.Policies() {
		once, _ := cbCombine(t, p, first)
		for _, second := range profile.Policies() {
			t.Run(string(first)+" then "+string(second), func(t *testing.T) {
				direct, ddis := cbCombine(t, p, second)
				again, adis := cbCombine(t, once, second)
				if diff := cmp.Diff(result{direct, ddis}, result{again, adis}); diff != "" {
					t.Errorf("combining again (-from p +from the merged profile):\n%s", diff)
				}
			})
		}
	}
	// The levels, for the record: coaching's views are manager 1, peer
	// 5, self 5 and the direct assessment 5.
	want := map[profile.Policy]competency.Level{profile.Median: 5, profile.ManagerFirst: 1, profile.MeanExceptSelf: 4}
	for pol, l := range want {
		out, _ := cbCombine(t, p, pol)
		if got := out.Ratings[cbID].Level; got != l {
			t.Errorf("%s: coaching %d, want %d (note %q)", pol, got, l, out.Ratings[cbID].Note)
		}
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
