package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	kgschema "github.com/kg-builder/kg"
	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/schema"
)

// TestReadmeExamples runs every GraphQL example of the README, in order,
// against the demo data, as `kg serve --demo` loads it: each must run
// without errors and find something. Together they must use every query
// and mutation of the schema.
func TestReadmeExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 10 {
		t.Fatalf("%d GraphQL examples in the README, want the API covered", len(blocks))
	}

	ctx := context.Background()
	st, err := graph.Open("", graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ing, err := newIngester(st, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{stdout: io.Discard, stderr: io.Discard, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := loadDemo(ctx, e, st, ing); err != nil {
		t.Fatal(err)
	}
	s, err := schema.New(st, schema.Options{Ingester: ing, Editor: st, Logger: e.log})
	if err != nil {
		t.Fatal(err)
	}

	used := map[string]bool{}
	for i, b := range blocks {
		q := b[1]
		doc, perr := parser.ParseQuery(&ast.Source{Input: q})
		if perr != nil {
			t.Errorf("example %d does not parse: %v\n%s", i+1, perr, q)
			continue
		}
		for _, op := range doc.Operations {
			for _, sel := range op.SelectionSet {
				if f, ok := sel.(*ast.Field); ok {
					used[string(op.Operation)+"."+f.Name] = true
				}
			}
		}
		resp := s.Exec(ctx, q, "", nil)
		if len(resp.Errors) > 0 {
			msg, _ := json.Marshal(resp.Errors)
			t.Errorf("example %d: errors %s\n%s", i+1, msg, q)
			continue
		}
		var data map[string]any
		if err := json.Unmarshal(resp.Data, &data); err != nil {
			t.Fatal(err)
		}
		for field, v := range data {
			if empty(v) {
				t.Errorf("example %d: %s finds nothing in the demo data: %s\n%s", i+1, field, resp.Data, q)
			}
		}
	}

	sdl, perr := parser.ParseSchema(&ast.Source{Input: kgschema.Schema})
	if perr != nil {
		t.Fatal(perr)
	}
	var missing []string
	for _, def := range sdl.Definitions {
		op := map[string]string{"Query": "query", "Mutation": "mutation"}[def.Name]
		if op == "" {
			continue
		}
		for _, f := range def.Fields {
			if !used[op+"."+f.Name] {
				missing = append(missing, op+" "+f.Name)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("the README has no example of: %s", strings.Join(missing, ", "))
	}
}

// empty is a null, an empty list, or an object whose values are all empty
// (a connection with no nodes, a search with no match).
func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case []any:
		return len(x) == 0
	case map[string]any:
		if n, ok := x["nodes"].([]any); ok {
			return len(n) == 0
		}
		if n, ok := x["totalCount"].(float64); ok {
			return n == 0
		}
		for _, y := range x {
			if !empty(y) {
				return false
			}
		}
		return len(x) > 0
	}
	return false
}
