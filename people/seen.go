package people

import (
	"hash/maphash"
	"io/fs"
	"iter"
	"math/bits"
	"os"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp/problem"
)

// This file holds the duplicate check of All and ReadFile. For inputs
// that can be read twice (regular files) it keeps a Bloom filter of the
// profile IDs read, of a fixed size, instead of every ID and its place:
// a person whose ID the filter may have seen is held back, and once every
// input is read, the inputs are read again, once, to tell a duplicate
// from a false alarm. Standard input and pipes keep the exact map (IDs).

// bloom is a Bloom filter of profile IDs: a set that never forgets an ID
// added, and may claim one that was not (a false positive).
//
// It has m bits, set by k = 7 probes an ID. Its size comes from the
// inputs (see filterBits): 8 bits for each byte read, at least 64 Ki bits
// (8 KiB) and at most 2^27 bits (16 MiB). A profile takes at least about
// 12 bytes ({"id":"x"} and a line break), so below the cap the filter has
// at least 96 bits a person. At the cap, a million people of 700-byte
// lines give about 134 bits a person; measured, 20 million look-ups of
// IDs never added found no false positive (a rate below about 1.5e-7, and
// by the formula near 1e-8 at the end, when the filter is fullest), so a
// run of a million distinct people rarely needs the second pass, and
// when it does, the pass costs time, never a wrong answer.
//
// The probes come from one 64-bit hash: its high bits pick a block of
// 512 bits, and 9 bits each of a mix of it place the 7 probes in the
// block (see probe). The hash is
// hash/maphash, not FNV-1a: it is seeded at random for each filter, so
// that no one can write IDs that collide on purpose and force the second
// pass, and it hashes a string several bytes at a time.
type bloom struct {
	words []uint64
	m     uint64 // bits
	seed  maphash.Seed
}

// probes is the number of bits a filter sets an ID (k).
const probes = 7

// The bounds of a filter's size in bits. Tests lower them, to make a
// filter that says "maybe" for every ID, or to reach the cap with a small
// input; the code never changes them.
var (
	filterMinBits uint64 = 1 << 16
	filterMaxBits uint64 = 1 << 27
)

// filterBits returns the size of the filter for inputs of size bytes in
// all: 8 bits a byte, within [filterMinBits, filterMaxBits], and at least
// 1.
func filterBits(size int64) uint64 {
	b := filterMaxBits
	if size >= 0 && uint64(size) < filterMaxBits/8 {
		b = uint64(size) * 8
	}
	return max(b, filterMinBits, 1)
}

// newBloom returns an empty filter for inputs of size bytes in all. It
// allocates filterBits(size)/8 bytes, at most 16 MiB.
func newBloom(size int64) *bloom {
	m := filterBits(size)
	return &bloom{words: make([]uint64, (m+63)/64), m: m, seed: maphash.MakeSeed()}
}

// add adds id, and reports whether the filter may have held it before:
// false means it certainly did not. It costs one hash of id and 7 bits
// read and set.
func (b *bloom) add(id string) bool { return b.probe(id, true) }

// probe reports whether the filter may hold id, and adds it when set is
// true.
//
// The filter is blocked: the hash picks one block of 512 bits (8 words,
// one cache line), and the 7 probes fall within it, 9 bits of the hash
// each. A look-up so costs one cache miss instead of seven, which at 16
// MiB (far beyond the caches) was a tenth of reading a JSON Lines file;
// the price is a slightly higher false-positive rate than seven probes
// over the whole filter, since blocks fill unevenly.
func (b *bloom) probe(id string, set bool) bool {
	h := maphash.String(b.seed, id)
	block := uint64(0)
	span := b.m // bits in a block: 512, or all of a smaller filter
	if span >= blockBits {
		span = blockBits
		block, _ = bits.Mul64(h, b.m/blockBits) // in [0, m/512)
	}
	g := bits.RotateLeft64(h, 32) * 0x9e3779b97f4a7c15
	had := true
	for range probes {
		i := block*blockBits + (g&511)%span
		g >>= 9
		w, bit := &b.words[i/64], uint64(1)<<(i%64)
		if *w&bit == 0 {
			had = false
			if !set {
				return false
			}
			*w |= bit
		}
	}
	return had
}

