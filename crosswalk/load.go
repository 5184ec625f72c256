package crosswalk

import (
	"encoding/json"
	"io"

	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/problem"
)

// DefaultMaxBytes is the size bound [Load] puts on a crosswalk document.
// The embedded crosswalks take 9 and 11 KB.
const DefaultMaxBytes = 8 << 20 // 8 MiB

// DefaultMaxDepth is the nesting bound [Load] puts on a crosswalk
// document, in levels of arrays and objects. A crosswalk nests three.
const DefaultMaxDepth = 64

// ValidationError is the error of a crosswalk that failed to load or to
// check: it lists every problem found, each with its JSON pointer, the
// first 1,000 of them with a count of the rest. It is another name for
// [problem.Error].
type ValidationError = problem.Error

// Loader reads crosswalk documents with configurable limits. The zero
// Loader uses [DefaultMaxBytes] and [DefaultMaxDepth].
type Loader struct {
	// MaxBytes bounds the document's size in bytes; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth bounds the nesting of arrays and objects; 0 means
	// DefaultMaxDepth, and a value above 10,000 counts as 10,000.
	MaxDepth int
}

// Load reads one crosswalk document from r with the Loader's limits: see
// [Load], whose costs it shares.
func (ld Loader) Load(r io.Reader) (*Crosswalk, error) {
	max := ld.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	lim := jsonx.Limits{MaxBytes: max, MaxDepth: ld.MaxDepth}
	var c Crosswalk
	err := jsonx.Read(r, &c, lim, "crosswalk", func(whole bool) error {
		var l problem.List
		c.check(&l, whole)
		return l.Err("crosswalk")
	})
	if err != nil {
		return nil, err
	}
	c.normalize()
	return &c, nil
}

// Load reads one crosswalk document (the JSON form of [Crosswalk]) from
// r, strictly, and validates it with [Crosswalk.Validate]. It rejects,
// naming each place by JSON pointer: empty, truncated and non-JSON input,
// invalid UTF-8, a byte-order mark, unknown fields, missing required
// fields, duplicate keys, nulls, values of the wrong type, data after
// the document, and documents over [DefaultMaxBytes] or nested deeper
// than [DefaultMaxDepth]; then everything Validate rejects. The error, a
// *[ValidationError], lists every problem at once (the first 1,000, and
// a count of the rest). When a value cannot be read, the rest is still
// checked value by value, but references between values (a link's
// source, repeated links) are not.
//
// Load rejects every document the crosswalk schema of package schema
// rejects, and more (a link whose source is not declared, say). It does
// not check the links against frameworks: use [Crosswalk.Check].
//
// Load costs O(n) time and memory for a document of n bytes.
func Load(r io.Reader) (*Crosswalk, error) { return Loader{}.Load(r) }

// normalize makes a decoded crosswalk equal to the one that was encoded:
// JSON omits empty optional lists, so they are held as nil, and the links
// as an empty list rather than nil.
func (c *Crosswalk) normalize() {
	if len(c.Sources) == 0 {
		c.Sources = nil
	}
	if c.Links == nil {
		c.Links = []Link{}
	}
	for i := range c.Links {
		if len(c.Links[i].Via) == 0 {
			c.Links[i].Via = nil
		}
	}
	if len(c.Unmapped) == 0 {
		c.Unmapped = nil
	}
	if len(c.New) == 0 {
		c.New = nil
	}
}

// MarshalJSON writes c as its document: encoding/json's encoding of the
// struct, except that nil Links are written as an empty list, which
// [Load] reads back, rather than null. The output is deterministic. It
// costs time and memory linear in the size of c.
func (c Crosswalk) MarshalJSON() ([]byte, error) {
	type plain Crosswalk // without this method
	p := plain(c)
	if p.Links == nil {
		p.Links = []Link{}
	}
	return json.Marshal(p)
}
