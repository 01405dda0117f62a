package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// Deleted reports what DeleteDocument changed.
type Deleted struct {
	Document DocumentInfo // the document, as it was

	Evidence int // evidence records removed

	EdgesDeleted []string // ids of edges left without evidence, and so deleted
	EdgesChanged []string // ids of edges that lost evidence and remain, recounted

	EntitiesDeleted []Entity // entities no other document mentions, as they were
	EntitiesChanged []string // ids of entities that lost mentions and remain
	// EntitiesKept lists the ids of entities the document mentioned that
	// were stored before mention records existed: which of their aliases
	// and mentions came from it is not known, so they are left as they are.
	EntitiesKept []string
}

// DeleteDocument deletes the document with the given id and exactly what
// it contributed: its evidence, its mentions, the aliases and type votes
// only it gave, and any edge or entity left with no evidence or mentions.
// Edges that keep evidence from other documents are recounted (count,
// confidence, first words) from what remains, and an entity renamed by the
// document gets its earlier name back when that name remains.
//
// It is one transaction: after an error nothing has changed. An unknown
// document is ErrNotFound, as a *RefusedError.
func (s *Store) DeleteDocument(ctx context.Context, id string) (Deleted, error) {
	const op = "graph.DeleteDocument"
	var res Deleted
	err := s.edit(ctx, op, fmt.Sprintf("%q", id), func(w *writer) error {
		var err error
		res, err = w.deleteDoc(ctx, op, id)
		return err
	})
	if err != nil {
		return Deleted{}, err
	}
	return res, nil
}

func (w *writer) deleteDoc(ctx context.Context, op, id string) (Deleted, error) {
	var d docRec
	if err := getJSON(w.txn, key(pDoc, id), &d); err != nil {
		if errors.Is(err, badger.ErrKeyNotFound) {
			return Deleted{}, refuse(op, ErrNotFound, "no document %q", id)
		}
		return Deleted{}, err
	}
	res := Deleted{Document: d.info()}

	// Evidence: the keys of document seq under an edge are V tid seq n.
	for _, tid := range d.Edges {
		var e edgeRec
		if err := getJSON(w.txn, key(pEdge, tid), &e); err != nil {
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			return res, err
		}
		evs, err := w.evidenceOf(ctx, tid)
		if err != nil {
			return res, err
		}
		mine := key(pEvidence, tid, d.Seq)
		var keep []evItem
		for _, ev := range evs {
			if string(ev.key[:len(mine)]) != string(mine) {
				keep = append(keep, ev)
				continue
			}
			if err := w.del(ev.key); err != nil {
				return res, err
			}
			res.Evidence++
		}
		if len(keep) == len(evs) {
			continue
		}
		if len(keep) == 0 {
			if err := w.deleteEdge(tid, &e); err != nil {
				return res, err
			}
			res.EdgesDeleted = append(res.EdgesDeleted, tripleID(tid))
			continue
		}
		e.tally(keep, true)
		if err := w.putEdge(tid, &e); err != nil {
			return res, err
		}
		res.EdgesChanged = append(res.EdgesChanged, tripleID(tid))
	}

	// Mentions: take back what the document's mention record of each
	// entity says it gave.
	for _, eid := range d.Entities {
		rec, err := w.entity(eid)
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return res, err
		}
		var m mentionRec
		mk := key(pMention, eid, d.Seq)
		switch err := getJSON(w.txn, mk, &m); {
		case errors.Is(err, badger.ErrKeyNotFound):
			res.EntitiesKept = append(res.EntitiesKept, entityID(eid))
			continue
		case err != nil:
			return res, err
		}
		if err := w.del(mk); err != nil {
			return res, err
		}
		before := rec.entity(eid)
		before.Aliases = append([]string(nil), rec.Aliases...)
		gone, err := w.unmention(ctx, eid, rec, &m)
		if err != nil {
			return res, err
		}
		if gone {
			res.EntitiesDeleted = append(res.EntitiesDeleted, before)
		} else {
			res.EntitiesChanged = append(res.EntitiesChanged, entityID(eid))
		}
	}

	for _, k := range [][]byte{key(pDoc, d.ID), key(pHash, d.Hash), key(pDocSeq, d.Seq)} {
		if err := w.del(k); err != nil {
			return res, err
		}
	}
	w.meta["documents"]--
	w.meta["sentences"] -= int64(d.Sentences)
	w.meta["tokens"] -= int64(d.Tokens)
	w.meta["evidence"] -= int64(res.Evidence)
	return res, nil
}

// unmention takes the mention record m of a deleted document back from
// entity eid, and deletes the entity when no document mentions it any more
// and no edge ends at it. It reports whether the entity was deleted.
func (w *writer) unmention(ctx context.Context, eid uint64, rec *entityRec, m *mentionRec) (bool, error) {
	// what the other documents say of it
	others := map[string]bool{}
	n := 0
	err := scan(ctx, w.txn, key(pMention, eid), "", func(item *badger.Item) (bool, error) {
		var o mentionRec
		if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &o) }); err != nil {
			return false, err
		}
		n++
		for _, a := range o.Aliases {
			others[a] = true
		}
		return true, nil
	})
	if err != nil {
		return false, err
	}
	if n == 0 && rec.Tracked && rec.Edges == 0 {
		return true, w.deleteEntity(ctx, eid, rec)
	}

	rec.Mentions = max(rec.Mentions-m.Mentions, 1)
	if rec.Votes != nil {
		for t, v := range m.Votes {
			if rec.Votes[t] -= v; rec.Votes[t] <= 0 {
				delete(rec.Votes, t)
			}
		}
		if len(rec.Votes) > 0 {
			rec.Type = majority(rec.Votes, rec.Type)
		}
	}
	if !rec.Tracked {
		return false, nil
	}
	kept := rec.Aliases[:0]
	var dropped []string
	for _, a := range rec.Aliases {
		if containsExact(m.Aliases, a) && !others[a] {
			dropped = append(dropped, a)
			continue
		}
		kept = append(kept, a)
	}
	if len(kept) == 0 {
		// edges with no mentions: a store edited by hand; keep its names
		rec.Aliases = append(kept, dropped...)
		return false, nil
	}
	rec.Aliases = kept
	for _, a := range dropped {
		if containsFold(kept, a) {
			continue // another spelling keeps the alias key
		}
		if err := w.dropAlias(a, eid); err != nil {
			return false, err
		}
	}
	if !containsFold(kept, rec.Name) {
		// the name only this document used: the one before it, if any
		if m.Renamed != "" && containsFold(kept, m.Renamed) {
			rec.Name = m.Renamed
		} else {
			rec.Name = longest(kept)
		}
	}
	return false, nil
}

// longest is the longest name of a list, the first of equals.
func longest(names []string) string {
	best := ""
	for _, n := range names {
		if len(n) > len(best) {
			best = n
		}
	}
	return best
}

// deleteEntity deletes an entity that has no edges and no mentions left,
// with its aliases and the split decisions about it.
func (w *writer) deleteEntity(ctx context.Context, eid uint64, rec *entityRec) error {
	for _, a := range rec.Aliases {
		if err := w.dropAlias(a, eid); err != nil {
			return err
		}
	}
	splits, err := w.decisions(ctx, eid)
	if err != nil {
		return err
	}
	for _, f := range splits {
		if err := w.del(key(pDecision, eid, f)); err != nil {
			return err
		}
	}
	if err := w.del(key(pEntity, eid)); err != nil {
		return err
	}
	delete(w.ents, eid)
	w.meta["entities"]--
	return nil
}
