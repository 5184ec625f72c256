package main

import (
	"errors"
	"fmt"
	"slices"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// newScore returns the score command, its flags bound to e.
func newScore(e *env) *Command {
	c := newCommand(&Command{
		Name:      "score",
		UsageLine: "wlp score [-framework FILE] [-json] [-csv] [-combine POLICY] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] TARGET PROFILE",
		Short:     "fit, grade, parts and gaps of one profile against a role or job",
		Long: `Score scores the person PROFILE names against TARGET, a role or a job of
the framework (by its ID or name), and explains the score: the fit (0% to
100%) and its grade, for a job each role it blends, how the person meets
each requirement, and the gaps in development order: the gap whose
closing would raise the fit most comes first.

` + gradeDoc + `

` + combineDoc + `

With -json it prints one match result, a document that validates against
"wlp schema result" (the policy that merged the reviews is in "combined";
the notes on raters who disagree are left out).

` + scoreCSVDoc + `

` + csvDoc,
		Example: `wlp score chief-learning-officer examples/data/dana.json
wlp score -json project-manager examples/data/sam.json
wlp score -combine median "Business Partner" examples/data/alex-360.json`,
		MinArgs: 2,
		MaxArgs: 2,
		Run:     func(args []string) error { return runScore(e, args) },
	})
	c.commonFlags(e, jsonDoc)
	c.combineFlag(e)
	c.peopleFlags(e)
	c.csvFlag(e)
	return c
}

// runScore is `wlp score TARGET PROFILE`.
func runScore(e *env, args []string) error {
	f, p, err := e.loadPerson(args[1])
	if f == nil {
		return err
	}
	ids, bad, uerr := e.leadTarget(f, args, false, true)
	if uerr != nil {
		return uerr
	}
	if err := errors.Join(bad, err); err != nil {
		return err
	}
	res, err := match.New(f).Score(p, ids[0])
	if err != nil {
		return err
	}
	res.Combined = e.combinedBy(p)
	switch {
	case e.json:
		return writeJSON(e.stdout, res)
	case e.csv:
		return scoreCSV(e, f, p, res)
	}
	if err := printScore(e, f, p, res); err != nil {
		return err
	}
	e.printReviewNotes(e.stdout, f)
	return nil
}

// scoreCSVDoc lists the columns of score -csv, for its help.
const scoreCSVDoc = `With -csv it prints one row for the target, one for each role of a job,
and one for each requirement, with the columns profile, kind (target,
role or requirement), part (the role of a job a requirement belongs to;
empty for the target's own), id (the target's or role's ID, or the
requirement's competency and area IDs, separated by spaces), name, need
and have (levels, 0 to 5), met (yes or no), score_pct (the fit, or the
requirement's score), weight, gain_pts and order (for a gap: the fit it
would add, and its place in the development order), grade (see above)
and combined (the policy that merged the reviews).`

// printScore writes the score's tables: the fit, a job's roles, the
// requirements and the gaps.
func printScore(e *env, f *wlp.Framework, p profile.Profile, res match.Result) error {
	w := e.stdout
	say(w, "%s against %s (%s %s)\n", brief(who(p)), brief(res.Name), res.Kind, brief(string(res.Target)))
	all, met, unrated := requirementCounts(p, res)
	say(w, "%s: %d of %s met.\n", capital(fitLine(res.Fit, res.Confidence)), met, plural(all, "requirement"))
	switch {
	case unrated == 1:
		say(w, "No rating for 1 of them: it counts as level 0 (not demonstrated).\n")
	case unrated > 1:
		say(w, "No rating for %d of them: they count as level 0 (not demonstrated).\n", unrated)
	}
	short := false

	if len(res.Parts) > 0 {
		say(w, "\nThe job's roles:\n")
		t := newTable(w)
		t.row("ROLE", "WEIGHT", "SHARE", "FIT", "GRADE", "GAPS")
		t.give(0)
		for _, pt := range res.Parts {
			t.row(roleName(f, pt.Role), weight(pt.Weight), pct0(pt.Share), pct(pt.Result.Fit), gradeWord(pt.Result.Confidence), fmt.Sprint(len(pt.Result.Gaps)))
		}
		if err := t.flush(); err != nil {
			return err
		}
	}

	if len(res.Outcomes) > 0 {
		if res.Kind == match.KindJob {
			say(w, "\nThe job's own requirements:\n")
		} else {
			say(w, "\nRequirements:\n")
		}
		t := newTable(w)
		t.row("REQUIREMENT", "NEED", "HAVE", "SCORE", "WEIGHT")
		t.levels(1, 2)
		t.wrap(0)
		t.give(0)
		for _, o := range res.Outcomes {
			t.row(describe(f, o.Of, o.AtLeast), level(o.Need), level(o.Have), pct0(o.Score), weight(o.Weight))
		}
		if err := t.flush(); err != nil {
			return err
		}
		short = short || t.collapsed
	}

	if len(res.Gaps) == 0 {
		say(w, "\nNo gaps: every requirement is met.\n")
	} else {
		say(w, "\nGaps, in development order (the fit gained if met):\n")
		t := newTable(w)
		head := []string{"#", "GAIN", "REQUIREMENT", "HAVE", "NEED"}
		if res.Kind == match.KindJob {
			head = append(head, "FOR")
		}
		t.row(head...)
		t.levels(3, 4)
		t.wrap(2)
		t.give(5)
		t.give(2)
		for i, g := range res.Gaps {
			cells := []string{fmt.Sprint(i + 1), pts(g.Gain), describe(f, g.Of, g.AtLeast), level(g.Have), level(g.Need)}
			if res.Kind == match.KindJob {
				cells = append(cells, partName(f, g.Part))
			}
			t.row(cells...)
		}
		if err := t.flush(); err != nil {
			return err
		}
		short = short || t.collapsed
	}
	if short {
		say(w, "\n%s\n", levelLegend)
	}
	return nil
}

// requirementCounts counts the requirements of res, a job's roles'
// included: all of them, those met, and those p rates none of the IDs
// of, which count as level 0.
func requirementCounts(p profile.Profile, res match.Result) (all, met, unrated int) {
	count := func(os []match.Outcome) {
		for _, o := range os {
			all++
			if o.Met {
				met++
			}
			if !slices.ContainsFunc(o.Of, func(id competency.ID) bool { _, ok := p.Ratings[id]; return ok }) {
				unrated++
			}
		}
	}
	count(res.Outcomes)
	for _, pt := range res.Parts {
		count(pt.Result.Outcomes)
	}
	return all, met, unrated
}

// scoreCSV writes the score as scoreCSVDoc says.
func scoreCSV(e *env, f *wlp.Framework, p profile.Profile, res match.Result) error {
	t := newCSV(e.stdout, "profile", "kind", "part", "id", "name", "need", "have", "met", "score_pct", "weight", "gain_pts", "order", "grade", "combined")
	t.row(p.ID, "target", "", string(res.Target), res.Name, "", "", csvBool(res.Confidence == match.Exact), csvPct(res.Fit), "", "", "", gradeWord(res.Confidence), string(res.Combined))
	for _, pt := range res.Parts {
		t.row(p.ID, "role", string(pt.Role), string(pt.Role), roleName(f, pt.Role), "", "", csvBool(pt.Result.Confidence == match.Exact),
			csvPct(pt.Result.Fit), weight(pt.Weight), "", "", gradeWord(pt.Result.Confidence), "")
	}
	// Each gap's place in the development order, by the requirement it
	// is: a part and a requirement (two requirements alike take the
	// places in turn).
	type key struct {
		part          role.ID
		ids           string
		atLeast, need int
	}
	order := map[key][]int{}
	for i, g := range res.Gaps {
		k := key{g.Part, csvIDs(g.Of), g.AtLeast, int(g.Need)}
		order[k] = append(order[k], i)
	}
	rows := func(part role.ID, os []match.Outcome) {
		for _, o := range os {
			gain, place := "", ""
			k := key{part, csvIDs(o.Of), o.AtLeast, int(o.Need)}
			if !o.Met && len(order[k]) > 0 {
				i := order[k][0]
				order[k] = order[k][1:]
				gain, place = csvPts(res.Gaps[i].Gain), fmt.Sprint(i+1)
			}
			t.row(p.ID, "requirement", string(part), csvIDs(o.Of), describe(f, o.Of, o.AtLeast), csvLevel(o.Need), csvLevel(o.Have),
				csvBool(o.Met), csvPct(o.Score), weight(o.Weight), gain, place, "", "")
		}
	}
	rows("", res.Outcomes)
	for _, pt := range res.Parts {
		rows(pt.Role, pt.Result.Outcomes)
	}
	return t.flush()
}
