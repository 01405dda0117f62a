package graph_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kg-builder/kg/graph"
)

func sortedIDs(ts []graph.Triple) []string {
	out := ids(ts)
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) < len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// matchCases cover every combination of a blank or set subject, relation and
// object over the seed store, with names given by alias and in any case.
var matchCases = []struct {
	p    graph.Pattern
	want []string // triple ids, sorted
}{
	{graph.Pattern{}, []string{"T1", "T2", "T3", "T4", "T5", "T6", "T7"}},
	// subject only
	{graph.Pattern{Subject: "Tillerson"}, []string{"T1", "T2", "T4", "T5", "T7"}},
	{graph.Pattern{Subject: "vladimir putin"}, []string{"T3"}},
	{graph.Pattern{Subject: "E1"}, []string{}}, // a name, not an id
	{graph.Pattern{Subject: "Moscow"}, []string{}},
	{graph.Pattern{Subject: "Nobody"}, []string{}},
	// relation only
	{graph.Pattern{Relation: "meet"}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{Relation: " MEET "}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{Relation: "sell"}, []string{"T6"}},
	{graph.Pattern{Relation: "me"}, []string{}}, // not a prefix match
	{graph.Pattern{Relation: "fly"}, []string{}},
	{graph.Pattern{Relation: "   "}, []string{"T1", "T2", "T3", "T4", "T5", "T6", "T7"}},
	// object only
	{graph.Pattern{Object: "Putin"}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{Object: "U.S."}, []string{"T3"}},
	{graph.Pattern{Object: "Tillerson"}, []string{}},
	{graph.Pattern{Object: "Nobody"}, []string{}},
	// subject and relation
	{graph.Pattern{Subject: "Rex Tillerson", Relation: "meet"}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{Subject: "rex tillerson", Relation: "visit"}, []string{"T2"}},
	{graph.Pattern{Subject: "Putin", Relation: "meet"}, []string{}},
	{graph.Pattern{Subject: "Nobody", Relation: "meet"}, []string{}},
	// subject and object
	{graph.Pattern{Subject: "tillerson", Object: "putin"}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{Subject: "Tillerson", Object: "ExxonMobil"}, []string{"T4"}},
	{graph.Pattern{Subject: "Putin", Object: "Tillerson"}, []string{}}, // direction counts
	{graph.Pattern{Subject: "Tillerson", Object: "Nobody"}, []string{}},
	// relation and object
	{graph.Pattern{Relation: "visit", Object: "moscow"}, []string{"T2"}},
	{graph.Pattern{Relation: "meet", Object: "Vladimir Putin"}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{Relation: "meet", Object: "Moscow"}, []string{}},
	// all three
	{graph.Pattern{Subject: "Rex Tillerson", Relation: "lead", Object: "Exxon"}, []string{"T4"}},
	{graph.Pattern{Subject: "Tillerson", Relation: "meet", Object: "Putin"}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{Subject: "Exxon", Relation: "sell", Object: "Oil"}, []string{"T6"}},
	{graph.Pattern{Subject: "Exxon", Relation: "buy", Object: "oil"}, []string{}},
	{graph.Pattern{Subject: "Putin", Relation: "criticize", Object: "USA"}, []string{"T3"}},
	// ends by id, which take precedence over names
	{graph.Pattern{SubjectID: "E1"}, []string{"T1", "T2", "T4", "T5", "T7"}},
	{graph.Pattern{SubjectID: "e1", Relation: "meet"}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{ObjectID: "E2"}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{SubjectID: "E2", ObjectID: "E4"}, []string{"T3"}},
	{graph.Pattern{SubjectID: "E2", Relation: "criticize", ObjectID: "E4"}, []string{"T3"}},
	{graph.Pattern{Subject: "Tillerson", ObjectID: "E5"}, []string{"T4"}},
	{graph.Pattern{SubjectID: "E1", Subject: "Putin"}, []string{"T1", "T2", "T4", "T5", "T7"}},
	{graph.Pattern{ObjectID: "E2", Object: "Nobody"}, []string{"T1", "T5", "T7"}},
	{graph.Pattern{SubjectID: "E99"}, []string{}},
	{graph.Pattern{SubjectID: "Tillerson"}, []string{}},
	{graph.Pattern{ObjectID: "T1"}, []string{}},
	{graph.Pattern{SubjectID: "E3"}, []string{}}, // Moscow: no outgoing edge
}

