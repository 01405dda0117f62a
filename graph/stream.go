package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// Selection says which part of the graph a Snapshot streams: the edges
// Filter keeps, around an entity or in the whole graph.
type Selection struct {
	// Filter keeps edges. Without Around its Types are the types both
	// ends must have (the entities of those types and the edges between
	// them); with Around they are the types of the entities reached, as
	// for Neighborhood.
	Filter EdgeFilter
	// Around names an entity (by name or any alias, or by id like "E12");
	// blank: the whole graph. Its neighbourhood is the entities within
	// Depth hops of it, either way, through edges Filter keeps, and the
	// edges of the entities closer than Depth: what Neighborhood returns,
	// with no limit.
	Around string
	Depth  int
}

// IsZero reports whether s selects the whole graph.
func (s Selection) IsZero() bool { return s.Around == "" && s.Filter.IsZero() }

// Snapshot is a consistent view of the store, to be read through in
// several passes (nodes, then edges, then documents) that agree with each
// other even while documents are being added. It is valid only inside the
// function given to Store.Snapshot. Every pass streams: memory grows with
// the entities selected (a bit each, or an id each around an entity),
// never with the edges.
type Snapshot struct {
	ctx   context.Context
	txn   *badger.Txn
	names heads             // entity heads, cleared when large
	docs  map[uint64]string // document ids by sequence number, cleared when large
	// ev iterates over evidence keys, made on first use: edges are read
	// in id order, and so is their evidence, and moving one iterator on
	// costs much less than making one for each edge
	ev *badger.Iterator
	// evAt: ev has read the evidence of every edge up to this id, when
	// evUsed; ev then stands on the first key after that edge's
	evAt   uint64
	evUsed bool
}

// Snapshot calls fn with a read-only snapshot of the store.
func (s *Store) Snapshot(ctx context.Context, fn func(*Snapshot) error) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		sn := &Snapshot{ctx: ctx, txn: txn, names: heads{}, docs: map[uint64]string{}}
		defer func() {
			if sn.ev != nil {
				sn.ev.Close()
			}
		}()
		return fn(sn)
	})
}

// evidence calls fn with each evidence key of edge n and its item.
func (sn *Snapshot) evidence(n uint64, fn func(k []byte, item *badger.Item) error) error {
	if err := sn.ctx.Err(); err != nil {
		return err
	}
	if sn.ev == nil {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = []byte{pEvidence}
		sn.ev = sn.txn.NewIterator(opt)
	}
	prefix := key(pEvidence, n)
	if !sn.evUsed || n <= sn.evAt {
		sn.ev.Seek(prefix)
	} else {
		// edges come in id order, and so do their evidence keys: the
		// iterator stands on or before n's first key, and a few steps on
		// cost much less than a seek through every level
		for steps := 0; sn.ev.Valid() && bytes.Compare(sn.ev.Item().Key(), prefix) < 0; steps++ {
			if steps == 8 {
				sn.ev.Seek(prefix)
				break
			}
			sn.ev.Next()
		}
	}
	sn.evUsed, sn.evAt = true, n
	for ; sn.ev.ValidForPrefix(prefix); sn.ev.Next() {
		item := sn.ev.Item()
		if err := fn(item.Key(), item); err != nil {
			sn.evUsed = false // fn may have stopped midway
			return err
		}
	}
	return nil
}

// Check reports whether sel can be streamed: ErrNotFound when its entity
// or its document is not stored, ErrInvalid when its filter makes no sense.
func (sn *Snapshot) Check(sel Selection) error {
	_, err := sn.compile(sel)
	return err
}

// selection is a Selection ready to stream in one transaction.
type selection struct {
	cf    *edgeFilter
	root  uint64 // the entity around which, or 0
	depth int
}

func (sn *Snapshot) compile(sel Selection) (*selection, error) {
	c := &selection{depth: max(sel.Depth, 0)}
	if sel.Around != "" {
		id, err := sn.entityNamed(sel.Around)
		if err != nil {
			return nil, err
		}
		c.root = id
	}
	cf, err := compileFilter(sn.txn, sel.Filter)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, fmt.Errorf("no document %q: %w", sel.Filter.Document, ErrNotFound)
	}
	if err != nil {
		return nil, translate(err)
	}
	c.cf = cf
	return c, nil
}

