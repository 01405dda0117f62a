package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"sort"

	"github.com/dgraph-io/badger/v4"
)

// Check checks that the store agrees with itself: every index, counter,
// alias key, evidence record, document list and split decision matches the
// records they describe. It reads the whole store, and holds a record per
// entity, edge and document in memory while it does: it is for tests and
// for `kg check` after a crash, not for every open. The error names the
// first disagreement found.
func (s *Store) Check(ctx context.Context) error {
	err := s.view(ctx, func(txn *badger.Txn) error {
		all := func(p byte, fn func(k, v []byte) error) error {
			return scan(ctx, txn, []byte{p}, "", func(item *badger.Item) (bool, error) {
				v, err := item.ValueCopy(nil)
				if err != nil {
					return false, err
				}
				return true, fn(item.KeyCopy(nil), v)
			})
		}
		meta := func(name string) int {
			n, _ := readCounter(txn, key(pMeta, name))
			return int(n)
		}

		ents := map[uint64]entityRec{}
		if err := all(pEntity, func(k, v []byte) error {
			var r entityRec
			if err := jsonUnmarshal(v, &r); err != nil {
				return err
			}
			ents[binary.BigEndian.Uint64(k[1:])] = r
			return nil
		}); err != nil {
			return err
		}
		aliases := map[string]bool{} // fold 0 eid
		if err := all(pAlias, func(k, _ []byte) error {
			id := idOfAlias(k)
			r, ok := ents[id]
			if !ok {
				return fmt.Errorf("alias key %q of missing entity E%d", k, id)
			}
			if !containsFold(r.Aliases, string(k[1:len(k)-9])) {
				return fmt.Errorf("alias key %q: E%d %v has no such alias", k, id, r.Aliases)
			}
			aliases[string(k)] = true
			return nil
		}); err != nil {
			return err
		}
		for id, r := range ents {
			for _, a := range r.Aliases {
				if !aliases[string(aliasKey(a, id))] {
					return fmt.Errorf("E%d alias %q has no alias key", id, a)
				}
			}
			if !containsFold(r.Aliases, Fold(r.Name)) {
				return fmt.Errorf("E%d canonical name %q is not among its aliases %v", id, r.Name, r.Aliases)
			}
		}

		// The word index mirrors the alias keys, and is marked built.
		if v, _ := readCounter(txn, key(pMeta, wordIndexMeta)); v != wordIndexVersion {
			return fmt.Errorf("word index marker = %d, want %d", v, wordIndexVersion)
		}
		words := map[string]bool{}
		for k := range aliases {
			for _, wk := range wordKeys(k[1:len(k)-9], idOfAlias([]byte(k))) {
				words[string(wk)] = true
			}
		}
		nword := 0
		if err := all(pWord, func(k, _ []byte) error {
			if !words[string(k)] {
				return fmt.Errorf("word key %q mirrors no alias key", k)
			}
			nword++
			return nil
		}); err != nil {
			return err
		}
		if nword != len(words) {
			for wk := range words {
				if _, err := txn.Get([]byte(wk)); err != nil {
					return fmt.Errorf("alias key has no word key %q: %v", wk, err)
				}
			}
		}

		edges := map[uint64]edgeRec{}
		if err := all(pEdge, func(k, v []byte) error {
			var e edgeRec
			if err := jsonUnmarshal(v, &e); err != nil {
				return err
			}
			edges[binary.BigEndian.Uint64(k[1:])] = e
			return nil
		}); err != nil {
			return err
		}
		index := 0
		for _, p := range []byte{pBySubj, pByObj, pByRel} {
			if err := all(p, func(k, v []byte) error {
				index++
				tid := binary.BigEndian.Uint64(v)
				e, ok := edges[tid]
				if !ok {
					return fmt.Errorf("index key %q names missing edge T%d", k, tid)
				}
				bs, bo, br := edgeKeys(e.S, e.Rel, e.O, qual(e.Neg, e.Modality))
				if !bytes.Equal(k, bs) && !bytes.Equal(k, bo) && !bytes.Equal(k, br) {
					return fmt.Errorf("index key %q is not one of T%d's", k, tid)
				}
				return nil
			}); err != nil {
				return err
			}
		}
		if index != 3*len(edges) {
			return fmt.Errorf("%d index keys for %d edges", index, len(edges))
		}

		// The strength index holds the two keys of each edge, as its
		// record is now, and is marked built.
		if v, _ := readCounter(txn, key(pMeta, strengthMeta)); v != strengthVersion {
			return fmt.Errorf("strength index marker = %d, want %d", v, strengthVersion)
		}
		strength := 0
		if err := all(pStrength, func(k, v []byte) error {
			strength++
			tid, other, out, ok := parseStrength(k, v)
			if !ok {
				return fmt.Errorf("strength key %q: malformed", k)
			}
			e, found := edges[tid]
			if !found {
				return fmt.Errorf("strength key %q names missing edge T%d", k, tid)
			}
			keys, vals := strengthKeys(tid, &e)
			i := 0
			if !out {
				i = 1
			}
			if !bytes.Equal(k, keys[i]) || !bytes.Equal(v, vals[i]) || (out && other != e.O) || (!out && other != e.S) {
				return fmt.Errorf("strength key %q → E%d does not match T%d %+v", k, other, tid, e)
			}
			return nil
		}); err != nil {
			return err
		}
		if strength != 2*len(edges) {
			return fmt.Errorf("%d strength keys for %d edges", strength, len(edges))
		}
		ends := map[uint64]map[uint64]bool{}
		rels := map[string]int{}
		for tid, e := range edges {
			for _, id := range []uint64{e.S, e.O} {
				if _, ok := ents[id]; !ok {
					return fmt.Errorf("T%d end E%d is missing", tid, id)
				}
				if ends[id] == nil {
					ends[id] = map[uint64]bool{}
				}
				ends[id][tid] = true
			}
			rels[e.Rel]++
		}
		for id, r := range ents {
			if r.Edges != len(ends[id]) {
				return fmt.Errorf("E%d (%s) counts %d edges, has %d", id, r.Name, r.Edges, len(ends[id]))
			}
		}
		nrel := 0
		if err := all(pRelation, func(k, v []byte) error {
			nrel++
			if n := int(binary.BigEndian.Uint64(v)); n != rels[string(k[1:])] {
				return fmt.Errorf("relation %q counts %d edges, has %d", k[1:], n, rels[string(k[1:])])
			}
			return nil
		}); err != nil {
			return err
		}
		if nrel != len(rels) {
			return fmt.Errorf("%d relation counters for %d relations", nrel, len(rels))
		}

		count := map[uint64]int{}
		miss := map[uint64]float64{}
		docEdges := map[string]map[uint64]bool{}
		nev := 0
		if err := all(pEvidence, func(k, v []byte) error {
			nev++
			var r evidenceRec
			if err := jsonUnmarshal(v, &r); err != nil {
				return err
			}
			tid := binary.BigEndian.Uint64(k[1:])
			if _, ok := edges[tid]; !ok {
				return fmt.Errorf("evidence %q of missing edge T%d", k, tid)
			}
			if _, ok := miss[tid]; !ok {
				miss[tid] = 1
			}
			count[tid]++
			miss[tid] *= 1 - r.Conf
			if docEdges[r.Doc] == nil {
				docEdges[r.Doc] = map[uint64]bool{}
			}
			docEdges[r.Doc][tid] = true
			return nil
		}); err != nil {
			return err
		}
		for tid, e := range edges {
			if e.Count != count[tid] || math.Abs(e.Miss-miss[tid]) > 1e-9 {
				return fmt.Errorf("T%d: count %d, miss %v; its evidence: %d, %v", tid, e.Count, e.Miss, count[tid], miss[tid])
			}
		}

		ndoc := 0
		docs := map[uint64]docRec{} // by sequence number
		if err := all(pDoc, func(k, v []byte) error {
			ndoc++
			var d docRec
			if err := jsonUnmarshal(v, &d); err != nil {
				return err
			}
			docs[d.Seq] = d
			var want []uint64
			for tid := range docEdges[d.ID] {
				want = append(want, tid)
			}
			sort.Slice(want, func(i, j int) bool { return want[i] < want[j] })
			if fmt.Sprint(want) != fmt.Sprint(d.Edges) {
				return fmt.Errorf("document %s lists edges %v, has evidence of %v", d.ID, d.Edges, want)
			}
			listed := map[uint64]bool{}
			for i, id := range d.Entities {
				if _, ok := ents[id]; !ok {
					return fmt.Errorf("document %s lists missing entity E%d", d.ID, id)
				}
				if i > 0 && id <= d.Entities[i-1] {
					return fmt.Errorf("document %s entities %v are not a sorted set", d.ID, d.Entities)
				}
				listed[id] = true
			}
			for _, tid := range want {
				if e := edges[tid]; !listed[e.S] || !listed[e.O] {
					return fmt.Errorf("document %s gives evidence to T%d but does not list its ends E%d, E%d", d.ID, tid, e.S, e.O)
				}
			}
			return nil
		}); err != nil {
			return err
		}

		// Mention records: of a stored entity and document that lists it; a
		// tracked document has one for each entity it lists; the aliases of
		// a tracked entity are those its mention records name it by.
		named := map[uint64]map[string]bool{}
		mentioned := map[string]map[uint64]bool{}
		if err := all(pMention, func(k, v []byte) error {
			id, seq := binary.BigEndian.Uint64(k[1:9]), binary.BigEndian.Uint64(k[9:])
			var m mentionRec
			if err := jsonUnmarshal(v, &m); err != nil {
				return err
			}
			if _, ok := ents[id]; !ok {
				return fmt.Errorf("mention record of missing entity E%d", id)
			}
			d, ok := docs[seq]
			if !ok {
				return fmt.Errorf("mention record of E%d by missing document #%d", id, seq)
			}
			if !containsID(d.Entities, id) {
				return fmt.Errorf("document %s has a mention record of E%d but does not list it", d.ID, id)
			}
			if named[id] == nil {
				named[id] = map[string]bool{}
			}
			for _, a := range m.Aliases {
				named[id][a] = true
			}
			if mentioned[d.ID] == nil {
				mentioned[d.ID] = map[uint64]bool{}
			}
			mentioned[d.ID][id] = true
			return nil
		}); err != nil {
			return err
		}
		for _, d := range docs {
			for _, id := range d.Entities {
				if d.Tracked && !mentioned[d.ID][id] && ents[id].Tracked {
					return fmt.Errorf("tracked document %s lists E%d without a mention record", d.ID, id)
				}
			}
		}
		for id, r := range ents {
			if !r.Tracked {
				continue
			}
			for _, a := range r.Aliases {
				if !named[id][a] {
					return fmt.Errorf("tracked E%d (%s): no mention record names it %q", id, r.Name, a)
				}
			}
			for a := range named[id] {
				if !containsExact(r.Aliases, a) {
					return fmt.Errorf("tracked E%d (%s): a mention record names it %q, not an alias", id, r.Name, a)
				}
			}
		}

		if err := all(pDecision, func(k, _ []byte) error {
			id := binary.BigEndian.Uint64(k[1:9])
			r, ok := ents[id]
			if !ok {
				return fmt.Errorf("split decision %q of missing entity E%d", k, id)
			}
			if containsFold(r.Aliases, string(k[9:])) {
				return fmt.Errorf("E%d has alias %q that was split off it", id, k[9:])
			}
			return nil
		}); err != nil {
			return err
		}

		for _, c := range []struct {
			name string
			n    int
		}{{"entities", len(ents)}, {"triples", len(edges)}, {"relations", len(rels)}, {"evidence", nev}, {"documents", ndoc}} {
			if meta(c.name) != c.n {
				return fmt.Errorf("counter %s = %d, the store holds %d", c.name, meta(c.name), c.n)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("graph.Check: %w", err)
	}
	return nil
}
