package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/schema"
)

// ingester serves the GraphQL ingest mutation: extract, then store.
type ingester struct {
	st *graph.Store
	ex *ingest.Extractor
}

func newIngester(st *graph.Store) (*ingester, error) {
	ex, err := ingest.New()
	if err != nil {
		return nil, err
	}
	return &ingester{st: st, ex: ex}, nil
}

// maxIngest bounds a text sent through the API.
const maxIngest = 2 << 20

func (g *ingester) Ingest(ctx context.Context, d schema.Doc) (graph.Added, error) {
	if strings.TrimSpace(d.Text) == "" {
		return graph.Added{}, schema.BadInput("text is empty")
	}
	if len(d.Text) > maxIngest {
		return graph.Added{}, schema.BadInput(fmt.Sprintf("text is over %d bytes; use kg ingest for large texts", maxIngest))
	}
	in := ingest.Input{ID: d.ID, Title: d.Title, Source: d.Source, Text: d.Text}
	hash := ingest.Hash(ingest.Text(in))
	if id, ok, err := g.st.HasText(ctx, hash); err != nil {
		return graph.Added{}, err
	} else if ok {
		return graph.Added{DocumentID: id, Duplicate: true}, nil
	}
	if in.ID == "" {
		in.ID = "api-" + hash[:12]
	}
	doc, err := g.ex.Extract(ctx, in)
	if err != nil {
		return graph.Added{}, schema.BadInput(err.Error())
	}
	return g.st.Add(ctx, doc)
}
