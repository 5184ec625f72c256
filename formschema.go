package wlp

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// obj is a JSON object that keeps its keys in the order they were set, so
// a form builder shows fields in model order. A formWriter writes it.
type obj []member

type member struct {
	key string
	val any // a string, int, bool, []string, []int, obj, []obj or a func that writes the value
}

// schemaBaseURL is schema.BaseURL, the prefix of every schema's $id. It is
// written out here, and a test checks the two agree, because importing
// package schema would link its JSON Schema validator into every program
// that imports wlp.
const schemaBaseURL = "https://wlpmodel.github.io/wlp/schema/"

// ProfileSchemaURL returns the $id of the form schema of the framework
// with the given ID. It costs O(len(frameworkID)) time.
func ProfileSchemaURL(frameworkID string) string {
	if frameworkID == "" {
		frameworkID = "custom"
	}
	return schemaBaseURL + "forms/" + frameworkID + ".profile.schema.json"
}

// The keys of the form schema's headings in "ratings": "cluster:" and the
// cluster's ID, and one key for the areas. A colon never appears in a
// competency or area ID, so a heading cannot take the place of a rating.
const (
	clusterHeadingPrefix = "cluster:"
	areasHeadingKey      = "tier:areas-of-expertise"
)

// The titles of the headings, and the summary of the areas' heading.
const (
	clusterHeadingTitle = "Foundational competencies: " // and the cluster's name
	areasHeadingTitle   = "Areas of expertise"
	areasHeadingSummary = "The specialist areas of the profession."
	headingComment      = "A heading for the form: no value is valid here."
)

// fieldSize and headingSize are the bytes a rating field and a heading
// take in the form schema besides their keys, titles and summaries (and
// the escapes in those), at the depth they are written at.
const (
	fieldSize   = 112
	headingSize = 150 + len(headingComment)
)

// ProfileSchema returns a JSON Schema for profiles of this framework
// alone, made to be rendered as it is by a form builder, such as
// react-jsonschema-form 6 with no uiSchema, as a self-assessment form.
//
// Under "ratings" it has one field per competency and area, in model order
// (the competencies cluster by cluster, then the areas), each titled with
// its name and described with its summary. Before each cluster's
// competencies, and before the areas, stands a heading: a property titled
// "Foundational competencies: <cluster>" or "Areas of expertise" that no
// value satisfies, which a form builder draws as a section title and
// never fills in. A rating field is a choice (a oneOf) between "Not
// rated", which stands for no rating at all and is what the form starts
// at, and one entry per level of the scale ("3 - competent", described
// with what the level means); choosing a level shows that rating's
// details: who gives it (titled choices), the date (a plain date field),
// evidence and a note. Ratings of IDs the framework does not know are
// rejected. Every document it accepts is also a valid generic profile
// (see package schema); it is the narrower of the two, as a form leaves
// out what is not given: it takes no empty source or date, which a
// generic profile allows. Being a form for one person's self-assessment,
// it has no place for multi-rater reviews.
//
// The schema names no $schema and uses only keywords that JSON Schema
// drafts 07 and 2020-12 read alike, so validators of either draft (Ajv's
// default class, as react-jsonschema-form uses it, and Ajv 2020) accept
// the same documents. The parts every rating shares sit once under
// "$defs" and are referenced from each field.
//
// The schema is indented with two spaces and ends in a newline; its text
// escapes <, > and & as encoding/json does. ProfileSchema costs time and
// memory linear in the size of the schema it returns: O(k + c + a) for k
// clusters, c competencies and a areas, plus the length of their names
// and summaries. Each rating field takes about 110 bytes besides its ID,
// name and summary, each heading about 200 besides its cluster's ID, name
// and summary, and what every form has (the ID field and the rating
// schema) about 14 KB; it allocates about 1.5 times the bytes it returns
// (1.8 for a small framework).
func (f *Framework) ProfileSchema() ([]byte, error) {
	// The competencies grouped by cluster, in the order of Clusters, and
	// in model order within each cluster: a counting sort, linear where
	// a scan of the competencies per cluster would be quadratic.
	clusters := f.order
	slot := make(map[competency.Cluster]int, len(clusters))
	for i, c := range clusters {
		slot[c.ID] = i
	}
	next := make([]int, len(clusters)+1) // where each cluster's run starts
	for _, c := range f.spec.Competencies {
		next[slot[c.Cluster]+1]++
	}
	for i := 1; i < len(next); i++ {
		next[i] += next[i-1]
	}
	grouped := make([]int, len(f.spec.Competencies)) // indexes into Competencies
	for i, c := range f.spec.Competencies {
		s := slot[c.Cluster]
		grouped[next[s]] = i
		next[s]++
	}

	// The properties of "ratings" are written straight into the schema,
	// headings and fields alike, with nothing built for each; their size
	// is reckoned first, so that the buffer is allocated once.
	size := 15 << 10 // the top, the ID field and $defs; the rest add theirs
	prev := -1
	for _, i := range grouped {
		comp := f.spec.Competencies[i]
		if s := slot[comp.Cluster]; s != prev {
			c := clusters[s]
			size += headingSize + len(clusterHeadingPrefix) + len(c.ID) + len(clusterHeadingTitle) + len(c.Name) + len(c.Summary)
			prev = s
		}
		size += fieldSize + len(comp.ID) + len(comp.Name) + len(comp.Summary)
	}
	if len(f.spec.Areas) > 0 {
		size += headingSize + len(areasHeadingKey) + len(areasHeadingTitle) + len(areasHeadingSummary)
	}
	for _, a := range f.spec.Areas {
		size += fieldSize + len(a.ID) + len(a.Name) + len(a.Summary)
	}
	props := func(w *formWriter) error {
		w.b = append(w.b, '{')
		w.depth++
		n, prev := 0, -1
		for _, i := range grouped {
			comp := f.spec.Competencies[i]
			if s := slot[comp.Cluster]; s != prev {
				c := clusters[s]
				if err := w.heading(n, clusterHeadingPrefix, string(c.ID), clusterHeadingTitle, c.Name, c.Summary); err != nil {
					return err
				}
				n++
				prev = s
			}
			if err := w.field(n, string(comp.ID), comp.Name, comp.Summary); err != nil {
				return err
			}
			n++
		}
		if len(f.spec.Areas) > 0 {
			if err := w.heading(n, areasHeadingKey, "", areasHeadingTitle, "", areasHeadingSummary); err != nil {
				return err
			}
			n++
		}
		for _, a := range f.spec.Areas {
			if err := w.field(n, string(a.ID), a.Name, a.Summary); err != nil {
				return err
			}
			n++
		}
		w.end(n, '}')
		return nil
	}
	name := f.spec.Name
	if name == "" {
		name = "competency framework"
	}
	s := obj{
		{"$id", ProfileSchemaURL(f.spec.ID)},
		{"title", "Self-assessment: " + name},
		{"description", "Choose a level, from 0 (not demonstrated) to 5 (expert), for each competency and area of expertise you can judge, and leave the others at \"Not rated\": a missing rating counts as 0."},
		{"type", "object"},
		{"properties", obj{
			{"id", obj{{"title", "Your ID"}, {"description", "Your employee number or another ID your organization uses."}, {"type", "string"}, {"minLength", 1}, {"maxLength", profile.MaxIDLen}, {"pattern", profile.IDPattern}}},
			{"name", obj{{"title", "Your name"}, {"type", "string"}}},
			{"ratings", obj{
				{"title", "Ratings"},
				{"type", "object"},
				{"properties", props},
				{"additionalProperties", false},
			}},
		}},
		{"required", []string{"id"}},
		{"additionalProperties", false},
		{"$defs", obj{{"rating", ratingSchema()}}},
	}
	// An eighth more leaves room for escapes (& is written as \u0026)
	// without copying the schema to a larger buffer at the end.
	w := formWriter{b: make([]byte, 0, size+size/8)}
	if err := w.value(s); err != nil {
		return nil, fmt.Errorf("wlp: encoding the profile schema: %v", err)
	}
	return append(w.b, '\n'), nil
}

