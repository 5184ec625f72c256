package match_test

// The fixtures the tests of package match share: small ways to write
// profiles, requirements and frameworks by hand, the frameworks and people
// the property tests draw at random, and the generated frameworks the
// growth benchmarks scale. Each is written once, here; a helper used by
// one test file only lives beside its tests.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// ---------------------------------------------------------------------------
// Comparing.

// approx compares the floats of hand-computed expectations.
var approx = cmpopts.EquateApprox(0, 1e-12)

// diff is cmp.Diff with a fast path: go-cmp walks large results slowly
// (and very slowly under -race), so it runs only to explain a difference.
func diff(want, got any) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return cmp.Diff(want, got)
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// ---------------------------------------------------------------------------
// Writing profiles, requirements and frameworks by hand.

// levels is a compact way to write a profile's ratings.
type levels map[competency.ID]competency.Level

// person builds a profile from levels.
func person(id string, ls levels) profile.Profile {
	p := profile.Profile{ID: id, Name: strings.ToUpper(id), Ratings: make(map[competency.ID]profile.Rating, len(ls))}
	for k, l := range ls {
		p.Ratings[k] = profile.Rating{Level: l, Source: profile.Manager}
	}
	return p
}

// withLevel returns a copy of p with id at level l.
func withLevel(p profile.Profile, id competency.ID, l competency.Level) profile.Profile {
	q := p.Clone()
	if q.Ratings == nil {
		q.Ratings = map[competency.ID]profile.Rating{}
	}
	r := q.Ratings[id]
	r.Level = l
	q.Ratings[id] = r
	return q
}

// of lists IDs.
func of(ids ...competency.ID) []competency.ID { return ids }

// single is a one-ID requirement.
func single(id competency.ID, l competency.Level, w float64) role.Requirement {
	return role.Requirement{Of: of(id), Level: l, Weight: w}
}

// group is a requirement that atLeast of ids reach l.
func group(atLeast int, l competency.Level, w float64, ids ...competency.ID) role.Requirement {
	return role.Requirement{Of: ids, AtLeast: atLeast, Level: l, Weight: w}
}

func mustNew(tb testing.TB, s wlp.Spec) *wlp.Framework {
	tb.Helper()
	f, err := wlp.New(s)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// custom builds a framework of the given competencies (all in the Personal
// cluster), roles and jobs, failing the test if it is invalid.
func custom(t testing.TB, comps []competency.ID, roles []role.Role, jobs []role.Job) *wlp.Framework {
	t.Helper()
	s := wlp.Spec{ID: "test-framework", Name: "Test", Roles: roles, Jobs: jobs}
	for _, id := range comps {
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "Competency " + string(id), Cluster: competency.Personal})
	}
	return mustNew(t, s)
}

// mustScore calls Score and fails the test on an error.
func mustScore(t testing.TB, m *match.Matcher, p profile.Profile, target role.ID) match.Result {
	t.Helper()
	r, err := m.Score(p, target)
	if err != nil {
		t.Fatalf("Score(%q, %s): %v", p.ID, target, err)
	}
	return r
}

// allTargets lists the default framework's roles, then its job.
var allTargets = []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist, role.CLO}

// targetsOf lists f's roles, then its jobs.
func targetsOf(f *wlp.Framework) []role.ID {
	var out []role.ID
	for _, r := range f.Roles() {
		out = append(out, r.ID)
	}
	for _, j := range f.Jobs() {
		out = append(out, j.ID)
	}
	return out
}

// morgan is a strong CLO candidate. Her levels and the arithmetic of her
// CLO fit are in TestScoreCLO.
func morgan() profile.Profile {
	return person("morgan", levels{
		competency.BuildingTrust:               4,
		competency.CommunicatingEffectively:    4,
		competency.InfluencingStakeholders:     4,
		competency.LeveragingDiversity:         2,
		competency.NetworkingAndPartnering:     4,
		competency.AnalyzingNeeds:              4,
		competency.ApplyingBusinessAcumen:      4,
		competency.DrivingResults:              4,
		competency.PlanningAssignments:         4,
		competency.ThinkingStrategically:       5,
		competency.DemonstratingAdaptability:   3,
		competency.ModelingPersonalDevelopment: 3,
		aoe.ManagingLearningFunction:           4,
		aoe.MeasuringAndEvaluating:             3,
		aoe.FacilitatingChange:                 3,
		aoe.ImprovingPerformance:               4,
		aoe.ManagingKnowledge:                  2,
		aoe.CareerPlanning:                     1,
		aoe.DeliveringTraining:                 1,
		// coaching and designing-learning unrated: 0
	})
}

// minimal returns the lowest levels that meet every requirement of target:
// singles at their level, a group's first k IDs at its level.
func minimal(f *wlp.Framework, target role.ID) levels {
	ls := levels{}
	need := func(reqs []role.Requirement) {
		for _, r := range reqs {
			for _, id := range r.Of[:r.K()] {
				ls[id] = max(ls[id], r.Level)
			}
		}
	}
	if j, ok := f.Job(target); ok {
		need(j.Requirements)
		for _, s := range j.Roles {
			r, _ := f.Role(s.Role)
			need(r.Requirements)
		}
	} else {
		r, _ := f.Role(target)
		need(r.Requirements)
	}
	return ls
}

