package wlp_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
)

// lineageMD is where the facts of the later models are kept, beside the
// repository; CI does not have it, and then only the committed list of
// names (lineageNames) is checked.
const lineageMD = "../shared/LINEAGE.md"

// lineageNames is the committed list of the later models' names.
const lineageNames = "testdata/lineage-names.txt"

// nameLine is one name of a later model: the model's ID, the kind of
// item ("competency" or "area" in atd-2013, "domain" or "capability" in
// atd-2020), its name, and for a capability the name of its domain.
type nameLine struct {
	Model, Kind, Name, Domain string
}

// readNames parses the committed list: model, kind and name separated by
// tabs, a capability belonging to the domain listed last above it.
func readNames(t *testing.T) []nameLine {
	t.Helper()
	b, err := os.ReadFile(lineageNames)
	if err != nil {
		t.Fatal(err)
	}
	var out []nameLine
	domain := ""
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("%s:%d: %d fields, want 3 (model, kind, name): %q", lineageNames, n, len(f), line)
		}
		l := nameLine{Model: f[0], Kind: f[1], Name: f[2]}
		switch l.Kind {
		case "domain":
			domain = l.Name
		case "capability":
			if domain == "" {
				t.Fatalf("%s:%d: a capability before any domain", lineageNames, n)
			}
			l.Domain = domain
		case "competency", "area":
		default:
			t.Fatalf("%s:%d: unknown kind %q", lineageNames, n, l.Kind)
		}
		out = append(out, l)
	}
	return out
}

// namesOf lists the names of an embedded later model as nameLines: for
// atd-2013 its competencies then its areas; for atd-2020 each cluster (a
// domain) followed by its competencies (its capabilities).
func namesOf(t *testing.T, id string) []nameLine {
	t.Helper()
	f, err := wlp.LoadEmbedded(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []nameLine
	switch id {
	case wlp.ATD2013ID:
		for _, c := range f.Competencies() {
			out = append(out, nameLine{id, "competency", c.Name, ""})
		}
		for _, a := range f.Areas() {
			out = append(out, nameLine{id, "area", a.Name, ""})
		}
	case wlp.ATD2020ID:
		for _, cl := range f.Clusters() {
			out = append(out, nameLine{id, "domain", cl.Name, ""})
			for _, c := range f.Competencies() {
				if c.Cluster == cl.ID {
					out = append(out, nameLine{id, "capability", c.Name, cl.Name})
				}
			}
		}
		for _, a := range f.Areas() {
			out = append(out, nameLine{id, "area", a.Name, ""})
		}
	default:
		t.Fatalf("namesOf(%q): not a later model", id)
	}
	return out
}

// TestLineageNames checks the names of both later models, in order and
// with each capability in its domain, against the committed list.
func TestLineageNames(t *testing.T) {
	want := readNames(t)
	got := append(namesOf(t, wlp.ATD2013ID), namesOf(t, wlp.ATD2020ID)...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names of atd-2013 and atd-2020 against %s (-want +got):\n%s", lineageNames, diff)
	}
	// The 2020 model lists its capabilities domain by domain, so the
	// competencies' model order is the order of the list.
	f, _ := wlp.LoadEmbedded(wlp.ATD2020ID)
	var order, listed []string
	for _, c := range f.Competencies() {
		order = append(order, c.Name)
	}
	for _, l := range want {
		if l.Kind == "capability" {
			listed = append(listed, l.Name)
		}
	}
	if diff := cmp.Diff(listed, order); diff != "" {
		t.Errorf("atd-2020 competencies in model order (-want +got):\n%s", diff)
	}
}

// TestLineageNamesCounts checks the counts of the committed list: 6
// foundational competencies and 10 areas in 2013; 3 domains of 7, 8 and
// 8 capabilities, 23 in all, in 2020.
func TestLineageNamesCounts(t *testing.T) {
	type count struct {
		Model, Kind, Domain string
		N                   int
	}
	var got []count
	for _, l := range readNames(t) {
		if n := len(got); n > 0 && got[n-1].Model == l.Model && got[n-1].Kind == l.Kind && got[n-1].Domain == l.Domain {
			got[n-1].N++
			continue
		}
		if l.Kind == "domain" {
			continue // counted as the domain of its capabilities
		}
		got = append(got, count{l.Model, l.Kind, l.Domain, 1})
	}
	want := []count{
		{"atd-2013", "competency", "", 6},
		{"atd-2013", "area", "", 10},
		{"atd-2020", "capability", "Building Personal Capability", 7},
		{"atd-2020", "capability", "Developing Professional Capability", 8},
		{"atd-2020", "capability", "Impacting Organizational Capability", 8},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("counts of %s (-want +got):\n%s", lineageNames, diff)
	}
}

// TestLineageCounts checks the shape of each embedded framework: how
// many clusters, competencies, areas, roles and jobs it has, and how many
// competencies each cluster holds.
func TestLineageCounts(t *testing.T) {
	type shape struct {
		Clusters                         []string
		PerCluster                       []int
		Competencies, Areas, Roles, Jobs int
	}
	tests := []struct {
		id   string
		want shape
	}{
		{wlp.DefaultID, shape{[]string{"interpersonal", "business-management", "personal"}, []int{5, 5, 2}, 12, 9, 4, 1}},
		{wlp.ATD2013ID, shape{[]string{"foundational"}, []int{6}, 6, 10, 0, 0}},
		{wlp.ATD2020ID, shape{[]string{"building-personal-capability", "developing-professional-capability", "impacting-organizational-capability"}, []int{7, 8, 8}, 23, 0, 0, 0}},
	}
	for _, tt := range tests {
		f, err := wlp.LoadEmbedded(tt.id)
		if err != nil {
			t.Fatal(err)
		}
		got := shape{Competencies: len(f.Competencies()), Areas: len(f.Areas()), Roles: len(f.Roles()), Jobs: len(f.Jobs())}
		for _, cl := range f.Clusters() {
			got.Clusters = append(got.Clusters, string(cl.ID))
			n := 0
			for _, c := range f.Competencies() {
				if c.Cluster == cl.ID {
					n++
				}
			}
			got.PerCluster = append(got.PerCluster, n)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.id, diff)
		}
	}
}

