package diff

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// FitReport is how people's fits change from framework A to framework
// B (see [Fits]). Its lists are empty as [], never null, so that it
// encodes to JSON and back unchanged.
type FitReport struct {
	// Unscored lists the roles and jobs that one framework only holds:
	// nobody is scored against them. Those of A come first, in A's
	// order, then those of B, in B's order.
	Unscored []Unscored `json:"unscored"`
	// People lists every person given, in the order given, each with the
	// rated items whose ratings count for nothing in B. A person is
	// listed even when the two frameworks share no role or job: those
	// ratings are lost to B whatever B's targets.
	People []Person `json:"people"`
	// Changes lists how each person's fit against each role and job in
	// both frameworks changes: for each person in the order of People,
	// one entry per target in B's order (roles, then jobs). It is empty
	// when the frameworks share no target.
	Changes []FitChange `json:"changes"`
}

// Unscored is a role or job that one framework only holds.
type Unscored struct {
	// Target is the role's or job's ID.
	Target role.ID `json:"target"`
	// Kind says whether the target is a role or a job.
	Kind match.Kind `json:"kind"`
	// Name is the target's name or title.
	Name string `json:"name"`
	// Only is "a" or "b": the framework that holds the target.
	Only string `json:"only" jsonschema:"enum=a,enum=b"`
}

// Person is one person of a [FitReport], with the ratings that do not
// carry from framework A to framework B.
type Person struct {
	// Profile is the person's profile ID.
	Profile string `json:"profile"`
	// Uncarried lists the items of A the person rates whose ratings count
	// for nothing in B, in A's order of items: without a crosswalk, the
	// items that pair with no item of B (see [Frameworks]); with one,
	// those whose ratings the migration lost (see [crosswalk.Report]).
	// Levels given in reviews only are not listed, as they count in no
	// fit. It is absent when every rating carries.
	Uncarried []competency.ID `json:"uncarried,omitempty"`
}

// Fit is one person's fit against one target in one framework.
type Fit struct {
	// Fit is the fit, from 0 to 1 (see [match.Result]).
	Fit float64 `json:"fit" jsonschema:"minimum=0,maximum=1"`
	// Confidence grades the fit.
	Confidence match.Confidence `json:"confidence"`
}

// FitChange is how one person's fit against one role or job, held by
// both frameworks, changes from framework A to framework B.
type FitChange struct {
	// Profile is the person's profile ID.
	Profile string `json:"profile"`
	// Target is the role's or job's ID, in both frameworks.
	Target role.ID `json:"target"`
	// Kind says whether the target is a role or a job, in B.
	Kind match.Kind `json:"kind"`
	// Name is the target's name or title, in B.
	Name string `json:"name"`
	// A is the person's fit in A.
	A Fit `json:"a"`
	// B is the person's fit in B.
	B Fit `json:"b"`
	// Change is B's fit less A's: positive when the person fits B's
	// target better.
	Change float64 `json:"change"`
}

// Fits scores each person against each role and job that both
// frameworks hold (by ID), in A and in B, and reports how each fit
// changes, which targets one framework only holds, and, once per
// person, the rated items whose ratings count for nothing in B.
//
// A person's profile counts in A as it is. In B it counts migrated
// through o.Crosswalk when one is given (see [crosswalk.Migrator]; the
// error of a crosswalk that does not fit the two frameworks is
// returned); without one, the ratings of items [Frameworks] pairs under
// a new ID (by name) carry to that ID, and the rest stay as they are, so
// that the ratings of items that pair with nothing count for nothing in
// B. As with [match.Matcher.Score], only ratings count, never reviews:
// combine a profile's reviews first ([profile.Profile.Combine]).
//
// Fits costs what [Frameworks] costs, plus for each person a migration
// and two scores against each target in both frameworks (see
// [match.Matcher.Score]). The report's size is linear in the number of
// people times the number of targets plus the number of ratings; no two
// of its entries share memory.
func Fits(a, b *wlp.Framework, people []profile.Profile, o *Options) (*FitReport, error) {
	if a == nil || b == nil {
		return nil, fmt.Errorf("diff: Fits needs two frameworks")
	}
	if o == nil {
		o = &Options{}
	}
	carry, err := carrier(a, b, o)
	if err != nil {
		return nil, err
	}
	ma, mb := match.New(a), match.New(b)

	r := &FitReport{Unscored: []Unscored{}, People: make([]Person, 0, len(people))}
	var both []role.ID
	roles := 0 // of both
	for _, t := range targetsOf(a.Spec()) {
		if _, ok := kindIn(b, t.id); !ok {
			r.Unscored = append(r.Unscored, Unscored{Target: t.id, Kind: matchKind(t.kind), Name: t.name, Only: "a"})
		}
	}
	for _, t := range targetsOf(b.Spec()) {
		if _, ok := kindIn(a, t.id); !ok {
			r.Unscored = append(r.Unscored, Unscored{Target: t.id, Kind: matchKind(t.kind), Name: t.name, Only: "b"})
		} else {
			both = append(both, t.id)
			if t.kind == KindRole {
				roles++
			}
		}
	}
	r.Changes = make([]FitChange, 0, len(people)*len(both))
	for _, p := range people {
		q, lost, err := carry(p)
		if err != nil {
			return nil, err
		}
		slices.SortFunc(lost, func(x, y competency.ID) int { return cmp.Compare(a.Index(x), a.Index(y)) })
		r.People = append(r.People, Person{Profile: p.ID, Uncarried: lost})
		sa, sb := scorer(ma, p, roles), scorer(mb, q, roles)
		for _, id := range both {
			ra, err := sa(id)
			if err != nil {
				return nil, err
			}
			rb, err := sb(id)
			if err != nil {
				return nil, err
			}
			r.Changes = append(r.Changes, FitChange{
				Profile: p.ID, Target: id, Kind: rb.Kind, Name: rb.Name,
				A:      Fit{Fit: ra.Fit, Confidence: ra.Confidence},
				B:      Fit{Fit: rb.Fit, Confidence: rb.Confidence},
				Change: rb.Fit - ra.Fit,
			})
		}
	}
	return r, nil
}

