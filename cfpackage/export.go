package cfpackage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// The item types an export gives its items, as CFItemType titles. Import
// takes the same titles by default (see [ImportOptions]).
const (
	TypeCluster      = "Competency cluster"
	TypeCompetency   = "Foundational competency"
	TypeArea         = "Area of expertise"
	TypeRole         = "Role"
	TypeJob          = "Job"
	TypeBehavior     = "Key behavior"
	TypeTechnologies = "Learning technologies"
)

// itemTypes lists the export's item types with their descriptions, in
// hierarchy order.
var itemTypes = []struct{ title, description string }{
	{TypeCluster, "A group of foundational competencies that share a theme."},
	{TypeCompetency, "A behaviour wanted of every practitioner, whatever their specialty or role."},
	{TypeArea, "A specialised field in which a practitioner can hold in-depth knowledge."},
	{TypeRole, "A hat a practitioner wears: a broad area of responsibility with the competencies and areas it needs (its rubric)."},
	{TypeJob, "A position that blends several roles, each with a weight, and may add needs of its own (its rubric)."},
	{TypeBehavior, "A key behaviour or action that shows a competency or an area in practice."},
	{TypeTechnologies, "How learning technologies figure in an area of expertise."},
}

// RubricTarget is the targetType of an association's destination that is
// a rubric of the same package: an export relates each role and job to
// its rubric this way.
const RubricTarget = "ext:CFRubric"

// ExtensionName is the name under which an export keeps, in CASE
// extensions, the facts CASE has no field for. See [ExportOptions.Strict].
const ExtensionName = "wlp"

// namespace is the UUID namespace of every identifier an export derives:
// version 5 (SHA-1) of this package's import path as a URL.
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/wlpmodel/wlp/cfpackage"))

// DocumentIdentifier returns the CASE identifier an export gives a
// framework's document when the framework holds none of its own: a
// version 5 UUID of the framework's ID (of its name, if it has no ID),
// in lower case. Every other identifier derives from it.
func DocumentIdentifier(f *wlp.Framework) string {
	name := "framework:" + f.ID()
	if f.ID() == "" {
		name = "framework-name:" + f.Name()
	}
	return uuid.NewSHA1(namespace, []byte(name)).String()
}

// ExportOptions says how [Export] writes a package. The zero value writes
// URIs of the form "urn:uuid:IDENTIFIER", the times of change kept from
// an imported package (1970-01-01T00:00:00Z for the others), and
// extensions.
type ExportOptions struct {
	// BaseURI, when set, is an absolute URI that prefixes each object's
	// identifier to make its uri, such as "https://case.example.org/uri/"
	// (a "/" is added if it ends in neither "/", "#", ":" nor "=").
	// Identities kept from an imported package keep their own URIs.
	BaseURI string
	// Strict leaves out every extension, as 1EdTech's certification of
	// CASE providers requires. A strict package still carries the whole
	// tree, the names, summaries, behaviours and the rubrics; the README
	// lists what only extensions carry.
	Strict bool
	// Creator is the document's creator: in CASE, the body that owns the
	// framework, such as "ASTD". Empty keeps the creator of the package
	// the framework was imported from, or else writes "wlp".
	Creator string
	// Changed, when set, is every object's lastChangeDateTime, written in
	// UTC to the second: the caller says when the framework changed. The
	// zero time writes, for each object, the time kept for it from the
	// package the framework was imported from (see [wlp.CASESource]),
	// else the document's kept time, else 1970-01-01T00:00:00Z, so that
	// the same framework always exports to the same bytes and sending an
	// imported framework back does not make every item look changed.
	Changed time.Time
}

