package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
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
var summaryLine = regexp.MustCompile(`^([a-z]+): (\d+) carried \((\d+) exact, (\d+) weaker\), (\d+) lost, (\d+) to assess afresh$`)

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
	var sums [5]int
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
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
		n := make([]int, 5)
		for j := range n {
			n[j], _ = strconv.Atoi(m[j+2])
			sums[j] += n[j]
		}
		if n[0] != n[1]+n[2] || n[4] != len(rep.Unreached) {
			t.Errorf("%q: carried is not exact plus weaker, or unreached is not %d", lines[i], len(rep.Unreached))
		}
		if n[0]+n[4] != len(to.IDs()) {
			t.Errorf("%q: carried and to assess afresh do not add up to the %d items of atd-2020", lines[i], len(to.IDs()))
		}
	}
	wantTotal := "5 people, astd-2004 to atd-2020: " + strconv.Itoa(sums[0]) + " carried (" + strconv.Itoa(sums[1]) + " exact, " +
		strconv.Itoa(sums[2]) + " weaker), " + strconv.Itoa(sums[3]) + " lost, " + strconv.Itoa(sums[4]) + " to assess afresh"
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
	if !strings.Contains(r.stderr, "dana: 2 carried (1 exact, 1 weaker), ") {
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
		got.Total.Carried != got.People[0].Carried+got.People[1].Carried {
		t.Errorf("summary %+v", got)
	}
	if len(jsonLines(t, r.stdout)) != 2 {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}
