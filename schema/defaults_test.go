package schema_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kg-builder/kg"
	"github.com/kg-builder/kg/schema"
)

// argumentCases reach every argument of the schema that has a default: ARG
// in the query stands for the argument, or for nothing.
var argumentCases = map[string]string{
	"Query.entities.first":         `{ entities(ARG) { nodes { name } } }`,
	"Query.triples.first":          `{ triples(ARG) { nodes { id } } }`,
	"Query.neighborhood.depth":     `{ neighborhood(name: "Alice Smith", ARG) { nodes { name } edges { id } } }`,
	"Query.neighborhood.direction": `{ neighborhood(name: "Alice Smith", depth: 2, ARG) { nodes { name } } }`,
	"Query.neighborhood.limit":     `{ neighborhood(name: "Alice Smith", depth: 3, ARG) { edges { id } } }`,
	"Query.path.maxDepth":          `{ path(from: "Alice Smith", to: "budget", ARG) { length } }`,
	"Query.path.direction":         `{ path(from: "Alice Smith", to: "budget", ARG) { length } }`,
	"Query.paths.maxDepth":         `{ paths(from: "Alice Smith", to: "budget", ARG) { length } }`,
	"Query.paths.first":            `{ paths(from: "Alice Smith", to: "Helsinki", ARG) { length } }`,
	"Query.paths.direction":        `{ paths(from: "Alice Smith", to: "budget", ARG) { length } }`,
	"Query.relations.first":        `{ relations(ARG) { nodes { relation } } }`,
	"Query.documents.first":        `{ documents(ARG) { nodes { id } } }`,
	"Entity.outgoing.first":        `{ entity(name: "Alice Smith") { outgoing(ARG) { nodes { id } } } }`,
	"Entity.incoming.first":        `{ entity(name: "Helsinki") { incoming(ARG) { nodes { id } } } }`,
	"Triple.evidence.first":        `{ triples(first: 3) { nodes { evidence(ARG) { nodes { text } } } } }`,
	"Document.triples.first":       `{ documents { nodes { triples(ARG) { nodes { id } } } } }`,
	"Document.entities.first":      `{ documents { nodes { entities(ARG) { nodes { name } } } } }`,
}

// TestArgumentDefaults: an argument with a default, given a variable that
// the request leaves out or sets to null, takes its default, as if it were
// left out: for every such argument of the schema.
func TestArgumentDefaults(t *testing.T) {
	sch, err := gqlparser.LoadSchema(&ast.Source{Input: kg.Schema})
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	types := map[string]string{} // argument → its type
	for _, d := range sch.Types {
		for _, f := range d.Fields {
			for _, a := range f.Arguments {
				// introspection's includeDeprecated: Boolean = false takes
				// only a Boolean! variable (gqlparser)
				if a.DefaultValue != nil && !strings.HasPrefix(d.Name, "__") {
					all = append(all, d.Name+"."+f.Name+"."+a.Name)
					types[d.Name+"."+f.Name+"."+a.Name] = a.Type.String()
				}
			}
		}
	}
	slices.Sort(all)
	var cased []string
	for k := range argumentCases {
		cased = append(cased, k)
	}
	slices.Sort(cased)
	if !slices.Equal(all, cased) {
		t.Errorf("arguments with a default: %v\nthe cases: %v", all, cased)
	}

	s := newSchema(t, seededStore(t), schema.Options{})
	for _, coord := range all {
		q, ok := argumentCases[coord]
		if !ok {
			continue
		}
		t.Run(coord, func(t *testing.T) {
			arg := coord[strings.LastIndex(coord, ".")+1:]
			typ := types[coord]
			// the argument left out, and with the value of its default
			left := strings.NewReplacer(", ARG", "", "(ARG)", "", "ARG", "").Replace(q)
			want := s.Exec(context.Background(), left, "", nil)
			if len(want.Errors) > 0 {
				t.Fatalf("%s: %s", left, errorsJSON(want))
			}
			withVar := "query($v: " + typ + ") " + strings.Replace(q, "ARG", arg+": $v", 1)
			for _, vars := range []map[string]any{nil, {}, {"v": nil}} {
				got := s.Exec(context.Background(), withVar, "", vars)
				if len(got.Errors) > 0 || string(got.Data) != string(want.Data) {
					t.Errorf("%s with variables %v = %s %s, want %s as without the argument", withVar, vars, got.Data, errorsJSON(got), want.Data)
				}
			}
			// a variable's own default comes first
			if typ == "Int" {
				own := "query($v: Int = 1) " + strings.Replace(q, "ARG", arg+": $v", 1)
				lit := strings.Replace(q, "ARG", arg+": 1", 1)
				want := s.Exec(context.Background(), lit, "", nil)
				for _, vars := range []map[string]any{nil, {"v": nil}} {
					got := s.Exec(context.Background(), own, "", vars)
					if string(got.Data) != string(want.Data) || errorsJSON(got) != errorsJSON(want) {
						t.Errorf("%s with variables %v = %s %s, want %s %s as with 1", own, vars, got.Data, errorsJSON(got), want.Data, errorsJSON(want))
					}
				}
			}
		})
	}
}

