package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

// samplePeople are the sample profiles of the 2004 model, in the order
// a folder of them is read.
var samplePeople = []string{alex, dana, lee, priya, sam}

// loadSample loads a sample profile as it is.
func loadSample(t *testing.T, name string) profile.Profile {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// jsonLines decodes every line of s as a profile.
func jsonLines(t *testing.T, s string) []profile.Profile {
	t.Helper()
	var out []profile.Profile
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		p, err := profile.Load(strings.NewReader(sc.Text()))
		if err != nil {
			t.Fatalf("line %d: %v", len(out)+1, err)
		}
		out = append(out, p)
	}
	return out
}

// summaryLine matches a person's line of the summary.
var summaryLine = regexp.MustCompile(`^([a-z]+): (\d+) items? carried \((\d+) exact, (\d+) weaker\) in (\d+) ratings?, (\d+) ratings? lost, (\d+) items? to assess afresh$`)

// summaryLines returns the lines of a text summary, each line's
// continuations joined to it, without the lines that name a person's lost
// items and dropped reviews.
func summaryLines(s string) []string {
	var lines []string
	skip := false
	for l := range strings.SplitSeq(strings.TrimSuffix(s, "\n"), "\n") {
		switch {
		case strings.HasPrefix(l, "  lost: ") || regexp.MustCompile(`^  \d+ reviews? dropped: `).MatchString(l):
			skip = true
		case strings.HasPrefix(l, "  "):
			if !skip {
				lines[len(lines)-1] += " " + strings.TrimSpace(l)
			}
		default:
			skip = false
			lines = append(lines, l)
		}
	}
	return lines
}

// TestMigrateCommand migrates the sample people from 2004 to 2020 and
// checks the profiles, which load as 2020 profiles and equal what the
// library gives, and the summary.
func TestMigrateCommand(t *testing.T) {
	r := runWLP("", "migrate", "-crosswalk", "astd-2004-to-atd-2020", data)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	to, err := wlp.LoadEmbedded(wlp.ATD2020ID)
	if err != nil {
		t.Fatal(err)
	}
	c, err := crosswalk.LoadEmbedded("astd-2004-to-atd-2020")
	if err != nil {
		t.Fatal(err)
	}
	got := jsonLines(t, r.stdout)
	if len(got) != len(samplePeople) {
		t.Fatalf("%d profiles, want %d:\n%s", len(got), len(samplePeople), r.stdout)
	}
	var sums [6]int
	lines := summaryLines(r.stderr)
	if len(lines) != len(samplePeople)+1 {
		t.Fatalf("the summary has %d lines, want one per person and the totals:\n%s", len(lines), r.stderr)
	}
	for i, name := range samplePeople {
		if err := to.ValidateProfile(got[i]); err != nil {
			t.Errorf("%s: not a valid 2020 profile: %v", name, err)
		}
		want, rep, err := crosswalk.Migrate(loadSample(t, name), c, wlp.Default(), to, nil)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(want, got[i]); diff != "" {
			t.Errorf("%s: the command's profile differs from the library's (-library +command):\n%s", name, diff)
		}
		m := summaryLine.FindStringSubmatch(lines[i])
		if m == nil || m[1] != want.ID {
			t.Fatalf("summary line %q, want one of %s", lines[i], want.ID)
		}
		n := make([]int, 6) // items, exact, weaker, ratings, lost, afresh
		for j := range n {
			n[j], _ = strconv.Atoi(m[j+2])
			sums[j] += n[j]
		}
		if n[0] != n[1]+n[2] || n[5] != len(rep.Unreached) || n[3] != len(rep.Carried) || n[4] != len(rep.Lost) ||
			len(rep.Dropped) != 0 {
			t.Errorf("%q: items carried are not exact plus weaker, or a count is not the report's (%d ratings, %d lost, %d unreached, %d dropped)",
				lines[i], len(rep.Carried), len(rep.Lost), len(rep.Unreached), len(rep.Dropped))
		}
		if n[0]+n[5] != len(to.IDs()) {
			t.Errorf("%q: carried and to assess afresh do not add up to the %d items of atd-2020", lines[i], len(to.IDs()))
		}
	}
	wantTotal := fmt.Sprintf("5 people, astd-2004 to atd-2020: %s carried (%d exact, %d weaker) in %s, %s lost, %s to assess afresh",
		plural(sums[0], "item"), sums[1], sums[2], plural(sums[3], "rating"), plural(sums[4], "rating"), plural(sums[5], "item"))
	if lines[len(lines)-1] != wantTotal {
		t.Errorf("totals %q, want %q", lines[len(lines)-1], wantTotal)
	}
}

