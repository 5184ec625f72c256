package diff_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/role"
)

// build makes a framework of s, failing the test when it is invalid.
func build(t testing.TB, s wlp.Spec) *wlp.Framework {
	t.Helper()
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// edited returns the default framework edited by edit.
func edited(t testing.TB, edit func(s *wlp.Spec)) *wlp.Framework {
	t.Helper()
	s := wlp.DefaultSpec()
	edit(&s)
	return build(t, s)
}

func roleIndex(s *wlp.Spec, id role.ID) int {
	return slices.IndexFunc(s.Roles, func(r role.Role) bool { return r.ID == id })
}

func compIndex(s *wlp.Spec, id competency.ID) int {
	return slices.IndexFunc(s.Competencies, func(c competency.Competency) bool { return c.ID == id })
}

func areaIndex(s *wlp.Spec, id competency.ID) int {
	return slices.IndexFunc(s.Areas, func(a aoe.Area) bool { return a.ID == id })
}

// TestFrameworks checks the exact change list of hand-edited versions of
// the default framework.
func TestFrameworks(t *testing.T) {
	bp := func(s *wlp.Spec) *role.Role { return &s.Roles[roleIndex(s, role.BusinessPartner)] }
	tests := []struct {
		name string
		edit func(s *wlp.Spec)
		want []diff.Change
	}{{
		name: "nothing",
		edit: func(*wlp.Spec) {},
		want: []diff.Change{},
	}, {
		name: "framework fields",
		edit: func(s *wlp.Spec) {
			s.Version = "2004.1"
			s.Name = "My model"
		},
		want: []diff.Change{
			{Kind: diff.KindFramework, Op: diff.Changed, Field: diff.FieldName, ID: "astd-2004",
				Old: "ASTD Workplace Learning and Performance Competency Model", New: "My model"},
			{Kind: diff.KindFramework, Op: diff.Changed, Field: diff.FieldVersion, ID: "astd-2004", Old: "2004", New: "2004.1"},
		},
	}, {
		name: "rename a competency",
		edit: func(s *wlp.Spec) { s.Competencies[compIndex(s, competency.BuildingTrust)].Name = "Earning trust" },
		want: []diff.Change{
			{Kind: diff.KindCompetency, Op: diff.Changed, Field: diff.FieldName, ID: "building-trust",
				PathA: "/competencies/0", PathB: "/competencies/0", Old: "Building trust", New: "Earning trust"},
		},
	}, {
		name: "change an ID, keeping the name",
		edit: func(s *wlp.Spec) {
			s.Competencies[compIndex(s, competency.BuildingTrust)].ID = "trust"
			for i := range s.Roles {
				for j := range s.Roles[i].Requirements {
					for k, id := range s.Roles[i].Requirements[j].Of {
						if id == competency.BuildingTrust {
							s.Roles[i].Requirements[j].Of[k] = "trust"
						}
					}
				}
			}
			for j := range s.Jobs[0].Requirements {
				for k, id := range s.Jobs[0].Requirements[j].Of {
					if id == competency.BuildingTrust {
						s.Jobs[0].Requirements[j].Of[k] = "trust"
					}
				}
			}
		},
		// The requirements over it pair as they were: its new ID is the
		// same item.
		want: []diff.Change{
			{Kind: diff.KindCompetency, Op: diff.Changed, Field: diff.FieldID, ID: "trust", OldID: "building-trust",
				PathA: "/competencies/0", PathB: "/competencies/0", Old: "building-trust", New: "trust"},
		},
	}, {
		name: "requirement level, weight and group",
		edit: func(s *wlp.Spec) {
			r := bp(s)
			r.Requirements[0].Level = 5  // applying-business-acumen 4 -> 5
			r.Requirements[1].Weight = 1 // analyzing-needs 3 -> 1
			ps := &s.Roles[roleIndex(s, role.ProfessionalSpecialist)].Requirements[0]
			ps.AtLeast = 2
			ps.Of = ps.Of[:8] // drop the last area
		},
		want: []diff.Change{
			{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldLevel, Target: "business-partner",
				Of: []competency.ID{"applying-business-acumen"}, PathA: "/roles/1/requirements/0", PathB: "/roles/1/requirements/0", Old: "4", New: "5"},
			{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldWeight, Target: "business-partner",
				Of: []competency.ID{"analyzing-needs-and-proposing-solutions"}, PathA: "/roles/1/requirements/1", PathB: "/roles/1/requirements/1", Old: "3", New: "1"},
			{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldOf, Target: "professional-specialist",
				Of: aoe.IDs()[:8], PathA: "/roles/3/requirements/0", PathB: "/roles/3/requirements/0", Removed: []string{string(aoe.IDs()[8])}},
			{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldAtLeast, Target: "professional-specialist",
				Of: aoe.IDs()[:8], PathA: "/roles/3/requirements/0", PathB: "/roles/3/requirements/0", Old: "1", New: "2"},
		},
	}, {
		name: "add and remove areas",
		edit: func(s *wlp.Spec) {
			s.Areas = append(s.Areas, aoe.Area{ID: "learning-technologies", Name: "Learning technologies"})
			s.Areas = slices.Delete(s.Areas, 1, 2) // coaching
			for i := range s.Roles {
				for j := range s.Roles[i].Requirements {
					r := &s.Roles[i].Requirements[j]
					r.Of = slices.DeleteFunc(r.Of, func(id competency.ID) bool { return id == aoe.Coaching })
				}
			}
			for j := range s.Jobs[0].Requirements {
				r := &s.Jobs[0].Requirements[j]
				r.Of = slices.DeleteFunc(r.Of, func(id competency.ID) bool { return id == aoe.Coaching })
			}
		},
		want: []diff.Change{
			{Kind: diff.KindArea, Op: diff.Added, ID: "learning-technologies", PathB: "/areas/8"},
			{Kind: diff.KindArea, Op: diff.Removed, ID: "coaching", PathA: "/areas/1"},
			{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldOf, Target: "professional-specialist",
				Of:    slices.DeleteFunc(aoe.IDs(), func(id competency.ID) bool { return id == aoe.Coaching }),
				PathA: "/roles/3/requirements/0", PathB: "/roles/3/requirements/0", Removed: []string{"coaching"}},
			{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldOf, Target: "chief-learning-officer",
				Of:    slices.DeleteFunc(aoe.IDs(), func(id competency.ID) bool { return id == aoe.Coaching }),
				PathA: "/jobs/0/requirements/2", PathB: "/jobs/0/requirements/2", Removed: []string{"coaching"}},
		},
	}, {
		name: "job share and own requirement",
		edit: func(s *wlp.Spec) {
			s.Jobs[0].Roles[2].Weight = 2                          // project-manager 1 -> 2
			s.Jobs[0].Roles = slices.Delete(s.Jobs[0].Roles, 3, 4) // professional-specialist
			s.Jobs[0].Requirements[0].Why = "Sets the strategy."
		},
		want: []diff.Change{
			{Kind: diff.KindShare, Op: diff.Changed, Field: diff.FieldWeight, ID: "project-manager", Target: "chief-learning-officer",
				PathA: "/jobs/0/roles/2", PathB: "/jobs/0/roles/2", Old: "1", New: "2"},
			{Kind: diff.KindShare, Op: diff.Removed, ID: "professional-specialist", Target: "chief-learning-officer", PathA: "/jobs/0/roles/3"},
			{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldWhy, Target: "chief-learning-officer",
				Of: []competency.ID{"thinking-strategically"}, PathA: "/jobs/0/requirements/0", PathB: "/jobs/0/requirements/0",
				Old: wlp.DefaultSpec().Jobs[0].Requirements[0].Why, New: "Sets the strategy."},
		},
	}, {
		name: "move a competency to another cluster, and an area to the competencies",
		edit: func(s *wlp.Spec) {
			s.Competencies[compIndex(s, competency.BuildingTrust)].Cluster = competency.Personal
			i := areaIndex(s, aoe.Coaching)
			a := s.Areas[i]
			s.Areas = slices.Delete(s.Areas, i, i+1)
			s.Competencies = append(s.Competencies, competency.Competency{ID: a.ID, Name: a.Name, Cluster: competency.Interpersonal,
				Summary: a.Summary, Behaviors: a.Behaviors})
		},
		want: []diff.Change{
			{Kind: diff.KindCompetency, Op: diff.Changed, Field: diff.FieldCluster, ID: "building-trust",
				PathA: "/competencies/0", PathB: "/competencies/0", Old: "interpersonal", New: "personal"},
			{Kind: diff.KindCompetency, Op: diff.Changed, Field: diff.FieldTier, ID: "coaching",
				PathA: "/areas/1", PathB: "/competencies/12", Old: "area", New: "competency"},
			// It joins a cluster.
			{Kind: diff.KindCompetency, Op: diff.Changed, Field: diff.FieldCluster, ID: "coaching",
				PathA: "/areas/1", PathB: "/competencies/12", New: "interpersonal"},
			{Kind: diff.KindCompetency, Op: diff.Changed, Field: diff.FieldTechnologies, ID: "coaching",
				PathA: "/areas/1", PathB: "/competencies/12", Old: wlp.DefaultSpec().Areas[1].Technologies},
		},
	}, {
		name: "a competency becomes an area",
		edit: func(s *wlp.Spec) {
			i := compIndex(s, competency.BuildingTrust)
			c := s.Competencies[i]
			s.Competencies = slices.Delete(s.Competencies, i, i+1)
			s.Areas = append(s.Areas, aoe.Area{ID: c.ID, Name: c.Name, Summary: c.Summary, Behaviors: c.Behaviors})
		},
		// It leaves its cluster.
		want: []diff.Change{
			{Kind: diff.KindArea, Op: diff.Changed, Field: diff.FieldTier, ID: "building-trust",
				PathA: "/competencies/0", PathB: "/areas/9", Old: "competency", New: "area"},
			{Kind: diff.KindArea, Op: diff.Changed, Field: diff.FieldCluster, ID: "building-trust",
				PathA: "/competencies/0", PathB: "/areas/9", Old: "interpersonal"},
		},
	}, {
		name: "a requirement added, one removed, one reordered",
		edit: func(s *wlp.Spec) {
			r := bp(s)
			r.Requirements[0], r.Requirements[1] = r.Requirements[1], r.Requirements[0]
			r.Requirements = slices.Delete(r.Requirements, 8, 9) // facilitating-organizational-change
			r.Requirements = append(r.Requirements, role.Requirement{Of: []competency.ID{aoe.Coaching}, Level: 2, Weight: 1})
		},
		want: []diff.Change{
			{Kind: diff.KindRequirement, Op: diff.Added, Target: "business-partner", Of: []competency.ID{"coaching"}, PathB: "/roles/1/requirements/8"},
			{Kind: diff.KindRequirement, Op: diff.Removed, Target: "business-partner", Of: []competency.ID{"facilitating-organizational-change"},
				PathA: "/roles/1/requirements/8"},
		},
	}, {
		name: "a role renamed, a role removed, a job added",
		edit: func(s *wlp.Spec) {
			bp(s).Name = "Partner to the business"
			s.Roles = slices.Delete(s.Roles, 2, 3) // project-manager
			s.Jobs[0].Roles = slices.Delete(s.Jobs[0].Roles, 2, 3)
			s.Jobs = append(s.Jobs, role.Job{ID: "head-of-design", Title: "Head of design",
				Roles: []role.Share{{Role: role.ProfessionalSpecialist, Weight: 1}}})
		},
		want: []diff.Change{
			{Kind: diff.KindRole, Op: diff.Changed, Field: diff.FieldName, ID: "business-partner", PathA: "/roles/1", PathB: "/roles/1",
				Old: "Business partner", New: "Partner to the business"},
			{Kind: diff.KindShare, Op: diff.Removed, ID: "project-manager", Target: "chief-learning-officer", PathA: "/jobs/0/roles/2"},
			{Kind: diff.KindJob, Op: diff.Added, ID: "head-of-design", PathB: "/jobs/1"},
			{Kind: diff.KindRole, Op: diff.Removed, ID: "project-manager", PathA: "/roles/2"},
		},
	}}
	a := wlp.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := edited(t, tt.edit)
			got := diff.Frameworks(a, b, nil)
			if d := cmp.Diff(tt.want, got.List); d != "" {
				t.Errorf("changes (-want +got):\n%s", d)
			}
			if got.A.ID != "astd-2004" || got.B.ID != b.ID() {
				t.Errorf("sides %+v %+v", got.A, got.B)
			}
			roundTrip(t, got)
		})
	}
}

