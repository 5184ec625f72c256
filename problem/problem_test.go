package problem_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wlpmodel/wlp/problem"
)

func TestQuote(t *testing.T) {
	long := strings.Repeat("a", 100)
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", `""`},
		{"short", "abc", `"abc"`},
		{"escapes", "a\"b\n", `"a\"b\n"`},
		{"exactly the limit", strings.Repeat("x", problem.MaxQuoted), `"` + strings.Repeat("x", problem.MaxQuoted) + `"`},
		{"one over", strings.Repeat("x", problem.MaxQuoted+1), `"` + strings.Repeat("x", problem.MaxQuoted) + `"... (65 bytes)`},
		{"long", long, `"` + long[:64] + `"... (100 bytes)`},
		{"ten kilobytes", strings.Repeat("z", 10240), `"` + strings.Repeat("z", 64) + `"... (10240 bytes)`},
		// A rune is never cut: é takes two bytes, so 63 ASCII bytes and
		// then é cut after 64 bytes keeps 63.
		{"multibyte at the cut", strings.Repeat("x", 63) + "é" + long, `"` + strings.Repeat("x", 63) + `"... (165 bytes)`},
		{"multibyte before the cut", strings.Repeat("é", 40), `"` + strings.Repeat("é", 32) + `"... (80 bytes)`},
		{"control characters", strings.Repeat("\x00", 70), `"` + strings.Repeat(`\x00`, 64) + `"... (70 bytes)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := problem.Quote(tt.in); got != tt.want {
				t.Errorf("Quote = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	long := strings.Repeat("k", 100)
	tests := []struct {
		name string
		p    problem.Problem
		want string
	}{
		{"whole document", problem.Problem{Message: "the document is empty"}, "the document is empty"},
		{"place", problem.Problem{Path: "/roles/2/level", Message: "7 is above"}, "/roles/2/level: 7 is above"},
		{"control in message", problem.Problem{Path: "/a", Message: "bad\nline"}, `/a: bad\nline`},
		{"control in path", problem.Problem{Path: "/a\nwlp: /b", Message: "m"}, `"/a\nwlp: /b": m`},
		{"line separator in path", problem.Problem{Path: "/a\u2028", Message: "m"}, `"/a\u2028": m`},
		{"long token shortened", problem.Problem{Path: "/ratings/" + long + "/level", Message: "m"}, "/ratings/" + long[:64] + "...(100 bytes)/level: m"},
		{"long path of short tokens kept", problem.Problem{Path: strings.Repeat("/abc", 40), Message: "m"}, strings.Repeat("/abc", 40) + ": m"},
		{"long token with control", problem.Problem{Path: "/" + strings.Repeat("\n", 70), Message: "m"}, `"/` + strings.Repeat(`\n`, 64) + `...(70 bytes)": m`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

// numbered returns n problems at /0, /1...
func numbered(n int) []problem.Problem {
	out := make([]problem.Problem, n)
	for i := range out {
		out[i] = problem.Problem{Path: fmt.Sprintf("/%d", i), Message: "m"}
	}
	return out
}

func TestListCapsCount(t *testing.T) {
	for _, n := range []int{0, 1, problem.MaxReported - 1, problem.MaxReported, problem.MaxReported + 1, 3 * problem.MaxReported} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var l problem.List
			for _, p := range numbered(n) {
				l.Add(p.Path, p.Message)
			}
			listed := min(n, problem.MaxReported)
			if diff := cmp.Diff(numbered(listed), l.Problems, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("listed (-want +got):\n%s", diff)
			}
			got := struct{ Omitted, Len int }{l.Omitted, l.Len()}
			want := struct{ Omitted, Len int }{n - listed, n}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("counts (-want +got):\n%s", diff)
			}
			if l.Full() != (n >= problem.MaxReported) {
				t.Errorf("Full() = %v with %d problems", l.Full(), n)
			}
		})
	}
}

func TestListCapsBytes(t *testing.T) {
	big := problem.Problem{Path: "/" + strings.Repeat("k", problem.MaxReportedBytes/4), Message: "m"}
	huge := problem.Problem{Path: "/" + strings.Repeat("k", 2*problem.MaxReportedBytes), Message: "m"}
	small := problem.Problem{Path: "/a", Message: "m"}
	tests := []struct {
		name    string
		add     []problem.Problem
		listed  int
		omitted int
	}{
		{"three quarters", []problem.Problem{big, big, big}, 3, 0},
		{"one too many", []problem.Problem{big, big, big, big}, 3, 1},
		// The first problem is always kept, however long.
		{"first always kept", []problem.Problem{huge, small}, 1, 1},
		// Once one is not kept, none after it is: the list is a prefix.
		{"a prefix", []problem.Problem{big, big, big, big, small, small}, 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l problem.List
			l.Append(tt.add...)
			if diff := cmp.Diff(tt.add[:tt.listed], l.Problems); diff != "" {
				t.Errorf("listed (-want +got):\n%s", diff)
			}
			if l.Omitted != tt.omitted {
				t.Errorf("Omitted = %d, want %d", l.Omitted, tt.omitted)
			}
			if tt.omitted > 0 && !l.Full() {
				t.Error("a list that omitted a problem is not Full")
			}
		})
	}
}

func TestListFitsAndOmit(t *testing.T) {
	var l problem.List
	if !l.Fits(10 * problem.MaxReportedBytes) {
		t.Error("an empty list does not fit its first problem")
	}
	l.Add("/a", "m")
	if !l.Fits(100) || l.Fits(problem.MaxReportedBytes) {
		t.Errorf("Fits(100) = %v, Fits(MaxReportedBytes) = %v; want true, false", l.Fits(100), l.Fits(problem.MaxReportedBytes))
	}
	l.Omit(0)
	if l.Full() || l.Omitted != 0 {
		t.Errorf("Omit(0) changed the list: Full %v, Omitted %d", l.Full(), l.Omitted)
	}
	l.Omit(5)
	l.Add("/b", "m")
	want := problem.List{Problems: []problem.Problem{{Path: "/a", Message: "m"}}, Omitted: 6}
	if diff := cmp.Diff(want.Problems, l.Problems); diff != "" || l.Omitted != want.Omitted || l.Len() != 7 || l.Fits(1) {
		t.Errorf("after Omit(5) and Add: problems %v, Omitted %d, Len %d, Fits %v; want only /a, 6, 7, false\n%s", l.Problems, l.Omitted, l.Len(), l.Fits(1), diff)
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		probs   []problem.Problem
		omitted int
		listed  int
		total   int
	}{
		{"none", nil, 0, 0, 0},
		{"few", numbered(3), 0, 3, 3},
		{"few and omitted", numbered(3), 7, 3, 10},
		{"capped", numbered(1500), 0, problem.MaxReported, 1500},
		{"capped and omitted", numbered(1500), 10, problem.MaxReported, 1510},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := problem.New("wlp", tt.probs, tt.omitted)
			if diff := cmp.Diff(tt.probs[:tt.listed], e.Problems, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("listed (-want +got):\n%s", diff)
			}
			if e.Package != "wlp" || len(e.Problems)+e.Omitted != tt.total {
				t.Errorf("package %q, %d listed + %d omitted; want wlp, %d in all", e.Package, len(e.Problems), e.Omitted, tt.total)
			}
		})
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		name string
		e    *problem.Error
		want string
	}{
		{"one", problem.New("wlp", []problem.Problem{{Path: "/id", Message: "bad"}}, 0), "wlp: /id: bad"},
		{"two", problem.New("profile", []problem.Problem{{Path: "/id", Message: "bad"}, {Message: "whole"}}, 0), "profile: /id: bad\nprofile: whole"},
		{"and more", problem.New("wlp", numbered(2), 5), "wlp: /0: m\nwlp: /1: m\nwlp: and at least 5 more problems, not listed"},
		{"and one more", problem.New("wlp", numbered(1), 1), "wlp: /0: m\nwlp: and at least 1 more problem, not listed"},
		{"only omitted", &problem.Error{Package: "wlp", Omitted: 3}, "wlp: and at least 3 more problems, not listed"},
		{"empty", &problem.Error{Package: "wlp"}, "wlp: invalid document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Error(); got != tt.want {
				t.Errorf("Error() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	// A capped error prints MaxReported lines and the count.
	lines := strings.Split(problem.New("wlp", numbered(2500), 0).Error(), "\n")
	if len(lines) != problem.MaxReported+1 || lines[len(lines)-1] != "wlp: and at least 1500 more problems, not listed" {
		t.Errorf("%d lines, the last %q; want %d, counting 1500 more", len(lines), lines[len(lines)-1], problem.MaxReported+1)
	}
}

func TestListErr(t *testing.T) {
	var l problem.List
	if err := l.Err("wlp"); err != nil {
		t.Errorf("Err of an empty list = %v, want nil", err)
	}
	l.Add("/a", "m")
	l.Omit(2)
	err := l.Err("wlp")
	e, ok := err.(*problem.Error)
	if !ok {
		t.Fatalf("Err = %T, want *problem.Error", err)
	}
	want := &problem.Error{Package: "wlp", Problems: []problem.Problem{{Path: "/a", Message: "m"}}, Omitted: 2}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("Err (-want +got):\n%s", diff)
	}
}

func TestEscapeAndJoin(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{problem.Escape("plain"), "plain"},
		{problem.Escape("a/b~c"), "a~1b~0c"},
		{problem.Escape("~1"), "~01"},
		{problem.Join("", "roles", 2, "of"), "/roles/2/of"},
		{problem.Join("/ratings", "a/b"), "/ratings/a~1b"},
		{problem.Join("/x", ""), "/x/"},
		{problem.Join("/x", 1.5), "/x/1.5"},
		{problem.Join("/x"), "/x"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestListAppendError(t *testing.T) {
	type counts struct {
		Problems []problem.Problem
		Omitted  int
	}
	var nilError *problem.Error
	tests := []struct {
		name string
		err  error
		want counts
	}{
		{"nil", nil, counts{}},
		{"an Error", problem.New("wlp", numbered(2), 0), counts{numbered(2), 0}},
		{"an Error with omitted", problem.New("wlp", numbered(2), 3), counts{numbered(2), 3}},
		{"a wrapped Error", fmt.Errorf("reading a.json: %w", problem.New("profile", numbered(1), 0)), counts{numbered(1), 0}},
		{"another error", errors.New("profile: unexpected EOF"), counts{[]problem.Problem{{Message: "profile: unexpected EOF"}}, 0}},
		{"an empty Error", &problem.Error{Package: "wlp"}, counts{[]problem.Problem{{Message: "wlp: invalid document"}}, 0}},
		{"only omitted", &problem.Error{Package: "wlp", Omitted: 4}, counts{nil, 4}},
		{"a nil *Error", nilError, counts{[]problem.Problem{{Message: "invalid document"}}, 0}},
		{"past the cap", problem.New("wlp", numbered(problem.MaxReported+5), 2), counts{numbered(problem.MaxReported), 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l problem.List
			l.AppendError(tt.err)
			if diff := cmp.Diff(tt.want, counts{l.Problems, l.Omitted}, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("AppendError (-want +got):\n%s", diff)
			}
			if (tt.err != nil) != (l.Len() > 0) {
				t.Errorf("Len() = %d after AppendError(%v)", l.Len(), tt.err)
			}
		})
	}
}

// An error's omitted problems close the list, so what it keeps stays a
// prefix of what it was given.
func TestListAppendErrorKeepsPrefix(t *testing.T) {
	var l problem.List
	l.AppendError(problem.New("profile", numbered(1), 2))
	l.Add("/later", "m")
	want := struct {
		Problems []problem.Problem
		Omitted  int
	}{numbered(1), 3}
	if diff := cmp.Diff(want, struct {
		Problems []problem.Problem
		Omitted  int
	}{l.Problems, l.Omitted}); diff != "" {
		t.Errorf("after AppendError and Add (-want +got):\n%s", diff)
	}
}

func TestCompare(t *testing.T) {
	p := func(path, msg string) problem.Problem { return problem.Problem{Path: path, Message: msg} }
	tests := []struct {
		a, b problem.Problem
		want int
	}{
		{p("", "b"), p("", "b"), 0},
		{p("", "a"), p("", "b"), -1},
		{p("", "z"), p("/a", "a"), -1},
		{p("/roles", "m"), p("/roles/0", "m"), -1},
		{p("/roles/2", "m"), p("/roles/2/name", "a"), -1},
		{p("/roles/9", "m"), p("/roles/10", "m"), -1},
		{p("/roles/10/x", "m"), p("/roles/9/y", "m"), 1},
		{p("/a/", "m"), p("/a", "m"), 1},
		{p("/7", "m"), p("/007", "m"), 1},
		{p("/99999999999999999999999", "m"), p("/100000000000000000000000", "m"), -1},
		{p("/9", "m"), p("/1a", "m"), -1},
		{p("/b", "m"), p("/a~1b", "m"), 1},
		{p("/ratings/coaching", "m"), p("/ratings/building-trust", "m"), 1},
		{p("abc", "m"), p("/abc", "m"), 1},
	}
	for _, tt := range tests {
		if got := problem.Compare(tt.a, tt.b); sign(got) != tt.want {
			t.Errorf("Compare(%v, %v) = %d, want sign %d", tt.a, tt.b, got, tt.want)
		}
		if got := problem.Compare(tt.b, tt.a); sign(got) != -tt.want {
			t.Errorf("Compare(%v, %v) = %d, want sign %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

// sign returns -1, 0 or 1 as n is negative, zero or positive.
func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Compare is a total order: sorting any shuffle gives the same list, and
// every three problems are ordered consistently.
func TestCompareIsATotalOrder(t *testing.T) {
	want := []problem.Problem{
		{Path: "", Message: "a"}, {Path: "", Message: "b"},
		{Path: "/0", Message: "m"}, {Path: "/2", Message: "m"}, {Path: "/09", Message: "m"},
		{Path: "/9", Message: "m"}, {Path: "/10", Message: "m"}, {Path: "/10/0", Message: "m"},
		{Path: "/10/a", Message: "m"}, {Path: "/", Message: "m"}, {Path: "/1a", Message: "m"}, {Path: "/9a", Message: "m"},
		{Path: "/a", Message: "m"}, {Path: "/a/", Message: "m"}, {Path: "/a~0", Message: "m"},
		{Path: "/b", Message: "m"}, {Path: "a", Message: "m"},
	}
	for i, a := range want {
		for j, b := range want {
			if got := sign(problem.Compare(a, b)); got != sign(i-j) {
				t.Errorf("Compare(%v, %v) has sign %d, want %d", a, b, got, sign(i-j))
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		got := slices.Clone(want)
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		slices.SortFunc(got, problem.Compare)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("sorted (-want +got):\n%s", diff)
		}
	}
}

// TestStringShortensDeepPaths: a problem thousands of levels deep prints
// as a short line naming its first and last levels; Path stays whole.
func TestStringShortensDeepPaths(t *testing.T) {
	deep := strings.Repeat("/0", 10000)
	p := problem.Problem{Path: deep, Message: "nested deeper than the limit"}
	want := "/0/0/0/0/0/0/0/0/...(9984 more levels)/0/0/0/0/0/0/0/0: nested deeper than the limit"
	if got := p.String(); got != want {
		t.Errorf("String() = %.200q, want %q", got, want)
	}
	if p.Path != deep {
		t.Error("String changed Path")
	}
	shallow := problem.Problem{Path: "/roles/2/requirements/0/level", Message: "m"}
	if got := shallow.String(); got != "/roles/2/requirements/0/level: m" {
		t.Errorf("String() = %q", got)
	}
}