// TestLineageMDAgrees checks the committed list against LINEAGE.md when
// that file is at hand (beside the repository, not in CI); without it the
// other tests check the frameworks against the committed list alone.
func TestLineageMDAgrees(t *testing.T) {
	b, err := os.ReadFile(lineageMD)
	if errors.Is(err, fs.ErrNotExist) {
		t.Logf("%s is not at hand: the frameworks are checked against %s only", lineageMD, lineageNames)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseLineageMD(string(b))
	if err != nil {
		t.Fatalf("%s: %v", lineageMD, err)
	}
	if diff := cmp.Diff(readNames(t), got); diff != "" {
		t.Errorf("%s against %s (-want +got):\n%s", lineageNames, lineageMD, diff)
	}
}

// namedList matches a paragraph of LINEAGE.md that lists names: "Label
// (N): Name; Name; Name."
var namedList = regexp.MustCompile(`^(.+?) \((\d+)\): (.+)\.$`)

// parseLineageMD reads the names of the later models out of LINEAGE.md:
// the 2013 foundational competencies from their paragraph, the areas from
// the first column of the table under "| 2013 AOE |", and the 2020
// capabilities from the paragraph of each domain. It checks each count
// the text states against the names it lists.
func parseLineageMD(text string) ([]nameLine, error) {
	var comps, areas, caps []nameLine
	areasStated := -1
	// Paragraphs, their lines joined with spaces.
	var paras []string
	for p := range strings.SplitSeq(text, "\n\n") {
		paras = append(paras, strings.Join(strings.Fields(p), " "))
	}
	for _, p := range paras {
		if m := regexp.MustCompile(`^Areas of expertise \((\d+)\)`).FindStringSubmatch(p); m != nil {
			areasStated, _ = strconv.Atoi(m[1])
		}
		m := namedList.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		names := strings.Split(m[3], "; ")
		if n, _ := strconv.Atoi(m[2]); n != len(names) {
			return nil, fmt.Errorf("%q says %d names and lists %d", m[1], n, len(names))
		}
		switch {
		case m[1] == "Foundational competencies":
			for _, n := range names {
				comps = append(comps, nameLine{wlp.ATD2013ID, "competency", n, ""})
			}
		case strings.HasSuffix(m[1], " Capability"):
			caps = append(caps, nameLine{wlp.ATD2020ID, "domain", m[1], ""})
			for _, n := range names {
				caps = append(caps, nameLine{wlp.ATD2020ID, "capability", n, m[1]})
			}
		}
	}
	inTable := false
	for line := range strings.SplitSeq(text, "\n") {
		switch {
		case strings.HasPrefix(line, "| 2013 AOE |"):
			inTable = true
		case !inTable:
		case !strings.HasPrefix(line, "|"):
			inTable = false
		case strings.HasPrefix(line, "| ---"):
		default:
			cells := strings.Split(line, "|")
			areas = append(areas, nameLine{wlp.ATD2013ID, "area", strings.TrimSpace(cells[1]), ""})
		}
	}
	if areasStated != len(areas) {
		return nil, fmt.Errorf("says %d areas of expertise and its table lists %d", areasStated, len(areas))
	}
	return slices.Concat(comps, areas, caps), nil
}

// TestParseLineageMD checks the reader of LINEAGE.md on a small text in
// its form, so that TestLineageMDAgrees cannot pass by reading nothing.
func TestParseLineageMD(t *testing.T) {
	text := "# Title\n\nFoundational competencies (2): Alpha; Beta\nGamma.\n\nAreas of expertise (2), with:\n\n" +
		"| 2013 AOE | formerly (2004) |\n| --- | --- |\n| One | Uno |\n| Two & Three | (new) |\n\n" +
		"Building Personal Capability (1): Delta & Epsilon.\n\nOther Capability (2): Zeta; Eta.\n"
	got, err := parseLineageMD(text)
	if err != nil {
		t.Fatal(err)
	}
	want := []nameLine{
		{"atd-2013", "competency", "Alpha", ""},
		{"atd-2013", "competency", "Beta Gamma", ""},
		{"atd-2013", "area", "One", ""},
		{"atd-2013", "area", "Two & Three", ""},
		{"atd-2020", "domain", "Building Personal Capability", ""},
		{"atd-2020", "capability", "Delta & Epsilon", "Building Personal Capability"},
		{"atd-2020", "domain", "Other Capability", ""},
		{"atd-2020", "capability", "Zeta", "Other Capability"},
		{"atd-2020", "capability", "Eta", "Other Capability"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseLineageMD (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		"Foundational competencies (3): Alpha; Beta.\n\nAreas of expertise (0)\n",
		"Foundational competencies (1): Alpha.\n\nAreas of expertise (2)\n\n| 2013 AOE | x |\n| --- | --- |\n| One | x |\n",
	} {
		if _, err := parseLineageMD(bad); err == nil {
			t.Errorf("parseLineageMD(%q): no error, want a count mismatch", bad)
		}
	}
}

// slug returns the kebab-case ID a name gives: lower case, "&" read as
// "and", words joined by hyphens.
func slug(name string) string {
	name = strings.ReplaceAll(strings.ToLower(name), "&", "and")
	return strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}), "-")
}

