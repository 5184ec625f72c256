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

// Loader reads framework documents with configurable limits. The zero
// Loader is ready to use with [DefaultMaxBytes] and [DefaultMaxDepth].
type Loader struct {
	// MaxBytes bounds the document's size in bytes; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth bounds the nesting of arrays and objects; 0 means
	// DefaultMaxDepth.
	MaxDepth int
}

// Load reads one framework document from r: see [Load].
func (ld Loader) Load(r io.Reader) (*Framework, error) {
	lim := jsonx.Limits{MaxBytes: ld.MaxBytes, MaxDepth: ld.MaxDepth}
	data, pr := jsonx.ReadAll(r, lim)
	if pr != nil {
		return nil, &ValidationError{Package: "wlp", Problems: []Problem{*pr}}
	}
	var s Spec
	var f *Framework
	probs := jsonx.Load(data, &s, lim, schema.Framework, func() []Problem {
		var err error
		if f, err = New(s); err != nil {
			return err.(*ValidationError).Problems
		}
		return nil
	})
	if len(probs) > 0 {
		return nil, &ValidationError{Package: "wlp", Problems: probs}
	}
	return f, nil
}

// Load reads a framework document (the JSON form of [Spec]) from r,
// validates it against the framework JSON Schema (see package schema) and
// then as [New] does. It also rejects, naming each place by JSON
// pointer: empty, truncated and non-JSON input, null, invalid UTF-8, a
// byte-order mark, unknown fields, duplicate keys, values of the wrong
// type, data after the document, and documents over [DefaultMaxBytes] or
// nested deeper than [DefaultMaxDepth]. Use a [Loader] to change the
// limits.
func Load(r io.Reader) (*Framework, error) { return Loader{}.Load(r) }
