package report

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// TeamReport is a team against a role or job, as the team report shows
// it: the team's fit, a skills matrix of every member's level on every
// requirement, the members ranked by their own fit, who covers each
// requirement, the team's gaps with whether to develop someone or hire,
// who wears which hat, and a radar chart of the team and its best
// members. [NewTeamReport] fills it in; [TeamReport.WriteHTML] writes it
// as one HTML page.
//
// It is plain data with no hidden state, like [PersonReport].
type TeamReport struct {
	// Framework is the name of the framework the team is scored in.
	Framework string `json:"framework"`
	// Version is the framework's version, if it states one.
	Version string `json:"version,omitempty"`
	// Target is the role or job the team is scored against.
	Target role.ID `json:"target"`
	// Kind says whether Target is a role or a job.
	Kind match.Kind `json:"kind"`
	// TargetName is the role's name or the job's title.
	TargetName string `json:"targetName"`
	// Summary says what the role or job is, in the framework's words.
	Summary string `json:"summary,omitempty"`
	// Fit is the team's fit, as match.Matcher.Team scores it: on each
	// requirement the strongest member counts.
	Fit float64 `json:"fit"`
	// Confidence is the team's grade.
	Confidence match.Confidence `json:"confidence"`
	// Combined names the policy by which the caller merged the reviews of
	// the members who had any, as [match.Result.Combined] does for a
	// team; NewTeamReport leaves it empty.
	Combined profile.Policy `json:"combined,omitempty"`
	// Columns lists the skills matrix's columns: the requirements, as the
	// radar chart lays them out on its axes (a job's requirements and its
	// roles', merged by what they ask at the highest level asked).
	Columns []Axis `json:"columns"`
	// Members lists the team's members ranked best first, as
	// match.Matcher.Rank ranks them: higher fit first, then lower profile
	// ID, then the order given.
	Members []Member `json:"members"`
	// Covers says, for each requirement of the target (its own first,
	// then each part's), the team's level and who brings it.
	Covers []Coverage `json:"covers"`
	// Gaps lists the requirements nobody on the team meets, in
	// development order, each with whether to develop a member or hire.
	Gaps []TeamGap `json:"gaps"`
	// Hats lists the roles handed out to the members for the best total
	// fit (match.Matcher.Assign): a job's roles, or the role itself.
	Hats []Hat `json:"hats"`
	// Radar is the chart of the team (as a band) and its best members:
	// at most MaxCharted of them, the first of Members.
	Radar Radar `json:"radar"`
	// Levels names the levels of the framework's scale, indexed by level.
	Levels []string `json:"levels"`
	// Notes lists lines of text the page shows under its summary, such
	// as where raters disagree. NewTeamReport leaves it empty.
	Notes []string `json:"notes,omitempty"`
}

// MaxCharted is how many members a team report's radar chart draws,
// besides the team: the best by their own fit. More polygons than this
// cover each other; the skills matrix shows everyone.
const MaxCharted = 5

// Member is one member of a team and their levels.
type Member struct {
	// Profile is the member's profile ID.
	Profile string `json:"profile"`
	// Name is the member's name, if the profile gives one.
	Name string `json:"name,omitempty"`
	// Fit is the member's own fit for the target.
	Fit float64 `json:"fit"`
	// Confidence is that fit's grade.
	Confidence match.Confidence `json:"confidence"`
	// Adds is how much the team's fit would fall without this member.
	Adds float64 `json:"adds"`
	// Levels holds the member's level on each column of the skills
	// matrix, in the order of TeamReport.Columns (for a group, the k-th
	// best level among its IDs).
	Levels []competency.Level `json:"levels"`
	// Rated reports, for each column, whether the member rates any of
	// its IDs; an unrated column counts as level 0.
	Rated []bool `json:"rated"`
}

