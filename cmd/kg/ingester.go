package main

import (
	"context"
	"errors"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/schema"
	"github.com/kg-builder/kg/source"
)

// ingester serves the GraphQL ingest mutation: extract, then store.
type ingester struct {
	st *graph.Store
	ex *ingest.Extractor
}

func newIngester(st *graph.Store, o ingest.Options) (*ingester, error) {
	ex, err := ingest.New(o)
	if err != nil {
		return nil, err
	}
	return &ingester{st: st, ex: ex}, nil
}

// Ingest checks a text as kg ingest checks a file (source.Check: empty,
// over source.MaxText, not text, not English), and cuts one longer than
// source.PartSize into parts ID#1, ID#2, ... as kg ingest does. Each part is
// extracted and stored in turn, so memory stays that of one part. The answer
// is the first part's id with the counts of all parts summed; it is a
// duplicate when every part was. After an error the parts before it stay
// stored, and the error names them (the same ingest again skips them as
// duplicates).
func (g *ingester) Ingest(ctx context.Context, d schema.Doc) (graph.Added, error) {
	in, err := source.Check(source.Document{ID: d.ID, Title: d.Title, Source: d.Source, URL: d.URL, Date: d.Date, Text: d.Text})
	if err != nil {
		if errors.Is(err, source.ErrEmpty) {
			return graph.Added{}, schema.BadInput("text is empty")
		}
		return graph.Added{}, schema.BadInput(err.Error())
	}
	if in.ID == "" {
		in.ID = "api-" + ingest.Hash(ingest.Text(ingest.Input(in)))[:12]
	}
	var sum graph.Added
	var stored []string
	for i, part := range source.Parts(in) {
		a, err := g.ingestPart(ctx, ingest.Input(part))
		if err != nil {
			// each part is stored whole or not at all: the answer names
			// those stored before this one
			return graph.Added{}, schema.PartlyStored(stored, err)
		}
		stored = append(stored, a.DocumentID)
		if i == 0 {
			sum.DocumentID, sum.Duplicate = a.DocumentID, a.Duplicate
		}
		sum.Duplicate = sum.Duplicate && a.Duplicate
		sum.Sentences += a.Sentences
		sum.Entities += a.Entities
		sum.Triples += a.Triples
		sum.Evidence += a.Evidence
		sum.EntitiesHit += a.EntitiesHit
		sum.Merged += a.Merged
	}
	return sum, nil
}

// ingestPart extracts and stores one document, unless its text is stored.
func (g *ingester) ingestPart(ctx context.Context, in ingest.Input) (graph.Added, error) {
	doc, dup, err := prepare(ctx, g.ex, g.st, in, false) // checked whole by source.Check
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
