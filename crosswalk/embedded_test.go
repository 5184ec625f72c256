package crosswalk_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
)

// embeddedFrameworks returns the frameworks an embedded crosswalk maps.
func embeddedFrameworks(t *testing.T, c *crosswalk.Crosswalk) (from, to *wlp.Framework) {
	t.Helper()
	from, err := wlp.LoadEmbedded(c.From)
	if err != nil {
		t.Fatal(err)
	}
	to, err = wlp.LoadEmbedded(c.To)
	if err != nil {
		t.Fatal(err)
	}
	return from, to
}

func TestEmbedded(t *testing.T) {
	want := []string{"astd-2004-to-atd-2013", "atd-2013-to-atd-2020", "astd-2004-to-atd-2020"}
	if diff := cmp.Diff(want, crosswalk.Embedded()); diff != "" {
		t.Errorf("Embedded() (-want +got):\n%s", diff)
	}
	ids := crosswalk.Embedded()
	ids[0] = "changed"
	if crosswalk.Embedded()[0] != want[0] {
		t.Error("changing the slice Embedded returned changed the next one")
	}
	for _, id := range want {
		t.Run(id, func(t *testing.T) {
			c, err := crosswalk.LoadEmbedded(id)
			if err != nil {
				t.Fatal(err)
			}
			if c.ID != id {
				t.Errorf("LoadEmbedded(%q).ID = %q", id, c.ID)
			}
			from, to := embeddedFrameworks(t, c)
			if err := c.Check(from, to); err != nil {
				t.Errorf("Check against %s and %s: %v", c.From, c.To, err)
			}
			if c.Name == "" || c.Description == "" {
				t.Error("no name or no description")
			}

			// Full coverage: every rated item of From is linked or
			// Unmapped, every one of To is reached or New.
			linked, reached := map[competency.ID]bool{}, map[competency.ID]bool{}
			for _, k := range c.Links {
				linked[k.From], reached[k.To] = true, true
			}
			for _, n := range c.Unmapped {
				linked[n.ID] = true
			}
			for _, n := range c.New {
				reached[n.ID] = true
			}
			for _, x := range from.IDs() {
				if !linked[x] {
					t.Errorf("%s of %s is neither linked nor unmapped", x, c.From)
				}
			}
			for _, z := range to.IDs() {
				if !reached[z] {
					t.Errorf("%s of %s is neither reached nor new", z, c.To)
				}
			}

			// Links follow the From framework's order, and for one item
			// the To framework's order (the composed one: b's order).
			ordered := slices.IsSortedFunc(c.Links, func(a, b crosswalk.Link) int {
				if d := from.Index(a.From) - from.Index(b.From); d != 0 || id == crosswalk.ASTD2004ToATD2020 {
					return d
				}
				return to.Index(a.To) - to.Index(b.To)
			})
			if !ordered {
				t.Error("the links are not in the frameworks' order")
			}

			// Every link says why; every sourced link cites a declared
			// source; a link with no source is the project's reading.
			keys := map[string]bool{}
			for _, s := range c.Sources {
				keys[s.Key] = true
			}
			for i, k := range c.Links {
				if len(strings.TrimSpace(k.Why)) < 40 {
					t.Errorf("/links/%d (%s to %s): a short Why: %q", i, k.From, k.To, k.Why)
				}
				if k.Source != "" && !keys[k.Source] {
					t.Errorf("/links/%d cites %q, not declared", i, k.Source)
				}
				if k.Relation == competency.Exact && k.Carry != crosswalk.CarryLevel {
					t.Errorf("/links/%d: an exact link that does not carry the level", i)
				}
			}
			for _, n := range append(slices.Clone(c.Unmapped), c.New...) {
				if len(strings.TrimSpace(n.Why)) < 40 {
					t.Errorf("the note on %s has a short Why: %q", n.ID, n.Why)
				}
			}
		})
	}
}