// Export writes f as a CASE 1.1 package: a CFDocument for the framework;
// a CFItem for every cluster, competency, area, role, job, key behaviour
// and technologies note, typed with the CFItemTypes of its
// CFDefinitions; isChildOf associations for the tree (each with its
// sequence number), isPartOf from each role to the jobs that blend it;
// and a CFRubric for each role and job, which holds its requirements as
// criteria that point at items, with weights, and the credit each level
// of the scale earns. Identifiers are lower-case version 5 UUIDs derived
// from the framework's and elements' IDs (or kept from the package the
// framework was imported from, see [wlp.CASESource]), so the same
// framework always gives the same package. The associations an imported
// framework kept (wlp.CASESource Associations) come last, as they were,
// strict or not: they are CASE's, not extensions. Each object's
// lastChangeDateTime is [ExportOptions] Changed when it is set, else the
// time kept for the object, else the document's kept time, else
// 1970-01-01T00:00:00Z.
//
// The error reports a BaseURI that is not an absolute URI. Export costs
// time and memory linear in the size of f.
func Export(f *wlp.Framework, opt *ExportOptions) (*Package, error) {
	if f == nil {
		return nil, fmt.Errorf("cfpackage: Export of a nil framework")
	}
	e, err := export(f, opt)
	if err != nil {
		return nil, err
	}
	return &e.pkg, nil
}

// export runs Export and returns the exporter, whose itemOf gives each
// competency's and area's item as the package names it: what
// [ExportCrosswalk] points its associations at.
func export(f *wlp.Framework, opt *ExportOptions) (*exporter, error) {
	var o ExportOptions
	if opt != nil {
		o = *opt
	}
	spec := f.Spec()
	base := "urn:uuid:"
	if o.BaseURI != "" {
		var err error
		if base, err = baseURI(o.BaseURI); err != nil {
			return nil, err
		}
	} else if c := spec.CASE; c != nil {
		// The kept document's URI, less its identifier, is the base of
		// what the export derives, so that its URIs are all of a kind.
		if prefix, ok := strings.CutSuffix(c.Document.URI, c.Document.Identifier); ok && absoluteURI(prefix) {
			base = prefix
		}
	}
	changed, fallback := "", noTime
	if !o.Changed.IsZero() {
		changed = o.Changed.UTC().Truncate(time.Second).Format(time.RFC3339)
	}
	if c := spec.CASE; c != nil && c.Document.Changed != "" {
		fallback = c.Document.Changed
	}
	e := &exporter{f: f, spec: spec, base: base, changed: changed, fallback: fallback, strict: o.Strict, creator: o.Creator}
	e.run()
	return e, nil
}

// baseURI returns ExportOptions.BaseURI s as the prefix of identifiers:
// "/" added unless it ends in "/", "#", ":" or "=". The error reports an
// s that is not an absolute URI.
func baseURI(s string) (string, error) {
	if !absoluteURI(s) {
		return "", fmt.Errorf("cfpackage: the base URI %q is not an absolute URI (RFC 3986: a scheme, then a host or a path; ASCII, no spaces, quotes or <>; percent-encode the rest)", s)
	}
	if !strings.HasSuffix(s, "/") && !strings.HasSuffix(s, "#") && !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, "=") {
		s += "/"
	}
	return s, nil
}

// absoluteURI reports whether s is an absolute URI that identifiers can
// follow: a scheme and a host ("https://case.example.org/uri/") or an
// opaque part ("urn:uuid:"), in the characters RFC 3986 allows.
func absoluteURI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs() && (u.Host != "" || u.Opaque != "" || s == u.Scheme+":") && uriChars(s)
}

// uriChars reports whether s holds only characters RFC 3986 allows in a
// URI: unreserved, reserved and "%".
func uriChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// exporter builds one package.
type exporter struct {
	f        *wlp.Framework
	spec     wlp.Spec
	base     string
	changed  string // ExportOptions.Changed, or ""
	fallback string // the time of an object with none kept
	strict   bool
	creator  string

	doc       string // the document's identifier
	docURI    string
	pkg       Package
	types     map[string]LinkURI // item type title -> its link
	nodes     map[string]NodeURI // item identifier -> node
	seq       map[string]int     // parent identifier -> children so far
	pending   []child            // the tree, linked once every item is in
	typeOrder []string           // item type titles, in order of first use
	buf       bytes.Buffer       // for extensions
	itemOf    map[competency.ID]LinkURI
	roleOf    map[role.ID]LinkURI
}

// time returns the lastChangeDateTime of an object whose kept time is
// kept ("" for none).
func (e *exporter) time(kept string) string {
	switch {
	case e.changed != "":
		return e.changed
	case kept != "":
		return kept
	}
	return e.fallback
}

