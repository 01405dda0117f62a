package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/ingest/parse"
	"github.com/kg-builder/kg/ingest/ud"
)

// maxParseInput bounds what kg parse reads of one file.
const maxParseInput = 64 << 20

type parseOptions struct {
	eval     string
	goldTags bool
}

func newParseCmd(e *env) *cobra.Command {
	var o parseOptions
	cmd := &cobra.Command{
		Use:   "parse [PATH | -]",
		Short: "Print the dependency trees of text as CoNLL-U",
		Long: `Parse cuts text into sentences and words, tags and lemmatises the words and
parses each sentence into a Universal Dependencies tree with the parser built
into kg, and prints CoNLL-U: ID, FORM, LEMMA, UPOS, XPOS, FEATS (empty), HEAD,
DEPREL, DEPS (empty) and MISC with TokenRange=start:end, the word's byte
offsets in the input. With no PATH it reads standard input.

With --eval FILE.conllu it parses the words of the gold sentences instead
(gold tokenisation, predicted tags unless --gold-tags) and prints the scores;
the last line is "uas=<n> las=<n> words=<n> tokens_per_s=<n>", where words
counts the scored words (punctuation excluded) and tokens_per_s every word
tagged and parsed per second on one goroutine.`,
		Example: `  echo "Estonian Prime Minister Liis Kuusik met Andris Ozols in Tallinn." | kg parse
  kg parse --eval ../shared/ud/UD_English-EWT/en_ewt-ud-test.conllu`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.eval != "" {
				if len(args) > 0 {
					return fmt.Errorf("parse: --eval takes no PATH")
				}
				return runParseEval(cmd.Context(), e, o)
			}
			path := "-"
			if len(args) == 1 {
				path = args[0]
			}
			return runParse(cmd.Context(), e, path)
		},
	}
	cmd.Flags().StringVar(&o.eval, "eval", "", "score the parser on the gold sentences of a CoNLL-U file")
	cmd.Flags().BoolVar(&o.goldTags, "gold-tags", false, "with --eval: parse from the gold tags instead of predicted ones")
	return cmd
}

func runParse(ctx context.Context, e *env, path string) error {
	var r io.Reader = e.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxParseInput+1))
	if err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	if len(b) > maxParseInput {
		return fmt.Errorf("parse %s: more than %d MiB", path, maxParseInput>>20)
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("parse %s: not text: invalid UTF-8", path)
	}
	m, err := parse.Default()
	if err != nil {
		return err
	}
	w := ud.NewWriter(e.stdout)
	text := string(b)
	for i, s := range ud.Tokenize(text) {
		if err := ctx.Err(); err != nil {
			return err
		}
		m.Parse(s)
		for j := range s.Tokens {
			t := &s.Tokens[j]
			t.Misc = "TokenRange=" + strconv.Itoa(t.Start) + ":" + strconv.Itoa(t.End)
		}
		if err := ud.Validate(s, text); err != nil {
			return fmt.Errorf("parse: sentence %d: %w", i+1, err) // a bug, never bad input
		}
		s.Comments = append([]string{"sent_id = " + strconv.Itoa(i+1)}, s.Comments...)
		if err := w.Write(s); err != nil {
			return err
		}
	}
	return w.Flush()
}

func runParseEval(ctx context.Context, e *env, o parseOptions) error {
	f, err := os.Open(o.eval)
	if err != nil {
		return err
	}
	defer f.Close()
	gold, err := ud.ReadAll(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("parse --eval %s: %w", o.eval, err)
	}
	if len(gold) == 0 {
		return fmt.Errorf("parse --eval %s: no sentences", o.eval)
	}
	for _, s := range gold {
		if err := ud.Validate(s, ""); err != nil {
			return fmt.Errorf("parse --eval %s: sentence %s: %w", o.eval, s.Comment("sent_id"), err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m, err := parse.Default()
	if err != nil {
		return err
	}
	sc, took := m.Evaluate(gold, o.goldTags)
	tags := "predicted tags"
	if o.goldTags {
		tags = "gold tags"
	} else {
		fmt.Fprintf(e.stdout, "tagging: XPOS %.2f UPOS %.2f over %d words\n", sc.XPOSAccuracy(), sc.UPOSAccuracy(), sc.Tokens)
	}
	fmt.Fprintf(e.stdout, "%s, %d sentences, punctuation excluded: UAS %.2f LAS %.2f (relations without subtypes: %.2f)\n",
		tags, len(gold), sc.UAS(), sc.LAS(), sc.BaseLAS())
	for _, rel := range []string{"nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "xcomp", "ccomp", "appos", "conj", "acl:relcl", "nmod:poss", "compound:prt"} {
		if r := sc.Relations[rel]; r != nil && r.Words > 0 {
			fmt.Fprintf(e.stdout, "  %-13s %5d words  UAS %6.2f  LAS %6.2f\n", rel, r.Words,
				100*float64(r.Heads)/float64(r.Words), 100*float64(r.Labels)/float64(r.Words))
		}
	}
	fmt.Fprintf(e.stdout, "uas=%.2f las=%.2f words=%d tokens_per_s=%d\n", sc.UAS(), sc.LAS(), sc.Words,
		int(float64(sc.Tokens)/max(took.Seconds(), 1e-9)))
	return nil
}
