package wlp

import (
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
)

// The later ATD models as data. Their names are as ATD publishes them
// (see the sources each description cites); every summary is this
// project's own short reading of the name and its place in the model, not
// a quotation. Neither model defines roles, so neither has roles or jobs,
// and no source gives us behaviours to list.

// atd2013Foundational is the 2013 model's one cluster: its foundational
// competencies.
const atd2013Foundational competency.Cluster = "foundational"

// atd2013Spec returns a fresh copy of the ATD Competency Model of 2013.
// Each call builds new slices, in constant time.
func atd2013Spec() Spec {
	const fc = atd2013Foundational
	return Spec{
		ID:      ATD2013ID,
		Name:    "ATD Competency Model",
		Version: "2013",
		Description: "The model of the ASTD Competency Study: The Training & Development Profession Redefined " +
			"(ASTD Press, 2013), called the ATD Competency Model since 2014. It has two tiers: six foundational " +
			"competencies, here one cluster, and ten areas of expertise. It defines no roles, so this framework " +
			"has no roles or jobs to score against. The names are the model's; every summary is this project's " +
			"own short reading, not the model's text. Sources: https://www.td.org/certification/atd-competency-model, " +
			"http://atdlasvegas.org/competencymodel, http://lasvegas.astd.org/competencymodel.",
		Clusters: []competency.ClusterInfo{
			{ID: fc, Name: "Foundational competencies", Summary: "The personal, interpersonal and business abilities that everyone in the profession draws on, whatever their specialty."},
		},
		Competencies: []competency.Competency{
			{ID: "business-skills", Name: "Business Skills", Cluster: fc,
				Summary: "Knowing how the organization works and what it is trying to achieve, and using analysis, planning and judgment so that learning serves those aims."},
			{ID: "global-mindset", Name: "Global Mindset", Cluster: fc,
				Summary: "Working well with people of other cultures, countries and backgrounds, and shaping learning for a workforce spread across the world."},
			{ID: "industry-knowledge", Name: "Industry Knowledge", Cluster: fc,
				Summary: "Keeping up with the training and development field and with the organization's own sector, and bringing both to one's work."},
			{ID: "interpersonal-skills", Name: "Interpersonal Skills", Cluster: fc,
				Summary: "Building trust, communicating clearly, influencing others and working with colleagues and partners across the organization."},
			{ID: "personal-skills", Name: "Personal Skills", Cluster: fc,
				Summary: "Adapting to change, managing oneself and one's time, and taking charge of one's own continued learning."},
			{ID: "technology-literacy", Name: "Technology Literacy", Cluster: fc,
				Summary: "Being at ease with the technology the work depends on, and judging which tools suit a given need."},
		},
		Areas: []aoe.Area{
			{ID: "performance-improvement", Name: "Performance Improvement",
				Summary: "Finding why what people achieve falls short of what is needed, and choosing the remedies, training or otherwise, that close the gap."},
			{ID: "instructional-design", Name: "Instructional Design",
				Summary: "Analyzing learning needs, then designing, building and testing the programs and materials that meet them."},
			{ID: "training-delivery", Name: "Training Delivery",
				Summary: "Leading learning events, in a room or online, so that people take part and come away able to do more."},
			{ID: "learning-technologies", Name: "Learning Technologies",
				Summary: "Choosing and using technology to create, deliver and support learning; new as an area of its own in this model."},
			{ID: "evaluating-learning-impact", Name: "Evaluating Learning Impact",
				Summary: "Gathering and analyzing evidence of what learning changed, and reporting its value to the organization."},
			{ID: "managing-learning-programs", Name: "Managing Learning Programs",
				Summary: "Planning, staffing, funding and running the learning function and its programs in step with the organization's strategy."},
			{ID: "integrated-talent-management", Name: "Integrated Talent Management",
				Summary: "Joining up hiring, development, performance management, succession and retention so that the organization has the people it needs."},
			{ID: "coaching", Name: "Coaching",
				Summary: "Working with a person or a team, through questions and feedback, to help them set goals and reach them."},
			{ID: "knowledge-management", Name: "Knowledge Management",
				Summary: "Capturing, organizing and sharing what the organization knows so that people can find it and use it again."},
			{ID: "change-management", Name: "Change Management",
				Summary: "Guiding people and the organization through change, helping them understand it, accept it and make it last."},
		},
	}
}

// The 2020 model's three domains, the framework's clusters.
const (
	atd2020Personal       competency.Cluster = "building-personal-capability"
	atd2020Professional   competency.Cluster = "developing-professional-capability"
	atd2020Organizational competency.Cluster = "impacting-organizational-capability"
)

