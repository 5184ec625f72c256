package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/problem"
)

// caseExportDoc explains -case in export's help.
const caseExportDoc = `With -case it prints instead the framework as a CASE 1.1 package. CASE
(Competencies and Academic Standards Exchange) is 1EdTech's standard for
exchanging competency frameworks and academic standards: OpenSALT, the
CASE Network and learning platforms that import standards read and serve
it. A package is one JSON object: a CFDocument for the framework; a CFItem
for every cluster, competency, area of expertise, role, job, key behaviour
and technologies note, typed with the CFItemTypes of its CFDefinitions;
isChildOf associations for the tree, and isPartOf from each role to the
jobs that blend it; and a CFRubric for each role and job. A rubric has a
criterion for each competency or area the target needs, pointing at its
item, with its weight and the scale's six levels, each with the score it
earns (the level reached, up to the level needed, over the level needed);
a job's rubric starts with a criterion for each role it blends, weighted
by the role's share, and criteria of one group requirement share a
category ("requirement 3: 7 of 9 at level 1"). The rubric's description
says the scoring rule in words, for a reader without wlp.

Identifiers are lower-case version 5 UUIDs derived from the framework's
and the elements' IDs, the same on every run; a framework imported with
"wlp import -case" keeps the identifiers and URIs of its package instead.
Every object's uri is urn:uuid:IDENTIFIER, or with -base-uri URI (an
absolute URI, such as https://case.example.org/uri/, to which a "/" is
added unless it ends in "/", "#", ":" or "=") the URI followed by the
identifier; a framework imported from a package whose document's uri
ends in its identifier takes what comes before it as its base. What CASE has no field for (the framework's ID, each
requirement as written, with its why and atLeast, a job's shares) goes
into CASE 1.1 extensions named "wlp", so that "wlp import -case" gives
back the same framework. -strict leaves every extension out, as 1EdTech's
certification of CASE providers requires: the package still holds the
tree, the names, summaries and behaviours, and the rubrics, and the
README lists what it loses.

Every object's lastChangeDateTime is -changed TIME when it is given (an
RFC 3339 time, or a date YYYY-MM-DD for midnight UTC); without it, an
object of a framework imported from a package keeps the time it had there
(the document's, if it had none of its own), so that sending it back does
not make every item look changed, and the others get
1970-01-01T00:00:00Z, so that the same framework always exports to the
same bytes, which a diff or a checksum can compare. Set -changed to when
the framework last changed before you publish a package to a CASE server,
whose clients tell by lastChangeDateTime what is new. The document's creator, in CASE the
body that owns the framework, is "wlp" (or the creator of the package the
framework was imported from) unless -creator BODY names it, such as ASTD
for the default model. With -o FILE the package goes to FILE,
written whole or not at all, and never over a file that exists unless
-force is given.

With -crosswalk ID|FILE and no -case it prints instead a crosswalk
document, as indented JSON: an embedded one (astd-2004-to-atd-2013,
atd-2013-to-atd-2020, astd-2004-to-atd-2020), to read every link with its
relation, carry and why, or to start a crosswalk of your own from; it is
checked against its frameworks first when they are embedded or given by
-from and -to. FILE may also be a crosswalk's CASE package, which it
reads back as "wlp import -case" does.

With -case -crosswalk ID|FILE it prints instead a crosswalk (an embedded
one, such as atd-2013-to-atd-2020, or a crosswalk document) as a CASE
package of its own: a CFDocument for the crosswalk and one CFAssociation
for each link, and no items. Each association goes from the link's item
in one framework to its item in the other, named by the identifier, uri
and title that "wlp export -case" gives the item in its framework's
package (with the same -base-uri), so that a CASE server holding both
frameworks' packages resolves it. An exact link is an exactMatchOf
association and any other an isRelatedTo one; the link's why is the
association's notes, and the "wlp" extensions keep its relation, carry,
cap, source and via, and the crosswalk's sources and its notes on
unmapped and new items, unless -strict. The frameworks are the embedded
ones the crosswalk names; -from F and -to F (an embedded ID or a
framework document) name others, and are needed when the crosswalk names
a framework that is not embedded.`

