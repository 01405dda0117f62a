package schema

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	gojson "github.com/goccy/go-json"
	"github.com/graph-gophers/graphql-go"
	qerrors "github.com/graph-gophers/graphql-go/errors"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// The extensions.code of every error the API reports.
const (
	codeBadRequest       = "BAD_REQUEST"                   // 400: not a GraphQL request (bad JSON, no query, a parameter of the wrong type)
	codeMethod           = "METHOD_NOT_ALLOWED"            // 405: not GET or POST, or a mutation over GET
	codeNotAcceptable    = "NOT_ACCEPTABLE"                // 406: Accept allows neither JSON media type
	codeMediaType        = "UNSUPPORTED_MEDIA_TYPE"        // 415: a POST body that is not application/json
	codeTooLarge         = "REQUEST_TOO_LARGE"             // 413: body over MaxBodyBytes
	codeUnauthenticated  = "UNAUTHENTICATED"               // 401: a mutation without the bearer token
	codeForbidden        = "FORBIDDEN"                     // 403: a mutation on a read-only server
	codePersisted        = "PERSISTED_QUERY_NOT_SUPPORTED" // 400: a persisted query hash without the query
	codeParse            = "GRAPHQL_PARSE_FAILED"          // the query does not parse
	codeValidation       = "GRAPHQL_VALIDATION_FAILED"     // the query does not validate against the schema
	codeOperation        = "OPERATION_RESOLUTION_FAILURE"  // operationName names no operation, or is needed
	codeBadInput         = "BAD_USER_INPUT"                // variables that do not fit their types; bad arguments
	codeQueryTooLarge    = "QUERY_TOO_LARGE"               // query text over MaxQueryBytes
	codeQueryTooDeep     = "QUERY_TOO_DEEP"                // query deeper than MaxDepth
	codeQueryTooComplex  = "QUERY_TOO_COMPLEX"             // more fields than MaxFields
	codeInternal         = "INTERNAL_SERVER_ERROR"         // logged; the client sees "internal error"
	codeTimeout          = "TIMEOUT"                       // the request ran out of time
	codeResponseTooLarge = "RESPONSE_TOO_LARGE"            // the answer's JSON is over MaxResponseBytes
	codeTooManyErrors    = "TOO_MANY_ERRORS"               // the last error of a list cut at MaxErrors
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// introspectionDepth is the depth an introspection query may reach
// whatever MaxDepth is (graphql-js's nests 15 deep), and the least depth
// graphql-go's own check allows.
const introspectionDepth = 40

// overlapPairs bounds the pairs of same-named fields graphql-go's field
// merging rule compares (quadratic: 1000 `stats` fields would take half a
// second). Introspection and the README's queries compare under 100.
const overlapPairs = 20000

// checker holds gqlparser's view of the schema, to parse, validate and
// measure a request before graphql-go runs it: graphql-go has no limit on
// the number of fields, names no error kinds, and its lexer accepts some
// documents the GraphQL grammar does not.
type checker struct {
	schema *ast.Schema
	rules  *rules.Rules
	opt    Options
	// parsed holds recent queries parsed and validated: clients send the
	// same few query texts with other variables
	parsed *lru.Cache[string, *prepared]
}

// prepared is a query parsed, with the operation to run, and what checking
// it against the limits and the schema found (once: it does not depend on
// the variables).
type prepared struct {
	doc  *ast.QueryDocument
	op   *ast.OperationDefinition
	errs []*qerrors.QueryError // from parsing: doc and op are nil

	once   sync.Once
	static []*qerrors.QueryError
	fill   fill   // what variables left out take
	text   string // the checked operation printed back: what graphql-go runs (see canonical)
	light  bool   // a query of lookups only (see light)
}

const (
	parsedCache    = 512      // queries
	maxCachedQuery = 16 << 10 // bytes: a longer query is parsed each time
)

func newChecker(sdl string, o Options) (*checker, error) {
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: sdl})
	if err != nil {
		return nil, fmt.Errorf("schema: loading the schema into gqlparser: %w", err)
	}
	rs := rules.NewDefaultRules()
	// quadratic in the fields of a name; graphql-go checks it too, within
	// a limit (OverlapValidationLimit)
	rs.RemoveRule(rules.OverlappingFieldsCanBeMergedRule.Name)
	parsed, err := lru.New[string, *prepared](parsedCache)
	if err != nil {
		return nil, err
	}
	return &checker{schema: s, rules: rs, opt: o, parsed: parsed}, nil
}

