package wlp_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// defaultJSON returns the default framework's JSON encoding.
func defaultJSON(t testing.TB) []byte {
	t.Helper()
	b, err := json.Marshal(wlp.Default())
	if err != nil {
		t.Fatalf("json.Marshal(Default()): %v", err)
	}
	return b
}

// mustNew builds a framework from s or fails the test.
func mustNew(t testing.TB, s wlp.Spec) *wlp.Framework {
	t.Helper()
	f, err := wlp.New(s)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return f
}

func TestDefaultIsSamePointer(t *testing.T) {
	a, b := wlp.Default(), wlp.Default()
	if a == nil || a != b {
		t.Fatalf("Default() = %p, then %p; want the same non-nil pointer", a, b)
	}
}

func TestDefaultMetadata(t *testing.T) {
	f := wlp.Default()
	got := []string{f.ID(), f.Name(), f.Version()}
	want := []string{"astd-2004", "ASTD Workplace Learning and Performance Competency Model", "2004"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ID, Name, Version (-want +got):\n%s", diff)
	}
	if wlp.DefaultID != "astd-2004" {
		t.Errorf("DefaultID = %q, want astd-2004", wlp.DefaultID)
	}
	if d := f.Spec().Description; !strings.Contains(d, "Learning technologies") {
		t.Errorf("the description does not record that learning technologies are embedded in every area: %q", d)
	}
}

// brief is the part of a competency that MODEL.md fixes.
type brief struct {
	ID      competency.ID
	Name    string
	Cluster competency.Cluster
}

