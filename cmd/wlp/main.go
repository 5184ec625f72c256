// Command wlp puts the ASTD 2004 workplace learning and performance
// competency model in reach of people who do not write Go: it exports the
// framework and its JSON Schemas, validates framework and profile
// documents, scores people against roles and jobs, ranks them, and draws
// radar charts of a person (or a team) against a target's required levels.
//
// Usage:
//
//	wlp export                          the framework as JSON
//	wlp schema framework|profile|result|ranking
//	                                    a JSON Schema; `wlp schema profile -for-framework` the framework's form schema
//	wlp validate FILE...                check framework or profile documents, every problem with its JSON pointer
//	wlp score PROFILE TARGET            fit, confidence, parts and gaps of one profile against a role or job
//	wlp roles PROFILE                   the framework's roles, best fit first
//	wlp rank [-k N] TARGET PROFILE...   people ranked for a role or job
//	wlp chart PROFILE TARGET            an SVG radar chart of the profile against the target
//	wlp chart -team PROFILE... TARGET   the same for several people at once
//	wlp help [COMMAND]                  help on the commands
//
// Every command reads the embedded ASTD 2004 framework unless -framework
// FILE names another, prints a readable table (or, for export, schema and
// chart, its document) and JSON with -json, and reads the file name "-" as
// standard input. The exit status is 0 on success, 1 when a document fails
// validation, a file is missing or unreadable, or a target is unknown, and
// 2 on misuse: an unknown command or flag, or the wrong number of
// arguments.
//
// Run `wlp help COMMAND` for each command's flags and an example.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
