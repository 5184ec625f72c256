package match

import (
	"fmt"
	"strconv"
)

// Confidence grades a fit: how confident one can be that the person can
// wear the role or hold the job now.
type Confidence int

// The confidence grades, lowest first.
const (
	No    Confidence = iota // fit below LowFit
	Low                     // fit at least LowFit
	High                    // fit at least HighFit
	Exact                   // every requirement fully met
)

// The default fit thresholds of the confidence grades. Change them for one
// Matcher with [Thresholds].
const (
	HighFit = 0.85 // lowest fit graded High
	LowFit  = 0.60 // lowest fit graded Low
)

var confidenceNames = [...]string{"no", "low", "high", "exact"}

// String returns the grade's name: "no", "low", "high" or "exact".
func (c Confidence) String() string {
	if c >= No && c <= Exact {
		return confidenceNames[c]
	}
	return "confidence(" + strconv.Itoa(int(c)) + ")"
}

// confidenceWords are the words people read for the grades.
var confidenceWords = [...]string{"weak", "partial", "strong", "full"}

// Word returns the word people read for the grade, as the wlp command's
// tables and package report's pages print it: "weak", "partial",
// "strong" or "full". It says how well the person fits, where String is
// the grade's name in documents ("no", "low", "high", "exact").
func (c Confidence) Word() string {
	if c >= No && c <= Exact {
		return confidenceWords[c]
	}
	return c.String()
}

// MarshalText encodes c as its name, so JSON carries "high", not 2.
func (c Confidence) MarshalText() ([]byte, error) {
	if c < No || c > Exact {
		return nil, fmt.Errorf("match: invalid confidence %d", int(c))
	}
	return []byte(confidenceNames[c]), nil
}

// UnmarshalText decodes a grade's name.
func (c *Confidence) UnmarshalText(b []byte) error {
	for i, n := range confidenceNames {
		if string(b) == n {
			*c = Confidence(i)
			return nil
		}
	}
	return fmt.Errorf("match: unknown confidence %q (want no, low, high or exact)", b)
}
