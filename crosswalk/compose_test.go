package crosswalk_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
)

func TestComposeRelation(t *testing.T) {
	const (
		e = competency.Exact
		c = competency.Close
		b = competency.Broader
		n = competency.Narrower
		r = competency.Related
	)
	// want[i][j] is the relation of a path that crosses rels[i], then
	// rels[j]: the table of the design, in full.
	rels := []competency.Relation{e, c, b, n, r}
	want := [][]competency.Relation{
		//     exact close broader narrower related
		/* e */ {e, c, b, n, r},
		/* c */ {c, c, b, n, r},
		/* b */ {b, b, b, r, r},
		/* n */ {n, n, r, n, r},
		/* r */ {r, r, r, r, r},
	}
	for i, x := range rels {
		for j, y := range rels {
			if got := crosswalk.ComposeRelation(x, y); got != want[i][j] {
				t.Errorf("ComposeRelation(%s, %s) = %q, want %q", x, y, got, want[i][j])
			}
		}
		if got := crosswalk.ComposeRelation(x, "wider"); got != "" {
			t.Errorf("ComposeRelation(%s, wider) = %q, want \"\"", x, got)
		}
		if got := crosswalk.ComposeRelation("", x); got != "" {
			t.Errorf("ComposeRelation(\"\", %s) = %q, want \"\"", x, got)
		}
	}
}

// link builds a link whose Why is "<from>-><to>".
func link(from, to competency.ID, rel competency.Relation, carry crosswalk.Carry, cap competency.Level, source string) crosswalk.Link {
	return crosswalk.Link{From: from, To: to, Relation: rel, Carry: carry, Cap: cap, Source: source, Why: string(from) + "->" + string(to)}
}

// composable returns two crosswalks a (from "a" to "m") and b (from "m"
// to "z") that exercise every rule of Compose.
func composable() (a, b *crosswalk.Crosswalk) {
	lv, cp, no := crosswalk.CarryLevel, crosswalk.CarryCapped, crosswalk.CarryNone
	a = &crosswalk.Crosswalk{
		ID: "a-to-m", From: "a", To: "m",
		Sources: []crosswalk.Source{{Key: "s", Title: "Source S"}},
		Links: []crosswalk.Link{
			link("x1", "m1", competency.Exact, lv, 0, "s"),
			link("x2", "m1", competency.Close, cp, 3, ""),
			link("x3", "m3", competency.Narrower, lv, 0, ""),
			link("x2", "m2", competency.Broader, lv, 0, ""),
			link("x4", "m4", competency.Related, no, 0, ""),
		},
		Unmapped: []crosswalk.Note{{ID: "x0", Why: "Dropped in m."}},
		New:      []crosswalk.Note{{ID: "m5", Why: "Added in m."}},
	}
	b = &crosswalk.Crosswalk{
		ID: "m-to-z", From: "m", To: "z",
		Sources: []crosswalk.Source{{Key: "t", Title: "Source T"}, {Key: "s", Title: "Source S"}},
		Links: []crosswalk.Link{
			link("m1", "z1", competency.Exact, lv, 0, "s"),
			link("m1", "z2", competency.Narrower, cp, 2, "t"),
			link("m2", "z2", competency.Exact, lv, 0, ""),
			link("m2", "z1", competency.Close, lv, 0, ""),
			link("m5", "z5", competency.Exact, lv, 0, ""),
			link("m6", "z6", competency.Exact, lv, 0, ""),
			link("m6", "z5", competency.Close, no, 0, ""),
		},
		Unmapped: []crosswalk.Note{{ID: "m3", Why: "Dropped in z."}},
		New:      []crosswalk.Note{{ID: "z9", Why: "Added in z."}},
	}
	return a, b
}

