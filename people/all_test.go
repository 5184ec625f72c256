package people_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wlpmodel/wlp/people"
	"github.com/wlpmodel/wlp/profile"
)

// kinds is how messages list the kinds of file a folder is read for.
const kinds = "(.json, .jsonl, .ndjson, .csv, .tsv, .xlsx, .xlsm)"

// files writes the files named, each with its text, under dir; a name
// ending in "/" is a folder.
func files(t *testing.T, dir string, named map[string]string) {
	t.Helper()
	for name, text := range named {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// teamDir returns a folder of profile files, with the files that office
// programs and systems leave beside them, and a sub-folder.
func teamDir(t *testing.T) string {
	dir := t.TempDir()
	files(t, dir, map[string]string{
		"team/c.json":        `{"id":"cy"}`,
		"team/a.json":        `{"id":"ana"}`,
		"team/b.jsonl":       "{\"id\":\"ben\"}\n{\"id\":\"bo\"}\n",
		"team/.hidden.json":  `{"id":"hidden"}`,
		"team/~$x.xlsx":      "not a workbook",
		"team/.~lock.x.csv#": "not a sheet",
		"team/README.txt":    "not a sheet",
		"team/notes.md":      "notes",
		"team/sub/d.json":    `{"id":"dee"}`,
		"team/sub.json/":     "",
		"empty/":             "",
		"texts/README.txt":   "not a sheet",
		"docs/README.txt":    "not a sheet",
		"docs/team.xls":      "an old workbook",
		"one.json":           `{"id":"eve"}`,
		"dup.jsonl":          "{\"id\":\"fay\"}\n{\"id\":\"ana\"}\n{\"id\":\"gus\"}\n",
		"arr.json":           `[{"id":"hal"},{"id":"hal"}]`,
		"cards/x.json":       `{"id":"ivy"}`,
		"cards/y.json":       `{"id":"jo"}`,
	})
	if err := os.Symlink(filepath.Join(dir, "one.json"), filepath.Join(dir, "texts", "link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "team"), filepath.Join(dir, "texts", "dir.json")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAll(t *testing.T) {
	dir := teamDir(t)
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	stdinTeam := "{\"id\":\"kim\"}\n{\"id\":\"eve\"}\n"
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  []yielded
		// wantOpened lists the files Opened is called with, in order.
		wantOpened []string
	}{
		{name: "file", args: []string{p("one.json")},
			want:       []yielded{person("eve", at(p("one.json"), 0, ""))},
			wantOpened: []string{p("one.json")}},
		{name: "folder in name order, without hidden files, lock files, texts and sub-folders", args: []string{p("team")},
			want: []yielded{
				person("ana", at(p("team/a.json"), 0, "")),
				person("ben", at(p("team/b.jsonl"), 1, "")),
				person("bo", at(p("team/b.jsonl"), 2, "")),
				person("cy", at(p("team/c.json"), 0, "")),
			},
			wantOpened: []string{p("team/a.json"), p("team/b.jsonl"), p("team/c.json")}},
		{name: "folder with a trailing separator", args: []string{p("cards") + string(filepath.Separator)},
			want:       []yielded{person("ivy", at(p("cards/x.json"), 0, "")), person("jo", at(p("cards/y.json"), 0, ""))},
			wantOpened: []string{p("cards/x.json"), p("cards/y.json")}},
		{name: "folder with a link to a file and a link to a folder", args: []string{p("texts")},
			want:       []yielded{person("eve", at(p("texts/link.json"), 0, ""))},
			wantOpened: []string{p("texts/link.json")}},
		{name: "empty folder", args: []string{p("empty"), p("one.json")},
			want: []yielded{
				problems(p("empty") + ": the folder holds no profile files " + kinds),
				person("eve", at(p("one.json"), 0, "")),
			},
			wantOpened: []string{p("one.json")}},
		{name: "folder of texts only", args: []string{p("docs")},
			want: []yielded{problems(p("docs") + ": the folder holds no profile files " + kinds)}},
		{name: "sub-folder", args: []string{p("team/sub")},
			want:       []yielded{person("dee", at(p("team/sub/d.json"), 0, ""))},
			wantOpened: []string{p("team/sub/d.json")}},
		{name: "glob", args: []string{p("team/*.json")},
			want:       []yielded{person("ana", at(p("team/a.json"), 0, "")), person("cy", at(p("team/c.json"), 0, ""))},
			wantOpened: []string{p("team/a.json"), p("team/c.json")}},
		{name: "glob of a character class", args: []string{p("team/[ab].*")},
			want: []yielded{
				person("ana", at(p("team/a.json"), 0, "")),
				person("ben", at(p("team/b.jsonl"), 1, "")),
				person("bo", at(p("team/b.jsonl"), 2, "")),
			},
			wantOpened: []string{p("team/a.json"), p("team/b.jsonl")}},
		{name: "glob matching folders", args: []string{p("ca*")},
			want:       []yielded{person("ivy", at(p("cards/x.json"), 0, "")), person("jo", at(p("cards/y.json"), 0, ""))},
			wantOpened: []string{p("cards/x.json"), p("cards/y.json")}},
		{name: "glob matching nothing", args: []string{p("team/*.xml"), p("one.json")},
			want: []yielded{
				problems(p("team/*.xml") + ": no file matches the pattern"),
				person("eve", at(p("one.json"), 0, "")),
			},
			wantOpened: []string{p("one.json")}},
		{name: "glob matching no profile file", args: []string{p("team/*.md")},
			want: []yielded{problems(p("team/*.md") + ": the pattern matches no profile files " + kinds)}},
		{name: "bad pattern", args: []string{p("team/[a")},
			want: []yielded{problems(p("team/[a") + ": not a valid pattern: syntax error in pattern")}},
		{name: "missing file", args: []string{p("nobody.json"), p("one.json")},
			want: []yielded{
				problems(p("nobody.json") + ": cannot read: no such file"),
				person("eve", at(p("one.json"), 0, "")),
			},
			wantOpened: []string{p("one.json")}},
		{name: "standard input", args: []string{"-", p("one.json")}, stdin: "{\"id\":\"kim\"}\n",
			want: []yielded{
				person("kim", at("<stdin>", 1, "")),
				person("eve", at(p("one.json"), 0, "")),
			},
			wantOpened: []string{p("one.json")}},
		{name: "the same ID in a file and on standard input", args: []string{p("one.json"), "-"}, stdin: stdinTeam,
			want: []yielded{
				person("eve", at(p("one.json"), 0, "")),
				person("kim", at("<stdin>", 1, "")),
				problems(`<stdin>: line 2: profile ID "eve" was read before, at ` + p("one.json") + `: each person needs an ID of their own`),
			},
			wantOpened: []string{p("one.json")}},
		// Files are read twice when an ID may be given twice: the
		// duplicate's problem comes after everyone else.
		{name: "the same ID in two files", args: []string{p("team/a.json"), p("dup.jsonl")},
			want: []yielded{
				person("ana", at(p("team/a.json"), 0, "")),
				person("fay", at(p("dup.jsonl"), 1, "")),
				person("gus", at(p("dup.jsonl"), 3, "")),
				problems(p("dup.jsonl") + `: line 2: profile ID "ana" was read before, at ` + p("team/a.json") + `: each person needs an ID of their own`),
			},
			wantOpened: []string{p("team/a.json"), p("dup.jsonl")}},
		{name: "the same ID twice in an array", args: []string{p("arr.json")},
			want: []yielded{
				person("hal", at(p("arr.json"), 0, "/0")),
				problems(p("arr.json") + `: /1: profile ID "hal" was read before, at ` + p("arr.json") + `: /0: each person needs an ID of their own`),
			},
			wantOpened: []string{p("arr.json")}},
		{name: "the same file twice", args: []string{p("one.json"), p("team/../one.json")},
			want: []yielded{
				person("eve", at(p("one.json"), 0, "")),
				problems(filepath.Join(dir, "team", "..", "one.json") + ": the file is named twice (by a folder, a pattern or its name): name each input once"),
			},
			wantOpened: []string{p("one.json")}},
		{name: "a file in a folder and a pattern", args: []string{p("cards"), p("cards/y.*")},
			want: []yielded{
				person("ivy", at(p("cards/x.json"), 0, "")),
				person("jo", at(p("cards/y.json"), 0, "")),
				problems(p("cards/y.json") + ": the file is named twice (by a folder, a pattern or its name): name each input once"),
			},
			wantOpened: []string{p("cards/x.json"), p("cards/y.json")}},
		{name: "nothing", args: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opened []string
			o := &people.Options{
				Stdin: strings.NewReader(tt.stdin),
				Opened: func(name string, info fs.FileInfo) {
					if info == nil || info.IsDir() || info.Name() != filepath.Base(name) {
						t.Errorf("Opened(%q, %v)", name, info)
					}
					opened = append(opened, name)
				},
			}
			got := drain(t, people.All(tt.args, o))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("All (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantOpened, opened, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Opened calls (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAllWithoutStdin checks that "-" names a file when Options.Stdin
// is nil, and that nil Options read.
func TestAllWithoutStdin(t *testing.T) {
	dir := t.TempDir()
	files(t, dir, map[string]string{"-": `{"id":"dash"}`})
	t.Chdir(dir)
	got := drain(t, people.All([]string{"-", "nobody.json"}, nil))
	want := []yielded{
		person("dash", at("-", 1, "")), // one line: JSON Lines
		problems("nobody.json: cannot read: no such file"),
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}
}

// TestAllRelativeNames checks that places name files as the arguments
// do, and that a file given by two relative names is read once.
func TestAllRelativeNames(t *testing.T) {
	dir := teamDir(t)
	t.Chdir(dir)
	got := drain(t, people.All([]string{"cards", "./cards/x.json", "team/*.json"}, nil))
	want := []yielded{
		person("ivy", at(filepath.Join("cards", "x.json"), 0, "")),
		person("jo", at(filepath.Join("cards", "y.json"), 0, "")),
		problems("./cards/x.json: the file is named twice (also as " + filepath.Join("cards", "x.json") + "): name each input once"),
		person("ana", at(filepath.Join("team", "a.json"), 0, "")),
		person("cy", at(filepath.Join("team", "c.json"), 0, "")),
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}
}

// TestAllStops checks that All opens no more files once its consumer
// stops.
func TestAllStops(t *testing.T) {
	dir := teamDir(t)
	for _, stopAfter := range []int{1, 2, 3} {
		var opened []string
		stopped := false
		o := &people.Options{Opened: func(name string, _ fs.FileInfo) {
			if stopped {
				t.Errorf("%s opened after the consumer stopped", name)
			}
			opened = append(opened, filepath.Base(name))
		}}
		n := 0
		for _, err := range people.All([]string{filepath.Join(dir, "team"), filepath.Join(dir, "one.json")}, o) {
			if err != nil {
				t.Fatal(err)
			}
			if n++; n == stopAfter {
				stopped = true
				break
			}
		}
		want := [][]string{1: {"a.json"}, 2: {"a.json", "b.jsonl"}, 3: {"a.json", "b.jsonl"}}[stopAfter]
		if diff := cmp.Diff(want, opened); diff != "" {
			t.Errorf("stopped after %d people: files opened (-want +got):\n%s", stopAfter, diff)
		}
	}
	// Stopping at a problem stops too.
	var opened int
	o := &people.Options{Opened: func(string, fs.FileInfo) { opened++ }}
	for _, err := range people.All([]string{filepath.Join(dir, "nobody.json"), filepath.Join(dir, "one.json")}, o) {
		if err == nil {
			t.Error("a person yielded before the problem")
		}
		break
	}
	if opened != 0 {
		t.Errorf("%d files opened after the consumer stopped at the first problem", opened)
	}
}

func TestExpand(t *testing.T) {
	dir := teamDir(t)
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	tests := []struct {
		name     string
		args     []string
		want     []string
		wantErrs []string
	}{
		{name: "file, folder, pattern and stdin", args: []string{p("one.json"), p("team"), p("cards/*"), "-"},
			want: []string{p("one.json"), p("team/a.json"), p("team/b.jsonl"), p("team/c.json"), p("cards/x.json"), p("cards/y.json"), "-"}},
		{name: "a file of any name given as it is", args: []string{p("team/notes.md")},
			want: []string{p("team/notes.md")}},
		{name: "every problem at once", args: []string{p("nobody.json"), p("empty"), p("one.json"), p("team/[a"), p("*.xml")},
			want: []string{p("one.json")},
			wantErrs: []string{
				p("nobody.json") + ": cannot read: no such file",
				p("empty") + ": the folder holds no profile files " + kinds,
				p("team/[a") + ": not a valid pattern: syntax error in pattern",
				p("*.xml") + ": no file matches the pattern",
			}},
		{name: "a pattern in quotes that cmd.exe passed on", args: []string{"'" + p("cards/*") + "'", `"` + p("one.json") + `"`},
			want: []string{p("cards/x.json"), p("cards/y.json"), p("one.json")}},
		{name: "nothing", args: nil},
	}
	for _, tt := range tests {
		got, err := people.Expand(tt.args)
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: Expand (-want +got):\n%s", tt.name, diff)
		}
		var gotErrs []string
		if err != nil {
			gotErrs = record(t, people.Person{}, err).Problems
		}
		if diff := cmp.Diff(tt.wantErrs, gotErrs, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: Expand problems (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestIDs checks that the zero IDs is ready, and refuses a profile ID
// added twice with both places, as All does.
func TestIDs(t *testing.T) {
	var ids people.IDs
	ana := people.Person{Profile: profile.Profile{ID: "ana"}, Place: people.Place{File: "a.csv", Row: 2}}
	if err := ids.Add(ana); err != nil {
		t.Fatalf("first Add: %v", err)
	}
	if err := ids.Add(people.Person{Profile: profile.Profile{ID: "bob"}, Place: people.Place{File: "b.json"}}); err != nil {
		t.Fatalf("another ID: %v", err)
	}
	err := ids.Add(people.Person{Profile: profile.Profile{ID: "ana"}, Place: people.Place{File: "c.jsonl", Line: 3}})
	want := `people: c.jsonl: line 3: profile ID "ana" was read before, at a.csv: row 2: each person needs an ID of their own`
	if err == nil || err.Error() != want {
		t.Errorf("Add twice = %v, want %q", err, want)
	}
}
