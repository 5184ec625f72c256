package crosswalk_test

import (
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp/crosswalk"
)

// Load reads a crosswalk document strictly and reports every problem at
// once, each at its place.
func ExampleLoad() {
	doc := `{
	  "id": "old-to-new", "from": "old", "to": "new",
	  "links": [
	    {"from": "typing", "to": "keyboarding", "relation": "exact", "carry": "level", "why": "A rename."},
	    {"from": "filing", "to": "records", "relation": "close", "carry": "capped", "why": "Paper only.", "source": "memo"}
	  ]
	}`
	_, err := crosswalk.Load(strings.NewReader(doc))
	fmt.Println(err)
	// Output:
	// crosswalk: /links/1/cap: a capped carry needs a cap from 1 to 4, not 0
	// crosswalk: /links/1/source: the source "memo" is not declared under /sources
}
