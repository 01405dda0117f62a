package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-builder/kg/graph"
)

func TestServeFlagDefaults(t *testing.T) {
	flags := newServeCmd(&env{}).Flags()
	for name, want := range map[string]string{
		"addr":            "127.0.0.1:8080",
		"read-only":       "false",
		"token":           "",
		"cors-origin":     "[]",
		"timeout":         "30s",
		"max-depth":       "15",
		"max-fields":      "2000",
		"max-first":       "1000",
		"max-query-bytes": "65536",
		"max-body-bytes":  "4194304",
		"max-exports":     "2",
		"export-timeout":  "10m0s",
	} {
		f := flags.Lookup(name)
		if f == nil {
			t.Errorf("kg serve has no --%s", name)
			continue
		}
		if f.DefValue != want {
			t.Errorf("kg serve --%s default = %q, want %q", name, f.DefValue, want)
		}
	}
}

func TestServeHelp(t *testing.T) {
	const token = "help-must-not-show-this"
	t.Setenv("KG_TOKEN", token)
	code, out, errOut := kg(t, "", "serve", "--help")
	if code != 0 {
		t.Fatalf("kg serve --help = exit %d: %s", code, errOut)
	}
	for _, want := range []string{"--token", "KG_TOKEN", "--cors-origin", "--max-depth", "--max-fields", "--max-first",
		"--max-query-bytes", "--max-body-bytes", "--timeout", "--max-exports", "--export-timeout", "--read-only", "application/graphql-response+json", "Authorization: Bearer"} {
		if !strings.Contains(out, want) {
			t.Errorf("kg serve --help lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out+errOut, token) {
		t.Errorf("kg serve --help shows KG_TOKEN:\n%s", out)
	}
}

func TestServeBadFlags(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--max-depth", "0"}, "--max-depth 0: must be at least 1"},
		{[]string{"--max-fields", "-1"}, "--max-fields -1: must be at least 1"},
		{[]string{"--max-first", "0"}, "--max-first 0"},
		{[]string{"--max-query-bytes", "0"}, "--max-query-bytes 0"},
		{[]string{"--max-body-bytes", "0"}, "--max-body-bytes 0"},
		{[]string{"--max-query-bytes", "2000", "--max-body-bytes", "1000"}, "over --max-body-bytes"},
		{[]string{"--timeout", "0s"}, "--timeout 0s: must be positive"},
		{[]string{"--max-exports", "0"}, "--max-exports 0: must be at least 1"},
		{[]string{"--export-timeout", "-1s"}, "--export-timeout -1s: must be positive"},
		{[]string{"--cors-origin", "example.com"}, `CORS origin "example.com"`},
		{[]string{"--cors-origin", "https://a.example.com,https://b.example.com/path"}, `CORS origin "https://b.example.com/path"`},
		{[]string{"--token", "two words"}, "--token: a token cannot contain spaces"},
		{[]string{"--token", "two\u00a0words"}, "--token: a token cannot contain spaces"},
		// a blank token is not "no token": that would open mutations to anyone
		{[]string{"--token", "   "}, "--token is blank: give a token"},
		{[]string{"--token", ""}, "--token is blank: give a token"},
		{[]string{"--token", "\t\n"}, "--token is blank: give a token"},
		{[]string{"KG_TOKEN=  "}, "KG_TOKEN is blank: give a token"},
		{[]string{"KG_TOKEN=two words"}, "KG_TOKEN: a token cannot contain spaces"},
		{[]string{"--cors-origin", "https://*.example.com"}, "wildcards are not supported"},
		{[]string{"--cors-origin", "http://a.com:99999"}, "port 99999 is not from 1 to 65535"},
		{[]string{"--cors-origin", ""}, "an empty one"},
	} {
		t.Setenv("KG_TOKEN", "")
		if env, ok := strings.CutPrefix(tt.args[0], "KG_TOKEN="); ok {
			t.Setenv("KG_TOKEN", env)
			tt.args = nil
		}
		// a flag let through would serve: stop it, so that the test fails
		// rather than hangs
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		var errb bytes.Buffer
		code := run(ctx, append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, tt.args...), strings.NewReader(""), io.Discard, &errb)
		cancel()
		errOut := errb.String()
		if code != 1 || !strings.Contains(errOut, tt.want) {
			t.Errorf("kg serve %s = exit %d, stderr %q; want exit 1 and %q", strings.Join(tt.args, " "), code, errOut, tt.want)
		}
		if _, err := os.Stat(data); err == nil {
			t.Errorf("kg serve %s opened the store before refusing its flags", strings.Join(tt.args, " "))
			os.RemoveAll(data)
		}
		if strings.Contains(errOut, "two words") {
			t.Errorf("kg serve %s shows the token: %q", strings.Join(tt.args, " "), errOut)
		}
	}
}

