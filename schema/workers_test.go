package schema

import (
	"bytes"
	"context"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	graphql "github.com/graph-gophers/graphql-go"
)

// TestWorkersReused: requests run on a few goroutines that outlive them,
// not on a new one each: at most two per slot (one at work, one that has
// just given its slot back), whether the requests come one after another
// or many at once, and never more than the slots at once.
func TestWorkersReused(t *testing.T) {
	const slots = 2
	tests := []struct {
		name    string
		callers int
	}{
		{"one after another", 1},
		{"32 at once", 32},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkers(slots, slog.Default())
			var mu sync.Mutex
			goroutines := map[string]bool{}
			var running, most atomic.Int32
			f := func() *graphql.Response {
				n := running.Add(1)
				defer running.Add(-1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				mu.Lock()
				goroutines[goroutineID()] = true
				mu.Unlock()
				return &graphql.Response{}
			}
			var wg sync.WaitGroup
			for range tt.callers {
				wg.Go(func() {
					for range 2000 / tt.callers {
						if _, ok := w.do(context.Background(), false, false, f); !ok {
							t.Error("do() = not ok, want the answer of a context that never ends")
							return
						}
					}
				})
			}
			wg.Wait()
			if n := len(goroutines); n > 2*slots+1 {
				t.Errorf("2000 requests ran on %d goroutines, want at most %d", n, 2*slots+1)
			}
			if m := most.Load(); m > slots {
				t.Errorf("%d requests ran at once, want at most %d", m, slots)
			}
		})
	}
}

// goroutineID is the number runtime.Stack gives the calling goroutine.
func goroutineID() string {
	var buf [64]byte
	s := string(buf[:runtime.Stack(buf[:], false)])
	s = strings.TrimPrefix(s, "goroutine ")
	id, _, _ := strings.Cut(s, " ")
	return id
}

// TestWorkerPanic: a panic outside a resolver is logged and answered as an
// internal error, and its slot is given back.
func TestWorkerPanic(t *testing.T) {
	var logs bytes.Buffer
	w := newWorkers(1, slog.New(slog.NewTextHandler(&logs, nil)))
	resp, ok := w.do(context.Background(), false, false, func() *graphql.Response { panic("snapshot went wrong") })
	if !ok || len(resp.Errors) != 1 || resp.Errors[0].Message != "internal error" || resp.Errors[0].Extensions["code"] != codeInternal {
		t.Errorf("do(panic) = %+v, %v, want one internal error", resp, ok)
	}
	if !strings.Contains(logs.String(), "snapshot went wrong") || !strings.Contains(logs.String(), "workers_test.go") {
		t.Errorf("log = %q, want the panic and its stack", logs.String())
	}
	// the only slot is free again
	resp, ok = w.do(context.Background(), false, false, func() *graphql.Response { return &graphql.Response{Data: []byte(`{}`)} })
	if !ok || string(resp.Data) != `{}` {
		t.Errorf("do() after a panic = %+v, %v, want its answer", resp, ok)
	}
}

// TestWorkersContextEnds: a request whose context ends while it waits for
// a slot, or while it runs, is let go at once.
func TestWorkersContextEnds(t *testing.T) {
	w := newWorkers(1, slog.Default())
	release := make(chan struct{})
	started := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan bool)
	go func() {
		_, ok := w.do(ctx, false, false, func() *graphql.Response {
			close(started)
			<-release // ignores ctx
			return &graphql.Response{}
		})
		got <- ok
	}()
	<-started
	waiting, stopWaiting := context.WithCancel(context.Background())
	go func() {
		_, ok := w.do(waiting, false, false, func() *graphql.Response { return &graphql.Response{} })
		got <- ok
	}()
	stopWaiting()
	if ok := <-got; ok {
		t.Error("do() while the only slot is taken, context cancelled = ok, want not ok")
	}
	cancel()
	if ok := <-got; ok {
		t.Error("do() of a run whose context is cancelled = ok, want not ok")
	}
	close(release)
	// the slot comes back when the run ends
	if _, ok := w.do(context.Background(), false, false, func() *graphql.Response { return &graphql.Response{} }); !ok {
		t.Error("do() after the run ended = not ok")
	}
}
