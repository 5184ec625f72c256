package cfpackage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/problem"
)

// CrosswalkIdentifier returns the CASE identifier [ExportCrosswalk] gives
// the document of the crosswalk c: a version 5 UUID of its ID, in the
// namespace of [DocumentIdentifier], in lower case. Every association's
// identifier derives from it.
func CrosswalkIdentifier(c *crosswalk.Crosswalk) string {
	return uuid.NewSHA1(namespace, []byte("crosswalk:"+c.ID)).String()
}

// The extensions a crosswalk's export writes under ExtensionName.
type (
	// crosswalkExt is the document's: all of the crosswalk but its
	// links, its name (the title, unless Unnamed: the title is then the
	// ID) and its description (the document's).
	crosswalkExt struct {
		Crosswalk string             `json:"crosswalk"`
		Unnamed   bool               `json:"unnamed,omitempty"`
		From      string             `json:"from"`
		To        string             `json:"to"`
		Sources   []crosswalk.Source `json:"sources,omitempty"`
		Unmapped  []crosswalk.Note   `json:"unmapped,omitempty"`
		New       []crosswalk.Note   `json:"new,omitempty"`
	}
	// linkExt is an association's: what the link says beyond its ends
	// and its why (the association's notes).
	linkExt struct {
		Relation competency.Relation `json:"relation"`
		Carry    crosswalk.Carry     `json:"carry"`
		Cap      competency.Level    `json:"cap,omitempty"`
		Source   string              `json:"source,omitempty"`
		Via      []competency.ID     `json:"via,omitempty"`
	}
)

// ExportCrosswalk writes the crosswalk c, from the framework from to the
// framework to, as a CASE 1.1 package of its own: a CFDocument that
// stands for the crosswalk and one CFAssociation for each link, in the
// order of c's links, and no CFItems. An association's origin is the
// link's From item and its destination the link's To item, each named by
// the identifier, uri and title that [Export] of its framework, with the
// same options, gives that item, so that a CASE system that holds the
// two frameworks' packages resolves both ends. An exact link is an
// exactMatchOf association, any other an isRelatedTo one (CASE has no
// type for close, broader or narrower matches); the link's why is the
// association's notes.
//
// The document's identifier is [CrosswalkIdentifier] of c, its title c's
// name (its ID, without one), its description c's description, and its
// creator [ExportOptions] Creator or "wlp". An association's identifier
// is a version 5 UUID derived from the document's identifier and the
// identifiers of its two ends, so that a link keeps its identifier
// whatever else of it changes. URIs and times of change follow the
// options as for Export: the base URI (urn:uuid: without one) followed
// by the identifier, and Changed or 1970-01-01T00:00:00Z.
//
// Unless Strict, a "wlp" extension on each association keeps the link's
// relation, carry, cap, source and via, and one on the document keeps
// the crosswalk's ID, the IDs of the two frameworks, the sources, and
// the notes on unmapped and new items, so that [ImportCrosswalk] gives
// back an equal crosswalk. A strict package loses all of that: it keeps
// the links' ends, whether each is exact, and their whys, and the
// crosswalk's name and description.
//
// The error is c's own (see [crosswalk.Crosswalk.Check]: c must fit the
// two frameworks), or reports a BaseURI that is not an absolute URI.
// ExportCrosswalk costs time and memory linear in the sizes of c and of
// the two frameworks, whose exports it makes.
func ExportCrosswalk(c *crosswalk.Crosswalk, from, to *wlp.Framework, opt *ExportOptions) (*Package, error) {
	if c == nil || from == nil || to == nil {
		return nil, fmt.Errorf("cfpackage: ExportCrosswalk of a nil crosswalk or framework")
	}
	if err := c.Check(from, to); err != nil {
		return nil, err
	}
	var o ExportOptions
	if opt != nil {
		o = *opt
	}
	base := "urn:uuid:"
	if o.BaseURI != "" {
		var err error
		if base, err = baseURI(o.BaseURI); err != nil {
			return nil, err
		}
	}
	fx, err := export(from, &o)
	if err != nil {
		return nil, err
	}
	tx, err := export(to, &o)
	if err != nil {
		return nil, err
	}
	changed := noTime
	if !o.Changed.IsZero() {
		changed = o.Changed.UTC().Truncate(time.Second).Format(time.RFC3339)
	}
	x := &exporter{strict: o.Strict}
	id := CrosswalkIdentifier(c)
	ns := uuid.MustParse(id)
	d := Document{
		Identifier:         id,
		URI:                base + id,
		CaseVersion:        "1.1",
		Creator:            "wlp",
		Title:              c.Name,
		LastChangeDateTime: changed,
		Description:        c.Description,
	}
	if o.Creator != "" {
		d.Creator = o.Creator
	}
	if d.Title == "" {
		d.Title = c.ID
	}
	d.Extensions = x.ext(crosswalkExt{
		Crosswalk: c.ID, Unnamed: c.Name == "", From: c.From, To: c.To,
		Sources: c.Sources, Unmapped: c.Unmapped, New: c.New,
	})
	p := &Package{Document: d}
	var errs problem.List
	for i, l := range c.Links {
		origin, ok1 := fx.itemOf[l.From]
		dest, ok2 := tx.itemOf[l.To]
		if !ok1 || !ok2 {
			// Check has made sure of both; this guards a crosswalk
			// changed meanwhile.
			errs.Add("/links/"+strconv.Itoa(i), fmt.Sprintf("the link from %s to %s names an item that is not a competency or an area of its framework", problem.Quote(string(l.From)), problem.Quote(string(l.To))))
			continue
		}
		typ := IsRelatedTo
		if l.Relation == competency.Exact {
			typ = ExactMatchOf
		}
		aid := uuid.NewSHA1(ns, []byte("link:"+origin.Identifier+">"+dest.Identifier)).String()
		p.Associations = append(p.Associations, Association{
			Identifier:         aid,
			AssociationType:    typ,
			URI:                base + aid,
			OriginNodeURI:      NodeURI{Title: origin.Title, Identifier: origin.Identifier, URI: origin.URI, TargetType: "CASE"},
			DestinationNodeURI: NodeURI{Title: dest.Title, Identifier: dest.Identifier, URI: dest.URI, TargetType: "CASE"},
			LastChangeDateTime: changed,
			Notes:              l.Why,
			Extensions:         x.ext(linkExt{Relation: l.Relation, Carry: l.Carry, Cap: l.Cap, Source: l.Source, Via: l.Via}),
		})
	}
	if err := errs.Err("cfpackage"); err != nil {
		return nil, err
	}
	return p, nil
}

