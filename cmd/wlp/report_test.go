package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// TestReportSameAsPackage checks that the command writes the page
// package report writes for the same people, reviews merged by the same
// policy and the policy named: a person report for one profile, a team
// report for several or with -team.
func TestReportSameAsPackage(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	for _, tm := range teams() {
		for _, asTeam := range []bool{false, true} {
			if len(tm.files) > 1 && !asTeam {
				continue
			}
			var ps []profile.Profile
			for _, path := range tm.files {
				ps = append(ps, combined(t, path, tm.policy))
			}
			for _, target := range []role.ID{role.CLO, role.BusinessPartner} {
				argv := args("report", flagsFor(tm.policy), string(target), tm.files)
				if asTeam && len(tm.files) == 1 {
					argv = args("report", "-team", flagsFor(tm.policy), string(target), tm.files)
				}
				name := strings.Join(argv, " ")
				var want bytes.Buffer
				var wantData, gotData any // the report's data, for -json
				if len(ps) == 1 && !asTeam {
					r, err := report.NewPersonReport(m, ps[0], target)
					if err != nil {
						t.Fatal(err)
					}
					r.Combined = combinedBy(ps[0], tm.policy)
					r.Notes = reportNotesOf(f, ps, tm.policy, false)
					if err := r.WriteHTML(&want); err != nil {
						t.Fatal(err)
					}
					wantData, gotData = r, new(report.PersonReport)
				} else {
					r, err := report.NewTeamReport(m, ps, target)
					if err != nil {
						t.Fatal(err)
					}
					for _, p := range ps {
						if pol := combinedBy(p, tm.policy); pol != "" {
							r.Combined = pol
						}
					}
					r.Notes = reportNotesOf(f, ps, tm.policy, true)
					if err := r.WriteHTML(&want); err != nil {
						t.Fatal(err)
					}
					wantData, gotData = r, new(report.TeamReport)
				}
				got := runWLP("", argv...)
				if diff := gocmp.Diff(result{0, want.String(), ""}, got, gocmp.AllowUnexported(result{})); diff != "" {
					t.Errorf("wlp %s (-package +command):\n%.2000s", name, diff)
				}
				// With -json, the same report as data.
				got = runWLP("", append([]string{"report", "-json"}, argv[1:]...)...)
				if got.code != 0 || got.stderr != "" {
					t.Fatalf("wlp %s -json: %+v", name, got)
				}
				if err := json.Unmarshal([]byte(got.stdout), gotData); err != nil {
					t.Fatalf("wlp %s -json: %v", name, err)
				}
				if diff := gocmp.Diff(wantData, reflect.ValueOf(gotData).Elem().Interface()); diff != "" {
					t.Errorf("wlp %s -json (-package +command):\n%.2000s", name, diff)
				}
			}
		}
	}
}

// reportNotesOf returns the notes the command gives a report of ps as
// read from their files, reviews merged by pol ("" for median, "none"
// for none): for a team, whose reviews were merged by what policy; for
// anyone, where raters disagree.
func reportNotesOf(f *wlp.Framework, ps []profile.Profile, pol profile.Policy, team bool) []string {
	var out []string
	for _, p := range ps {
		if len(p.Reviews) == 0 {
			continue
		}
		used := pol
		label := string(pol)
		switch pol {
		case "":
			used, label = profile.Median, "median (the default)"
		case "none":
			if team {
				out = append(out, fmt.Sprintf("%s: %d reviews left out (-combine none): only the ratings count.", shortName(p), len(p.Reviews)))
			}
			continue
		}
		if team {
			out = append(out, fmt.Sprintf("%s: %d reviews combined by %s.", shortName(p), len(p.Reviews), label))
		}
		_, dis, _ := p.Combine(used)
		for _, d := range dis {
			out = append(out, fmt.Sprintf("%s: raters disagree by %d levels or more on %s, combined by %s.", shortName(p), profile.DisagreementLevels, disagreement(f, d), used))
		}
	}
	return out
}