// id derives the identifier of the element named name ("cluster:ID",
// "item:ID", ...) from the document's.
func (e *exporter) id(name string) string {
	return uuid.NewSHA1(uuid.MustParse(e.doc), []byte(name)).String()
}

func (e *exporter) uri(id string) string { return e.base + id }

func (e *exporter) run() *Package {
	src := e.spec.CASE
	if src != nil {
		e.doc, e.docURI = src.Document.Identifier, src.Document.URI
	} else {
		e.doc = DocumentIdentifier(e.f)
		e.docURI = e.uri(e.doc)
	}
	e.types = map[string]LinkURI{}
	e.nodes = map[string]NodeURI{}
	e.seq = map[string]int{}
	e.itemOf = map[competency.ID]LinkURI{}
	e.roleOf = map[role.ID]LinkURI{}

	d := Document{
		Identifier:         e.doc,
		URI:                e.docURI,
		CaseVersion:        "1.1",
		Creator:            "wlp",
		Title:              e.spec.Name,
		LastChangeDateTime: e.time(""),
		Description:        e.spec.Description,
		Version:            e.spec.Version,
	}
	if d.Title == "" {
		d.Title = e.spec.ID
	}
	if d.Title == "" {
		d.Title = "Untitled framework"
	}
	if src != nil {
		s := src.Document
		d.Creator = s.Creator
		if d.Creator == "" {
			d.Creator = "wlp"
		}
		d.Publisher, d.Language, d.OfficialSourceURL, d.AdoptionStatus = s.Publisher, s.Language, s.OfficialSourceURL, s.AdoptionStatus
	}
	if e.creator != "" {
		d.Creator = e.creator
	}
	if x := e.docExt(); x != (docExt{}) {
		d.Extensions = e.ext(x)
	}
	e.pkg.Document = d

	e.others()
	var keep wlp.CASESource // what an imported framework keeps, or nothing
	if src != nil {
		keep = *src
	}
	clusterOf := map[competency.Cluster]string{} // cluster -> its item's identifier
	for _, c := range e.f.Clusters() {
		it := e.identity(keptItem(keep.Clusters, c.ID), "cluster:"+string(c.ID))
		clusterOf[c.ID] = it.Identifier
		e.item(it, string(c.ID), TypeCluster, c.Name, c.Summary, e.doc)
	}
	for _, c := range e.spec.Competencies {
		it := e.identity(keptItem(keep.Items, c.ID), "item:"+string(c.ID))
		e.itemOf[c.ID] = e.item(it, string(c.ID), TypeCompetency, c.Name, c.Summary, clusterOf[c.Cluster])
		e.behaviors(it, string(c.ID), c.Behaviors)
	}
	for _, a := range e.spec.Areas {
		it := e.identity(keptItem(keep.Items, a.ID), "item:"+string(a.ID))
		e.itemOf[a.ID] = e.item(it, string(a.ID), TypeArea, a.Name, a.Summary, e.doc)
		e.behaviors(it, string(a.ID), a.Behaviors)
		if a.Technologies != "" {
			t := e.identity(it.Technologies, "technologies:"+string(a.ID))
			e.item(t, string(a.ID)+".technologies", TypeTechnologies, a.Technologies, "", it.Identifier)
		}
	}
	for _, r := range e.spec.Roles {
		it := e.identity(keptItem(keep.Targets, r.ID), "role:"+string(r.ID))
		e.roleOf[r.ID] = e.item(it, string(r.ID), TypeRole, r.Name, r.Summary, e.doc)
	}
	for _, j := range e.spec.Jobs {
		it := e.identity(keptItem(keep.Targets, j.ID), "job:"+string(j.ID))
		e.roleOf[j.ID] = e.item(it, string(j.ID), TypeJob, j.Title, j.Summary, e.doc)
	}
	e.tree()
	e.definitions()
	for _, r := range e.spec.Roles {
		e.roleRubric(r)
	}
	for _, j := range e.spec.Jobs {
		e.jobRubric(j)
	}
	e.keptAssociations()
	return &e.pkg
}

