package match

import (
	"errors"
	"fmt"
	"slices"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/role"
)

// ErrUnknownTarget is returned, wrapped with the target's ID, when a target
// is neither a role nor a job of the Matcher's framework.
var ErrUnknownTarget = errors.New("unknown target")

// Option configures a [Matcher].
type Option func(*config)

type config struct {
	strict    bool
	low, high float64
}

// Strict makes credit all or nothing: a rating earns 1 when it reaches the
// required level and 0 otherwise, instead of partial credit.
func Strict() Option { return func(c *config) { c.strict = true } }

// Thresholds sets the lowest fits graded [Low] and [High] in place of
// [LowFit] and [HighFit]. Values outside 0 < low <= high <= 1 are ignored.
func Thresholds(low, high float64) Option {
	return func(c *config) {
		if low > 0 && low <= high && high <= 1 {
			c.low, c.high = low, high
		}
	}
}

// Matcher scores profiles against the roles and jobs of one framework. It
// compiles every role once, in [New], and each job once, on its first
// use. A Matcher is immutable and safe for
// concurrent use by many goroutines. Only New makes a usable Matcher; the
// methods of a zero Matcher return an error (BestRoles returns nil).
type Matcher struct {
	f       *wlp.Framework
	cfg     config
	index   *idIndex // rated ID -> position in a level vector
	n       int      // number of rated IDs
	targets map[role.ID]*target
	roles   []*target // the framework's roles, in order
	rank    map[competency.ID]int32
	ids     []competency.ID // by position in a level vector
}

// New compiles the roles of f; each job is compiled on its first use. A
// nil f means [wlp.Default].
//
// New costs time and memory in proportion to the framework: its IDs (and
// a sort of them) and the IDs its roles' requirements list. A job's first
// use adds the requirements of the roles it blends, once.
func New(f *wlp.Framework, opts ...Option) *Matcher {
	if f == nil {
		f = wlp.Default()
	}
	m := &Matcher{f: f, cfg: config{low: LowFit, high: HighFit}, targets: map[role.ID]*target{}}
	for _, o := range opts {
		if o != nil {
			o(&m.cfg)
		}
	}
	ids := f.IDs()
	m.n = len(ids)
	m.ids = ids
	m.index = newIndex(ids)
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	m.rank = make(map[competency.ID]int32, len(sorted))
	for i, id := range sorted {
		m.rank[id] = int32(i)
	}
	for _, r := range f.Roles() {
		t := m.compileRole(r)
		m.targets[r.ID] = t
		m.roles = append(m.roles, t)
	}
	// A job is compiled on its first use (see lookup): compiled, it holds
	// every requirement of every role it blends, so compiling them all
	// here would cost the product of the jobs and roles a framework holds,
	// however few of them a program scores against.
	for _, j := range f.Jobs() {
		m.targets[j.ID] = &target{id: j.ID, kind: KindJob, name: j.Title, job: &jobSource{job: j}}
	}
	return m
}

// Framework returns the framework the Matcher scores against.
func (m *Matcher) Framework() *wlp.Framework { return m.f }

// confidence grades fit by the Matcher's thresholds (see grade); met
// reports whether every requirement is met.
func (m *Matcher) confidence(fit float64, met bool) Confidence {
	return grade(fit, met, m.cfg.low, m.cfg.high)
}

// lookup returns the compiled target id, compiling it first if it is a
// job not used before.
func (m *Matcher) lookup(id role.ID) (*target, error) {
	if m == nil || m.f == nil {
		return nil, errors.New("match: the Matcher was not made by New")
	}
	t, ok := m.targets[id]
	if !ok {
		return nil, fmt.Errorf("match: %w %s: not a role or job of framework %q", ErrUnknownTarget, problem.Quote(string(id)), m.f.ID())
	}
	if t.job != nil {
		t.job.once.Do(func() { m.compileJob(t) })
	}
	return t, nil
}
