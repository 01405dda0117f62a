package schema

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// The estimate of a request's work: how many values its answer may hold.
// A field counts once for each time it can appear in the answer: a field
// under a list is counted once per element the list may have, and the
// lists of a connection (nodes, edges) hold up to its `first`, those of a
// neighbourhood up to its `limit`, those of a path up to `maxDepth`+1
// entities. Lists without such an argument (aliases, introspection) count
// as one. The estimate is checked against Options.MaxCost before the
// request runs (QUERY_TOO_COMPLEX): `{ triples(first: 1000) { nodes {
// evidence(first: 1000) { text } } } }` counts a million values and is
// refused, where the field count alone (four) let it through.

// cost estimates the values op's answer may hold, with the variables it
// runs with. The operation has passed the static checks: it is valid and
// selects at most MaxFields fields with its fragments expanded, so the
// walk is bounded. The sum stops at maxCount.
func (c *checker) cost(doc *ast.QueryDocument, op *ast.OperationDefinition, vars map[string]any) int {
	return c.costOf(doc, op.SelectionSet, 1, vars, 0)
}

func (c *checker) costOf(doc *ast.QueryDocument, set ast.SelectionSet, mult int, vars map[string]any, depth int) int {
	total := 0
	eachField(doc, set, func(f *ast.Field, _ int) bool {
		total = add(total, mult)
		if len(f.SelectionSet) == 0 || depth > 2*introspectionDepth {
			return false
		}
		// the fields below, fragments on the field's type included, once
		// for every element of the list each is in
		lists := c.lists(f, vars)
		eachField(doc, f.SelectionSet, func(sub *ast.Field, _ int) bool {
			total = add(total, c.costOf(doc, ast.SelectionSet{sub}, mul(mult, lists(sub.Name)), vars, depth+1))
			return false
		})
		return false
	})
	return total
}

// lists returns, for a field with a selection set, how many elements each
// of its sub-fields' lists may hold.
func (c *checker) lists(f *ast.Field, vars map[string]any) func(sub string) int {
	one := func(string) int { return 1 }
	if f.Definition == nil || f.Definition.Type == nil {
		return one
	}
	typ := f.Definition.Type.Name()
	switch {
	case strings.HasSuffix(typ, "Connection"):
		n := c.intArg(f, "first", vars)
		return func(sub string) int {
			if sub == "nodes" || sub == "edges" {
				return n
			}
			return 1
		}
	case typ == "Subgraph":
		n := c.intArg(f, "limit", vars) + 1
		return func(sub string) int {
			if sub == "nodes" || sub == "edges" || sub == "distances" {
				return n
			}
			return 1
		}
	case typ == "Path":
		n := c.intArg(f, "maxDepth", vars) + 1
		if f.Definition.Type.Elem != nil { // paths: [Path!]!, first of them
			n = mul(n, c.intArg(f, "first", vars))
		}
		return func(sub string) int {
			if sub == "nodes" || sub == "edges" {
				return n
			}
			return 1
		}
	}
	return one
}

// intArg is the value of an Int argument of f, its default when left out,
// at least 1 and at most MaxFirst (larger values are refused when the
// request runs).
func (c *checker) intArg(f *ast.Field, name string, vars map[string]any) int {
	n := 1
	if a := f.Arguments.ForName(name); a != nil && a.Value != nil {
		if v, err := a.Value.Value(vars); err == nil {
			n = toInt(v, n)
		}
	} else if d := f.Definition.Arguments.ForName(name); d != nil && d.DefaultValue != nil {
		if v, err := d.DefaultValue.Value(nil); err == nil {
			n = toInt(v, n)
		}
	}
	return min(max(n, 1), c.opt.MaxFirst)
}

func toInt(v any, def int) int {
	switch v := v.(type) {
	case int:
		return v
	case int64:
		return int(min(max(v, -1<<31), 1<<31))
	case float64:
		if v != v {
			return def
		}
		return int(min(max(v, -1<<31), 1<<31))
	case interface{ Int64() (int64, error) }:
		if n, err := v.Int64(); err == nil {
			return int(min(max(n, -1<<31), 1<<31))
		}
	}
	return def
}

// mul multiplies counts, stopping at maxCount.
func mul(a, b int) int {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > maxCount/b {
		return maxCount
	}
	return a * b
}

// cheapCost is the most values a cheap request's answer may hold.
const cheapCost = 1000

// light tells whether an operation is a query of lookups only, whose work
// is about the size of its answer: no traversal (neighborhood, path,
// paths), no count (totalCount), no search (entities with a query), no
// triples without a subject or an object (a scan of the store when
// filtered). With a small answer (cheapCost) such a query runs in the
// cheap lane (see workers).
func light(doc *ast.QueryDocument, op *ast.OperationDefinition) bool {
	if op.Operation != ast.Query {
		return false
	}
	ok := true
	eachField(doc, op.SelectionSet, func(f *ast.Field, depth int) bool {
		switch f.Name {
		case "neighborhood", "path", "paths", "totalCount":
			ok = false
		case "entities":
			ok = ok && f.Arguments.ForName("query") == nil
		case "triples":
			ok = ok && (depth > 0 || f.Arguments.ForName("subject") != nil || f.Arguments.ForName("object") != nil)
		}
		return ok
	})
	return ok
}

// eachField calls fn for each field of a selection set, fragments
// expanded, with its depth (0 for the set's own fields), and for the
// fields below it while fn returns true. The operation is valid (no
// fragment cycles); the depth is bounded all the same.
func eachField(doc *ast.QueryDocument, set ast.SelectionSet, fn func(f *ast.Field, depth int) bool) {
	var walk func(set ast.SelectionSet, depth, frags int)
	walk = func(set ast.SelectionSet, depth, frags int) {
		if depth+frags > 4*introspectionDepth {
			return
		}
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				if fn(sel, depth) {
					walk(sel.SelectionSet, depth+1, frags)
				}
			case *ast.InlineFragment:
				walk(sel.SelectionSet, depth, frags+1)
			case *ast.FragmentSpread:
				if f := doc.Fragments.ForName(sel.Name); f != nil {
					walk(f.SelectionSet, depth, frags+1)
				}
			}
		}
	}
	walk(set, 0, 0)
}
