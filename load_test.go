package wlp_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/jsonx"
)

// TestLoadConstants checks that the limits, written as literals so that
// their values show in the documentation, are the reader's: the limits
// it applies when a Loader leaves them zero, and its ceiling.
func TestLoadConstants(t *testing.T) {
	type limits struct{ MaxBytes, MaxDepth, MaxDepthCeiling int }
	want := limits{jsonx.DefaultMaxBytes, jsonx.DefaultMaxDepth, jsonx.MaxDepthCeiling}
	got := limits{wlp.DefaultMaxBytes, wlp.DefaultMaxDepth, wlp.MaxDepthCeiling}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the Loader's limits against the reader's (-want +got):\n%s", diff)
	}
	if d := (jsonx.Limits{}).Depth(); d != wlp.DefaultMaxDepth {
		t.Errorf("the reader's depth for a zero Loader is %d, want DefaultMaxDepth %d", d, wlp.DefaultMaxDepth)
	}
	if d := (jsonx.Limits{MaxDepth: 1 << 40}).Depth(); d != wlp.MaxDepthCeiling {
		t.Errorf("the reader's depth for a huge MaxDepth is %d, want MaxDepthCeiling %d", d, wlp.MaxDepthCeiling)
	}
}

func TestValidDocumentsLoad(t *testing.T) {
	tests := []struct {
		name string
		doc  string
	}{
		{"mini", mini},
		{"empty object", `{}`},
		{"whitespace around", " \n\t" + mini + "\r\n "},
		{"weight at MaxWeight", edit(t, mini, set("/roles/0/requirements/0/weight", wlp.MaxWeight))},
		{"smallest weight", edit(t, mini, set("/roles/0/requirements/0/weight", wlp.MinWeight))},
		{"fractional weight", edit(t, mini, set("/jobs/0/roles/0/weight", 0.25))},
		{"levels 1 and 5", edit(t, mini, set("/roles/0/requirements/0/level", 1), set("/roles/1/requirements/0/level", 5))},
		{"atLeast 0", edit(t, mini, set("/roles/0/requirements/0/atLeast", 0))},
		{"atLeast all", edit(t, mini, set("/roles/0/requirements/0/atLeast", 2))},
		{"ID of 64 bytes", edit(t, mini, set("/jobs/0/id", strings.Repeat("a", 64)))},
		{"digits in IDs", edit(t, mini, set("/id", "acme-2-0"), set("/jobs/0/id", "l2"))},
		{"custom cluster", edit(t, mini,
			set("/clusters", []any{map[string]any{"id": "technical", "name": "Technical"}}),
			set("/competencies/2/cluster", "technical"))},
		{"job with requirements only", edit(t, mini, del("/jobs/0/roles"))},
		{"job with roles only", edit(t, mini, del("/jobs/0/requirements"))},
		{"no framework ID", edit(t, mini, del("/id"))},
		{"unicode text", edit(t, mini, set("/name", "Мини 框架 ✓"))},
		{"integral level as float", strings.Replace(mini, `"level": 4,`, `"level": 4.0,`, 1)},
		{"integral level with exponent", strings.Replace(mini, `"level": 4,`, `"level": 4e0,`, 1)},
		{"empty behavior", edit(t, mini, set("/areas/0/behaviors", []any{""}))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := wlp.Load(strings.NewReader(tt.doc)); err != nil {
				t.Errorf("Load: %v\ndocument: %s", err, tt.doc)
			}
		})
	}
}

