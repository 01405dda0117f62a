package graph_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kg-builder/kg/graph"
)

// mustOpen opens an empty in-memory store, closed when the test ends.
func mustOpen(t testing.TB) *graph.Store {
	t.Helper()
	s, err := graph.Open("", graph.Options{InMemory: true})
	if err != nil {
		t.Fatalf("Open(in memory) = %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close() = %v", err)
		}
	})
	return s
}

// mustAdd adds d and fails the test on error.
func mustAdd(t testing.TB, s *graph.Store, d graph.Document) graph.Added {
	t.Helper()
	a, err := s.Add(context.Background(), d)
	if err != nil {
		t.Fatalf("Add(%s) = %v", d.ID, err)
	}
	return a
}

// triple builds an extracted triple with one Evidence, as the extractor does.
func triple(subj, st, rel, rt, obj, ot string, conf float64, doc string, sentence int) graph.Triple {
	text := st + " " + rt + " " + ot + "."
	return graph.Triple{
		Subject: subj, Relation: rel, Object: obj,
		SubjectText: st, RelationText: rt, ObjectText: ot,
		Confidence: conf,
		Evidence: []graph.Evidence{{
			DocumentID: doc, Sentence: sentence, Text: text,
			Start: sentence * 100, End: sentence*100 + len(text),
			SubjectText: st, RelationText: rt, ObjectText: ot, Confidence: conf,
		}},
	}
}

// typed sets the end types of a triple.
func typed(t graph.Triple, subjType, objType string) graph.Triple {
	t.SubjectType, t.ObjectType = subjType, objType
	return t
}

// seedDocs are three documents about the same people. Stored, they give:
//
//	E1 Rex Tillerson (PERSON)   E2 Vladimir Putin (PERSON)   E3 Moscow (PLACE)
//	E4 United States (PLACE)    E5 Exxon (ORG)               E6 oil (CONCEPT)
//
//	T1 Rex Tillerson  meet      Vladimir Putin   (d1 and d2: Count 2)
//	T2 Rex Tillerson  visit     Moscow
//	T3 Vladimir Putin criticize United States
//	T4 Rex Tillerson  lead      Exxon
//	T5 Rex Tillerson  meet      Vladimir Putin   (negated)
//	T6 Exxon          sell      oil
//	T7 Rex Tillerson  meet      Vladimir Putin   (modality "may")
func seedDocs() []graph.Document {
	p, pl, o, c := graph.Person, graph.Place, graph.Org, graph.Concept
	neg := typed(triple("Rex Tillerson", "Tillerson", "meet", "did not meet", "Vladimir Putin", "Putin", 0.4, "d2", 2), p, p)
	neg.Negated = true
	may := typed(triple("Rex Tillerson", "Tillerson", "meet", "may meet", "Vladimir Putin", "Putin", 0.3, "d3", 1), p, p)
	may.Modality = "may"
	return []graph.Document{
		{
			ID: "d1", Title: "Talks", Source: "wire", URL: "https://example.com/1", Date: "2017-04-12",
			Hash: "h1", Sentences: 3, Tokens: 30,
			Entities: []graph.Entity{
				{Name: "Rex Tillerson", Type: p, Aliases: []string{"Tillerson", "Rex Tillerson"}, Mentions: 3},
				{Name: "Vladimir Putin", Type: p, Aliases: []string{"Putin"}, Mentions: 2},
				{Name: "Moscow", Type: pl, Mentions: 1},
				{Name: "United States", Type: pl, Aliases: []string{"U.S.", "USA"}, Mentions: 2},
			},
			Triples: []graph.Triple{
				typed(triple("Rex Tillerson", "Tillerson", "meet", "met", "Vladimir Putin", "Putin", 0.5, "d1", 0), p, p),
				typed(triple("Rex Tillerson", "Tillerson", "visit", "visited", "Moscow", "Moscow", 0.9, "d1", 1), p, pl),
				typed(triple("Vladimir Putin", "Putin", "criticize", "criticized", "United States", "the U.S.", 0.6, "d1", 2), p, pl),
			},
		},
		{
			ID: "d2", Title: "Oil", Source: "blog", Date: "2017-05-02", Hash: "h2", Sentences: 3, Tokens: 25,
			Entities: []graph.Entity{
				{Name: "Rex Tillerson", Type: p, Aliases: []string{"Tillerson"}, Mentions: 1},
				{Name: "Vladimir Putin", Type: p, Mentions: 1},
				{Name: "Exxon", Type: o, Aliases: []string{"ExxonMobil"}, Mentions: 1},
			},
			Triples: []graph.Triple{
				typed(triple("Rex Tillerson", "Rex Tillerson", "meet", "met with", "Vladimir Putin", "Vladimir Putin", 0.6, "d2", 0), p, p),
				typed(triple("Rex Tillerson", "Tillerson", "lead", "led", "Exxon", "ExxonMobil", 0.7, "d2", 1), p, o),
				neg,
			},
		},
		{
			// Tillerson and Putin are named only by the triple: the store
			// resolves them from the triple's ends.
			ID: "d3", Title: "Markets", Hash: "h3", Sentences: 2, Tokens: 12,
			Entities: []graph.Entity{
				{Name: "Exxon", Type: o, Mentions: 1},
				{Name: "Moscow", Type: pl, Mentions: 1},
				{Name: "oil", Type: c, Mentions: 2},
			},
			Triples: []graph.Triple{
				typed(triple("Exxon", "Exxon", "sell", "sells", "oil", "oil", 0.5, "d3", 0), o, c),
				may,
			},
		},
	}
}

