// Package profile holds person profiles: who a person is and how proficient
// they are in each competency and area of expertise, with where each rating
// came from and the evidence behind it.
//
// A [Profile] is plain data; build one in Go or read one from JSON with
// [Load], which is strict: unknown fields, duplicate keys, levels off the
// scale, unknown sources and malformed documents are errors that name their
// place by JSON pointer, the first 1,000 of them with a count of the rest.
// A profile knows nothing of frameworks: use wlp.Framework.ValidateProfile
// to check that every rated ID exists in the framework you score against.
//
// A profile's ID is an employee number, user name or e-mail address that
// is safe as a file name on every common system: see [ValidID] for the
// rule, which the profile schema states too.
//
// A profile may carry [Review]s, several raters' views of the person as in
// a 360-degree review. [Profile.Combine] merges them, with any direct
// rating of the same competency, into one rating each by a [Policy], and
// flags where raters disagree. A combined rating takes its source, date and
// evidence only from the views that gave its level, and what Combine adds
// to a profile is bounded per competency, so that a profile that loads
// still loads once combined.
package profile
