package graph_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kg-builder/kg/graph"
)

// pager is one of the store's paged listings, by the fuzzer's name or
// id s; it returns the cursors of what it listed and the last one.
type pager struct {
	name string
	list func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error)
}

func entityCursors(es []graph.Entity, last string, err error) ([]string, string, error) {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Cursor
	}
	return out, last, err
}

func tripleCursors(ts []graph.Triple, last string, err error) ([]string, string, error) {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Cursor
	}
	return out, last, err
}

var pagers = []pager{
	{"Entities", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return entityCursors(st.Entities(ctx, graph.EntityFilter{}, p))
	}},
	{"Entities by prefix", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return entityCursors(st.Entities(ctx, graph.EntityFilter{Prefix: s}, p))
	}},
	{"Entities of a type", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return entityCursors(st.Entities(ctx, graph.EntityFilter{Type: s}, p))
	}},
	{"Search", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return entityCursors(st.Search(ctx, graph.SearchQuery{Text: s}, p))
	}},
	{"Match", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return tripleCursors(st.Match(ctx, graph.Pattern{}, p))
	}},
	{"Match by subject", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return tripleCursors(st.Match(ctx, graph.Pattern{Subject: s}, p))
	}},
	{"Match by object id", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return tripleCursors(st.Match(ctx, graph.Pattern{ObjectID: s}, p))
	}},
	{"Match by relation", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return tripleCursors(st.Match(ctx, graph.Pattern{Relation: s}, p))
	}},
	{"Match by document", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return tripleCursors(st.Match(ctx, graph.Pattern{Filter: graph.EdgeFilter{Document: s}}, p))
	}},
	{"Match by date", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return tripleCursors(st.Match(ctx, graph.Pattern{Subject: "Tillerson", Filter: graph.EdgeFilter{Since: s, Until: s}}, p))
	}},
	{"EvidencePage", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		es, last, err := st.EvidencePage(ctx, s, p)
		out := make([]string, len(es))
		for i, e := range es {
			out[i] = e.Cursor
		}
		return out, last, err
	}},
	{"RelationsPage", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		rs, last, err := st.RelationsPage(ctx, s, p)
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = r.Cursor
		}
		return out, last, err
	}},
	{"Documents", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		ds, last, err := st.Documents(ctx, p)
		out := make([]string, len(ds))
		for i, d := range ds {
			out[i] = d.Cursor
		}
		return out, last, err
	}},
	{"DocumentEntities", func(ctx context.Context, st *graph.Store, s string, p graph.Page) ([]string, string, error) {
		return entityCursors(st.DocumentEntities(ctx, s, p))
	}},
}

