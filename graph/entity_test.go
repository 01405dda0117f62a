package graph_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
)

func TestEntityLookup(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	tillerson := graph.Entity{ID: "E1", Name: "Rex Tillerson", Type: graph.Person,
		Aliases: []string{"Rex Tillerson", "Tillerson"}, Mentions: 5}
	putin := graph.Entity{ID: "E2", Name: "Vladimir Putin", Type: graph.Person,
		Aliases: []string{"Vladimir Putin", "Putin"}, Mentions: 4}
	us := graph.Entity{ID: "E4", Name: "United States", Type: graph.Place,
		Aliases: []string{"United States", "U.S.", "USA"}, Mentions: 2}
	exxon := graph.Entity{ID: "E5", Name: "Exxon", Type: graph.Org,
		Aliases: []string{"Exxon", "ExxonMobil"}, Mentions: 2}
	oil := graph.Entity{ID: "E6", Name: "oil", Type: graph.Concept, Aliases: []string{"oil"}, Mentions: 2}
	tests := []struct {
		name string
		want graph.Entity
	}{
		{"Rex Tillerson", tillerson},
		{"rex tillerson", tillerson},
		{"REX TILLERSON", tillerson},
		{"  Rex \t Tillerson\n", tillerson},
		{"Tillerson", tillerson},
		{"tillerson.", tillerson},
		{"Putin", putin},
		{"vladimir putin", putin},
		{"United States", us},
		{"U.S.", us},
		{"US", us},
		{"us", us},
		{"u.s", us},
		{"usa", us},
		{"U.S.A.", us},
		{"exxonmobil", exxon},
		{"Oil", oil},
	}
	for _, tt := range tests {
		got, err := s.Entity(ctx, tt.name)
		if err != nil {
			t.Errorf("Entity(%q) = %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Entity(%q) mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
	for _, name := range []string{"Nobody", "Rex", "Tillerso", "", "   ", "...", "E99", "E0", "T1",
		"E1", "e5", // ids are not names
		"U. S.", // folds to "u s", not "us"
	} {
		if got, err := s.Entity(ctx, name); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Entity(%q) = %v, %v, want ErrNotFound", name, got, err)
		}
	}
}

func TestEntityByID(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	for _, tt := range []struct{ id, want string }{{"E1", "Rex Tillerson"}, {"e3", "Moscow"}, {"E6", "oil"}} {
		got, err := s.EntityByID(ctx, tt.id)
		if err != nil || got.Name != tt.want || got.ID != "E"+tt.id[1:] {
			t.Errorf("EntityByID(%q) = %v, %v, want %s", tt.id, got, err, tt.want)
		}
	}
	for _, id := range []string{"", "E", "E0", "E7", "E-1", "X1", "T1", "Rex Tillerson", "E1x"} {
		if got, err := s.EntityByID(ctx, id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("EntityByID(%q) = %v, %v, want ErrNotFound", id, got, err)
		}
	}
}

// An entity literally called "E1" is found by its name: names are never read
// as ids (EntityByID and Pattern.SubjectID/ObjectID are for ids).
func TestEntityNamedLikeAnID(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	mustAdd(t, s, graph.Document{ID: "d", Hash: "h", Entities: []graph.Entity{
		{Name: "Alice", Type: graph.Person},
		{Name: "E1", Type: graph.Place, Aliases: []string{"European route E1"}},
	}})
	got, err := s.Entity(ctx, "E1")
	if err != nil || got.Name != "E1" || got.ID != "E2" {
		t.Errorf("Entity(%q) = %v, %v, want E2, the entity named E1", "E1", got, err)
	}
	got, err = s.EntityByID(ctx, "E1")
	if err != nil || got.Name != "Alice" {
		t.Errorf("EntityByID(%q) = %v, %v, want Alice", "E1", got, err)
	}
	for _, p := range []graph.Pattern{{Subject: "E1"}, {Object: "e1"}} {
		if n, err := s.Count(ctx, p); err != nil || n != 0 {
			t.Errorf("Count(%+v) = %d, %v, want 0", p, n, err)
		}
	}
}

// When entities share a name, lookup prefers a named entity to a concept,
// then the entity whose canonical name it is, then the most mentioned.
func TestEntityLookupPrecedence(t *testing.T) {
	ent := func(name, typ string, mentions int, aliases ...string) graph.Entity {
		return graph.Entity{Name: name, Type: typ, Aliases: aliases, Mentions: mentions}
	}
	tests := []struct {
		name     string
		entities []graph.Entity // added in this order, one document each
		lookup   string
		want     string // canonical name
		wantType string
	}{
		{"named beats concept", []graph.Entity{ent("apple", graph.Concept, 9), ent("Apple", graph.Org, 1)}, "APPLE", "Apple", graph.Org},
		{"named alias beats concept", []graph.Entity{ent("oil", graph.Concept, 9), ent("Oil Corp", graph.Org, 1, "Oil")}, "oil", "Oil Corp", graph.Org},
		{"canonical beats alias", []graph.Entity{ent("Michael Jordan", graph.Person, 9, "Jordan"), ent("Jordan", graph.Place, 1)}, "jordan", "Jordan", graph.Place},
		{"canonical beats alias, other order", []graph.Entity{ent("Jordan", graph.Place, 1), ent("Michael Jordan", graph.Person, 9, "Jordan")}, "jordan", "Jordan", graph.Place},
		{"more mentions among aliases", []graph.Entity{ent("Air Jordan", graph.Org, 2, "AJ"), ent("Anthony Joshua", graph.Person, 5, "AJ")}, "AJ", "Anthony Joshua", graph.Person},
		{"more mentions among aliases, other order", []graph.Entity{ent("Anthony Joshua", graph.Person, 5, "AJ"), ent("Air Jordan", graph.Org, 2, "AJ")}, "a.j.", "Anthony Joshua", graph.Person},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := mustOpen(t)
			for i, e := range tt.entities {
				id := fmt.Sprint("d", i)
				mustAdd(t, s, graph.Document{ID: id, Hash: id, Entities: []graph.Entity{e}})
			}
			if n, err := s.CountEntities(ctx, graph.EntityFilter{}); err != nil || n != len(tt.entities) {
				t.Fatalf("CountEntities() = %d, %v, want %d separate entities", n, err, len(tt.entities))
			}
			got, err := s.Entity(ctx, tt.lookup)
			if err != nil || got.Name != tt.want || got.Type != tt.wantType {
				t.Errorf("Entity(%q) = %+v, %v, want %s (%s)", tt.lookup, got, err, tt.want, tt.wantType)
			}
		})
	}
}

