package ingest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/ner/maxentmodel"
	"github.com/jdkato/prose/v3/tag"
)

// nerModel labels tokens with prose's named-entity model, exactly as prose's
// ner.Extracter.Label does, about thirty times faster. prose scores each
// token by looking up every (feature, value, label) weight with a binary
// search over string keys: 17 features times 19 labels per token, which
// was 95% of the cost of the whole NLP. nerModel reads the same model from
// the bytes prose embeds into one hash lookup per (feature, value), giving
// the weights of all labels at once, and sums them in prose's order, so
// the scores are the same to the bit and so are the labels
// (TestNERMatchesProse compares them on every token of our test texts and,
// when present, of the Reuters corpus).
//
// A model in another format (a new prose) makes loadNER fail, and
// Extractor falls back to prose's own labeller.
type nerModel struct {
	labels  []string
	history []string // what each label leaves for the next token's prevtag
	weights map[string][]float32
}

// nerFeatures are prose's feature names in the order prose sums them.
var nerFeatures = []string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// loadNER reads prose's embedded model (format PROSENER version 1).
func loadNER() (*nerModel, error) {
	r := modelReader{b: maxentmodel.English}
	if string(r.bytes(8)) != "PROSENER" {
		return nil, errors.New("ingest: not a prose entity model")
	}
	if v := r.u32(); v != 1 {
		return nil, fmt.Errorf("ingest: prose entity model version %d, want 1", v)
	}
	r.u32() // cardinality
	m := &nerModel{weights: map[string][]float32{}}
	for n := r.u32(); n > 0 && r.err == nil; n-- {
		l := r.str16()
		m.labels = append(m.labels, l)
		m.history = append(m.history, simplePOS(l))
	}
	nKeys, blobLen := int(r.u32()), int(r.u32())
	blob := r.bytes(blobLen)
	off := make([]uint32, nKeys+1)
	for i := range off {
		off[i] = r.u32()
	}
	if r.err != nil {
		return nil, r.err
	}
	for i := range nKeys {
		w := math.Float32frombits(r.u32())
		if r.err != nil {
			return nil, r.err
		}
		if off[i] > off[i+1] || int(off[i+1]) > len(blob) {
			return nil, errors.New("ingest: prose entity model: bad key offsets")
		}
		name, value, label, ok := m.splitKey(string(blob[off[i]:off[i+1]]))
		if !ok {
			return nil, fmt.Errorf("ingest: prose entity model: key %q does not parse", blob[off[i]:off[i+1]])
		}
		k := name + "\x00" + value
		v := m.weights[k]
		if v == nil {
			v = make([]float32, len(m.labels))
			m.weights[k] = v
		}
		v[label] = w
	}
	return m, nil
}

// splitKey splits a model key, "feature-value-label", where the value may
// hold dashes and so may feature and label names ("en-wordlist", "B-GPE").
func (m *nerModel) splitKey(key string) (name, value string, label int, ok bool) {
	label = -1
	for i, l := range m.labels {
		if strings.HasSuffix(key, "-"+l) {
			if label >= 0 {
				return "", "", 0, false // two readings
			}
			label = i
		}
	}
	if label < 0 {
		return "", "", 0, false
	}
	rest := key[:len(key)-len(m.labels[label])-1]
	for _, f := range nerFeatures {
		if strings.HasPrefix(rest, f+"-") {
			if name != "" {
				return "", "", 0, false
			}
			name = f
		}
	}
	if name == "" {
		return "", "", 0, false
	}
	return name, rest[len(name)+1:], label, true
}

// Label sets the IOB entity label of each token, which must be tagged.
func (m *nerModel) Label(toks []tag.Token) {
	if len(toks) == 0 {
		return
	}
	var vals [17]string
	scores := make([]float32, len(m.labels))
	history := make([]string, 0, len(toks))
	key := make([]byte, 0, 64)
	for i := range toks {
		m.features(&vals, i, toks, history)
		clear(scores)
		for f, name := range nerFeatures {
			key = append(append(append(key[:0], name...), 0), vals[f]...)
			if w, ok := m.weights[string(key)]; ok {
				for j, x := range w {
					scores[j] += x
				}
			}
		}
		best, bestScore := 0, float32(math.Inf(-1))
		for j, s := range scores {
			if s > bestScore {
				best, bestScore = j, s
			}
		}
		toks[i].Label = m.labels[best]
		history = append(history, m.history[best])
	}
}

// features sets vals, in nerFeatures order, to prose's features of token i
// (prose's ner.extractInto).
func (m *nerModel) features(vals *[17]string, i int, ctx []tag.Token, history []string) {
	word := ctx[i].Text
	lower := strings.ToLower(word)
	prevTag, prevWord, prevPos, prevShape := "None", "None", "None", "None"
	if i > 0 {
		prevWord, prevPos, prevTag = strings.ToLower(ctx[i-1].Text), ctx[i-1].Tag, history[i-1]
		if i > 1 {
			prevShape = nerShape(ctx[i-1].Text)
		}
	}
	nextWord, nextPos := "None", "None"
	if i < len(ctx)-1 {
		nextWord, nextPos = strings.ToLower(ctx[i+1].Text), strings.ToLower(ctx[i+1].Tag)
	}
	pos := ctx[i].Tag
	en := "False"
	if basicWords[word] {
		en = "True"
	}
	*vals = [17]string{
		"True",                    // bias
		en,                        // en-wordlist
		nextPos,                   // nextpos
		nextWord,                  // nextword
		pos,                       // pos
		pos + "+" + prevTag,       // pos+prevtag
		nPrefix(word, 3),          // prefix3
		prevPos,                   // prevpos
		prevTag,                   // prevtag
		prevWord,                  // prevword
		nerShape(word),            // shape
		prevShape + "+" + prevTag, // shape+prevtag
		nSuffix(word, 3),          // suffix3
		word,                      // word
		lower + "+" + nextPos,     // word+nextpos
		lower,                     // word.lower
		strconv.Itoa(len(word)),   // wordlen
	}
}

// nerShape is prose's shape feature: "number", "punct" when the last
// character is not an ASCII letter, digit or underscore (as `\W+$`),
// "downcase", "upcase" (as strings.Title leaves it) or "mixedcase".
func nerShape(word string) string {
	if _, err := strconv.ParseFloat(word, 64); err == nil {
		return "number"
	}
	if word == "" {
		return "other"
	}
	r, _ := utf8.DecodeLastRuneInString(word)
	if !(r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
		return "punct"
	}
	if strings.ToLower(word) == word {
		return "downcase"
	}
	//nolint:staticcheck // prose's model was trained on strings.Title's notion of upcase
	if strings.Title(word) == word {
		return "upcase"
	}
	return "mixedcase"
}

// simplePOS is prose's: a label's prefix before its first dash ("B"), "v"
// for a verb tag.
func simplePOS(pos string) string {
	if strings.HasPrefix(pos, "V") {
		return "v"
	}
	return strings.Split(pos, "-")[0]
}

// nPrefix and nSuffix are prose's: the first or last n bytes, lower case.
func nPrefix(word string, n int) string { return strings.ToLower(word[:min(len(word), n)]) }
func nSuffix(word string, n int) string { return strings.ToLower(word[len(word)-min(len(word), n):]) }

// modelReader reads prose's flat model format: little-endian integers.
type modelReader struct {
	b   []byte
	err error
}

func (r *modelReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = errors.New("ingest: prose entity model is truncated")
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *modelReader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *modelReader) str16() string {
	b := r.bytes(2)
	if b == nil {
		return ""
	}
	return string(r.bytes(int(binary.LittleEndian.Uint16(b))))
}
