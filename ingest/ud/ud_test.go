package ud

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRoundTrip(t *testing.T) {
	in, err := os.ReadFile("testdata/ewt-dev-sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	ss, err := ReadAll(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 40 {
		t.Fatalf("ReadAll read %d sentences, want 40", len(ss))
	}
	var out bytes.Buffer
	w := NewWriter(&out)
	for _, s := range ss {
		if err := Validate(s, ""); err != nil {
			t.Errorf("Validate(%s) = %v", s.Comment("sent_id"), err)
		}
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(in), out.String()); diff != "" {
		t.Errorf("round trip changed the CoNLL-U (-in +out):\n%s", diff)
	}
}

func TestReadSkipsRangesAndEmptyNodes(t *testing.T) {
	in := "# text = I didn't\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdid\tdo\tAUX\tVBD\t_\t3\taux\t_\t_\n" +
		"3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n\n"
	ss, err := ReadAll(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 || len(ss[0].Tokens) != 3 {
		t.Fatalf("ReadAll = %d sentences, want 1 of 3 words", len(ss))
	}
	var out bytes.Buffer
	w := NewWriter(&out)
	w.Write(ss[0])
	w.Flush()
	if diff := cmp.Diff(in, out.String()); diff != "" {
		t.Errorf("round trip (-in +out):\n%s", diff)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"1\tI\n", "2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n"} {
		if _, err := ReadAll(strings.NewReader(in)); err == nil {
			t.Errorf("ReadAll(%q) = nil error, want one", in)
		}
	}
}

func TestValidate(t *testing.T) {
	tok := func(id, head int, rel string) Token {
		return Token{ID: id, Form: "w", Head: head, Deprel: rel, Start: -1}
	}
	for name, s := range map[string]*Sentence{
		"two roots":     {Tokens: []Token{tok(1, 0, "root"), tok(2, 0, "root")}},
		"no root":       {Tokens: []Token{tok(1, 2, "nsubj"), tok(2, 1, "obj")}},
		"head range":    {Tokens: []Token{tok(1, 0, "root"), tok(2, 7, "obj")}},
		"cycle":         {Tokens: []Token{tok(1, 0, "root"), tok(2, 3, "obj"), tok(3, 2, "obj")}},
		"root label":    {Tokens: []Token{tok(1, 0, "nsubj")}},
		"self head":     {Tokens: []Token{tok(1, 0, "root"), tok(2, 2, "obj")}},
		"bad ID":        {Tokens: []Token{{ID: 2, Head: 0, Deprel: "root"}}},
		"offsets wrong": {Tokens: []Token{{ID: 1, Form: "x", Deprel: "root", Start: 0, End: 1}}},
	} {
		if err := Validate(s, "y"); !errors.Is(err, ErrInvalid) {
			t.Errorf("Validate(%s) = %v, want ErrInvalid", name, err)
		}
	}
	ok := &Sentence{Tokens: []Token{{ID: 1, Form: "Hi", Head: 0, Deprel: "root", Start: 0, End: 2}, {ID: 2, Form: "!", Head: 1, Deprel: "punct", Start: 2, End: 3}}}
	if err := Validate(ok, "Hi!"); err != nil {
		t.Errorf("Validate(Hi!) = %v", err)
	}
}

func TestTokenize(t *testing.T) {
	text := "Estonian Prime Minister Liis Kuusik met Mr. Ozols in the U.S. on Tuesday. \"We don't agree,\" he said.\n\nKuusik's plan costs $5.5 billion (about 1,000 jobs)... Really?"
	var got [][]string
	for _, s := range Tokenize(text) {
		var words []string
		for _, tk := range s.Tokens {
			if text[tk.Start:tk.End] != tk.Form {
				t.Errorf("word %q at %d:%d locates %q", tk.Form, tk.Start, tk.End, text[tk.Start:tk.End])
			}
			words = append(words, tk.Form)
		}
		got = append(got, words)
	}
	want := [][]string{
		strings.Fields("Estonian Prime Minister Liis Kuusik met Mr. Ozols in the U.S. on Tuesday ."),
		strings.Fields(`" We do n't agree , " he said .`),
		strings.Fields("Kuusik 's plan costs $ 5.5 billion ( about 1,000 jobs ) ..."),
		strings.Fields("Really ?"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tokenize (-want +got):\n%s", diff)
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Mr. Smith didn't go. He's 'here'... ok?")
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range Tokenize(text) {
			for _, tk := range s.Tokens {
				if tk.Start < 0 || tk.End > len(text) || tk.Start >= tk.End || text[tk.Start:tk.End] != tk.Form {
					t.Fatalf("word %q at %d:%d does not locate in %q", tk.Form, tk.Start, tk.End, text)
				}
			}
		}
	})
}
