package schema

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

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
	return newEntity(r, e), nil
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
	typ := strings.ToUpper(strings.TrimSpace(str(args.Type)))
	if typ != "" && !entityTypes[typ] {
		return nil, badInput(fmt.Sprintf("unknown type %q: the types are PERSON, ORG, PLACE, MISC and CONCEPT", typ))
	}
	wrap := func(e graph.Entity) *entityResolver { return newEntity(r, e) }
	cursor := func(e *entityResolver) string { return e.e.Cursor }
	// one more than asked tells whether there is a next page
	pg := graph.Page{After: str(args.After), Limit: n + 1}
	if q := strings.TrimSpace(str(args.Query)); q != "" {
		sq := graph.SearchQuery{Text: q, Type: typ}
		es, _, err := r.g.Search(ctx, sq, pg)
		if err != nil {
			return nil, readErr(err)
		}
		return page(es, n, str(args.After), wrap, cursor,
			func(ctx context.Context) (int, error) { return r.g.CountSearch(ctx, sq) }), nil
	}
	f := graph.EntityFilter{Type: typ}
	es, _, err := r.g.Entities(ctx, f, pg)
	if err != nil {
		return nil, readErr(err)
	}
	return page(es, n, str(args.After), wrap, cursor,
		func(ctx context.Context) (int, error) { return r.g.CountEntities(ctx, f) }), nil
}

// filterArgs are the edge filters of every edge list and traversal.
type filterArgs struct {
	Relations     *[]string
	Types         *[]string
	MinConfidence *float64
	MinCount      *int32
	Document      *gqlID
	Since         *string
	Until         *string
}

// filter checks the filter arguments and turns them into the store's.
func (f *filterArgs) filter() (graph.EdgeFilter, error) {
	var out graph.EdgeFilter
	if f.Relations != nil {
		out.Relations = *f.Relations
	}
	if f.Types != nil {
		for _, t := range *f.Types {
			out.Types = append(out.Types, strings.ToUpper(strings.TrimSpace(t)))
		}
	}
	if f.MinConfidence != nil {
		out.MinConfidence = *f.MinConfidence
	}
	if f.MinCount != nil {
		out.MinCount = int(*f.MinCount)
	}
	if f.Document != nil {
		out.Document = string(*f.Document)
	}
	if f.Since != nil {
		out.Since = *f.Since
	}
	if f.Until != nil {
		out.Until = *f.Until
	}
	if err := out.Check(); err != nil {
		return out, badInput(strings.TrimSuffix(err.Error(), ": "+graph.ErrInvalid.Error()))
	}
	return out, nil
}

var entityTypes = map[string]bool{graph.Person: true, graph.Org: true, graph.Place: true, graph.Misc: true, graph.Concept: true}

type triplesArgs struct {
	Subject  *string
	Relation *string
	Object   *string
	filterArgs
	First int32
	After *string
}

func (r *resolver) Triples(ctx context.Context, args triplesArgs) (*connection[*tripleResolver], error) {
	f, err := args.filter()
	if err != nil {
		return nil, err
	}
	return r.triples(ctx, graph.Pattern{Subject: str(args.Subject), Relation: str(args.Relation), Object: str(args.Object), Filter: f}, args.First, args.After)
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
		func(t graph.Triple) *tripleResolver { return newTriple(r, t) },
		func(t *tripleResolver) string { return t.t.Cursor },
		func(ctx context.Context) (int, error) { return r.g.Count(ctx, p) }), nil
}

func (r *resolver) Triple(ctx context.Context, args struct{ ID gqlID }) (*tripleResolver, error) {
	t, err := r.g.Triple(ctx, string(args.ID))
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return newTriple(r, t), nil
}

type neighborhoodArgs struct {
	Name      string
	Depth     int32
	Direction string
	filterArgs
	Limit int32
}

// maxHops bounds neighborhood depth: beyond it a hub reaches the whole graph.
const maxHops = 3

func direction(d string) graph.Direction {
	switch d {
	case "OUTGOING":
		return graph.Outgoing
	case "INCOMING":
		return graph.Incoming
	}
	return graph.Both
}

