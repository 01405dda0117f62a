package graph

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"
)

// searchOpen opens an empty in-memory store, closed when the test ends.
func searchOpen(t testing.TB) *Store {
	t.Helper()
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatalf("Open(in memory) = %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// searchDocs are the documents of the search tests. For the query "putin"
// they hold an entity at every rank:
//
//	exact         Vladimir Putin (alias "Putin")
//	prefix        Putinka
//	words         Anti-Putin Coalition
//	word prefixes Neo-Putinism
//	near misses   Patin Group, Outin Ltd, Putn Foundation, Uptin Partners
func searchDocs() []Document {
	ent := func(name, typ string, mentions int, aliases ...string) Entity {
		return Entity{Name: name, Type: typ, Mentions: mentions, Aliases: aliases}
	}
	return []Document{
		{ID: "d1", Hash: "h1", Entities: []Entity{
			ent("Vladimir Putin", Person, 20, "Putin", "Vladimir Vladimirovich Putin"),
			ent("Bashar al-Assad", Person, 8),
			ent("Damascus", Place, 5),
			ent("Vladivostok", Place, 7),
		}},
		{ID: "d2", Hash: "h2", Entities: []Entity{
			ent("Putinka", Org, 3),
			ent("Anti-Putin Coalition", Org, 4),
			ent("Neo-Putinism", Misc, 2),
		}},
		{ID: "d3", Hash: "h3", Entities: []Entity{
			ent("Patin Group", Org, 6),
			ent("Outin Ltd", Org, 1),
			ent("Putn Foundation", Org, 1),
			ent("Uptin Partners", Org, 1),
		}},
	}
}

func searchStore(t testing.TB) *Store {
	t.Helper()
	s := searchOpen(t)
	for _, d := range searchDocs() {
		if _, err := s.Add(context.Background(), d); err != nil {
			t.Fatalf("Add(%s) = %v", d.ID, err)
		}
	}
	if err := Verify(s); err != nil {
		t.Fatalf("Verify() = %v", err)
	}
	return s
}

// searchNames runs Search with one big page and lists the names found.
func searchNames(t testing.TB, s *Store, q SearchQuery) []string {
	t.Helper()
	got, _, err := s.Search(context.Background(), q, Page{})
	if err != nil {
		t.Fatalf("Search(%+v) = %v", q, err)
	}
	var names []string
	for _, e := range got {
		names = append(names, e.Name)
	}
	return names
}

func TestSearch(t *testing.T) {
	s := searchStore(t)
	for _, tc := range []struct {
		text, typ string
		want      []string
	}{
		// every rank, in order; equal ranks by mentions, then name
		{"putin", "", []string{"Vladimir Putin", "Putinka", "Anti-Putin Coalition", "Neo-Putinism",
			"Patin Group", "Outin Ltd", "Putn Foundation", "Uptin Partners"}},
		{"PUTIN.", "", []string{"Vladimir Putin", "Putinka", "Anti-Putin Coalition", "Neo-Putinism",
			"Patin Group", "Outin Ltd", "Putn Foundation", "Uptin Partners"}},
		{"putin", "ORG", []string{"Putinka", "Anti-Putin Coalition", "Patin Group", "Outin Ltd", "Putn Foundation", "Uptin Partners"}},
		{"putin", "person", []string{"Vladimir Putin"}},
		{"putin", "PLACE", nil},
		{"V.L.A.D.I.M.I.R. Putin", "", []string{"Vladimir Putin"}},
		{"vladimir", "", []string{"Vladimir Putin"}},
		{"vlad", "", []string{"Vladimir Putin", "Vladivostok"}},
		{"vladimir putin", "", []string{"Vladimir Putin"}},
		{"putin vladimir", "", []string{"Vladimir Putin"}},
		{"vladmir putin", "", []string{"Vladimir Putin"}},
		{"vladimirr putn", "", []string{"Vladimir Putin"}},
		{"vlad put", "", []string{"Vladimir Putin"}},
		// typos in the first letter, with the next letter right
		{"lvadimir", "", []string{"Vladimir Putin"}},  // swapped
		{"bladimir", "", []string{"Vladimir Putin"}},  // wrong
		{"ladimir", "", []string{"Vladimir Putin"}},   // missing
		{"wvladimir", "", []string{"Vladimir Putin"}}, // extra
		{"bkadimir", "", nil},                         // two typos in the first two letters
		{"blxdimir", "", nil},                         // a wrong first letter, and the third
		{"ladimirr", "", []string{"Vladimir Putin"}},  // a missing first letter, and an extra last one
		// near misses: 4–7 letters one edit, 8+ two, up to 3 none
		{"pxtin", "", []string{"Vladimir Putin", "Patin Group", "Anti-Putin Coalition"}},
		{"pxxin", "", nil},
		{"vladixxr", "", []string{"Vladimir Putin"}},
		{"vlaxxxir", "", nil},
		{"put", "", []string{"Vladimir Putin", "Putinka", "Putn Foundation", "Anti-Putin Coalition", "Neo-Putinism"}},
		{"pxt", "", nil},
		// words split on hyphens and apostrophes, and joined up
		{"assad", "", []string{"Bashar al-Assad"}},
		{"ASSAD", "person", []string{"Bashar al-Assad"}},
		{"al-assad", "", []string{"Bashar al-Assad"}},
		{"al assad", "", []string{"Bashar al-Assad"}},
		{"alassad", "", []string{"Bashar al-Assad"}},
		{"bashar assad", "", []string{"Bashar al-Assad"}},
		{"asad", "", []string{"Bashar al-Assad"}},
		{"antiputin", "", []string{"Anti-Putin Coalition"}},
		{"putinism", "", []string{"Neo-Putinism"}},
		// nothing
		{"", "", nil},
		{"...", "", nil},
		{"zzzz", "", nil},
		{"putin zzzz", "", nil},
	} {
		t.Run(tc.text+"/"+tc.typ, func(t *testing.T) {
			q := SearchQuery{Text: tc.text, Type: tc.typ}
			got := searchNames(t, s, q)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Search(%+v) mismatch (-want +got):\n%s", q, diff)
			}
			n, err := s.CountSearch(context.Background(), q)
			if err != nil || n != len(tc.want) {
				t.Errorf("CountSearch(%+v) = %d, %v, want %d", q, n, err, len(tc.want))
			}
		})
	}
}

// TestSearchRanks checks the rank each entity is found at for "putin".
func TestSearchRanks(t *testing.T) {
	s := searchStore(t)
	want := map[string]int{
		"Vladimir Putin": rankExact, "Putinka": rankPrefix, "Anti-Putin Coalition": rankWords,
		"Neo-Putinism": rankWordPrefixes, "Patin Group": rankNear, "Outin Ltd": rankNear,
		"Putn Foundation": rankNear, "Uptin Partners": rankNear,
	}
	got := map[string]int{}
	for _, h := range searchHits(t, s, SearchQuery{Text: "putin"}, false) {
		got[h.rec.Name] = h.rank
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ranks for putin mismatch (-want +got):\n%s", diff)
	}
}

// searchHits runs a search, by the index or by reading every alias.
func searchHits(t testing.TB, s *Store, q SearchQuery, all bool) []*searchHit {
	t.Helper()
	sq := newSearch(q)
	var hits []*searchHit
	err := s.view(context.Background(), func(txn *badger.Txn) error {
		var err error
		if all {
			hits, err = sq.collectWith(context.Background(), txn, sq.collectAll)
		} else {
			hits, err = sq.collect(context.Background(), txn)
		}
		return err
	})
	if err != nil {
		t.Fatalf("search %+v = %v", q, err)
	}
	return hits
}

// collectWith collects by fn.
func (sq *search) collectWith(ctx context.Context, txn *badger.Txn, fn func(context.Context, *collector) error) ([]*searchHit, error) {
	c := &collector{txn: txn, sq: sq, hits: map[uint64]*searchHit{}, skip: map[uint64]bool{}}
	if err := fn(ctx, c); err != nil {
		return nil, err
	}
	return c.sorted(), nil
}

func TestSearchPages(t *testing.T) {
	s := searchStore(t)
	gen := searchOpen(t)
	for _, d := range genDocs(40, 50, 7) {
		if _, err := gen.Add(context.Background(), d); err != nil {
			t.Fatalf("Add(%s) = %v", d.ID, err)
		}
	}
	for _, c := range []struct {
		s *Store
		q SearchQuery
	}{
		{s, SearchQuery{Text: "putin"}}, {s, SearchQuery{Text: "putin", Type: Org}}, {s, SearchQuery{Text: "p"}},
		{gen, SearchQuery{Text: "k"}}, {gen, SearchQuery{Text: "ma"}}, {gen, SearchQuery{Text: "anna"}},
		{gen, SearchQuery{Text: "group"}}, {gen, SearchQuery{Text: "m", Type: Person}},
	} {
		ctx := context.Background()
		all, last, err := c.s.Search(ctx, c.q, Page{})
		if err != nil {
			t.Fatalf("Search(%+v) = %v", c.q, err)
		}
		if len(all) < 3 {
			t.Fatalf("Search(%+v) found %d entities, want some to page through", c.q, len(all))
		}
		if last != all[len(all)-1].Cursor {
			t.Errorf("Search(%+v) cursor %q, want the last entity's %q", c.q, last, all[len(all)-1].Cursor)
		}
		var paged []Entity
		after := ""
		for range len(all) + 1 {
			page, next, err := c.s.Search(ctx, c.q, Page{After: after, Limit: 2})
			if err != nil {
				t.Fatalf("Search(%+v, after %q) = %v", c.q, after, err)
			}
			if len(page) == 0 {
				if next != "" {
					t.Errorf("empty page, cursor %q", next)
				}
				break
			}
			paged = append(paged, page...)
			after = next
		}
		if diff := cmp.Diff(all, paged); diff != "" {
			t.Errorf("Search(%+v) by pages of 2 mismatch (-one page +pages):\n%s", c.q, diff)
		}
		// any entity's cursor continues after it
		for i, e := range all {
			rest, _, err := c.s.Search(ctx, c.q, Page{After: e.Cursor})
			if err != nil || len(rest) != len(all)-i-1 || (len(rest) > 0 && rest[0].ID != all[i+1].ID) {
				t.Fatalf("Search(%+v) after entity %d: %d entities, %v", c.q, i, len(rest), err)
			}
		}
	}
}

func TestSearchInvalidCursor(t *testing.T) {
	s := searchStore(t)
	ctx := context.Background()
	q := SearchQuery{Text: "putin"}
	page, _, err := s.Search(ctx, q, Page{Limit: 1})
	if err != nil || len(page) != 1 {
		t.Fatalf("Search(%+v) = %v, %v", q, page, err)
	}
	_, ents, err := s.Entities(ctx, EntityFilter{Prefix: "p"}, Page{Limit: 1})
	if err != nil {
		t.Fatalf("Entities() = %v", err)
	}
	for _, c := range []string{
		"not base64!",
		base64.RawURLEncoding.EncodeToString([]byte("s")),
		base64.RawURLEncoding.EncodeToString([]byte("s\x09aaaaaaaaaaaaaaaaaaaaaaaa")),
		ents, // another listing's
	} {
		if _, _, err := s.Search(ctx, q, Page{After: c}); !errors.Is(err, ErrInvalid) {
			t.Errorf("Search(after %q) = %v, want ErrInvalid", c, err)
		}
	}
	// another query's cursor
	other := SearchQuery{Text: "putin", Type: Org}
	if _, _, err := s.Search(ctx, other, Page{After: page[0].Cursor}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Search(%+v) with a cursor of %+v = %v, want ErrInvalid", other, q, err)
	}
}

// TestSearchEdits: merges and splits change aliases, and the word index
// follows (Verify checks it).
func TestSearchEdits(t *testing.T) {
	s := searchStore(t)
	ctx := context.Background()
	if _, err := s.MergeEntities(ctx, "Anti-Putin Coalition", "Putn Foundation"); err != nil {
		t.Fatalf("MergeEntities() = %v", err)
	}
	if err := Verify(s); err != nil {
		t.Fatalf("Verify() after merge = %v", err)
	}
	if got, want := searchNames(t, s, SearchQuery{Text: "putn foundation"}), []string{"Anti-Putin Coalition"}; !cmp.Equal(got, want) {
		t.Errorf("after merge, Search(putn foundation) = %q, want %q", got, want)
	}
	if got, want := searchNames(t, s, SearchQuery{Text: "foundatoin"}), []string{"Anti-Putin Coalition"}; !cmp.Equal(got, want) {
		t.Errorf("after merge, Search(foundatoin) = %q, want %q", got, want)
	}
	if _, err := s.SplitAlias(ctx, "Anti-Putin Coalition", "Putn Foundation"); err != nil {
		t.Fatalf("SplitAlias() = %v", err)
	}
	if err := Verify(s); err != nil {
		t.Fatalf("Verify() after split = %v", err)
	}
	got, _, err := s.Search(ctx, SearchQuery{Text: "foundation"}, Page{})
	if err != nil || len(got) != 1 || got[0].Name != "Putn Foundation" || got[0].ID == "E6" {
		t.Errorf("after split, Search(foundation) = %+v, %v, want a new Putn Foundation", got, err)
	}
	// a later document that adds an alias
	if _, err := s.Add(ctx, Document{ID: "d4", Hash: "h4", Entities: []Entity{
		{Name: "Bashar al-Assad", Type: Person, Aliases: []string{"Bashar Hafez al-Assad"}}}}); err != nil {
		t.Fatalf("Add() = %v", err)
	}
	if err := Verify(s); err != nil {
		t.Fatalf("Verify() after add = %v", err)
	}
	if got, want := searchNames(t, s, SearchQuery{Text: "hafez"}), []string{"Bashar al-Assad"}; !cmp.Equal(got, want) {
		t.Errorf("Search(hafez) = %q, want %q", got, want)
	}
}

// TestSearchMatchesScan: the index finds what ranking every alias finds.
func TestSearchMatchesScan(t *testing.T) {
	s := searchOpen(t)
	docs := genDocs(60, 50, 11)
	for _, d := range docs {
		if _, err := s.Add(context.Background(), d); err != nil {
			t.Fatalf("Add(%s) = %v", d.ID, err)
		}
	}
	if err := Verify(s); err != nil {
		t.Fatalf("Verify() = %v", err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var queries []string
	for range 400 {
		d := docs[rng.IntN(len(docs))]
		name := d.Entities[rng.IntN(len(d.Entities))].Name
		words := strings.Fields(strings.ToLower(name))
		switch rng.IntN(5) {
		case 0:
			queries = append(queries, name)
		case 1:
			queries = append(queries, name[:1+rng.IntN(len(name))])
		case 2:
			queries = append(queries, typo(rng, words[rng.IntN(len(words))]))
		case 3:
			for i := range words {
				words[i] = typo(rng, words[i])
			}
			queries = append(queries, strings.Join(words, " "))
		default:
			w := words[len(words)-1]
			queries = append(queries, w[:1+rng.IntN(len(w))])
		}
	}
	found := 0
	for _, text := range queries {
		q := SearchQuery{Text: text}
		a, b := searchHits(t, s, q, false), searchHits(t, s, q, true)
		if diff := cmp.Diff(hitList(b), hitList(a)); diff != "" {
			t.Errorf("Search(%q) by the index mismatch (-all aliases +index):\n%s", text, diff)
		}
		found += len(a)
	}
	if found == 0 {
		t.Errorf("no query found anything")
	}
}

func hitList(hits []*searchHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, fmt.Sprintf("%d E%d %s", h.rank, h.id, h.rec.Name))
	}
	return out
}

// typo makes one random typo in a word: a letter inserted, deleted,
// replaced or swapped with the next, anywhere.
func typo(rng *rand.Rand, w string) string {
	r := []rune(w)
	i := rng.IntN(len(r))
	c := rune('a' + rng.IntN(26))
	switch rng.IntN(4) {
	case 0:
		r = append(r[:i], append([]rune{c}, r[i:]...)...)
	case 1:
		if len(r) > 1 {
			r = append(r[:i], r[i+1:]...)
		}
	case 2:
		r[i] = c
	default:
		if i+1 < len(r) {
			r[i], r[i+1] = r[i+1], r[i]
		}
	}
	return string(r)
}

// TestSearchMigration: a store written before the word index existed (no W
// keys, no marker) is searched by reading every alias when opened read-only,
// and gets its index when opened read-write.
func TestSearchMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open(%s) = %v", dir, err)
	}
	for _, d := range append(searchDocs(), genDocs(20, 50, 5)...) {
		if _, err := s.Add(ctx, d); err != nil {
			t.Fatalf("Add(%s) = %v", d.ID, err)
		}
	}
	queries := []SearchQuery{{Text: "putin"}, {Text: "vladmir putin"}, {Text: "assad"}, {Text: "m"}, {Text: "group", Type: Org}}
	want := map[SearchQuery][]Entity{}
	for _, q := range queries {
		if want[q], _, err = s.Search(ctx, q, Page{}); err != nil {
			t.Fatalf("Search(%+v) = %v", q, err)
		}
	}
	// Make it an old store, with a stale word key a crashed build left.
	err = s.db.Update(func(txn *badger.Txn) error {
		var keys [][]byte
		err := scan(ctx, txn, []byte{pWord}, "", func(item *badger.Item) (bool, error) {
			keys = append(keys, item.KeyCopy(nil))
			return true, nil
		})
		if err != nil {
			return err
		}
		if len(keys) == 0 {
			return fmt.Errorf("no word keys")
		}
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		if err := txn.Set(key(pWord, "stale", byte(0), uint64(999), "stale"), nil); err != nil {
			return err
		}
		return txn.Delete(key(pMeta, wordIndexMeta))
	})
	if err != nil {
		t.Fatalf("dropping the word index: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}

	check := func(s *Store, how string) {
		t.Helper()
		for _, q := range queries {
			got, _, err := s.Search(ctx, q, Page{})
			if err != nil {
				t.Fatalf("%s: Search(%+v) = %v", how, q, err)
			}
			if diff := cmp.Diff(want[q], got); diff != "" {
				t.Errorf("%s: Search(%+v) mismatch (-before +now):\n%s", how, q, diff)
			}
		}
	}
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open(%s, read-only) = %v", dir, err)
	}
	check(ro, "read-only, no index")
	if err := Verify(ro); err == nil {
		t.Errorf("Verify() of a store without a word index = nil, want an error")
	}
	if err := ro.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}

	rw, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open(%s) = %v", dir, err)
	}
	defer rw.Close()
	if err := Verify(rw); err != nil {
		t.Fatalf("Verify() after the migration = %v", err)
	}
	check(rw, "migrated")
}

