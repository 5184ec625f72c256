package report

import (
	"html/template"
	"io"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// PersonReport is one person against a role or job, as the person report
// shows it: the fit and its grade, how the requirements (and, for a job,
// the roles) add up to the fit, the gaps in the order that would raise
// the fit most, a development plan and a radar chart. [NewPersonReport]
// fills it in; [PersonReport.WriteHTML] writes it as one HTML page.
//
// It is plain data with no hidden state: every name the page shows is in
// it, so a program may edit it (add notes, say) before writing it, or
// send it as JSON to a page of its own.
type PersonReport struct {
	// Framework is the name of the framework the person is scored in.
	Framework string `json:"framework"`
	// Version is the framework's version, if it states one.
	Version string `json:"version,omitempty"`
	// Target is the role or job the person is scored against.
	Target role.ID `json:"target"`
	// Kind says whether Target is a role or a job.
	Kind match.Kind `json:"kind"`
	// TargetName is the role's name or the job's title.
	TargetName string `json:"targetName"`
	// Summary says what the role or job is, in the framework's words.
	Summary string `json:"summary,omitempty"`
	// Profile is the person's profile ID.
	Profile string `json:"profile"`
	// Name is the person's name, if the profile gives one.
	Name string `json:"name,omitempty"`
	// Fit is the person's fit for the target, from 0 to 1, as
	// match.Matcher.Score gives it.
	Fit float64 `json:"fit"`
	// Confidence is the fit's grade.
	Confidence match.Confidence `json:"confidence"`
	// Combined names the policy by which the caller merged the person's
	// reviews into the ratings before scoring, as [match.Result.Combined]
	// does: NewPersonReport leaves it empty, and a caller that merged
	// reviews sets it, so that the page says so.
	Combined profile.Policy `json:"combined,omitempty"`
	// Reviews counts the reviews the profile carries (a 360-degree
	// review); the page says whether they were combined.
	Reviews int `json:"reviews,omitempty"`
	// Parts lists, for a job, each role it blends and what that role adds
	// to the fit; it is empty for a role.
	Parts []Part `json:"parts"`
	// Requirements lists every requirement and how the person meets it:
	// the target's own first (a role's, or a job's own), then each part's,
	// in the target's order.
	Requirements []Requirement `json:"requirements"`
	// Gaps lists the unmet requirements in development order: the one
	// whose meeting would raise the fit most first.
	Gaps []Gap `json:"gaps"`
	// Plan lists the development plan's steps, in order.
	Plan []Step `json:"plan"`
	// Reached reports whether the plan reaches the grade it was made for.
	Reached bool `json:"reached"`
	// Radar is the person's radar chart against the target.
	Radar Radar `json:"radar"`
	// Levels names the levels of the framework's scale, indexed by level.
	Levels []string `json:"levels"`
	// Notes lists lines of text the page shows under its summary, such
	// as where raters disagree. NewPersonReport leaves it empty.
	Notes []string `json:"notes,omitempty"`
}

// Part is one role of a job and what it adds to the person's fit for the
// job: a [match.Part] with the role named and its share worked out, for
// display.
type Part struct {
	// Role is the role's ID.
	Role role.ID `json:"role"`
	// Name is the role's name.
	Name string `json:"name"`
	// Weight is the role's weight in the job.
	Weight float64 `json:"weight"`
	// Share is the role's fraction of the job's total weight (its roles'
	// and its own requirements'), so that the role adds Share × Fit to the
	// job's fit.
	Share float64 `json:"share"`
	// Fit is the person's fit for the role alone.
	Fit float64 `json:"fit"`
	// Confidence is that fit's grade.
	Confidence match.Confidence `json:"confidence"`
}

// Requirement is one requirement of a role or job and how a person meets
// it.
type Requirement struct {
	// Part is the role of a job the requirement belongs to, or empty for
	// the target's own.
	Part role.ID `json:"part,omitempty"`
	// Label names the requirement in full, as [RequirementLabel] does: a
	// group names every competency and area it lists.
	Label string `json:"label"`
	// Of lists the competency or area IDs of the requirement.
	Of []competency.ID `json:"of"`
	// AtLeast is how many of Of must reach Need; 0 means all of them.
	AtLeast int `json:"atLeast,omitempty"`
	// Need is the level the requirement asks for.
	Need competency.Level `json:"need"`
	// Have is the person's level: for a group, the k-th best among Of.
	Have competency.Level `json:"have"`
	// Rated reports whether the profile rates any ID of Of; an unrated
	// requirement counts as level 0.
	Rated bool `json:"rated"`
	// Score is the requirement's attainment, from 0 to 1.
	Score float64 `json:"score"`
	// Weight is the requirement's weight in its role or job.
	Weight float64 `json:"weight"`
	// Share is the requirement's fraction of the total weight of its role
	// (or, for a job's own requirement, of the job), so that it adds
	// Share × Score to that fit.
	Share float64 `json:"share"`
	// Met reports whether the requirement is fully met.
	Met bool `json:"met"`
}

// Gap is an unmet requirement and what meeting it would add to the fit:
// a [match.Gap] with its part and requirement named, for display.
type Gap struct {
	// Part is the role of a job the requirement belongs to, or empty for
	// the target's own.
	Part role.ID `json:"part,omitempty"`
	// PartName is the role's name, or empty for the target's own.
	PartName string `json:"partName,omitempty"`
	// Label names the requirement in full, as [RequirementLabel] does.
	Label string `json:"label"`
	// Of lists the competency or area IDs of the requirement.
	Of []competency.ID `json:"of"`
	// AtLeast is how many of Of must reach Need; 0 means all of them.
	AtLeast int `json:"atLeast,omitempty"`
	// Have is the level reached (for a group, the k-th best among Of).
	Have competency.Level `json:"have"`
	// Need is the level the requirement asks for.
	Need competency.Level `json:"need"`
	// Gain is how much the target's fit would rise if this requirement
	// alone were fully met.
	Gain float64 `json:"gain"`
}

// Step is one step of a development plan: raise one competency or area
// from one level to another. It is a [match.Step] with the competency
// named, for display.
type Step struct {
	// ID is the competency or area to develop.
	ID competency.ID `json:"id"`
	// Name is its name.
	Name string `json:"name"`
	// From is the level before the step.
	From competency.Level `json:"from"`
	// To is the level the step reaches.
	To competency.Level `json:"to"`
	// Gain is how much the step raises the fit.
	Gain float64 `json:"gain"`
	// Fit is the fit after this step and the ones before it.
	Fit float64 `json:"fit"`
	// Confidence is the grade after this step.
	Confidence match.Confidence `json:"confidence"`
}

// NewPersonReport scores p against target, a role or job of m's
// framework, and fills in the person report: p's result (see
// match.Matcher.Score), a development plan (match.Matcher.Plan with
// opts) and a radar chart (NewRadar).
//
// Without opts the plan runs until the fit is strong (match.High), or,
// for a person already that strong, until every requirement is met; opts
// replace that rule (pass match.Until, match.MaxSteps or match.MaxRaise).
// Only p's ratings count, never its reviews: merge them first with
// profile.Profile.Combine and set the report's Combined field to say so.
//
// The error starts "report: " for a nil Matcher or a target that is
// neither a role nor a job (it then wraps match.ErrUnknownTarget);
// errors from scoring come from package match as they are.
//
// It costs one match.Matcher.Score, one match.Matcher.Plan and one
// NewRadar for one person, plus time and memory linear in the target's
// requirements and the IDs they list.
func NewPersonReport(m *match.Matcher, p profile.Profile, target role.ID, opts ...match.PlanOption) (PersonReport, error) {
	f, err := matcherFramework(m, "NewPersonReport")
	if err != nil {
		return PersonReport{}, err
	}
	name, summary, kind, err := targetInfo(f, target)
	if err != nil {
		return PersonReport{}, err
	}
	res, err := m.Score(p, target)
	if err != nil {
		return PersonReport{}, err
	}
	if len(opts) == 0 && res.Confidence >= match.High {
		opts = []match.PlanOption{match.Until(match.Exact)}
	}
	plan, err := m.Plan(p, target, opts...)
	if err != nil {
		return PersonReport{}, err
	}
	radar, err := NewRadar(f, target, []profile.Profile{p}, ScoreWith(m))
	if err != nil {
		return PersonReport{}, err
	}
	blankNames(radar.People)
	r := PersonReport{
		Framework: f.Name(), Version: f.Version(),
		Target: target, Kind: kind, TargetName: name, Summary: summary,
		Profile: p.ID, Name: p.Name,
		Fit: res.Fit, Confidence: res.Confidence,
		Reviews:      len(p.Reviews),
		Parts:        []Part{},
		Requirements: []Requirement{},
		Gaps:         []Gap{},
		Plan:         []Step{},
		Reached:      plan.Reached,
		Radar:        radar,
		Levels:       scaleNames(f),
	}

	// Shares: a role's requirement of its role's total weight; a job's own
	// requirement and a role of a job of the job's total weight.
	total := 0.0
	for _, o := range res.Outcomes {
		total += o.Weight
	}
	for _, pt := range res.Parts {
		total += pt.Weight
	}
	r.Requirements = appendRequirements(r.Requirements, f, p, "", res.Outcomes, total)
	for _, pt := range res.Parts {
		r.Parts = append(r.Parts, Part{Role: pt.Role, Name: roleTitle(f, pt.Role), Weight: pt.Weight, Share: pt.Share,
			Fit: pt.Result.Fit, Confidence: pt.Result.Confidence})
		sum := 0.0
		for _, o := range pt.Result.Outcomes {
			sum += o.Weight
		}
		r.Requirements = appendRequirements(r.Requirements, f, p, pt.Role, pt.Result.Outcomes, sum)
	}
	for _, g := range res.Gaps {
		gap := Gap{Part: g.Part, Label: RequirementLabel(f, g.Of, g.AtLeast), Of: g.Of, AtLeast: g.AtLeast,
			Have: g.Have, Need: g.Need, Gain: g.Gain}
		if g.Part != "" {
			gap.PartName = roleTitle(f, g.Part)
		}
		r.Gaps = append(r.Gaps, gap)
	}
	for _, s := range plan.Steps {
		r.Plan = append(r.Plan, Step{ID: s.ID, Name: idTitle(f, s.ID), From: s.From, To: s.To, Gain: s.Gain, Fit: s.Fit, Confidence: s.Confidence})
	}
	return r, nil
}

// appendRequirements appends a Requirement for each of the outcomes of part, its
// share taken of total.
func appendRequirements(rs []Requirement, f *wlp.Framework, p profile.Profile, part role.ID, outcomes []match.Outcome, total float64) []Requirement {
	for _, o := range outcomes {
		share := 0.0
		if total > 0 {
			share = o.Weight / total
		}
		rs = append(rs, Requirement{Part: part, Label: RequirementLabel(f, o.Of, o.AtLeast), Of: o.Of, AtLeast: o.AtLeast,
			Need: o.Need, Have: o.Have, Rated: ratesAny(p, o.Of), Score: o.Score, Weight: o.Weight, Share: share, Met: o.Met})
	}
	return rs
}

// WriteHTML writes the report as one self-contained HTML page: inline
// style, the chart as inline SVG, no script and no link to anything
// outside the page. The page reads the same aloud as it shows (headings,
// captioned tables, the chart's text alternative) and prints cleanly.
// The same report always gives the same bytes.
//
// It costs time and memory linear in the report: its requirements, gaps,
// plan steps and the chart (see Radar.WriteSVG). The error starts
// "report: "; w is written once, with the whole page, or not at all
// when the page cannot be made.
func (r PersonReport) WriteHTML(w io.Writer) error {
	v, err := r.view()
	if err != nil {
		return err
	}
	return writeReport(w, "person", v)
}

// personView is the person report ready for its template: every number
// put in words.
type personView struct {
	pageView
	Fit, Grade, GradeClass string
	Met                    string   // "31 of 36 requirements met"
	MetBig, MetWhat        string   // the same on a card: "31 of 36", "requirements met"
	GapsBig, GapsWhat      string   // "5", "gaps to close"
	Unrated                string   // which requirements count as level 0, unrated
	First                  string   // the first gap to close
	Notes                  []string // reviews combined, and the caller's notes
	Chart                  template.HTML
	ChartCaption           string
	Job                    bool
	Adds                   []addRow // how the fit adds up
	Total                  string   // the fit, the sum of Adds
	Blocks                 []reqBlock
	Gaps                   []gapRow
	Plan                   []stepRow
	PlanNow, PlanEnd       string
	GradeNote              string
}

// addRow is one row of "how the fit adds up": a role of a job or a
// requirement, what it could add (Room) and what it adds.
type addRow struct {
	Kind, Name, Weight, Share, Score, Grade, GradeClass, Adds string
	Need, Have, Class                                         string // for a requirement of a role
	Room, Got                                                 string // bar widths, of 100
}

// reqBlock is one table of requirements: a role's, or a job's own.
type reqBlock struct {
	Heading, Caption string
	Rows             []reqRow
}

// reqRow is one requirement in a reqBlock.
type reqRow struct {
	Label, Need, Have, Score, Weight, Status, Class string
}

// gapRow is one gap.
type gapRow struct {
	N, Label, For, Have, Need, Gain, Bar string
}

// stepRow is one step of the plan.
type stepRow struct {
	N, Name, From, To, Gain, Fit, Grade, GradeClass, Bar string
}

// view puts r in words for its template.
func (r PersonReport) view() (personView, error) {
	who := displayName(r.Profile, r.Name)
	target := r.TargetName
	if target == "" {
		target = string(r.Target)
	}
	kind := fmtKind(r.Kind)
	v := personView{
		pageView: newPageView("Person report", r.Framework, r.Version, who, "against the "+kind+" "+target, r.Summary,
			who+" against "+target+" · "+r.Framework, r.Levels),
		Fit: percent(r.Fit), Grade: r.Confidence.Word(), GradeClass: gradeCSS(r.Confidence),
		Job: r.Kind == match.KindJob, Total: percent(r.Fit), GradeNote: gradeNoteText,
	}

	met, unrated := 0, 0
	for _, q := range r.Requirements {
		if q.Met {
			met++
		}
		if !q.Rated {
			unrated++
		}
	}
	v.Met = fmtNOf(met, len(r.Requirements), "requirement") + " met"
	v.MetBig, v.MetWhat = fmtInt(met)+" of "+fmtInt(len(r.Requirements)), "requirements met"
	v.GapsBig, v.GapsWhat = fmtInt(len(r.Gaps)), "gaps to close"
	if len(r.Gaps) == 1 {
		v.GapsWhat = "gap to close"
	}
	switch {
	case unrated == 1:
		v.Unrated = "No rating for 1 of them: it counts as level 0 (not demonstrated)."
	case unrated > 1:
		v.Unrated = "No rating for " + fmtInt(unrated) + " of them: they count as level 0 (not demonstrated)."
	}
	// A gap's level is "not rated" when its requirement is: whether a
	// profile rates any of a requirement's IDs depends on the IDs alone.
	unratedOf := make(map[string]bool)
	for _, q := range r.Requirements {
		if !q.Rated {
			unratedOf[idsKey(q.Of)] = true
		}
	}
	gapHave := func(g Gap) string { return fmtHave(r.Levels, g.Have, !unratedOf[idsKey(g.Of)]) }
	if len(r.Gaps) == 0 {
		v.First = "Nothing to close: every requirement is met."
	} else {
		g := r.Gaps[0]
		v.First = "Close first: " + g.Label + ", from " + gapHave(g) + " to " + fmtLevel(r.Levels, g.Need) + " (" + fmtPts(g.Gain) + ")."
	}
	if s := reviewsNote(r.Combined, r.Reviews); s != "" {
		v.Notes = append(v.Notes, s)
	}
	v.Notes = append(v.Notes, r.Notes...)

	chart, err := inlineChart(r.Radar)
	if err != nil {
		return personView{}, err
	}
	v.Chart = chart
	v.ChartCaption = "The levels " + who + " has against the levels the " + kind + " needs, requirement by requirement. The tables below give the same levels in numbers."

	// How the fit adds up: each bar's full length is the largest share.
	most := 0.0
	for _, pt := range r.Parts {
		most = max(most, pt.Share)
	}
	for _, q := range r.Requirements {
		if q.Part == "" {
			most = max(most, q.Share)
		}
	}
	bar := func(x float64) string {
		if most > 0 {
			return barWidth(x / most)
		}
		return "0"
	}
	if v.Job {
		for _, pt := range r.Parts {
			v.Adds = append(v.Adds, addRow{Kind: "role", Name: pt.Name, Weight: fmtWeight(pt.Weight), Share: fmtPct0(pt.Share),
				Score: percent(pt.Fit), Grade: pt.Confidence.Word(), GradeClass: gradeCSS(pt.Confidence),
				Adds: fmtPts(pt.Share * pt.Fit), Room: bar(pt.Share), Got: bar(pt.Share * pt.Fit)})
		}
	}
	own := reqBlock{Heading: "The " + kind + "'s requirements", Caption: "What " + target + " asks for, and the level " + who + " has"}
	if v.Job {
		own = reqBlock{Heading: "The job's own requirements", Caption: "What the job asks for beyond its roles, and the level " + who + " has"}
	}
	blocks := map[role.ID]int{}
	for _, q := range r.Requirements {
		if q.Part == "" {
			row := r.reqRow(q)
			v.Adds = append(v.Adds, addRow{Kind: "requirement", Name: q.Label, Weight: fmtWeight(q.Weight), Share: fmtPct0(q.Share),
				Score: fmtPct0(q.Score), Need: row.Need, Have: row.Have, Class: row.Class,
				Adds: fmtPts(q.Share * q.Score), Room: bar(q.Share), Got: bar(q.Share * q.Score)})
			own.Rows = append(own.Rows, row)
			continue
		}
		i, ok := blocks[q.Part]
		if !ok {
			name := string(q.Part)
			for _, pt := range r.Parts {
				if pt.Role == q.Part {
					name = pt.Name
				}
			}
			i = len(v.Blocks)
			blocks[q.Part] = i
			v.Blocks = append(v.Blocks, reqBlock{Heading: "Role: " + name, Caption: "What the role " + name + " asks for, and the level " + who + " has"})
		}
		v.Blocks[i].Rows = append(v.Blocks[i].Rows, r.reqRow(q))
	}
	if v.Job && len(own.Rows) > 0 {
		// A role's requirements are all in the table of what adds up;
		// a job's are listed part by part.
		v.Blocks = append([]reqBlock{own}, v.Blocks...)
	}

	most = 0
	for _, g := range r.Gaps {
		most = max(most, g.Gain)
	}
	for i, g := range r.Gaps {
		row := gapRow{N: fmtInt(i + 1), Label: g.Label, For: g.PartName, Have: gapHave(g), Need: fmtLevel(r.Levels, g.Need), Gain: fmtPts(g.Gain)}
		if row.For == "" {
			row.For = "the " + kind + " itself"
		}
		if most > 0 {
			row.Bar = barWidth(g.Gain / most)
		}
		v.Gaps = append(v.Gaps, row)
	}

	v.PlanNow = "Now: fit " + percent(r.Fit) + ", " + r.Confidence.Word() + "."
	for i, s := range r.Plan {
		v.Plan = append(v.Plan, stepRow{N: fmtInt(i + 1), Name: s.Name, From: fmtLevel(r.Levels, s.From), To: fmtLevel(r.Levels, s.To),
			Gain: fmtPts(s.Gain), Fit: percent(s.Fit), Grade: s.Confidence.Word(), GradeClass: gradeCSS(s.Confidence), Bar: barWidth(s.Fit)})
	}
	switch {
	case len(r.Plan) == 0 && r.Confidence == match.Exact:
		v.PlanEnd = "Every requirement is met: there is nothing to develop for this " + kind + "."
	case len(r.Plan) == 0:
		v.PlanEnd = "No step would raise the fit within the plan's limits."
	default:
		last := r.Plan[len(r.Plan)-1]
		v.PlanEnd = "After " + fmtCount(len(r.Plan), "step") + ": fit " + percent(last.Fit) + ", " + last.Confidence.Word() + "."
		if !r.Reached {
			v.PlanEnd += " The plan stops short of the grade it aimed for, within its limits."
		}
	}
	return v, nil
}

// reqRow puts one requirement in words.
func (r PersonReport) reqRow(q Requirement) reqRow {
	row := reqRow{Label: q.Label, Need: fmtLevel(r.Levels, q.Need), Have: fmtHave(r.Levels, q.Have, q.Rated),
		Score: fmtPct0(q.Score), Weight: fmtWeight(q.Weight), Status: "met", Class: "met"}
	if !q.Met {
		row.Status, row.Class = levelStatus(q.Need, q.Have, q.Rated)
	}
	return row
}

// idsKey joins ids into one string, to look a requirement up by its IDs.
func idsKey(ids []competency.ID) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(string(id))
		b.WriteByte(0)
	}
	return b.String()
}

// fmtHave names a level a person has, or says the requirement is not
// rated.
func fmtHave(names []string, l competency.Level, rated bool) string {
	if !rated {
		return "not rated (counts as 0)"
	}
	return fmtLevel(names, l)
}

// levelStatus says how far a level falls short of a need, and the class
// that colours it: "short by 1" (short-one), "short by 3" (short-more),
// or "not rated" (unrated).
func levelStatus(need, have competency.Level, rated bool) (string, string) {
	switch {
	case !rated:
		return "not rated", "unrated"
	case have >= need:
		return "met", "met"
	case need-have == 1:
		return "short by 1", "short-one"
	}
	return "short by " + fmtInt(int(need-have)), "short-more"
}

// fmtNOf says "3 of 5 requirements".
func fmtNOf(n, of int, noun string) string {
	return fmtInt(n) + " of " + fmtCount(of, noun)
}
