package main

import (
	"cmp"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/wlpmodel/wlp"
)

// newVersion returns the version command, its flags bound to e.
func newVersion(e *env) *Command {
	c := newCommand(&Command{
		Name:      "version",
		UsageLine: "wlp version [-json]",
		Short:     "the version of wlp, of the Go it was built with, and of its framework",
		Long: `Version prints the version of the wlp module this program was built from
(a release such as v1.2.0; built from a checkout of the repository,
"(devel)" or a pseudo-version, and the commit when the build recorded
one), the version of Go that built it, and the ID, version and name of the
framework it embeds. "wlp -version" says the same.`,
		Example: `wlp version
wlp version -json`,
		Run: func([]string) error { return runVersion(e) },
	})
	c.Flag.BoolVar(&e.json, "json", false, "print the versions as a JSON object")
	return c
}

// versionInfo is what `wlp version -json` prints.
type versionInfo struct {
	// Module is the path of the module wlp was built from.
	Module string `json:"module"`
	// Version is the module's version, or "(devel)".
	Version string `json:"version"`
	// Revision and Time are the commit the build recorded, if any, and
	// Modified whether the checkout had changes.
	Revision string `json:"revision,omitempty"`
	Time     string `json:"time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
	// Go is the version of Go that built wlp.
	Go string `json:"go"`
	// Framework is the embedded framework.
	Framework frameworkVersion `json:"framework"`
}

// frameworkVersion names a framework and its version.
type frameworkVersion struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Name    string `json:"name"`
}

// modulePath is the path of the module wlp belongs to.
const modulePath = "github.com/wlpmodel/wlp"

// buildVersion returns the versions of this program from its build
// information, as debug.ReadBuildInfo returns it (ok false when the
// program has none), and of the framework f.
func buildVersion(bi *debug.BuildInfo, ok bool, f *wlp.Framework) versionInfo {
	v := versionInfo{Module: modulePath, Version: "(devel)", Go: runtime.Version()}
	if ok && bi != nil {
		v.Go = cmp.Or(bi.GoVersion, v.Go)
		if bi.Main.Path != "" {
			v.Module = bi.Main.Path
		}
		if bi.Main.Version != "" {
			v.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Revision = s.Value
			case "vcs.time":
				v.Time = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	v.Framework = frameworkVersion{ID: f.ID(), Version: f.Version(), Name: f.Name()}
	return v
}

// String returns the versions as `wlp version` prints them, one a line.
func (v versionInfo) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "wlp %s (%s)", clean(v.Version), clean(v.Module))
	if v.Revision != "" {
		fmt.Fprintf(&b, ", commit %s", clean(v.Revision))
		if v.Time != "" {
			fmt.Fprintf(&b, " of %s", clean(v.Time))
		}
		if v.Modified {
			b.WriteString(", with changes")
		}
	}
	fmt.Fprintf(&b, "\nbuilt with %s\n", clean(v.Go))
	fmt.Fprintf(&b, "framework %s version %s (embedded): %s\n", clean(v.Framework.ID), clean(v.Framework.Version), clean(v.Framework.Name))
	return b.String()
}

// runVersion is `wlp version`.
func runVersion(e *env) error {
	bi, ok := debug.ReadBuildInfo()
	v := buildVersion(bi, ok, wlp.Default())
	if e.json {
		return writeJSON(e.stdout, v)
	}
	_, err := fmt.Fprint(e.stdout, v)
	return err
}
