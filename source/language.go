package source

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNotEnglish is returned for a text that is not in English.
var ErrNotEnglish = errors.New("not English text (kg extracts English only)")

// minJudged is the fewest words a text needs to be judged: a shorter one
// is taken as English.
const minJudged = 20

// Language counts what tells English from other languages in a text, fed
// piece by piece with Write, so that a long text need not be held whole.
// It looks at letters and words only: the share of letters outside the
// Latin script, and among words the common function words of English
// against those of other languages written in Latin letters (German,
// French, Spanish, Italian, Portuguese, Dutch, the Nordic languages,
// Polish, Czech, Finnish, Turkish, Indonesian...). A text of numbers,
// names and abbreviations (a table of results) counts for no language and
// is taken as English.
type Language struct {
	letters, latin int
	scripts        map[string]int
	words          int
	english        int
	other          map[string]int
	marked         int // Latin letters with a diacritic
	word           []byte
	carry          []byte // an incomplete rune at the end of the last Write
}

// Write counts the words of p, which may end inside a word or a rune.
func (l *Language) Write(p []byte) (int, error) {
	n := len(p)
	if len(l.carry) > 0 {
		p = append(l.carry, p...)
		l.carry = nil
	}
	for i := 0; i < len(p); {
		if !utf8.FullRune(p[i:]) {
			// the rest of the rune comes with the next Write
			l.carry = append([]byte(nil), p[i:]...)
			break
		}
		r, size := utf8.DecodeRune(p[i:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || (r == '\'' || r == '’') && len(l.word) > 0 {
			l.word = append(l.word, p[i:i+size]...)
		} else {
			l.endWord()
		}
		i += size
	}
	return n, nil
}

func (l *Language) endWord() {
	if len(l.word) == 0 {
		return
	}
	w := string(l.word)
	l.word = l.word[:0]
	w = strings.TrimRight(w, "'’")
	if w == "" {
		return
	}
	unspacedLetters := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if unspaced(r) {
			unspacedLetters++
		}
		l.letters++
		if unicode.Is(unicode.Latin, r) {
			l.latin++
			if r >= 0xC0 {
				l.marked++
			}
			continue
		}
		if l.scripts == nil {
			l.scripts = map[string]int{}
		}
		l.scripts[scriptOf(r)]++
	}
	// each letter of Chinese, Japanese or Thai counts as a word
	l.words += max(1, unspacedLetters)
	lw := strings.ToLower(w)
	if englishWords[lw] {
		l.english++
	}
	for _, lang := range foreignWords[lw] {
		if l.other == nil {
			l.other = map[string]int{}
		}
		l.other[lang]++
	}
}

// English returns nil if the text written looks like English, or one too
// short to tell, and otherwise an error that wraps ErrNotEnglish and says
// what the text looks like.
func (l *Language) English() error {
	l.endWord()
	if l.words < minJudged || l.letters == 0 {
		return nil
	}
	if other := l.letters - l.latin; other*2 > l.letters {
		script, most := "", 0
		for s, n := range l.scripts {
			if n > most || n == most && s < script {
				script, most = s, n
			}
		}
		if script == "Chinese" && l.scripts["Japanese"] > 0 {
			script = "Japanese" // kanji and kana
		}
		return fmt.Errorf("%w: mostly %s letters", ErrNotEnglish, script)
	}
	lang, most := "", 0
	for g, n := range l.other {
		if n > most || n == most && g < lang {
			lang, most = g, n
		}
	}
	// English prose has a third or more of its words from the list, news
	// a fifth or more; other languages a few per cent (shared words such
	// as "in" and "a" are in neither list).
	share := float64(l.english) / float64(l.words)
	otherShare := float64(most) / float64(l.words)
	if otherShare >= 0.08 && otherShare > 1.5*share {
		return fmt.Errorf("%w: looks like %s", ErrNotEnglish, lang)
	}
	if share < 0.04 && float64(l.marked) > 0.03*float64(l.latin) {
		return fmt.Errorf("%w: few English words, many accented letters", ErrNotEnglish)
	}
	return nil
}

// English returns nil if text looks like English (see Language).
func English(text string) error {
	var l Language
	l.Write([]byte(text))
	return l.English()
}

// unspaced reports whether r is a letter of a script written without
// spaces between words.
func unspaced(r rune) bool {
	return r >= 0x2E80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)) ||
		unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

