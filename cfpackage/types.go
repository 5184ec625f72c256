package cfpackage

import "encoding/json"

// Package is a CASE 1.1 CFPackage: one competency framework document with
// its items, the associations between them, the definitions they refer
// to and the rubrics that score them. It is the bare object CASE
// exchanges, without a wrapper; its JSON field names are CASE's.
// Encoding a Package with encoding/json writes the fields in a fixed
// order and leaves out empty ones, as CASE wants (it never allows null).
type Package struct {
	// Document is the package's CFDocument, its root.
	Document Document `json:"CFDocument"`
	// Items lists the package's CFItems.
	Items []Item `json:"CFItems,omitempty"`
	// Associations lists the relations between items and the document:
	// the tree (isChildOf) and any others.
	Associations []Association `json:"CFAssociations,omitempty"`
	// Definitions holds the item types and other vocabularies items use.
	Definitions *Definitions `json:"CFDefinitions,omitempty"`
	// Rubrics lists the package's CFRubrics.
	Rubrics []Rubric `json:"CFRubrics,omitempty"`
	// Extensions holds data CASE has no field for, by name.
	Extensions Extensions `json:"extensions,omitempty"`
}

// Extensions is a CASE extension object: names of the exporter's choice
// and any JSON values. A map encodes with its names sorted, so a package
// encodes the same way every time.
type Extensions map[string]json.RawMessage

// Document is a CASE CFDocument within a package.
type Document struct {
	// Identifier is the document's CASE identifier, a UUID.
	Identifier string `json:"identifier"`
	// URI is the document's URI, where a CASE service serves it.
	URI string `json:"uri"`
	// FrameworkType says what kind of framework this is, such as "CourseCodes".
	FrameworkType string `json:"frameworkType,omitempty"`
	// CaseVersion is "1.1" for a CASE 1.1 document, or empty.
	CaseVersion string `json:"caseVersion,omitempty"`
	// Creator is the body that owns the framework.
	Creator string `json:"creator"`
	// Title is the framework's title.
	Title string `json:"title"`
	// LastChangeDateTime is when the document last changed, in RFC 3339 with a time zone.
	LastChangeDateTime string `json:"lastChangeDateTime"`
	// OfficialSourceURL links to the framework's published source, for people.
	OfficialSourceURL string `json:"officialSourceURL,omitempty"`
	// Publisher is the body that makes the framework available.
	Publisher string `json:"publisher,omitempty"`
	// Description says what the framework is.
	Description string `json:"description,omitempty"`
	// Subject lists the subjects the framework covers.
	Subject []string `json:"subject,omitempty"`
	// SubjectURI links the subjects to CFSubjects.
	SubjectURI []LinkURI `json:"subjectURI,omitempty"`
	// Language is the language of the text, such as "en".
	Language string `json:"language,omitempty"`
	// Version is the framework's version, in the owner's form.
	Version string `json:"version,omitempty"`
	// AdoptionStatus is the publication status, such as "Adopted".
	AdoptionStatus string `json:"adoptionStatus,omitempty"`
	// StatusStartDate is the date the status began (YYYY-MM-DD).
	StatusStartDate string `json:"statusStartDate,omitempty"`
	// StatusEndDate is the date the status ended (YYYY-MM-DD).
	StatusEndDate string `json:"statusEndDate,omitempty"`
	// LicenseURI links to the framework's CFLicense.
	LicenseURI *LinkURI `json:"licenseURI,omitempty"`
	// Notes comments on the document.
	Notes string `json:"notes,omitempty"`
	// Extensions holds data CASE has no field for.
	Extensions Extensions `json:"extensions,omitempty"`
}