// scorer returns a function that scores p against a target of m's
// framework, as [match.Matcher.Score] does. When p is to be scored
// against more than one role, the roles are scored together by
// [match.Matcher.BestRoles], which reads p once: a score by itself reads
// p into a vector as long as the framework's list of items, so scoring
// one by one would cost memory in proportion to the targets times the
// items.
func scorer(m *match.Matcher, p profile.Profile, nroles int) func(role.ID) (match.Result, error) {
	var roles map[role.ID]match.Result
	if nroles > 1 {
		best := m.BestRoles(p)
		roles = make(map[role.ID]match.Result, len(best))
		for _, r := range best {
			roles[r.Target] = r
		}
	}
	return func(id role.ID) (match.Result, error) {
		if r, ok := roles[id]; ok {
			return r, nil
		}
		return m.Score(p, id)
	}
}

// kindIn reports whether f has a role or job with the ID id, and which.
func kindIn(f *wlp.Framework, id role.ID) (Kind, bool) {
	if _, ok := f.Role(id); ok {
		return KindRole, true
	}
	if _, ok := f.Job(id); ok {
		return KindJob, true
	}
	return "", false
}

func matchKind(k Kind) match.Kind {
	if k == KindJob {
		return match.KindJob
	}
	return match.KindRole
}

// carrier returns how a profile of a is carried into b: through the
// crosswalk, or by the item pairs of Frameworks. The function it returns
// gives the profile carried and the items of a whose ratings carried to
// nothing, in no order.
func carrier(a, b *wlp.Framework, o *Options) (func(profile.Profile) (profile.Profile, []competency.ID, error), error) {
	if o.Crosswalk != nil {
		m, err := crosswalk.NewMigrator(o.Crosswalk, a, b, nil)
		if err != nil {
			return nil, err
		}
		return func(p profile.Profile) (profile.Profile, []competency.ID, error) {
			q, rep, err := m.Migrate(p)
			if err != nil {
				return profile.Profile{}, nil, fmt.Errorf("diff: migrating profile %q: %w", p.ID, err)
			}
			var lost []competency.ID
			seen := map[competency.ID]bool{}
			for _, l := range rep.Lost {
				if a.Index(l.ID) >= 0 && l.Review == nil && !seen[l.ID] {
					seen[l.ID] = true
					lost = append(lost, l.ID)
				}
			}
			return q, lost, nil
		}, nil
	}
	d := &differ{sa: a.Spec(), sb: b.Spec()}
	d.items()
	ids := map[competency.ID]competency.ID{}
	for from, to := range d.itemMap {
		if from != to {
			ids[from] = to
		}
	}
	return func(p profile.Profile) (profile.Profile, []competency.ID, error) {
		var lost []competency.ID
		for id := range p.Ratings {
			if _, paired := d.itemMap[id]; !paired {
				if a.Index(id) >= 0 {
					lost = append(lost, id)
				}
			}
		}
		if len(ids) == 0 {
			return p, lost, nil
		}
		q := profile.Profile{ID: p.ID, Name: p.Name, Ratings: make(map[competency.ID]profile.Rating, len(p.Ratings))}
		for id, r := range p.Ratings {
			if _, moved := ids[id]; !moved {
				q.Ratings[id] = r
			}
		}
		for id, r := range p.Ratings {
			if to, ok := ids[id]; ok {
				q.Ratings[to] = r
			}
		}
		return q, lost, nil
	}, nil
}
