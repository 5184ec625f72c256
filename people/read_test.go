package people_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/profile"
)

// yielded is one value an iterator of people yields, as the tests
// compare it: a person's ID and place, or an error's problems, each
// "place: message".
type yielded struct {
	ID       string
	Place    people.Place
	Problems []string
	Omitted  int
	// Other is the text of an error that is not a *people.Error.
	Other string
}

// person is what an iterator yields for the person id read at place.
func person(id string, at people.Place) yielded { return yielded{ID: id, Place: at} }

// problems is what an iterator yields for an error listing problems.
func problems(ps ...string) yielded { return yielded{Problems: ps} }

// drain runs seq to its end and returns what it yielded. It checks that
// every person yielded validates against the default framework.
func drain(t *testing.T, seq iter.Seq2[people.Person, error]) []yielded {
	t.Helper()
	var out []yielded
	for p, err := range seq {
		out = append(out, record(t, p, err))
	}
	return out
}

// record returns what p and err are as yielded.
func record(t *testing.T, p people.Person, err error) yielded {
	t.Helper()
	if err == nil {
		if p.Profile.ID == "" {
			t.Errorf("person at %v yielded without an ID", p.Place)
		}
		return person(p.Profile.ID, p.Place)
	}
	var e *people.Error
	if !errors.As(err, &e) {
		return yielded{Other: err.Error()}
	}
	y := yielded{Omitted: e.Omitted}
	for _, pr := range e.Problems {
		y.Problems = append(y.Problems, pr.String())
	}
	return y
}

// at is a place in file: a JSON pointer, or a line of JSON Lines.
func at(file string, line int, pointer string) people.Place {
	return people.Place{File: file, Line: line, Pointer: pointer}
}

const bomText = "\ufeff"

// pretty is a profile document as an editor writes it.
const pretty = `{
  "id": "ana",
  "name": "Ana Silva",
  "ratings": {
    "coaching": {"level": 4, "source": "manager"}
  }
}
`

// mixed is a document with three problems that come from three
// places: the strict loader (a level typed as text), the profile's own
// checks (a level above the scale) and the framework (an unknown ID).
const mixed = `{"id":"cy","ratings":{"coaching":{"level":"3"},"bulding-trust":{"level":4},"designing-learning":{"level":7}}}`

// mixedProblems are mixed's problems, each after the prefix that places
// it.
func mixedProblems(prefix string) []string {
	return []string{
		prefix + `/ratings/coaching/level: expected an integer, found the string "3"`,
		prefix + `/ratings/designing-learning/level: 7 is above the scale's top level 5`,
		prefix + `/ratings/bulding-trust: unknown competency or area "bulding-trust" in framework "astd-2004"; did you mean "building-trust"?`,
	}
}

