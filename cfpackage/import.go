package cfpackage

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/role"
	"golang.org/x/text/unicode/norm"
)

// ImportOptions says how [Import] maps a package's items onto the model.
// The zero value reads the extensions an export writes and takes the
// export's item types.
//
// # Kinds of item
//
// An item's kind comes from its CFItemType (or, without one, the title of
// its CFItemTypeURI), compared without regard to case with the lists
// below. An item whose type is on no list is placed by the shape of the
// isChildOf tree (the origin of an isChildOf association is the child):
//
//   - a leaf (an item with no children but key behaviours and technologies
//     notes) under another item is a competency, whose cluster is that
//     item; a leaf under the document is an area of expertise;
//   - an item with a competency among its children is a cluster;
//   - any other item with children (a level of the tree above the
//     clusters, such as a domain above standards) has no place in the
//     model: it is kept whole in [wlp.CASESource] Others (identifier, uri,
//     statements, human coding scheme, type and parent), with a warning,
//     so that an export puts it back;
//   - an item in no tree at all (no isChildOf association) is an area,
//     with a warning.
//
// A warning counts the items placed by the shape of the tree, one for
// each type no list names (and one for the items without a type), so
// that the options to give are plain; a title a list gives that no item
// of the package has (a misspelling, say) is a warning too.
//
// Whatever their type says, some items cannot be what it says, and are
// imported as areas of expertise, whose parent [wlp.CASESource] keeps,
// with a warning: a competency directly under the document or under an
// item that cannot be a cluster (a competency, area, role or job); a key
// behaviour or technologies note that is not the child of a competency or
// an area (of an area, for technologies; an area keeps its first
// technologies note). A role whose rubric gives it no requirement, or a
// job with neither shares nor requirements, is kept in Others, with a
// warning.
//
// A warning that would repeat for each object (each item above the
// clusters, each criterion without a weight...) is given once, at the
// first object, with their number and what was done to each.
//
// # Order
//
// CASE gives the arrays of a package no order: the tree's order is its
// sequence numbers. The framework's lists (clusters, competencies,
// areas, roles, jobs) keep the order of the CFItems array, except that,
// for each parent (the document included, which takes the items in no
// tree), the places its children of one kind take in the array hold
// those children in the order of their sequence numbers (items without a
// number last, and equal numbers in array order). Key behaviours come in
// the order of their sequence numbers. So a package that an export wrote
// reads back in its order, and one whose siblings are shuffled in the
// array reads as the unshuffled one; an export numbers each parent's
// children of one kind in that order again (it writes the kinds one
// after the other, so it does not keep how siblings of two kinds were
// interleaved). Others keep the tree's order: the document's children,
// then the items in no tree, each followed by its subtree, siblings by
// kind (in the order an export writes them: others, clusters,
// competencies, areas, roles, jobs), then by sequence number.
//
// # Elements
//
// An element's name is the item's abbreviated statement and its summary
// the full statement; an item without an abbreviated statement gives its
// full statement as the name and no summary. (That is how an export
// writes them, so the two read back exactly.) Key behaviours are the
// full statements of a competency's or an area's key-behaviour children,
// in the order of their sequence numbers; technologies, the full
// statement of an area's technologies child. An item with neither
// statement is named after its human coding scheme, with a warning (and
// without any of the three, it is an error).
//
// IDs are slugs: the item's human coding scheme when it is a well-formed
// ID, else a slug of it (lower-case ASCII letters and digits in words
// joined by hyphens, common Latin accents transliterated, other
// characters dropped, cut at a word boundary to at most
// [competency.MaxIDLen] bytes), or, without a human coding scheme, a slug
// of the abbreviated or the full statement. Clusters have an ID space of
// their own, competencies and areas share one, and roles and jobs
// share one; within a space, a slug taken by an earlier item gets "-2",
// "-3" and so on, with a warning for each that names both items. Earlier
// is in the tree's order, as for Others above, which neither the order of
// the package's arrays nor an export of the framework changes: a package
// gives each item the same ID however its arrays are ordered.
//
// The framework's name is the document's title, with its version and
// description. Its ID is ID when set; else the one the export kept in its
// extension; else none when the document's identifier is the one an
// export derives for a framework without ID ([DocumentIdentifier]); else
// a slug of the title.
//
// # Requirements
//
// A role's or a job's requirements come from the rubric its item is
// related to (an isRelatedTo association whose destination has the
// targetType [RubricTarget] and the rubric's identifier), or else from the
// rubric titled "NAME: requirements". Criteria count in the order of
// their positions (those without one last, in package order). A
// criterion that points at a role item is one of a job's shares: its
// weight and, as its why, its description. The others
// point at competencies and areas: criteria that share a category of the
// form "requirement N: K of M at level L" make one group requirement (of
// the items in criterion order; K of them at level L, or all of them when
// K is M; its weight the criterion's weight times K, rounded to 12
// significant digits), and any other criterion is a single requirement,
// whose level is the lowest level position with a score of 1 or more. A
// requirement's why is the criteria's description. When the package
// carries the extensions an export writes (and IgnoreExtensions is not
// set), levels, counts, weights and whys come from them exactly. A rubric
// no role or job is related to becomes a role of its own, named after its
// title, with a warning. A criterion without a weight weighs 1; a weight
// outside the model's bounds ([wlp.MinWeight], [wlp.MaxWeight]) is
// brought within them, and one that is not a positive number leaves the
// criterion out, each with a warning. What a rubric says that a
// requirement cannot (a criterion that points at no item, or at a
// cluster; levels without scores, or scores that never reach 1, or that
// are not the credit the model gives each level) is reported as a warning
// at its place.
//
// # Identity
//
// [wlp.Spec] CASE keeps what an export of the imported framework would
// not write by itself, so that exporting it gives the package's items
// back as they were, adding nothing they did not have:
//
//   - the document's identifier, URI, creator, publisher, language,
//     official source URL and adoption status;
//   - under its element's ID, every cluster, competency, area, role and
//     job (with its key behaviours and technologies note) whose item is
//     not what an export writes by itself: its identifier and URI when
//     they are not the ones an export derives (see [DocumentIdentifier];
//     the URI is the base of the document's URI, the part before its
//     identifier, or "urn:uuid:", and the identifier); its parent, human
//     coding scheme and item type when they are not what an export
//     writes; that it had no human coding scheme (Uncoded) or no type
//     (Untyped), so that an export writes none; and the identifier and
//     URI of the isChildOf association that put it under its parent
//     (Link), when they are not the ones an export derives;
//   - the items of Others, whole, with the same marks and link;
//   - the package's item types (Types) whose identifier, URI, description,
//     type code or last change is not what an export writes for their
//     title: all their fields, so that an export writes them back for the
//     items that use them;
//   - the associations other than those an export derives (the tree's
//     isChildOf, the isPartOf of a role to a job that blends it, the
//     isRelatedTo of a role or a job to its rubric), whole, in package
//     order (Associations): exactMatchOf an item of another framework,
//     precedes, isPeerOf, "ext:" types, an isPartOf between items that are
//     not a role and a job that blends it, ends outside the package. An
//     end that is an item of the package (found by identifier, else by
//     URI) or its document names the identifier the framework keeps for
//     it; an association with an empty type, or with an end outside the
//     package that has no identifier or no uri, is not kept. Its
//     CFAssociationGroupingURI is kept, the grouping itself is not;
//   - the lastChangeDateTime of the document, and, when it is not the
//     document's, that of every kept item (elements, key behaviours,
//     technologies notes, Others), item type, isChildOf association (in
//     its Link) and kept association (Changed, as Decode normalised it),
//     so that an export writes each back and an item sent back to its
//     CASE server looks changed only if it was. The time of an object is
//     not a reason to keep its identity when it is the document's, and
//     the document's time alone keeps nothing: a package an export wrote,
//     whose times are all one, gives back a framework without CASE. A
//     document time of 1970-01-01T00:00:00Z, what an export writes
//     without one, is not kept.
//
// An identifier that is not a lower-case UUID (Decode already lower-cases
// those in upper case) is replaced, with a warning, by a version 5 UUID
// derived from it; one that two objects kept would share is kept for the
// first only, with a warning. An item without a uri is given the one an
// export derives. When every identity is an export's, CASE stays nil, so
// that an export then an import gives back an equal framework. An item
// the export writes before its parent (an item kept in Others whose
// parent is a cluster, say) is put under the document: Import warns of
// it. An item typed only by its CFItemTypeURI's title exports with that
// title as its CFItemType.
//
// A framework imported with item types of the options' lists exports its
// items with those types: import its packages with the same options.
//
// # What is not kept
//
// The model has no place for the CASE fields not named above (education
// levels, subjects, concept keywords, notes, licences, status dates,
// alternative labels, list enumerations, the abbreviated statements of
// key behaviours and technologies notes, CFDefinitions other than item
// types, association groupings, the groupings and notes of the
// associations an export derives, an item's second parent, extensions of
// other exporters, the identities of rubrics, criteria, isPartOf and
// isRelatedTo associations other than those an export derives, and the
// titles, descriptions and level texts of rubrics other than an
// export's): for each, Import warns once per field and class of object,
// counting the objects and naming the first. The associations kept
// whole are warned of too, once per type (and once for those with an end
// outside the package), as kept. The times of rubrics, criteria and
// levels and the caseVersion are not kept, and not warned about: an
// export writes its own. The sequence numbers of the tree are read as an
// order among siblings (see Order), which an export numbers from 1 again.
type ImportOptions struct {
	// ID is the framework's ID; empty takes the one an export kept, or a
	// slug of the document's title.
	ID string
	// The CFItemType titles (compared without regard to case) whose items
	// become each kind of element; nil takes the export's Type* constant.
	ClusterTypes, CompetencyTypes, AreaTypes, RoleTypes, JobTypes, BehaviorTypes, TechnologiesTypes []string
	// IgnoreExtensions reads CASE's own fields only, as if the package
	// were strict.
	IgnoreExtensions bool
}

// Import maps p onto the model and returns the framework, validated as
// [wlp.New] validates it, with warnings that say, each at a JSON pointer
// into the package, what was read with a guess and what the model has no
// place for. [ImportOptions] documents the mapping; a nil opt is the zero
// ImportOptions.
// Warnings come in JSON pointer order ([problem.Compare]); past
// [problem.MaxReported] of them, one last warning counts the rest.
//
// Import of a package that [Export] wrote gives back an equal framework
// (its Spec is equal) when the package has its extensions. Without them
// (a strict package, or IgnoreExtensions), the framework's ID becomes a
// slug of the title (and Spec.CASE keeps the document's identity, from
// which the others derive), a group requirement's weight is rounded to
// 12 significant digits, an AtLeast equal to the number of IDs becomes 0,
// the model's clusters that the framework used without declaring them
// come back declared when they follow its own clusters (or when it has
// none), and a framework with an ID and no name comes back named after
// its ID.
//
// The error, a *[problem.Error] of package "cfpackage", lists every
// problem at its JSON pointer: a package without items, two items with
// one identifier, an isChildOf association whose origin or destination is
// not in the package, a cycle of isChildOf associations, an item without
// statements, and anything the imported framework breaks of [wlp.New]'s
// rules. Import costs time and memory linear in the size of p (sorting
// the children of each item, and the criteria of each rubric, adds a
// logarithmic factor), an export of the framework (to check that it puts
// every item under its parent) included.
func Import(p *Package, opt *ImportOptions) (*wlp.Framework, []Warning, error) {
	var o ImportOptions
	if opt != nil {
		o = *opt
	}
	im := &importer{p: p, o: o, ext: !o.IgnoreExtensions, keptWhole: map[int]bool{}}
	return im.run()
}

