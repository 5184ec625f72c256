package competency

// foundational holds the twelve foundational competencies in model order.
// The descriptions are this project's own summaries of "ASTD Competency
// Study: Mapping the Future (2004)".
var foundational = [...]Competency{
	{
		ID:      BuildingTrust,
		Name:    "Building trust",
		Cluster: Interpersonal,
		Summary: "Acting with integrity so that colleagues and clients can rely on one's motives and on the good faith of the organization.",
		Behaviors: []string{
			"Keeps commitments and acts consistently",
			"Shares information openly and honestly",
			"Respects confidences",
			"Admits mistakes and takes responsibility for them",
			"Treats people fairly and with respect",
		},
	},
	{
		ID:      CommunicatingEffectively,
		Name:    "Communicating effectively",
		Cluster: Interpersonal,
		Summary: "Getting ideas and feelings across clearly and persuasively to individuals and groups, listening well, and planning communications that keep people informed and on board.",
		Behaviors: []string{
			"Conveys ideas clearly and briefly in speech and writing",
			"Listens attentively and checks understanding",
			"Tailors message and style to the audience",
			"Plans communications that inform people and win their support",
		},
	},
	{
		ID:      InfluencingStakeholders,
		Name:    "Influencing stakeholders",
		Cluster: Interpersonal,
		Summary: "Persuading decision makers that learning and the recommended solutions will raise performance, and securing their backing to act on them.",
		Behaviors: []string{
			"Makes the case for learning in terms of business performance",
			"Identifies stakeholders and what each cares about",
			"Secures agreement and sponsorship for recommended solutions",
			"Handles objections and resistance constructively",
		},
	},
	{
		ID:      LeveragingDiversity,
		Name:    "Leveraging diversity",
		Cluster: Interpersonal,
		Summary: "Valuing the varied talents and viewpoints that people bring and working productively across differences in culture, working style and background.",
		Behaviors: []string{
			"Seeks out and uses differing perspectives",
			"Adapts approach to different working styles and cultures",
			"Includes everyone in discussions and decisions",
			"Challenges bias and stereotyping",
		},
	},
	{
		ID:      NetworkingAndPartnering,
		Name:    "Networking and partnering",
		Cluster: Interpersonal,
		Summary: "Building and drawing on cooperative relationships inside and outside the organization to advance the learning and performance strategy and help the business reach its goals.",
		Behaviors: []string{
			"Builds relationships with colleagues across functions",
			"Keeps in touch with peers and experts outside the organization",
			"Forms partnerships that advance learning and business goals",
			"Shares resources and information with partners",
		},
	},
	{
		ID:      AnalyzingNeeds,
		Name:    "Analyzing needs and proposing solutions",
		Cluster: BusinessManagement,
		Summary: "Working out the business problem or opportunity behind a request, weighing evidence from several sources, and recommending a realistic course of action given what is known and what is at stake.",
		Behaviors: []string{
			"Clarifies the business problem behind a request",
			"Gathers and compares data from several sources",
			"Weighs alternative solutions against constraints and risks",
			"Recommends action that fits the evidence",
		},
	},
	{
		ID:      ApplyingBusinessAcumen,
		Name:    "Applying business acumen",
		Cluster: BusinessManagement,
		Summary: "Knowing how the organization creates value and what its financial targets are, and using that knowledge and its data to justify learning and performance investments in the language of the business.",
		Behaviors: []string{
			"Explains how the organization earns revenue and controls costs",
			"Builds business cases from financial and operational data",
			"Speaks in business terms with managers and executives",
			"Links learning investments to financial goals",
		},
	},
	{
		ID:      DrivingResults,
		Name:    "Driving results",
		Cluster: BusinessManagement,
		Summary: "Spotting where learning and performance can improve, setting clear goals for the work, coordinating the effort, tracking progress and pushing for outstanding outcomes.",
		Behaviors: []string{
			"Sets clear, measurable goals",
			"Coordinates people and effort toward the goals",
			"Tracks progress and corrects course",
			"Persists when obstacles arise",
		},
	},
	{
		ID:      PlanningAssignments,
		Name:    "Planning and implementing assignments",
		Cluster: BusinessManagement,
		Summary: "Turning learning and performance goals into workable plans, securing the resources they need and finishing the work on schedule.",
		Behaviors: []string{
			"Draws up action plans with milestones",
			"Secures people, budget and materials",
			"Sets priorities and manages time",
			"Completes work on time and to standard",
		},
	},
	{
		ID:      ThinkingStrategically,
		Name:    "Thinking strategically",
		Cluster: BusinessManagement,
		Summary: "Understanding the forces inside and outside the organization that shape learning and performance, watching trends for new ways to add value, and taking a whole-system view so that learning strategy supports business strategy.",
		Behaviors: []string{
			"Monitors business and industry trends",
			"Anticipates future needs and opportunities",
			"Considers how parts of the organization affect one another",
			"Aligns learning strategy with business strategy",
		},
	},
	{
		ID:      DemonstratingAdaptability,
		Name:    "Demonstrating adaptability",
		Cluster: Personal,
		Summary: "Staying effective through major shifts in tasks, workplace or business conditions, welcoming new people and ideas, and settling quickly into new structures, processes and cultures.",
		Behaviors: []string{
			"Stays productive during change and uncertainty",
			"Considers new ideas and approaches with an open mind",
			"Adjusts plans and methods as conditions shift",
			"Works effectively within new structures and processes",
		},
	},
	{
		ID:      ModelingPersonalDevelopment,
		Name:    "Modeling personal development",
		Cluster: Personal,
		Summary: "Taking charge of one's own learning by finding new areas to grow in, making and using chances to learn, and putting what is learned to work.",
		Behaviors: []string{
			"Identifies gaps in own knowledge and skills",
			"Seeks feedback on own performance",
			"Pursues learning opportunities regularly",
			"Puts what they learn into practice at work",
		},
	},
}