// seed adds seedDocs to s and returns what each Add reported.
func seed(t testing.TB, s *graph.Store) []graph.Added {
	t.Helper()
	var out []graph.Added
	for _, d := range seedDocs() {
		out = append(out, mustAdd(t, s, d))
	}
	return out
}

// seeded is a fresh in-memory store holding seedDocs.
func seeded(t testing.TB) *graph.Store {
	t.Helper()
	s := mustOpen(t)
	seed(t, s)
	return s
}

func mustStats(t testing.TB, s *graph.Store) graph.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats() = %v", err)
	}
	return st
}

// ids lists the ids of triples, in their order.
func ids(ts []graph.Triple) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func entityNames(es []graph.Entity) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Name)
	}
	return out
}

var (
	approx   = cmpopts.EquateApprox(0, 1e-9)
	cmpEmpty = cmpopts.EquateEmpty()
	// ignoreCursor drops the position of listed items from comparisons with
	// hand-written values.
	ignoreCursor = cmp.Options{
		cmpopts.IgnoreFields(graph.Entity{}, "Cursor"),
		cmpopts.IgnoreFields(graph.Triple{}, "Cursor"),
		cmpopts.IgnoreFields(graph.DocumentInfo{}, "Cursor"),
	}
)

var seedStats = graph.Stats{Documents: 3, Sentences: 8, Tokens: 67, Entities: 6, Triples: 7, Relations: 5, Evidence: 8}

func TestAddCounts(t *testing.T) {
	s := mustOpen(t)
	got := seed(t, s)
	want := []graph.Added{
		{DocumentID: "d1", Sentences: 3, Entities: 4, Triples: 3, Evidence: 3, EntitiesHit: 4},
		// T1 exists already: 2 new edges, 3 evidence records.
		{DocumentID: "d2", Sentences: 3, Entities: 1, Triples: 2, Evidence: 3, EntitiesHit: 3},
		// Tillerson and Putin are hit through the triple's ends.
		{DocumentID: "d3", Sentences: 2, Entities: 1, Triples: 2, Evidence: 2, EntitiesHit: 5},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Add(seed docs) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(seedStats, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() after seeding mismatch (-want +got):\n%s", diff)
	}
}

func TestAddDuplicate(t *testing.T) {
	ctx := context.Background()
	d1 := seedDocs()[0]
	copyOf := d1
	copyOf.ID = "d1-copy"
	copyOf.Title = "Another title"
	tests := []struct {
		name string
		doc  graph.Document
	}{
		{"same document again", d1},
		{"new id, same hash", copyOf},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := seeded(t)
			before := mustStats(t, s)
			docsBefore, _, err := s.Documents(ctx, graph.Page{})
			if err != nil {
				t.Fatalf("Documents() = %v", err)
			}
			got, err := s.Add(ctx, tt.doc)
			if err != nil {
				t.Fatalf("Add(%s) = %v", tt.doc.ID, err)
			}
			if !got.Duplicate || got.DocumentID != "d1" || got.Entities != 0 || got.Triples != 0 || got.Evidence != 0 || got.EntitiesHit != 0 {
				t.Errorf("Add(%s) = %+v, want Duplicate of d1 adding nothing", tt.doc.ID, got)
			}
			if diff := cmp.Diff(before, mustStats(t, s)); diff != "" {
				t.Errorf("Stats() changed by a duplicate (-before +after):\n%s", diff)
			}
			docsAfter, _, err := s.Documents(ctx, graph.Page{})
			if err != nil {
				t.Fatalf("Documents() = %v", err)
			}
			if diff := cmp.Diff(docsBefore, docsAfter); diff != "" {
				t.Errorf("Documents() changed by a duplicate (-before +after):\n%s", diff)
			}
			tr, err := s.Triple(ctx, "T1")
			if err != nil || tr.Count != 2 {
				t.Errorf("Triple(T1) = %+v, %v, want Count 2", tr, err)
			}
			if tt.doc.ID != "d1" {
				if _, err := s.Document(ctx, tt.doc.ID); !errors.Is(err, graph.ErrNotFound) {
					t.Errorf("Document(%q) error = %v, want ErrNotFound", tt.doc.ID, err)
				}
			}
		})
	}
}

