package testfix

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// populationStream is the second word of the PCG state every population
// starts from; the seed is the first. Any constant would do: it is fixed
// so that a seed names the same people in every run.
const populationStream = 0x77_6c_70_2d_70_6f_70 // "wlp-pop"

// The number of IDs a person rates, for a framework of at least maxRated
// IDs: uniformly from minRated to maxRated.
const (
	minRated = 15
	maxRated = 21
)

// levelWeights gives each level from 0 to 5 its chance, in percent: most
// people are rated 2 to 4, fewer 1 or 5, fewest 0 (not demonstrated).
var levelWeights = [...]int{4, 10, 24, 30, 22, 10}

// Population yields n profiles for framework f, the same for the same
// seed: the same seed, framework and n give the same people in the same
// order, every time and on every platform (it draws from math/rand/v2's
// PCG, seeded). A nil f means [wlp.Default]; n <= 0 yields nothing.
//
// Person i (from 1) has the ID "p" and i zero-padded to 7 digits
// ("p0000001"), or to as many as n has when it has more, and the name
// "Person i". Each rates a random choice of f's competencies and areas:
// 15 to 21 of them, or, for a framework of fewer than 21, between 70% and
// 100% of them. A rating's level skews to the middle of the scale (level
// 0: 4%, 1: 10%, 2: 24%, 3: 30%, 4: 22%, 5: 10%) and its source is "self"
// or "manager", even odds. There are no reviews, dates, evidence or notes.
//
// The people are made one at a time as the caller asks for them: each
// profile is new, owned by the caller, and the sequence holds O(IDs of f)
// memory whatever n is. Each person costs O(IDs of f) time.
func Population(f *wlp.Framework, seed uint64, n int) iter.Seq[profile.Profile] {
	if f == nil {
		f = wlp.Default()
	}
	ids := f.IDs()
	return func(yield func(profile.Profile) bool) {
		if n <= 0 {
			return
		}
		lo, hi := ratedRange(len(ids))
		width := max(7, len(strconv.Itoa(n)))
		rng := rand.New(rand.NewPCG(seed, populationStream))
		perm := make([]int, len(ids))
		for i := range perm {
			perm[i] = i
		}
		num := make([]byte, 0, 24)
		for i := range n {
			k := lo
			if hi > lo {
				k += rng.IntN(hi - lo + 1)
			}
			// The first k places of a partial Fisher-Yates shuffle are a
			// uniform choice of k IDs; perm carries on from the last
			// person, which changes nothing about that.
			var ratings map[competency.ID]profile.Rating // nil, as loaded, for none
			if k > 0 {
				ratings = make(map[competency.ID]profile.Rating, k)
			}
			for j := range k {
				r := j + rng.IntN(len(perm)-j)
				perm[j], perm[r] = perm[r], perm[j]
				src := profile.Self
				if rng.IntN(2) == 1 {
					src = profile.Manager
				}
				ratings[ids[perm[j]]] = profile.Rating{Level: level(rng), Source: src}
			}
			num = strconv.AppendInt(num[:0], int64(i)+1, 10)
			p := profile.Profile{
				ID:      "p" + zeros(width-len(num)) + string(num),
				Name:    "Person " + string(num),
				Ratings: ratings,
			}
			if !yield(p) {
				return
			}
		}
	}
}

// ratedRange returns how many IDs a person rates at least and at most, for
// a framework of m IDs: 15 to 21 when m >= 21, else 70% (rounded up) to
// 100% of m.
func ratedRange(m int) (lo, hi int) {
	if m >= maxRated {
		return minRated, maxRated
	}
	return (7*m + 9) / 10, m
}

// level draws a level by levelWeights.
func level(rng *rand.Rand) competency.Level {
	x := rng.IntN(100)
	for l, w := range levelWeights {
		if x < w {
			return competency.Level(l)
		}
		x -= w
	}
	return competency.Level(len(levelWeights) - 1) // not reached: the weights sum to 100
}

// zeros returns n zeros ("" for n <= 0).
func zeros(n int) string {
	const z = "0000000000000000000000"
	if n <= 0 {
		return ""
	}
	return z[:n]
}

// WriteJSONLines writes Population(f, seed, n) as JSON Lines, one profile
// a line, each line a document [profile.Load] loads. Each line is the
// bytes json.Marshal gives for the profile (keys in sorted order), made
// by an encoder of its own, twice as fast (BenchmarkWriteJSONLines). It
// writes through a buffer and holds one person at a time: memory stays
// flat in n, and time is O(n × IDs of f), about 8 µs a person, most of
// it making the person. Lines are about 1.1 KB for the default framework
// (its IDs are long), so a million people take about 1.1 GB. It returns
// the first error writing to w, prefixed with "testfix:".
func WriteJSONLines(w io.Writer, f *wlp.Framework, seed uint64, n int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var line []byte
	var keys []competency.ID
	for p := range Population(f, seed, n) {
		line, keys = appendProfile(line[:0], keys[:0], p)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return fmt.Errorf("testfix: cannot write JSON Lines: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("testfix: cannot write JSON Lines: %w", err)
	}
	return nil
}

// appendProfile appends p as json.Marshal encodes it, for the profiles
// Population makes: an ID, a name and ratings of a level and a source.
// keys is scratch space for the sorted rating IDs, returned for reuse.
func appendProfile(b []byte, keys []competency.ID, p profile.Profile) ([]byte, []competency.ID) {
	b = append(b, `{"id":`...)
	b = appendString(b, p.ID)
	if p.Name != "" {
		b = append(b, `,"name":`...)
		b = appendString(b, p.Name)
	}
	if len(p.Ratings) > 0 {
		for id := range p.Ratings {
			keys = append(keys, id)
		}
		slices.Sort(keys)
		b = append(b, `,"ratings":{`...)
		for i, id := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			r := p.Ratings[id]
			b = appendString(b, string(id))
			b = append(b, `:{"level":`...)
			b = strconv.AppendInt(b, int64(r.Level), 10)
			if r.Source != "" {
				b = append(b, `,"source":`...)
				b = appendString(b, string(r.Source))
			}
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	return append(b, '}'), keys
}

// appendString appends s as a JSON string, as json.Marshal writes it: a
// string of printable ASCII that json.Marshal leaves as it is goes in
// directly, any other through json.Marshal.
func appendString(b []byte, s string) []byte {
	for i := range len(s) {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
