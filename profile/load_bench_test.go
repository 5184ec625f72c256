package profile_test

// Loading against encoding/json (issue 14): profile.Load must cost at
// most 1.5 times the time and 2 times the allocations of json.Unmarshal
// into the same struct, measured in the same run. BenchmarkLoad measures
// both; TestLoadAllocsAgainstUnmarshal holds the allocation ratio.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// loadIDs are the 21 IDs of the default framework: the 12 foundational
// competencies and the 9 areas of expertise.
func loadIDs() []competency.ID {
	return append(competency.IDs(), aoe.IDs()...)
}

// typicalProfile is a realistic profile of about 2 KB: a name and the 21
// ratings, each with a source and a date, some with evidence and a note.
func typicalProfile() profile.Profile {
	p := profile.Profile{ID: "dana.okafor@example.com", Name: "Dana Okafor (Director of Learning)", Ratings: map[competency.ID]profile.Rating{}}
	for i, id := range loadIDs() {
		r := profile.Rating{Level: competency.Level(i%5 + 1), Source: profile.Sources()[i%5], AssessedAt: "2026-03-31"}
		if i%4 == 0 {
			r.Evidence = []string{fmt.Sprintf("https://lms.example.com/r/%d", 4000+i)}
		}
		if i%5 == 0 {
			r.Note = "Seen in the spring course."
		}
		p.Ratings[id] = r
	}
	return p
}

// smallProfile is a profile of a few ratings.
func smallProfile() profile.Profile {
	return profile.Profile{ID: "lee", Name: "Lee", Ratings: map[competency.ID]profile.Rating{
		competency.BuildingTrust: {Level: 3, Source: profile.Self},
		aoe.Coaching:             {Level: 2, Source: profile.Manager, AssessedAt: "2026-01-15"},
		aoe.DesigningLearning:    {Level: 4},
	}}
}

// lineProfile is a profile the size of one line of a JSON Lines file of
// a million people: an ID and 15 ratings of a level and a source (about
// 900 bytes with the model's IDs, which average 26 characters).
func lineProfile() profile.Profile {
	p := profile.Profile{ID: "E0012345", Ratings: map[competency.ID]profile.Rating{}}
	for i, id := range loadIDs()[:15] {
		p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6), Source: profile.Sources()[i%2]}
	}
	return p
}

type loadDoc struct {
	name string
	doc  []byte
}

// loadDocs returns the documents BenchmarkLoad and
// TestLoadAllocsAgainstUnmarshal read.
func loadDocs(tb testing.TB) []loadDoc {
	tb.Helper()
	var docs []loadDoc
	for _, d := range []struct {
		name string
		p    profile.Profile
	}{{"typical", typicalProfile()}, {"small", smallProfile()}, {"line", lineProfile()}} {
		b, err := json.Marshal(d.p)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, loadDoc{d.name, b})
	}
	return docs
}

// unmarshal is the baseline: encoding/json into the same struct.
func unmarshal(doc []byte) (profile.Profile, error) {
	var p profile.Profile
	err := json.Unmarshal(doc, &p)
	return p, err
}

// load reads doc with profile.Load, from a bytes.Reader as a caller would.
func load(doc []byte) (profile.Profile, error) {
	return profile.Load(bytes.NewReader(doc))
}

// BenchmarkLoad compares profile.Load with json.Unmarshal into
// profile.Profile on the same bytes: a typical profile of about 2 KB, a
// small one, and one the size of a line of a JSON Lines file.
func BenchmarkLoad(b *testing.B) {
	for _, d := range loadDocs(b) {
		for _, op := range []struct {
			name string
			f    func([]byte) (profile.Profile, error)
		}{{"json.Unmarshal", unmarshal}, {"profile.Load", load}} {
			b.Run(fmt.Sprintf("%s/bytes=%d/%s", d.name, len(d.doc), op.name), func(b *testing.B) {
				b.SetBytes(int64(len(d.doc)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := op.f(d.doc); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestLoadAllocsAgainstUnmarshal checks, without timing anything, that
// profile.Load decodes what json.Unmarshal decodes and allocates at most
// twice as often, for each document BenchmarkLoad reads.
func TestLoadAllocsAgainstUnmarshal(t *testing.T) {
	for _, d := range loadDocs(t) {
		t.Run(d.name, func(t *testing.T) {
			want, err := unmarshal(d.doc)
			if err != nil {
				t.Fatal(err)
			}
			got, err := load(d.doc)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("profile.Load and json.Unmarshal differ (-Unmarshal +Load):\n%s", diff)
			}
			base := testing.AllocsPerRun(100, func() { _, _ = unmarshal(d.doc) })
			ours := testing.AllocsPerRun(100, func() { _, _ = load(d.doc) })
			t.Logf("%d bytes: json.Unmarshal %.0f allocations, profile.Load %.0f (%.2fx)", len(d.doc), base, ours, ours/base)
			if ours > 2*base {
				t.Errorf("profile.Load allocates %.0f times for %d bytes, more than twice json.Unmarshal's %.0f", ours, len(d.doc), base)
			}
		})
	}
}
