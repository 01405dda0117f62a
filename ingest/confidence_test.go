package ingest

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestConfidenceTable checks that every triple of the tree extractor
// names its rule, a key of treeConf, and that its confidence is that
// rule's weight plus its flags' (kept within 0.05–0.95): the table is
// all there is to confidence.
func TestConfidenceTable(t *testing.T) {
	ex, err := New(Options{Phrases: true, Concepts: true})
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	rules := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ex.Extract(context.Background(), Input{ID: f, Text: string(b)})
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range doc.Triples {
			w, ok := treeConf[tr.Rule]
			if !ok || slices.Contains(treeFlags, tr.Rule) {
				t.Errorf("%s: %s –%s→ %s: rule %q is no rule of treeConf", f, tr.Subject, tr.Relation, tr.Object, tr.Rule)
				continue
			}
			rules[tr.Rule] = true
			for _, fl := range tr.Flags {
				if !slices.Contains(treeFlags, fl) {
					t.Errorf("%s: %s –%s→ %s: flag %q is no flag of treeConf", f, tr.Subject, tr.Relation, tr.Object, fl)
				}
				w += treeConf[fl]
			}
			w = math.Round(min(max(w, 0.05), 0.95)*100) / 100
			if math.Abs(w-tr.Confidence) > 0.001 {
				t.Errorf("%s: %s –%s→ %s: confidence %.2f, but rule %q and flags %q add up to %.2f",
					f, tr.Subject, tr.Relation, tr.Object, tr.Confidence, tr.Rule, tr.Flags, w)
			}
		}
	}
	for _, r := range []string{"obj", "obl", "title"} {
		if !rules[r] {
			t.Errorf("no triple of rule %q in testdata", r)
		}
	}
	for _, f := range treeFlags {
		if _, ok := treeConf[f]; !ok {
			t.Errorf("flag %q has no weight in treeConf", f)
		}
	}
}
