package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/dgraph-io/badger/v4"
)

// Direction says which edges a traversal follows from an entity.
type Direction int

const (
	Both     Direction = iota // edges either way
	Outgoing                  // edges the entity is the subject of
	Incoming                  // edges the entity is the object of
)

// Subgraph is a set of entities and the triples between them.
type Subgraph struct {
	Nodes     []Entity // the start first, then by distance from it
	Distance  []int    // hops from the start, one per node
	Edges     []Triple
	Truncated bool // the edge limit was reached: there is more
}

// Around says which part of the graph around an entity Neighborhood returns.
type Around struct {
	Depth     int // hops from the entity (0: the entity alone)
	Limit     int // at most this many edges (0: 1000)
	Direction Direction
	// Filter selects the edges followed; its Types are the types of the
	// entities reached (the start is always in).
	Filter EdgeFilter
	// NoAliases leaves the Aliases of the nodes out: for a caller that
	// reads them only if asked, since they are most of the record of an
	// entity often mentioned.
	NoAliases bool
}

// Neighborhood returns the entities within o.Depth hops of the entity
// called name and the edges followed to reach them, at most o.Limit edges:
// nearest first, and from each entity the edges stated most often (then
// the most confident) first, so that a limit keeps the strongest. ErrNotFound when no entity is called name.
func (s *Store) Neighborhood(ctx context.Context, name string, o Around) (Subgraph, error) {
	depth, limit := max(o.Depth, 0), o.Limit
	if limit <= 0 {
		limit = 1000
	}
	var g Subgraph
	err := s.view(ctx, func(txn *badger.Txn) error {
		c := s.cacheFor(txn)
		root, err := c.lookup(txn, name)
		if err != nil {
			return err
		}
		cf, err := compileFilter(txn, o.Filter)
		if err != nil {
			if nilIfNotFound(err) != nil {
				return err
			}
			cf = &edgeFilter{docs: []uint64{}} // an unknown document states nothing
		}
		t := s.newTraversal(ctx, txn, c, cf, o.Direction, nil)
		dist := map[uint64]int{root: 0}
		order := []uint64{root}
		edgeSeen := map[uint64]bool{}
		frontier := []uint64{root}
		for d := 0; d < depth && len(frontier) > 0 && !g.Truncated; d++ {
			var next []uint64
			for _, id := range frontier {
				// the strongest edges first, so that a limit keeps them
				err := t.strongest(id, t.dir, func(l link, e *edgeRec) (bool, error) {
					if edgeSeen[l.tid] {
						return true, nil
					}
					if len(g.Edges) >= limit {
						g.Truncated = true
						return false, nil
					}
					edgeSeen[l.tid] = true
					if e == nil {
						var err error
						if e, err = t.shared.edge(txn, l.tid); err != nil {
							return false, err
						}
					}
					tr, err := edgeTriple(txn, l.tid, e, t.cache)
					if err != nil {
						return false, err
					}
					g.Edges = append(g.Edges, tr)
					if _, ok := dist[l.node]; !ok {
						dist[l.node] = d + 1
						order = append(order, l.node)
						next = append(next, l.node)
					}
					return true, nil
				})
				if err != nil {
					return err
				}
				if g.Truncated {
					break
				}
			}
			frontier = next
		}
		for _, id := range order {
			var e Entity
			if o.NoAliases {
				h, err := t.cache.get(txn, id)
				if err != nil {
					return err
				}
				e = Entity{ID: entityID(id), Name: h.Name, Type: h.Type, Mentions: h.Mentions}
			} else if e, err = loadEntity(txn, id); err != nil {
				return err
			}
			g.Nodes = append(g.Nodes, e)
			g.Distance = append(g.Distance, dist[id])
		}
		return nil
	})
	if err != nil {
		return Subgraph{}, fmt.Errorf("graph.Neighborhood %q: %w", name, translate(err))
	}
	return g, nil
}

// Path is a chain of edges linking two entities: Edges[i] links Nodes[i]
// and Nodes[i+1], in either direction unless the search said otherwise.
type Path struct {
	Nodes []Entity
	Edges []Triple
}

// PathOptions say which paths Paths looks for.
type PathOptions struct {
	MaxDepth  int // at most this many edges
	K         int // this many shortest paths (0: 1)
	Direction Direction
	// Filter selects the edges a path may use; its Types are the types of
	// the entities a path may pass through (its ends are always allowed).
	Filter EdgeFilter
}

