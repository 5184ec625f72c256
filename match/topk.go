package match

// topK keeps the best k of the values offered to it, by cmp (negative
// when a ranks before b): a heap whose root is the worst kept. k <= 0
// keeps everything, unordered.
type topK[T any] struct {
	k   int
	cmp func(a, b T) int
	s   []T
}

// offer keeps v if it is among the best k offered so far, and reports
// whether it did. It costs O(log k).
func (h *topK[T]) offer(v T) bool {
	if h.k <= 0 {
		h.s = append(h.s, v)
		return true
	}
	if len(h.s) < h.k {
		h.s = append(h.s, v)
		// Sift up: a parent ranks after (is worse than) its children.
		for i := len(h.s) - 1; i > 0; {
			p := (i - 1) / 2
			if h.cmp(h.s[p], h.s[i]) > 0 {
				break
			}
			h.s[p], h.s[i] = h.s[i], h.s[p]
			i = p
		}
		return true
	}
	if h.cmp(v, h.s[0]) >= 0 {
		return false // no better than the worst kept
	}
	h.s[0] = v
	for i := 0; ; {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(h.s) && h.cmp(h.s[l], h.s[worst]) > 0 {
			worst = l
		}
		if r < len(h.s) && h.cmp(h.s[r], h.s[worst]) > 0 {
			worst = r
		}
		if worst == i {
			return true
		}
		h.s[i], h.s[worst] = h.s[worst], h.s[i]
		i = worst
	}
}
