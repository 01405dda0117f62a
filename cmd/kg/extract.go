package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/source"
)

func newExtractCmd(e *env) *cobra.Command {
	var lines bool
	cmd := &cobra.Command{
		Use:   "extract [PATH... | -]",
		Short: "Print the triples of text as JSON Lines, without storing anything",
		Long: `Extract reads text like ingest does and prints one JSON object per triple:
document, sentence, subject, relation, object (normalised: canonical names,
lemmatised relation), subject_text, relation_text, object_text (the words as
written), subject_type, object_type, confidence, negated, modality,
attributed_to, graph (whether kg ingest would keep it), the sentence's index
and byte offsets, and rule and flags: the tree extractor's pattern and the
flags whose weights, added up, gave the confidence (the README's table:
"rule":"obj","flags":["named object","reported speech"]).

With --lines every input line is a document of its own, and "sentence" is
that line, verbatim. With no PATH it reads standard input.`,
		Example: `  echo "Rex Tillerson met Vladimir Putin in Moscow." | kg extract
  kg extract --lines headlines.txt | jq .relation`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			return runExtract(cmd.Context(), e, args, lines)
		},
	}
	cmd.Flags().BoolVar(&lines, "lines", false, "treat each input line as its own document")
	cmd.Flags().StringVar(&e.extractor, "extractor", "", "relation extractor: tree (default: clauses from a dependency parse) or pattern (verb phrases over part-of-speech tags)")
	return cmd
}

// extractRow is one line of kg extract's output.
type extractRow struct {
	Document      string  `json:"document"`
	SentenceIndex int     `json:"sentence_index"`
	Sentence      string  `json:"sentence"`
	Subject       string  `json:"subject"`
	Relation      string  `json:"relation"`
	Object        string  `json:"object"`
	SubjectText   string  `json:"subject_text"`
	RelationText  string  `json:"relation_text"`
	ObjectText    string  `json:"object_text"`
	SubjectType   string  `json:"subject_type"`
	ObjectType    string  `json:"object_type"`
	Confidence    float64 `json:"confidence"`
	Negated       bool    `json:"negated"`
	Modality      string  `json:"modality,omitempty"`
	AttributedTo  string  `json:"attributed_to,omitempty"`
	Graph         bool    `json:"graph"` // whether kg ingest stores it (storedKeys)
	Start         int     `json:"start"`
	End           int     `json:"end"`

	// how it got its confidence: the extractor's rule, a key of its table
	// of weights ("obj", "role"), and the flags whose weights were added
	Rule  string   `json:"rule,omitempty"`
	Flags []string `json:"flags,omitempty"`
}

func runExtract(ctx context.Context, e *env, paths []string, lines bool) error {
	ex, err := ingest.New(ingest.Options{Extractor: e.extractor, Phrases: true, Concepts: true})
	if err != nil {
		return err
	}
	// the graph flag is what kg ingest's own extraction keeps: open
	// extraction gives triples the store's never makes (an apposition, a
	// time as an object, what a speech verb's obliques say), so each
	// document is read a second time as kg ingest reads it
	stored, err := ingest.New(ingest.Options{Extractor: e.extractor})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan source.Item, 64)
	src := source.New(paths, e.stdin, source.Options{})
	if lines {
		go splitLines(ctx, src, items)
	} else {
		go src.Run(ctx, items)
	}
	results := make(chan extracted, 16)
	go extractAll(ctx, ex, nil, items, results)
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	for r := range results {
		if r.Err != nil {
			if r.Err == source.ErrEmpty && lines {
				continue
			}
			failed++
			fmt.Fprintf(e.stderr, "kg: %s: %v\n", r.Where, r.Err)
			continue
		}
		kept, err := storedKeys(ctx, stored, r.Item)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "kg: %s: %v\n", r.Where, err)
			continue
		}
		for _, t := range r.doc.Triples {
			graphed := false
			if k := tripleKey(t); kept[k] > 0 {
				kept[k]--
				graphed = true
			}
			row := extractRow{Document: r.doc.ID, Subject: t.Subject, Relation: t.Relation, Object: t.Object,
				SubjectText: t.SubjectText, RelationText: t.RelationText, ObjectText: t.ObjectText,
				SubjectType: t.SubjectType, ObjectType: t.ObjectType, Confidence: t.Confidence,
				Negated: t.Negated, Modality: t.Modality, AttributedTo: t.AttributedTo, Graph: graphed,
				Rule: t.Rule, Flags: t.Flags}
			if len(t.Evidence) > 0 {
				ev := t.Evidence[0]
				row.SentenceIndex, row.Sentence, row.Start, row.End = ev.Sentence, ev.Text, ev.Start, ev.End
			}
			if lines {
				row.Sentence = r.Doc.Text
			}
			if err := enc.Encode(row); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return errQuiet
	}
	return nil
}

// tripleKey identifies a triple of one document for storedKeys: its
// sentence, ends, relation and flags.
func tripleKey(t graph.Triple) string {
	sent := -1
	if len(t.Evidence) > 0 {
		sent = t.Evidence[0].Sentence
	}
	return fmt.Sprintf("%d\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%t\x00%s\x00%s", sent, t.Subject, t.SubjectType,
		t.Relation, t.Object, t.ObjectType, t.Modality, t.Negated, t.AttributedTo, t.Rule)
}

// storedKeys counts the triples kg ingest would store of one document, by
// tripleKey: those its extraction (no open extraction) keeps, less an edge
// from an entity to itself, which the store drops.
func storedKeys(ctx context.Context, ex *ingest.Extractor, it source.Item) (map[string]int, error) {
	doc, err := ex.Extract(ctx, ingest.Input(it.Doc))
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, t := range doc.Triples {
		if t.Relation == "" || t.SubjectType == t.ObjectType && graph.Fold(t.Subject) == graph.Fold(t.Object) {
			continue
		}
		out[tripleKey(t)]++
	}
	return out, nil
}

// splitLines turns every line of the input into a document of its own.
func splitLines(ctx context.Context, src *source.Reader, out chan<- source.Item) {
	defer close(out)
	whole := make(chan source.Item)
	go src.Run(ctx, whole)
	for it := range whole {
		if it.Err != nil {
			out <- it
			continue
		}
		for n, line := range strings.Split(it.Doc.Text, "\n") {
			line = strings.TrimRight(line, "\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			li := source.Item{Where: fmt.Sprintf("%s:%d", it.Where, n+1), Size: int64(len(line))}
			li.Doc = source.Document{ID: fmt.Sprintf("%s:%d", it.Doc.ID, n+1), Source: it.Doc.Source, Text: line}
			select {
			case out <- li:
			case <-ctx.Done():
				return
			}
		}
	}
}
