package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// decoder reads a file as UTF-8 text: UTF-8, with or without a byte-order
// mark (dropped), or UTF-16 with one (converted). When it checks text it
// fails on a NUL byte (binary) or invalid UTF-8, and turns CRLF and CR
// line ends into LF.
type decoder struct {
	r      io.Reader
	text   bool
	utf16  int // 0: UTF-8; 1: little endian; 2: big endian
	begun  bool
	buf    []byte
	tail   [utf8.UTFMax]byte // the start of a rune (or code unit) cut by the last read
	kept   int
	high   rune // a high surrogate waiting for its low one
	cr     bool // the last byte sent was a CR turned into LF
	out    []byte
	decode []byte // UTF-8 converted from UTF-16
	off    int64  // bytes of input decoded so far
	eof    bool
	err    error
}

func newDecoder(r io.Reader, text bool) *decoder {
	return &decoder{r: r, text: text, buf: make([]byte, 64<<10)}
}

func (d *decoder) Read(p []byte) (int, error) {
	for len(d.out) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		d.fill()
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}

// fill decodes the next block of input into out, or sets err.
func (d *decoder) fill() {
	n := copy(d.buf, d.tail[:d.kept])
	for !d.eof {
		m, err := d.r.Read(d.buf[n:])
		n += m
		if err == io.EOF {
			d.eof = true
		} else if err != nil {
			d.err = err
			return
		}
		if n >= 4 || d.begun && m > 0 {
			break
		}
	}
	b := d.buf[:n]
	if !d.begun {
		d.begun = true
		switch {
		case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
			d.err = errors.New("not text: UTF-32 (convert it to UTF-8 first)")
			return
		case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
			d.utf16, b, d.off = 1, b[2:], 2
		case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
			d.utf16, b, d.off = 2, b[2:], 2
		case bytes.HasPrefix(b, []byte("\uFEFF")):
			b, d.off = b[3:], 3
		}
	}
	keep := 0 // bytes to keep for the next read: part of a rune
	var text []byte
	if d.utf16 != 0 {
		if !d.eof {
			keep = len(b) % 2
		} else if len(b)%2 != 0 {
			d.err = errors.New("not text: odd-length UTF-16")
			return
		}
		if text = d.decode16(b[:len(b)-keep]); d.err != nil {
			return
		}
	} else {
		if !d.eof {
			keep = len(b) - runeEnd(b)
		}
		text = b[:len(b)-keep]
		if d.text {
			if i := bytes.IndexByte(text, 0); i >= 0 {
				d.err = fmt.Errorf("not text: binary file (a NUL byte at byte %d)", d.off+int64(i))
				return
			}
			if !utf8.Valid(text) {
				d.err = fmt.Errorf("not text: invalid UTF-8 at byte %d (convert it to UTF-8 first)", d.off+int64(invalidAt(text)))
				return
			}
		}
	}
	d.off += int64(len(text))
	d.kept = copy(d.tail[:], b[len(b)-keep:])
	d.out = d.lineEnds(text)
	if d.eof && d.kept == 0 {
		if d.high != 0 {
			d.out = utf8.AppendRune(d.out, utf8.RuneError)
			d.high = 0
		}
		d.err = io.EOF
	}
}

// decode16 converts UTF-16 code units to UTF-8; an unpaired surrogate is
// U+FFFD, and a NUL is binary.
func (d *decoder) decode16(b []byte) []byte {
	out := d.decode[:0]
	for i := 0; i+1 < len(b); i += 2 {
		var u rune
		if d.utf16 == 1 {
			u = rune(b[i]) | rune(b[i+1])<<8
		} else {
			u = rune(b[i])<<8 | rune(b[i+1])
		}
		switch {
		case u == 0 && d.text:
			d.err = fmt.Errorf("not text: binary file (a NUL character at byte %d)", d.off+int64(i))
			return nil
		case 0xD800 <= u && u < 0xDC00:
			if d.high != 0 {
				out = utf8.AppendRune(out, utf8.RuneError)
			}
			d.high = u
			continue
		case 0xDC00 <= u && u < 0xE000:
			if d.high != 0 {
				out = utf8.AppendRune(out, 0x10000+(d.high-0xD800)<<10+(u-0xDC00))
				d.high = 0
				continue
			}
			u = utf8.RuneError
		}
		if d.high != 0 {
			out = utf8.AppendRune(out, utf8.RuneError)
			d.high = 0
		}
		out = utf8.AppendRune(out, u)
	}
	d.decode = out
	return out
}

// lineEnds turns CRLF and CR into LF in text (when checking text).
func (d *decoder) lineEnds(b []byte) []byte {
	if !d.text || len(b) == 0 || !d.cr && bytes.IndexByte(b, '\r') < 0 {
		if len(b) > 0 {
			d.cr = false
		}
		return b
	}
	out := b[:0]
	for _, c := range b {
		switch {
		case c == '\r':
			out = append(out, '\n')
			d.cr = true
		case c == '\n' && d.cr:
			d.cr = false
		default:
			out = append(out, c)
			d.cr = false
		}
	}
	return out
}

// runeEnd returns the length of b without an incomplete rune at its end.
func runeEnd(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}

// invalidAt returns the offset of the first invalid UTF-8 in b.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}
