package wlp_test

// The bad-input catalogue of the loaders: testdata/bad holds one small
// document per hazard, and its manifest, cases.json, says which loader
// reads each and which problems it must report. The tests here load every
// case; the fuzz targets of this package start from the catalogue too.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/profile"
)

// badDir holds the bad-input catalogue: one small document per hazard,
// and badManifest, which says for each document which loader reads it and
// which problems that loader must report.
const (
	badDir      = "testdata/bad"
	badManifest = "cases.json"
)

// The loaders a catalogue case may name.
const (
	badFramework        = "framework"          // wlp.Load
	badProfile          = "profile"            // profile.Load
	badProfileInDefault = "profile-in-default" // profile.Load, then wlp.Default().ValidateProfile
)

// badCase is one entry of the manifest.
type badCase struct {
	File     string       `json:"file"`
	Loader   string       `json:"loader"`
	Hazard   string       `json:"hazard"`
	Problems []badProblem `json:"problems"`
}

// badProblem is one expected problem: the JSON pointer of its place and a
// phrase its message must contain.
type badProblem struct {
	Path   string `json:"path"`
	Phrase string `json:"phrase"`
}

// badReadManifest reads the manifest strictly.
func badReadManifest(t testing.TB) []badCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(badDir, badManifest))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var cases []badCase
	if err := dec.Decode(&cases); err != nil {
		t.Fatalf("%s: %v", badManifest, err)
	}
	if dec.More() {
		t.Fatalf("%s: data after the list of cases", badManifest)
	}
	return cases
}

// badSeeds returns the documents of the catalogue's cases that one of
// loaders reads, in the manifest's order, for a fuzz target to start
// from: the catalogue is the seed corpus, kept in one place.
func badSeeds(tb testing.TB, loaders ...string) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, c := range badReadManifest(tb) {
		if !slices.Contains(loaders, c.Loader) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(badDir, c.File))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	if len(out) == 0 {
		tb.Fatalf("no catalogue case for the loaders %q", loaders)
	}
	return out
}

// exampleSeeds returns the example documents whose paths match pattern,
// for a fuzz target to start from.
func exampleSeeds(tb testing.TB, pattern string) [][]byte {
	tb.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		tb.Fatalf("no example matches %s: %v", pattern, err)
	}
	var out [][]byte
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// badLoad runs loader on data with the given limits (zero for the
// defaults) and returns its error. It fails the test when a failed load
// returns anything but the zero value, or the error is not the loader's
// *ValidationError with one "pkg: "-prefixed line per problem.
func badLoad(t *testing.T, loader string, data []byte, maxBytes int64, maxDepth int) []wlp.Problem {
	t.Helper()
	r := bytes.NewReader(data)
	var err error
	prefix := "profile: "
	switch loader {
	case badFramework:
		var f *wlp.Framework
		f, err = wlp.Loader{MaxBytes: maxBytes, MaxDepth: maxDepth}.Load(r)
		if err != nil && f != nil {
			t.Errorf("a failed Load returned a framework: %v", f)
		}
		prefix = "wlp: "
	case badProfile, badProfileInDefault:
		var p profile.Profile
		p, err = profile.Loader{MaxBytes: maxBytes, MaxDepth: maxDepth}.Load(r)
		if err != nil {
			if diff := cmp.Diff(profile.Profile{}, p); diff != "" {
				t.Errorf("a failed Load returned a non-zero profile:\n%s", diff)
			}
		} else if loader == badProfileInDefault {
			err = wlp.Default().ValidateProfile(p)
		}
	default:
		t.Fatalf("unknown loader %q", loader)
	}
	if err == nil {
		t.Fatalf("%s loader accepted the document", loader)
	}
	var ve *wlp.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(ve.Problems) {
		t.Errorf("Error() has %d lines for %d problems:\n%v", len(lines), len(ve.Problems), err)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, prefix) {
			t.Errorf("error line %q does not start with %q", l, prefix)
		}
	}
	return ve.Problems
}

