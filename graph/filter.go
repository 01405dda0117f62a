package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// EdgeFilter narrows a list of edges. The zero value keeps every edge; each
// field set must hold.
type EdgeFilter struct {
	Relations     []string // the relation is one of these
	Types         []string // the far end's type is one of these (see Match, Neighborhood)
	MinConfidence float64  // confidence at least this
	MinCount      int      // stated by at least this many sentences
	Document      string   // stated by this document (its id)
	// Since and Until bound the dates of the documents that state the edge
	// (inclusive): an edge passes when at least one of its sentences comes
	// from a document dated in the range. Dates compare as text, so ISO
	// dates (2017-04-12) and their prefixes (2017, 2017-04) work; undated
	// documents never pass a date bound.
	Since, Until string
}

// isoDate is what Since and Until take: a year, a month or a day.
var isoDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// IsDate reports whether s is an ISO date or its start (2017, 2017-04,
// 2017-04-12): what a document's date and the date bounds take.
func IsDate(s string) bool { return isoDate.MatchString(s) }

// Types are the entity types.
var Types = []string{Person, Org, Place, Misc, Concept}

// Check reports what is wrong with f, wrapping ErrInvalid: the one set of
// verdicts for the API, kg export and /export. Types are checked without
// regard to case or surrounding space.
func (f EdgeFilter) Check() error {
	switch {
	case !(f.MinConfidence >= 0 && f.MinConfidence <= 1): // NaN too
		return fmt.Errorf("minimum confidence %g: must be from 0 to 1: %w", f.MinConfidence, ErrInvalid)
	case f.MinCount < 0:
		return fmt.Errorf("minimum count %d: must be at least 0: %w", f.MinCount, ErrInvalid)
	}
	for _, t := range f.Types {
		if !slices.Contains(Types, strings.ToUpper(strings.TrimSpace(t))) {
			return fmt.Errorf("unknown type %q: the types are %s: %w", t, strings.Join(Types, ", "), ErrInvalid)
		}
	}
	for _, r := range f.Relations {
		if strings.TrimSpace(r) == "" {
			return fmt.Errorf("a blank relation: %w", ErrInvalid)
		}
	}
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v != "" && !IsDate(d.v) {
			return fmt.Errorf("%s %q: must be an ISO date or its start: 2017, 2017-04 or 2017-04-12: %w", d.name, d.v, ErrInvalid)
		}
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until && !strings.HasPrefix(f.Since, f.Until) {
		return fmt.Errorf("since %q is after until %q: %w", f.Since, f.Until, ErrInvalid)
	}
	return nil
}

// IsZero reports whether f keeps every edge.
func (f EdgeFilter) IsZero() bool {
	return len(f.Relations) == 0 && len(f.Types) == 0 && f.MinConfidence == 0 && f.MinCount == 0 &&
		f.Document == "" && f.Since == "" && f.Until == ""
}

// edgeFilter is an EdgeFilter ready to test edges in one transaction.
type edgeFilter struct {
	f     EdgeFilter
	rels  map[string]bool
	types map[string]bool
	docs  []uint64        // edges of f.Document, sorted; nil: no document filter
	dates map[uint64]bool // document sequence number → dated in range
	txn   *badger.Txn
	seen  map[uint64]bool // documents whose date was looked up
}

// compileFilter prepares f, or returns nil when f keeps every edge (the
// methods of a nil *edgeFilter keep everything). It fails with
// ErrKeyNotFound when f.Document is not stored.
func compileFilter(txn *badger.Txn, f EdgeFilter) (*edgeFilter, error) {
	if f.IsZero() {
		return nil, nil
	}
	c := &edgeFilter{f: f, txn: txn}
	if len(f.Relations) > 0 {
		c.rels = map[string]bool{}
		for _, r := range f.Relations {
			c.rels[normRelation(r)] = true
		}
	}
	if len(f.Types) > 0 {
		c.types = map[string]bool{}
		for _, t := range f.Types {
			c.types[strings.ToUpper(strings.TrimSpace(t))] = true
		}
	}
	if f.Document != "" {
		var d docRec
		if err := getJSON(txn, key(pDoc, f.Document), &d); err != nil {
			return nil, err
		}
		c.docs = append([]uint64{}, d.Edges...) // a sorted set; never nil
	}
	if f.Since != "" || f.Until != "" {
		if f.Since != "" && f.Until != "" && f.Since > f.Until+"\uffff" {
			return nil, fmt.Errorf("since %q is after until %q: %w", f.Since, f.Until, ErrInvalid)
		}
		c.dates, c.seen = map[uint64]bool{}, map[uint64]bool{}
	}
	return c, nil
}

