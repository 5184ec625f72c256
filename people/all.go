package people

import (
	"errors"
	"io/fs"
	"iter"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// All reads the people of every input args names, in order: a file (in
// any format people reads), a folder (its files of those kinds, in name
// order, not its sub-folders), a glob pattern such as "profiles/*.json",
// which All expands itself, as a shell on Windows does not ("*", "?" and
// "[...]" as [filepath.Match] has them), or "-" for o.Stdin (without
// o.Stdin, "-" names a file). It yields each person as it is complete,
// and problems as [*Error]s, as [Read] does: one for each JSON document,
// array element or line with problems, as it is read, and one for a whole
// sheet at its end. An argument that names nothing, and the same
// profile ID read twice (in one input or two), are problems too: the
// second person is not yielded, and the problem names both places.
//
// All holds one input's people at a time at most (see [Read]). To tell
// who is given twice in files, it keeps a Bloom filter of the IDs read,
// not the IDs: 8 bits for each byte of the files (stat-ed before
// reading), at least 8 KiB and at most 16 MiB, whatever the number of
// people. A person whose ID the filter may have seen is held back, as
// its ID and place. That is a duplicate, or rarely a false alarm: at the
// cap, about one look-up in a billion for a million people of 700 bytes;
// below it, at most about one in 100 million. Only when someone was held
// back does All read the files a second time, once, in the same order,
// up to the last person held back, to find where each held ID was first
// read. What the second pass finds comes after everything else, in the
// order read: the problem of each duplicate, or the person held back by
// a false alarm. The files' own problems come in the first pass only. A
// file that cannot be read again, or changed between the passes (its
// size, its modification time, or the ID at a held place), is not
// guessed at: its people held back, and those of later files whose ID it
// may have held, are problems saying so. People held back cost memory in
// proportion to the duplicates; the time stays linear in the inputs'
// size, two passes at most.
//
// Standard input and files that are not regular files (pipes, devices)
// cannot be read twice: when one is among the inputs, All keeps every ID
// read and its place instead, as [IDs] does, and yields each problem as
// it is found: O(people) memory, about 70 bytes a person. Files
// alone give the flat memory above. Options.Opened is called in the
// first pass only. Use [Collect] to gather everything.
func All(args []string, o *Options) iter.Seq2[Person, error] {
	return func(yield func(Person, error) bool) {
		readSteps(steps(args, o), o, yield)
	}
}

// steps expands every argument of All, in order, into the files to read
// and the problems to yield, each file once. It costs what [Expand]
// costs, and O(files) memory.
func steps(args []string, o *Options) []step {
	var out []step
	files := map[string]string{} // absolute path: as first named
	for _, arg := range args {
		if arg == "-" && o != nil && o.Stdin != nil {
			if _, twice := once(files, "\x00stdin"); twice {
				out = append(out, step{name: stdinName, err: oneProblem(Place{File: stdinName}, "standard input is named twice: it is read once")})
				continue
			}
			out = append(out, step{name: stdinName, stdin: true})
			continue
		}
		names, err := expand(arg)
		if err != nil {
			out = append(out, step{name: arg, err: err})
			continue
		}
		for _, f := range names {
			if first, twice := once(files, f); twice {
				msg := "the file is named twice (also as " + first + "): name each input once"
				if first == f {
					msg = "the file is named twice (by a folder, a pattern or its name): name each input once"
				}
				out = append(out, step{name: f, err: oneProblem(Place{File: f}, msg)})
				continue
			}
			out = append(out, step{name: f})
		}
	}
	return out
}

// once notes that the file name is read, in files, and reports whether
// it was read before, and as what.
func once(files map[string]string, name string) (string, bool) {
	key := name
	if abs, err := filepath.Abs(name); err == nil {
		key = abs
	}
	if first, ok := files[key]; ok {
		return first, true
	}
	files[key] = name
	return "", false
}

// IDs remembers where each profile ID was read, to refuse the same
// person given twice, exactly and as it is read. The zero IDs is empty
// and ready to use. It holds every ID added and its place: O(people)
// memory, about 100 bytes a person for IDs of a few characters (a
// place is packed into 16 bytes, its file named once for all). [All]
// uses it when standard input or a pipe is among its inputs, which
// cannot be read twice; for files alone, All keeps a fixed-size filter
// instead and reads the files a second time when needed. A caller
// reading its own stream with [Read] can use IDs to refuse duplicates.
type IDs struct {
	first map[string]idAt
	bases []Place          // the files (and sheets) of the places, each once
	base  map[Place]int32  // the index of each in bases
	other map[string]Place // the places that do not pack, by ID
}

// idAt is a place, packed: its file and sheet (an index of IDs.bases),
// line, row, and JSON array element (its index + 1; 0 for none).
type idAt struct {
	base, line, row, elem int32
}

// Add notes p's profile ID and place, or, when the ID was read before,
// returns an [*Error] at p's place that names both places. It costs a
// map look-up, and a copy of the ID (so that the ID does not keep the
// text it was read from).
func (ids *IDs) Add(p Person) error {
	id := p.Profile.ID
	if at, ok := ids.first[id]; ok {
		first, packed := ids.unpack(at)
		if !packed {
			first = ids.other[id]
		}
		return duplicate(p.Place, id, first)
	}
	if ids.first == nil {
		ids.first = map[string]idAt{}
	}
	id = strings.Clone(id)
	at, ok := ids.pack(p.Place)
	if !ok {
		if ids.other == nil {
			ids.other = map[string]Place{}
		}
		ids.other[id] = p.Place
		at = idAt{base: -1}
	}
	ids.first[id] = at
	return nil
}

// pack returns the place at packed, or false when it has more than a
// file, sheet, line, row and array element, or numbers too large.
func (ids *IDs) pack(at Place) (idAt, bool) {
	rest := at
	rest.File, rest.Sheet, rest.Line, rest.Row, rest.Pointer = "", "", 0, 0, ""
	elem := 0
	if at.Pointer != "" {
		n, ok := element(at.Pointer)
		if !ok {
			return idAt{}, false
		}
		elem = n + 1
	}
	if rest != (Place{}) || max(at.Line, at.Row, elem) > math.MaxInt32 || min(at.Line, at.Row) < 0 {
		return idAt{}, false
	}
	b := Place{File: at.File, Sheet: at.Sheet}
	i, ok := ids.base[b]
	if !ok {
		if ids.base == nil {
			ids.base = map[Place]int32{}
		}
		if len(ids.bases) >= math.MaxInt32 {
			return idAt{}, false
		}
		i = int32(len(ids.bases))
		ids.bases = append(ids.bases, b)
		ids.base[b] = i
	}
	return idAt{base: i, line: int32(at.Line), row: int32(at.Row), elem: int32(elem)}, true
}

// element returns the index of the JSON array element the pointer "/n"
// names, as Read writes it (no leading zeros), or false for any other
// pointer.
func element(pointer string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(pointer, "/"))
	return n, err == nil && n >= 0 && pointer == "/"+strconv.Itoa(n)
}

