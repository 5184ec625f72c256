package match

import (
	"math/bits"

	"github.com/wlpmodel/wlp/competency"
)

// idIndex maps the framework's rated IDs to their positions. It is the
// step every score starts with (one look-up per rating), so instead of a
// Go map it uses a perfect hash found at build time: a few words of the ID
// pick a slot, and one string comparison confirms it. When no perfect hash
// turns up (two IDs alike in every word the hash reads) it falls back to a
// map.
type idIndex struct {
	seed  uint64
	shift uint
	slots []slot // by hash; an empty key marks an empty slot
	m     map[competency.ID]int32
}

type slot struct {
	key competency.ID
	pos int32
}

// le64 reads 8 bytes of s from i, little-endian; the compiler turns it
// into one load.
func le64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// signature folds s's length and its first, middle and last 8 bytes into
// one word. IDs that differ only elsewhere share a signature, which New
// detects: no seed then separates them.
func signature(s competency.ID) uint64 {
	n := len(s)
	if n < 8 {
		return shortSignature(s)
	}
	h := uint64(n)*0x9E3779B97F4A7C15 ^ le64(string(s), 0) ^ bits.RotateLeft64(le64(string(s), n-8), 29)
	if n > 16 {
		h ^= bits.RotateLeft64(le64(string(s), n/2-4), 43)
	}
	return h
}

// shortSignature is signature for IDs under 8 bytes, kept apart so that
// signature stays small enough to inline.
func shortSignature(s competency.ID) uint64 {
	h := uint64(len(s)) * 0x9E3779B97F4A7C15
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i]) << (8 * i)
	}
	return h
}

// hash returns the slot of s.
func (x *idIndex) hash(s competency.ID) uint64 {
	return (signature(s) * x.seed) >> x.shift
}

// newIndex returns the index of ids, each at its position in the list.
func newIndex(ids []competency.ID) *idIndex {
	x := &idIndex{}
	bits := uint(4)
	for 1<<bits < 4*len(ids) {
		bits++
	}
	size := 1 << bits
	x.shift = 64 - bits
	if len(ids) <= 1<<16 {
		x.slots = make([]slot, size)
		for seed := uint64(1); seed <= 2000; seed++ {
			x.seed = (seed * 0xBF58476D1CE4E5B9) | 1
			clear(x.slots)
			ok := true
			for i, id := range ids {
				h := x.hash(id)
				if x.slots[h].key != "" || id == "" {
					ok = false
					break
				}
				x.slots[h] = slot{id, int32(i)}
			}
			if ok {
				return x
			}
		}
	}
	x.slots = nil
	x.m = make(map[competency.ID]int32, len(ids))
	for i, id := range ids {
		x.m[id] = int32(i)
	}
	return x
}

// lookup returns the position of id, or false if the framework lacks it.
// It is the only probe of the index: every ID a score, a team or a plan
// reads goes through it.
func (x *idIndex) lookup(id competency.ID) (int32, bool) {
	if x.m != nil {
		i, ok := x.m[id]
		return i, ok
	}
	if s := &x.slots[x.hash(id)]; s.key == id && id != "" {
		return s.pos, true
	}
	return 0, false
}
