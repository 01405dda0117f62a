package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
)

// streamed runs Edges and Nodes of one snapshot for sel.
func streamed(t *testing.T, s *graph.Store, sel graph.Selection) (edges, nodes []string, err error) {
	t.Helper()
	edges, nodes = []string{}, []string{}
	err = s.Snapshot(context.Background(), func(sn *graph.Snapshot) error {
		if err := sn.Edges(sel, func(tr graph.Triple) error {
			edges = append(edges, tr.ID)
			return nil
		}); err != nil {
			return err
		}
		return sn.Nodes(sel, func(e graph.Entity) error {
			nodes = append(nodes, e.ID)
			return nil
		})
	})
	return edges, nodes, err
}

// The seed store (see seedDocs), with the ids the stream uses:
//
//	E1 Rex Tillerson  E2 Vladimir Putin  E3 Moscow  E4 United States  E5 Exxon  E6 oil
//	T1 E1 meet E2 (d1, d2)  T2 E1 visit E3 (d1)  T3 E2 criticize E4 (d1)  T4 E1 lead E5 (d2)
//	T5 E1 meet E2, negated (d2)  T6 E5 sell E6 (d3)  T7 E1 may meet E2 (d3)
func TestSnapshotSelection(t *testing.T) {
	s := seeded(t)
	f := func(ef graph.EdgeFilter) graph.Selection { return graph.Selection{Filter: ef} }
	tests := []struct {
		name         string
		sel          graph.Selection
		edges, nodes []string
	}{
		{"whole graph, in id order", graph.Selection{}, []string{"T1", "T2", "T3", "T4", "T5", "T6", "T7"},
			[]string{"E1", "E2", "E3", "E4", "E5", "E6"}},
		{"relations, by name, then in index order", f(graph.EdgeFilter{Relations: []string{"visit", " Meet "}}),
			[]string{"T1", "T7", "T5", "T2"}, []string{"E1", "E2", "E3"}},
		{"types: both ends", f(graph.EdgeFilter{Types: []string{"PERSON", "place"}}),
			[]string{"T1", "T2", "T3", "T5", "T7"}, []string{"E1", "E2", "E3", "E4"}},
		{"one type", f(graph.EdgeFilter{Types: []string{"ORG"}}), []string{}, []string{}},
		{"min confidence", f(graph.EdgeFilter{MinConfidence: 0.7}), []string{"T1", "T2", "T4"}, []string{"E1", "E2", "E3", "E5"}},
		{"min count", f(graph.EdgeFilter{MinCount: 2}), []string{"T1"}, []string{"E1", "E2"}},
		{"document", f(graph.EdgeFilter{Document: "d2"}), []string{"T1", "T4", "T5"}, []string{"E1", "E2", "E5"}},
		{"document and relation", f(graph.EdgeFilter{Document: "d2", Relations: []string{"lead"}}), []string{"T4"}, []string{"E1", "E5"}},
		{"since", f(graph.EdgeFilter{Since: "2017-05"}), []string{"T1", "T4", "T5"}, []string{"E1", "E2", "E5"}},
		{"around, depth 0", graph.Selection{Around: "Tillerson"}, []string{}, []string{"E1"}},
		// around an entity: entity by entity as reached, each one's edges
		// in index order (by relation, then the other end)
		{"around, depth 1", graph.Selection{Around: "Tillerson", Depth: 1},
			[]string{"T4", "T1", "T7", "T5", "T2"}, []string{"E1", "E2", "E3", "E5"}},
		{"around, depth 2", graph.Selection{Around: "E1", Depth: 2},
			[]string{"T4", "T1", "T7", "T5", "T2", "T6", "T3"}, []string{"E1", "E2", "E3", "E4", "E5", "E6"}},
		{"around the far end", graph.Selection{Around: "oil", Depth: 2}, []string{"T6", "T4"}, []string{"E1", "E5", "E6"}},
		{"around, types reached", graph.Selection{Around: "Putin", Depth: 3, Filter: graph.EdgeFilter{Types: []string{"PLACE"}}},
			[]string{"T3"}, []string{"E2", "E4"}},
		{"around, a relation", graph.Selection{Around: "Putin", Depth: 3, Filter: graph.EdgeFilter{Relations: []string{"meet", "visit"}}},
			[]string{"T1", "T7", "T5", "T2"}, []string{"E1", "E2", "E3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edges, nodes, err := streamed(t, s, tt.sel)
			if err != nil {
				t.Fatalf("stream(%+v) = %v", tt.sel, err)
			}
			if diff := cmp.Diff(tt.edges, edges); diff != "" {
				t.Errorf("Edges(%+v) (-want +got):\n%s", tt.sel, diff)
			}
			if diff := cmp.Diff(tt.nodes, nodes); diff != "" {
				t.Errorf("Nodes(%+v) (-want +got):\n%s", tt.sel, diff)
			}
		})
	}
}

