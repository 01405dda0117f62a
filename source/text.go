package source

import (
	"fmt"
	"io"
	"strings"
)

// Check checks a text given whole (through the API) as a Reader checks a
// file, and returns it as it is to be extracted: its front matter read into
// the fields left blank, CRLF and CR made LF. It refuses a text that is
// empty, longer than MaxText, not text (a NUL byte, invalid UTF-8) or not
// English, with the same messages as for a file.
func Check(d Document) (Document, error) {
	if strings.TrimSpace(d.Text) == "" {
		return d, ErrEmpty
	}
	if len(d.Text) > MaxText {
		return d, fmt.Errorf("text is over %d bytes: send it in parts, or use kg ingest", MaxText)
	}
	var b strings.Builder
	b.Grow(len(d.Text))
	if _, err := io.Copy(&b, newDecoder(strings.NewReader(d.Text), true)); err != nil {
		return d, err
	}
	d.Text = b.String()
	if err := English(d.Text); err != nil {
		return d, err
	}
	return FrontMatter(d), nil
}

// Parts cuts a document longer than PartSize into parts as a Reader cuts a
// long file: ID#1, ID#2, ..., each at most PartSize bytes, cut at a
// paragraph break, else a sentence end, else white space; the first keeps
// the title. A shorter document is its only part, its ID unchanged.
func Parts(d Document) []Document {
	if len(d.Text) <= PartSize {
		return []Document{d}
	}
	return parts(d, PartSize)
}
