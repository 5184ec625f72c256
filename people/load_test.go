package people

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/problem"
)

// TestLoad checks that load reports every problem of a document at
// once, in the loaders' words: the strict loader's, the profile's own
// checks and the framework's, each once.
func TestLoad(t *testing.T) {
	l2 := loadFramework(t, filepath.Join("..", "examples", "frameworks", "learning2.json"))
	const unknownCoachin = `unknown competency or area "coachin" in framework "astd-2004"; did you mean "coaching"?`
	tests := []struct {
		name   string
		doc    string
		f      *wlp.Framework
		max    int64
		wantID string
		want   []string // "path: message"
	}{
		{name: "valid", doc: `{"id":"a","ratings":{"coaching":{"level":3}}}`, wantID: "a"},
		{name: "an ID another framework knows", f: l2,
			doc: `{"id":"a","ratings":{"community-platforms":{"level":3}}}`, wantID: "a"},
		{name: "an ID the framework does not know",
			doc:  `{"id":"a","ratings":{"coachin":{"level":3}}}`,
			want: []string{"/ratings/coachin: " + unknownCoachin}},
		{name: "a level as text, a level above the scale, an unknown ID",
			doc: `{"id":"cy","ratings":{"coaching":{"level":"3"},"bulding-trust":{"level":4},"designing-learning":{"level":7}}}`,
			want: []string{
				`/ratings/coaching/level: expected an integer, found the string "3"`,
				`/ratings/designing-learning/level: 7 is above the scale's top level 5`,
				`/ratings/bulding-trust: unknown competency or area "bulding-trust" in framework "astd-2004"; did you mean "building-trust"?`,
			}},
		{name: "the unknown ID's own level as text",
			doc: `{"id":"a","ratings":{"coachin":{"level":"2"}}}`,
			want: []string{
				`/ratings/coachin/level: expected an integer, found the string "2"`,
				"/ratings/coachin: " + unknownCoachin,
			}},
		{name: "in a review",
			doc: `{"id":"a","reviews":[{"rater":"r","levels":{"coaching":"3","coachin":2}}]}`,
			want: []string{
				`/reviews/0/levels/coaching: expected an integer, found the string "3"`,
				"/reviews/0/levels/coachin: " + unknownCoachin,
			}},
		{name: "no ID, reported once",
			doc: `{"ratings":{"coachin":{"level":2}}}`,
			want: []string{
				`: missing required field "id"`,
				"/ratings/coachin: " + unknownCoachin,
			}},
		{name: "an ID of the wrong type",
			doc: `{"id":3,"ratings":{"coachin":{"level":2}}}`,
			want: []string{
				`/id: expected a string, found the number 3`,
				"/ratings/coachin: " + unknownCoachin,
			}},
		{name: "an unknown field and a level above the scale, each once",
			doc: `{"id":"a","ratings":{"coaching":{"level":7,"source":"boss"}},"x":1}`,
			want: []string{
				`/x: unknown field "x"`,
				`/ratings/coaching/level: 7 is above the scale's top level 5`,
				`/ratings/coaching/source: unknown source "boss" (want self, manager, peer, direct-report or assessment)`,
			}},
		{name: "malformed: the strict loader's words only",
			doc:  `{"id":"a","ratings":{"coachin":{"level":7}}`,
			want: []string{`: the document ends too early (truncated?)`}},
		{name: "two documents: the strict loader's words only",
			doc:  `{"id":"a","ratings":{"coachin":{"level":2}}} {}`,
			want: []string{`: unexpected data after the document at offset 45`}},
		{name: "larger than the bound: the strict loader's words only", max: 40,
			doc:  `{"id":"a","ratings":{"coachin":{"level":"2"}}}`,
			want: []string{`: the document is larger than the limit of 40 bytes`}},
		{name: "not an object",
			doc:  `[1]`,
			want: []string{`: expected an object, found an array`}},
	}
	for _, tt := range tests {
		f := tt.f
		if f == nil {
			f = wlp.Default()
		}
		max := tt.max
		if max == 0 {
			max = defaultMaxBytes
		}
		p, l := load([]byte(tt.doc), f, max)
		var got []string
		for _, pr := range l.Problems {
			got = append(got, pr.Path+": "+pr.Message)
		}
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: problems (-want +got):\n%s", tt.name, diff)
		}
		if l.Omitted != 0 {
			t.Errorf("%s: %d problems omitted", tt.name, l.Omitted)
		}
		if p.ID != tt.wantID {
			t.Errorf("%s: profile ID %q, want %q", tt.name, p.ID, tt.wantID)
		}
	}
}

// TestLoadFull checks that a document whose strict problems fill the
// report is not looked into further, and that the count of those left
// out holds.
func TestLoadFull(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"id":"a","ratings":{"coachin":{"level":2}`)
	n := problem.MaxReported + 10
	for i := range n {
		fmt.Fprintf(&b, `,"x%d":{"level":"3"}`, i)
	}
	b.WriteString("}}")
	_, l := load([]byte(b.String()), wlp.Default(), 1<<24)
	if l.Len() != n { // the levels as text, and not the unknown IDs
		t.Errorf("%d problems found, want %d", l.Len(), n)
	}
	if len(l.Problems) != problem.MaxReported || l.Omitted == 0 {
		t.Errorf("%d problems listed and %d omitted, want %d listed and some omitted", len(l.Problems), l.Omitted, problem.MaxReported)
	}
	for _, pr := range l.Problems {
		if strings.Contains(pr.Message, "did you mean") {
			t.Fatalf("a full report was added to: %s: %s", pr.Path, pr.Message)
		}
	}
}

// TestLoadManyUnknown checks that unknown IDs past the report's cap are
// counted.
func TestLoadManyUnknown(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"id":"a","ratings":{"coaching":{"level":"3"}`)
	n := problem.MaxReported + 10
	for i := range n {
		fmt.Fprintf(&b, `,"x%d":{"level":2}`, i)
	}
	b.WriteString("}}")
	_, l := load([]byte(b.String()), wlp.Default(), 1<<24)
	if want := n + 1; l.Len() != want {
		t.Errorf("%d problems found (%d listed), want %d", l.Len(), len(l.Problems), want)
	}
	if len(l.Problems) != problem.MaxReported {
		t.Errorf("%d problems listed, want %d", len(l.Problems), problem.MaxReported)
	}
}

func TestJSONValue(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{`{"id":"a"}`, true},
		{"  {\"id\":\"a\"}\r", true},
		{`{}`, true},
		{`{`, false},
		{`{"id":"a"} {}`, false},
		{`[{"id":"a"}]`, false},
		{`"x"`, false},
		{``, false},
		{`{"id":"a"`, false},
	}
	for _, tt := range tests {
		if got := jsonValue([]byte(tt.line)); got != tt.want {
			t.Errorf("jsonValue(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// loadFramework loads the framework document at path.
func loadFramework(t testing.TB, path string) *wlp.Framework {
	t.Helper()
	return testfix.LoadFramework(t, path)
}