func TestHasText(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	tests := []struct {
		hash   string
		wantID string
		wantOK bool
	}{
		{"h1", "d1", true},
		{"h3", "d3", true},
		{"H1", "", false},
		{"h4", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		id, ok, err := s.HasText(ctx, tt.hash)
		if err != nil || id != tt.wantID || ok != tt.wantOK {
			t.Errorf("HasText(%q) = %q, %v, %v, want %q, %v, nil", tt.hash, id, ok, err, tt.wantID, tt.wantOK)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := s.HasText(cancelled, "h1"); !errors.Is(err, context.Canceled) {
		t.Errorf("HasText(cancelled context) error = %v, want context.Canceled", err)
	}
}

func TestAddConflict(t *testing.T) {
	s := seeded(t)
	before := mustStats(t, s)
	d := seedDocs()[0]
	d.Hash = "another hash"
	d.Entities = append(d.Entities, graph.Entity{Name: "Brand New", Type: graph.Person})
	_, err := s.Add(context.Background(), d)
	if !errors.Is(err, graph.ErrConflict) {
		t.Fatalf("Add(d1 with a new hash) error = %v, want ErrConflict", err)
	}
	if diff := cmp.Diff(before, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() changed by a failed Add (-before +after):\n%s", diff)
	}
	if _, err := s.Entity(context.Background(), "Brand New"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Entity(Brand New) after failed Add error = %v, want ErrNotFound", err)
	}
}

func TestAddInvalid(t *testing.T) {
	tests := []struct {
		name string
		doc  graph.Document
	}{
		{"no id", graph.Document{Hash: "h"}},
		{"no hash", graph.Document{ID: "d"}},
		{"nothing", graph.Document{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			if _, err := s.Add(context.Background(), tt.doc); !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("Add(%+v) error = %v, want ErrInvalid", tt.doc, err)
			}
			if diff := cmp.Diff(graph.Stats{}, mustStats(t, s)); diff != "" {
				t.Errorf("Stats() after invalid Add (-want +got):\n%s", diff)
			}
		})
	}
}

// Triples whose ends are one entity, or that have no relation, are not edges.
func TestAddSkipsDegenerateTriples(t *testing.T) {
	s := mustOpen(t)
	got := mustAdd(t, s, graph.Document{ID: "d", Hash: "h", Sentences: 2,
		Entities: []graph.Entity{{Name: "Alice", Type: graph.Person}, {Name: "Bob", Type: graph.Person}},
		Triples: []graph.Triple{
			typed(triple("Alice", "Alice", "praise", "praised", "Alice", "herself", 0.5, "d", 0), graph.Person, graph.Person),
			typed(triple("Alice", "Alice", "", "and", "Bob", "Bob", 0.5, "d", 1), graph.Person, graph.Person),
		}})
	want := graph.Added{DocumentID: "d", Sentences: 2, Entities: 2, EntitiesHit: 2}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Add() mismatch (-want +got):\n%s", diff)
	}
	st := mustStats(t, s)
	if st.Triples != 0 || st.Evidence != 0 || st.Relations != 0 {
		t.Errorf("Stats() = %+v, want no triples, evidence or relations", st)
	}
}

func TestEdgeAggregation(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	got, err := s.Triple(ctx, "T1")
	if err != nil {
		t.Fatalf("Triple(T1) = %v", err)
	}
	want := graph.Triple{
		ID: "T1", Subject: "Rex Tillerson", Relation: "meet", Object: "Vladimir Putin",
		SubjectType: graph.Person, ObjectType: graph.Person,
		SubjectText: "Tillerson", RelationText: "met", ObjectText: "Putin", // as first seen
		Confidence: 1 - (1-0.5)*(1-0.6), // noisy-or
		Count:      2, SubjectID: "E1", ObjectID: "E2",
	}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("Triple(T1) mismatch (-want +got):\n%s", diff)
	}
	ev, err := s.Evidence(ctx, "T1", 0)
	if err != nil {
		t.Fatalf("Evidence(T1) = %v", err)
	}
	wantEv := []graph.Evidence{
		{DocumentID: "d1", Sentence: 0, Text: "Tillerson met Putin.", Start: 0, End: 20,
			SubjectText: "Tillerson", RelationText: "met", ObjectText: "Putin", Confidence: 0.5},
		{DocumentID: "d2", Sentence: 0, Text: "Rex Tillerson met with Vladimir Putin.", Start: 0, End: 38,
			SubjectText: "Rex Tillerson", RelationText: "met with", ObjectText: "Vladimir Putin", Confidence: 0.6},
	}
	if diff := cmp.Diff(wantEv, ev); diff != "" {
		t.Errorf("Evidence(T1) mismatch (-want +got):\n%s", diff)
	}

	// Negated and modal statements of the same triple are edges of their own.
	variants, _, err := s.Match(ctx, graph.Pattern{Subject: "Tillerson", Relation: "meet", Object: "Putin"}, graph.Page{})
	if err != nil {
		t.Fatalf("Match() = %v", err)
	}
	type variant struct {
		ID       string
		Negated  bool
		Modality string
		Count    int
	}
	var gotV []variant
	for _, v := range variants {
		gotV = append(gotV, variant{v.ID, v.Negated, v.Modality, v.Count})
	}
	wantV := []variant{{"T1", false, "", 2}, {"T5", true, "", 1}, {"T7", false, "may", 1}}
	sortBy := cmpopts.SortSlices(func(a, b variant) bool { return a.ID < b.ID })
	if diff := cmp.Diff(wantV, gotV, sortBy); diff != "" {
		t.Errorf("variants of (Tillerson, meet, Putin) mismatch (-want +got):\n%s", diff)
	}
}

