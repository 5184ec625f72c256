package wlp_test

// The differential test of issue 4, item 3: for any document, the verdict
// of the JSON Schema alone (schema.Validate on the document as
// encoding/json decodes it) equals the verdict of the Go decoder
// (wlp.Load, profile.Load), except where the Go decoder enforces a rule
// that a JSON Schema cannot express. Those rules are listed below as data,
// each with its reason; every other disagreement is a bug. The loaders do
// not run the schema validator, so this test is what holds them to the
// schemas: they reject every document a schema rejects, naming every
// place it faults.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

// diffException is a rule the Go decoder enforces and the schema cannot:
// a Go problem it explains is one whose path matches and whose message
// holds one of the words.
type diffException struct {
	name   string
	kinds  []string       // the document kinds it applies to
	path   *regexp.Regexp // the problem's JSON pointer matches it
	words  []string       // the problem's message holds one of these
	reason string
	// below: the exception also explains every other problem at or
	// below the place of the problem it matches.
	below bool
}

var (
	diffBoth      = []string{schema.Framework, schema.Profile}
	diffFramework = []string{schema.Framework}
)

// diffExceptions lists every rule of the Go decoder that a JSON Schema
// cannot express. Deliberately absent, because the schema does express
// them or both sides reject for another reason: dates such as 2026-02-30
// (the schemas assert format "date"), a byte-order mark (encoding/json
// rejects it too, so the schema never gets a document), the nesting limit
// (no document nested deeper than 64 levels fits either schema), every
// check of a profile on its own (all are in the profile schema), and a job
// with neither roles nor requirements (expressible with anyOf; see
// TestDifferentialFindings).
var diffExceptions = []diffException{
	{
		name: "unknown competency or area in a requirement", kinds: diffFramework,
		path:   regexp.MustCompile(`^/(roles|jobs)/\d+/requirements/\d+/of/\d+$`),
		words:  []string{"unknown competency or area"},
		reason: "of must name an ID declared elsewhere in the document (competencies or areas); JSON Schema cannot compare a value with other values of the instance",
	},
	{
		name: "unknown role in a job share", kinds: diffFramework,
		path:   regexp.MustCompile(`^/jobs/\d+/roles/\d+/role$`),
		words:  []string{"unknown role"},
		reason: "a share must name a role declared under roles: a reference to other values of the instance",
	},
	{
		name: "job share names a job", kinds: diffFramework,
		path:   regexp.MustCompile(`^/jobs/\d+/roles/\d+/role$`),
		words:  []string{"is a job, not a role"},
		reason: "whether an ID names a role or a job depends on the rest of the document",
	},
	{
		name: "job names itself as a role", kinds: diffFramework,
		path:   regexp.MustCompile(`^/jobs/\d+/roles/\d+/role$`),
		words:  []string{"names itself as a role"},
		reason: "compares two values of the instance (the job's id and a share's role)",
	},
	{
		name: "role shared twice in a job", kinds: diffFramework,
		path:   regexp.MustCompile(`^/jobs/\d+/roles/\d+/role$`),
		words:  []string{"is listed twice"},
		reason: "uniqueness of one property across array items; uniqueItems compares whole items, whose weights may differ",
	},
	{
		name: "duplicate competency or area ID", kinds: diffFramework,
		path:   regexp.MustCompile(`^/(competencies|areas)/\d+/id$`),
		words:  []string{"duplicate ID"},
		reason: "uniqueness of one property across the items of two arrays",
	},
	{
		name: "duplicate role or job ID", kinds: diffFramework,
		path:   regexp.MustCompile(`^/(roles|jobs)/\d+/id$`),
		words:  []string{"duplicate role ID", "duplicate job ID", "already used by a role"},
		reason: "uniqueness of one property across the items of two arrays",
	},
	{
		name: "duplicate cluster ID", kinds: diffFramework,
		path:   regexp.MustCompile(`^/clusters/\d+/id$`),
		words:  []string{"duplicate cluster ID"},
		reason: "uniqueness of one property across array items",
	},
	{
		name: "atLeast greater than the length of of", kinds: diffFramework,
		path: regexp.MustCompile(`^/(roles|jobs)/\d+/requirements/\d+/atLeast$`),
		// "is out of range": a number too big for an int is more than
		// any of could list, so it breaks the same rule.
		words:  []string{"is more than the", "is out of range"},
		reason: "compares a number with the length of a sibling array",
	},
	{
		name: "undeclared cluster", kinds: diffFramework,
		path:   regexp.MustCompile(`^/competencies/\d+/cluster$`),
		words:  []string{"unknown cluster"},
		reason: "a cluster must be one of the model's or declared under clusters: a reference to other values of the instance",
	},
	{
		name: "repeated key", kinds: diffBoth,
		path:   regexp.MustCompile(`.*`),
		words:  []string{"duplicate key"},
		below:  true,
		reason: "RFC 8259 leaves repeated names undefined; a schema sees the parsed value, where the last repeat wins, and cannot know of the others",
	},
	{
		name: "invalid UTF-8", kinds: diffBoth,
		path:   regexp.MustCompile(`^$`),
		words:  []string{"not valid UTF-8"},
		reason: "a schema validates decoded Unicode strings; encoding/json turns bad bytes into U+FFFD, so the schema never sees them",
	},
	{
		name: "lone surrogate", kinds: diffBoth,
		path:   regexp.MustCompile(`.*`),
		words:  []string{"half of a UTF-16 surrogate pair"},
		reason: "an escaped lone surrogate (\\ud800) names no character; encoding/json reads it as U+FFFD, so the schema sees a valid string, and two different texts can become one",
	},
	{
		name: "number literal length", kinds: diffBoth,
		path:   regexp.MustCompile(`.*`),
		words:  []string{"longer than the limit of"},
		reason: "a resource limit of the reader (64 characters): exact decimal arithmetic on longer literals takes quadratic time",
	},
	{
		name: "size limit", kinds: diffBoth,
		path:   regexp.MustCompile(`^$`),
		words:  []string{"larger than the limit"},
		reason: "a resource limit of the reader (8 MiB for a framework, 1 MiB for a profile), not a property of the document",
	},
}

