package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRun(t *testing.T) {
	in := `goos: linux
pkg: github.com/wlpmodel/wlp/match
BenchmarkGrowthPlan/n=100-2         	    1000	      2000 ns/op	    1024 B/op	      10 allocs/op
BenchmarkGrowthPlan/n=200-2         	    1000	      4100 ns/op	    2048 B/op	      10 allocs/op
BenchmarkGrowthPlan/n=400-2         	    1000	     32000 ns/op	    4096 B/op	      10 allocs/op
BenchmarkScore-2                    	    1000	       800 ns/op
BenchmarkGrowthShort/n=1-2          	    1000	       800 ns/op
PASS
`
	var out, rest bytes.Buffer
	if err := run(strings.NewReader(in), &out, &rest); err != nil {
		t.Fatal(err)
	}
	want := `| benchmark | sizes | time at N | time 2N/N | time 4N/N | memory at N | memory 2N/N | memory 4N/N |
| --- | --- | --- | --- | --- | --- | --- | --- |
| match.GrowthPlan | 100, 200, 400 | 2.0 µs | 2.0 | 16.0 | 1.0 KiB | 2.0 | 4.0 |
`
	if d := cmp.Diff(want, out.String()); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
	if !strings.Contains(rest.String(), "BenchmarkScore-2") || !strings.Contains(rest.String(), "PASS") {
		t.Errorf("other lines were not passed through: %q", rest.String())
	}
}