// atd2020Spec returns a fresh copy of the ATD Talent Development
// Capability Model of 2020. Each call builds new slices, in constant time.
func atd2020Spec() Spec {
	const (
		pe = atd2020Personal
		pr = atd2020Professional
		or = atd2020Organizational
	)
	return Spec{
		ID:      ATD2020ID,
		Name:    "ATD Talent Development Capability Model",
		Version: "2020",
		Description: "The capability model ATD released on 8 January 2020: 23 capabilities in three domains of " +
			"practice, with no tier or order among the domains. The framework's clusters are the three domains " +
			"and every capability is a competency (there are no areas of expertise). It defines no roles, so " +
			"this framework has no roles or jobs to score against. The names are as ATD's handout of the " +
			"capability definitions (2019) prints them; every summary is this project's own short reading, not " +
			"the model's text. Sources: https://www.td.org/insights/the-talent-development-capability-model-is-here, " +
			"https://www.td.org/content/press-release/atd-releases-talent-development-capability-model.",
		Clusters: []competency.ClusterInfo{
			{ID: pe, Name: "Building Personal Capability", Summary: "The interpersonal and personal abilities every talent development professional needs to work well with others and keep growing."},
			{ID: pr, Name: "Developing Professional Capability", Summary: "The craft of the profession: how people learn, and creating, delivering and judging the learning that helps them develop."},
			{ID: or, Name: "Impacting Organizational Capability", Summary: "Using talent development to move the whole organization forward: its strategy, its people, its culture and its results."},
		},
		Competencies: []competency.Competency{
			{ID: "communication", Name: "Communication", Cluster: pe,
				Summary: "Expressing ideas clearly in speech and in writing, listening with attention, and suiting the message to its audience."},
			{ID: "emotional-intelligence-and-decision-making", Name: "Emotional Intelligence & Decision Making", Cluster: pe,
				Summary: "Noticing and managing one's own feelings and reading those of others, and drawing on that awareness to make sound decisions."},
			{ID: "collaboration-and-leadership", Name: "Collaboration & Leadership", Cluster: pe,
				Summary: "Working with others toward shared goals, building relationships and giving direction with or without formal authority."},
			{ID: "cultural-awareness-and-inclusion", Name: "Cultural Awareness & Inclusion", Cluster: pe,
				Summary: "Respecting the differences among people and creating conditions in which everyone can contribute and belong."},
			{ID: "project-management", Name: "Project Management", Cluster: pe,
				Summary: "Planning, organizing and steering work so that it is delivered on time, within budget and to the agreed scope."},
			{ID: "compliance-and-ethical-behavior", Name: "Compliance & Ethical Behavior", Cluster: pe,
				Summary: "Acting with integrity and keeping to the laws, regulations and policies that govern the work."},
			{ID: "lifelong-learning", Name: "Lifelong Learning", Cluster: pe,
				Summary: "Staying curious and continuing to develop one's own knowledge and skills throughout a career."},
			{ID: "learning-sciences", Name: "Learning Sciences", Cluster: pr,
				Summary: "Applying what research shows about how adults learn and remember to the way learning is built and offered."},
			{ID: "instructional-design", Name: "Instructional Design", Cluster: pr,
				Summary: "Working out what people need to learn, then designing and developing the experiences and materials that get them there."},
			{ID: "training-delivery-and-facilitation", Name: "Training Delivery & Facilitation", Cluster: pr,
				Summary: "Leading learning, face to face or online, in ways that engage people and help them learn from one another."},
			{ID: "technology-application", Name: "Technology Application", Cluster: pr,
				Summary: "Choosing, adopting and using technology to create and deliver learning and to support people at work."},
			{ID: "knowledge-management", Name: "Knowledge Management", Cluster: pr,
				Summary: "Making what the organization knows easy to record, find and share, so that it is used rather than lost."},
			{ID: "career-and-leadership-development", Name: "Career & Leadership Development", Cluster: pr,
				Summary: "Helping people plan and grow their careers, and preparing the organization's present and future leaders."},
			{ID: "coaching", Name: "Coaching", Cluster: pr,
				Summary: "Supporting a person, through questions and feedback, to set goals, find their own answers and act on them."},
			{ID: "evaluating-impact", Name: "Evaluating Impact", Cluster: pr,
				Summary: "Measuring what learning and talent programs achieve, and showing their effect on people and on the organization."},
			{ID: "business-insight", Name: "Business Insight", Cluster: or,
				Summary: "Understanding the organization's strategy, finances and market, and lining talent development up with them."},
			{ID: "consulting-and-business-partnering", Name: "Consulting & Business Partnering", Cluster: or,
				Summary: "Working with leaders as a trusted adviser, to diagnose what they need and agree on what will meet it."},
			{ID: "organization-development-and-culture", Name: "Organization Development & Culture", Cluster: or,
				Summary: "Shaping the organization's structure, processes and culture so that it works well and keeps improving."},
			{ID: "talent-strategy-and-management", Name: "Talent Strategy & Management", Cluster: or,
				Summary: "Planning how the organization attracts, develops, deploys and keeps the people its strategy needs."},
			{ID: "performance-improvement", Name: "Performance Improvement", Cluster: or,
				Summary: "Analyzing gaps in the performance of people and the organization, finding their causes and choosing remedies that close them."},
			{ID: "change-management", Name: "Change Management", Cluster: or,
				Summary: "Leading people and the organization through change so that it is understood, accepted and sustained."},
			{ID: "data-and-analytics", Name: "Data & Analytics", Cluster: or,
				Summary: "Collecting, analyzing and interpreting data to inform decisions about learning and talent."},
			{ID: "future-readiness", Name: "Future Readiness", Cluster: or,
				Summary: "Watching how work, technology and society are changing, and preparing oneself and the organization for what comes next."},
		},
	}
}
