package main

import (
	"context"
	"errors"
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
	if err := ingest.English(d.Text); err != nil {
		return graph.Added{}, schema.BadInput(err.Error())
	}
	in := ingest.FrontMatter(ingest.Input{ID: d.ID, Title: d.Title, Source: d.Source, URL: d.URL, Date: d.Date, Text: d.Text})
	if in.ID == "" {
		in.ID = "api-" + ingest.Hash(ingest.Text(in))[:12]
	}
	doc, dup, err := prepare(ctx, g.ex, g.st, in, false) // checked above
	switch {
	case errors.Is(err, ingest.ErrNotUTF8):
		return graph.Added{}, schema.BadInput(err.Error())
	case err != nil:
		return graph.Added{}, err
	case dup != "":
		return graph.Added{DocumentID: dup, Duplicate: true}, nil
	}
	return g.st.Add(ctx, doc)
}
