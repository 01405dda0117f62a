package server_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kg-builder/kg/server"
)

// endless streams chunks until a write fails or its request ends, then
// says how it ended on ended and aborts, as export's handler does.
func endless(chunk int, pause time.Duration, ended chan<- error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		b := []byte(strings.Repeat("x", chunk-1) + "\n")
		for {
			if _, err := w.Write(b); err != nil {
				ended <- err
				panic(http.ErrAbortHandler)
			}
			http.NewResponseController(w).Flush()
			select {
			case <-r.Context().Done():
				ended <- r.Context().Err()
				panic(http.ErrAbortHandler)
			case <-time.After(pause):
			}
		}
	})
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// A client that sends its request and never reads is dropped once a write
// has made no progress for ExportIdle, and its slot is free again.
func TestExportClientStopsReading(t *testing.T) {
	const idle = 200 * time.Millisecond
	ended := make(chan error, 2)
	r := start(t, server.Options{Export: endless(64<<10, 0, ended), ExportStreams: 1, ExportIdle: idle, ExportTimeout: time.Minute})
	conn, err := net.Dial("tcp", strings.TrimPrefix(r.base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /export HTTP/1.1\r\nHost: kg\r\n\r\n") // and never read
	began := time.Now()
	select {
	case err := <-ended:
		if d := time.Since(began); !isTimeout(err) || d > 10*time.Second {
			t.Errorf("the export ended after %v with %v, want a write timeout after about %v", d, err, idle)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("an export to a client that does not read still runs after 20s, with a %v idle bound", idle)
	}
	// its slot is free: another export streams
	if status := soon(t, r.base+"/export"); status != http.StatusOK {
		t.Errorf("GET /export after the stalled one was dropped = %d, want 200", status)
	}
}

// soon gets url until it answers other than 503 (the slot of an export
// that has just ended is freed as its handler returns, just after its
// client has seen its end), for 5 seconds at most, and returns the status.
func soon(t *testing.T, url string) int {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		res, err := client.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusServiceUnavailable || time.Now().After(deadline) {
			return res.StatusCode
		}
	}
}

// A client that reads, however slowly, is cut off at ExportTimeout: the
// transfer ends incomplete, and the export's context ends.
func TestExportTimeout(t *testing.T) {
	const limit = 300 * time.Millisecond
	for _, tt := range []struct {
		name    string
		handler func(chan<- error) http.Handler
	}{
		{"writing", func(ended chan<- error) http.Handler { return endless(100, 10*time.Millisecond, ended) }},
		{"silent", func(ended chan<- error) http.Handler {
			// works without writing, until its context ends
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/plain")
				io.WriteString(w, "started\n")
				http.NewResponseController(w).Flush()
				<-r.Context().Done()
				_, err := io.WriteString(w, "late\n")
				http.NewResponseController(w).Flush()
				ended <- errors.Join(r.Context().Err(), err)
				panic(http.ErrAbortHandler)
			})
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ended := make(chan error, 1)
			r := start(t, server.Options{Export: tt.handler(ended), ExportIdle: 10 * time.Second, ExportTimeout: limit})
			began := time.Now()
			res, err := client.Get(r.base + "/export")
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(res.Body)
			res.Body.Close()
			if d := time.Since(began); err == nil || d > 5*time.Second {
				t.Errorf("GET /export with a %v limit: %d bytes, %v after %v; want an incomplete transfer", limit, len(b), err, d)
			}
			if strings.Contains(string(b), "late") {
				t.Errorf("a write after the limit went through")
			}
			select {
			case err := <-ended:
				// the deadline, or (when the write deadline, at the same
				// instant, closed the connection first) the connection's end
				if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) && !isTimeout(err) {
					t.Errorf("the export ended with %v, want its deadline", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the export goes on after its limit")
			}
		})
	}
}

// At most ExportStreams exports stream at once; one more gets 503 with
// Retry-After at once, and a slot freed serves again.
func TestExportStreams(t *testing.T) {
	release := make(chan struct{})
	held := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "begun\n")
		http.NewResponseController(w).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
		io.WriteString(w, "done\n")
	})
	r := start(t, server.Options{Export: held, ExportStreams: 2, CORSOrigins: []string{"https://app.example.com"}})
	var open []*http.Response
	for i := 0; i < 2; i++ {
		res, err := client.Get(r.base + "/export")
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != http.StatusOK {
			t.Fatalf("export %d of 2 = %d, want 200", i+1, res.StatusCode)
		}
		open = append(open, res)
	}
	res, body := request(t, "GET", r.base+"/export", map[string]string{"Origin": "https://app.example.com"})
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" ||
		!strings.HasPrefix(body, "export: 2 exports are streaming") ||
		res.Header.Get("Access-Control-Allow-Origin") != "https://app.example.com" {
		t.Errorf("a third export = %d, Retry-After %q, CORS %q, %q; want 503 with Retry-After, CORS, and why",
			res.StatusCode, res.Header.Get("Retry-After"), res.Header.Get("Access-Control-Allow-Origin"), body)
	}
	if status, _, _ := get(t, r.base+"/healthz"); status != http.StatusOK {
		t.Errorf("GET /healthz while exports are full = %d, want 200", status)
	}
	close(release)
	for _, res := range open {
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil || string(b) != "begun\ndone\n" {
			t.Errorf("a held export: %q, %v", b, err)
		}
	}
	if status := soon(t, r.base+"/export"); status != http.StatusOK {
		t.Errorf("an export once the others ended = %d, want 200", status)
	}
}
