package match_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// TestResultIsFresh: a returned Result is the caller's to change, Of
// lists included: sorting them, overwriting their IDs, appending to them
// and decoding JSON into the result change nothing in later results.
func TestResultIsFresh(t *testing.T) {
	m := match.New(nil)
	p := morgan()
	// keep is a snapshot that shares nothing, whatever happens below.
	keep, err := json.Marshal(mustScore(t, m, p, role.CLO))
	if err != nil {
		t.Fatal(err)
	}
	first := mustScore(t, m, p, role.CLO)
	for i := range first.Outcomes {
		slices.Reverse(first.Outcomes[i].Of)
		first.Outcomes[i].Of[0] = "changed"
		first.Outcomes[i].Of = append(first.Outcomes[i].Of, "appended")
		first.Outcomes[i].Score = -1
	}
	for _, part := range first.Parts {
		for i := range part.Result.Outcomes {
			part.Result.Outcomes[i].Of[0] = "changed"
		}
		for _, g := range part.Result.Gaps {
			slices.Sort(g.Of)
			g.Of[len(g.Of)-1] = "changed"
		}
	}
	for i := range first.Gaps {
		first.Gaps[i].Of[0] = "changed"
	}
	other, err := json.Marshal(mustScore(t, m, person("other", levels{aoe.Coaching: 5}), role.CLO))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(other, &first); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(mustScore(t, m, p, role.CLO))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(keep), string(again)); d != "" {
		t.Errorf("a changed result leaked into a later one:\n%s", d)
	}
}

// TestResultClone: a clone equals its original and shares no array with
// it.
func TestResultClone(t *testing.T) {
	m := match.New(nil)
	for _, target := range allTargets {
		r := mustScore(t, m, morgan(), target)
		c := r.Clone()
		if d := cmp.Diff(r, c); d != "" {
			t.Fatalf("%s: clone differs (-original +clone):\n%s", target, d)
		}
		var check func(path string, a, b match.Result)
		check = func(path string, a, b match.Result) {
			same := func(what string, x, y any) {
				if reflect.ValueOf(x).Len() > 0 && reflect.ValueOf(x).Pointer() == reflect.ValueOf(y).Pointer() {
					t.Errorf("%s%s: clone shares %s", target, path, what)
				}
			}
			same("Outcomes", a.Outcomes, b.Outcomes)
			same("Gaps", a.Gaps, b.Gaps)
			same("Parts", a.Parts, b.Parts)
			for i := range a.Outcomes {
				same(fmt.Sprintf("Outcomes[%d].Of", i), a.Outcomes[i].Of, b.Outcomes[i].Of)
			}
			for i := range a.Gaps {
				same(fmt.Sprintf("Gaps[%d].Of", i), a.Gaps[i].Of, b.Gaps[i].Of)
			}
			for i := range a.Parts {
				check(fmt.Sprintf("%s/Parts[%d]", path, i), a.Parts[i].Result, b.Parts[i].Result)
			}
		}
		check("", r, c)
	}
	var zero match.Result
	if d := cmp.Diff(zero, zero.Clone()); d != "" {
		t.Errorf("zero Result's clone differs:\n%s", d)
	}
}

// scramble changes everything the value v points to holds, at any depth,
// in every way a caller could: it sets each number and flag, overwrites
// each string, and reverses each list (as a sort might), then appends to
// it.
func scramble(v any) { scrambleValue(reflect.ValueOf(v).Elem()) }

func scrambleValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			scrambleValue(v.Field(i))
		}
	case reflect.Slice:
		for i := range v.Len() {
			scrambleValue(v.Index(i))
		}
		for i, j := 0, v.Len()-1; i < j; i, j = i+1, j-1 {
			x := reflect.New(v.Type().Elem()).Elem()
			x.Set(v.Index(i))
			v.Index(i).Set(v.Index(j))
			v.Index(j).Set(x)
		}
		v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
	case reflect.String:
		v.SetString("changed")
	case reflect.Int:
		v.SetInt(-9)
	case reflect.Float64:
		v.SetFloat(-1)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	}
}

// listsOf returns every non-empty list that v holds, at any depth.
func listsOf(v reflect.Value) []reflect.Value {
	var out []reflect.Value
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			out = append(out, listsOf(v.Field(i))...)
		}
	case reflect.Slice:
		if v.Cap() > 0 {
			out = append(out, v)
		}
		for i := range v.Len() {
			out = append(out, listsOf(v.Index(i))...)
		}
	}
	return out
}

