package jsonx_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/internal/problem"
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
		t.Fatalf("problem paths (-want +got):\n%s\nproblems: %q", diff, got)
	}
	for i, w := range ws {
		if !strings.Contains(got[i].Message, w.word) {
			t.Errorf("problem %d at %q: message %q lacks %q", i, w.path, got[i].Message, w.word)
		}
	}
}

func num(s string) *jsonx.Value { return &jsonx.Value{Kind: jsonx.Number, Text: s} }
func str(s string) *jsonx.Value { return &jsonx.Value{Kind: jsonx.String, Text: s} }

func TestParseValues(t *testing.T) {
	tests := []struct {
		doc  string
		want *jsonx.Value
	}{
		{`1`, num("1")},
		{` -1.5e3 `, num("-1.5e3")},
		{`0`, num("0")},
		{`"a\u00e9\n\"\/"`, str("aé\n\"/")},
		{`"\ud83d\ude00"`, str("😀")},
		{`true`, &jsonx.Value{Kind: jsonx.Bool, Bool: true}},
		{`false`, &jsonx.Value{Kind: jsonx.Bool}},
		{`null`, &jsonx.Value{Kind: jsonx.Null}},
		{`[]`, &jsonx.Value{Kind: jsonx.Array}},
		{`{}`, &jsonx.Value{Kind: jsonx.Object}},
		{"\n\t[1, \"x\", [null]]\r\n", &jsonx.Value{Kind: jsonx.Array, Elems: []*jsonx.Value{
			num("1"), str("x"), {Kind: jsonx.Array, Elems: []*jsonx.Value{{Kind: jsonx.Null}}},
		}}},
		{`{"b":1,"a":{"c":[]}}`, &jsonx.Value{Kind: jsonx.Object, Members: []jsonx.Member{
			{Key: "b", Value: num("1")},
			{Key: "a", Value: &jsonx.Value{Kind: jsonx.Object, Members: []jsonx.Member{{Key: "c", Value: &jsonx.Value{Kind: jsonx.Array}}}}},
		}}},
		{`{"a/b":"~"}`, &jsonx.Value{Kind: jsonx.Object, Members: []jsonx.Member{{Key: "a/b", Value: str("~")}}}},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			got, probs := jsonx.Parse([]byte(tt.doc), jsonx.Limits{})
			if len(probs) > 0 {
				t.Fatalf("Parse problems: %q", probs)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseKeepsDuplicates checks that a document with duplicate keys still
// parses, keeping every member, and reports each repeat.
func TestParseKeepsDuplicates(t *testing.T) {
	v, probs := jsonx.Parse([]byte(`{"a":1,"a":2}`), jsonx.Limits{})
	checkProblems(t, probs, []want{{"/a", `duplicate key "a"`}})
	wantV := &jsonx.Value{Kind: jsonx.Object, Members: []jsonx.Member{{Key: "a", Value: num("1")}, {Key: "a", Value: num("2")}}}
	if diff := cmp.Diff(wantV, v); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
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
		{"not JSON", `nope`, jsonx.Limits{}, []want{{"", "malformed JSON"}}},
		{"trailing comma/object", `{"a":1,}`, jsonx.Limits{}, []want{{"", "malformed JSON"}}},
		{"trailing comma/array", `{"a":[1,]}`, jsonx.Limits{}, []want{{"/a/1", "malformed JSON"}}},
		{"missing colon", `{"a" 1}`, jsonx.Limits{}, []want{{"/a", "malformed JSON at offset 5"}}},
		{"number key", `{1:2}`, jsonx.Limits{}, []want{{"", "malformed JSON"}}},
		{"missing comma", `[1 2]`, jsonx.Limits{}, []want{{"/1", "malformed JSON"}}},
		{"bad escape", `{"a":"\x"}`, jsonx.Limits{}, []want{{"/a", "malformed JSON"}}},
		{"control character", "[\"a\tb\"]", jsonx.Limits{}, []want{{"/0", "malformed JSON"}}},
		{"leading zero", `[01]`, jsonx.Limits{}, []want{{"/1", "malformed JSON"}}},
		{"NaN", `[NaN]`, jsonx.Limits{}, []want{{"/0", "malformed JSON"}}},
		{"truncated/object", `{"a":`, jsonx.Limits{}, []want{{"/a", "ends too early"}}},
		{"truncated/array", `{"a":[1,`, jsonx.Limits{}, []want{{"/a/1", "ends too early"}}},
		{"truncated/close", `{"a":[1]`, jsonx.Limits{}, []want{{"", "ends too early"}}},
		{"truncated/string", `"abc`, jsonx.Limits{}, []want{{"", "ends too early"}}},
		{"truncated/literal", `[tru`, jsonx.Limits{}, []want{{"/0", "ends too early"}}},
		{"trailing/value", `{} {}`, jsonx.Limits{}, []want{{"", "after the document at offset 4"}}},
		{"trailing/number", `1 2`, jsonx.Limits{}, []want{{"", "after the document"}}},
		{"trailing/close", `{}}`, jsonx.Limits{}, []want{{"", "after the document"}}},
		{"trailing/garbage", `[] x`, jsonx.Limits{}, []want{{"", "after the document"}}},
		{"trailing/NUL", "{}\x00", jsonx.Limits{}, []want{{"", "after the document"}}},

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
		{"duplicate then syntax", `{"a":1,"a":2,`, jsonx.Limits{}, []want{{"/a", "duplicate"}, {"", "ends too early"}}},

		{"depth/2 over", `[[[1]]]`, jsonx.Limits{MaxDepth: 2}, []want{{"/0/0", "nested deeper than the limit of 2 levels"}}},
		{"depth/objects", `{"a":{"b":{}}}`, jsonx.Limits{MaxDepth: 2}, []want{{"/a/b", "limit of 2"}}},
		{"depth/1", `[[]]`, jsonx.Limits{MaxDepth: 1}, []want{{"/0", "limit of 1"}}},
		{"depth/default", strings.Repeat("[", 65) + strings.Repeat("]", 65), jsonx.Limits{}, []want{{strings.Repeat("/0", 64), "limit of 64"}}},
		{"depth/huge", strings.Repeat("[", 1_000_000), jsonx.Limits{}, []want{{strings.Repeat("/0", 64), "limit of 64"}}},
		{"depth/huge objects", strings.Repeat(`{"a/":`, 200_000), jsonx.Limits{MaxDepth: 3}, []want{{"/a~1/a~1/a~1", "limit of 3"}}},
		{"depth/duplicate first", `{"a":1,"a":[[[]]]}`, jsonx.Limits{MaxDepth: 2}, []want{{"/a", "duplicate"}, {"/a/0", "limit of 2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, probs := jsonx.Parse([]byte(tt.doc), tt.lim)
			if v != nil && len(tt.want) > 0 && !strings.Contains(tt.name, "duplicate") {
				t.Errorf("Parse returned a value with a syntax problem")
			}
			checkProblems(t, probs, tt.want)
		})
	}
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
	}
	for _, tt := range tests {
		if v, probs := jsonx.Parse([]byte(tt.doc), tt.lim); v == nil || len(probs) > 0 {
			t.Errorf("Parse(%.40q, %+v) = %v, %q; want a value", tt.doc, tt.lim, v, probs)
		}
	}
	if jsonx.DefaultMaxDepth != 64 || jsonx.DefaultMaxBytes != 8<<20 {
		t.Errorf("defaults = %d bytes, %d levels", jsonx.DefaultMaxBytes, jsonx.DefaultMaxDepth)
	}
}

func TestReadAll(t *testing.T) {
	boom := errors.New("disk on fire")
	tests := []struct {
		name string
		r    func() any
		lim  jsonx.Limits
		data string
		word string // problem message; "" for none
	}{
		{"small", func() any { return strings.NewReader("{}") }, jsonx.Limits{}, "{}", ""},
		{"at limit", func() any { return strings.NewReader("0123456789") }, jsonx.Limits{MaxBytes: 10}, "0123456789", ""},
		{"over limit", func() any { return strings.NewReader("01234567890") }, jsonx.Limits{MaxBytes: 10}, "", "larger than the limit of 10 bytes"},
		{"zero means default", func() any { return bytes.NewReader(make([]byte, jsonx.DefaultMaxBytes+1)) }, jsonx.Limits{}, "", "larger than the limit of 8388608 bytes"},
		{"one byte reader", func() any { return iotest.OneByteReader(strings.NewReader(`{"a":1}`)) }, jsonx.Limits{}, `{"a":1}`, ""},
		{"read error", func() any { return iotest.ErrReader(boom) }, jsonx.Limits{}, "", "disk on fire"},
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
	Skip   string           `json:"-"`
	NoTag  string
	hidden string
}

var _ = doc{}.hidden // keep the unexported field for the test

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []want
	}{
		{"minimal", `{"s":"x"}`, nil},
		{"everything", `{"s":"x","b":true,"i":-3,"i8":-128,"f32":3.4e38,"l":[{"n":1,"f":0.5}],"arr":["a","b"],"m":{"k":{"n":2}},"p":{"n":3},"a":[1,{"z":null}],"t":"2026-03-31T00:00:00Z","NoTag":"y"}`, nil},
		{"missing required", `{}`, []want{{"", `missing required field "s"`}}},
		{"missing nested", `{"s":"x","l":[{"n":1},{"f":1}],"p":{}}`, []want{{"/l/1", `missing required field "n"`}, {"/p", `missing required field "n"`}}},
		{"string/number", `{"s":1}`, []want{{"/s", "expected a string, found the number 1"}}},
		{"string/null", `{"s":null}`, []want{{"/s", "null is not allowed here; expected a string"}}},
		{"string/array", `{"s":[]}`, []want{{"/s", "found an array"}}},
		{"string/object", `{"s":{}}`, []want{{"/s", "found an object"}}},
		{"string/bool", `{"s":false}`, []want{{"/s", "found false"}}},
		{"bool/string", `{"s":"x","b":"true"}`, []want{{"/b", `expected a boolean, found the string "true"`}}},
		{"int/fraction", `{"s":"x","i":1.5}`, []want{{"/i", "expected an integer, found 1.5"}}},
		{"int/string", `{"s":"x","i":"1"}`, []want{{"/i", "expected an integer"}}},
		{"int/huge", `{"s":"x","i":1e400}`, []want{{"/i", "out of range"}}},
		{"int/over int64", `{"s":"x","i":9223372036854775808}`, []want{{"/i", "out of range"}}},
		{"int/fraction small", `{"s":"x","i8":0.5}`, []want{{"/i8", "expected an integer"}}},
		{"float/string", `{"s":"x","f32":"1"}`, []want{{"/f32", "expected a number"}}},
		{"float/over float32", `{"s":"x","f32":1e39}`, []want{{"/f32", "1e39 is out of range"}}},
		{"float/over float64", `{"s":"x","l":[{"n":1,"f":1e309}]}`, []want{{"/l/0/f", "out of range"}}},
		{"slice/object", `{"s":"x","l":{}}`, []want{{"/l", "expected an array, found an object"}}},
		{"slice/elements", `{"s":"x","l":[{"n":1},{"n":"2"},null,5]}`, []want{{"/l/1/n", "expected an integer"}, {"/l/2", "null"}, {"/l/3", "expected an object, found the number 5"}}},
		{"array/string", `{"s":"x","arr":"ab"}`, []want{{"/arr", "expected an array"}}},
		{"map/array", `{"s":"x","m":[]}`, []want{{"/m", "expected an object, found an array"}}},
		{"map/escaped keys", `{"s":"x","m":{"a/b":{"n":1,"x":2},"~":{"n":null}}}`, []want{{"/m/a~1b/x", `unknown field "x"`}, {"/m/~0/n", "null"}}},
		{"pointer/null", `{"s":"x","p":null}`, []want{{"/p", "null is not allowed here; expected an object"}}},
		{"pointer/wrong", `{"s":"x","p":[]}`, []want{{"/p", "expected an object"}}},
		{"text unmarshaler/number", `{"s":"x","t":5}`, []want{{"/t", "expected a string, found the number 5"}}},
		{"unknown/field", `{"s":"x","zz":1}`, []want{{"/zz", `unknown field "zz"`}}},
		{"unknown/dash tag", `{"s":"x","Skip":"y","-":1}`, []want{{"/Skip", "unknown field"}, {"/-", "unknown field"}}},
		{"unknown/unexported", `{"s":"x","hidden":"y"}`, []want{{"/hidden", "unknown field"}}},
		{"unknown/case", `{"s":"x","notag":"y"}`, []want{{"/notag", `did you mean "NoTag"`}}},
		{"unknown/case required", `{"S":"x"}`, []want{{"", `missing required field "s"`}, {"/S", `did you mean "s"`}}},
		{"unknown/escaped", `{"s":"x","a/b~c":1}`, []want{{"/a~1b~0c", "unknown field"}}},
		{"top/array", `[]`, []want{{"", "expected an object, found an array"}}},
		{"top/string", `"x"`, []want{{"", `expected an object, found the string "x"`}}},
		{"top/number", `1.5`, []want{{"", "found the number 1.5"}}},
		{"top/null", `null`, []want{{"", "null is not allowed here; expected an object"}}},
		{"long string truncated", `{"s":"x","i":"` + strings.Repeat("z", 100) + `"}`, []want{{"/i", `"` + strings.Repeat("z", 40) + `..."`}}},
		{"several in order", `{"zz":1,"s":2,"b":null,"l":[{"n":1,"y":0}]}`, []want{{"/zz", "unknown"}, {"/s", "expected a string"}, {"/b", "null"}, {"/l/0/y", "unknown"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, probs := jsonx.Parse([]byte(tt.doc), jsonx.Limits{})
			if v == nil || len(probs) > 0 {
				t.Fatalf("Parse: %q", probs)
			}
			var l problem.List
			jsonx.Check(v, reflect.TypeFor[doc](), "", &l)
			checkProblems(t, l.Problems, tt.want)
		})
	}
}

func TestCheckPathPrefix(t *testing.T) {
	v, _ := jsonx.Parse([]byte(`{"n":"1"}`), jsonx.Limits{})
	var l problem.List
	jsonx.Check(v, reflect.TypeFor[inner](), "/items/3", &l)
	checkProblems(t, l.Problems, []want{{"/items/3/n", "expected an integer"}})
}

func TestDecode(t *testing.T) {
	t.Run("ok", func(t *testing.T) {
		var got doc
		probs := jsonx.Decode([]byte(`{"s":"x","i":4.0,"i8":-2e0,"l":[{"n":10e-1}],"m":{"k":{"n":2}},"p":{"n":3},"a":[1,"b"],"t":"2026-03-31T00:00:00Z"}`), &got, jsonx.Limits{})
		if len(probs) > 0 {
			t.Fatalf("Decode: %q", probs)
		}
		want := doc{
			S: "x", I: 4, I8: -2, L: []inner{{N: 1}}, M: map[string]inner{"k": {N: 2}},
			P: &inner{N: 3}, A: []any{float64(1), "b"}, T: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC),
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(doc{})); diff != "" {
			t.Errorf("Decode (-want +got):\n%s", diff)
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
		{"depth", `{"s":"x","l":[{"n":1}]}`, jsonx.Limits{MaxDepth: 2}, []want{{"/l/0", "limit of 2"}}},
		{"trailing", `{"s":"x"}{}`, jsonx.Limits{}, []want{{"", "after the document"}}},
		{"empty", ``, jsonx.Limits{}, []want{{"", "empty"}}},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			got := doc{S: "before", I: 7}
			probs := jsonx.Decode([]byte(tt.doc), &got, tt.lim)
			checkProblems(t, probs, tt.want)
			if diff := cmp.Diff(doc{S: "before", I: 7}, got, cmp.AllowUnexported(doc{})); diff != "" {
				t.Errorf("a failed Decode changed its destination (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValueEncodings(t *testing.T) {
	tests := []struct {
		doc     string
		compact string
	}{
		{` { "b" : [1, 2.50, -3e2 ] , "a" : null , "c" : "x\u0041\"" , "d" : true } `, `{"b":[1,2.50,-3e2],"a":null,"c":"xA\"","d":true}`},
		{`[]`, `[]`},
		{`{}`, `{}`},
		{`"<&>"`, `"\u003c\u0026\u003e"`},
		{`{"k":1,"k":2}`, `{"k":1,"k":2}`},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			v, _ := jsonx.Parse([]byte(tt.doc), jsonx.Limits{})
			if v == nil {
				t.Fatal("Parse failed")
			}
			if got := string(v.AppendJSON([]byte("prefix:"))); got != "prefix:"+tt.compact {
				t.Errorf("AppendJSON = %s, want prefix:%s", got, tt.compact)
			}
			dec := json.NewDecoder(strings.NewReader(tt.doc))
			dec.UseNumber()
			var std any
			if err := dec.Decode(&std); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(std, v.Any()); diff != "" {
				t.Errorf("Any() vs encoding/json (-std +got):\n%s", diff)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	got := []string{jsonx.Null.String(), jsonx.Bool.String(), jsonx.Number.String(), jsonx.String.String(), jsonx.Array.String(), jsonx.Object.String()}
	if diff := cmp.Diff([]string{"null", "boolean", "number", "string", "array", "object"}, got); diff != "" {
		t.Errorf("Kind names (-want +got):\n%s", diff)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		``, ` `, `null`, `1`, `"x"`, `[]`, `{}`, `{"a":1,"a":2}`, `{"a/b":{"c~d":[1,2,{"e":null}]}}`,
		`[[[[[[]]]]]]`, `{"a":`, `{} x`, "\xef\xbb\xbf{}", "\xff", `"\ud800"`, `[1e999, -0, 0.5e-3]`,
		`{"roles":[{"id":"r","name":"R","requirements":[{"of":["a"],"level":3,"weight":1}]}]}`,
	} {
		f.Add([]byte(s), 8)
	}
	f.Fuzz(func(t *testing.T, data []byte, depth int) {
		lim := jsonx.Limits{MaxDepth: depth % 100}
		v, probs := jsonx.Parse(data, lim)
		valid := json.Valid(data)
		if v == nil {
			if len(probs) == 0 {
				t.Fatal("Parse returned neither a value nor a problem")
			}
			return
		}
		if !valid {
			t.Fatalf("Parse accepted %q, which encoding/json rejects", data)
		}
		for _, p := range probs {
			if !strings.Contains(p.Message, "duplicate key") {
				t.Fatalf("Parse returned a value with problem %q", p)
			}
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var std any
		if err := dec.Decode(&std); err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		// reflect.DeepEqual first: cmp.Diff takes time exponential in the
		// nesting depth, so it only explains a mismatch.
		if got := v.Any(); !reflect.DeepEqual(std, got) {
			t.Fatalf("Any() vs encoding/json (-std +got):\n%s", cmp.Diff(std, got))
		}
		enc := v.AppendJSON(nil)
		v2, probs2 := jsonx.Parse(enc, lim)
		if v2 == nil || len(probs2) != len(probs) {
			t.Fatalf("re-parsing %s: %q", enc, probs2)
		}
		if !reflect.DeepEqual(v, v2) {
			diff := cmp.Diff(v, v2)
			t.Fatalf("AppendJSON then Parse changed the value (-first +second):\n%s", diff)
		}
	})
}