// badMatch turns the problems a loader reported into the manifest's
// form: each problem whose place and message fit an expected one (same
// path, message holding the phrase) becomes that expected problem; any
// other keeps its whole message as the phrase, so that a diff shows it.
// Both lists come back sorted, so the comparison does not depend on the
// order in which the loader lists its problems.
func badMatch(got []wlp.Problem, want []badProblem) (gotOut, wantOut []badProblem) {
	used := make([]bool, len(want))
	for _, p := range got {
		bp := badProblem{Path: p.Path, Phrase: p.Message}
		for i, w := range want {
			if !used[i] && w.Path == p.Path && strings.Contains(p.Message, w.Phrase) {
				used[i] = true
				bp = w
				break
			}
		}
		gotOut = append(gotOut, bp)
	}
	wantOut = slices.Clone(want)
	byPlace := func(a, b badProblem) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Phrase, b.Phrase)
	}
	slices.SortFunc(gotOut, byPlace)
	slices.SortFunc(wantOut, byPlace)
	return gotOut, wantOut
}

// badPointer returns the JSON pointer of the first value nested deeper
// than limit in a document of nested arrays (tok "0") or of objects with
// one key (tok the key).
func badPointer(tok string, limit int) string {
	return strings.Repeat("/"+tok, limit)
}

// badTinyFramework and badTinyProfile are small valid documents that the
// generated cases load with tight limits.
const (
	badTinyFramework = `{"id":"tiny","competencies":[{"id":"trust","name":"Trust","cluster":"interpersonal"}],` +
		`"roles":[{"id":"guide","name":"Guide","requirements":[{"of":["trust"],"level":3,"weight":1}]}]}`
	badTinyProfile = `{"id":"alex","name":"Alex Kim","ratings":{"coaching":{"level":3,"evidence":["x"]}}}`
)

// badGen is a generated hazard: a document built in the test, the limits
// to load it with (zero for the defaults) and the problems expected.
type badGen struct {
	name     string
	loader   string
	data     []byte
	maxBytes int64
	maxDepth int
	want     []badProblem
}

// badGenerated lists the hazards too big to commit, or that need limits
// other than the defaults: they are built here.
func badGenerated() []badGen {
	const deep = 100_000
	nested := func(open, close string) []byte {
		return []byte(strings.Repeat(open, deep) + strings.Repeat(close, deep))
	}
	depth := "nested deeper than the limit of 64 levels"
	pad := func(doc string, size int) []byte {
		return append([]byte(doc), bytes.Repeat([]byte(" "), size-len(doc))...)
	}
	return []badGen{
		{"framework-nested-arrays-100000", badFramework, nested("[", "]"), 0, 0,
			[]badProblem{{badPointer("0", 64), depth}}},
		{"framework-nested-objects-100000", badFramework, nested(`{"a":`, "}"), 0, 0,
			[]badProblem{{badPointer("a", 64), depth}}},
		{"framework-nested-arrays-100000-unclosed", badFramework, []byte(strings.Repeat("[", deep)), 0, 0,
			[]badProblem{{badPointer("0", 64), depth}}},
		{"profile-nested-arrays-100000", badProfile, nested("[", "]"), 0, 0,
			[]badProblem{{badPointer("0", 64), depth}}},
		{"profile-nested-in-evidence-100000", badProfile,
			[]byte(`{"id":"a","ratings":{"coaching":{"level":1,"evidence":` + string(nested("[", "]")) + `}}}`), 0, 0,
			[]badProblem{{"/ratings/coaching/evidence" + badPointer("0", 61), depth}}},
		// One byte over the default bounds: a valid document padded with
		// spaces, which JSON allows, so only the size is wrong.
		{"framework-over-default-size", badFramework, pad(badTinyFramework, wlp.DefaultMaxBytes+1), 0, 0,
			[]badProblem{{"", "larger than the limit of 8388608 bytes"}}},
		{"profile-over-default-size", badProfile, pad(badTinyProfile, profile.DefaultMaxBytes+1), 0, 0,
			[]badProblem{{"", "larger than the limit of 1048576 bytes"}}},
		{"framework-over-loader-size", badFramework, []byte(badTinyFramework), 100, 0,
			[]badProblem{{"", "larger than the limit of 100 bytes"}}},
		{"profile-over-loader-size", badProfile, []byte(badTinyProfile), 50, 0,
			[]badProblem{{"", "larger than the limit of 50 bytes"}}},
		{"framework-over-loader-depth", badFramework, []byte(badTinyFramework), 0, 3,
			[]badProblem{{"/roles/0/requirements", "nested deeper than the limit of 3 levels"}}},
		{"profile-over-loader-depth", badProfile, []byte(badTinyProfile), 0, 3,
			[]badProblem{{"/ratings/coaching/evidence", "nested deeper than the limit of 3 levels"}}},
		// A Loader asking for more nesting than the ceiling gets the
		// ceiling.
		{"framework-over-depth-ceiling", badFramework, []byte(`{"x":` + string(nested("[", "]")) + `}`), 0, 1 << 40,
			[]badProblem{{"/x" + badPointer("0", wlp.MaxDepthCeiling-1), "nested deeper than the limit of 10000 levels"}}},
		{"framework-at-depth-ceiling", badFramework,
			[]byte(`{"x":` + strings.Repeat("[", wlp.MaxDepthCeiling-1) + strings.Repeat("]", wlp.MaxDepthCeiling-1) + `}`), 0, 1 << 40,
			[]badProblem{{"/x", `unknown field "x"`}}},
	}
}

