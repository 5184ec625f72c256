package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// Radar is a radar chart of people against a role or job: what the chart
// shows, as data. [NewRadar] fills it in; [Radar.WriteSVG] draws it. Its
// JSON form is what `wlp chart -json` prints.
//
// A chart of one person without a team is drawn with that person in the
// title; a chart with a team (see [AsTeam]) or several people puts each
// person's fit in the legend.
type Radar struct {
	// Target is the role or job the people are charted against.
	Target role.ID `json:"target"`
	// Kind says whether Target is a role or a job.
	Kind match.Kind `json:"kind"`
	// Name is the role's name or the job's title.
	Name string `json:"name"`
	// Axes lists the chart's axes, one per requirement, clockwise from
	// the top.
	Axes []Axis `json:"axes"`
	// People lists the people charted, in the order given.
	People []Person `json:"people"`
	// Team is the team the people make together, or nil for a chart of
	// people alone.
	Team *Team `json:"team,omitempty"`
	// Notes lists lines of text to print under the legend, such as where
	// raters disagree. NewRadar leaves it empty; the JSON form leaves it
	// out.
	Notes []string `json:"-"`
}

// Axis is one axis of a chart: a requirement and the level it asks for.
type Axis struct {
	// Label names the requirement in full, as [RequirementLabel] does:
	// the competency's or area's name, or for a group how many of which,
	// naming each ("Coaching and Designing learning (both)", "any 7 of 9
	// areas of expertise: Career planning and talent management,
	// Coaching, ..."). A chart shortens a long group label with Group and
	// Names and lists it whole under the legend.
	Label string `json:"label"`
	// Of lists the competency or area IDs the requirement is about.
	Of []competency.ID `json:"of"`
	// AtLeast is how many IDs of Of must reach Need, or 0 for all of
	// them.
	AtLeast int `json:"atLeast,omitempty"`
	// Need is the level the requirement asks for.
	Need competency.Level `json:"need"`
	// Group says, for a requirement of several IDs, how many of what it
	// asks without naming them ("any 1 of 9 areas of expertise"), for
	// places too narrow for Label; it is empty for one ID.
	Group string `json:"group,omitempty"`
	// Names holds, for a requirement of several IDs, the name of each ID
	// of Of, in the same order; it is empty for one ID.
	Names []string `json:"names,omitempty"`
}

// Person is one person on a chart.
type Person struct {
	// Profile is the person's profile ID.
	Profile string `json:"profile"`
	// Name is the person's name, if the profile gives one.
	Name string `json:"name,omitempty"`
	// Fit is the person's fit for the target, as match.Matcher.Score
	// gives it.
	Fit float64 `json:"fit"`
	// Confidence is the fit's confidence grade.
	Confidence match.Confidence `json:"confidence"`
	// Levels holds the person's level on each axis, in the order of
	// Radar.Axes: the level of the axis's one ID, or for a group the k-th
	// best level among its IDs.
	Levels []competency.Level `json:"levels"`
}

// Team is the team the people on a chart make together, as
// match.Matcher.Team scores them: on each requirement the member
// strongest in it counts.
type Team struct {
	// Fit is the team's fit for the target.
	Fit float64 `json:"fit"`
	// Confidence is the team's confidence grade.
	Confidence match.Confidence `json:"confidence"`
	// Levels holds the team's level on each axis, in the order of
	// Radar.Axes: the level a person with every member's best level in
	// each ID would have.
	Levels []competency.Level `json:"levels"`
	// Members counts the team's members. NewRadar draws them all, so
	// it is len(Radar.People); a chart of a large team that draws only
	// some of them (as TeamReport's does) keeps the whole team's count
	// here, and its title says how many were drawn.
	Members int `json:"members"`
}

// An Option changes how NewRadar charts the people.
type Option func(*options)

type options struct {
	team    bool
	matcher *match.Matcher
}

// AsTeam charts the people as a team too: NewRadar fills in Radar.Team,
// and the chart draws it as a wide grey band with the team's fit in the
// title.
func AsTeam() Option {
	return func(o *options) { o.team = true }
}

