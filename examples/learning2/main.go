// Command learning2 extends the default ASTD 2004 framework with the
// "Learning 2.0" skills that learning professionals need once learning
// moves into online communities and social media, and with the jobs that
// need them: instructors and facilitators, analysts and performance
// consultants, relationship managers, instructional designers and
// e-learning developers, learning consultants, learning unit leaders and
// e-learning vendors. Each job is built on the model's four roles plus its
// new skills.
//
// It writes the extended framework as JSON, loads it back (checking every
// rule of the framework schema and more), and scores a sample person against every
// new job.
//
//	go run ./examples/learning2 [-o learning2.json]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// Learning20 is the ID of the new cluster.
const Learning20 competency.Cluster = "learning-2-0"

// skill is a new competency of the Learning 2.0 cluster.
func skill(id, name, summary string) competency.Competency {
	return competency.Competency{ID: competency.ID(id), Name: name, Cluster: Learning20, Summary: summary}
}

func need(id competency.ID, l competency.Level, w float64, why string) role.Requirement {
	return role.Requirement{Of: []competency.ID{id}, Level: l, Weight: w, Why: why}
}

// common are the two needs every Learning 2.0 job shares.
func common() []role.Requirement {
	return []role.Requirement{
		need("web-2-0-tools", competency.Competent, 1, "Every learning job now works through everyday social and collaborative tools."),
		need("open-sharing", competency.Competent, 1, "Those tools pay off only for people who share, contribute and curate their own knowledge openly."),
	}
}

func job(id, title, summary string, shares []role.Share, own ...role.Requirement) role.Job {
	return role.Job{ID: role.ID(id), Title: title, Summary: summary, Roles: shares, Requirements: append(common(), own...)}
}

func share(id role.ID, w float64) role.Share { return role.Share{Role: id, Weight: w} }

