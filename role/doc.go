// Package role holds the third tier of the workplace learning and
// performance competency model: the roles, and the jobs that blend them.
//
// A [Role] is a hat, not a job title: a broad area of responsibility that
// needs a chosen set of foundational competencies and areas of expertise.
// Each need is a [Requirement]: one or more competency IDs, how many of
// them must reach a level, a weight, and a rationale. A [Job], such as the
// model's own Chief Learning Officer example ([CLO]), is a weighted blend of
// roles ([Share]) plus requirements of its own.
//
// Roles and jobs share one ID space, [ID], so a profile can be scored
// against either. The four roles of the ASTD 2004 model and the CLO job are
// available as constants and as values ([All], [Jobs]). Their requirements
// are this project's documented reading of the model's role definitions;
// every requirement says why it is there, so it can be audited and
// overridden in a framework of one's own.
package role
