package match

import (
	"slices"

	"github.com/wlpmodel/wlp/role"
)

// Shortlists is everyone of a population against everything of a
// framework, the question an internal talent marketplace asks both ways:
// for each role and job, the people who fit it best; for each person, the
// roles and jobs they fit best. [Matcher.Shortlists] makes it.
type Shortlists struct {
	// Targets holds one shortlist per role and job of the framework: the
	// roles in the framework's order, then the jobs.
	Targets []Shortlist `json:"targets"`
	// People holds one shortlist per person, in the population's order.
	People []PersonShortlist `json:"people"`
}

// Shortlist is a role's or job's best people, best first, ranked as
// [Matcher.Rank] ranks them, each with their full result.
type Shortlist struct {
	// Target is the ID of the role or job.
	Target role.ID `json:"target"`
	// Kind says whether Target is a role or a job.
	Kind Kind `json:"kind"`
	// Best lists the people who fit Target best, best first.
	Best []Ranked `json:"best"`
}

// PersonShortlist is one person's best roles and jobs, best first.
type PersonShortlist struct {
	// Profile is the person's profile ID.
	Profile string `json:"profile"`
	// Best lists the roles and jobs the person fits best, best first;
	// those that fit equally keep the framework's order (roles, then
	// jobs).
	Best []TargetFit `json:"best"`
}

// TargetFit is one person's fit against one role or job, without the
// explanation a [Result] carries.
type TargetFit struct {
	// Target is the ID of the role or job.
	Target role.ID `json:"target"`
	// Kind says whether Target is a role or a job.
	Kind Kind `json:"kind"`
	// Fit is the person's fit, as [Result.Fit].
	Fit float64 `json:"fit" jsonschema:"minimum=0,maximum=1"`
	// Confidence grades Fit, as [Result.Confidence].
	Confidence Confidence `json:"confidence"`
}

// Shortlists scores every person of pop against every role and job of
// the framework in one pass, and returns each target's best k people
// (with their full results, as [Matcher.RankPopulation] returns them) and
// each person's best k targets (fits and grades). k <= 0 keeps every
// person for every target and every target for every person.
//
// A role's fit is computed once per person and reused by every job that
// blends the role, so a person costs the requirements of the roles plus
// the jobs' own requirements, shared out over the available CPUs for
// large populations. Its memory is the result: for n people, n person
// shortlists of up to k targets each (about 40 + 40k bytes a person;
// the profile IDs are sliced from one string, not allocated each), plus
// k full results per target. With k <= 0 that is every person's full
// result against every target, some 14 KB a person for the default
// framework: ask for the k you will show.
func (m *Matcher) Shortlists(pop *Population, k int) (Shortlists, error) {
	if err := m.check(pop); err != nil {
		return Shortlists{}, err
	}
	var ts []*target
	for _, r := range m.f.Roles() {
		ts = append(ts, m.targets[r.ID])
	}
	for _, j := range m.f.Jobs() {
		t, err := m.lookup(j.ID)
		if err != nil {
			return Shortlists{}, err
		}
		ts = append(ts, t)
	}
	// Each job's parts, as positions in ts, so that a job reads its roles'
	// fits instead of computing them again.
	at := make(map[*target]int, len(ts))
	for i, t := range ts {
		at[t] = i
	}
	partAt := make([][]int, len(ts))
	for i, t := range ts {
		for _, p := range t.parts {
			partAt[i] = append(partAt[i], at[p.role])
		}
	}
	n := pop.Len()
	perPerson := len(ts)
	if k > 0 {
		perPerson = min(k, len(ts))
	}
	keep := k
	if keep <= 0 || keep > n {
		keep = n
	}
	ids := string(pop.ids) // one copy; each person's ID is a slice of it
	out := Shortlists{
		Targets: make([]Shortlist, len(ts)),
		People:  make([]PersonShortlist, n),
	}
	fitsOut := make([]TargetFit, n*perPerson)
	workers := workersFor(n)
	heaps := make([][]topK[scored], workers)
	spread(n, workers, func(w, lo, hi int) {
		hs := make([]topK[scored], len(ts))
		for i := range hs {
			hs[i] = topK[scored]{k: keep, cmp: pop.compare}
		}
		heaps[w] = hs
		fits := make([]float64, len(ts))
		mets := make([]bool, len(ts))
		order := make([]int, len(ts))
		for i := lo; i < hi; i++ {
			lv := pop.row(i)
			for ti, t := range ts {
				fits[ti], mets[ti] = m.fitWith(lv, t, partAt[ti], fits, mets)
				hs[ti].offer(scored{fit: fits[ti], i: i})
			}
			// The person's best targets: an insertion sort of a few,
			// stable, so equal fits keep the framework's order.
			for ti := range order {
				order[ti] = ti
			}
			for a := 1; a < len(order); a++ {
				for b := a; b > 0 && fits[order[b]] > fits[order[b-1]]; b-- {
					order[b], order[b-1] = order[b-1], order[b]
				}
			}
			best := fitsOut[i*perPerson : (i+1)*perPerson : (i+1)*perPerson]
			for j := range best {
				t := ts[order[j]]
				best[j] = TargetFit{Target: t.id, Kind: t.kind, Fit: fits[order[j]], Confidence: m.confidence(fits[order[j]], mets[order[j]])}
			}
			start := 0
			if i > 0 {
				start = int(pop.ends[i-1])
			}
			out.People[i] = PersonShortlist{Profile: ids[start:pop.ends[i]], Best: best}
		}
	})
	for ti, t := range ts {
		var all []scored
		for _, hs := range heaps {
			all = append(all, hs[ti].s...)
		}
		slices.SortFunc(all, pop.compare)
		all = all[:min(keep, len(all))]
		best := make([]Ranked, len(all))
		for i, s := range all {
			best[i] = Ranked{Profile: pop.ID(s.i), Result: m.result(pop.row(s.i), t)}
		}
		out.Targets[ti] = Shortlist{Target: t.id, Kind: t.kind, Best: best}
	}
	return out, nil
}

// fitWith is fit, for a target whose parts' fits (and whether each is
// met) are already in fits and mets at the positions parts: as fit sums
// them, in the same order, so the same fit.
func (m *Matcher) fitWith(lv []int8, t *target, parts []int, fits []float64, mets []bool) (float64, bool) {
	sum, all := m.ownSum(lv, t)
	for pi, p := range t.parts {
		sum += float64(p.weight * fits[parts[pi]])
		all = all && mets[parts[pi]]
	}
	return fitOf(sum, t.total, all), all
}
