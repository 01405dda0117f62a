package graph_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kg-builder/kg/graph"
)

// verify fails the test if the store does not agree with itself.
func verify(t testing.TB, s *graph.Store) {
	t.Helper()
	if err := graph.Verify(s); err != nil {
		t.Fatalf("Verify() = %v", err)
	}
}

// shape lists every stored triple by the names of its ends, without ids:
// what a reader of the graph sees.
func shape(t testing.TB, s *graph.Store) []string {
	t.Helper()
	var out []string
	err := s.Each(context.Background(), func(tr graph.Triple) error {
		var ev []string
		es, err := s.Evidence(context.Background(), tr.ID, 0)
		if err != nil {
			return err
		}
		for _, e := range es {
			ev = append(ev, fmt.Sprintf("%s/%d", e.DocumentID, e.Sentence))
		}
		out = append(out, fmt.Sprintf("%s(%s) -%s/%s/neg=%t/%s-> %s(%s) ×%d %.3f attr=%q evidence %v",
			tr.Subject, tr.SubjectText, tr.Relation, tr.RelationText, tr.Negated, tr.Modality,
			tr.Object, tr.ObjectText, tr.Count, tr.Confidence, tr.AttributedTo, ev))
		return nil
	})
	if err != nil {
		t.Fatalf("Each() = %v", err)
	}
	sort.Strings(out)
	return out
}

// dupDoc names Rex Tillerson as "R. Tillerson", whom the store takes for
// someone else: E7, with E8 Kyiv.
//
//	T8  R. Tillerson   meet    Vladimir Putin  (equal to T1 once merged)
//	T9  R. Tillerson   visit   Kyiv
//	T10 Vladimir Putin praise  R. Tillerson
//	T11 R. Tillerson   succeed Rex Tillerson   (a self-loop once merged)
func dupDoc() graph.Document {
	p, pl := graph.Person, graph.Place
	praise := typed(triple("Vladimir Putin", "Putin", "praise", "praised", "R. Tillerson", "R. Tillerson", 0.7, "d4", 2), p, p)
	praise.AttributedTo = "Lavrov"
	return graph.Document{ID: "d4", Hash: "h4", Sentences: 4, Tokens: 30,
		Entities: []graph.Entity{
			{Name: "R. Tillerson", Type: p, Mentions: 3, Keys: []string{"Tillerson"}},
			{Name: "Vladimir Putin", Type: p, Mentions: 1},
			{Name: "Kyiv", Type: pl, Mentions: 1},
			{Name: "Rex Tillerson", Type: p, Mentions: 1},
		},
		Triples: []graph.Triple{
			typed(triple("R. Tillerson", "R. Tillerson", "meet", "met", "Vladimir Putin", "Putin", 0.5, "d4", 0), p, p),
			typed(triple("R. Tillerson", "R. Tillerson", "visit", "visited", "Kyiv", "Kyiv", 0.8, "d4", 1), p, pl),
			praise,
			typed(triple("R. Tillerson", "R. Tillerson", "succeed", "succeeded", "Rex Tillerson", "Rex Tillerson", 0.6, "d4", 3), p, p),
		},
	}
}

