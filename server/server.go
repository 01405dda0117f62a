// Package server runs the HTTP server: the GraphQL endpoint, the playground
// and a health check, with timeouts and graceful shutdown. It knows nothing
// of graphs; it serves the handlers it is given.
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
	Addr       string       // listen address (default 127.0.0.1:8080)
	GraphQL    http.Handler // served at /graphql
	Playground http.Handler // served at / (nil: a short text page)
	Logger     *slog.Logger
	Timeout    time.Duration // per-request handler timeout (default 30s)
	// CORSOrigins are the origins (scheme://host[:port], or * for any)
	// whose pages may call /graphql from a browser; none by default, and
	// then no Access-Control-* header is ever sent. See ParseOrigins.
	CORSOrigins []string
}

// Server is an HTTP server for the knowledge graph.
type Server struct {
	srv *http.Server
	log *slog.Logger
	ln  net.Listener
}

// New builds the server's routes.
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
	mux := http.NewServeMux()
	if o.GraphQL != nil {
		th := http.TimeoutHandler(o.GraphQL, o.Timeout, `{"errors":[{"message":"request timed out","extensions":{"code":"TIMEOUT"}}]}`)
		mux.Handle("/graphql", cors(o.CORSOrigins, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodOptions {
				// no body, nothing to time
				o.GraphQL.ServeHTTP(w, r)
				return
			}
			// the timeout reply keeps this; a normal reply sets its own
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			th.ServeHTTP(w, r)
		})))
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
