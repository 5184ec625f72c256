package testfix

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// smallFramework returns a framework of m competencies, skill-1 to
// skill-m, and one role that needs the first.
func smallFramework(t *testing.T, m int) *wlp.Framework {
	t.Helper()
	var cs []string
	for i := 1; i <= m; i++ {
		cs = append(cs, fmt.Sprintf(`{"id": "skill-%d", "name": "Skill %d", "cluster": "interpersonal"}`, i, i))
	}
	doc := `{"id": "small", "name": "Small", "version": "1", "competencies": [` + strings.Join(cs, ",") + `],
		"roles": [{"id": "doer", "name": "Doer", "requirements": [{"of": ["skill-1"], "level": 3, "weight": 1}]}]}`
	f, err := wlp.Load(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// frameworks returns the frameworks the population tests run on, each
// with the least and most IDs a person of it rates.
func frameworks(t *testing.T) []struct {
	name   string
	f      *wlp.Framework
	lo, hi int
} {
	return []struct {
		name   string
		f      *wlp.Framework
		lo, hi int
	}{
		{"default", wlp.Default(), 15, 21},
		{"learning2", LoadFramework(t, "../../examples/frameworks/learning2.json"), 15, 21},
		{"mini", LoadFramework(t, "../../testdata/mini-framework.json"), 3, 3},
		{"ten", smallFramework(t, 10), 7, 10},
		{"one", smallFramework(t, 1), 1, 1},
		{"twenty", smallFramework(t, 20), 14, 20},
	}
}

// TestPopulationDeterministic checks that a seed gives the same people
// every time, and another seed other people.
func TestPopulationDeterministic(t *testing.T) {
	for _, fw := range frameworks(t) {
		a := slices.Collect(Population(fw.f, 42, 100))
		b := slices.Collect(Population(fw.f, 42, 100))
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("%s: two runs of seed 42 (-first +second):\n%s", fw.name, diff)
		}
		// Even with one ID to rate, the levels and sources differ.
		if c := slices.Collect(Population(fw.f, 43, 100)); cmp.Equal(a, c) {
			t.Errorf("%s: seeds 42 and 43 give the same people", fw.name)
		}
	}
}

// TestPopulationValid checks every person: their ID and name, how many
// IDs they rate, that the framework finds the profile valid, and that
// their line of WriteJSONLines is what json.Marshal gives and loads back
// as the same profile.
func TestPopulationValid(t *testing.T) {
	const n = 500
	for _, fw := range frameworks(t) {
		var out bytes.Buffer
		if err := WriteJSONLines(&out, fw.f, 7, n); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(&out)
		sc.Buffer(nil, profile.DefaultMaxBytes)
		i := 0
		counts := map[int]int{}
		for p := range Population(fw.f, 7, n) {
			i++
			if !sc.Scan() {
				t.Fatalf("%s: %d lines for %d people", fw.name, i-1, n)
			}
			line := sc.Bytes()
			wantID, wantName := fmt.Sprintf("p%07d", i), fmt.Sprintf("Person %d", i)
			if diff := cmp.Diff([]string{wantID, wantName}, []string{p.ID, p.Name}); diff != "" {
				t.Fatalf("%s: person %d: ID and name (-want +got):\n%s", fw.name, i, diff)
			}
			counts[len(p.Ratings)]++
			for id, r := range p.Ratings {
				if r.Source != profile.Self && r.Source != profile.Manager {
					t.Fatalf("%s: %s rates %s from source %q", fw.name, p.ID, id, r.Source)
				}
			}
			if len(p.Reviews) != 0 {
				t.Fatalf("%s: %s has reviews", fw.name, p.ID)
			}
			if err := fw.f.ValidateProfile(p); err != nil {
				t.Fatalf("%s: %s: %v", fw.name, p.ID, err)
			}
			marshalled, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(marshalled), string(line)); diff != "" {
				t.Fatalf("%s: line %d (-json.Marshal +WriteJSONLines):\n%s", fw.name, i, diff)
			}
			loaded, err := profile.Load(bytes.NewReader(line))
			if err != nil {
				t.Fatalf("%s: line %d does not load: %v", fw.name, i, err)
			}
			if diff := cmp.Diff(p, loaded); diff != "" {
				t.Fatalf("%s: line %d (-generated +loaded):\n%s", fw.name, i, diff)
			}
		}
		if sc.Scan() {
			t.Errorf("%s: more lines than %d people", fw.name, n)
		}
		// Every count from lo to hi turns up, and no other.
		var got, want []int
		for k := range counts {
			got = append(got, k)
		}
		slices.Sort(got)
		for k := fw.lo; k <= fw.hi; k++ {
			want = append(want, k)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: the numbers of IDs people rate (-want +got):\n%s", fw.name, diff)
		}
	}
}