// caseImportDoc explains -case in import's help.
const caseImportDoc = `With -case it reads instead one CASE package, CASE 1.0 or 1.1 ("-" for
standard input), such as OpenSALT or the CASE Network serve and "wlp
export -case" writes, maps it onto the model, and writes the framework
document (indented JSON, as "wlp export" prints it) to standard output or,
with -o FILE, to FILE, which it does not write over without -force. Every
other command reads the result with -framework FILE.

An item's CFItemType, compared without regard to case, says what it
becomes: by default the types "wlp export -case" writes (Competency
cluster, Foundational competency, Area of expertise, Role, Job, Key
behavior, Learning technologies). -map KIND=TYPE,... names other types for
a kind, repeatable: the kinds are cluster, competency, area, role, job,
behavior and technologies; a kind may take several types, a type goes to
one kind only, and a kind -map names no longer takes its default type.
An item of a type no kind takes is placed by the isChildOf tree: a leaf
under another item is a competency and that item its cluster, a leaf
under the document is an area of expertise, and a level of the tree above
the clusters (a domain above its standards) has no place in the model and
is kept aside. An element's name is the item's abbreviated statement, and
its summary the full statement (the name, without an abbreviated one).
Its ID is the item's human coding scheme, made a slug if it is not one
("A.1" becomes a-1), or else a slug of its statement; a slug taken by an
earlier item gets -2, -3 and so on. The framework's ID is -id ID, or the
one an export kept, or a slug of the document's title. The rubric a role
or a job is related to gives its requirements (a criterion that points at
a role gives a job's share of it); the "wlp" extensions an export writes
give each back exactly, unless -ignore-extensions reads CASE's own fields
only.

The identifiers and URIs of the document and of every item, their place
in the tree where an export would put them elsewhere, and the items no
kind takes are kept in the framework's "case" member, so that "wlp export
-case" writes them back as they were (a package wlp exported needs none of
it, and the framework comes back equal). What the model has no place for
(education levels, subjects, notes, licences, other associations, rubrics
it cannot read as requirements, other exporters' extensions) is reported,
never dropped silently. Real packages are imperfect: a date without a time
zone, a null field, a CASE 1.0 field name or a CFPackage wrapper is read
with a warning, and what cannot be read is an error. Each goes to
standard error on a line of its own with its place in the package,
"wlp import: pkg.json: /CFItems/3/lastChangeDateTime: ...", and a last
line counts them; after an error nothing is written, and the exit status
is 1.

A crosswalk's package, as "wlp export -case -crosswalk" writes it, is
read back as a crosswalk document instead (indented JSON, as "wlp export
-crosswalk" prints it), which -crosswalk FILE takes. A package is a
crosswalk's when it holds no items and either its document's "wlp"
extension is a crosswalk's or it has associations, none of which ends at
its own document: they link the items of two other packages. Each
association's ends are matched to the items "wlp export -case" gives the
competencies and areas of the two frameworks: -from FRAMEWORK and -to
FRAMEWORK (an embedded ID or a framework document) name them, and
default to the embedded frameworks the extension names. A strict package
names none, so it needs both; it also lost each link's relation, carry
and source, and reads back with a warning as exact links that carry the
level and related links that carry nothing. -id ID renames the crosswalk
and -ignore-extensions reads it as if it were strict. Every command that
takes -crosswalk FILE reads such a package too, against the frameworks
it works with.`

// The example lines -case adds to export's and import's help.
const (
	caseExportExample = `wlp export -case -o astd-2004.case.json
wlp export -crosswalk astd-2004-to-atd-2020 > my-crosswalk.json
wlp export -case -crosswalk atd-2013-to-atd-2020 -o atd-2013-to-atd-2020.case.json`
	caseImportExample = `wlp import -case -map cluster=Domain,competency=Standard -o framework.json package.json
wlp import -case -from ours-v1.json -to ours-v2.json -o ours-v1-to-v2.json crosswalk.case.json`
)

// caseExport holds export's CASE flags.
type caseExport struct {
	on      bool      // -case
	strict  bool      // -strict
	baseURI string    // -base-uri
	changed time.Time // -changed
	creator string    // -creator
	xwalk   string    // -crosswalk
	from    string    // -from
	to      string    // -to
}