// TestBadInputCatalogue loads every document of the catalogue with its
// loader and checks that the loader reports exactly the expected problems;
// then it does the same for the generated hazards. Every file of the
// catalogue must be listed in the manifest, and every listed file must
// exist.
func TestBadInputCatalogue(t *testing.T) {
	cases := badReadManifest(t)
	if len(cases) < 100 {
		t.Errorf("the manifest lists %d cases; the catalogue has lost some", len(cases))
	}

	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if e.Name() != badManifest {
			files = append(files, e.Name())
		}
	}
	listed := make([]string, len(cases))
	for i, c := range cases {
		listed[i] = c.File
	}
	slices.Sort(listed)
	if dup := badDuplicates(listed); len(dup) > 0 {
		t.Errorf("files listed twice in %s: %q", badManifest, dup)
	}
	if diff := cmp.Diff(files, slices.Compact(listed)); diff != "" {
		t.Errorf("files in %s (-) versus files listed in %s (+): every file must be listed, and exist:\n%s", badDir, badManifest, diff)
	}

	for _, c := range cases {
		t.Run(c.File, func(t *testing.T) {
			want := map[string]string{badFramework: "framework-", badProfile: "profile-", badProfileInDefault: "profile-"}[c.Loader]
			if want == "" || !strings.HasPrefix(c.File, want) || filepath.Ext(c.File) != ".json" {
				t.Errorf("file %q with loader %q: names go <loader>-<hazard>.json", c.File, c.Loader)
			}
			if c.Hazard == "" || len(c.Problems) == 0 {
				t.Fatalf("the case must name its hazard and at least one problem")
			}
			data, err := os.ReadFile(filepath.Join(badDir, c.File))
			if err != nil {
				t.Fatal(err)
			}
			got, wantProbs := badMatch(badLoad(t, c.Loader, data, 0, 0), c.Problems)
			if diff := cmp.Diff(wantProbs, got); diff != "" {
				t.Errorf("%s: problems (-want +got):\n%s", c.Hazard, diff)
			}
			// The problems do not depend on how the reader hands over
			// the bytes.
			again := badLoadReader(t, c.Loader, iotest.OneByteReader(bytes.NewReader(data)))
			if diff := cmp.Diff(badLoad(t, c.Loader, data, 0, 0), again); diff != "" {
				t.Errorf("a one-byte reader gives other problems (-whole +one byte):\n%s", diff)
			}
		})
	}

	for _, g := range badGenerated() {
		t.Run("generated/"+g.name, func(t *testing.T) {
			got, want := badMatch(badLoad(t, g.loader, g.data, g.maxBytes, g.maxDepth), g.want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// badMaxLine is the longest line an error may print: a problem's place
// and message, with long values and keys shortened.
const badMaxLine = 400

// TestBadInputLinesAreShort checks that no case of the catalogue prints
// an error line longer than badMaxLine bytes, however long the values
// and keys it holds (10 KB IDs and keys among them).
func TestBadInputLinesAreShort(t *testing.T) {
	for _, c := range badReadManifest(t) {
		data, err := os.ReadFile(filepath.Join(badDir, c.File))
		if err != nil {
			t.Fatal(err)
		}
		var lerr error
		if c.Loader == badFramework {
			_, lerr = wlp.Load(bytes.NewReader(data))
		} else {
			var p profile.Profile
			if p, lerr = profile.Load(bytes.NewReader(data)); lerr == nil && c.Loader == badProfileInDefault {
				lerr = wlp.Default().ValidateProfile(p)
			}
		}
		if lerr == nil {
			t.Errorf("%s: loaded", c.File)
			continue
		}
		for _, line := range strings.Split(lerr.Error(), "\n") {
			if len(line) > badMaxLine {
				t.Errorf("%s: an error line of %d bytes: %.200q...", c.File, len(line), line)
			}
		}
	}
}

// TestBadInputGeneratedControls checks that the documents the generated
// cases break limits with are valid under the default limits, so the
// only thing wrong with them there is the limit.
func TestBadInputGeneratedControls(t *testing.T) {
	if _, err := wlp.Load(strings.NewReader(badTinyFramework)); err != nil {
		t.Errorf("the tiny framework: %v", err)
	}
	if _, err := profile.Load(strings.NewReader(badTinyProfile)); err != nil {
		t.Errorf("the tiny profile: %v", err)
	}
	padded := badTinyFramework + strings.Repeat(" ", wlp.DefaultMaxBytes-len(badTinyFramework))
	if _, err := wlp.Load(strings.NewReader(padded)); err != nil {
		t.Errorf("a framework of exactly DefaultMaxBytes: %v", err)
	}
	padded = badTinyProfile + strings.Repeat(" ", profile.DefaultMaxBytes-len(badTinyProfile))
	if _, err := profile.Load(strings.NewReader(padded)); err != nil {
		t.Errorf("a profile of exactly DefaultMaxBytes: %v", err)
	}
	at64 := strings.Repeat("[", 63) + strings.Repeat("]", 63)
	_, err := wlp.Load(strings.NewReader(`{"x":` + at64 + `}`))
	if err == nil || strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("a framework nested exactly 64 deep: got %v, want an unknown-field error only", err)
	}
}

// badLoadReader loads from r with the default limits and returns the
// problems, or nil if the load succeeded.
func badLoadReader(t *testing.T, loader string, r io.Reader) []wlp.Problem {
	t.Helper()
	var err error
	switch loader {
	case badFramework:
		_, err = wlp.Load(r)
	default:
		var p profile.Profile
		if p, err = profile.Load(r); err == nil && loader == badProfileInDefault {
			err = wlp.Default().ValidateProfile(p)
		}
	}
	var ve *wlp.ValidationError
	if errors.As(err, &ve) {
		return ve.Problems
	}
	if err != nil {
		t.Errorf("error %v (%T) is not a *ValidationError", err, err)
	}
	return nil
}

// badDuplicates returns the names that occur more than once in sorted.
func badDuplicates(sorted []string) []string {
	var out []string
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] && (len(out) == 0 || out[len(out)-1] != sorted[i]) {
			out = append(out, sorted[i])
		}
	}
	return out
}

// badEndless is a reader that never ends: it repeats one byte forever
// and counts how many it handed out.
type badEndless struct {
	b    byte
	read int64
}

func (r *badEndless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.b
	}
	r.read += int64(len(p))
	return len(p), nil
}

