package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// request is one request to a handler and what to expect of the response.
type request struct {
	name     string
	method   string // GET if empty
	path     string
	header   http.Header
	status   int
	ctype    string // Content-Type prefix, if not empty
	cache    string // Cache-Control, if not empty
	encoding string // Content-Encoding
	body     string // substring of the (decoded) body, if not empty
}

func (tc request) run(t *testing.T, h http.Handler) *http.Response {
	t.Helper()
	method := tc.method
	if method == "" {
		method = http.MethodGet
	}
	req := httptest.NewRequest(method, tc.path, nil)
	for k, v := range tc.header {
		req.Header[k] = v
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	res := w.Result()
	if res.StatusCode != tc.status {
		t.Fatalf("%s %s: status %d, want %d", method, tc.path, res.StatusCode, tc.status)
	}
	if got := res.Header.Get("Content-Type"); !strings.HasPrefix(got, tc.ctype) {
		t.Errorf("%s %s: Content-Type %q, want prefix %q", method, tc.path, got, tc.ctype)
	}
	if got := res.Header.Get("Cache-Control"); tc.cache != "" && got != tc.cache {
		t.Errorf("%s %s: Cache-Control %q, want %q", method, tc.path, got, tc.cache)
	}
	if got := res.Header.Get("Content-Encoding"); got != tc.encoding {
		t.Errorf("%s %s: Content-Encoding %q, want %q", method, tc.path, got, tc.encoding)
	}
	body := w.Body.Bytes()
	if tc.encoding == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s %s: %v", method, tc.path, err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Fatalf("%s %s: %v", method, tc.path, err)
		}
	}
	if !bytes.Contains(body, []byte(tc.body)) {
		t.Errorf("%s %s: body does not contain %q:\n%.300s", method, tc.path, tc.body, body)
	}
	return res
}

const (
	builtTitle       = "<title>kg — GraphQL playground</title>"
	graphTitle       = "<title>kg — graph view</title>"
	placeholderTitle = "<title>kg — playground not built</title>"
)

// TestEmbedded checks the handler over the files really embedded: the built
// playground or the placeholder, whichever this binary has.
func TestEmbedded(t *testing.T) {
	h := Handler()
	tests := []request{
		{name: "unknown", path: "/nope", status: http.StatusNotFound},
		{name: "unknown asset", path: "/assets/nope.js", status: http.StatusNotFound},
		{name: "placeholder file", path: "/placeholder.html", status: http.StatusNotFound},
	}
	if Built() {
		tests = append(tests,
			request{name: "root", path: "/", status: http.StatusOK, ctype: "text/html", cache: cacheNever, body: builtTitle},
			request{name: "index", path: "/index.html", status: http.StatusOK, ctype: "text/html", cache: cacheNever, body: builtTitle},
			request{name: "graph", path: "/graph", status: http.StatusOK, ctype: "text/html", cache: cacheNever, body: graphTitle},
			request{name: "graph.html", path: "/graph.html", status: http.StatusOK, ctype: "text/html", cache: cacheNever, body: graphTitle},
		)
	} else {
		tests = append(tests,
			request{name: "root", path: "/", status: http.StatusOK, ctype: "text/html", cache: cacheNever, body: placeholderTitle},
			request{name: "graph", path: "/graph", status: http.StatusOK, ctype: "text/html", cache: cacheNever, body: placeholderTitle},
			request{name: "index", path: "/index.html", status: http.StatusNotFound},
		)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, h) })
	}
}

// TestEmbeddedAssets checks that every asset the built pages (the
// playground and the graph view) refer to is served with the right content
// type and cache headers.
func TestEmbeddedAssets(t *testing.T) {
	if !Built() {
		t.Skip("UI not built (cd web && npm ci && npm run build)")
	}
	h := Handler()
	for _, pg := range []struct{ path, file string }{{"/", index}, {"/graph", "ui/dist/graph.html"}} {
		t.Run(pg.path, func(t *testing.T) {
			res := request{path: pg.path, status: http.StatusOK, ctype: "text/html"}.run(t, h)
			if res.Header.Get("Content-Security-Policy") == "" {
				t.Errorf("%s has no Content-Security-Policy", pg.file)
			}
			page, err := ui.ReadFile(pg.file)
			if err != nil {
				t.Fatal(err)
			}
			refs := regexp.MustCompile(`(?:src|href)="\.?(/assets/[^"]+)"`).FindAllStringSubmatch(string(page), -1)
			seen := map[string]bool{}
			for _, m := range refs {
				p := m[1]
				var ctype string
				switch {
				case strings.HasSuffix(p, ".js"):
					ctype = "text/javascript"
				case strings.HasSuffix(p, ".css"):
					ctype = "text/css"
				default:
					continue
				}
				seen[ctype] = true
				t.Run(p, func(t *testing.T) {
					request{path: p, status: http.StatusOK, ctype: ctype, cache: cacheForever}.run(t, h)
				})
			}
			for _, ctype := range []string{"text/javascript", "text/css"} {
				if !seen[ctype] {
					t.Errorf("%s refers to no %s asset", pg.file, ctype)
				}
			}
		})
	}
}

var (
	bigJS   = "console.log(1);\n" + strings.Repeat("// padding\n", 200)
	builtFS = fstest.MapFS{
		"ui/placeholder.html":        {Data: []byte(placeholderTitle)},
		"ui/dist/index.html":         {Data: []byte(builtTitle)},
		"ui/dist/graph.html":         {Data: []byte(graphTitle)},
		"ui/dist/favicon.svg":        {Data: []byte("<svg></svg>")},
		"ui/dist/assets/index-1.js":  {Data: []byte(bigJS)},
		"ui/dist/assets/index-2.css": {Data: []byte("body{}")},
	}
	placeholderFS = fstest.MapFS{
		"ui/placeholder.html": {Data: []byte(placeholderTitle)},
	}
)

