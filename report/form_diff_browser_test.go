package report_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/internal/browsertest"
	"github.com/wlpmodel/wlp/profile"
)

// This file holds a differential test: the self-assessment page's own
// reader of profile documents (form.js, behind the Open control) against
// the Go loader, profile.Load followed by the framework's
// ValidateProfile. Every document either side accepts, the other must
// accept too, and a document both accept must save back unchanged.
//
// The page departs from Go in three deliberate ways, each of which it
// says on opening and repairs on saving:
//
//   - a byte-order mark before the document is dropped (editors on
//     Windows write one);
//   - a missing or malformed profile ID opens, and the page asks for an
//     ID before it saves;
//   - competencies and areas the page does not list (those of another
//     framework) are kept as they are.
//
// And a profile that rates nothing opens, but Save asks for a rating
// first.
//
// So the page's expected verdict is Go's on the document without its
// byte-order mark, ignoring the problems of those two kinds.

// diffNode is a JSON value of a generated document: a *diffObj, a
// diffArr, a diffRaw (JSON text as is), or a Go value json.Marshal
// writes.
type diffNode = any

// diffObj is a JSON object whose members keep their order and may repeat
// a key.
type diffObj struct{ m []diffMember }

type diffMember struct {
	key string // JSON text of the key, quotes included
	val diffNode
}

// diffArr is a JSON array.
type diffArr []diffNode

// diffRaw is JSON text written as it is.
type diffRaw string

func (o *diffObj) get(k string) diffNode {
	for _, m := range o.m {
		if m.key == strconv.Quote(k) {
			return m.val
		}
	}
	return nil
}

// set replaces the value of key k, or adds the member at the end.
func (o *diffObj) set(k string, v diffNode) *diffObj {
	for i, m := range o.m {
		if m.key == strconv.Quote(k) {
			o.m[i].val = v
			return o
		}
	}
	o.m = append(o.m, diffMember{strconv.Quote(k), v})
	return o
}

// add adds a member whose key is the JSON text key, repeated or not.
func (o *diffObj) add(key string, v diffNode) *diffObj {
	o.m = append(o.m, diffMember{key, v})
	return o
}

func (o *diffObj) del(k string) *diffObj {
	for i, m := range o.m {
		if m.key == strconv.Quote(k) {
			o.m = append(o.m[:i], o.m[i+1:]...)
			return o
		}
	}
	return o
}

func obj(kv ...any) *diffObj {
	o := &diffObj{}
	for i := 0; i < len(kv); i += 2 {
		o.set(kv[i].(string), kv[i+1])
	}
	return o
}

// encodeNode writes v as JSON text.
func encodeNode(b *strings.Builder, v diffNode) {
	switch v := v.(type) {
	case *diffObj:
		b.WriteByte('{')
		for i, m := range v.m {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(m.key)
			b.WriteString(": ")
			encodeNode(b, m.val)
		}
		b.WriteByte('}')
	case diffArr:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			encodeNode(b, e)
		}
		b.WriteByte(']')
	case diffRaw:
		b.WriteString(string(v))
	default:
		j, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		b.Write(j)
	}
}

// baseDoc returns a fresh valid profile document of the default
// framework that uses every field: direct ratings, a combined one, and
// two reviews.
func baseDoc() *diffObj {
	return obj(
		"id", "alex.kim",
		"name", "Alex Kim",
		"ratings", obj(
			"coaching", obj("level", 3, "source", "self", "assessedAt", "2026-03-31", "evidence", diffArr{"a link", "a talk"}, "note", "before the course"),
			"building-trust", obj("level", 4, "combined", "median"),
		),
		"reviews", diffArr{
			obj("rater", "Kim", "source", "manager", "assessedAt", "2026-01-10", "levels", obj("coaching", 3, "building-trust", 4), "evidence", diffArr{"seen"}, "note", "yearly"),
			obj("source", "peer", "levels", obj("coaching", 2)),
		},
	)
}