// ScoreWith scores the people with m, a Matcher built on the framework
// given to NewRadar, instead of a Matcher NewRadar builds on each call. Use
// it to draw many charts of one framework, or to chart a Matcher's own
// scoring rules (such as match.Strict).
func ScoreWith(m *match.Matcher) Option {
	return func(o *options) { o.matcher = m }
}

// NewRadar charts people against target, a role or a job of f.
//
// It lays the target out on axes: one per requirement of a role. A job is
// charted on its own requirements plus every requirement of each role it
// blends, merged by what they are about (the same IDs and the same count)
// at the highest level any of them asks. That reads better than one axis
// per role: a radar needs one scale on every axis, and levels are what a
// person can see and develop, while a role's fit is a percentage that
// hides which competency falls short. The CLO job of the default model
// gives 21 axes this way. Single requirements come in the framework's
// model order, so that neighbouring axes are related competencies
// (clusters, then areas); groups follow, in the order the target lists
// them.
//
// Each person is scored against target, and gets a level on each axis.
// Ratings of IDs f does not know are ignored, as the matcher ignores them.
// With [AsTeam] the people are scored together as a team too, and two of
// them may not share a profile ID.
//
// The error starts "report: " and wraps match.ErrUnknownTarget when target
// is neither a role nor a job of f; errors from scoring come from package
// match as they are.
//
// NewRadar costs one match.Matcher.Score per person and, with AsTeam, one
// match.Matcher.Team, plus O((P + 1) × R log R) time and O(R + P × A)
// memory, where R counts the IDs the target's requirements list (its
// roles' included), A the axes and P the people; AsTeam adds time linear
// in the people's ratings. Without [ScoreWith] it builds a Matcher first,
// which costs O(size of f).
func NewRadar(f *wlp.Framework, target role.ID, people []profile.Profile, opts ...Option) (Radar, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	r := Radar{Target: target, Kind: match.KindRole, People: []Person{}}
	if ro, ok := f.Role(target); ok {
		r.Name = ro.Name
	} else if j, ok := f.Job(target); ok {
		r.Name, r.Kind = j.Title, match.KindJob
	} else {
		return Radar{}, fmt.Errorf("report: %w %s: not a role or job of framework %s",
			match.ErrUnknownTarget, problem.Quote(string(target)), problem.Quote(f.ID()))
	}
	m := o.matcher
	if m == nil {
		m = match.New(f)
	}
	r.Axes = axesOf(f, target)
	for _, p := range people {
		res, err := m.Score(p, target)
		if err != nil {
			return Radar{}, err
		}
		r.Kind = res.Kind
		person := Person{Profile: p.ID, Name: p.Name, Fit: res.Fit, Confidence: res.Confidence}
		for _, a := range r.Axes {
			person.Levels = append(person.Levels, levelOn(p, a))
		}
		r.People = append(r.People, person)
	}
	if o.team {
		t, err := teamOf(f, m, target, people, r.Axes)
		if err != nil {
			return Radar{}, err
		}
		r.Team = t
	}
	return r, nil
}

// teamOf returns the team people make on a chart of target: its fit and
// confidence from match.Matcher.Team, and on each axis the team's level,
// every member's best level per ID taken together as Team takes them (for
// a group axis, the k-th best of those best levels).
func teamOf(f *wlp.Framework, m *match.Matcher, target role.ID, people []profile.Profile, axes []Axis) (*Team, error) {
	tr, err := m.Team(people, target)
	if err != nil {
		return nil, err
	}
	best := profile.Profile{Ratings: map[competency.ID]profile.Rating{}}
	for _, p := range people {
		for id, r := range p.Ratings {
			if _, ok := f.NameOf(id); !ok {
				continue // as the matcher ignores it
			}
			if r.Level > best.Ratings[id].Level {
				best.Ratings[id] = profile.Rating{Level: r.Level}
			}
		}
	}
	t := &Team{Fit: tr.Result.Fit, Confidence: tr.Result.Confidence, Levels: []competency.Level{}, Members: len(people)}
	for _, a := range axes {
		t.Levels = append(t.Levels, levelOn(best, a))
	}
	return t, nil
}

