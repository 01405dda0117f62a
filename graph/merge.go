package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// Merged reports what MergeEntities changed.
type Merged struct {
	Into        Entity // the merged entity, as it is now
	From        Entity // the entity merged into it, as it was; it no longer exists
	EdgesMoved  int    // edges of From that now end at Into
	EdgesFolded int    // edges of From equal to an edge of Into: now that edge, evidence combined
	SelfLoops   int    // of EdgesMoved, those between From and Into: they link Into to itself
}

// Split reports what SplitAlias changed.
type Split struct {
	From          Entity // the entity the alias was split off, as it is now
	New           Entity // the entity the alias names now
	EdgesMoved    int    // edges of New, made of the evidence that named it by the alias
	EvidenceMoved int    // evidence records that moved to them
	EdgesDeleted  int    // edges of From left without evidence, and so deleted
}

// RefusedError is an edit the store refused because of its arguments, with
// the reason worded for whoever asked. It is ErrNotFound or ErrInvalid.
type RefusedError struct {
	Op     string // "graph.SplitAlias"
	Reason string // `no entity "Nobody"`
	Err    error  // ErrNotFound or ErrInvalid
}

func (e *RefusedError) Error() string { return e.Op + ": " + e.Reason }

// Unwrap makes errors.Is(err, ErrNotFound) or ErrInvalid hold.
func (e *RefusedError) Unwrap() error { return e.Err }

func refuse(op string, err error, format string, a ...any) error {
	return &RefusedError{Op: op, Reason: fmt.Sprintf(format, a...), Err: err}
}

// MergeEntities merges the entity from into the entity into, by hand. Each
// is an entity id ("E12") or a name or alias, as Entity finds it.
//
// Into keeps its id and canonical name and takes from's aliases, mentions
// and type votes (its type is the majority's, as when ingesting). Every edge
// of from is re-pointed to into; one equal to an edge into already has (same
// other end, relation, negation and modality) is folded into it: one edge
// with the evidence of both, their counts added and their confidences
// combined. An edge between the two becomes an edge from into to itself,
// evidence kept: ingest never stores such an edge, but it is what the
// evidence says, and SplitAlias needs it to take the two apart again.
// Documents that named from name into. From is deleted.
//
// Later ingests find into by every name of from. A split of one of from's
// names off into, recorded by SplitAlias, is void after the merge.
//
// It is one transaction: after an error nothing has changed. An entity with
// more edges than one Badger transaction can rewrite cannot be merged
// (ErrTooLarge). An unknown entity is ErrNotFound, the same entity twice
// ErrInvalid, both as a *RefusedError.
func (s *Store) MergeEntities(ctx context.Context, into, from string) (Merged, error) {
	const op = "graph.MergeEntities"
	var res Merged
	err := s.edit(ctx, op, fmt.Sprintf("%q into %q", from, into), func(w *writer) error {
		var err error
		res, err = w.merge(ctx, op, into, from)
		return err
	})
	if err != nil {
		return Merged{}, err
	}
	return res, nil
}

// SplitAlias splits alias off the entity called entity (an id or a name),
// by hand: a new entity, of the old one's type, takes the alias and every
// other alias spelled like it (as Fold sees them); the old entity keeps its
// id and the rest.
//
// Evidence of the old entity's edges that named it by the alias (on the
// subject side the evidence's SubjectText, on the object side its
// ObjectText, folded) moves to the same edge of the new entity. Counts and
// confidences are recounted from the evidence on both sides; an edge left
// without evidence is deleted. The new entity takes a mention for each end
// of evidence that moved (at least one, and at most all but one of the old
// entity's); mentions without evidence cannot be told apart and stay, as
// do the old entity's type votes. The documents of the moved evidence list
// the new entity and the new edges.
//
// The split is recorded: later ingests resolve the alias to the new entity
// and never add it back to the old one.
//
// The canonical name cannot be split off while other aliases remain (split
// those off instead), nor an entity's only alias, nor an alias it does not
// have: ErrInvalid. An unknown entity is ErrNotFound. Both as a
// *RefusedError.
func (s *Store) SplitAlias(ctx context.Context, entity, alias string) (Split, error) {
	const op = "graph.SplitAlias"
	var res Split
	err := s.edit(ctx, op, fmt.Sprintf("%q off %q", alias, entity), func(w *writer) error {
		var err error
		res, err = w.split(ctx, op, entity, alias)
		return err
	})
	if err != nil {
		return Split{}, err
	}
	return res, nil
}