// diffWhole lists words of Go problems about the document as a whole,
// found before it is parsed: after one, the Go decoder reports nothing of
// what the schema would say.
var diffWhole = []string{"longer than the limit of", "not valid UTF-8", "surrogate pair", "larger than the limit", "nested deeper than the limit", "byte-order mark", "malformed JSON", "ends too early", "unexpected data after", "the document is empty"}

func (e diffException) explains(kind string, p wlp.Problem) bool {
	if !slices.Contains(e.kinds, kind) || !e.path.MatchString(p.Path) {
		return false
	}
	return slices.ContainsFunc(e.words, func(w string) bool { return strings.Contains(p.Message, w) })
}

// diffVerdict is what the two sides say of one document.
type diffVerdict struct {
	SchemaOK   bool
	GoOK       bool
	Exceptions []string // the exceptions that explain a disagreement
}

// diffSchema is the verdict of the schema alone, on the document as
// encoding/json decodes it with UseNumber. A document that is not one
// JSON value is not valid.
func diffSchema(t testing.TB, kind string, data []byte) (ok, parsed bool, probs []schema.Problem) {
	if !json.Valid(data) {
		return false, false, nil
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("json.Valid accepts what Decode rejects: %v", err)
	}
	probs, err := schema.Validate(kind, v)
	if err != nil {
		t.Fatalf("schema.Validate(%s): %v", kind, err)
	}
	return len(probs) == 0, true, probs
}

// diffGo is the verdict of the Go decoder.
func diffGo(t testing.TB, kind string, data []byte) (bool, []wlp.Problem) {
	var err error
	switch kind {
	case schema.Framework:
		_, err = wlp.Load(bytes.NewReader(data))
	case schema.Profile:
		_, err = profile.Load(bytes.NewReader(data))
	default:
		t.Fatalf("no Go decoder for %q", kind)
	}
	if err == nil {
		return true, nil
	}
	var ve *wlp.ValidationError // the same type as *profile.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("%s: the error %v is a %T, not a validation error", kind, err, err)
	}
	if len(ve.Problems) == 0 {
		t.Fatalf("%s: a validation error without problems: %v", kind, err)
	}
	return false, ve.Problems
}

