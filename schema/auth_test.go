package schema_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/kg-builder/kg/schema"
)

// TestToken: with a Token, a mutation needs it as a bearer token; queries
// do not.
func TestToken(t *testing.T) {
	const token = "s3cret-t0ken"
	st := seededStore(t)
	ing := &fakeIngester{st: st}
	var logs bytes.Buffer
	h := newSchema(t, st, schema.Options{Ingester: ing, Token: token, Logger: slog.New(slog.NewTextHandler(&logs, nil))}).Handler()
	const mutation = `mutation { ingest(text: "Eve joined Acme.", id: "d4") { documentId } }`
	tests := []struct {
		name       string
		auth       string
		query      string
		wantStatus int
		wantAuth   string // WWW-Authenticate
		wantRun    bool
	}{
		{name: "no token", query: mutation, wantStatus: http.StatusUnauthorized, wantAuth: `Bearer realm="kg"`},
		{name: "wrong token", auth: "Bearer nope", query: mutation, wantStatus: http.StatusUnauthorized, wantAuth: `Bearer realm="kg", error="invalid_token"`},
		{name: "token's prefix", auth: "Bearer " + token[:5], query: mutation, wantStatus: http.StatusUnauthorized, wantAuth: `Bearer realm="kg", error="invalid_token"`},
		{name: "token and more", auth: "Bearer " + token + "x", query: mutation, wantStatus: http.StatusUnauthorized, wantAuth: `Bearer realm="kg", error="invalid_token"`},
		{name: "Basic", auth: "Basic " + token, query: mutation, wantStatus: http.StatusUnauthorized, wantAuth: `Bearer realm="kg", error="invalid_token"`},
		{name: "no scheme", auth: token, query: mutation, wantStatus: http.StatusUnauthorized, wantAuth: `Bearer realm="kg", error="invalid_token"`},
		{name: "empty bearer", auth: "Bearer ", query: mutation, wantStatus: http.StatusUnauthorized, wantAuth: `Bearer realm="kg", error="invalid_token"`},
		{name: "query without token", query: `{ stats { documents } }`, wantStatus: http.StatusOK},
		{name: "query with a wrong token", auth: "Bearer nope", query: `{ stats { documents } }`, wantStatus: http.StatusOK},
		{name: "right token, lower-case scheme", auth: "bearer " + token, query: mutation, wantStatus: http.StatusOK, wantRun: true},
		{name: "right token", auth: "Bearer " + token, query: mutation, wantStatus: http.StatusOK, wantRun: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(ing.got)
			hd := map[string]string{}
			if tt.auth != "" {
				hd["Authorization"] = tt.auth
			}
			r := postJSON(t, h, tt.query, nil, hd)
			if r.status != tt.wantStatus {
				t.Fatalf("status %d %s, want %d", r.status, r.body, tt.wantStatus)
			}
			if got := r.header.Get("WWW-Authenticate"); got != tt.wantAuth {
				t.Errorf("WWW-Authenticate = %q, want %q", got, tt.wantAuth)
			}
			if tt.wantStatus == http.StatusUnauthorized && (r.code() != "UNAUTHENTICATED" || r.Data != nil) {
				t.Errorf("body %s, want an UNAUTHENTICATED error and no data", r.body)
			}
			if tt.wantStatus == http.StatusOK && len(r.Errors) > 0 {
				t.Errorf("body %s, want no errors", r.body)
			}
			if ran := len(ing.got) > before; ran != tt.wantRun {
				t.Errorf("mutation run = %v, want %v", ran, tt.wantRun)
			}
			if strings.Contains(r.body, token) {
				t.Errorf("body %s shows the token", r.body)
			}
		})
	}
	// a mutation over GET is refused before the token is looked at
	r := do(t, h, http.MethodGet, getURL("query", mutation), map[string]string{"Authorization": "Bearer " + token}, "")
	if r.status != http.StatusMethodNotAllowed {
		t.Errorf("GET mutation with the token = %d %s, want 405", r.status, r.body)
	}
	if strings.Contains(logs.String(), token) {
		t.Errorf("the log shows the token:\n%s", logs.String())
	}
}

// TestReadOnlyHTTP: a read-only server refuses mutations with 403 before
// they run, and serves queries.
func TestReadOnlyHTTP(t *testing.T) {
	st := seededStore(t)
	ing := &fakeIngester{st: st}
	h := newSchema(t, st, schema.Options{Ingester: ing, Editor: st, ReadOnly: true, Token: "t"}).Handler()
	for _, q := range []string{
		`mutation { ingest(text: "Eve joined Acme.") { documentId } }`,
		`mutation { mergeEntities(into: "Alice Smith", from: "Bob Jones") { into { id } } }`,
		`mutation { nope }`,
	} {
		r := postJSON(t, h, q, nil, map[string]string{"Authorization": "Bearer t", "Accept": "application/graphql-response+json"})
		if r.status != http.StatusForbidden || r.code() != "FORBIDDEN" || !strings.Contains(r.Errors[0].Message, "read-only") || r.Data != nil {
			t.Errorf("POST %s = %d %s, want 403 FORBIDDEN read-only", q, r.status, r.body)
		}
	}
	if len(ing.got) > 0 {
		t.Errorf("a read-only server ran ingest: %+v", ing.got)
	}
	if r := postJSON(t, h, `{ stats { documents } }`, nil, nil); r.status != http.StatusOK || len(r.Errors) > 0 {
		t.Errorf("query on a read-only server = %d %s, want 200", r.status, r.body)
	}
}

// TestRefusedMutationStatus: a mutation the server does not run is answered
// 403 without data, whatever the media type and however it is refused:
// served read-only, no ingester or editor, or a store that refuses writes.
func TestRefusedMutationStatus(t *testing.T) {
	st := seededStore(t)
	spyIng, spyEd := &spyIngester{}, &spyEditor{Editor: st}
	servers := []struct {
		name string
		opt  schema.Options
	}{
		{"read-only", schema.Options{Ingester: &fakeIngester{st: st}, Editor: st, ReadOnly: true}},
		{"no ingester or editor", schema.Options{}},
		{"store refuses writes", schema.Options{Ingester: spyIng, Editor: spyEd}},
	}
	mutations := []string{
		`mutation { ingest(text: "Eve joined Acme.") { documentId } }`,
		`mutation { deleteDocument(id: "d1") { evidenceRemoved } }`,
		`mutation M { ...F } fragment F on Mutation { splitAlias(entity: "Alice Smith", alias: "Alice") { triplesMoved } }`,
	}
	for _, srv := range servers {
		h := newSchema(t, st, srv.opt).Handler()
		for _, q := range mutations {
			for _, accept := range []string{"application/json", "application/graphql-response+json"} {
				r := postJSON(t, h, q, nil, map[string]string{"Accept": accept})
				if r.status != http.StatusForbidden || r.code() != "FORBIDDEN" || r.Data != nil {
					t.Errorf("%s: POST %s (Accept %s) = %d %s, want 403 FORBIDDEN without data", srv.name, q, accept, r.status, r.body)
				}
			}
		}
	}
	if n := spyIng.calls.Load() + spyEd.calls.Load(); n != int64(2*len(mutations)) {
		t.Errorf("the store was asked to write %d times, want %d (each mutation once per media type)", n, 2*len(mutations))
	}
}