func TestLoadProblems(t *testing.T) {
	def := string(defaultJSON(t))
	d := func(mods ...mod) string { return edit(t, def, mods...) }
	m := func(mods ...mod) string { return edit(t, mini, mods...) }
	tests := []struct {
		name string
		doc  string
		ld   wlp.Loader
		want []want
	}{
		// Unknown fields.
		{"unknown field/top", d(set("/bogus", 1)), wlp.Loader{}, []want{{"/bogus", "unknown field"}}},
		{"unknown field/competency", d(set("/competencies/3/colour", "red")), wlp.Loader{}, []want{{"/competencies/3/colour", "unknown field"}}},
		{"unknown field/area", d(set("/areas/8/tools", []any{})), wlp.Loader{}, []want{{"/areas/8/tools", "unknown field"}}},
		{"unknown field/role", d(set("/roles/2/jobs", 1)), wlp.Loader{}, []want{{"/roles/2/jobs", "unknown field"}}},
		{"unknown field/requirement", d(set("/roles/1/requirements/2/min", 3)), wlp.Loader{}, []want{{"/roles/1/requirements/2/min", "unknown field"}}},
		{"unknown field/job", d(set("/jobs/0/name", "CLO")), wlp.Loader{}, []want{{"/jobs/0/name", "unknown field"}}},
		{"unknown field/share", d(set("/jobs/0/roles/3/share", 0.5)), wlp.Loader{}, []want{{"/jobs/0/roles/3/share", "unknown field"}}},
		{"unknown field/cluster", d(set("/clusters/1/colour", "blue")), wlp.Loader{}, []want{{"/clusters/1/colour", "unknown field"}}},
		{"unknown field/case", d(set("/roles/0/requirements/0/atleast", 1)), wlp.Loader{}, []want{{"/roles/0/requirements/0/atleast", `did you mean "atLeast"`}}},
		{"unknown field/escaped", d(set("/a~0b~1c", 1)), wlp.Loader{}, []want{{"/a~0b~1c", "unknown field"}}},
		{"unknown field/line break", `{"a\nwlp: /id: forged":1}`, wlp.Loader{}, []want{{"/a\nwlp: ~1id: forged", "unknown field"}}},
		{"unknown field/several", d(set("/x", 1), set("/competencies/0/y", 2), set("/roles/3/requirements/1/z", 3), set("/jobs/0/roles/0/w", 4)), wlp.Loader{}, []want{
			{"/competencies/0/y", "unknown field"},
			{"/jobs/0/roles/0/w", "unknown field"},
			{"/roles/3/requirements/1/z", "unknown field"},
			{"/x", "unknown field"},
		}},

		// Duplicate keys.
		{"duplicate key/top", `{"id":"a","name":"A","id":"b"}`, wlp.Loader{}, []want{{"/id", "duplicate key"}}},
		{"duplicate key/requirement", strings.Replace(mini, `"level": 4,`, `"level": 4, "level": 5,`, 1), wlp.Loader{}, []want{{"/roles/1/requirements/0/level", "duplicate key"}}},
		{"duplicate key/share", strings.Replace(mini, `{"role": "planner", "weight": 1}`, `{"role": "planner", "weight": 1, "role": "coach"}`, 1), wlp.Loader{}, []want{
			{"/jobs/0/roles/1/role", "duplicate key"},
			{"/jobs/0/roles/1/role", `role "coach" is listed twice`}, // the last value counts
		}},
		{"duplicate key/list", strings.Replace(mini, `"jobs": [`, `"roles": [], "jobs": [`, 1), wlp.Loader{}, []want{
			{"/roles", "duplicate key"},
			{"/jobs/0/roles/0/role", `unknown role "coach"`}, // the last, empty list counts
			{"/jobs/0/roles/1/role", `unknown role "planner"`},
		}},
		{"duplicate key/escaped", `{"competencies":[{"id":"a","name":"A","cluster":"personal","x/y":1,"x/y":2}]}`, wlp.Loader{}, []want{{"/competencies/0/x~1y", "duplicate key"}, {"/competencies/0/x~1y", "unknown field"}, {"/competencies/0/x~1y", "unknown field"}}},

		// Duplicate IDs.
		{"duplicate ID/competency", d(set("/competencies/4/id", "building-trust")), wlp.Loader{}, []want{
			{"/competencies/4/id", `duplicate ID "building-trust" (already used by a competency)`},
			{"/roles/1/requirements/6/of/0", `unknown competency or area "networking-and-partnering"`},
			{"/jobs/0/requirements/3/of/4", `unknown competency or area "networking-and-partnering"`},
		}},
		{"duplicate ID/competency unreferenced", m(set("/competencies/2/id", "listening")), wlp.Loader{}, []want{{"/competencies/2/id", "already used by a competency"}}},
		{"duplicate ID/area vs competency", m(set("/areas/1/id", "patience")), wlp.Loader{}, []want{{"/areas/1/id", `duplicate ID "patience" (already used by a competency)`}}},
		{"duplicate ID/area", m(set("/areas/1/id", "coaching")), wlp.Loader{}, []want{{"/areas/1/id", `duplicate ID "coaching" (already used by`}}},
		{"duplicate ID/role", d(set("/roles/2/id", "learning-strategist")), wlp.Loader{}, []want{
			{"/roles/2/id", `duplicate role ID "learning-strategist"`},
			{"/jobs/0/roles/2/role", `unknown role "project-manager"`},
		}},
		{"duplicate ID/job vs role", m(set("/jobs/0/id", "planner")), wlp.Loader{}, []want{{"/jobs/0/id", "already used by a role"}, {"/jobs/0/roles/1/role", "names itself"}}},
		{"duplicate ID/job", m(set("/jobs/-", map[string]any{"id": "head-coach", "title": "Other", "roles": []any{map[string]any{"role": "coach", "weight": 1}}})), wlp.Loader{}, []want{{"/jobs/1/id", "duplicate job ID"}}},
		{"duplicate ID/cluster", d(set("/clusters/2/id", "interpersonal")), wlp.Loader{}, []want{{"/clusters/2/id", "duplicate cluster"}}},

		// Unknown IDs.
		{"unknown ID/requirement", d(set("/roles/0/requirements/0/of/0", "thinking-tactically")), wlp.Loader{}, []want{{"/roles/0/requirements/0/of/0", `unknown competency or area "thinking-tactically"`}}},
		{"unknown ID/group", d(set("/roles/3/requirements/0/of/4", "juggling")), wlp.Loader{}, []want{{"/roles/3/requirements/0/of/4", "unknown competency"}}},
		{"unknown ID/job requirement", d(set("/jobs/0/requirements/1/of/0", "golf")), wlp.Loader{}, []want{{"/jobs/0/requirements/1/of/0", "unknown competency"}}},
		{"unknown ID/role ID in of", m(set("/roles/1/requirements/0/of/0", "coach")), wlp.Loader{}, []want{{"/roles/1/requirements/0/of/0", "unknown competency"}}},
		{"unknown ID/share", d(set("/jobs/0/roles/1/role", "business-analyst")), wlp.Loader{}, []want{{"/jobs/0/roles/1/role", `unknown role "business-analyst"`}}},
		{"unknown ID/share names an area", m(set("/jobs/0/roles/0/role", "coaching")), wlp.Loader{}, []want{{"/jobs/0/roles/0/role", "unknown role"}}},
		{"unknown ID/removed area", d(del("/areas/1")), wlp.Loader{}, []want{
			{"/roles/3/requirements/0/of/1", `unknown competency or area "coaching"`},
			{"/jobs/0/requirements/2/of/1", `unknown competency or area "coaching"`},
		}},
		{"unknown ID/removed role", d(del("/roles/2")), wlp.Loader{}, []want{{"/jobs/0/roles/2/role", `unknown role "project-manager"`}}},

		// Jobs naming jobs.
		{"job names itself", d(set("/jobs/0/roles/0/role", "chief-learning-officer")), wlp.Loader{}, []want{{"/jobs/0/roles/0/role", "names itself"}}},
		{"job names a job", d(set("/jobs/-", map[string]any{"id": "deputy-clo", "title": "Deputy CLO", "roles": []any{map[string]any{"role": "chief-learning-officer", "weight": 1}}})), wlp.Loader{}, []want{{"/jobs/1/roles/0/role", "is a job, not a role"}}},
		{"job names a later job", m(set("/jobs/-", map[string]any{"id": "deputy", "title": "Deputy", "roles": []any{map[string]any{"role": "coach", "weight": 1}}}), set("/jobs/0/roles/1/role", "deputy")), wlp.Loader{}, []want{{"/jobs/0/roles/1/role", "is a job"}}},
		{"role shared twice", m(set("/jobs/0/roles/1/role", "coach")), wlp.Loader{}, []want{{"/jobs/0/roles/1/role", "listed twice"}}},
		{"job with nothing", m(del("/jobs/0/roles"), del("/jobs/0/requirements")), wlp.Loader{}, []want{{"/jobs/0", "neither roles nor requirements"}}},
		{"role with no requirements", m(set("/roles/1/requirements", []any{})), wlp.Loader{}, []want{{"/roles/1/requirements", "no requirements"}}},
		{"role with requirements missing", m(del("/roles/1/requirements")), wlp.Loader{}, []want{{"/roles/1", `missing required field "requirements"`}}},

		// Levels.
		{"level 0", d(set("/roles/0/requirements/0/level", 0)), wlp.Loader{}, []want{{"/roles/0/requirements/0/level", "below the lowest level"}}},
		{"level missing", d(del("/roles/0/requirements/0/level")), wlp.Loader{}, []want{{"/roles/0/requirements/0", `missing required field "level"`}}},
		{"level 6", d(set("/roles/2/requirements/3/level", 6)), wlp.Loader{}, []want{{"/roles/2/requirements/3/level", "above the scale's top level 5"}}},
		{"level -1", d(set("/roles/1/requirements/0/level", -1)), wlp.Loader{}, []want{{"/roles/1/requirements/0/level", "below"}}},
		{"level huge", d(set("/jobs/0/requirements/0/level", 9007199254740993)), wlp.Loader{}, []want{{"/jobs/0/requirements/0/level", "above"}}},
		{"level 3.5", d(set("/roles/0/requirements/0/level", 3.5)), wlp.Loader{}, []want{{"/roles/0/requirements/0/level", "expected an integer"}}},
		{"level 1e2", strings.Replace(mini, `"level": 4,`, `"level": 1e2,`, 1), wlp.Loader{}, []want{{"/roles/1/requirements/0/level", "100 is above the scale's top level"}}},
		{"level 0.0", strings.Replace(mini, `"level": 4,`, `"level": 0.0,`, 1), wlp.Loader{}, []want{{"/roles/1/requirements/0/level", "below"}}},
		{"level 4.000001", strings.Replace(mini, `"level": 4,`, `"level": 4.000001,`, 1), wlp.Loader{}, []want{{"/roles/1/requirements/0/level", "expected an integer, found 4.000001"}}},
		{"level 1e300", strings.Replace(mini, `"level": 4,`, `"level": 1e300,`, 1), wlp.Loader{}, []want{{"/roles/1/requirements/0/level", "out of range"}}},
		{"level out of int range", strings.Replace(mini, `"level": 4,`, `"level": 99999999999999999999,`, 1), wlp.Loader{}, []want{{"/roles/1/requirements/0/level", "out of range"}}},

		// Weights.
		{"weight 0", d(set("/roles/0/requirements/1/weight", 0)), wlp.Loader{}, []want{{"/roles/0/requirements/1/weight", "greater than 0"}}},
		{"weight missing", d(del("/roles/0/requirements/1/weight")), wlp.Loader{}, []want{{"/roles/0/requirements/1", `missing required field "weight"`}}},
		{"share weight missing", d(del("/jobs/0/roles/1/weight")), wlp.Loader{}, []want{{"/jobs/0/roles/1", `missing required field "weight"`}}},
		{"share role missing", d(del("/jobs/0/roles/1/role")), wlp.Loader{}, []want{{"/jobs/0/roles/1", `missing required field "role"`}}},
		{"weight negative", d(set("/roles/3/requirements/0/weight", -4)), wlp.Loader{}, []want{{"/roles/3/requirements/0/weight", "greater than 0"}}},
		{"weight over MaxWeight", d(set("/roles/0/requirements/0/weight", wlp.MaxWeight*10)), wlp.Loader{}, []want{{"/roles/0/requirements/0/weight", "above the limit"}}},
		{"weight just over MaxWeight", m(set("/roles/0/requirements/0/weight", math.Nextafter(wlp.MaxWeight, math.Inf(1)))), wlp.Loader{}, []want{{"/roles/0/requirements/0/weight", "above the limit"}}},
		{"weight huge", d(set("/jobs/0/requirements/0/weight", 1e300)), wlp.Loader{}, []want{{"/jobs/0/requirements/0/weight", "above the limit"}}},
		{"weight beyond float64", strings.Replace(mini, `{"role": "coach", "weight": 2}`, `{"role": "coach", "weight": 1e999}`, 1), wlp.Loader{}, []want{{"/jobs/0/roles/0/weight", "out of range"}}},
		{"share weight 0", d(set("/jobs/0/roles/2/weight", 0)), wlp.Loader{}, []want{{"/jobs/0/roles/2/weight", "greater than 0"}}},
		{"share weight negative", d(set("/jobs/0/roles/0/weight", -0.5)), wlp.Loader{}, []want{{"/jobs/0/roles/0/weight", "greater than 0"}}},
		{"share weight huge", d(set("/jobs/0/roles/1/weight", 2e6)), wlp.Loader{}, []want{{"/jobs/0/roles/1/weight", "above the limit"}}},

		// AtLeast and Of.
		{"atLeast negative", d(set("/roles/3/requirements/0/atLeast", -1)), wlp.Loader{}, []want{{"/roles/3/requirements/0/atLeast", "negative"}}},
		{"atLeast over len(of)", d(set("/roles/3/requirements/0/atLeast", 10)), wlp.Loader{}, []want{{"/roles/3/requirements/0/atLeast", "more than the 9 listed"}}},
		{"atLeast 2 of 1", d(set("/roles/0/requirements/0/atLeast", 2)), wlp.Loader{}, []want{{"/roles/0/requirements/0/atLeast", "more than the 1 listed"}}},
		{"of empty", d(set("/roles/1/requirements/4/of", []any{})), wlp.Loader{}, []want{{"/roles/1/requirements/4/of", "lists no competency"}}},
		{"of missing", d(del("/roles/1/requirements/4/of")), wlp.Loader{}, []want{{"/roles/1/requirements/4", `missing required field "of"`}}},
		{"of empty with atLeast", m(set("/roles/0/requirements/0/of", []any{})), wlp.Loader{}, []want{{"/roles/0/requirements/0/of", "lists no"}, {"/roles/0/requirements/0/atLeast", "more than the 0 listed"}}},
		{"of repeats an ID", m(set("/roles/0/requirements/0/of/1", "coaching")), wlp.Loader{}, []want{{"/roles/0/requirements/0/of/1", `"coaching" is listed twice`}}},
		{"of repeats in a group", d(set("/jobs/0/requirements/3/of/11", "building-trust")), wlp.Loader{}, []want{{"/jobs/0/requirements/3/of/11", "listed twice"}}},

		// Empty names and titles.
		{"empty name/competency", d(set("/competencies/0/name", "")), wlp.Loader{}, []want{{"/competencies/0/name", "the name is empty"}}},
		{"missing name/competency", d(del("/competencies/5/name")), wlp.Loader{}, []want{{"/competencies/5", `missing required field "name"`}}},
		{"missing title/job", d(del("/jobs/0/title")), wlp.Loader{}, []want{{"/jobs/0", `missing required field "title"`}}},
		{"empty name/area", d(set("/areas/4/name", "")), wlp.Loader{}, []want{{"/areas/4/name", "empty"}}},
		{"empty name/role", d(set("/roles/3/name", "")), wlp.Loader{}, []want{{"/roles/3/name", "empty"}}},
		{"empty name/cluster", d(set("/clusters/0/name", "")), wlp.Loader{}, []want{{"/clusters/0/name", "empty"}}},
		{"empty title/job", d(set("/jobs/0/title", "")), wlp.Loader{}, []want{{"/jobs/0/title", "the title is empty"}}},

		// Empty and malformed IDs.
		{"empty ID/competency", m(set("/competencies/2/id", "")), wlp.Loader{}, []want{{"/competencies/2/id", "the ID is empty"}}},
		{"missing ID/area", m(del("/areas/1/id")), wlp.Loader{}, []want{{"/areas/1", `missing required field "id"`}}},
		{"missing fields/several", m(del("/roles/0/id"), del("/roles/0/name"), del("/clusters")), wlp.Loader{}, []want{
			{"/roles/0", `missing required field "id"`},
			{"/roles/0", `missing required field "name"`},
			{"/jobs/0/roles/0/role", `unknown role "coach"`},
		}},
		{"empty ID/role", m(set("/roles/1/id", ""), set("/jobs/0/roles/1/role", "")), wlp.Loader{}, []want{{"/roles/1/id", "empty"}, {"/jobs/0/roles/1/role", "not a well-formed ID"}}},
		{"empty ID/job", m(set("/jobs/0/id", "")), wlp.Loader{}, []want{{"/jobs/0/id", "empty"}}},
		{"empty ID/of", m(set("/roles/1/requirements/0/of/0", "")), wlp.Loader{}, []want{{"/roles/1/requirements/0/of/0", "not a well-formed ID"}}},
		{"malformed ID/framework", m(set("/id", "Mini")), wlp.Loader{}, []want{{"/id", "not a well-formed ID"}}},
		{"malformed ID/cluster", m(set("/clusters", []any{map[string]any{"id": "Tech", "name": "Tech"}}), set("/competencies/2/cluster", "Tech")), wlp.Loader{}, []want{{"/clusters/0/id", "not a well-formed ID"}, {"/competencies/2/cluster", "Tech"}}},
		{"malformed ID/role", m(set("/roles/1/id", "Planner"), set("/jobs/0/roles/1/role", "Planner")), wlp.Loader{}, []want{{"/roles/1/id", "not a well-formed ID"}, {"/jobs/0/roles/1/role", "not a well-formed ID"}}},

		// Clusters.
		{"unknown cluster", d(set("/competencies/0/cluster", "technical")), wlp.Loader{}, []want{{"/competencies/0/cluster", `unknown cluster "technical"`}}},
		{"cluster by name", d(set("/competencies/7/cluster", "Business/Management")), wlp.Loader{}, []want{{"/competencies/7/cluster", "unknown cluster"}}},
		{"empty cluster", d(set("/competencies/11/cluster", "")), wlp.Loader{}, []want{{"/competencies/11/cluster", "the cluster is empty"}}},
		{"missing cluster", m(del("/competencies/0/cluster")), wlp.Loader{}, []want{{"/competencies/0", `missing required field "cluster"`}}},

		// Not a JSON document, or not one document.
		{"empty body", ``, wlp.Loader{}, []want{{"", "empty"}}},
		{"whitespace body", " \n\t\r ", wlp.Loader{}, []want{{"", "empty"}}},
		{"null", `null`, wlp.Loader{}, []want{{"", "null is not allowed"}}},
		{"null with space", " null\n", wlp.Loader{}, []want{{"", "null"}}},
		{"not JSON", `hello, world`, wlp.Loader{}, []want{{"", "malformed JSON"}}},
		{"YAML", "id: mini\nname: Mini\n", wlp.Loader{}, []want{{"", "malformed JSON"}}},
		{"single quotes", `{'id': 'mini'}`, wlp.Loader{}, []want{{"", "malformed JSON"}}},
		{"trailing comma", `{"id":"mini",}`, wlp.Loader{}, []want{{"", "malformed JSON"}}},
		{"truncated/open", `{`, wlp.Loader{}, []want{{"", "ends too early"}}},
		{"truncated/value", `{"id":`, wlp.Loader{}, []want{{"/id", "ends too early"}}},
		{"truncated/nested", `{"competencies":[{"id":"a"`, wlp.Loader{}, []want{{"/competencies/0", "ends too early"}}},
		{"truncated/string", `{"name":"Min`, wlp.Loader{}, []want{{"/name", "ends too early"}}},
		{"truncated/default", def[:len(def)-1], wlp.Loader{}, []want{{"", "ends too early"}}},
		{"byte-order mark", "\xef\xbb\xbf" + mini, wlp.Loader{}, []want{{"", "byte-order mark"}}},
		{"invalid UTF-8", strings.Replace(mini, "Mini", "Mi\xffni", 1), wlp.Loader{}, []want{{"", "not valid UTF-8"}}},
		{"latin-1", strings.Replace(mini, "Mini", "Min\xe9", 1), wlp.Loader{}, []want{{"", "UTF-8"}}},
		{"trailing garbage", mini + "x", wlp.Loader{}, []want{{"", "after the document"}}},
		{"two documents", mini + "\n" + mini, wlp.Loader{}, []want{{"", "after the document"}}},
		{"trailing bracket", mini + "}", wlp.Loader{}, []want{{"", "after the document"}}},

		// Wrong types.
		{"wrong type/top array", `[]`, wlp.Loader{}, []want{{"", "expected an object, found an array"}}},
		{"wrong type/top string", `"astd"`, wlp.Loader{}, []want{{"", "expected an object"}}},
		{"wrong type/level string", d(set("/roles/0/requirements/0/level", "4")), wlp.Loader{}, []want{{"/roles/0/requirements/0/level", `expected an integer, found the string "4"`}}},
		{"wrong type/level name", d(set("/roles/0/requirements/0/level", "expert")), wlp.Loader{}, []want{{"/roles/0/requirements/0/level", "expected an integer"}}},
		{"wrong type/name number", d(set("/competencies/1/name", 7)), wlp.Loader{}, []want{{"/competencies/1/name", "expected a string, found the number 7"}}},
		{"wrong type/of object", d(set("/roles/0/requirements/0/of", map[string]any{"id": "coaching"})), wlp.Loader{}, []want{{"/roles/0/requirements/0/of", "expected an array, found an object"}}},
		{"wrong type/of string", d(set("/roles/0/requirements/0/of", "coaching")), wlp.Loader{}, []want{{"/roles/0/requirements/0/of", "expected an array"}}},
		{"wrong type/of number", d(set("/roles/0/requirements/0/of/0", 1)), wlp.Loader{}, []want{{"/roles/0/requirements/0/of/0", "expected a string"}}},
		{"wrong type/weight string", d(set("/jobs/0/roles/0/weight", "3")), wlp.Loader{}, []want{{"/jobs/0/roles/0/weight", "expected a number"}}},
		{"wrong type/atLeast bool", d(set("/jobs/0/requirements/2/atLeast", true)), wlp.Loader{}, []want{{"/jobs/0/requirements/2/atLeast", "expected an integer, found true"}}},
		{"wrong type/roles object", d(set("/roles", map[string]any{})), wlp.Loader{}, []want{{"/roles", "expected an array"}}},
		{"wrong type/competency string", d(set("/competencies/2", "leveraging-diversity")), wlp.Loader{}, []want{{"/competencies/2", "expected an object"}}},
		{"wrong type/behaviors string", d(set("/competencies/0/behaviors", "keeps promises")), wlp.Loader{}, []want{{"/competencies/0/behaviors", "expected an array"}}},
		{"null/name", d(set("/name", nil)), wlp.Loader{}, []want{{"/name", "null is not allowed"}}},
		{"null/list", d(set("/competencies", nil)), wlp.Loader{}, []want{{"/competencies", "null"}}},
		{"null/in of", d(set("/roles/0/requirements/0/of/0", nil)), wlp.Loader{}, []want{{"/roles/0/requirements/0/of/0", "null"}}},

		// Size and depth.
		{"over MaxBytes", def, wlp.Loader{MaxBytes: 1000}, []want{{"", "larger than the limit of 1000 bytes"}}},
		{"over MaxDepth", def, wlp.Loader{MaxDepth: 5}, []want{{"/roles/0/requirements/0/of", "nested deeper than the limit of 5"}}},
		{"nested arrays", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), wlp.Loader{}, []want{{strings.Repeat("/0", 64), "nested deeper than the limit of 64"}}},
		{"nested arrays/unclosed", strings.Repeat("[", 100000), wlp.Loader{}, []want{{strings.Repeat("/0", 64), "nested deeper"}}},
		{"nested objects", strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000), wlp.Loader{}, []want{{strings.Repeat("/a", 64), "nested deeper"}}},
		{"nested in a field", `{"name":` + strings.Repeat("[", 100000), wlp.Loader{}, []want{{"/name" + strings.Repeat("/0", 63), "nested deeper"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var (
				f   *wlp.Framework
				err error
			)
			done := make(chan struct{})
			go func() {
				defer close(done)
				f, err = tt.ld.Load(strings.NewReader(tt.doc))
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("Load did not return within 20s")
			}
			if f != nil {
				t.Fatalf("Load returned a framework and error %v; want nil and an error", err)
			}
			checkProblems(t, err, tt.want)
		})
	}
}

