package source

import (
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cutter cuts a text stream into parts of at most size bytes, at the last
// paragraph break of the second half of a part, else the last sentence
// end, else white space, else a rune boundary.
type cutter struct {
	r    io.Reader
	size int
	buf  []byte
	eof  bool
}

// next returns the next part, or io.EOF.
func (c *cutter) next() (string, error) {
	if c.buf == nil {
		c.buf = make([]byte, 0, c.size+32<<10)
	}
	for !c.eof && len(c.buf) <= c.size {
		n, err := c.r.Read(c.buf[len(c.buf):cap(c.buf)])
		c.buf = c.buf[:len(c.buf)+n]
		if err == io.EOF {
			c.eof = true
		} else if err != nil {
			return "", err
		}
	}
	if len(c.buf) == 0 {
		return "", io.EOF
	}
	cut := len(c.buf)
	if cut > c.size {
		cut = cutPoint(c.buf, c.size)
	}
	part := string(c.buf[:cut])
	c.buf = c.buf[:copy(c.buf, c.buf[cut:])]
	return part, nil
}

// done reports whether the part returned last was the last one.
func (c *cutter) done() bool { return c.eof && len(c.buf) == 0 }

// cutPoint returns where to cut b, at most at limit (< len(b)).
func cutPoint(b []byte, limit int) int {
	lo := limit / 2
	// a paragraph break: a line that is empty or white space
	for j := limit - 1; j > lo; {
		i := bytes.LastIndexByte(b[lo:j], '\n')
		if i < 0 {
			break
		}
		i += lo
		k := i - 1
		for k > lo && (b[k] == ' ' || b[k] == '\t') {
			k--
		}
		if b[k] == '\n' {
			return i + 1
		}
		j = i
	}
	// a sentence end: . ! or ? (perhaps with a closing quote or bracket)
	// then white space and a capital, a digit or a quote
	for j := limit - 2; j > lo; j-- {
		if !isSpace(b[j+1]) || !startsSentence(b[j+2:]) {
			continue
		}
		k := j
		for k > lo && strings.IndexByte(`"')]`, b[k]) >= 0 {
			k--
		}
		if k > lo+2 && b[k] == 0x9D && b[k-1] == 0x80 && b[k-2] == 0xE2 { // ”
			k -= 3
		}
		if strings.IndexByte(".!?", b[k]) >= 0 && !abbreviation(b[lo:k]) {
			return j + 2
		}
	}
	// white space
	for j := limit - 1; j > lo; j-- {
		if isSpace(b[j]) {
			return j + 1
		}
	}
	// a rune boundary
	j := limit
	for j > limit-utf8.UTFMax && !utf8.RuneStart(b[j]) {
		j--
	}
	return j
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func startsSentence(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘(`, r)
}

// abbreviation reports whether the word b ends with (before its full stop)
// is a single letter or a title such as Mr or Dr, after which a full stop
// ends no sentence.
func abbreviation(b []byte) bool {
	i := len(b)
	for i > 0 && (b[i-1] >= 'a' && b[i-1] <= 'z' || b[i-1] >= 'A' && b[i-1] <= 'Z') {
		i--
	}
	w := string(b[i:])
	if len(w) == 1 {
		return true
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "st", "jr", "sr", "co", "inc", "ltd", "corp", "no", "vs", "gen", "col", "lt", "sgt", "rev", "prof", "gov", "sen", "rep":
		return true
	}
	return false
}

// Cut cuts text into the parts a Reader makes of it: one when it is
// PartSize bytes or less, else parts of at most PartSize bytes cut at a
// paragraph break, else a sentence end, else white space.
func Cut(text string) []string {
	return cut(text, PartSize)
}

func cut(text string, size int) []string {
	if len(text) <= size {
		return []string{text}
	}
	var parts []string
	c := &cutter{r: strings.NewReader(text), size: size}
	for {
		part, err := c.next()
		if err != nil {
			return parts // io.EOF: a strings.Reader fails no other way
		}
		parts = append(parts, part)
	}
}
