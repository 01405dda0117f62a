package schema_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/schema"
	"github.com/kg-builder/kg/server"
)

// introspectionQuery is graphql-js 16's getIntrospectionQuery with the
// options graphql-go supports (descriptions, specifiedByUrl,
// inputValueDeprecation; not schemaDescription nor directiveIsRepeatable),
// as GraphiQL and other playgrounds send it.
const introspectionQuery = `query IntrospectionQuery {
      __schema {
        
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          description
          
          
          
          locations
          args(includeDeprecated: true) {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      specifiedByURL
      
      fields(includeDeprecated: true) {
        name
        description
        args(includeDeprecated: true) {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields(includeDeprecated: true) {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
      isDeprecated
      deprecationReason
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }`

// httpResult is a response of the handler, decoded.
type httpResult struct {
	status int
	header http.Header
	body   string
	Data   json.RawMessage
	Errors []struct {
		Message    string
		Extensions struct{ Code string }
	}
}

// code is the first error's code, or "".
func (r httpResult) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Extensions.Code
}

// do sends a request to h and decodes the response, which must be JSON.
func do(t testing.TB, h http.Handler, method, target string, header map[string]string, body string) httpResult {
	t.Helper()
	var rb io.Reader
	if body != "" {
		rb = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rb)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	r := httpResult{status: rec.Code, header: rec.Header(), body: rec.Body.String()}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("%s %s: body %q is not JSON: %v", method, target, rec.Body, err)
	}
	return r
}

// postJSON posts a GraphQL request as application/json.
func postJSON(t testing.TB, h http.Handler, query string, vars map[string]any, header map[string]string) httpResult {
	t.Helper()
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	hd := map[string]string{"Content-Type": "application/json"}
	for k, v := range header {
		hd[k] = v
	}
	return do(t, h, http.MethodPost, "/graphql", hd, string(b))
}

// nested is a query that nests fields n deep (n >= 2, and n-1 a multiple
// of 3 plus 1): entity, then outgoing { nodes { object { ... } } } hops.
func nested(levels int) string {
	q := "name"
	for d := 2; d < levels; d += 3 {
		q = "outgoing(first: 3) { nodes { object { " + q + " } } }"
	}
	return `{ entity(name: "Alice Smith") { ` + q + ` } }`
}

// aliases is a query selecting stats { documents } under n aliases: 2n fields.
func aliases(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: stats { documents }", i)
	}
	b.WriteString(" }")
	return b.String()
}

// fragmentBomb spreads each of n fragments twice in the one before: 2^n
// fields from a short document.
func fragmentBomb(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { stats { documents } }\n", n)
	return b.String()
}

