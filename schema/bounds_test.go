package schema_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/schema"
)

// TestCost: the estimate multiplies a field by the lists it is in, so a
// short query whose answer would be huge is refused before it runs, and
// the queries people send run.
func TestCost(t *testing.T) {
	st := seededStore(t)
	h := newSchema(t, st, schema.Options{}).Handler()
	// the report's 21 KB query: aliases of big pages nested in big pages
	var b strings.Builder
	b.WriteString("{")
	for i := range 100 {
		fmt.Fprintf(&b, " t%d: triples(first: 1000) { nodes { subject { name aliases } relation object { name } evidence(first: 1000) { nodes { text subjectText objectText document { title } } } } }", i)
	}
	b.WriteString(" }")
	tests := []struct {
		name, query string
		vars        map[string]any
		refused     bool
	}{
		{"report's attack", b.String(), nil, true},
		{"a million evidence texts", `{ triples(first: 1000) { nodes { evidence(first: 1000) { nodes { text } } } } }`, nil, true},
		{"by variables", `query($n: Int) { triples(first: $n) { nodes { evidence(first: $n) { nodes { text } } } } }`, map[string]any{"n": 1000}, true},
		{"by variables, small", `query($n: Int) { triples(first: $n) { nodes { evidence(first: $n) { nodes { text } } } } }`, map[string]any{"n": 10}, false},
		{"through a fragment", `{ triples(first: 1000) { ...N } } fragment N on TripleConnection { nodes { evidence(first: 1000) { nodes { text } } } }`, nil, true},
		{"neighbourhood's limit", `{ neighborhood(name: "Alice Smith", limit: 1000) { edges { evidence(first: 1000) { nodes { text } } } } }`, nil, true},
		{"paths", `{ paths(from: "Alice Smith", to: "Bob Jones", first: 100, maxDepth: 6) { nodes { outgoing(first: 1000) { nodes { relation } } } } }`, nil, true},
		{"a big page", `{ triples(first: 1000) { nodes { subject { name } relation object { name } confidence } totalCount } }`, nil, false},
		{"a neighbourhood with evidence", `{ neighborhood(name: "Alice Smith", depth: 2) { nodes { name type } edges { relation evidence { nodes { text } } } } }`, nil, false},
		{"introspection", introspectionQuery, nil, false},
	}
	for _, tt := range tests {
		r := postJSON(t, h, tt.query, tt.vars, nil)
		if tt.refused {
			if r.code() != "QUERY_TOO_COMPLEX" || !strings.Contains(r.Errors[0].Message, "values") || r.Data != nil {
				t.Errorf("%s: %d %.300s, want QUERY_TOO_COMPLEX about values", tt.name, r.status, r.body)
			}
		} else if len(r.Errors) > 0 {
			t.Errorf("%s: %.300s, want no error", tt.name, r.body)
		}
	}
}

// TestResponseCap: an answer over MaxResponseBytes is replaced by an error
// that says so.
func TestResponseCap(t *testing.T) {
	st := seededStore(t)
	q := `{ triples(first: 100) { nodes { subject { name } relation object { name } evidence { nodes { text } } } } }`
	r := postJSON(t, newSchema(t, st, schema.Options{}).Handler(), q, nil, nil)
	if len(r.Errors) > 0 || len(r.Data) < 600 {
		t.Fatalf("uncapped: %.300s, want data", r.body)
	}
	r = postJSON(t, newSchema(t, st, schema.Options{MaxResponseBytes: 500}).Handler(), q, nil, nil)
	if r.code() != "RESPONSE_TOO_LARGE" || r.Data != nil || !strings.Contains(r.Errors[0].Message, "over the limit of 500") {
		t.Errorf("capped at 500 bytes: %d %s, want RESPONSE_TOO_LARGE", r.status, r.body)
	}
}

