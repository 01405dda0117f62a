package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kg-builder/kg"
	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/schema"
)

// fuzzToken is the bearer token of the fuzzed handler.
const fuzzToken = "fuzz-t0ken"

// spyIngester counts ingests and stores nothing.
type spyIngester struct{ calls atomic.Int64 }

func (s *spyIngester) Ingest(ctx context.Context, d schema.Doc) (graph.Added, error) {
	s.calls.Add(1)
	return graph.Added{}, fmt.Errorf("spy: %w", graph.ErrReadOnly)
}

// spyEditor counts edits and changes nothing (any edit it does not know
// goes to the store it embeds).
type spyEditor struct {
	schema.Editor
	calls atomic.Int64
}

func (s *spyEditor) DeleteDocument(ctx context.Context, id string) (graph.Deleted, error) {
	s.calls.Add(1)
	return graph.Deleted{}, fmt.Errorf("spy: %w", graph.ErrReadOnly)
}

func (s *spyEditor) MergeEntities(ctx context.Context, into, from string) (graph.Merged, error) {
	s.calls.Add(1)
	return graph.Merged{}, fmt.Errorf("spy: %w", graph.ErrReadOnly)
}

func (s *spyEditor) SplitAlias(ctx context.Context, entity, alias string) (graph.Split, error) {
	s.calls.Add(1)
	return graph.Split{}, fmt.Errorf("spy: %w", graph.ErrReadOnly)
}

