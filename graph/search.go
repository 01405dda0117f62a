package graph

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
)

// SearchQuery is what Search looks for: Text, matched against every alias
// of every entity, and optionally a Type (PERSON, ORG, …; blank: any),
// compared case-insensitively.
type SearchQuery struct {
	Text string
	Type string
}

// MaxSearchResults caps the entities one search collects, and so what
// Search pages through and CountSearch counts.
const MaxSearchResults = 5000

// Match ranks, best first.
const (
	rankExact        = iota // the whole query is an alias
	rankPrefix              // an alias starts with the query
	rankWords               // every query word is a word of one alias
	rankWordPrefixes        // every query word starts a word of one alias
	rankNear                // every query word is a word, a word's start or a near miss of a word of one alias
	rankNone
)

// The word index is built when the meta counter wordIndexMeta holds
// wordIndexVersion. A change to aliasWords must bump the version: Open then
// rebuilds the index.
const (
	wordIndexMeta    = "wordindex"
	wordIndexVersion = 1
	maxWordLen       = 64 // bytes; longer words are not indexed nor matched
	maxKeyLen        = 65000
)

// Search finds the entities whose aliases match q.Text, best first, a page
// at a time, and returns the cursor of the last one returned (blank when
// none is).
//
// The text and every alias are compared as Fold sees them. Words are the
// runs of letters and digits: "Bashar al-Assad" has the words bashar, al
// and assad, and also alassad, each hyphenated or apostrophised run joined
// up ("O'Brien": o, brien, obrien). An entity matches at the best of its
// aliases, in this order:
//
//  1. the whole text is the alias ("putin" for "Putin");
//  2. the alias starts with the text ("vladimir p" for "Vladimir Putin");
//  3. every word of the text is a word of the alias ("putin", "assad");
//  4. every word of the text starts a word of the alias ("vlad put");
//  5. every word of the text is a word of the alias, starts one, or is a
//     near miss of one ("vladmir putin"): a word of 4 to 7 letters within
//     one edit of it, of 8 or more within two, where an edit is a letter
//     inserted, deleted, replaced or swapped with the next. A text word of
//     up to 3 letters has no near misses. As the index is read by first
//     letters, a near miss with a typo in its first letter (a wrong,
//     missing or extra first letter) is found only when the two letters
//     after the typo are right ("bladimir", "ladimir", "wvladimir" find
//     "vladimir"; "bxadimir" does not), or when the typo is the first two
//     letters swapped ("lvadimir").
//
// Within a match rank, more mentions come first, then the canonical name
// (folded, then as written), then the id. A text with no letters or digits
// matches only aliases it equals or starts; a blank one matches nothing.
//
// Search collects at most MaxSearchResults entities (of q.Type, if given):
// exact matches and aliases that start with the text first, then words in
// index order. A short text that matches more entities than that ranks
// only those it collected: the best matches of a very common prefix may be
// missing, and CountSearch reports MaxSearchResults.
//
// The cursor (Page.After) is the position of the last entity returned —
// rank, mentions, name, id — not a snapshot: the next call lists what
// ranks after it then. If the store changes between calls (mentions,
// aliases, merges), entities may move across it and be skipped or listed
// twice. A cursor from another query, or not from Search, is ErrInvalid.
//
// A store opened read-only that was written before the word index existed
// has no index: Search then reads every alias key. The results are the
// same (but for which entities a search that hits MaxSearchResults
// keeps); it is slower, in proportion to the number of aliases.
func (s *Store) Search(ctx context.Context, q SearchQuery, p Page) ([]Entity, string, error) {
	sq := newSearch(q)
	from, err := sq.uncursor(p.After)
	if err != nil {
		return nil, "", fmt.Errorf("graph.Search %q: %w", q.Text, err)
	}
	var hits []*searchHit
	err = s.view(ctx, func(txn *badger.Txn) error {
		var err error
		hits, err = sq.collect(ctx, txn)
		return err
	})
	if err != nil {
		return nil, "", fmt.Errorf("graph.Search %q: %w", q.Text, translate(err))
	}
	i := 0
	if from != nil {
		i = sort.Search(len(hits), func(i int) bool { return from.less(hits[i]) })
	}
	var out []Entity
	last := ""
	for ; i < len(hits) && (p.Limit <= 0 || len(out) < p.Limit); i++ {
		e := hits[i].rec.entity(hits[i].id)
		e.Cursor = sq.cursor(hits[i])
		last = e.Cursor
		out = append(out, e)
	}
	return out, last, nil
}

