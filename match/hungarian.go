package match

import "slices"

// assignSolver hands hats to people, each person wearing at most a
// number of hats, for the largest weighted sum of fits, as an assignment
// problem: rows, each of which must be matched to a column, and columns,
// each matched to at most one row, at the least total cost. The short
// side is the rows. When the places people have (people × limit) are at
// least the hats, the hats are the rows and the columns are people's
// places; otherwise the places are the rows, a person's appearing as
// many times as the limit, and the hats the columns.
//
// Columns come in groups of identical columns, a group per key (a person,
// or a hat alone), holding up to keyCap matched columns. A column that
// nothing is matched to has potential 0 and costs what every free column
// of its group costs, so a group needs only its matched columns and one
// free one: a person's next place is made when the last free one is
// taken. With hats for rows there are so at most people + hats columns.
//
// solve runs the Hungarian algorithm (shortest augmenting paths with
// potentials, one row at a time): O(rows² × columns). settle then applies
// Assign's tie rule among the optimal assignments, which are the
// matchings of every row along tight edges (cost = u + v) that leave no
// column with a negative potential free.
type assignSolver struct {
	cost   []wide // the cost of row r and column c: cost[rowKey[r]*stride+colKey[c]]
	stride int
	rowKey []int
	colKey []int

	keyCap  int
	keyUsed []int // matched columns per key
	keyFree []int // free columns per key

	hatRows bool // the hats are the rows; else they are the columns

	u, v           []wide // row and column potentials
	rowCol, colRow []int  // the matching, -1 for none

	// Scratch for solve.
	minv     []wide
	way      []int
	used     []bool
	usedCols []int
	// Scratch for settle: two searches, each with its marks (the hat's
	// stamp), the next node towards its sources, and its queue.
	mark  [2][]int
	next  [2][]int
	queue [2][]int

	work int // cells of the cost matrix visited
}

// newAssignSolver sets up the problem for the fits of P people (person
// by person, as fitMatrix returns them) for the hats, each person wearing
// at most limit hats, with 1 <= limit < len(hats).
func newAssignSolver(fits []float64, hats []Hat, P, limit int) *assignSolver {
	H := len(hats)
	s := &assignSolver{hatRows: H <= P*limit}
	// The cost of a hat for a person is the largest weighted fit less
	// theirs, so that costs are at least 0.
	s.cost = weigh(fits, hats, s.hatRows)
	var top wide
	for _, x := range s.cost {
		if top.less(x) {
			top = x
		}
	}
	for c, x := range s.cost {
		s.cost[c] = top.sub(x)
	}
	var rows, keys int
	if s.hatRows {
		rows, keys, s.keyCap, s.stride = H, P, limit, P
		s.rowKey = make([]int, rows)
		for r := range s.rowKey {
			s.rowKey[r] = r
		}
	} else {
		rows, keys, s.keyCap, s.stride = P*limit, H, 1, H
		s.rowKey = make([]int, rows)
		for r := range s.rowKey {
			s.rowKey[r] = r / limit
		}
	}
	s.u = make([]wide, rows)
	s.rowCol = make([]int, rows)
	for r := range s.rowCol {
		s.rowCol[r] = -1
	}
	s.keyUsed = make([]int, keys)
	s.keyFree = make([]int, keys)
	for k := range keys {
		s.addColumn(k)
	}
	return s
}

// addColumn adds a free column to group k.
func (s *assignSolver) addColumn(k int) {
	s.colKey = append(s.colKey, k)
	s.colRow = append(s.colRow, -1)
	s.v = append(s.v, wide{})
	s.keyFree[k]++
}

// filled records that free column c is now matched, and adds a free
// column to its group if the group may hold more.
func (s *assignSolver) filled(c int) {
	k := s.colKey[c]
	s.keyFree[k]--
	s.keyUsed[k]++
	if s.keyFree[k] == 0 && s.keyUsed[k] < s.keyCap {
		s.addColumn(k)
	}
}

// emptied records that matched column c is now free.
func (s *assignSolver) emptied(c int) {
	k := s.colKey[c]
	s.keyUsed[k]--
	s.keyFree[k]++
}

