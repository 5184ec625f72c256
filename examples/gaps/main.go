// Command gaps turns one person's gaps against a role or job into a
// development plan. It loads a profile from examples/data, scores it, and
// takes the gaps in development order (the one whose closing would raise
// the fit most first). For each step it raises the person's levels just
// enough to meet that requirement, keeping the earlier steps, and scores
// again, so the plan shows what each step would do to the fit; a step that
// an earlier one has already met says so.
//
//	go run ./examples/gaps [-profile examples/data/lee.json] [-target chief-learning-officer]
//
// Run it from the module's root folder, where the default profile's path
// starts.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

func main() {
	path := flag.String("profile", "examples/data/lee.json", "the person's profile")
	target := flag.String("target", string(role.CLO), "the role or job to plan for")
	flag.Parse()

	fh, err := os.Open(*path)
	if err != nil {
		fail(err)
	}
	p, err := profile.Load(fh)
	fh.Close()
	if err != nil {
		fail(err)
	}
	f := wlp.Default()
	if err := f.ValidateProfile(p); err != nil {
		fail(err)
	}
	m := match.New(f)
	res, err := m.Score(p, role.ID(*target))
	if err != nil {
		fail(err)
	}

	fmt.Printf("Development plan for %s as %s\n", p.Name, strings.ToLower(res.Name))
	fmt.Printf("Fit now %.1f%%, %s confidence; %d gaps, closed in the order of their gain.\n\n", 100*res.Fit, res.Confidence, len(res.Gaps))
	if len(res.Gaps) == 0 {
		fmt.Println("Nothing to develop: every requirement is met.")
		return
	}

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "STEP\tREQUIREMENT\tFOR\tGAIN ALONE\tFIT AFTER\tRAISE")
	plan := p.Clone()
	fit := res.Fit
	raisedBy := map[competency.ID]int{} // the last step that raised each ID
	for i, g := range res.Gaps {
		step := i + 1
		raised := raise(f, &plan, g)
		after, err := m.Score(plan, role.ID(*target))
		if err != nil {
			fail(err)
		}
		part := "the job itself"
		if g.Part != "" {
			r, _ := f.Role(g.Part)
			part = strings.ToLower(r.Name)
		} else if res.Kind == match.KindRole {
			part = "the role"
		}
		var lines []string
		for _, r := range raised {
			raisedBy[r.id] = step
			lines = append(lines, r.String())
		}
		if len(lines) == 0 {
			by := 0
			for _, id := range g.Of {
				by = max(by, raisedBy[id])
			}
			lines = []string{fmt.Sprintf("nothing: step %d met it", by)}
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t+%.1f pts\t%.1f%% (%+.1f)\t%s\n", step, describe(f, g), part, 100*g.Gain, 100*after.Fit, 100*(after.Fit-fit), lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(w, "\t\t\t\t\t%s\n", l)
		}
		fit = after.Fit
	}
	w.Flush()

	final, err := m.Score(plan, role.ID(*target))
	if err != nil {
		fail(err)
	}
	fmt.Printf("\nAfter the plan: fit %.1f%%, %s confidence, %d levels raised in %d competencies and areas.\n",
		100*final.Fit, final.Confidence, levelsRaised(p, plan), len(changed(p, plan)))
}

// raising is one level raised by a step of the plan.
type raising struct {
	id       competency.ID
	name     string
	from, to competency.Level
}

// String returns "Coaching 3 -> 5".
func (r raising) String() string { return fmt.Sprintf("%s %d -> %d", r.name, r.from, r.to) }

// raise changes p's levels just enough to meet the gap's requirement: for
// a group, it raises the k best-rated of its IDs (ties in model order), the
// cheapest way to get k of them to the level. It returns what it raised.
func raise(f *wlp.Framework, p *profile.Profile, g match.Gap) []raising {
	ids := slices.Clone(g.Of)
	slices.SortStableFunc(ids, func(a, b competency.ID) int {
		return cmp.Or(cmp.Compare(p.Level(b), p.Level(a)), cmp.Compare(f.Index(a), f.Index(b)))
	})
	k := g.AtLeast
	if k == 0 {
		k = len(ids)
	}
	var out []raising
	for _, id := range ids[:k] {
		have := p.Level(id)
		if have >= g.Need {
			continue
		}
		r := p.Ratings[id]
		r.Level = g.Need
		if p.Ratings == nil {
			p.Ratings = map[competency.ID]profile.Rating{}
		}
		p.Ratings[id] = r
		name, _ := f.NameOf(id)
		out = append(out, raising{id: id, name: name, from: have, to: g.Need})
	}
	return out
}

// describe names a requirement and its level: "Coaching at 4", or "any 1
// of 9 areas of expertise at 5" for a group.
func describe(f *wlp.Framework, g match.Gap) string {
	return fmt.Sprintf("%s at %d", f.Label(g.Of, g.AtLeast), g.Need)
}

// changed returns the IDs whose level differs between two profiles.
func changed(a, b profile.Profile) []competency.ID {
	var out []competency.ID
	for _, id := range b.IDs() {
		if a.Level(id) != b.Level(id) {
			out = append(out, id)
		}
	}
	return out
}

// levelsRaised sums the levels gained from a to b.
func levelsRaised(a, b profile.Profile) int {
	n := 0
	for _, id := range changed(a, b) {
		n += int(b.Level(id) - a.Level(id))
	}
	return n
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gaps:", err)
	os.Exit(1)
}
