package server_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-builder/kg/server"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// running is a server serving in the background.
type running struct {
	base   string // http://host:port
	cancel context.CancelFunc
	done   chan error // Serve's result
	logs   *syncBuffer
}

// start serves o on a free port until the test ends.
func start(t *testing.T, o server.Options) *running {
	t.Helper()
	if o.Addr == "" {
		o.Addr = "127.0.0.1:0"
	}
	logs := &syncBuffer{}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(logs, nil))
	}
	srv := server.New(o)
	addr, err := srv.Listen()
	if err != nil {
		t.Fatalf("Listen() error: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{base: "http://" + addr.String(), cancel: cancel, done: make(chan error, 1), logs: logs}
	go func() { r.done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-r.done:
			if err != nil {
				t.Errorf("Serve() = %v, want nil", err)
			}
		case <-time.After(15 * time.Second):
			t.Errorf("Serve did not return after cancel")
		}
	})
	return r
}

// client has short timeouts, so that a hung server fails the test.
var client = &http.Client{Timeout: 10 * time.Second}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	res, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", url, err)
	}
	return res.StatusCode, res.Header, string(b)
}

// text answers every request with a fixed body, saying which handler it is.
func text(body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, body+" "+r.Method+" "+r.URL.Path)
	})
}

func TestRoutes(t *testing.T) {
	r := start(t, server.Options{GraphQL: text("graphql"), Playground: text("playground")})
	tests := []struct {
		path       string
		wantStatus int
		wantBody   string
		wantType   string
	}{
		{path: "/healthz", wantStatus: http.StatusOK, wantBody: "ok\n", wantType: "text/plain; charset=utf-8"},
		{path: "/graphql", wantStatus: http.StatusOK, wantBody: "graphql GET /graphql"},
		{path: "/graphql?query={stats{documents}}", wantStatus: http.StatusOK, wantBody: "graphql GET /graphql"},
		{path: "/", wantStatus: http.StatusOK, wantBody: "playground GET /"},
		{path: "/assets/app.js", wantStatus: http.StatusOK, wantBody: "playground GET /assets/app.js"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, h, body := get(t, r.base+tt.path)
			if status != tt.wantStatus || body != tt.wantBody {
				t.Errorf("GET %s = %d %q, want %d %q", tt.path, status, body, tt.wantStatus, tt.wantBody)
			}
			if tt.wantType != "" && h.Get("Content-Type") != tt.wantType {
				t.Errorf("GET %s: Content-Type = %q, want %q", tt.path, h.Get("Content-Type"), tt.wantType)
			}
		})
	}

	// a POST reaches the GraphQL handler with its body
	echo := start(t, server.Options{GraphQL: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	})})
	const body = `{"query":"{ stats { documents } }"}`
	res, err := client.Post(echo.base+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	got, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || string(got) != body {
		t.Errorf("POST /graphql = %d %q, want 200 %q", res.StatusCode, got, body)
	}
}

func TestNilHandlers(t *testing.T) {
	r := start(t, server.Options{})
	if status, _, body := get(t, r.base+"/healthz"); status != http.StatusOK || body != "ok\n" {
		t.Errorf("GET /healthz = %d %q, want 200 %q", status, body, "ok\n")
	}
	if status, _, _ := get(t, r.base+"/graphql"); status != http.StatusNotFound {
		t.Errorf("GET /graphql without a GraphQL handler = %d, want 404", status)
	}
	if status, _, body := get(t, r.base+"/"); status != http.StatusOK || body == "" {
		t.Errorf("GET / without a Playground = %d %q, want 200 and a short text page", status, body)
	}
}

func TestPanicRecovered(t *testing.T) {
	boom := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("handler exploded") })
	r := start(t, server.Options{GraphQL: boom, Playground: boom})
	for _, path := range []string{"/graphql", "/", "/graphql"} {
		status, _, body := get(t, r.base+path)
		if status != http.StatusInternalServerError {
			t.Errorf("GET %s with a panicking handler = %d %q, want 500", path, status, body)
		}
		if strings.Contains(body, "exploded") {
			t.Errorf("GET %s = %q, leaks the panic", path, body)
		}
		// and the server keeps serving
		if status, _, body := get(t, r.base+"/healthz"); status != http.StatusOK || body != "ok\n" {
			t.Errorf("GET /healthz after a panic = %d %q, want 200 %q", status, body, "ok\n")
		}
	}
	if logs := r.logs.String(); !strings.Contains(logs, "handler exploded") {
		t.Errorf("log = %q, want the panic value", logs)
	}
}

// TestAbortHandler: http.ErrAbortHandler is not a failure to log and answer
// with 500: the connection is dropped.
func TestAbortHandler(t *testing.T) {
	r := start(t, server.Options{Playground: http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(http.ErrAbortHandler)
	})})
	res, err := client.Get(r.base + "/")
	if err == nil {
		res.Body.Close()
		t.Errorf("GET / with an aborting handler = %d, want the connection dropped", res.StatusCode)
	}
	if status, _, _ := get(t, r.base+"/healthz"); status != http.StatusOK {
		t.Errorf("GET /healthz after an abort = %d, want 200", status)
	}
	if logs := r.logs.String(); strings.Contains(logs, "panicked") {
		t.Errorf("log = %q, want no panic logged for ErrAbortHandler", logs)
	}
}