// entityNamed finds an entity by id ("E12") or by name or alias.
func (sn *Snapshot) entityNamed(name string) (uint64, error) {
	if n, ok := parseID(name, 'E'); ok {
		if _, err := sn.txn.Get(key(pEntity, n)); err == nil {
			return n, nil
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return 0, err
		}
	}
	id, err := lookup(sn.txn, name)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, fmt.Errorf("no entity called %q: %w", name, ErrNotFound)
	}
	return id, err
}

// Edges calls fn for every edge sel selects, streaming. Without Around
// they come in id order; with Filter.Relations, relation by relation (in
// name order), each in index order; with Filter.Document, in id order
// from the document's list. Around an entity they come node by node,
// nearest first, each edge once.
func (sn *Snapshot) Edges(sel Selection, fn func(Triple) error) error {
	c, err := sn.compile(sel)
	if err != nil {
		return err
	}
	if c.root == 0 && c.cf == nil && len(sn.names) == 0 {
		// the whole graph: its edges name nearly every entity, in no
		// order, and one pass over the entity records costs a fraction of
		// looking each one up
		if err := sn.readHeads(); err != nil {
			return translate(err)
		}
	}
	err = sn.edges(c, func(tid uint64, e *edgeRec) error {
		t, err := edgeTriple(sn.txn, tid, e, sn.names)
		if err != nil {
			return err
		}
		return fn(t)
	})
	return translate(err)
}

// Nodes calls fn for every entity at an end of an edge sel selects, in id
// order. Around an entity, the entity itself is always one of them. It
// reads the selected edges once to find them (a bit per entity id), so it
// costs an extra pass over the edges.
func (sn *Snapshot) Nodes(sel Selection, fn func(Entity) error) error {
	c, err := sn.compile(sel)
	if err != nil {
		return err
	}
	var ids []uint64
	if c.root != 0 {
		order, _, err := sn.reach(c)
		if err != nil {
			return translate(err)
		}
		ids = slices.Sorted(slices.Values(order))
	} else if c.cf == nil {
		// the whole graph: every entity that is an end of an edge, which
		// its record counts (Check holds it to that)
		return translate(sn.eachEntity(func(_ uint64, r *entityRec) bool { return r.Edges > 0 }, fn))
	} else {
		var set bitset
		err := sn.edges(c, func(_ uint64, e *edgeRec) error {
			set.add(e.S)
			set.add(e.O)
			return nil
		})
		if err != nil {
			return translate(err)
		}
		return translate(sn.eachEntity(func(id uint64, _ *entityRec) bool { return set.has(id) }, fn))
	}
	for _, id := range ids {
		if err := sn.ctx.Err(); err != nil {
			return err
		}
		e, err := loadEntity(sn.txn, id)
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return translate(err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// eachEntity calls fn for the entities keep keeps, in one pass over the
// entity records in id order: much faster than looking each one up. It
// keeps their heads for the edges, which an export writes next.
func (sn *Snapshot) eachEntity(keep func(id uint64, r *entityRec) bool, fn func(Entity) error) error {
	return scan(sn.ctx, sn.txn, []byte{pEntity}, "", func(item *badger.Item) (bool, error) {
		k := item.Key()
		if len(k) != 9 {
			return true, nil
		}
		id := binary.BigEndian.Uint64(k[1:])
		var r entityRec
		if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &r) }); err != nil {
			return false, err
		}
		if !keep(id, &r) {
			return true, nil
		}
		if len(sn.names) < maxHeads {
			sn.names[id] = entityHead{Name: r.Name, Type: r.Type, Mentions: r.Mentions}
		}
		return true, fn(r.entity(id))
	})
}

// readHeads reads the heads of entities into the snapshot's cache in one
// pass over their records, in id order, until the cache is full.
func (sn *Snapshot) readHeads() error {
	return scan(sn.ctx, sn.txn, []byte{pEntity}, "", func(item *badger.Item) (bool, error) {
		k := item.Key()
		if len(k) != 9 {
			return true, nil
		}
		if len(sn.names) >= maxHeads {
			return false, nil
		}
		var r entityHead
		if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &r) }); err != nil {
			return false, err
		}
		sn.names[binary.BigEndian.Uint64(k[1:])] = r
		return true, nil
	})
}