// tight reports whether row r and column c are tight: their cost equals
// the sum of their potentials.
func (s *assignSolver) tight(r, c int) bool {
	return s.cost[s.rowKey[r]*s.stride+s.colKey[c]] == s.u[r].add(s.v[c])
}

// solve matches every row at the least total cost.
func (s *assignSolver) solve() {
	for r := range s.rowCol {
		s.augment(r)
	}
}

// augment matches row i, which is free, along a shortest augmenting path
// (Dijkstra's algorithm on the reduced costs, which the potentials keep
// non-negative), and updates the potentials.
func (s *assignSolver) augment(i int) {
	nc := len(s.colKey)
	for len(s.minv) < nc {
		s.minv = append(s.minv, wide{})
		s.way = append(s.way, 0)
		s.used = append(s.used, false)
	}
	minv, way, used := s.minv[:nc], s.way[:nc], s.used[:nc]
	clear(used)
	s.usedCols = s.usedCols[:0]
	r, prev, end := i, -1, -1
	for first := true; ; first = false {
		row := s.cost[s.rowKey[r]*s.stride:]
		ur := s.u[r]
		best := -1
		var delta wide
		for c := range nc {
			if used[c] {
				continue
			}
			d := row[s.colKey[c]].sub(ur).sub(s.v[c])
			if first || d.less(minv[c]) {
				minv[c], way[c] = d, prev
			}
			// Among equal distances a free column ends the search.
			if best < 0 || minv[c].less(delta) || minv[c] == delta && s.colRow[c] < 0 && s.colRow[best] >= 0 {
				best, delta = c, minv[c]
			}
		}
		// Move the potentials by delta: the rows reached so far (row i
		// and those of the used columns) up, the used columns down, so
		// that best's reduced cost becomes 0 and none turns negative.
		s.u[i] = s.u[i].add(delta)
		for _, c := range s.usedCols {
			s.u[s.colRow[c]] = s.u[s.colRow[c]].add(delta)
			s.v[c] = s.v[c].sub(delta)
		}
		for c := range nc {
			if !used[c] {
				minv[c] = minv[c].sub(delta)
			}
		}
		s.work += 2 * nc
		if s.colRow[best] < 0 {
			end = best
			break
		}
		used[best] = true
		s.usedCols = append(s.usedCols, best)
		prev, r = best, s.colRow[best]
	}
	// Shift the matching along the path back from the free column.
	for c := end; ; {
		p := way[c]
		if p < 0 {
			s.colRow[c], s.rowCol[i] = i, c
			break
		}
		r := s.colRow[p]
		s.colRow[c], s.rowCol[r] = r, c
		c = p
	}
	s.filled(end)
}

// settle turns the optimal matching into the one Assign's tie rule picks
// and returns, for each hat, the key of the person who wears it (-1 for
// nobody). before orders people's keys by profile ID.
func (s *assignSolver) settle(before func(a, b int) bool) []int {
	if s.hatRows {
		s.settleHatRows(before)
		out := make([]int, len(s.rowCol))
		for j, c := range s.rowCol {
			out[j] = s.colKey[c]
		}
		return out
	}
	s.settleHatCols(before)
	out := make([]int, len(s.colRow))
	for j, r := range s.colRow {
		out[j] = -1
		if r >= 0 {
			out[j] = s.rowKey[r]
		}
	}
	return out
}

// The tie rule goes through the hats in order and gives each the person
// with the first ID that some optimal assignment lets it have, the hats
// already settled staying where they are. The optimal assignments are the
// matchings of every row along tight edges that leave no column with a
// negative potential free (complementary slackness, which every optimal
// matching meets with the potentials solve leaves). So a hat moves to
// another person's place by a chain of moves along tight edges, each hat
// it displaces moving on in turn: the chain closes on the place the hat
// left (a cycle), or it ends in a free place (hats for rows) or with a
// hat of potential 0 left unworn (hats for columns), and the place the
// hat left is then left free, if its potential is 0, or refilled by a
// second chain. The searches for chains cost O(hats × places) per hat
// with hats for rows, O(places² + places × hats) with places for rows,
// and nothing when no person before the wearer is tight with the hat.

