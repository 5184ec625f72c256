// Package browsertest runs tests in a real browser: headless Chromium,
// driven through the DevTools protocol by github.com/chromedp/chromedp.
//
// [Start] gives a test a tab of its own browser, closed when the test
// ends. When no Chromium is installed the test is skipped, unless the
// environment sets WLP_REQUIRE_BROWSER=1 (as .ci/run does, after it has
// installed Debian's chromium package), when it fails instead.
// WLP_CHROMIUM names the browser's executable when it is not on PATH
// under a usual name.
//
// [Watch] records what the page writes to its console, so a test can
// insist there is nothing wrong, and [Downloads] catches the files a page
// saves, so a test can read what a user would get.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// Timeout bounds each test's time in the browser: a page that hangs fails
// its test instead of the whole run.
const Timeout = 90 * time.Second

// names are the executables Start looks for on PATH, in order.
var names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"}

// Path returns the browser's executable: WLP_CHROMIUM when set, else the
// first of the usual names on PATH, else "".
func Path() string {
	if p := os.Getenv("WLP_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// Start starts headless Chromium for t and returns the context of a new
// tab in it. The browser is stopped, and its profile folder removed, when
// t ends; every action on the context fails after Timeout.
func Start(t testing.TB) context.Context {
	t.Helper()
	path := Path()
	if path == "" {
		msg := "no Chromium found (install Debian's chromium package, or set WLP_CHROMIUM)"
		if os.Getenv("WLP_REQUIRE_BROWSER") != "" {
			t.Fatal(msg + ", and WLP_REQUIRE_BROWSER is set")
		}
		t.Skip(msg)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 900),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to run as root with its sandbox on; CI
		// containers run as root.
		opts = append(opts, chromedp.NoSandbox)
	}
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancel()
	})
	if err := chromedp.Do(tctx); err != nil {
		t.Fatalf("browsertest: starting %s: %v", path, err)
	}
	return tctx
}

// A Console holds what a page wrote to its console since [Watch].
type Console struct {
	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
}

// Watch starts recording the console messages, uncaught exceptions and
// browser log entries of ctx's tab, until ctx ends.
func Watch(ctx context.Context) *Console {
	c := &Console{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			c.mu.Lock()
			c.msgs = append(c.msgs, m)
			c.mu.Unlock()
		}
	}()
	return c
}

// Messages returns every message recorded so far, as the DevTools console
// would show them, with their type first ("error: ...").
func (c *Console) Messages() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, m := range c.msgs {
		out = append(out, string(m.Type)+": "+m.String())
	}
	return out
}

// Problems returns the recorded warnings, errors and exceptions: what a
// working page writes none of.
func (c *Console) Problems() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, m := range c.msgs {
		switch m.Type {
		case chromedp.ConsoleWarning, chromedp.ConsoleError, chromedp.ConsoleException, "assert":
			out = append(out, string(m.Type)+": "+m.String())
		}
	}
	return out
}

// Downloads makes ctx's browser save what its pages download into a new
// folder of t's, and returns a function that waits (until ctx ends) for
// the next download to complete, and returns its contents and the name
// the page suggested for it. It goes by the browser's own events, not by
// the folder: Chromium creates a file before its contents arrive, and
// gives each download a name of its own (its GUID), so two downloads of
// the same name are two files.
func Downloads(t testing.TB, ctx context.Context) func() ([]byte, string) {
	t.Helper()
	dir := t.TempDir()
	type done struct{ guid, name, path string }
	var (
		mu      sync.Mutex
		names   = map[string]string{}
		pending []done
		arrived = make(chan struct{}, 1)
	)
	err := chromedp.ListenBrowser(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *browser.EventDownloadWillBegin:
			names[ev.GUID] = ev.SuggestedFilename
		case *browser.EventDownloadProgress:
			if ev.State == browser.DownloadProgressStateCompleted {
				pending = append(pending, done{ev.GUID, names[ev.GUID], ev.FilePath})
				select {
				case arrived <- struct{}{}:
				default:
				}
			}
		}
	})
	if err != nil {
		t.Fatalf("browsertest: listening for downloads: %v", err)
	}
	enabled := true
	_, err = chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &enabled,
	})
	if err != nil {
		t.Fatalf("browsertest: allowing downloads: %v", err)
	}
	return func() ([]byte, string) {
		t.Helper()
		for {
			mu.Lock()
			if len(pending) > 0 {
				d := pending[0]
				pending = pending[1:]
				mu.Unlock()
				path := d.path
				if path == "" {
					path = filepath.Join(dir, d.guid)
				}
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("browsertest: reading the download %q: %v", d.name, err)
				}
				return b, d.name
			}
			mu.Unlock()
			select {
			case <-arrived:
			case <-ctx.Done():
				t.Fatalf("browsertest: no download arrived: %v", ctx.Err())
				return nil, ""
			}
		}
	}
}

// FileURL returns the file:// URL of path, made absolute.
func FileURL(t testing.TB, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("file://%s", filepath.ToSlash(abs))
}