// blockBits is the size of a block of the filter, in bits: one cache
// line.
const blockBits = 512

// step is one thing All does, in order: yield a problem of an argument
// (err), read a file, or read standard input.
type step struct {
	name  string // the file as named, or the argument a problem is of
	stdin bool   // read o.Stdin
	err   error  // yield this problem at Place{File: name} instead
}

// onRead, a hook for tests, is called when set before each file is
// opened, with the pass (1 or 2).
var onRead func(pass int, name string)

// readSteps does the steps in order, yielding their people and problems,
// and refuses the same profile ID read twice. When every file is a
// regular file and standard input is not among them, it uses a Bloom
// filter and, only when the filter may have seen an ID, a second pass
// (see dedupe); otherwise the exact map of IDs.
func readSteps(steps []step, o *Options, yield func(Person, error) bool) {
	size, ok := rereadable(steps)
	if !ok {
		readExact(steps, o, yield)
		return
	}
	d := &dedupe{filter: newBloom(size), seed: maphash.MakeSeed()}
	if d.first(steps, o, yield) {
		d.second(o, yield)
	}
}

// rereadable returns the size of the files of steps in all, and whether
// they can all be read a second time: none is standard input, a pipe or
// a device. A file that cannot be stat-ed counts as empty: reading it
// reports why.
func rereadable(steps []step) (int64, bool) {
	var size int64
	for _, s := range steps {
		switch {
		case s.err != nil:
			continue
		case s.stdin:
			return 0, false
		}
		fi, err := os.Stat(s.name)
		if err != nil {
			continue
		}
		if !fi.Mode().IsRegular() {
			return 0, false
		}
		size += min(fi.Size(), 1<<40) // enough to reach the cap, without overflow
	}
	return size, true
}

// readExact does the steps with the exact map of IDs: O(people) memory.
func readExact(steps []step, o *Options, yield func(Person, error) bool) {
	seq := func(yield func(Person, error) bool) {
		for _, s := range steps {
			var in iter.Seq2[Person, error]
			switch {
			case s.err != nil:
				if !yield(Person{Place: Place{File: s.name}}, s.err) {
					return
				}
				continue
			case s.stdin:
				in = Read(o.Stdin, stdinName, o)
			default:
				in = readFile(s.name, o, nil)
			}
			for p, err := range in {
				if !yield(p, err) {
					return
				}
			}
		}
	}
	for p, err := range distinct(seq, &IDs{}) {
		if !yield(p, err) {
			return
		}
	}
}

// dedupe is the state of the duplicate check over files: the filter of
// the IDs read, and the people held back, to tell in a second pass.
type dedupe struct {
	filter  *bloom
	files   []fileRead
	pending []held         // in the order read
	ids     []firstRead    // the IDs of pending, each once
	byID    map[string]int // an index of ids
	other   map[int]Place  // the places pack cannot pack, by index of pending
	seed    maphash.Seed   // of the sums of IDs (see fold)
}

// fold adds id to sum, the running sum of a file's IDs in the order read:
// the second pass compares its own with the first's, to tell a file that
// changed between the passes though its size and modification time did
// not (a copy that keeps times, a clock too coarse).
func (d *dedupe) fold(sum uint64, id string) uint64 {
	return sum*0x100000001b3 + maphash.String(d.seed, id)
}

// fileRead is a file the first pass read.
type fileRead struct {
	name   string
	info   fs.FileInfo // as opened; nil when it could not be
	people int         // the people read, held back or not
	errs   int         // the problems yielded
	sum    uint64      // its IDs in order, folded (see fold)
	sheet  string      // the sheet of its places with a row
	sheets bool        // sheet is set
}

// held is a person held back by the first pass, its ID perhaps read
// before: the index of its ID in dedupe.ids, its file (an index of
// dedupe.files), its number in that file (from 0, counting the people
// read), its place, packed (see pack), and the sum of its file's IDs up
// to and including its own (see fold). It holds no pointer, and takes 40
// bytes: a file of one ID repeated costs that for each repeat.
type held struct {
	id    int
	file  int32
	shape shape
	nth   int
	n     int
	sum   uint64
}

// shape is how a held person's place is packed.
type shape int32