// keptAssociations appends the associations kept from an imported
// package, as they were.
func (e *exporter) keptAssociations() {
	if e.spec.CASE == nil {
		return
	}
	for _, k := range e.spec.CASE.Associations {
		a := Association{
			Identifier:         k.Identifier,
			AssociationType:    k.Type,
			URI:                k.URI,
			OriginNodeURI:      NodeURI(k.Origin),
			DestinationNodeURI: NodeURI(k.Destination),
			LastChangeDateTime: e.time(k.Changed),
			Notes:              k.Notes,
		}
		if k.Sequence != 0 {
			n := k.Sequence
			a.SequenceNumber = &n
		}
		if k.Grouping != nil {
			g := LinkURI(*k.Grouping)
			a.CFAssociationGroupingURI = &g
		}
		e.pkg.Associations = append(e.pkg.Associations, a)
	}
}

// keptItem returns the identity m keeps for key, or nil. m is one of the
// maps of Spec.CASE, nil for a framework that keeps none.
func keptItem[K comparable](m map[K]wlp.CASEItem, key K) *wlp.CASEItem {
	if it, ok := m[key]; ok {
		return &it
	}
	return nil
}

// identity returns the kept identity src, or one derived from name.
func (e *exporter) identity(src *wlp.CASEItem, name string) wlp.CASEItem {
	if src != nil {
		return *src
	}
	id := e.id(name)
	return wlp.CASEItem{Identifier: id, URI: e.uri(id)}
}

// child is an item and the identifier of its parent, for the tree.
type child struct {
	node   NodeURI
	parent string
	link   *wlp.CASELink // the association's kept identity, if any
}

// tree adds the isChildOf associations, in item order, once every item is
// in the package: a kept parent may come later than its child.
func (e *exporter) tree() {
	for _, c := range e.pending {
		e.associate(IsChildOf, c.node, c.parent, c.link)
	}
	e.pending = nil
}

// itemType returns the link of the item type title, kept from an
// imported package or derived from the title, and notes that it is used.
func (e *exporter) itemType(title string) LinkURI {
	if l, ok := e.types[title]; ok {
		return l
	}
	l := LinkURI{Title: title}
	if kept, ok := e.keptType(title); ok {
		l.Identifier, l.URI = kept.Identifier, kept.URI
	} else {
		l.Identifier = e.id("type:" + title)
		l.URI = e.uri(l.Identifier)
	}
	e.types[title] = l
	e.typeOrder = append(e.typeOrder, title)
	return l
}

// keptType returns the identity of the imported package's type title.
func (e *exporter) keptType(title string) (wlp.CASEType, bool) {
	if e.spec.CASE != nil {
		for _, t := range e.spec.CASE.Types {
			if t.Title == title {
				return t, true
			}
		}
	}
	return wlp.CASEType{}, false
}

// definitions writes the item types the items use: the export's own in
// their order, then others in the order of first use, each numbered in
// that order unless an imported package gave it a hierarchy code.
func (e *exporter) definitions() {
	var titles []string
	described := map[string]string{}
	for _, t := range itemTypes {
		described[t.title] = t.description
		if _, used := e.types[t.title]; used {
			titles = append(titles, t.title)
		}
	}
	for _, t := range e.typeOrder {
		if _, ours := described[t]; !ours {
			titles = append(titles, t)
		}
	}
	if len(titles) == 0 {
		return
	}
	e.pkg.Definitions = &Definitions{}
	for i, title := range titles {
		l := e.types[title]
		t := ItemType{
			Identifier:         l.Identifier,
			URI:                l.URI,
			Title:              title,
			Description:        described[title],
			HierarchyCode:      strconv.Itoa(i + 1),
			LastChangeDateTime: e.time(""),
		}
		if kept, ok := e.keptType(title); ok {
			t.Description, t.TypeCode = kept.Description, kept.TypeCode
			t.LastChangeDateTime = e.time(kept.Changed)
			if kept.HierarchyCode != "" {
				t.HierarchyCode = kept.HierarchyCode
			}
		}
		if t.Description == "" {
			t.Description = "An item type of the package this framework was imported from."
		}
		e.pkg.Definitions.CFItemTypes = append(e.pkg.Definitions.CFItemTypes, t)
	}
}

