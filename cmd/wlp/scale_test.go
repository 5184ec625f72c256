package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/match"
	"github.com/wlpmodel/wlp/role"
)

// scaleRow is one person of a ranking: the profile ID and the fit, as
// the JSON document gives it or as the table prints it.
type scaleRow struct {
	ID, Fit string
}

// TestRankScale runs `wlp rank -k 5` in-process over seeded populations
// of 2,000 and 8,000 people in JSON Lines (the people the scale
// benchmarks use, fewer), and checks that the command's top 5 are the
// top 5 of match.Matcher.Rank over the same people: the same IDs in the
// same order, with the same fits (exact in the JSON document, to the
// printed 0.1% in the table). However the command reads and ranks the
// people, it must agree with the library.
func TestRankScale(t *testing.T) {
	f := wlp.Default()
	m := match.New(f)
	dir := t.TempDir()
	files := map[int]string{}
	for _, n := range []int{2000, 8000} {
		files[n] = filepath.Join(dir, fmt.Sprintf("people-%d.jsonl", n))
		fh, err := os.Create(files[n])
		if err != nil {
			t.Fatal(err)
		}
		err = testfix.WriteJSONLines(fh, f, scaleSeed, n)
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		n      int
		target role.ID
		json   bool
	}{
		{2000, clo, true},
		{2000, role.LearningStrategist, false},
		{8000, clo, true},
	} {
		ranked, err := m.Rank(slices.Collect(testfix.Population(f, scaleSeed, tt.n)), tt.target, 5)
		if err != nil {
			t.Fatal(err)
		}
		var want []scaleRow
		for _, r := range ranked {
			fit := pct(r.Result.Fit)
			if tt.json {
				fit = strconv.FormatFloat(r.Result.Fit, 'g', -1, 64)
			}
			want = append(want, scaleRow{r.Profile, fit})
		}
		argv := []string{"rank", "-k", "5", string(tt.target), files[tt.n]}
		if tt.json {
			argv = slices.Insert(argv, 1, "-json")
		}
		r := runWLP("", argv...)
		if r.code != exitOK {
			t.Fatalf("wlp %s: exit %d\n%s", strings.Join(argv, " "), r.code, r.stderr)
		}
		got, err := scaleRows(r.stdout, tt.json)
		if err != nil {
			t.Fatalf("wlp %s: %v\n%s", strings.Join(argv, " "), err, r.stdout)
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("wlp %s (-match.Rank +command):\n%s", strings.Join(argv, " "), diff)
		}
	}
}

// scaleRows reads the people of a ranking from the command's output: the
// JSON document's profiles and fits, or the table's rows.
func scaleRows(out string, isJSON bool) ([]scaleRow, error) {
	var rows []scaleRow
	if isJSON {
		var ranked []struct {
			Profile string `json:"profile"`
			Result  struct {
				Fit json.Number `json:"fit"`
			} `json:"result"`
		}
		if err := json.Unmarshal([]byte(out), &ranked); err != nil {
			return nil, err
		}
		for _, r := range ranked {
			fit, err := r.Result.Fit.Float64()
			if err != nil {
				return nil, err
			}
			rows = append(rows, scaleRow{r.Profile, strconv.FormatFloat(fit, 'g', -1, 64)})
		}
		return rows, nil
	}
	// A row is "N  PROFILE  NAME...  FIT  GRADE  DEVELOP FIRST": the fit
	// is the first field after the ID that ends in "%".
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) < 3 || f[0] != strconv.Itoa(len(rows)+1) {
			continue
		}
		i := slices.IndexFunc(f[2:], func(s string) bool { return strings.HasSuffix(s, "%") })
		if i < 0 {
			return nil, fmt.Errorf("row %q has no fit", line)
		}
		rows = append(rows, scaleRow{f[1], f[2+i]})
	}
	return rows, nil
}