// TestLoadReportsEveryProblem checks that one bad document reports all of
// its problems, in document order.
func TestLoadReportsEveryProblem(t *testing.T) {
	t.Run("validation", func(t *testing.T) {
		doc := edit(t, string(defaultJSON(t)),
			set("/id", "ASTD"),
			set("/competencies/2/name", ""),
			set("/competencies/3/cluster", "technical"),
			set("/areas/0/id", "coaching"),
			set("/roles/0/requirements/0/level", 0),
			set("/roles/1/requirements/0/weight", -1),
			set("/roles/2/requirements/1/of/0", "golf"),
			set("/roles/3/requirements/0/atLeast", 12),
			set("/jobs/0/roles/0/role", "nobody"),
			set("/jobs/0/requirements/3/of", []any{}),
		)
		_, err := wlp.Load(strings.NewReader(doc))
		checkProblems(t, err, []want{
			{"/id", "well-formed"},
			{"/competencies/2/name", "empty"},
			{"/competencies/3/cluster", "unknown cluster"},
			{"/areas/1/id", `duplicate ID "coaching" (already used by`},
			{"/roles/0/requirements/0/level", "below"},
			{"/roles/0/requirements/9/of/0", `unknown competency or area "career-planning-and-talent-management"`},
			{"/roles/1/requirements/0/weight", "greater than 0"},
			{"/roles/2/requirements/1/of/0", "unknown"},
			{"/roles/3/requirements/0/of/0", `unknown competency or area "career-planning-and-talent-management"`},
			{"/roles/3/requirements/0/atLeast", "more than"},
			{"/jobs/0/roles/0/role", "unknown role"},
			{"/jobs/0/requirements/2/of/0", "unknown"},
			{"/jobs/0/requirements/3/of", "lists no"},
			{"/jobs/0/requirements/3/atLeast", "more than"},
		})
	})
	t.Run("fields and values", func(t *testing.T) {
		// Unknown and missing fields do not stop the other checks.
		doc := edit(t, mini,
			set("/bogus", true),
			del("/competencies/0/cluster"),
			set("/areas/1/id", "Mentoring"),
			set("/roles/1/requirements/0/level", 9),
			set("/roles/1/requirements/0/extra", 1),
			set("/jobs/0/roles/0/weight", 0),
			del("/jobs/0/title"),
		)
		_, err := wlp.Load(strings.NewReader(doc))
		checkProblems(t, err, []want{
			{"/bogus", "unknown field"},
			{"/competencies/0", `missing required field "cluster"`},
			{"/jobs/0", `missing required field "title"`},
			{"/roles/1/requirements/0/extra", "unknown field"},
			{"/areas/1/id", "not a well-formed ID"},
			{"/roles/1/requirements/0/level", "above"},
			{"/jobs/0/roles/0/weight", "greater than 0"},
		})
	})
	t.Run("decoding", func(t *testing.T) {
		doc := `{"id":"x","competencies":[{"id":"a","name":3,"cluster":"personal","id":"b"}],` +
			`"roles":[{"id":"r","name":"R","requirements":[{"of":["a"],"level":"4","weight":null,"min":1}]}],"extra":true}`
		_, err := wlp.Load(strings.NewReader(doc))
		checkProblems(t, err, []want{
			{"/competencies/0/id", "duplicate key"},
			{"/competencies/0/name", "expected a string"},
			{"/roles/0/requirements/0/level", "expected an integer"},
			{"/roles/0/requirements/0/weight", "null"},
			{"/roles/0/requirements/0/min", "unknown field"},
			{"/extra", "unknown field"},
		})
	})
}

