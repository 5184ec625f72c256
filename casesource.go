package wlp

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/role"
)

// CASESource keeps what a CASE package said about a framework imported
// from it (package cfpackage reads and writes CASE): the identifiers and
// URIs of its document and items, where each item sat in the package's
// tree, and the items the model has no place for. Exporting the
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

// checkCASE checks s.CASE: well-formed identifiers used once each, URIs,
// and keys that name elements of s. It runs after the elements are indexed.
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
	var item func(path string, it CASEItem)
	item = func(path string, it CASEItem) {
		ident(path, it.Identifier)
		uri(path, it.URI)
		for i, b := range it.Behaviors {
			item(path+"/behaviors/"+strconv.Itoa(i), b)
		}
		if it.Technologies != nil {
			item(path+"/technologies", *it.Technologies)
		}
		if it.Link != nil {
			ident(path+"/link", it.Link.Identifier)
			uri(path+"/link", it.Link.URI)
		}
	}
	ident("/case/document", c.Document.Identifier)
	uri("/case/document", c.Document.URI)
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
		switch {
		case t.Title == "":
			v.add(func() string { return path + "/title" }, func() string { return "the title is empty" })
		case titles[t.Title]:
			v.add(func() string { return path + "/title" }, func() string { return fmt.Sprintf("the type %s is listed twice", problem.Quote(t.Title)) })
		}
		titles[t.Title] = true
	}
}
