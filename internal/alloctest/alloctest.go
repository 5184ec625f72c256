// Package alloctest measures work without timing it, for the tests that
// keep every operation's cost linear in its input: the bytes an operation
// allocates, and documents of a chosen size. SECURITY.md's memory figures
// for the loaders are its constants, so the tests of every package check
// the same numbers.
package alloctest

import (
	"bytes"
	"runtime"
)

// The bytes a load may allocate per byte of its document, as SECURITY.md
// states them: MaxPerByte for any document (the worst measured is about
// 36, a valid profile of hundreds of thousands of tiny reviews, each a
// map), MaxPerByteRejected for one rejected while it is read (the reader
// stops decoding once its report is full), plus FixedBytes for the
// buffers a load always takes.
const (
	MaxPerByte         = 50
	MaxPerByteRejected = 40
	FixedBytes         = 256 << 10
)

// Bytes returns the bytes op allocates: the least of three runs after a
// warm-up run, so that a stray allocation elsewhere in the process, or a
// cache filled on first use, does not count. It measures work, not time;
// tests that use it should not run in parallel.
func Bytes(op func()) uint64 {
	op()
	best := ^uint64(0)
	var before, after runtime.MemStats
	for range 3 {
		runtime.ReadMemStats(&before)
		op()
		runtime.ReadMemStats(&after)
		best = min(best, after.TotalAlloc-before.TotalAlloc)
	}
	return best
}

// Fill returns prefix, then item repeated and joined by commas, then
// suffix: as many items as fit in size bytes (at least one).
func Fill(prefix, item, suffix string, size int) []byte {
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(prefix)
	b.WriteString(item)
	for b.Len()+1+len(item)+len(suffix) <= size {
		b.WriteString(",")
		b.WriteString(item)
	}
	b.WriteString(suffix)
	return b.Bytes()
}
