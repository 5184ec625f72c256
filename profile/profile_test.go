package profile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// problem is one expected problem: its JSON pointer and a word its message
// must contain.
type problem struct {
	path string
	word string
}

// checkProblems asserts that err is a *profile.ValidationError whose
// problems have exactly the paths of want, in order, each message holding
// its word, and whose Error lines all start with "profile: ".
func checkProblems(t *testing.T, err error, want []problem) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want problems at %q", pathsOf(want))
	}
	var ve *profile.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *profile.ValidationError", err, err)
	}
	if ve.Package != "profile" {
		t.Errorf("Package = %q, want %q", ve.Package, "profile")
	}
	got := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		got[i] = p.Path
	}
	if diff := cmp.Diff(pathsOf(want), got); diff != "" {
		t.Fatalf("problem paths (-want +got):\n%s\nerror:\n%v", diff, err)
	}
	for i, w := range want {
		if msg := ve.Problems[i].Message; !strings.Contains(msg, w.word) {
			t.Errorf("problem %d at %q: message %q does not contain %q", i, w.path, msg, w.word)
		}
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Errorf("Error() has %d lines, want %d:\n%v", len(lines), len(want), err)
	}
	for _, line := range lines {
		if !strings.HasPrefix(line, "profile: ") {
			t.Errorf("Error() line %q does not start with %q", line, "profile: ")
		}
	}
}

func pathsOf(ps []problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.path
	}
	return out
}

// rating wraps one rating object of "coaching" in a profile document.
func rating(body string) string {
	return `{"id":"alex","ratings":{"coaching":` + body + `}}`
}

