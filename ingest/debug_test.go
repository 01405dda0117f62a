package ingest

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestDebugExtract(t *testing.T) {
	f := os.Getenv("KG_DEBUG_FILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	ex, _ := New()
	d, err := ex.Extract(context.Background(), Input{ID: "x", Text: string(b)})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		fmt.Printf("E %-30s %-7s %d %q\n", e.Name, e.Type, e.Mentions, e.Aliases)
	}
	for _, tr := range d.Triples {
		fmt.Printf("T %s -[%s]-> %s  (%s/%s) %.2f neg=%v mod=%s attr=%s | %q\n", tr.Subject, tr.Relation, tr.Object, tr.SubjectType, tr.ObjectType, tr.Confidence, tr.Negated, tr.Modality, tr.AttributedTo, tr.RelationText)
	}
}

func TestDebugTokens(t *testing.T) {
	f := os.Getenv("KG_DEBUG_FILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	ex, _ := New()
	ss, _ := ex.sentences(context.Background(), string(b))
	for _, s := range ss {
		fmt.Printf("S%d shout=%v head=%v: ", s.index, s.shouting, s.headline)
		for _, t := range s.toks {
			fmt.Printf("%s/%s/%s ", t.text, t.tag, t.label)
		}
		fmt.Println()
	}
}
