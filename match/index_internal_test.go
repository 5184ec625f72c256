package match

import (
	"strings"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/role"
)

// indexFramework is a framework of the given competency IDs with one role
// that needs each of them at level 5, weight 1.
func indexFramework(t *testing.T, ids []competency.ID) *wlp.Framework {
	t.Helper()
	s := wlp.Spec{ID: "index-test", Name: "Index test"}
	r := role.Role{ID: "all", Name: "All"}
	for _, id := range ids {
		s.Competencies = append(s.Competencies, competency.Competency{ID: id, Name: "C " + string(id), Cluster: competency.Personal})
		r.Requirements = append(r.Requirements, role.Requirement{Of: []competency.ID{id}, Level: 5, Weight: 1})
	}
	s.Roles = []role.Role{r}
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// twins returns n IDs of length 40 that differ only in bytes the
// signature does not read, so that no seed tells them apart.
func twins(n int) []competency.ID {
	var ids []competency.ID
	for i := range n {
		ids = append(ids, competency.ID("aaaaaaaa-"+string(rune('a'+i))+strings.Repeat("b", 30)))
	}
	return ids
}

// TestIndex checks both forms of the index, the perfect hash and the map
// it falls back to, on IDs of every length class the signature treats
// apart, and on near misses: IDs the framework lacks that share a slot's
// signature or length.
func TestIndex(t *testing.T) {
	short := []competency.ID{"a", "ab", "abc", "abcdefg"}
	mid := []competency.ID{"abcdefgh", "abcdefghi", "abcdefghijklmnop"}
	long := []competency.ID{"abcdefghijklmnopq", "managing-the-learning-function", competency.ID(strings.Repeat("x", competency.MaxIDLen))}
	tests := []struct {
		name     string
		ids      []competency.ID
		fallback bool
		absent   []competency.ID
	}{
		{"default framework", wlp.Default().IDs(), false, []competency.ID{"", "building-trusT", "building-trust ", "Building-trust", "x"}},
		{"short, middle and long IDs", append(append(append([]competency.ID{}, short...), mid...), long...), false, []competency.ID{"abcdefgx", "abcdefghijklmnoq", "b", "", "abcdefghijklmnopqr"}},
		{"signatures collide", twins(3), true, []competency.ID{twins(4)[3], "aaaaaaaa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newIndex(tt.ids)
			if got := x.m != nil; got != tt.fallback {
				t.Fatalf("fell back to a map: %v, want %v", got, tt.fallback)
			}
			for i, id := range tt.ids {
				if got, ok := x.lookup(id); !ok || got != int32(i) {
					t.Errorf("lookup(%q) = %d, %v; want %d, true", id, got, ok, i)
				}
			}
			for _, id := range tt.absent {
				if got, ok := x.lookup(id); ok {
					t.Errorf("lookup(%q) = %d, true; want false", id, got)
				}
			}
		})
	}
}