// A person is also known by the keys ingest gives it, its surname; other
// entities are not.
func TestSurnameAlias(t *testing.T) {
	tests := []struct {
		entity graph.Entity
		lookup string
		found  bool
	}{
		{graph.Entity{Name: "Rex Tillerson", Type: graph.Person, Keys: []string{"Tillerson"}}, "Tillerson", true},
		{graph.Entity{Name: "Xi Jinping", Type: graph.Person, Keys: []string{"Jinping"}}, "jinping", true},
		{graph.Entity{Name: "Li Na", Type: graph.Person}, "Na", false},
		{graph.Entity{Name: "Madonna", Type: graph.Person}, "Madonna", true},
		{graph.Entity{Name: "Goldman Sachs", Type: graph.Org, Keys: []string{"Sachs"}}, "Sachs", false},
		{graph.Entity{Name: "New York", Type: graph.Place, Keys: []string{"York"}}, "York", false},
		{graph.Entity{Name: "climate change", Type: graph.Concept, Keys: []string{"change"}}, "change", false},
	}
	for _, tt := range tests {
		t.Run(tt.entity.Name, func(t *testing.T) {
			ctx := context.Background()
			s := mustOpen(t)
			mustAdd(t, s, graph.Document{ID: "d", Hash: "h", Entities: []graph.Entity{tt.entity}})
			got, err := s.Entity(ctx, tt.lookup)
			if !tt.found {
				if !errors.Is(err, graph.ErrNotFound) {
					t.Errorf("Entity(%q) = %+v, %v, want ErrNotFound", tt.lookup, got, err)
				}
				return
			}
			if err != nil || got.Name != tt.entity.Name {
				t.Errorf("Entity(%q) = %+v, %v, want %s", tt.lookup, got, err, tt.entity.Name)
			}
		})
	}
	// A bare surname mentioned later is the same person.
	s := mustOpen(t)
	mustAdd(t, s, graph.Document{ID: "d1", Hash: "h1", Entities: []graph.Entity{{Name: "Rex Tillerson", Type: graph.Person, Keys: []string{"Tillerson"}}}})
	a := mustAdd(t, s, graph.Document{ID: "d2", Hash: "h2", Entities: []graph.Entity{{Name: "Tillerson", Type: graph.Person}}})
	if a.Entities != 0 {
		t.Errorf("Add(Tillerson after Rex Tillerson) created %d entities, want 0", a.Entities)
	}
	got, err := s.Entity(context.Background(), "Tillerson")
	if err != nil || got.Name != "Rex Tillerson" || got.Mentions != 2 {
		t.Errorf("Entity(Tillerson) = %+v, %v, want Rex Tillerson with 2 mentions", got, err)
	}
}