// caseExportFlags adds -case, -strict, -base-uri, -changed and -creator,
// bound to x.
func (c *Command) caseExportFlags(x *caseExport) {
	c.Flag.BoolVar(&x.on, "case", false, "print the framework as a CASE 1.1 package")
	c.Flag.BoolVar(&x.strict, "strict", false, "with -case, write no extensions, as 1EdTech's certification requires (some wlp facts are lost)")
	c.Flag.StringVar(&x.baseURI, "base-uri", "", "with -case, make each object's uri `URI` followed by its identifier (default urn:uuid:)")
	c.Flag.Var(timeFlag{&x.changed}, "changed", "with -case, write `TIME` (RFC 3339, or YYYY-MM-DD for midnight UTC) as every lastChangeDateTime "+
		"(default: the times kept from the package the framework was imported from, else 1970-01-01T00:00:00Z, so that exports are byte for byte the same)")
	c.Flag.StringVar(&x.creator, "creator", "", "with -case, name `BODY` as the document's creator, the body that owns the framework "+
		"(default: the creator of the package it was imported from, or wlp)")
	c.Flag.StringVar(&x.xwalk, "crosswalk", "", "print the crosswalk `ID|FILE` (an embedded one or a crosswalk document) as a JSON document, or with -case as a CASE package of its own")
	c.Flag.StringVar(&x.from, "from", "", "with -crosswalk, the framework `FRAMEWORK` it maps from, an embedded ID or a file (default: the embedded one it names)")
	c.Flag.StringVar(&x.to, "to", "", "with -crosswalk, the framework `FRAMEWORK` it maps to, an embedded ID or a file (default: the embedded one it names)")
}

// check reports misuse of x's flags: a CASE flag without -case, or -case
// with a flag of another output (others, such as "-table", that are set).
func (x *caseExport) check(e *env, others ...string) error {
	if !x.on {
		if set := e.flagsSet("strict", "base-uri", "changed", "creator"); len(set) > 0 {
			return usageError(andList(set) + " go" + verbS(len(set)) + " with -case")
		}
	}
	if x.xwalk == "" {
		if set := e.flagsSet("from", "to"); len(set) > 0 {
			return usageError(andList(set) + " go" + verbS(len(set)) + " with -crosswalk")
		}
	} else if set := e.flagsSet("framework"); len(set) > 0 {
		return usageError("-crosswalk excludes -framework: name the crosswalk's frameworks with -from and -to")
	}
	if x.on && len(others) > 0 {
		return usageError("-case excludes " + andList(others))
	}
	if x.xwalk != "" && len(others) > 0 {
		if others = slices.DeleteFunc(others, func(o string) bool { return o == "-json" }); len(others) > 0 {
			return usageError("-crosswalk excludes " + andList(others))
		}
	}
	return nil
}

// verbS returns the "s" of a verb's third person singular: "goes" for
// one subject, "go" for several.
func verbS(n int) string {
	if n == 1 {
		return "es"
	}
	return ""
}

