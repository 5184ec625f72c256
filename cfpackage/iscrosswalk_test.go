package cfpackage_test

import (
	"encoding/json"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/cfpackage"
	"github.com/wlpmodel/wlp/crosswalk"
)

// TestIsCrosswalk checks how a crosswalk's package is told from a
// framework's, and which frameworks its extension names.
func TestIsCrosswalk(t *testing.T) {
	type verdict struct {
		IsCrosswalk bool
		From, To    string
		Named       bool
	}
	emptyCrosswalk := func(strict bool) *cfpackage.Package {
		c := xwHand()
		c.Links, c.Unmapped, c.New = []crosswalk.Link{}, nil, nil
		return xwDecode(t, xwExport(t, xwCase{"empty", c, xwOld(t), xwNew(t)}, &cfpackage.ExportOptions{Strict: strict}))
	}
	framework := func(f *wlp.Framework, strict bool) *cfpackage.Package {
		p, err := cfpackage.Export(f, &cfpackage.ExportOptions{Strict: strict})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		p    func() *cfpackage.Package
		want verdict
	}{
		{"nil", func() *cfpackage.Package { return nil }, verdict{}},
		{"a crosswalk's", func() *cfpackage.Package { return xwPackage(t, false) }, verdict{true, "old-model", "new-model", true}},
		{"a strict crosswalk's", func() *cfpackage.Package { return xwPackage(t, true) }, verdict{IsCrosswalk: true}},
		{"an empty crosswalk's", func() *cfpackage.Package { return emptyCrosswalk(false) }, verdict{true, "old-model", "new-model", true}},
		{"an empty strict crosswalk's: nothing tells it", func() *cfpackage.Package { return emptyCrosswalk(true) }, verdict{}},
		{"a framework's", func() *cfpackage.Package { return framework(xwOld(t), false) }, verdict{}},
		{"a strict framework's", func() *cfpackage.Package { return framework(wlp.Default(), true) }, verdict{}},
		{"a framework's, its items dropped", func() *cfpackage.Package {
			// Its isChildOf associations end at its document.
			p := framework(xwOld(t), true)
			p.Items = nil
			return p
		}, verdict{}},
		{"a crosswalk's with items", func() *cfpackage.Package {
			p := xwPackage(t, false)
			p.Items = framework(xwOld(t), false).Items
			return p
		}, verdict{From: "old-model", To: "new-model", Named: true}},
		{"an association to the document, by uri", func() *cfpackage.Package {
			p := xwPackage(t, true)
			p.Associations[2].DestinationNodeURI = cfpackage.NodeURI{URI: p.Document.URI}
			return p
		}, verdict{}},
		{"an extension that is not a crosswalk's", func() *cfpackage.Package {
			p := xwPackage(t, false)
			p.Document.Extensions[cfpackage.ExtensionName] = json.RawMessage(`{"crosswalk": "x", "from": "a", "to": "b", "links": []}`)
			return p
		}, verdict{IsCrosswalk: true}},
		{"an extension without its frameworks", func() *cfpackage.Package {
			p := xwPackage(t, false)
			p.Document.Extensions[cfpackage.ExtensionName] = json.RawMessage(`{"crosswalk": "x", "from": "a"}`)
			return p
		}, verdict{IsCrosswalk: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p()
			var got verdict
			got.IsCrosswalk = cfpackage.IsCrosswalk(p)
			got.From, got.To, got.Named = cfpackage.CrosswalkFrameworks(p)
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzIsCrosswalk checks that telling a decoded package's kind never
// panics, and that a package with items is never a crosswalk's.
func FuzzIsCrosswalk(f *testing.F) {
	f.Add(xwExport(f, xwCase{"hand", xwHand(), xwOld(f), xwNew(f)}, nil))
	f.Add(xwExport(f, xwCase{"hand", xwHand(), xwOld(f), xwNew(f)}, &cfpackage.ExportOptions{Strict: true}))
	f.Add([]byte(`{"CFDocument": {"identifier": "x", "extensions": {"wlp": {"crosswalk": "c", "from": "a", "to": "b"}}}, "CFAssociations": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _, err := cfpackage.Decode(data)
		if err != nil {
			return
		}
		is := cfpackage.IsCrosswalk(p)
		from, to, named := cfpackage.CrosswalkFrameworks(p)
		if is && len(p.Items) > 0 {
			t.Errorf("a package with %d items is a crosswalk's", len(p.Items))
		}
		if named && (from == "" || to == "") {
			t.Errorf("CrosswalkFrameworks = %q, %q, true", from, to)
		}
		if named && len(p.Items) == 0 && !is {
			t.Errorf("a package without items whose extension names frameworks is not a crosswalk's")
		}
	})
}
