package schema

import (
	"context"
)

// Relay connections. Cursors are the store's own, so they stay valid across
// calls; totalCount is computed only when asked for.

// connection is one page of a long list of resolvers of type T.
type connection[T any] struct {
	items  []T
	next   bool   // there is a page after this one
	after  string // the cursor this page starts after
	cursor func(T) string
	count  func(context.Context) (int, error)
}

type edge[T any] struct {
	Cursor string
	Node   T
}

type pageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// page makes the connection of items, fetched with one more than the n
// asked for so that the extra one tells whether there is a next page.
func page[R, T any](items []R, n int, after string, wrap func(R) T, cursor func(T) string, count func(context.Context) (int, error)) *connection[T] {
	c := &connection[T]{after: after, cursor: cursor, count: count}
	if len(items) > n {
		items, c.next = items[:n], true
	}
	for _, x := range items {
		c.items = append(c.items, wrap(x))
	}
	return c
}

func (c *connection[T]) Edges() []*edge[T] {
	out := make([]*edge[T], len(c.items))
	for i, x := range c.items {
		out[i] = &edge[T]{Cursor: c.cursor(x), Node: x}
	}
	return out
}

func (c *connection[T]) Nodes() []T { return c.items }

func (c *connection[T]) PageInfo() *pageInfo {
	p := &pageInfo{HasNextPage: c.next, HasPreviousPage: c.after != ""}
	if len(c.items) > 0 {
		p.StartCursor = strPtr(c.cursor(c.items[0]))
		p.EndCursor = strPtr(c.cursor(c.items[len(c.items)-1]))
	}
	return p
}

func (c *connection[T]) TotalCount(ctx context.Context) (int32, error) {
	n, err := c.count(ctx)
	return int32(n), err
}
