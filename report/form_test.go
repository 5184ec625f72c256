package report_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/aoe"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/alloctest"
	"github.com/wlpmodel/wlp/profile"
	"github.com/wlpmodel/wlp/report"
)

// outline returns a form's tiers, groups and items as lines of text:
// "tier > group: id id ...".
func outline(fm report.Form) []string {
	var out []string
	for _, t := range fm.Tiers {
		for _, g := range t.Groups {
			line := t.Heading
			if g.Heading != "" {
				line += " > " + g.Heading
			}
			line += ":"
			for _, it := range g.Items {
				line += " " + string(it.ID)
			}
			out = append(out, line)
		}
	}
	return out
}

func loadFramework(t testing.TB, path string) *wlp.Framework {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := wlp.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestNewForm checks what the page of each framework lists, and under
// which headings.
func TestNewForm(t *testing.T) {
	tiny, err := wlp.New(wlp.Spec{ID: "tiny", Name: "Tiny", Competencies: []competency.Competency{
		{ID: "listening", Name: "Listening", Cluster: competency.Personal},
		{ID: "speaking", Name: "Speaking", Cluster: competency.Interpersonal},
	}})
	if err != nil {
		t.Fatal(err)
	}
	interpersonal := "Foundational competencies > Interpersonal: building-trust communicating-effectively influencing-stakeholders leveraging-diversity networking-and-partnering"
	business := "Foundational competencies > Business/Management: analyzing-needs-and-proposing-solutions applying-business-acumen driving-results planning-and-implementing-assignments thinking-strategically"
	personal := "Foundational competencies > Personal: demonstrating-adaptability modeling-personal-development"
	areas := "Areas of expertise: career-planning-and-talent-management coaching delivering-training designing-learning facilitating-organizational-change improving-human-performance managing-organizational-knowledge managing-the-learning-function measuring-and-evaluating"
	l2 := loadFramework(t, "../examples/frameworks/learning2.json")
	var l2Line string
	for _, g := range report.NewForm(l2).Tiers[0].Groups[3:] {
		l2Line = "Foundational competencies > " + g.Heading + ":"
		for _, it := range g.Items {
			l2Line += " " + string(it.ID)
		}
	}
	for _, c := range []struct {
		name string
		f    *wlp.Framework
		want []string
	}{
		{"default", wlp.Default(), []string{interpersonal, business, personal, areas}},
		{"nil", nil, []string{interpersonal, business, personal, areas}},
		{"learning2", l2, []string{interpersonal, business, personal, l2Line, areas}},
		// Undeclared clusters come in the order of their first competency.
		{"no areas", tiny, []string{"Foundational competencies > Personal: listening", "Foundational competencies > Interpersonal: speaking"}},
		{"empty", &wlp.Framework{}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			fm := report.NewForm(c.f)
			if diff := gocmp.Diff(c.want, outline(fm)); diff != "" {
				t.Errorf("outline (-want +got):\n%s", diff)
			}
		})
	}
	if !strings.HasPrefix(l2Line, "Foundational competencies > Learning 2.0: ") || len(strings.Fields(l2Line)) < 6 {
		t.Errorf("learning2.json's fourth cluster: %q", l2Line)
	}

	fm := report.NewForm(wlp.Default())
	want := report.Form{
		Title:            report.FormTitle,
		FrameworkID:      "astd-2004",
		FrameworkName:    wlp.Default().Name(),
		FrameworkVersion: wlp.Default().Version(),
		Levels:           competency.DefaultScale().Levels,
		Sources: []report.FormSource{
			{profile.Self, "Self (the person themself, as one view in the review)"},
			{profile.Manager, "Manager"},
			{profile.Peer, "Peer"},
			{profile.DirectReport, "Direct report"},
			{profile.Assessment, "Assessment (a test, an assessment centre or a certification)"},
		},
	}
	got := fm
	got.Tiers = nil
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("the form of the default framework (-want +got):\n%s", diff)
	}
	coaching, _ := wlp.Default().Area(aoe.Coaching)
	item := fm.Tiers[1].Groups[0].Items[1]
	if diff := gocmp.Diff(report.FormItem{ID: aoe.Coaching, Name: "Coaching", Summary: coaching.Summary}, item); diff != "" || item.Summary == "" {
		t.Errorf("the row of coaching (-want +got):\n%s", diff)
	}
	cluster, _ := wlp.Default().Cluster(competency.Interpersonal)
	if g := fm.Tiers[0].Groups[0]; g.Summary != cluster.Summary || g.Summary == "" {
		t.Errorf("the summary of the interpersonal cluster is %q, want %q", g.Summary, cluster.Summary)
	}
}