// edit runs fn in one write transaction, as Add does, and writes the
// entities and counters it touched.
func (s *Store) edit(ctx context.Context, op, args string, fn func(*writer) error) error {
	if s.readOnly {
		return fmt.Errorf("%s %s: %w", op, args, ErrReadOnly)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkSpace(); err != nil {
		return fmt.Errorf("%s %s: %w", op, args, err)
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		w := &writer{txn: txn, ents: map[uint64]*entityRec{}, meta: map[string]int64{}}
		if err := fn(w); err != nil {
			return err
		}
		return w.flush()
	})
	var re *RefusedError
	if err == nil || errors.As(err, &re) {
		return err
	}
	return fmt.Errorf("%s %s: %w", op, args, translate(err))
}

func (w *writer) merge(ctx context.Context, op, intoArg, fromArg string) (Merged, error) {
	into, err := w.entityArg(op, intoArg)
	if err != nil {
		return Merged{}, err
	}
	from, err := w.entityArg(op, fromArg)
	if err != nil {
		return Merged{}, err
	}
	ir, err := w.entity(into)
	if err != nil {
		return Merged{}, err
	}
	if into == from {
		return Merged{}, refuse(op, ErrInvalid, "%q and %q are the same entity, %s", intoArg, fromArg, label(into, ir))
	}
	fr, err := w.entity(from)
	if err != nil {
		return Merged{}, err
	}
	res := Merged{From: fr.entity(from)}
	res.From.Aliases = append([]string(nil), fr.Aliases...)

	// From's names find into now; a split of one of them off into is void.
	for _, a := range fr.Aliases {
		if err := w.dropAlias(a, from); err != nil {
			return res, err
		}
		if err := w.addAlias(a, into); err != nil {
			return res, err
		}
		if err := w.del(key(pDecision, into, Fold(a))); err != nil {
			return res, err
		}
		if !containsExact(ir.Aliases, a) {
			ir.Aliases = append(ir.Aliases, a)
		}
	}
	// What was split off from is not into either, unless into goes by it.
	splits, err := w.decisions(ctx, from)
	if err != nil {
		return res, err
	}
	for _, f := range splits {
		if err := w.del(key(pDecision, from, f)); err != nil {
			return res, err
		}
		if containsFold(ir.Aliases, f) {
			continue
		}
		if err := w.set(key(pDecision, into, f), nil); err != nil {
			return res, err
		}
	}
	votes := votesOf(ir)
	for t, n := range votesOf(fr) {
		votes[t] += n
	}
	ir.Votes, ir.Type = votes, majority(votes, ir.Type)
	ir.Mentions += fr.Mentions
	ir.Tracked = ir.Tracked && fr.Tracked
	// The documents that name from: its mention records say which, when
	// it has one for each (Tracked); otherwise every document is read.
	var seqs []uint64
	if fr.Tracked {
		if seqs, err = w.mentionDocs(ctx, from); err != nil {
			return res, err
		}
	}
	if err := w.moveMentions(ctx, from, into); err != nil {
		return res, err
	}

	tids, edges, err := w.edgesOf(ctx, from)
	if err != nil {
		return res, err
	}
	folded := map[uint64]uint64{}
	for _, tid := range tids {
		e := edges[tid]
		s, o := e.S, e.O
		if s == from {
			s = into
		}
		if o == from {
			o = into
		}
		to, err := w.repoint(ctx, tid, e, s, o)
		if err != nil {
			return res, err
		}
		if to != tid {
			folded[tid] = to
			res.EdgesFolded++
			continue
		}
		res.EdgesMoved++
		if s == o {
			res.SelfLoops++
		}
	}

	// Documents that named from name into, and give their evidence of a
	// folded edge to the edge it was folded into (a document with evidence
	// of an edge of from names from).
	each := w.eachDoc
	if fr.Tracked {
		each = func(ctx context.Context, fn func(*docRec) bool) error { return w.eachDocOf(seqs, fn) }
	}
	err = each(ctx, func(d *docRec) bool {
		changed := false
		for i, id := range d.Entities {
			if id == from {
				d.Entities[i], changed = into, true
			}
		}
		for i, id := range d.Edges {
			if to, ok := folded[id]; ok {
				d.Edges[i], changed = to, true
			}
		}
		if changed {
			d.Entities, d.Edges = sortedSet(d.Entities), sortedSet(d.Edges)
		}
		return changed
	})
	if err != nil {
		return res, err
	}
	if err := w.del(key(pEntity, from)); err != nil {
		return res, err
	}
	delete(w.ents, from)
	w.meta["entities"]--
	res.Into = ir.entity(into)
	return res, nil
}