func TestSearchNewStoreMarked(t *testing.T) {
	s := searchOpen(t)
	var v uint64
	err := s.view(context.Background(), func(txn *badger.Txn) error {
		var err error
		v, err = readCounter(txn, key(pMeta, wordIndexMeta))
		return err
	})
	if err != nil || v != wordIndexVersion {
		t.Errorf("word index marker of a new store = %d, %v, want %d", v, err, wordIndexVersion)
	}
}

func TestAliasWords(t *testing.T) {
	for _, tc := range []struct {
		alias string
		want  []string
	}{
		{"Bashar al-Assad", []string{"bashar", "al", "assad", "alassad"}},
		{"O’Brien", []string{"o", "brien", "obrien"}},
		{"Washington, D.C.", []string{"washington", "dc"}},
		{"AT&T", []string{"at", "t", "att"}},
		{"COVID-19", []string{"covid", "19", "covid19"}},
		{"Zürich", []string{"zürich"}},
		{"  ", nil},
		{"–", nil},
	} {
		if got := aliasWords(Fold(tc.alias), true); !cmp.Equal(got, tc.want) {
			t.Errorf("aliasWords(%q) = %q, want %q", tc.alias, got, tc.want)
		}
	}
}

func TestNearMiss(t *testing.T) {
	for _, tc := range []struct {
		w, a string
		want bool
	}{
		{"putin", "putin", true},
		{"putin", "patin", true},
		{"putin", "uptin", true},
		{"putin", "putn", true},
		{"putin", "pputin", true},
		{"putin", "ptuni", false},
		{"put", "pat", false},
		{"vladmir", "vladimir", true},
		{"vladimir", "vlaidmri", true},
		{"vladimir", "vladimirov", true},
		{"vladimir", "vladimirova", false},
		{"vladimir", "xxadimir", false},
		{"ladimir", "vladimir", true},
	} {
		if got := nearMiss([]rune(tc.w), []rune(tc.a)); got != tc.want {
			t.Errorf("nearMiss(%q, %q) = %t, want %t", tc.w, tc.a, got, tc.want)
		}
	}
}

