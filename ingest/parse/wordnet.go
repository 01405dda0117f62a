package parse

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// What WordNet says a lowercase word form can be: one bit per analysis.
// The tagger and the parser read the set as a feature, which helps most
// with the words the treebanks never had.
const (
	lexNoun      = 1 << iota // a noun's lemma
	lexNounPl                // a noun's plural
	lexVerb                  // a verb's base form
	lexVerbS                 // a verb's third person singular
	lexVerbEd                // a verb's past tense or past participle
	lexVerbIng               // a verb's -ing form
	lexAdj                   // an adjective
	lexAdjEr                 // a comparative
	lexAdjEst                // a superlative
	lexAdv                   // an adverb
	lexIrregular             // an irregular form (WordNet's exception lists)

	lexBits = 1<<11 - 1
	// the supersense (WordNet's lexicographer file) of the first sense of
	// the form's lemma as a noun and as a verb: noun.person, verb.motion…
	lexNounSense = 11
	lexVerbSense = 17
)

// WordNet is the part of WordNet 3.0 the model keeps: the one-word
// lemmas of each part of speech and the irregular forms. It is stored in
// the model, and the forms are generated from it when the model loads.
type WordNet struct {
	Noun, Verb, Adj, Adv []string
	// NounSense[i] is the lexicographer file number (WordNet's lexnames:
	// 14 noun.group, 18 noun.person, 30 verb.change…) of the first,
	// commonest, sense of Noun[i]; VerbSense of Verb[i].
	NounSense, VerbSense []byte
	// Exceptions are irregular forms: "n", "v" or "a", the form, the
	// lemma ("geese goose", "ran run", "better good").
	Exceptions [][3]string
}

// CommonWord reports whether WordNet knows the lowercase word w as a
// common word: a verb, an adjective or an adverb in any form, or a noun
// whose commonest sense names no person, place or group ("period",
// "freight"; not "chrysler", "texas"). It is false in models trained
// without WordNet.
func (m *Model) CommonWord(w string) bool {
	v, ok := m.lex[w]
	if !ok {
		return false
	}
	if v&(lexVerb|lexVerbS|lexVerbEd|lexVerbIng|lexAdj|lexAdjEr|lexAdjEst|lexAdv) != 0 {
		return true
	}
	switch (v >> lexNounSense) & 63 {
	case 14, 15, 18: // noun.group, noun.location, noun.person
		return false
	}
	return v&(lexNoun|lexNounPl) != 0
}

// ReadWordNet reads WordNet's database files (index.noun … and
// noun.exc …) from dir, for example /usr/share/wordnet of Debian's
// wordnet-base package.
func ReadWordNet(dir string) (*WordNet, error) {
	wn := &WordNet{}
	for _, p := range []struct {
		name  string
		to    *[]string
		sense *[]byte
	}{{"noun", &wn.Noun, &wn.NounSense}, {"verb", &wn.Verb, &wn.VerbSense}, {"adj", &wn.Adj, nil}, {"adv", &wn.Adv, nil}} {
		// the lexicographer file of each synset, by its offset
		lexFile := map[string]byte{}
		if p.sense != nil {
			err := eachLine(filepath.Join(dir, "data."+p.name), func(line string) {
				f := strings.SplitN(line, " ", 3)
				if len(f) == 3 && !strings.HasPrefix(line, " ") {
					if n, err := strconv.Atoi(f[1]); err == nil && n >= 0 && n < 64 {
						lexFile[f[0]] = byte(n)
					}
				}
			})
			if err != nil {
				return nil, err
			}
		}
		type lemma struct {
			w     string
			sense byte
		}
		var lemmas []lemma
		err := eachLine(filepath.Join(dir, "index."+p.name), func(line string) {
			if strings.HasPrefix(line, " ") {
				return // the licence
			}
			f := strings.Fields(line)
			if len(f) < 4 || !oneWord(f[0]) {
				return
			}
			l := lemma{w: f[0]}
			// lemma pos synset_cnt p_cnt ptr… sense_cnt tagsense_cnt offsets…
			if ptrs, err := strconv.Atoi(f[3]); err == nil && 6+ptrs < len(f) {
				l.sense = lexFile[f[6+ptrs]]
			}
			lemmas = append(lemmas, l)
		})
		if err != nil {
			return nil, err
		}
		sort.Slice(lemmas, func(i, j int) bool { return lemmas[i].w < lemmas[j].w })
		for _, l := range lemmas {
			*p.to = append(*p.to, l.w)
			if p.sense != nil {
				*p.sense = append(*p.sense, l.sense)
			}
		}
		pos := p.name[:1]
		err = eachLine(filepath.Join(dir, p.name+".exc"), func(line string) {
			f := strings.Fields(line)
			if len(f) >= 2 && oneWord(f[0]) && oneWord(f[1]) {
				wn.Exceptions = append(wn.Exceptions, [3]string{pos, f[0], f[1]})
			}
		})
		if err != nil {
			return nil, err
		}
	}
	if len(wn.Noun) == 0 || len(wn.Verb) == 0 {
		return nil, fmt.Errorf("parse: %s holds no WordNet index", dir)
	}
	return wn, nil
}