func TestMatch(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	for _, tt := range matchCases {
		got, _, err := s.Match(ctx, tt.p, graph.Page{})
		if err != nil {
			t.Errorf("Match(%+v) = %v", tt.p, err)
			continue
		}
		if diff := cmp.Diff(tt.want, sortedIDs(got)); diff != "" {
			t.Errorf("Match(%+v) mismatch (-want +got):\n%s", tt.p, diff)
		}
		n, err := s.Count(ctx, tt.p)
		if err != nil || n != len(got) {
			t.Errorf("Count(%+v) = %d, %v, want %d", tt.p, n, err, len(got))
		}
		// Every triple satisfies the pattern it was matched by.
		for _, tr := range got {
			full, err := s.Triple(ctx, tr.ID)
			if err != nil {
				t.Fatalf("Triple(%s) = %v", tr.ID, err)
			}
			if diff := cmp.Diff(full, tr, ignoreCursor); diff != "" {
				t.Errorf("Match(%+v) gave %s unlike Triple(%s) (-Triple +Match):\n%s", tt.p, tr.ID, tr.ID, diff)
			}
		}
	}
}

func TestMatchTriples(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	got, _, err := s.Match(ctx, graph.Pattern{}, graph.Page{})
	if err != nil {
		t.Fatalf("Match() = %v", err)
	}
	p, pl, o, c := graph.Person, graph.Place, graph.Org, graph.Concept
	want := []graph.Triple{
		{ID: "T1", Subject: "Rex Tillerson", Relation: "meet", Object: "Vladimir Putin", SubjectType: p, ObjectType: p,
			SubjectText: "Tillerson", RelationText: "met", ObjectText: "Putin", Confidence: 0.8, Count: 2, SubjectID: "E1", ObjectID: "E2"},
		{ID: "T2", Subject: "Rex Tillerson", Relation: "visit", Object: "Moscow", SubjectType: p, ObjectType: pl,
			SubjectText: "Tillerson", RelationText: "visited", ObjectText: "Moscow", Confidence: 0.9, Count: 1, SubjectID: "E1", ObjectID: "E3"},
		{ID: "T3", Subject: "Vladimir Putin", Relation: "criticize", Object: "United States", SubjectType: p, ObjectType: pl,
			SubjectText: "Putin", RelationText: "criticized", ObjectText: "the U.S.", Confidence: 0.6, Count: 1, SubjectID: "E2", ObjectID: "E4"},
		{ID: "T4", Subject: "Rex Tillerson", Relation: "lead", Object: "Exxon", SubjectType: p, ObjectType: o,
			SubjectText: "Tillerson", RelationText: "led", ObjectText: "ExxonMobil", Confidence: 0.7, Count: 1, SubjectID: "E1", ObjectID: "E5"},
		{ID: "T5", Subject: "Rex Tillerson", Relation: "meet", Object: "Vladimir Putin", SubjectType: p, ObjectType: p,
			SubjectText: "Tillerson", RelationText: "did not meet", ObjectText: "Putin", Confidence: 0.4, Count: 1, Negated: true, SubjectID: "E1", ObjectID: "E2"},
		{ID: "T6", Subject: "Exxon", Relation: "sell", Object: "oil", SubjectType: o, ObjectType: c,
			SubjectText: "Exxon", RelationText: "sells", ObjectText: "oil", Confidence: 0.5, Count: 1, SubjectID: "E5", ObjectID: "E6"},
		{ID: "T7", Subject: "Rex Tillerson", Relation: "meet", Object: "Vladimir Putin", SubjectType: p, ObjectType: p,
			SubjectText: "Tillerson", RelationText: "may meet", ObjectText: "Putin", Confidence: 0.3, Count: 1, Modality: "may", SubjectID: "E1", ObjectID: "E2"},
	}
	if diff := cmp.Diff(want, got, approx, ignoreCursor); diff != "" {
		t.Errorf("Match({}) mismatch (-want +got):\n%s", diff)
	}
}