// genDocs generates n documents of per entities each: people, organisations
// and places with made-up names.
func genDocs(n, per int, seed uint64) []Document {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	syl := []string{"ka", "lo", "mi", "ra", "ta", "ne", "vo", "si", "du", "be", "gor", "lan", "mar", "tin",
		"vel", "zar", "ko", "ri", "sa", "po", "len", "dor", "ma", "ni", "ol", "ev", "an", "is", "ur", "ek",
		"bru", "shi", "fen", "hol", "jus", "qua", "wen", "yor", "cle", "gri"}
	first := []string{"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Irina", "Jonas",
		"Katja", "Lars", "Maria", "Nikolai", "Olga", "Pavel", "Rosa", "Sergei", "Tomas", "Ursula", "Viktor",
		"Wanda", "Yusuf", "Zofia", "Adrian", "Bianca", "Cyril", "Dana", "Emil", "Fatima"}
	orgs := []string{"Group", "Bank", "Institute", "Holdings", "Partners", "Foundation", "Party", "Council"}
	places := []string{"ovo", "sk", "burg", "grad", "ville", "stan"}
	word := func() string {
		var b strings.Builder
		for range 2 + rng.IntN(2) {
			b.WriteString(syl[rng.IntN(len(syl))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var docs []Document
	for i := range n {
		d := Document{ID: fmt.Sprintf("g%d", i), Hash: fmt.Sprintf("gh%d", i)}
		for range per {
			var e Entity
			switch rng.IntN(3) {
			case 0:
				e = Entity{Name: first[rng.IntN(len(first))] + " " + word(), Type: Person}
			case 1:
				e = Entity{Name: word() + " " + orgs[rng.IntN(len(orgs))], Type: Org}
			default:
				e = Entity{Name: word() + places[rng.IntN(len(places))], Type: Place}
				if rng.IntN(3) == 0 {
					e.Name = "Port " + e.Name
				}
			}
			e.Mentions = 1 + rng.IntN(9)
			d.Entities = append(d.Entities, e)
		}
		docs = append(docs, d)
	}
	return docs
}

var bench struct {
	once sync.Once
	s    *Store
	n    int
	err  error
}

// benchStore is a store of about 50,000 generated entities, built once.
func benchStore(b *testing.B) *Store {
	bench.once.Do(func() {
		s, err := Open("", Options{InMemory: true})
		if err != nil {
			bench.err = err
			return
		}
		for _, d := range genDocs(1000, 50, 1) {
			if _, err := s.Add(context.Background(), d); err != nil {
				bench.err = err
				return
			}
		}
		st, err := s.Stats(context.Background())
		bench.s, bench.n, bench.err = s, st.Entities, err
	})
	if bench.err != nil {
		b.Fatalf("building the store: %v", bench.err)
	}
	return bench.s
}

func BenchmarkSearch(b *testing.B) {
	s := benchStore(b)
	b.Logf("%d entities", bench.n)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		q    SearchQuery
		all  bool
	}{
		{"prefix/m", SearchQuery{Text: "m"}, false},
		{"prefix/mar", SearchQuery{Text: "mar"}, false},
		{"prefix/polo", SearchQuery{Text: "polo"}, false},
		{"word/polomar", SearchQuery{Text: "polomar"}, false},
		{"words/maria kolo", SearchQuery{Text: "maria kolo"}, false},
		{"typo/polmar", SearchQuery{Text: "polmar"}, false},
		{"typo/mraia kolo", SearchQuery{Text: "mraia kolo"}, false},
		{"typo/olomar", SearchQuery{Text: "olomar"}, false},
		{"noindex/polmar", SearchQuery{Text: "polmar"}, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				if c.all {
					n = len(searchHits(b, s, c.q, true))
					continue
				}
				got, _, err := s.Search(ctx, c.q, Page{Limit: 20})
				if err != nil {
					b.Fatal(err)
				}
				n = len(got)
			}
			count, err := s.CountSearch(ctx, c.q)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(count), "matches")
			top := searchNames(b, s, c.q)
			b.Logf("%q: %d on the first page; first %q", c.q.Text, n, top[:min(len(top), 4)])
		})
	}
}

// BenchmarkBuildWordIndex rebuilds the word index of the 50,000-entity
// store, as Open does for a store written before it existed.
func BenchmarkBuildWordIndex(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(key(pMeta, wordIndexMeta)) }); err != nil {
			b.Fatal(err)
		}
		if err := s.buildWordIndex(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
	counts := map[byte]int{}
	err := s.view(context.Background(), func(txn *badger.Txn) error {
		for _, p := range []byte{pAlias, pWord} {
			err := scan(context.Background(), txn, []byte{p}, "", func(*badger.Item) (bool, error) {
				counts[p]++
				return true, nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d entities, %d alias keys, %d word keys", bench.n, counts[pAlias], counts[pWord])
}
