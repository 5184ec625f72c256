package role

import (
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
)

// The IDs of the four roles of the ASTD 2004 model, in model order, and of
// the model's example job.
const (
	LearningStrategist     ID = "learning-strategist"
	BusinessPartner        ID = "business-partner"
	ProjectManager         ID = "project-manager"
	ProfessionalSpecialist ID = "professional-specialist"

	// CLO is the Chief Learning Officer, the job the model itself uses to
	// show how one position blends several roles.
	CLO ID = "chief-learning-officer"
)

// The weights the default model gives its requirements and shares.
const (
	Core       = 3.0 // central to the role's definition
	Important  = 2.0 // clearly called for by the definition
	Supporting = 1.0 // helps, but the role can lean on others for it
)

// All returns the four roles of the ASTD 2004 model in model order, with
// this project's default requirements. Each call returns a fresh deep copy.
func All() []Role {
	out := make([]Role, len(roles))
	for i, r := range roles {
		out[i] = r.Clone()
	}
	return out
}

// Jobs returns the jobs of the default model (the Chief Learning Officer).
// Each call returns a fresh deep copy.
func Jobs() []Job {
	out := make([]Job, len(jobs))
	for i, j := range jobs {
		out[i] = j.Clone()
	}
	return out
}

func one(id competency.ID, l competency.Level, w float64, why string) Requirement {
	return Requirement{Of: []competency.ID{id}, Level: l, Weight: w, Why: why}
}

