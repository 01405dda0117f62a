package ingest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kg-builder/kg/graph"
)

// tripleString is a short form of a triple for tests:
// "Subject -relation-> Object [neg] [modality] [by speaker]".
func tripleString(t graph.Triple) string {
	s := fmt.Sprintf("%s -%s-> %s", t.Subject, t.Relation, t.Object)
	if t.Negated {
		s += " neg"
	}
	if t.Modality != "" {
		s += " " + t.Modality
	}
	if t.AttributedTo != "" {
		s += " by " + t.AttributedTo
	}
	return s
}

func TestExtractRules(t *testing.T) {
	ex := mustExtractor(t)
	tests := []struct {
		name string
		text string
		want []string // triples that must be extracted
		not  []string // triples that must not
	}{
		{"simple verb, lemma", "Rex Tillerson met Vladimir Putin in Moscow.",
			[]string{"Rex Tillerson -meet-> Vladimir Putin"}, nil},
		{"title stripped", "U.S. Secretary of State Rex Tillerson visited Moscow.",
			[]string{"Rex Tillerson -visit-> Moscow"}, []string{"U.S. Secretary of State Rex Tillerson -visit-> Moscow"}},
		{"short name linked in document", "Finnish Foreign Minister Aino Kestilä arrived on Monday. Kestilä criticised the plan.",
			[]string{"Aino Kestilä -criticise-> plan"}, nil},
		{"verb with preposition", "Tillerson talked to Lavrov for three hours.",
			[]string{"Tillerson -talk to-> Lavrov"}, nil},
		{"passive with agent", "The charter was signed by Aino Kestilä in Tallinn.",
			[]string{"Aino Kestilä -sign-> charter"}, []string{"charter -sign-> Aino Kestilä"}},
		{"negation", "Saarepuu did not meet Anna Brenner.",
			[]string{"Saarepuu -meet-> Anna Brenner neg"}, nil},
		{"modality", "Poland could block the treaty.",
			[]string{"Poland -block-> treaty could"}, nil},
		{"coordinated subjects", "Finland and Estonia signed the agreement.",
			[]string{"Finland -sign-> agreement", "Estonia -sign-> agreement"}, nil},
		{"coordinated objects", "Kestilä met Jonas Hovland and Anna Tamm.",
			[]string{"Kestilä -meet-> Jonas Hovland", "Kestilä -meet-> Anna Tamm"}, nil},
		{"reported speech", "Lavrov said that Moscow had rejected the proposal.",
			[]string{"Moscow -reject-> proposal by Lavrov"}, []string{"Lavrov -say-> Moscow"}},
		{"trailing attribution", "Nordhavn Energy acquired the stake, Jonas Hovland said.",
			[]string{"Nordhavn Energy -acquire-> stake by Jonas Hovland"}, nil},
		{"apposition as subject", "Jonas Hovland, the chief executive of Nordhavn Energy, visited Gdansk.",
			[]string{"Jonas Hovland -visit-> Gdansk"}, []string{"Nordhavn Energy -visit-> Gdansk"}},
		{"demonym is not an entity", "Russian officials criticised the strike.",
			nil, []string{"Russian -criticise-> strike"}},
		{"role from a title chain with an owner", "NATO Secretary General Jonas Berg arrived in Riga. NATO said nothing.",
			[]string{"Jonas Berg -secretary general of-> NATO"}, nil},
		{"role from a demonym owner", "Estonia protested. Estonian Prime Minister Liis Kuusik left early.",
			[]string{"Liis Kuusik -prime minister of-> Estonia"}, nil},
		{"role from a possessive", "Kuusik's spokesman Mart Tamm denied the report.",
			[]string{"Mart Tamm -spokesman of-> Kuusik"}, nil},
		{"role from an apposition with of", "Jonas Hovland, the chief executive of Nordhavn Energy, visited Gdansk.",
			[]string{"Jonas Hovland -chief executive of-> Nordhavn Energy"}, nil},
		{"is-a from an apposition", "Anna Tamm, a former rail engineer, visited Riga.",
			[]string{"Anna Tamm -be-> rail engineer"}, nil},
		{"an honorific is no role", "Mr Kuusik met Andris Ozols.",
			nil, []string{"Kuusik -be-> mr"}},
		{"title-case headline gives no triples", "Haley Says US Ready To Help\n\nThe council met on Monday.",
			nil, []string{"Haley -say-> US"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ex.Extract(context.Background(), Input{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			var all []string
			for _, tr := range doc.Triples {
				got[tripleString(tr)] = true
				all = append(all, tripleString(tr))
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("Extract(%q) lacks %q; got:\n  %s", tt.text, w, strings.Join(all, "\n  "))
				}
			}
			for _, n := range tt.not {
				if got[n] {
					t.Errorf("Extract(%q) has %q", tt.text, n)
				}
			}
		})
	}
}

func TestExtractProvenance(t *testing.T) {
	ex := mustExtractor(t)
	text := "Talks Resume\n\nAnna Tamm met Jonas Hovland in Riga. Later, Tamm visited Tallinn.\r\n"
	doc, err := ex.Extract(context.Background(), Input{ID: "doc-1", Title: "", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if doc.ID != "doc-1" || doc.Hash != Hash(Text(Input{Text: text})) || doc.Title != "Talks Resume" {
		t.Errorf("Extract: id %q hash %q title %q", doc.ID, doc.Hash, doc.Title)
	}
	norm := Text(Input{Text: text})
	if len(doc.Triples) == 0 {
		t.Fatal("Extract found no triples")
	}
	for _, tr := range doc.Triples {
		ev := tr.Evidence[0]
		if norm[ev.Start:ev.End] != ev.Text {
			t.Errorf("evidence offsets [%d,%d) = %q, want %q", ev.Start, ev.End, norm[ev.Start:ev.End], ev.Text)
		}
		for _, part := range []string{tr.SubjectText, tr.RelationText, tr.ObjectText} {
			if !strings.Contains(ev.Text, part) {
				t.Errorf("surface %q not in sentence %q", part, ev.Text)
			}
		}
		if tr.Confidence <= 0 || tr.Confidence > 1 {
			t.Errorf("confidence %v out of (0,1]", tr.Confidence)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	ex := mustExtractor(t)
	for _, text := range []string{"", "   \n\n", "\xff\xfe bad", strings.Repeat("word ", 5000), "!!! ??? ...", "a"} {
		doc, err := ex.Extract(context.Background(), Input{ID: "x", Text: text})
		if err == nil && doc.Hash == "" {
			t.Errorf("Extract(%.20q) returned no hash", text)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ex.Extract(ctx, Input{ID: "x", Text: "Putin met Trump."}); err == nil {
		t.Error("Extract with a cancelled context succeeded")
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		in   Input
		want string
	}{
		{Input{Text: "\uFEFFa\r\nb"}, "a\nb"},
		{Input{Title: "Head", Text: "Body."}, "Head\n\nBody."},
		{Input{Title: "Head", Text: "Head\n\nBody."}, "Head\n\nBody."},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
