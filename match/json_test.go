package match_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

// keys collects every object key of a decoded JSON value.
func keys(v any, into map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			into[k] = true
			keys(x, into)
		}
	case []any:
		for _, x := range v {
			keys(x, into)
		}
	}
}

func TestResultJSON(t *testing.T) {
	m := match.New(nil)
	ps := mustScore(t, m, person("sam", levels{aoe.Coaching: 3, competency.ModelingPersonalDevelopment: 4}), role.ProfessionalSpecialist)
	clo := mustScore(t, m, morgan(), role.CLO)
	exact := mustScore(t, m, person("p", minimal(wlp.Default(), role.BusinessPartner)), role.BusinessPartner)
	empty := mustScore(t, m, profile.Profile{ID: "e"}, role.CLO)

	for name, res := range map[string]match.Result{"role": ps, "job": clo, "exact": exact, "empty": empty} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			var back match.Result
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("decode: %v\n%s", err, b)
			}
			if d := cmp.Diff(res, back); d != "" {
				t.Errorf("round trip (-before +after):\n%s", d)
			}
			var doc any
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			ks := map[string]bool{}
			keys(doc, ks)
			for k := range ks {
				if k == "" || !unicode.IsLower(rune(k[0])) || strings.ContainsAny(k, "_- ") {
					t.Errorf("key %q is not lowerCamelCase", k)
				}
			}
		})
	}

	var doc map[string]any
	b, _ := json.Marshal(clo)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	ks := map[string]bool{}
	keys(doc, ks)
	for _, k := range []string{"target", "kind", "name", "fit", "confidence", "outcomes", "gaps", "parts", "of", "atLeast", "have", "need", "score", "weight", "met", "gain", "part", "role", "share", "result"} {
		if !ks[k] {
			t.Errorf("CLO result JSON lacks key %q:\n%s", k, b)
		}
	}
	if doc["confidence"] != "high" || doc["kind"] != "job" || doc["target"] != "chief-learning-officer" {
		t.Errorf("confidence, kind, target = %v, %v, %v", doc["confidence"], doc["kind"], doc["target"])
	}
	parts := doc["parts"].([]any)
	if p0 := parts[0].(map[string]any); p0["role"] != "learning-strategist" || p0["share"] != 0.1875 || p0["weight"] != 3.0 {
		t.Errorf("first part = %v", p0)
	}

	// A role's result has no parts; a single requirement has no atLeast; a
	// gap of the target's own requirements has no part.
	b, _ = json.Marshal(ps)
	var roleDoc map[string]any
	if err := json.Unmarshal(b, &roleDoc); err != nil {
		t.Fatal(err)
	}
	if _, ok := roleDoc["parts"]; ok {
		t.Errorf("role result has parts: %s", b)
	}
	outs := roleDoc["outcomes"].([]any)
	if _, ok := outs[0].(map[string]any)["atLeast"]; !ok {
		t.Errorf("group outcome lacks atLeast: %v", outs[0])
	}
	if _, ok := outs[1].(map[string]any)["atLeast"]; ok {
		t.Errorf("single outcome has atLeast: %v", outs[1])
	}
	for _, g := range roleDoc["gaps"].([]any) {
		if _, ok := g.(map[string]any)["part"]; ok {
			t.Errorf("role gap has a part: %v", g)
		}
	}
	// No gaps is an empty list, not null.
	b, _ = json.Marshal(exact)
	if !strings.Contains(string(b), `"gaps":[]`) || !strings.Contains(string(b), `"confidence":"exact"`) {
		t.Errorf("exact result JSON: %s", b)
	}

	// Ranked encodes as {"profile": ID, "result": {...}}.
	r, _ := m.Rank([]profile.Profile{morgan()}, role.ProjectManager, 0)
	b, _ = json.Marshal(r)
	var ranked []map[string]any
	if err := json.Unmarshal(b, &ranked); err != nil || len(ranked) != 1 || ranked[0]["profile"] != "morgan" || ranked[0]["result"] == nil {
		t.Errorf("Ranked JSON = %s (%v)", b, err)
	}
	var rback []match.Ranked
	if err := json.Unmarshal(b, &rback); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(r, rback); d != "" {
		t.Errorf("Ranked round trip (-before +after):\n%s", d)
	}
}

