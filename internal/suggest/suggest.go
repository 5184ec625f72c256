// Package suggest finds what a mistyped word was meant to be, for the
// did-you-mean of messages: the closest of a list of candidates by edit
// distance, ignoring case, spacing and punctuation.
package suggest

import (
	"strings"
	"unicode"
)

// Key returns s as Closest compares it: lower case, letters and digits
// only, with "&" read as "and" ("Building Trust", "building-trust" and
// "BUILDING_TRUST" all give "buildingtrust"; "Planning & Talent" gives
// "planningandtalent").
func Key(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '&' {
			b.WriteString("and")
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// maxCompared bounds the length of the words Closest compares, in runes:
// longer ones are compared by their first maxCompared runes, so that one
// comparison costs at most maxCompared² steps.
const maxCompared = 64

// Closest returns the candidate that word most likely means, and true;
// or "" and false when none is close enough. A candidate is close when
// its Key is within about a third of its length in edits (insertions,
// deletions, substitutions and swaps of neighbours) of word's, or when
// one Key starts or ends with the other and the shorter holds at least
// 4 runes ("steps" for "max-steps", "complete" for "completion"). The
// closest in edits wins, except that a candidate that starts or ends
// with the whole word ("mean" of "mean-except-self") wins over a near
// spelling of another ("median"). Ties go to the candidate listed first.
//
// Closest costs O(len(candidates)) comparisons of at most 64 runes each.
func Closest(word string, candidates []string) (string, bool) {
	w := []rune(Key(word))
	if len(w) > maxCompared {
		w = w[:maxCompared]
	}
	if len(w) == 0 {
		return "", false
	}
	best, bestRank, bestD := "", 0, -1
	for _, c := range candidates {
		k := []rune(Key(c))
		if len(k) > maxCompared {
			k = k[:maxCompared]
		}
		if len(k) == 0 {
			continue
		}
		d := distance(w, k)
		limit := max(1, (min(len(w), len(k))+2)/3)
		if d > limit && !affix(w, k) {
			continue
		}
		// The word whole at the start or end of a candidate ("mean" of
		// "mean-except-self") wins over a near spelling of another
		// ("median"); only the same word wins over it.
		rank := 2
		switch {
		case d == 0:
			rank = 0
		case len(w) < len(k) && affix(w, k):
			rank = 1
		}
		if bestD < 0 || rank < bestRank || rank == bestRank && d < bestD {
			best, bestRank, bestD = c, rank, d
		}
	}
	return best, bestD >= 0
}

// affix reports whether the shorter of a and b, of 4 runes or more,
// starts or ends the other.
func affix(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 4 && (string(b[:len(a)]) == string(a) || string(b[len(b)-len(a):]) == string(a))
}

// distance returns the optimal string alignment distance of a and b:
// the fewest insertions, deletions, substitutions and swaps of
// neighbouring runes that turn a into b.
func distance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
