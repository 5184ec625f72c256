package role_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

func TestIDs(t *testing.T) {
	got := []role.ID{role.LearningStrategist, role.BusinessPartner, role.ProjectManager, role.ProfessionalSpecialist, role.CLO}
	want := []role.ID{"learning-strategist", "business-partner", "project-manager", "professional-specialist", "chief-learning-officer"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ID constants (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		id   role.ID
		want bool
	}{
		{"learning-strategist", true},
		{"ceo", true},
		{"", false},
		{"Learning-Strategist", false},
		{"learning strategist", false},
		{"learning--strategist", false},
		{"-clo", false},
		{"cl\u043e", false}, // Cyrillic о
		{role.ID(strings.Repeat("x", 65)), false},
	} {
		if got := tt.id.Valid(); got != tt.want {
			t.Errorf("ID(%q).Valid() = %v, want %v", tt.id, got, tt.want)
		}
	}
	if got := []float64{role.Core, role.Important, role.Supporting}; !cmp.Equal(got, []float64{3, 2, 1}) {
		t.Errorf("Core, Important, Supporting = %v, want 3, 2, 1", got)
	}
}

func TestAll(t *testing.T) {
	type brief struct {
		ID   role.ID
		Name string
		N    int
	}
	want := []brief{
		{"learning-strategist", "Learning strategist", 10},
		{"business-partner", "Business partner", 9},
		{"project-manager", "Project manager", 8},
		{"professional-specialist", "Professional specialist", 4},
	}
	var got []brief
	for _, r := range role.All() {
		got = append(got, brief{r.ID, r.Name, len(r.Requirements)})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("All() (-want +got):\n%s", diff)
	}
}

// TestDefaultRequirementsWellFormed checks every requirement of the default
// roles and jobs: known, distinct IDs, a level from 1 to 5, a positive
// weight, AtLeast in range, and a rationale.
func TestDefaultRequirementsWellFormed(t *testing.T) {
	known := map[competency.ID]bool{}
	for _, id := range append(competency.IDs(), aoe.IDs()...) {
		known[id] = true
	}
	check := func(owner role.ID, reqs []role.Requirement) {
		if len(reqs) == 0 {
			t.Errorf("%s has no requirements", owner)
		}
		seen := map[competency.ID]bool{}
		for i, r := range reqs {
			if len(r.Of) == 0 {
				t.Errorf("%s requirement %d: empty Of", owner, i)
			}
			for _, id := range r.Of {
				if !known[id] {
					t.Errorf("%s requirement %d: unknown ID %q", owner, i, id)
				}
				if len(r.Of) == 1 && seen[id] {
					t.Errorf("%s: %q is required twice", owner, id)
				}
				seen[id] = true
			}
			if r.Level < competency.Novice || r.Level > competency.Expert {
				t.Errorf("%s requirement %d: level %d", owner, i, r.Level)
			}
			if r.Weight <= 0 {
				t.Errorf("%s requirement %d: weight %v", owner, i, r.Weight)
			}
			if r.AtLeast < 0 || r.AtLeast > len(r.Of) {
				t.Errorf("%s requirement %d: AtLeast %d of %d", owner, i, r.AtLeast, len(r.Of))
			}
			if strings.TrimSpace(r.Why) == "" {
				t.Errorf("%s requirement %d has no why", owner, i)
			}
		}
	}
	for _, r := range role.All() {
		if r.Summary == "" {
			t.Errorf("%s has no summary", r.ID)
		}
		check(r.ID, r.Requirements)
	}
	for _, j := range role.Jobs() {
		check(j.ID, j.Requirements)
	}
}

func TestJobs(t *testing.T) {
	jobs := role.Jobs()
	if len(jobs) != 1 {
		t.Fatalf("Jobs() has %d jobs, want 1", len(jobs))
	}
	clo := jobs[0]
	want := role.Job{
		ID:    role.CLO,
		Title: "Chief learning officer",
		Roles: []role.Share{
			{Role: role.LearningStrategist, Weight: 3},
			{Role: role.BusinessPartner, Weight: 3},
			{Role: role.ProjectManager, Weight: 1},
			{Role: role.ProfessionalSpecialist, Weight: 1},
		},
		Requirements: []role.Requirement{
			{Of: []competency.ID{competency.ThinkingStrategically}, Level: 5, Weight: 2},
			{Of: []competency.ID{competency.ApplyingBusinessAcumen}, Level: 5, Weight: 2},
			{Of: aoe.IDs(), AtLeast: 7, Level: 2, Weight: 2},
			{Of: competency.IDs(), AtLeast: 10, Level: 4, Weight: 2},
		},
	}
	opts := cmp.Options{
		cmpopts.IgnoreFields(role.Job{}, "Summary"),
		cmpopts.IgnoreFields(role.Share{}, "Why"),
		cmpopts.IgnoreFields(role.Requirement{}, "Why"),
	}
	if diff := cmp.Diff(want, clo, opts); diff != "" {
		t.Errorf("the CLO (-want +got):\n%s", diff)
	}
	for i, sh := range clo.Roles {
		if sh.Why == "" {
			t.Errorf("share %d (%s) has no why", i, sh.Role)
		}
	}
}

func TestAllReturnsFreshCopies(t *testing.T) {
	rs := role.All()
	rs[0].Requirements[0].Of[0] = "changed"
	rs[3].Requirements[0].Of[8] = "changed"
	rs[1].Requirements = nil
	js := role.Jobs()
	js[0].Roles[0].Role = "changed"
	js[0].Requirements[3].Of[0] = "changed"
	if got := role.All()[0].Requirements[0].Of[0]; got != competency.ThinkingStrategically {
		t.Errorf("All()[0].Requirements[0].Of[0] = %q after changing an earlier copy", got)
	}
	if got := role.All()[3].Requirements[0].Of[8]; got != aoe.MeasuringAndEvaluating {
		t.Errorf("All()[3].Requirements[0].Of[8] = %q after changing an earlier copy", got)
	}
	if len(role.All()[1].Requirements) != 9 {
		t.Error("role.All()[1] lost its requirements")
	}
	j := role.Jobs()[0]
	if j.Roles[0].Role != role.LearningStrategist || j.Requirements[3].Of[0] != competency.BuildingTrust {
		t.Error("changing a Jobs() result changed the model")
	}
	// The group requirements must not share the packages' ID slices.
	ids := aoe.IDs()
	ids[0] = "changed"
	if role.All()[3].Requirements[0].Of[0] != aoe.CareerPlanning {
		t.Error("the professional specialist's group shares aoe.IDs()")
	}
}

func TestRequirementK(t *testing.T) {
	tests := []struct {
		r    role.Requirement
		want int
	}{
		{role.Requirement{Of: []competency.ID{"a"}}, 1},
		{role.Requirement{Of: []competency.ID{"a", "b", "c"}}, 3},
		{role.Requirement{Of: []competency.ID{"a", "b", "c"}, AtLeast: 1}, 1},
		{role.Requirement{Of: []competency.ID{"a", "b", "c"}, AtLeast: 3}, 3},
		{role.Requirement{}, 0},
		{role.Requirement{Of: aoe.IDs(), AtLeast: 7}, 7},
	}
	for _, tt := range tests {
		if got := tt.r.K(); got != tt.want {
			t.Errorf("%+v.K() = %d, want %d", tt.r, got, tt.want)
		}
	}
}

func TestClone(t *testing.T) {
	req := role.Requirement{Of: []competency.ID{"a", "b"}, AtLeast: 1, Level: 3, Weight: 2, Why: "w"}
	r := role.Role{ID: "r", Name: "R", Requirements: []role.Requirement{req}}
	j := role.Job{ID: "j", Title: "J", Roles: []role.Share{{Role: "r", Weight: 1}}, Requirements: []role.Requirement{req}}

	rc := req.Clone()
	rolec := r.Clone()
	jc := j.Clone()
	if diff := cmp.Diff([]any{req, r, j}, []any{rc, rolec, jc}); diff != "" {
		t.Fatalf("clones differ (-want +got):\n%s", diff)
	}
	rc.Of[0] = "changed"
	rolec.Requirements[0].Of[0] = "changed"
	rolec.Requirements[0].Weight = 9
	jc.Roles[0].Role = "changed"
	jc.Requirements[0].Of[1] = "changed"
	want := []competency.ID{"a", "b"}
	for _, got := range [][]competency.ID{req.Of, r.Requirements[0].Of, j.Requirements[0].Of} {
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("a clone shares Of with its original (-want +got):\n%s", diff)
		}
	}
	if r.Requirements[0].Weight != 2 || j.Roles[0].Role != "r" {
		t.Error("a clone shares its slices with the original")
	}

	// Nil and empty slices stay as they were.
	if got := (role.Role{}).Clone(); got.Requirements != nil {
		t.Errorf("Role{}.Clone().Requirements = %#v, want nil", got.Requirements)
	}
	if got := (role.Job{}).Clone(); got.Roles != nil || got.Requirements != nil {
		t.Errorf("Job{}.Clone() = %#v, want nil slices", got)
	}
	empty := role.Job{Roles: []role.Share{}, Requirements: []role.Requirement{}}
	if diff := cmp.Diff(empty, empty.Clone()); diff != "" {
		t.Errorf("Clone of empty slices (-want +got):\n%s", diff)
	}
}
