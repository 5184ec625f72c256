package competency_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/competency"
)

var validIDTests = []struct {
	id   string
	want bool
}{
	{"building-trust", true},
	{"a", true},
	{"z", true},
	{"0", true},
	{"learning-2-0", true},
	{"web2", true},
	{"a-b-c-d", true},
	{strings.Repeat("a", competency.MaxIDLen), true},
	{strings.Repeat("ab-", 21) + "a", true}, // 64 bytes
	{"", false},
	{strings.Repeat("a", competency.MaxIDLen+1), false},
	{strings.Repeat("ab-", 21) + "ab", false}, // 65 bytes
	{"Building-trust", false},
	{"BUILDING", false},
	{"building trust", false},
	{" building", false},
	{"building\t", false},
	{"building\n", false},
	{"-building", false},
	{"building-", false},
	{"building--trust", false},
	{"-", false},
	{"--", false},
	{"building_trust", false},
	{"building.trust", false},
	{"building/trust", false},
	{"building~trust", false},
	{"b\u0430ilding", false},       // Cyrillic а
	{"building\u2010trust", false}, // Unicode hyphen
	{"building\u00adtrust", false}, // soft hyphen
	{"caf\u00e9", false},
	{"building\x00", false},
	{"\xff", false},
	{"ｂuilding", false}, // full-width b
}

func TestValidID(t *testing.T) {
	for _, tt := range validIDTests {
		if got := competency.ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
		}
		if got := competency.ID(tt.id).Valid(); got != tt.want {
			t.Errorf("ID(%q).Valid() = %v, want %v", tt.id, got, tt.want)
		}
	}
}

// TestIDPattern checks that IDPattern and MaxIDLen together say what
// ValidID does.
func TestIDPattern(t *testing.T) {
	re := regexp.MustCompile(competency.IDPattern)
	for _, tt := range validIDTests {
		got := re.MatchString(tt.id) && len(tt.id) <= competency.MaxIDLen
		if got != tt.want {
			t.Errorf("IDPattern on %q = %v, want %v", tt.id, got, tt.want)
		}
	}
	if competency.MaxIDLen != 64 {
		t.Errorf("MaxIDLen = %d, want 64", competency.MaxIDLen)
	}
}

