package people

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
)

// setLineWorkers sets how many goroutines decode JSON Lines for the
// rest of the test: 1 forces the sequential path.
func setLineWorkers(t testing.TB, n int) {
	old := lineWorkers
	lineWorkers = n
	t.Cleanup(func() { lineWorkers = old })
}

// parallelMaxBytes is the bound on one line in mixedLines: above the
// generated people's (about 1.1 KB), far below the long lines'.
const parallelMaxBytes = 3000

// mixedLines returns JSON Lines of about 5,000 lines: generated people,
// with every 7th line an invalid document of one of several kinds,
// every 11th blank or white space, a CRLF line, lines longer than
// parallelMaxBytes (one of them longer than the buffers), a byte-order
// mark first and no line end last.
func mixedLines(t testing.TB) []byte {
	t.Helper()
	var gen bytes.Buffer
	if err := testfix.WriteJSONLines(&gen, wlp.Default(), 7, 4000); err != nil {
		t.Fatal(err)
	}
	people := strings.Split(strings.TrimSuffix(gen.String(), "\n"), "\n")
	invalid := []string{
		`{"id":"bad-level","ratings":{"coaching":{"level":"3"}}}`,
		`{"id":"unknown","ratings":{"coching":{"level":3}}}`,
		`{"id":"dup-key","name":"a","name":"b"}`,
		`{"id":"field","x":1}`,
		`{"id":`,
		`[1,2]`,
		`{"id":"trailing"} {"id":"more"}`,
		`{"id":".bad-id"}`,
	}
	var b bytes.Buffer
	b.WriteString("\ufeff")
	for i, p := range people {
		switch {
		case i%7 == 3:
			b.WriteString(invalid[(i/7)%len(invalid)] + "\n")
		case i%11 == 5:
			b.WriteString([]string{"\n", "   \t\n", "\r\n"}[(i/11)%3])
		}
		switch i {
		case 1000:
			b.WriteString(p + "\r\n")
			continue
		case 1500:
			b.WriteString(`{"id":"long","name":"` + strings.Repeat("x", parallelMaxBytes) + "\"}\n")
		case 2500:
			b.WriteString(`{"id":"longer","name":"` + strings.Repeat("y", linesBuffer+100<<10) + "\"}\n")
		case 3000:
			p += "\r\n\r" // a line end of several \r: trimmed
		}
		b.WriteString(p)
		if i < len(people)-1 {
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// seqRecord is one value an iterator of people yields: a person's
// profile, as JSON (keys sorted: cheaper to compare than the maps), and
// place, or an error as its text and, for an *Error, its problems.
type seqRecord struct {
	Profile  string
	Place    Place
	Err      string
	Problems []Problem
	Omitted  int
}

// recordOf returns what p and err are as yielded.
func recordOf(p Person, err error) seqRecord {
	doc, jerr := json.Marshal(p.Profile)
	if jerr != nil {
		doc = []byte(jerr.Error())
	}
	if err == nil {
		return seqRecord{Profile: string(doc), Place: p.Place}
	}
	r := seqRecord{Profile: string(doc), Place: p.Place, Err: err.Error()}
	var e *Error
	if errors.As(err, &e) {
		r.Problems, r.Omitted = e.Problems, e.Omitted
	}
	return r
}

// collectSeq returns what seq yields.
func collectSeq(seq func(yield func(Person, error) bool)) []seqRecord {
	var out []seqRecord
	for p, err := range seq {
		out = append(out, recordOf(p, err))
	}
	return out
}

// chunkReader returns at most size bytes a Read, so that lines straddle
// reads; with err set, it fails with err at the end instead of io.EOF.
type chunkReader struct {
	r    io.Reader
	size int
	err  error
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(p) > c.size {
		p = p[:c.size]
	}
	n, err := c.r.Read(p)
	if err == io.EOF && c.err != nil {
		err = c.err
	}
	return n, err
}

// TestReadLinesParallel reads mixedLines through Read, from memory, in
// small reads and ending in a failure, and through All, from a file, and
// checks that every number of workers yields what the sequential path
// yields, in the same order.
func TestReadLinesParallel(t *testing.T) {
	input := mixedLines(t)
	file := filepath.Join(t.TempDir(), "team.jsonl")
	if err := os.WriteFile(file, input, 0o644); err != nil {
		t.Fatal(err)
	}
	o := &Options{MaxBytes: parallelMaxBytes}
	sources := []struct {
		name    string
		seq     func() func(yield func(Person, error) bool)
		workers []int
	}{
		{"Read", func() func(yield func(Person, error) bool) {
			return Read(bytes.NewReader(input), "team.jsonl", o)
		}, []int{2, 3, 8}},
		{"Read in small reads", func() func(yield func(Person, error) bool) {
			return Read(&chunkReader{r: bytes.NewReader(input), size: 1500}, "team.jsonl", o)
		}, []int{2}},
		{"Read of a failing input", func() func(yield func(Person, error) bool) {
			return Read(&chunkReader{r: bytes.NewReader(input), size: 40 << 10, err: errors.New("disk on fire")}, "team.jsonl", o)
		}, []int{3}},
		{"All", func() func(yield func(Person, error) bool) {
			return All([]string{file}, o)
		}, []int{2}},
	}
	for _, src := range sources {
		setLineWorkers(t, 1)
		want := collectSeq(src.seq())
		people, probs := 0, 0
		for _, r := range want {
			if r.Err == "" {
				people++
			} else {
				probs++
			}
		}
		if people < 3000 || probs < 500 {
			t.Fatalf("%s: the sequential path yielded %d people and %d errors; want the input's mix", src.name, people, probs)
		}
		for _, workers := range src.workers {
			setLineWorkers(t, workers)
			got := collectSeq(src.seq())
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s with %d workers: yielded (-sequential +parallel):\n%s", src.name, workers, diff)
			}
		}
	}
}

// TestReadLinesParallelCases checks small inputs and inputs around the
// size of the first batch, which is read sequentially.
func TestReadLinesParallelCases(t *testing.T) {
	doc := func(i int) string { return fmt.Sprintf(`{"id":"p%d","ratings":{"coaching":{"level":3}}}`, i) }
	many := func(n int, sep string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(doc(i) + sep)
		}
		return b.String()
	}
	tests := []struct{ name, input string }{
		{"empty", "\n"},
		{"one line", doc(1)},
		{"a team of 8", many(8, "\n")},
		{"one batch", many(batchLines, "\n")},
		{"one batch and a line", many(batchLines+1, "\n")},
		{"one batch and a line without an end", strings.TrimSuffix(many(batchLines+1, "\n"), "\n")},
		{"blank lines only", strings.Repeat("\n \r\n", 1000)},
		{"blank lines between", many(1000, "\n\n\r\n")},
		{"long lines only", strings.Repeat(strings.Repeat("z", 200)+"\n", 1000)},
		{"bytes before lines", many(3, "\n") + `{"id":"big","name":"` + strings.Repeat("x", batchBytes) + "\"}\n" + many(300, "\n")},
	}
	for _, tt := range tests {
		o := &Options{MaxBytes: 100, Format: JSONLines}
		if strings.HasPrefix(tt.name, "bytes") {
			o.MaxBytes = batchBytes + 100
		}
		setLineWorkers(t, 1)
		want := collectSeq(Read(strings.NewReader(tt.input), "x.jsonl", o))
		setLineWorkers(t, 4)
		got := collectSeq(Read(strings.NewReader(tt.input), "x.jsonl", o))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: yielded (-sequential +parallel):\n%s", tt.name, diff)
		}
	}
}

