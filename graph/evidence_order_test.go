package graph_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
)

// Snapshot.Evidence moves one iterator on while edges come in id order;
// whatever the order they are asked for in (backwards, shuffled, twice,
// skipping some), each edge gets the evidence it gets on its own.
func TestSnapshotEvidenceAnyOrder(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	var ids []string
	if err := s.Each(ctx, func(tr graph.Triple) error { ids = append(ids, tr.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	alone := map[string][]graph.Evidence{}
	for _, id := range ids {
		err := s.Snapshot(ctx, func(sn *graph.Snapshot) error {
			ev, err := sn.Evidence(id)
			alone[id] = ev
			return err
		})
		if err != nil || len(alone[id]) == 0 {
			t.Fatalf("Evidence(%s) alone = %v, %v", id, alone[id], err)
		}
	}
	backwards := slices.Clone(ids)
	slices.Reverse(backwards)
	shuffled := slices.Clone(ids)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	var twiceSkipping []string
	for i, id := range ids {
		if i%3 == 1 {
			continue
		}
		twiceSkipping = append(twiceSkipping, id, id)
	}
	for name, order := range map[string][]string{"in order": ids, "backwards": backwards, "shuffled": shuffled, "twice, skipping": twiceSkipping} {
		err := s.Snapshot(ctx, func(sn *graph.Snapshot) error {
			for _, id := range order {
				ev, err := sn.Evidence(id)
				if err != nil {
					return err
				}
				if d := cmp.Diff(alone[id], ev); d != "" {
					t.Errorf("%s: Evidence(%s) differs from alone (-alone +got):\n%s", name, id, d)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(name, err)
		}
	}
}

// Nodes of the whole graph come from the entities' own counts of their
// edges; they must be the ends of the edges, as a filter that keeps every
// edge finds them by reading the edges, also after deletes and a merge
// leave entities without edges.
func TestNodesWholeGraph(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	nodes := func(f graph.EdgeFilter) []string {
		var out []string
		err := s.Snapshot(ctx, func(sn *graph.Snapshot) error {
			return sn.Nodes(graph.Selection{Filter: f}, func(e graph.Entity) error {
				out = append(out, e.ID+" "+e.Name)
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	check := func(when string) {
		t.Helper()
		fast, read := nodes(graph.EdgeFilter{}), nodes(graph.EdgeFilter{MinCount: 1})
		if d := cmp.Diff(read, fast); d != "" || len(fast) == 0 {
			t.Errorf("%s: whole-graph nodes differ from the ends of the edges (-ends +nodes):\n%s", when, d)
		}
	}
	// an entity no edge has
	mustAdd(t, s, graph.Document{ID: "d4", Hash: "h4", Sentences: 1, Tokens: 5,
		Entities: []graph.Entity{{Name: "Ona Kask", Type: graph.Person, Mentions: 1}}})
	check("with an entity without edges")
	if _, err := s.DeleteDocument(ctx, "d3"); err != nil {
		t.Fatal(err)
	}
	check("after deleting d3")
	if _, err := s.MergeEntities(ctx, "Rex Tillerson", "Moscow"); err != nil {
		t.Fatal(err)
	}
	check("after a merge")
}