// Paging through any pattern with any limit gives every triple exactly once,
// in the order of the unpaged listing.
func TestMatchPaging(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	for _, tt := range matchCases {
		all, _, err := s.Match(ctx, tt.p, graph.Page{})
		if err != nil {
			t.Fatalf("Match(%+v) = %v", tt.p, err)
		}
		for _, limit := range []int{1, 2, 3, 4, 7, 8} {
			var got []graph.Triple
			after := ""
			for pages := 0; ; pages++ {
				if pages > len(all)+1 {
					t.Fatalf("Match(%+v, limit %d) does not end", tt.p, limit)
				}
				page, next, err := s.Match(ctx, tt.p, graph.Page{After: after, Limit: limit})
				if err != nil {
					t.Fatalf("Match(%+v, %q, %d) = %v", tt.p, after, limit, err)
				}
				if len(page) > limit {
					t.Errorf("Match(%+v, limit %d) returned %d triples", tt.p, limit, len(page))
				}
				if len(page) > 0 && next != page[len(page)-1].Cursor {
					t.Errorf("Match(%+v, limit %d) cursor = %q, want the last triple's %q", tt.p, limit, next, page[len(page)-1].Cursor)
				}
				got = append(got, page...)
				if len(page) < limit {
					break
				}
				after = next
			}
			if diff := cmp.Diff(all, got, cmpEmpty); diff != "" {
				t.Errorf("Match(%+v) in pages of %d mismatch (-unpaged +paged):\n%s", tt.p, limit, diff)
			}
		}
		for i, tr := range all {
			rest, _, err := s.Match(ctx, tt.p, graph.Page{After: tr.Cursor})
			if err != nil {
				t.Fatalf("Match(%+v, after %s) = %v", tt.p, tr.ID, err)
			}
			if diff := cmp.Diff(all[i+1:], rest, cmpEmpty); diff != "" {
				t.Errorf("Match(%+v, after %s) mismatch (-want +got):\n%s", tt.p, tr.ID, diff)
			}
		}
	}
}

func TestMatchInvalidCursor(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	_, bySubject, err := s.Match(ctx, graph.Pattern{Subject: "Tillerson"}, graph.Page{Limit: 1})
	if err != nil || bySubject == "" {
		t.Fatalf("Match(Tillerson, limit 1) = %q, %v, want a cursor", bySubject, err)
	}
	_, entityCursor, err := s.Entities(ctx, graph.EntityFilter{}, graph.Page{Limit: 1})
	if err != nil {
		t.Fatalf("Entities(limit 1) = %v", err)
	}
	tests := []struct {
		p     graph.Pattern
		after string
	}{
		{graph.Pattern{}, "***"},
		{graph.Pattern{}, bySubject},
		{graph.Pattern{}, entityCursor},
		{graph.Pattern{Subject: "Putin"}, bySubject}, // another subject's cursor
		{graph.Pattern{Relation: "meet"}, bySubject},
		{graph.Pattern{Object: "Putin"}, bySubject},
	}
	for _, tt := range tests {
		if _, _, err := s.Match(ctx, tt.p, graph.Page{After: tt.after}); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("Match(%+v, after %q) error = %v, want ErrInvalid", tt.p, tt.after, err)
		}
	}
}

func TestCount(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if n, err := s.Count(ctx, graph.Pattern{}); err != nil || n != 0 {
		t.Errorf("Count({}) on an empty store = %d, %v, want 0", n, err)
	}
	seed(t, s)
	tests := []struct {
		p    graph.Pattern
		want int
	}{
		{graph.Pattern{}, 7},
		{graph.Pattern{Relation: "meet"}, 3},
		{graph.Pattern{Subject: "Tillerson"}, 5},
		{graph.Pattern{Object: "oil"}, 1},
		{graph.Pattern{Subject: "Nobody"}, 0},
	}
	for _, tt := range tests {
		if n, err := s.Count(ctx, tt.p); err != nil || n != tt.want {
			t.Errorf("Count(%+v) = %d, %v, want %d", tt.p, n, err, tt.want)
		}
	}
}

