package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/kg-builder/kg/web"
)

// The browser test drives the GraphiQL playground of `kg serve --demo` in
// headless Chromium. It needs the built UI (make ui) and a Chromium binary
// (Debian: apt-get install chromium); without either it skips, unless
// KG_REQUIRE_E2E=1 (as on CI), when it fails. KG_ARTIFACTS names a folder
// for the screenshot; otherwise it goes to a temporary folder.

const (
	browserTimeout = 90 * time.Second // the whole test
	stepTimeout    = 30 * time.Second // one step in the page
)

// chromiumPaths are the browsers the test looks for on PATH, then by path.
var chromiumPaths = []string{"chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"}

func findChromium() string {
	for _, name := range chromiumPaths {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// requireE2E skips the test for the reason given, or fails it when
// KG_REQUIRE_E2E=1 says the end-to-end tests must run.
func requireE2E(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("KG_REQUIRE_E2E") == "1" {
		t.Fatalf(format+" (and KG_REQUIRE_E2E=1)", args...)
	}
	t.Skipf(format, args...)
}

// startDemoServer runs `kg serve --demo` in-process on a free port of
// 127.0.0.1 with a new store, and returns its base URL and its stderr. The
// server stops when the test ends.
func startDemoServer(t *testing.T, ctx context.Context) (string, *syncBuffer) {
	t.Helper()
	data := filepath.Join(t.TempDir(), "store")
	ctx, cancel := context.WithCancel(ctx)
	stderr := new(syncBuffer)
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--demo"}, strings.NewReader(""), io.Discard, stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("kg serve exit %d after shutdown:\n%s", code, stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Errorf("kg serve did not shut down in 15s:\n%s", stderr.String())
		}
	})
	re := regexp.MustCompile(`GraphQL (http://[0-9.:]+)/graphql`)
	for {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], stderr
		}
		select {
		case code := <-done:
			done <- code // for the cleanup
			t.Fatalf("kg serve --demo exited with %d before serving:\n%s", code, stderr.String())
		case <-ctx.Done():
			t.Fatalf("kg serve --demo did not start: %v\n%s", ctx.Err(), stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// pageLog records what the page does: every request it makes, failed loads,
// and console messages.
type pageLog struct {
	mu       sync.Mutex
	requests []string // method and URL, shortened
	urls     []string
	byID     map[network.RequestID]string // URL, shortened
	failed   []string
	console  []string
}

// short shortens long URLs (data: URLs of fonts) for the messages.
func short(s string) string {
	if len(s) > 120 {
		return s[:100] + fmt.Sprintf("… (%d bytes)", len(s))
	}
	return s
}

func (l *pageLog) add(list *[]string, s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	*list = append(*list, s)
}

func (l *pageLog) get(list *[]string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(*list)
}

// browser is one test's page in headless Chromium, with what is needed to
// explain a failure.
type browser struct {
	t      *testing.T
	ctx    context.Context // the tab
	log    *pageLog
	chrome *syncBuffer // Chromium's stdout and stderr
	cdp    *syncBuffer // chromedp's log and errors
	server *syncBuffer // kg serve's stderr
}

// fail ends the test with the step that failed and what the page showed.
func (b *browser) fail(step string, err error) {
	b.t.Helper()
	var d strings.Builder
	fmt.Fprintf(&d, "%s: %v", step, err)
	if b.ctx.Err() == nil {
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
			const r = document.querySelector('.graphiql-response');
			return location.href + '\n--- response pane:\n' + (r ? r.innerText.slice(0, 1500) : '(none)') +
				'\n--- page text:\n' + (document.body ? document.body.innerText.slice(0, 2000) : '(no body)');
		})()`))
		cancel()
		if err == nil {
			fmt.Fprintf(&d, "\n--- page: %s", text)
		}
	}
	fmt.Fprintf(&d, "\n--- requests:\n%s", strings.Join(b.log.get(&b.log.requests), "\n"))
	if f := b.log.get(&b.log.failed); len(f) > 0 {
		fmt.Fprintf(&d, "\n--- failed loads:\n%s", strings.Join(f, "\n"))
	}
	fmt.Fprintf(&d, "\n--- console:\n%s", strings.Join(b.log.get(&b.log.console), "\n"))
	if s := b.cdp.String(); s != "" {
		fmt.Fprintf(&d, "\n--- chromedp (tail):\n%s", tail(s, 2000))
	}
	fmt.Fprintf(&d, "\n--- chromium output (tail):\n%s", tail(b.chrome.String(), 2000))
	fmt.Fprintf(&d, "\n--- kg serve stderr (tail):\n%s", tail(b.server.String(), 2000))
	b.t.Fatal(d.String())
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// do runs one step of actions in the page, with a time limit.
func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.fail(step, err)
	}
}

// runStep runs one action that returns a value, with a time limit.
func runStep[T any](b *browser, step string, action chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		b.fail(step, err)
	}
	return v
}

// poll waits until the JavaScript expression is truthy and returns its value.
func poll[T any](b *browser, step, expr string) T {
	b.t.Helper()
	return runStep(b, step, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(stepTimeout), chromedp.WithPollingInterval(50*time.Millisecond)))
}

// newBrowser starts headless Chromium with a new profile and a blank tab
// whose requests and console it records. The caller defers the function it
// returns, which closes the browser.
func newBrowser(t *testing.T, ctx context.Context, chrome string, serverErr *syncBuffer) (*browser, func()) {
	t.Helper()
	// The flags keep Chromium from talking to anything but the test server:
	// without the background-networking ones it phones home at start.
	profile := t.TempDir() // removed after the browser is gone (cleanups run last)
	chromeOut := new(syncBuffer)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, 900),
		chromedp.CombinedOutput(chromeOut),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(ctx, opts...)
	cdpLog := new(syncBuffer)
	logf := func(format string, args ...any) { fmt.Fprintf(cdpLog, format+"\n", args...) }
	tabCtx, tabCancel := chromedp.NewContext(allocCtx, chromedp.WithLogf(logf), chromedp.WithErrorf(logf))
	closeBrowser := func() {
		// Close the browser gracefully, then the allocator kills what is
		// left and waits for the process to exit.
		if err := chromedp.Cancel(tabCtx); err != nil && ctx.Err() == nil {
			t.Logf("closing Chromium: %v", err)
		}
		tabCancel()
		allocCancel()
	}

	b := &browser{t: t, ctx: tabCtx, log: &pageLog{byID: map[network.RequestID]string{}}, chrome: chromeOut, cdp: cdpLog, server: serverErr}
	// The first run starts the browser, for the lifetime of the context it
	// gets: tabCtx, not a step's shorter one.
	started := false
	defer func() {
		if !started { // b.fail ended the test
			closeBrowser()
		}
	}()
	if err := chromedp.Do(tabCtx); err != nil {
		b.fail("start Chromium", err)
	}
	version := runStep(b, "read the user agent", chromedp.Evaluate[string](`navigator.userAgent`))
	t.Logf("Chromium %s: %s", chrome, version)

	// Record every request of the page, and its console.
	if err := chromedp.Listen(tabCtx, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.log.mu.Lock()
			b.log.byID[ev.RequestID] = short(ev.Request.URL)
			b.log.mu.Unlock()
			b.log.add(&b.log.requests, ev.Request.Method+" "+short(ev.Request.URL))
			b.log.add(&b.log.urls, ev.Request.URL)
		case *network.EventLoadingFailed:
			b.log.mu.Lock()
			u := b.log.byID[ev.RequestID]
			b.log.mu.Unlock()
			b.log.add(&b.log.failed, fmt.Sprintf("%s: %s %s (blocked: %q)", u, ev.Type, ev.ErrorText, ev.BlockedReason))
		}
	}); err != nil {
		b.fail("listen to the page's events", err)
	}
	messages := chromedp.Console(tabCtx) // subscribes now, before the page loads
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			s := m.String()
			if m.URL != "" {
				s += fmt.Sprintf(" (%s:%d)", m.URL, m.Line+1)
			}
			b.log.add(&b.log.console, s)
		}
	}()
	if _, err := chromedp.Call(tabCtx, network.Enable, network.EnableParams{}); err != nil {
		b.fail("enable the network domain", err)
	}
	started = true
	return b, closeBrowser
}

// openDemo starts `kg serve --demo` and headless Chromium for a browser
// test, both stopped when the test ends, or skips the test (fails it, with
// KG_REQUIRE_E2E=1) when the UI is not built or there is no Chromium. It
// returns the browser, the server's base URL and its host:port.
func openDemo(t *testing.T) (b *browser, base, host string) {
	t.Helper()
	if !web.Built() {
		requireE2E(t, "the web UI is not built into this test binary: run `make ui` first")
	}
	chrome := findChromium()
	if chrome == "" {
		requireE2E(t, "no Chromium found (looked for %s): install Debian's chromium package", strings.Join(chromiumPaths, ", "))
	}
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	t.Cleanup(cancel)
	base, serverErr := startDemoServer(t, ctx)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	b, closeBrowser := newBrowser(t, ctx, chrome, serverErr)
	t.Cleanup(closeBrowser)
	return b, base, u.Host
}

// TestBrowserPlayground loads the playground of `kg serve --demo` in
// headless Chromium, runs the default query and checks the result, the docs
// explorer, the variables and history panes, and that the page fetches
// nothing from another host.
func TestBrowserPlayground(t *testing.T) {
	start := time.Now()
	b, base, host := openDemo(t)

	// Load the page and wait for the query editor to hold the default query.
	b.do("load "+base+"/", chromedp.Navigate(base+"/"))
	if title := runStep(b, "read the title", chromedp.Title()); !strings.Contains(title, "playground") {
		b.fail("check the title", fmt.Errorf("title %q: not the built playground", title))
	}
	query := poll[string](b, "wait for the query editor", `(() => {
		const cm = document.querySelector('.graphiql-query-editor .CodeMirror');
		return cm && cm.CodeMirror && cm.CodeMirror.getValue();
	})()`)
	if !strings.Contains(query, "{") {
		b.fail("check the query editor", fmt.Errorf("it holds no query: %q", query))
	}

	// The docs explorer lists the root types once the introspection query
	// has loaded the schema: then GraphiQL is ready.
	b.do("open the docs explorer", chromedp.Click(chromedp.CSS(`.graphiql-sidebar button[aria-label="Show Documentation Explorer"]`)))
	poll[bool](b, "wait for the schema (the docs explorer's root types)", `(() => {
		return [...document.querySelectorAll('.graphiql-doc-explorer-root-type')].some(e => e.textContent === 'query');
	})()`)

	// Run the query: the execute button (with several operations it is a
	// menu; then take the first).
	b.do("click the execute button", chromedp.Click(chromedp.CSS(`.graphiql-execute-button`)))
	type response struct {
		Text    string `json:"text"`    // the response editor's content
		Visible string `json:"visible"` // what the pane shows
	}
	res := poll[response](b, "wait for the response", `(() => {
		const item = document.querySelector('[role="menu"] [role="menuitem"]');
		if (item) { item.click(); return false; }
		const pane = document.querySelector('.graphiql-response');
		if (!pane || pane.querySelector('.graphiql-spinner')) return false;
		const cm = pane.querySelector('.CodeMirror');
		const text = cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';
		return text.trim() ? {text, visible: pane.innerText} : false;
	})()`)
	switch {
	case !json.Valid([]byte(res.Text)):
		b.fail("check the response", fmt.Errorf("not JSON:\n%s", res.Text))
	case !strings.Contains(res.Text, `"data"`) || !strings.Contains(res.Text, "Kestilä"):
		b.fail("check the response", fmt.Errorf("want \"data\" and Kestilä in it:\n%s", res.Text))
	case strings.Contains(res.Text, `"errors"`):
		b.fail("check the response", fmt.Errorf("it has errors:\n%s", res.Text))
	case !strings.Contains(res.Visible, `"data"`):
		b.fail("check the response pane", fmt.Errorf("the pane does not show the response; it shows:\n%s", res.Visible))
	}

	// The docs explorer knows the schema: Query and its fields.
	b.do("open the Query type in the docs explorer", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.graphiql-doc-explorer-root-type')]
		.find(e => e.textContent === 'query')?.parentElement.querySelector('a.graphiql-doc-explorer-type-name')`)))
	fields := poll[[]string](b, "wait for the fields of Query", `(() => {
		const names = [...document.querySelectorAll('.graphiql-doc-explorer-content .graphiql-doc-explorer-field-name')].map(e => e.textContent);
		return names.length > 0 && names;
	})()`)
	for _, want := range []string{"entity", "neighborhood"} {
		if !slices.Contains(fields, want) {
			b.fail("check the fields of Query in the docs explorer", fmt.Errorf("no %s among %v", want, fields))
		}
	}

	// The variables editor opens.
	b.do("open the variables editor",
		chromedp.Click(chromedp.CSS(`.graphiql-editor-tools button[data-name="variables"]`)),
		chromedp.WaitVisible(chromedp.CSS(`section.graphiql-editor-tool[aria-label="Variables"] .graphiql-editor:not(.hidden) .CodeMirror`)),
	)

	shot := runStep(b, "take a screenshot", chromedp.CaptureScreenshot())
	dir := os.Getenv("KG_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shotPath := filepath.Join(dir, "playground.png")
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := checkScreenshot(shot); err != nil {
		b.fail("check the screenshot "+shotPath, err)
	}
	t.Logf("screenshot: %s (%d bytes)", shotPath, len(shot))

	// The history pane opens and holds the query just run.
	b.do("open the history pane",
		chromedp.Click(chromedp.CSS(`.graphiql-sidebar button[aria-label="Show History"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.graphiql-history`)),
	)
	poll[bool](b, "wait for the query in the history", `document.querySelectorAll('.graphiql-history-item').length > 0`)

	b.checkOffline(host)
	t.Logf("%d requests, all to %s; %d console messages; %.1fs", len(b.log.get(&b.log.urls)), host, len(b.log.get(&b.log.console)), time.Since(start).Seconds())
	for _, m := range b.log.get(&b.log.console) {
		t.Logf("console: %s", m)
	}
}

