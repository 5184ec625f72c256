package people

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// utf16Text returns s as UTF-16 with a byte-order mark, little or big
// endian.
func utf16Text(s string, little bool) string {
	var b bytes.Buffer
	for _, u := range append([]uint16{0xfeff}, utf16.Encode([]rune(s))...) {
		if little {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		} else {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		}
	}
	return b.String()
}

// TestCSVOffice reads CSV as office programs write it: encodings,
// delimiters, line ends, quoting, and rows numbered as they show them.
func TestCSVOffice(t *testing.T) {
	zoe := func(n int) []Person {
		return []Person{inCSV(n, profile.Profile{ID: "E1", Name: "Zoë", Ratings: lv(map[competency.ID]competency.Level{"coaching": 4, "building-trust": 2})})}
	}
	runSheetCases(t, []sheetCase{
		{name: "UTF-8", in: "id,name,coaching,building trust\nE1,Zoë,4,2\n", want: zoe(2)},
		{name: "UTF-8 with a byte-order mark", in: "\xef\xbb\xbfid,name,coaching,building trust\r\nE1,Zoë,4,2\r\n", want: zoe(2)},
		{name: "Windows-1252, as Excel's CSV on Windows", in: "id,name,coaching,building trust\r\nE1,Zo\xeb,4,2\r\n", want: zoe(2)},
		{name: "UTF-16 little endian, tabs: Excel's Unicode text", in: utf16Text("id\tname\tcoaching\tbuilding trust\r\nE1\tZoë\t4\t2\r\n", true), want: zoe(2)},
		{name: "UTF-16 big endian", in: utf16Text("id\tname\tcoaching\tbuilding trust\nE1\tZoë\t4\t2\n", false), want: zoe(2)},
		{name: "semicolons and decimal commas", in: "id;name;coaching;building trust\nE1;Zoë;4,0;\"2,0\"\n", want: zoe(2)},
		{name: "Excel's sep= line, not a row", in: "sep=;\r\nid;name;coaching;building trust\r\nE1;Zoë;4;2\r\n", want: zoe(2)},
		{name: "a quoted sep= line", in: "\"sep=|\"\nid|name|coaching|building trust\nE1|Zoë|4|2\n", want: zoe(2)},
		{name: "a title with the delimiters of a sentence above the header", in: "Ratings, 2026; draft\nid;name;coaching;building trust\nE1;Zoë;4;2\n", want: zoe(3)},
		{name: "no id header: the most frequent delimiter", in: "name;coaching\nx;y\n", errs: []string{
			"people: t.csv: no header row: none of the first 10 rows has an id column (headed id, employee id or the like)",
		}},
		{name: "a header split over lines by a quoted line break", in: "\"id\",\"name\",\"Coaching\n(coaching)\",building trust\nE1,Zoë,4,2\n", want: zoe(2)},
		{
			name: "quoted line breaks do not count as rows, blank lines do",
			in:   "id,name,evidence,coaching\r\nE1,Ana,\"line one\r\nline two\",4\r\n\r\nE2,Bob,,3\r\n",
			want: []Person{
				inCSV(2, profile.Profile{ID: "E1", Name: "Ana", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 4, Evidence: []string{"line one\nline two"}}}}),
				inCSV(4, profile.Profile{ID: "E2", Name: "Bob", Ratings: lv(map[competency.ID]competency.Level{"coaching": 3})}),
			},
		},
		{
			name: "CR line ends: Excel for Mac's CSV (Macintosh)",
			in:   "\"Team ratings, Q1\",,,\r,,,\rid,name,evidence,coaching\rE1,Ana,\"line one\rline two\",4\r\rE2,Bob,,3\r",
			want: []Person{
				inCSV(4, profile.Profile{ID: "E1", Name: "Ana", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 4, Evidence: []string{"line one\nline two"}}}}),
				inCSV(6, profile.Profile{ID: "E2", Name: "Bob", Ratings: lv(map[competency.ID]competency.Level{"coaching": 3})}),
			},
		},
		{name: "CR line ends, Windows-1252, no end at the end", in: "id;name;coaching;building trust\rE1;Zo\xeb;4;2", want: zoe(2)},
		{
			name: "CRLF line ends: a CR alone in a quoted field is kept",
			in:   "id,name,evidence,coaching\r\nE1,Ana,\"a\rb\",4\r\n",
			want: []Person{inCSV(2, profile.Profile{ID: "E1", Name: "Ana", Ratings: map[competency.ID]profile.Rating{"coaching": {Level: 4, Evidence: []string{"a\rb"}}}})},
		},
		{
			name: "ragged rows",
			in:   "id,name,coaching,building trust\nE1,Zoë,4,2\nE2\nE3,Bo,1,2,\n",
			want: append(zoe(2),
				inCSV(3, profile.Profile{ID: "E2"}),
				inCSV(4, profile.Profile{ID: "E3", Name: "Bo", Ratings: lv(map[competency.ID]competency.Level{"coaching": 1, "building-trust": 2})})),
		},
		{
			name: "a syntax error is a problem of its row, the other rows are read",
			in:   "id,name,coaching\nE1,Ana \"Jo\",4\nE2,Bob,3\n",
			want: []Person{inCSV(3, profile.Profile{ID: "E2", Name: "Bob", Ratings: lv(map[competency.ID]competency.Level{"coaching": 3})})},
			errs: []string{`people: t.csv: row 2: line 2: a quote (") in a field that is not quoted: quote the whole field, and double each quote inside it`},
		},
		{
			name: "an Excel workbook named .csv",
			in:   string(rawWorkbook(t, false, rawSheet{name: "Ratings", rows: ratingsHeader})),
			errs: []string{"people: t.csv: not CSV text but an Excel workbook (.xlsx): rename the file .xlsx"},
		},
		{
			name: "a ZIP archive that is no workbook",
			in:   "PK\x03\x04\x14\x00\x00\x00\x08\x00hello.txt",
			errs: []string{"people: t.csv: not CSV text but a ZIP archive: save the sheet as CSV or .xlsx"},
		},
		{
			name: "a quoted field that never ends",
			in:   "id,name,coaching\nE1,\"Ana,4\nE2,Bob,3\n",
			errs: []string{`people: t.csv: row 2: line 3: a quoted field is not closed, or holds a quote (") that is not doubled`},
		},
	})
}

