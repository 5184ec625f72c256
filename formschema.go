package wlp

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

// obj is a JSON object that keeps its keys in the order they were set, so
// a form builder shows fields in model order.
type obj []member

type member struct {
	key string
	val any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.val)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// ProfileSchemaURL returns the $id of the form schema of the framework
// with the given ID.
func ProfileSchemaURL(frameworkID string) string {
	if frameworkID == "" {
		frameworkID = "custom"
	}
	return schema.BaseURL + "forms/" + frameworkID + ".profile.schema.json"
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
func (f *Framework) ProfileSchema() ([]byte, error) {
	props := obj{}
	for _, c := range f.Clusters() {
		for _, comp := range f.spec.Competencies {
			if comp.Cluster == c.ID {
				props = append(props, member{string(comp.ID), ratingField(comp.Name, comp.Summary, "Foundational competencies: "+c.Name)})
			}
		}
	}
	for _, a := range f.spec.Areas {
		props = append(props, member{string(a.ID), ratingField(a.Name, a.Summary, "Areas of expertise")})
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
			{"id", obj{{"title", "Your ID"}, {"description", "Your employee number or another ID your organization uses."}, {"type", "string"}, {"minLength", 1}}},
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
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("wlp: encoding the profile schema: %v", err)
	}
	return append(b, '\n'), nil
}

// ratingField is the form schema of one rating.
func ratingField(title, summary, group string) obj {
	var levels []obj
	for _, l := range competency.DefaultScale().Levels {
		levels = append(levels, obj{{"const", int(l.Level)}, {"title", fmt.Sprintf("%d - %s", l.Level, l.Name)}, {"description", l.Description}})
	}
	sources := []string{""}
	for _, s := range profile.Sources() {
		sources = append(sources, string(s))
	}
	return obj{
		{"title", title},
		{"description", summary},
		{"$comment", "group: " + group},
		{"type", "object"},
		{"properties", obj{
			{"level", obj{{"title", "Level"}, {"type", "integer"}, {"oneOf", levels}}},
			{"source", obj{{"title", "Who gives this rating"}, {"type", "string"}, {"enum", sources}}},
			{"assessedAt", obj{{"title", "Date assessed"}, {"type", "string"}, {"anyOf", []obj{{{"const", ""}}, {{"type", "string"}, {"format", "date"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}}}}},
			{"evidence", obj{{"title", "Evidence"}, {"description", "Links, documents or examples that support the rating."}, {"type", "array"}, {"items", obj{{"type", "string"}}}}},
			{"note", obj{{"title", "Note"}, {"type", "string"}}},
		}},
		{"required", []string{"level"}},
		{"additionalProperties", false},
	}
}