// runExportCase is `wlp export -case`: the framework as a CASE package on
// standard output or in the file out.
func runExportCase(e *env, x caseExport, out string, force bool) error {
	if err := checkOverwrite(out, force, "the file exists"); err != nil {
		return err
	}
	if x.xwalk != "" {
		return runExportCrosswalk(e, x, out)
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	p, err := cfpackage.Export(f, &cfpackage.ExportOptions{Strict: x.strict, BaseURI: x.baseURI, Changed: x.changed, Creator: x.creator})
	if err != nil {
		// Export fails only on a base URI that is not an absolute URI.
		return usageError("-base-uri: " + strings.TrimPrefix(err.Error(), "cfpackage: "))
	}
	var b bytes.Buffer
	if err := cfpackage.Encode(&b, p); err != nil {
		return err
	}
	return e.writeOut(out, b.Bytes())
}

// runExportCrosswalk is `wlp export -case -crosswalk ID|FILE`: the
// crosswalk as a CASE package on standard output or in the file out.
func runExportCrosswalk(e *env, x caseExport, out string) error {
	c, err := e.loadCrosswalk(x.xwalk, xwalkEnds{fromFlag: x.from, toFlag: x.to})
	if err != nil {
		return err
	}
	from, err := e.crosswalkFramework(x.from, "-from", c.From, "from")
	if err != nil {
		return err
	}
	to, err := e.crosswalkFramework(x.to, "-to", c.To, "to")
	if err != nil {
		return err
	}
	p, err := cfpackage.ExportCrosswalk(c, from, to, &cfpackage.ExportOptions{Strict: x.strict, BaseURI: x.baseURI, Changed: x.changed, Creator: x.creator})
	var pe *problem.Error
	switch {
	case errors.As(err, &pe) && pe.Package == "crosswalk":
		// The crosswalk does not fit the frameworks.
		return &docError{display(x.xwalk), problemsOf(err)}
	case err != nil:
		return usageError("-base-uri: " + strings.TrimPrefix(err.Error(), "cfpackage: "))
	}
	var b bytes.Buffer
	if err := cfpackage.Encode(&b, p); err != nil {
		return err
	}
	return e.writeOut(out, b.Bytes())
}

// runExportCrosswalkDoc is `wlp export -crosswalk ID|FILE` without -case:
// the crosswalk document as indented JSON, the form -crosswalk reads
// back, on standard output or in the file out. It is checked against its
// frameworks first when they are known: given by -from and -to, or
// embedded.
func runExportCrosswalkDoc(e *env, x caseExport, out string, force bool) error {
	if err := checkOverwrite(out, force, "the file exists"); err != nil {
		return err
	}
	c, err := e.loadCrosswalk(x.xwalk, xwalkEnds{fromFlag: x.from, toFlag: x.to})
	if err != nil {
		return err
	}
	known := func(flagValue, id string) bool { return flagValue != "" || slices.Contains(wlp.Embedded(), id) }
	if known(x.from, c.From) && known(x.to, c.To) {
		from, err := e.crosswalkFramework(x.from, "-from", c.From, "from")
		if err != nil {
			return err
		}
		to, err := e.crosswalkFramework(x.to, "-to", c.To, "to")
		if err != nil {
			return err
		}
		if err := c.Check(from, to); err != nil {
			return &docError{display(x.xwalk), problemsOf(err)}
		}
	}
	b, err := crosswalkJSON(c)
	if err != nil {
		return err
	}
	return e.writeOut(out, b)
}

// xwalkEnds names the frameworks a CASE crosswalk package given to
// -crosswalk is read against, side by side: frameworks at hand (diff's A
// and B), else the values of -from and -to (an embedded ID or a
// framework file), else the embedded frameworks the package's "wlp"
// extension names.
type xwalkEnds struct {
	from, to         *wlp.Framework
	fromFlag, toFlag string
}

// loadCrosswalk returns the crosswalk arg names, for every command that
// takes -crosswalk ID|FILE: an embedded crosswalk by its ID (see
// crosswalk.Embedded), else what the file arg ("-" for standard input)
// holds. That is a crosswalk document or, when its top level has the
// fields of a CASE package (CFDocument, CFItems, CFAssociations or a
// CFPackage wrapper), a crosswalk's CASE package as "wlp export -case
// -crosswalk" writes it (see cfpackage.IsCrosswalk), read with
// cfpackage.ImportCrosswalk against the frameworks ends names; its
// warnings go to standard error. A word that names neither an embedded
// crosswalk nor a file is an error that suggests the embedded ID it
// most likely means.
func (e *env) loadCrosswalk(arg string, ends xwalkEnds) (*crosswalk.Crosswalk, error) {
	if slices.Contains(crosswalk.Embedded(), arg) {
		return crosswalk.LoadEmbedded(arg)
	}
	if arg != "-" && competency.ValidID(arg) && !strings.Contains(arg, ".") {
		if _, err := os.Stat(arg); errors.Is(err, fs.ErrNotExist) {
			_, err := crosswalk.LoadEmbedded(arg) // says which it may mean
			return nil, fmt.Errorf("-crosswalk %s: no such file, and %s", display(arg), strings.TrimPrefix(err.Error(), "crosswalk: "))
		}
	}
	b, err := e.read(arg)
	if err != nil {
		return nil, err
	}
	if isCASEPackage(b) {
		return e.crosswalkPackage(arg, b, ends)
	}
	c, err := crosswalk.Load(bytes.NewReader(b))
	if err != nil {
		return nil, &docError{display(arg), problemsOf(err)}
	}
	return c, nil
}

// crosswalkPackage reads the CASE package b, from the file arg, as a
// crosswalk between the frameworks ends names, writing its warnings to
// standard error. A framework's package is an error that says which
// command reads it.
func (e *env) crosswalkPackage(arg string, b []byte, ends xwalkEnds) (*crosswalk.Crosswalk, error) {
	p, warns, err := cfpackage.Decode(b)
	if err != nil {
		e.warn(arg, warns)
		return nil, &docError{display(arg), problemsOf(err)}
	}
	if !cfpackage.IsCrosswalk(p) {
		return nil, newDocError(display(arg), fmt.Sprintf("a CASE package of a framework (%s), not of a crosswalk: "+
			"\"wlp import -case\" turns it into a framework document", plural(len(p.Items), "item")))
	}
	from, to, err := e.packageFrameworks(arg, p, ends)
	if err != nil {
		return nil, err
	}
	c, more, err := cfpackage.ImportCrosswalk(p, from, to)
	e.warn(arg, append(warns, more...))
	if err != nil {
		return nil, &docError{display(arg), problemsOf(err)}
	}
	return c, nil
}

// packageFrameworks returns the frameworks the crosswalk package p is
// read against, each side the first of: the framework ends holds, the
// framework its flag names, the embedded framework p's "wlp" extension
// names. A side with none of them is a usage error that asks for its
// flag; a framework whose ID is not the one the extension names is an
// error in the package, the file name.
func (e *env) packageFrameworks(name string, p *cfpackage.Package, ends xwalkEnds) (from, to *wlp.Framework, err error) {
	fromID, toID, named := cfpackage.CrosswalkFrameworks(p)
	var missing []string
	if ends.from == nil && ends.fromFlag == "" && !named {
		missing = append(missing, "-from FRAMEWORK")
	}
	if ends.to == nil && ends.toFlag == "" && !named {
		missing = append(missing, "-to FRAMEWORK")
	}
	if len(missing) > 0 {
		return nil, nil, usageError(fmt.Sprintf("the crosswalk package does not name its frameworks (a strict package has no %q extension): "+
			"give the framework%s it maps with %s (an embedded ID or a framework document)", cfpackage.ExtensionName, pluralS(len(missing)), strings.Join(missing, " and ")))
	}
	side := func(f *wlp.Framework, flagValue, flagName, id, name string) (*wlp.Framework, error) {
		if f != nil {
			return f, nil
		}
		return e.crosswalkFramework(flagValue, flagName, id, name)
	}
	if from, err = side(ends.from, ends.fromFlag, "-from", fromID, "from"); err != nil {
		return nil, nil, err
	}
	if to, err = side(ends.to, ends.toFlag, "-to", toID, "to"); err != nil {
		return nil, nil, err
	}
	if named {
		var l problem.List
		const at = "/CFDocument/extensions/" + cfpackage.ExtensionName + "/"
		for _, s := range []struct {
			side, id string
			f        *wlp.Framework
		}{{"from", fromID, from}, {"to", toID, to}} {
			if s.f.ID() != "" && s.f.ID() != s.id {
				l.Add(at+s.side, fmt.Sprintf("the crosswalk maps %s %s, not %s the framework %s", s.side, problem.Quote(s.id), s.side, problem.Quote(s.f.ID())))
			}
		}
		if l.Len() > 0 {
			return nil, nil, &docError{display(name), l}
		}
	}
	return from, to, nil
}

// pluralS returns "s" for more than one.
func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// isCASEPackage reports whether the JSON document b is an object with a
// top-level field of a CASE package: CFDocument, CFItems, CFAssociations
// or CFPackage (a wrapper some servers add).
func isCASEPackage(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case "CFDocument", "CFItems", "CFAssociations", "CFPackage":
			return true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// crosswalkJSON returns the crosswalk document c as indented JSON, the
// form -crosswalk reads back, ending in a newline.
func crosswalkJSON(c *crosswalk.Crosswalk) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, c); err != nil { // "Career & Leadership Development", as written
		return nil, err
	}
	return b.Bytes(), nil
}

