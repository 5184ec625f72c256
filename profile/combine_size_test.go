package profile_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// manyRaters returns a profile of raters reviews, each rating the first
// ids of the default framework's competencies and areas at random levels,
// with a rater name, a date, evidence and a note, as a large 360-degree
// review would have.
func manyRaters(raters, ids int, seed uint64) profile.Profile {
	rng := rand.New(rand.NewPCG(seed, 11))
	sources := profile.Sources()
	p := profile.Profile{ID: "E1001", Name: "Alex Kim", Ratings: map[competency.ID]profile.Rating{}}
	for i := range ids {
		id := competency.ID(fmt.Sprintf("competency-%03d", i))
		if i%3 == 0 {
			p.Ratings[id] = profile.Rating{Level: competency.Level(rng.IntN(6)), Source: profile.Assessment, AssessedAt: "2025-11-03",
				Evidence: []string{"ICF PCC certificate", fmt.Sprintf("https://example.com/cert/%d?a=1&b=<2>", i)}, Note: "direct"}
		}
	}
	for r := range raters {
		rv := profile.Review{
			Rater:      fmt.Sprintf("Rater %04d", r),
			Source:     sources[rng.IntN(len(sources))],
			AssessedAt: fmt.Sprintf("2025-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28)),
			Levels:     map[competency.ID]competency.Level{},
			Evidence:   []string{fmt.Sprintf("https://example.com/review/%d", r), "360 survey 2025"},
			Note:       "n",
		}
		for i := range ids {
			rv.Levels[competency.ID(fmt.Sprintf("competency-%03d", i))] = competency.Level(rng.IntN(6))
		}
		p.Reviews = append(p.Reviews, rv)
	}
	return p
}

// combineGrowthBound is what Combine's documentation promises it adds to
// the JSON of a profile: for each ID the reviews rate, MaxCombinedBytes
// plus the ID's length plus 24 bytes.
func combineGrowthBound(p profile.Profile) int {
	n := 0
	seen := map[competency.ID]bool{}
	for _, a := range p.Reviews {
		for id := range a.Levels {
			if !seen[id] {
				seen[id] = true
				n += profile.MaxCombinedBytes + len(id) + 24
			}
		}
	}
	return n
}

func mustMarshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCombineNearTheSizeBound: a profile of 1,000 raters, padded to the
// size bound less what Combine may add, combines by every policy into a
// profile within the bound, and profile.Load reads the largest of them
// back, equal to what Combine returned. (Issue 11: 1,000 raters turned
// 721 KB into 1.2 MB, which Load rejected.)
func TestCombineNearTheSizeBound(t *testing.T) {
	p := manyRaters(1000, 30, 1)
	in := mustMarshal(t, p)
	room := profile.DefaultMaxBytes - combineGrowthBound(p) - len(in)
	if room < 0 {
		t.Fatalf("the generated profile is %d bytes, too large to pad", len(in))
	}
	p.Name += strings.Repeat("x", room)
	in = mustMarshal(t, p)
	if len(in) > profile.DefaultMaxBytes || len(in) < profile.DefaultMaxBytes-combineGrowthBound(p)-64 {
		t.Fatalf("the input is %d bytes, not just under the bound less %d", len(in), combineGrowthBound(p))
	}
	var largest []byte
	for _, pol := range profile.Policies() {
		out, _, err := p.Combine(pol)
		if err != nil {
			t.Fatal(err)
		}
		data := mustMarshal(t, out)
		t.Logf("%s: %d bytes in, %d out", pol, len(in), len(data))
		if len(data) > profile.DefaultMaxBytes {
			t.Errorf("%s: the combined profile is %d bytes, over the bound %d", pol, len(data), profile.DefaultMaxBytes)
		}
		if len(data) > len(largest) {
			largest = data
		}
	}
	back, err := profile.Load(bytes.NewReader(largest))
	if err != nil {
		t.Fatalf("Load(Marshal(Combine(p))) of %d bytes: %.300v", len(largest), err)
	}
	if !bytes.Equal(mustMarshal(t, back), largest) {
		t.Errorf("the combined profile does not round-trip")
	}
}

// TestCombineGrowthBound: on profiles of every shape, including evidence
// that escapes to six bytes a character, the combined profile's JSON is
// larger than the input's by at most what Combine's documentation says,
// and every combined rating is at most MaxCombinedBytes.
func TestCombineGrowthBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const unit = "<&>\u2028\x01" // 5 characters, 27 bytes of JSON
	ugly := strings.Repeat(unit, 40)
	ids := []competency.ID{"a", "coaching", "building-trust", competency.ID(strings.Repeat("x", competency.MaxIDLen))}
	worst := 0.0
	for trial := range 150 {
		p := profile.Profile{ID: "p1"}
		if rng.IntN(2) == 0 {
			p.Ratings = map[competency.ID]profile.Rating{}
			for _, id := range ids {
				if rng.IntN(2) == 0 {
					p.Ratings[id] = profile.Rating{Level: competency.Level(rng.IntN(6)), Source: profile.Sources()[rng.IntN(5)],
						AssessedAt: "2024-01-01", Evidence: []string{ugly, "e"}, Note: ugly, Combined: []profile.Policy{"", profile.Median}[rng.IntN(2)]}
				}
			}
		}
		for range 1 + rng.IntN(12) {
			rv := profile.Review{Rater: strings.Repeat("<", rng.IntN(65)), Source: profile.Sources()[rng.IntN(5)], AssessedAt: "2025-12-31",
				Levels: map[competency.ID]competency.Level{}, Note: ugly}
			for range rng.IntN(8) {
				rv.Evidence = append(rv.Evidence, strings.Repeat(unit, rng.IntN(25)), fmt.Sprint(rng.IntN(20)))
			}
			for _, id := range ids {
				if rng.IntN(2) == 0 {
					rv.Levels[id] = competency.Level(rng.IntN(6))
				}
			}
			if len(rv.Levels) == 0 {
				rv.Levels[ids[0]] = 1
			}
			p.Reviews = append(p.Reviews, rv)
		}
		for _, pol := range profile.Policies() {
			out, _, err := p.Combine(pol)
			if err != nil {
				t.Fatalf("trial %d: %v", trial, err)
			}
			grew := len(mustMarshal(t, out)) - len(mustMarshal(t, p))
			bound := combineGrowthBound(p)
			if grew > bound {
				t.Errorf("trial %d, %s: the JSON grew by %d bytes, more than the bound %d", trial, pol, grew, bound)
			}
			worst = max(worst, float64(grew)/float64(bound))
			for _, id := range p.IDs() {
				if reviewed(p, id) {
					checkSupport(t, out, id)
				}
			}
			if t.Failed() {
				t.Fatalf("trial %d, %s", trial, pol)
			}
		}
	}
	t.Logf("the largest growth was %.2f of the bound", worst)
}

func reviewed(p profile.Profile, id competency.ID) bool {
	for _, a := range p.Reviews {
		if _, ok := a.Levels[id]; ok {
			return true
		}
	}
	return false
}

// TestCombineNoteIsBounded: however many raters, the note of a combined
// rating stays short, and names no rater.
func TestCombineNoteIsBounded(t *testing.T) {
	p := manyRaters(5000, 2, 7)
	for _, pol := range profile.Policies() {
		out, dis, err := p.Combine(pol)
		if err != nil {
			t.Fatal(err)
		}
		for id, r := range out.Ratings {
			if r.Combined == "" {
				continue
			}
			if len(r.Note) > 400 || strings.Contains(r.Note, "Rater") {
				t.Errorf("%s %s: a note of %d bytes: %.200s", pol, id, len(r.Note), r.Note)
			}
		}
		// The disagreements list every view, sharing their labels.
		for _, d := range dis {
			if len(d.Views) != len(p.Reviews)+1 && len(d.Views) != len(p.Reviews) {
				t.Errorf("%s: %d views, want one per review and direct rating", d.ID, len(d.Views))
			}
		}
	}
}
