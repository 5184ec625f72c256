package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

// diffJSON runs wlp diff -json with the arguments and decodes what it
// prints.
func diffJSON(t *testing.T, a ...string) *diff.Changes {
	t.Helper()
	r := runWLP("", append([]string{"diff", "-json"}, a...)...)
	if r.code != 0 {
		t.Fatalf("wlp diff -json %v: exit %d: %s", a, r.code, r.stderr)
	}
	validJSON(t, schema.Diff, r.stdout)
	var c diff.Changes
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

func embedded(t *testing.T, id string) *wlp.Framework {
	t.Helper()
	f, err := wlp.LoadEmbedded(id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestDiffEmbedded checks wlp diff -json between embedded frameworks
// against the library: with the embedded crosswalk by default, without
// it for -crosswalk none, with a named one.
func TestDiffEmbedded(t *testing.T) {
	a, b := embedded(t, "astd-2004"), embedded(t, "atd-2020")
	cw, ok := crosswalk.Between("astd-2004", "atd-2020")
	if !ok {
		t.Fatal("no embedded crosswalk from astd-2004 to atd-2020")
	}
	tests := []struct {
		args []string
		want *diff.Changes
	}{
		{[]string{"astd-2004", "atd-2020"}, diff.Frameworks(a, b, &diff.Options{Crosswalk: cw})},
		{[]string{"-crosswalk", "none", "astd-2004", "atd-2020"}, diff.Frameworks(a, b, nil)},
		{[]string{"-crosswalk", "astd-2004-to-atd-2020", "astd-2004", "atd-2020"}, diff.Frameworks(a, b, &diff.Options{Crosswalk: cw})},
		// No crosswalk leads back.
		{[]string{"atd-2020", "astd-2004"}, diff.Frameworks(b, a, nil)},
	}
	for _, tt := range tests {
		if d := gocmp.Diff(tt.want, diffJSON(t, tt.args...)); d != "" {
			t.Errorf("wlp diff -json %v (-library +command):\n%s", tt.args, d)
		}
	}
}

// TestDiffText checks the text output: its heading, the crosswalk it
// names, groups, and width.
func TestDiffText(t *testing.T) {
	r := runWLP("", "diff", "astd-2004", "atd-2013")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"A: astd-2004 (ASTD Workplace Learning and Performance Competency Model, version 2004)\n",
		"B: atd-2013 (ATD Competency Model, version 2013)\n",
		"Items pair through the embedded crosswalk astd-2004-to-atd-2013",
		"\nClusters\n", "\nCompetencies and areas\n", "\nRoles and jobs\n",
		"area instructional-design: Instructional Design\n  new ID        designing-learning -> instructional-design (exact link)\n",
		"removed role business-partner: Business partner\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the output lacks %q:\n%s", want, r.stdout)
		}
	}
	for i, line := range strings.Split(r.stdout, "\n") {
		if textWidth(line) > maxWidth {
			t.Errorf("line %d is %d columns wide: %q", i+1, textWidth(line), line)
		}
	}

	r = runWLP("", "diff", "-crosswalk", "none", "astd-2004", "astd-2004")
	if r.code != 0 || !strings.Contains(r.stdout, "\nNo changes.\n") || strings.Contains(r.stdout, "crosswalk") {
		t.Errorf("a framework against itself: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestDiffFiles checks two framework files and people: the requirement
// and the fits each person's change, as the library gives them.
func TestDiffFiles(t *testing.T) {
	dir := t.TempDir()
	s := wlp.DefaultSpec()
	s.Version = "2004.1"
	s.Roles[1].Requirements[0].Level = 5 // business-partner: applying-business-acumen 4 -> 5
	s.Competencies[0].Name = "Earning trust"
	v2, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	b, err := v2.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "v2.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	got := diffJSON(t, "astd-2004", file, dana, sam)
	want := diff.Frameworks(wlp.Default(), v2, nil)
	people := []profile.Profile{combined(t, dana, ""), combined(t, sam, "")}
	if want.Fits, err = diff.Fits(wlp.Default(), v2, people, nil); err != nil {
		t.Fatal(err)
	}
	if d := gocmp.Diff(want, got); d != "" {
		t.Errorf("(-library +command):\n%s", d)
	}
	if len(got.List) != 3 || len(got.Fits) != 10 {
		t.Errorf("%d changes and %d fits, want 3 and 10", len(got.List), len(got.Fits))
	}

	r := runWLP("", "diff", "astd-2004", file, dana, sam)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"competency building-trust: Earning trust\n  renamed  Building trust -> Earning trust\n",
		"role business-partner: Business partner\n  level   requirement Applying business acumen: 4 proficient -> 5 expert\n",
		"Changes of fit, the greatest gain first\n",
		"PERSON", "FIT IN A",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the output lacks %q:\n%s", want, r.stdout)
		}
	}
	// The fits that do not change come first; the losses last.
	rows := strings.Split(strings.TrimSpace(r.stdout[strings.Index(r.stdout, "PERSON"):]), "\n")[1:]
	if !strings.HasSuffix(rows[0], "0.0 pts") || !strings.Contains(rows[len(rows)-1], "Business partner") ||
		!strings.HasSuffix(rows[len(rows)-1], " pts") || strings.HasSuffix(rows[len(rows)-1], "0.0 pts") {
		t.Errorf("the order of the fits:\n%s", strings.Join(rows, "\n"))
	}
}

// TestDiffCrosswalkFile checks -crosswalk FILE, and a crosswalk that
// does not fit the frameworks.
func TestDiffCrosswalkFile(t *testing.T) {
	cw, err := crosswalk.LoadEmbedded("astd-2004-to-atd-2013")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(cw)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "cw.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	got := diffJSON(t, "-crosswalk", file, "astd-2004", "atd-2013")
	want := diff.Frameworks(embedded(t, "astd-2004"), embedded(t, "atd-2013"), &diff.Options{Crosswalk: cw})
	if d := gocmp.Diff(want, got); d != "" {
		t.Errorf("(-library +command):\n%s", d)
	}
	r := runWLP("", "diff", "-crosswalk", file, "astd-2004", "atd-2020")
	if r.code != 1 || !strings.Contains(r.stderr, "cw.json") {
		t.Errorf("a crosswalk to another framework: exit %d: %s", r.code, r.stderr)
	}
}

// TestDiffMisuse checks the errors of the command line.
func TestDiffMisuse(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", "astd-2004"}, 2, "usage: wlp diff"},
		{[]string{"diff", "astd-2004", "no-such-file.json"}, 1, "no-such-file.json: cannot read: no such file"},
		{[]string{"diff", "-crosswalk", "no-such.json", "astd-2004", "atd-2013"}, 1, "no-such.json: cannot read"},
	}
	for _, tt := range tests {
		r := runWLP("", tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: exit %d, want %d; stderr %q lacks %q", tt.args, r.code, tt.code, r.stderr, tt.want)
		}
	}
}