// repoint gives edge tid the ends s and o. If an edge with those ends (and
// tid's relation and qualifiers) exists, tid is folded into it and deleted;
// repoint returns the edge that holds tid's evidence now.
func (w *writer) repoint(ctx context.Context, tid uint64, e *edgeRec, s, o uint64) (uint64, error) {
	q := qual(e.Neg, e.Modality)
	if err := w.deleteIndex(e.S, e.Rel, e.O, q); err != nil {
		return 0, err
	}
	if err := w.ends(e.S, e.O, -1); err != nil {
		return 0, err
	}
	bs, bo, br := edgeKeys(s, e.Rel, o, q)
	to, found, err := w.indexed(bs)
	if err != nil {
		return 0, err
	}
	if !found {
		for _, k := range [][]byte{bs, bo, br} {
			if err := w.set(k, u64(nil, tid)); err != nil {
				return 0, err
			}
		}
		if err := w.ends(s, o, 1); err != nil {
			return 0, err
		}
		e.S, e.O = s, o
		return tid, w.putEdge(tid, e)
	}
	var t edgeRec
	if err := getJSON(w.txn, key(pEdge, to), &t); err != nil {
		return 0, err
	}
	evs, err := w.evidenceOf(ctx, tid)
	if err != nil {
		return 0, err
	}
	if err := w.moveEvidence(evs, to); err != nil {
		return 0, err
	}
	t.Count += e.Count
	t.Miss *= e.Miss
	if t.Attr == "" {
		t.Attr = e.Attr
	}
	if err := w.delEdge(tid); err != nil {
		return 0, err
	}
	w.meta["triples"]--
	if err := w.relation(e.Rel, -1); err != nil {
		return 0, err
	}
	return to, w.putEdge(to, &t)
}