// TestTimeout: the GraphQL handler's request ends Timeout after it came in
// (the handler answers then: the server does not answer for it).
func TestTimeout(t *testing.T) {
	const limit = 50 * time.Millisecond
	type seen struct {
		arrived, deadline time.Time
		hasDeadline       bool
	}
	got := make(chan seen, 1)
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s := seen{arrived: time.Now()}
		s.deadline, s.hasDeadline = r.Context().Deadline()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		got <- s
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	r := start(t, server.Options{GraphQL: slow, Timeout: limit})
	began := time.Now()
	resp, err := http.Get(r.base + "/graphql")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("GET /graphql = %d, want the handler's 503", resp.StatusCode)
	}
	if d := time.Since(began); d > 5*time.Second {
		t.Errorf("GET /graphql took %v, want about the %v Timeout", d, limit)
	}
	s := <-got
	if d := s.deadline.Sub(s.arrived); !s.hasDeadline || d > limit || d < limit-20*time.Millisecond {
		t.Errorf("the handler's request ends %v after it came in (deadline set: %v), want %v", d, s.hasDeadline, limit)
	}
}

func TestShutdown(t *testing.T) {
	srv := server.New(server.Options{Addr: "127.0.0.1:0", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	addr, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	if status, _, _ := get(t, "http://"+addr.String()+"/healthz"); status != http.StatusOK {
		t.Fatalf("GET /healthz = %d, want 200", status)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve() after cancel = %v, want nil", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Serve did not return within 3s of cancel")
	}
	if c, err := net.DialTimeout("tcp", addr.String(), time.Second); err == nil {
		c.Close()
		t.Errorf("Dial %s after shutdown succeeded, want the listener closed", addr)
	}
}

// TestShutdownWaitsForRequests: a request in flight when ctx is cancelled
// completes; new connections are refused meanwhile.
func TestShutdownWaitsForRequests(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "done")
	})
	srv := server.New(server.Options{Addr: "127.0.0.1:0", GraphQL: slow, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	addr, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()

	type result struct {
		status int
		body   string
		err    error
	}
	resc := make(chan result, 1)
	go func() {
		res, err := client.Get("http://" + addr.String() + "/graphql")
		if err != nil {
			resc <- result{err: err}
			return
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		resc <- result{res.StatusCode, string(b), err}
	}()
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("the request never reached the handler")
	}
	cancel()

	// Serve waits for the request...
	select {
	case err := <-done:
		t.Fatalf("Serve() = %v with a request in flight, want it to wait", err)
	case <-time.After(200 * time.Millisecond):
	}
	// ...while refusing new connections.
	refused := false
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", addr.String(), time.Second)
		if err != nil {
			refused = true
			break
		}
		c.Close()
	}
	if !refused {
		t.Errorf("Dial %s during shutdown kept succeeding, want the listener closed", addr)
	}

	close(release)
	select {
	case r := <-resc:
		if r.err != nil || r.status != http.StatusOK || r.body != "done" {
			t.Errorf("in-flight GET /graphql = %d %q, %v; want 200 %q", r.status, r.body, r.err, "done")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the in-flight request did not complete")
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve() = %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after the in-flight request completed")
	}
}

func TestListenInUse(t *testing.T) {
	r := start(t, server.Options{})
	addr := strings.TrimPrefix(r.base, "http://")

	_, err := server.New(server.Options{Addr: addr}).Listen()
	if err == nil {
		t.Fatalf("Listen() on %s, in use, = nil error", addr)
	}
	if !strings.Contains(err.Error(), addr) {
		t.Errorf("Listen() error = %q, want it to name %s", err, addr)
	}

	// Serve without Listen binds itself, and fails the same way.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := server.New(server.Options{Addr: addr}).Serve(ctx); err == nil {
		t.Errorf("Serve() on %s, in use, = nil, want an error", addr)
	}

	// The first server is unharmed.
	if status, _, _ := get(t, r.base+"/healthz"); status != http.StatusOK {
		t.Errorf("GET /healthz = %d, want 200", status)
	}
}

func TestListenBadAddress(t *testing.T) {
	if _, err := server.New(server.Options{Addr: "127.0.0.1:notaport"}).Listen(); err == nil {
		t.Error(`Listen() on "127.0.0.1:notaport" = nil error, want one`)
	}
}

// TestServeWithoutListen: Serve listens itself when Listen was not called.
func TestServeWithoutListen(t *testing.T) {
	// find a free port, then give it back
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- server.New(server.Options{Addr: addr, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Serve(ctx)
	}()
	var status int
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		res, err := client.Get("http://" + addr + "/healthz")
		if err == nil {
			status = res.StatusCode
			res.Body.Close()
			break
		}
	}
	if status != http.StatusOK {
		t.Errorf("GET /healthz = %d, want 200", status)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve() = %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
}
