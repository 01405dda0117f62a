package graph_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
)

// The seed store (see seedDocs): d1 is dated 2017-04-12, d2 2017-05-02,
// d3 is undated.
//
//	T1 Tillerson meet Putin (d1, d2; 0.8)   T2 Tillerson visit Moscow (d1; 0.9)
//	T3 Putin criticize United States (d1)   T4 Tillerson lead Exxon (d2; 0.7)
//	T5 Tillerson meet Putin, negated (d2)   T6 Exxon sell oil (d3)
//	T7 Tillerson may meet Putin (d3)
func TestMatchFilter(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	tests := []struct {
		name string
		p    graph.Pattern
		want []string
	}{
		{"relations", graph.Pattern{Filter: graph.EdgeFilter{Relations: []string{"meet"}}}, []string{"T1", "T5", "T7"}},
		{"relations any of, from a subject", graph.Pattern{Subject: "Tillerson", Filter: graph.EdgeFilter{Relations: []string{"Meet", " visit "}}}, []string{"T1", "T7", "T5", "T2"}},
		{"type of the object", graph.Pattern{Subject: "Tillerson", Filter: graph.EdgeFilter{Types: []string{"place"}}}, []string{"T2"}},
		{"type of the subject", graph.Pattern{Object: "Putin", Filter: graph.EdgeFilter{Types: []string{"PLACE"}}}, nil},
		{"type of either end", graph.Pattern{Filter: graph.EdgeFilter{Types: []string{"ORG"}}}, []string{"T4", "T6"}},
		{"min confidence", graph.Pattern{Filter: graph.EdgeFilter{MinConfidence: 0.7}}, []string{"T1", "T2", "T4"}},
		{"min count", graph.Pattern{Filter: graph.EdgeFilter{MinCount: 2}}, []string{"T1"}},
		{"document", graph.Pattern{Filter: graph.EdgeFilter{Document: "d2"}}, []string{"T1", "T4", "T5"}},
		{"document and relation", graph.Pattern{Relation: "meet", Filter: graph.EdgeFilter{Document: "d2"}}, []string{"T1", "T5"}},
		{"unknown document", graph.Pattern{Filter: graph.EdgeFilter{Document: "nope"}}, nil},
		{"since", graph.Pattern{Filter: graph.EdgeFilter{Since: "2017-05"}}, []string{"T1", "T4", "T5"}},
		{"until", graph.Pattern{Filter: graph.EdgeFilter{Until: "2017-04-30"}}, []string{"T1", "T2", "T3"}},
		{"a year", graph.Pattern{Filter: graph.EdgeFilter{Since: "2017", Until: "2017"}}, []string{"T1", "T2", "T3", "T4", "T5"}},
		{"no dated document", graph.Pattern{Filter: graph.EdgeFilter{Since: "2018"}}, nil},
		{"all at once", graph.Pattern{Subject: "Tillerson", Filter: graph.EdgeFilter{Relations: []string{"meet", "lead"}, Types: []string{"PERSON", "ORG"}, MinConfidence: 0.5, Document: "d2", Since: "2017-05-01"}}, []string{"T4", "T1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := s.Match(ctx, tt.p, graph.Page{})
			if err != nil {
				t.Fatalf("Match() = %v", err)
			}
			want := tt.want
			if want == nil {
				want = []string{}
			}
			if diff := cmp.Diff(want, ids(got)); diff != "" {
				t.Errorf("Match(%+v) (-want +got):\n%s", tt.p, diff)
			}
			n, err := s.Count(ctx, tt.p)
			if err != nil || n != len(want) {
				t.Errorf("Count() = %d, %v; want %d", n, err, len(want))
			}
			// one at a time, by cursor, gives the same
			var paged []graph.Triple
			after := ""
			for i := 0; i < 10; i++ {
				page, _, err := s.Match(ctx, tt.p, graph.Page{After: after, Limit: 1})
				if err != nil {
					t.Fatalf("Match(page %d) = %v", i, err)
				}
				if len(page) == 0 {
					break
				}
				paged = append(paged, page...)
				after = page[0].Cursor
			}
			if diff := cmp.Diff(want, ids(paged)); diff != "" {
				t.Errorf("paged one by one (-want +got):\n%s", diff)
			}
		})
	}
	if _, _, err := s.Match(ctx, graph.Pattern{Filter: graph.EdgeFilter{Since: "2018", Until: "2017"}}, graph.Page{}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("since after until: %v, want ErrInvalid", err)
	}
}

