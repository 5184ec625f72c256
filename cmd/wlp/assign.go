package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// newAssign returns the assign command, its flags bound to e.
func newAssign(e *env) *Command {
	var maxHats int
	c := newCommand(&Command{
		Name:      "assign",
		UsageLine: "wlp assign [-framework FILE] [-json] [-csv] [-combine POLICY] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] [-max-hats N] ROLE[,ROLE...] PROFILE...",
		Short:     "hand roles (hats) out to a team for the best total fit",
		Long: `Assign hands the roles ROLE,... (hats) out to the people in the PROFILE
files so that the weighted sum of the wearers' fits, the total, is as large
as possible. ROLE is a role, or a job standing for the job's roles, each
weighted by its share of the job, by its ID or name; a role named directly
weighs 1. Separate several with commas, and ask for each role once: a job
counts as asking for each of its roles.

Each person wears at most -max-hats hats (default 1; 0 means no limit, so
each hat goes to whoever fits it best). When the hats outnumber the places,
the hats that would add least stay unworn. The method is exact (the
Hungarian algorithm): no other assignment has a larger total. Among equally
good assignments, each hat in turn goes to the person whose profile ID
comes first, whatever order the files are named in.

It prints each hat with its weight, wearer and the wearer's fit, the total
(and the most it could be, every weight at a fit of 100%), and who is left
without a hat. Two PROFILE files may not share a profile ID.

` + combineDoc + `

With -json it prints the assignment, a document that validates against
"wlp schema assignment". It has no result per person, so it does not
name the policy that merged reviews, and notes on reviews are left out.

With -csv it prints one row per hat, then one per person left without a
hat, with the columns role (the hat's role ID, empty for a person without
a hat), role_name, weight, profile, name, fit_pct (the wearer's fit in
the role) and combined (the policy that merged the person's reviews).

` + csvDoc,
		Example: `wlp assign chief-learning-officer examples/data/dana.json examples/data/lee.json examples/data/sam.json examples/data/priya.json
wlp assign -max-hats 2 learning-strategist,business-partner examples/data/dana.json examples/data/lee.json`,
		MinArgs: 2,
		MaxArgs: -1,
		Run:     func(args []string) error { return runAssign(e, maxHats, args) },
	})
	c.commonFlags(e, `print the assignment, the document "wlp schema assignment" describes, instead of a table`)
	c.combineFlag(e)
	c.peopleFlags(e)
	c.csvFlag(e)
	c.Flag.IntVar(&maxHats, "max-hats", 1, "let each person wear at most `N` hats (0: no limit)")
	return c
}

// onceEach returns misuse when the hats name a role twice, directly or
// through a job that stands for it: each hat is one role to hand out, as
// an empty role in the list is misuse. Every hat is a role or job of f.
func onceEach(f *wlp.Framework, hats []role.ID) error {
	listed := map[role.ID]bool{}
	by := map[role.ID]role.ID{} // role -> the hat that asks for it
	for _, h := range hats {
		if listed[h] {
			return usageError(fmt.Sprintf("%s is listed twice; list each role once", problem.Quote(string(h))))
		}
		listed[h] = true
		roles := []role.ID{h}
		if j, ok := f.Job(h); ok {
			roles = roles[:0]
			for _, sh := range j.Roles {
				roles = append(roles, sh.Role)
			}
		}
		for _, r := range roles {
			if first, ok := by[r]; ok {
				return usageError(fmt.Sprintf("role %s is asked for twice, by %s and by %s (a job stands for its roles)",
					problem.Quote(string(r)), problem.Quote(string(first)), problem.Quote(string(h))))
			}
			by[r] = h
		}
	}
	return nil
}