// TestEmbeddedFigures pins the size of the embedded crosswalks: links by
// relation and carry, notes.
func TestEmbeddedFigures(t *testing.T) {
	type figures struct {
		Links    int
		By       map[string]int // relation/carry
		Sourced  int
		Unmapped []competency.ID
		New      []competency.ID
	}
	want := map[string]figures{
		crosswalk.ASTD2004ToATD2013: {Links: 22, Sourced: 9,
			By:  map[string]int{"exact/level": 9, "close/level": 1, "broader/level": 11, "related/none": 1},
			New: []competency.ID{"technology-literacy", "learning-technologies"}},
		crosswalk.ATD2013ToATD2020: {Links: 27, Sourced: 9,
			By: map[string]int{"exact/level": 7, "close/level": 4, "broader/level": 1, "narrower/level": 5,
				"narrower/capped": 1, "related/capped": 1, "related/none": 8},
			New: []competency.ID{"compliance-and-ethical-behavior", "learning-sciences", "future-readiness"}},
		// Composed: 15 sibling pairs (broader then narrower) are related
		// and carry nothing; five of them are amended to close or broader, carrying the level.
		crosswalk.ASTD2004ToATD2020: {Links: 50, Sourced: 6,
			By: map[string]int{"exact/level": 7, "close/level": 6, "broader/level": 8, "broader/capped": 1, "narrower/level": 1,
				"narrower/capped": 1, "related/none": 26},
			New: []competency.ID{"learning-sciences", "future-readiness", "technology-application"}},
	}
	for _, id := range crosswalk.Embedded() {
		c, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		got := figures{Links: len(c.Links), By: map[string]int{}}
		for _, k := range c.Links {
			got.By[string(k.Relation)+"/"+string(k.Carry)]++
			if k.Source != "" {
				got.Sourced++
			}
		}
		for _, n := range c.Unmapped {
			got.Unmapped = append(got.Unmapped, n.ID)
		}
		for _, n := range c.New {
			got.New = append(got.New, n.ID)
		}
		if diff := cmp.Diff(want[id], got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", id, diff)
		}
	}
}

