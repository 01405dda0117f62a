package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/kg-builder/kg/examples"
	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/country"

	"github.com/kg-builder/kg/source"
)

// fuzzTexts seed FuzzExtract besides the example articles: written for
// this test, each a trap for the splitter, the tokenizer or the rules.
var fuzzTexts = []string{
	"",
	" ",
	"\n\n\n",
	".",
	"?!.,;:-—()[]{}\"'“”‘’«»…",
	"... --- ... !!! ??? ,,,",
	"Aino Kestilä met Kristjan Saarepuu in Tallinn. Saarepuu did not sign the charter.",
	"U.S. Secretary of State Ellen Marsh met Latvian Foreign Minister Andris Ozols.",
	"The charter was signed by Aino Kestilä and Anna Tamm in Tallinn on Monday, Jonas Hovland said.",
	"Finland's U.N. Ambassador Mikko Lahti said the vote failed.",
	"Mr. Dr. Prof. Sir Gen. Col. Lt. Capt. Rev.",
	"U.S. U.N. E.U. U.K. N.A.T.O. A.B.C.D.E.F.G.",
	"HEADLINE IN CAPITALS WITHOUT A FULL STOP\n\nNordhavn Energy bought Baltic Rail.",
	"Title Case Headline Says Latvia Ready\n\nThe Latvian government rejected the offer.",
	"Ærøskøbing signed a deal with Œresund and Ŀŀ. İstanbul met ǅemal. Straße traf Ölmühle.",
	"北京 met 東京. Москва встретила Киев. القاهرة met Tel Aviv.",
	"🦀 met 🐍 in 🌍. The 👩‍👩‍👧 visited Zürich.",
	"Riga\u00a0met\u00a0Tallinn\u2003in\u2009Vilnius.\u2028Next\u2029line.",
	"A\u0301nna me\u0308t Jo\u0302nas.",
	"\u200b\u200c\u200d\ufeff\u202e\u2066Nordhavn Energy\u2069 acquired the stake.",
	"Mart Tamm\r\nmet\rAnna Tamm\r\n\r\nin Riga.\r",
	"---\ndate: 2024-05-01\ntitle: Front matter\n---\nAnna Tamm met Mart Tamm.",
	strings.Repeat("Anna ", 300) + "met " + strings.Repeat("Tamm ", 300) + ".",
	strings.Repeat("x", 5000) + " met " + strings.Repeat("Y", 5000) + ".",
	strings.Repeat("Riga met Tallinn. ", 200),
	strings.Repeat("a.", 500),
	strings.Repeat("(", 300) + "Anna met Mart" + strings.Repeat(")", 300),
	"al-Assad met O'Brien and McCarthy and d'Estaing. O’Neill met al-.",
	"\"Anna\" \"met\" \"Mart\". “Riga” said ‘Tallinn’.",
	"If Estonia signed the charter, Latvia would follow unless Poland could not.",
	"Lavrov said that, Lavrov said, said Lavrov, that Lavrov said.",
	"The the the the. Of of of of. And and and.",
	"'s 's 's. ' ' '. Anna's's Mart's'.",
	"Jonas Hovland, the chief executive of Nordhavn Energy, a Finnish firm, Latvia's ally, visited Gdansk.",
	"1987 2.5 per cent $1,000 £3 €4 ¥5 12:30 3/4 -7 +8 1e9",
	"@anna met #riga at http://example.com/a?b=c&d=e and mail@example.org.",
	"- item one\n- item two\n* Anna met Mart\n1. Riga met Tallinn",
	"# Heading\n\n## Anna Tamm\n\nMet Mart Tamm.",
	"Anna\tmet\tMart.\vRiga\fmet Tallinn.",
	"Tamm met Tamm. Anna Tamm met Mart Tamm. Tamm said Tamm met Tamm.",
	"The Russians met the Latvians. Russian officials met Latvian President Anna Berzina.",
	"NATO Secretary General NATO met NATO. US met USA and U.S.A. and United States of America.",
}

// reutersSeeds reads the first sentences of a few articles of the Reuters
// sample, when it is here. They seed the fuzzer only: the corpus is for
// research use, so nothing of it goes into testdata.
func reutersSeeds() []string {
	names, _ := filepath.Glob("../../shared/corpus/reuters21578-sample/reut21578-*.txt")
	var out []string
	for i, n := range names {
		if i >= 12 {
			break
		}
		b, err := os.ReadFile(n)
		if err != nil {
			continue
		}
		if len(b) > 1500 {
			b = b[:1500]
		}
		out = append(out, strings.ToValidUTF8(string(b), ""))
	}
	return out
}

