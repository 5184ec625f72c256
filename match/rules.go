package match

import (
	"math"

	"github.com/wlpmodel/wlp/competency"
)

// This file holds the scoring rules, one small function each. The rest of
// the package makes them fast (compile.go tabulates them per requirement,
// gaporder.go puts gaps in order without a sort, index.go finds a rating's
// place) but decides nothing: every score, fit, grade and gain comes from
// here. reference_test.go states the same rules again, plainly, on the
// framework's own types, and the tests compare the two.

// clampLevel returns a rating's level on the scale: a level below it
// counts as 0, like a missing rating, and one above it as the top level.
func clampLevel(l competency.Level) int8 {
	return int8(min(max(l, competency.MinLevel), competency.MaxLevel))
}

// credit is what one rating earns toward a requirement at level need
// (need >= 1): the rating's level have, but no more than need, so surplus
// above need earns nothing. Strict credit is all or nothing: need when
// have reaches need, else 0. A missing rating is level 0 and earns 0.
func credit(have, need int8, strict bool) int {
	switch {
	case have >= need:
		return int(need)
	case strict:
		return 0
	}
	return int(have)
}

// levelCounts counts the ratings of a requirement's IDs by level: c[l] is
// how many of them are at level l.
type levelCounts [competency.MaxLevel + 1]int32

// best returns the state of a requirement that k of the counted IDs must
// reach need: the credit of its k best ratings, summed. It also returns
// the k-th best level, which a result reports as the requirement's Have
// (for a single ID, the person's level). When fewer than k IDs are
// counted, the missing ones count as level 0.
func (c *levelCounts) best(k int, need int8, strict bool) (state int, kth int8) {
	left := int32(k)
	for l := int8(competency.MaxLevel); l >= 0; l-- {
		n := min(c[l], left)
		state += int(n) * credit(l, need, strict)
		if left -= n; left == 0 {
			return state, l
		}
	}
	return state, 0
}

// score is a requirement's score from its state: state / most, where most
// is k × need, the credit of k ratings that reach need. So a single ID
// scores min(have, need)/need, and a group the mean of its k best
// attainments. A met requirement scores exactly 1.
func score(state, most int) float64 {
	if state >= most {
		return 1
	}
	return float64(state) / float64(most)
}

// fitOf returns a target's fit: the weighted mean sum/total, where sum is
// the weighted sum of its requirements' scores (and, for a job, of its
// parts' fits) and total the sum of their weights; rounded (see round)
// and kept in [0, 1]. met reports whether every requirement is met: only
// then is the fit 1, since a requirement weighted a millionth of the rest
// could otherwise round away.
func fitOf(sum, total float64, met bool) float64 {
	if met {
		return 1
	}
	f := round(min(max(sum/total, 0), 1))
	if f == 1 {
		f = 1 - 1e-12
	}
	return f
}

// grade returns a fit's confidence: Exact when every requirement is met,
// else High from the fit high, Low from the fit low, and No below.
func grade(fit float64, met bool, low, high float64) Confidence {
	switch {
	case met:
		return Exact
	case fit >= high:
		return High
	case fit >= low:
		return Low
	}
	return No
}

// rise is how much meeting an unmet requirement, alone, would raise its
// target's fit: its share of the fit (its weight over the total weight,
// times the part's share for a requirement of a job's part) times what its
// score lacks of 1.
func rise(share, s float64) float64 { return share * (1 - s) }

// gain returns a rise in fit as a result reports it: rounded, and never 0,
// so a requirement too light for 12 decimals still gains the smallest
// step.
func gain(rise float64) float64 { return max(round(rise), 1e-12) }

// round rounds x to 12 decimal places. Fits and gains are sums of
// fractions taken in different orders, so values that are equal by hand
// (3/5, or 1/168 reached through two different roles) can differ in the
// last bits of a float64; rounding makes them compare equal, so
// confidence thresholds and ties behave as the arithmetic says.
func round(x float64) float64 { return math.Round(x*1e12) / 1e12 }

// The order of gaps is a rule too, the development priority: the largest
// gain first; equal gains by the first ID of the requirement's Of list (in
// byte order); then the job's own requirements before its parts', parts
// by role ID; then the order the requirements are listed in. compile.go
// fixes each target's order once (target.finish), gaporder.go follows it
// without sorting, and reference_test.go's sortGaps states it plainly.