// TestBadInputEndlessReader feeds both loaders a stream that never ends:
// each stops one byte after its size bound and reports the size.
func TestBadInputEndlessReader(t *testing.T) {
	for _, c := range []struct {
		name string
		max  int64
		load func(r io.Reader) error
	}{
		{"framework default", wlp.DefaultMaxBytes, func(r io.Reader) error { _, err := wlp.Load(r); return err }},
		{"framework 4 KiB", 4 << 10, func(r io.Reader) error { _, err := wlp.Loader{MaxBytes: 4 << 10}.Load(r); return err }},
		{"profile default", profile.DefaultMaxBytes, func(r io.Reader) error { _, err := profile.Load(r); return err }},
		{"profile 1 KiB", 1 << 10, func(r io.Reader) error { _, err := profile.Loader{MaxBytes: 1 << 10}.Load(r); return err }},
	} {
		for _, b := range []byte{'[', ' '} {
			r := &badEndless{b: b}
			err := c.load(r)
			got, want := badMatch(badProblems(err), []badProblem{{"", fmt.Sprintf("larger than the limit of %d bytes", c.max)}})
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s, endless %q: problems (-want +got):\n%s", c.name, b, diff)
			}
			// One byte over the bound is enough to know it is over.
			if r.read > c.max+1 {
				t.Errorf("%s, endless %q: read %d bytes for a bound of %d", c.name, b, r.read, c.max)
			}
		}
	}
}

// badProblems returns the problems of a *ValidationError, or one problem
// naming err when it is something else.
func badProblems(err error) []wlp.Problem {
	var ve *wlp.ValidationError
	if errors.As(err, &ve) {
		return ve.Problems
	}
	return []wlp.Problem{{Message: fmt.Sprintf("not a *ValidationError: %v", err)}}
}
