package main

import (
	"flag"
	"io"
	"strings"
)

// A Command is one subcommand of wlp, in the manner of cmd/go's
// base.Command: its name, usage line, help text and flags, and the
// function that runs it. Everything wlp says about a command comes from
// here: `wlp help`, `wlp help NAME`, `wlp NAME -h`, the usage line of a
// misuse message, and the package documentation in doc.go, which the
// tests generate from the commands.
//
// Each run of wlp builds its commands afresh (see commands), each with a
// flag set of its own bound to that run's variables, so that runs share
// no state.
type Command struct {
	// Name is the command as typed: "score".
	Name string
	// UsageLine is the command's synopsis: "wlp score [-json] ... TARGET
	// PROFILE". It names every flag of Flag.
	UsageLine string
	// Short says in one line what the command does, for the command list.
	Short string
	// Long explains the command, for `wlp help NAME`.
	Long string
	// Example holds one or more command lines, one a line.
	Example string

	// Flag holds the command's flags.
	Flag flag.FlagSet
	// CustomFlags makes wlp pass the arguments to Run as they are,
	// without parsing flags or counting arguments: help parses its own.
	CustomFlags bool
	// MinArgs and MaxArgs bound the number of arguments after the flags;
	// MaxArgs is -1 for no bound.
	MinArgs, MaxArgs int

	// Run runs the command on its arguments, its flags parsed. A
	// usageError is misuse, printed with the usage line (exit status 2);
	// errReported and errMisuseReported are a failure and misuse the
	// command has reported itself (exit status 1 and 2); any other error
	// is printed as a failure (exit status 1).
	Run func(args []string) error
}

// commands returns the commands of wlp, in the order help lists them,
// with their flags bound to e.
func commands(e *env) []*Command {
	return []*Command{
		newExport(e), newSchema(e), newValidate(e), newImport(e), newMigrate(e), newScore(e), newRoles(e), newRank(e),
		newTeam(e), newAssign(e), newPlan(e), newChart(e), newReport(e), newForm(e), newDiff(e), newVersion(e), newCompletion(e), newHelp(e),
	}
}

// lookup returns the command called name, with its flags bound to e, or
// nil when there is none. Binding a flag sets its variable to the flag's
// default, so look a command up before parsing its flags, not after.
func lookup(name string, e *env) *Command {
	for _, c := range commands(e) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// newCommand returns c with its flag set made ready, empty.
func newCommand(c *Command) *Command {
	c.Flag.Init("wlp "+c.Name, flag.ContinueOnError)
	c.Flag.SetOutput(io.Discard) // run reports errors itself
	return c
}

// jsonDoc is what -json does for most commands.
const jsonDoc = "print JSON instead of a table"

// commonFlags adds the flags every command but help takes, bound to e:
// -framework, and -json, which does what doc says.
func (c *Command) commonFlags(e *env, doc string) {
	c.Flag.StringVar(&e.framework, "framework", "", frameworkUsage)
	c.Flag.BoolVar(&e.json, "json", false, doc)
}

// hasFlag reports whether c takes the flag -name.
func (c *Command) hasFlag(name string) bool {
	return c.Flag.Lookup(name) != nil
}

// hasFlags reports whether c takes any flag.
func (c *Command) hasFlags() bool {
	n := 0
	c.Flag.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// exampleLines returns c's example command lines.
func (c *Command) exampleLines() []string {
	return strings.Split(strings.TrimSpace(c.Example), "\n")
}
