package graph

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// The change log (keyspace L) lists, for every write transaction, the
// entities, edges and documents it touched: added, changed or removed. It
// is written in the same transaction as the change, so no change is lost
// to a crash, and it is what kg push sends to Dgraph: the ids of what
// changed since the last push, read again as they are now (gone ones are
// deleted there).
//
//	L seq   changeRec, seq from the meta counter changeseq
//
// The store id (meta key storeid, a string) is made once, by the first
// read-write open, and names the store's nodes in Dgraph, so that several
// stores can share one.
const (
	pChange      = 'L'
	changeSeqKey = "changeseq"
	storeIDKey   = "storeid"
)

type changeRec struct {
	E []uint64 `json:"e,omitempty"`
	T []uint64 `json:"t,omitempty"`
	D []string `json:"d,omitempty"`
}

// Change is what one write transaction touched: ids of entities, edges
// and documents added, changed or removed.
type Change struct {
	Seq       uint64
	Entities  []string
	Triples   []string
	Documents []string
}

// changes is what a writer has touched so far.
type changes struct {
	e, t map[uint64]bool
	d    map[string]bool
}

// touch notes the entity, edge or document a key written or deleted
// belongs to.
func (w *writer) touch(k []byte) {
	if len(k) == 0 {
		return
	}
	if w.changed.e == nil {
		w.changed = changes{e: map[uint64]bool{}, t: map[uint64]bool{}, d: map[string]bool{}}
	}
	switch k[0] {
	case pEntity:
		if len(k) == 9 {
			w.changed.e[binary.BigEndian.Uint64(k[1:])] = true
		}
	case pEdge, pEvidence:
		if len(k) >= 9 {
			w.changed.t[binary.BigEndian.Uint64(k[1:9])] = true
		}
	case pDoc:
		w.changed.d[string(k[1:])] = true
	}
}

// logChanges writes the change record of what the writer touched, if
// anything, in its transaction.
func (w *writer) logChanges() error {
	c := w.changed
	if len(c.e)+len(c.t)+len(c.d) == 0 {
		return nil
	}
	var r changeRec
	for id := range c.e {
		r.E = append(r.E, id)
	}
	for id := range c.t {
		r.T = append(r.T, id)
	}
	for id := range c.d {
		r.D = append(r.D, id)
	}
	slices.Sort(r.E)
	slices.Sort(r.T)
	slices.Sort(r.D)
	seq, err := readCounter(w.txn, key(pMeta, changeSeqKey))
	if err != nil {
		return err
	}
	seq++
	if err := w.txn.Set(key(pMeta, changeSeqKey), u64(nil, seq)); err != nil {
		return err
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	w.changed = changes{}
	return w.txn.Set(key(pChange, seq), b)
}

// ensureStoreID makes the store id if the store has none.
func (s *Store) ensureStoreID() error {
	return s.db.Update(func(txn *badger.Txn) error {
		if _, err := txn.Get(key(pMeta, storeIDKey)); err == nil || !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		var b [5]byte
		if _, err := rand.Read(b[:]); err != nil {
			return err
		}
		return txn.Set(key(pMeta, storeIDKey), []byte("kg"+hex.EncodeToString(b[:])))
	})
}

// StoreID is the store's id, made by its first read-write open ("" for a
// store never opened read-write since ids exist).
func (sn *Snapshot) StoreID() (string, error) {
	it, err := sn.txn.Get(key(pMeta, storeIDKey))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return "", nil
	}
	if err != nil {
		return "", translate(err)
	}
	b, err := it.ValueCopy(nil)
	return string(b), translate(err)
}

// ChangeSeq is the sequence number of the last change logged (0: none).
func (sn *Snapshot) ChangeSeq() (uint64, error) {
	v, err := readCounter(sn.txn, key(pMeta, changeSeqKey))
	return v, translate(err)
}

// Changes calls fn for every change logged after seq, in order.
func (sn *Snapshot) Changes(after uint64, fn func(Change) error) error {
	opt := badger.DefaultIteratorOptions
	opt.Prefix = []byte{pChange}
	it := sn.txn.NewIterator(opt)
	defer it.Close()
	for it.Seek(key(pChange, after+1)); it.ValidForPrefix(opt.Prefix); it.Next() {
		if err := sn.ctx.Err(); err != nil {
			return err
		}
		k := it.Item().Key()
		if len(k) != 9 {
			continue
		}
		var r changeRec
		if err := it.Item().Value(func(b []byte) error { return jsonUnmarshal(b, &r) }); err != nil {
			return translate(err)
		}
		c := Change{Seq: binary.BigEndian.Uint64(k[1:]), Documents: r.D}
		for _, id := range r.E {
			c.Entities = append(c.Entities, entityID(id))
		}
		for _, id := range r.T {
			c.Triples = append(c.Triples, tripleID(id))
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}

// Entity returns entity id ("E12") as it is in the snapshot, or
// ErrNotFound when it is not (or no longer) stored.
func (sn *Snapshot) Entity(id string) (Entity, error) {
	n, ok := parseID(id, 'E')
	if !ok {
		return Entity{}, fmt.Errorf("graph.Entity %q: %w", id, ErrNotFound)
	}
	e, err := loadEntity(sn.txn, n)
	if err != nil {
		return Entity{}, fmt.Errorf("graph.Entity %q: %w", id, translate(err))
	}
	return e, nil
}

// Triple returns edge id ("T7") as it is in the snapshot, without its
// evidence, or ErrNotFound when it is not (or no longer) stored.
func (sn *Snapshot) Triple(id string) (Triple, error) {
	n, ok := parseID(id, 'T')
	if !ok {
		return Triple{}, fmt.Errorf("graph.Triple %q: %w", id, ErrNotFound)
	}
	var e edgeRec
	if err := getJSON(sn.txn, key(pEdge, n), &e); err != nil {
		return Triple{}, fmt.Errorf("graph.Triple %q: %w", id, translate(err))
	}
	t, err := edgeTriple(sn.txn, n, &e, sn.names)
	if err != nil {
		return Triple{}, fmt.Errorf("graph.Triple %q: %w", id, translate(err))
	}
	return t, nil
}
