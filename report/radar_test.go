package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/browsertest"
	"github.com/wlpmodel/wlp/internal/testfix"
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
		return &report.Team{Fit: tr.Result.Fit, Confidence: tr.Result.Confidence, Levels: levels, Members: len(ps)}
	}
	listening := report.Axis{Label: "Listening", Of: []competency.ID{"listening"}, Need: 4}
	talking := report.Axis{Label: "Talking", Of: []competency.ID{"talking"}, Need: 3}
	either := report.Axis{Label: "Listening or Talking (either)", Of: []competency.ID{"listening", "talking"}, AtLeast: 1, Need: 5,
		Group: "any 1 of 2 foundational competencies", Names: []string{"Listening", "Talking"}}
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
			[]string{"Talker: 2 people", "role talker; each person's fit is in the legend", "Required level for Talker", "lee: fit 50.0% (weak)"}},
		{"a team of one", chart("listener", []profile.Profile{lee}, report.AsTeam()),
			[]string{"Listener: a team of 1 person, team fit 50.0%", "The team, each member's best level: fit 50.0% (weak)", "lee: fit 50.0%"}},
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

// TestRequirementLabel checks that requirements are named by what they
// list: a group names its members, two of them in words, more after how
// many of what.
func TestRequirementLabel(t *testing.T) {
	f := wlp.Default()
	tests := []struct {
		name    string
		of      []competency.ID
		atLeast int
		want    string
	}{
		{"one competency", []competency.ID{competency.BuildingTrust}, 0, "Building trust"},
		{"one unknown ID", []competency.ID{"juggling"}, 0, "juggling"},
		{"both of two", []competency.ID{aoe.Coaching, aoe.DesigningLearning}, 0, "Coaching and Designing learning (both)"},
		{"both of two, counted", []competency.ID{aoe.Coaching, aoe.DesigningLearning}, 2, "Coaching and Designing learning (both)"},
		{"either of two", []competency.ID{aoe.Coaching, competency.BuildingTrust}, 1, "Coaching or Building trust (either)"},
		{"any of three areas", []competency.ID{aoe.Coaching, aoe.DesigningLearning, aoe.DeliveringTraining}, 2,
			"any 2 of 3 areas of expertise: Coaching, Designing learning, Delivering training"},
		{"all of three, mixed, one unknown", []competency.ID{competency.BuildingTrust, aoe.Coaching, "juggling"}, 0,
			"all 3 listed competencies and areas: Building trust, Coaching, juggling"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, report.RequirementLabel(f, tt.of, tt.atLeast)); diff != "" {
				t.Errorf("RequirementLabel (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRadarJSON checks that a chart's JSON form reads back as the same
// chart, the names of its groups included.
func TestRadarJSON(t *testing.T) {
	f := tiny(t)
	kim := rated("kim", "Kim", map[competency.ID]competency.Level{"listening": 3, "talking": 5})
	ann := rated("ann", "", map[competency.ID]competency.Level{"listening": 5})
	want, err := report.NewRadar(f, "host", []profile.Profile{kim, ann}, report.AsTeam())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got report.Radar
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the chart read back from %s (-want +got):\n%s", b, diff)
	}
	if diff := cmp.Diff([]string{"Listening", "Talking"}, got.Axes[2].Names); diff != "" {
		t.Errorf("the group's names (-want +got):\n%s", diff)
	}
}

// crowd returns n people rated in the tiny framework, their levels
// spread over the scale.
func crowd(n int) []profile.Profile {
	ps := make([]profile.Profile, n)
	for i := range ps {
		ps[i] = rated(fmt.Sprintf("p%02d", i), fmt.Sprintf("Person %d", i+1), map[competency.ID]competency.Level{
			"listening": competency.Level(i % 6), "talking": competency.Level(5 - i%4)})
	}
	return ps
}

// element is an element of an SVG document with the classes of it and of
// the groups around it.
type element struct {
	name    string
	attrs   map[string]string
	classes []string
}

// elements returns the elements of an SVG document, in order.
func elements(t *testing.T, doc []byte) []element {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var els []element
	var stack [][]string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return els
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			var classes []string
			if len(stack) > 0 {
				classes = slices.Clone(stack[len(stack)-1])
			}
			e := element{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
				if a.Name.Local == "class" {
					classes = append(classes, strings.Fields(a.Value)...)
				}
			}
			e.classes = classes
			stack = append(stack, classes)
			els = append(els, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// shapes counts what a chart draws: its elements of each class, the
// people's outlines ("outline") and the other polygons of the chart
// ("polygon": rings, required levels, the team's band, the median).
func shapes(els []element) map[string]int {
	n := map[string]int{}
	for _, e := range els {
		if c := e.attrs["class"]; c != "" {
			n[c]++
		}
		switch {
		case e.name != "polygon" || slices.Contains(e.classes, "wlp-legend"):
		case slices.Contains(e.classes, "wlp-person"):
			if e.attrs["stroke-width"] == "2.5" {
				n["outline"]++
			}
		default:
			n["polygon"]++
		}
	}
	return n
}

// TestWriteSVGShapes checks what a chart draws for each size of target
// and team: a radar for three axes or more, bars for fewer (no polygon
// at all); each of up to 12 people drawn alone; and past 12, bands of how
// the people spread, said so in the legend and the description.
func TestWriteSVGShapes(t *testing.T) {
	f := tiny(t)
	chart := func(target role.ID, ps []profile.Profile, opts ...report.Option) report.Radar {
		r, err := report.NewRadar(f, target, ps, opts...)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		name  string
		r     report.Radar
		want  map[string]int
		texts []string // in the document's text
	}{
		{"1 axis, 1 person", chart("listener", crowd(1)),
			map[string]int{"wlp-bars": 1, "wlp-need": 2, "wlp-person": 1, "wlp-bar": 1, "wlp-legend": 1},
			[]string{"one row per requirement, as bars", "Listening need 4 · has 0"}},
		{"2 axes, a team of 3", chart("talker", crowd(3), report.AsTeam()),
			map[string]int{"wlp-bars": 1, "wlp-need": 4, "wlp-team": 2, "wlp-person": 6, "wlp-bar": 6, "wlp-legend": 1},
			[]string{"Talker: a team of 3 people", "Person 3: fit"}},
		{"2 axes, 20 people", chart("talker", crowd(20), report.AsTeam()),
			map[string]int{"wlp-bars": 1, "wlp-need": 4, "wlp-team": 2, "wlp-spread": 4, "wlp-median": 2, "wlp-legend": 1},
			[]string{"are too many to draw one by one", "Lowest to highest level of the 20 people", "The median level", "The 20 people, each with their fit: Person 1 "}},
		{"3 axes, 2 people", chart("host", crowd(2)),
			map[string]int{"wlp-radar": 1, "wlp-need": 1, "wlp-person": 2, "wlp-legend": 1, "polygon": 5 + 1, "outline": 2},
			[]string{"one axis per requirement of the job and its roles", "Person 2: fit"}},
		{"3 axes, 12 people", chart("host", crowd(12), report.AsTeam()),
			map[string]int{"wlp-radar": 1, "wlp-need": 1, "wlp-team": 1, "wlp-person": 12, "wlp-legend": 1, "polygon": 5 + 2, "outline": 12},
			[]string{"Person 12: fit"}},
		{"3 axes, 13 people", chart("host", crowd(13), report.AsTeam()),
			map[string]int{"wlp-radar": 1, "wlp-need": 2, "wlp-team": 1, "wlp-spread": 2, "wlp-median": 1, "wlp-legend": 1, "polygon": 5 + 4},
			[]string{"Host: a team of 13 people", "each person's own fit is listed under the legend", "The middle half of them", "Person 13 "}},
		{"no axes, nobody", report.Radar{Name: "Nothing"},
			map[string]int{"wlp-bars": 1, "wlp-legend": 1}, []string{"Nothing: 0 people"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.r.WriteSVG(&b); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, shapes(elements(t, b.Bytes()))); diff != "" {
				t.Errorf("shapes drawn (-want +got):\n%s", diff)
			}
			text := testfix.SVGText(t, b.Bytes())
			for _, want := range tt.texts {
				if !strings.Contains(text, want) {
					t.Errorf("the text lacks %q: %q", want, text)
				}
			}
		})
	}
}

// TestWriteSVGPeopleApart checks that on a chart of 8 and of 12 people
// no two people are drawn alike: each has a colour and line pattern of
// their own (markers differ too; see the package's own test of styles).
func TestWriteSVGPeopleApart(t *testing.T) {
	f := tiny(t)
	for _, n := range []int{8, 12} {
		r, err := report.NewRadar(f, "host", crowd(n))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := r.WriteSVG(&b); err != nil {
			t.Fatal(err)
		}
		// A person's group holds their outline first.
		styles := map[string]bool{}
		els := elements(t, b.Bytes())
		for i, e := range els {
			if e.attrs["class"] != "wlp-person" || i+1 >= len(els) {
				continue
			}
			styles[e.attrs["stroke"]+" "+els[i+1].attrs["stroke-dasharray"]] = true
		}
		if diff := cmp.Diff(n, len(styles)); diff != "" {
			t.Errorf("%d people: distinct colour and line pattern pairs (-want +got):\n%s\n%v", n, diff, styles)
		}
	}
}

// TestWriteSVGGroupLabels checks that a group is named by its members: on
// the chart as far as they fit, with a mark that leads to the whole list
// under the legend, and in full in the description.
func TestWriteSVGGroupLabels(t *testing.T) {
	dana := testfix.LoadProfile(t, "../examples/data/dana.json")
	r, err := report.NewRadar(wlp.Default(), role.CLO, []profile.Profile{dana})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	var desc, labels, key []string
	els := elements(t, b.Bytes())
	dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	var open []int // the indices in els of the elements open
	i := -1
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			i++
			open = append(open, i)
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			s := strings.TrimSpace(string(tok))
			if len(open) == 0 || s == "" {
				continue
			}
			switch e := els[open[len(open)-1]]; {
			case e.name == "desc":
				desc = append(desc, s)
			case e.name == "tspan" && slices.Contains(e.classes, "wlp-radar"):
				labels = append(labels, s)
			case e.name == "text" && !slices.Contains(e.classes, "wlp-radar") && strings.HasPrefix(s, "["):
				key = append(key, s)
			}
		}
	}
	areas := wlp.Default().Areas()
	var names []string
	for _, a := range areas {
		names = append(names, a.Name)
	}
	all := "(" + strings.Join(names, ", ") + ")"
	got := struct {
		Desc   []bool
		Labels []string
		Key    []string
	}{
		Desc: []bool{
			strings.Contains(desc[0], "any 7 of 9 areas of expertise "+all+": need 2"),
			strings.Contains(desc[0], "any 1 of 9 areas of expertise "+all+": need 5"),
		},
		Labels: labels[len(labels)-15:],
		Key:    key,
	}
	want := struct {
		Desc   []bool
		Labels []string
		Key    []string
	}{
		Desc: []bool{true, true},
		Labels: []string{
			"any 7 of 9 areas of", "expertise: Career", "planning and talent", "management and 8 more [1]", "need 2 · has 3",
			"any 10 of 12", "foundational", "competencies: Building", "trust and 11 more [2]", "need 4 · has 4",
			"any 1 of 9 areas of", "expertise: Career", "planning and talent", "management and 8 more [3]", "need 5 · has 4"},
		Key: []string{"[1] any 7 of 9 areas of expertise: Career planning and talent management, Coaching, Delivering training, Designing learning,",
			"[2] any 10 of 12 foundational competencies: Building trust, Communicating effectively, Influencing stakeholders, Leveraging diversity,",
			"[3] any 1 of 9 areas of expertise: Career planning and talent management, Coaching, Delivering training, Designing learning,"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the CLO chart's group labels (-want +got):\n%s", diff)
	}
}

// TestRenderShapes renders every shape of chart to PNG with rsvg-convert,
// when it is installed, to check that a real renderer accepts them: bars,
// a radar, one person, a team, and the spread of many people.
func TestRenderShapes(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		if os.Getenv("WLP_REQUIRE_RENDER") != "" {
			t.Fatal("WLP_REQUIRE_RENDER is set but rsvg-convert is not installed")
		}
		t.Skip("rsvg-convert is not installed (Debian: apt-get install librsvg2-bin); CI installs it and sets WLP_REQUIRE_RENDER")
	}
	f := tiny(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		target role.ID
		n      int
		opts   []report.Option
	}{
		{"listener", 1, nil}, {"talker", 3, []report.Option{report.AsTeam()}}, {"talker", 20, []report.Option{report.AsTeam()}},
		{"host", 12, nil}, {"host", 20, []report.Option{report.AsTeam()}},
	} {
		r, err := report.NewRadar(f, tt.target, crowd(tt.n), tt.opts...)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := r.WriteSVG(&b); err != nil {
			t.Fatal(err)
		}
		in, png := filepath.Join(dir, "chart.svg"), filepath.Join(dir, "chart.png")
		if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(rsvg, "-o", png, in).CombinedOutput(); err != nil {
			t.Fatalf("%s, %d people: rsvg-convert: %v\n%s", tt.target, tt.n, err, out)
		}
		got, err := os.ReadFile(png)
		if err != nil || !bytes.HasPrefix(got, []byte("\x89PNG")) {
			t.Errorf("%s, %d people: no PNG written (%v)", tt.target, tt.n, err)
		}
	}
}

// TestWriteSVGInline puts two charts inline in one HTML page, as the HTML
// reports do, one with its XML prolog and one without, and checks in a
// real browser that the page reports no problem, that both charts are
// laid out at their size, that nothing on the page has an ID to clash,
// and that the people are drawn as they should be.
func TestWriteSVGInline(t *testing.T) {
	f := tiny(t)
	var page bytes.Buffer
	page.WriteString("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Two charts</title></head><body>\n")
	for i, tt := range []struct {
		target role.ID
		n      int
	}{{"host", 3}, {"talker", 20}} {
		r, err := report.NewRadar(f, tt.target, crowd(tt.n), report.AsTeam())
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := r.WriteSVG(&b); err != nil {
			t.Fatal(err)
		}
		svg := b.Bytes()
		if i == 0 {
			svg = svg[bytes.Index(svg, []byte("<svg")):]
		}
		page.WriteString("<figure>")
		page.Write(svg)
		page.WriteString("</figure>\n")
	}
	page.WriteString("</body></html>\n")
	path := filepath.Join(t.TempDir(), "charts.html")
	if err := os.WriteFile(path, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.Start(t)
	console := browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(browsertest.FileURL(t, path)), chromedp.WaitReady("figure + figure svg")); err != nil {
		t.Fatal(err)
	}
	type look struct {
		Charts, Wide, IDs, Radars, Bars, People, Spread int
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[look](`(() => {
		const svgs = [...document.querySelectorAll('svg')];
		const n = sel => document.querySelectorAll(sel).length;
		return {
			Charts: svgs.length,
			Wide: svgs.filter(s => s.getBoundingClientRect().width >= 900).length,
			IDs: n('[id]'),
			Radars: n('svg .wlp-radar'),
			Bars: n('svg .wlp-bars'),
			People: n('svg .wlp-radar .wlp-person'),
			Spread: n('svg .wlp-bars .wlp-spread'),
		};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(look{Charts: 2, Wide: 2, IDs: 0, Radars: 1, Bars: 1, People: 3, Spread: 4}, got); diff != "" {
		t.Errorf("the page (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string(nil), console.Problems()); diff != "" {
		t.Errorf("console problems (-want +got):\n%s", diff)
	}
}
