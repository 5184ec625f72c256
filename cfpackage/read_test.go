package cfpackage_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/problem"
)

// exported returns the packages Export writes for the default framework
// and examples/frameworks/learning2.json, each with several options, by
// name.
func exported(tb testing.TB) map[string]*cfpackage.Package {
	tb.Helper()
	f, err := os.Open("../examples/frameworks/learning2.json")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	l2, err := wlp.Load(f)
	if err != nil {
		tb.Fatal(err)
	}
	opts := map[string]*cfpackage.ExportOptions{
		"zero":    nil,
		"strict":  {Strict: true},
		"base":    {BaseURI: "https://case.example.org/uri"},
		"changed": {Changed: time.Date(2025, 3, 4, 5, 6, 7, 8, time.FixedZone("CET", 3600))},
		"all":     {Strict: true, BaseURI: "https://case.example.org/uri/", Changed: time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)},
	}
	out := map[string]*cfpackage.Package{}
	for fname, fw := range map[string]*wlp.Framework{"default": wlp.Default(), "learning2": l2} {
		for oname, o := range opts {
			p, err := cfpackage.Export(fw, o)
			if err != nil {
				tb.Fatal(err)
			}
			out[fname+"/"+oname] = p
		}
	}
	return out
}

func encode(tb testing.TB, p *cfpackage.Package) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := cfpackage.Encode(&b, p); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// TestDecodeExport checks that every package Export writes decodes with
// no warnings to the package exported, through Decode and Read.
func TestDecodeExport(t *testing.T) {
	for name, p := range exported(t) {
		t.Run(name, func(t *testing.T) {
			data := encode(t, p)
			got, warns, err := cfpackage.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) != 0 {
				t.Errorf("warnings: %v", warns)
			}
			if diff := cmp.Diff(p, got); diff != "" {
				t.Errorf("decoded package (-exported +decoded):\n%s", diff)
			}
			if !bytes.Equal(encode(t, got), data) {
				t.Error("the decoded package encodes to other bytes")
			}
			got, warns, err = cfpackage.Read(bytes.NewReader(data))
			if err != nil || len(warns) != 0 {
				t.Fatalf("Read: %v, warnings %v", err, warns)
			}
			if diff := cmp.Diff(p, got); diff != "" {
				t.Errorf("read package (-exported +read):\n%s", diff)
			}
		})
	}
}

// The fixtures' common values.
const (
	when   = "2024-05-31T12:00:00Z"
	docID  = "00000000-0000-4000-8000-000000000001"
	docURI = "https://case.example.org/uri/" + docID
)