// The places of baseDoc a mutation can change.
func top(d *diffObj) *diffObj     { return d }
func ratings(d *diffObj) *diffObj { return d.get("ratings").(*diffObj) }
func rating(d *diffObj) *diffObj  { return ratings(d).get("coaching").(*diffObj) }
func review(d *diffObj) *diffObj  { return d.get("reviews").(diffArr)[0].(*diffObj) }
func levels(d *diffObj) *diffObj  { return review(d).get("levels").(*diffObj) }

// diffMutation changes a fresh baseDoc in one way that matters to a
// reader: a name for the report, and the change.
type diffMutation struct {
	name string
	f    func(d *diffObj)
}

// diffMutations returns the ways of changing baseDoc the generator
// combines.
func diffMutations() []diffMutation {
	var out []diffMutation
	add := func(name string, f func(d *diffObj)) { out = append(out, diffMutation{name, f}) }
	places := []struct {
		name string
		at   func(*diffObj) *diffObj
	}{{"top", top}, {"ratings", ratings}, {"rating", rating}, {"review", review}, {"levels", levels}}

	// Unknown fields, repeated keys and empty objects at each depth.
	for _, p := range places {
		add("unknown field in "+p.name, func(d *diffObj) { p.at(d).set("extra", 1) })
		add("unknown field null in "+p.name, func(d *diffObj) { p.at(d).set("zzz", nil) })
		add("repeated key in "+p.name, func(d *diffObj) {
			o := p.at(d)
			o.add(o.m[0].key, o.m[0].val)
		})
		add("repeated key by escape in "+p.name, func(d *diffObj) {
			o := p.at(d)
			k := o.m[0].key
			o.add(`"\u00`+strconv.FormatInt(int64(k[1]), 16)+k[2:], o.m[0].val)
		})
		add("emptied "+p.name, func(d *diffObj) { p.at(d).m = nil })
	}
	add("reviews empty", func(d *diffObj) { d.set("reviews", diffArr{}) })
	add("review empty object", func(d *diffObj) { d.set("reviews", diffArr{obj()}) })
	add("review without levels", func(d *diffObj) { review(d).del("levels") })
	add("review only levels", func(d *diffObj) { d.set("reviews", diffArr{obj("levels", obj("coaching", 1))}) })
	add("no ratings", func(d *diffObj) { d.del("ratings") })
	add("no reviews", func(d *diffObj) { d.del("reviews") })
	add("no name", func(d *diffObj) { d.del("name") })
	add("only id", func(d *diffObj) { d.m = d.m[:1] })
	add("rating without level", func(d *diffObj) { rating(d).del("level") })

	// Nulls and wrong types for every field.
	wrong := []struct {
		name string
		v    diffNode
	}{{"null", nil}, {"number", 7}, {"string", "7"}, {"true", true}, {"array", diffArr{}}, {"object", obj()}}
	fields := []struct {
		at   func(*diffObj) *diffObj
		name string
	}{
		{top, "id"}, {top, "name"}, {top, "ratings"}, {top, "reviews"},
		{rating, "level"}, {rating, "source"}, {rating, "assessedAt"}, {rating, "evidence"}, {rating, "note"}, {rating, "combined"},
		{review, "rater"}, {review, "source"}, {review, "assessedAt"}, {review, "levels"}, {review, "evidence"}, {review, "note"},
	}
	for _, f := range fields {
		for _, w := range wrong {
			add(f.name+" "+w.name, func(d *diffObj) { f.at(d).set(f.name, w.v) })
		}
	}
	for _, w := range wrong {
		add("rating "+w.name, func(d *diffObj) { ratings(d).set("coaching", w.v) })
		add("review "+w.name, func(d *diffObj) { d.set("reviews", diffArr{w.v}) })
		add("review level "+w.name, func(d *diffObj) { levels(d).set("coaching", w.v) })
		add("evidence item "+w.name, func(d *diffObj) { rating(d).set("evidence", diffArr{"a", w.v}) })
	}

	// Levels on and off the scale, and numbers written every way.
	for _, lv := range []string{"-1", "6", "2.5", `"3"`, "null", "0", "5", "-0", "3.0", "3e0", "30e-1", "0.3e1", "1E0", "03", "+3", ".5", "3.", "1e400", "-1e400", "1e-400",
		"99999999999999999999", "-99999999999999999999", "9223372036854775808", "4294967299", "2147483651", "NaN", "Infinity", "0x3", "3 ", "true"} {
		add("rating level "+lv, func(d *diffObj) { rating(d).set("level", diffRaw(lv)) })
		add("review level "+lv, func(d *diffObj) { levels(d).set("coaching", diffRaw(lv)) })
	}

	// Profile IDs, from profile's tests of ValidID.
	for _, id := range []string{"", " ", "E1001", "ANA-0042", "jo.smith+hr@example.co.uk", "_", "@kim", "a..b", "a-", "CONS", "COM10", "a.con",
		" E1001", "\u00a0E1001", "a\x00b", "a\nb", "a\u2028b", "a\u200bb", "a\ufeffb", "Zoë", "аlex", "../../etc/passwd", "a/b", `a\b`, ".", "..",
		".hidden", "-rf", "E1001.", "a:b", `a"b`, "CON", "Con.json", "nul.txt", "COM1", "lpt0", "CoM0", strings.Repeat("a", 64), strings.Repeat("a", 65),
		strings.Repeat("é", 40)} {
		add("id "+strconv.Quote(id), func(d *diffObj) { d.set("id", id) })
	}
	add("id escaped", func(d *diffObj) { d.set("id", diffRaw(`"\u0041lex"`)) })
	add("id lone surrogate", func(d *diffObj) { d.set("id", diffRaw(`"\ud800"`)) })
	add("no id", func(d *diffObj) { d.del("id") })

	// Rated IDs: malformed, unknown to the framework, a look-alike.
	for _, id := range []string{"Coaching", "coaching-", "-coaching", "coaching--x", "", "coach ing", "cоaching", "coach\u00ading", "quantum-leadership", "coachng", strings.Repeat("a", 300)} {
		add("rated id "+strconv.Quote(id), func(d *diffObj) { ratings(d).set(id, obj("level", 2)) })
		add("reviewed id "+strconv.Quote(id), func(d *diffObj) { levels(d).set(id, 2) })
	}
	add("rated id escaped", func(d *diffObj) {
		ratings(d).del("building-trust")
		ratings(d).add(`"building\u002dtrust"`, obj("level", 1))
	})
	add("rated id lone surrogate", func(d *diffObj) { ratings(d).add(`"coaching\ud800"`, obj("level", 1)) })

	// Dates.
	for _, s := range []string{"2026-02-30", "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "0000-02-29", "9999-12-31", "2026-13-01", "2026-00-10", "2026-04-31",
		"2026-04-00", "2026-1-01", "26-01-01", "2026-03-31T00:00:00Z", " 2026-03-31", "2026-03-31 ", "2026/03/31", "31/03/2026", "", "２０２６-03-31", "+2026-03-31", "-2026-03-31"} {
		add("rating date "+s, func(d *diffObj) { rating(d).set("assessedAt", s) })
		add("review date "+s, func(d *diffObj) { review(d).set("assessedAt", s) })
	}

	// Sources and policies.
	for _, s := range []string{"boss", "Self", "direct report", "direct-report", "assessment", "", " self"} {
		add("rating source "+s, func(d *diffObj) { rating(d).set("source", s) })
		add("review source "+s, func(d *diffObj) { review(d).set("source", s) })
	}
	for _, s := range []string{"median", "manager-first", "mean-except-self", "mean", "", "Median"} {
		add("combined "+s, func(d *diffObj) { rating(d).set("combined", s) })
	}

	// Raters: length in characters, control characters.
	for _, s := range []string{strings.Repeat("x", 64), strings.Repeat("x", 65), strings.Repeat("😀", 64), strings.Repeat("😀", 65), strings.Repeat("é", 64),
		"a\tb", "a\u007fb", "a\u0085b", "a\u00a0b", "a\u2028b", " Kim ", ""} {
		add("rater "+strconv.Quote(s), func(d *diffObj) { review(d).set("rater", s) })
		// Alone, the review is what the page shows, and saves from its
		// fields.
		add("one review by rater "+strconv.Quote(s), func(d *diffObj) {
			review(d).set("rater", s)
			d.del("ratings").set("reviews", d.get("reviews").(diffArr)[:1])
		})
	}
	add("rater escaped control", func(d *diffObj) { review(d).set("rater", diffRaw(`"a\u0001b"`)) })
	add("rater lone surrogate", func(d *diffObj) { review(d).set("rater", diffRaw(`"a\ud800"`)) })

	// Text: escapes, surrogates, control characters, empty evidence.
	for _, s := range []string{`"\ud800"`, `"\udc00"`, `"\udc00\ud800"`, `"\ud83d\ude00"`, `"\u0000"`, `"a\u0001b"`, `"\/\b\f\n\r\t\"\\"`, `"\u2028\u2029"`, "\"a\tb\"", "\"a\nb\"",
		"\"a\x7fb\"", `"\x41"`, `"\u12"`, `"\U0041"`, "\"\u2028\""} {
		add("note "+s, func(d *diffObj) { rating(d).set("note", diffRaw(s)) })
		add("name "+s, func(d *diffObj) { d.set("name", diffRaw(s)) })
		add("evidence "+s, func(d *diffObj) { review(d).set("evidence", diffArr{diffRaw(s)}) })
	}
	for _, e := range []diffArr{{}, {""}, {" "}, {"a", "a"}, {"a\nb"}} {
		add(fmt.Sprintf("rating evidence %q", e), func(d *diffObj) { rating(d).set("evidence", e) })
		add(fmt.Sprintf("review evidence %q", e), func(d *diffObj) { review(d).set("evidence", e) })
	}
	add("empty strings", func(d *diffObj) {
		d.set("name", "")
		rating(d).set("source", "").set("assessedAt", "").set("note", "").set("combined", "")
		review(d).set("rater", "").set("source", "").set("assessedAt", "").set("note", "")
	})

	// Deep nesting, inside an unknown field and inside the evidence.
	for _, n := range []int{10, 60, 70, 1000} {
		add(fmt.Sprintf("nested %d in unknown field", n), func(d *diffObj) {
			d.set("x", diffRaw(strings.Repeat("[", n)+strings.Repeat("]", n)))
		})
		add(fmt.Sprintf("nested %d in evidence", n), func(d *diffObj) {
			rating(d).set("evidence", diffRaw(strings.Repeat("[", n)+`"a"`+strings.Repeat("]", n)))
		})
	}
	return out
}