// Noisy-or over any number of evidence records, with out-of-range
// confidences clamped to [0,1].
func TestConfidenceNoisyOr(t *testing.T) {
	tests := []struct {
		name  string
		confs []float64
		want  float64
	}{
		{"one", []float64{0.3}, 0.3},
		{"two", []float64{0.5, 0.5}, 0.75},
		{"three", []float64{0.2, 0.5, 0.9}, 1 - 0.8*0.5*0.1},
		{"zero", []float64{0, 0}, 0},
		{"certain, but capped", []float64{1, 0.2}, 0.99},
		{"clamped above, and capped", []float64{1.7}, 0.99},
		{"many witnesses are not certainty", []float64{0.75, 0.75, 0.75, 0.75}, 0.99},
		{"clamped below", []float64{-0.5, 0.4}, 0.4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			for i, c := range tt.confs {
				id := fmt.Sprint("d", i)
				mustAdd(t, s, graph.Document{ID: id, Hash: id,
					Triples: []graph.Triple{typed(triple("Alice", "Alice", "know", "knows", "Bob", "Bob", c, id, 0), graph.Person, graph.Person)}})
			}
			got, err := s.Triple(context.Background(), "T1")
			if err != nil {
				t.Fatalf("Triple(T1) = %v", err)
			}
			if math.Abs(got.Confidence-tt.want) > 1e-9 || got.Count != len(tt.confs) {
				t.Errorf("Triple(T1) = confidence %v count %d, want %v count %d", got.Confidence, got.Count, tt.want, len(tt.confs))
			}
		})
	}
}

// Non-finite confidences are clamped, not refused (JSON cannot hold them).
func TestAddNonFiniteConfidence(t *testing.T) {
	for _, c := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		t.Run(fmt.Sprint(c), func(t *testing.T) {
			s := mustOpen(t)
			d := graph.Document{ID: "d", Hash: "h",
				Triples: []graph.Triple{typed(triple("Alice", "Alice", "know", "knows", "Bob", "Bob", c, "d", 0), graph.Person, graph.Person)}}
			if _, err := s.Add(context.Background(), d); err != nil {
				t.Fatalf("Add(confidence %v) = %v, want nil", c, err)
			}
			if n, err := s.Count(context.Background(), graph.Pattern{}); err != nil || n != 1 {
				t.Errorf("Count() = %d, %v, want 1", n, err)
			}
		})
	}
}

// A document too large for one transaction is refused whole.
func TestAddTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	s := seeded(t)
	before := mustStats(t, s)
	d := graph.Document{ID: "big", Hash: "big"}
	d.Entities = []graph.Entity{{Name: "Big A", Type: graph.Misc}, {Name: "Big B", Type: graph.Misc}}
	for i := 0; i < 60000; i++ {
		rel := fmt.Sprint("relate", i)
		d.Triples = append(d.Triples, typed(triple("Big A", "A", rel, rel, "Big B", "B", 0.5, "big", i), graph.Misc, graph.Misc))
	}
	_, err := s.Add(context.Background(), d)
	if !errors.Is(err, graph.ErrTooLarge) {
		t.Fatalf("Add(60000 triples) error = %v, want ErrTooLarge", err)
	}
	if diff := cmp.Diff(before, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() changed by a failed Add (-before +after):\n%s", diff)
	}
	if _, err := s.Entity(context.Background(), "Big A"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Entity(Big A) after failed Add error = %v, want ErrNotFound", err)
	}
}

