package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

// validate checks a document with both schema.Validate and a schema
// compiled independently, and fails when they disagree.
func validate(t *testing.T, kind string, doc []byte) []schema.Problem {
	t.Helper()
	v := decode(t, doc)
	ps, err := schema.Validate(kind, v)
	if err != nil {
		t.Fatalf("Validate(%s): %v", kind, err)
	}
	ierr := compile(t, kind).Validate(v)
	if (ierr == nil) != (len(ps) == 0) {
		t.Errorf("schema.Validate says %v; an independently compiled schema says %v", ps, ierr)
	}
	return ps
}

func TestDefaultFrameworkValidates(t *testing.T) {
	b, err := wlp.Default().MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if ps := validate(t, schema.Framework, b); len(ps) != 0 {
		t.Errorf("the default framework breaks its schema: %v", ps)
	}
	// So does a custom framework, written by hand.
	ex, err := os.ReadFile("../examples/frameworks/learning2.json")
	if err != nil {
		t.Fatal(err)
	}
	if ps := validate(t, schema.Framework, ex); len(ps) != 0 {
		t.Errorf("examples/frameworks/learning2.json breaks the schema: %v", ps)
	}
	// And the empty framework.
	if ps := validate(t, schema.Framework, []byte(`{}`)); len(ps) != 0 {
		t.Errorf("{} breaks the framework schema: %v", ps)
	}
}

// sampleProfiles are valid profiles of the default framework.
func sampleProfiles() []profile.Profile {
	everyone := map[competency.ID]profile.Rating{}
	for i, id := range wlp.Default().IDs() {
		everyone[id] = profile.Rating{Level: competency.Level(i % 6), Source: profile.Sources()[i%5]}
	}
	return []profile.Profile{
		{ID: "empty"},
		{ID: "alex", Name: "Alex Kim", Ratings: map[competency.ID]profile.Rating{
			competency.ThinkingStrategically: {Level: competency.Proficient, Source: profile.Manager},
			"coaching":                       {Level: competency.AdvancedBeginner, Source: profile.Self, AssessedAt: "2026-03-31", Evidence: []string{"https://example.com/review"}, Note: "first year"},
		}},
		{ID: "everyone", Name: "Every rating", Ratings: everyone},
		{ID: "zero", Ratings: map[competency.ID]profile.Rating{"coaching": {}}},
		{ID: "leap", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: competency.Expert, Source: profile.Assessment, AssessedAt: "2024-02-29"}}},
	}
}

func TestSampleProfilesValidate(t *testing.T) {
	for _, p := range sampleProfiles() {
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if ps := validate(t, schema.Profile, b); len(ps) != 0 {
			t.Errorf("profile %s breaks the profile schema: %v\n%s", p.ID, ps, b)
		}
		// The Go decoder reads it back as an equal value.
		got, err := profile.Load(bytes.NewReader(b))
		if err != nil {
			t.Errorf("profile.Load(%s): %v", b, err)
		}
		if diff := cmp.Diff(p, got); diff != "" {
			t.Errorf("profile %s after a round trip (-want +got):\n%s", p.ID, diff)
		}
	}
	// Hand-written, with every field.
	doc := `{"id": "alex", "name": "Alex Kim", "ratings": {
	  "thinking-strategically": {"level": 4, "source": "manager"},
	  "coaching": {"level": 2, "source": "self", "assessedAt": "2026-03-31", "evidence": ["a", ""], "note": "n"},
	  "building-trust": {"level": 5, "source": "", "assessedAt": ""},
	  "some-custom-skill": {"level": 0, "source": "direct-report"}},
	  "reviews": [{"rater": "kim", "source": "manager", "assessedAt": "2026-01-15", "levels": {"coaching": 2, "building-trust": 5}, "note": "n"},
	              {"levels": {"coaching": 1}}]}`
	if ps := validate(t, schema.Profile, []byte(doc)); len(ps) != 0 {
		t.Errorf("the hand-written profile breaks the schema: %v", ps)
	}
}