func TestTripleByID(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	for _, tt := range []struct{ id, want string }{{"T1", "T1"}, {"t4", "T4"}, {"T7", "T7"}} {
		got, err := s.Triple(ctx, tt.id)
		if err != nil || got.ID != tt.want {
			t.Errorf("Triple(%q) = %+v, %v, want %s", tt.id, got, err, tt.want)
		}
	}
	for _, id := range []string{"", "T", "T0", "T8", "T-1", "E1", "X1", "T1x", "meet"} {
		if got, err := s.Triple(ctx, id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Triple(%q) = %+v, %v, want ErrNotFound", id, got, err)
		}
	}
}

func TestEvidence(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	tests := []struct {
		id    string
		limit int
		want  []string // document ids, in ingest order
	}{
		{"T1", 0, []string{"d1", "d2"}},
		{"T1", 1, []string{"d1"}},
		{"T1", 5, []string{"d1", "d2"}},
		{"t1", 0, []string{"d1", "d2"}},
		{"T5", 0, []string{"d2"}},
		{"T7", 0, []string{"d3"}},
	}
	for _, tt := range tests {
		ev, err := s.Evidence(ctx, tt.id, tt.limit)
		if err != nil {
			t.Errorf("Evidence(%q, %d) = %v", tt.id, tt.limit, err)
			continue
		}
		var got []string
		for _, e := range ev {
			got = append(got, e.DocumentID)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Evidence(%q, %d) mismatch (-want +got):\n%s", tt.id, tt.limit, diff)
		}
	}
	ev, err := s.Evidence(ctx, "T5", 0)
	want := []graph.Evidence{{DocumentID: "d2", Sentence: 2, Text: "Tillerson did not meet Putin.", Start: 200, End: 229,
		SubjectText: "Tillerson", RelationText: "did not meet", ObjectText: "Putin", Confidence: 0.4}}
	if diff := cmp.Diff(want, ev); err != nil || diff != "" {
		t.Errorf("Evidence(T5) = %v; mismatch (-want +got):\n%s", err, diff)
	}
	for _, id := range []string{"", "E1", "X", "T0"} {
		if got, err := s.Evidence(ctx, id, 0); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Evidence(%q) = %v, %v, want ErrNotFound", id, got, err)
		}
	}
	// Every evidence count agrees with the triple's count, and they sum to Stats.
	all, _, err := s.Match(ctx, graph.Pattern{}, graph.Page{})
	if err != nil {
		t.Fatalf("Match() = %v", err)
	}
	total := 0
	for _, tr := range all {
		ev, err := s.Evidence(ctx, tr.ID, 0)
		if err != nil || len(ev) != tr.Count {
			t.Errorf("Evidence(%s) = %d records, %v, want Count %d", tr.ID, len(ev), err, tr.Count)
		}
		total += len(ev)
	}
	if total != seedStats.Evidence {
		t.Errorf("evidence records = %d, want Stats().Evidence %d", total, seedStats.Evidence)
	}
}

// Reported speech keeps who said it, on the edge (first seen) and on each
// evidence record.
func TestAttribution(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	for i, attr := range []string{"", "Lavrov", "Peskov"} {
		id := fmt.Sprint("d", i)
		tr := typed(triple("Putin", "Putin", "meet", "met", "Tillerson", "Tillerson", 0.5, id, 0), graph.Person, graph.Person)
		tr.AttributedTo = attr
		mustAdd(t, s, graph.Document{ID: id, Hash: id, Triples: []graph.Triple{tr}})
	}
	got, err := s.Triple(ctx, "T1")
	if err != nil || got.AttributedTo != "Lavrov" || got.Count != 3 {
		t.Errorf("Triple(T1) = %+v, %v, want AttributedTo Lavrov and Count 3", got, err)
	}
	ev, err := s.Evidence(ctx, "T1", 0)
	if err != nil {
		t.Fatalf("Evidence(T1) = %v", err)
	}
	var attrs []string
	for _, e := range ev {
		attrs = append(attrs, e.AttributedTo)
	}
	if diff := cmp.Diff([]string{"", "Lavrov", "Peskov"}, attrs); diff != "" {
		t.Errorf("Evidence(T1) attributions mismatch (-want +got):\n%s", diff)
	}
}

