package diff_test

import (
	"fmt"
	"slices"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// A new version of a framework: one competency renamed, one requirement
// raised.
func ExampleFrameworks() {
	s := wlp.DefaultSpec()
	s.Version = "2004.1"
	s.Competencies[0].Name = "Earning trust"
	s.Roles[1].Requirements[0].Level = 5
	v2, err := wlp.New(s)
	if err != nil {
		panic(err)
	}
	for _, c := range diff.Frameworks(wlp.Default(), v2, nil).List {
		fmt.Println(c)
	}
	// Output:
	// framework "astd-2004": version "2004" -> "2004.1"
	// competency "building-trust": name "Building trust" -> "Earning trust"
	// requirement [applying-business-acumen] of "business-partner": level "4" -> "5"
}

// Two models through the crosswalk between them: its links pair items
// whose IDs changed.
func ExampleFrameworks_crosswalk() {
	a, _ := wlp.LoadEmbedded("astd-2004")
	b, _ := wlp.LoadEmbedded("atd-2013")
	cw, _ := crosswalk.Between(a.ID(), b.ID())
	changes := diff.Frameworks(a, b, &diff.Options{Crosswalk: cw})
	for _, c := range changes.List {
		if c.Field == diff.FieldID && c.Kind == diff.KindArea {
			fmt.Printf("%s -> %s (%s)\n", c.Old, c.New, c.Relation)
		}
	}
	// Output:
	// improving-human-performance -> performance-improvement (exact)
	// designing-learning -> instructional-design (exact)
	// delivering-training -> training-delivery (exact)
	// measuring-and-evaluating -> evaluating-learning-impact (exact)
	// managing-the-learning-function -> managing-learning-programs (exact)
	// career-planning-and-talent-management -> integrated-talent-management (exact)
	// managing-organizational-knowledge -> knowledge-management (exact)
	// facilitating-organizational-change -> change-management (exact)
}

// How a person's fit changes when a role asks for more.
func ExampleFits() {
	s := wlp.DefaultSpec()
	r := &s.Roles[1] // business-partner
	for i := range r.Requirements {
		if r.Requirements[i].Of[0] == competency.BuildingTrust {
			r.Requirements[i].Level = 5 // was 4
		}
	}
	v2, err := wlp.New(s)
	if err != nil {
		panic(err)
	}
	sam := profile.Profile{ID: "sam", Ratings: map[competency.ID]profile.Rating{}}
	for _, id := range wlp.Default().IDs() {
		sam.Ratings[id] = profile.Rating{Level: 4}
	}
	fits, err := diff.Fits(wlp.Default(), v2, []profile.Profile{sam}, nil)
	if err != nil {
		panic(err)
	}
	for _, f := range fits.Changes {
		if f.Target == role.BusinessPartner || f.Target == role.CLO {
			fmt.Printf("%s %s: %.1f%% -> %.1f%% (%+.1f pts)\n", f.Profile, f.Target, 100*f.A.Fit, 100*f.B.Fit, 100*f.Change)
		}
	}
	// Output:
	// sam business-partner: 100.0% -> 97.3% (-2.7 pts)
	// sam chief-learning-officer: 94.4% -> 93.9% (-0.5 pts)
}

// A new version with no roles or jobs, like the 2020 model, and an area
// dropped: no fit to compare, but the report still names, once per
// person, the ratings that count for nothing in B.
func ExampleFits_uncarried() {
	s := wlp.DefaultSpec()
	s.Roles, s.Jobs = nil, nil
	s.Areas = slices.DeleteFunc(s.Areas, func(a aoe.Area) bool { return a.ID == aoe.ManagingKnowledge })
	v2, err := wlp.New(s)
	if err != nil {
		panic(err)
	}
	kim := profile.Profile{ID: "kim", Ratings: map[competency.ID]profile.Rating{}}
	for _, id := range wlp.Default().IDs() {
		kim.Ratings[id] = profile.Rating{Level: 3}
	}
	fits, err := diff.Fits(wlp.Default(), v2, []profile.Profile{kim}, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(fits.Unscored), "roles and jobs in A only;", len(fits.Changes), "changes of fit")
	for _, p := range fits.People {
		fmt.Println(p.Profile, p.Uncarried)
	}
	// Output:
	// 5 roles and jobs in A only; 0 changes of fit
	// kim [managing-organizational-knowledge]
}
