package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/wlpmodel/wlp"
)

// newHelp returns the help command, which writes to e's streams.
func newHelp(e *env) *Command {
	return newCommand(&Command{
		Name:      "help",
		UsageLine: "wlp help [COMMAND]",
		Short:     "explain a command: wlp help COMMAND",
		Long: `Help explains wlp: with no argument, what it does and its commands; with
the name of a command, that command, its flags and an example. "wlp
COMMAND -h" says the same.`,
		Example: `wlp help
wlp help score`,
		CustomFlags: true,
		Run:         func(args []string) error { return runHelp(e, args) },
	})
}

// runHelp is `wlp help [COMMAND]`.
func runHelp(e *env, args []string) error {
	switch len(args) {
	case 0:
		fmt.Fprint(e.stdout, longUsage())
		return nil
	case 1:
		if c := lookup(args[0], &env{}); c != nil {
			commandHelp(e.stdout, c)
			return nil
		}
		if isHelp(args[0]) {
			fmt.Fprint(e.stdout, longUsage())
			return nil
		}
		fmt.Fprintf(e.stderr, "wlp help: %s\n%s", unknownCommand(args[0]), shortUsage())
		return errMisuseReported
	}
	fmt.Fprintf(e.stderr, "wlp help: wants at most 1 argument, got %d\nusage: wlp help [COMMAND]\n", len(args))
	return errMisuseReported
}

// commandList lists the commands, one a line: name and short help.
func commandList() string {
	cmds := commands(&env{})
	width := 0
	for _, c := range cmds {
		width = max(width, len(c.Name))
	}
	var b strings.Builder
	for _, c := range cmds {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, c.Name, c.Short)
	}
	return b.String()
}

// shortUsage is printed on misuse.
func shortUsage() string {
	return "usage: wlp COMMAND [flags] [arguments]\n\nCommands:\n" + commandList() +
		"\nRun 'wlp help' for more, 'wlp help COMMAND' for one command.\n"
}

// intro says what wlp does, in the words `wlp help` and doc.go begin
// with.
const intro = `wlp works with the ASTD 2004 workplace learning and performance competency
model: it exports the framework and its JSON Schemas, exchanges frameworks as
CASE 1.1 packages, validates framework and profile documents, scores people
against roles and jobs, ranks them, scores teams, hands roles out to a team,
plans a person's development, draws radar charts, and writes a
self-assessment page and HTML reports.
`

// longUsage is `wlp help`.
func longUsage() string {
	return intro + "\nusage: wlp COMMAND [flags] [arguments]\n\nCommands:\n" + commandList() + "\n" + general() + `
Examples:
  wlp validate examples/data/*.json
  wlp score chief-learning-officer examples/data/dana.json
  wlp rank -k 3 chief-learning-officer examples/data/dana.json examples/data/lee.json examples/data/sam.json
  wlp team chief-learning-officer examples/data/sam.json examples/data/priya.json
  wlp assign learning-strategist,business-partner examples/data/dana.json examples/data/lee.json
  wlp plan -combine median "Business Partner" examples/data/alex-360.json
  wlp chart -o dana.svg chief-learning-officer examples/data/dana.json
`
}

// general says what holds for every command: the framework, the output,
// the targets, -combine and the exit status.
func general() string {
	var combined []string
	for _, c := range commands(&env{}) {
		if c.hasFlag("combine") {
			combined = append(combined, c.Name)
		}
	}
	return `Every command that uses a framework reads the embedded ASTD 2004 framework
(astd-2004) unless -framework names another: a framework document's FILE,
or the ID of an embedded one, atd-2013 or atd-2020 (the later ATD models,
which have no roles or jobs; ./atd-2020 reads a file of that name). It
prints a readable table by default (export, schema and chart print their
document) and JSON with -json, and reads the file name "-" as standard
input. Flags may come before or after the arguments.

` + wrap(`A TARGET is a role or a job of the framework, named by its ID or by its
name in any case, spacing and punctuation ("business-partner", "Business
Partner"): `+defaultTargets()+` in the default model (wlp export -table lists
them). A command about people and a target takes the target first, then the
people: wlp score TARGET PROFILE.`, helpWidth) + `
` + peopleDoc + `

A profile may carry reviews, several raters' levels (a 360-degree review).
` + andList(combined) + ` merge them into the ratings
first, by median unless -combine POLICY names another policy
(` + policyNames() + `, or none to score
the ratings alone); tables name the policy and note where raters disagree by
2 levels or more.

The commands that print a table print CSV with -csv, for a spreadsheet;
each command's help lists its columns.

Exit status: 0 on success; 1 when a document fails validation, a file is
missing or unreadable, a target is unknown or names several, two profiles
of a team share an ID, or the output cannot be written (standard output
fails, or -o names one of the command's own input files); 2 on misuse (an
unknown command or flag, a bad flag value, the wrong number of arguments,
the target after the people, or a malformed argument such as an empty or
repeated role in assign's ROLE list). Misuse is answered with the command
line meant where wlp can tell it.
`
}

// helpWidth is the width help text is wrapped to.
const helpWidth = 76

// wrap fills the paragraph s into lines of at most width bytes (longer
// words stand alone), and ends it with a newline.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		switch {
		case n == 0:
		case n+1+len(w) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	b.WriteByte('\n')
	return b.String()
}

// defaultTargets lists the roles and jobs of the default framework by ID:
// "a, b or c".
func defaultTargets() string {
	return orList(idStrings(newTargets(wlp.Default()).ids))
}

// commandHelp is `wlp help NAME` and `wlp NAME -h`.
func commandHelp(w io.Writer, c *Command) {
	fmt.Fprintf(w, "usage: %s\n\n%s\n", c.UsageLine, strings.TrimSpace(c.Long))
	if c.hasFlags() {
		fmt.Fprintf(w, "\nFlags:\n")
		c.Flag.SetOutput(w)
		c.Flag.PrintDefaults()
		c.Flag.SetOutput(io.Discard)
	}
	fmt.Fprintf(w, "\nExample:\n")
	for _, line := range c.exampleLines() {
		fmt.Fprintf(w, "  %s\n", line)
	}
}