// Coverage is one requirement, the team's level in it, and the members
// who hold that level (others may meet the need at a lower one).
type Coverage struct {
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
	// Need is the level the requirement asks for.
	Need competency.Level `json:"need"`
	// Have is the team's level: the best member's (for a group, the k-th
	// best of the members' best levels among Of).
	Have competency.Level `json:"have"`
	// Met reports whether the team meets the requirement.
	Met bool `json:"met"`
	// By lists the profile IDs of the members who bring the team's level,
	// in the order given; empty when nobody has any level in it.
	By []string `json:"by"`
}

// TeamGap is a requirement nobody on a team meets, and how to close it.
type TeamGap struct {
	Gap
	// Hire reports that nobody on the team is within match.ReachLevels
	// levels of the requirement, so only a hire closes the gap.
	Hire bool `json:"hire"`
	// Develop is the profile ID of the member closest to the requirement,
	// who could grow into it; empty when Hire is set.
	Develop string `json:"develop,omitempty"`
	// From is that member's level (for a group, their k-th best among
	// Of).
	From competency.Level `json:"from"`
}

// Hat is one role handed to one member of a team: a [match.Hat] with
// the role and the wearer named, for display.
type Hat struct {
	// Role is the role's ID.
	Role role.ID `json:"role"`
	// Name is the role's name.
	Name string `json:"name"`
	// Weight is the role's weight: its share weight in a job, else 1.
	Weight float64 `json:"weight"`
	// Profile is the profile ID of the member who wears it, or empty when
	// nobody is left to wear it.
	Profile string `json:"profile"`
	// Fit is that member's fit for the role (0 when nobody wears it).
	Fit float64 `json:"fit"`
}