// TestMergeEntities merges the duplicate Tillerson by hand, then undoes
// the merge with SplitAlias: the graph reads as it did before.
func TestMergeEntities(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	mustAdd(t, s, dupDoc())
	verify(t, s)
	before, beforeStats := shape(t, s), mustStats(t, s)

	got, err := s.MergeEntities(ctx, "Rex Tillerson", "r. tillerson")
	if err != nil {
		t.Fatalf("MergeEntities() = %v", err)
	}
	want := graph.Merged{
		Into: graph.Entity{ID: "E1", Name: "Rex Tillerson", Type: graph.Person,
			Aliases: []string{"Rex Tillerson", "Tillerson", "R. Tillerson"}, Mentions: 9},
		From: graph.Entity{ID: "E7", Name: "R. Tillerson", Type: graph.Person,
			Aliases: []string{"R. Tillerson", "Tillerson"}, Mentions: 3},
		EdgesMoved: 3, EdgesFolded: 1, SelfLoops: 1,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MergeEntities() mismatch (-want +got):\n%s", diff)
	}
	verify(t, s)

	for _, name := range []string{"R. Tillerson", "r tillerson", "Tillerson"} {
		if e, err := s.Entity(ctx, name); err != nil || e.ID != "E1" {
			t.Errorf("Entity(%q) = %+v, %v, want E1", name, e, err)
		}
	}
	if e, err := s.EntityByID(ctx, "E7"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("EntityByID(E7) = %+v, %v, want ErrNotFound", e, err)
	}
	// T8 is folded into T1: one edge, three sentences, in ingest order.
	t1, err := s.Triple(ctx, "T1")
	if err != nil || t1.Count != 3 || t1.Confidence != 0.9 || t1.SubjectText != "Tillerson" {
		t.Errorf("Triple(T1) = %+v, %v, want count 3, confidence 0.9 (1 - 0.5·0.4·0.5), subject text Tillerson", t1, err)
	}
	evs, err := s.Evidence(ctx, "T1", 0)
	if err != nil {
		t.Fatalf("Evidence(T1) = %v", err)
	}
	var docs []string
	for _, e := range evs {
		docs = append(docs, e.DocumentID)
	}
	if diff := cmp.Diff([]string{"d1", "d2", "d4"}, docs); diff != "" {
		t.Errorf("Evidence(T1) documents mismatch (-want +got):\n%s", diff)
	}
	if tr, err := s.Triple(ctx, "T8"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Triple(T8) = %+v, %v, want ErrNotFound: it was folded into T1", tr, err)
	}
	// The edge between the two is kept, as a self-loop, with its evidence.
	loop, _, err := s.Match(ctx, graph.Pattern{Subject: "Rex Tillerson", Relation: "succeed"}, graph.Page{})
	if err != nil || len(loop) != 1 || loop[0].ObjectID != "E1" || loop[0].ID != "T11" {
		t.Errorf("Match(Rex Tillerson succeed) = %+v, %v, want T11, to E1 itself", loop, err)
	}
	for _, p := range []graph.Pattern{{SubjectID: "E1"}, {ObjectID: "E1"}} {
		n, err := s.Count(ctx, p)
		if want := map[string]int{"E1": 7}[p.SubjectID] + map[string]int{"E1": 2}[p.ObjectID]; err != nil || n != want {
			t.Errorf("Count(%+v) = %d, %v, want %d", p, n, err, want)
		}
	}
	wantStats := beforeStats
	wantStats.Entities--
	wantStats.Triples--
	if diff := cmp.Diff(wantStats, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() after merge mismatch (-want +got):\n%s", diff)
	}

	// Undo: split the alias off again. The evidence that named him so
	// takes its edges with it, the self-loop included.
	sp, err := s.SplitAlias(ctx, "E1", "R. Tillerson")
	if err != nil {
		t.Fatalf("SplitAlias() = %v", err)
	}
	wantSplit := graph.Split{
		From: graph.Entity{ID: "E1", Name: "Rex Tillerson", Type: graph.Person,
			Aliases: []string{"Rex Tillerson", "Tillerson"}, Mentions: 5},
		New: graph.Entity{ID: "E9", Name: "R. Tillerson", Type: graph.Person,
			Aliases: []string{"R. Tillerson"}, Mentions: 4},
		EdgesMoved: 4, EvidenceMoved: 4, EdgesDeleted: 3,
	}
	if diff := cmp.Diff(wantSplit, sp); diff != "" {
		t.Errorf("SplitAlias() mismatch (-want +got):\n%s", diff)
	}
	verify(t, s)
	if diff := cmp.Diff(before, shape(t, s)); diff != "" {
		t.Errorf("triples after merge and split mismatch (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(beforeStats, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() after merge and split mismatch (-before +after):\n%s", diff)
	}

	// The split sticks: a later document that gives Rex Tillerson the
	// alias does not give it back.
	mustAdd(t, s, graph.Document{ID: "d5", Hash: "h5", Entities: []graph.Entity{
		{Name: "Rex Tillerson", Type: graph.Person, Aliases: []string{"R. Tillerson"}},
	}})
	verify(t, s)
	if e, err := s.EntityByID(ctx, "E1"); err != nil || containsFold(e.Aliases, "R. Tillerson") {
		t.Errorf("EntityByID(E1) after d5 = %+v, %v, want no alias R. Tillerson", e, err)
	}
	if e, err := s.Entity(ctx, "R. Tillerson"); err != nil || e.ID != "E9" {
		t.Errorf("Entity(R. Tillerson) after d5 = %+v, %v, want E9", e, err)
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if graph.Fold(x) == graph.Fold(s) {
			return true
		}
	}
	return false
}