func oneWord(w string) bool {
	return w != "" && !strings.ContainsAny(w, "_ ")
}

func eachLine(path string, f func(string)) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		f(sc.Text())
	}
	return sc.Err()
}

// forms returns every form WordNet's lemmas take by the regular rules of
// English inflection and its exception lists, with what each can be.
func (wn *WordNet) forms() map[string]uint32 {
	out := make(map[string]uint32, 4*len(wn.Noun))
	sense := func(senses []byte, i int, shift uint) uint32 {
		if i < len(senses) {
			return uint32(senses[i]) << shift
		}
		return 0
	}
	// set adds an analysis, and the first lemma's supersenses
	set := func(w string, bit, ss uint32) {
		v := out[w] | bit
		if v&(63<<lexNounSense) == 0 {
			v |= ss & (63 << lexNounSense)
		}
		if v&(63<<lexVerbSense) == 0 {
			v |= ss & (63 << lexVerbSense)
		}
		out[w] = v
	}
	nounAt, verbAt := map[string]int{}, map[string]int{}
	for i, w := range wn.Noun {
		ss := sense(wn.NounSense, i, lexNounSense)
		nounAt[w] = i
		set(w, lexNoun, ss)
		set(plural(w), lexNounPl, ss)
		if strings.HasSuffix(w, "man") {
			set(w[:len(w)-3]+"men", lexNounPl, ss)
		}
	}
	for i, w := range wn.Verb {
		ss := sense(wn.VerbSense, i, lexVerbSense)
		verbAt[w] = i
		set(w, lexVerb, ss)
		set(plural(w), lexVerbS, ss)
		set(pastOf(w), lexVerbEd, ss)
		set(ingOf(w), lexVerbIng, ss)
	}
	for _, w := range wn.Adj {
		set(w, lexAdj, 0)
		set(gradeOf(w, "er"), lexAdjEr, 0)
		set(gradeOf(w, "est"), lexAdjEst, 0)
	}
	for _, w := range wn.Adv {
		set(w, lexAdv, 0)
	}
	for _, e := range wn.Exceptions {
		form, lemma := e[1], e[2]
		var bit, ss uint32
		switch e[0] {
		case "n":
			bit = lexNounPl
			if i, ok := nounAt[lemma]; ok {
				ss = sense(wn.NounSense, i, lexNounSense)
			}
		case "v":
			switch {
			case strings.HasSuffix(form, "ing"):
				bit = lexVerbIng
			case strings.HasSuffix(form, "s") && !strings.HasSuffix(form, "ss"):
				bit = lexVerbS
			default:
				bit = lexVerbEd
			}
			if i, ok := verbAt[lemma]; ok {
				ss = sense(wn.VerbSense, i, lexVerbSense)
			}
		case "a":
			bit = lexAdjEr
			if strings.HasSuffix(form, "st") {
				bit = lexAdjEst
			}
		default:
			bit = lexAdv
		}
		set(form, bit|lexIrregular, ss)
	}
	return out
}

func consonantY(w string) bool {
	return len(w) >= 2 && w[len(w)-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2]))
}

func plural(w string) string {
	switch {
	case consonantY(w):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

func pastOf(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case consonantY(w):
		return w[:len(w)-1] + "ied"
	}
	return w + "ed"
}

func ingOf(w string) string {
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && !strings.HasSuffix(w, "ye") && !strings.HasSuffix(w, "oe") && len(w) > 2 {
		return w[:len(w)-1] + "ing"
	}
	return w + "ing"
}

func gradeOf(w, suf string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + suf[1:]
	case consonantY(w):
		return w[:len(w)-1] + "i" + suf
	}
	return w + suf
}
