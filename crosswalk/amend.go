package crosswalk

import (
	"fmt"
	"io"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/problem"
)

// Amend returns a copy of c with the given links put in: each replaces
// the link of c that joins the same two items, in that link's place, or,
// when c has none, is added after the last of c's links that leave the
// same item (so that links stay grouped by the item they leave), or after
// all of c's links when none leaves it. An item a given link
// leaves is no longer noted in c's Unmapped, nor one it reaches in c's
// New, since a link now maps it.
//
// Amend is for correcting a composed crosswalk (see [Compose]) where the
// framework between is coarser than the two ends: when it joins several
// items into one, the composition can only call each of them "related"
// to the items the coarse one splits into again, even where a reader
// sees two items that match closely. A given link is a direct reading:
// give it no Via unless it does follow a path.
//
// Amend first validates c ([Crosswalk.Validate]), and returns its error,
// wrapped, when c is invalid. It then checks the given links as
// Validate checks the links of a document {"links": [...]} holding them,
// against c's sources (a Source must be one of c's keys), and returns a
// *[ValidationError] listing every problem at once, each with its JSON
// pointer in that list: "/links/2/cap" names the cap of links[2], and
// two given links that join the same two items are a problem at the
// second one. The result is then validated again as a whole.
//
// The result shares no memory with c or links. Amend costs time and
// memory linear in the sizes of c and links.
func Amend(c *Crosswalk, links []Link) (*Crosswalk, error) {
	if c == nil {
		return nil, fmt.Errorf("crosswalk: cannot amend a nil crosswalk")
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("crosswalk: cannot amend %q, which is invalid:\n%w", c.ID, err)
	}
	// The given links alone, with c's identity and sources, so that
	// their problems are placed in the given list.
	given := Crosswalk{ID: c.ID, From: c.From, To: c.To, Sources: c.Sources, Links: links}
	var l problem.List
	given.check(&l, true)
	if err := l.Err("crosswalk"); err != nil {
		return nil, err
	}

	d := c.Clone()
	if d.Links == nil {
		d.Links = []Link{}
	}
	at := make(map[pair]int, len(d.Links))
	for i, k := range d.Links {
		at[pair{k.From, k.To}] = i
	}
	froms := make(map[competency.ID]bool, len(links))
	tos := make(map[competency.ID]bool, len(links))
	added := map[competency.ID][]Link{} // new pairs, by the item they leave
	var rest []Link                     // new pairs from items no link of c leaves
	last := make(map[competency.ID]int, len(d.Links))
	for i, k := range d.Links {
		last[k.From] = i
	}
	for _, k := range links {
		k.Via = cloneVia(k.Via)
		froms[k.From], tos[k.To] = true, true
		if i, ok := at[pair{k.From, k.To}]; ok {
			d.Links[i] = k
			continue
		}
		if _, ok := last[k.From]; ok {
			added[k.From] = append(added[k.From], k)
		} else {
			rest = append(rest, k)
		}
	}
	if len(added) > 0 || len(rest) > 0 {
		out := make([]Link, 0, len(d.Links)+len(links))
		for i, k := range d.Links {
			out = append(out, k)
			if last[k.From] == i {
				out = append(out, added[k.From]...)
			}
		}
		d.Links = append(out, rest...)
	}
	d.Unmapped = dropNotes(d.Unmapped, froms)
	d.New = dropNotes(d.New, tos)
	if err := d.Validate(); err != nil {
		return nil, fmt.Errorf("crosswalk: the amended %q is invalid:\n%w", c.ID, err)
	}
	return d, nil
}

// cloneVia copies a Via list, keeping an empty one nil as a decoded
// document holds it.
func cloneVia(via []competency.ID) []competency.ID {
	if len(via) == 0 {
		return nil
	}
	return append([]competency.ID(nil), via...)
}

// dropNotes returns the notes whose item is not in ids, in order, or nil
// when none is left.
func dropNotes(notes []Note, ids map[competency.ID]bool) []Note {
	var out []Note
	for _, n := range notes {
		if !ids[n.ID] {
			out = append(out, n)
		}
	}
	return out
}

// amendment is the document of an embedded amendment: the ID of the
// crosswalk it amends and the links [Amend] puts in.
type amendment struct {
	Crosswalk string `json:"crosswalk"`
	Links     []Link `json:"links"`
}

// maxAmendmentBytes bounds an amendment document: the embedded one
// takes about 3 KB.
const maxAmendmentBytes = 1 << 20

// readAmendment reads an amendment document from r strictly (unknown
// fields, duplicate keys, nulls and the like are errors, each with its
// JSON pointer) and checks its links on their own, as [Amend] does; as
// the document declares no sources, no link may cite one. It costs time
// and memory linear in the document's size.
func readAmendment(r io.Reader) (*amendment, error) {
	var a amendment
	err := jsonx.Read(r, &a, jsonx.Limits{MaxBytes: maxAmendmentBytes}, "crosswalk", func(whole bool) error {
		var l problem.List
		checkSlug(&l, "/crosswalk", "the amended crosswalk's ID", a.Crosswalk)
		given := Crosswalk{ID: "amendment", From: "from", To: "to", Links: a.Links}
		given.check(&l, whole)
		return l.Err("crosswalk")
	})
	if err != nil {
		return nil, err
	}
	if a.Links == nil {
		a.Links = []Link{}
	}
	for i := range a.Links {
		a.Links[i].Via = cloneVia(a.Links[i].Via)
	}
	return &a, nil
}
