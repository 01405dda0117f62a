package graph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/kg-builder/kg/graph"
)

func Example() {
	ctx := context.Background()
	s, err := graph.Open("", graph.Options{InMemory: true})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	added, err := s.Add(ctx, graph.Document{
		ID: "doc1", Hash: "sha256:1", Sentences: 1, Tokens: 6,
		Entities: []graph.Entity{
			{Name: "Rex Tillerson", Type: graph.Person, Aliases: []string{"Tillerson"}},
			{Name: "Vladimir Putin", Type: graph.Person, Aliases: []string{"Putin"}},
		},
		Triples: []graph.Triple{{
			Subject: "Rex Tillerson", SubjectType: graph.Person, SubjectText: "Tillerson",
			Relation: "meet", RelationText: "met",
			Object: "Vladimir Putin", ObjectType: graph.Person, ObjectText: "Putin",
			Confidence: 0.9,
			Evidence:   []graph.Evidence{{Sentence: 0, Text: "Tillerson met Putin in Moscow.", End: 30}},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("added %d entities, %d triple\n", added.Entities, added.Triples)

	triples, _, err := s.Match(ctx, graph.Pattern{Subject: "tillerson", Relation: "meet"}, graph.Page{})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range triples {
		fmt.Printf("%s: %s -[%s]-> %s (%.1f)\n", t.ID, t.Subject, t.Relation, t.Object, t.Confidence)
	}
	// Output:
	// added 2 entities, 1 triple
	// T1: Rex Tillerson -[meet]-> Vladimir Putin (0.9)
}
