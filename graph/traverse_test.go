package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"
)

// randomStore stores a random graph: n entities called N0…, edges between
// random pairs with random relations, counts and confidences, over several
// documents.
func randomStore(t *testing.T, seed uint64, n, edges int) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	rels := []string{"meet", "visit", "criticize", "sign"}
	for d := 0; d < edges/10; d++ {
		id := fmt.Sprint("d", d)
		doc := Document{ID: id, Hash: id}
		for i := 0; i < 10; i++ {
			a, b := rng.IntN(n), rng.IntN(n)
			if a == b {
				continue
			}
			sn, on := fmt.Sprint("N", a), fmt.Sprint("N", b)
			doc.Triples = append(doc.Triples, Triple{Subject: sn, SubjectType: Misc, SubjectText: sn,
				Relation: rels[rng.IntN(len(rels))], RelationText: "r", Object: on, ObjectType: Misc, ObjectText: on,
				Confidence: float64(rng.IntN(10)) / 10,
				Evidence:   []Evidence{{DocumentID: id, Sentence: i, Text: "x"}}})
		}
		if _, err := s.Add(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	}
	return s, dir
}

// routeLengths lists the lengths of every loopless route of at most
// maxLen edges from a to b, shortest first, by brute force.
func routeLengths(adj map[uint64][]uint64, a, b uint64, maxLen int) []int {
	var out []int
	onRoute := map[uint64]bool{a: true}
	var walk func(x uint64, d int)
	walk = func(x uint64, d int) {
		if x == b {
			out = append(out, d)
			return
		}
		if d == maxLen {
			return
		}
		seen := map[uint64]bool{}
		for _, y := range adj[x] {
			if onRoute[y] || seen[y] {
				continue
			}
			seen[y] = true
			onRoute[y] = true
			walk(y, d+1)
			onRoute[y] = false
		}
	}
	walk(a, 0)
	slices.Sort(out)
	return out
}

// TestPathsShortest: the bidirectional search and Yen's algorithm give the
// k shortest route lengths that brute force finds, either way and along
// or against the edges.
func TestPathsShortest(t *testing.T) {
	ctx := context.Background()
	s, _ := randomStore(t, 1, 40, 120)
	defer s.Close()
	adj := map[Direction]map[uint64][]uint64{Both: {}, Outgoing: {}, Incoming: {}}
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scan(ctx, txn, []byte{pEdge}, "", func(item *badger.Item) (bool, error) {
			var e edgeRec
			if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &e) }); err != nil {
				return false, err
			}
			adj[Outgoing][e.S] = append(adj[Outgoing][e.S], e.O)
			adj[Incoming][e.O] = append(adj[Incoming][e.O], e.S)
			adj[Both][e.S] = append(adj[Both][e.S], e.O)
			adj[Both][e.O] = append(adj[Both][e.O], e.S)
			return true, nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	const k, maxLen = 4, 4
	for range 60 {
		a, b := rng.IntN(40), rng.IntN(40)
		for _, dir := range []Direction{Both, Outgoing, Incoming} {
			from, to := fmt.Sprint("N", a), fmt.Sprint("N", b)
			ea, err1 := s.Entity(ctx, from)
			eb, err2 := s.Entity(ctx, to)
			if err1 != nil || err2 != nil {
				continue // an entity that drew no edge
			}
			ia, _ := parseID(ea.ID, 'E')
			ib, _ := parseID(eb.ID, 'E')
			want := routeLengths(adj[dir], ia, ib, maxLen)
			if len(want) > k {
				want = want[:k]
			}
			ps, err := s.Paths(ctx, from, to, PathOptions{MaxDepth: maxLen, K: k, Direction: dir})
			var got []int
			for _, p := range ps {
				got = append(got, len(p.Edges))
				for i, e := range p.Edges {
					x, y := p.Nodes[i].ID, p.Nodes[i+1].ID
					ok := (e.SubjectID == x && e.ObjectID == y && dir != Incoming) || (e.SubjectID == y && e.ObjectID == x && dir != Outgoing)
					if !ok {
						t.Errorf("Paths(%s, %s, %v): edge %s %s→%s does not link %s to %s that way", from, to, dir, e.ID, e.SubjectID, e.ObjectID, x, y)
					}
				}
			}
			if len(want) == 0 && err == nil {
				t.Errorf("Paths(%s, %s, %v) = %d paths, want none", from, to, dir, len(ps))
			}
			if len(want) > 0 && !slices.Equal(got, want) {
				t.Errorf("Paths(%s, %s, %v) lengths = %v (%v), want %v", from, to, dir, got, err, want)
			}
		}
	}
}