// TestEmbeddedLinks spot-checks links of each crosswalk, the composed
// one's Via and Source included.
func TestEmbeddedLinks(t *testing.T) {
	type key struct{ from, to competency.ID }
	tests := []struct {
		id   string
		want map[key]crosswalk.Link // Why left out
	}{
		{crosswalk.ASTD2004ToATD2013, map[key]crosswalk.Link{
			{"designing-learning", "instructional-design"}:             {Relation: competency.Exact, Carry: crosswalk.CarryLevel, Source: "atd-chapter"},
			{"measuring-and-evaluating", "evaluating-learning-impact"}: {Relation: competency.Exact, Carry: crosswalk.CarryLevel, Source: "rutgers-2020"},
			{"building-trust", "interpersonal-skills"}:                 {Relation: competency.Broader, Carry: crosswalk.CarryLevel},
			{"applying-business-acumen", "industry-knowledge"}:         {Relation: competency.Related, Carry: crosswalk.CarryNone},
		}},
		{crosswalk.ATD2013ToATD2020, map[key]crosswalk.Link{
			{"managing-learning-programs", "project-management"}:                  {Relation: competency.Narrower, Carry: crosswalk.CarryCapped, Cap: 3},
			{"technology-literacy", "technology-application"}:                     {Relation: competency.Related, Carry: crosswalk.CarryCapped, Cap: 2},
			{"integrated-talent-management", "career-and-leadership-development"}: {Relation: competency.Narrower, Carry: crosswalk.CarryLevel, Source: "rutgers-2020"},
			{"training-delivery", "training-delivery-and-facilitation"}:           {Relation: competency.Exact, Carry: crosswalk.CarryLevel, Source: "rutgers-2020"},
		}},
		{crosswalk.ASTD2004ToATD2020, map[key]crosswalk.Link{
			// Two sources: not kept. The same source: kept.
			{"designing-learning", "instructional-design"}:                              {Relation: competency.Exact, Carry: crosswalk.CarryLevel, Via: []competency.ID{"instructional-design"}},
			{"coaching", "coaching"}:                                                    {Relation: competency.Exact, Carry: crosswalk.CarryLevel, Source: "rutgers-2020", Via: []competency.ID{"coaching"}},
			{"career-planning-and-talent-management", "talent-strategy-and-management"}: {Relation: competency.Close, Carry: crosswalk.CarryLevel, Source: "rutgers-2020", Via: []competency.ID{"integrated-talent-management"}},
			{"managing-the-learning-function", "project-management"}:                    {Relation: competency.Narrower, Carry: crosswalk.CarryCapped, Cap: 3, Via: []competency.ID{"managing-learning-programs"}},
			// Broader then narrower: siblings, related, carrying nothing.
			{"building-trust", "communication"}: {Relation: competency.Related, Carry: crosswalk.CarryNone, Via: []competency.ID{"interpersonal-skills"}},
			// Composed as related too, but amended: read directly, close,
			// with no Via.
			{"communicating-effectively", "communication"}:                  {Relation: competency.Close, Carry: crosswalk.CarryLevel},
			{"planning-and-implementing-assignments", "project-management"}: {Relation: competency.Close, Carry: crosswalk.CarryLevel},
			{"modeling-personal-development", "lifelong-learning"}:          {Relation: competency.Close, Carry: crosswalk.CarryLevel},
			{"networking-and-partnering", "collaboration-and-leadership"}:   {Relation: competency.Close, Carry: crosswalk.CarryLevel},
			{"networking-and-partnering", "communication"}:                  {Relation: competency.Related, Carry: crosswalk.CarryNone, Via: []competency.ID{"interpersonal-skills"}},
			// Broader then close: broader.
			{"thinking-strategically", "business-insight"}: {Relation: competency.Broader, Carry: crosswalk.CarryLevel, Via: []competency.ID{"business-skills"}},
			// Close then close.
			{"leveraging-diversity", "cultural-awareness-and-inclusion"}: {Relation: competency.Close, Carry: crosswalk.CarryLevel, Via: []competency.ID{"global-mindset"}},
			// Two paths join: through business-skills (broader, level)
			// and industry-knowledge (related, none).
			{"applying-business-acumen", "business-insight"}: {Relation: competency.Broader, Carry: crosswalk.CarryLevel, Via: []competency.ID{"business-skills"}},
		}},
	}
	for _, tt := range tests {
		c, err := crosswalk.LoadEmbedded(tt.id)
		if err != nil {
			t.Fatal(err)
		}
		found := map[key]crosswalk.Link{}
		for _, k := range c.Links {
			kk := key{k.From, k.To}
			if _, ok := tt.want[kk]; ok {
				if kk == (key{"applying-business-acumen", "business-insight"}) && !strings.HasSuffix(k.Why, "(Also through industry-knowledge.)") {
					t.Errorf("%s: the Why of %v does not name the other path: %q", tt.id, kk, k.Why)
				}
				k.From, k.To, k.Why = "", "", ""
				found[kk] = k
			}
		}
		if diff := cmp.Diff(tt.want, found); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.id, diff)
		}
	}
}

