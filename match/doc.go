// Package match scores person profiles against the roles and jobs of a
// framework, explains each score part by part, and ranks people.
//
// Build a [Matcher] once per framework with [New]; it compiles every role
// into dense arrays at once, and each job on its first use, so scoring is
// fast and allocates little. A Matcher is immutable and safe for
// concurrent use by many goroutines.
//
// # Scoring
//
// A missing rating counts as level 0. Against a requirement at level L, a
// rated level earns min(level, L)/L: partial credit in proportion, with no
// credit for surplus above L ([Strict] makes it all or nothing). A
// requirement's score is the mean of the k best such attainments among the
// IDs it lists, where k is its AtLeast (all of them when AtLeast is 0). A
// role's fit is the weighted mean of its requirements' scores; a job's fit
// is the weighted mean of its parts: each role's fit and each of the job's
// own requirement scores. Fits lie in [0, 1].
//
// A [Result] explains the fit: an [Outcome] per requirement, a [Part] per
// role of a job with that role's own result, and the [Gap]s (the unmet
// requirements) in development order: the gap whose closing would raise
// the fit most comes first. Its [Confidence] is [Exact] when every
// requirement is met, else [High], [Low] or [No] by the thresholds
// [HighFit] and [LowFit].
//
// The rules live in one short file, rules.go, one small function each:
// the credit of one rating, a requirement's score from its k best, a
// target's fit as a weighted mean, the confidence grade, a gap's gain and
// the rounding of fits and gains. The rest of the package only makes them
// fast: compile.go tabulates them for each requirement, gaporder.go puts
// gaps in order, index.go and vector.go read a profile. The file
// reference_test.go states the same rules again, as a plain scorer on the
// framework's own types: it is the specification, and the tests and
// benchmarks compare the Matcher with it.
//
// # Cost
//
// A score first reads the profile's ratings into a vector of levels: one
// map access per ID the target needs, or one pass over the ratings when
// the person has fewer ratings than that. From there it reads only the
// vector and the compiled requirements, without a map lookup.
// Against a role, [Matcher.Score] makes three allocations (the outcomes,
// the gaps, and one array for the IDs they list); a job adds its parts,
// and a target too large to have its gap order fixed when compiled adds
// the keys its gaps are sorted by.
// [Matcher.Fit] makes none in frameworks of up to 128 IDs, and
// [Matcher.Rank] builds full results only for the people it returns.
//
// Results are plain data that belong to the caller: nothing a method
// returns shares memory with the Matcher or with another result, so a
// caller may sort, change or decode into what it gets.
//
// Everything is deterministic: the same input always gives the same
// output in the same order.
package match
