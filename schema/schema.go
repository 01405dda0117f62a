// Package schema serves the knowledge graph through GraphQL.
//
// The resolvers read a Graph (satisfied by *graph.Store) and, for the
// mutations, an Ingester and an Editor; Handler speaks GraphQL over HTTP.
// Only this package imports graphql-go.
package schema

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"

	graphql "github.com/graph-gophers/graphql-go"
	qerrors "github.com/graph-gophers/graphql-go/errors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kg-builder/kg"
	"github.com/kg-builder/kg/graph"
)

// Graph is what the resolvers read. *graph.Store is one.
type Graph interface {
	Entity(ctx context.Context, name string) (graph.Entity, error)
	EntityByID(ctx context.Context, id string) (graph.Entity, error)
	Entities(ctx context.Context, f graph.EntityFilter, p graph.Page) ([]graph.Entity, string, error)
	CountEntities(ctx context.Context, f graph.EntityFilter) (int, error)
	Search(ctx context.Context, q graph.SearchQuery, p graph.Page) ([]graph.Entity, string, error)
	CountSearch(ctx context.Context, q graph.SearchQuery) (int, error)
	Match(ctx context.Context, p graph.Pattern, pg graph.Page) ([]graph.Triple, string, error)
	Count(ctx context.Context, p graph.Pattern) (int, error)
	Triple(ctx context.Context, id string) (graph.Triple, error)
	EvidencePage(ctx context.Context, id string, p graph.Page) ([]graph.Evidence, string, error)
	Neighborhood(ctx context.Context, name string, o graph.Around) (graph.Subgraph, error)
	Paths(ctx context.Context, from, to string, o graph.PathOptions) ([]graph.Path, error)
	RelationsPage(ctx context.Context, prefix string, p graph.Page) ([]graph.Relation, string, error)
	Documents(ctx context.Context, p graph.Page) ([]graph.DocumentInfo, string, error)
	Document(ctx context.Context, id string) (graph.DocumentInfo, error)
	DocumentEntities(ctx context.Context, id string, p graph.Page) ([]graph.Entity, string, error)
	Stats(ctx context.Context) (graph.Stats, error)
}

// An Ingester adds a text to the graph: it extracts and stores.
type Ingester interface {
	Ingest(ctx context.Context, doc Doc) (graph.Added, error)
}

// An Editor carries out a user's decisions: merging two entities,
// splitting an alias off one, deleting a document. *graph.Store is one.
type Editor interface {
	MergeEntities(ctx context.Context, into, from string) (graph.Merged, error)
	SplitAlias(ctx context.Context, entity, alias string) (graph.Split, error)
	DeleteDocument(ctx context.Context, id string) (graph.Deleted, error)
}

// Doc is a text sent through the ingest mutation.
type Doc struct {
	ID, Title, Source, URL, Date, Text string
}

// Options configure the schema. The zero value works: no mutations,
// default limits, errors logged to slog's default logger.
//
// Every limit is refused with a GraphQL error whose extensions.code says
// which (see Handler); zero means the default.
type Options struct {
	Ingester Ingester // nil: the ingest mutation fails with FORBIDDEN
	Editor   Editor   // nil: mergeEntities, splitAlias and deleteDocument fail with FORBIDDEN
	ReadOnly bool     // refuse mutations (over HTTP with 403 before they run)
	Logger   *slog.Logger
	// MaxFirst caps `first` and `limit` (default 1000). Argument defaults
	// of the schema above it (`first: Int = 20`, `limit: Int = 100`) are
	// lowered to it, so that a query leaving them out still runs.
	MaxFirst      int
	MaxDepth      int // cap on query depth, introspection aside (default 15)
	MaxFields     int // cap on the fields a query selects, fragments expanded (default 2000)
	MaxQueryBytes int // cap on the length of the query text (default 64 KiB)
	// MaxCost caps the values an answer may hold, estimated before it
	// runs: each field counted once for every element of the lists it is
	// in, a connection's lists holding its first, a neighbourhood's its
	// limit (default 50,000; see cost.go)
	MaxCost int
	// MaxResponseBytes caps the JSON of an answer (default 32 MiB): a
	// larger one is replaced by a RESPONSE_TOO_LARGE error
	MaxResponseBytes int
	// MaxErrors caps the errors of an answer (default 100); the last one
	// says how many more there were
	MaxErrors int
	// MaxConcurrent requests execute at once (default: one per core);
	// the others wait their turn, first come first served, until their
	// context ends. Many queries sharing two cores would each take many
	// times longer; in turn, each takes its own time plus the wait.
	MaxConcurrent int
	// Handler only:
	MaxBodyBytes int64  // cap on a request body (default 4 MiB): 413 beyond
	Token        string // when set, a mutation needs "Authorization: Bearer Token" (401 otherwise)
}

