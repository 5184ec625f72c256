package wlp

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/role"
)

// CASESource keeps what a CASE package said about a framework imported
// from it (package cfpackage reads and writes CASE): the identifiers and
// URIs of its document and items, where each item sat in the package's
// tree, when each last changed, the items the model has no place for,
// and the associations other than the tree's. Exporting the
// framework again gives them all back, so a framework can travel from a
// CASE system through wlp and back without losing its identity. A
// framework written by hand has none; an export then derives every
// identifier from the framework's and elements' IDs.
type CASESource struct {
	// Document is the identity of the package's CFDocument.
	Document CASEDocument `json:"document"`
	// Clusters maps a cluster's ID to the item it came from.
	Clusters map[competency.Cluster]CASEItem `json:"clusters,omitempty"`
	// Items maps a competency's or an area's ID to the item it came from.
	Items map[competency.ID]CASEItem `json:"items,omitempty"`
	// Targets maps a role's or a job's ID to the item it came from.
	Targets map[role.ID]CASEItem `json:"targets,omitempty"`
	// Others lists, in package order, the items the model has no place
	// for (levels of the tree above the clusters, items of types no tier
	// takes), kept whole so that an export puts them back where they were.
	Others []CASEItem `json:"others,omitempty"`
	// Types lists the package's own item types (CFItemTypes) whose
	// identity is not the one an export derives for their title.
	Types []CASEType `json:"types,omitempty"`
	// Associations lists, in package order, the package's associations
	// other than those an export derives (the tree's isChildOf, the
	// isPartOf of a role to a job that blends it, the isRelatedTo of a
	// role or a job to its rubric), kept whole so that an export writes
	// them back after its own: exactMatchOf another framework's item, say.
	Associations []CASEAssociation `json:"associations,omitempty"`
}

// CASEAssociation is a CASE CFAssociation kept whole.
type CASEAssociation struct {
	// Identifier is the association's CASE identifier, a lower-case UUID.
	Identifier string `json:"identifier" jsonschema:"pattern=^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"`
	// URI is the association's CASE URI.
	URI string `json:"uri" jsonschema:"minLength=1"`
	// Type is the association's type, such as "exactMatchOf", or a custom
	// "ext:" type.
	Type string `json:"type" jsonschema:"minLength=1"`
	// Sequence is the association's sequence number; 0 when it had none,
	// and an export then writes none.
	Sequence int `json:"sequence,omitempty"`
	// Origin is where the relation starts. An end that is an item of the
	// package names the item's identifier.
	Origin CASENode `json:"origin"`
	// Destination is where the relation ends.
	Destination CASENode `json:"destination"`
	// Grouping is the association's CFAssociationGroupingURI, if any.
	Grouping *CASERef `json:"grouping,omitempty"`
	// Notes comments on the association.
	Notes string `json:"notes,omitempty"`
	// Changed is the association's lastChangeDateTime, in RFC 3339; empty
	// when it is the document's, or it had none.
	Changed string `json:"changed,omitempty" jsonschema:"format=date-time"`
}

// CASENode is an end of a CASE association: an item or the document of
// the package, or an object outside it.
type CASENode struct {
	// Title names the node for people.
	Title string `json:"title,omitempty"`
	// Identifier is the node's identifier: a UUID for a CASE object, any
	// text for another.
	Identifier string `json:"identifier" jsonschema:"minLength=1"`
	// URI is the node's URI.
	URI string `json:"uri" jsonschema:"minLength=1"`
	// TargetType says what the node is: "CASE", a custom "ext:" type, or
	// empty.
	TargetType string `json:"targetType,omitempty"`
}

// CASERef is CASE's reference to another object, such as an association
// grouping.
type CASERef struct {
	// Title names the object for people.
	Title string `json:"title,omitempty"`
	// Identifier is the object's identifier.
	Identifier string `json:"identifier" jsonschema:"minLength=1"`
	// URI is the object's URI.
	URI string `json:"uri" jsonschema:"minLength=1"`
}