// TestResultsAreOwned: whatever Score, BestRoles, Rank, Team, TeamPlan,
// Plan and Assign return belongs to the caller. Its lists share no memory
// with each other (so appending to one never writes into another, and
// each Of list is full to its capacity), and changing every slice and
// value in it leaves later results as they were.
func TestResultsAreOwned(t *testing.T) {
	m := match.New(nil)
	p := morgan()
	team := []profile.Profile{p, person("dana", levels{competency.BuildingTrust: 2, aoe.Coaching: 4}), person("lee", levels{aoe.DesigningLearning: 5})}
	for _, op := range []struct {
		name string
		run  func() (any, error)
	}{
		{"Score", func() (any, error) { return m.Score(p, role.CLO) }},
		{"BestRoles", func() (any, error) { return m.BestRoles(p), nil }},
		{"Rank", func() (any, error) { return m.Rank(team, role.CLO, 0) }},
		{"Team", func() (any, error) { return m.Team(team, role.CLO) }},
		{"TeamPlan", func() (any, error) { return m.TeamPlan(team, role.CLO) }},
		{"Plan", func() (any, error) { return m.Plan(p, role.CLO) }},
		{"Assign", func() (any, error) {
			return m.Assign(team, []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager})
		}},
	} {
		want, err := op.run()
		if err != nil {
			t.Fatalf("%s: %v", op.name, err)
		}
		got, _ := op.run()
		v := reflect.New(reflect.TypeOf(got))
		v.Elem().Set(reflect.ValueOf(got))
		// No two lists share memory: in order of address, each starts
		// past the end of the ones before it.
		lists := listsOf(v.Elem())
		sort.Slice(lists, func(i, j int) bool { return lists[i].Pointer() < lists[j].Pointer() })
		end, last := uintptr(0), reflect.Value{}
		for _, l := range lists {
			if l.Type() == reflect.TypeFor[[]competency.ID]() && l.Len() != l.Cap() {
				t.Errorf("%s: an Of list of %d IDs has room for %d", op.name, l.Len(), l.Cap())
			}
			if l.Pointer() < end {
				t.Errorf("%s: two lists share memory: %v and %v", op.name, last, l)
			}
			if e := l.Pointer() + uintptr(l.Cap())*l.Type().Elem().Size(); e > end {
				end, last = e, l
			}
		}
		scramble(v.Interface())
		if reflect.DeepEqual(want, v.Elem().Interface()) {
			t.Fatalf("%s: scramble changed nothing", op.name)
		}
		again, _ := op.run()
		if d := diff(want, again); d != "" {
			t.Errorf("%s: a changed result leaked into a later one (-before +after):\n%s", op.name, d)
		}
	}
}

// TestInvariantResultsAreFresh: changing anything in what Score,
// BestRoles and Rank return changes no later result, nor the framework.
func TestInvariantResultsAreFresh(t *testing.T) {
	rng := fixedRNG(6)
	for _, nf := range testFrameworks(t) {
		name, f := nf.name, nf.f
		m := match.New(f)
		spec := f.Spec()
		ps := richPeople(rng, f, 8)
		for _, target := range targetsOf(f) {
			for _, p := range ps {
				keep := mustScore(t, m, p, target)
				got := mustScore(t, m, p, target)
				scramble(&got)
				if d := diff(keep, mustScore(t, m, p, target)); d != "" {
					t.Fatalf("%s %s: a changed Score result leaked (-before +after):\n%s", name, target, d)
				}
			}
			keep, err := m.Rank(ps, target, 0)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := m.Rank(ps, target, 0)
			scramble(&got)
			again, _ := m.Rank(ps, target, 0)
			if d := diff(keep, again); d != "" {
				t.Fatalf("%s %s: a changed ranking leaked (-before +after):\n%s", name, target, d)
			}
		}
		keep := m.BestRoles(ps[0])
		got := m.BestRoles(ps[0])
		scramble(&got)
		if d := diff(keep, m.BestRoles(ps[0])); d != "" {
			t.Fatalf("%s: a changed BestRoles result leaked (-before +after):\n%s", name, d)
		}
		if d := diff(spec, m.Framework().Spec()); d != "" {
			t.Fatalf("%s: scoring and scrambling results changed the framework:\n%s", name, d)
		}
	}
}
