package ingest_test

import (
	"context"
	"fmt"

	"github.com/kg-builder/kg/ingest"
)

func ExampleExtractor_Extract() {
	ex, err := ingest.New(ingest.Options{})
	if err != nil {
		panic(err)
	}
	doc, err := ex.Extract(context.Background(), ingest.Input{
		ID:   "example",
		Text: "Finnish Foreign Minister Aino Kestilä met Kristjan Saarepuu in Tallinn. Kestilä did not sign the energy charter.",
	})
	if err != nil {
		panic(err)
	}
	for _, t := range doc.Triples {
		fmt.Printf("%s –%s→ %s (negated: %v)\n", t.Subject, t.Relation, t.Object, t.Negated)
	}
	// Output:
	// Aino Kestilä –foreign minister of→ Finland (negated: false)
	// Aino Kestilä –meet→ Kristjan Saarepuu (negated: false)
	// Aino Kestilä –meet in→ Tallinn (negated: false)
	// Aino Kestilä –sign→ energy charter (negated: true)
}
