package main

import (
	"cmp"
	"errors"
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
		UsageLine: "wlp team [-framework FILE] [-json] [-csv] [-combine POLICY] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] TARGET PROFILE...",
		Short:     "how a team covers a role or job together: who covers what, gaps, develop or hire",
		Long: `Team scores the people in the PROFILE files together against TARGET, a role
or a job of the framework, as if one person had every member's best level in
each competency and area: each requirement is met by the member (or members)
strongest in it. It prints

  - the team's fit and its grade;
  - what each member adds: the team's fit lost without them, with their
    own fit alone;
  - who covers each requirement: the team's level against the level needed,
    whether it is met, and the members who bring that level;
  - the team's gaps, the requirements nobody meets, in development order
    (the gap whose closing would raise the team's fit most first), and for
    each whether to develop the member closest to it (named, with their
    level now) or to hire, when nobody is within 2 levels of it.

Two PROFILE files may not share a profile ID.

For a job, the requirements come under the job's own and each role's
heading. Levels are numbers where names would make the table wider than
100 columns; a line under the table names them.

` + gradeDoc + `

` + combineDoc + `

With -json it prints {"team": ..., "plan": [...]}: "team" is the team's
result (its result on the best levels, members, covers and contributions)
and "plan" its gaps with develop-or-hire advice, a document that validates
against "wlp schema team". The team's result names in "combined" the
policy that merged the reviews of the members who had any; the notes on
raters who disagree are left out.

With -csv it prints one row for the team, one per member and one per
requirement, with the columns kind (team, member or requirement), part
(the role of a job a requirement belongs to; empty for the target's own),
id (the target's ID, the member's profile ID, or the requirement's
competency and area IDs, separated by spaces), name, fit_pct and grade
(the team's fit, or the member's fit alone), adds_pts (the team's fit
lost without the member), need, have (the team's level) and met,
covered_by (the profile IDs of the members who bring the team's level,
separated by spaces), and for a gap gain_pts, order (its place in the
development order), close_by (develop or hire), develop (the profile ID
of the member to develop) and from (their level now); last, combined (the
policy that merged the reviews).

` + csvDoc,
		Example: `wlp team chief-learning-officer examples/data/sam.json examples/data/priya.json
wlp team -json business-partner examples/data/lee.json examples/data/priya.json`,
		MinArgs: 2,
		MaxArgs: -1,
		Run:     func(args []string) error { return runTeam(e, args) },
	})
	c.commonFlags(e, `print {"team": ..., "plan": [...]}, the document "wlp schema team" describes, instead of a table`)
	c.combineFlag(e)
	c.peopleFlags(e)
	c.csvFlag(e)
	return c
}

// runTeam is `wlp team TARGET PROFILE...`.
func runTeam(e *env, args []string) error {
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	ids, bad, err := e.leadTarget(f, args, false, false)
	if err != nil {
		return err
	}
	ps, err := e.loadProfiles(f, args[1:])
	if err := errors.Join(bad, err); err != nil {
		return err
	}
	target := ids[0]
	m := match.New(f)
	tr, err := m.Team(ps, target)
	if err != nil {
		return err
	}
	steps, err := m.TeamPlan(ps, target)
	if err != nil {
		return err
	}
	tr.Result.Combined = e.combinedByAny(ps)
	switch {
	case e.json:
		return writeJSON(e.stdout, match.TeamReport{Team: tr, Plan: steps})
	case e.csv:
		return teamCSV(e, f, m, ps, tr, steps)
	}
	return printTeam(e, f, m, ps, tr, steps)
}

