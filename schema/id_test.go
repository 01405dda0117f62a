package schema_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/schema"
)

// TestIDs: ids are written as JSON strings, whatever they hold, and read
// back as they were: a document id with a control character once made the
// whole answer invalid JSON (graphql.ID writes itself with strconv.Quote).
func TestIDs(t *testing.T) {
	ids := []string{"plain-1", "café", "a\x7fb", "tab\there", "nul\x00", "bell\x07", "\u2028line", `quote"d`, `back\slash`, "<a&b>", "日本"}
	st := openStore(t)
	for i, id := range ids {
		d := graph.Document{ID: id, Hash: "h" + id, Title: "t", Sentences: 1, Tokens: 4,
			Entities: []graph.Entity{{Name: "Alice Smith", Type: graph.Person, Aliases: []string{"Alice Smith"}, Mentions: 1},
				{Name: "Helsinki", Type: graph.Place, Aliases: []string{"Helsinki"}, Mentions: 1}},
			Triples: []graph.Triple{{Subject: "Alice Smith", Relation: "visit", Object: "Helsinki", Confidence: 0.9,
				Evidence: []graph.Evidence{{Sentence: i, Text: "Alice Smith visited Helsinki.", Start: 0, End: 29}}}}}
		if _, err := st.Add(context.Background(), d); err != nil {
			t.Fatalf("Add(%q): %v", id, err)
		}
	}
	s := newSchema(t, st, schema.Options{})
	r := s.Exec(context.Background(), `{
  documents(first: 100) { nodes { id } }
  triples { nodes { id subject { id } evidence(first: 100) { nodes { documentId } } } }
}`, "", nil)
	if len(r.Errors) > 0 || !json.Valid(r.Data) {
		t.Fatalf("documents and evidence: data %q (valid JSON: %v), errors %s", r.Data, json.Valid(r.Data), errorsJSON(r))
	}
	var got struct {
		Documents struct{ Nodes []struct{ ID string } }
		Triples   struct {
			Nodes []struct {
				ID       string
				Evidence struct{ Nodes []struct{ DocumentID string } }
			}
		}
	}
	if err := json.Unmarshal(r.Data, &got); err != nil {
		t.Fatal(err)
	}
	var docs, evidence []string
	for _, n := range got.Documents.Nodes {
		docs = append(docs, n.ID)
	}
	for _, tr := range got.Triples.Nodes {
		for _, e := range tr.Evidence.Nodes {
			evidence = append(evidence, e.DocumentID)
		}
	}
	want := slices.Sorted(slices.Values(ids))
	if slices.Sort(docs); !slices.Equal(docs, want) {
		t.Errorf("documents' ids = %q, want %q", docs, want)
	}
	if slices.Sort(evidence); !slices.Equal(evidence, want) {
		t.Errorf("evidence's document ids = %q, want %q", evidence, want)
	}
	// and back in, as arguments
	for _, id := range ids {
		r := s.Exec(context.Background(), `query($id: ID!) { document(id: $id) { id } }`, "", map[string]any{"id": id})
		var d struct{ Document struct{ ID string } }
		if err := json.Unmarshal(r.Data, &d); err != nil || len(r.Errors) > 0 || d.Document.ID != id {
			t.Errorf("document(id: %q) = %s %s, want it", id, r.Data, errorsJSON(r))
		}
	}
}