// TestSplitAlias splits the surname off Rex Tillerson in the seed graph:
// every sentence that called him "Tillerson" goes with it.
func TestSplitAlias(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	got, err := s.SplitAlias(ctx, "Rex Tillerson", "tillerson")
	if err != nil {
		t.Fatalf("SplitAlias() = %v", err)
	}
	want := graph.Split{
		// 5 mentions: the 5 moved sentences would take them all, but the
		// old entity keeps one.
		From:       graph.Entity{ID: "E1", Name: "Rex Tillerson", Type: graph.Person, Aliases: []string{"Rex Tillerson"}, Mentions: 1},
		New:        graph.Entity{ID: "E7", Name: "Tillerson", Type: graph.Person, Aliases: []string{"Tillerson"}, Mentions: 4},
		EdgesMoved: 5, EvidenceMoved: 5, EdgesDeleted: 4,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SplitAlias() mismatch (-want +got):\n%s", diff)
	}
	verify(t, s)

	// T1 keeps the sentence that said "Rex Tillerson", and is recounted.
	old, _, err := s.Match(ctx, graph.Pattern{SubjectID: "E1"}, graph.Page{})
	if err != nil {
		t.Fatalf("Match(E1) = %v", err)
	}
	wantOld := []graph.Triple{{ID: "T1", Subject: "Rex Tillerson", Relation: "meet", Object: "Vladimir Putin",
		SubjectType: graph.Person, ObjectType: graph.Person, SubjectText: "Rex Tillerson", RelationText: "met with",
		ObjectText: "Vladimir Putin", Confidence: 0.6, Count: 1, SubjectID: "E1", ObjectID: "E2"}}
	if diff := cmp.Diff(wantOld, old, ignoreCursor); diff != "" {
		t.Errorf("Match(E1) mismatch (-want +got):\n%s", diff)
	}
	moved, _, err := s.Match(ctx, graph.Pattern{Subject: "Tillerson"}, graph.Page{})
	if err != nil {
		t.Fatalf("Match(Tillerson) = %v", err)
	}
	var rows []string
	for _, tr := range moved {
		rows = append(rows, fmt.Sprintf("%s %s %s %s neg=%t %q ×%d %.1f", tr.ID, tr.SubjectID, tr.Relation, tr.Object, tr.Negated, tr.Modality, tr.Count, tr.Confidence))
	}
	wantRows := []string{
		`T8 E7 meet Vladimir Putin neg=false "" ×1 0.5`,
		`T10 E7 lead Exxon neg=false "" ×1 0.7`,
		`T12 E7 meet Vladimir Putin neg=false "may" ×1 0.3`,
		`T9 E7 visit Moscow neg=false "" ×1 0.9`,
		`T11 E7 meet Vladimir Putin neg=true "" ×1 0.4`,
	}
	sort.Strings(rows)
	sort.Strings(wantRows)
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("Match(Tillerson) mismatch (-want +got):\n%s", diff)
	}
	for _, id := range []string{"T2", "T4", "T5", "T7"} {
		if tr, err := s.Triple(ctx, id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Triple(%s) = %+v, %v, want ErrNotFound: all its evidence moved", id, tr, err)
		}
	}
	wantStats := seedStats
	wantStats.Entities++
	wantStats.Triples++ // 4 deleted, 5 made
	if diff := cmp.Diff(wantStats, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() mismatch (-want +got):\n%s", diff)
	}
	rels, err := s.Relations(ctx)
	if err != nil {
		t.Fatalf("Relations() = %v", err)
	}
	wantRels := []graph.Relation{{Name: "criticize", Edges: 1}, {Name: "lead", Edges: 1}, {Name: "meet", Edges: 4}, {Name: "sell", Edges: 1}, {Name: "visit", Edges: 1}}
	if diff := cmp.Diff(wantRels, rels, cmpopts.IgnoreFields(graph.Relation{}, "Cursor")); diff != "" {
		t.Errorf("Relations() mismatch (-want +got):\n%s", diff)
	}

	// Later ingests keep them apart: Rex Tillerson does not get his surname
	// back, and "Tillerson" alone is the new entity.
	a := mustAdd(t, s, graph.Document{ID: "d4", Hash: "h4",
		Entities: []graph.Entity{{Name: "Rex Tillerson", Type: graph.Person, Aliases: []string{"Rex Tillerson"}}, {Name: "Moscow", Type: graph.Place}},
		Triples:  []graph.Triple{typed(triple("Rex Tillerson", "Rex Tillerson", "visit", "visited", "Moscow", "Moscow", 0.5, "d4", 0), graph.Person, graph.Place)},
	})
	b := mustAdd(t, s, graph.Document{ID: "d5", Hash: "h5", Entities: []graph.Entity{{Name: "Tillerson", Type: graph.Person}}})
	if a.Entities != 0 || b.Entities != 0 {
		t.Errorf("Add() after the split created %d and %d entities, want 0", a.Entities, b.Entities)
	}
	verify(t, s)
	if e, err := s.EntityByID(ctx, "E1"); err != nil || !cmp.Equal(e.Aliases, []string{"Rex Tillerson"}) || e.Mentions != 2 {
		t.Errorf("EntityByID(E1) = %+v, %v, want aliases [Rex Tillerson] and 2 mentions", e, err)
	}
	if e, err := s.Entity(ctx, "Tillerson"); err != nil || e.ID != "E7" || e.Mentions != 5 {
		t.Errorf("Entity(Tillerson) = %+v, %v, want E7 with 5 mentions", e, err)
	}
}

