package profile

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
)

// Review is one rater's view of a person: the levels they gave, as in
// a 360-degree review where the person, their manager, peers, direct
// reports and tests each assess the same competencies.
type Review struct {
	// Rater names who assessed, such as a name or an employee ID; it may
	// be empty for anonymous feedback. It is at most 64 characters and
	// holds no control characters (see [MaxRaterLen]).
	Rater string `json:"rater,omitempty" jsonschema:"maxLength=64,pattern=^[^\\x00-\\x1f\\x7f-\\x9f]*$"`
	// Source says what kind of rater this is: self, manager, peer,
	// direct-report or assessment.
	Source Source `json:"source,omitempty"`
	// AssessedAt is the date of the assessment as YYYY-MM-DD, or empty.
	AssessedAt string `json:"assessedAt,omitempty" jsonschema:"format=date,pattern=^[0-9]{4}-[0-9]{2}-[0-9]{2}$"`
	// Levels maps competency and area IDs to the level this rater gave;
	// it rates at least one.
	Levels map[competency.ID]competency.Level `json:"levels"`
	// Evidence lists what supports this rater's levels: links, documents
	// or observations.
	Evidence []string `json:"evidence,omitempty"`
	// Note is a free-text remark on the assessment.
	Note string `json:"note,omitempty"`
	// Carried records, for each level carried from another framework
	// through a crosswalk, where it came from; its keys are IDs of Levels.
	Carried map[competency.ID]Carried `json:"carried,omitempty"`
}

// Policy says how [Profile.Combine] turns several views of one
// competency into one rating. Each policy decides which views it counts
// and the level it gives; the views it counts that gave exactly that
// level support the combined rating and lend it their source, date and
// evidence.
type Policy string

// The combining policies.
const (
	// Median counts every view and takes the median level; with an even
	// number of views it takes the lower of the two middle levels, so a
	// split verdict does not round up. The views at the median level
	// support the rating.
	Median Policy = "median"
	// ManagerFirst counts the manager's views where there are any, and
	// takes the manager's level (the lowest, if several managers rated);
	// elsewhere it counts every view and takes the median, as Median
	// does. The counted views at the level taken support the rating.
	ManagerFirst Policy = "manager-first"
	// MeanExceptSelf counts every view but the person's own (or the
	// person's own where nobody else rated) and takes their mean, rounded
	// to the nearest level with halves rounding down. The counted views
	// that gave exactly that level support the rating; a mean that no
	// single view gave (the mean of 2 and 5 is 3) has no support, so it
	// carries no source, date or evidence.
	MeanExceptSelf Policy = "mean-except-self"
)

// Policies returns the combining policies in a fixed order.
func Policies() []Policy { return []Policy{Median, ManagerFirst, MeanExceptSelf} }

// valid reports whether pol is a policy or empty (a direct rating).
func (pol Policy) valid() bool {
	return pol == "" || pol == Median || pol == ManagerFirst || pol == MeanExceptSelf
}

// DisagreementLevels is the spread, in levels, between the lowest and the
// highest rater at which [Profile.Combine] flags a disagreement.
const DisagreementLevels = 2

// Limits on what [Profile.Combine] writes into one combined rating, so
// that what it adds to a profile is bounded whatever the number of
// raters.
const (
	// MaxCombinedEvidence is the most evidence items a combined rating
	// carries.
	MaxCombinedEvidence = 4
	// MaxCombinedEvidenceBytes bounds the JSON of a combined rating's
	// evidence list, the items' quotes, escapes and commas included.
	MaxCombinedEvidenceBytes = 512
	// MaxCombinedBytes bounds the JSON (as encoding/json writes it) of
	// one combined rating, its key not included.
	MaxCombinedBytes = 1024
)

// Disagreement flags a competency on which raters differ by
// [DisagreementLevels] or more, so that reports show it instead of
// averaging it away.
type Disagreement struct {
	// ID is the competency or area.
	ID competency.ID `json:"id"`
	// Low and High are the lowest and highest levels given.
	Low  competency.Level `json:"low"`
	High competency.Level `json:"high"`
	// Views lists every view's level, as "source rater: level" (or
	// "source: level" without a rater) in the order the reviews come, a
	// direct rating last.
	Views []string `json:"views"`
}

// view is one level given to one ID: the review that gave it (an index
// into the combined profile's reviews, where a direct rating counted as
// a view has become a review) and the level.
type view struct {
	review int
	level  competency.Level
}

