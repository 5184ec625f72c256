package profile_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/schema"
)

var idRE = regexp.MustCompile(profile.IDPattern)

// patternValid is the schema's verdict on an ID: the pattern and the
// length bound, counted in characters as JSON Schema counts.
func patternValid(s string) bool {
	n := utf8.RuneCountInString(s)
	return idRE.MatchString(s) && 1 <= n && n <= profile.MaxIDLen
}

// schemaVerdict validates a decoded document against the profile schema and
// returns the places it names, each once.
func schemaVerdict(t *testing.T, doc map[string]any) []string {
	t.Helper()
	probs, err := schema.Validate(schema.Profile, doc)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range probs {
		out = append(out, p.Path)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestValidID: real employee numbers, user names and e-mail addresses are
// IDs; what is unsafe as a file name or invisible in a message is not.
// Validate, Load, ValidID, IDPattern and the profile schema agree on each.
func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		word string // "" for a valid ID, else a word of the message
	}{
		// Valid.
		{"E1001", ""},
		{"e1001", ""},
		{"ANA-0042", ""},
		{"jo.smith@example.com", ""},
		{"jo.smith+hr@example.co.uk", ""},
		{"alex", ""},
		{"x", ""},
		{"_", ""},
		{"@kim", ""},
		{"emp_00017", ""},
		{"a..b", ""},
		{"a-", ""},
		{"1", ""},
		{"CONS", ""},
		{"con-1", ""},
		{"console", ""},
		{"COM10", ""},
		{"com", ""},
		{"lpt", ""},
		{"comx", ""},
		{"a.con", ""},
		{"nul_", ""},
		{"auxiliary.json", ""},
		{strings.Repeat("a", profile.MaxIDLen), ""},

		// Empty, space, control and invisible characters.
		{"", "no ID"},
		{" ", "' ' (U+0020)"},
		{"   ", "' '"},
		{"\t", `'\t' (U+0009)`},
		{" E1001", "' '"},
		{"E1001 ", "' '"},
		{"\u00a0E1001", `'\u00a0' (U+00A0)`},
		{"E1001\u3000", "U+3000"},
		{"jo smith", "' '"},
		{"a\x00b", `'\x00' (U+0000)`},
		{"a\nb", `'\n'`},
		{"a\x1bb", `'\x1b'`},
		{"a\x7fb", "U+007F"},
		{"a\u2028b", "U+2028"},
		{"a\u200bb", "U+200B"},
		{"a\u00adb", "U+00AD"},
		{"a\ufeffb", "U+FEFF"},
		{"a\u202eb", "U+202E"},
		{"Zoë", "'ë'"},
		{"аlex", "'а'"}, // Cyrillic a

		// Paths and file names.
		{"../../etc/passwd", "'/'"},
		{"a/b", "'/'"},
		{`a\b`, `'\\'`},
		{".", "starts with '.'"},
		{"..", "starts with '.'"},
		{".hidden", "starts with '.'"},
		{"-rf", "starts with '-'"},
		{"E1001.", "ends with a dot"},
		{"a:b", "':'"},
		{"a*b", "'*'"},
		{"a?b", "'?'"},
		{`a"b`, `'"'`},
		{"a<b", "'<'"},
		{"a>b", "'>'"},
		{"a|b", "'|'"},
		{"a%2fb", "'%'"},
		{"CON", "reserves"},
		{"con", "reserves"},
		{"Con.json", "reserves"},
		{"PRN", "reserves"},
		{"aux", "reserves"},
		{"NUL", "reserves"},
		{"nul.txt", "reserves"},
		{"COM1", "reserves"},
		{"com9.x", "reserves"},
		{"LPT1", "reserves"},
		{"lpt0", "reserves"},
		{"CoM0", "reserves"},

		// Length.
		{strings.Repeat("a", profile.MaxIDLen+1), "65 bytes"},
		{strings.Repeat("a", 10<<10), "10240 bytes"},
		{"\xff", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			want := tt.word == ""
			if got := profile.ValidID(tt.id); got != want {
				t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, want)
			}
			if got := patternValid(tt.id); got != want && utf8.ValidString(tt.id) {
				t.Errorf("IDPattern on %q: %v, want %v", tt.id, got, want)
			}
			err := profile.Profile{ID: tt.id}.Validate()
			if want {
				if err != nil {
					t.Errorf("Validate: %v", err)
				}
			} else {
				checkProblems(t, err, []problem{{"/id", tt.word}})
				if len(err.Error()) > 300 {
					t.Errorf("Validate's message is %d bytes: the value is not shortened:\n%.400s", len(err.Error()), err)
				}
			}
			if !utf8.ValidString(tt.id) {
				return // no JSON document holds it
			}
			doc, err := json.Marshal(map[string]string{"id": tt.id})
			if err != nil {
				t.Fatal(err)
			}
			_, err = profile.Load(strings.NewReader(string(doc)))
			if want {
				if err != nil {
					t.Errorf("Load(%s): %v", doc, err)
				}
			} else {
				checkProblems(t, err, []problem{{"/id", tt.word}})
			}
			var wantSchema []string
			if !want {
				wantSchema = []string{"/id"}
			}
			if diff := cmp.Diff(wantSchema, schemaVerdict(t, map[string]any{"id": tt.id})); diff != "" {
				t.Errorf("the schema's verdict on %q (-want +got):\n%s", tt.id, diff)
			}
		})
	}
}