func TestRead(t *testing.T) {
	l2 := learning2(t)
	long := `{"id":"long","name":"` + strings.Repeat("x", 200) + `"}`
	tests := []struct {
		name  string
		file  string
		opts  *people.Options
		input string
		want  []yielded
	}{
		// A single document.
		{name: "document", file: "ana.json", input: pretty,
			want: []yielded{person("ana", at("ana.json", 0, ""))}},
		{name: "document with a byte-order mark", file: "ana.json", input: bomText + pretty,
			want: []yielded{person("ana", at("ana.json", 0, ""))}},
		{name: "document on one line", file: "ana.json", input: `{"id":"ana"}`,
			want: []yielded{person("ana", at("ana.json", 0, ""))}},
		{name: "document with CRLF", file: "ana.json", input: strings.ReplaceAll(pretty, "\n", "\r\n"),
			want: []yielded{person("ana", at("ana.json", 0, ""))}},
		{name: "document with problems", file: "cy.json", input: mixed,
			want: []yielded{problems(mixedProblems("cy.json: ")...)}},
		{name: "document with an unknown field", file: "a.json", input: `{"id":"a","nmae":"A"}`,
			want: []yielded{problems(`a.json: /nmae: unknown field "nmae"`)}},
		{name: "document without an ID", file: "a.json", input: `{"name":"A"}`,
			want: []yielded{problems(`a.json: missing required field "id"`)}},
		{name: "document larger than MaxBytes", file: "long.json", opts: &people.Options{MaxBytes: 100}, input: long,
			want: []yielded{problems(`long.json: the document is larger than the limit of 100 bytes`)}},
		{name: "JSON Lines named .json, as many exports name it", file: "a.json", input: "{\"id\":\"a\"}\n{\"id\":\"b\"}\n",
			want: []yielded{person("a", at("a.json", 1, "")), person("b", at("a.json", 2, ""))}},
		{name: "a document, then another", file: "a.json", input: "{\"id\":\n\"a\"}\n{\"id\":\"b\"}\n",
			want: []yielded{problems(`a.json: unexpected data after the document at offset 12`)}},
		{name: "empty document", file: "a.json", input: "",
			want: []yielded{problems(`a.json: the document is empty`)}},
		{name: "document of an ID another framework knows", file: "a.json", opts: &people.Options{Framework: l2},
			input: `{"id":"a","ratings":{"community-platforms":{"level":3}}}`,
			want:  []yielded{person("a", at("a.json", 0, ""))}},
		{name: "document of an ID the default framework does not know", file: "a.json",
			input: `{"id":"a","ratings":{"community-platforms":{"level":3}}}`,
			want:  []yielded{problems(`a.json: /ratings/community-platforms: unknown competency or area "community-platforms" in framework "astd-2004"`)}},

		// A JSON array.
		{name: "array", file: "team.json", input: `[{"id":"ana"},{"id":"ben"}]`,
			want: []yielded{person("ana", at("team.json", 0, "/0")), person("ben", at("team.json", 0, "/1"))}},
		{name: "array pretty-printed with a byte-order mark", file: "team.json",
			input: bomText + "[\r\n  " + strings.ReplaceAll(pretty, "\n", "\r\n  ") + ",\r\n  {\"id\": \"ben\"}\r\n]\r\n",
			want:  []yielded{person("ana", at("team.json", 0, "/0")), person("ben", at("team.json", 0, "/1"))}},
		{name: "empty array", file: "team.json", input: " [ ] \n"},
		{name: "array with an element with problems", file: "team.json",
			input: "[{\"id\":\"ana\"},\n" + mixed + ",\n{\"id\":\"ben\"}]",
			want: []yielded{
				person("ana", at("team.json", 0, "/0")),
				problems(mixedProblems("team.json: /1")...),
				person("ben", at("team.json", 0, "/2")),
			}},
		{name: "array with an element that is not an object", file: "team.json", input: `[{"id":"ana"},3,{"id":"ben"}]`,
			want: []yielded{
				person("ana", at("team.json", 0, "/0")),
				problems(`team.json: /1: expected an object, found the number 3`),
				person("ben", at("team.json", 0, "/2")),
			}},
		{name: "array element larger than MaxBytes", file: "team.json", opts: &people.Options{MaxBytes: 100},
			input: `[` + long + `,{"id":"ben"}]`,
			want: []yielded{
				problems(`team.json: /0: the document is larger than the limit of 100 bytes`),
				person("ben", at("team.json", 0, "/1")),
			}},
		{name: "unclosed array", file: "team.json", input: "[{\"id\":\"ana\"},\n{\"id\":\"ben\"}\n",
			want: []yielded{
				person("ana", at("team.json", 0, "/0")),
				person("ben", at("team.json", 0, "/1")),
				problems(`team.json: the array is not closed: the input ends inside it`),
			}},
		{name: "array ending inside an element", file: "team.json", input: `[{"id":"ana"},{"id":"b`,
			want: []yielded{
				person("ana", at("team.json", 0, "/0")),
				problems(`team.json: the array is not closed: the input ends inside it`),
			}},
		{name: "content after the array", file: "team.json", input: `[{"id":"ana"}] {"id":"ben"}`,
			want: []yielded{
				person("ana", at("team.json", 0, "/0")),
				problems(`team.json: unexpected content after the array, at byte 15`),
			}},
		{name: "elements without a comma", file: "team.json", input: `[{"id":"ana"} {"id":"ben"}]`,
			want: []yielded{
				person("ana", at("team.json", 0, "/0")),
				problems(`team.json: malformed JSON at byte 14: expected comma after array element`),
			}},

		// JSON Lines.
		{name: "JSON Lines", file: "team.jsonl", input: "{\"id\":\"ana\"}\n{\"id\":\"ben\"}\n",
			want: []yielded{person("ana", at("team.jsonl", 1, "")), person("ben", at("team.jsonl", 2, ""))}},
		{name: "JSON Lines with blank lines, CRLF, a byte-order mark and no last line break", file: "team.ndjson",
			input: bomText + "\r\n{\"id\":\"ana\"}\r\n  \r\n\t\n{\"id\":\"ben\"}\r\n{\"id\":\"cy\"}",
			want: []yielded{
				person("ana", at("team.ndjson", 2, "")),
				person("ben", at("team.ndjson", 5, "")),
				person("cy", at("team.ndjson", 6, "")),
			}},
		{name: "JSON Lines with problems", file: "team.jsonl",
			input: "{\"id\":\"ana\"}\n" + mixed + "\n{\"id\":\"ben\",\"x\":1}\n{\"id\":\"dee\"}\n",
			want: []yielded{
				person("ana", at("team.jsonl", 1, "")),
				problems(mixedProblems("team.jsonl: line 2: ")...),
				problems(`team.jsonl: line 3: /x: unknown field "x"`),
				person("dee", at("team.jsonl", 4, "")),
			}},
		{name: "JSON Lines with a line longer than MaxBytes", file: "team.jsonl", opts: &people.Options{MaxBytes: 100},
			input: "{\"id\":\"ana\"}\n" + long + "\n{\"id\":\"ben\"}\n" + long + "\r\n{\"id\":\"cy\"}\n",
			want: []yielded{
				person("ana", at("team.jsonl", 1, "")),
				problems(`team.jsonl: line 2: the line is longer than 100 bytes, the bound on one profile`),
				person("ben", at("team.jsonl", 3, "")),
				problems(`team.jsonl: line 4: the line is longer than 100 bytes, the bound on one profile`),
				person("cy", at("team.jsonl", 5, "")),
			}},
		{name: "JSON Lines with a line far longer than the buffer", file: "team.jsonl", opts: &people.Options{MaxBytes: 100},
			input: "{\"id\":\"ana\",\"name\":\"" + strings.Repeat("y", 200<<10) + "\"}\n{\"id\":\"ben\"}",
			want: []yielded{
				problems(`team.jsonl: line 1: the line is longer than 100 bytes, the bound on one profile`),
				person("ben", at("team.jsonl", 2, "")),
			}},
		{name: "JSON Lines with a line of MaxBytes and CRLF", file: "team.jsonl", opts: &people.Options{MaxBytes: 20},
			input: "{\"id\":\"abcdefghijk\"}\r\n{\"id\":\"b\"}\r\n",
			want: []yielded{
				person("abcdefghijk", at("team.jsonl", 1, "")),
				person("b", at("team.jsonl", 2, "")),
			}},
		{name: "JSON Lines holding a pretty-printed document", file: "team.jsonl", input: "{\n\"id\": \"ana\"\n}\n",
			want: []yielded{
				problems(`team.jsonl: line 1: the document ends too early (truncated?)`),
				problems(`team.jsonl: line 2: unexpected data after the document at offset 4`),
				problems(`team.jsonl: line 3: malformed JSON at offset 0: '}' looking for beginning of value`),
			}},
		{name: "JSON Lines forced on a .json name", file: "team.json", opts: &people.Options{Format: people.JSONLines},
			input: "{\"id\":\"ana\"}\n{\"id\":\"ben\"}\n",
			want:  []yielded{person("ana", at("team.json", 1, "")), person("ben", at("team.json", 2, ""))}},
		{name: "empty JSON Lines", file: "team.jsonl", input: "\n\r\n"},

		// The format told from the content, on standard input.
		{name: "stdin array", file: "<stdin>", input: "\n  [{\"id\":\"ana\"}]",
			want: []yielded{person("ana", at("<stdin>", 0, "/0"))}},
		{name: "stdin one-line documents", file: "<stdin>", input: "{\"id\":\"ana\"}\n{\"id\":\"ben\"}\n",
			want: []yielded{person("ana", at("<stdin>", 1, "")), person("ben", at("<stdin>", 2, ""))}},
		{name: "stdin one document on one line", file: "<stdin>", input: "{\"id\":\"ana\"}",
			want: []yielded{person("ana", at("<stdin>", 1, ""))}},
		{name: "stdin pretty-printed document", file: "<stdin>", input: bomText + "\n" + pretty,
			want: []yielded{person("ana", at("<stdin>", 0, ""))}},
		{name: "stdin array with a byte-order mark", file: "<stdin>", input: bomText + `[{"id":"ana"}]`,
			want: []yielded{person("ana", at("<stdin>", 0, "/0"))}},
		{name: "stdin with JSON forced", file: "<stdin>", opts: &people.Options{Format: people.JSON}, input: `{"id":"ana"}`,
			want: []yielded{person("ana", at("<stdin>", 0, ""))}},
		{name: "stdin array with JSON forced", file: "<stdin>", opts: &people.Options{Format: people.JSON}, input: `[{"id":"ana"}]`,
			want: []yielded{person("ana", at("<stdin>", 0, "/0"))}},
		{name: "name without an extension", file: "team", input: "[{\"id\":\"ana\"}]",
			want: []yielded{person("ana", at("team", 0, "/0"))}},
		{name: "name in capitals", file: "TEAM.JSONL", input: "{\"id\":\"ana\"}\n",
			want: []yielded{person("ana", at("TEAM.JSONL", 1, ""))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := drain(t, people.Read(strings.NewReader(tt.input), tt.file, tt.opts))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Read (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadProfile checks that a profile read is the profile written:
// every field, from each JSON format.
func TestReadProfile(t *testing.T) {
	want := profile.Profile{
		ID:   "dee",
		Name: "Dee Park",
		Ratings: map[competency.ID]profile.Rating{
			"coaching": {Level: 4, Source: profile.Manager, AssessedAt: "2026-03-31", Evidence: []string{"workshop"}, Note: "n"},
		},
		Reviews: []profile.Review{{Rater: "Ana Silva", Source: profile.Peer, Levels: map[competency.ID]competency.Level{"building-trust": 3}}},
	}
	doc, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []struct{ file, text string }{
		{"dee.json", string(doc)},
		{"team.json", "[" + string(doc) + "]"},
		{"team.jsonl", string(doc) + "\n"},
	} {
		ps, err := people.Collect(people.Read(strings.NewReader(in.text), in.file, nil))
		if err != nil {
			t.Fatalf("%s: %v", in.file, err)
		}
		if len(ps) != 1 {
			t.Fatalf("%s: read %d people, want 1", in.file, len(ps))
		}
		if diff := cmp.Diff(want, ps[0].Profile); diff != "" {
			t.Errorf("%s: profile (-want +got):\n%s", in.file, diff)
		}
	}
}

// learning2 returns the example framework that adds Learning 2.0
// skills to the default one.
func learning2(t testing.TB) *wlp.Framework {
	t.Helper()
	return testfix.LoadFramework(t, filepath.Join("..", "examples", "frameworks", "learning2.json"))
}

// TestReadArrayElementBound checks that an element of a JSON array far
// larger than MaxBytes is not held whole: the reader stops at the bound.
func TestReadArrayElementBound(t *testing.T) {
	const size = 8 << 20
	input := []byte(`[{"id":"ana"},{"id":"big","name":"` + strings.Repeat("x", size) + `"},{"id":"ben"}]`)
	o := &people.Options{MaxBytes: 1 << 10}
	got := drain(t, people.Read(bytes.NewReader(input), "team.json", o))
	want := []yielded{
		person("ana", at("team.json", 0, "/0")),
		problems(`team.json: /1: the element is larger than the limit of 1024 bytes; the rest of the array is not read`),
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Read (-want +got):\n%s", diff)
	}
	n := alloctest.Bytes(func() {
		for range people.Read(bytes.NewReader(input), "team.json", o) {
		}
	})
	if n > alloctest.FixedBytes+1<<20 {
		t.Errorf("reading an array with an element of %d bytes, MaxBytes 1 KiB, allocated %d bytes", size, n)
	}
}

// TestReadArrayWhiteSpaceBound checks that white space between the
// elements of an array is not held either.
func TestReadArrayWhiteSpaceBound(t *testing.T) {
	input := []byte(`[{"id":"ana"},` + strings.Repeat(" ", 8<<20) + `{"id":"ben"}]`)
	o := &people.Options{MaxBytes: 1 << 10}
	var ids []string
	var errs int
	n := alloctest.Bytes(func() {
		ids, errs = nil, 0 // Bytes may run the function more than once
		for p, err := range people.Read(bytes.NewReader(input), "team.json", o) {
			if err != nil {
				errs++
				continue
			}
			ids = append(ids, p.Profile.ID)
		}
	})
	if n > alloctest.FixedBytes+1<<20 {
		t.Errorf("reading an array with 8 MiB of white space, MaxBytes 1 KiB, allocated %d bytes", n)
	}
	if len(ids) == 0 || ids[0] != "ana" || errs != 1 {
		t.Errorf("read %v and %d errors; want ana first, then one error for the white space past the bound", ids, errs)
	}
}

// TestReadLinesBound checks that a line of JSON Lines far larger than
// MaxBytes is skipped without being held.
func TestReadLinesBound(t *testing.T) {
	input := []byte(`{"id":"big","name":"` + strings.Repeat("x", 8<<20) + "\"}\n{\"id\":\"ben\"}\n")
	o := &people.Options{MaxBytes: 1 << 10}
	var got []string
	n := alloctest.Bytes(func() {
		got = nil // Bytes may run the function more than once
		for p, err := range people.Read(bytes.NewReader(input), "team.jsonl", o) {
			if err != nil {
				got = append(got, err.Error())
				continue
			}
			got = append(got, p.Profile.ID)
		}
	})
	if n > alloctest.FixedBytes+1<<20 {
		t.Errorf("reading a line of 8 MiB, MaxBytes 1 KiB, allocated %d bytes", n)
	}
	want := []string{"people: team.jsonl: line 1: the line is longer than 1024 bytes, the bound on one profile", "ben"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("read (-want +got):\n%s", diff)
	}
}

// TestReadDocumentBound checks that a document far larger than MaxBytes
// is not read past the bound.
func TestReadDocumentBound(t *testing.T) {
	r := &countingReader{r: strings.NewReader(`{"id":"big","name":"` + strings.Repeat("x", 8<<20) + `"}`)}
	got := drain(t, people.Read(r, "big.json", &people.Options{MaxBytes: 1 << 10}))
	want := []yielded{problems(`big.json: the document is larger than the limit of 1024 bytes`)}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Read (-want +got):\n%s", diff)
	}
	if r.n > 1<<20 {
		t.Errorf("read %d bytes of a document, MaxBytes 1 KiB", r.n)
	}
}

// countingReader counts the bytes read through it, and the calls.
type countingReader struct {
	r     io.Reader
	n     int
	calls int
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.calls++
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// lineReader returns one line of its lines per call, and fails the
// test when it is read once stopped is set.
type lineReader struct {
	t       *testing.T
	lines   []string
	stopped bool
}

func (l *lineReader) Read(p []byte) (int, error) {
	if l.stopped {
		l.t.Errorf("read after the consumer stopped, with %d lines left", len(l.lines))
	}
	if len(l.lines) == 0 {
		return 0, io.EOF
	}
	n := copy(p, l.lines[0])
	l.lines = l.lines[1:]
	return n, nil
}

// TestReadStops checks that Read reads no further once its consumer
// stops, in each format that yields people as it reads them.
func TestReadStops(t *testing.T) {
	for _, tt := range []struct{ file, first, sep string }{
		{"team.jsonl", "", "\n"},
		{"<stdin>", "", "\n"},
		{"team.json", "[", ",\n"},
		{"<stdin>", "[", ",\n"},
	} {
		r := &lineReader{t: t, lines: []string{
			tt.first + `{"id":"ana"}` + tt.sep, `{"id":"ben"}` + tt.sep, `{"id":"cy"}` + tt.sep, `{"id":"dee"}` + tt.sep,
		}}
		var ids []string
		for p, err := range people.Read(r, tt.file, nil) {
			if err != nil {
				t.Fatalf("%s: %v", tt.file, err)
			}
			ids = append(ids, p.Profile.ID)
			if len(ids) == 2 {
				r.stopped = true
				break
			}
		}
		if diff := cmp.Diff([]string{"ana", "ben"}, ids); diff != "" {
			t.Errorf("%s %q: people read (-want +got):\n%s", tt.file, tt.first, diff)
		}
	}
}

// errReader fails after its text.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, e.err
	}
	return n, err
}

func TestReadFailingReader(t *testing.T) {
	boom := errors.New("disk on fire")
	tests := []struct {
		name, file, text string
		want             []yielded
	}{
		{"document", "a.json", `{"id":"a"`, []yielded{problems(`a.json: cannot read: disk on fire`)}},
		{"lines", "a.jsonl", "{\"id\":\"a\"}\n{\"id\":", []yielded{
			person("a", at("a.jsonl", 1, "")),
			problems(`a.jsonl: line 2: cannot read: disk on fire`),
		}},
		{"array", "a.json", `[{"id":"a"},{"id":`, []yielded{
			person("a", at("a.json", 0, "/0")),
			problems(`a.json: cannot read: disk on fire`),
		}},
	}
	for _, tt := range tests {
		got := drain(t, people.Read(&errReader{strings.NewReader(tt.text), boom}, tt.file, nil))
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: Read (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	team := filepath.Join("testdata", "json", "team.json")
	twice := write("twice.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"ben\"}\n{\"id\":\"ana\",\"name\":\"Ana again\"}\n")
	half := write("half.json", `[{"id":"ana"},{"id":"ben","ratings":{"coaching":{"level":6}}}]`)
	missing := filepath.Join(dir, "missing.json")
	type result struct {
		People   []yielded
		Problems []string
	}
	tests := []struct {
		name string
		file string
		want result
	}{
		{"array", team, result{People: []yielded{
			person("ana", at(team, 0, "/0")), person("ben", at(team, 0, "/1")),
		}}},
		{"the same ID twice", twice, result{
			People: []yielded{person("ana", at(twice, 1, "")), person("ben", at(twice, 2, ""))},
			Problems: []string{twice + `: line 3: profile ID "ana" was read before, at ` + twice +
				`: line 1: each person needs an ID of their own`},
		}},
		{"people and problems", half, result{
			People:   []yielded{person("ana", at(half, 0, "/0"))},
			Problems: []string{half + `: /1/ratings/coaching/level: 6 is above the scale's top level 5`},
		}},
		{"missing", missing, result{Problems: []string{missing + ": cannot read: no such file"}}},
		{"folder", dir, result{Problems: []string{dir + ": is a folder: pass it to All, which reads its files"}}},
	}
	for _, tt := range tests {
		var opened []string
		o := &people.Options{Opened: func(name string, info os.FileInfo) {
			opened = append(opened, name+" "+info.Name())
		}}
		ps, err := people.ReadFile(tt.file, o)
		var got result
		for _, p := range ps {
			got.People = append(got.People, person(p.Profile.ID, p.Place))
		}
		if err != nil {
			got.Problems = record(t, people.Person{}, err).Problems
		}
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: ReadFile (-want +got):\n%s", tt.name, diff)
		}
		var wantOpened []string
		if fi, err := os.Stat(tt.file); err == nil && !fi.IsDir() {
			wantOpened = []string{tt.file + " " + filepath.Base(tt.file)}
		}
		if diff := cmp.Diff(wantOpened, opened); diff != "" {
			t.Errorf("%s: Opened calls (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestCollect checks that Collect merges every error seq yields into
// one, keeps an error of another kind, and caps the list.
func TestCollect(t *testing.T) {
	bad := func(line, omitted int) error {
		return &people.Error{Problems: []people.Problem{{Place: at("b.jsonl", line, ""), Message: "bad"}}, Omitted: omitted}
	}
	tests := []struct {
		name        string
		errs        []error
		wantFirst   []string
		wantListed  int
		wantOmitted int
	}{
		{name: "none"},
		{name: "another kind", errs: []error{errors.New("boom"), bad(1, 0)},
			wantFirst: []string{"boom", "b.jsonl: line 1: bad"}, wantListed: 2},
		{name: "capped", errs: slices.Repeat([]error{bad(1, 0)}, 1200),
			wantFirst: []string{"b.jsonl: line 1: bad"}, wantListed: 1000, wantOmitted: 200},
		// The list is a prefix of the problems found: once one is left
		// out, those after it are counted only.
		{name: "after an error with problems left out", errs: []error{bad(1, 3), bad(2, 0)},
			wantFirst: []string{"b.jsonl: line 1: bad"}, wantListed: 1, wantOmitted: 4},
	}
	for _, tt := range tests {
		seq := func(yield func(people.Person, error) bool) {
			if !yield(people.Person{Profile: profile.Profile{ID: "ana"}, Place: at("a.json", 0, "")}, nil) {
				return
			}
			for _, err := range tt.errs {
				if !yield(people.Person{}, err) {
					return
				}
			}
			yield(people.Person{Profile: profile.Profile{ID: "ben"}, Place: at("a.json", 0, "")}, nil)
		}
		ps, err := people.Collect(seq)
		if diff := cmp.Diff([]string{"ana", "ben"}, ids(ps)); diff != "" {
			t.Errorf("%s: people (-want +got):\n%s", tt.name, diff)
		}
		if len(tt.errs) == 0 {
			if err != nil {
				t.Errorf("%s: error %v, want nil", tt.name, err)
			}
			continue
		}
		var e *people.Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: Collect returned %T, want *people.Error", tt.name, err)
		}
		var first []string
		for _, p := range e.Problems[:min(len(e.Problems), len(tt.wantFirst))] {
			first = append(first, p.String())
		}
		if diff := cmp.Diff(tt.wantFirst, first); diff != "" {
			t.Errorf("%s: first problems (-want +got):\n%s", tt.name, diff)
		}
		if len(e.Problems) != tt.wantListed || e.Omitted != tt.wantOmitted {
			t.Errorf("%s: %d problems listed, %d omitted; want %d, %d", tt.name, len(e.Problems), e.Omitted, tt.wantListed, tt.wantOmitted)
		}
	}
}

// ids returns the IDs of ps.
func ids(ps []people.Person) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Profile.ID)
	}
	return out
}

// FuzzRead feeds arbitrary bytes through Read: the format told from the
// content, and each JSON format by name. No input may panic; every
// person yielded is valid; every error is a *people.Error whose problems
// name the file; and the profiles of JSON Lines, written back one a
// line, read back the same.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		pretty, bomText + pretty, mixed, `[` + mixed + `]`, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n",
		"[{\"id\":\"ana\"},{\"id\":\"ben\"}]", `[{"id":"a"}`, `[{"id":"a"}] x`, "\r\n{\"id\":\"a\"}\r\n\r\n",
		`{"id":"a","reviews":[{"rater":"r","source":"peer","levels":{"coaching":3}}]}`,
		`{"id":"a","ratings":{"coaching":{"level":4,"source":"self","assessedAt":"2026-01-02","evidence":["e"],"note":"n"}}}`,
		`{"id":"a","ratings":{}}`, `{"id":"a","name":"\u2028\ud83d\ude00"}`, "", "[", "{", "\xef\xbb\xbf", "PK\x03\x04",
	} {
		f.Add([]byte(s))
	}
	def := wlp.Default()
	small := &people.Options{MaxBytes: 256}
	f.Fuzz(func(t *testing.T, data []byte) {
		type run struct {
			file string
			o    *people.Options
		}
		for _, r := range []run{
			{"<stdin>", nil},
			{"x.json", &people.Options{Format: people.JSON}},
			{"x.jsonl", &people.Options{Format: people.JSONLines}},
			{"x.json", small},
		} {
			var read []profile.Profile
			for p, err := range people.Read(bytes.NewReader(data), r.file, r.o) {
				if err != nil {
					var e *people.Error
					if !errors.As(err, &e) {
						t.Fatalf("%s: error %T %q is not a *people.Error", r.file, err, err)
					}
					if len(e.Problems) == 0 && e.Omitted == 0 {
						t.Fatalf("%s: empty *people.Error", r.file)
					}
					for _, pr := range e.Problems {
						if pr.Place.File != r.file {
							t.Fatalf("%s: problem %q is placed in file %q", r.file, pr, pr.Place.File)
						}
					}
					continue
				}
				if err := def.ValidateProfile(p.Profile); err != nil {
					t.Fatalf("%s: yielded a profile that does not validate: %v", r.file, err)
				}
				if p.Place.File != r.file {
					t.Fatalf("%s: person placed in file %q", r.file, p.Place.File)
				}
				read = append(read, p.Profile)
			}
			if r.o == nil || r.o.Format != people.JSONLines {
				continue
			}
			var b bytes.Buffer
			for _, p := range read {
				line, err := json.Marshal(p)
				if err != nil {
					t.Fatalf("marshal %+v: %v", p, err)
				}
				b.Write(line)
				b.WriteByte('\n')
			}
			back, err := people.Collect(people.Read(&b, r.file, r.o))
			if err != nil {
				t.Fatalf("profiles written back do not read: %v", err)
			}
			var again []profile.Profile
			for _, p := range back {
				again = append(again, p.Profile)
			}
			if diff := cmp.Diff(read, again, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("profiles written back read differently (-first +again):\n%s", diff)
			}
		}
	})
}

// TestReadInvalidOptions checks that a Format or DateOrder outside its
// constants is a problem, not read as some format or order.
func TestReadInvalidOptions(t *testing.T) {
	for _, tt := range []struct {
		o    *people.Options
		want string
	}{
		{&people.Options{Format: people.Format(42)}, "people: x.json: Options.Format is Format(42), not a format (want Auto, JSON, JSONLines, CSV or XLSX)"},
		{&people.Options{Dates: people.DateOrder(9)}, "people: x.json: Options.Dates is DateOrder(9), not an order (want EitherFirst, DayFirst or MonthFirst)"},
	} {
		ps, err := people.Collect(people.Read(strings.NewReader(`{"id":"a"}`), "x.json", tt.o))
		if len(ps) != 0 || err == nil || err.Error() != tt.want {
			t.Errorf("Read with %+v: %d people, error %v; want none and %q", *tt.o, len(ps), err, tt.want)
		}
	}
}