// id returns the fixtures' identifier number n.
func id(n int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", n) }

func urn(n int) string { return "urn:uuid:" + id(n) }

// doc returns the fixtures' usual document, titled title.
func doc(title string) cfpackage.Document {
	return cfpackage.Document{Identifier: docID, URI: docURI, Creator: "Example", Title: title, LastChangeDateTime: when}
}

func ptr[T any](v T) *T { return &v }

// w is a warning.
func w(path, msg string) cfpackage.Warning { return cfpackage.Warning{Path: path, Message: msg} }

// TestDecodeFixtures decodes each quirk's fixture, under
// testdata/read, and checks its warnings and package.
func TestDecodeFixtures(t *testing.T) {
	tests := []struct {
		file  string
		warns []cfpackage.Warning
		want  *cfpackage.Package
	}{{
		file: "wrapper.json",
		warns: []cfpackage.Warning{
			w("", `the package is wrapped in {"CFPackage": ...}, which CASE 1.1 does not have; unwrapped`),
			w("/exportedBy", `unknown field "exportedBy" of CFPackage wrapper; left out`),
		},
		want: &cfpackage.Package{Document: doc("Wrapped")},
	}, {
		file: "nulls.json",
		warns: []cfpackage.Warning{
			w("/CFAssociations", "null is not allowed in CASE 1.1; left out"),
			w("/CFDocument/creator", `required field "creator" is null, which CASE 1.1 does not allow; left empty`),
			w("/CFDocument/description", "null is not allowed in CASE 1.1; left out"),
			w("/CFDocument/licenseURI", "null is not allowed in CASE 1.1; left out"),
			w("/CFItems/0", "null is not allowed in CASE 1.1; left out"),
			w("/CFItems/1/educationLevel/1", "null is not allowed in CASE 1.1; left out"),
			w("/CFItems/1/notes", "null is not allowed in CASE 1.1; left out"),
		},
		want: &cfpackage.Package{
			Document: cfpackage.Document{Identifier: docID, URI: docURI, Title: "Nulls", LastChangeDateTime: when},
			Items: []cfpackage.Item{{
				Identifier: id(2), FullStatement: "Reads closely.", URI: "https://case.example.org/uri/" + id(2),
				EducationLevel: []string{"09", "10"}, LastChangeDateTime: when,
			}},
		},
	}, {
		file: "unknown-fields.json",
		warns: []cfpackage.Warning{
			w("/CFAssociations/0/CFDocumentURI", `"CFDocumentURI" is a CASE 1.0 field; 1.1 has no place for it; left out`),
			w("/CFAssociations/0/originNodeURI/kind", `unknown field "kind" of LinkGenURI; left out`),
			w("/CFDocument/CFPackageURI", `"CFPackageURI" is a CASE 1.0 field; 1.1 has no place for it; left out`),
			w("/CFItems/0/CFDocumentURI", `"CFDocumentURI" is a CASE 1.0 field; 1.1 has no place for it; left out (2 objects of CFItem have it; this is the first)`),
			w("/CFItems/0/educationalLevel", `unknown field "educationalLevel" of CFItem; left out`),
		},
		want: &cfpackage.Package{
			Document: doc("Unknown fields"),
			Items: []cfpackage.Item{
				{Identifier: id(2), FullStatement: "First.", URI: "https://case.example.org/uri/" + id(2), LastChangeDateTime: when},
				{Identifier: id(3), FullStatement: "Second.", URI: "https://case.example.org/uri/" + id(3), LastChangeDateTime: when},
			},
			Associations: []cfpackage.Association{{
				Identifier: id(4), AssociationType: cfpackage.IsChildOf, URI: "https://case.example.org/uri/" + id(4),
				OriginNodeURI:      cfpackage.NodeURI{Title: "First.", Identifier: id(2), URI: "https://case.example.org/uri/" + id(2)},
				DestinationNodeURI: cfpackage.NodeURI{Title: "Unknown fields", Identifier: docID, URI: docURI},
				LastChangeDateTime: when,
			}},
		},
	}, {
		file: "required.json",
		warns: []cfpackage.Warning{
			w("/CFAssociations/0", `required field "originNodeURI" is missing`),
			w("/CFAssociations/0/destinationNodeURI", `required field "title" is missing`),
			w("/CFDocument/creator", `required field "creator" is empty`),
			w("/CFItems/0", `required field "uri" is missing`),
			w("/CFItems/0/fullStatement", `required field "fullStatement" is empty`),
		},
		want: &cfpackage.Package{
			Document: cfpackage.Document{Identifier: docID, URI: docURI, Title: "Required fields", LastChangeDateTime: when},
			Items:    []cfpackage.Item{{Identifier: id(2), LastChangeDateTime: when}},
			Associations: []cfpackage.Association{{
				Identifier: id(4), AssociationType: cfpackage.IsChildOf, URI: "https://case.example.org/uri/" + id(4),
				DestinationNodeURI: cfpackage.NodeURI{Identifier: docID, URI: docURI},
				LastChangeDateTime: when,
			}},
		},
	}, {
		file: "datetimes.json",
		warns: []cfpackage.Warning{
			w("/CFDocument/lastChangeDateTime", `"2017-05-25T18:05:33" has no time zone; read as UTC, "2017-05-25T18:05:33Z"`),
			w("/CFItems/0/lastChangeDateTime", `"2017-05-25" is a date without a time; read as midnight UTC, "2017-05-25T00:00:00Z"`),
			w("/CFItems/1/lastChangeDateTime", `"last Tuesday" is not a date-time that can be read; left empty`),
			w("/CFItems/2/lastChangeDateTime", `"2017-05-25 18:05:33+0200" is not an RFC 3339 date-time; rewritten as "2017-05-25T16:05:33Z"`),
		},
		want: &cfpackage.Package{
			Document: cfpackage.Document{Identifier: docID, URI: docURI, Creator: "Example", Title: "Dates and times", LastChangeDateTime: "2017-05-25T18:05:33Z"},
			Items: []cfpackage.Item{
				{Identifier: id(2), FullStatement: "A date alone.", URI: urn(2), LastChangeDateTime: "2017-05-25T00:00:00Z"},
				{Identifier: id(3), FullStatement: "Cannot be read.", URI: urn(3)},
				{Identifier: id(4), FullStatement: "A space and an offset without a colon.", URI: urn(4), LastChangeDateTime: "2017-05-25T16:05:33Z"},
				{Identifier: id(5), FullStatement: "Valid with an offset.", URI: urn(5), LastChangeDateTime: "2017-05-25T18:05:33.25+02:00"},
			},
		},
	}, {
		file: "identifiers.json",
		warns: []cfpackage.Warning{
			w("/CFAssociations/0/destinationNodeURI/identifier", `the UUID "0A1B2C3D-0000-4000-8000-00000000000F" is in upper case; lower-cased, as the identifiers it points at are`),
			w("/CFDocument/identifier", `the UUID "0A1B2C3D-0000-4000-8000-00000000000F" is in upper case; lower-cased`),
			w("/CFItems/0/CFItemTypeURI/identifier", `the UUID "0000000B-0000-4000-8000-0000000000AA" is in upper case; lower-cased`),
			w("/CFItems/0/identifier", `"item-1" is not a UUID; kept as found`),
		},
		want: &cfpackage.Package{
			Document: cfpackage.Document{
				Identifier: "0a1b2c3d-0000-4000-8000-00000000000f", URI: "https://case.example.org/uri/0A1B2C3D-0000-4000-8000-00000000000F",
				Creator: "Example", Title: "Identifiers", LastChangeDateTime: when,
			},
			Items: []cfpackage.Item{{
				Identifier: "item-1", FullStatement: "Not a UUID.", URI: "https://case.example.org/uri/item-1",
				CFItemTypeURI:      &cfpackage.LinkURI{Title: "Standard", Identifier: "0000000b-0000-4000-8000-0000000000aa", URI: "https://case.example.org/uri/types/standard"},
				LastChangeDateTime: when,
			}},
			Associations: []cfpackage.Association{{
				Identifier: id(4), AssociationType: cfpackage.IsChildOf, URI: "https://case.example.org/uri/" + id(4),
				OriginNodeURI:      cfpackage.NodeURI{Title: "Not a UUID.", Identifier: "item-1", URI: "https://case.example.org/uri/item-1"},
				DestinationNodeURI: cfpackage.NodeURI{Title: "Identifiers", Identifier: "0a1b2c3d-0000-4000-8000-00000000000f", URI: "https://case.example.org/uri/0A1B2C3D-0000-4000-8000-00000000000F"},
				LastChangeDateTime: when,
			}},
		},
	}, {
		file: "status-dates.json",
		warns: []cfpackage.Warning{
			w("/CFDocument/statusEndDate", `"soon" is not a date (such as 2024-05-31); left out`),
			w("/CFDocument/statusStartDate", `"2024-01-15T00:00:00Z" is a date-time where CASE wants a date; kept the date, "2024-01-15"`),
			w("/CFItems/0/statusStartDate", `"2024-02-30" is not a date (such as 2024-05-31); left out`),
		},
		want: &cfpackage.Package{
			Document: cfpackage.Document{Identifier: docID, URI: docURI, Creator: "Example", Title: "Status dates", LastChangeDateTime: when, StatusStartDate: "2024-01-15"},
			Items:    []cfpackage.Item{{Identifier: id(2), FullStatement: "Dated.", URI: urn(2), StatusEndDate: "2025-12-31", LastChangeDateTime: when}},
		},
	}, {
		file: "string-lists.json",
		warns: []cfpackage.Warning{
			w("/CFDocument/subject", "a string where CASE 1.1 wants a list of strings; split at commas into 1"),
			w("/CFItems/0/conceptKeywords", "a string where CASE 1.1 wants a list of strings; split at commas into 3"),
			w("/CFItems/0/educationLevel", "a string where CASE 1.1 wants a list of strings; split at commas into 3"),
			w("/CFItems/0/subject/1", `a number where CASE wants a string; read as "7"`),
		},
		want: &cfpackage.Package{
			Document: cfpackage.Document{Identifier: docID, URI: docURI, Creator: "Example", Title: "String lists", LastChangeDateTime: when, Subject: []string{"Mathematics"}},
			Items: []cfpackage.Item{{
				Identifier: id(2), FullStatement: "Listed.", URI: urn(2),
				ConceptKeywords: []string{"ratio", "rate", "proportion"}, Subject: []string{"Mathematics", "7"},
				EducationLevel: []string{"KG", "01", "02"}, LastChangeDateTime: when,
			}},
		},
	}, {
		file: "numbers.json",
		warns: []cfpackage.Warning{
			w("/CFAssociations/0/sequenceNumber", "a string where CASE wants a number; read as 3"),
			w("/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0/position", "a string where CASE wants a number; read as 1"),
			w("/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0/score", "a string where CASE wants a number; read as 1"),
			w("/CFRubrics/0/CFRubricCriteria/0/position", `the integer "2.0" is written with a fraction or an exponent; read as 2`),
			w("/CFRubrics/0/CFRubricCriteria/0/weight", "a string where CASE wants a number; read as 0.5"),
		},
		want: &cfpackage.Package{
			Document: doc("Numbers"),
			Associations: []cfpackage.Association{{
				Identifier: id(4), AssociationType: cfpackage.IsChildOf, SequenceNumber: ptr(3), URI: urn(4),
				OriginNodeURI:      cfpackage.NodeURI{Title: "Item", Identifier: id(2), URI: urn(2)},
				DestinationNodeURI: cfpackage.NodeURI{Title: "Numbers", Identifier: docID, URI: docURI},
				LastChangeDateTime: when,
			}},
			Rubrics: []cfpackage.Rubric{{
				Identifier: id(10), URI: urn(10), LastChangeDateTime: when,
				CFRubricCriteria: []cfpackage.Criterion{{
					Identifier: id(11), URI: urn(11), Weight: ptr(0.5), Position: ptr(2), LastChangeDateTime: when,
					CFRubricCriterionLevels: []cfpackage.CriterionLevel{{
						Identifier: id(12), URI: urn(12), Score: ptr(1.0), Position: ptr(1), LastChangeDateTime: when,
					}},
				}},
			}},
		},
	}, {
		file:  "definitions-list.json",
		warns: []cfpackage.Warning{w("/CFDefinitions", "an empty list where CASE 1.1 wants an object; read as an empty object")},
		want:  &cfpackage.Package{Document: doc("Definitions as a list"), Definitions: &cfpackage.Definitions{}},
	}, {
		file:  "case-version.json",
		warns: []cfpackage.Warning{w("/CFDocument/caseVersion", `caseVersion "1.0" is not "1.1"; read as CASE 1.1 and kept as found`)},
		want: &cfpackage.Package{Document: cfpackage.Document{
			Identifier: docID, URI: docURI, CaseVersion: "1.0", Creator: "Example", Title: "Case version", LastChangeDateTime: when,
		}},
	}, {
		file: "association-types.json",
		warns: []cfpackage.Warning{
			w("/CFAssociations/0/associationType", `"hasPart" is neither a CASE 1.1 association type nor an "ext:" one; kept as found`),
			w("/CFAssociations/0/destinationNodeURI/targetType", `targetType "LRMI" is neither "CASE" nor an "ext:" type; kept as found`),
		},
		want: &cfpackage.Package{
			Document: doc("Association types"),
			Associations: []cfpackage.Association{{
				Identifier: id(4), AssociationType: "hasPart", URI: urn(4),
				OriginNodeURI:      cfpackage.NodeURI{Title: "A", Identifier: id(2), URI: urn(2), TargetType: "CASE"},
				DestinationNodeURI: cfpackage.NodeURI{Title: "B", Identifier: "https://example.org/lessons/7", URI: "https://example.org/lessons/7", TargetType: "LRMI"},
				LastChangeDateTime: when,
			}, {
				Identifier: id(5), AssociationType: "ext:isAssessedBy", URI: urn(5),
				OriginNodeURI:      cfpackage.NodeURI{Title: "A", Identifier: id(2), URI: urn(2)},
				DestinationNodeURI: cfpackage.NodeURI{Title: "Quiz", Identifier: "quiz-7", URI: "https://example.org/quiz/7", TargetType: "ext:Assessment"},
				LastChangeDateTime: when,
			}},
		},
	}, {
		file: "link-uri.json",
		warns: []cfpackage.Warning{
			w("/CFDocument/licenseURI", `required field "title" is missing`),
			w("/CFDocument/licenseURI/licenseText", `unknown field "licenseText" of LinkURI; left out (2 objects of LinkURI have it; this is the first)`),
			w("/CFItems/0/CFItemTypeURI", `required field "identifier" is missing`),
		},
		want: &cfpackage.Package{
			Document: cfpackage.Document{
				Identifier: docID, URI: docURI, Creator: "Example", Title: "Links", LastChangeDateTime: when,
				LicenseURI: &cfpackage.LinkURI{Identifier: id(9), URI: "https://creativecommons.org/licenses/by/4.0/"},
			},
			Items: []cfpackage.Item{{
				Identifier: id(2), FullStatement: "Typed.", URI: urn(2),
				SubjectURI:         []cfpackage.LinkURI{{Title: "Mathematics", Identifier: id(8), URI: urn(8)}},
				CFItemTypeURI:      &cfpackage.LinkURI{Title: "Standard", URI: "https://case.example.org/uri/types/standard"},
				LastChangeDateTime: when,
			}},
		},
	}, {
		file:  "level-extensions.json",
		warns: []cfpackage.Warning{w("/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0/extensions", "an object where CASE 1.1 wants a list of extension objects; read as a list of one")},
		want: &cfpackage.Package{
			Document: cfpackage.Document{
				Identifier: docID, URI: docURI, Creator: "Example", Title: "Level extensions", LastChangeDateTime: when,
				// In canonical form: members sorted, compact, HTML unescaped.
				Extensions: cfpackage.Extensions{"zeta": json.RawMessage(`1`), "alpha": json.RawMessage(`{"a":"x < y","b":[1,2]}`)},
			},
			Rubrics: []cfpackage.Rubric{{
				Identifier: id(10), URI: urn(10), LastChangeDateTime: when,
				CFRubricCriteria: []cfpackage.Criterion{{
					Identifier: id(11), URI: urn(11), LastChangeDateTime: when,
					CFRubricCriterionLevels: []cfpackage.CriterionLevel{{
						Identifier: id(12), URI: urn(12), LastChangeDateTime: when,
						Extensions: []cfpackage.Extensions{{"points": json.RawMessage(`3`), "label": json.RawMessage(`{"long":"Mastered","short":"M"}`)}},
					}, {
						Identifier: id(13), URI: urn(13), LastChangeDateTime: when,
						Extensions: []cfpackage.Extensions{{"points": json.RawMessage(`2`)}, {"note": json.RawMessage(`"kept"`)}},
					}},
				}},
			}},
		},
	}, {
		file: "definitions.json",
		warns: []cfpackage.Warning{
			w("/CFDefinitions/CFLicenses/0/holder", `unknown field "holder" of CFLicense; left out`),
			w("/CFDefinitions/CFSubjects/0", `required field "hierarchyCode" is missing`),
			w("/CFDefinitions/CFSubjects/0/lastChangeDateTime", `"2024-05-31T12:00:00" has no time zone; read as UTC, "2024-05-31T12:00:00Z"`),
		},
		want: &cfpackage.Package{
			Document: doc("Definitions"),
			Definitions: &cfpackage.Definitions{
				CFConcepts:             []json.RawMessage{json.RawMessage(`{"identifier":"` + id(21) + `","uri":"` + urn(21) + `","title":"Ratio","keywords":"ratio|rate","hierarchyCode":"1","lastChangeDateTime":"` + when + `","extensions":{"a":null,"z":true}}`)},
				CFSubjects:             []json.RawMessage{json.RawMessage(`{"identifier":"` + id(22) + `","uri":"` + urn(22) + `","title":"Mathematics","hierarchyCode":"","lastChangeDateTime":"` + when + `"}`)},
				CFLicenses:             []json.RawMessage{json.RawMessage(`{"identifier":"` + id(23) + `","uri":"` + urn(23) + `","title":"CC BY 4.0","licenseText":"https://creativecommons.org/licenses/by/4.0/","lastChangeDateTime":"` + when + `"}`)},
				CFAssociationGroupings: []json.RawMessage{json.RawMessage(`{"identifier":"` + id(24) + `","uri":"` + urn(24) + `","title":"Crosswalk","description":"Maps <old> & new.","lastChangeDateTime":"` + when + `"}`)},
			},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "read", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, warns, err := cfpackage.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.warns, warns); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("package (-want +got):\n%s", diff)
			}
			// What was read encodes to a package that reads the same,
			// with no more warnings.
			again, warns2, err := cfpackage.Decode(encode(t, got))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("re-read package (-first +again):\n%s", diff)
			}
			if len(warns2) > len(warns) {
				t.Errorf("re-read: %d warnings, more than the %d of the first read: %v", len(warns2), len(warns), warns2)
			}
		})
	}
}