func (r *resolver) Neighborhood(ctx context.Context, args neighborhoodArgs) (*subgraphResolver, error) {
	switch {
	case args.Depth < 0 || args.Depth > maxHops:
		return nil, badInput(fmt.Sprintf("depth must be between 0 and %d", maxHops))
	case args.Limit < 1 || int(args.Limit) > r.opt.MaxFirst:
		return nil, badInput(fmt.Sprintf("limit must be between 1 and %d", r.opt.MaxFirst))
	}
	f, err := args.filter()
	if err != nil {
		return nil, err
	}
	g, err := r.g.Neighborhood(ctx, args.Name, graph.Around{Depth: int(args.Depth), Limit: int(args.Limit),
		Direction: direction(args.Direction), Filter: f, NoAliases: true})
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &subgraphResolver{r: r, g: g}, nil
}

type pathArgs struct {
	From      string
	To        string
	MaxDepth  int32
	Direction string
	filterArgs
}

type pathsArgs struct {
	pathArgs
	First int32
}

// maxPathDepth and maxPaths bound path searches: each hop and each path
// multiplies the work.
const (
	maxPathDepth = 8
	maxPaths     = 20
)

func (r *resolver) Path(ctx context.Context, args pathArgs) (*pathResolver, error) {
	ps, err := r.paths(ctx, args, 1)
	if err != nil || len(ps) == 0 {
		return nil, err
	}
	return ps[0], nil
}

func (r *resolver) Paths(ctx context.Context, args pathsArgs) ([]*pathResolver, error) {
	if args.First < 0 || args.First > maxPaths {
		return nil, badInput(fmt.Sprintf("first must be between 0 and %d", maxPaths))
	}
	if args.First == 0 {
		return []*pathResolver{}, nil
	}
	return r.paths(ctx, args.pathArgs, int(args.First))
}

