package schema_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/kg-builder/kg/schema"
)

// The seed graph (see seedDocs); d1 is dated 2024-05-01, d2 and d3 undated:
//
//	T1 Alice Smith –meet→ Bob Jones (d1, d3; 0.9)   T2 Alice Smith –visit→ Helsinki (d1; 0.6)
//	T3 Bob Jones –work for→ Acme Corp (d2; 0.9)      T4 Acme Corp –base in→ Helsinki (d2; 0.5)
//	T5 Carol White –lead→ Acme Corp (d3; 0.7)        T6 Carol White –discuss→ budget (d3; 0.4)
func TestTraversal(t *testing.T) {
	s := newSchema(t, seededStore(t), schema.Options{})
	runQueries(t, s, []queryCase{
		{
			name:  "search: words in any order, a typo, a type",
			query: `{ a: entities(query: "jones bob") { nodes { name } } b: entities(query: "Smiht") { nodes { name } } c: entities(query: "acme", type: "org") { totalCount nodes { name } } d: entities(query: "acme", type: "PERSON") { totalCount } }`,
			want:  `{"a": {"nodes": [{"name": "Bob Jones"}]}, "b": {"nodes": [{"name": "Alice Smith"}]}, "c": {"totalCount": 1, "nodes": [{"name": "Acme Corp"}]}, "d": {"totalCount": 0}}`,
		},
		{
			name:  "search: exact before prefix before word",
			query: `{ entities(query: "white") { nodes { name } } }`,
			want:  `{"entities": {"nodes": [{"name": "Carol White"}]}}`,
		},
		{
			name:  "triples by relations",
			query: `{ triples(relations: ["meet", "visit"]) { totalCount nodes { id } } }`,
			want:  `{"triples": {"totalCount": 2, "nodes": [{"id": "T1"}, {"id": "T2"}]}}`,
		},
		{
			name:  "triples by type of either end",
			query: `{ triples(types: ["CONCEPT"]) { nodes { id } } }`,
			want:  `{"triples": {"nodes": [{"id": "T6"}]}}`,
		},
		{
			name:  "triples by confidence and count",
			query: `{ a: triples(minConfidence: 0.85) { nodes { id } } b: triples(minCount: 2) { nodes { id } } }`,
			want:  `{"a": {"nodes": [{"id": "T1"}, {"id": "T3"}]}, "b": {"nodes": [{"id": "T1"}]}}`,
		},
		{
			name:  "triples by document and date",
			query: `{ a: triples(document: "d3") { totalCount nodes { id } } b: triples(since: "2024-05") { nodes { id } } c: triples(until: "2023") { totalCount } }`,
			want:  `{"a": {"totalCount": 3, "nodes": [{"id": "T1"}, {"id": "T5"}, {"id": "T6"}]}, "b": {"nodes": [{"id": "T1"}, {"id": "T2"}]}, "c": {"totalCount": 0}}`,
		},
		{
			name:  "outgoing filtered by the object's type",
			query: `{ entity(name: "Alice Smith") { outgoing(types: ["PLACE"]) { nodes { id object { name } } } } }`,
			want:  `{"entity": {"outgoing": {"nodes": [{"id": "T2", "object": {"name": "Helsinki"}}]}}}`,
		},
		{
			name:  "incoming filtered by relation and confidence",
			query: `{ entity(name: "Acme") { incoming(relations: ["work for", "lead"], minConfidence: 0.8) { nodes { id } } } }`,
			want:  `{"entity": {"incoming": {"nodes": [{"id": "T3"}]}}}`,
		},
		{
			name:  "neighborhood outgoing, two hops",
			query: `{ neighborhood(name: "Alice Smith", depth: 2, direction: OUTGOING) { nodes { name } distances edges { id } truncated } }`,
			want: `{"neighborhood": {"nodes": [{"name": "Alice Smith"}, {"name": "Bob Jones"}, {"name": "Helsinki"}, {"name": "Acme Corp"}],
				"distances": [0, 1, 1, 2], "edges": [{"id": "T1"}, {"id": "T2"}, {"id": "T3"}], "truncated": false}}`,
		},
		{
			name:  "neighborhood incoming",
			query: `{ neighborhood(name: "Helsinki", direction: INCOMING) { nodes { name } edges { id } } }`,
			want:  `{"neighborhood": {"nodes": [{"name": "Helsinki"}, {"name": "Alice Smith"}, {"name": "Acme Corp"}], "edges": [{"id": "T2"}, {"id": "T4"}]}}`,
		},
		{
			name:  "neighborhood filtered",
			query: `{ neighborhood(name: "Acme", depth: 3, relations: ["lead", "discuss"], types: ["PERSON", "CONCEPT"], minConfidence: 0.3) { nodes { name } edges { id } } }`,
			want:  `{"neighborhood": {"nodes": [{"name": "Acme Corp"}, {"name": "Carol White"}, {"name": "budget"}], "edges": [{"id": "T5"}, {"id": "T6"}]}}`,
		},
		{
			name:  "neighborhood truncated at the limit, strongest first",
			query: `{ neighborhood(name: "Alice Smith", depth: 3, limit: 1) { nodes { name } edges { id } truncated } }`,
			want:  `{"neighborhood": {"nodes": [{"name": "Alice Smith"}, {"name": "Bob Jones"}], "edges": [{"id": "T1"}], "truncated": true}}`,
		},
		{
			name:  "path with its nodes",
			query: `{ path(from: "Alice Smith", to: "Carol White") { length nodes { name } edges { id } } }`,
			want: `{"path": {"length": 3, "nodes": [{"name": "Alice Smith"}, {"name": "Bob Jones"}, {"name": "Acme Corp"}, {"name": "Carol White"}],
				"edges": [{"id": "T1"}, {"id": "T3"}, {"id": "T5"}]}}`,
		},
		{
			name:  "k shortest paths",
			query: `{ paths(from: "Alice Smith", to: "Acme Corp", first: 5) { length edges { id } } }`,
			want:  `{"paths": [{"length": 2, "edges": [{"id": "T1"}, {"id": "T3"}]}, {"length": 2, "edges": [{"id": "T2"}, {"id": "T4"}]}]}`,
		},
		{
			name:  "paths avoiding a relation",
			query: `{ paths(from: "Alice Smith", to: "Acme Corp", first: 5, relations: ["visit", "base in"]) { edges { id } } }`,
			want:  `{"paths": [{"edges": [{"id": "T2"}, {"id": "T4"}]}]}`,
		},
		{
			name:  "paths along the edges only",
			query: `{ a: paths(from: "Alice Smith", to: "Helsinki", direction: OUTGOING, first: 5) { length } b: paths(from: "Helsinki", to: "Alice Smith", direction: OUTGOING) { length } c: path(from: "Helsinki", to: "Alice Smith", direction: OUTGOING) { length } }`,
			want:  `{"a": [{"length": 1}, {"length": 3}], "b": [], "c": null}`,
		},
		{
			name:  "relations as a connection",
			query: `{ relations(first: 2) { totalCount nodes { relation triples } pageInfo { hasNextPage } } w: relations(prefix: "w") { totalCount nodes { relation } } }`,
			want: `{"relations": {"totalCount": 6, "nodes": [{"relation": "base in", "triples": 1}, {"relation": "discuss", "triples": 1}], "pageInfo": {"hasNextPage": true}},
				"w": {"totalCount": 1, "nodes": [{"relation": "work for"}]}}`,
		},
		{
			name:  "evidence as a connection",
			query: `{ triple(id: "T1") { evidence(first: 1) { totalCount nodes { documentId document { id title date } start end } pageInfo { hasNextPage } } } }`,
			want: `{"triple": {"evidence": {"totalCount": 2, "nodes": [{"documentId": "d1", "document": {"id": "d1", "title": "Helsinki talks", "date": "2024-05-01"}, "start": 0, "end": 38}],
				"pageInfo": {"hasNextPage": true}}}}`,
		},
		{
			name:  "a document's triples and entities",
			query: `{ document(id: "d2") { triples(relations: ["base in"]) { nodes { id } } entities { totalCount nodes { name } } } }`,
			want:  `{"document": {"triples": {"nodes": [{"id": "T4"}]}, "entities": {"totalCount": 4, "nodes": [{"name": "Alice Smith"}, {"name": "Bob Jones"}, {"name": "Helsinki"}, {"name": "Acme Corp"}]}}}`,
		},
	})
}

