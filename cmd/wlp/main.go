// Command wlp puts the ASTD 2004 workplace learning and performance
// competency model in reach of people who do not write Go: it exports the
// framework and its JSON Schemas, validates framework and profile
// documents, scores people against roles and jobs, ranks them, scores a
// team together, hands roles (hats) out to a team, plans a person's
// development, and draws radar charts of a person (or a team) against a
// target's required levels.
//
// Usage:
//
//	wlp export                          the framework as JSON
//	wlp schema KIND                     a JSON Schema: framework, profile, result, ranking, team, assignment or plan;
//	                                    `wlp schema profile -for-framework` the framework's form schema
//	wlp validate FILE...                check framework or profile documents, every problem with its JSON pointer
//	wlp score PROFILE TARGET            fit, confidence, parts and gaps of one profile against a role or job
//	wlp roles PROFILE                   the framework's roles, best fit first
//	wlp rank [-k N] TARGET PROFILE...   people ranked for a role or job
//	wlp team TARGET PROFILE...          a team against a role or job: who covers what, its gaps, develop or hire
//	wlp assign [-max-hats N] ROLE[,ROLE...] PROFILE...
//	                                    hand roles (a job's ID: its roles) out for the best total fit
//	wlp plan [-until no|low|high|exact] [-max-steps N] [-max-raise N] PROFILE TARGET
//	                                    a development plan: the steps that raise the fit, in order
//	wlp chart PROFILE TARGET            an SVG radar chart of the profile against the target
//	wlp chart -team PROFILE... TARGET   the same for several people at once, and the team they make
//	wlp help [COMMAND]                  help on the commands
//
// Every command reads the embedded ASTD 2004 framework unless -framework
// FILE names another, prints a readable table (or, for export, schema and
// chart, its document) and JSON with -json, and reads the file name "-" as
// standard input. The commands that score profiles take -combine POLICY
// (median, manager-first or mean-except-self) to merge a profile's
// reviews, several raters' levels, into its ratings first; their tables
// note where raters disagree by two levels or more. chart -o FILE writes
// its output to FILE atomically (a temporary file, then a rename) and
// refuses to write over the command's own input files.
//
// The exit status is 0 on success; 1 when a document fails validation, a
// file is missing or unreadable, a target is unknown, or the output cannot
// be written (a failed write to standard output, a full disk, -o naming an
// input file); and 2 on misuse: an unknown command or flag, a bad flag
// value, the wrong number of arguments, or a malformed argument (such as
// an empty or repeated role in assign's list).
//
// Run `wlp help COMMAND` for each command's flags and an example.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