// Spec returns the default framework extended with Learning 2.0.
func Spec() wlp.Spec {
	s := wlp.DefaultSpec()
	s.ID = "astd-2004-learning-2-0"
	s.Name = "ASTD 2004 model with Learning 2.0 skills"
	s.Version = "2004+l2.0"
	s.Description = "The default ASTD 2004 framework extended with the skills that social, community-based and informal learning ask of learning professionals, and with jobs built on the four roles plus those skills."
	s.Clusters = append(s.Clusters, competency.ClusterInfo{ID: Learning20, Name: "Learning 2.0",
		Summary: "Skills for learning that happens in online communities, social media and the flow of work."})
	s.Competencies = append(s.Competencies,
		skill("web-2-0-tools", "Using web 2.0 tools", "Working comfortably, as a user, with wikis, blogs, social networks and other collaborative tools, and knowing what each is good for."),
		skill("open-sharing", "Sharing and collaborating openly", "Habitually contributing, sharing and curating knowledge in the open, and managing one's own knowledge flow."),
		skill("online-facilitation", "Facilitating and coaching online", "Running discussions, coaching and mentoring through online communities and collaborative tools."),
		skill("action-learning-coaching", "Coaching action learning", "Guiding teams that learn by working on real problems and reflecting on what happened."),
		skill("organizational-insight", "Knowing the organization", "Understanding how the business works well enough to be credible when learning and work are mixed."),
		skill("social-data-analysis", "Mining social data for needs", "Using community activity, online surveys and crowd-sourced input to find skill gaps and set priorities quickly."),
		skill("informal-solutions", "Recommending informal solutions", "Looking beyond courses to informal, social and on-the-job solutions that blend learning with work."),
		skill("social-curriculum-design", "Designing social learning paths", "Building learning road maps and curricula that include community and social learning activities."),
		skill("success-case-evaluation", "Evaluating informal learning", "Judging the impact of community and informal learning, for example by studying the most and least successful cases."),
		skill("community-opportunities", "Spotting community opportunities", "Recognising where a learning community or social media would genuinely help a client, and where it would not."),
		skill("client-education", "Educating clients on Learning 2.0", "Helping internal clients see what social learning can do and letting go of a course-only mindset."),
		skill("learning-unit-as-system", "Running the learning unit as a system", "Managing the learning unit through its workflow, measures and structures rather than by directing each person."),
		skill("leading-knowledge-workers", "Leading knowledge workers", "Giving a team of experts vision and direction without micromanaging them."),
		skill("learning-innovation", "Making room for innovation", "Finding time and resources for the team to try, model and refine new ways of learning."),
		skill("market-opportunities", "Reading the Learning 2.0 market", "Spotting new market openings for social and community-based learning products and services."),
		skill("community-platforms", "Building community offerings", "Creating products and content designed for learning communities, inside one organization or across industries."),
	)
	s.Jobs = append(s.Jobs,
		job("instructor-facilitator", "Instructor and facilitator",
			"Runs classroom and online learning, increasingly in communities and action-learning programmes.",
			[]role.Share{share(role.ProfessionalSpecialist, 3), share(role.ProjectManager, 1)},
			need("online-facilitation", competency.Proficient, 3, "Classroom programmes are moving into online communities that need facilitating."),
			need("action-learning-coaching", competency.Competent, 2, "Action learning programmes need coaching rather than teaching."),
			need("organizational-insight", competency.Competent, 2, "When learning mixes with real work, facilitators must understand the business to stay credible."),
			need(aoe.Coaching, competency.Competent, 2, "Online facilitation leans on coaching skill."),
		),
		job("performance-consultant", "Analyst and performance consultant",
			"Finds performance gaps quickly and recommends a mix of training and non-training solutions.",
			[]role.Share{share(role.BusinessPartner, 3), share(role.ProfessionalSpecialist, 2)},
			need("social-data-analysis", competency.Competent, 2, "Community data and online feedback replace slow needs assessments."),
			need("informal-solutions", competency.Proficient, 3, "Solutions blend learning with work instead of handing non-training fixes to others."),
			need("social-curriculum-design", competency.Competent, 2, "Road maps and curricula now include social learning."),
			need("success-case-evaluation", competency.Competent, 2, "Informal learning needs new ways to show its impact."),
		),
		job("relationship-manager", "Relationship manager",
			"Keeps relationships with internal client groups, assesses their high-level needs and assembles teams to meet them.",
			[]role.Share{share(role.BusinessPartner, 4), share(role.LearningStrategist, 1)},
			need("web-2-0-tools", competency.Proficient, 2, "Relationship managers are often the first to discuss social learning with a client."),
			need("community-opportunities", competency.Proficient, 3, "They must tell genuine opportunities for communities from fashion."),
			need("client-education", competency.Competent, 2, "They help clients move beyond a course-only mindset."),
		),
		job("instructional-designer", "Instructional designer and e-learning developer",
			"Designs and builds learning, now including discovery-based, social and mobile experiences. (The seed's skill list for this job was lost; the job rests on its roles.)",
			[]role.Share{share(role.ProfessionalSpecialist, 4), share(role.ProjectManager, 1)},
			need(aoe.DesigningLearning, competency.Proficient, 3, "Design remains the core of the job, extended to informal and social learning."),
		),
		job("learning-consultant", "Learning and organizational-effectiveness consultant",
			"Works inside the organization to change how it works and learns, through workflow redesign, change management and action learning. (The seed's skill list for this job was lost; the job rests on its roles.)",
			[]role.Share{share(role.BusinessPartner, 3), share(role.ProfessionalSpecialist, 2)},
			need(aoe.FacilitatingChange, competency.Proficient, 3, "These consultants facilitate change through how work is organised."),
		),
		job("learning-unit-leader", "Learning unit director and leader",
			"Leads the learning department, a group of experts who must practise what they recommend to clients.",
			[]role.Share{share(role.LearningStrategist, 3), share(role.ProjectManager, 1)},
			need("learning-unit-as-system", competency.Proficient, 3, "The unit is managed through its system of work, not person by person."),
			need("leading-knowledge-workers", competency.Proficient, 3, "The team knows more than its leader about its specialities."),
			need("learning-innovation", competency.Competent, 2, "The unit must model and try new learning approaches itself."),
			need("web-2-0-tools", competency.Competent, 2, "Leaders take part in their own learning communities."),
		),
		job("elearning-vendor", "E-learning supplier and vendor",
			"Builds and sells learning technology, content and services, and shapes the solutions the market offers.",
			[]role.Share{share(role.BusinessPartner, 2), share(role.ProfessionalSpecialist, 2)},
			need("market-opportunities", competency.Proficient, 3, "Vendors must see where social learning opens new markets."),
			need("community-platforms", competency.Proficient, 3, "Offerings should be built on community values and platforms, not wrapped around old ones."),
		),
	)
	return s
}

