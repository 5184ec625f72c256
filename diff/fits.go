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

// Fit is one person's fit against one target in one framework.
type Fit struct {
	// Fit is the fit, from 0 to 1 (see [match.Result]).
	Fit float64 `json:"fit" jsonschema:"minimum=0,maximum=1"`
	// Confidence grades the fit.
	Confidence match.Confidence `json:"confidence"`
}

// FitChange is how one person's fit against one role or job changes from
// framework A to framework B; or, with Only set and no person, a target
// that is in one of the frameworks only.
type FitChange struct {
	// Profile is the person's profile ID; empty for a target in one
	// framework only.
	Profile string `json:"profile,omitempty"`
	// Target is the role's or job's ID, in both frameworks.
	Target role.ID `json:"target"`
	// Kind says whether the target is a role or a job, in B (in A for a
	// target in A only).
	Kind match.Kind `json:"kind"`
	// Name is the target's name or title, in B (in A for a target in A
	// only).
	Name string `json:"name"`
	// Only is "a" or "b" for a target in that framework only: nobody is
	// scored against it then. It is empty for a target in both.
	Only string `json:"only,omitempty" jsonschema:"enum=,enum=a,enum=b"`
	// A is the person's fit in A; absent with Only.
	A *Fit `json:"a,omitempty"`
	// B is the person's fit in B; absent with Only.
	B *Fit `json:"b,omitempty"`
	// Change is B's fit less A's: positive when the person fits B's
	// target better.
	Change float64 `json:"change"`
	// Uncarried lists the items of A the person rates whose ratings count
	// for nothing in B: without a crosswalk, the items that pair with no
	// item of B (see [Frameworks]); with one, those whose ratings the
	// migration lost (see [crosswalk.Report]). It is the same on each of
	// the person's entries, in A's order of items; absent when every
	// rating carries, and with Only.
	Uncarried []competency.ID `json:"uncarried,omitempty"`
}

// Fits scores each person against each role and job that both
// frameworks hold (by ID), in A and in B, and returns how each fit
// changes: first one entry for each target in A only (in A's order) and
// for each target in B only (in B's order), then for each person in turn
// one entry per target in both, in B's order (roles, then jobs).
//
// A person's profile counts in A as it is. In B it counts migrated
// through o.Crosswalk when one is given (see [crosswalk.Migrator]; the
// error of a crosswalk that does not fit the two frameworks is
// returned); without one, the ratings of items [Frameworks] pairs under
// a new ID (by name) carry to that ID, and the rest stay as they are, so
// that the ratings of items that pair with nothing count for nothing in
// B. Either way, each of the person's entries lists in Uncarried the
// rated items whose ratings count for nothing in B. As with
// [match.Matcher.Score], only ratings count, never reviews: combine a
// profile's reviews first ([profile.Profile.Combine]).
//
// Fits costs what [Frameworks] costs, plus for each person a migration
// and two scores against each target in both frameworks (see
// [match.Matcher.Score]).
func Fits(a, b *wlp.Framework, people []profile.Profile, o *Options) ([]FitChange, error) {
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

	out := []FitChange{}
	var both []role.ID
	for _, t := range targetsOf(a.Spec()) {
		if _, ok := kindIn(b, t.id); !ok {
			out = append(out, FitChange{Target: t.id, Kind: matchKind(t.kind), Name: t.name, Only: "a"})
		}
	}
	for _, t := range targetsOf(b.Spec()) {
		if _, ok := kindIn(a, t.id); !ok {
			out = append(out, FitChange{Target: t.id, Kind: matchKind(t.kind), Name: t.name, Only: "b"})
		} else {
			both = append(both, t.id)
		}
	}
	for _, p := range people {
		q, lost, err := carry(p)
		if err != nil {
			return nil, err
		}
		slices.SortFunc(lost, func(x, y competency.ID) int { return cmp.Compare(a.Index(x), a.Index(y)) })
		for _, id := range both {
			ra, err := ma.Score(p, id)
			if err != nil {
				return nil, err
			}
			rb, err := mb.Score(q, id)
			if err != nil {
				return nil, err
			}
			out = append(out, FitChange{
				Profile: p.ID, Target: id, Kind: rb.Kind, Name: rb.Name,
				A:         &Fit{Fit: ra.Fit, Confidence: ra.Confidence},
				B:         &Fit{Fit: rb.Fit, Confidence: rb.Confidence},
				Change:    rb.Fit - ra.Fit,
				Uncarried: slices.Clone(lost),
			})
		}
	}
	return out, nil
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
