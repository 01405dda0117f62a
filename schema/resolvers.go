package schema

import (
	"context"
	"errors"
	"fmt"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kg-builder/kg/graph"
)

type resolver struct {
	g   Graph
	opt Options
}

// first turns a `first` argument into a page size, refusing nonsense.
func (r *resolver) first(n int32) (int, error) {
	switch {
	case n < 0:
		return 0, badInput("first must not be negative")
	case int(n) > r.opt.MaxFirst:
		return 0, badInput(fmt.Sprintf("first must be at most %d", r.opt.MaxFirst))
	}
	return int(n), nil
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// readErr turns a store error into what the client sees: a bad cursor is
// the client's mistake; anything else is internal.
func readErr(err error) error {
	if errors.Is(err, graph.ErrInvalid) {
		return badInput("invalid cursor")
	}
	return err
}

func (r *resolver) Entity(ctx context.Context, args struct{ Name string }) (*entityResolver, error) {
	e, err := r.g.Entity(ctx, args.Name)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &entityResolver{r: r, e: e}, nil
}

type entitiesArgs struct {
	Query *string
	Type  *string
	First int32
	After *string
}

func (r *resolver) Entities(ctx context.Context, args entitiesArgs) (*connection[*entityResolver], error) {
	n, err := r.first(args.First)
	if err != nil {
		return nil, err
	}
	f := graph.EntityFilter{Prefix: str(args.Query), Type: str(args.Type)}
	// one more than asked tells whether there is a next page
	es, _, err := r.g.Entities(ctx, f, graph.Page{After: str(args.After), Limit: n + 1})
	if err != nil {
		return nil, readErr(err)
	}
	return page(es, n, str(args.After),
		func(e graph.Entity) *entityResolver { return &entityResolver{r: r, e: e} },
		func(e *entityResolver) string { return e.e.Cursor },
		func(ctx context.Context) (int, error) { return r.g.CountEntities(ctx, f) }), nil
}

type triplesArgs struct {
	Subject  *string
	Relation *string
	Object   *string
	First    int32
	After    *string
}

func (r *resolver) Triples(ctx context.Context, args triplesArgs) (*connection[*tripleResolver], error) {
	return r.triples(ctx, graph.Pattern{Subject: str(args.Subject), Relation: str(args.Relation), Object: str(args.Object)}, args.First, args.After)
}

func (r *resolver) triples(ctx context.Context, p graph.Pattern, first int32, after *string) (*connection[*tripleResolver], error) {
	n, err := r.first(first)
	if err != nil {
		return nil, err
	}
	ts, _, err := r.g.Match(ctx, p, graph.Page{After: str(after), Limit: n + 1})
	if err != nil {
		return nil, readErr(err)
	}
	return page(ts, n, str(after),
		func(t graph.Triple) *tripleResolver { return &tripleResolver{r: r, t: t} },
		func(t *tripleResolver) string { return t.t.Cursor },
		func(ctx context.Context) (int, error) { return r.g.Count(ctx, p) }), nil
}

func (r *resolver) Triple(ctx context.Context, args struct{ ID graphql.ID }) (*tripleResolver, error) {
	t, err := r.g.Triple(ctx, string(args.ID))
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &tripleResolver{r: r, t: t}, nil
}

type neighborhoodArgs struct {
	Name  string
	Depth int32
	Limit int32
}

// maxHops bounds neighborhood depth: beyond it a hub reaches the whole graph.
const maxHops = 3

func (r *resolver) Neighborhood(ctx context.Context, args neighborhoodArgs) (*subgraphResolver, error) {
	switch {
	case args.Depth < 0 || args.Depth > maxHops:
		return nil, badInput(fmt.Sprintf("depth must be between 0 and %d", maxHops))
	case args.Limit < 1 || int(args.Limit) > r.opt.MaxFirst:
		return nil, badInput(fmt.Sprintf("limit must be between 1 and %d", r.opt.MaxFirst))
	}
	g, err := r.g.Neighborhood(ctx, args.Name, int(args.Depth), int(args.Limit))
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &subgraphResolver{r: r, g: g}, nil
}

type pathArgs struct {
	From     string
	To       string
	MaxDepth int32
}

func (r *resolver) Path(ctx context.Context, args pathArgs) (*[]*tripleResolver, error) {
	if args.MaxDepth < 1 || args.MaxDepth > 8 {
		return nil, badInput("maxDepth must be between 1 and 8")
	}
	ts, err := r.g.Path(ctx, args.From, args.To, int(args.MaxDepth))
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := make([]*tripleResolver, len(ts))
	for i, t := range ts {
		out[i] = &tripleResolver{r: r, t: t}
	}
	return &out, nil
}

type relationCount struct {
	Relation string
	Triples  int32
}

func (r *resolver) Relations(ctx context.Context) ([]*relationCount, error) {
	rs, err := r.g.Relations(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*relationCount, len(rs))
	for i, x := range rs {
		out[i] = &relationCount{Relation: x.Name, Triples: int32(x.Edges)}
	}
	return out, nil
}

func (r *resolver) Documents(ctx context.Context, args struct {
	First int32
	After *string
}) (*connection[*documentResolver], error) {
	n, err := r.first(args.First)
	if err != nil {
		return nil, err
	}
	ds, _, err := r.g.Documents(ctx, graph.Page{After: str(args.After), Limit: n + 1})
	if err != nil {
		return nil, readErr(err)
	}
	return page(ds, n, str(args.After),
		func(d graph.DocumentInfo) *documentResolver { return &documentResolver{d: d} },
		func(d *documentResolver) string { return d.d.Cursor },
		func(ctx context.Context) (int, error) {
			st, err := r.g.Stats(ctx)
			return st.Documents, err
		}), nil
}

func (r *resolver) Document(ctx context.Context, args struct{ ID graphql.ID }) (*documentResolver, error) {
	d, err := r.g.Document(ctx, string(args.ID))
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &documentResolver{d: d}, nil
}

type statsResolver struct {
	Documents, Sentences, Tokens, Entities, Triples, Relations, Evidence int32
}

func (r *resolver) Stats(ctx context.Context) (*statsResolver, error) {
	s, err := r.g.Stats(ctx)
	if err != nil {
		return nil, err
	}
	return &statsResolver{int32(s.Documents), int32(s.Sentences), int32(s.Tokens), int32(s.Entities),
		int32(s.Triples), int32(s.Relations), int32(s.Evidence)}, nil
}

type ingestArgs struct {
	Text   string
	Source *string
	ID     *string
	Title  *string
}

type ingestResult struct {
	DocumentID graphql.ID
	Duplicate  bool
	Sentences  int32
	Entities   int32
	Triples    int32
	Evidence   int32
}

func (r *resolver) Ingest(ctx context.Context, args ingestArgs) (*ingestResult, error) {
	switch {
	case r.opt.ReadOnly:
		return nil, forbidden("the graph is served read-only")
	case r.opt.Ingester == nil:
		return nil, forbidden("ingest is not enabled on this server")
	}
	a, err := r.opt.Ingester.Ingest(ctx, Doc{ID: str(args.ID), Title: str(args.Title), Source: str(args.Source), Text: args.Text})
	if err != nil {
		var ue *userError
		switch {
		case errors.As(err, &ue):
		case errors.Is(err, graph.ErrConflict):
			return nil, badInput(fmt.Sprintf("document %q is already stored with different content", str(args.ID)))
		case errors.Is(err, graph.ErrInvalid), errors.Is(err, graph.ErrTooLarge):
			return nil, badInput(err.Error())
		case errors.Is(err, graph.ErrReadOnly):
			return nil, forbidden("the graph is read-only")
		}
		return nil, err
	}
	return &ingestResult{DocumentID: graphql.ID(a.DocumentID), Duplicate: a.Duplicate, Sentences: int32(a.Sentences),
		Entities: int32(a.Entities), Triples: int32(a.Triples), Evidence: int32(a.Evidence)}, nil
}

// BadInput makes an error the ingest mutation shows to the client as it is,
// for an Ingester to say what is wrong with the text.
func BadInput(msg string) error { return badInput(msg) }

type entityResolver struct {
	r *resolver
	e graph.Entity
}

func (e *entityResolver) ID() graphql.ID    { return graphql.ID(e.e.ID) }
func (e *entityResolver) Name() string      { return e.e.Name }
func (e *entityResolver) Type() string      { return e.e.Type }
func (e *entityResolver) Aliases() []string { return nonNil(e.e.Aliases) }
func (e *entityResolver) Mentions() int32   { return int32(e.e.Mentions) }
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

type edgeArgs struct {
	Relation *string
	First    int32
	After    *string
}

func (e *entityResolver) Outgoing(ctx context.Context, args edgeArgs) (*connection[*tripleResolver], error) {
	return e.r.triples(ctx, graph.Pattern{SubjectID: e.e.ID, Relation: str(args.Relation)}, args.First, args.After)
}

func (e *entityResolver) Incoming(ctx context.Context, args edgeArgs) (*connection[*tripleResolver], error) {
	return e.r.triples(ctx, graph.Pattern{ObjectID: e.e.ID, Relation: str(args.Relation)}, args.First, args.After)
}

type tripleResolver struct {
	r *resolver
	t graph.Triple
}

func (t *tripleResolver) ID() graphql.ID       { return graphql.ID(t.t.ID) }
func (t *tripleResolver) Relation() string     { return t.t.Relation }
func (t *tripleResolver) RelationText() string { return t.t.RelationText }
func (t *tripleResolver) SubjectText() string  { return t.t.SubjectText }
func (t *tripleResolver) ObjectText() string   { return t.t.ObjectText }
func (t *tripleResolver) Confidence() float64  { return t.t.Confidence }
func (t *tripleResolver) Count() int32         { return int32(t.t.Count) }
func (t *tripleResolver) Negated() bool        { return t.t.Negated }
func (t *tripleResolver) Modality() *string    { return strPtr(t.t.Modality) }
func (t *tripleResolver) AttributedTo() *string {
	return strPtr(t.t.AttributedTo)
}

func (t *tripleResolver) Subject(ctx context.Context) (*entityResolver, error) {
	return t.end(ctx, t.t.SubjectID)
}

func (t *tripleResolver) Object(ctx context.Context) (*entityResolver, error) {
	return t.end(ctx, t.t.ObjectID)
}

func (t *tripleResolver) end(ctx context.Context, id string) (*entityResolver, error) {
	e, err := t.r.g.EntityByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return &entityResolver{r: t.r, e: e}, nil
}

func (t *tripleResolver) Evidence(ctx context.Context, args struct{ First int32 }) ([]*evidenceResolver, error) {
	if args.First < 0 || int(args.First) > t.r.opt.MaxFirst {
		return nil, badInput(fmt.Sprintf("first must be between 0 and %d", t.r.opt.MaxFirst))
	}
	if args.First == 0 {
		return []*evidenceResolver{}, nil
	}
	es, err := t.r.g.Evidence(ctx, t.t.ID, int(args.First))
	if err != nil {
		return nil, err
	}
	out := make([]*evidenceResolver, len(es))
	for i, e := range es {
		out[i] = &evidenceResolver{r: t.r, e: e}
	}
	return out, nil
}

type evidenceResolver struct {
	r *resolver
	e graph.Evidence
}

func (e *evidenceResolver) DocumentID() graphql.ID { return graphql.ID(e.e.DocumentID) }
func (e *evidenceResolver) Sentence() int32        { return int32(e.e.Sentence) }
func (e *evidenceResolver) Text() string           { return e.e.Text }
func (e *evidenceResolver) Start() int32           { return int32(e.e.Start) }
func (e *evidenceResolver) End() int32             { return int32(e.e.End) }
func (e *evidenceResolver) SubjectText() string    { return e.e.SubjectText }
func (e *evidenceResolver) RelationText() string   { return e.e.RelationText }
func (e *evidenceResolver) ObjectText() string     { return e.e.ObjectText }
func (e *evidenceResolver) Confidence() float64    { return e.e.Confidence }
func (e *evidenceResolver) AttributedTo() *string  { return strPtr(e.e.AttributedTo) }

func (e *evidenceResolver) Document(ctx context.Context) (*documentResolver, error) {
	d, err := e.r.g.Document(ctx, e.e.DocumentID)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &documentResolver{d: d}, nil
}

type documentResolver struct{ d graph.DocumentInfo }

func (d *documentResolver) ID() graphql.ID  { return graphql.ID(d.d.ID) }
func (d *documentResolver) Title() *string  { return strPtr(d.d.Title) }
func (d *documentResolver) Source() *string { return strPtr(d.d.Source) }
func (d *documentResolver) URL() *string    { return strPtr(d.d.URL) }
func (d *documentResolver) Date() *string   { return strPtr(d.d.Date) }
func (d *documentResolver) Hash() string    { return d.d.Hash }
func (d *documentResolver) Sentences() int32 {
	return int32(d.d.Sentences)
}
func (d *documentResolver) Tokens() int32  { return int32(d.d.Tokens) }
func (d *documentResolver) Triples() int32 { return int32(d.d.Triples) }
func (d *documentResolver) Added() string  { return d.d.Added }

type subgraphResolver struct {
	r *resolver
	g graph.Subgraph
}

func (s *subgraphResolver) Nodes() []*entityResolver {
	out := make([]*entityResolver, len(s.g.Nodes))
	for i, e := range s.g.Nodes {
		out[i] = &entityResolver{r: s.r, e: e}
	}
	return out
}

func (s *subgraphResolver) Edges() []*tripleResolver {
	out := make([]*tripleResolver, len(s.g.Edges))
	for i, t := range s.g.Edges {
		out[i] = &tripleResolver{r: s.r, t: t}
	}
	return out
}
