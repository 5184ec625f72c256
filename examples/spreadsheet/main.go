// Command spreadsheet reads a learning team's ratings the way HR keeps
// them, a CSV file saved from a spreadsheet with one row per person, one
// column per competency headed by its name, and columns wlp has no use
// for (Department, Manager), and asks two questions of it: how well does
// the team cover the Chief Learning Officer job together, and what should
// each person develop first toward the role that suits them best?
//
//	go run ./examples/spreadsheet [FILE.csv|FILE.xlsx]
//
// The same file goes through the command line too:
//
//	wlp import -ignore Department,Manager -o profiles examples/spreadsheet/team.csv
//	wlp team -ignore Department,Manager chief-learning-officer examples/spreadsheet/team.csv
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

func main() {
	file := "examples/spreadsheet/team.csv"
	if len(os.Args) > 1 {
		file = os.Args[1]
	}
	f := wlp.Default()

	// Read the sheet: headers by name in any case, levels as numbers or
	// labels ("4 - Proficient"), blank cells not rated. Columns that name
	// no competency must be ignored on purpose, never dropped silently.
	team, err := people.ReadFile(file, &people.Options{Framework: f, Ignore: []string{"Department", "Manager"}})
	var perr *people.Error
	if errors.As(err, &perr) {
		// Every problem at once, each with its row and column.
		for _, p := range perr.Problems {
			fmt.Fprintln(os.Stderr, p)
		}
		os.Exit(1)
	} else if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if len(team) == 0 {
		fmt.Fprintf(os.Stderr, "%s holds no one: fill in one row per person\n", file)
		os.Exit(1)
	}
	ps := make([]profile.Profile, len(team))
	for i, p := range team {
		ps[i] = p.Profile
	}
	fmt.Printf("Read %d people from %s (the first at %s).\n\n", len(team), file, team[0].Place)

	m := match.New(f)
	const job role.ID = "chief-learning-officer"
	tr, err := m.Team(ps, job)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("Together the team fits the %s job at %.1f%%.\n", tr.Result.Name, 100*tr.Result.Fit)
	for _, pt := range tr.Result.Parts {
		fmt.Printf("  %-26s %5.1f%%\n", pt.Result.Name, 100*pt.Result.Fit)
	}
	if len(tr.Result.Gaps) == 0 {
		fmt.Println("Someone on the team meets every requirement.")
	} else {
		fmt.Println("\nNobody on the team yet meets:")
		for _, g := range tr.Result.Gaps {
			fmt.Printf("  %-44s best %d, needs %d\n", f.Label(g.Of, g.AtLeast), g.Have, g.Need)
		}
	}

	fmt.Println("\nEach person's best role, and the first step toward it:")
	for _, p := range ps {
		best := m.BestRoles(p)[0]
		plan, err := m.Plan(p, best.Target, match.Until(match.Exact))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		step := "nothing to develop: every requirement is met"
		if len(plan.Steps) > 0 {
			s := plan.Steps[0]
			name, _ := f.NameOf(s.ID)
			step = fmt.Sprintf("%s %d -> %d (+%.1f pts)", name, s.From, s.To, 100*s.Gain)
		}
		fmt.Printf("  %-13s %-24s %5.1f%%  %s\n", p.Name, best.Name, 100*best.Fit, step)
	}
}
