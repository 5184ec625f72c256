package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
)

// TestCSVCell checks how a cell is written: text that a spreadsheet would
// run as a formula gets a quote before it, numbers and other text do not.
func TestCSVCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Dana Okafor", "Dana Okafor"},
		{"53.6", "53.6"},
		{"-2", "-2"},
		{"-2.5", "-2.5"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"},
		{"-x", "'-x"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"＝1+1", "'＝1+1"},
		{"\tx", `\tx`}, // cleaned: a backslash first, no formula
		{"a=b", "a=b"},
		{"1.", "1."},
		{".5", ".5"},
	} {
		if got := csvCell(c.in); got != c.want {
			t.Errorf("csvCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		want bool
	}{{"0", true}, {"12.50", true}, {"-3", true}, {"", false}, {"-", false}, {"1.", false}, {"1e3", false}, {"+1", false}, {"١", false}} {
		if got := isNumber(c.in); got != c.want {
			t.Errorf("isNumber(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// readCSV parses a command's CSV output strictly: every record as wide as
// the header, every line ending in CRLF.
func readCSV(t *testing.T, argv []string, out string) [][]string {
	t.Helper()
	if !strings.HasSuffix(out, "\r\n") || strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Errorf("wlp %s: lines do not all end in CRLF", strings.Join(argv, " "))
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("wlp %s: not CSV: %v\n%s", strings.Join(argv, " "), err, out)
	}
	if len(recs) == 0 {
		t.Fatalf("wlp %s: no header", strings.Join(argv, " "))
	}
	return recs
}

// column returns the cells of the column named name, the header left out.
func column(t *testing.T, recs [][]string, name string) []string {
	t.Helper()
	i := slices.Index(recs[0], name)
	if i < 0 {
		t.Fatalf("no column %q in %q", name, recs[0])
	}
	var out []string
	for _, r := range recs[1:] {
		out = append(out, r[i])
	}
	return out
}

// TestCSVColumns checks each command's CSV header against the columns its
// help lists, and the number of rows against what the command scores.
func TestCSVColumns(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	leeP, samP := testfix.LoadProfile(t, lee), testfix.LoadProfile(t, sam)
	score, err := m.Score(leeP, clo)
	if err != nil {
		t.Fatal(err)
	}
	reqs := len(score.Outcomes)
	for _, pt := range score.Parts {
		reqs += len(pt.Result.Outcomes)
	}
	plan, err := m.Plan(samP, "business-partner")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := m.Team([]profile.Profile{testfix.LoadProfile(t, sam), testfix.LoadProfile(t, priya), testfix.LoadProfile(t, alex)}, clo)
	if err != nil {
		t.Fatal(err)
	}
	everything := len(f.Competencies()) + len(f.Areas()) + len(f.Roles()) + len(f.Jobs())
	for _, c := range []struct {
		argv   []string
		header string
		rows   int
	}{
		{args("export", "-csv"), "kind,id,name,cluster,cluster_name,roles,requirements", everything},
		{args("export", "-table", "-csv"), "kind,id,name,cluster,cluster_name,roles,requirements", everything},
		{args("validate", "-csv", dana, lee), "file,kind,valid,id,where,problem", 2},
		{args("score", "-csv", clo, lee), "profile,kind,part,id,name,need,have,met,score_pct,weight,gain_pts,order,grade,combined",
			1 + len(score.Parts) + reqs},
		{args("roles", "-csv", lee), "profile,rank,role,name,fit_pct,grade,gaps,develop_first,develop_ids,have,need,gain_pts,combined", len(f.Roles())},
		{args("rank", "-csv", clo, team), "target,rank,profile,name,fit_pct,grade,gaps,develop_first,develop_ids,have,need,gain_pts,combined", len(team)},
		{args("team", "-csv", clo, sam, priya, alex), "kind,part,id,name,fit_pct,grade,adds_pts,need,have,met,covered_by,gain_pts,order,close_by,develop,from,combined",
			1 + 3 + len(tr.Covers)},
		{args("assign", "-csv", clo, team, alex), "role,role_name,weight,profile,name,fit_pct,combined", 4 + 1},
		{args("plan", "-csv", "business-partner", sam), "profile,target,step,id,name,from,to,gain_pts,fit_pct,grade,combined", 1 + len(plan.Steps)},
	} {
		r := runWLP("", c.argv...)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("wlp %s: exit %d: %s", strings.Join(c.argv, " "), r.code, r.stderr)
			continue
		}
		recs := readCSV(t, c.argv, r.stdout)
		if diff := gocmp.Diff(c.header, strings.Join(recs[0], ",")); diff != "" {
			t.Errorf("wlp %s: header (-want +got):\n%s", strings.Join(c.argv, " "), diff)
		}
		if got := len(recs) - 1; got != c.rows {
			t.Errorf("wlp %s: %d rows, want %d", strings.Join(c.argv, " "), got, c.rows)
		}
		// The help names every column.
		var help strings.Builder
		commandHelp(&help, lookup(c.argv[0], &env{}))
		text := strings.Join(strings.Fields(help.String()), " ")
		for _, col := range recs[0] {
			if !strings.Contains(text, col) {
				t.Errorf("wlp help %s: the column %q is not described", c.argv[0], col)
			}
		}
	}
}

// TestCSVValues checks that the CSV says what the JSON says: the same
// people in the same order with the same fits, each gap once in its
// place, each step with its fit.
func TestCSVValues(t *testing.T) {
	pct := func(x float64) string { return fmt.Sprintf("%.1f", 100*x) }

	// rank: order, fits and the policy that merged the reviews.
	r := runWLP("", args("rank", "-json", clo, team, alex)...)
	var ranked []match.Ranked
	if err := json.Unmarshal([]byte(r.stdout), &ranked); err != nil {
		t.Fatal(err)
	}
	var ids, fits, combined []string
	for _, rk := range ranked {
		ids, fits, combined = append(ids, rk.Profile), append(fits, pct(rk.Result.Fit)), append(combined, string(rk.Result.Combined))
	}
	argv := args("rank", "-csv", clo, team, alex)
	recs := readCSV(t, argv, runWLP("", argv...).stdout)
	for _, c := range []struct {
		col  string
		want []string
	}{{"profile", ids}, {"fit_pct", fits}, {"combined", combined}} {
		if diff := gocmp.Diff(c.want, column(t, recs, c.col)); diff != "" {
			t.Errorf("rank -csv: %s (-json +csv):\n%s", c.col, diff)
		}
	}

	// score: each gap once, in order, with its gain.
	r = runWLP("", "score", "-json", clo, lee)
	var res match.Result
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	argv = args("score", "-csv", clo, lee)
	recs = readCSV(t, argv, runWLP("", argv...).stdout)
	gains := map[string]string{}
	for i, rec := range recs[1:] {
		if o := column(t, recs, "order")[i]; o != "" {
			if _, dup := gains[o]; dup {
				t.Errorf("score -csv: order %s twice", o)
			}
			gains[o] = rec[slices.Index(recs[0], "gain_pts")]
		}
	}
	want := map[string]string{}
	for i, g := range res.Gaps {
		want[fmt.Sprint(i+1)] = pct(g.Gain)
	}
	if diff := gocmp.Diff(want, gains); diff != "" {
		t.Errorf("score -csv: gains by order (-json +csv):\n%s", diff)
	}
	if got := column(t, recs, "score_pct")[0]; got != pct(res.Fit) {
		t.Errorf("score -csv: the target's fit %s, want %s", got, pct(res.Fit))
	}

	// team: each step of the team's plan once, with its advice.
	r = runWLP("", "team", "-json", clo, sam, priya, alex)
	var rep match.TeamReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	argv = args("team", "-csv", clo, sam, priya, alex)
	recs = readCSV(t, argv, runWLP("", argv...).stdout)
	steps := map[string]string{}
	orders, closes, devs := column(t, recs, "order"), column(t, recs, "close_by"), column(t, recs, "develop")
	for i, o := range orders {
		if o != "" {
			steps[o] = closes[i] + " " + devs[i]
		}
	}
	wantSteps := map[string]string{}
	for i, s := range rep.Plan {
		how := "develop " + s.Develop
		if s.Hire {
			how = "hire "
		}
		wantSteps[fmt.Sprint(i+1)] = how
	}
	if diff := gocmp.Diff(wantSteps, steps); diff != "" {
		t.Errorf("team -csv: steps by order (-json +csv):\n%s", diff)
	}
	if got := column(t, recs, "combined")[0]; got != "median" {
		t.Errorf("team -csv: the team's combined is %q, want median", got)
	}

	// plan: each step's fit.
	r = runWLP("", "plan", "-json", "business-partner", sam)
	var plan match.Plan
	if err := json.Unmarshal([]byte(r.stdout), &plan); err != nil {
		t.Fatal(err)
	}
	wantFits := []string{pct(plan.Start)}
	for _, s := range plan.Steps {
		wantFits = append(wantFits, pct(s.Fit))
	}
	argv = args("plan", "-csv", "business-partner", sam)
	recs = readCSV(t, argv, runWLP("", argv...).stdout)
	if diff := gocmp.Diff(wantFits, column(t, recs, "fit_pct")); diff != "" {
		t.Errorf("plan -csv: fits (-json +csv):\n%s", diff)
	}
}

// TestCSVFormulas checks that names and IDs that a spreadsheet would run
// as formulas come out as text.
func TestCSVFormulas(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "evil.json")
	doc := `{"id": "@evil", "name": "=HYPERLINK(\"http://example.com\",\"click\")", "ratings": {"coaching": {"level": 2}}}`
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	argv := args("rank", "-csv", clo, file)
	r := runWLP("", argv...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	recs := readCSV(t, argv, r.stdout)
	got := []string{column(t, recs, "profile")[0], column(t, recs, "name")[0]}
	want := []string{"'@evil", `'=HYPERLINK("http://example.com","click")`}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("rank -csv (-want +got):\n%s", diff)
	}
}

// TestCSVMisuse checks that -csv with -json is misuse for every command
// that takes -csv, and that validate -csv lists problems and fails.
func TestCSVMisuse(t *testing.T) {
	for _, argv := range [][]string{
		args("export", "-csv", "-json"), args("validate", "-csv", "-json", dana),
		args("score", "-csv", "-json", clo, dana), args("roles", "-json", "-csv", dana),
		args("rank", "-csv", "-json", clo, dana), args("team", "-csv", "-json", clo, dana),
		args("assign", "-csv", "-json", clo, dana), args("plan", "-csv", "-json", clo, dana),
	} {
		r := runWLP("", argv...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "-csv and -json exclude each other") || r.stdout != "" {
			t.Errorf("wlp %s: exit %d, stdout %q, stderr %q", strings.Join(argv, " "), r.code, r.stdout, r.stderr)
		}
	}
	argv := args("validate", "-csv", dana, "testdata/bad-profile.json")
	r := runWLP("", argv...)
	if r.code != exitFailure {
		t.Errorf("validate -csv with a bad file: exit %d, want 1", r.code)
	}
	recs := readCSV(t, argv, r.stdout)
	valid := column(t, recs, "valid")
	if len(valid) < 2 || valid[0] != "yes" || slices.Contains(valid[1:], "yes") {
		t.Errorf("validate -csv: valid column %q, want yes then only no", valid)
	}
}

// csvGoldens are the CSV outputs kept as golden files,
// testdata/csv-NAME.golden (go test -update rewrites them). The files
// hold LF line ends, so that no checkout's line-end conversion changes
// them; readCSV checks the CRLF.
var csvGoldens = []struct {
	name string
	args []string
}{
	{"export", args("export", "-csv")},
	{"validate", args("validate", "-csv", dana, alex)},
	{"score-job", args("score", "-csv", clo, lee)},
	{"score-role", args("score", "-csv", "business-partner", alex)},
	{"roles", args("roles", "-csv", priya)},
	{"rank", args("rank", "-csv", clo, team, alex)},
	{"team", args("team", "-csv", "-combine", "manager-first", clo, sam, priya, alex)},
	{"assign", args("assign", "-csv", clo, team, alex)},
	{"plan", args("plan", "-csv", "business-partner", sam)},
}

func TestCSVGolden(t *testing.T) {
	for _, c := range csvGoldens {
		t.Run(c.name, func(t *testing.T) {
			r := runWLP("", c.args...)
			if r.code != 0 {
				t.Errorf("exit %d: %s", r.code, r.stderr)
			}
			readCSV(t, c.args, r.stdout)
			r.stdout = strings.ReplaceAll(r.stdout, "\r\n", "\n")
			checkGolden(t, filepath.Join("testdata", "csv-"+c.name+".golden"), r.golden(c.args))
		})
	}
}
