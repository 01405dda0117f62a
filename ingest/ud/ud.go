// Package ud holds Universal Dependencies tokens and sentences, a CoNLL-U
// reader and writer, and the invariants every parsed sentence keeps: one
// root, heads in range, no cycles, and offsets that locate the text.
//
// It depends on the standard library only.
package ud

import (
	"errors"
	"fmt"
	"strings"
)

// Token is one syntactic word of a sentence. ID counts from 1; Head is the
// ID of the word's head, 0 for the root. Start and End are byte offsets of
// the word in the text it was read from, or -1 when unknown.
type Token struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	Deps   string
	Misc   string
	Start  int
	End    int
}

// Sentence is the words of one sentence with its comment lines (without
// the leading "# ") and, when the input had them, multiword-token ranges
// and empty nodes kept verbatim for the writer.
type Sentence struct {
	Comments []string
	Tokens   []Token
	// Extra lines (multiword ranges "3-4", empty nodes "5.1") keyed by
	// the ID of the word they come before; written back in place.
	Extra map[int][]string
}

// Text returns the sentence's "text = ..." comment, or "".
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		if v, ok := strings.CutPrefix(c, "text = "); ok {
			return v
		}
	}
	return ""
}

// Comment returns the value of the comment "key = value", or "".
func (s *Sentence) Comment(key string) string {
	for _, c := range s.Comments {
		if v, ok := strings.CutPrefix(c, key+" = "); ok {
			return v
		}
	}
	return ""
}

// BaseRel returns a relation without its subtype: "nsubj:pass" → "nsubj".
func BaseRel(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// ErrInvalid is wrapped by every error Validate returns.
var ErrInvalid = errors.New("ud: invalid sentence")

// Validate checks the invariants of a parsed sentence: IDs are 1..n in
// order, every head is in range, exactly one word has head 0 (with
// relation root), the heads form no cycle, and, if text is not empty,
// each word's offsets locate its form in text.
func Validate(s *Sentence, text string) error {
	n := len(s.Tokens)
	roots := 0
	for i, t := range s.Tokens {
		if t.ID != i+1 {
			return fmt.Errorf("%w: word %d has ID %d", ErrInvalid, i+1, t.ID)
		}
		if t.Head < 0 || t.Head > n || t.Head == t.ID {
			return fmt.Errorf("%w: word %d has head %d out of range", ErrInvalid, t.ID, t.Head)
		}
		if t.Head == 0 {
			roots++
			if t.Deprel != "root" {
				return fmt.Errorf("%w: word %d has head 0 but relation %q", ErrInvalid, t.ID, t.Deprel)
			}
		} else if t.Deprel == "root" {
			return fmt.Errorf("%w: word %d has relation root but head %d", ErrInvalid, t.ID, t.Head)
		}
		if text != "" && t.Start >= 0 {
			if t.Start > t.End || t.End > len(text) || text[t.Start:t.End] != t.Form {
				return fmt.Errorf("%w: word %d %q: offsets %d:%d do not locate it in the text", ErrInvalid, t.ID, t.Form, t.Start, t.End)
			}
		}
	}
	if n > 0 && roots != 1 {
		return fmt.Errorf("%w: %d roots", ErrInvalid, roots)
	}
	// no cycles: from every word, walking up reaches 0 within n steps
	for i := range s.Tokens {
		h, steps := s.Tokens[i].Head, 0
		for h != 0 {
			h = s.Tokens[h-1].Head
			if steps++; steps > n {
				return fmt.Errorf("%w: word %d is in a cycle", ErrInvalid, i+1)
			}
		}
	}
	return nil
}
