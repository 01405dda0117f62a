package ingest

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden extracts every testdata/*.txt and *.md file and compares the
// result with its .golden file: the entities, then one triple per line.
func TestGolden(t *testing.T) {
	golden(t, mustExtractor(t), ".golden")
}

// TestGoldenPattern does the same with the pattern extractor, against the
// .pattern.golden files.
func TestGoldenPattern(t *testing.T) {
	ex, err := New(Options{Extractor: "pattern"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, ex, ".pattern.golden")
}

func golden(t *testing.T, ex *Extractor, suffix string) {
	files, err := filepath.Glob("testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") || strings.HasSuffix(f, ".conllu") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ex.Extract(context.Background(), Input{ID: filepath.Base(f), Text: string(b)})
			if err != nil {
				t.Fatalf("Extract(%s): %v", f, err)
			}
			got := render(doc)
			golden := strings.TrimSuffix(f, filepath.Ext(f)) + suffix
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./ingest -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("Extract(%s) differs from %s (-want +got):\n%s", f, golden, diff)
			}
		})
	}
	if n == 0 {
		t.Fatal("no test files in testdata")
	}
}

// render writes a document's entities and triples one per line.
func render(d graph.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %d sentences, %d tokens\n", d.Sentences, d.Tokens)
	for _, e := range d.Entities {
		fmt.Fprintf(&b, "entity %s (%s) x%d aliases=%q\n", e.Name, e.Type, e.Mentions, e.Aliases)
	}
	for _, t := range d.Triples {
		fmt.Fprintf(&b, "triple %s (%s) | %s | %s (%s) | conf=%.2f", t.Subject, t.SubjectType, t.Relation, t.Object, t.ObjectType, t.Confidence)
		if t.Negated {
			b.WriteString(" negated")
		}
		if t.Modality != "" {
			fmt.Fprintf(&b, " modality=%s", t.Modality)
		}
		if t.AttributedTo != "" {
			fmt.Fprintf(&b, " by=%q", t.AttributedTo)
		}
		fmt.Fprintf(&b, " | %q %q %q @%d\n", t.SubjectText, t.RelationText, t.ObjectText, t.Evidence[0].Sentence)
	}
	return b.String()
}

func mustExtractor(t testing.TB) *Extractor {
	t.Helper()
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ex
}