func TestNeighborhoodFilters(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	tests := []struct {
		name      string
		o         graph.Around
		nodes     []string
		distance  []int
		edges     []string
		truncated bool
	}{
		{"incoming only", graph.Around{Depth: 2, Direction: graph.Incoming}, []string{"Rex Tillerson"}, []int{0}, []string{}, false},
		{"outgoing", graph.Around{Depth: 1, Direction: graph.Outgoing},
			[]string{"Rex Tillerson", "Vladimir Putin", "Moscow", "Exxon"}, []int{0, 1, 1, 1}, []string{"T1", "T2", "T4", "T5", "T7"}, false},
		{"outgoing, two hops", graph.Around{Depth: 2, Direction: graph.Outgoing},
			[]string{"Rex Tillerson", "Vladimir Putin", "Moscow", "Exxon", "United States", "oil"}, []int{0, 1, 1, 1, 2, 2},
			[]string{"T1", "T2", "T4", "T5", "T7", "T3", "T6"}, false},
		{"a relation", graph.Around{Depth: 3, Filter: graph.EdgeFilter{Relations: []string{"visit"}}},
			[]string{"Rex Tillerson", "Moscow"}, []int{0, 1}, []string{"T2"}, false},
		{"types reached", graph.Around{Depth: 3, Filter: graph.EdgeFilter{Types: []string{"PLACE"}}},
			[]string{"Rex Tillerson", "Moscow"}, []int{0, 1}, []string{"T2"}, false},
		{"confidence", graph.Around{Depth: 2, Filter: graph.EdgeFilter{MinConfidence: 0.75}},
			[]string{"Rex Tillerson", "Vladimir Putin", "Moscow"}, []int{0, 1, 1}, []string{"T1", "T2"}, false},
		{"limit", graph.Around{Depth: 2, Limit: 2},
			[]string{"Rex Tillerson", "Vladimir Putin", "Moscow"}, []int{0, 1, 1}, []string{"T1", "T2"}, true},
		{"unknown document", graph.Around{Depth: 2, Filter: graph.EdgeFilter{Document: "nope"}},
			[]string{"Rex Tillerson"}, []int{0}, []string{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := s.Neighborhood(ctx, "Tillerson", tt.o)
			if err != nil {
				t.Fatalf("Neighborhood() = %v", err)
			}
			if diff := cmp.Diff(tt.nodes, entityNames(g.Nodes)); diff != "" {
				t.Errorf("nodes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.distance, g.Distance); diff != "" {
				t.Errorf("distances (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.edges, ids(g.Edges)); diff != "" {
				t.Errorf("edges (-want +got):\n%s", diff)
			}
			if g.Truncated != tt.truncated {
				t.Errorf("Truncated = %t, want %t", g.Truncated, tt.truncated)
			}
		})
	}
}

func TestPaths(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	o := graph.Org
	// a longer way from Tillerson to Putin: Exxon funds the Kremlin, which
	// advises Putin
	mustAdd(t, s, graph.Document{ID: "d5", Hash: "h5", Triples: []graph.Triple{
		typed(triple("Exxon", "Exxon", "fund", "funds", "Kremlin", "the Kremlin", 0.6, "d5", 0), o, o),
		typed(triple("Kremlin", "The Kremlin", "advise", "advises", "Vladimir Putin", "Putin", 0.6, "d5", 1), o, graph.Person),
	}})
	route := func(p graph.Path) []string {
		out := entityNames(p.Nodes)
		for _, e := range p.Edges {
			out = append(out, e.ID)
		}
		return out
	}
	tests := []struct {
		name     string
		from, to string
		o        graph.PathOptions
		want     [][]string // entities then edges, per path
	}{
		{"shortest, best edge", "Moscow", "Putin", graph.PathOptions{MaxDepth: 4},
			[][]string{{"Moscow", "Rex Tillerson", "Vladimir Putin", "T2", "T1"}}},
		{"k shortest", "Moscow", "Putin", graph.PathOptions{MaxDepth: 4, K: 5},
			[][]string{
				{"Moscow", "Rex Tillerson", "Vladimir Putin", "T2", "T1"},
				{"Moscow", "Rex Tillerson", "Exxon", "Kremlin", "Vladimir Putin", "T2", "T4", "T8", "T9"},
			}},
		{"k shortest within depth", "Moscow", "Putin", graph.PathOptions{MaxDepth: 3, K: 5},
			[][]string{{"Moscow", "Rex Tillerson", "Vladimir Putin", "T2", "T1"}}},
		{"filtered relations", "Tillerson", "Putin", graph.PathOptions{MaxDepth: 4, K: 2, Filter: graph.EdgeFilter{Relations: []string{"lead", "fund", "advise"}}},
			[][]string{{"Rex Tillerson", "Exxon", "Kremlin", "Vladimir Putin", "T4", "T8", "T9"}}},
		{"through organisations only", "Tillerson", "United States", graph.PathOptions{MaxDepth: 5, K: 3, Filter: graph.EdgeFilter{Types: []string{"ORG"}}},
			nil},
		{"directed", "Moscow", "Putin", graph.PathOptions{MaxDepth: 4, K: 3, Direction: graph.Outgoing}, nil},
		{"directed, along the edges", "Tillerson", "Putin", graph.PathOptions{MaxDepth: 4, K: 3, Direction: graph.Outgoing},
			[][]string{{"Rex Tillerson", "Vladimir Putin", "T1"}, {"Rex Tillerson", "Exxon", "Kremlin", "Vladimir Putin", "T4", "T8", "T9"}}},
		{"directed, against the edges", "Putin", "Tillerson", graph.PathOptions{MaxDepth: 4, Direction: graph.Outgoing}, nil},
		{"itself", "Putin", "Vladimir Putin", graph.PathOptions{MaxDepth: 4}, [][]string{{"Vladimir Putin"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := s.Paths(ctx, tt.from, tt.to, tt.o)
			if tt.want == nil {
				if !errors.Is(err, graph.ErrNotFound) {
					t.Errorf("Paths() = %d paths, %v; want ErrNotFound", len(ps), err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Paths() = %v", err)
			}
			var got [][]string
			for _, p := range ps {
				got = append(got, route(p))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Paths() (-want +got):\n%s", diff)
			}
		})
	}
}
