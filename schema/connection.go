package schema

import (
	"context"

	"github.com/kg-builder/kg/graph"
)

// Relay connections. Cursors are the store's own, so they stay valid across
// calls; totalCount is computed only when asked for.

type pageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

func newPageInfo(first, last string, next bool, after string) *pageInfo {
	return &pageInfo{HasNextPage: next, HasPreviousPage: after != "", StartCursor: strPtr(first), EndCursor: strPtr(last)}
}

type entityConnection struct {
	r     *resolver
	f     graph.EntityFilter
	after string
	items []*entityResolver
	next  bool
}

type entityEdge struct {
	Cursor string
	Node   *entityResolver
}

func (c *entityConnection) Edges() []*entityEdge {
	out := make([]*entityEdge, len(c.items))
	for i, e := range c.items {
		out[i] = &entityEdge{Cursor: e.e.Cursor, Node: e}
	}
	return out
}

func (c *entityConnection) Nodes() []*entityResolver { return c.items }

func (c *entityConnection) PageInfo() *pageInfo {
	if len(c.items) == 0 {
		return newPageInfo("", "", c.next, c.after)
	}
	return newPageInfo(c.items[0].e.Cursor, c.items[len(c.items)-1].e.Cursor, c.next, c.after)
}

func (c *entityConnection) TotalCount(ctx context.Context) (int32, error) {
	n, err := c.r.g.CountEntities(ctx, c.f)
	return int32(n), err
}

type tripleConnection struct {
	r     *resolver
	p     graph.Pattern
	after string
	items []*tripleResolver
	next  bool
}

type tripleEdge struct {
	Cursor string
	Node   *tripleResolver
}

func (c *tripleConnection) Edges() []*tripleEdge {
	out := make([]*tripleEdge, len(c.items))
	for i, t := range c.items {
		out[i] = &tripleEdge{Cursor: t.t.Cursor, Node: t}
	}
	return out
}

func (c *tripleConnection) Nodes() []*tripleResolver { return c.items }

func (c *tripleConnection) PageInfo() *pageInfo {
	if len(c.items) == 0 {
		return newPageInfo("", "", c.next, c.after)
	}
	return newPageInfo(c.items[0].t.Cursor, c.items[len(c.items)-1].t.Cursor, c.next, c.after)
}

func (c *tripleConnection) TotalCount(ctx context.Context) (int32, error) {
	n, err := c.r.g.Count(ctx, c.p)
	return int32(n), err
}

type documentConnection struct {
	r     *resolver
	after string
	items []*documentResolver
	next  bool
}

type documentEdge struct {
	Cursor string
	Node   *documentResolver
}

func (c *documentConnection) Edges() []*documentEdge {
	out := make([]*documentEdge, len(c.items))
	for i, d := range c.items {
		out[i] = &documentEdge{Cursor: d.d.Cursor, Node: d}
	}
	return out
}

func (c *documentConnection) Nodes() []*documentResolver { return c.items }

func (c *documentConnection) PageInfo() *pageInfo {
	if len(c.items) == 0 {
		return newPageInfo("", "", c.next, c.after)
	}
	return newPageInfo(c.items[0].d.Cursor, c.items[len(c.items)-1].d.Cursor, c.next, c.after)
}

func (c *documentConnection) TotalCount(ctx context.Context) (int32, error) {
	st, err := c.r.g.Stats(ctx)
	return int32(st.Documents), err
}
