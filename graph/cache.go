package graph

import (
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
)

// readCache keeps records that reads of one state of the store decoded, for
// other reads of that same state. Every read transaction Badger starts
// between two commits gets the same read timestamp and sees the same data,
// so a record one of them decoded is the record any other would: the cache
// belongs to one timestamp, and a commit (a new timestamp) starts a new one.
// Reads of an older state than the cache's go without it; so do writes,
// which see their own changes.
//
// The cache is what makes repeated queries cheap on a store that is read
// far more than written: the entities and edges people look at are read
// from Badger and decoded once, not once per query.
type readCache struct {
	ts    uint64
	size  atomic.Int64
	heads sync.Map // entity id → entityHead
	ents  sync.Map // entity id → Entity
	names sync.Map // folded name → entity id (0: no such entity)
	edges sync.Map // edge id → *edgeRec
}

// maxCached bounds the records of a cache, about 40 MB; past it, a new
// cache of the same state starts empty.
const maxCached = 1 << 17

// cacheFor returns the cache of the state a read transaction sees, or nil
// when the transaction sees an older state than the newest cache.
func (s *Store) cacheFor(txn *badger.Txn) *readCache {
	ts := txn.ReadTs()
	for {
		c := s.cache.Load()
		switch {
		case c != nil && c.ts == ts && c.size.Load() < maxCached:
			return c
		case c != nil && c.ts > ts:
			return nil
		}
		if s.cache.CompareAndSwap(c, &readCache{ts: ts}) {
			return s.cache.Load()
		}
	}
}

// add counts a record put in the cache.
func (c *readCache) add() { c.size.Add(1) }

// get reads the head of entity id: a headSource.
func (c *readCache) get(txn *badger.Txn, id uint64) (entityHead, error) {
	if v, ok := c.heads.Load(id); ok {
		return v.(entityHead), nil
	}
	if v, ok := c.ents.Load(id); ok {
		e := v.(Entity)
		return entityHead{Name: e.Name, Type: e.Type, Mentions: e.Mentions}, nil
	}
	var r entityHead
	if err := getJSON(txn, key(pEntity, id), &r); err != nil {
		return r, err
	}
	c.heads.Store(id, r)
	c.add()
	return r, nil
}

// entity reads entity id whole. c may be nil.
func (c *readCache) entity(txn *badger.Txn, id uint64) (Entity, error) {
	if c == nil {
		return loadEntity(txn, id)
	}
	e, ok := c.ents.Load(id)
	if !ok {
		var err error
		if e, err = loadEntity(txn, id); err != nil {
			return Entity{}, err
		}
		c.ents.Store(id, e)
		c.add()
	}
	out := e.(Entity)
	out.Aliases = slices.Clone(out.Aliases) // the caller's to change
	return out, nil
}

// lookup finds the entity called name, as the function lookup. c may be
// nil.
func (c *readCache) lookup(txn *badger.Txn, name string) (uint64, error) {
	if c == nil {
		return lookup(txn, name)
	}
	f := Fold(name)
	if v, ok := c.names.Load(f); ok {
		if id := v.(uint64); id != 0 {
			return id, nil
		}
		return 0, badger.ErrKeyNotFound
	}
	id, err := lookup(txn, name)
	switch {
	case err == nil:
	case err == badger.ErrKeyNotFound:
		id = 0
	default:
		return 0, err
	}
	c.names.Store(f, id)
	c.add()
	if id == 0 {
		return 0, badger.ErrKeyNotFound
	}
	return id, nil
}

// edge reads the record of edge tid. The record may be shared: the caller
// must not change it. c may be nil.
func (c *readCache) edge(txn *badger.Txn, tid uint64) (*edgeRec, error) {
	if c != nil {
		if v, ok := c.edges.Load(tid); ok {
			return v.(*edgeRec), nil
		}
	}
	e := new(edgeRec)
	if err := getJSON(txn, key(pEdge, tid), e); err != nil {
		return nil, err
	}
	if c != nil {
		c.edges.Store(tid, e)
		c.add()
	}
	return e, nil
}

// headSource reads the heads of entities: a heads map for one read, or a
// readCache shared by the reads of a state.
type headSource interface {
	get(txn *badger.Txn, id uint64) (entityHead, error)
}