func (w *writer) split(ctx context.Context, op, entity, alias string) (Split, error) {
	old, err := w.entityArg(op, entity)
	if err != nil {
		return Split{}, err
	}
	or, err := w.entity(old)
	if err != nil {
		return Split{}, err
	}
	f := Fold(alias)
	var moved, kept []string
	for _, a := range or.Aliases {
		if Fold(a) == f {
			moved = append(moved, a)
		} else {
			kept = append(kept, a)
		}
	}
	switch {
	case f == "":
		return Split{}, refuse(op, ErrInvalid, "the alias to split off is blank")
	case len(moved) == 0:
		return Split{}, refuse(op, ErrInvalid, "%s has no alias %q", label(old, or), alias)
	case len(kept) == 0:
		return Split{}, refuse(op, ErrInvalid, "%q is the only alias of %s: there is nothing to split it from", alias, label(old, or))
	case Fold(or.Name) == f:
		return Split{}, refuse(op, ErrInvalid, "%q is the canonical name of %s: split its other aliases off instead", alias, label(old, or))
	}

	nid, err := w.counter("entityseq", 1)
	if err != nil {
		return Split{}, err
	}
	nr := &entityRec{Name: moved[0], Type: or.Type, Aliases: moved, Tracked: or.Tracked}
	w.ents[nid] = nr
	w.meta["entities"]++
	or.Aliases = kept
	if err := w.dropAlias(f, old); err != nil {
		return Split{}, err
	}
	if err := w.addAlias(moved[0], nid); err != nil {
		return Split{}, err
	}
	if err := w.set(key(pDecision, old, f), nil); err != nil {
		return Split{}, err
	}

	var res Split
	newEdges := map[uint64]bool{}
	gain := map[string][]uint64{} // document → edges its evidence moved to
	lose := map[string][]uint64{} // document → edges it has no evidence of any more
	sides := 0                    // ends of evidence that named the alias
	docSides := map[string]int{}  // those ends, by document
	tids, edges, err := w.edgesOf(ctx, old)
	if err != nil {
		return Split{}, err
	}
	for _, tid := range tids {
		e := edges[tid]
		evs, err := w.evidenceOf(ctx, tid)
		if err != nil {
			return Split{}, err
		}
		type pair struct{ s, o uint64 }
		var stay []evItem
		groups := map[pair][]evItem{}
		var order []pair
		for _, ev := range evs {
			to := pair{e.S, e.O}
			if e.S == old && Fold(ev.rec.SubjText) == f {
				to.s = nid
				sides++
				docSides[ev.rec.Doc]++
			}
			if e.O == old && Fold(ev.rec.ObjText) == f {
				to.o = nid
				sides++
				docSides[ev.rec.Doc]++
			}
			if to == (pair{e.S, e.O}) {
				stay = append(stay, ev)
				continue
			}
			if _, ok := groups[to]; !ok {
				order = append(order, to)
			}
			groups[to] = append(groups[to], ev)
		}
		if len(order) == 0 {
			continue
		}
		stayDocs := map[string]bool{}
		for _, ev := range stay {
			stayDocs[ev.rec.Doc] = true
		}
		for _, to := range order {
			t, err := w.gather(ctx, e, to.s, to.o, groups[to])
			if err != nil {
				return Split{}, err
			}
			newEdges[t] = true
			res.EvidenceMoved += len(groups[to])
			for _, ev := range groups[to] {
				gain[ev.rec.Doc] = append(gain[ev.rec.Doc], t)
				if !stayDocs[ev.rec.Doc] {
					lose[ev.rec.Doc] = append(lose[ev.rec.Doc], tid)
				}
			}
		}
		if len(stay) == 0 {
			if err := w.deleteEdge(tid, e); err != nil {
				return Split{}, err
			}
			res.EdgesDeleted++
			continue
		}
		e.tally(stay, true)
		if err := w.putEdge(tid, e); err != nil {
			return Split{}, err
		}
	}
	res.EdgesMoved = len(newEdges)

	n := min(max(sides, 1), max(or.Mentions-1, 1))
	nr.Mentions, nr.Votes = n, map[string]int{nr.Type: n}
	or.Mentions = max(or.Mentions-n, 1)

	if err := w.fixDocs(gain, lose, nid); err != nil {
		return Split{}, err
	}
	if err := w.splitMentions(ctx, old, nid, f, nr, docSides); err != nil {
		return Split{}, err
	}
	res.From, res.New = or.entity(old), nr.entity(nid)
	return res, nil
}

// gather moves evidence evs of edge e to the edge between s and o with e's
// relation and qualifiers, creating it if need be, and recounts it; it
// returns that edge.
func (w *writer) gather(ctx context.Context, e *edgeRec, s, o uint64, evs []evItem) (uint64, error) {
	q := qual(e.Neg, e.Modality)
	bs, bo, br := edgeKeys(s, e.Rel, o, q)
	tid, found, err := w.indexed(bs)
	if err != nil {
		return 0, err
	}
	var t edgeRec
	if found {
		if err := getJSON(w.txn, key(pEdge, tid), &t); err != nil {
			return 0, err
		}
	} else {
		if tid, err = w.counter("edgeseq", 1); err != nil {
			return 0, err
		}
		for _, k := range [][]byte{bs, bo, br} {
			if err := w.set(k, u64(nil, tid)); err != nil {
				return 0, err
			}
		}
		if err := w.relation(e.Rel, 1); err != nil {
			return 0, err
		}
		w.meta["triples"]++
		if err := w.ends(s, o, 1); err != nil {
			return 0, err
		}
		t = edgeRec{S: s, O: o, Rel: e.Rel, Neg: e.Neg, Modality: e.Modality}
	}
	if err := w.moveEvidence(evs, tid); err != nil {
		return 0, err
	}
	all, err := w.evidenceOf(ctx, tid)
	if err != nil {
		return 0, err
	}
	t.tally(all, !found)
	return tid, w.putEdge(tid, &t)
}