// ---------------------------------------------------------------------------
// Drawing frameworks and people at random, and two frameworks made to
// reach what random ones rarely do.

// fixedRNG returns a random source with a fixed seed, so that every run
// of a test draws the same frameworks and people.
func fixedRNG(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 2004)) }

// randomPeople returns n people with IDs "p000000", "p000001", ...; each
// leaves one in skip of f's IDs unrated and rates the others at a level
// from 0 to 5 drawn from rng.
func randomPeople(rng *rand.Rand, f *wlp.Framework, n, skip int) []profile.Profile {
	ids := f.IDs()
	ps := make([]profile.Profile, n)
	for i := range ps {
		rs := make(map[competency.ID]profile.Rating, len(ids))
		for _, id := range ids {
			if rng.IntN(skip) > 0 {
				rs[id] = profile.Rating{Level: competency.Level(rng.IntN(6)), Source: profile.Manager}
			}
		}
		ps[i] = profile.Profile{ID: fmt.Sprintf("p%06d", i), Ratings: rs}
	}
	return ps
}

// randomProfiles returns n people who rate seven in eight IDs of f, drawn
// from a source of their own: the population of the benchmarks.
func randomProfiles(f *wlp.Framework, n int, seed uint64) []profile.Profile {
	return randomPeople(rand.New(rand.NewPCG(seed, 7)), f, n, 8)
}

// richPeople returns n profiles of f with every field set: levels across
// the scale, sources, dates, evidence and notes, reviews, and some ratings
// of IDs that f does not know.
func richPeople(rng *rand.Rand, f *wlp.Framework, n int) []profile.Profile {
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

// randomSpec returns a valid random framework: nc competencies "c0"...,
// na areas "a0"..., nr roles "r0"... with one to five requirements (single
// and group, with AtLeast) and nj jobs "j0"... blending up to three roles
// with up to two needs of their own.
func randomSpec(rng *rand.Rand, nc, na, nr, nj int) wlp.Spec {
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

// manyIDs is the number of competencies of the wide custom framework:
// more than a level vector holds on the stack.
const manyIDs = 140

// smallSpec is a small custom framework with short IDs, so that fuzzed
// profiles hit them: single and group requirements, AtLeast, areas, a job
// that blends roles and has needs of its own, a job of roles only and a
// job of requirements only. Its weights span three orders of magnitude.
func smallSpec() wlp.Spec {
	s := wlp.Spec{ID: "fuzz-small", Name: "Fuzz"}
	for _, id := range []competency.ID{"a", "b", "c", "d"} {
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "C " + string(id), Cluster: competency.Personal})
	}
	s.Areas = []aoe.Area{{ID: "x", Name: "Area x"}, {ID: "y", Name: "Area y"}}
	req := func(atLeast int, l competency.Level, w float64, ids ...competency.ID) role.Requirement {
		return role.Requirement{Of: ids, AtLeast: atLeast, Level: l, Weight: w}
	}
	s.Roles = []role.Role{
		{ID: "solo", Name: "Solo", Requirements: []role.Requirement{
			req(0, 3, 1, "a"), req(0, 5, 1000, "b"), req(0, 1, 1, "c"),
		}},
		{ID: "group", Name: "Group", Requirements: []role.Requirement{
			req(2, 4, 2, "a", "b", "c", "d"), req(0, 2, 1, "x", "y"), req(1, 5, 0.5, "d", "y"),
		}},
		{ID: "one", Name: "One", Requirements: []role.Requirement{req(0, 1, 1, "d")}},
	}
	s.Jobs = []role.Job{
		{ID: "blend", Title: "Blend",
			Roles:        []role.Share{{Role: "solo", Weight: 2}, {Role: "group", Weight: 1}, {Role: "one", Weight: 0.25}},
			Requirements: []role.Requirement{req(0, 5, 0.5, "y"), req(1, 2, 3, "a", "x")}},
		{ID: "roles-only", Title: "Roles only", Roles: []role.Share{{Role: "one", Weight: 1}, {Role: "group", Weight: 7}}},
		{ID: "own-only", Title: "Own only", Requirements: []role.Requirement{req(0, 4, 1, "b", "c")}},
	}
	return s
}

