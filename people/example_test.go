package people_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/profile"
)

// ReadFile reads every person of a file; a JSON array's people are
// placed by their index.
func ExampleReadFile() {
	team, err := people.ReadFile(filepath.Join("testdata", "json", "team.json"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range team {
		fmt.Printf("%s (%s) rates %d competencies, read at %s\n",
			p.Profile.Name, p.Profile.ID, len(p.Profile.Ratings), filepath.ToSlash(p.Place.String()))
	}
	// Output:
	// Ana Silva (ana) rates 2 competencies, read at testdata/json/team.json: /0
	// Ben Okafor (ben) rates 1 competencies, read at testdata/json/team.json: /1
}

// All reads a folder's profile files in name order (here a document, a
// JSON Lines file and another document, but not README.txt), one person
// at a time.
func ExampleAll() {
	for p, err := range people.All([]string{filepath.Join("testdata", "json", "team")}, nil) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-4s %s\n", p.Profile.ID, filepath.ToSlash(p.Place.String()))
	}
	// Output:
	// ana  testdata/json/team/ana.json
	// ben  testdata/json/team/crew.jsonl: line 1
	// cy   testdata/json/team/crew.jsonl: line 3
	// dee  testdata/json/team/dee.json
}

// All expands a glob pattern itself, as a Windows shell does not; Collect
// gathers everyone, and every problem in one error.
func ExampleAll_glob() {
	team, err := people.Collect(people.All([]string{filepath.Join("testdata", "json", "team", "*.json")}, nil))
	if err != nil {
		fmt.Println(err)
	}
	for _, p := range team {
		fmt.Println(p.Profile.ID, filepath.ToSlash(p.Place.File))
	}
	// Output:
	// ana testdata/json/team/ana.json
	// dee testdata/json/team/dee.json
}

// A document's problems are all reported at once, each with its place:
// here a level typed as text, a misspelt competency and a level above
// the scale.
func ExampleError() {
	_, err := people.ReadFile(filepath.Join("testdata", "json", "bad.json"), nil)
	var e *people.Error
	if errors.As(err, &e) {
		for _, p := range e.Problems {
			fmt.Printf("%s at %s:\n    %s\n", filepath.Base(p.Place.File), p.Place.Pointer, p.Message)
		}
	}
	// Output:
	// bad.json at /ratings/coaching/level:
	//     expected an integer, found the string "3"
	// bad.json at /ratings/designing-learning/level:
	//     7 is above the scale's top level 5
	// bad.json at /ratings/bulding-trust:
	//     unknown competency or area "bulding-trust" in framework "astd-2004"; did you mean "building-trust"?
}

// Read tells the format of standard input from its content: one profile
// a line is JSON Lines, and each person is placed by their line.
func ExampleRead() {
	in := strings.NewReader(`{"id":"ana","ratings":{"coaching":{"level":4}}}
{"id":"ben","ratings":{"coaching":{"level":9}}}
{"id":"cy"}
`)
	for p, err := range people.Read(in, "<stdin>", nil) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p.Profile.ID, "at", p.Place)
	}
	// Output:
	// ana at <stdin>: line 1
	// people: <stdin>: line 2: /ratings/coaching/level: 9 is above the scale's top level 5
	// cy at <stdin>: line 3
}

// A Place names where a problem is, as messages print it.
func ExamplePlace_String() {
	fmt.Println(people.Place{File: "team.csv", Row: 7, Column: "Coaching"})
	fmt.Println(people.Place{File: "team.xlsx", Sheet: "Ratings", Cell: "C7", Column: "Coaching"})
	fmt.Println(people.Place{File: "team.ndjson", Line: 4, Pointer: "/ratings/coaching/level"})
	fmt.Println(people.Place{File: "team.json", Pointer: "/2"})
	// Output:
	// team.csv: row 7, column 'Coaching'
	// team.xlsx: cell Ratings!C7, column 'Coaching'
	// team.ndjson: line 4: /ratings/coaching/level
	// team.json: /2
}

// A team read from a folder is scored as the wlp command scores it: each
// 360-degree profile's reviews merged into its ratings first (by median),
// since the match engine scores ratings only.
func ExampleAll_score() {
	m := match.New(wlp.Default())
	var team []profile.Profile
	for p, err := range people.All([]string{filepath.Join("..", "examples", "data")}, nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		if len(p.Profile.Reviews) > 0 {
			merged, _, err := p.Profile.Combine(profile.Median)
			if err != nil {
				fmt.Println(err)
				return
			}
			p.Profile = merged
		}
		team = append(team, p.Profile)
	}
	best, err := m.Rank(team, "business-partner", 3)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range best {
		fmt.Printf("%s %.1f%%\n", r.Profile, 100*r.Result.Fit)
	}
	// Output:
	// lee 97.0%
	// dana 96.6%
	// alex 80.7%
}

// WriteTemplate writes the empty sheet to hand out: its header row names
// each competency and area, with the ID the reader needs.
func ExampleWriteTemplate() {
	var b strings.Builder
	if err := people.WriteTemplate(&b, wlp.Default(), people.CSV); err != nil {
		fmt.Println(err)
		return
	}
	header := strings.Split(strings.TrimPrefix(strings.SplitN(b.String(), "\r\n", 2)[0], "\ufeff"), ",")
	fmt.Println(header[:5])
	// Output:
	// [id name source date Building trust (building-trust)]
}