func main() {
	out := flag.String("o", filepath.Join(os.TempDir(), "learning2.json"), "where to write the extended framework")
	flag.Parse()

	ext, err := wlp.New(Spec())
	if err != nil {
		fail(err)
	}
	b, err := json.MarshalIndent(ext, "", "  ")
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		fail(err)
	}

	// Load it back, as another program would.
	fh, err := os.Open(*out)
	if err != nil {
		fail(err)
	}
	defer fh.Close()
	f, err := wlp.Load(fh)
	if err != nil {
		fail(err)
	}
	fmt.Printf("%s: %d competencies in %d clusters, %d areas, %d roles, %d jobs (written to %s, %d bytes)\n\n",
		f.Name(), len(f.Competencies()), len(f.Clusters()), len(f.Areas()), len(f.Roles()), len(f.Jobs()), filepath.Base(*out), len(b)+1)

	p := profile.Profile{ID: "jordan", Name: "Jordan Avery", Ratings: map[competency.ID]profile.Rating{}}
	for id, l := range map[competency.ID]competency.Level{
		"web-2-0-tools": 4, "open-sharing": 4, "online-facilitation": 4, "action-learning-coaching": 2,
		"organizational-insight": 3, aoe.Coaching: 4, aoe.DeliveringTraining: 5, aoe.DesigningLearning: 3,
		competency.CommunicatingEffectively: 4, competency.DemonstratingAdaptability: 4,
		competency.ModelingPersonalDevelopment: 4, competency.PlanningAssignments: 3, competency.DrivingResults: 3,
		competency.BuildingTrust: 4, competency.InfluencingStakeholders: 3, aoe.ManagingLearningFunction: 2,
	} {
		p.Ratings[id] = profile.Rating{Level: l, Source: profile.Self}
	}
	if err := f.ValidateProfile(p); err != nil {
		fail(err)
	}

	m := match.New(f)
	fmt.Printf("%s against the Learning 2.0 jobs, best first:\n", p.Name)
	var results []match.Result
	for _, j := range f.Jobs()[1:] { // the first job is the default model's CLO
		r, err := m.Score(p, j.ID)
		if err != nil {
			fail(err)
		}
		results = append(results, r)
	}
	sortByFit(results)
	for _, r := range results {
		top := "nothing: every requirement is met"
		if len(r.Gaps) > 0 {
			g := r.Gaps[0]
			name, _ := f.NameOf(g.Of[0])
			if len(g.Of) > 1 {
				name = fmt.Sprintf("%d of %d areas", g.AtLeast, len(g.Of))
			}
			top = fmt.Sprintf("%s %s -> %s (+%.1f pts)", name, g.Have, g.Need, 100*g.Gain)
		}
		fmt.Printf("  %-54s %3.0f%%  %-5s  next: %s\n", r.Name, 100*r.Fit, r.Confidence, top)
	}
}

// sortByFit orders results best fit first, keeping the job order on ties.
func sortByFit(rs []match.Result) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].Fit > rs[j-1].Fit; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "learning2:", err)
	os.Exit(1)
}
