package schema_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/schema"
)

// getURL builds a GET request URL with the given parameters.
func getURL(params ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(params); i += 2 {
		v.Set(params[i], params[i+1])
	}
	return "/graphql?" + v.Encode()
}

func TestHandler(t *testing.T) {
	st := seededStore(t)
	ing := &fakeIngester{st: st}
	h := newSchema(t, st, schema.Options{Ingester: ing}).Handler()
	const stats = `{ stats { documents triples } }`
	statsData := `{"stats": {"documents": 3, "triples": 6}}`
	tests := []struct {
		name        string
		method      string
		target      string
		contentType string
		accept      string
		body        string
		wantStatus  int
		wantType    string // Content-Type of the response
		wantAllow   string
		wantData    string // JSON of data, for 200s
		wantErr     string // substring of errors[0].message
		wantCode    string // errors[0].extensions.code
		wantNoData  bool   // the response has no data entry
	}{
		{
			name: "POST query", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusOK, wantType: "application/json; charset=utf-8", wantData: statsData,
		},
		{
			name: "POST with charset", method: http.MethodPost, contentType: "application/json; charset=utf-8",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusOK, wantData: statsData,
		},
		{
			name: "POST with variables and operationName", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "query A { stats { documents } } query B($n: String!) { entity(name: $n) { name } }", "operationName": "B", "variables": {"n": "smith"}}`,
			wantStatus: http.StatusOK, wantData: `{"entity": {"name": "Alice Smith"}}`,
		},
		{
			name: "POST graphql-response+json", method: http.MethodPost, contentType: "application/json",
			accept:     "application/graphql-response+json, application/json;q=0.9",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusOK, wantType: "application/graphql-response+json; charset=utf-8",
		},
		{
			name: "POST with a GraphQL error is still 200", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "{ entities(first: -1) { totalCount } }"}`,
			wantStatus: http.StatusOK, wantErr: "first must not be negative",
		},
		{
			name: "GET query", method: http.MethodGet, target: getURL("query", stats),
			wantStatus: http.StatusOK, wantType: "application/json; charset=utf-8", wantData: statsData,
		},
		{
			name: "GET with variables", method: http.MethodGet,
			target:     getURL("query", `query($n: String!) { entity(name: $n) { id } }`, "variables", `{"n": "Acme"}`),
			wantStatus: http.StatusOK, wantData: `{"entity": {"id": "E4"}}`,
		},
		{
			name: "GET with operationName", method: http.MethodGet,
			target:     getURL("query", `query A { stats { documents } } query B { stats { triples } }`, "operationName", "B"),
			wantStatus: http.StatusOK, wantData: `{"stats": {"triples": 6}}`,
		},
		{
			name: "GET graphql-response+json", method: http.MethodGet, target: getURL("query", stats),
			accept:     "application/graphql-response+json",
			wantStatus: http.StatusOK, wantType: "application/graphql-response+json; charset=utf-8", wantData: statsData,
		},
		{
			name: "GET with bad variables", method: http.MethodGet,
			target:     getURL("query", `query($n: String!) { entity(name: $n) { id } }`, "variables", `{"n": `),
			wantStatus: http.StatusBadRequest, wantErr: "variables", wantCode: "BAD_REQUEST",
		},
		{
			name: "GET mutation", method: http.MethodGet,
			target:     getURL("query", `mutation { ingest(text: "Eve joined Acme.", id: "get") { documentId } }`),
			wantStatus: http.StatusMethodNotAllowed, wantAllow: "POST", wantErr: "POST", wantCode: "METHOD_NOT_ALLOWED",
		},
		{
			name: "GET mutation chosen by operationName", method: http.MethodGet,
			target:     getURL("query", `query Q { stats { documents } } mutation M { ingest(text: "x", id: "get") { documentId } }`, "operationName", "M"),
			wantStatus: http.StatusMethodNotAllowed, wantAllow: "POST",
		},
		{
			name: "GET without query", method: http.MethodGet, target: "/graphql",
			wantStatus: http.StatusBadRequest, wantErr: "no query",
		},
		{
			name: "POST wrong Content-Type", method: http.MethodPost, contentType: "text/plain",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusUnsupportedMediaType, wantErr: "application/json", wantCode: "UNSUPPORTED_MEDIA_TYPE",
		},
		{
			name: "POST form", method: http.MethodPost, contentType: "application/x-www-form-urlencoded",
			body:       "query=" + url.QueryEscape(stats),
			wantStatus: http.StatusUnsupportedMediaType,
		},
		{
			name: "POST no Content-Type", method: http.MethodPost,
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusUnsupportedMediaType,
		},
		{
			name: "POST invalid JSON", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": `,
			wantStatus: http.StatusBadRequest, wantErr: "JSON", wantCode: "BAD_REQUEST",
		},
		{
			name: "POST variables not an object", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `", "variables": [1]}`,
			wantStatus: http.StatusBadRequest,
		},
		{
			name: "POST empty query", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "  "}`,
			wantStatus: http.StatusBadRequest, wantErr: "no query",
		},
		{
			name: "POST empty body", method: http.MethodPost, contentType: "application/json",
			wantStatus: http.StatusBadRequest,
		},
		{
			name: "PUT", method: http.MethodPut, contentType: "application/json",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusMethodNotAllowed, wantAllow: "GET, POST, OPTIONS",
		},
		{
			name: "DELETE", method: http.MethodDelete, target: getURL("query", stats),
			wantStatus: http.StatusMethodNotAllowed, wantAllow: "GET, POST, OPTIONS",
		},
		{
			name: "POST body over 4 MiB", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `", "extensions": {"pad": "` + strings.Repeat("x", 4<<20) + `"}}`,
			wantStatus: http.StatusRequestEntityTooLarge, wantErr: "request body over", wantCode: "REQUEST_TOO_LARGE",
		},
		{
			name: "POST body just under 4 MiB", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `", "extensions": {"pad": "` + strings.Repeat("x", 4<<20-100) + `"}}`,
			wantStatus: http.StatusOK, wantData: statsData,
		},
		// Accept
		{
			name: "Accept */*", method: http.MethodPost, contentType: "application/json", accept: "*/*",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusOK, wantType: "application/json; charset=utf-8", wantData: statsData,
		},
		{
			name: "Accept application/*", method: http.MethodGet, target: getURL("query", stats), accept: "application/*",
			wantStatus: http.StatusOK, wantType: "application/json; charset=utf-8", wantData: statsData,
		},
		{
			name: "Accept a browser's", method: http.MethodGet, target: getURL("query", stats),
			accept:     "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
			wantStatus: http.StatusOK, wantType: "application/json; charset=utf-8", wantData: statsData,
		},
		{
			name: "Accept GraphiQL's", method: http.MethodPost, contentType: "application/json", accept: "application/json, multipart/mixed",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusOK, wantType: "application/json; charset=utf-8", wantData: statsData,
		},
		{
			name: "Accept both, equally", method: http.MethodPost, contentType: "application/json",
			accept:     "application/json, application/graphql-response+json",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusOK, wantType: "application/graphql-response+json; charset=utf-8", wantData: statsData,
		},
		{
			name: "Accept application/json preferred", method: http.MethodPost, contentType: "application/json",
			accept:     "application/graphql-response+json;q=0.5, application/json",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusOK, wantType: "application/json; charset=utf-8", wantData: statsData,
		},
		{
			name: "Accept text/html only", method: http.MethodPost, contentType: "application/json", accept: "text/html",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusNotAcceptable, wantType: "application/json; charset=utf-8", wantCode: "NOT_ACCEPTABLE", wantErr: "Accept",
		},
		{
			name: "Accept application/json;q=0", method: http.MethodGet, target: getURL("query", stats), accept: "application/json;q=0, text/plain",
			wantStatus: http.StatusNotAcceptable, wantCode: "NOT_ACCEPTABLE",
		},
		// GraphQL request errors: 200 with application/json, 400 without data with application/graphql-response+json
		{
			name: "syntax error, application/json", method: http.MethodPost, contentType: "application/json", accept: "application/json",
			body:       `{"query": "{ stats { documents }"}`,
			wantStatus: http.StatusOK, wantType: "application/json; charset=utf-8", wantCode: "GRAPHQL_PARSE_FAILED", wantNoData: true,
		},
		{
			name: "syntax error, graphql-response+json", method: http.MethodPost, contentType: "application/json", accept: "application/graphql-response+json",
			body:       `{"query": "{ stats { documents }"}`,
			wantStatus: http.StatusBadRequest, wantType: "application/graphql-response+json; charset=utf-8", wantCode: "GRAPHQL_PARSE_FAILED", wantNoData: true,
		},
		{
			name: "syntax error over GET, graphql-response+json", method: http.MethodGet, target: getURL("query", "{ stats {"), accept: "application/graphql-response+json",
			wantStatus: http.StatusBadRequest, wantType: "application/graphql-response+json; charset=utf-8", wantCode: "GRAPHQL_PARSE_FAILED", wantNoData: true,
		},
		{
			name: "unknown field, application/json", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "{ stats { pages } }"}`,
			wantStatus: http.StatusOK, wantCode: "GRAPHQL_VALIDATION_FAILED", wantErr: "pages", wantNoData: true,
		},
		{
			name: "unknown field, graphql-response+json", method: http.MethodPost, contentType: "application/json", accept: "application/graphql-response+json",
			body:       `{"query": "{ stats { pages } }"}`,
			wantStatus: http.StatusBadRequest, wantCode: "GRAPHQL_VALIDATION_FAILED", wantNoData: true,
		},
		{
			name: "missing variable, application/json", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "query($n: String!) { entity(name: $n) { id } }", "variables": {}}`,
			wantStatus: http.StatusOK, wantCode: "BAD_USER_INPUT", wantErr: "$n", wantNoData: true,
		},
		{
			name: "variable of the wrong type, graphql-response+json", method: http.MethodPost, contentType: "application/json", accept: "application/graphql-response+json",
			body:       `{"query": "query($n: String!) { entity(name: $n) { id } }", "variables": {"n": {"x": 1}}}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_USER_INPUT", wantErr: "$n", wantNoData: true,
		},
		{
			name: "unknown operationName", method: http.MethodPost, contentType: "application/json", accept: "application/graphql-response+json",
			body:       `{"query": "query A { stats { documents } }", "operationName": "B"}`,
			wantStatus: http.StatusBadRequest, wantCode: "OPERATION_RESOLUTION_FAILURE", wantErr: `"B"`, wantNoData: true,
		},
		{
			name: "two operations, no operationName", method: http.MethodGet, target: getURL("query", `query A { stats { documents } } query B { stats { triples } }`),
			wantStatus: http.StatusOK, wantCode: "OPERATION_RESOLUTION_FAILURE", wantErr: "operationName", wantNoData: true,
		},
		{
			name: "field error, graphql-response+json: data null is 200", method: http.MethodPost, contentType: "application/json", accept: "application/graphql-response+json",
			body:       `{"query": "{ entities(first: -1) { totalCount } }"}`,
			wantStatus: http.StatusOK, wantCode: "BAD_USER_INPUT", wantErr: "first must not be negative",
		},
		// request parameters
		{
			name: "POST null variables, operationName and extensions", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `", "variables": null, "operationName": null, "extensions": null}`,
			wantStatus: http.StatusOK, wantData: statsData,
		},
		{
			name: "POST extensions", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `", "extensions": {"some": "value"}}`,
			wantStatus: http.StatusOK, wantData: statsData,
		},
		{
			name: "POST query not a string", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": {"stats": 1}}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST", wantErr: "query must be a string",
		},
		{
			name: "POST query null", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": null}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST", wantErr: "no query",
		},
		{
			name: "POST query misspelt", method: http.MethodPost, contentType: "application/json",
			body:       `{"qeury": "` + stats + `"}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST", wantErr: "no query",
		},
		{
			name: "POST operationName not a string", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `", "operationName": false}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST", wantErr: "operationName",
		},
		{
			name: "POST variables a string", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `", "variables": "{}"}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST", wantErr: "variables",
		},
		{
			name: "POST extensions not an object", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `", "extensions": [1]}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST", wantErr: "extensions",
		},
		{
			name: "POST body not an object", method: http.MethodPost, contentType: "application/json", accept: "application/graphql-response+json",
			body:       `["` + stats + `"]`,
			wantStatus: http.StatusBadRequest, wantType: "application/graphql-response+json; charset=utf-8", wantCode: "BAD_REQUEST",
		},
		{
			name: "POST body null", method: http.MethodPost, contentType: "application/json",
			body:       `null`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST",
		},
		{
			name: "POST trailing garbage", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "` + stats + `"} {}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST",
		},
		{
			name: "POST persisted query", method: http.MethodPost, contentType: "application/json",
			body:       `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}`,
			wantStatus: http.StatusBadRequest, wantCode: "PERSISTED_QUERY_NOT_SUPPORTED",
		},
		{
			name: "POST latin-1", method: http.MethodPost, contentType: "application/json; charset=iso-8859-1",
			body:       `{"query": "` + stats + `"}`,
			wantStatus: http.StatusUnsupportedMediaType, wantCode: "UNSUPPORTED_MEDIA_TYPE", wantErr: "UTF-8",
		},
		{
			name: "POST application/graphql", method: http.MethodPost, contentType: "application/graphql",
			body:       stats,
			wantStatus: http.StatusUnsupportedMediaType, wantCode: "UNSUPPORTED_MEDIA_TYPE",
		},
		{
			name: "GET with null variables", method: http.MethodGet, target: getURL("query", stats, "variables", "null"),
			wantStatus: http.StatusOK, wantData: statsData,
		},
		{
			name: "GET with variables an array", method: http.MethodGet, target: getURL("query", stats, "variables", "[1]"),
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST", wantErr: "variables",
		},
		{
			name: "GET with bad extensions", method: http.MethodGet, target: getURL("query", stats, "extensions", `"x"`),
			wantStatus: http.StatusBadRequest, wantCode: "BAD_REQUEST", wantErr: "extensions",
		},
		{
			name: "GET persisted query", method: http.MethodGet, target: getURL("extensions", `{"persistedQuery": {"version": 1, "sha256Hash": "abc"}}`),
			wantStatus: http.StatusBadRequest, wantCode: "PERSISTED_QUERY_NOT_SUPPORTED",
		},
		{
			name: "HEAD query", method: http.MethodHead, target: getURL("query", stats),
			wantStatus: http.StatusOK, wantType: "application/json; charset=utf-8", wantData: statsData,
		},
		{
			name: "introspection", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "{ __schema { queryType { name } mutationType { name } } __type(name: \"Entity\") { name kind } }"}`,
			wantStatus: http.StatusOK, wantData: `{"__schema": {"queryType": {"name": "Query"}, "mutationType": {"name": "Mutation"}}, "__type": {"name": "Entity", "kind": "OBJECT"}}`,
		},
		// last: it changes the graph
		{
			name: "POST mutation", method: http.MethodPost, contentType: "application/json",
			body:       `{"query": "mutation { ingest(text: \"Eve joined Acme.\", id: \"d4\") { documentId triples } }"}`,
			wantStatus: http.StatusOK, wantData: `{"ingest": {"documentId": "d4", "triples": 1}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := tt.target
			if target == "" {
				target = "/graphql"
			}
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			req := httptest.NewRequest(tt.method, target, body)
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			if tt.accept != "" {
				req.Header.Set("Accept", tt.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			b, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("%s %s: status = %d, want %d; body %s", tt.method, target, res.StatusCode, tt.wantStatus, b)
			}
			if tt.wantType != "" {
				if got := res.Header.Get("Content-Type"); got != tt.wantType {
					t.Errorf("%s %s: Content-Type = %q, want %q", tt.method, target, got, tt.wantType)
				}
			}
			if got := res.Header.Get("Allow"); got != tt.wantAllow {
				t.Errorf("%s %s: Allow = %q, want %q", tt.method, target, got, tt.wantAllow)
			}
			if tt.method == http.MethodHead {
				// the server drops the body; the handler writes it
				if len(b) == 0 {
					t.Fatalf("HEAD %s: empty body from the handler", target)
				}
			}
			var resp struct {
				Data   json.RawMessage
				Errors []struct {
					Message    string
					Extensions struct{ Code string }
				}
			}
			if err := json.Unmarshal(b, &resp); err != nil {
				t.Fatalf("%s %s: body %s is not JSON: %v", tt.method, target, b, err)
			}
			for _, e := range resp.Errors {
				if e.Extensions.Code == "" {
					t.Errorf("%s %s: body %s: an error without extensions.code", tt.method, target, b)
				}
			}
			if tt.wantCode != "" && (len(resp.Errors) == 0 || resp.Errors[0].Extensions.Code != tt.wantCode) {
				t.Errorf("%s %s: body %s, want an error with code %s", tt.method, target, b, tt.wantCode)
			}
			if tt.wantNoData && resp.Data != nil {
				t.Errorf("%s %s: body %s, want no data entry", tt.method, target, b)
			}
			if tt.wantStatus != http.StatusOK && len(resp.Errors) == 0 {
				t.Errorf("%s %s: body %s, want an error", tt.method, target, b)
			}
			if tt.wantErr != "" && (len(resp.Errors) == 0 || !strings.Contains(resp.Errors[0].Message, tt.wantErr)) {
				t.Errorf("%s %s: body %s, want an error containing %q", tt.method, target, b, tt.wantErr)
			}
			if tt.wantData != "" {
				if len(resp.Errors) > 0 {
					t.Errorf("%s %s: errors in %s", tt.method, target, b)
				}
				if diff := cmp.Diff(normalise(t, []byte(tt.wantData)), normalise(t, resp.Data), approx); diff != "" {
					t.Errorf("%s %s: data = %s, want %s\ndiff (-want +got):\n%s", tt.method, target, resp.Data, tt.wantData, diff)
				}
			}
		})
	}
	// Neither refused GET mutation reached the Ingester; the POST did.
	for _, d := range ing.got {
		if d.ID == "get" {
			t.Errorf("a mutation sent with GET was run: %+v", d)
		}
	}
	if len(ing.got) != 1 {
		t.Errorf("Ingester called %d times, want once (the POST)", len(ing.got))
	}
}

