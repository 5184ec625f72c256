package aoe

// areas holds the nine areas of expertise in model order. The descriptions
// are this project's own summaries of "ASTD Competency Study: Mapping the
// Future (2004)".
var areas = [...]Area{
	{
		ID:      CareerPlanning,
		Name:    "Career planning and talent management",
		Summary: "Making sure the workforce has the skills the organization's strategy calls for, by aligning people's career plans with the organization's talent processes so that individuals grow and the organization keeps its capabilities current.",
		Behaviors: []string{
			"Assesses workforce skills against strategic needs",
			"Helps employees plan career paths",
			"Supports succession planning and talent reviews",
			"Matches individual aspirations with organizational roles",
		},
		Technologies: "Talent management systems, online skill assessments and career portals help track skills, plan succession and let employees explore development paths.",
	},
	{
		ID:      Coaching,
		Name:    "Coaching",
		Summary: "Helping individuals and teams, through an interactive relationship, to develop faster, set and reach goals, make better decisions and use their strengths more fully.",
		Behaviors: []string{
			"Builds a trusting coaching relationship",
			"Asks questions that help people clarify their goals",
			"Helps people plan actions and follow through",
			"Gives constructive feedback",
			"Encourages people to build on their strengths",
		},
		Technologies: "Phone, video and online tools let coaching happen at a distance, while assessment instruments and feedback tools inform the coaching conversation.",
	},
	{
		ID:      DeliveringTraining,
		Name:    "Delivering training",
		Summary: "Presenting courses, guided practice and other learning solutions so that learners stay engaged and reach the intended outcomes, adapting to their needs and making sure the offering reaches them when it is needed.",
		Behaviors: []string{
			"Prepares materials, setting and learners for each session",
			"Engages learners through varied activities",
			"Adjusts delivery in response to learner questions and needs",
			"Manages the learning environment",
			"Checks that learning objectives are met",
		},
		Technologies: "Virtual classrooms, webinar platforms, learning management systems and presentation tools extend delivery beyond the classroom and handle enrollment and tracking.",
	},
	{
		ID:      DesigningLearning,
		Name:    "Designing learning",
		Summary: "Creating and developing learning solutions that meet identified needs, choosing the strategies, methods and media most likely to make learning effective and lasting.",
		Behaviors: []string{
			"Analyzes learner needs and context",
			"Writes clear learning objectives",
			"Selects instructional methods and media",
			"Develops materials, activities and assessments",
			"Tests and revises designs",
		},
		Technologies: "Authoring tools, e-learning standards, simulations and blended designs let designers choose and build the right mix of online and classroom learning.",
	},
	{
		ID:      FacilitatingChange,
		Name:    "Facilitating organizational change",
		Summary: "Leading and guiding people through change in the organization, from making the case for it to helping new ways of working take hold.",
		Behaviors: []string{
			"Assesses readiness for change",
			"Engages sponsors and the people affected",
			"Plans and communicates the steps of a change",
			"Addresses resistance",
			"Reinforces new ways of working",
		},
		Technologies: "Collaboration platforms, online surveys and intranet communications help gauge readiness, keep people informed and sustain new ways of working.",
	},
	{
		ID:      ImprovingPerformance,
		Name:    "Improving human performance",
		Summary: "Using a systematic process to find and diagnose gaps between current and desired performance, then working with the client to design, put in place and evaluate affordable, ethically sound solutions that close them.",
		Behaviors: []string{
			"Defines desired performance with the client",
			"Analyzes the causes of performance gaps",
			"Recommends learning and non-learning solutions",
			"Implements solutions and monitors the change",
			"Evaluates results against goals",
		},
		Technologies: "Electronic performance support, online job aids and data analysis tools help diagnose gaps and give workers help at the moment they need it.",
	},
	{
		ID:      ManagingKnowledge,
		Name:    "Managing organizational knowledge",
		Summary: "Championing the sharing of knowledge across the organization, planning how it will create, capture and reuse what it knows, and leading and coordinating its knowledge management work.",
		Behaviors: []string{
			"Promotes a culture of sharing knowledge",
			"Identifies critical knowledge and where it resides",
			"Sets up ways to capture and reuse expertise",
			"Connects people with experts and communities of practice",
			"Coordinates knowledge initiatives across units",
		},
		Technologies: "Knowledge repositories, portals, collaboration and search tools and expert directories make it easier to capture, find and reuse what people know.",
	},
	{
		ID:      ManagingLearningFunction,
		Name:    "Managing the learning function",
		Summary: "Leading the development of the people capabilities the organization's strategy depends on, and running the learning and performance function itself: its plans, budget, staff, vendors and operations.",
		Behaviors: []string{
			"Sets the learning function's strategy and priorities",
			"Manages budgets, staff and vendors",
			"Aligns learning offerings with business goals",
			"Monitors operations and adjusts as needed",
			"Reports the function's value to leaders",
		},
		Technologies: "Learning management systems, enterprise learning platforms and analytics help leaders administer offerings, control costs and decide which technologies to invest in.",
	},
	{
		ID:      MeasuringAndEvaluating,
		Name:    "Measuring and evaluating",
		Summary: "Collecting and analyzing data to show what learning and performance solutions are worth and what difference they make, both for single programs and for the learning system as a whole, and using the findings to improve them.",
		Behaviors: []string{
			"Defines evaluation questions with stakeholders",
			"Designs data collection methods and instruments",
			"Analyzes results and return on investment",
			"Reports findings with recommendations",
			"Uses findings to improve programs",
		},
		Technologies: "Online surveys, learning management system records, and analytics and reporting tools help gather evidence and present impact to stakeholders.",
	},
}
