package match_test

// This file is the specification of package match: a plain scorer that
// states every scoring rule once more, directly on the framework's own
// types, with none of the Matcher's machinery (no compiled tables, no ID
// index, no gap bitmaps). It reads each role from the Framework on every
// call, looks each ID up in the profile's map and sorts what it needs to
// sort. It is slow on purpose, and short enough to read in one sitting.
//
// The tests compare the Matcher with it: TestReferenceAgrees wants the
// same Result, field for field and bit for bit, for random people on the
// default framework and on random ones, with partial and strict credit,
// and the same rankings and best roles. The benchmarks ending in
// Reference measure it, as the baseline the Matcher must beat. A change
// to the rules starts here and in rules.go.

import (
	"math"
	"slices"
	"sort"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// reference scores profiles against the roles and jobs of f by the rules.
type reference struct {
	f         *wlp.Framework
	strict    bool    // all-or-nothing credit, as with match.Strict
	low, high float64 // the lowest fits graded Low and High
}

// newReference returns the reference scorer of f with the default
// options: partial credit and the default thresholds.
func newReference(f *wlp.Framework) reference {
	return reference{f: f, low: match.LowFit, high: match.HighFit}
}

// level is p's level of id: a missing rating is level 0, and a level off
// the scale counts as the nearest level on it.
func (r reference) level(p profile.Profile, id competency.ID) competency.Level {
	return min(max(p.Ratings[id].Level, 0), competency.MaxLevel)
}

// credit is what a rating at level have earns toward a requirement at
// level need: have, but no more than need, since surplus earns nothing;
// strict, need when have reaches it and nothing otherwise.
func (r reference) credit(have, need competency.Level) competency.Level {
	switch {
	case have >= need:
		return need
	case r.strict:
		return 0
	}
	return have
}

// requirement returns the score of q for p and the level reported as its
// Have. The score is the mean of the k best attainments credit/level
// among the IDs of q, where k is AtLeast (all of them when it is 0):
// written as one fraction, the k best credits over k × level. Have is the
// k-th best level.
func (r reference) requirement(p profile.Profile, q role.Requirement) (score float64, have competency.Level) {
	ls := bestFirst(q, func(id competency.ID) competency.Level { return r.level(p, id) })
	k := q.K()
	var sum competency.Level
	for _, l := range ls[:k] {
		sum += r.credit(l, q.Level)
	}
	return float64(sum) / float64(competency.Level(k)*q.Level), ls[k-1]
}

// bestFirst returns the levels of q's IDs, as level reads them, best
// first: the k-th of them is the level a result reports as q's Have, and
// a team's level for q when level reads the team's best levels.
func bestFirst(q role.Requirement, level func(competency.ID) competency.Level) []competency.Level {
	ls := make([]competency.Level, len(q.Of))
	for i, id := range q.Of {
		ls[i] = level(id)
	}
	slices.Sort(ls)
	slices.Reverse(ls)
	return ls
}

// fit is the fit of a target whose weighted scores add up to sum, out of
// a total weight: their weighted mean, rounded to 12 decimals. Only a
// target with every requirement met fits 1; any other fits at most
// 1 - 1e-12, however light its unmet requirements.
func (r reference) fit(sum, total float64, met bool) float64 {
	if met {
		return 1
	}
	return min(round12(min(max(sum/total, 0), 1)), 1-1e-12)
}

// grade is the confidence of a fit.
func (r reference) grade(fit float64, met bool) match.Confidence {
	switch {
	case met:
		return match.Exact
	case fit >= r.high:
		return match.High
	case fit >= r.low:
		return match.Low
	}
	return match.No
}

// gain is how much meeting an unmet requirement alone would raise its
// target's fit: its share of the fit times what its score lacks of 1,
// rounded to 12 decimals, and never 0.
func gain(share, score float64) float64 { return max(round12(share*(1-score)), 1e-12) }

// round12 rounds x to 12 decimal places, so that fits and gains equal by
// hand compare equal.
func round12(x float64) float64 { return math.Round(x*1e12) / 1e12 }

// own scores a target's own requirements qs, out of the target's total
// weight: their outcomes and gaps, and the weighted sum of their scores
// in their order.
func (r reference) own(p profile.Profile, qs []role.Requirement, total float64) (outs []match.Outcome, gaps []match.Gap, sum float64, met bool) {
	outs, gaps, met = make([]match.Outcome, len(qs)), []match.Gap{}, true
	for i, q := range qs {
		s, have := r.requirement(p, q)
		outs[i] = match.Outcome{Of: slices.Clone(q.Of), AtLeast: q.AtLeast, Have: have, Need: q.Level, Score: s, Weight: q.Weight, Met: s == 1}
		sum += q.Weight * s
		met = met && s == 1
		if s < 1 {
			gaps = append(gaps, match.Gap{Of: slices.Clone(q.Of), AtLeast: q.AtLeast, Have: have, Need: q.Level, Gain: gain(q.Weight/total, s)})
		}
	}
	return outs, gaps, sum, met
}

// role scores p against ro: the weighted mean of its requirements.
func (r reference) role(p profile.Profile, ro role.Role) match.Result {
	total := 0.0
	for _, q := range ro.Requirements {
		total += q.Weight
	}
	outs, gaps, sum, met := r.own(p, ro.Requirements, total)
	fit := r.fit(sum, total, met)
	return match.Result{Target: ro.ID, Kind: match.KindRole, Name: ro.Name, Fit: fit, Confidence: r.grade(fit, met),
		Outcomes: outs, Gaps: sortGaps(gaps)}
}

// job scores p against j: the weighted mean of its own requirements'
// scores and of its roles' fits. Its gaps are its own unmet requirements
// and those of each role, whose share of the job's fit is the role's.
func (r reference) job(p profile.Profile, j role.Job) match.Result {
	total := 0.0
	for _, s := range j.Roles {
		total += s.Weight
	}
	for _, q := range j.Requirements {
		total += q.Weight
	}
	outs, gaps, sum, met := r.own(p, j.Requirements, total)
	var parts []match.Part // nil for a job of no roles, like a role's
	for _, s := range j.Roles {
		ro, _ := r.f.Role(s.Role)
		res := r.role(p, ro)
		parts = append(parts, match.Part{Role: s.Role, Weight: s.Weight, Share: s.Weight / total, Result: res})
		sum += s.Weight * res.Fit
		met = met && res.Confidence == match.Exact
		roleTotal := 0.0
		for _, q := range ro.Requirements {
			roleTotal += q.Weight
		}
		for k, o := range res.Outcomes {
			if !o.Met {
				share := s.Weight / total * (ro.Requirements[k].Weight / roleTotal)
				gaps = append(gaps, match.Gap{Part: s.Role, Of: slices.Clone(o.Of), AtLeast: o.AtLeast, Have: o.Have, Need: o.Need, Gain: gain(share, o.Score)})
			}
		}
	}
	fit := r.fit(sum, total, met)
	return match.Result{Target: j.ID, Kind: match.KindJob, Name: j.Title, Fit: fit, Confidence: r.grade(fit, met),
		Outcomes: outs, Parts: parts, Gaps: sortGaps(gaps)}
}

// sortGaps puts gaps in development order: the largest gain first, ties
// by the first ID of Of, then by part (the target's own first), then in
// the order the target lists them.
func sortGaps(gaps []match.Gap) []match.Gap {
	sort.SliceStable(gaps, func(i, j int) bool {
		a, b := gaps[i], gaps[j]
		if a.Gain != b.Gain {
			return a.Gain > b.Gain
		}
		if a.Of[0] != b.Of[0] {
			return a.Of[0] < b.Of[0]
		}
		return a.Part < b.Part
	})
	return gaps
}

// score scores p against the role or job id of the framework.
func (r reference) score(p profile.Profile, id role.ID) match.Result {
	if j, ok := r.f.Job(id); ok {
		return r.job(p, j)
	}
	ro, _ := r.f.Role(id)
	return r.role(p, ro)
}

// bestRoles scores p against every role, best fit first; equal fits keep
// the framework's order.
func (r reference) bestRoles(p profile.Profile) []match.Result {
	out := []match.Result{}
	for _, ro := range r.f.Roles() {
		out = append(out, r.role(p, ro))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Fit > out[j].Fit })
	return out
}

