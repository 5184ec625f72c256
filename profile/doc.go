// Package profile holds person profiles: who a person is and how proficient
// they are in each competency and area of expertise, with where each rating
// came from and the evidence behind it.
//
// A [Profile] is plain data; build one in Go or read one from JSON with
// [Load], which is strict: unknown fields, duplicate keys, levels off the
// scale, unknown sources and malformed documents are errors that name their
// place by JSON pointer. A profile knows nothing of frameworks: use
// wlp.Framework.ValidateProfile to check that every rated ID exists in the
// framework you score against.
package profile