// roundTrip encodes v as JSON and decodes it into a fresh value of the
// same type.
func roundTrip[T any](t *testing.T, v T) (T, []byte) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("Marshal(%T): %v", v, err)
	}
	var out T
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("Unmarshal(%T): %v\n%s", v, err, b)
	}
	return out, b
}

// schemaValid checks the JSON document b against the schema of kind.
func schemaValid(t *testing.T, kind string, b []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	probs, err := schema.Validate(kind, v)
	if err != nil || len(probs) > 0 {
		t.Fatalf("the %s document breaks its schema: %v %v\n%.2000s", kind, err, probs, b)
	}
}

// TestInvariantRoundTripSpec: a framework's Spec survives JSON, by
// encoding/json and by wlp.Load of the framework's own encoding.
func TestInvariantRoundTripSpec(t *testing.T) {
	for _, nf := range testFrameworks(t) {
		name, f := nf.name, nf.f
		want := f.Spec()
		got, b := roundTrip(t, want)
		if d := diff(want, got); d != "" {
			t.Errorf("%s: Spec JSON round trip (-want +got):\n%s", name, d)
		}
		schemaValid(t, schema.Framework, b)
		mb, err := f.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		loaded, err := wlp.Load(bytes.NewReader(mb))
		if err != nil {
			t.Fatalf("%s: Load(MarshalJSON()): %v", name, err)
		}
		if d := diff(want, loaded.Spec()); d != "" {
			t.Errorf("%s: Load(MarshalJSON()).Spec() (-want +got):\n%s", name, d)
		}
	}
}

// TestInvariantRoundTripProfile: a profile with every field set (sources,
// dates, evidence, notes, text that JSON escapes) survives JSON, by
// encoding/json and by profile.Load.
func TestInvariantRoundTripProfile(t *testing.T) {
	rng := fixedRNG(6)
	ps := richPeople(rng, wlp.Default(), 100)
	ps = append(ps, profile.Profile{ID: "bare"})
	withDates, withReviews := 0, 0
	for _, p := range ps {
		if len(p.Reviews) > 0 {
			withReviews++
		}
		got, b := roundTrip(t, p)
		if d := diff(p, got); d != "" {
			t.Fatalf("%s: JSON round trip (-want +got):\n%s", p.ID, d)
		}
		loaded, err := profile.Load(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: profile.Load of the encoding: %v", p.ID, err)
		}
		if d := diff(p, loaded); d != "" {
			t.Fatalf("%s: profile.Load round trip (-want +got):\n%s", p.ID, d)
		}
		schemaValid(t, schema.Profile, b)
		for _, r := range p.Ratings {
			if r.AssessedAt != "" && len(r.Evidence) > 0 && r.Note != "" {
				withDates++
			}
		}
	}
	if withDates == 0 || withReviews == 0 {
		t.Errorf("%d ratings with a date, evidence and a note, %d profiles with reviews: the test proves too little", withDates, withReviews)
	}
}