// parse parses query and picks the operation to run, operation or the only
// one; a query seen lately is not parsed again.
func (c *checker) parse(query, operation string) *prepared {
	if len(query) > maxCachedQuery {
		doc, op, errs := c.parseQuery(query, operation)
		return &prepared{doc: doc, op: op, errs: errs}
	}
	k := operation + "\x00" + query
	if p, ok := c.parsed.Get(k); ok {
		return p
	}
	doc, op, errs := c.parseQuery(query, operation)
	p := &prepared{doc: doc, op: op, errs: errs}
	c.parsed.Add(k, p)
	return p
}

func (c *checker) parseQuery(query, operation string) (*ast.QueryDocument, *ast.OperationDefinition, []*qerrors.QueryError) {
	if len(query) > c.opt.MaxQueryBytes {
		return nil, nil, errList(codeQueryTooLarge, fmt.Sprintf("the query is %d bytes long, over the limit of %d", len(query), c.opt.MaxQueryBytes))
	}
	if !utf8.ValidString(query) {
		return nil, nil, errList(codeParse, fmt.Sprintf("the query is not valid UTF-8 (at byte %d)", invalidUTF8At(query)))
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return nil, nil, gqlErrors(codeParse, err)
	}
	switch {
	case len(doc.Operations) == 0:
		return nil, nil, errList(codeOperation, "the document has no operation to run")
	case operation != "":
		if op := doc.Operations.ForName(operation); op != nil {
			return doc, op, nil
		}
		return nil, nil, errList(codeOperation, fmt.Sprintf("the document has no operation named %q", operation))
	case len(doc.Operations) > 1:
		return nil, nil, errList(codeOperation, "the document has several operations: say which to run with operationName")
	}
	return doc, doc.Operations[0], nil
}

// invalidUTF8At returns the offset of the first byte of s that is not
// valid UTF-8.
func invalidUTF8At(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return i
			}
		}
	}
	return len(s)
}

// check holds a parsed operation to the limits, validates the document
// and its variables, and returns the variables to execute it with: vars,
// with defaults for those left out (see fill).
func (c *checker) check(p *prepared, vars map[string]any) (map[string]any, bool, []*qerrors.QueryError) {
	p.once.Do(func() {
		if p.static = c.static(p.doc, p.op); p.static == nil {
			p.fill, p.static = defaults(p.doc, p.op)
		}
		if p.static == nil {
			p.text = canonical(p.doc, p.op)
			p.light = light(p.doc, p.op)
		}
	})
	if p.static != nil {
		return nil, false, p.static
	}
	vars, errs := p.fill.apply(vars)
	if errs != nil {
		return nil, false, errs
	}
	if errs := c.variables(p.op, vars); errs != nil {
		return nil, false, errs
	}
	n := c.cost(p.doc, p.op, vars)
	if n > c.opt.MaxCost {
		return nil, false, errList(codeQueryTooComplex, fmt.Sprintf("the answer could hold %s values (each field counted once for every element of the lists it is in: a connection's first, a neighborhood's limit), over the limit of %d: ask for fewer fields or smaller pages", count(n), c.opt.MaxCost))
	}
	return vars, n <= cheapCost && p.light, nil
}

// static is what check finds without the variables.
func (c *checker) static(doc *ast.QueryDocument, op *ast.OperationDefinition) []*qerrors.QueryError {
	// measured first: it is linear, and bounds the work of validation
	m := measurer{doc: doc, memo: map[fragmentAt]shape{}, busy: map[fragmentAt]bool{}}
	sh := m.measure(op.SelectionSet, true)
	if sh.fields > c.opt.MaxFields {
		return errList(codeQueryTooComplex, fmt.Sprintf("the query selects %s fields (a fragment counts each time it is spread), over the limit of %d", count(sh.fields), c.opt.MaxFields))
	}
	if sh.depth > c.opt.MaxDepth {
		return errList(codeQueryTooDeep, fmt.Sprintf("the query nests fields %d deep, over the max depth of %d", sh.depth, c.opt.MaxDepth))
	}
	if d := max(c.opt.MaxDepth, introspectionDepth); sh.intro > d {
		return errList(codeQueryTooDeep, fmt.Sprintf("the query nests introspection fields %d deep, over the max depth of %d", sh.intro, d))
	}
	if errs := validator.ValidateWithRules(c.schema, doc, c.rules); len(errs) > 0 {
		return gqlErrors(codeValidation, errs)
	}
	return nil
}