// ImportCrosswalk reads the package p, as [ExportCrosswalk] writes it,
// as a crosswalk from the framework from to the framework to, and
// returns it checked against them ([crosswalk.Crosswalk.Check]), with
// warnings, each at a JSON pointer into p, saying what it read with a
// guess and what it skipped.
//
// Each exactMatchOf and isRelatedTo association is a link, in the order
// of the package's associations. Its origin must be a competency or an
// area of from, and its destination one of to, as Export writes them:
// an end is matched by its identifier, then by its uri. Its notes are the
// link's why. Associations of other types are skipped, with a warning.
//
// With the "wlp" extensions an export writes, the crosswalk is the one
// exported. Without them (a strict package, or one another system
// wrote), or where an association's extension cannot be read or
// contradicts its type, ImportCrosswalk reads what CASE says: an
// exactMatchOf association is an exact link that carries the level, an
// isRelatedTo one a related link that carries nothing (with a warning:
// CASE does not say how the items relate), and an association without
// notes gets a fixed why that says where it came from (with a warning).
// The crosswalk's ID is then "FROM-to-TO" of the frameworks' IDs, its
// name the document's title and its description the document's; it has
// no sources and no notes on unmapped or new items.
//
// The error, a *[problem.Error] of package "cfpackage", lists every
// problem at once, each at its place in p: an end that names no
// competency or area of its framework, and whatever Check finds wrong
// with the crosswalk read (two links with the same ends, say), at the
// association or extension it came from. A package's CFItems, CFRubrics
// and CFDefinitions are not read (a crosswalk package has none), with a
// warning. ImportCrosswalk costs time and memory linear in the sizes of
// p and of the two frameworks, whose exports it makes to match the ends.
func ImportCrosswalk(p *Package, from, to *wlp.Framework) (*crosswalk.Crosswalk, []Warning, error) {
	if p == nil || from == nil || to == nil {
		return nil, nil, fmt.Errorf("cfpackage: ImportCrosswalk of a nil package or framework")
	}
	fx, err := export(from, nil)
	if err != nil {
		return nil, nil, err
	}
	tx, err := export(to, nil)
	if err != nil {
		return nil, nil, err
	}
	r := &xwalkReader{p: p, from: endsOf(fx), to: endsOf(tx), fromID: frameworkID(from, "from"), toID: frameworkID(to, "to")}
	return r.run(from, to)
}

