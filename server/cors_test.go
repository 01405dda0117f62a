package server_test

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/kg-builder/kg/server"
)

func TestParseOrigins(t *testing.T) {
	tests := []struct {
		in      []string
		want    []string
		wantErr bool
	}{
		{in: nil, want: nil},
		{in: []string{"https://example.com"}, want: []string{"https://example.com"}},
		{in: []string{"https://a.example.com,http://localhost:3000", " https://b.example.com/ "}, want: []string{"https://a.example.com", "http://localhost:3000", "https://b.example.com"}},
		{in: []string{"HTTPS://Example.COM", "https://example.com"}, want: []string{"https://example.com"}},
		{in: []string{"*"}, want: []string{"*"}},
		{in: []string{"http://[::1]:8080"}, want: []string{"http://[::1]:8080"}},
		{in: []string{"http://LocalHost:3000", "https://example.com:443", "http://example.com:80", "http://example.com:0080"},
			want: []string{"http://localhost:3000", "https://example.com", "http://example.com"}},
		{in: []string{"http://127.0.0.1:8080", "https://xn--bcher-kva.example"}, want: []string{"http://127.0.0.1:8080", "https://xn--bcher-kva.example"}},
		// what the matcher could never match is refused
		{in: []string{",,"}, wantErr: true},
		{in: []string{""}, wantErr: true},
		{in: []string{"https://a.example.com,"}, wantErr: true},
		{in: []string{"https://*.example.com"}, wantErr: true},
		{in: []string{"https://app.*"}, wantErr: true},
		{in: []string{"http://a.com:99999"}, wantErr: true},
		{in: []string{"http://a.com:0"}, wantErr: true},
		{in: []string{"http://a.com:"}, wantErr: true},
		{in: []string{"https://bücher.example"}, wantErr: true},
		{in: []string{"https://exa_mple.com"}, wantErr: true},
		{in: []string{"https://-a.com"}, wantErr: true},
		{in: []string{"https://a..com"}, wantErr: true},
		{in: []string{"https://example.com#"}, wantErr: true},
		{in: []string{"https://example.com?"}, wantErr: true},
		{in: []string{"https:example.com"}, wantErr: true},
		{in: []string{"'https://example.com'"}, wantErr: true},
		{in: []string{"example.com"}, wantErr: true},
		{in: []string{"ftp://example.com"}, wantErr: true},
		{in: []string{"https://example.com/app"}, wantErr: true},
		{in: []string{"https://example.com?x=1"}, wantErr: true},
		{in: []string{"https://user@example.com"}, wantErr: true},
		{in: []string{"https://"}, wantErr: true},
		{in: []string{"null"}, wantErr: true},
	}
	for _, tt := range tests {
		got, err := server.ParseOrigins(tt.in)
		if (err != nil) != tt.wantErr || !slices.Equal(got, tt.want) {
			t.Errorf("ParseOrigins(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "scheme://host") {
			t.Errorf("ParseOrigins(%q) error = %q, want it to say what an origin is", tt.in, err)
		}
	}
}

// request sends a request and returns the response, its body read.
func request(t *testing.T, method, url string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// corsHeaders are the Access-Control-* headers of a response.
func corsHeaders(h http.Header) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		if strings.HasPrefix(k, "Access-Control-") {
			out[k] = strings.Join(v, ", ")
		}
	}
	return out
}

