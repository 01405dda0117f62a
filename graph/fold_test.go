package graph_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/kg-builder/kg/graph"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Rex Tillerson", "rex tillerson"},
		{"REX TILLERSON", "rex tillerson"},
		{"U.S.", "us"},
		{"US", "us"},
		{"u.s", "us"},
		{"U. S.", "u s"},
		{"U.S.A.", "usa"},
		{"...", ""},
		{"  leading and trailing  ", "leading and trailing"},
		{"many \t\n  spaces", "many spaces"},
		{"a . b", "a b"},
		{"4.8 pct", "4.8 pct"},
		{"48 pct", "48 pct"},
		{"Inc.", "inc"},
		{"\u00a0non\u00a0breaking\u2003em ", "non breaking em"},
		{"O’Brien", "o'brien"},
		{"O‘Brien", "o'brien"},
		{"O`Brien", "o'brien"},
		{"O'Brien", "o'brien"},
		{"Ærøskøbing", "ærøskøbing"},
		{"ÉCOLE", "école"},
		{"İstanbul", "istanbul"},
		{"ΑΘΗΝΑ", "αθηνα"},
		{"Dr.Smith", "drsmith"},
		{"e1", "e1"},
		{"AT&T", "at&t"},
		{"北京", "北京"},
		{"\xff", "\ufffd"}, // invalid UTF-8 becomes the replacement rune
	}
	for _, tt := range tests {
		if got := graph.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "U.S.", "  Rex   Tillerson ", "O’Brien", "İ", "\xff\xfe", "a\u00a0.b", "ǅ", "K", ". . ."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := graph.Fold(s)
		if twice := graph.Fold(once); twice != once {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", s, twice, once)
		}
		if !utf8.ValidString(once) {
			t.Errorf("Fold(%q) = %q, not valid UTF-8", s, once)
		}
		if strings.HasPrefix(once, " ") || strings.HasSuffix(once, " ") || strings.Contains(once, "  ") {
			t.Errorf("Fold(%q) = %q, want single inner spaces only", s, once)
		}
		if strings.ContainsAny(once, ".’‘`\t\n") {
			t.Errorf("Fold(%q) = %q still holds a full stop, curly quote or non-space blank", s, once)
		}
		if upper := graph.Fold(strings.ToUpper(s)); upper != graph.Fold(strings.ToUpper(once)) {
			t.Errorf("Fold(ToUpper(%q)) = %q, want Fold(ToUpper(Fold)) = %q", s, upper, graph.Fold(strings.ToUpper(once)))
		}
	})
}

// FuzzAddLookup adds a name as an entity and looks it up again. One store
// serves every input, so names also meet the entities of earlier inputs.
func FuzzAddLookup(f *testing.F) {
	for _, s := range []string{"Rex Tillerson", "U.S.", "us", "O’Brien", "  spaced  out ", "...", "", "Ærø", "\xff", "a\x00b", "x", "Tillerson"} {
		f.Add(s)
	}
	s := mustOpen(f)
	var n atomic.Int64
	f.Fuzz(func(t *testing.T, name string) {
		if len(name) > 1000 {
			t.Skip("names are short")
		}
		ctx := context.Background()
		id := fmt.Sprint("doc", n.Add(1))
		if _, err := s.Add(ctx, graph.Document{ID: id, Hash: id,
			Entities: []graph.Entity{{Name: name, Type: graph.Person, Mentions: 1}}}); err != nil {
			t.Fatalf("Add(entity %q) = %v", name, err)
		}
		got, err := s.Entity(ctx, name)
		if graph.Fold(name) == "" {
			if !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("Entity(%q) = %+v, %v, want ErrNotFound for a name that folds to nothing", name, got, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Entity(%q) = %v, want the entity just added", name, err)
		}
		// It may be an earlier entity the name resolved to (a person's
		// surname, another spelling): then it lists the name as an alias.
		known := false
		for _, a := range append([]string{got.Name}, got.Aliases...) {
			known = known || graph.Fold(a) == graph.Fold(name)
		}
		if !known || got.Type != graph.Person {
			t.Errorf("Entity(%q) = %+v, want a PERSON known as %q", name, got, graph.Fold(name))
		}
		byID, err := s.EntityByID(ctx, got.ID)
		if err != nil || byID.Name != got.Name {
			t.Errorf("EntityByID(%q) = %+v, %v, want %+v", got.ID, byID, err, got)
		}
	})
}

func TestPlainName(t *testing.T) {
	for name, want := range map[string]bool{
		"Rex W. Tillerson":      true,
		"Charles de Gaulle":     true,
		"Bashar al-Assad":       true,
		"Bashar Ja'afari":       true,
		"Anna-Liisa Kask":       true,
		"Honda co-operative":    false,
		"Valéry d’Estaing":      true,
		"Ludwig van Beethoven":  true,
		"Bank of Japan":         false,
		"Nippon Airways> Japan": false,
		"Group 7 leaders":       false,
		"Honda and Toyota":      false,
	} {
		if got := graph.PlainName(name); got != want {
			t.Errorf("PlainName(%q) = %t, want %t", name, got, want)
		}
	}
}
