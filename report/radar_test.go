package report_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp/internal/testfix"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
	"github.com/wlpmodel/wlp/role"
)

// tiny loads testdata/tiny-framework.json, a framework small enough to
// work its charts out by hand: the job "host" blends two roles that both
// ask for listening, and adds a group of its own.
func tiny(t testing.TB) *wlp.Framework {
	t.Helper()
	return testfix.LoadFramework(t, "testdata/tiny-framework.json")
}

func rated(id, name string, levels map[competency.ID]competency.Level) profile.Profile {
	p := profile.Profile{ID: id, Name: name, Ratings: map[competency.ID]profile.Rating{}}
	for c, l := range levels {
		p.Ratings[c] = profile.Rating{Level: l}
	}
	return p
}

// TestNewRadar checks the chart's data against what the tiny framework
// asks for and what the matcher scores.
func TestNewRadar(t *testing.T) {
	f := tiny(t)
	m := match.New(f)
	kim := rated("kim", "Kim", map[competency.ID]competency.Level{"listening": 3, "talking": 5, "unknown-id": 5})
	ann := rated("ann", "", map[competency.ID]competency.Level{"listening": 5})
	fit := func(p profile.Profile, target role.ID) (float64, match.Confidence) {
		res, err := m.Score(p, target)
		if err != nil {
			t.Fatal(err)
		}
		return res.Fit, res.Confidence
	}
	person := func(p profile.Profile, target role.ID, levels ...competency.Level) report.Person {
		f, c := fit(p, target)
		return report.Person{Profile: p.ID, Name: p.Name, Fit: f, Confidence: c, Levels: levels}
	}
	team := func(ps []profile.Profile, target role.ID, levels ...competency.Level) *report.Team {
		tr, err := m.Team(ps, target)
		if err != nil {
			t.Fatal(err)
		}
		return &report.Team{Fit: tr.Result.Fit, Confidence: tr.Result.Confidence, Levels: levels}
	}
	listening := report.Axis{Label: "Listening", Of: []competency.ID{"listening"}, Need: 4}
	talking := report.Axis{Label: "Talking", Of: []competency.ID{"talking"}, Need: 3}
	either := report.Axis{Label: f.Label([]competency.ID{"listening", "talking"}, 1), Of: []competency.ID{"listening", "talking"}, AtLeast: 1, Need: 5}
	tests := []struct {
		name   string
		target role.ID
		people []profile.Profile
		opts   []report.Option
		want   report.Radar
	}{{
		name: "a role", target: "listener", people: []profile.Profile{kim},
		want: report.Radar{Target: "listener", Kind: match.KindRole, Name: "Listener",
			Axes: []report.Axis{listening}, People: []report.Person{person(kim, "listener", 3)}},
	}, {
		// The roles' two listening requirements make one axis at the
		// higher level; single requirements come in model order, the
		// group last.
		name: "a job", target: "host", people: []profile.Profile{kim, ann},
		want: report.Radar{Target: "host", Kind: match.KindJob, Name: "Host",
			Axes:   []report.Axis{listening, talking, either},
			People: []report.Person{person(kim, "host", 3, 5, 5), person(ann, "host", 5, 0, 5)}},
	}, {
		name: "a team", target: "talker", people: []profile.Profile{kim, ann}, opts: []report.Option{report.AsTeam()},
		want: report.Radar{Target: "talker", Kind: match.KindRole, Name: "Talker",
			Axes:   []report.Axis{{Label: "Listening", Of: []competency.ID{"listening"}, Need: 2}, talking},
			People: []report.Person{person(kim, "talker", 3, 5), person(ann, "talker", 5, 0)},
			Team:   team([]profile.Profile{kim, ann}, "talker", 5, 5)},
	}, {
		name: "nobody", target: "host",
		want: report.Radar{Target: "host", Kind: match.KindJob, Name: "Host",
			Axes: []report.Axis{listening, talking, either}, People: []report.Person{}},
	}, {
		name: "a team of nobody", target: "listener", opts: []report.Option{report.AsTeam()},
		want: report.Radar{Target: "listener", Kind: match.KindRole, Name: "Listener",
			Axes: []report.Axis{listening}, People: []report.Person{}, Team: team(nil, "listener", 0)},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := report.NewRadar(f, tt.target, tt.people, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("NewRadar (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNewRadarScoreWith checks that a chart scores with the Matcher it is
// given: strict credit gives no credit for listening at 3 of 4.
func TestNewRadarScoreWith(t *testing.T) {
	f := tiny(t)
	kim := rated("kim", "Kim", map[competency.ID]competency.Level{"listening": 3})
	var fits []float64
	for _, opts := range [][]report.Option{nil, {report.ScoreWith(match.New(f, match.Strict()))}} {
		r, err := report.NewRadar(f, "listener", []profile.Profile{kim}, opts...)
		if err != nil {
			t.Fatal(err)
		}
		fits = append(fits, r.People[0].Fit)
	}
	if diff := cmp.Diff([]float64{0.75, 0}, fits); diff != "" {
		t.Errorf("fits with partial and strict credit (-want +got):\n%s", diff)
	}
}

// TestNewRadarErrors checks the errors: an unknown target is report's,
// a team sharing a profile ID is the matcher's.
func TestNewRadarErrors(t *testing.T) {
	f := tiny(t)
	kim := rated("kim", "Kim", nil)
	tests := []struct {
		name    string
		target  role.ID
		people  []profile.Profile
		opts    []report.Option
		msg     string
		unknown bool
	}{
		{"unknown target", "chef", []profile.Profile{kim}, nil, `report: unknown target "chef": not a role or job of framework "tiny"`, true},
		{"unknown target, nobody", "", nil, nil, `report: unknown target "": not a role or job of framework "tiny"`, true},
		{"an ID twice in a team", "host", []profile.Profile{kim, kim}, []report.Option{report.AsTeam()}, `match: profile ID "kim" appears twice in the team`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := report.NewRadar(f, tt.target, tt.people, tt.opts...)
			if err == nil {
				t.Fatal("no error")
			}
			got := struct {
				Msg     string
				Unknown bool
			}{err.Error(), errors.Is(err, match.ErrUnknownTarget)}
			want := struct {
				Msg     string
				Unknown bool
			}{tt.msg, tt.unknown}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWriteSVG draws charts of every shape, hand-made ones included, and
// checks that each is an SVG document whose text says what it should,
// escaped as XML needs; and that levels that do not match the axes are an
// error, with nothing written.
func TestWriteSVG(t *testing.T) {
	f := tiny(t)
	odd := rated("odd", "<Kim> & \"Co\"\x00\u202e", map[competency.ID]competency.Level{"listening": 9, "talking": -3})
	lee := rated("lee", "", map[competency.ID]competency.Level{"listening": 2})
	chart := func(target role.ID, ps []profile.Profile, opts ...report.Option) report.Radar {
		r, err := report.NewRadar(f, target, ps, opts...)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	noted := chart("listener", []profile.Profile{lee})
	noted.Notes = []string{"raters disagree on <listening>"}
	tests := []struct {
		name  string
		r     report.Radar
		texts []string // in the document's text, in order
	}{
		{"one person", chart("host", []profile.Profile{odd}),
			[]string{"<Kim> & \"Co\"\uFFFD\u202e: fit", "against Host (job host)", "Listening", "need 4 · has 5"}},
		{"two people", chart("talker", []profile.Profile{odd, lee}),
			[]string{"Talker: 2 people", "role talker; each person's fit is in the legend", "Required level for Talker", "lee: fit 50.0%, no confidence"}},
		{"a team of one", chart("listener", []profile.Profile{lee}, report.AsTeam()),
			[]string{"Listener: a team of 1 person, team fit 50.0%", "The team, each member's best level: fit 50.0%, no confidence", "lee: fit 50.0%"}},
		{"notes", noted, []string{"lee: fit 50.0%", "raters disagree on <listening>"}},
		{"no axes, nobody", report.Radar{Name: "Nothing"}, []string{"Nothing: 0 people"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.r.WriteSVG(&b); err != nil {
				t.Fatal(err)
			}
			text := testfix.SVGText(t, b.Bytes())
			var missing []string
			rest := text
			for _, want := range tt.texts {
				i := strings.Index(rest, want)
				if i < 0 {
					missing = append(missing, want)
					continue
				}
				rest = rest[i+len(want):]
			}
			if diff := cmp.Diff([]string(nil), missing); diff != "" {
				t.Errorf("text missing or out of order (-want +got):\n%s\nin %q", diff, text)
			}
		})
	}

	bad := chart("host", []profile.Profile{lee}, report.AsTeam())
	bad.People[0].Levels = bad.People[0].Levels[:1]
	badTeam := chart("host", nil, report.AsTeam())
	badTeam.Team.Levels = nil
	for _, tt := range []struct {
		r   report.Radar
		msg string
	}{
		{bad, `report: person 0 (profile "lee") has 1 levels for 3 axes`},
		{badTeam, "report: the team has 0 levels for 3 axes"},
	} {
		var b bytes.Buffer
		err := tt.r.WriteSVG(&b)
		got := []string{b.String(), "<nil>"}
		if err != nil {
			got[1] = err.Error()
		}
		if diff := cmp.Diff([]string{"", tt.msg}, got); diff != "" {
			t.Errorf("WriteSVG of mismatched levels: output and error (-want +got):\n%s", diff)
		}
	}
}

// TestWriteSVGWriteError checks that WriteSVG returns the writer's error.
func TestWriteSVGWriteError(t *testing.T) {
	r, err := report.NewRadar(tiny(t), "listener", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := errors.New("disk full")
	if got := r.WriteSVG(failingWriter{want}); !errors.Is(got, want) {
		t.Errorf("WriteSVG returned %v, want %v", got, want)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// TestSameAsCommand checks that a Go program draws the chart README shows,
// docs/chart.svg, byte for byte: the command draws it with this package.
func TestSameAsCommand(t *testing.T) {
	dana := testfix.LoadProfile(t, "../examples/data/dana.json")
	r, err := report.NewRadar(wlp.Default(), role.CLO, []profile.Profile{dana})
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := r.WriteSVG(&got); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../docs/chart.svg")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("the chart differs from docs/chart.svg (-want +got):\n%s", diff)
	}
}
