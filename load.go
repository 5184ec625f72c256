package wlp

import (
	"io"

	"github.com/wlpmodel/wlp/internal/jsonx"
)

// DefaultMaxBytes is the size bound [Load] puts on a framework document.
const DefaultMaxBytes = 8 << 20 // 8 MiB

// DefaultMaxDepth is the nesting bound [Load] puts on a framework
// document, in levels of arrays and objects. No framework nests more
// than six.
const DefaultMaxDepth = 64

// MaxDepthCeiling is the most nesting a [Loader] allows, whatever its
// MaxDepth: each open level of nesting costs a few hundred bytes of stack
// and memory while it is read, and the ceiling bounds that to about 5 MB.
const MaxDepthCeiling = 10_000

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
	err := jsonx.Read(r, &s, lim, "wlp", func(whole bool) error {
		if !whole {
			return checkPartial(s)
		}
		var err error
		f, err = New(s)
		return err
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Load reads a framework document (the JSON form of [Spec]) from r and
// validates it as [New] does. It also rejects, naming each place by JSON
// pointer: empty, truncated and non-JSON input, null, invalid UTF-8, a
// byte-order mark, lone UTF-16 surrogates (such as "\ud800"), unknown
// fields, missing required fields, duplicate keys, values of the wrong
// type, data after the document, and documents over [DefaultMaxBytes] or
// nested deeper than [DefaultMaxDepth]. Use a [Loader] to change the
// limits.
//
// Load does not run a JSON Schema validator, but it rejects every
// document that the framework schema of package schema rejects, and
// names every place the schema faults (a differential test and fuzz
// target hold it to that); it rejects more, such as unknown IDs, which a
// schema cannot express. To check a document against the schema itself,
// use [github.com/wlpmodel/wlp/schema.Validate].
//
// The error, a *[ValidationError], lists the first 1,000
// problems and counts the rest; once it is full, Load stops looking for
// more of them. When a value cannot be read (a value of the wrong type,
// say), the rest of the document is still checked, value by value, but
// references to declared IDs are not.
//
// Load costs O(n) time and O(n) memory for a document of n bytes,
// whatever it holds: a valid document, one full of problems, deep
// nesting, many tiny values (and [New]'s O(n) checks). It allocates at
// most 50 bytes per byte of the document: 5 to 15 for a typical
// framework, about 27 at worst, for one of tiny values (a million empty
// behaviors); and at most 40 for a document rejected while it is read.
// Most of what it allocates is the framework it returns: at its peak, the
// memory in use is up to about 17 times the document.
func Load(r io.Reader) (*Framework, error) { return Loader{}.Load(r) }
