package ingest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/ud"
)

// TestClauseRules runs the tree extractor's rules over hand-checked trees
// (testdata/clauses.conllu, one sentence a document), so that each rule is
// tested without parser error: prose still finds the names, the gold tree
// gives the clauses. Each sentence lists the triples it must give as
// "# triple = subject | relation | object [| negated] [| modality=M]
// [| by=SPEAKER]" comments; go test ./ingest -update rewrites them. A
// sentence marked "# open = yes" is extracted as kg extract does it
// (Options.Phrases and Concepts), and its triples also give the texts
// and the types Open IE compares: "… || subject text | relation text |
// object text | TYPE TYPE".
func TestClauseRules(t *testing.T) {
	const file = "testdata/clauses.conllu"
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ud.ReadAll(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	ex := mustExtractor(t)
	// sentences with the same "# doc = NAME" comment, in a row, are one
	// document (for coreference); any other sentence is a document alone
	got := map[*ud.Sentence][]string{}
	for i := 0; i < len(sents); {
		j := i + 1
		for doc := sents[i].Comment("doc"); doc != "" && j < len(sents) && sents[j].Comment("doc") == doc; j++ {
		}
		for k, ts := range treeTriplesOf(t, ex, sents[i:j], sents[i].Comment("open") == "yes") {
			got[sents[i+k]] = ts
		}
		i = j
	}
	for _, us := range sents {
		text := us.Text()
		got := got[us]
		var want []string
		var comments []string
		for _, c := range us.Comments {
			if v, ok := strings.CutPrefix(c, "triple = "); ok {
				want = append(want, v)
				continue
			}
			comments = append(comments, c)
		}
		if *update {
			for _, g := range got {
				comments = append(comments, "triple = "+g)
			}
			us.Comments = comments
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("triples of %q (-want +got):\n%s", text, diff)
		}
	}
	if *update {
		var b strings.Builder
		w := ud.NewWriter(&b)
		for _, us := range sents {
			if err := w.Write(us); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// treeTriplesOf extracts the triples of a document of gold-parsed
// sentences, by sentence: prose tags and labels their words, the gold
// trees stand for the parser's.
func treeTriplesOf(t *testing.T, ex *Extractor, uss []*ud.Sentence, open bool) [][]string {
	t.Helper()
	var ss []sentence
	start := 0
	for i, us := range uss {
		text := us.Text()
		if err := ud.Validate(us, ""); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		s := sentence{index: i, start: start, text: text}
		at := 0
		for _, w := range us.Tokens {
			k := strings.Index(text[at:], w.Form)
			if k < 0 {
				t.Fatalf("%q: word %q not in the text", text, w.Form)
			}
			s.toks = append(s.toks, token{text: w.Form, lower: strings.ToLower(w.Form), start: start + at + k})
			at += k + len(w.Form)
		}
		ex.label(s.toks)
		s.shouting = shouting(s.toks, false)
		// the repairs of the parser's output apply as in parseSentence
		s.tree = append([]ud.Token(nil), us.Tokens...)
		repair(s.tree)
		ss = append(ss, s)
		start += len(text) + 1
	}
	d := newDocState(ss)
	d.phrases, d.open = open, open
	d.findMentions()
	d.docTypes()
	d.resolve()
	out := make([][]string, len(uss))
	for _, tr := range d.triples() {
		i := tr.Evidence[0].Sentence
		r := renderTriple(tr)
		if open {
			r += fmt.Sprintf(" || %s | %s | %s | %s %s", tr.SubjectText, tr.RelationText, tr.ObjectText, tr.SubjectType, tr.ObjectType)
		}
		out[i] = append(out[i], r)
	}
	return out
}

func renderTriple(tr graph.Triple) string {
	r := fmt.Sprintf("%s | %s | %s", tr.Subject, tr.Relation, tr.Object)
	if tr.Negated {
		r += " | negated"
	}
	if tr.Modality != "" {
		r += " | modality=" + tr.Modality
	}
	if tr.AttributedTo != "" {
		r += " | by=" + tr.AttributedTo
	}
	return r
}

// TestTreeOddInputs runs the tree extractor on text that once crashed it
// or could: a possessive first, lone marks, a name alone.
func TestTreeOddInputs(t *testing.T) {
	ex, err := New(Options{Extractor: "tree"})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"'s chairman met Anna Tamm.",
		"'s",
		"Acme's 's 's board said it.",
		", , which said that it, who, did.",
		"Nordhavn Energy",
		"It. He. The company. She said.",
		"Said said said by by by to to of of.",
	} {
		if _, err := ex.Extract(context.Background(), Input{ID: "odd", Text: text}); err != nil {
			t.Errorf("Extract(%q): %v", text, err)
		}
	}
}

// TestRetag: a verb that takes an infinitive, read as a plural noun after
// its subject, is parsed as the verb it is; after a possessive it stays a
// noun.
func TestRetag(t *testing.T) {
	ex := mustExtractor(t)
	for _, c := range []struct {
		text, word, upos string
	}{
		{"The company plans to drastically reduce debt.", "plans", "VERB"},
		{"Nordhavn Energy expects to report a loss.", "expects", "VERB"},
		{"Its plans to expand were dropped.", "plans", "NOUN"},
	} {
		ss, err := ex.sentences(context.Background(), c.text)
		if err != nil || len(ss) != 1 {
			t.Fatalf("sentences(%q) = %d, %v", c.text, len(ss), err)
		}
		for _, w := range parseSentence(ex.parser, &ss[0]) {
			if w.Form == c.word && w.UPOS != c.upos {
				t.Errorf("%q: %s is %s, want %s", c.text, w.Form, w.UPOS, c.upos)
			}
		}
	}
}