// serving is a kg serve running in the background.
type serving struct {
	base   string // http://127.0.0.1:port
	stderr *syncBuffer
}

// startServe runs kg serve with args until the test ends.
func startServe(t *testing.T, args ...string) *serving {
	t.Helper()
	data := filepath.Join(t.TempDir(), "store")
	// an empty store, as kg serve --read-only serves only one that exists
	st, err := graph.Open(data, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--data", data}, args...), strings.NewReader(""), io.Discard, stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("kg serve exit %d after shutdown:\n%s", code, stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Error("kg serve did not shut down")
		}
	})
	re := regexp.MustCompile(`GraphQL http://[0-9.:\[\]]*:([0-9]+)/graphql`)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			return &serving{base: "http://127.0.0.1:" + m[1], stderr: stderr}
		}
		select {
		case code := <-done:
			t.Fatalf("kg serve exited %d:\n%s", code, stderr.String())
		default:
		}
	}
	t.Fatalf("kg serve did not start:\n%s", stderr.String())
	return nil
}

func TestServeWarnings(t *testing.T) {
	const warn = "WARNING"
	for _, tt := range []struct {
		name     string
		token    string
		args     []string
		want     string // in stderr
		wantWarn bool
	}{
		{name: "loopback", args: []string{"--addr", "127.0.0.1:0"}},
		{name: "all interfaces", args: []string{"--addr", "0.0.0.0:0"}, want: "reachable from other machines", wantWarn: true},
		{name: "all interfaces, read-only", args: []string{"--addr", "0.0.0.0:0", "--read-only"}, want: "read-only: mutations are refused"},
		{name: "all interfaces, token", token: "tok-123", args: []string{"--addr", "0.0.0.0:0"}, want: "mutations need the bearer token"},
		{name: "all interfaces, --token", args: []string{"--addr", "0.0.0.0:0", "--token", "tok-456"}, want: "mutations need the bearer token"},
		{name: "any origin", args: []string{"--addr", "127.0.0.1:0", "--cors-origin", "*"}, want: "any web page", wantWarn: true},
		{name: "one origin", args: []string{"--addr", "127.0.0.1:0", "--cors-origin", "https://app.example.com"}, want: "CORS: pages of https://app.example.com may call the API"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("KG_TOKEN", tt.token)
			s := startServe(t, tt.args...)
			out := s.stderr.String()
			if strings.Contains(out, warn) != tt.wantWarn {
				t.Errorf("kg serve %s: warning %v, want %v:\n%s", strings.Join(tt.args, " "), !tt.wantWarn, tt.wantWarn, out)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("kg serve %s: stderr lacks %q:\n%s", strings.Join(tt.args, " "), tt.want, out)
			}
			if strings.Contains(out, "tok-") {
				t.Errorf("kg serve shows the token:\n%s", out)
			}
		})
	}
}

