package people

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp/profile"
)

// TestIDsPlaces checks that IDs gives back the first place of every
// shape exactly, packed or not, in the message of a duplicate.
func TestIDsPlaces(t *testing.T) {
	places := []Place{
		{File: "a.json"},
		{File: "a.jsonl", Line: 7},
		{File: "arr.json", Pointer: "/3"},
		{File: "arr.json", Pointer: "/0"},
		{File: "team.xlsx", Sheet: "Ratings", Row: 9},
		{File: "team.csv", Row: 2},
		{File: "team.xlsx", Sheet: "Ratings", Row: 9, Column: "Coaching", Cell: "D9"},
		{File: "x.json", Pointer: "/people/2"},
		{File: "x.json", Pointer: "/007"},
		{File: "big.jsonl", Line: 1 << 40},
		{File: "a.jsonl", Line: 3, Pointer: "/1"},
	}
	var ids IDs
	for i, at := range places {
		if err := ids.Add(Person{Profile: profile.Profile{ID: fmt.Sprint("p", i)}, Place: at}); err != nil {
			t.Fatal(err)
		}
	}
	again := Place{File: "later.jsonl", Line: 1}
	for i, at := range places {
		id := fmt.Sprint("p", i)
		err := ids.Add(Person{Profile: profile.Profile{ID: id}, Place: again})
		want := duplicate(again, id, at)
		if err == nil || err.Error() != want.Error() {
			t.Errorf("%+v: %v, want %v", at, err, want)
		}
	}
}

// TestIDsMemory checks that IDs keeps about 100 bytes a person, and not
// the text an ID was read from: 100,000 IDs read from lines of 1 KB
// retain less than 160 bytes each.
func TestIDsMemory(t *testing.T) {
	const n = 100_000
	line := strings.Repeat("x", 1000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var ids IDs
	for i := range n {
		text := fmt.Sprintf("p%07d", i) + line // as a decoder's string would share its line
		if err := ids.Add(Person{Profile: profile.Profile{ID: text[:8]}, Place: Place{File: "big.jsonl", Line: i + 1}}); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / n
	t.Logf("%.0f bytes a person", per)
	if per > 160 {
		t.Errorf("IDs retains %.0f bytes a person, want under 160", per)
	}
	runtime.KeepAlive(&ids)
}
