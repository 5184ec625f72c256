package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/wlpmodel/wlp/problem"
)

// command is one subcommand of wlp.
type command struct {
	name    string // as typed: "score"
	args    string // the usage line after "wlp NAME"
	short   string // one line for the command list
	long    string // what it does, for `wlp help NAME`
	example string // one or more example command lines
	jsonDoc string // what -json does, when not "print JSON instead of a table"
	minArgs int    // positional arguments, at least
	maxArgs int    // at most; -1 for no bound
	flags   func(fs *flag.FlagSet, e *env)
	run     func(e *env, args []string) error
}

// commands lists the subcommands in the order help shows them.
var commands = []*command{
	exportCmd, schemaCmd, validateCmd, scoreCmd, rolesCmd, rankCmd,
	teamCmd, assignCmd, planCmd, chartCmd,
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// env is one run of one command: its streams, its flags and what it has
// read so far.
type env struct {
	cmd    *command
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer

	stdinDone bool
	stdinData []byte
	stdinErr  error

	// Flags every command takes.
	framework string
	json      bool

	// Flags of some commands.
	k            int    // rank
	forFramework bool   // schema
	kind         string // validate
	out          string // chart: -o
	team         bool   // chart
	table        bool   // export
	combine      string // the commands that score profiles
	maxHats      int    // assign
	until        string // plan
	maxSteps     int    // plan
	maxRaise     int    // plan

	// inputs lists the files the command has read, which -o may not
	// write over.
	inputs []input

	// reviewNotes says what became of the profiles' reviews, for the
	// table (or chart) to show.
	reviewNotes []reviewNote
}

// usageError is misuse: run prints it with the command's usage line and
// exits 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// errReported is a failure the command has already reported in full: run
// exits 1 without printing more.
var errReported = errors.New("failure reported")

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// run runs the wlp command line args (without the program name) and
// returns the exit status. It is main without the process: tests drive it
// in-process.
//
// Every write to stdout goes through one buffer, which remembers the first
// error; run flushes it once at the end and reports a failed write as a
// failure (status 1), whatever the command: help, a table, a document, or
// nothing at all. Writes to stderr flush stdout first, so the two streams
// keep their order when they go to the same place.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := bufio.NewWriterSize(stdout, outBuffer)
	code := dispatch(args, stdin, out, &flushFirst{out, stderr})
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "%s: cannot write the output: %v\n", progName(args), unwrapPath(err))
		code = max(code, exitFailure)
	}
	return code
}

// outBuffer is the size of the buffer in front of stdout.
const outBuffer = 64 << 10

// flushFirst writes to w after flushing out, so that what a command
// wrote to stdout before a message on stderr comes first.
type flushFirst struct {
	out *bufio.Writer
	w   io.Writer
}

func (f *flushFirst) Write(p []byte) (int, error) {
	f.out.Flush() // an error stays in out, for run to report
	return f.w.Write(p)
}

// progName names what args run in messages: "wlp score", "wlp help" or
// "wlp".
func progName(args []string) string {
	if len(args) == 0 {
		return "wlp"
	}
	if isHelp(args[0]) {
		return "wlp help"
	}
	if c := lookup(args[0]); c != nil {
		return "wlp " + c.name
	}
	return "wlp"
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--help":
		return true
	}
	return false
}

// dispatch runs args with stdout buffered in out and returns the exit
// status; run flushes out.
func dispatch(args []string, stdin io.Reader, out *bufio.Writer, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, shortUsage())
		return exitUsage
	}
	if isHelp(args[0]) {
		return runHelp(args[1:], out, stderr)
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "wlp: unknown command %s\n%s", problem.Quote(args[0]), shortUsage())
		return exitUsage
	}
	e := &env{cmd: c, stdin: stdin, stdout: out, stderr: stderr}
	fs := e.flagSet()
	pos, err := parseInterspersed(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		commandHelp(out, c)
		return exitOK
	}
	if err != nil {
		// The flag package quotes values whole: shorten what it says.
		return e.misuse(shorten(err.Error(), maxMessage))
	}
	if len(pos) < c.minArgs || (c.maxArgs >= 0 && len(pos) > c.maxArgs) {
		return e.misuse(argCountMessage(c, len(pos)))
	}
	if err := e.checkCombine(); err != nil {
		return e.misuse(err.Error())
	}
	err = c.run(e, pos)
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return e.misuse(ue.Error())
	case errors.Is(err, errReported):
		return exitFailure
	}
	if werr := out.Flush(); werr != nil && errors.Is(err, werr) {
		return exitFailure // a failed write to stdout, which run reports
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "wlp %s: %s\n", c.name, line)
	}
	return exitFailure
}

// misuse reports a usage error with the command's usage line.
func (e *env) misuse(msg string) int {
	fmt.Fprintf(e.stderr, "wlp %s: %s\nusage: wlp %s %s\nRun 'wlp help %s' for details.\n",
		e.cmd.name, clean(msg), e.cmd.name, e.cmd.args, e.cmd.name)
	return exitUsage
}