// TestHandlerGETMutationGuard: however the mutation is spelled, GET must not
// run it. The guard parses with gqlparser, the executor with graphql-go; a
// query only the executor accepts must not slip through: it is refused as
// a parse failure.
func TestHandlerGETMutationGuard(t *testing.T) {
	tests := []struct {
		name      string
		query     string
		operation string
		wantCode  string // of the refusal; METHOD_NOT_ALLOWED (405) unless said
	}{
		{name: "comment and whitespace", query: "# hi\n\n  mutation { ingest(text: \"x\", id: \"get\") { documentId } }"},
		{name: "named", query: `mutation M { ingest(text: "x", id: "get") { documentId } }`},
		{name: "with a fragment first", query: `fragment F on IngestResult { documentId } mutation { ingest(text: "x", id: "get") { ...F } }`},
		{name: "chosen by operationName", query: `query Q { stats { documents } } mutation M { ingest(text: "x", id: "get") { documentId } }`, operation: "M"},
		{name: "invalid mutation", query: `mutation { nope }`},
		{name: "__typename only", query: `mutation { __typename }`},
		{name: "byte order mark", query: "\ufeffmutation { ingest(text: \"x\", id: \"get\") { documentId } }"},
		{name: "commas", query: ",,mutation,{,ingest(text:\"x\",id:\"get\"),{,documentId,},}"},
		{name: "block string", query: `mutation { ingest(text: """x""", id: "get") { documentId } }`},
		// graphql-go's lexer (text/scanner) accepts Go escapes gqlparser refuses
		{name: "Go string escape", query: `mutation { ingest(text: "\x41", id: "get") { documentId } }`, wantCode: "GRAPHQL_PARSE_FAILED"},
		{name: "Go raw string", query: "mutation { ingest(text: `x`, id: \"get\") { documentId } }", wantCode: "GRAPHQL_PARSE_FAILED"},
		{name: "two anonymous operations", query: `{ stats { documents } } mutation { ingest(text: "x", id: "get") { documentId } }`, wantCode: "OPERATION_RESOLUTION_FAILURE"},
		{name: "unknown operationName", query: `mutation M { ingest(text: "x", id: "get") { documentId } }`, operation: "N", wantCode: "OPERATION_RESOLUTION_FAILURE"},
	}
	for _, tt := range tests {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			t.Run(tt.name+" "+method, func(t *testing.T) {
				st := seededStore(t)
				ing := &fakeIngester{st: st}
				h := newSchema(t, st, schema.Options{Ingester: ing}).Handler()
				rec := httptest.NewRecorder()
				params := []string{"query", tt.query}
				if tt.operation != "" {
					params = append(params, "operationName", tt.operation)
				}
				h.ServeHTTP(rec, httptest.NewRequest(method, getURL(params...), nil))
				want, wantStatus := tt.wantCode, http.StatusOK
				if want == "" {
					want, wantStatus = "METHOD_NOT_ALLOWED", http.StatusMethodNotAllowed
				}
				var resp struct {
					Data   json.RawMessage
					Errors []struct{ Extensions struct{ Code string } }
				}
				json.Unmarshal(rec.Body.Bytes(), &resp)
				if rec.Code != wantStatus || len(resp.Errors) == 0 || resp.Errors[0].Extensions.Code != want || resp.Data != nil {
					t.Errorf("%s %q: %d %s, want %d and code %s", method, tt.query, rec.Code, rec.Body, wantStatus, want)
				}
				if wantStatus == http.StatusMethodNotAllowed && rec.Header().Get("Allow") != "POST" {
					t.Errorf("%s %q: Allow = %q, want POST", method, tt.query, rec.Header().Get("Allow"))
				}
				if len(ing.got) > 0 {
					t.Errorf("%s %q ran the mutation: Ingester got %+v", method, tt.query, ing.got)
				}
			})
		}
	}
}
