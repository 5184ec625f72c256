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
			link("x5", "m7", competency.Narrower, lv, 0, "s"),
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
			link("m2", "z3", competency.Narrower, lv, 0, ""),
			link("m2", "z4", competency.Related, no, 0, ""),
			link("m5", "z5", competency.Exact, lv, 0, ""),
			link("m6", "z6", competency.Exact, lv, 0, ""),
			link("m6", "z5", competency.Close, no, 0, ""),
			link("m7", "z7", competency.Broader, cp, 3, "t"),
		},
		Unmapped: []crosswalk.Note{{ID: "m3", Why: "Dropped in z."}},
		New:      []crosswalk.Note{{ID: "z9", Why: "Added in z."}},
	}
	return a, b
}

// siblingTail ends the Why of a composed link that joins siblings.
const siblingTail = "A level in one sibling says little about the other, so the link informs a reader and carries nothing; where the two do match, a direct reading should take its place."

func TestCompose(t *testing.T) {
	a, b := composable()
	got, err := crosswalk.Compose(a, b)
	if err != nil {
		t.Fatal(err)
	}
	via := func(ids ...competency.ID) []competency.ID { return ids }
	want := &crosswalk.Crosswalk{
		ID:   "a-to-z",
		Name: "a to z, through m",
		Description: "Composed of the crosswalks a-to-m and m-to-z: each link follows a link from an item of a to one of m, then a link from there to an item of z. " +
			"A path that goes up to a broader item and down to a narrower one, or down and then up, joins siblings: such a link is related and carries nothing, as a level in one sibling says little about the other.",
		From: "a", To: "z",
		Sources: []crosswalk.Source{{Key: "s", Title: "Source S"}, {Key: "t", Title: "Source T"}},
		Links: []crosswalk.Link{
			// Both links cite s: the source is kept.
			{From: "x1", To: "z1", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Source: "s", Via: via("m1"),
				Why: "x1->m1 Then, from m1: m1->z1"},
			// exact then narrower; the two links cite different sources:
			// neither is kept, the Why names both.
			{From: "x1", To: "z2", Relation: competency.Narrower, Carry: crosswalk.CarryCapped, Cap: 2, Via: via("m1"),
				Why: "x1->m1 Then, from m1: m1->z2 Sources: s, then t."},
			// Through m1 close capped 3; through m2 broader then close:
			// broader level. Close is stronger.
			{From: "x2", To: "z1", Relation: competency.Close, Carry: crosswalk.CarryCapped, Cap: 3, Via: via("m1"),
				Why: "x2->m1 Then, from m1: m1->z1 (Also through m2.)"},
			// Through m1 close then narrower capped 2 and 3: narrower
			// capped 2; through m2 broader level. The same strength:
			// the carry that carries more wins.
			{From: "x2", To: "z2", Relation: competency.Broader, Carry: crosswalk.CarryLevel, Via: via("m2"),
				Why: "x2->m2 Then, from m2: m2->z2 (Also through m1.)"},
			// Broader then narrower: siblings under m2, related, and
			// nothing carries though both links carry the level.
			{From: "x2", To: "z3", Relation: competency.Related, Carry: crosswalk.CarryNone, Via: via("m2"),
				Why: "Siblings under m2: in a-to-m, x2 falls under it, and in m-to-z, z3 does too. " + siblingTail},
			// Broader, level, then related, none: the first link's Why
			// (which would say the level carries) gives way to its
			// relation.
			{From: "x2", To: "z4", Relation: competency.Related, Carry: crosswalk.CarryNone, Via: via("m2"),
				Why: "In a-to-m, m2 is broader than x2. Then, from m2: m2->z4"},
			// Narrower then broader, capped: siblings over m7; two
			// sources named.
			{From: "x5", To: "z7", Relation: competency.Related, Carry: crosswalk.CarryNone, Via: via("m7"),
				Why: "Siblings over m7: in a-to-m, it falls under x5, and in m-to-z, under z7 too; the two share it but may differ in all the rest. " + siblingTail + " Sources: s, then t."},
		},
		Unmapped: []crosswalk.Note{
			{ID: "x0", Why: "Dropped in m."},
			{ID: "x3", Why: `Every link from here in a-to-m leads to an item of m that m-to-z maps nowhere: m3. On m3, m-to-z notes: "Dropped in z."`},
			{ID: "x4", Why: "Every link from here in a-to-m leads to an item of m that m-to-z maps nowhere: m4."},
		},
		New: []crosswalk.Note{
			{ID: "z9", Why: "Added in z."},
			{ID: "z5", Why: `Only m5 and m6 of m lead here in m-to-z, and nothing in a leads to either. On m5, a-to-m notes: "Added in m."`},
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
	// When the composed link carries nothing, the Why of a link that
	// carries something gives way to a statement of its relation.
	tests := []struct {
		first, second, want carry
		why                 string
	}{
		{carry{lv, 0}, carry{lv, 0}, carry{lv, 0}, "x->y Then, from y: y->z"},
		{carry{lv, 0}, carry{cp, 2}, carry{cp, 2}, "x->y Then, from y: y->z"},
		{carry{cp, 3}, carry{lv, 0}, carry{cp, 3}, "x->y Then, from y: y->z"},
		{carry{cp, 3}, carry{cp, 2}, carry{cp, 2}, "x->y Then, from y: y->z"},
		{carry{cp, 1}, carry{cp, 4}, carry{cp, 1}, "x->y Then, from y: y->z"},
		{carry{cp, 3}, carry{no, 0}, carry{no, 0}, "In a-to-m, y is the same item as x. Then, from y: y->z"},
		{carry{no, 0}, carry{lv, 0}, carry{no, 0}, "x->y Then, from y: In m-to-z, z is the same item as y."},
		{carry{no, 0}, carry{no, 0}, carry{no, 0}, "x->y Then, from y: y->z"},
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
		if got := c.Links[0].Why; got != tt.why {
			t.Errorf("%v then %v: Why %q, want %q", tt.first, tt.second, got, tt.why)
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

// TestComposeSiblings: a path up then down (or down then up) joins
// siblings and carries nothing, whatever its links carry; every other
// pair of relations carries the weaker of the two.
func TestComposeSiblings(t *testing.T) {
	lv, cp, no := crosswalk.CarryLevel, crosswalk.CarryCapped, crosswalk.CarryNone
	rels := []competency.Relation{competency.Exact, competency.Close, competency.Broader, competency.Narrower, competency.Related}
	for _, r := range rels {
		for _, q := range rels {
			sibling := r == competency.Broader && q == competency.Narrower || r == competency.Narrower && q == competency.Broader
			for _, carries := range [][2]crosswalk.Carry{{lv, lv}, {cp, lv}, {lv, cp}, {no, lv}, {lv, no}} {
				capOf := func(c crosswalk.Carry) competency.Level {
					if c == cp {
						return 3
					}
					return 0
				}
				a := &crosswalk.Crosswalk{ID: "a-to-m", From: "a", To: "m", Links: []crosswalk.Link{link("x", "y", r, carries[0], capOf(carries[0]), "")}}
				b := &crosswalk.Crosswalk{ID: "m-to-z", From: "m", To: "z", Links: []crosswalk.Link{link("y", "z", q, carries[1], capOf(carries[1]), "")}}
				c, err := crosswalk.Compose(a, b)
				if err != nil {
					t.Fatal(err)
				}
				k := c.Links[0]
				want := crosswalk.CarryLevel
				switch {
				case sibling || carries[0] == no || carries[1] == no:
					want = no
				case carries[0] == cp || carries[1] == cp:
					want = cp
				}
				if k.Carry != want || k.Relation != crosswalk.ComposeRelation(r, q) {
					t.Errorf("%s %s then %s %s: %s %s, want %s %s", r, carries[0], q, carries[1], k.Relation, k.Carry, crosswalk.ComposeRelation(r, q), want)
				}
				if isSibling := strings.HasPrefix(k.Why, "Siblings "); isSibling != sibling {
					t.Errorf("%s then %s: Why %q; a sibling's Why: %v", r, q, k.Why, sibling)
				}
				if want == no && (carries[0] != no && strings.Contains(k.Why, "x->y") || carries[1] != no && strings.Contains(k.Why, "y->z")) {
					t.Errorf("%s %s then %s %s carries nothing, but its Why quotes a link that carries: %q", r, carries[0], q, carries[1], k.Why)
				}
			}
		}
	}

	// Three steps: siblings first or last, the path carries nothing
	// either way, as related.
	a := &crosswalk.Crosswalk{ID: "a-to-b", From: "a", To: "b", Links: []crosswalk.Link{link("p", "q", competency.Broader, lv, 0, "")}}
	b := &crosswalk.Crosswalk{ID: "b-to-c", From: "b", To: "c", Links: []crosswalk.Link{link("q", "r", competency.Narrower, lv, 0, "")}}
	c := &crosswalk.Crosswalk{ID: "c-to-d", From: "c", To: "d", Links: []crosswalk.Link{link("r", "s", competency.Exact, lv, 0, "")}}
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
	want := map[string]crosswalk.Link{
		"(a b) c": {From: "p", To: "s", Relation: competency.Related, Carry: no, Via: []competency.ID{"q", "r"},
			Why: "Siblings under q: in a-to-b, p falls under it, and in b-to-c, r does too. " + siblingTail + " Then, from r: In c-to-d, s is the same item as r."},
		"a (b c)": {From: "p", To: "s", Relation: competency.Related, Carry: no, Via: []competency.ID{"q", "r"},
			Why: "Siblings under q: in a-to-b, p falls under it, and in b-to-d, s does too. " + siblingTail},
	}
	for name, got := range map[string]*crosswalk.Crosswalk{"(a b) c": abc, "a (b c)": aBC} {
		if diff := cmp.Diff([]crosswalk.Link{want[name]}, got.Links); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

// TestComposeNotes: the notes of a composed crosswalk on items without
// a counterpart list the items between as a reader would, and quote the
// notes of the crosswalks composed.
func TestComposeNotes(t *testing.T) {
	lv := crosswalk.CarryLevel
	a := &crosswalk.Crosswalk{ID: "a-to-m", From: "a", To: "m",
		Links: []crosswalk.Link{link("x1", "m1", competency.Exact, lv, 0, ""), link("x1", "m2", competency.Close, lv, 0, "")},
		New:   []crosswalk.Note{{ID: "m3", Why: "New in m: nothing before."}, {ID: "m5", Why: " Also new. "}},
	}
	b := &crosswalk.Crosswalk{ID: "m-to-z", From: "m", To: "z",
		Links: []crosswalk.Link{
			link("m3", "z1", competency.Exact, lv, 0, ""), link("m4", "z1", competency.Close, lv, 0, ""), link("m5", "z1", competency.Close, lv, 0, ""),
			link("m4", "z2", competency.Exact, lv, 0, ""),
		},
		Unmapped: []crosswalk.Note{{ID: "m1", Why: "Gone in z."}, {ID: "m2", Why: "Gone too."}},
	}
	c, err := crosswalk.Compose(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := struct{ Unmapped, New []crosswalk.Note }{
		Unmapped: []crosswalk.Note{{ID: "x1", Why: `Every link from here in a-to-m leads to an item of m that m-to-z maps nowhere: m1 and m2. On m1, m-to-z notes: "Gone in z." On m2: "Gone too."`}},
		New: []crosswalk.Note{
			{ID: "z1", Why: `Only m3, m4 and m5 of m lead here in m-to-z, and nothing in a leads to any of them. On m3, a-to-m notes: "New in m: nothing before." On m5: "Also new."`},
			{ID: "z2", Why: "Only m4 of m leads here in m-to-z, and nothing in a leads to it."},
		},
	}
	if diff := cmp.Diff(want, struct{ Unmapped, New []crosswalk.Note }{c.Unmapped, c.New}); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
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