// TestErrorCap: 200 fields of one name with different arguments make
// 19,900 conflicts; the answer holds at most MaxErrors errors, the last
// one saying how many more there were.
func TestErrorCap(t *testing.T) {
	st := seededStore(t)
	h := newSchema(t, st, schema.Options{}).Handler()
	var b strings.Builder
	b.WriteString("{")
	for i := range 200 {
		fmt.Fprintf(&b, ` entity(name: "n%d") { name }`, i)
	}
	b.WriteString(" }")
	r := postJSON(t, h, b.String(), nil, nil)
	if len(r.Errors) == 0 || len(r.Errors) > schema.DefaultMaxErrors {
		t.Fatalf("%d errors, want 1 to %d", len(r.Errors), schema.DefaultMaxErrors)
	}
	if len(r.Errors) == schema.DefaultMaxErrors {
		last := r.Errors[len(r.Errors)-1]
		if last.Extensions.Code != "TOO_MANY_ERRORS" || !strings.Contains(last.Message, "more errors not shown") {
			t.Errorf("last error %+v, want TOO_MANY_ERRORS", last)
		}
	}
}

// blockingGraph is a store whose neighbourhoods wait until released.
type blockingGraph struct {
	*graph.Store
	entered chan struct{}
	release chan struct{}
}

func (g *blockingGraph) Neighborhood(ctx context.Context, name string, o graph.Around) (graph.Subgraph, error) {
	g.entered <- struct{}{}
	select {
	case <-g.release:
	case <-ctx.Done():
		return graph.Subgraph{}, ctx.Err()
	}
	return g.Store.Neighborhood(ctx, name, o)
}

// TestCheapLane: heavy requests holding every slot do not make a cheap
// one wait: it runs in a lane of its own.
func TestCheapLane(t *testing.T) {
	st := seededStore(t)
	g := &blockingGraph{Store: st, entered: make(chan struct{}, 8), release: make(chan struct{})}
	h := newSchema(t, g, schema.Options{MaxConcurrent: 2}).Handler()
	var wg sync.WaitGroup
	for range 3 { // two run and hold their slots, one waits for a slot
		wg.Add(1)
		go func() {
			defer wg.Done()
			postJSON(t, h, `{ neighborhood(name: "Alice Smith") { nodes { name } } }`, nil, nil)
		}()
	}
	defer wg.Wait()
	defer close(g.release)
	for range 2 {
		select {
		case <-g.entered:
		case <-time.After(10 * time.Second):
			t.Fatal("the heavy requests did not start")
		}
	}
	for _, q := range []string{`{ stats { documents triples } }`, `{ entity(name: "Alice Smith") { name outgoing { nodes { relation object { name } } } } }`} {
		done := make(chan httpResult, 1)
		go func() { done <- postJSON(t, h, q, nil, nil) }()
		select {
		case r := <-done:
			if r.status != http.StatusOK || len(r.Errors) > 0 {
				t.Errorf("%s: %d %s", q, r.status, r.body)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s waited behind the heavy requests", q)
		}
	}
}

// TestCostEstimate pins the estimate on a few shapes.
func TestCostEstimate(t *testing.T) {
	st := seededStore(t)
	for _, tt := range []struct {
		query string
		max   int // the least MaxCost that lets it run
	}{
		{`{ stats { documents } }`, 2},
		{`{ triples(first: 10) { nodes { relation } } }`, 1 + 10 + 10},
		{`{ triples(first: 10) { nodes { evidence(first: 5) { nodes { text } } } } }`, 1 + 10 + 10 + 10*5 + 10*5},
		{`{ neighborhood(name: "Alice Smith", limit: 9) { nodes { name } truncated } }`, 1 + 10 + 10 + 1},
	} {
		var got string
		for _, max := range []int{tt.max - 1, tt.max} {
			h := newSchema(t, st, schema.Options{MaxCost: max}).Handler()
			r := postJSON(t, h, tt.query, nil, nil)
			got += fmt.Sprintf("%d:%s ", max, r.code())
		}
		want := fmt.Sprintf("%d:QUERY_TOO_COMPLEX %d: ", tt.max-1, tt.max)
		if got != want {
			b, _ := json.Marshal(tt.query)
			t.Errorf("%s: %s, want %s", b, got, want)
		}
	}
}

// slowIngester takes its time before it stores (the extraction), and
// stores unless its context has ended by then.
type slowIngester struct {
	fakeIngester
	delay     time.Duration
	watchCtx  bool // give up when the context ends (as kg's ingester does)
	completed chan struct{}
}

func (s *slowIngester) Ingest(ctx context.Context, d schema.Doc) (graph.Added, error) {
	defer close(s.completed)
	if s.watchCtx {
		select {
		case <-time.After(s.delay):
		case <-ctx.Done():
			return graph.Added{}, ctx.Err()
		}
	} else {
		time.Sleep(s.delay)
	}
	return s.fakeIngester.Ingest(context.WithoutCancel(ctx), d)
}

// TestMutationTimeout: a mutation that runs out of time says so honestly:
// one stopped by its context says nothing was stored, and nothing was;
// one that finished after the deadline answers with what it stored.
func TestMutationTimeout(t *testing.T) {
	for _, tt := range []struct {
		name     string
		watchCtx bool
	}{{"stopped at the deadline", true}, {"finished after the deadline", false}} {
		t.Run(tt.name, func(t *testing.T) {
			st := seededStore(t)
			ing := &slowIngester{fakeIngester: fakeIngester{st: st}, delay: 300 * time.Millisecond, watchCtx: tt.watchCtx, completed: make(chan struct{})}
			h := newSchema(t, st, schema.Options{Ingester: ing}).Handler()
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			defer cancel()
			b, _ := json.Marshal(map[string]any{"query": `mutation { ingest(text: "Eve joined Acme.", id: "late") { documentId } }`})
			r := doCtx(t, ctx, h, string(b))
			<-ing.completed
			_, err := st.Document(context.Background(), "late")
			stored := err == nil
			switch {
			case stored && len(r.Errors) > 0:
				t.Errorf("the document was stored, but the answer is %d %s", r.status, r.body)
			case !stored && (r.code() != "TIMEOUT" || !strings.Contains(r.Errors[0].Message, "nothing of it was stored")):
				t.Errorf("nothing was stored, but the answer is %d %s", r.status, r.body)
			}
			if stored == tt.watchCtx {
				t.Errorf("stored = %v, want %v", stored, !tt.watchCtx)
			}
		})
	}
}

// doCtx posts a JSON body with a context.
func doCtx(t *testing.T, ctx context.Context, h http.Handler, body string) httpResult {
	t.Helper()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	r := httpResult{status: rec.Code, header: rec.Header(), body: rec.Body.String()}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("body %q: %v", rec.Body, err)
	}
	return r
}