// CountSearch counts the entities Search finds for q, at most
// MaxSearchResults.
func (s *Store) CountSearch(ctx context.Context, q SearchQuery) (int, error) {
	sq := newSearch(q)
	n := 0
	err := s.view(ctx, func(txn *badger.Txn) error {
		hits, err := sq.collect(ctx, txn)
		n = len(hits)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("graph.CountSearch %q: %w", q.Text, translate(err))
	}
	return n, nil
}

// aliasWords lists the words of a folded alias, each once: its runs of
// letters and digits, and, for a run of text without spaces that
// punctuation splits ("al-assad", "o'brien", "at&t"), the runs joined up
// ("alassad"). With joined false only the runs are listed: the words of a
// query. Words longer than maxWordLen bytes are left out.
func aliasWords(f string, joined bool) []string {
	var out []string
	add := func(w string) {
		if len(w) > maxWordLen {
			return
		}
		for _, x := range out {
			if x == w {
				return
			}
		}
		out = append(out, w)
	}
	for _, chunk := range strings.Split(f, " ") {
		parts := strings.FieldsFunc(chunk, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
		})
		for _, p := range parts {
			add(p)
		}
		if joined && len(parts) > 1 {
			add(strings.Join(parts, ""))
		}
	}
	return out
}

// wordKeys are the word index keys of the alias key of folded alias f and
// entity id (any key Badger could not hold is left out).
func wordKeys(f string, id uint64) [][]byte {
	var out [][]byte
	for _, w := range aliasWords(f, true) {
		if k := key(pWord, w, byte(0), id, f); len(k) <= maxKeyLen {
			out = append(out, k)
		}
	}
	return out
}

// parseWordKey splits a word key into its word, entity id and folded alias.
func parseWordKey(k []byte) (word []byte, id uint64, f []byte, ok bool) {
	i := bytes.IndexByte(k[1:], 0)
	if i < 0 || len(k) < 1+i+1+8 {
		return nil, 0, nil, false
	}
	word = k[1 : 1+i]
	id = binary.BigEndian.Uint64(k[1+i+1:])
	return word, id, k[1+i+1+8:], true
}

// buildWordIndex builds the word index from the alias keys unless it is
// built: it deletes any word keys a partial build left, writes the index in
// batches (a Badger WriteBatch commits as many transactions as it needs),
// and only then sets the marker. A store with no aliases just gets the
// marker. It runs before the store is handed out, so nothing writes
// meanwhile.
func (s *Store) buildWordIndex(ctx context.Context, log *slog.Logger) error {
	var v uint64
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		v, err = readCounter(txn, key(pMeta, wordIndexMeta))
		return err
	})
	if err != nil || v == wordIndexVersion {
		return err
	}
	each := func(prefix byte, fn func(k []byte) error) error {
		txn := s.db.NewTransaction(false)
		defer txn.Discard()
		return scan(ctx, txn, []byte{prefix}, "", func(item *badger.Item) (bool, error) {
			return true, fn(item.KeyCopy(nil))
		})
	}
	stale := 0
	if err := s.writeBatch(func(wb *badger.WriteBatch) error {
		return each(pWord, func(k []byte) error { stale++; return wb.Delete(k) })
	}); err != nil {
		return err
	}
	aliases, words := 0, 0
	if err := s.writeBatch(func(wb *badger.WriteBatch) error {
		return each(pAlias, func(k []byte) error {
			if len(k) < 1+1+8 {
				return nil
			}
			aliases++
			for _, wk := range wordKeys(string(k[1:len(k)-9]), idOfAlias(k)) {
				words++
				if err := wb.Set(wk, nil); err != nil {
					return err
				}
			}
			return nil
		})
	}); err != nil {
		return err
	}
	if log != nil && aliases+stale > 0 {
		log.Info("graph: built the word index", "aliases", aliases, "words", words, "stale", stale)
	}
	return s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(key(pMeta, wordIndexMeta), u64(nil, wordIndexVersion))
	})
}