func normRelation(r string) string { return strings.Join(strings.Fields(strings.ToLower(r)), " ") }

// edge tests what the edge record alone tells: relation, confidence,
// count and document.
func (c *edgeFilter) edge(tid uint64, e *edgeRec) bool {
	if c == nil {
		return true
	}
	if c.rels != nil && !c.rels[e.Rel] {
		return false
	}
	if c.f.MinConfidence > 0 && confidence(e) < c.f.MinConfidence {
		return false
	}
	if e.Count < c.f.MinCount {
		return false
	}
	if c.docs != nil {
		if _, found := slices.BinarySearch(c.docs, tid); !found {
			return false
		}
	}
	return true
}

func (c *edgeFilter) hasTypes() bool { return c != nil && c.types != nil }

// typ tests an entity type against the filter's types.
func (c *edgeFilter) typ(t string) bool {
	return c == nil || c.types == nil || c.types[t]
}

// dated tests the date bounds: does a sentence of edge tid come from a
// document dated in range?
func (c *edgeFilter) dated(tid uint64) (bool, error) {
	if c == nil || c.dates == nil {
		return true, nil
	}
	prefix := key(pEvidence, tid)
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = prefix
	it := c.txn.NewIterator(opt)
	defer it.Close()
	var last uint64
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		k := it.Item().Key()
		if len(k) < len(prefix)+8 {
			continue
		}
		seq := binary.BigEndian.Uint64(k[len(prefix):])
		if seq == last {
			continue
		}
		last = seq
		in, err := c.docDated(seq)
		if err != nil || in {
			return in, err
		}
	}
	return false, nil
}

func (c *edgeFilter) docDated(seq uint64) (bool, error) {
	if c.seen[seq] {
		return c.dates[seq], nil
	}
	c.seen[seq] = true
	it, err := c.txn.Get(key(pDocSeq, seq))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	id, err := it.ValueCopy(nil)
	if err != nil {
		return false, err
	}
	var d docRec
	if err := getJSON(c.txn, key(pDoc, string(id)), &d); err != nil {
		return false, nilIfNotFound(err)
	}
	date := strings.TrimSpace(d.Date)
	in := date != "" &&
		(c.f.Since == "" || date >= c.f.Since) &&
		(c.f.Until == "" || date <= c.f.Until || strings.HasPrefix(date, c.f.Until))
	c.dates[seq] = in
	return in, nil
}

// docEdges lists the edges of the filter's document after the edge key
// from (a T key, or nil), in id order.
func (c *edgeFilter) docEdges(from []byte) []uint64 {
	var after uint64
	if len(from) == 9 && from[0] == pEdge {
		after = binary.BigEndian.Uint64(from[1:])
	}
	i, found := slices.BinarySearch(c.docs, after)
	if found {
		i++
	}
	return c.docs[i:]
}

// keeps reports whether cf keeps edge tid (record e) reached from the
// entity at its other end, other: its relation and qualifiers, counts,
// dates, and the type of other unless exempt spares it (entity reads it).
func (cf *edgeFilter) keeps(tid uint64, e *edgeRec, other uint64, exempt func(uint64) bool, entity func(uint64) (entityHead, error)) (bool, error) {
	if !cf.edge(tid, e) {
		return false, nil
	}
	if ok, err := cf.dated(tid); err != nil || !ok {
		return false, err
	}
	if cf.hasTypes() && !exempt(other) {
		r, err := entity(other)
		if err != nil {
			return false, err
		}
		return cf.typ(r.Type), nil
	}
	return true, nil
}
