package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// Entity returns the entity called name: by canonical name or any alias,
// case-insensitively. Where several entities share the alias, a named entity
// beats a concept, then the one whose canonical name it is, then the most
// mentioned.
func (s *Store) Entity(ctx context.Context, name string) (Entity, error) {
	var e Entity
	err := s.view(ctx, func(txn *badger.Txn) error {
		c := s.cacheFor(txn)
		id, err := c.lookup(txn, name)
		if err != nil {
			return err
		}
		e, err = c.entity(txn, id)
		return err
	})
	if err != nil {
		return Entity{}, fmt.Errorf("graph.Entity %q: %w", name, translate(err))
	}
	return e, nil
}

// EntityByID returns the entity with the given id ("E12").
func (s *Store) EntityByID(ctx context.Context, id string) (Entity, error) {
	n, ok := parseID(id, 'E')
	if !ok {
		return Entity{}, fmt.Errorf("graph.EntityByID %q: %w", id, ErrNotFound)
	}
	var e Entity
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		e, err = s.cacheFor(txn).entity(txn, n)
		return err
	})
	if err != nil {
		return Entity{}, fmt.Errorf("graph.EntityByID %q: %w", id, translate(err))
	}
	return e, nil
}

func lookup(txn *badger.Txn, name string) (uint64, error) {
	f := Fold(name)
	if f == "" {
		return 0, badger.ErrKeyNotFound
	}
	ids, err := aliasIDs(txn, f)
	if err != nil {
		return 0, err
	}
	// A named entity beats a concept, then a canonical name beats an
	// alias, then more mentions win.
	if len(ids) == 1 {
		return ids[0], nil
	}
	var best uint64
	bestRank, bestMentions := -1, -1
	for _, id := range ids {
		var r entityHead
		if err := getJSON(txn, key(pEntity, id), &r); err != nil {
			return 0, err
		}
		rank := 0
		if r.Type != Concept {
			rank += 2
		}
		if Fold(r.Name) == f {
			rank++
		}
		if rank > bestRank || (rank == bestRank && r.Mentions > bestMentions) {
			best, bestRank, bestMentions = id, rank, r.Mentions
		}
	}
	if best == 0 {
		return 0, badger.ErrKeyNotFound
	}
	return best, nil
}

func loadEntity(txn *badger.Txn, id uint64) (Entity, error) {
	var r entityRec
	if err := getJSON(txn, key(pEntity, id), &r); err != nil {
		return Entity{}, err
	}
	return r.entity(id), nil
}

func (r *entityRec) entity(id uint64) Entity {
	return Entity{ID: entityID(id), Name: r.Name, Type: r.Type, Aliases: r.Aliases, Mentions: r.Mentions}
}

// EntityFilter selects entities: by a prefix of the canonical name or of any
// alias, and by type. Blank fields match all.
type EntityFilter struct {
	Prefix string
	Type   string
}

// Entities lists entities matching f, a page at a time, and the cursor of
// the last one. With a prefix they come in alias order, otherwise by id.
func (s *Store) Entities(ctx context.Context, f EntityFilter, p Page) ([]Entity, string, error) {
	var out []Entity
	var last []byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		out, last, err = entities(ctx, txn, f, p)
		return err
	})
	if err != nil {
		return nil, "", fmt.Errorf("graph.Entities: %w", translate(err))
	}
	return out, cursor(last), nil
}

