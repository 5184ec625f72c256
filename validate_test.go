package wlp_test

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// problems returns err as a *wlp.ValidationError (or its profile twin),
// failing the test if it is not one, and checks its Error text: one line
// per problem, each starting with the package name and naming the place,
// and one more counting those not listed, if any.
func problems(t testing.TB, err error) *wlp.ValidationError {
	t.Helper()
	var ve *wlp.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v (%T), want a *wlp.ValidationError", err, err)
	}
	if len(ve.Problems) == 0 {
		t.Fatalf("ValidationError with no problems: %v", err)
	}
	lines := strings.Split(err.Error(), "\n")
	want := len(ve.Problems)
	if ve.Omitted > 0 {
		want++
	}
	if len(lines) != want {
		t.Errorf("Error() has %d lines for %d problems and %d omitted:\n%s", len(lines), len(ve.Problems), ve.Omitted, err)
	}
	for i, line := range lines {
		prefix := ve.Package + ": "
		if !strings.HasPrefix(line, prefix) {
			t.Errorf("error line %q does not start with %q", line, prefix)
		}
		if i < len(ve.Problems) {
			// A path with control characters is quoted, to keep one
			// problem on one line.
			if p := ve.Problems[i]; p.Path != "" && !strings.HasPrefix(line, prefix+p.Path+": ") && !strings.HasPrefix(line, prefix+strconv.Quote(p.Path)+": ") {
				t.Errorf("error line %q does not name the place %q", line, p.Path)
			}
		}
	}
	return ve
}

func paths(ve *wlp.ValidationError) []string {
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Path)
	}
	return out
}

// want is one expected problem: its JSON pointer and a word of its message.
type want struct{ path, word string }

// checkProblems compares the problems of err with ws: the paths exactly,
// and each message containing its word.
func checkProblems(t *testing.T, err error, ws []want) {
	t.Helper()
	ve := problems(t, err)
	var wantPaths []string
	for _, w := range ws {
		wantPaths = append(wantPaths, w.path)
	}
	if diff := cmp.Diff(wantPaths, paths(ve)); diff != "" {
		t.Fatalf("problem paths (-want +got):\n%s\nerror:\n%v", diff, err)
	}
	for i, w := range ws {
		if m := ve.Problems[i].Message; !strings.Contains(m, w.word) {
			t.Errorf("problem %d at %q: message %q lacks %q", i, w.path, m, w.word)
		}
	}
}

// A mod changes a JSON document, decoded into generic values, at a JSON
// pointer (escaped as in RFC 6901): it sets the value there (a final "-" appends to an array), or
// deletes it.
type mod struct {
	path string
	val  any
	del  bool
}

func set(path string, v any) mod { return mod{path: path, val: v} }
func del(path string) mod        { return mod{path: path, del: true} }

func apply(v any, toks []string, m mod) any {
	tok := toks[0]
	switch c := v.(type) {
	case map[string]any:
		if len(toks) == 1 {
			if m.del {
				delete(c, tok)
			} else {
				c[tok] = m.val
			}
			return c
		}
		c[tok] = apply(c[tok], toks[1:], m)
		return c
	case []any:
		if tok == "-" && len(toks) == 1 {
			return append(c, m.val)
		}
		i, err := strconv.Atoi(tok)
		if err != nil || i < 0 || i >= len(c) {
			panic("bad index " + tok)
		}
		if len(toks) == 1 {
			if m.del {
				return append(c[:i:i], c[i+1:]...)
			}
			c[i] = m.val
			return c
		}
		c[i] = apply(c[i], toks[1:], m)
		return c
	}
	panic("cannot follow " + tok)
}

