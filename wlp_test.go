package wlp_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
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

func TestFailedLoadChangesNothing(t *testing.T) {
	before := snap(t, wlp.Default())
	if _, err := wlp.Load(strings.NewReader(`{"competencies":[{"id":"building-trust","name":"","cluster":"x"}]}`)); err == nil {
		t.Fatal("Load accepted a bad document")
	}
	if diff := cmp.Diff(before, snap(t, wlp.Default())); diff != "" {
		t.Errorf("a failed load changed the default framework:\n%s", diff)
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

func TestLoadReaders(t *testing.T) {
	doc := defaultJSON(t)
	readers := []struct {
		name string
		r    io.Reader
	}{
		{"bytes", bytes.NewReader(doc)},
		{"one byte at a time", iotest.OneByteReader(bytes.NewReader(doc))},
		{"half", iotest.HalfReader(bytes.NewReader(doc))},
		{"EOF with data", iotest.DataErrReader(bytes.NewReader(doc))},
	}
	for _, tt := range readers {
		t.Run(tt.name, func(t *testing.T) {
			f, err := wlp.Load(tt.r)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if diff := cmp.Diff(wlp.DefaultSpec(), f.Spec()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoaderSizeBound(t *testing.T) {
	const small = `{"id":"tiny"}`
	pad := func(n int) string { return small + strings.Repeat(" ", n-len(small)) }
	tests := []struct {
		name string
		ld   wlp.Loader
		doc  string
		ok   bool
	}{
		{"at limit", wlp.Loader{MaxBytes: 1000}, pad(1000), true},
		{"one over", wlp.Loader{MaxBytes: 1000}, pad(1001), false},
		{"default doc over 1000", wlp.Loader{MaxBytes: 1000}, string(defaultJSON(t)), false},
		{"default at default limit", wlp.Loader{}, pad(wlp.DefaultMaxBytes), true},
		{"default one over", wlp.Loader{}, pad(wlp.DefaultMaxBytes + 1), false},
		{"negative means default", wlp.Loader{MaxBytes: -1}, pad(2000), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.ld.Load(strings.NewReader(tt.doc))
			if tt.ok {
				if err != nil || f == nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			ve := problems(t, err)
			if diff := cmp.Diff([]string{""}, paths(ve)); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			if !strings.Contains(ve.Problems[0].Message, "larger than the limit") {
				t.Errorf("message %q does not mention the limit", ve.Problems[0].Message)
			}
		})
	}
	if wlp.DefaultMaxBytes != 8<<20 || wlp.DefaultMaxDepth != 64 {
		t.Errorf("DefaultMaxBytes, DefaultMaxDepth = %d, %d; want 8 MiB, 64", wlp.DefaultMaxBytes, wlp.DefaultMaxDepth)
	}
}

func TestLoadReadErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	tests := []struct {
		name string
		load func() error
		word string
	}{
		{"nil reader", func() error { _, err := wlp.Load(nil); return err }, "nil reader"},
		{"read error", func() error { _, err := wlp.Load(iotest.ErrReader(boom)); return err }, "disk on fire"},
		{"error after data", func() error {
			_, err := wlp.Load(iotest.TimeoutReader(iotest.OneByteReader(strings.NewReader(`{"id":"x"}`))))
			return err
		}, "timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ve := problems(t, tt.load())
			if diff := cmp.Diff([]string{""}, paths(ve)); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			if !strings.Contains(ve.Error(), tt.word) {
				t.Errorf("error %q lacks %q", ve.Error(), tt.word)
			}
		})
	}
}

// fuzzSeeds are documents FuzzLoad starts from, besides the default one.
var fuzzSeeds = []string{
	``,
	`null`,
	`{}`,
	`[]`,
	`{"id":"a","id":"b"}`,
	`{"bogus":1}`,
	"\xef\xbb\xbf{}",
	`{"competencies":[{"id":"a","name":"A","cluster":"personal","behaviors":[]}]}`,
	`{"competencies":[{"id":"a","name":"A","cluster":"personal"}],"roles":[{"id":"r","name":"R","requirements":[{"of":["a"],"level":3.5,"weight":1}]}]}`,
	`{"competencies":[{"id":"a","name":"A","cluster":"personal"}],"roles":[{"id":"r","name":"R","requirements":[{"of":["a"],"level":3,"weight":1e-300}]}],"jobs":[{"id":"j","title":"J","roles":[{"role":"r","weight":0.5}]}]}`,
	`{"areas":[{"id":"x","name":"X <&> \u2028"}],"jobs":[{"id":"j","title":"J","requirements":[{"of":["x"],"atLeast":1,"level":1,"weight":1}]}]}`,
	`{"roles":[{"id":"r","name":"R","requirements":[{"of":{},"level":"3","weight":-1}]}]}`,
	strings.Repeat("[", 200),
	`{"clusters":[{"id":"new","name":"New"}],"competencies":[{"id":"b","name":"B","cluster":"new"}]}`,
	`{"name":"\ud800"} trailing`,
}

func FuzzLoad(f *testing.F) {
	f.Add(defaultJSON(f))
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := wlp.Load(bytes.NewReader(data))
		if err != nil {
			var ve *wlp.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("Load error %v (%T) is not a *ValidationError with problems", err, err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "wlp: ") {
					t.Fatalf("error line %q does not start with \"wlp: \"", line)
				}
			}
			return
		}
		b1, err := fw.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		fw2, err := wlp.Load(bytes.NewReader(b1))
		if err != nil {
			t.Fatalf("Load(MarshalJSON()) failed: %v\ninput: %q\nencoded: %s", err, data, b1)
		}
		// The JSON form omits empty lists, so an empty list may come back
		// as nil; the two mean the same.
		if diff := cmp.Diff(fw.Spec(), fw2.Spec(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("the round trip changed the Spec (-first +second):\n%s", diff)
		}
		b2, err := fw2.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		if !bytes.Equal(b1, b2) {
			t.Fatalf("the encoding is not stable:\n%s\n%s", b1, b2)
		}
		if _, err := wlp.New(fw.Spec()); err != nil {
			t.Fatalf("New(Spec()) of a loaded framework: %v", err)
		}
	})
}
