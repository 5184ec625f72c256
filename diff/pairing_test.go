package diff_test

import (
	"strconv"
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

// named returns a framework of one cluster whose competencies have the
// IDs and names given as pairs: "a", "Same", "b", "Other", ...; and of
// the roles given, also as ID and name pairs, each requiring the first
// competency.
func named(t testing.TB, id string, items []string, roles ...string) *wlp.Framework {
	t.Helper()
	s := wlp.Spec{ID: id, Clusters: []competency.ClusterInfo{{ID: "c", Name: "C"}}}
	for i := 0; i+1 < len(items); i += 2 {
		s.Competencies = append(s.Competencies, competency.Competency{ID: competency.ID(items[i]), Name: items[i+1], Cluster: "c"})
	}
	for i := 0; i+1 < len(roles); i += 2 {
		s.Roles = append(s.Roles, role.Role{ID: role.ID(roles[i]), Name: roles[i+1],
			Requirements: []role.Requirement{req(3, 1, s.Competencies[0].ID)}})
	}
	return build(t, s)
}

// lines returns the one-line descriptions of the changes of items and
// roles, the framework's own changes aside.
func lines(c *diff.Changes) []string {
	var out []string
	for _, ch := range c.List {
		if ch.Kind != diff.KindFramework {
			out = append(out, ch.String())
		}
	}
	return out
}

// TestFrameworksAmbiguousNames checks that a name several items (or
// roles) of one framework share pairs nothing, while a name that only
// one item on each side has still pairs them.
func TestFrameworksAmbiguousNames(t *testing.T) {
	tests := []struct {
		name string
		a, b *wlp.Framework
		want []string
	}{{
		name: "a unique name pairs",
		a:    named(t, "a", []string{"a", "Same", "b", "Other"}),
		b:    named(t, "b", []string{"c", "same", "d", "Other "}),
		want: []string{
			`competency "c": id "a" -> "c"`, `competency "c": name "Same" -> "same"`,
			`competency "d": id "b" -> "d"`, `competency "d": name "Other" -> "Other "`,
		},
	}, {
		name: "two in A",
		a:    named(t, "a", []string{"a", "Same", "b", "same"}),
		b:    named(t, "b", []string{"c", "Same"}),
		want: []string{
			`competency "c" added`,
			`competency "a" removed from /competencies/0`, `competency "b" removed from /competencies/1`,
		},
	}, {
		name: "two in B",
		a:    named(t, "a", []string{"a", "Same"}),
		b:    named(t, "b", []string{"c", "Same", "d", "S a m e"}),
		want: []string{
			`competency "c" added`, `competency "d" added`,
			`competency "a" removed from /competencies/0`,
		},
	}, {
		// The name is shared in both, though a and its namesake in B pair
		// by ID: b and c, the only ones left, still do not pair.
		name: "two on each side, one pair by ID",
		a:    named(t, "a", []string{"a", "Same", "b", "Same"}),
		b:    named(t, "b", []string{"a", "Same", "c", "Same"}),
		want: []string{`competency "c" added`, `competency "b" removed from /competencies/1`},
	}, {
		name: "roles",
		a:    named(t, "a", []string{"x", "X"}, "r1", "Lead", "r2", "lead", "r3", "Coach"),
		b:    named(t, "b", []string{"x", "X"}, "r4", "Lead", "r5", "Coach"),
		want: []string{
			`role "r4" added`, `role "r5": id "r3" -> "r5"`,
			`role "r1" removed from /roles/0`, `role "r2" removed from /roles/1`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diff.Frameworks(tt.a, tt.b, nil)
			if d := cmp.Diff(tt.want, lines(got)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			back := diff.Frameworks(tt.b, tt.a, nil)
			na, nr, nc := got.Count()
			ma, mr, mc := back.Count()
			if na != mr || nr != ma || nc != mc {
				t.Errorf("counts %d %d %d, back %d %d %d", na, nr, nc, ma, mr, mc)
			}
		})
	}

	// Many items of few names: nothing pairs by name, in linear time.
	var ia, ib []string
	for i := range 3000 {
		n := "Same " + strconv.Itoa(i%3)
		ia = append(ia, "a-"+strconv.Itoa(i), n)
		ib = append(ib, "b-"+strconv.Itoa(i), n)
	}
	got := diff.Frameworks(named(t, "a", ia), named(t, "b", ib), nil)
	if added, removed, changed := got.Count(); added != 3000 || removed != 3000 || changed != 1 {
		t.Errorf("3000 items of 3 names: %d added, %d removed, %d changed; want 3000, 3000, 1 (the framework's ID)",
			added, removed, changed)
	}
}

// TestFrameworksCrosswalkNotes checks what an item removed or added
// shows of the crosswalk: its links with their carry and cap, and the
// crosswalk's note on it.
func TestFrameworksCrosswalkNotes(t *testing.T) {
	a := small(t, "old", []competency.ID{"x", "z", "u", "v"})
	b := small(t, "new", []competency.ID{"y", "w", "n"})
	cw := &crosswalk.Crosswalk{ID: "old-to-new", From: "old", To: "new",
		Links: []crosswalk.Link{
			{From: "x", To: "y", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "Renamed."},
			{From: "z", To: "w", Relation: competency.Related, Carry: crosswalk.CarryNone, Why: "Only akin."},
			{From: "u", To: "w", Relation: competency.Narrower, Carry: crosswalk.CarryCapped, Cap: 3, Why: "A part of it."},
		},
		Unmapped: []crosswalk.Note{{ID: "v", Why: "Dropped from the new version."}},
		New:      []crosswalk.Note{{ID: "n", Why: "A new field of practice."}},
	}
	if err := cw.Check(a, b); err != nil {
		t.Fatal(err)
	}
	var got []diff.Change
	for _, ch := range diff.Frameworks(a, b, &diff.Options{Crosswalk: cw}).List {
		if ch.Kind == diff.KindCompetency {
			got = append(got, ch)
		}
	}
	want := []diff.Change{
		{Kind: diff.KindCompetency, Op: diff.Changed, Field: diff.FieldID, ID: "y", OldID: "x",
			PathA: "/competencies/0", PathB: "/competencies/0", Old: "x", New: "y", Relation: competency.Exact},
		{Kind: diff.KindCompetency, Op: diff.Changed, Field: diff.FieldName, ID: "y", OldID: "x",
			PathA: "/competencies/0", PathB: "/competencies/0", Old: "Item x", New: "Item y"},
		{Kind: diff.KindCompetency, Op: diff.Added, ID: "w", PathB: "/competencies/1", Links: []diff.Link{
			{ID: "z", Relation: competency.Related, Carry: crosswalk.CarryNone},
			{ID: "u", Relation: competency.Narrower, Carry: crosswalk.CarryCapped, Cap: 3},
		}},
		{Kind: diff.KindCompetency, Op: diff.Added, ID: "n", PathB: "/competencies/2", Note: "A new field of practice."},
		{Kind: diff.KindCompetency, Op: diff.Removed, ID: "z", PathA: "/competencies/1", Links: []diff.Link{
			{ID: "w", Relation: competency.Related, Carry: crosswalk.CarryNone},
		}},
		{Kind: diff.KindCompetency, Op: diff.Removed, ID: "u", PathA: "/competencies/2", Links: []diff.Link{
			{ID: "w", Relation: competency.Narrower, Carry: crosswalk.CarryCapped, Cap: 3},
		}},
		{Kind: diff.KindCompetency, Op: diff.Removed, ID: "v", PathA: "/competencies/3", Note: "Dropped from the new version."},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// Without the crosswalk, neither links nor notes.
	for _, ch := range diff.Frameworks(a, b, nil).List {
		if ch.Links != nil || ch.Note != "" {
			t.Errorf("without a crosswalk: %+v", ch)
		}
	}
}

// TestFitsUncarried checks that the report lists every person once,
// with the rated items of A whose ratings count for nothing in B, in
// A's order: without a crosswalk those that pair with nothing, with one
// those the migration lost; also when the frameworks share no target.
func TestFitsUncarried(t *testing.T) {
	roleR := role.Role{ID: "r", Name: "R", Requirements: []role.Requirement{req(3, 1, "x")}}
	roleS := role.Role{ID: "s", Name: "S", Requirements: []role.Requirement{req(3, 1, "x")}}
	a := small(t, "old", []competency.ID{"x", "y", "z"},
		role.Role{ID: "r", Name: "R", Requirements: []role.Requirement{req(3, 1, "x"), req(3, 1, "y"), req(3, 1, "z")}}, roleS)
	all := rated("all", map[competency.ID]competency.Level{"z": 4, "x": 3, "y": 2})
	some := rated("some", map[competency.ID]competency.Level{"x": 3})
	// A level in a review does not count in a fit: it is not listed.
	some.Reviews = []profile.Review{{Rater: "Lee", Levels: map[competency.ID]competency.Level{"z": 2}}}
	people := []profile.Profile{all, some}
	wantPeople := []diff.Person{{Profile: "all", Uncarried: []competency.ID{"y", "z"}}, {Profile: "some"}}

	cw := &crosswalk.Crosswalk{ID: "old-to-new", From: "old", To: "new",
		Links: []crosswalk.Link{
			{From: "x", To: "x", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "Same."},
			{From: "z", To: "x", Relation: competency.Related, Carry: crosswalk.CarryNone, Why: "Akin only."},
		},
		Unmapped: []crosswalk.Note{{ID: "y", Why: "Gone."}},
	}
	tests := []struct {
		name    string
		b       *wlp.Framework
		targets []string // person/target of each change, in order
	}{
		{"both roles", small(t, "new", []competency.ID{"x"}, roleR, roleS), []string{"all/r", "all/s", "some/r", "some/s"}},
		{"one role", small(t, "new", []competency.ID{"x"}, roleS), []string{"all/s", "some/s"}},
		{"no role", small(t, "new", []competency.ID{"x"}), nil},
	}
	for _, tt := range tests {
		for _, o := range []*diff.Options{nil, {Crosswalk: cw}} {
			got, err := diff.Fits(a, tt.b, people, o)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(wantPeople, got.People); d != "" {
				t.Errorf("%s, crosswalk %v: people (-want +got):\n%s", tt.name, o != nil, d)
			}
			var targets []string
			for _, fc := range got.Changes {
				targets = append(targets, fc.Profile+"/"+string(fc.Target))
				if fc.Kind != match.KindRole {
					t.Errorf("%+v", fc)
				}
			}
			if d := cmp.Diff(tt.targets, targets); d != "" {
				t.Errorf("%s, crosswalk %v: changes (-want +got):\n%s", tt.name, o != nil, d)
			}
			roundTrip(t, &diff.Changes{List: []diff.Change{}, Fits: got})
		}
	}
}

// TestFitsOwned checks that no two people of a report share the memory
// of their Uncarried lists, though they rate alike.
func TestFitsOwned(t *testing.T) {
	a := small(t, "old", []competency.ID{"x", "y"})
	b := small(t, "new", []competency.ID{"x"})
	p := rated("p", map[competency.ID]competency.Level{"x": 1, "y": 2})
	q := rated("q", map[competency.ID]competency.Level{"x": 1, "y": 2})
	got, err := diff.Fits(a, b, []profile.Profile{p, q}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got.People[0].Uncarried[0] = "changed"
	if d := cmp.Diff([]competency.ID{"y"}, got.People[1].Uncarried); d != "" {
		t.Errorf("a change to one person's list shows in another's (-want +got):\n%s", d)
	}
}
