package graph_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
)

// snapshot is what a reader sees of a store, without ids: every entity
// with its type, aliases and mentions, every triple with its evidence, and
// the counters.
func snapshot(t testing.TB, s *graph.Store) []string {
	t.Helper()
	ctx := context.Background()
	out := shape(t, s)
	es, _, err := s.Entities(ctx, graph.EntityFilter{}, graph.Page{})
	if err != nil {
		t.Fatalf("Entities() = %v", err)
	}
	for _, e := range es {
		al := append([]string(nil), e.Aliases...)
		sort.Strings(al)
		out = append(out, fmt.Sprintf("entity %s %s %v ×%d", e.Name, e.Type, al, e.Mentions))
	}
	st := mustStats(t, s)
	out = append(out, fmt.Sprintf("stats %+v", st))
	sort.Strings(out)
	return out
}

// renameDoc names Tillerson by his full name first, renames nobody else,
// gives Putin a vote as an organisation, and brings two entities of its own.
func renameDoc() graph.Document {
	p, o, pl := graph.Person, graph.Org, graph.Place
	return graph.Document{
		ID: "d9", Title: "Visit", Hash: "h9", Sentences: 2, Tokens: 20, Date: "2017-05-01",
		Entities: []graph.Entity{
			{Name: "Rex W. Tillerson", Type: p, Aliases: []string{"Rex W. Tillerson", "Rex Tillerson"}, Mentions: 2},
			{Name: "Vladimir Putin", Type: o, Aliases: []string{"Mr Putin"}, Mentions: 1},
			{Name: "Kyiv", Type: pl, Mentions: 1},
			{Name: "Nordic Bank", Type: o, Mentions: 1},
		},
		Triples: []graph.Triple{
			typed(triple("Rex W. Tillerson", "Rex W. Tillerson", "meet", "met", "Vladimir Putin", "Mr Putin", 0.8, "d9", 0), p, o),
			typed(triple("Rex W. Tillerson", "Tillerson", "visit", "visited", "Kyiv", "Kyiv", 0.9, "d9", 1), p, pl),
		},
	}
}

func TestDeleteDocumentUndoesAdd(t *testing.T) {
	ctx := context.Background()
	docs := append(seedDocs(), renameDoc())
	for i, d := range docs {
		t.Run(d.ID, func(t *testing.T) {
			// the store as if d had never been added
			want := mustOpen(t)
			for j, x := range docs {
				if j != i {
					mustAdd(t, want, x)
				}
			}
			// the store with every document up to d, d deleted last
			before := mustOpen(t)
			for _, x := range docs[:i] {
				mustAdd(t, before, x)
			}
			wantBefore := snapshot(t, before)
			mustAdd(t, before, d)
			del, err := before.DeleteDocument(ctx, d.ID)
			if err != nil {
				t.Fatalf("DeleteDocument(%s) = %v", d.ID, err)
			}
			verify(t, before)
			if diff := cmp.Diff(wantBefore, snapshot(t, before)); diff != "" {
				t.Errorf("add then delete %s is not a no-op (-before +after):\n%s", d.ID, diff)
			}
			if del.Document.ID != d.ID || del.Evidence != len(d.Triples) {
				t.Errorf("Deleted = %+v, want document %s and %d evidence", del, d.ID, len(d.Triples))
			}

			// every document added, d deleted from the middle
			all := mustOpen(t)
			for _, x := range docs {
				mustAdd(t, all, x)
			}
			if _, err := all.DeleteDocument(ctx, d.ID); err != nil {
				t.Fatalf("DeleteDocument(%s) = %v", d.ID, err)
			}
			verify(t, all)
			if diff := cmp.Diff(snapshot(t, want), snapshot(t, all)); diff != "" {
				t.Errorf("deleting %s differs from never adding it (-never +deleted):\n%s", d.ID, diff)
			}
			// and it can be added again, as new
			if a := mustAdd(t, all, d); a.Duplicate {
				t.Errorf("re-adding %s after deleting it: a duplicate", d.ID)
			}
			verify(t, all)
		})
	}
}