func TestHandler(t *testing.T) {
	gz := http.Header{"Accept-Encoding": {"br, gzip;q=0.8"}}
	tests := []struct {
		name string
		fsys fstest.MapFS
		reqs []request
	}{
		{
			name: "built",
			fsys: builtFS,
			reqs: []request{
				{name: "root", path: "/", status: http.StatusOK, ctype: "text/html; charset=utf-8", cache: cacheNever, body: builtTitle},
				{name: "head root", method: http.MethodHead, path: "/", status: http.StatusOK, ctype: "text/html", cache: cacheNever},
				{name: "index", path: "/index.html", status: http.StatusOK, ctype: "text/html", cache: cacheNever, body: builtTitle},
				{name: "graph", path: "/graph", status: http.StatusOK, ctype: "text/html; charset=utf-8", cache: cacheNever, body: graphTitle},
				{name: "graph.html", path: "/graph.html", status: http.StatusOK, ctype: "text/html", cache: cacheNever, body: graphTitle},
				{name: "graph slash", path: "/graph/", status: http.StatusNotFound},
				{name: "js", path: "/assets/index-1.js", status: http.StatusOK, ctype: "text/javascript", cache: cacheForever, body: "console.log(1)"},
				{name: "js gzip", path: "/assets/index-1.js", header: gz, status: http.StatusOK, ctype: "text/javascript", cache: cacheForever, encoding: "gzip", body: "console.log(1)"},
				{name: "css", path: "/assets/index-2.css", header: gz, status: http.StatusOK, ctype: "text/css", cache: cacheForever, body: "body{}"},
				{name: "svg", path: "/favicon.svg", status: http.StatusOK, ctype: "image/svg+xml", cache: cacheNever},
				{name: "unknown", path: "/nope", status: http.StatusNotFound},
				{name: "unknown asset", path: "/assets/nope.js", status: http.StatusNotFound},
				{name: "directory", path: "/assets/", status: http.StatusNotFound},
				{name: "placeholder", path: "/placeholder.html", status: http.StatusNotFound},
				{name: "post", method: http.MethodPost, path: "/", status: http.StatusMethodNotAllowed},
			},
		},
		{
			name: "placeholder",
			fsys: placeholderFS,
			reqs: []request{
				{name: "root", path: "/", status: http.StatusOK, ctype: "text/html; charset=utf-8", cache: cacheNever, body: placeholderTitle},
				{name: "index", path: "/index.html", status: http.StatusNotFound},
				{name: "graph", path: "/graph", status: http.StatusOK, ctype: "text/html; charset=utf-8", cache: cacheNever, body: placeholderTitle},
				{name: "graph.html", path: "/graph.html", status: http.StatusNotFound},
				{name: "asset", path: "/assets/index-1.js", status: http.StatusNotFound},
				{name: "unknown", path: "/nope", status: http.StatusNotFound},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := built(tt.fsys), tt.name == "built"; got != want {
				t.Errorf("built() = %v, want %v", got, want)
			}
			h, err := newHandler(tt.fsys)
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range tt.reqs {
				t.Run(tc.name, func(t *testing.T) { tc.run(t, h) })
			}
		})
	}
}

// TestCSP checks that every page, and nothing else, gets the
// Content-Security-Policy.
func TestCSP(t *testing.T) {
	h, err := newHandler(builtFS)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{"/": true, "/index.html": true, "/graph": true, "/graph.html": true, "/assets/index-1.js": false, "/favicon.svg": false} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, p, nil))
		if got := w.Result().Header.Get("Content-Security-Policy"); (got == csp) != want || (got != "" && got != csp) {
			t.Errorf("GET %s: Content-Security-Policy %q, want it: %v", p, got, want)
		}
	}
}

func TestETag(t *testing.T) {
	h, err := newHandler(builtFS)
	if err != nil {
		t.Fatal(err)
	}
	for _, enc := range []string{"", "gzip"} {
		req := httptest.NewRequest(http.MethodGet, "/assets/index-1.js", nil)
		req.Header.Set("Accept-Encoding", enc)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		etag := w.Result().Header.Get("ETag")
		if etag == "" {
			t.Fatalf("Accept-Encoding %q: no ETag", enc)
		}
		req.Header.Set("If-None-Match", etag)
		w = httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if got := w.Result().StatusCode; got != http.StatusNotModified {
			t.Errorf("Accept-Encoding %q: If-None-Match %s: status %d, want %d", enc, etag, got, http.StatusNotModified)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header []string
		want   bool
	}{
		{nil, false},
		{[]string{""}, false},
		{[]string{"gzip"}, true},
		{[]string{"GZIP"}, true},
		{[]string{"deflate, gzip, br"}, true},
		{[]string{"br", "gzip"}, true},
		{[]string{"gzip;q=0.5"}, true},
		{[]string{"gzip; q=1.0"}, true},
		{[]string{"gzip;q=0"}, false},
		{[]string{"gzip;q=0.000"}, false},
		{[]string{"br"}, false},
		{[]string{"x-gzip-ish"}, false},
		{[]string{"identity"}, false},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Header["Accept-Encoding"] = tt.header
		if got := acceptsGzip(req); got != tt.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}
