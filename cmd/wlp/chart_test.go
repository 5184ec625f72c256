package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
)

// TestChart checks that a chart is well-formed XML, an SVG with a viewBox,
// labelled with the names (not the IDs) of what the target requires, and
// that -o writes the same document.
func TestChart(t *testing.T) {
	f := wlp.Default()
	for _, target := range targets(f) {
		for _, argv := range [][]string{
			args("chart", string(target), dana),
			args("chart", "-team", string(target), team),
		} {
			r := runWLP("", argv...)
			if r.code != 0 {
				t.Fatalf("%v: exit %d: %s", argv, r.code, r.stderr)
			}
			text := testfix.SVGText(t, []byte(r.stdout))
			chart, err := report.NewRadar(f, target, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range chart.Axes {
				if len(a.Of) == 1 {
					name, _ := f.NameOf(a.Of[0])
					if !strings.Contains(text, strings.Fields(name)[0]) {
						t.Errorf("%v: no label for %s (%s)", argv, a.Of[0], name)
					}
				}
			}
			for _, id := range []string{"thinking-strategically", "building-trust", "coaching"} {
				if strings.Contains(text, id) {
					t.Errorf("%v: the text shows the ID %q, not a name", argv, id)
				}
			}
		}
	}

	// The CLO job charts its own requirements and its roles'.
	r := runWLP("", "chart", clo, dana)
	text := testfix.SVGText(t, []byte(r.stdout))
	for _, want := range []string{"Building trust", "Thinking strategically", "Applying business acumen", "any 1 of 9 areas", "any 7 of 9 areas", "any 10 of 12", "fit 95.9%", "Dana Okafor"} {
		if !strings.Contains(text, want) {
			t.Errorf("the CLO chart lacks %q", want)
		}
	}

	out := filepath.Join(t.TempDir(), "dana.svg")
	r2 := runWLP("", "chart", "-o", out, clo, dana)
	if r2.code != 0 || r2.stdout != "" {
		t.Fatalf("chart -o: exit %d, stdout %q, stderr %s", r2.code, r2.stdout, r2.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != r.stdout {
		t.Errorf("chart -o wrote a different document")
	}
	r3 := runWLP("", "chart", "-o", filepath.Join(t.TempDir(), "no", "such", "dir.svg"), clo, dana)
	if r3.code != 1 || !strings.Contains(r3.stderr, "cannot write") {
		t.Errorf("chart -o into a missing folder: exit %d, stderr %s", r3.code, r3.stderr)
	}
}

// TestRender renders charts to PNG with rsvg-convert, when it is
// installed, to check that a real renderer accepts them.
func TestRender(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		if os.Getenv("WLP_REQUIRE_RENDER") != "" {
			t.Fatal("WLP_REQUIRE_RENDER is set but rsvg-convert is not installed")
		}
		t.Skip("rsvg-convert is not installed (Debian: apt-get install librsvg2-bin); CI installs it and sets WLP_REQUIRE_RENDER")
	}
	dir := t.TempDir()
	for i, argv := range [][]string{
		args("chart", clo, dana),
		args("chart", "-team", clo, team),
		args("chart", "-team", "-combine", "median", clo, sam, priya, alex),
		args("chart", "-framework", "testdata/tiny-framework.json", "listener", "testdata/tiny-kim.json"),
	} {
		r := runWLP("", argv...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", argv, r.code, r.stderr)
		}
		in := filepath.Join(dir, "chart.svg")
		if err := os.WriteFile(in, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		png := filepath.Join(dir, "chart.png")
		if out, err := exec.Command(rsvg, "-o", png, in).CombinedOutput(); err != nil {
			t.Fatalf("chart %d: rsvg-convert: %v\n%s", i, err, out)
		}
		b, err := os.ReadFile(png)
		if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("chart %d: no PNG written (%v)", i, err)
		}
	}
}

// TestChartTeam checks the team on a team chart: its fit is
// Matcher.Team's, and on each axis its level is the level Team gives the
// team for the requirement the axis stands for; the SVG's title names
// the team's fit.
func TestChartTeam(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	for _, tm := range teams() {
		var ps []profile.Profile
		for _, path := range tm.files {
			ps = append(ps, combined(t, path, tm.policy))
		}
		for _, target := range targets(f) {
			name := fmt.Sprintf("%s/%v/%s", target, tm.files, tm.policy)
			r := runWLP("", args("chart", "-team", "-json", flagsFor(tm.policy), string(target), tm.files)...)
			if r.code != 0 {
				t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
			}
			var d report.Radar
			if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
				t.Fatal(err)
			}
			tr, err := m.Team(ps, target)
			if err != nil {
				t.Fatal(err)
			}
			if d.Team == nil || d.Team.Fit != tr.Result.Fit || d.Team.Confidence != tr.Result.Confidence {
				t.Fatalf("%s: chart team %+v, Matcher.Team fit %v %s", name, d.Team, tr.Result.Fit, tr.Result.Confidence)
			}
			if len(d.Team.Levels) != len(d.Axes) {
				t.Fatalf("%s: %d team levels for %d axes", name, len(d.Team.Levels), len(d.Axes))
			}
			for i, a := range d.Axes {
				found := false
				for _, c := range tr.Covers {
					if slices.Equal(sorted(c.Of), sorted(a.Of)) && (c.AtLeast == a.AtLeast || (a.AtLeast == 0 && c.AtLeast == len(c.Of))) {
						found = true
						if c.Have != d.Team.Levels[i] {
							t.Errorf("%s: axis %q: team level %d, Team covers it at %d", name, a.Label, d.Team.Levels[i], c.Have)
						}
					}
				}
				if !found {
					t.Errorf("%s: axis %q matches no requirement Team covers", name, a.Label)
				}
				for j, p := range d.People {
					if p.Levels[i] > d.Team.Levels[i] {
						t.Errorf("%s: axis %q: person %d at %d, above the team's %d", name, a.Label, j, p.Levels[i], d.Team.Levels[i])
					}
				}
			}
			r = runWLP("", args("chart", "-team", flagsFor(tm.policy), string(target), tm.files)...)
			if r.code != 0 {
				t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
			}
			text := testfix.SVGText(t, []byte(r.stdout))
			if want := "team fit " + pct(tr.Result.Fit); !strings.Contains(text, want) {
				t.Errorf("%s: the chart lacks %q", name, want)
			}
		}
	}
	// Without -team there is no team.
	r := runWLP("", "chart", "-json", clo, dana)
	if strings.Contains(r.stdout, `"team"`) {
		t.Errorf("a chart of one person without -team has a team")
	}
}
