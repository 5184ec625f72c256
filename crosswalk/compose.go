package crosswalk

import (
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp/competency"
)

// Bounds on what [Compose] builds. Every link of a composed crosswalk is
// a path through an item between, and n links into one item and n out of
// it make n² paths: past these bounds Compose returns an error rather
// than use memory out of proportion to its inputs.
const (
	// MaxComposedPaths bounds the paths (pairs of a link of the first
	// crosswalk and a link of the second that meet) Compose follows.
	MaxComposedPaths = 1 << 20
	// MaxComposedBytes bounds the text and Via items, in bytes, of the
	// links Compose would build, as it estimates them before it builds
	// any.
	MaxComposedBytes = 64 << 20
)

// ComposeRelation returns the relation of a path that crosses a link of
// relation r and then one of relation s, each read from its From to its
// To: "exact" leaves the other relation as it is; "related" with
// anything is "related"; "close" with "close" stays "close", and with
// "broader" or "narrower" gives that one; two of "broader" (or of
// "narrower") give it again; and "broader" then "narrower", or the other
// way round, is "related" (two items under, or over, one item between).
// An invalid relation gives "".
func ComposeRelation(r, s competency.Relation) competency.Relation {
	switch {
	case !r.Valid() || !s.Valid():
		return ""
	case r == competency.Exact:
		return s
	case s == competency.Exact:
		return r
	case r == competency.Related || s == competency.Related:
		return competency.Related
	case r == competency.Close:
		return s
	case s == competency.Close:
		return r
	case r == s:
		return r
	}
	return competency.Related // broader then narrower, or narrower then broader
}

// composeCarry returns the weaker way of crossing: none beats capped
// beats level, and of two caps the lower holds.
func composeCarry(a, b Link) (Carry, competency.Level) {
	switch {
	case a.Carry == CarryNone || b.Carry == CarryNone:
		return CarryNone, 0
	case a.Carry == CarryCapped && b.Carry == CarryCapped:
		return CarryCapped, min(a.Cap, b.Cap)
	case a.Carry == CarryCapped:
		return CarryCapped, a.Cap
	case b.Carry == CarryCapped:
		return CarryCapped, b.Cap
	}
	return CarryLevel, 0
}

// carryRank orders the ways of crossing, most carried first: a level
// as it is, then a cap (the higher first), then nothing.
func carryRank(k Link) int {
	switch k.Carry {
	case CarryLevel:
		return 10
	case CarryCapped:
		return int(k.Cap)
	}
	return 0
}

// stronger reports whether link k wins over link m when both join the
// same two items: the stronger relation, then the carry that carries
// more.
func stronger(k, m Link) bool {
	if a, b := k.Relation.Strength(), m.Relation.Strength(); a != b {
		return a > b
	}
	return carryRank(k) > carryRank(m)
}