func TestNeighborhood(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	tests := []struct {
		name         string
		depth, limit int
		nodes        []string // root first, then sorted
		edges        []string // sorted
	}{
		{"Moscow", 0, 0, []string{"Moscow"}, []string{}},
		{"Moscow", -1, 0, []string{"Moscow"}, []string{}},
		{"Moscow", 1, 0, []string{"Moscow", "Rex Tillerson"}, []string{"T2"}},
		{"moscow", 2, 0, []string{"Moscow", "Exxon", "Rex Tillerson", "Vladimir Putin"}, []string{"T1", "T2", "T4", "T5", "T7"}},
		{"Moscow", 3, 0, []string{"Moscow", "Exxon", "Rex Tillerson", "United States", "Vladimir Putin", "oil"},
			[]string{"T1", "T2", "T3", "T4", "T5", "T6", "T7"}},
		{"Moscow", 10, 0, []string{"Moscow", "Exxon", "Rex Tillerson", "United States", "Vladimir Putin", "oil"},
			[]string{"T1", "T2", "T3", "T4", "T5", "T6", "T7"}},
		{"Moscow", 2, 1, []string{"Moscow", "Rex Tillerson"}, []string{"T2"}}, // nearest first
		{"Putin", 1, 0, []string{"Vladimir Putin", "Rex Tillerson", "United States"}, []string{"T1", "T3", "T5", "T7"}},
		{"oil", 1, 0, []string{"oil", "Exxon"}, []string{"T6"}},
		{"Exxon", 1, 0, []string{"Exxon", "Rex Tillerson", "oil"}, []string{"T4", "T6"}},
	}
	for _, tt := range tests {
		g, err := s.Neighborhood(ctx, tt.name, graph.Around{Depth: tt.depth, Limit: tt.limit})
		if err != nil {
			t.Errorf("Neighborhood(%q, %d, %d) = %v", tt.name, tt.depth, tt.limit, err)
			continue
		}
		nodes := entityNames(g.Nodes)
		if len(nodes) > 1 {
			sort.Strings(nodes[1:])
		}
		if diff := cmp.Diff(tt.nodes, nodes); diff != "" {
			t.Errorf("Neighborhood(%q, %d, %d) nodes mismatch (-want +got):\n%s", tt.name, tt.depth, tt.limit, diff)
		}
		if diff := cmp.Diff(tt.edges, sortedIDs(g.Edges)); diff != "" {
			t.Errorf("Neighborhood(%q, %d, %d) edges mismatch (-want +got):\n%s", tt.name, tt.depth, tt.limit, diff)
		}
		checkSubgraph(t, g)
	}
	for _, limit := range []int{1, 2, 3, 4, 5, 6} {
		g, err := s.Neighborhood(ctx, "Tillerson", graph.Around{Depth: 3, Limit: limit})
		if err != nil {
			t.Fatalf("Neighborhood(Tillerson, 3, %d) = %v", limit, err)
		}
		if len(g.Edges) != limit {
			t.Errorf("Neighborhood(Tillerson, 3, %d) = %d edges, want %d", limit, len(g.Edges), limit)
		}
		checkSubgraph(t, g)
	}
	// Nearest first: with a limit of 5, the five edges of the root come
	// before any edge of its neighbours.
	g, err := s.Neighborhood(ctx, "Tillerson", graph.Around{Depth: 3, Limit: 5})
	if err != nil {
		t.Fatalf("Neighborhood(Tillerson, 3, 5) = %v", err)
	}
	if diff := cmp.Diff([]string{"T1", "T2", "T4", "T5", "T7"}, sortedIDs(g.Edges)); diff != "" {
		t.Errorf("Neighborhood(Tillerson, 3, 5) edges mismatch (-want +got):\n%s", diff)
	}
	for _, name := range []string{"Nobody", ""} {
		if _, err := s.Neighborhood(ctx, name, graph.Around{Depth: 1}); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Neighborhood(%q) error = %v, want ErrNotFound", name, err)
		}
	}
}

