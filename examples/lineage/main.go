// Command lineage carries the sample people, assessed on the ASTD 2004
// model, to ATD's 2020 Talent Development Capability Model. It prints
// the three embedded models, what of the 2004 model moved where in 2020
// (the composed crosswalk 2004 to 2013 to 2020), what has no place in
// 2020, how each person's ratings carried across, and then one person's
// migrated profile in full, with where each rating came from, scored
// against a 2020 role of this example's own (the 2020 model has no
// roles, so an organisation that works to it writes its own).
//
// Run it from the repository's root folder:
//
//	go run ./examples/lineage
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/diff"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// people is the folder of the sample profiles, from the repository's root.
const people = "examples/data"

// shown is the person whose migrated profile the example prints in full.
const shown = "priya"

func main() {
	log.SetFlags(0)
	log.SetPrefix("lineage: ")

	fmt.Println("The embedded models:")
	for _, id := range wlp.Embedded() {
		f, err := wlp.LoadEmbedded(id)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("  %-10s %-58s %2d competencies in %s, %2d areas, %d roles\n",
			f.ID(), f.Name(), len(f.Competencies()), strings.TrimSpace(plural(len(f.Clusters()), "cluster")), len(f.Areas()), len(f.Roles()))
	}

	from, to := wlp.Default(), must(wlp.LoadEmbedded(wlp.ATD2020ID))
	c, ok := crosswalk.Between(from.ID(), to.ID())
	if !ok {
		log.Fatalf("no embedded crosswalk from %s to %s", from.ID(), to.ID())
	}
	movedWhere(c, from, to)
	lostWhat(c, from, to)

	m, err := crosswalk.NewMigrator(c, from, to, nil) // the default rule: the strongest links decide
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nThe sample people, carried from %s to %s (rule %s):\n", from.ID(), to.ID(), crosswalk.DefaultRule)
	var keep profile.Profile
	var keepReport *crosswalk.Report
	for _, p := range samples(from) {
		q, rep, err := m.Migrate(p)
		if err != nil {
			log.Fatal(err)
		}
		items, weak := map[competency.ID]bool{}, map[competency.ID]bool{}
		for _, r := range rep.Carried {
			items[r.ID] = true
			weak[r.ID] = weak[r.ID] || r.Weak
		}
		nweak := 0
		for _, w := range weak {
			if w {
				nweak++
			}
		}
		fmt.Printf("  %-6s %2d items carried (%2d exact, %2d on a weaker link) in %2d ratings, %s lost, %2d items to assess afresh\n",
			first(p.Name), len(items), len(items)-nweak, nweak, len(rep.Carried), plural(len(rep.Lost), "rating"), len(rep.Unreached))
		if p.ID == shown {
			keep, keepReport = q, rep
		}
	}
	if keepReport == nil {
		log.Fatalf("no sample person %q in %s", shown, people)
	}
	detail(keep, keepReport, from, to)
}

// movedWhere prints where each 2004 item went: its links, strongest
// first, and the 2020 items nothing leads to.
func movedWhere(c *crosswalk.Crosswalk, from, to *wlp.Framework) {
	fmt.Printf("\nWhat moved where (crosswalk %s, %d links):\n", c.ID, len(c.Links))
	out := map[competency.ID][]crosswalk.Link{}
	for _, l := range c.Links {
		out[l.From] = append(out[l.From], l)
	}
	for _, id := range from.IDs() {
		ls := slices.Clone(out[id])
		slices.SortStableFunc(ls, func(a, b crosswalk.Link) int { return b.Relation.Strength() - a.Relation.Strength() })
		var parts []string
		for _, l := range ls {
			if l.Carry == crosswalk.CarryNone {
				continue // informs, carries nothing: the report's hints
			}
			parts = append(parts, fmt.Sprintf("%s (%s%s)", name(to, l.To), l.Relation, capNote(l)))
		}
		if len(parts) > 3 {
			parts = append(parts[:3], fmt.Sprintf("%d more", len(parts)-3))
		}
		if len(parts) == 0 {
			parts = []string{"nothing carries (its links only inform: the report's hints)"}
		}
		fmt.Printf("  %-40s -> %s\n", name(from, id), strings.Join(parts, ", "))
	}
	fmt.Println("\nNew in 2020, with nothing in 2004 to carry from:")
	for _, n := range c.New {
		fmt.Printf("  %s\n", name(to, n.ID))
	}
	carried := map[competency.ID]bool{}
	for _, l := range c.Links {
		carried[l.To] = carried[l.To] || l.Carry != crosswalk.CarryNone
	}
	fmt.Println("Reached only by links that carry nothing (to assess afresh, with those links as hints):")
	for _, id := range to.IDs() {
		reached := slices.ContainsFunc(c.Links, func(l crosswalk.Link) bool { return l.To == id })
		if reached && !carried[id] {
			fmt.Printf("  %s\n", name(to, id))
		}
	}
}

// capNote says when a link caps the level it carries.
func capNote(l crosswalk.Link) string {
	if l.Carry == crosswalk.CarryCapped {
		return fmt.Sprintf(", at most %d", l.Cap)
	}
	return ""
}