// crosswalkFramework returns the framework the flag (named name) gives,
// else the embedded framework id a crosswalk names as its side (from or
// to), or a usage error when it names one that is not embedded.
func (e *env) crosswalkFramework(flagValue, name, id, side string) (*wlp.Framework, error) {
	if flagValue != "" {
		return e.frameworkOf(flagValue)
	}
	if !slices.Contains(wlp.Embedded(), id) {
		return nil, usageError(fmt.Sprintf("the crosswalk maps %s %s, which is not an embedded framework (%s): give its framework document with %s FILE",
			side, problem.Quote(id), strings.Join(wlp.Embedded(), ", "), name))
	}
	return wlp.LoadEmbedded(id)
}

// checkOverwrite fails when out names a regular file that exists and
// force is not set (why says what the file is), or when force is set
// without a file to write.
func checkOverwrite(out string, force bool, why string) error {
	if force && (out == "" || out == "-") {
		return usageError("-force goes with -o FILE")
	}
	if out == "" || out == "-" || force {
		return nil
	}
	if fi, err := os.Stat(out); err == nil && fi.Mode().IsRegular() {
		return fmt.Errorf("%s: %s: nothing was written; pass -force to write over it, or write to another file", display(out), why)
	}
	return nil
}

// timeFlag is -changed: a time as a flag, given in RFC 3339 or as a date
// (midnight UTC).
type timeFlag struct{ t *time.Time }