// checkSubgraph checks that every edge's ends are among the nodes, and that
// nodes and edges are listed once each.
func checkSubgraph(t *testing.T, g graph.Subgraph) {
	t.Helper()
	nodes := map[string]bool{}
	for _, n := range g.Nodes {
		if nodes[n.ID] {
			t.Errorf("node %s listed twice", n.ID)
		}
		nodes[n.ID] = true
	}
	edges := map[string]bool{}
	for _, e := range g.Edges {
		if edges[e.ID] {
			t.Errorf("edge %s listed twice", e.ID)
		}
		edges[e.ID] = true
		if !nodes[e.SubjectID] || !nodes[e.ObjectID] {
			t.Errorf("edge %s (%s→%s) has an end outside the nodes %v", e.ID, e.SubjectID, e.ObjectID, entityNames(g.Nodes))
		}
	}
}

func TestPath(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	// An island, not connected to the rest.
	mustAdd(t, s, graph.Document{ID: "island", Hash: "island",
		Triples: []graph.Triple{typed(triple("Alice", "Alice", "know", "knows", "Bob", "Bob", 0.5, "island", 0), graph.Person, graph.Person)}})
	tests := []struct {
		from, to string
		maxDepth int
		want     int // length of the path; -1: none
	}{
		{"Tillerson", "Putin", 5, 1},
		{"Putin", "Tillerson", 5, 1}, // against the edge's direction
		{"Moscow", "Putin", 5, 2},
		{"Moscow", "United States", 5, 3},
		{"United States", "Moscow", 5, 3},
		{"oil", "United States", 4, 4},
		{"oil", "U.S.", 10, 4},
		{"oil", "United States", 3, -1}, // too far
		{"Tillerson", "Putin", 0, -1},
		{"Moscow", "Alice", 10, -1}, // not connected
		{"Alice", "Bob", 1, 1},
	}
	for _, tt := range tests {
		path, err := s.Path(ctx, tt.from, tt.to, tt.maxDepth)
		if tt.want < 0 {
			if !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("Path(%q, %q, %d) = %v, %v, want ErrNotFound", tt.from, tt.to, tt.maxDepth, ids(path), err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Path(%q, %q, %d) = %v", tt.from, tt.to, tt.maxDepth, err)
			continue
		}
		if len(path) != tt.want {
			t.Errorf("Path(%q, %q, %d) = %v, want %d triples", tt.from, tt.to, tt.maxDepth, ids(path), tt.want)
		}
		checkChain(t, s, tt.from, tt.to, path)
	}
	// The same entity, by any of its names: an empty path.
	for _, tt := range []struct{ from, to string }{{"Tillerson", "Rex Tillerson"}, {"U.S.", "usa"}, {"Alice", "alice"}} {
		path, err := s.Path(ctx, tt.from, tt.to, 3)
		if err != nil || len(path) != 0 {
			t.Errorf("Path(%q, %q) = %v, %v, want an empty path", tt.from, tt.to, ids(path), err)
		}
	}
	for _, tt := range []struct{ from, to string }{{"Nobody", "Putin"}, {"Putin", "Nobody"}, {"", "Putin"}} {
		if path, err := s.Path(ctx, tt.from, tt.to, 3); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Path(%q, %q) = %v, %v, want ErrNotFound", tt.from, tt.to, ids(path), err)
		}
	}
}

