package crosswalk

import "slices"

// Clone returns a deep copy of c, which shares no memory with it: a
// caller may change either freely. It costs time and memory linear in
// the size of c. A nil c gives nil.
func (c *Crosswalk) Clone() *Crosswalk {
	if c == nil {
		return nil
	}
	d := *c
	d.Sources = slices.Clone(c.Sources)
	if c.Links != nil {
		d.Links = make([]Link, len(c.Links))
		for i, k := range c.Links {
			k.Via = slices.Clone(k.Via)
			d.Links[i] = k
		}
	}
	d.Unmapped = slices.Clone(c.Unmapped)
	d.New = slices.Clone(c.New)
	return &d
}
