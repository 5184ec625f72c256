package crosswalk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/problem"
)

// amendable returns a crosswalk from "a" to "b" with a composed link, a
// direct one, an unmapped item and a new one.
func amendable() *crosswalk.Crosswalk {
	return &crosswalk.Crosswalk{
		ID: "a-to-b", Name: "A to B", From: "a", To: "b",
		Sources: []crosswalk.Source{{Key: "s", Title: "Source S"}},
		Links: []crosswalk.Link{
			{From: "x1", To: "y1", Relation: competency.Related, Carry: crosswalk.CarryLevel, Why: "x1 then m then y1.", Via: []competency.ID{"m"}},
			{From: "x1", To: "y2", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "x1 is y2.", Source: "s"},
			{From: "x2", To: "y2", Relation: competency.Related, Carry: crosswalk.CarryNone, Why: "x2 touches y2.", Via: []competency.ID{"m"}},
		},
		Unmapped: []crosswalk.Note{{ID: "x3", Why: "x3 is gone."}, {ID: "x4", Why: "x4 is gone."}},
		New:      []crosswalk.Note{{ID: "y3", Why: "y3 is new."}, {ID: "y4", Why: "y4 is new."}},
	}
}

// direct builds a direct link with a Why.
func direct(from, to competency.ID, rel competency.Relation, carry crosswalk.Carry, cap competency.Level) crosswalk.Link {
	return crosswalk.Link{From: from, To: to, Relation: rel, Carry: carry, Cap: cap, Why: "read directly: " + string(from) + " and " + string(to)}
}

