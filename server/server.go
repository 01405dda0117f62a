// Package server runs the HTTP server: the GraphQL endpoint, the playground,
// exports and a health check, with timeouts and graceful shutdown. It knows
// nothing of graphs; it serves the handlers it is given.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Options configure a Server. The zero value listens on 127.0.0.1:8080.
type Options struct {
	Addr string // listen address (default 127.0.0.1:8080)
	// GraphQL is served at /graphql. Its request's context ends Timeout
	// after the request came in, and then it must answer at once (the
	// schema's handler answers 503 TIMEOUT, even while its execution goes
	// on). It is not run under an http.TimeoutHandler, which starts a
	// goroutine per request: on two cores, growing its stack cost more
	// than a quarter of the throughput.
	GraphQL    http.Handler
	Playground http.Handler // served at / (nil: a short text page)
	// Export is served at /export (nil: not at all). An export may take
	// longer than Timeout, so Timeout does not apply to it; instead each
	// write of its response must go through within ExportIdle, so a
	// client that stops reading is dropped, and the whole export within
	// ExportTimeout, so a client that reads slowly cannot hold a snapshot
	// of the store for ever. Either cuts the response short (its handler
	// must then abort, as export's does: never a complete-looking file)
	// and ends its request's context. It gets no TimeoutHandler, which
	// would hold the whole file in memory.
	Export http.Handler
	// ExportStreams is the most exports served at once (default 2); a
	// request over it gets 503 with Retry-After at once.
	ExportStreams int
	ExportIdle    time.Duration // default 30s
	ExportTimeout time.Duration // default 10m
	Logger        *slog.Logger
	Timeout       time.Duration // time limit of a GraphQL request (default 30s)
	// CORSOrigins are the origins (scheme://host[:port], or * for any)
	// whose pages may call /graphql and /export from a browser; none by
	// default, and then no Access-Control-* header is ever sent. See
	// ParseOrigins.
	CORSOrigins []string
}

// Server is an HTTP server for the knowledge graph.
type Server struct {
	srv *http.Server
	log *slog.Logger
	ln  net.Listener
}

// New builds the server's routes.
// GCPercent and MemoryLimit are the garbage collector's settings for
// serving (runtime/debug.SetGCPercent and SetMemoryLimit), which kg serve
// applies unless GOGC or GOMEMLIMIT set them. A server allocates fast and
// keeps little (Badger's caches are off the Go heap), so the default
// (100) collects every few megabytes; each collection takes a quarter of
// the CPU and makes requests assist it. At 400, over HTTP at half load,
// entity p99 fell from 4.2 to 2.5 ms. The limit keeps the heap from
// growing past it: with GCPercent 400 the heap would grow to five times
// what is live before a collection. At 1 GiB, requests at the limits of
// the cost estimate took kg serve's peak RSS to 1.1 GiB (the heap plus
// Badger's memory off it); at 640 MiB to 750 MiB (TestServeMemory).
const (
	GCPercent   = 400
	MemoryLimit = 640 << 20
)

// The defaults of Options' export bounds.
const (
	DefaultExportStreams = 2
	DefaultExportIdle    = 30 * time.Second
	DefaultExportTimeout = 10 * time.Minute
)

// exportRetry is the Retry-After, in seconds, of an export refused for
// want of a slot.
const exportRetry = "10"

func New(o Options) *Server {
	if o.Addr == "" {
		o.Addr = "127.0.0.1:8080"
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.ExportStreams <= 0 {
		o.ExportStreams = DefaultExportStreams
	}
	if o.ExportIdle <= 0 {
		o.ExportIdle = DefaultExportIdle
	}
	if o.ExportTimeout <= 0 {
		o.ExportTimeout = DefaultExportTimeout
	}
	mux := http.NewServeMux()
	if o.GraphQL != nil {
		mux.Handle("/graphql", cors(o.CORSOrigins, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), o.Timeout)
			defer cancel()
			o.GraphQL.ServeHTTP(w, r.WithContext(ctx))
		})))
	}
	if o.Export != nil {
		mux.Handle("/export", cors(o.CORSOrigins, bounded(o, o.Export)))
	}
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	if o.Playground != nil {
		mux.Handle("/", o.Playground)
	} else {
		mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprintln(w, "kg: the GraphQL API is at /graphql")
		})
	}
	return &Server{
		log: o.Logger,
		srv: &http.Server{
			Addr:              o.Addr,
			Handler:           recoverer(o.Logger, mux),
			ReadHeaderTimeout: 10 * time.Second,
			ReadTimeout:       60 * time.Second,
			WriteTimeout:      o.Timeout + 10*time.Second,
			IdleTimeout:       120 * time.Second,
			MaxHeaderBytes:    1 << 20,
		},
	}
}