// TestLimits: a request over each limit is refused with a clear error and
// its code, by Exec and by the Handler (200 with application/json, 400 with
// application/graphql-response+json, and no data); one at the limit runs.
func TestLimits(t *testing.T) {
	st := seededStore(t)
	pad := func(q string, n int) string { return q + strings.Repeat(" ", n-len(q)) }
	tests := []struct {
		name     string
		opt      schema.Options
		query    string
		wantCode string // "" for a query that must run
		wantMsg  string
	}{
		{name: "depth 14 of 15", query: nested(14)},
		{name: "depth 17 of 15", query: nested(17), wantCode: "QUERY_TOO_DEEP", wantMsg: "17 deep, over the max depth of 15"},
		{name: "depth 5 of 5", opt: schema.Options{MaxDepth: 5}, query: nested(5)},
		{name: "depth 8 of 5", opt: schema.Options{MaxDepth: 5}, query: nested(8), wantCode: "QUERY_TOO_DEEP", wantMsg: "max depth of 5"},
		{
			name: "depth through fragments", opt: schema.Options{MaxDepth: 4},
			query:    `{ entity(name: "Alice Smith") { ...E } } fragment E on Entity { outgoing { ...C } } fragment C on TripleConnection { nodes { ... on Triple { object { name } } } }`,
			wantCode: "QUERY_TOO_DEEP", wantMsg: "5 deep",
		},
		{name: "introspection is not counted", opt: schema.Options{MaxDepth: 2}, query: introspectionQuery},
		{
			name: "introspection nested too far", query: `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`,
			wantCode: "GRAPHQL_VALIDATION_FAILED", wantMsg: "introspection depth",
		},
		{name: "1000 aliases: 2000 fields", query: aliases(1000)},
		{name: "1001 aliases: 2002 fields", query: aliases(1001), wantCode: "QUERY_TOO_COMPLEX", wantMsg: "2002 fields"},
		{name: "10 fields of 10", opt: schema.Options{MaxFields: 10}, query: aliases(5)},
		{name: "12 fields of 10", opt: schema.Options{MaxFields: 10}, query: aliases(6), wantCode: "QUERY_TOO_COMPLEX", wantMsg: "limit of 10"},
		{name: "fragments spread twice", opt: schema.Options{MaxFields: 10}, query: fragmentBomb(3), wantCode: "QUERY_TOO_COMPLEX", wantMsg: "16 fields"},
		{name: "fragment bomb", query: fragmentBomb(60), wantCode: "QUERY_TOO_COMPLEX", wantMsg: "more than"},
		{name: "fragment cycle", query: `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A stats { documents } }`, wantCode: "GRAPHQL_VALIDATION_FAILED"},
		{name: "64 KiB query", query: pad(`{ stats { documents } }`, 64<<10)},
		{name: "64 KiB + 1 query", query: pad(`{ stats { documents } }`, 64<<10+1), wantCode: "QUERY_TOO_LARGE", wantMsg: "65537 bytes long, over the limit of 65536"},
		{name: "100-byte query of 100", opt: schema.Options{MaxQueryBytes: 100}, query: pad(`{ stats { documents } }`, 100)},
		{name: "101-byte query of 100", opt: schema.Options{MaxQueryBytes: 100}, query: pad(`{ stats { documents } }`, 101), wantCode: "QUERY_TOO_LARGE"},
		{name: "first 1000 of 1000", query: `{ entities(first: 1000) { totalCount } }`},
		{name: "first 1001 of 1000", query: `{ entities(first: 1001) { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: "1000"},
		{name: "limit 1001 of 1000", query: `{ neighborhood(name: "Alice Smith", limit: 1001) { nodes { name } } }`, wantCode: "BAD_USER_INPUT", wantMsg: "1000"},
		{name: "first 6 of 5", opt: schema.Options{MaxFirst: 5}, query: `{ triples(first: 6) { totalCount } }`, wantCode: "BAD_USER_INPUT", wantMsg: "5"},
		{name: "first left out, MaxFirst 5", opt: schema.Options{MaxFirst: 5}, query: `{ entities { totalCount } triples { totalCount } documents { totalCount } }`},
		{name: "limit left out, MaxFirst 5", opt: schema.Options{MaxFirst: 5}, query: `{ neighborhood(name: "Alice Smith", depth: 2) { nodes { name } } }`},
		{name: "outgoing first left out, MaxFirst 1", opt: schema.Options{MaxFirst: 1}, query: `{ entity(name: "Alice Smith") { outgoing { nodes { id } } } }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSchema(t, st, tt.opt)
			resp := s.Exec(context.Background(), tt.query, "", nil)
			checkLimit := func(how string, code string, msg string, data bool) {
				t.Helper()
				if tt.wantCode == "" {
					if code != "" {
						t.Errorf("%s: error %s %q, want none", how, code, msg)
					}
					return
				}
				if code != tt.wantCode || !strings.Contains(msg, tt.wantMsg) {
					t.Errorf("%s: error %s %q, want %s containing %q", how, code, msg, tt.wantCode, tt.wantMsg)
				}
				if data && tt.wantCode != "BAD_USER_INPUT" {
					t.Errorf("%s: has data, want none: the query must not run", how)
				}
			}
			var code, msg string
			if len(resp.Errors) > 0 {
				msg = resp.Errors[0].Message
				code, _ = resp.Errors[0].Extensions["code"].(string)
			}
			checkLimit("Exec", code, msg, resp.Data != nil)

			h := s.Handler()
			for _, accept := range []string{"application/json", "application/graphql-response+json"} {
				r := postJSON(t, h, tt.query, nil, map[string]string{"Accept": accept})
				msg = ""
				if len(r.Errors) > 0 {
					msg = r.Errors[0].Message
				}
				checkLimit("POST "+accept, r.code(), msg, r.Data != nil)
				want := http.StatusOK
				if tt.wantCode != "" && tt.wantCode != "BAD_USER_INPUT" && accept != "application/json" {
					want = http.StatusBadRequest
				}
				if r.status != want {
					t.Errorf("POST %s: status %d, want %d", accept, r.status, want)
				}
			}
		})
	}
}

