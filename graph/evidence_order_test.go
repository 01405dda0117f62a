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