// FuzzExtract runs random text with random document fields through
// Extract. It must not panic or hang, must refuse only text that is not
// UTF-8, and what it returns must hold together: evidence offsets within
// the document's text and the sentence found there, sentence indexes in
// range, names and relations not blank, entities and triples of known
// types, confidences in [0,1], named ends listed among the entities
// (countries and the owners of titles aside).
func FuzzExtract(f *testing.F) {
	names, err := fs.Glob(examples.FS, "news/*.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(examples.FS, n)
		if err != nil {
			f.Fatal(err)
		}
		in := Input(source.FrontMatter(source.Document{Text: string(b)}))
		f.Add(in.Text, "", filepath.Base(n), in.Date)
	}
	for i, s := range fuzzTexts {
		title := []string{"", "Headline", "  Spaced title  ", "A title\nin two lines", "Ær\u0000ø", strings.Repeat("T", 300)}[i%6]
		id := []string{"d1", "", "E-1", "../../etc/passwd", "\u202e"}[i%5]
		date := []string{"", "2024-05-01", "2024", "not a date", "9999-99-99"}[i%5]
		f.Add(s, title, id, date)
	}
	for _, s := range reutersSeeds() {
		f.Add(s, "", "r", "1987-02-26")
	}
	f.Add("\xff\xfe invalid UTF-8", "", "bad", "")
	f.Add("Anna met Mart.", "\xc3", "bad title", "")

	pattern, err := New(Options{Extractor: "pattern"})
	if err != nil {
		f.Fatal(err)
	}
	exs := []*Extractor{mustExtractor(f), pattern}
	f.Fuzz(func(t *testing.T, text, title, id, date string) {
		for _, ex := range exs {
			if len(text)+len(title) > 32<<10 {
				t.Skip("documents of the fuzzer are short")
			}
			in := Input{ID: id, Title: title, Date: date, Text: text, Source: "fuzz"}
			full := Text(in)
			start := time.Now()
			doc, err := ex.Extract(context.Background(), in)
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Extract took %v for %d bytes", d, len(full))
			}
			if !utf8.ValidString(full) {
				if !errors.Is(err, ErrNotUTF8) {
					t.Fatalf("Extract(%q) = %v, want ErrNotUTF8", full, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Extract(%q) = %v", full, err)
			}
			if doc.ID != id || doc.Date != date || doc.Hash != Hash(full) {
				t.Errorf("Extract(%q): id %q, date %q, hash %q; want %q, %q, %q", full, doc.ID, doc.Date, doc.Hash, id, date, Hash(full))
			}
			if doc.Sentences < 0 || doc.Tokens < 0 || (strings.TrimSpace(full) == "" && (doc.Sentences != 0 || len(doc.Triples) != 0)) {
				t.Errorf("Extract(%q): %d sentences, %d tokens, %d triples", full, doc.Sentences, doc.Tokens, len(doc.Triples))
			}
			named := map[string]bool{}
			for _, e := range doc.Entities {
				if strings.TrimSpace(e.Name) == "" || !validType(e.Type) || e.Mentions < 1 || !utf8.ValidString(e.Name) {
					t.Errorf("Extract(%q): entity %+v", full, e)
				}
				for _, a := range e.Aliases {
					if strings.TrimSpace(a) == "" {
						t.Errorf("Extract(%q): entity %+v has a blank alias", full, e)
					}
				}
				named[e.Name] = true
			}
			for _, tr := range doc.Triples {
				if strings.TrimSpace(tr.Subject) == "" || strings.TrimSpace(tr.Object) == "" || strings.TrimSpace(tr.Relation) == "" ||
					!validType(tr.SubjectType) || !validType(tr.ObjectType) || tr.Confidence < 0 || tr.Confidence > 1 || tr.Confidence != tr.Confidence {
					t.Errorf("Extract(%q): triple %+v", full, tr)
				}
				for i, end := range []struct{ name, typ string }{{tr.Subject, tr.SubjectType}, {tr.Object, tr.ObjectType}} {
					// Two ends have no mention of their own (the store makes
					// their entities from the triple): a country named only by
					// a demonym or a code ("Latvian President X", "U.S. envoy"),
					// and the owner of a title ("NATO Secretary General X":
					// X -secretary general of-> NATO).
					ct, isCountry := country.Lookup(end.name)
					isCountry = isCountry && ct.Name == end.name && end.typ == graph.Place
					owner := i == 1 && strings.HasSuffix(tr.Relation, " of")
					if end.typ != graph.Concept && !named[end.name] && !isCountry && !owner {
						t.Errorf("Extract(%q): triple %s -%s-> %s names %q (%s), not among the entities", full, tr.Subject, tr.Relation, tr.Object, end.name, end.typ)
					}
				}
				if len(tr.Evidence) != 1 {
					t.Fatalf("Extract(%q): triple %+v has %d evidence, want 1", full, tr, len(tr.Evidence))
				}
				ev := tr.Evidence[0]
				if ev.Start < 0 || ev.Start > ev.End || ev.End > len(full) || full[ev.Start:ev.End] != ev.Text {
					t.Fatalf("Extract(%q): evidence %d..%d %q is not the text there", full, ev.Start, ev.End, ev.Text)
				}
				if ev.Sentence < 0 || ev.Sentence >= doc.Sentences {
					t.Errorf("Extract(%q): evidence of sentence %d of %d", full, ev.Sentence, doc.Sentences)
				}
				words := strings.Join(strings.Fields(ev.Text), " ")
				for _, s := range []string{tr.SubjectText, tr.RelationText, tr.ObjectText} {
					if !strings.Contains(words, s) {
						t.Errorf("Extract(%q): triple %s -%s-> %s quotes %q, not in its sentence %q", full, tr.Subject, tr.Relation, tr.Object, s, ev.Text)
					}
				}
			}
		}
	})
}

func validType(t string) bool {
	switch t {
	case graph.Person, graph.Org, graph.Place, graph.Misc, graph.Concept:
		return true
	}
	return false
}
