package wlp_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// vpProblem is one problem ValidateProfile is expected to report: its JSON
// pointer and words its message must contain.
type vpProblem struct {
	path  string
	words []string
}

// vpCheck asserts that err is a *profile.ValidationError naming exactly the
// problems of want, in order, with every Error line starting "profile: ".
func vpCheck(t *testing.T, err error, want []vpProblem) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("ValidateProfile = %v, want nil", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("ValidateProfile = nil, want %d problems", len(want))
	}
	var ve *profile.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("ValidateProfile error %v (%T) is not a *profile.ValidationError", err, err)
	}
	wantPaths := make([]string, len(want))
	for i, w := range want {
		wantPaths[i] = w.path
	}
	gotPaths := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		gotPaths[i] = p.Path
	}
	if diff := cmp.Diff(wantPaths, gotPaths); diff != "" {
		t.Fatalf("problem paths (-want +got):\n%s\nerror:\n%v", diff, err)
	}
	for i, w := range want {
		for _, word := range w.words {
			if !strings.Contains(ve.Problems[i].Message, word) {
				t.Errorf("problem at %s: message %q does not contain %q", w.path, ve.Problems[i].Message, word)
			}
		}
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Errorf("Error() has %d lines, want %d:\n%v", len(lines), len(want), err)
	}
	for _, line := range lines {
		if !strings.HasPrefix(line, "profile: ") {
			t.Errorf("Error() line %q does not start with %q", line, "profile: ")
		}
	}
}

func vpRatings(ids ...competency.ID) map[competency.ID]profile.Rating {
	m := make(map[competency.ID]profile.Rating, len(ids))
	for _, id := range ids {
		m[id] = profile.Rating{Level: competency.Competent, Source: profile.Self}
	}
	return m
}

func TestDefaultValidateProfile(t *testing.T) {
	tests := []struct {
		name string
		p    profile.Profile
		want []vpProblem
	}{
		{
			name: "valid profile",
			p: profile.Profile{ID: "alex", Name: "Alex Kim", Ratings: map[competency.ID]profile.Rating{
				competency.ThinkingStrategically: {Level: competency.Proficient, Source: profile.Manager, AssessedAt: "2026-03-31", Evidence: []string{"review"}},
				aoe.Coaching:                     {Level: competency.AdvancedBeginner, Source: profile.Self},
				aoe.MeasuringAndEvaluating:       {Level: competency.Expert, Source: profile.Assessment, Note: "certified"},
			}},
		},
		{name: "no ratings", p: profile.Profile{ID: "alex"}},
		{name: "empty ratings", p: profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{}}},
		{
			name: "one unknown ID",
			p:    profile.Profile{ID: "alex", Ratings: vpRatings(aoe.Coaching, "juggling")},
			want: []vpProblem{{"/ratings/juggling", []string{`"juggling"`, "unknown", wlp.DefaultID}}},
		},
		{
			name: "every unknown ID is named",
			p:    profile.Profile{ID: "alex", Ratings: vpRatings("knitting", competency.BuildingTrust, "juggling", "e-learning", "measuring-and-evaluating-2")},
			want: []vpProblem{
				{"/ratings/e-learning", []string{`"e-learning"`, "unknown"}},
				{"/ratings/juggling", []string{`"juggling"`, "unknown"}},
				{"/ratings/knitting", []string{`"knitting"`, "unknown"}},
				{"/ratings/measuring-and-evaluating-2", []string{`"measuring-and-evaluating-2"`, "unknown"}},
			},
		},
		{
			name: "a role ID is not a rated ID",
			p:    profile.Profile{ID: "alex", Ratings: vpRatings(competency.ID(role.LearningStrategist), competency.ID(role.CLO))},
			want: []vpProblem{
				{"/ratings/chief-learning-officer", []string{`"chief-learning-officer"`}},
				{"/ratings/learning-strategist", []string{`"learning-strategist"`}},
			},
		},
		{
			name: "malformed rating and unknown ID",
			p:    profile.Profile{ID: "alex", Ratings: vpRatings("Coaching", "juggling")},
			want: []vpProblem{
				{"/ratings/Coaching", []string{`"Coaching"`, "well-formed"}},
				{"/ratings/juggling", []string{`"juggling"`, "unknown"}},
			},
		},
		{
			name: "level off the scale and unknown ID",
			p: profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{
				aoe.Coaching: {Level: 7},
				"zumba":      {Level: 2},
			}},
			want: []vpProblem{
				{"/ratings/coaching/level", []string{"above"}},
				{"/ratings/zumba", []string{`"zumba"`, "unknown"}},
			},
		},
		{
			name: "profile problems come with the unknown IDs",
			p: profile.Profile{Ratings: map[competency.ID]profile.Rating{
				competency.DrivingResults: {Level: 3, Source: "boss", AssessedAt: "2026-13-01"},
				"yodelling":               {Level: 1},
			}},
			want: []vpProblem{
				{"/id", []string{"no ID"}},
				{"/ratings/driving-results/source", []string{"unknown source"}},
				{"/ratings/driving-results/assessedAt", []string{"2026-13-01"}},
				{"/ratings/yodelling", []string{`"yodelling"`, "unknown"}},
			},
		},
		{
			name: "an unknown ID with a slash is escaped",
			p:    profile.Profile{ID: "alex", Ratings: vpRatings("a/b")},
			want: []vpProblem{{"/ratings/a~1b", []string{"well-formed"}}},
		},
	}
	f := wlp.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.p.Clone()
			vpCheck(t, f.ValidateProfile(tt.p), tt.want)
			if diff := cmp.Diff(before, tt.p); diff != "" {
				t.Errorf("ValidateProfile changed the profile (-before +after):\n%s", diff)
			}
		})
	}
}