// checkChain checks that path leads from the entity called from to the one
// called to, each triple sharing an end with the next, in either direction.
func checkChain(t *testing.T, s *graph.Store, from, to string, path []graph.Triple) {
	t.Helper()
	ctx := context.Background()
	a, err := s.Entity(ctx, from)
	if err != nil {
		t.Fatalf("Entity(%q) = %v", from, err)
	}
	b, err := s.Entity(ctx, to)
	if err != nil {
		t.Fatalf("Entity(%q) = %v", to, err)
	}
	at := a.ID
	for _, tr := range path {
		switch at {
		case tr.SubjectID:
			at = tr.ObjectID
		case tr.ObjectID:
			at = tr.SubjectID
		default:
			t.Errorf("Path(%q, %q) = %v: %s does not touch %s", from, to, ids(path), tr.ID, at)
			return
		}
	}
	if at != b.ID {
		t.Errorf("Path(%q, %q) = %v ends at %s, want %s", from, to, ids(path), at, b.ID)
	}
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if diff := cmp.Diff(graph.Stats{}, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() of an empty store mismatch (-want +got):\n%s", diff)
	}
	want := []graph.Stats{
		{Documents: 1, Sentences: 3, Tokens: 30, Entities: 4, Triples: 3, Relations: 3, Evidence: 3},
		{Documents: 2, Sentences: 6, Tokens: 55, Entities: 5, Triples: 5, Relations: 4, Evidence: 6},
		seedStats,
	}
	for i, d := range seedDocs() {
		mustAdd(t, s, d)
		if diff := cmp.Diff(want[i], mustStats(t, s)); diff != "" {
			t.Errorf("Stats() after %s mismatch (-want +got):\n%s", d.ID, diff)
		}
	}
	// The counters agree with the listings.
	st := mustStats(t, s)
	ents, _, err := s.Entities(ctx, graph.EntityFilter{}, graph.Page{})
	if err != nil || len(ents) != st.Entities {
		t.Errorf("Entities() = %d, %v, want Stats().Entities = %d", len(ents), err, st.Entities)
	}
	docs, _, err := s.Documents(ctx, graph.Page{})
	if err != nil || len(docs) != st.Documents {
		t.Errorf("Documents() = %d, %v, want Stats().Documents = %d", len(docs), err, st.Documents)
	}
	rels, err := s.Relations(ctx)
	if err != nil || len(rels) != st.Relations {
		t.Errorf("Relations() = %d, %v, want Stats().Relations = %d", len(rels), err, st.Relations)
	}
}

func TestRelations(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	rels, err := s.Relations(ctx)
	if err != nil || len(rels) != 0 {
		t.Errorf("Relations() of an empty store = %v, %v, want none", rels, err)
	}
	seed(t, s)
	rels, err = s.Relations(ctx)
	if err != nil {
		t.Fatalf("Relations() = %v", err)
	}
	want := []graph.Relation{{Name: "criticize", Edges: 1}, {Name: "lead", Edges: 1}, {Name: "meet", Edges: 3}, {Name: "sell", Edges: 1}, {Name: "visit", Edges: 1}}
	if diff := cmp.Diff(want, rels, cmpopts.IgnoreFields(graph.Relation{}, "Cursor")); diff != "" {
		t.Errorf("Relations() mismatch (-want +got):\n%s", diff)
	}
	for _, r := range rels {
		if n, err := s.Count(ctx, graph.Pattern{Relation: r.Name}); err != nil || n != r.Edges {
			t.Errorf("Count(relation %s) = %d, %v, want %d", r.Name, n, err, r.Edges)
		}
	}
}

// Relations are stored as given; Match lowercases and trims the relation it
// is asked for, so a relation not already in normal form cannot be matched.
func TestRelationNormalised(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	tr := typed(triple("Alice", "Alice", "Meet", "met", "Bob", "Bob", 0.5, "d", 0), graph.Person, graph.Person)
	mustAdd(t, s, graph.Document{ID: "d", Hash: "h", Triples: []graph.Triple{tr}})
	for _, rel := range []string{"Meet", "meet"} {
		got, _, err := s.Match(ctx, graph.Pattern{Relation: rel}, graph.Page{})
		if err != nil || len(got) != 1 {
			t.Errorf("Match(Relation %q) = %v, %v, want the stored triple", rel, ids(got), err)
		}
	}
}