// Combine merges the profile's reviews into its ratings by the policy pol
// and returns the merged profile (a copy: p is unchanged) with the
// disagreements found, in ID order.
//
// For each ID that a review rates, the views are the reviews' levels, in
// the order the reviews come, and then the profile's direct rating of the
// ID, if it has one: a direct rating is one more view, with its own source,
// date, evidence and note, and takes part in the policy like a review. In
// the merged profile that direct rating is kept as a review of its own
// (appended after the given reviews, in ID order, with no rater), and its
// place in the ratings goes to the combined rating, whose Combined field
// names the policy. Ratings of IDs no review rates stay as they are.
//
// A combined rating takes from the views that support its level (see
// [Policy]) and from no others: its source is theirs when they share one
// and unstated otherwise, its date is the latest of theirs, and its
// evidence is theirs, in view order, without repeats and at most
// [MaxCombinedEvidence] items in [MaxCombinedEvidenceBytes] (what does not
// fit stays in the views, and the note says so). Its note is Combine's
// own: the policy, how many views there were and their levels (each
// view's source and level for up to six views, else how many gave each
// level), and whether raters disagree by [DisagreementLevels] or more; it
// names no rater, and a view's note is never copied. So a self
// rating of 1 and an assessment of 5 with a certificate combine by Median
// into a self rating of 1 with the self view's date and no certificate,
// while the assessment stays in the reviews with its level, date and
// evidence.
//
// A combined rating is at most [MaxCombinedBytes] of JSON, so, marshalled
// with encoding/json, the merged profile is larger than p by at most
// MaxCombinedBytes plus the ID's length plus 24 bytes for each ID the
// reviews rate, however many raters there are; a profile that is smaller
// than [DefaultMaxBytes] by that much loads again after Combine.
//
// Combine recomputes a rating that an earlier Combine made (one whose
// Combined is set) instead of counting it as a view, so the merged
// profile can be combined again, with the same or another policy, and
// gives what that policy gives on p. A profile that fails
// [Profile.Validate] is an error: levels off the scale do not combine.
//
// Combine costs O(size of p + n log n) time for the n IDs the reviews rate
// (it looks at no more than 16 evidence items for one ID, however long the
// evidence lists of its views), and O(size of p) memory: the copy it
// returns, and the disagreements, whose labels it makes once per review
// and level and shares. For 1,000 raters of 30 IDs each it allocates
// about 6 bytes per byte of the profile's JSON.
func (p Profile) Combine(pol Policy) (Profile, []Disagreement, error) {
	if pol == "" || !pol.valid() {
		return Profile{}, nil, fmt.Errorf("profile: unknown policy %s (want median, manager-first or mean-except-self)", problem.Quote(string(pol)))
	}
	if err := p.Validate(); err != nil {
		return Profile{}, nil, err // levels off the scale would combine into nonsense
	}
	if len(p.Reviews) == 0 {
		return p.Clone(), nil, nil
	}
	views := map[competency.ID][]view{}
	for i, a := range p.Reviews {
		for id, l := range a.Levels {
			views[id] = append(views[id], view{i, l})
		}
	}
	ids := slices.Sorted(maps.Keys(views))
	out := p.Clone()
	if out.Ratings == nil {
		out.Ratings = make(map[competency.ID]Rating, len(ids))
	}
	// Direct ratings of reviewed IDs become reviews, the last views.
	for _, id := range ids {
		r, ok := out.Ratings[id]
		if !ok || r.Combined != "" {
			continue
		}
		views[id] = append(views[id], view{len(out.Reviews), r.Level})
		rv := Review{
			Source: r.Source, AssessedAt: r.AssessedAt, Levels: map[competency.ID]competency.Level{id: r.Level},
			Evidence: r.Evidence, Note: r.Note,
		}
		if r.Carried != nil {
			// A rating carried from another framework keeps its record
			// as the review it becomes.
			rv.Carried = map[competency.ID]Carried{id: *r.Carried}
		}
		out.Reviews = append(out.Reviews, rv)
	}
	c := combiner{pol: pol, reviews: out.Reviews}
	var dis []Disagreement
	for _, id := range ids {
		vs := views[id]
		out.Ratings[id] = c.rating(vs)
		low, high := vs[0].level, vs[0].level
		for _, v := range vs {
			low, high = min(low, v.level), max(high, v.level)
		}
		if high-low >= DisagreementLevels {
			dis = append(dis, Disagreement{ID: id, Low: low, High: high, Views: c.labels(vs)})
		}
	}
	return out, dis, nil
}

// combiner combines the views of one ID after another.
type combiner struct {
	pol     Policy
	reviews []Review
	// label[i][l] is the label of review i's level l, made when first
	// needed and shared by every disagreement that shows it.
	label []*[competency.MaxLevel + 1]string
	// examined counts the evidence items looked at for the current ID,
	// examinedTotal for all so far.
	examined, examinedTotal int
}

// maxExamined is the most evidence items Combine looks at for one ID.
const maxExamined = 4 * MaxCombinedEvidence

