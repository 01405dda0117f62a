package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kg-builder/kg"
	"github.com/kg-builder/kg/examples"
	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/schema"

	"github.com/kg-builder/kg/source"
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
	for _, sm := range smuggled {
		for _, op := range sm.ops {
			b, _ := json.Marshal(map[string]any{"query": sm.query, "operationName": op})
			seeds = append(seeds,
				seed{method: "POST", contentType: "application/json", body: b},
				seed{method: "GET", rawQuery: url.Values{"query": {sm.query}, "operationName": {op}}.Encode()})
		}
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
		// differential: what graphql-go answered is what the checker read
		if rec.Code == http.StatusOK && !ran {
			if q, op, ok := requestQuery(method, rawQuery, body); ok {
				var r httpResult
				if json.Unmarshal(rec.Body.Bytes(), &r) == nil && !validAuth(auth) {
					checkRanAsChecked(t, q, op, r)
				}
			}
		}
		status := rec.Code
		if method == http.MethodOptions {
			if status != http.StatusNoContent || rec.Body.Len() != 0 {
				t.Fatalf("OPTIONS = %d %q, want 204 and no body", status, rec.Body)
			}
			return
		}
		switch status {
		case http.StatusOK, http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusMethodNotAllowed,
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
				if e.Message == nil || *e.Message == "" || e.Extensions.Code == "" {
					t.Fatalf("error without a message or extensions.code in %s, for %s", errs, desc)
				}
				if e.Extensions.Code == "INTERNAL_SERVER_ERROR" {
					t.Fatalf("internal error %s, for %s", errs, desc)
				}
				if leak := internalText(*e.Message, desc); leak != "" {
					t.Fatalf("error message %q shows Go's %q, for %s", *e.Message, leak, desc)
				}
			}
		} else if status != http.StatusOK {
			t.Fatalf("status %d without errors, for %s", status, desc)
		}
	})
}

// requestQuery is the query and operationName of a request, as the handler
// reads them.
func requestQuery(method, rawQuery string, body []byte) (query, op string, ok bool) {
	switch method {
	case http.MethodGet:
		v, err := url.ParseQuery(rawQuery)
		if err != nil || !v.Has("query") {
			return "", "", false
		}
		return v.Get("query"), v.Get("operationName"), true
	case http.MethodPost:
		var r struct {
			Query         *string
			OperationName *string
		}
		if json.Unmarshal(body, &r) != nil || r.Query == nil {
			return "", "", false
		}
		if r.OperationName != nil {
			op = *r.OperationName
		}
		return *r.Query, op, true
	}
	return "", "", false
}