// TestMigrateDirAndReport checks -o DIR and -report FILE.
func TestMigrateDirAndReport(t *testing.T) {
	tmp := t.TempDir()
	dir, rep := filepath.Join(tmp, "out"), filepath.Join(tmp, "migration.jsonl")
	r := runWLP("", "migrate", "-crosswalk", "astd-2004-to-atd-2013", "-rule", "median", "-o", dir, "-report", rep, dana, alex)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if want := "wrote 2 profiles to " + dir + string(filepath.Separator) + "\n"; r.stdout != want {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
	to, _ := wlp.LoadEmbedded(wlp.ATD2013ID)
	for _, id := range []string{"dana", "alex"} {
		p := loadSample(t, filepath.Join(dir, id+".json"))
		if err := to.ValidateProfile(p); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
	b, err := os.ReadFile(rep)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d reports, want 2:\n%s", len(lines), b)
	}
	for i, id := range []string{"dana", "alex"} {
		validJSON(t, schema.Migration, lines[i])
		var got crosswalk.Report
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatal(err)
		}
		if got.Profile != id || got.Rule != crosswalk.RuleMedian || got.From != "astd-2004" || got.To != "atd-2013" {
			t.Errorf("report %d: %s %s %s->%s", i, got.Profile, got.Rule, got.From, got.To)
		}
	}
	// Without -rule, the default: strongest.
	rep2 := filepath.Join(tmp, "default.jsonl")
	r = runWLP("", "migrate", "-crosswalk", "astd-2004-to-atd-2013", "-report", rep2, dana)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if b, err = os.ReadFile(rep2); err != nil {
		t.Fatal(err)
	}
	var def crosswalk.Report
	if err := json.Unmarshal(b, &def); err != nil {
		t.Fatal(err)
	}
	if def.Rule != crosswalk.RuleStrongest {
		t.Errorf("the default rule is %q, want strongest", def.Rule)
	}
	// Again: the files exist, and only -force writes over them.
	r = runWLP("", "migrate", "-crosswalk", "astd-2004-to-atd-2013", "-o", dir, dana)
	if r.code != 1 || !strings.Contains(r.stderr, "already exists (dana.json); nothing was written: pass -force") {
		t.Errorf("without -force: exit %d\n%s", r.code, r.stderr)
	}
	r = runWLP("", "migrate", "-crosswalk", "astd-2004-to-atd-2013", "-o", dir, "-force", dana)
	if r.code != 0 {
		t.Errorf("with -force: exit %d\n%s", r.code, r.stderr)
	}
}