// TestLineageIDsAndSummaries checks that every item of the later models
// has a valid kebab-case ID made from its name and a summary of its own,
// a sentence ending with a full stop; no two summaries in either model
// are the same.
func TestLineageIDsAndSummaries(t *testing.T) {
	seen := map[string]string{}
	var problems []string
	check := func(where, id, name, summary string) {
		if !competency.ValidID(id) || id != slug(name) {
			problems = append(problems, fmt.Sprintf("%s: ID %q, want %q from the name %q", where, id, slug(name), name))
		}
		if summary == "" || !strings.HasSuffix(summary, ".") {
			problems = append(problems, fmt.Sprintf("%s: summary %q does not end with a full stop", where, summary))
		}
		if other, ok := seen[summary]; ok {
			problems = append(problems, fmt.Sprintf("%s: same summary as %s", where, other))
		}
		seen[summary] = where
	}
	for _, id := range []string{wlp.ATD2013ID, wlp.ATD2020ID} {
		f, err := wlp.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, cl := range f.Clusters() {
			where := id + " cluster " + string(cl.ID)
			if id == wlp.ATD2013ID {
				check(where, string(cl.ID), "Foundational", cl.Summary) // its name is "Foundational competencies"
			} else {
				check(where, string(cl.ID), cl.Name, cl.Summary)
			}
		}
		for _, c := range f.Competencies() {
			check(id+" competency "+string(c.ID), string(c.ID), c.Name, c.Summary)
			if len(c.Behaviors) != 0 {
				problems = append(problems, fmt.Sprintf("%s %s: behaviours %q, want none", id, c.ID, c.Behaviors))
			}
		}
		for _, a := range f.Areas() {
			check(id+" area "+string(a.ID), string(a.ID), a.Name, a.Summary)
			if len(a.Behaviors) != 0 || a.Technologies != "" {
				problems = append(problems, fmt.Sprintf("%s %s: behaviours or technologies, want none", id, a.ID))
			}
		}
	}
	if diff := cmp.Diff([]string(nil), problems); diff != "" {
		t.Errorf("IDs and summaries (-want +got):\n%s", diff)
	}
}