func TestEach(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	all, _, err := s.Match(ctx, graph.Pattern{}, graph.Page{})
	if err != nil {
		t.Fatalf("Match() = %v", err)
	}
	var got []graph.Triple
	if err := s.Each(ctx, func(t graph.Triple) error {
		got = append(got, t)
		return nil
	}); err != nil {
		t.Fatalf("Each() = %v", err)
	}
	if diff := cmp.Diff(all, got, ignoreCursor); diff != "" {
		t.Errorf("Each() mismatch with Match() (-Match +Each):\n%s", diff)
	}

	errStop := errors.New("stop")
	for _, stopAt := range []int{1, 3, 7} {
		calls := 0
		err := s.Each(ctx, func(graph.Triple) error {
			calls++
			if calls == stopAt {
				return errStop
			}
			return nil
		})
		if !errors.Is(err, errStop) || calls != stopAt {
			t.Errorf("Each(stop at %d) = %v after %d calls, want errStop after %d", stopAt, err, calls, stopAt)
		}
	}

	empty := mustOpen(t)
	if err := empty.Each(ctx, func(graph.Triple) error { return errStop }); err != nil {
		t.Errorf("Each() on an empty store = %v, want nil", err)
	}
}

func TestDocuments(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	start := time.Now().Add(-time.Second)
	seed(t, s)
	want := []graph.DocumentInfo{
		{ID: "d1", Title: "Talks", Source: "wire", URL: "https://example.com/1", Date: "2017-04-12", Hash: "h1", Sentences: 3, Tokens: 30, Triples: 3},
		{ID: "d2", Title: "Oil", Source: "blog", Date: "2017-05-02", Hash: "h2", Sentences: 3, Tokens: 25, Triples: 3},
		{ID: "d3", Title: "Markets", Hash: "h3", Sentences: 2, Tokens: 12, Triples: 2},
	}
	all, _, err := s.Documents(ctx, graph.Page{})
	if err != nil {
		t.Fatalf("Documents() = %v", err)
	}
	ignoreAdded := cmpopts.IgnoreFields(graph.DocumentInfo{}, "Added")
	if diff := cmp.Diff(want, all, ignoreAdded, ignoreCursor); diff != "" {
		t.Errorf("Documents() mismatch (-want +got):\n%s", diff)
	}
	for _, d := range all {
		added, err := time.Parse(time.RFC3339, d.Added)
		if err != nil || added.Before(start) || added.After(time.Now().Add(time.Second)) {
			t.Errorf("Documents() %s Added = %q (%v), want an RFC 3339 time of the test run", d.ID, d.Added, err)
		}
		one, err := s.Document(ctx, d.ID)
		if err != nil {
			t.Errorf("Document(%q) = %v", d.ID, err)
		}
		if diff := cmp.Diff(d, one, ignoreCursor); diff != "" {
			t.Errorf("Document(%q) mismatch with Documents() (-Documents +Document):\n%s", d.ID, diff)
		}
	}
	for _, id := range []string{"", "d4", "D1", "h1"} {
		if _, err := s.Document(ctx, id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Document(%q) error = %v, want ErrNotFound", id, err)
		}
	}

	for _, limit := range []int{1, 2, 3, 4} {
		var got []graph.DocumentInfo
		after := ""
		for pages := 0; ; pages++ {
			if pages > len(all)+1 {
				t.Fatalf("Documents(limit %d) does not end", limit)
			}
			page, next, err := s.Documents(ctx, graph.Page{After: after, Limit: limit})
			if err != nil {
				t.Fatalf("Documents(%q, %d) = %v", after, limit, err)
			}
			got = append(got, page...)
			if len(page) < limit {
				break
			}
			after = next
		}
		if diff := cmp.Diff(all, got); diff != "" {
			t.Errorf("Documents() in pages of %d mismatch (-unpaged +paged):\n%s", limit, diff)
		}
	}
	for i, d := range all {
		rest, _, err := s.Documents(ctx, graph.Page{After: d.Cursor})
		if err != nil {
			t.Fatalf("Documents(after %s) = %v", d.ID, err)
		}
		if diff := cmp.Diff(all[i+1:], rest, cmpEmpty); diff != "" {
			t.Errorf("Documents(after %s) mismatch (-want +got):\n%s", d.ID, diff)
		}
	}
	_, matchCursor, err := s.Match(ctx, graph.Pattern{}, graph.Page{Limit: 1})
	if err != nil {
		t.Fatalf("Match(limit 1) = %v", err)
	}
	for _, after := range []string{"!", matchCursor} {
		if _, _, err := s.Documents(ctx, graph.Page{After: after}); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("Documents(after %q) error = %v, want ErrInvalid", after, err)
		}
	}
}