// NewTeamReport scores people together as a team against target, a
// role or job of m's framework, and fills in the team report: the team's
// result and who covers what (match.Matcher.Team), its gaps with
// develop-or-hire (match.Matcher.TeamPlan), each member's own fit and
// levels (NewRadar), and the hats (match.Matcher.Assign with opts, such
// as match.MaxHats: for a job its roles, for a role the role itself).
//
// Only the people's ratings count, never their reviews: merge them first
// with profile.Profile.Combine and set the report's Combined field to
// say so. Two people may not share a profile ID. An empty team gives a
// report of an empty team.
//
// The error starts "report: " for a nil Matcher or a target that is
// neither a role nor a job (it then wraps match.ErrUnknownTarget);
// errors from scoring come from package match as they are.
//
// For P people and a target of S requirement IDs and A matrix columns,
// it costs one match.Matcher.Score per person, match.Matcher.Team (twice:
// once for the chart) and match.Matcher.TeamPlan, each O(P × S), and
// match.Matcher.Assign, which for a job of H roles is O(P × H) fits and
// O(H² × (P + H)) more; then a sort of the people, O(P log P), and
// O(P × A) memory for the matrix. All of it grows linearly with the team,
// but for the sort.
func NewTeamReport(m *match.Matcher, people []profile.Profile, target role.ID, opts ...match.AssignOption) (TeamReport, error) {
	f, err := matcherFramework(m, "NewTeamReport")
	if err != nil {
		return TeamReport{}, err
	}
	name, summary, kind, err := targetInfo(f, target)
	if err != nil {
		return TeamReport{}, err
	}
	tr, err := m.Team(people, target)
	if err != nil {
		return TeamReport{}, err
	}
	steps, err := m.TeamPlan(people, target)
	if err != nil {
		return TeamReport{}, err
	}
	a, err := m.Assign(people, []role.ID{target}, opts...)
	if err != nil {
		return TeamReport{}, err
	}
	radar, err := NewRadar(f, target, people, AsTeam(), ScoreWith(m))
	if err != nil {
		return TeamReport{}, err
	}
	if len(radar.People) != len(people) {
		return TeamReport{}, fmt.Errorf("report: NewTeamReport: the chart has %d people for a team of %d", len(radar.People), len(people))
	}
	r := TeamReport{
		Framework: f.Name(), Version: f.Version(),
		Target: target, Kind: kind, TargetName: name, Summary: summary,
		Fit: tr.Result.Fit, Confidence: tr.Result.Confidence,
		Columns: slices.Clone(radar.Axes),
		Members: make([]Member, 0, len(people)),
		Covers:  make([]Coverage, 0, len(tr.Covers)),
		Gaps:    make([]TeamGap, 0, len(steps)),
		Hats:    make([]Hat, 0, len(a.Hats)),
		Levels:  scaleNames(f),
	}
	if r.Columns == nil {
		r.Columns = []Axis{}
	}

	adds := make(map[string]float64, len(tr.Contributions))
	for _, c := range tr.Contributions {
		adds[c.Profile] = c.Loss
	}
	order := make([]int, len(people)) // people's indexes, best first
	for i, p := range people {
		order[i] = i
		pr := radar.People[i]
		mem := Member{Profile: p.ID, Name: p.Name, Fit: pr.Fit, Confidence: pr.Confidence, Adds: adds[p.ID],
			Levels: pr.Levels, Rated: make([]bool, len(r.Columns))}
		if mem.Levels == nil {
			mem.Levels = []competency.Level{}
		}
		for j, col := range r.Columns {
			mem.Rated[j] = ratesAny(p, col.Of)
		}
		r.Members = append(r.Members, mem)
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := r.Members[i], r.Members[j]
		return cmp.Or(cmp.Compare(b.Fit, a.Fit), strings.Compare(a.Profile, b.Profile))
	})
	ranked := make([]Member, len(order))
	charted := make([]Person, 0, min(len(order), MaxCharted))
	for k, i := range order {
		ranked[k] = r.Members[i]
		if k < MaxCharted {
			charted = append(charted, radar.People[i])
		}
	}
	r.Members = ranked
	r.Radar = radar
	r.Radar.People = charted
	blankNames(r.Radar.People)

	for _, c := range tr.Covers {
		cov := Coverage{Part: c.Part, Label: RequirementLabel(f, c.Of, c.AtLeast), Of: c.Of, AtLeast: c.AtLeast,
			Need: c.Need, Have: c.Have, Met: c.Met, By: c.By}
		if c.Part != "" {
			cov.PartName = roleTitle(f, c.Part)
		}
		if cov.By == nil {
			cov.By = []string{}
		}
		r.Covers = append(r.Covers, cov)
	}
	for _, s := range steps {
		g := s.Gap
		tg := TeamGap{Gap: Gap{Part: g.Part, Label: RequirementLabel(f, g.Of, g.AtLeast), Of: g.Of, AtLeast: g.AtLeast,
			Have: g.Have, Need: g.Need, Gain: g.Gain}, Hire: s.Hire, Develop: s.Develop, From: s.From}
		if g.Part != "" {
			tg.PartName = roleTitle(f, g.Part)
		}
		r.Gaps = append(r.Gaps, tg)
	}
	for _, h := range a.Hats {
		r.Hats = append(r.Hats, Hat{Role: h.Role, Name: roleTitle(f, h.Role), Weight: h.Weight, Profile: h.Profile, Fit: h.Fit})
	}
	return r, nil
}

// WriteHTML writes the report as one self-contained HTML page, as
// PersonReport.WriteHTML does. A team of hundreds stays readable: the
// skills matrix and the ranking scroll under headers that stay in view
// (and print whole), the chart draws the team and its best MaxCharted
// members only, and a requirement's list of who covers it names the
// first few and counts the rest.
//
// It costs time and memory linear in the report: O(P × A) for P members
// and A columns, plus its requirements, gaps, hats and chart; each cell
// of the matrix takes about 100 bytes of the page and each member about
// 550 more (the rows of the matrix and the ranking), so 500 people
// against the default model's largest target (21 columns) give a page
// of about 1.3 MB. The error starts "report: "; w is written once, with
// the whole page, or not at all when the page cannot be made.
func (r TeamReport) WriteHTML(w io.Writer) error {
	v, err := r.view()
	if err != nil {
		return err
	}
	return writeReport(w, "team", v)
}

// maxNamed is how many members a coverage row names before it counts the
// rest.
const maxNamed = 6

