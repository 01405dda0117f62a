package ud

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize cuts raw text into sentences of UD-style words with byte
// offsets into text: punctuation apart from words, clitics split off
// ("don't" → "do n't", "Kuusik's" → "Kuusik 's"), abbreviations, numbers
// and hyphenated words kept whole. A sentence ends after ., ! or ? that
// is followed by a word starting with a capital, digit or quote, or at a
// blank line. Tags, heads and relations are left empty.
func Tokenize(text string) []*Sentence {
	var out []*Sentence
	cur := &Sentence{}
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = &Sentence{}
	}
	add := func(start, end int) {
		cur.Tokens = append(cur.Tokens, Token{ID: len(cur.Tokens) + 1, Form: text[start:end], Start: start, End: end})
	}
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			// a blank line ends a sentence
			if r == '\n' {
				j := i + n
				for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
					j++
				}
				if j < len(text) && text[j] == '\n' {
					flush()
				}
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
		for _, w := range splitChunk(text, i, j) {
			add(w[0], w[1])
			if isSentenceEnd(text, cur, w[1]) {
				flush()
			}
		}
		i = j
	}
	flush()
	for _, s := range out {
		s.Comments = []string{"text = " + strings.Join(strings.Fields(text[s.Tokens[0].Start:s.Tokens[len(s.Tokens)-1].End]), " ")}
	}
	return out
}

// isSentenceEnd reports whether the word just added, ending at end, closes
// a sentence.
func isSentenceEnd(text string, s *Sentence, end int) bool {
	last := s.Tokens[len(s.Tokens)-1].Form
	closers := `"')]”’`
	if strings.ContainsAny(last, closers) && len(s.Tokens) > 1 && len(last) <= 3 {
		last = s.Tokens[len(s.Tokens)-2].Form
		if last != "." && last != "!" && last != "?" && last != "..." {
			return false
		}
		if end < len(text) && !unicode.IsSpace(rune(text[end])) {
			return false
		}
	} else if last != "." && last != "!" && last != "?" && last != "..." {
		return false
	}
	// the next word must look like the start of a sentence
	j := end
	for j < len(text) && unicode.IsSpace(rune(text[j])) {
		j++
	}
	if j == end && j < len(text) {
		return false
	}
	if j >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘([`, r)
}

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "'S", "’S", "N'T", "'RE", "'VE", "'LL", "'D", "'M"}

// abbreviations keep their final period.
var abbreviations = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "st.": true, "jr.": true, "sr.": true,
	"inc.": true, "ltd.": true, "co.": true, "corp.": true, "vs.": true, "etc.": true, "e.g.": true, "i.e.": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true, "sep.": true,
	"sept.": true, "oct.": true, "nov.": true, "dec.": true, "gen.": true, "gov.": true, "sen.": true, "rep.": true,
	"no.": true, "mt.": true, "u.s.": true, "u.k.": true, "u.n.": true, "a.m.": true, "p.m.": true, "col.": true,
	"lt.": true, "capt.": true, "sgt.": true, "rev.": true, "ave.": true, "dept.": true, "est.": true, "fig.": true,
}

// splitChunk cuts the non-space run text[i:j] into words.
func splitChunk(text string, i, j int) [][2]int {
	var pre, post [][2]int
	// leading punctuation
	for i < j {
		r, n := utf8.DecodeRuneInString(text[i:j])
		if !(isPunct(r) || r == '$') || (r == '.' && i+1 < j && isDigit(text[i+1])) {
			break
		}
		if strings.HasPrefix(text[i:j], "``") || strings.HasPrefix(text[i:j], "--") || strings.HasPrefix(text[i:j], "...") {
			k := 2
			if text[i] == '.' {
				k = 3
			}
			pre = append(pre, [2]int{i, i + k})
			i += k
			continue
		}
		pre = append(pre, [2]int{i, i + n})
		i += n
	}
	// trailing punctuation
	for j > i {
		r, n := utf8.DecodeLastRuneInString(text[i:j])
		if !isPunct(r) {
			break
		}
		w := strings.ToLower(text[i:j])
		if r == '.' {
			if abbreviations[w] || isInitials(text[i:j]) {
				break
			}
			if strings.HasSuffix(w, "...") {
				post = append(post, [2]int{j - 3, j})
				j -= 3
				continue
			}
		}
		if r == '\'' || r == '’' {
			// "the players'" keeps no separate clitic; the quote is punct
			// only if the chunk began with one
			if len(pre) == 0 && j-n > i && (text[j-n-1] == 's' || text[j-n-1] == 'S') {
				post = append(post, [2]int{j - n, j})
				j -= n
				continue
			}
		}
		post = append(post, [2]int{j - n, j})
		j -= n
	}
	var mid [][2]int
	if i < j {
		w := text[i:j]
		split := j
		for _, c := range clitics {
			if len(w) > len(c) && strings.HasSuffix(w, c) {
				split = j - len(c)
				break
			}
		}
		if split < j {
			mid = append(mid, [2]int{i, split}, [2]int{split, j})
		} else {
			mid = append(mid, [2]int{i, j})
		}
	}
	out := append(pre, mid...)
	for k := len(post) - 1; k >= 0; k-- {
		out = append(out, post[k])
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r) && r != '$' && r != '%' && r != '&' && r != '+' && r != '='
}

// isInitials reports whether w is like "U.S." or "J.": letters each
// followed by a period.
func isInitials(w string) bool {
	if len(w) < 2 {
		return false
	}
	for k := 0; k < len(w); k += 2 {
		if k+1 >= len(w) || w[k+1] != '.' || !unicode.IsLetter(rune(w[k])) {
			return false
		}
	}
	return true
}