// The kinds of item an import tells apart.
type kind uint8

const (
	kindUnknown kind = iota
	kindCluster
	kindCompetency
	kindArea
	kindRole
	kindJob
	kindBehavior
	kindTechnologies
	kindOther
)

// The parents of an item that is not another item's child.
const (
	toDocument = -1 // the document's child
	toNone     = -2 // in no isChildOf association as a child
)

// inode is what an import works out about one item.
type inode struct {
	kind     kind
	parent   int // an item's index, toDocument or toNone
	assoc    int // the isChildOf association that chose parent, or -1
	seq      int // its sequence number there (MaxInt without one)
	children []int
	ident    string // the lower-case UUID
	id       string // the element's ID, or "" for an other
	typ      string // the CFItemType (or the type link's title)
}

// importer imports one package.
type importer struct {
	p   *Package
	o   ImportOptions
	ext bool // read the extensions an export writes

	errs    problem.List
	warns   []Warning
	tallies map[string]*tallied // warnings counted by kind

	types   map[string]kind // lower-cased type title -> kind
	doc     string          // the document's identifier, as found
	base    string          // the URIs' prefix, from the document's URI
	docID   string          // the document's lower-case UUID
	docNS   uuid.UUID       // docID parsed, once derive needs it
	nodes   []inode
	roots   []int           // the document's children and the items in no tree, in order
	order   []int           // the items in the order of the elements (elementOrder)
	links   []*wlp.CASELink // each item's kept isChildOf identity, or nil
	claimed map[string]bool // the identifiers kept
	kept    []wlp.CASEType  // the item types kept
	byIdent map[string]int  // original identifier -> item index
	byURI   map[string]int
	rubrics map[string]int     // rubric identifier (and uri) -> index
	related map[int][]relation // item index -> the rubrics it is related to
	partOf  []int              // isPartOf associations, to check against shares
	hasDoc  bool               // the document carries an export's extension
	docExt  docExt
	spec    wlp.Spec
	where   map[string]string // spec path of an element -> package pointer
	targets *space            // the roles' and jobs' ID space

	roleOK map[int]bool // role items imported as roles

	docTime   string       // the document's lastChangeDateTime
	others    []int        // the associations to keep whole, as found
	keptWhole map[int]bool // the associations kept whole
}

// relation is an isRelatedTo association of an item to a rubric.
type relation struct{ rubric, assoc int }

// tallied counts the objects of one kind of warning: the message says
// how many there are, at the place of the first.
type tallied struct {
	n   int
	at  int // the index of the warning's placeholder
	msg func(n int) string
}

// warn adds a warning at path.
func (im *importer) warn(path, msg string) {
	im.warns = append(im.warns, Warning{Path: path, Message: msg})
}

// count tallies one object of class (singular, such as "item") at path
// that has field, which the model has no place for.
func (im *importer) count(class, path, field string) {
	im.countAs(class, path+"/"+field, field, ", which the model has no place for; not kept")
}

// countAs tallies one object of class with a field at path, with the
// message's end what.
func (im *importer) countAs(class, path, field, what string) {
	im.tally("c\x00"+class+"\x00"+field+"\x00"+what, path, func(n int) string {
		noun, verb := class, "has"
		if n != 1 {
			noun, verb = plural(class), "have"
		}
		return fmt.Sprintf("%d %s %s %s%s", n, noun, verb, field, what)
	})
}

// each tallies one object at path of the kind of warning key: one is the
// message when it is the only one (it may name the object), many, with a
// %d for the count, the message when there are more, at the first.
func (im *importer) each(key, path, one, many string) {
	im.tally("e\x00"+key, path, func(n int) string {
		if n == 1 {
			return one
		}
		return fmt.Sprintf(many, n)
	})
}

// tally counts one more warning of the kind key, at path when it is the
// first in pointer order, whose message msg writes once the count is known.
func (im *importer) tally(key, path string, msg func(n int) string) {
	if t, ok := im.tallies[key]; ok {
		t.n++
		if w := &im.warns[t.at]; problem.Compare(Warning{Path: path}, Warning{Path: w.Path}) < 0 {
			w.Path, t.msg = path, msg
		}
		return
	}
	if im.tallies == nil {
		im.tallies = map[string]*tallied{}
	}
	im.tallies[key] = &tallied{n: 1, at: len(im.warns), msg: msg}
	// A placeholder keeps the warning's place among the others.
	im.warns = append(im.warns, Warning{Path: path, Message: "\x00" + key})
}

// finishTally writes the tallied warnings' messages in their places.
func (im *importer) finishTally() {
	for i, w := range im.warns {
		key, ok := strings.CutPrefix(w.Message, "\x00")
		if !ok {
			continue
		}
		t := im.tallies[key]
		im.warns[i].Message = t.msg(t.n)
	}
}

func plural(class string) string {
	switch {
	case strings.HasSuffix(class, "criterion"):
		return strings.TrimSuffix(class, "criterion") + "criteria"
	case strings.HasSuffix(class, "y") && !strings.HasSuffix(class, "ey"):
		return class[:len(class)-1] + "ies"
	case strings.HasSuffix(class, "s"):
		return class + "es"
	}
	return class + "s"
}

// presentAt returns the pointer of the field name of the object at path when
// it has a value, else the object's: a warning names what is there.
func presentAt(path, name, value string) string {
	if value == "" {
		return path
	}
	return path + "/" + name
}

func itemPath(i int) string  { return "/CFItems/" + strconv.Itoa(i) }
func assocPath(k int) string { return "/CFAssociations/" + strconv.Itoa(k) }
func rubricPath(r int) string {
	return "/CFRubrics/" + strconv.Itoa(r)
}

func (im *importer) run() (*wlp.Framework, []Warning, error) {
	p := im.p
	if p == nil || len(p.Items) == 0 {
		im.errs.Add("/CFItems", "the package has no items")
		return nil, nil, im.errs.Err("cfpackage")
	}
	im.kinds()
	im.identities()
	im.associations()
	if im.errs.Len() > 0 {
		return nil, nil, im.errs.Err("cfpackage")
	}
	im.cycles()
	if im.errs.Len() > 0 {
		return nil, nil, im.errs.Err("cfpackage")
	}
	im.where = map[string]string{"/case/document": "/CFDocument"}
	im.extensions()
	im.keepLinks()
	im.classify()
	im.assignIDs()
	im.build()
	im.fields()
	if im.errs.Len() > 0 {
		return nil, nil, im.errs.Err("cfpackage")
	}
	f, err := wlp.New(im.spec)
	if err != nil {
		im.mapErrors(err)
		return nil, nil, im.errs.Err("cfpackage")
	}
	im.checkTree(f)
	im.finishTally()
	slices.SortStableFunc(im.warns, problem.Compare)
	if n := len(im.warns) - problem.MaxReported; n > 0 {
		im.warns = append(im.warns[:problem.MaxReported:problem.MaxReported], Warning{Message: fmt.Sprintf("and %d more warnings, not listed", n)})
	}
	return f, im.warns, nil
}

// kinds indexes the option lists' type titles.
func (im *importer) kinds() {
	im.types = map[string]kind{}
	add := func(list []string, def string, k kind) {
		if list == nil {
			list = []string{def}
		}
		for _, t := range list {
			t = strings.ToLower(t)
			if _, ok := im.types[t]; !ok {
				im.types[t] = k
			}
		}
	}
	add(im.o.ClusterTypes, TypeCluster, kindCluster)
	add(im.o.CompetencyTypes, TypeCompetency, kindCompetency)
	add(im.o.AreaTypes, TypeArea, kindArea)
	add(im.o.RoleTypes, TypeRole, kindRole)
	add(im.o.JobTypes, TypeJob, kindJob)
	add(im.o.BehaviorTypes, TypeBehavior, kindBehavior)
	add(im.o.TechnologiesTypes, TypeTechnologies, kindTechnologies)
}

// unusedTypes warns of each type title the options give that no item of
// the package has, which may be misspelt.
func (im *importer) unusedTypes() {
	has := map[string]bool{}
	for _, n := range im.nodes {
		has[strings.ToLower(n.typ)] = true
	}
	for _, l := range []struct {
		titles []string
		what   string
	}{
		{im.o.ClusterTypes, "clusters"}, {im.o.CompetencyTypes, "competencies"}, {im.o.AreaTypes, "areas of expertise"},
		{im.o.RoleTypes, "roles"}, {im.o.JobTypes, "jobs"}, {im.o.BehaviorTypes, "key behaviours"}, {im.o.TechnologiesTypes, "technologies notes"},
	} {
		for _, t := range l.titles {
			if !has[strings.ToLower(t)] || t == "" {
				im.warn("", fmt.Sprintf("no item has the type %s, given for %s", problem.Quote(t), l.what))
			}
		}
	}
}

// newIdent returns the lower-case UUID that stands for identifier s.
func newIdent(s string) string {
	if wlp.ValidUUID(s) {
		return s
	}
	return uuid.NewSHA1(namespace, []byte("identifier:"+s)).String()
}

// identities indexes the items by identifier and URI, checks their
// statements, and gives each a lower-case UUID.
func (im *importer) identities() {
	p := im.p
	im.doc = p.Document.Identifier
	im.docTime = p.Document.LastChangeDateTime
	im.docID = newIdent(im.doc)
	// The base of the URIs an export derives, as Export works it out.
	im.base = "urn:uuid:"
	if prefix, ok := strings.CutSuffix(p.Document.URI, im.docID); ok && absoluteURI(prefix) {
		im.base = prefix
	}
	if im.docID != im.doc {
		im.warn("/CFDocument/identifier", fmt.Sprintf("%s is not a lower-case UUID; the framework keeps the version 5 UUID %s derived from it", problem.Quote(im.doc), im.docID))
	}
	im.nodes = make([]inode, len(p.Items))
	im.byIdent = make(map[string]int, len(p.Items))
	im.byURI = make(map[string]int, len(p.Items))
	for i := range p.Items {
		it := &p.Items[i]
		n := &im.nodes[i]
		n.parent, n.assoc, n.seq = toNone, -1, math.MaxInt
		if j, dup := im.byIdent[it.Identifier]; dup {
			im.errs.Add(itemPath(i)+"/identifier", fmt.Sprintf("identifier %s is already used by %s, the item %s", problem.Quote(it.Identifier), itemPath(j), im.label(j)))
			continue
		}
		if it.Identifier == im.doc {
			im.errs.Add(itemPath(i)+"/identifier", fmt.Sprintf("identifier %s is the document's", problem.Quote(it.Identifier)))
			continue
		}
		im.byIdent[it.Identifier] = i
		if it.URI != "" {
			if _, dup := im.byURI[it.URI]; !dup {
				im.byURI[it.URI] = i
			}
		}
		n.ident = newIdent(it.Identifier)
		if n.ident != it.Identifier {
			im.countAs("item", itemPath(i)+"/identifier", "an identifier that is not a lower-case UUID",
				": each is replaced with a version 5 UUID derived from it")
		}
		if it.FullStatement == "" && it.AbbreviatedStatement == "" && it.HumanCodingScheme == "" {
			im.errs.Add(itemPath(i), "the item has no statement (nor abbreviated statement, nor human coding scheme)")
		}
		n.typ = it.CFItemType
		if n.typ == "" && it.CFItemTypeURI != nil {
			n.typ = it.CFItemTypeURI.Title
		}
		if k, ok := im.types[strings.ToLower(n.typ)]; ok && n.typ != "" {
			n.kind = k
		} else if n.typ == "" {
			im.countAs("item", itemPath(i), "no type", ": placed by the shape of the tree")
		} else {
			im.countAs("item", itemPath(i)+"/CFItemType", "the type "+problem.Quote(n.typ), ", which no option names: placed by the shape of the tree")
		}
	}
	im.unusedTypes()
	// Two identifiers may derive one UUID only if one is the UUID the
	// other derives, which a package would have to be built to do.
	seen := make(map[string]int, len(im.nodes))
	for i, n := range im.nodes {
		if n.ident == "" {
			continue
		}
		if j, ok := seen[n.ident]; ok || n.ident == im.docID {
			other := "/CFDocument"
			if ok {
				other = itemPath(j)
			}
			im.errs.Add(itemPath(i)+"/identifier", fmt.Sprintf("identifier %s stands for the same UUID %s as %s", problem.Quote(p.Items[i].Identifier), n.ident, other))
			continue
		}
		seen[n.ident] = i
	}
	im.claimed = make(map[string]bool, len(seen)+1)
	im.claimed[im.docID] = true
	for id := range seen {
		im.claimed[id] = true
	}
	im.rubrics = make(map[string]int, 2*len(p.Rubrics))
	for r, rb := range p.Rubrics {
		if _, ok := im.rubrics[rb.Identifier]; !ok {
			im.rubrics[rb.Identifier] = r
		}
		if rb.URI != "" {
			if _, ok := im.rubrics[rb.URI]; !ok {
				im.rubrics[rb.URI] = r
			}
		}
	}
}

