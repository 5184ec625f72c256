// Package testfix holds the test helpers that the tests of several
// packages share, so that each exists once: loaders for framework and
// profile files, a checker for SVG charts, and seeded populations of any
// size for the benchmarks (generated, never committed). Only tests and
// benchmarks import it.
package testfix

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/profile"
)

// LoadFramework loads the framework document at path with wlp.Load and
// fails the test if it cannot be read or is not valid.
// It costs what wlp.Load costs: O(size of the file).
func LoadFramework(t testing.TB, path string) *wlp.Framework {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f, err := wlp.Load(fh)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// LoadProfile loads the profile document at path with profile.Load and
// fails the test if it cannot be read or is not valid.
// It costs what profile.Load costs: O(size of the file).
func LoadProfile(t testing.TB, path string) profile.Profile {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	p, err := profile.Load(fh)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// SVGText checks that doc is well-formed XML whose root is an <svg>
// element, in the SVG namespace, with a viewBox, and fails the test
// otherwise. It returns the document's character data with every run of
// white space made one space, so that labels wrapped over several lines
// (tspans) read as one. It costs O(len(doc)).
func SVGText(t testing.TB, doc []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var text strings.Builder
	root := true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root {
				root = false
				viewBox := ""
				for _, a := range tok.Attr {
					if a.Name.Local == "viewBox" {
						viewBox = a.Value
					}
				}
				if tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg" || viewBox == "" {
					t.Fatalf("root element %v, viewBox %q: want an SVG with a viewBox", tok.Name, viewBox)
				}
			}
		case xml.CharData:
			text.Write(tok)
			text.WriteByte('\n')
		}
	}
	if root {
		t.Fatal("no root element")
	}
	return strings.Join(strings.Fields(text.String()), " ")
}