// diffShow abbreviates a document for a failure message.
func diffShow(data []byte) string {
	if len(data) > 2000 {
		return fmt.Sprintf("%q... (%d bytes)", data[:2000], len(data))
	}
	return fmt.Sprintf("%q", data)
}

// diffCheck computes both verdicts on one document and fails unless they
// agree or the listed exceptions explain every Go problem. When both
// reject, it also checks that the Go decoder reports every place the
// schema faults (at that place or inside it, or a duplicate key above
// it), as jsonx.Load promises.
func diffCheck(t testing.TB, kind string, data []byte) diffVerdict {
	t.Helper()
	schemaOK, parsed, sprobs := diffSchema(t, kind, data)
	goOK, gprobs := diffGo(t, kind, data)
	v := diffVerdict{SchemaOK: schemaOK, GoOK: goOK}
	switch {
	case schemaOK == goOK:
		if goOK || !parsed {
			return v
		}
		for _, gp := range gprobs {
			if slices.ContainsFunc(diffWhole, func(w string) bool { return strings.Contains(gp.Message, w) }) {
				return v
			}
		}
		for _, sp := range sprobs {
			covered := slices.ContainsFunc(gprobs, func(gp wlp.Problem) bool {
				// At the place or inside it; or a duplicate key above it:
				// then the two sides read different copies of the value
				// (the schema the last one), and the Go decoder reports
				// the duplicate instead of what lies inside either copy.
				return gp.Path == sp.Path || strings.HasPrefix(gp.Path, sp.Path+"/") ||
					strings.HasPrefix(sp.Path, gp.Path+"/") && strings.Contains(gp.Message, "duplicate key")
			})
			if !covered {
				t.Fatalf("%s: the schema faults %s, which the Go decoder does not report\nschema: %v\ngo: %v\ndocument: %s",
					kind, sp, sprobs, gprobs, diffShow(data))
			}
		}
		return v
	case !schemaOK && goOK:
		t.Fatalf("%s: the schema rejects a document the Go decoder accepts\nschema: %v\ndocument: %s", kind, sprobs, diffShow(data))
	}
	// The schema accepts and the Go decoder rejects: every Go problem
	// must be one the schema cannot express.
	var below []string // places of problems explained with everything below them
	for _, gp := range gprobs {
		for _, e := range diffExceptions {
			if e.below && e.explains(kind, gp) {
				below = append(below, gp.Path)
			}
		}
	}
	var unexplained []wlp.Problem
	for _, gp := range gprobs {
		i := slices.IndexFunc(diffExceptions, func(e diffException) bool { return e.explains(kind, gp) })
		if i >= 0 {
			if !slices.Contains(v.Exceptions, diffExceptions[i].name) {
				v.Exceptions = append(v.Exceptions, diffExceptions[i].name)
			}
			continue
		}
		if slices.ContainsFunc(below, func(b string) bool { return gp.Path == b || strings.HasPrefix(gp.Path, b+"/") }) {
			continue
		}
		unexplained = append(unexplained, gp)
	}
	if len(unexplained) > 0 {
		t.Fatalf("%s: the schema accepts a document the Go decoder rejects, for reasons no listed exception explains:\n%v\nall Go problems: %v\ndocument: %s",
			kind, unexplained, gprobs, diffShow(data))
	}
	slices.Sort(v.Exceptions)
	return v
}

// diffEdit returns base with old replaced by new once; old must occur.
func diffEdit(base, old, new string) string {
	if !strings.Contains(base, old) {
		panic(fmt.Sprintf("diffEdit: %q is not in the document", old))
	}
	return strings.Replace(base, old, new, 1)
}

// diffMini is a small framework with one of everything: a declared
// cluster, competencies of a model cluster and of the new one, an area, a
// role with a single and a group requirement, a job with a share and a
// requirement of its own. Package schema's tests read the same file.
var diffMini = readFixture("mini-framework.json")

// diffProfile is a profile with every field, reviews included.
var diffProfile = readFixture("mini-profile.json")