func (r *resolver) paths(ctx context.Context, args pathArgs, k int) ([]*pathResolver, error) {
	if args.MaxDepth < 1 || args.MaxDepth > maxPathDepth {
		return nil, badInput(fmt.Sprintf("maxDepth must be between 1 and %d", maxPathDepth))
	}
	f, err := args.filter()
	if err != nil {
		return nil, err
	}
	ps, err := r.g.Paths(ctx, args.From, args.To, graph.PathOptions{MaxDepth: int(args.MaxDepth), K: k,
		Direction: direction(args.Direction), Filter: f})
	if errors.Is(err, graph.ErrNotFound) {
		return []*pathResolver{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := make([]*pathResolver, len(ps))
	for i, p := range ps {
		out[i] = &pathResolver{r: r, p: p}
	}
	return out, nil
}

type pathResolver struct {
	r *resolver
	p graph.Path
}

func (p *pathResolver) Length() int32 { return int32(len(p.p.Edges)) }

func (p *pathResolver) Nodes() []*entityResolver { return entities(p.r, p.p.Nodes) }

func (p *pathResolver) Edges() []*tripleResolver { return triples(p.r, p.p.Edges) }

func entities(r *resolver, es []graph.Entity) []*entityResolver {
	out := make([]*entityResolver, len(es))
	for i, e := range es {
		out[i] = newEntity(r, e)
	}
	return out
}

func triples(r *resolver, ts []graph.Triple) []*tripleResolver {
	out := make([]*tripleResolver, len(ts))
	for i, t := range ts {
		out[i] = newTriple(r, t)
	}
	return out
}

type relationCount struct {
	Relation string
	Triples  int32
	cursor   string
}

func (r *resolver) Relations(ctx context.Context, args struct {
	Prefix *string
	First  int32
	After  *string
}) (*connection[*relationCount], error) {
	n, err := r.first(args.First)
	if err != nil {
		return nil, err
	}
	prefix := str(args.Prefix)
	rs, _, err := r.g.RelationsPage(ctx, prefix, graph.Page{After: str(args.After), Limit: n + 1})
	if err != nil {
		return nil, readErr(err)
	}
	return page(rs, n, str(args.After),
		func(x graph.Relation) *relationCount {
			return &relationCount{Relation: x.Name, Triples: int32(x.Edges), cursor: x.Cursor}
		},
		func(x *relationCount) string { return x.cursor },
		func(ctx context.Context) (int, error) {
			if strings.TrimSpace(prefix) == "" {
				st, err := r.g.Stats(ctx)
				return st.Relations, err
			}
			all, _, err := r.g.RelationsPage(ctx, prefix, graph.Page{})
			return len(all), err
		}), nil
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
		func(d graph.DocumentInfo) *documentResolver { return &documentResolver{r: r, d: d} },
		func(d *documentResolver) string { return d.d.Cursor },
		func(ctx context.Context) (int, error) {
			st, err := r.g.Stats(ctx)
			return st.Documents, err
		}), nil
}

func (r *resolver) Document(ctx context.Context, args struct{ ID gqlID }) (*documentResolver, error) {
	d, err := r.g.Document(ctx, string(args.ID))
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &documentResolver{r: r, d: d}, nil
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
	URL    *string
	Date   *string
}

type ingestResult struct {
	r          *resolver
	DocumentID gqlID
	Duplicate  bool
	Sentences  int32
	Entities   int32
	Triples    int32
	Evidence   int32
}

func (i *ingestResult) Document(ctx context.Context) (*documentResolver, error) {
	return i.r.Document(ctx, struct{ ID gqlID }{i.DocumentID})
}

func (r *resolver) Ingest(ctx context.Context, args ingestArgs) (*ingestResult, error) {
	ctx = writeContext(ctx)
	switch {
	case r.opt.ReadOnly:
		return nil, forbidden("the graph is served read-only")
	case r.opt.Ingester == nil:
		return nil, forbidden("ingest is not enabled on this server")
	}
	if d := str(args.Date); d != "" && !graph.IsDate(d) {
		return nil, badInput(fmt.Sprintf("date must be an ISO date (2017-04-12), a month (2017-04) or a year; got %q", d))
	}
	a, err := r.opt.Ingester.Ingest(ctx, Doc{ID: str(args.ID), Title: str(args.Title), Source: str(args.Source),
		URL: str(args.URL), Date: str(args.Date), Text: args.Text})
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
	return &ingestResult{r: r, DocumentID: gqlID(a.DocumentID), Duplicate: a.Duplicate, Sentences: int32(a.Sentences),
		Entities: int32(a.Entities), Triples: int32(a.Triples), Evidence: int32(a.Evidence)}, nil
}

// BadInput makes an error the ingest mutation shows to the client as it is,
// for an Ingester to say what is wrong with the text.
func BadInput(msg string) error { return badInput(msg) }

// entityBase is what every Entity resolver has: the entity, and its
// edges on request. graphql-go reads the exported fields as they are
// (UseFieldResolvers), without a method call each.
type entityBase struct {
	ID   gqlID
	Name string
	Type string

	r *resolver
	e graph.Entity
}

func newBase(r *resolver, e graph.Entity) entityBase {
	return entityBase{ID: gqlID(e.ID), Name: e.Name, Type: e.Type, r: r, e: e}
}

// entityResolver is an Entity read whole. Its fields need neither the
// context nor an error, so graphql-go resolves them in the goroutine of
// their parent instead of one goroutine each.
type entityResolver struct{ entityBase }

func newEntity(r *resolver, e graph.Entity) *entityResolver {
	return &entityResolver{newBase(r, e)}
}

func (e *entityResolver) Aliases() []string { return nonNil(e.e.Aliases) }
func (e *entityResolver) Mentions() int32   { return int32(e.e.Mentions) }

// entityRef is an Entity known in part: the ends of a triple carry only
// their id, name and type, the nodes of a neighbourhood no aliases. The
// rest is read when a query asks for it, once, however many of its fields
// ask at once (graphql-go resolves aliases and mentions in goroutines of
// their own, beside the reads of id, name and type).
type entityRef struct {
	entityBase
	noMentions, noAliases bool

	once sync.Once
	full *graph.Entity // read by load
	err  error
}

func (e *entityRef) Aliases(ctx context.Context) ([]string, error) {
	if !e.noAliases {
		return nonNil(e.e.Aliases), nil
	}
	full, err := e.load(ctx)
	if err != nil {
		return nil, err
	}
	return nonNil(full.Aliases), nil
}

func (e *entityRef) Mentions(ctx context.Context) (int32, error) {
	if !e.noMentions {
		return int32(e.e.Mentions), nil
	}
	full, err := e.load(ctx)
	if err != nil {
		return 0, err
	}
	return int32(full.Mentions), nil
}

// load reads the whole entity, the first time it is called.
func (e *entityRef) load(ctx context.Context) (*graph.Entity, error) {
	e.once.Do(func() {
		full, err := e.r.g.EntityByID(ctx, e.e.ID)
		e.full, e.err = &full, err
	})
	return e.full, e.err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

type edgeArgs struct {
	Relation *string
	filterArgs
	First int32
	After *string
}

func (e *entityBase) Outgoing(ctx context.Context, args edgeArgs) (*connection[*tripleResolver], error) {
	f, err := args.filter()
	if err != nil {
		return nil, err
	}
	return e.r.triples(ctx, graph.Pattern{SubjectID: e.e.ID, Relation: str(args.Relation), Filter: f}, args.First, args.After)
}

func (e *entityBase) Incoming(ctx context.Context, args edgeArgs) (*connection[*tripleResolver], error) {
	f, err := args.filter()
	if err != nil {
		return nil, err
	}
	return e.r.triples(ctx, graph.Pattern{ObjectID: e.e.ID, Relation: str(args.Relation), Filter: f}, args.First, args.After)
}

// tripleResolver is a Triple. graphql-go reads the exported fields as
// they are (UseFieldResolvers): a neighbourhood of a hundred edges has
// several hundred of them, and a method call each through reflection was
// most of its cost.
type tripleResolver struct {
	ID           gqlID
	Relation     string
	RelationText string
	SubjectText  string
	ObjectText   string
	Confidence   float64
	Count        int32
	Negated      bool

	r *resolver
	t graph.Triple
}

func newTriple(r *resolver, t graph.Triple) *tripleResolver {
	return &tripleResolver{ID: gqlID(t.ID), Relation: t.Relation, RelationText: t.RelationText,
		SubjectText: t.SubjectText, ObjectText: t.ObjectText, Confidence: t.Confidence,
		Count: int32(t.Count), Negated: t.Negated, r: r, t: t}
}

func (t *tripleResolver) Modality() *string { return strPtr(t.t.Modality) }
func (t *tripleResolver) AttributedTo() *string {
	return strPtr(t.t.AttributedTo)
}

func (t *tripleResolver) Subject() *entityRef {
	return t.end(t.t.SubjectID, t.t.Subject, t.t.SubjectType)
}

func (t *tripleResolver) Object() *entityRef {
	return t.end(t.t.ObjectID, t.t.Object, t.t.ObjectType)
}

// end is the subject or object of the triple: its id, name and type are
// known; the rest is read if asked for.
func (t *tripleResolver) end(id, name, typ string) *entityRef {
	return &entityRef{entityBase: newBase(t.r, graph.Entity{ID: id, Name: name, Type: typ}), noMentions: true, noAliases: true}
}

func (t *tripleResolver) Evidence(ctx context.Context, args struct {
	First int32
	After *string
}) (*connection[*evidenceResolver], error) {
	n, err := t.r.first(args.First)
	if err != nil {
		return nil, err
	}
	count := func(context.Context) (int, error) { return t.t.Count, nil }
	if n == 0 {
		return page([]graph.Evidence{}, 0, str(args.After), nil, (*evidenceResolver).cursor, count), nil
	}
	es, _, err := t.r.g.EvidencePage(ctx, t.t.ID, graph.Page{After: str(args.After), Limit: n + 1})
	if err != nil {
		return nil, readErr(err)
	}
	return page(es, n, str(args.After),
		func(e graph.Evidence) *evidenceResolver { return &evidenceResolver{r: t.r, e: e} },
		(*evidenceResolver).cursor, count), nil
}

type evidenceResolver struct {
	r *resolver
	e graph.Evidence
}

func (e *evidenceResolver) DocumentID() gqlID     { return gqlID(e.e.DocumentID) }
func (e *evidenceResolver) Sentence() int32       { return int32(e.e.Sentence) }
func (e *evidenceResolver) Text() string          { return e.e.Text }
func (e *evidenceResolver) Start() int32          { return int32(e.e.Start) }
func (e *evidenceResolver) End() int32            { return int32(e.e.End) }
func (e *evidenceResolver) SubjectText() string   { return e.e.SubjectText }
func (e *evidenceResolver) RelationText() string  { return e.e.RelationText }
func (e *evidenceResolver) ObjectText() string    { return e.e.ObjectText }
func (e *evidenceResolver) Confidence() float64   { return e.e.Confidence }
func (e *evidenceResolver) AttributedTo() *string { return strPtr(e.e.AttributedTo) }
func (e *evidenceResolver) cursor() string        { return e.e.Cursor }

func (e *evidenceResolver) Document(ctx context.Context) (*documentResolver, error) {
	d, err := e.r.g.Document(ctx, e.e.DocumentID)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &documentResolver{r: e.r, d: d}, nil
}

type documentResolver struct {
	r *resolver
	d graph.DocumentInfo
}

func (d *documentResolver) ID() gqlID       { return gqlID(d.d.ID) }
func (d *documentResolver) Title() *string  { return strPtr(d.d.Title) }
func (d *documentResolver) Source() *string { return strPtr(d.d.Source) }
func (d *documentResolver) URL() *string    { return strPtr(d.d.URL) }
func (d *documentResolver) Date() *string   { return strPtr(d.d.Date) }
func (d *documentResolver) Hash() string    { return d.d.Hash }
func (d *documentResolver) Sentences() int32 {
	return int32(d.d.Sentences)
}
func (d *documentResolver) Tokens() int32     { return int32(d.d.Tokens) }
func (d *documentResolver) Statements() int32 { return int32(d.d.Triples) }
func (d *documentResolver) Added() string     { return d.d.Added }

type docTriplesArgs struct {
	filterArgs
	First int32
	After *string
}

func (d *documentResolver) Triples(ctx context.Context, args docTriplesArgs) (*connection[*tripleResolver], error) {
	f, err := args.filter()
	if err != nil {
		return nil, err
	}
	f.Document = d.d.ID
	return d.r.triples(ctx, graph.Pattern{Filter: f}, args.First, args.After)
}

func (d *documentResolver) Entities(ctx context.Context, args struct {
	First int32
	After *string
}) (*connection[*entityResolver], error) {
	n, err := d.r.first(args.First)
	if err != nil {
		return nil, err
	}
	es, _, err := d.r.g.DocumentEntities(ctx, d.d.ID, graph.Page{After: str(args.After), Limit: n + 1})
	if err != nil {
		return nil, readErr(err)
	}
	return page(es, n, str(args.After),
		func(e graph.Entity) *entityResolver { return newEntity(d.r, e) },
		func(e *entityResolver) string { return e.e.Cursor },
		func(ctx context.Context) (int, error) {
			all, _, err := d.r.g.DocumentEntities(ctx, d.d.ID, graph.Page{})
			return len(all), err
		}), nil
}

type subgraphResolver struct {
	r *resolver
	g graph.Subgraph
}

func (s *subgraphResolver) Nodes() []*entityRef {
	out := make([]*entityRef, len(s.g.Nodes))
	for i, e := range s.g.Nodes {
		out[i] = &entityRef{entityBase: newBase(s.r, e), noAliases: true} // Around.NoAliases
	}
	return out
}

func (s *subgraphResolver) Edges() []*tripleResolver { return triples(s.r, s.g.Edges) }

func (s *subgraphResolver) Truncated() bool { return s.g.Truncated }

func (s *subgraphResolver) Distances() []int32 {
	out := make([]int32, len(s.g.Distance))
	for i, d := range s.g.Distance {
		out[i] = int32(d)
	}
	return out
}