// TestDecodeCASE10 reads a package in the shape of an old CASE 1.0
// export: a CFPackage wrapper, no time zones, nulls, CFDocumentURI on
// items and associations, CFPackageURI on the document, upper-case
// identifiers and a string of grades for educationLevel.
func TestDecodeCASE10(t *testing.T) {
	data, err := os.ReadFile("testdata/read/case-1.0-export.json")
	if err != nil {
		t.Fatal(err)
	}
	p, warns, err := cfpackage.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	// Repeated warnings of a kind and field are counted at the first.
	wantWarns := []cfpackage.Warning{
		w("", `the package is wrapped in {"CFPackage": ...}, which CASE 1.1 does not have; unwrapped`),
		w("/CFPackage/CFAssociations/0/CFDocumentURI", `"CFDocumentURI" is a CASE 1.0 field; 1.1 has no place for it; left out (2 objects of CFAssociation have it; this is the first)`),
		w("/CFPackage/CFAssociations/0/destinationNodeURI/identifier", `the UUID "5D3E1C22-7A1B-4C0D-9E8F-102938475601" is in upper case; lower-cased, as the identifiers it points at are (2 like it in "identifier" of LinkGenURI; this is the first)`),
		w("/CFPackage/CFAssociations/0/identifier", `the UUID "5D3E1C22-7A1B-4C0D-9E8F-102938475611" is in upper case; lower-cased (2 like it in "identifier" of CFAssociation; this is the first)`),
		w("/CFPackage/CFAssociations/0/lastChangeDateTime", `"2016-11-02T09:14:00" has no time zone; read as UTC, "2016-11-02T09:14:00Z" (2 like it in "lastChangeDateTime" of CFAssociation; this is the first)`),
		w("/CFPackage/CFAssociations/0/originNodeURI/identifier", `the UUID "5D3E1C22-7A1B-4C0D-9E8F-102938475602" is in upper case; lower-cased, as the identifiers it points at are (2 like it in "identifier" of LinkGenURI; this is the first)`),
		w("/CFPackage/CFAssociations/1/CFAssociationGroupingURI", "null is not allowed in CASE 1.1; left out"),
		w("/CFPackage/CFDocument/CFPackageURI", `"CFPackageURI" is a CASE 1.0 field; 1.1 has no place for it; left out`),
		w("/CFPackage/CFDocument/identifier", `the UUID "5D3E1C22-7A1B-4C0D-9E8F-102938475601" is in upper case; lower-cased`),
		w("/CFPackage/CFDocument/lastChangeDateTime", `"2016-11-02T09:14:00" has no time zone; read as UTC, "2016-11-02T09:14:00Z"`),
		w("/CFPackage/CFDocument/notes", "null is not allowed in CASE 1.1; left out"),
		w("/CFPackage/CFDocument/officialSourceURL", "null is not allowed in CASE 1.1; left out"),
		w("/CFPackage/CFDocument/statusEndDate", "null is not allowed in CASE 1.1; left out"),
		w("/CFPackage/CFItems/0/CFDocumentURI", `"CFDocumentURI" is a CASE 1.0 field; 1.1 has no place for it; left out (2 objects of CFItem have it; this is the first)`),
		w("/CFPackage/CFItems/0/abbreviatedStatement", `null is not allowed in CASE 1.1; left out (2 like it in "abbreviatedStatement" of CFItem; this is the first)`),
		w("/CFPackage/CFItems/0/educationLevel", `a string where CASE 1.1 wants a list of strings; split at commas into 2 (2 like it in "educationLevel" of CFItem; this is the first)`),
		w("/CFPackage/CFItems/0/identifier", `the UUID "5D3E1C22-7A1B-4C0D-9E8F-102938475602" is in upper case; lower-cased (2 like it in "identifier" of CFItem; this is the first)`),
		w("/CFPackage/CFItems/0/lastChangeDateTime", `"2016-11-02T09:14:00" has no time zone; read as UTC, "2016-11-02T09:14:00Z"`),
		w("/CFPackage/CFItems/1/lastChangeDateTime", `"2016-11-02" is a date without a time; read as midnight UTC, "2016-11-02T00:00:00Z"`),
	}
	if diff := cmp.Diff(wantWarns, warns); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	const (
		base  = "https://standards.example.org/uri/5D3E1C22-7A1B-4C0D-9E8F-1029384756"
		ids   = "5d3e1c22-7a1b-4c0d-9e8f-1029384756"
		stamp = "2016-11-02T09:14:00Z"
	)
	one := 1
	want := &cfpackage.Package{
		Document: cfpackage.Document{
			Identifier: ids + "01", URI: base + "01", Creator: "State Department of Education", Title: "Reading Standards",
			LastChangeDateTime: stamp, Publisher: "State Department of Education", Subject: []string{"English Language Arts"},
			Language: "en", Version: "2016", AdoptionStatus: "Adopted", StatusStartDate: "2016-07-01",
		},
		Items: []cfpackage.Item{{
			Identifier: ids + "02", FullStatement: "Key Ideas and Details", CFItemType: "Strand", URI: base + "02",
			HumanCodingScheme: "RL.1", ListEnumeration: "1", Language: "en", EducationLevel: []string{"01", "02"}, LastChangeDateTime: stamp,
		}, {
			Identifier: ids + "03", FullStatement: "Ask and answer questions about key details in a text.", CFItemType: "Standard", URI: base + "03",
			HumanCodingScheme: "RL.1.1", ListEnumeration: "1", Language: "en", EducationLevel: []string{"01"}, LastChangeDateTime: "2016-11-02T00:00:00Z",
		}},
		Associations: []cfpackage.Association{{
			Identifier: ids + "11", AssociationType: cfpackage.IsChildOf, SequenceNumber: &one, URI: base + "11",
			OriginNodeURI:      cfpackage.NodeURI{Title: "Key Ideas and Details", Identifier: ids + "02", URI: base + "02"},
			DestinationNodeURI: cfpackage.NodeURI{Title: "Reading Standards", Identifier: ids + "01", URI: base + "01"},
			LastChangeDateTime: stamp,
		}, {
			Identifier: ids + "12", AssociationType: cfpackage.IsChildOf, SequenceNumber: &one, URI: base + "12",
			OriginNodeURI:      cfpackage.NodeURI{Title: "RL.1.1", Identifier: ids + "03", URI: base + "03"},
			DestinationNodeURI: cfpackage.NodeURI{Title: "Key Ideas and Details", Identifier: ids + "02", URI: base + "02"},
			LastChangeDateTime: stamp,
		}},
		Definitions: &cfpackage.Definitions{},
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("package (-want +got):\n%s", diff)
	}
	// Once read, it is a CASE 1.1 package.
	if _, warns, err := cfpackage.Decode(encode(t, p)); err != nil || len(warns) != 0 {
		t.Errorf("re-read: %v, warnings %v", err, warns)
	}
}