// tally recounts an edge from its evidence, in ingest order: the count, the
// confidence, the speaker and, with texts, the words as first written.
func (e *edgeRec) tally(evs []evItem, texts bool) {
	e.Count, e.Miss, e.Attr = len(evs), 1, ""
	for _, ev := range evs {
		e.Miss *= 1 - ev.rec.Conf
		if e.Attr == "" {
			e.Attr = ev.rec.Attr
		}
	}
	if texts && len(evs) > 0 {
		r := evs[0].rec
		e.SubjText, e.RelText, e.ObjText = r.SubjText, r.RelText, r.ObjText
	}
}

// fixDocs updates the documents whose evidence moved in a split: they give
// evidence to the edges in gain, no more to those in lose, and mention the
// new entity nid.
func (w *writer) fixDocs(gain, lose map[string][]uint64, nid uint64) error {
	ids := map[string]bool{}
	for id := range gain {
		ids[id] = true
	}
	for id := range lose {
		ids[id] = true
	}
	for id := range ids {
		var d docRec
		err := getJSON(w.txn, key(pDoc, id), &d)
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue // evidence of a document that is gone: nothing to fix
		}
		if err != nil {
			return err
		}
		drop := map[uint64]bool{}
		for _, t := range lose[id] {
			drop[t] = true
		}
		edges := d.Edges[:0]
		for _, t := range d.Edges {
			if !drop[t] {
				edges = append(edges, t)
			}
		}
		d.Edges = sortedSet(append(edges, gain[id]...))
		if len(gain[id]) > 0 {
			d.Entities = sortedSet(append(d.Entities, nid))
		}
		if err := w.put(key(pDoc, id), d); err != nil {
			return err
		}
	}
	return nil
}

// moveMentions files the mention records of entity from under entity into,
// adding up those of a document that mentions both.
func (w *writer) moveMentions(ctx context.Context, from, into uint64) error {
	prefix := key(pMention, from)
	var items []evItem
	err := scan(ctx, w.txn, prefix, "", func(item *badger.Item) (bool, error) {
		raw, err := item.ValueCopy(nil)
		if err != nil {
			return false, err
		}
		items = append(items, evItem{key: item.KeyCopy(nil), raw: raw})
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, it := range items {
		var m mentionRec
		if err := jsonUnmarshal(it.raw, &m); err != nil {
			return err
		}
		k := key(pMention, into, it.key[len(prefix):])
		var cur mentionRec
		switch err := getJSON(w.txn, k, &cur); {
		case err == nil:
			cur.add(&m)
			m = cur
		case !errors.Is(err, badger.ErrKeyNotFound):
			return err
		}
		if err := w.put(k, m); err != nil {
			return err
		}
		if err := w.del(it.key); err != nil {
			return err
		}
	}
	return nil
}

// add adds the mentions, votes and aliases of o to m.
func (m *mentionRec) add(o *mentionRec) {
	m.Mentions += o.Mentions
	if m.Votes == nil {
		m.Votes = map[string]int{}
	}
	for t, n := range o.Votes {
		m.Votes[t] += n
	}
	for _, a := range o.Aliases {
		if !containsExact(m.Aliases, a) {
			m.Aliases = append(m.Aliases, a)
		}
	}
}

// splitMentions moves to the new entity nid, split off old by the folded
// alias f, the aliases the mention records of old name it by, and to each
// document whose evidence moved the mentions of those ends (sides).
func (w *writer) splitMentions(ctx context.Context, old, nid uint64, f string, nr *entityRec, sides map[string]int) error {
	prefix := key(pMention, old)
	type rec struct {
		k []byte
		m mentionRec
	}
	var recs []rec
	err := scan(ctx, w.txn, prefix, "", func(item *badger.Item) (bool, error) {
		r := rec{k: item.KeyCopy(nil)}
		err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &r.m) })
		recs = append(recs, r)
		return true, err
	})
	if err != nil {
		return err
	}
	bySeq := map[uint64]*mentionRec{}
	for _, r := range recs {
		seq := binary.BigEndian.Uint64(r.k[len(prefix):])
		var moved, kept []string
		for _, a := range r.m.Aliases {
			if Fold(a) == f {
				moved = append(moved, a)
			} else {
				kept = append(kept, a)
			}
		}
		if len(moved) == 0 {
			continue
		}
		r.m.Aliases = kept
		if err := w.put(r.k, r.m); err != nil {
			return err
		}
		bySeq[seq] = &mentionRec{Aliases: moved, Votes: map[string]int{}}
	}
	for doc, n := range sides {
		var d docRec
		err := getJSON(w.txn, key(pDoc, doc), &d)
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		m := bySeq[d.Seq]
		if m == nil {
			m = &mentionRec{Aliases: append([]string(nil), nr.Aliases...), Votes: map[string]int{}}
			bySeq[d.Seq] = m
		}
		m.Mentions += n
		m.Votes[nr.Type] += n
		var o mentionRec
		k := key(pMention, old, d.Seq)
		switch err := getJSON(w.txn, k, &o); {
		case err == nil:
			o.Mentions = max(o.Mentions-n, 0)
			if o.Votes[nr.Type] > 0 {
				o.Votes[nr.Type] = max(o.Votes[nr.Type]-n, 0)
			}
			if err := w.put(k, o); err != nil {
				return err
			}
		case !errors.Is(err, badger.ErrKeyNotFound):
			return err
		}
	}
	seqs := make([]uint64, 0, len(bySeq))
	for seq, m := range bySeq {
		if err := w.put(key(pMention, nid, seq), m); err != nil {
			return err
		}
		seqs = append(seqs, seq)
	}
	// the documents name the new entity, with or without evidence
	if err := w.eachDocOf(seqs, func(d *docRec) bool {
		if containsID(d.Entities, nid) {
			return false
		}
		d.Entities = sortedSet(append(d.Entities, nid))
		return true
	}); err != nil {
		return err
	}
	return nil
}

