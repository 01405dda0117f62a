package ud

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Reader reads sentences from CoNLL-U.
type Reader struct {
	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc}
}

// Read returns the next sentence, or io.EOF after the last. Multiword
// token ranges and empty nodes are kept in Sentence.Extra, not as words.
// Offsets come from a TokenRange=start:end in MISC, else they are -1.
func (r *Reader) Read() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if c, ok := strings.CutPrefix(line, "#"); ok {
			s.Comments = append(s.Comments, strings.TrimPrefix(c, " "))
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("conllu: line %d: %d fields, want 10", r.line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			if s.Extra == nil {
				s.Extra = map[int][]string{}
			}
			next := len(s.Tokens) + 1
			s.Extra[next] = append(s.Extra[next], line)
			continue
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(s.Tokens)+1 {
			return nil, fmt.Errorf("conllu: line %d: ID %q, want %d", r.line, f[0], len(s.Tokens)+1)
		}
		head := 0
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
				return nil, fmt.Errorf("conllu: line %d: bad head %q", r.line, f[6])
			}
		}
		t := Token{ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5], Head: head,
			Deprel: f[7], Deps: f[8], Misc: f[9], Start: -1, End: -1}
		t.Start, t.End = tokenRange(t.Misc)
		s.Tokens = append(s.Tokens, t)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", r.line, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	var out []*Sentence
	rd := NewReader(r)
	for {
		s, err := rd.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

func tokenRange(misc string) (int, int) {
	for _, kv := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(kv, "TokenRange="); ok {
			a, b, ok := strings.Cut(v, ":")
			if !ok {
				break
			}
			x, err1 := strconv.Atoi(a)
			y, err2 := strconv.Atoi(b)
			if err1 == nil && err2 == nil && x >= 0 && x <= y {
				return x, y
			}
		}
	}
	return -1, -1
}

// Writer writes sentences as CoNLL-U.
type Writer struct {
	w *bufio.Writer
}

// NewWriter returns a Writer to w; call Flush at the end.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Write writes one sentence followed by a blank line.
func (w *Writer) Write(s *Sentence) error {
	for _, c := range s.Comments {
		w.w.WriteString("# " + c + "\n")
	}
	for i, t := range s.Tokens {
		for _, x := range s.Extra[i+1] {
			w.w.WriteString(x + "\n")
		}
		head := strconv.Itoa(t.Head)
		fmt.Fprintf(w.w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, field(t.Form), field(t.Lemma),
			field(t.UPOS), field(t.XPOS), field(t.Feats), head, field(t.Deprel), field(t.Deps), field(t.Misc))
	}
	for _, x := range s.Extra[len(s.Tokens)+1] {
		w.w.WriteString(x + "\n")
	}
	_, err := w.w.WriteString("\n")
	return err
}

// Flush writes any buffered data.
func (w *Writer) Flush() error { return w.w.Flush() }

func field(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
