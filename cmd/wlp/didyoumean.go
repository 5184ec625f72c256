package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/internal/suggest"
	"github.com/wlpmodel/wlp/problem"
)

// closest returns the candidate that word most likely means, as
// suggest.Closest finds it, and true; or "" and false. It leaves out
// candidates of a single letter or digit unless word is that letter in
// another case: one edit turns any short word into -o or -k, so that
// suggesting them would be noise. It costs O(len(cands)) comparisons of
// at most 64 runes.
func closest(word string, cands []string) (string, bool) {
	k := suggest.Key(word)
	keep := make([]string, 0, len(cands))
	for _, c := range cands {
		if ck := suggest.Key(c); utf8.RuneCountInString(ck) > 1 || ck == k {
			keep = append(keep, c)
		}
	}
	return suggest.Closest(word, keep)
}

// didYouMean returns "; did you mean X?" for the candidate closest to
// word, with prefix before it ("-" for a flag), or "" when none is close.
func didYouMean(word string, cands []string, prefix string) string {
	if c, ok := closest(word, cands); ok {
		return "; did you mean " + clean(prefix+c) + "?"
	}
	return ""
}

// commandNames returns the names of the commands, in the order help lists
// them.
func commandNames() []string {
	var names []string
	for _, c := range commands(&env{}) {
		names = append(names, c.Name)
	}
	return names
}

// unknownCommand says that name is no command, and which one it may
// mean: `unknown command "scroe"; did you mean score?`.
func unknownCommand(name string) string {
	return "unknown command " + problem.Quote(name) + didYouMean(name, commandNames(), "")
}

// notDefined starts the flag package's error for a flag the flag set
// does not define.
const notDefined = "flag provided but not defined: -"

// flagMessage returns what run says of err, the flag package's failure to
// parse c's flags: for an unknown flag, the flag c has that it may mean,
// or the commands that have it; for anything else, the flag package's
// message shortened (it quotes a value whole).
func flagMessage(c *Command, err error) string {
	name, ok := strings.CutPrefix(err.Error(), notDefined)
	if !ok {
		return shorten(err.Error(), maxMessage)
	}
	msg := "unknown flag " + shorten("-"+name, maxFlagShown)
	var own []string
	c.Flag.VisitAll(func(f *flag.Flag) { own = append(own, f.Name) })
	if s := didYouMean(name, own, "-"); s != "" {
		return msg + s
	}
	var others []string
	for _, o := range commands(&env{}) {
		if o.Name != c.Name && o.hasFlag(name) {
			others = append(others, o.Name)
		}
	}
	if len(others) > 0 {
		return fmt.Sprintf("%s: a flag of %s, not of %s", msg, andList(others), c.Name)
	}
	return msg
}

// maxFlagShown bounds, in bytes, how much of an unknown flag a message
// shows.
const maxFlagShown = 64

// commandLine returns the command line that runs e's command with the
// flags as typed, extra flags before them, and the arguments args: the
// corrected command line of a misuse message. Words the shell would split
// or expand are quoted, and long ones shortened (see shorten).
func (e *env) commandLine(extra, args []string) string {
	words := []string{"wlp", e.cmd.Name}
	words = append(words, extra...)
	words = append(words, e.flagArgs...)
	if slices.ContainsFunc(args, func(a string) bool { return len(a) > 1 && a[0] == '-' }) {
		words = append(words, "--")
	}
	words = append(words, args...)
	for i, w := range words {
		words[i] = shorten(shellWord(w), maxFileName)
	}
	return strings.Join(words, " ")
}

// shellWord returns w as a POSIX shell reads it back as one word: w
// itself when it holds only letters, digits and -_./:,=+@%, else w in
// single quotes.
func shellWord(w string) string {
	if w != "" && !strings.ContainsFunc(w, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("-_./:,=+@%", r))
	}) {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}
