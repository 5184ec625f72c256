package people

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"

	"github.com/wlpmodel/wlp/problem"
)

// stdinName is how the argument "-" is named in places.
const stdinName = "<stdin>"

// maxBytes returns the bound on one profile document.
func (o *Options) maxBytes() int64 {
	if o == nil || o.MaxBytes <= 0 {
		return defaultMaxBytes
	}
	return o.MaxBytes
}

// invalid says what is wrong with o's Format or Dates, which are not
// among their constants, or returns "".
func (o *Options) invalid() string {
	switch {
	case o == nil:
		return ""
	case o.Format < Auto || o.Format > XLSX:
		return "Options.Format is " + o.Format.String() + ", not a format (want Auto, JSON, JSONLines, CSV or XLSX)"
	case o.Dates < EitherFirst || o.Dates > MonthFirst:
		return "Options.Dates is " + o.Dates.String() + ", not an order (want EitherFirst, DayFirst or MonthFirst)"
	}
	return ""
}

// format returns the format o forces, or Auto.
func (o *Options) format() Format {
	if o == nil {
		return Auto
	}
	return o.Format
}

// ReadFile reads the people of the file name, in any format people
// reads (see [Options.Format]), and returns them all with every problem
// of the file in one [*Error]. It returns the people it could read even
// when others fail, and reports the same profile ID given twice, as
// [All] does: for a regular file with a fixed-size filter of the IDs and,
// only when the filter may have seen an ID, a second reading of the file,
// whose findings come last (a person held back by a false alarm is last
// in the list); for a pipe, with every ID and its place. See [Read] for
// the cost of reading; ReadFile holds every person it returns.
func ReadFile(name string, o *Options) ([]Person, error) {
	return Collect(func(yield func(Person, error) bool) {
		readSteps([]step{{name: name}}, o, yield)
	})
}

// readFile opens name and reads its people. When info is not nil, it is
// set to the file's information as opened.
func readFile(name string, o *Options, info *fs.FileInfo) iter.Seq2[Person, error] {
	return func(yield func(Person, error) bool) {
		fh, err := os.Open(name)
		if err != nil {
			yield(Person{Place: Place{File: name}}, fileError(name, err))
			return
		}
		defer fh.Close()
		if fi, err := fh.Stat(); err != nil {
			yield(Person{Place: Place{File: name}}, fileError(name, err))
			return
		} else if fi.IsDir() {
			yield(Person{Place: Place{File: name}}, oneProblem(Place{File: name}, "is a folder: pass it to All, which reads its files"))
			return
		} else {
			if info != nil {
				*info = fi
			}
			if o != nil && o.Opened != nil {
				o.Opened(name, fi)
			}
		}
		for p, err := range Read(fh, name, o) {
			if !yield(p, err) {
				return
			}
		}
	}
}

// Read reads the people of one input, r, named name in places: its
// format is o.Format, or the one name's extension says, or failing both
// the one its first bytes say (see [Auto]). It yields each person as it
// is complete, and each problem as an [*Error]: for JSON, one for each
// document, element or line that has problems, as it is read; for a
// sheet, one for the whole sheet at its end. A profile with a problem is
// not yielded. Several inputs: see [All].
//
// Read does not refuse a profile ID given twice, but for a sheet's rows
// (see the package documentation): [All] and [ReadFile] do. A reader
// cannot be read twice, so a caller that wants the check on its own
// stream can keep [IDs], at O(people) memory.
//
// Read holds one person at a time for a JSON array and a wide sheet,
// and the whole input for a single JSON document (at most MaxBytes), a
// long sheet (its people are grouped) and a workbook. Its time is linear
// in the input's size.
//
// JSON Lines are decoded one line at a time for the first 64 lines, and
// past them, when GOMAXPROCS is above 1, by GOMAXPROCS goroutines (at
// most 16) in batches of at most 64 lines: Read then holds at most 3
// batches a goroutine, each of at most 256 KiB + MaxBytes of text and
// what it decodes to, and a 1 MiB read buffer, so memory stays flat in
// the number of lines. It yields in line order all the same, and before
// any read that may wait on r it yields every line read, so a slow
// stream's people come as soon as their lines do. When the loop over
// Read stops early, the goroutines end before it returns.
func Read(r io.Reader, name string, o *Options) iter.Seq2[Person, error] {
	return func(yield func(Person, error) bool) {
		f := o.format()
		if msg := o.invalid(); msg != "" {
			at := Place{File: name}
			yield(Person{Place: at}, oneProblem(at, msg))
			return
		}
		br := bufio.NewReaderSize(r, 64<<10)
		if f == Auto {
			f = FormatOf(name)
		}
		if _, err := br.Peek(1); err != nil && err != io.EOF {
			at := Place{File: name}
			yield(Person{Place: at}, oneProblem(at, "cannot read: "+err.Error()))
			return
		} else if err == io.EOF && f == Auto {
			at := Place{File: name}
			yield(Person{Place: at}, oneProblem(at, "the input is empty"))
			return
		}
		if msg := foreign(br); msg != "" && (f == Auto || f == XLSX || f == CSV) {
			at := Place{File: name}
			yield(Person{Place: at}, oneProblem(at, msg))
			return
		}
		if f == Auto || f == JSON {
			f = sniff(br, f)
		}
		switch f {
		case XLSX:
			o.readXLSX(br, name, yield)
		case CSV:
			o.readCSV(br, name, yield)
		case JSONLines:
			o.readLines(br, name, yield)
		case jsonArray:
			o.readArray(br, name, yield)
		default:
			o.readDoc(br, name, yield)
		}
	}
}