// CountEntities counts the entities matching f.
func (s *Store) CountEntities(ctx context.Context, f EntityFilter) (int, error) {
	n := 0
	err := s.view(ctx, func(txn *badger.Txn) error {
		if f.Prefix == "" && f.Type == "" {
			v, err := readCounter(txn, key(pMeta, "entities"))
			n = int(v)
			return err
		}
		all, _, err := entities(ctx, txn, f, Page{})
		n = len(all)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("graph.CountEntities: %w", translate(err))
	}
	return n, nil
}

func entities(ctx context.Context, txn *badger.Txn, f EntityFilter, p Page) ([]Entity, []byte, error) {
	prefix := []byte{pEntity}
	folded := Fold(f.Prefix)
	if folded != "" {
		prefix = key(pAlias, folded)
	}
	var out []Entity
	var last []byte
	err := scan(ctx, txn, prefix, p.After, func(item *badger.Item) (bool, error) {
		k := item.Key()
		var (
			id  uint64
			rec entityRec
		)
		if folded == "" {
			id = binary.BigEndian.Uint64(k[1:])
			if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &rec) }); err != nil {
				return false, err
			}
		} else {
			id = idOfAlias(k)
			if err := getJSON(txn, key(pEntity, id), &rec); err != nil {
				if errors.Is(err, badger.ErrKeyNotFound) {
					return true, nil
				}
				return false, err
			}
			// Show each entity once: at the first of its aliases that matches.
			if firstMatching(rec.Aliases, folded) != string(k[1:len(k)-9]) {
				return true, nil
			}
		}
		if f.Type != "" && !strings.EqualFold(rec.Type, f.Type) {
			return true, nil
		}
		e := rec.entity(id)
		e.Cursor = cursor(k)
		out = append(out, e)
		last = append(last[:0], k...)
		return p.Limit <= 0 || len(out) < p.Limit, nil
	})
	if err != nil {
		return nil, nil, err
	}
	return out, last, nil
}

// scan calls fn for every item whose key starts with prefix, from just past
// the cursor after (blank: from the start), until fn returns false.
//
// It does not prefetch values: Badger would start a goroutine per item to
// do it, and the values are small and kept in the LSM tree
// (ValueThreshold), where an item's Value reads them at once. Every 64
// items it yields the processor: a long scan (a traversal from a hub) runs
// without blocking, and would otherwise keep a server's other requests
// from reading and writing for up to Go's 10 ms preemption slice; over
// HTTP the p99 of neighborhood(depth 2) went from 25 to 100 ms without
// prefetching, and back to 26 ms with the yields.
func scan(ctx context.Context, txn *badger.Txn, prefix []byte, after string, fn func(*badger.Item) (bool, error)) error {
	from, err := uncursor(after, prefix)
	if err != nil {
		return err
	}
	opt := badger.DefaultIteratorOptions
	opt.Prefix = prefix
	opt.PrefetchValues = false
	it := txn.NewIterator(opt)
	defer it.Close()
	start := prefix
	if from != nil {
		start = from
	}
	n := 0
	for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
		if n++; n%64 == 0 {
			runtime.Gosched()
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if from != nil && bytes.Equal(it.Item().Key(), from) {
			continue
		}
		more, err := fn(it.Item())
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// firstMatching is the smallest folded alias that starts with prefix.
func firstMatching(aliases []string, prefix string) string {
	best := ""
	for _, a := range aliases {
		f := Fold(a)
		if strings.HasPrefix(f, prefix) && (best == "" || f < best) {
			best = f
		}
	}
	return best
}

// Match lists the stored triples that p selects, a page at a time, and the
// cursor of the last one. Subject and Object name entities by any alias; a
// name that matches no entity matches no triple.
func (s *Store) Match(ctx context.Context, p Pattern, pg Page) ([]Triple, string, error) {
	var out []Triple
	var last []byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		out, last, err = match(ctx, txn, p, pg, false)
		return err
	})
	if err != nil {
		return nil, "", fmt.Errorf("graph.Match %v: %w", p, translate(err))
	}
	return out, cursor(last), nil
}