// Around an entity the stream holds what Neighborhood returns, without
// its limit.
func TestSnapshotAroundIsNeighborhood(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	for _, name := range []string{"Tillerson", "Putin", "Moscow", "Exxon", "oil", "United States"} {
		for depth := 0; depth <= 3; depth++ {
			for _, ef := range []graph.EdgeFilter{{}, {MinConfidence: 0.6}, {Relations: []string{"meet", "sell"}}, {Document: "d2"}} {
				g, err := s.Neighborhood(ctx, name, graph.Around{Depth: depth, Filter: ef, Limit: 1 << 20})
				if err != nil {
					t.Fatal(err)
				}
				edges, nodes, err := streamed(t, s, graph.Selection{Around: name, Depth: depth, Filter: ef})
				if err != nil {
					t.Fatal(err)
				}
				wantNodes := []string{}
				for _, e := range g.Nodes {
					wantNodes = append(wantNodes, e.ID)
				}
				slices.Sort(wantNodes)
				wantEdges := ids(g.Edges)
				slices.Sort(wantEdges)
				slices.Sort(edges)
				if !slices.Equal(wantEdges, edges) || !slices.Equal(wantNodes, nodes) {
					t.Errorf("around %s, depth %d, %+v: edges %v nodes %v; Neighborhood has %v, %v", name, depth, ef, edges, nodes, wantEdges, wantNodes)
				}
			}
		}
	}
}

func TestSnapshotEdgeOnce(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	// Merging Putin into Tillerson leaves loops: T1, T5 and T7 go from E1 to itself.
	if _, err := s.MergeEntities(ctx, "Tillerson", "Putin"); err != nil {
		t.Fatal(err)
	}
	all, _, err := streamed(t, s, graph.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	for depth := 1; depth <= 3; depth++ {
		edges, _, err := streamed(t, s, graph.Selection{Around: "Tillerson", Depth: depth})
		if err != nil {
			t.Fatal(err)
		}
		sorted := slices.Sorted(slices.Values(edges))
		if !slices.Equal(sorted, slices.Compact(slices.Clone(sorted))) {
			t.Errorf("depth %d: an edge twice: %v", depth, edges)
		}
		if depth == 3 && !slices.Equal(sorted, slices.Sorted(slices.Values(all))) {
			t.Errorf("depth 3 = %v, want every edge %v", sorted, all)
		}
	}
}

func TestSnapshotNotFound(t *testing.T) {
	s := seeded(t)
	for _, sel := range []graph.Selection{
		{Around: "Nobody", Depth: 1},
		{Around: "E99", Depth: 1},
		{Filter: graph.EdgeFilter{Document: "nope"}},
	} {
		_, _, err := streamed(t, s, sel)
		if !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("stream(%+v) = %v, want ErrNotFound", sel, err)
		}
	}
}

func TestSnapshotEntitiesSourcesDocuments(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	mustAdd(t, s, graph.Document{ID: "d4", Hash: "h4", Entities: []graph.Entity{{Name: "Alone", Type: graph.Person, Mentions: 1}}})
	var all, ends, docs []string
	var sources, evidence [][]string
	err := s.Snapshot(ctx, func(sn *graph.Snapshot) error {
		if err := sn.Entities(func(e graph.Entity) error { all = append(all, e.Name); return nil }); err != nil {
			return err
		}
		if err := sn.Nodes(graph.Selection{}, func(e graph.Entity) error { ends = append(ends, e.Name); return nil }); err != nil {
			return err
		}
		for _, id := range []string{"T1", "T6"} {
			src, err := sn.Sources(id)
			if err != nil {
				return err
			}
			sources = append(sources, src)
			ev, err := sn.Evidence(id)
			if err != nil {
				return err
			}
			var texts []string
			for _, e := range ev {
				texts = append(texts, e.DocumentID+": "+e.Text)
			}
			evidence = append(evidence, texts)
		}
		if _, err := sn.Sources("T99"); err != nil {
			return err // no evidence: an empty list
		}
		if d, err := sn.Document("d1"); err != nil || d.Title != "Talks" {
			t.Errorf("Document(d1) = %+v, %v", d, err)
		}
		if _, err := sn.Document("nope"); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Document(nope) = %v, want ErrNotFound", err)
		}
		return sn.Documents(func(d graph.DocumentInfo) error { docs = append(docs, d.ID); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Rex Tillerson", "Vladimir Putin", "Moscow", "United States", "Exxon", "oil", "Alone"}, all); diff != "" {
		t.Errorf("Entities (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(all[:6], ends); diff != "" {
		t.Errorf("Nodes of the whole graph: no entity without edges (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([][]string{{"d1", "d2"}, {"d3"}}, sources); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
	want := [][]string{{"d1: Tillerson met Putin.", "d2: Rex Tillerson met with Vladimir Putin."}, {"d3: Exxon sells oil."}}
	if diff := cmp.Diff(want, evidence); diff != "" {
		t.Errorf("Evidence (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"d1", "d2", "d3", "d4"}, docs); diff != "" {
		t.Errorf("Documents (-want +got):\n%s", diff)
	}
}

// A snapshot does not see what is added while it is read.
func TestSnapshotIsolation(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	var before, after int
	err := s.Snapshot(ctx, func(sn *graph.Snapshot) error {
		count := func() (n int) {
			sn.Edges(graph.Selection{}, func(graph.Triple) error { n++; return nil })
			return n
		}
		before = count()
		d := graph.Document{ID: "d9", Hash: "h9", Triples: []graph.Triple{
			typed(triple("Ann Lee", "Ann Lee", "meet", "met", "Bo Ek", "Bo Ek", 0.5, "d9", 0), graph.Person, graph.Person)}}
		if _, err := s.Add(ctx, d); err != nil {
			return err
		}
		after = count()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if before != 7 || after != 7 {
		t.Errorf("edges in the snapshot: %d then %d, want 7 both times", before, after)
	}
}