// TestIntegralNumbers checks that integers written with a fraction or an
// exponent (JSON has one number type) load as the integer they denote.
func TestIntegralNumbers(t *testing.T) {
	for _, lit := range []string{"4", "4.0", "4e0", "0.4e1", "40e-1", "4.000"} {
		t.Run(lit, func(t *testing.T) {
			f, err := wlp.Load(strings.NewReader(strings.Replace(mini, `"level": 4,`, `"level": `+lit+`,`, 1)))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			r, _ := f.Role("planner")
			if got := r.Requirements[0].Level; got != competency.Proficient {
				t.Errorf("level %s loaded as %d, want 4", lit, got)
			}
		})
	}
}

// TestLoadManyProblemsIsCapped loads a document with four problems in
// each of 16,000 competencies: the report lists the first 1,000 in
// document order, counts at least the rest the reader found, and prints
// one line per listed problem plus one for the count.
func TestLoadManyProblemsIsCapped(t *testing.T) {
	const n = 16000
	var b strings.Builder
	b.WriteString(`{"competencies":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"id":"C` + strconv.Itoa(i) + `","name":"","cluster":"x","q":1}`)
	}
	b.WriteString(`]}`)
	_, err := wlp.Load(strings.NewReader(b.String()))
	ve := problems(t, err)
	var want []string
	for i := range wlp.MaxReported {
		want = append(want, "/competencies/"+strconv.Itoa(i)+"/q")
	}
	if d := cmp.Diff(want, paths(ve)); d != "" {
		t.Errorf("listed problems (-want +got):\n%s", d)
	}
	// The reader finds one unknown field per competency; the rest are
	// found by checks that a full report skips.
	if ve.Omitted < n-wlp.MaxReported || ve.Omitted > 4*n-wlp.MaxReported {
		t.Errorf("Omitted = %d, want from %d to %d", ve.Omitted, n-wlp.MaxReported, 4*n-wlp.MaxReported)
	}
	lines := strings.Split(ve.Error(), "\n")
	if len(lines) != wlp.MaxReported+1 {
		t.Fatalf("Error() has %d lines, want %d", len(lines), wlp.MaxReported+1)
	}
	if last, want := lines[len(lines)-1], fmt.Sprintf("wlp: and at least %d more problems, not listed", ve.Omitted); last != want {
		t.Errorf("last line %q, want %q", last, want)
	}
}