// readFixture returns the text of a file under testdata. It panics if
// the file cannot be read: the package's tests cannot run without it.
func readFixture(name string) string {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return string(b)
}

// diffSeed is a document and the verdicts it must get.
type diffSeed struct {
	name string
	kind string
	doc  string
	want diffVerdict
}

var (
	diffAgreeOK  = diffVerdict{SchemaOK: true, GoOK: true}
	diffAgreeBad = diffVerdict{}
)

func diffOnlyGo(exceptions ...string) diffVerdict {
	return diffVerdict{SchemaOK: true, Exceptions: exceptions}
}

// diffSeeds returns the seed documents: the valid defaults, mutations of
// them, and bad ones.
func diffSeeds(t testing.TB) []diffSeed {
	t.Helper()
	def, err := wlp.Default().MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	l2, err := os.ReadFile("examples/frameworks/learning2.json")
	if err != nil {
		t.Fatal(err)
	}
	fw, pr := diffMini, diffProfile
	secondJob := diffEdit(fw, `"requirements": [{"of": ["blogging"], "level": 1, "weight": 1}]}]`,
		`"requirements": [{"of": ["blogging"], "level": 1, "weight": 1}]}, {"id": "deputy", "title": "Deputy", "roles": [{"role": "coach", "weight": 1}]}]`)
	deep := strings.Repeat(`{"name": `, 70) + `"x"` + strings.Repeat(`}`, 70)
	F, P := schema.Framework, schema.Profile
	return []diffSeed{
		// Valid documents.
		{"default framework", F, string(def), diffAgreeOK},
		{"learning 2.0 example", F, string(l2), diffAgreeOK},
		{"mini framework", F, fw, diffAgreeOK},
		{"empty framework", F, `{}`, diffAgreeOK},
		{"integral floats", F, diffEdit(diffEdit(fw, `"level": 3`, `"level": 3.0`), `"atLeast": 1`, `"atLeast": 1e0`), diffAgreeOK},
		{"smallest weight", F, diffEdit(fw, `"weight": 2`, `"weight": 0.000001`), diffAgreeOK},
		{"weight below the smallest", F, diffEdit(fw, `"weight": 2`, `"weight": 1e-300`), diffAgreeBad},
		{"model cluster used, not declared", F, diffEdit(fw, `"cluster": "digital"`, `"cluster": "personal"`), diffAgreeOK},
		{"profile", P, pr, diffAgreeOK},
		{"minimal profile", P, `{"id": "a"}`, diffAgreeOK},
		{"profile with a leap day", P, diffEdit(pr, `2026-03-31`, `2024-02-29`), diffAgreeOK},

		// Both reject: the schema says what the Go decoder says.
		{"unknown field", F, diffEdit(fw, `"version": "1"`, `"version": "1", "author": "me"`), diffAgreeBad},
		{"unknown share field", F, diffEdit(fw, `"weight": 3, "why": "w"`, `"weight": 3, "why": "w", "share": 1`), diffAgreeBad},
		{"wrong-case field", F, diffEdit(fw, `"name": "Blogging"`, `"Name": "Blogging"`), diffAgreeBad},
		{"level 6", F, diffEdit(fw, `"level": 3`, `"level": 6`), diffAgreeBad},
		{"level 0", F, diffEdit(fw, `"level": 3`, `"level": 0`), diffAgreeBad},
		{"weight 0", F, diffEdit(fw, `"weight": 2`, `"weight": 0`), diffAgreeBad},
		{"weight -0", F, diffEdit(fw, `"weight": 2`, `"weight": -0`), diffAgreeBad},
		{"weight string", F, diffEdit(fw, `"weight": 3`, `"weight": "3"`), diffAgreeBad},
		{"weight over the limit", F, diffEdit(fw, `"weight": 3`, `"weight": 1000000.0000000001`), diffAgreeBad},
		{"weight 1e400", F, diffEdit(fw, `"weight": 3`, `"weight": 1e400`), diffAgreeBad},
		{"malformed ID", F, diffEdit(fw, `"id": "coach"`, `"id": "Coach"`), diffAgreeBad},
		{"repeated of", F, diffEdit(fw, `"of": ["coaching"]`, `"of": ["coaching", "coaching"]`), diffAgreeBad},
		{"null", F, `null`, diffAgreeBad},
		{"truncated", F, fw[:len(fw)/2], diffAgreeBad},
		{"trailing data", F, fw + ` {}`, diffAgreeBad},
		{"byte-order mark", F, "\xef\xbb\xbf" + fw, diffAgreeBad},
		{"nested too deep", F, deep, diffAgreeBad},
		{"profile level 6", P, diffEdit(pr, `"level": 3`, `"level": 6`), diffAgreeBad},
		{"profile level 1e-400", P, diffEdit(pr, `"level": 3`, `"level": 1e-400`), diffAgreeBad},
		{"profile level 3.5", P, diffEdit(pr, `"level": 3`, `"level": 3.5`), diffAgreeBad},
		{"profile no such day", P, diffEdit(pr, `2026-03-31`, `2026-02-30`), diffAgreeBad},
		{"profile bad source", P, diffEdit(pr, `"self"`, `"boss"`), diffAgreeBad},
		{"profile malformed key", P, diffEdit(pr, `"building-trust":`, `"Building-Trust":`), diffAgreeBad},
		{"profile without ID", P, diffEdit(pr, `"id": "alex", `, ``), diffAgreeBad},
		{"profile null rating", P, diffEdit(pr, `{"level": 0}`, `null`), diffAgreeBad},
		{"profile repeated key, first wins nothing", P, diffEdit(pr, `"id": "alex"`, `"id": "alex", "id": 5`), diffAgreeBad},

		// The schema accepts; a rule it cannot express rejects.
		{"unknown ID in of", F, diffEdit(fw, `"of": ["coaching"]`, `"of": ["juggling"]`), diffOnlyGo("unknown competency or area in a requirement")},
		{"unknown ID in a job's of", F, diffEdit(fw, `"of": ["blogging"]`, `"of": ["vlogging"]`), diffOnlyGo("unknown competency or area in a requirement")},
		{"unknown role", F, diffEdit(fw, `"role": "coach"`, `"role": "mentor"`), diffOnlyGo("unknown role in a job share")},
		{"share names a job", F, diffEdit(secondJob, `"roles": [{"role": "coach", "weight": 1}]`, `"roles": [{"role": "head-coach", "weight": 1}]`), diffOnlyGo("job share names a job")},
		{"job names itself", F, diffEdit(fw, `"role": "coach"`, `"role": "head-coach"`), diffOnlyGo("job names itself as a role")},
		{"role shared twice", F, diffEdit(fw, `"roles": [{"role": "coach", "weight": 3, "why": "w"}]`, `"roles": [{"role": "coach", "weight": 3, "why": "w"}, {"role": "coach", "weight": 1}]`), diffOnlyGo("role shared twice in a job")},
		{"duplicate competency", F, diffEdit(fw, `"id": "blogging"`, `"id": "building-trust"`), diffOnlyGo("duplicate competency or area ID", "unknown competency or area in a requirement")},
		{"area with a competency's ID", F, diffEdit(fw, `"id": "coaching", "name": "Coaching"`, `"id": "blogging", "name": "Coaching"`), diffOnlyGo("duplicate competency or area ID", "unknown competency or area in a requirement")},
		{"duplicate role", F, diffEdit(fw, `"roles": [{"id": "coach",`, `"roles": [{"id": "coach", "name": "Coach", "requirements": [{"of": ["coaching"], "level": 1, "weight": 1}]}, {"id": "coach",`), diffOnlyGo("duplicate role or job ID")},
		{"job with a role's ID", F, diffEdit(fw, `"id": "head-coach"`, `"id": "coach"`), diffOnlyGo("duplicate role or job ID", "job names itself as a role")},
		{"duplicate job", F, diffEdit(secondJob, `"id": "deputy"`, `"id": "head-coach"`), diffOnlyGo("duplicate role or job ID")},
		{"duplicate cluster", F, diffEdit(fw, `"clusters": [`, `"clusters": [{"id": "digital", "name": "Digital again"}, `), diffOnlyGo("duplicate cluster ID")},
		{"duplicate model cluster", F, diffEdit(fw, `"clusters": [`, `"clusters": [{"id": "personal", "name": "Personal"}, {"id": "personal", "name": "Me"}, `), diffOnlyGo("duplicate cluster ID")},
		{"atLeast above len(of)", F, diffEdit(fw, `"atLeast": 1`, `"atLeast": 3`), diffOnlyGo("atLeast greater than the length of of")},
		{"atLeast 1e19", F, diffEdit(fw, `"atLeast": 1`, `"atLeast": 1e19`), diffOnlyGo("atLeast greater than the length of of")},
		{"atLeast on a single", F, diffEdit(fw, `"of": ["coaching"],`, `"of": ["coaching"], "atLeast": 2,`), diffOnlyGo("atLeast greater than the length of of")},
		{"undeclared cluster", F, diffEdit(fw, `"clusters": [{"id": "digital", "name": "Digital", "summary": "New skills."}],`, ``), diffOnlyGo("undeclared cluster")},
		{"repeated key", F, diffEdit(fw, `"name": "Mini"`, `"name": "Mini", "name": "Maxi"`), diffOnlyGo("repeated key")},
		{"repeated key, bad then good", F, diffEdit(fw, `"weight": 2`, `"weight": "x", "weight": 2`), diffOnlyGo("repeated key")},
		{"repeated array key", F, diffEdit(fw, `"areas": [`, `"areas": [{"id": "Bad ID"}], "areas": [`), diffOnlyGo("repeated key")},
		{"invalid UTF-8", F, diffEdit(fw, `"Mini"`, "\"Mi\xffni\""), diffOnlyGo("invalid UTF-8")},
		{"lone high surrogate", F, diffEdit(fw, `"Mini"`, `"Mi\ud800ni"`), diffOnlyGo("lone surrogate")},
		{"lone low surrogate in a key", F, diffEdit(fw, `"version": "1"`, `"version": "1", "x\udc00": 1`), diffAgreeBad},
		{"surrogate pair", F, diffEdit(fw, `"Mini"`, `"Mi\ud83d\ude00ni"`), diffAgreeOK},
		{"profile lone surrogate", P, diffEdit(pr, `"note": "n"`, `"note": "n\udbff"`), diffOnlyGo("lone surrogate")},
		{"weight written with 70 characters", F, diffEdit(fw, `"weight": 2`, `"weight": 2.`+strings.Repeat("0", 68)), diffOnlyGo("number literal length")},
		{"profile review level 6", P, diffEdit(pr, `"blogging": 4`, `"blogging": 6`), diffAgreeBad},
		{"profile review malformed key", P, diffEdit(pr, `"blogging": 4`, `"Blogging": 4`), diffAgreeBad},
		{"profile review bad source", P, diffEdit(pr, `"manager"`, `"boss"`), diffAgreeBad},
		{"profile review without levels", P, diffEdit(pr, `{"levels": {"coaching": 0}}`, `{"rater": "x"}`), diffAgreeBad},
		{"profile review no such day", P, diffEdit(pr, `2026-01-15`, `2026-01-32`), diffAgreeBad},
		{"profile repeated rating", P, diffEdit(pr, `"building-trust": {"level": 0}`, `"building-trust": {"level": 9}, "building-trust": {"level": 0}`), diffOnlyGo("repeated key")},
		{"profile repeated review level", P, diffEdit(pr, `"blogging": 4`, `"blogging": 4, "blogging": 4`), diffOnlyGo("repeated key")},
		{"profile invalid UTF-8", P, diffEdit(pr, `"note": "n"`, "\"note\": \"\xc3(\""), diffOnlyGo("invalid UTF-8")},
	}
}