func TestDeleteDocumentReport(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	mustAdd(t, s, renameDoc())
	del, err := s.DeleteDocument(ctx, "d9")
	if err != nil {
		t.Fatal(err)
	}
	var gone []string
	for _, e := range del.EntitiesDeleted {
		gone = append(gone, e.Name)
	}
	sort.Strings(gone)
	if diff := cmp.Diff([]string{"Kyiv", "Nordic Bank"}, gone); diff != "" {
		t.Errorf("EntitiesDeleted (-want +got):\n%s", diff)
	}
	// d9's meeting is T1, which d1 and d2 state too; its visit is its own
	if diff := cmp.Diff(graph.Deleted{Document: del.Document, Evidence: 2, EdgesDeleted: []string{"T8"}, EdgesChanged: []string{"T1"},
		EntitiesDeleted: del.EntitiesDeleted, EntitiesChanged: []string{"E1", "E2"}}, del); diff != "" {
		t.Errorf("Deleted (-want +got):\n%s", diff)
	}
	e, err := s.Entity(ctx, "Tillerson")
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "Rex Tillerson" {
		t.Errorf("Tillerson is called %q after the document that renamed him is deleted, want Rex Tillerson", e.Name)
	}
	if _, err := s.Entity(ctx, "Mr Putin"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Entity(Mr Putin) after deleting the only document that used it = %v, want ErrNotFound", err)
	}
	p, err := s.Entity(ctx, "Putin")
	if err != nil || p.Type != graph.Person {
		t.Errorf("Putin = %+v, %v; want a PERSON again", p, err)
	}

	// an edge other documents state too loses one sentence and is recounted
	del, err = s.DeleteDocument(ctx, "d2")
	if err != nil {
		t.Fatal(err)
	}
	verify(t, s)
	if len(del.EdgesChanged) != 1 || len(del.EdgesDeleted) != 2 {
		t.Errorf("deleting d2: %+v, want T1 changed and T4, T5 deleted", del)
	}
	ts, _, err := s.Match(ctx, graph.Pattern{Subject: "Tillerson", Relation: "meet", Object: "Putin"}, graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range ts {
		if tr.Negated {
			t.Errorf("the negated meeting only d2 stated survives: %+v", tr)
		}
		if tr.Modality == "" && (tr.Count != 1 || tr.RelationText != "met") {
			t.Errorf("T1 after deleting d2: count %d, text %q; want 1, met", tr.Count, tr.RelationText)
		}
	}
	if _, err := s.Entity(ctx, "ExxonMobil"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("ExxonMobil, named only by d2, is still an alias: %v", err)
	}
	if _, err := s.Entity(ctx, "Exxon"); err != nil {
		t.Errorf("Exxon, named by d3 too, is gone: %v", err)
	}
}

func TestDeleteDocumentErrors(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	_, err := s.DeleteDocument(ctx, "nope")
	var re *graph.RefusedError
	if !errors.Is(err, graph.ErrNotFound) || !errors.As(err, &re) || !strings.Contains(re.Reason, `"nope"`) {
		t.Errorf("DeleteDocument(nope) = %v, want a RefusedError naming it, ErrNotFound", err)
	}
	if _, err := s.DeleteDocument(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteDocument(ctx, "d1"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("deleting d1 twice = %v, want ErrNotFound", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.DeleteDocument(cancelled, "d2"); err == nil {
		t.Error("DeleteDocument with a cancelled context succeeded")
	}
	if _, err := s.Document(ctx, "d2"); err != nil {
		t.Errorf("d2 after a cancelled delete: %v", err)
	}
}

// Deleting documents after a merge and a split keeps the store consistent,
// and deleting all of them leaves nothing.
func TestDeleteDocumentAfterEdits(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	mustAdd(t, s, dupDoc())
	if _, err := s.MergeEntities(ctx, "Rex Tillerson", "R. Tillerson"); err != nil {
		t.Fatal(err)
	}
	verify(t, s)
	if _, err := s.SplitAlias(ctx, "Rex Tillerson", "R. Tillerson"); err != nil {
		t.Fatal(err)
	}
	verify(t, s)
	for _, id := range []string{"d2", "d4", "d1", "d3"} {
		if _, err := s.DeleteDocument(ctx, id); err != nil {
			t.Fatalf("DeleteDocument(%s) = %v", id, err)
		}
		verify(t, s)
	}
	if st := mustStats(t, s); st != (graph.Stats{}) {
		t.Errorf("after deleting every document, Stats() = %+v, want all zero", st)
	}
}