// TestMigrateCrosswalkFile checks a crosswalk read from a file, and the
// frameworks it names that are not embedded.
func TestMigrateCrosswalkFile(t *testing.T) {
	tmp := t.TempDir()
	mine := wlp.Spec{ID: "mine", Name: "Mine", Competencies: wlp.DefaultSpec().Competencies[:2]}
	fw, err := json.Marshal(mine)
	if err != nil {
		t.Fatal(err)
	}
	fwFile := filepath.Join(tmp, "mine.json")
	writeTestFile(t, fwFile, string(fw))
	a, b := mine.Competencies[0].ID, mine.Competencies[1].ID
	c := crosswalk.Crosswalk{ID: "astd-2004-to-mine", From: "astd-2004", To: "mine", Links: []crosswalk.Link{
		{From: a, To: a, Relation: "exact", Carry: "level", Why: "the same item"},
		{From: b, To: b, Relation: "close", Carry: "capped", Cap: 2, Why: "nearly the same item"},
	}}
	cb, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	cwFile := filepath.Join(tmp, "cw.json")
	writeTestFile(t, cwFile, string(cb))

	r := runWLP("", "migrate", "-crosswalk", cwFile, dana)
	if r.code != 1 || !strings.Contains(r.stderr, `the crosswalk maps to the framework "mine", which is not embedded`) ||
		!strings.Contains(r.stderr, "-to FILE") {
		t.Errorf("without -to: exit %d\n%s", r.code, r.stderr)
	}
	r = runWLP("", "migrate", "-crosswalk", cwFile, "-to", fwFile, dana)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	got := jsonLines(t, r.stdout)
	d := loadSample(t, dana)
	want := map[string]int{string(a): int(d.Ratings[a].Level), string(b): int(min(d.Ratings[b].Level, 2))}
	gotLevels := map[string]int{}
	for id, rt := range got[0].Ratings {
		gotLevels[string(id)] = int(rt.Level)
	}
	if diff := gocmp.Diff(want, gotLevels); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	if !strings.Contains(r.stderr, "dana: 2 items carried (1 exact, 1 weaker) in 2 ratings, ") {
		t.Errorf("summary:\n%s", r.stderr)
	}
	// A crosswalk file that does not fit the frameworks.
	r = runWLP("", "migrate", "-crosswalk", cwFile, "-to", "atd-2013", dana)
	if r.code != 1 || !strings.Contains(r.stderr, "cw.json: /to: ") {
		t.Errorf("mismatched -to: exit %d\n%s", r.code, r.stderr)
	}
}

// TestMigrateMisuse checks the errors of the command line.
func TestMigrateMisuse(t *testing.T) {
	tests := []struct {
		name string
		argv []string
		code int
		want string
	}{
		{"no crosswalk", []string{"migrate", dana}, 2, "-crosswalk is required"},
		{"bad rule", []string{"migrate", "-crosswalk", "astd-2004-to-atd-2013", "-rule", "average", dana}, 2,
			`-rule "average": want strongest, median, mean, min or max`},
		{"force without -o", []string{"migrate", "-crosswalk", "astd-2004-to-atd-2013", "-force", dana}, 2, "-force goes with -o DIR"},
		{"unknown crosswalk", []string{"migrate", "-crosswalk", "astd-2004-to-atd-2021", dana}, 1,
			`did you mean "astd-2004-to-atd-2020"?`},
		{"missing file", []string{"migrate", "-crosswalk", "nothing/here.json", dana}, 1, "cannot read: no such file"},
		{"profile of another framework", []string{"migrate", "-crosswalk", "atd-2013-to-atd-2020", dana}, 1, "unknown competency or area"},
		{"no profile", []string{"migrate", "-crosswalk", "astd-2004-to-atd-2013"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWLP("", tt.argv...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
				t.Errorf("exit %d, want %d with %q\nstdout: %s\nstderr: %s", r.code, tt.code, tt.want, r.stdout, r.stderr)
			}
		})
	}
}