// TestCostlyQueries: documents within the limits of size and fields that
// would cost seconds to validate or run are refused quickly.
func TestCostlyQueries(t *testing.T) {
	s := newSchema(t, seededStore(t), schema.Options{})
	var frags strings.Builder
	frags.WriteString("{ ...F }\nfragment F on Query {")
	for i := range 1000 {
		fmt.Fprintf(&frags, " ...G%d", i)
	}
	frags.WriteString(" }\n")
	for i := range 1000 {
		fmt.Fprintf(&frags, "fragment G%d on Query { stats { documents } }\n", i)
	}
	for _, tt := range []struct {
		name, query, wantCode string
	}{
		// graphql-go's field merging rule is quadratic in the fields of a name
		{"a field 1000 times", "{" + strings.Repeat(" stats { documents }", 1000) + " }", "QUERY_TOO_COMPLEX"},
		{"1000 fragments of the same field", frags.String(), "QUERY_TOO_COMPLEX"},
		{"1000 inline fragments", "{" + strings.Repeat(" ... on Query { stats { documents } }", 1000) + " }", "QUERY_TOO_COMPLEX"},
		{"400 nested fields", "{" + strings.Repeat(` entity(name: "x") { outgoing { nodes { object { name } } } }`, 400) + " }", "QUERY_TOO_COMPLEX"},
		// introspection is held to a depth of its own
		{"ofType 900 deep", `{ __type(name: "Entity") {` + strings.Repeat(" ofType {", 900) + " name" + strings.Repeat(" }", 900) + " } }", "QUERY_TOO_DEEP"},
	} {
		began := time.Now()
		resp := s.Exec(context.Background(), tt.query, "", nil)
		if len(resp.Errors) == 0 || resp.Errors[0].Extensions["code"] != tt.wantCode || resp.Data != nil {
			t.Errorf("%s: errors %.300s, want %s and no data", tt.name, errorsJSON(resp), tt.wantCode)
		}
		if d := time.Since(began); d > 2*time.Second {
			t.Errorf("%s: took %v, want well under a second", tt.name, d)
		}
	}
}

// TestMaxFirstDefaults: a MaxFirst below the schema's argument defaults
// lowers them, and introspection shows it.
func TestMaxFirstDefaults(t *testing.T) {
	st := seededStore(t)
	q := `{ __type(name: "Query") { fields { name args { name defaultValue } } } }`
	defaults := func(s *schema.Schema) map[string]string {
		t.Helper()
		resp := s.Exec(context.Background(), q, "", nil)
		if len(resp.Errors) > 0 {
			t.Fatalf("Exec(%q) errors = %s", q, errorsJSON(resp))
		}
		var data struct {
			Type struct {
				Fields []struct {
					Name string
					Args []struct {
						Name         string
						DefaultValue *string
					}
				}
			} `json:"__type"`
		}
		if err := json.Unmarshal(resp.Data, &data); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range data.Type.Fields {
			for _, a := range f.Args {
				if a.DefaultValue != nil && (a.Name == "first" || a.Name == "limit") {
					out[f.Name+"."+a.Name] = *a.DefaultValue
				}
			}
		}
		return out
	}
	got := defaults(newSchema(t, st, schema.Options{}))
	if got["entities.first"] != "20" || got["neighborhood.limit"] != "100" {
		t.Errorf("defaults with MaxFirst 1000 = %v, want entities.first 20, neighborhood.limit 100", got)
	}
	got = defaults(newSchema(t, st, schema.Options{MaxFirst: 50}))
	if got["entities.first"] != "20" || got["neighborhood.limit"] != "50" {
		t.Errorf("defaults with MaxFirst 50 = %v, want entities.first 20, neighborhood.limit 50", got)
	}
	for name, v := range defaults(newSchema(t, st, schema.Options{MaxFirst: 7})) {
		if n, err := strconv.Atoi(v); err != nil || n > 7 {
			t.Errorf("default of %s with MaxFirst 7 = %s, want at most 7", name, v)
		}
	}
}

// TestIntrospection: the introspection query of GraphiQL and other
// playgrounds runs over HTTP, within the default limits and tight ones.
func TestIntrospection(t *testing.T) {
	st := seededStore(t)
	for _, o := range []schema.Options{{}, {MaxDepth: 3, MaxFields: 300}} {
		h := newSchema(t, st, o).Handler()
		for _, accept := range []string{"application/json", "application/graphql-response+json"} {
			r := postJSON(t, h, introspectionQuery, nil, map[string]string{"Accept": accept})
			if r.status != http.StatusOK || len(r.Errors) > 0 {
				t.Fatalf("introspection with %+v, Accept %s = %d %.300s", o, accept, r.status, r.body)
			}
			var data struct {
				Schema struct {
					QueryType struct{ Name string }
					Types     []struct{ Name string }
				} `json:"__schema"`
			}
			if err := json.Unmarshal(r.Data, &data); err != nil {
				t.Fatal(err)
			}
			if data.Schema.QueryType.Name != "Query" || len(data.Schema.Types) < 10 {
				t.Errorf("introspection = %.300s, want the schema", r.Data)
			}
		}
	}
}

