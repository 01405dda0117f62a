package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/kg-builder/kg/graph"
)

// TestReadCache: reads share what they decoded only while the store does
// not change. After each kind of write, lookups, traversals and paths see
// the new state at once, while a snapshot taken before still sees the old.
func TestReadCache(t *testing.T) {
	ctx := context.Background()
	docs := seedDocs()
	s := mustOpen(t)
	mustAdd(t, s, docs[0])
	read := func(ctx context.Context) (graph.Entity, graph.Subgraph, []graph.Triple, error) {
		e, err := s.Entity(ctx, "Tillerson")
		if err != nil {
			return e, graph.Subgraph{}, nil, err
		}
		g, err := s.Neighborhood(ctx, "Rex Tillerson", graph.Around{Depth: 2})
		if err != nil {
			return e, g, nil, err
		}
		p, err := s.Path(ctx, "Tillerson", "United States", 3)
		return e, g, p, err
	}
	// twice: the second read is served from the cache
	for range 2 {
		e, g, p, err := read(ctx)
		if err != nil || e.Mentions != 3 || len(g.Edges) != 3 || len(p) != 2 {
			t.Fatalf("after d1: %+v, %d edges, path %v, %v", e, len(g.Edges), ids(p), err)
		}
	}
	held, end := s.Consistent(ctx)
	defer end()

	mustAdd(t, s, docs[1]) // more mentions, aliases and edges
	e, g, _, err := read(ctx)
	if err != nil || e.Mentions != 4 || len(g.Edges) != 5 {
		t.Errorf("after d2: %+v, %d edges, %v; want 4 mentions and 5 edges", e, len(g.Edges), err)
	}
	if e, err := s.Entity(ctx, "ExxonMobil"); err != nil || e.Name != "Exxon" {
		t.Errorf("a name added by d2 = %+v, %v", e, err)
	}
	if e, g, _, err := read(held); err != nil || e.Mentions != 3 || len(g.Edges) != 3 {
		t.Errorf("the snapshot from before d2: %+v, %d edges, %v; want the state after d1", e, len(g.Edges), err)
	}

	if _, err := s.MergeEntities(ctx, "Rex Tillerson", "Moscow"); err != nil {
		t.Fatal(err)
	}
	e, err = s.Entity(ctx, "Moscow")
	if err != nil || e.Name != "Rex Tillerson" || !slices.Contains(e.Aliases, "Moscow") {
		t.Errorf("after merging Moscow into Rex Tillerson, Entity(Moscow) = %+v, %v", e, err)
	}

	if _, err := s.DeleteDocument(ctx, "d2"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Entity(ctx, "ExxonMobil"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("after deleting d2, Entity(ExxonMobil) = %v, want ErrNotFound", err)
	}
	// what Each, which reads without the cache, finds
	rex, err := s.Entity(ctx, "Rex Tillerson")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	err = s.Each(ctx, func(tr graph.Triple) error {
		if tr.SubjectID == rex.ID || tr.ObjectID == rex.ID {
			want = append(want, tr.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	g, err = s.Neighborhood(ctx, "Rex Tillerson", graph.Around{Depth: 1})
	got := ids(g.Edges)
	slices.Sort(got)
	slices.Sort(want)
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("after deleting d2, the edges of Rex Tillerson = %v, %v; want %v", got, err, want)
	}
}

// The aliases an Entity returns are the caller's: changing them changes
// nothing for the next read.
func TestReadCacheCopies(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	e, err := s.Entity(ctx, "Tillerson")
	if err != nil || len(e.Aliases) == 0 {
		t.Fatal(e, err)
	}
	want := slices.Clone(e.Aliases)
	for i := range e.Aliases {
		e.Aliases[i] = "changed"
	}
	again, err := s.Entity(ctx, "Tillerson")
	if err != nil || !slices.Equal(again.Aliases, want) {
		t.Errorf("second read = %v, %v; want %v", again.Aliases, err, want)
	}
}