// CASEType is the identity of a CASE CFItemType.
type CASEType struct {
	// Title is the type's title, which items give as their CFItemType.
	Title string `json:"title" jsonschema:"minLength=1"`
	// Identifier is the type's CASE identifier, a lower-case UUID.
	Identifier string `json:"identifier" jsonschema:"pattern=^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"`
	// URI is the type's CASE URI.
	URI string `json:"uri" jsonschema:"minLength=1"`
	// Description says what items of the type are.
	Description string `json:"description,omitempty"`
	// HierarchyCode places the type among the package's types.
	HierarchyCode string `json:"hierarchyCode,omitempty"`
	// TypeCode is the type's short code.
	TypeCode string `json:"typeCode,omitempty"`
	// Changed is the type's lastChangeDateTime, in RFC 3339; empty when it
	// is the document's, or it had none.
	Changed string `json:"changed,omitempty" jsonschema:"format=date-time"`
}

// CASELink is the identity of a CASE CFAssociation.
type CASELink struct {
	// Identifier is the association's CASE identifier, a lower-case UUID.
	Identifier string `json:"identifier" jsonschema:"pattern=^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"`
	// URI is the association's CASE URI.
	URI string `json:"uri" jsonschema:"minLength=1"`
	// Sequence is the association's sequence number among the parent's
	// children; 0 when it had none, and an export then writes none.
	Sequence int `json:"sequence,omitempty"`
	// Changed is the association's lastChangeDateTime, in RFC 3339; empty
	// when it is the document's, or it had none.
	Changed string `json:"changed,omitempty" jsonschema:"format=date-time"`
}

// CASEDocument is the identity and authorship of a CASE CFDocument.
type CASEDocument struct {
	// Identifier is the document's CASE identifier, a lower-case UUID.
	Identifier string `json:"identifier" jsonschema:"pattern=^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"`
	// URI is the document's CASE URI.
	URI string `json:"uri" jsonschema:"minLength=1"`
	// Creator is the body that owns the framework, as the package named it.
	Creator string `json:"creator,omitempty"`
	// Publisher is the body that made the framework available.
	Publisher string `json:"publisher,omitempty"`
	// Language is the language of the framework's text, such as "en".
	Language string `json:"language,omitempty"`
	// OfficialSourceURL links to the framework's source for people.
	OfficialSourceURL string `json:"officialSourceURL,omitempty"`
	// AdoptionStatus is the document's publication status, such as
	// "Adopted".
	AdoptionStatus string `json:"adoptionStatus,omitempty"`
	// Changed is the document's lastChangeDateTime, in RFC 3339, or empty
	// when it had none. An export gives it to every object that has no
	// time of its own.
	Changed string `json:"changed,omitempty" jsonschema:"format=date-time"`
}

// CASEItem is the identity of one CASE CFItem and its place in the
// package's tree.
type CASEItem struct {
	// Identifier is the item's CASE identifier, a lower-case UUID.
	Identifier string `json:"identifier" jsonschema:"pattern=^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"`
	// URI is the item's CASE URI.
	URI string `json:"uri" jsonschema:"minLength=1"`
	// Parent is the identifier of the item this one is a child of, when
	// that is not where an export would put it (the document for an
	// area, a cluster, a role or a job; its cluster for a competency).
	Parent string `json:"parent,omitempty"`
	// Code is the item's human coding scheme, when it is not the element's
	// ID.
	Code string `json:"code,omitempty"`
	// Type is the item's CFItemType, when it is not the one an export
	// would give it.
	Type string `json:"type,omitempty"`
	// Statement is the item's full statement; only items of Others keep
	// it (the others' statements are their elements' names and summaries).
	Statement string `json:"statement,omitempty"`
	// Abbreviated is the item's abbreviated statement; only items of
	// Others keep it.
	Abbreviated string `json:"abbreviated,omitempty"`
	// Behaviors lists the identities of the child items a competency's or
	// an area's behaviours came from, one for each behaviour in order.
	Behaviors []CASEItem `json:"behaviors,omitempty"`
	// Technologies is the identity of the child item an area's
	// technologies note came from.
	Technologies *CASEItem `json:"technologies,omitempty"`
	// Uncoded says the item had no human coding scheme, so an export
	// writes none (it writes the element's ID otherwise).
	Uncoded bool `json:"uncoded,omitempty"`
	// Untyped says the item had no CFItemType, so an export writes none.
	Untyped bool `json:"untyped,omitempty"`
	// Link is the identity of the isChildOf association that put the item
	// under its parent, when it is not the one an export derives.
	Link *CASELink `json:"link,omitempty"`
	// Changed is the item's lastChangeDateTime, in RFC 3339; empty when it
	// is the document's, or it had none.
	Changed string `json:"changed,omitempty" jsonschema:"format=date-time"`
}