// frameworkID returns f's ID, or a slug of its name, or def.
func frameworkID(f *wlp.Framework, def string) string {
	if f.ID() != "" {
		return f.ID()
	}
	if s := Slug(f.Name()); s != "" {
		return s
	}
	return def
}

// ends indexes the competency and area items of a framework's export.
type ends struct {
	byIdent, byURI map[string]competency.ID
}

func endsOf(e *exporter) ends {
	n := ends{byIdent: make(map[string]competency.ID, len(e.itemOf)), byURI: make(map[string]competency.ID, len(e.itemOf))}
	for id, l := range e.itemOf {
		n.byIdent[l.Identifier] = id
		n.byURI[l.URI] = id
	}
	return n
}

// find returns the item n names, by identifier, then by uri.
func (s ends) find(n NodeURI) (competency.ID, bool) {
	if id, ok := s.byIdent[n.Identifier]; ok {
		return id, true
	}
	if n.URI == "" {
		return "", false
	}
	id, ok := s.byURI[n.URI]
	return id, ok
}

// xwalkReader reads one crosswalk package.
type xwalkReader struct {
	p              *Package
	from, to       ends
	fromID, toID   string
	errs           problem.List
	warns          importer // its warnings and tallies only
	hasDoc         bool     // the document's extension was read
	withExt        []bool   // for each link, whether its extension was read
	assoc          []int    // for each link, its association's index
	crosswalkLinks []crosswalk.Link
}

func (r *xwalkReader) run(from, to *wlp.Framework) (*crosswalk.Crosswalk, []Warning, error) {
	p := r.p
	c := &crosswalk.Crosswalk{Name: p.Document.Title, Description: p.Document.Description}
	r.document(c)
	for _, l := range []struct {
		name string
		n    int
	}{{"CFItems", len(p.Items)}, {"CFRubrics", len(p.Rubrics)}} {
		if l.n > 0 {
			r.warns.warn("/"+l.name, fmt.Sprintf("%d %s, which a crosswalk has no place for (its links point at the items of the frameworks' own packages); not read", l.n, l.name))
		}
	}
	if p.Definitions != nil {
		r.warns.warn("/CFDefinitions", "definitions, which a crosswalk has no place for; not read")
	}
	for k := range p.Associations {
		r.association(k)
	}
	if r.errs.Len() > 0 {
		return nil, nil, r.err()
	}
	c.Links = r.crosswalkLinks
	if c.Links == nil {
		c.Links = []crosswalk.Link{}
	}
	if err := c.Check(from, to); err != nil {
		r.mapErrors(err)
		return nil, nil, r.err()
	}
	r.warns.finishTally()
	return c, sortWarnings(r.warns.warns), nil
}

// err returns the problems found, in problem.Compare order.
func (r *xwalkReader) err() error {
	slices.SortStableFunc(r.errs.Problems, problem.Compare)
	return r.errs.Err("cfpackage")
}

// document reads the document's extension into c, or derives what it
// would have said.
func (r *xwalkReader) document(c *crosswalk.Crosswalk) {
	const at = "/CFDocument/extensions/" + ExtensionName
	if raw, ok := r.p.Document.Extensions[ExtensionName]; ok {
		var x crosswalkExt
		if err := readExt(raw, &x); err != nil {
			r.warns.warn(at, "the extension cannot be read as a crosswalk's ("+err.Error()+"); read as if the package had none")
		} else {
			r.hasDoc = true
			c.ID, c.From, c.To = x.Crosswalk, x.From, x.To
			c.Sources, c.Unmapped, c.New = x.Sources, x.Unmapped, x.New
			if x.Unnamed {
				c.Name = ""
			}
			return
		}
	}
	c.From, c.To = r.fromID, r.toID
	c.ID = c.From + "-to-" + c.To
	if !competency.ValidID(c.ID) {
		c.ID = Slug(r.p.Document.Title)
	}
	if c.ID == "" {
		c.ID = "crosswalk"
	}
	if c.Name == c.ID {
		c.Name = ""
	}
	r.warns.warn("/CFDocument", fmt.Sprintf("no %q extension (a strict package, or one another system wrote): the crosswalk's ID is %s, "+
		"and its sources and its notes on unmapped and new items are not known", ExtensionName, problem.Quote(c.ID)))
}

