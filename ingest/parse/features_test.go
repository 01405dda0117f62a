package parse

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/kg-builder/kg/ingest/ud"
)

// TestNewWord: the allocation-free newWordLow hashes what the plain
// string code would.
func TestNewWord(t *testing.T) {
	for _, form := range []string{"Kuusik", "1,000", "U.S.", "IBM", "e-mail", "naïve", "ÉTÉ", "x", "", "Straße", "3M", "can't", "ﬁne"} {
		w := newWord(form)
		low := strings.ToLower(form)
		rs := []rune(low)
		want := word{lower: hashString(low), form: hashString(form), shape: hashString(shape(form)), last3: hashString(lastRunes(low, 3))}
		for k := 1; k <= 4; k++ {
			want.suf[k-1] = none
			if len(rs) >= k {
				want.suf[k-1] = hashString(string(rs[len(rs)-k:]))
			}
		}
		for k := 1; k <= 3; k++ {
			want.pre[k-1] = none
			if len(rs) >= k {
				want.pre[k-1] = hashString(string(rs[:k]))
			}
		}
		if r := []rune(form); len(r) > 0 && unicode.IsUpper(r[0]) {
			want.flags |= 1
		}
		if strings.ContainsAny(form, "0123456789") {
			want.flags |= 2
		}
		if strings.Contains(form, "-") {
			want.flags |= 4
		}
		if strings.ToUpper(form) == form && strings.ToLower(form) != form {
			want.flags |= 8
		}
		if strings.Contains(form, ".") {
			want.flags |= 16
		}
		if w != want {
			t.Errorf("newWord(%q) = %+v, want %+v", form, w, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { newWordLow("Acquisitions", "acquisitions") }); n != 0 {
		t.Errorf("newWordLow allocates %v times", n)
	}
}

func TestTagHash(t *testing.T) {
	for _, c := range [][2]string{{"NN", "NOUN"}, {"", ""}, {"-LRB-", "PUNCT"}} {
		if got, want := tagHash(c[0], c[1]), hashString(c[0]+"\t"+c[1]); got != want {
			t.Errorf("tagHash(%q, %q) = %x, want %x", c[0], c[1], got, want)
		}
	}
	for _, c := range []struct {
		s    string
		k    int
		want string
	}{{"acquisition", 3, "ion"}, {"naïve", 3, "ïve"}, {"ab", 3, "ab"}, {"", 3, ""}} {
		if got := lastRunes(c.s, c.k); got != c.want {
			t.Errorf("lastRunes(%q, %d) = %q, want %q", c.s, c.k, got, c.want)
		}
	}
}

// TestFillSentWords: what the parser reads of a tagged sentence is the
// same from the tagger's words as from the forms, on the dev sample and
// on words of fewer than three runes, with capitals whose lowercase is
// longer or shorter, and bytes that are no UTF-8.
func TestFillSentWords(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ss := readSample(t, "testdata/dev-sample.conllu")
	odd := &ud.Sentence{}
	for _, f := range []string{"a", "I", "to", "Ok", "", "İ", "İs", "ĞÜŞ", "KELVIN \u212a", "\u212aa", "日本", "日本語です", "x\xffy", "\xff", "é", "éé", "Straße", "ΣΑΣ"} {
		odd.Tokens = append(odd.Tokens, ud.Token{Form: f})
	}
	ss = append(ss, odd)
	sc := &scratch{}
	var want sent
	for i, s := range ss {
		s = copySentence(s)
		m.tag(sc, s)
		m.fillSent(&want, s)
		m.fillSentWords(&sc.x, s, sc.ws)
		got := &sc.x
		if got.hasLex != want.hasLex || !slices.Equal(got.w, want.w) || !slices.Equal(got.suf, want.suf) || !slices.Equal(got.t, want.t) || !slices.Equal(got.amb, want.amb) || !slices.Equal(got.lex, want.lex) {
			t.Fatalf("sentence %d: the parser's words from the tagger's differ from the forms'", i)
		}
	}
}
