package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
)

// changes reads the change log after seq.
func changes(t *testing.T, s *graph.Store, after uint64) (all graph.Change, last uint64) {
	t.Helper()
	err := s.Snapshot(context.Background(), func(sn *graph.Snapshot) error {
		var err error
		if last, err = sn.ChangeSeq(); err != nil {
			return err
		}
		return sn.Changes(after, func(c graph.Change) error {
			all.Entities = append(all.Entities, c.Entities...)
			all.Triples = append(all.Triples, c.Triples...)
			all.Documents = append(all.Documents, c.Documents...)
			return nil
		})
	})
	if err != nil {
		t.Fatalf("Changes(%d) = %v", after, err)
	}
	return all, last
}

// TestChangeLog: every add, delete and merge logs what it touched, in its
// own transaction, and the log names what is gone too.
func TestChangeLog(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	for _, d := range seedDocs() {
		if _, err := s.Add(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	c, seq := changes(t, s, 0)
	if seq != uint64(len(seedDocs())) || len(c.Entities) == 0 || len(c.Triples) == 0 || len(c.Documents) != len(seedDocs()) {
		t.Fatalf("after adds: seq %d, change %+v", seq, c)
	}
	n := 0
	s.Snapshot(ctx, func(sn *graph.Snapshot) error {
		return sn.Entities(func(graph.Entity) error { n++; return nil })
	})
	if n == 0 {
		t.Fatal("no entities")
	}
	doc := seedDocs()[0].ID
	if _, err := s.DeleteDocument(ctx, doc); err != nil {
		t.Fatal(err)
	}
	c, seq2 := changes(t, s, seq)
	if seq2 != seq+1 || !cmp.Equal(c.Documents, []string{doc}) || len(c.Triples) == 0 {
		t.Fatalf("after delete: seq %d, change %+v", seq2, c)
	}
	var gone int
	s.Snapshot(ctx, func(sn *graph.Snapshot) error {
		if _, err := sn.Document(doc); err == nil {
			t.Errorf("document %s still there", doc)
		}
		for _, id := range c.Triples {
			if _, err := sn.Triple(id); err != nil {
				gone++
			}
		}
		id, err := sn.StoreID()
		if err != nil || id == "" {
			t.Errorf("StoreID() = %q, %v", id, err)
		}
		return nil
	})
	if gone == 0 {
		t.Errorf("the delete removed no triple it logged: %+v", c)
	}

	// a merge logs both entities, the one merged away too, and the
	// triples it moved; a split logs the new entity
	m, err := s.MergeEntities(ctx, "Rex Tillerson", "Vladimir Putin")
	if err != nil {
		t.Fatal(err)
	}
	c, seq3 := changes(t, s, seq2)
	if seq3 != seq2+1 || !slices.Contains(c.Entities, m.Into.ID) || !slices.Contains(c.Entities, m.From.ID) || len(c.Triples) == 0 {
		t.Fatalf("after merge %s into %s: seq %d, change %+v", m.From.ID, m.Into.ID, seq3, c)
	}
	sp, err := s.SplitAlias(ctx, "Rex Tillerson", "Vladimir Putin")
	if err != nil {
		t.Fatal(err)
	}
	c, seq4 := changes(t, s, seq3)
	if seq4 != seq3+1 || !slices.Contains(c.Entities, sp.New.ID) || !slices.Contains(c.Entities, sp.From.ID) {
		t.Fatalf("after split: seq %d, change %+v", seq4, c)
	}
}
