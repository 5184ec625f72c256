package wlp_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
)

// caseSpec is the default framework with a CASE source that keeps times
// of change and two associations: one to an item of another framework,
// one from an object outside CASE.
func caseSpec() wlp.Spec {
	s := wlp.DefaultSpec()
	s.CASE = &wlp.CASESource{
		Document: wlp.CASEDocument{Identifier: "0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d", URI: "https://case.example/doc", Changed: "2024-01-02T03:04:05+01:00"},
		Items: map[competency.ID]wlp.CASEItem{
			"building-trust": {Identifier: "0a1b2c3d-4e5f-4a6b-8c7d-000000000001", URI: "https://case.example/1", Changed: "2016-12-31T23:59:60Z",
				Link: &wlp.CASELink{Identifier: "0a1b2c3d-4e5f-4a6b-8c7d-000000000002", URI: "https://case.example/2", Changed: "2024-05-06T07:08:09.123Z"}},
		},
		Types: []wlp.CASEType{{Title: "Skill", Identifier: "0a1b2c3d-4e5f-4a6b-8c7d-000000000003", URI: "https://case.example/3", Changed: "2020-02-02T02:02:02Z"}},
		Associations: []wlp.CASEAssociation{{
			Identifier: "0a1b2c3d-4e5f-4a6b-8c7d-000000000004", URI: "https://case.example/4", Type: "exactMatchOf",
			Origin:      wlp.CASENode{Title: "Building trust", Identifier: "0a1b2c3d-4e5f-4a6b-8c7d-000000000001", URI: "https://case.example/1"},
			Destination: wlp.CASENode{Title: "Trust", Identifier: "9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b", URI: "https://other.example/9f", TargetType: "CASE"},
			Grouping:    &wlp.CASERef{Title: "Crosswalk", Identifier: "0a1b2c3d-4e5f-4a6b-8c7d-000000000005", URI: "https://case.example/5"},
			Notes:       "by hand",
			Changed:     "2023-03-03T03:03:03Z",
		}, {
			Identifier: "0a1b2c3d-4e5f-4a6b-8c7d-000000000006", URI: "https://case.example/6", Type: "ext:teaches", Sequence: 2,
			Origin:      wlp.CASENode{Identifier: "course 310", URI: "https://catalog.example/310", TargetType: "ext:course"},
			Destination: wlp.CASENode{Identifier: "0a1b2c3d-4e5f-4a6b-8c7d-000000000001", URI: "https://case.example/1"},
		}},
	}
	return s
}

func TestCASESourceValid(t *testing.T) {
	s := caseSpec()
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(s, f.Spec()); d != "" {
		t.Errorf("Spec (-want +got):\n%s", d)
	}
	// A Spec with a CASE source loads from its JSON as it was.
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	g, err := wlp.Load(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if d := cmp.Diff(s, g.Spec()); d != "" {
		t.Errorf("loaded Spec (-want +got):\n%s", d)
	}
}

// TestCASESourceClone checks that a framework's Spec does not share the
// kept associations' groupings with the Spec it was made from.
func TestCASESourceClone(t *testing.T) {
	s := caseSpec()
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	s.CASE.Associations[0].Grouping.Title = "changed"
	s.CASE.Associations[1].Type = "changed"
	got := f.Spec().CASE.Associations
	if got[0].Grouping.Title != "Crosswalk" || got[1].Type != "ext:teaches" {
		t.Errorf("the framework's associations changed with the Spec: %+v", got)
	}
}

func TestCASESourceProblems(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(c *wlp.CASESource)
		want   []want
	}{
		{"document time", func(c *wlp.CASESource) { c.Document.Changed = "2024-01-02" }, []want{{"/case/document/changed", "RFC 3339"}}},
		{"time without zone", func(c *wlp.CASESource) {
			it := c.Items["building-trust"]
			it.Changed = "2024-01-02T03:04:05"
			c.Items["building-trust"] = it
		}, []want{{"/case/items/building-trust/changed", "RFC 3339"}}},
		{"link time", func(c *wlp.CASESource) { c.Items["building-trust"].Link.Changed = "yesterday" }, []want{{"/case/items/building-trust/link/changed", "RFC 3339"}}},
		{"type time", func(c *wlp.CASESource) { c.Types[0].Changed = "2024-13-01T00:00:00Z" }, []want{{"/case/types/0/changed", "RFC 3339"}}},
		{"association identifier", func(c *wlp.CASESource) { c.Associations[0].Identifier = "A-1" }, []want{{"/case/associations/0/identifier", "lower-case UUID"}}},
		{"association identifier twice", func(c *wlp.CASESource) { c.Associations[1].Identifier = c.Types[0].Identifier }, []want{{"/case/associations/1/identifier", "already used at /case/types/0"}}},
		{"association parts", func(c *wlp.CASESource) {
			a := &c.Associations[1]
			a.URI, a.Type, a.Changed = "", "", "now"
			a.Origin.Identifier, a.Destination.URI = "", ""
			a.Grouping = &wlp.CASERef{Title: "G"}
			a.Notes = "\xff"
		}, []want{
			{"/case/associations/1/uri", "empty"},
			{"/case/associations/1/changed", "RFC 3339"},
			{"/case/associations/1/type", "empty"},
			{"/case/associations/1/origin/identifier", "empty"},
			{"/case/associations/1/destination/uri", "empty"},
			{"/case/associations/1/grouping/identifier", "empty"},
			{"/case/associations/1/grouping/uri", "empty"},
			{"/case/associations/1/notes", "UTF-8"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := caseSpec()
			tt.mutate(s.CASE)
			f, err := wlp.New(s)
			if f != nil {
				t.Fatalf("New returned a framework and error %v", err)
			}
			checkProblems(t, err, tt.want)
		})
	}
}