// manyIDsSpec is a framework of manyIDs competencies "w0" to "w139" and
// two roles with groups over many of them.
func manyIDsSpec() wlp.Spec {
	s := wlp.Spec{ID: "fuzz-wide", Name: "Wide"}
	var all []competency.ID
	for i := range manyIDs {
		id := competency.ID(fmt.Sprintf("w%d", i))
		all = append(all, id)
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "W", Cluster: competency.Interpersonal})
	}
	s.Roles = []role.Role{
		{ID: "all", Name: "All", Requirements: []role.Requirement{{Of: all, Level: 3, Weight: 1}}},
		{ID: "some", Name: "Some", Requirements: []role.Requirement{
			{Of: all[:70], AtLeast: 5, Level: 5, Weight: 2},
			{Of: all[130:], Level: 1, Weight: 1},
			{Of: all[139:], Level: 4, Weight: 3},
		}},
	}
	s.Jobs = []role.Job{{ID: "wide-job", Title: "Wide job", Roles: []role.Share{{Role: "all", Weight: 1}, {Role: "some", Weight: 1}},
		Requirements: []role.Requirement{{Of: all[:2], Level: 2, Weight: 1}}}}
	return s
}

// namedFramework is a framework under test and its name.
type namedFramework struct {
	name string
	f    *wlp.Framework
}

// testFrameworks returns the frameworks the invariants are checked on, in a
// fixed order: the default, the two made by hand (smallSpec and
// manyIDsSpec, which FuzzScore scores against too) and three
// random ones.
func testFrameworks(t *testing.T) []namedFramework {
	t.Helper()
	rng := fixedRNG(6)
	out := []namedFramework{{"default", wlp.Default()}}
	for _, s := range []struct {
		name string
		spec wlp.Spec
	}{
		{"small", smallSpec()},
		{"wide", manyIDsSpec()},
		{"random-1", randomSpec(rng, 6, 3, 5, 3)},
		{"random-2", randomSpec(rng, 30, 10, 12, 6)},
		{"random-3", randomSpec(rng, 2, 0, 2, 2)},
	} {
		f, err := wlp.New(s.spec)
		if err != nil {
			t.Fatalf("%s: wlp.New: %v", s.name, err)
		}
		out = append(out, namedFramework{s.name, f})
	}
	return out
}

// ---------------------------------------------------------------------------
// Generating frameworks of a chosen size, for the growth benchmarks.

// wideSpec is the default framework with n more competencies and roles
// "wide", which requires each of them (level 1 to 5 in turn), and
// "wide-groups", which asks for any n/2 of each tenth of them.
func wideSpec(n int) wlp.Spec {
	s := wlp.DefaultSpec()
	wide := role.Role{ID: "wide", Name: "Wide"}
	groups := role.Role{ID: "wide-groups", Name: "Wide groups"}
	var ids []competency.ID
	for i := range n {
		id := competency.ID("c" + strconv.Itoa(i))
		ids = append(ids, id)
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "C" + strconv.Itoa(i), Cluster: s.Competencies[0].Cluster})
		wide.Requirements = append(wide.Requirements, role.Requirement{Of: []competency.ID{id}, Level: competency.Level(1 + i%5), Weight: float64(1 + i%3), Why: "w"})
	}
	for g := range 10 {
		of := ids[g*n/10 : (g+1)*n/10]
		groups.Requirements = append(groups.Requirements, role.Requirement{Of: of, AtLeast: len(of) / 2, Level: 3, Weight: 1, Why: "w"})
	}
	s.Roles = append(s.Roles, wide, groups)
	return s
}

// widePerson rates every ID of f at a level drawn from rng.
func widePerson(rng *rand.Rand, f *wlp.Framework, id string) profile.Profile {
	p := profile.Profile{ID: id, Ratings: map[competency.ID]profile.Rating{}}
	for _, c := range f.IDs() {
		p.Ratings[c] = profile.Rating{Level: competency.Level(rng.IntN(6))}
	}
	return p
}

// blendSpec is the default framework's IDs with n roles of reqs
// requirements each and n jobs that each blend every role: a document
// whose size grows as n², but whose jobs, compiled, would hold n³
// requirements.
func blendSpec(n, reqs int) wlp.Spec {
	s := wlp.DefaultSpec()
	s.Roles, s.Jobs = nil, nil
	var ids []competency.ID
	for _, c := range s.Competencies {
		ids = append(ids, c.ID)
	}
	for _, a := range s.Areas {
		ids = append(ids, a.ID)
	}
	for r := range n {
		ro := role.Role{ID: role.ID("role-" + strconv.Itoa(r)), Name: "Role"}
		for q := range reqs {
			ro.Requirements = append(ro.Requirements, role.Requirement{Of: []competency.ID{ids[(r+q)%len(ids)]}, Level: 3, Weight: 1, Why: "w"})
		}
		s.Roles = append(s.Roles, ro)
	}
	for j := range n {
		jb := role.Job{ID: role.ID("job-" + strconv.Itoa(j)), Title: "Job"}
		for r := range n {
			// Listed out of ID order, so the parts' ranks are worked out.
			jb.Roles = append(jb.Roles, role.Share{Role: role.ID("role-" + strconv.Itoa((r*7+j)%n)), Weight: float64(1 + r%3)})
		}
		s.Jobs = append(s.Jobs, jb)
	}
	return s
}

// sink keeps the benchmarks' results alive.
var sink float64
