package crosswalk_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
)

func TestValidate(t *testing.T) {
	long := strings.Repeat("a", competency.MaxIDLen+1)
	tests := []struct {
		name string
		edit func(c *crosswalk.Crosswalk)
		want []got
	}{
		{"valid", func(*crosswalk.Crosswalk) {}, nil},
		{"no links, nothing else", func(c *crosswalk.Crosswalk) {
			*c = crosswalk.Crosswalk{ID: "a-to-b", From: "a", To: "b"}
		}, nil},
		{"IDs", func(c *crosswalk.Crosswalk) { c.ID, c.From, c.To = "", "A", long }, []got{
			{"/id", "is empty"}, {"/from", "not lower-case"}, {"/to", "not lower-case"}}},
		{"texts", func(c *crosswalk.Crosswalk) {
			c.Name, c.Description = "\xff", "ok\xfe"
		}, []got{{"/name", "UTF-8"}, {"/description", "UTF-8"}}},
		{"sources", func(c *crosswalk.Crosswalk) {
			c.Sources = append(c.Sources,
				crosswalk.Source{Key: "s1", Title: "Again", URL: "relative/path"},
				crosswalk.Source{Key: "S 2", Title: " ", URL: "http://[::1%25eth0]/"},
				crosswalk.Source{Key: "s3", Title: "Fine", URL: "https://example.com/%zz"})
		}, []got{
			{"/sources/1/key", "already the key of /sources/0"}, {"/sources/1/url", "not an absolute URL"},
			{"/sources/2/key", "not lower-case"}, {"/sources/2/title", "empty"}, {"/sources/2/url", "IPv6"},
			{"/sources/3/url", "not a URL"}}},
		{"link fields", func(c *crosswalk.Crosswalk) {
			c.Links[0] = crosswalk.Link{From: "X1", To: "", Relation: "same", Carry: "all", Cap: 2, Why: " \t", Source: "Bad", Via: []competency.ID{"ok", "n o"}}
		}, []got{
			{"/links/0/from", "not lower-case"}, {"/links/0/to", "empty"}, {"/links/0/relation", "unknown relation"},
			{"/links/0/carry", "unknown carry"}, {"/links/0/why", "empty"}, {"/links/0/source", "not lower-case"},
			{"/links/0/via/1", "not lower-case"}}},
		{"caps", func(c *crosswalk.Crosswalk) {
			c.Links[0].Cap = 1 // level with a cap
			c.Links[1].Cap = 5 // capped above 4
			c.Links[2].Cap = 2 // none with a cap
			// capped without a cap:
			c.Links = append(c.Links, crosswalk.Link{From: "x4", To: "y4", Relation: competency.Close, Carry: crosswalk.CarryCapped, Why: "w"})
		}, []got{
			{"/links/0/cap", `not "level"`}, {"/links/1/cap", "from 1 to 4, not 5"}, {"/links/2/cap", `not "none"`},
			{"/links/3/cap", "from 1 to 4, not 0"}}},
		{"undeclared source", func(c *crosswalk.Crosswalk) { c.Links[1].Source = "s2" },
			[]got{{"/links/1/source", `"s2" is not declared`}}},
		{"repeated link", func(c *crosswalk.Crosswalk) {
			c.Links = append(c.Links, crosswalk.Link{From: "x2", To: "y2", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "Again."})
		}, []got{{"/links/3", "a second link from \"x2\" to \"y2\" (the first is /links/1)"}}},
		{"notes", func(c *crosswalk.Crosswalk) {
			c.Unmapped = append(c.Unmapped, crosswalk.Note{ID: "x1", Why: "Linked."}, crosswalk.Note{ID: "x3", Why: "Twice."}, crosswalk.Note{ID: "", Why: ""})
			c.New = append(c.New, crosswalk.Note{ID: "y2", Why: "Reached."}, crosswalk.Note{ID: "y3", Why: "Twice."}, crosswalk.Note{ID: "Y", Why: "\xff"})
		}, []got{
			{"/unmapped/1/id", `"x1" is the From of a link`}, {"/unmapped/2/id", "noted already at /unmapped/0"},
			{"/unmapped/3/id", "empty"}, {"/unmapped/3/why", "empty"},
			{"/new/1/id", `"y2" is the To of a link`}, {"/new/2/id", "noted already at /new/0"},
			{"/new/3/id", "not lower-case"}, {"/new/3/why", "UTF-8"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := miniValue()
			tt.edit(c)
			err := c.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			match(t, err, tt.want)
		})
	}
}

// frameworks returns two small frameworks that mini maps between.
func frameworks(t testing.TB) (a, b *wlp.Framework) {
	t.Helper()
	area := func(id competency.ID) aoe.Area { return aoe.Area{ID: id, Name: strings.ToUpper(string(id))} }
	a, err := wlp.New(wlp.Spec{ID: "a", Name: "Framework A", Areas: []aoe.Area{area("x1"), area("x2"), area("x3")}})
	if err != nil {
		t.Fatal(err)
	}
	b, err = wlp.New(wlp.Spec{ID: "b", Name: "Framework B", Areas: []aoe.Area{area("y1"), area("y2"), area("y3")}})
	if err != nil {
		t.Fatal(err)
	}
	return a, b
}

func TestCheck(t *testing.T) {
	a, b := frameworks(t)
	noID, err := wlp.New(wlp.Spec{Name: "Unnamed", Areas: []aoe.Area{{ID: "y1", Name: "Y1"}, {ID: "y2", Name: "Y2"}, {ID: "y3", Name: "Y3"}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		edit     func(c *crosswalk.Crosswalk)
		from, to *wlp.Framework
		want     []got
	}{
		{"valid", func(*crosswalk.Crosswalk) {}, a, b, nil},
		{"a framework without an ID", func(c *crosswalk.Crosswalk) {}, a, noID, nil},
		{"the other way round", func(*crosswalk.Crosswalk) {}, b, a, []got{
			{"/from", `maps from "a", not from the framework "b"`}, {"/to", `maps to "b", not to the framework "a"`},
			{"/links/0/from", `"x1" is not an item of the framework "b"`}, {"/links/0/to", `"y1" is not an item of the framework "a"`},
			{"/links/1/from", "x2"}, {"/links/1/to", "y2"}, {"/links/2/from", "x2"}, {"/links/2/to", "y1"},
			{"/unmapped/0/id", `"x3" is not an item`}, {"/new/0/id", `"y3" is not an item`}}},
		{"unknown items, with a suggestion", func(c *crosswalk.Crosswalk) {
			c.Links[0].From, c.Links[1].To = "x11", "zz"
			c.Unmapped[0].ID, c.New[0].ID = "x9", "y33"
		}, a, b, []got{
			{"/links/0/from", `"x11" is not an item of the framework "a" (did you mean "x1"?)`},
			{"/links/1/to", `"zz" is not an item of the framework "b"`},
			{"/unmapped/0/id", `"x9" is not an item of the framework "a"`},
			{"/new/0/id", `"y33" is not an item of the framework "b" (did you mean "y3"?)`}}},
		{"Validate's problems too", func(c *crosswalk.Crosswalk) { c.Links[0].Why = ""; c.Links[0].To = "q" }, a, b, []got{
			{"/links/0/why", "empty"}, {"/links/0/to", `"q" is not an item`}}},
		{"nil framework", func(*crosswalk.Crosswalk) {}, a, nil, []got{{"", "nil framework"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := miniValue()
			tt.edit(c)
			err := c.Check(tt.from, tt.to)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				return
			}
			match(t, err, tt.want)
		})
	}
}

func TestClone(t *testing.T) {
	c := miniValue()
	d := c.Clone()
	d.Sources[0].Title = "changed"
	d.Links[2].Via[0] = "changed"
	d.Links[0].Why = "changed"
	d.Unmapped[0].Why = "changed"
	d.New[0].Why = "changed"
	if diff := cmp.Diff(miniValue(), c); diff != "" {
		t.Errorf("changing a clone changed the original (-want +got):\n%s", diff)
	}
	var nilC *crosswalk.Crosswalk
	if nilC.Clone() != nil {
		t.Error("Clone of nil is not nil")
	}
}