// TestBodyLimit: a body over MaxBodyBytes is refused with 413.
func TestBodyLimit(t *testing.T) {
	h := newSchema(t, seededStore(t), schema.Options{MaxBodyBytes: 100}).Handler()
	const q = `{"query": "{ stats { documents } }"}`
	ct := map[string]string{"Content-Type": "application/json"}
	if r := do(t, h, http.MethodPost, "/graphql", ct, q+strings.Repeat(" ", 100-len(q))); r.status != http.StatusOK || len(r.Errors) > 0 {
		t.Errorf("POST of 100 bytes, limit 100 = %d %s, want 200", r.status, r.body)
	}
	r := do(t, h, http.MethodPost, "/graphql", ct, q+strings.Repeat(" ", 101-len(q)))
	if r.status != http.StatusRequestEntityTooLarge || r.code() != "REQUEST_TOO_LARGE" || !strings.Contains(r.body, "over the limit of 100 bytes") {
		t.Errorf("POST of 101 bytes, limit 100 = %d %s, want 413 REQUEST_TOO_LARGE", r.status, r.body)
	}
}

// slowGraph's Stats waits for its context to end.
type slowGraph struct{ schema.Graph }

func (slowGraph) Stats(ctx context.Context) (graph.Stats, error) {
	<-ctx.Done()
	return graph.Stats{}, fmt.Errorf("graph.Stats: %w", ctx.Err())
}

// stuckGraph's Stats ignores its context: it waits until release is
// closed, and then it counts its calls.
type stuckGraph struct {
	schema.Graph
	release chan struct{}
	done    *atomic.Int32
}

func (g stuckGraph) Stats(ctx context.Context) (graph.Stats, error) {
	<-g.release
	g.done.Add(1)
	return graph.Stats{Documents: 1}, nil
}

// TestTimeoutOverHTTP: a request slower than the server's timeout gets 503
// with a GraphQL error of code TIMEOUT, at its deadline, whatever the media
// type, and even when the resolver that holds it up does not look at its
// context. That execution goes on, in its slot, and ends.
func TestTimeoutOverHTTP(t *testing.T) {
	const limit = 100 * time.Millisecond
	release := make(chan struct{})
	var once sync.Once
	defer once.Do(func() { close(release) })
	var done atomic.Int32
	stuck := stuckGraph{Graph: seededStore(t), release: release, done: &done}
	tests := []struct {
		name   string
		g      schema.Graph
		accept string
	}{
		{"resolver watching its context", slowGraph{seededStore(t)}, "application/json"},
		{"resolver watching its context, graphql-response+json", slowGraph{seededStore(t)}, "application/graphql-response+json"},
		{"resolver ignoring its context", stuck, "application/json"},
		{"resolver ignoring its context, graphql-response+json", stuck, "application/graphql-response+json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := serve(t, schema.Options{}, tt.g, server.Options{Timeout: limit})
			req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(`{"query": "{ stats { documents } }"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", tt.accept)
			began := time.Now()
			res, err := (&http.Client{Timeout: 5 * time.Second}).Do(req)
			if err != nil {
				t.Fatalf("slow POST: %v, want an answer at the %v timeout", err, limit)
			}
			defer res.Body.Close()
			var body struct {
				Data   any
				Errors []struct{ Extensions struct{ Code string } }
			}
			if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != http.StatusServiceUnavailable || body.Data != nil || len(body.Errors) != 1 || body.Errors[0].Extensions.Code != "TIMEOUT" {
				t.Errorf("slow POST = %d %+v, want 503, no data and code TIMEOUT", res.StatusCode, body)
			}
			if !strings.HasPrefix(res.Header.Get("Content-Type"), tt.accept) {
				t.Errorf("slow POST Content-Type = %q, want %s", res.Header.Get("Content-Type"), tt.accept)
			}
			if d := time.Since(began); d < limit || d > limit+2*time.Second {
				t.Errorf("slow POST took %v, want about the %v timeout", d, limit)
			}
		})
	}
	once.Do(func() { close(release) })
	deadline := time.Now().Add(5 * time.Second)
	for done.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := done.Load(); n != 2 {
		t.Errorf("%d of the 2 executions past their deadline ended, want both", n)
	}
}