// TestReport checks what a reader finds in the pages the command writes:
// the person report names the person, the fit and the reviews' policy;
// the team report has a row of the matrix for each member; -o writes the
// same page as standard output; the same run gives the same bytes.
func TestReport(t *testing.T) {
	for _, tc := range []struct {
		name string
		argv []string
		want []string
		not  []string
	}{
		{"a person against a job", args("report", clo, dana), []string{"Dana Okafor", "95.9%", "Chief learning officer", "ASTD Workplace Learning and Performance Competency Model"}, []string{"Skills matrix"}},
		{"reviews combined", args("report", "-combine", "manager-first", "business-partner", alex), []string{"combined into its ratings by manager-first", "raters disagree"}, nil},
		{"reviews left out", args("report", "-combine", "none", "business-partner", alex), []string{"5 reviews that were not combined"}, nil},
		{"a team", args("report", "project-manager", sam, priya, alex), []string{"Skills matrix", "A team of 3 people", "Alex Kim: 5 reviews combined by median (the default)."}, nil},
		{"a team of one", args("report", "-team", "project-manager", priya), []string{"Skills matrix", "A team of 1 person"}, nil},
		{"another framework", args("report", "-framework", "testdata/tiny-framework.json", "host", "testdata/tiny-kim.json"), []string{"Kim &lt;Lee&gt; &amp; Co", "Tiny framework", "Talking &lt;clearly&gt; &amp; kindly"}, []string{"<Lee>", "<clearly>"}},
		{"a target by name, last", args("report", "Business Partner", lee), []string{"Lee Whitman"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runWLP("", tc.argv...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if !strings.HasPrefix(r.stdout, "<!DOCTYPE html>\n") || !strings.HasSuffix(r.stdout, "</html>\n") {
				t.Errorf("not an HTML page: %.100q ... %q", r.stdout, r.stdout[max(0, len(r.stdout)-20):])
			}
			for _, s := range tc.want {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("the page lacks %q", s)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(r.stdout, s) {
					t.Errorf("the page has %q", s)
				}
			}
			if again := runWLP("", tc.argv...); again.stdout != r.stdout {
				t.Errorf("a second run wrote a different page")
			}
			out := filepath.Join(t.TempDir(), "report.html")
			o := runWLP("", append([]string{tc.argv[0], "-o", out}, tc.argv[1:]...)...)
			b, err := os.ReadFile(out)
			if err != nil || o.code != 0 || o.stdout != "" || string(b) != r.stdout {
				t.Errorf("with -o: exit %d, stdout %d bytes, %v; the file differs: %v", o.code, len(o.stdout), err, string(b) != r.stdout)
			}
		})
	}
}

// TestReportTeamFromSheet checks that one input of several people gives
// the team report, every one of them in the matrix.
func TestReportTeamFromSheet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "team.jsonl")
	var b bytes.Buffer
	if err := testfix.WriteJSONLines(&b, nil, 5, 12); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runWLP("", "report", clo, path)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for i := 1; i <= 12; i++ {
		if want := fmt.Sprintf(`<th scope="row"><bdi>Person %d</bdi> <span class="id">p%07d</span></th><td class="fit">`, i, i); !strings.Contains(r.stdout, want) {
			t.Errorf("the matrix has no row %q", want)
		}
	}
}

// TestReportErrors checks misuse and bad input: exit 2 with the usage
// for misuse, exit 1 with the problem for bad input, and nothing on
// standard output.
func TestReportErrors(t *testing.T) {
	twin := filepath.Join(t.TempDir(), "twin.json")
	b, err := os.ReadFile(dana)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(twin, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		argv   []string
		code   int
		stderr string
	}{
		{"no arguments", args("report"), 2, "wlp report: wants at least 2 arguments, got 0"},
		{"no profile", args("report", clo), 2, "wlp report: wants at least 2 arguments, got 1"},
		{"an unknown flag", args("report", "-k", "3", clo, dana), 2, "unknown flag -k"},
		{"an unknown policy", args("report", "-combine", "mode", clo, dana), 2, `unknown -combine policy "mode"`},
		{"an unknown target", args("report", "ceo", dana), 1, `wlp report: unknown target "ceo"`},
		{"the target last", args("report", dana, clo), 2, "the target comes first, then the profiles: wlp report chief-learning-officer"},
		{"a missing file", args("report", clo, "testdata/missing.json"), 1, "testdata/missing.json"},
		{"a bad profile", args("report", clo, "testdata/bad-profile.json"), 1, "testdata/bad-profile.json"},
		{"one person twice", args("report", clo, dana, twin), 1, `"dana"`},
		{"a bad framework", args("report", "-framework", "testdata/bad-framework.json", clo, dana), 1, "testdata/bad-framework.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runWLP("", tc.argv...)
			if diff := gocmp.Diff([]any{tc.code, "", true}, []any{r.code, r.stdout, strings.Contains(r.stderr, tc.stderr)}); diff != "" {
				t.Errorf("stderr %q (-want +got):\n%s", r.stderr, diff)
			}
			if tc.code == 2 && !strings.Contains(r.stderr, "usage: wlp report ") {
				t.Errorf("misuse without the usage line: %s", r.stderr)
			}
		})
	}
}
