package profile

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/problem"
)

// MaxIDLen is the longest profile ID, in bytes. An ID is ASCII, so this is
// also its length in characters.
const MaxIDLen = 64

// IDPattern is the rule of [ValidID] as a regular expression, written in
// the syntax that Go's regexp and ECMA-262 (JSON Schema's dialect) share.
// It also matches the empty string: with a length of 1 to [MaxIDLen]
// characters it is the profile schema's rule for "id", where the length
// alone rejects an empty ID, so that the schema reports one problem for
// it. The reserved device names make the pattern long: a regular
// expression without look-ahead can only spell out every stem (the part
// before the first dot) that is not reserved, by its length.
const IDPattern = `^((` +
	`[A-Za-z0-9_@+]` + // one character
	`|[A-Za-z0-9_@+][A-Za-z0-9_@+-]` + // two
	`|[BD-MOQ-Zbd-moq-z0-9_@+][A-Za-z0-9_@+-][A-Za-z0-9_@+-]` + // three, not starting c, p, a or n
	`|[Cc]([A-NP-Za-np-z0-9_@+-][A-Za-z0-9_@+-]|[Oo][A-MO-Za-mo-z0-9_@+-])` + // c.. but not con
	`|[Pp]([A-QS-Za-qs-z0-9_@+-][A-Za-z0-9_@+-]|[Rr][A-MO-Za-mo-z0-9_@+-])` + // p.. but not prn
	`|[Aa]([A-TV-Za-tv-z0-9_@+-][A-Za-z0-9_@+-]|[Uu][A-WYZa-wyz0-9_@+-])` + // a.. but not aux
	`|[Nn]([A-TV-Za-tv-z0-9_@+-][A-Za-z0-9_@+-]|[Uu][A-KM-Za-km-z0-9_@+-])` + // n.. but not nul
	`|[ABD-KM-Zabd-km-z0-9_@+][A-Za-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-]` + // four, not starting c or l
	`|[Cc]([A-NP-Za-np-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-]|[Oo]([A-LN-Za-ln-z0-9_@+-][A-Za-z0-9_@+-]|[Mm][A-Za-z_@+-]))` + // c... but not com and a digit
	`|[Ll]([A-OQ-Za-oq-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-]|[Pp]([A-SU-Za-su-z0-9_@+-][A-Za-z0-9_@+-]|[Tt][A-Za-z_@+-]))` + // l... but not lpt and a digit
	`|[A-Za-z0-9_@+][A-Za-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-][A-Za-z0-9_@+-]+` + // five and more
	`)([.][A-Za-z0-9._@+-]*[A-Za-z0-9_@+-])?)?$` // then, after a dot, anything allowed not ending in a dot

// ValidID reports whether s is a well-formed profile ID. Profile IDs are
// employee numbers, user names and e-mail addresses such as "E1001",
// "ANA-0042" and "jo.smith@example.com", and they name files when people
// are imported from spreadsheets, so the rule keeps them safe as a file
// name on Linux, macOS and Windows and as a word on a command line. An ID
//
//   - is 1 to [MaxIDLen] bytes long;
//   - holds only ASCII letters and digits and the marks . _ @ + and - (so
//     no spaces, no control or invisible characters, no path separators / or
//     \ and none of Windows' forbidden : * ? " < > |);
//   - does not start with a dot (a hidden file; this also rules out "." and
//     "..") or a hyphen (it would read as a command-line flag), and does
//     not end with a dot (Windows drops it);
//   - is not a device name that Windows reserves, alone or before a dot, in
//     any case: CON, PRN, AUX, NUL, COM0 to COM9 and LPT0 to LPT9 (so
//     neither "nul" nor "Com1.json").
//
// Letters outside ASCII, as in "Zoë", are not allowed: an ID is a key for
// programs, and two spellings of one letter (a precomposed ë, or e and a
// combining diaeresis) look the same but would be two people. A person's
// name belongs in [Profile.Name], which takes any text. IDs are
// case-sensitive: "E1001" and "e1001" are two IDs, which a file system that
// ignores case (as Windows and macOS do by default) cannot tell apart.
//
// [IDPattern] is the same rule as a regular expression. ValidID costs
// O(len(s)) time and no allocation.
func ValidID(s string) bool {
	return idProblem(s) == ""
}

// idMarks are the characters besides ASCII letters and digits that an ID
// may hold.
const idMarks = "._@+-"

// reservedStems are the device names Windows reserves, in lower case.
var reservedStems = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com0": true, "com1": true, "com2": true, "com3": true, "com4": true,
	"com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt0": true, "lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true,
	"lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// idProblem says what is wrong with ID s, or returns "" when it is
// valid.
func idProblem(s string) string {
	if s == "" {
		return "the profile has no ID"
	}
	if len(s) > MaxIDLen {
		return fmt.Sprintf("the ID %s is longer than the limit of %d bytes", problem.Quote(s), MaxIDLen)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(idMarks, c) >= 0 {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return "the ID is not valid UTF-8"
		}
		return fmt.Sprintf("the ID %s holds %s, which an ID may not: use ASCII letters, digits and the marks . _ @ + -", problem.Quote(s), describeRune(r))
	}
	switch {
	case s[0] == '.' || s[0] == '-':
		return fmt.Sprintf("the ID %s starts with %q; start it with a letter, a digit, _, @ or +", problem.Quote(s), s[0])
	case s[len(s)-1] == '.':
		return fmt.Sprintf("the ID %s ends with a dot, which Windows drops from file names", problem.Quote(s))
	}
	stem, _, _ := strings.Cut(s, ".")
	if len(stem) <= 4 && reservedStems[strings.ToLower(stem)] {
		return fmt.Sprintf("the ID %s is a device name that Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9), so it cannot name a file", problem.Quote(s))
	}
	return ""
}

// describeRune names a character for a message: quoted when it prints,
// and by its code point too when it is a space or invisible.
func describeRune(r rune) string {
	q := fmt.Sprintf("%q", r)
	if r == ' ' || strings.HasPrefix(q, `'\`) || !utf8.ValidRune(r) {
		return fmt.Sprintf("%s (%U)", q, r)
	}
	return q
}

// MaxRaterLen is the longest [Review.Rater], in characters (Unicode code
// points, as JSON Schema counts a string's length).
const MaxRaterLen = 64

// raterProblem says what is wrong with a review's rater, or returns ""
// when it is fine: at most MaxRaterLen characters of valid UTF-8 and no
// control characters (U+0000 to U+001F and U+007F to U+009F).
func raterProblem(s string) string {
	if !utf8.ValidString(s) {
		return "the rater is not valid UTF-8"
	}
	n := 0
	for _, r := range s {
		if r < 0x20 || 0x7f <= r && r <= 0x9f {
			return fmt.Sprintf("the rater %s holds the control character %s", problem.Quote(s), describeRune(r))
		}
		n++
	}
	if n > MaxRaterLen {
		return fmt.Sprintf("the rater %s has %d characters, more than the limit of %d", problem.Quote(s), n, MaxRaterLen)
	}
	return ""
}
