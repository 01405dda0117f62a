package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/examples"
	"github.com/kg-builder/kg/export"
	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/schema"
	"github.com/kg-builder/kg/server"
	"github.com/kg-builder/kg/web"
)

type serveOptions struct {
	addr     string
	demo     bool
	readOnly bool
	timeout  time.Duration
	token    string
	// tokenFrom says where token came from: "--token", "KG_TOKEN", or
	// "" for neither
	tokenFrom string
	cors      []string
	// limits
	maxDepth, maxFields, maxFirst int
	maxQueryBytes, maxConcurrent  int
	maxCost, maxResponseBytes     int
	maxBodyBytes                  int64
	maxExports                    int
	exportTimeout                 time.Duration
}

func newServeCmd(e *env) *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--demo] [--read-only] [--token T] [--cors-origin O]",
		Short: "Serve the graph over GraphQL, with a playground",
		Long: `Serve opens the store and serves:

  /          the GraphiQL playground (works offline)
  /graphql   the GraphQL API, as the GraphQL-over-HTTP specification says:
             POST application/json {"query", "variables", "operationName"},
             or GET ?query=...&variables=... for queries (a mutation over GET
             is refused with 405); answers application/graphql-response+json
             when Accept asks for it, application/json otherwise
  /export    the graph as a file: GET ?format=csv|neo4j|graphml|gexf|dot|
             nquads|ntriples|jsonl and the filters of kg export (around,
             depth, relation, type, min_confidence, min_count, document,
             since, until); streamed; --max-exports at once (503 beyond),
             each cut off after --export-timeout, or once the client has
             taken nothing for 30s
  /healthz   "ok" while the server runs

With --demo, the bundled example articles are ingested first when the store
is empty. It stops gracefully on Ctrl-C or SIGTERM.

Serving safely. It binds to 127.0.0.1 unless --addr says otherwise; bound
to another address with mutations open (no --token, no --read-only) it
warns. --read-only refuses every mutation (403). --token, or the KG_TOKEN
environment variable (better: a command line is visible to other users),
makes every mutation need "Authorization: Bearer TOKEN" (401 otherwise);
queries stay open. Browsers may call the API from other origins only with
--cors-origin (repeatable or comma-separated; * for any): no CORS header is
sent otherwise. Each request is held to the limits below; one over a limit
gets a GraphQL error whose extensions.code says which (QUERY_TOO_DEEP,
QUERY_TOO_COMPLEX, QUERY_TOO_LARGE, REQUEST_TOO_LARGE with 413,
BAD_USER_INPUT for first/limit, TIMEOUT with 503).`,
		Example: `  kg serve --demo
  kg serve --data /srv/kg --addr 0.0.0.0:8080 --read-only
  KG_TOKEN=$(openssl rand -hex 24) kg serve --addr 0.0.0.0:8080 --cors-origin https://app.example.com
  kg serve --max-depth 10 --max-fields 500 --max-first 200 --timeout 10s
  kg serve --max-exports 1 --export-timeout 2m

  curl --get --data-urlencode 'query={ stats { documents triples } }' http://127.0.0.1:8080/graphql
  curl -H 'Content-Type: application/json' -H "Authorization: Bearer $KG_TOKEN" \
       -d '{"query": "mutation { ingest(text: \"Anna Tamm met Mart Kask.\") { triples } }"}' \
       http://127.0.0.1:8080/graphql`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.tokenFrom = "--token"
			if !cmd.Flags().Changed("token") {
				// KG_TOKEN= (empty) is unset; blank is a mistake, refused in check
				o.token, o.tokenFrom = os.Getenv("KG_TOKEN"), "KG_TOKEN"
				if o.token == "" {
					o.tokenFrom = ""
				}
			}
			return runServe(cmd.Context(), e, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on")
	f.BoolVar(&o.demo, "demo", false, "ingest the bundled example articles first if the store is empty")
	f.StringVar(&e.extractor, "extractor", "", "relation extractor for the ingest mutation: tree (default) or pattern")
	f.BoolVar(&o.readOnly, "read-only", false, "refuse mutations (403)")
	f.StringVar(&o.token, "token", "", "bearer token every mutation must send (env KG_TOKEN)")
	f.StringArrayVar(&o.cors, "cors-origin", nil, "origin allowed to call the API from a browser, like https://example.com, or * (repeatable, or comma-separated)")
	f.DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit of one request")
	f.IntVar(&o.maxDepth, "max-depth", schema.DefaultMaxDepth, "most levels of fields a query may nest (introspection aside)")
	f.IntVar(&o.maxFields, "max-fields", schema.DefaultMaxFields, "most fields a query may select, fragments counted each time they are spread")
	f.IntVar(&o.maxFirst, "max-first", schema.DefaultMaxFirst, "most items one list field may return (cap on first and limit)")
	f.IntVar(&o.maxQueryBytes, "max-query-bytes", schema.DefaultMaxQueryBytes, "longest query text, in bytes")
	f.IntVar(&o.maxCost, "max-cost", schema.DefaultMaxCost, "most values an answer may hold, estimated before it runs (each field once for every element of the lists it is in)")
	f.IntVar(&o.maxResponseBytes, "max-response-bytes", schema.DefaultMaxResponse, "largest answer, in bytes of JSON (RESPONSE_TOO_LARGE beyond)")
	f.Int64Var(&o.maxBodyBytes, "max-body-bytes", schema.DefaultMaxBodyBytes, "largest request body, in bytes (413 beyond)")
	f.IntVar(&o.maxConcurrent, "max-concurrent", runtime.GOMAXPROCS(0), "most GraphQL requests executing at once; the rest wait their turn (until --timeout)")
	f.IntVar(&o.maxExports, "max-exports", server.DefaultExportStreams, "most /export downloads at once; more get 503 with Retry-After")
	f.DurationVar(&o.exportTimeout, "export-timeout", server.DefaultExportTimeout, "longest one /export download may take; it is cut off then")
	return cmd
}