// A later, longer name that lists the stored name as an alias becomes the
// canonical name of the same entity.
func TestCanonicalNameUpgrade(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	a := mustAdd(t, s, graph.Document{ID: "d1", Hash: "h1",
		Entities: []graph.Entity{{Name: "Tillerson", Type: graph.Person}, {Name: "Moscow", Type: graph.Place}},
		Triples:  []graph.Triple{typed(triple("Tillerson", "Tillerson", "visit", "visited", "Moscow", "Moscow", 0.5, "d1", 0), graph.Person, graph.Place)}})
	b := mustAdd(t, s, graph.Document{ID: "d2", Hash: "h2",
		Entities: []graph.Entity{{Name: "Rex Tillerson", Type: graph.Person, Aliases: []string{"Tillerson"}, Mentions: 2}}})
	if a.Entities != 2 || b.Entities != 0 || b.EntitiesHit != 1 {
		t.Errorf("Add() = %+v then %+v, want 2 entities created then 0", a, b)
	}
	want := graph.Entity{ID: "E1", Name: "Rex Tillerson", Type: graph.Person,
		Aliases: []string{"Tillerson", "Rex Tillerson"}, Mentions: 3}
	for _, name := range []string{"Tillerson", "Rex Tillerson", "rex tillerson"} {
		got, err := s.Entity(ctx, name)
		if err != nil {
			t.Fatalf("Entity(%q) = %v", name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Entity(%q) mismatch (-want +got):\n%s", name, diff)
		}
	}
	if n, err := s.CountEntities(ctx, graph.EntityFilter{}); err != nil || n != 2 {
		t.Errorf("CountEntities() = %d, %v, want 2", n, err)
	}
	// Stored edges name the entity by its new canonical name.
	tr, err := s.Triple(ctx, "T1")
	if err != nil || tr.Subject != "Rex Tillerson" || tr.SubjectText != "Tillerson" {
		t.Errorf("Triple(T1) = %+v, %v, want subject Rex Tillerson as Tillerson", tr, err)
	}

	// A shorter name does not replace the canonical one.
	mustAdd(t, s, graph.Document{ID: "d3", Hash: "h3",
		Entities: []graph.Entity{{Name: "Tillerson", Type: graph.Person, Aliases: []string{"Rex Tillerson"}}}})
	if got, err := s.Entity(ctx, "Tillerson"); err != nil || got.Name != "Rex Tillerson" || got.Mentions != 4 {
		t.Errorf("Entity(Tillerson) = %+v, %v, want Rex Tillerson with 4 mentions", got, err)
	}
}

func TestSameNameDifferentKinds(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	mustAdd(t, s, graph.Document{ID: "d1", Hash: "h1", Entities: []graph.Entity{
		{Name: "Apple", Type: graph.Org, Mentions: 1},
		{Name: "apple", Type: graph.Concept, Mentions: 5},
	}})
	mustAdd(t, s, graph.Document{ID: "d2", Hash: "h2", Entities: []graph.Entity{
		{Name: "APPLE", Type: graph.Concept, Mentions: 1},
		{Name: "Apple", Type: graph.Org, Mentions: 1},
	}})
	all, _, err := s.Entities(ctx, graph.EntityFilter{}, graph.Page{})
	if err != nil {
		t.Fatalf("Entities() = %v", err)
	}
	want := []graph.Entity{
		{ID: "E1", Name: "Apple", Type: graph.Org, Aliases: []string{"Apple"}, Mentions: 2},
		{ID: "E2", Name: "apple", Type: graph.Concept, Aliases: []string{"apple", "APPLE"}, Mentions: 6},
	}
	if diff := cmp.Diff(want, all, ignoreCursor); diff != "" {
		t.Errorf("Entities() mismatch (-want +got):\n%s", diff)
	}
	// Where names collide, a named entity beats a concept, however often
	// the concept is mentioned.
	if got, err := s.Entity(ctx, "Apple"); err != nil || got.ID != "E1" {
		t.Errorf("Entity(Apple) = %+v, %v, want E1 (the ORG)", got, err)
	}
	for _, tt := range []struct {
		typ  string
		want []string
	}{{graph.Org, []string{"Apple"}}, {graph.Concept, []string{"apple"}}, {"concept", []string{"apple"}}, {graph.Person, []string{}}} {
		got, _, err := s.Entities(ctx, graph.EntityFilter{Prefix: "app", Type: tt.typ}, graph.Page{})
		if err != nil {
			t.Fatalf("Entities(app, %s) = %v", tt.typ, err)
		}
		if diff := cmp.Diff(tt.want, entityNames(got)); diff != "" {
			t.Errorf("Entities(app, %s) mismatch (-want +got):\n%s", tt.typ, diff)
		}
	}
}

// Named entities with the same name but different NER labels are one entity,
// whose type is the one most of its mentions had.
func TestMajorityType(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	steps := []struct {
		typ      string
		mentions int
		want     string
	}{
		{graph.Person, 2, graph.Person},
		{graph.Place, 2, graph.Person},  // a tie keeps the current type
		{graph.Place, 1, graph.Place},   // PLACE 3, PERSON 2
		{graph.Org, 3, graph.Place},     // ORG 3 ties PLACE 3
		{graph.Person, 2, graph.Person}, // PERSON 4
		{graph.Org, 0, graph.Person},    // no count is one mention: ORG 4 ties PERSON 4
	}
	total := 0
	for i, st := range steps {
		id := fmt.Sprint("d", i)
		mustAdd(t, s, graph.Document{ID: id, Hash: id, Entities: []graph.Entity{{Name: "Jordan", Type: st.typ, Mentions: st.mentions}}})
		total += max(st.mentions, 1)
		got, err := s.Entity(ctx, "jordan")
		if err != nil {
			t.Fatalf("Entity(jordan) after step %d = %v", i, err)
		}
		if got.ID != "E1" || got.Type != st.want || got.Mentions != total {
			t.Errorf("after step %d (%s ×%d): Entity(jordan) = %+v, want E1 of type %s with %d mentions", i, st.typ, st.mentions, got, st.want, total)
		}
	}
}

func TestEntitiesFilter(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	tests := []struct {
		f    graph.EntityFilter
		want []string // in listing order: by id, or by alias with a prefix
	}{
		{graph.EntityFilter{}, []string{"Rex Tillerson", "Vladimir Putin", "Moscow", "United States", "Exxon", "oil"}},
		{graph.EntityFilter{Type: graph.Person}, []string{"Rex Tillerson", "Vladimir Putin"}},
		{graph.EntityFilter{Type: "place"}, []string{"Moscow", "United States"}},
		{graph.EntityFilter{Type: graph.Concept}, []string{"oil"}},
		{graph.EntityFilter{Type: graph.Misc}, []string{}},
		{graph.EntityFilter{Prefix: "rex"}, []string{"Rex Tillerson"}},
		{graph.EntityFilter{Prefix: "Tiller"}, []string{"Rex Tillerson"}}, // by alias
		{graph.EntityFilter{Prefix: "t"}, []string{"Rex Tillerson"}},
		// Three aliases start with "u": United States is listed once.
		{graph.EntityFilter{Prefix: "u"}, []string{"United States"}},
		{graph.EntityFilter{Prefix: "U.S"}, []string{"United States"}},
		{graph.EntityFilter{Prefix: "exxon"}, []string{"Exxon"}},
		{graph.EntityFilter{Prefix: "  vladimir   p"}, []string{"Vladimir Putin"}},
		{graph.EntityFilter{Prefix: "m"}, []string{"Moscow"}},
		{graph.EntityFilter{Prefix: "m", Type: graph.Person}, []string{}},
		// By alias order: "exxon", "moscow", "oil", "putin", "rex tillerson", …
		{graph.EntityFilter{Prefix: "o"}, []string{"oil"}},
		{graph.EntityFilter{Prefix: "zz"}, []string{}},
		{graph.EntityFilter{Prefix: "p", Type: graph.Person}, []string{"Vladimir Putin"}},
		{graph.EntityFilter{Prefix: "...", Type: graph.Place}, []string{"Moscow", "United States"}}, // folds to no prefix
	}
	for _, tt := range tests {
		got, _, err := s.Entities(ctx, tt.f, graph.Page{})
		if err != nil {
			t.Errorf("Entities(%+v) = %v", tt.f, err)
			continue
		}
		if diff := cmp.Diff(tt.want, entityNames(got)); diff != "" {
			t.Errorf("Entities(%+v) mismatch (-want +got):\n%s", tt.f, diff)
		}
		n, err := s.CountEntities(ctx, tt.f)
		if err != nil || n != len(tt.want) {
			t.Errorf("CountEntities(%+v) = %d, %v, want %d", tt.f, n, err, len(tt.want))
		}
	}
}

// Prefix listing: each entity once, at the first of its matching aliases,
// in alias order, even with many matching aliases.
func TestEntitiesPrefixOrder(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	mustAdd(t, s, graph.Document{ID: "d", Hash: "h", Entities: []graph.Entity{
		{Name: "Sam Zed", Type: graph.Person, Aliases: []string{"Sam", "Samuel Zed", "Sammy"}, Keys: []string{"Zed"}},
		{Name: "Samoa", Type: graph.Place, Aliases: []string{"Independent State of Samoa"}},
		{Name: "Sa", Type: graph.Misc},
		{Name: "Bo Sam", Type: graph.Person, Keys: []string{"Sam"}},
	}})
	got, _, err := s.Entities(ctx, graph.EntityFilter{Prefix: "sa"}, graph.Page{})
	if err != nil {
		t.Fatalf("Entities(sa) = %v", err)
	}
	// Sorted by first matching alias: "sa", "sam" (Sam Zed, then Bo Sam by
	// his surname), "samoa".
	want := []string{"Sa", "Sam Zed", "Bo Sam", "Samoa"}
	if diff := cmp.Diff(want, entityNames(got)); diff != "" {
		t.Errorf("Entities(sa) mismatch (-want +got):\n%s", diff)
	}
	checkEntityPaging(t, s, graph.EntityFilter{Prefix: "sa"})
	checkEntityPaging(t, s, graph.EntityFilter{Prefix: "sam"})
}

func TestEntitiesPaging(t *testing.T) {
	s := seeded(t)
	// More entities, so that pages cross many aliases.
	for i := 0; i < 12; i++ {
		id := fmt.Sprint("p", i)
		mustAdd(t, s, graph.Document{ID: id, Hash: id, Entities: []graph.Entity{
			{Name: fmt.Sprintf("Person %02d", i), Type: graph.Person, Aliases: []string{fmt.Sprintf("P%02d", i), fmt.Sprintf("Pers %02d", i)}},
			{Name: fmt.Sprintf("Place %02d", i), Type: graph.Place},
		}})
	}
	for _, f := range []graph.EntityFilter{
		{}, {Type: graph.Person}, {Type: graph.Place}, {Type: graph.Org},
		{Prefix: "p"}, {Prefix: "pers"}, {Prefix: "p", Type: graph.Place}, {Prefix: "u"}, {Prefix: "zz"},
	} {
		checkEntityPaging(t, s, f)
	}
}

// checkEntityPaging pages through Entities(f) with small limits and checks
// that the pages join to the unpaged list, each entity exactly once.
func checkEntityPaging(t *testing.T, s *graph.Store, f graph.EntityFilter) {
	t.Helper()
	ctx := context.Background()
	all, _, err := s.Entities(ctx, f, graph.Page{})
	if err != nil {
		t.Fatalf("Entities(%+v) = %v", f, err)
	}
	seen := map[string]bool{}
	for _, e := range all {
		if seen[e.ID] {
			t.Errorf("Entities(%+v) lists %s twice", f, e.ID)
		}
		seen[e.ID] = true
	}
	if n, err := s.CountEntities(ctx, f); err != nil || n != len(all) {
		t.Errorf("CountEntities(%+v) = %d, %v, want %d", f, n, err, len(all))
	}
	for _, limit := range []int{1, 2, 3, 5, len(all), len(all) + 1} {
		if limit <= 0 {
			continue
		}
		var got []graph.Entity
		after := ""
		for pages := 0; ; pages++ {
			if pages > len(all)+1 {
				t.Fatalf("Entities(%+v, limit %d) does not end", f, limit)
			}
			page, next, err := s.Entities(ctx, f, graph.Page{After: after, Limit: limit})
			if err != nil {
				t.Fatalf("Entities(%+v, %q, %d) = %v", f, after, limit, err)
			}
			if len(page) > limit {
				t.Errorf("Entities(%+v, limit %d) returned %d", f, limit, len(page))
			}
			got = append(got, page...)
			if len(page) < limit {
				break
			}
			after = next
		}
		if diff := cmp.Diff(all, got, cmpEmpty); diff != "" {
			t.Errorf("Entities(%+v) in pages of %d mismatch (-unpaged +paged):\n%s", f, limit, diff)
		}
	}
	// Every listed entity's cursor resumes the listing just after it.
	for i, e := range all {
		rest, next, err := s.Entities(ctx, f, graph.Page{After: e.Cursor})
		if err != nil {
			t.Fatalf("Entities(%+v, after %s) = %v", f, e.Name, err)
		}
		if diff := cmp.Diff(all[i+1:], rest, cmpEmpty); diff != "" {
			t.Errorf("Entities(%+v, after %s) mismatch (-want +got):\n%s", f, e.Name, diff)
		}
		if len(rest) > 0 && next != rest[len(rest)-1].Cursor {
			t.Errorf("Entities(%+v, after %s) cursor = %q, want the last entity's %q", f, e.Name, next, rest[len(rest)-1].Cursor)
		}
	}
}

func TestEntitiesInvalidCursor(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	_, byID, err := s.Entities(ctx, graph.EntityFilter{}, graph.Page{Limit: 1})
	if err != nil || byID == "" {
		t.Fatalf("Entities(limit 1) = %q, %v, want a cursor", byID, err)
	}
	_, byAlias, err := s.Entities(ctx, graph.EntityFilter{Prefix: "r"}, graph.Page{Limit: 1})
	if err != nil || byAlias == "" {
		t.Fatalf("Entities(r, limit 1) = %q, %v, want a cursor", byAlias, err)
	}
	_, matchCursor, err := s.Match(ctx, graph.Pattern{}, graph.Page{Limit: 1})
	if err != nil {
		t.Fatalf("Match(limit 1) = %v", err)
	}
	tests := []struct {
		f     graph.EntityFilter
		after string
	}{
		{graph.EntityFilter{}, "not base64!"},
		{graph.EntityFilter{}, "%%%"},
		{graph.EntityFilter{}, byAlias},     // an alias cursor for an id listing
		{graph.EntityFilter{}, matchCursor}, // a triple cursor
		{graph.EntityFilter{Prefix: "r"}, byID},
		{graph.EntityFilter{Prefix: "u"}, byAlias}, // another prefix's cursor
		{graph.EntityFilter{Prefix: "u"}, "QQ"},
	}
	for _, tt := range tests {
		_, _, err := s.Entities(ctx, tt.f, graph.Page{After: tt.after, Limit: 2})
		if !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("Entities(%+v, after %q) error = %v, want ErrInvalid", tt.f, tt.after, err)
		}
	}
}