var roles = [...]Role{
	{
		ID:      LearningStrategist,
		Name:    "Learning strategist",
		Summary: "Decides how learning and performance improvement can best serve the organization's long-term success, and leads the strategies that put it into practice, grounded in evidence of what already works.",
		Requirements: []Requirement{
			one(competency.ThinkingStrategically, competency.Proficient, Core, "Setting direction for learning means reading the forces that shape the business and aligning with its strategy."),
			one(competency.ApplyingBusinessAcumen, competency.Proficient, Core, "A strategy earns investment only when it speaks to the business model, its finances and its goals."),
			one(aoe.ManagingLearningFunction, competency.Proficient, Core, "The strategist leads how the learning function plans, organises and adjusts its work to carry the strategy."),
			one(competency.InfluencingStakeholders, competency.Competent, Important, "Strategies need sponsors: leaders must be won over to them."),
			one(competency.DrivingResults, competency.Competent, Important, "Leading implementation means setting goals and seeing them met."),
			one(competency.AnalyzingNeeds, competency.Competent, Important, "Strategy starts from the organization's needs and from how well current efforts meet them."),
			one(aoe.MeasuringAndEvaluating, competency.Competent, Important, "The role builds on an assessment of how effective existing learning strategies are."),
			one(aoe.FacilitatingChange, competency.Competent, Important, "New learning strategies change how the organization works, and that change must be led."),
			one(aoe.ManagingKnowledge, competency.AdvancedBeginner, Supporting, "Knowledge sharing is one lever a long-term learning strategy can pull."),
			one(aoe.CareerPlanning, competency.AdvancedBeginner, Supporting, "Building the talent the strategy needs links learning to career and talent processes."),
		},
	},
	{
		ID:      BusinessPartner,
		Name:    "Business partner",
		Summary: "Works alongside a client with business and industry knowledge to find ways to improve performance, recommends solutions, wins commitment to them and builds lasting relationships.",
		Requirements: []Requirement{
			one(competency.ApplyingBusinessAcumen, competency.Proficient, Core, "Partnering with a client rests on knowing their business and industry."),
			one(competency.AnalyzingNeeds, competency.Proficient, Core, "The partner finds improvement opportunities and weighs possible solutions with the client."),
			one(competency.BuildingTrust, competency.Proficient, Core, "Long-term client relationships depend on the client trusting the partner's intentions."),
			one(competency.InfluencingStakeholders, competency.Proficient, Core, "The partner must gain the client's agreement and commitment to the proposed solution."),
			one(aoe.ImprovingPerformance, competency.Proficient, Core, "Spotting and closing performance gaps is the substance of what the partner brings."),
			one(competency.CommunicatingEffectively, competency.Competent, Important, "Choosing the right style and channel for each client keeps the relationship working."),
			one(competency.NetworkingAndPartnering, competency.Competent, Important, "Collaborative relationships inside and outside the organization are the partner's reach."),
			one(aoe.MeasuringAndEvaluating, competency.Competent, Important, "The implementation strategy includes judging the impact on business performance."),
			one(aoe.FacilitatingChange, competency.AdvancedBeginner, Supporting, "Solutions agreed with the client often change how their teams work."),
		},
	},
	{
		ID:      ProjectManager,
		Name:    "Project manager",
		Summary: "Plans, resources and monitors the delivery of learning and performance solutions so that they serve the business, keeps the plan on track, clears obstacles and follows through.",
		Requirements: []Requirement{
			one(competency.PlanningAssignments, competency.Proficient, Core, "Planning, resourcing and completing work on time is the heart of the role."),
			one(competency.DrivingResults, competency.Proficient, Core, "The project manager monitors progress toward goals and makes sure the plan is executed."),
			one(competency.CommunicatingEffectively, competency.Competent, Important, "Everyone involved must understand the purpose and the plan."),
			one(aoe.ManagingLearningFunction, competency.Competent, Important, "Delivering solutions draws on the administration of the learning function's activities."),
			one(competency.InfluencingStakeholders, competency.Competent, Supporting, "Removing barriers and securing support means persuading people who own them."),
			one(competency.BuildingTrust, competency.Competent, Supporting, "Teams and sponsors follow a plan more readily when they trust the person running it."),
			one(competency.DemonstratingAdaptability, competency.Competent, Supporting, "Projects change course, and the manager must stay effective when they do."),
			one(aoe.DeliveringTraining, competency.AdvancedBeginner, Supporting, "Many projects deliver learning, so knowing how delivery works helps plan it."),
		},
	},
	{
		ID:      ProfessionalSpecialist,
		Name:    "Professional specialist",
		Summary: "Builds the learning itself: shapes, produces, teaches or measures learning and performance solutions, backed by deep know-how in at least one area of expertise.",
		Requirements: []Requirement{
			{
				Of: aoe.IDs(), AtLeast: 1, Level: competency.Expert, Weight: 4,
				Why: "The role rests on deep knowledge of at least one of the nine areas; one is enough.",
			},
			one(competency.ModelingPersonalDevelopment, competency.Proficient, Important, "Keeping specialist knowledge deep and current takes continual learning."),
			one(competency.DemonstratingAdaptability, competency.Competent, Supporting, "Specialist practice changes with new methods and technologies."),
			one(competency.CommunicatingEffectively, competency.Competent, Supporting, "Designing, delivering and evaluating solutions all require clear communication."),
		},
	},
}

var jobs = [...]Job{
	{
		ID:      CLO,
		Title:   "Chief learning officer",
		Summary: "The executive who leads an organization's learning and performance function: mainly a learning strategist and business partner, relying on others to manage projects and supply specialist depth.",
		Roles: []Share{
			{Role: LearningStrategist, Weight: Core, Why: "The CLO sets the direction for learning across the organization."},
			{Role: BusinessPartner, Weight: Core, Why: "The CLO works with executive peers as a partner on business performance."},
			{Role: ProjectManager, Weight: Supporting, Why: "The CLO relies on other people to run projects."},
			{Role: ProfessionalSpecialist, Weight: Supporting, Why: "The CLO relies on other people for specialist work."},
		},
		Requirements: []Requirement{
			one(competency.ThinkingStrategically, competency.Expert, Important, "The job calls for particular strength in strategic thinking."),
			one(competency.ApplyingBusinessAcumen, competency.Expert, Important, "The job calls for particular strength in business acumen."),
			{
				Of: aoe.IDs(), AtLeast: 7, Level: competency.AdvancedBeginner, Weight: Important,
				Why: "A CLO leads people working in every area, so needs working knowledge of nearly all of them.",
			},
			{
				Of: competency.IDs(), AtLeast: 10, Level: competency.Proficient, Weight: Important,
				Why: "A CLO is expected to be strong across nearly every foundational competency.",
			},
		},
	},
}
