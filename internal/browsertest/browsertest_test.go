package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
)

// TestBrowser loads a page from disk, reads what it shows, clicks a button
// that saves a file and one that throws, and checks that the console and
// the download caught both.
func TestBrowser(t *testing.T) {
	ctx := Start(t)
	console := Watch(ctx)
	next := Downloads(t, ctx)
	page := filepath.Join(t.TempDir(), "page.html")
	html := `<!doctype html><title>t</title><h1 id=h>hello</h1>
<button id=save onclick="let a=document.createElement('a');a.href=window.URL.createObjectURL(new Blob(['{&quot;id&quot;:&quot;x&quot;}']));a.download='x.json';a.click()">save</button>
<button id=bad onclick="console.warn('careful');null.x">bad</button>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(FileURL(t, page))); err != nil {
		t.Fatal(err)
	}
	h, err := chromedp.Run(ctx, chromedp.Text("#h"))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click("#save")); err != nil {
		t.Fatal(err)
	}
	if h != "hello" {
		t.Errorf("heading = %q, want hello", h)
	}
	b, name := next()
	if diff := cmp.Diff(`{"id":"x"}`, string(b)); diff != "" || name != "x.json" {
		t.Errorf("download %q (-want +got):\n%s", name, diff)
	}
	// A second download of the same name is a download of its own.
	if err := chromedp.Do(ctx, chromedp.Click("#save")); err != nil {
		t.Fatal(err)
	}
	if b, name := next(); string(b) != `{"id":"x"}` || name != "x.json" {
		t.Errorf("second download = %q named %q, want the same again", b, name)
	}
	if len(console.Problems()) != 0 {
		t.Errorf("problems before the bad click: %q", console.Problems())
	}
	if err := chromedp.Do(ctx, chromedp.Click("#bad"), chromedp.Sleep(300e6)); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(console.Problems(), "\n")
	if !strings.Contains(got, "careful") || !strings.Contains(got, "exception") {
		t.Errorf("problems = %q, want the warning and the exception", got)
	}
}
