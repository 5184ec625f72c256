package wlp_test

// Loading against encoding/json (issue 14): wlp.Load must cost at most
// 1.5 times the time and 2 times the allocations of json.Unmarshal into
// wlp.Spec, measured in the same run. BenchmarkLoad measures both;
// TestLoadAllocsAgainstUnmarshal holds the allocation ratio. Load does
// more than decode: it validates the spec and indexes it into a
// Framework (wlp.New), and the ratios count that too.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
)

type frameworkDoc struct {
	name string
	doc  []byte
}

// frameworkDocs returns the documents BenchmarkLoad and
// TestLoadAllocsAgainstUnmarshal read: the default framework's document
// and the example framework learning2.json.
func frameworkDocs(tb testing.TB) []frameworkDoc {
	tb.Helper()
	def, err := json.Marshal(wlp.Default())
	if err != nil {
		tb.Fatal(err)
	}
	l2, err := os.ReadFile("examples/frameworks/learning2.json")
	if err != nil {
		tb.Fatal(err)
	}
	return []frameworkDoc{{"default", def}, {"learning2", l2}}
}

// unmarshalSpec is the baseline: encoding/json into wlp.Spec.
func unmarshalSpec(doc []byte) (wlp.Spec, error) {
	var s wlp.Spec
	err := json.Unmarshal(doc, &s)
	return s, err
}

// loadFramework reads doc with wlp.Load, from a bytes.Reader as a caller
// would.
func loadFramework(doc []byte) (*wlp.Framework, error) {
	return wlp.Load(bytes.NewReader(doc))
}

// BenchmarkLoad compares wlp.Load with json.Unmarshal into wlp.Spec on
// the same bytes.
func BenchmarkLoad(b *testing.B) {
	for _, d := range frameworkDocs(b) {
		b.Run(fmt.Sprintf("%s/bytes=%d/json.Unmarshal", d.name, len(d.doc)), func(b *testing.B) {
			b.SetBytes(int64(len(d.doc)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := unmarshalSpec(d.doc); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%s/bytes=%d/wlp.Load", d.name, len(d.doc)), func(b *testing.B) {
			b.SetBytes(int64(len(d.doc)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := loadFramework(d.doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLoadAllocsAgainstUnmarshal checks, without timing anything, that
// wlp.Load reads the spec json.Unmarshal reads and allocates at most
// twice as often, for each document BenchmarkLoad reads.
func TestLoadAllocsAgainstUnmarshal(t *testing.T) {
	for _, d := range frameworkDocs(t) {
		t.Run(d.name, func(t *testing.T) {
			want, err := unmarshalSpec(d.doc)
			if err != nil {
				t.Fatal(err)
			}
			f, err := loadFramework(d.doc)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, f.Spec()); diff != "" {
				t.Fatalf("wlp.Load and json.Unmarshal differ (-Unmarshal +Load):\n%s", diff)
			}
			base := testing.AllocsPerRun(20, func() { _, _ = unmarshalSpec(d.doc) })
			ours := testing.AllocsPerRun(20, func() { _, _ = loadFramework(d.doc) })
			t.Logf("%d bytes: json.Unmarshal %.0f allocations, wlp.Load %.0f (%.2fx)", len(d.doc), base, ours, ours/base)
			if ours > 2*base {
				t.Errorf("wlp.Load allocates %.0f times for %d bytes, more than twice json.Unmarshal's %.0f", ours, len(d.doc), base)
			}
		})
	}
}
