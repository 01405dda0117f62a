package schema

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
)

// canonical prints the operation that was checked, and only the fragments
// it spreads, back as GraphQL text: this text, not the client's, is what
// graphql-go executes. The client's text is read once, by gqlparser; the
// two lexers never get to disagree about it (graphql-go's reads a block
// string with an escaped \""" differently, and could find a mutation in a
// document gqlparser read as queries). What gqlparser's formatter writes
// is the plain subset of GraphQL both read alike: names, numbers, strings
// in double quotes with only \" \\ \b \f \n \r \t and \u00XX escapes, no
// block strings, no comments, no BOM, single spaces. The document holds
// one operation, so graphql-go has no other to pick.
func canonical(doc *ast.QueryDocument, op *ast.OperationDefinition) string {
	out := &ast.QueryDocument{Operations: ast.OperationList{op}}
	seen := map[string]bool{}
	var spread func(set ast.SelectionSet)
	spread = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				spread(sel.SelectionSet)
			case *ast.InlineFragment:
				spread(sel.SelectionSet)
			case *ast.FragmentSpread:
				if seen[sel.Name] {
					continue
				}
				seen[sel.Name] = true
				if f := doc.Fragments.ForName(sel.Name); f != nil {
					spread(f.SelectionSet)
				}
			}
		}
	}
	spread(op.SelectionSet)
	for _, f := range doc.Fragments {
		if seen[f.Name] {
			out.Fragments = append(out.Fragments, f)
			delete(seen, f.Name) // a name defined twice is refused by validation; print it once
		}
	}
	var b strings.Builder
	formatter.NewFormatter(&b, formatter.WithIndent("")).FormatQueryDocument(out)
	return b.String()
}