// diffOversize returns documents that the schema accepts and that are
// over the Go decoder's size bounds; they are too big for fuzz seeds.
func diffOversize() []diffSeed {
	big := strings.Repeat("x", wlp.DefaultMaxBytes)
	return []diffSeed{
		{"framework over 8 MiB", schema.Framework, diffEdit(diffMini, `"version": "1"`, `"version": "1", "description": "`+big+`"`), diffOnlyGo("size limit")},
		{"profile over 1 MiB", schema.Profile, diffEdit(diffProfile, `"note": "n"`, `"note": "`+big[:profile.DefaultMaxBytes]+`"`), diffOnlyGo("size limit")},
		{"framework at 8 MiB", schema.Framework, diffEdit(diffMini, `"version": "1"`, `"version": "1", "description": "`+big[:wlp.DefaultMaxBytes-len(diffMini)-40]+`"`), diffAgreeOK},
	}
}

func TestDifferential(t *testing.T) {
	hit := map[string]bool{}
	for _, s := range append(diffSeeds(t), diffOversize()...) {
		t.Run(s.name, func(t *testing.T) {
			got := diffCheck(t, s.kind, []byte(s.doc))
			if diff := cmp.Diff(s.want, got); diff != "" {
				t.Errorf("verdicts (-want +got):\n%s", diff)
			}
			for _, e := range got.Exceptions {
				hit[e] = true
			}
			// As the other kind of document, the property holds too.
			other := schema.Profile
			if s.kind == schema.Profile {
				other = schema.Framework
			}
			diffCheck(t, other, []byte(s.doc))
		})
	}
	// Every exception is needed: some seed shows it.
	var names, hits []string
	for _, e := range diffExceptions {
		names = append(names, e.name)
		if hit[e.name] {
			hits = append(hits, e.name)
		}
		if e.path == nil || e.reason == "" || len(e.words) == 0 || len(e.kinds) == 0 {
			t.Errorf("exception %q is incomplete", e.name)
		}
	}
	if diff := cmp.Diff(names, hits); diff != "" {
		t.Errorf("exceptions no seed shows (-listed +shown):\n%s", diff)
	}
}

