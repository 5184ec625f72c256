package diff_test

import (
	"bytes"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/profile"
)

// FuzzFrameworks diffs any two framework documents that load: it must
// not panic, a framework must differ from itself in nothing, what one
// way adds the other way removes, Fits must list a person once, and the
// result must survive JSON.
func FuzzFrameworks(f *testing.F) {
	var docs [][]byte
	for _, id := range wlp.Embedded() {
		fw, err := wlp.LoadEmbedded(id)
		if err != nil {
			f.Fatal(err)
		}
		b, err := fw.MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		docs = append(docs, b)
	}
	small := []byte(`{"id":"t","competencies":[{"id":"a","name":"A","cluster":"personal"},{"id":"b","name":"B","cluster":"personal"}],` +
		`"roles":[{"id":"r","name":"R","requirements":[{"of":["a","b"],"atLeast":1,"level":3,"weight":1}]}]}`)
	renamed := bytes.ReplaceAll(small, []byte(`"id":"a","name":"A"`), []byte(`"id":"c","name":"a "`))
	docs = append(docs, small, renamed)
	for _, x := range docs {
		for _, y := range docs {
			f.Add(x, y)
		}
	}
	f.Fuzz(func(t *testing.T, x, y []byte) {
		a, err := wlp.Load(bytes.NewReader(x))
		if err != nil {
			return
		}
		b, err := wlp.Load(bytes.NewReader(y))
		if err != nil {
			return
		}
		if c := diff.Frameworks(a, a, nil); !c.Empty() {
			t.Fatalf("a framework differs from itself: %v", c.List)
		}
		ab, ba := diff.Frameworks(a, b, nil), diff.Frameworks(b, a, nil)
		na, nr, nc := ab.Count()
		ma, mr, mc := ba.Count()
		if na != mr || nr != ma || nc != mc {
			t.Fatalf("counts %d %d %d, back %d %d %d", na, nr, nc, ma, mr, mc)
		}
		// Fits must not fail on two frameworks that load, and must list
		// the person once, whatever targets they share.
		p := profile.Profile{ID: "p", Ratings: map[competency.ID]profile.Rating{}}
		for i, id := range a.IDs() {
			p.Ratings[id] = profile.Rating{Level: competency.Level(i % 6)}
		}
		fits, err := diff.Fits(a, b, []profile.Profile{p}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(fits.People) != 1 || fits.People[0].Profile != "p" || len(fits.People[0].Uncarried) > len(p.Ratings) {
			t.Fatalf("people %+v", fits.People)
		}
		ab.Fits = fits
		roundTrip(t, ab)
	})
}