func TestAmend(t *testing.T) {
	close13 := direct("x1", "y1", competency.Close, crosswalk.CarryLevel, 0)
	tests := []struct {
		name  string
		links []crosswalk.Link
		want  func(c *crosswalk.Crosswalk) // changes amendable() into the wanted result
	}{
		{"no links", nil, func(*crosswalk.Crosswalk) {}},
		{"an empty list", []crosswalk.Link{}, func(*crosswalk.Crosswalk) {}},
		{"replace in place", []crosswalk.Link{close13}, func(c *crosswalk.Crosswalk) {
			c.Links[0] = close13 // its Via gone: a direct reading
		}},
		{"replace the last, keeping a path given", []crosswalk.Link{{From: "x2", To: "y2", Relation: competency.Narrower,
			Carry: crosswalk.CarryCapped, Cap: 2, Why: "Through n instead.", Source: "s", Via: []competency.ID{"n"}}},
			func(c *crosswalk.Crosswalk) {
				c.Links[2] = crosswalk.Link{From: "x2", To: "y2", Relation: competency.Narrower, Carry: crosswalk.CarryCapped, Cap: 2,
					Why: "Through n instead.", Source: "s", Via: []competency.ID{"n"}}
			}},
		{"add a new pair after the links leaving its item", []crosswalk.Link{direct("x1", "y3", competency.Broader, crosswalk.CarryLevel, 0)}, func(c *crosswalk.Crosswalk) {
			c.Links = slices.Insert(c.Links, 2, direct("x1", "y3", competency.Broader, crosswalk.CarryLevel, 0))
			c.New = c.New[1:] // y3 is reached now
		}},
		{"append a new pair", []crosswalk.Link{direct("x2", "y1", competency.Broader, crosswalk.CarryLevel, 0)}, func(c *crosswalk.Crosswalk) {
			c.Links = append(c.Links, direct("x2", "y1", competency.Broader, crosswalk.CarryLevel, 0))
		}},
		{"an unmapped item mapped, a new one reached", []crosswalk.Link{
			direct("x3", "y1", competency.Close, crosswalk.CarryLevel, 0),
			direct("x2", "y4", competency.Related, crosswalk.CarryCapped, 1),
		}, func(c *crosswalk.Crosswalk) {
			// x2's link goes after the last link leaving x2; x3 leaves
			// nothing yet, so its link goes last.
			c.Links = append(c.Links, direct("x2", "y4", competency.Related, crosswalk.CarryCapped, 1),
				direct("x3", "y1", competency.Close, crosswalk.CarryLevel, 0))
			c.Unmapped = c.Unmapped[1:]
			c.New = c.New[:1]
		}},
		{"every note gone", []crosswalk.Link{
			direct("x3", "y3", competency.Exact, crosswalk.CarryLevel, 0),
			direct("x4", "y4", competency.Exact, crosswalk.CarryLevel, 0),
			close13,
		}, func(c *crosswalk.Crosswalk) {
			c.Links[0] = close13
			c.Links = append(c.Links, direct("x3", "y3", competency.Exact, crosswalk.CarryLevel, 0),
				direct("x4", "y4", competency.Exact, crosswalk.CarryLevel, 0))
			c.Unmapped, c.New = nil, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := amendable()
			got, err := crosswalk.Amend(c, tt.links)
			if err != nil {
				t.Fatal(err)
			}
			want := amendable()
			tt.want(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Amend (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(amendable(), c); diff != "" {
				t.Errorf("Amend changed its crosswalk (-before +after):\n%s", diff)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("the result does not validate: %v", err)
			}
			// The result reads back equal.
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			back, err := crosswalk.Load(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got, back); diff != "" {
				t.Errorf("round trip (-amended +read):\n%s", diff)
			}
		})
	}
}

// TestAmendShares: the result shares no memory with the crosswalk or the
// given links.
func TestAmendShares(t *testing.T) {
	c := amendable()
	links := []crosswalk.Link{{From: "x1", To: "y1", Relation: competency.Close, Carry: crosswalk.CarryLevel, Why: "w", Via: []competency.ID{"n"}}}
	got, err := crosswalk.Amend(c, links)
	if err != nil {
		t.Fatal(err)
	}
	want := got.Clone()
	links[0].Via[0] = "changed"
	c.Links[1].Why = "changed"
	c.Sources[0].Key = "changed"
	c.Unmapped[0].ID = "changed"
	c.New[0].ID = "changed"
	c.Links[2].Via[0] = "changed"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changing the inputs changed the result (-before +after):\n%s", diff)
	}
}

func TestAmendErrors(t *testing.T) {
	lv := crosswalk.CarryLevel
	tests := []struct {
		name  string
		c     *crosswalk.Crosswalk
		links []crosswalk.Link
		want  []got
	}{
		{"every problem of the given links at once, placed in the given list", amendable(), []crosswalk.Link{
			direct("x1", "y1", competency.Close, lv, 0),
			{From: "x2", To: "y1", Relation: "wider", Carry: lv, Why: "w"},
			{From: "x2", To: "y2", Relation: competency.Close, Carry: crosswalk.CarryCapped, Why: " "},
			{From: "X5", To: "y5", Relation: competency.Close, Carry: lv, Why: "w", Source: "t"},
			direct("x1", "y1", competency.Exact, lv, 0),
		}, []got{
			{"/links/1/relation", `unknown relation "wider"`},
			{"/links/2/cap", "a capped carry needs a cap from 1 to 4, not 0"},
			{"/links/2/why", "the text is empty"},
			{"/links/3/from", `the item ID "X5" is not lower-case`},
			{"/links/3/source", `the source "t" is not declared under /sources`},
			{"/links/4", `a second link from "x1" to "y1" (the first is /links/0)`},
		}},
		{"a level with a cap, an unknown carry", amendable(), []crosswalk.Link{
			{From: "x1", To: "y1", Relation: competency.Exact, Carry: lv, Cap: 3, Why: "w"},
			{From: "x1", To: "y2", Relation: competency.Exact, Carry: "all", Why: "w"},
		}, []got{
			{"/links/0/cap", `a cap of 3 goes with the carry "capped" only`},
			{"/links/1/carry", `unknown carry "all"`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := crosswalk.Amend(tt.c, tt.links)
			if got != nil {
				t.Errorf("a crosswalk returned with an error: %+v", got)
			}
			match(t, err, tt.want)
		})
	}
}

func TestAmendInvalid(t *testing.T) {
	if got, err := crosswalk.Amend(nil, nil); err == nil || got != nil || err.Error() != "crosswalk: cannot amend a nil crosswalk" {
		t.Errorf("Amend(nil) = %v, %v", got, err)
	}
	c := amendable()
	c.Links[1].Source = "t"
	got, err := crosswalk.Amend(c, []crosswalk.Link{direct("x1", "y1", competency.Close, crosswalk.CarryLevel, 0)})
	if got != nil || err == nil || !strings.HasPrefix(err.Error(), `crosswalk: cannot amend "a-to-b", which is invalid:`) {
		t.Fatalf("Amend of an invalid crosswalk = %v, %v", got, err)
	}
	if ps := problems(t, err); len(ps) != 1 || ps[0].Path != "/links/1/source" {
		t.Errorf("problems %v, want one at /links/1/source", ps)
	}
}

func TestReadAmendment(t *testing.T) {
	id, links, err := crosswalk.ReadAmendment(strings.NewReader(`{"crosswalk": "a-to-b", "links": [
		{"from": "x1", "to": "y1", "relation": "close", "carry": "level", "why": "w", "via": []},
		{"from": "x2", "to": "y2", "relation": "related", "carry": "capped", "cap": 2, "why": "v", "via": ["m"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []crosswalk.Link{
		{From: "x1", To: "y1", Relation: competency.Close, Carry: crosswalk.CarryLevel, Why: "w"},
		{From: "x2", To: "y2", Relation: competency.Related, Carry: crosswalk.CarryCapped, Cap: 2, Why: "v", Via: []competency.ID{"m"}},
	}
	if diff := cmp.Diff(want, links); diff != "" || id != "a-to-b" {
		t.Errorf("ReadAmendment = %q, (-want +got):\n%s", id, diff)
	}

	tests := []struct {
		name, doc string
		want      []got
	}{
		{"unknown field", `{"crosswalk": "a-to-b", "links": [], "extra": 1}`, []got{{"/extra", "unknown"}}},
		{"missing links", `{"crosswalk": "a-to-b"}`, []got{{"", "links"}}},
		{"bad ID and link", `{"crosswalk": "A", "links": [{"from": "x", "to": "y", "relation": "same", "carry": "level", "why": "w", "source": "s"}]}`, []got{
			{"/crosswalk", `the amended crosswalk's ID "A"`},
			{"/links/0/relation", `unknown relation "same"`},
			{"/links/0/source", `the source "s" is not declared`},
		}},
		{"duplicate key", `{"crosswalk": "a-to-b", "crosswalk": "b", "links": []}`, []got{{"/crosswalk", "duplicate"}}},
		{"two links of one pair", `{"crosswalk": "a-to-b", "links": [{"from": "x", "to": "y", "relation": "close", "carry": "level", "why": "w"}, {"from": "x", "to": "y", "relation": "exact", "carry": "level", "why": "w"}]}`,
			[]got{{"/links/1", "a second link"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := crosswalk.ReadAmendment(strings.NewReader(tt.doc))
			match(t, err, tt.want)
		})
	}
}

// TestEmbeddedAmendment: the embedded amendment reads strictly and its
// links are direct readings with a Why of some length.
func TestEmbeddedAmendment(t *testing.T) {
	f, err := os.Open("data/" + crosswalk.ASTD2004ToATD2020 + ".amend.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	id, links, err := crosswalk.ReadAmendment(f)
	if err != nil {
		t.Fatal(err)
	}
	type pair struct{ From, To competency.ID }
	var pairs []pair
	for _, k := range links {
		pairs = append(pairs, pair{k.From, k.To})
		if (k.Relation != competency.Close && k.Relation != competency.Broader) || k.Carry == crosswalk.CarryNone || k.Via != nil || k.Source != "" || len(k.Why) < 200 {
			t.Errorf("%s to %s: %s, %s, via %v, source %q, a Why of %d bytes; want a close or broader direct reading carrying a level, well explained",
				k.From, k.To, k.Relation, k.Carry, k.Via, k.Source, len(k.Why))
		}
	}
	want := []pair{
		{"communicating-effectively", "communication"},
		{"planning-and-implementing-assignments", "project-management"},
		{"modeling-personal-development", "lifelong-learning"},
		{"networking-and-partnering", "collaboration-and-leadership"},
		{"building-trust", "collaboration-and-leadership"},
		{"influencing-stakeholders", "consulting-and-business-partnering"},
		{"building-trust", "compliance-and-ethical-behavior"},
		{"analyzing-needs-and-proposing-solutions", "consulting-and-business-partnering"},
	}
	if diff := cmp.Diff(want, pairs); diff != "" || id != crosswalk.ASTD2004ToATD2020 {
		t.Errorf("the amendment of %q (-want +got):\n%s", id, diff)
	}
}

// Amend a composed crosswalk where the framework between is coarser: the
// 2013 model joins several 2004 competencies into one, so composing makes
// 2004's "Communicating effectively" only related to 2020's
// "Communication"; read directly, they are close.
func ExampleAmend() {
	a, err := crosswalk.LoadEmbedded(crosswalk.ASTD2004ToATD2013)
	if err != nil {
		log.Fatal(err)
	}
	b, err := crosswalk.LoadEmbedded(crosswalk.ATD2013ToATD2020)
	if err != nil {
		log.Fatal(err)
	}
	c, err := crosswalk.Compose(a, b)
	if err != nil {
		log.Fatal(err)
	}
	show := func(c *crosswalk.Crosswalk) {
		for _, k := range c.Links {
			if k.From == "communicating-effectively" && k.To == "communication" {
				fmt.Printf("%s -> %s: %s, via %v\n", k.From, k.To, k.Relation, k.Via)
			}
		}
	}
	show(c)
	amended, err := crosswalk.Amend(c, []crosswalk.Link{{
		From: "communicating-effectively", To: "communication",
		Relation: competency.Close, Carry: crosswalk.CarryLevel,
		Why: "Both rate conveying ideas clearly and listening.",
	}})
	if err != nil {
		log.Fatal(err)
	}
	show(amended)
	fmt.Println(len(c.Links), len(amended.Links))
	// Output:
	// communicating-effectively -> communication: related, via [interpersonal-skills]
	// communicating-effectively -> communication: close, via []
	// 47 47
}

// FuzzReadAmendment reads anything: it must not panic, must return links
// or a located *problem.Error, and links it returns must amend a
// crosswalk (or be refused with a *problem.Error) and read back equal.
func FuzzReadAmendment(f *testing.F) {
	f.Add([]byte(`{"crosswalk": "a-to-b", "links": [{"from": "x1", "to": "y1", "relation": "close", "carry": "level", "why": "w"}]}`))
	f.Add([]byte(`{"crosswalk": "a-to-b", "links": [{"from": "x3", "to": "y4", "relation": "narrower", "carry": "capped", "cap": 9, "why": " ", "via": ["m"]}]}`))
	f.Add([]byte(`{"links": null}`))
	f.Add([]byte(`[]`))
	if b, err := os.ReadFile("data/" + crosswalk.ASTD2004ToATD2020 + ".amend.json"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		id, links, err := crosswalk.ReadAmendment(bytes.NewReader(b))
		if err != nil {
			var pe *problem.Error
			if !errors.As(err, &pe) || len(pe.Problems) == 0 {
				t.Fatalf("error %v is not a *problem.Error with problems", err)
			}
			return
		}
		out, err := json.Marshal(map[string]any{"crosswalk": id, "links": links})
		if err != nil {
			t.Fatal(err)
		}
		id2, back, err := crosswalk.ReadAmendment(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("reading back: %v\n%s", err, out)
		}
		if diff := cmp.Diff(links, back); diff != "" || id2 != id {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
		c, err := crosswalk.Amend(amendable(), links)
		if err != nil {
			// Only a source the crosswalk does not declare may be refused.
			var pe *problem.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *problem.Error", err)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("an amended crosswalk does not validate: %v", err)
		}
	})
}
