package match_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

// invRNG is the fixed-seed source of the invariant tests.
func invRNG() *rand.Rand { return rand.New(rand.NewPCG(6, 2004)) }

// invDiff is go-cmp's Diff, run only when reflect.DeepEqual (which holds
// exactly when go-cmp without options finds no difference in these plain
// data types) says the values differ: go-cmp is slow on large results.
func invDiff(want, got any) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return gocmp.Diff(want, got)
}

// invRandomSpec returns a valid random framework: nc competencies "c0"...,
// na areas "a0"..., nr roles "r0"... with one to five requirements (single
// and group, with AtLeast) and nj jobs "j0"... blending up to three roles
// with up to two needs of their own.
func invRandomSpec(rng *rand.Rand, nc, na, nr, nj int) wlp.Spec {
	s := wlp.Spec{ID: "random", Name: "Random"}
	var ids []competency.ID
	clusters := []competency.Cluster{competency.Interpersonal, competency.BusinessManagement, competency.Personal}
	for i := range nc {
		id := competency.ID(fmt.Sprintf("c%d", i))
		ids = append(ids, id)
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "C" + string(id), Cluster: clusters[rng.IntN(3)]})
	}
	for i := range na {
		id := competency.ID(fmt.Sprintf("a%d", i))
		ids = append(ids, id)
		s.Areas = append(s.Areas, aoe.Area{ID: id, Name: "A" + string(id)})
	}
	weights := []float64{0.5, 1, 2, 3, 10, 0.25}
	req := func() role.Requirement {
		n := 1 + rng.IntN(min(4, len(ids)))
		perm := rng.Perm(len(ids))[:n]
		r := role.Requirement{Level: competency.Level(1 + rng.IntN(5)), Weight: weights[rng.IntN(len(weights))]}
		for _, i := range perm {
			r.Of = append(r.Of, ids[i])
		}
		if n > 1 {
			r.AtLeast = rng.IntN(n + 1)
		}
		return r
	}
	for i := range nr {
		r := role.Role{ID: role.ID(fmt.Sprintf("r%d", i)), Name: fmt.Sprintf("Role %d", i)}
		for range 1 + rng.IntN(5) {
			r.Requirements = append(r.Requirements, req())
		}
		s.Roles = append(s.Roles, r)
	}
	for i := range nj {
		j := role.Job{ID: role.ID(fmt.Sprintf("j%d", i)), Title: fmt.Sprintf("Job %d", i)}
		for _, k := range rng.Perm(nr)[:rng.IntN(min(3, nr)+1)] {
			j.Roles = append(j.Roles, role.Share{Role: s.Roles[k].ID, Weight: weights[rng.IntN(len(weights))]})
		}
		for range rng.IntN(3) {
			j.Requirements = append(j.Requirements, req())
		}
		if len(j.Roles) == 0 && len(j.Requirements) == 0 {
			j.Requirements = append(j.Requirements, req())
		}
		s.Jobs = append(s.Jobs, j)
	}
	return s
}

// invFramework is a framework under test and its name.
type invFramework struct {
	name string
	f    *wlp.Framework
}

// invFrameworks returns the frameworks the invariants are checked on, in a
// fixed order: the default, the fuzz target's two custom ones and three
// random ones.
func invFrameworks(t *testing.T) []invFramework {
	t.Helper()
	rng := invRNG()
	out := []invFramework{{"default", wlp.Default()}}
	for _, s := range []struct {
		name string
		spec wlp.Spec
	}{
		{"small", fuzzSmallSpec()},
		{"wide", fuzzWideSpec()},
		{"random-1", invRandomSpec(rng, 6, 3, 5, 3)},
		{"random-2", invRandomSpec(rng, 30, 10, 12, 6)},
		{"random-3", invRandomSpec(rng, 2, 0, 2, 2)},
	} {
		f, err := wlp.New(s.spec)
		if err != nil {
			t.Fatalf("%s: wlp.New: %v", s.name, err)
		}
		out = append(out, invFramework{s.name, f})
	}
	return out
}