// TestServeSafely: the flags of kg serve reach the API.
func TestServeSafely(t *testing.T) {
	const token = "e2e-token-2f9c"
	t.Setenv("KG_TOKEN", token)
	s := startServe(t, "--addr", "127.0.0.1:0", "--cors-origin", "https://app.example.com", "--max-depth", "5",
		"--max-fields", "20", "--max-first", "10", "--max-query-bytes", "300", "--max-body-bytes", "1000")

	type result struct {
		status int
		header http.Header
		code   string
		body   string
	}
	send := func(method, target string, header map[string]string, body string) result {
		t.Helper()
		var rb io.Reader
		if body != "" {
			rb = strings.NewReader(body)
		}
		req, err := http.NewRequest(method, s.base+target, rb)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return result{status: -1, body: err.Error()}
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		var out struct {
			Errors []struct{ Extensions struct{ Code string } }
		}
		json.Unmarshal(b, &out)
		r := result{status: res.StatusCode, header: res.Header, body: string(b)}
		if len(out.Errors) > 0 {
			r.code = out.Errors[0].Extensions.Code
		}
		return r
	}
	post := func(query string, header map[string]string) result {
		t.Helper()
		b, _ := json.Marshal(map[string]string{"query": query})
		h := map[string]string{"Content-Type": "application/json"}
		for k, v := range header {
			h[k] = v
		}
		return send(http.MethodPost, "/graphql", h, string(b))
	}
	const ingest = `mutation { ingest(text: "Marta Kowalczyk met Jonas Hovland in Gdansk.") { triples } }`
	var b strings.Builder
	b.WriteString("{")
	for i := range 11 {
		fmt.Fprintf(&b, " a%d: stats { documents }", i)
	}
	b.WriteString(" }")
	aliases := b.String()
	type safetyCase struct {
		name       string
		do         func() result
		wantStatus int
		wantCode   string
	}
	cases := []safetyCase{
		{name: "mutation without the token", do: func() result { return post(ingest, nil) }, wantStatus: 401, wantCode: "UNAUTHENTICATED"},
		{name: "mutation with a wrong token", do: func() result { return post(ingest, map[string]string{"Authorization": "Bearer nope"}) }, wantStatus: 401, wantCode: "UNAUTHENTICATED"},
		{name: "mutation with the token", do: func() result { return post(ingest, map[string]string{"Authorization": "Bearer " + token}) }, wantStatus: 200},
		{name: "query without the token", do: func() result { return post(`{ stats { documents } }`, nil) }, wantStatus: 200},
		{name: "GET mutation", do: func() result { return send(http.MethodGet, "/graphql?query=mutation%7B__typename%7D", nil, "") }, wantStatus: 405, wantCode: "METHOD_NOT_ALLOWED"},
		{name: "depth 6 of 5", do: func() result {
			return post(`{ entity(name: "Marta Kowalczyk") { outgoing { nodes { object { outgoing { totalCount } } } } } }`, nil)
		}, wantStatus: 200, wantCode: "QUERY_TOO_DEEP"},
		{name: "22 fields of 20", do: func() result { return post(aliases, nil) }, wantStatus: 200, wantCode: "QUERY_TOO_COMPLEX"},
		{name: "first 11 of 10", do: func() result { return post(`{ entities(first: 11) { totalCount } }`, nil) }, wantStatus: 200, wantCode: "BAD_USER_INPUT"},
		{name: "first left out", do: func() result { return post(`{ entities { totalCount } triples { totalCount } }`, nil) }, wantStatus: 200},
		{name: "query of 301 bytes", do: func() result {
			return post("{ stats { documents } }"+strings.Repeat(" ", 301-23), map[string]string{"Accept": "application/graphql-response+json"})
		}, wantStatus: 400, wantCode: "QUERY_TOO_LARGE"},
		{name: "body of 1001 bytes", do: func() result {
			return send(http.MethodPost, "/graphql", map[string]string{"Content-Type": "application/json"}, `{"query": "{ stats { documents } }"}`+strings.Repeat(" ", 1001-36))
		}, wantStatus: 413, wantCode: "REQUEST_TOO_LARGE"},
		{
			name: "CORS preflight", wantStatus: 204,
			do: func() result {
				return send(http.MethodOptions, "/graphql", map[string]string{"Origin": "https://app.example.com", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}, "")
			},
		},
	}
	check := func(tt safetyCase) string {
		if r := tt.do(); r.status != tt.wantStatus || r.code != tt.wantCode {
			return fmt.Sprintf("%s = %d %s, want %d and code %q", tt.name, r.status, r.body, tt.wantStatus, tt.wantCode)
		}
		return ""
	}
	for _, tt := range cases {
		if msg := check(tt); msg != "" {
			t.Error(msg)
		}
	}
	// the same, from 32 clients at once: every limit and the token hold
	// under load
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed []string
	for c := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3 * len(cases) {
				if msg := check(cases[(c+i)%len(cases)]); msg != "" {
					mu.Lock()
					failed = append(failed, msg)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(failed) > 0 {
		t.Errorf("under load from 32 clients, %d of %d requests were not answered as alone; first: %s", len(failed), 32*3*len(cases), failed[0])
	}
	r := send(http.MethodOptions, "/graphql", map[string]string{"Origin": "https://app.example.com", "Access-Control-Request-Method": "POST"}, "")
	if r.header.Get("Access-Control-Allow-Origin") != "https://app.example.com" || !strings.Contains(r.header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("CORS preflight headers = %v", r.header)
	}
	r = send(http.MethodOptions, "/graphql", map[string]string{"Origin": "https://other.example.com", "Access-Control-Request-Method": "POST"}, "")
	if r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS preflight from another origin = %v, want no Access-Control-Allow-Origin", r.header)
	}
	if strings.Contains(s.stderr.String(), token) {
		t.Errorf("kg serve logged the token:\n%s", s.stderr.String())
	}
}

// TestTimeLimitUnderLoad: with 32 clients queueing for one execution slot,
// every request is answered within its time limit (plus slack for the
// machine), either with its data or with TIMEOUT: none waits past it.
func TestTimeLimitUnderLoad(t *testing.T) {
	const limit = 100 * time.Millisecond
	s := startServe(t, "--addr", "127.0.0.1:0", "--demo", "--timeout", limit.String(), "--max-concurrent", "1")
	body, _ := json.Marshal(map[string]string{"query": `{
  neighborhood(name: "Nordhavn Energy", depth: 3, limit: 1000) { nodes { name aliases } edges { relation evidence { nodes { text } } } }
  path(from: "Nordhavn Energy", to: "Aino Kestilä", maxDepth: 6) { length }
}`})
	type outcome struct {
		status  int
		code    string
		errs    int
		elapsed time.Duration
	}
	var mu sync.Mutex
	var outcomes []outcome
	var wg sync.WaitGroup
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 15 {
				start := time.Now()
				res, err := http.Post(s.base+"/graphql", "application/json", strings.NewReader(string(body)))
				o := outcome{status: -1}
				if err == nil {
					var out struct {
						Data   any
						Errors []struct{ Extensions struct{ Code string } }
					}
					json.NewDecoder(res.Body).Decode(&out)
					res.Body.Close()
					o = outcome{status: res.StatusCode, errs: len(out.Errors)}
					if len(out.Errors) > 0 {
						o.code = out.Errors[0].Extensions.Code
					}
				}
				o.elapsed = time.Since(start)
				mu.Lock()
				outcomes = append(outcomes, o)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	answered, timedOut := 0, 0
	var slowest time.Duration
	for _, o := range outcomes {
		slowest = max(slowest, o.elapsed)
		switch {
		case o.status == 200 && o.errs == 0:
			answered++
		case o.code == "TIMEOUT" && (o.status == 200 || o.status == 503):
			timedOut++
		default:
			t.Errorf("a request under load got %d with %d errors (%s)", o.status, o.errs, o.code)
		}
	}
	// slack: scheduling 32 clients and a server on two cores
	if slowest > limit+time.Second {
		t.Errorf("the slowest request took %s, past its time limit of %s", slowest, limit)
	}
	t.Logf("%d requests: %d answered, %d timed out; slowest %s (limit %s)", len(outcomes), answered, timedOut, slowest, limit)
}

// kg serve on a port in use says which and suggests another.
func TestServeAddrInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	if port == 65535 {
		t.Skip("no next port")
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second) // should it serve after all
	defer cancel()
	var errb bytes.Buffer
	code := run(ctx, []string{"serve", "--data", filepath.Join(t.TempDir(), "store"), "--addr", addr}, strings.NewReader(""), io.Discard, &errb)
	want := fmt.Sprintf("kg: %s is in use (another kg serve?): pick another with --addr 127.0.0.1:%d\n", addr, port+1)
	if code != 1 || errb.String() != want {
		t.Errorf("kg serve --addr %s (in use) = exit %d, %q; want exit 1, %q", addr, code, errb.String(), want)
	}
}