// TestInvariantRoundTripResults: match results and rankings survive JSON
// unchanged and fit their schemas.
func TestInvariantRoundTripResults(t *testing.T) {
	rng := fixedRNG(6)
	for _, nf := range testFrameworks(t) {
		name, f := nf.name, nf.f
		m := match.New(f)
		ps := richPeople(rng, f, 20)
		for _, target := range targetsOf(f) {
			for _, p := range ps[:5] {
				r := mustScore(t, m, p, target)
				got, b := roundTrip(t, r)
				if d := diff(r, got); d != "" {
					t.Fatalf("%s %s %s: Result round trip (-want +got):\n%s", name, target, p.ID, d)
				}
				schemaValid(t, schema.Result, b)
			}
			for _, k := range []int{0, 3} {
				ranked, err := m.Rank(ps, target, k)
				if err != nil {
					t.Fatal(err)
				}
				got, b := roundTrip(t, ranked)
				if d := diff(ranked, got); d != "" {
					t.Fatalf("%s %s: Ranked round trip (-want +got):\n%s", name, target, d)
				}
				schemaValid(t, schema.Ranking, b)
			}
		}
		best := m.BestRoles(ps[0])
		if got, _ := roundTrip(t, best); diff(best, got) != "" {
			t.Errorf("%s: BestRoles round trip: %s", name, diff(best, got))
		}
	}
}

// jsCase is one value of a result type, the document kind it belongs to,
// and the places where its document breaks the schema (none for a valid
// document).
type jsCase struct {
	name string
	kind string
	v    any
	// bad lists the JSON pointers of the schema's complaints: only
	// scalar fields that the zero value leaves empty, never a list.
	bad []string
	// engine marks a value the Matcher returned: it must come back from
	// JSON exactly, nil and empty lists alike.
	engine bool
}

// jsCases returns the zero value and typical empty values of every result
// type, each in the document it belongs to.
func jsCases(t *testing.T) []jsCase {
	t.Helper()
	f := wlp.Default()
	m := match.New(f)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	people := tmExampleTeam()
	ready := person("ready", minimal(f, role.BusinessPartner)) // meets every requirement

	exact := mustScore(t, m, ready, role.BusinessPartner)
	if len(exact.Gaps) != 0 {
		t.Fatalf("a profile meeting everything has gaps %v", exact.Gaps)
	}
	ranking, err := m.Rank(nil, role.CLO, 0)
	must(err)
	noHats, err := m.Assign(people, nil)
	must(err)
	noPeople, err := m.Assign(nil, []role.ID{role.CLO})
	must(err)
	emptyTeam, err := m.Team(nil, role.CLO)
	must(err)
	emptyPlan, err := m.TeamPlan(nil, role.CLO)
	must(err)
	covered, err := m.Team([]profile.Profile{ready}, role.BusinessPartner)
	must(err)
	nothingToDo, err := m.TeamPlan([]profile.Profile{ready}, role.BusinessPartner)
	must(err)
	atGoal, err := m.Plan(ready, role.BusinessPartner)
	must(err)
	if len(atGoal.Steps) != 0 || len(nothingToDo) != 0 {
		t.Fatalf("a profile meeting everything has plan %v, team plan %v", atGoal.Steps, nothingToDo)
	}

	// Values built by hand, their lists left nil, their other fields
	// valid.
	bare := match.Result{Target: role.BusinessPartner, Kind: match.KindRole, Name: "Business partner"}
	bareJob := match.Result{Target: role.CLO, Kind: match.KindJob, Name: "Chief learning officer",
		Outcomes: []match.Outcome{{Need: 3, Weight: 1}},
		Parts:    []match.Part{{Role: role.BusinessPartner, Weight: 1, Share: 1, Result: bare}},
		Gaps:     []match.Gap{{Need: 3, Gain: 0.5}}}

	return []jsCase{
		{name: "Result zero", kind: schema.Result, v: match.Result{}, bad: []string{"/kind", "/target"}},
		{name: "Result bare", kind: schema.Result, v: bare},
		{name: "Result job with nil lists inside", kind: schema.Result, v: bareJob},
		{name: "Result exact, no gaps", kind: schema.Result, v: exact, engine: true},
		{name: "ranking of nobody", kind: schema.Ranking, v: ranking, engine: true},
		{name: "ranking of a zero Ranked", kind: schema.Ranking, v: []match.Ranked{{}}, bad: []string{"/0/result/kind", "/0/result/target"}},
		{name: "ranking of a bare result", kind: schema.Ranking, v: []match.Ranked{{Profile: "p", Result: bareJob}}},
		{name: "TeamResult zero", kind: schema.Team, v: match.TeamReport{Plan: []match.TeamStep{}}, bad: []string{"/team/result/kind", "/team/result/target"}},
		{name: "TeamStep zero", kind: schema.Team, v: match.TeamReport{Team: match.TeamResult{Result: bare}, Plan: []match.TeamStep{{}}}, bad: []string{"/plan/0/gap/need"}},
		{name: "TeamResult with nil lists inside", kind: schema.Team, v: match.TeamReport{
			Team: match.TeamResult{Result: bareJob, Covers: []match.Cover{{Need: 3}}},
			Plan: []match.TeamStep{{Gap: match.Gap{Need: 3}, Hire: true}},
		}},
		{name: "team of nobody", kind: schema.Team, v: match.TeamReport{Team: emptyTeam, Plan: emptyPlan}, engine: true},
		{name: "team with nothing to do", kind: schema.Team, v: match.TeamReport{Team: covered, Plan: nothingToDo}, engine: true},
		{name: "Assignment zero", kind: schema.Assignment, v: match.Assignment{}},
		{name: "Assignment of no hats", kind: schema.Assignment, v: noHats, engine: true},
		{name: "Assignment of nobody", kind: schema.Assignment, v: noPeople, engine: true},
		{name: "Plan zero", kind: schema.Plan, v: match.Plan{}, bad: []string{"/target"}},
		{name: "Plan bare", kind: schema.Plan, v: match.Plan{Profile: "p", Target: role.CLO}},
		{name: "Plan already at its goal", kind: schema.Plan, v: atGoal, engine: true},
	}
}