func TestDefaultValidateProfileKnowsEveryID(t *testing.T) {
	f := wlp.Default()
	var ids []competency.ID
	for _, c := range f.Competencies() {
		ids = append(ids, c.ID)
	}
	for _, a := range f.Areas() {
		ids = append(ids, a.ID)
	}
	if len(ids) != 21 {
		t.Fatalf("the default framework has %d rated IDs, want 12 competencies + 9 areas", len(ids))
	}
	p := profile.Profile{ID: "everyone", Ratings: map[competency.ID]profile.Rating{}}
	for i, id := range ids {
		p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6), Source: profile.Sources()[i%5]}
	}
	if err := f.ValidateProfile(p); err != nil {
		t.Errorf("ValidateProfile of a profile rating every ID: %v", err)
	}
}

func TestDefaultValidateProfileAgreesWithValidate(t *testing.T) {
	// Whatever Validate reports, ValidateProfile reports too, plus the
	// unknown IDs. The order between the two kinds is not asserted.
	p := profile.Profile{ID: "", Name: "x", Ratings: map[competency.ID]profile.Rating{
		aoe.Coaching:          {Level: -1},
		"not valid":           {Level: 9, Source: "Self"},
		"unknown-to-wlp":      {Level: 1},
		competency.ID(""):     {Level: 1},
		aoe.DesigningLearning: {Level: 1, Evidence: []string{"\xff"}},
	}}
	var own *profile.ValidationError
	if !errors.As(p.Validate(), &own) {
		t.Fatal("Validate found nothing wrong")
	}
	var got *profile.ValidationError
	if !errors.As(wlp.Default().ValidateProfile(p), &got) {
		t.Fatal("ValidateProfile found nothing wrong")
	}
	want := append(append([]profile.Problem(nil), own.Problems...), profile.Problem{
		Path:    "/ratings/unknown-to-wlp",
		Message: `unknown competency or area "unknown-to-wlp" in framework "astd-2004"`,
	})
	byPath := func(a, b profile.Problem) int { return strings.Compare(a.Path, b.Path) }
	slices.SortStableFunc(want, byPath)
	gotSorted := slices.Clone(got.Problems)
	slices.SortStableFunc(gotSorted, byPath)
	if diff := cmp.Diff(want, gotSorted); diff != "" {
		t.Errorf("ValidateProfile problems (-want +got):\n%s", diff)
	}
}

