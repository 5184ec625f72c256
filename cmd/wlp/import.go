package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wlpmodel/wlp/people"
)

// peopleDoc explains, in wlp help, what a PROFILE argument may be.
const peopleDoc = profileKinds + ` "wlp help import" shows the layouts.`

// profileKinds explains what a PROFILE argument may be, for import's
// help, which goes on to show the layouts.
const profileKinds = `A PROFILE is a profile document, a JSON array of them, JSON Lines (.jsonl,
.ndjson), a CSV file (.csv), an Excel workbook (.xlsx: its first visible
sheet, or the one -sheet names), a folder (its files of those kinds, in name order),
or a glob pattern such as 'profiles/*.json', which wlp expands itself.
Sheets hold one row per person (columns id, name, and one per competency
or area, by ID or name) or one row per rating (columns id, competency,
level, and rater for a 360-degree review); -ignore COL,... skips columns
such as Department.`

// peopleFlags adds -sheet and -ignore, bound to e, to a command that
// reads people.
func (c *Command) peopleFlags(e *env) {
	c.Flag.StringVar(&e.sheet, "sheet", "", "read the workbook sheet `NAME` instead of the first visible one")
	c.Flag.StringVar(&e.ignore, "ignore", "", "skip the sheet columns `COL,...` (such as Department)")
	c.Flag.Var(dateFlag{&e.dates}, "dates", "read a sheet's dates such as 03/04/2026 day first (dmy) or month first (mdy, as US Excel writes them); "+
		"by default a date that could be either is a problem")
}

// dateFlag is -dates: a people.DateOrder as a flag.
type dateFlag struct{ d *people.DateOrder }

func (f dateFlag) String() string {
	if f.d == nil {
		return ""
	}
	return f.d.String()
}

func (f dateFlag) Set(s string) error {
	d, err := people.ParseDateOrder(s)
	if err != nil {
		return fmt.Errorf("want dmy or mdy (or auto)")
	}
	*f.d = d
	return nil
}

// newImport returns the import command, its flags bound to e.
func newImport(e *env) *Command {
	var dir string
	var force bool
	var cx caseImport
	c := newCommand(&Command{
		Name:      "import",
		UsageLine: "wlp import [-framework FILE] [-sheet NAME] [-ignore COL,...] [-dates dmy|mdy] [-o DIR] [-force] PROFILE... | -case [-map KIND=TYPE,...] [-id ID] [-ignore-extensions] [-from FRAMEWORK] [-to FRAMEWORK] [-o FILE] [-force] PACKAGE",
		Short:     "turn spreadsheets and other inputs into profiles (-case: a CASE package into a framework or a crosswalk)",
		Long: `Import reads people from every PROFILE, checks them against the framework,
and writes them as profile documents: JSON Lines on standard output (one
profile a line), or with -o DIR one indented file per person in the folder
DIR (made if missing), named after the profile ID: ana.json. Reviews are
kept as they are, not combined.

` + profileKinds + `

A wide sheet has one row per person: the columns id and name, optional
source and date (for the whole row), and one column per competency or area,
headed by its ID or its name in any case, spacing or punctuation
("Building Trust", "building-trust"). A cell holds a level 0 to 5, its name
("proficient"), a label ("4 - proficient") or nothing (not rated). A long
sheet has one row per rating: id, competency (ID or name), level, and
optional name, source, rater, date and evidence; a rater's rows become that
rater's review. "wlp export -template csv" writes an empty wide sheet for
the framework, to hand out, fill in and import.

Every problem is reported at once with its place: "team.csv: row 7, column
'Coaching': 6 is above the scale's top level 5" (a cell name such as
Ratings!C7 for a workbook). Nothing is written unless every input is valid.
Import refuses to write over an existing file in DIR unless -force is
given, and never writes over one of its inputs. Two IDs that differ only in
case (Ana and ana) get distinct file names (Ana.json and ana-2.json) so
that no file is lost on a file system that ignores case.

` + caseImportDoc,
		Example: `wlp import -o profiles team.csv
wlp import -sheet Ratings -ignore Department team.xlsx > team.jsonl
wlp import 'exports/*.csv'
` + caseImportExample,
		MinArgs: 1,
		MaxArgs: -1,
		Run: func(args []string) error {
			if cx.on {
				return runImportCase(e, cx, dir, force, args)
			}
			if set := e.flagsSet("map", "id", "ignore-extensions"); len(set) > 0 {
				return usageError(andList(set) + " go" + verbS(len(set)) + " with -case")
			}
			return runImport(e, dir, force, args)
		},
	})
	c.Flag.StringVar(&e.framework, "framework", "", frameworkUsage)
	c.peopleFlags(e)
	c.Flag.StringVar(&dir, "o", "", "write one file per person in the folder `DIR` instead of JSON Lines on standard output; with -case, the framework or crosswalk to the file DIR")
	c.Flag.BoolVar(&force, "force", false, "with -o, write over files that exist")
	c.caseImportFlags(&cx)
	return c
}