// diffMutations returns every single mutation of a JSON document: each
// value replaced by each of the replacements, each member deleted, an
// unknown member added to each object, each array emptied and its first
// item repeated.
func diffMutations(t testing.TB, doc string, replacements []string) [][]byte {
	t.Helper()
	fresh := func() any {
		d := json.NewDecoder(strings.NewReader(doc))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	// A place is a path of keys and indexes from the root.
	var places [][]any
	var collect func(v any, path []any)
	collect = func(v any, path []any) {
		places = append(places, slices.Clone(path))
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				collect(e, append(path, k))
			}
		case []any:
			for i, e := range v {
				collect(e, append(path, i))
			}
		}
	}
	collect(fresh(), nil)
	// at returns a setter for the place in root, the value there, and a
	// deleter when the place is an object member.
	at := func(root *any, path []any) (set func(any), cur any, del func()) {
		if len(path) == 0 {
			return func(x any) { *root = x }, *root, nil
		}
		parent := *root
		for _, tok := range path[:len(path)-1] {
			switch p := parent.(type) {
			case map[string]any:
				parent = p[tok.(string)]
			case []any:
				parent = p[tok.(int)]
			}
		}
		switch p := parent.(type) {
		case map[string]any:
			k := path[len(path)-1].(string)
			return func(x any) { p[k] = x }, p[k], func() { delete(p, k) }
		case []any:
			i := path[len(path)-1].(int)
			return func(x any) { p[i] = x }, p[i], nil
		}
		t.Fatalf("bad place %v", path)
		return nil, nil, nil
	}
	var out [][]byte
	emit := func(v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	for _, path := range places {
		for _, r := range replacements {
			root := fresh()
			set, _, _ := at(&root, path)
			set(json.RawMessage(r))
			emit(root)
		}
		root := fresh()
		if _, _, del := at(&root, path); del != nil {
			del()
			emit(root)
		}
		root = fresh()
		set, cur, _ := at(&root, path)
		switch c := cur.(type) {
		case map[string]any:
			c["extra"] = 1
			emit(root)
		case []any:
			if len(c) > 0 {
				set(append(c, c[0]))
				emit(root)
			}
			root = fresh()
			set, _, _ = at(&root, path)
			set([]any{})
			emit(root)
		}
	}
	return out
}