// Count counts the triples that p selects.
func (s *Store) Count(ctx context.Context, p Pattern) (int, error) {
	n := 0
	err := s.view(ctx, func(txn *badger.Txn) error {
		if p.IsZero() {
			v, err := readCounter(txn, key(pMeta, "triples"))
			n = int(v)
			return err
		}
		all, _, err := match(ctx, txn, p, Page{}, true)
		n = len(all)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("graph.Count %v: %w", p, translate(err))
	}
	return n, nil
}

// match scans the narrowest index for p. With countOnly the triples are
// left empty but one is returned per match.
func match(ctx context.Context, txn *badger.Txn, p Pattern, pg Page, countOnly bool) ([]Triple, []byte, error) {
	sid, err := end(txn, p.SubjectID, p.Subject)
	if err != nil {
		return nil, nil, nilIfNotFound(err)
	}
	oid, err := end(txn, p.ObjectID, p.Object)
	if err != nil {
		return nil, nil, nilIfNotFound(err)
	}
	rel := strings.ToLower(strings.TrimSpace(p.Relation))
	var prefix []byte
	// where the edge id sits: in the value for index keys, in the key for T.
	switch {
	case sid != 0:
		prefix = key(pBySubj, sid)
		if rel != "" {
			prefix = key(pBySubj, sid, rel, byte(0))
		}
	case oid != 0:
		prefix = key(pByObj, oid)
		if rel != "" {
			prefix = key(pByObj, oid, rel, byte(0))
		}
	case rel != "":
		prefix = key(pByRel, rel, byte(0))
	default:
		prefix = []byte{pEdge}
	}
	cf, err := compileFilter(txn, p.Filter)
	if err != nil {
		return nil, nil, nilIfNotFound(err)
	}
	names := heads{}
	var out []Triple
	var last []byte
	// visit tests one edge and, when it matches, adds it; it reports
	// whether to go on.
	visit := func(k []byte, tid uint64, e *edgeRec) (bool, error) {
		if (sid != 0 && e.S != sid) || (oid != 0 && e.O != oid) || (rel != "" && e.Rel != rel) || !cf.edge(tid, e) {
			return true, nil
		}
		if ok, err := cf.dated(tid); err != nil || !ok {
			return err == nil, err
		}
		var t Triple
		if !countOnly || cf.hasTypes() {
			var err error
			if t, err = edgeTriple(txn, tid, e, names); err != nil {
				return false, err
			}
			switch {
			case sid != 0 && oid == 0:
				if !cf.typ(t.ObjectType) {
					return true, nil
				}
			case oid != 0 && sid == 0:
				if !cf.typ(t.SubjectType) {
					return true, nil
				}
			case !cf.typ(t.SubjectType) && !cf.typ(t.ObjectType):
				return true, nil
			}
		}
		if countOnly {
			out = append(out, Triple{})
			return true, nil
		}
		t.Cursor = cursor(k)
		out = append(out, t)
		last = append(last[:0], k...)
		return pg.Limit <= 0 || len(out) < pg.Limit, nil
	}
	if prefix[0] == pEdge && cf != nil && cf.docs != nil {
		// a document's edges: its own list, not every edge
		from, err := uncursor(pg.After, prefix)
		if err != nil {
			return nil, nil, err
		}
		for _, tid := range cf.docEdges(from) {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			var e edgeRec
			if err := getJSON(txn, key(pEdge, tid), &e); err != nil {
				if errors.Is(err, badger.ErrKeyNotFound) {
					continue
				}
				return nil, nil, err
			}
			more, err := visit(key(pEdge, tid), tid, &e)
			if err != nil {
				return nil, nil, err
			}
			if !more {
				break
			}
		}
		return out, last, nil
	}
	err = scan(ctx, txn, prefix, pg.After, func(item *badger.Item) (bool, error) {
		k := item.Key()
		var tid uint64
		var e edgeRec
		if prefix[0] == pEdge {
			tid = binary.BigEndian.Uint64(k[1:])
			if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &e) }); err != nil {
				return false, err
			}
		} else {
			var err error
			if tid, err = indexedID(item); err != nil {
				return false, err
			}
			if err := getJSON(txn, key(pEdge, tid), &e); err != nil {
				return false, err
			}
		}
		return visit(k, tid, &e)
	})
	if err != nil {
		return nil, nil, err
	}
	return out, last, nil
}

