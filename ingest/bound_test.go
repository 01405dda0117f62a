package ingest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
)

// unbroken returns n bytes of one sentence without a full stop.
func unbroken(n int) string {
	names := []string{"Liis Kuusik", "Andris Ozols", "Maria Lind", "Aino Kestilä", "Jüri Tamm"}
	cities := []string{"Tallinn", "Riga", "Vilnius", "Helsinki", "Gdansk"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s met %s in %s on day %d and ", names[i%5], names[(i+2)%5], cities[(i*3)%5], i)
	}
	return b.String()[:n]
}

func TestBoundSentences(t *testing.T) {
	word := strings.Repeat("ä", 3000) // no white space: cut at a rune boundary
	for _, src := range []string{unbroken(10 * MaxSentence), word, "Short one. " + unbroken(3*MaxSentence+7) + ". Another."} {
		ss := boundSentences(src, []segment.Sentence{{Text: src, Start: 0}})
		if len(ss) < 2 {
			t.Fatalf("boundSentences(%d bytes) = %d sentences", len(src), len(ss))
		}
		var joined []string
		for _, s := range ss {
			if len(s.Text) > MaxSentence || s.Text == "" {
				t.Errorf("a sentence of %d bytes, want 1 to %d", len(s.Text), MaxSentence)
			}
			if src[s.Start:s.Start+len(s.Text)] != s.Text {
				t.Errorf("offset %d does not locate %q", s.Start, s.Text[:20])
			}
			joined = append(joined, s.Text)
		}
		if strings.Join(strings.Fields(strings.Join(joined, "")), "") != strings.Join(strings.Fields(src), "") {
			t.Errorf("the pieces do not make up the sentence")
		}
	}
	short := []segment.Sentence{{Text: "One.", Start: 0}, {Text: "Two.", Start: 5}}
	if got := boundSentences("One. Two.", short); len(got) != 2 {
		t.Errorf("boundSentences(short) = %v", got)
	}
}

// A 256 KiB sentence without punctuation is cut before tagging: every
// evidence record holds at most MaxSentence bytes, and the evidence in all
// grows with the text (a copy of a sentence of at most MaxSentence bytes
// per triple), not with its square. Before the cut, 256 KiB made 1,400
// evidence records holding the whole text each: 350 MiB.
func TestExtractUnbrokenSentence(t *testing.T) {
	ex := mustExtractor(t)
	text := unbroken(256 << 10)
	start := time.Now()
	doc, err := ex.Extract(context.Background(), Input{ID: "long", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	evidence, bytes := 0, 0
	for _, tr := range doc.Triples {
		for _, ev := range tr.Evidence {
			evidence++
			bytes += len(ev.Text)
			if len(ev.Text) > MaxSentence {
				t.Fatalf("evidence of %d bytes, want at most %d", len(ev.Text), MaxSentence)
			}
		}
	}
	t.Logf("256 KiB sentence: %d sentences, %d triples, %d evidence (%d KiB of sentences) in %s",
		doc.Sentences, len(doc.Triples), evidence, bytes>>10, time.Since(start).Round(time.Millisecond))
	if doc.Sentences < len(text)/MaxSentence {
		t.Errorf("%d sentences, want %d or more", doc.Sentences, len(text)/MaxSentence)
	}
	if bytes > 64*len(text) {
		t.Errorf("evidence holds %d KiB of sentences for a %d KiB text", bytes>>10, len(text)>>10)
	}
}

// FuzzSentenceCut: a cut of a sentence longer than the limit is within
// it, not at 0, and at a rune boundary of UTF-8 text.
func FuzzSentenceCut(f *testing.F) {
	f.Add("Liis Kuusik met Andris Ozols in Riga and", 12)
	f.Add(strings.Repeat("ä", 30), 9)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 0 {
			limit = -(limit + 1)
		}
		limit = 4 + limit%64
		if len(s) <= limit {
			return
		}
		cut := sentenceCut(s, limit)
		if cut <= 0 || cut > limit {
			t.Fatalf("sentenceCut(%q, %d) = %d", s, limit, cut)
		}
		if utf8.ValidString(s) && !utf8.ValidString(s[:cut]) {
			t.Fatalf("sentenceCut(%q, %d) = %d: inside a rune", s, limit, cut)
		}
	})
}