// Item is a CASE CFItem within a package: one statement of the
// framework, a competency or a grouping of them.
type Item struct {
	// Identifier is the item's CASE identifier, a UUID.
	Identifier string `json:"identifier"`
	// FullStatement is the item's text: the competency, or what a group of them shares.
	FullStatement string `json:"fullStatement"`
	// AlternativeLabel is another term for the item.
	AlternativeLabel string `json:"alternativeLabel,omitempty"`
	// CFItemType is the title of the item's type, such as "Competency".
	CFItemType string `json:"CFItemType,omitempty"`
	// URI is the item's URI.
	URI string `json:"uri"`
	// HumanCodingScheme is the code people know the item by, such as "coaching" or "ELA.1.2".
	HumanCodingScheme string `json:"humanCodingScheme,omitempty"`
	// ListEnumeration is the item's label in a numbered list.
	ListEnumeration string `json:"listEnumeration,omitempty"`
	// AbbreviatedStatement is a short form of the full statement.
	AbbreviatedStatement string `json:"abbreviatedStatement,omitempty"`
	// ConceptKeywords lists keywords of the item.
	ConceptKeywords []string `json:"conceptKeywords,omitempty"`
	// ConceptKeywordsURI links the keywords to a CFConcept.
	ConceptKeywordsURI *LinkURI `json:"conceptKeywordsURI,omitempty"`
	// Notes says where the statement comes from.
	Notes string `json:"notes,omitempty"`
	// Subject lists the item's subjects.
	Subject []string `json:"subject,omitempty"`
	// SubjectURI links the subjects to CFSubjects.
	SubjectURI []LinkURI `json:"subjectURI,omitempty"`
	// Language is the language of the item's text.
	Language string `json:"language,omitempty"`
	// EducationLevel lists the education levels the item is meant for.
	EducationLevel []string `json:"educationLevel,omitempty"`
	// CFItemTypeURI links the item's type to its CFItemType.
	CFItemTypeURI *LinkURI `json:"CFItemTypeURI,omitempty"`
	// LicenseURI links to the item's CFLicense.
	LicenseURI *LinkURI `json:"licenseURI,omitempty"`
	// StatusStartDate is the date the item's status began (YYYY-MM-DD).
	StatusStartDate string `json:"statusStartDate,omitempty"`
	// StatusEndDate is the date the item's status ended (YYYY-MM-DD).
	StatusEndDate string `json:"statusEndDate,omitempty"`
	// LastChangeDateTime is when the item last changed, in RFC 3339 with a time zone.
	LastChangeDateTime string `json:"lastChangeDateTime"`
	// Extensions holds data CASE has no field for.
	Extensions Extensions `json:"extensions,omitempty"`
}

// Association is a CASE CFAssociation within a package: a typed relation
// from an origin node to a destination node.
type Association struct {
	// Identifier is the association's CASE identifier, a UUID.
	Identifier string `json:"identifier"`
	// AssociationType is one of the constants below, or a custom "ext:" type.
	AssociationType string `json:"associationType"`
	// SequenceNumber orders the origins that share a destination, from 1.
	SequenceNumber *int `json:"sequenceNumber,omitempty"`
	// URI is the association's URI.
	URI string `json:"uri"`
	// OriginNodeURI is where the relation starts: for isChildOf, the child.
	OriginNodeURI NodeURI `json:"originNodeURI"`
	// DestinationNodeURI is where the relation ends: for isChildOf, the parent.
	DestinationNodeURI NodeURI `json:"destinationNodeURI"`
	// CFAssociationGroupingURI links the association to a CFAssociationGrouping.
	CFAssociationGroupingURI *LinkURI `json:"CFAssociationGroupingURI,omitempty"`
	// LastChangeDateTime is when the association last changed.
	LastChangeDateTime string `json:"lastChangeDateTime"`
	// Notes comments on the association.
	Notes string `json:"notes,omitempty"`
	// Extensions holds data CASE has no field for.
	Extensions Extensions `json:"extensions,omitempty"`
}

// The association types of CASE 1.1. A custom type starts with "ext:".
const (
	IsChildOf       = "isChildOf"
	IsPeerOf        = "isPeerOf"
	IsPartOf        = "isPartOf"
	ExactMatchOf    = "exactMatchOf"
	Precedes        = "precedes"
	IsRelatedTo     = "isRelatedTo"
	ReplacedBy      = "replacedBy"
	Exemplar        = "exemplar"
	HasSkillLevel   = "hasSkillLevel"
	IsTranslationOf = "isTranslationOf"
)

// LinkURI is CASE's reference to another object: its title, identifier
// (a UUID) and URI, all three required.
type LinkURI struct {
	// Title names the object for people.
	Title string `json:"title"`
	// Identifier is the object's CASE identifier, a UUID.
	Identifier string `json:"identifier"`
	// URI is the object's URI.
	URI string `json:"uri"`
}

// NodeURI is CASE's reference to an association's origin or destination.
// Its identifier need not be a UUID (the node may lie outside CASE), and
// TargetType says what it is: "CASE" or a custom "ext:" type.
type NodeURI struct {
	// Title names the node for people.
	Title string `json:"title"`
	// Identifier is the node's identifier, a UUID for a CASE object.
	Identifier string `json:"identifier"`
	// URI is the node's URI.
	URI string `json:"uri"`
	// TargetType is "CASE", a custom "ext:" type, or empty.
	TargetType string `json:"targetType,omitempty"`
}

