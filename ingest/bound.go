package ingest

import (
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
)

// MaxSentence bounds the bytes of one sentence given to the tagger. A
// longer one (a text without punctuation, an attack) is cut at white space
// into pieces of at most this size, each a sentence of its own, so that
// the NLP, the relations found in one sentence and the text each evidence
// record holds stay bounded. The longest sentence of the Reuters-21578
// corpus is 655 bytes (157 tokens); 99.9% are under 350.
const MaxSentence = 2000

// boundSentences cuts every sentence of ss longer than MaxSentence, at
// the last white space of the second half of its first MaxSentence bytes,
// else at a rune boundary. src is the text ss was segmented from.
func boundSentences(src string, ss []segment.Sentence) []segment.Sentence {
	long := false
	for _, s := range ss {
		if len(s.Text) > MaxSentence {
			long = true
			break
		}
	}
	if !long {
		return ss
	}
	out := make([]segment.Sentence, 0, len(ss))
	for _, s := range ss {
		for len(s.Text) > MaxSentence {
			cut := sentenceCut(s.Text, MaxSentence)
			out = append(out, segment.Sentence{Text: strings.TrimRight(s.Text[:cut], " \t\n\r\f\v"), Start: s.Start})
			rest := s.Text[cut:]
			trimmed := strings.TrimLeft(rest, " \t\n\r\f\v")
			s = segment.Sentence{Text: trimmed, Start: s.Start + cut + len(rest) - len(trimmed)}
		}
		if s.Text != "" {
			out = append(out, s)
		}
	}
	return out
}

// sentenceCut returns where to cut s (longer than limit): after the last
// white space in s[limit/2:limit], else at the last rune boundary at or
// before limit.
func sentenceCut(s string, limit int) int {
	if i := strings.LastIndexAny(s[limit/2:limit], " \t\n\r\f\v"); i >= 0 {
		return limit/2 + i + 1
	}
	j := limit
	for j > 0 && !utf8.RuneStart(s[j]) {
		j--
	}
	if j == 0 {
		return limit
	}
	return j
}