func (f timeFlag) String() string {
	if f.t == nil || f.t.IsZero() {
		return ""
	}
	return f.t.Format(time.RFC3339)
}

func (f timeFlag) Set(s string) error {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = time.Parse(time.DateOnly, s)
	}
	if err != nil {
		return errors.New("want an RFC 3339 time such as 2026-03-01T09:30:00Z, or a date such as 2026-03-01")
	}
	*f.t = t
	return nil
}

// caseImport holds import's CASE flags.
type caseImport struct {
	on        bool    // -case
	types     typeMap // -map
	id        string  // -id
	ignoreExt bool    // -ignore-extensions
	from      string  // -from
	to        string  // -to
}

// caseImportFlags adds -case, -map, -id and -ignore-extensions, bound to x.
func (c *Command) caseImportFlags(x *caseImport) {
	c.Flag.BoolVar(&x.on, "case", false, "read a CASE 1.0 or 1.1 package and write it as a framework document")
	c.Flag.Var(&x.types, "map", "with -case, map items of the CFItemType TYPE to KIND (cluster, competency, area, role, job, behavior or technologies), "+
		"as `KIND=TYPE,...`; repeatable")
	c.Flag.StringVar(&x.id, "id", "", "with -case, the framework's `ID` (default: the one an export kept, or a slug of the document's title)")
	c.Flag.BoolVar(&x.ignoreExt, "ignore-extensions", false, "with -case, read CASE's own fields only, as if the package had no extensions (as -strict exports it)")
	c.Flag.StringVar(&x.from, "from", "", "with -case and a crosswalk's package, the framework `FRAMEWORK` it maps from, an embedded ID or a file (default: the embedded one its extension names)")
	c.Flag.StringVar(&x.to, "to", "", "with -case and a crosswalk's package, the framework `FRAMEWORK` it maps to, an embedded ID or a file (default: the embedded one its extension names)")
}

// caseKinds are the kinds of element -map maps types to, each with the
// type an export gives it, which import takes when -map names none.
var caseKinds = []struct{ kind, def string }{
	{"cluster", cfpackage.TypeCluster},
	{"competency", cfpackage.TypeCompetency},
	{"area", cfpackage.TypeArea},
	{"role", cfpackage.TypeRole},
	{"job", cfpackage.TypeJob},
	{"behavior", cfpackage.TypeBehavior},
	{"technologies", cfpackage.TypeTechnologies},
}

// typeMap is -map: for each kind, the item types given to it, in the
// order given, without repeats (compared without regard to case).
type typeMap struct {
	types map[string][]string
}