// writeBatch writes what fill puts in a Badger WriteBatch, which commits
// as many transactions as it needs: for building an index at Open, when
// nothing else writes.
func (s *Store) writeBatch(fill func(wb *badger.WriteBatch) error) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	if err := fill(wb); err != nil {
		return err
	}
	return wb.Flush()
}

// search is one query, ready to rank aliases.
type search struct {
	text   string   // folded
	words  []string // of text
	runes  [][]rune // of each word
	typ    string
	hash   uint32 // of text and type, to tell cursors of other queries
	driver int    // the word that reads the index
}

func newSearch(q SearchQuery) *search {
	sq := &search{text: Fold(q.Text), typ: strings.TrimSpace(q.Type)}
	sq.words = aliasWords(sq.text, false)
	for _, w := range sq.words {
		sq.runes = append(sq.runes, []rune(w))
	}
	h := fnv.New32a()
	h.Write([]byte(sq.text + "\x00" + strings.ToUpper(sq.typ)))
	sq.hash = h.Sum32()
	// The index is read by one word; any does, as all must match. The
	// narrowest range is that of a short word (2 or 3 letters), which must
	// match a word's start; else the longest word, the most selective.
	sq.driver = -1
	for i, r := range sq.runes {
		if n := len(r); n >= 2 && n < 4 && (sq.driver < 0 || n > len(sq.runes[sq.driver])) {
			sq.driver = i
		}
	}
	if sq.driver < 0 {
		for i, r := range sq.runes {
			if sq.driver < 0 || len(r) > len(sq.runes[sq.driver]) {
				sq.driver = i
			}
		}
	}
	return sq
}

// rank is how folded alias f matches the query, rankNone when it does not.
func (sq *search) rank(f string) int {
	switch {
	case sq.text == "":
		return rankNone
	case f == sq.text:
		return rankExact
	case strings.HasPrefix(f, sq.text):
		return rankPrefix
	case len(sq.words) == 0:
		return rankNone
	}
	aw := aliasWords(f, true)
	var ar [][]rune // aw as runes, when needed
	worst := rankWords
	for i, w := range sq.words {
		best := rankNone
		for _, a := range aw {
			if a == w {
				best = rankWords
				break
			}
			if strings.HasPrefix(a, w) {
				best = rankWordPrefixes
			}
		}
		if best == rankNone {
			if ar == nil {
				ar = make([][]rune, len(aw))
				for j, a := range aw {
					ar[j] = []rune(a)
				}
			}
			for _, a := range ar {
				if nearMiss(sq.runes[i], a) {
					best = rankNear
					break
				}
			}
		}
		worst = max(worst, best)
		if worst == rankNone {
			break
		}
	}
	return worst
}

// nearMiss reports whether alias word a is a near miss of query word w (see
// Search).
func nearMiss(w, a []rune) bool {
	k := 1
	switch {
	case len(w) < 4:
		return false
	case len(w) >= 8:
		k = 2
	}
	if len(a) < len(w)-k || len(a) > len(w)+k {
		return false
	}
	// len(a) >= 3. The first letter right, or a typo in it with the two
	// letters after the typo right: wrong (a = x w1 w2…), missing (a = x w0
	// w1…), extra (a = w1 w2…), or the first two swapped (a = w1 w0…).
	if a[0] != w[0] && (a[1] != w[1] || a[2] != w[2]) && (a[1] != w[0] || a[2] != w[1]) &&
		(a[0] != w[1] || (a[1] != w[2] && a[1] != w[0])) {
		return false
	}
	return withinOSA(w, a, k)
}