func TestDefaultCompetencies(t *testing.T) {
	want := []brief{
		{"building-trust", "Building trust", "interpersonal"},
		{"communicating-effectively", "Communicating effectively", "interpersonal"},
		{"influencing-stakeholders", "Influencing stakeholders", "interpersonal"},
		{"leveraging-diversity", "Leveraging diversity", "interpersonal"},
		{"networking-and-partnering", "Networking and partnering", "interpersonal"},
		{"analyzing-needs-and-proposing-solutions", "Analyzing needs and proposing solutions", "business-management"},
		{"applying-business-acumen", "Applying business acumen", "business-management"},
		{"driving-results", "Driving results", "business-management"},
		{"planning-and-implementing-assignments", "Planning and implementing assignments", "business-management"},
		{"thinking-strategically", "Thinking strategically", "business-management"},
		{"demonstrating-adaptability", "Demonstrating adaptability", "personal"},
		{"modeling-personal-development", "Modeling personal development", "personal"},
	}
	var got []brief
	for _, c := range wlp.Default().Competencies() {
		got = append(got, brief{c.ID, c.Name, c.Cluster})
		if c.Summary == "" || len(c.Behaviors) == 0 {
			t.Errorf("competency %q has no summary or no behaviors", c.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Competencies() (-want +got):\n%s", diff)
	}
}

func TestDefaultClusters(t *testing.T) {
	type info struct {
		ID   competency.Cluster
		Name string
	}
	want := []info{
		{"interpersonal", "Interpersonal"},
		{"business-management", "Business/Management"},
		{"personal", "Personal"},
	}
	var got []info
	for _, c := range wlp.Default().Clusters() {
		got = append(got, info{c.ID, c.Name})
		if c.Summary == "" {
			t.Errorf("cluster %q has no summary", c.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Clusters() (-want +got):\n%s", diff)
	}
}

func TestDefaultAreas(t *testing.T) {
	type info struct {
		ID   competency.ID
		Name string
	}
	want := []info{
		{"career-planning-and-talent-management", "Career planning and talent management"},
		{"coaching", "Coaching"},
		{"delivering-training", "Delivering training"},
		{"designing-learning", "Designing learning"},
		{"facilitating-organizational-change", "Facilitating organizational change"},
		{"improving-human-performance", "Improving human performance"},
		{"managing-organizational-knowledge", "Managing organizational knowledge"},
		{"managing-the-learning-function", "Managing the learning function"},
		{"measuring-and-evaluating", "Measuring and evaluating"},
	}
	var got []info
	for _, a := range wlp.Default().Areas() {
		got = append(got, info{a.ID, a.Name})
		if a.Summary == "" || len(a.Behaviors) == 0 || a.Technologies == "" {
			t.Errorf("area %q lacks a summary, behaviors or a technologies note", a.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Areas() (-want +got):\n%s", diff)
	}
}

func TestDefaultRoles(t *testing.T) {
	type info struct {
		ID   role.ID
		Name string
	}
	want := []info{
		{"learning-strategist", "Learning strategist"},
		{"business-partner", "Business partner"},
		{"project-manager", "Project manager"},
		{"professional-specialist", "Professional specialist"},
	}
	var got []info
	for _, r := range wlp.Default().Roles() {
		got = append(got, info{r.ID, r.Name})
		if r.Summary == "" {
			t.Errorf("role %q has no summary", r.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Roles() (-want +got):\n%s", diff)
	}
}

// single is one row of a requirement table: one ID at a level, weighted.
func single(id competency.ID, l competency.Level, w float64) role.Requirement {
	return role.Requirement{Of: []competency.ID{id}, Level: l, Weight: w}
}

var (
	allAreas = []competency.ID{
		"career-planning-and-talent-management", "coaching", "delivering-training",
		"designing-learning", "facilitating-organizational-change", "improving-human-performance",
		"managing-organizational-knowledge", "managing-the-learning-function", "measuring-and-evaluating",
	}
	allCompetencies = []competency.ID{
		"building-trust", "communicating-effectively", "influencing-stakeholders",
		"leveraging-diversity", "networking-and-partnering", "analyzing-needs-and-proposing-solutions",
		"applying-business-acumen", "driving-results", "planning-and-implementing-assignments",
		"thinking-strategically", "demonstrating-adaptability", "modeling-personal-development",
	}
)

// modelRequirements is MODEL.md's table of default requirements, written
// out as data.
var modelRequirements = []struct {
	Role         role.ID
	Requirements []role.Requirement
}{
	{"learning-strategist", []role.Requirement{
		single("thinking-strategically", 4, 3),
		single("applying-business-acumen", 4, 3),
		single("managing-the-learning-function", 4, 3),
		single("influencing-stakeholders", 3, 2),
		single("driving-results", 3, 2),
		single("analyzing-needs-and-proposing-solutions", 3, 2),
		single("measuring-and-evaluating", 3, 2),
		single("facilitating-organizational-change", 3, 2),
		single("managing-organizational-knowledge", 2, 1),
		single("career-planning-and-talent-management", 2, 1),
	}},
	{"business-partner", []role.Requirement{
		single("applying-business-acumen", 4, 3),
		single("analyzing-needs-and-proposing-solutions", 4, 3),
		single("building-trust", 4, 3),
		single("influencing-stakeholders", 4, 3),
		single("improving-human-performance", 4, 3),
		single("communicating-effectively", 3, 2),
		single("networking-and-partnering", 3, 2),
		single("measuring-and-evaluating", 3, 2),
		single("facilitating-organizational-change", 2, 1),
	}},
	{"project-manager", []role.Requirement{
		single("planning-and-implementing-assignments", 4, 3),
		single("driving-results", 4, 3),
		single("communicating-effectively", 3, 2),
		single("managing-the-learning-function", 3, 2),
		single("influencing-stakeholders", 3, 1),
		single("building-trust", 3, 1),
		single("demonstrating-adaptability", 3, 1),
		single("delivering-training", 2, 1),
	}},
	{"professional-specialist", []role.Requirement{
		{Of: allAreas, AtLeast: 1, Level: 5, Weight: 4},
		single("modeling-personal-development", 4, 2),
		single("demonstrating-adaptability", 3, 1),
		single("communicating-effectively", 3, 1),
	}},
}

var ignoreWhy = cmp.Options{
	cmpopts.IgnoreFields(role.Requirement{}, "Why"),
	cmpopts.IgnoreFields(role.Share{}, "Why"),
}

func TestDefaultRequirementsMatchModel(t *testing.T) {
	f := wlp.Default()
	var got []role.ID
	for _, r := range f.Roles() {
		got = append(got, r.ID)
	}
	var want []role.ID
	for _, m := range modelRequirements {
		want = append(want, m.Role)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("role order (-want +got):\n%s", diff)
	}
	for _, m := range modelRequirements {
		r, ok := f.Role(m.Role)
		if !ok {
			t.Errorf("Role(%q) not found", m.Role)
			continue
		}
		if diff := cmp.Diff(m.Requirements, r.Requirements, ignoreWhy); diff != "" {
			t.Errorf("requirements of %s (-want +got):\n%s", m.Role, diff)
		}
	}
}

func TestDefaultCLO(t *testing.T) {
	want := role.Job{
		ID:    "chief-learning-officer",
		Title: "Chief learning officer",
		Roles: []role.Share{
			{Role: "learning-strategist", Weight: 3},
			{Role: "business-partner", Weight: 3},
			{Role: "project-manager", Weight: 1},
			{Role: "professional-specialist", Weight: 1},
		},
		Requirements: []role.Requirement{
			single("thinking-strategically", 5, 2),
			single("applying-business-acumen", 5, 2),
			{Of: allAreas, AtLeast: 7, Level: 2, Weight: 2},
			{Of: allCompetencies, AtLeast: 10, Level: 4, Weight: 2},
		},
	}
	f := wlp.Default()
	jobs := f.Jobs()
	if len(jobs) != 1 {
		t.Fatalf("Jobs() has %d jobs, want 1 (the CLO)", len(jobs))
	}
	got, ok := f.Job(role.CLO)
	if !ok {
		t.Fatalf("Job(%q) not found", role.CLO)
	}
	opts := append(ignoreWhy, cmpopts.IgnoreFields(role.Job{}, "Summary"))
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("Job(CLO) (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(jobs[0], got); diff != "" {
		t.Errorf("Jobs()[0] differs from Job(CLO) (-Jobs +Job):\n%s", diff)
	}
	if got.Summary == "" {
		t.Error("the CLO has no summary")
	}
}

func TestEveryPartHasWhy(t *testing.T) {
	f := wlp.Default()
	for _, r := range f.Roles() {
		for i, req := range r.Requirements {
			if strings.TrimSpace(req.Why) == "" {
				t.Errorf("role %s requirement %d (%v) has no why", r.ID, i, req.Of)
			}
		}
	}
	for _, j := range f.Jobs() {
		for i, req := range j.Requirements {
			if strings.TrimSpace(req.Why) == "" {
				t.Errorf("job %s requirement %d (%v) has no why", j.ID, i, req.Of)
			}
		}
		for i, sh := range j.Roles {
			if strings.TrimSpace(sh.Why) == "" {
				t.Errorf("job %s share %d (%s) has no why", j.ID, i, sh.Role)
			}
		}
	}
}

func TestDefaultIDsAndIndex(t *testing.T) {
	f := wlp.Default()
	want := append(append([]competency.ID(nil), allCompetencies...), allAreas...)
	if diff := cmp.Diff(want, f.IDs()); diff != "" {
		t.Errorf("IDs() (-want +got):\n%s", diff)
	}
	for i, id := range want {
		if got := f.Index(id); got != i {
			t.Errorf("Index(%q) = %d, want %d", id, got, i)
		}
	}
	if diff := cmp.Diff(competency.DefaultScale(), f.Scale()); diff != "" {
		t.Errorf("Scale() (-want +got):\n%s", diff)
	}
}

func TestLookups(t *testing.T) {
	f := wlp.Default()
	type result struct {
		Name string
		OK   bool
	}
	tests := []struct {
		name string
		got  func() result
		want result
	}{
		{"Role/known", func() result { r, ok := f.Role("business-partner"); return result{r.Name, ok} }, result{"Business partner", true}},
		{"Role/job", func() result { r, ok := f.Role(role.CLO); return result{r.Name, ok} }, result{"", false}},
		{"Role/unknown", func() result { r, ok := f.Role("juggler"); return result{r.Name, ok} }, result{"", false}},
		{"Role/empty", func() result { r, ok := f.Role(""); return result{r.Name, ok} }, result{"", false}},
		{"Role/case", func() result { r, ok := f.Role("Business-Partner"); return result{r.Name, ok} }, result{"", false}},
		{"Job/known", func() result { j, ok := f.Job("chief-learning-officer"); return result{j.Title, ok} }, result{"Chief learning officer", true}},
		{"Job/role", func() result { j, ok := f.Job(role.LearningStrategist); return result{j.Title, ok} }, result{"", false}},
		{"Job/unknown", func() result { j, ok := f.Job("ceo"); return result{j.Title, ok} }, result{"", false}},
		{"Competency/known", func() result { c, ok := f.Competency("driving-results"); return result{c.Name, ok} }, result{"Driving results", true}},
		{"Competency/last", func() result {
			c, ok := f.Competency(competency.ModelingPersonalDevelopment)
			return result{c.Name, ok}
		}, result{"Modeling personal development", true}},
		{"Competency/area", func() result { c, ok := f.Competency(aoe.Coaching); return result{c.Name, ok} }, result{"", false}},
		{"Competency/unknown", func() result { c, ok := f.Competency("juggling"); return result{c.Name, ok} }, result{"", false}},
		{"Area/known", func() result { a, ok := f.Area("coaching"); return result{a.Name, ok} }, result{"Coaching", true}},
		{"Area/first", func() result { a, ok := f.Area(aoe.CareerPlanning); return result{a.Name, ok} }, result{"Career planning and talent management", true}},
		{"Area/last", func() result { a, ok := f.Area(aoe.MeasuringAndEvaluating); return result{a.Name, ok} }, result{"Measuring and evaluating", true}},
		{"Area/competency", func() result { a, ok := f.Area(competency.BuildingTrust); return result{a.Name, ok} }, result{"", false}},
		{"Area/unknown", func() result { a, ok := f.Area("juggling"); return result{a.Name, ok} }, result{"", false}},
		{"NameOf/competency", func() result { n, ok := f.NameOf("thinking-strategically"); return result{n, ok} }, result{"Thinking strategically", true}},
		{"NameOf/area", func() result { n, ok := f.NameOf("designing-learning"); return result{n, ok} }, result{"Designing learning", true}},
		{"NameOf/unknown", func() result { n, ok := f.NameOf("juggling"); return result{n, ok} }, result{"", false}},
		{"NameOf/role", func() result { n, ok := f.NameOf("learning-strategist"); return result{n, ok} }, result{"", false}},
		{"Cluster/known", func() result { c, ok := f.Cluster("business-management"); return result{c.Name, ok} }, result{"Business/Management", true}},
		{"Cluster/unknown", func() result { c, ok := f.Cluster("technical"); return result{c.Name, ok} }, result{"", false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.got()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, id := range []competency.ID{"juggling", "", "learning-strategist", "Building-Trust"} {
		if got := f.Index(id); got != -1 {
			t.Errorf("Index(%q) = %d, want -1", id, got)
		}
	}
}

func TestZeroFrameworkIsEmpty(t *testing.T) {
	var f wlp.Framework
	if n := len(f.Competencies()) + len(f.Areas()) + len(f.Roles()) + len(f.Jobs()) + len(f.IDs()) + len(f.Clusters()); n != 0 {
		t.Errorf("the zero Framework has %d elements, want 0", n)
	}
	if _, ok := f.Role(role.LearningStrategist); ok {
		t.Error("the zero Framework has a role")
	}
	if _, ok := f.Competency(competency.BuildingTrust); ok {
		t.Error("the zero Framework has a competency")
	}
	if i := f.Index(competency.BuildingTrust); i != -1 {
		t.Errorf("zero Framework: Index = %d, want -1", i)
	}
	b, err := f.MarshalJSON()
	if err != nil || string(b) != "{}" {
		t.Errorf("zero Framework: MarshalJSON = %s, %v; want {}, nil", b, err)
	}
}

func TestRoundTrip(t *testing.T) {
	f := wlp.Default()
	b1 := defaultJSON(t)
	b2, err := f.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1, b2) {
		t.Errorf("json.Marshal and MarshalJSON differ:\n%s\n%s", b1, b2)
	}
	if b3 := defaultJSON(t); !bytes.Equal(b1, b3) {
		t.Error("marshalling twice gives different bytes")
	}
	g, err := wlp.Load(bytes.NewReader(b1))
	if err != nil {
		t.Fatalf("Load(Default JSON): %v", err)
	}
	if diff := cmp.Diff(f.Spec(), g.Spec()); diff != "" {
		t.Errorf("Spec after the round trip (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wlp.DefaultSpec(), g.Spec()); diff != "" {
		t.Errorf("loaded Spec vs DefaultSpec (-want +got):\n%s", diff)
	}
	b4, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1, b4) {
		t.Errorf("the reloaded framework encodes differently:\n%s\n%s", b1, b4)
	}
	// The JSON field names are fixed by DESIGN.md.
	for _, key := range []string{`"id":"astd-2004"`, `"competencies":[`, `"cluster":"interpersonal"`, `"areas":[`, `"roles":[`, `"requirements":[`, `"of":[`, `"atLeast":1`, `"level":5`, `"weight":4`, `"why":"`, `"jobs":[`, `"title":"Chief learning officer"`, `"role":"learning-strategist"`} {
		if !bytes.Contains(b1, []byte(key)) {
			t.Errorf("the default JSON lacks %s", key)
		}
	}
}

func TestNewFromSpecs(t *testing.T) {
	for _, tt := range []struct {
		name string
		spec wlp.Spec
	}{
		{"DefaultSpec", wlp.DefaultSpec()},
		{"Default().Spec", wlp.Default().Spec()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := mustNew(t, tt.spec)
			if f == wlp.Default() {
				t.Error("New returned the default framework's pointer")
			}
			if diff := cmp.Diff(wlp.Default().Spec(), f.Spec()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	f := mustNew(t, wlp.Spec{})
	if b, _ := f.MarshalJSON(); string(b) != "{}" {
		t.Errorf("New(Spec{}).MarshalJSON() = %s, want {}", b)
	}
}

func TestNewCustomCluster(t *testing.T) {
	s := wlp.Spec{
		Clusters: []competency.ClusterInfo{{ID: "technical", Name: "Technical"}},
		Competencies: []competency.Competency{
			{ID: "scripting", Name: "Scripting", Cluster: "technical"},
			{ID: "patience", Name: "Patience", Cluster: competency.Personal},
		},
	}
	f := mustNew(t, s)
	want := []competency.ClusterInfo{
		{ID: "technical", Name: "Technical"},
		competency.Clusters()[2], // personal, used but not declared
	}
	if diff := cmp.Diff(want, f.Clusters()); diff != "" {
		t.Errorf("Clusters() (-want +got):\n%s", diff)
	}
	if c, ok := f.Cluster("technical"); !ok || c.Name != "Technical" {
		t.Errorf("Cluster(technical) = %v, %v", c, ok)
	}
}

// snapshot gathers everything a framework's getters return.
type snapshot struct {
	Spec         wlp.Spec
	JSON         string
	Competencies []competency.Competency
	Areas        []aoe.Area
	Roles        []role.Role
	Jobs         []role.Job
	IDs          []competency.ID
	Clusters     []competency.ClusterInfo
	Scale        competency.Scale
	Role         []role.Role
	Job          []role.Job
	Competency   []competency.Competency
	Area         []aoe.Area
	Index        []int
}

func snap(t testing.TB, f *wlp.Framework) snapshot {
	t.Helper()
	b, err := f.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	s := snapshot{
		Spec: f.Spec(), JSON: string(b), Competencies: f.Competencies(), Areas: f.Areas(),
		Roles: f.Roles(), Jobs: f.Jobs(), IDs: f.IDs(), Clusters: f.Clusters(), Scale: f.Scale(),
	}
	for _, r := range f.Roles() {
		x, _ := f.Role(r.ID)
		s.Role = append(s.Role, x)
	}
	for _, j := range f.Jobs() {
		x, _ := f.Job(j.ID)
		s.Job = append(s.Job, x)
	}
	for _, id := range f.IDs() {
		c, _ := f.Competency(id)
		a, _ := f.Area(id)
		s.Competency = append(s.Competency, c)
		s.Area = append(s.Area, a)
		s.Index = append(s.Index, f.Index(id))
	}
	return s
}

func TestGettersReturnCopies(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(f *wlp.Framework)
	}{
		{"Spec", func(f *wlp.Framework) {
			s := f.Spec()
			s.Name = "changed"
			s.Clusters[0].Name = "changed"
			s.Competencies[0].Name = "changed"
			s.Competencies[0].Behaviors[0] = "changed"
			s.Areas[1].Behaviors[0] = "changed"
			s.Roles[0].Requirements[0].Of[0] = "changed"
			s.Roles[0].Requirements[1].Level = 1
			s.Roles[1].Requirements = nil
			s.Jobs[0].Roles[0].Weight = 99
			s.Jobs[0].Requirements[2].Of[0] = "changed"
		}},
		{"Spec/append", func(f *wlp.Framework) {
			s := f.Spec()
			s.Roles[0].Requirements = append(s.Roles[0].Requirements[:1], role.Requirement{Of: []competency.ID{"x"}})
			s.Competencies[0].Behaviors = append(s.Competencies[0].Behaviors[:1], "appended")
		}},
		{"Competencies", func(f *wlp.Framework) {
			cs := f.Competencies()
			cs[0].Name = "changed"
			cs[0].Behaviors[0] = "changed"
			cs[11].Cluster = "changed"
		}},
		{"Areas", func(f *wlp.Framework) {
			as := f.Areas()
			as[0].Name = "changed"
			as[0].Behaviors[0] = "changed"
		}},
		{"Roles", func(f *wlp.Framework) {
			rs := f.Roles()
			rs[0].Requirements[0].Of[0] = "changed"
			rs[3].Requirements[0].Of[8] = "changed"
			rs[1].Requirements[0].Weight = -1
		}},
		{"Jobs", func(f *wlp.Framework) {
			js := f.Jobs()
			js[0].Roles[0].Role = "changed"
			js[0].Requirements[3].Of[0] = "changed"
		}},
		{"Role", func(f *wlp.Framework) {
			r, _ := f.Role(role.ProfessionalSpecialist)
			r.Requirements[0].Of[0] = "changed"
			r.Requirements[0].AtLeast = 9
		}},
		{"Job", func(f *wlp.Framework) {
			j, _ := f.Job(role.CLO)
			j.Roles[1].Weight = 0
			j.Requirements[2].Of[1] = "changed"
		}},
		{"IDs", func(f *wlp.Framework) {
			ids := f.IDs()
			ids[0] = "changed"
			ids[20] = "changed"
		}},
		{"Clusters", func(f *wlp.Framework) { f.Clusters()[0].Name = "changed" }},
		{"Competency", func(f *wlp.Framework) {
			c, _ := f.Competency(competency.BuildingTrust)
			c.Behaviors[0] = "changed"
		}},
		{"Area", func(f *wlp.Framework) {
			a, _ := f.Area(aoe.Coaching)
			a.Behaviors[0] = "changed"
		}},
		{"Scale", func(f *wlp.Framework) { f.Scale().Levels[0].Name = "changed" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustNew(t, wlp.DefaultSpec())
			before := snap(t, f)
			tt.mutate(f)
			if diff := cmp.Diff(before, snap(t, f)); diff != "" {
				t.Errorf("changing a getter's result changed the framework (-before +after):\n%s", diff)
			}
			if diff := cmp.Diff(wlp.DefaultSpec(), f.Spec()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewCopiesInput(t *testing.T) {
	s := wlp.DefaultSpec()
	f := mustNew(t, s)
	if diff := cmp.Diff(wlp.DefaultSpec(), s); diff != "" {
		t.Errorf("New changed its input (-want +got):\n%s", diff)
	}
	before := snap(t, f)
	s.Name = "changed"
	s.Clusters[0].Name = "changed"
	s.Competencies[0].Behaviors[0] = "changed"
	s.Competencies[1].ID = "changed"
	s.Areas[0].Behaviors[0] = "changed"
	s.Roles[0].Requirements[0].Of[0] = "changed"
	s.Roles[2].Requirements[0].Weight = -5
	s.Jobs[0].Roles[0].Role = "changed"
	s.Jobs[0].Requirements[3].Of[0] = "changed"
	s.Roles = s.Roles[:1]
	if diff := cmp.Diff(before, snap(t, f)); diff != "" {
		t.Errorf("changing the Spec after New changed the framework (-before +after):\n%s", diff)
	}
	if _, ok := f.Competency(competency.CommunicatingEffectively); !ok {
		t.Error("the index follows the caller's Spec")
	}
}

func TestDefaultSpecIsFresh(t *testing.T) {
	s := wlp.DefaultSpec()
	s.Roles[0].Requirements[0].Of[0] = "changed"
	s.Competencies[0].Behaviors[0] = "changed"
	s.Clusters[0].Name = "changed"
	if diff := cmp.Diff(wlp.Default().Spec(), wlp.DefaultSpec()); diff != "" {
		t.Errorf("changing one DefaultSpec changed the next (-want +got):\n%s", diff)
	}
}

func TestConcurrentUse(t *testing.T) {
	want := snap(t, wlp.Default())
	doc := defaultJSON(t)
	const n = 16
	var wg sync.WaitGroup
	ptrs := make([]*wlp.Framework, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := wlp.Default()
			ptrs[i] = f
			for range 2 {
				got := snap(t, f)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("goroutine %d: Default() changed (-want +got):\n%s", i, diff)
					return
				}
				// Change what the getters return, as a careless caller would.
				got.Roles[0].Requirements[0].Of[0] = "changed"
				got.IDs[0] = "changed"
				got.Competencies[0].Behaviors[0] = "changed"
				got.Spec.Jobs[0].Roles[0].Weight = -1
				g, err := wlp.Load(bytes.NewReader(doc))
				if err != nil {
					t.Errorf("goroutine %d: Load: %v", i, err)
					return
				}
				if diff := cmp.Diff(want.Spec, g.Spec()); diff != "" {
					t.Errorf("goroutine %d: Load (-want +got):\n%s", i, diff)
					return
				}
				if _, err := wlp.New(f.Spec()); err != nil {
					t.Errorf("goroutine %d: New: %v", i, err)
					return
				}
				if _, ok := f.Role(role.BusinessPartner); !ok {
					t.Errorf("goroutine %d: Role(business-partner) not found", i)
				}
			}
		}()
	}
	wg.Wait()
	for i, p := range ptrs {
		if p != ptrs[0] {
			t.Errorf("goroutine %d got Default() = %p, goroutine 0 got %p", i, p, ptrs[0])
		}
	}
	if diff := cmp.Diff(want, snap(t, wlp.Default())); diff != "" {
		t.Errorf("the default framework changed (-want +got):\n%s", diff)
	}
}

func TestLabel(t *testing.T) {
	f := wlp.Default()
	tests := []struct {
		name    string
		of      []competency.ID
		atLeast int
		want    string
	}{
		{"one competency", []competency.ID{competency.BuildingTrust}, 0, "Building trust"},
		{"one area", []competency.ID{aoe.Coaching}, 1, "Coaching"},
		{"unknown ID", []competency.ID{"juggling"}, 0, "juggling"},
		{"some areas", aoe.IDs(), 7, "any 7 of 9 areas of expertise"},
		{"some competencies", competency.IDs(), 10, "any 10 of 12 foundational competencies"},
		{"all of a mix", []competency.ID{aoe.Coaching, competency.BuildingTrust}, 0, "all 2 listed competencies and areas"},
		{"atLeast equal to all", []competency.ID{aoe.Coaching, aoe.DesigningLearning}, 2, "all 2 areas of expertise"},
		{"unknown in a group", []competency.ID{aoe.Coaching, "juggling"}, 1, "any 1 of 2 listed competencies and areas"},
	}
	var got, want []string
	for _, tt := range tests {
		got = append(got, tt.name+": "+f.Label(tt.of, tt.atLeast))
		want = append(want, tt.name+": "+tt.want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Label (-want +got):\n%s", diff)
	}
}

// TestClustersOrder checks Clusters against its definition: the declared
// clusters in order, then the model's clusters that competencies use but
// the spec does not declare, in the order of first use.
func TestClustersOrder(t *testing.T) {
	model := map[competency.Cluster]competency.ClusterInfo{}
	for _, c := range competency.Clusters() {
		model[c.ID] = c
	}
	for _, tt := range []struct {
		name string
		spec wlp.Spec
	}{
		{"default", wlp.DefaultSpec()},
		{"custom", fsCustomSpec()},
		{"none declared", func() wlp.Spec {
			s := wlp.DefaultSpec()
			s.Clusters = nil
			// Personal first, so that first use differs from model order.
			for i, c := range s.Competencies {
				if c.Cluster == competency.Personal {
					s.Competencies[0], s.Competencies[i] = s.Competencies[i], s.Competencies[0]
					break
				}
			}
			return s
		}()},
		{"empty", wlp.Spec{}},
		{"generated", growthSpec(200)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var want []competency.ClusterInfo
			seen := map[competency.Cluster]bool{}
			for _, c := range tt.spec.Clusters {
				want = append(want, c)
				seen[c.ID] = true
			}
			for _, c := range tt.spec.Competencies {
				if !seen[c.Cluster] {
					want = append(want, model[c.Cluster])
					seen[c.Cluster] = true
				}
			}
			f := mustNew(t, tt.spec)
			got := f.Clusters()
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Clusters() (-want +got):\n%s", diff)
			}
			if len(got) > 0 {
				got[0].Name = "changed"
				if f.Clusters()[0].Name == "changed" {
					t.Error("changing what Clusters returned changed the framework")
				}
			}
		})
	}
}

// stressGoroutines is how many goroutines work at once, and
// stressIterations how many tasks each runs.
const (
	stressGoroutines = 32
	stressIterations = 24
)

// stressPeople returns n profiles of f's IDs at random levels, with IDs
// "s0000"...; one in ten repeats the ID of the one before it, so ties
// by ID are exercised.
func stressPeople(rng *rand.Rand, f *wlp.Framework, n int) []profile.Profile {
	ids := f.IDs()
	ps := make([]profile.Profile, n)
	for i := range ps {
		p := profile.Profile{ID: fmt.Sprintf("s%04d", i-i%10/8), Ratings: map[competency.ID]profile.Rating{}}
		for _, id := range ids {
			if rng.IntN(3) > 0 {
				p.Ratings[id] = profile.Rating{Level: competency.Level(rng.IntN(6)), Source: profile.Peer}
			}
		}
		ps[i] = p
	}
	return ps
}

// stressDocs returns documents of one kind: the examples' files whose
// name matches pattern and the bad-input catalogue's files of the kind.
func stressDocs(t *testing.T, patterns ...string) [][]byte {
	t.Helper()
	var out [][]byte
	for _, pat := range patterns {
		files, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no documents match %q", patterns)
	}
	return out
}

// stressLoaded is what loading one document gives: a Spec or a Profile,
// or the error's text.
type stressLoaded struct {
	Spec    *wlp.Spec
	Profile *profile.Profile
	Err     string
}

func stressLoadFramework(b []byte) stressLoaded {
	f, err := wlp.Load(bytes.NewReader(b))
	if err != nil {
		return stressLoaded{Err: err.Error()}
	}
	s := f.Spec()
	return stressLoaded{Spec: &s}
}

func stressLoadProfile(b []byte) stressLoaded {
	p, err := profile.Load(bytes.NewReader(b))
	if err != nil {
		return stressLoaded{Err: err.Error()}
	}
	return stressLoaded{Profile: &p}
}

// stressExpect holds the sequential answers.
type stressExpect struct {
	score map[string]match.Result // "profile index/target"
	best  [][]match.Result
	rank  map[string][]match.Ranked // "target/k"
	big   []match.Ranked
	fws   []stressLoaded
	profs []stressLoaded
}

// TestStressConcurrentUse scores, ranks, lists best roles and loads
// frameworks and profiles from 32 goroutines at once, sharing one
// Matcher (and building more on the shared Framework), and checks every
// answer against the one computed sequentially first. Run it with -race.
func TestStressConcurrentUse(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	rng := rand.New(rand.NewPCG(32, 2004))
	ps := stressPeople(rng, f, 40)
	bigPs := stressPeople(rng, f, 4200) // enough for Rank to share its work out
	var targets []role.ID
	for _, r := range f.Roles() {
		targets = append(targets, r.ID)
	}
	for _, j := range f.Jobs() {
		targets = append(targets, j.ID)
	}
	fwDocs := stressDocs(t, "examples/frameworks/*.json", "examples/data/*.framework.json", "testdata/bad/framework-*.json")
	defJSON, err := f.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	fwDocs = append(fwDocs, defJSON)
	profDocs := stressDocs(t, "testdata/bad/profile-*.json")
	people, err := filepath.Glob("examples/data/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range people {
		if !strings.HasSuffix(name, ".framework.json") {
			profDocs = append(profDocs, stressDocs(t, name)...)
		}
	}

	// The sequential answers.
	want := stressExpect{score: map[string]match.Result{}, rank: map[string][]match.Ranked{}}
	for i, p := range ps {
		for _, target := range targets {
			r, err := m.Score(p, target)
			if err != nil {
				t.Fatal(err)
			}
			want.score[fmt.Sprintf("%d/%s", i, target)] = r
		}
		want.best = append(want.best, m.BestRoles(p))
	}
	for _, target := range targets {
		for _, k := range []int{0, 1, 7} {
			r, err := m.Rank(ps, target, k)
			if err != nil {
				t.Fatal(err)
			}
			want.rank[fmt.Sprintf("%s/%d", target, k)] = r
		}
	}
	if want.big, err = m.Rank(bigPs, role.CLO, 5); err != nil {
		t.Fatal(err)
	}
	for _, b := range fwDocs {
		want.fws = append(want.fws, stressLoadFramework(b))
	}
	for _, b := range profDocs {
		want.profs = append(want.profs, stressLoadProfile(b))
	}
	loadedOK := 0
	for _, l := range slices.Concat(want.fws, want.profs) {
		if l.Err == "" {
			loadedOK++
		}
	}
	if loadedOK < 2 || loadedOK == len(want.fws)+len(want.profs) {
		t.Fatalf("%d of %d documents load: the test needs both good and bad ones", loadedOK, len(want.fws)+len(want.profs))
	}

	// The same work from many goroutines at once.
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		mu    sync.Mutex
		fails []string
		done  int
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(fails) < 10 {
			fails = append(fails, fmt.Sprintf(format, args...))
		}
	}
	for g := range stressGoroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			own := m
			if g%4 == 0 {
				own = match.New(wlp.Default()) // build while others score
			}
			for it := range stressIterations {
				n := g*stressIterations + it
				switch n % 6 {
				case 0, 1:
					i, target := n%len(ps), targets[n%len(targets)]
					got, err := own.Score(ps[i], target)
					if w := want.score[fmt.Sprintf("%d/%s", i, target)]; err != nil || !reflect.DeepEqual(w, got) {
						fail("Score(%d, %s): %v\n%s", i, target, err, cmp.Diff(w, got))
					}
				case 2:
					i := n % len(ps)
					if got := own.BestRoles(ps[i]); !reflect.DeepEqual(want.best[i], got) {
						fail("BestRoles(%d):\n%s", i, cmp.Diff(want.best[i], got))
					}
				case 3:
					target, k := targets[n%len(targets)], []int{0, 1, 7}[n%3]
					got, err := own.Rank(ps, target, k)
					if w := want.rank[fmt.Sprintf("%s/%d", target, k)]; err != nil || !reflect.DeepEqual(w, got) {
						fail("Rank(%s, %d): %v\n%s", target, k, err, cmp.Diff(w, got))
					}
				case 4:
					i := n % len(fwDocs)
					if got := stressLoadFramework(fwDocs[i]); !reflect.DeepEqual(want.fws[i], got) {
						fail("wlp.Load(document %d):\n%s", i, cmp.Diff(want.fws[i], got))
					}
				case 5:
					i := n % len(profDocs)
					if got := stressLoadProfile(profDocs[i]); !reflect.DeepEqual(want.profs[i], got) {
						fail("profile.Load(document %d):\n%s", i, cmp.Diff(want.profs[i], got))
					}
				}
				if it == 0 && g%8 == 1 {
					got, err := own.Rank(bigPs, role.CLO, 5)
					if err != nil || !reflect.DeepEqual(want.big, got) {
						fail("Rank of %d profiles: %v\n%s", len(bigPs), err, cmp.Diff(want.big, got))
					}
				}
				if wlp.Default() != f {
					fail("Default() returned another framework")
				}
				mu.Lock()
				done++
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	for _, msg := range fails {
		t.Error(msg)
	}
	if done != stressGoroutines*stressIterations {
		t.Errorf("%d tasks ran, want %d", done, stressGoroutines*stressIterations)
	}
}
