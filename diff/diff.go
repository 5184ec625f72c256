package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/crosswalk"
	"github.com/wlpmodel/wlp/role"
)

// Options says how [Frameworks] and [Fits] compare two frameworks. A nil
// *Options is the zero Options.
type Options struct {
	// Crosswalk, when set, maps A's items onto B's: its exact links pair
	// items before their IDs do, its close links pair what is left before
	// names do, and [Fits] migrates each person's profile through it. A
	// link pairs its items when both are in the frameworks compared and
	// not paired yet, and it is the only such link of its relation that
	// leaves its From item or reaches its To item. Links to items the
	// frameworks lack are ignored here; [crosswalk.Crosswalk.Check] finds
	// them.
	Crosswalk *crosswalk.Crosswalk
}

// Frameworks returns what changed from framework a to framework b.
//
// Items (competencies and areas, which share one ID space) pair first by
// the crosswalk's exact links (with o.Crosswalk), then by ID, then by
// the crosswalk's close links, then by equal name, ignoring case and
// white space; a pair whose IDs differ is a change of Field "id". A name
// that several items of A, or several of B, share is ambiguous and pairs
// nothing. Items left unpaired are added or removed; with a crosswalk,
// each lists the crosswalk's links from or into it and its note on it.
// An item that moves from one tier to the other is a change of Field
// "tier" and one of Field "cluster", the cluster it joins or leaves.
// Clusters pair by ID, then by name; roles pair with roles and jobs with
// jobs, by ID, then by name (a job's title): names shared within one
// framework pair nothing there either. A paired role's or job's requirements pair by the IDs they
// list, A's translated to B's through the item pairs: equal sets first,
// then by the greatest overlap, greedily (ties in the order of A's
// requirements, then B's); a job's shares pair by role. Only a paired
// thing's changes are listed: an added or removed role is one change,
// not one per requirement.
//
// Frameworks costs time and memory linear in the size of the two
// frameworks, plus for each pair of roles or jobs the candidate pairs of
// their requirements that share an ID, of which it considers at most
// [MaxCandidates] for one role or job (past that, its requirements pair
// only by equal sets, and the rest are added and removed). Nil
// frameworks are empty ones.
func Frameworks(a, b *wlp.Framework, o *Options) *Changes {
	if o == nil {
		o = &Options{}
	}
	var sa, sb wlp.Spec
	if a != nil {
		sa = a.Spec()
	}
	if b != nil {
		sb = b.Spec()
	}
	d := &differ{a: a, b: b, sa: sa, sb: sb, cw: o.Crosswalk}
	out := &Changes{A: side(sa), B: side(sb), List: []Change{}}
	if o.Crosswalk != nil {
		out.Crosswalk = o.Crosswalk.ID
	}
	d.framework()
	d.clusters()
	d.items()
	d.targets()
	out.List = d.out
	if out.List == nil {
		out.List = []Change{}
	}
	return out
}

func side(s wlp.Spec) Side { return Side{ID: s.ID, Name: s.Name, Version: s.Version} }

// differ holds the state of one call of Frameworks.
type differ struct {
	a, b   *wlp.Framework
	sa, sb wlp.Spec
	cw     *crosswalk.Crosswalk
	out    []Change

	itemMap map[competency.ID]competency.ID // A's paired item IDs -> B's
	roleMap map[role.ID]role.ID             // A's paired role IDs -> B's

	linksFrom, linksTo map[competency.ID][]Link // the crosswalk's links, by item
	unmapped, fresh    map[competency.ID]string // the crosswalk's notes, by item
}

func (d *differ) add(c Change) { d.out = append(d.out, c) }

// field adds a change of field f of a paired thing when old != new.
func (d *differ) field(base Change, f Field, old, new string) {
	if old == new {
		return
	}
	base.Op, base.Field, base.Old, base.New = Changed, f, old, new
	d.add(base)
}

func (d *differ) framework() {
	base := Change{Kind: KindFramework, ID: d.sb.ID}
	if d.sa.ID != d.sb.ID {
		base.OldID = d.sa.ID
	}
	d.field(base, FieldID, d.sa.ID, d.sb.ID)
	d.field(base, FieldName, d.sa.Name, d.sb.Name)
	d.field(base, FieldVersion, d.sa.Version, d.sb.Version)
	d.field(base, FieldDescription, d.sa.Description, d.sb.Description)
}

