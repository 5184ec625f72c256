package testfix

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// recorder is a testing.TB that records whether the helper failed the
// test; Fatal and Fatalf end the goroutine as the real ones do.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Fatal(...any)          { r.failed = true; runtime.Goexit() }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; runtime.Goexit() }

// try runs f with a recorder in a goroutine of its own, so that a fatal
// failure ends only that goroutine, and reports whether f failed.
func try(t *testing.T, f func(tb testing.TB)) bool {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.failed
}

const svgNS = `xmlns="http://www.w3.org/2000/svg"`

// TestSVGText checks the text SVGText returns and the documents it
// fails the test on.
func TestSVGText(t *testing.T) {
	for _, tt := range []struct {
		name, doc, text string
		fails           bool
	}{
		{"labels", `<svg ` + svgNS + ` viewBox="0 0 10 10"><text>Building
  trust</text><text><tspan>a</tspan><tspan>b &amp; c</tspan></text></svg>`, "Building trust a b & c", false},
		{"empty svg", `<svg ` + svgNS + ` viewBox="0 0 1 1"/>`, "", false},
		{"not XML", `<svg ` + svgNS + ` viewBox="0 0 1 1"><text></svg>`, "", true},
		{"no viewBox", `<svg ` + svgNS + `></svg>`, "", true},
		{"no namespace", `<svg viewBox="0 0 1 1"></svg>`, "", true},
		{"not svg", `<html ` + svgNS + ` viewBox="0 0 1 1"></html>`, "", true},
		{"empty", ``, "", true},
	} {
		var text string
		failed := try(t, func(tb testing.TB) { text = SVGText(tb, []byte(tt.doc)) })
		if diff := cmp.Diff([]any{tt.fails, tt.text}, []any{failed, text}); diff != "" {
			t.Errorf("%s: failed, text (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestLoadProfile checks that LoadProfile returns a valid profile and
// fails the test on a missing or invalid file.
func TestLoadProfile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(good, []byte(`{"id": "kim", "ratings": {"coaching": {"level": 3}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(`{"id": "kim", "ratings": {"coaching": {"level": 9}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path   string
		id     string
		rating int
		fails  bool
	}{
		{good, "kim", 3, false},
		{bad, "", 0, true},
		{filepath.Join(dir, "missing.json"), "", 0, true},
	} {
		var id string
		var rating int
		failed := try(t, func(tb testing.TB) {
			p := LoadProfile(tb, tt.path)
			id, rating = p.ID, int(p.Ratings["coaching"].Level)
		})
		if diff := cmp.Diff([]any{tt.fails, tt.id, tt.rating}, []any{failed, id, rating}); diff != "" {
			t.Errorf("%s: failed, ID, coaching level (-want +got):\n%s", filepath.Base(tt.path), diff)
		}
	}
}