// diffWhole are changes to the text of a whole document, valid or not.
var diffWhole = []struct {
	name string
	f    func(string) string
}{
	{"as is", func(s string) string { return s }},
	{"byte-order mark", func(s string) string { return "\ufeff" + s }},
	{"two byte-order marks", func(s string) string { return "\ufeff\ufeff" + s }},
	{"UTF-16 byte-order mark", func(s string) string { return "\xff\xfe" + s }},
	{"trailing garbage", func(s string) string { return s + " x" }},
	{"trailing second document", func(s string) string { return s + "\n{}" }},
	{"trailing comma", func(s string) string { return s[:len(s)-1] + ",}" }},
	{"trailing whitespace", func(s string) string { return s + " \r\n\t\n" }},
	{"trailing NUL", func(s string) string { return s + "\x00" }},
	{"trailing no-break space", func(s string) string { return s + "\u00a0" }},
	{"leading no-break space", func(s string) string { return "\u00a0" + s }},
	{"comment", func(s string) string { return "// c\n" + s }},
	{"truncated", func(s string) string { return s[:len(s)/2] }},
	{"invalid UTF-8 in a string", func(s string) string { return strings.Replace(s, "Alex Kim", "Alex\xffKim", 1) }},
	{"overlong UTF-8 in a string", func(s string) string { return strings.Replace(s, "Alex Kim", "Alex\xc0\xafKim", 1) }},
	{"encoded surrogate in a string", func(s string) string { return strings.Replace(s, "Alex Kim", "Alex\xed\xa0\x80Kim", 1) }},
	{"raw control character in a string", func(s string) string { return strings.Replace(s, "Alex Kim", "Alex\x01Kim", 1) }},
	{"single quotes", func(s string) string { return strings.ReplaceAll(s, `"`, `'`) }},
	{"padded past 1 MiB", func(s string) string { return s[:len(s)-1] + strings.Repeat(" ", profile.DefaultMaxBytes) + "}" }},
	{"padded to 1 MiB", func(s string) string { return s[:len(s)-1] + strings.Repeat(" ", profile.DefaultMaxBytes-len(s)) + "}" }},
	{"padded to 1 MiB and a byte", func(s string) string {
		return s[:len(s)-1] + strings.Repeat(" ", profile.DefaultMaxBytes-len(s)+1) + "}"
	}},
	{"note of 1 MiB", func(s string) string {
		return strings.Replace(s, `"before the course"`, strconv.Quote(strings.Repeat("n", profile.DefaultMaxBytes)), 1)
	}},
}