// Entities calls fn for every entity, in id order, edges or not.
func (sn *Snapshot) Entities(fn func(Entity) error) error {
	return translate(sn.eachEntity(func(uint64, *entityRec) bool { return true }, fn))
}

// Evidence lists the sentences that state triple id, in ingest order.
func (sn *Snapshot) Evidence(id string) ([]Evidence, error) {
	n, ok := parseID(id, 'T')
	if !ok {
		return nil, fmt.Errorf("graph.Evidence %q: %w", id, ErrNotFound)
	}
	var out []Evidence
	err := sn.evidence(n, func(_ []byte, item *badger.Item) error {
		var r evidenceRec
		if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &r) }); err != nil {
			return err
		}
		out = append(out, Evidence{DocumentID: r.Doc, Sentence: r.Sentence, Text: r.Text, Start: r.Start,
			End: r.End, SubjectText: r.SubjText, RelationText: r.RelText, ObjectText: r.ObjText,
			Confidence: r.Conf, AttributedTo: r.Attr})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Evidence %q: %w", id, translate(err))
	}
	return out, nil
}

// Sources lists the ids of the documents that state triple id, in ingest
// order, each once. It reads keys only.
func (sn *Snapshot) Sources(id string) ([]string, error) {
	n, ok := parseID(id, 'T')
	if !ok {
		return nil, fmt.Errorf("graph.Sources %q: %w", id, ErrNotFound)
	}
	prefix := key(pEvidence, n)
	var out []string
	var last uint64
	err := sn.evidence(n, func(k []byte, _ *badger.Item) error {
		if len(k) < len(prefix)+8 {
			return nil
		}
		seq := binary.BigEndian.Uint64(k[len(prefix):])
		if seq == last {
			return nil
		}
		last = seq
		doc, err := sn.docID(seq)
		if err != nil || doc == "" {
			return err
		}
		out = append(out, doc)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Sources %q: %w", id, translate(err))
	}
	return out, nil
}

// docID is the id of the document with sequence number seq, or "" when
// it is gone.
func (sn *Snapshot) docID(seq uint64) (string, error) {
	if id, ok := sn.docs[seq]; ok {
		return id, nil
	}
	it, err := sn.txn.Get(key(pDocSeq, seq))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	b, err := it.ValueCopy(nil)
	if err != nil {
		return "", err
	}
	if len(sn.docs) >= maxHeads {
		clear(sn.docs)
	}
	sn.docs[seq] = string(b)
	return string(b), nil
}

// Document returns the stored document with the given id.
func (sn *Snapshot) Document(id string) (DocumentInfo, error) {
	var d docHead
	if err := getJSON(sn.txn, key(pDoc, id), &d); err != nil {
		return DocumentInfo{}, fmt.Errorf("graph.Document %q: %w", id, translate(err))
	}
	return d.info(), nil
}

// Documents calls fn for every document, in ingest order.
func (sn *Snapshot) Documents(fn func(DocumentInfo) error) error {
	err := scan(sn.ctx, sn.txn, []byte{pDocSeq}, "", func(item *badger.Item) (bool, error) {
		id, err := item.ValueCopy(nil)
		if err != nil {
			return false, err
		}
		var d docHead // the lists are not wanted
		if err := getJSON(sn.txn, key(pDoc, string(id)), &d); err != nil {
			if errors.Is(err, badger.ErrKeyNotFound) {
				return true, nil
			}
			return false, err
		}
		return true, fn(d.info())
	})
	return translate(err)
}

// edges calls fn for every edge c selects; see Edges for the order.
func (sn *Snapshot) edges(c *selection, fn func(tid uint64, e *edgeRec) error) error {
	if c.root != 0 {
		return sn.around(c, fn)
	}
	// visit applies the filter to an edge and hands on those it keeps
	visit := func(tid uint64, e *edgeRec) error {
		if !c.cf.edge(tid, e) {
			return nil
		}
		if ok, err := c.cf.dated(tid); err != nil || !ok {
			return err
		}
		if c.cf.hasTypes() {
			for _, end := range []uint64{e.S, e.O} {
				r, err := sn.entity(end)
				if err != nil {
					return err
				}
				if !c.cf.typ(r.Type) {
					return nil
				}
			}
		}
		return fn(tid, e)
	}
	switch {
	case c.cf != nil && c.cf.docs != nil:
		for _, tid := range c.cf.docEdges(nil) {
			if err := sn.ctx.Err(); err != nil {
				return err
			}
			var e edgeRec
			if err := getJSON(sn.txn, key(pEdge, tid), &e); err != nil {
				if errors.Is(err, badger.ErrKeyNotFound) {
					continue
				}
				return err
			}
			if err := visit(tid, &e); err != nil {
				return err
			}
		}
		return nil
	case c.cf != nil && c.cf.rels != nil:
		rels := make([]string, 0, len(c.cf.rels))
		for r := range c.cf.rels {
			rels = append(rels, r)
		}
		slices.Sort(rels)
		for _, r := range rels {
			err := scan(sn.ctx, sn.txn, key(pByRel, r, byte(0)), "", func(item *badger.Item) (bool, error) {
				tid, err := indexedID(item)
				if err != nil {
					return false, err
				}
				var e edgeRec
				if err := getJSON(sn.txn, key(pEdge, tid), &e); err != nil {
					return false, err
				}
				return true, visit(tid, &e)
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
	return scan(sn.ctx, sn.txn, []byte{pEdge}, "", func(item *badger.Item) (bool, error) {
		var e edgeRec
		if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &e) }); err != nil {
			return false, err
		}
		return true, visit(binary.BigEndian.Uint64(item.Key()[1:]), &e)
	})
}

// reached is where an entity stands in a neighbourhood.
type reached struct {
	dist int // hops from the start
	rank int // place in breadth-first order
}

// reach walks breadth-first from c.root, c.depth hops, through the edges
// the filter keeps, and returns the entities reached in the order reached.
func (sn *Snapshot) reach(c *selection) ([]uint64, map[uint64]reached, error) {
	seen := map[uint64]reached{c.root: {}}
	order := []uint64{c.root}
	frontier := []uint64{c.root}
	for d := 0; d < c.depth && len(frontier) > 0; d++ {
		var next []uint64
		for _, id := range frontier {
			err := sn.adjacent(c, id, func(_ uint64, _ *edgeRec, other uint64, _ bool) error {
				if _, ok := seen[other]; !ok {
					seen[other] = reached{dist: d + 1, rank: len(order)}
					order = append(order, other)
					next = append(next, other)
				}
				return nil
			})
			if err != nil {
				return nil, nil, err
			}
		}
		frontier = next
	}
	return order, seen, nil
}

// around streams the neighbourhood's edges: for every entity closer than
// c.depth, in breadth-first order, the edges the filter keeps, each once
// (an edge between two such entities at the one reached first, a loop at
// its subject side).
func (sn *Snapshot) around(c *selection, fn func(tid uint64, e *edgeRec) error) error {
	order, seen, err := sn.reach(c)
	if err != nil {
		return err
	}
	for _, id := range order {
		me := seen[id]
		if me.dist >= c.depth {
			break // order is by distance: the rest are at the edge
		}
		err := sn.adjacent(c, id, func(tid uint64, e *edgeRec, other uint64, outgoing bool) error {
			o, ok := seen[other]
			if !ok {
				return nil // cannot happen: every neighbour of a closer entity is reached
			}
			if other == id && !outgoing {
				return nil // a loop, met again from its object side
			}
			if other != id && o.dist < c.depth && o.rank < me.rank {
				return nil // written from the other end already
			}
			return fn(tid, e)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// adjacent calls fn for every edge of entity id the selection's filter
// keeps, outgoing ones first, with the entity at its other end.
func (sn *Snapshot) adjacent(c *selection, id uint64, fn func(tid uint64, e *edgeRec, other uint64, outgoing bool) error) error {
	return eachEdge(sn.ctx, sn.txn, id, Both, c.cf, func(n uint64) bool { return n == c.root }, sn.entity, fn)
}

// entity reads the head of an entity record through the snapshot's cache.
func (sn *Snapshot) entity(id uint64) (entityHead, error) { return sn.names.get(sn.txn, id) }

// bitset is a set of entity ids, a bit each.
type bitset []uint64

func (b *bitset) add(id uint64) {
	w := id / 64
	if w >= uint64(len(*b)) {
		*b = append(*b, make([]uint64, w+1-uint64(len(*b)))...)
	}
	(*b)[w] |= 1 << (id % 64)
}

func (b bitset) has(id uint64) bool {
	w := id / 64
	return w < uint64(len(b)) && b[w]&(1<<(id%64)) != 0
}