// readExt decodes the extension raw into v strictly: no unknown fields,
// nothing after the value.
func readExt(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the value")
	}
	return nil
}

// association reads association k as a link, if it is one.
func (r *xwalkReader) association(k int) {
	a := r.p.Associations[k]
	path := assocPath(k)
	var rel competency.Relation
	switch a.AssociationType {
	case ExactMatchOf:
		rel = competency.Exact
	case IsRelatedTo:
		rel = competency.Related
	default:
		t := a.AssociationType
		r.warns.each("type\x00"+t, path+"/associationType",
			fmt.Sprintf("an association of type %s, which is no crosswalk link (exactMatchOf or isRelatedTo); skipped", problem.Quote(t)),
			"%d associations of type "+problem.Quote(t)+", which is no crosswalk link (exactMatchOf or isRelatedTo); each is skipped")
		return
	}
	fromItem, ok1 := r.from.find(a.OriginNodeURI)
	toItem, ok2 := r.to.find(a.DestinationNodeURI)
	if !ok1 {
		r.errs.Add(path+"/originNodeURI", r.missing(a.OriginNodeURI, "origin", r.fromID, r.to, r.toID))
	}
	if !ok2 {
		r.errs.Add(path+"/destinationNodeURI", r.missing(a.DestinationNodeURI, "destination", r.toID, r.from, r.fromID))
	}
	if !ok1 || !ok2 {
		return
	}
	l := crosswalk.Link{From: fromItem, To: toItem, Relation: rel, Carry: crosswalk.CarryNone, Why: a.Notes}
	if rel == competency.Exact {
		l.Carry = crosswalk.CarryLevel
	}
	ext := false
	if raw, ok := a.Extensions[ExtensionName]; ok {
		var x linkExt
		switch err := readExt(raw, &x); {
		case err != nil:
			r.warns.each("ext", path+"/extensions/"+ExtensionName,
				"the extension cannot be read ("+err.Error()+"); the link is read from CASE's fields alone",
				"%d associations have an extension that cannot be read; each link is read from CASE's fields alone")
		case (x.Relation == competency.Exact) != (rel == competency.Exact):
			r.warns.each("contradicts", path+"/extensions/"+ExtensionName,
				fmt.Sprintf("the extension's relation %s contradicts the association's type %s; the link is read from CASE's fields alone", problem.Quote(string(x.Relation)), a.AssociationType),
				"%d associations have an extension whose relation contradicts their type; each link is read from CASE's fields alone")
		default:
			ext = true
			l.Relation, l.Carry, l.Cap, l.Source, l.Via = x.Relation, x.Carry, x.Cap, x.Source, x.Via
			if len(l.Via) == 0 {
				l.Via = nil
			}
		}
	}
	if !ext && rel == competency.Related {
		r.warns.each("related", path,
			"an isRelatedTo association without the extension: read as a related link that carries no level, since CASE does not say how the items relate",
			"%d isRelatedTo associations without the extension: each is read as a related link that carries no level, since CASE does not say how the items relate")
	}
	if strings.TrimSpace(l.Why) == "" {
		l.Why = "Read from a CASE " + a.AssociationType + " association, which gives no reason for it."
		r.warns.each("why", path,
			"an association without notes: the link's why says only where it came from",
			"%d associations without notes: each link's why says only where it came from")
	}
	r.crosswalkLinks = append(r.crosswalkLinks, l)
	r.withExt = append(r.withExt, ext)
	r.assoc = append(r.assoc, k)
}

// missing says why the end n (the association's origin or destination)
// names no item of its framework (ID id), noting when it names one of
// the other framework (ID otherID) instead.
func (r *xwalkReader) missing(n NodeURI, end, id string, other ends, otherID string) string {
	msg := fmt.Sprintf("the %s %s names no competency or area of the framework %s", end, problem.Quote(n.Identifier), problem.Quote(id))
	if o, ok := other.find(n); ok {
		msg += fmt.Sprintf(" but the item %s of %s: a crosswalk's links go from %s to %s", problem.Quote(string(o)), problem.Quote(otherID), problem.Quote(r.fromID), problem.Quote(r.toID))
	}
	return msg
}