// diffCase is one document to give both readers.
type diffCase struct {
	name string
	data []byte
}

// diffCases gathers the documents: the example profiles, the profile
// cases of the bad-input catalogue, fixed documents, every mutation of
// baseDoc, every whole-text change of it, and mutations combined at
// random (seeded, so the same every run).
func diffCases(t *testing.T) []diffCase {
	t.Helper()
	var out []diffCase
	files, err := filepath.Glob("../examples/data/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example profiles: %v", err)
	}
	files = append(files, "../testdata/mini-profile.json")
	manifest, err := os.ReadFile("../testdata/bad/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cat []struct{ File, Loader string }
	if err := json.Unmarshal(manifest, &cat); err != nil {
		t.Fatal(err)
	}
	for _, c := range cat {
		if strings.HasPrefix(c.Loader, "profile") {
			files = append(files, filepath.Join("..", "testdata", "bad", c.File))
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, diffCase{filepath.Base(f), b})
	}
	for _, s := range []string{"", " ", "null", "true", "1", `"x"`, "[]", "{}", `[{"id":"a"}]`, `{"id":"a"}`, `{"id":"a","ratings":{}}`,
		`{"id":"a","ratings":null,"reviews":null}`, `{"id":"a","reviews":[]}`, `{"id":"alex","ratings":{"trust":{"level":3}}}`,
		`{"id":"a","ratings":{"coaching":{"level":2},"coaching":{"level":5}}}`, `{"ID":"a"}`, `{"id":"a","Ratings":{}}`,
		`{"id":"a","ratings":{"coaching":{"level":1}}}` + "\n" + `{"id":"b","ratings":{"coaching":{"level":1}}}`,
		`{"competencies":[],"roles":[]}`, `<!DOCTYPE html><html></html>`, strings.Repeat("[", 200) + strings.Repeat("]", 200),
		strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100),
	} {
		out = append(out, diffCase{"fixed " + s, []byte(s)})
	}
	encode := func(d *diffObj) string {
		var b strings.Builder
		encodeNode(&b, d)
		return b.String()
	}
	muts := diffMutations()
	for _, m := range muts {
		d := baseDoc()
		m.f(d)
		out = append(out, diffCase{m.name, []byte(encode(d))})
	}
	base := encode(baseDoc())
	for _, w := range diffWhole {
		out = append(out, diffCase{w.name, []byte(w.f(base))})
	}
	rng := rand.New(rand.NewPCG(15, 2026))
	for range 150 {
		d := baseDoc()
		var names []string
		for range 2 + rng.IntN(2) {
			m := muts[rng.IntN(len(muts))]
			func() {
				// A mutation may remove the place a later one changes.
				defer func() {
					if recover() != nil {
						names = append(names, "("+m.name+" skipped)")
					}
				}()
				m.f(d)
				names = append(names, m.name)
			}()
		}
		w := diffWhole[rng.IntN(len(diffWhole))]
		if strings.Contains(w.name, "1 MiB") {
			w = diffWhole[0]
		}
		names = append(names, w.name)
		out = append(out, diffCase{"mixed: " + strings.Join(names, ", "), []byte(w.f(encode(d)))})
	}
	return out
}

