package match

import "github.com/wlpmodel/wlp/profile"

// A score starts by reading the profile's ratings into a level vector:
// one level per ID of the framework, by the ID's position in the index,
// clamped to the scale, 0 where the person has no rating. What follows
// reads only the vector and the compiled requirements.

// vecSize is the number of rated IDs a level vector holds on the stack.
const vecSize = 128

// vector returns p's level vector for scoring against t, in buf (which
// must be zero) when it fits. Only the positions t reads are filled when
// t is not nil.
func (m *Matcher) vector(p *profile.Profile, t *target, buf *[vecSize]int8) []int8 {
	lv := m.newVector(buf)
	var reads []int32
	if t != nil {
		reads = t.reads
	}
	m.read(p, reads, lv)
	return lv
}

// newVector returns a zero level vector: buf, which must be zero, when
// the framework's IDs fit in it.
func (m *Matcher) newVector(buf *[vecSize]int8) []int8 {
	if m.n <= vecSize {
		return buf[:m.n]
	}
	return make([]int8, m.n)
}

// read fills lv, which must be zero at the positions reads, with p's
// levels there, or at every position when reads is nil.
//
// Reading the profile is the costliest step of a score. A profile is a
// map, and there are two ways to read it: one pass over all its ratings
// (levels), or one access per position to read (gather). A pass visits
// every slot of the map, so it costs more per rating than an access costs
// per ID, most of all when the map is not in the cache, as in a large
// population: read takes whichever visits fewer entries.
func (m *Matcher) read(p *profile.Profile, reads []int32, lv []int8) {
	if reads != nil && len(reads) <= len(p.Ratings) {
		m.gather(p, reads, lv)
	} else {
		m.levels(p, lv)
	}
}

// levels fills lv with p's levels, in one pass over p's ratings. Ratings
// of IDs the framework does not know are ignored.
func (m *Matcher) levels(p *profile.Profile, lv []int8) {
	for id, r := range p.Ratings {
		if i, ok := m.index.lookup(id); ok {
			lv[i] = clampLevel(r.Level)
		}
	}
}

// gather fills the positions reads of lv with p's levels.
func (m *Matcher) gather(p *profile.Profile, reads []int32, lv []int8) {
	for _, i := range reads {
		if r, ok := p.Ratings[m.ids[i]]; ok {
			lv[i] = clampLevel(r.Level)
		}
	}
}