// TestEmptyListsMarshalAsArrays: every list in a result document is an
// array, empty or not, never null, so the documents of zero and empty
// values validate against their schemas (the zero values break them only
// in the IDs they leave empty).
func TestEmptyListsMarshalAsArrays(t *testing.T) {
	for _, c := range jsCases(t) {
		t.Run(c.name, func(t *testing.T) {
			b, err := json.Marshal(c.v)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(b, []byte("null")) {
				t.Errorf("the document holds null: %s", b)
			}
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.UseNumber()
			var doc any
			if err := dec.Decode(&doc); err != nil {
				t.Fatal(err)
			}
			probs, err := schema.Validate(c.kind, doc)
			if err != nil {
				t.Fatal(err)
			}
			var at []string
			for _, p := range probs {
				at = append(at, p.Path)
			}
			at = slices.Compact(at) // one place may break several rules
			if diff := cmp.Diff(c.bad, at); diff != "" {
				t.Errorf("places breaking the %s schema (-want +got):\n%s\nproblems: %v\n%s", c.kind, diff, probs, b)
			}
		})
	}
}

// TestResultTypesRoundTrip: encoding then decoding gives back an equal
// value. A nil list comes back empty, since both encode as []; a value
// the Matcher returned comes back exactly.
func TestResultTypesRoundTrip(t *testing.T) {
	m := match.New(wlp.Default())
	people := tmExampleTeam()
	clo := mustScore(t, m, morgan(), role.CLO)
	team, err := m.Team(people, role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	steps, err := m.TeamPlan(people, role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	hats, err := m.Assign(people, []role.ID{role.CLO})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := m.Plan(people[0], role.CLO)
	if err != nil {
		t.Fatal(err)
	}
	ranking, err := m.Rank(people, role.CLO, 0)
	if err != nil {
		t.Fatal(err)
	}
	cases := append(jsCases(t),
		jsCase{name: "job result", v: clo, engine: true},
		jsCase{name: "ranking", v: ranking, engine: true},
		jsCase{name: "team", v: match.TeamReport{Team: team, Plan: steps}, engine: true},
		jsCase{name: "assignment", v: hats, engine: true},
		jsCase{name: "plan", v: plan, engine: true},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := json.Marshal(c.v)
			if err != nil {
				t.Fatal(err)
			}
			back := reflect.New(reflect.TypeOf(c.v))
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			if err := dec.Decode(back.Interface()); err != nil {
				t.Fatalf("decode: %v\n%s", err, b)
			}
			var opts []cmp.Option
			if !c.engine {
				opts = append(opts, cmpopts.EquateEmpty())
			}
			if diff := cmp.Diff(c.v, back.Elem().Interface(), opts...); diff != "" {
				t.Errorf("round trip (-before +after):\n%s", diff)
			}
		})
	}
}