// runAssign is `wlp assign ROLE[,ROLE...] PROFILE...`, each person
// wearing at most maxHats hats (0: no limit).
func runAssign(e *env, maxHats int, args []string) error {
	if maxHats < 0 {
		return usageError(fmt.Sprintf("-max-hats %d is negative; use 0 for no limit", maxHats))
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	hats, bad, err := e.leadTarget(f, args, true, false)
	if err != nil {
		return err
	}
	if bad == nil {
		if err := onceEach(f, hats); err != nil {
			return err
		}
	}
	ps, err := e.loadProfiles(f, args[1:])
	if err := errors.Join(bad, err); err != nil {
		return err
	}
	a, err := match.New(f).Assign(ps, hats, match.MaxHats(maxHats))
	if err != nil {
		return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "match: "))
	}
	switch {
	case e.json:
		return writeJSON(e.stdout, a)
	case e.csv:
		return assignCSV(e, f, ps, a)
	}
	return printAssign(e, f, maxHats, hats, ps, a)
}

// printAssign writes the hats, their wearers and the total.
func printAssign(e *env, f *wlp.Framework, maxHats int, asked []role.ID, ps []profile.Profile, a match.Assignment) error {
	w := e.stdout
	each := fmt.Sprintf("at most %s each", plural(maxHats, "hat"))
	if maxHats == 0 {
		each = "any number of hats each"
	}
	say(w, "%s for %s, %s: the best total fit, found exactly\n", plural(len(a.Hats), "hat"), countPeople(len(ps)), each)
	for _, id := range asked {
		if j, ok := f.Job(id); ok {
			say(w, "The job %s (%s) stands for its %s, weighted by share.\n", brief(string(id)), brief(j.Title), plural(len(j.Roles), "role"))
		}
	}
	say(w, "\n")

	names := map[string]string{}
	for _, p := range ps {
		if _, ok := names[p.ID]; !ok {
			names[p.ID] = who(p)
		}
	}
	t := newTable(w)
	t.row("HAT", "WEIGHT", "WORN BY", "FIT")
	t.give(0, 2)
	most := 0.0
	worn := map[string]int{}
	for _, h := range a.Hats {
		most += h.Weight
		if h.Profile == "" {
			t.row(roleName(f, h.Role), weight(h.Weight), "nobody: no one is left to wear it", "-")
			continue
		}
		worn[h.Profile]++
		t.row(roleName(f, h.Role), weight(h.Weight), names[h.Profile], pct(h.Fit))
	}
	if err := t.flush(); err != nil {
		return err
	}
	mean := 0.0
	if most > 0 {
		mean = a.Total / most
	}
	say(w, "\nTotal %s of %s: the weighted sum of the wearers' fits (a weighted mean fit of %s)\n",
		strconvG(a.Total), strconvG(most), pct(mean))
	var idle []string
	for _, p := range ps {
		if worn[p.ID] == 0 {
			idle = append(idle, brief(who(p)))
		}
	}
	if len(idle) > maxIdle {
		idle = append(idle[:maxIdle], fmt.Sprintf("and %d more", len(idle)-maxIdle))
	}
	if len(idle) > 0 {
		say(w, "Without a hat: %s\n", strings.Join(idle, "; "))
	}
	e.printReviewNotes(w, f)
	return nil
}

// maxIdle is how many people without a hat the table names before it
// counts the rest (-csv lists them all).
const maxIdle = 20

// assignCSV writes the assignment as assign's help says.
func assignCSV(e *env, f *wlp.Framework, ps []profile.Profile, a match.Assignment) error {
	t := newCSV(e.stdout, "role", "role_name", "weight", "profile", "name", "fit_pct", "combined")
	byID := map[string]profile.Profile{}
	for _, p := range ps {
		if _, ok := byID[p.ID]; !ok {
			byID[p.ID] = p
		}
	}
	worn := map[string]bool{}
	for _, h := range a.Hats {
		if h.Profile == "" {
			t.row(string(h.Role), roleName(f, h.Role), weight(h.Weight), "", "", "", "")
			continue
		}
		worn[h.Profile] = true
		p := byID[h.Profile]
		t.row(string(h.Role), roleName(f, h.Role), weight(h.Weight), p.ID, p.Name, csvPct(h.Fit), string(e.combinedBy(p)))
	}
	for _, p := range ps {
		if !worn[p.ID] {
			t.row("", "", "", p.ID, p.Name, "", string(e.combinedBy(p)))
		}
	}
	return t.flush()
}

// strconvG prints a total with at most two decimals: "7.91", "8".
func strconvG(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
