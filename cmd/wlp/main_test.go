// The tests of cmd/wlp are named after the file they test (score_test.go
// tests score.go). This file holds TestMain and what the tests of every
// command share: the sample data, runWLP, which runs the command
// in-process, and the sample teams.

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
	"github.com/wlpmodel/wlp/schema"
)

// targets returns every role and job of f.
func targets(f *wlp.Framework) []role.ID {
	var ids []role.ID
	for _, r := range f.Roles() {
		ids = append(ids, r.ID)
	}
	for _, j := range f.Jobs() {
		ids = append(ids, j.ID)
	}
	return ids
}

// validJSON decodes doc as schema.Validate wants it and checks it against
// the schema of kind.
func validJSON(t *testing.T, kind, doc string) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	probs, err := schema.Validate(kind, v)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("%s schema: %s", kind, p)
	}
}

// The sample data the goldens run on.
const (
	data      = "../../examples/data/"
	dana      = data + "dana.json"
	lee       = data + "lee.json"
	sam       = data + "sam.json"
	priya     = data + "priya.json"
	alex      = data + "alex-360.json" // ratings and a 360-degree review
	learning2 = "../../examples/frameworks/learning2.json"
	clo       = "chief-learning-officer"
)

var team = []string{dana, lee, sam, priya}

// result is what one run of the command gave.
type result struct {
	code           int
	stdout, stderr string
}

// runWLP runs the command in-process.
func runWLP(stdin string, args ...string) result {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

func args(a ...any) []string {
	var out []string
	for _, x := range a {
		switch x := x.(type) {
		case string:
			out = append(out, x)
		case []string:
			out = append(out, x...)
		}
	}
	return out
}

// asMain is the environment variable that makes the test binary run as
// wlp itself: the tests start it with their own streams (/dev/full, a
// closed pipe) to check the command as a process.
const asMain = "WLP_TEST_RUN_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		main() // exits
	}
	os.Exit(m.Run())
}

// combined loads a profile and merges its reviews by pol, as -combine
// does: by median for "" (no -combine), not at all for "none".
func combined(t *testing.T, path string, pol profile.Policy) profile.Profile {
	t.Helper()
	p := testfix.LoadProfile(t, path)
	switch pol {
	case "none":
		return p
	case "":
		pol = profile.Median
	}
	p, _, err := p.Combine(pol)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// combinedBy returns the policy the command names in a result for p
// (in "combined") when run with -combine pol: by median for "" (no
// -combine), none for "none" or a profile without reviews.
func combinedBy(p profile.Profile, pol profile.Policy) profile.Policy {
	switch {
	case len(p.Reviews) == 0 || pol == "none":
		return ""
	case pol == "":
		return profile.Median
	}
	return pol
}

// teams lists the teams the checks score: every sample person, subsets of
// them, and teams with the 360-degree sample merged by each policy.
func teams() []struct {
	files  []string
	policy profile.Policy
} {
	out := []struct {
		files  []string
		policy profile.Policy
	}{
		{team, ""},
		{[]string{dana}, ""},
		{[]string{sam, priya}, ""},
		{[]string{lee, priya, sam}, ""},
		{[]string{priya, alex}, ""},
		{[]string{priya, alex}, "none"},
	}
	for _, pol := range profile.Policies() {
		out = append(out, struct {
			files  []string
			policy profile.Policy
		}{[]string{sam, priya, alex}, pol})
	}
	return out
}

// flagsFor returns the -combine flag for pol, or nothing.
func flagsFor(pol profile.Policy) []string {
	if pol == "" {
		return nil
	}
	return []string{"-combine", string(pol)}
}

func sorted(ids []competency.ID) []competency.ID {
	s := slices.Clone(ids)
	slices.Sort(s)
	return s
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