// maxVisit bounds the entities one shortest-path search looks at.
const maxVisit = 200000

// Paths returns up to o.K shortest paths from the entity called from to
// the entity called to, shortest first, no two through the same entities
// in the same order (Yen's algorithm over entities; between two entities a
// path takes their most confident edge). ErrNotFound when either entity is
// unknown or no path of at most o.MaxDepth edges links them. An entity and
// itself are linked by one path without edges.
func (s *Store) Paths(ctx context.Context, from, to string, o PathOptions) ([]Path, error) {
	if o.K <= 0 {
		o.K = 1
	}
	var out []Path
	err := s.view(ctx, func(txn *badger.Txn) error {
		c := s.cacheFor(txn)
		a, err := c.lookup(txn, from)
		if err != nil {
			return err
		}
		b, err := c.lookup(txn, to)
		if err != nil {
			return err
		}
		cf, err := compileFilter(txn, o.Filter)
		if err != nil {
			return err
		}
		t := s.newTraversal(ctx, txn, c, cf, o.Direction, map[uint64]bool{a: true, b: true})
		routes, err := t.yen(a, b, o.MaxDepth, o.K)
		if err != nil {
			return err
		}
		if len(routes) == 0 {
			return badger.ErrKeyNotFound
		}
		for _, r := range routes {
			p, err := t.path(r)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Paths %q→%q: %w", from, to, translate(err))
	}
	return out, nil
}

// Path returns the edges of a shortest path from the entity called from to
// the entity called to, of at most maxDepth edges, either way (see Paths).
func (s *Store) Path(ctx context.Context, from, to string, maxDepth int) ([]Triple, error) {
	ps, err := s.Paths(ctx, from, to, PathOptions{MaxDepth: maxDepth})
	if err != nil {
		return nil, err
	}
	return ps[0].Edges, nil
}

// traversal reads the graph around entities for one search.
type traversal struct {
	ctx      context.Context
	txn      *badger.Txn
	cf       *edgeFilter
	dir      Direction
	cache    headSource
	shared   *readCache        // of the state txn reads, if any
	adj      map[adjKey][]link // neighbours read so far
	ends     map[uint64]bool   // entities exempt from the type filter
	strength bool              // the strength index is built
}

type adjKey struct {
	id  uint64
	dir Direction
}

// newTraversal starts a search with txn, a read transaction, and shared,
// the cache of what txn reads (s.cacheFor(txn): nil when there is none).
func (s *Store) newTraversal(ctx context.Context, txn *badger.Txn, shared *readCache, cf *edgeFilter, dir Direction, ends map[uint64]bool) *traversal {
	t := &traversal{ctx: ctx, txn: txn, cf: cf, dir: dir, cache: heads{},
		adj: map[adjKey][]link{}, ends: ends, strength: s.strength, shared: shared}
	if shared != nil {
		t.cache = shared
	}
	return t
}

// link is an edge seen from one of its ends: the edge and the entity at
// its other end.
type link struct {
	node uint64
	tid  uint64
}

// strongest calls fn for each edge of entity id in direction dir that the
// filter keeps, strongest first (stated most often, then most confident,
// then oldest), until fn returns false. fn gets the edge's record when it
// was read for the filter, else nil: without a filter no record is read.
func (t *traversal) strongest(id uint64, dir Direction, fn func(l link, e *edgeRec) (bool, error)) error {
	if !t.strength {
		return t.strongestSorted(id, dir, fn)
	}
	return scan(t.ctx, t.txn, key(pStrength, id), "", func(item *badger.Item) (bool, error) {
		var (
			tid, other uint64
			out, ok    bool
		)
		err := item.Value(func(v []byte) error {
			tid, other, out, ok = parseStrength(item.Key(), v)
			return nil
		})
		if err != nil {
			return false, err
		}
		if !ok {
			return false, fmt.Errorf("graph: corrupt strength index entry %q", item.Key())
		}
		if (out && dir == Incoming) || (!out && dir == Outgoing) {
			return true, nil
		}
		var e *edgeRec
		if t.cf != nil {
			if e, err = t.shared.edge(t.txn, tid); err != nil {
				return false, err
			}
			if keep, err := t.cf.keeps(tid, e, other, t.exempt, t.entity); err != nil || !keep {
				return err == nil, err
			}
		}
		return fn(link{node: other, tid: tid}, e)
	})
}

// strongestSorted is strongest for a store without the strength index:
// it reads every edge of id and sorts them.
func (t *traversal) strongestSorted(id uint64, dir Direction, fn func(l link, e *edgeRec) (bool, error)) error {
	type neighbor struct {
		link
		edge edgeRec
	}
	var nbrs []neighbor
	err := eachEdge(t.ctx, t.txn, id, dir, t.cf, t.exempt, t.entity,
		func(tid uint64, e *edgeRec, other uint64, _ bool) error {
			nbrs = append(nbrs, neighbor{link: link{node: other, tid: tid}, edge: *e})
			return nil
		})
	if err != nil {
		return err
	}
	sort.SliceStable(nbrs, func(i, j int) bool {
		a, b := &nbrs[i].edge, &nbrs[j].edge
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if ca, cb := confidence(a), confidence(b); ca != cb {
			return ca > cb
		}
		return nbrs[i].tid < nbrs[j].tid
	})
	for i := range nbrs {
		if more, err := fn(nbrs[i].link, &nbrs[i].edge); err != nil || !more {
			return err
		}
	}
	return nil
}

// links lists the entities next to id in direction dir through edges the
// filter keeps, strongest first, remembering them for the search.
func (t *traversal) links(id uint64, dir Direction) ([]link, error) {
	k := adjKey{id, dir}
	if ls, ok := t.adj[k]; ok {
		return ls, nil
	}
	var out []link
	err := t.strongest(id, dir, func(l link, _ *edgeRec) (bool, error) {
		out = append(out, l)
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	t.adj[k] = out
	return out, nil
}

// reverse is the direction that walks edges the other way.
func (d Direction) reverse() Direction {
	switch d {
	case Outgoing:
		return Incoming
	case Incoming:
		return Outgoing
	}
	return Both
}

// eachEdge calls fn for every edge of entity id in direction dir that cf
// keeps (nil: every one), in index order, outgoing ones first, with the
// entity at its other end. The type filter applies to that entity unless
// exempt says otherwise; entity loads its record.
func eachEdge(ctx context.Context, txn *badger.Txn, id uint64, dir Direction, cf *edgeFilter,
	exempt func(uint64) bool, entity func(uint64) (entityHead, error),
	fn func(tid uint64, e *edgeRec, other uint64, outgoing bool) error) error {
	for _, p := range []byte{pBySubj, pByObj} {
		if (p == pBySubj && dir == Incoming) || (p == pByObj && dir == Outgoing) {
			continue
		}
		err := scan(ctx, txn, key(p, id), "", func(item *badger.Item) (bool, error) {
			tid, err := indexedID(item)
			if err != nil {
				return false, err
			}
			var e edgeRec
			if err := getJSON(txn, key(pEdge, tid), &e); err != nil {
				return false, err
			}
			other := e.O
			if p == pByObj {
				other = e.S
			}
			if keep, err := cf.keeps(tid, &e, other, exempt, entity); err != nil || !keep {
				return err == nil, err
			}
			return true, fn(tid, &e, other, p == pBySubj)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (t *traversal) entity(id uint64) (entityHead, error) { return t.cache.get(t.txn, id) }

// exempt reports whether the type filter spares entity id: an end of the
// search.
func (t *traversal) exempt(id uint64) bool { return t.ends[id] }

// neighborEdge is an edge and its record.
type neighborEdge struct {
	tid  uint64
	edge edgeRec
}

// pair is two entities, either way round.
type pair [2]uint64

func pairOf(a, b uint64) pair {
	if a > b {
		a, b = b, a
	}
	return pair{a, b}
}

// shortest is a breadth-first search for a shortest route (a list of
// entities) from a to b of at most maxLen edges that avoids the banned
// entities and the banned links; nil when there is none. It searches from
// both ends at once, a level at a time from the side whose frontier is
// smaller, so that it meets in the middle instead of reading everything
// within maxLen hops of a. The first meeting is a shortest route: until
// the two searches have covered as many hops as the shortest route has,
// they cannot meet.
func (t *traversal) shortest(a, b uint64, maxLen int, bannedNodes map[uint64]bool, bannedLinks map[pair]bool) ([]uint64, error) {
	if a == b {
		return []uint64{a}, nil
	}
	type side struct {
		prev     map[uint64]uint64 // each entity reached, and the one it was reached from
		frontier []uint64
		dir      Direction
	}
	from := &side{prev: map[uint64]uint64{a: a}, frontier: []uint64{a}, dir: t.dir}
	to := &side{prev: map[uint64]uint64{b: b}, frontier: []uint64{b}, dir: t.dir.reverse()}
	for hops := 0; hops < maxLen && len(from.frontier) > 0 && len(to.frontier) > 0; hops++ {
		this, other := from, to
		if len(to.frontier) < len(from.frontier) {
			this, other = to, from
		}
		var next []uint64
		for _, id := range this.frontier {
			ls, err := t.links(id, this.dir)
			if err != nil {
				return nil, err
			}
			for _, l := range ls {
				n := l.node
				if _, ok := this.prev[n]; ok || bannedNodes[n] || bannedLinks[pairOf(id, n)] {
					continue
				}
				this.prev[n] = id
				if _, ok := other.prev[n]; ok {
					return joinRoute(from.prev, to.prev, a, b, n), nil
				}
				if len(from.prev)+len(to.prev) >= maxVisit {
					return nil, nil
				}
				next = append(next, n)
			}
		}
		this.frontier = next
	}
	return nil, nil
}

// joinRoute is the route from a to b through the entity m where the two
// searches met.
func joinRoute(fromA, fromB map[uint64]uint64, a, b, m uint64) []uint64 {
	var route []uint64
	for x := m; x != a; x = fromA[x] {
		route = append(route, x)
	}
	route = append(route, a)
	slices.Reverse(route)
	for x := m; x != b; {
		x = fromB[x]
		route = append(route, x)
	}
	return route
}

// yen finds up to k shortest loopless routes from a to b of at most maxLen
// edges.
func (t *traversal) yen(a, b uint64, maxLen, k int) ([][]uint64, error) {
	first, err := t.shortest(a, b, maxLen, nil, nil)
	if err != nil || first == nil {
		return nil, err
	}
	found := [][]uint64{first}
	var cands [][]uint64
	known := map[string]bool{routeKey(first): true}
	for len(found) < k {
		last := found[len(found)-1]
		for i := 0; i < len(last)-1; i++ {
			spur, root := last[i], last[:i+1]
			bannedLinks := map[pair]bool{}
			for _, r := range found {
				if len(r) > i+1 && samePrefix(r, root) {
					bannedLinks[pairOf(r[i], r[i+1])] = true
				}
			}
			bannedNodes := map[uint64]bool{}
			for _, n := range root[:i] {
				bannedNodes[n] = true
			}
			tail, err := t.shortest(spur, b, maxLen-i, bannedNodes, bannedLinks)
			if err != nil {
				return nil, err
			}
			if tail == nil {
				continue
			}
			r := append(append([]uint64(nil), root[:i]...), tail...)
			if kk := routeKey(r); !known[kk] {
				known[kk] = true
				cands = append(cands, r)
			}
		}
		if len(cands) == 0 {
			break
		}
		// the shortest candidate next; among equals, the one found first
		sort.SliceStable(cands, func(i, j int) bool { return len(cands[i]) < len(cands[j]) })
		found = append(found, cands[0])
		cands = cands[1:]
	}
	return found, nil
}

func samePrefix(r, root []uint64) bool {
	for i := range root {
		if r[i] != root[i] {
			return false
		}
	}
	return true
}

func routeKey(r []uint64) string { return fmt.Sprint(r) }

// path turns a route into entities and, between each two, their most
// confident edge the filter keeps.
func (t *traversal) path(route []uint64) (Path, error) {
	var p Path
	for i, id := range route {
		e, err := loadEntity(t.txn, id)
		if err != nil {
			return Path{}, err
		}
		p.Nodes = append(p.Nodes, e)
		if i == 0 {
			continue
		}
		ls, err := t.links(route[i-1], t.dir)
		if err != nil {
			return Path{}, err
		}
		var best *neighborEdge
		for _, l := range ls {
			if l.node != id {
				continue
			}
			e, err := t.shared.edge(t.txn, l.tid)
			if err != nil {
				return Path{}, err
			}
			n := &neighborEdge{tid: l.tid, edge: *e}
			if best == nil || confidence(&n.edge) > confidence(&best.edge) ||
				(confidence(&n.edge) == confidence(&best.edge) && n.tid < best.tid) {
				best = n
			}
		}
		if best == nil {
			return Path{}, fmt.Errorf("graph: no edge between E%d and E%d on a found path", route[i-1], id)
		}
		tr, err := edgeTriple(t.txn, best.tid, &best.edge, t.cache)
		if err != nil {
			return Path{}, err
		}
		p.Edges = append(p.Edges, tr)
	}
	return p, nil
}