// edit decodes base, applies mods and encodes the result.
func edit(t testing.TB, base string, mods ...mod) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(base), &v); err != nil {
		t.Fatalf("bad base document: %v", err)
	}
	for _, m := range mods {
		toks := strings.Split(m.path, "/")[1:]
		for i, tok := range toks {
			toks[i] = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		}
		v = apply(v, toks, m)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mini is a small valid framework. The competency "patience" and the area
// "mentoring" are named by nothing else.
const mini = `{
  "id": "mini",
  "name": "Mini",
  "competencies": [
    {"id": "listening", "name": "Listening", "cluster": "interpersonal"},
    {"id": "planning", "name": "Planning", "cluster": "business-management"},
    {"id": "patience", "name": "Patience", "cluster": "personal"}
  ],
  "areas": [
    {"id": "coaching", "name": "Coaching"},
    {"id": "mentoring", "name": "Mentoring"}
  ],
  "roles": [
    {"id": "coach", "name": "Coach", "requirements": [
      {"of": ["coaching", "listening"], "atLeast": 1, "level": 3, "weight": 2}
    ]},
    {"id": "planner", "name": "Planner", "requirements": [
      {"of": ["planning"], "level": 4, "weight": 1}
    ]}
  ],
  "jobs": [
    {"id": "head-coach", "title": "Head coach",
     "roles": [{"role": "coach", "weight": 2}, {"role": "planner", "weight": 1}],
     "requirements": [{"of": ["listening"], "level": 2, "weight": 1}]}
  ]
}`

// TestMalformedIDs checks each way an ID can be malformed, on a competency
// and on the requirement that names it.
func TestMalformedIDs(t *testing.T) {
	for _, id := range []string{
		"Patience",
		"PATIENCE",
		"pat ience",
		" patience",
		"patience\n",
		"-patience",
		"patience-",
		"pat--ience",
		"-",
		"pat_ience",
		"pat.ience",
		"pat/ience",
		"p\u0430tience", // Cyrillic а
		"patience\u2010x",
		"patiençe",
		strings.Repeat("a", 65),
		strings.Repeat("ab-", 21) + "ab",
	} {
		t.Run(id, func(t *testing.T) {
			doc := edit(t, mini, set("/competencies/1/id", id), set("/roles/1/requirements/0/of/0", id))
			_, err := wlp.Load(strings.NewReader(doc))
			checkProblems(t, err, []want{
				{"/competencies/1/id", "not a well-formed ID"},
				{"/roles/1/requirements/0/of/0", "not a well-formed ID"},
			})
			doc = edit(t, mini, set("/jobs/0/id", id))
			_, err = wlp.Load(strings.NewReader(doc))
			checkProblems(t, err, []want{{"/jobs/0/id", "not a well-formed ID"}})
		})
	}
}

func TestNewProblems(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(s *wlp.Spec)
		want   []want
	}{
		{"weight NaN", func(s *wlp.Spec) { s.Roles[0].Requirements[0].Weight = math.NaN() }, []want{{"/roles/0/requirements/0/weight", "not a finite number"}}},
		{"weight +Inf", func(s *wlp.Spec) { s.Roles[1].Requirements[2].Weight = math.Inf(1) }, []want{{"/roles/1/requirements/2/weight", "not a finite number"}}},
		{"weight -Inf", func(s *wlp.Spec) { s.Jobs[0].Requirements[3].Weight = math.Inf(-1) }, []want{{"/jobs/0/requirements/3/weight", "not a finite number"}}},
		{"share weight NaN", func(s *wlp.Spec) { s.Jobs[0].Roles[1].Weight = math.NaN() }, []want{{"/jobs/0/roles/1/weight", "not a finite number"}}},
		{"share weight +Inf", func(s *wlp.Spec) { s.Jobs[0].Roles[3].Weight = math.Inf(1) }, []want{{"/jobs/0/roles/3/weight", "not a finite number"}}},
		{"weight zero", func(s *wlp.Spec) { s.Roles[2].Requirements[7].Weight = 0 }, []want{{"/roles/2/requirements/7/weight", "greater than 0"}}},
		{"weight negative zero", func(s *wlp.Spec) { s.Roles[2].Requirements[7].Weight = math.Copysign(0, -1) }, []want{{"/roles/2/requirements/7/weight", "greater than 0"}}},
		{"weight over MaxWeight", func(s *wlp.Spec) { s.Roles[2].Requirements[0].Weight = wlp.MaxWeight + 1 }, []want{{"/roles/2/requirements/0/weight", "above the limit"}}},
		{"weight MaxFloat64", func(s *wlp.Spec) { s.Jobs[0].Roles[0].Weight = math.MaxFloat64 }, []want{{"/jobs/0/roles/0/weight", "above the limit"}}},
		{"level None", func(s *wlp.Spec) { s.Roles[0].Requirements[0].Level = competency.None }, []want{{"/roles/0/requirements/0/level", "below"}}},
		{"level -1", func(s *wlp.Spec) { s.Roles[0].Requirements[0].Level = -1 }, []want{{"/roles/0/requirements/0/level", "below"}}},
		{"level 6", func(s *wlp.Spec) { s.Jobs[0].Requirements[0].Level = competency.Expert + 1 }, []want{{"/jobs/0/requirements/0/level", "above"}}},
		{"atLeast negative", func(s *wlp.Spec) { s.Jobs[0].Requirements[2].AtLeast = -7 }, []want{{"/jobs/0/requirements/2/atLeast", "negative"}}},
		{"atLeast over", func(s *wlp.Spec) { s.Jobs[0].Requirements[3].AtLeast = 13 }, []want{{"/jobs/0/requirements/3/atLeast", "more than the 12"}}},
		{"of nil", func(s *wlp.Spec) { s.Roles[0].Requirements[9].Of = nil }, []want{{"/roles/0/requirements/9/of", "lists no"}}},
		{"of repeat", func(s *wlp.Spec) { s.Roles[3].Requirements[0].Of[8] = s.Roles[3].Requirements[0].Of[0] }, []want{{"/roles/3/requirements/0/of/8", "listed twice"}}},
		{"no requirements", func(s *wlp.Spec) { s.Roles[3].Requirements = nil }, []want{{"/roles/3/requirements", "no requirements"}}},
		{"job names itself", func(s *wlp.Spec) { s.Jobs[0].Roles[2].Role = role.CLO }, []want{{"/jobs/0/roles/2/role", "names itself"}}},
		{"job names a job", func(s *wlp.Spec) {
			s.Jobs = append(s.Jobs, role.Job{ID: "deputy", Title: "Deputy", Roles: []role.Share{{Role: role.CLO, Weight: 1}}})
		}, []want{{"/jobs/1/roles/0/role", "is a job"}}},
		{"job vs role", func(s *wlp.Spec) { s.Jobs[0].ID = role.BusinessPartner }, []want{{"/jobs/0/id", "already used by a role"}, {"/jobs/0/roles/1/role", "names itself"}}},
		{"invalid UTF-8 name", func(s *wlp.Spec) { s.Competencies[0].Name = "Building \xfftrust" }, []want{{"/competencies/0/name", "not valid UTF-8"}}},
		{"invalid UTF-8 framework name", func(s *wlp.Spec) { s.Name = "\xc3" }, []want{{"/name", "not valid UTF-8"}}},
		{"invalid UTF-8 why", func(s *wlp.Spec) { s.Roles[1].Requirements[1].Why = "\xed\xa0\x80" }, []want{{"/roles/1/requirements/1/why", "not valid UTF-8"}}},
		{"invalid UTF-8 share why", func(s *wlp.Spec) { s.Jobs[0].Roles[0].Why = "\x80" }, []want{{"/jobs/0/roles/0/why", "not valid UTF-8"}}},
		{"invalid UTF-8 behavior", func(s *wlp.Spec) { s.Areas[3].Behaviors[2] = "\xff" }, []want{{"/areas/3/behaviors/2", "not valid UTF-8"}}},
		{"invalid UTF-8 technologies", func(s *wlp.Spec) { s.Areas[3].Technologies = "\xff" }, []want{{"/areas/3/technologies", "not valid UTF-8"}}},
		{"empty title", func(s *wlp.Spec) { s.Jobs[0].Title = "" }, []want{{"/jobs/0/title", "empty"}}},
		{"empty role name", func(s *wlp.Spec) { s.Roles[1].Name = "" }, []want{{"/roles/1/name", "empty"}}},
		{"Cyrillic ID", func(s *wlp.Spec) { s.Jobs[0].ID = "chief-le\u0430rning-officer" }, []want{{"/jobs/0/id", "not a well-formed ID"}}},
		{"unknown cluster", func(s *wlp.Spec) { s.Competencies[4].Cluster = "Interpersonal" }, []want{{"/competencies/4/cluster", "unknown cluster"}}},
		{"several", func(s *wlp.Spec) {
			s.Roles[0].Requirements[0].Weight = math.NaN()
			s.Roles[0].Requirements[0].Level = 9
			s.Roles[0].Requirements[0].Of = append(s.Roles[0].Requirements[0].Of, "nope")
			s.Jobs[0].Roles[0].Weight = math.Inf(1)
			s.Jobs[0].Title = ""
		}, []want{
			{"/roles/0/requirements/0/of/1", "unknown"},
			{"/roles/0/requirements/0/level", "above"},
			{"/roles/0/requirements/0/weight", "finite"},
			{"/jobs/0/title", "empty"},
			{"/jobs/0/roles/0/weight", "finite"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := wlp.DefaultSpec()
			tt.mutate(&s)
			f, err := wlp.New(s)
			if f != nil {
				t.Fatalf("New returned a framework and error %v", err)
			}
			checkProblems(t, err, tt.want)
		})
	}
}

func TestValidationErrorText(t *testing.T) {
	_, err := wlp.Load(strings.NewReader(edit(t, mini,
		set("/roles/1/requirements/0/level", 7),
		set("/jobs/0/roles/1/weight", 0))))
	const want = "wlp: /roles/1/requirements/0/level: 7 is above the scale's top level 5\n" +
		"wlp: /jobs/0/roles/1/weight: the weight 0 must be greater than 0"
	if err == nil || err.Error() != want {
		t.Errorf("Error() =\n%v\nwant\n%s", err, want)
	}
	_, err = wlp.Load(strings.NewReader(""))
	if err == nil || err.Error() != "wlp: the document is empty" {
		t.Errorf("Error() = %v, want wlp: the document is empty", err)
	}
}
