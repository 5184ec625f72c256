// Package diff says what changed between two competency frameworks: two
// versions of one custom framework, or two models such as the ASTD 2004
// and ATD 2013 ones. [Frameworks] lists every difference, each located
// by kind, ID and place in both documents, with its old and new values:
// the framework's name and version, clusters, competencies and areas
// (added, removed, renamed, given a new ID, moved to another cluster or
// tier, reworded), roles and jobs, their requirements (level, weight,
// group, rationale) and a job's shares of its roles. [Fits] says how
// each person's fit against each role and job changes from one framework
// to the other, and, once per person, which ratings count for nothing in
// the second.
//
// Items pair across the two frameworks by ID, then by equal name (a name
// that no other item of the same framework has). Given
// a crosswalk (see package crosswalk), its exact links pair items first
// and its close links pair what is left before names do, so that the
// diff of two models follows the crosswalk's reading of them.
package diff