// Definitions is a package's CFDefinitions: the vocabularies its items
// and associations refer to. This package writes item types; it reads
// all five lists and keeps their entries as found.
type Definitions struct {
	// CFConcepts lists the concepts items refer to, each as found.
	CFConcepts []json.RawMessage `json:"CFConcepts,omitempty"`
	// CFSubjects lists the subjects items refer to, each as found.
	CFSubjects []json.RawMessage `json:"CFSubjects,omitempty"`
	// CFLicenses lists the licences items refer to, each as found.
	CFLicenses []json.RawMessage `json:"CFLicenses,omitempty"`
	// CFItemTypes lists the item types.
	CFItemTypes []ItemType `json:"CFItemTypes,omitempty"`
	// CFAssociationGroupings lists the groupings associations refer to, each as found.
	CFAssociationGroupings []json.RawMessage `json:"CFAssociationGroupings,omitempty"`
	// Extensions holds data CASE has no field for.
	Extensions Extensions `json:"extensions,omitempty"`
}

// ItemType is a CASE CFItemType: a kind of item, such as "Competency".
type ItemType struct {
	// Identifier is the type's CASE identifier, a UUID.
	Identifier string `json:"identifier"`
	// URI is the type's URI.
	URI string `json:"uri"`
	// Title names the type; items give it as their CFItemType.
	Title string `json:"title"`
	// Description says what items of the type are.
	Description string `json:"description"`
	// HierarchyCode places the type among the others, such as "1".
	HierarchyCode string `json:"hierarchyCode"`
	// TypeCode is a short code for the type.
	TypeCode string `json:"typeCode,omitempty"`
	// LastChangeDateTime is when the type last changed.
	LastChangeDateTime string `json:"lastChangeDateTime"`
	// Extensions holds data CASE has no field for.
	Extensions Extensions `json:"extensions,omitempty"`
}

// Rubric is a CASE CFRubric: criteria that each point at an item, with
// weights, and the levels of achievement of each criterion with the score
// each earns.
type Rubric struct {
	// Identifier is the rubric's CASE identifier, a UUID.
	Identifier string `json:"identifier"`
	// URI is the rubric's URI.
	URI string `json:"uri"`
	// Title names the rubric.
	Title string `json:"title,omitempty"`
	// Description says what the rubric scores and how.
	Description string `json:"description,omitempty"`
	// LastChangeDateTime is when the rubric last changed.
	LastChangeDateTime string `json:"lastChangeDateTime"`
	// CFRubricCriteria lists the rubric's criteria.
	CFRubricCriteria []Criterion `json:"CFRubricCriteria,omitempty"`
	// Extensions holds data CASE has no field for.
	Extensions Extensions `json:"extensions,omitempty"`
}

// Criterion is a CASE CFRubricCriterion.
type Criterion struct {
	// Identifier is the criterion's CASE identifier, a UUID.
	Identifier string `json:"identifier"`
	// URI is the criterion's URI.
	URI string `json:"uri"`
	// Category groups criteria; an export names group requirements with it.
	Category string `json:"category,omitempty"`
	// Description says what the criterion asks for; an export writes the requirement's why.
	Description string `json:"description,omitempty"`
	// CFItemURI links the criterion to the item it scores.
	CFItemURI *LinkURI `json:"CFItemURI,omitempty"`
	// Weight is the criterion's weight in the rubric's score.
	Weight *float64 `json:"weight,omitempty"`
	// Position is the criterion's place in the rubric, from 1.
	Position *int `json:"position,omitempty"`
	// RubricID is the identifier of the rubric the criterion belongs to.
	RubricID string `json:"rubricId,omitempty"`
	// LastChangeDateTime is when the criterion last changed.
	LastChangeDateTime string `json:"lastChangeDateTime"`
	// CFRubricCriterionLevels lists the levels of achievement, with their scores.
	CFRubricCriterionLevels []CriterionLevel `json:"CFRubricCriterionLevels,omitempty"`
	// Extensions holds data CASE has no field for.
	Extensions Extensions `json:"extensions,omitempty"`
}

// CriterionLevel is a CASE CFRubricCriterionLevel. Its extensions are,
// by CASE 1.1's schema, a list of extension objects, not one.
type CriterionLevel struct {
	// Identifier is the level's CASE identifier, a UUID.
	Identifier string `json:"identifier"`
	// URI is the level's URI.
	URI string `json:"uri"`
	// Description says what a person at this level can do.
	Description string `json:"description,omitempty"`
	// Quality names the level, such as "competent".
	Quality string `json:"quality,omitempty"`
	// Score is what reaching the level earns on the criterion.
	Score *float64 `json:"score,omitempty"`
	// Feedback is advice for a person at this level.
	Feedback string `json:"feedback,omitempty"`
	// Position is the level's place on its criterion; an export gives the level itself, 0 to 5.
	Position *int `json:"position,omitempty"`
	// RubricCriterionID is the identifier of the criterion the level belongs to.
	RubricCriterionID string `json:"rubricCriterionId,omitempty"`
	// LastChangeDateTime is when the level last changed.
	LastChangeDateTime string `json:"lastChangeDateTime"`
	// Extensions holds data CASE has no field for: a list of extension objects.
	Extensions []Extensions `json:"extensions,omitempty"`
}
