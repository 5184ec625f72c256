package problem_test

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// A framework document that fails to load: errors.As takes the *Error out
// of the error, and its Problems say what is wrong and where.
func ExampleError() {
	const doc = `{
	  "id": "helpdesk",
	  "name": "Help desk skills",
	  "competencies": [{"id": "listening", "name": "Listening", "cluster": "interpersonal"}],
	  "roles": [{"id": "first-line", "name": "First-line support", "requirements": [
	    {"of": ["listening"], "level": 7, "weight": 2},
	    {"of": ["troubleshooting"], "level": 2, "weight": 0}
	  ]}]
	}`
	_, err := wlp.Load(strings.NewReader(doc))

	var pe *problem.Error
	if errors.As(err, &pe) {
		fmt.Printf("%d problems, %d more not listed\n", len(pe.Problems), pe.Omitted)
		for _, p := range pe.Problems {
			fmt.Printf("at %s\n  %s\n", p.Path, p.Message)
		}
	}
	// Output:
	// 3 problems, 0 more not listed
	// at /roles/0/requirements/0/level
	//   7 is above the scale's top level 5
	// at /roles/0/requirements/1/of/0
	//   unknown competency or area "troubleshooting"
	// at /roles/0/requirements/1/weight
	//   the weight 0 must be greater than 0
}

// A profile document that fails to load gives the same type of error;
// printed whole, it is one line per problem.
func ExampleError_profile() {
	const doc = `{"id": "alex", "ratings": {"coaching": {"level": 9, "source": "boss"}}}`
	_, err := profile.Load(strings.NewReader(doc))
	fmt.Println(err)

	// profile.ValidationError is another name for problem.Error.
	var pe *profile.ValidationError
	fmt.Println(errors.As(err, &pe), len(pe.Problems))
	// Output:
	// profile: /ratings/coaching/level: 9 is above the scale's top level 5
	// profile: /ratings/coaching/source: unknown source "boss" (want self, manager, peer, direct-report or assessment)
	// true 2
}

// A checker of one's own gathers its problems in a List and returns
// List.Err, which is nil when nothing was found.
func ExampleList() {
	check := func(teams map[string][]string) error {
		var l problem.List
		for _, name := range slices.Sorted(maps.Keys(teams)) {
			if len(teams[name]) == 0 {
				l.Add(problem.Join("/teams", name), "the team has no members")
			}
		}
		return l.Err("teams")
	}
	fmt.Println(check(map[string][]string{"support": {"alex"}}))
	fmt.Println(check(map[string][]string{"a/b": nil, "sales": {}}))
	// Output:
	// <nil>
	// teams: /teams/a~1b: the team has no members
	// teams: /teams/sales: the team has no members
}

// AppendError takes in the problems of a check from this module, so that
// a house rule adds to them and the user sees one report.
func ExampleList_AppendError() {
	p := profile.Profile{ID: "alex", Ratings: map[competency.ID]profile.Rating{
		"coaching":       {Level: 9},
		"building-trust": {Level: 4},
	}}
	var l problem.List
	l.AppendError(p.Validate())
	if p.Name == "" {
		l.Add("/name", "our house rule: every profile has a name")
	}
	fmt.Println(l.Err("hr"))
	// Output:
	// hr: /ratings/coaching/level: 9 is above the scale's top level 5
	// hr: /name: our house rule: every profile has a name
}

// Compare sorts problems by place, array indexes by number.
func ExampleCompare() {
	ps := []problem.Problem{
		{Path: "/roles/10/name", Message: "the string is empty"},
		{Path: "/roles/9", Message: "missing required field \"id\""},
		{Path: "", Message: "unknown field \"color\""},
		{Path: "/roles/9/name", Message: "the string is empty"},
	}
	slices.SortFunc(ps, problem.Compare)
	for _, p := range ps {
		fmt.Println(p)
	}
	// Output:
	// unknown field "color"
	// /roles/9: missing required field "id"
	// /roles/9/name: the string is empty
	// /roles/10/name: the string is empty
}

// Join builds a JSON pointer, escaping the keys it is given.
func ExampleJoin() {
	fmt.Println(problem.Join("/ratings", "sales/marketing", "level"))
	fmt.Println(problem.Join("", "roles", 2, "requirements", 0))
	// Output:
	// /ratings/sales~1marketing/level
	// /roles/2/requirements/0
}

// Quote shortens a long value, so that a message stays short.
func ExampleQuote() {
	fmt.Println(problem.Quote("coachin"))
	fmt.Println(problem.Quote(strings.Repeat("ab", 5000)))
	// Output:
	// "coachin"
	// "abababababababababababababababababababababababababababababababab"... (10000 bytes)
}
