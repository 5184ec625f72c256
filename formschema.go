package wlp

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// obj is a JSON object that keeps its keys in the order they were set, so
// a form builder shows fields in model order. A formWriter writes it.
type obj []member

type member struct {
	key string
	val any // a string, int, bool, []string, obj, []obj or *shared
}

// shared is a value that appears at many places of a document, such as
// the properties every rating field has in common. A formWriter writes it
// once for each depth it appears at and copies those bytes after.
type shared struct {
	v     any
	depth int
	out   []byte // v written at depth; nil until written
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

// ProfileSchema returns a JSON Schema (draft 2020-12) for profiles of this
// framework alone, ready for a form builder such as react-jsonschema-form
// to render as a self-assessment form: one rating field per competency and
// area, in model order (clusters first, then the areas), each titled with
// its name and described with its summary; the level is a choice among the
// scale's levels, each labelled with its name ("3 - competent"). Ratings of
// IDs the framework does not know are rejected. Every document it accepts
// is also a valid generic profile (see package schema). Being a form for
// one person's self-assessment, it has no place for multi-rater reviews.
//
// The schema is indented with two spaces and ends in a newline; its text
// escapes <, > and & as encoding/json does. ProfileSchema costs time and
// memory linear in the size of the schema it returns: O(k + c + a) for k
// clusters, c competencies and a areas, plus the length of their names
// and summaries. Each rating field takes about 3 KB.
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

	// The rating fields sit at depth 4 (schema, properties, ratings,
	// properties), so their shared properties at depth 5. Writing those
	// now tells how large the schema will be.
	rating := &shared{v: ratingProperties()}
	if err := rating.writeAt(5); err != nil {
		return nil, fmt.Errorf("wlp: encoding the profile schema: %v", err)
	}
	size := 2048
	props := make(obj, 0, len(grouped)+len(f.spec.Areas))
	add := func(id competency.ID, title, summary, group string) {
		props = append(props, member{string(id), ratingField(title, summary, group, rating)})
		size += len(rating.out) + 256 + len(id) + len(title) + len(summary) + len(group)
	}
	for _, i := range grouped {
		comp := f.spec.Competencies[i]
		add(comp.ID, comp.Name, comp.Summary, "Foundational competencies: "+clusters[slot[comp.Cluster]].Name)
	}
	for _, a := range f.spec.Areas {
		add(a.ID, a.Name, a.Summary, "Areas of expertise")
	}
	name := f.spec.Name
	if name == "" {
		name = "competency framework"
	}
	s := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", ProfileSchemaURL(f.spec.ID)},
		{"title", "Self-assessment: " + name},
		{"description", "Rate yourself on each competency and area of expertise, from 0 (not demonstrated) to 5 (expert). Leave out what you cannot judge: a missing rating counts as 0."},
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
	}
	// An eighth more leaves room for escapes (& is written as \u0026)
	// without copying the schema to a larger buffer at the end.
	w := formWriter{b: make([]byte, 0, size+size/8)}
	if err := w.value(s); err != nil {
		return nil, fmt.Errorf("wlp: encoding the profile schema: %v", err)
	}
	return append(w.b, '\n'), nil
}

// ratingField is the form schema of one rating. Its properties are the
// same for every rating, so every field shares one copy of them.
func ratingField(title, summary, group string, properties *shared) obj {
	return obj{
		{"title", title},
		{"description", summary},
		{"$comment", "group: " + group},
		{"type", "object"},
		{"properties", properties},
		{"required", []string{"level"}},
		{"additionalProperties", false},
	}
}

// ratingProperties are the properties of a rating's form schema.
func ratingProperties() obj {
	var levels []obj
	for _, l := range competency.DefaultScale().Levels {
		levels = append(levels, obj{{"const", int(l.Level)}, {"title", fmt.Sprintf("%d - %s", l.Level, l.Name)}, {"description", l.Description}})
	}
	sources := []string{""}
	for _, s := range profile.Sources() {
		sources = append(sources, string(s))
	}
	return obj{
		{"level", obj{{"title", "Level"}, {"type", "integer"}, {"oneOf", levels}}},
		{"source", obj{{"title", "Who gives this rating"}, {"type", "string"}, {"enum", sources}}},
		{"assessedAt", obj{{"title", "Date assessed"}, {"type", "string"}, {"anyOf", []obj{{{"const", ""}}, {{"type", "string"}, {"format", "date"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}}}}},
		{"evidence", obj{{"title", "Evidence"}, {"description", "Links, documents or examples that support the rating."}, {"type", "array"}, {"items", obj{{"type", "string"}}}}},
		{"note", obj{{"title", "Note"}, {"type", "string"}}},
	}
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
	case *shared:
		if v.out == nil || v.depth != w.depth {
			start := len(w.b)
			if err := w.value(v.v); err != nil {
				return err
			}
			// Later appends to w.b write past these bytes, never on them.
			v.out, v.depth = w.b[start:len(w.b):len(w.b)], w.depth
		} else {
			w.b = append(w.b, v.out...)
		}
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

// writeAt writes s's value as it appears at the given depth.
func (s *shared) writeAt(depth int) error {
	w := formWriter{depth: depth}
	if err := w.value(s.v); err != nil {
		return err
	}
	s.out, s.depth = w.b, depth
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

// str writes s as a JSON string. Printable ASCII other than ", \, <, >
// and & goes out as is; any other string is left to encoding/json, so the
// escaping stays exactly its own.
func (w *formWriter) str(s string) error {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, err := json.Marshal(s)
			w.b = append(w.b, q...)
			return err
		}
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, s...)
	w.b = append(w.b, '"')
	return nil
}