// TestCRLines tells CR line ends from the first bytes of a CSV text.
func TestCRLines(t *testing.T) {
	tests := []struct {
		b    string
		all  bool
		want bool
	}{
		{"id,name\rE1,Ana\r", true, true},
		{"id,name\r", true, true},
		{"id,name\r", false, false}, // the next byte is not known
		{"id,name\r\nE1,Ana\r\n", true, false},
		{"id,name\nE1,\"a\rb\"\n", true, false},
		{"\"a\nb\",id\rE1\r", true, true},   // a quoted LF is no line end
		{"\"a\rb\",id\nE1\n", true, false},  // nor a quoted CR
		{"\"a\r\nb\",id\rE1\r", true, true}, // nor a quoted CRLF
		{"id,name", true, false},
		{"", true, false},
	}
	for _, tt := range tests {
		if got := crLines([]byte(tt.b), tt.all); got != tt.want {
			t.Errorf("crLines(%q, %v) = %v, want %v", tt.b, tt.all, got, tt.want)
		}
	}
}

// TestCRReader turns lone CRs into LFs, whether the byte after a CR is
// in the same read or the next one, and keeps CRLFs.
func TestCRReader(t *testing.T) {
	const in, want = "a\r\nb\rc\r\rd\r\n\re\r", "a\r\nb\nc\n\nd\r\n\ne\n"
	br := bufio.NewReaderSize(iotest.OneByteReader(strings.NewReader(in)), 16)
	got, err := io.ReadAll(iotest.HalfReader(&crReader{br}))
	if err != nil || string(got) != want {
		t.Errorf("read a byte at a time: %q, %v; want %q", got, err, want)
	}
	for _, size := range []int{1, 2, 3, 64} {
		br := bufio.NewReaderSize(strings.NewReader(in), 16)
		buf := make([]byte, size)
		var out []byte
		for {
			n, err := (&crReader{br}).Read(buf)
			out = append(out, buf[:n]...)
			if err != nil {
				break
			}
		}
		if string(out) != want {
			t.Errorf("reads of %d bytes: %q, want %q", size, out, want)
		}
	}
}