// jsonArray is the format of a JSON array of profiles, which sniff tells
// from a single document.
const jsonArray Format = -1

// sniff returns the format of the input br holds, from its first bytes:
// a ZIP header is a workbook; "[" is a JSON array; "{" is JSON Lines when
// the first line holds a whole JSON value, else a JSON document; anything
// else is CSV. want is JSON when the name says JSON: then only a JSON
// array, a document and JSON Lines (a whole object on the first line, and
// more lines after it) are told apart.
func sniff(br *bufio.Reader, want Format) Format {
	head, _ := br.Peek(4)
	if want == Auto && bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return XLSX
	}
	first, line := firstByte(br)
	switch {
	case first == '[':
		return jsonArray
	case want == JSON && first == '{' && jsonValue(line) && moreLines(br, line):
		return JSONLines // JSON Lines named .json, as many exports name it
	case want == JSON:
		return JSON
	case first == '{':
		if jsonValue(line) {
			return JSONLines
		}
		return JSON
	}
	return CSV
}

// moreLines reports whether br holds more than white space past line, the
// first line firstByte returned, in what it has buffered.
func moreLines(br *bufio.Reader, line []byte) bool {
	buf, _ := br.Peek(br.Buffered())
	i := bytes.Index(buf, line)
	return i >= 0 && len(bytes.TrimSpace(buf[i+len(line):])) > 0
}

// foreign returns why the input br holds is a spreadsheet people cannot
// read, from its first bytes, or "": an Excel 97-2003 workbook (.xls), or
// an encrypted .xlsx, which share one container, and an OpenDocument
// spreadsheet (.ods). Saved as .xlsx or CSV, each can be read.
func foreign(br *bufio.Reader) string {
	head, _ := br.Peek(96)
	switch {
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return "an Excel 97-2003 workbook (.xls) or a password-protected workbook, which wlp cannot read: save it as .xlsx (without a password) or CSV"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) && bytes.Contains(head, []byte("application/vnd.oasis.opendocument")):
		return "an OpenDocument file (.ods), which wlp cannot read: save it as .xlsx or CSV"
	}
	return ""
}

// firstByte returns the first byte of br past a UTF-8 byte-order mark and
// white space, and the first line that holds it, as far as br buffers it
// (64 KiB).
func firstByte(br *bufio.Reader) (byte, []byte) {
	// Peek only as far as needed, and never wait for more than one byte
	// beyond what has arrived: a slow stream of JSON Lines starts to be
	// read as soon as its first line is in. Each byte is looked at once.
	start, scanned := -1, 0
	if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
		scanned = len(bom)
	}
	for n := 1; ; n = min(max(n+1, br.Buffered()), br.Size()) {
		buf, err := br.Peek(n)
		for ; scanned < len(buf); scanned++ {
			c := buf[scanned]
			switch {
			case start < 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n':
				start = scanned
			case start >= 0 && c == '\n':
				return buf[start], buf[start:scanned]
			}
		}
		switch {
		case err != nil && start >= 0: // the input ends on the first line
			return buf[start], buf[start:]
		case err != nil:
			return 0, nil
		case n == br.Size() && start >= 0: // the line goes on past the buffer
			return buf[start], nil
		case n == br.Size():
			return 0, nil
		}
	}
}

// bom is the UTF-8 byte-order mark, which Windows editors put at the
// start of text files.
var bom = []byte("\xef\xbb\xbf")

