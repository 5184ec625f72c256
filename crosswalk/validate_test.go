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
			c.Links[0] = crosswalk.Link{From: "X1", To: "", Relation: "same", Carry: "all", Cap: 2, Why: "  ", Source: "Bad", Via: []competency.ID{"ok", "n o"}}
		}, []got{
			{"/links/0/from", "not lower-case"}, {"/links/0/to", "empty"}, {"/links/0/relation", "unknown relation"},
			{"/links/0/carry", "unknown carry"}, {"/links/0/why", "empty"}, {"/links/0/source", "not lower-case"},
			{"/links/0/via/1", "not lower-case"}}},
		{"control characters", func(c *crosswalk.Crosswalk) {
			c.Name = "A\x00B"
			c.Description = "Two\nlines"
			c.Sources[0].Title = "Tab\there"
			c.Links[0].Why = "\x1b[31mred\x1b[0m"
			c.Links[1].Why = "DEL\x7f"
			c.Links[2].Why = "C1 \u0085 next line"
			c.Unmapped[0].Why = "evil \u202e txt.exe"
			c.New[0].Why = "isolate \u2066x\u2069"
		}, []got{
			{"/name", "control character U+0000 at byte 1"}, {"/description", "U+000A at byte 3"},
			{"/sources/0/title", "U+0009 at byte 3"}, {"/links/0/why", "U+001B at byte 0"}, {"/links/1/why", "U+007F"},
			{"/links/2/why", "U+0085"}, {"/unmapped/0/why", "U+202E at byte 5"}, {"/new/0/why", "U+2066"}}},
		{"fine characters", func(c *crosswalk.Crosswalk) {
			c.Name = "Café & Co \u00a0\u2028 \u202f\u2065\u206a"
			c.Links[0].Why = "Emotional Intelligence & Decision Making: “quoted” — fine. 語😀"
		}, nil},
		{"URLs", func(c *crosswalk.Crosswalk) {
			c.Sources[0].URL = "javascript:alert(1)"
			c.Sources = append(c.Sources,
				crosswalk.Source{Key: "s2", Title: "FTP", URL: "ftp://example.com/x"},
				crosswalk.Source{Key: "s3", Title: "No host", URL: "https:///path"},
				crosswalk.Source{Key: "s4", Title: "Upper case", URL: "HTTPS://example.com/"},
				crosswalk.Source{Key: "s5", Title: "Control", URL: "https://example.com/\u202e"},
				crosswalk.Source{Key: "s6", Title: "Plain http", URL: "http://example.com/a?b=c#d"},
				crosswalk.Source{Key: "s7", Title: "Mail", URL: "mailto:a@example.com"})
		}, []got{
			{"/sources/0/url", `"javascript:alert(1)" is not an http or https URL`},
			{"/sources/1/url", "not an http or https URL"}, {"/sources/2/url", "names no host"},
			{"/sources/3/url", "not an http or https URL"}, {"/sources/4/url", "the URL holds the control character U+202E"},
			{"/sources/6/url", "not an http or https URL"}}},
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
		// Frameworks other than the crosswalk's: that alone is said, not
		// a line for every item.
		{"the other way round", func(*crosswalk.Crosswalk) {}, b, a, []got{
			{"/from", `maps from "a", not from the framework "b"`}, {"/to", `maps to "b", not to the framework "a"`}}},
		{"another To framework", func(c *crosswalk.Crosswalk) { c.Links[0].From = "nowhere" }, a, a, []got{
			{"/to", `maps to "b", not to the framework "a"`}}},
		{"another From framework, and Validate's problems", func(c *crosswalk.Crosswalk) { c.Links[1].Why = "" }, b, b, []got{
			{"/links/1/why", "empty"}, {"/from", `maps from "a", not from the framework "b"`}}},
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