// Every connection pages by cursor: pages of one, followed by endCursor,
// give the same list as one page of all.
func TestConnectionsPageStably(t *testing.T) {
	s := newSchema(t, seededStore(t), schema.Options{})
	lists := map[string]string{
		"entities":        `entities(first: $n, after: $after)`,
		"search":          `entities(query: "a", first: $n, after: $after)`,
		"triples":         `triples(first: $n, after: $after)`,
		"filtered":        `triples(types: ["PERSON"], first: $n, after: $after)`,
		"relations":       `relations(first: $n, after: $after)`,
		"documents":       `documents(first: $n, after: $after)`,
		"outgoing":        `entity(name: "Alice Smith") { outgoing(first: $n, after: $after)`,
		"evidence":        `triple(id: "T1") { evidence(first: $n, after: $after)`,
		"document triple": `document(id: "d3") { triples(first: $n, after: $after)`,
		"document entity": `document(id: "d3") { entities(first: $n, after: $after)`,
	}
	for name, field := range lists {
		t.Run(name, func(t *testing.T) {
			closing := ""
			for _, c := range field {
				if c == '{' {
					closing += "}"
				}
			}
			q := fmt.Sprintf(`query($n: Int, $after: String) { %s { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } %s }`, field, closing)
			type conn struct {
				TotalCount int
				Edges      []struct{ Cursor string }
				PageInfo   struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
			get := func(n int, after *string) conn {
				vars := map[string]any{"n": n}
				if after != nil {
					vars["after"] = *after
				}
				resp := s.Exec(context.Background(), q, "", vars)
				if len(resp.Errors) > 0 {
					t.Fatalf("Exec(%s) errors = %s", q, errorsJSON(resp))
				}
				var data map[string]json.RawMessage
				if err := json.Unmarshal(resp.Data, &data); err != nil {
					t.Fatal(err)
				}
				raw := data[firstKey(data)]
				// dig down to the connection: the first object with edges
				for {
					var probe map[string]json.RawMessage
					if err := json.Unmarshal(raw, &probe); err != nil {
						t.Fatal(err)
					}
					if _, ok := probe["edges"]; ok {
						break
					}
					raw = probe[firstKey(probe)]
				}
				var c conn
				if err := json.Unmarshal(raw, &c); err != nil {
					t.Fatal(err)
				}
				return c
			}
			all := get(1000, nil)
			if len(all.Edges) == 0 {
				t.Fatalf("%s is empty: nothing to page", name)
			}
			var paged []string
			var after *string
			for i := 0; ; i++ {
				if i > len(all.Edges) {
					t.Fatalf("paging never ends")
				}
				c := get(1, after)
				if c.TotalCount != all.TotalCount {
					t.Errorf("page %d: totalCount %d, want %d", i, c.TotalCount, all.TotalCount)
				}
				for _, e := range c.Edges {
					paged = append(paged, e.Cursor)
				}
				if !c.PageInfo.HasNextPage {
					break
				}
				after = c.PageInfo.EndCursor
			}
			var want []string
			for _, e := range all.Edges {
				want = append(want, e.Cursor)
			}
			if fmt.Sprint(want) != fmt.Sprint(paged) {
				t.Errorf("paged one by one: %v, want %v", paged, want)
			}
			if len(want) != all.TotalCount {
				t.Errorf("%d edges, totalCount %d", len(want), all.TotalCount)
			}
		})
	}
}

func firstKey(m map[string]json.RawMessage) string {
	for k := range m {
		return k
	}
	return ""
}

func TestTraversalErrors(t *testing.T) {
	runErrors(t, seededStore(t), []errCase{
		{name: "unknown entity type", query: `{ entities(query: "a", type: "PEOPLE") { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: `unknown type "PEOPLE"`},
		{name: "search bad cursor", query: `{ entities(query: "a", after: "zz") { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: "invalid cursor"},
		{name: "unknown type", query: `{ triples(types: ["PEOPLE"]) { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: `unknown type "PEOPLE"`},
		{name: "confidence over 1", query: `{ triples(minConfidence: 1.5) { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: "minimum confidence 1.5"},
		{name: "negative count", query: `{ triples(minCount: -1) { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: "minimum count -1"},
		{name: "not a date", query: `{ triples(since: "May 2024") { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: "ISO date"},
		{name: "since after until", query: `{ triples(since: "2025", until: "2024-12-31") { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: "after until"},
		{name: "unknown direction", query: `{ neighborhood(name: "Alice Smith", direction: UP) { truncated } }`, wantCode: "GRAPHQL_VALIDATION_FAILED"},
		{name: "neighborhood depth 4", query: `{ neighborhood(name: "Alice Smith", depth: 4) { truncated } }`, wantCode: "BAD_USER_INPUT", wantMsg: "depth"},
		{name: "paths first 21", query: `{ paths(from: "a", to: "b", first: 21) { length } }`, wantCode: "BAD_USER_INPUT", wantMsg: "between 0 and 20"},
		{name: "paths maxDepth 9", query: `{ paths(from: "a", to: "b", maxDepth: 9) { length } }`, wantCode: "BAD_USER_INPUT", wantMsg: "maxDepth"},
		{name: "relations bad cursor", query: `{ relations(after: "zz") { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: "invalid cursor"},
		{name: "evidence bad cursor", query: `{ triple(id: "T1") { evidence(after: "zz") { totalCount } } }`, wantCode: "BAD_USER_INPUT", wantMsg: "invalid cursor"},
		{name: "ingest bad date", opt: schema.Options{Ingester: &fakeIngester{}}, query: `mutation { ingest(text: "x", date: "yesterday") { documentId } }`, wantCode: "BAD_USER_INPUT", wantMsg: "date"},
		{name: "delete unknown document", opt: schema.Options{Editor: openStore(t)}, query: `mutation { deleteDocument(id: "nope") { evidenceRemoved } }`, wantCode: "NOT_FOUND", wantMsg: `"nope"`},
		{name: "delete read-only", opt: schema.Options{Editor: openStore(t), ReadOnly: true}, query: `mutation { deleteDocument(id: "d1") { evidenceRemoved } }`, wantCode: "FORBIDDEN"},
		{name: "delete not enabled", query: `mutation { deleteDocument(id: "d1") { evidenceRemoved } }`, wantCode: "FORBIDDEN"},
	})
}

func TestDeleteDocument(t *testing.T) {
	st := seededStore(t)
	s := newSchema(t, st, schema.Options{Editor: st})
	runQueries(t, s, []queryCase{
		{
			name: "delete d3",
			query: `mutation { deleteDocument(id: "d3") { document { id title } evidenceRemoved triplesDeleted
				triplesChanged { id count confidence } entitiesDeleted { name } entitiesChanged { name mentions } entitiesKept { name } } }`,
			want: `{"deleteDocument": {"document": {"id": "d3", "title": "Carol leads Acme"}, "evidenceRemoved": 3,
				"triplesDeleted": ["T5", "T6"], "triplesChanged": [{"id": "T1", "count": 1, "confidence": 0.8}],
				"entitiesDeleted": [{"name": "Carol White"}, {"name": "budget"}, {"name": "Dave Brown"}],
				"entitiesChanged": [{"name": "Alice Smith", "mentions": 3}, {"name": "Bob Jones", "mentions": 2}, {"name": "Acme Corp", "mentions": 2}],
				"entitiesKept": []}}`,
		},
		{
			name:  "it is gone, and the rest stays",
			query: `{ document(id: "d3") { id } entity(name: "Carol White") { id } stats { documents entities triples evidence } triple(id: "T1") { count } }`,
			want:  `{"document": null, "entity": null, "stats": {"documents": 2, "entities": 4, "triples": 4, "evidence": 4}, "triple": {"count": 1}}`,
		},
	})
}