// indexedID reads the edge id an index entry holds.
func indexedID(item *badger.Item) (uint64, error) {
	var id uint64
	err := item.Value(func(b []byte) error {
		if len(b) != 8 {
			return fmt.Errorf("graph: corrupt index entry %q", item.Key())
		}
		id = binary.BigEndian.Uint64(b)
		return nil
	})
	return id, err
}

// end resolves one end of a pattern: by id if given, else by name; 0 when
// neither is given.
func end(txn *badger.Txn, id, name string) (uint64, error) {
	if id != "" {
		n, ok := parseID(id, 'E')
		if !ok {
			return 0, badger.ErrKeyNotFound
		}
		if _, err := txn.Get(key(pEntity, n)); err != nil {
			return 0, err
		}
		return n, nil
	}
	if name != "" {
		return lookup(txn, name)
	}
	return 0, nil
}

func nilIfNotFound(err error) error {
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil
	}
	return err
}

// maxConfidence caps an edge's combined confidence: sentences repeating a
// fact are not independent witnesses, so no number of them makes it sure.
const maxConfidence = 0.99

// confidence is an edge's combined confidence, as shown.
func confidence(e *edgeRec) float64 {
	return math.Min(maxConfidence, math.Round((1-e.Miss)*1000)/1000)
}

// entityHead is the part of an entity record that names it. Decoding it
// skips the aliases, which are most of the record of an entity often
// mentioned.
type entityHead struct {
	Name     string `json:"n"`
	Type     string `json:"t"`
	Mentions int    `json:"m"`
}

// heads caches the heads of entity records for one read.
type heads map[uint64]entityHead

// maxHeads bounds a heads cache: about 12 MB, the heads of every entity of
// a store of a few million edges.
const maxHeads = 1 << 17

// get reads the head of entity id through the cache, which it clears when
// large.
func (h heads) get(txn *badger.Txn, id uint64) (entityHead, error) {
	if r, ok := h[id]; ok {
		return r, nil
	}
	var r entityHead
	if err := getJSON(txn, key(pEntity, id), &r); err != nil {
		return r, err
	}
	if len(h) >= maxHeads {
		clear(h)
	}
	h[id] = r
	return r, nil
}

// edgeTriple turns an edge record into a Triple, naming its ends through a
// per-read cache.
func edgeTriple(txn *badger.Txn, tid uint64, e *edgeRec, cache headSource) (Triple, error) {
	end := func(id uint64) (entityHead, error) { return cache.get(txn, id) }
	sr, err := end(e.S)
	if err != nil {
		return Triple{}, err
	}
	or, err := end(e.O)
	if err != nil {
		return Triple{}, err
	}
	return Triple{
		ID: tripleID(tid), Subject: sr.Name, Relation: e.Rel, Object: or.Name,
		SubjectType: sr.Type, ObjectType: or.Type,
		SubjectText: e.SubjText, RelationText: e.RelText, ObjectText: e.ObjText,
		Confidence: confidence(e), Count: e.Count, Negated: e.Neg, Modality: e.Modality, AttributedTo: e.Attr,
		SubjectID: entityID(e.S), ObjectID: entityID(e.O),
	}, nil
}

// Triple returns the stored triple with the given id ("T7").
func (s *Store) Triple(ctx context.Context, id string) (Triple, error) {
	n, ok := parseID(id, 'T')
	if !ok {
		return Triple{}, fmt.Errorf("graph.Triple %q: %w", id, ErrNotFound)
	}
	var t Triple
	err := s.view(ctx, func(txn *badger.Txn) error {
		var e edgeRec
		if err := getJSON(txn, key(pEdge, n), &e); err != nil {
			return err
		}
		var err error
		t, err = edgeTriple(txn, n, &e, heads{})
		return err
	})
	if err != nil {
		return Triple{}, fmt.Errorf("graph.Triple %q: %w", id, translate(err))
	}
	return t, nil
}

