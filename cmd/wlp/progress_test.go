// This file tests progress.go: the line that shows, on a terminal, how
// far the reading of many inputs has gone. A test cannot easily make a
// terminal, so it drives the progress type on a buffer, with a clock of
// its own, and checks that where standard error is not a terminal
// nothing is written.

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp"
)

// erase is what starts the progress line, and what erases it.
const erase = "\r\x1b[K"

// TestProgress drives the progress line through the events of reading:
// inputs opened, people read, time passing, and the end.
func TestProgress(t *testing.T) {
	type event struct {
		open   string        // an input opened
		people int           // people read
		wait   time.Duration // time passing
		done   bool          // the end
	}
	for _, c := range []struct {
		name   string
		files  int
		silent bool // no writer
		events []event
		want   string
	}{
		{"three files", 3, false, []event{
			{open: "a.json"}, {people: 1},
			{open: "b.json"}, {people: 1}, // a moment later: not shown
			{wait: progressEvery}, {open: "c.json"}, {people: 1},
			{done: true},
		}, erase + "reading 1 of 3 inputs, 0 people so far: a.json" +
			erase + "reading 3 of 3 inputs, 2 people so far: c.json" +
			erase},
		{"each after a while", 2, false, []event{
			{open: "a.csv"}, {people: 5}, {wait: time.Second},
			{open: "b.csv"}, {people: 5}, {wait: time.Second},
			{done: true}, {done: true}, // erased once
		}, erase + "reading 1 of 2 inputs, 0 people so far: a.csv" +
			erase + "reading 2 of 2 inputs, 5 people so far: b.csv" +
			erase},
		{"many people in one input", 1, false, []event{
			{open: "big.jsonl"}, {people: 10_000}, {people: 239}, {people: 1}, {wait: time.Second},
			{people: 1023}, {people: 1}, {done: true},
		}, erase + "reading 1 of 1 input, 10240 people so far: big.jsonl" +
			erase + "reading 1 of 1 input, 11264 people so far: big.jsonl" +
			erase},
		{"people, a moment apart", 1, false, []event{
			{open: "big.jsonl"}, {people: 10_240}, {people: 1024}, {done: true},
		}, erase + "reading 1 of 1 input, 10240 people so far: big.jsonl" + erase},
		{"one input of few people", 1, false, []event{
			{open: "team.csv"}, {people: 9_999}, {wait: time.Minute}, {people: 1}, {done: true},
		}, ""},
		{"no terminal", 5, true, []event{
			{open: "a.json"}, {wait: time.Second}, {open: "b.json"}, {people: 20_000}, {done: true},
		}, ""},
		{"nothing shown, nothing erased", 2, false, []event{{done: true}}, ""},
		{"a name of control characters", 2, false, []event{
			{open: "evil\x1b[2J\r\n.json"}, {done: true},
		}, erase + "reading 1 of 2 inputs, 0 people so far: evil\\x1b[2J\\r\\n.json" + erase},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			clock := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
			p := &progress{w: &buf, files: c.files, now: func() time.Time { return clock }}
			if c.silent {
				p.w = nil
			}
			for _, e := range c.events {
				switch {
				case e.open != "":
					p.opened(e.open)
				case e.people > 0:
					for range e.people {
						p.person()
					}
				case e.wait > 0:
					clock = clock.Add(e.wait)
				case e.done:
					p.done()
				}
			}
			if diff := gocmp.Diff(c.want, buf.String()); diff != "" {
				t.Errorf("written (-want +got):\n%s", diff)
			}
		})
	}
}

// TestProgressNil checks that a nil progress, as code without one
// passes, does nothing.
func TestProgressNil(t *testing.T) {
	var p *progress
	p.opened("a.json")
	p.person()
	p.show()
	p.done()
}

// TestProgressFits checks that the line fits an 80-column terminal
// whatever the file's name and the counts, keeping the name's end (the
// file), so that erasing it leaves nothing behind: a line that wraps is
// erased only on its last row.
func TestProgressFits(t *testing.T) {
	long := strings.Repeat("very-long-folder-name/", 12) + "ratings-2026-q1.xlsx"
	for _, c := range []struct {
		name          string
		files, people int
	}{
		{"a.json", 2, 0},
		{long, 2, 0},
		{long, 123_456, 98_765_432},
		{strings.Repeat("é", 100) + "/z.csv", 99_999, 0},
		{strings.Repeat("x", 300), 3, 0},
	} {
		var buf bytes.Buffer
		p := &progress{w: &buf, files: c.files, people: c.people}
		p.opened(c.name)
		line, ok := strings.CutPrefix(buf.String(), erase)
		if !ok || strings.ContainsAny(line, "\r\n\x1b") {
			t.Errorf("%.40q: not one line: %q", c.name, buf.String())
		}
		if n := utf8.RuneCountInString(line); n >= 80 {
			t.Errorf("%.40q: %d columns: %q", c.name, n, line)
		}
		base := filepath.Base(c.name)
		if len(base) > 20 {
			base = base[len(base)-20:]
		}
		if !strings.HasSuffix(line, base) {
			t.Errorf("%.40q: the line does not end with the file's name: %q", c.name, line)
		}
	}
}

// TestTerminal checks that what is not a terminal is taken for none: a
// buffer, a regular file, a pipe, and each behind the stderr wrapper.
func TestTerminal(t *testing.T) {
	fh, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, out := range []any{&bytes.Buffer{}, fh, w} {
		wr := out.(interface{ Write([]byte) (int, error) })
		for _, s := range []interface{ Write([]byte) (int, error) }{wr, &flushFirst{bufio.NewWriter(&bytes.Buffer{}), wr}} {
			if terminal(s) {
				t.Errorf("%T: taken for a terminal", s)
			}
			e := &env{stderr: s}
			if p := e.newProgress(10); p.w != nil || p.files != 10 {
				t.Errorf("%T: progress shown (files %d)", s, p.files)
			}
		}
	}
}

// TestReadPeopleQuiet checks that reading many inputs writes nothing to
// a standard error that is not a terminal, through readPeople and
// through a whole command.
func TestReadPeopleQuiet(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i := range 30 {
		name := filepath.Join(dir, fmt.Sprintf("p%02d.json", i))
		writeTestFile(t, name, fmt.Sprintf(`{"id": "p%02d", "ratings": {"coaching": {"level": %d}}}`, i, i%6))
		names = append(names, name)
	}
	var errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &errb}
	ps, err := e.readPeople(wlp.Default(), []string{dir})
	if err != nil || len(ps) != 30 {
		t.Fatalf("%d people, %v", len(ps), err)
	}
	if errb.Len() != 0 {
		t.Errorf("readPeople wrote to stderr: %q", errb.String())
	}
	for _, argv := range [][]string{
		args("rank", "business-partner", dir),
		args("team", "business-partner", names),
		args("import", filepath.Join(dir, "*.json")),
		args("validate", dir),
	} {
		if r := runWLP("", argv...); r.code != 0 || r.stderr != "" {
			t.Errorf("wlp %.3q...: exit %d, stderr %q", argv, r.code, r.stderr)
		}
	}
}