// goVerdict returns the profile Go reads from data and what it finds
// wrong with it: everything when strict, else only what the page does
// not repair (see the top of this file).
func goVerdict(f *wlp.Framework, data []byte, strict bool) (profile.Profile, []profile.Problem) {
	if !strict {
		data = bytes.TrimPrefix(data, []byte("\ufeff"))
	}
	p, err := profile.Load(bytes.NewReader(data))
	if err == nil {
		err = f.ValidateProfile(p)
	}
	if err == nil {
		return p, nil
	}
	var ve *profile.ValidationError
	if !errors.As(err, &ve) {
		return p, []profile.Problem{{Message: err.Error()}}
	}
	var out []profile.Problem
	for _, pr := range ve.Problems {
		repaired := pr.Path == "/id" && (strings.HasPrefix(pr.Message, "the ID ") || strings.HasPrefix(pr.Message, "the profile has no ID")) ||
			pr.Path == "" && pr.Message == `missing required field "id"` ||
			strings.HasPrefix(pr.Message, "unknown competency or area ")
		if strict || !repaired {
			out = append(out, pr)
		}
	}
	if ve.Omitted > 0 && !strict {
		out = append(out, profile.Problem{Message: "and more"})
	}
	return p, out
}

// pageVerdict is what the page did with a document: whether it opened
// it, what it said, and, when it opened it and could save, the document
// Save wrote ("" when it refused to save, and saveMsg says why).
type pageVerdict struct {
	Opened  bool   `json:"opened"`
	Msg     string `json:"msg"`
	Items   int    `json:"items"`
	Saved   string `json:"saved"`
	SaveMsg string `json:"saveMsg"`
}

