package match_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// fuzzWide is the number of competencies of the wide custom framework:
// more than a level vector holds on the stack.
const fuzzWide = 140

// fuzzSmallSpec is a small custom framework with short IDs, so that fuzzed
// profiles hit them: single and group requirements, AtLeast, areas, a job
// that blends roles and has needs of its own, a job of roles only and a
// job of requirements only. Its weights span three orders of magnitude.
func fuzzSmallSpec() wlp.Spec {
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

// fuzzWideSpec is a framework of fuzzWide competencies "w0" to "w139" and
// two roles with groups over many of them.
func fuzzWideSpec() wlp.Spec {
	s := wlp.Spec{ID: "fuzz-wide", Name: "Wide"}
	var all []competency.ID
	for i := range fuzzWide {
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

// fuzzMatchers are the matchers FuzzScore scores against: the default
// framework (partial and strict credit) and the two custom ones.
var fuzzMatchers = sync.OnceValues(func() ([]*match.Matcher, error) {
	out := []*match.Matcher{match.New(wlp.Default()), match.New(wlp.Default(), match.Strict())}
	for _, s := range []wlp.Spec{fuzzSmallSpec(), fuzzWideSpec()} {
		f, err := wlp.New(s)
		if err != nil {
			return nil, err
		}
		out = append(out, match.New(f), match.New(f, match.Strict(), match.Thresholds(0.5, 0.9)))
	}
	return out, nil
})

// fuzzTargets returns every role and job of m's framework.
func fuzzTargets(m *match.Matcher) []role.ID {
	var out []role.ID
	for _, r := range m.Framework().Roles() {
		out = append(out, r.ID)
	}
	for _, j := range m.Framework().Jobs() {
		out = append(out, j.ID)
	}
	return out
}

// fuzzCheckResult checks the invariants every result must hold and
// returns a description of the first one broken, or "".
func fuzzCheckResult(r match.Result) string {
	if math.IsNaN(r.Fit) || r.Fit < 0 || r.Fit > 1 {
		return fmt.Sprintf("fit %v is not in [0, 1]", r.Fit)
	}
	exact := r.Confidence == match.Exact
	if exact != (len(r.Gaps) == 0) {
		return fmt.Sprintf("confidence %v with %d gaps: Exact must hold exactly when there are no gaps", r.Confidence, len(r.Gaps))
	}
	if exact != (r.Fit == 1) {
		return fmt.Sprintf("confidence %v with fit %v: only an exact result fits fully", r.Confidence, r.Fit)
	}
	unmet := 0
	for _, o := range r.Outcomes {
		if o.Met != (o.Score == 1) || o.Score < 0 || o.Score > 1 || math.IsNaN(o.Score) {
			return fmt.Sprintf("outcome %+v: score out of range or Met disagrees", o)
		}
		if !o.Met {
			unmet++
		}
	}
	for _, p := range r.Parts {
		if msg := fuzzCheckResult(p.Result); msg != "" {
			return "part " + string(p.Role) + ": " + msg
		}
		unmet += len(p.Result.Gaps)
	}
	if unmet != len(r.Gaps) {
		return fmt.Sprintf("%d unmet requirements but %d gaps", unmet, len(r.Gaps))
	}
	for i, g := range r.Gaps {
		if !(g.Gain > 0 && g.Gain <= 1) {
			return fmt.Sprintf("gap %d %+v: gain %v is not in (0, 1]", i, g, g.Gain)
		}
		if len(g.Of) == 0 || g.Have >= g.Need {
			return fmt.Sprintf("gap %d %+v names nothing, or its k-th best level meets the need", i, g)
		}
		if i == 0 {
			continue
		}
		p := r.Gaps[i-1]
		switch {
		case p.Gain > g.Gain:
		case p.Gain < g.Gain:
			return fmt.Sprintf("gaps %d and %d: gain %v before %v", i-1, i, p.Gain, g.Gain)
		case p.Of[0] < g.Of[0]:
		case p.Of[0] > g.Of[0]:
			return fmt.Sprintf("gaps %d and %d: equal gains, %q before %q", i-1, i, p.Of[0], g.Of[0])
		case p.Part > g.Part:
			return fmt.Sprintf("gaps %d and %d: equal gains and first IDs, part %q before %q", i-1, i, p.Part, g.Part)
		}
	}
	return ""
}

// FuzzScore decodes arbitrary bytes as a profile and scores every profile
// that decodes against every role and job of several frameworks: scoring
// never panics and every result holds its invariants. Besides
// profile.Load, it decodes the bytes leniently with encoding/json, as a
// caller who skips validation would, so that levels off the scale and
// unknown IDs reach the matcher too.
func FuzzScore(f *testing.F) {
	for _, seed := range []string{
		`{"id":"alex","name":"Alex Kim","ratings":{"thinking-strategically":{"level":4,"source":"manager"},"coaching":{"level":2,"source":"self"}}}`,
		`{"id":"e"}`,
		`{"id":"a","ratings":{"a":{"level":5},"b":{"level":4},"c":{"level":0},"x":{"level":2},"y":{"level":5}}}`,
		`{"id":"w","ratings":{"w0":{"level":5},"w69":{"level":5},"w139":{"level":3},"w135":{"level":1}}}`,
		`{"id":"u","ratings":{"unknown":{"level":5},"coaching":{"level":5,"assessedAt":"2024-02-29","evidence":["e"],"note":"n"}}}`,
		`{"ratings":{"a":{"level":-9},"b":{"level":127},"coaching":{"level":9223372036854775807},"Coaching":{"level":-128}}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := fuzzMatchers()
		if err != nil {
			t.Fatalf("the fuzz frameworks: %v", err)
		}
		if p, err := profile.Load(bytes.NewReader(data)); err == nil {
			fuzzScoreAll(t, ms, p, data)
		}
		var lenient profile.Profile
		if json.Unmarshal(data, &lenient) == nil {
			fuzzScoreAll(t, ms, lenient, data)
		}
	})
}

// fuzzScoreAll scores p with every matcher against every target and
// checks the results.
func fuzzScoreAll(t *testing.T, ms []*match.Matcher, p profile.Profile, data []byte) {
	t.Helper()
	for mi, m := range ms {
		for _, target := range fuzzTargets(m) {
			r, err := m.Score(p, target)
			if err != nil {
				t.Fatalf("matcher %d: Score(%s): %v", mi, target, err)
			}
			if r.Target != target {
				t.Fatalf("matcher %d: Score(%s) has target %q", mi, target, r.Target)
			}
			if msg := fuzzCheckResult(r); msg != "" {
				t.Fatalf("matcher %d: Score(%s): %s\nprofile: %q\nresult: %+v", mi, target, msg, data, r)
			}
			fit, err := m.Fit(p, target)
			if err != nil || fit != r.Fit {
				t.Fatalf("matcher %d: Fit(%s) = %v, %v; Score().Fit = %v", mi, target, fit, err, r.Fit)
			}
			if again, _ := m.Score(p, target); !reflect.DeepEqual(r, again) {
				t.Fatalf("matcher %d: Score(%s) is not deterministic:\n%s", mi, target, gocmp.Diff(r, again))
			}
		}
		best := m.BestRoles(p)
		if len(best) != len(m.Framework().Roles()) {
			t.Fatalf("matcher %d: BestRoles has %d results for %d roles", mi, len(best), len(m.Framework().Roles()))
		}
		for i, r := range best {
			if want, _ := m.Score(p, r.Target); !reflect.DeepEqual(want, r) {
				t.Fatalf("matcher %d: BestRoles()[%d] differs from Score(%s):\n%s", mi, i, r.Target, gocmp.Diff(want, r))
			}
			if i > 0 && best[i-1].Fit < r.Fit {
				t.Fatalf("matcher %d: BestRoles out of order at %d", mi, i)
			}
		}
	}
	if _, err := ms[0].Score(p, "no-such-target"); !errors.Is(err, match.ErrUnknownTarget) || !strings.Contains(err.Error(), "no-such-target") {
		t.Fatalf("Score of an unknown target: %v", err)
	}
}
