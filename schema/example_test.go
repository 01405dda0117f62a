package schema_test

import (
	"context"
	"fmt"
	"log"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/schema"
)

func Example() {
	st, err := graph.Open("", graph.Options{InMemory: true})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	s, err := schema.New(st, schema.Options{})
	if err != nil {
		log.Fatal(err)
	}
	resp := s.Exec(context.Background(), `{ stats { documents entities triples } }`, "", nil)
	if len(resp.Errors) > 0 {
		log.Fatal(resp.Errors)
	}
	fmt.Println(string(resp.Data))
	// Output:
	// {"stats":{"documents":0,"entities":0,"triples":0}}
}
