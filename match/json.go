package match

import (
	"encoding/json"
	"slices"
)

// The documents of match results (result, ranking, team, assignment and
// plan) say that every list is an array, even an empty one. In Go an
// empty list is often nil, which encoding/json writes as null, so the
// types that documents are made of marshal themselves, writing each nil
// list they hold, their own or their elements', as []:
//
//   - Result: Outcomes, Gaps, and the Of of each outcome and gap (Parts,
//     left out of the document when empty, stays as it is);
//   - TeamResult: Members, Covers, Contributions, and each cover's Of and By;
//   - TeamStep: its gap's Of;
//   - Assignment: Hats; Plan: Steps.
//
// Outcome, Gap and Cover have no method of their own: a method on every
// element made a ranking marshal nine times slower, since encoding/json
// checks and copies what each method returns. They are written through
// the type that holds them, which copies its list of them only when one
// holds a nil list (the Matcher never returns one).
//
// Decoding is left to encoding/json, so [] decodes as an empty list that
// is not nil: encoding then decoding gives back an equal value, except
// that a nil list comes back empty (compare with cmpopts.EquateEmpty when
// that matters). Result.Parts, left out of the document when empty,
// comes back nil.
//
// Each method converts its value to a local type with the same fields and
// no methods, so that json.Marshal does not call the method again; fields
// added to a type are marshalled without change here.

// orEmpty returns s, or an empty list when s is nil.
func orEmpty[S ~[]E, E any](s S) S {
	if s == nil {
		return S{}
	}
	return s
}

// fixEach returns s with fix applied to each element when some element
// needs it (need reports that), as a copy; else s itself.
func fixEach[E any](s []E, need func(*E) bool, fix func(*E)) []E {
	for i := range s {
		if need(&s[i]) {
			s = slices.Clone(s)
			for i := range s {
				fix(&s[i])
			}
			return s
		}
	}
	return s
}

// MarshalJSON encodes r as a result document, writing a nil Outcomes,
// Gaps, or Of of an outcome or gap as an empty array.
func (r Result) MarshalJSON() ([]byte, error) {
	d := r.doc()
	return json.Marshal(&d)
}

// resultFields has Result's fields and no methods.
type resultFields Result

// resultDoc is a Result as written: its own fields, with Parts and Gaps
// declared again after them so that they hide the embedded ones and keep
// their place in the document (encoding/json writes the fields of an
// embedded struct where the struct is, and a field that is less deeply
// embedded wins). Its parts hold resultDocs, so the parts' results are
// written in the same call, not each by a MarshalJSON of its own, whose
// output encoding/json would check and copy again.
type resultDoc struct {
	resultFields
	Parts []partDoc `json:"parts,omitempty"`
	Gaps  []Gap     `json:"gaps"`
}

// partFields has Part's fields and no methods.
type partFields Part

// partDoc is a Part as written, its Result declared again after its other
// fields, as in resultDoc.
type partDoc struct {
	partFields
	Result resultDoc `json:"result"`
}

// doc returns r as written, with the nil lists it holds made empty.
func (r *Result) doc() resultDoc {
	d := resultDoc{resultFields: resultFields(*r)}
	d.Outcomes = fixEach(orEmpty(r.Outcomes),
		func(o *Outcome) bool { return o.Of == nil },
		func(o *Outcome) { o.Of = orEmpty(o.Of) })
	d.Gaps = fixEach(orEmpty(r.Gaps),
		func(g *Gap) bool { return g.Of == nil },
		func(g *Gap) { g.Of = orEmpty(g.Of) })
	if len(r.Parts) > 0 {
		d.Parts = make([]partDoc, len(r.Parts))
		for i := range r.Parts {
			d.Parts[i] = partDoc{partFields: partFields(r.Parts[i]), Result: r.Parts[i].Result.doc()}
		}
	}
	return d
}

// MarshalJSON encodes tr as the team part of a team report, writing a nil
// Members, Covers, Contributions, or Of or By of a cover as an empty
// array.
func (tr TeamResult) MarshalJSON() ([]byte, error) {
	type plain TeamResult
	tr.Members, tr.Contributions = orEmpty(tr.Members), orEmpty(tr.Contributions)
	tr.Covers = fixEach(orEmpty(tr.Covers),
		func(c *Cover) bool { return c.Of == nil || c.By == nil },
		func(c *Cover) { c.Of, c.By = orEmpty(c.Of), orEmpty(c.By) })
	return json.Marshal(plain(tr))
}

// MarshalJSON encodes s, writing a nil Of of its gap as an empty array.
func (s TeamStep) MarshalJSON() ([]byte, error) {
	type plain TeamStep
	s.Gap.Of = orEmpty(s.Gap.Of)
	return json.Marshal(plain(s))
}

// MarshalJSON encodes a as an assignment document, writing nil Hats as an
// empty array.
func (a Assignment) MarshalJSON() ([]byte, error) {
	type plain Assignment
	a.Hats = orEmpty(a.Hats)
	return json.Marshal(plain(a))
}

// MarshalJSON encodes p as a plan document, writing nil Steps as an empty
// array.
func (p Plan) MarshalJSON() ([]byte, error) {
	type plain Plan
	p.Steps = orEmpty(p.Steps)
	return json.Marshal(plain(p))
}