// invPeople returns n profiles of f with every field set: levels across
// the scale, sources, dates, evidence and notes, reviews, and some ratings
// of IDs that f does not know.
func invPeople(rng *rand.Rand, f *wlp.Framework, n int) []profile.Profile {
	ids := append(f.IDs(), "not-in-the-framework")
	sources := append(profile.Sources(), profile.Unstated)
	ps := make([]profile.Profile, n)
	for i := range ps {
		p := profile.Profile{ID: fmt.Sprintf("p%03d", i), Name: fmt.Sprintf("Person <%d> & \u2028 Ünïcode", i)}
		for _, id := range ids {
			if rng.IntN(5) == 0 {
				continue
			}
			r := profile.Rating{Level: competency.Level(rng.IntN(6)), Source: sources[rng.IntN(len(sources))]}
			if rng.IntN(2) == 0 {
				r.AssessedAt = fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(20), 1+rng.IntN(12), 1+rng.IntN(28))
			}
			for range rng.IntN(3) {
				r.Evidence = append(r.Evidence, fmt.Sprintf("https://example.com/e/%d?a=1&b=<2>", rng.IntN(1000)))
			}
			if rng.IntN(3) == 0 {
				r.Note = "note \"quoted\"\nline two\t\u00e9"
			}
			if p.Ratings == nil {
				p.Ratings = map[competency.ID]profile.Rating{}
			}
			p.Ratings[id] = r
		}
		// Some keep a 360-degree review beside their ratings. Each review
		// rates at least one ID: a review with nil Levels encodes as
		// "levels": null, which profile.Load rejects.
		for r := range rng.IntN(3) {
			rv := profile.Review{Rater: fmt.Sprintf("rater %d", r), Source: sources[rng.IntN(len(sources))], Levels: map[competency.ID]competency.Level{}}
			for range 1 + rng.IntN(4) {
				rv.Levels[ids[rng.IntN(len(ids))]] = competency.Level(rng.IntN(6))
			}
			if rng.IntN(2) == 0 {
				rv.AssessedAt, rv.Note = "2025-12-31", "after the project <review>"
			}
			p.Reviews = append(p.Reviews, rv)
		}
		ps[i] = p
	}
	return ps
}

// invTargets returns f's roles, then its jobs.
func invTargets(f *wlp.Framework) []role.ID {
	var out []role.ID
	for _, r := range f.Roles() {
		out = append(out, r.ID)
	}
	for _, j := range f.Jobs() {
		out = append(out, j.ID)
	}
	return out
}

