package graph_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
)

// TestAddBatch: storing documents in batches gives the same store, and the
// same reports, as adding them one at a time, however the batches are cut.
func TestAddBatch(t *testing.T) {
	ctx := context.Background()
	docs := append(seedDocs(), renameDoc())
	one := mustOpen(t)
	var want []graph.Added
	for _, d := range docs {
		want = append(want, mustAdd(t, one, d))
	}
	for _, limit := range []int{1, 3, 1 << 30} {
		t.Run(fmt.Sprint("writes per transaction ", limit), func(t *testing.T) {
			defer graph.SetBatchLimits(limit, 1<<30)()
			s := mustOpen(t)
			res := s.AddBatch(ctx, append([]graph.Document(nil), docs...))
			var got []graph.Added
			for i, r := range res {
				if r.Err != nil {
					t.Fatalf("AddBatch: document %s: %v", docs[i].ID, r.Err)
				}
				got = append(got, r.Added)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("AddBatch reports differ from Add's (-Add +AddBatch):\n%s", diff)
			}
			if diff := cmp.Diff(snapshot(t, one), snapshot(t, s)); diff != "" {
				t.Errorf("AddBatch store differs from Add's (-Add +AddBatch):\n%s", diff)
			}
			verify(t, s)
		})
	}
}

// TestAddBatchMixed: a duplicate, a conflict and an invalid document in a
// batch are reported each on its own, and the rest is stored.
func TestAddBatchMixed(t *testing.T) {
	ctx := context.Background()
	docs := seedDocs()
	s := mustOpen(t)
	mustAdd(t, s, docs[0])
	conflict := docs[1]
	conflict.ID, conflict.Hash = docs[0].ID, "another text" // under a stored id
	batch := []graph.Document{docs[1], docs[0], conflict, {ID: "no hash"}, docs[1], docs[2]}
	res := s.AddBatch(ctx, batch)
	checks := []func(graph.AddResult) bool{
		func(r graph.AddResult) bool { return r.Err == nil && !r.Duplicate && r.DocumentID == docs[1].ID },
		func(r graph.AddResult) bool { return r.Err == nil && r.Duplicate && r.DocumentID == docs[0].ID },
		func(r graph.AddResult) bool { return errors.Is(r.Err, graph.ErrConflict) },
		func(r graph.AddResult) bool { return errors.Is(r.Err, graph.ErrInvalid) },
		func(r graph.AddResult) bool { return r.Err == nil && r.Duplicate && r.DocumentID == docs[1].ID },
		func(r graph.AddResult) bool { return r.Err == nil && !r.Duplicate && r.DocumentID == docs[2].ID },
	}
	for i, ok := range checks {
		if !ok(res[i]) {
			t.Errorf("AddBatch result %d = %+v", i, res[i])
		}
	}
	want := mustOpen(t)
	for _, d := range docs[:3] {
		mustAdd(t, want, d)
	}
	if diff := cmp.Diff(snapshot(t, want), snapshot(t, s)); diff != "" {
		t.Errorf("store differs (-want +got):\n%s", diff)
	}
	verify(t, s)
}

// TestAddBatchTooBig: when Badger's transaction fills up, the documents
// before are stored and the rest go on in the next one; a document too big
// for any transaction fails alone.
func TestAddBatchTooBig(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	ctx := context.Background()
	defer graph.SetBatchLimits(1<<30, 1<<30)()
	big := func(id string, triples int) graph.Document {
		d := graph.Document{ID: id, Hash: id, Entities: []graph.Entity{{Name: "Big A", Type: graph.Misc}, {Name: "Big B", Type: graph.Misc}}}
		for i := 0; i < triples; i++ {
			rel := fmt.Sprint(id, "relate", i)
			d.Triples = append(d.Triples, typed(triple("Big A", "A", rel, rel, "Big B", "B", 0.5, id, i), graph.Misc, graph.Misc))
		}
		return d
	}
	s := mustOpen(t)
	batch := []graph.Document{big("b1", 4000), big("b2", 4000), big("huge", 20000), big("b3", 4000), big("b4", 4000)}
	res := s.AddBatch(ctx, batch)
	for i, r := range res {
		if batch[i].ID == "huge" {
			if !errors.Is(r.Err, graph.ErrTooLarge) {
				t.Errorf("AddBatch(huge) = %+v, want ErrTooLarge", r)
			}
			continue
		}
		if r.Err != nil || r.Triples != 4000 {
			t.Errorf("AddBatch(%s) = %+v, want 4000 triples", batch[i].ID, r)
		}
	}
	if st := mustStats(t, s); st.Documents != 4 || st.Triples != 16000 {
		t.Errorf("Stats() = %+v, want 4 documents and 16000 triples", st)
	}
	verify(t, s)
}