// unpack returns the place at stands for, or false for one kept whole.
func (ids *IDs) unpack(at idAt) (Place, bool) {
	if at.base < 0 {
		return Place{}, false
	}
	p := ids.bases[at.base]
	p.Line, p.Row = int(at.line), int(at.row)
	if at.elem > 0 {
		p.Pointer = "/" + strconv.Itoa(int(at.elem)-1)
	}
	return p, true
}

// distinct yields what seq yields, but for a person whose profile ID
// seen holds: a problem naming both places instead. It adds the IDs it
// yields to seen.
func distinct(seq iter.Seq2[Person, error], seen *IDs) iter.Seq2[Person, error] {
	return func(yield func(Person, error) bool) {
		for p, err := range seq {
			if err == nil {
				if err = seen.Add(p); err != nil {
					p = Person{Place: p.Place}
				}
			}
			if !yield(p, err) {
				return
			}
		}
	}
}

// Expand returns the files args name, as [All] reads them: a file as it
// is, a folder as its files of the kinds people reads, in name order, a
// glob pattern as the files of those kinds it matches (and the files of
// the folders it matches), and "-" as it is. It reports every argument
// that names nothing in one [*Error].
//
// Expand costs a stat of each argument, a listing of each folder, and
// what [filepath.Glob] costs for each pattern.
func Expand(args []string) ([]string, error) {
	var out []string
	var ps problems
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		files, err := expand(a)
		if err != nil {
			ps.merge(err)
			continue
		}
		out = append(out, files...)
	}
	return out, ps.err()
}

// expand returns the files one argument names. An argument in quotes
// that names nothing as it is, 'profiles/*.json', is read without them:
// Windows' cmd.exe passes single quotes on as part of the argument.
func expand(arg string) ([]string, error) {
	if _, err := os.Stat(arg); err != nil && len(arg) > 2 {
		if q := arg[0]; (q == '\'' || q == '"') && arg[len(arg)-1] == q {
			return expand(arg[1 : len(arg)-1])
		}
	}
	at := Place{File: arg}
	fi, err := os.Stat(arg)
	switch {
	case err == nil && fi.IsDir():
		files, err := folder(arg)
		if err != nil {
			return nil, oneProblem(at, "cannot read the folder: "+errText(err))
		}
		if len(files) == 0 {
			return nil, oneProblem(at, "the folder holds no profile files ("+kindList+")")
		}
		return files, nil
	case err == nil:
		return []string{arg}, nil
	case !strings.ContainsAny(arg, "*?["):
		return nil, fileError(arg, err)
	}
	matches, err := filepath.Glob(arg)
	if err != nil {
		return nil, oneProblem(at, "not a valid pattern: "+errText(err))
	}
	var files []string
	for _, m := range matches {
		fi, err := os.Stat(m)
		switch {
		case err == nil && fi.IsDir():
			in, _ := folder(m)
			files = append(files, in...)
		case err == nil && known(m):
			files = append(files, m)
		}
	}
	if len(files) == 0 {
		if len(matches) == 0 {
			return nil, oneProblem(at, "no file matches the pattern")
		}
		return nil, oneProblem(at, "the pattern matches no profile files ("+kindList+")")
	}
	return files, nil
}

// kindList names the kinds of file a folder or pattern is read for.
const kindList = ".json, .jsonl, .ndjson, .csv, .tsv, .xlsx, .xlsm"

// known reports whether a folder's or pattern's file name is of a kind
// people reads, and not a file that office programs or systems leave
// beside documents: hidden files, Excel's "~$" lock files and
// LibreOffice's ".~lock." files.
func known(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$") {
		return false
	}
	switch FormatOf(base) {
	case JSON, JSONLines, XLSX:
		return true
	case CSV:
		return !strings.EqualFold(filepath.Ext(base), ".txt")
	}
	return false
}

// folder returns the files of the folder dir that people reads, in name
// order.
func folder(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0 {
			if known(e.Name()) {
				p := filepath.Join(dir, e.Name())
				if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
					files = append(files, p)
				}
			}
		}
	}
	slices.Sort(files)
	return files, nil
}

// errText returns the reason err gives, without a path it repeats.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