// withinOSA reports whether the optimal string alignment distance between a
// and b (Levenshtein with swaps of adjacent letters) is at most k.
func withinOSA(a, b []rune, k int) bool {
	var buf [3 * 24]int
	n := len(b) + 1
	var rows []int
	if 3*n <= len(buf) {
		rows = buf[:3*n]
	} else {
		rows = make([]int, 3*n)
	}
	prev2, prev, cur := rows[:n], rows[n:2*n], rows[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := i
		for j := 1; j < n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			low = min(low, d)
		}
		if low > k {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[n-1] <= k
}

// searchHit is an entity found, at its best rank so far.
type searchHit struct {
	id   uint64
	rank int
	rec  entityRec
	name string // Fold(rec.Name)
}

// collector gathers the entities that match, each once, at most
// MaxSearchResults of them.
type collector struct {
	txn  *badger.Txn
	sq   *search
	hits map[uint64]*searchHit
	skip map[uint64]bool // not of the type asked for, or no record
	full bool
}

// offer files entity id at rank r; false once the collector is full.
func (c *collector) offer(id uint64, r int) (bool, error) {
	if h, ok := c.hits[id]; ok {
		h.rank = min(h.rank, r)
		return true, nil
	}
	if c.skip[id] {
		return true, nil
	}
	if len(c.hits) >= MaxSearchResults {
		c.full = true
		return false, nil
	}
	h := &searchHit{id: id, rank: r}
	if err := getJSON(c.txn, key(pEntity, id), &h.rec); err != nil {
		if errors.Is(err, badger.ErrKeyNotFound) {
			c.skip[id] = true
			return true, nil
		}
		return false, err
	}
	if c.sq.typ != "" && !strings.EqualFold(h.rec.Type, c.sq.typ) {
		c.skip[id] = true
		return true, nil
	}
	h.name = Fold(h.rec.Name)
	c.hits[id] = h
	return true, nil
}

// collect finds the entities that match, in rank order.
func (sq *search) collect(ctx context.Context, txn *badger.Txn) ([]*searchHit, error) {
	if sq.text == "" {
		return nil, nil
	}
	c := &collector{txn: txn, sq: sq, hits: map[uint64]*searchHit{}, skip: map[uint64]bool{}}
	v, err := readCounter(txn, key(pMeta, wordIndexMeta))
	if err != nil {
		return nil, err
	}
	if v == wordIndexVersion {
		err = sq.collectIndexed(ctx, c)
	} else {
		err = sq.collectAll(ctx, c)
	}
	if err != nil {
		return nil, err
	}
	return c.sorted(), nil
}

// sorted lists the entities collected in rank order.
func (c *collector) sorted() []*searchHit {
	hits := make([]*searchHit, 0, len(c.hits))
	for _, h := range c.hits {
		hits = append(hits, h)
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].less(hits[j]) })
	return hits
}

// collectAll ranks every alias: for stores without the word index.
func (sq *search) collectAll(ctx context.Context, c *collector) error {
	return sq.offerAliases(ctx, c, []byte{pAlias})
}

// offerAliases ranks every alias key under prefix and offers those that
// match.
func (sq *search) offerAliases(ctx context.Context, c *collector, prefix []byte) error {
	return scan(ctx, c.txn, prefix, "", func(item *badger.Item) (bool, error) {
		k := item.Key()
		if len(k) < 1+1+8 {
			return true, nil
		}
		if r := sq.rank(string(k[1 : len(k)-9])); r != rankNone {
			return c.offer(idOfAlias(k), r)
		}
		return true, nil
	})
}