// ratingSchema is the schema every rating field refers to: "Not rated",
// which no value satisfies, or one of the scale's levels with the
// rating's details.
//
// react-jsonschema-form 6 draws a oneOf of objects as a choice of its
// entries' titles, starting at the first; choosing an entry shows its
// fields, and choosing "Not rated" (whose type is null, so it shows no
// fields) removes the rating from the form's data. The level of each
// entry is a one-value enum with that value as its default rather than a
// const: on a change of entry the form fills in a default but clears a
// const.
func ratingSchema() obj {
	sources := make([]obj, 0, len(profile.Sources()))
	for _, s := range profile.Sources() {
		name := s.String()
		sources = append(sources, obj{{"title", strings.ToUpper(name[:1]) + name[1:]}, {"enum", []string{string(s)}}})
	}
	levels := []obj{{
		{"title", "Not rated"},
		{"description", "No rating: the profile leaves this out, and it counts as 0."},
		{"type", "null"},
		{"not", obj{}},
	}}
	for _, l := range competency.DefaultScale().Levels {
		n := int(l.Level)
		levels = append(levels, obj{
			{"title", fmt.Sprintf("%d - %s", n, l.Name)},
			{"description", l.Description},
			{"type", "object"},
			{"properties", obj{
				{"level", obj{{"title", "Level"}, {"type", "integer"}, {"enum", []int{n}}, {"default", n}, {"readOnly", true}}},
				{"source", obj{{"title", "Who gives this rating"}, {"type", "string"}, {"oneOf", sources}}},
				{"assessedAt", obj{{"title", "Date assessed"}, {"type", "string"}, {"format", "date"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}},
				{"evidence", obj{{"title", "Evidence"}, {"description", "Links, documents or examples that support the rating."}, {"type", "array"}, {"items", obj{{"type", "string"}}}}},
				{"note", obj{{"title", "Note"}, {"type", "string"}}},
			}},
			{"required", []string{"level"}},
			{"additionalProperties", false},
		})
	}
	return obj{{"oneOf", levels}}
}

// formWriter writes a value in one pass, as json.MarshalIndent(v, "", "  ")
// would: a member or element per line, indented two spaces a level, a
// space after each colon, and empty objects and arrays as {} and [].
// Strings are escaped as encoding/json escapes them, <, > and & included.
type formWriter struct {
	b     []byte
	depth int
}

func (w *formWriter) value(v any) error {
	switch v := v.(type) {
	case string:
		return w.str(v)
	case int:
		w.b = strconv.AppendInt(w.b, int64(v), 10)
	case bool:
		w.b = strconv.AppendBool(w.b, v)
	case []string:
		w.b = append(w.b, '[')
		w.depth++
		for i, s := range v {
			w.sep(i)
			if err := w.str(s); err != nil {
				return err
			}
		}
		w.end(len(v), ']')
	case []obj:
		w.b = append(w.b, '[')
		w.depth++
		for i, o := range v {
			w.sep(i)
			if err := w.value(o); err != nil {
				return err
			}
		}
		w.end(len(v), ']')
	case []int:
		w.b = append(w.b, '[')
		w.depth++
		for i, n := range v {
			w.sep(i)
			w.b = strconv.AppendInt(w.b, int64(n), 10)
		}
		w.end(len(v), ']')
	case func(*formWriter) error:
		return v(w)
	case obj:
		w.b = append(w.b, '{')
		w.depth++
		for i, m := range v {
			w.sep(i)
			if err := w.str(m.key); err != nil {
				return err
			}
			w.b = append(w.b, ':', ' ')
			if err := w.value(m.val); err != nil {
				return err
			}
		}
		w.end(len(v), '}')
	default:
		return fmt.Errorf("cannot encode a %T", v)
	}
	return nil
}

// key starts the i-th member of an object: its key, which is the
// concatenation of two parts, a colon and a space.
func (w *formWriter) key(i int, a, b string) error {
	w.sep(i)
	if err := w.strs(a, b); err != nil {
		return err
	}
	w.b = append(w.b, ':', ' ')
	return nil
}

// field writes the i-th member of "ratings": a rating field with its
// title, its summary if it has one, and a reference to the rating schema.
func (w *formWriter) field(i int, id, title, summary string) error {
	if err := w.key(i, id, ""); err != nil {
		return err
	}
	w.b = append(w.b, '{')
	w.depth++
	n := 0
	for _, m := range [...][2]string{{"title", title}, {"description", summary}, {"$ref", "#/$defs/rating"}} {
		if m[1] == "" {
			continue
		}
		if err := w.key(n, m[0], ""); err != nil {
			return err
		}
		if err := w.strs(m[1], ""); err != nil {
			return err
		}
		n++
	}
	w.end(n, '}')
	return nil
}

// heading writes the i-th member of "ratings": a heading, keyed and
// titled with the concatenations of two parts, with the summary if there
// is one. It is an object that no value satisfies.
func (w *formWriter) heading(i int, key1, key2, title1, title2, summary string) error {
	if err := w.key(i, key1, key2); err != nil {
		return err
	}
	w.b = append(w.b, '{')
	w.depth++
	n := 0
	for _, m := range [...][3]string{{"title", title1, title2}, {"description", summary, ""}, {"$comment", headingComment, ""}, {"type", "object", ""}} {
		if m[1] == "" && m[2] == "" {
			continue
		}
		if err := w.key(n, m[0], ""); err != nil {
			return err
		}
		if err := w.strs(m[1], m[2]); err != nil {
			return err
		}
		n++
	}
	if err := w.key(n, "not", ""); err != nil {
		return err
	}
	w.b = append(w.b, '{', '}')
	w.end(n+1, '}')
	return nil
}

// sep starts the i-th member or element of an object or array.
func (w *formWriter) sep(i int) {
	if i > 0 {
		w.b = append(w.b, ',')
	}
	w.newline()
}

// end closes an object or array of n members or elements with c.
func (w *formWriter) end(n int, c byte) {
	w.depth--
	if n > 0 {
		w.newline()
	}
	w.b = append(w.b, c)
}

func (w *formWriter) newline() {
	w.b = append(w.b, '\n')
	for range w.depth {
		w.b = append(w.b, ' ', ' ')
	}
}

// str writes s as a JSON string.
func (w *formWriter) str(s string) error { return w.strs(s, "") }

// strs writes the concatenation of a and b as a JSON string, escaping
// each part on its own, which escapes the whole alike when a ends on a
// whole character. Printable ASCII other than ", \, <, > and & goes out
// as is; any other part is left to encoding/json, so the escaping stays
// exactly its own.
func (w *formWriter) strs(a, b string) error {
	w.b = append(w.b, '"')
	for _, s := range [...]string{a, b} {
		plain := true
		for i := 0; i < len(s) && plain; i++ {
			c := s[i]
			plain = c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
		}
		if plain {
			w.b = append(w.b, s...)
			continue
		}
		q, err := json.Marshal(s)
		if err != nil {
			return err
		}
		w.b = append(w.b, q[1:len(q)-1]...)
	}
	w.b = append(w.b, '"')
	return nil
}