// The shapes of places: each person's place is one of the first four.
const (
	atFile    shape = iota // Place{File}: a JSON document
	atLine                 // Place{File, Line: n}: JSON Lines
	atElement              // Place{File, Pointer: "/n"}: a JSON array
	atRow                  // Place{File, Sheet: the file's sheet, Row: n}
	atOther                // dedupe.other holds it
)

// firstRead is a held ID, and where the second pass first read it.
type firstRead struct {
	id    string
	at    Place
	file  int // an index of dedupe.files
	found bool
}

// pack returns the shape and number of the place at, in the file f, or
// atOther.
func pack(at Place, f *fileRead) (shape, int) {
	if at.File != f.name {
		return atOther, 0
	}
	switch at {
	case Place{File: at.File}:
		return atFile, 0
	case Place{File: at.File, Line: at.Line}:
		return atLine, at.Line
	case Place{File: at.File, Pointer: at.Pointer}:
		if n, ok := element(at.Pointer); ok {
			return atElement, n
		}
	case Place{File: at.File, Sheet: at.Sheet, Row: at.Row}:
		if !f.sheets {
			f.sheet, f.sheets = at.Sheet, true
		}
		if at.Sheet == f.sheet {
			return atRow, at.Row
		}
	}
	return atOther, 0
}

// place returns the place of the held person h, the kth held.
func (d *dedupe) place(h held, k int) Place {
	f := &d.files[h.file]
	switch h.shape {
	case atFile:
		return Place{File: f.name}
	case atLine:
		return Place{File: f.name, Line: h.n}
	case atElement:
		return Place{File: f.name, Pointer: "/" + strconv.Itoa(h.n)}
	case atRow:
		return Place{File: f.name, Sheet: f.sheet, Row: h.n}
	}
	return d.other[k]
}

// first is the first pass: it does the steps in order, yields each
// person whose ID the filter has not seen, holds back the others, and
// yields every problem. It returns false when yield asks to stop.
func (d *dedupe) first(steps []step, o *Options, yield func(Person, error) bool) bool {
	for _, s := range steps {
		if s.err != nil {
			if !yield(Person{Place: Place{File: s.name}}, s.err) {
				return false
			}
			continue
		}
		if onRead != nil {
			onRead(1, s.name)
		}
		i := len(d.files)
		f := fileRead{name: s.name}
		for p, err := range readFile(s.name, o, &f.info) {
			if err != nil {
				f.errs++
				if !yield(p, err) {
					return false
				}
				continue
			}
			nth := f.people
			f.people++
			f.sum = d.fold(f.sum, p.Profile.ID)
			if d.filter.add(p.Profile.ID) {
				d.hold(p, &f, i, nth)
				continue
			}
			if !yield(p, nil) {
				return false
			}
		}
		d.files = append(d.files, f)
	}
	return true
}

// hold notes p, the nth person of the file f, of index i, as held back.
// Each ID held is kept once, however often it is held.
func (d *dedupe) hold(p Person, f *fileRead, i, nth int) {
	if d.byID == nil {
		d.byID = map[string]int{}
	}
	id, ok := d.byID[p.Profile.ID]
	if !ok {
		id = len(d.ids)
		d.ids = append(d.ids, firstRead{id: strings.Clone(p.Profile.ID)})
		d.byID[d.ids[id].id] = id
	}
	sh, n := pack(p.Place, f)
	if sh == atOther {
		if d.other == nil {
			d.other = map[int]Place{}
		}
		d.other[len(d.pending)] = p.Place
	}
	d.pending = append(d.pending, held{id: id, file: int32(i), shape: sh, nth: nth, n: n, sum: f.sum})
}

// second is the second pass, which runs only when the first held people
// back: it reads the files again, in the same order, up to the last
// person held back, finding where each held ID was first read, and yields
// for each person held back, in the order read, the problem of a
// duplicate or, when the filter was wrong, the person. Each file is read
// once, whatever the number held back: a map look-up a person.
//
// A file that cannot be read again, or changed since the first pass (its
// size, modification time, or the person at a held place), cannot tell:
// its people held back, and those of later files whose ID was not found
// before it, are problems saying so, never guesses. The problems of the
// files themselves were yielded by the first pass and are not yielded
// again.
func (d *dedupe) second(o *Options, yield func(Person, error) bool) {
	if len(d.pending) == 0 {
		return
	}
	r := rereader{d: d, changed: -1}
	last := int(d.pending[len(d.pending)-1].file)
	for i := 0; i <= last; i++ {
		if d.files[i].people == 0 { // nothing read from it: it can tell nothing
			continue
		}
		if !r.file(i, o, yield) {
			return
		}
	}
}