// FuzzCursors pages through every listing of the store with the fuzzer's
// cursor, page size and name (or id, prefix, relation, date), and looks the
// name up as an entity, a triple and a document. Cursors and ids come from
// clients: a bad one is ErrInvalid or ErrNotFound, never another error or
// a panic. A page holds at most Limit items; its last cursor pages on
// without repeating it.
func FuzzCursors(f *testing.F) {
	ctx := context.Background()
	st := seeded(f)
	var cursors []string
	for _, p := range pagers {
		for _, s := range []string{"Tillerson", "E2", "meet", "d1", "T1", "r", "2017"} {
			cs, last, err := p.list(ctx, st, s, graph.Page{Limit: 2})
			if err == nil && len(cs) > 0 {
				cursors = append(cursors, cs[0], last)
			}
		}
	}
	cursors = append(cursors, "", "!!!", "AA", "RQ", "RQAAAAAAAAAA", "RQAAAAAAAAAB", "VAAAAAAAAAAB", "cwAAAAAAAAAAAAAAAAAAAAAAAAAA", "VA", "Qw", "UA")
	names := []string{"", "Rex Tillerson", "tillerson", "E1", "e2", "E-1", "E0", "E18446744073709551616", "T1", "t5", "T-1",
		"d1", "h1", "meet", "m", "2017", "2017-04", "2017-04-12", "PERSON", "u.s.", "\x00", "\xff", "Ærø", "🦀"}
	for i, c := range cursors {
		f.Add(uint8(i), c, int64(i%4), names[i%len(names)])
	}
	for i, n := range names {
		f.Add(uint8(i), "", int64(1+i%3), n)
	}

	f.Fuzz(func(t *testing.T, which uint8, after string, limit int64, s string) {
		p := pagers[int(which)%len(pagers)]
		for _, look := range []struct {
			name string
			fn   func() error
		}{
			{"Entity", func() error { _, err := st.Entity(ctx, s); return err }},
			{"EntityByID", func() error { _, err := st.EntityByID(ctx, s); return err }},
			{"Triple", func() error { _, err := st.Triple(ctx, s); return err }},
			{"Document", func() error { _, err := st.Document(ctx, s); return err }},
		} {
			if err := look.fn(); err != nil && !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("%s(%q) = %v, want nil or ErrNotFound", look.name, s, err)
			}
		}
		n := int(max(min(limit, 1000), -1))
		desc := fmt.Sprintf("%s(%q, after %q, limit %d)", p.name, s, after, n)
		cs, last, err := p.list(ctx, st, s, graph.Page{After: after, Limit: n})
		if err != nil {
			if !errors.Is(err, graph.ErrInvalid) && !errors.Is(err, graph.ErrNotFound) {
				t.Fatalf("%s = %v, want nil, ErrInvalid or ErrNotFound", desc, err)
			}
			return
		}
		if n > 0 && len(cs) > n {
			t.Fatalf("%s = %d items", desc, len(cs))
		}
		if len(cs) == 0 {
			return
		}
		if last != cs[len(cs)-1] {
			t.Fatalf("%s: last cursor %q, the last item's %q", desc, last, cs[len(cs)-1])
		}
		next, _, err := p.list(ctx, st, s, graph.Page{After: last, Limit: n})
		if err != nil {
			t.Fatalf("%s: the next page after %q = %v", desc, last, err)
		}
		seen := map[string]bool{}
		for _, c := range cs {
			seen[c] = true
		}
		for _, c := range next {
			if seen[c] {
				t.Fatalf("%s: the next page after %q repeats %q", desc, last, c)
			}
		}
	})
}

// TestAddTooLong: a part of a document that would make a key over
// Badger's limit (65,000 bytes) is refused as ErrInvalid, not with
// Badger's error; FuzzResolvers found it through the ingest mutation.
func TestAddTooLong(t *testing.T) {
	long := strings.Repeat("Q", 66000)
	edge := func(subj, rel, obj, modality string) []graph.Triple {
		return []graph.Triple{{Subject: subj, Relation: rel, Object: obj, Modality: modality, SubjectType: graph.Person, ObjectType: graph.Person,
			Evidence: []graph.Evidence{{Text: "x"}}}}
	}
	for name, d := range map[string]graph.Document{
		"id":       {ID: long, Hash: "h"},
		"hash":     {ID: "d", Hash: long},
		"name":     {ID: "d", Hash: "h", Entities: []graph.Entity{{Name: long, Type: graph.Person, Mentions: 1}}},
		"alias":    {ID: "d", Hash: "h", Entities: []graph.Entity{{Name: "A", Aliases: []string{long}, Type: graph.Person, Mentions: 1}}},
		"subject":  {ID: "d", Hash: "h", Triples: edge(long, "r", "B", "")},
		"object":   {ID: "d", Hash: "h", Triples: edge("A", "r", long, "")},
		"relation": {ID: "d", Hash: "h", Triples: edge("A", long, "B", "")},
		"modality": {ID: "d", Hash: "h", Triples: edge("A", "r", "B", long)},
	} {
		s := mustOpen(t)
		if _, err := s.Add(context.Background(), d); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("Add(a document with a long %s) = %v, want ErrInvalid", name, err)
		}
	}
	// 16 KiB of each, folded half as long again, fit
	part := strings.Repeat("Ⱥ", 8<<10)
	s := mustOpen(t)
	d := graph.Document{ID: part, Hash: part, Entities: []graph.Entity{{Name: part, Aliases: []string{part}, Type: graph.Person, Mentions: 1}},
		Triples: edge(part, part, "B", part)}
	if _, err := s.Add(context.Background(), d); err != nil {
		t.Errorf("Add(a document with parts of 16 KiB) = %v", err)
	}
}