// TestDecodeErrors checks the documents Decode rejects: every error,
// one line each, and the warnings found on the way.
func TestDecodeErrors(t *testing.T) {
	fixture := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "read", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name, doc string
		errs      []string
		warns     []cfpackage.Warning
	}{{
		name: "malformed",
		doc:  fixture("malformed.json"),
		errs: []string{"cfpackage: /CFDocument: malformed JSON at offset 113: '}' looking for beginning of object key string"},
	}, {
		name: "duplicate keys",
		doc:  fixture("duplicate-keys.json"),
		errs: []string{
			`cfpackage: /CFDocument/title: duplicate key "title"`,
			"cfpackage: /CFItems: an object where CASE wants a list of CFItem objects",
		},
	}, {
		name: "no CFDocument",
		doc:  fixture("no-document.json"),
		errs: []string{"cfpackage: no CFDocument: a package needs one"},
		warns: []cfpackage.Warning{
			w("/CFDocuments", `unknown field "CFDocuments" of CFPackage; left out`),
		},
	}, {
		name: "null CFDocument",
		doc:  `{"CFDocument": null}`,
		errs: []string{"cfpackage: no CFDocument: a package needs one"},
	}, {
		name: "wrapped, no CFDocument",
		doc:  `{"CFPackage": {"CFItems": []}}`,
		errs: []string{"cfpackage: /CFPackage: no CFDocument: a package needs one"},
		warns: []cfpackage.Warning{
			w("", `the package is wrapped in {"CFPackage": ...}, which CASE 1.1 does not have; unwrapped`),
		},
	}, {
		name: "wrapper of a list",
		doc:  `{"CFPackage": []}`,
		errs: []string{"cfpackage: /CFPackage: a list where CASE wants a package, an object"},
	}, {
		name: "not an object",
		doc:  `[{"CFDocument": {}}]`,
		errs: []string{"cfpackage: a list where CASE wants a package, an object"},
	}, {
		name: "empty",
		doc:  "",
		errs: []string{"cfpackage: the document is empty"},
	}, {
		name: "wrong types",
		doc:  fixture("wrong-types.json"),
		errs: []string{
			"cfpackage: /CFAssociations/0/originNodeURI: a list where CASE wants an object (a LinkGenURI)",
			`cfpackage: /CFAssociations/0/sequenceNumber: "2.5" is not an integer`,
			"cfpackage: /CFDefinitions: a list where CASE wants an object (a CFDefinitions)",
			"cfpackage: /CFDocument/creator: a list where CASE wants a string",
			"cfpackage: /CFDocument/title: an object where CASE wants a string",
			"cfpackage: /CFItems/0: a string where CASE wants an object (a CFItem)",
			`cfpackage: /CFRubrics/0/CFRubricCriteria/0/position: the string "first" where CASE wants a number`,
			"cfpackage: /CFRubrics/0/CFRubricCriteria/0/weight: a boolean where CASE wants a number",
			"cfpackage: /extensions: a string where CASE wants extensions, an object",
		},
		warns: []cfpackage.Warning{w("/CFDocument/version", `a number where CASE wants a string; read as "2"`)},
	}, {
		name: "numbers out of range",
		doc: `{"CFDocument": {"identifier": "` + docID + `", "uri": "u", "creator": "c", "title": "t", "lastChangeDateTime": "` + when + `"},
			"CFAssociations": [{"identifier": "` + id(4) + `", "associationType": "isChildOf", "uri": "u", "sequenceNumber": 1e300,
				"originNodeURI": {"title": "", "identifier": "", "uri": ""}, "destinationNodeURI": {"title": "", "identifier": "", "uri": ""}, "lastChangeDateTime": "` + when + `"}],
			"CFRubrics": [{"identifier": "` + id(10) + `", "uri": "u", "lastChangeDateTime": "` + when + `",
				"CFRubricCriteria": [{"identifier": "` + id(11) + `", "uri": "u", "weight": "1e999", "lastChangeDateTime": "` + when + `",
					"CFRubricCriterionLevels": [{"identifier": "` + id(12) + `", "uri": "u", "score": "NaN", "extensions": 7, "lastChangeDateTime": "` + when + `"}]}]}]}`,
		errs: []string{
			`cfpackage: /CFAssociations/0/sequenceNumber: "1e300" is out of range for an integer`,
			`cfpackage: /CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0/extensions: a number where CASE wants a list of extension objects`,
			`cfpackage: /CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0/score: the string "NaN" where CASE wants a number`,
			`cfpackage: /CFRubrics/0/CFRubricCriteria/0/weight: "1e999" is out of range`,
		},
		warns: []cfpackage.Warning{w("/CFRubrics/0/CFRubricCriteria/0/weight", "a string where CASE wants a number; read as 1e999")},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, warns, err := cfpackage.Decode([]byte(tt.doc))
			if p != nil {
				t.Errorf("a package for a rejected document: %+v", p)
			}
			var pe *problem.Error
			if !errors.As(err, &pe) || pe.Package != "cfpackage" {
				t.Fatalf("error %v (%T), want a *problem.Error of package cfpackage", err, err)
			}
			if diff := cmp.Diff(tt.errs, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.warns, warns); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// spaces is an endless reader of spaces.
type spaces struct{}

func (spaces) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = ' '
	}
	return len(b), nil
}