// Concurrent writers share entities without losing counts.
func TestAddConcurrent(t *testing.T) {
	s := mustOpen(t)
	const n = 20
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			id := fmt.Sprint("d", i)
			other := fmt.Sprint("Person ", i)
			_, err := s.Add(context.Background(), graph.Document{ID: id, Hash: id, Sentences: 1,
				Entities: []graph.Entity{{Name: "Alice", Type: graph.Person}, {Name: other, Type: graph.Person}},
				Triples:  []graph.Triple{typed(triple("Alice", "Alice", "meet", "met", other, other, 0.5, id, 0), graph.Person, graph.Person)}})
			errs <- err
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Add() = %v", err)
		}
	}
	want := graph.Stats{Documents: n, Sentences: n, Entities: n + 1, Triples: n, Relations: 1, Evidence: n}
	if diff := cmp.Diff(want, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() mismatch (-want +got):\n%s", diff)
	}
	alice, err := s.Entity(context.Background(), "alice")
	if err != nil || alice.Mentions != n {
		t.Errorf("Entity(alice) = %+v, %v, want %d mentions", alice, err, n)
	}
}

func TestOpenPersists(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := graph.Open(dir, graph.Options{})
	if err != nil {
		t.Fatalf("Open(%s) = %v", dir, err)
	}
	seed(t, s)
	wantTriples, _, err := s.Match(ctx, graph.Pattern{}, graph.Page{})
	if err != nil {
		t.Fatalf("Match() = %v", err)
	}
	wantEntity, err := s.Entity(ctx, "Tillerson")
	if err != nil {
		t.Fatalf("Entity(Tillerson) = %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}

	for _, o := range []graph.Options{{}, {ReadOnly: true}} {
		s, err := graph.Open(dir, o)
		if err != nil {
			t.Fatalf("Open(%s, %+v) after Close = %v", dir, o, err)
		}
		if diff := cmp.Diff(seedStats, mustStats(t, s)); diff != "" {
			t.Errorf("Stats() after reopen %+v mismatch (-want +got):\n%s", o, diff)
		}
		got, _, err := s.Match(ctx, graph.Pattern{}, graph.Page{})
		if err != nil {
			t.Fatalf("Match() after reopen = %v", err)
		}
		if diff := cmp.Diff(wantTriples, got); diff != "" {
			t.Errorf("Match() after reopen %+v mismatch (-want +got):\n%s", o, diff)
		}
		e, err := s.Entity(ctx, "Tillerson")
		if err != nil {
			t.Fatalf("Entity(Tillerson) after reopen = %v", err)
		}
		if diff := cmp.Diff(wantEntity, e); diff != "" {
			t.Errorf("Entity(Tillerson) after reopen %+v mismatch (-want +got):\n%s", o, diff)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close() = %v", err)
		}
	}

	// A reopened store goes on numbering where it left off.
	s, err = graph.Open(dir, graph.Options{})
	if err != nil {
		t.Fatalf("Open(%s) = %v", dir, err)
	}
	defer s.Close()
	a := mustAdd(t, s, graph.Document{ID: "d4", Hash: "h4",
		Triples: []graph.Triple{typed(triple("Rex Tillerson", "Tillerson", "resign", "resigned", "State Department", "State", 0.5, "d4", 0), graph.Person, graph.Org)}})
	if a.Entities != 1 || a.Triples != 1 {
		t.Errorf("Add(d4) = %+v, want 1 entity and 1 triple", a)
	}
	tr, err := s.Triple(ctx, "T8")
	if err != nil || tr.Relation != "resign" || tr.ObjectID != "E7" {
		t.Errorf("Triple(T8) = %+v, %v, want the resign edge to E7", tr, err)
	}
	docs, _, err := s.Documents(ctx, graph.Page{})
	if err != nil || len(docs) != 4 || docs[3].ID != "d4" {
		t.Errorf("Documents() = %v, %v, want d1..d4", docs, err)
	}
}

func TestOpenLocked(t *testing.T) {
	dir := t.TempDir()
	s, err := graph.Open(dir, graph.Options{})
	if err != nil {
		t.Fatalf("Open(%s) = %v", dir, err)
	}
	defer s.Close()
	pid := fmt.Sprintf("pid %d", os.Getpid())
	for _, o := range []graph.Options{{}, {ReadOnly: true}} {
		s2, err := graph.Open(dir, o)
		if err == nil {
			s2.Close()
			t.Fatalf("second Open(%s, %+v) succeeded, want ErrLocked", dir, o)
		}
		if !errors.Is(err, graph.ErrLocked) {
			t.Errorf("second Open(%s, %+v) error = %v, want ErrLocked", dir, o, err)
		}
		if !strings.Contains(err.Error(), pid) {
			t.Errorf("second Open(%s, %+v) error = %q, want it to mention %q", dir, o, err, pid)
		}
	}
}

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	t.Run("missing dir", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "missing")
		s, err := graph.Open(dir, graph.Options{ReadOnly: true})
		if err == nil {
			s.Close()
			t.Fatalf("Open(%s, ReadOnly) succeeded, want an error", dir)
		}
		if !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Open(%s, ReadOnly) error = %v, want ErrNotFound", dir, err)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Open(%s, ReadOnly) created the directory: %v", dir, err)
		}
	})
	t.Run("empty dir", func(t *testing.T) {
		dir := t.TempDir()
		if s, err := graph.Open(dir, graph.Options{ReadOnly: true}); err == nil {
			s.Close()
			t.Errorf("Open(empty %s, ReadOnly) succeeded, want an error", dir)
		}
	})
	t.Run("no dir", func(t *testing.T) {
		if s, err := graph.Open("", graph.Options{}); err == nil {
			s.Close()
			t.Errorf("Open(\"\") succeeded, want an error")
		}
	})
	t.Run("writes refused", func(t *testing.T) {
		dir := t.TempDir()
		s, err := graph.Open(dir, graph.Options{})
		if err != nil {
			t.Fatalf("Open(%s) = %v", dir, err)
		}
		seed(t, s)
		if err := s.Close(); err != nil {
			t.Fatalf("Close() = %v", err)
		}
		// Several read-only opens share a store.
		r1, err := graph.Open(dir, graph.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("Open(%s, ReadOnly) = %v", dir, err)
		}
		defer r1.Close()
		r2, err := graph.Open(dir, graph.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("second Open(%s, ReadOnly) = %v", dir, err)
		}
		defer r2.Close()
		for _, r := range []*graph.Store{r1, r2} {
			_, err := r.Add(ctx, graph.Document{ID: "d9", Hash: "h9"})
			if !errors.Is(err, graph.ErrReadOnly) {
				t.Errorf("Add() on a read-only store error = %v, want ErrReadOnly", err)
			}
			if diff := cmp.Diff(seedStats, mustStats(t, r)); diff != "" {
				t.Errorf("Stats() on a read-only store mismatch (-want +got):\n%s", diff)
			}
		}
		// A writer cannot open it while readers have it.
		if w, err := graph.Open(dir, graph.Options{}); !errors.Is(err, graph.ErrLocked) {
			if err == nil {
				w.Close()
			}
			t.Errorf("Open(%s) while read-only opens hold it error = %v, want ErrLocked", dir, err)
		}
	})
	t.Run("in memory", func(t *testing.T) {
		s, err := graph.Open("", graph.Options{InMemory: true, ReadOnly: true})
		if err != nil {
			t.Fatalf("Open(in memory, ReadOnly) = %v", err)
		}
		defer s.Close()
		if _, err := s.Add(ctx, seedDocs()[0]); !errors.Is(err, graph.ErrReadOnly) {
			t.Errorf("Add() on a read-only store error = %v, want ErrReadOnly", err)
		}
	})
}