// A split recorded against an entity follows it into a merge, unless the
// merged entity goes by that name; merging the split-off entity back voids
// it.
func TestMergeCarriesSplits(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	mustAdd(t, s, graph.Document{ID: "d4", Hash: "h4", Entities: []graph.Entity{{Name: "Rex Wayne Tillerson", Type: graph.Misc}}})
	if _, err := s.SplitAlias(ctx, "E1", "Tillerson"); err != nil { // E8 Tillerson
		t.Fatalf("SplitAlias() = %v", err)
	}
	m, err := s.MergeEntities(ctx, "Rex Wayne Tillerson", "Rex Tillerson")
	if err != nil {
		t.Fatalf("MergeEntities() = %v", err)
	}
	if m.Into.ID != "E7" || m.Into.Type != graph.Person || m.EdgesMoved != 1 || m.EdgesFolded != 0 {
		t.Errorf("MergeEntities() = %+v, want E7, a PERSON by majority, with T1 moved", m)
	}
	verify(t, s)
	// A person's surname alias is refused to E7 as it was to E1.
	mustAdd(t, s, graph.Document{ID: "d5", Hash: "h5", Entities: []graph.Entity{{Name: "Rex Wayne Tillerson", Type: graph.Person}}})
	if e, err := s.EntityByID(ctx, "E7"); err != nil || containsFold(e.Aliases, "Tillerson") {
		t.Errorf("EntityByID(E7) = %+v, %v, want no alias Tillerson", e, err)
	}
	// Merging Tillerson back voids the split.
	if _, err := s.MergeEntities(ctx, "E7", "Tillerson"); err != nil {
		t.Fatalf("MergeEntities(E7, Tillerson) = %v", err)
	}
	verify(t, s)
	if e, err := s.Entity(ctx, "tillerson"); err != nil || e.ID != "E7" {
		t.Errorf("Entity(tillerson) = %+v, %v, want E7", e, err)
	}
	wantStats := seedStats
	wantStats.Documents, wantStats.Entities = 5, 6
	if diff := cmp.Diff(wantStats, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() mismatch (-want +got):\n%s", diff)
	}
}