func TestLoadRejects(t *testing.T) {
	big := `{"id":"alex","name":"` + strings.Repeat("x", 100-len(`{"id":"alex","name":""}`)+1) + `"}`
	deep := `{"id":"alex","x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`
	huge := `{"id":"alex","x":` + strings.Repeat("[", 1<<19) + `}`

	tests := []struct {
		name   string
		doc    string
		loader profile.Loader
		want   []problem
	}{
		// Unknown fields.
		{"unknown top-level field", `{"id":"alex","age":41}`, profile.Loader{}, []problem{{"/age", "unknown field"}}},
		{"top-level field in the wrong case", `{"id":"alex","Name":"Alex"}`, profile.Loader{}, []problem{{"/Name", `did you mean "name"`}}},
		{"unknown rating field", rating(`{"level":2,"score":3}`), profile.Loader{}, []problem{{"/ratings/coaching/score", "unknown field"}}},
		{"rating field in the wrong case", rating(`{"Level":2}`), profile.Loader{}, []problem{{"/ratings/coaching/Level", `did you mean "level"`}, {"/ratings/coaching", `missing required field "level"`}}},
		{"rating field in the wrong case beside the right one", rating(`{"level":2,"Level":3}`), profile.Loader{}, []problem{{"/ratings/coaching/Level", `did you mean "level"`}}},

		// Duplicate keys.
		{"duplicate top-level key", `{"id":"alex","id":"sam"}`, profile.Loader{}, []problem{{"/id", "duplicate key"}}},
		{"duplicate key spelled with an escape", `{"id":"alex","\u0069d":"sam"}`, profile.Loader{}, []problem{{"/id", "duplicate key"}}},
		{"rating given twice", `{"id":"alex","ratings":{"coaching":{"level":2},"coaching":{"level":5}}}`, profile.Loader{}, []problem{{"/ratings/coaching", "duplicate key"}}},
		{"duplicate key inside a rating", rating(`{"level":2,"level":3}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "duplicate key"}}},

		// Levels.
		{"level -1", rating(`{"level":-1}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "below"}}},
		{"level 6", rating(`{"level":6}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "above"}}},
		{"level 99", rating(`{"level":99}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "above"}}},
		{"fractional level", rating(`{"level":2.5}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "integer"}}},
		{"level 1e2", rating(`{"level":1e2}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "100 is above"}}},
		{"level -1.0", rating(`{"level":-1.0}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "-1 is below"}}},
		{"level beyond int64", rating(`{"level":1e400}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "out of range"}}},
		{"level as string", rating(`{"level":"3"}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "expected an integer"}}},
		{"level as boolean", rating(`{"level":true}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "expected an integer"}}},

		// Wrong types.
		{"id number", `{"id":42}`, profile.Loader{}, []problem{{"/id", "expected a string"}}},
		{"name boolean", `{"id":"alex","name":true}`, profile.Loader{}, []problem{{"/name", "expected a string"}}},
		{"ratings array", `{"id":"alex","ratings":[]}`, profile.Loader{}, []problem{{"/ratings", "expected an object"}}},
		{"rating number", `{"id":"alex","ratings":{"coaching":3}}`, profile.Loader{}, []problem{{"/ratings/coaching", "expected an object"}}},
		{"evidence string", rating(`{"level":2,"evidence":"a report"}`), profile.Loader{}, []problem{{"/ratings/coaching/evidence", "expected an array"}}},
		{"evidence element number", rating(`{"level":2,"evidence":["ok",7]}`), profile.Loader{}, []problem{{"/ratings/coaching/evidence/1", "expected a string"}}},
		{"note number", rating(`{"level":2,"note":5}`), profile.Loader{}, []problem{{"/ratings/coaching/note", "expected a string"}}},
		{"source number", rating(`{"level":2,"source":1}`), profile.Loader{}, []problem{{"/ratings/coaching/source", "expected a string"}}},
		{"assessedAt number", rating(`{"level":2,"assessedAt":20260331}`), profile.Loader{}, []problem{{"/ratings/coaching/assessedAt", "expected a string"}}},
		{"top-level array", `[{"id":"alex"}]`, profile.Loader{}, []problem{{"", "expected an object"}}},
		{"top-level string", `"alex"`, profile.Loader{}, []problem{{"", "expected an object"}}},

		// Sources.
		{"unknown source", rating(`{"level":2,"source":"boss"}`), profile.Loader{}, []problem{{"/ratings/coaching/source", "unknown source"}}},
		{"source capitalised", rating(`{"level":2,"source":"Self"}`), profile.Loader{}, []problem{{"/ratings/coaching/source", "unknown source"}}},
		{"source by human name", rating(`{"level":2,"source":"direct report"}`), profile.Loader{}, []problem{{"/ratings/coaching/source", "unknown source"}}},

		// Dates.
		{"month 13", rating(`{"level":2,"assessedAt":"2026-13-01"}`), profile.Loader{}, []problem{{"/ratings/coaching/assessedAt", "YYYY-MM-DD"}}},
		{"day-first date", rating(`{"level":2,"assessedAt":"31/12/2026"}`), profile.Loader{}, []problem{{"/ratings/coaching/assessedAt", "YYYY-MM-DD"}}},
		{"February 30", rating(`{"level":2,"assessedAt":"2026-02-30"}`), profile.Loader{}, []problem{{"/ratings/coaching/assessedAt", "YYYY-MM-DD"}}},
		{"February 29 in a common year", rating(`{"level":2,"assessedAt":"2026-02-29"}`), profile.Loader{}, []problem{{"/ratings/coaching/assessedAt", "YYYY-MM-DD"}}},
		{"date without zero padding", rating(`{"level":2,"assessedAt":"2026-3-1"}`), profile.Loader{}, []problem{{"/ratings/coaching/assessedAt", "YYYY-MM-DD"}}},
		{"date and time", rating(`{"level":2,"assessedAt":"2026-03-31T09:00:00Z"}`), profile.Loader{}, []problem{{"/ratings/coaching/assessedAt", "YYYY-MM-DD"}}},

		// Rating IDs.
		{"upper-case ID", `{"id":"alex","ratings":{"Coaching":{"level":2}}}`, profile.Loader{}, []problem{{"/ratings/Coaching", "well-formed"}}},
		{"ID with spaces", `{"id":"alex","ratings":{"building trust":{"level":2}}}`, profile.Loader{}, []problem{{"/ratings/building trust", "well-formed"}}},
		{"empty ID", `{"id":"alex","ratings":{"":{"level":2}}}`, profile.Loader{}, []problem{{"/ratings/", "well-formed"}}},
		{"ID with a slash is escaped in the pointer", `{"id":"alex","ratings":{"a/b~c":{"level":2}}}`, profile.Loader{}, []problem{{"/ratings/a~1b~0c", "well-formed"}}},
		{"ID with a leading hyphen", `{"id":"alex","ratings":{"-coaching":{"level":2}}}`, profile.Loader{}, []problem{{"/ratings/-coaching", "well-formed"}}},
		{"ID too long", `{"id":"alex","ratings":{"` + strings.Repeat("a", competency.MaxIDLen+1) + `":{"level":2}}}`, profile.Loader{}, []problem{{"/ratings/" + strings.Repeat("a", competency.MaxIDLen+1), "well-formed"}}},

		// Missing ID.
		{"missing id", `{"name":"Alex","ratings":{"coaching":{"level":2}}}`, profile.Loader{}, []problem{{"", `missing required field "id"`}}},
		{"empty object", `{}`, profile.Loader{}, []problem{{"", `missing required field "id"`}}},
		{"empty id", `{"id":""}`, profile.Loader{}, []problem{{"/id", "no ID"}}},

		// Missing level.
		{"missing level", rating(`{"source":"self"}`), profile.Loader{}, []problem{{"/ratings/coaching", `missing required field "level"`}}},
		{"empty rating", rating(`{}`), profile.Loader{}, []problem{{"/ratings/coaching", `missing required field "level"`}}},

		// Nulls.
		{"null document", `null`, profile.Loader{}, []problem{{"", "null"}}},
		{"null id", `{"id":null}`, profile.Loader{}, []problem{{"/id", "null"}}},
		{"null ratings", `{"id":"alex","ratings":null}`, profile.Loader{}, []problem{{"/ratings", "null"}}},
		{"null rating", `{"id":"alex","ratings":{"coaching":null}}`, profile.Loader{}, []problem{{"/ratings/coaching", "null"}}},
		{"null level", rating(`{"level":null}`), profile.Loader{}, []problem{{"/ratings/coaching/level", "null"}}},
		{"null source", rating(`{"level":2,"source":null}`), profile.Loader{}, []problem{{"/ratings/coaching/source", "null"}}},
		{"null evidence", rating(`{"level":2,"evidence":null}`), profile.Loader{}, []problem{{"/ratings/coaching/evidence", "null"}}},
		{"null evidence element", rating(`{"level":2,"evidence":[null]}`), profile.Loader{}, []problem{{"/ratings/coaching/evidence/0", "null"}}},

		// Malformed documents.
		{"empty body", ``, profile.Loader{}, []problem{{"", "empty"}}},
		{"white space only", " \n\t\r ", profile.Loader{}, []problem{{"", "empty"}}},
		{"truncated object", `{"id":"alex"`, profile.Loader{}, []problem{{"", "truncated"}}},
		{"truncated after a colon", `{"id":`, profile.Loader{}, []problem{{"/id", "truncated"}}},
		{"truncated inside a rating", `{"id":"alex","ratings":{"coaching":{"level":`, profile.Loader{}, []problem{{"/ratings/coaching/level", "truncated"}}},
		{"truncated string", `{"id":"al`, profile.Loader{}, []problem{{"/id", "truncated"}}},
		{"trailing garbage", `{"id":"alex"} x`, profile.Loader{}, []problem{{"", "after the document"}}},
		{"two documents", `{"id":"alex"}{"id":"sam"}`, profile.Loader{}, []problem{{"", "after the document"}}},
		{"trailing comma", `{"id":"alex",}`, profile.Loader{}, []problem{{"", "malformed JSON"}}},
		{"single quotes", `{'id':'alex'}`, profile.Loader{}, []problem{{"", "malformed JSON"}}},
		{"byte-order mark", "\xef\xbb\xbf" + `{"id":"alex"}`, profile.Loader{}, []problem{{"", "byte-order mark"}}},
		{"invalid UTF-8", `{"id":"al` + "\xff" + `ex"}`, profile.Loader{}, []problem{{"", "UTF-8"}}},
		{"over the size bound", big, profile.Loader{MaxBytes: 100}, []problem{{"", "limit of 100 bytes"}}},
		{"over the default size bound", `{"id":"alex","name":"` + strings.Repeat("x", profile.DefaultMaxBytes) + `"}`, profile.Loader{}, []problem{{"", "larger than the limit"}}},
		{"nested deeper than the default bound", deep, profile.Loader{}, []problem{{"/x" + strings.Repeat("/0", 63), "deeper than the limit of 64"}}},
		{"nested a million deep", huge, profile.Loader{}, []problem{{"/x" + strings.Repeat("/0", 63), "deeper than the limit of 64"}}},
		{"nested deeper than a custom bound", rating(`{"level":2}`), profile.Loader{MaxDepth: 2}, []problem{{"/ratings/coaching", "deeper than the limit of 2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.loader.Load(strings.NewReader(tt.doc))
			checkProblems(t, err, tt.want)
			if diff := cmp.Diff(profile.Profile{}, p); diff != "" {
				t.Errorf("a failed Load returned a non-zero profile (-want +got):\n%s", diff)
			}
			if tt.loader == (profile.Loader{}) {
				_, err2 := profile.Load(strings.NewReader(tt.doc))
				if diff := cmp.Diff(err.Error(), errString(err2)); diff != "" {
					t.Errorf("profile.Load and Loader{}.Load disagree (-Loader +Load):\n%s", diff)
				}
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestLoadReader(t *testing.T) {
	t.Run("nil reader", func(t *testing.T) {
		_, err := profile.Load(nil)
		checkProblems(t, err, []problem{{"", "nil reader"}})
	})
	t.Run("read error", func(t *testing.T) {
		_, err := profile.Load(iotest.ErrReader(errors.New("disk on fire")))
		checkProblems(t, err, []problem{{"", "disk on fire"}})
	})
	t.Run("one byte at a time", func(t *testing.T) {
		p, err := profile.Load(iotest.OneByteReader(strings.NewReader(`{"id":"alex","ratings":{"coaching":{"level":2}}}`)))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Level(aoe.Coaching); got != competency.AdvancedBeginner {
			t.Errorf("Level(coaching) = %v, want %v", got, competency.AdvancedBeginner)
		}
	})
}

func TestLoaderMaxBytesBoundary(t *testing.T) {
	doc := `{"id":"alex","name":"` + strings.Repeat("x", 100-len(`{"id":"alex","name":""}`)) + `"}`
	if len(doc) != 100 {
		t.Fatalf("test document is %d bytes, want 100", len(doc))
	}
	p, err := profile.Loader{MaxBytes: 100}.Load(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("a document of exactly MaxBytes was rejected: %v", err)
	}
	if want := strings.Repeat("x", 77); p.Name != want {
		t.Errorf("Name = %q, want %q", p.Name, want)
	}
	_, err = profile.Loader{MaxBytes: 99}.Load(strings.NewReader(doc))
	checkProblems(t, err, []problem{{"", "limit of 99 bytes"}})
}

func TestLoadReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []problem
	}{
		{
			name: "type problems everywhere",
			doc: `{"id":5,"nmae":"Alex","ratings":{` +
				`"coaching":{"level":"high","source":3,"extra":true},` +
				`"building-trust":{"level":2.5,"evidence":"x","note":[]}}}`,
			want: []problem{
				{"/id", "expected a string"},
				{"/nmae", "unknown field"},
				{"/ratings/coaching/level", "expected an integer"},
				{"/ratings/coaching/source", "expected a string"},
				{"/ratings/coaching/extra", "unknown field"},
				{"/ratings/building-trust/level", "expected an integer"},
				{"/ratings/building-trust/evidence", "expected an array"},
				{"/ratings/building-trust/note", "expected a string"},
			},
		},
		{
			name: "every duplicate key",
			doc:  `{"id":"a","id":"b","ratings":{"coaching":{"level":1,"level":2},"coaching":{"level":3}}}`,
			want: []problem{
				{"/id", "duplicate key"},
				{"/ratings/coaching/level", "duplicate key"},
				{"/ratings/coaching", "duplicate key"},
			},
		},
		{
			name: "validation problems everywhere",
			doc: `{"id":"alex","ratings":{` +
				`"Bad ID":{"level":6,"source":"boss","assessedAt":"2026-02-30"},` +
				`"coaching":{"level":-1,"source":"Self","assessedAt":"31/12/2026"}}}`,
			want: []problem{
				{"/ratings/Bad ID", "well-formed"},
				{"/ratings/Bad ID/level", "above"},
				{"/ratings/Bad ID/source", "unknown source"},
				{"/ratings/Bad ID/assessedAt", "YYYY-MM-DD"},
				{"/ratings/coaching/level", "below"},
				{"/ratings/coaching/source", "unknown source"},
				{"/ratings/coaching/assessedAt", "YYYY-MM-DD"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := profile.Load(strings.NewReader(tt.doc))
			checkProblems(t, err, tt.want)
		})
	}
}

// TestLoadReportsStructuralAndValueProblemsTogether checks the design's
// promise that a user can fix a document in one pass: a document with a
// structural problem (unknown field, duplicate key, wrong type, missing
// field) and a problem of value (level off the scale, unknown source, bad
// date) names both places. Only the set of places is compared: which check
// words the message, and in what order, is the package's choice.
func TestLoadReportsStructuralAndValueProblemsTogether(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{
			name: "unknown field and level off the scale",
			doc:  `{"id":"alex","ratings":{"coaching":{"level":9,"extra":1}}}`,
			want: []string{"/ratings/coaching/extra", "/ratings/coaching/level"},
		},
		{
			name: "duplicate key and unknown source",
			doc:  `{"id":"alex","id":"alex","ratings":{"coaching":{"level":2,"source":"boss"}}}`,
			want: []string{"/id", "/ratings/coaching/source"},
		},
		{
			name: "wrong type and missing ID",
			doc:  `{"name":7,"ratings":{"coaching":{"level":2}}}`,
			want: []string{"", "/name"},
		},
		{
			name: "wrong type in one rating, bad values in another",
			doc:  `{"id":"alex","ratings":{"coaching":{"level":"high"},"building-trust":{"level":6,"source":"Self","assessedAt":"2026-13-01"}}}`,
			want: []string{"/ratings/building-trust/assessedAt", "/ratings/building-trust/level", "/ratings/building-trust/source", "/ratings/coaching/level"},
		},
		{
			name: "missing ID and bad values",
			doc:  `{"name":"Alex","ratings":{"coaching":{"level":9,"source":"boss","assessedAt":"31/12/2026"}}}`,
			want: []string{"", "/ratings/coaching/assessedAt", "/ratings/coaching/level", "/ratings/coaching/source"},
		},
		{
			name: "missing level and unknown source",
			doc:  `{"id":"alex","ratings":{"coaching":{"source":"boss","assessedAt":"2026-13-01"}}}`,
			want: []string{"/ratings/coaching", "/ratings/coaching/assessedAt", "/ratings/coaching/source"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := profile.Load(strings.NewReader(tt.doc))
			var ve *profile.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Load error = %v, want a *profile.ValidationError", err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Path)
			}
			slices.Sort(got)
			got = slices.Compact(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("places of the problems (-want +got):\n%s\nerror:\n%v", diff, err)
			}
		})
	}
}

// TestLoadDeterministic loads each bad document many times: the design
// promises the same output for the same input, so every error must be the
// same as the first (Go randomises map order, so one try proves little).
func TestLoadDeterministic(t *testing.T) {
	docs := []string{
		`{"id":"alex","name":"A","ratings":{"-coaching":{"level":2}}}`,
		`{"id":"alex","name":"A","ratings":{"Coaching":{"level":9,"source":"boss"},"a/b":{"level":1},"coaching":{"level":2,"x":1}}}`,
		`{"name":7,"ratings":{"building trust":{"level":"x"},"coaching":{"source":"Self","assessedAt":"2026-02-30"}}}`,
	}
	for _, doc := range docs {
		_, first := profile.Load(strings.NewReader(doc))
		if first == nil {
			t.Fatalf("Load(%s) = nil error", doc)
		}
		for range 200 {
			_, err := profile.Load(strings.NewReader(doc))
			if diff := cmp.Diff(first.Error(), errString(err)); diff != "" {
				t.Errorf("Load(%s) is not deterministic (-first +later):\n%s", doc, diff)
				break
			}
		}
	}
}

// TestLoadCapsProblems: a document with a problem in each of 16,000
// ratings lists the first 1,000 problems, in order, and counts the rest.
func TestLoadCapsProblems(t *testing.T) {
	const n = 16000
	var b strings.Builder
	b.WriteString(`{"id":"alex","ratings":{`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"c%05d":{"level":"x"}`, i)
	}
	b.WriteString(`}}`)
	if b.Len() >= profile.DefaultMaxBytes {
		t.Fatalf("test document is %d bytes, over the bound", b.Len())
	}
	_, err := profile.Load(strings.NewReader(b.String()))
	var ve *profile.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Load error = %v, want a *profile.ValidationError", err)
	}
	type summary struct {
		Listed, Omitted int
		First, Last     string
	}
	got := summary{Listed: len(ve.Problems), Omitted: ve.Omitted}
	if len(ve.Problems) > 0 {
		got.First, got.Last = ve.Problems[0].Path, ve.Problems[len(ve.Problems)-1].Path
	}
	want := summary{Listed: 1000, Omitted: n - 1000, First: "/ratings/c00000/level", Last: "/ratings/c00999/level"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if lines := strings.Count(err.Error(), "\n") + 1; lines != 1001 {
		t.Errorf("Error() has %d lines, want 1,000 problems and a count", lines)
	}
	// Validate caps the same way.
	p := profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{}}
	for i := range n {
		p.Ratings[competency.ID(fmt.Sprintf("c%05d", i))] = profile.Rating{Level: 9}
	}
	err = p.Validate()
	if !errors.As(err, &ve) {
		t.Fatalf("Validate error = %v, want a *profile.ValidationError", err)
	}
	got = summary{Listed: len(ve.Problems), Omitted: ve.Omitted, First: ve.Problems[0].Path, Last: ve.Problems[len(ve.Problems)-1].Path}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate problems (-want +got):\n%s", diff)
	}
}

// TestErrorOneLinePerProblem checks the promise of ValidationError.Error:
// one line per problem, each starting with "profile: ", even when a
// pointer holds a key with a line break (which a document may spell as
// "\n" or "\u000a"). A raw line break would let a document forge lines in
// a log.
func TestErrorOneLinePerProblem(t *testing.T) {
	tests := []struct {
		name  string
		load  string          // a document to Load, or
		p     profile.Profile // a profile to Validate
		lines int
	}{
		{name: "unknown field with a line break", load: `{"id":"alex","a\nprofile: /id: forged":1}`, lines: 1},
		{name: "rating ID with a line break", load: `{"id":"alex","ratings":{"x\u000ay":{"level":1}}}`, lines: 1},
		{name: "truncated after a key with a line break", load: `{"id":"alex","\n":`, lines: 1},
		{name: "Go-built rating ID with a line break", p: profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{"x\ny": {Level: 9}}}, lines: 2},
		{name: "Go-built rating ID with a carriage return", p: profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{"x\ry": {}}}, lines: 1},
		{name: "Go-built rating ID with a line separator", p: profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{"x\u2028y\u0085z\vw\fv": {}}}, lines: 1},
		{name: "unknown field with a paragraph separator", load: `{"id":"alex","a\u2029b":1}`, lines: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.load != "" {
				_, err = profile.Load(strings.NewReader(tt.load))
			} else {
				err = tt.p.Validate()
			}
			if err == nil {
				t.Fatal("no error")
			}
			lines := strings.FieldsFunc(err.Error(), func(r rune) bool { return strings.ContainsRune("\n\r\v\f\u0085\u2028\u2029", r) })
			if len(lines) != tt.lines {
				t.Errorf("Error() has %d lines, want %d:\n%q", len(lines), tt.lines, err.Error())
			}
			for _, line := range lines {
				if !strings.HasPrefix(line, "profile: ") {
					t.Errorf("Error() line %q does not start with %q", line, "profile: ")
				}
			}
		})
	}
}

const fullDoc = `{
  "id": "e-1042",
  "name": "Alex Kim",
  "ratings": {
    "thinking-strategically": {"level": 4, "source": "manager", "assessedAt": "2026-03-31",
                               "evidence": ["Q1 strategy review", "https://example.com/okr"],
                               "note": "Led the 2026 plan."},
    "coaching": {"level": 2, "source": "self"},
    "building-trust": {"level": 5, "source": "peer", "assessedAt": "2024-02-29"},
    "driving-results": {"level": 3, "source": "direct-report", "evidence": []},
    "designing-learning": {"level": 1, "source": "assessment", "note": "Certificate <pending> & \"queued\""},
    "evaluating-learning-impact": {"level": 0},
    "managing-the-learning-function": {"level": 3, "source": "", "assessedAt": ""}
  }
}`

func fullProfile() profile.Profile {
	return profile.Profile{
		ID:   "e-1042",
		Name: "Alex Kim",
		Ratings: map[competency.ID]profile.Rating{
			competency.ThinkingStrategically: {
				Level: competency.Proficient, Source: profile.Manager, AssessedAt: "2026-03-31",
				Evidence: []string{"Q1 strategy review", "https://example.com/okr"},
				Note:     "Led the 2026 plan.",
			},
			aoe.Coaching:                     {Level: competency.AdvancedBeginner, Source: profile.Self},
			competency.BuildingTrust:         {Level: competency.Expert, Source: profile.Peer, AssessedAt: "2024-02-29"},
			competency.DrivingResults:        {Level: competency.Competent, Source: profile.DirectReport}, // "evidence": [] loads as nil, as it encodes
			aoe.DesigningLearning:            {Level: competency.Novice, Source: profile.Assessment, Note: `Certificate <pending> & "queued"`},
			"evaluating-learning-impact":     {Level: competency.None},
			"managing-the-learning-function": {Level: competency.Competent},
		},
	}
}

func TestLoadValid(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want profile.Profile
	}{
		{"every field", fullDoc, fullProfile()},
		{"no ratings", `{"id":"alex"}`, profile.Profile{ID: "alex"}},
		{"empty ratings load as nil, as they encode", `{"id":"alex","name":"Alex","ratings":{}}`, profile.Profile{ID: "alex", Name: "Alex"}},
		{"level with a fraction of zero", rating(`{"level":3.0}`),
			profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{aoe.Coaching: {Level: competency.Competent}}}},
		{"level with an exponent", rating(`{"level":3e0}`),
			profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{aoe.Coaching: {Level: competency.Competent}}}},
		{"level 0.5e1", rating(`{"level":0.5e1}`),
			profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{aoe.Coaching: {Level: competency.Expert}}}},
		{"white space around the document", "\n\t " + `{"id":"alex"}` + " \r\n", profile.Profile{ID: "alex"}},
		{"unicode name and escapes", `{"id":"\u0065mile","name":"Émile Zola \ud83d\ude00"}`, profile.Profile{ID: "emile", Name: "Émile Zola 😀"}},
		{"negative zero level", rating(`{"level":-0}`), profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{aoe.Coaching: {}}}},
		{"ID at the length bound", `{"id":"alex","ratings":{"` + strings.Repeat("a", competency.MaxIDLen) + `":{"level":1}}}`,
			profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{competency.ID(strings.Repeat("a", competency.MaxIDLen)): {Level: 1}}}},
		{"February 29 in a leap year", rating(`{"level":1,"assessedAt":"2028-02-29"}`),
			profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{aoe.Coaching: {Level: 1, AssessedAt: "2028-02-29"}}}},
		{"nested exactly to the bound", rating(`{"level":1,"evidence":["x"]}`),
			profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{aoe.Coaching: {Level: 1, Evidence: []string{"x"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := profile.Load(strings.NewReader(tt.doc))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Load (-want +got):\n%s", diff)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("Validate of a loaded profile: %v", err)
			}

			// Encode, then decode: nothing is lost. The only change
			// allowed is an empty map or slice coming back as nil, as
			// omitempty drops it.
			data, err := json.Marshal(got)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			again, err := profile.Load(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("Load(Marshal(p)): %v\n%s", err, data)
			}
			if diff := cmp.Diff(got, again, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Load(Marshal(p)) (-before +after):\n%s", diff)
			}
		})
	}
}

func TestLoadCustomDepthAllowsProfile(t *testing.T) {
	// A profile is at most four levels deep: document, ratings, rating,
	// evidence.
	doc := rating(`{"level":1,"evidence":["x"]}`)
	if _, err := (profile.Loader{MaxDepth: 4}).Load(strings.NewReader(doc)); err != nil {
		t.Errorf("MaxDepth 4: %v", err)
	}
	_, err := profile.Loader{MaxDepth: 3}.Load(strings.NewReader(doc))
	checkProblems(t, err, []problem{{"/ratings/coaching/evidence", "deeper than the limit of 3"}})
}

func TestMarshal(t *testing.T) {
	p := profile.Profile{
		ID: "alex",
		Ratings: map[competency.ID]profile.Rating{
			competency.ThinkingStrategically: {Level: 4, Source: profile.Manager},
			aoe.Coaching:                     {Level: 2, Source: profile.Self, Evidence: []string{"log"}},
			competency.BuildingTrust:         {},
		},
	}
	got, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"alex","ratings":{"building-trust":{"level":0},"coaching":{"level":2,"source":"self","evidence":["log"]},"thinking-strategically":{"level":4,"source":"manager"}}}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("Marshal (-want +got):\n%s", diff)
	}
}

func TestValidate(t *testing.T) {
	one := func(id competency.ID, r profile.Rating) profile.Profile {
		return profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{id: r}}
	}
	tests := []struct {
		name string
		p    profile.Profile
		want []problem // nil: valid
	}{
		{"zero profile", profile.Profile{}, []problem{{"/id", "no ID"}}},
		{"ID only", profile.Profile{ID: "alex"}, nil},
		{"empty ratings", profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{}}, nil},
		{"full profile", fullProfile(), nil},
		{"every level on the scale", profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{
			"a": {Level: 0}, "b": {Level: 1}, "c": {Level: 2}, "d": {Level: 3}, "e": {Level: 4}, "f": {Level: 5},
		}}, nil},
		{"level 7", one(aoe.Coaching, profile.Rating{Level: 7}), []problem{{"/ratings/coaching/level", "7 is above the scale's top level 5"}}},
		{"level 6", one(aoe.Coaching, profile.Rating{Level: 6}), []problem{{"/ratings/coaching/level", "above"}}},
		{"level -1", one(aoe.Coaching, profile.Rating{Level: -1}), []problem{{"/ratings/coaching/level", "-1 is below the scale's bottom level 0"}}},
		{"bad source", one(aoe.Coaching, profile.Rating{Level: 1, Source: "boss"}), []problem{{"/ratings/coaching/source", `unknown source "boss"`}}},
		{"capitalised source", one(aoe.Coaching, profile.Rating{Level: 1, Source: "Manager"}), []problem{{"/ratings/coaching/source", `"Manager"`}}},
		{"bad date", one(aoe.Coaching, profile.Rating{Level: 1, AssessedAt: "2026-02-30"}), []problem{{"/ratings/coaching/assessedAt", `"2026-02-30"`}}},
		{"date with time", one(aoe.Coaching, profile.Rating{Level: 1, AssessedAt: "2026-02-03 10:00"}), []problem{{"/ratings/coaching/assessedAt", "YYYY-MM-DD"}}},
		{"malformed ID", one("Building Trust", profile.Rating{Level: 1}), []problem{{"/ratings/Building Trust", `"Building Trust" is not a well-formed ID`}}},
		{"ID with double hyphen", one("building--trust", profile.Rating{Level: 1}), []problem{{"/ratings/building--trust", "well-formed"}}},
		{"ID with trailing hyphen", one("trust-", profile.Rating{Level: 1}), []problem{{"/ratings/trust-", "well-formed"}}},
		{"non-ASCII ID", one("büro", profile.Rating{Level: 1}), []problem{{"/ratings/büro", "well-formed"}}},
		{"empty rating ID", one("", profile.Rating{Level: 1}), []problem{{"/ratings/", "well-formed"}}},
		{"invalid UTF-8 profile ID", profile.Profile{ID: "al\xffex"}, []problem{{"/id", "UTF-8"}}},
		{"invalid UTF-8 name", profile.Profile{ID: "alex", Name: "\xc3"}, []problem{{"/name", "UTF-8"}}},
		{"invalid UTF-8 evidence", one(aoe.Coaching, profile.Rating{Level: 1, Evidence: []string{"ok", "\xff"}}), []problem{{"/ratings/coaching/evidence/1", "UTF-8"}}},
		{"invalid UTF-8 note", one(aoe.Coaching, profile.Rating{Level: 1, Note: "\xff"}), []problem{{"/ratings/coaching/note", "UTF-8"}}},
		{"everything wrong, in ID order", profile.Profile{
			Ratings: map[competency.ID]profile.Rating{
				"zeta":           {Level: 7},
				"Alpha":          {Level: -3, Source: "boss", AssessedAt: "yesterday"},
				aoe.Coaching:     {Level: 5, Source: profile.DirectReport, AssessedAt: "2026-01-31"},
				"building trust": {Level: 2},
			},
		}, []problem{
			{"/id", "no ID"},
			{"/ratings/Alpha", "well-formed"},
			{"/ratings/Alpha/level", "below"},
			{"/ratings/Alpha/source", "unknown source"},
			{"/ratings/Alpha/assessedAt", "YYYY-MM-DD"},
			{"/ratings/building trust", "well-formed"},
			{"/ratings/zeta/level", "above"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.p.Clone()
			err := tt.p.Validate()
			if tt.want == nil {
				if err != nil {
					t.Errorf("Validate() = %v, want nil", err)
				}
			} else {
				checkProblems(t, err, tt.want)
			}
			if diff := cmp.Diff(before, tt.p); diff != "" {
				t.Errorf("Validate changed the profile (-before +after):\n%s", diff)
			}
		})
	}
}

func TestSource(t *testing.T) {
	tests := []struct {
		s     profile.Source
		valid bool
		str   string
	}{
		{profile.Unstated, true, "unstated"},
		{profile.Self, true, "self"},
		{profile.Manager, true, "manager"},
		{profile.Peer, true, "peer"},
		{profile.DirectReport, true, "direct report"},
		{profile.Assessment, true, "assessment"},
		{"boss", false, "boss"},
		{"Self", false, "Self"},
		{"direct report", false, "direct report"},
		{" self", false, " self"},
	}
	for _, tt := range tests {
		if got := tt.s.Valid(); got != tt.valid {
			t.Errorf("Source(%q).Valid() = %v, want %v", string(tt.s), got, tt.valid)
		}
		if got := tt.s.String(); got != tt.str {
			t.Errorf("Source(%q).String() = %q, want %q", string(tt.s), got, tt.str)
		}
	}
}

func TestSources(t *testing.T) {
	want := []profile.Source{"self", "manager", "peer", "direct-report", "assessment"}
	got := profile.Sources()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("Sources() (-want +got):\n%s", diff)
	}
	for _, s := range got {
		if !s.Valid() {
			t.Errorf("Sources() holds %q, which is not Valid", string(s))
		}
	}
	got[0] = "boss"
	if diff := cmp.Diff(want, profile.Sources()); diff != "" {
		t.Errorf("changing the result of Sources() changed the next call (-want +got):\n%s", diff)
	}
	if profile.Source("boss").Valid() {
		t.Error(`after changing a Sources() result, Source("boss").Valid() = true`)
	}
}

func TestLevel(t *testing.T) {
	p := fullProfile()
	tests := []struct {
		p    profile.Profile
		id   competency.ID
		want competency.Level
	}{
		{p, competency.ThinkingStrategically, competency.Proficient},
		{p, competency.BuildingTrust, competency.Expert},
		{p, "evaluating-learning-impact", competency.None},
		{p, competency.LeveragingDiversity, competency.None},
		{p, "no-such-id", competency.None},
		{profile.Profile{ID: "alex"}, aoe.Coaching, competency.None},
	}
	for _, tt := range tests {
		if got := tt.p.Level(tt.id); got != tt.want {
			t.Errorf("Level(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestClone(t *testing.T) {
	orig := fullProfile()
	c := orig.Clone()
	if diff := cmp.Diff(orig, c); diff != "" {
		t.Fatalf("Clone differs (-orig +clone):\n%s", diff)
	}

	r := c.Ratings[competency.ThinkingStrategically]
	r.Evidence[0] = "changed"
	r.Evidence = append(r.Evidence, "added")
	r.Level = competency.Novice
	c.Ratings[competency.ThinkingStrategically] = r
	c.Ratings["new-one"] = profile.Rating{Level: 3}
	delete(c.Ratings, aoe.Coaching)
	c.ID, c.Name = "other", "Other"

	if diff := cmp.Diff(fullProfile(), orig); diff != "" {
		t.Errorf("changing the clone changed the original (-want +got):\n%s", diff)
	}

	// Changing the original's evidence does not reach an earlier clone.
	c2 := orig.Clone()
	orig.Ratings[competency.ThinkingStrategically].Evidence[1] = "mutated"
	if got := c2.Ratings[competency.ThinkingStrategically].Evidence[1]; got != "https://example.com/okr" {
		t.Errorf("changing the original's evidence changed the clone: got %q", got)
	}

	// Nil and empty stay as they are.
	if got := (profile.Profile{ID: "a"}).Clone(); got.Ratings != nil {
		t.Errorf("Clone of nil Ratings = %#v, want nil", got.Ratings)
	}
	if got := (profile.Profile{ID: "a", Ratings: map[competency.ID]profile.Rating{}}).Clone(); got.Ratings == nil {
		t.Error("Clone of empty Ratings = nil, want an empty map")
	}
}

func TestIDs(t *testing.T) {
	got := fullProfile().IDs()
	want := []competency.ID{
		"building-trust", "coaching", "designing-learning", "driving-results",
		"evaluating-learning-impact", "managing-the-learning-function", "thinking-strategically",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IDs() (-want +got):\n%s", diff)
	}
	if got := (profile.Profile{ID: "a"}).IDs(); len(got) != 0 {
		t.Errorf("IDs() of a profile without ratings = %q, want none", got)
	}
}

func TestValidationErrorJSON(t *testing.T) {
	_, err := profile.Load(strings.NewReader(`{"id":"alex","ratings":{"coaching":{"level":9}}}`))
	var ve *profile.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Load error = %v, want a *profile.ValidationError", err)
	}
	got, jerr := json.Marshal(ve)
	if jerr != nil {
		t.Fatal(jerr)
	}
	want := `{"problems":[{"path":"/ratings/coaching/level","message":"9 is above the scale's top level 5"}]}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("JSON of the error (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("profile: /ratings/coaching/level: 9 is above the scale's top level 5", err.Error()); diff != "" {
		t.Errorf("Error() (-want +got):\n%s", diff)
	}
}

// fuzzFileSeeds returns the example profiles and the profile documents of
// the bad-input catalogue (../testdata/bad), the seeds FuzzLoad starts
// from besides its own: read here rather than copied into the corpus.
func fuzzFileSeeds(f *testing.F) [][]byte {
	f.Helper()
	var out [][]byte
	examples, err := filepath.Glob("../examples/data/*.json")
	if err != nil || len(examples) == 0 {
		f.Fatalf("no example profiles: %v", err)
	}
	manifest, err := os.ReadFile("../testdata/bad/cases.json")
	if err != nil {
		f.Fatal(err)
	}
	var cases []struct {
		File   string `json:"file"`
		Loader string `json:"loader"`
	}
	if err := json.Unmarshal(manifest, &cases); err != nil {
		f.Fatal(err)
	}
	files := examples
	for _, c := range cases {
		if strings.HasPrefix(c.Loader, "profile") {
			files = append(files, filepath.Join("..", "testdata", "bad", c.File))
		}
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		fullDoc,
		`{"id":"alex"}`,
		`{"id":"alex","name":"Alex Kim","ratings":{"thinking-strategically":{"level":4,"source":"manager"},"coaching":{"level":2,"source":"self"}}}`,
		`{"id":"a","ratings":{"coaching":{"level":5,"assessedAt":"2028-02-29","evidence":["x","y"],"note":"n"}}}`,
		`{"id":"a","ratings":{}}`,
		`{"id":"a","ratings":{"coaching":{"level":2},"coaching":{"level":5}}}`,
		`{"id":"a","ratings":{"Coaching":{"level":6,"source":"boss","assessedAt":"2026-02-30"}}}`,
		`{"id":"a","ratings":{"coaching":{"level":2.5}}}`,
		`{"id":"a","ratings":{"coaching":{"level":"3"}}}`,
		`{"id":null}`,
		`null`,
		``,
		`{"id":"a"`,
		`{"id":"a"} x`,
		"\xef\xbb\xbf{\"id\":\"a\"}",
		"{\"id\":\"a\xff\"}",
		`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
		`{"id":"\ud800","name":"\u003c&\u2028"}`,
		`{"id":"alex","ratings":{"trust":{"level":3}},"reviews":[{"rater":"Sam","source":"peer","assessedAt":"2026-01-15","levels":{"trust":3,"speak":2}},{"rater":"Kim","source":"manager","levels":{"trust":4}}]}`,
	} {
		f.Add([]byte(seed))
	}
	for _, b := range fuzzFileSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := profile.Load(bytes.NewReader(data))
		if err != nil {
			var ve *profile.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("Load error %v (%T) is not a *ValidationError with problems", err, err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "profile: ") {
					t.Fatalf("error line %q does not start with %q", line, "profile: ")
				}
			}
			if diff := cmp.Diff(profile.Profile{}, p); diff != "" {
				t.Fatalf("a failed Load returned a non-zero profile:\n%s", diff)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("Load accepted a profile that Validate rejects: %v\ninput: %q", err, data)
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		again, err := profile.Load(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("Load(Marshal(p)): %v\ninput: %q\nencoded: %s", err, data, out)
		}
		if diff := cmp.Diff(p, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("Load(Marshal(p)) differs (-first +second):\n%s\ninput: %q", diff, data)
		}
	})
}