// variables checks the variables of an operation.
func (c *checker) variables(op *ast.OperationDefinition, vars map[string]any) []*qerrors.QueryError {
	coerced, err := validator.VariableValues(c.schema, op, vars)
	if err != nil {
		var ge *gqlerror.Error
		if errors.As(err, &ge) && len(ge.Path) > 1 {
			// the path is variable.name[.field...]
			return errList(codeBadInput, fmt.Sprintf("variable $%s: %s", ge.Path[1:], ge.Message))
		}
		return errList(codeBadInput, "variables: "+err.Error())
	}
	// gqlparser takes any 64-bit integer for an Int
	for _, v := range op.VariableDefinitions {
		if v.Type.Name() == "Int" && !int32s(coerced[v.Variable]) {
			return errList(codeBadInput, fmt.Sprintf("variable $%s: an Int must fit in 32 bits", v.Variable))
		}
	}
	return nil
}

// int32s reports whether every number in v, a value or a list, fits in 32
// bits.
func int32s(v any) bool {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if !int32s(e) {
				return false
			}
		}
		return true
	case int:
		return v == int(int32(v))
	case int64:
		return v == int64(int32(v))
	case float64:
		return v >= math.MinInt32 && v <= math.MaxInt32
	case json.Number:
		n, err := v.Int64()
		return err == nil && n == int64(int32(n))
	}
	return true
}

// count writes a saturated field count.
func count(n int) string {
	if n >= maxCount {
		return "more than " + strconv.Itoa(maxCount)
	}
	return strconv.Itoa(n)
}

// maxCount is where field counts stop: fragments spread in fragments grow
// them exponentially.
const maxCount = 1 << 30

// shape is what a selection set amounts to: the fields it selects,
// fragments expanded, its depth, and that of introspection at the root.
type shape struct{ fields, depth, intro int }

// measurer measures selection sets, each fragment once (at the root, and
// below it).
type measurer struct {
	doc  *ast.QueryDocument
	memo map[fragmentAt]shape
	busy map[fragmentAt]bool // fragments being measured: a cycle (validation refuses it)
}

type fragmentAt struct {
	name string
	root bool
}

// measure measures a selection set; root says it is the operation's (or
// a fragment spread there). At the root the introspection fields __schema
// and __type count as one level: their depth is bounded by gqlparser's
// MaxIntrospectionDepth rule, and a playground's introspection query must
// run whatever MaxDepth is.
func (m *measurer) measure(set ast.SelectionSet, root bool) shape {
	var sh shape
	for _, sel := range set {
		var x shape
		switch sel := sel.(type) {
		case *ast.Field:
			sub := m.measure(sel.SelectionSet, false)
			x = shape{fields: add(1, sub.fields), depth: 1 + sub.depth}
			if root && (sel.Name == "__schema" || sel.Name == "__type") {
				x.depth, x.intro = 1, 1+sub.depth
			}
		case *ast.InlineFragment:
			x = m.measure(sel.SelectionSet, root)
		case *ast.FragmentSpread:
			x = m.fragment(sel.Name, root)
		}
		sh = shape{fields: add(sh.fields, x.fields), depth: max(sh.depth, x.depth), intro: max(sh.intro, x.intro)}
	}
	return sh
}

// fragment measures a fragment, at the root of the operation or below.
func (m *measurer) fragment(name string, root bool) shape {
	key := fragmentAt{name, root}
	if sh, ok := m.memo[key]; ok {
		return sh
	}
	f := m.doc.Fragments.ForName(name)
	if f == nil || m.busy[key] {
		return shape{} // validation reports it
	}
	m.busy[key] = true
	sh := m.measure(f.SelectionSet, root)
	delete(m.busy, key)
	m.memo[key] = sh
	return sh
}

// add adds field counts, stopping at maxCount.
func add(a, b int) int {
	return min(a+b, maxCount)
}