// TestLineageMetadata checks each later model's ID, name and version,
// and that its description cites its sources and says the summaries are
// this project's.
func TestLineageMetadata(t *testing.T) {
	tests := []struct {
		id, name, version string
		cites             []string
	}{
		{wlp.ATD2013ID, "ATD Competency Model", "2013", []string{
			"https://www.td.org/certification/atd-competency-model",
			"http://atdlasvegas.org/competencymodel",
			"no roles",
			"this project's own",
		}},
		{wlp.ATD2020ID, "ATD Talent Development Capability Model", "2020", []string{
			"https://www.td.org/insights/the-talent-development-capability-model-is-here",
			"https://www.td.org/content/press-release/atd-releases-talent-development-capability-model",
			"no roles",
			"clusters are the three domains",
			"this project's own",
		}},
	}
	for _, tt := range tests {
		s, err := wlp.EmbeddedSpec(tt.id)
		if err != nil {
			t.Fatal(err)
		}
		got := []string{s.ID, s.Name, s.Version}
		if diff := cmp.Diff([]string{tt.id, tt.name, tt.version}, got); diff != "" {
			t.Errorf("%s: ID, Name, Version (-want +got):\n%s", tt.id, diff)
		}
		for _, c := range tt.cites {
			if !strings.Contains(s.Description, c) {
				t.Errorf("%s: description lacks %q:\n%s", tt.id, c, s.Description)
			}
		}
	}
}

// TestEmbeddedRoundTrip checks that every embedded framework passes New,
// that it is the framework of its EmbeddedSpec, and that its JSON reads
// back into an equal framework.
func TestEmbeddedRoundTrip(t *testing.T) {
	for _, id := range wlp.Embedded() {
		s, err := wlp.EmbeddedSpec(id)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := wlp.New(s); err != nil {
			t.Errorf("New(EmbeddedSpec(%q)): %v", id, err)
		}
		f, err := wlp.LoadEmbedded(id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(s, f.Spec()); diff != "" {
			t.Errorf("%s: EmbeddedSpec against LoadEmbedded's Spec (-want +got):\n%s", id, diff)
		}
		b, err := f.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		g, err := wlp.Load(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: Load(MarshalJSON()): %v", id, err)
		}
		if diff := cmp.Diff(f.Spec(), g.Spec()); diff != "" {
			t.Errorf("%s: after a round trip through JSON (-want +got):\n%s", id, diff)
		}
		if b2, _ := g.MarshalJSON(); !bytes.Equal(b, b2) {
			t.Errorf("%s: encoding again gives other bytes", id)
		}
	}
}

// TestEmbeddedIdentity checks that LoadEmbedded returns one framework per
// ID, from any number of goroutines at once, that the default's is
// Default's, that Embedded returns a fresh list, and that EmbeddedSpec
// returns copies.
func TestEmbeddedIdentity(t *testing.T) {
	ids := wlp.Embedded()
	if diff := cmp.Diff([]string{"astd-2004", "atd-2013", "atd-2020"}, ids); diff != "" {
		t.Fatalf("Embedded (-want +got):\n%s", diff)
	}
	ids[0] = "changed"
	if got := wlp.Embedded()[0]; got != wlp.DefaultID {
		t.Errorf("after changing its result, Embedded()[0] = %q", got)
	}
	first := map[string]*wlp.Framework{}
	for _, id := range wlp.Embedded() {
		f, err := wlp.LoadEmbedded(id)
		if err != nil || f == nil {
			t.Fatalf("LoadEmbedded(%q) = %v, %v", id, f, err)
		}
		first[id] = f
	}
	if first[wlp.DefaultID] != wlp.Default() {
		t.Errorf("LoadEmbedded(%q) is not Default()", wlp.DefaultID)
	}
	if first[wlp.ATD2013ID] == first[wlp.ATD2020ID] {
		t.Errorf("atd-2013 and atd-2020 are the same framework")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, id := range wlp.Embedded() {
				if f, _ := wlp.LoadEmbedded(id); f != first[id] {
					t.Errorf("LoadEmbedded(%q) = %p, first %p", id, f, first[id])
				}
			}
		})
	}
	wg.Wait()

	for _, id := range wlp.Embedded() {
		s, _ := wlp.EmbeddedSpec(id)
		want := first[id].Spec()
		s.Name = "changed"
		s.Clusters[0].Name = "changed"
		s.Competencies[0].Name = "changed"
		s.Competencies[0].Behaviors = append(s.Competencies[0].Behaviors, "changed")
		again, _ := wlp.EmbeddedSpec(id)
		if diff := cmp.Diff(want, again); diff != "" {
			t.Errorf("%s: EmbeddedSpec after changing an earlier copy (-want +got):\n%s", id, diff)
		}
		if diff := cmp.Diff(want, first[id].Spec()); diff != "" {
			t.Errorf("%s: the framework after changing a copy of its spec (-want +got):\n%s", id, diff)
		}
	}
}