// teamView is the team report ready for its template.
type teamView struct {
	pageView
	Fit, Grade, GradeClass string
	MetBig, MetWhat        string
	PeopleBig, PeopleWhat  string
	GapsBig, GapsWhat      string
	Best, BestName         string // "Best alone: ", the name, ", fit 88.9% (strong)."
	Notes                  []string
	Chart                  template.HTML
	ChartCaption           string
	Job                    bool
	Matrix                 matrixView
	Ranking                []rankRow
	Covers                 []coverGroup
	Gaps                   []teamGapRow
	Hats                   []hatRow
	HatsTotal              string
	GradeNote              string
}

// rankRow is one member in the ranking.
type rankRow struct {
	N, Name, ID, Fit, Grade, GradeClass, Adds, Bar string
}

// coverGroup is the covers of one part: the target's own, or a role's.
type coverGroup struct {
	Heading string // empty for a role's own requirements
	Rows    []coverRow
}

// coverRow is one requirement's cover.
type coverRow struct {
	Label, Need, Have, Met, Class string
	By                            template.HTML // names, each in a bdi element
}

// teamGapRow is one of the team's gaps: Close says how to close it, and
// for a gap to develop, Who names the member and Close what they have.
type teamGapRow struct {
	N, Label, For, Have, Need, Gain, Close, Who string
	Hire                                        bool
}

// hatRow is one hat; Who is empty when nobody is left to wear it.
type hatRow struct {
	Role, Weight, Who, Fit string
}

// view puts r in words for its template.
func (r TeamReport) view() (teamView, error) {
	target := cmp.Or(r.TargetName, string(r.Target))
	kind := fmtKind(r.Kind)
	names := memberNames(r.Members)
	v := teamView{
		pageView: newPageView("Team report", r.Framework, r.Version, "A team of "+fmtPeople(len(r.Members)), "against the "+kind+" "+target, r.Summary,
			"Team against "+target+" · "+r.Framework, r.Levels),
		Fit: percent(r.Fit), Grade: r.Confidence.Word(), GradeClass: gradeCSS(r.Confidence),
		Job: r.Kind == match.KindJob, GradeNote: gradeNoteText,
	}
	met := 0
	for _, c := range r.Covers {
		if c.Met {
			met++
		}
	}
	v.MetBig, v.MetWhat = fmtInt(met)+" of "+fmtInt(len(r.Covers)), "requirements met together"
	v.PeopleBig, v.PeopleWhat = fmtInt(len(r.Members)), "members"
	if len(r.Members) == 1 {
		v.PeopleWhat = "member"
	}
	hires := 0
	for _, g := range r.Gaps {
		if g.Hire {
			hires++
		}
	}
	v.GapsBig = fmtInt(len(r.Gaps))
	v.GapsWhat = "gaps: " + fmtInt(len(r.Gaps)-hires) + " to develop, " + fmtInt(hires) + " to hire"
	if len(r.Members) > 0 {
		b := r.Members[0]
		v.Best, v.BestName = ", fit "+percent(b.Fit)+" ("+b.Confidence.Word()+").", names[b.Profile]
	} else {
		v.Best = "The team has no members: it meets nothing."
	}
	if r.Combined != "" {
		v.Notes = append(v.Notes, "Reviews were combined into the ratings by "+string(r.Combined)+", for the members who had any, before scoring.")
	}
	v.Notes = append(v.Notes, r.Notes...)

	chart, err := inlineChart(r.Radar)
	if err != nil {
		return teamView{}, err
	}
	v.Chart = chart
	v.ChartCaption = "The team (on each requirement, its best member's level) against the levels the " + kind + " needs"
	switch n := len(r.Radar.People); {
	case n == 0:
		v.ChartCaption += "."
	case n < len(r.Members):
		v.ChartCaption += ", with its " + fmtInt(n) + " best members by their own fit; the skills matrix below shows all " + fmtInt(len(r.Members)) + "."
	default:
		v.ChartCaption += ", with each member."
	}

	v.Matrix = r.matrix()

	for i, mem := range r.Members {
		v.Ranking = append(v.Ranking, rankRow{N: fmtInt(i + 1), Name: displayName(mem.Profile, mem.Name), ID: mem.Profile,
			Fit: percent(mem.Fit), Grade: mem.Confidence.Word(), GradeClass: gradeCSS(mem.Confidence), Adds: fmtPts(mem.Adds), Bar: barWidth(mem.Fit)})
	}

	for i, c := range r.Covers {
		if i == 0 || c.Part != r.Covers[i-1].Part {
			g := coverGroup{}
			switch {
			case c.Part != "":
				g.Heading = "Role: " + cmp.Or(c.PartName, string(c.Part))
			case v.Job:
				g.Heading = "The job's own requirements"
			}
			v.Covers = append(v.Covers, g)
		}
		row := coverRow{Label: c.Label, Need: fmtLevel(r.Levels, c.Need), Have: fmtLevel(r.Levels, c.Have), Met: "yes", Class: "met", By: "nobody"}
		if !c.Met {
			row.Met, row.Class = levelStatus(c.Need, c.Have, true)
		}
		if len(c.By) > 0 {
			row.By = nameList(c.By, names)
		}
		g := &v.Covers[len(v.Covers)-1]
		g.Rows = append(g.Rows, row)
	}

	for i, g := range r.Gaps {
		row := teamGapRow{N: fmtInt(i + 1), Label: g.Label, For: g.PartName, Have: fmtLevel(r.Levels, g.Have), Need: fmtLevel(r.Levels, g.Need),
			Gain: fmtPts(g.Gain), Hire: g.Hire, Close: "hire: nobody is within " + fmtInt(match.ReachLevels) + " levels"}
		if row.For == "" {
			row.For = "the " + kind + " itself"
		}
		if !g.Hire {
			row.Who, row.Close = cmp.Or(names[g.Develop], g.Develop), "now "+fmtLevel(r.Levels, g.From)
		}
		v.Gaps = append(v.Gaps, row)
	}

	total, most := 0.0, 0.0
	for _, h := range r.Hats {
		row := hatRow{Role: cmp.Or(h.Name, string(h.Role)), Weight: fmtWeight(h.Weight), Fit: "–"}
		if h.Profile != "" {
			row.Who, row.Fit = cmp.Or(names[h.Profile], h.Profile), percent(h.Fit)
		}
		total += h.Weight * h.Fit
		most += h.Weight
		v.Hats = append(v.Hats, row)
	}
	if len(r.Hats) > 1 {
		v.HatsTotal = "Total: " + fmtWeight(round3(total)) + " of at most " + fmtWeight(round3(most)) + " (each hat's weight times its wearer's fit)."
	}
	return v, nil
}