// runImport is `wlp import PROFILE...`.
func runImport(e *env, dir string, force bool, args []string) error {
	if force && dir == "" {
		return usageError("-force goes with -o DIR")
	}
	f, err := e.loadFramework()
	if err != nil {
		return err
	}
	ps, err := e.readPeopleAsIs(f, args)
	if err != nil {
		return err
	}
	var names []string
	if dir != "" {
		if names, err = profileFiles(dir, ps, force, e.inputs); err != nil {
			return err
		}
	}
	return e.writeProfiles(ps, names, dir, nil)
}

// profileFiles returns the names of the files one profile each in dir
// (the value of -o) takes, as fileNames gives them, after refusing, before
// anything is written, names that are files already (unless force) and
// names that are among the inputs.
func profileFiles(dir string, ps []people.Person, force bool, inputs []input) ([]string, error) {
	names := fileNames(ps)
	if err := checkTargets(dir, names, force); err != nil {
		return nil, err
	}
	if err := checkInputs(dir, names, inputs); err != nil {
		return nil, err
	}
	return names, nil
}

// writeProfiles writes the profiles of ps: as JSON Lines on standard
// output when dir is "", else one indented file each in the folder dir,
// named names (see profileFiles), and then a line saying so. When written
// is not nil it is told each profile's written size in bytes (a line's
// without its newline), as it is written.
func (e *env) writeProfiles(ps []people.Person, names []string, dir string, written func(p people.Person, size int)) error {
	var b bytes.Buffer
	if dir == "" {
		enc := json.NewEncoder(&b) // one line each, as JSON Lines wants
		enc.SetEscapeHTML(false)
		for _, p := range ps {
			b.Reset()
			if err := enc.Encode(p.Profile); err != nil {
				return err
			}
			if written != nil {
				written(p, b.Len()-1)
			}
			if _, err := e.stdout.Write(b.Bytes()); err != nil {
				return err
			}
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: cannot make the folder: %v", display(dir), unwrapPath(err))
	}
	for i, p := range ps {
		b.Reset()
		if err := writeJSON(&b, p.Profile); err != nil {
			return err
		}
		if written != nil {
			written(p, b.Len())
		}
		if err := writeFile(filepath.Join(dir, names[i]), b.Bytes(), e.inputs); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "wrote %s to %s\n", plural(len(ps), "profile"), clean(filepath.Join(dir, "")+string(filepath.Separator)))
	return nil
}

// fileNames returns the file name of each person's document: the
// profile ID and ".json". The profile ID rule already keeps an ID a safe
// file name (no separators, no leading dot, no device names); two IDs
// that differ only in case get "-2", "-3"... so that no two names are
// the same to a file system that ignores case.
func fileNames(ps []people.Person) []string {
	used := map[string]bool{} // lower case
	for _, p := range ps {
		used[strings.ToLower(p.Profile.ID)] = true
	}
	taken := map[string]bool{} // lower case, given out
	names := make([]string, len(ps))
	for i, p := range ps {
		name := p.Profile.ID
		if taken[strings.ToLower(name)] {
			for n := 2; used[strings.ToLower(name)]; n++ {
				name = p.Profile.ID + "-" + strconv.Itoa(n)
			}
			used[strings.ToLower(name)] = true
		}
		taken[strings.ToLower(name)] = true
		names[i] = name + ".json"
	}
	return names
}

// checkTargets fails, naming every one, when files of names exist in
// dir and force is not set; and when dir is not a folder.
func checkTargets(dir string, names []string, force bool) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("%s: %v", display(dir), unwrapPath(err))
	case !fi.IsDir():
		return fmt.Errorf("%s: not a folder: -o names the folder to write one file per person in", display(dir))
	}
	var exist, links []string
	for _, n := range names {
		if fi, err := os.Lstat(filepath.Join(dir, n)); err == nil {
			exist = append(exist, n)
			if fi.Mode()&fs.ModeSymlink != 0 {
				links = append(links, n)
			}
		}
	}
	if len(links) > 0 {
		// Writing through a link would write outside DIR, wherever the
		// link points: never, even with -force.
		return fmt.Errorf("%s: %s to write %s a symbolic link (%s); nothing was written: import writes only files of its own in DIR",
			display(dir), plural(len(links), "file"), isAre(len(links)), clean(someOf(links, maxListed)))
	}
	if len(exist) == 0 || force {
		return nil
	}
	verb := "exist"
	if len(exist) == 1 {
		verb = "exists"
	}
	return fmt.Errorf("%s: %s already %s (%s); nothing was written: pass -force to write over them",
		display(dir), plural(len(exist), "file"), verb, clean(someOf(exist, maxListed)))
}

// isAre returns "is" for one, "are" for more.
func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// checkInputs fails, naming every one, when files of names in dir are
// among the inputs, before a file is written: writeFile refuses them one
// at a time, after writing the files before them.
func checkInputs(dir string, names []string, inputs []input) error {
	var lines linesError
	for _, n := range names {
		path := filepath.Join(dir, n)
		fi, err := os.Stat(path)
		if err != nil {
			continue // writeFile says why, if it matters
		}
		for _, in := range inputs {
			if os.SameFile(fi, in.info) {
				lines = append(lines, fmt.Sprintf("cannot write %s: it is the input file %s", display(path), in.name))
				break
			}
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return append(lines, "nothing was written: write the profiles to another folder")
}
