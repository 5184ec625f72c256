package diff_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// small returns a framework of the items ids (one cluster) and the
// roles given.
func small(t testing.TB, id string, ids []competency.ID, roles ...role.Role) *wlp.Framework {
	t.Helper()
	s := wlp.Spec{ID: id, Clusters: []competency.ClusterInfo{{ID: "c", Name: "C"}}, Roles: roles}
	for _, x := range ids {
		s.Competencies = append(s.Competencies, competency.Competency{ID: x, Name: "Item " + string(x), Cluster: "c"})
	}
	return build(t, s)
}

func req(level competency.Level, weight float64, of ...competency.ID) role.Requirement {
	return role.Requirement{Of: of, Level: level, Weight: weight}
}

func rated(id string, levels map[competency.ID]competency.Level) profile.Profile {
	p := profile.Profile{ID: id, Ratings: map[competency.ID]profile.Rating{}}
	for k, v := range levels {
		p.Ratings[k] = profile.Rating{Level: v}
	}
	return p
}

// TestFits checks that raising a requirement's level lowers the fit of
// the person who met it by what match's Score gives, and that targets
// in one framework only are listed once.
func TestFits(t *testing.T) {
	ids := []competency.ID{"x", "y"}
	a := small(t, "v1", ids,
		role.Role{ID: "r", Name: "R", Requirements: []role.Requirement{req(3, 1, "x"), req(2, 1, "y")}},
		role.Role{ID: "old", Name: "Old", Requirements: []role.Requirement{req(1, 1, "x")}})
	b := small(t, "v2", ids,
		role.Role{ID: "r", Name: "R", Requirements: []role.Requirement{req(5, 1, "x"), req(2, 1, "y")}},
		role.Role{ID: "new", Name: "New", Requirements: []role.Requirement{req(1, 1, "y")}})
	people := []profile.Profile{
		rated("met", map[competency.ID]competency.Level{"x": 3, "y": 2}),
		rated("high", map[competency.ID]competency.Level{"x": 5, "y": 1}),
	}
	got, err := diff.Fits(a, b, people, nil)
	if err != nil {
		t.Fatal(err)
	}
	score := func(f *wlp.Framework, p profile.Profile) match.Result {
		r, err := match.New(f).Score(p, "r")
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	var want []diff.FitChange
	want = append(want,
		diff.FitChange{Target: "old", Kind: match.KindRole, Name: "Old", Only: "a"},
		diff.FitChange{Target: "new", Kind: match.KindRole, Name: "New", Only: "b"})
	for _, p := range people {
		ra, rb := score(a, p), score(b, p)
		want = append(want, diff.FitChange{Profile: p.ID, Target: "r", Kind: match.KindRole, Name: "R",
			A: &diff.Fit{Fit: ra.Fit, Confidence: ra.Confidence}, B: &diff.Fit{Fit: rb.Fit, Confidence: rb.Confidence},
			Change: rb.Fit - ra.Fit})
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// The person who met level 3 of x now meets 3 of 5: the requirement
	// scores 0.6 instead of 1, half the fit: -0.2.
	if c := got[2].Change; c > -0.2+1e-12 || c < -0.2-1e-12 {
		t.Errorf("met: change %v, want -0.2", c)
	}
	if got[2].A.Confidence != match.Exact {
		t.Errorf("met: in A %v, want exact", got[2].A.Confidence)
	}
	// The person at level 5 gains nothing and loses nothing from x.
	if c := got[3].Change; c != 0 {
		t.Errorf("high: change %v, want 0", c)
	}
}

// TestFitsCarry checks that a person's ratings carry into B: through the
// crosswalk, or by an item paired under a new ID.
func TestFitsCarry(t *testing.T) {
	a := small(t, "old", []competency.ID{"x", "z"},
		role.Role{ID: "r", Name: "R", Requirements: []role.Requirement{req(4, 1, "x")}})
	b := small(t, "new", []competency.ID{"y", "w"},
		role.Role{ID: "r", Name: "R", Requirements: []role.Requirement{req(4, 1, "y")}})
	p := rated("p", map[competency.ID]competency.Level{"x": 4})

	// Without a crosswalk nothing pairs x with y: names differ.
	got, err := diff.Fits(a, b, []profile.Profile{p}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].A.Fit != 1 || got[0].B.Fit != 0 || got[0].Change != -1 {
		t.Errorf("without a crosswalk: %+v", got)
	}

	cw := &crosswalk.Crosswalk{ID: "old-to-new", From: "old", To: "new", Links: []crosswalk.Link{
		{From: "x", To: "y", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "The same item, renamed."},
		{From: "z", To: "w", Relation: competency.Close, Carry: crosswalk.CarryCapped, Cap: 2, Why: "Near enough."},
	}}
	got, err = diff.Fits(a, b, []profile.Profile{p}, &diff.Options{Crosswalk: cw})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].B.Fit != 1 || got[0].Change != 0 {
		t.Errorf("through the crosswalk: %+v", got)
	}

	// Items of equal names pair under a new ID, and the rating moves.
	b2 := build(t, func() wlp.Spec {
		s := b.Spec()
		s.Competencies[0].Name = "Item x"
		return s
	}())
	got, err = diff.Fits(a, b2, []profile.Profile{p}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].B.Fit != 1 {
		t.Errorf("by name: %+v", got)
	}

	// A crosswalk that does not fit the frameworks is an error.
	bad := cw.Clone()
	bad.Links[0].To = "nowhere"
	if _, err := diff.Fits(a, b, []profile.Profile{p}, &diff.Options{Crosswalk: bad}); err == nil {
		t.Error("a crosswalk to an unknown item: no error")
	}
}
