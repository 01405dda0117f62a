package export_test

import (
	"context"
	"log"
	"os"

	"github.com/kg-builder/kg/export"
	"github.com/kg-builder/kg/graph"
)

func Example() {
	ctx := context.Background()
	st, err := graph.Open("", graph.Options{InMemory: true})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	_, err = st.Add(ctx, graph.Document{
		ID: "doc1", Hash: "sha256:1",
		Triples: []graph.Triple{{
			Subject: "Rex Tillerson", SubjectType: graph.Person, SubjectText: "Tillerson",
			Relation: "meet", RelationText: "met",
			Object: "Vladimir Putin", ObjectType: graph.Person, ObjectText: "Putin",
			Confidence: 0.9,
			Evidence:   []graph.Evidence{{Text: "Tillerson met Putin in Moscow.", End: 30}},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}

	// the edges around Putin, one hop, as CSV
	o := export.Options{Format: "csv", Selection: graph.Selection{Around: "Putin", Depth: 1}}
	if _, err := export.Write(ctx, st, o, os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// subject,relation,object,subject_type,object_type,confidence,count,negated,modality,attributed_to,relation_text,subject_id,object_id,id
	// Rex Tillerson,meet,Vladimir Putin,PERSON,PERSON,0.900,1,false,,,met,E1,E2,T1
}
