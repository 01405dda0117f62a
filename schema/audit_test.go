package schema_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kg-builder/kg/schema"
	"github.com/kg-builder/kg/server"
)

// requireE2E skips a test that needs something the machine lacks, or fails
// it when KG_REQUIRE_E2E=1 (as in CI, where `make test` builds
// web/node_modules first).
func requireE2E(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("KG_REQUIRE_E2E") == "1" {
		t.Fatalf("%s (KG_REQUIRE_E2E=1: run `make ui` first)", why)
	}
	t.Skipf("%s: skipped (set KG_REQUIRE_E2E=1 to make it a failure)", why)
}

// serve serves s's Handler through the server package on 127.0.0.1 until
// the test ends, and returns the GraphQL endpoint's URL.
func serve(t *testing.T, h schema.Options, st schema.Graph, so server.Options) string {
	t.Helper()
	s := newSchema(t, st, h)
	so.Addr = "127.0.0.1:0"
	so.GraphQL = s.Handler()
	if so.Logger == nil {
		so.Logger = quietLogger()
	}
	srv := server.New(so)
	addr, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve() = %v", err)
		}
	})
	return "http://" + addr.String() + "/graphql"
}

// TestGraphQLOverHTTPAudit runs graphql-http's audit of the
// GraphQL-over-HTTP specification (web/audit/audit.mjs) against the real
// schema and handler, served on 127.0.0.1, and wants every audit ok: the
// MUSTs, and the SHOULDs and MAYs too.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		requireE2E(t, "node is not installed")
	}
	web, err := filepath.Abs(filepath.Join("..", "web"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(web, "node_modules", "graphql-http", "package.json")); err != nil {
		requireE2E(t, "web/node_modules/graphql-http is not installed (cd web && npm ci)")
	}
	st := seededStore(t)
	url := serve(t, schema.Options{Ingester: &fakeIngester{st: st}, Editor: st}, st, server.Options{})

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(web, "audit", "audit.mjs"), url)
	cmd.Dir = web
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node web/audit/audit.mjs %s: %v\n%s", url, err, stderr.String())
	}
	var results []struct {
		ID, Name, Status, Reason string
	}
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("audit output is not JSON: %v\n%s", err, out)
	}
	if len(results) < 50 {
		t.Errorf("the audit ran %d audits, want the whole suite (over 50)", len(results))
	}
	var failed []string
	for _, r := range results {
		if r.Status != "ok" {
			failed = append(failed, r.ID+" "+r.Status+": "+r.Name+": "+r.Reason)
		}
	}
	if len(failed) > 0 {
		t.Errorf("%d of %d GraphQL-over-HTTP audits are not ok:\n%s", len(failed), len(results), strings.Join(failed, "\n"))
	}
	t.Logf("%d audits, %d ok", len(results), len(results)-len(failed))
}
