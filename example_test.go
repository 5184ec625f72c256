package wlp_test

import (
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// The default framework's three tiers: the clusters with their
// foundational competencies, the areas of expertise and the roles.
func ExampleDefault() {
	f := wlp.Default()
	fmt.Println(f.Name(), f.Version())
	for _, cl := range f.Clusters() {
		fmt.Printf("%s:\n", cl.Name)
		for _, c := range f.Competencies() {
			if c.Cluster == cl.ID {
				fmt.Printf("  %s\n", c.Name)
			}
		}
	}
	fmt.Println("Areas of expertise:")
	for _, a := range f.Areas() {
		fmt.Printf("  %s\n", a.Name)
	}
	fmt.Println("Roles:")
	for _, r := range f.Roles() {
		fmt.Printf("  %s (%s), %d requirements\n", r.Name, r.ID, len(r.Requirements))
	}
	// Output:
	// ASTD Workplace Learning and Performance Competency Model 2004
	// Interpersonal:
	//   Building trust
	//   Communicating effectively
	//   Influencing stakeholders
	//   Leveraging diversity
	//   Networking and partnering
	// Business/Management:
	//   Analyzing needs and proposing solutions
	//   Applying business acumen
	//   Driving results
	//   Planning and implementing assignments
	//   Thinking strategically
	// Personal:
	//   Demonstrating adaptability
	//   Modeling personal development
	// Areas of expertise:
	//   Career planning and talent management
	//   Coaching
	//   Delivering training
	//   Designing learning
	//   Facilitating organizational change
	//   Improving human performance
	//   Managing organizational knowledge
	//   Managing the learning function
	//   Measuring and evaluating
	// Roles:
	//   Learning strategist (learning-strategist), 10 requirements
	//   Business partner (business-partner), 9 requirements
	//   Project manager (project-manager), 8 requirements
	//   Professional specialist (professional-specialist), 4 requirements
}

// Look up a role and list what it requires, with level names from the
// framework's scale.
func ExampleFramework_Role() {
	f := wlp.Default()
	r, ok := f.Role(role.ProfessionalSpecialist)
	if !ok {
		fmt.Println("no such role")
		return
	}
	fmt.Println(r.Name)
	for _, req := range r.Requirements {
		var names []string
		for _, id := range req.Of {
			name, _ := f.NameOf(id)
			names = append(names, name)
		}
		what := names[0]
		if len(names) > 1 {
			what = fmt.Sprintf("at least %d of %d (%s, ...)", req.K(), len(names), strings.Join(names[:2], ", "))
		}
		fmt.Printf("  %s: %s, weight %g\n", what, f.Scale().Name(req.Level), req.Weight)
	}
	// Output:
	// Professional specialist
	//   at least 1 of 9 (Career planning and talent management, Coaching, ...): expert, weight 4
	//   Modeling personal development: proficient, weight 2
	//   Demonstrating adaptability: competent, weight 1
	//   Communicating effectively: competent, weight 1
}

// Load a small framework of one's own from JSON.
func ExampleLoad() {
	const doc = `{
	  "id": "helpdesk",
	  "name": "Help desk skills",
	  "competencies": [
	    {"id": "listening", "name": "Listening", "cluster": "interpersonal"},
	    {"id": "troubleshooting", "name": "Troubleshooting", "cluster": "business-management"}
	  ],
	  "roles": [
	    {"id": "first-line", "name": "First-line support", "requirements": [
	      {"of": ["listening"], "level": 3, "weight": 2, "why": "Callers must feel heard."},
	      {"of": ["troubleshooting"], "level": 2, "weight": 1}
	    ]}
	  ]
	}`
	f, err := wlp.Load(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.ID(), "-", f.Name())
	r, _ := f.Role("first-line")
	for _, req := range r.Requirements {
		name, _ := f.NameOf(req.Of[0])
		fmt.Printf("%s needs %s at level %d (%s)\n", r.Name, name, req.Level, req.Level)
	}
	// Output:
	// helpdesk - Help desk skills
	// First-line support needs Listening at level 3 (competent)
	// First-line support needs Troubleshooting at level 2 (advanced beginner)
}

// Extend the default model with a cluster and competency of one's own and
// a role that uses them alongside a default area of expertise.
func ExampleNew() {
	s := wlp.DefaultSpec()
	s.ID = "astd-2004-learning-2-0"
	s.Clusters = append(s.Clusters, competency.ClusterInfo{ID: "learning-2-0", Name: "Learning 2.0"})
	s.Competencies = append(s.Competencies, competency.Competency{
		ID: "using-web-2-0-tools", Name: "Using web 2.0 tools", Cluster: "learning-2-0",
	})
	s.Roles = append(s.Roles, role.Role{
		ID:   "community-manager",
		Name: "Community manager",
		Requirements: []role.Requirement{
			{Of: []competency.ID{"using-web-2-0-tools"}, Level: competency.Proficient, Weight: 3},
			{Of: []competency.ID{aoe.ManagingKnowledge}, Level: competency.Competent, Weight: 2},
		},
	})
	f, err := wlp.New(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(f.Competencies()), "competencies,", len(f.Roles()), "roles")
	c, _ := f.Competency("using-web-2-0-tools")
	cl, _ := f.Cluster(c.Cluster)
	fmt.Printf("%s is in the %s cluster\n", c.Name, cl.Name)
	r, _ := f.Role("community-manager")
	fmt.Println(r.Name, "needs", r.Requirements[0].Of[0], "and", r.Requirements[1].Of[0])
	// Output:
	// 13 competencies, 5 roles
	// Using web 2.0 tools is in the Learning 2.0 cluster
	// Community manager needs using-web-2-0-tools and managing-organizational-knowledge
}

// A document with mistakes: the error names every problem with its JSON
// pointer, one per line.
func Example_validationError() {
	const doc = `{
	  "areas": [{"id": "coaching", "name": "Coaching"}],
	  "roles": [
	    {"id": "Coach", "name": "", "requirements": [
	      {"of": ["coaching", "mentoring"], "atLeast": 3, "level": 7, "weight": 0}
	    ]}
	  ]
	}`
	_, err := wlp.Load(strings.NewReader(doc))
	fmt.Println(err)
	// Output:
	// wlp: /roles/0/id: "Coach" is not a well-formed ID (1 to 64 lower-case ASCII letters and digits, in words joined by single hyphens)
	// wlp: /roles/0/name: the name is empty
	// wlp: /roles/0/requirements/0/of/1: unknown competency or area "mentoring"
	// wlp: /roles/0/requirements/0/atLeast: 3 is more than the 2 listed in of
	// wlp: /roles/0/requirements/0/level: 7 is above the scale's top level 5
	// wlp: /roles/0/requirements/0/weight: the weight 0 must be greater than 0
}

// The embedded frameworks: the 2004 default and the two later ATD models,
// which have no roles. In the 2020 model the three domains are clusters
// and every capability is a competency.
func ExampleEmbedded() {
	for _, id := range wlp.Embedded() {
		f, err := wlp.LoadEmbedded(id)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %s (%s), %d competencies, %d areas, %d roles\n",
			f.ID(), f.Name(), f.Version(), len(f.Competencies()), len(f.Areas()), len(f.Roles()))
	}
	f, _ := wlp.LoadEmbedded(wlp.ATD2020ID)
	for _, cl := range f.Clusters() {
		var names []string
		for _, c := range f.Competencies() {
			if c.Cluster == cl.ID {
				names = append(names, c.Name)
			}
		}
		fmt.Printf("%s (%d): %s, ...\n", cl.Name, len(names), strings.Join(names[:2], ", "))
	}
	_, err := wlp.LoadEmbedded("atd2020")
	fmt.Println(err)
	// Output:
	// astd-2004: ASTD Workplace Learning and Performance Competency Model (2004), 12 competencies, 9 areas, 4 roles
	// atd-2013: ATD Competency Model (2013), 6 competencies, 10 areas, 0 roles
	// atd-2020: ATD Talent Development Capability Model (2020), 23 competencies, 0 areas, 0 roles
	// Building Personal Capability (7): Communication, Emotional Intelligence & Decision Making, ...
	// Developing Professional Capability (8): Learning Sciences, Instructional Design, ...
	// Impacting Organizational Capability (8): Business Insight, Consulting & Business Partnering, ...
	// wlp: no embedded framework "atd2020"; did you mean atd-2020? (the embedded ones are astd-2004, atd-2013, atd-2020)
}

// Start a framework of one's own from a later model: EmbeddedSpec returns
// a copy of its document to change, and New checks the result.
func ExampleEmbeddedSpec() {
	s, err := wlp.EmbeddedSpec(wlp.ATD2013ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	s.ID, s.Name = "acme-2013", "Acme's reading of the 2013 model"
	s.Areas = append(s.Areas, aoe.Area{ID: "mentoring", Name: "Mentoring", Summary: "Guiding a less experienced colleague."})
	f, err := wlp.New(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := f.Areas()
	fmt.Println(f.ID(), len(a), "areas, the last", a[len(a)-1].Name)
	orig, _ := wlp.LoadEmbedded(wlp.ATD2013ID)
	fmt.Println(orig.ID(), len(orig.Areas()), "areas")
	// Output:
	// acme-2013 11 areas, the last Mentoring
	// atd-2013 10 areas
}