// TestEmbeddedComposed: the third crosswalk is the Compose of the
// others, amended with the links of its amendment file.
func TestEmbeddedComposed(t *testing.T) {
	a, err := crosswalk.LoadEmbedded(crosswalk.ASTD2004ToATD2013)
	if err != nil {
		t.Fatal(err)
	}
	b, err := crosswalk.LoadEmbedded(crosswalk.ATD2013ToATD2020)
	if err != nil {
		t.Fatal(err)
	}
	composed, err := crosswalk.Compose(a, b)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("data/" + crosswalk.ASTD2004ToATD2020 + ".amend.json")
	if err != nil {
		t.Fatal(err)
	}
	var am struct {
		Crosswalk string
		Links     []crosswalk.Link
	}
	if err := json.Unmarshal(doc, &am); err != nil {
		t.Fatal(err)
	}
	if am.Crosswalk != crosswalk.ASTD2004ToATD2020 || len(am.Links) != 8 {
		t.Fatalf("the amendment file amends %q with %d links, want %s with 8", am.Crosswalk, len(am.Links), crosswalk.ASTD2004ToATD2020)
	}
	want, err := crosswalk.Amend(composed, am.Links)
	if err != nil {
		t.Fatal(err)
	}
	// An amended pair is either a composed one, related through the 2013
	// model as siblings, which the amendment replaces in its place, or a
	// pair no path through 2013 joins, which it adds (three).
	if len(want.Links) != len(composed.Links)+3 {
		t.Errorf("the amendment gives %d links, composed %d, want three more", len(want.Links), len(composed.Links))
	}
	for _, k := range am.Links {
		i := slices.IndexFunc(composed.Links, func(c crosswalk.Link) bool { return c.From == k.From && c.To == k.To })
		if i < 0 {
			if !strings.HasPrefix(k.Why, "No path through the 2013 model joins this pair") || k.Via != nil || k.Source != "" {
				t.Errorf("added %s to %s: a direct reading of a pair 2013 does not join says so, with no via and no source: %+v", k.From, k.To, k)
			}
			continue
		}
		if c := composed.Links[i]; c.Relation != competency.Related || c.Carry != crosswalk.CarryNone || len(c.Via) != 1 || !strings.HasPrefix(c.Why, "Siblings under "+string(c.Via[0])+":") {
			t.Errorf("composed %s to %s: %s, %s via %v, want siblings through one 2013 item, related, carrying nothing", k.From, k.To, c.Relation, c.Carry, c.Via)
		}
		if !strings.HasPrefix(k.Why, "Through the 2013 model this pair is only related") || k.Via != nil || k.Source != "" {
			t.Errorf("amended %s to %s: a direct reading says why the composition is loose, with no via and no source: %+v", k.From, k.To, k)
		}
	}
	got, err := crosswalk.LoadEmbedded(crosswalk.ASTD2004ToATD2020)
	if err != nil {
		t.Fatal(err)
	}
	got.Name, got.Description = want.Name, want.Description
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the embedded composition (-Compose +embedded):\n%s", diff)
	}
}

func TestLoadEmbeddedCopies(t *testing.T) {
	for _, id := range crosswalk.Embedded() {
		c, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		want := c.Clone()
		c.Links[0].Why = "changed"
		c.Links = append(c.Links[:1], c.Links[2:]...)
		c.Sources[0].Key = "changed"
		c.New[0].ID = "changed"
		for i := range c.Links {
			c.Links[i].Via = append(c.Links[i].Via, "changed")
		}
		again, err := crosswalk.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, again); diff != "" {
			t.Errorf("%s: changing one copy changed the next (-want +got):\n%s", id, diff)
		}
	}
}

func TestLoadEmbeddedUnknown(t *testing.T) {
	_, err := crosswalk.LoadEmbedded("atd-2013-to-atd-2021")
	want := `crosswalk: no embedded crosswalk "atd-2013-to-atd-2021" (did you mean "atd-2013-to-atd-2020"?); the embedded ones are astd-2004-to-atd-2013, atd-2013-to-atd-2020, astd-2004-to-atd-2020`
	if err == nil || err.Error() != want {
		t.Errorf("LoadEmbedded of an unknown ID: %v\nwant %s", err, want)
	}
	if _, err := crosswalk.LoadEmbedded(""); err == nil {
		t.Error("LoadEmbedded(\"\") gave no error")
	}
}

func TestBetween(t *testing.T) {
	tests := []struct {
		from, to string
		want     string // "" for none
	}{
		{wlp.DefaultID, wlp.ATD2013ID, crosswalk.ASTD2004ToATD2013},
		{wlp.ATD2013ID, wlp.ATD2020ID, crosswalk.ATD2013ToATD2020},
		{wlp.DefaultID, wlp.ATD2020ID, crosswalk.ASTD2004ToATD2020},
		{wlp.ATD2020ID, wlp.ATD2013ID, ""},
		{wlp.DefaultID, wlp.DefaultID, ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		c, ok := crosswalk.Between(tt.from, tt.to)
		if ok != (tt.want != "") || (ok && c.ID != tt.want) || (!ok && c != nil) {
			t.Errorf("Between(%q, %q) = %v, %v; want %q", tt.from, tt.to, c, ok, tt.want)
		}
		if ok {
			c.Links[0].Why = "changed"
			if again, _ := crosswalk.Between(tt.from, tt.to); again.Links[0].Why == "changed" {
				t.Errorf("Between(%q, %q) returned a shared crosswalk", tt.from, tt.to)
			}
		}
	}
}
