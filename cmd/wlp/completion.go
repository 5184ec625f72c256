package main

import (
	"flag"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// shells are the shells `wlp completion` writes a script for, each with
// its generator.
var shells = []struct {
	name  string
	write func(*strings.Builder, []compCommand)
}{
	{"bash", writeBash},
	{"zsh", writeZsh},
	{"fish", writeFish},
}

// newCompletion returns the completion command, its flags bound to e.
func newCompletion(e *env) *Command {
	return newCommand(&Command{
		Name:      "completion",
		UsageLine: "wlp completion " + strings.Join(compShells(), "|"),
		Short:     "a shell completion script for bash, zsh or fish",
		Long: `Completion prints a script that teaches the shell to complete wlp's
command lines: the commands, each command's flags, the roles and jobs of
the embedded framework where a TARGET goes, the values of flags that take
one of a few (-combine, -until, -kind), the embedded frameworks' IDs as
well as file names for -framework, and file names elsewhere.

To complete in the shell you are in:

  bash: source <(wlp completion bash)
  zsh:  source <(wlp completion zsh)   (after compinit)
  fish: wlp completion fish | source

To complete in every new shell, add that line to ~/.bashrc or ~/.zshrc, or
write the script to ~/.config/fish/completions/wlp.fish (fish), or to a
file named _wlp in a folder of zsh's $fpath.`,
		Example: `wlp completion bash > ~/.local/share/bash-completion/completions/wlp
wlp completion fish > ~/.config/fish/completions/wlp.fish`,
		MinArgs: 1,
		MaxArgs: 1,
		Run:     func(args []string) error { return runCompletion(e, args[0]) },
	})
}

// runCompletion is `wlp completion SHELL`.
func runCompletion(e *env, shell string) error {
	for _, s := range shells {
		if s.name == shell {
			var b strings.Builder
			s.write(&b, completionSpec(commands(&env{}), wlp.Default()))
			_, err := fmt.Fprint(e.stdout, b.String())
			return err
		}
	}
	names := compShells()
	return usageError(fmt.Sprintf("unknown shell %s%s (want %s)", problem.Quote(shell), didYouMean(shell, names, ""), orList(names)))
}

// A compKind is what completes a word.
type compKind int

const (
	compNone       compKind = iota // nothing: free text, such as a number
	compFiles                      // file names
	compFilesOr                    // file names, and the words of a fixed list
	compDirs                       // folder names
	compWords                      // one of a fixed list of words
	compTargets                    // a role or job ID
	compTargetList                 // role and job IDs separated by commas
)

// compWhat completes one word: a flag's value or an argument.
type compWhat struct {
	kind  compKind
	words []string // for compWords and compFilesOr
}

// compFlag is a flag as completion knows it.
type compFlag struct {
	name, doc string
	value     *compWhat // nil for a flag that takes no value (-json)
}

// compCommand is a command as completion knows it: its flags, and what
// completes each of its arguments.
type compCommand struct {
	name, short string
	flags       []compFlag
	args        []compWhat // the arguments in order
	variadic    bool       // the last of args repeats
}

// flagWords lists, by flag name, the words a flag that takes a FILE also
// takes: the IDs of what is embedded, such as -framework atd-2020.
var flagWords = map[string]func() []string{
	"framework": wlp.Embedded,
	"from":      wlp.Embedded,
	"to":        wlp.Embedded,
	"crosswalk": crosswalk.Embedded,
}

// placeholder reports whether a word of a usage line's value names a
// value (ID, FILE, FRAMEWORK) rather than being one (none, csv).
func placeholder(w string) bool { return w != "" && strings.ToUpper(w) == w }

// flagGroup matches a flag's group in a usage line: "[-kind
// auto|framework|profile]" gives "kind" and "auto|framework|profile".
var flagGroup = regexp.MustCompile(`\[-([a-z][a-z-]*)(?: ([^\]]*))?\]`)

// completionSpec returns what completion knows of cmds, from their usage
// lines and flags, with the roles and jobs of f as targets. An argument
// completes as the usage line names it: TARGET with a role or job,
// ROLE[,ROLE...] with a list of them, COMMAND with a command, a|b|c with
// one of those words, DIR with a folder, anything else with a file. A
// flag's value completes with the words of its group in the usage line
// ("[-until weak|partial|strong|full]"), or as its value name says (FILE, DIR,
// POLICY), a FILE also with the words flagWords lists for the flag (the
// embedded frameworks' IDs for -framework); other values (N, NAME) with
// nothing.
func completionSpec(cmds []*Command, f *wlp.Framework) []compCommand {
	t := newTargets(f)
	ids := idStrings(t.ids)
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	var policies []string
	for _, p := range profile.Policies() {
		policies = append(policies, string(p))
	}
	policies = append(policies, "none") // -combine none: the ratings alone
	var out []compCommand
	for _, c := range cmds {
		cc := compCommand{name: c.Name, short: c.Short}
		groups := map[string]string{}
		for _, m := range flagGroup.FindAllStringSubmatch(c.UsageLine, -1) {
			groups[m[1]] = m[2]
		}
		c.Flag.VisitAll(func(fl *flag.Flag) {
			valueName, doc := flag.UnquoteUsage(fl)
			cf := compFlag{name: fl.Name, doc: doc}
			if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				w := compWhat{}
				switch g := groups[fl.Name]; {
				case strings.Contains(g, "|") && slices.ContainsFunc(strings.Split(g, "|"), placeholder):
					// ID|FILE|none: files, the embedded IDs and the literal words.
					w = compWhat{kind: compFilesOr}
					if words := flagWords[fl.Name]; words != nil {
						w.words = words()
					}
					for _, x := range strings.Split(g, "|") {
						if !placeholder(x) {
							w.words = append(w.words, x)
						}
					}
				case strings.Contains(g, "|"):
					w = compWhat{kind: compWords, words: strings.Split(g, "|")}
				case (valueName == "FILE" || valueName == "FRAMEWORK") && flagWords[fl.Name] != nil:
					w = compWhat{kind: compFilesOr, words: flagWords[fl.Name]()}
				case valueName == "FILE":
					w.kind = compFiles
				case valueName == "DIR":
					w.kind = compDirs
				case valueName == "POLICY":
					w = compWhat{kind: compWords, words: policies}
				}
				cf.value = &w
			}
			cc.flags = append(cc.flags, cf)
		})
		// The synopsis after the program, the command and its flags; of
		// several forms ("TARGET PROFILE | -team TARGET PROFILE..."), the
		// one with the most arguments.
		synopsis := strings.Fields(flagGroup.ReplaceAllString(c.UsageLine, ""))[2:]
		for form := range strings.SplitSeq(strings.Join(synopsis, " "), " | ") {
			var args []compWhat
			variadic := false
			for _, word := range strings.Fields(form) {
				if strings.HasPrefix(word, "-") {
					continue // a flag the form needs, as -team
				}
				variadic = strings.HasSuffix(word, "...") && !strings.HasPrefix(word, "ROLE")
				args = append(args, argWhat(strings.Trim(strings.TrimSuffix(word, "..."), "[]"), ids, names))
			}
			if len(args) > len(cc.args) || len(args) == len(cc.args) && variadic {
				cc.args, cc.variadic = args, variadic
			}
		}
		out = append(out, cc)
	}
	return out
}