// TestMigrateJSONSummary checks -json.
func TestMigrateJSONSummary(t *testing.T) {
	r := runWLP("", "migrate", "-json", "-crosswalk", "astd-2004-to-atd-2020", dana, lee)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var got struct {
		Crosswalk, From, To string
		People              []migrationCounts
		Total               migrationCounts
	}
	if err := json.Unmarshal([]byte(r.stderr), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	if got.Crosswalk != "astd-2004-to-atd-2020" || len(got.People) != 2 || got.People[0].Profile != "dana" || got.Total.People != 2 ||
		got.Total.CarriedItems != got.People[0].CarriedItems+got.People[1].CarriedItems ||
		got.Total.CarriedRatings != got.People[0].CarriedRatings+got.People[1].CarriedRatings {
		t.Errorf("summary %+v", got)
	}
	if len(jsonLines(t, r.stdout)) != 2 {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

// mineCrosswalk writes, in a fresh folder, a framework "mine" of the
// first two competencies of the 2004 model and a crosswalk from the 2004
// model to it carrying a to a (exact) and a to b (close), and returns
// the two files.
func mineCrosswalk(t *testing.T) (fwFile, cwFile string) {
	t.Helper()
	tmp := t.TempDir()
	mine := wlp.Spec{ID: "mine", Name: "Mine", Competencies: wlp.DefaultSpec().Competencies[:2]}
	fw, err := json.Marshal(mine)
	if err != nil {
		t.Fatal(err)
	}
	fwFile = filepath.Join(tmp, "mine.json")
	writeTestFile(t, fwFile, string(fw))
	a, b := mine.Competencies[0].ID, mine.Competencies[1].ID
	c := crosswalk.Crosswalk{ID: "astd-2004-to-mine", From: "astd-2004", To: "mine", Links: []crosswalk.Link{
		{From: a, To: a, Relation: "exact", Carry: "level", Why: "the same item"},
		{From: a, To: b, Relation: "close", Carry: "level", Why: "nearly the same item"},
	}}
	cb, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	cwFile = filepath.Join(tmp, "cw.json")
	writeTestFile(t, cwFile, string(cb))
	return fwFile, cwFile
}

// TestMigrateDroppedReviews checks that both summaries name a dropped
// review and count lost ratings, not items.
func TestMigrateDroppedReviews(t *testing.T) {
	fwFile, cwFile := mineCrosswalk(t)
	ids := wlp.Default().IDs()
	a, c, d := ids[0], ids[2], ids[3]
	p := profile.Profile{ID: "ro", Ratings: map[competency.ID]profile.Rating{a: {Level: 3}},
		Reviews: []profile.Review{
			{Rater: "Kim", Source: profile.Peer, Levels: map[competency.ID]competency.Level{c: 2, d: 1}},
			{Rater: "Lo", Source: profile.Manager, Levels: map[competency.ID]competency.Level{a: 2, c: 4}},
		}}
	pb, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	pFile := filepath.Join(filepath.Dir(fwFile), "ro.json")
	writeTestFile(t, pFile, string(pb))
	from := wlp.Default()
	r := runWLP("", "migrate", "-crosswalk", cwFile, "-to", fwFile, pFile)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	name := func(id competency.ID) string { n, _ := from.NameOf(id); return n }
	want := "ro: 2 items carried (1 exact, 1 weaker) in 4 ratings, 3 ratings lost, 0 items to assess afresh\n" +
		"  lost: " + name(c) + " (no link, 2 ratings), " + name(d) + " (no link, 1 rating)\n" +
		"  1 review dropped: Kim (peer)\n" +
		"1 person, astd-2004 to mine: 2 items carried (1 exact, 1 weaker) in 4 ratings, 3 ratings lost, 0\n" +
		"  items to assess afresh, 1 review dropped\n"
	if r.stderr != want {
		t.Errorf("summary:\n%s\nwant:\n%s", r.stderr, want)
	}
	got := jsonLines(t, r.stdout)
	if len(got) != 1 || len(got[0].Reviews) != 1 || got[0].Reviews[0].Rater != "Lo" {
		t.Errorf("migrated: %+v", got)
	}

	r = runWLP("", "migrate", "-json", "-crosswalk", cwFile, "-to", fwFile, pFile)
	if r.code != 0 {
		t.Fatalf("-json: exit %d\n%s", r.code, r.stderr)
	}
	var sum struct {
		People []migrationCounts
		Total  migrationCounts
	}
	if err := json.Unmarshal([]byte(r.stderr), &sum); err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	wantPerson := migrationCounts{Profile: "ro", CarriedItems: 2, CarriedRatings: 4, ExactItems: 1, WeakerItems: 1, LostRatings: 3,
		LostItems:      []lostItem{{c, name(c), crosswalk.LostUnlinked, 2}, {d, name(d), crosswalk.LostUnlinked, 1}},
		DroppedReviews: 1, Dropped: []droppedReview{{Review: 0, Rater: "Kim", Source: profile.Peer}}}
	if len(sum.People) != 1 {
		t.Fatalf("-json: %s", r.stderr)
	}
	if diff := gocmp.Diff(wantPerson, sum.People[0]); diff != "" {
		t.Errorf("-json person (-want +got):\n%s", diff)
	}
	if sum.Total.LostRatings != 3 || sum.Total.DroppedReviews != 1 || sum.Total.CarriedRatings != 4 || sum.Total.People != 1 {
		t.Errorf("-json total %+v", sum.Total)
	}
}

// TestMigrateSizeWarning migrates a profile of one rating with 600 KB of
// evidence across two links: the migrated profile holds the evidence
// twice, more than wlp reads in one profile, and migrate warns, naming
// the person, both with JSON Lines and with -o.
func TestMigrateSizeWarning(t *testing.T) {
	fwFile, cwFile := mineCrosswalk(t)
	a := wlp.Default().IDs()[0]
	ev := make([]string, 6)
	for i := range ev {
		ev[i] = strings.Repeat(strconv.Itoa(i), 100_000)
	}
	pb, err := json.Marshal(profile.Profile{ID: "big", Ratings: map[competency.ID]profile.Rating{a: {Level: 3, Evidence: ev}}})
	if err != nil {
		t.Fatal(err)
	}
	pFile := filepath.Join(filepath.Dir(fwFile), "big.json")
	writeTestFile(t, pFile, string(pb))
	for _, extra := range [][]string{nil, {"-o", filepath.Join(t.TempDir(), "out")}} {
		r := runWLP("", args("migrate", "-crosswalk", cwFile, "-to", fwFile, extra, pFile)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", extra, r.code, r.stderr)
		}
		if !strings.HasPrefix(r.stderr, `wlp migrate: warning: "big" (from `+pFile+`): the migrated profile takes 12`) ||
			!strings.Contains(r.stderr, "more than the 1048576 that wlp reads in one profile") {
			t.Errorf("%v: no warning naming big:\n%.400s", extra, r.stderr)
		}
	}
	// Within the bound, no warning.
	if w := sizeWarning("p", "f.json", profile.DefaultMaxBytes); w != "" {
		t.Errorf("at the bound: %q", w)
	}
	if w := sizeWarning("p", "f.json", profile.DefaultMaxBytes+1); !strings.Contains(w, `"p" (from f.json)`) {
		t.Errorf("over the bound: %q", w)
	}
}

// TestMigrateRatedOnAnotherModel checks the hint for profiles rated on
// another embedded framework than the one the crosswalk maps from: it
// names that framework and the crosswalk to use, after the problems, and
// is not given when the profiles fit no embedded framework.
func TestMigrateRatedOnAnotherModel(t *testing.T) {
	r := runWLP("", "migrate", "-crosswalk", "atd-2013-to-atd-2020", "../../examples/data/dana.json")
	want := "wlp migrate: these profiles rate the items of astd-2004, not of atd-2013; did you mean -crosswalk astd-2004-to-atd-2020?\n"
	if r.code != 1 || r.stdout != "" || !strings.HasSuffix(r.stderr, want) || !strings.Contains(r.stderr, `unknown competency or area "thinking-strategically"`) {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 1, the problems, then %q", r.code, r.stdout, r.stderr, want)
	}
	bad := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(bad, []byte(`{"id":"x","ratings":{"juggling":{"level":2}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runWLP("", "migrate", "-crosswalk", "atd-2013-to-atd-2020", bad)
	if r.code != 1 || strings.Contains(r.stderr, "did you mean -crosswalk") || strings.Contains(r.stderr, "these profiles rate") {
		t.Errorf("a profile of no embedded framework: exit %d, stderr:\n%s\nwant exit 1 and no hint", r.code, r.stderr)
	}
}
