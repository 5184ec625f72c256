package main

import (
	"cmp"
	"flag"
	"fmt"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

var teamCmd = &command{
	name:  "team",
	args:  "[-framework FILE] [-json] [-combine POLICY] TARGET PROFILE...",
	short: "how a team covers a role or job together: who covers what, gaps, develop or hire",
	long: `Team scores the people in the PROFILE files together against TARGET, a role
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
	example: `wlp team chief-learning-officer examples/data/sam.json examples/data/priya.json
wlp team -json business-partner examples/data/lee.json examples/data/priya.json`,
	minArgs: 2,
	maxArgs: -1,
	jsonDoc: `print {"team": ..., "plan": [...]}, the document "wlp schema team" describes, instead of a table`,
	flags:   combineFlag,
	run:     runTeam,
}

// teamReport is what team -json prints. internal/schemagen declares the
// same document as TeamReport, the schema of kind "team"; the tests check
// that the output validates against it.
type teamReport struct {
	// Team is the team's coverage of the target.
	Team match.TeamResult `json:"team"`
	// Plan lists the team's gaps in gain order, each with whether to
	// develop a member or hire.
	Plan []match.TeamStep `json:"plan"`
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
		return writeJSON(e.stdout, teamReport{Team: tr, Plan: steps})
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

// swappedTarget returns err, the first argument's failure as a target,
// or misuse when the last argument is a target instead: the user wrote
// the target last, as chart -team wants it. what names the argument as
// the usage line does.
func swappedTarget(f *wlp.Framework, args []string, what string, err error) error {
	last := args[len(args)-1]
	for _, id := range strings.Split(last, ",") {
		if checkTarget(f, id) != nil {
			return err
		}
	}
	return usageError(fmt.Sprintf("%s comes first, then the profiles (%s, the last argument, is a role or job)", what, problem.Quote(last)))
}

// partName names the part of a job a requirement belongs to.
func partName(f *wlp.Framework, part role.ID) string {
	if part == "" {
		return "the job itself"
	}
	return roleName(f, part)
}

// people counts people: "1 person", "3 people".
func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
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

var assignCmd = &command{
	name:  "assign",
	args:  "[-framework FILE] [-json] [-combine POLICY] [-max-hats N] ROLE[,ROLE...] PROFILE...",
	short: "hand roles (hats) out to a team for the best total fit",
	long: `Assign hands the roles ROLE,... (hats) out to the people in the PROFILE
files so that the weighted sum of the wearers' fits, the total, is as large
as possible. ROLE is a role ID, or a job ID standing for the job's roles,
each weighted by its share of the job; a role named directly weighs 1.
Separate several with commas, without spaces, and ask for each role once:
a job counts as asking for each of its roles.

Each person wears at most -max-hats hats (default 1; 0 means no limit, so
each hat goes to whoever fits it best). When the hats outnumber the places,
the hats that would add least stay unworn. The method is exact (the
Hungarian algorithm): no other assignment has a larger total. Among equally
good assignments the people named first are preferred.

It prints each hat with its weight, wearer and the wearer's fit, the total
(and the most it could be, every weight at a fit of 100%), and who is left
without a hat. Two PROFILE files may not share a profile ID.

` + combineDoc + `

With -json it prints the assignment, a document that validates against
"wlp schema assignment". Notes on reviews are left out.`,
	example: `wlp assign chief-learning-officer examples/data/dana.json examples/data/lee.json examples/data/sam.json examples/data/priya.json
wlp assign -max-hats 2 learning-strategist,business-partner examples/data/dana.json examples/data/lee.json`,
	minArgs: 2,
	maxArgs: -1,
	jsonDoc: `print the assignment, the document "wlp schema assignment" describes, instead of a table`,
	flags: func(fs *flag.FlagSet, e *env) {
		fs.IntVar(&e.maxHats, "max-hats", 1, "let each person wear at most `N` hats (0: no limit)")
		combineFlag(fs, e)
	},
	run: runAssign,
}

// parseHats splits ROLE[,ROLE...] into IDs.
func parseHats(arg string) ([]role.ID, error) {
	var ids []role.ID
	for _, s := range strings.Split(arg, ",") {
		if s == "" {
			return nil, usageError(fmt.Sprintf("empty role in %s: separate role and job IDs with single commas", problem.Quote(arg)))
		}
		ids = append(ids, role.ID(s))
	}
	return ids, nil
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

// runAssign is `wlp assign ROLE[,ROLE...] PROFILE...`.
func runAssign(e *env, args []string) error {
	if e.maxHats < 0 {
		return usageError(fmt.Sprintf("-max-hats %d is negative; use 0 for no limit", e.maxHats))
	}
	hats, err := parseHats(args[0])
	if err != nil {
		return err
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	for _, h := range hats {
		if err := checkTarget(f, string(h)); err != nil {
			return swappedTarget(f, args, "ROLE[,ROLE...]", err)
		}
	}
	if err := onceEach(f, hats); err != nil {
		return err
	}
	ps, err := e.loadProfiles(f, args[1:])
	if err != nil {
		return err
	}
	if err := distinct(ps, args[1:]); err != nil {
		return err
	}
	a, err := match.New(f).Assign(ps, hats, match.MaxHats(e.maxHats))
	if err != nil {
		return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "match: "))
	}
	if e.json {
		return writeJSON(e.stdout, a)
	}
	return printAssign(e, f, hats, ps, a)
}

// printAssign writes the hats, their wearers and the total.
func printAssign(e *env, f *wlp.Framework, asked []role.ID, ps []profile.Profile, a match.Assignment) error {
	w := e.stdout
	each := fmt.Sprintf("at most %s each", plural(e.maxHats, "hat"))
	if e.maxHats == 0 {
		each = "any number of hats each"
	}
	fmt.Fprintf(w, "%s for %s, %s: the best total fit, found exactly\n", plural(len(a.Hats), "hat"), people(len(ps)), each)
	for _, id := range asked {
		if j, ok := f.Job(id); ok {
			fmt.Fprintf(w, "The job %s (%s) stands for its %s, each weighted by its share.\n", clean(string(id)), clean(j.Title), plural(len(j.Roles), "role"))
		}
	}
	fmt.Fprintln(w)

	names := map[string]string{}
	for _, p := range ps {
		if _, ok := names[p.ID]; !ok {
			names[p.ID] = who(p)
		}
	}
	t := newTable(w)
	t.row("HAT", "WEIGHT", "WORN BY", "FIT")
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
	fmt.Fprintf(w, "\nTotal %s of %s: the weighted sum of the wearers' fits (a weighted mean fit of %s)\n",
		strconvG(a.Total), strconvG(most), pct(mean))
	var idle []string
	for _, p := range ps {
		if worn[p.ID] == 0 {
			idle = append(idle, who(p))
		}
	}
	if len(idle) > 0 {
		fmt.Fprintf(w, "Without a hat: %s\n", strings.Join(idle, "; "))
	}
	e.printReviewNotes(w, f)
	return nil
}

// strconvG prints a total with at most two decimals: "7.91", "8".
func strconvG(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

var planCmd = &command{
	name:  "plan",
	args:  "[-framework FILE] [-json] [-combine POLICY] [-until no|low|high|exact] [-max-steps N] [-max-raise N] PROFILE TARGET",
	short: "a person's development plan toward a role or job, step by step",
	long: `Plan builds a development plan for the person in the file PROFILE toward
TARGET, a role or a job: an ordered list of steps, each raising one
competency or area from one level to another. Each step is the one that
adds the most fit per level raised (so cheap wins come first); the plan
stops when the fit reaches the confidence -until asks for (high by default;
exact means every requirement met), after -max-steps steps, or when no
step would raise the fit. -max-raise caps the levels one step may raise a
rating (0, the default, lets a step go straight to the level needed).

It prints the fit and confidence before the plan, each step with its gain
and the fit and confidence after it, and whether the goal is reached.

` + combineDoc + `

With -json it prints the plan, a document that validates against
"wlp schema plan". Notes on reviews are left out.`,
	example: `wlp plan examples/data/sam.json business-partner
wlp plan -until exact -max-raise 1 examples/data/lee.json learning-strategist
wlp plan -combine median examples/data/alex-360.json chief-learning-officer`,
	minArgs: 2,
	maxArgs: 2,
	jsonDoc: `print the plan, the document "wlp schema plan" describes, instead of a table`,
	flags: func(fs *flag.FlagSet, e *env) {
		fs.StringVar(&e.until, "until", "high", "stop when the fit reaches `CONFIDENCE`: no, low, high or exact")
		fs.IntVar(&e.maxSteps, "max-steps", 0, "stop after `N` steps (0: no limit)")
		fs.IntVar(&e.maxRaise, "max-raise", 0, "raise a rating by at most `N` levels a step (0: straight to the level needed)")
		combineFlag(fs, e)
	},
	run: runPlan,
}

// runPlan is `wlp plan PROFILE TARGET`.
func runPlan(e *env, args []string) error {
	var until match.Confidence
	if err := until.UnmarshalText([]byte(e.until)); err != nil {
		return usageError(fmt.Sprintf("unknown -until %s (want no, low, high or exact)", problem.Quote(e.until)))
	}
	if e.maxSteps < 0 {
		return usageError(fmt.Sprintf("-max-steps %d is negative; use 0 for no limit", e.maxSteps))
	}
	if e.maxRaise < 0 {
		return usageError(fmt.Sprintf("-max-raise %d is negative; use 0 for no limit", e.maxRaise))
	}
	f, p, err := e.loadPerson(args[0])
	if err != nil {
		return err
	}
	if err := checkTarget(f, args[1]); err != nil {
		return err
	}
	m := match.New(f)
	plan, err := m.Plan(p, role.ID(args[1]), match.Until(until), match.MaxSteps(e.maxSteps), match.MaxRaise(e.maxRaise))
	if err != nil {
		return err
	}
	if e.json {
		return writeJSON(e.stdout, plan)
	}
	// The plan grades the fit after each step; the grade before the
	// first is the person's score now.
	now, err := m.Score(p, plan.Target)
	if err != nil {
		return err
	}
	return printPlan(e, f, p, until, now.Confidence, plan)
}

// printPlan writes the plan's steps and whether it reaches its goal.
func printPlan(e *env, f *wlp.Framework, p profile.Profile, until, now match.Confidence, plan match.Plan) error {
	w := e.stdout
	name, kind := targetName(f, plan.Target)
	fmt.Fprintf(w, "A development plan for %s toward %s (%s %s)\n", who(p), clean(name), kind, clean(string(plan.Target)))
	goal := until.String() + " confidence"
	if until == match.Exact {
		goal = "every requirement met (exact confidence)"
	}
	fmt.Fprintf(w, "Now: fit %s, %s confidence. Goal: %s.\n", pct(plan.Start), now, goal)

	if len(plan.Steps) == 0 {
		if plan.Reached {
			fmt.Fprintf(w, "\nNothing to develop: the goal is reached already.\n")
		} else {
			fmt.Fprintf(w, "\nNo step raises the fit: the goal is out of reach.\n")
		}
		e.printReviewNotes(w, f)
		return nil
	}
	fmt.Fprintln(w)
	t := newTable(w)
	t.row("#", "RAISE", "FROM", "TO", "GAIN", "FIT AFTER", "CONFIDENCE")
	for i, s := range plan.Steps {
		t.row(fmt.Sprint(i+1), nameOf(f, s.ID), level(s.From), level(s.To), pts(s.Gain), pct(s.Fit), s.Confidence.String())
	}
	if err := t.flush(); err != nil {
		return err
	}
	after := fmt.Sprintf("After %s: fit %s, %s confidence", plural(len(plan.Steps), "step"), pct(plan.Fit), plan.Confidence)
	switch {
	case plan.Reached:
		fmt.Fprintf(w, "\n%s: the goal is reached.\n", after)
	case e.maxSteps > 0 && len(plan.Steps) >= e.maxSteps:
		fmt.Fprintf(w, "\n%s: the goal is not reached within -max-steps %d.\n", after, e.maxSteps)
	default:
		fmt.Fprintf(w, "\n%s: the goal is not reached; no further step raises the fit.\n", after)
	}
	e.printReviewNotes(w, f)
	return nil
}
