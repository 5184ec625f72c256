package schema

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/wlpmodel/wlp/problem"
)

// Problem is one place where a document breaks its schema. It is another
// name for [problem.Problem], documented there: its Path is the JSON
// pointer of the place and its Message says what is wrong.
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

// printer is why golang.org/x/text is imported: the validator words its
// messages through a *message.Printer, and Validate uses that English
// wording for the kinds of problem it does not word itself.
var printer = message.NewPrinter(language.English)

// Validate checks doc against the schema of a document kind and returns
// every violation, each with the JSON pointer of its place; none means the
// document is valid. doc must be in the form encoding/json decodes into an
// any with UseNumber (or float64 numbers): maps, slices, strings, bools,
// nil and numbers. Formats (such as "date") are asserted.
//
// The loaders (wlp.Load, profile.Load) do not call Validate: their own
// checks reject every document the framework and profile schemas reject,
// at the places the schema faults, and more (a differential test and
// fuzz target hold them to that). Validate is for checking a document
// against the schema itself, as `wlp validate` does, and for the other
// kinds.
//
// Validate costs what the validator costs: time linear in the size of
// doc, and about 200 bytes allocated per value it checks, plus the error
// tree and one problem per place it faults (so a document faulted in a
// million places costs a million problems). Problem messages about a
// value's type and bounds use the loaders' words ("expected an integer,
// found a number").
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
	in := &instance{doc: doc}
	in.want(ve)
	leaves(in, ve, &out)
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
		places := doc.places(propertyNamesField(e), k.Property)
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
		case *kind.Type:
			*out = append(*out, Problem{Path: at, Message: typeMessage(k)})
		case *kind.MinLength, *kind.MaxLength, *kind.Pattern, *kind.Minimum, *kind.Maximum,
			*kind.ExclusiveMinimum, *kind.ExclusiveMaximum, *kind.Format:
			*out = append(*out, Problem{Path: at, Message: boundMessage(k)})
		default:
			*out = append(*out, Problem{Path: at, Message: e.ErrorKind.LocalizedString(printer)})
		}
		return
	}
	for _, c := range e.Causes {
		leaves(doc, c, out)
	}
}

// typeMessage says that a value is of the wrong JSON type in the words
// the loaders use ("expected an integer, found a number"), not the
// validator's ("got number, want integer").
func typeMessage(k *kind.Type) string {
	want := make([]string, len(k.Want))
	for i, w := range k.Want {
		want[i] = typeName(w)
	}
	if k.Got == "null" {
		return "null is not allowed here; expected " + strings.Join(want, " or ")
	}
	return "expected " + strings.Join(want, " or ") + ", found " + typeName(k.Got)
}

// boundMessage says that a value is outside a bound the schema sets, in
// the loaders' words, with long values shortened (a pattern or a value can
// be kilobytes long).
func boundMessage(k jsonschema.ErrorKind) string {
	switch k := k.(type) {
	case *kind.MinLength:
		if k.Got == 0 {
			return "the string is empty"
		}
		return fmt.Sprintf("the string has %d characters, fewer than the %d required", k.Got, k.Want)
	case *kind.MaxLength:
		return fmt.Sprintf("the string has %d characters, more than the limit of %d", k.Got, k.Want)
	case *kind.Pattern:
		return fmt.Sprintf("%s does not match the pattern %s", problem.Quote(k.Got), problem.Quote(k.Want))
	case *kind.Minimum:
		return fmt.Sprintf("%s is below the lowest value allowed, %s", decimal(k.Got), decimal(k.Want))
	case *kind.Maximum:
		return fmt.Sprintf("%s is above the highest value allowed, %s", decimal(k.Got), decimal(k.Want))
	case *kind.ExclusiveMinimum:
		return fmt.Sprintf("%s must be greater than %s", decimal(k.Got), decimal(k.Want))
	case *kind.ExclusiveMaximum:
		return fmt.Sprintf("%s must be less than %s", decimal(k.Got), decimal(k.Want))
	case *kind.Format:
		got := fmt.Sprint(k.Got)
		if s, ok := k.Got.(string); ok {
			got = problem.Quote(s)
		}
		return fmt.Sprintf("%s is not a valid %s", got, k.Want)
	}
	return k.LocalizedString(printer)
}

// decimal writes r as a decimal: exactly when it has at most 20 digits
// after the point, else rounded to 20.
func decimal(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	s := r.FloatString(20)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// typeName names a JSON Schema type with its article.
func typeName(t string) string {
	switch t {
	case "integer", "object", "array":
		return "an " + t
	case "null":
		return "null"
	}
	return "a " + t
}

// instance is the document being validated, and where in it the keys
// that propertyNames errors name occur.
type instance struct {
	doc any
	// wanted maps a field and a key, as field+"\x00"+key, to the pointers
	// of the objects held under that field that have that key: found by
	// one walk of the document, for every propertyNames error at once.
	wanted map[string][]string
	walked bool
}

// propertyNamesField returns the field whose objects a propertyNames
// error is about, from the error's schema location.
func propertyNamesField(e *jsonschema.ValidationError) string {
	if u, ok := strings.CutSuffix(e.SchemaURL, "/propertyNames"); ok {
		return u[strings.LastIndexByte(u, '/')+1:]
	}
	return ""
}

// want notes the field and key of every propertyNames error in e's tree.
func (in *instance) want(e *jsonschema.ValidationError) {
	if k, ok := e.ErrorKind.(*kind.PropertyNames); ok {
		if in.wanted == nil {
			in.wanted = map[string][]string{}
		}
		in.wanted[propertyNamesField(e)+"\x00"+k.Property] = nil
	}
	for _, c := range e.Causes {
		in.want(c)
	}
}

// places returns the JSON pointers of the objects held under the key
// field that have the key key, in document order: at most
// problem.MaxReported of them in all, in problem.MaxReportedBytes.
func (in *instance) places(field, key string) []string {
	if !in.walked {
		in.walked = true
		var w walker
		w.in = in
		w.walk(in.doc, "")
	}
	return in.wanted[field+"\x00"+key]
}

// walker walks a document, keeping the path to where it is as a stack of
// tokens and rendering a pointer only where a wanted key is found, so
// that a walk costs time and memory linear in the document, however deep.
type walker struct {
	in   *instance
	path []string // escaped reference tokens
	n    int      // places found
	size int      // their length in bytes
}

func (w *walker) pointer() string {
	if len(w.path) == 0 {
		return ""
	}
	return "/" + strings.Join(w.path, "/")
}

// walk walks v, held under the key field ("" for an array item or the
// root).
func (w *walker) walk(v any, field string) {
	switch v := v.(type) {
	case map[string]any:
		if field != "" && w.n < problem.MaxReported && w.size < problem.MaxReportedBytes {
			for key := range v {
				k := field + "\x00" + key
				if ps, ok := w.in.wanted[k]; ok {
					p := w.pointer()
					w.in.wanted[k] = append(ps, p)
					w.n++
					w.size += len(p)
				}
			}
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			w.path = append(w.path, problem.Escape(k))
			w.walk(v[k], k)
			w.path = w.path[:len(w.path)-1]
		}
	case []any:
		for i, x := range v {
			w.path = append(w.path, strconv.Itoa(i))
			w.walk(x, "")
			w.path = w.path[:len(w.path)-1]
		}
	}
}