// argWhat returns what completes an argument its usage line names word:
// a target, a list of them, a command (one of names), one of the words
// of "a|b|c", a folder, or else a file.
func argWhat(word string, ids, names []string) compWhat {
	switch {
	case word == "TARGET":
		return compWhat{kind: compTargets, words: ids}
	case strings.HasPrefix(word, "ROLE"):
		return compWhat{kind: compTargetList, words: ids}
	case word == "COMMAND":
		return compWhat{kind: compWords, words: names}
	case strings.Contains(word, "|"):
		return compWhat{kind: compWords, words: strings.Split(word, "|")}
	case word == "DIR":
		return compWhat{kind: compDirs}
	}
	return compWhat{kind: compFiles}
}

// valued returns the names of c's flags that take a value.
func (c compCommand) valued() []string {
	var out []string
	for _, f := range c.flags {
		if f.value != nil {
			out = append(out, f.name)
		}
	}
	return out
}

// describeFlag returns a flag's usage shortened to a phrase fit for a
// completion menu: up to its first semicolon, with brackets made
// parentheses and without backslashes, which zsh's _arguments reads.
func describeFlag(doc string) string {
	if i := strings.IndexByte(doc, ';'); i >= 0 {
		doc = doc[:i]
	}
	doc = strings.NewReplacer("[", "(", "]", ")", `\`, "").Replace(doc)
	return strings.TrimSpace(doc)
}

// shellQuote returns s in single quotes for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// writeBash writes the bash completion script.
func writeBash(b *strings.Builder, cmds []compCommand) {
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	b.WriteString(`# bash completion for wlp; generated by "wlp completion bash".
# Load it with: source <(wlp completion bash)

# _wlp_complete completes cur with files, dirs (folders), words WORD...,
# files-or WORD... (file names and those words), or list WORD... (words
# separated by commas).
_wlp_complete() {
	local IFS=$'\n' pre= how=$1
	shift
	case $how in
	files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
	files-or) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -W "$*" -- "$cur") $(compgen -f -- "$cur")) ;;
	dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
	list)
		[[ $cur == *,* ]] && pre=${cur%,*},
		COMPREPLY=($(compgen -P "$pre" -W "$*" -- "${cur##*,}"))
		;;
	words) COMPREPLY=($(compgen -W "$*" -- "$cur")) ;;
	esac
}

