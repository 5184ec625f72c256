package people

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wlpmodel/wlp/profile"
)

// filterSize sets the bounds of the filter's size for the rest of the
// test.
func filterSize(t testing.TB, lo, hi uint64) {
	oldLo, oldHi := filterMinBits, filterMaxBits
	filterMinBits, filterMaxBits = lo, hi
	t.Cleanup(func() { filterMinBits, filterMaxBits = oldLo, oldHi })
}

// tinyFilter makes every filter one bit, which, once one ID is added,
// says "maybe" for every other: each person after the first is held back
// and told about in the second pass.
func tinyFilter(t testing.TB) { filterSize(t, 1, 1) }

// reads records the files opened by each pass for the rest of the test,
// as "1 name" and "2 name".
func reads(t testing.TB) *[]string {
	var got []string
	onRead = func(pass int, name string) { got = append(got, strconv.Itoa(pass)+" "+filepath.Base(name)) }
	t.Cleanup(func() { onRead = nil })
	return &got
}

// write writes the files named, each with its text, under dir, and
// returns their paths in the order given.
func write(t testing.TB, dir string, named ...string) []string {
	t.Helper()
	var paths []string
	for i := 0; i+1 < len(named); i += 2 {
		p := filepath.Join(dir, named[i])
		if err := os.WriteFile(p, []byte(named[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// lines returns what seq yields, a line each: "ID at PLACE" for a
// person, and each problem's "PLACE: MESSAGE", with dir taken from the
// front of file names.
func lines(t testing.TB, dir string, seq func(yield func(Person, error) bool)) []string {
	t.Helper()
	var out []string
	for p, err := range seq {
		if err == nil {
			out = append(out, p.Profile.ID+" at "+p.Place.String())
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %T %v is not an *Error", err, err)
		}
		for _, pr := range e.Problems {
			out = append(out, pr.String())
		}
	}
	for i := range out {
		out[i] = strings.ReplaceAll(out[i], dir+string(filepath.Separator), "")
	}
	return out
}

// dupMessage is the problem of the profile ID id read at at, and before
// at first.
func dupMessage(at, id, first string) string {
	return at + `: profile ID "` + id + `" was read before, at ` + first + `: each person needs an ID of their own`
}

// idSets are the sets of IDs the filter tests add.
func idSets() map[string][]string {
	many := make([]string, 10000)
	for i := range many {
		many[i] = "person-" + strconv.Itoa(i)
	}
	return map[string][]string{
		"one":                 {"ana"},
		"near each other":     {"a", "b", "aa", "ab", "ba", "ana", "anb", "Ana", "ANA"},
		"not ASCII":           {"zoë", "josé.garcía", "李伟", "ana lópez"},
		"long":                {strings.Repeat("x", 255), strings.Repeat("x", 254) + "y"},
		"ten thousand":        many,
		"the empty ID, first": {"", "ana"},
	}
}

// TestBloomNoFalseNegatives checks that a filter claims every ID added
// to it, at every size, and that an empty filter claims none.
func TestBloomNoFalseNegatives(t *testing.T) {
	for name, ids := range idSets() {
		for _, bits := range []uint64{1, 64, 1000, 1 << 16, 1 << 20} {
			filterSize(t, bits, bits)
			b := newBloom(0)
			if b.m != bits {
				t.Fatalf("filter of %d bits has %d", bits, b.m)
			}
			if b.add(ids[0]) {
				t.Errorf("%s, %d bits: an empty filter claims %q", name, bits, ids[0])
			}
			for _, id := range ids[1:] {
				b.add(id)
			}
			var missed []string
			for _, id := range ids {
				if !b.add(id) {
					missed = append(missed, id)
				}
			}
			if len(missed) > 0 {
				t.Errorf("%s, %d bits: the filter forgot %d IDs, such as %q", name, bits, len(missed), missed[0])
			}
		}
	}
}

// TestBloomFalsePositives checks that the filter's probes are spread:
// 4,000 IDs in 64 Ki bits (16 bits an ID) claim about 0.1% of the IDs
// never added (0.06%, (1-e^(-7*4000/65536))^7, for probes over the whole
// filter; blocks of 512 bits fill unevenly, and 107 in 100,000 were
// measured), which a fault in the probes (probes that repeat, or blocks
// not spread) would multiply many times.
func TestBloomFalsePositives(t *testing.T) {
	b := newBloom(0) // the least filter: 64 Ki bits
	if b.m != 1<<16 {
		t.Fatalf("the least filter has %d bits, want %d", b.m, 1<<16)
	}
	for i := range 4000 {
		b.add("in-" + strconv.Itoa(i))
	}
	const tries = 100000
	claimed := 0
	for i := range tries {
		if b.probe("out-"+strconv.Itoa(i), false) {
			claimed++
		}
	}
	t.Logf("%d of %d IDs never added were claimed", claimed, tries)
	// About 107 are expected; 30 and 300 are far outside their spread.
	if claimed < 30 || claimed > 300 {
		t.Errorf("%d of %d IDs never added were claimed, want about 107", claimed, tries)
	}
}

// TestFilterBits checks the filter's size: 8 bits a byte of the inputs,
// within 64 Ki and 2^27 bits.
func TestFilterBits(t *testing.T) {
	tests := []struct {
		size int64
		want uint64
	}{
		{0, 1 << 16},
		{8 << 10, 1 << 16},
		{10000, 80000},
		{700 << 10, 700 << 13},
		{16 << 20, 1 << 27},
		{700_000_000, 1 << 27},
		{1 << 62, 1 << 27},
	}
	for _, tt := range tests {
		if got := filterBits(tt.size); got != tt.want {
			t.Errorf("filterBits(%d) = %d, want %d", tt.size, got, tt.want)
		}
	}
	if got := len(newBloom(1<<40).words) * 8; got != 16<<20 {
		t.Errorf("the largest filter takes %d bytes, want 16 MiB", got)
	}
}

// TestAllFalsePositive checks that a person the filter holds back by
// mistake is yielded after the second pass, not refused, and that the
// second pass reads each file once, however many are held back.
func TestAllFalsePositive(t *testing.T) {
	tinyFilter(t)
	dir := t.TempDir()
	in := write(t, dir,
		"a.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"ben\"}\n{\"id\":\"cy\"}\n",
		"b.json", `[{"id":"dee"},{"id":"eve"}]`,
		"c.json", `{"id":"fay"}`)
	got := reads(t)
	var opened []string
	o := &Options{Opened: func(name string, _ os.FileInfo) { opened = append(opened, filepath.Base(name)) }}
	want := []string{
		"ana at a.jsonl: line 1",
		"ben at a.jsonl: line 2",
		"cy at a.jsonl: line 3",
		"dee at b.json: /0",
		"eve at b.json: /1",
		"fay at c.json",
	}
	if diff := cmp.Diff(want, lines(t, dir, All(in, o))); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}
	wantReads := []string{"1 a.jsonl", "1 b.json", "1 c.json", "2 a.jsonl", "2 b.json", "2 c.json"}
	if diff := cmp.Diff(wantReads, *got); diff != "" {
		t.Errorf("files read (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a.jsonl", "b.json", "c.json"}, opened); diff != "" {
		t.Errorf("Opened calls, the first pass only (-want +got):\n%s", diff)
	}

	// ReadFile does the same.
	*got = nil
	ps, err := ReadFile(in[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.Profile.ID)
	}
	if diff := cmp.Diff([]string{"ana", "ben", "cy"}, ids); diff != "" {
		t.Errorf("ReadFile (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"1 a.jsonl", "2 a.jsonl"}, *got); diff != "" {
		t.Errorf("ReadFile: files read (-want +got):\n%s", diff)
	}
}

// TestAllNoSecondPass checks that the second pass runs only when
// someone is held back, and never when standard input is read, whose
// duplicates are told at once from every ID and place.
func TestAllNoSecondPass(t *testing.T) {
	dir := t.TempDir()
	in := write(t, dir, "a.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"ben\"}\n", "b.json", `{"id":"ana"}`)
	got := reads(t)
	if diff := cmp.Diff([]string{"ana at a.jsonl: line 1", "ben at a.jsonl: line 2"}, lines(t, dir, All(in[:1], nil))); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"1 a.jsonl"}, *got); diff != "" {
		t.Errorf("distinct people: files read (-want +got):\n%s", diff)
	}

	tinyFilter(t)
	*got = nil
	o := &Options{Stdin: strings.NewReader("{\"id\":\"cy\"}\n{\"id\":\"ana\"}\n{\"id\":\"dee\"}\n")}
	want := []string{
		"ana at a.jsonl: line 1",
		"ben at a.jsonl: line 2",
		"cy at <stdin>: line 1",
		dupMessage("<stdin>: line 2", "ana", "a.jsonl: line 1"),
		"dee at <stdin>: line 3",
		dupMessage("b.json", "ana", "a.jsonl: line 1"),
	}
	if diff := cmp.Diff(want, lines(t, dir, All([]string{in[0], "-", in[1]}, o))); diff != "" {
		t.Errorf("All with standard input (-want +got):\n%s", diff)
	}
	if len(*got) != 0 {
		t.Errorf("with standard input, files read in passes: %q, want none (the exact check)", *got)
	}
	if _, ok := rereadable([]step{{name: dir}}); ok {
		t.Error("a folder counts as a file that can be read twice")
	}
}

// TestAllDuplicates checks that true duplicates give the messages the
// exact check gives, after everyone else, whether the filter holds back
// only them (its usual size) or everyone (one bit), in every kind of
// file; and that the exact check yields the same people and problems.
func TestAllDuplicates(t *testing.T) {
	tests := []struct {
		name  string
		files []string // name, text, ...
		want  []string
		// wantTiny is want when everyone after the first person is held
		// back: the second pass yields in the order read.
		wantTiny []string
	}{
		{name: "across two files", files: []string{
			"a.json", `{"id":"ana"}`,
			"b.jsonl", "{\"id\":\"ben\"}\n{\"id\":\"ana\"}\n{\"id\":\"cy\"}\n"},
			want: []string{"ana at a.json", "ben at b.jsonl: line 1", "cy at b.jsonl: line 3",
				dupMessage("b.jsonl: line 2", "ana", "a.json")},
			wantTiny: []string{"ana at a.json", "ben at b.jsonl: line 1",
				dupMessage("b.jsonl: line 2", "ana", "a.json"), "cy at b.jsonl: line 3"}},
		{name: "within JSON Lines, three times", files: []string{
			"a.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"ana\"}\n{\"id\":\"ben\"}\n{\"id\":\"ana\"}\n"},
			want: []string{"ana at a.jsonl: line 1", "ben at a.jsonl: line 3",
				dupMessage("a.jsonl: line 2", "ana", "a.jsonl: line 1"), dupMessage("a.jsonl: line 4", "ana", "a.jsonl: line 1")},
			wantTiny: []string{"ana at a.jsonl: line 1", dupMessage("a.jsonl: line 2", "ana", "a.jsonl: line 1"),
				"ben at a.jsonl: line 3", dupMessage("a.jsonl: line 4", "ana", "a.jsonl: line 1")}},
		{name: "within a JSON array", files: []string{
			"a.json", `[{"id":"ana"},{"id":"ben"},{"id":"ana"}]`},
			want:     []string{"ana at a.json: /0", "ben at a.json: /1", dupMessage("a.json: /2", "ana", "a.json: /0")},
			wantTiny: []string{"ana at a.json: /0", "ben at a.json: /1", dupMessage("a.json: /2", "ana", "a.json: /0")}},
		{name: "a wide CSV after JSON", files: []string{
			"a.json", `[{"id":"ana"},{"id":"ben"}]`,
			"b.csv", "id,name,Coaching\ncy,Cy,3\nben,Ben,4\ndee,Dee,2\n"},
			want: []string{"ana at a.json: /0", "ben at a.json: /1", "cy at b.csv: row 2", "dee at b.csv: row 4",
				dupMessage("b.csv: row 3", "ben", "a.json: /1")},
			wantTiny: []string{"ana at a.json: /0", "ben at a.json: /1", "cy at b.csv: row 2",
				dupMessage("b.csv: row 3", "ben", "a.json: /1"), "dee at b.csv: row 4"}},
		{name: "a long CSV before JSON Lines", files: []string{
			"a.csv", "id,competency,level\nana,coaching,3\nben,coaching,4\nana,building-trust,2\n",
			"b.jsonl", "{\"id\":\"ben\"}\n{\"id\":\"cy\"}\n"},
			want: []string{"ana at a.csv: row 2", "ben at a.csv: row 3", "cy at b.jsonl: line 2",
				dupMessage("b.jsonl: line 1", "ben", "a.csv: row 3")},
			wantTiny: []string{"ana at a.csv: row 2", "ben at a.csv: row 3",
				dupMessage("b.jsonl: line 1", "ben", "a.csv: row 3"), "cy at b.jsonl: line 2"}},
		{name: "problems of the files come once, in the first pass", files: []string{
			"a.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"ana\",\"ratings\":{\"coaching\":{\"level\":9}}}\n{\"id\":\"ana\"}\n{\"id\":\"ben\"}\n"},
			want: []string{"ana at a.jsonl: line 1",
				"a.jsonl: line 2: /ratings/coaching/level: 9 is above the scale's top level 5",
				"ben at a.jsonl: line 4",
				dupMessage("a.jsonl: line 3", "ana", "a.jsonl: line 1")},
			wantTiny: []string{"ana at a.jsonl: line 1",
				"a.jsonl: line 2: /ratings/coaching/level: 9 is above the scale's top level 5",
				dupMessage("a.jsonl: line 3", "ana", "a.jsonl: line 1"),
				"ben at a.jsonl: line 4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := write(t, dir, tt.files...)
			if diff := cmp.Diff(tt.want, lines(t, dir, All(in, nil))); diff != "" {
				t.Errorf("All (-want +got):\n%s", diff)
			}
			exact := lines(t, dir, func(yield func(Person, error) bool) { readExact(steps(in, nil), nil, yield) })
			if diff := cmp.Diff(tt.want, exact, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
				t.Errorf("the exact check yields otherwise (-filter +exact):\n%s", diff)
			}
			t.Run("every person held back", func(t *testing.T) {
				tinyFilter(t)
				if diff := cmp.Diff(tt.wantTiny, lines(t, dir, All(in, nil))); diff != "" {
					t.Errorf("All (-want +got):\n%s", diff)
				}
			})
		})
	}
}

// TestAllHostile reads one ID given 100,000 times: one person and
// 99,999 problems, from one first pass and one second, each reading the
// file once, not a pass for each person held back.
func TestAllHostile(t *testing.T) {
	const n = 100000
	dir := t.TempDir()
	in := write(t, dir, "x.jsonl", strings.Repeat("{\"id\":\"x\"}\n", n))
	got := reads(t)
	people, probs := 0, 0
	var last string
	for _, err := range All(in, nil) {
		if err == nil {
			people++
			continue
		}
		probs++
		last = strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
	}
	if people != 1 || probs != n-1 {
		t.Errorf("%d people and %d problems, want 1 and %d", people, probs, n-1)
	}
	if want := "people: " + dupMessage("x.jsonl: line 100000", "x", "x.jsonl: line 1"); last != want {
		t.Errorf("last problem %q, want %q", last, want)
	}
	if diff := cmp.Diff([]string{"1 x.jsonl", "2 x.jsonl"}, *got); diff != "" {
		t.Errorf("files read (-want +got):\n%s", diff)
	}
}

// TestAllStopsInSecondPass checks that the second pass stops when its
// consumer does.
func TestAllStopsInSecondPass(t *testing.T) {
	tinyFilter(t)
	dir := t.TempDir()
	in := write(t, dir, "a.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"ben\"}\n{\"id\":\"cy\"}\n", "b.json", `{"id":"dee"}`)
	got := reads(t)
	var ids []string
	for p, err := range All(in, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if ids = append(ids, p.Profile.ID); len(ids) == 2 {
			break
		}
	}
	if diff := cmp.Diff([]string{"ana", "ben"}, ids); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"1 a.jsonl", "1 b.json", "2 a.jsonl"}, *got); diff != "" {
		t.Errorf("files read (-want +got):\n%s", diff)
	}
}

// TestAllChangedBetweenPasses changes files between the two passes: the
// people held back that the second pass cannot tell about are problems,
// never guesses.
func TestAllChangedBetweenPasses(t *testing.T) {
	cannot := func(at, id, file string) string {
		return at + `: cannot tell whether profile ID "` + id + `" was read before: ` + file +
			` changed while it was read, or could not be read again; read the inputs again`
	}
	rewrite := func(text string) func(t *testing.T, p string) {
		return func(t *testing.T, p string) {
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// keepTime rewrites a file with text of the same length, and puts its
	// modification time back: only what it holds shows the change.
	keepTime := func(text string) func(t *testing.T, p string) {
		return func(t *testing.T, p string) {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			rewrite(text)(t, p)
			if err := os.Chtimes(p, time.Time{}, fi.ModTime()); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name   string
		files  []string // name, text, ...
		tiny   bool     // hold back everyone after the first person
		change string   // the file changed as the second pass opens it
		do     func(t *testing.T, path string)
		want   []string
	}{
		{name: "rewritten", files: []string{"a.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"ana\"}\n"},
			change: "a.jsonl", do: rewrite("{\"id\":\"bob\"}\n{\"id\":\"ana\"}\n{\"id\":\"ana\"}\n"),
			want: []string{"ana at a.jsonl: line 1", cannot("a.jsonl: line 2", "ana", "a.jsonl")}},
		{name: "deleted", files: []string{"a.json", `{"id":"ana"}`, "b.jsonl", "{\"id\":\"ben\"}\n{\"id\":\"ana\"}\n"},
			change: "b.jsonl",
			do: func(t *testing.T, p string) {
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"ana at a.json", "ben at b.jsonl: line 1", cannot("b.jsonl: line 2", "ana", "b.jsonl")}},
		{name: "another ID at the place, same size and time", files: []string{"a.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"ana\"}\n"},
			change: "a.jsonl", do: keepTime("{\"id\":\"ana\"}\n{\"id\":\"bob\"}\n"),
			want: []string{"ana at a.jsonl: line 1", cannot("a.jsonl: line 2", "ana", "a.jsonl")}},
		{name: "another ID at the place, held again later", files: []string{
			"a.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"ana\"}\n",
			"b.json", `{"id":"bob"}`},
			tiny: true, change: "a.jsonl", do: keepTime("{\"id\":\"ana\"}\n{\"id\":\"bob\"}\n"),
			want: []string{"ana at a.jsonl: line 1", cannot("a.jsonl: line 2", "ana", "a.jsonl"), cannot("b.json", "bob", "a.jsonl")}},
		{name: "an earlier file with fewer people, same size and time", files: []string{
			"a.json", `{"id":"ana"}`,
			"b.jsonl", "{\"id\":\"ben\"}\n{\"id\":\"ben\"}\n"},
			tiny: true, change: "a.json", do: keepTime(`[          ]`),
			want: []string{"ana at a.json", cannot("b.jsonl: line 1", "ben", "a.json"), cannot("b.jsonl: line 2", "ben", "a.json")}},
		{name: "an earlier file's ID, same size and time", files: []string{
			"a.jsonl", "{\"id\":\"xx\"}\n",
			"b.jsonl", "{\"id\":\"xx\"}\n"},
			change: "a.jsonl", do: keepTime("{\"id\":\"yy\"}\n"),
			want: []string{"xx at a.jsonl: line 1", cannot("b.jsonl: line 1", "xx", "a.jsonl")}},
		{name: "an earlier file", files: []string{
			"a.json", `{"id":"ana"}`,
			"b.json", `{"id":"bob"}`,
			"c.jsonl", "{\"id\":\"ana\"}\n{\"id\":\"bob\"}\n"},
			tiny: true, change: "b.json", do: rewrite(`{"id":"cy"}`),
			want: []string{"ana at a.json",
				cannot("b.json", "bob", "b.json"),
				dupMessage("c.jsonl: line 1", "ana", "a.json"), // first read before the file that changed
				cannot("c.jsonl: line 2", "bob", "b.json")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.tiny {
				tinyFilter(t)
			}
			dir := t.TempDir()
			in := write(t, dir, tt.files...)
			onRead = func(pass int, name string) {
				if pass == 2 && filepath.Base(name) == tt.change {
					tt.do(t, name)
				}
			}
			t.Cleanup(func() { onRead = nil })
			if diff := cmp.Diff(tt.want, lines(t, dir, All(in, nil))); diff != "" {
				t.Errorf("All (-want +got):\n%s", diff)
			}
		})
	}
}

// writeTeam writes a JSON Lines file of n distinct people, each about
// 70 bytes, and returns its path.
func writeTeam(t testing.TB, dir string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "{\"id\":\"p%07d\",\"name\":\"Person number %07d of the memory test\"}\n", i, i)
	}
	return write(t, dir, "team"+strconv.Itoa(n)+".jsonl", b.String())[0]
}

// retained returns the heap in use, after a collection, at the last of
// the n people of seq (while the iteration is still open, holding all it
// keeps), less the heap in use before it started.
func retained(t *testing.T, n int, seq func(yield func(Person, error) bool)) uint64 {
	t.Helper()
	var before, at runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	count := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		if count++; count == n {
			runtime.GC()
			runtime.ReadMemStats(&at)
		}
	}
	if count != n {
		t.Fatalf("%d people read, want %d", count, n)
	}
	if at.HeapInuse < before.HeapInuse {
		return 0
	}
	return at.HeapInuse - before.HeapInuse
}

// TestAllMemory reads 20,000 and 80,000 distinct people of JSON Lines
// through All. From files, the bytes retained at the end of the
// iteration at 80,000 people are less than 1.5 times those at 20,000
// (plus 256 KiB for the heap's granularity): flat, as the filter is. The
// filter's cap is lowered to 1 MiB so that both files reach it, as a
// million people reach the real cap of 16 MiB. Read from standard input,
// which keeps every ID and place, the same people retain at least 2.5
// times as much at 80,000 as at 20,000: the measure sees memory that
// grows.
func TestAllMemory(t *testing.T) {
	filterSize(t, 1<<16, 1<<23)
	dir := t.TempDir()
	sizes := []int{20000, 80000}
	var paths []string
	for _, n := range sizes {
		paths = append(paths, writeTeam(t, dir, n))
	}
	fromStdin := func(p string) func(yield func(Person, error) bool) {
		return func(yield func(Person, error) bool) {
			fh, err := os.Open(p)
			if err != nil {
				t.Error(err)
				return
			}
			defer fh.Close()
			All([]string{"-"}, &Options{Stdin: fh})(yield)
		}
	}
	retained(t, 20000, All(paths[:1], nil)) // the framework, loaded once
	var files, stdin []uint64
	for i, n := range sizes {
		files = append(files, retained(t, n, All(paths[i:i+1], nil)))
		stdin = append(stdin, retained(t, n, fromStdin(paths[i])))
	}
	t.Logf("bytes retained at 20,000 and 80,000 people: files %d, %d; standard input %d, %d", files[0], files[1], stdin[0], stdin[1])
	if files[1] > files[0]*3/2+256<<10 {
		t.Errorf("files: %d bytes retained at 80,000 people, more than 1.5 times the %d at 20,000", files[1], files[0])
	}
	if stdin[1] < stdin[0]*5/2 {
		t.Errorf("standard input: %d bytes retained at 80,000 people, less than 2.5 times the %d at 20,000: the measure does not see the exact check", stdin[1], stdin[0])
	}
}

// BenchmarkAllDuplicateCheck reads 10,000 distinct people of JSON Lines
// through All, as a file (the filter) and from standard input (every ID
// and place), to compare their costs.
func BenchmarkAllDuplicateCheck(b *testing.B) {
	p := writeTeam(b, b.TempDir(), 10000)
	for _, kind := range []string{"file", "stdin"} {
		b.Run(kind, func(b *testing.B) {
			for b.Loop() {
				var fh *os.File
				args, o := []string{p}, (*Options)(nil)
				if kind == "stdin" {
					var err error
					if fh, err = os.Open(p); err != nil {
						b.Fatal(err)
					}
					args, o = []string{"-"}, &Options{Stdin: fh}
				}
				n := 0
				for _, err := range All(args, o) {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if fh != nil {
					fh.Close()
				}
				if n != 10000 {
					b.Fatalf("%d people, want 10000", n)
				}
			}
		})
	}
}

// TestHeldPlace checks that the place of every person held back comes
// back as it was, packed or not.
func TestHeldPlace(t *testing.T) {
	places := []Place{
		{File: "a.json"},
		{File: "a.jsonl", Line: 7},
		{File: "a.json", Pointer: "/0"},
		{File: "a.json", Pointer: "/12"},
		{File: "a.json", Pointer: "/012"},
		{File: "a.json", Pointer: "/-1"},
		{File: "a.json", Pointer: "/x"},
		{File: "a.csv", Row: 3},
		{File: "a.xlsx", Sheet: "Ratings", Row: 4},
		{File: "a.xlsx", Sheet: "Other", Row: 5},
		{File: "a.xlsx", Sheet: "Ratings", Row: 6, Column: "Coaching", Cell: "C6"},
		{File: "a.jsonl", Line: 2, Pointer: "/ratings"},
		{File: "b.json"},
	}
	d := &dedupe{files: []fileRead{{name: "a.json"}, {name: "a.jsonl"}, {name: "a.csv"}, {name: "a.xlsx"}}}
	for _, at := range places {
		i := slices.IndexFunc(d.files, func(f fileRead) bool { return f.name == at.File })
		if i < 0 {
			i = 0 // another file's name: kept whole
		}
		d.hold(Person{Profile: profile.Profile{ID: "ana"}, Place: at}, &d.files[i], i, 0)
	}
	var got []Place
	for k, h := range d.pending {
		got = append(got, d.place(h, k))
	}
	if diff := cmp.Diff(places, got); diff != "" {
		t.Errorf("places held (-want +got):\n%s", diff)
	}
	if len(d.ids) != 1 {
		t.Errorf("the ID held %d times is kept %d times, want once", len(places), len(d.ids))
	}
	if n := len(d.other); n != 7 {
		t.Errorf("%d places kept whole, want 7: %v", n, d.other)
	}
}
