package people

import (
	"slices"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// group is one person of a sheet whose rows are grouped by person: the
// profile as read so far, and the rows each part came from.
type group struct {
	p       profile.Profile
	origin  origin
	raters  map[string]int // a rater's review: its index in p.Reviews
	problem bool           // one of its rows has a problem
}

// origin says which rows a person's profile came from, so that a problem
// the framework finds in the profile is put in its cell.
type origin struct {
	row, nameRow int
	rated        map[competency.ID]int // each direct rating's row; nil: row
	reviews      []reviewRows
}

// reviewRows says which rows a review came from.
type reviewRows struct {
	row, sourceRow, dateRow int
	levels                  map[competency.ID]int
}

// rated is one level a row gives, and the column that names its
// competency: its own in a wide sheet, the competency column in a long
// one.
type rated struct {
	id  competency.ID
	l   competency.Level
	col int
}

// groupRow reads row n of a long sheet, or of a wide sheet with a rater
// column, into its person's group.
func (s *sheetReader) groupRow(n int, cells []string) {
	before := s.ps.len()
	r := s.fields(n, cells)
	var levels []rated
	if s.head.long {
		levels = s.longLevel(n, cells, levels)
	} else {
		for _, i := range s.head.comp {
			if l, ok := s.level(n, i, cells); ok {
				levels = append(levels, rated{s.head.cols[i].id, l, i})
			}
		}
	}
	if r.id == "" {
		return
	}
	g := s.group(r.id, n)
	s.groupName(g, r.name, n)
	if r.rater == "" {
		s.addRatings(g, r, levels, n)
	} else {
		s.addReview(g, r, levels, n)
	}
	if s.ps.len() > before {
		g.problem = true
	}
}

// longLevel reads the competency and level of row n of a long sheet.
func (s *sheetReader) longLevel(n int, cells []string, levels []rated) []rated {
	h := s.head
	ci, li := h.at[competencyField], h.at[levelField]
	text := s.text(n, ci, cells)
	l, ok := s.level(n, li, cells)
	if text == "" {
		if ok {
			s.ps.add(s.place(n, ci), "the row has a level but no competency: name the competency or area it rates")
		}
		return levels
	}
	id, known, other := s.names.resolve(text)
	switch {
	case other != "":
		s.ps.add(s.place(n, ci), mixed(quote(text), other, id))
	case !known:
		s.ps.add(s.place(n, ci), s.names.unknown(text, !s.ps.full()))
	case ok:
		return append(levels, rated{id, l, ci})
	}
	return levels
}

// group returns the group of the person id, first seen on row n.
func (s *sheetReader) group(id string, n int) *group {
	g := s.groups[id]
	if g == nil {
		g = &group{p: profile.Profile{ID: id}, origin: origin{row: n, nameRow: n}}
		s.groups[id] = g
		s.order = append(s.order, g)
	}
	return g
}

// groupName sets the person's name from row n, or reports one that
// differs from an earlier row's.
func (s *sheetReader) groupName(g *group, name string, n int) {
	switch {
	case name == "" || name == g.p.Name:
	case g.p.Name == "":
		g.p.Name, g.origin.nameRow = name, n
	default:
		s.ps.addf(s.place(n, s.head.at[nameField]), "the ID %s is named %s here but %s on row %d: one name per ID",
			quote(g.p.ID), quote(name), quote(g.p.Name), g.origin.nameRow)
	}
}

// addRatings adds the levels of row n, which has no rater, to the
// person's own ratings.
func (s *sheetReader) addRatings(g *group, r rowFields, levels []rated, n int) {
	for _, lv := range levels {
		if first, dup := g.origin.rated[lv.id]; dup {
			s.ps.addf(s.place(n, lv.col), "%s of %s is rated twice without a rater, on rows %d and %d: keep one, or name the raters",
				quote(s.nameOf(lv.id)), quote(g.p.ID), first, n)
			continue
		}
		if g.p.Ratings == nil {
			g.p.Ratings = make(map[competency.ID]profile.Rating)
			g.origin.rated = make(map[competency.ID]int)
		}
		g.p.Ratings[lv.id] = profile.Rating{Level: lv.l, Source: r.source, AssessedAt: r.date, Evidence: evidenceOf(r.evidence)}
		g.origin.rated[lv.id] = n
	}
}

// addReview adds the levels of row n to the review of its rater.
func (s *sheetReader) addReview(g *group, r rowFields, levels []rated, n int) {
	i, ok := g.raters[r.rater]
	if !ok {
		if len(levels) == 0 {
			return
		}
		if g.raters == nil {
			g.raters = make(map[string]int)
		}
		i = len(g.p.Reviews)
		g.raters[r.rater] = i
		g.p.Reviews = append(g.p.Reviews, profile.Review{Rater: r.rater, Levels: make(map[competency.ID]competency.Level)})
		g.origin.reviews = append(g.origin.reviews, reviewRows{row: n, levels: make(map[competency.ID]int)})
	}
	rev, rows := &g.p.Reviews[i], &g.origin.reviews[i]
	s.reviewSource(rev, rows, r, n)
	for _, lv := range levels {
		if first, dup := rows.levels[lv.id]; dup {
			s.ps.addf(s.place(n, lv.col), "the rater %s rates %s of %s twice, on rows %d and %d: keep one",
				quote(r.rater), quote(s.nameOf(lv.id)), quote(g.p.ID), first, n)
			continue
		}
		rev.Levels[lv.id] = lv.l
		rows.levels[lv.id] = n
	}
	if r.evidence != "" && !slices.Contains(rev.Evidence, r.evidence) {
		rev.Evidence = append(rev.Evidence, r.evidence)
	}
}

// reviewSource sets a review's source and date from row n, or reports
// ones that differ from an earlier row's: one rater, one source and date.
func (s *sheetReader) reviewSource(rev *profile.Review, rows *reviewRows, r rowFields, n int) {
	h := s.head
	switch {
	case r.source == "" || r.source == rev.Source:
	case rev.Source == "":
		rev.Source, rows.sourceRow = r.source, n
	default:
		s.ps.addf(s.place(n, h.at[sourceField]), "the rater %s is %s here but %s on row %d: one source per rater",
			quote(rev.Rater), quote(r.source.String()), quote(rev.Source.String()), rows.sourceRow)
	}
	switch {
	case r.date == "" || r.date == rev.AssessedAt:
	case rev.AssessedAt == "":
		rev.AssessedAt, rows.dateRow = r.date, n
	default:
		s.ps.addf(s.place(n, h.at[dateField]), "the rater %s assessed on %s here but on %s on row %d: one date per rater",
			quote(rev.Rater), r.date, rev.AssessedAt, rows.dateRow)
	}
}

// nameOf returns the name of the competency or area id.
func (s *sheetReader) nameOf(id competency.ID) string {
	if name, ok := s.f.NameOf(id); ok {
		return name
	}
	return string(id)
}

// yieldGroup checks a grouped person and yields it unless it or the
// header has a problem. It returns false if yield did.
func (s *sheetReader) yieldGroup(g *group) bool {
	before := s.ps.len()
	s.validate(g.p, g.origin)
	if g.problem || s.ps.len() > before || s.head.bad {
		return true
	}
	s.stopped = !s.yield(Person{Profile: g.p, Place: Place{File: s.file, Sheet: s.sheet, Row: g.origin.row}}, nil)
	return !s.stopped
}