func containsID(ids []uint64, id uint64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// entityArg finds the entity an argument names: an id ("E12") or a name or
// alias. One that is the id of an entity and a name of another is refused.
func (w *writer) entityArg(op, arg string) (uint64, error) {
	byName, err := lookup(w.txn, arg)
	if err != nil && !errors.Is(err, badger.ErrKeyNotFound) {
		return 0, err
	}
	var byID uint64
	if n, ok := parseID(strings.TrimSpace(arg), 'E'); ok {
		_, err := w.entity(n)
		switch {
		case err == nil:
			byID = n
		case !errors.Is(err, badger.ErrKeyNotFound):
			return 0, err
		}
	}
	switch {
	case byID != 0 && byName != 0 && byID != byName:
		a, err := w.entity(byID)
		if err != nil {
			return 0, err
		}
		b, err := w.entity(byName)
		if err != nil {
			return 0, err
		}
		return 0, refuse(op, ErrInvalid, "%q is the id of %s and a name of %s: say %s or %s",
			arg, label(byID, a), label(byName, b), entityID(byID), entityID(byName))
	case byID != 0:
		return byID, nil
	case byName != 0:
		return byName, nil
	}
	return 0, refuse(op, ErrNotFound, "no entity %q", arg)
}

// label names an entity in messages: `E12 (Rex Tillerson)`.
func label(id uint64, r *entityRec) string { return fmt.Sprintf("%s (%s)", entityID(id), r.Name) }

// votesOf is a copy of an entity's type votes; a record without votes has
// all its mentions on its type.
func votesOf(r *entityRec) map[string]int {
	v := map[string]int{}
	for t, n := range r.Votes {
		v[t] = n
	}
	if len(v) == 0 {
		v[r.Type] = max(r.Mentions, 1)
	}
	return v
}

// edgesOf lists the edges entity id is an end of, by edge id.
func (w *writer) edgesOf(ctx context.Context, id uint64) ([]uint64, map[uint64]*edgeRec, error) {
	edges := map[uint64]*edgeRec{}
	var tids []uint64
	err := eachEdge(ctx, w.txn, id, Both, nil, nil, nil, func(tid uint64, e *edgeRec, _ uint64, _ bool) error {
		if _, ok := edges[tid]; !ok {
			c := *e
			edges[tid] = &c
			tids = append(tids, tid)
		}
		return nil
	})
	sort.Slice(tids, func(i, j int) bool { return tids[i] < tids[j] })
	return tids, edges, err
}

// evItem is an evidence record as stored, under its key.
type evItem struct {
	key []byte
	raw []byte
	rec evidenceRec
}

// evidenceOf lists the evidence of edge tid in ingest order, as the
// transaction sees it.
func (w *writer) evidenceOf(ctx context.Context, tid uint64) ([]evItem, error) {
	var out []evItem
	err := scan(ctx, w.txn, key(pEvidence, tid), "", func(item *badger.Item) (bool, error) {
		raw, err := item.ValueCopy(nil)
		if err != nil {
			return false, err
		}
		ev := evItem{key: item.KeyCopy(nil), raw: raw}
		if err := jsonUnmarshal(raw, &ev.rec); err != nil {
			return false, err
		}
		out = append(out, ev)
		return true, nil
	})
	return out, err
}

// moveEvidence files evidence records under edge to, keeping their place in
// ingest order: the key after the edge id is the document's sequence number
// and the triple's index in it.
func (w *writer) moveEvidence(evs []evItem, to uint64) error {
	for _, ev := range evs {
		if err := w.set(key(pEvidence, to, ev.key[1+8:]), ev.raw); err != nil {
			return err
		}
		if err := w.del(ev.key); err != nil {
			return err
		}
	}
	return nil
}

// deleteEdge deletes an edge whose evidence is gone.
func (w *writer) deleteEdge(tid uint64, e *edgeRec) error {
	if err := w.deleteIndex(e.S, e.Rel, e.O, qual(e.Neg, e.Modality)); err != nil {
		return err
	}
	if err := w.delEdge(tid); err != nil {
		return err
	}
	w.meta["triples"]--
	if err := w.relation(e.Rel, -1); err != nil {
		return err
	}
	return w.ends(e.S, e.O, -1)
}

func (w *writer) deleteIndex(s uint64, rel string, o uint64, q []byte) error {
	bs, bo, br := edgeKeys(s, rel, o, q)
	for _, k := range [][]byte{bs, bo, br} {
		if err := w.del(k); err != nil {
			return err
		}
	}
	return nil
}

// eachDoc calls fn for every stored document and writes back those fn
// reports changed.
func (w *writer) eachDoc(ctx context.Context, fn func(*docRec) bool) error {
	var changed []docRec
	err := scan(ctx, w.txn, []byte{pDoc}, "", func(item *badger.Item) (bool, error) {
		var d docRec
		if err := item.Value(func(b []byte) error { return jsonUnmarshal(b, &d) }); err != nil {
			return false, err
		}
		if fn(&d) {
			changed = append(changed, d)
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, d := range changed {
		if err := w.put(key(pDoc, d.ID), d); err != nil {
			return err
		}
	}
	return nil
}

// mentionDocs lists the sequence numbers of the documents with a mention
// record of entity id.
func (w *writer) mentionDocs(ctx context.Context, id uint64) ([]uint64, error) {
	prefix := key(pMention, id)
	var seqs []uint64
	err := scan(ctx, w.txn, prefix, "", func(item *badger.Item) (bool, error) {
		if k := item.Key(); len(k) == len(prefix)+8 {
			seqs = append(seqs, binary.BigEndian.Uint64(k[len(prefix):]))
		}
		return true, nil
	})
	return seqs, err
}

// eachDocOf calls fn on the records of the documents seqs numbers, as
// eachDoc does on all of them, and writes those fn changed.
func (w *writer) eachDocOf(seqs []uint64, fn func(*docRec) bool) error {
	for _, seq := range seqs {
		id, err := w.getString(key(pDocSeq, seq))
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		var d docRec
		if err := getJSON(w.txn, key(pDoc, id), &d); err != nil {
			return err
		}
		if fn(&d) {
			if err := w.put(key(pDoc, d.ID), d); err != nil {
				return err
			}
		}
	}
	return nil
}

// decisions lists the folded aliases a user split off entity id.
func (w *writer) decisions(ctx context.Context, id uint64) ([]string, error) {
	prefix := key(pDecision, id)
	var out []string
	err := scan(ctx, w.txn, prefix, "", func(item *badger.Item) (bool, error) {
		out = append(out, string(item.Key()[len(prefix):]))
		return true, nil
	})
	return out, err
}

// splitOff reports whether a user split alias off entity id (SplitAlias),
// which resolve must then not give back to it.
func splitOff(txn *badger.Txn, id uint64, alias string) (bool, error) {
	_, err := txn.Get(key(pDecision, id, Fold(alias)))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, badger.ErrKeyNotFound):
		return false, nil
	}
	return false, err
}
