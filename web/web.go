// Package web serves the web app of kg serve: the GraphiQL playground at /
// and the graph view at /graph.
//
// The app is a static site built from npm packages (GraphiQL, React,
// graphql-js; Cytoscape.js for the graph view) with Vite into web/ui/dist
// and embedded into the binary, so it works completely offline and makes no
// requests except to /graphql on its own origin. To build it, run from the
// repository root:
//
//	make ui            # or: cd web && npm ci && npm run build
//	go build ./cmd/kg
//
// A binary built without the UI still compiles and runs: [Handler] then
// serves a short page at / (and /graph) that explains how to build the UI.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ui holds placeholder.html and, when the UI was built, dist/.
//
//go:embed all:ui
var ui embed.FS

const (
	index       = "ui/dist/index.html"
	placeholder = "ui/placeholder.html"

	// graphPage is the URL path of the graph view, served from graph.html.
	graphPage = "/graph"

	cacheForever = "public, max-age=31536000, immutable"
	cacheNever   = "no-cache"

	// csp allows nothing but the page's own origin: the bundle inlines its
	// fonts as data: URLs, and Radix UI injects <style> elements.
	csp = "default-src 'self'; script-src 'self'; " +
		"style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
		"font-src 'self' data:; connect-src 'self'; " +
		"object-src 'none'; base-uri 'self'; form-action 'self'; " +
		"frame-ancestors 'self'"

	// minGzip is the size below which files are not worth compressing.
	minGzip = 1024
)

// Built reports whether the playground was built into this binary.
func Built() bool { return built(ui) }

func built(fsys fs.FS) bool {
	_, err := fs.Stat(fsys, index)
	return err == nil
}

// Handler returns a handler serving the web app: the playground
// (index.html) at /, the graph view (graph.html) at /graph, every built file
// at its own path and the content-hashed assets under /assets/ with
// long-lived cache headers. Without a built UI it serves a placeholder page
// at / and /graph. Other paths get 404.
// Responses are gzipped for clients that accept it.
func Handler() http.Handler { return defaultHandler() }

var defaultHandler = sync.OnceValue(func() http.Handler {
	h, err := newHandler(ui)
	if err != nil {
		// The files are embedded: this cannot happen in a correct build.
		panic(err)
	}
	return h
})

// file is a static file held in memory.
type file struct {
	ctype string // Content-Type
	data  []byte
	gz    []byte // gzipped data, or nil
	etag  string
	cache string // Cache-Control value
	csp   bool   // whether to send the Content-Security-Policy
}

type handler struct {
	files map[string]*file // by URL path
}

// newHandler serves the site in the ui/ directory of fsys.
func newHandler(fsys fs.FS) (*handler, error) {
	h := &handler{files: make(map[string]*file)}
	if !built(fsys) {
		if err := h.add(fsys, "/", placeholder, cacheNever, false); err != nil {
			return nil, err
		}
		h.files[graphPage] = h.files["/"]
		return h, nil
	}
	err := fs.WalkDir(fsys, "ui/dist", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := strings.TrimPrefix(p, "ui/dist")
		cache := cacheNever
		if strings.HasPrefix(name, "/assets/") {
			// Vite puts a content hash in the names of everything here.
			cache = cacheForever
		}
		// The pages get the Content-Security-Policy.
		return h.add(fsys, name, p, cache, path.Ext(name) == ".html")
	})
	if err != nil {
		return nil, err
	}
	h.files["/"] = h.files["/index.html"]
	if f, ok := h.files[graphPage+".html"]; ok {
		h.files[graphPage] = f
	}
	return h, nil
}

func (h *handler) add(fsys fs.FS, name, p, cache string, csp bool) error {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return fmt.Errorf("web: %w", err)
	}
	sum := sha256.Sum256(data)
	ctype := mime.TypeByExtension(path.Ext(p))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	f := &file{
		ctype: ctype,
		data:  data,
		etag:  hex.EncodeToString(sum[:16]),
		cache: cache,
		csp:   csp,
	}
	if len(data) >= minGzip {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(data)
		zw.Close()
		if b.Len() < len(data) {
			f.gz = b.Bytes()
		}
	}
	h.files[name] = f
	return nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := h.files[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	hdr := w.Header()
	hdr.Set("Cache-Control", f.cache)
	hdr.Set("X-Content-Type-Options", "nosniff")
	if f.csp {
		hdr.Set("Content-Security-Policy", csp)
	}
	data, etag := f.data, f.etag
	if f.gz != nil {
		hdr.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			data, etag = f.gz, etag+"-gz"
			hdr.Set("Content-Encoding", "gzip")
		}
	}
	hdr.Set("Content-Type", f.ctype)
	hdr.Set("ETag", `"`+etag+`"`)
	// ServeContent handles HEAD, If-None-Match and Range.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept-Encoding") {
		for c := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(c, ";")
			if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
				continue
			}
			q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
			if !ok {
				return true
			}
			f, err := strconv.ParseFloat(q, 64)
			return err == nil && f > 0
		}
	}
	return false
}