// roundTrip checks that c encodes to JSON and decodes back equal, with
// its list as [] when empty.
func roundTrip(t *testing.T, c *diff.Changes) {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.List) == 0 && !strings.Contains(string(b), `"changes":[]`) {
		t.Errorf("an empty list encodes as %s", b)
	}
	var back diff.Changes
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(c, &back); d != "" {
		t.Errorf("after a JSON round trip (-want +got):\n%s", d)
	}
}

// TestFrameworksSelf checks that every embedded framework differs from
// itself in nothing.
func TestFrameworksSelf(t *testing.T) {
	for _, id := range wlp.Embedded() {
		f, err := wlp.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		if c := diff.Frameworks(f, f, nil); !c.Empty() || c.List == nil {
			t.Errorf("%s against itself: %v", id, c.List)
		}
	}
}

// key identifies a change's thing, without the side it is on.
type key struct {
	kind   diff.Kind
	id     string
	target role.ID
	of     string
}

func keysOf(cs []diff.Change, op diff.Op) []key {
	var out []key
	for _, c := range cs {
		if c.Op == op {
			out = append(out, key{c.Kind, c.ID, c.Target, strings.Join(strs(c.Of), " ")})
		}
	}
	slices.SortFunc(out, func(x, y key) int {
		return strings.Compare(string(x.kind)+x.id+string(x.target)+x.of, string(y.kind)+y.id+string(y.target)+y.of)
	})
	return out
}