// TestReadLimits checks the size and nesting bounds.
func TestReadLimits(t *testing.T) {
	tooBig := fmt.Sprintf("cfpackage: the document is larger than the limit of %d bytes", cfpackage.MaxBytes)
	// A reader that does not say its length is read up to the limit.
	_, _, err := cfpackage.Read(io.LimitReader(spaces{}, cfpackage.MaxBytes+1))
	if err == nil || err.Error() != tooBig {
		t.Errorf("Read of %d bytes: %v, want %q", cfpackage.MaxBytes+1, err, tooBig)
	}
	_, _, err = cfpackage.Decode(make([]byte, cfpackage.MaxBytes+1))
	if err == nil || err.Error() != tooBig {
		t.Errorf("Decode of %d bytes: %v, want %q", cfpackage.MaxBytes+1, err, tooBig)
	}
	// Nesting: an extension 100 levels deep.
	deep := `{"CFDocument": {"identifier": "` + docID + `", "uri": "u", "creator": "c", "title": "t", "lastChangeDateTime": "` + when +
		`", "extensions": {"x": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}}}`
	_, _, err = cfpackage.Read(strings.NewReader(deep))
	if want := "cfpackage: /CFDocument/extensions/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0: nested deeper than the limit of 64 levels"; err == nil || err.Error() != want {
		t.Errorf("deep nesting: %v, want %q", err, want)
	}
}