// settleHatRows applies the tie rule with the hats for rows: columns are
// people's places, grouped by person.
func (s *assignSolver) settleHatRows(before func(a, b int) bool) {
	H := len(s.rowCol)
	var cands []int
	for j := range H {
		s0 := s.rowCol[j]
		cur := s.colKey[s0]
		nc := len(s.colKey)
		// The places of people before j's wearer that j is tight with
		// and may move into: free ones, or those of hats not settled.
		cands = cands[:0]
		for c := range nc {
			if k, h := s.colKey[c], s.colRow[c]; before(k, cur) && (h < 0 || h > j) && s.tight(j, c) {
				cands = append(cands, c)
			}
		}
		s.work += nc
		if len(cands) == 0 {
			continue
		}
		for g := range s.mark {
			for len(s.mark[g]) < nc {
				s.mark[g] = append(s.mark[g], 0)
				s.next[g] = append(s.next[g], -1)
			}
		}
		stamp := j + 1
		// The places whose hat can move on, place by place, into s0.
		cycle := s.reachCols(j, stamp, s0)
		to, best := s0, cur
		for _, c := range cands {
			if k := s.colKey[c]; s.mark[0][c] == stamp && before(k, best) {
				to, best = c, k
			}
		}
		// A chain of moves ending in a free place can do better, if s0
		// may be left free or refilled from a place that may.
		vacate := -1
		for _, c := range cycle {
			if s.v[c] == (wide{}) {
				vacate = c
				break
			}
		}
		if vacate >= 0 {
			slices.SortFunc(cands, func(a, b int) int {
				switch ka, kb := s.colKey[a], s.colKey[b]; {
				case before(ka, kb):
					return -1
				case before(kb, ka):
					return 1
				}
				return a - b
			})
			for _, c := range cands {
				if !before(s.colKey[c], best) {
					break
				}
				if path := s.freeFrom(j, stamp, c); path != nil {
					s.shiftCols(j, path)
					s.filled(path[len(path)-1])
					if vacate == s0 {
						s.colRow[s0] = -1
					} else {
						s.shiftCols(-1, s.path(0, vacate))
					}
					s.emptied(vacate)
					to = s0
					break
				}
			}
		}
		if to != s0 {
			s.shiftCols(j, s.path(0, to))
		}
	}
}

// reachCols marks with stamp, in search 0, the places from which the
// hats after hat j can move on, place by place, into place x, and returns
// them, x first. A hat moves into a place when it is tight with it.
func (s *assignSolver) reachCols(j, stamp, x int) []int {
	mark, next := s.mark[0], s.next[0]
	mark[x], next[x] = stamp, -1
	q := append(s.queue[0][:0], x)
	H := len(s.rowCol)
	for n := 0; n < len(q); n++ {
		x := q[n]
		for r := j + 1; r < H; r++ {
			if a := s.rowCol[r]; mark[a] != stamp && s.tight(r, x) {
				mark[a], next[a] = stamp, x
				q = append(q, a)
			}
		}
		s.work += H - j
	}
	s.queue[0] = q
	return q
}

// freeFrom returns a chain of places from place c to a free place, each
// place's hat (one after hat j) moving into the next, or nil if there is
// none. It marks the places it visits with stamp, in search 1, and skips
// those already marked: from them no chain was found.
func (s *assignSolver) freeFrom(j, stamp, c int) []int {
	mark, prev := s.mark[1], s.next[1]
	if mark[c] == stamp {
		return nil
	}
	mark[c], prev[c] = stamp, -1
	q := append(s.queue[1][:0], c)
	nc := len(s.colKey)
	defer func() { s.queue[1] = q[:0] }()
	for n := 0; n < len(q); n++ {
		a := q[n]
		h := s.colRow[a]
		if h < 0 {
			var path []int
			for ; a >= 0; a = prev[a] {
				path = append(path, a)
			}
			slices.Reverse(path)
			return path
		}
		for x := range nc {
			if g := s.colRow[x]; mark[x] != stamp && (g < 0 || g > j) && s.tight(h, x) {
				mark[x], prev[x] = stamp, a
				q = append(q, x)
			}
		}
		s.work += nc
	}
	return nil
}

// path returns the nodes from x to a source of search g.
func (s *assignSolver) path(g, x int) []int {
	var p []int
	for ; x >= 0; x = s.next[g][x] {
		p = append(p, x)
	}
	return p
}