func TestCountEntities(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if n, err := s.CountEntities(ctx, graph.EntityFilter{}); err != nil || n != 0 {
		t.Errorf("CountEntities() on an empty store = %d, %v, want 0", n, err)
	}
	seed(t, s)
	tests := []struct {
		f    graph.EntityFilter
		want int
	}{
		{graph.EntityFilter{}, 6},
		{graph.EntityFilter{Type: graph.Person}, 2},
		{graph.EntityFilter{Type: graph.Org}, 1},
		{graph.EntityFilter{Prefix: "u"}, 1},
		{graph.EntityFilter{Prefix: "e"}, 1},
		{graph.EntityFilter{Prefix: "nobody"}, 0},
	}
	for _, tt := range tests {
		if n, err := s.CountEntities(ctx, tt.f); err != nil || n != tt.want {
			t.Errorf("CountEntities(%+v) = %d, %v, want %d", tt.f, n, err, tt.want)
		}
	}
	if st := mustStats(t, s); st.Entities != 6 {
		t.Errorf("Stats().Entities = %d, want 6", st.Entities)
	}
}

// Across documents, a person's name spelt another way joins the stored
// person; a shared surname alone, or a short name that fits two people,
// does not.
func TestCrossDocumentGuards(t *testing.T) {
	person := func(name string, aliases ...string) graph.Entity {
		e := graph.Entity{Name: name, Type: graph.Person, Aliases: append([]string{name}, aliases...)}
		if f := strings.Fields(name); len(f) > 1 {
			e.Keys = f[len(f)-1:] // the surname, as ingest gives it
		}
		return e
	}
	org := func(name string, aliases ...string) graph.Entity {
		return graph.Entity{Name: name, Type: graph.Org, Aliases: append([]string{name}, aliases...)}
	}
	tests := []struct {
		name   string
		docs   [][]graph.Entity // one document each, in order
		lookup string
		want   string // canonical name Entity(lookup) gives
		count  int    // entities in the store
	}{
		{"transliteration variant joins", [][]graph.Entity{{person("Sergey Lavrov")}, {person("Sergei Lavrov")}},
			"Sergei Lavrov", "Sergey Lavrov", 1},
		{"variant with an extra letter", [][]graph.Entity{{person("Oleksii Dorosh")}, {person("Oleksiy Dorosh")}},
			"Oleksiy Dorosh", "Oleksii Dorosh", 1},
		{"same surname, other first name", [][]graph.Entity{{person("Anna Tamm")}, {person("Mart Tamm")}},
			"Mart Tamm", "Mart Tamm", 2},
		{"a man's and a woman's form of one name are two people", [][]graph.Entity{{person("Mario Vilks")}, {person("Maria Vilks")}},
			"Maria Vilks", "Maria Vilks", 2},
		{"first names two letters apart that sound otherwise are two people",
			[][]graph.Entity{{person("Richard Vilks", "Vilks")}, {person("Reinhard Vilks", "Vilks")}},
			"Reinhard Vilks", "Reinhard Vilks", 2},
		{"a first name spelt as it sounds joins", [][]graph.Entity{{person("Rudolph Vilks")}, {person("Rudolf Vilks")}},
			"Rudolf Vilks", "Rudolph Vilks", 1},
		{"a first name spelt as it sounds, through the surname alias",
			[][]graph.Entity{{person("Steven Vilks", "Vilks")}, {person("Stephen Vilks", "Vilks")}},
			"Stephen Vilks", "Steven Vilks", 1},
		{"a first name with a letter left out joins", [][]graph.Entity{{person("Arturo Vilks")}, {person("Aturo Vilks")}},
			"Aturo Vilks", "Arturo Vilks", 1},
		{"first names one letter apart that sound otherwise are two people",
			[][]graph.Entity{{person("Marvin Vilks", "Vilks")}, {person("Martin Vilks", "Vilks")}},
			"Martin Vilks", "Martin Vilks", 2},
		{"first names too short to call variants", [][]graph.Entity{{person("Li Wei")}, {person("Lu Wei")}},
			"Lu Wei", "Lu Wei", 2},
		{"same first name, other surname", [][]graph.Entity{{person("Bashar al-Assad")}, {person("Bashar Ja'afari")}},
			"Bashar Ja'afari", "Bashar Ja'afari", 2},
		{"a short name that fits two people stays apart",
			[][]graph.Entity{{person("Anna Tamm")}, {person("Mart Tamm")}, {person("Tamm")}},
			"Tamm", "Tamm", 3},
		{"a short name that fits one person joins it",
			[][]graph.Entity{{person("Anna Tamm")}, {person("Tamm")}},
			"Tamm", "Anna Tamm", 1},
		{"a shared surname alias is not the person",
			[][]graph.Entity{{person("James Baker", "Baker")}, {person("Howard Baker", "Baker", "Senator Baker")}},
			"Howard Baker", "Howard Baker", 2},
		{"a family name written first is not the person",
			[][]graph.Entity{{person("Lin Zhaowen", "Lin")}, {person("Lin Meihua", "Lin", "Finance Minister Lin Meihua")}},
			"Lin Meihua", "Lin Meihua", 2},
		{"an initial is the first name", [][]graph.Entity{{person("Rex Tillerson", "Tillerson")}, {person("R. Tillerson", "Tillerson")}},
			"R. Tillerson", "Rex Tillerson", 1},
		{"a courtesy title is no first name", [][]graph.Entity{{person("Aino Kestilä", "Kestilä")}, {person("Ms Kestilä", "Kestilä")}},
			"Ms Kestilä", "Aino Kestilä", 1},
		{"a first-named person does not join a stored courtesy name",
			[][]graph.Entity{{person("Reagan")}, {person("Mrs Reagan")}, {person("Michael Reagan", "Reagan")}},
			"Mrs Reagan", "Mrs Reagan", 2},
		{"a woman's title keeps her apart from the bare surname", [][]graph.Entity{{person("Reagan")}, {person("Mrs Reagan")}},
			"Mrs Reagan", "Mrs Reagan", 2},
		{"one acronym of two bodies is two bodies",
			[][]graph.Entity{{org("Kelvian Electronic Association", "KEA")}, {org("Kelvian Export Airlines", "KEA")}},
			"Kelvian Export Airlines", "Kelvian Export Airlines", 2},
		{"an acronym of one body spelt two ways is one body",
			[][]graph.Entity{{org("Organisation for Kelvian Economic Cooperation", "OKEC")},
				{org("Organization for Kelvian Economic Cooperation", "OKEC")}},
			"Organization for Kelvian Economic Cooperation", "Organisation for Kelvian Economic Cooperation", 1},
		{"an acronym stored alone joins the body that spells it out",
			[][]graph.Entity{{org("KEA")}, {org("Kelvian Export Airlines", "KEA")}},
			"Kelvian Export Airlines", "Kelvian Export Airlines", 1},
		{"the variant among people sharing the surname",
			[][]graph.Entity{{person("Sergey Lavrov")}, {person("Anna Lavrov")}, {person("Sergej Lavrov")}},
			"Sergej Lavrov", "Sergey Lavrov", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := mustOpen(t)
			for i, ents := range tt.docs {
				mustAdd(t, s, graph.Document{ID: fmt.Sprint("d", i), Hash: fmt.Sprint("h", i), Entities: ents})
			}
			got, err := s.Entity(ctx, tt.lookup)
			if err != nil || got.Name != tt.want {
				t.Errorf("Entity(%q) = %q, %v, want %q", tt.lookup, got.Name, err, tt.want)
			}
			if n, err := s.CountEntities(ctx, graph.EntityFilter{}); err != nil || n != tt.count {
				t.Errorf("CountEntities = %d, %v, want %d", n, err, tt.count)
			}
		})
	}
}