// TestReadLinesSmallNoGoroutine checks that a team of 8, or of one
// batch, is read without starting a goroutine, and that a team of one
// batch and one more starts them.
func TestReadLinesSmallNoGoroutine(t *testing.T) {
	setLineWorkers(t, 4)
	for _, size := range []int{8, batchLines, batchLines + 1} {
		var b strings.Builder
		for i := range size {
			fmt.Fprintf(&b, `{"id":"p%d"}`+"\n", i)
		}
		before := runtime.NumGoroutine()
		n, most := 0, 0
		for p, err := range Read(strings.NewReader(b.String()), "team.jsonl", nil) {
			if err != nil {
				t.Fatalf("%v: %v", p.Place, err)
			}
			most = max(most, runtime.NumGoroutine()-before)
			n++
		}
		// A worker may finish its batch and return before the next person
		// is yielded, so past the first batch the count is between 1 and
		// the 4 workers, never more.
		lo, hi := 0, 0
		if size > batchLines {
			lo, hi = 1, 4
		}
		if most < lo || most > hi {
			t.Errorf("a team of %d: at most %d goroutines more while reading, want %d to %d", size, most, lo, hi)
		}
		if n != size {
			t.Errorf("read %d people, want %d", n, size)
		}
	}
}

// goroutinesBack waits, a bounded time, until no more than want
// goroutines run, and returns how many do.
func goroutinesBack(want int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 500 && n > want; i++ {
		time.Sleep(2 * time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}

// TestReadLinesParallelStop stops reading after n people, for several n,
// by a break and by a panic in the loop's body, and checks that what was
// yielded is what the sequential path yields, and that no goroutine is
// left.
func TestReadLinesParallelStop(t *testing.T) {
	input := mixedLines(t)
	o := &Options{MaxBytes: parallelMaxBytes}
	setLineWorkers(t, 1)
	all := collectSeq(Read(bytes.NewReader(input), "team.jsonl", o))
	// upTo returns the prefix of all that holds n people.
	upTo := func(n int) []seqRecord {
		for i, r := range all {
			if r.Err == "" {
				if n--; n == 0 {
					return all[:i+1]
				}
			}
		}
		return all
	}
	setLineWorkers(t, 3)
	for _, n := range []int{1, batchLines + 1, 1000, 3999} {
		for _, how := range []string{"break", "panic"} {
			before := runtime.NumGoroutine()
			var got []seqRecord
			func() {
				defer func() {
					if r := recover(); r != nil && r != "stop" {
						panic(r)
					}
				}()
				people := 0
				for p, err := range Read(bytes.NewReader(input), "team.jsonl", o) {
					got = append(got, recordOf(p, err))
					if err == nil {
						if people++; people == n {
							if how == "panic" {
								panic("stop")
							}
							break
						}
					}
				}
			}()
			if diff := cmp.Diff(upTo(n), got); diff != "" {
				t.Errorf("stopped by %s after %d people: yielded (-want +got):\n%s", how, n, diff)
			}
			if after := goroutinesBack(before); after > before {
				t.Errorf("stopped by %s after %d people: %d goroutines, %d before", how, n, after, before)
			}
		}
	}
}

// logReader delivers text in reads of size bytes and notes each read in
// log. It counts the lines it has delivered whole, and a read made while
// one of them is not yet yielded (more than *yielded of them) is late.
type logReader struct {
	text    []byte
	size    int
	log     []string
	lines   int
	yielded *int
	late    []string
}

func (r *logReader) Read(p []byte) (int, error) {
	if *r.yielded < r.lines {
		r.late = append(r.late, fmt.Sprintf("read with %d lines given, %d yielded", r.lines, *r.yielded))
	}
	if len(r.text) == 0 {
		r.log = append(r.log, "read: end")
		return 0, io.EOF
	}
	n := copy(p, r.text[:min(r.size, len(r.text))])
	r.lines += bytes.Count(r.text[:n], []byte("\n"))
	r.text = r.text[n:]
	r.log = append(r.log, fmt.Sprintf("read %d bytes", n))
	return n, nil
}

// TestReadLinesParallelNoReadAhead checks that the parallel path, like
// the sequential one, yields every line it has been given before it
// reads more, so that a slow stream's people are yielded as soon as
// their lines are in. While reads are smaller than the sequential path's
// buffer, reads and yields come in the same order on both paths.
func TestReadLinesParallelNoReadAhead(t *testing.T) {
	var b bytes.Buffer
	if err := testfix.WriteJSONLines(&b, wlp.Default(), 3, 600); err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{700, 1500, 5000, 100 << 10} {
		var want []string
		for _, workers := range []int{1, 2, 4} {
			setLineWorkers(t, workers)
			yielded := 0
			r := &logReader{text: b.Bytes(), size: size, yielded: &yielded}
			for p, err := range Read(r, "team.jsonl", nil) {
				if err != nil {
					t.Fatalf("%v: %v", p.Place, err)
				}
				r.log = append(r.log, fmt.Sprintf("yield line %d", p.Place.Line))
				yielded++
			}
			if yielded != 600 || len(r.late) > 0 {
				t.Errorf("reads of %d bytes, %d workers: %d people yielded, want 600; reads made before the lines given were yielded: %q", size, workers, yielded, r.late)
			}
			if workers == 1 {
				want = r.log
				continue
			}
			if size < 64<<10 {
				if diff := cmp.Diff(want, r.log); diff != "" {
					t.Errorf("reads of %d bytes, %d workers: reads and yields (-sequential +parallel):\n%s", size, workers, diff)
				}
			}
		}
	}
}

// BenchmarkReadLines reads 20,000 generated people through Read, one
// line at a time on one goroutine ("sequential") and decoded by every
// CPU ("parallel").
func BenchmarkReadLines(b *testing.B) {
	const n = 20000
	var input bytes.Buffer
	if err := testfix.WriteJSONLines(&input, wlp.Default(), 1, n); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name    string
		workers int
	}{{"sequential", 1}, {"parallel", 0}} {
		b.Run(bc.name, func(b *testing.B) {
			setLineWorkers(b, bc.workers)
			b.SetBytes(int64(input.Len()))
			b.ReportAllocs()
			for b.Loop() {
				count := 0
				for _, err := range Read(bytes.NewReader(input.Bytes()), "team.jsonl", nil) {
					if err != nil {
						b.Fatal(err)
					}
					count++
				}
				if count != n {
					b.Fatalf("read %d people, want %d", count, n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/person")
		})
	}
}

// TestLineWorkerCount checks that JSON Lines are decoded by GOMAXPROCS
// goroutines, at most maxLineWorkers, unless a test says otherwise.
func TestLineWorkerCount(t *testing.T) {
	setLineWorkers(t, 0)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	tests := []struct{ procs, want int }{{1, 1}, {2, 2}, {maxLineWorkers, maxLineWorkers}, {4 * maxLineWorkers, maxLineWorkers}}
	for _, tt := range tests {
		runtime.GOMAXPROCS(tt.procs)
		if got := lineWorkerCount(); got != tt.want {
			t.Errorf("GOMAXPROCS %d: %d workers, want %d", tt.procs, got, tt.want)
		}
	}
	setLineWorkers(t, 1)
	if got := lineWorkerCount(); got != 1 {
		t.Errorf("forced sequential: %d workers, want 1", got)
	}
}
