package profile

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/wlpmodel/wlp/competency"
)

// Review is one rater's view of a person: the levels they gave, as in
// a 360-degree review where the person, their manager, peers, direct
// reports and tests each assess the same competencies.
type Review struct {
	// Rater names who assessed, such as a name or an employee ID; it may
	// be empty for anonymous feedback.
	Rater string `json:"rater,omitempty"`
	// Source says what kind of rater this is: self, manager, peer,
	// direct-report or assessment.
	Source Source `json:"source,omitempty"`
	// AssessedAt is the date of the assessment as YYYY-MM-DD, or empty.
	AssessedAt string `json:"assessedAt,omitempty" jsonschema:"format=date,pattern=^[0-9]{4}-[0-9]{2}-[0-9]{2}$"`
	// Levels maps competency and area IDs to the level this rater gave;
	// it rates at least one.
	Levels map[competency.ID]competency.Level `json:"levels"`
	// Note is a free-text remark on the assessment.
	Note string `json:"note,omitempty"`
}

// Policy says how [Profile.Combine] turns several raters' levels for one
// competency into one rating.
type Policy string

// The combining policies.
const (
	// Median takes the median of every rater's level; with an even number
	// of raters it takes the lower of the two middle levels, so a split
	// verdict does not round up.
	Median Policy = "median"
	// ManagerFirst takes the manager's level where a manager gave one (the
	// lowest, if several did), and the median of the others elsewhere.
	ManagerFirst Policy = "manager-first"
	// MeanExceptSelf takes the mean of every rater but the person
	// themselves, rounded to the nearest level (halves round down); the
	// self-rating counts only where nobody else rated.
	MeanExceptSelf Policy = "mean-except-self"
)

// Policies returns the combining policies in a fixed order.
func Policies() []Policy { return []Policy{Median, ManagerFirst, MeanExceptSelf} }

// DisagreementLevels is the spread, in levels, between the lowest and the
// highest rater at which [Profile.Combine] flags a disagreement.
const DisagreementLevels = 2

// Disagreement flags a competency on which raters differ by
// [DisagreementLevels] or more, so that reports show it instead of
// averaging it away.
type Disagreement struct {
	// ID is the competency or area.
	ID competency.ID `json:"id"`
	// Low and High are the lowest and highest levels given.
	Low  competency.Level `json:"low"`
	High competency.Level `json:"high"`
	// Views lists every rater's level, as "source rater: level" in the
	// order the reviews come.
	Views []string `json:"views"`
}

// view is one rater's level for one ID.
type view struct {
	source Source
	rater  string
	date   string
	level  competency.Level
}

func (v view) String() string {
	s := v.source.String()
	if v.rater != "" {
		s += " " + v.rater
	}
	return fmt.Sprintf("%s: %d", s, v.level)
}

// Combine merges the profile's reviews into its ratings by the policy pol
// and returns the merged profile (a copy: p is unchanged) with the
// disagreements found, in ID order. Where reviews rate an ID, they decide
// its rating and replace any rating the profile had; ratings of IDs no
// review touches stay as they are (to have a direct rating count as one
// more view, give it as a review). A merged rating's source is the
// raters' common source, or unstated when they differ; its date is the
// latest date given; its note says how it was combined from which views,
// and flags a disagreement. The merged profile keeps its reviews, so
// Combine can be run again, with the same or another policy, and gives
// the same result as on the original profile. A profile that fails
// [Profile.Validate] is an error: levels off the scale do not combine.
func (p Profile) Combine(pol Policy) (Profile, []Disagreement, error) {
	if !slices.Contains(Policies(), pol) {
		return Profile{}, nil, fmt.Errorf("profile: unknown policy %q (want median, manager-first or mean-except-self)", pol)
	}
	if err := p.Validate(); err != nil {
		return Profile{}, nil, err // levels off the scale would combine into nonsense
	}
	views := map[competency.ID][]view{}
	for _, a := range p.Reviews {
		for id, l := range a.Levels {
			views[id] = append(views[id], view{a.Source, a.Rater, a.AssessedAt, l})
		}
	}
	out := p.Clone()
	if len(views) > 0 && out.Ratings == nil {
		out.Ratings = make(map[competency.ID]Rating, len(views))
	}
	var dis []Disagreement
	for _, id := range slices.Sorted(maps.Keys(views)) {
		vs := views[id]
		r := out.Ratings[id]
		r.Level = combine(pol, vs)
		r.Source = vs[0].source
		r.AssessedAt = ""
		low, high := vs[0].level, vs[0].level
		labels := make([]string, len(vs))
		for i, v := range vs {
			if v.source != r.Source {
				r.Source = Unstated
			}
			if v.date > r.AssessedAt {
				r.AssessedAt = v.date
			}
			low, high = min(low, v.level), max(high, v.level)
			labels[i] = v.String()
		}
		r.Note = fmt.Sprintf("%s of %d view(s): %s", pol, len(vs), strings.Join(labels, ", "))
		if high-low >= DisagreementLevels {
			r.Note += fmt.Sprintf("; raters disagree (%d to %d)", low, high)
			dis = append(dis, Disagreement{ID: id, Low: low, High: high, Views: labels})
		}
		out.Ratings[id] = r
	}
	return out, dis, nil
}

// combine applies pol to one ID's views.
func combine(pol Policy, vs []view) competency.Level {
	levels := func(keep func(view) bool) []competency.Level {
		var out []competency.Level
		for _, v := range vs {
			if keep(v) {
				out = append(out, v.level)
			}
		}
		return out
	}
	all := func(view) bool { return true }
	switch pol {
	case ManagerFirst:
		if ms := levels(func(v view) bool { return v.source == Manager }); len(ms) > 0 {
			return slices.Min(ms)
		}
		return median(levels(all))
	case MeanExceptSelf:
		ls := levels(func(v view) bool { return v.source != Self })
		if len(ls) == 0 {
			ls = levels(all)
		}
		sum := 0
		for _, l := range ls {
			sum += int(l)
		}
		// Nearest level, halves down: floor(mean + 0.5 - epsilon).
		return competency.Level((2*sum + len(ls) - 1) / (2 * len(ls)))
	default:
		return median(levels(all))
	}
}

// median returns the median of ls, the lower middle one for an even count.
func median(ls []competency.Level) competency.Level {
	sort.Slice(ls, func(i, j int) bool { return ls[i] < ls[j] })
	return ls[(len(ls)-1)/2]
}