// item adds an item and its isChildOf association to parent (the
// document or an item identifier; the kept Parent wins when that item is
// in the package), and returns its link. name and summary become the
// statements: the full statement is the summary, with the name as the
// abbreviated one, or the name alone when there is no summary.
func (e *exporter) item(it wlp.CASEItem, code, typ, name, summary, parent string) LinkURI {
	if it.Code != "" {
		code = it.Code
	}
	if it.Uncoded {
		code = ""
	}
	if it.Type != "" {
		typ = it.Type
	}
	if it.Untyped {
		typ = ""
	}
	if it.Parent != "" {
		parent = it.Parent
	}
	full, short := name, ""
	if summary != "" {
		full, short = summary, name
	}
	if it.Statement != "" {
		full, short = it.Statement, it.Abbreviated
	}
	item := Item{
		Identifier:           it.Identifier,
		FullStatement:        full,
		CFItemType:           typ,
		URI:                  it.URI,
		HumanCodingScheme:    code,
		AbbreviatedStatement: short,
		LastChangeDateTime:   e.time(it.Changed),
	}
	if typ != "" {
		t := e.itemType(typ)
		item.CFItemTypeURI = &t
	}
	e.pkg.Items = append(e.pkg.Items, item)
	title := short
	if title == "" {
		title = full
	}
	node := NodeURI{Title: title, Identifier: it.Identifier, URI: it.URI}
	e.nodes[it.Identifier] = node
	e.pending = append(e.pending, child{node, parent, it.Link})
	return LinkURI{Title: title, Identifier: it.Identifier, URI: it.URI}
}

// associate adds an association of type typ from origin to the node
// with identifier dest (the document's or an item's), numbered among
// dest's children of that type.
func (e *exporter) associate(typ string, origin NodeURI, dest string, kept *wlp.CASELink) {
	dn, ok := e.nodes[dest]
	switch {
	case dest == e.doc:
		dn = NodeURI{Title: e.pkg.Document.Title, Identifier: e.doc, URI: e.docURI}
	case !ok:
		// A kept parent that is not in the package: the document takes
		// the item.
		dn = NodeURI{Title: e.pkg.Document.Title, Identifier: e.doc, URI: e.docURI}
		dest = e.doc
	}
	e.link(typ, origin, dn, dest, kept)
}

// link adds an association of type typ from origin to dest, numbered
// among the associations of that type to key, with the kept identity or
// one derived from its ends.
func (e *exporter) link(typ string, origin, dest NodeURI, key string, kept *wlp.CASELink) {
	e.seq[typ+" "+key]++
	n := e.seq[typ+" "+key]
	id := e.id("association:" + typ + ":" + origin.Identifier + ">" + dest.Identifier)
	uri := e.uri(id)
	seq := &n
	changed := ""
	if kept != nil {
		changed = kept.Changed
		// A kept association keeps its sequence number, or its lack of one.
		id, uri = kept.Identifier, kept.URI
		seq = nil
		if kept.Sequence != 0 {
			seq = &kept.Sequence
		}
	}
	o, d := origin, dest
	if o.TargetType == "" {
		o.TargetType = "CASE"
	}
	if d.TargetType == "" {
		d.TargetType = "CASE"
	}
	e.pkg.Associations = append(e.pkg.Associations, Association{
		Identifier:         id,
		AssociationType:    typ,
		SequenceNumber:     seq,
		URI:                uri,
		OriginNodeURI:      o,
		DestinationNodeURI: d,
		LastChangeDateTime: e.time(changed),
	})
}

// others adds the items kept from an imported package that the model has
// no place for, parents first as they were read. An item kept without a
// type or a code stays without.
func (e *exporter) others() {
	if e.spec.CASE == nil {
		return
	}
	for _, o := range e.spec.CASE.Others {
		parent := o.Parent
		if parent == "" {
			parent = e.doc
		}
		it := o
		it.Untyped = it.Untyped || o.Type == ""
		it.Uncoded = it.Uncoded || o.Code == ""
		e.item(it, o.Code, o.Type, o.Statement, "", parent)
	}
}

