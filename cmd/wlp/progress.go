package main

import (
	"fmt"
	"io"
	"os"
	"time"
	"unicode/utf8"
)

// progress shows, on a terminal, how far the reading of many inputs has
// gone: "reading 120 of 300 inputs, 2410 people so far: profiles/x.json".
// It writes one line, rewritten in place at most every progressEvery, and
// erases it when reading is done. Where standard error is not a
// terminal, or there is a single input of few people, it writes nothing.
type progress struct {
	w      io.Writer // nil: show nothing
	files  int       // how many inputs there are
	count  int       // how many have been opened
	people int       // how many people have been read
	name   string    // the input being read
	last   time.Time // when the line was last written
	shown  bool      // whether a line is on the screen

	now func() time.Time // the clock; nil means time.Now (tests set it)
}

// progressEvery is how often the progress line is rewritten, at most.
const progressEvery = 200 * time.Millisecond

// newProgress returns the progress of reading files inputs, shown on the
// command's standard error when it is a terminal.
func (e *env) newProgress(files int) *progress {
	p := &progress{files: files}
	if terminal(e.stderr) {
		p.w = e.stderr
	}
	return p
}

// terminal reports whether w writes to a terminal.
func terminal(w io.Writer) bool {
	if ff, ok := w.(*flushFirst); ok {
		w = ff.w
	}
	fh, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := fh.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// opened notes that the input name is being read.
func (p *progress) opened(name string) {
	if p == nil {
		return
	}
	p.count++
	p.name = name
	p.show()
}

// person notes one more person read.
func (p *progress) person() {
	if p == nil {
		return
	}
	p.people++
	if p.people%1024 == 0 {
		p.show()
	}
}

// show rewrites the line, unless it was written a moment ago.
func (p *progress) show() {
	if p == nil || p.w == nil || (p.files < 2 && p.people < 10_000) {
		return
	}
	now := time.Now()
	if p.now != nil {
		now = p.now()
	}
	if now.Sub(p.last) < progressEvery {
		return
	}
	p.last = now
	p.shown = true
	head := fmt.Sprintf("reading %d of %s, %d people so far: ", p.count, plural(p.files, "input"), p.people)
	fmt.Fprint(p.w, "\r\x1b[K"+head+keepEnd(fullName(p.name), progressWidth-utf8.RuneCountInString(head)))
}

// progressWidth is the most columns the progress line takes: fewer than
// a terminal's 80, so that it never wraps, as "\r\x1b[K" erases only the
// last row of a line that has.
const progressWidth = 79

// keepEnd returns s when it has at most width runes, or else "..." and as
// much of its end (the file's own name) as fits in width.
func keepEnd(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	if width <= 3 {
		return ""
	}
	r := []rune(s)
	return "..." + string(r[len(r)-(width-3):])
}

// done erases the line.
func (p *progress) done() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