// foldName is the key names pair by: the name without white space, in
// lower case.
func foldName(s string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

// pairing pairs the things of A (0..na-1) with those of B (0..nb-1):
// pa[i] is i's partner in B or -1, pb[j] j's in A or -1.
type pairing struct {
	pa, pb []int
}

func newPairing(na, nb int) pairing {
	p := pairing{make([]int, na), make([]int, nb)}
	for i := range p.pa {
		p.pa[i] = -1
	}
	for j := range p.pb {
		p.pb[j] = -1
	}
	return p
}

func (p pairing) pair(i, j int) {
	p.pa[i], p.pb[j] = j, i
}

// byKey pairs the unpaired things of A and B whose keys are equal and
// not empty, the first of A with a key with the first of B with it, in
// order. It costs O(na + nb).
func (p pairing) byKey(keyA func(int) string, keyB func(int) string) {
	free := map[string][]int{}
	for j := range p.pb {
		if p.pb[j] < 0 {
			if k := keyB(j); k != "" {
				free[k] = append(free[k], j)
			}
		}
	}
	for i := range p.pa {
		if p.pa[i] >= 0 {
			continue
		}
		k := keyA(i)
		if q := free[k]; k != "" && len(q) > 0 {
			p.pair(i, q[0])
			free[k] = q[1:]
		}
	}
}

// byName pairs the unpaired things of A and B whose names (keys, such
// as foldName gives) are equal and not empty, when no other thing of A
// has that name and no other thing of B has it, paired or not: a name
// shared by several things of one framework is ambiguous, and pairs
// nothing. It costs O(na + nb).
func (p pairing) byName(keyA func(int) string, keyB func(int) string) {
	count := func(n int, key func(int) string) map[string]int {
		m := make(map[string]int, n)
		for i := range n {
			if k := key(i); k != "" {
				m[k]++
			}
		}
		return m
	}
	na, nb := count(len(p.pa), keyA), count(len(p.pb), keyB)
	free := map[string]int{}
	for j := range p.pb {
		if k := keyB(j); p.pb[j] < 0 && k != "" && na[k] == 1 && nb[k] == 1 {
			free[k] = j
		}
	}
	for i := range p.pa {
		if p.pa[i] >= 0 {
			continue
		}
		if j, ok := free[keyA(i)]; ok {
			p.pair(i, j)
		}
	}
}

// clusterInfo is a cluster as a framework lists it, with its place.
type clusterInfo struct {
	competency.ClusterInfo
	path string
}

func clustersOf(f *wlp.Framework, s wlp.Spec) []clusterInfo {
	if f == nil {
		return nil
	}
	var out []clusterInfo
	for _, c := range f.Clusters() {
		ci := clusterInfo{ClusterInfo: c}
		if i := slices.IndexFunc(s.Clusters, func(x competency.ClusterInfo) bool { return x.ID == c.ID }); i >= 0 {
			ci.path = "/clusters/" + strconv.Itoa(i)
		}
		out = append(out, ci)
	}
	return out
}

func (d *differ) clusters() {
	ca, cb := clustersOf(d.a, d.sa), clustersOf(d.b, d.sb)
	p := newPairing(len(ca), len(cb))
	p.byKey(func(i int) string { return string(ca[i].ID) }, func(j int) string { return string(cb[j].ID) })
	p.byName(func(i int) string { return foldName(ca[i].Name) }, func(j int) string { return foldName(cb[j].Name) })
	for j, y := range cb {
		i := p.pb[j]
		if i < 0 {
			d.add(Change{Kind: KindCluster, Op: Added, ID: string(y.ID), PathB: y.path})
			continue
		}
		x := ca[i]
		base := Change{Kind: KindCluster, ID: string(y.ID), PathA: x.path, PathB: y.path}
		if x.ID != y.ID {
			base.OldID = string(x.ID)
		}
		d.field(base, FieldID, string(x.ID), string(y.ID))
		d.field(base, FieldName, x.Name, y.Name)
		d.field(base, FieldSummary, x.Summary, y.Summary)
	}
	for i, x := range ca {
		if p.pa[i] < 0 {
			d.add(Change{Kind: KindCluster, Op: Removed, ID: string(x.ID), PathA: x.path})
		}
	}
}

// item is a competency or an area, as one.
type item struct {
	kind         Kind
	id           competency.ID
	name         string
	summary      string
	cluster      competency.Cluster
	behaviors    []string
	technologies string
	path         string
}

func itemsOf(s wlp.Spec) []item {
	out := make([]item, 0, len(s.Competencies)+len(s.Areas))
	for i, c := range s.Competencies {
		out = append(out, item{kind: KindCompetency, id: c.ID, name: c.Name, summary: c.Summary, cluster: c.Cluster,
			behaviors: c.Behaviors, path: "/competencies/" + strconv.Itoa(i)})
	}
	for i, a := range s.Areas {
		out = append(out, item{kind: KindArea, id: a.ID, name: a.Name, summary: a.Summary, behaviors: a.Behaviors,
			technologies: a.Technologies, path: "/areas/" + strconv.Itoa(i)})
	}
	return out
}

// linkPairs pairs the unpaired items of A and B that a link of relation
// rel joins, when it is the only link of rel leaving its From among the
// unpaired items and the only one reaching its To, and records the
// relation of each pair it makes. It costs O(links + items).
func (d *differ) linkPairs(p pairing, ia, ib []item, rel competency.Relation, rels map[int]competency.Relation) {
	if d.cw == nil {
		return
	}
	posA := make(map[competency.ID]int, len(ia))
	for i, x := range ia {
		posA[x.id] = i
	}
	posB := make(map[competency.ID]int, len(ib))
	for j, y := range ib {
		posB[y.id] = j
	}
	from, to := map[int]int{}, map[int]int{}
	type cand struct{ i, j int }
	var cands []cand
	for _, l := range d.cw.Links {
		if l.Relation != rel {
			continue
		}
		i, okA := posA[l.From]
		j, okB := posB[l.To]
		if !okA || !okB || p.pa[i] >= 0 || p.pb[j] >= 0 {
			continue
		}
		from[i]++
		to[j]++
		cands = append(cands, cand{i, j})
	}
	for _, c := range cands {
		if from[c.i] == 1 && to[c.j] == 1 {
			p.pair(c.i, c.j)
			rels[c.i] = rel
		}
	}
}

func (d *differ) items() {
	ia, ib := itemsOf(d.sa), itemsOf(d.sb)
	p := newPairing(len(ia), len(ib))
	rels := map[int]competency.Relation{}
	d.linkPairs(p, ia, ib, competency.Exact, rels)
	p.byKey(func(i int) string { return string(ia[i].id) }, func(j int) string { return string(ib[j].id) })
	d.linkPairs(p, ia, ib, competency.Close, rels)
	p.byName(func(i int) string { return foldName(ia[i].name) }, func(j int) string { return foldName(ib[j].name) })

	d.itemMap = make(map[competency.ID]competency.ID, len(ia))
	for i, x := range ia {
		if j := p.pa[i]; j >= 0 {
			d.itemMap[x.id] = ib[j].id
		}
	}
	for j, y := range ib {
		i := p.pb[j]
		if i < 0 {
			d.add(Change{Kind: y.kind, Op: Added, ID: string(y.id), PathB: y.path, Links: d.links(y.id, false), Note: d.note(y.id, false)})
			continue
		}
		x := ia[i]
		base := Change{Kind: y.kind, ID: string(y.id), PathA: x.path, PathB: y.path}
		if x.id != y.id {
			base.OldID = string(x.id)
			c := base
			c.Relation = rels[i]
			d.field(c, FieldID, string(x.id), string(y.id))
		}
		d.field(base, FieldTier, string(x.kind), string(y.kind))
		d.field(base, FieldName, x.name, y.name)
		// An area has no cluster: one that becomes a competency joins one
		// (Old is empty), a competency that becomes an area leaves its own
		// (New is empty).
		d.field(base, FieldCluster, string(x.cluster), string(y.cluster))
		d.field(base, FieldSummary, x.summary, y.summary)
		if added, removed := listDiff(x.behaviors, y.behaviors); len(added)+len(removed) > 0 {
			c := base
			c.Op, c.Field, c.Added, c.Removed = Changed, FieldBehaviors, added, removed
			d.add(c)
		}
		d.field(base, FieldTechnologies, x.technologies, y.technologies)
	}
	for i, x := range ia {
		if p.pa[i] < 0 {
			d.add(Change{Kind: x.kind, Op: Removed, ID: string(x.id), PathA: x.path, Links: d.links(x.id, true), Note: d.note(x.id, true)})
		}
	}
}

// links returns the crosswalk's links from the item id of A (from set)
// or into the item id of B, in a fresh slice. The first call indexes the
// links, in O(links); each call then costs the links it returns.
func (d *differ) links(id competency.ID, from bool) []Link {
	if d.cw == nil {
		return nil
	}
	if d.linksFrom == nil {
		d.linksFrom, d.linksTo = map[competency.ID][]Link{}, map[competency.ID][]Link{}
		for _, l := range d.cw.Links {
			d.linksFrom[l.From] = append(d.linksFrom[l.From], Link{ID: l.To, Relation: l.Relation, Carry: l.Carry, Cap: l.Cap})
			d.linksTo[l.To] = append(d.linksTo[l.To], Link{ID: l.From, Relation: l.Relation, Carry: l.Carry, Cap: l.Cap})
		}
	}
	if from {
		return slices.Clone(d.linksFrom[id])
	}
	return slices.Clone(d.linksTo[id])
}

// note returns the crosswalk's note on the item id of A (from set), which
// says why it has no counterpart, or on the item id of B, which says why
// nothing leads to it; "" when the crosswalk has none. The first call
// indexes the notes, in O(notes); each call then costs O(1).
func (d *differ) note(id competency.ID, from bool) string {
	if d.cw == nil {
		return ""
	}
	if d.unmapped == nil {
		d.unmapped, d.fresh = map[competency.ID]string{}, map[competency.ID]string{}
		for _, n := range d.cw.Unmapped {
			if _, dup := d.unmapped[n.ID]; !dup {
				d.unmapped[n.ID] = n.Why
			}
		}
		for _, n := range d.cw.New {
			if _, dup := d.fresh[n.ID]; !dup {
				d.fresh[n.ID] = n.Why
			}
		}
	}
	if from {
		return d.unmapped[id]
	}
	return d.fresh[id]
}

// listDiff returns what b holds that a does not, and what a holds that b
// does not, each in its list's order, counting repeats. It costs
// O(len(a) + len(b)).
func listDiff(a, b []string) (added, removed []string) {
	count := make(map[string]int, len(a))
	for _, s := range a {
		count[s]++
	}
	for _, s := range b {
		if count[s] > 0 {
			count[s]--
		} else {
			added = append(added, s)
		}
	}
	for _, s := range slices.Backward(a) {
		if count[s] > 0 {
			count[s]--
			removed = append(removed, s)
		}
	}
	slices.Reverse(removed)
	return added, removed
}

// target is a role or a job, as one.
type target struct {
	kind    Kind
	id      role.ID
	name    string
	summary string
	reqs    []role.Requirement
	shares  []role.Share
	path    string
}

func targetsOf(s wlp.Spec) []target {
	out := make([]target, 0, len(s.Roles)+len(s.Jobs))
	for i, r := range s.Roles {
		out = append(out, target{kind: KindRole, id: r.ID, name: r.Name, summary: r.Summary, reqs: r.Requirements,
			path: "/roles/" + strconv.Itoa(i)})
	}
	for i, j := range s.Jobs {
		out = append(out, target{kind: KindJob, id: j.ID, name: j.Title, summary: j.Summary, reqs: j.Requirements,
			shares: j.Roles, path: "/jobs/" + strconv.Itoa(i)})
	}
	return out
}

func (d *differ) targets() {
	ta, tb := targetsOf(d.sa), targetsOf(d.sb)
	p := newPairing(len(ta), len(tb))
	key := func(ts []target, name bool) func(int) string {
		return func(i int) string {
			if name {
				if n := foldName(ts[i].name); n != "" {
					return string(ts[i].kind) + "\x00" + n
				}
				return ""
			}
			return string(ts[i].kind) + "\x00" + string(ts[i].id)
		}
	}
	p.byKey(key(ta, false), key(tb, false))
	p.byName(key(ta, true), key(tb, true))
	d.roleMap = map[role.ID]role.ID{}
	for i, x := range ta {
		if j := p.pa[i]; j >= 0 && x.kind == KindRole {
			d.roleMap[x.id] = tb[j].id
		}
	}
	for j, y := range tb {
		i := p.pb[j]
		if i < 0 {
			d.add(Change{Kind: y.kind, Op: Added, ID: string(y.id), PathB: y.path})
			continue
		}
		x := ta[i]
		base := Change{Kind: y.kind, ID: string(y.id), PathA: x.path, PathB: y.path}
		if x.id != y.id {
			base.OldID = string(x.id)
		}
		d.field(base, FieldID, string(x.id), string(y.id))
		d.field(base, FieldName, x.name, y.name)
		d.field(base, FieldSummary, x.summary, y.summary)
		d.shares(x, y)
		d.requirements(x, y)
	}
	for i, x := range ta {
		if p.pa[i] < 0 {
			d.add(Change{Kind: x.kind, Op: Removed, ID: string(x.id), PathA: x.path})
		}
	}
}

// shares lists the changes of job x's shares, as job y has them.
func (d *differ) shares(x, y target) {
	p := newPairing(len(x.shares), len(y.shares))
	p.byKey(func(i int) string {
		id := x.shares[i].Role
		if to, ok := d.roleMap[id]; ok {
			id = to
		}
		return string(id)
	}, func(j int) string { return string(y.shares[j].Role) })
	for j, sy := range y.shares {
		base := Change{Kind: KindShare, ID: string(sy.Role), Target: y.id, PathB: fmt.Sprintf("%s/roles/%d", y.path, j)}
		i := p.pb[j]
		if i < 0 {
			base.Op = Added
			d.add(base)
			continue
		}
		sx := x.shares[i]
		base.PathA = fmt.Sprintf("%s/roles/%d", x.path, i)
		if sx.Role != sy.Role {
			base.OldID = string(sx.Role)
		}
		d.field(base, FieldWeight, number(sx.Weight), number(sy.Weight))
		d.field(base, FieldWhy, sx.Why, sy.Why)
	}
	for i, sx := range x.shares {
		if p.pa[i] < 0 {
			d.add(Change{Kind: KindShare, Op: Removed, ID: string(sx.Role), Target: y.id, PathA: fmt.Sprintf("%s/roles/%d", x.path, i)})
		}
	}
}

// number writes a weight in the shortest form that reads back the same.
func number(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// requirements lists the changes of x's requirements, as y has them.
func (d *differ) requirements(x, y target) {
	// A's IDs, as B names them.
	of := make([][]competency.ID, len(x.reqs))
	for i, r := range x.reqs {
		of[i] = make([]competency.ID, len(r.Of))
		for k, id := range r.Of {
			if to, ok := d.itemMap[id]; ok {
				id = to
			}
			of[i][k] = id
		}
	}
	p := pairRequirements(of, y.reqs)
	for j, ry := range y.reqs {
		base := Change{Kind: KindRequirement, Target: y.id, Of: slices.Clone(ry.Of), PathB: fmt.Sprintf("%s/requirements/%d", y.path, j)}
		i := p.pb[j]
		if i < 0 {
			base.Op = Added
			d.add(base)
			continue
		}
		rx := x.reqs[i]
		base.PathA = fmt.Sprintf("%s/requirements/%d", x.path, i)
		var added, removed []string
		in := make(map[competency.ID]bool, len(ry.Of))
		for _, id := range ry.Of {
			in[id] = true
		}
		was := make(map[competency.ID]bool, len(of[i]))
		for k, id := range of[i] {
			was[id] = true
			if !in[id] {
				removed = append(removed, string(rx.Of[k]))
			}
		}
		for _, id := range ry.Of {
			if !was[id] {
				added = append(added, string(id))
			}
		}
		if len(added)+len(removed) > 0 {
			c := base
			c.Op, c.Field, c.Added, c.Removed = Changed, FieldOf, added, removed
			d.add(c)
		}
		d.field(base, FieldAtLeast, strconv.Itoa(rx.AtLeast), strconv.Itoa(ry.AtLeast))
		d.field(base, FieldLevel, strconv.Itoa(int(rx.Level)), strconv.Itoa(int(ry.Level)))
		d.field(base, FieldWeight, number(rx.Weight), number(ry.Weight))
		d.field(base, FieldWhy, rx.Why, ry.Why)
	}
	for i, rx := range x.reqs {
		if p.pa[i] < 0 {
			d.add(Change{Kind: KindRequirement, Op: Removed, Target: y.id, Of: slices.Clone(rx.Of),
				PathA: fmt.Sprintf("%s/requirements/%d", x.path, i)})
		}
	}
}