// check refuses limits that make no sense, before the store is opened.
func (o *serveOptions) check() error {
	for _, l := range []struct {
		flag string
		n    int64
	}{
		{"--max-depth", int64(o.maxDepth)}, {"--max-fields", int64(o.maxFields)}, {"--max-first", int64(o.maxFirst)},
		{"--max-query-bytes", int64(o.maxQueryBytes)}, {"--max-body-bytes", o.maxBodyBytes},
		{"--max-concurrent", int64(o.maxConcurrent)}, {"--max-exports", int64(o.maxExports)},
		{"--max-cost", int64(o.maxCost)}, {"--max-response-bytes", int64(o.maxResponseBytes)},
	} {
		if l.n < 1 {
			return fmt.Errorf("%s %d: must be at least 1", l.flag, l.n)
		}
	}
	if int64(o.maxQueryBytes) > o.maxBodyBytes {
		return fmt.Errorf("--max-query-bytes %d is over --max-body-bytes %d: a query that long could not be sent", o.maxQueryBytes, o.maxBodyBytes)
	}
	if o.timeout <= 0 {
		return fmt.Errorf("--timeout %s: must be positive", o.timeout)
	}
	if o.exportTimeout <= 0 {
		return fmt.Errorf("--export-timeout %s: must be positive", o.exportTimeout)
	}
	if o.tokenFrom != "" {
		// a blank token would serve mutations to anyone: never take it
		// for no token
		o.token = strings.TrimSpace(o.token)
		if o.token == "" {
			return fmt.Errorf("%s is blank: give a token (KG_TOKEN=$(openssl rand -hex 24), say), or leave --token and KG_TOKEN unset for mutations without one", o.tokenFrom)
		}
		if strings.ContainsFunc(o.token, unicode.IsSpace) {
			return fmt.Errorf("%s: a token cannot contain spaces", o.tokenFrom)
		}
	}
	var err error
	o.cors, err = server.ParseOrigins(o.cors)
	return err
}