func TestCancelledContext(t *testing.T) {
	s := seeded(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"Add", func() error { _, err := s.Add(ctx, graph.Document{ID: "d9", Hash: "h9"}); return err }},
		{"Entity", func() error { _, err := s.Entity(ctx, "Tillerson"); return err }},
		{"EntityByID", func() error { _, err := s.EntityByID(ctx, "E1"); return err }},
		{"Entities", func() error { _, _, err := s.Entities(ctx, graph.EntityFilter{}, graph.Page{}); return err }},
		{"Entities prefix", func() error {
			_, _, err := s.Entities(ctx, graph.EntityFilter{Prefix: "t"}, graph.Page{})
			return err
		}},
		{"CountEntities", func() error { _, err := s.CountEntities(ctx, graph.EntityFilter{}); return err }},
		{"Match", func() error { _, _, err := s.Match(ctx, graph.Pattern{}, graph.Page{}); return err }},
		{"Count", func() error { _, err := s.Count(ctx, graph.Pattern{Relation: "meet"}); return err }},
		{"Triple", func() error { _, err := s.Triple(ctx, "T1"); return err }},
		{"Evidence", func() error { _, err := s.Evidence(ctx, "T1", 0); return err }},
		{"Neighborhood", func() error { _, err := s.Neighborhood(ctx, "Tillerson", graph.Around{Depth: 2}); return err }},
		{"Path", func() error { _, err := s.Path(ctx, "Moscow", "oil", 5); return err }},
		{"Stats", func() error { _, err := s.Stats(ctx); return err }},
		{"Relations", func() error { _, err := s.Relations(ctx); return err }},
		{"Each", func() error { return s.Each(ctx, func(graph.Triple) error { return nil }) }},
		{"Documents", func() error { _, _, err := s.Documents(ctx, graph.Page{}); return err }},
		{"Document", func() error { _, err := s.Document(ctx, "d1"); return err }},
	}
	for _, c := range calls {
		if err := c.call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s(cancelled context) error = %v, want context.Canceled", c.name, err)
		}
	}
	if diff := cmp.Diff(seedStats, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() changed by a cancelled Add (-want +got):\n%s", diff)
	}
}

