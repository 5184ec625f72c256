package jsonx_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/problem"
)

// want is one expected problem: its JSON pointer and a word of its message.
type want struct{ path, word string }

func checkProblems(t *testing.T, got []problem.Problem, ws []want) {
	t.Helper()
	var gotPaths, wantPaths []string
	for _, p := range got {
		gotPaths = append(gotPaths, p.Path)
	}
	for _, w := range ws {
		wantPaths = append(wantPaths, w.path)
	}
	if diff := cmp.Diff(wantPaths, gotPaths); diff != "" {
		t.Fatalf("problem paths (-want +got):\n%s\nproblems: %.2000q", diff, got)
	}
	for i, w := range ws {
		if !strings.Contains(got[i].Message, w.word) {
			t.Errorf("problem %d at %q: message %q lacks %q", i, w.path, got[i].Message, w.word)
		}
	}
}

// stdAny decodes doc with encoding/json and UseNumber.
func stdAny(t testing.TB, doc []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return v
}

func TestParseValues(t *testing.T) {
	for _, doc := range []string{
		`1`, ` -1.5e3 `, `0`, `-0`, `1E+2`, `"a\u00e9\n\"\/\\\b\f\r\t"`, `"\ud83d\ude00"`, `"\uD83D\uDE00"`, `"é😀"`,
		`"\u0000"`, `true`, `false`, `null`, `[]`, `{}`, "\n\t[1, \"x\", [null]]\r\n",
		`{"b":1,"a":{"c":[]}}`, `{"a/b":"~"}`, `{"k":1,"k":2}`, `[{"a":[{"b":{}}]},{},[]]`,
	} {
		t.Run(doc, func(t *testing.T) {
			got, probs, ok := jsonx.Parse([]byte(doc), jsonx.Limits{})
			if !ok {
				t.Fatalf("Parse failed: %q", probs.Problems)
			}
			if strings.Contains(doc, `"k":1,"k"`) {
				checkProblems(t, probs.Problems, []want{{"/k", `duplicate key "k"`}})
			} else if probs.Len() > 0 {
				t.Fatalf("Parse problems: %q", probs.Problems)
			}
			if diff := cmp.Diff(stdAny(t, []byte(doc)), got); diff != "" {
				t.Errorf("Parse vs encoding/json (-std +got):\n%s", diff)
			}
		})
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		lim  jsonx.Limits
		want []want
	}{
		{"empty", ``, jsonx.Limits{}, []want{{"", "empty"}}},
		{"whitespace", " \t\r\n", jsonx.Limits{}, []want{{"", "empty"}}},
		{"BOM", "\xef\xbb\xbf{}", jsonx.Limits{}, []want{{"", "byte-order mark"}}},
		{"invalid UTF-8", `{"a":"` + "\xc3\x28" + `"}`, jsonx.Limits{}, []want{{"", "offset 6"}}},
		{"invalid UTF-8 at start", "\xff", jsonx.Limits{}, []want{{"", "offset 0"}}},
		{"surrogate bytes", "\"\xed\xa0\x80\"", jsonx.Limits{}, []want{{"", "not valid UTF-8"}}},
		{"not JSON", `nope`, jsonx.Limits{}, []want{{"", "malformed JSON at offset 1: 'o' in literal null (expecting 'u')"}}},
		{"trailing comma/object", `{"a":1,}`, jsonx.Limits{}, []want{{"", "malformed JSON at offset 7: '}' looking for beginning of object key string"}}},
		{"trailing comma/array", `{"a":[1,]}`, jsonx.Limits{}, []want{{"/a/1", "malformed JSON at offset 8: ']' looking for beginning of value"}}},
		{"missing colon", `{"a" 1}`, jsonx.Limits{}, []want{{"/a", "malformed JSON at offset 5: '1' after object key"}}},
		{"missing comma/object", `{"a":1 "b":2}`, jsonx.Limits{}, []want{{"", `offset 7: '"' after object key:value pair`}}},
		{"number key", `{1:2}`, jsonx.Limits{}, []want{{"", "malformed JSON at offset 1"}}},
		{"missing comma/array", `[1 2]`, jsonx.Limits{}, []want{{"/1", "offset 3: '2' after array element"}}},
		{"bad escape", `{"a":"\x"}`, jsonx.Limits{}, []want{{"/a", "offset 7: 'x' in string escape code"}}},
		{"bad unicode escape", `["\u12G4"]`, jsonx.Limits{}, []want{{"/0", `offset 6: 'G' in \u hexadecimal character escape`}}},
		{"control character", "[\"a\tb\"]", jsonx.Limits{}, []want{{"/0", `offset 3: '\t' in string literal`}}},
		{"leading zero", `[01]`, jsonx.Limits{}, []want{{"/1", "after array element"}}},
		{"leading zero/top", `01`, jsonx.Limits{}, []want{{"", "unexpected data after the document at offset 1"}}},
		{"minus alone", `[-]`, jsonx.Limits{}, []want{{"/0", "offset 2: ']' in numeric literal"}}},
		{"fraction without digits", `[1.]`, jsonx.Limits{}, []want{{"/0", "in numeric literal"}}},
		{"exponent without digits", `[1e+]`, jsonx.Limits{}, []want{{"/0", "in numeric literal"}}},
		{"plus sign", `[+1]`, jsonx.Limits{}, []want{{"/0", "'+' looking for beginning of value"}}},
		{"NaN", `[NaN]`, jsonx.Limits{}, []want{{"/0", "malformed JSON"}}},
		{"capital literal", `[True]`, jsonx.Limits{}, []want{{"/0", "'T' looking for beginning of value"}}},
		{"number too long", `[` + strings.Repeat("1", 65) + `]`, jsonx.Limits{}, []want{{"/0", "a number of 65 characters is longer than the limit of 64"}}},
		{"truncated/object", `{"a":`, jsonx.Limits{}, []want{{"/a", "ends too early"}}},
		{"truncated/array", `{"a":[1,`, jsonx.Limits{}, []want{{"/a/1", "ends too early"}}},
		{"truncated/close", `{"a":[1]`, jsonx.Limits{}, []want{{"", "ends too early"}}},
		{"truncated/string", `"abc`, jsonx.Limits{}, []want{{"", "ends too early"}}},
		{"truncated/escape", `"abc\`, jsonx.Limits{}, []want{{"", "ends too early"}}},
		{"truncated/unicode escape", `"abc\u12`, jsonx.Limits{}, []want{{"", "ends too early"}}},
		{"truncated/literal", `[tru`, jsonx.Limits{}, []want{{"/0", "ends too early"}}},
		{"truncated/key", `{"ab`, jsonx.Limits{}, []want{{"", "ends too early"}}},
		{"trailing/value", `{} {}`, jsonx.Limits{}, []want{{"", "after the document at offset 3"}}},
		{"trailing/number", `1 2`, jsonx.Limits{}, []want{{"", "after the document"}}},
		{"trailing/close", `{}}`, jsonx.Limits{}, []want{{"", "after the document"}}},
		{"trailing/garbage", `[] x`, jsonx.Limits{}, []want{{"", "after the document"}}},
		{"trailing/NUL", "{}\x00", jsonx.Limits{}, []want{{"", "after the document"}}},

		// A no-break space (U+00A0) is named as itself, not as 'Â', the
		// first byte of its encoding read as a character.
		{"no-break space/leading", "\u00a0{}", jsonx.Limits{}, []want{{"", `malformed JSON at offset 0: '\u00a0' (U+00A0, a space JSON does not allow`}}},
		{"no-break space/inside", "{\"a\":\u00a01}", jsonx.Limits{}, []want{{"/a", `offset 5: '\u00a0' (U+00A0`}}},
		{"non-ASCII letter", `[é]`, jsonx.Limits{}, []want{{"/0", `offset 1: 'é' (U+00E9) looking for beginning of value`}}},

		// Lone surrogates, which encoding/json turns into U+FFFD.
		{"surrogate/high alone", `{"id":"\ud800"}`, jsonx.Limits{}, []want{{"/id", `offset 7: the string holds \ud800, the high (first) half of a UTF-16 surrogate pair`}}},
		{"surrogate/high then text", `["a\ud800b"]`, jsonx.Limits{}, []want{{"/0", `\ud800`}}},
		{"surrogate/high then high", `["\ud800\ud800"]`, jsonx.Limits{}, []want{{"/0", `offset 2: the string holds \ud800`}}},
		{"surrogate/high then other escape", `["\ud800\u0041"]`, jsonx.Limits{}, []want{{"/0", `\ud800`}}},
		{"surrogate/high at end", `["\uDBFF"]`, jsonx.Limits{}, []want{{"/0", `\udbff, the high (first) half`}}},
		{"surrogate/low alone", `{"a":["x","\udc00"]}`, jsonx.Limits{}, []want{{"/a/1", `the string holds \udc00, the low (second) half`}}},
		{"surrogate/low then high", `["\udc00\ud800"]`, jsonx.Limits{}, []want{{"/0", `\udc00`}}},
		{"surrogate/in key", `{"a":{"k\ud800":1}}`, jsonx.Limits{}, []want{{"/a", `offset 8: the key holds \ud800`}}},
		{"surrogate/after duplicate", `{"a":1,"a":"\udfff"}`, jsonx.Limits{}, []want{{"/a", "duplicate"}, {"/a", `\udfff`}}},

		{"duplicate/top", `{"a":1,"b":2,"a":3}`, jsonx.Limits{}, []want{{"/a", `duplicate key "a"`}}},
		{"duplicate/nested object", `{"a":{"b":1,"b":2}}`, jsonx.Limits{}, []want{{"/a/b", "duplicate key"}}},
		{"duplicate/in array", `{"a":[{"x":1},{"x":1,"x":2}]}`, jsonx.Limits{}, []want{{"/a/1/x", "duplicate key"}}},
		{"duplicate/deep", `[[[{"k":{"k":1,"k":2}}]]]`, jsonx.Limits{}, []want{{"/0/0/0/k/k", "duplicate key"}}},
		{"duplicate/three times", `{"k":1,"k":2,"k":3}`, jsonx.Limits{}, []want{{"/k", "duplicate"}, {"/k", "duplicate"}}},
		{"duplicate/several", `{"a":1,"a":1,"b":{"c":1,"c":{"d":0,"d":0}}}`, jsonx.Limits{}, []want{{"/a", "duplicate"}, {"/b/c", "duplicate"}, {"/b/c/d", "duplicate"}}},
		{"duplicate/slash", `{"a/b":{"c~d":1,"c~d":2}}`, jsonx.Limits{}, []want{{"/a~1b/c~0d", `duplicate key "c~d"`}}},
		{"duplicate/escapes", `{"~1":1,"~1":2}`, jsonx.Limits{}, []want{{"/~01", "duplicate"}}},
		{"duplicate/slash tilde", `{"/~/":0,"/~/":0}`, jsonx.Limits{}, []want{{"/~1~0~1", "duplicate"}}},
		{"duplicate/empty key", `{"":1,"":2}`, jsonx.Limits{}, []want{{"/", "duplicate"}}},
		{"duplicate/unicode escape", `{"id":1,"\u0069d":2}`, jsonx.Limits{}, []want{{"/id", `duplicate key "id"`}}},
		{"duplicate/surrogate pair", `{"😀":1,"\ud83d\ude00":2}`, jsonx.Limits{}, []want{{"/😀", "duplicate"}}},
		{"duplicate/many keys", manyKeys(40, true), jsonx.Limits{}, manyWant(40)},
		{"duplicate/long key", `{"` + strings.Repeat("k", 100) + `":1,"` + strings.Repeat("k", 100) + `":2}`, jsonx.Limits{}, []want{{"/" + strings.Repeat("k", 100), `duplicate key "` + strings.Repeat("k", 64) + `"... (100 bytes)`}}},
		{"duplicate then syntax", `{"a":1,"a":2,`, jsonx.Limits{}, []want{{"/a", "duplicate"}, {"", "ends too early"}}},

		{"depth/2 over", `[[[1]]]`, jsonx.Limits{MaxDepth: 2}, []want{{"/0/0", "nested deeper than the limit of 2 levels"}}},
		{"depth/objects", `{"a":{"b":{}}}`, jsonx.Limits{MaxDepth: 2}, []want{{"/a/b", "limit of 2"}}},
		{"depth/1", `[[]]`, jsonx.Limits{MaxDepth: 1}, []want{{"/0", "limit of 1"}}},
		{"depth/default", strings.Repeat("[", 65) + strings.Repeat("]", 65), jsonx.Limits{}, []want{{strings.Repeat("/0", 64), "limit of 64"}}},
		{"depth/huge", strings.Repeat("[", 1_000_000), jsonx.Limits{}, []want{{strings.Repeat("/0", 64), "limit of 64"}}},
		{"depth/huge objects", strings.Repeat(`{"a/":`, 200_000), jsonx.Limits{MaxDepth: 3}, []want{{"/a~1/a~1/a~1", "limit of 3"}}},
		{"depth/duplicate first", `{"a":1,"a":[[[]]]}`, jsonx.Limits{MaxDepth: 2}, []want{{"/a", "duplicate"}, {"/a/0", "limit of 2"}}},
		{"depth/over the ceiling", strings.Repeat("[", jsonx.MaxDepthCeiling+1) + strings.Repeat("]", jsonx.MaxDepthCeiling+1), jsonx.Limits{MaxDepth: 1 << 30},
			[]want{{strings.Repeat("/0", jsonx.MaxDepthCeiling), fmt.Sprintf("limit of %d levels", jsonx.MaxDepthCeiling)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs, ok := jsonx.Parse([]byte(tt.doc), tt.lim)
			if ok != (strings.HasPrefix(tt.name, "duplicate/") && !strings.Contains(tt.name, "syntax")) {
				t.Errorf("Parse ok = %v", ok)
			}
			checkProblems(t, probs.Problems, tt.want)
		})
	}
}

// manyKeys returns an object of n keys "k0"... and, if twice, each again.
func manyKeys(n int, twice bool) string {
	var b strings.Builder
	b.WriteString("{")
	for round := 0; round < 2; round++ {
		for i := range n {
			if b.Len() > 1 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"k%d":%d`, i, i)
		}
		if !twice {
			break
		}
	}
	b.WriteString("}")
	return b.String()
}

// manyWant returns the problems of manyKeys(n, true).
func manyWant(n int) []want {
	var out []want
	for i := range n {
		out = append(out, want{fmt.Sprintf("/k%d", i), fmt.Sprintf(`duplicate key "k%d"`, i)})
	}
	return out
}

func TestParseDepthWithinLimit(t *testing.T) {
	tests := []struct {
		doc string
		lim jsonx.Limits
	}{
		{`[[1]]`, jsonx.Limits{MaxDepth: 2}},
		{`{"a":[]}`, jsonx.Limits{MaxDepth: 2}},
		{`[1,2,"x",true,null]`, jsonx.Limits{MaxDepth: 1}},
		{`5`, jsonx.Limits{MaxDepth: 1}},
		{`[[],[],{}]`, jsonx.Limits{MaxDepth: 2}},
		{strings.Repeat("[", 64) + strings.Repeat("]", 64), jsonx.Limits{}},
		{strings.Repeat("[", 64) + strings.Repeat("]", 64), jsonx.Limits{MaxDepth: -1}},
		{strings.Repeat("[", jsonx.MaxDepthCeiling) + strings.Repeat("]", jsonx.MaxDepthCeiling), jsonx.Limits{MaxDepth: jsonx.MaxDepthCeiling}},
		{strings.Repeat(`{"a":`, jsonx.MaxDepthCeiling) + "1" + strings.Repeat("}", jsonx.MaxDepthCeiling), jsonx.Limits{MaxDepth: 1 << 62}},
	}
	for _, tt := range tests {
		if _, probs, ok := jsonx.Parse([]byte(tt.doc), tt.lim); !ok || probs.Len() > 0 {
			t.Errorf("Parse(%.40q, %+v): %q; want a value", tt.doc, tt.lim, probs.Problems)
		}
	}
	if jsonx.DefaultMaxDepth != 64 || jsonx.DefaultMaxBytes != 8<<20 || jsonx.MaxDepthCeiling != 10_000 {
		t.Errorf("defaults = %d bytes, %d levels, ceiling %d", jsonx.DefaultMaxBytes, jsonx.DefaultMaxDepth, jsonx.MaxDepthCeiling)
	}
}

func TestLimitsDepth(t *testing.T) {
	for _, tt := range []struct{ max, want int }{
		{-5, 64}, {0, 64}, {1, 1}, {64, 64}, {65, 65}, {jsonx.MaxDepthCeiling, jsonx.MaxDepthCeiling},
		{jsonx.MaxDepthCeiling + 1, jsonx.MaxDepthCeiling}, {1 << 40, jsonx.MaxDepthCeiling},
	} {
		if got := (jsonx.Limits{MaxDepth: tt.max}).Depth(); got != tt.want {
			t.Errorf("Limits{MaxDepth: %d}.Depth() = %d, want %d", tt.max, got, tt.want)
		}
	}
}

// lenReader is a reader that says its length, as bytes.Reader does, and
// counts what is read from it.
type lenReader struct {
	*strings.Reader
	read int
}

func (r *lenReader) Read(p []byte) (int, error) {
	n, err := r.Reader.Read(p)
	r.read += n
	return n, err
}

func TestReadAll(t *testing.T) {
	boom := errors.New("disk on fire")
	big := strings.Repeat("x", 200_000) // several read chunks
	tests := []struct {
		name string
		r    func() any
		lim  jsonx.Limits
		data string
		word string // problem message; "" for none
	}{
		{"small", func() any { return strings.NewReader("{}") }, jsonx.Limits{}, "{}", ""},
		{"empty", func() any { return strings.NewReader("") }, jsonx.Limits{}, "", ""},
		{"at limit", func() any { return strings.NewReader("0123456789") }, jsonx.Limits{MaxBytes: 10}, "0123456789", ""},
		{"over limit", func() any { return strings.NewReader("01234567890") }, jsonx.Limits{MaxBytes: 10}, "", "larger than the limit of 10 bytes"},
		{"over limit, unknown length", func() any { return iotest.HalfReader(strings.NewReader("01234567890")) }, jsonx.Limits{MaxBytes: 10}, "", "larger than the limit of 10 bytes"},
		{"zero means default", func() any { return bytes.NewReader(make([]byte, jsonx.DefaultMaxBytes+1)) }, jsonx.Limits{}, "", "larger than the limit of 8388608 bytes"},
		{"one byte reader", func() any { return iotest.OneByteReader(strings.NewReader(`{"a":1}`)) }, jsonx.Limits{}, `{"a":1}`, ""},
		{"chunks", func() any { return iotest.HalfReader(strings.NewReader(big)) }, jsonx.Limits{}, big, ""},
		{"read error", func() any { return iotest.ErrReader(boom) }, jsonx.Limits{}, "", "disk on fire"},
		{"error after data", func() any { return iotest.TimeoutReader(strings.NewReader(big)) }, jsonx.Limits{}, "", "reading the document: timeout"},
		{"nil reader", func() any { return nil }, jsonx.Limits{}, "", "nil reader"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data []byte
			var p *problem.Problem
			if r := tt.r(); r == nil {
				data, p = jsonx.ReadAll(nil, tt.lim)
			} else {
				data, p = jsonx.ReadAll(r.(interface{ Read([]byte) (int, error) }), tt.lim)
			}
			if tt.word == "" {
				if p != nil {
					t.Fatalf("ReadAll problem: %v", p)
				}
				if diff := cmp.Diff(tt.data, string(data)); diff != "" {
					t.Errorf("data (-want +got):\n%s", diff)
				}
				return
			}
			if p == nil {
				t.Fatalf("ReadAll gave no problem, %d bytes", len(data))
			}
			if p.Path != "" || !strings.Contains(p.Message, tt.word) {
				t.Errorf("problem = %+v, want path \"\" and %q", *p, tt.word)
			}
		})
	}
	// A reader that says it is too long is not read at all.
	r := &lenReader{Reader: strings.NewReader(strings.Repeat(" ", 101))}
	if _, p := jsonx.ReadAll(r, jsonx.Limits{MaxBytes: 100}); p == nil || r.read != 0 {
		t.Errorf("ReadAll of a 101-byte reader with a bound of 100: problem %v, read %d bytes; want a problem and none read", p, r.read)
	}
}

type inner struct {
	N int     `json:"n"`
	F float64 `json:"f,omitempty"`
}

type doc struct {
	S      string           `json:"s"`
	B      bool             `json:"b,omitempty"`
	I      int              `json:"i,omitempty"`
	I8     int8             `json:"i8,omitempty"`
	F32    float32          `json:"f32,omitempty"`
	L      []inner          `json:"l,omitempty"`
	Arr    [2]string        `json:"arr,omitzero"`
	M      map[string]inner `json:"m,omitempty"`
	P      *inner           `json:"p,omitempty"`
	A      any              `json:"a,omitempty"`
	T      time.Time        `json:"t,omitzero"`
	K      map[key]int      `json:"k,omitempty"`
	Skip   string           `json:"-"`
	NoTag  string
	hidden string
}

// key is a map key that reads itself from text, in upper case.
type key string

func (k *key) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		return errors.New("an empty key")
	}
	*k = key(bytes.ToUpper(b))
	return nil
}

var _ = doc{}.hidden // keep the unexported field for the test

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []want
	}{
		{"minimal", `{"s":"x"}`, nil},
		{"everything", `{"s":"x","b":true,"i":-3,"i8":-128,"f32":3.4e38,"l":[{"n":1,"f":0.5}],"arr":["a","b"],"m":{"k":{"n":2}},"p":{"n":3},"a":[1,{"z":null}],"t":"2026-03-31T00:00:00Z","k":{"a":1},"NoTag":"y"}`, nil},
		{"missing required", `{}`, []want{{"", `missing required field "s"`}}},
		{"missing nested", `{"s":"x","l":[{"n":1},{"f":1}],"p":{}}`, []want{{"/l/1", `missing required field "n"`}, {"/p", `missing required field "n"`}}},
		{"string/number", `{"s":1}`, []want{{"/s", "expected a string, found the number 1"}}},
		{"string/null", `{"s":null}`, []want{{"/s", "null is not allowed here; expected a string"}}},
		{"string/array", `{"s":[]}`, []want{{"/s", "found an array"}}},
		{"string/object", `{"s":{}}`, []want{{"/s", "found an object"}}},
		{"string/bool", `{"s":false}`, []want{{"/s", "found false"}}},
		{"string/true", `{"s":true}`, []want{{"/s", "found true"}}},
		{"bool/string", `{"s":"x","b":"true"}`, []want{{"/b", `expected a boolean, found the string "true"`}}},
		{"bool/number", `{"s":"x","b":1}`, []want{{"/b", `expected a boolean, found the number 1`}}},
		{"int/fraction", `{"s":"x","i":1.5}`, []want{{"/i", "expected an integer, found 1.5"}}},
		{"int/string", `{"s":"x","i":"1"}`, []want{{"/i", "expected an integer"}}},
		{"int/huge", `{"s":"x","i":1e400}`, []want{{"/i", "1e400 is out of range"}}},
		{"int/over int64", `{"s":"x","i":9223372036854775808}`, []want{{"/i", "out of range"}}},
		{"int/under int64", `{"s":"x","i":-9223372036854775809}`, []want{{"/i", "out of range"}}},
		{"int/fraction small", `{"s":"x","i8":0.5}`, []want{{"/i8", "expected an integer"}}},
		{"int/underflow", `{"s":"x","i":1e-400}`, []want{{"/i", "expected an integer, found 1e-400"}}},
		{"int/almost whole", `{"s":"x","i":3.000000000000000000001}`, []want{{"/i", "expected an integer, found 3.000000000000000000001"}}},
		{"int/over int8", `{"s":"x","i8":1.28e2}`, []want{{"/i8", "1.28e2 is out of range"}}},
		{"int/huge exponent", `{"s":"x","i":1e99999999}`, []want{{"/i", "out of range"}}},
		{"int/tiny exponent", `{"s":"x","i":1e-99999999}`, []want{{"/i", "expected an integer"}}},
		{"int/twenty digits", `{"s":"x","i":1e19}`, []want{{"/i", "out of range"}}},
		{"float/string", `{"s":"x","f32":"1"}`, []want{{"/f32", "expected a number"}}},
		{"float/over float32", `{"s":"x","f32":1e39}`, []want{{"/f32", "1e39 is out of range"}}},
		{"float/over float64", `{"s":"x","l":[{"n":1,"f":1e309}]}`, []want{{"/l/0/f", "out of range"}}},
		{"float/underflow", `{"s":"x","l":[{"n":1,"f":1e-400}]}`, []want{{"/l/0/f", "1e-400 is out of range: so close to 0"}}},
		{"float/underflow float32", `{"s":"x","f32":-1e-50}`, []want{{"/f32", "so close to 0 that a 32-bit number"}}},
		{"slice/object", `{"s":"x","l":{}}`, []want{{"/l", "expected an array, found an object"}}},
		{"slice/elements", `{"s":"x","l":[{"n":1},{"n":"2"},null,5]}`, []want{{"/l/1/n", "expected an integer"}, {"/l/2", "null"}, {"/l/3", "expected an object, found the number 5"}}},
		{"array/string", `{"s":"x","arr":"ab"}`, []want{{"/arr", "expected an array"}}},
		{"array/extra items checked", `{"s":"x","arr":["a","b",3]}`, []want{{"/arr/2", "expected a string"}}},
		{"map/array", `{"s":"x","m":[]}`, []want{{"/m", "expected an object, found an array"}}},
		{"map/escaped keys", `{"s":"x","m":{"a/b":{"n":1,"x":2},"~":{"n":null}}}`, []want{{"/m/a~1b/x", `unknown field "x"`}, {"/m/~0/n", "null"}}},
		{"map/text key refused", `{"s":"x","k":{"":1}}`, []want{{"/k/", `cannot read the key "": an empty key`}}},
		{"pointer/null", `{"s":"x","p":null}`, []want{{"/p", "null is not allowed here; expected an object"}}},
		{"pointer/wrong", `{"s":"x","p":[]}`, []want{{"/p", "expected an object"}}},
		{"any/null inside is fine", `{"s":"x","a":{"k":[null]}}`, nil},
		{"any/null", `{"s":"x","a":null}`, []want{{"/a", "null is not allowed here; expected a value"}}},
		{"any/huge number", `{"s":"x","a":[1e400]}`, []want{{"/a", "1e400 is out of range"}}},
		{"text unmarshaler/number", `{"s":"x","t":5}`, []want{{"/t", "expected a string, found the number 5"}}},
		{"text unmarshaler/bad", `{"s":"x","t":"yesterday"}`, []want{{"/t", `cannot read "yesterday"`}}},
		{"text unmarshaler/long", `{"s":"x","t":"` + strings.Repeat("y", 5000) + `"}`, []want{{"/t", `cannot read "` + strings.Repeat("y", 64) + `"... (5000 bytes): parsing time`}}},
		{"unknown/field", `{"s":"x","zz":1}`, []want{{"/zz", `unknown field "zz"`}}},
		{"unknown/dash tag", `{"s":"x","Skip":"y","-":1}`, []want{{"/Skip", "unknown field"}, {"/-", "unknown field"}}},
		{"unknown/unexported", `{"s":"x","hidden":"y"}`, []want{{"/hidden", "unknown field"}}},
		{"unknown/case", `{"s":"x","notag":"y"}`, []want{{"/notag", `did you mean "NoTag"`}}},
		{"unknown/case required", `{"S":"x"}`, []want{{"/S", `did you mean "s"`}, {"", `missing required field "s"`}}},
		{"unknown/escaped", `{"s":"x","a/b~c":1}`, []want{{"/a~1b~0c", "unknown field"}}},
		{"unknown/long", `{"s":"x","` + strings.Repeat("z", 1000) + `":1}`, []want{{"/" + strings.Repeat("z", 1000), `unknown field "` + strings.Repeat("z", 64) + `"... (1000 bytes)`}}},
		{"unknown/value is not checked", `{"s":"x","zz":{"a":null,"b":[1,"x"]}}`, []want{{"/zz", "unknown field"}}},
		{"unknown/value keys are", `{"s":"x","zz":{"a":1,"a":2}}`, []want{{"/zz/a", "duplicate key"}, {"/zz", "unknown field"}}},
		{"top/array", `[]`, []want{{"", "expected an object, found an array"}}},
		{"top/string", `"x"`, []want{{"", `expected an object, found the string "x"`}}},
		{"top/number", `1.5`, []want{{"", "found the number 1.5"}}},
		{"top/null", `null`, []want{{"", "null is not allowed here; expected an object"}}},
		{"long string shortened", `{"s":"x","i":"` + strings.Repeat("z", 100) + `"}`, []want{{"/i", `the string "` + strings.Repeat("z", 64) + `"... (100 bytes)`}}},
		{"duplicates first", `{"zz":1,"s":2,"s":"x","b":null,"l":[{"n":1,"y":0}]}`, []want{{"/s", "duplicate"}, {"/zz", "unknown"}, {"/s", "expected a string"}, {"/b", "null"}, {"/l/0/y", "unknown"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			probs := jsonx.Decode([]byte(tt.doc), &d, jsonx.Limits{})
			checkProblems(t, probs.Problems, tt.want)
			if probs.Omitted != 0 {
				t.Errorf("Omitted = %d, want 0", probs.Omitted)
			}
			for _, p := range probs.Problems {
				if len(p.Message) > 400 {
					t.Errorf("a message of %d bytes: %.100q...", len(p.Message), p.Message)
				}
			}
		})
	}
}

func TestDecode(t *testing.T) {
	t.Run("ok", func(t *testing.T) {
		var got doc
		probs := jsonx.Decode([]byte(`{"s":"x\u00e9","i":4.0,"i8":-2e0,"f32":0.5,"b":true,"l":[{"n":10e-1},{"n":-0.0}],"arr":["a"],"m":{"k":{"n":2}},"p":{"n":3},"a":[1,"b",{"c":null}],"t":"2026-03-31T00:00:00Z","k":{"a":1,"b":2},"NoTag":"y"}`), &got, jsonx.Limits{})
		if probs.Len() > 0 {
			t.Fatalf("Decode: %q", probs.Problems)
		}
		wantDoc := doc{
			S: "xé", I: 4, I8: -2, F32: 0.5, B: true, L: []inner{{N: 1}, {N: 0}}, Arr: [2]string{"a", ""}, M: map[string]inner{"k": {N: 2}},
			P: &inner{N: 3}, A: []any{float64(1), "b", map[string]any{"c": nil}}, T: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC),
			K: map[key]int{"A": 1, "B": 2}, NoTag: "y",
		}
		if diff := cmp.Diff(wantDoc, got, cmp.AllowUnexported(doc{})); diff != "" {
			t.Errorf("Decode (-want +got):\n%s", diff)
		}
	})
	t.Run("empty array is not nil", func(t *testing.T) {
		var got doc
		if probs := jsonx.Decode([]byte(`{"s":"","l":[]}`), &got, jsonx.Limits{}); probs.Len() > 0 || got.L == nil {
			t.Errorf("Decode: %q, L = %#v; want no problems and an empty slice", probs.Problems, got.L)
		}
	})
	t.Run("same as encoding/json", func(t *testing.T) {
		for _, d := range []string{
			`{"s":"a","l":[{"n":1},{"n":2,"f":3.5}],"m":{"x":{"n":1},"y":{"n":2}}}`,
			`{"s":"","i":-9223372036854775808,"i8":127}`,
			`{"s":"\ud83d\ude00 \" \\ \/ \b\f\n\r\t \u0000"}`,
		} {
			var got, std doc
			if probs := jsonx.Decode([]byte(d), &got, jsonx.Limits{}); probs.Len() > 0 {
				t.Fatalf("Decode(%s): %q", d, probs.Problems)
			}
			if err := json.Unmarshal([]byte(d), &std); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(std, got, cmp.AllowUnexported(doc{})); diff != "" {
				t.Errorf("Decode(%s) vs encoding/json (-std +got):\n%s", d, diff)
			}
		}
	})
	bad := []struct {
		name string
		doc  string
		lim  jsonx.Limits
		want []want
	}{
		{"syntax", `{"s":`, jsonx.Limits{}, []want{{"/s", "ends too early"}}},
		{"duplicate and type", `{"s":"x","s":1}`, jsonx.Limits{}, []want{{"/s", "duplicate"}, {"/s", "expected a string"}}},
		{"unknown", `{"s":"x","q":1}`, jsonx.Limits{}, []want{{"/q", "unknown field"}}},
		{"type then syntax: only the syntax", `{"s":1,"i":"x",]`, jsonx.Limits{}, []want{{"", "malformed JSON"}}},
		{"depth", `{"s":"x","l":[{"n":1}]}`, jsonx.Limits{MaxDepth: 2}, []want{{"/l/0", "limit of 2"}}},
		{"trailing", `{"s":"x"}{}`, jsonx.Limits{}, []want{{"", "after the document"}}},
		{"empty", ``, jsonx.Limits{}, []want{{"", "empty"}}},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			got := doc{S: "before", I: 7}
			probs := jsonx.Decode([]byte(tt.doc), &got, tt.lim)
			checkProblems(t, probs.Problems, tt.want)
			if diff := cmp.Diff(doc{S: "before", I: 7}, got, cmp.AllowUnexported(doc{})); diff != "" {
				t.Errorf("a failed Decode changed its destination (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("not a pointer", func(t *testing.T) {
		probs := jsonx.Decode([]byte(`{}`), doc{}, jsonx.Limits{})
		checkProblems(t, probs.Problems, []want{{"", "not a non-nil pointer"}})
	})
	t.Run("unsupported types", func(t *testing.T) {
		var d struct {
			C chan int     `json:"c"`
			E error        `json:"e"`
			U map[int]bool `json:"u"`
		}
		probs := jsonx.Decode([]byte(`{"c":1,"e":"x","u":{"1":true}}`), &d, jsonx.Limits{})
		checkProblems(t, probs.Problems, []want{{"/c", "cannot decode into chan int"}, {"/e", "cannot decode into error"}, {"/u/1", "cannot decode into map[int]bool"}})
	})
}

// TestDecodeSelfReferentialType checks that a type that holds itself
// decodes, and that its problems are found at every level.
func TestDecodeSelfReferentialType(t *testing.T) {
	type tree struct {
		Name string  `json:"name"`
		Kids []*tree `json:"kids,omitempty"`
	}
	var got tree
	probs := jsonx.Decode([]byte(`{"name":"a","kids":[{"name":"b","kids":[{"name":"c"}]}]}`), &got, jsonx.Limits{})
	if probs.Len() > 0 {
		t.Fatalf("Decode: %q", probs.Problems)
	}
	wantTree := tree{Name: "a", Kids: []*tree{{Name: "b", Kids: []*tree{{Name: "c"}}}}}
	if diff := cmp.Diff(wantTree, got); diff != "" {
		t.Errorf("Decode (-want +got):\n%s", diff)
	}
	probs = jsonx.Decode([]byte(`{"name":"a","kids":[{"kids":[{"name":1}]}]}`), &got, jsonx.Limits{})
	checkProblems(t, probs.Problems, []want{{"/kids/0/kids/0/name", "expected a string"}, {"/kids/0", `missing required field "name"`}})
}

// TestReportIsCapped checks that a document with more problems than a
// report lists gets the first problem.MaxReported of them and a count of
// the rest, and that paths built from long keys count against the
// report's byte bound.
func TestReportIsCapped(t *testing.T) {
	type item struct {
		ID string `json:"id"`
	}
	type list struct {
		Items []item `json:"items"`
	}
	many := func(n int, each string) []byte {
		var b strings.Builder
		b.WriteString(`{"items":[`)
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(each)
		}
		b.WriteString(`]}`)
		return []byte(b.String())
	}
	long := strings.Repeat("k", 4000)
	tests := []struct {
		name        string
		doc         []byte
		listed      int
		total       int
		first, last want
	}{
		{"missing fields", many(3000, `{}`), problem.MaxReported, 3000, want{"/items/0", "missing"}, want{"/items/999", "missing"}},
		{"wrong types", many(2500, `{"id":1,"x":2}`), problem.MaxReported, 5000, want{"/items/0/id", "expected a string"}, want{"/items/499/x", "unknown field"}},
		// The repeated keys are listed first, then the other problems,
		// each list in document order: both stop when together they
		// fill the report.
		{"duplicates and types", many(1500, `{"id":"a","id":1}`), problem.MaxReported, 3000, want{"/items/0/id", "duplicate"}, want{"/items/499/id", "expected a string"}},
		{"exactly the cap", many(problem.MaxReported, `{}`), problem.MaxReported, problem.MaxReported, want{"/items/0", "missing"}, want{"/items/999", "missing"}},
		// Each path holds a 4,000-byte key: the byte bound of a report
		// ends the list before its count does.
		{"long keys", []byte(`{"items":[],"` + long + `":{"a":1` + strings.Repeat(`,"a":2`, 1000) + `}}`),
			problem.MaxReportedBytes / (len(long) + 20), 1001, want{"/" + long + "/a", "duplicate"}, want{"/" + long + "/a", "duplicate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l list
			probs := jsonx.Decode(tt.doc, &l, jsonx.Limits{})
			if got := len(probs.Problems); got < tt.listed-1 || got > tt.listed+1 {
				t.Errorf("%d problems listed, want %d", got, tt.listed)
			}
			if probs.Len() != tt.total {
				t.Errorf("%d problems in all, want %d", probs.Len(), tt.total)
			}
			if len(probs.Problems) == 0 {
				t.Fatal("no problems")
			}
			checkProblems(t, []problem.Problem{probs.Problems[0], probs.Problems[len(probs.Problems)-1]}, []want{tt.first, tt.last})
			size := 0
			for _, p := range probs.Problems {
				size += len(p.Path) + len(p.Message)
			}
			if size > problem.MaxReportedBytes {
				t.Errorf("the problems listed take %d bytes, over the bound %d", size, problem.MaxReportedBytes)
			}
		})
	}
}

// TestRead checks Read: the problems of the reading and of the check
// merged, the check run on what could be read when some values could not
// be, and its problems at, inside or around those values left out.
func TestRead(t *testing.T) {
	type part struct {
		N int `json:"n"`
		M int `json:"m,omitempty"`
	}
	type rec struct {
		ID   string `json:"id"`
		Name string `json:"name,omitempty"`
		Part *part  `json:"part,omitempty"`
	}
	check := func(r *rec) jsonx.Check {
		return func(whole bool) error {
			switch r.ID {
			case "bad":
				return problem.New("x", []problem.Problem{{Path: "/id", Message: "bad ID"}}, 2)
			case "plain":
				return errors.New("a plain error")
			case "", "empty":
				return problem.New("x", []problem.Problem{{Path: "/id", Message: "the ID is empty"}}, 0)
			case "whole":
				return problem.New("x", []problem.Problem{{Path: "/id", Message: fmt.Sprintf("whole %v", whole)}}, 0)
			case "around":
				return problem.New("x", []problem.Problem{
					{Path: "", Message: "the document"},
					{Path: "/part", Message: "around"},
					{Path: "/part/n", Message: "at"},
					{Path: "/part/m", Message: "beside"},
					{Path: "/part/n/x", Message: "inside"},
					{Path: "/name", Message: "elsewhere"},
				}, 0)
			}
			return nil
		}
	}
	tests := []struct {
		name    string
		r       func() any
		want    []want
		omitted int
	}{
		{"ok", func() any { return strings.NewReader(`{"id":"a"}`) }, nil, 0},
		{"nil reader", func() any { return nil }, []want{{"", "nil reader"}}, 0},
		{"too big", func() any { return strings.NewReader(`{"id":"` + strings.Repeat("a", 100) + `"}`) }, []want{{"", "larger than the limit of 64 bytes"}}, 0},
		{"check", func() any { return strings.NewReader(`{"id":"bad"}`) }, []want{{"/id", "bad ID"}}, 2},
		{"check plain error", func() any { return strings.NewReader(`{"id":"plain"}`) }, []want{{"", "a plain error"}}, 0},
		{"missing, then no empty-value problem", func() any { return strings.NewReader(`{"name":"x"}`) }, []want{{"", `missing required field "id"`}}, 0},
		{"empty, not missing", func() any { return strings.NewReader(`{"id":"empty"}`) }, []want{{"/id", "the ID is empty"}}, 0},
		{"whole", func() any { return strings.NewReader(`{"id":"whole","x":1}`) }, []want{{"/x", "unknown field"}, {"/id", "whole true"}}, 0},
		{"not whole", func() any { return strings.NewReader(`{"id":"whole","name":1}`) }, []want{{"/name", "expected a string"}, {"/id", "whole false"}}, 0},
		{"type problem, then the check too", func() any { return strings.NewReader(`{"id":"bad","name":1}`) }, []want{{"/name", "expected a string"}, {"/id", "bad ID"}}, 2},
		{"the check at a value not read", func() any { return strings.NewReader(`{"id":7}`) }, []want{{"/id", "expected a string"}}, 0},
		{"the check around a value not read", func() any { return strings.NewReader(`{"id":"around","part":{"n":"x","m":1}}`) },
			[]want{{"/part/n", "expected an integer"}, {"", "the document"}, {"/part/m", "beside"}, {"/name", "elsewhere"}}, 0},
		{"the reader runs no schema", func() any { return strings.NewReader(`{"id":"Bad ID"}`) }, nil, 0},
		{"lone surrogate", func() any { return strings.NewReader(`{"id":"a\` + `udc00"}`) }, []want{{"/id", "surrogate"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got rec
			var err error
			lim := jsonx.Limits{MaxBytes: 64}
			if r := tt.r(); r == nil {
				err = jsonx.Read(nil, &got, lim, "x", check(&got))
			} else {
				err = jsonx.Read(r.(interface{ Read([]byte) (int, error) }), &got, lim, "x", check(&got))
			}
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				return
			}
			var pe *problem.Error
			if !errors.As(err, &pe) || pe.Package != "x" {
				t.Fatalf("Read error %v (%T), want a *problem.Error of package x", err, err)
			}
			checkProblems(t, pe.Problems, tt.want)
			if pe.Omitted != tt.omitted {
				t.Errorf("Omitted = %d, want %d", pe.Omitted, tt.omitted)
			}
		})
	}
}

// FuzzParse parses any input, at a nesting bound below 100, and checks
// the verdict and the value against encoding/json's. It starts from the
// documents below and from the module's documents: the bad-input
// catalogue, the mini fixtures and the examples (the mini framework at a
// bound of 3 too, which it breaks).
func FuzzParse(f *testing.F) {
	var files []string
	for _, pattern := range []string{"../../testdata/bad/*.json", "../../testdata/mini-*.json", "../../examples/data/*.json", "../../examples/frameworks/*.json"} {
		m, err := filepath.Glob(pattern)
		if err != nil || len(m) == 0 {
			f.Fatalf("no file matches %s: %v", pattern, err)
		}
		files = append(files, m...)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, 64)
		if filepath.Base(name) == "mini-framework.json" {
			f.Add(data, 3)
		}
	}
	for _, s := range []string{
		``, ` `, `null`, `1`, `"x"`, `[]`, `{}`, `{"a":1,"a":2}`, `{"a/b":{"c~d":[1,2,{"e":null}]}}`,
		`[[[[[[]]]]]]`, `{"a":`, `{} x`, "\xef\xbb\xbf{}", "\xff", `"\ud800"`, `"\ud83d\ude00"`, `[1e999, -0, 0.5e-3]`,
		"\u00a0[]", `{"\u0069d":1,"id":2}`,
		`{"roles":[{"id":"r","name":"R","requirements":[{"of":["a"],"level":3,"weight":1}]}]}`,
	} {
		f.Add([]byte(s), 8)
	}
	f.Fuzz(func(t *testing.T, data []byte, depth int) {
		lim := jsonx.Limits{MaxDepth: depth % 100}
		v, probs, ok := jsonx.Parse(data, lim)
		valid := json.Valid(data)
		if !ok {
			if probs.Len() == 0 {
				t.Fatal("Parse failed without a problem")
			}
			if !valid {
				return
			}
			// encoding/json accepts what Parse refuses: only a lone
			// surrogate, invalid UTF-8 (which encoding/json replaces), a
			// limit, or a byte-order mark may explain it.
			last := probs.Problems[len(probs.Problems)-1].Message
			for _, ok := range []string{"surrogate", "not valid UTF-8", "nested deeper", "longer than the limit", "byte-order mark"} {
				if strings.Contains(last, ok) {
					return
				}
			}
			t.Fatalf("Parse refused %q, which encoding/json accepts: %q", data, probs.Problems)
		}
		if !valid {
			t.Fatalf("Parse accepted %q, which encoding/json rejects", data)
		}
		for _, p := range probs.Problems {
			if !strings.Contains(p.Message, "duplicate key") {
				t.Fatalf("Parse returned a value with problem %q", p)
			}
		}
		// reflect.DeepEqual first: cmp.Diff takes time exponential in the
		// nesting depth, so it only explains a mismatch.
		if std := stdAny(t, data); !reflect.DeepEqual(std, v) {
			t.Fatalf("Parse vs encoding/json (-std +got):\n%s", cmp.Diff(std, v))
		}
	})
}