// A phrase around a name ("… of Japan") is not a longer name of it: it
// neither renames the stored entity nor gives it a surname.
func TestNoRenameToPhrase(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	mustAdd(t, s, graph.Document{ID: "a", Hash: "a", Entities: []graph.Entity{{Name: "Japan", Type: graph.Place, Mentions: 3}}})
	for i, e := range []graph.Entity{
		{Name: "Susumu Taketomi of Industrial Bank of Japan", Type: graph.Place, Aliases: []string{"Japan"}},
		{Name: "Honda Motor Co Ltd of Japan", Type: graph.Person, Aliases: []string{"Japan"}},
		{Name: "Nippon Airways> of Japan", Type: graph.Person},
	} {
		id := fmt.Sprintf("b%d", i)
		mustAdd(t, s, graph.Document{ID: id, Hash: id, Entities: []graph.Entity{e}})
	}
	got, err := s.Entity(ctx, "Japan")
	if err != nil || got.Name != "Japan" || got.Type != graph.Place {
		t.Errorf("Entity(Japan) = %+v, %v; want the place Japan, not renamed", got, err)
	}
	if e, err := s.Entity(ctx, "Taketomi"); err == nil {
		t.Errorf("a phrase got a surname: Entity(Taketomi) = %+v", e)
	}
	// a plain longer name of the same type still renames
	mustAdd(t, s, graph.Document{ID: "c", Hash: "c", Entities: []graph.Entity{
		{Name: "Tillerson", Type: graph.Person},
	}})
	mustAdd(t, s, graph.Document{ID: "d", Hash: "d", Entities: []graph.Entity{
		{Name: "Rex W. Tillerson", Type: graph.Person, Aliases: []string{"Tillerson"}},
	}})
	if got, _ := s.Entity(ctx, "Tillerson"); got.Name != "Rex W. Tillerson" {
		t.Errorf("Tillerson is %q, want Rex W. Tillerson", got.Name)
	}
	verify(t, s)
}

// Across documents, names that share one ordinary word are not one
// entity; an acronym or a name they share is enough.
func TestSharedWordGuard(t *testing.T) {
	org := func(name string, aliases ...string) graph.Entity {
		return graph.Entity{Name: name, Type: graph.Org, Aliases: append([]string{name}, aliases...)}
	}
	tests := []struct {
		name  string
		docs  [][]graph.Entity
		count int
	}{
		{"a shared first word", [][]graph.Entity{{org("Federal Reserve", "Federal")}, {org("Federal Express Corp", "Federal")}}, 2},
		{"a shared first word shouted in a headline",
			[][]graph.Entity{{org("Federal Reserve", "Federal", "FEDERAL")}, {org("Federal Express Corp", "Federal", "FEDERAL")}}, 2},
		{"a shared acronym", [][]graph.Entity{{org("International Business Machines Corp", "IBM")}, {org("IBM Corp", "IBM")}}, 1},
		{"a short word is not the acronym it folds to", [][]graph.Entity{
			{{Name: "United States", Type: graph.Place, Aliases: []string{"United States", "US", "U.S."}}},
			{{Name: "Us", Type: graph.Place, Aliases: []string{"Us"}}}}, 2},
		{"an acronym written with full stops is the same acronym", [][]graph.Entity{
			{{Name: "United States", Type: graph.Place, Aliases: []string{"United States", "US"}}},
			{{Name: "U.S.", Type: graph.Place, Aliases: []string{"U.S."}}}}, 1},
		{"the stored name", [][]graph.Entity{{org("Boeing")}, {org("Boeing Co", "Boeing")}}, 1},
		{"a shared full name", [][]graph.Entity{{org("Boeing Co", "Boeing")}, {org("Boeing Co.", "Boeing")}}, 1},
		{"a word that already stands for another name",
			[][]graph.Entity{{org("International")}, {org("International Minerals Corp", "International")},
				{org("International Cablecasting Inc", "International")}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := mustOpen(t)
			for i, ents := range tt.docs {
				mustAdd(t, s, graph.Document{ID: fmt.Sprint("d", i), Hash: fmt.Sprint("h", i), Entities: ents})
			}
			if n, err := s.CountEntities(ctx, graph.EntityFilter{}); err != nil || n != tt.count {
				t.Errorf("CountEntities = %d, %v, want %d", n, err, tt.count)
			}
		})
	}
}