func TestCORS(t *testing.T) {
	// the GraphQL handler answers OPTIONS itself as kg's does: 204 and Allow
	gql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"data":{}}`)
	})
	const site, other = "https://app.example.com", "https://evil.example.net"
	preflight := map[string]string{"Origin": site, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, authorization"}
	preflightOther := map[string]string{"Origin": other, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
	wantPreflight := map[string]string{
		"Access-Control-Allow-Origin":  site,
		"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
		"Access-Control-Allow-Headers": "Content-Type, Authorization",
		"Access-Control-Max-Age":       "7200",
	}
	tests := []struct {
		name       string
		origins    []string
		method     string
		path       string
		header     map[string]string
		wantStatus int
		want       map[string]string // Access-Control-* headers
		wantVary   bool              // Vary: Origin
	}{
		{name: "off: preflight", method: http.MethodOptions, header: preflight, wantStatus: http.StatusNoContent, want: map[string]string{}},
		{name: "off: GET with Origin", method: http.MethodGet, header: map[string]string{"Origin": site}, wantStatus: http.StatusOK, want: map[string]string{}},
		{name: "preflight", origins: []string{site}, method: http.MethodOptions, header: preflight, wantStatus: http.StatusNoContent, want: wantPreflight, wantVary: true},
		{
			name: "preflight, second origin", origins: []string{"http://localhost:3000", site}, method: http.MethodOptions, header: preflight,
			wantStatus: http.StatusNoContent, want: wantPreflight, wantVary: true,
		},
		{
			name: "POST", origins: []string{site}, method: http.MethodPost, header: map[string]string{"Origin": site},
			wantStatus: http.StatusOK, want: map[string]string{"Access-Control-Allow-Origin": site, "Access-Control-Expose-Headers": "WWW-Authenticate"}, wantVary: true,
		},
		{name: "preflight, other origin", origins: []string{site}, method: http.MethodOptions, header: preflightOther, wantStatus: http.StatusNoContent, want: map[string]string{}, wantVary: true},
		{name: "GET, other origin", origins: []string{site}, method: http.MethodGet, header: map[string]string{"Origin": other}, wantStatus: http.StatusOK, want: map[string]string{}, wantVary: true},
		{name: "GET, no Origin", origins: []string{site}, method: http.MethodGet, wantStatus: http.StatusOK, want: map[string]string{}, wantVary: true},
		{
			name: "OPTIONS, not a preflight", origins: []string{site}, method: http.MethodOptions, header: map[string]string{"Origin": site},
			wantStatus: http.StatusNoContent, want: map[string]string{"Access-Control-Allow-Origin": site, "Access-Control-Expose-Headers": "WWW-Authenticate"}, wantVary: true,
		},
		{
			name: "any origin: preflight", origins: []string{"*"}, method: http.MethodOptions, header: preflightOther, wantStatus: http.StatusNoContent,
			want: map[string]string{
				"Access-Control-Allow-Origin":  "*",
				"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
				"Access-Control-Allow-Headers": "Content-Type, Authorization",
				"Access-Control-Max-Age":       "7200",
			},
			wantVary: true,
		},
		{
			name: "any origin: GET", origins: []string{"*"}, method: http.MethodGet, header: map[string]string{"Origin": other},
			wantStatus: http.StatusOK, want: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "WWW-Authenticate"}, wantVary: true,
		},
		{name: "healthz is not CORS", origins: []string{"*"}, method: http.MethodGet, path: "/healthz", header: map[string]string{"Origin": other}, wantStatus: http.StatusOK, want: map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := start(t, server.Options{GraphQL: gql, CORSOrigins: tt.origins})
			path := tt.path
			if path == "" {
				path = "/graphql"
			}
			res, body := request(t, tt.method, r.base+path, tt.header)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("%s %s = %d %q, want %d", tt.method, path, res.StatusCode, body, tt.wantStatus)
			}
			got := corsHeaders(res.Header)
			if len(got) != len(tt.want) {
				t.Errorf("%s %s: CORS headers %v, want %v", tt.method, path, got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s %s: %s = %q, want %q", tt.method, path, k, got[k], v)
				}
			}
			if tt.method == http.MethodOptions && res.Header.Get("Content-Type") != "" {
				t.Errorf("%s %s: Content-Type %q on a reply without a body", tt.method, path, res.Header.Get("Content-Type"))
			}
			if vary := slices.Contains(res.Header.Values("Vary"), "Origin"); vary != tt.wantVary {
				t.Errorf("%s %s: Vary = %q, want Origin in it: %v", tt.method, path, res.Header.Values("Vary"), tt.wantVary)
			}
		})
	}
}
