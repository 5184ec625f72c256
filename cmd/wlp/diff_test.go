package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
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
	if got.Fits == nil || len(got.List) != 3 || len(got.Fits.Changes) != 10 || len(got.Fits.People) != 2 {
		t.Fatalf("%d changes and fits %+v, want 3 changes and 10 changes of fit of 2 people", len(got.List), got.Fits)
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

// writeDoc writes v as JSON to the file name in dir, and returns its path.
func writeDoc(t *testing.T, dir, name string, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// flat returns s with every run of white space one space: text to look
// for whatever the lines it wraps onto.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// longName is a name wider than a heading's line.
const longName = "Earning and keeping the trust of colleagues, clients, sponsors and learners across every part of the organization and beyond it"

// TestDiffReadable checks the text of a diff between the default
// framework and an edited version of it: each heading once, whole, and
// wrapped within maxWidth columns; the cluster a change of tier joins or
// leaves; with a crosswalk, the carry of the links and the crosswalk's
// notes on items added and removed; with people, the ratings that count
// for nothing in B.
func TestDiffReadable(t *testing.T) {
	dir := t.TempDir()
	s := wlp.DefaultSpec()
	s.ID, s.Version = "v2", "2"
	dropID := func(s *wlp.Spec, id competency.ID) {
		for _, reqs := range []*[]role.Requirement{&s.Jobs[0].Requirements} {
			for i := range *reqs {
				(*reqs)[i].Of = slices.DeleteFunc((*reqs)[i].Of, func(x competency.ID) bool { return x == id })
			}
		}
		for i := range s.Roles {
			for j := range s.Roles[i].Requirements {
				r := &s.Roles[i].Requirements[j]
				r.Of = slices.DeleteFunc(r.Of, func(x competency.ID) bool { return x == id })
			}
			s.Roles[i].Requirements = slices.DeleteFunc(s.Roles[i].Requirements, func(r role.Requirement) bool { return len(r.Of) == 0 })
		}
	}
	// A role renamed and changed.
	pm := slices.IndexFunc(s.Roles, func(r role.Role) bool { return r.ID == role.ProjectManager })
	s.Roles[pm].Name = "Programme manager"
	s.Roles[pm].Requirements[0].Weight++
	// A long name.
	s.Competencies[0].Name = longName
	// Coaching becomes a competency.
	ci := slices.IndexFunc(s.Areas, func(a aoe.Area) bool { return a.ID == aoe.Coaching })
	s.Competencies = append(s.Competencies, competency.Competency{ID: aoe.Coaching, Name: s.Areas[ci].Name,
		Cluster: competency.Interpersonal, Summary: s.Areas[ci].Summary})
	s.Areas = slices.Delete(s.Areas, ci, ci+1)
	// An area removed, two competencies added.
	s.Areas = slices.DeleteFunc(s.Areas, func(a aoe.Area) bool { return a.ID == aoe.ManagingKnowledge })
	dropID(&s, aoe.ManagingKnowledge)
	s.Competencies = append(s.Competencies,
		competency.Competency{ID: "data-literacy", Name: "Data literacy", Cluster: competency.Personal},
		competency.Competency{ID: "ethics", Name: "Ethics", Cluster: competency.Personal})
	v2 := writeDoc(t, dir, "v2.json", s)
	s.Roles, s.Jobs = nil, nil
	noTargets := writeDoc(t, dir, "v3.json", s)
	cw := writeDoc(t, dir, "cw.json", crosswalk.Crosswalk{ID: "astd-2004-to-v2", From: "astd-2004", To: "v2",
		Links: []crosswalk.Link{
			{From: "coaching", To: "coaching", Relation: competency.Exact, Carry: crosswalk.CarryLevel, Why: "The same."},
			{From: "applying-business-acumen", To: "data-literacy", Relation: competency.Related, Carry: crosswalk.CarryCapped, Cap: 2,
				Why: "Reading a business's figures is a part of it."},
			{From: "driving-results", To: "data-literacy", Relation: competency.Related, Carry: crosswalk.CarryNone,
				Why: "Measuring results is akin, but says little of data skills."},
		},
		Unmapped: []crosswalk.Note{{ID: aoe.ManagingKnowledge, Why: "Knowledge work moved to another team."}},
		New:      []crosswalk.Note{{ID: "ethics", Why: "Nothing in 2004 was rated on it."}},
	})

	tests := []struct {
		name         string
		args         []string
		want, unwant []string // flattened
	}{{
		name: "A to B",
		args: []string{"astd-2004", v2, dana},
		want: []string{
			"role project-manager: Programme manager renamed Project manager -> Programme manager weight requirement",
			"competency building-trust: " + longName + " renamed Building trust -> " + longName,
			"competency coaching: Coaching tier area -> competency cluster joins interpersonal (Interpersonal)",
			"removed area managing-organizational-knowledge: Managing organizational knowledge\n",
			"Dana Okafor (Director of Learning): the rating of Managing organizational knowledge has no counterpart in B; " +
				"it counts in A's fits only.",
		},
		unwant: []string{"…", "unmapped", "links to"},
	}, {
		name: "no target in both",
		args: []string{"astd-2004", noTargets, dana},
		want: []string{
			"In A only, not scored: learning-strategist, business-partner, project-manager,",
			"Dana Okafor (Director of Learning): the rating of Managing organizational knowledge has no counterpart in B; " +
				"it counts in A's fits only.\nNo role or job is in both frameworks: no fit to compare.\n",
		},
		unwant: []string{"PERSON"},
	}, {
		name: "B to A",
		args: []string{v2, "astd-2004"},
		want: []string{
			"area coaching: Coaching tier competency -> area cluster leaves interpersonal (Interpersonal)",
			"added area managing-organizational-knowledge: Managing organizational knowledge\n",
		},
	}, {
		name: "with the crosswalk",
		args: []string{"-crosswalk", cw, "astd-2004", v2},
		want: []string{
			"added competency data-literacy: Data literacy links from applying-business-acumen (related, at most 2), " +
				"driving-results (related, carries nothing)",
			"added competency ethics: Ethics new Nothing in 2004 was rated on it.",
			"removed area managing-organizational-knowledge: Managing organizational knowledge unmapped Knowledge work moved to another team.",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWLP("", append([]string{"diff"}, tt.args...)...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			out := flat(r.stdout)
			for _, want := range tt.want {
				if !strings.Contains(out, flat(want)) {
					t.Errorf("the output lacks %q:\n%s", want, r.stdout)
				}
			}
			for _, unwant := range tt.unwant {
				if strings.Contains(r.stdout, unwant) {
					t.Errorf("the output holds %q:\n%s", unwant, r.stdout)
				}
			}
			headings := map[string]int{}
			for i, line := range strings.Split(r.stdout, "\n") {
				if textWidth(line) > maxWidth {
					t.Errorf("line %d is %d columns wide: %q", i+1, textWidth(line), line)
				}
				if line != "" && line[0] != ' ' && strings.Contains(line, ": ") {
					headings[line]++
				}
			}
			for h, n := range headings {
				if n > 1 {
					t.Errorf("the heading %q is printed %d times:\n%s", h, n, r.stdout)
				}
			}
		})
	}

	// The JSON says the same.
	got := diffJSON(t, "-crosswalk", cw, "astd-2004", v2, dana)
	var links []diff.Link
	notes := map[string]string{}
	for _, c := range got.List {
		if c.ID == "data-literacy" {
			links = c.Links
		}
		if c.Note != "" {
			notes[c.ID] = c.Note
		}
	}
	wantLinks := []diff.Link{
		{ID: "applying-business-acumen", Relation: competency.Related, Carry: crosswalk.CarryCapped, Cap: 2},
		{ID: "driving-results", Relation: competency.Related, Carry: crosswalk.CarryNone},
	}
	if d := gocmp.Diff(wantLinks, links); d != "" {
		t.Errorf("links (-want +got):\n%s", d)
	}
	wantNotes := map[string]string{"ethics": "Nothing in 2004 was rated on it.",
		"managing-organizational-knowledge": "Knowledge work moved to another team."}
	if d := gocmp.Diff(wantNotes, notes); d != "" {
		t.Errorf("notes (-want +got):\n%s", d)
	}
	// Each person is listed once with the ratings that count for nothing
	// in B, whether or not the frameworks share a target.
	wantPeople := []diff.Person{{Profile: "dana", Uncarried: []competency.ID{aoe.ManagingKnowledge}}}
	for _, b := range []string{v2, noTargets} {
		got = diffJSON(t, "astd-2004", b, dana)
		if d := gocmp.Diff(wantPeople, got.Fits.People); d != "" {
			t.Errorf("astd-2004 to %s: people (-want +got):\n%s", filepath.Base(b), d)
		}
	}
	if len(got.Fits.Changes) != 0 || len(got.Fits.Unscored) != 5 {
		t.Errorf("no target in both: %d changes, %d unscored; want 0 and 5", len(got.Fits.Changes), len(got.Fits.Unscored))
	}
	// The 2020 model has no roles: what the crosswalk carries nowhere is
	// still reported, as the library reports it.
	a, b := embedded(t, "astd-2004"), embedded(t, "atd-2020")
	xw, _ := crosswalk.Between(a.ID(), b.ID())
	wantFits, err := diff.Fits(a, b, []profile.Profile{combined(t, dana, "")}, &diff.Options{Crosswalk: xw})
	if err != nil {
		t.Fatal(err)
	}
	got = diffJSON(t, "astd-2004", "atd-2020", dana)
	if d := gocmp.Diff(wantFits, got.Fits); d != "" {
		t.Errorf("astd-2004 to atd-2020 (-library +command):\n%s", d)
	}
	if len(got.Fits.People) != 1 || got.Fits.People[0].Profile != "dana" {
		t.Errorf("astd-2004 to atd-2020: people %+v, want dana", got.Fits.People)
	}
}