// shiftCols puts row h in the first column of path, the row of each
// column in the next one, and returns the row the last column held.
func (s *assignSolver) shiftCols(h int, path []int) int {
	for _, c := range path {
		h, s.colRow[c] = s.colRow[c], h
		if r := s.colRow[c]; r >= 0 {
			s.rowCol[r] = c
		}
	}
	return h
}

// shiftRows puts column h in the first row of path, the column of each
// row in the next one, and returns the column the last row held.
func (s *assignSolver) shiftRows(h int, path []int) int {
	for _, r := range path {
		h, s.rowCol[r] = s.rowCol[r], h
		s.colRow[s.rowCol[r]] = r
	}
	return h
}

// settleHatCols applies the tie rule with the hats for columns: rows are
// people's places, every one of them filled, and a hat left unworn is a
// free column.
func (s *assignSolver) settleHatCols(before func(a, b int) bool) {
	H, R := len(s.colRow), len(s.rowCol)
	for g := range s.mark {
		s.mark[g] = make([]int, R)
		s.next[g] = make([]int, R)
	}
	for j := range H {
		r0 := s.colRow[j]
		cur := -1
		if r0 >= 0 {
			cur = s.rowKey[r0]
		}
		// ahead reports whether person k comes before j's wearer, any
		// person coming before nobody.
		ahead := func(k, than int) bool { return than < 0 || before(k, than) }
		s.work += R
		better := false
		for r := range R {
			if ahead(s.rowKey[r], cur) && s.tight(r, j) {
				better = true
				break
			}
		}
		if !better {
			continue
		}
		stamp := j + 1
		// Search 0: the places whose hat can move on into r0. Search 1:
		// those whose hat can move on into a place whose hat may be left
		// unworn (potential 0).
		var cycle []int
		if r0 >= 0 {
			cycle = s.reachRows(0, j, stamp, []int{r0})
		}
		var vacate []int
		for r := range R {
			if h := s.rowCol[r]; h > j && s.v[h] == (wide{}) {
				vacate = append(vacate, r)
			}
		}
		s.reachRows(1, j, stamp, vacate)
		// The best place of each kind.
		to0, best0, to1, best1 := r0, cur, -1, cur
		for r := range R {
			if k := s.rowKey[r]; s.tight(r, j) {
				if s.mark[0][r] == stamp && r != r0 && before(k, best0) {
					to0, best0 = r, k
				}
				if s.mark[1][r] == stamp && ahead(k, best1) && (to1 < 0 || before(k, best1)) {
					to1, best1 = r, k
				}
			}
		}
		// A move into a place of search 1 leaves r0 to refill from a
		// place of search 0 tight with an unworn hat after j.
		refill, with := -1, -1
		if to1 >= 0 && r0 >= 0 && before(best1, best0) {
		find:
			for _, x := range cycle {
				for h := j + 1; h < H; h++ {
					if s.colRow[h] < 0 && s.tight(x, h) {
						refill, with = x, h
						break find
					}
				}
				s.work += H - j
			}
			if refill < 0 {
				to1 = -1
			}
		}
		switch {
		case to1 >= 0 && (r0 < 0 || before(best1, best0)):
			if h := s.shiftRows(j, s.path(1, to1)); h >= 0 {
				s.colRow[h] = -1
			}
			if r0 >= 0 {
				s.shiftRows(with, s.path(0, refill))
			}
		case to0 != r0:
			s.shiftRows(j, s.path(0, to0))
		}
	}
}

// reachRows marks with stamp, in search g, the places from which the
// hats after hat j can move on, place by place, into one of sources, and
// returns them, sources first. A hat moves from place a to place x when
// it is tight with x.
func (s *assignSolver) reachRows(g, j, stamp int, sources []int) []int {
	mark, next := s.mark[g], s.next[g]
	q := s.queue[g][:0]
	for _, x := range sources {
		mark[x], next[x] = stamp, -1
		q = append(q, x)
	}
	R := len(s.rowCol)
	for n := 0; n < len(q); n++ {
		x := q[n]
		for a, h := range s.rowCol {
			if h > j && mark[a] != stamp && s.tight(x, h) {
				mark[a], next[a] = stamp, x
				q = append(q, a)
			}
		}
		s.work += R
	}
	s.queue[g] = q
	return q
}