// One document stating a triple in two sentences gives one edge with two
// evidence records.
func TestAddSameTripleTwiceInDocument(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	got := mustAdd(t, s, graph.Document{ID: "d", Hash: "h", Sentences: 2, Triples: []graph.Triple{
		typed(triple("Alice", "Alice", "meet", "met", "Bob", "Bob", 0.5, "d", 0), graph.Person, graph.Person),
		typed(triple("Alice", "She", "meet", "met", "Bob", "him", 0.5, "d", 1), graph.Person, graph.Person),
	}})
	want := graph.Added{DocumentID: "d", Sentences: 2, Entities: 2, Triples: 1, Evidence: 2, EntitiesHit: 2}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Add() mismatch (-want +got):\n%s", diff)
	}
	tr, err := s.Triple(ctx, "T1")
	if err != nil || tr.Count != 2 || math.Abs(tr.Confidence-0.75) > 1e-9 {
		t.Errorf("Triple(T1) = %+v, %v, want Count 2 and confidence 0.75", tr, err)
	}
	ev, err := s.Evidence(ctx, "T1", 0)
	if err != nil || len(ev) != 2 || ev[0].Sentence != 0 || ev[1].Sentence != 1 || ev[1].SubjectText != "She" {
		t.Errorf("Evidence(T1) = %+v, %v, want sentences 0 and 1", ev, err)
	}
}

// The same text added concurrently is stored once.
func TestAddConcurrentDuplicates(t *testing.T) {
	s := mustOpen(t)
	const n = 8
	var wg sync.WaitGroup
	results := make(chan graph.Added, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			d := seedDocs()[0]
			d.ID = fmt.Sprint("copy", i)
			a, err := s.Add(context.Background(), d)
			if err != nil {
				t.Errorf("Add(%s) = %v", d.ID, err)
			}
			results <- a
		}(i)
	}
	wg.Wait()
	close(results)
	stored := 0
	for a := range results {
		if !a.Duplicate {
			stored++
		}
	}
	if stored != 1 {
		t.Errorf("%d of %d concurrent Adds of one text were stored, want 1", stored, n)
	}
	want := graph.Stats{Documents: 1, Sentences: 3, Tokens: 30, Entities: 4, Triples: 3, Relations: 3, Evidence: 3}
	if diff := cmp.Diff(want, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() mismatch (-want +got):\n%s", diff)
	}
}

// Ids are numbered, not compared as text: E10 comes after E9, T10 after T9,
// and the tenth document after the ninth.
func TestNumericOrder(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	const n = 12
	for i := 1; i <= n; i++ {
		id := fmt.Sprint("d", i)
		a, b := fmt.Sprint("Node ", i), fmt.Sprint("Node ", i+1)
		mustAdd(t, s, graph.Document{ID: id, Hash: id,
			Triples: []graph.Triple{typed(triple(a, a, "link", "links", b, b, 0.5, id, 0), graph.Misc, graph.Misc)}})
	}
	var wantT, wantE, wantD []string
	for i := 1; i <= n; i++ {
		wantT = append(wantT, fmt.Sprint("T", i))
		wantD = append(wantD, fmt.Sprint("d", i))
	}
	for i := 1; i <= n+1; i++ {
		wantE = append(wantE, fmt.Sprint("E", i))
	}
	var each []string
	if err := s.Each(ctx, func(t graph.Triple) error { each = append(each, t.ID); return nil }); err != nil {
		t.Fatalf("Each() = %v", err)
	}
	if diff := cmp.Diff(wantT, each); diff != "" {
		t.Errorf("Each() order mismatch (-want +got):\n%s", diff)
	}
	all, _, err := s.Match(ctx, graph.Pattern{}, graph.Page{})
	if err != nil {
		t.Fatalf("Match() = %v", err)
	}
	if diff := cmp.Diff(wantT, ids(all)); diff != "" {
		t.Errorf("Match() order mismatch (-want +got):\n%s", diff)
	}
	ents, _, err := s.Entities(ctx, graph.EntityFilter{}, graph.Page{})
	if err != nil {
		t.Fatalf("Entities() = %v", err)
	}
	var gotE []string
	for _, e := range ents {
		gotE = append(gotE, e.ID)
	}
	if diff := cmp.Diff(wantE, gotE); diff != "" {
		t.Errorf("Entities() order mismatch (-want +got):\n%s", diff)
	}
	docs, _, err := s.Documents(ctx, graph.Page{})
	if err != nil {
		t.Fatalf("Documents() = %v", err)
	}
	var gotD []string
	for _, d := range docs {
		gotD = append(gotD, d.ID)
	}
	if diff := cmp.Diff(wantD, gotD); diff != "" {
		t.Errorf("Documents() order mismatch (-want +got):\n%s", diff)
	}
	path, err := s.Path(ctx, "Node 1", "Node 13", 12)
	if err != nil || len(path) != 12 {
		t.Errorf("Path(Node 1, Node 13, 12) = %v, %v, want 12 triples", ids(path), err)
	}
	if _, err := s.Path(ctx, "Node 1", "Node 13", 11); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Path(Node 1, Node 13, 11) error = %v, want ErrNotFound", err)
	}
}

