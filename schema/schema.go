// Package schema serves the knowledge graph through GraphQL.
//
// The resolvers read a Graph (satisfied by *graph.Store) and, for the
// mutations, an Ingester and an Editor; Handler speaks GraphQL over HTTP.
// Only this package imports graphql-go.
package schema

import (
	"context"
	"errors"
	"log/slog"

	graphql "github.com/graph-gophers/graphql-go"
	qerrors "github.com/graph-gophers/graphql-go/errors"

	"github.com/kg-builder/kg"
	"github.com/kg-builder/kg/graph"
)

// Graph is what the resolvers read.
type Graph interface {
	Entity(ctx context.Context, name string) (graph.Entity, error)
	EntityByID(ctx context.Context, id string) (graph.Entity, error)
	Entities(ctx context.Context, f graph.EntityFilter, p graph.Page) ([]graph.Entity, string, error)
	CountEntities(ctx context.Context, f graph.EntityFilter) (int, error)
	Match(ctx context.Context, p graph.Pattern, pg graph.Page) ([]graph.Triple, string, error)
	Count(ctx context.Context, p graph.Pattern) (int, error)
	Triple(ctx context.Context, id string) (graph.Triple, error)
	Evidence(ctx context.Context, id string, limit int) ([]graph.Evidence, error)
	Neighborhood(ctx context.Context, name string, depth, limit int) (graph.Subgraph, error)
	Path(ctx context.Context, from, to string, maxDepth int) ([]graph.Triple, error)
	Relations(ctx context.Context) ([]graph.Relation, error)
	Documents(ctx context.Context, p graph.Page) ([]graph.DocumentInfo, string, error)
	Document(ctx context.Context, id string) (graph.DocumentInfo, error)
	Stats(ctx context.Context) (graph.Stats, error)
}

// An Ingester adds a text to the graph: it extracts and stores.
type Ingester interface {
	Ingest(ctx context.Context, doc Doc) (graph.Added, error)
}

// An Editor carries out a user's decisions about entities: merging two, or
// splitting an alias off one. *graph.Store is one.
type Editor interface {
	MergeEntities(ctx context.Context, into, from string) (graph.Merged, error)
	SplitAlias(ctx context.Context, entity, alias string) (graph.Split, error)
}

// Doc is a text sent through the ingest mutation.
type Doc struct {
	ID, Title, Source, Text string
}

// Options configure the schema. The zero value works: no mutations,
// default limits, errors logged to slog's default logger.
type Options struct {
	Ingester Ingester // nil: the ingest mutation fails with FORBIDDEN
	Editor   Editor   // nil: mergeEntities and splitAlias fail with FORBIDDEN
	ReadOnly bool     // refuse mutations
	Logger   *slog.Logger
	MaxFirst int // cap on `first` and `limit` (default 1000)
	MaxDepth int // cap on query depth (default 15) and neighborhood depth (3)
}

// Schema is an executable GraphQL schema over a Graph.
type Schema struct {
	s   *graphql.Schema
	log *slog.Logger
	opt Options
}

// New parses the schema and binds its resolvers to g.
func New(g Graph, o Options) (*Schema, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MaxFirst <= 0 {
		o.MaxFirst = 1000
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = 15
	}
	r := &resolver{g: g, opt: o}
	s, err := graphql.ParseSchema(kg.Schema, r,
		graphql.UseFieldResolvers(),
		graphql.MaxDepth(o.MaxDepth),
		graphql.MaxParallelism(8),
		graphql.MaxQueryLength(64<<10),
		graphql.PanicHandler(panicHandler{o.Logger}),
	)
	if err != nil {
		return nil, err
	}
	return &Schema{s: s, log: o.Logger, opt: o}, nil
}

// Exec runs one GraphQL request.
func (s *Schema) Exec(ctx context.Context, query, operation string, vars map[string]any) *graphql.Response {
	resp := s.s.Exec(ctx, query, operation, vars)
	for _, e := range resp.Errors {
		s.clean(e)
		// once ctx is done graphql-go reports its error without the cause
		if ctx.Err() != nil && e.Extensions == nil {
			timedOut(e)
		}
	}
	return resp
}

// clean keeps client mistakes as they are and hides internal failures
// behind a generic message, logging their detail.
func (s *Schema) clean(e *qerrors.QueryError) {
	if e.ResolverError == nil {
		if e.Extensions == nil && e.Rule != "" {
			e.Extensions = map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}
		}
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

func timedOut(e *qerrors.QueryError) {
	e.Message = "request timed out or was cancelled"
	e.Extensions = map[string]any{"code": "TIMEOUT"}
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
