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
// way round, is "related" (two items under, or over, one item between:
// siblings, across which [Compose] carries no level). An invalid
// relation gives "".
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
// link X→Z whose relation is [ComposeRelation] of the two and whose Via
// is a's Via, Y and b's Via. Several paths may join X and Z: Compose
// keeps the strongest (by relation, then by carry, then the first Y in
// a's order) and names the other Ys in its Why ("(Also through ...)").
// Links follow a's order of From items, then b's order of links.
//
// A path that goes up to a broader item and down to a narrower one (or
// down and then up) joins siblings: X and Z are two parts of Y, or two
// wholes that share the part Y. Such a link is related and carries
// nothing, whatever the two links carry, as a level in one sibling says
// little about the other; its Why says so in a sentence of its own.
// Where two siblings do match, a direct reading should replace the
// composed link ([Amend]). Every other link carries the weaker way of
// its two (none beats capped beats level, two caps give the lower), and
// its Why is a's Why followed by "Then, from Y:" and b's Why; but when
// it carries nothing, the Why of a link that carries something is
// replaced by a plain statement of its relation, so that no part of the
// text says a level carries.
//
// A link keeps the Source both of its links cite, if they cite the same
// one; when they cite different ones, its Source is empty and its Why
// ends by naming them ("Sources: k1, then k2.").
//
// Its Unmapped holds a's, and every X whose links in a all stop at items
// b maps nowhere (quoting b's note on them, if any). Its New holds b's,
// and every Z that b reaches only from items a does not reach (quoting
// a's note on those that are new in a). Its Sources are a's and b's; a
// key both declare must name the same source.
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
		ID:   id,
		Name: fmt.Sprintf("%s to %s, through %s", a.From, b.To, a.To),
		Description: fmt.Sprintf("Composed of the crosswalks %s and %s: each link follows a link from an item of %s to one of %s, then a link from there to an item of %s. ", a.ID, b.ID, a.From, a.To, b.To) +
			"A path that goes up to a broader item and down to a narrower one, or down and then up, joins siblings: such a link is related and carries nothing, as a level in one sibling says little about the other.",
		From:    a.From,
		To:      b.To,
		Sources: sources,
		Links:   []Link{},
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
				paths[kb.To] = append(paths[kb.To], follow(a, b, ka, kb))
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

// follow returns the link that crosses ka, a link of a, and then kb, a
// link of b.
func follow(a, b *Crosswalk, ka, kb Link) Link {
	k := Link{
		From:     ka.From,
		To:       kb.To,
		Relation: ComposeRelation(ka.Relation, kb.Relation),
	}
	if siblings(ka.Relation, kb.Relation) {
		k.Carry = CarryNone
		k.Why = siblingWhy(a, b, ka, kb)
	} else {
		k.Carry, k.Cap = composeCarry(ka, kb)
		first, second := ka.Why, kb.Why
		if k.Carry == CarryNone {
			// The whys of links that carry say so: state their
			// relations instead, so that no part of the text says the
			// level carries.
			if ka.Carry != CarryNone {
				first = plainRelation(a.ID, ka)
			}
			if kb.Carry != CarryNone {
				second = plainRelation(b.ID, kb)
			}
		}
		k.Why = first + " Then, from " + string(ka.To) + ": " + second
	}
	switch {
	case ka.Source == "" || kb.Source == "":
	case ka.Source == kb.Source:
		k.Source = ka.Source
	default:
		k.Why += " Sources: " + ka.Source + ", then " + kb.Source + "."
	}
	k.Via = make([]competency.ID, 0, len(ka.Via)+1+len(kb.Via))
	k.Via = append(k.Via, ka.Via...)
	k.Via = append(k.Via, ka.To)
	k.Via = append(k.Via, kb.Via...)
	return k
}