func TestMergeEntitiesErrors(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	before := shape(t, s)
	tests := []struct {
		into, from string
		want       error
		reason     string
	}{
		{"Rex Tillerson", "Nobody", graph.ErrNotFound, `no entity "Nobody"`},
		{"Nobody", "Putin", graph.ErrNotFound, `no entity "Nobody"`},
		{"", "Putin", graph.ErrNotFound, `no entity ""`},
		{"E1", "E99", graph.ErrNotFound, `no entity "E99"`},
		{"Tillerson", "Rex Tillerson", graph.ErrInvalid, `"Tillerson" and "Rex Tillerson" are the same entity, E1 (Rex Tillerson)`},
		{"E1", "e1", graph.ErrInvalid, "same entity"},
	}
	for _, tt := range tests {
		got, err := s.MergeEntities(ctx, tt.into, tt.from)
		var re *graph.RefusedError
		if !errors.Is(err, tt.want) || !errors.As(err, &re) || re.Reason != tt.reason && !strings.Contains(re.Reason, tt.reason) {
			t.Errorf("MergeEntities(%q, %q) = %+v, %v, want %v saying %q", tt.into, tt.from, got, err, tt.want, tt.reason)
		}
	}
	verify(t, s)
	if diff := cmp.Diff(before, shape(t, s)); diff != "" {
		t.Errorf("refused merges changed the graph (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(seedStats, mustStats(t, s)); diff != "" {
		t.Errorf("refused merges changed Stats() (-before +after):\n%s", diff)
	}
}

func TestSplitAliasErrors(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	before := shape(t, s)
	tests := []struct {
		entity, alias string
		want          error
		reason        string
	}{
		{"Nobody", "Nobody", graph.ErrNotFound, `no entity "Nobody"`},
		{"E99", "x", graph.ErrNotFound, `no entity "E99"`},
		{"Rex Tillerson", "Putin", graph.ErrInvalid, `E1 (Rex Tillerson) has no alias "Putin"`},
		{"Rex Tillerson", "REX TILLERSON", graph.ErrInvalid, `"REX TILLERSON" is the canonical name of E1 (Rex Tillerson): split its other aliases off instead`},
		{"Moscow", "moscow", graph.ErrInvalid, `"moscow" is the only alias of E3 (Moscow): there is nothing to split it from`},
		{"E1", " . ", graph.ErrInvalid, "the alias to split off is blank"},
	}
	for _, tt := range tests {
		got, err := s.SplitAlias(ctx, tt.entity, tt.alias)
		var re *graph.RefusedError
		if !errors.Is(err, tt.want) || !errors.As(err, &re) || re.Reason != tt.reason {
			t.Errorf("SplitAlias(%q, %q) = %+v, %v, want %v saying %q", tt.entity, tt.alias, got, err, tt.want, tt.reason)
		}
	}
	verify(t, s)
	if diff := cmp.Diff(before, shape(t, s)); diff != "" {
		t.Errorf("refused splits changed the graph (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(seedStats, mustStats(t, s)); diff != "" {
		t.Errorf("refused splits changed Stats() (-before +after):\n%s", diff)
	}
}

// An argument that is the id of one entity and the name of another is
// refused rather than guessed; the other id works.
func TestMergeAmbiguousID(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	mustAdd(t, s, graph.Document{ID: "d", Hash: "h", Entities: []graph.Entity{
		{Name: "Alice", Type: graph.Person},
		{Name: "E1", Type: graph.Place, Aliases: []string{"European route E1"}},
		{Name: "Lisbon", Type: graph.Place},
	}})
	_, err := s.MergeEntities(ctx, "E1", "Lisbon")
	var re *graph.RefusedError
	if !errors.Is(err, graph.ErrInvalid) || !errors.As(err, &re) ||
		re.Reason != `"E1" is the id of E1 (Alice) and a name of E2 (E1): say E1 or E2` {
		t.Fatalf("MergeEntities(E1, Lisbon) = %v, want ErrInvalid: ambiguous", err)
	}
	m, err := s.MergeEntities(ctx, "E2", "Lisbon")
	if err != nil || m.Into.Name != "E1" || m.From.Name != "Lisbon" {
		t.Errorf("MergeEntities(E2, Lisbon) = %+v, %v, want Lisbon merged into E1 the road", m, err)
	}
	verify(t, s)
}

func TestEditReadOnly(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open("", graph.Options{InMemory: true, ReadOnly: true})
	if err != nil {
		t.Fatalf("Open(in memory, ReadOnly) = %v", err)
	}
	defer s.Close()
	if _, err := s.MergeEntities(ctx, "a", "b"); !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("MergeEntities() on a read-only store = %v, want ErrReadOnly", err)
	}
	if _, err := s.SplitAlias(ctx, "a", "b"); !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("SplitAlias() on a read-only store = %v, want ErrReadOnly", err)
	}
}