// mapErrors adds the problems of err, an error of Check on the crosswalk
// read, each at the place of the package it came from.
func (r *xwalkReader) mapErrors(err error) {
	var e *problem.Error
	if !errors.As(err, &e) {
		r.errs.Add("", strings.TrimPrefix(err.Error(), "crosswalk: "))
		return
	}
	for _, pr := range e.Problems {
		path, msg := r.place(pr.Path), pr.Message
		if pr.Path != "" {
			msg = "crosswalk " + pr.Path + ": " + msg
		}
		r.errs.Add(path, msg)
	}
	r.errs.Omit(e.Omitted)
}

// place returns the place in the package of the crosswalk's JSON pointer
// ptr.
func (r *xwalkReader) place(ptr string) string {
	doc := "/CFDocument"
	if r.hasDoc {
		doc += "/extensions/" + ExtensionName
	}
	toks := strings.SplitN(strings.TrimPrefix(ptr, "/"), "/", 3)
	switch toks[0] {
	case "":
		return ""
	case "name":
		return "/CFDocument/title"
	case "description":
		return "/CFDocument/description"
	case "links":
		i, err := strconv.Atoi(toks[min(1, len(toks)-1)])
		if len(toks) < 2 || err != nil || i < 0 || i >= len(r.assoc) {
			return "/CFAssociations"
		}
		at := assocPath(r.assoc[i])
		if len(toks) < 3 {
			return at
		}
		switch field, _, _ := strings.Cut(toks[2], "/"); field {
		case "from":
			return at + "/originNodeURI"
		case "to":
			return at + "/destinationNodeURI"
		case "why":
			return at + "/notes"
		}
		if r.withExt[i] {
			return at + "/extensions/" + ExtensionName
		}
		return at
	}
	return doc
}

// sortWarnings sorts w in problem.Compare order and, past
// problem.MaxReported of them, ends them with one that counts the rest.
func sortWarnings(w []Warning) []Warning {
	slices.SortStableFunc(w, problem.Compare)
	if n := len(w) - problem.MaxReported; n > 0 {
		w = append(w[:problem.MaxReported:problem.MaxReported], Warning{Message: fmt.Sprintf("and %d more warnings, not listed", n)})
	}
	return w
}

// IsCrosswalk reports whether p is a crosswalk's package, as
// [ExportCrosswalk] writes one, rather than a framework's. It is when p
// holds no CFItems and either its document's "wlp" extension is a
// crosswalk's (see [CrosswalkFrameworks]) or it has associations and
// none of them has p's document at either end: every association then
// links items of other packages. A strict crosswalk package with no
// links has nothing to tell it by, and is not one. IsCrosswalk costs time
// linear in the number of p's associations.
func IsCrosswalk(p *Package) bool {
	if p == nil || len(p.Items) > 0 {
		return false
	}
	if _, _, ok := CrosswalkFrameworks(p); ok {
		return true
	}
	if len(p.Associations) == 0 {
		return false
	}
	d := p.Document
	isDoc := func(n NodeURI) bool {
		return (n.Identifier != "" && n.Identifier == d.Identifier) || (n.URI != "" && n.URI == d.URI)
	}
	for _, a := range p.Associations {
		if isDoc(a.OriginNodeURI) || isDoc(a.DestinationNodeURI) {
			return false
		}
	}
	return true
}

// CrosswalkFrameworks returns the IDs of the frameworks the crosswalk
// package p maps from and to, as the "wlp" extension of its document
// names them, the one [ExportCrosswalk] writes unless Strict. ok is false
// when p's document has no such extension (a strict package, or one
// another system wrote), or one that is not a crosswalk's.
func CrosswalkFrameworks(p *Package) (from, to string, ok bool) {
	if p == nil {
		return "", "", false
	}
	raw, found := p.Document.Extensions[ExtensionName]
	if !found {
		return "", "", false
	}
	var x crosswalkExt
	if err := readExt(raw, &x); err != nil || x.Crosswalk == "" || x.From == "" || x.To == "" {
		return "", "", false
	}
	return x.From, x.To, true
}