// behaviors adds an item for each behaviour, a child of parent.
func (e *exporter) behaviors(parent wlp.CASEItem, code string, bs []string) {
	for i, b := range bs {
		var src *wlp.CASEItem
		if i < len(parent.Behaviors) {
			src = &parent.Behaviors[i]
		}
		it := e.identity(src, "behavior:"+code+":"+strconv.Itoa(i+1))
		e.item(it, code+"."+strconv.Itoa(i+1), TypeBehavior, b, "", parent.Identifier)
	}
}

// The extensions an export writes under ExtensionName.
type (
	// docExt is the document's: the framework's ID, and what the
	// package alone cannot say: that the framework has no name (the
	// title is then its ID or "Untitled framework"), and how many of the
	// cluster items are clusters the framework declares (the others are
	// the model's, used but not declared), when that is not all of them.
	docExt struct {
		ID       string `json:"id,omitempty"`
		Unnamed  bool   `json:"unnamed,omitempty"`
		Declared *int   `json:"declared,omitempty"`
	}
	// rubricExt is a rubric's: the role or job it scores, exactly.
	rubricExt struct {
		Role         role.ID            `json:"role,omitempty"`
		Job          role.ID            `json:"job,omitempty"`
		Roles        []role.Share       `json:"roles,omitempty"`
		Requirements []role.Requirement `json:"requirements,omitempty"`
	}
	// criterionExt is a criterion's: which requirement (its index in
	// the rubric's requirements) or which share of a job it comes from.
	criterionExt struct {
		Requirement *int `json:"requirement,omitempty"`
		Share       *int `json:"share,omitempty"`
	}
)

// docExt returns the document's extension.
func (e *exporter) docExt() docExt {
	x := docExt{ID: e.spec.ID, Unnamed: e.spec.Name == ""}
	if n := len(e.spec.Clusters); n != len(e.f.Clusters()) {
		x.Declared = &n
	}
	return x
}

// ext returns v as extensions under ExtensionName, in canonical JSON (as
// Decode reads extensions back), or nil when strict.
func (e *exporter) ext(v any) Extensions {
	if e.strict {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic("cfpackage: " + err.Error()) // the extension types always marshal
	}
	var g any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&g); err != nil {
		panic("cfpackage: " + err.Error()) // json.Marshal wrote it
	}
	c, err := canonicalJSON(&e.buf, g)
	if err != nil {
		panic("cfpackage: " + err.Error())
	}
	return Extensions{ExtensionName: c}
}

func (e *exporter) roleRubric(r role.Role) {
	name := "role:" + string(r.ID)
	rb := e.rubric(name, r.Name+": requirements", fmt.Sprintf("What the role %s needs. ", r.Name)+rubricRule)
	rb.Extensions = e.ext(rubricExt{Role: r.ID, Requirements: r.Requirements})
	e.requirements(&rb, name, r.Requirements)
	e.finish(rb, r.ID)
}

func (e *exporter) jobRubric(j role.Job) {
	name := "job:" + string(j.ID)
	desc := fmt.Sprintf("What the job %s needs. ", j.Title)
	if len(j.Roles) > 0 {
		desc += jobRule
	}
	rb := e.rubric(name, j.Title+": requirements", desc+rubricRule)
	rb.Extensions = e.ext(rubricExt{Job: j.ID, Roles: j.Roles, Requirements: j.Requirements})
	for k, sh := range j.Roles {
		link := e.roleOf[sh.Role]
		w := sh.Weight
		pos := len(rb.CFRubricCriteria) + 1
		cid := e.id("criterion:" + name + ":share:" + string(sh.Role))
		k := k
		c := Criterion{
			Identifier:         cid,
			URI:                e.uri(cid),
			Category:           "role",
			Description:        sh.Why,
			CFItemURI:          &link,
			Weight:             &w,
			Position:           &pos,
			RubricID:           rb.Identifier,
			LastChangeDateTime: e.time(""),
			Extensions:         e.ext(criterionExt{Share: &k}),
		}
		rb.CFRubricCriteria = append(rb.CFRubricCriteria, c)
		if n, ok := e.nodes[link.Identifier]; ok {
			e.associate(IsPartOf, n, e.roleOf[j.ID].Identifier, nil)
		}
	}
	e.requirements(&rb, name, j.Requirements)
	e.finish(rb, j.ID)
}