// siblings reports whether a path across a link of relation r and then
// one of relation s joins siblings: up to a broader item, then down to a
// narrower one, or down and then up.
func siblings(r, s competency.Relation) bool {
	return r == competency.Broader && s == competency.Narrower ||
		r == competency.Narrower && s == competency.Broader
}

// siblingWhy says why the link across ka and then kb, a path that joins
// siblings, carries nothing.
func siblingWhy(a, b *Crosswalk, ka, kb Link) string {
	x, y, z := ka.From, ka.To, kb.To
	var s string
	if ka.Relation == competency.Broader {
		s = fmt.Sprintf("Siblings under %s: in %s, %s falls under it, and in %s, %s does too.", y, a.ID, x, b.ID, z)
	} else {
		s = fmt.Sprintf("Siblings over %s: in %s, it falls under %s, and in %s, under %s too; the two share it but may differ in all the rest.", y, a.ID, x, b.ID, z)
	}
	return s + " A level in one sibling says little about the other, so the link informs a reader and carries nothing; where the two do match, a direct reading should take its place."
}

// plainRelation states how link k of the crosswalk id relates its items,
// and nothing of how a level carries.
func plainRelation(id string, k Link) string {
	var how string
	switch k.Relation {
	case competency.Exact:
		how = "is the same item as"
	case competency.Close:
		how = "is close to"
	case competency.Broader:
		how = "is broader than"
	case competency.Narrower:
		how = "is narrower than"
	default:
		how = "is related to"
	}
	return fmt.Sprintf("In %s, %s %s %s.", id, k.To, how, k.From)
}

// stopped says why item x of a.From has no composed link: each of its
// links in a (at links) stops at an item b maps nowhere.
func stopped(a, b *Crosswalk, links []int, unmappedB map[competency.ID]string) string {
	ys := make([]competency.ID, 0, len(links))
	for _, i := range links {
		ys = append(ys, a.Links[i].To)
	}
	s := fmt.Sprintf("Every link from here in %s leads to an item of %s that %s maps nowhere: %s.", a.ID, a.To, b.ID, list(ys))
	return s + quoteNotes(b.ID, ys, unmappedB)
}

// unreached says why item z of b.To has no composed link: the items of
// b.From that lead to it (ys) are items nothing in a leads to.
func unreached(a, b *Crosswalk, ys []competency.ID, newA map[competency.ID]string) string {
	verb, them := "lead", "any of them"
	switch len(ys) {
	case 1:
		verb, them = "leads", "it"
	case 2:
		them = "either"
	}
	s := fmt.Sprintf("Only %s of %s %s here in %s, and nothing in %s leads to %s.", list(ys), b.From, verb, b.ID, a.From, them)
	return s + quoteNotes(a.ID, ys, newA)
}

// quoteNotes quotes the notes of crosswalk id on the items ids, those
// that have one, each in a sentence of its own.
func quoteNotes(id string, ids []competency.ID, notes map[competency.ID]string) string {
	var s string
	first := true
	for _, y := range ids {
		why, ok := notes[y]
		if !ok {
			continue
		}
		if first {
			s += fmt.Sprintf(" On %s, %s notes: \"%s\"", y, id, strings.TrimSpace(why))
			first = false
		} else {
			s += fmt.Sprintf(" On %s: \"%s\"", y, strings.TrimSpace(why))
		}
	}
	return s
}

// list joins IDs as a reader would: "a", "a and b", "a, b and c".
func list(ids []competency.ID) string {
	var s strings.Builder
	for i, id := range ids {
		switch {
		case i == 0:
		case i == len(ids)-1:
			s.WriteString(" and ")
		default:
			s.WriteString(", ")
		}
		s.WriteString(string(id))
	}
	return s.String()
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
	// The fixed part of a link, and an item in "Also through": a
	// sibling's Why, with its IDs at their longest, the sources named
	// and a link's plain relation fit in it.
	const perPath = 768
	const perVia = 80 // an item of Via: its ID and the slice's slot
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
