package jsonx_test

import (
	"go/build"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// module is this module's path; its packages sit under the module root,
// two levels above this package.
const module = "github.com/wlpmodel/wlp"

// moduleDeps returns the packages outside the standard library that pkg,
// a package of this module, needs to build (its tests aside), found by
// following its imports through the module's packages, in sorted order.
func moduleDeps(t *testing.T, pkg string) []string {
	t.Helper()
	seen := map[string]bool{}
	var outside []string
	var visit func(path string)
	visit = func(path string) {
		if seen[path] {
			return
		}
		seen[path] = true
		rel, ok := strings.CutPrefix(path, module)
		if !ok {
			outside = append(outside, path)
			return
		}
		p, err := build.ImportDir(filepath.Join("..", "..", filepath.FromSlash(rel)), 0)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, imp := range p.Imports {
			if first, _, _ := strings.Cut(imp, "/"); strings.Contains(first, ".") {
				visit(imp)
			}
		}
	}
	visit(pkg)
	slices.Sort(outside)
	return outside
}

// TestLoadersNeedNoValidator checks that the reader, and package profile,
// which loads with it, need nothing outside the standard library: not
// the JSON Schema validator, nor the golang.org/x/text it brings, which
// more than doubled the size of a program that only imports profile
// (from 2.4 MB to 5 MB) when the loaders ran the validator. The root
// package and match, which load and score, need nothing more either.
func TestLoadersNeedNoValidator(t *testing.T) {
	for _, pkg := range []string{module + "/internal/jsonx", module + "/profile", module, module + "/match"} {
		if diff := cmp.Diff([]string(nil), moduleDeps(t, pkg)); diff != "" {
			t.Errorf("%s needs packages outside the standard library (-want +got):\n%s", pkg, diff)
		}
	}
}