func TestDefaultValidateProfileLoaded(t *testing.T) {
	doc := `{"id": "alex", "name": "Alex Kim",
	 "ratings": {"thinking-strategically": {"level": 4, "source": "manager"},
	             "coaching": {"level": 2, "source": "self"},
	             "e-learning": {"level": 3}}}`
	p, err := profile.Load(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	vpCheck(t, wlp.Default().ValidateProfile(p), []vpProblem{{"/ratings/e-learning", []string{`"e-learning"`}}})
}

func TestDefaultValidateProfileConcurrent(t *testing.T) {
	f := wlp.Default()
	good := profile.Profile{ID: "alex", Ratings: vpRatings(aoe.Coaching, competency.BuildingTrust)}
	bad := profile.Profile{ID: "sam", Ratings: vpRatings(aoe.Coaching, "juggling")}
	var wg sync.WaitGroup
	errs := make([]error, 64)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				errs[i] = f.ValidateProfile(good)
			} else {
				errs[i] = f.ValidateProfile(bad)
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if i%2 == 0 && err != nil {
			t.Errorf("goroutine %d: valid profile: %v", i, err)
		}
		if i%2 == 1 && (err == nil || !strings.Contains(err.Error(), "/ratings/juggling")) {
			t.Errorf("goroutine %d: got %v, want a problem at /ratings/juggling", i, err)
		}
	}
}

// TestValidateProfileCapsProblems checks that a profile of many unknown
// IDs gets a bounded report: the first 1,000 problems, in order, and a
// count of the rest.
func TestValidateProfileCapsProblems(t *testing.T) {
	p := profile.Profile{ID: "E1001", Ratings: map[competency.ID]profile.Rating{}}
	for i := range 1500 {
		p.Ratings[competency.ID(fmt.Sprintf("x-%04d", i))] = profile.Rating{Level: 1}
	}
	p.Reviews = []profile.Review{{Source: profile.Peer, Levels: map[competency.ID]competency.Level{"coaching": 2, "y-1": 3, "y-0": 3}}}
	err := wlp.Default().ValidateProfile(p)
	var ve *profile.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("ValidateProfile = %v (%T), want a *profile.ValidationError", err, err)
	}
	type summary struct {
		Problems, Omitted int
		First, Last       wlp.Problem
	}
	got := summary{Problems: len(ve.Problems), Omitted: ve.Omitted}
	if len(ve.Problems) > 0 {
		got.First, got.Last = ve.Problems[0], ve.Problems[len(ve.Problems)-1]
	}
	want := summary{
		Problems: 1000, Omitted: 502,
		First: wlp.Problem{Path: "/ratings/x-0000", Message: `unknown competency or area "x-0000" in framework "astd-2004"`},
		Last:  wlp.Problem{Path: "/ratings/x-0999", Message: `unknown competency or area "x-0999" in framework "astd-2004"`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the report (-want +got):\n%s", diff)
	}
	// The reviews' unknown IDs are reported too, in order, when there is
	// room for them.
	p.Ratings = nil
	err = wlp.Default().ValidateProfile(p)
	if !errors.As(err, &ve) {
		t.Fatalf("ValidateProfile = %v (%T), want a *profile.ValidationError", err, err)
	}
	wantReviews := []wlp.Problem{
		{Path: "/reviews/0/levels/y-0", Message: `unknown competency or area "y-0" in framework "astd-2004"`},
		{Path: "/reviews/0/levels/y-1", Message: `unknown competency or area "y-1" in framework "astd-2004"`},
	}
	if diff := cmp.Diff(wantReviews, ve.Problems); diff != "" {
		t.Errorf("the reviews' problems (-want +got):\n%s", diff)
	}
}
