// This file tests text.go: the helpers that keep messages short, that
// every command shortens long values in what it prints, and that tables
// fit in 100 columns.

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/problem"
)

// TestLongValues runs commands on 10 KB values, in arguments, flags and
// file names: each message shortens the value, so no line is long.
func TestLongValues(t *testing.T) {
	long := strings.Repeat("x", 10240)
	longKey := `{"id": "x", "ratings": {"` + long + `": {"level": 1}}}`
	for _, c := range []struct {
		args  []string
		stdin string
		code  int
	}{
		{args(long), "", exitUsage},
		{args("help", long), "", exitUsage},
		{args("score", long, dana), "", exitFailure},
		{args("rank", long, dana), "", exitFailure},
		{args("team", long, dana, lee), "", exitFailure},
		{args("validate", "-kind", long, dana), "", exitUsage},
		{args("score", "-combine", long, clo, dana), "", exitUsage},
		{args("plan", "-until", long, clo, sam), "", exitUsage},
		{args("schema", long), "", exitUsage},
		{args("assign", long+",,x", dana), "", exitUsage},
		{args("assign", long+","+long, dana), "", exitFailure},
		{args("score", "-"+long, clo, dana), "", exitUsage},
		{args("rank", "-k", long, clo, dana), "", exitUsage},
		{args("score", clo, long), "", exitFailure},
		{args("validate", "testdata/"+long), "", exitFailure},
		{args("chart", "-o", "testdata/"+long+"/x.svg", clo, dana), "", exitFailure},
		{args("validate", "-"), longKey, exitFailure},
		{args("score", clo, "-"), longKey, exitFailure},
	} {
		r := runWLP(c.stdin, c.args...)
		if r.code != c.code {
			t.Errorf("wlp %.60q: exit %d, want %d", c.args, r.code, c.code)
		}
		out := r.stdout + r.stderr
		if !strings.Contains(out, "bytes)") {
			t.Errorf("wlp %.60q: no value shortened:\n%.300s", c.args, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if len(line) > 1000 {
				t.Errorf("wlp %.60q: a line of %d bytes: %.200s", c.args, len(line), line)
			}
		}
	}
}

// TestShortLines checks the helpers that keep lines short.
func TestShortLines(t *testing.T) {
	for _, c := range []struct {
		name, got, want string
	}{
		{"shorten short", shorten("a\tb", 10), `a\tb`},
		{"shorten long", shorten("héllo world", 3), "hé... (12 bytes)"},
		{"shorten at a rune", shorten("héllo", 2), "h... (6 bytes)"},
		{"docError", (&docError{"f.json", problem.List{Problems: []wlp.Problem{{Path: "/id", Message: "m"}, {Message: "n"}}}}).Error(),
			"f.json: /id: m\nf.json: n"},
		{"docError omitted", (&docError{"f.json", problem.List{Problems: []wlp.Problem{{Message: "m"}}, Omitted: 1}}).Error(),
			"f.json: m\nf.json: and at least 1 more problem, not listed"},
		{"some of few", someOf([]string{"a", "b"}, 3), "a, b"},
		{"some of many", someOf(strings.Split("a b c d e", " "), 3), "a, b, c and 2 more"},
	} {
		if diff := gocmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestTable checks how a table gives way when its rows are wider than
// maxWidth: level columns first, then the columns of each give in turn,
// cut or wrapped, then any column.
func TestTable(t *testing.T) {
	long := strings.Repeat("word ", 30) // 150 columns
	for _, c := range []struct {
		name  string
		build func(tb *table)
		want  string
	}{
		{"narrow", func(tb *table) {
			tb.row("A", "B")
			tb.row("xx", "y")
			tb.section("Part:")
			tb.row("x", "")
		}, "A   B\nxx  y\nPart:\nx\n"},
		{"levels as numbers", func(tb *table) {
			tb.levels(1)
			tb.row("NAME", "NEED")
			tb.row(strings.Repeat("n", 90), "2 advanced beginner")
		}, "NAME" + strings.Repeat(" ", 88) + "NEED\n" + strings.Repeat("n", 90) + "  2\n"},
		{"cut", func(tb *table) {
			tb.give(0)
			tb.row("NAME", "X")
			tb.row(strings.Repeat("n", 120), "x")
		}, "NAME" + strings.Repeat(" ", 95) + "X\n" + strings.Repeat("n", 96) + "…  x\n"},
		{"wrap", func(tb *table) {
			tb.wrap(1)
			tb.give(1)
			tb.row("#", "TEXT")
			tb.row("1", long)
		}, "#  TEXT\n1  " + strings.TrimSpace(strings.Repeat("word ", 19)) + "\n   " + strings.TrimSpace(strings.Repeat("word ", 11)) + "\n"},
		{"tiers in turn", func(tb *table) {
			tb.give(1)
			tb.give(0)
			tb.row("A", "B")
			tb.row(strings.Repeat("a", 60), strings.Repeat("b", 60))
		}, "A" + strings.Repeat(" ", 61) + "B\n" + strings.Repeat("a", 60) + "  " + strings.Repeat("b", 37) + "…\n"},
		{"last resort", func(tb *table) {
			tb.row("A", "B")
			tb.row(strings.Repeat("a", 60), strings.Repeat("b", 60))
		}, "A" + strings.Repeat(" ", 50) + "B\n" + strings.Repeat("a", 48) + "…  " + strings.Repeat("b", 48) + "…\n"},
		{"control characters", func(tb *table) {
			tb.row("a\tb", "\x1b[31m")
		}, `a\tb  \x1b[31m` + "\n"},
	} {
		var b strings.Builder
		tb := newTable(&b)
		c.build(tb)
		if err := tb.flush(); err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(c.want, b.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
		for _, line := range strings.Split(b.String(), "\n") {
			if w := textWidth(line); w > maxWidth {
				t.Errorf("%s: a line of %d columns: %q", c.name, w, line)
			}
		}
	}
}

// TestTextHelpers checks the helpers that measure, cut and wrap text.
func TestTextHelpers(t *testing.T) {
	for _, c := range []struct {
		name string
		got  any
		want any
	}{
		{"width ASCII", textWidth("abc"), 3},
		{"width wide", textWidth("山田太郎"), 8},
		{"width combining", textWidth("e\u0301"), 1},
		{"cut fits", cut("abcdef", 6), "abcdef"},
		{"cut", cut("abcdef", 4), "abc…"},
		{"cut wide", cut("山田太郎", 5), "山田…"},
		{"cut to one", cut("abc", 1), "…"},
		{"wrap", wrapText("aa bb cc", 5), []string{"aa bb", "cc"}},
		{"wrap long word", wrapText("abcdefg h", 3), []string{"abc", "def", "g h"}},
		{"wrap empty", wrapText("", 3), []string{""}},
		{"wrap lines", wrapLines("aa bb cc dd", 8, 5), []string{"aa bb cc", "dd"}},
		{"level number", levelNumber("2 advanced beginner"), "2"},
		{"capital", capital("fit 5%"), "Fit 5%"},
		{"capital empty", capital(""), ""},
		{"brief", brief(strings.Repeat("x", 80)), strings.Repeat("x", 59) + "…"},
	} {
		if diff := gocmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
	var b strings.Builder
	say(&b, "%s\n  %s\n", strings.Repeat("a ", 60), strings.Repeat("b ", 60))
	want := strings.TrimSpace(strings.Repeat("a ", 50)) + "\n  " + strings.TrimSpace(strings.Repeat("a ", 10)) + "\n" +
		"  " + strings.TrimSpace(strings.Repeat("b ", 49)) + "\n    " + strings.TrimSpace(strings.Repeat("b ", 11)) + "\n"
	if diff := gocmp.Diff(want, b.String()); diff != "" {
		t.Errorf("say (-want +got):\n%s", diff)
	}
}

// TestGradeWords checks the words that tables use for the grades of a
// fit, and that plan's -until reads them and the JSON names alike.
func TestGradeWords(t *testing.T) {
	var got []string
	for c := match.No; c <= match.Exact; c++ {
		back, ok := parseGrade(gradeWord(c))
		byName, ok2 := parseGrade(c.String())
		if !ok || !ok2 || back != c || byName != c {
			t.Errorf("%s: parseGrade does not read %q or %q back", c, gradeWord(c), c.String())
		}
		got = append(got, gradeWord(c)+" = "+gradePhrase(c)+" = "+fitLine(0.5, c))
	}
	want := []string{
		"weak = weak: under 60% = fit 50.0%, weak (under 60%)",
		"partial = partial: 60% to under 85% = fit 50.0%, partial (60% to under 85%)",
		"strong = strong: 85% or more = fit 50.0%, strong (85% or more)",
		"full = full: every requirement met = fit 50.0%, full (every requirement met)",
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("grades (-want +got):\n%s", diff)
	}
	if _, ok := parseGrade("perfect"); ok {
		t.Errorf("parseGrade reads %q", "perfect")
	}
}

// longFramework is a framework whose names and IDs are as long as a
// framework allows (IDs) or longer than any table's column (names).
const longFramework = `{
  "id": "long",
  "name": "A framework with a name much longer than any line of a terminal can hold, for the tests of wlp",
  "version": "1",
  "competencies": [
    {"id": "listening-to-what-people-really-mean-when-they-say-something-xy", "name": "Listening to what people really mean when they say something that sounds like something else entirely", "cluster": "interpersonal"},
    {"id": "talking", "name": "Talking", "cluster": "interpersonal"}
  ],
  "roles": [
    {"id": "a-listener-of-quite-unusual-patience-and-attention-to-the-detail", "name": "A listener of quite unusual patience and attention to the detail of what is said and what is not", "requirements": [
      {"of": ["listening-to-what-people-really-mean-when-they-say-something-xy"], "level": 4, "weight": 3},
      {"of": ["talking"], "level": 5, "weight": 1}
    ]},
    {"id": "talker", "name": "Talker", "requirements": [
      {"of": ["talking", "listening-to-what-people-really-mean-when-they-say-something-xy"], "atLeast": 1, "level": 3, "weight": 1}
    ]}
  ],
  "jobs": [
    {"id": "the-host-of-a-very-long-evening-of-conversation-and-long-names-x", "title": "The host of a very long evening of conversation, with names longer than is reasonable to print",
     "roles": [{"role": "a-listener-of-quite-unusual-patience-and-attention-to-the-detail", "weight": 1}, {"role": "talker", "weight": 1}],
     "requirements": [{"of": ["talking"], "level": 5, "weight": 1}]}
  ]
}`

// TestTablesFit runs every command that prints a table on the sample
// data, on profiles with long names (and the longest ID a profile may
// have, and wide characters), and on a framework of long names, and
// checks that every line of what it prints is at most 100 columns wide.
func TestTablesFit(t *testing.T) {
	dir := t.TempDir()
	write := func(name, doc string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	longID := "a" + strings.Repeat("b", 62) + "c"
	longName := write("long.json", `{"id": "`+longID+`", "name": "Maximiliana Alexandrova-Featherstonehaugh von Hohenzollern-Sigmaringen (Principal Organizational Development and Learning Experience Architect, EMEA)", "ratings": {"coaching": {"level": 3}, "building-trust": {"level": 5}, "thinking-strategically": {"level": 2}}, "reviews": [{"source": "self", "levels": {"coaching": 5}}, {"source": "manager", "rater": "`+strings.Repeat("R", 64)+`", "levels": {"coaching": 1}}]}`)
	oneWord := write("word.json", `{"id": "word", "name": "`+strings.Repeat("Unbrokenname", 20)+`", "ratings": {"coaching": {"level": 4}}}`)
	wide := write("wide.json", `{"id": "wide", "name": "山田太郎山田太郎山田太郎山田太郎山田太郎山田太郎山田太郎山田太郎山田太郎山田太郎 (研修開発部長)", "ratings": {"driving-results": {"level": 4}}}`)
	fw := write("long-framework.json", longFramework)
	longKim := write("long-kim.json", `{"id": "kim", "name": "Kim", "ratings": {"talking": {"level": 2}}}`)
	longLee := write("long-lee.json", `{"id": "`+longID+`", "name": "`+strings.Repeat("Lee ", 40)+`", "ratings": {"listening-to-what-people-really-mean-when-they-say-something-xy": {"level": 5}}}`)
	longJob := "the-host-of-a-very-long-evening-of-conversation-and-long-names-x"
	longRole := "a-listener-of-quite-unusual-patience-and-attention-to-the-detail"
	people := []string{longName, oneWord, wide, sam, priya, alex}
	all := append([]string{dana, lee}, people...)

	runs := [][]string{
		args("export", "-table"),
		args("export", "-table", "-framework", learning2),
		args("export", "-table", "-framework", fw),
		args("validate", dana, lee, sam, priya, alex),
		args("roles", dana), args("roles", alex), args("roles", longName), args("roles", wide),
		args("rank", clo, dana, lee, sam, priya, alex), args("rank", clo, all),
		args("team", clo, dana, lee, sam, priya, alex), args("team", clo, all),
		args("team", "business-partner", sam, priya, alex), args("team", "project-manager", people),
		args("assign", clo, dana, lee, sam, priya, alex), args("assign", clo, all),
		args("assign", "-max-hats", "0", "learning-strategist,business-partner", people),
		args("team", "-framework", fw, longJob, longKim, longLee),
		args("assign", "-framework", fw, longJob, longKim, longLee),
		args("rank", "-framework", fw, longJob, longKim, longLee),
		args("roles", "-framework", fw, longLee),
	}
	for _, target := range []string{clo, "business-partner", "professional-specialist"} {
		for _, p := range append([]string{dana, lee}, people...) {
			runs = append(runs, args("score", target, p), args("plan", target, p), args("plan", "-until", "exact", target, p))
		}
	}
	for _, target := range []string{longJob, longRole, "talker"} {
		for _, p := range []string{longKim, longLee} {
			runs = append(runs, args("score", "-framework", fw, target, p), args("plan", "-framework", fw, "-until", "full", target, p))
		}
	}
	for _, argv := range runs {
		r := runWLP("", argv...)
		if r.code != 0 {
			t.Errorf("wlp %s: exit %d: %s", strings.Join(argv, " "), r.code, r.stderr)
			continue
		}
		for _, line := range strings.Split(r.stdout, "\n") {
			if w := textWidth(line); w > maxWidth {
				t.Errorf("wlp %s: a line of %d columns:\n%s", strings.Join(argv, " "), w, line)
			}
		}
	}
}
