package people

import (
	"bufio"
	"bytes"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// The size of a batch of JSON Lines, the unit of work of the goroutines
// that decode them: a batch closes at batchLines documents (and over-long
// lines), or once its text reaches batchBytes. At about 20 µs a line,
// handing a batch over costs about a thousandth of decoding it.
const (
	batchLines = 64
	batchBytes = 256 << 10
)

// batchesPerWorker is how many batches a worker may have in flight:
// being decoded, queued, or decoded and waiting their turn to be yielded.
const batchesPerWorker = 2

// maxLineWorkers bounds the goroutines that decode JSON Lines, whatever
// GOMAXPROCS is: the people are yielded on one goroutine, whose own work
// (a consumer scores a person in a few µs) caps the speed well below what
// 16 of them decode, and memory grows with each.
const maxLineWorkers = 16

// linesBuffer is the size of the buffer readLinesParallel reads through.
// The input is read no further than it would be line by line (see
// readLinesParallel), so a larger buffer lets a file be read, and
// decoded, in fewer and larger runs between the pauses where every line
// read is yielded.
const linesBuffer = 1 << 20

// lineWorkers is how many goroutines decode JSON Lines: 0 means
// runtime.GOMAXPROCS(0), at most maxLineWorkers, and 1 decodes them on
// the reading goroutine. Tests set it, to compare the two paths on any
// machine.
var lineWorkers = 0

// lineWorkerCount returns how many goroutines decode JSON Lines.
func lineWorkerCount() int {
	if lineWorkers != 0 {
		return lineWorkers
	}
	return min(runtime.GOMAXPROCS(0), maxLineWorkers)
}

// lineBatch is a run of consecutive lines of JSON Lines: their text,
// filled by the reading goroutine, and, once a worker has decoded them,
// what each yields.
type lineBatch struct {
	text  []byte        // the documents, one after another
	lines []batchLine   // the documents and over-long lines, in order
	out   []lineOut     // what lines[i] yields, once done has a value
	done  chan struct{} // receives one value when out is complete
}

// batchLine is one line of a batch: a document, text[start:end], or a
// line longer than MaxBytes.
type batchLine struct {
	n          int // the line's number, from 1
	kind       lineKind
	start, end int
}

// lineOut is what one line yields.
type lineOut struct {
	p   Person
	err error
}

// linePipeline hands batches of lines to workers and yields what they
// decode, in line order.
type linePipeline struct {
	o       *Options
	name    string
	max     int64
	workers int
	jobs    chan *lineBatch // to the workers, in line order
	stop    atomic.Bool     // set when the workers are to stop
	wg      sync.WaitGroup
	pending []*lineBatch // handed over and not yet yielded, in line order
	free    []*lineBatch // yielded, to be filled again
}

// readLinesParallel reads the JSON Lines of br from line n on, as
// readLines does, with workers goroutines decoding the lines: it yields
// the same people and problems, with the same places, in line order.
//
// The reading goroutine (the caller's) reads lines into batches, hands
// each to the workers through a queue, and yields the results batch by
// batch, in order. At most batchesPerWorker × workers batches are in
// flight, and at most (batchesPerWorker + 1) × workers exist. A batch
// holds at most batchLines lines, batchBytes + MaxBytes + 2 bytes of
// text (in a buffer of at most twice that) and what its lines decode to;
// a line longer than MaxBytes is not held. With the read buffer of
// linesBuffer bytes, memory stays flat in the number of lines, and in the
// worst case is in proportion to workers × (batchBytes + MaxBytes).
//
// Before a read that may wait on br's reader, such as a slow stream, it
// yields every line read so far: a person is yielded no later than line
// by line would yield it, and br's reader is never read further ahead.
// When yield returns false, or panics, the workers stop after the line
// each is decoding, and readLinesParallel returns once they have ended.
func (o *Options) readLinesParallel(br *bufio.Reader, name string, n, workers int, yield func(Person, error) bool) bool {
	pl := &linePipeline{
		o:       o,
		name:    name,
		max:     o.maxBytes(),
		workers: workers,
		jobs:    make(chan *lineBatch, batchesPerWorker*workers),
	}
	pl.wg.Add(workers)
	for range workers {
		go pl.work()
	}
	defer pl.close()
	br = bufio.NewReaderSize(br, linesBuffer)
	cur := pl.batch()
	for ; ; n++ {
		if !lineBuffered(br) {
			// The next line needs a read that may wait: first yield
			// every line read.
			if !pl.flush(cur, yield) {
				return false
			}
			cur = pl.batch()
		}
		start := len(cur.text)
		text, kind, err := readLine(br, cur.text, pl.max)
		cur.text = text
		switch kind {
		case lineFailed:
			if !pl.flush(cur, yield) {
				return false
			}
			at := Place{File: name, Line: n}
			return yield(Person{Place: at}, readError(at, err))
		case lineDoc, lineLong:
			cur.lines = append(cur.lines, batchLine{n: n, kind: kind, start: start, end: len(text)})
		}
		if err == io.EOF {
			return pl.flush(cur, yield)
		}
		if len(cur.lines) >= batchLines || len(cur.text) >= batchBytes {
			if !pl.send(cur, yield) {
				return false
			}
			cur = pl.batch()
		}
		// Yield what is decoded already, so that the consumer's work
		// goes on beside the workers'.
		for len(pl.pending) > 0 {
			if ok, more := pl.yieldFirst(false, yield); !ok {
				return false
			} else if !more {
				break
			}
		}
	}
}

// lineBuffered reports whether br holds a whole line: whether the next
// line can be read without reading br's reader.
func lineBuffered(br *bufio.Reader) bool {
	buf, _ := br.Peek(br.Buffered()) // never reads
	return bytes.IndexByte(buf, '\n') >= 0
}

// work decodes the batches of pl.jobs until it is closed. Once pl.stop
// is set, it only passes batches on, undecoded.
func (pl *linePipeline) work() {
	defer pl.wg.Done()
	for b := range pl.jobs {
		for _, l := range b.lines {
			if pl.stop.Load() {
				break
			}
			at := Place{File: pl.name, Line: l.n}
			if l.kind == lineLong {
				b.out = append(b.out, lineOut{Person{Place: at}, longLine(at, pl.max)})
				continue
			}
			p, err := pl.o.decodeDoc(b.text[l.start:l.end], at)
			b.out = append(b.out, lineOut{p, err})
		}
		b.done <- struct{}{}
	}
}

// close stops the workers and waits for them to end.
func (pl *linePipeline) close() {
	pl.stop.Store(true)
	close(pl.jobs)
	pl.wg.Wait()
}

// batch returns an empty batch, reused or new.
func (pl *linePipeline) batch() *lineBatch {
	if k := len(pl.free); k > 0 {
		b := pl.free[k-1]
		pl.free = pl.free[:k-1]
		return b
	}
	return &lineBatch{done: make(chan struct{}, 1)}
}

// send hands b to the workers, first yielding the oldest batch in flight
// when there are as many as allowed. It returns false when yield did.
func (pl *linePipeline) send(b *lineBatch, yield func(Person, error) bool) bool {
	if len(b.lines) == 0 {
		pl.free = append(pl.free, b)
		return true
	}
	if len(pl.pending) >= cap(pl.jobs) {
		if ok, _ := pl.yieldFirst(true, yield); !ok {
			return false
		}
	}
	pl.pending = append(pl.pending, b)
	pl.jobs <- b // never waits: the queue holds as many as may be in flight
	return true
}

// flush hands b to the workers, split among them so that they share its
// lines, then yields every batch in flight. It returns false when yield
// did.
func (pl *linePipeline) flush(b *lineBatch, yield func(Person, error) bool) bool {
	for _, piece := range pl.split(b) {
		if !pl.send(piece, yield) {
			return false
		}
	}
	for len(pl.pending) > 0 {
		if ok, _ := pl.yieldFirst(true, yield); !ok {
			return false
		}
	}
	return true
}

// split divides b into up to pl.workers batches of about as many lines,
// in line order. It copies the text of all but the first.
func (pl *linePipeline) split(b *lineBatch) []*lineBatch {
	k := min(pl.workers, len(b.lines))
	if k <= 1 {
		return []*lineBatch{b}
	}
	size := (len(b.lines) + k - 1) / k
	pieces := []*lineBatch{b}
	for lo := size; lo < len(b.lines); lo += size {
		hi := min(lo+size, len(b.lines))
		p := pl.batch()
		for _, l := range b.lines[lo:hi] {
			start := len(p.text)
			p.text = append(p.text, b.text[l.start:l.end]...)
			p.lines = append(p.lines, batchLine{n: l.n, kind: l.kind, start: start, end: len(p.text)})
		}
		pieces = append(pieces, p)
	}
	b.lines = b.lines[:size]
	return pieces
}

// yieldFirst yields what the oldest batch in flight decodes to, and puts
// the batch back for reuse. When wait is false and the batch is not
// decoded yet, it does nothing and reports more as false. ok is false
// when yield returned false.
func (pl *linePipeline) yieldFirst(wait bool, yield func(Person, error) bool) (ok, more bool) {
	b := pl.pending[0]
	if wait {
		<-b.done
	} else {
		select {
		case <-b.done:
		default:
			return true, false
		}
	}
	copy(pl.pending, pl.pending[1:])
	pl.pending[len(pl.pending)-1] = nil
	pl.pending = pl.pending[:len(pl.pending)-1]
	for _, r := range b.out {
		if !yield(r.p, r.err) {
			return false, false
		}
	}
	clear(b.out) // drop the people yielded
	b.out, b.lines, b.text = b.out[:0], b.lines[:0], b.text[:0]
	pl.free = append(pl.free, b)
	return true, true
}
