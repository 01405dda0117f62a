package graph_test

import (
	"context"
	"sync"
	"testing"

	"github.com/kg-builder/kg/graph"
)

// TestConsistent: reads with a Consistent context see the store as it was
// when it was made, whatever is added meanwhile, also from several
// goroutines; once it ends they fail, and other reads see everything.
func TestConsistent(t *testing.T) {
	ctx := context.Background()
	docs := seedDocs()
	s := mustOpen(t)
	mustAdd(t, s, docs[0])
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	held, end := s.Consistent(ctx)
	for _, d := range docs[1:] {
		mustAdd(t, s, d)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := s.Stats(held)
			if err != nil || got != before {
				t.Errorf("Stats in the snapshot = %+v, %v; want %+v as before the adds", got, err, before)
			}
			ents, _, err := s.Entities(held, graph.EntityFilter{}, graph.Page{Limit: 1000})
			if err != nil || len(ents) != before.Entities {
				t.Errorf("Entities in the snapshot = %d, %v; want %d", len(ents), err, before.Entities)
			}
		}()
	}
	wg.Wait()
	after, err := s.Stats(ctx)
	if err != nil || after.Documents != len(docs) {
		t.Errorf("Stats outside the snapshot = %+v, %v; want %d documents", after, err, len(docs))
	}
	end()
	end() // a second call does nothing
	if _, err := s.Stats(held); err == nil {
		t.Error("Stats with an ended snapshot succeeded")
	}
}