func TestResultsValidate(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	var targets []role.ID
	for _, r := range f.Roles() {
		targets = append(targets, r.ID)
	}
	for _, j := range f.Jobs() {
		targets = append(targets, j.ID)
	}
	if len(targets) < 5 {
		t.Fatalf("the default framework has %d roles and jobs, want at least 5", len(targets))
	}
	ps := sampleProfiles()
	n := 0
	for _, p := range ps {
		for _, target := range targets {
			r, err := m.Score(p, target)
			if err != nil {
				t.Fatalf("Score(%s, %s): %v", p.ID, target, err)
			}
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if probs := validate(t, schema.Result, b); len(probs) != 0 {
				t.Errorf("Score(%s, %s) breaks the result schema: %v\n%s", p.ID, target, probs, b)
			}
			n++
		}
		for _, r := range m.BestRoles(p) {
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if probs := validate(t, schema.Result, b); len(probs) != 0 {
				t.Errorf("BestRoles(%s) result for %s breaks the result schema: %v", p.ID, r.Target, probs)
			}
		}
	}
	if n == 0 {
		t.Fatal("no results were checked")
	}
	for _, target := range targets {
		ranked, err := m.Rank(ps, target, 0)
		if err != nil {
			t.Fatalf("Rank(%s): %v", target, err)
		}
		if len(ranked) != len(ps) {
			t.Errorf("Rank(%s, k=0) gave %d people, want %d", target, len(ranked), len(ps))
		}
		b, err := json.Marshal(ranked)
		if err != nil {
			t.Fatal(err)
		}
		if probs := validate(t, schema.Ranking, b); len(probs) != 0 {
			t.Errorf("Rank(%s) breaks the ranking schema: %v", target, probs)
		}
		top, err := m.Rank(ps, target, 2)
		if err != nil {
			t.Fatal(err)
		}
		if b, err = json.Marshal(top); err != nil {
			t.Fatal(err)
		}
		if probs := validate(t, schema.Ranking, b); len(probs) != 0 {
			t.Errorf("Rank(%s, k=2) breaks the ranking schema: %v", target, probs)
		}
	}
}

// got is a problem as a test compares it: its JSON pointer, and a word the
// message must hold (or the whole message when it lacks the word).
type got struct{ Path, Word string }

func summarize(ps []schema.Problem, want []got) []got {
	out := make([]got, len(ps))
	for i, p := range ps {
		out[i] = got{p.Path, p.Message}
		for _, w := range want {
			if w.Path == p.Path && strings.Contains(p.Message, w.Word) {
				out[i].Word = w.Word
				break
			}
		}
	}
	return out
}

// edit returns base with old replaced by new once; old must occur.
func edit(t *testing.T, base, old, new string) string {
	t.Helper()
	if !strings.Contains(base, old) {
		t.Fatalf("edit: %q is not in the document", old)
	}
	return strings.Replace(base, old, new, 1)
}

// miniFramework and miniProfile are a small framework and profile with
// one of everything, shared with the root package's tests.
var (
	miniFramework = readFixture("mini-framework.json")
	miniProfile   = readFixture("mini-profile.json")
)

