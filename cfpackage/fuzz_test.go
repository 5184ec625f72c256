package cfpackage_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/problem"
)

// FuzzDecode decodes any input and checks what Decode promises:
//
//   - it does not panic, and it returns a package or a *problem.Error of
//     package "cfpackage", never both;
//   - the warnings come in problem.Compare order, at most
//     problem.MaxReported and one that counts the rest, and each is at
//     a place of the input (its path resolves in the input's generic
//     parse, a byte-order mark read past, or is "");
//   - what it decodes is a fixed point: encoded and decoded again, it
//     gives no error, the same package and the same bytes, and no more
//     warnings than the first time. What a reader rewrites (nulls,
//     unknown fields, dates, upper-case UUIDs, strings of commas,
//     numbers as strings, a wrapper) is valid after the first read; what
//     it keeps as found (a missing or empty required field, an identifier
//     that is not a UUID, an unknown associationType, targetType or
//     caseVersion) warns again, as often. So a package that
//     decodes with no warnings re-encodes to one that decodes with none;
//   - an input that decodes with no warnings is valid by CASE 1.1's
//     CFPackage schema (wlp's transcription of it, which
//     conform_test.go checks against the official file).
func FuzzDecode(f *testing.F) {
	_, schema := transcription(f)
	files, err := filepath.Glob("testdata/read/*.json")
	if err != nil || len(files) == 0 {
		f.Fatal("no fixtures", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	mini, err := os.Open("../testdata/mini-framework.json")
	if err != nil {
		f.Fatal(err)
	}
	fw, err := wlp.Load(mini)
	mini.Close()
	if err != nil {
		f.Fatal(err)
	}
	p, err := cfpackage.Export(fw, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(encode(f, p))
	f.Add([]byte(`{"CFDocument":{"extensions":{"a":{"c":1,"b":[{}]}}},"CFRubrics":[{"CFRubricCriteria":[{"CFRubricCriterionLevels":[{"extensions":{"x":1}}]}]}]}`))
	// A byte-order mark, leap seconds, a lower-case t and z, and lists
	// of empty objects.
	f.Add(append([]byte("\xef\xbb\xbf"), encode(f, p)...))
	f.Add([]byte(`{"CFDocument":{"lastChangeDateTime":"2016-12-31t23:59:60z"},"CFItems":[{"lastChangeDateTime":"2017-01-01T00:59:60+01:00","statusStartDate":"2016-12-31T23:59:60"},{"lastChangeDateTime":"2016-12-31 22:59:60"}]}`))
	f.Add([]byte(`{"CFDocument":{},"CFItems":[{},{},{"subjectURI":[{},{}],"educationLevel":["",null,""]}]}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		p, warns, err := cfpackage.Decode(data)
		if err != nil {
			var pe *problem.Error
			if !errors.As(err, &pe) || pe.Package != "cfpackage" {
				t.Fatalf("error %v (%T), want a *problem.Error of package cfpackage", err, err)
			}
			if p != nil {
				t.Fatal("both a package and an error")
			}
			return
		}
		if p == nil {
			t.Fatal("neither a package nor an error")
		}
		if len(warns) > problem.MaxReported+1 {
			t.Fatalf("%d warnings", len(warns))
		}
		listed := warns
		if len(warns) == problem.MaxReported+1 {
			listed = warns[:problem.MaxReported]
		}
		if !slices.IsSortedFunc(listed, problem.Compare) {
			t.Errorf("warnings out of order: %v", warns)
		}
		if len(warns) == 0 {
			if err := validateWith(schema, data); err != nil {
				t.Fatalf("no warnings, but the schema rejects the input: %v", err)
			}
		}
		if rest, ok := bytes.CutPrefix(data, []byte("\xef\xbb\xbf")); ok {
			data = rest // which jsonx rejects
		}
		tree, _, ok := jsonx.Parse(data, jsonx.Limits{MaxBytes: cfpackage.MaxBytes})
		if !ok {
			t.Fatal("Decode read what jsonx.Parse cannot")
		}
		for _, w := range warns {
			if !resolves(tree, w.Path) {
				t.Errorf("warning %v: the path leads nowhere in the input", w)
			}
		}

		again := encode(t, p)
		p2, warns2, err := cfpackage.Decode(again)
		if err != nil {
			t.Fatalf("re-read: %v\n%s", err, again)
		}
		if diff := cmp.Diff(p, p2); diff != "" {
			t.Fatalf("re-read package (-first +again):\n%s", diff)
		}
		if !bytes.Equal(encode(t, p2), again) {
			t.Fatal("re-read package encodes to other bytes")
		}
		if len(warns2) > len(warns) {
			t.Fatalf("re-read: %d warnings, more than the first read's %d:\nfirst: %v\nagain: %v", len(warns2), len(warns), warns, warns2)
		}
	})
}
