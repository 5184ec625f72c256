package report_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/testfix"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/role"
)

// This file holds what the tests of the HTML reports share: the sample
// people and frameworks, a reader of the pages, and the checks every page
// passes.

// The sample data: the example profiles and frameworks, and the tiny
// framework whose names need escaping.
const (
	sampleData   = "../examples/data/"
	learning2    = "../examples/frameworks/learning2.json"
	tinyEscaping = "../cmd/wlp/testdata/tiny-framework.json"
)

// sampleProfile loads examples/data/NAME.json.
func sampleProfile(t testing.TB, name string) profile.Profile {
	t.Helper()
	return testfix.LoadProfile(t, sampleData+name+".json")
}

// samplePeople loads the example profiles names.
func samplePeople(t testing.TB, names ...string) []profile.Profile {
	t.Helper()
	var ps []profile.Profile
	for _, n := range names {
		ps = append(ps, sampleProfile(t, n))
	}
	return ps
}

// kim is a person of the tiny framework whose name needs escaping.
func kim() profile.Profile {
	return profile.Profile{ID: "kim", Name: `Kim <Lee> & "Co"`, Ratings: map[competency.ID]profile.Rating{
		"listening": {Level: 3}, "talking": {Level: 5},
	}}
}

// htmlNode is an element of a page as the tests read it.
type htmlNode struct {
	tag  string
	attr map[string]string
	kids []*htmlNode
	text strings.Builder // the text directly and deeply inside
}

// readPage reads doc, a page the reports write, into a tree of elements
// under a root node, and fails the test if it is not well-formed: every
// element the page opens it closes, but for HTML's void elements.
func readPage(t testing.TB, doc []byte) *htmlNode {
	t.Helper()
	root, err := parsePage(doc)
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// parsePage reads doc as readPage does, or says why it cannot.
func parsePage(doc []byte) (*htmlNode, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	root := &htmlNode{tag: "#root"}
	stack := []*htmlNode{root}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the page is not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &htmlNode{tag: strings.ToLower(tok.Name.Local), attr: map[string]string{}}
			for _, a := range tok.Attr {
				n.attr[strings.ToLower(a.Name.Local)] = a.Value
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) < 2 {
				return nil, fmt.Errorf("the page closes %s that it never opened", tok.Name.Local)
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			for _, n := range stack {
				n.text.Write(tok)
			}
		}
	}
	if len(stack) != 1 {
		return nil, fmt.Errorf("the page leaves %d elements open, the last %s", len(stack)-1, stack[len(stack)-1].tag)
	}
	return root, nil
}

// Text returns the text inside n, each run of white space one space.
func (n *htmlNode) Text() string {
	return strings.Join(strings.Fields(n.text.String()), " ")
}