func (m *typeMap) String() string {
	if m == nil || len(m.types) == 0 {
		return ""
	}
	var pairs []string
	for _, k := range caseKinds {
		for _, t := range m.types[k.kind] {
			pairs = append(pairs, k.kind+"="+t)
		}
	}
	return strings.Join(pairs, ",")
}

func (m *typeMap) Set(s string) error {
	for pair := range strings.SplitSeq(s, ",") {
		kind, typ, ok := strings.Cut(pair, "=")
		kind, typ = strings.ToLower(strings.TrimSpace(kind)), strings.TrimSpace(typ)
		if !ok || kind == "" || typ == "" {
			return fmt.Errorf("want KIND=TYPE pairs such as competency=Standard, got %s", problem.Quote(pair))
		}
		if !slices.ContainsFunc(caseKinds, func(k struct{ kind, def string }) bool { return k.kind == kind }) {
			var kinds []string
			for _, k := range caseKinds {
				kinds = append(kinds, k.kind)
			}
			return fmt.Errorf("unknown kind %s (want %s)", problem.Quote(kind), orList(kinds))
		}
		if m.types == nil {
			m.types = map[string][]string{}
		}
		if !slices.ContainsFunc(m.types[kind], func(t string) bool { return strings.EqualFold(t, typ) }) {
			m.types[kind] = append(m.types[kind], typ)
		}
	}
	return nil
}

// options returns the import options x's flags give, or a usage error
// when one item type goes to two kinds (given to both, or given to one
// and the default of the other).
func (x *caseImport) options() (*cfpackage.ImportOptions, error) {
	owner := map[string]string{} // type in lower case -> its kind
	var clashes []string
	for _, k := range caseKinds {
		types, given := x.types.types[k.kind], true
		if len(types) == 0 {
			types, given = []string{k.def}, false
		}
		for _, t := range types {
			key := strings.ToLower(t)
			if other, ok := owner[key]; ok {
				how := "to " + other + " and to " + k.kind
				if !given {
					how += " (by default: map " + k.kind + " to another type)"
				}
				clashes = append(clashes, fmt.Sprintf("-map: the type %s goes %s; a type goes to one kind", problem.Quote(t), how))
				continue
			}
			owner[key] = k.kind
		}
	}
	if len(clashes) > 0 {
		return nil, usageError(strings.Join(clashes, "; "))
	}
	t := x.types.types
	return &cfpackage.ImportOptions{
		ID:                x.id,
		ClusterTypes:      t["cluster"],
		CompetencyTypes:   t["competency"],
		AreaTypes:         t["area"],
		RoleTypes:         t["role"],
		JobTypes:          t["job"],
		BehaviorTypes:     t["behavior"],
		TechnologiesTypes: t["technologies"],
		IgnoreExtensions:  x.ignoreExt,
	}, nil
}

// runImportCase is `wlp import -case PACKAGE`: the package mapped onto
// the model, as a framework document on standard output or in the file
// out. Warnings and errors go to standard error, one line each with the
// package's name and the place, then a line counting them.
func runImportCase(e *env, x caseImport, out string, force bool, args []string) error {
	if set := e.flagsSet("framework", "sheet", "ignore", "dates"); len(set) > 0 {
		return usageError("-case excludes " + andList(set) + ", which go with profiles")
	}
	if len(args) != 1 {
		return usageError(fmt.Sprintf("-case wants one PACKAGE, got %s", plural(len(args), "argument")))
	}
	opt, err := x.options()
	if err != nil {
		return err
	}
	if err := checkOverwrite(out, force, "the file exists"); err != nil {
		return err
	}
	name := args[0]
	src, done, err := e.open(name)
	if err != nil {
		return err
	}
	p, warns, err := cfpackage.Read(src)
	done()
	if err == nil && cfpackage.IsCrosswalk(p) {
		return runImportCrosswalk(e, x, p, warns, name, out)
	}
	if err == nil {
		if set := e.flagsSet("from", "to"); len(set) > 0 {
			return usageError(andList(set) + " go" + verbS(len(set)) + " with a crosswalk's package, and " + display(name) + " is a framework's")
		}
		var more []cfpackage.Warning
		f, more, ierr := cfpackage.Import(p, opt)
		warns = append(warns, more...)
		if ierr == nil {
			b, err := frameworkJSON(f)
			if err != nil {
				e.warn(name, warns)
				return err
			}
			if len(b) > wlp.DefaultMaxBytes {
				warns = append(warns, cfpackage.Warning{Message: fmt.Sprintf(
					"the framework takes %d bytes, more than the %d that the other commands read with -framework; "+
						"a Go program can read it with wlp.Loader{MaxBytes: ...}", len(b), wlp.DefaultMaxBytes)})
			}
			e.warn(name, warns)
			return e.writeOut(out, b)
		}
		err = ierr
	}
	e.warn(name, warns)
	return importErrors(name, err)
}

