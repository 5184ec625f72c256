package match_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
)

// fuzzMatchers are the matchers FuzzScore scores against: the default
// framework (partial and strict credit) and the two custom ones.
var fuzzMatchers = sync.OnceValues(func() ([]*match.Matcher, error) {
	out := []*match.Matcher{match.New(wlp.Default()), match.New(wlp.Default(), match.Strict())}
	for _, s := range []wlp.Spec{smallSpec(), manyIDsSpec()} {
		f, err := wlp.New(s)
		if err != nil {
			return nil, err
		}
		out = append(out, match.New(f), match.New(f, match.Strict(), match.Thresholds(0.5, 0.9)))
	}
	return out, nil
})

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
//
// Its seeds are the profiles of the bad-input catalogue, the test and
// example profiles, and the profiles below, written for the frameworks
// it scores against. Only inputs the fuzzer found that once failed
// belong in testdata/fuzz/FuzzScore.
func FuzzScore(f *testing.F) {
	for _, pattern := range []string{"../testdata/bad/profile-*.json", "../testdata/mini-profile.json", "../examples/data/*.json"} {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			f.Fatalf("no file matches %s: %v", pattern, err)
		}
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
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
		for _, target := range targetsOf(m.Framework()) {
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
				t.Fatalf("matcher %d: Score(%s) is not deterministic:\n%s", mi, target, cmp.Diff(r, again))
			}
		}
		best := m.BestRoles(p)
		if len(best) != len(m.Framework().Roles()) {
			t.Fatalf("matcher %d: BestRoles has %d results for %d roles", mi, len(best), len(m.Framework().Roles()))
		}
		for i, r := range best {
			if want, _ := m.Score(p, r.Target); !reflect.DeepEqual(want, r) {
				t.Fatalf("matcher %d: BestRoles()[%d] differs from Score(%s):\n%s", mi, i, r.Target, cmp.Diff(want, r))
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