// unknownFields returns a package whose document has n unknown fields.
func unknownFields(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"CFDocument": {"identifier": "` + docID + `", "uri": "u", "creator": "c", "title": "t", "lastChangeDateTime": "` + when + `"`)
	for i := range n {
		fmt.Fprintf(&b, `, "x%d": %d`, i, i)
	}
	b.WriteString("}}")
	return b.Bytes()
}

// TestDecodeManyWarnings checks that 100,000 unknown fields give
// problem.MaxReported warnings and one that counts the rest, and that
// the memory Decode takes grows in proportion to the document.
func TestDecodeManyWarnings(t *testing.T) {
	const n = 100_000
	data := unknownFields(n)
	p, warns, err := cfpackage.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if p.Document.Title != "t" {
		t.Errorf("title %q", p.Document.Title)
	}
	if len(warns) != problem.MaxReported+1 {
		t.Fatalf("%d warnings, want %d", len(warns), problem.MaxReported+1)
	}
	// The first in pointer order: x0, x1, x10, x100, ...
	if want := w("/CFDocument/x0", `unknown field "x0" of CFDocument; left out`); warns[0] != want {
		t.Errorf("first warning %v, want %v", warns[0], want)
	}
	want := w("", fmt.Sprintf("and %d more warnings, not listed", n-problem.MaxReported))
	if last := warns[len(warns)-1]; last != want {
		t.Errorf("last warning %v, want %v", last, want)
	}

	// Memory: bytes allocated per byte of the document, at n and 4n
	// fields, within the loaders' bound and about the same at both sizes.
	small, large := unknownFields(n/4), data
	perByte := func(doc []byte) float64 {
		return float64(alloctest.Bytes(func() { cfpackage.Decode(doc) })) / float64(len(doc))
	}
	ps, pl := perByte(small), perByte(large)
	t.Logf("bytes allocated per byte: %.1f at %d bytes, %.1f at %d bytes", ps, len(small), pl, len(large))
	if pl > alloctest.MaxPerByte {
		t.Errorf("%.1f bytes allocated per byte of the document, more than %d", pl, alloctest.MaxPerByte)
	}
	if pl > 1.25*ps {
		t.Errorf("bytes per byte grow from %.1f to %.1f with 4 times the fields", ps, pl)
	}
}

// TestDecodeEveryPathResolves checks that the warnings of the fixtures
// point at places in their documents (the fuzz target checks the same of
// any input).
func TestDecodeEveryPathResolves(t *testing.T) {
	files, err := filepath.Glob("testdata/read/*.json")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, warns, _ := cfpackage.Decode(data)
		var tree any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if dec.Decode(&tree) != nil {
			continue // malformed: no warnings to check
		}
		for _, wn := range warns {
			if !resolves(tree, wn.Path) {
				t.Errorf("%s: warning %v: the path leads nowhere", f, wn)
			}
		}
	}
}

// resolves reports whether JSON pointer ptr leads to a value of v, a
// document as encoding/json decodes it into an any.
func resolves(v any, ptr string) bool {
	if ptr == "" {
		return true
	}
	if ptr[0] != '/' {
		return false
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return false
			}
		case []any:
			var i int
			if _, err := fmt.Sscanf(tok, "%d", &i); err != nil || fmt.Sprint(i) != tok || i < 0 || i >= len(x) {
				return false
			}
			v = x[i]
		default:
			return false
		}
	}
	return true
}

// ExampleDecode reads a package written by an older system and prints
// what was wrong with it.
func ExampleDecode() {
	data := []byte(`{
	  "CFDocument": {
	    "identifier": "9F1C3E2A-54B0-4D6E-8A7C-0B1D2E3F4A5B",
	    "uri": "https://standards.example.org/uri/9f1c3e2a-54b0-4d6e-8a7c-0b1d2e3f4a5b",
	    "creator": "Example Board",
	    "title": "Science Practices",
	    "lastChangeDateTime": "2019-08-01T10:00:00",
	    "notes": null
	  }
	}`)
	p, warns, err := cfpackage.Decode(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range warns {
		fmt.Println(w)
	}
	fmt.Println(p.Document.Identifier, p.Document.LastChangeDateTime)
	// Output:
	// /CFDocument/identifier: the UUID "9F1C3E2A-54B0-4D6E-8A7C-0B1D2E3F4A5B" is in upper case; lower-cased
	// /CFDocument/lastChangeDateTime: "2019-08-01T10:00:00" has no time zone; read as UTC, "2019-08-01T10:00:00Z"
	// /CFDocument/notes: null is not allowed in CASE 1.1; left out
	// 9f1c3e2a-54b0-4d6e-8a7c-0b1d2e3f4a5b 2019-08-01T10:00:00Z
}

// quirky returns a package of n items, each with an isChildOf association
// to the document, each item and association changed by its function (if
// not nil). Identifiers are UUIDs with letters, so that their upper case
// differs.
func quirky(n int, item, assoc func(i int, m map[string]any)) []byte {
	itemID := func(i int) string { return fmt.Sprintf("%08d-0000-4000-8000-0000000000ab", i) }
	p := map[string]any{"CFDocument": map[string]any{
		"identifier": docID, "uri": docURI, "creator": "Example", "title": "Quirks", "lastChangeDateTime": when,
	}}
	var items, assocs []any
	for i := range n {
		it := map[string]any{"identifier": itemID(i), "uri": "urn:uuid:" + itemID(i), "fullStatement": fmt.Sprintf("Skill %d.", i), "lastChangeDateTime": when}
		aID := fmt.Sprintf("%08d-0000-4000-8000-0000000000cd", i)
		a := map[string]any{
			"identifier": aID, "uri": "urn:uuid:" + aID, "associationType": "isChildOf",
			"originNodeURI":      map[string]any{"title": "Skill", "identifier": itemID(i), "uri": "urn:uuid:" + itemID(i)},
			"destinationNodeURI": map[string]any{"title": "Quirks", "identifier": docID, "uri": docURI},
			"lastChangeDateTime": when,
		}
		if item != nil {
			item(i, it)
		}
		if assoc != nil {
			assoc(i, a)
		}
		items, assocs = append(items, it), append(assocs, a)
	}
	if n > 0 {
		p["CFItems"], p["CFAssociations"] = items, assocs
	}
	b, err := json.Marshal(p)
	if err != nil {
		panic(err)
	}
	return b
}

// TestDecodeCountedWarnings checks that a warning repeated from object to
// object is given once per kind and field, at the first place, with the
// count, and that a warning whose remedy is one's own at each place is
// given at each.
func TestDecodeCountedWarnings(t *testing.T) {
	up := func(field string) func(int, map[string]any) {
		return func(_ int, m map[string]any) { m[field] = strings.ToUpper(m[field].(string)) }
	}
	set := func(field string, v any) func(int, map[string]any) {
		return func(_ int, m map[string]any) { m[field] = v }
	}
	tests := []struct {
		name        string
		n           int
		item, assoc func(int, map[string]any)
		warns       []cfpackage.Warning
	}{{
		// The reviewer's package: 20,000 items with a null, a time with
		// no time zone and an upper-case identifier, which their
		// associations repeat. It gave 80,000 warnings, of which the
		// first 1,000 (all on associations) were listed.
		name: "20000 items",
		n:    20_000,
		item: func(i int, m map[string]any) {
			m["notes"], m["lastChangeDateTime"] = nil, "2020-01-01T00:00:00"
			up("identifier")(i, m)
		},
		assoc: func(_ int, m map[string]any) { up("identifier")(0, m["originNodeURI"].(map[string]any)) },
		warns: []cfpackage.Warning{
			w("/CFAssociations/0/originNodeURI/identifier", `the UUID "00000000-0000-4000-8000-0000000000AB" is in upper case; lower-cased, as the identifiers it points at are (20000 like it in "identifier" of LinkGenURI; this is the first)`),
			w("/CFItems/0/identifier", `the UUID "00000000-0000-4000-8000-0000000000AB" is in upper case; lower-cased (20000 like it in "identifier" of CFItem; this is the first)`),
			w("/CFItems/0/lastChangeDateTime", `"2020-01-01T00:00:00" has no time zone; read as UTC, "2020-01-01T00:00:00Z" (20000 like it in "lastChangeDateTime" of CFItem; this is the first)`),
			w("/CFItems/0/notes", `null is not allowed in CASE 1.1; left out (20000 like it in "notes" of CFItem; this is the first)`),
		},
	}, {
		name:  "one of a kind keeps its message",
		n:     1,
		item:  set("lastChangeDateTime", "2020-01-01"),
		warns: []cfpackage.Warning{w("/CFItems/0/lastChangeDateTime", `"2020-01-01" is a date without a time; read as midnight UTC, "2020-01-01T00:00:00Z"`)},
	}, {
		name:  "dates alone",
		n:     3,
		item:  set("lastChangeDateTime", "2020-01-01"),
		warns: []cfpackage.Warning{w("/CFItems/0/lastChangeDateTime", `"2020-01-01" is a date without a time; read as midnight UTC, "2020-01-01T00:00:00Z" (3 like it in "lastChangeDateTime" of CFItem; this is the first)`)},
	}, {
		name:  "lower-case t and z",
		n:     3,
		assoc: set("lastChangeDateTime", "2024-05-31t12:00:00z"),
		warns: []cfpackage.Warning{w("/CFAssociations/0/lastChangeDateTime", `"2024-05-31t12:00:00z" writes its "T" or "Z" in lower case; upper-cased, "2024-05-31T12:00:00Z" (3 like it in "lastChangeDateTime" of CFAssociation; this is the first)`)},
	}, {
		name:  "numbers as strings",
		n:     2,
		assoc: set("sequenceNumber", "7"),
		warns: []cfpackage.Warning{w("/CFAssociations/0/sequenceNumber", `a string where CASE wants a number; read as 7 (2 like it in "sequenceNumber" of CFAssociation; this is the first)`)},
	}, {
		name:  "integers with a fraction",
		n:     2,
		assoc: set("sequenceNumber", json.Number("1.0")),
		warns: []cfpackage.Warning{w("/CFAssociations/0/sequenceNumber", `the integer "1.0" is written with a fraction or an exponent; read as 1 (2 like it in "sequenceNumber" of CFAssociation; this is the first)`)},
	}, {
		name: "strings for lists, and numbers for strings in lists",
		n:    3,
		item: func(i int, m map[string]any) {
			m["educationLevel"] = "09, 10"
			m["subject"] = []any{json.Number("7"), "Reading", json.Number("8")}
		},
		warns: []cfpackage.Warning{
			w("/CFItems/0/educationLevel", `a string where CASE 1.1 wants a list of strings; split at commas into 2 (3 like it in "educationLevel" of CFItem; this is the first)`),
			w("/CFItems/0/subject/0", `a number where CASE wants a string; read as "7" (6 like it in "subject" lists of CFItem; this is the first)`),
		},
	}, {
		name: "nulls in lists",
		n:    2,
		item: set("educationLevel", []any{nil, "09", nil}),
		warns: []cfpackage.Warning{
			w("/CFItems/0/educationLevel/0", `null is not allowed in CASE 1.1; left out (4 like it in "educationLevel" lists of CFItem; this is the first)`),
		},
	}, {
		name:  "identifiers that are not UUIDs",
		n:     3,
		item:  func(i int, m map[string]any) { m["identifier"] = fmt.Sprintf("item-%d", i) },
		warns: []cfpackage.Warning{w("/CFItems/0/identifier", `"item-0" is not a UUID; kept as found (3 like it in "identifier" of CFItem; this is the first)`)},
	}, {
		// Each place needs a value of its own: one warning each.
		name: "missing and unreadable",
		n:    2,
		item: func(i int, m map[string]any) {
			delete(m, "fullStatement")
			m["lastChangeDateTime"] = "last Tuesday"
		},
		warns: []cfpackage.Warning{
			w("/CFItems/0", `required field "fullStatement" is missing`),
			w("/CFItems/0/lastChangeDateTime", `"last Tuesday" is not a date-time that can be read; left empty`),
			w("/CFItems/1", `required field "fullStatement" is missing`),
			w("/CFItems/1/lastChangeDateTime", `"last Tuesday" is not a date-time that can be read; left empty`),
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, warns, err := cfpackage.Decode(quirky(tt.n, tt.item, tt.assoc))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.warns, warns); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if len(p.Items) != tt.n {
				t.Errorf("%d items, want %d", len(p.Items), tt.n)
			}
		})
	}
	// What was counted was done at every place.
	p, _, err := cfpackage.Decode(quirky(3, up("identifier"), nil))
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range p.Items {
		if want := fmt.Sprintf("%08d-0000-4000-8000-0000000000ab", i); it.Identifier != want {
			t.Errorf("item %d: identifier %q, want %q", i, it.Identifier, want)
		}
	}
}

// TestDecodeByteOrderMark checks that a UTF-8 byte-order mark at the
// start is read past with a warning, and that the offsets of errors
// count its bytes.
func TestDecodeByteOrderMark(t *testing.T) {
	const bom = "\xef\xbb\xbf"
	data := quirky(2, nil, nil)
	want, _, err := cfpackage.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	warnBOM := w("", "the document starts with a UTF-8 byte-order mark, which JSON does not allow; read past it")
	for name, decode := range map[string]func([]byte) (*cfpackage.Package, []cfpackage.Warning, error){
		"Decode": cfpackage.Decode,
		"Read": func(b []byte) (*cfpackage.Package, []cfpackage.Warning, error) {
			return cfpackage.Read(bytes.NewReader(b))
		},
	} {
		withBOM := append([]byte(bom), data...)
		got, warns, err := decode(withBOM)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff([]cfpackage.Warning{warnBOM}, warns); diff != "" {
			t.Errorf("%s: warnings (-want +got):\n%s", name, diff)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: package (-without +with the mark):\n%s", name, diff)
		}
		if !bytes.HasPrefix(withBOM, []byte(bom)) {
			t.Errorf("%s changed its input", name)
		}
	}
	// An error's offset is that in the document as given, and the
	// warning comes with the error.
	malformed, err := os.ReadFile("testdata/read/malformed.json")
	if err != nil {
		t.Fatal(err)
	}
	_, warns, err := cfpackage.Decode(append([]byte(bom), malformed...))
	if want := "cfpackage: /CFDocument: malformed JSON at offset 116: '}' looking for beginning of object key string"; err == nil || err.Error() != want {
		t.Errorf("malformed, with a mark: %v, want %q", err, want)
	}
	if diff := cmp.Diff([]cfpackage.Warning{warnBOM}, warns); diff != "" {
		t.Errorf("malformed, with a mark: warnings (-want +got):\n%s", diff)
	}
	if _, _, err := cfpackage.Decode([]byte(bom)); err == nil || err.Error() != "cfpackage: the document is empty" {
		t.Errorf("a mark alone: %v", err)
	}
}

// TestDecodeDateTimes checks lastChangeDateTime values: kept, rewritten
// or left empty, with their warnings, and each against the schema's
// date-time format: a value kept with no warning is valid by it.
func TestDecodeDateTimes(t *testing.T) {
	_, schema := transcription(t)
	tests := []struct {
		in, want string
		warn     string // the warning's message, if any
		valid    bool   // by the schema
	}{
		{"2016-12-31T23:59:60Z", "2016-12-31T23:59:60Z", "", true},
		{"2016-12-31T23:59:60.5Z", "2016-12-31T23:59:60.5Z", "", true},
		{"2016-12-31T18:59:60-05:00", "2016-12-31T18:59:60-05:00", "", true},
		{"2017-01-01T00:59:60+01:00", "2017-01-01T00:59:60+01:00", "", true},
		{"2024-03-05T10:00:60Z", "", `"2024-03-05T10:00:60Z" is not a date-time that can be read; left empty`, false},
		{"2016-12-31T23:58:60Z", "", `"2016-12-31T23:58:60Z" is not a date-time that can be read; left empty`, false},
		{"2016-12-31T23:59:61Z", "", `"2016-12-31T23:59:61Z" is not a date-time that can be read; left empty`, false},
		{"2016-12-31T23:59:60+01:00", "", `"2016-12-31T23:59:60+01:00" is not a date-time that can be read; left empty`, false},
		{"2024-01-01t00:00:00z", "2024-01-01T00:00:00Z", `"2024-01-01t00:00:00z" writes its "T" or "Z" in lower case; upper-cased, "2024-01-01T00:00:00Z"`, true},
		{"2024-01-01t00:00:00.25+02:00", "2024-01-01T00:00:00.25+02:00", `"2024-01-01t00:00:00.25+02:00" writes its "T" or "Z" in lower case; upper-cased, "2024-01-01T00:00:00.25+02:00"`, true},
		{"2024-01-01T00:00:00z", "2024-01-01T00:00:00Z", `"2024-01-01T00:00:00z" writes its "T" or "Z" in lower case; upper-cased, "2024-01-01T00:00:00Z"`, true},
		{"2016-12-31t23:59:60z", "2016-12-31T23:59:60Z", `"2016-12-31t23:59:60z" writes its "T" or "Z" in lower case; upper-cased, "2016-12-31T23:59:60Z"`, true},
		{"2016-12-31T23:59:60", "2016-12-31T23:59:60Z", `"2016-12-31T23:59:60" has no time zone; read as UTC, "2016-12-31T23:59:60Z"`, false},
		{"2017-01-01 00:59:60+01:00", "2016-12-31T23:59:60Z", `"2017-01-01 00:59:60+01:00" is not an RFC 3339 date-time; rewritten as "2016-12-31T23:59:60Z"`, false},
		{"2016-12-31T22:59:60", "", `"2016-12-31T22:59:60" is not a date-time that can be read; left empty`, false},
		{"2023-02-01T24:00:00Z", "", `"2023-02-01T24:00:00Z" is not a date-time that can be read; left empty`, false},
		{"2024-01-01T00:00:00+24:00", "2023-12-31T00:00:00Z", `"2024-01-01T00:00:00+24:00" is not an RFC 3339 date-time; rewritten as "2023-12-31T00:00:00Z"`, false},
		{"2024-01-01T00:00:00+0000", "2024-01-01T00:00:00Z", `"2024-01-01T00:00:00+0000" is not an RFC 3339 date-time; rewritten as "2024-01-01T00:00:00Z"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			data := quirky(1, func(_ int, m map[string]any) { m["lastChangeDateTime"] = tt.in }, nil)
			p, warns, err := cfpackage.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			var want []cfpackage.Warning
			if tt.warn != "" {
				want = []cfpackage.Warning{w("/CFItems/0/lastChangeDateTime", tt.warn)}
			}
			if diff := cmp.Diff(want, warns); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if got := p.Items[0].LastChangeDateTime; got != tt.want {
				t.Errorf("read as %q, want %q", got, tt.want)
			}
			if err := validateWith(schema, data); (err == nil) != tt.valid {
				t.Errorf("the schema's verdict is %v, want valid %v", err, tt.valid)
			}
		})
	}
	// A status date given as such a date-time keeps its date.
	data := quirky(1, func(_ int, m map[string]any) { m["statusStartDate"] = "2016-12-31t23:59:60z" }, nil)
	p, warns, err := cfpackage.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	wantWarns := []cfpackage.Warning{w("/CFItems/0/statusStartDate", `"2016-12-31t23:59:60z" is a date-time where CASE wants a date; kept the date, "2016-12-31"`)}
	if diff := cmp.Diff(wantWarns, warns); diff != "" {
		t.Errorf("status date: warnings (-want +got):\n%s", diff)
	}
	if got := p.Items[0].StatusStartDate; got != "2016-12-31" {
		t.Errorf("status date %q", got)
	}
}