// rank returns the profile IDs of the best k of ps for id, best first:
// by fit, then by profile ID, then in input order.
func (r reference) rank(ps []profile.Profile, id role.ID, k int) []string {
	type scored struct {
		id  string
		fit float64
	}
	all := make([]scored, len(ps))
	for i, p := range ps {
		all[i] = scored{p.ID, r.score(p, id).Fit}
	}
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].fit != all[b].fit {
			return all[a].fit > all[b].fit
		}
		return all[a].id < all[b].id
	})
	out := make([]string, min(k, len(all)))
	for i := range out {
		out[i] = all[i].id
	}
	return out
}

// TestReferenceAgrees checks the Matcher against the specification: the
// same results, bit for bit, for Score, Fit and BestRoles, and the same
// rankings, on the default framework and random ones, with partial and
// strict credit and with thresholds of their own.
func TestReferenceAgrees(t *testing.T) {
	rng := fixedRNG(12)
	for _, nf := range testFrameworks(t) {
		ps := append(richPeople(rng, nf.f, 30), randomPeople(rng, nf.f, 30, 3)...)
		for _, c := range []struct {
			name string
			opts []match.Option
			ref  reference
		}{
			{"partial", nil, newReference(nf.f)},
			{"strict", []match.Option{match.Strict()}, reference{nf.f, true, match.LowFit, match.HighFit}},
			{"thresholds", []match.Option{match.Thresholds(0.3, 0.5)}, reference{nf.f, false, 0.3, 0.5}},
		} {
			m := match.New(nf.f, c.opts...)
			for _, target := range targetsOf(nf.f) {
				for _, p := range ps {
					want := c.ref.score(p, target)
					if d := diff(want, mustScore(t, m, p, target)); d != "" {
						t.Fatalf("%s %s %s %s: Score differs from the reference (-reference +Score):\n%s", nf.name, c.name, target, p.ID, d)
					}
					if fit, _ := m.Fit(p, target); fit != want.Fit {
						t.Fatalf("%s %s %s %s: Fit = %v, reference %v", nf.name, c.name, target, p.ID, fit, want.Fit)
					}
				}
				ranked, err := m.Rank(ps, target, 25)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range ranked {
					got = append(got, r.Profile)
				}
				if d := diff(c.ref.rank(ps, target, 25), got); d != "" {
					t.Errorf("%s %s %s: Rank differs from the reference (-reference +Rank):\n%s", nf.name, c.name, target, d)
				}
			}
			for _, p := range ps[:10] {
				if d := diff(c.ref.bestRoles(p), m.BestRoles(p)); d != "" {
					t.Errorf("%s %s %s: BestRoles differs from the reference (-reference +BestRoles):\n%s", nf.name, c.name, p.ID, d)
				}
			}
		}
	}
}

// BenchmarkFitReference is the reference's score, which builds the whole
// result, as the baseline for BenchmarkFit: the Matcher should be at
// least 5x faster in the same run.
func BenchmarkFitReference(b *testing.B) {
	for _, id := range []role.ID{role.BusinessPartner, role.CLO} {
		b.Run(string(id), func(b *testing.B) {
			ref := newReference(wlp.Default())
			p := randomProfiles(wlp.Default(), 1, 3)[0]
			b.ReportAllocs()
			for b.Loop() {
				sink += ref.score(p, id).Fit
			}
		})
	}
}

// BenchmarkRankReference is the naive baseline for BenchmarkRank: score
// everyone with the reference and sort everyone.
func BenchmarkRankReference(b *testing.B) {
	ref := newReference(wlp.Default())
	ps := randomProfiles(wlp.Default(), 100_000, 5)
	b.ReportAllocs()
	for b.Loop() {
		r := ref.rank(ps, role.CLO, 10)
		sink += float64(len(r))
	}
}
