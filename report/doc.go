// Package report turns what package match finds into things people read:
// a radar chart, HTML reports of a person and of a team, and the
// self-assessment page on which the ratings are given in the first place.
//
// Each comes as plain data first, with exported fields, JSON tags and no
// hidden state, which a program may build, edit or render its own way,
// and then as a document:
//
//   - [NewRadar] scores people against a role or job and lays the target
//     out on axes, one per requirement, as a [Radar]; [Radar.WriteSVG]
//     draws it as a standalone SVG that scales to any size and reads
//     aloud to screen readers. A target of fewer than three requirements
//     is drawn as bars, a team of more than 12 as the spread of its
//     levels, and a group requirement names what it lists
//     ([RequirementLabel]). The SVG has no element IDs and marks its
//     parts with wlp- classes, so charts can sit inline in HTML, several
//     to a page.
//   - [NewPersonReport] gives a person's fit and grade, how the parts of
//     the target add up to it, the gaps in order of gain, a development
//     plan and the radar, as a [PersonReport]; [NewTeamReport] gives a
//     team's skills matrix (members by requirements, coloured by level
//     against need), ranking, coverage, gaps with develop or hire, and
//     hats, as a [TeamReport]. Their WriteHTML methods write one
//     self-contained page each: inline style and SVG, no script, nothing
//     fetched, the same bytes for the same input, and clean printing;
//     they fit a phone's width (wide tables scroll in place), and names
//     are isolated for right-to-left scripts.
//   - [NewForm] lists a framework's competencies and areas by tier and
//     cluster as a [Form]; [Form.WriteHTML] writes the self-assessment
//     page, on which a person rates themself or a rater rates them in a
//     360-degree review, and saves a profile document that loads with
//     [profile.Load]. The page loads nothing, its Content-Security-Policy
//     allows only its own script and style, and nothing typed leaves the
//     browser. [FormHandler] serves it from a program's own mux.
//
// The reports' row types (Part, Requirement, Gap, Step; Member,
// Coverage, TeamGap, Hat) mirror match's results with every ID named
// for display: where match says what was computed, they say what a
// reader sees. A [TeamReport] is the page of a team; [match.TeamReport]
// is the document `wlp team -json` prints.
//
// The wlp command's chart, report and form subcommands are these calls,
// so a Go program writes the same documents, byte for byte.
//
// # Cost
//
// NewRadar costs one [match.Matcher.Score] per person (and one
// [match.Matcher.Team] for a team chart) plus time linear in the target's
// requirements and the people's ratings. WriteSVG costs time and memory
// linear in the axes times the people; the default model's largest chart,
// one person against the CLO job's 21 axes, is about 14 KB. Charts of more
// than 256 axes are drawn, but their labels are not moved apart (such a
// chart cannot be read anyway), which keeps the cost linear.
//
// NewPersonReport adds one [match.Matcher.Plan]; NewTeamReport costs a
// Score per member, Team, TeamPlan and Assign, and a sort of the members,
// and its page takes about 100 bytes per cell of the matrix and 550 per
// member (about 1.3 MB for 500 people against the CLO job). NewForm and Form.WriteHTML are
// linear in the competencies and areas times the levels; the default
// model's page is about 150 KB.
package report