// TestCSVLateEncoding reads a file whose first 64 KiB are UTF-8, which
// is then read as UTF-8, and a later cell that is not.
func TestCSVLateEncoding(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name,evidence\n")
	for i := 1; i <= 70; i++ {
		fmt.Fprintf(&b, "E%d,Ana,%s\n", i, strings.Repeat("x", 1000))
	}
	b.WriteString("E71,Zo\xeb,\n")
	got, errs := readCSVString(t, nil, b.String())
	want := []string{"people: t.csv: row 72, column 'name': the text is not valid UTF-8: save the file as UTF-8 (\"CSV UTF-8\" in Excel)"}
	if diff := cmp.Diff(want, errs); diff != "" || len(got) != 70 {
		t.Errorf("%d people, want 70; problems (-want +got):\n%s", len(got), diff)
	}
}

// TestCSVRowBound checks that a row longer than MaxBytes is a problem
// that ends the reading, whether it is one line or many quoted ones.
func TestCSVRowBound(t *testing.T) {
	o := &Options{MaxBytes: 1 << 10}
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"a long line", "id,coaching\nE1,4\nE2," + strings.Repeat("x", 1<<20) + "\nE3,4\n", []string{
			"people: t.csv: row 3: the row is longer than the limit of 1024 bytes: the rest of the file is not read",
		}},
		{"a quoted field of many lines", "id,coaching\nE1,4\nE2,\"" + strings.Repeat("x\n", 1<<19) + "\"\n", []string{
			"people: t.csv: row 3: the row is longer than the limit of 1024 bytes: the rest of the file is not read",
		}},
		{"a row of many empty cells", "id,coaching\nE1,4\n" + strings.Repeat(",", 1<<20) + "\n", []string{
			"people: t.csv: row 3: the row is longer than the limit of 1024 bytes: the rest of the file is not read",
		}},
		{"rows just within the bound", "id,coaching,evidence\nE1,4," + strings.Repeat("x", 1000) + "\n", nil},
		{"blank lines past the bound: no row's size", "id,coaching\nE1,4\n" + strings.Repeat("\n", 1<<20) + "E2,3\n", nil},
		{"blank CRLF lines past the bound", "id,coaching\r\nE1,4\r\n" + strings.Repeat("\r\n", 1<<19) + "E2,3\r\n", nil},
		{"blank lines past the bound first", strings.Repeat("\n", 1<<20) + "id,coaching\nE1,4\n", nil},
		{"a long row after blank lines", "id,coaching\nE1,4\n" + strings.Repeat("\n", 3000) + "E2," + strings.Repeat("x", 1<<20) + "\n", []string{
			"people: t.csv: row 3003: the row is longer than the limit of 1024 bytes: the rest of the file is not read",
		}},
		{"a line of CRs past the bound", "id,coaching\nE1,4\n\n" + strings.Repeat("\r", 1<<20) + "\n", []string{
			"people: t.csv: row 4: the row is longer than the limit of 1024 bytes: the rest of the file is not read",
		}},
		{"a long quoted field after blank lines", "id,coaching\nE1,4\n\n\n\n\"" + strings.Repeat("x\n", 1<<19) + "\"\n", []string{
			"people: t.csv: row 6: the row is longer than the limit of 1024 bytes: the rest of the file is not read",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := readCSVString(t, o, tt.in)
			if diff := cmp.Diff(tt.want, errs); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// wideRows generates a wide CSV sheet of n people as it is read, never
// holding more than a row.
type wideRows struct {
	n, next int
	buf     []byte
	read    int64 // bytes handed out
}

func (w *wideRows) Read(p []byte) (int, error) {
	for len(w.buf) == 0 {
		switch {
		case w.next == 0:
			w.buf = []byte("id,name,coaching,building trust,designing learning\r\n")
		case w.next > w.n:
			return 0, io.EOF
		default:
			w.buf = fmt.Appendf(nil, "E%07d,Person %d,%d,%d,\r\n", w.next, w.next, w.next%6, (w.next+3)%6)
		}
		w.next++
	}
	k := copy(p, w.buf)
	w.buf = w.buf[k:]
	w.read += int64(k)
	return k, nil
}

// TestCSVStreams reads a wide sheet of 100,000 people and checks that
// the first person comes before the reader has read more than a sliver
// of the input, that every person comes in order, and that the reading
// stops as soon as yield says so.
func TestCSVStreams(t *testing.T) {
	in := &wideRows{n: 100_000}
	var firstAt int64 = -1
	count := 0
	ok := (*Options)(nil).readCSV(in, "big.csv", func(p Person, err error) bool {
		if err != nil {
			t.Fatalf("error: %v", err)
		}
		if count == 0 {
			firstAt = in.read
		}
		count++
		if want := fmt.Sprintf("E%07d", count); p.Profile.ID != want || p.Place.Row != count+1 {
			t.Fatalf("person %d is %s at %v, want %s at row %d", count, p.Profile.ID, p.Place, want, count+1)
		}
		return true
	})
	if !ok || count != 100_000 {
		t.Fatalf("readCSV = %v after %d people, want true after 100000", ok, count)
	}
	if firstAt < 0 || firstAt > 256<<10 {
		t.Errorf("the first person came after %d bytes were read, of %d; want it within the first 256 KiB", firstAt, in.read)
	}
	stop := &wideRows{n: 100_000}
	count = 0
	ok = (*Options)(nil).readCSV(stop, "big.csv", func(Person, error) bool { count++; return count < 3 })
	if ok || count != 3 || stop.next > 100_000/4 {
		t.Errorf("stopping at the 3rd person: readCSV = %v after %d yields and %d rows generated; want false after 3, and the input left unread", ok, count, stop.next)
	}
}

// TestCSVStopsAtError checks that readCSV returns false when yield
// refuses the error, and true when it takes it.
func TestCSVStopsAtError(t *testing.T) {
	for _, want := range []bool{false, true} {
		got := (*Options)(nil).readCSV(strings.NewReader("id,coaching\nE1,9\n"), "t.csv", func(_ Person, err error) bool {
			if err == nil {
				t.Errorf("a person was yielded")
			}
			return want
		})
		if got != want {
			t.Errorf("readCSV = %v when yield returns %v", got, want)
		}
	}
}

// csvSeeds are quirky CSV inputs for FuzzCSV to start from.
var csvSeeds = []string{
	"id,name,coaching\nE1,Ana,4\n",
	"\xef\xbb\xbfsep=;\r\nid;name;Coaching (coaching)\r\nE1;Zo\xc3\xab;4,0\r\n",
	"id,competency,level,rater,source,date,evidence\nE1,coaching,4,Marta,manager,31/03/2026,\"a\nb\"\nE1,coaching,3,,self,03/31/2026,\n",
	"id,rater,coaching\nE1,M,4 - proficient\nE1,M,Proficient (4)\n",
	"Title\n\nid,\"bad\"x,coaching\nE1,\"open\n",
	"id,name,date\nE1,Zo\xeb,46112\n",
	"id,,\n,,x\n",
	"\"T,\r\",,\rid,date,evidence,coaching\rE1,20.02.26,\"a\rb\",4\rE2,03/02/26 12:00 AM,,3\rE3,02/27/26,,\r",
	"id;Datum;Coachng;;\r\nE1;02.03.2026 00:00:00;4;;x\r\nE1;31.02.26;9\r\n",
	"\xff\xfei\x00d\x00\t\x00c\x00o\x00a\x00c\x00h\x00i\x00n\x00g\x00\n\x00E\x001\x00\t\x004\x00",
	"id,coaching,building trust,coaching\r\n\r\n\n\r\r\nE1,4.0 - proficient,3/4\n\n\nE2,0x4,4,5 - Expert\r\n",
	"PK\x03\x04\x14\x00xl/workbook.xml",
}

// FuzzCSV reads arbitrary input as CSV: it must not panic, every person
// it yields must pass the framework's check, and every problem must name
// the file.
func FuzzCSV(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	fw := wlp.Default()
	o := &Options{MaxBytes: 4 << 10, Ignore: []string{"Department"}}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkFuzzed(t, fw, "f.csv", func(yield func(Person, error) bool) bool {
			return o.readCSV(bytes.NewReader(in), "f.csv", yield)
		})
	})
}