// TestDecodeSparse checks the lists of many nearly empty objects, whose
// Package would take memory out of proportion to the document: they are
// an error, found before the list is decoded, and the bytes allocated
// stay within the loaders' bound. Lists of values as small that take
// less are read.
func TestDecodeSparse(t *testing.T) {
	const head = `{"CFDocument": {"identifier": "` + docID + `", "uri": "u", "creator": "c", "title": "t", "lastChangeDateTime": "` + when + `"}`
	levels := head + `, "CFRubrics": [{"identifier": "` + id(10) + `", "uri": "u", "lastChangeDateTime": "` + when + `", "CFRubricCriteria": [{"identifier": "` + id(11) +
		`", "uri": "u", "lastChangeDateTime": "` + when + `", "CFRubricCriterionLevels": [`
	level := `{"identifier": "` + id(12) + `", "uri": "u", "lastChangeDateTime": "` + when + `", "extensions": [`
	const tail = ", with the lists before them, would take more than 8 bytes of memory for each byte of the document; a package of so many nearly empty objects is not read"
	item := `{"identifier": "` + id(2) + `", "uri": "u", "fullStatement": "s", "lastChangeDateTime": "` + when + `"`
	tests := []struct {
		name                  string
		prefix, entry, suffix string  // the document: entry repeated to 1 MiB
		err                   string  // "" if the package is read; %d for the number of entries
		max                   float64 // bytes allocated per byte; 0 for alloctest.MaxPerByte
	}{
		{"empty items", head + `, "CFItems": [`, `{}`, `]}`, "cfpackage: /CFItems: %d CFItem objects" + tail, 0},
		{"items of one field", head + `, "CFItems": [`, `{"uri": ""}`, `]}`, "cfpackage: /CFItems: %d CFItem objects" + tail, 0},
		{"empty concepts", head + `, "CFDefinitions": {"CFConcepts": [`, `{}`, `]}}`, "cfpackage: /CFDefinitions/CFConcepts: %d CFConcept objects" + tail, 0},
		{"empty links", head + `, "CFItems": [` + item + `, "subjectURI": [`, `{}`, `]}]}`, "cfpackage: /CFItems/0/subjectURI: %d LinkURI objects" + tail, 0},
		{
			"empty extension objects of a level",
			levels + level,
			`{}`, `]}]}]}]}`,
			"cfpackage: /CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0/extensions: %d extension objects" + tail,
			0,
		},
		{
			"extension objects of a level of one member",
			levels + level,
			`{"":0}`, `]}]}]}]}`,
			"cfpackage: /CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0/extensions: %d extension objects" + tail,
			// jsonx.Parse alone takes about 60: a map for each 7 bytes.
			70,
		},
		{
			"levels of a small extension",
			levels,
			`{"extensions":{"":0}}`, `]}]}]}`,
			"cfpackage: /CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels: %d CFRubricCriterionLevel objects" + tail,
			0,
		},
		{"empty strings", head + `, "CFItems": [` + item + `, "educationLevel": [`, `""`, `]}]}`, "", 0},
		{"nulls", head + `, "CFItems": [`, `null`, `]}`, "", 0},
		{"valid items", head + `, "CFItems": [`, `{"identifier":"` + id(2) + `","fullStatement":"","uri":"","lastChangeDateTime":"` + when + `"}`, `]}`, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := alloctest.Fill(tt.prefix, tt.entry, tt.suffix, 1<<20)
			p, _, err := cfpackage.Decode(data)
			want := tt.err
			if want != "" {
				want = fmt.Sprintf(want, bytes.Count(data, []byte(tt.entry)))
			}
			switch {
			case want == "" && err != nil:
				t.Fatalf("error %v", err)
			case want != "" && (err == nil || err.Error() != want):
				t.Fatalf("error %v, want %q", err, want)
			case want != "" && p != nil:
				t.Fatal("a package with the error")
			}
			perByte := float64(alloctest.Bytes(func() { cfpackage.Decode(data) })) / float64(len(data))
			t.Logf("%.1f bytes allocated per byte of %d", perByte, len(data))
			limit := tt.max
			if limit == 0 {
				limit = alloctest.MaxPerByte
			}
			if perByte > limit {
				t.Errorf("%.1f bytes allocated per byte of the document, more than %g", perByte, limit)
			}
		})
	}
}
