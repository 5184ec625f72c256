package main

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// newTeam returns the team command, its flags bound to e.
func newTeam(e *env) *Command {
	c := newCommand(&Command{
		Name:      "team",
		UsageLine: "wlp team [-framework FILE] [-json] [-combine POLICY] TARGET PROFILE...",
		Short:     "how a team covers a role or job together: who covers what, gaps, develop or hire",
		Long: `Team scores the people in the PROFILE files together against TARGET, a role
or a job of the framework, as if one person had every member's best level in
each competency and area: each requirement is met by the member (or members)
strongest in it. It prints

  - the team's fit and confidence;
  - what each member adds: the team's fit lost without them, with their
    own fit alone;
  - who covers each requirement: the team's level against the level needed,
    whether it is met, and the members who bring that level;
  - the team's gaps, the requirements nobody meets, in development order
    (the gap whose closing would raise the team's fit most first), and for
    each whether to develop the member closest to it (named, with their
    level now) or to hire, when nobody is within 2 levels of it.

Two PROFILE files may not share a profile ID.

` + combineDoc + `

With -json it prints {"team": ..., "plan": [...]}: "team" is the team's
result (its result on the best levels, members, covers and contributions)
and "plan" its gaps with develop-or-hire advice, a document that validates
against "wlp schema team". Notes on reviews are left out.`,
		Example: `wlp team chief-learning-officer examples/data/sam.json examples/data/priya.json
wlp team -json business-partner examples/data/lee.json examples/data/priya.json`,
		MinArgs: 2,
		MaxArgs: -1,
		Run:     func(args []string) error { return runTeam(e, args) },
	})
	c.commonFlags(e, `print {"team": ..., "plan": [...]}, the document "wlp schema team" describes, instead of a table`)
	c.combineFlag(e)
	return c
}

// runTeam is `wlp team TARGET PROFILE...`.
func runTeam(e *env, args []string) error {
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	target := role.ID(args[0])
	if err := checkTarget(f, args[0]); err != nil {
		return swappedTarget(f, args, "TARGET", err)
	}
	ps, err := e.loadProfiles(f, args[1:])
	if err != nil {
		return err
	}
	if err := distinct(ps, args[1:]); err != nil {
		return err
	}
	m := match.New(f)
	tr, err := m.Team(ps, target)
	if err != nil {
		return err
	}
	steps, err := m.TeamPlan(ps, target)
	if err != nil {
		return err
	}
	if e.json {
		return writeJSON(e.stdout, match.TeamReport{Team: tr, Plan: steps})
	}
	return printTeam(e, f, m, ps, tr, steps)
}

// printTeam writes the team's tables: members, covers, gaps and advice.
func printTeam(e *env, f *wlp.Framework, m *match.Matcher, ps []profile.Profile, tr match.TeamResult, steps []match.TeamStep) error {
	w := e.stdout
	res := tr.Result
	names := shortNames(ps)
	fmt.Fprintf(w, "A team of %s against %s (%s %s)\n", people(len(ps)), clean(res.Name), res.Kind, clean(string(res.Target)))
	fmt.Fprintf(w, "Team fit %s, %s confidence: each requirement is met by the member strongest in it\n", pct(res.Fit), res.Confidence)

	fmt.Fprintf(w, "\nWhat each member adds (the team's fit lost without them):\n")
	t := newTable(w)
	t.row("#", "PROFILE", "NAME", "ADDS", "FIT ALONE")
	byID := map[string]profile.Profile{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	for i, c := range tr.Contributions {
		p := byID[c.Profile]
		alone, err := m.Fit(p, res.Target)
		if err != nil {
			return err
		}
		t.row(fmt.Sprint(i+1), c.Profile, who(p), pts(c.Loss), pct(alone))
	}
	if err := t.flush(); err != nil {
		return err
	}

	job := res.Kind == match.KindJob
	fmt.Fprintf(w, "\nWho covers each requirement:\n")
	t = newTable(w)
	head := []string{"REQUIREMENT", "NEED", "TEAM", "MET", "COVERED BY"}
	if job {
		head = append([]string{"PART"}, head...)
	}
	t.row(head...)
	for _, c := range tr.Covers {
		met := "no"
		if c.Met {
			met = "yes"
		}
		by := "nobody"
		if len(c.By) > 0 {
			var bs []string
			for _, id := range c.By {
				bs = append(bs, names[id])
			}
			by = strings.Join(bs, ", ")
		}
		cells := []string{describe(f, c.Of, c.AtLeast), level(c.Need), level(c.Have), met, by}
		if job {
			cells = append([]string{partName(f, c.Part)}, cells...)
		}
		t.row(cells...)
	}
	if err := t.flush(); err != nil {
		return err
	}

	if len(steps) == 0 {
		fmt.Fprintf(w, "\nNo gaps: together the team meets every requirement.\n")
	} else {
		fmt.Fprintf(w, "\nThe team's gaps, in development order (the team's fit gained if met):\n")
		t = newTable(w)
		head := []string{"#", "GAIN", "REQUIREMENT", "TEAM", "NEED"}
		if job {
			head = append(head, "FOR")
		}
		t.row(append(head, "CLOSE IT BY")...)
		for i, s := range steps {
			g := s.Gap
			cells := []string{fmt.Sprint(i + 1), pts(g.Gain), describe(f, g.Of, g.AtLeast), level(g.Have), level(g.Need)}
			if job {
				cells = append(cells, partName(f, g.Part))
			}
			how := fmt.Sprintf("hiring: nobody is within %d levels", match.ReachLevels)
			if !s.Hire {
				how = fmt.Sprintf("developing %s (now %s)", names[s.Develop], level(s.From))
			}
			t.row(append(cells, how)...)
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	e.printReviewNotes(w, f)
	return nil
}

// partName names the part of a job a requirement belongs to.
func partName(f *wlp.Framework, part role.ID) string {
	if part == "" {
		return "the job itself"
	}
	return roleName(f, part)
}

// shortNames returns how tables name each profile ID briefly: the
// person's name without a trailing parenthesis ("Dana Okafor" for "Dana
// Okafor (Director of Learning)"), or the profile ID when the profile has
// no name or the short name is not unique in the team.
func shortNames(ps []profile.Profile) map[string]string {
	short := func(p profile.Profile) string {
		n := strings.TrimSpace(p.Name)
		if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
			n = strings.TrimSpace(n[:i])
		}
		return clean(cmp.Or(n, p.ID))
	}
	count := map[string]int{}
	for _, p := range ps {
		count[short(p)]++
	}
	out := map[string]string{}
	for _, p := range ps {
		s := short(p)
		if count[s] > 1 {
			s = clean(p.ID)
		}
		if _, ok := out[p.ID]; !ok {
			out[p.ID] = s
		}
	}
	return out
}