// Listen binds the address, so that a caller knows it is serving (and on
// which port, for ":0") before Serve.
func (s *Server) Listen() (net.Addr, error) {
	ln, err := net.Listen("tcp", s.srv.Addr)
	if err != nil {
		return nil, fmt.Errorf("server: listen on %s: %w", s.srv.Addr, err)
	}
	s.ln = ln
	return ln.Addr(), nil
}

// Serve serves until ctx is done, then shuts down gracefully, letting
// requests in flight finish for up to 10 seconds.
func (s *Server) Serve(ctx context.Context) error {
	if s.ln == nil {
		if _, err := s.Listen(); err != nil {
			return err
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(shut); err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", err)
	}
	return nil
}

// bounded serves an export within o's bounds: at most ExportStreams at
// once (503 over that), each write through within ExportIdle, the whole
// within ExportTimeout. The server's write timeout is lifted: before each
// write the connection's write deadline moves to ExportIdle from now (or
// to the end of ExportTimeout, if sooner), so a response may stream for
// longer while it keeps moving.
func bounded(o Options, h http.Handler) http.Handler {
	slots := make(chan struct{}, o.ExportStreams)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
		default:
			w.Header().Set("Retry-After", exportRetry)
			http.Error(w, fmt.Sprintf("export: %d exports are streaming, the most served at once: try again in a little while", o.ExportStreams),
				http.StatusServiceUnavailable)
			return
		}
		defer func() { <-slots }()
		end := time.Now().Add(o.ExportTimeout)
		ctx, cancel := context.WithDeadline(r.Context(), end)
		defer cancel()
		m := &movingDeadline{ResponseWriter: w, rc: http.NewResponseController(w), idle: o.ExportIdle, end: end}
		m.move()
		h.ServeHTTP(m, r.WithContext(ctx))
	})
}

type movingDeadline struct {
	http.ResponseWriter
	rc   *http.ResponseController
	idle time.Duration
	end  time.Time
	// streaming is set once a successful response has begun: until then,
	// and for an error, a write is the handler's answer, which may be
	// that the time is up (a 503), and the end does not bound it
	streaming, failed bool
}

// move sets the write deadline idle from now, or at end if sooner once
// the response has begun.
func (m *movingDeadline) move() {
	d := time.Now().Add(m.idle)
	if m.streaming && m.end.Before(d) {
		d = m.end
	}
	// an error means the connection cannot take deadlines (a test
	// recorder): then there is none to move
	_ = m.rc.SetWriteDeadline(d)
}

func (m *movingDeadline) Write(p []byte) (int, error) {
	m.streaming = !m.failed
	m.move()
	return m.ResponseWriter.Write(p)
}

func (m *movingDeadline) WriteHeader(code int) {
	m.failed = code >= 400
	m.move()
	m.ResponseWriter.WriteHeader(code)
}

// Flush sends what is buffered, moving the deadline as a write does.
func (m *movingDeadline) Flush() {
	m.move()
	_ = m.rc.Flush()
}

// Unwrap lets an http.ResponseController reach the connection.
func (m *movingDeadline) Unwrap() http.ResponseWriter { return m.ResponseWriter }

// recoverer turns a panic in a handler into a logged 500.
func recoverer(log *slog.Logger, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("http handler panicked", "path", r.URL.Path, "panic", v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		h.ServeHTTP(w, r)
	})
}