// TestNotUTF8: a body that is not UTF-8 is 415 (encoding/json would have
// read it with U+FFFD in place of the bad bytes, into the store); URL
// parameters that are not UTF-8, or a query string that does not parse,
// are 400.
func TestNotUTF8(t *testing.T) {
	st := seededStore(t)
	ing := &fakeIngester{st: st}
	h := newSchema(t, st, schema.Options{Ingester: ing}).Handler()
	body := "{\"query\": \"mutation { ingest(text: \\\"Eve joined Acme \xff\xfe.\\\") { documentId } }\"}"
	r := do(t, h, http.MethodPost, "/graphql", map[string]string{"Content-Type": "application/json"}, body)
	if r.status != http.StatusUnsupportedMediaType || r.code() != "UNSUPPORTED_MEDIA_TYPE" || !strings.Contains(r.Errors[0].Message, "not UTF-8") {
		t.Errorf("Latin-1 body = %d %s, want 415", r.status, r.body)
	}
	if len(ing.got) > 0 {
		t.Errorf("ingested %q", ing.got[0].Text)
	}
	for _, target := range []string{
		"/graphql?query=%7Bstats%7Bdocuments%7D%7D&variables=%7B%22n%22%3A%22%FF%22%7D",
		"/graphql?query=%7Bentity(name%3A%22%FF%22)%7Bname%7D%7D",
		"/graphql?query=%7Bstats%7Bdocuments%7D%7D&x=%zz",
	} {
		if r := do(t, h, http.MethodGet, target, nil, ""); r.status != http.StatusBadRequest || r.code() != "BAD_REQUEST" {
			t.Errorf("GET %s = %d %s, want 400", target, r.status, r.body)
		}
	}
}
