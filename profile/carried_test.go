package profile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// carriedRecord returns a valid carried record with a nested provenance.
func carriedRecord() profile.Carried {
	return profile.Carried{
		Crosswalk: "atd-2013-to-atd-2020", From: "atd-2013", Relation: competency.Close, Rule: "median",
		Sources: []profile.CarriedFrom{
			{ID: "coaching", Level: 3, Relation: competency.Exact, Carried: 3},
			{ID: "training-delivery", Level: 5, Relation: competency.Close, Carried: 4, Via: []competency.ID{"delivering-training"},
				Provenance: &profile.Carried{Crosswalk: "astd-2004-to-atd-2013", Relation: competency.Exact, Sources: []profile.CarriedFrom{
					{ID: "delivering-training", Level: 5, Relation: competency.Exact, Carried: 5},
				}}},
		},
	}
}

func carriedProfile() profile.Profile {
	c := carriedRecord()
	return profile.Profile{
		ID: "ana",
		Ratings: map[competency.ID]profile.Rating{
			"coaching": {Level: 3, Carried: &c},
		},
		Reviews: []profile.Review{{Rater: "Jo", Levels: map[competency.ID]competency.Level{"coaching": 4},
			Carried: map[competency.ID]profile.Carried{"coaching": carriedRecord()}}},
	}
}

// TestCarriedValidate checks the problems Validate finds in carried
// records, with their places.
func TestCarriedValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *profile.Profile)
		want []profile.Problem
	}{
		{"valid", func(*profile.Profile) {}, nil},
		{"bad fields", func(p *profile.Profile) {
			c := p.Ratings["coaching"].Carried
			c.Crosswalk, c.From, c.Relation, c.Rule = "Bad ID", "x_y", "same", "average"
		}, []profile.Problem{
			{Path: "/ratings/coaching/carried/crosswalk", Message: `"Bad ID" is not a well-formed crosswalk ID (lower-case ASCII words joined by hyphens)`},
			{Path: "/ratings/coaching/carried/from", Message: `"x_y" is not a well-formed framework ID (lower-case ASCII words joined by hyphens)`},
			{Path: "/ratings/coaching/carried/relation", Message: `unknown relation "same" (want exact, close, broader, narrower or related)`},
			{Path: "/ratings/coaching/carried/rule", Message: `unknown rule "average" (want median, mean, min, max or strongest, or nothing for one source)`},
		}},
		{"no sources", func(p *profile.Profile) {
			p.Ratings["coaching"].Carried.Sources = nil
		}, []profile.Problem{{Path: "/ratings/coaching/carried/sources", Message: "a carried rating names at least one source"}}},
		{"bad source", func(p *profile.Profile) {
			s := &p.Ratings["coaching"].Carried.Sources[1]
			s.ID, s.Level, s.Relation, s.Carried, s.Via = "", 6, "", -1, []competency.ID{"ok", "Not"}
			s.Provenance.Sources[0].Level = 9
		}, []profile.Problem{
			{Path: "/ratings/coaching/carried/sources/1/id", Message: `"" is not a well-formed ID (lower-case ASCII words joined by hyphens)`},
			{Path: "/ratings/coaching/carried/sources/1/level", Message: "6 is above the scale's top level 5"},
			{Path: "/ratings/coaching/carried/sources/1/relation", Message: `unknown relation "" (want exact, close, broader, narrower or related)`},
			{Path: "/ratings/coaching/carried/sources/1/carried", Message: "-1 is below the scale's bottom level 0"},
			{Path: "/ratings/coaching/carried/sources/1/via/1", Message: `"Not" is not a well-formed ID (lower-case ASCII words joined by hyphens)`},
			{Path: "/ratings/coaching/carried/sources/1/provenance/sources/0/level", Message: "9 is above the scale's top level 5"},
		}},
		{"review key not among its levels", func(p *profile.Profile) {
			p.Reviews[0].Carried["building-trust"] = carriedRecord()
			p.Reviews[0].Carried["Bad"] = carriedRecord()
		}, []profile.Problem{
			{Path: "/reviews/0/carried/Bad", Message: `"Bad" is not a well-formed ID (lower-case ASCII words joined by hyphens)`},
			{Path: "/reviews/0/carried/building-trust", Message: `"building-trust" is not among the review's levels: a carried record belongs to a level the review gives`},
		}},
		{"review record", func(p *profile.Profile) {
			c := p.Reviews[0].Carried["coaching"]
			c.Relation = "x"
			p.Reviews[0].Carried["coaching"] = c
		}, []profile.Problem{
			{Path: "/reviews/0/carried/coaching/relation", Message: `unknown relation "x" (want exact, close, broader, narrower or related)`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := carriedProfile()
			tt.edit(&p)
			err := p.Validate()
			var got []profile.Problem
			var ve *profile.ValidationError
			if errors.As(err, &ve) {
				got = ve.Problems
			} else if err != nil {
				t.Fatalf("err = %v, a %T", err, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCarriedRoundTrip checks that a profile with carried records loads
// back equal, and that Load holds nil for empty lists.
func TestCarriedRoundTrip(t *testing.T) {
	p := carriedProfile()
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := profile.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, got); diff != "" {
		t.Errorf("encode then decode (-want +got):\n%s", diff)
	}
	// Empty lists written by hand load as nil.
	doc := `{"id": "ana",
		"ratings": {"coaching": {"level": 3, "carried": {"crosswalk": "a-to-b", "relation": "exact",
			"sources": [{"id": "coaching", "level": 3, "relation": "exact", "carried": 3, "via": []}]}}},
		"reviews": [{"levels": {"coaching": 2}, "carried": {}}]}`
	got, err = profile.Load(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got.Reviews[0].Carried != nil || got.Ratings["coaching"].Carried.Sources[0].Via != nil {
		t.Errorf("empty lists not held as nil: %+v %+v", got.Reviews[0].Carried, got.Ratings["coaching"].Carried.Sources[0])
	}
}

// TestCarriedClone checks that Clone and Profile.Clone copy carried
// records deeply.
func TestCarriedClone(t *testing.T) {
	p := carriedProfile()
	q := p.Clone()
	c := q.Ratings["coaching"].Carried
	c.Sources[1].Via[0] = "changed"
	c.Sources[1].Provenance.Sources[0].Level = 1
	q.Reviews[0].Carried["coaching"].Sources[0].ID = "changed"
	if diff := cmp.Diff(carriedProfile(), p); diff != "" {
		t.Errorf("changing the clone changed the profile (-want +got):\n%s", diff)
	}
}

func TestCarriedWeak(t *testing.T) {
	exact := profile.Carried{Crosswalk: "c", Relation: competency.Exact, Sources: []profile.CarriedFrom{{ID: "a", Relation: competency.Exact}}}
	nested := exact.Clone()
	nested.Sources[0].Provenance = &profile.Carried{Crosswalk: "b", Relation: competency.Exact,
		Sources: []profile.CarriedFrom{{ID: "z", Relation: competency.Exact, Provenance: &profile.Carried{Relation: competency.Related}}}}
	tests := []struct {
		name string
		c    profile.Carried
		want bool
	}{
		{"exact", exact, false},
		{"close", profile.Carried{Relation: competency.Close, Sources: exact.Sources}, true},
		{"deep", nested, true},
		{"record", carriedRecord(), true},
	}
	for _, tt := range tests {
		if got := tt.c.Weak(); got != tt.want {
			t.Errorf("%s: Weak() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