// Compose returns the crosswalk that follows a and then b, which must
// map from the framework a maps to (a.To == b.From). Its ID is
// "<a.From>-to-<b.To>". For every link X→Y of a and Y→Z of b it holds a
// link X→Z whose relation is [ComposeRelation] of the two, whose carry is
// the weaker of the two (none beats capped beats level, two caps give the
// lower), whose Via is a's Via, Y and b's Via, whose Why is a's Why
// followed by "Then, from Y:" and b's Why, and whose Source is kept when
// both links cite the same one. When several paths join X and Z it keeps
// the strongest (by relation, then by carry, then the first Y in a's
// order) and names the other Ys in its Why ("(Also through ...)").
// Links follow a's order of From items, then b's order of links.
//
// Its Unmapped holds a's, and every X whose links in a all stop at items
// b maps nowhere (with b's note on them, if any). Its New holds b's, and
// every Z that b reaches only from items a does not reach (with a's note
// on those that are new in a). Its Sources are a's and b's; a key both
// declare must name the same source.
//
// Compose returns an error when a or b is nil or invalid, when a.To is
// not b.From, when a key names two different sources, when the composed
// ID is not well formed, and past [MaxComposedPaths] or
// [MaxComposedBytes]. The result shares no memory with a or b.
//
// Compose costs O(a + b + p) time and memory for p paths: one per link
// of a, and link of b, that meet at an item; p is at most the product of
// the two crosswalks' links.
func Compose(a, b *Crosswalk) (*Crosswalk, error) {
	if a == nil || b == nil {
		return nil, fmt.Errorf("crosswalk: cannot compose a nil crosswalk")
	}
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("crosswalk: cannot compose %q, which is invalid:\n%w", a.ID, err)
	}
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("crosswalk: cannot compose %q, which is invalid:\n%w", b.ID, err)
	}
	if a.To != b.From {
		return nil, fmt.Errorf("crosswalk: cannot compose %q (to %q) with %q (from %q): the first must map to the framework the second maps from", a.ID, a.To, b.ID, b.From)
	}
	id := a.From + "-to-" + b.To
	if !competency.ValidID(id) {
		return nil, fmt.Errorf("crosswalk: cannot compose %q with %q: the composed ID %q is longer than %d bytes", a.ID, b.ID, id, competency.MaxIDLen)
	}
	sources, err := unionSources(a.Sources, b.Sources)
	if err != nil {
		return nil, err
	}

	outB := map[competency.ID][]int{} // Y -> b's links from Y, in order
	for j, k := range b.Links {
		outB[k.From] = append(outB[k.From], j)
	}
	if err := checkSize(a, b, outB); err != nil {
		return nil, err
	}

	// X -> a's links from X, in order; xs in order of first appearance.
	var xs []competency.ID
	outA := map[competency.ID][]int{}
	for i, k := range a.Links {
		if _, ok := outA[k.From]; !ok {
			xs = append(xs, k.From)
		}
		outA[k.From] = append(outA[k.From], i)
	}

	c := &Crosswalk{
		ID:          id,
		Name:        fmt.Sprintf("%s to %s, through %s", a.From, b.To, a.To),
		Description: fmt.Sprintf("Composed of the crosswalks %s and %s: each link follows a link from an item of %s to one of %s, then a link from there to an item of %s.", a.ID, b.ID, a.From, a.To, b.To),
		From:        a.From,
		To:          b.To,
		Sources:     sources,
		Links:       []Link{},
	}
	unmappedB := notes(b.Unmapped)
	reached := map[competency.ID]bool{}
	c.Unmapped = append(c.Unmapped, a.Unmapped...)
	for _, x := range xs {
		// The paths from x, grouped by Z in order of first appearance.
		var zs []competency.ID
		paths := map[competency.ID][]Link{}
		ys := map[competency.ID][]competency.ID{}
		for _, i := range outA[x] {
			ka := a.Links[i]
			for _, j := range outB[ka.To] {
				kb := b.Links[j]
				if _, ok := paths[kb.To]; !ok {
					zs = append(zs, kb.To)
				}
				paths[kb.To] = append(paths[kb.To], follow(ka, kb))
				ys[kb.To] = append(ys[kb.To], ka.To)
			}
		}
		if len(zs) == 0 {
			c.Unmapped = append(c.Unmapped, Note{ID: x, Why: stopped(a, b, outA[x], unmappedB)})
			continue
		}
		for _, z := range zs {
			best := 0
			for i, k := range paths[z] {
				if stronger(k, paths[z][best]) {
					best = i
				}
			}
			k := paths[z][best]
			if len(paths[z]) > 1 {
				var also []string
				for i, y := range ys[z] {
					if i != best {
						also = append(also, string(y))
					}
				}
				k.Why += " (Also through " + strings.Join(also, ", ") + ".)"
			}
			c.Links = append(c.Links, k)
			reached[z] = true
		}
	}

	c.New = append(c.New, b.New...)
	newA := notes(a.New)
	var zs []competency.ID
	into := map[competency.ID][]competency.ID{} // Z -> the Ys of b's links into it
	for _, k := range b.Links {
		if reached[k.To] {
			continue
		}
		if _, ok := into[k.To]; !ok {
			zs = append(zs, k.To)
		}
		into[k.To] = append(into[k.To], k.From)
	}
	for _, z := range zs {
		c.New = append(c.New, Note{ID: z, Why: unreached(a, b, into[z], newA)})
	}
	return c.Clone(), nil
}

