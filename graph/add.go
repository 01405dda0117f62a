package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	gojson "github.com/goccy/go-json"
)

// Records as stored. JSON keeps them readable and lets fields be added.
type entityRec struct {
	Name     string         `json:"n"`
	Type     string         `json:"t"`
	Aliases  []string       `json:"a"`
	Mentions int            `json:"m"`
	Votes    map[string]int `json:"v,omitempty"` // mentions by type, for the majority type
	Edges    int            `json:"e"`           // edges it is an end of
	// Tracked: every document that mentions it has a mention record (all
	// entities stored since mention records exist). DeleteDocument deletes
	// an entity, or an alias of it, only when it is tracked.
	Tracked bool `json:"k,omitempty"`
}

// mentionRec is what one document contributed to an entity (key M eid dseq),
// so that deleting the document can take exactly that back.
type mentionRec struct {
	Mentions int            `json:"m"`
	Votes    map[string]int `json:"v,omitempty"` // its mentions by type
	Aliases  []string       `json:"a,omitempty"` // the names it used for the entity
	Renamed  string         `json:"r,omitempty"` // the canonical name before this document changed it
}

type edgeRec struct {
	S        uint64  `json:"s"`
	O        uint64  `json:"o"`
	Rel      string  `json:"r"`
	RelText  string  `json:"rt"`
	SubjText string  `json:"st"`
	ObjText  string  `json:"ot"`
	Miss     float64 `json:"x"` // product of (1 - confidence) over the evidence
	Count    int     `json:"c"`
	Neg      bool    `json:"ng,omitempty"`
	Modality string  `json:"md,omitempty"`
	Attr     string  `json:"at,omitempty"`
}

type evidenceRec struct {
	Doc      string  `json:"d"`
	Sentence int     `json:"i"`
	Text     string  `json:"x"`
	Start    int     `json:"s"`
	End      int     `json:"e"`
	SubjText string  `json:"st"`
	RelText  string  `json:"rt"`
	ObjText  string  `json:"ot"`
	Conf     float64 `json:"c"`
	Attr     string  `json:"at,omitempty"`
}

// docHead is what describes a document: a docRec without its lists, which
// reads that only describe documents leave undecoded.
type docHead struct {
	ID        string    `json:"id"`
	Seq       uint64    `json:"q"`
	Title     string    `json:"ti,omitempty"`
	Source    string    `json:"so,omitempty"`
	URL       string    `json:"u,omitempty"`
	Date      string    `json:"da,omitempty"`
	Hash      string    `json:"h"`
	Sentences int       `json:"ns"`
	Tokens    int       `json:"nt"`
	Triples   int       `json:"nx"`
	Added     time.Time `json:"at"`
}

// docRec is a document as stored (key D id). Its JSON is that of the
// fields of docHead, then the lists.
type docRec struct {
	docHead
	Edges    []uint64 `json:"ed,omitempty"` // edges this document gave evidence to
	Entities []uint64 `json:"en,omitempty"` // entities it mentions
	Tracked  bool     `json:"tk,omitempty"` // it wrote mention records (M keys)
}

// Added reports what storing one document changed.
type Added struct {
	DocumentID  string
	Duplicate   bool // the same text was stored before; nothing was added
	Sentences   int
	Entities    int // entities created
	Triples     int // edges created
	Evidence    int // evidence records added (new and existing edges)
	EntitiesHit int // distinct entities the document mentions
	// Merged counts stored entities merged into another because the
	// batch's documents showed them to be one ("Texaco" and "Texaco Inc",
	// "Fed" and "Federal Reserve", stored apart before): kg split undoes
	// one.
	Merged int
}

// Add stores a document and everything extracted from it, atomically: after
// an error nothing of it is stored. A document whose text hash is already
// stored adds nothing and reports Duplicate.
func (s *Store) Add(ctx context.Context, d Document) (Added, error) {
	r := s.AddBatch(ctx, []Document{d})
	return r[0].Added, r[0].Err
}

// AddResult is what AddBatch did with one document.
type AddResult struct {
	Added
	Err error
}

// maxBatchWrites and maxBatchBytes bound one AddBatch transaction, well
// under what Badger takes in one (ErrTxnTooBig: with 32 MiB memtables, about
// 50,000 writes or 4.8 MB).
var (
	maxBatchWrites = 10000
	maxBatchBytes  = 2 << 20
)