func strs(ids []competency.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// TestFrameworksSymmetry checks that what one way adds, the other way
// removes, and that the changed fields swap their values.
func TestFrameworksSymmetry(t *testing.T) {
	var fs []*wlp.Framework
	for _, id := range wlp.Embedded() {
		f, err := wlp.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, f)
	}
	fs = append(fs, edited(t, func(s *wlp.Spec) {
		s.Roles[0].Requirements[0].Level = 5
		s.Areas = s.Areas[1:] // career planning, which the role's last requirement reads
		s.Roles = s.Roles[:1]
		s.Roles[0].Requirements = s.Roles[0].Requirements[:9]
		s.Jobs = nil
		s.Areas = append(s.Areas, aoe.Area{ID: "x", Name: "Designing learning"})
	}))
	for _, a := range fs {
		for _, b := range fs {
			ab, ba := diff.Frameworks(a, b, nil), diff.Frameworks(b, a, nil)
			if d := cmp.Diff(keysOf(ab.List, diff.Added), keysOf(ba.List, diff.Removed), cmp.AllowUnexported(key{})); d != "" {
				t.Errorf("%s -> %s added, %s -> %s removed (-added +removed):\n%s", a.ID(), b.ID(), b.ID(), a.ID(), d)
			}
			na, nr, nc := ab.Count()
			ma, mr, mc := ba.Count()
			if na != mr || nr != ma || nc != mc {
				t.Errorf("%s <-> %s: counts %d %d %d, back %d %d %d", a.ID(), b.ID(), na, nr, nc, ma, mr, mc)
			}
		}
	}
}

