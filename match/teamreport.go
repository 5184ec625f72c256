package match

// TeamReport is what `wlp team -json` prints: how a team covers a role or
// job together, and how to close the gaps it leaves.
//
// It validates against the schema of kind "team", which is reflected from
// this type.
//
// In Go, a TeamReport is Matcher.Team's result and Matcher.TeamPlan's steps
// for the same team and target, side by side; the schema of kind "team" is
// reflected from this type, and the wlp command prints it.
type TeamReport struct {
	// Team is the team's coverage of the target: the team's result scored
	// on every member's best levels, who covers each requirement, and what
	// each member adds.
	Team TeamResult `json:"team"`
	// Plan lists the team's gaps in gain order, each with whether to close
	// it by developing the member closest to it or only by a hire.
	Plan []TeamStep `json:"plan"`
}