// fuzzQueries seed the corpus: queries of the tests and the README, and
// mistakes.
var fuzzQueries = []string{
	`{ stats { documents triples } }`,
	`query A { stats { documents } } query B($n: String!) { entity(name: $n) { name } }`,
	`{ entity(name: "Alice Smith") { id name type aliases mentions outgoing(first: 5) { totalCount nodes { relation object { name type } confidence count negated modality attributedTo } } incoming { nodes { subject { name } relation } } } }`,
	`{ exact: entities(query: "Smith") { nodes { name type } } prefix: entities(query: "ac", type: "ORG", first: 5) { totalCount edges { cursor node { name type mentions } } pageInfo { hasNextPage endCursor } } }`,
	`{ triples(relation: "meet", first: 5) { totalCount nodes { id subject { name } relation object { name } relationText confidence count } } }`,
	`{ triple(id: "T1") { subject { name } relation object { name } negated modality attributedTo } }`,
	`{ neighborhood(name: "Alice Smith", depth: 2, limit: 50) { nodes { id name type } edges { subject { id } relation object { id } confidence } } }`,
	`{ documents(first: 2) { totalCount nodes { id title source } pageInfo { hasNextPage endCursor } } }`,
	`{ entities(first: -1) { totalCount } }`,
	`{ entities(after: "!!!") { totalCount } }`,
	`query($n: Int) { entities(first: $n) { totalCount } }`,
	`fragment F on Entity { name ...G } fragment G on Entity { id } { entity(name: "Bob") { ...F ... on Entity { type } } }`,
	`{ __schema { queryType { name } types { name fields { name args { name defaultValue } } } } }`,
	`{ __type(name: "Entity") { name kind fields { name type { name kind ofType { name } } } } }`,
	`{ a: stats { documents } b: stats { triples } __typename }`,
	`{ stats { documents @skip(if: true) triples @include(if: false) } }`,
	`mutation { ingest(text: "Eve joined Acme.", id: "d4") { documentId triples } }`,
	`mutation M($t: String!) { ingest(text: $t) { documentId } }`,
	`mutation { mergeEntities(into: "Alice Smith", from: "Bob Jones") { into { id } } }`,
	`mutation { splitAlias(entity: "Alice Smith", alias: "Smith") { new { id } } }`,
	`mutation { deleteDocument(id: "d1") { __typename } }`,
	`query Q { stats { documents } } mutation M { ingest(text: "x", id: "get") { documentId } }`,
	`mutation { __typename }`,
	`subscription { stats { documents } }`,
	`{ stats { documents }`,
	`{ stats { pages } }`,
	`mutation { ingest(text: "\x41") { documentId } }`,
	"\ufeff{ stats { documents } }",
	`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
	`{ ...F0 } fragment F0 on Query { ...F1 ...F1 } fragment F1 on Query { stats { documents } }`,
}

func FuzzHandler(f *testing.F) {
	type seed struct {
		method, contentType, accept, auth, rawQuery string
		body, gen                                   []byte
	}
	var seeds []seed
	for _, q := range fuzzQueries {
		b, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"n": "Alice Smith", "t": "Eve met Bob."}})
		seeds = append(seeds,
			seed{method: "POST", contentType: "application/json", body: b},
			seed{method: "POST", contentType: "application/json", accept: "application/graphql-response+json", auth: "Bearer " + fuzzToken, body: b},
			seed{method: "GET", rawQuery: url.Values{"query": {q}, "variables": {`{"n": "Alice Smith"}`}}.Encode()},
			seed{method: "GET", accept: "application/graphql-response+json", rawQuery: url.Values{"query": {q}, "operationName": {"M"}}.Encode()},
		)
	}
	seeds = append(seeds,
		seed{method: "POST", contentType: "application/json; charset=utf-8", accept: "*/*", body: []byte(`{"query": "{ stats { documents } }", "extensions": {"a": 1}}`)},
		seed{method: "POST", contentType: "text/plain", body: []byte(`{"query": "{ stats { documents } }"}`)},
		seed{method: "POST", contentType: "application/json", accept: "text/html", body: []byte(`{"query": "{ stats { documents } }"}`)},
		seed{method: "POST", contentType: "application/json", body: []byte(`{"query": `)},
		seed{method: "POST", contentType: "application/json", body: []byte(`{"query": ["x"], "variables": 1, "extensions": "x"}`)},
		seed{method: "POST", contentType: "application/json", body: []byte(`{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}`)},
		seed{method: "PUT", contentType: "application/json", body: []byte(`{"query": "{ stats { documents } }"}`)},
		seed{method: "OPTIONS"},
		seed{method: "HEAD", rawQuery: "query=%7Bstats%7Bdocuments%7D%7D"},
		seed{method: "GET", rawQuery: "query=%7Bstats%7Bdocuments%7D%7D&variables=%5B1%5D"},
		seed{method: "GET", rawQuery: "query=mutation%7B__typename%7D&query=%7Bstats%7Bdocuments%7D%7D"},
		seed{method: "GET", gen: []byte("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c")},
		seed{method: "POST", contentType: "application/json", auth: "Bearer " + fuzzToken, gen: []byte("\x81\x01\x05\x02\x07\x03\x0b\x04\x0d\x09\x11\x13\x17")},
		seed{method: "GET", gen: []byte("\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01")},
	)
	for _, s := range seeds {
		f.Add(s.method, s.contentType, s.accept, s.auth, s.rawQuery, s.body, s.gen)
	}

	st := seededStore(f)
	ing := &spyIngester{}
	ed := &spyEditor{Editor: st}
	h := newSchema(f, st, schema.Options{Ingester: ing, Editor: ed, Token: fuzzToken, MaxFields: 500}).Handler()
	g := newGenerator(f)

	f.Fuzz(func(t *testing.T, method, contentType, accept, auth, rawQuery string, body, gen []byte) {
		if len(gen) > 0 {
			// a document built from the schema, in the URL or the body
			doc, vars := g.document(gen)
			if method == http.MethodPost {
				body, _ = json.Marshal(map[string]any{"query": doc, "variables": vars})
			} else {
				v := url.Values{"query": {doc}}
				if vb, err := json.Marshal(vars); err == nil && len(vars) > 0 {
					v.Set("variables", string(vb))
				}
				rawQuery = v.Encode()
			}
		}
		req := (&http.Request{
			Method:     method,
			URL:        &url.URL{Path: "/graphql", RawQuery: rawQuery},
			Proto:      "HTTP/1.1",
			ProtoMajor: 1,
			ProtoMinor: 1,
			Header:     http.Header{},
			Body:       io.NopCloser(bytes.NewReader(body)),
		}).WithContext(context.Background())
		req.ContentLength = int64(len(body))
		for k, v := range map[string]string{"Content-Type": contentType, "Accept": accept, "Authorization": auth} {
			if v != "" {
				req.Header.Set(k, v)
			}
		}
		before := ing.calls.Load() + ed.calls.Load()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		ran := ing.calls.Load()+ed.calls.Load() > before

		desc := fmt.Sprintf("%q %q (Content-Type %q, Accept %q, Authorization %q) body %q", method, rawQuery, contentType, accept, auth, body)
		if ran && method != http.MethodPost {
			t.Fatalf("a mutation ran over %s: %s", method, desc)
		}
		if ran && !validAuth(auth) {
			t.Fatalf("a mutation ran without the token: %s", desc)
		}
		status := rec.Code
		if method == http.MethodOptions {
			if status != http.StatusNoContent || rec.Body.Len() != 0 {
				t.Fatalf("OPTIONS = %d %q, want 204 and no body", status, rec.Body)
			}
			return
		}
		switch status {
		case http.StatusOK, http.StatusBadRequest, http.StatusUnauthorized, http.StatusMethodNotAllowed,
			http.StatusNotAcceptable, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType:
		default:
			t.Fatalf("status %d for %s; body %s", status, desc, rec.Body)
		}
		ct, _, err := mime.ParseMediaType(rec.Header().Get("Content-Type"))
		if err != nil || (ct != "application/json" && ct != "application/graphql-response+json") {
			t.Fatalf("Content-Type %q for %s", rec.Header().Get("Content-Type"), desc)
		}
		var resp map[string]json.RawMessage
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("body %q is not a JSON object (%v) for %s", rec.Body, err, desc)
		}
		data, hasData := resp["data"]
		errs, hasErrors := resp["errors"]
		if !hasData && !hasErrors {
			t.Fatalf("body %s has neither data nor errors, for %s", rec.Body, desc)
		}
		for k := range resp {
			if k != "data" && k != "errors" && k != "extensions" {
				t.Fatalf("body %s has a key %q, for %s", rec.Body, k, desc)
			}
		}
		if status != http.StatusOK && hasData {
			t.Fatalf("status %d with data %s, for %s", status, data, desc)
		}
		if hasErrors {
			var list []struct {
				Message    *string
				Extensions struct{ Code string }
			}
			if err := json.Unmarshal(errs, &list); err != nil || len(list) == 0 {
				t.Fatalf("errors %s is not a list of errors, for %s", errs, desc)
			}
			for _, e := range list {
				if e.Message == nil || e.Extensions.Code == "" {
					t.Fatalf("error without a message or extensions.code in %s, for %s", errs, desc)
				}
				if e.Extensions.Code == "INTERNAL_SERVER_ERROR" {
					t.Fatalf("internal error %s, for %s", errs, desc)
				}
			}
		} else if status != http.StatusOK {
			t.Fatalf("status %d without errors, for %s", status, desc)
		}
	})
}

// validAuth reports whether an Authorization header carries fuzzToken.
func validAuth(h string) bool {
	scheme, tok, _ := strings.Cut(strings.TrimSpace(h), " ")
	return strings.EqualFold(scheme, "Bearer") && strings.TrimSpace(tok) == fuzzToken
}

// generator writes GraphQL documents from the schema's own types, fields
// and arguments, steered by the fuzzer's bytes: mostly valid, often over a
// limit or slightly wrong.
type generator struct {
	s *ast.Schema
}

func newGenerator(t testing.TB) *generator {
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: kg.Schema})
	if err != nil {
		t.Fatal(err)
	}
	return &generator{s: s}
}

// bytesReader hands out the fuzzer's bytes as choices; zero once spent.
type bytesReader struct {
	b []byte
	i int
}

func (r *bytesReader) next() int {
	if r.i >= len(r.b) {
		return 0
	}
	r.i++
	return int(r.b[r.i-1])
}

func (r *bytesReader) pick(n int) int {
	if n <= 0 {
		return 0
	}
	return r.next() % n
}

func (r *bytesReader) done() bool { return r.i >= len(r.b) }

var (
	genStrings = []string{"Alice Smith", "Smith", "bob", "Acme", "Helsinki", "", "meet", "work for", "T1", "E2", "d1", "!!!", "VAAAAAAAAAAB", "ä\u0000\"\\", "PERSON", "ORG"}
	genInts    = []int64{0, 1, 2, 3, 5, 20, 100, 1000, 1001, -1, 2147483647, -2147483648, 4294967296}
	genJunk    = []string{"{", "}", "(", ")", "...", "$", "@", "#c\n", "\"", "\"\"\"", ":", "!", "=", ",", "mutation", "query", "fragment", "on", "\\x41", "`", "\u00a0"}
)

// document writes a document and the variables it uses.
func (g *generator) document(b []byte) (string, map[string]any) {
	r := &bytesReader{b: b}
	var sb strings.Builder
	vars := map[string]any{}
	var defs []string
	kind := r.pick(8)
	root, keyword := g.s.Query, "query"
	if kind >= 6 && g.s.Mutation != nil {
		root, keyword = g.s.Mutation, "mutation"
	}
	sel := g.selection(r, root, 0, vars, &defs)
	if len(defs) > 0 || kind%2 == 1 {
		fmt.Fprintf(&sb, "%s Op%d", keyword, r.pick(3))
		if len(defs) > 0 {
			sb.WriteString("(" + strings.Join(defs, ", ") + ")")
		}
		sb.WriteString(" ")
	} else if keyword == "mutation" {
		sb.WriteString("mutation ")
	}
	sb.WriteString(sel)
	// sometimes a second operation, a fragment, or junk
	for !r.done() && r.pick(4) == 0 {
		switch r.pick(3) {
		case 0:
			fmt.Fprintf(&sb, "\nmutation Op%d { ingest(text: %q) { documentId } }", r.pick(3), genStrings[r.pick(len(genStrings))])
		case 1:
			fmt.Fprintf(&sb, "\nquery Op%d %s", r.pick(3), g.selection(r, g.s.Query, 0, vars, &defs))
		case 2:
			at := r.pick(sb.Len() + 1)
			s := sb.String()
			sb.Reset()
			sb.WriteString(s[:at] + genJunk[r.pick(len(genJunk))] + s[at:])
		}
	}
	return sb.String(), vars
}

// selection writes a selection set on t.
func (g *generator) selection(r *bytesReader, t *ast.Definition, depth int, vars map[string]any, defs *[]string) string {
	var fields ast.FieldList
	for _, f := range t.Fields {
		if !strings.HasPrefix(f.Name, "__") {
			fields = append(fields, f)
		}
	}
	var parts []string
	n := 1 + r.pick(4)
	for i := 0; i < n; i++ {
		if len(fields) == 0 || r.pick(16) == 0 {
			parts = append(parts, "__typename")
			continue
		}
		f := fields[r.pick(len(fields))]
		var s strings.Builder
		if r.pick(4) == 0 {
			fmt.Fprintf(&s, "a%d: ", r.pick(4))
		}
		s.WriteString(f.Name)
		var args []string
		for _, a := range f.Arguments {
			if a.Type.NonNull || r.pick(3) == 0 {
				args = append(args, a.Name+": "+g.value(r, a, vars, defs))
			}
		}
		if len(args) > 0 {
			s.WriteString("(" + strings.Join(args, ", ") + ")")
		}
		if r.pick(12) == 0 {
			fmt.Fprintf(&s, " @skip(if: %v)", r.pick(2) == 0)
		}
		if def := g.s.Types[f.Type.Name()]; def != nil && (def.Kind == ast.Object || def.Kind == ast.Interface) {
			if depth > 20 || (r.done() && depth > 3) {
				s.WriteString(" { __typename }")
			} else if r.pick(6) == 0 {
				s.WriteString(" { ... on " + def.Name + " " + g.selection(r, def, depth+1, vars, defs) + " }")
			} else {
				s.WriteString(" " + g.selection(r, def, depth+1, vars, defs))
			}
		}
		parts = append(parts, s.String())
	}
	return "{ " + strings.Join(parts, " ") + " }"
}

// value writes an argument's value: a literal, or a variable (declared in
// defs, valued in vars).
func (g *generator) value(r *bytesReader, a *ast.ArgumentDefinition, vars map[string]any, defs *[]string) string {
	var lit string
	var val any
	switch name := a.Type.Name(); {
	case a.Type.Elem != nil:
		s := genStrings[r.pick(len(genStrings))]
		lit, val = fmt.Sprintf("[%q]", s), []any{s}
	case name == "Int":
		n := genInts[r.pick(len(genInts))]
		lit, val = fmt.Sprint(n), n
	case name == "Float":
		lit, val = "0.5", 0.5
	case name == "Boolean":
		lit, val = "true", true
	case g.s.Types[name] != nil && g.s.Types[name].Kind == ast.Enum && len(g.s.Types[name].EnumValues) > 0:
		e := g.s.Types[name].EnumValues[r.pick(len(g.s.Types[name].EnumValues))].Name
		lit, val = e, e
	default:
		s := genStrings[r.pick(len(genStrings))]
		lit, val = fmt.Sprintf("%q", s), s
	}
	if r.pick(4) != 0 {
		return lit
	}
	v := fmt.Sprintf("v%d", len(*defs))
	*defs = append(*defs, "$"+v+": "+a.Type.String())
	if r.pick(8) != 0 {
		vars[v] = val
	} else {
		vars[v] = genStrings[r.pick(len(genStrings))] // maybe the wrong type
	}
	return "$" + v
}