// Evidence lists the sentences that state triple id, in ingest order, at
// most limit of them (0: all).
func (s *Store) Evidence(ctx context.Context, id string, limit int) ([]Evidence, error) {
	out, _, err := s.EvidencePage(ctx, id, Page{Limit: limit})
	for i := range out {
		out[i].Cursor = ""
	}
	return out, err
}

// EvidencePage lists the sentences that state triple id, in ingest order, a
// page at a time, and the cursor of the last one.
func (s *Store) EvidencePage(ctx context.Context, id string, p Page) ([]Evidence, string, error) {
	n, ok := parseID(id, 'T')
	if !ok {
		return nil, "", fmt.Errorf("graph.Evidence %q: %w", id, ErrNotFound)
	}
	var out []Evidence
	var last []byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		if _, err := txn.Get(key(pEdge, n)); err != nil {
			return err
		}
		return scan(ctx, txn, key(pEvidence, n), p.After, func(item *badger.Item) (bool, error) {
			var r evidenceRec
			if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &r) }); err != nil {
				return false, err
			}
			out = append(out, Evidence{DocumentID: r.Doc, Sentence: r.Sentence, Text: r.Text, Start: r.Start,
				End: r.End, SubjectText: r.SubjText, RelationText: r.RelText, ObjectText: r.ObjText,
				Confidence: r.Conf, AttributedTo: r.Attr, Cursor: cursor(item.Key())})
			last = append(last[:0], item.Key()...)
			return p.Limit <= 0 || len(out) < p.Limit, nil
		})
	})
	if err != nil {
		return nil, "", fmt.Errorf("graph.Evidence %q: %w", id, translate(err))
	}
	return out, cursor(last), nil
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.view(ctx, func(txn *badger.Txn) error {
		for _, c := range []struct {
			name string
			dst  *int
		}{
			{"documents", &st.Documents}, {"sentences", &st.Sentences}, {"tokens", &st.Tokens},
			{"entities", &st.Entities}, {"triples", &st.Triples}, {"relations", &st.Relations},
			{"evidence", &st.Evidence},
		} {
			v, err := readCounter(txn, key(pMeta, c.name))
			if err != nil {
				return err
			}
			*c.dst = int(v)
		}
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("graph.Stats: %w", translate(err))
	}
	return st, nil
}

func readCounter(txn *badger.Txn, k []byte) (uint64, error) {
	it, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return counterValue(it)
}

// counterValue reads a counter's big-endian uint64 value.
func counterValue(item *badger.Item) (uint64, error) {
	var v uint64
	err := item.Value(func(b []byte) error {
		if len(b) == 8 {
			v = binary.BigEndian.Uint64(b)
		}
		return nil
	})
	return v, err
}

// Relation is a relation name and how many edges carry it.
type Relation struct {
	Name   string
	Edges  int
	Cursor string // where it stands in the listing that returned it
}

// Relations lists every relation with its number of edges, by name.
func (s *Store) Relations(ctx context.Context) ([]Relation, error) {
	out, _, err := s.RelationsPage(ctx, "", Page{})
	return out, err
}

// RelationsPage lists the relations that start with prefix (blank: all),
// by name, a page at a time, and the cursor of the last one.
func (s *Store) RelationsPage(ctx context.Context, prefix string, p Page) ([]Relation, string, error) {
	var out []Relation
	var last []byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scan(ctx, txn, key(pRelation, normRelation(prefix)), p.After, func(item *badger.Item) (bool, error) {
			n, err := counterValue(item)
			out = append(out, Relation{Name: string(item.Key()[1:]), Edges: int(n), Cursor: cursor(item.Key())})
			last = append(last[:0], item.Key()...)
			return err == nil && (p.Limit <= 0 || len(out) < p.Limit), err
		})
	})
	if err != nil {
		return nil, "", fmt.Errorf("graph.Relations: %w", translate(err))
	}
	return out, cursor(last), nil
}