// TestIDPatternIsValidID checks IDPattern (with MaxIDLen) against ValidID
// on every string of up to three characters from an alphabet that holds
// each kind of character the rule treats apart (the letters of the
// reserved names in both cases, digits, each mark, forbidden ASCII and a
// letter from another script), on every string of four from the
// letters of COM and LPT, on every reserved name in every case followed
// by each kind of character, and on random longer strings.
func TestIDPatternIsValidID(t *testing.T) {
	n := 0
	check := func(s string) {
		n++
		if got, want := patternValid(s), profile.ValidID(s); got != want {
			t.Errorf("%q: IDPattern says %v, ValidID %v", s, got, want)
		}
	}
	var walk func(alphabet []string, prefix string, depth int)
	walk = func(alphabet []string, prefix string, depth int) {
		check(prefix)
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			walk(alphabet, prefix+c, depth-1)
		}
	}
	walk([]string{"c", "O", "n", "p", "R", "a", "U", "x", "L", "t", "m", "z", "0", "9", ".", "-", "_", "@", "+", " ", "/", ":", "é"}, "", 3)
	walk([]string{"C", "o", "m", "l", "P", "T", "1", "b", ".", "-"}, "", 4)
	for _, stem := range []string{"con", "prn", "aux", "nul", "com0", "com5", "com9", "lpt0", "lpt1", "lpt9"} {
		for mask := range 1 << len(stem) { // every mix of upper and lower case
			var b strings.Builder
			for i, r := range stem {
				if mask&(1<<i) != 0 {
					r = unicode.ToUpper(r)
				}
				b.WriteRune(r)
			}
			for _, suffix := range []string{"", ".", ".x", ".json", "x", "0", "-", "_", "..", ". ", " ", "/"} {
				check(b.String() + suffix)
				check("a" + b.String() + suffix)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	long := []string{"a", "Z", "5", ".", "-", "_", "@", "+", " ", "\\", "ë", "\x00"}
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(profile.MaxIDLen+8) {
			b.WriteString(long[rng.IntN(len(long))])
		}
		check(b.String())
	}
	if n < 20000 {
		t.Errorf("only %d strings checked", n)
	}
}

// TestIDSchemaTag: the schema of "id" is IDPattern with MaxIDLen, so the
// struct tag that makes it cannot drift from the Go rule.
func TestIDSchemaTag(t *testing.T) {
	data, err := schema.JSON(schema.Profile)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Defs map[string]struct {
			Properties map[string]struct {
				Pattern   string `json:"pattern"`
				MinLength int    `json:"minLength"`
				MaxLength int    `json:"maxLength"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	type rule struct {
		Pattern        string
		Min, MaxLength int
	}
	id := s.Defs["Profile"].Properties["id"]
	if diff := cmp.Diff(rule{profile.IDPattern, 1, profile.MaxIDLen}, rule{id.Pattern, id.MinLength, id.MaxLength}); diff != "" {
		t.Errorf("the schema of a profile ID (-Go +schema):\n%s", diff)
	}
	rater := s.Defs["Review"].Properties["rater"]
	if rater.MaxLength != profile.MaxRaterLen {
		t.Errorf("the schema's maxLength of a rater is %d, want MaxRaterLen %d", rater.MaxLength, profile.MaxRaterLen)
	}
	f, _ := reflect.TypeFor[profile.Profile]().FieldByName("ID")
	if !strings.Contains(f.Tag.Get("jsonschema"), "pattern="+profile.IDPattern) {
		t.Errorf("the jsonschema tag of Profile.ID does not hold IDPattern: %s", f.Tag)
	}
}

// TestRater: a rater is any name or ID up to 64 characters without
// control characters; Validate, Load and the schema agree.
func TestRater(t *testing.T) {
	tests := []struct {
		rater string
		word  string // "" for valid
	}{
		{"", ""},
		{"Kim", ""},
		{"Jordan Blake", ""},
		{"Zoë Ångström", ""},
		{"  spaced  ", ""},
		{"a/b", ""},
		{"李小龍", ""},
		{strings.Repeat("a", profile.MaxRaterLen), ""},
		{strings.Repeat("語", profile.MaxRaterLen), ""},
		{strings.Repeat("a", profile.MaxRaterLen+1), "65 characters"},
		{strings.Repeat("語", profile.MaxRaterLen+1), "65 characters"},
		{strings.Repeat("a", 10<<10), "10240 characters"},
		{"Kim\nBcc: x", `'\n'`},
		{"a\x00", "control"},
		{"a\x1b[31m", "control"},
		{"a\u0085", "U+0085"},
		{"a\x7f", "U+007F"},
	}
	for _, tt := range tests {
		t.Run(tt.rater, func(t *testing.T) {
			rev := profile.Review{Rater: tt.rater, Levels: map[competency.ID]competency.Level{"coaching": 2}}
			err := profile.Profile{ID: "x", Reviews: []profile.Review{rev}}.Validate()
			doc, jerr := json.Marshal(map[string]any{"id": "x", "reviews": []any{map[string]any{"rater": tt.rater, "levels": map[string]int{"coaching": 2}}}})
			if jerr != nil {
				t.Fatal(jerr)
			}
			_, lerr := profile.Load(strings.NewReader(string(doc)))
			var docv map[string]any
			if err := json.Unmarshal(doc, &docv); err != nil {
				t.Fatal(err)
			}
			sch := schemaVerdict(t, docv)
			if tt.word == "" {
				if err != nil || lerr != nil || sch != nil {
					t.Errorf("Validate: %v; Load: %v; schema: %q", err, lerr, sch)
				}
				return
			}
			checkProblems(t, err, []problem{{"/reviews/0/rater", tt.word}})
			checkProblems(t, lerr, []problem{{"/reviews/0/rater", tt.word}})
			if diff := cmp.Diff([]string{"/reviews/0/rater"}, sch); diff != "" {
				t.Errorf("schema (-want +got):\n%s", diff)
			}
			if len(err.Error()) > 300 {
				t.Errorf("message of %d bytes: the value is not shortened", len(err.Error()))
			}
		})
	}
}

// FuzzValidID: IDPattern and ValidID agree on every string, and a valid
// ID is short, printable ASCII with no path separator.
func FuzzValidID(f *testing.F) {
	for _, s := range []string{"E1001", "jo.smith@example.com", "CON", "nul.txt", "..", "a/b", "Zoë", " x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ok := profile.ValidID(s)
		if utf8.ValidString(s) && patternValid(s) != ok {
			t.Errorf("%q: IDPattern says %v, ValidID %v", s, !ok, ok)
		}
		if ok && (len(s) > profile.MaxIDLen || strings.ContainsAny(s, "/\\ :") || s == "." || s == "..") {
			t.Errorf("ValidID(%q) = true", s)
		}
		err := profile.Profile{ID: s}.Validate()
		if (err == nil) != ok {
			t.Errorf("Validate(%q) = %v, ValidID %v", s, err, ok)
		}
		var ve *profile.ValidationError
		if err != nil && (!errors.As(err, &ve) || ve.Problems[0].Path != "/id") {
			t.Errorf("Validate(%q) = %v, want a problem at /id", s, err)
		}
	})
}