func argCountMessage(c *command, n int) string {
	switch {
	case c.minArgs == c.maxArgs && c.maxArgs == 0:
		return fmt.Sprintf("takes no arguments, got %d", n)
	case c.minArgs == c.maxArgs:
		return fmt.Sprintf("wants %s, got %s", plural(c.minArgs, "argument"), plural(n, "argument"))
	case c.maxArgs < 0:
		return fmt.Sprintf("wants at least %s, got %d", plural(c.minArgs, "argument"), n)
	}
	return fmt.Sprintf("wants %d to %d arguments, got %d", c.minArgs, c.maxArgs, n)
}

// flagSet returns the command's flags, bound to e.
func (e *env) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("wlp "+e.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // run reports errors itself
	fs.StringVar(&e.framework, "framework", "", "read the framework from `FILE` (\"-\" for standard input) instead of the embedded ASTD 2004 framework")
	jsonDoc := e.cmd.jsonDoc
	if jsonDoc == "" {
		jsonDoc = "print JSON instead of a table"
	}
	fs.BoolVar(&e.json, "json", false, jsonDoc)
	if e.cmd.flags != nil {
		e.cmd.flags(fs, e)
	}
	return fs
}

// parseInterspersed parses flags wherever they appear among args, as in
// `wlp score dana.json clo -json`, and returns the other arguments in
// order. "--" ends the flags; a lone "-" is an argument (standard input).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := args[:len(args)-len(rest)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// runHelp is `wlp help [COMMAND]`.
func runHelp(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		fmt.Fprint(stdout, longUsage())
		return exitOK
	case 1:
		if c := lookup(args[0]); c != nil {
			commandHelp(stdout, c)
			return exitOK
		}
		if isHelp(args[0]) {
			fmt.Fprint(stdout, longUsage())
			return exitOK
		}
		fmt.Fprintf(stderr, "wlp help: unknown command %s\n%s", problem.Quote(args[0]), shortUsage())
		return exitUsage
	}
	fmt.Fprintf(stderr, "wlp help: wants at most 1 argument, got %d\nusage: wlp help [COMMAND]\n", len(args))
	return exitUsage
}

// shortUsage is printed on misuse.
func shortUsage() string {
	var b strings.Builder
	b.WriteString("usage: wlp COMMAND [flags] [arguments]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.short)
	}
	b.WriteString("\nRun 'wlp help' for more, 'wlp help COMMAND' for one command.\n")
	return b.String()
}

// longUsage is `wlp help`.
func longUsage() string {
	var b strings.Builder
	b.WriteString(`wlp works with the ASTD 2004 workplace learning and performance competency
model: it exports the framework and its JSON Schemas, validates framework and
profile documents, scores people against roles and jobs, ranks them, scores
teams, hands roles out to a team, plans a person's development, and draws
radar charts.

usage: wlp COMMAND [flags] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.short)
	}
	b.WriteString(`  help      explain a command: wlp help COMMAND

Every command reads the embedded ASTD 2004 framework unless -framework FILE
names another, prints a readable table by default (export, schema and chart
print their document) and JSON with -json, and reads the file name "-" as
standard input. Flags may come before or after the arguments.

A TARGET is the ID of a role or a job of the framework: learning-strategist,
business-partner, project-manager, professional-specialist or
chief-learning-officer in the default model (wlp export -table lists them).

A profile may carry reviews, several raters' levels (a 360-degree review).
score, roles, rank, team, assign, plan and chart take -combine POLICY
(median, manager-first or mean-except-self) to merge them into the ratings
first; tables note where raters disagree by 2 levels or more.

Exit status: 0 on success; 1 when a document fails validation, a file is
missing or unreadable, a target is unknown, two profiles of a team share an
ID, or the output cannot be written (standard output fails, or -o names one
of the command's own input files); 2 on misuse (an unknown command or flag,
a bad flag value, the wrong number of arguments, or a malformed argument
such as an empty or repeated role in assign's ROLE list).

Examples:
  wlp validate examples/data/*.json
  wlp score examples/data/dana.json chief-learning-officer
  wlp rank -k 3 chief-learning-officer examples/data/dana.json examples/data/lee.json examples/data/sam.json
  wlp team chief-learning-officer examples/data/sam.json examples/data/priya.json
  wlp assign learning-strategist,business-partner examples/data/dana.json examples/data/lee.json
  wlp plan -combine median examples/data/alex-360.json business-partner
  wlp chart -o dana.svg examples/data/dana.json chief-learning-officer
`)
	return b.String()
}

// commandHelp is `wlp help NAME` and `wlp NAME -h`.
func commandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "usage: wlp %s %s\n\n%s\n\nFlags:\n", c.name, c.args, strings.TrimSpace(c.long))
	fs := (&env{cmd: c}).flagSet()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintf(w, "\nExample:\n")
	for _, line := range strings.Split(strings.TrimSpace(c.example), "\n") {
		fmt.Fprintf(w, "  %s\n", line)
	}
}