// node returns the item an association's end names, by identifier, then
// by URI: its index, toDocument, or toNone when it names neither.
func (im *importer) node(n NodeURI) int {
	if i, ok := im.byIdent[n.Identifier]; ok {
		return i
	}
	if n.Identifier == im.doc || (n.URI != "" && n.URI == im.p.Document.URI) {
		return toDocument
	}
	if i, ok := im.byURI[n.URI]; ok && n.URI != "" {
		return i
	}
	return toNone
}

// associations builds the tree from the isChildOf associations, notes
// the isRelatedTo associations to rubrics and the isPartOf ones, and
// tallies the others.
func (im *importer) associations() {
	im.related = map[int][]relation{}
	for k, a := range im.p.Associations {
		path := assocPath(k)
		origin, dest := im.node(a.OriginNodeURI), im.node(a.DestinationNodeURI)
		switch a.AssociationType {
		case IsChildOf:
			if origin < 0 {
				msg := fmt.Sprintf("the origin %s is not an item of the package", problem.Quote(a.OriginNodeURI.Identifier))
				if origin == toDocument {
					msg = "the origin is the document, which is no item's child"
				}
				im.errs.Add(path+"/originNodeURI", msg)
			}
			if dest == toNone {
				im.errs.Add(path+"/destinationNodeURI", fmt.Sprintf("the destination %s is neither an item of the package nor its document", problem.Quote(a.DestinationNodeURI.Identifier)))
			}
			if origin < 0 || dest == toNone {
				continue
			}
			if origin == dest {
				im.errs.Add(path, fmt.Sprintf("the item %s is its own child", im.label(origin)))
				continue
			}
			seq := math.MaxInt
			if a.SequenceNumber != nil {
				seq = *a.SequenceNumber
			}
			n := &im.nodes[origin]
			switch {
			case n.assoc < 0:
				n.parent, n.assoc, n.seq = dest, k, seq
			case seq < n.seq:
				im.secondParent(origin, n.assoc, k)
				n.parent, n.assoc, n.seq = dest, k, seq
			default:
				im.secondParent(origin, k, n.assoc)
			}
		case IsRelatedTo:
			r, isRubric := im.rubrics[a.DestinationNodeURI.Identifier]
			if !isRubric && a.DestinationNodeURI.URI != "" {
				r, isRubric = im.rubrics[a.DestinationNodeURI.URI]
			}
			if isRubric && origin >= 0 && (a.DestinationNodeURI.TargetType == "" || strings.EqualFold(a.DestinationNodeURI.TargetType, RubricTarget)) {
				im.related[origin] = append(im.related[origin], relation{r, k})
				continue
			}
			im.otherAssociation(k)
		case IsPartOf:
			if origin >= 0 && dest >= 0 {
				im.partOf = append(im.partOf, k)
				continue
			}
			im.otherAssociation(k)
		default:
			im.otherAssociation(k)
		}
	}
	// The children of each item, and of the document (with the items in
	// no tree, which an export puts there), in the order of their
	// sequence numbers, then of the items.
	for i := range im.nodes {
		if p := im.nodes[i].parent; p >= 0 {
			im.nodes[p].children = append(im.nodes[p].children, i)
		} else {
			im.roots = append(im.roots, i)
		}
	}
	bySeq := func(a, b int) int { return cmp.Or(cmp.Compare(im.nodes[a].seq, im.nodes[b].seq), cmp.Compare(a, b)) }
	for i := range im.nodes {
		slices.SortFunc(im.nodes[i].children, bySeq)
	}
	slices.SortFunc(im.roots, bySeq)
}

// secondParent warns that the isChildOf association drop gives item i a
// parent other than the one of the association kept.
func (im *importer) secondParent(i, drop, kept int) {
	im.each("second parent", assocPath(drop)+"/originNodeURI",
		fmt.Sprintf("the item %s has another parent, at %s, with a lower sequence number (or the same, earlier): this association is not kept", im.label(i), assocPath(kept)),
		"%d isChildOf associations, the first here, give an item a second parent: each is not kept, and the item keeps the parent of the lowest sequence number (the earliest association, for equal numbers)")
}

// label names item i in a message: its human coding scheme, else its
// abbreviated or full statement, quoted and short, and its identifier.
func (im *importer) label(i int) string {
	it := &im.p.Items[i]
	id := problem.Quote(it.Identifier)
	s := cmp.Or(it.HumanCodingScheme, it.AbbreviatedStatement, it.FullStatement)
	if s == "" || s == it.Identifier {
		return id
	}
	if r := []rune(s[:min(len(s), 4*labelLen)]); len(r) > labelLen {
		s = strings.TrimSpace(string(r[:labelLen-1])) + "…"
	}
	return strconv.Quote(s) + " (identifier " + id + ")"
}

// labelLen is the most runes of an item's text a message quotes.
const labelLen = 40

// otherAssociation notes an association the model has no place for, to
// keep whole (see keepAssociations).
func (im *importer) otherAssociation(k int) {
	im.others = append(im.others, k)
}

// kept is the message's end of a warning about what the framework keeps.
const kept = ", which the model has no place for: kept in the framework's case member, which an export writes back"

// keepAssociations keeps whole, in package order, the associations the
// model has no place for, with a warning counted once per type (and once
// for those with an end outside the package), and tallies the groupings
// and notes of the others as not kept.
func (im *importer) keepAssociations(src *wlp.CASESource) {
	slices.Sort(im.others)
	for _, k := range slices.Compact(im.others) {
		if a, ok := im.keepAssociation(k, src.Document.URI); ok {
			im.where["/case/associations/"+strconv.Itoa(len(src.Associations))] = assocPath(k)
			src.Associations = append(src.Associations, a)
			im.keptWhole[k] = true
		}
	}
	for k, a := range im.p.Associations {
		if im.keptWhole[k] {
			continue
		}
		if a.CFAssociationGroupingURI != nil {
			im.count("association", assocPath(k), "CFAssociationGroupingURI")
		}
		if a.Notes != "" {
			im.count("association", assocPath(k), "notes")
		}
	}
}

// keepAssociation returns association k as the framework keeps it, and
// whether it can: an end that is an item of the package (or its
// document) names the item's identifier, as the framework keeps it.
func (im *importer) keepAssociation(k int, docURI string) (wlp.CASEAssociation, bool) {
	a := &im.p.Associations[k]
	path := assocPath(k)
	if a.AssociationType == "" {
		im.countAs("association", path, "no associationType", "; not kept")
		return wlp.CASEAssociation{}, false
	}
	outside := ""
	end := func(field string, n NodeURI) (wlp.CASENode, bool) {
		c := wlp.CASENode(n)
		switch i := im.node(n); {
		case i >= 0:
			c.Identifier = im.nodes[i].ident
			if c.URI == "" {
				c.URI = cmp.Or(im.p.Items[i].URI, im.base+c.Identifier)
			}
		case i == toDocument:
			c.Identifier = im.docID
			if c.URI == "" {
				c.URI = docURI
			}
		case c.Identifier == "" || c.URI == "":
			im.countAs("association", path+"/"+field, "an end without identifier or uri", "; not kept")
			return c, false
		default:
			if outside == "" {
				outside = field
			}
		}
		return c, true
	}
	origin, ok1 := end("originNodeURI", a.OriginNodeURI)
	dest, ok2 := end("destinationNodeURI", a.DestinationNodeURI)
	if !ok1 || !ok2 {
		return wlp.CASEAssociation{}, false
	}
	out := wlp.CASEAssociation{
		Identifier: newIdent(a.Identifier), URI: a.URI, Type: a.AssociationType,
		Origin: origin, Destination: dest, Notes: a.Notes, Changed: im.time(a.LastChangeDateTime),
	}
	if a.SequenceNumber != nil {
		out.Sequence = *a.SequenceNumber
	}
	if out.Identifier != a.Identifier {
		im.countAs("association", path+"/identifier", "an identifier that is not a lower-case UUID", ": each is replaced with a version 5 UUID derived from it")
	}
	if out.URI == "" {
		out.URI = im.base + out.Identifier
	}
	if im.claimed[out.Identifier] {
		im.countAs("association", path+"/identifier", "an identifier that another object of the package has", "; not kept")
		return wlp.CASEAssociation{}, false
	}
	im.claimed[out.Identifier] = true
	if g := a.CFAssociationGroupingURI; g != nil {
		if g.Identifier == "" || g.URI == "" {
			im.countAs("association", path+"/CFAssociationGroupingURI", "a CFAssociationGroupingURI without identifier or uri", "; not kept")
		} else {
			r := wlp.CASERef(*g)
			out.Grouping = &r
		}
	}
	im.foreign("association", path, a.Extensions)
	if outside != "" {
		im.countAs("association", path+"/"+outside, "an end outside the package", kept)
	} else {
		im.countAs("association", path+"/associationType", "the type "+problem.Quote(a.AssociationType), kept)
	}
	return out, true
}

// noTime is the lastChangeDateTime an export writes of an object when
// it has no time.
const noTime = "1970-01-01T00:00:00Z"

// time returns the lastChangeDateTime t of an object as the framework
// keeps it: "" when it is the document's, which an export gives every
// object without a time of its own (so that a package an export wrote,
// whose times are all one, keeps none).
func (im *importer) time(t string) string {
	if t == im.docTime {
		return ""
	}
	return t
}

