package profile_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

func ExampleLoad() {
	doc := `{
	  "id": "alex",
	  "name": "Alex Kim",
	  "ratings": {
	    "thinking-strategically": {"level": 4, "source": "manager", "assessedAt": "2026-03-31"},
	    "coaching": {"level": 2, "source": "self", "evidence": ["coaching log"]}
	  }
	}`
	p, err := profile.Load(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := p.Ratings[competency.ThinkingStrategically]
	fmt.Printf("%s: %s (%d) from %s on %s\n", p.Name, r.Level, r.Level, r.Source, r.AssessedAt)
	fmt.Println("coaching:", p.Level(aoe.Coaching))
	fmt.Println("leveraging diversity:", p.Level(competency.LeveragingDiversity))
	fmt.Println("rated:", p.IDs())
	// Output:
	// Alex Kim: proficient (4) from manager on 2026-03-31
	// coaching: advanced beginner
	// leveraging diversity: not demonstrated
	// rated: [coaching thinking-strategically]
}

func ExampleLoad_errors() {
	doc := `{"id": "alex", "ratings": {
	  "coaching": {"level": 6, "source": "boss"},
	  "coaching": {"level": 2}
	}}`
	_, err := profile.Load(strings.NewReader(doc))
	fmt.Println(err)
	// Output:
	// profile: /ratings/coaching: duplicate key "coaching"
}

func ExampleLoader() {
	ld := profile.Loader{MaxBytes: 16}
	_, err := ld.Load(strings.NewReader(`{"id": "alex", "name": "Alex Kim"}`))
	fmt.Println(err)
	// Output:
	// profile: the document is larger than the limit of 16 bytes
}

func ExampleProfile_Validate() {
	p := profile.Profile{
		ID: "alex",
		Ratings: map[competency.ID]profile.Rating{
			aoe.Coaching:             {Level: 7, Source: "boss"},
			competency.BuildingTrust: {Level: competency.Competent, AssessedAt: "2026-02-30"},
		},
	}
	err := p.Validate()
	fmt.Println(err)

	var ve *profile.ValidationError
	if errors.As(err, &ve) {
		for _, pr := range ve.Problems {
			fmt.Println(pr.Path)
		}
	}
	// Output:
	// profile: /ratings/building-trust/assessedAt: "2026-02-30" is not a date in the form YYYY-MM-DD
	// profile: /ratings/coaching/level: 7 is above the scale's top level 5
	// profile: /ratings/coaching/source: unknown source "boss" (want self, manager, peer, direct-report or assessment)
	// /ratings/building-trust/assessedAt
	// /ratings/coaching/level
	// /ratings/coaching/source
}

func ExampleSource_String() {
	for _, s := range profile.Sources() {
		fmt.Printf("%s: %s\n", string(s), s)
	}
	fmt.Println(profile.Unstated)
	// Output:
	// self: self
	// manager: manager
	// peer: peer
	// direct-report: direct report
	// assessment: assessment
	// unstated
}
