// Command clo is the main example of the wlp SDK: it scores four people
// from a learning department against the model's Chief Learning Officer
// job and its four roles, and prints a report a learning leader can read:
// how well each person fits, how the job's parts add up, what to develop
// first and which hats suit each person best.
//
//	go run ./examples/clo
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

// person builds a profile from a list of ID/level pairs, all rated by the
// person's manager.
func person(id, name string, levels map[competency.ID]competency.Level) profile.Profile {
	p := profile.Profile{ID: id, Name: name, Ratings: map[competency.ID]profile.Rating{}}
	for cid, l := range levels {
		p.Ratings[cid] = profile.Rating{Level: l, Source: profile.Manager}
	}
	return p
}

// team is a small learning department. Levels run from 0 (not
// demonstrated) to 5 (expert).
func team() []profile.Profile {
	return []profile.Profile{
		person("dana", "Dana Okafor (Director of Learning)", map[competency.ID]competency.Level{
			"thinking-strategically": 5, "applying-business-acumen": 4, "influencing-stakeholders": 4,
			"building-trust": 4, "communicating-effectively": 5, "networking-and-partnering": 4,
			"analyzing-needs-and-proposing-solutions": 4, "driving-results": 4, "leveraging-diversity": 4,
			"planning-and-implementing-assignments": 3, "demonstrating-adaptability": 4, "modeling-personal-development": 4,
			"managing-the-learning-function": 4, "measuring-and-evaluating": 3, "facilitating-organizational-change": 4,
			"improving-human-performance": 3, "career-planning-and-talent-management": 3, "coaching": 3,
			"managing-organizational-knowledge": 2, "designing-learning": 2, "delivering-training": 3,
		}),
		person("lee", "Lee Whitman (HR Business Partner)", map[competency.ID]competency.Level{
			"applying-business-acumen": 5, "analyzing-needs-and-proposing-solutions": 4, "building-trust": 5,
			"influencing-stakeholders": 4, "improving-human-performance": 4, "communicating-effectively": 4,
			"networking-and-partnering": 5, "measuring-and-evaluating": 2, "facilitating-organizational-change": 3,
			"thinking-strategically": 3, "driving-results": 3, "career-planning-and-talent-management": 4,
			"coaching": 3, "leveraging-diversity": 3, "demonstrating-adaptability": 3,
		}),
		person("sam", "Sam Reyes (Learning Program Manager)", map[competency.ID]competency.Level{
			"planning-and-implementing-assignments": 5, "driving-results": 4, "communicating-effectively": 4,
			"managing-the-learning-function": 3, "influencing-stakeholders": 3, "building-trust": 4,
			"demonstrating-adaptability": 4, "delivering-training": 3, "thinking-strategically": 2,
			"applying-business-acumen": 2, "measuring-and-evaluating": 2, "designing-learning": 2,
		}),
		person("priya", "Priya Natarajan (Senior Instructional Designer)", map[competency.ID]competency.Level{
			"designing-learning": 5, "delivering-training": 4, "measuring-and-evaluating": 4, "coaching": 3,
			"modeling-personal-development": 5, "demonstrating-adaptability": 4, "communicating-effectively": 4,
			"analyzing-needs-and-proposing-solutions": 3, "planning-and-implementing-assignments": 3,
			"managing-organizational-knowledge": 3, "building-trust": 3,
		}),
	}
}

func main() {
	f := wlp.Default()
	m := match.New(f)
	job, _ := f.Job(role.CLO)
	w := os.Stdout

	fmt.Fprintf(w, "Who is ready to be %s?\n", article(job.Title))
	fmt.Fprintf(w, "%s\n\n", strings.Repeat("=", 40))
	fmt.Fprintf(w, "%s\n\n", wrap(job.Summary, 76, ""))
	fmt.Fprintln(w, "The job is scored as a weighted blend of its parts:")
	for _, sh := range job.Roles {
		name, _ := roleName(f, sh.Role)
		fmt.Fprintf(w, "  %-26s weight %g  %s\n", name, sh.Weight, sh.Why)
	}
	for _, rq := range job.Requirements {
		fmt.Fprintf(w, "  %-26s weight %g  %s\n", "own requirement", rq.Weight, describe(f, rq.Of, rq.AtLeast, rq.Level))
	}
	fmt.Fprintln(w)

	people := team()
	ranked, err := m.Rank(people, role.CLO, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	byID := map[string]profile.Profile{}
	for _, p := range people {
		byID[p.ID] = p
	}

	fmt.Fprintln(w, "Ranking for the job")
	fmt.Fprintln(w, "-------------------")
	for i, r := range ranked {
		fmt.Fprintf(w, "%d. %-48s %s  %s confidence\n", i+1, byID[r.Profile].Name, pct(r.Result.Fit), r.Result.Confidence)
	}

	for _, r := range ranked {
		p := byID[r.Profile]
		res := r.Result
		fmt.Fprintf(w, "\n%s: fit %.0f%%, %s confidence\n", p.Name, 100*res.Fit, res.Confidence)
		fmt.Fprintln(w, "  How the job's parts add up:")
		for _, part := range res.Parts {
			name, _ := roleName(f, part.Role)
			fmt.Fprintf(w, "    %-40s %s of %s of the job\n", name, pct(part.Result.Fit), pct(part.Share))
		}
		for _, o := range res.Outcomes {
			fmt.Fprintf(w, "    %-40s %s met\n", f.Label(o.Of, o.AtLeast), pct(o.Score))
		}
		fmt.Fprintln(w, "  Develop first (fit gained if met):")
		for _, g := range res.Gaps[:min(3, len(res.Gaps))] {
			where := "the job itself"
			if g.Part != "" {
				where, _ = roleName(f, g.Part)
			}
			fmt.Fprintf(w, "    +%4.1f pts  %s, now %s (for %s)\n", 100*g.Gain, describe(f, g.Of, g.AtLeast, g.Need), g.Have, strings.ToLower(where))
		}
		fmt.Fprint(w, "  Best hats:")
		for i, br := range m.BestRoles(p) {
			sep := ","
			if i == 0 {
				sep = ""
			}
			fmt.Fprintf(w, "%s %s %.0f%%", sep, strings.ToLower(br.Name), 100*br.Fit)
		}
		fmt.Fprintln(w)
	}
}

func roleName(f *wlp.Framework, id role.ID) (string, bool) {
	r, ok := f.Role(id)
	return r.Name, ok
}

// describe says what a requirement asks for, in words.
func describe(f *wlp.Framework, of []competency.ID, atLeast int, need competency.Level) string {
	return fmt.Sprintf("%s to %s", f.Label(of, atLeast), need)
}

func pct(x float64) string { return fmt.Sprintf("%3.0f%%", 100*x) }

func article(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// wrap breaks s into lines of at most width characters.
func wrap(s string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(s) {
		if i > 0 && line+1+len(word) > width {
			b.WriteString("\n" + indent)
			line = 0
		} else if i > 0 {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += len(word)
	}
	return b.String()
}