// diffOpenJS opens a document on the page the way a user's choice of a
// file does, through the real Open control and its change handler, then
// (when asked and the page opened it) presses Save and catches the file
// written instead of downloading it. It resolves to a pageVerdict.
const diffOpenJS = `(async (b64, save) => {
  const bin = atob(b64);
  const u8 = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
  const input = document.getElementById('open');
  const msg = document.getElementById('open-msg');
  msg.hidden = true;
  msg.replaceChildren();
  const dt = new DataTransfer();
  dt.items.add(new File([u8], 'doc.json', { type: 'application/json' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const until = performance.now() + 5000;
  while (msg.hidden) {
    if (performance.now() > until) return { opened: false, msg: 'timed out', items: 0, saved: '', saveMsg: '' };
    await new Promise((r) => setTimeout(r, 0));
  }
  const v = { opened: !msg.classList.contains('invalid'), msg: msg.textContent, items: msg.querySelectorAll('li').length, saved: '', saveMsg: '' };
  if (v.opened && save) {
    window.wlpDiffSaved = null;
    document.getElementById('save').click();
    if (window.wlpDiffSaved) {
      v.saved = await window.wlpDiffSaved.text();
    } else {
      v.saveMsg = document.getElementById('problems').textContent;
    }
  }
  return v;
})`

// diffHookJS makes Save hand its file to the test instead of the
// browser's downloads: the page's own code builds it, and the hook keeps
// the Blob it makes a URL of.
const diffHookJS = `(() => {
  const make = window.URL.createObjectURL.bind(window.URL);
  window.URL.createObjectURL = (b) => { window.wlpDiffSaved = b; return make(b); };
  const click = HTMLElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () { if (!this.download) click.call(this); };
})()`

