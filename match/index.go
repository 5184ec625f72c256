package match

import "github.com/wlpmodel/wlp/competency"

// idIndex maps the framework's rated IDs to their positions. It is the
// step every score starts with (one look-up per rating), so instead of a
// Go map it uses a perfect hash found at build time: a few bytes of the ID
// pick a slot, and one string comparison confirms it. When no perfect hash
// turns up it falls back to a map.
type idIndex struct {
	seed  uint32
	shift uint32
	keys  []competency.ID // by slot; "" marks an empty slot
	pos   []int32         // by slot
	m     map[competency.ID]int32
}

func (x *idIndex) hash(s competency.ID) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9E3779B1 ^ x.seed
	h = (h ^ uint32(s[0])) * 0x85EBCA77
	h = (h ^ uint32(s[n/2])) * 0xC2B2AE3D
	h = (h ^ uint32(s[n-1])) * 0x27D4EB2F
	h = (h ^ uint32(s[n/3])) * 0x165667B1
	h = (h ^ uint32(s[2*n/3])) * 0x9E3779B1
	return h >> x.shift
}

func newIndex(ids []competency.ID) *idIndex {
	x := &idIndex{}
	bits := uint32(4)
	for 1<<bits < 4*len(ids) {
		bits++
	}
	size := 1 << bits
	x.shift = 32 - bits
	if len(ids) <= 1<<16 {
		x.keys = make([]competency.ID, size)
		x.pos = make([]int32, size)
		for seed := uint32(1); seed <= 2000; seed++ {
			x.seed = seed * 0x01000193
			clear(x.keys)
			ok := true
			for i, id := range ids {
				h := x.hash(id)
				if x.keys[h] != "" || id == "" {
					ok = false
					break
				}
				x.keys[h], x.pos[h] = id, int32(i)
			}
			if ok {
				return x
			}
		}
	}
	x.keys, x.pos = nil, nil
	x.m = make(map[competency.ID]int32, len(ids))
	for i, id := range ids {
		x.m[id] = int32(i)
	}
	return x
}

// lookup returns the position of id, or false if the framework lacks it.
func (x *idIndex) lookup(id competency.ID) (int32, bool) {
	if x.m != nil {
		i, ok := x.m[id]
		return i, ok
	}
	h := x.hash(id)
	if x.keys[h] == id && id != "" {
		return x.pos[h], true
	}
	return 0, false
}