// follow returns the link that crosses ka and then kb.
func follow(ka, kb Link) Link {
	k := Link{
		From:     ka.From,
		To:       kb.To,
		Relation: ComposeRelation(ka.Relation, kb.Relation),
		Why:      ka.Why + " Then, from " + string(ka.To) + ": " + kb.Why,
	}
	k.Carry, k.Cap = composeCarry(ka, kb)
	if ka.Source != "" && ka.Source == kb.Source {
		k.Source = ka.Source
	}
	k.Via = make([]competency.ID, 0, len(ka.Via)+1+len(kb.Via))
	k.Via = append(k.Via, ka.Via...)
	k.Via = append(k.Via, ka.To)
	k.Via = append(k.Via, kb.Via...)
	return k
}

// stopped says why item x of a.From has no composed link: each of its
// links in a (at links) stops at an item b maps nowhere.
func stopped(a, b *Crosswalk, links []int, unmappedB map[competency.ID]string) string {
	var ys []string
	for _, i := range links {
		y := a.Links[i].To
		if why, ok := unmappedB[y]; ok {
			ys = append(ys, fmt.Sprintf("%s (%s)", y, strings.TrimSpace(why)))
		} else {
			ys = append(ys, string(y))
		}
	}
	return fmt.Sprintf("Every link from here in %s stops at an item of %s that %s maps nowhere: %s.", a.ID, a.To, b.ID, strings.Join(ys, "; "))
}

// unreached says why item z of b.To has no composed link: the items of
// b.From that lead to it (ys) are items nothing in a leads to.
func unreached(a, b *Crosswalk, ys []competency.ID, newA map[competency.ID]string) string {
	var names []string
	for _, y := range ys {
		names = append(names, string(y))
	}
	verb, them := "leads", "it"
	if len(ys) > 1 {
		verb, them = "lead", "them"
	}
	s := fmt.Sprintf("Only %s of %s %s here in %s, and nothing in %s leads to %s.", strings.Join(names, ", "), b.From, verb, b.ID, a.From, them)
	for _, y := range ys {
		if why, ok := newA[y]; ok {
			s += fmt.Sprintf(" %s is new in %s: %s", y, a.To, strings.TrimSpace(why))
		}
	}
	return s
}

// notes indexes notes by item.
func notes(ns []Note) map[competency.ID]string {
	m := make(map[competency.ID]string, len(ns))
	for _, n := range ns {
		m[n.ID] = n.Why
	}
	return m
}

// unionSources returns a's sources and then those of b with keys a does
// not declare, or an error if a key names two different sources.
func unionSources(a, b []Source) ([]Source, error) {
	var out []Source
	seen := map[string]Source{}
	for _, s := range a {
		seen[s.Key] = s
		out = append(out, s)
	}
	for _, s := range b {
		if t, ok := seen[s.Key]; ok {
			if t != s {
				return nil, fmt.Errorf("crosswalk: cannot compose: the source key %q names %q (%s) in one crosswalk and %q (%s) in the other", s.Key, t.Title, t.URL, s.Title, s.URL)
			}
			continue
		}
		seen[s.Key] = s
		out = append(out, s)
	}
	return out, nil
}

// checkSize returns an error when composing a and b would follow more
// than MaxComposedPaths paths or build more than MaxComposedBytes.
func checkSize(a, b *Crosswalk, outB map[competency.ID][]int) error {
	type side struct{ n, bytes int64 }
	const perPath = 256 // the fixed part of a link, and an item in "Also through"
	const perVia = 80   // an item of Via: its ID and the slice's slot
	into := map[competency.ID]side{}
	for _, k := range a.Links {
		s := into[k.To]
		s.n++
		s.bytes += int64(len(k.Why) + perVia*len(k.Via))
		into[k.To] = s
	}
	var paths, bytes int64
	for y, in := range into {
		var out side
		for _, j := range outB[y] {
			k := b.Links[j]
			out.n++
			out.bytes += int64(len(k.Why) + perVia*len(k.Via))
		}
		paths += in.n * out.n
		bytes += in.bytes*out.n + in.n*out.bytes + in.n*out.n*perPath
		if paths > MaxComposedPaths || bytes > MaxComposedBytes {
			return fmt.Errorf("crosswalk: composing %q with %q would make more than %d paths or %d MiB of links", a.ID, b.ID, MaxComposedPaths, MaxComposedBytes>>20)
		}
	}
	return nil
}
