package match

import (
	"iter"
	"slices"
	"strings"

	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// Ranking ranks profiles that arrive one at a time, from a stream too
// large to hold (a JSON Lines file of a million people, a database
// cursor): it keeps the best k seen so far and forgets the rest. Its
// ranking is [Matcher.Rank]'s: higher fit first, then lower profile ID,
// then earlier added. Make one with [Matcher.NewRanking]; [Matcher.RankSeq]
// ranks an [iter.Seq] with one. A Ranking is not safe for concurrent use;
// a zero or nil Ranking keeps nothing.
type Ranking struct {
	m    *Matcher
	t    *target
	n    int // profiles added
	kept topK[kept]
}

// kept is one profile a Ranking keeps, with its fit and when it came.
type kept struct {
	fit float64
	seq int
	p   profile.Profile
}

// NewRanking returns an empty ranking of the best k profiles (k <= 0:
// everyone) for the role or job target. The error wraps
// [ErrUnknownTarget] when target is neither a role nor a job of the
// framework.
func (m *Matcher) NewRanking(target role.ID, k int) (*Ranking, error) {
	t, err := m.lookup(target)
	if err != nil {
		return nil, err
	}
	return &Ranking{m: m, t: t, kept: topK[kept]{k: k, cmp: compareKept}}, nil
}

// Add scores p and keeps it if it is among the best k added so far, and
// reports whether it kept it. A kept profile is held as given (its
// Ratings map is shared with the caller, not copied), until a better one
// displaces it. Add costs one [Matcher.Fit] and O(log k); it holds at most
// k profiles (every profile when k <= 0).
func (r *Ranking) Add(p profile.Profile) bool {
	if r == nil || r.m == nil {
		return false
	}
	var buf [vecSize]int8
	f, _ := r.m.fit(r.m.vector(&p, r.t, &buf), r.t)
	e := kept{fit: f, seq: r.n, p: p}
	r.n++
	return r.kept.offer(e)
}

// Len returns how many profiles were added.
func (r *Ranking) Len() int {
	if r == nil {
		return 0
	}
	return r.n
}

// Ranked returns the best k profiles added so far, best first, each with
// its full result, as [Matcher.Rank] returns them. It costs a sort of
// the kept profiles and one [Matcher.Score] each; the Ranking stays
// usable.
func (r *Ranking) Ranked() []Ranked {
	ps := r.Profiles()
	out := make([]Ranked, len(ps))
	var buf [vecSize]int8
	for i := range ps {
		clear(buf[:])
		out[i] = Ranked{Profile: ps[i].ID, Result: r.m.result(r.m.vector(&ps[i], r.t, &buf), r.t)}
	}
	return out
}

// Profiles returns the kept profiles, best first, in the order of
// [Ranking.Ranked]: the profiles as they were added (sharing their maps),
// with whatever else the caller needs of them, such as their names. It
// costs a sort of the kept profiles.
func (r *Ranking) Profiles() []profile.Profile {
	if r == nil {
		return []profile.Profile{}
	}
	sorted := slices.Clone(r.kept.s)
	slices.SortFunc(sorted, compareKept)
	out := make([]profile.Profile, len(sorted))
	for i, e := range sorted {
		out[i] = e.p
	}
	return out
}

// compareKept orders two kept profiles as a ranking does.
func compareKept(a, b kept) int {
	switch {
	case a.fit > b.fit:
		return -1
	case a.fit < b.fit:
		return 1
	}
	if c := strings.Compare(a.p.ID, b.p.ID); c != 0 {
		return c
	}
	return a.seq - b.seq
}

// RankSeq ranks the profiles seq yields against the role or job target,
// as [Matcher.Rank] ranks a slice, and returns the best k (k <= 0:
// everyone). It takes the profiles one at a time and holds only the best
// k of them (see [Ranking]), so its memory does not grow with the stream.
// The error wraps [ErrUnknownTarget] when target is neither a role nor a
// job of the framework.
func (m *Matcher) RankSeq(seq iter.Seq[profile.Profile], target role.ID, k int) ([]Ranked, error) {
	r, err := m.NewRanking(target, k)
	if err != nil {
		return nil, err
	}
	for p := range seq {
		r.Add(p)
	}
	return r.Ranked(), nil
}
