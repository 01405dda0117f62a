package schema

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// TestCanonical: the text graphql-go runs holds the checked operation and
// the fragments it spreads, in the plain subset of GraphQL, and reads back
// to itself (no second reading).
func TestCanonical(t *testing.T) {
	tests := []struct{ query, op, want string }{
		{`{ stats { documents } }`, "", `query { stats { documents } }`},
		{`query A { a: stats { documents } } mutation B { deleteDocument(id: "x") { evidenceRemoved } }`, "A", `query A { a: stats { documents } }`},
		{"\ufeffquery Q($n: String = \"x\") { entity(name: $n) { ...E } } fragment E on Entity { name ...F } fragment F on Entity { type } fragment G on Entity { id }", "Q",
			`query Q ($n: String = "x") { entity(name: $n) { ... E } } fragment E on Entity { name ... F } fragment F on Entity { type }`},
		{`{ triples(relations: ["""a\"""b""", "c\u0022d\n", "é\u00e9"]) { totalCount } }`, "",
			`query { triples(relations: ["a\"\"\"b","c\"d\n","éé"]) { totalCount } }`},
		{"{ triples(relations: [\"\\u0001\\u007f\\u0085\"]) { totalCount } } # \"\"\"", "",
			`query { triples(relations: ["\u0001\u007F\u0085"]) { totalCount } }`},
	}
	for _, tt := range tests {
		doc, err := parser.ParseQuery(&ast.Source{Input: tt.query})
		if err != nil {
			t.Fatalf("ParseQuery(%q): %v", tt.query, err)
		}
		op := doc.Operations.ForName(tt.op)
		if op == nil {
			op = doc.Operations[0]
		}
		got := canonical(doc, op)
		if strings.Join(strings.Fields(got), " ") != tt.want {
			t.Errorf("canonical(%q) = %s, want %s", tt.query, got, tt.want)
		}
		again, err := parser.ParseQuery(&ast.Source{Input: got})
		if err != nil {
			t.Fatalf("canonical(%q) = %q does not parse: %v", tt.query, got, err)
		}
		if back := canonical(again, again.Operations[0]); back != got {
			t.Errorf("canonical(%q) reads back as %q, want itself", got, back)
		}
	}
}
