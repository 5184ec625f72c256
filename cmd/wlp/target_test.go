package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/role"
)

// defaultListing is how messages list the default framework's roles and
// jobs.
const defaultListing = "roles: learning-strategist, business-partner, project-manager, professional-specialist; jobs: chief-learning-officer"

// TestResolve checks that a target is found by its ID, or by its ID or
// name in any case, spacing and punctuation, and that an unknown one is
// answered with the closest target and the framework's list.
func TestResolve(t *testing.T) {
	unknown := func(s, suggestion string) string {
		msg := `unknown target "` + s + `": not a role or job of framework "astd-2004"`
		if suggestion != "" {
			return msg + "; did you mean " + suggestion + "? R" + defaultListing[1:]
		}
		return msg + "; " + defaultListing
	}
	tests := []struct {
		in   string
		want role.ID
		err  string
	}{
		{"business-partner", "business-partner", ""},
		{"Business Partner", "business-partner", ""},
		{"business partner", "business-partner", ""},
		{"BUSINESS_PARTNER", "business-partner", ""},
		{"  Business   partner ", "business-partner", ""},
		{"Chief Learning Officer", "chief-learning-officer", ""},
		{"chief-learning-officer", "chief-learning-officer", ""},
		{"professionalspecialist", "professional-specialist", ""},
		{"buisness-partner", "", unknown("buisness-partner", "business-partner (Business partner)")},
		{"project manger", "", unknown("project manger", "project-manager (Project manager)")},
		{"clo", "", unknown("clo", "chief-learning-officer (Chief learning officer)")},
		{"coach", "", unknown("coach", "")},
		{"", "", unknown("", "")},
		{"-", "", unknown("-", "")},
		{"a\x1bb", "", unknown(`a\x1bb`, "")},
	}
	ts := newTargets(wlp.Default())
	for _, tt := range tests {
		got, err := ts.resolve(tt.in)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if diff := gocmp.Diff(struct {
			ID  role.ID
			Err string
		}{tt.want, tt.err}, struct {
			ID  role.ID
			Err string
		}{got, msg}); diff != "" {
			t.Errorf("resolve(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestResolveAmbiguous checks that a name two targets share is an error
// naming both, while their IDs still resolve.
func TestResolveAmbiguous(t *testing.T) {
	spec := wlp.DefaultSpec()
	spec.Jobs[0].Title = "Business Partner"
	f, err := wlp.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	ts := newTargets(f)
	_, err = ts.resolve("business partner")
	want := `target "business partner" names the role business-partner (Business partner) and the job chief-learning-officer (Business Partner); give the ID of the one you mean`
	if err == nil || err.Error() != want {
		t.Errorf("resolve of a shared name: %v, want %s", err, want)
	}
	for _, id := range []role.ID{"business-partner", "chief-learning-officer"} {
		if got, err := ts.resolve(string(id)); got != id || err != nil {
			t.Errorf("resolve(%q) = %q, %v", id, got, err)
		}
	}
}

// TestResolveArg checks assign's ROLE[,ROLE...] lists: names and IDs
// mixed, spaces after commas, every unknown element reported, and an
// empty element misuse.
func TestResolveArg(t *testing.T) {
	ts := newTargets(wlp.Default())
	tests := []struct {
		in    string
		want  []role.ID
		err   string
		usage bool
	}{
		{"learning-strategist", []role.ID{"learning-strategist"}, "", false},
		{"Learning Strategist, business partner", []role.ID{"learning-strategist", "business-partner"}, "", false},
		{"learning-strategist,coach,projct-manager", []role.ID{"learning-strategist"},
			`unknown target "coach": not a role or job of framework "astd-2004"; ` + defaultListing + "\n" +
				`unknown target "projct-manager": not a role or job of framework "astd-2004"; did you mean project-manager (Project manager)? R` + defaultListing[1:], false},
		{"learning-strategist,,business-partner", nil, `empty role in "learning-strategist,,business-partner": separate roles and jobs with single commas`, true},
		{"learning-strategist, ", nil, `empty role in "learning-strategist, ": separate roles and jobs with single commas`, true},
	}
	for _, tt := range tests {
		got, err := ts.resolveArg(tt.in, true)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		_, usage := err.(usageError)
		if diff := gocmp.Diff(tt.want, got); diff != "" || msg != tt.err || usage != tt.usage {
			t.Errorf("resolveArg(%q) = %v, %q (misuse %v); want %q (misuse %v)\n%s", tt.in, got, msg, usage, tt.err, tt.usage, diff)
		}
	}
}

// TestTargetOrder runs the commands about people and a target with their
// arguments in the other order, and with mistakes in them: each is
// answered with the command line meant, or with every problem at once.
// It compares the first line of standard error and the exit status.
func TestTargetOrder(t *testing.T) {
	tests := []struct {
		args []string
		code int
		line string
	}{
		// The target last: misuse, with the corrected command line, flags
		// as typed.
		{args("score", dana, clo), 2, "wlp score: the target comes first, then the profile: wlp score chief-learning-officer " + dana},
		{args("score", "-json", dana, "Business Partner"), 2, "wlp score: the target comes first, then the profile: wlp score -json business-partner " + dana},
		{args("score", dana, "-combine=median", "business partner"), 2, "wlp score: the target comes first, then the profile: wlp score -combine=median business-partner " + dana},
		{args("score", "-", clo), 2, "wlp score: the target comes first, then the profile: wlp score chief-learning-officer -"},
		{args("score", "--", "-x.json", clo), 2, "wlp score: the target comes first, then the profile: wlp score -- chief-learning-officer -x.json"},
		{args("score", "my file.json", clo), 2, "wlp score: the target comes first, then the profile: wlp score chief-learning-officer 'my file.json'"},
		{args("plan", "-until", "exact", sam, "business-partner"), 2, "wlp plan: the target comes first, then the profile: wlp plan -until exact business-partner " + sam},
		{args("chart", "-o", "x.svg", dana, clo), 2, "wlp chart: the target comes first, then the profile: wlp chart -o x.svg chief-learning-officer " + dana},
		{args("chart", "-team", dana, lee, clo), 2, "wlp chart: the target comes first, then the profiles: wlp chart -team chief-learning-officer " + dana + " " + lee},
		{args("rank", dana, lee, clo), 2, "wlp rank: the target comes first, then the profiles: wlp rank chief-learning-officer " + dana + " " + lee},
		{args("team", "-json", dana, lee, clo), 2, "wlp team: the target comes first, then the profiles: wlp team -json chief-learning-officer " + dana + " " + lee},
		{args("assign", dana, lee, "learning-strategist,Business Partner"), 2, "wlp assign: the roles come first, then the profiles: wlp assign learning-strategist,business-partner " + dana + " " + lee},

		// Several people without -team.
		{args("chart", dana, lee, clo), 2, "wlp chart: wants TARGET and PROFILE, got 3 arguments; for several people, add -team: wlp chart -team chief-learning-officer " + dana + " " + lee},
		{args("chart", clo, dana, lee), 2, "wlp chart: wants TARGET and PROFILE, got 3 arguments; for several people, add -team: wlp chart -team chief-learning-officer " + dana + " " + lee},

		// The profile first and the target last, mistyped.
		{args("score", dana, "buisness-partner"), 2, `wlp score: the target comes first, then the profile, and "buisness-partner" names no role or job: did you mean wlp score business-partner ` + dana + "?"},
		{args("assign", dana, lee, "learning-strategst,projct manager"), 2, `wlp assign: the roles come first, then the profiles, and "learning-strategst,projct manager" names no role or job: did you mean wlp assign learning-strategist,project-manager ` + dana + " " + lee + "?"},
		{args("score", dana, "xyz"), 2, `wlp score: the target comes first, then the profile, and "xyz" names no role or job of framework "astd-2004" (` + defaultListing + "): wlp score TARGET " + dana},

		// No target at all.
		{args("rank", dana, lee), 2, `wlp rank: "` + dana + `" names profiles, not a role or job: the target comes first, then the profiles (` + defaultListing + "): wlp rank TARGET " + dana + " " + lee},
		{args("score", dana, lee), 2, `wlp score: "` + dana + `" names profiles, not a role or job: the target comes first, then the profile (` + defaultListing + ")"},

		// An unknown target first is a failure, reported with the
		// problems of the profiles.
		{args("score", "buisness-partner", dana), 1, `wlp score: unknown target "buisness-partner": not a role or job of framework "astd-2004"; did you mean business-partner (Business partner)? R` + defaultListing[1:]},
		{args("rank", "coach", dana, lee), 1, `wlp rank: unknown target "coach": not a role or job of framework "astd-2004"; ` + defaultListing},
	}
	for _, tt := range tests {
		r := runWLP("", tt.args...)
		first, _, _ := strings.Cut(r.stderr, "\n")
		if diff := gocmp.Diff(tt.line, first); diff != "" || r.code != tt.code {
			t.Errorf("wlp %q: exit %d, want %d; first line of stderr (-want +got):\n%s", tt.args, r.code, tt.code, diff)
		}
		if r.stdout != "" {
			t.Errorf("wlp %q wrote to stdout:\n%s", tt.args, r.stdout)
		}
	}
}

// TestTargetAndProfileProblems checks that an unknown target does not
// hide the problems of the profiles: one run reports them all.
func TestTargetAndProfileProblems(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string // substrings of stderr, in order
	}{
		{args("score", "coach", "testdata/missing.json"), []string{`unknown target "coach"`, "testdata/missing.json"}},
		{args("team", "coach", dana, "testdata/missing.json"), []string{`unknown target "coach"`, "testdata/missing.json"}},
		{args("assign", "learning-strategist,coach,projct-manager", dana, "testdata/missing.json"),
			[]string{`unknown target "coach"`, `unknown target "projct-manager"`, "testdata/missing.json"}},
	} {
		r := runWLP("", tt.args...)
		if r.code != exitFailure {
			t.Errorf("wlp %q: exit %d, want 1\n%s", tt.args, r.code, r.stderr)
		}
		rest := r.stderr
		for _, w := range tt.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("wlp %q: %q missing or out of order in:\n%s", tt.args, w, r.stderr)
				break
			}
			rest = rest[i+len(w):]
		}
	}
}

// TestTargetByName checks that a target named by its name in any form
// gives the same output as its ID.
func TestTargetByName(t *testing.T) {
	for _, tt := range []struct{ byName, byID []string }{
		{args("score", "Chief Learning Officer", dana), args("score", clo, dana)},
		{args("plan", "BUSINESS PARTNER", sam), args("plan", "business-partner", sam)},
		{args("rank", "-json", "project manager", dana, lee), args("rank", "-json", "project-manager", dana, lee)},
		{args("team", "Business_Partner", sam, priya), args("team", "business-partner", sam, priya)},
		{args("assign", "Learning strategist, business partner", dana, lee), args("assign", "learning-strategist,business-partner", dana, lee)},
		{args("chart", "-json", "Professional Specialist", sam), args("chart", "-json", "professional-specialist", sam)},
	} {
		a, b := runWLP("", tt.byName...), runWLP("", tt.byID...)
		if b.code != 0 {
			t.Fatalf("wlp %q: exit %d\n%s", tt.byID, b.code, b.stderr)
		}
		if diff := gocmp.Diff(b, a, gocmp.AllowUnexported(result{})); diff != "" {
			t.Errorf("wlp %q differs from wlp %q (-id +name):\n%s", tt.byName, tt.byID, diff)
		}
	}
}

// TestIsInput checks what counts as naming profiles rather than a
// target.
func TestIsInput(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "team"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		arg  string
		want bool
	}{
		{"-", true},
		{"missing.json", true},
		{"TEAM.CSV", true},
		{"people.xlsx", true},
		{"people.ndjson", true},
		{"people.jsonl", true},
		{dir, true},
		{filepath.Join(dir, "team"), true},
		{filepath.Join(dir, "t*"), true},
		{filepath.Join(dir, "x*"), false},
		{"business-partner", false},
		{"Business Partner", false},
		{"", false},
		{strings.Repeat("x", 5000), false},
	} {
		if got := isInput(tt.arg); got != tt.want {
			t.Errorf("isInput(%.40q) = %v, want %v", tt.arg, got, tt.want)
		}
	}
}

// TestInitials checks the initials a target's name is suggested by.
func TestInitials(t *testing.T) {
	for in, want := range map[string]string{
		"Chief learning officer":  "clo",
		"Business/Management":     "bm",
		"Coaching":                "",
		"":                        "",
		"Élan vital, 2nd edition": "év2e",
	} {
		if got := initials(in); got != want {
			t.Errorf("initials(%q) = %q, want %q", in, got, want)
		}
	}
}
