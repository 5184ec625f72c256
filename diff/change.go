package diff

import (
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/role"
)

// Kind names what a change is about.
type Kind string

// The kinds of thing a change is about, in the order [Changes] lists
// them.
const (
	KindFramework   Kind = "framework"   // the framework's own ID, name, version or description
	KindCluster     Kind = "cluster"     // a cluster of competencies
	KindCompetency  Kind = "competency"  // a foundational competency
	KindArea        Kind = "area"        // an area of expertise
	KindRole        Kind = "role"        // a role
	KindJob         Kind = "job"         // a job
	KindShare       Kind = "share"       // a job's share of one role
	KindRequirement Kind = "requirement" // a requirement of a role or job
)

// Op says what happened to the thing a change is about.
type Op string

// The operations.
const (
	// Added: the thing is in B only.
	Added Op = "added"
	// Removed: the thing is in A only.
	Removed Op = "removed"
	// Changed: the thing is in both, and one of its fields differs (see
	// [Field]).
	Changed Op = "changed"
)

// Field names the field of a thing that changed.
type Field string

// The fields a change may be about.
const (
	FieldID           Field = "id"           // the thing's ID: paired by name or by a crosswalk link
	FieldName         Field = "name"         // a name (a job's title): renamed
	FieldVersion      Field = "version"      // the framework's version
	FieldDescription  Field = "description"  // the framework's description
	FieldSummary      Field = "summary"      // a cluster's, item's, role's or job's summary
	FieldCluster      Field = "cluster"      // a competency's cluster: moved, or joined (Old empty) or left (New empty) with a change of tier
	FieldTier         Field = "tier"         // competency or area: moved to the other tier
	FieldBehaviors    Field = "behaviors"    // an item's behaviours: Added and Removed list them
	FieldTechnologies Field = "technologies" // an area's technologies
	FieldOf           Field = "of"           // a requirement's IDs: Added and Removed list them
	FieldAtLeast      Field = "atLeast"      // how many of a requirement's IDs must reach its level
	FieldLevel        Field = "level"        // a requirement's level
	FieldWeight       Field = "weight"       // a requirement's or share's weight
	FieldWhy          Field = "why"          // a requirement's or share's rationale
)

// Side names one of the two frameworks compared.
type Side struct {
	// ID is the framework's ID, or empty.
	ID string `json:"id,omitempty"`
	// Name is the framework's name, or empty.
	Name string `json:"name,omitempty"`
	// Version is the framework's version, or empty.
	Version string `json:"version,omitempty"`
}

// Change is one difference between framework A and framework B.
//
// A change is located three ways: by Kind and ID (and Target, for a
// requirement or share), by Of (for a requirement), and by the JSON
// pointers PathA and PathB of its place in the two framework documents
// (the form of [wlp.Spec]). An added thing has no PathA, a removed one no
// PathB, and a cluster of the 2004 model that a framework uses without
// declaring it has no path at all.
type Change struct {
	// Kind says what the change is about.
	Kind Kind `json:"kind" jsonschema:"enum=framework,enum=cluster,enum=competency,enum=area,enum=role,enum=job,enum=share,enum=requirement"`
	// Op says what happened to it.
	Op Op `json:"op" jsonschema:"enum=added,enum=removed,enum=changed"`
	// Field names what changed, for Op "changed"; empty otherwise.
	Field Field `json:"field,omitempty" jsonschema:"enum=,enum=id,enum=name,enum=version,enum=description,enum=summary,enum=cluster,enum=tier,enum=behaviors,enum=technologies,enum=of,enum=atLeast,enum=level,enum=weight,enum=why"`
	// ID is the thing's ID in B, or in A when it was removed: a cluster's,
	// competency's, area's, role's or job's ID, a share's role, or the
	// framework's ID. It is empty for a requirement.
	ID string `json:"id,omitempty"`
	// OldID is the thing's ID in A when it differs from ID: an item paired
	// by name or by a crosswalk link, or a share of such a role.
	OldID string `json:"oldId,omitempty"`
	// Target is the role or job a requirement or share belongs to, by its
	// ID in B.
	Target role.ID `json:"target,omitempty"`
	// Of lists a requirement's IDs as B has them, or as A has them when
	// the requirement was removed.
	Of []competency.ID `json:"of,omitempty"`
	// PathA is the JSON pointer of the thing in A's document.
	PathA string `json:"pathA,omitempty"`
	// PathB is the JSON pointer of the thing in B's document.
	PathB string `json:"pathB,omitempty"`
	// Old is the field's value in A, written as text (a number in the
	// shortest form that reads back the same).
	Old string `json:"old,omitempty"`
	// New is the field's value in B, written as text.
	New string `json:"new,omitempty"`
	// Added lists what B has that A had not, for a list field: behaviours
	// or a requirement's IDs.
	Added []string `json:"added,omitempty"`
	// Removed lists what A had that B has not, for a list field.
	Removed []string `json:"removed,omitempty"`
	// Relation is the relation of the crosswalk link that paired an item
	// whose ID changed ("exact", or "close" for a pair that may only be a
	// likeness); empty when the items paired by name.
	Relation competency.Relation `json:"relation,omitempty" jsonschema:"enum=,enum=exact,enum=close"`
	// Links lists, for an item removed or added while a crosswalk paired
	// items, the crosswalk's links from it (when removed) or into it
	// (when added), in the crosswalk's order: where its ratings go, or
	// come from, though it pairs with nothing.
	Links []Link `json:"links,omitempty"`
	// Note is, for an item removed or added while a crosswalk paired
	// items, the crosswalk's note on it: why the removed item has no
	// counterpart in B (the crosswalk's "unmapped"), or why nothing in A
	// leads to the added one (its "new"). It is empty when the crosswalk
	// says nothing of the item.
	Note string `json:"note,omitempty"`
}