func TestCompose(t *testing.T) {
	a, b := composable()
	got, err := crosswalk.Compose(a, b)
	if err != nil {
		t.Fatal(err)
	}
	via := func(ids ...competency.ID) []competency.ID { return ids }
	want := &crosswalk.Crosswalk{
		ID:          "a-to-z",
		Name:        "a to z, through m",
		Description: "Composed of the crosswalks a-to-m and m-to-z: each link follows a link from an item of a to one of m, then a link from there to an item of z.",
		From:        "a", To: "z",
		Sources: []crosswalk.Source{{Key: "s", Title: "Source S"}, {Key: "t", Title: "Source T"}},
		Links: []crosswalk.Link{
			// Both links cite s: the source is kept.
			{From: "x1", To: "z1", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Source: "s", Via: via("m1"),
				Why: "x1->m1 Then, from m1: m1->z1"},
			// exact then narrower; the second link's source alone is not kept.
			{From: "x1", To: "z2", Relation: competency.Narrower, Carry: crosswalk.CarryCapped, Cap: 2, Via: via("m1"),
				Why: "x1->m1 Then, from m1: m1->z2"},
			// Through m1 close capped 3; through m2 broader then close:
			// broader level. Close is stronger.
			{From: "x2", To: "z1", Relation: competency.Close, Carry: crosswalk.CarryCapped, Cap: 3, Via: via("m1"),
				Why: "x2->m1 Then, from m1: m1->z1 (Also through m2.)"},
			// Through m1 close then narrower capped 2 and 3: narrower
			// capped 2; through m2 broader level. The same strength:
			// the carry that carries more wins.
			{From: "x2", To: "z2", Relation: competency.Broader, Carry: crosswalk.CarryLevel, Via: via("m2"),
				Why: "x2->m2 Then, from m2: m2->z2 (Also through m1.)"},
		},
		Unmapped: []crosswalk.Note{
			{ID: "x0", Why: "Dropped in m."},
			{ID: "x3", Why: "Every link from here in a-to-m stops at an item of m that m-to-z maps nowhere: m3 (Dropped in z.)."},
			{ID: "x4", Why: "Every link from here in a-to-m stops at an item of m that m-to-z maps nowhere: m4."},
		},
		New: []crosswalk.Note{
			{ID: "z9", Why: "Added in z."},
			{ID: "z5", Why: "Only m5, m6 of m lead here in m-to-z, and nothing in a leads to them. m5 is new in m: Added in m."},
			{ID: "z6", Why: "Only m6 of m leads here in m-to-z, and nothing in a leads to it."},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compose (-want +got):\n%s", diff)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("the composed crosswalk does not validate: %v", err)
	}
	// The result shares nothing with a or b.
	got.Links[0].Via[0] = "changed"
	got.Sources[0].Title = "changed"
	got.Unmapped[0].Why = "changed"
	got.New[0].Why = "changed"
	a2, b2 := composable()
	if diff := cmp.Diff(a2, a); diff != "" {
		t.Errorf("changing the result changed a (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(b2, b); diff != "" {
		t.Errorf("changing the result changed b (-want +got):\n%s", diff)
	}
}

// TestComposeCarry checks how two carries combine, and that a composed
// crosswalk's Via grows through a second composition.
func TestComposeCarry(t *testing.T) {
	lv, cp, no := crosswalk.CarryLevel, crosswalk.CarryCapped, crosswalk.CarryNone
	type carry struct {
		c   crosswalk.Carry
		cap competency.Level
	}
	tests := []struct{ first, second, want carry }{
		{carry{lv, 0}, carry{lv, 0}, carry{lv, 0}},
		{carry{lv, 0}, carry{cp, 2}, carry{cp, 2}},
		{carry{cp, 3}, carry{lv, 0}, carry{cp, 3}},
		{carry{cp, 3}, carry{cp, 2}, carry{cp, 2}},
		{carry{cp, 1}, carry{cp, 4}, carry{cp, 1}},
		{carry{cp, 3}, carry{no, 0}, carry{no, 0}},
		{carry{no, 0}, carry{lv, 0}, carry{no, 0}},
		{carry{no, 0}, carry{no, 0}, carry{no, 0}},
	}
	for _, tt := range tests {
		a := &crosswalk.Crosswalk{ID: "a-to-m", From: "a", To: "m", Links: []crosswalk.Link{link("x", "y", competency.Exact, tt.first.c, tt.first.cap, "")}}
		b := &crosswalk.Crosswalk{ID: "m-to-z", From: "m", To: "z", Links: []crosswalk.Link{link("y", "z", competency.Exact, tt.second.c, tt.second.cap, "")}}
		c, err := crosswalk.Compose(a, b)
		if err != nil {
			t.Fatal(err)
		}
		if got := (carry{c.Links[0].Carry, c.Links[0].Cap}); got != tt.want {
			t.Errorf("%v then %v = %v, want %v", tt.first, tt.second, got, tt.want)
		}
	}

	// Three steps: the Via of a composed link keeps every item between.
	a := &crosswalk.Crosswalk{ID: "a-to-b", From: "a", To: "b", Links: []crosswalk.Link{link("p", "q", competency.Exact, lv, 0, "")}}
	b := &crosswalk.Crosswalk{ID: "b-to-c", From: "b", To: "c", Links: []crosswalk.Link{link("q", "r", competency.Broader, lv, 0, "")}}
	c := &crosswalk.Crosswalk{ID: "c-to-d", From: "c", To: "d", Links: []crosswalk.Link{link("r", "s", competency.Broader, cp, 2, "")}}
	ab, err := crosswalk.Compose(a, b)
	if err != nil {
		t.Fatal(err)
	}
	abc, err := crosswalk.Compose(ab, c)
	if err != nil {
		t.Fatal(err)
	}
	bc, err := crosswalk.Compose(b, c)
	if err != nil {
		t.Fatal(err)
	}
	aBC, err := crosswalk.Compose(a, bc)
	if err != nil {
		t.Fatal(err)
	}
	want := crosswalk.Link{From: "p", To: "s", Relation: competency.Broader, Carry: cp, Cap: 2, Via: []competency.ID{"q", "r"},
		Why: "p->q Then, from q: q->r Then, from r: r->s"}
	for name, got := range map[string]*crosswalk.Crosswalk{"(a b) c": abc, "a (b c)": aBC} {
		if diff := cmp.Diff([]crosswalk.Link{want}, got.Links); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
		if got.ID != "a-to-d" {
			t.Errorf("%s: ID %q, want a-to-d", name, got.ID)
		}
	}
}

func TestComposeErrors(t *testing.T) {
	a, b := composable()
	tests := []struct {
		name string
		a, b *crosswalk.Crosswalk
		has  string
	}{
		{"nil", a, nil, "nil crosswalk"},
		{"frameworks do not meet", b, a, `"m-to-z" (to "z") with "a-to-m" (from "a")`},
		{"invalid first", func() *crosswalk.Crosswalk { c := a.Clone(); c.Links[0].Why = ""; return c }(), b, `"a-to-m", which is invalid`},
		{"invalid second", a, func() *crosswalk.Crosswalk { c := b.Clone(); c.Links[0].Carry = "all"; return c }(), `"m-to-z", which is invalid`},
		{"source key conflict", a, func() *crosswalk.Crosswalk { c := b.Clone(); c.Sources[1].Title = "Another"; return c }(),
			`the source key "s" names "Source S" () in one crosswalk and "Another" () in the other`},
		{"ID too long", func() *crosswalk.Crosswalk { c := a.Clone(); c.From = strings.Repeat("a", 60); return c }(), b, "longer than 64 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := crosswalk.Compose(tt.a, tt.b)
			if err == nil || c != nil {
				t.Fatalf("Compose = %v, %v; want an error", c, err)
			}
			if !strings.HasPrefix(err.Error(), "crosswalk: ") || !strings.Contains(err.Error(), tt.has) {
				t.Errorf("error %q, want one starting with the package and holding %q", err, tt.has)
			}
		})
	}
}

// TestComposeBound: n links into one item and n out of it make n² paths;
// past MaxComposedPaths Compose refuses, at once.
func TestComposeBound(t *testing.T) {
	n := 1100 // 1,210,000 paths
	a := &crosswalk.Crosswalk{ID: "a-to-m", From: "a", To: "m"}
	b := &crosswalk.Crosswalk{ID: "m-to-z", From: "m", To: "z"}
	for i := range n {
		a.Links = append(a.Links, link(competency.ID(fmt.Sprint("x", i)), "y", competency.Exact, crosswalk.CarryLevel, 0, ""))
		b.Links = append(b.Links, link("y", competency.ID(fmt.Sprint("z", i)), competency.Exact, crosswalk.CarryLevel, 0, ""))
	}
	if _, err := crosswalk.Compose(a, b); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("Compose of %d² paths: %v, want an error", n, err)
	}
	// Few paths but long texts: refused too.
	a.Links, b.Links = a.Links[:300], b.Links[:300]
	a.Links[0].Why = strings.Repeat("w", 1<<20)
	if _, err := crosswalk.Compose(a, b); err == nil || !strings.Contains(err.Error(), "MiB") {
		t.Errorf("Compose of 300 copies of 1 MiB: %v, want an error", err)
	}
	// Within the bounds it composes.
	a.Links, b.Links = a.Links[1:100], b.Links[:100]
	c, err := crosswalk.Compose(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Links) != 99*100 {
		t.Errorf("%d links, want %d", len(c.Links), 99*100)
	}
}