// A local name (Entity.Local) finds no stored entity: "Finance Ministry"
// in a document about Japan is not the one of a document about Brazil,
// and "National Bank", a short name within one document, joins no other
// bank. The entity's other names still find it. An acronym joins an entity
// of no known type (MISC) as well as one of its own.
func TestLocalNames(t *testing.T) {
	org := graph.Org
	tests := []struct {
		name        string
		first, then graph.Entity
		merged      bool
	}{
		{"bare body twice",
			graph.Entity{Name: "Finance Ministry", Type: org, Aliases: []string{"Ministry"}, Local: []string{"Finance Ministry", "Ministry"}},
			graph.Entity{Name: "Finance Ministry", Type: org, Local: []string{"Finance Ministry"}}, false},
		{"bare body after a named one",
			graph.Entity{Name: "Dutch Central Bank", Type: org, Aliases: []string{"Central Bank"}, Local: []string{"Central Bank"}},
			graph.Entity{Name: "Central Bank", Type: org, Local: []string{"Central Bank"}}, false},
		{"local alias shared by two banks",
			graph.Entity{Name: "Swiss National Bank", Type: org, Aliases: []string{"National Bank"}, Local: []string{"National Bank"}},
			graph.Entity{Name: "National Bank of Canada", Type: org, Aliases: []string{"National Bank"}, Local: []string{"National Bank"}}, false},
		{"the same name with its country",
			graph.Entity{Name: "Japanese Finance Ministry", Type: org, Aliases: []string{"Finance Ministry"}, Local: []string{"Finance Ministry"}},
			graph.Entity{Name: "Japanese Finance Ministry", Type: org, Aliases: []string{"Japan's Finance Ministry", "Finance Ministry"}, Local: []string{"Finance Ministry"}}, true},
		{"an acronym typed a body where another document spells it out",
			graph.Entity{Name: "Acquired Immune Deficiency Syndrome", Type: graph.Misc, Aliases: []string{"AIDS"}},
			graph.Entity{Name: "AIDS", Type: org}, true},
		{"a disease spelt out is no person",
			graph.Entity{Name: "Acquired Immune Deficiency Syndrome", Type: graph.Misc, Aliases: []string{"AIDS"}},
			graph.Entity{Name: "Advanced AIDS", Type: graph.Person, Aliases: []string{"AIDS"}}, false},
		{"not local: found as before",
			graph.Entity{Name: "Swiss National Bank", Type: org, Aliases: []string{"National Bank"}},
			graph.Entity{Name: "National Bank of Canada", Type: org, Aliases: []string{"National Bank"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			mustAdd(t, s, graph.Document{ID: "d1", Hash: "h1", Entities: []graph.Entity{tt.first}})
			a := mustAdd(t, s, graph.Document{ID: "d2", Hash: "h2", Entities: []graph.Entity{tt.then}})
			if got := a.Entities == 0; got != tt.merged {
				t.Errorf("Add(%s after %s) created %d entities, want merged %v", tt.then.Name, tt.first.Name, a.Entities, tt.merged)
			}
			// a local name is still an alias: it finds its entity
			for _, l := range tt.first.Local {
				if _, err := s.Entity(context.Background(), l); err != nil {
					t.Errorf("Entity(%q) = %v, want an entity", l, err)
				}
			}
		})
	}
}

// A company stored under its short name and under its name with a legal
// suffix, before any document linked the two, becomes one entity when a
// document does; a short name that another stored company could have, or
// a person's, stays apart.
func TestCompanyShortAndLongForms(t *testing.T) {
	org := func(name string, aliases ...string) graph.Entity {
		return graph.Entity{Name: name, Type: graph.Org, Aliases: aliases, Mentions: 1}
	}
	tests := []struct {
		name   string
		docs   [][]graph.Entity
		merged int      // Added.Merged of the last document
		want   []string // the entities stored, by name, in id order
	}{
		{"linked later", [][]graph.Entity{{org("Zentor")}, {org("Zentor Energy Corp")}, {org("Zentor Energy Corp", "Zentor")}},
			0, []string{"Zentor", "Zentor Energy Corp"}},
		{"suffix only", [][]graph.Entity{{org("Zentor")}, {org("Zentor Inc")}, {org("Zentor Inc", "Zentor")}},
			1, []string{"Zentor Inc"}},
		{"long form named by its short form", [][]graph.Entity{{org("Zentor Co Ltd")}, {org("Zentor")}, {org("Zentor", "Zentor Co Ltd")}},
			1, []string{"Zentor Co Ltd"}},
		{"a third company with the short name", [][]graph.Entity{{org("Zentor")}, {org("Zentor Inc")}, {org("Zentor Plc")}, {org("Zentor Inc", "Zentor")}},
			0, []string{"Zentor", "Zentor Inc", "Zentor Plc"}},
		{"a tagger's place is the company", [][]graph.Entity{{org("Zentor Inc", "Zentor")}, {{Name: "Zentor", Type: graph.Place, Mentions: 1}}},
			0, []string{"Zentor Inc"}},
		{"a tagger's place two companies go by", [][]graph.Entity{{org("Zentor Inc", "Zentor")}, {org("Zentor Energy", "Zentor")}, {{Name: "Zentor", Type: graph.Place, Mentions: 1}}},
			0, []string{"Zentor Inc", "Zentor Energy", "Zentor"}},
		{"a person is not the company", [][]graph.Entity{{org("Kessel Inc", "Kessel")}, {{Name: "Kessel", Type: graph.Person, Mentions: 1}}},
			0, []string{"Kessel Inc", "Kessel"}},
		{"a unit is not its parent", [][]graph.Entity{{org("Halvex and Co Inc", "Halvex")}, {org("Halvex Capital Markets", "Halvex")}},
			0, []string{"Halvex and Co Inc", "Halvex Capital Markets"}},
		{"nor the parent its unit", [][]graph.Entity{{org("Halvex Capital Markets Inc", "Halvex")}, {org("Halvex and Co", "Halvex")}, {org("Halvex")}},
			0, []string{"Halvex Capital Markets Inc", "Halvex and Co"}},
		{"a short name a document gave a company is not its unit's", [][]graph.Entity{{org("Halvex Marrow")}, {org("Halvex Marrow and Co", "Halvex Marrow")}, {org("Halvex Marrow Capital Markets Inc", "Halvex Marrow")}},
			0, []string{"Halvex Marrow and Co", "Halvex Marrow Capital Markets Inc"}},
		{"two suffixed companies sharing a short name", [][]graph.Entity{{org("Zentor Inc", "Zentor")}, {org("Zentor Canada Ltd", "Zentor")}},
			0, []string{"Zentor Inc", "Zentor Canada Ltd"}},
		{"the same company, other suffixes and ands", [][]graph.Entity{{org("Halvex and Co Inc", "Halvex")}, {org("Halvex Co.", "Halvex")}},
			0, []string{"Halvex and Co Inc"}},
		{"a company whose letters are an organisation's", [][]graph.Entity{{org("Interior Kava Organization", "IKO")}, {org("IKO Inc", "IKO")}},
			0, []string{"Interior Kava Organization", "IKO Inc"}},
		{"initials a document links", [][]graph.Entity{{org("S and P")}, {org("Standard and Poor's Corp")}, {org("Standard and Poor's Corp", "S and P")}},
			1, []string{"Standard and Poor's Corp"}},
		{"an acronym a document links", [][]graph.Entity{{org("IKM")}, {org("Interior Kava Machines Corp")}, {org("IKM", "Interior Kava Machines Corp")}},
			1, []string{"Interior Kava Machines Corp"}},
		{"an acronym a document gives a body whose letters it does not spell", [][]graph.Entity{{org("KSDA")}, {org("Kelvian State Agriculture Department")}, {org("Kelvian State Agriculture Department", "KSDA")}},
			1, []string{"Kelvian State Agriculture Department"}},
		{"a company's name with its and becomes the canonical name", [][]graph.Entity{{org("Kelvo")}, {org("Kelvo and South West Corp", "Kelvo")}},
			0, []string{"Kelvo and South West Corp"}},
		{"two companies taken for one name do not rename a company", [][]graph.Entity{{org("Kelvo")}, {org("Kelvo and Japex North Sumatra Ltd", "Kelvo")}},
			0, []string{"Kelvo"}},
		{"a place is not a company named after it", [][]graph.Entity{{{Name: "Philippine", Type: graph.Place, Mentions: 1}}, {org("Philippine Kelvo Smelting and Refining Corp", "Philippine")}},
			0, []string{"Philippine", "Philippine Kelvo Smelting and Refining Corp"}},
		{"an acronym another company goes by", [][]graph.Entity{{org("IKM")}, {org("Interior Kava Machines Corp")}, {org("Inland Kiwi Mills Ltd", "IKM")}, {org("Interior Kava Machines Corp", "IKM")}},
			0, []string{"Inland Kiwi Mills Ltd", "Interior Kava Machines Corp"}},
		{"one name, suffixes of two countries", [][]graph.Entity{{org("Halvex Marrow Co Inc", "Halvex Marrow")}, {org("Halvex Marrow SA", "Halvex Marrow")}},
			0, []string{"Halvex Marrow Co Inc", "Halvex Marrow SA"}},
		{"a company's name misspelt", [][]graph.Entity{{org("Interior Kava Machines Corp", "IKM")}, {org("Interior Kava Machine Corp", "IKM")}},
			0, []string{"Interior Kava Machines Corp"}},
		{"a company's name abbreviated", [][]graph.Entity{{org("Halvex Lehman Brothers Inc", "Halvex Lehman")}, {org("Halvex Lehman Bros Inc", "Halvex Lehman")}},
			0, []string{"Halvex Lehman Brothers Inc"}},
		{"an acronym with its suffix's letter", [][]graph.Entity{{org("Kava Credit Corporation", "KCC")}, {org("KCC")}},
			0, []string{"Kava Credit Corporation"}},
		{"a guessed place is the one person of that surname", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Place, Guessed: true, Mentions: 1}}},
			0, []string{"Malko Baldeg"}},
		{"a guessed company of one word is the one person of that surname", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Org, Guessed: true, Mentions: 1}}},
			0, []string{"Malko Baldeg"}},
		{"a guessed company of a surname two people share is a person of its own", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Anna Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Org, Guessed: true, Mentions: 1}}},
			0, []string{"Malko Baldeg", "Anna Baldeg", "Baldeg"}},
		{"a company the text says is one stays one", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Org, Mentions: 1}}},
			0, []string{"Malko Baldeg", "Baldeg"}},
		{"a surname stored apart joins the one person of that surname", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Org, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Person, Mentions: 2}}},
			1, []string{"Malko Baldeg"}},
		{"a surname in capitals stored apart joins the one person of that surname", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "BALDEG", Type: graph.Org, Mentions: 1}}, {{Name: "BALDEG", Type: graph.Person, Mentions: 2}}},
			1, []string{"Malko Baldeg"}},
		{"a company typed a person has no surname", [][]graph.Entity{{{Name: "Kelvard & Poor", Type: graph.Person, Keys: []string{"Poor"}, Mentions: 1}}, {{Name: "Poor", Type: graph.Org, Mentions: 1}}, {{Name: "Poor", Type: graph.Person, Mentions: 2}}},
			0, []string{"Kelvard & Poor", "Poor"}},
		{"a surname stored apart that two people have stays apart", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Anna Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Org, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Person, Mentions: 2}}},
			0, []string{"Malko Baldeg", "Anna Baldeg", "Baldeg"}},
		{"a surname stored apart that begins another person's name stays apart", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg Gun-mo", Type: graph.Person, Aliases: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Org, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Person, Mentions: 2}}},
			0, []string{"Malko Baldeg", "Baldeg Gun-mo", "Baldeg"}},
		{"a surname stored apart that another person's name begins stays apart", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg Chi-cheng", Type: graph.Person, Aliases: []string{"Chi-cheng"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Org, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Person, Mentions: 2}}},
			0, []string{"Malko Baldeg", "Baldeg Chi-cheng", "Baldeg"}},
		{"a place the text says is one stays one", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Place, Mentions: 1}}},
			0, []string{"Malko Baldeg", "Baldeg"}},
		{"a guessed place two people could be", [][]graph.Entity{{{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Anna Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {{Name: "Baldeg", Type: graph.Place, Guessed: true, Mentions: 1}}},
			0, []string{"Malko Baldeg", "Anna Baldeg", "Baldeg"}},
		{"a guessed person is the company of its name", [][]graph.Entity{{org("Morvik Stanley and Co Inc", "Morvik Stanley")}, {{Name: "Morvik Stanley", Type: graph.Person, Guessed: true, Mentions: 1}}},
			0, []string{"Morvik Stanley and Co Inc"}},
		{"a guessed person is the firm of its founders", [][]graph.Entity{{org("Morvik Lehman Brothers Inc", "Morvik Lehman Brothers", "Morvik Lehman")}, {{Name: "Morvik Lehman", Type: graph.Person, Guessed: true, Mentions: 1}}},
			0, []string{"Morvik Lehman Brothers Inc"}},
		{"a person the text says is one is not", [][]graph.Entity{{org("Morvik Stanley and Co Inc", "Morvik Stanley")}, {{Name: "Morvik Stanley", Type: graph.Person, Mentions: 1}}},
			0, []string{"Morvik Stanley and Co Inc", "Morvik Stanley"}},
		{"a guessed person with no company of the name", [][]graph.Entity{{org("Morvik Stanley Capital Markets Inc", "Morvik Stanley")}, {{Name: "Morvik Stanley", Type: graph.Person, Guessed: true, Mentions: 1}}},
			0, []string{"Morvik Stanley Capital Markets Inc", "Morvik Stanley"}},
		{"a guessed place a stored company goes by is the company", [][]graph.Entity{{org("Morvik Lehman Brothers Inc", "Morvik Lehman", "Morvik")}, {{Name: "Morvik", Type: graph.Place, Guessed: true, Mentions: 1}}},
			0, []string{"Morvik Lehman Brothers Inc"}},
		{"a guessed place a company and a person go by stays apart", [][]graph.Entity{{org("Morvik Lehman Brothers Inc", "Morvik Lehman", "Morvik")}, {{Name: "Anna Morvik", Type: graph.Person, Aliases: []string{"Morvik"}, Mentions: 1}}, {{Name: "Morvik", Type: graph.Place, Guessed: true, Mentions: 1}}},
			0, []string{"Morvik Lehman Brothers Inc", "Anna Morvik", "Morvik"}},
		{"a place the text says is one is no company named after it", [][]graph.Entity{{org("Morvik Lehman Brothers Inc", "Morvik Lehman", "Morvik")}, {{Name: "Morvik", Type: graph.Place, Mentions: 1}}},
			0, []string{"Morvik Lehman Brothers Inc", "Morvik"}},
		{"a guessed place is the company of its name with a suffix", [][]graph.Entity{{org("Morvilever Plc", "Morvilever")}, {{Name: "Morvilever", Type: graph.Place, Guessed: true, Mentions: 1}}},
			0, []string{"Morvilever Plc"}},
		{"an acronym of a company", [][]graph.Entity{{org("Interior Kava Machines Corp", "IKM")}, {org("IKM")}, {org("IKM Corp", "IKM")}},
			0, []string{"Interior Kava Machines Corp"}},
		{"a name with and without commas", [][]graph.Entity{{org("Kelvman, Sachs and Co")}, {org("Kelvman Sachs and Co")}, {org("Kelvman, Sachs and Co")}},
			1, []string{"Kelvman, Sachs and Co"}},
		{"a name with commas finds the stored name without", [][]graph.Entity{{org("Kelvman Sachs and Co")}, {org("Kelvman, Sachs and Co")}},
			0, []string{"Kelvman Sachs and Co"}},
		{"one company's name with other suffixes and commas", [][]graph.Entity{{org("Kelvder, Peabody and Co Inc")}, {org("Kelvder Peabody and Co")}, {org("Kelvder, Peabody and Co Inc", "Kelvder Peabody and Co")}},
			1, []string{"Kelvder, Peabody and Co Inc"}},
		{"one company's name with other suffixes", [][]graph.Entity{{org("Kelvder Peabody Co Inc")}, {org("Kelvder Peabody and Co")}, {org("Kelvder Peabody and Co", "Kelvder Peabody Co Inc")}},
			1, []string{"Kelvder Peabody and Co"}},
		{"Company written out is a legal suffix", [][]graph.Entity{{org("Zentor Co", "Zentor")}, {org("Zentor Company", "Zentor")}},
			0, []string{"Zentor Co"}},
		{"a body's name spelt the British way", [][]graph.Entity{{org("Kelvian Coffee Organization", "KCO")}, {org("Kelvian Coffee Organisation")}, {org("Kelvian Coffee Organisation", "KCO")}},
			1, []string{"Kelvian Coffee Organisation"}},
		{"a body's name in another order", [][]graph.Entity{{org("Kelvian Agriculture Department", "KDA")}, {org("Kelvian Department of Agriculture")}, {org("Kelvian Department of Agriculture", "KDA")}},
			1, []string{"Kelvian Department of Agriculture"}},
		{"a bank and a board that share an acronym stay two", [][]graph.Entity{{org("Kelvian Reserve Bank", "KRB")}, {org("Kelvian Reserve Board")}, {org("Kelvian Reserve Board", "KRB")}},
			0, []string{"Kelvian Reserve Bank", "Kelvian Reserve Board"}},
		{"a clipping a document names beside the body", [][]graph.Entity{{org("Kelv")}, {org("Kelvian Reserve"), org("Kelv")}},
			1, []string{"Kelvian Reserve"}},
		{"a clipping beside a body and its board", [][]graph.Entity{{org("Kelv")}, {org("Kelvian Reserve Board"), org("Kelvian Reserve"), org("Kelv")}},
			1, []string{"Kelvian Reserve Board", "Kelvian Reserve"}},
		{"a clipping is no company's short name", [][]graph.Entity{{org("Kelv")}, {org("Kelvian Express Corp"), org("Kelv")}},
			0, []string{"Kelv", "Kelvian Express Corp"}},
		{"capitals that spell a one-word company", [][]graph.Entity{{org("ZW")}, {org("Zentorwerk AG"), org("ZW")}},
			1, []string{"Zentorwerk AG"}},
		{"a parent's name is no clipping of its unit's", [][]graph.Entity{{org("Kelv")}, {org("Kelv-Harris Semiconducteurs"), org("Kelv")}},
			0, []string{"Kelv", "Kelv-Harris Semiconducteurs"}},
		{"three capitals in a one-word company's name are no short name of it", [][]graph.Entity{{org("ZNI")}, {org("Zentoramerica Corp"), org("ZNI")}},
			0, []string{"ZNI", "Zentoramerica Corp"}},
		{"initials a document names beside the body", [][]graph.Entity{{org("KMC")}, {org("Kelvian Motors Corp"), org("KMC")}},
			1, []string{"Kelvian Motors Corp"}},
		{"initials beside two bodies they spell", [][]graph.Entity{{org("KEC")}, {org("Kelvian Export Council"), org("Kelvian Energy Commission"), org("KEC")}},
			0, []string{"KEC", "Kelvian Export Council", "Kelvian Energy Commission"}},
		{"a short name another stored company goes by", [][]graph.Entity{{org("Kelv")}, {org("Kelvo Inc", "Kelv")}, {org("Kelvian Reserve"), org("Kelv")}},
			0, []string{"Kelv", "Kelvo Inc", "Kelvian Reserve"}},
		{"a short name that begins two other banks' names finds none", [][]graph.Entity{{org("Holm Federal Savings and Loan Association")}, {org("Holm Federal Bank of Kelvia")}, {org("Holm Federal")}, {org("Holm Federal Bank of Kelvia F.S.B.", "Holm Federal")}},
			0, []string{"Holm Federal Savings and Loan Association", "Holm Federal Bank of Kelvia", "Holm Federal", "Holm Federal Bank of Kelvia F.S.B."}},
		{"a short name that begins one other bank's name finds its own", [][]graph.Entity{{org("Holm Federal Savings and Loan Association")}, {org("Holm Federal")}, {org("Holm Federal Bank of Kelvia", "Holm Federal")}},
			0, []string{"Holm Federal Savings and Loan Association", "Holm Federal"}},
		{"two names that go on otherwise after the short one they share", [][]graph.Entity{{org("Air Kelv Reserve", "Air Kelv")}, {org("Air Kelv Health Laboratory", "Air Kelv")}},
			0, []string{"Air Kelv Reserve", "Air Kelv Health Laboratory"}},
		{"a name that goes on after the other's shares its short one", [][]graph.Entity{{org("Air Kelv Reserve", "Air Kelv")}, {org("Air Kelv Reserve Command", "Air Kelv")}},
			0, []string{"Air Kelv Reserve"}},
		{"a company's name with its suffix is no longer name", [][]graph.Entity{{org("Holm Federal Savings Co")}, {org("Holm Federal Savings Inc")}, {org("Holm Federal")}, {org("Holm Federal and Co Inc", "Holm Federal")}},
			0, []string{"Holm Federal Savings Co", "Holm Federal Savings Inc", "Holm Federal and Co Inc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := mustOpen(t)
			var last graph.Added
			for i, es := range tt.docs {
				id := fmt.Sprint("d", i)
				d := graph.Document{ID: id, Hash: id, Entities: es}
				if i == 0 {
					d.Triples = []graph.Triple{typed(triple(es[0].Name, es[0].Name, "buy", "bought", "Kelvara", "Kelvara", 0.5, id, 0), es[0].Type, graph.Org)}
				}
				last = mustAdd(t, s, d)
			}
			if last.Merged != tt.merged {
				t.Errorf("Added.Merged = %d, want %d", last.Merged, tt.merged)
			}
			if err := s.Check(ctx); err != nil {
				t.Errorf("Check() after the merges = %v", err)
			}
			all, _, err := s.Entities(ctx, graph.EntityFilter{}, graph.Page{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range all {
				if e.Name != "Kelvara" {
					got = append(got, e.Name)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("entities mismatch (-want +got):\n%s", diff)
			}
			// the first document's edge belongs to the entity its subject is now
			e, err := s.Entity(ctx, tt.docs[0][0].Name)
			if err != nil {
				t.Fatal(err)
			}
			out, _, err := s.Match(ctx, graph.Pattern{SubjectID: e.ID}, graph.Page{})
			if err != nil || len(out) != 1 {
				t.Errorf("Outgoing(%s) = %d triples, %v, want the first document's", e.Name, len(out), err)
			}
		})
	}
}

// A one-word company that is only a guess (business news makes companies
// of single words) is a person where the store holds persons of that
// surname: the one person when there is one, a person of its own when
// two share it.
func TestGuessedCompanySurname(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	p := func(name string) graph.Entity {
		f := strings.Fields(name)
		return graph.Entity{Name: name, Type: graph.Person, Keys: f[len(f)-1:], Mentions: 1}
	}
	mustAdd(t, s, graph.Document{ID: "d0", Hash: "h0", Entities: []graph.Entity{p("Malko Baldeg"), p("Anna Baldeg")}})
	mustAdd(t, s, graph.Document{ID: "d1", Hash: "h1", Entities: []graph.Entity{{Name: "Baldeg", Type: graph.Org, Guessed: true, Mentions: 1}}})
	got, err := s.Entity(ctx, "Baldeg")
	if err != nil || got.Name != "Baldeg" || got.Type != graph.Person {
		t.Errorf("Entity(Baldeg) = %q %s, %v; want the person Baldeg of its own", got.Name, got.Type, err)
	}
}

// A stored name with a legal suffix is a company's, however the mentions
// of its short name voted.
func TestSuffixedNameIsCompany(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	mustAdd(t, s, graph.Document{ID: "d0", Hash: "h0", Entities: []graph.Entity{{Name: "Kelvian Airlines Inc", Type: graph.Org,
		Aliases: []string{"Kelvian Airlines Inc", "Kelvian"}, Mentions: 1}}})
	mustAdd(t, s, graph.Document{ID: "d1", Hash: "h1", Entities: []graph.Entity{{Name: "Kelvian Airlines Inc", Type: graph.Place,
		Aliases: []string{"Kelvian Airlines Inc", "Kelvian"}, Mentions: 5}}})
	got, err := s.Entity(ctx, "Kelvian Airlines Inc")
	if err != nil || got.Type != graph.Org {
		t.Errorf("Entity(Kelvian Airlines Inc) = %q %s, %v; want an organisation", got.Name, got.Type, err)
	}
}

// A company guessed for a one-word name before the store held a person of
// that surname does not keep later guesses from being the person's: the
// word's entity comes to be a person by their votes.
func TestEarlierGuessIsNoCompany(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	guess := graph.Entity{Name: "Baldeg", Type: graph.Org, Guessed: true, Mentions: 1}
	docs := [][]graph.Entity{{guess}, {{Name: "Malko Baldeg", Type: graph.Person, Keys: []string{"Baldeg"}, Mentions: 1}}, {guess}, {guess}}
	for i, es := range docs {
		id := fmt.Sprint("d", i)
		mustAdd(t, s, graph.Document{ID: id, Hash: id, Entities: es,
			Triples: []graph.Triple{typed(triple(es[0].Name, es[0].Name, "buy", "bought", "Kelvara", "Kelvara", 0.5, id, 0), es[0].Type, graph.Org)}})
	}
	e, err := s.Entity(ctx, "Baldeg")
	if err != nil {
		t.Fatal(err)
	}
	if e.Type != graph.Person {
		t.Errorf("Baldeg is %s, want %s (two of its three mentions came after Malko Baldeg)", e.Type, graph.Person)
	}
}
