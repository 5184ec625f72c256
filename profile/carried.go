package profile

import "github.com/wlpmodel/wlp/competency"

// Carried records where a rating carried from another framework came
// from: the crosswalk it crossed, the ratings it was made from and the
// link each crossed, and the rule that combined them. Package crosswalk's
// migration writes it; a rating given in its own framework has none.
type Carried struct {
	// Crosswalk is the ID of the crosswalk the rating crossed.
	Crosswalk string `json:"crosswalk" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// From is the ID of the framework the rating came from, or empty when
	// the crosswalk does not name it.
	From string `json:"from,omitempty" jsonschema:"maxLength=64,pattern=^([a-z0-9]+(-[a-z0-9]+)*)?$"`
	// Relation is the weakest relation any of its sources crossed:
	// anything but "exact" marks a rating that rests on a looser link
	// than a true match.
	Relation competency.Relation `json:"relation" jsonschema:"enum=exact,enum=close,enum=broader,enum=narrower,enum=related"`
	// Rule names how several sources were combined into one level (see
	// package crosswalk's Rule); empty when there was one source.
	Rule string `json:"rule,omitempty" jsonschema:"enum=,enum=median,enum=mean,enum=min,enum=max,enum=strongest"`
	// Sources lists the ratings the level was made from, in the order of
	// their IDs, each with the link it crossed. It lists at least one.
	Sources []CarriedFrom `json:"sources" jsonschema:"minItems=1"`
}

// CarriedFrom is one rating a carried rating was made from.
type CarriedFrom struct {
	// ID is the rated item in the framework the rating came from.
	ID competency.ID `json:"id" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Level is the level it had there.
	Level competency.Level `json:"level"`
	// Relation is the relation of the link it crossed, read from ID to
	// the carried rating's item.
	Relation competency.Relation `json:"relation" jsonschema:"enum=exact,enum=close,enum=broader,enum=narrower,enum=related"`
	// Carried is the level it would carry on its own: Level, or less when
	// the link caps what carries.
	Carried competency.Level `json:"carried"`
	// Via lists the items of the frameworks between, for a link of a
	// composed crosswalk, in order; empty for a direct link.
	Via []competency.ID `json:"via,omitempty"`
	// Provenance is the source rating's own record, when it had itself
	// been carried from a framework before.
	Provenance *Carried `json:"provenance,omitempty"`
}