_wlp() {
	local cur=${COMP_WORDS[COMP_CWORD]} cmd=${COMP_WORDS[1]}
	COMPREPLY=()
	if ((COMP_CWORD == 1)); then
		_wlp_complete words `)
	b.WriteString(strings.Join(names, " "))
	b.WriteString(`
		return
	fi
	local valued
	case $cmd in
`)
	for _, c := range cmds {
		fmt.Fprintf(b, "\t%s) valued=' %s ' ;;\n", c.name, strings.Join(c.valued(), " "))
	}
	b.WriteString(`	*) return ;;
	esac
	# Count the arguments before cur, leaving out flags and their values.
	local i w n=0 skip= flags=1
	for ((i = 2; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ $skip ]]; then
			skip=
		elif [[ $flags && $w == -- ]]; then
			flags=
		elif [[ $flags && $w == -?* ]]; then
			w=${w#-} w=${w#-}
			[[ ${COMP_WORDS[i+1]} != = && $valued == *" $w "* ]] && skip=1
		elif [[ $flags && $w == = ]]; then
			skip=1 # -flag=value
		else
			((n++))
		fi
	done
	if [[ $skip ]]; then
		# cur is the value of a flag.
		w=${COMP_WORDS[COMP_CWORD-1]}
		[[ $w == = ]] && w=${COMP_WORDS[COMP_CWORD-2]}
		w=${w#-} w=${w#-}
		case $cmd:$w in
`)
	for _, c := range cmds {
		for _, f := range c.flags {
			if f.value != nil && f.value.kind != compNone {
				fmt.Fprintf(b, "\t\t%s:%s) _wlp_complete %s ;;\n", c.name, f.name, bashArgs(*f.value))
			}
		}
	}
	b.WriteString(`		esac
		return
	fi
	if [[ $flags && $cur == -* ]]; then
		case $cmd in
`)
	for _, c := range cmds {
		var fs []string
		for _, f := range c.flags {
			fs = append(fs, "-"+f.name)
		}
		fmt.Fprintf(b, "\t\t%s) _wlp_complete words %s ;;\n", c.name, strings.Join(fs, " "))
	}
	b.WriteString(`		esac
		return
	fi
	case $cmd:$n in
`)
	for _, c := range cmds {
		for i, a := range c.args {
			pos := fmt.Sprint(i)
			if c.variadic && i == len(c.args)-1 {
				pos = "*"
			}
			if a.kind != compNone {
				fmt.Fprintf(b, "\t%s:%s) _wlp_complete %s ;;\n", c.name, pos, bashArgs(a))
			}
		}
	}
	b.WriteString(`	esac
}

complete -F _wlp wlp
`)
}

// bashArgs returns the arguments of _wlp_complete that complete w.
func bashArgs(w compWhat) string {
	switch w.kind {
	case compFiles:
		return "files"
	case compFilesOr:
		return "files-or " + strings.Join(w.words, " ")
	case compDirs:
		return "dirs"
	case compTargetList:
		return "list " + strings.Join(w.words, " ")
	}
	return "words " + strings.Join(w.words, " ")
}

// writeZsh writes the zsh completion script.
func writeZsh(b *strings.Builder, cmds []compCommand) {
	b.WriteString(`#compdef wlp
# zsh completion for wlp; generated by "wlp completion zsh".
# Load it with: source <(wlp completion zsh)
# or save it as _wlp in a folder of $fpath.

_wlp() {
	local -a commands
	commands=(
`)
	for _, c := range cmds {
		fmt.Fprintf(b, "\t\t%s\n", shellQuote(c.name+":"+c.short))
	}
	b.WriteString(`	)
	if ((CURRENT == 2)); then
		_describe -t commands 'wlp command' commands
		return
	fi
	local cmd=${words[2]}
	shift words
	((CURRENT--))
	case $cmd in
`)
	for _, c := range cmds {
		fmt.Fprintf(b, "\t(%s)\n\t\t_arguments -S", c.name)
		for _, f := range c.flags {
			spec := "-" + f.name + "[" + describeFlag(f.doc) + "]"
			if f.value != nil {
				spec += ":" + f.name + ":" + zshAction(*f.value)
			}
			fmt.Fprintf(b, " \\\n\t\t\t%s", shellQuote(spec))
		}
		for i, a := range c.args {
			spec := fmt.Sprintf("%d:argument:%s", i+1, zshAction(a))
			if c.variadic && i == len(c.args)-1 {
				spec = "*:argument:" + zshAction(a)
			}
			fmt.Fprintf(b, " \\\n\t\t\t%s", shellQuote(spec))
		}
		b.WriteString("\n\t\t;;\n")
	}
	b.WriteString(`	esac
}

if [[ ${funcstack[1]} == _wlp ]]; then
	_wlp "$@"
else
	compdef _wlp wlp
fi
`)
}

// zshAction returns the action of an _arguments spec that completes w.
func zshAction(w compWhat) string {
	switch w.kind {
	case compFiles:
		return "_files"
	case compFilesOr:
		return "{_files; compadd -- " + strings.Join(w.words, " ") + "}"
	case compDirs:
		return "_directories"
	case compWords, compTargets:
		return "(" + strings.Join(w.words, " ") + ")"
	case compTargetList:
		return "_sequence compadd - " + strings.Join(w.words, " ")
	}
	return " "
}

// fishQuote returns s in single quotes for fish.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

// writeFish writes the fish completion script.
func writeFish(b *strings.Builder, cmds []compCommand) {
	b.WriteString(`# fish completion for wlp; generated by "wlp completion fish".
# Load it with: wlp completion fish | source

function __wlp_command --description 'Is the command line wlp with no command yet, or wlp CMD?'
	set -l w (commandline -opc)
	if test (count $argv) -eq 0
		test (count $w) -eq 1
	else
		test (count $w) -ge 2; and test "$w[2]" = "$argv[1]"
	end
end

function __wlp_arg --description 'Is the word being completed argument N of wlp CMD (N+: N or later)?'
	set -l w (commandline -opc)
	test (count $w) -ge 2; and test "$w[2]" = "$argv[1]"; or return 1
	set -l valued
	switch $argv[1]
`)
	for _, c := range cmds {
		if v := c.valued(); len(v) > 0 {
			fmt.Fprintf(b, "\t\tcase %s\n\t\t\tset valued %s\n", c.name, strings.Join(v, " "))
		}
	}
	b.WriteString(`	end
	set -l n 0
	set -l skip 0
	set -l flags 1
	set -l rest
	test (count $w) -ge 3; and set rest $w[3..-1]
	for x in $rest
		if test $skip = 1
			set skip 0
		else if test $flags = 1; and test "$x" = --
			set flags 0
		else if test $flags = 1; and string match -qr -- '^-.' $x
			set -l name (string replace -r -- '^--?' '' $x)
			if not string match -q -- '*=*' $name; and contains -- $name $valued
				set skip 1
			end
		else
			set n (math $n + 1)
		end
	end
	test $skip = 0; or return 1
	if string match -q -- '*+' $argv[2]
		test $n -ge (string trim -r -c + -- $argv[2])
	else
		test $n -eq $argv[2]
	end
end

complete -c wlp -f
`)
	var ids []string
	for _, c := range cmds {
		for _, a := range c.args {
			if a.kind == compTargetList {
				ids = a.words
			}
		}
	}
	fmt.Fprintf(b, "\nfunction __wlp_targets --description 'The roles and jobs, one a line'\n\tprintf '%%s\\n' %s\nend\n\n", strings.Join(ids, " "))
	for _, c := range cmds {
		fmt.Fprintf(b, "complete -c wlp -n __wlp_command -a %s -d %s\n", c.name, fishQuote(c.short))
	}
	for _, c := range cmds {
		cond := fishQuote("__wlp_command " + c.name)
		for _, f := range c.flags {
			line := fmt.Sprintf("complete -c wlp -n %s -o %s", cond, f.name)
			if f.value != nil {
				line += " " + fishValue(*f.value)
			}
			fmt.Fprintf(b, "%s -d %s\n", line, fishQuote(describeFlag(f.doc)))
		}
		for i, a := range c.args {
			n := fmt.Sprint(i)
			if c.variadic && i == len(c.args)-1 {
				n += "+"
			}
			if a.kind != compNone {
				fmt.Fprintf(b, "complete -c wlp -n %s %s\n", fishQuote("__wlp_arg "+c.name+" "+n), fishValue(a))
			}
		}
	}
}

// fishValue returns the options of fish's complete that complete w.
func fishValue(w compWhat) string {
	switch w.kind {
	case compFiles:
		return "-r -F"
	case compFilesOr:
		return "-r -F -a " + fishQuote(strings.Join(w.words, " "))
	case compDirs:
		return "-x -a " + fishQuote("(__fish_complete_directories (commandline -ct))")
	case compWords, compTargets:
		return "-x -a " + fishQuote(strings.Join(w.words, " "))
	case compTargetList:
		// After a comma, the targets again, with what comes before.
		return "-x -a " + fishQuote("(__fish_complete_list , __wlp_targets)")
	}
	return "-x"
}

// compShells returns the names of the shells completion writes for.
func compShells() []string {
	var out []string
	for _, s := range shells {
		out = append(out, s.name)
	}
	return slices.Clip(out)
}