// axesOf returns one axis per requirement of target, as NewRadar
// describes them.
func axesOf(f *wlp.Framework, target role.ID) []Axis {
	var reqs []role.Requirement
	if r, ok := f.Role(target); ok {
		reqs = r.Requirements
	} else if j, ok := f.Job(target); ok {
		reqs = j.Requirements
		for _, sh := range j.Roles {
			if r, ok := f.Role(sh.Role); ok {
				reqs = append(reqs, r.Requirements...)
			}
		}
	}
	var axes []Axis
	seen := map[string]int{}
	for _, q := range reqs {
		of := slices.Clone(q.Of)
		slices.Sort(of)
		key := fmt.Sprint(of, q.K())
		if i, ok := seen[key]; ok {
			axes[i].Need = max(axes[i].Need, q.Level)
			continue
		}
		atLeast := q.AtLeast
		if atLeast == len(q.Of) {
			atLeast = 0
		}
		seen[key] = len(axes)
		a := Axis{Label: RequirementLabel(f, q.Of, atLeast), Of: slices.Clone(q.Of), AtLeast: atLeast, Need: q.Level}
		if len(q.Of) > 1 {
			a.Group, a.Names = f.Label(q.Of, atLeast), namesOf(f, q.Of)
		}
		axes = append(axes, a)
	}
	slices.SortStableFunc(axes, func(a, b Axis) int {
		ga, gb := len(a.Of) > 1, len(b.Of) > 1
		switch {
		case ga && gb:
			return 0
		case ga != gb:
			if ga {
				return 1
			}
			return -1
		}
		return cmp.Compare(f.Index(a.Of[0]), f.Index(b.Of[0]))
	})
	return axes
}

// levelOn returns p's level on an axis: the level of its one ID, or for a
// group the k-th best level among its IDs, as a result's outcome has it.
func levelOn(p profile.Profile, a Axis) competency.Level {
	ls := make([]competency.Level, len(a.Of))
	for i, id := range a.Of {
		ls[i] = min(max(p.Level(id), competency.MinLevel), competency.MaxLevel)
	}
	slices.SortFunc(ls, func(x, y competency.Level) int { return cmp.Compare(y, x) })
	k := a.AtLeast
	if k <= 0 || k > len(ls) {
		k = len(ls)
	}
	if k == 0 {
		return 0
	}
	return ls[k-1]
}

// RequirementLabel names a requirement of f for people to read: for one
// ID its name; for two, both names ("Coaching and Designing learning
// (both)", or "(either)" when one of them is enough); for more, how many
// of what the framework's Label says, followed by every name ("any 7 of 9
// areas of expertise: Career planning and talent management, Coaching,
// ..."). An ID f does not know is named by the ID itself. atLeast is the
// requirement's AtLeast: 0 (or len(of)) for all of them.
//
// It costs time and memory linear in the length of the names.
func RequirementLabel(f *wlp.Framework, of []competency.ID, atLeast int) string {
	if len(of) < 2 {
		return f.Label(of, atLeast)
	}
	names := namesOf(f, of)
	all := atLeast <= 0 || atLeast >= len(of)
	switch {
	case len(of) == 2 && all:
		return names[0] + " and " + names[1] + " (both)"
	case len(of) == 2:
		return names[0] + " or " + names[1] + " (either)"
	}
	return f.Label(of, atLeast) + ": " + strings.Join(names, ", ")
}

// namesOf returns the name of each ID of of, or the ID where f does not
// know it.
func namesOf(f *wlp.Framework, of []competency.ID) []string {
	names := make([]string, len(of))
	for i, id := range of {
		name, ok := f.NameOf(id)
		if !ok {
			name = string(id)
		}
		names[i] = name
	}
	return names
}