// TestStrengthIndexMigration: a store without the strength index (from an
// older build) traverses the same, read-only by reading every edge, and
// gets the index when opened for writing.
func TestStrengthIndexMigration(t *testing.T) {
	ctx := context.Background()
	s, dir := randomStore(t, 2, 30, 150)
	names := []string{"N0", "N1", "N2", "N3", "N4", "N5"}
	type result struct {
		Around map[string]Subgraph
		Paths  map[string][]Path
	}
	read := func(s *Store) result {
		r := result{Around: map[string]Subgraph{}, Paths: map[string][]Path{}}
		for _, n := range names {
			for _, o := range []Around{{Depth: 1, Limit: 5}, {Depth: 2, Limit: 40}, {Depth: 2, Limit: 40, Direction: Outgoing},
				{Depth: 1, Limit: 100, Filter: EdgeFilter{Relations: []string{"meet"}, MinCount: 1}}} {
				g, err := s.Neighborhood(ctx, n, o)
				if err != nil && nilIfNotFound(err) != nil {
					t.Fatal(err)
				}
				r.Around[fmt.Sprint(n, o)] = g
			}
			for _, m := range names {
				ps, err := s.Paths(ctx, n, m, PathOptions{MaxDepth: 4, K: 3})
				if err != nil && nilIfNotFound(err) != nil {
					t.Fatal(err)
				}
				r.Paths[n+"→"+m] = ps
			}
		}
		return r
	}
	want := read(s)
	// Make it an old store, with a stale key a crashed build left.
	err := s.db.Update(func(txn *badger.Txn) error {
		var keys [][]byte
		err := scan(ctx, txn, []byte{pStrength}, "", func(item *badger.Item) (bool, error) {
			keys = append(keys, item.KeyCopy(nil))
			return true, nil
		})
		if err != nil || len(keys) == 0 {
			return fmt.Errorf("no strength keys (%v)", err)
		}
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		if err := txn.Set(strengthKey(1, 999, &edgeRec{Count: 1}, dirOut), u64(nil, 2)); err != nil {
			return err
		}
		return txn.Delete(key(pMeta, strengthMeta))
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, read(ro)); diff != "" {
		t.Errorf("read-only, no index: traversals differ (-with index +without):\n%s", diff)
	}
	if err := Verify(ro); err == nil {
		t.Errorf("Verify() of a store without the strength index = nil, want an error")
	}
	ro.Close()
	rw, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if err := Verify(rw); err != nil {
		t.Fatalf("Verify() after the migration = %v", err)
	}
	if diff := cmp.Diff(want, read(rw)); diff != "" {
		t.Errorf("migrated: traversals differ (-before +after):\n%s", diff)
	}
}

// TestNeighborhoodNoAliases: NoAliases leaves only the aliases out.
func TestNeighborhoodNoAliases(t *testing.T) {
	ctx := context.Background()
	s, _ := randomStore(t, 3, 20, 80)
	defer s.Close()
	full, err := s.Neighborhood(ctx, "N1", Around{Depth: 2, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	lean, err := s.Neighborhood(ctx, "N1", Around{Depth: 2, Limit: 50, NoAliases: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Nodes) < 3 {
		t.Fatalf("Neighborhood(N1) = %d nodes, want a few", len(full.Nodes))
	}
	for i := range full.Nodes {
		if full.Nodes[i].Aliases == nil {
			t.Errorf("node %s without NoAliases has no aliases", full.Nodes[i].ID)
		}
		full.Nodes[i].Aliases = nil
	}
	if diff := cmp.Diff(full, lean); diff != "" {
		t.Errorf("NoAliases changed more than the aliases (-full +lean):\n%s", diff)
	}
}
