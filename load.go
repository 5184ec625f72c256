package wlp

import (
	"io"

	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/schema"
)

// DefaultMaxBytes is the size bound [Load] puts on a framework document.
const DefaultMaxBytes = jsonx.DefaultMaxBytes

// DefaultMaxDepth is the nesting bound [Load] puts on a framework document.
const DefaultMaxDepth = jsonx.DefaultMaxDepth

// MaxDepthCeiling is the most nesting a [Loader] allows, whatever its
// MaxDepth: each open level of nesting costs a few hundred bytes of stack
// and memory while it is read, and the ceiling bounds that to about 5 MB.
const MaxDepthCeiling = jsonx.MaxDepthCeiling

// Loader reads framework documents with configurable limits. The zero
// Loader is ready to use with [DefaultMaxBytes] and [DefaultMaxDepth].
type Loader struct {
	// MaxBytes bounds the document's size in bytes; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth bounds the nesting of arrays and objects; 0 means
	// DefaultMaxDepth. A value above [MaxDepthCeiling] (10,000) counts as
	// MaxDepthCeiling: no framework nests more than six levels, and each
	// open level costs a few hundred bytes of stack and memory while it is
	// read. Reading costs time and memory linear in the document at any
	// depth up to the ceiling.
	MaxDepth int
}

// Load reads one framework document from r with the Loader's limits: see
// [Load], whose costs it shares.
func (ld Loader) Load(r io.Reader) (*Framework, error) {
	lim := jsonx.Limits{MaxBytes: ld.MaxBytes, MaxDepth: ld.MaxDepth}
	var s Spec
	var f *Framework
	err := jsonx.Read(r, &s, lim, schema.Framework, "wlp", func() error {
		var err error
		f, err = New(s)
		return err
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Load reads a framework document (the JSON form of [Spec]) from r,
// validates it against the framework JSON Schema (see package schema) and
// then as [New] does. It also rejects, naming each place by JSON
// pointer: empty, truncated and non-JSON input, null, invalid UTF-8, a
// byte-order mark, lone UTF-16 surrogates (such as "\ud800"), unknown
// fields, duplicate keys, values of the wrong type, data after the
// document, and documents over [DefaultMaxBytes] or nested deeper than
// [DefaultMaxDepth]. Use a [Loader] to change the limits.
//
// The error, a *[ValidationError], lists the first 1,000
// problems and counts the rest; once it is full, Load stops looking for
// more of them.
//
// Load costs O(n) time and O(n) memory for a document of n bytes,
// whatever it holds: a valid document, one full of problems, deep
// nesting, many tiny values (and [New]'s O(n) checks). It allocates at
// most 150 bytes per byte of the document: 20 to 30 for a typical
// framework, about 115 at worst, for one of tiny values (a million empty
// behaviors), where the JSON Schema validator alone allocates about 70
// per byte; and at most 40 for a document rejected while it is read. At
// its peak, the memory in use is about a quarter of what it allocates.
func Load(r io.Reader) (*Framework, error) { return Loader{}.Load(r) }