// invRoundTrip encodes v as JSON and decodes it into a fresh value of the
// same type.
func invRoundTrip[T any](t *testing.T, v T) (T, []byte) {
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

// invSchemaValid checks the JSON document b against the schema of kind.
func invSchemaValid(t *testing.T, kind string, b []byte) {
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
	for _, nf := range invFrameworks(t) {
		name, f := nf.name, nf.f
		want := f.Spec()
		got, b := invRoundTrip(t, want)
		if d := invDiff(want, got); d != "" {
			t.Errorf("%s: Spec JSON round trip (-want +got):\n%s", name, d)
		}
		invSchemaValid(t, schema.Framework, b)
		mb, err := f.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		loaded, err := wlp.Load(bytes.NewReader(mb))
		if err != nil {
			t.Fatalf("%s: Load(MarshalJSON()): %v", name, err)
		}
		if d := invDiff(want, loaded.Spec()); d != "" {
			t.Errorf("%s: Load(MarshalJSON()).Spec() (-want +got):\n%s", name, d)
		}
	}
}

// TestInvariantRoundTripProfile: a profile with every field set (sources,
// dates, evidence, notes, text that JSON escapes) survives JSON, by
// encoding/json and by profile.Load.
func TestInvariantRoundTripProfile(t *testing.T) {
	rng := invRNG()
	ps := invPeople(rng, wlp.Default(), 100)
	ps = append(ps, profile.Profile{ID: "bare"})
	withDates, withReviews := 0, 0
	for _, p := range ps {
		if len(p.Reviews) > 0 {
			withReviews++
		}
		got, b := invRoundTrip(t, p)
		if d := invDiff(p, got); d != "" {
			t.Fatalf("%s: JSON round trip (-want +got):\n%s", p.ID, d)
		}
		loaded, err := profile.Load(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: profile.Load of the encoding: %v", p.ID, err)
		}
		if d := invDiff(p, loaded); d != "" {
			t.Fatalf("%s: profile.Load round trip (-want +got):\n%s", p.ID, d)
		}
		invSchemaValid(t, schema.Profile, b)
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
	rng := invRNG()
	for _, nf := range invFrameworks(t) {
		name, f := nf.name, nf.f
		m := match.New(f)
		ps := invPeople(rng, f, 20)
		for _, target := range invTargets(f) {
			for _, p := range ps[:5] {
				r := mustScore(t, m, p, target)
				got, b := invRoundTrip(t, r)
				if d := invDiff(r, got); d != "" {
					t.Fatalf("%s %s %s: Result round trip (-want +got):\n%s", name, target, p.ID, d)
				}
				invSchemaValid(t, schema.Result, b)
			}
			for _, k := range []int{0, 3} {
				ranked, err := m.Rank(ps, target, k)
				if err != nil {
					t.Fatal(err)
				}
				got, b := invRoundTrip(t, ranked)
				if d := invDiff(ranked, got); d != "" {
					t.Fatalf("%s %s: Ranked round trip (-want +got):\n%s", name, target, d)
				}
				invSchemaValid(t, schema.Ranking, b)
			}
		}
		best := m.BestRoles(ps[0])
		if got, _ := invRoundTrip(t, best); invDiff(best, got) != "" {
			t.Errorf("%s: BestRoles round trip: %s", name, invDiff(best, got))
		}
	}
}

// invShuffled returns a copy of s with its roles, jobs, competencies and
// areas in a random order, and each job's shares too.
func invShuffled(rng *rand.Rand, s wlp.Spec, all bool) wlp.Spec {
	s = s.Clone()
	shuffle := func(n int, swap func(i, j int)) { rng.Shuffle(n, swap) }
	shuffle(len(s.Roles), func(i, j int) { s.Roles[i], s.Roles[j] = s.Roles[j], s.Roles[i] })
	if all {
		shuffle(len(s.Jobs), func(i, j int) { s.Jobs[i], s.Jobs[j] = s.Jobs[j], s.Jobs[i] })
		shuffle(len(s.Competencies), func(i, j int) { s.Competencies[i], s.Competencies[j] = s.Competencies[j], s.Competencies[i] })
		shuffle(len(s.Areas), func(i, j int) { s.Areas[i], s.Areas[j] = s.Areas[j], s.Areas[i] })
	}
	return s
}

// invByTarget maps results by target.
func invByTarget(rs []match.Result) map[role.ID]match.Result {
	out := make(map[role.ID]match.Result, len(rs))
	for _, r := range rs {
		out[r.Target] = r
	}
	return out
}

// TestInvariantRoleOrder: the order of a framework's roles (and of its
// jobs, competencies and areas) never changes a result, for a role or a
// job, nor the set of BestRoles results; only BestRoles' order among equal
// fits may follow the new order.
func TestInvariantRoleOrder(t *testing.T) {
	rng := invRNG()
	for _, nf := range invFrameworks(t) {
		name, f := nf.name, nf.f
		m := match.New(f)
		ps := invPeople(rng, f, 15)
		for _, all := range []bool{false, true} {
			for range 3 {
				s := invShuffled(rng, f.Spec(), all)
				g, err := wlp.New(s)
				if err != nil {
					t.Fatalf("%s: New of the shuffled spec: %v", name, err)
				}
				m2 := match.New(g)
				for _, p := range ps {
					for _, target := range invTargets(f) {
						if d := invDiff(mustScore(t, m, p, target), mustScore(t, m2, p, target)); d != "" {
							t.Fatalf("%s (all kinds shuffled: %v) %s %s: result changed (-before +after):\n%s", name, all, p.ID, target, d)
						}
					}
					b1, b2 := m.BestRoles(p), m2.BestRoles(p)
					if d := invDiff(invByTarget(b1), invByTarget(b2)); d != "" || len(b1) != len(b2) {
						t.Fatalf("%s %s: BestRoles changed (-before +after):\n%s", name, p.ID, d)
					}
					for i := 1; i < len(b2); i++ {
						if b2[i-1].Fit < b2[i].Fit {
							t.Fatalf("%s %s: BestRoles out of order", name, p.ID)
						}
					}
				}
			}
		}
	}
}

// TestInvariantRatingOrder: the order of the ratings in a profile
// document, and the order in which a Ratings map is filled, change
// nothing.
func TestInvariantRatingOrder(t *testing.T) {
	rng := invRNG()
	for _, nf := range invFrameworks(t) {
		name, f := nf.name, nf.f
		m := match.New(f)
		for _, p := range invPeople(rng, f, 10) {
			ids := p.IDs()
			for range 3 {
				rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
				// A document with the ratings in this order.
				var b strings.Builder
				fmt.Fprintf(&b, `{"id":%q,"ratings":{`, p.ID)
				q := profile.Profile{ID: p.ID, Ratings: map[competency.ID]profile.Rating{}}
				for i, id := range ids {
					if i > 0 {
						b.WriteByte(',')
					}
					r := p.Ratings[id]
					fmt.Fprintf(&b, `%q:{"level":%d}`, id, r.Level)
					q.Ratings[id] = profile.Rating{Level: r.Level}
				}
				b.WriteString("}}")
				if len(q.Ratings) == 0 {
					q.Ratings = nil // as Load returns it
				}
				loaded, err := profile.Load(strings.NewReader(b.String()))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if d := invDiff(q, loaded); d != "" {
					t.Fatalf("%s: the document in another order decoded differently:\n%s", name, d)
				}
				for _, target := range invTargets(f) {
					want := mustScore(t, m, p, target)
					if d := invDiff(want, mustScore(t, m, loaded, target)); d != "" {
						t.Fatalf("%s %s %s: rating order changed the result:\n%s", name, p.ID, target, d)
					}
				}
				if d := invDiff(m.BestRoles(p), m.BestRoles(loaded)); d != "" {
					t.Fatalf("%s %s: rating order changed BestRoles:\n%s", name, p.ID, d)
				}
			}
		}
	}
}

// invScramble changes every slice a result holds, and every value in
// them, through the result the caller got: all that Result lets a caller
// change. The elements of Of lists are shared, so it appends to them and
// replaces them, but leaves the shared elements alone.
func invScramble(r *match.Result) {
	r.Target, r.Name, r.Fit = "changed", "changed", -1
	for i := range r.Outcomes {
		o := &r.Outcomes[i]
		o.Of = append(o.Of, "appended")
		o.Score, o.Need = -1, 99
	}
	r.Outcomes = append(r.Outcomes, match.Outcome{})
	for i := range r.Gaps {
		g := &r.Gaps[i]
		g.Of = append(g.Of, "appended")
		g.Of[0] = "changed" // in the copy append made
		g.Gain = -1
	}
	slices.Reverse(r.Gaps)
	for i := range r.Parts {
		invScramble(&r.Parts[i].Result)
		r.Parts[i].Share = -1
	}
	slices.Reverse(r.Parts)
}

// TestInvariantResultsAreFresh: changing anything in what Score,
// BestRoles and Rank return changes no later result, nor the framework.
func TestInvariantResultsAreFresh(t *testing.T) {
	rng := invRNG()
	for _, nf := range invFrameworks(t) {
		name, f := nf.name, nf.f
		m := match.New(f)
		spec := f.Spec()
		ps := invPeople(rng, f, 8)
		for _, target := range invTargets(f) {
			for _, p := range ps {
				keep := mustScore(t, m, p, target)
				got := mustScore(t, m, p, target)
				invScramble(&got)
				if d := invDiff(keep, mustScore(t, m, p, target)); d != "" {
					t.Fatalf("%s %s: a changed Score result leaked (-before +after):\n%s", name, target, d)
				}
			}
			keep, err := m.Rank(ps, target, 0)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := m.Rank(ps, target, 0)
			for i := range got {
				got[i].Profile = "changed"
				invScramble(&got[i].Result)
			}
			again, _ := m.Rank(ps, target, 0)
			if d := invDiff(keep, again); d != "" {
				t.Fatalf("%s %s: a changed ranking leaked (-before +after):\n%s", name, target, d)
			}
		}
		keep := m.BestRoles(ps[0])
		got := m.BestRoles(ps[0])
		for i := range got {
			invScramble(&got[i])
		}
		if d := invDiff(keep, m.BestRoles(ps[0])); d != "" {
			t.Fatalf("%s: a changed BestRoles result leaked (-before +after):\n%s", name, d)
		}
		if d := invDiff(spec, m.Framework().Spec()); d != "" {
			t.Fatalf("%s: scoring and scrambling results changed the framework:\n%s", name, d)
		}
	}
}

// TestInvariantMonotoneOnRandomFrameworks: raising one rating never
// lowers a fit, on frameworks unlike the default.
func TestInvariantMonotoneOnRandomFrameworks(t *testing.T) {
	rng := invRNG()
	for _, nf := range invFrameworks(t) {
		name, f := nf.name, nf.f
		for _, m := range []*match.Matcher{match.New(f), match.New(f, match.Strict())} {
			ids := f.IDs()
			for _, p := range invPeople(rng, f, 10) {
				id := ids[rng.IntN(len(ids))]
				for l := competency.Level(0); l < competency.MaxLevel; l++ {
					lo, hi := withLevel(p, id, l), withLevel(p, id, l+1)
					for _, target := range invTargets(f) {
						a, _ := m.Fit(lo, target)
						b, _ := m.Fit(hi, target)
						if b < a {
							t.Fatalf("%s %s: raising %s from %d to %d lowered the fit from %v to %v", name, target, id, l, l+1, a, b)
						}
					}
				}
			}
		}
	}
}

// TestInvariantSameFrameworkSameResults: two matchers of equal frameworks
// (one rebuilt from the other's JSON) give identical results.
func TestInvariantSameFrameworkSameResults(t *testing.T) {
	rng := invRNG()
	for _, nf := range invFrameworks(t) {
		name, f := nf.name, nf.f
		b, err := f.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		g, err := wlp.Load(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		m1, m2 := match.New(f), match.New(g)
		ps := invPeople(rng, f, 10)
		for _, target := range invTargets(f) {
			r1, _ := m1.Rank(ps, target, 0)
			r2, _ := m2.Rank(ps, target, 0)
			if d := invDiff(r1, r2); d != "" {
				t.Fatalf("%s %s: rankings differ:\n%s", name, target, d)
			}
		}
	}
}