// AddBatch stores documents in order, as Add does, several to a Badger
// transaction: each document is stored whole or not at all, and one that
// fails does not stop the others. Entities the documents share are read and
// written once per transaction, not once per document.
func (s *Store) AddBatch(ctx context.Context, docs []Document) []AddResult {
	const op = "graph.Add"
	out := make([]AddResult, len(docs))
	var todo []int
	for i, d := range docs {
		switch {
		case s.readOnly:
			out[i].Err = fmt.Errorf("%s: %w", op, ErrReadOnly)
		case d.ID == "" || d.Hash == "":
			out[i].Err = fmt.Errorf("%s: document needs an id and a hash: %w", op, ErrInvalid)
		case tooLong(d) != "":
			out[i].Err = fmt.Errorf("%s: %s is over %d bytes long: %w", op, tooLong(d), maxPartLen, ErrInvalid)
		default:
			docs[i] = sanitize(d)
			todo = append(todo, i)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkSpace(); err != nil && len(todo) > 0 {
		for _, i := range todo {
			out[i].Err = fmt.Errorf("%s: %w", op, err)
		}
		return out
	}
	for len(todo) > 0 {
		if err := ctx.Err(); err != nil {
			for _, i := range todo {
				out[i].Err = err
			}
			break
		}
		n, failed, merges, err := s.addTxn(ctx, docs, todo, out)
		s.mergeCompanies(ctx, merges, todo[:max(n, 0)], out)
		switch {
		case err == nil:
		case failed < 0:
			// the commit failed: none of the batch is stored
			for _, i := range todo[:n] {
				out[i] = AddResult{Err: fmt.Errorf("%s %s: %w", op, docs[i].ID, translate(err))}
			}
		case errors.Is(err, badger.ErrTxnTooBig) && failed > 0:
			// the transaction is full: what came before is stored, and
			// the failed document starts the next one
			n = failed
		default:
			// the document failed; the ones before it are stored
			out[todo[failed]] = AddResult{Err: fmt.Errorf("%s %s: %w", op, docs[todo[failed]].ID, translate(err))}
			n = failed + 1
		}
		todo = todo[n:]
	}
	return out
}

// maxPartLen bounds what of a document goes into a key: ids, the hash,
// names, aliases, relations and modalities. Badger refuses keys over 65,000
// bytes; a relation and a modality share an edge key, and folding a name
// can make it half as long again.
const maxPartLen = 16 << 10

// tooLong names the first part of d that is over maxPartLen, or is "".
func tooLong(d Document) string {
	switch {
	case len(d.ID) > maxPartLen:
		return "the document id"
	case len(d.Hash) > maxPartLen:
		return "the hash"
	}
	for _, e := range d.Entities {
		if len(e.Name) > maxPartLen {
			return "an entity name"
		}
		for _, a := range e.Aliases {
			if len(a) > maxPartLen {
				return "an alias"
			}
		}
	}
	for _, t := range d.Triples {
		switch {
		case len(t.Subject) > maxPartLen || len(t.Object) > maxPartLen:
			return "an entity name"
		case len(t.Relation) > maxPartLen:
			return "a relation"
		case len(t.Modality) > maxPartLen:
			return "a modality"
		}
	}
	return ""
}

// addTxn adds the documents todo names, as many as fit in one transaction,
// and sets their results in out. It returns how many it stored. When
// document todo[failed] fails, the transaction is dropped and the ones
// before it are stored again in a fresh one; failed is -1 when none failed,
// or when the commit itself did.
func (s *Store) addTxn(ctx context.Context, docs []Document, todo []int, out []AddResult) (n, failed int, merges [][2]uint64, err error) {
	var res []AddResult
	failed = -1
	run := func(limit int) error {
		res, merges = res[:0], nil
		return s.db.Update(func(txn *badger.Txn) error {
			snap := s.db.NewTransaction(false)
			defer snap.Discard()
			w := &writer{txn: txn, ents: map[uint64]*entityRec{}, meta: map[string]int64{},
				snap: snap, aliasDelta: map[string]map[uint64]bool{}}
			for k, i := range todo[:limit] {
				if k > 0 && (w.writes >= maxBatchWrites || w.bytes >= maxBatchBytes || ctx.Err() != nil) {
					break
				}
				w.mentions = map[uint64]*mentionRec{}
				a, err := w.add(docs[i])
				switch {
				case errors.Is(err, ErrConflict):
					// found before anything of it was written
					res = append(res, AddResult{Err: fmt.Errorf("graph.Add %s: %w", docs[i].ID, err)})
				case err != nil:
					failed = k
					return err
				default:
					res = append(res, AddResult{Added: a})
				}
			}
			merges = w.merges
			return w.flush()
		})
	}
	err = run(len(todo))
	if failed > 0 {
		if err := run(failed); err != nil {
			return failed, -1, nil, err
		}
	}
	if err != nil && failed < 0 {
		merges = nil // the commit failed
	}
	for k, r := range res {
		out[todo[k]] = r
	}
	return len(res), failed, merges, err
}

// mergeCompanies merges the stored entities the documents just stored
// showed to be one company, each pair in a transaction of its own, as
// MergeEntities does, and counts them in the results of the documents done
// (on the first that succeeded). A pair one of whose entities is gone (an
// earlier pair took it) is skipped; a merge that fails (an entity with
// more edges than a transaction can rewrite) leaves the two as they were.
// The caller holds s.mu.
func (s *Store) mergeCompanies(ctx context.Context, merges [][2]uint64, done []int, out []AddResult) {
	const op = "graph.Add"
	for _, p := range merges {
		err := s.db.Update(func(txn *badger.Txn) error {
			w := &writer{txn: txn, ents: map[uint64]*entityRec{}, meta: map[string]int64{}}
			if _, err := w.merge(ctx, op, entityID(p[0]), entityID(p[1])); err != nil {
				return err
			}
			return w.flush()
		})
		if err != nil {
			continue
		}
		for _, i := range done {
			if out[i].Err == nil {
				out[i].Merged++
				break
			}
		}
	}
}

// writer holds one write transaction and what it has touched.
type writer struct {
	txn  *badger.Txn
	ents map[uint64]*entityRec // loaded or created entities, written at the end
	meta map[string]int64      // counter deltas
	// mentions collects what the document being added contributes to each
	// entity; nil outside Add.
	mentions map[uint64]*mentionRec
	// snap, when set, reads the alias index as it was when txn began, and
	// aliasDelta holds txn's changes to it (true added, false dropped):
	// iterating txn itself sorts every pending write each time.
	snap          *badger.Txn
	aliasDelta    map[string]map[uint64]bool
	writes, bytes int     // keys set or deleted, and their size
	changed       changes // what it touched, for the change log
	// merges are stored entities that the documents showed to be one
	// company (into, from), merged once the documents are stored
	merges [][2]uint64
}

func (w *writer) add(d Document) (Added, error) {
	res := Added{DocumentID: d.ID, Sentences: d.Sentences}
	if id, err := w.getString(key(pHash, d.Hash)); err == nil {
		res.DocumentID, res.Duplicate = id, true
		return res, nil
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return res, err
	}
	if _, err := w.txn.Get(key(pDoc, d.ID)); err == nil {
		return res, ErrConflict
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return res, err
	}
	seq, err := w.counter("docseq", 1)
	if err != nil {
		return res, err
	}
	doc := docRec{docHead: docHead{ID: d.ID, Seq: seq, Title: d.Title, Source: d.Source, URL: d.URL, Date: d.Date,
		Hash: d.Hash, Sentences: d.Sentences, Tokens: d.Tokens, Triples: len(d.Triples), Added: time.Now().UTC()},
		Tracked: true}

	// Resolve every entity the document names to a stored one, or create it.
	ids := map[string]uint64{}
	for _, e := range d.Entities {
		id, created, err := w.resolve(e)
		if err != nil {
			return res, err
		}
		if created {
			res.Entities++
		}
		ids[typedName(e.Type, e.Name)] = id
	}
	if err := w.sameInDocument(d.Entities, ids); err != nil {
		return res, err
	}
	end := func(name, typ, text string) (uint64, error) {
		if id, ok := ids[typedName(typ, name)]; ok {
			return id, nil
		}
		id, created, err := w.resolve(Entity{Name: name, Type: typ, Aliases: []string{text}, Mentions: 1})
		if err != nil {
			return 0, err
		}
		if created {
			res.Entities++
		}
		ids[typedName(typ, name)] = id
		return id, nil
	}
	edges := map[uint64]bool{}
	for i, t := range d.Triples {
		sid, err := end(t.Subject, t.SubjectType, t.SubjectText)
		if err != nil {
			return res, err
		}
		oid, err := end(t.Object, t.ObjectType, t.ObjectText)
		if err != nil {
			return res, err
		}
		if sid == oid || t.Relation == "" {
			continue
		}
		tid, created, err := w.addEdge(sid, oid, t)
		if err != nil {
			return res, err
		}
		if created {
			res.Triples++
		}
		edges[tid] = true
		ev := Evidence{DocumentID: d.ID, SubjectText: t.SubjectText, RelationText: t.RelationText,
			ObjectText: t.ObjectText, Confidence: t.Confidence, AttributedTo: t.AttributedTo}
		if len(t.Evidence) > 0 {
			e := t.Evidence[0]
			ev.Sentence, ev.Text, ev.Start, ev.End = e.Sentence, e.Text, e.Start, e.End
		}
		if err := w.put(key(pEvidence, tid, seq, uint32(i)), evidenceRec{Doc: ev.DocumentID,
			Sentence: ev.Sentence, Text: ev.Text, Start: ev.Start, End: ev.End, SubjText: ev.SubjectText,
			RelText: ev.RelationText, ObjText: ev.ObjectText, Conf: clamp01(ev.Confidence), Attr: ev.AttributedTo}); err != nil {
			return res, err
		}
		res.Evidence++
	}
	for id := range edges {
		doc.Edges = append(doc.Edges, id)
	}
	doc.Edges = sortedSet(doc.Edges)
	for _, id := range ids {
		doc.Entities = append(doc.Entities, id)
	}
	doc.Entities = sortedSet(doc.Entities)
	res.EntitiesHit = len(doc.Entities)
	for id, m := range w.mentions {
		if err := w.put(key(pMention, id, seq), m); err != nil {
			return res, err
		}
	}

	if err := w.put(key(pDoc, d.ID), doc); err != nil {
		return res, err
	}
	if err := w.set(key(pHash, d.Hash), []byte(d.ID)); err != nil {
		return res, err
	}
	if err := w.set(key(pDocSeq, seq), []byte(d.ID)); err != nil {
		return res, err
	}
	w.meta["documents"]++
	w.meta["sentences"] += int64(d.Sentences)
	w.meta["tokens"] += int64(d.Tokens)
	w.meta["evidence"] += int64(res.Evidence)
	return res, nil
}

// sanitize makes every string of d valid UTF-8, as JSON would on the way
// in, so that names compare equal to their stored copies.
func sanitize(d Document) Document {
	v := validUTF8
	vs := func(list []string) []string {
		out := make([]string, len(list))
		for i, s := range list {
			out[i] = v(s)
		}
		return out
	}
	d.ID, d.Title, d.Source, d.URL, d.Date = v(d.ID), v(d.Title), v(d.Source), v(d.URL), v(d.Date)
	ents := make([]Entity, len(d.Entities))
	for i, e := range d.Entities {
		e.Name, e.Type, e.Aliases = v(e.Name), v(e.Type), vs(e.Aliases)
		ents[i] = e
	}
	d.Entities = ents
	ts := make([]Triple, len(d.Triples))
	for i, t := range d.Triples {
		t.Subject, t.Relation, t.Object = v(t.Subject), strings.Join(strings.Fields(strings.ToLower(v(t.Relation))), " "), v(t.Object)
		t.SubjectType, t.ObjectType = v(t.SubjectType), v(t.ObjectType)
		t.SubjectText, t.RelationText, t.ObjectText = v(t.SubjectText), v(t.RelationText), v(t.ObjectText)
		t.Modality, t.AttributedTo = v(t.Modality), v(t.AttributedTo)
		if len(t.Evidence) > 0 {
			ev := append([]Evidence(nil), t.Evidence...)
			ev[0].Text = v(ev[0].Text)
			t.Evidence = ev
		}
		ts[i] = t
	}
	d.Triples = ts
	return d
}

// validUTF8 replaces each byte that is not UTF-8 with U+FFFD, as ranging
// over the string (and so Fold) sees it.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// typedName keys a document's entities by type and name, so that the
// extractor's two readings of one name are resolved one by one.
func typedName(typ, name string) string { return typ + "\x00" + Fold(name) }

func (w *writer) put(k []byte, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return w.set(k, b)
}

// set and del are how a writer changes keys, counting what it writes.
func (w *writer) set(k, v []byte) error {
	w.writes++
	w.bytes += len(k) + len(v)
	w.touch(k)
	return w.txn.Set(k, v)
}

func (w *writer) del(k []byte) error {
	w.writes++
	w.bytes += len(k)
	w.touch(k)
	return w.txn.Delete(k)
}

func (w *writer) getString(k []byte) (string, error) {
	it, err := w.txn.Get(k)
	if err != nil {
		return "", err
	}
	b, err := it.ValueCopy(nil)
	return string(b), err
}

// counter adds delta to a meta counter and returns the new value.
func (w *writer) counter(name string, delta int64) (uint64, error) {
	return w.counterAt(key(pMeta, name), delta)
}

func (w *writer) counterAt(k []byte, delta int64) (uint64, error) {
	v, err := readCounter(w.txn, k)
	if err != nil {
		return 0, err
	}
	v = uint64(int64(v) + delta)
	return v, w.set(k, u64(nil, v))
}

func (w *writer) entity(id uint64) (*entityRec, error) {
	if e, ok := w.ents[id]; ok {
		return e, nil
	}
	var e entityRec
	if err := getJSON(w.txn, key(pEntity, id), &e); err != nil {
		return nil, err
	}
	w.ents[id] = &e
	return &e, nil
}

// aliasIDs returns the ids of the entities the folded alias finds, in
// order, as the writer's transaction sees them.
func (w *writer) aliasIDs(folded string) ([]uint64, error) {
	if w.snap == nil {
		return aliasIDs(w.txn, folded)
	}
	ids, err := aliasIDs(w.snap, folded)
	if err != nil {
		return nil, err
	}
	delta := w.aliasDelta[folded]
	if len(delta) == 0 {
		return ids, nil
	}
	out := make([]uint64, 0, len(ids)+len(delta))
	for _, id := range ids {
		if on, ok := delta[id]; !ok || on {
			out = append(out, id)
		}
	}
	for id, on := range delta {
		if on {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// noteAlias records a change to the alias index in the writer's overlay.
func (w *writer) noteAlias(name string, id uint64, on bool) {
	if w.aliasDelta == nil {
		return
	}
	f := Fold(name)
	if w.aliasDelta[f] == nil {
		w.aliasDelta[f] = map[uint64]bool{}
	}
	w.aliasDelta[f][id] = on
}

func aliasIDs(txn *badger.Txn, folded string) ([]uint64, error) {
	if folded == "" {
		return nil, nil
	}
	prefix := key(pAlias, folded, byte(0))
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = prefix
	it := txn.NewIterator(opt)
	defer it.Close()
	var ids []uint64
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		k := it.Item().Key()
		if len(k) == len(prefix)+8 {
			ids = append(ids, idOfAlias(k))
		}
	}
	return ids, nil
}

func (w *writer) addEdge(sid, oid uint64, t Triple) (uint64, bool, error) {
	q := qual(t.Negated, t.Modality)
	bs, bo, br := edgeKeys(sid, t.Relation, oid, q)
	tid, found, err := w.indexed(bs)
	if err != nil {
		return 0, false, err
	}
	created := !found
	if created {
		if tid, err = w.counter("edgeseq", 1); err != nil {
			return 0, false, err
		}
		v := u64(nil, tid)
		for _, k := range [][]byte{bs, bo, br} {
			if err := w.set(k, v); err != nil {
				return 0, false, err
			}
		}
		if err := w.relation(t.Relation, 1); err != nil {
			return 0, false, err
		}
		w.meta["triples"]++
		if err := w.ends(sid, oid, 1); err != nil {
			return 0, false, err
		}
	}
	var e edgeRec
	var old *edgeRec
	if created {
		e = edgeRec{S: sid, O: oid, Rel: t.Relation, RelText: t.RelationText, SubjText: t.SubjectText,
			ObjText: t.ObjectText, Miss: 1, Neg: t.Negated, Modality: t.Modality, Attr: t.AttributedTo}
	} else if err := getJSON(w.txn, key(pEdge, tid), &e); err != nil {
		return 0, false, err
	} else {
		stored := e
		old = &stored
	}
	c := clamp01(t.Confidence)
	e.Miss *= 1 - c
	e.Count++
	if e.Attr == "" {
		e.Attr = t.AttributedTo
	}
	return tid, created, w.putEdgeOver(tid, old, &e)
}

func clamp01(c float64) float64 {
	switch {
	case c < 0 || c != c:
		return 0
	case c > 1:
		return 1
	}
	return c
}

func getJSON(txn *badger.Txn, k []byte, v any) error {
	it, err := txn.Get(k)
	if err != nil {
		return err
	}
	return it.Value(func(b []byte) error { return jsonUnmarshal(b, v) })
}

func containsExact(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	f := Fold(s)
	for _, x := range list {
		if Fold(x) == f {
			return true
		}
	}
	return false
}

// jsonUnmarshal decodes a record. Records are written by encoding/json and
// read by goccy/go-json, which decodes them 4 to 7 times faster: reading
// records is most of the cost of a lookup or a traversal. Its strings may
// point into the bytes it decodes, and Badger reuses those once a Value
// callback returns, so it decodes a copy.
func jsonUnmarshal(b []byte, v any) error { return gojson.Unmarshal(bytes.Clone(b), v) }

// addAlias makes name find entity id. Every change to the alias index goes
// through addAlias and dropAlias, so that what is derived from it keeps step.
//
// The word index (W keys) mirrors the alias index: each alias key
// A fold 0 id has one W key per word of fold (wordKeys).
func (w *writer) addAlias(name string, id uint64) error {
	if err := w.set(aliasKey(name, id), nil); err != nil {
		return err
	}
	w.noteAlias(name, id, true)
	for _, k := range wordKeys(Fold(name), id) {
		if err := w.set(k, nil); err != nil {
			return err
		}
	}
	return nil
}

// dropAlias stops name (and every name that folds alike) finding entity id.
// It deletes the alias key of Fold(name) and exactly the word keys of it.
func (w *writer) dropAlias(name string, id uint64) error {
	if err := w.del(aliasKey(name, id)); err != nil {
		return err
	}
	w.noteAlias(name, id, false)
	for _, k := range wordKeys(Fold(name), id) {
		if err := w.del(k); err != nil {
			return err
		}
	}
	return nil
}

// indexed reads the edge id an index key holds, if the key exists.
func (w *writer) indexed(k []byte) (uint64, bool, error) {
	it, err := w.txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	id, err := indexedID(it)
	return id, err == nil, err
}

// ends adds delta to the edge counts of an edge's ends, once for an edge
// from an entity to itself.
func (w *writer) ends(s, o uint64, delta int) error {
	ids := []uint64{s}
	if o != s {
		ids = append(ids, o)
	}
	for _, id := range ids {
		r, err := w.entity(id)
		if err != nil {
			return err
		}
		r.Edges = max(r.Edges+delta, 0)
	}
	return nil
}

// relation adds delta to the number of edges with relation rel, dropping a
// relation that has none left.
func (w *writer) relation(rel string, delta int64) error {
	k := key(pRelation, rel)
	n, err := readCounter(w.txn, k)
	if err != nil {
		return err
	}
	v := int64(n) + delta
	if v <= 0 {
		if n > 0 {
			w.meta["relations"]--
		}
		return w.del(k)
	}
	if n == 0 {
		w.meta["relations"]++
	}
	return w.set(k, u64(nil, uint64(v)))
}

// flush writes the entities and counters a write (Add or an edit) touched.
func (w *writer) flush() error {
	for id, e := range w.ents {
		if err := w.put(key(pEntity, id), e); err != nil {
			return err
		}
	}
	for name, delta := range w.meta {
		if delta == 0 {
			continue
		}
		if _, err := w.counter(name, delta); err != nil {
			return err
		}
	}
	return w.logChanges()
}

// sortedSet sorts ids and drops repeats, in place.
func sortedSet(ids []uint64) []uint64 {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := ids[:0]
	for _, id := range ids {
		if len(out) == 0 || id != out[len(out)-1] {
			out = append(out, id)
		}
	}
	return out
}