func TestEditCancelled(t *testing.T) {
	s := seeded(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.MergeEntities(ctx, "Rex Tillerson", "Putin"); !errors.Is(err, context.Canceled) {
		t.Errorf("MergeEntities(cancelled) = %v, want context.Canceled", err)
	}
	if _, err := s.SplitAlias(ctx, "Rex Tillerson", "Tillerson"); !errors.Is(err, context.Canceled) {
		t.Errorf("SplitAlias(cancelled) = %v, want context.Canceled", err)
	}
	if diff := cmp.Diff(seedStats, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() changed (-before +after):\n%s", diff)
	}
}

// A merge too large for one transaction is refused whole.
func TestMergeTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	ctx := context.Background()
	s := mustOpen(t)
	const docs, per = 4, 4000
	for d := 0; d < docs; d++ {
		id := fmt.Sprint("big", d)
		doc := graph.Document{ID: id, Hash: id, Entities: []graph.Entity{{Name: "Big A", Type: graph.Misc}, {Name: "Big B", Type: graph.Misc}}}
		for i := 0; i < per; i++ {
			rel := fmt.Sprint("relate", d*per+i)
			doc.Triples = append(doc.Triples, typed(triple("Big A", "A", rel, rel, "Big B", "B", 0.5, id, i), graph.Misc, graph.Misc))
		}
		mustAdd(t, s, doc)
	}
	mustAdd(t, s, graph.Document{ID: "c", Hash: "c", Entities: []graph.Entity{{Name: "Big C", Type: graph.Misc}}})
	before := mustStats(t, s)
	if _, err := s.MergeEntities(ctx, "Big C", "Big A"); !errors.Is(err, graph.ErrTooLarge) {
		t.Fatalf("MergeEntities(Big C, Big A with %d edges) = %v, want ErrTooLarge", docs*per, err)
	}
	if diff := cmp.Diff(before, mustStats(t, s)); diff != "" {
		t.Errorf("Stats() changed by a failed merge (-before +after):\n%s", diff)
	}
	if e, err := s.Entity(ctx, "Big A"); err != nil || e.ID != "E1" {
		t.Errorf("Entity(Big A) after a failed merge = %+v, %v, want E1", e, err)
	}
	verify(t, s)
}

// A short name a document names beside its body ("Fed", "Federal
// Reserve") merges the two, as MergeEntities does; a split undoes it, and
// later documents that name both leave them apart.
func TestDocumentShortNameMergeSplits(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	org := func(name string) graph.Entity { return graph.Entity{Name: name, Type: graph.Org, Mentions: 1} }
	mustAdd(t, s, graph.Document{ID: "d1", Hash: "h1", Entities: []graph.Entity{org("Kelv")}})
	if a := mustAdd(t, s, graph.Document{ID: "d2", Hash: "h2", Entities: []graph.Entity{org("Kelvian Reserve"), org("Kelv")}}); a.Merged != 1 {
		t.Fatalf("Added.Merged = %d, want 1", a.Merged)
	}
	e, err := s.Entity(ctx, "Kelv")
	if err != nil || e.Name != "Kelvian Reserve" || e.Mentions != 3 {
		t.Fatalf("Entity(Kelv) = %+v, %v, want Kelvian Reserve with 3 mentions", e, err)
	}
	if _, err := s.SplitAlias(ctx, "Kelvian Reserve", "Kelv"); err != nil {
		t.Fatalf("SplitAlias() = %v", err)
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("Check() after the split = %v", err)
	}
	if a := mustAdd(t, s, graph.Document{ID: "d3", Hash: "h3", Entities: []graph.Entity{org("Kelvian Reserve"), org("Kelv")}}); a.Merged != 0 {
		t.Errorf("Added.Merged after the split = %d, want 0", a.Merged)
	}
	if e, err := s.Entity(ctx, "Kelv"); err != nil || e.Name != "Kelv" {
		t.Errorf("Entity(Kelv) after the split = %+v, %v, want Kelv of its own", e, err)
	}
}
