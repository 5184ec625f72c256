package main

import (
	"bytes"

	"github.com/wlpmodel/wlp/report"
)

// newForm returns the form command, its flags bound to e.
func newForm(e *env) *Command {
	var out string
	c := newCommand(&Command{
		Name:      "form",
		UsageLine: "wlp form [-framework FILE] [-o FILE]",
		Short:     "a self-contained HTML page to rate oneself or someone else, and save the profile",
		Long: `Form writes a self-assessment page: one HTML file, with its style and
script inside, that loads nothing from anywhere and works opened from disk
as well as served from a web server. Send it round, or put it where people
can open it; what they type stays in their browser.

The page rates one person on every competency and area of expertise of
the framework (the embedded one, or the one -framework names), under a
heading for each cluster and one for the areas. Each row offers the six
levels, each with what it means, and "Not rated", where every row starts:
a row left there stays out of the saved file. The person fills it in
themself, and each level becomes one of their own ratings, with an
optional date and evidence; or a rater (a manager, a peer, a direct
report, ...) fills it in about them, and the levels become one review of
a 360-degree review, with the rater's name, one date and one list of
evidence.

Save checks what was typed (the profile ID, dates, a date or evidence
without a level) and says in plain words what is missing or wrong, by
the field and in a list at the top; when all is well it downloads the
profile document, named after the profile ID, that "wlp validate" and
the other commands read. Open loads a saved profile to change it:
what the page does not show (notes, other raters' reviews, ratings of
other frameworks' IDs) is saved again as it was. Open several raters'
files of one person at once (alex.json, "alex (1).json", ...) and the
page gathers them: every review, and the ratings where the files agree,
so that Save writes the whole 360-degree review as one file; files of
different people, or that rate one competency differently, are refused
with the files named.

The page works from the keyboard and with a screen reader, and prints
without its buttons.

` + outputDoc,
		Example: `wlp form -o self-assessment.html
wlp form -framework examples/frameworks/learning2.json -o learning2-form.html`,
		MinArgs: 0,
		MaxArgs: 0,
		Run:     func([]string) error { return runForm(e, out) },
	})
	c.Flag.StringVar(&e.framework, "framework", "", frameworkUsage)
	c.Flag.StringVar(&out, "o", "", "write the page to `FILE` instead of standard output (\"-\")")
	return c
}

// runForm is `wlp form`: package report writes the page, and it goes to
// the file out names (see writeOut).
func runForm(e *env, out string) error {
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := report.NewForm(f).WriteHTML(&b); err != nil {
		return err
	}
	return e.writeOut(out, b.Bytes())
}