func runServe(ctx context.Context, e *env, o serveOptions) error {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(server.GCPercent))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(server.MemoryLimit))
	}
	if err := o.check(); err != nil {
		return err
	}
	// --read-only opens the store read-only, so that a store on a
	// read-only disk can be served; --demo may have to write first
	st, err := e.open(o.readOnly && !o.demo)
	if err != nil {
		return err
	}
	defer st.Close()
	var ing *ingester
	if !o.readOnly || o.demo {
		if ing, err = newIngester(st, ingest.Options{Extractor: e.extractor}); err != nil {
			return err
		}
	}
	if o.demo {
		if err := loadDemo(ctx, e, st, ing); err != nil {
			return err
		}
	}
	so := schema.Options{
		Logger: e.log, ReadOnly: o.readOnly, Token: o.token,
		MaxDepth: o.maxDepth, MaxFields: o.maxFields, MaxFirst: o.maxFirst,
		MaxQueryBytes: o.maxQueryBytes, MaxBodyBytes: o.maxBodyBytes, MaxConcurrent: o.maxConcurrent,
		MaxCost: o.maxCost, MaxResponseBytes: o.maxResponseBytes,
	}
	if !o.readOnly {
		so.Ingester, so.Editor = ing, st
	}
	s, err := schema.New(st, so)
	if err != nil {
		return err
	}
	srv := server.New(server.Options{
		Addr: o.addr, GraphQL: s.Handler(), Playground: web.Handler(), Export: export.Handler(st, e.log), Logger: e.log,
		Timeout: o.timeout, CORSOrigins: o.cors, ExportStreams: o.maxExports, ExportTimeout: o.exportTimeout,
	})
	addr, err := srv.Listen()
	if err != nil {
		return listenError(o.addr, err)
	}
	if !o.readOnly || o.demo {
		// kg ingest on the same store points at this server
		defer writeServing(e.data, "http://"+addr.String())()
	}
	stats, _ := st.Stats(ctx)
	fmt.Fprintf(e.stderr, "kg: serving %s (%d documents, %d entities, %d triples)\n", e.data, stats.Documents, stats.Entities, stats.Triples)
	fmt.Fprintf(e.stderr, "kg: playground http://%s/  GraphQL http://%s/graphql\n", addr, addr)
	switch {
	case o.readOnly:
		fmt.Fprintln(e.stderr, "kg: read-only: mutations are refused")
	case o.token != "":
		fmt.Fprintln(e.stderr, "kg: mutations need the bearer token (Authorization: Bearer ...)")
	}
	if len(o.cors) > 0 {
		fmt.Fprintf(e.stderr, "kg: CORS: pages of %s may call the API\n", strings.Join(o.cors, ", "))
	}
	if o.token == "" && !o.readOnly {
		if !loopback(addr) {
			fmt.Fprintf(e.stderr, "kg: WARNING: listening on %s, reachable from other machines, and anyone who can reach it can change the graph: set --token (or KG_TOKEN) or --read-only\n", addr)
		}
		if slices.Contains(o.cors, "*") {
			fmt.Fprintln(e.stderr, "kg: WARNING: --cors-origin * lets any web page change the graph through its visitors' browsers: set --token (or KG_TOKEN) or --read-only")
		}
	}
	if !web.Built() {
		fmt.Fprintln(e.stderr, "kg: the playground UI is not built into this binary: run `make ui` and build again (the API works without it)")
	}
	return srv.Serve(ctx)
}

// listenError says what to do when addr cannot be bound: another port
// when it is in use, one from 1024 up when a low one needs privileges.
func listenError(addr string, err error) error {
	host, port, splitErr := net.SplitHostPort(addr)
	n, atoiErr := strconv.Atoi(port)
	if splitErr != nil || atoiErr != nil {
		return err
	}
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		next := n + 1
		if next > 65535 {
			next = 8080
		}
		return fmt.Errorf("%s is in use (another kg serve?): pick another with --addr %s", addr, net.JoinHostPort(host, strconv.Itoa(next)))
	case errors.Is(err, syscall.EACCES) && n < 1024:
		return fmt.Errorf("%s: a port below 1024 needs privileges: pick one from 1024 up with --addr %s", addr, net.JoinHostPort(host, "8080"))
	}
	return err
}

// loopback reports whether addr is reachable from this machine only.
func loopback(addr net.Addr) bool {
	if a, ok := addr.(*net.TCPAddr); ok {
		return a.IP.IsLoopback()
	}
	return false
}

// loadDemo ingests the bundled example articles into an empty store.
func loadDemo(ctx context.Context, e *env, st *graph.Store, ing *ingester) error {
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if stats.Documents > 0 {
		fmt.Fprintf(e.stderr, "kg: --demo: the store already holds %d documents; not loading the examples\n", stats.Documents)
		return nil
	}
	names, err := fs.Glob(examples.FS, "news/*.txt")
	if err != nil {
		return err
	}
	start := time.Now()
	var added graph.Added
	for _, name := range names {
		b, err := fs.ReadFile(examples.FS, name)
		if err != nil {
			return err
		}
		a, err := ing.Ingest(ctx, schema.Doc{ID: name, Source: path.Join("examples", name), Text: string(b)})
		if err != nil {
			return err
		}
		added.Triples += a.Triples
		added.Entities += a.Entities
	}
	fmt.Fprintf(e.stderr, "kg: --demo: loaded %d example articles: %d triples, %d entities in %.1fs\n",
		len(names), added.Triples, added.Entities, time.Since(start).Seconds())
	return nil
}