// printTeam writes the team's tables: members, covers, gaps and advice.
func printTeam(e *env, f *wlp.Framework, m *match.Matcher, ps []profile.Profile, tr match.TeamResult, steps []match.TeamStep) error {
	w := e.stdout
	res := tr.Result
	names := shortNames(ps)
	say(w, "A team of %s against %s (%s %s)\n", countPeople(len(ps)), brief(res.Name), res.Kind, brief(string(res.Target)))
	say(w, "Team %s, counting the strongest member in each requirement.\n", fitLine(res.Fit, res.Confidence))

	say(w, "\nWhat each member adds (the team's fit lost without them):\n")
	t := newTable(w)
	t.row("#", "PROFILE", "NAME", "ADDS", "FIT ALONE", "GRADE")
	t.give(1, 2)
	byID := map[string]profile.Profile{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	for i, c := range tr.Contributions {
		p := byID[c.Profile]
		alone, err := m.Score(p, res.Target)
		if err != nil {
			return err
		}
		t.row(fmt.Sprint(i+1), c.Profile, who(p), pts(c.Loss), pct(alone.Fit), gradeWord(alone.Confidence))
	}
	if err := t.flush(); err != nil {
		return err
	}

	job := res.Kind == match.KindJob
	say(w, "\nWho covers each requirement:\n")
	t = newTable(w)
	t.row("REQUIREMENT", "NEED", "TEAM", "MET", "COVERED BY")
	t.levels(1, 2)
	t.wrap(0, 4)
	t.give(4)
	t.give(0, 4)
	part := role.ID("-") // no part yet
	for _, c := range tr.Covers {
		if job && c.Part != part {
			t.section(capital(partName(f, c.Part)) + ":")
			part = c.Part
		}
		by := "nobody"
		if len(c.By) > 0 {
			var bs []string
			for _, id := range c.By {
				bs = append(bs, names[id])
			}
			by = strings.Join(bs, ", ")
		}
		t.row(describe(f, c.Of, c.AtLeast), level(c.Need), level(c.Have), csvBool(c.Met), by)
	}
	if err := t.flush(); err != nil {
		return err
	}
	short := t.collapsed

	if len(steps) == 0 {
		say(w, "\nNo gaps: together the team meets every requirement.\n")
	} else {
		say(w, "\nThe team's gaps, in development order (the team's fit gained if met):\n")
		t = newTable(w)
		head := []string{"#", "GAIN", "REQUIREMENT", "TEAM", "NEED"}
		if job {
			head = append(head, "FOR")
		}
		cl := len(head)
		t.row(append(head, "CLOSE BY")...)
		t.levels(3, 4)
		t.wrap(2, cl)
		if job {
			t.wrap(cl - 1)
			t.give(cl - 1)
		}
		t.give(cl)
		t.give(2, cl)
		for i, s := range steps {
			g := s.Gap
			cells := []string{fmt.Sprint(i + 1), pts(g.Gain), describe(f, g.Of, g.AtLeast), level(g.Have), level(g.Need)}
			if job {
				cells = append(cells, partName(f, g.Part))
			}
			how := "hire"
			if !s.Hire {
				how = "develop " + names[s.Develop]
				if s.From != g.Have {
					how += fmt.Sprintf(" (now %d)", s.From)
				}
			}
			t.row(append(cells, how)...)
		}
		if err := t.flush(); err != nil {
			return err
		}
		short = short || t.collapsed
		say(w, "\nClose a gap by developing the member closest to it, or by hiring when nobody is within %d levels.\n", match.ReachLevels)
	}
	if short {
		if len(steps) == 0 {
			say(w, "\n")
		}
		say(w, "%s\n", levelLegend)
	}
	e.printReviewNotes(w, f)
	return nil
}

// teamCSV writes the team as team's help says.
func teamCSV(e *env, f *wlp.Framework, m *match.Matcher, ps []profile.Profile, tr match.TeamResult, steps []match.TeamStep) error {
	res := tr.Result
	t := newCSV(e.stdout, "kind", "part", "id", "name", "fit_pct", "grade", "adds_pts", "need", "have", "met", "covered_by",
		"gain_pts", "order", "close_by", "develop", "from", "combined")
	t.row("team", "", string(res.Target), res.Name, csvPct(res.Fit), gradeWord(res.Confidence), "", "", "", csvBool(res.Confidence == match.Exact), "",
		"", "", "", "", "", string(res.Combined))
	byID := map[string]profile.Profile{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	for _, c := range tr.Contributions {
		p := byID[c.Profile]
		alone, err := m.Score(p, res.Target)
		if err != nil {
			return err
		}
		t.row("member", "", p.ID, p.Name, csvPct(alone.Fit), gradeWord(alone.Confidence), csvPts(c.Loss), "", "", "", "",
			"", "", "", "", "", string(e.combinedBy(p)))
	}
	// Each step's place in the development order, by the requirement it
	// closes (two requirements alike take the places in turn).
	type key struct {
		part          role.ID
		ids           string
		atLeast, need int
	}
	order := map[key][]int{}
	for i, s := range steps {
		k := key{s.Gap.Part, csvIDs(s.Gap.Of), s.Gap.AtLeast, int(s.Gap.Need)}
		order[k] = append(order[k], i)
	}
	for _, c := range tr.Covers {
		cells := []string{"requirement", string(c.Part), csvIDs(c.Of), describe(f, c.Of, c.AtLeast), "", "", "",
			csvLevel(c.Need), csvLevel(c.Have), csvBool(c.Met), strings.Join(c.By, " ")}
		gap := []string{"", "", "", "", ""}
		k := key{c.Part, csvIDs(c.Of), c.AtLeast, int(c.Need)}
		if !c.Met && len(order[k]) > 0 {
			i := order[k][0]
			order[k] = order[k][1:]
			s := steps[i]
			gap = []string{csvPts(s.Gap.Gain), fmt.Sprint(i + 1), "hire", "", ""}
			if !s.Hire {
				gap[2], gap[3], gap[4] = "develop", s.Develop, csvLevel(s.From)
			}
		}
		t.row(append(append(cells, gap...), "")...)
	}
	return t.flush()
}

// partName names the part of a job a requirement belongs to.
func partName(f *wlp.Framework, part role.ID) string {
	if part == "" {
		return "the job itself"
	}
	return roleName(f, part)
}

// shortName names a person briefly: the profile's name without a
// trailing parenthesis ("Dana Okafor" for "Dana Okafor (Director of
// Learning)"), cut at maxShortName columns, or the profile ID when the
// profile has no name.
func shortName(p profile.Profile) string {
	n := strings.TrimSpace(p.Name)
	if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
		n = strings.TrimSpace(n[:i])
	}
	return cut(clean(cmp.Or(n, p.ID)), maxShortName)
}

// maxShortName is the most columns a short name takes (see shortNames).
const maxShortName = 30

// shortNames returns how tables name each profile ID briefly: the
// person's name without a trailing parenthesis ("Dana Okafor" for "Dana
// Okafor (Director of Learning)"), cut at maxShortName columns, or the
// profile ID when the profile has no name or the short name is not
// unique in the team.
func shortNames(ps []profile.Profile) map[string]string {
	short := shortName
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