// rubricRule says, in plain words, how a rubric's criteria score.
const rubricRule = "Each criterion is one competency or area of expertise. A person earns, on a criterion, " +
	"the score of the level they reach: the level reached, capped at the level needed, divided by the level needed, " +
	"so reaching the level needed scores 1 and surplus earns nothing. Criteria that share a category of the form " +
	"\"requirement N: K of M at level L\" make one group requirement: only the K best of them count, each with the " +
	"weight shown (the group's weight divided by K). The fit is the weighted mean of the scores, from 0 to 1."

// jobRule says how a job's role criteria score.
const jobRule = "Criteria of the category \"role\" point at a role the job blends: their score is the person's fit " +
	"to that role's rubric, and their weight the role's share of the job. "

func (e *exporter) rubric(name, title, description string) Rubric {
	id := e.id("rubric:" + name)
	return Rubric{
		Identifier:         id,
		URI:                e.uri(id),
		Title:              title,
		Description:        description,
		LastChangeDateTime: e.time(""),
	}
}

// finish adds rb to the package and relates the role or job to it.
func (e *exporter) finish(rb Rubric, target role.ID) {
	e.pkg.Rubrics = append(e.pkg.Rubrics, rb)
	if n, ok := e.nodes[e.roleOf[target].Identifier]; ok {
		dest := NodeURI{Title: rb.Title, Identifier: rb.Identifier, URI: rb.URI, TargetType: RubricTarget}
		e.link(IsRelatedTo, n, dest, rb.Identifier, nil)
	}
}

// requirements adds a criterion for each ID each requirement lists.
func (e *exporter) requirements(rb *Rubric, name string, reqs []role.Requirement) {
	for i, r := range reqs {
		category := ""
		weight := r.Weight
		if len(r.Of) > 1 {
			category = fmt.Sprintf("requirement %d: %d of %d at level %d", i+1, r.K(), len(r.Of), r.Level)
			weight = r.Weight / float64(r.K())
		}
		for _, id := range r.Of {
			link := e.itemOf[id]
			pos := len(rb.CFRubricCriteria) + 1
			cid := e.id("criterion:" + name + ":" + strconv.Itoa(i) + ":" + string(id))
			w := weight
			i := i
			c := Criterion{
				Identifier:         cid,
				URI:                e.uri(cid),
				Category:           category,
				Description:        r.Why,
				CFItemURI:          &link,
				Weight:             &w,
				Position:           &pos,
				RubricID:           rb.Identifier,
				LastChangeDateTime: e.time(""),
				Extensions:         e.ext(criterionExt{Requirement: &i}),
			}
			c.CFRubricCriterionLevels = e.levels(cid, r.Level)
			rb.CFRubricCriteria = append(rb.CFRubricCriteria, c)
		}
	}
}

// levels returns the scale's levels for a criterion that needs need,
// each with the credit it earns.
func (e *exporter) levels(criterion string, need competency.Level) []CriterionLevel {
	scale := e.f.Scale()
	out := make([]CriterionLevel, 0, len(scale.Levels))
	for _, l := range scale.Levels {
		id := e.id("level:" + criterion + ":" + strconv.Itoa(int(l.Level)))
		score := float64(min(l.Level, need)) / float64(need)
		pos := int(l.Level)
		out = append(out, CriterionLevel{
			Identifier:         id,
			URI:                e.uri(id),
			Description:        l.Description,
			Quality:            l.Name,
			Score:              &score,
			Position:           &pos,
			RubricCriterionID:  criterion,
			LastChangeDateTime: e.time(""),
		})
	}
	return out
}

// Encode writes p as indented JSON and a final newline. The same package
// always encodes to the same bytes. It costs time and memory linear in
// the size of p.
func Encode(w io.Writer, p *Package) error {
	if p == nil {
		return fmt.Errorf("cfpackage: Encode of a nil package")
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("cfpackage: %w", err)
	}
	return nil
}
