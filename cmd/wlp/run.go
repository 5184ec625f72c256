package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/wlpmodel/wlp/people"
)

// env is one run of one command: its streams, the flags that several
// commands share, and what it has read so far. A command's own flags live
// in its constructor (see commands).
type env struct {
	cmd    *Command
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer

	stdinDone bool
	stdinData []byte
	stdinErr  error

	// flagArgs holds the arguments run parsed as flags, as typed, for a
	// corrected command line (see commandLine).
	flagArgs []string

	// Flags that several commands take.
	framework string           // -framework: every command but help
	json      bool             // -json: every command but help
	combine   string           // -combine: the commands that score profiles
	csv       bool             // -csv: the commands that print a table
	sheet     string           // -sheet: the commands that read people
	ignore    string           // -ignore: the commands that read people
	dates     people.DateOrder // -dates: the commands that read people

	// inputs lists the files the command has read, which -o may not
	// write over.
	inputs []input

	// reviewNotes says what became of the profiles' reviews, for the
	// table (or chart) to show: of the first maxNotes profiles with
	// reviews; moreNotes counts the rest.
	reviewNotes []reviewNote
	moreNotes   moreNotes
}

// usageError is misuse: run prints it with the command's usage line and
// exits 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// errReported is a failure the command has already reported in full: run
// exits 1 without printing more.
var errReported = errors.New("failure reported")

// errMisuseReported is misuse the command has already reported in full:
// run exits 2 without printing more.
var errMisuseReported = errors.New("misuse reported")

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
	if c := lookup(commandName(args[0]), &env{}); c != nil {
		return "wlp " + c.Name
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

// commandName returns the command arg names: arg itself, or "help" for
// -h, -help and --help, or "version" for -version and --version.
func commandName(arg string) string {
	switch {
	case isHelp(arg):
		return "help"
	case arg == "-version" || arg == "--version":
		return "version"
	}
	return arg
}

// dispatch runs args with stdout buffered in out and returns the exit
// status; run flushes out.
func dispatch(args []string, stdin io.Reader, out *bufio.Writer, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, shortUsage())
		return exitUsage
	}
	e := &env{stdin: stdin, stdout: out, stderr: stderr}
	c := lookup(commandName(args[0]), e)
	if c == nil {
		fmt.Fprintf(stderr, "wlp: %s\n%s", unknownCommand(args[0]), shortUsage())
		return exitUsage
	}
	e.cmd = c
	pos := args[1:]
	if !c.CustomFlags {
		var err error
		pos, e.flagArgs, err = parseInterspersed(&c.Flag, args[1:])
		if errors.Is(err, flag.ErrHelp) {
			commandHelp(out, c)
			return exitOK
		}
		if err != nil {
			return e.misuse(flagMessage(c, err))
		}
		if len(pos) < c.MinArgs || (c.MaxArgs >= 0 && len(pos) > c.MaxArgs) {
			return e.misuse(argCountMessage(c, len(pos)))
		}
		if err := e.checkCSV(); err != nil {
			return e.misuse(err.Error())
		}
		if err := e.checkCombine(); err != nil {
			return e.misuse(err.Error())
		}
	}
	err := c.Run(pos)
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return e.misuse(ue.Error())
	case errors.Is(err, errReported):
		return exitFailure
	case errors.Is(err, errMisuseReported):
		return exitUsage
	}
	if werr := out.Flush(); werr != nil && errors.Is(err, werr) {
		return exitFailure // a failed write to stdout, which run reports
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "wlp %s: %s\n", c.Name, line)
	}
	return exitFailure
}

// misuse reports a usage error with the command's usage line.
func (e *env) misuse(msg string) int {
	fmt.Fprintf(e.stderr, "wlp %s: %s\nusage: %s\nRun 'wlp help %s' for details.\n",
		e.cmd.Name, clean(msg), e.cmd.UsageLine, e.cmd.Name)
	return exitUsage
}

func argCountMessage(c *Command, n int) string {
	switch {
	case c.MinArgs == c.MaxArgs && c.MaxArgs == 0:
		return fmt.Sprintf("takes no arguments, got %d", n)
	case c.MinArgs == c.MaxArgs:
		return fmt.Sprintf("wants %s, got %s", plural(c.MinArgs, "argument"), plural(n, "argument"))
	case c.MaxArgs < 0:
		return fmt.Sprintf("wants at least %s, got %d", plural(c.MinArgs, "argument"), n)
	}
	return fmt.Sprintf("wants %d to %d arguments, got %d", c.MinArgs, c.MaxArgs, n)
}

// parseInterspersed parses flags wherever they appear among args, as in
// `wlp score clo dana.json -json`, and returns the other arguments in
// order, and the flags with their values as typed. "--" ends the flags
// (and is in neither list); a lone "-" is an argument (standard input).
func parseInterspersed(fs *flag.FlagSet, args []string) (pos, flags []string, err error) {
	for {
		if err := fs.Parse(args); err != nil {
			return nil, nil, err
		}
		rest := fs.Args()
		consumed := args[:len(args)-len(rest)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(pos, rest...), append(flags, consumed[:len(consumed)-1]...), nil
		}
		flags = append(flags, consumed...)
		if len(rest) == 0 {
			return pos, flags, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
