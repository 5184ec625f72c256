package schema

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/wlpmodel/wlp/internal/problem"
)

// Problem is one place where a document breaks its schema.
type Problem = problem.Problem

var compiled = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for _, k := range Names() {
		b, err := JSON(k)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("schema: %s: %v", FileName(k), err)
		}
		if err := c.AddResource(URL(k), doc); err != nil {
			return nil, fmt.Errorf("schema: %s: %v", FileName(k), err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, k := range Names() {
		s, err := c.Compile(URL(k))
		if err != nil {
			return nil, fmt.Errorf("schema: %s: %v", FileName(k), err)
		}
		out[k] = s
	}
	return out, nil
})

var printer = message.NewPrinter(language.English)

// Validate checks doc against the schema of a document kind and returns
// every violation, each with the JSON pointer of its place; none means the
// document is valid. doc must be in the form encoding/json decodes into an
// any with UseNumber (or float64 numbers): maps, slices, strings, bools,
// nil and numbers. Formats (such as "date") are asserted.
func Validate(kind string, doc any) ([]Problem, error) {
	all, err := compiled()
	if err != nil {
		return nil, err
	}
	s, ok := all[kind]
	if !ok {
		return nil, fmt.Errorf("schema: unknown document kind %q", kind)
	}
	err = s.Validate(doc)
	if err == nil {
		return nil, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, fmt.Errorf("schema: validating: %v", err)
	}
	var out []Problem
	leaves(&instance{doc: doc}, ve, &out)
	// The validator walks objects in map order: sort for a stable report.
	slices.SortStableFunc(out, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Message, b.Message))
	})
	return slices.Compact(out), nil
}

// leaves flattens a validation error's tree into its leaf problems.
func leaves(doc *instance, e *jsonschema.ValidationError, out *[]Problem) {
	var b strings.Builder
	for _, tok := range e.InstanceLocation {
		b.WriteByte('/')
		b.WriteString(problem.Escape(tok))
	}
	at := b.String()
	if k, ok := e.ErrorKind.(*kind.PropertyNames); ok {
		var why []Problem
		for _, c := range e.Causes {
			leaves(doc, c, &why)
		}
		msg := fmt.Sprintf("the key %q is not allowed", k.Property)
		if len(why) > 0 {
			msg += ": " + why[0].Message
		}
		// santhosh-tekuri/jsonschema v6.0.3 keeps a propertyNames error's
		// instance location in a slice it goes on changing (upstream PR
		// #269), so the location can name a sibling. Find the key's real
		// places instead: objects held by the field the schema names.
		field := ""
		if u, ok := strings.CutSuffix(e.SchemaURL, "/propertyNames"); ok {
			field = u[strings.LastIndexByte(u, '/')+1:]
		}
		places := doc.places(field, k.Property)
		if len(places) == 0 {
			places = []string{at}
		}
		for _, pl := range places {
			*out = append(*out, Problem{Path: problem.Join(pl, k.Property), Message: msg})
		}
		return
	}
	switch e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		// One problem for the value, naming what each alternative wanted.
		var alts []Problem
		for _, c := range e.Causes {
			leaves(doc, c, &alts)
		}
		msgs := make([]string, len(alts))
		for i, a := range alts {
			msgs[i] = a.Message
		}
		slices.Sort(msgs)
		*out = append(*out, Problem{Path: at, Message: "matches none of the allowed forms: " + strings.Join(slices.Compact(msgs), "; or ")})
		return
	}
	if len(e.Causes) == 0 {
		switch k := e.ErrorKind.(type) {
		case *kind.AdditionalProperties:
			// One problem per unknown key, at the key.
			for _, name := range k.Properties {
				*out = append(*out, Problem{Path: problem.Join(at, name), Message: fmt.Sprintf("unknown field %q", name)})
			}
		case *kind.Required:
			for _, name := range k.Missing {
				*out = append(*out, Problem{Path: at, Message: fmt.Sprintf("missing required field %q", name)})
			}
		default:
			*out = append(*out, Problem{Path: at, Message: e.ErrorKind.LocalizedString(printer)})
		}
		return
	}
	for _, c := range e.Causes {
		leaves(doc, c, out)
	}
}

// instance is the document being validated, with an index of where each
// key of each map-valued field occurs, built on first use.
type instance struct {
	doc any
	idx map[string][]string // field + "\x00" + key -> pointers of the objects
}

// places returns the JSON pointers of the objects held under the key
// field that have the key key, in document order.
func (in *instance) places(field, key string) []string {
	if in.idx == nil {
		in.idx = map[string][]string{}
		in.index(in.doc, "")
	}
	return in.idx[field+"\x00"+key]
}

func (in *instance) index(doc any, at string) {
	switch v := doc.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			sub, path := v[k], problem.Join(at, k)
			if obj, ok := sub.(map[string]any); ok {
				for key := range obj {
					in.idx[k+"\x00"+key] = append(in.idx[k+"\x00"+key], path)
				}
			}
			in.index(sub, path)
		}
	case []any:
		for i, sub := range v {
			in.index(sub, problem.Join(at, i))
		}
	}
}
