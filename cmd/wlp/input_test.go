// This file tests input.go through every command that reads documents:
// bad documents and fuzzed profiles.

package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp/internal/testfix"
)

// TestBadInput runs every command on documents that are wrong in many
// ways: it must never panic, and must fail with status 1 (or succeed, for
// what is in fact valid).
func TestBadInput(t *testing.T) {
	docs := []string{
		"", " ", "null", "[]", "{}", "0", `"x"`, "{", "}", "\xef\xbb\xbf{}", "\xff\xfe",
		`{"id": ""}`, `{"id": "x", "ratings": null}`, `{"id": "x", "ratings": []}`,
		`{"id": "x", "ratings": {"": {"level": 1}}}`,
		`{"id": "x", "ratings": {"coaching": {"level": 1e400}}}`,
		`{"id": "x", "ratings": {"coaching": {"level": 2.5}}}`,
		`{"id": "x", "ratings": {"coaching": {"level": 2}, "coaching": {"level": 3}}}`,
		`{"id": "x\u0000\u001b[31m", "name": "\u202eevil\n\tname", "ratings": {"coaching": {"level": 2}}}`,
		`{"id": "x", "name": "<script>&amp;</script>", "ratings": {"coaching": {"level": 5}}}`,
		strings.Repeat("[", 100000),
		`{"id": "x", "competencies": [], "roles": []}`,
		`{"competencies": [{"id": "a", "name": "A", "cluster": "interpersonal"}], "roles": [{"id": "r", "name": "R", "requirements": [{"of": ["a"], "level": 1, "weight": 1e308}]}]}`,
		`{"id": "x", "reviews": [{"levels": {"coaching": 5}}, {"source": "self", "levels": {"coaching": 0, "building-trust": 3}}]}`,
		`{"id": "x", "reviews": [{"source": "manager", "levels": {"coaching": 9}}]}`,
		`{"id": "x", "reviews": [{"levels": {"coachin": 2}}]}`,
		`{"id": "x", "reviews": null}`, `{"id": "x", "reviews": [{}]}`, `{"id": "x", "reviews": [{"levels": null}]}`,
		`{"id": "x", "reviews": [{"levels": {}, "source": "boss", "assessedAt": "2026-02-30"}]}`,
		`{"id": "x", "ratings": {"coaching": {"level": 1}}, "reviews": [{"rater": "\u001b[2J", "source": "peer", "levels": {"coaching": 5}}, {"source": "manager", "levels": {"coaching": 1}}]}`,
	}
	for _, doc := range docs {
		for _, argv := range [][]string{
			{"validate", "-"},
			{"validate", "-json", "-"},
			{"score", clo, "-"},
			{"score", "-json", "coaching", "-"},
			{"roles", "-"},
			{"rank", clo, "-", dana},
			{"chart", clo, "-"},
			{"chart", "-team", clo, "-", "-"},
			{"export", "-framework", "-"},
			{"schema", "-framework", "-", "-for-framework", "profile"},
			{"roles", "-framework", "-", dana},
			{"score", "-combine", "mean-except-self", clo, "-"},
			{"rank", "-combine", "median", clo, "-", dana},
			{"team", clo, "-", dana},
			{"team", "-json", "-combine", "manager-first", "business-partner", "-"},
			{"team", clo, "-", "-"},
			{"team", "-framework", "-", clo, dana},
			{"assign", clo, "-", dana},
			{"assign", "-json", "-max-hats", "0", "-combine", "median", "learning-strategist,project-manager", "-"},
			{"plan", clo, "-"},
			{"plan", "-json", "-combine", "median", "-until", "exact", "business-partner", "-"},
			{"plan", "-framework", "-", clo, dana},
			{"chart", "-team", "-combine", "median", clo, "-", dana},
		} {
			r := runWLP(doc, argv...)
			if r.code != 0 && r.code != 1 {
				t.Errorf("wlp %v on %.40q: exit %d\n%s", argv, doc, r.code, r.stderr)
			}
			if r.code == 1 && r.stderr == "" {
				t.Errorf("wlp %v on %.40q: failed silently", argv, doc)
			}
			if strings.ContainsAny(r.stderr, "\x00\x1b") {
				t.Errorf("wlp %v on %.40q: control characters reach the terminal: %q", argv, doc, r.stderr)
			}
		}
	}
}

// FuzzProfile feeds arbitrary profile documents to the commands that read
// profiles: none may panic, and a chart that succeeds is well-formed XML.
func FuzzProfile(f *testing.F) {
	for _, path := range append(slices.Clone(team), alex, "testdata/bad-profile.json", "testdata/truncated.json", "testdata/tiny-kim.json") {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		for _, argv := range [][]string{
			{"validate", "-"}, {"score", clo, "-"}, {"roles", "-json", "-"}, {"rank", clo, "-"},
			{"team", "-combine", "median", clo, "-", dana}, {"assign", "-max-hats", "2", clo, "-", sam},
			{"plan", "-combine", "manager-first", clo, "-"},
		} {
			if r := runWLP(string(doc), argv...); r.code != 0 && r.code != 1 {
				t.Fatalf("wlp %v: exit %d", argv, r.code)
			}
		}
		if r := runWLP(string(doc), "chart", clo, "-"); r.code == 0 {
			testfix.SVGText(t, []byte(r.stdout))
		}
		if r := runWLP(string(doc), "chart", "-team", "-combine", "median", clo, "-", lee); r.code == 0 {
			testfix.SVGText(t, []byte(r.stdout))
		}
	})
}
