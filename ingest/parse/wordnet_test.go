package parse

import (
	"bytes"
	"strings"
	"testing"
)

func TestWordNetForms(t *testing.T) {
	wn, err := ReadWordNet("testdata/wordnet")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range wn.Noun {
		if strings.Contains(w, "_") {
			t.Errorf("multiword lemma %q kept", w)
		}
	}
	forms := wn.forms()
	for _, c := range []struct {
		form string
		want uint32
	}{
		{"company", lexNoun},
		{"companies", lexNounPl},
		{"man", lexNoun},
		{"men", lexNounPl | lexIrregular},
		{"buses", lexNounPl | lexIrregular},
		{"attack", lexNoun | lexVerb},
		{"attacks", lexNounPl | lexVerbS},
		{"attacked", lexVerbEd},
		{"attacking", lexVerbIng},
		{"acquired", lexVerbEd},
		{"acquiring", lexVerbIng},
		{"acquires", lexVerbS},
		{"carried", lexVerbEd},
		{"carries", lexVerbS},
		{"agreeing", lexVerbIng},
		{"ran", lexVerbEd | lexIrregular},
		{"running", lexVerbIng | lexIrregular},
		{"run", lexVerb | lexVerbEd | lexIrregular},
		{"bigger", lexAdjEr | lexIrregular},
		{"biggest", lexAdjEst | lexIrregular},
		{"happier", lexAdjEr},
		{"newest", lexAdjEst},
		{"quickly", lexAdv},
		{"new_york", 0},
		{"the", 0},
	} {
		if got := forms[c.form] & lexBits; got != c.want {
			t.Errorf("%s: %011b, want %011b", c.form, got, c.want)
		}
	}
	// supersenses of the first sense: noun.group, noun.person, verb.possession…
	for _, c := range []struct {
		form       string
		noun, verb uint32
	}{
		{"company", 14, 0}, {"companies", 14, 0}, {"men", 18, 0}, {"attack", 4, 33}, {"attacked", 0, 33},
		{"acquires", 0, 40}, {"ran", 0, 38}, {"running", 0, 38}, {"agreeing", 0, 32}, {"bigger", 0, 0},
	} {
		v := forms[c.form]
		if n, vb := v>>lexNounSense&63, v>>lexVerbSense&63; n != c.noun || vb != c.verb {
			t.Errorf("%s: supersenses noun %d verb %d, want %d %d", c.form, n, vb, c.noun, c.verb)
		}
	}
	if _, err := ReadWordNet(t.TempDir()); err == nil {
		t.Error("an empty folder reads as WordNet")
	}
}

// TestWordNetRoundTrip: a model trained with WordNet keeps it through
// Write and Load, and parses the same after.
func TestWordNetRoundTrip(t *testing.T) {
	wn, err := ReadWordNet("testdata/wordnet")
	if err != nil {
		t.Fatal(err)
	}
	ss := readSample(t, "testdata/dev-sample.conllu")[:120]
	m, err := Train(ss, TrainOptions{TaggerEpochs: 2, ParserEpochs: 3, Seed: 7, WordNet: wn})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.lex) != len(m.lex) || back.lex["companies"] != m.lex["companies"] || back.lex["companies"]&lexBits != lexNounPl {
		t.Fatalf("loaded lexicon: %d forms, companies=%b; want %d forms", len(back.lex), back.lex["companies"], len(m.lex))
	}
	for _, s := range ss[:30] {
		a, b := copySentence(s), copySentence(s)
		m.Parse(a)
		back.Parse(b)
		for i := range a.Tokens {
			if a.Tokens[i] != b.Tokens[i] {
				t.Fatalf("%s word %d: %+v before Write, %+v after Load", s.Comment("sent_id"), i+1, a.Tokens[i], b.Tokens[i])
			}
		}
	}
}