// Aliases are "every name it was mentioned by": a name mentioned again is
// not listed again.
func TestAliasesListedOnce(t *testing.T) {
	tests := []struct {
		name    string
		aliases []string
	}{
		{"plain", []string{"Café Central", "Central"}},
		{"not UTF-8", []string{"Caf\xe9 Central", "Central"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			for i := 0; i < 3; i++ {
				id := fmt.Sprint("d", i)
				mustAdd(t, s, graph.Document{ID: id, Hash: id, Entities: []graph.Entity{
					{Name: tt.aliases[0], Type: graph.Place, Aliases: tt.aliases[1:]}}})
			}
			got, err := s.Entity(context.Background(), tt.aliases[1])
			if err != nil {
				t.Fatalf("Entity(%q) = %v", tt.aliases[1], err)
			}
			if len(got.Aliases) != len(tt.aliases) || got.Mentions != 3 {
				t.Errorf("Entity(%q) = %q with %d mentions, want %d aliases and 3 mentions", tt.aliases[1], got.Aliases, got.Mentions, len(tt.aliases))
			}
		})
	}
}

// Records bigger than Badger's value threshold: a long sentence, a document
// with many edges, an entity with many aliases.
func TestLargeRecords(t *testing.T) {
	long := strings.Repeat("word ", 400) // a 2000-byte sentence
	manyEdges := graph.Document{ID: "edges", Hash: "edges"}
	for i := 0; i < 300; i++ {
		rel := fmt.Sprint("relate", i)
		manyEdges.Triples = append(manyEdges.Triples, typed(triple("Alice", "Alice", rel, rel, "Bob", "Bob", 0.5, "edges", i), graph.Person, graph.Person))
	}
	manyAliases := graph.Document{ID: "aliases", Hash: "aliases"}
	e := graph.Entity{Name: "Alice", Type: graph.Person}
	for i := 0; i < 100; i++ {
		e.Aliases = append(e.Aliases, fmt.Sprint("Alice alias number ", i))
	}
	manyAliases.Entities = []graph.Entity{e}
	longTriple := typed(triple("Alice", "Alice", "say", "said", "Bob", "Bob", 0.5, "long", 0), graph.Person, graph.Person)
	longTriple.Evidence[0].Text = long
	docs := []graph.Document{
		{ID: "long", Hash: "long", Triples: []graph.Triple{longTriple}},
		manyEdges,
		manyAliases,
	}
	for _, inMemory := range []bool{false, true} {
		for _, d := range docs {
			t.Run(fmt.Sprintf("%s in memory %v", d.ID, inMemory), func(t *testing.T) {
				var s *graph.Store
				if inMemory {
					s = mustOpen(t)
				} else {
					var err error
					if s, err = graph.Open(t.TempDir(), graph.Options{}); err != nil {
						t.Fatalf("Open() = %v", err)
					}
					defer s.Close()
				}
				if _, err := s.Add(context.Background(), d); err != nil {
					t.Fatalf("Add(%s) = %v", d.ID, err)
				}
				if _, err := s.Document(context.Background(), d.ID); err != nil {
					t.Errorf("Document(%s) = %v", d.ID, err)
				}
			})
		}
	}
}

// A name is found by the very string it was added with, even when that is
// not valid UTF-8.
func TestLookupInvalidUTF8(t *testing.T) {
	tests := []string{"\xce", "\xce\xce", "Caf\xe9 \xff\xfe", "\xff\xfe\xfd"}
	for _, name := range tests {
		s := mustOpen(t)
		mustAdd(t, s, graph.Document{ID: "d", Hash: "h", Entities: []graph.Entity{{Name: name, Type: graph.Place}}})
		if _, err := s.Entity(context.Background(), name); err != nil {
			t.Errorf("Entity(%q) = %v, want the entity just added", name, err)
		}
	}
}