// checkFuzzed runs a reader on fuzzed input and checks what it yields.
func checkFuzzed(t *testing.T, fw *wlp.Framework, file string, read func(yield func(Person, error) bool) bool) {
	read(func(p Person, err error) bool {
		if err == nil {
			if verr := fw.ValidateProfile(p.Profile); verr != nil {
				t.Errorf("yielded an invalid profile %+v: %v", p.Profile, verr)
			}
			if p.Place.File != file || p.Place.Row < 1 {
				t.Errorf("yielded a person at %+v", p.Place)
			}
			return true
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %T %v, want a *Error", err, err)
		}
		for _, pr := range e.Problems {
			if pr.Place.File != file || pr.Message == "" {
				t.Errorf("problem without a file or message: %+v", pr)
			}
		}
		return true
	})
}

// sheetGrowth are the N, 2N and 4N people of the sheet growth benchmarks.
var sheetGrowth = []int{1000, 2000, 4000}

// growthCSV returns a sheet of n people: wide, each rating every
// competency and area, or long, one rating a row and a third of the rows
// a rater's.
func growthCSV(n int, long bool) []byte {
	f := wlp.Default()
	var b bytes.Buffer
	if long {
		b.WriteString("id,name,competency,level,rater,source,date,evidence\n")
		for i := range n {
			for j, id := range f.IDs() {
				rater, src := "", "assessment"
				if j%3 == 0 {
					rater, src = fmt.Sprintf("Rater %d", j), "peer"
				}
				fmt.Fprintf(&b, "E%d,Person %d,%s,%d,%s,%s,2026-03-31,notes\n", i, i, id, (i+j)%6, rater, src)
			}
		}
		return b.Bytes()
	}
	b.WriteString(strings.Join(templateHeader(f), ",") + "\n")
	for i := range n {
		fmt.Fprintf(&b, "E%d,Person %d,manager,2026-03-31", i, i)
		for j := range f.IDs() {
			fmt.Fprintf(&b, ",%d", (i+j)%6)
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

// benchSheet reads the inputs that build makes for each size, wanting
// every person and no problem.
func benchSheet(b *testing.B, build func(n int) []byte, read func(in []byte, yield func(Person, error) bool) bool) {
	for _, n := range sheetGrowth {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			in := build(n)
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			b.ResetTimer()
			for b.Loop() {
				count := 0
				read(in, func(_ Person, err error) bool {
					if err != nil {
						b.Fatal(err)
					}
					count++
					return true
				})
				if count != n {
					b.Fatalf("%d people, want %d", count, n)
				}
			}
		})
	}
}

// BenchmarkGrowthCSVWide reads wide CSV sheets of N, 2N and 4N people,
// each rated on all 21 competencies and areas.
func BenchmarkGrowthCSVWide(b *testing.B) {
	benchSheet(b, func(n int) []byte { return growthCSV(n, false) }, func(in []byte, yield func(Person, error) bool) bool {
		return (*Options)(nil).readCSV(bytes.NewReader(in), "b.csv", yield)
	})
}

// BenchmarkGrowthCSVLong reads long CSV sheets of N, 2N and 4N people,
// 21 rows each, a third of them raters' reviews.
func BenchmarkGrowthCSVLong(b *testing.B) {
	benchSheet(b, func(n int) []byte { return growthCSV(n, true) }, func(in []byte, yield func(Person, error) bool) bool {
		return (*Options)(nil).readCSV(bytes.NewReader(in), "b.csv", yield)
	})
}