// diffReplacements are the values mutations put in: every JSON type,
// numbers at and beyond the bounds, and IDs that the documents use
// elsewhere (so that references break in every way).
var diffReplacements = []string{
	`null`, `true`, `0`, `-1`, `1`, `3.0`, `5`, `6`, `2.5`, `1e20`, `1000001`, `1e-300`,
	`""`, `"x"`, `"Bad ID"`, `"2026-02-30"`, `"2026-03-31"`, `"self"`, `"boss"`,
	`"coach"`, `"head-coach"`, `"coaching"`, `"blogging"`, `"building-trust"`, `"digital"`, `"interpersonal"`,
	`[]`, `{}`, `["coaching"]`, `["coaching", "coaching"]`, `{"level": 2}`, `[{"role": "coach", "weight": 1}]`,
}

// TestDifferentialMutations runs the differential check on every single
// mutation of the mini framework and the profile.
func TestDifferentialMutations(t *testing.T) {
	n := 0
	type outcome struct{ schemaOK, goOK bool }
	verdicts := map[outcome]int{}
	for kind, base := range map[string]string{schema.Framework: diffMini, schema.Profile: diffProfile} {
		for _, doc := range diffMutations(t, base, diffReplacements) {
			v := diffCheck(t, kind, doc)
			verdicts[outcome{v.SchemaOK, v.GoOK}]++
			n++
		}
	}
	if n < 1500 {
		t.Errorf("only %d mutations; the generator is broken", n)
	}
	// The sweep reaches all three outcomes.
	for _, v := range []outcome{{true, true}, {false, false}, {true, false}} {
		if verdicts[v] == 0 {
			t.Errorf("no mutation got %+v: %v", v, verdicts)
		}
	}
}