// clampDefaults lowers the default of every `first` and `limit` argument
// of type Int above maxFirst to maxFirst, so that a query that leaves one
// out is not refused for the schema's own choice.
func clampDefaults(sdl string, maxFirst int) (string, error) {
	doc, err := parser.ParseSchema(&ast.Source{Name: "schema.graphql", Input: sdl})
	if err != nil {
		return "", fmt.Errorf("schema: parsing the schema: %w", err)
	}
	type span struct {
		start, end int
		raw        string
	}
	var spans []span // in runes
	visit := func(defs ast.DefinitionList) {
		for _, d := range defs {
			for _, f := range d.Fields {
				for _, a := range f.Arguments {
					if (a.Name != "first" && a.Name != "limit") || a.Type == nil || a.Type.NamedType != "Int" ||
						a.DefaultValue == nil || a.DefaultValue.Kind != ast.IntValue || a.DefaultValue.Position == nil {
						continue
					}
					if n, err := strconv.Atoi(a.DefaultValue.Raw); err == nil && n > maxFirst {
						spans = append(spans, span{a.DefaultValue.Position.Start, a.DefaultValue.Position.End, a.DefaultValue.Raw})
					}
				}
			}
		}
	}
	visit(doc.Definitions)
	visit(doc.Extensions)
	if len(spans) == 0 {
		return sdl, nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	rs := []rune(sdl)
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.start < at || s.end > len(rs) || s.start > s.end || string(rs[s.start:s.end]) != s.raw {
			return "", fmt.Errorf("schema: lowering argument defaults to %d: bad source position", maxFirst)
		}
		b.WriteString(string(rs[at:s.start]))
		b.WriteString(strconv.Itoa(maxFirst))
		at = s.end
	}
	b.WriteString(string(rs[at:]))
	return b.String(), nil
}

// errList is one error with a code.
func errList(code, msg string) []*qerrors.QueryError {
	return []*qerrors.QueryError{{Message: msg, Extensions: map[string]any{"code": code}}}
}

// gqlErrors turns gqlparser's errors into graphql-go's, with a code.
func gqlErrors(code string, err error) []*qerrors.QueryError {
	var list gqlerror.List
	var one *gqlerror.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = gqlerror.List{one}
	default:
		return errList(code, err.Error())
	}
	out := make([]*qerrors.QueryError, 0, len(list))
	for _, e := range list {
		qe := &qerrors.QueryError{Message: e.Message, Extensions: map[string]any{"code": code}}
		for _, l := range e.Locations {
			qe.Locations = append(qe.Locations, qerrors.Location{Line: l.Line, Column: l.Column})
		}
		out = append(out, qe)
	}
	if len(out) == 0 {
		return errList(code, err.Error())
	}
	return out
}

// Handler serves GraphQL over HTTP as the GraphQL-over-HTTP specification
// (https://graphql.github.io/graphql-over-http/draft/) says:
//
//   - POST with an application/json body {"query", "operationName",
//     "variables", "extensions"}; GET with the same as URL parameters
//     (variables and extensions JSON-encoded), for queries only: a mutation
//     over GET is refused with 405 and Allow: POST.
//   - The response is application/graphql-response+json when Accept asks
//     for it, application/json otherwise (406 if Accept allows neither).
//     With application/json every GraphQL request that could be read is
//     answered 200, errors or not; with application/graphql-response+json a
//     request that does not parse, validate or fit the limits is answered
//     400, without data.
//   - A request that is not a GraphQL request is answered 400 (bad JSON, no
//     query, a parameter of the wrong type), 405 (a method other than GET,
//     HEAD, POST and OPTIONS), 413 (body over MaxBodyBytes) or 415 (a POST
//     that is not application/json in UTF-8).
//   - With Token set, a mutation without "Authorization: Bearer Token" is
//     answered 401 with WWW-Authenticate: Bearer; with ReadOnly, a
//     mutation is answered 403.
//
// Every error carries extensions.code.
func (s *Schema) Handler() http.Handler {
	return http.HandlerFunc(s.serveHTTP)
}

// reply is a response that is not an execution's.
type reply struct {
	status int
	errs   []*qerrors.QueryError
}

func fail(status int, code, msg string) *reply {
	return &reply{status: status, errs: errList(code, msg)}
}