// lostWhat prints what of the 2004 model has no place in 2020: the
// items the crosswalk leaves unmapped, and the roles and jobs the diff
// finds removed.
func lostWhat(c *crosswalk.Crosswalk, from, to *wlp.Framework) {
	fmt.Println("\nWhat has no place in 2020:")
	carries := map[competency.ID]bool{}
	for _, l := range c.Links {
		carries[l.From] = carries[l.From] || l.Carry != crosswalk.CarryNone
	}
	for _, n := range c.Unmapped {
		fmt.Printf("  %s: %s\n", name(from, n.ID), n.Why)
	}
	for _, id := range from.IDs() {
		if !carries[id] && !slices.ContainsFunc(c.Unmapped, func(n crosswalk.Note) bool { return n.ID == id }) {
			fmt.Printf("  %s: no link carries a level, so its ratings are reported lost\n", name(from, id))
		}
	}
	ch := diff.Frameworks(from, to, &diff.Options{Crosswalk: c})
	for _, x := range ch.List {
		if x.Op == diff.Removed && (x.Kind == diff.KindRole || x.Kind == diff.KindJob) {
			fmt.Printf("  the %s %s: the 2020 model has no roles or jobs\n", x.Kind, x.ID)
		}
	}
	fmt.Printf("  (wlp diff %s %s lists all %d changes)\n", from.ID(), to.ID(), len(ch.List))
}

// detail prints one person's migrated profile with the provenance of
// each rating, and scores it against a 2020 role of the example's own.
func detail(p profile.Profile, rep *crosswalk.Report, from, to *wlp.Framework) {
	fmt.Printf("\n%s in the 2020 model:\n", p.Name)
	for _, r := range rep.Carried {
		if r.Review != nil {
			continue // the profile's own ratings only; reviews carry the same way
		}
		var src []string
		for _, s := range r.Sources {
			src = append(src, fmt.Sprintf("%s %d", name(from, s.ID), s.Level))
		}
		mark := ""
		if r.Weak {
			mark = " *"
		}
		fmt.Printf("  %-40s %d%-2s from %s\n", name(to, r.ID), r.Level, mark, strings.Join(src, ", "))
	}
	fmt.Println("  (* carried over a link weaker than an exact match: confirm it by an assessment)")

	// The 2020 model has no roles: this example writes one of its own.
	s := must(wlp.EmbeddedSpec(wlp.ATD2020ID))
	s.ID, s.Name = "atd-2020-designers", s.Name+", with a designer role"
	s.Roles = []role.Role{{
		ID: "learning-experience-designer", Name: "Learning experience designer",
		Summary: "Designs learning that people use, and shows that it worked.",
		Requirements: []role.Requirement{
			{Of: []competency.ID{"instructional-design"}, Level: 4, Weight: 3, Why: "The core of the role."},
			{Of: []competency.ID{"learning-sciences"}, Level: 3, Weight: 2, Why: "Design rests on how people learn."},
			{Of: []competency.ID{"technology-application"}, Level: 3, Weight: 1, Why: "Most designs reach people through technology."},
			{Of: []competency.ID{"evaluating-impact"}, Level: 3, Weight: 1, Why: "A designer shows whether the design worked."},
		},
	}}
	f := must(wlp.New(s))
	res, err := match.New(f).Score(p, "learning-experience-designer")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\n%s against %s: fit %.0f%% (%s)\n", p.Name, res.Name, 100*res.Fit, res.Confidence.Word())
	for _, g := range res.Gaps {
		have := fmt.Sprintf("has %d", g.Have)
		if _, rated := p.Ratings[g.Of[0]]; !rated {
			have = "not rated (nothing carried to it: assess afresh)"
		}
		fmt.Printf("  gap: %-24s needs %d, %s\n", f.Label(g.Of, g.AtLeast), g.Need, have)
	}
}

// plural says n things: "1 rating", "2 ratings".
func plural(n int, thing string) string {
	if n == 1 {
		return fmt.Sprintf("%2d %s", n, thing)
	}
	return fmt.Sprintf("%2d %ss", n, thing)
}

// first returns the first word of a name.
func first(name string) string {
	f, _, _ := strings.Cut(name, " ")
	return f
}

// samples loads the sample people, in file name order.
func samples(f *wlp.Framework) []profile.Profile {
	names, err := filepath.Glob(filepath.Join(people, "*.json"))
	if err != nil {
		log.Fatal(err)
	}
	slices.Sort(names)
	var ps []profile.Profile
	for _, n := range names {
		fh, err := os.Open(n)
		if err != nil {
			log.Fatal(err)
		}
		p, err := profile.Load(fh)
		fh.Close()
		if err != nil {
			log.Fatal(err)
		}
		if err := f.ValidateProfile(p); err != nil {
			log.Fatal(err)
		}
		ps = append(ps, p)
	}
	return ps
}

// name returns the name of id in f.
func name(f *wlp.Framework, id competency.ID) string {
	if n, ok := f.NameOf(id); ok {
		return n
	}
	return string(id)
}

func must[T any](v T, err error) T {
	if err != nil {
		log.Fatal(err)
	}
	return v
}