// skipBOM drops a UTF-8 byte-order mark from the start of br.
func skipBOM(br *bufio.Reader) {
	if head, _ := br.Peek(3); bytes.Equal(head, bom) {
		br.Discard(3)
	}
}

// readDoc reads one profile document: the whole input.
func (o *Options) readDoc(br *bufio.Reader, name string, yield func(Person, error) bool) bool {
	skipBOM(br)
	max := o.maxBytes()
	b, err := io.ReadAll(io.LimitReader(br, max+1))
	at := Place{File: name}
	if err != nil {
		return yield(Person{Place: at}, oneProblem(at, "cannot read: "+err.Error()))
	}
	return o.yieldDoc(b, at, yield)
}

// yieldDoc loads the profile document b, read at the place at, and
// yields it or its problems.
func (o *Options) yieldDoc(b []byte, at Place, yield func(Person, error) bool) bool {
	return yield(o.decodeDoc(b, at))
}

// decodeDoc loads the profile document b, read at the place at, and
// returns the person, or no one and the document's problems. It reads
// o, b and the framework, and writes nothing they share, so several
// goroutines may call it at once (see readLinesParallel). No Person or
// error it returns refers to b: the loaders copy what they keep.
func (o *Options) decodeDoc(b []byte, at Place) (Person, error) {
	p, probs := load(b, o.framework(), o.maxBytes())
	if probs.Len() > 0 {
		var ps problems
		for _, pr := range probs.Problems {
			in := at
			in.Pointer += pr.Path
			ps.add(in, pr.Message)
		}
		ps.more += probs.Omitted
		return Person{Place: at}, ps.err()
	}
	return Person{Profile: p, Place: at}, nil
}

