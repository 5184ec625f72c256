// Package crosswalk maps one competency framework onto another and
// carries people's profiles across: the documents that say which item of
// one framework stands for which item of another, how sure that is and
// how a level crosses, the crosswalks between the 2004, 2013 and 2020
// ATD models, and the migration of profiles with a record of where every
// carried rating came from.
package crosswalk

import "github.com/wlpmodel/wlp/competency"

// Crosswalk is a document that maps the rated items (competencies and
// areas) of one framework onto those of another. Each [Link] says which
// item maps to which, by what relation, how a level carries across and
// why. Items of either side that no link reaches may be listed with the
// reason they have no counterpart. Its texts hold no control characters
// (see [Crosswalk.Validate]).
type Crosswalk struct {
	// ID identifies the crosswalk, such as "astd-2004-to-atd-2013": a
	// lower-case kebab-case slug.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Name is the crosswalk's human name.
	Name string `json:"name,omitempty" jsonschema:"pattern=^[^\\x00-\\x1f\\x7f-\\x9f]*$"`
	// Description says what the crosswalk is, whose reading it is and
	// what it rests on.
	Description string `json:"description,omitempty" jsonschema:"pattern=^[^\\x00-\\x1f\\x7f-\\x9f]*$"`
	// From is the ID of the framework the crosswalk maps from.
	From string `json:"from" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// To is the ID of the framework the crosswalk maps to.
	To string `json:"to" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Sources lists the published works the links cite, by key.
	Sources []Source `json:"sources,omitempty"`
	// Links lists the links, in the order of the From framework's items.
	Links []Link `json:"links"`
	// Unmapped lists items of the From framework that no link leaves, each
	// with the reason it has no counterpart.
	Unmapped []Note `json:"unmapped,omitempty"`
	// New lists items of the To framework that no link reaches, each with
	// the reason nothing in the From framework leads to it.
	New []Note `json:"new,omitempty"`
}

// Source is a published work that links cite.
type Source struct {
	// Key names the source within the crosswalk, such as "rutgers-2020".
	Key string `json:"key" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Title names the work: author, title, date.
	Title string `json:"title" jsonschema:"minLength=1,pattern=^[^\\x00-\\x1f\\x7f-\\x9f]*$"`
	// URL is where the work is, when it is online: an absolute http or
	// https URL.
	URL string `json:"url,omitempty" jsonschema:"format=uri,pattern=^https?://[^\\x00-\\x1f\\x7f-\\x9f]*$"`
}

// Link maps one item of the From framework onto one item of the To
// framework.
type Link struct {
	// From is the item's ID in the From framework.
	From competency.ID `json:"from" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// To is the item's ID in the To framework.
	To competency.ID `json:"to" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Relation says how To relates to From: exact, close, broader (To is
	// broader than From), narrower (To is narrower) or related.
	Relation competency.Relation `json:"relation" jsonschema:"enum=exact,enum=close,enum=broader,enum=narrower,enum=related"`
	// Carry says how a level in From carries to To.
	Carry Carry `json:"carry" jsonschema:"enum=level,enum=capped,enum=none"`
	// Cap is the most a level carries with Carry "capped", from 1 to 4;
	// 0 otherwise.
	Cap competency.Level `json:"cap,omitempty" jsonschema:"minimum=0,maximum=4"`
	// Why gives the reasoning behind the link: what the source says, or
	// this project's reading where no source says it.
	Why string `json:"why" jsonschema:"minLength=1,pattern=^[^\\x00-\\x1f\\x7f-\\x9f]*$"`
	// Source is the key of the source that states the link, or empty when
	// the link is the crosswalk author's own reading.
	Source string `json:"source,omitempty" jsonschema:"maxLength=64,pattern=^([a-z0-9]+(-[a-z0-9]+)*)?$"`
	// Via lists the items of the frameworks between From and To, in
	// order, for a link of a composed crosswalk; empty for a direct one.
	Via []competency.ID `json:"via,omitempty"`
}

// Carry says how a level crosses a link.
type Carry string

// The ways a level crosses a link.
const (
	// CarryLevel carries the level as it is.
	CarryLevel Carry = "level"
	// CarryCapped carries the level but at most the link's Cap: the
	// target asks for more than the source shows.
	CarryCapped Carry = "capped"
	// CarryNone carries nothing: the link informs a reader but a level in
	// From says too little about To to stand for it.
	CarryNone Carry = "none"
)

// Note says why an item has no counterpart on the other side.
type Note struct {
	// ID is the item's ID.
	ID competency.ID `json:"id" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Why says why it has no counterpart.
	Why string `json:"why" jsonschema:"minLength=1,pattern=^[^\\x00-\\x1f\\x7f-\\x9f]*$"`
}
