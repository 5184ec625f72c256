package crosswalk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

// smallFramework returns a framework of the given competencies, all in
// the personal cluster.
func smallFramework(t testing.TB, id string, items ...competency.ID) *wlp.Framework {
	t.Helper()
	s := wlp.Spec{ID: id, Name: id}
	for _, it := range items {
		s.Competencies = append(s.Competencies, competency.Competency{ID: it, Name: "Item " + string(it), Cluster: competency.Personal})
	}
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// The test crosswalk, from "old" to "new":
//
//	a -> x exact, level      h -> x related, level
//	b -> y close, level      c -> y broader, level
//	d -> z exact, capped 3   e -> w related, none
//	i -> t narrower, level
//	f: unmapped              g: no link, no note
//	v: new                   u: no link, no note
func testCrosswalk() *crosswalk.Crosswalk {
	link := func(from, to competency.ID, rel competency.Relation, carry crosswalk.Carry, cap competency.Level) crosswalk.Link {
		return crosswalk.Link{From: from, To: to, Relation: rel, Carry: carry, Cap: cap, Why: fmt.Sprintf("%s leads to %s", from, to)}
	}
	return &crosswalk.Crosswalk{
		ID: "old-to-new", From: "old", To: "new",
		Links: []crosswalk.Link{
			link("a", "x", competency.Exact, crosswalk.CarryLevel, 0),
			link("b", "y", competency.Close, crosswalk.CarryLevel, 0),
			link("c", "y", competency.Broader, crosswalk.CarryLevel, 0),
			link("d", "z", competency.Exact, crosswalk.CarryCapped, 3),
			link("e", "w", competency.Related, crosswalk.CarryNone, 0),
			link("h", "x", competency.Related, crosswalk.CarryLevel, 0),
			link("i", "t", competency.Narrower, crosswalk.CarryLevel, 0),
		},
		Unmapped: []crosswalk.Note{{ID: "f", Why: "f is gone"}},
		New:      []crosswalk.Note{{ID: "v", Why: "v is brand new"}},
	}
}

func oldFramework(t testing.TB) *wlp.Framework {
	return smallFramework(t, "old", "a", "b", "c", "d", "e", "f", "g", "h", "i")
}

func newFramework(t testing.TB) *wlp.Framework {
	return smallFramework(t, "new", "x", "y", "z", "w", "v", "u", "t")
}

func newMigrator(t testing.TB, rule crosswalk.Rule) *crosswalk.Migrator {
	t.Helper()
	m, err := crosswalk.NewMigrator(testCrosswalk(), oldFramework(t), newFramework(t), &crosswalk.MigrateOptions{Rule: rule})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// levels returns a profile "p" rating the given IDs directly.
func levels(kv map[competency.ID]competency.Level) profile.Profile {
	p := profile.Profile{ID: "p", Ratings: map[competency.ID]profile.Rating{}}
	for id, l := range kv {
		p.Ratings[id] = profile.Rating{Level: l}
	}
	return p
}

// TestMigrateRules checks each rule on hand-worked cases.
func TestMigrateRules(t *testing.T) {
	tests := []struct {
		rule crosswalk.Rule
		in   map[competency.ID]competency.Level
		id   competency.ID
		want competency.Level
	}{
		// y from b (close) and c (broader).
		{crosswalk.RuleMedian, map[competency.ID]competency.Level{"b": 2, "c": 4}, "y", 2},
		{crosswalk.RuleMedian, map[competency.ID]competency.Level{"b": 4, "c": 2}, "y", 2},
		{crosswalk.RuleMean, map[competency.ID]competency.Level{"b": 2, "c": 3}, "y", 2},
		{crosswalk.RuleMean, map[competency.ID]competency.Level{"b": 2, "c": 4}, "y", 3},
		{crosswalk.RuleMean, map[competency.ID]competency.Level{"b": 0, "c": 5}, "y", 2},
		{crosswalk.RuleMean, map[competency.ID]competency.Level{"b": 5, "c": 5}, "y", 5},
		{crosswalk.RuleMin, map[competency.ID]competency.Level{"b": 2, "c": 4}, "y", 2},
		{crosswalk.RuleMax, map[competency.ID]competency.Level{"b": 2, "c": 4}, "y", 4},
		{crosswalk.RuleStrongest, map[competency.ID]competency.Level{"b": 4, "c": 2}, "y", 4},
		{crosswalk.RuleStrongest, map[competency.ID]competency.Level{"b": 1, "c": 5}, "y", 1},
		// x from a (exact) and h (related).
		{crosswalk.RuleStrongest, map[competency.ID]competency.Level{"a": 1, "h": 5}, "x", 1},
		{crosswalk.RuleStrongest, map[competency.ID]competency.Level{"a": 5, "h": 1}, "x", 5},
		{crosswalk.RuleMedian, map[competency.ID]competency.Level{"a": 5, "h": 1}, "x", 1},
		{crosswalk.RuleMean, map[competency.ID]competency.Level{"a": 5, "h": 1}, "x", 3},
		// Only h rated: strongest counts what there is.
		{crosswalk.RuleStrongest, map[competency.ID]competency.Level{"h": 3}, "x", 3},
		// One source: every rule gives its level.
		{crosswalk.RuleMin, map[competency.ID]competency.Level{"b": 3}, "y", 3},
		{crosswalk.RuleMean, map[competency.ID]competency.Level{"b": 3}, "y", 3},
		// The default is the strongest: the close b decides over the
		// broader c, and the exact a over the related h; the median,
		// given, takes the lower of the two.
		{"", map[competency.ID]competency.Level{"b": 3, "c": 1}, "y", 3},
		{crosswalk.RuleMedian, map[competency.ID]competency.Level{"b": 3, "c": 1}, "y", 1},
		{"", map[competency.ID]competency.Level{"a": 5, "h": 1}, "x", 5},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.rule, tt.in), func(t *testing.T) {
			got, _, err := newMigrator(t, tt.rule).Migrate(levels(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			r, ok := got.Ratings[tt.id]
			if !ok {
				t.Fatalf("no rating of %s: %v", tt.id, got.Ratings)
			}
			if r.Level != tt.want {
				t.Errorf("level of %s = %d, want %d", tt.id, r.Level, tt.want)
			}
			wantRule := string(cmpOr(tt.rule, crosswalk.RuleStrongest))
			if len(tt.in) == 1 {
				wantRule = ""
			}
			if r.Carried.Rule != wantRule {
				t.Errorf("carried rule = %q, want %q", r.Carried.Rule, wantRule)
			}
		})
	}
}

func cmpOr(r, d crosswalk.Rule) crosswalk.Rule {
	if r == "" {
		return d
	}
	return r
}

// TestMigrateReport checks the whole result and report of one profile.
func TestMigrateReport(t *testing.T) {
	p := profile.Profile{
		ID: "ana", Name: "Ana",
		Ratings: map[competency.ID]profile.Rating{
			"a": {Level: 4, Source: profile.Manager, AssessedAt: "2026-01-02", Evidence: []string{"cert"}, Note: "solid"},
			"b": {Level: 2, Source: profile.Self, AssessedAt: "2026-03-01", Evidence: []string{"e1", "e2"}, Note: "b note"},
			"c": {Level: 4, Source: profile.Manager, AssessedAt: "2026-02-01", Evidence: []string{"e2", "e3"}},
			"d": {Level: 5, Source: profile.Assessment},
			"e": {Level: 3},
			"f": {Level: 2},
			"g": {Level: 1},
		},
		Reviews: []profile.Review{
			{Rater: "Jo", Source: profile.Peer, AssessedAt: "2026-01-05", Levels: map[competency.ID]competency.Level{"a": 3, "f": 1}, Evidence: []string{"obs"}, Note: "peer"},
			{Rater: "Kim", Source: profile.Peer, Levels: map[competency.ID]competency.Level{"f": 4, "g": 2}},
		},
	}
	got, rep, err := newMigrator(t, crosswalk.RuleMedian).Migrate(p)
	if err != nil {
		t.Fatal(err)
	}
	exactA := profile.CarriedFrom{ID: "a", Level: 4, Relation: competency.Exact, Carried: 4}
	fromB := profile.CarriedFrom{ID: "b", Level: 2, Relation: competency.Close, Carried: 2}
	fromC := profile.CarriedFrom{ID: "c", Level: 4, Relation: competency.Broader, Carried: 4}
	cappedD := profile.CarriedFrom{ID: "d", Level: 5, Relation: competency.Exact, Carried: 3}
	reviewA := profile.CarriedFrom{ID: "a", Level: 3, Relation: competency.Exact, Carried: 3}
	carried := func(rel competency.Relation, rule string, fs ...profile.CarriedFrom) *profile.Carried {
		return &profile.Carried{Crosswalk: "old-to-new", From: "old", Relation: rel, Rule: rule, Sources: fs}
	}
	want := profile.Profile{
		ID: "ana", Name: "Ana",
		Ratings: map[competency.ID]profile.Rating{
			"x": {Level: 4, Source: profile.Manager, AssessedAt: "2026-01-02", Evidence: []string{"cert"}, Note: "solid",
				Carried: carried(competency.Exact, "", exactA)},
			// Two sources: no common source, the earliest date, the
			// evidence without repeats, no note.
			"y": {Level: 2, AssessedAt: "2026-02-01", Evidence: []string{"e1", "e2", "e3"},
				Carried: carried(competency.Broader, "median", fromB, fromC)},
			"z": {Level: 3, Source: profile.Assessment, Carried: carried(competency.Exact, "", cappedD)},
		},
		Reviews: []profile.Review{
			{Rater: "Jo", Source: profile.Peer, AssessedAt: "2026-01-05", Levels: map[competency.ID]competency.Level{"x": 3},
				Evidence: []string{"obs"}, Note: "peer",
				Carried: map[competency.ID]profile.Carried{"x": *carried(competency.Exact, "", reviewA)}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("migrated profile (-want +got):\n%s", diff)
	}
	zero, one := 0, 1
	wantRep := &crosswalk.Report{
		Profile: "ana", Crosswalk: "old-to-new", From: "old", To: "new", Rule: crosswalk.RuleMedian,
		Carried: []crosswalk.CarriedRating{
			{ID: "x", Level: 4, Relation: competency.Exact, Sources: []profile.CarriedFrom{exactA}},
			{ID: "y", Level: 2, Relation: competency.Broader, Weak: true, Rule: crosswalk.RuleMedian, Sources: []profile.CarriedFrom{fromB, fromC}},
			{ID: "z", Level: 3, Relation: competency.Exact, Sources: []profile.CarriedFrom{cappedD}},
			{ID: "x", Review: &zero, Rater: "Jo", Level: 3, Relation: competency.Exact, Sources: []profile.CarriedFrom{reviewA}},
		},
		Lost: []crosswalk.Lost{
			{ID: "e", Level: 3, Reason: crosswalk.LostCarriesNothing, Why: "every link from it carries no level: to w (related)"},
			{ID: "f", Level: 2, Reason: crosswalk.LostUnmapped, Why: "f is gone"},
			{ID: "g", Level: 1, Reason: crosswalk.LostUnlinked, Why: "no link of the crosswalk leaves it"},
			{ID: "f", Review: &zero, Rater: "Jo", Level: 1, Reason: crosswalk.LostUnmapped, Why: "f is gone"},
			{ID: "f", Review: &one, Rater: "Kim", Level: 4, Reason: crosswalk.LostUnmapped, Why: "f is gone"},
			{ID: "g", Review: &one, Rater: "Kim", Level: 2, Reason: crosswalk.LostUnlinked, Why: "no link of the crosswalk leaves it"},
		},
		Unreached: []crosswalk.Unreached{
			{ID: "w", Reason: crosswalk.UnreachedNotCarried, Why: "only links that carry no level lead here from what the profile rates (see the hints)"},
			{ID: "v", Reason: crosswalk.UnreachedNew, Why: "v is brand new"},
			{ID: "u", Reason: crosswalk.UnreachedUnlinked, Why: "no link of the crosswalk leads here"},
			{ID: "t", Reason: crosswalk.UnreachedUnrated, Why: "the profile rates nothing that leads here; it would come from i"},
		},
		Hints:   []crosswalk.Hint{{ID: "w", From: "e", Level: 3, Relation: competency.Related, Why: "e leads to w"}},
		Dropped: []int{1},
	}
	if diff := cmp.Diff(wantRep, rep); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	if err := newFramework(t).ValidateProfile(got); err != nil {
		t.Errorf("the migrated profile is not valid in the new framework: %v", err)
	}
	// The input is unchanged, and the result shares nothing with it.
	if p.Ratings["a"].Evidence[0] != "cert" || len(p.Reviews) != 2 {
		t.Errorf("Migrate changed its input: %+v", p)
	}
	got.Ratings["x"].Evidence[0] = "changed"
	if p.Ratings["a"].Evidence[0] != "cert" {
		t.Error("the migrated rating shares its evidence with the input")
	}
}

// TestMigrateCombinedPolicy checks that a combining policy all sources
// share is kept, and one they do not share is not.
func TestMigrateCombinedPolicy(t *testing.T) {
	m := newMigrator(t, crosswalk.RuleMedian)
	for _, tt := range []struct {
		b, c profile.Policy
		want profile.Policy
	}{
		{profile.Median, profile.Median, profile.Median},
		{profile.Median, profile.ManagerFirst, ""},
		{profile.Median, "", ""},
	} {
		p := profile.Profile{ID: "p", Ratings: map[competency.ID]profile.Rating{
			"b": {Level: 2, Combined: tt.b}, "c": {Level: 3, Combined: tt.c},
		}}
		got, _, err := m.Migrate(p)
		if err != nil {
			t.Fatal(err)
		}
		if c := got.Ratings["y"].Combined; c != tt.want {
			t.Errorf("b %q, c %q: combined %q, want %q", tt.b, tt.c, c, tt.want)
		}
	}
}

// TestMigrateNested migrates a profile twice and checks that the second
// record nests the first.
func TestMigrateNested(t *testing.T) {
	first, _, err := newMigrator(t, "").Migrate(profile.Profile{ID: "p",
		Ratings: map[competency.ID]profile.Rating{"b": {Level: 3}},
		Reviews: []profile.Review{{Rater: "R", Levels: map[competency.ID]competency.Level{"a": 2}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	newer := smallFramework(t, "newer", "q", "s")
	c2 := &crosswalk.Crosswalk{ID: "new-to-newer", From: "new", To: "newer", Links: []crosswalk.Link{
		{From: "x", To: "q", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "same"},
		{From: "y", To: "q", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "same"},
	}}
	second, rep, err := crosswalk.Migrate(first, c2, newFramework(t), newer, nil)
	if err != nil {
		t.Fatal(err)
	}
	inner := first.Ratings["y"].Carried
	want := &profile.Carried{Crosswalk: "new-to-newer", From: "new", Relation: competency.Exact, Sources: []profile.CarriedFrom{
		{ID: "y", Level: 3, Relation: competency.Exact, Carried: 3, Provenance: inner},
	}}
	if diff := cmp.Diff(want, second.Ratings["q"].Carried); diff != "" {
		t.Errorf("nested record (-want +got):\n%s", diff)
	}
	// y crossed a close link the first time: the rating is weak though
	// this crossing is exact.
	if !rep.Carried[0].Weak || rep.Carried[0].Relation != competency.Exact {
		t.Errorf("report %+v: want weak by its provenance, relation exact", rep.Carried[0])
	}
	// The review's level nests its review's record.
	rv := second.Reviews[0].Carried["q"]
	if got, want := rv.Sources[0].Provenance, ptr(first.Reviews[0].Carried["x"]); !cmp.Equal(got, want) {
		t.Errorf("review provenance = %+v, want %+v", got, want)
	}
	if rep.Carried[1].Weak {
		t.Errorf("the review's level crossed two exact links but is weak: %+v", rep.Carried[1])
	}
	if err := newer.ValidateProfile(second); err != nil {
		t.Error(err)
	}
	roundTrip(t, second)
}

func ptr[T any](v T) *T { return &v }

// roundTrip checks that p, encoded as JSON, loads back equal.
func roundTrip(t testing.TB, p profile.Profile) {
	t.Helper()
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	back, err := profile.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the migrated profile does not load back: %v\n%s", err, b)
	}
	if diff := cmp.Diff(p, back); diff != "" {
		t.Errorf("encode then decode (-migrated +loaded):\n%s", diff)
	}
}

// TestMigrateErrors checks the errors of NewMigrator and Migrate.
func TestMigrateErrors(t *testing.T) {
	old, nw := oldFramework(t), newFramework(t)
	bad := testCrosswalk()
	bad.Links[0].To = "nowhere"
	tests := []struct {
		name     string
		c        *crosswalk.Crosswalk
		from, to *wlp.Framework
		o        *crosswalk.MigrateOptions
		want     string
	}{
		{"nil crosswalk", nil, old, nw, nil, "crosswalk: NewMigrator needs a crosswalk and two frameworks"},
		{"nil framework", testCrosswalk(), old, nil, nil, "crosswalk: NewMigrator needs a crosswalk and two frameworks"},
		{"bad rule", testCrosswalk(), old, nw, &crosswalk.MigrateOptions{Rule: "average"},
			`crosswalk: unknown rule "average" (want strongest, median, mean, min or max)`},
		{"unknown target", bad, old, nw, nil, "/links/0/to"},
		{"swapped frameworks", testCrosswalk(), nw, old, nil, "/from"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := crosswalk.NewMigrator(tt.c, tt.from, tt.to, tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
	_, _, err := newMigrator(t, "").Migrate(profile.Profile{ID: "p", Ratings: map[competency.ID]profile.Rating{"a": {Level: 9}}})
	var ve *problem.Error
	if !errors.As(err, &ve) || ve.Problems[0].Path != "/ratings/a/level" {
		t.Errorf("a level off the scale: err = %v, want a validation error at /ratings/a/level", err)
	}
}

// TestMigrateUnknownID checks that an ID the From framework does not
// know is lost, not an error.
func TestMigrateUnknownID(t *testing.T) {
	got, rep, err := newMigrator(t, "").Migrate(levels(map[competency.ID]competency.Level{"zzz": 2, "a": 1}))
	if err != nil {
		t.Fatal(err)
	}
	want := []crosswalk.Lost{{ID: "zzz", Level: 2, Reason: crosswalk.LostUnknown, Why: `not an item of the framework "old"`}}
	if diff := cmp.Diff(want, rep.Lost); diff != "" {
		t.Errorf("lost (-want +got):\n%s", diff)
	}
	if got.Ratings["x"].Level != 1 {
		t.Errorf("x = %+v", got.Ratings["x"])
	}
}

// randomProfile returns a profile rating a random part of ids, directly
// and in up to three reviews.
func randomProfile(rng *rand.Rand, n int, ids []competency.ID) profile.Profile {
	p := profile.Profile{ID: fmt.Sprintf("p%d", n), Name: fmt.Sprintf("Person %d", n)}
	srcs := profile.Sources()
	pick := func() map[competency.ID]competency.Level {
		m := map[competency.ID]competency.Level{}
		for _, id := range ids {
			if rng.IntN(3) == 0 {
				m[id] = competency.Level(rng.IntN(6))
			}
		}
		return m
	}
	for id, l := range pick() {
		if p.Ratings == nil {
			p.Ratings = map[competency.ID]profile.Rating{}
		}
		r := profile.Rating{Level: l, Source: srcs[rng.IntN(len(srcs))]}
		if rng.IntN(2) == 0 {
			r.AssessedAt = fmt.Sprintf("2026-0%d-1%d", 1+rng.IntN(9), rng.IntN(10))
			r.Evidence = []string{fmt.Sprintf("ev%d", rng.IntN(4))}
		}
		p.Ratings[id] = r
	}
	for i := range rng.IntN(4) {
		lv := pick()
		if len(lv) == 0 {
			continue
		}
		p.Reviews = append(p.Reviews, profile.Review{Rater: fmt.Sprintf("rater %d", i), Source: srcs[rng.IntN(len(srcs))], Levels: lv})
	}
	return p
}

// checkProperties checks the properties every migration has: nothing
// disappears, every carried level has provenance matching the profile,
// weak marks every rating that crossed anything but exact, the result is
// valid in to and loads back equal, and the report matches the profile.
func checkProperties(t testing.TB, m *crosswalk.Migrator, c *crosswalk.Crosswalk, to *wlp.Framework, p profile.Profile) {
	t.Helper()
	got, rep, err := m.Migrate(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := to.ValidateProfile(got); err != nil {
		t.Fatalf("the migrated profile is not valid in %s: %v", to.ID(), err)
	}
	if got.ID != p.ID || got.Name != p.Name {
		t.Errorf("ID and name %q %q, want %q %q", got.ID, got.Name, p.ID, p.Name)
	}
	// Each place's sources: what carried and what was lost.
	type key struct {
		review int // -1: the ratings
		id     competency.ID
	}
	used := map[key]bool{}
	seeRecord := func(review int, c profile.Carried, level competency.Level, src map[competency.ID]competency.Level) {
		if len(c.Sources) == 0 {
			t.Fatalf("a carried level without sources: %+v", c)
		}
		exact := true
		for _, s := range c.Sources {
			if lv, ok := src[s.ID]; !ok || lv != s.Level {
				t.Errorf("review %d: source %s at %d, but the profile has %d (rated: %v)", review, s.ID, s.Level, lv, ok)
			}
			if s.Carried > s.Level {
				t.Errorf("source %+v carries more than its level", s)
			}
			if s.Relation != competency.Exact {
				exact = false
			}
			used[key{review, s.ID}] = true
		}
		if exact != (c.Relation == competency.Exact) {
			t.Errorf("relation %s, but the sources are exact: %v", c.Relation, exact)
		}
		if len(c.Sources) == 1 && level != c.Sources[0].Carried {
			t.Errorf("one source carrying %d gave %d", c.Sources[0].Carried, level)
		}
		if !slices.IsSortedFunc(c.Sources, func(a, b profile.CarriedFrom) int { return strings.Compare(string(a.ID), string(b.ID)) }) {
			t.Errorf("sources out of order: %+v", c.Sources)
		}
	}
	direct := map[competency.ID]competency.Level{}
	for id, r := range p.Ratings {
		direct[id] = r.Level
	}
	for id, r := range got.Ratings {
		if r.Carried == nil {
			t.Fatalf("rating %s has no carried record", id)
		}
		seeRecord(-1, *r.Carried, r.Level, direct)
	}
	kept := 0
	dropped := map[int]bool{}
	for _, d := range rep.Dropped {
		dropped[d] = true
	}
	for i, a := range p.Reviews {
		if dropped[i] {
			continue
		}
		na := got.Reviews[kept]
		kept++
		if na.Rater != a.Rater || na.Source != a.Source {
			t.Errorf("review %d: rater %q %s, want %q %s", i, na.Rater, na.Source, a.Rater, a.Source)
		}
		if !slices.Equal(slices.Sorted(maps.Keys(na.Levels)), slices.Sorted(maps.Keys(na.Carried))) {
			t.Errorf("review %d: levels %v, carried records %v", i, na.Levels, na.Carried)
		}
		for id, c := range na.Carried {
			seeRecord(i, c, na.Levels[id], a.Levels)
		}
	}
	if kept != len(got.Reviews) {
		t.Errorf("%d reviews kept, the profile has %d", kept, len(got.Reviews))
	}
	lost := map[key]bool{}
	for _, l := range rep.Lost {
		k := key{-1, l.ID}
		if l.Review != nil {
			k.review = *l.Review
		}
		lost[k] = true
		if used[k] {
			t.Errorf("%+v is lost but carried", l)
		}
	}
	check := func(review int, ids map[competency.ID]competency.Level) {
		for id := range ids {
			if k := (key{review, id}); !used[k] && !lost[k] {
				t.Errorf("review %d: %s disappeared: neither carried nor lost", review, id)
			}
		}
	}
	check(-1, direct)
	for i, a := range p.Reviews {
		check(i, a.Levels)
		if dropped[i] {
			for id := range a.Levels {
				if !lost[key{i, id}] {
					t.Errorf("dropped review %d: %s not lost", i, id)
				}
			}
		}
	}
	// The report's carried list is the profile's levels.
	n := len(got.Ratings)
	for _, a := range got.Reviews {
		n += len(a.Levels)
	}
	if len(rep.Carried) != n {
		t.Errorf("the report lists %d carried levels, the profile has %d", len(rep.Carried), n)
	}
	for _, cr := range rep.Carried {
		if cr.Weak != (cr.Relation != competency.Exact) { // no provenance here
			t.Errorf("%+v: weak %v with relation %s", cr, cr.Weak, cr.Relation)
		}
		// Only the strongest rule sets sources aside, and only those
		// weaker than every source it used.
		if len(cr.Outweighed) > 0 && rep.Rule != crosswalk.RuleStrongest {
			t.Errorf("%+v: sources outweighed under the rule %s", cr, rep.Rule)
		}
		for _, o := range cr.Outweighed {
			for _, s := range cr.Sources {
				if o.Relation.Strength() >= s.Relation.Strength() || o.ID == s.ID {
					t.Errorf("%+v: %s (%s) set aside beside %s (%s)", cr, o.ID, o.Relation, s.ID, s.Relation)
				}
			}
		}
		if cr.Rule == "" && len(cr.Sources)+len(cr.Outweighed) != 1 {
			t.Errorf("%+v: several sources reached it, but no rule is named", cr)
		}
	}
	// A source lost as outweighed is outweighed somewhere in its place,
	// and one used nowhere that carries a level is lost as outweighed.
	outweighed := map[key]bool{}
	for _, cr := range rep.Carried {
		for _, o := range cr.Outweighed {
			k := key{-1, o.ID}
			if cr.Review != nil {
				k.review = *cr.Review
			}
			outweighed[k] = true
		}
	}
	for _, l := range rep.Lost {
		k := key{-1, l.ID}
		if l.Review != nil {
			k.review = *l.Review
		}
		if (l.Reason == crosswalk.LostOutweighed) != (outweighed[k] && !used[k]) {
			t.Errorf("%+v: lost as %s, outweighed somewhere %v, used %v", l, l.Reason, outweighed[k], used[k])
		}
	}
	// A direct rating's facts come from the sources used: a date only
	// when each of them has one, the earliest; evidence their union.
	for id, r := range got.Ratings {
		dates, dated := []string{}, true
		var evidence []string
		for _, s := range r.Carried.Sources {
			src := p.Ratings[s.ID]
			if src.AssessedAt == "" {
				dated = false
			} else {
				dates = append(dates, src.AssessedAt)
			}
			for _, e := range src.Evidence {
				if !slices.Contains(evidence, e) {
					evidence = append(evidence, e)
				}
			}
		}
		want := ""
		if dated {
			want = slices.Min(dates)
		}
		if r.AssessedAt != want {
			t.Errorf("%s: assessed at %q, want %q (sources %+v)", id, r.AssessedAt, want, r.Carried.Sources)
		}
		if !slices.Equal(r.Evidence, evidence) {
			t.Errorf("%s: evidence %q, want %q", id, r.Evidence, evidence)
		}
	}
	// Unreached: exactly the items rated nowhere.
	rated := map[competency.ID]bool{}
	for id := range got.Ratings {
		rated[id] = true
	}
	for _, a := range got.Reviews {
		for id := range a.Levels {
			rated[id] = true
		}
	}
	var wantUnreached, gotUnreached []competency.ID
	for _, id := range to.IDs() {
		if !rated[id] {
			wantUnreached = append(wantUnreached, id)
		}
	}
	for _, u := range rep.Unreached {
		gotUnreached = append(gotUnreached, u.ID)
	}
	if diff := cmp.Diff(wantUnreached, gotUnreached); diff != "" {
		t.Errorf("unreached (-want +got):\n%s", diff)
	}
	// An exact link carrying the level carries it unchanged, when it is
	// the only source.
	for _, l := range c.Links {
		if l.Relation != competency.Exact || l.Carry != crosswalk.CarryLevel {
			continue
		}
		r, ok := p.Ratings[l.From]
		if !ok {
			continue
		}
		nr := got.Ratings[l.To]
		if nr.Carried == nil {
			t.Fatalf("exact link %s -> %s did not carry", l.From, l.To)
		}
		if len(nr.Carried.Sources) == 1 && nr.Level != r.Level {
			t.Errorf("exact link %s -> %s carried %d as %d", l.From, l.To, r.Level, nr.Level)
		}
	}
	roundTrip(t, got)
}

// TestMigrateProperties checks the properties over generated profiles.
func TestMigrateProperties(t *testing.T) {
	old, nw := oldFramework(t), newFramework(t)
	rng := rand.New(rand.NewPCG(17, 2026))
	for _, rule := range crosswalk.Rules() {
		m := newMigrator(t, rule)
		for n := range 300 {
			checkProperties(t, m, testCrosswalk(), nw, randomProfile(rng, n, old.IDs()))
		}
	}
}

// TestMigrateConcurrent runs one Migrator from many goroutines; run it
// with -race.
func TestMigrateConcurrent(t *testing.T) {
	m := newMigrator(t, crosswalk.RuleMean)
	old := oldFramework(t)
	rng := rand.New(rand.NewPCG(1, 2))
	ps := make([]profile.Profile, 64)
	for i := range ps {
		ps[i] = randomProfile(rng, i, old.IDs())
	}
	want := make([]profile.Profile, len(ps))
	for i, p := range ps {
		want[i], _, _ = m.Migrate(p)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range ps {
				j := (i + g) % len(ps)
				got, _, err := m.Migrate(ps[j])
				if err != nil {
					t.Error(err)
					return
				}
				if !cmp.Equal(want[j], got) {
					t.Errorf("profile %d differs when migrated concurrently", j)
				}
			}
		})
	}
	wg.Wait()
}

// TestMigratorKeepsCopy checks that changing the crosswalk after
// NewMigrator changes nothing.
func TestMigratorKeepsCopy(t *testing.T) {
	c := testCrosswalk()
	m, err := crosswalk.NewMigrator(c, oldFramework(t), newFramework(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	c.Links[0].To = "y"
	c.Links[0].Carry = crosswalk.CarryNone
	got, _, err := m.Migrate(levels(map[competency.ID]competency.Level{"a": 2}))
	if err != nil {
		t.Fatal(err)
	}
	if got.Ratings["x"].Level != 2 {
		t.Errorf("after changing the crosswalk: %+v", got.Ratings)
	}
}

func TestRules(t *testing.T) {
	want := []crosswalk.Rule{"strongest", "median", "mean", "min", "max"}
	if diff := cmp.Diff(want, crosswalk.Rules()); diff != "" {
		t.Errorf("Rules (-want +got):\n%s", diff)
	}
	for _, r := range want {
		if !r.Valid() {
			t.Errorf("%s not valid", r)
		}
	}
	for _, r := range []crosswalk.Rule{"", "Median", "average"} {
		if r.Valid() {
			t.Errorf("%q valid", r)
		}
	}
}

// embeddedMigrator returns a Migrator for the embedded crosswalk id, with
// its frameworks.
func embeddedMigrator(t testing.TB, id string, rule crosswalk.Rule) (*crosswalk.Migrator, *crosswalk.Crosswalk, *wlp.Framework, *wlp.Framework) {
	t.Helper()
	c, err := crosswalk.LoadEmbedded(id)
	if err != nil {
		t.Fatal(err)
	}
	from, err := wlp.LoadEmbedded(c.From)
	if err != nil {
		t.Fatal(err)
	}
	to, err := wlp.LoadEmbedded(c.To)
	if err != nil {
		t.Fatal(err)
	}
	m, err := crosswalk.NewMigrator(c, from, to, &crosswalk.MigrateOptions{Rule: rule})
	if err != nil {
		t.Fatal(err)
	}
	return m, c, from, to
}

// TestMigrateEmbedded checks the properties over generated profiles
// through every embedded crosswalk, by every rule, and that the reports
// are valid migration documents.
func TestMigrateEmbedded(t *testing.T) {
	rng := rand.New(rand.NewPCG(2004, 2020))
	for _, id := range crosswalk.Embedded() {
		for _, rule := range crosswalk.Rules() {
			t.Run(id+"/"+string(rule), func(t *testing.T) {
				m, c, from, to := embeddedMigrator(t, id, rule)
				for n := range 100 {
					checkProperties(t, m, c, to, randomProfile(rng, n, from.IDs()))
				}
				_, rep, err := m.Migrate(randomProfile(rng, 0, from.IDs()))
				if err != nil {
					t.Fatal(err)
				}
				validReport(t, rep)
			})
		}
	}
}

// validReport checks rep's JSON against the migration schema.
func validReport(t testing.TB, rep *crosswalk.Report) {
	t.Helper()
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	probs, err := schema.Validate(schema.Migration, v)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("migration schema: %s\n%s", p, b)
	}
}

// TestMigrateReportSchema checks the hand-made report of
// TestMigrateReport's profile against the schema, with every list used.
func TestMigrateReportSchema(t *testing.T) {
	_, rep, err := newMigrator(t, crosswalk.RuleMean).Migrate(profile.Profile{ID: "p",
		Ratings: map[competency.ID]profile.Rating{"b": {Level: 1}, "c": {Level: 2}, "e": {Level: 3}, "f": {Level: 4}, "zz": {Level: 0}},
		Reviews: []profile.Review{{Rater: "R", Levels: map[competency.ID]competency.Level{"g": 1}}, {Levels: map[competency.ID]competency.Level{"a": 1}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Carried) == 0 || len(rep.Lost) == 0 || len(rep.Unreached) == 0 || len(rep.Hints) == 0 || len(rep.Dropped) == 0 {
		t.Fatalf("a list is empty: %+v", rep)
	}
	validReport(t, rep)
	// Empty lists are written as [], as the schema wants.
	_, rep, err = newMigrator(t, "").Migrate(profile.Profile{ID: "q"})
	if err != nil {
		t.Fatal(err)
	}
	validReport(t, rep)
}

// FuzzMigrate migrates profiles made of the fuzzer's bytes through the
// embedded crosswalk from 2004 to 2020 and checks the properties.
func FuzzMigrate(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 0, 1, 2})
	f.Add([]byte{4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1, 2, 3})
	f.Add([]byte{1, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 3})
	type setup struct {
		m        *crosswalk.Migrator
		c        *crosswalk.Crosswalk
		from, to *wlp.Framework
	}
	ms := make([]setup, len(crosswalk.Rules()))
	for i, r := range crosswalk.Rules() {
		m, c, from, to := embeddedMigrator(f, crosswalk.ASTD2004ToATD2020, r)
		ms[i] = setup{m, c, from, to}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || len(data) > 1000 {
			return
		}
		s := ms[int(data[0])%len(ms)]
		ids := s.from.IDs()
		p := profile.Profile{ID: "fuzz"}
		// Byte k rates item k%n of the place k/n: the ratings, then one
		// review after another; 6 and above leave the item unrated.
		for k, b := range data[1:] {
			place, id := k/len(ids), ids[k%len(ids)]
			if int(b) > int(competency.MaxLevel) {
				continue
			}
			lv := competency.Level(b)
			if place == 0 {
				if p.Ratings == nil {
					p.Ratings = map[competency.ID]profile.Rating{}
				}
				p.Ratings[id] = profile.Rating{Level: lv}
				continue
			}
			for len(p.Reviews) < place {
				p.Reviews = append(p.Reviews, profile.Review{Rater: fmt.Sprintf("r%d", len(p.Reviews)), Levels: map[competency.ID]competency.Level{}})
			}
			p.Reviews[place-1].Levels[id] = lv
		}
		// A review rates something.
		p.Reviews = slices.DeleteFunc(p.Reviews, func(r profile.Review) bool { return len(r.Levels) == 0 })
		checkProperties(t, s.m, s.c, s.to, p)
	})
}

// TestMigrateDefaultRule: no options, or no rule in them, migrate by the
// strongest rule, and the report and the carried record name it.
func TestMigrateDefaultRule(t *testing.T) {
	if crosswalk.DefaultRule != crosswalk.RuleStrongest || crosswalk.Rules()[0] != crosswalk.DefaultRule {
		t.Fatalf("DefaultRule = %q, Rules()[0] = %q; want both strongest", crosswalk.DefaultRule, crosswalk.Rules()[0])
	}
	for _, o := range []*crosswalk.MigrateOptions{nil, {}, {Rule: ""}} {
		// y from b (close, 3) and c (broader, 1): the close one decides.
		got, rep, err := crosswalk.Migrate(levels(map[competency.ID]competency.Level{"b": 3, "c": 1}), testCrosswalk(), oldFramework(t), newFramework(t), o)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rule != crosswalk.RuleStrongest {
			t.Errorf("options %+v: report rule %q, want strongest", o, rep.Rule)
		}
		r := got.Ratings["y"]
		// The record names only b, the source used, and its relation.
		if r.Level != 3 || r.Carried == nil || r.Carried.Rule != "strongest" || r.Carried.Relation != competency.Close ||
			len(r.Carried.Sources) != 1 || r.Carried.Sources[0].ID != "b" {
			t.Errorf("options %+v: y = %+v, carried %+v; want level 3 by strongest from b alone, relation close", o, r, r.Carried)
		}
		if len(rep.Carried) != 1 || len(rep.Carried[0].Outweighed) != 1 || rep.Carried[0].Outweighed[0].ID != "c" {
			t.Errorf("options %+v: report carried %+v; want c outweighed", o, rep.Carried)
		}
	}
}

// TestMigrateOutweighed checks that with the strongest rule a carried
// rating records, and takes its facts from, only the sources it was made
// from, that the report lists the others as outweighed, and that a source
// outweighed wherever it carries is lost.
func TestMigrateOutweighed(t *testing.T) {
	p := profile.Profile{ID: "bo", Ratings: map[competency.ID]profile.Rating{
		"a": {Level: 4, Source: profile.Manager},
		"h": {Level: 2, Source: profile.Self, AssessedAt: "2026-01-02", Evidence: []string{"h's evidence"}, Note: "h note"},
		"b": {Level: 3, Source: profile.Peer, AssessedAt: "2026-05-01"},
		"c": {Level: 1, Source: profile.Peer, AssessedAt: "2026-02-01", Evidence: []string{"c's evidence"}},
	}}
	got, rep, err := newMigrator(t, crosswalk.RuleStrongest).Migrate(p)
	if err != nil {
		t.Fatal(err)
	}
	fromA := profile.CarriedFrom{ID: "a", Level: 4, Relation: competency.Exact, Carried: 4}
	fromH := profile.CarriedFrom{ID: "h", Level: 2, Relation: competency.Related, Carried: 2}
	fromB := profile.CarriedFrom{ID: "b", Level: 3, Relation: competency.Close, Carried: 3}
	fromC := profile.CarriedFrom{ID: "c", Level: 1, Relation: competency.Broader, Carried: 1}
	carried := func(rel competency.Relation, fs ...profile.CarriedFrom) *profile.Carried {
		return &profile.Carried{Crosswalk: "old-to-new", From: "old", Relation: rel, Rule: "strongest", Sources: fs}
	}
	want := map[competency.ID]profile.Rating{
		// Nothing of h: not its date, evidence, note or relation.
		"x": {Level: 4, Source: profile.Manager, Carried: carried(competency.Exact, fromA)},
		// b's date alone; nothing of c.
		"y": {Level: 3, Source: profile.Peer, AssessedAt: "2026-05-01", Carried: carried(competency.Close, fromB)},
	}
	if diff := cmp.Diff(want, got.Ratings); diff != "" {
		t.Errorf("ratings (-want +got):\n%s", diff)
	}
	wantCarried := []crosswalk.CarriedRating{
		{ID: "x", Level: 4, Relation: competency.Exact, Rule: crosswalk.RuleStrongest, Sources: []profile.CarriedFrom{fromA},
			Outweighed: []profile.CarriedFrom{fromH}},
		{ID: "y", Level: 3, Relation: competency.Close, Weak: true, Rule: crosswalk.RuleStrongest, Sources: []profile.CarriedFrom{fromB},
			Outweighed: []profile.CarriedFrom{fromC}},
	}
	if diff := cmp.Diff(wantCarried, rep.Carried); diff != "" {
		t.Errorf("report's carried (-want +got):\n%s", diff)
	}
	wantLost := []crosswalk.Lost{
		{ID: "c", Level: 1, Reason: crosswalk.LostOutweighed,
			Why: "outweighed by stronger links wherever it carries a level: at y (broader) by b (close)"},
		{ID: "h", Level: 2, Reason: crosswalk.LostOutweighed,
			Why: "outweighed by stronger links wherever it carries a level: at x (related) by a (exact)"},
	}
	if diff := cmp.Diff(wantLost, rep.Lost); diff != "" {
		t.Errorf("report's lost (-want +got):\n%s", diff)
	}
	validReport(t, rep)

	// Another rule uses every source; none is outweighed or lost.
	got, rep, err = newMigrator(t, crosswalk.RuleMedian).Migrate(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Lost) != 0 || rep.Carried[0].Outweighed != nil || len(got.Ratings["x"].Carried.Sources) != 2 ||
		got.Ratings["x"].Carried.Relation != competency.Related {
		t.Errorf("median: lost %+v, carried %+v", rep.Lost, rep.Carried)
	}
}

// TestMigrateDates checks that a rating made from several sources has
// a date only when every source used has one.
func TestMigrateDates(t *testing.T) {
	tests := []struct {
		name   string
		b, c   profile.Rating
		date   string
		evide  []string
		source profile.Source
	}{
		{"both dated", profile.Rating{Level: 2, AssessedAt: "2026-03-01", Evidence: []string{"e1"}},
			profile.Rating{Level: 2, AssessedAt: "2026-02-01", Evidence: []string{"e1", "e2"}}, "2026-02-01", []string{"e1", "e2"}, profile.Unstated},
		{"one undated", profile.Rating{Level: 2, AssessedAt: "2026-03-01", Evidence: []string{"e1"}, Source: profile.Manager},
			profile.Rating{Level: 2, Source: profile.Manager}, "", []string{"e1"}, profile.Manager},
		{"none dated", profile.Rating{Level: 2}, profile.Rating{Level: 3}, "", nil, profile.Unstated},
	}
	m := newMigrator(t, crosswalk.RuleMedian)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := m.Migrate(profile.Profile{ID: "p", Ratings: map[competency.ID]profile.Rating{"b": tt.b, "c": tt.c}})
			if err != nil {
				t.Fatal(err)
			}
			y := got.Ratings["y"]
			if y.AssessedAt != tt.date || !slices.Equal(y.Evidence, tt.evide) || y.Source != tt.source {
				t.Errorf("y dated %q, evidence %q, source %s; want %q, %q, %s", y.AssessedAt, y.Evidence, y.Source, tt.date, tt.evide, tt.source)
			}
		})
	}
}

// TestMigrateMaxCrossings migrates a profile through a crosswalk from a
// framework to itself until it has crossed MaxCrossings crosswalks: each
// result loads back, and the next migration is refused, naming the
// profile and the places.
func TestMigrateMaxCrossings(t *testing.T) {
	f := smallFramework(t, "same", "a", "b")
	c := &crosswalk.Crosswalk{ID: "same-to-same", From: "same", To: "same", Links: []crosswalk.Link{
		{From: "a", To: "a", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "itself"},
		{From: "b", To: "b", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "itself"},
	}}
	m, err := crosswalk.NewMigrator(c, f, f, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := profile.Profile{ID: "deep", Ratings: map[competency.ID]profile.Rating{"a": {Level: 3}, "b": {Level: 1}},
		Reviews: []profile.Review{{Rater: "R", Levels: map[competency.ID]competency.Level{"b": 2}}}}
	for i := range crosswalk.MaxCrossings {
		if p, _, err = m.Migrate(p); err != nil {
			t.Fatalf("crossing %d: %v", i+1, err)
		}
		roundTrip(t, p)
	}
	_, _, err = m.Migrate(p)
	var ve *problem.Error
	if !errors.As(err, &ve) {
		t.Fatalf("crossing %d: err = %v, want a *problem.Error", crosswalk.MaxCrossings+1, err)
	}
	var paths []string
	for _, pr := range ve.Problems {
		paths = append(paths, pr.Path)
		if !strings.Contains(pr.Message, `profile "deep"`) || !strings.Contains(pr.Message, "8 crossings") {
			t.Errorf("message %q does not name the profile and the bound", pr.Message)
		}
	}
	if diff := cmp.Diff([]string{"/ratings/a/carried", "/ratings/b/carried", "/reviews/0/carried/b"}, paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(err.Error(), "crosswalk: ") {
		t.Errorf("error %q does not start with the package name", err)
	}
	// One rating that crossed less is not refused.
	p.Ratings["a"] = profile.Rating{Level: 3}
	p.Ratings["b"] = profile.Rating{Level: 3}
	p.Reviews = nil
	if _, _, err := m.Migrate(p); err != nil {
		t.Errorf("a fresh rating: %v", err)
	}
}