// TestFrameworksEmbedded checks the diffs of the 2004 and 2013 models,
// with and without the embedded crosswalk.
func TestFrameworksEmbedded(t *testing.T) {
	a, b := wlp.Default(), mustEmbedded(t, wlp.ATD2013ID)
	plain := diff.Frameworks(a, b, nil)
	cw, err := crosswalk.LoadEmbedded("astd-2004-to-atd-2013")
	if err != nil {
		t.Fatal(err)
	}
	linked := diff.Frameworks(a, b, &diff.Options{Crosswalk: cw})
	if linked.Crosswalk != cw.ID || plain.Crosswalk != "" {
		t.Errorf("crosswalk %q and %q", linked.Crosswalk, plain.Crosswalk)
	}

	// Without the crosswalk, only coaching keeps its ID and pairs.
	idChanges := func(c *diff.Changes) map[string]string {
		out := map[string]string{}
		for _, ch := range c.List {
			if ch.Field == diff.FieldID && (ch.Kind == diff.KindCompetency || ch.Kind == diff.KindArea) {
				out[ch.Old] = ch.New + " " + string(ch.Relation)
			}
		}
		return out
	}
	if d := cmp.Diff(map[string]string{}, idChanges(plain)); d != "" {
		t.Errorf("ID changes without the crosswalk (-want +got):\n%s", d)
	}
	// With it, every exact link that is the only one of its items pairs
	// them; so does every such close link.
	want := map[string]string{}
	from, to := map[competency.ID]int{}, map[competency.ID]int{}
	for _, l := range cw.Links {
		if l.Relation == competency.Exact || l.Relation == competency.Close {
			from[l.From]++
			to[l.To]++
		}
	}
	for _, l := range cw.Links {
		if (l.Relation == competency.Exact || l.Relation == competency.Close) && from[l.From] == 1 && to[l.To] == 1 && l.From != l.To {
			want[string(l.From)] = string(l.To) + " " + string(l.Relation)
		}
	}
	if len(want) == 0 {
		t.Fatal("the crosswalk has no one-to-one exact or close link")
	}
	if d := cmp.Diff(want, idChanges(linked)); d != "" {
		t.Errorf("ID changes with the crosswalk (-want +got):\n%s", d)
	}
	// Pairing removes as many added and removed items as it pairs.
	pa, pr, _ := plain.Count()
	la, lr, _ := linked.Count()
	if pa-la != len(want) || pr-lr != len(want) {
		t.Errorf("added %d -> %d, removed %d -> %d, for %d pairs", pa, la, pr, lr, len(want))
	}
	// Every role and the job are removed: the 2013 model has none.
	for _, c := range [](*diff.Changes){plain, linked} {
		n := 0
		for _, ch := range c.List {
			if (ch.Kind == diff.KindRole || ch.Kind == diff.KindJob) && ch.Op == diff.Removed {
				n++
			}
		}
		if n != 5 {
			t.Errorf("%d roles and jobs removed, want 5", n)
		}
	}
	// An item removed or added lists the links that leave it or reach
	// it.
	hinted := 0
	for _, ch := range linked.List {
		if ch.Kind != diff.KindCompetency && ch.Kind != diff.KindArea || ch.Op == diff.Changed {
			continue
		}
		var want []diff.Link
		for _, l := range cw.Links {
			if ch.Op == diff.Removed && string(l.From) == ch.ID {
				want = append(want, diff.Link{ID: l.To, Relation: l.Relation, Carry: l.Carry, Cap: l.Cap})
			}
			if ch.Op == diff.Added && string(l.To) == ch.ID {
				want = append(want, diff.Link{ID: l.From, Relation: l.Relation, Carry: l.Carry, Cap: l.Cap})
			}
		}
		if d := cmp.Diff(want, ch.Links); d != "" {
			t.Errorf("%s: links (-want +got):\n%s", ch, d)
		}
		notes := cw.New
		if ch.Op == diff.Removed {
			notes = cw.Unmapped
		}
		wantNote := ""
		for _, n := range notes {
			if string(n.ID) == ch.ID {
				wantNote = n.Why
			}
		}
		if ch.Note != wantNote {
			t.Errorf("%s: note %q, want %q", ch, ch.Note, wantNote)
		}
		if len(want) > 0 {
			hinted++
		}
	}
	if hinted == 0 {
		t.Error("no added or removed item lists a link")
	}
	for _, ch := range plain.List {
		if ch.Links != nil {
			t.Errorf("without a crosswalk, %s lists links", ch)
		}
	}
	roundTrip(t, plain)
	roundTrip(t, linked)
}