// TestArgumentNulls: what cannot take a default is refused with a message
// that says what to do; what can, does.
func TestArgumentNulls(t *testing.T) {
	tests := []struct {
		name  string
		opt   schema.Options
		query string
		vars  map[string]any
		code  string // "" for no error
		msg   string // in the error
		data  string // in the data
	}{
		{name: "literal null", query: `{ entities(first: null) { nodes { name } } }`,
			code: "BAD_USER_INPUT", msg: "first: null in entities: leave the argument out for its default, 20"},
		{name: "literal null in a fragment", query: `{ ...f } fragment f on Query { neighborhood(name: "Alice Smith", depth: null) { nodes { name } } }`,
			code: "BAD_USER_INPUT", msg: "depth: null in neighborhood: leave the argument out for its default, 1"},
		{name: "one variable, two defaults", query: `query($n: Int) { entities(first: $n) { nodes { name } } triples { nodes { evidence(first: $n) { nodes { text } } } } }`,
			code: "BAD_USER_INPUT", msg: "variable $n is not given or null: give it a value (the arguments it is given to have different defaults: entities(first:) = 20, evidence(first:) = 10)"},
		{name: "one variable, two defaults, given", query: `query($n: Int) { entities(first: $n) { nodes { name } } triples { nodes { evidence(first: $n) { nodes { text } } } } }`,
			vars: map[string]any{"n": 1}, data: `"entities":{"nodes":[{"name":"Alice Smith"}]}`},
		{name: "one variable, the same default twice", query: `query($n: Int) { a: entities(first: $n) { nodes { name } } b: documents(first: $n) { nodes { id } } }`,
			data: `"b":{"nodes":[{"id":"d1"},{"id":"d2"}`},
		{name: "in a fragment and an inline fragment", query: `query($d: Int, $l: Int) { ...f } fragment f on Query { ... on Query { neighborhood(name: "Alice Smith", depth: $d, limit: $l) { nodes { name } } } }`,
			data: `{"neighborhood":{"nodes":[{"name":"Alice Smith"},{"name":"Bob Jones"},{"name":"Helsinki"}]}}`},
		{name: "lowered by MaxFirst", opt: schema.Options{MaxFirst: 2}, query: `query($n: Int) { entities(first: $n) { nodes { name } } }`,
			data: `{"entities":{"nodes":[{"name":"Alice Smith"},{"name":"Bob Jones"}]}}`},
		{name: "also given where null is a value", query: `query($t: String) { entities(query: $t) { nodes { name } } entity(name: "x") { name } }`,
			data: `"entities":{"nodes":[{"name":"Alice Smith"}`},
	}
	st := seededStore(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSchema(t, st, tt.opt)
			r := s.Exec(context.Background(), tt.query, "", tt.vars)
			got := errorsJSON(r)
			switch {
			case tt.code == "" && len(r.Errors) > 0:
				t.Errorf("errors = %s, want none", got)
			case tt.code != "" && (len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tt.code || !strings.Contains(r.Errors[0].Message, tt.msg)):
				t.Errorf("errors = %s, want one %s saying %q", got, tt.code, tt.msg)
			case !strings.Contains(string(r.Data), tt.data):
				t.Errorf("data = %s, want it to hold %s", r.Data, tt.data)
			}
		})
	}
}