// cycles reports every cycle of the tree, once each, at the association
// of the item where the walk found it. It costs O(items) time.
func (im *importer) cycles() {
	state := make([]uint8, len(im.nodes)) // 0 new, 1 on the walk, 2 done
	var walk []int
	for i := range im.nodes {
		walk = walk[:0]
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			walk = append(walk, j)
			j = im.nodes[j].parent
		}
		if j >= 0 && state[j] == 1 {
			im.errs.Add(assocPath(im.nodes[j].assoc), fmt.Sprintf("the isChildOf associations make a cycle through the item %s", im.label(j)))
		}
		for _, w := range walk {
			state[w] = 2
		}
	}
}

// extensions reads the export's extensions of the document and tallies
// those of other exporters, on the package and its definitions.
func (im *importer) extensions() {
	p := im.p
	im.foreign("package", "", p.Extensions)
	if raw, ok := p.Document.Extensions[ExtensionName]; ok && im.ext {
		var d docExt
		if err := json.Unmarshal(raw, &d); err != nil {
			im.warn("/CFDocument/extensions/"+ExtensionName, "the extension cannot be read ("+err.Error()+"); not kept")
		} else {
			im.hasDoc, im.docExt = true, d
		}
	}
	im.foreign("document", "/CFDocument", p.Document.Extensions)
	d := p.Document
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"frameworkType", d.FrameworkType != ""},
		{"subject", len(d.Subject) > 0},
		{"subjectURI", len(d.SubjectURI) > 0},
		{"statusStartDate", d.StatusStartDate != ""},
		{"statusEndDate", d.StatusEndDate != ""},
		{"licenseURI", d.LicenseURI != nil},
		{"notes", d.Notes != ""},
	} {
		if f.set {
			im.count("document", "/CFDocument", f.name)
		}
	}
	if defs := p.Definitions; defs != nil {
		for _, f := range []struct {
			name string
			n    int
		}{
			{"CFConcepts", len(defs.CFConcepts)},
			{"CFSubjects", len(defs.CFSubjects)},
			{"CFLicenses", len(defs.CFLicenses)},
			{"CFAssociationGroupings", len(defs.CFAssociationGroupings)},
		} {
			if f.n > 0 {
				im.warn("/CFDefinitions/"+f.name, fmt.Sprintf("%d %s, which the model has no place for; not kept", f.n, map[bool]string{true: "definition", false: "definitions"}[f.n == 1]))
			}
		}
		im.foreign("definitions object", "/CFDefinitions", defs.Extensions)
		im.itemTypes(defs.CFItemTypes)
	}
}

// itemTypes keeps the item types ts whose identity, description or type
// code is not what an export writes for their titles.
func (im *importer) itemTypes(ts []ItemType) {
	desc := map[string]string{}
	for _, t := range itemTypes {
		desc[t.title] = t.description
	}
	titles := map[string]bool{}
	for i, t := range ts {
		path := "/CFDefinitions/CFItemTypes/" + strconv.Itoa(i)
		im.foreign("item type", path, t.Extensions)
		switch {
		case t.Title == "":
			im.countAs("item type", path, "no title", "; not kept")
			continue
		case titles[t.Title]:
			im.countAs("item type", path+"/title", "the title of an earlier item type", "; not kept")
			continue
		}
		titles[t.Title] = true
		want, ours := desc[t.Title]
		if !ours {
			want = "An item type of the package this framework was imported from."
		}
		id := im.derive("type:" + t.Title)
		changed := im.time(t.LastChangeDateTime)
		if t.Identifier == id && t.URI == im.base+id && t.Description == want && t.TypeCode == "" && changed == "" {
			continue
		}
		k := wlp.CASEType{Title: t.Title, Identifier: newIdent(t.Identifier), URI: t.URI, Description: t.Description, HierarchyCode: t.HierarchyCode, TypeCode: t.TypeCode, Changed: changed}
		if k.Identifier != t.Identifier {
			im.countAs("item type", path+"/identifier", "an identifier that is not a lower-case UUID", ": each is replaced with a version 5 UUID derived from it")
		}
		if k.URI == "" {
			k.URI = im.base + k.Identifier
		}
		if im.claim(k.Identifier, path+"/identifier") {
			im.where["/case/types/"+strconv.Itoa(len(im.kept))] = path
			im.kept = append(im.kept, k)
		}
	}
}

// foreign tallies the extensions of exporters other than this package
// (all of them when the import ignores extensions) of an object of class
// at path.
func (im *importer) foreign(class, path string, ext Extensions) {
	for _, name := range sortedKeys(ext) {
		if name == ExtensionName {
			continue
		}
		im.countAs(class, path+"/extensions/"+problem.Escape(name), "the extension "+problem.Quote(name), ", which the model has no place for; not kept")
	}
}

func sortedKeys(ext Extensions) []string {
	if len(ext) == 0 {
		return nil
	}
	keys := make([]string, 0, len(ext))
	for k := range ext {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// treeOrder returns the items parents first: the roots (the document's
// children, then the items in no tree), each followed by its subtree,
// siblings in the order of their sequence numbers. With byKind, siblings
// come in the order of their kinds first (see kindRank): the order an
// export keeps, which writes the kinds one after the other and numbers
// the siblings of one kind in their order. It costs O(items) time (and,
// with byKind, a sort of each item's children).
func (im *importer) treeOrder(byKind bool) []int {
	out := make([]int, 0, len(im.nodes))
	var stack, ch []int
	order := func(c []int) []int {
		if !byKind {
			return c
		}
		ch = append(ch[:0], c...)
		slices.SortStableFunc(ch, func(a, b int) int { return cmp.Compare(kindRank[im.nodes[a].kind], kindRank[im.nodes[b].kind]) })
		return ch
	}
	for _, r := range slices.Backward(order(im.roots)) {
		stack = append(stack, r)
	}
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		out = append(out, j)
		for _, c := range slices.Backward(order(im.nodes[j].children)) {
			stack = append(stack, c)
		}
	}
	return out
}

// kindRank orders the kinds as an export writes them.
var kindRank = [...]int{kindOther: 0, kindCluster: 1, kindCompetency: 2, kindArea: 3, kindBehavior: 4, kindTechnologies: 5, kindRole: 6, kindJob: 7, kindUnknown: 8}

// elementOrder returns the items in the order of rule 1 of ImportOptions
// (Kinds and order): the package's order, except that the places of the
// children of one kind of each parent (the document's taking the items
// in no tree) hold those children in the order of their sequence numbers.
// It costs O(items log items) time.
func (im *importer) elementOrder() []int {
	type group struct {
		parent int
		kind   kind
	}
	groups := map[group][]int{}
	for i, n := range im.nodes {
		g := group{max(n.parent, toDocument), n.kind}
		groups[g] = append(groups[g], i)
	}
	out := make([]int, len(im.nodes))
	for _, places := range groups {
		members := slices.Clone(places)
		slices.SortFunc(members, func(a, b int) int { return cmp.Or(cmp.Compare(im.nodes[a].seq, im.nodes[b].seq), cmp.Compare(a, b)) })
		for k, at := range places {
			out[at] = members[k]
		}
	}
	return out
}

// classify works out the kind of every item: by type, then by the shape
// of the tree, then mends what the model cannot hold (see ImportOptions).
func (im *importer) classify() {
	ns := im.nodes
	leaf := func(i int) bool {
		for _, c := range ns[i].children {
			if k := ns[c].kind; k != kindBehavior && k != kindTechnologies {
				return false
			}
		}
		return true
	}
	typed := make([]bool, len(ns))
	for i := range ns {
		typed[i] = ns[i].kind != kindUnknown
	}
	// Leaves first, so that their parents see what they are.
	for i := range ns {
		if typed[i] || !leaf(i) {
			continue
		}
		switch ns[i].parent {
		case toNone:
			ns[i].kind = kindArea
			im.each("no tree", itemPath(i), "the item is in no isChildOf association: imported as an area of expertise, which an export puts under the document",
				"%d items, the first here, are in no isChildOf association: each is imported as an area of expertise, which an export puts under the document")
		case toDocument:
			ns[i].kind = kindArea
		default:
			ns[i].kind = kindCompetency
		}
	}
	for i := range ns {
		if ns[i].kind != kindUnknown {
			continue
		}
		ns[i].kind = kindOther
		for _, c := range ns[i].children {
			if ns[c].kind == kindCompetency {
				ns[i].kind = kindCluster
				break
			}
		}
		if ns[i].parent == toNone {
			im.each("no parent", itemPath(i), "the item is no item's child: read as a child of the document",
				"%d items, the first here, are no item's child: each is read as a child of the document")
		}
	}
	tech := map[int]bool{} // areas with a technologies note
	for _, i := range im.treeOrder(false) {
		n := &ns[i]
		pk := kindUnknown
		if n.parent >= 0 {
			pk = ns[n.parent].kind
		}
		one, many := "", ""
		switch n.kind {
		case kindCompetency:
			switch {
			case pk == kindCluster:
			case n.parent < 0 && typed[i]:
				one, many = "a competency directly under the document has no cluster", "%d competencies, the first here, are directly under the document, with no cluster"
			case n.parent >= 0:
				one, many = "a competency whose parent cannot be a cluster", "%d competencies, the first here, have a parent that cannot be a cluster"
			}
		case kindBehavior:
			if pk != kindCompetency && pk != kindArea {
				one, many = "a key behaviour that is not the child of a competency or an area", "%d key behaviours, the first here, are not the child of a competency or an area"
			}
		case kindTechnologies:
			switch {
			case pk != kindArea:
				one, many = "a technologies note that is not the child of an area", "%d technologies notes, the first here, are not the child of an area"
			case tech[n.parent]:
				one, many = "a second technologies note of one area", "%d technologies notes, the first here, are an area's second or later one"
			default:
				tech[n.parent] = true
			}
		case kindOther:
			im.each("other", itemPath(i), "the item is above the clusters, where the model has no place: kept whole in the framework's case member, which an export puts back",
				"%d items, the first here, are above the clusters, where the model has no place: each is kept whole in the framework's case member, which an export puts back")
		}
		if one != "" {
			n.kind = kindArea
			im.each(one, itemPath(i), one+": imported as an area of expertise, whose parent the framework's case member keeps",
				many+": each is imported as an area of expertise, whose parent the framework's case member keeps")
		}
	}
	im.order = im.elementOrder()
}

// space is an ID space: the IDs taken, each with what took it (an
// item's index, or -1 for a rubric).
type space struct {
	used map[string]int
	next map[string]int // a slug -> the next suffix to try
}

// take returns base, or, when it is taken, base with the first suffix
// "-2", "-3"... that gives an ID not taken, and what took base.
func (s *space) take(base string, by int) (id string, holder int) {
	if s.used == nil {
		s.used, s.next = map[string]int{}, map[string]int{}
	}
	holder, taken := s.used[base]
	if !taken {
		s.used[base] = by
		return base, 0
	}
	for n := max(s.next[base], 2); ; n++ {
		suffix := "-" + strconv.Itoa(n)
		id := cut(base, competency.MaxIDLen-len(suffix)) + suffix
		if _, ok := s.used[id]; !ok {
			s.used[id] = by
			s.next[base] = n + 1
			return id, holder
		}
	}
}

// collision warns that item i, which took the ID id, gives the ID base,
// which the item holder (or, when it is -1, a rubric's role) took first.
func (im *importer) collision(i int, id, base string, holder int) {
	first := "a role made from a rubric"
	if holder >= 0 {
		first = "the item " + im.label(holder)
	}
	im.warn(itemPath(i), fmt.Sprintf("the item %s gives the ID %s, which %s, earlier in the tree, took: given the ID %s",
		im.label(i), problem.Quote(base), first, problem.Quote(id)))
}

// assignIDs gives every cluster, competency, area, role and job its ID,
// within each ID space in tree order by kind (treeOrder), which neither
// the order of the package's arrays nor an export changes.
func (im *importer) assignIDs() {
	var clusters, items, targets space
	for _, i := range im.treeOrder(true) {
		n := &im.nodes[i]
		it := &im.p.Items[i]
		var s *space
		fallback := ""
		switch n.kind {
		case kindCluster:
			s, fallback = &clusters, "cluster"
		case kindCompetency, kindArea:
			s, fallback = &items, "item"
		case kindRole, kindJob:
			s, fallback = &targets, "role"
		default:
			continue
		}
		base := ""
		for _, src := range []string{it.HumanCodingScheme, it.AbbreviatedStatement, it.FullStatement} {
			if base = Slug(src); base != "" {
				break
			}
		}
		if base == "" {
			base = fallback
		}
		var holder int
		if n.id, holder = s.take(base, i); n.id != base {
			im.collision(i, n.id, base, holder)
		}
	}
	im.targets = &targets
}

// Slug returns s as an ID: lower-case ASCII letters and digits in words
// joined by single hyphens, common Latin accented letters transliterated
// ("é" to "e", "ß" to "ss"), compatibility characters written as the
// letters they stand for (Unicode's NFKD: "ﬁ" to "fi", a full-width "Ａ"
// to "a", "²" to "2"), apostrophes, combining marks and format characters
// (a zero-width space, a soft hyphen) dropped, any other character a
// break between words, cut at a word boundary to at most
// [competency.MaxIDLen] bytes. It returns "" when s holds no letter or
// digit it can write. A well-formed ID is its own slug. Slug costs time
// linear in the length of s.
func Slug(s string) string {
	var b strings.Builder
	var nfkd []byte
	var one [utf8.UTFMax]byte
	gap := false
	write := func(t string) {
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteString(t)
	}
	// letter writes r if it is a letter or digit Slug can write, drops it
	// if it is a mark or format character, and reports whether it did
	// either.
	letter := func(r rune) bool {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			write(string(r))
		case 'A' <= r && r <= 'Z':
			write(string(r + 'a' - 'A'))
		case r == '\'' || r == '\u2019' || r == '\u02bc', unicode.Is(unicode.Mn, r), unicode.Is(unicode.Cf, r):
		default:
			t, ok := latin[r]
			if ok {
				write(t)
			}
			return ok
		}
		return true
	}
	for _, r := range s {
		if !letter(r) {
			// A compatibility character, or a letter with marks latin
			// does not list, decomposes into letters Slug may write.
			in := utf8.AppendRune(one[:0], r)
			nfkd = norm.NFKD.Append(nfkd[:0], in...)
			if string(nfkd) == string(in) {
				gap = true
			} else {
				for _, d := range string(nfkd) {
					if !letter(d) {
						gap = true
					}
				}
			}
		}
		if b.Len() > 4*competency.MaxIDLen {
			break
		}
	}
	return cut(b.String(), competency.MaxIDLen)
}