// Clone returns a deep copy of c.
func (c *CASESource) Clone() *CASESource {
	if c == nil {
		return nil
	}
	d := *c
	d.Clusters = cloneItems(c.Clusters)
	d.Items = cloneItems(c.Items)
	d.Targets = cloneItems(c.Targets)
	d.Others = cloneAll(c.Others, CASEItem.clone)
	d.Types = cloneAll(c.Types, func(t CASEType) CASEType { return t })
	d.Associations = cloneAll(c.Associations, func(a CASEAssociation) CASEAssociation {
		if a.Grouping != nil {
			g := *a.Grouping
			a.Grouping = &g
		}
		return a
	})
	return &d
}

func (it CASEItem) clone() CASEItem {
	it.Behaviors = cloneAll(it.Behaviors, CASEItem.clone)
	if it.Technologies != nil {
		t := it.Technologies.clone()
		it.Technologies = &t
	}
	if it.Link != nil {
		l := *it.Link
		it.Link = &l
	}
	return it
}

func cloneItems[K comparable](m map[K]CASEItem) map[K]CASEItem {
	if m == nil {
		return nil
	}
	out := make(map[K]CASEItem, len(m))
	for k, v := range m {
		out[k] = v.clone()
	}
	return out
}

// ValidUUID reports whether s is a UUID written as CASE wants it: 8-4-4-4-12
// lower-case hexadecimal digits.
func ValidUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// validDateTime reports whether s is an RFC 3339 date-time with a time
// zone; the second may be 60, a leap second.
func validDateTime(s string) bool {
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return true
	}
	if len(s) > 19 && s[17:19] == "60" {
		_, err := time.Parse(time.RFC3339, s[:17]+"59"+s[19:])
		return err == nil
	}
	return false
}

