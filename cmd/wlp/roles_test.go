package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
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

// TestRolesNoRoles checks that a framework without roles, such as the
// embedded 2020 model, is an error that says so, not an empty table.
func TestRolesNoRoles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(path, []byte(`{"id":"ana","ratings":{"coaching":{"level":3}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, flags := range [][]string{nil, {"-json"}, {"-csv"}} {
		r := runWLP("", append(append([]string{"roles", "-framework", "atd-2020"}, flags...), path)...)
		want := `wlp roles: framework "atd-2020" has no roles to rank ana against`
		if r.code != 1 || r.stdout != "" || !strings.HasPrefix(r.stderr, want) {
			t.Errorf("roles %v: exit %d, stdout %q, stderr %q; want exit 1, no output, %q", flags, r.code, r.stdout, r.stderr, want)
		}
	}
}