func (s *Schema) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodOptions {
		// what is left of a CORS preflight the server did not answer, or
		// a client asking
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	media, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		s.write(w, mediaJSON, http.StatusNotAcceptable, errList(codeNotAcceptable,
			"Accept allows neither application/graphql-response+json nor application/json"))
		return
	}
	req, rep := s.read(w, r)
	if rep == nil {
		rep = s.run(w, r, req, media)
	}
	if rep != nil {
		s.write(w, media, rep.status, rep.errs)
	}
}

// request is a GraphQL request, read from the URL or the body.
type request struct {
	query      string
	operation  string
	variables  map[string]any
	extensions map[string]any
}

// read reads the request from the URL (GET, HEAD) or the body (POST).
func (s *Schema) read(w http.ResponseWriter, r *http.Request) (request, *reply) {
	var req request
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			return req, fail(http.StatusBadRequest, codeBadRequest, "the query string does not parse: "+err.Error())
		}
		for _, k := range []string{"query", "operationName", "variables", "extensions"} {
			if v := q.Get(k); !utf8.ValidString(v) {
				return req, fail(http.StatusBadRequest, codeBadRequest, fmt.Sprintf("parameter %s is not UTF-8 (invalid at byte %d)", k, invalidUTF8At(v)))
			}
		}
		if !q.Has("query") {
			return req, s.persisted(q.Get("extensions"), "no query given: send it as the query parameter")
		}
		req.query = q.Get("query")
		req.operation = q.Get("operationName")
		for _, p := range []struct {
			name string
			into *map[string]any
		}{{"variables", &req.variables}, {"extensions", &req.extensions}} {
			if v := strings.TrimSpace(q.Get(p.name)); v != "" && v != "null" {
				if err := jsonObject([]byte(v), p.into); err != nil {
					return req, fail(http.StatusBadRequest, codeBadRequest, p.name+" must be a JSON object: "+err.Error())
				}
			}
		}
	case http.MethodPost:
		ct := r.Header.Get("Content-Type")
		mt, params, err := mime.ParseMediaType(ct)
		switch {
		case ct == "":
			return req, fail(http.StatusUnsupportedMediaType, codeMediaType, "no Content-Type: send the request as application/json")
		case err != nil || mt != mediaJSON:
			return req, fail(http.StatusUnsupportedMediaType, codeMediaType, fmt.Sprintf("Content-Type %q: send the request as application/json", ct))
		case params["charset"] != "" && !strings.EqualFold(params["charset"], "utf-8") && !strings.EqualFold(params["charset"], "utf8"):
			return req, fail(http.StatusUnsupportedMediaType, codeMediaType, fmt.Sprintf("charset %q: send the request in UTF-8", params["charset"]))
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return req, fail(http.StatusRequestEntityTooLarge, codeTooLarge, fmt.Sprintf("request body over the limit of %d bytes", s.opt.MaxBodyBytes))
			}
			return req, fail(http.StatusBadRequest, codeBadRequest, "could not read the request body")
		}
		if !utf8.Valid(body) {
			return req, fail(http.StatusUnsupportedMediaType, codeMediaType, fmt.Sprintf("the request body is not UTF-8 (invalid at byte %d): send it in UTF-8", invalidUTF8At(string(body))))
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return req, fail(http.StatusBadRequest, codeBadRequest, `empty request body: send {"query": "..."}`)
		}
		var fields map[string]json.RawMessage
		if err := jsonObject(body, &fields); err != nil {
			return req, fail(http.StatusBadRequest, codeBadRequest, "the request body is not a JSON object: "+err.Error())
		}
		present := func(name string) bool { return len(fields[name]) > 0 && string(fields[name]) != "null" }
		for _, p := range []struct {
			name string
			into *map[string]any
		}{{"variables", &req.variables}, {"extensions", &req.extensions}} {
			if present(p.name) {
				if err := jsonObject(fields[p.name], p.into); err != nil {
					return req, fail(http.StatusBadRequest, codeBadRequest, p.name+" must be a JSON object")
				}
			}
		}
		if present("operationName") {
			if err := decodeJSON(fields["operationName"], &req.operation); err != nil {
				return req, fail(http.StatusBadRequest, codeBadRequest, "operationName must be a string")
			}
		}
		if !present("query") {
			return req, s.persisted(string(fields["extensions"]), `no query given: send {"query": "..."}`)
		}
		if err := decodeJSON(fields["query"], &req.query); err != nil {
			return req, fail(http.StatusBadRequest, codeBadRequest, "query must be a string")
		}
	default:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		return req, fail(http.StatusMethodNotAllowed, codeMethod, "use GET or POST")
	}
	if strings.TrimSpace(req.query) == "" {
		return req, fail(http.StatusBadRequest, codeBadRequest, "no query given: the query is empty")
	}
	return req, nil
}

