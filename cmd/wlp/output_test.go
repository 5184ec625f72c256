package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// fileState is what a test sees of one path: its kind, its permission
// bits and its content, or where a link points.
type fileState struct {
	Kind    string // "file", "link", "dir" or "none"
	Perm    fs.FileMode
	Content string
	Link    string
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileState{Kind: "none"}
	case err != nil:
		t.Fatal(err)
	case fi.Mode()&fs.ModeSymlink != 0:
		to, err := os.Readlink(path)
		if err != nil {
			t.Fatal(err)
		}
		return fileState{Kind: "link", Link: to}
	case fi.IsDir():
		return fileState{Kind: "dir"}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{Kind: "file", Perm: fi.Mode().Perm(), Content: string(b)}
}

// names lists a folder.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestOutputFile checks chart -o: it writes the chart whole, keeps an
// existing file's permission bits, writes through a symbolic link, and
// refuses to write over an input file however it is named; a failure
// leaves the target as it was and no temporary file behind.
func TestOutputFile(t *testing.T) {
	chart := runWLP("", "chart", clo, dana)
	if chart.code != 0 {
		t.Fatalf("chart: exit %d: %s", chart.code, chart.stderr)
	}
	profileDoc := mustRead(t, dana)
	const old = "the old content\n"

	// The permission bits of a new file: 0644 less the umask.
	ref := filepath.Join(t.TempDir(), "ref")
	if err := os.WriteFile(ref, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	newPerm := stateOf(t, ref).Perm

	type setup func(t *testing.T, dir string)
	file := func(name, content string, perm fs.FileMode) setup {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(content), perm); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, perm); err != nil { // whatever the umask
				t.Fatal(err)
			}
		}
	}
	symlink := func(name, to string) setup {
		return func(t *testing.T, dir string) {
			if err := os.Symlink(to, filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	hardlink := func(name, to string) setup {
		return func(t *testing.T, dir string) {
			if err := os.Link(filepath.Join(dir, to), filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	mkdir := func(name string) setup {
		return func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	failSync := func(t *testing.T, _ string) {
		syncFile = func(*os.File) error { return errors.New("sync failed") }
		t.Cleanup(func() { syncFile = (*os.File).Sync })
	}
	// readOnly stands for a file the user may not write: as root (CI runs
	// as root) a 0444 file is writable, so the check itself is made to
	// fail, as the system would for anyone else.
	readOnly := func(t *testing.T, _ string) {
		saved := checkWritable
		checkWritable = func(string) error { return fs.ErrPermission }
		t.Cleanup(func() { checkWritable = saved })
	}
	failRename := func(t *testing.T, _ string) {
		renameFile = func(string, string) error { return errors.New("rename failed") }
		t.Cleanup(func() { renameFile = os.Rename })
	}

	for _, c := range []struct {
		name   string
		setup  []setup
		args   []string // "DIR/" starts a path in the test's folder
		code   int
		stderr string // "DIR/" stands for the test's folder
		after  map[string]fileState
	}{
		{
			name: "new file",
			args: args("chart", "-o", "DIR/out.svg", clo, dana),
			after: map[string]fileState{
				"out.svg": {Kind: "file", Perm: newPerm, Content: chart.stdout},
			},
		},
		{
			name:  "replaces a file, keeping its permission bits",
			setup: []setup{file("out.svg", old, 0o640)},
			args:  args("chart", "-o", "DIR/out.svg", clo, dana),
			after: map[string]fileState{
				"out.svg": {Kind: "file", Perm: 0o640, Content: chart.stdout},
			},
		},
		{
			name:  "through a symbolic link: the file it points at, keeping the link",
			setup: []setup{file("real.svg", old, 0o600), symlink("link.svg", "real.svg")},
			args:  args("chart", "-o", "DIR/link.svg", clo, dana),
			after: map[string]fileState{
				"link.svg": {Kind: "link", Link: "real.svg"},
				"real.svg": {Kind: "file", Perm: 0o600, Content: chart.stdout},
			},
		},
		{
			name:   "a link to a missing file",
			setup:  []setup{symlink("link.svg", "missing.svg")},
			args:   args("chart", "-o", "DIR/link.svg", clo, dana),
			code:   1,
			stderr: "wlp chart: cannot write DIR/link.svg: it is a symbolic link to a missing file\n",
			after: map[string]fileState{
				"link.svg":    {Kind: "link", Link: "missing.svg"},
				"missing.svg": {Kind: "none"},
			},
		},
		{
			name:   "the input profile",
			setup:  []setup{file("dana.json", profileDoc, 0o644)},
			args:   args("chart", "-o", "DIR/dana.json", "business-partner", "DIR/dana.json"),
			code:   1,
			stderr: "wlp chart: cannot write DIR/dana.json: it is the input file DIR/dana.json; write the output to another file\n",
			after: map[string]fileState{
				"dana.json": {Kind: "file", Perm: 0o644, Content: profileDoc},
			},
		},
		{
			name:   "the input profile through a symbolic link",
			setup:  []setup{file("dana.json", profileDoc, 0o644), symlink("link.json", "dana.json")},
			args:   args("chart", "-o", "DIR/link.json", "business-partner", "DIR/dana.json"),
			code:   1,
			stderr: "wlp chart: cannot write DIR/link.json: it is the input file DIR/dana.json; write the output to another file\n",
			after: map[string]fileState{
				"dana.json": {Kind: "file", Perm: 0o644, Content: profileDoc},
				"link.json": {Kind: "link", Link: "dana.json"},
			},
		},
		{
			name:   "an input read through a symbolic link",
			setup:  []setup{file("dana.json", profileDoc, 0o644), symlink("link.json", "dana.json")},
			args:   args("chart", "-o", "DIR/dana.json", "business-partner", "DIR/link.json"),
			code:   1,
			stderr: "wlp chart: cannot write DIR/dana.json: it is the input file DIR/link.json; write the output to another file\n",
			after: map[string]fileState{
				"dana.json": {Kind: "file", Perm: 0o644, Content: profileDoc},
			},
		},
		{
			name:   "the input profile through a hard link",
			setup:  []setup{file("dana.json", profileDoc, 0o644), hardlink("hard.json", "dana.json")},
			args:   args("chart", "-o", "DIR/hard.json", "business-partner", "DIR/dana.json"),
			code:   1,
			stderr: "wlp chart: cannot write DIR/hard.json: it is the input file DIR/dana.json; write the output to another file\n",
			after: map[string]fileState{
				"dana.json": {Kind: "file", Perm: 0o644, Content: profileDoc},
				"hard.json": {Kind: "file", Perm: 0o644, Content: profileDoc},
			},
		},
		{
			name:   "one input of a team",
			setup:  []setup{file("dana.json", profileDoc, 0o644)},
			args:   args("chart", "-team", "-o", "DIR/dana.json", clo, lee, "DIR/dana.json", sam),
			code:   1,
			stderr: "wlp chart: cannot write DIR/dana.json: it is the input file DIR/dana.json; write the output to another file\n",
			after: map[string]fileState{
				"dana.json": {Kind: "file", Perm: 0o644, Content: profileDoc},
			},
		},
		{
			name:   "the -framework file",
			setup:  []setup{file("fw.json", mustRead(t, "testdata/tiny-framework.json"), 0o644)},
			args:   args("chart", "-framework", "DIR/fw.json", "-o", "DIR/fw.json", "host", "testdata/tiny-kim.json"),
			code:   1,
			stderr: "wlp chart: cannot write DIR/fw.json: it is the input file DIR/fw.json; write the output to another file\n",
			after: map[string]fileState{
				"fw.json": {Kind: "file", Perm: 0o644, Content: mustRead(t, "testdata/tiny-framework.json")},
			},
		},
		{
			name:   "a folder",
			setup:  []setup{mkdir("out")},
			args:   args("chart", "-o", "DIR/out", clo, dana),
			code:   1,
			stderr: "wlp chart: cannot write DIR/out: it is a folder\n",
			after:  map[string]fileState{"out": {Kind: "dir"}},
		},
		{
			name:   "a missing folder",
			args:   args("chart", "-o", "DIR/no/out.svg", clo, dana),
			code:   1,
			stderr: "wlp chart: DIR/no/out.svg: cannot write: no such file or directory\n",
			after:  map[string]fileState{"no": {Kind: "none"}},
		},
		{
			name:   "sync fails",
			setup:  []setup{file("out.svg", old, 0o640), failSync},
			args:   args("chart", "-o", "DIR/out.svg", clo, dana),
			code:   1,
			stderr: "wlp chart: DIR/out.svg: cannot write: sync failed\n",
			after:  map[string]fileState{"out.svg": {Kind: "file", Perm: 0o640, Content: old}},
		},
		{
			name:   "rename fails",
			setup:  []setup{file("out.svg", old, 0o640), failRename},
			args:   args("chart", "-o", "DIR/out.svg", clo, dana),
			code:   1,
			stderr: "wlp chart: DIR/out.svg: cannot write: rename failed\n",
			after:  map[string]fileState{"out.svg": {Kind: "file", Perm: 0o640, Content: old}},
		},
		{
			name:   "a file the user may not write",
			setup:  []setup{file("out.svg", old, 0o444), readOnly},
			args:   args("chart", "-o", "DIR/out.svg", clo, dana),
			code:   1,
			stderr: "wlp chart: DIR/out.svg: cannot write: permission denied\n",
			after:  map[string]fileState{"out.svg": {Kind: "file", Perm: 0o444, Content: old}},
		},
		{
			name:   "rename fails for a new file",
			setup:  []setup{failRename},
			args:   args("chart", "-o", "DIR/out.svg", clo, dana),
			code:   1,
			stderr: "wlp chart: DIR/out.svg: cannot write: rename failed\n",
			after:  map[string]fileState{"out.svg": {Kind: "none"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, s := range c.setup {
				s(t, dir)
			}
			before := names(t, dir)
			argv := slices.Clone(c.args)
			for i, a := range argv {
				argv[i] = strings.Replace(a, "DIR/", dir+"/", 1)
			}
			r := runWLP("", argv...)
			want := result{c.code, "", strings.ReplaceAll(c.stderr, "DIR/", dir+"/")}
			if diff := gocmp.Diff(want, r, gocmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("wlp %v (-want +got):\n%s", argv, diff)
			}
			got := map[string]fileState{}
			for name := range c.after {
				got[name] = stateOf(t, filepath.Join(dir, name))
			}
			if diff := gocmp.Diff(c.after, got); diff != "" {
				t.Errorf("the files after (-want +got):\n%s", diff)
			}
			// Nothing is left behind but the output: no temporary file.
			wantNames := before
			if c.code == 0 {
				for name, st := range c.after {
					if st.Kind != "none" && !slices.Contains(wantNames, name) {
						wantNames = append(wantNames, name)
					}
				}
			}
			slices.Sort(wantNames)
			if diff := gocmp.Diff(wantNames, names(t, dir)); diff != "" {
				t.Errorf("the folder's files (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOutputStdinFile checks that -o refuses the file standard input
// reads, when it is a file.
func TestOutputStdinFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "dana.json")
	doc := mustRead(t, dana)
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out, errb strings.Builder
	code := run([]string{"chart", "-o", p, clo, "-"}, in, &out, &errb)
	want := result{1, "", "wlp chart: cannot write " + p + ": it is the input file <stdin>; write the output to another file\n"}
	if diff := gocmp.Diff(want, result{code, out.String(), errb.String()}, gocmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := mustRead(t, p); got != doc {
		t.Errorf("the profile was changed")
	}
}