// rating combines one ID's views.
func (c *combiner) rating(vs []view) Rating {
	src := func(v view) Source { return c.reviews[v.review].Source }
	var count [competency.MaxLevel + 1]int
	for _, v := range vs {
		count[v.level]++
	}
	// counted says which views the policy counts; level is what it gives.
	counted := func(view) bool { return true }
	level := lowerMedian(count, len(vs))
	var detail string
	switch c.pol {
	case ManagerFirst:
		managers, lowest := 0, competency.MaxLevel
		for _, v := range vs {
			if src(v) == Manager {
				managers++
				lowest = min(lowest, v.level)
			}
		}
		switch {
		case managers == 1:
			counted, level, detail = func(v view) bool { return src(v) == Manager }, lowest, "; the manager's level"
		case managers > 1:
			counted, level = func(v view) bool { return src(v) == Manager }, lowest
			detail = fmt.Sprintf("; the lowest of %d managers' levels", managers)
		default:
			detail = "; no manager rated, so the median"
		}
	case MeanExceptSelf:
		sum, n := 0, 0
		for _, v := range vs {
			if src(v) != Self {
				sum += int(v.level)
				n++
			}
		}
		if n > 0 {
			counted = func(v view) bool { return src(v) != Self }
			detail = fmt.Sprintf("; the views but self average %.2f", float64(sum)/float64(n))
		} else {
			for _, v := range vs {
				sum += int(v.level)
			}
			n = len(vs)
			detail = fmt.Sprintf("; only self views, averaging %.2f", float64(sum)/float64(n))
		}
		// The nearest level, halves down: floor(mean + 0.5 - epsilon).
		level = competency.Level((2*sum + n - 1) / (2 * n))
	}

	r := Rating{Level: level, Combined: c.pol}
	var b strings.Builder
	fmt.Fprintf(&b, "%s of %d %s (", c.pol, len(vs), plural(len(vs), "view"))
	if len(vs) <= 6 {
		for i, v := range vs {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s %d", src(v), v.level)
		}
	} else {
		first := true
		for l, n := range count {
			switch {
			case n == 0:
			case first:
				fmt.Fprintf(&b, "%d at level %d", n, l)
				first = false
			default:
				fmt.Fprintf(&b, ", %d at %d", n, l)
			}
		}
	}
	b.WriteString(")")
	b.WriteString(detail)

	// The supporting views lend their source, date and evidence. A
	// review's evidence stands behind each of its levels, so the same list
	// may be looked at for many IDs: each ID looks at no more than
	// maxExamined items, and at no item's text beyond what fits, so that
	// the work per ID is bounded whatever the lists hold.
	supported, common, more := false, true, false
	budget := MaxCombinedEvidenceBytes - 2 // the brackets
	for _, v := range vs {
		if v.level != level || !counted(v) {
			continue
		}
		a := c.reviews[v.review]
		if !supported {
			r.Source, supported = a.Source, true
		} else if a.Source != r.Source {
			common = false
		}
		r.AssessedAt = max(r.AssessedAt, a.AssessedAt)
		for _, e := range a.Evidence {
			if len(r.Evidence) == MaxCombinedEvidence || c.examined == maxExamined {
				more = true
				break
			}
			c.examined++
			if slices.Contains(r.Evidence, e) {
				continue
			}
			cost := len(e) + 2 // at least: the quotes
			if cost <= budget {
				cost = jsonLen(e)
			}
			if len(r.Evidence) > 0 {
				cost++ // the comma
			}
			if cost > budget {
				more = true
				continue
			}
			r.Evidence = append(r.Evidence, e)
			budget -= cost
		}
	}
	c.examinedTotal += c.examined
	c.examined = 0
	if !common {
		r.Source = Unstated
	}
	if !supported {
		fmt.Fprintf(&b, "; no view gave level %d, so no source, date or evidence", level)
	}
	if more {
		b.WriteString("; more evidence is in the views")
	}
	low, high := vs[0].level, vs[0].level
	for _, v := range vs {
		low, high = min(low, v.level), max(high, v.level)
	}
	if high-low >= DisagreementLevels {
		fmt.Fprintf(&b, "; raters disagree (%d to %d)", low, high)
	}
	r.Note = b.String()
	return r
}

// lowerMedian returns the lower median of n levels counted by level.
func lowerMedian(count [competency.MaxLevel + 1]int, n int) competency.Level {
	k := (n - 1) / 2 // the index of the lower middle in sorted order
	for l, c := range count {
		if k < c {
			return competency.Level(l)
		}
		k -= c
	}
	return competency.MaxLevel // not reached: the counts sum to n
}

// labels returns the disagreement labels of vs.
func (c *combiner) labels(vs []view) []string {
	if c.label == nil {
		c.label = make([]*[competency.MaxLevel + 1]string, len(c.reviews))
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		ls := c.label[v.review]
		if ls == nil {
			ls = new([competency.MaxLevel + 1]string)
			c.label[v.review] = ls
		}
		if ls[v.level] == "" {
			a := c.reviews[v.review]
			s := a.Source.String()
			if a.Rater != "" {
				s += " " + a.Rater
			}
			ls[v.level] = fmt.Sprintf("%s: %d", s, v.level)
		}
		out[i] = ls[v.level]
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// jsonLen returns the length of s as a JSON string written by
// encoding/json, quotes included: it writes ", \ and the control
// characters \b, \f, \n, \r and \t with a backslash, and the other
// control characters, <, >, &, U+2028 and U+2029 as \uXXXX.
func jsonLen(s string) int {
	n := 2
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t':
				n += 2
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				n += 6
			default:
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2028' || r == '\u2029' || r == utf8.RuneError && size == 1 {
			n += 6
		} else {
			n += size
		}
		i += size
	}
	return n
}
