package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-builder/kg/ingest/ud"
)

// gumDir holds the GUM treebank (CC BY; the Wikinews documents are CC BY
// 2.5), with gold coreference in MISC Entity=. It is not part of the
// repository: TestCorefGUM skips without it.
const gumDir = "../../shared/ud/UD_English-GUM"

// TestCorefGUM measures the precision of the tree extractor's resolution
// of pronouns and definite descriptions ("it", "he", "the company") on the
// news documents of GUM: a reference resolved to a name is right when gold
// puts the reference's head word and the name's head word in one entity.
// Run it with go test ./ingest -run CorefGUM -v; it fails only when
// precision falls below corefFloor.
func TestCorefGUM(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(gumDir, "en_gum-ud-*.conllu"))
	if len(files) == 0 {
		t.Skipf("no GUM treebank in %s", gumDir)
	}
	ex := mustExtractor(t)
	var docs []gumDoc
	for _, f := range files {
		docs = append(docs, readGUM(t, f, "GUM_news_")...)
	}
	right, wrong, unknown := 0, 0, 0
	byWord := map[string][2]int{}
	for _, g := range docs {
		for _, r := range resolveDoc(t, ex, g.text) {
			a, b := g.entity(r.anaphor), g.entities(r.antecedent)
			w := strings.ToLower(r.words)
			n := byWord[w]
			switch {
			case len(a) == 0 || len(b) == 0:
				unknown++
				continue
			case overlap(a, b):
				right++
				n[0]++
			default:
				wrong++
				n[1]++
				if testing.Verbose() {
					t.Logf("wrong: %s: %q %v → %s %v %q", g.id, r.words, a, r.name, b, g.text[max(r.anaphor-60, 0):r.anaphor+10])
				}
			}
			byWord[w] = n
		}
	}
	p := float64(right) / float64(max(right+wrong, 1))
	t.Logf("GUM news (%d documents): %d references resolved, %d right, %d wrong, %d without a gold mention: precision %.2f",
		len(docs), right+wrong+unknown, right, wrong, unknown, p)
	for w, n := range byWord {
		t.Logf("  %-14s %d right, %d wrong", w, n[0], n[1])
	}
	if right+wrong > 0 && p < corefFloor {
		t.Errorf("coreference precision %.2f < %.2f", p, corefFloor)
	}
}

// corefFloor is the precision TestCorefGUM insists on.
const corefFloor = 0.55

// gumDoc is one GUM document: its text (sentences as paragraphs) and the
// gold entities over its bytes.
type gumDoc struct {
	id   string
	text string
	ents [][]int // by byte of text: the gold entity ids of the mentions covering it
}

// entity returns the entities of the smallest gold mention at byte off.
func (g gumDoc) entity(off int) []int {
	if off < 0 || off >= len(g.ents) {
		return nil
	}
	e := g.ents[off]
	if len(e) == 0 {
		return nil
	}
	return e[len(e)-1:]
}

// entities returns every entity with a mention at byte off.
func (g gumDoc) entities(off int) []int {
	if off < 0 || off >= len(g.ents) {
		return nil
	}
	return g.ents[off]
}

func overlap(a, b []int) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// readGUM reads the documents of a CoNLL-U file whose id starts with
// prefix.
func readGUM(t *testing.T, file, prefix string) []gumDoc {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ud.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []gumDoc
	var cur *gumDoc
	var open map[int][]int // entity id → stack of first bytes
	type span struct{ s, e, id int }
	var spans []span
	flush := func() {
		if cur == nil {
			return
		}
		cur.ents = make([][]int, len(cur.text))
		// longer mentions first, so that the last entity at a byte is the
		// smallest mention's
		sortSpans := spans
		for i := 1; i < len(sortSpans); i++ {
			for j := i; j > 0 && sortSpans[j].e-sortSpans[j].s > sortSpans[j-1].e-sortSpans[j-1].s; j-- {
				sortSpans[j], sortSpans[j-1] = sortSpans[j-1], sortSpans[j]
			}
		}
		for _, sp := range sortSpans {
			for b := sp.s; b < sp.e && b < len(cur.ents); b++ {
				cur.ents[b] = append(cur.ents[b], sp.id)
			}
		}
		out = append(out, *cur)
		cur, spans = nil, nil
	}
	for _, s := range sents {
		if id := s.Comment("newdoc id"); id != "" {
			flush()
			if strings.HasPrefix(id, prefix) {
				cur = &gumDoc{id: id}
				open = map[int][]int{}
			}
		}
		if cur == nil {
			continue
		}
		text := s.Text()
		if cur.text != "" {
			cur.text += "\n\n"
		}
		base := len(cur.text)
		cur.text += text
		at := 0
		for _, w := range s.Tokens {
			i := strings.Index(text[at:], w.Form)
			if i < 0 {
				continue
			}
			start, end := base+at+i, base+at+i+len(w.Form)
			at += i + len(w.Form)
			for _, m := range strings.Split(w.Misc, "|") {
				v, ok := strings.CutPrefix(m, "Entity=")
				if !ok {
					continue
				}
				for k := 0; k < len(v); {
					switch {
					case v[k] == '(':
						j := k + 1
						for j < len(v) && v[j] >= '0' && v[j] <= '9' {
							j++
						}
						var id int
						fmt.Sscan(v[k+1:j], &id)
						for j < len(v) && v[j] != '(' && v[j] != ')' {
							j++
						}
						if j < len(v) && v[j] == ')' {
							spans = append(spans, span{start, end, id})
							j++
						} else {
							open[id] = append(open[id], start)
						}
						k = j
					case v[k] >= '0' && v[k] <= '9':
						j := k
						for j < len(v) && v[j] >= '0' && v[j] <= '9' {
							j++
						}
						var id int
						fmt.Sscan(v[k:j], &id)
						if st := open[id]; len(st) > 0 {
							spans = append(spans, span{st[len(st)-1], end, id})
							open[id] = st[:len(st)-1]
						}
						k = j + 1
					default:
						k++
					}
				}
			}
		}
	}
	flush()
	return out
}

// aResolution is one reference the resolver resolved: the first byte of
// its head word, the words as written, and the first byte of the name's
// head word it stands for.
type aResolution struct {
	anaphor, antecedent int
	words, name         string
}

// resolveDoc runs the tree extractor's stages on a text as Extract does
// and returns the references resolved to names.
func resolveDoc(t *testing.T, ex *Extractor, text string) []aResolution {
	sents, err := ex.sentences(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	for i := range sents {
		if !sents[i].shouting {
			sents[i].tree = parseSentence(ex.parser, &sents[i])
		}
	}
	d := newDocState(sents)
	d.findMentions()
	d.docTypes()
	d.resolve()
	var out []aResolution
	var co corefs
	seen := map[int]bool{}
	for i := range d.sents {
		s := &d.sents[i]
		if s.shouting || s.tree == nil {
			continue
		}
		tr := newTree(s, s.tree, d.mentions[s.index])
		tr.coref = func(a *arg) *arg {
			r := d.corefer(&co, s, a)
			if r != a && r.ref != nil && !seen[s.toks[a.hs].start] {
				seen[s.toks[a.hs].start] = true
				m := r.ref
				ms := &d.sents[m.sent]
				out = append(out, aResolution{anaphor: s.toks[a.hs].start, antecedent: ms.toks[m.hs].start,
					words: span(s, a.s, a.e), name: m.c.root().name})
			}
			return r
		}
		rels, _ := d.treeRelations(tr)
		co.remember(s, rels)
	}
	return out
}