// checkOffline fails the test if the page made a request to another host
// than host, made none to /graphql, broke its Content-Security-Policy or
// threw an exception.
func (b *browser) checkOffline(host string) {
	b.t.Helper()
	// Nothing came from elsewhere.
	var foreign []string
	graphql := false
	for _, raw := range b.log.get(&b.log.urls) {
		r, err := url.Parse(raw)
		switch {
		case err == nil && (r.Scheme == "data" || r.Scheme == "blob" || r.Scheme == "about"):
		case err == nil && (r.Scheme == "http" || r.Scheme == "https") && r.Host == host:
			graphql = graphql || r.Path == "/graphql"
		default:
			foreign = append(foreign, raw)
		}
	}
	if len(foreign) > 0 {
		b.fail("check the page's requests", fmt.Errorf("requests to other hosts than %s:\n%s", host, strings.Join(foreign, "\n")))
	}
	if !graphql {
		b.fail("check the page's requests", fmt.Errorf("no request to /graphql was recorded"))
	}
	// A request the Content-Security-Policy stopped never reaches the
	// network, but the console tells; and the page throws no exceptions.
	var bad []string
	for _, m := range b.log.get(&b.log.console) {
		if strings.Contains(m, "Content Security Policy") || strings.HasPrefix(m, string(chromedp.ConsoleException)+":") {
			bad = append(bad, m)
		}
	}
	if len(bad) > 0 {
		b.fail("check the console", fmt.Errorf("Content-Security-Policy violations or exceptions:\n%s", strings.Join(bad, "\n")))
	}
}

// checkScreenshot reports whether the PNG looks like a rendered page rather
// than a blank one.
func checkScreenshot(shot []byte) error {
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		return fmt.Errorf("not a PNG: %w", err)
	}
	bounds := img.Bounds()
	if bounds.Dx() < 800 || bounds.Dy() < 500 {
		return fmt.Errorf("%dx%d pixels: too small", bounds.Dx(), bounds.Dy())
	}
	colors := map[uint32]bool{}
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 3 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 3 {
			r, g, b, _ := img.At(x, y).RGBA()
			colors[r>>8<<16|g>>8<<8|b>>8] = true
		}
	}
	if len(colors) < 32 {
		return fmt.Errorf("only %d colors: a blank page?", len(colors))
	}
	return nil
}
