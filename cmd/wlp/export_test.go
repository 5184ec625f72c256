package main

import (
	"os"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
)

// TestExportRoundTrip checks that export's output loads back into an
// equal framework, for the default and for a framework read from a file.
func TestExportRoundTrip(t *testing.T) {
	for _, c := range []struct {
		args []string
		file string
	}{{args("export"), ""}, {args("export", "-json"), ""}, {args("export", "-framework", learning2), learning2}} {
		r := runWLP("", c.args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, r.code, r.stderr)
		}
		got, err := wlp.Load(strings.NewReader(r.stdout))
		if err != nil {
			t.Fatalf("%v: the output does not load: %v", c.args, err)
		}
		want := wlp.Default()
		if c.file != "" {
			fh, err := os.Open(c.file)
			if err != nil {
				t.Fatal(err)
			}
			want, err = wlp.Load(fh)
			fh.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		if diff := gocmp.Diff(want.Spec(), got.Spec()); diff != "" {
			t.Errorf("%v: the loaded spec differs (-want +got):\n%s", c.args, diff)
		}
	}
}