// odd returns a framework whose every text holds HTML's special
// characters.
func odd(t testing.TB) *wlp.Framework {
	t.Helper()
	s := wlp.DefaultSpec()
	s.ID = "odd"
	s.Name = `Acme <b>"skills"</b> & 'more'`
	s.Version = `1 < 2 & "3"`
	s.Clusters = append(s.Clusters, competency.ClusterInfo{ID: "odd", Name: `<i>Odd</i> & "co"`, Summary: `</h3><script>alert(1)</script>`})
	s.Competencies = append(s.Competencies, competency.Competency{
		ID: "odd-one", Name: `<script>alert("x")</script> & friends`, Cluster: "odd",
		Summary: `</textarea></legend>'quoted' "double" & <amp>`,
	})
	s.Areas[0].Name = `Career <planning> & "talent"`
	f, err := wlp.New(s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// page writes fm's page and returns it.
func page(t testing.TB, fm report.Form) string {
	t.Helper()
	var b bytes.Buffer
	if err := fm.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestFormEscapes checks that every text of a framework shows escaped:
// none of the odd framework's markup gets into the page as markup.
func TestFormEscapes(t *testing.T) {
	fm := report.NewForm(odd(t))
	fm.Title = `Rate <me> & "you"`
	html := page(t, fm)
	for _, raw := range []string{`<b>"skills"</b>`, `<script>alert`, `<i>Odd</i>`, `</textarea></legend>`, `<planning>`, `<me>`, `1 < 2`, `<amp>`} {
		if strings.Contains(html, raw) {
			t.Errorf("the page holds %q unescaped", raw)
		}
	}
	for _, escaped := range []string{
		`Acme &lt;b&gt;&#34;skills&#34;&lt;/b&gt; &amp; &#39;more&#39;`,
		`<legend>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; friends</legend>`,
		`<h3 id="group-0-3">&lt;i&gt;Odd&lt;/i&gt; &amp; &#34;co&#34;</h3>`,
		`&lt;/textarea&gt;&lt;/legend&gt;&#39;quoted&#39; &#34;double&#34; &amp; &lt;amp&gt;`,
		`<legend>Career &lt;planning&gt; &amp; &#34;talent&#34;</legend>`,
		`<title>Rate &lt;me&gt; &amp; &#34;you&#34;</title>`,
	} {
		if !strings.Contains(html, escaped) {
			t.Errorf("the page lacks %q", escaped)
		}
	}
}

var (
	idAttr     = regexp.MustCompile(` id="([^"]*)"`)
	refAttr    = regexp.MustCompile(` (?:aria-describedby|aria-labelledby|for|href)="([^"]*)"`)
	inline     = regexp.MustCompile(`(?s)<(script|style)>(.*?)</(?:script|style)>`)
	policyAttr = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
)

// TestFormWriteHTML checks the page's structure: a fieldset per row with
// a radio per level and "Not rated" checked, IDs unique, every reference
// to an ID resolved, nothing loaded from elsewhere, and a Content Security
// Policy that lets its own script and style run.
func TestFormWriteHTML(t *testing.T) {
	for _, f := range []*wlp.Framework{wlp.Default(), odd(t), loadFramework(t, "../examples/frameworks/learning2.json")} {
		t.Run(f.ID(), func(t *testing.T) {
			fm := report.NewForm(f)
			html := page(t, fm)
			rows := len(f.Competencies()) + len(f.Areas())
			levels := len(f.Scale().Levels)
			type counts struct{ Rows, Radios, Checked, Legends, Tiers, Groups int }
			groups := 0
			for _, tier := range fm.Tiers {
				for _, g := range tier.Groups {
					if g.Heading != "" {
						groups++
					}
				}
			}
			want := counts{rows, rows*(levels+1) + 2, rows + 1, rows + 1, 2, groups}
			got := counts{
				strings.Count(html, `<fieldset class="item"`),
				strings.Count(html, `type="radio"`),
				strings.Count(html, ` checked>`),
				strings.Count(html, `<legend>`),
				strings.Count(html, `<section class="tier"`),
				strings.Count(html, `<h3 id="group-`),
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("the page's parts (-want +got):\n%s", diff)
			}

			ids := map[string]bool{}
			for _, m := range idAttr.FindAllStringSubmatch(html, -1) {
				if ids[m[1]] {
					t.Errorf("the ID %q is used twice", m[1])
				}
				ids[m[1]] = true
			}
			for _, m := range refAttr.FindAllStringSubmatch(html, -1) {
				for _, ref := range strings.Fields(m[1]) {
					if ref == "data:," {
						continue
					}
					if !ids[strings.TrimPrefix(ref, "#")] {
						t.Errorf("%s refers to %q, which no element has", m[0], ref)
					}
				}
			}
			for _, remote := range []string{" src=", "http://", "https://", "@import", "url("} {
				if strings.Contains(html, remote) {
					t.Errorf("the page holds %q: it must load nothing", remote)
				}
			}

			policy := policyAttr.FindStringSubmatch(html)
			if policy == nil {
				t.Fatal("the page has no Content Security Policy")
			}
			var hashes []string
			for _, m := range inline.FindAllStringSubmatch(html, -1) {
				sum := sha256.Sum256([]byte(m[2]))
				hashes = append(hashes, m[1]+"-src 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
			}
			if len(hashes) != 2 {
				t.Fatalf("%d inline scripts and styles, want one of each", len(hashes))
			}
			for _, h := range hashes {
				if !strings.Contains(policy[1], h) {
					t.Errorf("the policy %q does not allow %q", policy[1], h)
				}
			}
			if !strings.Contains(policy[1], "default-src 'none'") {
				t.Errorf("the policy %q does not forbid loading by default", policy[1])
			}
		})
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestFormWriteError checks that a failed write is reported, named.
func TestFormWriteError(t *testing.T) {
	for _, n := range []int{0, 1000, 50000} {
		err := report.NewForm(nil).WriteHTML(&failWriter{n: n})
		if err == nil || !strings.HasPrefix(err.Error(), "report: ") || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("after %d bytes: err = %v, want a report error that says disk full", n, err)
		}
	}
}

// TestFormHandler checks the page served: the same bytes as WriteHTML for
// GET, headers alone for HEAD, and 405 for other methods.
func TestFormHandler(t *testing.T) {
	f := odd(t)
	want := page(t, report.NewForm(f))
	mux := http.NewServeMux()
	mux.Handle("/rate/", http.StripPrefix("/rate", report.FormHandler(f)))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	type answer struct {
		Status              int
		Type, Length, Allow string
		Body                string
	}
	for _, c := range []struct {
		method string
		want   answer
	}{
		{http.MethodGet, answer{200, "text/html; charset=utf-8", strconv.Itoa(len(want)), "", want}},
		{http.MethodHead, answer{200, "text/html; charset=utf-8", strconv.Itoa(len(want)), "", ""}},
		{http.MethodPost, answer{405, "text/plain; charset=utf-8", "", "GET, HEAD", "report: the form page answers GET and HEAD only\n"}},
	} {
		req, err := http.NewRequest(c.method, srv.URL+"/rate/", nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		got := answer{resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Length"), resp.Header.Get("Allow"), string(body)}
		if c.method == http.MethodPost {
			got.Length = ""
		}
		if diff := gocmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.method, diff)
		}
	}
}

// wideForm returns the form of the default framework with n more
// competencies.
func wideForm(tb testing.TB, n int) report.Form {
	tb.Helper()
	s := wlp.DefaultSpec()
	for i := range n {
		s.Competencies = append(s.Competencies, competency.Competency{
			ID: competency.ID("extra-" + strconv.Itoa(i)), Name: "Extra " + strconv.Itoa(i), Cluster: competency.Personal,
			Summary: "An extra competency to make the page long.",
		})
	}
	f, err := wlp.New(s)
	if err != nil {
		tb.Fatal(err)
	}
	return report.NewForm(f)
}

// BenchmarkGrowthForm builds and writes the page of a framework of n
// more competencies than the default.
func BenchmarkGrowthForm(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000} {
		s := wideForm(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := s.WriteHTML(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestFormGrowth measures work, not time: the page of four times as many
// rows takes at most five times the bytes to write, and is at most five
// times as long (linear growth gives four).
func TestFormGrowth(t *testing.T) {
	const n = 500
	small, large := wideForm(t, n), wideForm(t, 4*n)
	type ratios struct{ Alloc, Size bool }
	a := float64(alloctest.Bytes(func() { _ = small.WriteHTML(io.Discard) }))
	b := float64(alloctest.Bytes(func() { _ = large.WriteHTML(io.Discard) }))
	sa, sb := float64(len(page(t, small))), float64(len(page(t, large)))
	if diff := gocmp.Diff(ratios{true, true}, ratios{b/a <= 5, sb/sa <= 5}); diff != "" {
		t.Errorf("allocated %.0f then %.0f bytes (ratio %.2f); pages of %.0f and %.0f bytes (ratio %.2f) (-want +got):\n%s",
			a, b, b/a, sa, sb, sb/sa, diff)
	}
}

// TestFormSize keeps the size the documentation states: the default
// framework's page is about 150 KB.
func TestFormSize(t *testing.T) {
	n := len(page(t, report.NewForm(nil)))
	if n < 135_000 || n > 165_000 {
		t.Errorf("the default page is %d bytes; WriteHTML's documentation says about 150 KB", n)
	}
}
