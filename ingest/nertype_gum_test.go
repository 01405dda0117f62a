package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/ud"
)

// gumOpenGenres are the genres of GUM whose documents are CC BY or public
// domain (see ../shared/ud/README.md): the only ones measured here.
var gumOpenGenres = []string{"news", "interview", "bio", "voyage", "textbook", "vlog", "speech", "conversation"}

// TestTypesGUM measures how well named entities are typed on GUM's CC BY
// test documents. A gold mention is named when its words, after a leading
// determiner, begin and end with a proper noun ("the United States",
// "Barack Obama"); it is found when the document's entities give its words
// as a name or alias, and typed right when that entity's type is gold's
// (person, organization, place; any other type is MISC). Run it with go
// test ./ingest -run TypesGUM -v; it fails only when accuracy falls below
// gumTypeFloor.
func TestTypesGUM(t *testing.T) {
	file := filepath.Join(gumDir, "en_gum-ud-test.conllu")
	if _, err := os.Stat(file); err != nil {
		t.Skipf("no GUM treebank in %s", gumDir)
	}
	ex := mustExtractor(t)
	docs := readGUMNames(t, file)
	found, right, total := 0, 0, 0
	confusion := map[string]int{} // "gold→got"
	for _, g := range docs {
		doc, err := ex.Extract(context.Background(), Input{ID: g.id, Text: g.text})
		if err != nil {
			t.Fatal(err)
		}
		types := map[string]string{}
		for _, e := range doc.Entities {
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				types[graph.Fold(a)] = e.Type
			}
		}
		for _, m := range g.names {
			total++
			got, ok := types[graph.Fold(m.text)]
			if !ok {
				continue
			}
			found++
			if got == m.typ {
				right++
			} else {
				confusion[m.typ+"→"+got]++
				if testing.Verbose() {
					t.Logf("%s: %q is %s, gold %s", g.id, m.text, got, m.typ)
				}
			}
		}
	}
	acc := float64(right) / float64(max(found, 1))
	t.Logf("GUM test, CC BY genres (%d documents): %d named mentions, %d found (%.2f), %d typed right: type accuracy %.2f; errors %v",
		len(docs), total, found, float64(found)/float64(max(total, 1)), right, acc, confusion)
	if found > 0 && acc < gumTypeFloor {
		t.Errorf("type accuracy %.2f < %.2f", acc, gumTypeFloor)
	}
}

// gumTypeFloor is the type accuracy TestTypesGUM insists on.
const gumTypeFloor = 0.7

// gumNames is a GUM document with its named gold mentions.
type gumNames struct {
	id    string
	text  string
	names []gumName
}

type gumName struct{ text, typ string }

// readGUMNames reads the documents of the open genres in a GUM CoNLL-U
// file, each sentence a paragraph, and their named gold mentions.
func readGUMNames(t *testing.T, file string) []gumNames {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ud.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []gumNames
	var cur *gumNames
	type open struct {
		id, typ string
		from    int // token index in the document
	}
	var toks []ud.Token // the document's words
	var stack []open
	for _, s := range sents {
		if id := s.Comment("newdoc id"); id != "" {
			if cur != nil {
				out = append(out, *cur)
			}
			cur, toks, stack = nil, nil, nil
			for _, g := range gumOpenGenres {
				if strings.HasPrefix(id, "GUM_"+g+"_") {
					cur = &gumNames{id: id}
				}
			}
		}
		if cur == nil {
			continue
		}
		if cur.text != "" {
			cur.text += "\n\n"
		}
		cur.text += s.Text()
		for _, w := range s.Tokens {
			at := len(toks)
			toks = append(toks, w)
			for _, m := range strings.Split(w.Misc, "|") {
				v, ok := strings.CutPrefix(m, "Entity=")
				if !ok {
					continue
				}
				for k := 0; k < len(v); {
					j := k
					if v[k] == '(' {
						j++
						for j < len(v) && v[j] != '(' && v[j] != ')' {
							j++
						}
						f := strings.Split(v[k+1:j], "-")
						o := open{id: f[0], from: at}
						if len(f) > 1 {
							o.typ = f[1]
						}
						if j < len(v) && v[j] == ')' {
							cur.names = appendName(cur.names, toks[o.from:at+1], o.typ)
							j++
						} else {
							stack = append(stack, o)
						}
						k = j
						continue
					}
					for j < len(v) && v[j] != ')' && v[j] != '(' {
						j++
					}
					id := v[k:j]
					for x := len(stack) - 1; x >= 0; x-- {
						if stack[x].id == id {
							cur.names = appendName(cur.names, toks[stack[x].from:at+1], stack[x].typ)
							stack = append(stack[:x], stack[x+1:]...)
							break
						}
					}
					if j < len(v) && v[j] == ')' {
						j++
					}
					k = j
				}
			}
		}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

// appendName adds the mention of words ws to names when it is named.
func appendName(names []gumName, ws []ud.Token, typ string) []gumName {
	for len(ws) > 0 && ws[0].UPOS == "DET" {
		ws = ws[1:]
	}
	if len(ws) == 0 || ws[0].UPOS != "PROPN" || ws[len(ws)-1].UPOS != "PROPN" {
		return names
	}
	forms := make([]string, len(ws))
	for i, w := range ws {
		forms[i] = w.Form
	}
	g := graph.Misc
	switch typ {
	case "person":
		g = graph.Person
	case "organization":
		g = graph.Org
	case "place":
		g = graph.Place
	}
	return append(names, gumName{text: strings.Join(forms, " "), typ: g})
}