// cut shortens the slug s to at most n bytes, at a word boundary when
// it has one.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if s[n] == '-' {
		return s[:n]
	}
	if i := strings.LastIndexByte(s[:n], '-'); i > 0 {
		return s[:i]
	}
	return s[:n]
}

// latin transliterates the common accented Latin letters.
var latin = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range []struct{ from, to string }{
		{"àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "a"}, {"çćĉċčÇĆĈĊČ", "c"}, {"ďđĎĐ", "d"},
		{"èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"}, {"ĝğġģĜĞĠĢ", "g"}, {"ĥħĤĦ", "h"},
		{"ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "i"}, {"ĵĴ", "j"}, {"ķĶ", "k"}, {"ĺļľŀłĹĻĽĿŁ", "l"},
		{"ñńņňÑŃŅŇ", "n"}, {"òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "o"}, {"ŕŗřŔŖŘ", "r"},
		{"śŝşšșŚŜŞŠȘ", "s"}, {"ţťŧțŢŤŦȚ", "t"}, {"ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "u"},
		{"ŵŴ", "w"}, {"ýÿŷÝŸŶ", "y"}, {"źżžŹŻŽ", "z"},
		{"æÆ", "ae"}, {"œŒ", "oe"}, {"ß", "ss"}, {"þÞ", "th"}, {"ðÐ", "d"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// names returns the name and summary item i gives an element (see
// ImportOptions), the name taken from the human coding scheme, with a
// warning, when the item has no statement.
func (im *importer) names(i int) (name, summary string) {
	it := &im.p.Items[i]
	switch {
	case it.AbbreviatedStatement != "":
		return it.AbbreviatedStatement, it.FullStatement
	case it.FullStatement != "":
		return it.FullStatement, ""
	}
	im.each("no statement", itemPath(i), "the item has no statement: named after its human coding scheme",
		"%d items, the first here, have no statement: each is named after its human coding scheme")
	return it.HumanCodingScheme, ""
}

// derive returns the identifier an export derives from the document's
// for the element named name ("item:ID", ...).
func (im *importer) derive(name string) string {
	if im.docNS == (uuid.UUID{}) {
		im.docNS = uuid.MustParse(im.docID)
	}
	return uuid.NewSHA1(im.docNS, []byte(name)).String()
}

// uri returns item i's URI, or, without one, the URI an export would give
// it, with a warning.
func (im *importer) uri(i int) string {
	if u := im.p.Items[i].URI; u != "" {
		return u
	}
	im.countAs("item", itemPath(i), "no uri", ": each is given the URI an export derives from its identifier")
	return im.base + im.nodes[i].ident
}

// keep returns the identity of item i, an element of the ID id that an
// export writes with the name derived, the human coding scheme code and
// the item type typ under parent, and whether it differs from that.
func (im *importer) keep(i int, derived, code, typ string, parent int) (wlp.CASEItem, bool) {
	n := &im.nodes[i]
	it := wlp.CASEItem{Identifier: n.ident, URI: im.uri(i), Link: im.links[i], Changed: im.time(im.p.Items[i].LastChangeDateTime)}
	if p := max(n.parent, toDocument); p != parent && p >= 0 {
		it.Parent = im.nodes[p].ident
	}
	switch c := im.p.Items[i].HumanCodingScheme; {
	case c == "":
		it.Uncoded = true
	case c != code:
		it.Code = c
	}
	switch {
	case n.typ == "":
		it.Untyped = true
	case n.typ != typ:
		it.Type = n.typ
	}
	differs := it.Identifier != im.derive(derived) || it.URI != im.base+it.Identifier ||
		it.Parent != "" || it.Code != "" || it.Type != "" || it.Uncoded || it.Untyped || it.Link != nil || it.Changed != ""
	return it, differs
}

// claim reports whether the identifier id, to be kept for the object at
// path, is used by no item, item type or association kept before; when
// it is, it warns that the object's identity is not kept.
func (im *importer) claim(id, path string) bool {
	if im.claimed[id] {
		im.countAs("object", path, "an identifier that another object of the package has", "; its identity is not kept")
		return false
	}
	im.claimed[id] = true
	return true
}

// keepLinks works out the identity of each item's isChildOf association
// that is not the one an export derives, for the items' CASEItem Link.
func (im *importer) keepLinks() {
	im.links = make([]*wlp.CASELink, len(im.nodes))
	for i, n := range im.nodes {
		if n.assoc < 0 {
			continue
		}
		a := &im.p.Associations[n.assoc]
		parent := im.docID
		if n.parent >= 0 {
			parent = im.nodes[n.parent].ident
		}
		id := im.derive("association:" + IsChildOf + ":" + n.ident + ">" + parent)
		changed := im.time(a.LastChangeDateTime)
		if a.Identifier == id && a.URI == im.base+id && changed == "" {
			continue
		}
		path := assocPath(n.assoc)
		l := &wlp.CASELink{Identifier: newIdent(a.Identifier), URI: a.URI, Changed: changed}
		if a.SequenceNumber != nil {
			l.Sequence = *a.SequenceNumber
		}
		if l.Identifier != a.Identifier {
			im.countAs("association", path+"/identifier", "an identifier that is not a lower-case UUID", ": each is replaced with a version 5 UUID derived from it")
		}
		if l.URI == "" {
			l.URI = im.base + l.Identifier
		}
		if im.claim(l.Identifier, path+"/identifier") {
			im.links[i] = l
		}
	}
}

// keepBehaviors fills it.Behaviors with the identities of the behaviour
// items bs of the element id, when any differs from an export's, and
// reports whether it did.
func (im *importer) keepBehaviors(it *wlp.CASEItem, id string, bs []int) bool {
	out := make([]wlp.CASEItem, len(bs))
	differs := false
	for k, b := range bs {
		n := strconv.Itoa(k + 1)
		var d bool
		out[k], d = im.keep(b, "behavior:"+id+":"+n, id+"."+n, TypeBehavior, im.nodes[b].parent)
		differs = differs || d
		if im.p.Items[b].AbbreviatedStatement != "" {
			im.count("key behaviour", itemPath(b), "abbreviatedStatement")
		}
	}
	if differs {
		it.Behaviors = out
	}
	return differs
}

// childrenOf returns the children of item i of kind k, in order.
func (im *importer) childrenOf(i int, k kind) []int {
	var out []int
	for _, c := range im.nodes[i].children {
		if im.nodes[c].kind == k {
			out = append(out, c)
		}
	}
	return out
}

// statement returns the text of a behaviour or technologies item.
func (im *importer) statement(i int) string {
	it := &im.p.Items[i]
	switch {
	case it.FullStatement != "":
		return it.FullStatement
	case it.AbbreviatedStatement != "":
		return it.AbbreviatedStatement
	}
	return it.HumanCodingScheme
}

// build makes the framework's Spec.
func (im *importer) build() {
	p, s := im.p, &im.spec
	d := p.Document
	s.Name, s.Version, s.Description = d.Title, d.Version, d.Description
	docName := func(name string) string { return uuid.NewSHA1(namespace, []byte(name)).String() }
	switch {
	case im.o.ID != "":
		s.ID = im.o.ID
	case im.hasDoc:
		s.ID = im.docExt.ID
	case im.docID == docName("framework-name:"+d.Title):
	case im.docID == docName("framework-name:"):
		s.Name = ""
	default:
		s.ID = Slug(d.Title)
	}
	if im.hasDoc && im.docExt.Unnamed {
		s.Name = "" // the title is the ID or "Untitled framework"
	}
	src := &wlp.CASESource{
		Document: wlp.CASEDocument{
			Identifier: im.docID, URI: d.URI, Creator: d.Creator, Publisher: d.Publisher,
			Language: d.Language, OfficialSourceURL: d.OfficialSourceURL, AdoptionStatus: d.AdoptionStatus,
			Changed: d.LastChangeDateTime,
		},
		Clusters: map[competency.Cluster]wlp.CASEItem{},
		Items:    map[competency.ID]wlp.CASEItem{},
		Targets:  map[role.ID]wlp.CASEItem{},
	}
	if src.Document.Changed == noTime {
		src.Document.Changed = "" // what an export writes without a time
	}
	if src.Document.URI == "" {
		im.warn("/CFDocument/uri", `the document has no uri: given "urn:uuid:" and its identifier`)
		src.Document.URI = "urn:uuid:" + im.docID
	}
	keepCASE := im.docID != docName(documentName(s.ID, s.Name)) || src.Document.URI != "urn:uuid:"+im.docID ||
		d.Creator != "wlp" || d.Publisher != "" || d.Language != "" || d.OfficialSourceURL != "" || d.AdoptionStatus != ""
	if im.hasDoc && im.o.ID == "" {
		im.where["/id"] = "/CFDocument/extensions/" + ExtensionName
	}

	var clusters []competency.ClusterInfo
	var technologies *wlp.CASEItem // the kept identity of the area's technologies note
	for _, i := range im.order {
		n := &im.nodes[i]
		switch n.kind {
		case kindCluster:
			name, summary := im.names(i)
			id := competency.Cluster(n.id)
			clusters = append(clusters, competency.ClusterInfo{ID: id, Name: name, Summary: summary})
			im.where["/case/clusters/"+problem.Escape(n.id)] = itemPath(i)
			if it, differs := im.keep(i, "cluster:"+n.id, n.id, TypeCluster, toDocument); differs {
				src.Clusters[id] = it
				keepCASE = true
			}
		case kindCompetency, kindArea:
			name, summary := im.names(i)
			bs := im.childrenOf(i, kindBehavior)
			var behaviors []string
			for _, b := range bs {
				behaviors = append(behaviors, im.statement(b))
			}
			id := competency.ID(n.id)
			typ, parent := TypeArea, toDocument
			if n.kind == kindCompetency {
				typ, parent = TypeCompetency, n.parent
				im.where["/competencies/"+strconv.Itoa(len(s.Competencies))] = itemPath(i)
				s.Competencies = append(s.Competencies, competency.Competency{
					ID: id, Name: name, Cluster: competency.Cluster(im.nodes[n.parent].id), Summary: summary, Behaviors: behaviors,
				})
			} else {
				a := aoe.Area{ID: id, Name: name, Summary: summary, Behaviors: behaviors}
				var tech *wlp.CASEItem
				if ts := im.childrenOf(i, kindTechnologies); len(ts) > 0 {
					t := ts[0]
					a.Technologies = im.statement(t)
					if ti, d := im.keep(t, "technologies:"+n.id, n.id+".technologies", TypeTechnologies, i); d {
						tech = &ti
					}
					if p.Items[t].AbbreviatedStatement != "" {
						im.count("technologies note", itemPath(t), "abbreviatedStatement")
					}
				}
				technologies = tech
				im.where["/areas/"+strconv.Itoa(len(s.Areas))] = itemPath(i)
				s.Areas = append(s.Areas, a)
			}
			im.where["/case/items/"+problem.Escape(n.id)] = itemPath(i)
			it, differs := im.keep(i, "item:"+n.id, n.id, typ, parent)
			if technologies != nil {
				it.Technologies, differs = technologies, true
			}
			technologies = nil
			if im.keepBehaviors(&it, n.id, bs) || differs {
				src.Items[id] = it
				keepCASE = true
			}
		}
	}
	s.Clusters = im.declared(clusters)
	if x := im.docExt.Declared; im.hasDoc && x != nil && *x >= 0 && *x <= len(clusters) {
		s.Clusters = clusters[:*x]
	}

	if im.targetsAndRubrics(src) {
		keepCASE = true
	}
	for _, i := range im.treeOrder(true) {
		if im.nodes[i].kind != kindOther {
			continue
		}
		it := &p.Items[i]
		o := wlp.CASEItem{
			Identifier: im.nodes[i].ident, URI: im.uri(i), Code: it.HumanCodingScheme, Type: im.nodes[i].typ,
			Statement: it.FullStatement, Abbreviated: it.AbbreviatedStatement,
			Uncoded: it.HumanCodingScheme == "", Untyped: im.nodes[i].typ == "", Link: im.links[i],
			Changed: im.time(it.LastChangeDateTime),
		}
		if o.Statement == "" {
			o.Statement, o.Abbreviated = im.statement(i), ""
			im.each("no full statement", itemPath(i), "the item has no full statement: kept with its abbreviated statement or human coding scheme as one",
				"%d items, the first here, have no full statement: each is kept with its abbreviated statement or human coding scheme as one")
		}
		if pa := im.nodes[i].parent; pa >= 0 {
			o.Parent = im.nodes[pa].ident
		}
		im.where["/case/others/"+strconv.Itoa(len(src.Others))] = itemPath(i)
		src.Others = append(src.Others, o)
		keepCASE = true
	}
	if len(im.kept) > 0 {
		src.Types = im.kept
		keepCASE = true
	}
	im.keepAssociations(src)
	if len(src.Associations) > 0 {
		keepCASE = true
	}
	if keepCASE {
		s.CASE = src
	}
}

// documentName is the name from which DocumentIdentifier derives the
// identifier of a framework with the ID id and the name name.
func documentName(id, name string) string {
	if id == "" {
		return "framework-name:" + name
	}
	return "framework:" + id
}

// declared returns the clusters the framework declares, of the cluster
// items cs in package order. An export writes the declared clusters, then
// the model's clusters used but not declared; so when cs holds a cluster
// of the framework's own, the model's clusters after the last of those
// that are exactly what an undeclared model cluster would give are left
// undeclared. (Clusters that are all the model's are declared, as
// [wlp.DefaultSpec] declares them.)
func (im *importer) declared(cs []competency.ClusterInfo) []competency.ClusterInfo {
	model := map[competency.Cluster]competency.ClusterInfo{}
	for _, c := range competency.Clusters() {
		model[c.ID] = c
	}
	last := -1
	for i, c := range cs {
		if model[c.ID] != c {
			last = i
		}
	}
	if last < 0 {
		return cs
	}
	for k := last + 1; k < len(cs); k++ {
		listed := map[competency.Cluster]bool{}
		for _, c := range cs[:k] {
			listed[c.ID] = true
		}
		var rest []competency.Cluster
		for _, c := range im.spec.Competencies {
			if !listed[c.Cluster] {
				listed[c.Cluster] = true
				rest = append(rest, c.Cluster)
			}
		}
		if slices.EqualFunc(rest, cs[k:], func(id competency.Cluster, c competency.ClusterInfo) bool { return id == c.ID }) {
			return cs[:k]
		}
	}
	return cs
}

// round12 rounds w to 12 significant digits.
func round12(w float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(w, 'g', 12, 64), 64)
	if err != nil {
		return w
	}
	return r
}

// targetsAndRubrics makes the roles and jobs from their items and
// rubrics, and the roles of the rubrics related to no item, keeping the
// identities of their items in src. It reports whether any identity
// differs from an export's.
func (im *importer) targetsAndRubrics(src *wlp.CASESource) bool {
	p, s := im.p, &im.spec
	keepCASE := false
	byTitle := map[string]int{}
	for r, rb := range p.Rubrics {
		if _, ok := byTitle[rb.Title]; !ok && rb.Title != "" {
			byTitle[rb.Title] = r
		}
	}
	used := make([]bool, len(p.Rubrics))
	rubricOf := func(i int, name string) int {
		rs := im.related[i]
		if len(rs) == 0 {
			if r, ok := byTitle[name+": requirements"]; ok {
				used[r] = true
				return r
			}
			return -1
		}
		for _, r := range rs[1:] {
			if r.rubric != rs[0].rubric {
				im.warn(assocPath(r.assoc), fmt.Sprintf("the item is related to more than one rubric; only the first, %s, is read, not %s", rubricPath(rs[0].rubric), rubricPath(r.rubric)))
			}
		}
		rb := &p.Rubrics[rs[0].rubric]
		for _, r := range rs {
			im.sameAssociation(r.assoc, IsRelatedTo, im.nodes[i].ident, newIdent(rb.Identifier))
		}
		used[rs[0].rubric] = true
		return rs[0].rubric
	}
	im.roleOK = map[int]bool{}
	jobShares := map[int]map[role.ID]bool{}
	for pass := range 2 {
		for _, i := range im.order {
			n := &im.nodes[i]
			if (pass == 0) != (n.kind == kindRole) || (pass == 1) != (n.kind == kindJob) {
				continue
			}
			name, summary := im.names(i)
			r := rubricOf(i, name)
			var rd reading
			if r >= 0 {
				rd = im.readRubric(r, n.kind == kindJob)
			}
			id := role.ID(n.id)
			if n.kind == kindRole {
				if len(rd.reqs) == 0 {
					n.kind = kindOther
					im.each("role without requirements", itemPath(i), "the role has no requirement the model can read (it needs a rubric of criteria that point at competencies or areas): kept whole in the framework's case member",
						"%d roles, the first here, have no requirement the model can read (they need a rubric of criteria that point at competencies or areas): each is kept whole in the framework's case member")
					continue
				}
				im.roleOK[i] = true
				k := len(s.Roles)
				im.whereReading(fmt.Sprintf("/roles/%d", k), i, rd)
				s.Roles = append(s.Roles, role.Role{ID: id, Name: name, Summary: summary, Requirements: rd.reqs})
				im.checkRubric(r, "role:"+n.id, fmt.Sprintf("What the role %s needs. ", name), name)
			} else {
				if len(rd.reqs) == 0 && len(rd.shares) == 0 {
					n.kind = kindOther
					im.each("empty job", itemPath(i), "the job has neither shares nor requirements the model can read (they come from a rubric of criteria that point at roles, competencies or areas): kept whole in the framework's case member",
						"%d jobs, the first here, have neither shares nor requirements the model can read (they come from a rubric of criteria that point at roles, competencies or areas): each is kept whole in the framework's case member")
					continue
				}
				k := len(s.Jobs)
				im.whereReading(fmt.Sprintf("/jobs/%d", k), i, rd)
				s.Jobs = append(s.Jobs, role.Job{ID: id, Title: name, Summary: summary, Roles: rd.shares, Requirements: rd.reqs})
				set := map[role.ID]bool{}
				for _, sh := range rd.shares {
					set[sh.Role] = true
				}
				jobShares[i] = set
				desc := fmt.Sprintf("What the job %s needs. ", name)
				if len(rd.shares) > 0 {
					desc += jobRule
				}
				im.checkRubric(r, "job:"+n.id, desc, name)
			}
			im.where["/case/targets/"+problem.Escape(n.id)] = itemPath(i)
			typ, prefix := TypeRole, "role:"
			if n.kind == kindJob {
				typ, prefix = TypeJob, "job:"
			}
			if it, differs := im.keep(i, prefix+n.id, n.id, typ, toDocument); differs {
				src.Targets[id] = it
				keepCASE = true
			}
		}
	}
	for r, rb := range p.Rubrics {
		if used[r] {
			continue
		}
		name := strings.TrimSuffix(rb.Title, ": requirements")
		if name == "" {
			name = "Rubric " + strconv.Itoa(r+1)
		}
		rd := im.readRubric(r, false)
		if len(rd.reqs) == 0 {
			im.warn(rubricPath(r), "no role or job is related to the rubric, and it has no requirement the model can read; not kept")
			continue
		}
		base := Slug(name)
		if base == "" {
			base = "role"
		}
		id, _ := im.targets.take(base, -1)
		im.warn(rubricPath(r), fmt.Sprintf("no role or job is related to the rubric: imported as the role %s, named after its title", problem.Quote(id)))
		im.checkRubric(r, "role:"+id, fmt.Sprintf("What the role %s needs. ", name), name)
		k := len(s.Roles)
		im.where[fmt.Sprintf("/roles/%d", k)] = rubricPath(r)
		im.whereReading(fmt.Sprintf("/roles/%d", k), -1, rd)
		s.Roles = append(s.Roles, role.Role{ID: role.ID(id), Name: name, Requirements: rd.reqs})
	}
	for _, k := range im.partOf {
		a := p.Associations[k]
		o, d := im.node(a.OriginNodeURI), im.node(a.DestinationNodeURI)
		if im.roleOK[o] && jobShares[d][role.ID(im.nodes[o].id)] {
			im.sameAssociation(k, IsPartOf, im.nodes[o].ident, im.nodes[d].ident)
			continue
		}
		im.otherAssociation(k)
	}
	return keepCASE
}

// whereReading notes where the requirements and shares of the role or
// job at path (from item i, or -1) came from in the package.
func (im *importer) whereReading(path string, i int, rd reading) {
	if i >= 0 {
		im.where[path] = itemPath(i)
	}
	for k, at := range rd.reqAt {
		im.where[path+"/requirements/"+strconv.Itoa(k)] = at
	}
	for k, at := range rd.shareAt {
		im.where[path+"/roles/"+strconv.Itoa(k)] = at
	}
}

// checkRubric tallies what rubric r says that an export of the role or
// job it became (derived from name, with the description desc and the
// name of its title) would not: a title, a description, an identity.
func (im *importer) checkRubric(r int, name, desc, title string) {
	if r < 0 {
		return
	}
	rb := &im.p.Rubrics[r]
	path := rubricPath(r)
	if rb.Title != title+": requirements" {
		im.countAs("rubric", presentAt(path, "title", rb.Title), "a title other than an export's", "; not kept")
	}
	if rb.Description != desc+rubricRule {
		im.countAs("rubric", presentAt(path, "description", rb.Description), "a description other than an export's", "; not kept")
	}
	id := im.derive("rubric:" + name)
	if rb.Identifier != id || rb.URI != im.base+id {
		im.countAs("rubric", path+"/identifier", "an identity other than the one an export derives",
			"; not kept: an export derives its rubrics' identities, and their criteria's and levels', from the role's or job's")
	}
}

// sameAssociation tallies the association k of type typ from origin to
// dest (lower-case UUIDs) when its identity is not the one an export
// derives.
func (im *importer) sameAssociation(k int, typ, origin, dest string) {
	a := &im.p.Associations[k]
	id := im.derive("association:" + typ + ":" + origin + ">" + dest)
	if a.Identifier != id || a.URI != im.base+id {
		im.countAs("association", assocPath(k)+"/identifier", "an identity other than the one an export derives",
			"; not kept: an export derives it from its ends")
	}
	im.foreign("association", assocPath(k), a.Extensions)
}

// reading is what a rubric gives a role or a job, with the pointer of the
// first criterion of each requirement and share.
type reading struct {
	reqs    []role.Requirement
	reqAt   []string
	shares  []role.Share
	shareAt []string
}

// group is the criteria of one requirement or share.
type group struct {
	key   string
	share bool
	crit  []int // criterion indexes
	items []int // the items they point at
	wts   []float64
	ext   int // the requirement's index in the extension, or -1
}

// readRubric reads the requirements (and, for a job, the shares) of
// rubric r (see ImportOptions).
func (im *importer) readRubric(r int, forJob bool) reading {
	rb := &im.p.Rubrics[r]
	path := rubricPath(r)
	var ext *rubricExt
	if raw, ok := rb.Extensions[ExtensionName]; ok && im.ext {
		ext = new(rubricExt)
		if err := json.Unmarshal(raw, ext); err != nil {
			im.warn(path+"/extensions/"+ExtensionName, "the extension cannot be read ("+err.Error()+"); the rubric is read from its criteria")
			ext = nil
		}
	}
	im.foreign("rubric", path, rb.Extensions)
	crit := rb.CFRubricCriteria
	order := make([]int, len(crit))
	for c := range order {
		order[c] = c
	}
	pos := func(c int) int {
		if p := crit[c].Position; p != nil {
			return *p
		}
		return math.MaxInt
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(pos(a), pos(b)) })
	var groups []*group
	byKey := map[string]*group{}
	for _, c := range order {
		cr := &crit[c]
		cp := path + "/CFRubricCriteria/" + strconv.Itoa(c)
		im.foreign("rubric criterion", cp, cr.Extensions)
		t := toNone
		if l := cr.CFItemURI; l != nil {
			t = im.node(NodeURI{Identifier: l.Identifier, URI: l.URI})
		}
		if t < 0 {
			at := cp
			if cr.CFItemURI != nil {
				at += "/CFItemURI"
			}
			im.each("criterion points at no item", at, "the criterion points at no item of the package; not kept",
				"%d criteria, the first here, point at no item of the package: each is not kept")
			continue
		}
		share := false
		switch k := im.nodes[t].kind; {
		case k == kindRole && forJob:
			share = true
		case k == kindRole:
			im.each("criterion points at a role", cp+"/CFItemURI", "the criterion points at a role, which only a job's rubric can blend; not kept",
				"%d criteria, the first here, point at a role, which only a job's rubric can blend: each is not kept")
			continue
		case k == kindCompetency || k == kindArea:
		case k == kindCluster:
			im.each("criterion points at a cluster", cp+"/CFItemURI", "the criterion points at a cluster, which a requirement cannot name; not kept",
				"%d criteria, the first here, point at a cluster, which a requirement cannot name: each is not kept")
			continue
		case k == kindOther:
			im.each("criterion points at an other", cp+"/CFItemURI", "the criterion points at an item the model has no place for (kept in the framework's case member); not kept",
				"%d criteria, the first here, point at an item the model has no place for (kept in the framework's case member): each is not kept")
			continue
		default:
			im.each("criterion points at another kind", cp+"/CFItemURI", "the criterion points at an item that is neither a competency, an area of expertise nor a role; not kept",
				"%d criteria, the first here, point at an item that is neither a competency, an area of expertise nor a role: each is not kept")
			continue
		}
		w := 1.0
		switch {
		case cr.Weight == nil:
			im.each("no weight", cp, "the criterion has no weight: read as 1", "%d criteria, the first here, have no weight: each is read as 1")
		case !(*cr.Weight > 0) || math.IsInf(*cr.Weight, 0):
			im.each("weight not positive", cp+"/weight", fmt.Sprintf("the weight %v is not a positive number; not kept", *cr.Weight),
				"%d criteria, the first here, have a weight that is not a positive number: each is not kept")
			continue
		default:
			w = *cr.Weight
		}
		key, extIndex := "", -1
		var ce criterionExt
		if raw, ok := cr.Extensions[ExtensionName]; ok && ext != nil {
			if err := json.Unmarshal(raw, &ce); err != nil {
				im.warn(cp+"/extensions/"+ExtensionName, "the extension cannot be read ("+err.Error()+"); not kept")
			}
		}
		switch {
		case share:
			key = "s" + strconv.Itoa(c)
		case ce.Requirement != nil:
			key, extIndex = "r"+strconv.Itoa(*ce.Requirement), *ce.Requirement
		case groupCategory(cr.Category):
			key = "c" + cr.Category
		default:
			key = "u" + strconv.Itoa(c)
			if cr.Category != "" {
				im.countAs("rubric criterion", cp+"/category", `a category not of the form "requirement N: K of M at level L"`, "; not kept: each is read as a requirement of its own")
			}
		}
		g := byKey[key]
		if g == nil {
			g = &group{key: key, share: share, ext: extIndex}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.crit = append(g.crit, c)
		g.items = append(g.items, t)
		g.wts = append(g.wts, w)
	}
	var rd reading
	shared := map[int]bool{}
	for _, g := range groups {
		cp := path + "/CFRubricCriteria/" + strconv.Itoa(g.crit[0])
		cr := &crit[g.crit[0]]
		if g.share {
			if shared[g.items[0]] {
				im.each("blended twice", cp+"/CFItemURI", "the role is already blended by an earlier criterion; not kept",
					"%d criteria, the first here, blend a role an earlier criterion blends: each is not kept")
				continue
			}
			shared[g.items[0]] = true
			rd.shares = append(rd.shares, role.Share{Role: role.ID(im.nodes[g.items[0]].id), Weight: im.weight(cp, g.wts[0]), Why: cr.Description})
			rd.shareAt = append(rd.shareAt, cp)
			continue
		}
		var of []competency.ID
		seen := map[int]bool{}
		for k, t := range g.items {
			if seen[t] {
				im.each("named twice", path+"/CFRubricCriteria/"+strconv.Itoa(g.crit[k])+"/CFItemURI", "the requirement already names this item; not kept twice",
					"%d criteria, the first here, name an item their requirement already names: each is not kept twice")
				continue
			}
			seen[t] = true
			of = append(of, competency.ID(im.nodes[t].id))
		}
		req, ok := role.Requirement{}, false
		if g.ext >= 0 && ext != nil && g.ext < len(ext.Requirements) && len(ext.Requirements[g.ext].Of) == len(of) {
			e := ext.Requirements[g.ext]
			req, ok = role.Requirement{Of: of, AtLeast: e.AtLeast, Level: e.Level, Weight: e.Weight, Why: e.Why}, true
		} else {
			if g.ext >= 0 {
				im.warn(cp+"/extensions/"+ExtensionName, "the rubric's extension does not list this requirement as its criteria do: read from the criteria")
			}
			req, ok = im.strictRequirement(r, g, of)
		}
		if !ok {
			continue
		}
		rd.reqs = append(rd.reqs, req)
		rd.reqAt = append(rd.reqAt, cp)
	}
	for _, g := range groups {
		if g.share {
			continue
		}
		for _, c := range g.crit {
			im.checkLevels(path+"/CFRubricCriteria/"+strconv.Itoa(c), &crit[c])
		}
	}
	return rd
}

// groupCategory reports whether category is of the form "requirement N:
// K of M at level L", as an export writes a group requirement's.
func groupCategory(category string) bool {
	_, _, _, ok := parseCategory(category)
	return ok
}

func parseCategory(category string) (k, m, l int, ok bool) {
	var n int
	if _, err := fmt.Sscanf(category, "requirement %d: %d of %d at level %d", &n, &k, &m, &l); err != nil {
		return 0, 0, 0, false
	}
	if category != fmt.Sprintf("requirement %d: %d of %d at level %d", n, k, m, l) {
		return 0, 0, 0, false
	}
	return k, m, l, true
}

// weight returns w within the model's bounds, with a warning at the
// criterion cp when it is not.
func (im *importer) weight(cp string, w float64) float64 {
	switch {
	case w > wlp.MaxWeight:
		im.each("weight above", cp+"/weight", fmt.Sprintf("the weight %v is above the model's most, %v: read as %v", w, wlp.MaxWeight, wlp.MaxWeight),
			fmt.Sprintf("%%d criteria, the first here, have a weight above the model's most, %v: each is read as %v", wlp.MaxWeight, wlp.MaxWeight))
		return wlp.MaxWeight
	case w < wlp.MinWeight:
		im.each("weight below", cp+"/weight", fmt.Sprintf("the weight %v is below the model's least, %v: read as %v", w, wlp.MinWeight, wlp.MinWeight),
			fmt.Sprintf("%%d criteria, the first here, have a weight below the model's least, %v: each is read as %v", wlp.MinWeight, wlp.MinWeight))
		return wlp.MinWeight
	}
	return w
}

// strictRequirement reads the requirement of the criteria g from CASE's
// fields alone.
func (im *importer) strictRequirement(r int, g *group, of []competency.ID) (role.Requirement, bool) {
	path := rubricPath(r)
	cp := path + "/CFRubricCriteria/" + strconv.Itoa(g.crit[0])
	crit := im.p.Rubrics[r].CFRubricCriteria
	first := &crit[g.crit[0]]
	for _, c := range g.crit[1:] {
		if crit[c].Description != first.Description {
			im.each("group descriptions", path+"/CFRubricCriteria/"+strconv.Itoa(c)+"/description", "the criteria of one group requirement differ in description: the first is kept",
				"%d group requirements, the first here, have criteria that differ in description: the first of each is kept")
			break
		}
	}
	k, m, l, isGroup := parseCategory(first.Category)
	if !isGroup {
		if len(of) > 1 {
			im.each("group without category", cp, "the criteria of one requirement have no category that says how many of them count: read as all of them, at the level of the first",
				"%d requirements, the first here, have criteria but no category that says how many of them count: each is read as all of them, at the level of the first")
		}
		lvl, ok := im.needed(cp, first)
		if !ok {
			return role.Requirement{}, false
		}
		return role.Requirement{Of: of, Level: lvl, Weight: im.weight(cp, g.wts[0]), Why: first.Description}, true
	}
	for _, w := range g.wts[1:] {
		if w != g.wts[0] {
			im.each("group weights", cp+"/weight", "the criteria of one group requirement differ in weight: the first is kept",
				"%d group requirements, the first here, have criteria that differ in weight: the first of each is kept")
			break
		}
	}
	if m != len(g.crit) {
		im.each("group count", cp+"/category", fmt.Sprintf("the category counts %d criteria, but %d are read", m, len(g.crit)),
			"%d group requirements, the first here, have a category that counts other than the criteria read: each is read from its criteria")
	}
	if k < 1 || k > len(of) {
		im.each("group cannot be met", cp+"/category", fmt.Sprintf("%d of %d cannot be met: read as all of them", k, len(of)),
			"%d group requirements, the first here, ask for a number of their criteria that cannot be met: each is read as all of them")
		k = len(of)
	}
	if l < int(competency.Novice) || l > int(competency.MaxLevel) {
		im.each("group level", cp+"/category", fmt.Sprintf("the level %d is not one a requirement can ask for (1 to %d); not kept", l, competency.MaxLevel),
			fmt.Sprintf("%%d group requirements, the first here, ask for a level that no requirement can (1 to %d): each is not kept", competency.MaxLevel))
		return role.Requirement{}, false
	}
	req := role.Requirement{Of: of, Level: competency.Level(l), Weight: im.weight(cp, round12(g.wts[0]*float64(k))), Why: first.Description}
	if k < len(of) {
		req.AtLeast = k
	}
	return req, true
}

// levelsOf returns the levels of cr in the order of their positions,
// leaving out those without a position.
func levelsOf(cr *Criterion) []*CriterionLevel {
	out := make([]*CriterionLevel, 0, len(cr.CFRubricCriterionLevels))
	for k := range cr.CFRubricCriterionLevels {
		if cr.CFRubricCriterionLevels[k].Position != nil {
			out = append(out, &cr.CFRubricCriterionLevels[k])
		}
	}
	slices.SortStableFunc(out, func(a, b *CriterionLevel) int { return cmp.Compare(*a.Position, *b.Position) })
	return out
}

// lowest returns the lowest position of a level of cr whose score is 1
// or more.
func lowest(cr *Criterion) (int, bool) {
	for _, l := range levelsOf(cr) {
		if l.Score != nil && *l.Score >= 1 {
			return *l.Position, true
		}
	}
	return 0, false
}

// needed returns the level a single requirement's criterion cr asks for:
// the lowest position of a level whose score is 1 or more.
func (im *importer) needed(cp string, cr *Criterion) (competency.Level, bool) {
	if len(levelsOf(cr)) == 0 {
		im.each("no levels", cp+"/CFRubricCriterionLevels", "the criterion has no levels with positions, so no level it asks for; not kept",
			"%d criteria, the first here, have no levels with positions, so no level they ask for: each is not kept")
		return 0, false
	}
	l, ok := lowest(cr)
	if !ok {
		im.each("no full credit", cp+"/CFRubricCriterionLevels", "the scores of the criterion's levels never reach 1, so no level earns full credit; not kept",
			"%d criteria, the first here, have levels whose scores never reach 1, so that no level earns full credit: each is not kept")
		return 0, false
	}
	if l < int(competency.Novice) || l > int(competency.MaxLevel) {
		im.each("full credit level", cp+"/CFRubricCriterionLevels", fmt.Sprintf("the level that earns full credit, %d, is not one a requirement can ask for (1 to %d); not kept", l, competency.MaxLevel),
			fmt.Sprintf("%%d criteria, the first here, give full credit first at a level no requirement can ask for (1 to %d): each is not kept", competency.MaxLevel))
		return 0, false
	}
	return competency.Level(l), true
}

// checkLevels tallies what the levels of the criterion cr say that the
// model does not keep: levels without a position or a score, scores that
// are not the model's credit, descriptions and qualities other than the
// scale's, feedback and extensions.
func (im *importer) checkLevels(cp string, cr *Criterion) {
	need, ok := 0, false
	_, _, l, isGroup := parseCategory(cr.Category)
	if isGroup {
		need, ok = l, true
	} else {
		need, ok = lowest(cr)
	}
	scale := competency.DefaultScale()
	shape := false
	for k := range cr.CFRubricCriterionLevels {
		l := &cr.CFRubricCriterionLevels[k]
		lp := cp + "/CFRubricCriterionLevels/" + strconv.Itoa(k)
		if l.Position == nil {
			im.countAs("rubric criterion level", lp, "no position", "; not kept")
			continue
		}
		if l.Score == nil {
			im.countAs("rubric criterion level", lp, "no score", ", which the model reads as no credit")
		}
		p := *l.Position
		if ok && need > 0 && !shape {
			want := float64(min(max(p, 0), need)) / float64(need)
			if l.Score == nil || *l.Score != want || p < 0 || p > int(competency.MaxLevel) {
				shape = true
				im.levelChoice(cp, cr, need, isGroup)
			}
		}
		if p >= 0 && p <= int(competency.MaxLevel) {
			if info := scale.Levels[p]; l.Description != info.Description || l.Quality != info.Name {
				im.countAs("rubric criterion level", lp, "a description or quality other than the scale's", "; not kept")
			}
		}
		if l.Feedback != "" {
			im.count("rubric criterion level", lp, "feedback")
		}
		for _, e := range l.Extensions {
			im.foreign("rubric criterion level", lp, e)
		}
	}
}

// levelChoice warns that the levels of the criterion cr at cp do not
// score the model's credit, and says which level was read as the level
// needed, need, and why.
func (im *importer) levelChoice(cp string, cr *Criterion, need int, isGroup bool) {
	const credit = "levels that do not score the model's credit (the level reached, up to the level needed, divided by it)"
	if isGroup {
		im.each("levels of a group", cp+"/CFRubricCriterionLevels",
			fmt.Sprintf("the criterion has %s: read as needing level %d, the level its category names; the levels' scores are not kept", credit, need),
			"%d criteria, the first here, have "+credit+": each is read as needing the level its category names; the levels' scores are not kept")
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	chosen := ""
	for _, l := range levelsOf(cr) {
		if l.Score == nil {
			continue
		}
		lo, hi = min(lo, *l.Score), max(hi, *l.Score)
		if *l.Position == need && chosen == "" {
			chosen = fmt.Sprintf("scored %v", *l.Score)
			if l.Quality != "" {
				chosen = problem.Quote(l.Quality) + ", " + chosen
			}
		}
	}
	im.each("levels of a requirement", cp+"/CFRubricCriterionLevels",
		fmt.Sprintf("the criterion has %s: read as needing level %d (%s), the lowest position whose score reaches 1, full credit, of scores from %v to %v; the levels' scores are not kept", credit, need, chosen, lo, hi),
		"%d criteria, the first here, have "+credit+": each is read as needing the lowest level position whose score reaches 1, full credit"+
			fmt.Sprintf(" (the first: level %d, %s, of scores from %v to %v)", need, chosen, lo, hi)+"; the levels' scores are not kept")
}

// fields tallies the items' fields the model has no place for, and the
// extensions of the tree's associations.
func (im *importer) fields() {
	for i := range im.p.Items {
		it := &im.p.Items[i]
		path := itemPath(i)
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"alternativeLabel", it.AlternativeLabel != ""},
			{"listEnumeration", it.ListEnumeration != ""},
			{"conceptKeywords", len(it.ConceptKeywords) > 0},
			{"conceptKeywordsURI", it.ConceptKeywordsURI != nil},
			{"notes", it.Notes != ""},
			{"subject", len(it.Subject) > 0},
			{"subjectURI", len(it.SubjectURI) > 0},
			{"language", it.Language != ""},
			{"educationLevel", len(it.EducationLevel) > 0},
			{"licenseURI", it.LicenseURI != nil},
			{"statusStartDate", it.StatusStartDate != ""},
			{"statusEndDate", it.StatusEndDate != ""},
		} {
			if f.set {
				im.count("item", path, f.name)
			}
		}
		im.foreign("item", path, it.Extensions)
		if n := &im.nodes[i]; n.assoc >= 0 {
			im.foreign("association", assocPath(n.assoc), im.p.Associations[n.assoc].Extensions)
		}
	}
}

// mapErrors reports the problems wlp.New found in the imported framework
// at the places of the package they came from.
func (im *importer) mapErrors(err error) {
	pe, ok := err.(*problem.Error)
	if !ok {
		im.errs.Add("", err.Error())
		return
	}
	for _, pr := range pe.Problems {
		at := ""
		for p := pr.Path; p != ""; {
			if w, ok := im.where[p]; ok {
				at = w
				break
			}
			k := strings.LastIndexByte(p, '/')
			if k < 0 {
				break
			}
			p = p[:k]
		}
		im.errs.Add(at, fmt.Sprintf("the imported framework's %s: %s", pr.Path, pr.Message))
	}
	im.errs.Omitted += pe.Omitted
}

// checkTree exports f and warns of every item the export does not put
// under the parent it had in the package (an export writes some kinds of
// item before others, and cannot put an item under one it has not yet
// written). It costs an export of f.
func (im *importer) checkTree(f *wlp.Framework) {
	q, err := Export(f, nil)
	if err != nil {
		return
	}
	parent := make(map[string]string, len(q.Associations))
	for _, a := range q.Associations {
		if a.AssociationType == IsChildOf {
			parent[a.OriginNodeURI.Identifier] = a.DestinationNodeURI.Identifier
		}
	}
	for i, n := range im.nodes {
		if n.parent < 0 {
			continue
		}
		if got, ok := parent[n.ident]; ok && got != im.nodes[n.parent].ident {
			im.each("moved", itemPath(i), fmt.Sprintf("an export cannot write the item under its parent, %s at %s, which it writes later: it puts it under the document", im.label(n.parent), itemPath(n.parent)),
				"%d items, the first here, are items an export cannot write under their parent, which it writes later: it puts each under the document")
		}
	}
}
