package lemma

import (
	"sort"
	"strings"
	"unicode"
)

// Entry is one word of a treebank with its gold tag and lemma.
type Entry struct{ Form, XPOS, UPOS, Lemma string }

// Build returns the text of lemmas.tsv for the words of a treebank: the
// known lemmas, one a line ("v:" before verbs), then "form tag lemma"
// lines for the forms whose commonest lemma the rules do not give.
func Build(entries []Entry) []byte {
	t := &tables{byTag: map[string]string{}, words: map[string]bool{}}
	counts := map[string]map[string]int{}
	for _, e := range entries {
		if e.Lemma == "" || e.Lemma == "_" || strings.ContainsAny(e.Form+e.Lemma+e.XPOS, "\t\n") {
			continue
		}
		l := e.Lemma
		if e.XPOS != "NNP" && e.XPOS != "NNPS" {
			l = strings.ToLower(l)
			if isWord(l) && e.UPOS != "PROPN" {
				t.words[l] = true
				if e.UPOS == "VERB" || e.UPOS == "AUX" {
					t.words["v:"+l] = true
				}
			}
		}
		k := strings.ToLower(strings.ReplaceAll(e.Form, "’", "'")) + "\t" + e.XPOS
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][l]++
	}
	var b strings.Builder
	words := make([]string, 0, len(t.words))
	for w := range t.words {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		b.WriteString(w + "\n")
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		best, top := "", 0
		ls := make([]string, 0, len(counts[k]))
		for l := range counts[k] {
			ls = append(ls, l)
		}
		sort.Strings(ls)
		for _, l := range ls {
			if counts[k][l] > top {
				best, top = l, counts[k][l]
			}
		}
		low, xpos, _ := strings.Cut(k, "\t")
		form := low
		if xpos == "NNP" || xpos == "NNPS" {
			form = best // a proper noun's lemma keeps its case; rules see it as written
			if !strings.EqualFold(best, low) && t.rule(best, low, xpos) == best {
				continue
			}
			if strings.EqualFold(best, low) {
				continue
			}
		}
		if t.rule(form, low, xpos) != best {
			b.WriteString(k + "\t" + best + "\n")
		}
	}
	return []byte(b.String())
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}
