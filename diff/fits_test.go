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
// the person who met it by what match's Score gives, that targets in
// one framework only are listed once, and that every person is listed.
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
	want := &diff.FitReport{
		Unscored: []diff.Unscored{
			{Target: "old", Kind: match.KindRole, Name: "Old", Only: "a"},
			{Target: "new", Kind: match.KindRole, Name: "New", Only: "b"},
		},
		People: []diff.Person{{Profile: "met"}, {Profile: "high"}},
	}
	for _, p := range people {
		ra, rb := score(a, p), score(b, p)
		want.Changes = append(want.Changes, diff.FitChange{Profile: p.ID, Target: "r", Kind: match.KindRole, Name: "R",
			A: diff.Fit{Fit: ra.Fit, Confidence: ra.Confidence}, B: diff.Fit{Fit: rb.Fit, Confidence: rb.Confidence},
			Change: rb.Fit - ra.Fit})
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// The person who met level 3 of x now meets 3 of 5: the requirement
	// scores 0.6 instead of 1, half the fit: -0.2.
	if c := got.Changes[0].Change; c > -0.2+1e-12 || c < -0.2-1e-12 {
		t.Errorf("met: change %v, want -0.2", c)
	}
	if got.Changes[0].A.Confidence != match.Exact {
		t.Errorf("met: in A %v, want exact", got.Changes[0].A.Confidence)
	}
	// The person at level 5 gains nothing and loses nothing from x.
	if c := got.Changes[1].Change; c != 0 {
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
	if c := got.Changes; len(c) != 1 || c[0].A.Fit != 1 || c[0].B.Fit != 0 || c[0].Change != -1 {
		t.Errorf("without a crosswalk: %+v", c)
	}

	cw := &crosswalk.Crosswalk{ID: "old-to-new", From: "old", To: "new", Links: []crosswalk.Link{
		{From: "x", To: "y", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "The same item, renamed."},
		{From: "z", To: "w", Relation: competency.Close, Carry: crosswalk.CarryCapped, Cap: 2, Why: "Near enough."},
	}}
	got, err = diff.Fits(a, b, []profile.Profile{p}, &diff.Options{Crosswalk: cw})
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Changes; len(c) != 1 || c[0].B.Fit != 1 || c[0].Change != 0 {
		t.Errorf("through the crosswalk: %+v", c)
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
	if c := got.Changes; len(c) != 1 || c[0].B.Fit != 1 {
		t.Errorf("by name: %+v", c)
	}

	// A crosswalk that does not fit the frameworks is an error.
	bad := cw.Clone()
	bad.Links[0].To = "nowhere"
	if _, err := diff.Fits(a, b, []profile.Profile{p}, &diff.Options{Crosswalk: bad}); err == nil {
		t.Error("a crosswalk to an unknown item: no error")
	}
}

// TestFitsAgreeWithScore checks every change of fit between two
// frameworks of several roles and a job against match's Score: the
// roles of one person are scored together, the job by itself.
func TestFitsAgreeWithScore(t *testing.T) {
	s := wlp.DefaultSpec()
	s.Roles[1].Requirements[0].Level = 5
	s.Roles[2].Requirements[1].Weight *= 2
	v2 := build(t, s)
	a := wlp.Default()
	var people []profile.Profile
	for i := range 3 {
		p := profile.Profile{ID: "p" + string(rune('0'+i)), Ratings: map[competency.ID]profile.Rating{}}
		for j, id := range a.IDs() {
			if (i+j)%4 != 0 {
				p.Ratings[id] = profile.Rating{Level: competency.Level((i + j) % 6)}
			}
		}
		people = append(people, p)
	}
	got, err := diff.Fits(a, v2, people, nil)
	if err != nil {
		t.Fatal(err)
	}
	var targets []role.ID
	for _, r := range a.Roles() {
		targets = append(targets, r.ID)
	}
	for _, j := range a.Jobs() {
		targets = append(targets, j.ID)
	}
	var want []diff.FitChange
	jobs := 0
	for _, p := range people {
		for _, id := range targets {
			ra, err := match.New(a).Score(p, id)
			if err != nil {
				t.Fatal(err)
			}
			rb, err := match.New(v2).Score(p, id)
			if err != nil {
				t.Fatal(err)
			}
			if rb.Kind == match.KindJob {
				jobs++
			}
			want = append(want, diff.FitChange{Profile: p.ID, Target: id, Kind: rb.Kind, Name: rb.Name,
				A: diff.Fit{Fit: ra.Fit, Confidence: ra.Confidence}, B: diff.Fit{Fit: rb.Fit, Confidence: rb.Confidence},
				Change: rb.Fit - ra.Fit})
		}
	}
	if jobs == 0 {
		t.Fatal("no job to score")
	}
	if d := cmp.Diff(want, got.Changes); d != "" {
		t.Errorf("(-Score +Fits):\n%s", d)
	}
	if len(got.Unscored) != 0 || len(got.People) != len(people) {
		t.Errorf("unscored %v, people %v", got.Unscored, got.People)
	}
}