// Limits' defaults.
const (
	DefaultMaxFirst      = 1000
	DefaultMaxDepth      = 15
	DefaultMaxFields     = 2000
	DefaultMaxQueryBytes = 64 << 10
	DefaultMaxCost       = 50000
	DefaultMaxResponse   = 32 << 20
	DefaultMaxErrors     = 100
	DefaultMaxBodyBytes  = 4 << 20
)

// Schema is an executable GraphQL schema over a Graph.
type Schema struct {
	s   *graphql.Schema
	g   Graph
	log *slog.Logger
	opt Options
	chk *checker // gqlparser's view of the schema, for the checks before execution
	w   *workers // execute requests, Options.MaxConcurrent at once
}

// New parses the schema and binds its resolvers to g.
func New(g Graph, o Options) (*Schema, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MaxFirst <= 0 {
		o.MaxFirst = DefaultMaxFirst
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxFields <= 0 {
		o.MaxFields = DefaultMaxFields
	}
	if o.MaxQueryBytes <= 0 {
		o.MaxQueryBytes = DefaultMaxQueryBytes
	}
	if o.MaxCost <= 0 {
		o.MaxCost = DefaultMaxCost
	}
	if o.MaxResponseBytes <= 0 {
		o.MaxResponseBytes = DefaultMaxResponse
	}
	if o.MaxErrors <= 0 {
		o.MaxErrors = DefaultMaxErrors
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	sdl, err := clampDefaults(kg.Schema, o.MaxFirst)
	if err != nil {
		return nil, err
	}
	chk, err := newChecker(sdl, o)
	if err != nil {
		return nil, err
	}
	r := &resolver{g: g, opt: o}
	s, err := graphql.ParseSchema(sdl, r,
		graphql.UseFieldResolvers(),
		// backstops: Exec checks depth and length first
		graphql.MaxDepth(max(o.MaxDepth, introspectionDepth)),
		// (graphql-go reads the checked text printed back, which escapes
		// control characters: up to 6 bytes for 1)
		graphql.MaxQueryLength(6*o.MaxQueryBytes+64),
		// the field merging rule compares fields of a name pairwise
		graphql.OverlapValidationLimit(overlapPairs),
		graphql.MaxParallelism(8),
		graphql.PanicHandler(panicHandler{o.Logger}),
		graphql.Logger(panicLogger{o.Logger}),
	)
	if err != nil {
		return nil, err
	}
	return &Schema{s: s, g: g, log: o.Logger, opt: o, chk: chk, w: newWorkers(o.MaxConcurrent, o.Logger)}, nil
}

// Exec runs one GraphQL request: parsed, validated and held to the limits
// first (with gqlparser), then executed.
func (s *Schema) Exec(ctx context.Context, query, operation string, vars map[string]any) *graphql.Response {
	p := s.chk.parse(query, operation)
	errs := p.errs
	cheap := false
	if errs == nil {
		vars, cheap, errs = s.chk.check(p, vars)
	}
	if errs != nil {
		return &graphql.Response{Errors: capErrors(errs, s.opt.MaxErrors)}
	}
	return s.exec(ctx, p.op, p.text, vars, cheap)
}

// A Snapshotter gives reads that all see one state of the graph (see
// graph.Store.Consistent). When the Graph is one, each query reads one
// snapshot, taken as it starts executing, so that it sees every document
// whole or not at all while others are ingested.
type Snapshotter interface {
	Consistent(ctx context.Context) (context.Context, func())
}

// exec runs a checked operation, op, printed as text (see canonical), in
// the cheap lane or the other (see workers). It returns when ctx ends, with TIMEOUT, whether or not the execution has
// ended (see workers).
func (s *Schema) exec(ctx context.Context, op *ast.OperationDefinition, text string, vars map[string]any, cheap bool) *graphql.Response {
	mutation := op.Operation == ast.Mutation
	resp, ok := s.w.do(ctx, cheap, mutation, func() *graphql.Response { return s.execute(ctx, op, text, vars) })
	if mutation {
		// a mutation that started is waited for: its answer says what
		// was carried out, what ran out of time was not (see timedOut)
		if !ok {
			return &graphql.Response{Errors: errList(codeTimeout, "the request ran out of time waiting for its turn: nothing was changed")}
		}
		return s.capped(op, resp)
	}
	if !ok || (ctx.Err() != nil && cutShort(resp)) {
		// out of time: an answer in part is dropped, so that a request
		// that times out gets the same answer however far it went
		e := &qerrors.QueryError{}
		timedOut(e)
		return &graphql.Response{Errors: []*qerrors.QueryError{e}}
	}
	return s.capped(op, resp)
}

// capped holds an answer to MaxResponseBytes and MaxErrors.
func (s *Schema) capped(op *ast.OperationDefinition, resp *graphql.Response) *graphql.Response {
	if len(resp.Data) > s.opt.MaxResponseBytes {
		msg := fmt.Sprintf("the answer is %d bytes of JSON, over the limit of %d: ask for fewer fields or smaller pages", len(resp.Data), s.opt.MaxResponseBytes)
		if op.Operation == ast.Mutation {
			msg += " (the mutation was carried out)"
		}
		return &graphql.Response{Errors: errList(codeResponseTooLarge, msg)}
	}
	resp.Errors = capErrors(resp.Errors, s.opt.MaxErrors)
	return resp
}

// capErrors keeps the first max-1 errors of a list longer than max, and
// says how many more there were.
func capErrors(errs []*qerrors.QueryError, max int) []*qerrors.QueryError {
	if len(errs) <= max || max < 2 {
		return errs
	}
	more := len(errs) - (max - 1)
	out := append(errs[:max-1:max-1], &qerrors.QueryError{
		Message:    fmt.Sprintf("%d more errors not shown", more),
		Extensions: map[string]any{"code": codeTooManyErrors},
	})
	return out
}

// cutShort tells whether a resolver of resp ran out of time.
func cutShort(resp *graphql.Response) bool {
	for _, e := range resp.Errors {
		if e.Extensions["code"] == codeTimeout {
			return true
		}
	}
	return false
}

// execute executes a checked request on a worker.
func (s *Schema) execute(ctx context.Context, op *ast.OperationDefinition, text string, vars map[string]any) *graphql.Response {
	if snap, ok := s.g.(Snapshotter); ok && op.Operation != ast.Mutation {
		// a mutation's reads come after its writes, which a snapshot
		// taken before would not see
		var end func()
		ctx, end = snap.Consistent(ctx)
		defer end()
	}
	execCtx := ctx
	if op.Operation == ast.Mutation {
		// graphql-go gives up on an answer once its context ends, even one
		// whose mutation has been stored: it runs without the deadline,
		// and the mutations' resolvers take it from writeContext
		execCtx = context.WithValue(context.WithoutCancel(ctx), writeKey{}, ctx)
	}
	resp := s.s.Exec(execCtx, text, op.Name, vars)
	for _, e := range resp.Errors {
		// once ctx is done graphql-go reports its error without the cause
		if ctx.Err() != nil && e.ResolverError == nil && e.Extensions == nil && e.Rule == "" {
			timedOut(e)
			continue
		}
		s.clean(e)
	}
	if op.Operation == ast.Mutation {
		for _, e := range resp.Errors {
			if e.Extensions["code"] == codeTimeout && e.Message == timeoutMessage {
				// a mutation stores all of it or nothing (one transaction),
				// and a context that ended before the commit stops it
				e.Message = "the request ran out of time before this mutation was carried out: nothing of it was stored"
			}
		}
	}
	return resp
}

type writeKey struct{}

// writeContext is the context a mutation's resolver works under: the
// request's, with its deadline (see execute).
func writeContext(ctx context.Context) context.Context {
	if c, ok := ctx.Value(writeKey{}).(context.Context); ok {
		return c
	}
	return ctx
}

// clean keeps client mistakes as they are and hides internal failures
// behind a generic message, logging their detail.
func (s *Schema) clean(e *qerrors.QueryError) {
	if e.ResolverError == nil {
		if e.Extensions == nil {
			// graphql-go's own refusals: Exec's checks come first, so these
			// are backstops
			switch {
			case e.Rule == "MaxDepthExceeded":
				e.Extensions = map[string]any{"code": codeQueryTooDeep}
			case e.Rule == "OverlapValidationLimitExceeded":
				e.Message = fmt.Sprintf("the query selects fields of the same name too often: checking that they merge would compare over %d pairs", overlapPairs)
				e.Extensions = map[string]any{"code": codeQueryTooComplex}
			case errors.Is(e.Err, graphql.ErrTooManySelections):
				e.Extensions = map[string]any{"code": codeQueryTooComplex}
			case e.Rule != "":
				e.Extensions = map[string]any{"code": codeValidation}
			case strings.HasPrefix(e.Message, "syntax error"):
				e.Extensions = map[string]any{"code": codeParse}
			case strings.HasPrefix(e.Message, "could not unmarshal"):
				// an argument or variable that does not fit its type
				e.Extensions = map[string]any{"code": codeBadInput}
			default:
				e.Extensions = map[string]any{"code": codeBadRequest}
			}
		}
		return
	}
	var ps *partlyStored
	if errors.As(e.ResolverError, &ps) {
		e.ResolverError = ps.err
		s.clean(e)
		if e.Extensions["code"] == codeTimeout {
			e.Message = "the request ran out of time"
		}
		e.Message += fmt.Sprintf("; stored before that: %s (the same ingest again stores the rest, skipping those)", strings.Join(ps.stored, ", "))
		return
	}
	var ue *userError
	if errors.As(e.ResolverError, &ue) {
		e.Message = ue.msg
		e.Extensions = map[string]any{"code": ue.code}
		return
	}
	if errors.Is(e.ResolverError, context.DeadlineExceeded) || errors.Is(e.ResolverError, context.Canceled) {
		timedOut(e)
		return
	}
	s.log.Error("graphql resolver failed", "path", e.Path, "err", e.ResolverError)
	e.Message = "internal error"
	e.Extensions = map[string]any{"code": "INTERNAL_SERVER_ERROR"}
}

const timeoutMessage = "request timed out or was cancelled"

func timedOut(e *qerrors.QueryError) {
	e.Message = timeoutMessage
	e.Extensions = map[string]any{"code": "TIMEOUT"}
}

// partlyStored is the error of a mutation that stored some documents
// before it failed.
type partlyStored struct {
	stored []string
	err    error
}

func (e *partlyStored) Error() string { return e.err.Error() }
func (e *partlyStored) Unwrap() error { return e.err }

// PartlyStored makes the error of an Ingester that stored the documents
// stored (the first parts of a long text) before err: the answer names
// them, so that it never says nothing was stored when something was.
func PartlyStored(stored []string, err error) error {
	if len(stored) == 0 {
		return err
	}
	return &partlyStored{stored: stored, err: err}
}

// userError is a mistake in the request, shown to the client as it is.
type userError struct {
	code string
	msg  string
}

func (e *userError) Error() string { return e.msg }

func badInput(msg string) error { return &userError{code: "BAD_USER_INPUT", msg: msg} }

func forbidden(msg string) error { return &userError{code: "FORBIDDEN", msg: msg} }

type panicHandler struct{ log *slog.Logger }

func (p panicHandler) MakePanicError(ctx context.Context, value any) *qerrors.QueryError {
	p.log.Error("graphql resolver panicked", "panic", value)
	return &qerrors.QueryError{Message: "internal error", Extensions: map[string]any{"code": "INTERNAL_SERVER_ERROR"}}
}
