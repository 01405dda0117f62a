package schema

import (
	"context"
	"errors"

	"github.com/kg-builder/kg/graph"
)

// editor is the Editor the mutations may use, or why they may not.
func (r *resolver) editor() (Editor, error) {
	switch {
	case r.opt.ReadOnly:
		return nil, forbidden("the graph is served read-only")
	case r.opt.Editor == nil:
		return nil, forbidden("editing the graph is not enabled on this server")
	}
	return r.opt.Editor, nil
}

// editErr turns an Editor's error into what the client sees: an edit the
// store refused is the client's mistake, with the store's reason.
func editErr(err error) error {
	var re *graph.RefusedError
	switch {
	case errors.As(err, &re) && errors.Is(re, graph.ErrNotFound):
		return &userError{code: "NOT_FOUND", msg: re.Reason}
	case errors.As(err, &re):
		return badInput(re.Reason)
	case errors.Is(err, graph.ErrTooLarge):
		return badInput("the entity has too many triples to rewrite in one transaction")
	case errors.Is(err, graph.ErrReadOnly):
		return forbidden("the graph is read-only")
	}
	return err
}

type mergeArgs struct {
	Into string
	From string
}

func (r *resolver) MergeEntities(ctx context.Context, args mergeArgs) (*mergeResult, error) {
	ctx = writeContext(ctx)
	ed, err := r.editor()
	if err != nil {
		return nil, err
	}
	m, err := ed.MergeEntities(ctx, args.Into, args.From)
	if err != nil {
		return nil, editErr(err)
	}
	return &mergeResult{r: r, m: m}, nil
}

type mergeResult struct {
	r *resolver
	m graph.Merged
}

func (m *mergeResult) Into() *entityResolver { return newEntity(m.r, m.m.Into) }
func (m *mergeResult) From() *entityResolver { return newEntity(m.r, m.m.From) }
func (m *mergeResult) TriplesMoved() int32   { return int32(m.m.EdgesMoved) }
func (m *mergeResult) TriplesFolded() int32  { return int32(m.m.EdgesFolded) }
func (m *mergeResult) SelfLoops() int32      { return int32(m.m.SelfLoops) }

type splitArgs struct {
	Entity string
	Alias  string
}

func (r *resolver) SplitAlias(ctx context.Context, args splitArgs) (*splitResult, error) {
	ctx = writeContext(ctx)
	ed, err := r.editor()
	if err != nil {
		return nil, err
	}
	s, err := ed.SplitAlias(ctx, args.Entity, args.Alias)
	if err != nil {
		return nil, editErr(err)
	}
	return &splitResult{r: r, s: s}, nil
}

type splitResult struct {
	r *resolver
	s graph.Split
}

func (s *splitResult) From() *entityResolver { return newEntity(s.r, s.s.From) }
func (s *splitResult) New() *entityResolver  { return newEntity(s.r, s.s.New) }
func (s *splitResult) TriplesMoved() int32   { return int32(s.s.EdgesMoved) }
func (s *splitResult) EvidenceMoved() int32  { return int32(s.s.EvidenceMoved) }
func (s *splitResult) TriplesDeleted() int32 { return int32(s.s.EdgesDeleted) }

func (r *resolver) DeleteDocument(ctx context.Context, args struct{ ID gqlID }) (*deleteResult, error) {
	ctx = writeContext(ctx)
	ed, err := r.editor()
	if err != nil {
		return nil, err
	}
	d, err := ed.DeleteDocument(ctx, string(args.ID))
	if err != nil {
		return nil, editErr(err)
	}
	res := &deleteResult{r: r, d: d}
	// what remains, as it is now
	for _, id := range d.EdgesChanged {
		t, err := r.g.Triple(ctx, id)
		if err != nil {
			return nil, err
		}
		res.changed = append(res.changed, t)
	}
	for _, ids := range []struct {
		from []string
		to   *[]graph.Entity
	}{{d.EntitiesChanged, &res.entities}, {d.EntitiesKept, &res.kept}} {
		for _, id := range ids.from {
			e, err := r.g.EntityByID(ctx, id)
			if err != nil {
				return nil, err
			}
			*ids.to = append(*ids.to, e)
		}
	}
	return res, nil
}

type deleteResult struct {
	r        *resolver
	d        graph.Deleted
	changed  []graph.Triple
	entities []graph.Entity
	kept     []graph.Entity
}

func (d *deleteResult) Document() *documentResolver {
	return &documentResolver{r: d.r, d: d.d.Document}
}
func (d *deleteResult) EvidenceRemoved() int32 { return int32(d.d.Evidence) }

func (d *deleteResult) TriplesDeleted() []gqlID {
	out := make([]gqlID, len(d.d.EdgesDeleted))
	for i, id := range d.d.EdgesDeleted {
		out[i] = gqlID(id)
	}
	return out
}

func (d *deleteResult) TriplesChanged() []*tripleResolver  { return triples(d.r, d.changed) }
func (d *deleteResult) EntitiesDeleted() []*entityResolver { return entities(d.r, d.d.EntitiesDeleted) }
func (d *deleteResult) EntitiesChanged() []*entityResolver { return entities(d.r, d.entities) }
func (d *deleteResult) EntitiesKept() []*entityResolver    { return entities(d.r, d.kept) }