func mustEmbedded(t testing.TB, id string) *wlp.Framework {
	t.Helper()
	f, err := wlp.LoadEmbedded(id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestPairOverlap checks that requirements whose sets of IDs changed
// pair by the greatest overlap, and the rest are added and removed.
func TestPairOverlap(t *testing.T) {
	ids := func(s string) []competency.ID {
		var out []competency.ID
		for f := range strings.FieldsSeq(s) {
			out = append(out, competency.ID(f))
		}
		return out
	}
	spec := func(reqs ...string) wlp.Spec {
		s := wlp.Spec{ID: "t", Clusters: []competency.ClusterInfo{{ID: "c", Name: "C"}}}
		for _, id := range strings.Fields("a b c d e f") {
			s.Competencies = append(s.Competencies, competency.Competency{ID: competency.ID(id), Name: strings.ToUpper(id), Cluster: "c"})
		}
		r := role.Role{ID: "r", Name: "R"}
		for _, q := range reqs {
			r.Requirements = append(r.Requirements, role.Requirement{Of: ids(q), Level: 3, Weight: 1})
		}
		s.Roles = []role.Role{r}
		return s
	}
	a := build(t, spec("a b c", "d e", "f"))
	b := build(t, spec("d", "a b", "b c f", "e f"))
	got := diff.Frameworks(a, b, nil).List
	// "a b c" pairs with "a b" and "b c f" equally (2 shared): the first of
	// B wins. "d e" then pairs with "d" or "e f" (1 shared): "d" first.
	// "f" pairs with "b c f" or "e f": "b c f" first; "e f" is added.
	want := []diff.Change{
		{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldOf, Target: "r", Of: ids("d"),
			PathA: "/roles/0/requirements/1", PathB: "/roles/0/requirements/0", Removed: []string{"e"}},
		{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldOf, Target: "r", Of: ids("a b"),
			PathA: "/roles/0/requirements/0", PathB: "/roles/0/requirements/1", Removed: []string{"c"}},
		{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldOf, Target: "r", Of: ids("b c f"),
			PathA: "/roles/0/requirements/2", PathB: "/roles/0/requirements/2", Added: []string{"b", "c"}},
		{Kind: diff.KindRequirement, Op: diff.Added, Target: "r", Of: ids("e f"), PathB: "/roles/0/requirements/3"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestChangeString checks the one-line descriptions.
func TestChangeString(t *testing.T) {
	tests := []struct {
		c    diff.Change
		want string
	}{
		{diff.Change{Kind: diff.KindCompetency, Op: diff.Changed, Field: diff.FieldName, ID: "coaching", Old: "Coaching", New: "Coaching people"},
			`competency "coaching": name "Coaching" -> "Coaching people"`},
		{diff.Change{Kind: diff.KindRequirement, Op: diff.Changed, Field: diff.FieldLevel, Target: "business-partner", Of: []competency.ID{"coaching"}, Old: "3", New: "4"},
			`requirement [coaching] of "business-partner": level "3" -> "4"`},
		{diff.Change{Kind: diff.KindArea, Op: diff.Removed, ID: "coaching", PathA: "/areas/1"}, `area "coaching" removed from /areas/1`},
		{diff.Change{Kind: diff.KindShare, Op: diff.Added, ID: "x", Target: "j"}, `share of role "x" in job "j" added`},
		{diff.Change{Kind: diff.KindArea, Op: diff.Changed, Field: diff.FieldID, ID: "b", Old: "a", New: "b", Relation: competency.Close},
			`area "b": id "a" -> "b" (close link)`},
		{diff.Change{Kind: diff.KindArea, Op: diff.Changed, Field: diff.FieldBehaviors, ID: "b", Added: []string{"x"}, Removed: []string{"y"}},
			`area "b": behaviors +["x"] -["y"]`},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

// TestMaxCandidates checks that a role of many requirements over one
// shared ID pairs in bounded time: by equal sets alone past the bound.
func TestMaxCandidates(t *testing.T) {
	n := 1200 // 1200 x 1200 candidate pairs, past MaxCandidates
	mk := func(prefix string) wlp.Spec {
		s := wlp.Spec{ID: "t"}
		s.Competencies = append(s.Competencies, competency.Competency{ID: "x", Name: "X", Cluster: competency.Personal})
		r := role.Role{ID: "r", Name: "R"}
		for i := range n {
			id := competency.ID(prefix + "-" + strings.Repeat("a", 1+i%3) + "-" + strconv.Itoa(i))
			s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: string(id), Cluster: competency.Personal})
			r.Requirements = append(r.Requirements, role.Requirement{Of: []competency.ID{"x", id}, Level: 1, Weight: 1})
		}
		s.Roles = []role.Role{r}
		return s
	}
	if n*n <= diff.MaxCandidates {
		t.Fatalf("n = %d is too small", n)
	}
	got := diff.Frameworks(build(t, mk("p")), build(t, mk("q")), nil)
	counts := map[diff.Op]int{}
	for _, c := range got.List {
		if c.Kind == diff.KindRequirement {
			counts[c.Op]++
		}
	}
	if d := cmp.Diff(map[diff.Op]int{diff.Added: n, diff.Removed: n}, counts); d != "" {
		t.Errorf("requirement changes (-want +got):\n%s", d)
	}
}