// persisted answers a request without a query: persisted queries (by
// hash, in extensions) are not supported.
func (s *Schema) persisted(extensions, msg string) *reply {
	var ext map[string]any
	if json.Unmarshal([]byte(extensions), &ext) == nil && ext["persistedQuery"] != nil {
		return fail(http.StatusBadRequest, codePersisted, "persisted queries are not supported: send the query")
	}
	return fail(http.StatusBadRequest, codeBadRequest, msg)
}

// jsonObject decodes a JSON object, and nothing else, into v.
func jsonObject(b []byte, v any) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		return errors.New("not an object")
	}
	return decodeJSON(b, v)
}

// decodeJSON decodes b into v, which points to a map or a string, as
// encoding/json does. github.com/goccy/go-json reads a request 3 to 5 times
// faster (it was 7% of the CPU of an entity query); when it fails,
// encoding/json reads b again, for its error message. Whatever goccy reads,
// encoding/json reads the same (FuzzDecodeJSON). b must not change while v
// is in use: goccy's strings may share its bytes.
func decodeJSON(b []byte, v any) error {
	if gojson.Unmarshal(b, v) == nil {
		return nil
	}
	reflect.ValueOf(v).Elem().SetZero() // what goccy read before it failed
	return json.Unmarshal(b, v)
}

// run checks and executes a request; it writes the response of an
// execution itself, and returns any other.
func (s *Schema) run(w http.ResponseWriter, r *http.Request, req request, media string) *reply {
	// a request that is well-formed but not a valid GraphQL request: 200
	// with application/json, 400 with application/graphql-response+json
	invalid := http.StatusOK
	if media == mediaGraphQLResponse {
		invalid = http.StatusBadRequest
	}
	p := s.chk.parse(req.query, req.operation)
	if p.errs != nil {
		return &reply{status: invalid, errs: p.errs}
	}
	op := p.op
	if op.Operation == ast.Mutation {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			return fail(http.StatusMethodNotAllowed, codeMethod, "mutations must be sent with POST")
		}
		if s.opt.Token != "" {
			if rep := s.authorize(w, r); rep != nil {
				return rep
			}
		}
		if s.opt.ReadOnly {
			return fail(http.StatusForbidden, codeForbidden, "the graph is served read-only: mutations are refused")
		}
	}
	vars, cheap, errs := s.chk.check(p, req.variables)
	if errs != nil {
		return &reply{status: invalid, errs: errs}
	}
	resp := s.exec(r.Context(), op, p.text, vars, cheap)
	b, err := encodeResponse(resp)
	if err != nil {
		s.log.Error("encode graphql response", "err", err)
		return fail(http.StatusInternalServerError, codeInternal, "internal error")
	}
	if op.Operation == ast.Mutation && refused(resp) {
		// refused by its resolvers (no ingester or editor, or a store
		// opened read-only): 403 whatever the media type, without data
		return &reply{status: http.StatusForbidden, errs: resp.Errors}
	}
	status := http.StatusOK
	switch {
	case resp.Data == nil && len(resp.Errors) > 0 && resp.Errors[0].Extensions["code"] == codeTimeout:
		// out of time, whatever the media type, as the README says
		status = http.StatusServiceUnavailable
	case media == mediaGraphQLResponse && resp.Data == nil:
		// no data: the request failed as a whole
		status = http.StatusBadRequest
		if len(resp.Errors) > 0 && resp.Errors[0].Extensions["code"] == codeInternal {
			status = http.StatusInternalServerError
		}
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	return nil
}