// round3 rounds x to three decimals, for a total that reads well.
func round3(x float64) float64 {
	return float64(int64(x*1000+0.5)) / 1000
}

// memberNames returns how the report names each member: their name (or
// profile ID), with the profile ID after it when two members share a
// name.
func memberNames(ms []Member) map[string]string {
	count := make(map[string]int, len(ms))
	for _, m := range ms {
		count[displayName(m.Profile, m.Name)]++
	}
	out := make(map[string]string, len(ms))
	for _, m := range ms {
		n := displayName(m.Profile, m.Name)
		if count[n] > 1 && n != m.Profile {
			n += " (" + m.Profile + ")"
		}
		out[m.Profile] = n
	}
	return out
}

// nameList names the members ids, the first maxNamed of them, and counts
// the rest: "Ana, Ben and 3 more". Each name is in a bdi element, so that
// names in right-to-left scripts keep their places in the list.
func nameList(ids []string, names map[string]string) template.HTML {
	var b strings.Builder
	shown := min(len(ids), maxNamed)
	if len(ids) > maxNamed {
		shown = maxNamed - 1
	}
	for i, id := range ids[:shown] {
		if i > 0 {
			if i == len(ids)-1 {
				b.WriteString(" and ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString("<bdi>" + template.HTMLEscapeString(cmp.Or(names[id], id)) + "</bdi>")
	}
	if rest := len(ids) - shown; rest > 0 {
		b.WriteString(" and " + fmtInt(rest) + " more")
	}
	return template.HTML(b.String()) // names escaped, fixed words
}