// DocumentEntities lists the entities document id mentions, by id, a page
// at a time, and the cursor of the last one. ErrNotFound when there is no
// such document.
func (s *Store) DocumentEntities(ctx context.Context, id string, p Page) ([]Entity, string, error) {
	var out []Entity
	var last []byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		var d docRec
		if err := getJSON(txn, key(pDoc, id), &d); err != nil {
			return err
		}
		from, err := uncursor(p.After, []byte{pEntity})
		if err != nil {
			return err
		}
		for _, eid := range d.Entities {
			k := key(pEntity, eid)
			if from != nil && string(k) <= string(from) {
				continue
			}
			e, err := loadEntity(txn, eid)
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			e.Cursor = cursor(k)
			out = append(out, e)
			last = k
			if p.Limit > 0 && len(out) >= p.Limit {
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("graph.DocumentEntities %q: %w", id, translate(err))
	}
	return out, cursor(last), nil
}

// Each calls fn for every stored triple, in id order, streaming: memory
// does not grow with the store. It stops at the first error fn returns.
func (s *Store) Each(ctx context.Context, fn func(Triple) error) error {
	err := s.view(ctx, func(txn *badger.Txn) error {
		cache := heads{}
		return scan(ctx, txn, []byte{pEdge}, "", func(item *badger.Item) (bool, error) {
			var e edgeRec
			if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &e) }); err != nil {
				return false, err
			}
			t, err := edgeTriple(txn, binary.BigEndian.Uint64(item.Key()[1:]), &e, cache)
			if err != nil {
				return false, err
			}
			return true, fn(t)
		})
	})
	return translate(err)
}

// DocumentInfo describes a stored document.
type DocumentInfo struct {
	ID, Title, Source, URL, Date, Hash string
	Sentences, Tokens, Triples         int
	Added                              string // RFC 3339
	Cursor                             string // where it stands in the listing that returned it
}

// Documents lists stored documents in ingest order, a page at a time.
func (s *Store) Documents(ctx context.Context, p Page) ([]DocumentInfo, string, error) {
	var out []DocumentInfo
	var last []byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scan(ctx, txn, []byte{pDocSeq}, p.After, func(item *badger.Item) (bool, error) {
			id, err := item.ValueCopy(nil)
			if err != nil {
				return false, err
			}
			var d docRec
			if err := getJSON(txn, key(pDoc, string(id)), &d); err != nil {
				return false, err
			}
			info := d.info()
			info.Cursor = cursor(item.Key())
			out = append(out, info)
			last = append(last[:0], item.Key()...)
			return p.Limit <= 0 || len(out) < p.Limit, nil
		})
	})
	if err != nil {
		return nil, "", fmt.Errorf("graph.Documents: %w", translate(err))
	}
	return out, cursor(last), nil
}

// Document returns the stored document with the given id.
func (s *Store) Document(ctx context.Context, id string) (DocumentInfo, error) {
	var d docRec
	err := s.view(ctx, func(txn *badger.Txn) error { return getJSON(txn, key(pDoc, id), &d) })
	if err != nil {
		return DocumentInfo{}, fmt.Errorf("graph.Document %q: %w", id, translate(err))
	}
	return d.info(), nil
}

func (d *docHead) info() DocumentInfo {
	return DocumentInfo{ID: d.ID, Title: d.Title, Source: d.Source, URL: d.URL, Date: d.Date, Hash: d.Hash,
		Sentences: d.Sentences, Tokens: d.Tokens, Triples: d.Triples, Added: d.Added.Format("2006-01-02T15:04:05Z07:00")}
}

// HasText reports whether a text with this content hash is stored, and
// under which document id.
func (s *Store) HasText(ctx context.Context, hash string) (string, bool, error) {
	var id string
	err := s.view(ctx, func(txn *badger.Txn) error {
		it, err := txn.Get(key(pHash, hash))
		if err != nil {
			return err
		}
		b, err := it.ValueCopy(nil)
		id = string(b)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("graph.HasText: %w", err)
	}
	return id, true, nil
}