// refused tells whether a mutation's answer is a refusal: no field has a
// value and an error is FORBIDDEN.
func refused(resp *graphql.Response) bool {
	forbidden := false
	for _, e := range resp.Errors {
		if e.Extensions["code"] == codeForbidden {
			forbidden = true
		}
	}
	if !forbidden {
		return false
	}
	if len(resp.Data) == 0 || string(resp.Data) == "null" {
		return true
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(resp.Data, &fields) != nil {
		return false
	}
	for _, v := range fields {
		if string(v) != "null" {
			return false
		}
	}
	return true
}

// authorize checks the bearer token of a mutation.
func (s *Schema) authorize(w http.ResponseWriter, r *http.Request) *reply {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="kg"`)
		return fail(http.StatusUnauthorized, codeUnauthenticated, "mutations need a bearer token: send Authorization: Bearer TOKEN")
	}
	scheme, token, _ := strings.Cut(strings.TrimSpace(auth), " ")
	given, want := sha256.Sum256([]byte(strings.TrimSpace(token))), sha256.Sum256([]byte(s.opt.Token))
	if !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare(given[:], want[:]) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="kg", error="invalid_token"`)
		return fail(http.StatusUnauthorized, codeUnauthenticated, "the bearer token is not valid")
	}
	return nil
}

// write writes errors as a GraphQL response without data.
func (s *Schema) write(w http.ResponseWriter, media string, status int, errs []*qerrors.QueryError) {
	b, err := marshal(struct {
		Errors []*qerrors.QueryError `json:"errors"`
	}{capErrors(errs, s.opt.MaxErrors)})
	if err != nil {
		s.log.Error("encode graphql error", "err", err)
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}`)
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

// encodeResponse encodes resp as encoding/json would (errors, data,
// extensions, each left out when empty), but writes the data graphql-go
// made as it is, without the encoder's check and compaction of a
// json.RawMessage: a scan of the whole answer, which for a neighbourhood of
// a hundred edges costs more than the rest of the reply.
func encodeResponse(resp *graphql.Response) ([]byte, error) {
	b := make([]byte, 0, len(resp.Data)+64)
	b = append(b, '{')
	field := func(name string, v []byte) {
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"', ':')
		b = append(b, v...)
	}
	if len(resp.Errors) > 0 {
		v, err := marshal(resp.Errors)
		if err != nil {
			return nil, err
		}
		field("errors", v)
	}
	if len(resp.Data) > 0 {
		field("data", resp.Data)
	}
	if len(resp.Extensions) > 0 {
		v, err := marshal(resp.Extensions)
		if err != nil {
			return nil, err
		}
		field("extensions", v)
	}
	return append(b, '}'), nil
}

// marshal encodes v as JSON, leaving <, > and & as they are: the body is
// JSON, not HTML.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// negotiate picks the response's media type from Accept headers:
// application/graphql-response+json if it is named and liked at least as
// well as application/json, else application/json if it is acceptable
// (named, application/* or */*; a missing Accept counts as */*).
func negotiate(accept []string) (string, bool) {
	h := strings.TrimSpace(strings.Join(accept, ","))
	if h == "" {
		return mediaJSON, true
	}
	// q of each media range, the greatest if named twice
	q := map[string]float64{}
	for _, part := range strings.Split(h, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		v := 1.0
		if s, ok := params["q"]; ok {
			if v, err = strconv.ParseFloat(s, 64); err != nil || v < 0 || v > 1 {
				continue
			}
		}
		if old, ok := q[mt]; !ok || v > old {
			q[mt] = v
		}
	}
	// the most specific range applies
	qOf := func(ranges ...string) float64 {
		for _, r := range ranges {
			if v, ok := q[r]; ok {
				return v
			}
		}
		return 0
	}
	qGraphQL := qOf(mediaGraphQLResponse)
	qJSON := qOf(mediaJSON, "application/*", "*/*")
	switch {
	case qGraphQL > 0 && qGraphQL >= qJSON:
		return mediaGraphQLResponse, true
	case qJSON > 0:
		return mediaJSON, true
	}
	return "", false
}

// panicLogger logs the stack of a resolver's panic through slog (graphql-go
// would print it with the log package).
type panicLogger struct{ log *slog.Logger }

func (p panicLogger) LogPanic(ctx context.Context, value any) {
	buf := make([]byte, 64<<10)
	buf = buf[:runtime.Stack(buf, false)]
	p.log.Error("graphql resolver panic", "panic", value, "stack", string(buf))
}
