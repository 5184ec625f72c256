package crosswalk

import (
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// Report says what a migration did to one person's profile: every rating
// it carried and where from, every rating it could not carry and why, the
// items of the target framework that nothing reached, and the links that
// inform a reader without carrying a level. Together with the migrated
// profile it accounts for every rating of the profile migrated: each one
// is a source of some carried rating or is in Lost. It is the document
// "migration" of package schema; `wlp migrate -report` writes one per
// person, a line each.
//
// A place in the profile is the profile's own ratings (Review nil) or
// one of its reviews (Review holds its index among the reviews of the
// profile migrated, the input; Rater repeats the review's rater, for a
// reader). The migrated profile leaves out the reviews listed in
// Dropped, so its reviews' indexes shift past them: the review at index
// i of the input is at i minus the number of Dropped indexes below i in
// the migrated profile.
// Lists are in a fixed order: the profile's own ratings first, then the
// reviews in order; within a place, carried ratings in the order of the
// target framework's items and lost ratings in the order of their IDs.
type Report struct {
	// Profile is the person's profile ID.
	Profile string `json:"profile"`
	// Crosswalk is the ID of the crosswalk the profile crossed.
	Crosswalk string `json:"crosswalk"`
	// From is the ID of the framework the profile came from.
	From string `json:"from"`
	// To is the ID of the framework the profile was carried to.
	To string `json:"to"`
	// Rule is the rule that combined several sources of one target.
	Rule Rule `json:"rule" jsonschema:"enum=median,enum=mean,enum=min,enum=max,enum=strongest"`
	// Carried lists the ratings and review levels the migration made.
	Carried []CarriedRating `json:"carried"`
	// Lost lists the ratings and review levels of the profile migrated
	// that no rating of the migrated profile stands on.
	Lost []Lost `json:"lost"`
	// Unreached lists the items of the target framework that the
	// migrated profile does not rate at all, neither directly nor in a
	// review: what the person is to be assessed on afresh.
	Unreached []Unreached `json:"unreached"`
	// Hints lists the links that carry no level but join an item the
	// profile rates to an item of the target framework: a reader may
	// take them into account when assessing the target afresh.
	Hints []Hint `json:"hints"`
	// Dropped lists the indexes of the reviews, among the reviews of the
	// profile migrated, that kept no level and are not in the migrated
	// profile: each of their levels is in Lost. The migrated profile's
	// reviews are the others, in order.
	Dropped []int `json:"dropped"`
}

// CarriedRating is one rating (or review level) of the migrated profile
// and what it was made from.
type CarriedRating struct {
	// ID is the rated item of the target framework.
	ID competency.ID `json:"id"`
	// Review is the index of the review the level is in, among the
	// reviews of the profile migrated (the input: see [Report] for the
	// index in the migrated profile); absent for the profile's own
	// ratings.
	Review *int `json:"review,omitempty"`
	// Rater is the rater of that review, if it names one.
	Rater string `json:"rater,omitempty"`
	// Level is the level carried.
	Level competency.Level `json:"level"`
	// Relation is the weakest relation any of the sources used crossed.
	Relation competency.Relation `json:"relation" jsonschema:"enum=exact,enum=close,enum=broader,enum=narrower,enum=related"`
	// Weak is true when the level rests on a link looser than an exact
	// match, in this migration or an earlier one (see
	// [profile.Carried.Weak]): it is to be confirmed by an assessment.
	Weak bool `json:"weak"`
	// Rule names the rule that combined several sources; empty when one
	// source reached the item.
	Rule Rule `json:"rule,omitempty" jsonschema:"enum=,enum=median,enum=mean,enum=min,enum=max,enum=strongest"`
	// Sources lists the ratings the level was made from, in the order of
	// their IDs, as the migrated rating's carried record lists them: the
	// sources the rule used.
	Sources []profile.CarriedFrom `json:"sources"`
	// Outweighed lists the ratings that reached the item but that the
	// rule set aside (with [RuleStrongest], those across a looser link
	// than the strongest present), in the order of their IDs; absent when
	// the rule used every one. The migrated rating does not record them.
	Outweighed []profile.CarriedFrom `json:"outweighed,omitempty"`
}

// Lost is one rating (or review level) of the profile migrated that
// carried to nothing.
type Lost struct {
	// ID is the rated item of the framework the profile came from.
	ID competency.ID `json:"id"`
	// Review is the index of the review the level is in, among the
	// reviews of the profile migrated; absent for the profile's own
	// ratings.
	Review *int `json:"review,omitempty"`
	// Rater is the rater of that review, if it names one.
	Rater string `json:"rater,omitempty"`
	// Level is the level it had.
	Level competency.Level `json:"level"`
	// Reason says in one word why it carried nowhere.
	Reason LostReason `json:"reason" jsonschema:"enum=unknown,enum=unmapped,enum=unlinked,enum=carries-nothing,enum=outweighed"`
	// Why says it in words: the crosswalk's note for an unmapped item,
	// what the links from it are, or, for an outweighed one, the stronger
	// links that decided the items it reaches.
	Why string `json:"why"`
}

// LostReason says why a rating carried to nothing.
type LostReason string

// The reasons a rating is lost.
const (
	// LostUnknown: the ID is not an item of the framework the profile
	// came from, so no link can leave it.
	LostUnknown LostReason = "unknown"
	// LostUnmapped: the crosswalk lists the item among its unmapped ones,
	// with the reason it has no counterpart.
	LostUnmapped LostReason = "unmapped"
	// LostUnlinked: no link of the crosswalk leaves the item, and the
	// crosswalk says nothing of it.
	LostUnlinked LostReason = "unlinked"
	// LostCarriesNothing: links leave the item, but every one carries no
	// level (they are in Hints).
	LostCarriesNothing LostReason = "carries-nothing"
	// LostOutweighed: links carry its level, but at every item they
	// reach the rule set it aside for sources across stronger links
	// (see [RuleStrongest]); each such item's carried rating lists it
	// among its Outweighed.
	LostOutweighed LostReason = "outweighed"
)

// Unreached is an item of the target framework that the migrated profile
// does not rate.
type Unreached struct {
	// ID is the item of the target framework.
	ID competency.ID `json:"id"`
	// Reason says in one word why nothing reached it.
	Reason UnreachedReason `json:"reason" jsonschema:"enum=new,enum=unrated,enum=not-carried,enum=unlinked"`
	// Why says it in words: the crosswalk's note for a new item, or
	// which items would have led here.
	Why string `json:"why"`
}

// UnreachedReason says why nothing reached an item of the target
// framework.
type UnreachedReason string

// The reasons an item of the target framework is unreached.
const (
	// UnreachedNew: the crosswalk lists the item among its new ones,
	// with the reason nothing leads to it.
	UnreachedNew UnreachedReason = "new"
	// UnreachedUnrated: links that carry a level lead here, but the
	// profile rates none of the items they leave.
	UnreachedUnrated UnreachedReason = "unrated"
	// UnreachedNotCarried: the only links from rated items that lead
	// here carry no level (they are in Hints).
	UnreachedNotCarried UnreachedReason = "not-carried"
	// UnreachedUnlinked: no link leads here, and the crosswalk says
	// nothing of the item.
	UnreachedUnlinked UnreachedReason = "unlinked"
)

// Hint is a link that carries no level from an item the profile rates.
type Hint struct {
	// ID is the item of the target framework the link leads to.
	ID competency.ID `json:"id"`
	// From is the rated item the link leaves.
	From competency.ID `json:"from"`
	// Review is the index of the review that rates From, among the
	// reviews of the profile migrated; absent for the profile's own
	// ratings.
	Review *int `json:"review,omitempty"`
	// Rater is the rater of that review, if it names one.
	Rater string `json:"rater,omitempty"`
	// Level is From's level.
	Level competency.Level `json:"level"`
	// Relation is the link's relation, read from From to ID.
	Relation competency.Relation `json:"relation" jsonschema:"enum=exact,enum=close,enum=broader,enum=narrower,enum=related"`
	// Via lists the items between, for a link of a composed crosswalk.
	Via []competency.ID `json:"via,omitempty"`
	// Why is the link's reasoning.
	Why string `json:"why"`
}