// internalText returns what in msg shows a failure inside the server
// rather than a mistake in the request ("runtime error", a stack), or ""
// (words the request itself holds aside: an error may quote it).
func internalText(msg, request string) string {
	msg, request = strings.ToLower(msg), strings.ToLower(request)
	for _, w := range []string{"runtime error", "panic:", "goroutine ", "nil pointer", "index out of range",
		"slice bounds out of range", "invalid memory address", "badger"} {
		if strings.Contains(msg, w) && !strings.Contains(request, w) {
			return w
		}
	}
	return ""
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

// fuzzIngester is the ingest mutation as kg serves it: extract, then store.
type fuzzIngester struct {
	ex *ingest.Extractor
	st *graph.Store
}

func (g *fuzzIngester) Ingest(ctx context.Context, d schema.Doc) (graph.Added, error) {
	if strings.TrimSpace(d.Text) == "" {
		return graph.Added{}, schema.BadInput("text is empty")
	}
	in := ingest.Input(source.FrontMatter(source.Document{ID: d.ID, Title: d.Title, Source: d.Source, URL: d.URL, Date: d.Date, Text: d.Text}))
	if in.ID == "" {
		in.ID = "api-" + ingest.Hash(ingest.Text(in))[:12]
	}
	if id, ok, err := g.st.HasText(ctx, ingest.Hash(ingest.Text(in))); err != nil || ok {
		return graph.Added{DocumentID: id, Duplicate: ok}, err
	}
	doc, err := g.ex.Extract(ctx, in)
	if errors.Is(err, ingest.ErrNotUTF8) {
		return graph.Added{}, schema.BadInput(err.Error())
	}
	if err != nil {
		return graph.Added{}, err
	}
	return g.st.Add(ctx, doc)
}

// exampleDocs extracts the bundled example articles.
func exampleDocs(t testing.TB, ex *ingest.Extractor) []graph.Document {
	t.Helper()
	names, err := fs.Glob(examples.FS, "news/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("example articles: %v, %d found", err, len(names))
	}
	var docs []graph.Document
	for _, n := range names {
		b, err := fs.ReadFile(examples.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		in := ingest.Input(source.FrontMatter(source.Document{ID: path.Base(n), Source: "examples", Text: string(b)}))
		d, err := ex.Extract(context.Background(), in)
		if err != nil {
			t.Fatalf("Extract(%s): %v", n, err)
		}
		docs = append(docs, d)
	}
	return docs
}

// storeOf opens an in-memory store holding docs, closed when the test ends.
func storeOf(t testing.TB, docs []graph.Document) *graph.Store {
	t.Helper()
	st := openStore(t)
	for _, d := range docs {
		if _, err := st.Add(context.Background(), d); err != nil {
			t.Fatalf("Add(%s): %v", d.ID, err)
		}
	}
	return st
}

// Connections in resolverCases are aliased by the variable that gives
// their `first`: c_n… by $n, c_m… by $m (the alias is what the response
// names them by). An entity, triple, evidence or document selects what
// checkData compares.
const (
	fzEntity   = `id name type aliases mentions`
	fzTriple   = `id relation relationText subjectText objectText confidence count negated modality attributedTo subject { id name type } object { id name type }`
	fzEvidence = `documentId sentence text start end subjectText relationText objectText confidence attributedTo`
	fzDocument = `id title source url date hash sentences tokens statements added`
	fzPageInfo = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`
	fzFilters  = `relations: $rels, types: $types, minConfidence: $conf, minCount: $m, since: $since, until: $until`
)

// resolverCases are the queries and mutations FuzzResolvers runs: every
// field of Query and Mutation, with the fuzzer's values as variables. The
// root connection, if any, is c_n: its cursors are fed back as after.
var resolverCases = []struct {
	name     string
	query    string
	mutation bool
}{
	{"entity", `query($a: String!, $b: String, $n: Int, $m: Int, $after: String) {
		entity(name: $a) { ` + fzEntity + `
			c_n: outgoing(relation: $b, first: $n, after: $after) { edges { cursor node { ` + fzTriple + ` } } nodes { id } ` + fzPageInfo + ` }
			c_m: incoming(first: $m) { nodes { ` + fzTriple + ` } ` + fzPageInfo + ` } } }`, false},
	{"entities", `query($a: String, $b: String, $n: Int, $after: String) {
		c_n: entities(query: $a, type: $b, first: $n, after: $after) { edges { cursor node { ` + fzEntity + ` } } nodes { id } ` + fzPageInfo + ` } }`, false},
	{"entities by id", `query($n: Int, $m: Int, $after: String, $b: String) {
		c_n: entities(first: $n, after: $after) { edges { cursor node { ` + fzEntity + `
			c_m: outgoing(relation: $b, first: $m) { nodes { id } ` + fzPageInfo + ` } } } ` + fzPageInfo + ` } }`, false},
	{"triples", `query($a: String, $b: String, $n: Int, $after: String) {
		c_n: triples(subject: $a, relation: $b, first: $n, after: $after) { edges { cursor node { ` + fzTriple + ` } } ` + fzPageInfo + ` }
		c_n2: triples(object: $a, first: $n) { nodes { id } ` + fzPageInfo + ` } }`, false},
	{"triples filtered", `query($rels: [String!], $types: [String!], $conf: Float, $m: Int, $a: ID, $since: String, $until: String, $n: Int, $after: String) {
		c_n: triples(` + fzFilters + `, document: $a, first: $n, after: $after) { edges { cursor node { ` + fzTriple + ` } } ` + fzPageInfo + ` } }`, false},
	{"triple", `query($a: ID!, $n: Int, $after: String) {
		triple(id: $a) { ` + fzTriple + ` c_n: evidence(first: $n, after: $after) { edges { cursor node { ` + fzEvidence + ` document { id } } } ` + fzPageInfo + ` } } }`, false},
	{"neighborhood", `query($a: String!, $n: Int, $dir: Direction, $m: Int, $rels: [String!], $types: [String!], $conf: Float, $since: String, $until: String) {
		neighborhood(name: $a, depth: $n, direction: $dir, limit: $m, relations: $rels, types: $types, minConfidence: $conf, since: $since, until: $until) {
			nodes { ` + fzEntity + ` } distances edges { ` + fzTriple + ` } truncated } }`, false},
	{"path", `query($a: String!, $b: String!, $n: Int, $dir: Direction, $rels: [String!], $types: [String!], $conf: Float, $m: Int, $since: String, $until: String) {
		path(from: $a, to: $b, maxDepth: $n, direction: $dir, ` + fzFilters + `) { length nodes { ` + fzEntity + ` } edges { ` + fzTriple + ` } } }`, false},
	{"paths", `query($a: String!, $b: String!, $n: Int, $m: Int, $dir: Direction) {
		paths(from: $a, to: $b, maxDepth: $n, first: $m, direction: $dir) { length nodes { id name } edges { ` + fzTriple + ` } } }`, false},
	{"relations", `query($a: String, $n: Int, $after: String) {
		c_n: relations(prefix: $a, first: $n, after: $after) { edges { cursor node { relation triples } } nodes { relation } ` + fzPageInfo + ` } }`, false},
	{"documents", `query($n: Int, $m: Int, $after: String) {
		c_n: documents(first: $n, after: $after) { edges { cursor node { ` + fzDocument + `
			c_m: entities(first: $m) { nodes { ` + fzEntity + ` } ` + fzPageInfo + ` }
			c_m2: triples(first: $m) { nodes { id } ` + fzPageInfo + ` } } } ` + fzPageInfo + ` } }`, false},
	{"document", `query($a: ID!, $n: Int, $m: Int, $after: String, $rels: [String!], $types: [String!], $conf: Float, $since: String, $until: String) {
		document(id: $a) { ` + fzDocument + `
			c_n: triples(` + fzFilters + `, first: $n, after: $after) { edges { cursor node { id } } ` + fzPageInfo + ` }
			c_m: entities(first: $m, after: $after) { edges { cursor node { id name } } ` + fzPageInfo + ` } } }`, false},
	{"stats", `{ stats { documents sentences tokens entities triples relations evidence } }`, false},
	{"ingest", `mutation($a: String!, $b: String, $after: String, $since: String) {
		ingest(text: $a, id: $b, title: $after, date: $since, source: "fuzz", url: $b) { documentId duplicate sentences entities triples evidence document { ` + fzDocument + ` } } }`, true},
	{"deleteDocument", `mutation($a: ID!) {
		deleteDocument(id: $a) { document { id } evidenceRemoved triplesDeleted triplesChanged { ` + fzTriple + ` } entitiesDeleted { id name } entitiesChanged { ` + fzEntity + ` } entitiesKept { id } } }`, true},
	{"mergeEntities", `mutation($a: String!, $b: String!) {
		mergeEntities(into: $a, from: $b) { into { ` + fzEntity + ` } from { ` + fzEntity + ` } triplesMoved triplesFolded selfLoops } }`, true},
	{"splitAlias", `mutation($a: String!, $b: String!) {
		splitAlias(entity: $a, alias: $b) { from { ` + fzEntity + ` } new { ` + fzEntity + ` } triplesMoved evidenceMoved triplesDeleted } }`, true},
}

// afterMutation reads the whole graph back: a mutation must leave it
// readable.
const afterMutation = `{ stats { documents sentences tokens entities triples relations evidence }
	c_n: entities(first: 1000) { nodes { ` + fzEntity + ` c_n: outgoing(first: 1000) { nodes { ` + fzTriple + ` c_n: evidence(first: 1000) { nodes { ` + fzEvidence + ` } ` + fzPageInfo + ` } } ` + fzPageInfo + ` } } ` + fzPageInfo + ` }
	c_n2: triples(first: 1000) { nodes { ` + fzTriple + ` } ` + fzPageInfo + ` }
	c_n3: documents(first: 1000) { nodes { ` + fzDocument + ` c_n: entities(first: 1000) { nodes { id } ` + fzPageInfo + ` } } ` + fzPageInfo + ` } }`

// FuzzResolvers runs every query and mutation in process with the
// fuzzer's values as variables: names, ids, cursors, numbers. op picks the
// case (its low five bits) and how the variables are given (the rest).
// Every error must be a client's error with a message and a code (no
// internal error, no timeout, no Go runtime text); connections hold at
// most `first` nodes and their endCursor pages on; neighbourhoods, paths
// and evidence keep their shape. Mutations run against a store as the
// examples make it: one refused must leave it as it was, one carried out
// must leave it readable.
func FuzzResolvers(f *testing.F) {
	names := []string{"Alice Smith", "smith", "Nordhavn Energy", "Nordhvan", "Aino Kestilä", "E1", "e2", "E-1", "E0",
		"E18446744073709551616", "T1", "T-3", "d1", "01-helsinki-talks.txt", "", " ", "Ærø", "\u0130stanbul",
		"\u202eevil", "a\u0000b", "\ufffd", "🦀", "meet", "sign", "work for", "PERSON", "ORG", "place", "2024", "2024-05-01"}
	cursors := []string{"", "!!!", "RQAAAAAAAAAB", "VAAAAAAAAAAB", "c2NhbQ", "cwAAAAAAAAAAAAAAAAAAAAAAAAA", "E1", "////", "AA"}
	ints := []int64{0, 1, 2, 3, 4, 20, 1000, 1001, -1, 1 << 31, -1 << 31, 1<<63 - 1}
	filters := []string{"", "PERSON", "ORG,place|2024|2024-12", "|2024-05-01|2024-05-01", "|2017|2016", "MISC|2024-13", "concept|", "🦀|\u0000|"}
	for i := range resolverCases {
		for j := 0; j < 3; j++ {
			f.Add(uint8(i+32*j), names[(i+j)%len(names)], names[(i*7+j*3+1)%len(names)], filters[(i+j)%len(filters)],
				cursors[(i+j)%len(cursors)], ints[(i+j)%len(ints)], ints[(i*3+j)%len(ints)])
		}
		f.Add(uint8(i+128), "Alice Smith", "Nordhavn Energy", "", "", int64(0), int64(0))
	}
	f.Add(uint8(13), "Alice Smith met Bob Jones in Helsinki on Monday.", "d9", "|2024-05-02", "Talks", int64(0), int64(0))
	f.Add(uint8(13), "---\ndate: 2024-01-01\n---\nNordhavn Energy signed the charter.", "", "", "Title", int64(0), int64(0))
	f.Add(uint8(14), "d1", "", "", "", int64(0), int64(0))
	f.Add(uint8(15), "Alice Smith", "Bob Jones", "", "", int64(0), int64(0))
	f.Add(uint8(16), "Bob Jones", "Bob", "", "", int64(0), int64(0))
	f.Add(uint8(6), "Alice Smith", "", "PERSON,ORG|2024", "", int64(2), int64(10))
	f.Add(uint8(7), "Alice Smith", "Carol White", "", "", int64(4), int64(0))
	f.Add(uint8(8), "Alice Smith", "Helsinki", "", "", int64(3), int64(3))
	f.Add(uint8(1), "a", "", "", "", int64(1), int64(0))
	// over Badger's limit on a key (65,000 bytes) as an id, a name, a
	// word; testdata holds ingests of such (regression-ingest-long-*)
	long := strings.Repeat("Q", 70000)
	for _, op := range []uint8{0, 1, 3, 5, 6, 9, 11, 14, 15, 16} {
		f.Add(op, long, long, "", long, int64(1), int64(1))
	}
	f.Add(uint8(3), "", "meet", "", "", int64(1), int64(0))

	ex, err := ingest.New(ingest.Options{})
	if err != nil {
		f.Fatal(err)
	}
	docs := append(seedDocs(), exampleDocs(f, ex)...)
	read := newSchema(f, storeOf(f, docs), schema.Options{MaxFirst: 1000})
	const statsQuery = `{ stats { documents sentences tokens entities triples relations evidence } }`
	pristine := string(read.Exec(context.Background(), statsQuery, "", nil).Data)
	// mutations go to a store of their own, made again after one changed it
	var edit *schema.Schema
	var editStore *graph.Store
	defer func() {
		if editStore != nil {
			editStore.Close()
		}
	}()

	f.Fuzz(func(t *testing.T, op uint8, a, b, c, after string, n, m int64) {
		tc := resolverCases[int(op%32)%len(resolverCases)]
		vars := fuzzVars(op, a, b, c, after, n, m)
		desc := fmt.Sprintf("%s with %s", tc.name, jsonText(shortVars(vars)))
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		s := read
		if tc.mutation {
			if edit == nil {
				if editStore != nil {
					editStore.Close()
				}
				st, err := graph.Open("", graph.Options{InMemory: true})
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range docs {
					if _, err := st.Add(ctx, d); err != nil {
						t.Fatal(err)
					}
				}
				editStore = st
				edit = newSchema(t, st, schema.Options{Ingester: &fuzzIngester{ex: ex, st: st}, Editor: st})
			}
			s = edit
		}
		data := execChecked(ctx, t, s, tc.query, vars, desc)
		if tc.mutation {
			if data == nil {
				// refused: nothing changed
				if got := string(s.Exec(ctx, statsQuery, "", nil).Data); got != pristine {
					edit = nil
					t.Fatalf("%s failed and left stats %s, want %s", desc, got, pristine)
				}
				return
			}
			edit = nil // changed: made again for the next
			execChecked(ctx, t, s, afterMutation, nil, "reading the graph after "+desc)
			return
		}
		if data == nil {
			return
		}
		// the next page, from the root connection's endCursor
		var root struct {
			C *struct {
				Edges []struct {
					Cursor string
					Node   json.RawMessage
				}
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			} `json:"c_n"`
		}
		if err := json.Unmarshal(data, &root); err != nil {
			t.Fatalf("%s: data %s: %v", desc, data, err)
		}
		if root.C == nil || !root.C.PageInfo.HasNextPage || root.C.PageInfo.EndCursor == nil {
			return // (first: 0 has a next page and no cursor)
		}
		vars["after"] = *root.C.PageInfo.EndCursor
		next := execChecked(ctx, t, s, tc.query, vars, "the next page of "+desc)
		var page2 struct {
			C *struct {
				Edges []struct {
					Cursor string
					Node   json.RawMessage
				}
				PageInfo struct{ HasPreviousPage bool }
			} `json:"c_n"`
		}
		if err := json.Unmarshal(next, &page2); err != nil || page2.C == nil {
			t.Fatalf("the next page of %s: data %s: %v", desc, next, err)
		}
		if !page2.C.PageInfo.HasPreviousPage {
			t.Errorf("the next page of %s: hasPreviousPage false", desc)
		}
		seen := map[string]bool{}
		for _, e := range root.C.Edges {
			seen[e.Cursor] = true
			seen[string(e.Node)] = true
		}
		for _, e := range page2.C.Edges {
			if seen[e.Cursor] || seen[string(e.Node)] {
				t.Fatalf("the next page of %s repeats %s (cursor %q) of the first", desc, e.Node, e.Cursor)
			}
		}
	})
}

// fuzzVars makes the variables of a case from the fuzzer's values, as a
// client would send them (through JSON: numbers are float64, invalid
// UTF-8 is replaced). c is "types|since|until" (since is also the date of
// an ingest). op's bits above the case pick the direction and whether
// numbers, the cursor and the filters are left out (the defaults apply).
func fuzzVars(op uint8, a, b, c, after string, n, m int64) map[string]any {
	v := map[string]any{
		"a": a, "b": b, "after": after, "n": n, "m": m,
		"dir":  []string{"BOTH", "OUTGOING", "INCOMING", b}[op>>5&3],
		"rels": []string{b}, "conf": float64(m%2000) / 1000,
	}
	parts := strings.SplitN(c, "|", 3)
	for i, k := range []string{"types", "since", "until"} {
		if i < len(parts) && parts[i] != "" {
			v[k] = parts[i]
		}
	}
	if t, ok := v["types"].(string); ok {
		v["types"] = strings.Split(t, ",")
	}
	if op&0x80 != 0 {
		// the defaults, no filters
		for _, k := range []string{"n", "m", "after", "rels", "types", "conf", "since", "until"} {
			delete(v, k)
		}
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(jsonText(v)), &out); err != nil {
		panic(err) // json.Marshal makes strings valid UTF-8
	}
	return out
}

// shortVars is vars with long strings cut, to be shown.
func shortVars(vars map[string]any) map[string]any {
	out := make(map[string]any, len(vars))
	for k, v := range vars {
		if s, ok := v.(string); ok && len(s) > 300 {
			v = fmt.Sprintf("%s… (%d bytes)", strings.ToValidUTF8(s[:200], ""), len(s))
		}
		out[k] = v
	}
	return out
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// execChecked runs a query and checks its errors and data; it returns the
// data.
func execChecked(ctx context.Context, t *testing.T, s *schema.Schema, query string, vars map[string]any, desc string) json.RawMessage {
	t.Helper()
	resp := s.Exec(ctx, query, "", vars)
	t.Logf("%s: %d bytes of data, errors %s", desc, len(resp.Data), errorsJSON(resp))
	for _, e := range resp.Errors {
		code, _ := e.Extensions["code"].(string)
		switch {
		case e.Message == "" || code == "":
			t.Fatalf("%s: error without a message or a code: %s", desc, errorsJSON(resp))
		case code == "INTERNAL_SERVER_ERROR" || code == "TIMEOUT":
			t.Fatalf("%s: %s", desc, errorsJSON(resp))
		}
		if leak := internalText(e.Message, desc); leak != "" {
			t.Fatalf("%s: error message %q shows Go's %q", desc, e.Message, leak)
		}
	}
	if len(resp.Data) == 0 || string(resp.Data) == "null" {
		if len(resp.Errors) == 0 {
			t.Fatalf("%s: neither data nor errors", desc)
		}
		return nil
	}
	var data any
	if err := json.Unmarshal(resp.Data, &data); err != nil {
		t.Fatalf("%s: data %s is not JSON: %v", desc, resp.Data, err)
	}
	checkData(t, data, vars, desc)
	return resp.Data
}

// checkData walks a response checking what holds of every connection,
// subgraph, path and evidence in it.
func checkData(t *testing.T, v any, vars map[string]any, desc string) {
	t.Helper()
	num := func(k string, def float64) float64 {
		if x, ok := vars[k].(float64); ok {
			return x
		}
		return def
	}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case []any:
			for _, y := range x {
				walk("", y)
			}
			return
		case map[string]any:
			defer func() {
				for k, y := range x {
					walk(k, y)
				}
			}()
			if pi, ok := x["pageInfo"].(map[string]any); ok {
				// a connection
				// the schema's defaults differ: without a value, only the
				// server's MaxFirst bounds it
				first := 1000.0
				switch {
				case strings.HasPrefix(key, "c_n"):
					first = num("n", first)
				case strings.HasPrefix(key, "c_m"):
					first = num("m", first)
				}
				_, given := vars[map[bool]string{true: "n", false: "m"}[strings.HasPrefix(key, "c_n")]]
				if vars == nil {
					given = true // afterMutation's first: 1000
				}
				items, _ := x["edges"].([]any)
				if nodes, ok := x["nodes"].([]any); ok {
					if _, both := x["edges"]; both && len(nodes) != len(items) {
						t.Fatalf("%s: %s has %d edges and %d nodes", desc, key, len(items), len(nodes))
					}
					items = nodes
				}
				next, _ := pi["hasNextPage"].(bool)
				if float64(len(items)) > first || (next && given && float64(len(items)) != first) {
					t.Fatalf("%s: %s has %d nodes (hasNextPage %t) for first %v", desc, key, len(items), next, first)
				}
				if tc, ok := x["totalCount"].(float64); ok && tc < float64(len(items)) {
					t.Fatalf("%s: %s has totalCount %v under its %d nodes", desc, key, tc, len(items))
				}
				end, _ := pi["endCursor"].(string)
				if (len(items) > 0) != (end != "") {
					t.Fatalf("%s: %s has %d nodes and endCursor %q", desc, key, len(items), end)
				}
				if edges, ok := x["edges"].([]any); ok && len(edges) > 0 {
					last, _ := edges[len(edges)-1].(map[string]any)["cursor"].(string)
					if last != end {
						t.Fatalf("%s: %s ends with cursor %q, endCursor %q", desc, key, last, end)
					}
				}
			}
			if ds, ok := x["distances"].([]any); ok {
				// a subgraph
				nodes, _ := x["nodes"].([]any)
				edges, _ := x["edges"].([]any)
				if len(ds) != len(nodes) {
					t.Fatalf("%s: %d nodes, %d distances", desc, len(nodes), len(ds))
				}
				if float64(len(edges)) > num("m", 100) {
					t.Fatalf("%s: %d edges over the limit %v", desc, len(edges), num("m", 100))
				}
				ids := map[any]bool{}
				prev := 0.0
				for i, d := range ds {
					d := d.(float64)
					if (i == 0 && d != 0) || d < prev || d > num("n", 1) {
						t.Fatalf("%s: distances %v (depth %v)", desc, ds, num("n", 1))
					}
					prev = d
					ids[nodes[i].(map[string]any)["id"]] = true
				}
				for _, e := range edges {
					e := e.(map[string]any)
					if s, o := e["subject"].(map[string]any)["id"], e["object"].(map[string]any)["id"]; !ids[s] || !ids[o] {
						t.Fatalf("%s: edge %v ends outside the nodes", desc, e)
					}
				}
			}
			if l, ok := x["length"].(float64); ok {
				// a path
				nodes, _ := x["nodes"].([]any)
				edges, _ := x["edges"].([]any)
				if int(l) != len(edges) || len(nodes) != len(edges)+1 || l > num("n", 4) {
					t.Fatalf("%s: path of length %v, %d nodes, %d edges, maxDepth %v", desc, l, len(nodes), len(edges), num("n", 4))
				}
				for i, e := range edges {
					e := e.(map[string]any)
					s, o := e["subject"].(map[string]any)["id"], e["object"].(map[string]any)["id"]
					a, b := nodes[i].(map[string]any)["id"], nodes[i+1].(map[string]any)["id"]
					if (s != a || o != b) && (s != b || o != a) {
						t.Fatalf("%s: path edge %d %v does not link %v and %v", desc, i, e, a, b)
					}
				}
			}
			if _, ok := x["sentence"]; ok {
				// evidence
				start, end := x["start"].(float64), x["end"].(float64)
				if start < 0 || end < start {
					t.Fatalf("%s: evidence %v has offsets %v..%v", desc, x, start, end)
				}
			}
			for _, k := range []string{"id", "name"} {
				if s, ok := x[k].(string); ok && s == "" && x["sentence"] == nil {
					t.Fatalf("%s: %v has a blank %s", desc, x, k)
				}
			}
		}
	}
	walk("", v)
}