func TestFailedLoadChangesNothing(t *testing.T) {
	before := snap(t, wlp.Default())
	if _, err := wlp.Load(strings.NewReader(`{"competencies":[{"id":"building-trust","name":"","cluster":"x"}]}`)); err == nil {
		t.Fatal("Load accepted a bad document")
	}
	if diff := cmp.Diff(before, snap(t, wlp.Default())); diff != "" {
		t.Errorf("a failed load changed the default framework:\n%s", diff)
	}
}

func TestLoadReaders(t *testing.T) {
	doc := defaultJSON(t)
	readers := []struct {
		name string
		r    io.Reader
	}{
		{"bytes", bytes.NewReader(doc)},
		{"one byte at a time", iotest.OneByteReader(bytes.NewReader(doc))},
		{"half", iotest.HalfReader(bytes.NewReader(doc))},
		{"EOF with data", iotest.DataErrReader(bytes.NewReader(doc))},
	}
	for _, tt := range readers {
		t.Run(tt.name, func(t *testing.T) {
			f, err := wlp.Load(tt.r)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if diff := cmp.Diff(wlp.DefaultSpec(), f.Spec()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoaderSizeBound(t *testing.T) {
	const small = `{"id":"tiny"}`
	pad := func(n int) string { return small + strings.Repeat(" ", n-len(small)) }
	tests := []struct {
		name string
		ld   wlp.Loader
		doc  string
		ok   bool
	}{
		{"at limit", wlp.Loader{MaxBytes: 1000}, pad(1000), true},
		{"one over", wlp.Loader{MaxBytes: 1000}, pad(1001), false},
		{"default doc over 1000", wlp.Loader{MaxBytes: 1000}, string(defaultJSON(t)), false},
		{"default at default limit", wlp.Loader{}, pad(wlp.DefaultMaxBytes), true},
		{"default one over", wlp.Loader{}, pad(wlp.DefaultMaxBytes + 1), false},
		{"negative means default", wlp.Loader{MaxBytes: -1}, pad(2000), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.ld.Load(strings.NewReader(tt.doc))
			if tt.ok {
				if err != nil || f == nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			ve := problems(t, err)
			if diff := cmp.Diff([]string{""}, paths(ve)); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			if !strings.Contains(ve.Problems[0].Message, "larger than the limit") {
				t.Errorf("message %q does not mention the limit", ve.Problems[0].Message)
			}
		})
	}
	if wlp.DefaultMaxBytes != 8<<20 || wlp.DefaultMaxDepth != 64 {
		t.Errorf("DefaultMaxBytes, DefaultMaxDepth = %d, %d; want 8 MiB, 64", wlp.DefaultMaxBytes, wlp.DefaultMaxDepth)
	}
}

func TestLoadReadErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	tests := []struct {
		name string
		load func() error
		word string
	}{
		{"nil reader", func() error { _, err := wlp.Load(nil); return err }, "nil reader"},
		{"read error", func() error { _, err := wlp.Load(iotest.ErrReader(boom)); return err }, "disk on fire"},
		{"error after data", func() error {
			_, err := wlp.Load(iotest.TimeoutReader(iotest.OneByteReader(strings.NewReader(`{"id":"x"}`))))
			return err
		}, "timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ve := problems(t, tt.load())
			if diff := cmp.Diff([]string{""}, paths(ve)); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			if !strings.Contains(ve.Error(), tt.word) {
				t.Errorf("error %q lacks %q", ve.Error(), tt.word)
			}
		})
	}
}

// fuzzSeeds are documents FuzzLoad starts from, besides the default one.
var fuzzSeeds = []string{
	``,
	`null`,
	`{}`,
	`[]`,
	`{"id":"a","id":"b"}`,
	`{"bogus":1}`,
	"\xef\xbb\xbf{}",
	`{"competencies":[{"id":"a","name":"A","cluster":"personal","behaviors":[]}]}`,
	`{"competencies":[{"id":"a","name":"A","cluster":"personal"}],"roles":[{"id":"r","name":"R","requirements":[{"of":["a"],"level":3.5,"weight":1}]}]}`,
	`{"competencies":[{"id":"a","name":"A","cluster":"personal"}],"roles":[{"id":"r","name":"R","requirements":[{"of":["a"],"level":3,"weight":1e-300}]}],"jobs":[{"id":"j","title":"J","roles":[{"role":"r","weight":0.5}]}]}`,
	`{"areas":[{"id":"x","name":"X <&> \u2028"}],"jobs":[{"id":"j","title":"J","requirements":[{"of":["x"],"atLeast":1,"level":1,"weight":1}]}]}`,
	`{"roles":[{"id":"r","name":"R","requirements":[{"of":{},"level":"3","weight":-1}]}]}`,
	strings.Repeat("[", 200),
	`{"clusters":[{"id":"new","name":"New"}],"competencies":[{"id":"b","name":"B","cluster":"new"}]}`,
	`{"name":"\ud800"} trailing`,
}

// FuzzLoad loads any input as a framework: a failed load reports its
// problems, each line naming the package, and a framework that loads
// encodes to a document that loads back the same. It starts from the
// default framework, the example frameworks, the mini framework, the
// documents above and the framework cases of the bad-input catalogue.
func FuzzLoad(f *testing.F) {
	f.Add(defaultJSON(f))
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, b := range exampleSeeds(f, "examples/frameworks/*.json") {
		f.Add(b)
	}
	f.Add([]byte(diffMini))
	for _, b := range badSeeds(f, badFramework) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := wlp.Load(bytes.NewReader(data))
		if err != nil {
			var ve *wlp.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("Load error %v (%T) is not a *ValidationError with problems", err, err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "wlp: ") {
					t.Fatalf("error line %q does not start with \"wlp: \"", line)
				}
			}
			return
		}
		b1, err := fw.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		fw2, err := wlp.Load(bytes.NewReader(b1))
		if err != nil {
			t.Fatalf("Load(MarshalJSON()) failed: %v\ninput: %q\nencoded: %s", err, data, b1)
		}
		// The JSON form omits empty lists, so an empty list may come back
		// as nil; the two mean the same.
		if diff := cmp.Diff(fw.Spec(), fw2.Spec(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("the round trip changed the Spec (-first +second):\n%s", diff)
		}
		b2, err := fw2.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		if !bytes.Equal(b1, b2) {
			t.Fatalf("the encoding is not stable:\n%s\n%s", b1, b2)
		}
		if _, err := wlp.New(fw.Spec()); err != nil {
			t.Fatalf("New(Spec()) of a loaded framework: %v", err)
		}
	})
}
