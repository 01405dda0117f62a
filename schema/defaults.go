package schema

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	qerrors "github.com/graph-gophers/graphql-go/errors"
	"github.com/vektah/gqlparser/v2/ast"
)

// Arguments with a default value (first: Int = 20, depth: Int = 1,
// direction: Direction = BOTH) are never null for the resolvers. GraphQL
// gives such an argument its default when it is left out, but graphql-go
// gives it null when it is a variable that the request leaves out or sets
// to null, and then fails with "got null for non-null". So:
//
//   - a variable of a nullable type, given only to arguments with a
//     default, that is left out or null takes its own default if it has
//     one, or else the default of those arguments (fill);
//   - such a variable given to arguments of different defaults, or to
//     others as well, must have a value when one of them needs it;
//   - a literal null for an argument with a default is refused with a
//     message that says to leave it out.

// fill is what a prepared operation does with its variables: the values of
// the variables that take a default, and the variables that have none to
// take but must not be null.
type fill struct {
	values map[string]any    // variable → the value it takes when left out or null
	needed map[string]string // variable → why it must have a value
}

// use is one place a variable is given: to the argument arg, whose default
// is def (nil: none, or not an argument).
type use struct {
	arg string
	def *ast.Value
}

// defaults finds what the variables of op take when left out, and refuses
// literal nulls for arguments with a default. doc and op are valid.
func defaults(doc *ast.QueryDocument, op *ast.OperationDefinition) (fill, []*qerrors.QueryError) {
	uses := map[string][]use{}
	var nulls []string
	seen := map[string]bool{} // fragments visited
	var value func(v *ast.Value)
	value = func(v *ast.Value) { // a variable inside a list or an object: no default
		if v == nil {
			return
		}
		if v.Kind == ast.Variable {
			uses[v.Raw] = append(uses[v.Raw], use{})
		}
		for _, c := range v.Children {
			value(c.Value)
		}
	}
	args := func(where string, list ast.ArgumentList, defs ast.ArgumentDefinitionList) {
		for _, a := range list {
			var def *ast.Value
			if d := defs.ForName(a.Name); d != nil {
				def = d.DefaultValue
			}
			switch {
			case a.Value == nil:
			case a.Value.Kind == ast.Variable && def != nil:
				uses[a.Value.Raw] = append(uses[a.Value.Raw], use{arg: where + "(" + a.Name + ":)", def: def})
			case a.Value.Kind == ast.NullValue && def != nil:
				nulls = append(nulls, fmt.Sprintf("%s: null in %s: leave the argument out for its default, %s", a.Name, where, def.String()))
			default:
				value(a.Value)
			}
		}
	}
	directives := func(ds ast.DirectiveList) {
		for _, d := range ds {
			var defs ast.ArgumentDefinitionList
			if d.Definition != nil {
				defs = d.Definition.Arguments
			}
			args("@"+d.Name, d.Arguments, defs)
		}
	}
	var walk func(set ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, s := range set {
			switch s := s.(type) {
			case *ast.Field:
				directives(s.Directives)
				if s.Definition != nil {
					args(s.Name, s.Arguments, s.Definition.Arguments)
				}
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				directives(s.Directives)
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				directives(s.Directives)
				if f := doc.Fragments.ForName(s.Name); f != nil && !seen[s.Name] {
					seen[s.Name] = true
					directives(f.Directives)
					walk(f.SelectionSet)
				}
			}
		}
	}
	directives(op.Directives)
	walk(op.SelectionSet)
	if len(nulls) > 0 {
		return fill{}, errList(codeBadInput, strings.Join(nulls, "; "))
	}

	var f fill
	for _, v := range op.VariableDefinitions {
		us := uses[v.Variable]
		if v.Type.NonNull || len(us) == 0 || slices.ContainsFunc(us, func(u use) bool { return u.def == nil }) {
			continue // null is an error, or unused, or a value of its own somewhere
		}
		take := v.DefaultValue
		if take == nil {
			take = us[0].def
			for _, u := range us[1:] {
				if u.def.String() != take.String() {
					take = nil
					break
				}
			}
		}
		if take == nil {
			var at []string
			for _, u := range us {
				at = append(at, u.arg+" = "+u.def.String())
			}
			if f.needed == nil {
				f.needed = map[string]string{}
			}
			f.needed[v.Variable] = fmt.Sprintf("variable $%s is not given or null: give it a value (the arguments it is given to have different defaults: %s)", v.Variable, strings.Join(at, ", "))
			continue
		}
		val, err := take.Value(nil)
		if err != nil {
			continue
		}
		if f.values == nil {
			f.values = map[string]any{}
		}
		f.values[v.Variable] = val
	}
	return f, nil
}

// apply gives the variables left out or null the values they take; vars
// itself is left as it is.
func (f fill) apply(vars map[string]any) (map[string]any, []*qerrors.QueryError) {
	for _, name := range slices.Sorted(maps.Keys(f.needed)) {
		if vars[name] == nil {
			return nil, errList(codeBadInput, f.needed[name])
		}
	}
	out, copied := vars, false
	for name, v := range f.values {
		if vars[name] != nil {
			continue
		}
		if !copied {
			out, copied = maps.Clone(vars), true
			if out == nil {
				out = map[string]any{}
			}
		}
		out[name] = v
	}
	return out, nil
}
