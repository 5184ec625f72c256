package main

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
)

// TestBuildVersion checks the versions read from build information: a
// release, a checkout with its commit, and none at all.
func TestBuildVersion(t *testing.T) {
	fw := frameworkVersion{ID: "astd-2004", Version: "2004", Name: wlp.Default().Name()}
	for _, tt := range []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want versionInfo
		text string
	}{
		{
			name: "release",
			bi:   &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: modulePath, Version: "v1.4.0"}},
			ok:   true,
			want: versionInfo{Module: modulePath, Version: "v1.4.0", Go: "go1.26.8", Framework: fw},
			text: "wlp v1.4.0 (github.com/wlpmodel/wlp)\nbuilt with go1.26.8\nframework astd-2004 version 2004 (embedded): " + fw.Name + "\n",
		},
		{
			name: "checkout",
			bi: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: modulePath, Version: "(devel)"}, Settings: []debug.BuildSetting{
				{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "213844e0"}, {Key: "vcs.time", Value: "2025-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"},
			}},
			ok:   true,
			want: versionInfo{Module: modulePath, Version: "(devel)", Revision: "213844e0", Time: "2025-01-02T03:04:05Z", Modified: true, Go: "go1.26.8", Framework: fw},
			text: "wlp (devel) (github.com/wlpmodel/wlp), commit 213844e0 of 2025-01-02T03:04:05Z, with changes\nbuilt with go1.26.8\nframework astd-2004 version 2004 (embedded): " + fw.Name + "\n",
		},
		{
			name: "no build information",
			want: versionInfo{Module: modulePath, Version: "(devel)", Go: runtime.Version(), Framework: fw},
			text: "wlp (devel) (github.com/wlpmodel/wlp)\nbuilt with " + runtime.Version() + "\nframework astd-2004 version 2004 (embedded): " + fw.Name + "\n",
		},
		{
			name: "a test binary",
			bi:   &debug.BuildInfo{GoVersion: "go1.26.8"},
			ok:   true,
			want: versionInfo{Module: modulePath, Version: "(devel)", Go: "go1.26.8", Framework: fw},
			text: "wlp (devel) (github.com/wlpmodel/wlp)\nbuilt with go1.26.8\nframework astd-2004 version 2004 (embedded): " + fw.Name + "\n",
		},
	} {
		got := buildVersion(tt.bi, tt.ok, wlp.Default())
		if diff := gocmp.Diff(tt.want, got, gocmp.AllowUnexported(versionInfo{})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
		if diff := gocmp.Diff(tt.text, got.String()); diff != "" {
			t.Errorf("%s: text (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestVersionCommand runs wlp version: the text, the JSON, and misuse.
func TestVersionCommand(t *testing.T) {
	r := runWLP("", "version")
	lines := strings.Split(r.stdout, "\n")
	if r.code != 0 || r.stderr != "" || len(lines) != 4 || !strings.HasPrefix(lines[0], "wlp ") ||
		lines[1] != "built with "+runtime.Version() || !strings.HasPrefix(lines[2], "framework astd-2004 version 2004 (embedded): ") {
		t.Errorf("wlp version: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	r = runWLP("", "version", "-json")
	var v versionInfo
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || r.code != 0 {
		t.Fatalf("wlp version -json: exit %d, %v\n%s", r.code, err, r.stdout)
	}
	want := frameworkVersion{ID: "astd-2004", Version: "2004", Name: wlp.Default().Name()}
	if diff := gocmp.Diff(want, v.Framework); diff != "" || v.Go != runtime.Version() || v.Version == "" || v.Module == "" {
		t.Errorf("wlp version -json: %+v (framework -want +got):\n%s", v, diff)
	}
	for _, argv := range [][]string{{"version", "now"}, {"version", "-framework", "x.json"}} {
		if r := runWLP("", argv...); r.code != exitUsage || !strings.Contains(r.stderr, "usage: wlp version [-json]\n") {
			t.Errorf("wlp %q: exit %d, want 2 with the usage line\n%s", argv, r.code, r.stderr)
		}
	}
}