// all returns the elements under n, n included, that keep says to, in
// document order.
func (n *htmlNode) all(keep func(*htmlNode) bool) []*htmlNode {
	var out []*htmlNode
	var walk func(*htmlNode)
	walk = func(n *htmlNode) {
		if keep(n) {
			out = append(out, n)
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

// tags returns the elements under n of the tag.
func (n *htmlNode) tags(tag string) []*htmlNode {
	return n.all(func(k *htmlNode) bool { return k.tag == tag })
}

// byID returns the element under n with the id, or fails the test.
func (n *htmlNode) byID(t testing.TB, id string) *htmlNode {
	t.Helper()
	found := n.all(func(k *htmlNode) bool { return k.attr["id"] == id })
	if len(found) != 1 {
		t.Fatalf("the page has %d elements with id %q, want 1", len(found), id)
	}
	return found[0]
}

// rowTexts returns the text of each cell of each row of the table's
// bodies, header cells included.
func rowTexts(table *htmlNode) [][]string {
	var out [][]string
	for _, body := range table.tags("tbody") {
		for _, tr := range body.tags("tr") {
			var cells []string
			for _, c := range tr.kids {
				if c.tag == "td" || c.tag == "th" {
					cells = append(cells, c.Text())
				}
			}
			out = append(out, cells)
		}
	}
	return out
}

// column returns column i of rows.
func column(rows [][]string, i int) []string {
	var out []string
	for _, r := range rows {
		if i < len(r) {
			out = append(out, r[i])
		}
	}
	return out
}

// checkPage checks what every report page must be: one self-contained
// document (no script, nothing fetched from elsewhere), with the
// framework's and target's names in its title, one h1 and headings that
// do not skip a level, every section labelled by its heading, every table
// captioned with scoped header cells, every figure captioned with a chart
// that has a text alternative, and a style sheet that prints in colour.
func checkPage(t *testing.T, doc []byte, titleHas ...string) *htmlNode {
	t.Helper()
	root, problems := pageProblems(doc, titleHas...)
	for _, p := range problems {
		t.Error(p)
	}
	if root == nil {
		t.FailNow()
	}
	return root
}

// pageProblems lists how doc breaks the rules checkPage checks; the root
// is nil when doc cannot be read at all.
func pageProblems(doc []byte, titleHas ...string) (*htmlNode, []string) {
	var problems []string
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	root, err := parsePage(doc)
	if err != nil {
		return nil, []string{err.Error()}
	}
	if html := root.tags("html"); len(html) != 1 || html[0].attr["lang"] != "en" {
		errorf("want one html element with lang en")
	}
	if !bytes.HasPrefix(doc, []byte("<!DOCTYPE html>\n")) {
		errorf("the page does not start with <!DOCTYPE html>")
	}
	csp := false
	for _, m := range root.tags("meta") {
		if m.attr["http-equiv"] == "Content-Security-Policy" && strings.HasPrefix(m.attr["content"], "default-src 'none';") &&
			!strings.Contains(m.attr["content"], "script-src") {
			csp = true
		}
	}
	if !csp {
		errorf("no Content-Security-Policy that forbids scripts and fetching")
	}
	titles := root.tags("title")
	if len(titles) == 0 {
		return root, append(problems, "the page has no title")
	}
	for _, s := range titleHas {
		if !strings.Contains(titles[0].Text(), s) {
			errorf("the title %q lacks %q", titles[0].Text(), s)
		}
	}
	if n := len(root.tags("h1")); n != 1 {
		errorf("%d h1 elements, want 1", n)
	}
	last := 1
	for _, h := range root.all(func(n *htmlNode) bool {
		return len(n.tag) == 2 && n.tag[0] == 'h' && n.tag[1] >= '1' && n.tag[1] <= '6'
	}) {
		l := int(h.tag[1] - '0')
		if l > last+1 {
			errorf("heading %q (%s) skips a level after h%d", h.Text(), h.tag, last)
		}
		last = l
	}
	for _, s := range root.tags("section") {
		id := s.attr["aria-labelledby"]
		if hs := s.all(func(n *htmlNode) bool { return n.attr["id"] == id && n.tag == "h2" }); id == "" || len(hs) != 1 {
			errorf("section %q is not labelled by its own h2", s.attr["id"])
		}
	}
	for _, tb := range root.tags("table") {
		if len(tb.kids) == 0 || tb.kids[0].tag != "caption" || tb.kids[0].Text() == "" {
			errorf("a table has no caption first: class %q", tb.attr["class"])
		}
		for _, th := range tb.tags("th") {
			if !slices.Contains([]string{"col", "row", "rowgroup", "colgroup"}, th.attr["scope"]) {
				errorf("table %q: header cell %q has no scope", tb.attr["class"], th.Text())
			}
		}
	}
	for _, fig := range root.tags("figure") {
		caps := fig.tags("figcaption")
		svgs := fig.tags("svg")
		if len(caps) != 1 || caps[0].Text() == "" || len(svgs) == 0 {
			errorf("a figure wants one figcaption and a chart: %d figcaptions, %d charts", len(caps), len(svgs))
			continue
		}
		if svgs[0].attr["role"] != "img" || len(svgs[0].tags("title")) == 0 || svgs[0].attr["viewbox"] == "" {
			errorf("the chart wants role img, a title and a viewBox: %v", svgs[0].attr)
		}
	}
	if n := len(root.tags("script")); n != 0 {
		errorf("the page has %d scripts, want none", n)
	}
	for _, n := range root.all(func(*htmlNode) bool { return true }) {
		for a := range n.attr {
			if a == "src" || a == "href" || strings.HasPrefix(a, "on") {
				errorf("%s has a %s attribute: the page must need nothing else", n.tag, a)
			}
		}
	}
	styles := root.tags("style")
	if len(styles) != 1 {
		return root, append(problems, fmt.Sprintf("%d style elements, want 1", len(styles)))
	}
	css := styles[0].Text()
	for _, want := range []string{"@media print", "print-color-adjust: exact", "break-inside: avoid", "position: sticky"} {
		if !strings.Contains(css, want) {
			errorf("the style sheet lacks %q", want)
		}
	}
	for _, bad := range []string{"url(", "@import"} {
		if strings.Contains(css, bad) {
			errorf("the style sheet has %q: it may fetch something", bad)
		}
	}
	return root, problems
}

// checkWrite writes a report edited by hand: it must fail (with a
// "report: " error and nothing written) when fail is set, and otherwise
// give a page that parses.
func checkWrite(t *testing.T, write func(io.Writer) error, fail bool) {
	t.Helper()
	var b strings.Builder
	err := write(&b)
	if diff := cmp.Diff(fail, err != nil); diff != "" {
		t.Fatalf("error %v (-want +got):\n%s", err, diff)
	}
	if err != nil {
		if !strings.HasPrefix(err.Error(), "report: ") || b.Len() != 0 {
			t.Errorf("error %q, %d bytes written; want a report: error and nothing written", err, b.Len())
		}
		return
	}
	readPage(t, []byte(b.String()))
}

// TestCheckPage checks the checks: a page that breaks each rule fails.
func TestCheckPage(t *testing.T) {
	good := `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>A · B</title><style>@media print { tr { break-inside: avoid; } } * { print-color-adjust: exact; } th { position: sticky; }</style></head>
<body><h1>A</h1><section id="s" aria-labelledby="s-h"><h2 id="s-h">S</h2>
<table><caption>C</caption><thead><tr><th scope="col">X</th></tr></thead><tbody><tr><th scope="row">x</th></tr></tbody></table>
<figure><svg role="img" viewBox="0 0 1 1"><title>T</title></svg><figcaption>F</figcaption></figure></section></body></html>`
	for _, tc := range []struct {
		name, from, to string
		fails          bool
	}{
		{"good", "", "", false},
		{"a script", "<h1>", "<script>x()</script><h1>", true},
		{"a link", "<h1>A</h1>", `<h1><a href="http://x">A</a></h1>`, true},
		{"no caption", "<caption>C</caption>", "", true},
		{"no scope", `<th scope="row">`, "<th>", true},
		{"no figcaption", "<figcaption>F</figcaption>", "", true},
		{"a skipped level", "<h2 id=\"s-h\">S</h2>", "<h2 id=\"s-h\">S</h2><h4>D</h4>", true},
		{"no print colours", "print-color-adjust: exact", "", true},
		{"no title", "<title>A · B</title>", "<title>A</title>", true},
		{"no security policy", `http-equiv="Content-Security-Policy"`, `name="x"`, true},
		{"a policy that lets scripts run", `default-src 'none';`, `default-src 'none'; script-src 'unsafe-inline';`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := good
			if tc.from != "" {
				doc = strings.Replace(good, tc.from, tc.to, 1)
			}
			_, problems := pageProblems([]byte(doc), "B")
			if diff := cmp.Diff(tc.fails, len(problems) > 0); diff != "" {
				t.Errorf("problems %q (-want +got):\n%s", problems, diff)
			}
		})
	}
}

// TestWriteHTMLWriteError checks that a failed write comes back as an
// error that starts "report: ".
func TestWriteHTMLWriteError(t *testing.T) {
	f := testfix.LoadFramework(t, tinyEscaping)
	pr, tr := personAndTeam(t, f, []role.ID{"host"})
	for name, write := range map[string]func(io.Writer) error{"person": pr[0].WriteHTML, "team": tr[0].WriteHTML} {
		err := write(brokenWriter{})
		if err == nil || !strings.HasPrefix(err.Error(), "report: ") || !errors.Is(err, errBroken) {
			t.Errorf("%s: WriteHTML to a broken writer: %v, want a report: error wrapping %v", name, err, errBroken)
		}
	}
}

// errBroken is what brokenWriter fails with.
var errBroken = errors.New("broken")

// brokenWriter fails every write.
type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errBroken }

// TestDefaultFrameworkLevels checks that the pages name the levels of
// the framework's own scale, in the legend at their foot.
func TestDefaultFrameworkLevels(t *testing.T) {
	f := wlp.Default()
	pr, tr := personAndTeam(t, f, []role.ID{"business-partner"})
	want := "Levels: 0 not demonstrated, 1 novice, 2 advanced beginner, 3 competent, 4 proficient, 5 expert."
	for _, doc := range [][]byte{html(t, pr[0].WriteHTML), html(t, tr[0].WriteHTML)} {
		root := readPage(t, doc)
		foot := root.tags("footer")
		if len(foot) != 1 || !strings.Contains(foot[0].Text(), want) {
			t.Errorf("the foot of the page lacks %q", want)
		}
	}
}

// html returns what write writes, or fails the test.
func html(t testing.TB, write func(io.Writer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