// readLines reads JSON Lines: a profile document a line. Blank lines are
// skipped; a line longer than MaxBytes is a problem, skipped without
// being held.
//
// The first batchLines lines (or batchBytes of them) are decoded here,
// one at a time, so a small input starts no goroutine. When the input
// goes on past them and more than one CPU may run Go code, the rest is
// decoded in parallel by readLinesParallel, which yields the same people
// and problems in the same order.
func (o *Options) readLines(br *bufio.Reader, name string, yield func(Person, error) bool) bool {
	skipBOM(br)
	max := o.maxBytes()
	var line []byte
	held, first := 0, true // bytes of documents read in the first batch, and whether it goes on
	for n := 1; ; n++ {
		if first && (n > batchLines || held >= batchBytes) {
			first = false
			// Every line read is yielded: waiting here for more is
			// what reading the next line would do.
			if _, err := br.Peek(1); err == nil {
				if workers := lineWorkerCount(); workers > 1 {
					return o.readLinesParallel(br, name, n, workers, yield)
				}
			}
		}
		var kind lineKind
		var err error
		line, kind, err = readLine(br, line[:0], max)
		held += len(line)
		at := Place{File: name, Line: n}
		switch kind {
		case lineFailed:
			return yield(Person{Place: at}, readError(at, err))
		case lineLong:
			if !yield(Person{Place: at}, longLine(at, max)) {
				return false
			}
		case lineDoc:
			if !o.yieldDoc(line, at, yield) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// lineKind is what a line of JSON Lines holds.
type lineKind int8

const (
	lineDoc    lineKind = iota // a document to load
	lineBlank                  // white space only: skipped
	lineLong                   // longer than MaxBytes: a problem, not held
	lineFailed                 // the input could not be read: the end
)

// readLine reads the next line of br and appends the document it holds
// to buf, without its line end, when it is lineDoc; else buf is returned
// as it was. It holds at most max+2 bytes of a line (max and "\r\n"),
// however long the line is. err is nil, io.EOF when this is the input's
// last line, or, with lineFailed, why the input could not be read.
func readLine(br *bufio.Reader, buf []byte, max int64) ([]byte, lineKind, error) {
	start := len(buf)
	long := false
	var err error
	for {
		var chunk []byte
		chunk, err = br.ReadSlice('\n')
		if !long && int64(len(buf)-start+len(chunk)) <= max+2 {
			buf = append(buf, chunk...)
		} else if !long {
			long = true
			buf = buf[:start]
		}
		if err != bufio.ErrBufferFull {
			break
		}
	}
	doc := bytes.TrimRight(buf[start:], "\r\n")
	switch {
	case err != nil && err != io.EOF:
		return buf[:start], lineFailed, err
	case long || int64(len(doc)) > max:
		return buf[:start], lineLong, err
	case len(bytes.TrimSpace(doc)) == 0:
		return buf[:start], lineBlank, err
	}
	return buf[:start+len(doc)], lineDoc, err
}

// longLine is the problem of a line longer than max bytes.
func longLine(at Place, max int64) error {
	return oneProblem(at, fmt.Sprintf("the line is longer than %d bytes, the bound on one profile", max))
}

// readError is the problem of an input that failed with err at the
// place at.
func readError(at Place, err error) error {
	return oneProblem(at, "cannot read: "+err.Error())
}

// readArray reads a JSON array of profile documents, one element at a
// time: only the element being read is held, and of it at most MaxBytes
// and 64 KiB more (of white space, or read ahead); an element larger
// than that ends the reading.
func (o *Options) readArray(br *bufio.Reader, name string, yield func(Person, error) bool) bool {
	skipBOM(br)
	at := Place{File: name}
	lim := &budget{r: br, left: o.maxBytes() + 64<<10}
	dec := json.NewDecoder(lim)
	i := 0 // the element being read
	fail := func(err error) bool {
		msg := "cannot read: " + err.Error()
		var se *json.SyntaxError
		if errors.Is(err, errTooLong) {
			el := at
			el.Pointer = problem.Join("", i)
			msg = fmt.Sprintf("the element is larger than the limit of %d bytes; the rest of the array is not read", o.maxBytes())
			return yield(Person{Place: el}, oneProblem(el, msg))
		} else if errors.As(err, &se) {
			msg = fmt.Sprintf("malformed JSON at byte %d: %s", se.Offset, se.Error())
		} else if err == io.ErrUnexpectedEOF || err == io.EOF {
			msg = "the array is not closed: the input ends inside it"
		}
		return yield(Person{Place: at}, oneProblem(at, msg))
	}
	if _, err := dec.Token(); err != nil { // "[", as sniff saw
		return fail(err)
	}
	for ; ; i++ {
		lim.left = o.maxBytes() + 64<<10
		if !dec.More() {
			break
		}
		var elem json.RawMessage
		if err := dec.Decode(&elem); err != nil {
			return fail(err)
		}
		in := at
		in.Pointer = problem.Join("", i)
		if !o.yieldDoc(elem, in, yield) {
			return false
		}
	}
	if _, err := dec.Token(); err != nil { // "]"
		return fail(err)
	}
	// White space may follow, read without being held.
	rest := io.MultiReader(dec.Buffered(), br)
	var c [1]byte
	for off := dec.InputOffset(); ; off++ {
		if _, err := io.ReadFull(rest, c[:]); err == io.EOF {
			return true
		} else if err != nil {
			return fail(err)
		}
		switch c[0] {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return yield(Person{Place: at}, oneProblem(at, fmt.Sprintf("unexpected content after the array, at byte %d", off)))
	}
}

// budget reads from r until left bytes are read, then fails with
// errTooLong: it bounds what a json.Decoder reads for one value.
type budget struct {
	r    io.Reader
	left int64
}

// errTooLong is the error of a budget spent.
var errTooLong = errors.New("the bound on one profile is reached")

// Read reads from r, at most the bytes left.
func (b *budget) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errTooLong
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

// oneProblem returns an *Error of one problem.
func oneProblem(at Place, msg string) error {
	return &Error{Problems: []Problem{{at, msg}}}
}

// fileError explains why a file cannot be read, without repeating its
// name.
func fileError(name string, err error) error {
	msg := err.Error()
	var pe *os.PathError
	switch {
	case errors.Is(err, os.ErrNotExist):
		msg = "no such file"
	case errors.Is(err, os.ErrPermission):
		msg = "permission denied"
	case errors.As(err, &pe):
		msg = pe.Err.Error()
	}
	return oneProblem(Place{File: name}, "cannot read: "+msg)
}

// Collect reads every person of seq, and returns them with all the
// problems seq reports merged into one [*Error] (the first
// problem.MaxReported, and a count of the rest), or nil when there are
// none. An error that is not an *Error is kept as a problem of no place.
//
// It holds every person of seq: O(people) memory, beside what seq costs.
func Collect(seq iter.Seq2[Person, error]) ([]Person, error) {
	var out []Person
	var ps problems
	for p, err := range seq {
		if err != nil {
			ps.merge(err)
			continue
		}
		out = append(out, p)
	}
	return out, ps.err()
}

// merge adds the problems of err.
func (ps *problems) merge(err error) {
	var e *Error
	if !errors.As(err, &e) {
		ps.add(Place{}, err.Error())
		return
	}
	for _, p := range e.Problems {
		ps.add(p.Place, p.Message)
	}
	ps.more += e.Omitted
}