func scriptOf(r rune) string {
	for _, s := range []struct {
		name  string
		table *unicode.RangeTable
	}{
		{"Cyrillic", unicode.Cyrillic}, {"Greek", unicode.Greek}, {"Arabic", unicode.Arabic},
		{"Hebrew", unicode.Hebrew}, {"Chinese", unicode.Han}, {"Japanese", unicode.Hiragana},
		{"Japanese", unicode.Katakana}, {"Korean", unicode.Hangul}, {"Devanagari", unicode.Devanagari},
		{"Thai", unicode.Thai}, {"Armenian", unicode.Armenian}, {"Georgian", unicode.Georgian},
		{"Bengali", unicode.Bengali}, {"Tamil", unicode.Tamil},
	} {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return "non-Latin"
}

// englishWords are frequent English function words that are rare as words
// of other languages written in Latin letters.
var englishWords = set(
	"the", "of", "and", "to", "is", "was", "for", "that", "with", "on", "as", "by", "at", "from",
	"it", "its", "he", "she", "his", "her", "they", "their", "them", "we", "our", "you", "your",
	"this", "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
	"be", "been", "being", "are", "were", "has", "have", "had", "will", "would", "shall", "should",
	"can", "could", "may", "might", "must", "not", "no", "but", "or", "if", "than", "then", "there",
	"said", "says", "say", "also", "after", "before", "about", "over", "under", "into", "between",
	"against", "during", "without", "within", "through", "up", "out", "more", "most", "other",
	"some", "any", "all", "each", "such", "only", "new", "year", "years", "last", "first", "one",
	"two", "three", "do", "does", "did", "an", "mln", "pct", "company", "government",
)

// foreignWords maps frequent function words of other languages to those
// languages; words that are also common in English are left out.
var foreignWords = func() map[string][]string {
	m := map[string][]string{}
	for lang, words := range map[string]string{
		"German":                       "der die das und ist nicht ein eine einen dem den des mit sich auf für von zu im auch es als wie bei nach noch aus werden wird sind war hat haben oder aber wenn nur über sie ich wir ihr sein seine dass daß zum zur vom durch",
		"French":                       "le la les et est une un des du dans pour que qui pas sur au aux avec ce cette il elle sont ont été être par mais ou plus nous vous leur comme sa ses son tout fait",
		"Spanish":                      "el la los las y es una un del que en por con para se lo su sus como pero más está son fue ha al este esta ya muy también sin sobre entre",
		"Italian":                      "il lo la gli le di che è e un una per con non sono del della dei delle nel nella da al alla anche come più ma questo questa ha hanno essere stato",
		"Portuguese":                   "o os as e da do das dos em um uma para com não que se por mais como mas foi ao na no nas nos é são também ele ela seu sua",
		"Dutch":                        "de het een en van dat niet zijn voor met op te ook aan er maar om bij dit wordt werd heeft hebben naar nog uit geen wel worden",
		"Swedish, Danish or Norwegian": "och att det som är på för med av inte har ett jag den till og er ikke af til en på med det som har være var ble fra kan skal vil",
		"Polish":                       "i w nie na się z że do jest to jak ale po od za co tak być już jego jej przez dla są oraz który która które",
		"Czech":                        "a je se v na že to s z do jako ale by jsou jeho pro které který která také byl byla být podle",
		"Finnish":                      "ja on ei se että oli hän ovat mutta kun myös tai joka jotka sen niin vain kuin ole olla",
		"Turkish":                      "ve bir bu da de için ile olan çok daha gibi ama ne olarak kadar sonra ancak değil",
		"Indonesian":                   "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh mereka",
	} {
		for _, w := range strings.Fields(words) {
			if !englishWords[w] && !sharedWords[w] {
				m[w] = append(m[w], lang)
			}
		}
	}
	return m
}()

// sharedWords are words of other languages that English texts use as
// often: names' particles, loan words, single letters.
var sharedWords = set("a", "i", "in", "o", "die", "son", "am", "den", "de", "van", "la", "le", "el",
	"se", "e", "s", "z", "v", "ja", "hat", "war", "over", "per", "da", "du", "es", "lo", "al", "con", "pas", "sur", "fait",
	"art", "post", "bei", "er", "man", "see", "gift", "ist", "tout", "ha", "ne", "para", "com", "ole", "ce", "kan")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
