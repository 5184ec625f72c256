package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// outputDoc explains -o in the help of the commands that take it.
const outputDoc = `With -o FILE the output goes to FILE instead of standard output ("-").
The file is written whole or not at all: wlp writes a temporary file in
FILE's folder and renames it over FILE only once every byte is on disk, so
a failure leaves an existing FILE as it was. A replaced FILE keeps its
permission bits (a new one gets 0644, less the umask); other hard links to
it keep the old content. When FILE is a symbolic link, the file it points
at is replaced and the link kept; a link to a missing file is refused. A
FILE that is a device or a named pipe, such as /dev/null, is written
directly. wlp refuses to write over one of the command's own input files,
however it is named (through a link or a hard link), and over a file you
may not write, such as a read-only one.`

// input is a file the command read, for -o to compare with its target.
type input struct {
	name string // as displayed
	info fs.FileInfo
}

// noteInput remembers that the command read the open file fh, named name
// in messages.
func (e *env) noteInput(name string, fh *os.File) {
	if fi, err := fh.Stat(); err == nil {
		e.inputs = append(e.inputs, input{name, fi})
	}
}

// writeOut writes data where the command's output goes: the file out
// (the value of -o) names (see writeFile), or standard output when out is
// empty or "-".
func (e *env) writeOut(out string, data []byte) error {
	if out == "" || out == "-" {
		_, err := e.stdout.Write(data)
		return err
	}
	return writeFile(out, data, e.inputs)
}

// Hooks for the tests, to make the last steps of writeFile fail.
var (
	syncFile   = (*os.File).Sync
	renameFile = os.Rename
	// checkWritable fails unless the existing file name may be written
	// in place (its mode and owner allow it).
	checkWritable = func(name string) error {
		w, err := os.OpenFile(name, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		return w.Close()
	}
)

// writeFile writes data to the file name as outputDoc describes: whole or
// not at all, keeping an existing file's permission bits, through a
// symbolic link to the file it points at, and never over one of inputs.
// It costs O(len(data)) time and no memory beyond data.
func writeFile(name string, data []byte, inputs []input) error {
	fi, err := os.Stat(name) // through links
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if li, lerr := os.Lstat(name); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("cannot write %s: it is a symbolic link to a missing file", display(name))
		}
		fi = nil
	case err != nil:
		return fileWriteError(name, err)
	}
	perm := fs.FileMode(0o644) // less the umask, as for any new file
	target := name
	if fi != nil {
		for _, in := range inputs {
			if os.SameFile(fi, in.info) {
				return fmt.Errorf("cannot write %s: it is the input file %s; write the output to another file", display(name), in.name)
			}
		}
		switch {
		case fi.IsDir():
			return fmt.Errorf("cannot write %s: it is a folder", display(name))
		case !fi.Mode().IsRegular():
			return writeDevice(name, data)
		}
		if target, err = filepath.EvalSymlinks(name); err != nil {
			return fileWriteError(name, err)
		}
		// A rename replaces a file its owner made read-only as readily
		// as any other: refuse a file we could not write in place.
		if err := checkWritable(target); err != nil {
			return fileWriteError(name, err)
		}
		perm = 0o600 // until the content is in place; then fi's bits
	}

	tmp, err := createTemp(filepath.Dir(target), filepath.Base(target), perm)
	if err != nil {
		return fileWriteError(name, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fileWriteError(name, err)
	}
	if fi != nil {
		if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
			return fileWriteError(name, err)
		}
	}
	if err := syncFile(tmp); err != nil {
		return fileWriteError(name, err)
	}
	if err := tmp.Close(); err != nil {
		return fileWriteError(name, err)
	}
	if err := renameFile(tmp.Name(), target); err != nil {
		return fileWriteError(name, err)
	}
	done = true
	return nil
}

// writeDevice writes data to name, which exists and is neither a regular
// file nor a folder: a device or a named pipe.
func writeDevice(name string, data []byte) error {
	fh, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return fileWriteError(name, err)
	}
	_, err = fh.Write(data)
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fileWriteError(name, err)
	}
	return nil
}

// createTemp creates a new file in dir for writeFile, named after base
// (".BASE.RANDOM.tmp", hidden on Unix), with permission bits perm less
// the umask. Unlike os.CreateTemp, whose files are 0600, a new output
// file gets the bits any new file gets.
func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	if len(base) > maxTempBase {
		base = base[:maxTempBase] // a name may have 255 bytes at most
	}
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		fh, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return fh, err
	}
	return nil, errors.New("cannot find a free name for a temporary file")
}

// maxTempBase bounds how much of the target's name a temporary file's
// name repeats.
const maxTempBase = 200

// fileWriteError explains why the file name cannot be written.
func fileWriteError(name string, err error) error {
	return fmt.Errorf("%s: cannot write: %v", display(name), unwrapPath(err))
}

// unwrapPath drops the operation and path of an *fs.PathError (or
// *os.LinkError), which the message names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
