package wlp_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// stressGoroutines is how many goroutines work at once, and
// stressIterations how many tasks each runs.
const (
	stressGoroutines = 32
	stressIterations = 24
)

// stressPeople returns n profiles of f's IDs at random levels, with IDs
// "s0000"...; one in ten repeats the ID of the one before it, so ties
// by ID are exercised.
func stressPeople(rng *rand.Rand, f *wlp.Framework, n int) []profile.Profile {
	ids := f.IDs()
	ps := make([]profile.Profile, n)
	for i := range ps {
		p := profile.Profile{ID: fmt.Sprintf("s%04d", i-i%10/8), Ratings: map[competency.ID]profile.Rating{}}
		for _, id := range ids {
			if rng.IntN(3) > 0 {
				p.Ratings[id] = profile.Rating{Level: competency.Level(rng.IntN(6)), Source: profile.Peer}
			}
		}
		ps[i] = p
	}
	return ps
}

// stressDocs returns documents of one kind: the examples' files whose
// name matches pattern and the bad-input catalogue's files of the kind.
func stressDocs(t *testing.T, patterns ...string) [][]byte {
	t.Helper()
	var out [][]byte
	for _, pat := range patterns {
		files, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no documents match %q", patterns)
	}
	return out
}

// stressLoaded is what loading one document gives: a Spec or a Profile,
// or the error's text.
type stressLoaded struct {
	Spec    *wlp.Spec
	Profile *profile.Profile
	Err     string
}

func stressLoadFramework(b []byte) stressLoaded {
	f, err := wlp.Load(bytes.NewReader(b))
	if err != nil {
		return stressLoaded{Err: err.Error()}
	}
	s := f.Spec()
	return stressLoaded{Spec: &s}
}

func stressLoadProfile(b []byte) stressLoaded {
	p, err := profile.Load(bytes.NewReader(b))
	if err != nil {
		return stressLoaded{Err: err.Error()}
	}
	return stressLoaded{Profile: &p}
}

// stressExpect holds the sequential answers.
type stressExpect struct {
	score map[string]match.Result // "profile index/target"
	best  [][]match.Result
	rank  map[string][]match.Ranked // "target/k"
	big   []match.Ranked
	fws   []stressLoaded
	profs []stressLoaded
}

// TestStressConcurrentUse scores, ranks, lists best roles and loads
// frameworks and profiles from 32 goroutines at once, sharing one
// Matcher (and building more on the shared Framework), and checks every
// answer against the one computed sequentially first. Run it with -race.
func TestStressConcurrentUse(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	rng := rand.New(rand.NewPCG(32, 2004))
	ps := stressPeople(rng, f, 40)
	bigPs := stressPeople(rng, f, 4200) // enough for Rank to share its work out
	var targets []role.ID
	for _, r := range f.Roles() {
		targets = append(targets, r.ID)
	}
	for _, j := range f.Jobs() {
		targets = append(targets, j.ID)
	}
	fwDocs := stressDocs(t, "examples/frameworks/*.json", "examples/data/*.framework.json", "testdata/bad/framework-*.json")
	defJSON, err := f.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	fwDocs = append(fwDocs, defJSON)
	profDocs := stressDocs(t, "testdata/bad/profile-*.json")
	people, err := filepath.Glob("examples/data/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range people {
		if !strings.HasSuffix(name, ".framework.json") {
			profDocs = append(profDocs, stressDocs(t, name)...)
		}
	}

	// The sequential answers.
	want := stressExpect{score: map[string]match.Result{}, rank: map[string][]match.Ranked{}}
	for i, p := range ps {
		for _, target := range targets {
			r, err := m.Score(p, target)
			if err != nil {
				t.Fatal(err)
			}
			want.score[fmt.Sprintf("%d/%s", i, target)] = r
		}
		want.best = append(want.best, m.BestRoles(p))
	}
	for _, target := range targets {
		for _, k := range []int{0, 1, 7} {
			r, err := m.Rank(ps, target, k)
			if err != nil {
				t.Fatal(err)
			}
			want.rank[fmt.Sprintf("%s/%d", target, k)] = r
		}
	}
	if want.big, err = m.Rank(bigPs, role.CLO, 5); err != nil {
		t.Fatal(err)
	}
	for _, b := range fwDocs {
		want.fws = append(want.fws, stressLoadFramework(b))
	}
	for _, b := range profDocs {
		want.profs = append(want.profs, stressLoadProfile(b))
	}
	loadedOK := 0
	for _, l := range slices.Concat(want.fws, want.profs) {
		if l.Err == "" {
			loadedOK++
		}
	}
	if loadedOK < 2 || loadedOK == len(want.fws)+len(want.profs) {
		t.Fatalf("%d of %d documents load: the test needs both good and bad ones", loadedOK, len(want.fws)+len(want.profs))
	}

	// The same work from many goroutines at once.
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		mu    sync.Mutex
		fails []string
		done  int
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(fails) < 10 {
			fails = append(fails, fmt.Sprintf(format, args...))
		}
	}
	for g := range stressGoroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			own := m
			if g%4 == 0 {
				own = match.New(wlp.Default()) // build while others score
			}
			for it := range stressIterations {
				n := g*stressIterations + it
				switch n % 6 {
				case 0, 1:
					i, target := n%len(ps), targets[n%len(targets)]
					got, err := own.Score(ps[i], target)
					if w := want.score[fmt.Sprintf("%d/%s", i, target)]; err != nil || !reflect.DeepEqual(w, got) {
						fail("Score(%d, %s): %v\n%s", i, target, err, cmp.Diff(w, got))
					}
				case 2:
					i := n % len(ps)
					if got := own.BestRoles(ps[i]); !reflect.DeepEqual(want.best[i], got) {
						fail("BestRoles(%d):\n%s", i, cmp.Diff(want.best[i], got))
					}
				case 3:
					target, k := targets[n%len(targets)], []int{0, 1, 7}[n%3]
					got, err := own.Rank(ps, target, k)
					if w := want.rank[fmt.Sprintf("%s/%d", target, k)]; err != nil || !reflect.DeepEqual(w, got) {
						fail("Rank(%s, %d): %v\n%s", target, k, err, cmp.Diff(w, got))
					}
				case 4:
					i := n % len(fwDocs)
					if got := stressLoadFramework(fwDocs[i]); !reflect.DeepEqual(want.fws[i], got) {
						fail("wlp.Load(document %d):\n%s", i, cmp.Diff(want.fws[i], got))
					}
				case 5:
					i := n % len(profDocs)
					if got := stressLoadProfile(profDocs[i]); !reflect.DeepEqual(want.profs[i], got) {
						fail("profile.Load(document %d):\n%s", i, cmp.Diff(want.profs[i], got))
					}
				}
				if it == 0 && g%8 == 1 {
					got, err := own.Rank(bigPs, role.CLO, 5)
					if err != nil || !reflect.DeepEqual(want.big, got) {
						fail("Rank of %d profiles: %v\n%s", len(bigPs), err, cmp.Diff(want.big, got))
					}
				}
				if wlp.Default() != f {
					fail("Default() returned another framework")
				}
				mu.Lock()
				done++
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	for _, msg := range fails {
		t.Error(msg)
	}
	if done != stressGoroutines*stressIterations {
		t.Errorf("%d tasks ran, want %d", done, stressGoroutines*stressIterations)
	}
}