// checkCASE checks s.CASE: well-formed identifiers used once each, URIs,
// times, and keys that name elements of s. It runs after the elements are indexed.
func (v *validator) checkCASE(s Spec) {
	c := s.CASE
	if c == nil {
		return
	}
	seen := map[string]string{} // identifier -> path of its first use
	ident := func(path, id string) {
		switch {
		case !ValidUUID(id):
			v.add(func() string { return path + "/identifier" }, func() string {
				return fmt.Sprintf("%s is not a lower-case UUID (8-4-4-4-12 hexadecimal digits)", problem.Quote(id))
			})
		case seen[id] != "":
			first := seen[id]
			v.add(func() string { return path + "/identifier" }, func() string {
				return fmt.Sprintf("identifier %s is already used at %s", id, first)
			})
		default:
			seen[id] = path
		}
	}
	uri := func(path, u string) {
		if u == "" {
			v.add(func() string { return path + "/uri" }, func() string { return "the URI is empty" })
		} else {
			v.text(func() string { return path + "/uri" }, "the URI", u, true)
		}
	}
	changed := func(path, t string) {
		if t != "" && !validDateTime(t) {
			v.add(func() string { return path + "/changed" }, func() string {
				return fmt.Sprintf("%s is not an RFC 3339 date-time with a time zone", problem.Quote(t))
			})
		}
	}
	var item func(path string, it CASEItem)
	item = func(path string, it CASEItem) {
		ident(path, it.Identifier)
		uri(path, it.URI)
		changed(path, it.Changed)
		for i, b := range it.Behaviors {
			item(path+"/behaviors/"+strconv.Itoa(i), b)
		}
		if it.Technologies != nil {
			item(path+"/technologies", *it.Technologies)
		}
		if it.Link != nil {
			ident(path+"/link", it.Link.Identifier)
			uri(path+"/link", it.Link.URI)
			changed(path+"/link", it.Link.Changed)
		}
	}
	ident("/case/document", c.Document.Identifier)
	uri("/case/document", c.Document.URI)
	changed("/case/document", c.Document.Changed)
	for _, k := range slices.Sorted(maps.Keys(c.Clusters)) {
		path := "/case/clusters/" + problem.Escape(string(k))
		if !v.partial && !v.clusters[k] {
			v.add(func() string { return path }, func() string { return fmt.Sprintf("unknown cluster %s", problem.Quote(string(k))) })
		}
		item(path, c.Clusters[k])
	}
	for _, k := range slices.Sorted(maps.Keys(c.Items)) {
		path := "/case/items/" + problem.Escape(string(k))
		if _, ok := v.kinds[k]; !v.partial && !ok {
			v.add(func() string { return path }, func() string { return fmt.Sprintf("unknown competency or area %s", problem.Quote(string(k))) })
		}
		item(path, c.Items[k])
	}
	for _, k := range slices.Sorted(maps.Keys(c.Targets)) {
		path := "/case/targets/" + problem.Escape(string(k))
		_, isRole := v.roles[k]
		_, isJob := v.jobs[k]
		if !v.partial && !isRole && !isJob {
			v.add(func() string { return path }, func() string { return fmt.Sprintf("unknown role or job %s", problem.Quote(string(k))) })
		}
		item(path, c.Targets[k])
	}
	for i, o := range c.Others {
		path := "/case/others/" + strconv.Itoa(i)
		item(path, o)
		if o.Statement == "" {
			v.add(func() string { return path + "/statement" }, func() string { return "the statement is empty" })
		}
	}
	titles := map[string]bool{}
	for i, t := range c.Types {
		path := "/case/types/" + strconv.Itoa(i)
		ident(path, t.Identifier)
		uri(path, t.URI)
		changed(path, t.Changed)
		switch {
		case t.Title == "":
			v.add(func() string { return path + "/title" }, func() string { return "the title is empty" })
		case titles[t.Title]:
			v.add(func() string { return path + "/title" }, func() string { return fmt.Sprintf("the type %s is listed twice", problem.Quote(t.Title)) })
		}
		titles[t.Title] = true
	}
	for i, a := range c.Associations {
		path := "/case/associations/" + strconv.Itoa(i)
		ident(path, a.Identifier)
		uri(path, a.URI)
		changed(path, a.Changed)
		if a.Type == "" {
			v.add(func() string { return path + "/type" }, func() string { return "the association type is empty" })
		} else {
			v.text(func() string { return path + "/type" }, "the association type", a.Type, true)
		}
		for _, end := range []struct {
			name string
			n    CASENode
		}{{"origin", a.Origin}, {"destination", a.Destination}} {
			p := path + "/" + end.name
			if end.n.Identifier == "" {
				v.add(func() string { return p + "/identifier" }, func() string { return "the identifier is empty" })
			} else {
				v.text(func() string { return p + "/identifier" }, "the identifier", end.n.Identifier, true)
			}
			uri(p, end.n.URI)
			v.text(func() string { return p + "/title" }, "the title", end.n.Title, false)
			v.text(func() string { return p + "/targetType" }, "the target type", end.n.TargetType, false)
		}
		if g := a.Grouping; g != nil {
			p := path + "/grouping"
			if g.Identifier == "" {
				v.add(func() string { return p + "/identifier" }, func() string { return "the identifier is empty" })
			} else {
				v.text(func() string { return p + "/identifier" }, "the identifier", g.Identifier, true)
			}
			uri(p, g.URI)
			v.text(func() string { return p + "/title" }, "the title", g.Title, false)
		}
		v.text(func() string { return path + "/notes" }, "the notes", a.Notes, false)
	}
}
