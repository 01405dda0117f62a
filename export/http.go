package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/kg-builder/kg/graph"
)

// Params are the query parameters Handler reads; any other is refused.
var Params = []string{"format", "part", "what", "around", "depth", "relation", "type", "min_confidence", "min_count",
	"document", "since", "until"}

// ParseQuery reads export options from URL query parameters: format
// (default csv), part, what (csv: edges or nodes), around, depth,
// relation and type (each repeatable), min_confidence, min_count,
// document, since, until.
func ParseQuery(q url.Values) (Options, error) {
	for k := range q {
		if !slices.Contains(Params, k) {
			return Options{}, fmt.Errorf("unknown parameter %q (known: %s): %w", k, strings.Join(Params, ", "), ErrInvalid)
		}
	}
	for _, k := range Params {
		if len(q[k]) > 1 && k != "relation" && k != "type" {
			return Options{}, fmt.Errorf("parameter %s given %d times: %w", k, len(q[k]), ErrInvalid)
		}
	}
	o := Options{Format: q.Get("format"), Part: q.Get("part")}
	if o.Format == "" {
		o.Format = "csv"
	}
	if w := q.Get("what"); w != "" {
		part, err := What(o.Format, w)
		if err != nil {
			return Options{}, err
		}
		if o.Part != "" && o.Part != part {
			return Options{}, fmt.Errorf("what=%s and part=%s disagree: %w", w, o.Part, ErrInvalid)
		}
		o.Part = part
	}
	s := &o.Selection
	s.Around = strings.TrimSpace(q.Get("around"))
	if v := q.Get("depth"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return Options{}, fmt.Errorf("depth %q: not a whole number: %w", v, ErrInvalid)
		}
		s.Depth = n
	} else if s.Around != "" {
		s.Depth = 1
	}
	s.Filter.Relations = q["relation"]
	s.Filter.Types = q["type"]
	if v := q.Get("min_confidence"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return Options{}, fmt.Errorf("min_confidence %q: not a number: %w", v, ErrInvalid)
		}
		s.Filter.MinConfidence = f
	}
	if v := q.Get("min_count"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return Options{}, fmt.Errorf("min_count %q: not a whole number: %w", v, ErrInvalid)
		}
		s.Filter.MinCount = n
	}
	s.Filter.Document = q.Get("document")
	s.Filter.Since, s.Filter.Until = q.Get("since"), q.Get("until")
	return o, o.Check()
}

// What turns csv's "edges" or "nodes" into a part name.
func What(format, what string) (string, error) {
	if format != "csv" {
		return "", fmt.Errorf("what applies to csv only (format %s): %w", format, ErrInvalid)
	}
	if what != "edges" && what != "nodes" {
		return "", fmt.Errorf("what %q: want edges or nodes: %w", what, ErrInvalid)
	}
	return what, nil
}

// Handler serves exports: GET with the query parameters ParseQuery reads.
// One file streams as it is written, with its content type and a
// Content-Disposition filename; several (neo4j's, or part=all) come as a
// zip. A request that does not parse gets 400, an entity or document that
// is not stored 404, both with a line of text saying why. An error once
// the file has started cuts the response short (the client sees an
// incomplete transfer, not a complete file) and is logged. Nothing in the
// request names a file of the server's.
func Handler(st Store, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &handler{st: st, log: log}
}

type handler struct {
	st  Store
	log *slog.Logger
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "export: use GET", http.StatusMethodNotAllowed)
		return
	}
	// r.URL.Query() would drop what it cannot parse (a bad escape, a
	// semicolon, over 10,000 parameters) and with it the filters: the
	// whole graph would go out
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		h.fail(w, r, fmt.Errorf("the query string does not parse (%v): %w", err, ErrInvalid))
		return
	}
	o, err := ParseQuery(q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	files, err := Files(o)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	name, ctype := files[0].Name, files[0].ContentType
	zipped := len(files) > 1
	if zipped {
		name, ctype = "kg-"+o.Format+".zip", "application/zip"
	}
	out := &lazy{w: w, start: func() {
		hd := w.Header()
		hd.Set("Content-Type", ctype)
		hd.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusOK)
	}}
	ctx := r.Context()
	if r.Method == http.MethodHead {
		err = h.st.Snapshot(ctx, func(sn *graph.Snapshot) error { return sn.Check(o.Selection) })
	} else if zipped {
		_, err = WriteZip(ctx, h.st, o, out)
	} else {
		_, err = WriteFiles(ctx, h.st, o, func(File) (io.Writer, error) { return out, nil })
	}
	switch {
	case err == nil:
		out.begin()
	case !out.started:
		h.fail(w, r, err)
	default:
		var ne net.Error
		switch {
		case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
			// the server's bounds: a client that stopped reading, or an
			// export that took too long
			h.log.Warn("export cut off", "query", r.URL.RawQuery, "err", err)
		case ctx.Err() == nil:
			h.log.Error("export failed midway", "query", r.URL.RawQuery, "err", err)
		}
		panic(http.ErrAbortHandler) // the client must not take a cut file for a whole one
	}
}

// fail answers an error that came before any of the file was written.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := http.StatusInternalServerError
	msg := "export: internal error"
	switch {
	case errors.Is(err, ErrInvalid) || errors.Is(err, graph.ErrInvalid):
		code, msg = http.StatusBadRequest, "export: "+strings.TrimSuffix(err.Error(), ": "+ErrInvalid.Error())
	case errors.Is(err, graph.ErrNotFound):
		code, msg = http.StatusNotFound, "export: "+strings.TrimSuffix(err.Error(), ": "+graph.ErrNotFound.Error())
	case errors.Is(err, context.DeadlineExceeded) && r.Context().Err() != nil:
		// the server's time limit on an export (server.Options.ExportTimeout)
		code, msg = http.StatusServiceUnavailable, "export: cut off: it took longer than the server allows an export"
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return // the client is gone
	default:
		h.log.Error("export failed", "query", r.URL.RawQuery, "err", err)
	}
	http.Error(w, msg, code)
}

// lazy writes the response header at the first write, so that an error
// found before then can still be a 4xx.
type lazy struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

func (l *lazy) begin() {
	if !l.started {
		l.started = true
		l.start()
	}
}

func (l *lazy) Write(p []byte) (int, error) {
	l.begin()
	return l.w.Write(p)
}
