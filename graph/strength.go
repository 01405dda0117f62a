package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"log/slog"
	"math"

	"github.com/dgraph-io/badger/v4"
)

// The strength index lists each entity's edges strongest first: stated most
// often, then most confident, then oldest, the order in which Neighborhood
// takes them. One key per end of each edge:
//
//	Z eid ^count ^confidence tid dir   → the id of the entity at the other end
//
// count is a uint32, confidence in thousandths a uint16 (both inverted, so
// that the strongest sort first) and dir is dirOut when eid is the subject,
// dirIn when it is the object. A traversal reads an entity's strongest
// edges first and stops at its limit, without reading, decoding and sorting
// every edge of a hub; a path search reads neighbours without reading edge
// records at all.
//
// Every edge record is written through putEdge and deleted through delEdge,
// which keep the index in step with it.
const (
	pStrength = 'Z'

	dirOut byte = 0
	dirIn  byte = 1

	// The index is built when the meta counter strengthMeta holds
	// strengthVersion (Open builds it for older stores).
	strengthMeta    = "strengthindex"
	strengthVersion = 1
)

// strengthKey is the index key of edge tid (record e) at end eid.
func strengthKey(eid uint64, tid uint64, e *edgeRec, dir byte) []byte {
	k := make([]byte, 0, 1+8+4+2+8+1)
	k = append(k, pStrength)
	k = binary.BigEndian.AppendUint64(k, eid)
	k = binary.BigEndian.AppendUint32(k, ^uint32(max(e.Count, 0)))
	k = binary.BigEndian.AppendUint16(k, ^thousandths(e))
	k = binary.BigEndian.AppendUint64(k, tid)
	return append(k, dir)
}

// thousandths is an edge's confidence as Neighborhood compares it.
func thousandths(e *edgeRec) uint16 {
	return uint16(math.Round(confidence(e) * 1000))
}

// strengthKeys are the two index keys of edge tid and their values.
func strengthKeys(tid uint64, e *edgeRec) (keys, vals [2][]byte) {
	return [2][]byte{strengthKey(e.S, tid, e, dirOut), strengthKey(e.O, tid, e, dirIn)},
		[2][]byte{u64(nil, e.O), u64(nil, e.S)}
}

// parseStrength reads an index entry: the edge, the entity at the other
// end, and whether the entity it is filed under is the subject.
func parseStrength(k, v []byte) (tid, other uint64, out bool, ok bool) {
	if len(k) != 1+8+4+2+8+1 || len(v) != 8 {
		return 0, 0, false, false
	}
	return binary.BigEndian.Uint64(k[15:23]), binary.BigEndian.Uint64(v), k[23] == dirOut, true
}

// putEdge writes the record of edge tid, replacing the index keys of the
// record it had in this transaction, if any.
func (w *writer) putEdge(tid uint64, e *edgeRec) error {
	old, err := w.storedEdge(tid)
	if err != nil {
		return err
	}
	return w.putEdgeOver(tid, old, e)
}

// storedEdge is the record of edge tid as the transaction sees it, nil
// when there is none.
func (w *writer) storedEdge(tid uint64) (*edgeRec, error) {
	var e edgeRec
	switch err := getJSON(w.txn, key(pEdge, tid), &e); {
	case err == nil:
		return &e, nil
	case errors.Is(err, badger.ErrKeyNotFound):
		return nil, nil
	default:
		return nil, err
	}
}

// putEdgeOver is putEdge when the caller has the stored record, old (nil
// for a new edge).
func (w *writer) putEdgeOver(tid uint64, old, e *edgeRec) error {
	keys, vals := strengthKeys(tid, e)
	same := [2]bool{}
	if old != nil {
		oldKeys, oldVals := strengthKeys(tid, old)
		for i := range oldKeys {
			if string(oldKeys[i]) == string(keys[i]) && string(oldVals[i]) == string(vals[i]) {
				same[i] = true
				continue
			}
			if err := w.del(oldKeys[i]); err != nil {
				return err
			}
		}
	}
	for i := range keys {
		if same[i] {
			continue
		}
		if err := w.set(keys[i], vals[i]); err != nil {
			return err
		}
	}
	return w.put(key(pEdge, tid), e)
}

// delEdge deletes the record of edge tid and its index keys.
func (w *writer) delEdge(tid uint64) error {
	old, err := w.storedEdge(tid)
	if err != nil {
		return err
	}
	if old != nil {
		keys, _ := strengthKeys(tid, old)
		for _, k := range keys {
			if err := w.del(k); err != nil {
				return err
			}
		}
	}
	return w.del(key(pEdge, tid))
}

// hasStrengthIndex reports whether the store's strength index is built: a
// store of an older build opened read-only has none, and traversals then
// read and sort every edge instead.
func hasStrengthIndex(txn *badger.Txn) (bool, error) {
	v, err := readCounter(txn, key(pMeta, strengthMeta))
	return v == strengthVersion, err
}

// buildStrengthIndex builds the strength index from the edge records unless
// it is built, as buildWordIndex does the word index: stale keys of a
// partial build first go, then the keys are written in batches, and only
// then is the marker set.
func (s *Store) buildStrengthIndex(ctx context.Context, log *slog.Logger) error {
	var built bool
	if err := s.db.View(func(txn *badger.Txn) (err error) {
		built, err = hasStrengthIndex(txn)
		return err
	}); err != nil || built {
		return err
	}
	read := s.db.NewTransaction(false)
	defer read.Discard()
	stale, edges := 0, 0
	err := s.writeBatch(func(wb *badger.WriteBatch) error {
		return scan(ctx, read, []byte{pStrength}, "", func(item *badger.Item) (bool, error) {
			stale++
			return true, wb.Delete(item.KeyCopy(nil))
		})
	})
	if err != nil {
		return err
	}
	err = s.writeBatch(func(wb *badger.WriteBatch) error {
		return scan(ctx, read, []byte{pEdge}, "", func(item *badger.Item) (bool, error) {
			k := item.Key()
			if len(k) != 9 {
				return true, nil
			}
			var e edgeRec
			if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &e) }); err != nil {
				return false, err
			}
			edges++
			keys, vals := strengthKeys(binary.BigEndian.Uint64(k[1:]), &e)
			for i := range keys {
				if err := wb.Set(keys[i], vals[i]); err != nil {
					return false, err
				}
			}
			return true, nil
		})
	})
	if err != nil {
		return err
	}
	if log != nil && edges+stale > 0 {
		log.Info("graph: built the strength index", "edges", edges, "stale", stale)
	}
	return s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(key(pMeta, strengthMeta), u64(nil, strengthVersion))
	})
}
