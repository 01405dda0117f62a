package main

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"time"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/examples"
	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/schema"
	"github.com/kg-builder/kg/server"
	"github.com/kg-builder/kg/web"
)

type serveOptions struct {
	addr     string
	demo     bool
	readOnly bool
	timeout  time.Duration
}

func newServeCmd(e *env) *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--demo]",
		Short: "Serve the graph over GraphQL, with a playground",
		Long: `Serve opens the store and serves:

  /          the GraphiQL playground (works offline)
  /graphql   the GraphQL API: POST application/json, or GET ?query=...
  /healthz   "ok" while the server runs

With --demo, the bundled example articles are ingested first when the store
is empty. It binds to 127.0.0.1 unless --addr says otherwise, and stops
gracefully on Ctrl-C or SIGTERM.`,
		Example: `  kg serve --demo
  kg serve --data /srv/kg --addr 0.0.0.0:8080 --read-only`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), e, o)
		},
	}
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().BoolVar(&o.demo, "demo", false, "ingest the bundled example articles first if the store is empty")
	cmd.Flags().BoolVar(&o.readOnly, "read-only", false, "refuse mutations")
	cmd.Flags().DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit of one request")
	return cmd
}

func runServe(ctx context.Context, e *env, o serveOptions) error {
	st, err := e.open(false)
	if err != nil {
		return err
	}
	defer st.Close()
	var ing *ingester
	if !o.readOnly || o.demo {
		if ing, err = newIngester(st); err != nil {
			return err
		}
	}
	if o.demo {
		if err := loadDemo(ctx, e, st, ing); err != nil {
			return err
		}
	}
	so := schema.Options{Logger: e.log, ReadOnly: o.readOnly}
	if !o.readOnly {
		so.Ingester, so.Editor = ing, st
	}
	s, err := schema.New(st, so)
	if err != nil {
		return err
	}
	srv := server.New(server.Options{Addr: o.addr, GraphQL: s.Handler(), Playground: web.Handler(), Logger: e.log, Timeout: o.timeout})
	addr, err := srv.Listen()
	if err != nil {
		return err
	}
	stats, _ := st.Stats(ctx)
	fmt.Fprintf(e.stderr, "kg: serving %s (%d documents, %d entities, %d triples)\n", e.data, stats.Documents, stats.Entities, stats.Triples)
	fmt.Fprintf(e.stderr, "kg: playground http://%s/  GraphQL http://%s/graphql\n", addr, addr)
	if !web.Built() {
		fmt.Fprintln(e.stderr, "kg: the playground UI is not built into this binary: run `make ui` and build again (the API works without it)")
	}
	return srv.Serve(ctx)
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