// jsKeys returns the keys of the JSON object b, in document order.
func jsKeys(t *testing.T, b []byte) []string {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var out []string
	if _, err := dec.Token(); err != nil { // {
		t.Fatal(err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	if len(out) != len(raw) {
		t.Fatalf("keys %v, but %d in the object", out, len(raw))
	}
	return out
}

// jsFieldOrder returns the JSON names of T's fields in declaration order,
// leaving out those in omit.
func jsFieldOrder[T any](omit ...string) []string {
	var out []string
	rt := reflect.TypeFor[T]()
	for i := range rt.NumField() {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		if !slices.Contains(omit, name) {
			out = append(out, name)
		}
	}
	return out
}

// TestResultKeyOrder: a result document lists its keys in the order of
// Result's fields (but "combined", which the Matcher leaves empty and the
// document omits), parts' results too, as encoding/json writes a struct
// without a method of its own. (Result.MarshalJSON redeclares some fields
// to hide the embedded ones; a field added to Result after Gaps would
// break this order until it is redeclared too.)
func TestResultKeyOrder(t *testing.T) {
	m := match.New(wlp.Default())
	tests := []struct {
		target role.ID
		want   []string
	}{
		{role.BusinessPartner, jsFieldOrder[match.Result]("parts", "combined")},
		{role.CLO, jsFieldOrder[match.Result]("combined")},
	}
	for _, tt := range tests {
		res := mustScore(t, m, morgan(), tt.target)
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, jsKeys(t, b)); diff != "" {
			t.Errorf("%s: keys (-want +got):\n%s", tt.target, diff)
		}
		var doc struct {
			Parts []json.RawMessage `json:"parts"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Parts) != len(res.Parts) {
			t.Fatalf("%s: %d parts in the document, %d in the result", tt.target, len(doc.Parts), len(res.Parts))
		}
		for i, p := range doc.Parts {
			if diff := cmp.Diff(jsFieldOrder[match.Part](), jsKeys(t, p)); diff != "" {
				t.Errorf("%s: part %d keys (-want +got):\n%s", tt.target, i, diff)
			}
			var part struct {
				Result json.RawMessage `json:"result"`
			}
			if err := json.Unmarshal(p, &part); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(jsFieldOrder[match.Result]("parts", "combined"), jsKeys(t, part.Result)); diff != "" {
				t.Errorf("%s: part %d result keys (-want +got):\n%s", tt.target, i, diff)
			}
		}
	}
}

// BenchmarkGrowthMarshalJSON encodes rankings of N, 2N and 4N results for
// the CLO job, parts and all. Encoding costs time and memory in
// proportion to the document.
func BenchmarkGrowthMarshalJSON(b *testing.B) {
	m := match.New(wlp.Default())
	for _, n := range []int{1000, 2000, 4000} {
		ranking, err := m.Rank(randomProfiles(wlp.Default(), n, 5), role.CLO, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out, err := json.Marshal(ranking)
				if err != nil {
					b.Fatal(err)
				}
				sink += float64(len(out))
			}
		})
	}
}

// With no hats asked for, Assign hands out nothing; the document still
// lists the hats, as an empty array, as its schema requires.
func ExampleAssignment_MarshalJSON() {
	m := match.New(wlp.Default())
	a, err := m.Assign(tmExampleTeam(), nil)
	if err != nil {
		log.Fatal(err)
	}
	b, err := json.Marshal(a)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output: {"hats":[],"total":0}
}