// collectIndexed reads the aliases that start with the text (ranks exact
// and prefix), then the word keys of the words that the driver word (w)
// starts, then, for a driver of 4 letters or more, of those it may be a
// near miss of: the words that start with w0 and, for each other first
// letter c in the index, those that start with c w1 w2 or c w0 w1, and
// with c = w1 those that start with w1 w2 or w1 w0 (see nearMiss). Every
// alias found is ranked in full, so the driver only narrows what is read.
func (sq *search) collectIndexed(ctx context.Context, c *collector) error {
	err := sq.offerAliases(ctx, c, key(pAlias, sq.text))
	if err != nil || c.full || sq.driver < 0 {
		return err
	}
	w := sq.runes[sq.driver]
	ws := sq.words[sq.driver]

	opt := badger.DefaultIteratorOptions
	opt.Prefix = []byte{pWord}
	opt.PrefetchValues = false
	it := c.txn.NewIterator(opt)
	defer it.Close()

	var lastWord []byte
	lastOK := false
	steps, repeats := 0, 0
	// scanRange offers the aliases of the words in range prefix whose word
	// the driver matches, skipping the range skip (already read).
	scanRange := func(prefix, skip []byte) (bool, error) {
		for it.Seek(prefix); it.ValidForPrefix(prefix); {
			if steps++; steps&1023 == 0 {
				if err := ctx.Err(); err != nil {
					return false, err
				}
			}
			k := it.Item().Key()
			if skip != nil && bytes.HasPrefix(k, skip) {
				it.Seek(append(append([]byte(nil), skip...), 0xff))
				continue
			}
			word, id, f, ok := parseWordKey(k)
			if !ok {
				it.Next()
				continue
			}
			if !bytes.Equal(word, lastWord) {
				lastWord = append(lastWord[:0], word...)
				lastOK = bytes.HasPrefix(word, []byte(ws)) || nearMiss(w, []rune(string(word)))
				repeats = 0
			} else if repeats++; !lastOK && repeats == 8 {
				// a common word that does not match: seek past its keys
				it.Seek(key(pWord, lastWord, byte(1)))
				continue
			}
			if lastOK {
				if r := sq.rank(string(f)); r != rankNone {
					if more, err := c.offer(id, r); err != nil || !more {
						return false, err
					}
				}
			}
			it.Next()
		}
		return true, nil
	}

	// words that start with the driver: ranks up to word prefixes
	exact := key(pWord, ws)
	more, err := scanRange(exact, nil)
	if err != nil || !more || len(w) < 4 {
		return err
	}
	// near misses
	first := key(pWord, string(w[0]))
	if more, err = scanRange(first, exact); err != nil || !more {
		return err
	}
	for it.Seek([]byte{pWord}); it.ValidForPrefix([]byte{pWord}); {
		k := it.Item().Key()
		c0, size := utf8.DecodeRune(k[1:])
		lead := append([]byte(nil), k[1:1+size]...)
		if c0 != w[0] {
			// what follows a first letter c0 in the words nearMiss takes
			rest := []string{string(w[1:3]), string(w[0:2])}
			if c0 == w[1] {
				rest = append(rest, string(w[2]), string(w[0]))
			}
			for i, r := range rest {
				covered := false
				for j, o := range rest {
					if j != i && strings.HasPrefix(r, o) && (len(o) < len(r) || j < i) {
						covered = true
					}
				}
				if covered {
					continue
				}
				if more, err = scanRange(key(pWord, lead, r), nil); err != nil || !more {
					return err
				}
			}
		}
		it.Seek(key(pWord, lead, byte(0xff)))
	}
	return nil
}

// less orders hits: by rank, more mentions first, then by name and id.
func (h *searchHit) less(o *searchHit) bool {
	if h.rank != o.rank {
		return h.rank < o.rank
	}
	if h.rec.Mentions != o.rec.Mentions {
		return h.rec.Mentions > o.rec.Mentions
	}
	if h.name != o.name {
		return h.name < o.name
	}
	if h.rec.Name != o.rec.Name {
		return h.rec.Name < o.rec.Name
	}
	return h.id < o.id
}

// cursor encodes the position of h in the ranked order of this query:
// 's', rank, query hash, mentions, id, name.
func (sq *search) cursor(h *searchHit) string {
	b := []byte{'s', byte(h.rank)}
	b = binary.BigEndian.AppendUint32(b, sq.hash)
	b = u64(b, uint64(max(h.rec.Mentions, 0)))
	b = u64(b, h.id)
	b = append(b, h.rec.Name...)
	return base64.RawURLEncoding.EncodeToString(b)
}

// uncursor decodes a cursor of this query; nil for a blank one.
func (sq *search) uncursor(c string) (*searchHit, error) {
	if c == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	const n = 1 + 1 + 4 + 8 + 8
	if err != nil || len(b) < n || b[0] != 's' || b[1] >= rankNone ||
		binary.BigEndian.Uint32(b[2:]) != sq.hash || binary.BigEndian.Uint64(b[6:]) > 1<<62 {
		return nil, fmt.Errorf("cursor %q: %w", c, ErrInvalid)
	}
	h := &searchHit{rank: int(b[1]), id: binary.BigEndian.Uint64(b[14:])}
	h.rec.Mentions = int(binary.BigEndian.Uint64(b[6:]))
	h.rec.Name = string(b[n:])
	h.name = Fold(h.rec.Name)
	return h, nil
}