// TestPopulationLevels checks the skew of the levels over 20,000 people
// of the default framework (some 360,000 ratings): each level's share is
// within one percentage point of its weight, and levels 2, 3 and 4 are
// each more common than 0 and 5. It checks too that the sources are about
// even and that every ID is rated about as often as every other.
func TestPopulationLevels(t *testing.T) {
	f := wlp.Default()
	var levels [6]int
	sources := map[profile.Source]int{}
	perID := map[competency.ID]int{}
	total := 0
	for p := range Population(f, 1, 20000) {
		for id, r := range p.Ratings {
			levels[r.Level]++
			sources[r.Source]++
			perID[id]++
			total++
		}
	}
	share := func(c int) float64 { return 100 * float64(c) / float64(total) }
	for l, w := range levelWeights {
		if got := share(levels[l]); math.Abs(got-float64(w)) > 1 {
			t.Errorf("level %d: %.2f%% of ratings, want %d%% ± 1", l, got, w)
		}
	}
	for _, mid := range []int{2, 3, 4} {
		for _, edge := range []int{0, 5} {
			if levels[mid] <= levels[edge] {
				t.Errorf("level %d rated %d times, level %d %d times: want the middle more", mid, levels[mid], edge, levels[edge])
			}
		}
	}
	if got := share(sources[profile.Self]); math.Abs(got-50) > 1 {
		t.Errorf("self: %.2f%% of ratings, want 50%% ± 1", got)
	}
	if diff := cmp.Diff(2, len(sources)); diff != "" {
		t.Errorf("sources %v (-want +got count):\n%s", sources, diff)
	}
	for _, id := range f.IDs() {
		if got := share(perID[id]); math.Abs(got-100.0/21) > 0.5 {
			t.Errorf("%s: %.2f%% of ratings, want %.2f%% ± 0.5", id, got, 100.0/21)
		}
	}
}

// TestPopulationLazy checks that people are made as they are asked for:
// the first people of a population too large to hold come at once, with
// IDs as wide as its size needs, and stopping early stops it.
func TestPopulationLazy(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want []string
	}{
		{0, nil},
		{-5, nil},
		{1, []string{"p0000001"}},
		{3, []string{"p0000001", "p0000002", "p0000003"}},
		{9_999_999, []string{"p0000001", "p0000002", "p0000003"}},
		{10_000_000, []string{"p00000001", "p00000002", "p00000003"}},
		{math.MaxInt, []string{"p0000000000000000001", "p0000000000000000002", "p0000000000000000003"}},
	} {
		var got []string
		for p := range Population(nil, 1, tt.n) {
			got = append(got, p.ID)
			if len(got) == 3 {
				break
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("n %d: the first IDs (-want +got):\n%s", tt.n, diff)
		}
	}
	// A sequence may be ranged over again, and a prefix of a population is
	// the same people as a smaller one.
	seq := Population(nil, 5, 1000)
	first := take(seq, 10)
	if diff := cmp.Diff(first, take(seq, 10)); diff != "" {
		t.Errorf("a second range over the sequence (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff(slices.Collect(Population(nil, 5, 10)), first); diff != "" {
		t.Errorf("the first 10 of 1,000 against a population of 10 (-10 +first of 1,000):\n%s", diff)
	}
}

// take returns the first k values of seq.
func take[T any](seq iter.Seq[T], k int) []T {
	var out []T
	for v := range seq {
		if len(out) == k {
			break
		}
		out = append(out, v)
	}
	return out
}

// TestPopulationOwned checks that each profile is the caller's: changing
// one changes no other person, nor a later run.
func TestPopulationOwned(t *testing.T) {
	want := slices.Collect(Population(nil, 9, 20))
	var got []profile.Profile
	for p := range Population(nil, 9, 20) {
		got = append(got, p)
		clear(p.Ratings) // must not reach the next person or a later run
	}
	for i, p := range got {
		if len(p.Ratings) != 0 {
			t.Errorf("person %d kept ratings after clear", i)
		}
	}
	if diff := cmp.Diff(want, slices.Collect(Population(nil, 9, 20))); diff != "" {
		t.Errorf("a run after the callers cleared their profiles (-before +after):\n%s", diff)
	}
}

// TestAppendString checks that appendString writes what json.Marshal
// writes, for strings it writes directly and strings it hands on.
func TestAppendString(t *testing.T) {
	for _, s := range []string{
		"", "p0000001", "Person 12", "building-trust", "a b~", `say "hi"`, `back\slash`,
		"<b>&amp;", "tab\there", "nul\x00", "caf\u00e9", "line\u2028sep", "bad\xffutf8", "\x7f",
	} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(appendString(nil, s))); diff != "" {
			t.Errorf("%q (-json.Marshal +appendString):\n%s", s, diff)
		}
	}
}

