package main

import (
	"encoding/json"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/schema"
)

// TestRolesJSON checks roles -json against BestRoles.
func TestRolesJSON(t *testing.T) {
	m := match.New(nil)
	for _, path := range team {
		r := runWLP("", "roles", "-json", path)
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		var got []match.Result
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatal(err)
		}
		for _, res := range got {
			b, _ := json.Marshal(res)
			validJSON(t, schema.Result, string(b))
		}
		if diff := gocmp.Diff(m.BestRoles(testfix.LoadProfile(t, path)), got); diff != "" {
			t.Errorf("roles %s (-library +command):\n%s", path, diff)
		}
	}
}
