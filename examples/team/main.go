// Command team models a learning department of six people and asks the
// questions a learning leader asks of a team rather than of one person:
// does the department cover every hat the Chief Learning Officer job
// needs, who should wear which hat, which gaps to close by developing
// someone and which only a hire closes, and what one person should learn
// next.
//
//	go run ./examples/team
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

type levels = map[competency.ID]competency.Level

// person builds a profile rated by the person's manager.
func person(id, name string, ls levels) profile.Profile {
	p := profile.Profile{ID: id, Name: name, Ratings: map[competency.ID]profile.Rating{}}
	for cid, l := range ls {
		p.Ratings[cid] = profile.Rating{Level: l, Source: profile.Manager}
	}
	return p
}

// department is a learning department: its chief learning officer and
// five specialists. Levels run from 0 (not demonstrated) to 5 (expert).
func department() []profile.Profile {
	return []profile.Profile{
		person("morgan", "Morgan Hale (Chief Learning Officer)", levels{
			"thinking-strategically": 5, "applying-business-acumen": 5, "influencing-stakeholders": 5,
			"building-trust": 5, "analyzing-needs-and-proposing-solutions": 4, "driving-results": 4,
			"communicating-effectively": 4, "networking-and-partnering": 4, "leveraging-diversity": 4,
			"demonstrating-adaptability": 4, "modeling-personal-development": 3, "planning-and-implementing-assignments": 3,
			"managing-the-learning-function": 4, "measuring-and-evaluating": 3,
			"improving-human-performance": 2, "career-planning-and-talent-management": 3, "managing-organizational-knowledge": 2,
			"coaching": 2,
		}),
		person("ana", "Ana Ruiz (Learning Program Manager)", levels{
			"planning-and-implementing-assignments": 5, "driving-results": 5, "communicating-effectively": 4,
			"managing-the-learning-function": 3, "influencing-stakeholders": 3, "building-trust": 4,
			"demonstrating-adaptability": 3, "delivering-training": 3, "applying-business-acumen": 2,
		}),
		person("ben", "Ben Cho (Senior Instructional Designer)", levels{
			"designing-learning": 5, "delivering-training": 3, "measuring-and-evaluating": 3,
			"modeling-personal-development": 4, "demonstrating-adaptability": 3, "communicating-effectively": 3,
			"analyzing-needs-and-proposing-solutions": 3,
		}),
		person("kai", "Kai Osei (Facilitator and Coach)", levels{
			"delivering-training": 5, "coaching": 4, "communicating-effectively": 5, "building-trust": 4,
			"leveraging-diversity": 4, "demonstrating-adaptability": 4, "modeling-personal-development": 3,
		}),
		person("rita", "Rita Bose (Learning Analyst)", levels{
			"measuring-and-evaluating": 4, "analyzing-needs-and-proposing-solutions": 4, "applying-business-acumen": 3,
			"improving-human-performance": 3, "thinking-strategically": 2, "communicating-effectively": 3,
			"influencing-stakeholders": 2, "building-trust": 3, "networking-and-partnering": 2,
		}),
		person("tom", "Tom Reyes (L&D Coordinator)", levels{
			"planning-and-implementing-assignments": 3, "communicating-effectively": 3, "delivering-training": 2,
			"demonstrating-adaptability": 3, "managing-organizational-knowledge": 3,
		}),
	}
}

func main() {
	f := wlp.Default()
	m := match.New(f)
	team := department()
	names := map[string]string{}
	for _, p := range team {
		names[p.ID] = strings.SplitN(p.Name, " (", 2)[0]
	}
	must := func(err error) {
		if err != nil {
			fmt.Fprintln(os.Stderr, "team:", err)
			os.Exit(1)
		}
	}
	part := func(id role.ID) string {
		if id == "" {
			return "the job itself"
		}
		r, _ := f.Role(id)
		return strings.ToLower(r.Name)
	}

	// 1. Coverage: does the department, together, cover the CLO job?
	tr, err := m.Team(team, role.CLO)
	must(err)
	fmt.Printf("Does the department cover the chief learning officer job?\n")
	fmt.Printf("Team fit %.0f%% (%s confidence): each need is met by whoever is strongest in it.\n\n", 100*tr.Result.Fit, tr.Result.Confidence)
	fmt.Println("Who carries the job's own needs and the learning strategist hat:")
	for _, c := range tr.Covers {
		if c.Part != "" && c.Part != role.LearningStrategist {
			continue
		}
		var by []string
		for _, id := range c.By {
			by = append(by, names[id])
		}
		mark := "ok "
		if !c.Met {
			mark = "GAP"
		}
		fmt.Printf("  %s %-40s need %-17s team %-17s %s\n", mark, f.Label(c.Of, c.AtLeast), c.Need, c.Have, strings.Join(by, ", "))
	}
	fmt.Println("\nWhat each person adds (fit lost without them):")
	for _, c := range tr.Contributions {
		fmt.Printf("  %-14s %4.1f pts\n", names[c.Profile], 100*c.Loss)
	}

	// 2. Assignment: who should wear which hat?
	fmt.Println("\nWho should wear which hat? (the best total fit, found exactly)")
	for _, opt := range []struct {
		title string
		max   int
	}{{"one hat each", 1}, {"up to two hats each", 2}} {
		a, err := m.Assign(team, []role.ID{role.CLO}, match.MaxHats(opt.max))
		must(err)
		fmt.Printf("  %s (weighted total %.2f):\n", opt.title, a.Total)
		for _, h := range a.Hats {
			r, _ := f.Role(h.Role)
			fmt.Printf("    %-24s %-14s %3.0f%%\n", r.Name, names[h.Profile], 100*h.Fit)
		}
	}

	// 3. Gaps: develop or hire?
	steps, err := m.TeamPlan(team, role.CLO)
	must(err)
	fmt.Println("\nThe team's gaps for the job, most valuable first:")
	if len(steps) == 0 {
		fmt.Println("  none: the team meets every need together")
	}
	for _, s := range steps {
		how := "hire: nobody is within two levels"
		if !s.Hire {
			how = fmt.Sprintf("develop %s (now %s)", names[s.Develop], s.From)
		}
		fmt.Printf("  +%4.1f pts  %s to %s (for %s): %s\n", 100*s.Gap.Gain, f.Label(s.Gap.Of, s.Gap.AtLeast), s.Gap.Need, part(s.Gap.Part), how)
	}

	// 4. One person's plan: Rita toward the business partner hat.
	rita := team[4]
	plan, err := m.Plan(rita, role.BusinessPartner, match.Until(match.High))
	must(err)
	fmt.Printf("\nA plan for %s toward the business partner hat (now %.0f%%, goal: high confidence):\n", names[rita.ID], 100*plan.Start)
	for i, s := range plan.Steps {
		n, _ := f.NameOf(s.ID)
		fmt.Printf("  %d. raise %-40s %-17s -> %-17s +%4.1f pts, fit %.0f%% (%s)\n", i+1, n, s.From, s.To, 100*s.Gain, 100*s.Fit, s.Confidence)
	}
	if !plan.Reached {
		fmt.Println("  (the goal is out of reach with these limits)")
	}
}
