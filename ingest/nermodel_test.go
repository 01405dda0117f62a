package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/tag"

	"github.com/kg-builder/kg/internal/testcorpus"
)

// TestNERMatchesProse: nerModel gives every token the label prose's own
// labeller gives it, on our test texts and, when it is here, on 200
// articles of the Reuters corpus (2,000 with KG_LONG=1).
func TestNERMatchesProse(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ex.ner.(*nerModel); !ok {
		t.Fatalf("New() labels with %T: prose's entity model no longer loads into nerModel", ex.ner)
	}
	model := ex.ner
	prose, err := ner.New()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	files, _ := filepath.Glob("testdata/*.*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, "ÉLYSÉE said 3.5 1e9 NaN _x_ Kestilä O'Neill al-Assad McDonald U.S.A. NASA x-ray", "")
	// 200 Reuters articles by default, 2,000 in the long run (34 s)
	n := 200
	if os.Getenv("KG_LONG") == "1" {
		n = 2000
	}
	if !testing.Short() {
		for _, a := range testcorpus.Reuters(n) {
			texts = append(texts, Text(Input{ID: a.ID, Title: a.Title, Text: a.Text}))
		}
	}
	ctx := context.Background()
	tokens, differ := 0, 0
	for _, text := range texts {
		sents, err := ex.sentences(ctx, text)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			a := make([]tag.Token, len(s.toks))
			for i, tk := range s.toks {
				a[i] = tag.Token{Text: tk.text, Tag: tk.tag}
			}
			b := append([]tag.Token(nil), a...)
			model.Label(a)
			prose.Label(b)
			for i := range a {
				tokens++
				if a[i].Label != b[i].Label {
					differ++
					if differ <= 10 {
						t.Errorf("%q in %q: nerModel %s, prose %s", a[i].Text, s.text, a[i].Label, b[i].Label)
					}
				}
			}
		}
	}
	if differ > 0 || tokens < 1000 {
		t.Errorf("%d of %d tokens labelled differently", differ, tokens)
	}
	t.Logf("%d tokens labelled as prose does", tokens)
}