// rereader is the state of the second pass.
type rereader struct {
	d           *dedupe
	k           int    // the next held person, an index of d.pending
	changed     int    // the first file that changed, or -1
	changedName string // its name
}

// file reads file i again, yielding what it tells of the people held
// back in it. It returns false when yield asks to stop.
func (r *rereader) file(i int, o *Options, yield func(Person, error) bool) bool {
	d, f := r.d, &r.d.files[i]
	if onRead != nil {
		onRead(2, f.name)
	}
	fh, err := os.Open(f.name)
	if err == nil {
		defer fh.Close()
		var fi fs.FileInfo
		if fi, err = fh.Stat(); err == nil && !same(fi, f.info) {
			err = fs.ErrInvalid
		}
	}
	if err != nil {
		r.change(i)
		return r.unsure(i, f.name, yield)
	}
	nth, errs := 0, 0
	var sum uint64
	for p, err := range Read(fh, f.name, o) {
		if err != nil {
			errs++
			continue
		}
		n := nth
		nth++
		sum = d.fold(sum, p.Profile.ID)
		var first *firstRead
		if id, ok := d.byID[p.Profile.ID]; ok {
			first = &d.ids[id]
			if !first.found {
				first.at, first.file, first.found = p.Place, i, true
			}
		}
		if r.k == len(d.pending) || int(d.pending[r.k].file) != i || d.pending[r.k].nth != n {
			continue
		}
		h, at := d.pending[r.k], d.place(d.pending[r.k], r.k)
		id := d.ids[h.id].id
		r.k++
		var q Person
		var qerr error
		switch {
		case p.Profile.ID != id || p.Place != at || sum != h.sum:
			r.change(i)
			q, qerr = Person{Place: at}, unsure(at, id, f.name)
		case r.changed >= 0 && first.file >= r.changed:
			q, qerr = Person{Place: at}, unsure(at, id, r.changedName)
		case first.at == at: // the filter was wrong
			q = p
		default:
			q, qerr = Person{Place: at}, duplicate(at, id, first.at)
		}
		if !yield(q, qerr) {
			return false
		}
		if r.k == len(d.pending) {
			return true // no one is left to tell about
		}
	}
	if nth != f.people || errs != f.errs || sum != f.sum {
		r.change(i) // the same size and time, but not the same people
	}
	return r.unsure(i, f.name, yield)
}

// change notes that file i changed since the first pass, unless an
// earlier one did.
func (r *rereader) change(i int) {
	if r.changed < 0 {
		r.changed, r.changedName = i, r.d.files[i].name
	}
}

// unsure yields a problem for each person held back in file i that the
// second pass did not reach, as the file named changed. It returns false
// when yield asks to stop.
func (r *rereader) unsure(i int, changed string, yield func(Person, error) bool) bool {
	for ; r.k < len(r.d.pending) && int(r.d.pending[r.k].file) == i; r.k++ {
		at := r.d.place(r.d.pending[r.k], r.k)
		if !yield(Person{Place: at}, unsure(at, r.d.ids[r.d.pending[r.k].id].id, changed)) {
			return false
		}
	}
	return true
}

// same reports whether the file fi is the one first was, unchanged: the
// same file, of the same size and modification time.
func same(fi, first fs.FileInfo) bool {
	return first != nil && os.SameFile(fi, first) && fi.Size() == first.Size() && fi.ModTime().Equal(first.ModTime())
}

// duplicate returns the problem of the profile ID id read at at, and
// before at first.
func duplicate(at Place, id string, first Place) error {
	return oneProblem(at, "profile ID "+problem.Quote(id)+" was read before, at "+first.String()+
		": each person needs an ID of their own")
}

// unsure returns the problem of the person held back at at, whose ID id
// the second pass cannot check, as the file named changed changed
// between the passes or could not be read again.
func unsure(at Place, id, changed string) error {
	return oneProblem(at, "cannot tell whether profile ID "+problem.Quote(id)+" was read before: "+
		changed+" changed while it was read, or could not be read again; read the inputs again")
}
