package schema_test

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/kg-builder/kg/schema"
)

// smuggled are documents on which gqlparser's lexer (which the checks
// read) and graphql-go's (which executed the client's text until the
// checked operation was printed back) disagree: block strings with escaped
// quotes, escapes, comments, byte-order marks, unicode escapes and odd
// white space. Each hides a mutation from one reading or the other.
var smuggled = []struct {
	name, query string
	ops         []string // operationName values to try
}{
	{"escaped block quote (the report's)",
		`query A { triples(relations: ["""x\"""]) { totalCount } } mutation N { deleteDocument(id: "d1") { evidenceRemoved } } query B { triples(relations: ["""]) { totalCount } } query N { triples(relations: [""""\""""""]) { totalCount } }`,
		[]string{"N", "A", "B", ""}},
	{"escaped block quote, one operation",
		`{ triples(relations: ["""\"""" mutation { deleteDocument(id: \"d1\") { evidenceRemoved } } """]) { totalCount } }`,
		[]string{""}},
	{"block string closing early for one lexer",
		`query Q { a: triples(relations: ["""\\"""]) { totalCount } } mutation M { deleteDocument(id: "d1") { evidenceRemoved } } query Q2 { b: triples(relations: ["""]) { totalCount } }`,
		[]string{"Q", "M", "Q2", ""}},
	{"comment holding a quote",
		"query Q { stats { documents } } # \"\"\"\nmutation Q { deleteDocument(id: \"d1\") { evidenceRemoved } } # \"\"\"",
		[]string{"Q", ""}},
	{"comment with a carriage return",
		"query Q { stats { documents } } #\rmutation M { deleteDocument(id: \"d1\") { evidenceRemoved } }",
		[]string{"Q", "M", ""}},
	{"unicode escape of a quote",
		`query Q { triples(relations: ["\u0022"]) { totalCount } } mutation M { deleteDocument(id: "d1") { evidenceRemoved } }`,
		[]string{"Q", "M", ""}},
	{"unicode escape of a backslash before a quote",
		`query Q { triples(relations: ["\u005c"]) { totalCount } } mutation M { deleteDocument(id: "\u005c") { evidenceRemoved } }`,
		[]string{"Q", "M", ""}},
	{"surrogate escapes",
		`query Q { triples(relations: ["\ud83d\ude00 \"""]) { totalCount } } mutation M { deleteDocument(id: "d1") { evidenceRemoved } }`,
		[]string{"Q", "M", ""}},
	{"byte-order mark first",
		"\ufeffquery Q { stats { documents } } mutation M { deleteDocument(id: \"d1\") { evidenceRemoved } }",
		[]string{"Q", "M", ""}},
	{"byte-order mark between tokens",
		"query Q {\ufeff stats { documents } } mutation\ufeffM { deleteDocument(id: \"d1\") { evidenceRemoved } }",
		[]string{"Q", "M", ""}},
	{"odd white space",
		"query\tQ\r\n{,stats,{documents}}\u00a0mutation M\u2028{ deleteDocument(id: \"d1\") { evidenceRemoved } }",
		[]string{"Q", "M", ""}},
	{"Go escapes graphql-go's lexer knows",
		`query Q { triples(relations: ["\x22"]) { totalCount } } mutation M { deleteDocument(id: "d1") { evidenceRemoved } }`,
		[]string{"Q", "M", ""}},
	{"raw string in backquotes",
		"query Q { triples(relations: [`x`]) { totalCount } } mutation M { deleteDocument(id: `d1`) { evidenceRemoved } }",
		[]string{"Q", "M", ""}},
	{"block string with a backslash at its end",
		`query Q { a: triples(relations: ["""x\"""]) { totalCount } b: triples(relations: ["""y"""]) { totalCount } }`,
		[]string{"Q", ""}},
}

// TestSmuggledMutations: whatever the lexers disagree on, no mutation runs
// without the token, over GET or POST, and whatever runs is the operation
// that was checked: the fields of its answer are those gqlparser read.
func TestSmuggledMutations(t *testing.T) {
	st := seededStore(t)
	ing := &spyIngester{}
	ed := &spyEditor{Editor: st}
	h := newSchema(t, st, schema.Options{Ingester: ing, Editor: ed, Token: fuzzToken}).Handler()
	for _, tt := range smuggled {
		for _, op := range tt.ops {
			for _, method := range []string{http.MethodPost, http.MethodGet} {
				t.Run(tt.name+"/"+op+"/"+method, func(t *testing.T) {
					before := ing.calls.Load() + ed.calls.Load()
					var r httpResult
					if method == http.MethodPost {
						b, _ := json.Marshal(map[string]any{"query": tt.query, "operationName": op})
						r = do(t, h, method, "/graphql", map[string]string{"Content-Type": "application/json"}, string(b))
					} else {
						r = do(t, h, method, getURL("query", tt.query, "operationName", op), nil, "")
					}
					if ing.calls.Load()+ed.calls.Load() > before {
						t.Fatalf("a mutation ran without the token: %d %s", r.status, r.body)
					}
					checkRanAsChecked(t, tt.query, op, r)
				})
			}
		}
	}
}

// checkRanAsChecked fails when an answer has data whose root fields are
// not those of the operation gqlparser reads in query.
func checkRanAsChecked(t *testing.T, query, op string, r httpResult) {
	t.Helper()
	var data map[string]json.RawMessage
	if err := json.Unmarshal(r.Data, &data); err != nil || data == nil {
		return // nothing ran
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		t.Fatalf("data %s for a query gqlparser cannot parse (%v)", r.Data, err)
	}
	var o *ast.OperationDefinition
	if op == "" && len(doc.Operations) == 1 {
		o = doc.Operations[0]
	} else {
		o = doc.Operations.ForName(op)
	}
	if o == nil {
		t.Fatalf("data %s for an operation gqlparser does not see", r.Data)
	}
	if o.Operation != ast.Query {
		t.Fatalf("data %s from a %s run without the token", r.Data, o.Operation)
	}
	got := make([]string, 0, len(data))
	for k := range data {
		got = append(got, k)
	}
	want := rootKeys(doc, o.SelectionSet)
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("graphql-go answered other fields than those checked (-checked +ran):\n%s", diff)
	}
}

// rootKeys are the response keys a selection set asks for, fragments
// expanded, sorted and each once.
func rootKeys(doc *ast.QueryDocument, set ast.SelectionSet) []string {
	seen := map[string]bool{}
	var walk func(ast.SelectionSet, int)
	walk = func(set ast.SelectionSet, depth int) {
		if depth > 20 {
			return
		}
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				if len(sel.Directives) == 0 { // @skip and @include depend on variables
					k := sel.Alias
					if k == "" {
						k = sel.Name
					}
					seen[k] = true
				}
			case *ast.InlineFragment:
				walk(sel.SelectionSet, depth+1)
			case *ast.FragmentSpread:
				if f := doc.Fragments.ForName(sel.Name); f != nil {
					walk(f.SelectionSet, depth+1)
				}
			}
		}
	}
	walk(set, 0)
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if strings.Join(keys, "") == "" {
		return []string{}
	}
	return keys
}