// TestAppendProfile checks the encoder on profiles Population does not
// make: no name, no ratings, a rating without a source.
func TestAppendProfile(t *testing.T) {
	for _, p := range []profile.Profile{
		{ID: "kim"},
		{ID: "kim", Name: "Kim <Lee>"},
		{ID: "kim", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 3}, "building-trust": {Level: 0, Source: profile.Peer}}},
	} {
		want, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := appendProfile(nil, nil, p)
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s (-json.Marshal +appendProfile):\n%s", p.ID, diff)
		}
	}
}

// failingWriter fails every write after the first ok bytes.
type failingWriter struct{ ok int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.ok {
		w.ok -= len(p)
		return len(p), nil
	}
	n := w.ok
	w.ok = 0
	return n, errors.New("disk full")
}

// TestWriteJSONLinesError checks that a failing writer's error comes back,
// named by the package, whether it fails while the lines are written or
// when the last are flushed.
func TestWriteJSONLinesError(t *testing.T) {
	for _, tt := range []struct {
		n, ok int
	}{
		{1000, 0},       // the first full buffer
		{1000, 200_000}, // a later one
		{3, 0},          // the flush at the end
	} {
		err := WriteJSONLines(&failingWriter{ok: tt.ok}, nil, 1, tt.n)
		got := fmt.Sprint(err)
		if !strings.HasPrefix(got, "testfix: ") || !strings.HasSuffix(got, "disk full") {
			t.Errorf("n %d, failing after %d bytes: error %q, want one from testfix ending in the writer's", tt.n, tt.ok, got)
		}
	}
}

// BenchmarkWriteJSONLines writes 10,000 people of the default framework
// to io.Discard, by WriteJSONLines and, as the baseline, by json.Marshal
// a line: compare the two lines' ns/op.
func BenchmarkWriteJSONLines(b *testing.B) {
	const n = 10000
	b.Run("append", func(b *testing.B) {
		var out countWriter
		b.ReportAllocs()
		for b.Loop() {
			if err := WriteJSONLines(&out, nil, 1, n); err != nil {
				b.Fatal(err)
			}
		}
		b.SetBytes(int64(out) / int64(b.N))
	})
	b.Run("json.Marshal", func(b *testing.B) {
		var out countWriter
		b.ReportAllocs()
		for b.Loop() {
			bw := bufio.NewWriterSize(&out, 64<<10)
			for p := range Population(nil, 1, n) {
				line, err := json.Marshal(p)
				if err != nil {
					b.Fatal(err)
				}
				bw.Write(append(line, '\n'))
			}
			bw.Flush()
		}
		b.SetBytes(int64(out) / int64(b.N))
	})
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
