package schema_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/schema"
)

// TestMaxConcurrent: no more than MaxConcurrent requests execute at once;
// the others wait their turn, and one whose context ends while it waits
// gets TIMEOUT.
func TestMaxConcurrent(t *testing.T) {
	release := make(chan struct{})
	var running, most atomic.Int32
	g := failingGraph{stats: func(ctx context.Context) (graph.Stats, error) {
		n := running.Add(1)
		defer running.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		select {
		case <-release:
		case <-ctx.Done():
		}
		return graph.Stats{Documents: 1}, nil
	}}
	s := newSchema(t, g, schema.Options{MaxConcurrent: 2})
	done := make(chan []string, 5)
	for range 5 {
		go func() {
			r := s.Exec(context.Background(), `{ stats { documents } }`, "", nil)
			var codes []string
			for _, e := range r.Errors {
				codes = append(codes, e.Message)
			}
			done <- codes
		}()
	}
	// two run; the third, with a deadline, gives up waiting
	deadline := time.Now().Add(5 * time.Second)
	for running.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	r := s.Exec(ctx, `{ stats { documents } }`, "", nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "TIMEOUT" {
		t.Errorf("a request that waits past its deadline = %s, want a TIMEOUT error", r.Data)
	}
	close(release)
	for range 5 {
		if errs := <-done; len(errs) > 0 {
			t.Errorf("a request that waited its turn failed: %v", errs)
		}
	}
	if m := most.Load(); m != 2 {
		t.Errorf("at most %d requests ran at once, want 2", m)
	}
}
