package main

import (
	"context"
	"runtime"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/source"
)

// extracted is one document after NLP, or why it failed.
type extracted struct {
	source.Item
	doc       graph.Document
	duplicate string // id of the stored document with the same text
}

// store is what the pipeline needs of the graph.
type store interface {
	HasText(ctx context.Context, hash string) (string, bool, error)
}

// extractAll runs extraction on items with one worker per core and sends
// the results to out in input order, closing it at the end. Texts already
// in st (when st is not nil) skip extraction.
func extractAll(ctx context.Context, ex *ingest.Extractor, st store, items <-chan source.Item, out chan<- extracted) {
	workers := runtime.GOMAXPROCS(0)
	type job struct {
		it  source.Item
		res chan extracted
	}
	jobs := make(chan job)
	order := make(chan chan extracted, workers*4)
	for range workers {
		go func() {
			for j := range jobs {
				j.res <- extractOne(ctx, ex, st, j.it)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for it := range items {
			res := make(chan extracted, 1)
			select {
			case order <- res:
			case <-ctx.Done():
				return
			}
			if it.Err != nil {
				res <- extracted{Item: it}
				continue
			}
			select {
			case jobs <- job{it, res}:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer close(out)
	for res := range order {
		select {
		case r := <-res:
			select {
			case out <- r:
			case <-ctx.Done():
				return
			}
		case <-ctx.Done():
			return
		}
	}
}

func extractOne(ctx context.Context, ex *ingest.Extractor, st store, it source.Item) extracted {
	doc, dup, err := prepare(ctx, ex, st, ingest.Input(it.Doc), it.English)
	it.Err = err
	return extracted{Item: it, doc: doc, duplicate: dup}
}

// prepare extracts in, unless st (when not nil) already holds its text: then
// it returns the id of the stored copy and skips the NLP. With english, it
// first checks that a text not stored is English.
func prepare(ctx context.Context, ex *ingest.Extractor, st store, in ingest.Input, english bool) (graph.Document, string, error) {
	if st != nil {
		id, ok, err := st.HasText(ctx, ingest.Hash(ingest.Text(in)))
		if err != nil || ok {
			return graph.Document{}, id, err
		}
	}
	if english {
		if err := source.English(in.Text); err != nil {
			return graph.Document{}, "", err
		}
	}
	doc, err := ex.Extract(ctx, in)
	return doc, "", err
}