// importErrors returns the problems err lists, found in the package
// name, as lines "FILE: POINTER: message", then a line counting them.
func importErrors(name string, err error) error {
	l := problemsOf(err)
	lines := make(linesError, 0, len(l.Problems)+2)
	file := display(name)
	for _, p := range l.Problems {
		p.Message = strings.TrimPrefix(p.Message, "cfpackage: ")
		lines = append(lines, file+": "+p.String())
	}
	if l.Omitted > 0 {
		lines = append(lines, fmt.Sprintf("%s: and at least %s, not listed", file, plural(l.Omitted, "more error")))
	}
	return append(lines, fmt.Sprintf("%s: %s; nothing was written", file, plural(l.Len(), "error")))
}

// runImportCrosswalk is `wlp import -case PACKAGE` for a crosswalk's
// package (see cfpackage.IsCrosswalk): the crosswalk read back with
// cfpackage.ImportCrosswalk, against the frameworks -from and -to name
// or else the embedded ones the package's extension names, as a
// crosswalk document on standard output or in the file out. warns are
// the warnings of reading the package.
func runImportCrosswalk(e *env, x caseImport, p *cfpackage.Package, warns []cfpackage.Warning, name, out string) error {
	if set := e.flagsSet("map"); len(set) > 0 {
		return usageError("-map goes with a framework's package, and " + display(name) + " is a crosswalk's")
	}
	if x.ignoreExt {
		p.Document.Extensions = nil
		for i := range p.Associations {
			p.Associations[i].Extensions = nil
		}
	}
	from, to, err := e.packageFrameworks(name, p, xwalkEnds{fromFlag: x.from, toFlag: x.to})
	if err != nil {
		return err
	}
	c, more, err := cfpackage.ImportCrosswalk(p, from, to)
	warns = append(warns, more...)
	e.warn(name, warns)
	if err != nil {
		return importErrors(name, err)
	}
	if x.id != "" {
		c.ID = x.id
		if err := c.Validate(); err != nil {
			return usageError("-id: " + strings.TrimPrefix(err.Error(), "crosswalk: "))
		}
	}
	b, err := crosswalkJSON(c)
	if err != nil {
		return err
	}
	return e.writeOut(out, b)
}

// warn writes each warning about the input name to standard error, at
// most problem.MaxReported of them, then a line counting them all.
func (e *env) warn(name string, warns []cfpackage.Warning) {
	if len(warns) == 0 {
		return
	}
	file := display(name)
	prefix := "wlp " + e.cmd.Name + ": " + file + ": "
	var b strings.Builder
	for i, w := range warns {
		if i == problem.MaxReported {
			fmt.Fprintf(&b, "%sand %s, not listed\n", prefix, plural(len(warns)-i, "more warning"))
			break
		}
		w.Message = strings.TrimPrefix(w.Message, "cfpackage: ")
		b.WriteString(prefix + w.String() + "\n")
	}
	fmt.Fprintf(&b, "%s%s\n", prefix, plural(len(warns), "warning"))
	fmt.Fprint(e.stderr, b.String())
}

// flagsSet returns, as "-name", those of the flags names that the
// command line set, in the order of names.
func (e *env) flagsSet(names ...string) []string {
	set := map[string]bool{}
	e.cmd.Flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var out []string
	for _, n := range names {
		if set[n] {
			out = append(out, "-"+n)
		}
	}
	return out
}