// TestFormBrowserDifferential gives a few hundred documents to the page's
// reader and to Go's, and reports every document on which they disagree:
// one opens what the other refuses, a refusal is not in plain words, or
// a document both accept does not save back as Go read it.
func TestFormBrowserDifferential(t *testing.T) {
	f := wlp.Default()
	cases := diffCases(t)
	p := openForm(t, browsertest.FileURL(t, writeForm(t, f)))
	p.do(chromedp.Evaluate[chromedp.Void](diffHookJS))
	start := time.Now()
	var bad []string
	opened, refused := 0, 0
	for _, c := range cases {
		pr, strictProblems := goVerdict(f, c.data, true)
		_, problems := goVerdict(f, c.data, false)
		save := len(strictProblems) == 0
		js := fmt.Sprintf("%s(%q, %t)", diffOpenJS, base64.StdEncoding.EncodeToString(c.data), save)
		v, err := chromedp.Run(p.ctx, chromedp.Evaluate[pageVerdict](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if v.Opened {
			opened++
		} else {
			refused++
		}
		doc := string(c.data)
		if len(doc) > 200 {
			doc = doc[:200] + fmt.Sprintf("… (%d bytes)", len(c.data))
		}
		report := func(what string) {
			bad = append(bad, fmt.Sprintf("%s: %s\n\tdocument: %q\n\tGo: %v\n\tpage: opened=%t %q", c.name, what, doc, verdictText(strictProblems), v.Opened, v.Msg))
		}
		switch {
		case v.Opened && len(problems) > 0:
			report("the page opens what Go refuses")
		case !v.Opened && len(problems) == 0:
			report("the page refuses what Go accepts")
		case !v.Opened && (v.Items == 0 || plainWordsBroken(v.Msg)):
			report("the page's refusal is not in plain words")
		case save && len(pr.Ratings) == 0 && len(pr.Reviews) == 0:
			// An empty profile opens, and the page asks for a rating
			// before it saves one.
			if !strings.Contains(v.SaveMsg, "there is nothing to save yet") {
				report("an empty profile: the page does not ask for a rating: " + v.SaveMsg)
			}
		case save && v.Saved == "":
			report("the page opens it but does not save it unchanged: " + v.SaveMsg)
		case save:
			got, err := profile.Load(strings.NewReader(v.Saved))
			if err != nil {
				report(fmt.Sprintf("the page saves a document Go refuses: %v\n%s", err, v.Saved))
			} else if diff := gocmp.Diff(pr, got); diff != "" {
				report("the page saves it changed (-Go read +saved):\n" + diff)
			}
		}
	}
	t.Logf("%d documents in %v: the page opened %d and refused %d", len(cases), time.Since(start).Round(time.Millisecond), opened, refused)
	if len(cases) < 300 || opened < 50 || refused < 150 {
		t.Errorf("too few documents of a kind: %d in all, %d opened, %d refused", len(cases), opened, refused)
	}
	if len(bad) > 0 {
		t.Errorf("%d of %d documents disagree:\n%s", len(bad), len(cases), strings.Join(bad, "\n"))
	}
}

// verdictText is Go's verdict in a line.
func verdictText(problems []profile.Problem) string {
	if len(problems) == 0 {
		return "accepted"
	}
	var s []string
	for _, p := range problems[:min(len(problems), 3)] {
		s = append(s, p.Path+": "+p.Message)
	}
	return "refused: " + strings.Join(s, "; ")
}

// plainWordsBroken reports whether a message shows a program's value
// instead of words.
func plainWordsBroken(msg string) bool {
	for _, s := range []string{"undefined", "[object", "NaN", "level null", "SyntaxError", "Unexpected token"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// TestFormBrowserDiffMessages checks the words of the refusals the
// differential test found missing: numbers JSON.parse rounds, and half
// characters.
func TestFormBrowserDiffMessages(t *testing.T) {
	p := openForm(t, browsertest.FileURL(t, writeForm(t, wlp.Default())))
	for _, c := range []struct{ doc, want string }{
		{`{"id": "a", "ratings": {"coaching": {"level": 1e-400}}}`, "The number “1e-400” given for “level” is not a whole number, only close to one"},
		{`{"id": "a", "reviews": [{"levels": {"coaching": 3.00000000000000000001}}]}`, "The number “3.00000000000000000001” given for “coaching” is not a whole number"},
		{`{"id": "a", "ratings": {"coaching": {"level": -1e400}}}`, "The number “-1e400” given for “level” is far too large"},
		{`{"id": "a", "ratings": {"coaching": {"level": 1, "note": "x\ud800"}}}`, "The text of “note” holds half of a character"},
		{`{"id": "a", "ratings": {"coaching\udc00": {"level": 1}}}`, "The name “coaching\ufffd” holds half of a character"},
	} {
		js := fmt.Sprintf("%s(%q, false)", diffOpenJS, base64.StdEncoding.EncodeToString([]byte(c.doc)))
		v, err := chromedp.Run(p.ctx, chromedp.Evaluate[pageVerdict](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if v.Opened || !strings.Contains(v.Msg, c.want) {
			t.Errorf("%s: the page says (opened=%t) %q, want it to say %q", c.doc, v.Opened, v.Msg, c.want)
		}
	}
}
