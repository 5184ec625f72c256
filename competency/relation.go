package competency

// Relation says how an item of one framework relates to an item of
// another: the match relations of SKOS (exactMatch, closeMatch,
// broadMatch, narrowMatch, relatedMatch), which CASE's exactMatchOf and
// isRelatedTo associations also express. A relation is read from the
// first item to the second: "a Broader b" means b is broader than a, as
// "a skos:broadMatch b" does.
type Relation string

// The relations, strongest first.
const (
	// Exact: the two items mean the same; a level carries across as it is.
	Exact Relation = "exact"
	// Close: the items overlap so much that one may stand for the other,
	// though they are not worded or bounded quite alike.
	Close Relation = "close"
	// Broader: the second item is broader than the first; the first is
	// one part of it.
	Broader Relation = "broader"
	// Narrower: the second item is narrower than the first; it is one
	// part of the first.
	Narrower Relation = "narrower"
	// Related: the items are associated, without one standing for the
	// other or containing it. A level in one may still say a little about
	// the other, so a crosswalk may carry it across a related link, most
	// often capped; the carried rating is then marked as resting on a
	// related link.
	Related Relation = "related"
)

// Relations returns the relations, strongest first, in a fresh slice.
func Relations() []Relation { return []Relation{Exact, Close, Broader, Narrower, Related} }

// Valid reports whether r is one of the five relations.
func (r Relation) Valid() bool { return r.Strength() > 0 }

// Strength ranks r: 5 for Exact, 4 for Close, 3 for Broader and
// Narrower, 1 for Related, 0 for anything else. A link is weaker than
// exact when its strength is below 5.
func (r Relation) Strength() int {
	switch r {
	case Exact:
		return 5
	case Close:
		return 4
	case Broader, Narrower:
		return 3
	case Related:
		return 1
	}
	return 0
}

// Inverse returns the relation read the other way: Broader and Narrower
// swap, the others are their own inverse.
func (r Relation) Inverse() Relation {
	switch r {
	case Broader:
		return Narrower
	case Narrower:
		return Broader
	}
	return r
}