// TestDifferentialFindings holds disagreements found by this test that
// are bugs, not exceptions: each document must get the same verdict from
// both sides.
func TestDifferentialFindings(t *testing.T) {
	for _, s := range []diffSeed{
		// A job with neither roles nor requirements: the Go validator
		// rejects it at /jobs/N; the schema could say so with
		// anyOf [{required: [roles], properties: {roles: {minItems: 1}}},
		// {required: [requirements], properties: {requirements: {minItems: 1}}}].
		{"job with neither roles nor requirements", schema.Framework,
			diffEdit(diffMini, `"jobs": [`, `"jobs": [{"id": "empty-job", "title": "Empty job"}, `), diffAgreeBad},
		{"job with empty roles and requirements", schema.Framework,
			diffEdit(diffMini, `"jobs": [`, `"jobs": [{"id": "empty-job", "title": "Empty job", "roles": [], "requirements": []}, `), diffAgreeBad},
		// A positive weight so small that it rounds to 0 as a float64:
		// the schema's exclusiveMinimum 0 holds (JSON numbers are exact),
		// while the Go decoder reads 0 and says it must be greater than 0.
		{"requirement weight 1e-400", schema.Framework, diffEdit(diffMini, `"weight": 2`, `"weight": 1e-400`), diffAgreeBad},
		{"share weight 1e-400", schema.Framework, diffEdit(diffMini, `"weight": 3`, `"weight": 1e-400`), diffAgreeBad},
	} {
		t.Run(s.name, func(t *testing.T) {
			got := diffCheck(t, s.kind, []byte(s.doc))
			if diff := cmp.Diff(s.want, got); diff != "" {
				t.Errorf("verdicts (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzDifferential checks every input as a framework and as a profile:
// the schema and the Go decoder agree, or a listed exception explains why
// not. It starts from the seeds above, the example profiles and every
// case of the bad-input catalogue.
func FuzzDifferential(f *testing.F) {
	for _, s := range diffSeeds(f) {
		if len(s.doc) > 4096 {
			// The default framework and the Learning 2.0 example are
			// checked by TestDifferential; as fuzz seeds they are slow to
			// mutate and minimise, and the mini framework has every part.
			continue
		}
		f.Add([]byte(s.doc))
	}
	for _, b := range exampleSeeds(f, "examples/data/*.json") {
		f.Add(b)
	}
	for _, b := range badSeeds(f, badFramework, badProfile, badProfileInDefault) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		diffCheck(t, schema.Framework, data)
		diffCheck(t, schema.Profile, data)
	})
}