// readFixture returns the text of a file under the module's testdata. It
// panics if the file cannot be read: the tests cannot run without it.
func readFixture(name string) string {
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestMiniDocumentsValidate(t *testing.T) {
	if ps := validate(t, schema.Framework, []byte(miniFramework)); len(ps) != 0 {
		t.Errorf("miniFramework: %v", ps)
	}
	if _, err := wlp.Load(strings.NewReader(miniFramework)); err != nil {
		t.Errorf("wlp.Load(miniFramework): %v", err)
	}
	if ps := validate(t, schema.Profile, []byte(miniProfile)); len(ps) != 0 {
		t.Errorf("miniProfile: %v", ps)
	}
}

func TestRejects(t *testing.T) {
	fw, pr := miniFramework, miniProfile
	long := strings.Repeat("a", competency.MaxIDLen+1)
	tests := []struct {
		name string
		kind string
		doc  string
		want []got
	}{
		// Unknown fields, at every level of a framework.
		{"unknown top field", schema.Framework, edit(t, fw, `"version": "1"`, `"version": "1", "author": "me"`),
			[]got{{"/author", "unknown field"}}},
		{"unknown cluster field", schema.Framework, edit(t, fw, `"summary": "New skills."`, `"summary": "New skills.", "colour": "red"`),
			[]got{{"/clusters/0/colour", "unknown field"}}},
		{"unknown competency field", schema.Framework, edit(t, fw, `"cluster": "digital"`, `"cluster": "digital", "level": 3`),
			[]got{{"/competencies/1/level", "unknown field"}}},
		{"unknown area field", schema.Framework, edit(t, fw, `"technologies": "t"`, `"technologies": "t", "tech": "t"`),
			[]got{{"/areas/0/tech", "unknown field"}}},
		{"unknown role field", schema.Framework, edit(t, fw, `"name": "Coach"`, `"name": "Coach", "title": "Coach"`),
			[]got{{"/roles/0/title", "unknown field"}}},
		{"unknown requirement field", schema.Framework, edit(t, fw, `"level": 3, "weight": 2`, `"level": 3, "weight": 2, "min": 1`),
			[]got{{"/roles/0/requirements/0/min", "unknown field"}}},
		{"misspelt requirement field", schema.Framework, edit(t, fw, `"atLeast": 1`, `"atleast": 1`),
			[]got{{"/roles/0/requirements/1/atleast", "unknown field"}}},
		{"unknown job field", schema.Framework, edit(t, fw, `"title": "Head coach"`, `"title": "Head coach", "name": "x"`),
			[]got{{"/jobs/0/name", "unknown field"}}},
		{"unknown share field", schema.Framework, edit(t, fw, `"weight": 3, "why": "w"`, `"weight": 3, "why": "w", "share": 0.5`),
			[]got{{"/jobs/0/roles/0/share", "unknown field"}}},
		{"wrong-case field", schema.Framework, edit(t, fw, `"name": "Blogging"`, `"Name": "Blogging"`),
			[]got{{"/competencies/1", `"name"`}, {"/competencies/1/Name", "unknown field"}}},

		// Levels off the scale and wrong numbers.
		{"level 0", schema.Framework, edit(t, fw, `"level": 3`, `"level": 0`),
			[]got{{"/roles/0/requirements/0/level", "below the lowest value allowed"}}},
		{"level 6", schema.Framework, edit(t, fw, `"level": 3`, `"level": 6`),
			[]got{{"/roles/0/requirements/0/level", "above the highest value allowed"}}},
		{"level 2.5", schema.Framework, edit(t, fw, `"level": 3`, `"level": 2.5`),
			[]got{{"/roles/0/requirements/0/level", "integer"}}},
		{"level as a string", schema.Framework, edit(t, fw, `"level": 3`, `"level": "3"`),
			[]got{{"/roles/0/requirements/0/level", "integer"}}},
		{"weight 0", schema.Framework, edit(t, fw, `"weight": 2`, `"weight": 0`),
			[]got{{"/roles/0/requirements/0/weight", "below the lowest value allowed"}}},
		{"negative weight", schema.Framework, edit(t, fw, `"weight": 2`, `"weight": -1`),
			[]got{{"/roles/0/requirements/0/weight", "below the lowest value allowed"}}},
		{"negative share weight", schema.Framework, edit(t, fw, `"weight": 3`, `"weight": -0.5`),
			[]got{{"/jobs/0/roles/0/weight", "below the lowest value allowed"}}},
		{"zero share weight", schema.Framework, edit(t, fw, `"weight": 3`, `"weight": 0`),
			[]got{{"/jobs/0/roles/0/weight", "below the lowest value allowed"}}},
		{"huge weight", schema.Framework, edit(t, fw, `"weight": 2`, `"weight": 1e7`),
			[]got{{"/roles/0/requirements/0/weight", "above the highest value allowed"}}},
		{"weight as a string", schema.Framework, edit(t, fw, `"weight": 2`, `"weight": "2"`),
			[]got{{"/roles/0/requirements/0/weight", "number"}}},
		{"negative atLeast", schema.Framework, edit(t, fw, `"atLeast": 1`, `"atLeast": -1`),
			[]got{{"/roles/0/requirements/1/atLeast", "below the lowest value allowed"}}},

		// Wrong types and shapes.
		{"root array", schema.Framework, `[]`, []got{{"", "object"}}},
		{"competencies object", schema.Framework, edit(t, fw, `"competencies": [`, `"competencies": {"x": 1}, "c": [`),
			[]got{{"/c", "unknown field"}, {"/competencies", "array"}}},
		{"name number", schema.Framework, edit(t, fw, `"name": "Mini"`, `"name": 7`),
			[]got{{"/name", "string"}}},
		{"null name", schema.Framework, edit(t, fw, `"name": "Coaching"`, `"name": null`),
			[]got{{"/areas/0/name", "string"}}},
		{"behaviors string", schema.Framework, edit(t, fw, `"behaviors": ["b"]`, `"behaviors": "b"`),
			[]got{{"/competencies/0/behaviors", "array"}}},
		{"of a string", schema.Framework, edit(t, fw, `"of": ["coaching"]`, `"of": "coaching"`),
			[]got{{"/roles/0/requirements/0/of", "array"}}},
		{"empty of", schema.Framework, edit(t, fw, `"of": ["coaching"]`, `"of": []`),
			[]got{{"/roles/0/requirements/0/of", "minItems"}}},
		{"repeated of", schema.Framework, edit(t, fw, `"of": ["coaching"]`, `"of": ["coaching", "coaching"]`),
			[]got{{"/roles/0/requirements/0/of", "are equal"}}},
		{"role without requirements", schema.Framework, edit(t, fw, `"requirements": [{"of": ["coaching"]`, `"requirements": [], "x": [{"of": ["coaching"]`),
			[]got{{"/roles/0/requirements", "minItems"}, {"/roles/0/x", "unknown field"}}},
		{"missing fields", schema.Framework, edit(t, fw, `{"id": "blogging", "name": "Blogging", "cluster": "digital"}`, `{}`),
			[]got{{"/competencies/1", `"cluster"`}, {"/competencies/1", `"id"`}, {"/competencies/1", `"name"`}}},
		{"missing weight", schema.Framework, edit(t, fw, `"role": "coach", "weight": 3`, `"role": "coach"`),
			[]got{{"/jobs/0/roles/0", `"weight"`}}},
		{"empty name", schema.Framework, edit(t, fw, `"name": "Blogging"`, `"name": ""`),
			[]got{{"/competencies/1/name", "the string is empty"}}},
		{"empty title", schema.Framework, edit(t, fw, `"title": "Head coach"`, `"title": ""`),
			[]got{{"/jobs/0/title", "the string is empty"}}},

		// Malformed IDs.
		{"framework ID", schema.Framework, edit(t, fw, `"id": "mini"`, `"id": "Mini 2"`),
			[]got{{"/id", "pattern"}}},
		{"competency ID with spaces", schema.Framework, edit(t, fw, `"id": "blogging"`, `"id": "Blog ging"`),
			[]got{{"/competencies/1/id", "pattern"}}},
		{"competency ID with a trailing hyphen", schema.Framework, edit(t, fw, `"id": "blogging"`, `"id": "blogging-"`),
			[]got{{"/competencies/1/id", "pattern"}}},
		{"area ID too long", schema.Framework, edit(t, fw, `"id": "coaching"`, `"id": "`+long+`"`),
			[]got{{"/areas/0/id", "more than the limit"}}},
		{"cluster ID", schema.Framework, edit(t, fw, `"id": "digital"`, `"id": "Digital"`),
			[]got{{"/clusters/0/id", "pattern"}}},
		{"competency's cluster", schema.Framework, edit(t, fw, `"cluster": "digital"`, `"cluster": "digital_skills"`),
			[]got{{"/competencies/1/cluster", "pattern"}}},
		{"role ID", schema.Framework, edit(t, fw, `"id": "coach"`, `"id": "coach--x"`),
			[]got{{"/roles/0/id", "pattern"}}},
		{"job ID", schema.Framework, edit(t, fw, `"id": "head-coach"`, `"id": "head/coach"`),
			[]got{{"/jobs/0/id", "pattern"}}},
		{"ID in of", schema.Framework, edit(t, fw, `"of": ["coaching"]`, `"of": ["Coaching"]`),
			[]got{{"/roles/0/requirements/0/of/0", "pattern"}}},
		{"ID in a share", schema.Framework, edit(t, fw, `"role": "coach"`, `"role": "Coach"`),
			[]got{{"/jobs/0/roles/0/role", "pattern"}}},

		// Profiles.
		{"profile: unknown top field", schema.Profile, edit(t, pr, `"name": "Alex"`, `"name": "Alex", "email": "a@b"`),
			[]got{{"/email", "unknown field"}}},
		{"profile: unknown rating field", schema.Profile, edit(t, pr, `"note": "n"`, `"note": "n", "comment": "c"`),
			[]got{{"/ratings/coaching/comment", "unknown field"}}},
		{"profile: misspelt level", schema.Profile, edit(t, pr, `{"level": 0}`, `{"Level": 0}`),
			[]got{{"/ratings/building-trust", `"level"`}, {"/ratings/building-trust/Level", "unknown field"}}},
		{"profile: level 6", schema.Profile, edit(t, pr, `"level": 3`, `"level": 6`),
			[]got{{"/ratings/coaching/level", "above the highest value allowed"}}},
		{"profile: level -1", schema.Profile, edit(t, pr, `"level": 0`, `"level": -1`),
			[]got{{"/ratings/building-trust/level", "below the lowest value allowed"}}},
		{"profile: level 2.5", schema.Profile, edit(t, pr, `"level": 3`, `"level": 2.5`),
			[]got{{"/ratings/coaching/level", "integer"}}},
		{"profile: level as a string", schema.Profile, edit(t, pr, `"level": 3`, `"level": "expert"`),
			[]got{{"/ratings/coaching/level", "integer"}}},
		{"profile: null level", schema.Profile, edit(t, pr, `"level": 3`, `"level": null`),
			[]got{{"/ratings/coaching/level", "integer"}}},
		{"profile: bad source", schema.Profile, edit(t, pr, `"source": "self"`, `"source": "boss"`),
			[]got{{"/ratings/coaching/source", "must be one of"}}},
		{"profile: source case", schema.Profile, edit(t, pr, `"source": "self"`, `"source": "Self"`),
			[]got{{"/ratings/coaching/source", "must be one of"}}},
		{"profile: no such day", schema.Profile, edit(t, pr, `"2026-03-31"`, `"2026-02-30"`),
			[]got{{"/ratings/coaching/assessedAt", "2026-02-30"}}},
		{"profile: not a leap year", schema.Profile, edit(t, pr, `"2026-03-31"`, `"2023-02-29"`),
			[]got{{"/ratings/coaching/assessedAt", "2023-02-29"}}},
		{"profile: month 13", schema.Profile, edit(t, pr, `"2026-03-31"`, `"2026-13-01"`),
			[]got{{"/ratings/coaching/assessedAt", "2026-13-01"}}},
		{"profile: other date layout", schema.Profile, edit(t, pr, `"2026-03-31"`, `"31/03/2026"`),
			[]got{{"/ratings/coaching/assessedAt", "31/03/2026"}}},
		{"profile: date and time", schema.Profile, edit(t, pr, `"2026-03-31"`, `"2026-03-31T10:00:00Z"`),
			[]got{{"/ratings/coaching/assessedAt", "2026-03-31T10:00:00Z"}}},
		{"profile: short date", schema.Profile, edit(t, pr, `"2026-03-31"`, `"2026-3-31"`),
			[]got{{"/ratings/coaching/assessedAt", "2026-3-31"}}},
		{"profile: malformed rating ID", schema.Profile, edit(t, pr, `"building-trust":`, `"Building Trust":`),
			[]got{{"/ratings/Building Trust", "not allowed"}}},
		{"profile: rating ID too long", schema.Profile, edit(t, pr, `"building-trust":`, `"`+long+`":`),
			[]got{{"/ratings/" + long, "not allowed"}}},
		{"profile: empty rating ID", schema.Profile, edit(t, pr, `"building-trust":`, `"":`),
			[]got{{"/ratings/", "not allowed"}}},
		{"profile: no ID", schema.Profile, edit(t, pr, `"id": "alex", `, ``),
			[]got{{"", `"id"`}}},
		{"profile: empty ID", schema.Profile, edit(t, pr, `"id": "alex"`, `"id": ""`),
			[]got{{"/id", "the string is empty"}}},
		{"profile: numeric ID", schema.Profile, edit(t, pr, `"id": "alex"`, `"id": 42`),
			[]got{{"/id", "string"}}},
		{"profile: ratings array", schema.Profile, `{"id": "a", "ratings": []}`,
			[]got{{"/ratings", "object"}}},
		{"profile: rating a number", schema.Profile, `{"id": "a", "ratings": {"coaching": 3}}`,
			[]got{{"/ratings/coaching", "object"}}},
		{"profile: evidence string", schema.Profile, edit(t, pr, `"evidence": ["e"]`, `"evidence": "e"`),
			[]got{{"/ratings/coaching/evidence", "array"}}},
		{"profile: root string", schema.Profile, `"alex"`, []got{{"", "object"}}},
		{"profile: review level 6", schema.Profile, `{"id": "a", "reviews": [{"levels": {"coaching": 6}}]}`,
			[]got{{"/reviews/0/levels/coaching", "above the highest value allowed"}}},
		{"profile: review without levels", schema.Profile, `{"id": "a", "reviews": [{"rater": "kim"}]}`,
			[]got{{"/reviews/0", `"levels"`}}},
		{"profile: unknown review field", schema.Profile, `{"id": "a", "reviews": [{"levels": {"coaching": 1}, "weight": 2}]}`,
			[]got{{"/reviews/0/weight", "unknown field"}}},
		{"profile: review bad source", schema.Profile, `{"id": "a", "reviews": [{"levels": {"coaching": 1}, "source": "boss"}]}`,
			[]got{{"/reviews/0/source", "must be one of"}}},
		// A bad key in an early map, with maps after it: the place must
		// not drift to a later sibling (santhosh-tekuri/jsonschema v6.0.3
		// reuses the location slice of propertyNames errors).
		{"profile: bad review key, then more reviews", schema.Profile,
			`{"id": "a", "reviews": [{"levels": {"Bad": 1}}, {"levels": {"ok": 1}}, {"levels": {"fine": 2, "also-fine": 3}}], "ratings": {"ok": {"level": 1}}}`,
			[]got{{"/reviews/0/levels/Bad", "not allowed"}}},
		{"profile: bad rating key, then reviews", schema.Profile,
			`{"id": "a", "ratings": {"Bad": {"level": 1}, "ok": {"level": 2}}, "reviews": [{"levels": {"ok": 1}}, {"levels": {"Worse": 1}}]}`,
			[]got{{"/ratings/Bad", "not allowed"}, {"/reviews/1/levels/Worse", "not allowed"}}},

		// Results.
		{"result: bad confidence", schema.Result, `{"target": "coach", "kind": "role", "name": "Coach", "fit": 0.5, "confidence": "maybe", "outcomes": [], "gaps": []}`,
			[]got{{"/confidence", "must be one of"}}},
		{"result: fit above 1", schema.Result, `{"target": "coach", "kind": "role", "name": "Coach", "fit": 1.5, "confidence": "low", "outcomes": [], "gaps": []}`,
			[]got{{"/fit", "above the highest value allowed"}}},
		{"ranking: not an array", schema.Ranking, `{}`, []got{{"", "array"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := validate(t, tt.kind, []byte(tt.doc))
			if diff := cmp.Diff(tt.want, summarize(ps, tt.want)); diff != "" {
				t.Errorf("problems (-want +got):\n%s\nall: %v", diff, ps)
			}
		})
	}
}

// TestValidateSortsProblems checks that a document with many problems gets
// them in a stable order: by path, then message.
func TestValidateSortsProblems(t *testing.T) {
	doc := `{"id": "", "x": 1, "ratings": {"b": {"level": 9}, "a": {"level": -1, "y": 2}, "c": {"level": 1, "source": "?"}}}`
	first := validate(t, schema.Profile, []byte(doc))
	for range 20 {
		again := validate(t, schema.Profile, []byte(doc))
		if diff := cmp.Diff(first, again); diff != "" {
			t.Fatalf("a second run reports differently (-first +again):\n%s", diff)
		}
	}
	if !sort.SliceIsSorted(first, func(i, j int) bool { return first[i].Path < first[j].Path }) {
		t.Errorf("problems are not sorted by path: %v", first)
	}
	var paths []string
	for _, p := range first {
		paths = append(paths, p.Path)
	}
	want := []string{"/id", "/ratings/a/level", "/ratings/a/y", "/ratings/b/level", "/ratings/c/source", "/x"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
}

// wordsDecode decodes doc as schema.Validate wants it.
func wordsDecode(t *testing.T, doc string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestValidateWords checks the messages Validate words itself: a value
// of the wrong type in the loaders' words, and a key that propertyNames
// refuses at the key's own place, in every object that holds it.
func TestValidateWords(t *testing.T) {
	tests := []struct {
		name, kind, doc string
		want            []schema.Problem
	}{
		{"integer", schema.Framework, `{"roles":[{"id":"r","name":"R","requirements":[{"of":["a"],"level":1.5,"weight":1}]}]}`,
			[]schema.Problem{{Path: "/roles/0/requirements/0/level", Message: "expected an integer, found a number"}}},
		{"string", schema.Framework, `{"name":3}`, []schema.Problem{{Path: "/name", Message: "expected a string, found a number"}}},
		{"object", schema.Framework, `[]`, []schema.Problem{{Path: "", Message: "expected an object, found an array"}}},
		{"array", schema.Framework, `{"roles":{}}`, []schema.Problem{{Path: "/roles", Message: "expected an array, found an object"}}},
		{"null", schema.Profile, `{"id":null}`, []schema.Problem{{Path: "/id", Message: "null is not allowed here; expected a string"}}},
		{"key refused in two places", schema.Profile,
			`{"id":"a","ratings":{"Bad Key":{"level":1}},"reviews":[{"levels":{"ok":1}},{"levels":{"Bad Key":2}}]}`,
			[]schema.Problem{
				{Path: "/ratings/Bad Key", Message: `the key "Bad Key" is not allowed`},
				{Path: "/reviews/1/levels/Bad Key", Message: `the key "Bad Key" is not allowed`},
			}},
		{"key with a slash", schema.Profile, `{"id":"a","ratings":{"a/b":{"level":1}}}`,
			[]schema.Problem{{Path: "/ratings/a~1b", Message: `the key "a/b" is not allowed`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := schema.Validate(tt.kind, wordsDecode(t, tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			// Compare the places, and the start of each message: a refused
			// key's message goes on to say why.
			for i := range got {
				if i < len(tt.want) && strings.HasPrefix(got[i].Message, tt.want[i].Message) {
					got[i].Message = tt.want[i].Message
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBoundWords: a value outside a bound of the schema is reported in
// the loaders' words, and a long value (and a long pattern) is shortened,
// so a 10 KB ID gives a line of about a hundred bytes.
func TestBoundWords(t *testing.T) {
	long := strings.Repeat("a/", 5000)
	tests := []struct {
		name, doc, path, msg string
	}{
		{"too long", `{"id": "` + strings.Repeat("e", 65) + `"}`, "/id", "the string has 65 characters, more than the limit of 64"},
		{"empty", `{"id": ""}`, "/id", "the string is empty"},
		{"level above", `{"id": "e", "ratings": {"coaching": {"level": 6}}}`, "/ratings/coaching/level", "6 is above the highest value allowed, 5"},
		{"level below", `{"id": "e", "ratings": {"coaching": {"level": -1}}}`, "/ratings/coaching/level", "-1 is below the lowest value allowed, 0"},
		{"date", `{"id": "e", "ratings": {"coaching": {"level": 1, "assessedAt": "2026-02-30"}}}`, "/ratings/coaching/assessedAt", `"2026-02-30"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
				t.Fatal(err)
			}
			ps, err := schema.Validate(schema.Profile, doc)
			if err != nil {
				t.Fatal(err)
			}
			var found []string
			for _, p := range ps {
				if p.Path == tt.path && strings.Contains(p.Message, tt.msg) {
					return
				}
				found = append(found, p.String())
			}
			t.Errorf("no problem at %s containing %q; got %q", tt.path, tt.msg, found)
		})
	}
	var doc any
	if err := json.Unmarshal([]byte(`{"id": "`+long+`"}`), &doc); err != nil {
		t.Fatal(err)
	}
	ps, err := schema.Validate(schema.Profile, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) == 0 {
		t.Fatal("a 10 KB ID with slashes passed the profile schema")
	}
	for _, p := range ps {
		if n := len(p.String()); n > 400 {
			t.Errorf("a problem of %d bytes: %.120s...", n, p.String())
		}
	}
}