// Link is a crosswalk link from or to an added or removed item.
type Link struct {
	// ID is the item at the link's other end: in B for an item removed,
	// in A for an item added.
	ID competency.ID `json:"id" jsonschema:"minLength=1,maxLength=64,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Relation is the link's relation, read from A's item to B's.
	Relation competency.Relation `json:"relation" jsonschema:"enum=exact,enum=close,enum=broader,enum=narrower,enum=related"`
	// Carry says how a level crosses the link: as it is, capped at Cap,
	// or not at all (see [crosswalk.Carry]). Two links of one relation
	// may differ in it: a related link may carry the level or nothing.
	Carry crosswalk.Carry `json:"carry" jsonschema:"enum=level,enum=capped,enum=none"`
	// Cap is the most a level carries with Carry "capped", from 1 to 4;
	// 0 otherwise.
	Cap competency.Level `json:"cap,omitempty" jsonschema:"minimum=0,maximum=4"`
}

// String describes c on one line, such as
//
//	competency "coaching": name "Coaching" -> "Coaching people"
//	requirement [coaching] of role "business-partner": level "3" -> "4"
//
// It costs time linear in the length of what it writes.
func (c Change) String() string {
	var b strings.Builder
	switch c.Kind {
	case KindRequirement:
		fmt.Fprintf(&b, "requirement [%s] of %q", joinIDs(c.Of), c.Target)
	case KindShare:
		fmt.Fprintf(&b, "share of role %q in job %q", c.ID, c.Target)
	default:
		fmt.Fprintf(&b, "%s %q", c.Kind, c.ID)
	}
	if c.Op != Changed {
		b.WriteString(" " + string(c.Op))
		if c.Op == Removed && c.PathA != "" {
			b.WriteString(" from " + c.PathA)
		}
		return b.String()
	}
	fmt.Fprintf(&b, ": %s", c.Field)
	if c.Old != "" || c.New != "" || (len(c.Added) == 0 && len(c.Removed) == 0) {
		fmt.Fprintf(&b, " %q -> %q", c.Old, c.New)
	}
	if len(c.Added) > 0 {
		fmt.Fprintf(&b, " +%q", c.Added)
	}
	if len(c.Removed) > 0 {
		fmt.Fprintf(&b, " -%q", c.Removed)
	}
	if c.Relation != "" {
		fmt.Fprintf(&b, " (%s link)", c.Relation)
	}
	return b.String()
}

func joinIDs(ids []competency.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, " ")
}

// Changes is the difference between framework A and framework B: a
// document that encodes to JSON and back unchanged (its lists are empty
// as [], never null).
type Changes struct {
	// A names framework A, the one compared from.
	A Side `json:"a"`
	// B names framework B, the one compared to.
	B Side `json:"b"`
	// Crosswalk is the ID of the crosswalk that paired A's items with
	// B's, or empty when they paired by ID and name alone.
	Crosswalk string `json:"crosswalk,omitempty"`
	// List holds the changes ("changes" in JSON) in a fixed order: the
	// framework's, the clusters', the competencies' and areas', then the
	// roles' and jobs' (each followed by the changes of its shares and
	// requirements). Within a kind, what B holds comes in B's order, then
	// what was removed in A's order. It is empty ([], never null) when A
	// and B are alike.
	List []Change `json:"changes"`
	// Fits says how people's fits change from A to B, when people were
	// given (see [Fits]); it is absent otherwise.
	Fits *FitReport `json:"fits,omitempty"`
}

// Count returns how many changes c lists of each operation. It costs
// O(len(c.List)).
func (c *Changes) Count() (added, removed, changed int) {
	for _, ch := range c.List {
		switch ch.Op {
		case Added:
			added++
		case Removed:
			removed++
		default:
			changed++
		}
	}
	return added, removed, changed
}

// Empty reports whether A and B differ in nothing [Frameworks] compares.
func (c *Changes) Empty() bool { return len(c.List) == 0 }