// TestEmbeddedUnknown checks the error for an ID that names no embedded
// framework: the list, the likely meaning, and a long ID shortened.
func TestEmbeddedUnknown(t *testing.T) {
	const list = " (the embedded ones are astd-2004, atd-2013, atd-2020)"
	tests := []struct{ id, want string }{
		{"atd2020", `wlp: no embedded framework "atd2020"; did you mean atd-2020?` + list},
		{"ATD-2013", `wlp: no embedded framework "ATD-2013"; did you mean atd-2013?` + list},
		{"astd-2004 ", `wlp: no embedded framework "astd-2004 "; did you mean astd-2004?` + list},
		{"default", `wlp: no embedded framework "default"` + list},
		{"", `wlp: no embedded framework ""` + list},
		{strings.Repeat("x", 10000), `wlp: no embedded framework "` + strings.Repeat("x", 64) + `"... (10000 bytes)` + list},
	}
	for _, tt := range tests {
		f, err := wlp.LoadEmbedded(tt.id)
		if f != nil || err == nil {
			t.Errorf("LoadEmbedded(%.20q) = %v, %v; want an error", tt.id, f, err)
			continue
		}
		if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
			t.Errorf("LoadEmbedded(%.20q) (-want +got):\n%s", tt.id, diff)
		}
		s, err := wlp.EmbeddedSpec(tt.id)
		if err == nil || err.Error() != tt.want {
			t.Errorf("EmbeddedSpec(%.20q) = %v; want the error %q", tt.id, err, tt.want)
		}
		if diff := cmp.Diff(wlp.Spec{}, s); diff != "" {
			t.Errorf("EmbeddedSpec(%.20q) spec (-want +got):\n%s", tt.id, diff)
		}
	}
}

// FuzzLoadEmbedded checks that any ID loads the embedded framework it
// names, or gives a short error starting "wlp: " (the ID shortened)
// and never panics.
func FuzzLoadEmbedded(f *testing.F) {
	for _, id := range append(wlp.Embedded(), "", "atd2020", "ATD-2020", "\xff", strings.Repeat("atd-", 100)) {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		fw, err := wlp.LoadEmbedded(id)
		if slices.Contains(wlp.Embedded(), id) {
			if err != nil || fw.ID() != id {
				t.Fatalf("LoadEmbedded(%q) = %v, %v", id, fw, err)
			}
			return
		}
		if err == nil || fw != nil {
			t.Fatalf("LoadEmbedded(%q) = %v, nil; want an error", id, fw)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "wlp: ") || len(msg) > 400 { // a quoted ID: at most 64 bytes, 4 characters each
			t.Fatalf("LoadEmbedded(%q): error %q", id, msg)
		}
	})
}