func TestAll(t *testing.T) {
	type brief struct {
		ID      competency.ID
		Name    string
		Cluster competency.Cluster
	}
	want := []brief{
		{competency.BuildingTrust, "Building trust", competency.Interpersonal},
		{competency.CommunicatingEffectively, "Communicating effectively", competency.Interpersonal},
		{competency.InfluencingStakeholders, "Influencing stakeholders", competency.Interpersonal},
		{competency.LeveragingDiversity, "Leveraging diversity", competency.Interpersonal},
		{competency.NetworkingAndPartnering, "Networking and partnering", competency.Interpersonal},
		{competency.AnalyzingNeeds, "Analyzing needs and proposing solutions", competency.BusinessManagement},
		{competency.ApplyingBusinessAcumen, "Applying business acumen", competency.BusinessManagement},
		{competency.DrivingResults, "Driving results", competency.BusinessManagement},
		{competency.PlanningAssignments, "Planning and implementing assignments", competency.BusinessManagement},
		{competency.ThinkingStrategically, "Thinking strategically", competency.BusinessManagement},
		{competency.DemonstratingAdaptability, "Demonstrating adaptability", competency.Personal},
		{competency.ModelingPersonalDevelopment, "Modeling personal development", competency.Personal},
	}
	var got []brief
	for _, c := range competency.All() {
		got = append(got, brief{c.ID, c.Name, c.Cluster})
		if !c.ID.Valid() {
			t.Errorf("%q is not a valid ID", c.ID)
		}
		if c.Summary == "" || len(c.Behaviors) == 0 {
			t.Errorf("%s lacks a summary or behaviors", c.ID)
		}
		for i, b := range c.Behaviors {
			if strings.TrimSpace(b) == "" {
				t.Errorf("%s behavior %d is blank", c.ID, i)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("All() (-want +got):\n%s", diff)
	}
	var ids []competency.ID
	for _, w := range want {
		ids = append(ids, w.ID)
	}
	if diff := cmp.Diff(ids, competency.IDs()); diff != "" {
		t.Errorf("IDs() (-want +got):\n%s", diff)
	}
	// The constants' values are the IDs MODEL.md fixes.
	wantIDs := []competency.ID{
		"building-trust", "communicating-effectively", "influencing-stakeholders",
		"leveraging-diversity", "networking-and-partnering", "analyzing-needs-and-proposing-solutions",
		"applying-business-acumen", "driving-results", "planning-and-implementing-assignments",
		"thinking-strategically", "demonstrating-adaptability", "modeling-personal-development",
	}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("constants (-want +got):\n%s", diff)
	}
}

func TestAllReturnsFreshCopies(t *testing.T) {
	a := competency.All()
	a[0].Name = "changed"
	a[0].Behaviors[0] = "changed"
	a[11].Behaviors = append(a[11].Behaviors[:0], "changed")
	ids := competency.IDs()
	ids[0] = "changed"
	if diff := cmp.Diff(competency.All()[0].Name, "Building trust"); diff != "" {
		t.Errorf("All()[0].Name changed: %s", diff)
	}
	b := competency.All()
	for _, c := range b {
		for _, beh := range c.Behaviors {
			if beh == "changed" {
				t.Errorf("%s: a change to an earlier All() result leaked: %q", c.ID, c.Behaviors)
			}
		}
	}
	if competency.IDs()[0] != competency.BuildingTrust {
		t.Error("a change to an earlier IDs() result leaked")
	}
}

func TestClone(t *testing.T) {
	tests := []struct {
		name string
		in   competency.Competency
	}{
		{"nil behaviors", competency.Competency{ID: "a", Name: "A"}},
		{"empty behaviors", competency.Competency{ID: "a", Behaviors: []string{}}},
		{"behaviors", competency.Competency{ID: "a", Behaviors: []string{"x", "y"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.in.Clone()
			if diff := cmp.Diff(tt.in, c); diff != "" {
				t.Fatalf("Clone (-want +got):\n%s", diff)
			}
			if len(c.Behaviors) > 0 {
				c.Behaviors[0] = "changed"
				if tt.in.Behaviors[0] == "changed" {
					t.Error("Clone shares Behaviors with the original")
				}
			}
		})
	}
}

func TestClusterString(t *testing.T) {
	tests := []struct {
		c    competency.Cluster
		want string
	}{
		{competency.Interpersonal, "Interpersonal"},
		{competency.BusinessManagement, "Business/Management"},
		{competency.Personal, "Personal"},
		{"technical", "technical"},
		{"", ""},
		{"Interpersonal", "Interpersonal"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("Cluster(%q).String() = %q, want %q", string(tt.c), got, tt.want)
		}
	}
}

func TestClusters(t *testing.T) {
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
	for _, c := range competency.Clusters() {
		got = append(got, info{c.ID, c.Name})
		if c.Summary == "" {
			t.Errorf("cluster %s has no summary", c.ID)
		}
		if !competency.ValidID(string(c.ID)) {
			t.Errorf("cluster ID %q is not well formed", c.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Clusters() (-want +got):\n%s", diff)
	}
	cs := competency.Clusters()
	cs[0].Name = "changed"
	if competency.Clusters()[0].Name != "Interpersonal" || competency.Interpersonal.String() != "Interpersonal" {
		t.Error("changing a Clusters() result changed the model")
	}
}

func TestLevelString(t *testing.T) {
	tests := []struct {
		l    competency.Level
		want string
	}{
		{competency.None, "not demonstrated"},
		{competency.Novice, "novice"},
		{competency.AdvancedBeginner, "advanced beginner"},
		{competency.Competent, "competent"},
		{competency.Proficient, "proficient"},
		{competency.Expert, "expert"},
		{-1, "level -1"},
		{6, "level 6"},
		{100, "level 100"},
	}
	for _, tt := range tests {
		if got := tt.l.String(); got != tt.want {
			t.Errorf("Level(%d).String() = %q, want %q", int(tt.l), got, tt.want)
		}
	}
}

func TestLevelValues(t *testing.T) {
	got := []int{int(competency.None), int(competency.Novice), int(competency.AdvancedBeginner),
		int(competency.Competent), int(competency.Proficient), int(competency.Expert),
		int(competency.MinLevel), int(competency.MaxLevel)}
	if diff := cmp.Diff([]int{0, 1, 2, 3, 4, 5, 0, 5}, got); diff != "" {
		t.Errorf("level constants (-want +got):\n%s", diff)
	}
	// MinLevel and MaxLevel are written as numbers: they must stay the
	// ends of the default scale.
	s := competency.DefaultScale()
	bounds := []competency.Level{competency.MinLevel, competency.MaxLevel}
	if diff := cmp.Diff([]competency.Level{competency.None, competency.Expert}, bounds); diff != "" {
		t.Errorf("MinLevel, MaxLevel against None, Expert (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]competency.Level{s.Min(), s.Max()}, bounds); diff != "" {
		t.Errorf("MinLevel, MaxLevel against DefaultScale (-want +got):\n%s", diff)
	}
	for l := competency.Level(-3); l <= 8; l++ {
		want := l >= 0 && l <= 5
		if got := l.Valid(); got != want {
			t.Errorf("Level(%d).Valid() = %v, want %v", l, got, want)
		}
	}
}

func TestDefaultScale(t *testing.T) {
	s := competency.DefaultScale()
	type lv struct {
		Level competency.Level
		Name  string
	}
	want := []lv{
		{0, "not demonstrated"},
		{1, "novice"},
		{2, "advanced beginner"},
		{3, "competent"},
		{4, "proficient"},
		{5, "expert"},
	}
	var got []lv
	for _, li := range s.Levels {
		got = append(got, lv{li.Level, li.Name})
		if li.Description == "" {
			t.Errorf("level %d has no description", li.Level)
		}
		if li.Name != li.Level.String() {
			t.Errorf("level %d: scale name %q, String() %q", li.Level, li.Name, li.Level.String())
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DefaultScale().Levels (-want +got):\n%s", diff)
	}
	if s.Min() != competency.None || s.Max() != competency.Expert {
		t.Errorf("Min, Max = %d, %d; want 0, 5", s.Min(), s.Max())
	}
	for l := competency.Level(-2); l <= 7; l++ {
		if got, want := s.Contains(l), l.Valid(); got != want {
			t.Errorf("Contains(%d) = %v, want %v", l, got, want)
		}
	}
	if got := s.Name(competency.Competent); got != "competent" {
		t.Errorf("Name(3) = %q", got)
	}
	if got := s.Name(9); got != "level 9" {
		t.Errorf("Name(9) = %q, want level 9", got)
	}
	s.Levels[0].Name = "changed"
	if competency.DefaultScale().Levels[0].Name != "not demonstrated" || competency.None.String() != "not demonstrated" {
		t.Error("changing a DefaultScale() result changed the model")
	}
}

func TestScaleEmptyAndCustom(t *testing.T) {
	var empty competency.Scale
	if empty.Min() != competency.None || empty.Max() != competency.None || empty.Contains(0) || empty.Name(0) != "level 0" {
		t.Errorf("empty scale: Min %d, Max %d, Contains(0) %v, Name(0) %q", empty.Min(), empty.Max(), empty.Contains(0), empty.Name(0))
	}
	three := competency.Scale{Levels: []competency.LevelInfo{{Level: 1, Name: "low"}, {Level: 2, Name: "mid"}, {Level: 3, Name: "high"}}}
	got := []any{three.Min(), three.Max(), three.Contains(0), three.Contains(1), three.Contains(3), three.Contains(4), three.Name(2), three.Name(0)}
	want := []any{competency.Level(1), competency.Level(3), false, true, true, false, "mid", "level 0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("custom scale (-want +got):\n%s", diff)
	}
}
